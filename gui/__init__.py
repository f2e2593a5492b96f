"""FactDiff's window: a thin PySide6 layer over the engine's public API.

Nothing under ``core/`` imports from here; everything here reaches the engine
and the project file only through their public functions.
"""
