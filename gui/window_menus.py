"""The window's menu bar and toolbar, laid out from the shared actions.

Pure layout: which action goes where. Nothing is connected here — the main
window wires every signal — so reading this file answers "where is it in
the menus?" and nothing else.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu, QMenuBar, QToolBar

from gui.actions import Actions

#: Toolbar actions that show only their icon (the tooltip names them).
_ICON_ONLY = ("open_project", "import_files", "previous_pair", "next_pair",
              "previous_discrepancy", "next_discrepancy", "find", "scroll_sync")


def build_menus(bar: QMenuBar, a: Actions) -> QMenu:
    """Fill the menu bar; returns the (empty) Open Recent menu the window fills on demand."""
    file_menu = bar.addMenu("&File")
    file_menu.addActions([a.new_project, a.open_project])
    recent_menu = file_menu.addMenu("Open &Recent")
    file_menu.addAction(a.open_demo)
    file_menu.addSeparator()
    file_menu.addActions([a.import_files, a.paste_article, a.fetch_url])
    file_menu.addSeparator()
    file_menu.addActions([a.export_report, a.export_claimreview])
    file_menu.addSeparator()
    file_menu.addActions([a.close_project, a.quit])
    edit_menu = bar.addMenu("&Edit")
    edit_menu.addActions([a.undo, a.redo])
    edit_menu.addSeparator()
    edit_menu.addActions([a.find, a.find_next, a.find_previous])
    edit_menu.addSeparator()
    edit_menu.addAction(a.mark_discrepancy)
    edit_menu.addMenu("Set &Status").addActions(a.set_status)
    edit_menu.addSeparator()
    edit_menu.addAction(a.preferences)
    bar.addMenu("&View").addActions([a.scroll_sync, a.show_browser, a.show_toolbar])
    go_menu = bar.addMenu("&Go")
    go_menu.addActions([a.next_discrepancy, a.previous_discrepancy])
    go_menu.addSeparator()
    go_menu.addActions([a.next_pair, a.previous_pair])
    go_menu.addSeparator()
    go_menu.addActions([a.focus_browser, a.focus_list, a.focus_note])
    project_menu = bar.addMenu("&Project")
    project_menu.addActions([a.compare_all, a.group_events, a.check_changes])
    project_menu.addSeparator()
    project_menu.addActions([a.add_pair, a.remove_pair])
    project_menu.addSeparator()
    project_menu.addAction(a.edit_article)
    project_menu.addAction(a.fact_table)
    bar.addMenu("&Help").addActions([a.shortcuts, a.about])
    return recent_menu


def build_toolbar(window: QMainWindow, a: Actions) -> QToolBar:
    """The main toolbar: the few commands a reviewer reaches for with the mouse."""
    toolbar = QToolBar("Main", window)
    toolbar.setObjectName("mainToolbar")
    toolbar.setMovable(False)
    toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
    for group in (
        [a.open_project, a.import_files],
        [a.compare_all],
        [a.previous_pair, a.next_pair, a.previous_discrepancy, a.next_discrepancy],
        [a.mark_discrepancy, a.find, a.scroll_sync],
        [a.export_report],
    ):
        toolbar.addActions(group)
        toolbar.addSeparator()
    for name in _ICON_ONLY:
        toolbar.widgetForAction(getattr(a, name)).setToolButtonStyle(
            Qt.ToolButtonStyle.ToolButtonIconOnly)
    window.addToolBar(Qt.ToolBarArea.TopToolBarArea, toolbar)
    return toolbar


def shortcut_rows(bar: QMenuBar) -> list[tuple[str, str, str]]:
    """(menu, command, shortcut) for every menu entry that has a shortcut."""
    rows: list[tuple[str, str, str]] = []
    for menu_action in bar.actions():
        _collect(menu_action.menu(), menu_action.text().replace("&", ""), rows)
    return rows


def _collect(menu: QMenu | None, title: str, rows: list) -> None:
    if menu is None:
        return
    for action in menu.actions():
        if action.menu() is not None:
            _collect(action.menu(), title, rows)
        elif not action.shortcut().isEmpty():
            rows.append((title, action.text().replace("&", "").rstrip("…"),
                         action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)))
