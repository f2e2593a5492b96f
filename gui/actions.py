"""Every QAction of the window, built from :mod:`gui.hotkeys` and :mod:`gui.icons`.

Actions are created here but connected only by the main window, so menus, the
toolbar and context menus share one object per command (one enabled state,
one shortcut) and the wiring stays in one place.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QIcon, QKeySequence

from core.store import STATUSES
from gui import hotkeys, icons


def _make(
    parent: QObject,
    text: str,
    *,
    tip: str = "",
    key: hotkeys.Key | None = None,
    icon: QIcon | None = None,
    checkable: bool = False,
    context: Qt.ShortcutContext = Qt.ShortcutContext.WindowShortcut,
) -> QAction:
    action = QAction(text, parent)
    if key is not None:
        action.setShortcut(QKeySequence(key))
        action.setShortcutContext(context)
    if icon is not None and not icon.isNull():
        action.setIcon(icon)
    if tip:
        shortcut = f" ({hotkeys.describe(key)})" if key is not None else ""
        action.setToolTip(f"{tip}{shortcut}")
        action.setStatusTip(tip)
    action.setCheckable(checkable)
    return action


class Actions(QObject):
    """The window's commands. Attribute names are the commands' names."""

    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        self._file(parent)
        self._edit(parent)
        self._go(parent)
        self._project(parent)
        self._view(parent)
        self._help(parent)

    def _file(self, p: QObject) -> None:
        self.new_project = _make(p, "&New Project…", tip="Create an empty project file",
                                 key=hotkeys.NEW_PROJECT, icon=icons.new_project())
        self.open_project = _make(p, "&Open Project…", tip="Open a .factdiff project",
                                  key=hotkeys.OPEN_PROJECT, icon=icons.open_project())
        self.open_demo = _make(p, "Open &Demo Project", tip="Open the bundled demo project")
        self.clear_recent = _make(p, "&Clear Recent", tip="Forget the recent projects")
        self.import_files = _make(p, "&Import Articles…", tip="Add article files (txt, md, html)",
                                  key=hotkeys.IMPORT_FILES, icon=icons.import_files())
        self.paste_article = _make(p, "&Paste Article…", tip="Add an article from pasted text",
                                   key=hotkeys.PASTE_ARTICLE, icon=icons.paste_article())
        self.fetch_url = _make(p, "&Fetch from URL…", tip="Download an article from the web",
                               key=hotkeys.FETCH_URL, icon=icons.fetch_url())
        self.export_report = _make(p, "&Export Report…", tip="Write the discrepancy report",
                                   key=hotkeys.EXPORT_REPORT, icon=icons.export_report())
        self.export_claimreview = _make(
            p, "Export &ClaimReview…", tip="Publish confirmed discrepancies with a verdict "
            "as schema.org ClaimReview (JSON-LD)", icon=icons.export_report())
        self.close_project = _make(p, "&Close Project", tip="Close the current project",
                                   key=hotkeys.CLOSE_PROJECT, icon=icons.close_project())
        self.quit = _make(p, "&Quit", key=hotkeys.QUIT)
        self.quit.setMenuRole(QAction.MenuRole.QuitRole)

    def _edit(self, p: QObject) -> None:
        self.undo = _make(p, "&Undo", tip="Undo the last annotation edit",
                          key=hotkeys.UNDO, icon=icons.undo())
        self.redo = _make(p, "&Redo", tip="Redo the annotation edit",
                          key=hotkeys.REDO, icon=icons.redo())
        self.redo.setShortcuts([QKeySequence(hotkeys.REDO), QKeySequence(hotkeys.REDO_ALTERNATE)])
        self.find = _make(p, "&Find…", tip="Find text in both articles",
                          key=hotkeys.FIND, icon=icons.find())
        self.find_next = _make(p, "Find &Next", key=hotkeys.FIND_NEXT)
        self.find_previous = _make(p, "Find Pre&vious", key=hotkeys.FIND_PREVIOUS)
        self.mark_discrepancy = _make(
            p, "&Mark Discrepancy…", tip="Add a discrepancy from the selected text",
            key=hotkeys.MARK_DISCREPANCY, icon=icons.mark_discrepancy())
        self.set_status = [
            _make(p, f"Mark as {name.capitalize()}",
                  tip=f"Set the current discrepancy's status to {name}",
                  key=key, icon=icons.status(name))
            for name, key in zip(STATUSES, hotkeys.SET_STATUS, strict=True)
        ]
        self.preferences = _make(p, "Pre&ferences…", key=hotkeys.PREFERENCES,
                                 icon=icons.preferences())
        self.preferences.setMenuRole(QAction.MenuRole.PreferencesRole)

    def _go(self, p: QObject) -> None:
        self.next_discrepancy = _make(p, "&Next Discrepancy", tip="Go to the next discrepancy",
                                      key=hotkeys.NEXT_DISCREPANCY,
                                      icon=icons.next_discrepancy())
        self.previous_discrepancy = _make(
            p, "&Previous Discrepancy", tip="Go to the previous discrepancy",
            key=hotkeys.PREVIOUS_DISCREPANCY, icon=icons.previous_discrepancy())
        self.next_pair = _make(p, "Next P&air", tip="Open the next article pair",
                               key=hotkeys.NEXT_PAIR, icon=icons.next_pair())
        self.previous_pair = _make(p, "Previous Pai&r", tip="Open the previous article pair",
                                   key=hotkeys.PREVIOUS_PAIR, icon=icons.previous_pair())
        self.focus_browser = _make(p, "Project &Browser", key=hotkeys.FOCUS_BROWSER)
        self.focus_list = _make(p, "Discrepancy &List", key=hotkeys.FOCUS_LIST)
        self.focus_note = _make(p, "Annotation &Note", key=hotkeys.FOCUS_NOTE)

    def _project(self, p: QObject) -> None:
        self.compare_all = _make(p, "&Compare All Pairs", tip="Compare every pair not yet compared",
                                 key=hotkeys.COMPARE_ALL, icon=icons.compare_all())
        self.group_events = _make(p, "&Group Events", tip="Group articles into events and pairs",
                                  key=hotkeys.GROUP_EVENTS, icon=icons.group_events())
        self.check_changes = _make(
            p, "Chec&k Articles for Changes",
            tip="Fetch the articles that came from a URL again; keep a changed text as a revision",
            icon=icons.check_changes())
        self.add_pair = _make(p, "&Add Pair", tip="Pair the two selected articles",
                              icon=icons.add_pair())
        self.remove_pair = _make(p, "&Remove Pair", tip="Remove the selected pair",
                                 icon=icons.remove())
        self.edit_article = _make(
            p, "Article &Details…",
            tip="Correct the title, outlet, author, publication date or URL of an article",
            key=hotkeys.ARTICLE_DETAILS)
        self.fact_table = _make(
            p, "&Fact Table…",
            tip="Every fact the event's articles report, side by side, disagreements first",
            key=hotkeys.FACT_TABLE, icon=icons.fact_table())

    def _view(self, p: QObject) -> None:
        self.scroll_sync = _make(p, "&Scroll Sync", tip="Keep the partner passage in view",
                                 key=hotkeys.TOGGLE_SCROLL_SYNC, icon=icons.scroll_sync(),
                                 checkable=True)
        self.show_browser = _make(p, "Show Project &Browser", key=hotkeys.TOGGLE_BROWSER,
                                  checkable=True)
        self.show_toolbar = _make(p, "Show &Toolbar", key=hotkeys.TOGGLE_TOOLBAR,
                                  checkable=True)

    def _help(self, p: QObject) -> None:
        self.shortcuts = _make(p, "&Keyboard Shortcuts", key=hotkeys.HELP)
        self.about = _make(p, "&About FactDiff", icon=icons.about())
        self.about.setMenuRole(QAction.MenuRole.AboutRole)

    def project_actions(self) -> list[QAction]:
        """Actions that need an open project."""
        return [self.import_files, self.paste_article, self.fetch_url, self.close_project,
                self.compare_all, self.group_events, self.check_changes, self.add_pair, self.remove_pair,
                self.edit_article, self.fact_table]

    def pair_actions(self) -> list[QAction]:
        """Actions that need an open pair."""
        return [self.next_discrepancy, self.previous_discrepancy, self.find,
                self.find_next, self.find_previous, self.mark_discrepancy, *self.set_status]
