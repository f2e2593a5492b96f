"""Every keyboard shortcut in one place, so conflicts are visible at a glance.

Values are whatever ``QKeySequence`` accepts: a portable string or a
``QKeySequence.StandardKey`` (which follows the platform's conventions, e.g.
Cmd on macOS). The discrepancy list's own J/K keys live with the list widget;
they only work while the list has focus, so they cannot clash with these.
"""

from __future__ import annotations

from PySide6.QtGui import QKeySequence

Key = str | QKeySequence.StandardKey

# File
NEW_PROJECT: Key = QKeySequence.StandardKey.New
OPEN_PROJECT: Key = QKeySequence.StandardKey.Open
IMPORT_FILES: Key = "Ctrl+I"
PASTE_ARTICLE: Key = "Ctrl+Shift+V"
FETCH_URL: Key = "Ctrl+Shift+U"
EXPORT_REPORT: Key = "Ctrl+E"
CLOSE_PROJECT: Key = "Ctrl+W"
QUIT: Key = "Ctrl+Q"  # the standard key is empty on some platforms

# Edit
UNDO: Key = QKeySequence.StandardKey.Undo
REDO: Key = "Ctrl+Shift+Z"
#: Also accepted for redo, so both common habits work on every platform.
REDO_ALTERNATE: Key = "Ctrl+Y"
FIND: Key = QKeySequence.StandardKey.Find
FIND_NEXT: Key = "F3"
FIND_PREVIOUS: Key = "Shift+F3"
MARK_DISCREPANCY: Key = "Ctrl+M"
PREFERENCES: Key = "Ctrl+,"

# Annotation status: the order matches core.store.STATUSES
SET_STATUS: tuple[Key, ...] = ("1", "2", "3", "4")

# Go
NEXT_DISCREPANCY: Key = "F8"
PREVIOUS_DISCREPANCY: Key = "Shift+F8"
NEXT_PAIR: Key = "Ctrl+PgDown"
PREVIOUS_PAIR: Key = "Ctrl+PgUp"
FOCUS_BROWSER: Key = "Alt+1"
FOCUS_LIST: Key = "Alt+2"
FOCUS_NOTE: Key = "Alt+3"

# Project
COMPARE_ALL: Key = "F5"
GROUP_EVENTS: Key = "Ctrl+G"

ARTICLE_DETAILS: Key = "Ctrl+Shift+D"
FACT_TABLE: Key = "Ctrl+T"

# View
TOGGLE_SCROLL_SYNC: Key = "Ctrl+L"
TOGGLE_BROWSER: Key = "Ctrl+B"
TOGGLE_TOOLBAR: Key = "Ctrl+Shift+T"

# Help
HELP: Key = QKeySequence.StandardKey.HelpContents


def describe(key: Key) -> str:
    """Human text for a shortcut, as shown in menus and the README table."""
    return QKeySequence(key).toString(QKeySequence.SequenceFormat.NativeText)
