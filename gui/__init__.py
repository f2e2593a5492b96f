"""FactDiff's window: a thin PySide6 layer over the engine's public API.

Nothing under ``core/`` imports from here; everything here reaches the engine
and the project file only through their public functions.
"""

from gui import pyside_fix as _pyside_fix

_pyside_fix.apply()
