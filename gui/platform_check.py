"""Why the window could not start on Linux, said before Qt aborts without a word.

When a system library that Qt's X11 plugin needs is missing, Qt prints a
generic "could not load the Qt platform plugin xcb" and aborts the process,
so nothing can catch it. Loading the plugin ourselves first names the missing
library, and ``resources/linux/window-libraries.txt`` names its package.
"""

from __future__ import annotations

import ctypes
import os
import re
import sys
from pathlib import Path

from core.resources_path import resource

_MISSING = re.compile(r"([\w.+-]+\.so(?:\.\d+)*): cannot open shared object file")


def library_packages() -> dict[str, str]:
    """Library file name → the Debian/Ubuntu package that provides it."""
    table: dict[str, str] = {}
    try:
        lines = resource("linux", "window-libraries.txt").read_text(encoding="utf-8").splitlines()
    except OSError:
        return table
    for line in lines:
        parts = line.split("#", 1)[0].split()
        if len(parts) == 2:
            table[parts[0]] = parts[1]
    return table


def uses_xcb(environ: dict[str, str] | None = None) -> bool:
    """Whether Qt would start on X11 here (the only platform whose libraries we check)."""
    env = os.environ if environ is None else environ
    if not sys.platform.startswith("linux"):
        return False
    chosen = env.get("QT_QPA_PLATFORM", "")
    if chosen:
        return chosen.split(";")[0].split(":")[0] == "xcb"
    on_wayland = env.get("WAYLAND_DISPLAY") and env.get("XDG_SESSION_TYPE") == "wayland"
    return bool(env.get("DISPLAY")) and not on_wayland


def xcb_plugin() -> Path | None:
    from PySide6.QtCore import QLibraryInfo

    plugins = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.PluginsPath))
    path = plugins / "platforms" / "libqxcb.so"
    return path if path.is_file() else None


def missing_library(plugin: Path | None) -> str | None:
    """The library file the plugin cannot load, or None when it loads (or is not there)."""
    if plugin is None:
        return None
    try:
        ctypes.CDLL(str(plugin))
    except OSError as exc:
        found = _MISSING.search(str(exc))
        return found.group(1) if found else str(exc)
    return None


def platform_hint(environ: dict[str, str] | None = None) -> str | None:
    """One line for the user when the window cannot start on this Linux desktop, else None."""
    if not uses_xcb(environ):
        return None
    missing = missing_library(xcb_plugin())
    if missing is None:
        return None
    packages = library_packages()
    package = packages.get(missing)
    install = " ".join(sorted(set(packages.values()))) if packages else ""
    what = f"{missing} (package {package})" if package else missing
    return (f"the window cannot start: Qt's X11 platform plugin (xcb) needs {what}, which is "
            f"not installed; on Debian or Ubuntu: sudo apt-get install {install} "
            "(README: \"The window on Linux\")")
