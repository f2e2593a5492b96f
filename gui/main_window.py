"""The main window: builds the views and wires them to the review, in one place.

The review itself — the open project and pair, background work, undo — is
:class:`gui.review_session.ReviewSession`. Widgets only emit ``…Requested``
signals; :meth:`MainWindow._connect` sends them to the session (after asking
the user whatever only a person can answer) and the session's signals back to
the views. What happened is told in the status bar or a message box — never
on the console.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, Qt, QUrl
from PySide6.QtGui import QCloseEvent, QDesktopServices
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QInputDialog,
    QMainWindow,
    QMessageBox,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from core.errors import FactDiffError, ProjectLockedError
from core.store import STATUSES
from gui import hotkeys, project_prompts
from gui.about_dialog import AboutDialog, ShortcutsDialog
from gui.actions import Actions
from gui.annotation_editor import AnnotationEditor
from gui.article_details_dialog import ArticleDetailsDialog
from gui.article_room import ArticleRoom
from gui.comparison_view import ComparisonView
from gui.discrepancy_panel import DiscrepancyPanel
from gui.error_dialogs import show_unexpected_error
from gui.fact_table_link import FactTableLink
from gui.file_drop import FileDrop
from gui.find_bar import FindBar
from gui.fitting_label import FittingLabel
from gui.import_dialogs import FetchUrlDialog, PasteArticleDialog
from gui.manual_discrepancy_dialog import ManualDiscrepancyDialog
from gui.preferences_dialog import PreferencesDialog
from gui.project_browser import ProjectBrowser
from gui.review_session import MESSAGE_MS, ReviewSession
from gui.settings import Settings
from gui.window_menus import build_menus, build_toolbar, shortcut_rows
from gui.workers import ProgressIndicator

if TYPE_CHECKING:
    from core.model import Span
    from core.store import Annotation
    from gui.fact_table_dialog import FactTableDialog
    from gui.jobs import PairData, Snapshot

APP_TITLE = "FactDiff"


def _report_available() -> bool:
    """Whether the report dialog is installed, without paying for importing it at start-up."""
    return importlib.util.find_spec("gui.report_dialog") is not None


def _report_dialog_class():
    """The report dialog once it exists; the export action stays disabled until then."""
    try:
        from gui.report_dialog import ReportDialog
    except ImportError:
        return None
    return ReportDialog


class MainWindow(QMainWindow):
    """Project browser | comparison (+ find bar) | discrepancy list over annotation editor."""

    def __init__(self, settings: Settings | None = None) -> None:
        super().__init__()
        self.settings = settings or Settings()
        self.session = ReviewSession(self.settings, self)
        self._progress_channel = ""
        self._reviewer_asked = False
        #: False in screenshot mode: no modal boxes, nothing remembered.
        self.interactive = True
        self.actions = Actions(self)
        self._build_widgets()
        self._build_layout()
        self.recent_menu = build_menus(self.menuBar(), self.actions)
        self.toolbar = build_toolbar(self, self.actions)
        self._build_status_bar()
        self.room = ArticleRoom(self.main_splitter, self.browser, self.view,
                                self.actions.show_browser)
        self.fact_tables = FactTableLink(self.session, self)
        self.drop = FileDrop(self)
        self._connect()
        self._apply_preferences()
        self._update_title()
        self._update_actions()
        self._restore_state()

    # ------------------------------------------------------------------ building
    def _build_widgets(self) -> None:
        self.browser = ProjectBrowser(self)
        self.browser.set_context_actions([self.actions.add_pair, self.actions.remove_pair,
                                          self.actions.edit_article, self.actions.fact_table])
        self.view = ComparisonView(self)
        self.find_bar = FindBar(self)
        self.panel = DiscrepancyPanel(self)
        self.editor = AnnotationEditor(self)
        self.progress = ProgressIndicator(self)
        # Long counts must not widen the window's minimum: they say less instead.
        self.counts = FittingLabel(self)
        self.counts.setObjectName("projectCounts")
        self.pair_status = FittingLabel(self)
        self.pair_status.setObjectName("pairStatus")

    def _build_layout(self) -> None:
        centre = QWidget(self)
        column = QVBoxLayout(centre)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addWidget(self.view, 1)
        column.addWidget(self.find_bar)
        self.side_splitter = QSplitter(Qt.Orientation.Vertical, self)
        self.side_splitter.setObjectName("sideSplitter")
        self.side_splitter.addWidget(self.panel)
        self.side_splitter.addWidget(self.editor)
        # A taller window shows more of the list; the editor keeps its compact height.
        self.side_splitter.setStretchFactor(0, 1)
        self.side_splitter.setStretchFactor(1, 0)
        self.main_splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.main_splitter.setObjectName("mainSplitter")
        self.main_splitter.addWidget(self.browser)
        self.main_splitter.addWidget(centre)
        self.main_splitter.addWidget(self.side_splitter)
        self.main_splitter.setStretchFactor(0, 0)
        self.main_splitter.setStretchFactor(1, 1)
        self.main_splitter.setStretchFactor(2, 0)
        self.main_splitter.setSizes([310, 670, 420])
        # The browser and the list give way to the articles on a narrow screen.
        self.main_splitter.setChildrenCollapsible(False)
        self.main_splitter.setCollapsible(0, True)
        self.setCentralWidget(self.main_splitter)

    def _build_status_bar(self) -> None:
        bar = self.statusBar()
        bar.addPermanentWidget(self.progress)
        bar.addPermanentWidget(self.pair_status)
        divider = QFrame(self)
        divider.setFrameShape(QFrame.Shape.VLine)
        divider.setFrameShadow(QFrame.Shadow.Sunken)
        bar.addPermanentWidget(divider)
        bar.addPermanentWidget(self.counts)

    # ------------------------------------------------------------------ wiring
    def _connect(self) -> None:
        self._connect_actions()
        self._connect_widgets()
        self._connect_session()
        self._connect_background()

    def _connect_actions(self) -> None:
        a, s = self.actions, self.session
        a.new_project.triggered.connect(self.new_project_dialog)
        a.open_project.triggered.connect(self.open_project_dialog)
        a.open_demo.triggered.connect(self.open_demo)
        a.clear_recent.triggered.connect(self.settings.clear_recent_projects)
        a.import_files.triggered.connect(self.import_files_dialog)
        a.paste_article.triggered.connect(self.paste_article_dialog)
        a.fetch_url.triggered.connect(self.fetch_url_dialog)
        a.export_report.triggered.connect(self.export_report_dialog)
        a.export_claimreview.triggered.connect(self.export_claimreview_dialog)
        a.close_project.triggered.connect(s.close_project)
        a.quit.triggered.connect(self.close)
        a.undo.triggered.connect(s.undo)
        a.redo.triggered.connect(s.redo)
        a.find.triggered.connect(lambda: self.find_bar.open())
        a.find_next.triggered.connect(lambda: self.find_bar.request(False))
        a.find_previous.triggered.connect(lambda: self.find_bar.request(True))
        a.mark_discrepancy.triggered.connect(self.mark_discrepancy)
        for name, action in zip(STATUSES, a.set_status, strict=True):
            action.triggered.connect(lambda _checked=False, st=name: self.set_status(st))
        a.preferences.triggered.connect(self.preferences_dialog)
        a.next_discrepancy.triggered.connect(lambda: self._navigate(self.go_discrepancy, 1))
        a.previous_discrepancy.triggered.connect(lambda: self._navigate(self.go_discrepancy, -1))
        a.next_pair.triggered.connect(lambda: self._navigate(self.go_pair, 1))
        a.previous_pair.triggered.connect(lambda: self._navigate(self.go_pair, -1))
        a.focus_browser.triggered.connect(lambda: self._focus(self.browser))
        a.focus_list.triggered.connect(lambda: self._focus(self.panel.table))
        a.focus_note.triggered.connect(lambda: self._focus(self.editor.note))
        a.compare_all.triggered.connect(s.work.compare_all)
        a.group_events.triggered.connect(s.work.group_events)
        a.check_changes.triggered.connect(s.work.check_for_changes)
        a.add_pair.triggered.connect(self.browser.request_add_pair)
        a.remove_pair.triggered.connect(self.browser.request_remove_pair)
        a.edit_article.triggered.connect(lambda: self.edit_article_details())
        a.fact_table.triggered.connect(lambda: self.show_fact_table())
        a.scroll_sync.toggled.connect(self.set_scroll_sync)
        a.show_browser.toggled.connect(lambda on: self.room.show_browser(on))
        a.show_toolbar.toggled.connect(self.toolbar.setVisible)
        a.shortcuts.triggered.connect(self.shortcuts_dialog)
        a.about.triggered.connect(lambda: AboutDialog(self).exec())

    def _connect_widgets(self) -> None:
        s = self.session
        self.recent_menu.aboutToShow.connect(lambda: project_prompts.fill_recent_menu(
            self.recent_menu, self.settings.recent_projects(), self.open_project,
            self.actions.clear_recent))
        self.browser.pairOpenRequested.connect(s.open_pair)
        self.browser.addPairRequested.connect(s.add_pair)
        self.browser.removePairRequested.connect(self.remove_pair)
        self.browser.factTableRequested.connect(self.show_fact_table)
        self.browser.selectionChangedTo.connect(self._update_actions)
        self.panel.currentChanged.connect(self._on_current_discrepancy)
        self.view.discrepancyActivated.connect(self.select_discrepancy)
        self.view.addDiscrepancyRequested.connect(self.mark_discrepancy)
        self.view.openUrlRequested.connect(self.open_url)
        self.view.detailsRequested.connect(self._edit_pane_article)
        self.editor.annotationEditRequested.connect(s.edit_annotation)
        self.find_bar.findRequested.connect(self.find)
        self.find_bar.closeRequested.connect(self.close_find_bar)
        self.fact_tables.revealRequested.connect(self._reveal_fact)
        self.drop.importRequested.connect(s.work.import_paths)
        self.drop.projectOpenRequested.connect(self.open_project)
        self.main_splitter.splitterMoved.connect(self.room.remember_browser_width)

    def _connect_session(self) -> None:
        s = self.session
        s.projectChanged.connect(self._on_project_changed)
        s.contentsChanged.connect(self._on_project_refreshed)
        s.countsChanged.connect(self._update_counts)
        s.commitRequested.connect(self.editor.flush)
        s.currentPairChanged.connect(lambda pair_id: self.browser.select_pair(pair_id, emit=False))
        s.pairDataChanged.connect(self._show_pair)
        s.pairDataChanged.connect(lambda data, _fresh: self.fact_tables.pair_shown(data))
        s.pairInfoChanged.connect(self.browser.update_pair)
        s.annotationChanged.connect(self._on_annotation_saved)
        s.revealRequested.connect(self.select_discrepancy)
        s.reviewerRequested.connect(self.ask_reviewer_once)
        s.messageRequested.connect(self.message)
        s.errorRequested.connect(self.show_error)
        s.warningRequested.connect(lambda title, text: QMessageBox.warning(self, title, text))
        s.unexpectedErrorRequested.connect(
            lambda message, details: show_unexpected_error(message, details, self))
        undo = s.undo_stack
        undo.canUndoChanged.connect(self.actions.undo.setEnabled)
        undo.canRedoChanged.connect(self.actions.redo.setEnabled)
        undo.undoTextChanged.connect(
            lambda text: self.actions.undo.setText(f"&Undo {text}" if text else "&Undo"))
        undo.redoTextChanged.connect(
            lambda text: self.actions.redo.setText(f"&Redo {text}" if text else "&Redo"))

    def _connect_background(self) -> None:
        runner = self.session.runner
        runner.started.connect(self._on_job_started)
        runner.progress.connect(self._on_job_progress)
        runner.ended.connect(self._on_job_ended)
        self.progress.cancelRequested.connect(lambda: runner.cancel(self._progress_channel))

    # ------------------------------------------------------------------ state
    def _apply_preferences(self) -> None:
        sync = self.settings.scroll_sync
        self.actions.scroll_sync.setChecked(sync)
        self.view.set_scroll_sync(sync)
        self.actions.show_browser.setChecked(True)
        self.actions.show_toolbar.setChecked(True)
        self._apply_font_size(int(self.settings.preference("font_size")))

    def _apply_font_size(self, points: int) -> None:
        """Article text size is a reading preference (0 = the panes' own default)."""
        if points > 0:
            for pane in (self.view.pane_a, self.view.pane_b):
                pane.set_text_size(float(points))

    def _restore_state(self) -> None:
        geometry = self.settings.geometry("geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        else:
            self.resize(1400, 900)
        state = self.settings.geometry("state")
        if state is not None:
            self.restoreState(state)
        for name, splitter in (("main_splitter", self.main_splitter),
                               ("side_splitter", self.side_splitter)):
            saved = self.settings.geometry(name)
            if saved is not None:
                splitter.restoreState(saved)
        width = self.settings.geometry("browser_width")
        self.room.restore_browser_width(bytes(width) if width is not None else None)
        self.actions.show_browser.setChecked(self.browser.isVisibleTo(self) or geometry is None)
        self.actions.show_toolbar.setChecked(not self.toolbar.isHidden())

    def reset_layout(self, size: tuple[int, int] = (1400, 900)) -> None:
        """The default layout, ignoring anything remembered (for screenshots)."""
        self.resize(*size)
        self.room.reset(size[0])
        self.side_splitter.setSizes([540, 280])
        self.toolbar.show()
        self.browser.show()
        self.actions.show_browser.setChecked(True)
        self.actions.show_toolbar.setChecked(True)

    def save_state(self) -> None:
        if not self.interactive:
            return
        self.settings.set_geometry("geometry", self.saveGeometry())
        self.settings.set_geometry("state", self.saveState())
        self.settings.set_geometry("main_splitter", self.main_splitter.saveState())
        self.settings.set_geometry("side_splitter", self.side_splitter.saveState())
        self.room.remember_browser_width()
        self.settings.set_geometry("browser_width",
                                   QByteArray(str(self.room.browser_width).encode()))
        self.settings.sync()

    def _update_title(self) -> None:
        project = self.session.project
        if project is None:
            self.setWindowTitle(APP_TITLE)
            return
        suffix = " [read-only]" if project.readonly else ""
        self.setWindowTitle(f"{project.name}{suffix} — {APP_TITLE}")
        self.setWindowFilePath(str(project.path))

    def _update_actions(self) -> None:
        a, s = self.actions, self.session
        has_project, writable = s.project is not None, s.writable
        has_pair = s.pair_data is not None
        for action in a.project_actions():
            action.setEnabled(has_project)
        for action in (a.import_files, a.paste_article, a.fetch_url, a.compare_all,
                       a.group_events, a.check_changes):
            action.setEnabled(writable)
        a.add_pair.setEnabled(writable and self.browser.can_add_pair())
        a.remove_pair.setEnabled(writable and self.browser.can_remove_pair())
        a.edit_article.setEnabled(writable and (len(self.browser.selected_article_ids()) == 1
                                                or has_pair))
        a.fact_table.setEnabled(has_project and self.browser.can_show_fact_table())
        for action in a.pair_actions():
            action.setEnabled(has_pair)
        for action in (a.mark_discrepancy, *a.set_status):
            action.setEnabled(has_pair and writable)
        n_pairs = len(self.browser.pair_ids())
        a.next_pair.setEnabled(n_pairs > 0)
        a.previous_pair.setEnabled(n_pairs > 0)
        a.export_report.setEnabled(has_project and _report_available())
        a.export_claimreview.setEnabled(has_project)
        a.undo.setEnabled(s.undo_stack.canUndo())
        a.redo.setEnabled(s.undo_stack.canRedo())
        self.editor.setEnabled(has_pair and writable)
        self.view.set_marking_enabled(writable)
        self._update_guidance()

    def _update_guidance(self) -> None:
        """Empty panes say what to do next, with the key that does it."""
        key, s = hotkeys.describe, self.session
        if s.project is None:
            tree = (f"No project open.\n\n{key(hotkeys.NEW_PROJECT)} creates one, "
                    f"{key(hotkeys.OPEN_PROJECT)} opens one.")
            view = f"Create a project ({key(hotkeys.NEW_PROJECT)}) or open one."
        elif not s.articles:
            tree = (f"No articles yet.\n\n1. Import the reports of one story: "
                    f"{key(hotkeys.IMPORT_FILES)}, or drop files here.\n"
                    f"2. Compare them: {key(hotkeys.COMPARE_ALL)}.\n"
                    "3. Pick a pair here to read it.")
            view = (f"Start by importing two or more reports of the same story "
                    f"({key(hotkeys.IMPORT_FILES)} or drop files here), "
                    f"then compare them ({key(hotkeys.COMPARE_ALL)}).")
        elif not s.pairs:
            tree = ""
            view = (f"No pairs yet: group the articles into events ({key(hotkeys.GROUP_EVENTS)}), "
                    "or select two articles on the left and right-click → Add Pair.")
        else:
            tree = ""
            todo = sum(1 for p in s.pairs.values() if not p.compared)
            view = (f"Pick a pair on the left ({key(hotkeys.NEXT_PAIR)} opens the next) "
                    "to read its two articles side by side."
                    + (f" {key(hotkeys.COMPARE_ALL)} compares the {todo} not compared yet."
                       if todo else ""))
        self.browser.set_empty_text(tree)
        self.view.set_placeholder(view)
        no_pair = s.pair_data is None and s.pair_id is None
        self.panel.set_idle_text("Discrepancies appear here once a pair is open." if no_pair
                                 else "")

    def _update_counts(self) -> None:
        if self.session.project is None:
            self.counts.setText("No project open")
            return
        try:
            st = self.session.project.status()
        except FactDiffError as exc:
            self.counts.setText(str(exc))
            return
        n_open, n_confirmed = st.by_status.get("open", 0), st.by_status.get("confirmed", 0)
        self.counts.set_wordings([
            f"{st.articles} articles · {st.pairs} pairs · {st.discrepancies} discrepancies "
            f"({n_open} open, {n_confirmed} confirmed)",
            f"{st.pairs} pairs · {n_open} open, {n_confirmed} confirmed",
            f"{n_open} open, {n_confirmed} confirmed",
            f"{n_open} open",
        ])

    def _update_pair_status(self) -> None:
        data = self.session.pair_data
        if data is None:
            self.pair_status.setText("")
            return
        total = len(data.discrepancies)
        current = self.panel.current_id()
        ids = [d.id for d in data.discrepancies]
        place = f"{ids.index(current) + 1} of {total}" if current in ids else ""
        position = f"discrepancy {place}" if place else f"{total} discrepancies"
        similarity = data.comparison.similarity
        share = f" · {similarity:.0%} shared" if similarity is not None else ""
        self.pair_status.set_wordings([f"{position}{share}", position, place or str(total)])

    def message(self, text: str, timeout: int = MESSAGE_MS) -> None:
        """Tell the user something in passing (the status bar's left side)."""
        self.statusBar().showMessage(text, timeout)

    def show_error(self, text: str, title: str = "FactDiff") -> None:
        """A FactDiffError the user should read: a message box, never a traceback."""
        self.statusBar().showMessage(text, MESSAGE_MS)
        if self.interactive:
            QMessageBox.warning(self, title, text)
        else:
            print(f"factdiff: error: {text}", file=sys.stderr)

    # ------------------------------------------------------------------ session → views
    def _on_project_changed(self) -> None:
        project = self.session.project
        self._update_title()
        if project is None:
            self.fact_tables.close()
            self.browser.clear()
            self._update_counts()
            self._update_actions()
            return
        # A picture made for others (--screenshot) must not show this machine's login name.
        reviewer = self.settings.reviewer or project.reviewer
        self.editor.set_reviewer_placeholder(reviewer if self.interactive else "")
        pairs = self.browser.pair_ids()
        if pairs:
            self.browser.select_pair(pairs[0])
        elif not self.session.articles:
            self.message("This project is empty: import articles with Ctrl+I or drop files here.")

    def _on_project_refreshed(self, snap: Snapshot) -> None:
        self.browser.populate(snap.events, snap.articles, snap.pairs, snap.revisions)
        self._update_counts()
        self._update_actions()

    def _show_pair(self, data: PairData | None, fresh: bool) -> None:
        """A pair arrived: a fresh one shows its first discrepancy, a re-read one keeps its own.

        None: nothing to show (closed, removed, or still being compared).
        """
        if data is None:
            self.view.clear()
            self.panel.set_discrepancies([], {})
            self.editor.set_target(None, None)
            self._update_pair_status()
            self._update_actions()
            return
        keep = None if fresh else self.panel.current_id()
        self.view.set_comparison(data.comparison, data.discrepancies, data.annotations)
        self.panel.set_discrepancies(data.discrepancies, data.annotations)
        self.editor.set_target(None, None)
        target = self.panel.neighbour_id(1) if fresh and data.discrepancies else keep
        if target is not None:
            self.select_discrepancy(target)
        self._update_pair_status()
        self._update_actions()

    def _on_annotation_saved(self, _pair_id: int, disc_id: str, annotation: Annotation) -> None:
        self.view.update_annotation(disc_id, annotation)
        self.panel.update_annotation(disc_id, annotation)
        if self.panel.current_id() == disc_id and self.session.pair_data is not None:
            self.editor.set_target(self.session.pair_data.discrepancy(disc_id), annotation)

    def _on_current_discrepancy(self, disc_id: str | None) -> None:
        data = self.session.pair_data
        disc = data.discrepancy(disc_id) if data is not None else None
        # None (a filter hid it, or the list emptied) drops the frame and the band's
        # emphasis too: they mean "current", and the editor now says nothing is.
        self.view.show_discrepancy(disc.id if disc is not None else None)
        self.editor.set_target(disc, data.annotations.get(disc.id) if disc else None)
        self._update_pair_status()

    def _reveal_fact(self, disc_id: str | None, span_a: Span | None, span_b: Span | None) -> None:
        if disc_id is not None:
            self.select_discrepancy(disc_id)
        self.view.show_spans(span_a, span_b)

    # ------------------------------------------------------------------ background jobs
    def _on_job_started(self, channel: str, title: str) -> None:
        if not title:
            return  # housekeeping (the start-up warm-up): nothing to show or cancel
        self._progress_channel = channel
        self.progress.begin(title)

    def _on_job_progress(self, channel: str, done: int, total: int, label: str) -> None:
        if channel == self._progress_channel:
            self.progress.update_progress(done, total, label)

    def _on_job_ended(self, channel: str) -> None:
        if channel != self._progress_channel:
            return
        runner = self.session.runner
        shown = [c for c in runner.busy_channels() if runner.title(c)]
        if shown:
            self._progress_channel = shown[0]
            self.progress.begin(runner.title(shown[0]))
        else:
            self.progress.end()
            if channel == "pair":
                self.statusBar().clearMessage()

    def warm_up(self) -> None:
        """Load the engine in the background once the window is up (see ProjectWork)."""
        self.session.work.warm_up()

    # ------------------------------------------------------------------ projects
    def open_project(self, path: str | Path, readonly: bool = False) -> bool:
        """Open ``path``, offering read-only if another process holds it."""
        try:
            return self.session.open_project(path, readonly)
        except ProjectLockedError as exc:
            if not self.interactive:  # nobody to answer (--screenshot): read-only, and say so
                print(f"factdiff: {exc}; opening it read-only", file=sys.stderr)
                return self.open_project(path, readonly=True)
            if not project_prompts.ask_read_only(self, str(exc)):
                return False
            return self.open_project(path, readonly=True)

    def open_demo(self) -> bool:
        """Open the demo project; building it (first start) happens in the background."""
        return self.session.work.open_demo(self.interactive, self.open_project)

    def new_project_dialog(self) -> None:
        path = project_prompts.ask_new_project(self)
        if path is not None:
            self.session.create_project(path)

    def open_project_dialog(self) -> None:
        path = project_prompts.ask_project_to_open(self, self.settings.recent_projects())
        if path is not None:
            self.open_project(path)

    def import_files_dialog(self) -> None:
        project = self.session.project
        start = self.settings.import_folder(project.path) if project else Path.home()
        paths = project_prompts.ask_article_files(self, start)
        if paths:
            if project is not None:
                self.settings.set_import_folder(project.path, paths[0].parent)
            self.session.work.import_paths(paths)

    def paste_article_dialog(self) -> None:
        dialog = PasteArticleDialog(self)
        if dialog.exec() != PasteArticleDialog.DialogCode.Accepted:
            return
        try:
            article = dialog.article()
        except FactDiffError as exc:
            self.show_error(str(exc))
            return
        self.session.work.add_article(article)

    def fetch_url_dialog(self) -> None:
        dialog = FetchUrlDialog(self)
        if dialog.exec() == FetchUrlDialog.DialogCode.Accepted and dialog.result_article:
            self.session.work.add_article(dialog.result_article, dialog.result_provenance)

    def show_fact_table(self, event_id: int | None = None) -> FactTableDialog | None:
        """The fact table of ``event_id`` (default: the event selected in the browser)."""
        return self.fact_tables.show(
            self.browser.current_event_id() if event_id is None else event_id)

    # ------------------------------------------------------------------ pairs and discrepancies
    def go_pair(self, step: int) -> None:
        ids = self.browser.pair_ids()
        if not ids:
            self.message("This project has no pairs yet.")
            return
        current = self.session.pair_id
        if current not in ids:
            target = ids[0] if step > 0 else ids[-1]
        else:
            index = ids.index(current) + step
            if not 0 <= index < len(ids):
                edge = "last" if step > 0 else "first"
                self.message(f"This is the {edge} pair of the project.")
                return
            target = ids[index]
        self.session.open_pair(target)

    def remove_pair(self, pair_id: int) -> None:
        answer = QMessageBox.question(
            self, "Remove Pair",
            f"Remove the pair {self.session.label(pair_id)}?\n\n"
            "Its annotations are removed with it.")
        if answer == QMessageBox.StandardButton.Yes:
            self.session.remove_pair(pair_id)

    def select_discrepancy(self, disc_id: str) -> None:
        self.panel.select(disc_id)

    def go_discrepancy(self, step: int) -> None:
        """F8 / Shift+F8: the next one in the list's order, or say why there is none."""
        data = self.session.pair_data
        if data is None:
            self.message("Open a pair first.")
            return
        if not data.discrepancies:
            self.message("This pair has no discrepancies. Ctrl+PgDown opens the next pair.")
            return
        target = self.panel.neighbour_id(step)
        if target is None:
            edge = "last" if step > 0 else "first"
            key = hotkeys.describe(hotkeys.NEXT_PAIR if step > 0 else hotkeys.PREVIOUS_PAIR)
            self.message(f"No more discrepancies: this is the {edge} one shown in this pair. "
                         f"{key} opens the {'next' if step > 0 else 'previous'} pair.")
            QApplication.beep()
            return
        self.select_discrepancy(target)

    def set_status(self, status: str) -> None:
        disc_id = self.panel.current_id()
        if disc_id is None:
            self.message("Select a discrepancy first.")
            return
        self.session.edit_annotation(disc_id, "status", status)

    def ask_reviewer_once(self) -> None:
        """Before the first annotation, ask who signs it instead of using the login name.

        Asked once: a name given is kept in the preferences (and can be changed
        there); a dismissed question is not repeated in this session.
        """
        project = self.session.project
        if (not self.interactive or self._reviewer_asked or self.settings.reviewer
                or project is None or project.readonly):
            return
        self._reviewer_asked = True
        from core.store.lock import current_user

        known = project.reviewer
        name, ok = QInputDialog.getText(
            self, "Who is reviewing?",
            "Your annotations are signed with your name in the project and the report.\n"
            "Your name:", text="" if known == current_user() else known)
        name = " ".join(name.split()) if ok else ""
        if not name:
            self.message(f"Annotations are signed “{known}”; set your name in Preferences.")
            return
        self.settings.set_preference("reviewer", name)
        self.session.set_reviewer(name)
        self.editor.set_reviewer_placeholder(name)

    def mark_discrepancy(self) -> None:
        """Ctrl+M: turn the selected text in one or both panes into a discrepancy."""
        project, data = self.session.project, self.session.pair_data
        if data is None or project is None:
            return
        if project.readonly:
            # The text menu can still ask; say why before the user fills in a dialog for nothing.
            self.message(f"{Path(project.path).name} is open read-only: "
                         "discrepancies cannot be added.")
            return
        a_span, b_span = self.view.selected_spans()
        if a_span is None and b_span is None:
            self.message("Select the text that differs in one or both articles first.")
            return
        a_text = data.comparison.a.text[a_span[0]:a_span[1]] if a_span else ""
        b_text = data.comparison.b.text[b_span[0]:b_span[1]] if b_span else ""
        dialog = ManualDiscrepancyDialog(a_text, b_text, self)
        if dialog.exec() != ManualDiscrepancyDialog.DialogCode.Accepted:
            return
        kind, summary, severity = dialog.values()
        self.session.add_user_discrepancy(kind, summary, a_span, b_span, severity)

    # ------------------------------------------------------------------ article details
    def _edit_pane_article(self, side: int) -> None:
        info = self.session.open_pair_info() if self.session.pair_data else None
        if info is not None:
            self.edit_article_details(info.b_id if side else info.a_id)

    def _article_to_edit(self) -> int | None:
        """The article selected in the browser, else the open pair's article that has focus."""
        chosen = self.browser.selected_article_ids()
        if len(chosen) == 1:
            return chosen[0]
        info = self.session.open_pair_info() if self.session.pair_data else None
        if info is None:
            return None
        in_b = self.view.pane_b.isAncestorOf(QApplication.focusWidget() or self)
        return info.b_id if in_b else info.a_id

    def edit_article_details(self, article_id: int | None = None) -> None:
        """Correct an article's title, outlet, author, date or URL (undoable, with history)."""
        project = self.session.project
        if project is None or project.readonly:
            return
        article_id = article_id if article_id is not None else self._article_to_edit()
        if article_id is None:
            self.message("Select an article in the project browser first.")
            return
        try:
            info = project.article_info(article_id)
            history = project.article_history(article_id)
            provenance = project.provenance(article_id)
        except FactDiffError as exc:
            self.show_error(str(exc))
            return
        dialog = ArticleDetailsDialog(info, history, self, provenance=provenance)
        if dialog.exec() != ArticleDetailsDialog.DialogCode.Accepted:
            return
        new = dialog.values()
        if new:
            old = {field: getattr(info, field) or "" for field in new}
            self.session.edit_article(article_id, new, old)

    # ------------------------------------------------------------------ find
    def close_find_bar(self) -> None:
        self.find_bar.hide()
        self.view.setFocus()

    def find(self, text: str, backward: bool) -> bool:
        if not self.find_bar.isVisible():
            self.find_bar.open(text)
        found = bool(self.view.find(text, backward))
        self.find_bar.set_result(found)
        if not found:
            self.message(f"“{text}” was not found in either article.")
        return found

    # ------------------------------------------------------------------ dialogs
    def export_report_dialog(self) -> None:
        dialog_class = _report_dialog_class()
        if dialog_class is None or self.session.project is None:
            return
        dialog_class(self.session.project, self).exec()

    def export_claimreview_dialog(self) -> None:
        from gui.claimreview_export import export_claimreview_interactively

        if self.session.project is not None:
            path = export_claimreview_interactively(self.session.project, self)
            if path is not None:
                self.message(f"ClaimReview saved as {path.name}.")

    def preferences_dialog(self) -> None:
        dialog = PreferencesDialog(self.settings, self)
        if dialog.exec() != PreferencesDialog.DialogCode.Accepted:
            return
        dialog.save()
        values = dialog.values()
        self.actions.scroll_sync.setChecked(bool(values["scroll_sync"]))
        self._apply_font_size(int(values["font_size"]))
        self.session.set_reviewer(values["reviewer"])

    def shortcuts_dialog(self) -> None:
        ShortcutsDialog(shortcut_rows(self.menuBar()), self).exec()

    def set_scroll_sync(self, enabled: bool) -> None:
        self.view.set_scroll_sync(enabled)
        self.settings.set_preference("scroll_sync", enabled)
        self.message("Scroll sync on." if enabled else "Scroll sync off.", 2000)

    def open_url(self, url: str) -> None:
        """Article URLs open in the system browser, never inside the app."""
        if not QDesktopServices.openUrl(QUrl(url)):
            self.message(f"Could not open {url} in a browser.")

    def _navigate(self, go, step: int) -> None:
        """F8, Shift+F8, Ctrl+PgUp/PgDown: move, then hand the keyboard to the list.

        Focus left in the note would turn the next status key ("4") into the
        new discrepancy's note; in the list, 1–4 set the status as meant.
        """
        self.editor.flush()
        go(step)
        self.panel.table.setFocus(Qt.FocusReason.ShortcutFocusReason)

    @staticmethod
    def _focus(widget: QWidget) -> None:
        widget.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        self.room.fit()

    def showEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        self.room.fit()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt override
        self.save_state()
        self.session.shutdown()
        event.accept()
