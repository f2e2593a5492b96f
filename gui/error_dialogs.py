"""Telling the user something went wrong: a user error, or a bug with its details logged.

Its own module so the window, its helpers and the start-up code can all show
errors without importing each other (``gui.app`` imports the window; the
window must not import ``gui.app`` back). Qt is imported inside the functions:
``factdiff gui`` loads this before the QApplication exists.
"""

from __future__ import annotations

import sys
from datetime import datetime
from pathlib import Path

from core import __version__


def error_log_path() -> Path:
    """Where unexpected errors are written, for a bug report."""
    from gui.settings import data_dir

    return data_dir() / "errors.log"


def log_error(details: str) -> Path | None:
    """Append ``details`` to the error log; None if it cannot be written."""
    try:
        path = error_log_path()
        with path.open("a", encoding="utf-8") as handle:
            handle.write(f"--- {datetime.now().isoformat(timespec='seconds')} "
                         f"FactDiff {__version__}\n{details}\n")
        return path
    except OSError:
        return None


def show_unexpected_error(message: str, details: str, parent=None) -> None:
    """A bug, not a user error: say so plainly, offer the details, keep running."""
    from PySide6.QtWidgets import QMessageBox

    log = log_error(details)
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Critical)
    box.setWindowTitle("Unexpected error")
    box.setText("Something went wrong inside FactDiff. Your annotations are saved as you "
                "make them, so nothing you did before this is lost.")
    box.setInformativeText(message + (f"\n\nDetails were written to {log}." if log else ""))
    box.setDetailedText(details)
    box.exec()


def show_user_error(message: str, interactive: bool, parent=None,
                    title: str = "FactDiff") -> None:
    """A one-line FactDiffError: a message box, or one stderr line when nobody can click."""
    if interactive:
        from PySide6.QtWidgets import QApplication, QMessageBox

        QMessageBox.warning(parent or QApplication.activeWindow(), title, message)
    else:
        print(f"factdiff: error: {message}", file=sys.stderr)
