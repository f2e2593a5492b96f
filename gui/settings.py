"""Remembered state: window geometry, splitters, recent projects, preferences.

All persistence goes through one :class:`Settings` object so that tests can
redirect it: when ``FACTDIFF_SETTINGS_DIR`` is set, an INI file under that
folder is used instead of the platform's store, which keeps test runs out of
the user's real configuration.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings, QStandardPaths

ORGANIZATION = "FactDiff"
APPLICATION = "FactDiff"
MAX_RECENT = 10

#: Preference keys and their defaults; the preferences dialog edits exactly these.
DEFAULTS: dict[str, object] = {
    "scroll_sync": True,
    "reviewer": "",
    "open_last_project": True,
    "font_size": 0,  # article text size in points; 0 = automatic (a little above UI text)
}


def settings_dir() -> Path | None:
    """The folder chosen by ``FACTDIFF_SETTINGS_DIR``, or None for the platform default."""
    value = os.environ.get("FACTDIFF_SETTINGS_DIR")
    return Path(value) if value else None


def data_dir() -> Path:
    """Where the app keeps files it generates (the demo project)."""
    override = settings_dir()
    if override is not None:
        path = override / "data"
    else:
        location = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation)
        path = Path(location) if location else Path.home() / ".factdiff"
    path.mkdir(parents=True, exist_ok=True)
    return path


def _to_bool(value: object) -> bool:
    """INI files return "true"/"false" strings; the native stores return bools."""
    if isinstance(value, str):
        return value.strip().lower() in ("1", "true", "yes", "on")
    return bool(value)


def _project_key(project: str | Path) -> str:
    """A settings key per project file (paths hold characters QSettings keys must not)."""
    return hashlib.sha256(str(Path(project).resolve()).encode("utf-8")).hexdigest()[:16]


class Settings:
    """Typed accessors over QSettings, so call sites never repeat key strings."""

    def __init__(self) -> None:
        folder = settings_dir()
        if folder is not None:
            folder.mkdir(parents=True, exist_ok=True)
            self._qs = QSettings(str(folder / "factdiff.ini"), QSettings.Format.IniFormat)
        else:
            self._qs = QSettings(
                QSettings.Format.IniFormat,
                QSettings.Scope.UserScope,
                ORGANIZATION,
                APPLICATION,
            )

    @property
    def file_name(self) -> str:
        return self._qs.fileName()

    def sync(self) -> None:
        self._qs.sync()

    # -- window state -----------------------------------------------------
    def geometry(self, name: str) -> QByteArray | None:
        value = self._qs.value(f"window/{name}")
        return value if isinstance(value, QByteArray) and not value.isEmpty() else None

    def set_geometry(self, name: str, value: QByteArray) -> None:
        self._qs.setValue(f"window/{name}", value)

    # -- recent projects --------------------------------------------------
    def recent_projects(self) -> list[str]:
        value = self._qs.value("recent/projects", [])
        if isinstance(value, str):
            value = [value] if value else []
        return [str(v) for v in (value or []) if v]

    def add_recent_project(self, path: str | Path) -> list[str]:
        """Move ``path`` to the top of the list; the oldest entries fall off."""
        entry = str(Path(path).resolve())
        items = [p for p in self.recent_projects() if p != entry]
        items.insert(0, entry)
        del items[MAX_RECENT:]
        self._qs.setValue("recent/projects", items)
        return items

    def remove_recent_project(self, path: str | Path) -> None:
        entry = str(Path(path).resolve())
        self._qs.setValue("recent/projects", [p for p in self.recent_projects() if p != entry])

    def clear_recent_projects(self) -> None:
        self._qs.setValue("recent/projects", [])

    # -- per-project folders ----------------------------------------------
    def import_folder(self, project: str | Path) -> Path:
        """Where the import dialog last picked files for ``project`` (home at first)."""
        value = self._qs.value(f"import_folder/{_project_key(project)}", "")
        folder = Path(str(value)) if value else None
        return folder if folder is not None and folder.is_dir() else Path.home()

    def set_import_folder(self, project: str | Path, folder: str | Path) -> None:
        self._qs.setValue(f"import_folder/{_project_key(project)}", str(folder))

    # -- preferences ------------------------------------------------------
    def preference(self, key: str) -> object:
        default = DEFAULTS[key]
        value = self._qs.value(f"preferences/{key}", default)
        if isinstance(default, bool):
            return _to_bool(value)
        if isinstance(default, int):
            try:
                return int(value)
            except (TypeError, ValueError):
                return default
        return "" if value is None else str(value)

    def set_preference(self, key: str, value: object) -> None:
        if key not in DEFAULTS:
            raise KeyError(key)
        self._qs.setValue(f"preferences/{key}", value)

    @property
    def scroll_sync(self) -> bool:
        return bool(self.preference("scroll_sync"))

    @property
    def reviewer(self) -> str:
        return str(self.preference("reviewer"))
