"""Questions about project files: which file to create or open, and "open it read-only?".

Plain functions over Qt's standard dialogs, so the window's handlers stay one
line each and the wording of the questions lives in one place.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog, QMenu, QMessageBox, QWidget

from core.ingest.load import ARTICLE_SUFFIXES

FILE_FILTER = "FactDiff projects (*.factdiff)"
ARTICLE_FILTER = f"Articles ({' '.join('*' + s for s in ARTICLE_SUFFIXES)});;All files (*)"
_ISO_STAMP = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d(?::\d\d)?(?:\.\d+)?(?:[+-]\d\d:\d\d|Z)?")
_READ_ONLY_ADVICE = re.compile(r";\s*open it read-only to view it\s*", re.IGNORECASE)


def _local_time(stamp: str) -> str:
    """"2025-03-14T09:02:11+00:00" → "14 Mar 2025, 10:02" in the reader's time zone."""
    try:
        moment = datetime.fromisoformat(stamp.replace("Z", "+00:00"))
    except ValueError:
        return stamp
    if moment.tzinfo is not None:
        moment = moment.astimezone()
    return f"{moment.day} {moment:%b %Y, %H:%M}"


def in_use_text(message: str) -> str:
    """The lock's one-line message, for a person: a readable time, the question asked once."""
    text = _ISO_STAMP.sub(lambda m: _local_time(m.group()), message)
    text = _READ_ONLY_ADVICE.sub(" ", text).strip()
    text = text.replace("( ", "(").replace(" )", ")")
    if not text.endswith("."):
        text += "."
    return f"{text}\n\nOpen it read-only, to read and export but not change it?"


def ask_read_only(parent: QWidget, message: str) -> bool:
    """Another process holds the project: open it read-only instead?"""
    answer = QMessageBox.question(parent, "Project in use", in_use_text(message))
    return answer == QMessageBox.StandardButton.Yes


def ask_new_project(parent: QWidget) -> Path | None:
    name, _ = QFileDialog.getSaveFileName(parent, "New Project", str(Path.home()), FILE_FILTER)
    return Path(name) if name else None


def ask_project_to_open(parent: QWidget, recent: list[str]) -> Path | None:
    start = recent[:1] or [str(Path.home())]
    name, _ = QFileDialog.getOpenFileName(parent, "Open Project", start[0], FILE_FILTER)
    return Path(name) if name else None


def ask_article_files(parent: QWidget, start: Path) -> list[Path]:
    names, _ = QFileDialog.getOpenFileNames(parent, "Import Articles", str(start), ARTICLE_FILTER)
    return [Path(name) for name in names]


def fill_recent_menu(menu: QMenu, recent: list[str], open_project: Callable[[str], object],
                     clear: QAction) -> None:
    """Open Recent, filled as it opens: numbered projects, then Clear."""
    menu.clear()
    for index, path in enumerate(recent, start=1):
        action = menu.addAction(f"&{index % 10} {Path(path).name}")
        action.setToolTip(path)
        action.setStatusTip(path)
        action.triggered.connect(lambda _checked=False, p=path: open_project(p))
    if not recent:
        empty = menu.addAction("No recent projects")
        empty.setEnabled(False)
    menu.addSeparator()
    menu.addAction(clear)
    clear.setEnabled(bool(recent))
