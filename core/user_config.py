"""The user's settings folder, found the same way by the CLI and the window.

The window keeps its preferences through Qt (QSettings); files that the
CLI must read as well (the ClaimReview rating table) live beside them, in a
folder computed here without Qt: ``FACTDIFF_SETTINGS_DIR`` when set (tests,
portable installs), otherwise where Qt puts an INI file for the
"FactDiff" organisation (``%APPDATA%\\FactDiff`` on Windows,
``$XDG_CONFIG_HOME/FactDiff`` or ``~/.config/FactDiff`` elsewhere).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

ORGANIZATION = "FactDiff"


def config_dir() -> Path:
    override = os.environ.get("FACTDIFF_SETTINGS_DIR")
    if override:
        return Path(override)
    if sys.platform == "win32" and os.environ.get("APPDATA"):
        return Path(os.environ["APPDATA"]) / ORGANIZATION
    base = os.environ.get("XDG_CONFIG_HOME") or str(Path.home() / ".config")
    return Path(base) / ORGANIZATION
