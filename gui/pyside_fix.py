"""Guard against a reference-count bug in some PySide6 builds.

PySide6 6.12.0 drops one reference to the value a wrapped call returns when
that value is a singleton: every ``void`` method called from Python (e.g.
``setObjectName``, ``beginResetModel``) loses a reference to ``None``, every
``SignalInstance.emit()`` one to ``True``. CPython 3.12+ makes these objects
immortal, so nothing happens there; on 3.11 their counts run down and after
enough calls (a long session, a benchmark) the interpreter aborts with
"none_dealloc" or "bool_dealloc".

:func:`apply` measures whether the running PySide6 leaks and, only then, gives
``None``, ``True`` and ``False`` the effectively-immortal count newer CPythons
give them. It is idempotent and costs a few calls.
"""

from __future__ import annotations

import ctypes
import sys

_IMMORTAL_MARGIN = 1 << 40
_applied = False


_SINGLETONS = (None, True, False)
_PROBE_CALLS = 32


def leaks_singletons() -> bool:
    """Whether void calls or ``emit()`` lose references to None/True/False here.

    Each singleton is checked on its own, after a warm-up (first calls fill
    caches, which adds references), and over enough calls that a leak of one
    reference per call stands out from incidental allocations.
    """
    from PySide6.QtCore import QObject, Signal

    class _Probe(QObject):
        ping = Signal()

    probe = _Probe()

    def calls() -> None:
        for _ in range(_PROBE_CALLS):
            probe.setObjectName("probe")
            probe.ping.emit()

    calls()
    before = [sys.getrefcount(value) for value in _SINGLETONS]
    calls()
    after = [sys.getrefcount(value) for value in _SINGLETONS]
    return any(b - a >= _PROBE_CALLS // 2 for b, a in zip(before, after, strict=True))


def apply() -> bool:
    """Make None/True/False immortal if (and only if) PySide6 leaks them; True if applied."""
    global _applied
    if _applied:
        return True
    if sys.version_info >= (3, 12) or sys.implementation.name != "cpython":
        return False
    if not leaks_singletons():
        return False
    for value in _SINGLETONS:
        ctypes.c_ssize_t.from_address(id(value)).value += _IMMORTAL_MARGIN
    _applied = True
    return True
