"""Package attributes that load their module on first use (PEP 562).

``core.store`` pulls in sqlite-utils and ``core.report`` pulls in Markdown;
importing a light submodule such as ``core.store.records`` (for ``STATUSES``)
must not pay for them. A package lists what it exports and from where, and
hands the returned function to its module-level ``__getattr__``.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Mapping
from typing import Any


def lazy_getattr(package: str, exports: Mapping[str, str]) -> Callable[[str], Any]:
    """A module ``__getattr__`` that imports ``exports[name]`` and caches the attribute."""

    def __getattr__(name: str) -> Any:  # noqa: N807 - the module hook Python looks up by this name
        module = exports.get(name)
        if module is None:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        value = getattr(importlib.import_module(module), name)
        setattr(importlib.import_module(package), name, value)
        return value

    return __getattr__
