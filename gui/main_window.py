"""The main window: the one place where widgets, actions and the project meet.

Widgets only emit ``…Requested`` signals and expose small methods; this class
connects them, talks to the project (directly for quick reads and writes, via
:class:`gui.workers.TaskRunner` for anything slow) and tells the user what
happened in the status bar or a message box — never on the console.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

from PySide6.QtCore import QByteArray, Qt, QUrl, Signal
from PySide6.QtGui import QCloseEvent, QDesktopServices, QUndoStack
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

from core.errors import FactDiffError
from core.store import STATUSES
from gui import hotkeys, jobs
from gui.about_dialog import AboutDialog, ShortcutsDialog
from gui.actions import Actions
from gui.annotation_editor import AnnotationEditor
from gui.article_details_dialog import ArticleDetailsDialog
from gui.comparison_view import ComparisonView
from gui.discrepancy_panel import DiscrepancyPanel
from gui.find_bar import FindBar
from gui.fitting_label import FittingLabel
from gui.manual_discrepancy_dialog import ManualDiscrepancyDialog
from gui.preferences_dialog import PreferencesDialog
from gui.project_browser import ProjectBrowser, pair_label
from gui.settings import Settings
from gui.undo import AnnotationCommand, ArticleDetailsCommand
from gui.window_fact_tables import FactTablesMixin
from gui.window_import import ImportMixin
from gui.window_menus import build_menus, build_toolbar, shortcut_rows
from gui.window_projects import ProjectsMixin
from gui.workers import ProgressIndicator, TaskRunner

APP_TITLE = "FactDiff"
#: An article column never gets narrower than this many characters while space allows.
MIN_ARTICLE_CHARS = 45
ARTICLE_MARGINS = 48  # document margins, scroll bar and change marks of one pane
SIDE_MIN_WIDTH = 360  # the list and editor stay usable down to this
BROWSER_MIN_WIDTH = 220  # narrower than this, the browser is better folded away
MESSAGE_MS = 6000


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


class MainWindow(ProjectsMixin, ImportMixin, FactTablesMixin, QMainWindow):
    """Project browser | comparison (+ find bar) | discrepancy list over annotation editor."""

    projectChanged = Signal()
    pairOpened = Signal(int)

    def __init__(self, settings: Settings | None = None) -> None:
        super().__init__()
        self.settings = settings or Settings()
        self.project = None
        self.pair_id: int | None = None
        self.pair_data: jobs.PairData | None = None
        self._pairs: dict[int, object] = {}
        self._articles: dict[int, object] = {}
        self._progress_channel = ""
        self._select_first_on_open = True
        self._reviewer_asked = False
        #: False in screenshot mode: no modal boxes, nothing remembered.
        self.interactive = True
        #: Processes for compare-all (1 = a thread in this process).
        self.compare_workers = jobs.default_workers()
        self.runner = TaskRunner(self)
        self.undo_stack = QUndoStack(self)
        self.actions = Actions(self)
        self._build_widgets()
        self._build_layout()
        self.recent_menu = build_menus(self.menuBar(), self.actions)
        self.toolbar = build_toolbar(self, self.actions)
        self._build_status_bar()
        self._connect()
        self._apply_preferences()
        self.setAcceptDrops(True)
        self.setWindowIcon(self.windowIcon())
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
        self._browser_width = 310  # as the user last set it: what an unfolded browser gets
        self._browser_folded = False  # True while the browser gave its room to the articles
        self.main_splitter.splitterMoved.connect(self._remember_browser_width)
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
        self._connect_background()

    def _connect_actions(self) -> None:
        a = self.actions
        a.new_project.triggered.connect(self.new_project_dialog)
        a.open_project.triggered.connect(self.open_project_dialog)
        a.open_demo.triggered.connect(self.open_demo)
        a.clear_recent.triggered.connect(self.settings.clear_recent_projects)
        a.import_files.triggered.connect(self.import_files_dialog)
        a.paste_article.triggered.connect(self.paste_article_dialog)
        a.fetch_url.triggered.connect(self.fetch_url_dialog)
        a.export_report.triggered.connect(self.export_report_dialog)
        a.export_claimreview.triggered.connect(self.export_claimreview_dialog)
        a.close_project.triggered.connect(self.close_project)
        a.quit.triggered.connect(self.close)
        a.undo.triggered.connect(self.undo)
        a.redo.triggered.connect(self.redo)
        a.find.triggered.connect(self.open_find_bar)
        a.find_next.triggered.connect(lambda: self.find_bar.request(False))
        a.find_previous.triggered.connect(lambda: self.find_bar.request(True))
        a.mark_discrepancy.triggered.connect(self.mark_discrepancy)
        for name, action in zip(STATUSES, a.set_status, strict=True):
            action.triggered.connect(lambda _checked=False, s=name: self.set_status(s))
        a.preferences.triggered.connect(self.preferences_dialog)
        a.next_discrepancy.triggered.connect(lambda: self._navigate(self.go_discrepancy, 1))
        a.previous_discrepancy.triggered.connect(lambda: self._navigate(self.go_discrepancy, -1))
        a.next_pair.triggered.connect(lambda: self._navigate(self.go_pair, 1))
        a.previous_pair.triggered.connect(lambda: self._navigate(self.go_pair, -1))
        a.focus_browser.triggered.connect(lambda: self._focus(self.browser))
        a.focus_list.triggered.connect(lambda: self._focus(self.panel))
        a.focus_note.triggered.connect(lambda: self._focus(self.editor))
        a.compare_all.triggered.connect(self.compare_all)
        a.group_events.triggered.connect(self.group_events)
        a.check_changes.triggered.connect(self.check_for_changes)
        a.add_pair.triggered.connect(self.browser.request_add_pair)
        a.remove_pair.triggered.connect(self.browser.request_remove_pair)
        a.edit_article.triggered.connect(lambda: self.edit_article_details())
        a.fact_table.triggered.connect(lambda: self.show_fact_table())
        a.scroll_sync.toggled.connect(self.set_scroll_sync)
        a.show_browser.toggled.connect(self.show_browser)
        a.show_toolbar.toggled.connect(self.toolbar.setVisible)
        a.shortcuts.triggered.connect(self.shortcuts_dialog)
        a.about.triggered.connect(lambda: AboutDialog(self).exec())

    def _connect_widgets(self) -> None:
        self.recent_menu.aboutToShow.connect(self._fill_recent_menu)
        self.browser.pairOpenRequested.connect(self.open_pair)
        self.browser.addPairRequested.connect(self.add_pair)
        self.browser.removePairRequested.connect(self.remove_pair)
        self.browser.factTableRequested.connect(self.show_fact_table)
        self.pairOpened.connect(self._reveal_fact)
        self.browser.selectionChangedTo.connect(self._update_actions)
        self.panel.currentChanged.connect(self._on_current_discrepancy)
        self.view.discrepancyActivated.connect(self.select_discrepancy)
        self.view.addDiscrepancyRequested.connect(self.mark_discrepancy)
        self.view.openUrlRequested.connect(self.open_url)
        self.view.detailsRequested.connect(self._edit_pane_article)
        self.editor.annotationEditRequested.connect(self.edit_annotation)
        self.find_bar.findRequested.connect(self.find)
        self.find_bar.closeRequested.connect(self.close_find_bar)
        self.undo_stack.canUndoChanged.connect(self.actions.undo.setEnabled)
        self.undo_stack.canRedoChanged.connect(self.actions.redo.setEnabled)
        self.undo_stack.undoTextChanged.connect(
            lambda text: self.actions.undo.setText(f"&Undo {text}" if text else "&Undo"))
        self.undo_stack.redoTextChanged.connect(
            lambda text: self.actions.redo.setText(f"&Redo {text}" if text else "&Redo"))

    def _connect_background(self) -> None:
        self.runner.started.connect(self._on_job_started)
        self.runner.progress.connect(self._on_job_progress)
        self.runner.ended.connect(self._on_job_ended)
        self.runner.failed.connect(self._on_job_failed)
        self.progress.cancelRequested.connect(lambda: self.runner.cancel(self._progress_channel))

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
        if width is not None and bytes(width).isdigit():
            self._browser_width = max(BROWSER_MIN_WIDTH // 2, int(bytes(width)))
        self.actions.show_browser.setChecked(self.browser.isVisibleTo(self) or geometry is None)
        self.actions.show_toolbar.setChecked(not self.toolbar.isHidden())

    def reset_layout(self, size: tuple[int, int] = (1400, 900)) -> None:
        """The default layout, ignoring anything remembered (for screenshots)."""
        self.resize(*size)
        self._browser_width, self._browser_folded = 310, False
        self.main_splitter.setSizes([310, max(1, size[0] - 730), 420])
        self.fit_articles()
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
        self._remember_browser_width()
        self.settings.set_geometry("browser_width", QByteArray(str(self._browser_width).encode()))
        self.settings.sync()

    def _update_title(self) -> None:
        if self.project is None:
            self.setWindowTitle(APP_TITLE)
            return
        suffix = " [read-only]" if self.project.readonly else ""
        self.setWindowTitle(f"{self.project.name}{suffix} — {APP_TITLE}")
        self.setWindowFilePath(str(self.project.path))

    def _update_actions(self) -> None:
        a = self.actions
        has_project = self.project is not None
        writable = has_project and not self.project.readonly
        has_pair = self.pair_data is not None
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
        a.undo.setEnabled(self.undo_stack.canUndo())
        a.redo.setEnabled(self.undo_stack.canRedo())
        self.editor.setEnabled(has_pair and writable)
        self.view.set_marking_enabled(writable)
        self._update_guidance()

    def _update_guidance(self) -> None:
        """Empty panes say what to do next, with the key that does it."""
        key = hotkeys.describe
        if self.project is None:
            tree = (f"No project open.\n\n{key(hotkeys.NEW_PROJECT)} creates one, "
                    f"{key(hotkeys.OPEN_PROJECT)} opens one.")
            view = f"Create a project ({key(hotkeys.NEW_PROJECT)}) or open one."
        elif not self._articles:
            tree = (f"No articles yet.\n\n1. Import the reports of one story: "
                    f"{key(hotkeys.IMPORT_FILES)}, or drop files here.\n"
                    f"2. Compare them: {key(hotkeys.COMPARE_ALL)}.\n"
                    "3. Pick a pair here to read it.")
            view = (f"Start by importing two or more reports of the same story "
                    f"({key(hotkeys.IMPORT_FILES)} or drop files here), "
                    f"then compare them ({key(hotkeys.COMPARE_ALL)}).")
        elif not self._pairs:
            tree = ""
            view = (f"No pairs yet: group the articles into events ({key(hotkeys.GROUP_EVENTS)}), "
                    "or select two articles on the left and right-click → Add Pair.")
        else:
            tree = ""
            todo = sum(1 for p in self._pairs.values() if not p.compared)
            view = (f"Pick a pair on the left ({key(hotkeys.NEXT_PAIR)} opens the next) "
                    "to read its two articles side by side."
                    + (f" {key(hotkeys.COMPARE_ALL)} compares the {todo} not compared yet."
                       if todo else ""))
        self.browser.set_empty_text(tree)
        self.view.set_placeholder(view)
        no_pair = self.pair_data is None and self.pair_id is None
        self.panel.set_idle_text("Discrepancies appear here once a pair is open." if no_pair
                                 else "")

    def _update_counts(self) -> None:
        if self.project is None:
            self.counts.setText("No project open")
            return
        try:
            st = self.project.status()
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
        data = self.pair_data
        if data is None:
            self.pair_status.setText("")
            return
        total = len(data.discrepancies)
        current = self.panel.current_id()
        ids = [d.id for d in data.discrepancies]
        place = f"{ids.index(current) + 1} of {total}" if current in ids else ""
        position = f"discrepancy {place}" if place else f"{total} discrepancies"
        similarity = getattr(data.comparison, "similarity", None)
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

    # ------------------------------------------------------------------ pairs
    def open_pair(self, pair_id: int) -> None:
        """Show a pair: at once when its comparison is cached, else compare in a worker."""
        if self.project is None or pair_id == self.pair_id:
            return
        self.editor.flush()  # a note being typed belongs to the pair being left
        info = self._pairs.get(pair_id)
        self.pair_id = pair_id
        self.browser.select_pair(pair_id, emit=False)
        if info is not None and info.compared and not getattr(info, "stale", False):
            try:
                data = jobs.load_pair(self.project, pair_id)
            except FactDiffError as exc:
                self.show_error(str(exc))
                return
            self._show_pair(data)
            return
        self._show_loading(pair_id)
        self.runner.start("pair", "Comparing", jobs.load_pair_job(self.project, pair_id),
                          self._show_pair)

    def _show_loading(self, pair_id: int) -> None:
        self.pair_data = None
        self.view.clear()
        self.panel.set_discrepancies([], {})
        self.editor.set_target(None, None)
        self.pair_status.setText("")
        label = pair_label(self._pairs[pair_id], self._articles) if pair_id in self._pairs else ""
        self.message(f"Comparing {label} …", 0)
        self._update_actions()

    def _show_pair(self, data: jobs.PairData) -> None:
        if data.pair_id != self.pair_id:
            return  # the user moved on while this pair was loading
        self.pair_data = data
        self.view.set_comparison(data.comparison, data.discrepancies, data.annotations)
        self.panel.set_discrepancies(data.discrepancies, data.annotations)
        self.editor.set_target(None, None)
        if self._select_first_on_open and data.discrepancies:
            first = self.panel.neighbour_id(1)
            if first is not None:
                self.select_discrepancy(first)
        was_compared = getattr(self._pairs.get(data.pair_id), "compared", False)
        self._refresh_pair_info(data.pair_id)
        if not was_compared:
            # Compared just now (new, or stale from an older engine): the project's totals moved.
            self._update_counts()
        self._update_pair_status()
        self._update_actions()
        info = self._pairs.get(data.pair_id)
        if info is not None:
            self.message(f"{pair_label(info, self._articles)}: "
                         f"{len(data.discrepancies)} discrepancies", 3000)
        self.pairOpened.emit(data.pair_id)

    def _clear_pair(self) -> None:
        self.runner.cancel("pair")
        self.pair_id = None
        self.pair_data = None
        self.view.clear()
        self.panel.set_discrepancies([], {})
        self.editor.set_target(None, None)
        self._update_pair_status()
        self._update_actions()

    def _refresh_pair_info(self, pair_id: int) -> None:
        """A pair's counts may have changed (compared just now, or annotated)."""
        if self.project is None:
            return
        try:
            info = self.project.pair(pair_id)
        except FactDiffError:
            return
        self._pairs[pair_id] = info
        self.browser.update_pair(info)

    def go_pair(self, step: int) -> None:
        ids = self.browser.pair_ids()
        if not ids:
            self.message("This project has no pairs yet.")
            return
        if self.pair_id not in ids:
            target = ids[0] if step > 0 else ids[-1]
        else:
            index = ids.index(self.pair_id) + step
            if not 0 <= index < len(ids):
                edge = "last" if step > 0 else "first"
                self.message(f"This is the {edge} pair of the project.")
                return
            target = ids[index]
        self.browser.select_pair(target, emit=False)
        self.open_pair(target)

    def add_pair(self, a_id: int, b_id: int) -> None:
        try:
            pair_id = self.project.add_pair(a_id, b_id)
        except FactDiffError as exc:
            self.show_error(str(exc))
            return
        self.refresh_project()
        self.browser.select_pair(pair_id, emit=False)
        self.open_pair(pair_id)

    def remove_pair(self, pair_id: int) -> None:
        info = self._pairs.get(pair_id)
        label = pair_label(info, self._articles) if info else f"pair {pair_id}"
        answer = QMessageBox.question(
            self, "Remove Pair",
            f"Remove the pair {label}?\n\nIts annotations are removed with it.")
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            self.project.remove_pair(pair_id)
        except FactDiffError as exc:
            self.show_error(str(exc))
            return
        if pair_id == self.pair_id:
            self._clear_pair()
        self.refresh_project()
        self.message(f"Removed {label}.")

    # ------------------------------------------------------------------ discrepancies
    def _discrepancy(self, disc_id: str | None):
        if self.pair_data is None or disc_id is None:
            return None
        return next((d for d in self.pair_data.discrepancies if d.id == disc_id), None)

    def select_discrepancy(self, disc_id: str) -> None:
        self.panel.select(disc_id)

    def _on_current_discrepancy(self, disc_id) -> None:
        disc = self._discrepancy(disc_id)
        # None (a filter hid it, or the list emptied) drops the frame and the band's
        # emphasis too: they mean "current", and the editor now says nothing is.
        self.view.show_discrepancy(disc.id if disc is not None else None)
        annotations = self.pair_data.annotations if self.pair_data else {}
        self.editor.set_target(disc, annotations.get(disc.id) if disc else None)
        self._update_pair_status()

    def go_discrepancy(self, step: int) -> None:
        """F8 / Shift+F8: the next one in the list's order, or say why there is none."""
        if self.pair_data is None:
            self.message("Open a pair first.")
            return
        if not self.pair_data.discrepancies:
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

    def undo(self) -> None:
        """One history for the whole window: a note still being typed is its latest step."""
        self.editor.flush()
        self.undo_stack.undo()

    def redo(self) -> None:
        self.editor.flush()  # typing after an undo is a new step, which drops the redo
        self.undo_stack.redo()

    def set_status(self, status: str) -> None:
        disc_id = self.panel.current_id()
        if disc_id is None:
            self.message("Select a discrepancy first.")
            return
        self.edit_annotation(disc_id, "status", status)

    def edit_annotation(self, disc_id: str, field: str, value) -> None:
        """Every annotation change goes through the undo stack and is saved at once."""
        if self.project is None or self.pair_data is None:
            return
        previous = self.pair_data.annotations.get(disc_id)
        if previous is not None and getattr(previous, field, None) == value:
            return
        if field != "reviewer":
            self.ask_reviewer_once()
        command = AnnotationCommand(
            self.project, self.pair_data.pair_id, disc_id, field, value, previous,
            self.settings.reviewer, self._annotation_saved, self.show_error)
        self.undo_stack.push(command)

    def ask_reviewer_once(self) -> None:
        """Before the first annotation, ask who signs it instead of using the login name.

        Asked once: a name given is kept in the preferences (and can be changed
        there); a dismissed question is not repeated in this session.
        """
        if (not self.interactive or self._reviewer_asked or self.settings.reviewer
                or self.project is None or self.project.readonly):
            return
        self._reviewer_asked = True
        from core.store.lock import current_user

        known = self.project.reviewer
        name, ok = QInputDialog.getText(
            self, "Who is reviewing?",
            "Your annotations are signed with your name in the project and the report.\n"
            "Your name:", text="" if known == current_user() else known)
        name = " ".join(name.split()) if ok else ""
        if not name:
            self.message(f"Annotations are signed “{known}”; set your name in Preferences.")
            return
        self.settings.set_preference("reviewer", name)
        try:
            self.project.reviewer = name
        except FactDiffError as exc:
            self.show_error(str(exc))
        self.editor.set_reviewer_placeholder(name)

    def _annotation_saved(self, pair_id: int, disc_id: str, annotation) -> None:
        if self.pair_data is not None and self.pair_data.pair_id == pair_id:
            self.pair_data.annotations[disc_id] = annotation
            self.view.update_annotation(disc_id, annotation)
            self.panel.update_annotation(disc_id, annotation)
            if self.panel.current_id() == disc_id:
                self.editor.set_target(self._discrepancy(disc_id), annotation)
        elif pair_id in self._pairs:
            self.browser.select_pair(pair_id, emit=False)
            self.open_pair(pair_id)
            self.select_discrepancy(disc_id)
        self._refresh_pair_info(pair_id)
        self._update_counts()
        self.message(f"Saved: {annotation.status}"
                     + (f", {annotation.verdict}" if annotation.verdict else ""), 2500)

    def mark_discrepancy(self) -> None:
        """Ctrl+M: turn the selected text in one or both panes into a discrepancy."""
        if self.pair_data is None or self.project is None:
            return
        if self.project.readonly:
            # The text menu can still ask; say why before the user fills in a dialog for nothing.
            self.message(f"{Path(self.project.path).name} is open read-only: "
                         "discrepancies cannot be added.")
            return
        a_span, b_span = self.view.selected_spans()
        if a_span is None and b_span is None:
            self.message("Select the text that differs in one or both articles first.")
            return
        comparison = self.pair_data.comparison
        a_text = comparison.a.text[a_span[0]:a_span[1]] if a_span else ""
        b_text = comparison.b.text[b_span[0]:b_span[1]] if b_span else ""
        dialog = ManualDiscrepancyDialog(a_text, b_text, self)
        if dialog.exec() != ManualDiscrepancyDialog.DialogCode.Accepted:
            return
        kind, summary, severity = dialog.values()
        self.add_user_discrepancy(kind, summary, a_span, b_span, severity)

    def add_user_discrepancy(self, kind, summary, a_span, b_span, severity) -> None:
        try:
            disc = self.project.add_user_discrepancy(
                self.pair_data.pair_id, kind, summary, a_span, b_span, severity)
        except FactDiffError as exc:
            self.show_error(str(exc))
            return
        self.reload_pair()
        self.select_discrepancy(disc.id)
        self._refresh_pair_info(self.pair_data.pair_id)
        self._update_counts()  # the totals include the new one at once, not after the next edit
        self.message(f"Added a {kind} discrepancy.")

    def reload_pair(self) -> None:
        """Re-read the open pair (after adding a discrepancy) and keep the selection."""
        if self.pair_data is None:
            return
        keep = self.panel.current_id()
        pair_id = self.pair_data.pair_id
        try:
            data = jobs.load_pair(self.project, pair_id)
        except FactDiffError as exc:
            self.show_error(str(exc))
            return
        self._select_first_on_open = False
        try:
            self._show_pair(data)
        finally:
            self._select_first_on_open = True
        if keep is not None:
            self.select_discrepancy(keep)

    # ------------------------------------------------------------------ article details
    def _edit_pane_article(self, side: int) -> None:
        if self.pair_data is not None:
            info = self._pairs.get(self.pair_data.pair_id)
            if info is not None:
                self.edit_article_details(info.b_id if side else info.a_id)

    def _article_to_edit(self) -> int | None:
        """The article selected in the browser, else the open pair's article that has focus."""
        chosen = self.browser.selected_article_ids()
        if len(chosen) == 1:
            return chosen[0]
        info = self._pairs.get(self.pair_data.pair_id) if self.pair_data else None
        if info is None:
            return None
        in_b = self.view.pane_b.isAncestorOf(QApplication.focusWidget() or self)
        return info.b_id if in_b else info.a_id

    def edit_article_details(self, article_id: int | None = None) -> None:
        """Correct an article's title, outlet, author, date or URL (undoable, with history)."""
        if self.project is None or self.project.readonly:
            return
        article_id = article_id if article_id is not None else self._article_to_edit()
        if article_id is None:
            self.message("Select an article in the project browser first.")
            return
        try:
            info = self.project.article_info(article_id)
            history = self.project.article_history(article_id)
            provenance = self.project.provenance(article_id)
        except FactDiffError as exc:
            self.show_error(str(exc))
            return
        dialog = ArticleDetailsDialog(info, history, self, provenance=provenance)
        if dialog.exec() != ArticleDetailsDialog.DialogCode.Accepted:
            return
        new = dialog.values()
        if not new:
            return
        self.ask_reviewer_once()
        old = {field: getattr(info, field) or "" for field in new}
        self.undo_stack.push(ArticleDetailsCommand(
            self.project, article_id, new, old, self._article_details_saved, self.show_error))

    def _article_details_saved(self, info, fields: set[str]) -> None:
        """Labels everywhere follow; a new date re-compares the open pair at once."""
        self.refresh_project()
        open_info = self._pairs.get(self.pair_id) if self.pair_id is not None else None
        if open_info is not None and info.id in (open_info.a_id, open_info.b_id):
            if "published" in fields:
                self.editor.flush()
                keep, self.pair_id = self.pair_id, None
                self.open_pair(keep)
            else:
                self.reload_pair()
        again = " Its pairs will be compared again with the new date." if (
            "published" in fields) else ""
        self.message(f"Saved the details of {info.source or info.title or 'the article'}.{again}")

    # ------------------------------------------------------------------ find
    def open_find_bar(self) -> None:
        self.find_bar.open()

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
        if dialog_class is None or self.project is None:
            return
        dialog_class(self.project, self).exec()

    def export_claimreview_dialog(self) -> None:
        from gui.claimreview_export import export_claimreview_interactively

        if self.project is not None:
            path = export_claimreview_interactively(self.project, self)
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
        if self.project is not None and values["reviewer"] and not self.project.readonly:
            try:
                self.project.reviewer = values["reviewer"]
            except FactDiffError as exc:
                self.show_error(str(exc))

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

    def _focus(self, widget: QWidget) -> None:
        if widget is self.editor:
            widget = self.editor.note
        elif widget is self.panel:
            widget = self.panel.table
        widget.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def show_browser(self, on: bool) -> None:
        """Ctrl+B: show (unfolding it if it gave way to the articles) or hide the browser."""
        self.browser.setVisible(on)
        sizes = self.main_splitter.sizes()
        if on and sizes[0] == 0:
            width = max(BROWSER_MIN_WIDTH, self._browser_width)
            take_side = min(width, max(0, sizes[2] - SIDE_MIN_WIDTH))
            self.main_splitter.setSizes([width, sizes[1] - (width - take_side),
                                         sizes[2] - take_side])
            self._browser_folded = False

    def article_min_width(self) -> int:
        """Width of one article column at MIN_ARTICLE_CHARS characters of reading text."""
        metrics = self.view.pane_a.text.fontMetrics()
        return metrics.averageCharWidth() * MIN_ARTICLE_CHARS + ARTICLE_MARGINS

    def fit_articles(self) -> None:
        """Keep each article at least ~45 characters wide: the browser, then the list, give way.

        The browser comes back, at the width the user gave it, when the window grows again.
        """
        sizes = self.main_splitter.sizes()
        if sum(sizes) <= 0 or not self.isVisible():
            return
        need = 2 * self.article_min_width() + self.view.connector.width()
        browser, centre, side = sizes
        if centre < need and browser > 0:
            self._browser_folded = True
            centre, browser = centre + browser, 0
        if centre < need:
            take = min(max(0, side - SIDE_MIN_WIDTH), need - centre)
            centre, side = centre + take, side - take
        elif browser == 0 and self._browser_folded and centre - need >= BROWSER_MIN_WIDTH:
            browser = min(self._browser_width, centre - need)
            centre -= browser
            self._browser_folded = False
        if [browser, centre, side] != sizes:
            self.main_splitter.setSizes([browser, centre, side])
            # A folded browser reads as hidden: Ctrl+B brings it back.
            action = self.actions.show_browser
            action.blockSignals(True)
            action.setChecked(browser > 0 and self.browser.isVisibleTo(self))
            action.blockSignals(False)

    def _remember_browser_width(self, *_args) -> None:
        width = self.main_splitter.sizes()[0]
        if width > 0:
            self._browser_width = width
            self._browser_folded = False

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        self.fit_articles()

    def showEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        self.fit_articles()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt override
        self.save_state()
        self.close_project()
        event.accept()

