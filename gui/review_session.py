"""The review without its widgets: the open project, the open pair, background work and undo.

:class:`ReviewSession` holds everything the window used to keep in loose
attributes, and every change to the project goes through it. It shows
nothing: it says what happened through signals, and the window
(:mod:`gui.main_window`) redraws. Questions only a person can answer (a file
name, "remove this pair?") are asked by the window before it calls in, so
this class can be driven from tests without a window.

Slow work runs on :attr:`runner` (see :mod:`gui.workers`); the project-wide
jobs — import, compare all, check for changes — live in
:class:`gui.project_work.ProjectWork`, which this session owns.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack

from core.errors import FactDiffError
from gui import jobs
from gui.project_browser import pair_label
from gui.project_work import ProjectWork
from gui.settings import Settings
from gui.undo import AnnotationCommand, ArticleDetailsCommand
from gui.workers import Failure, TaskRunner

if TYPE_CHECKING:
    from core.model import Span
    from core.store import Annotation, ArticleInfo, PairInfo, Project

#: How long a passing message stays in the status bar (ms).
MESSAGE_MS = 6000


class ReviewSession(QObject):
    """One project under review at a time, and at most one of its pairs open."""

    #: A project was opened or closed (``project`` says which).
    projectChanged = Signal()
    #: The project's lists were read anew: a :class:`gui.jobs.Snapshot`.
    contentsChanged = Signal(object)
    #: The project's totals moved (a pair compared, an annotation saved).
    countsChanged = Signal()
    #: Views commit what is still being typed: the pair or the history is about to change.
    commitRequested = Signal()
    #: A pair is about to open (its id): the browser shows it selected.
    currentPairChanged = Signal(int)
    #: The pair to show (:class:`gui.jobs.PairData`), or None: no pair open, or the
    #: chosen one still being compared. The flag is False for the same pair re-read.
    pairDataChanged = Signal(object, bool)
    #: A pair's counts changed (:class:`core.store.PairInfo`).
    pairInfoChanged = Signal(object)
    #: An annotation was written: pair id, discrepancy id, :class:`core.store.Annotation`.
    annotationChanged = Signal(int, str, object)
    #: The open pair's discrepancy (id) the user should see now.
    revealRequested = Signal(str)
    #: About to sign a first edit: the window may ask who is reviewing.
    reviewerRequested = Signal()
    #: Something to say in passing: text, milliseconds (0: until replaced).
    messageRequested = Signal(str, int)
    #: A one-line FactDiffError the user should read.
    errorRequested = Signal(str)
    #: A list of problems worth a box: title, text.
    warningRequested = Signal(str, str)
    #: A bug surfaced in a background job: message, details for the log.
    unexpectedErrorRequested = Signal(str, str)

    def __init__(self, settings: Settings, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        self.project: Project | None = None
        self.articles: dict[int, ArticleInfo] = {}
        self.pairs: dict[int, PairInfo] = {}
        #: The pair chosen (set while it is still being compared) and its data once shown.
        self.pair_id: int | None = None
        self.pair_data: jobs.PairData | None = None
        self.runner = TaskRunner(self)
        self.undo_stack = QUndoStack(self)
        self.work = ProjectWork(self)
        #: Projects closed while a cancelled job still used them; closed once it ends.
        self._closing: list[Project] = []
        self.runner.failed.connect(self._on_job_failed)

    # ------------------------------------------------------------------ telling
    def say(self, text: str, timeout: int = MESSAGE_MS) -> None:
        self.messageRequested.emit(text, timeout)

    @property
    def writable(self) -> bool:
        return self.project is not None and not self.project.readonly

    def label(self, pair_id: int) -> str:
        """A pair named by its articles, for messages."""
        info = self.pairs.get(pair_id)
        return pair_label(info, self.articles) if info is not None else f"pair {pair_id}"

    def open_pair_info(self) -> PairInfo | None:
        return self.pairs.get(self.pair_id) if self.pair_id is not None else None

    # ------------------------------------------------------------------ project
    def open_project(self, path: str | Path, readonly: bool = False) -> bool:
        """Open ``path``; False (having said why) if it cannot be opened.

        A project another process holds raises :class:`core.errors.ProjectLockedError`
        for the caller to offer read-only instead.
        """
        from core.errors import ProjectLockedError
        from core.store import Project

        path = Path(path)
        if self.project is not None and Path(self.project.path).resolve() == path.resolve():
            return True
        self._finish_closing(path)
        try:
            project = Project.open(path, readonly=readonly)
        except ProjectLockedError:
            raise
        except FactDiffError as exc:
            self.settings.remove_recent_project(path)
            self.errorRequested.emit(f"Cannot open {path.name}: {exc}")
            return False
        self.set_project(project)
        return True

    def create_project(self, path: Path) -> bool:
        from core.store import SUFFIX, Project

        if path.suffix != SUFFIX:
            path = path.with_suffix(SUFFIX)
        try:
            project = Project.create(path)
        except FactDiffError as exc:
            self.errorRequested.emit(f"Cannot create {path.name}: {exc}")
            return False
        self.set_project(project)
        self.say("New project created: import articles with Ctrl+I or drop files here.")
        return True

    def set_project(self, project: Project) -> None:
        """Make ``project`` current: everything shown is re-read from it."""
        self.close_project()
        self.project = project
        reviewer = self.settings.reviewer
        if reviewer and not project.readonly:
            try:
                project.reviewer = reviewer
            except FactDiffError as exc:
                self.say(str(exc))
        self.settings.add_recent_project(project.path)
        self.refresh()
        self.projectChanged.emit()
        if project.readonly:
            self.say(f"{Path(project.path).name} is read-only: {project.readonly_reason}")

    def close_project(self) -> None:
        """Close at once, never waiting on the GUI thread for a job to stop.

        Running jobs are cancelled and whatever they still report is dropped;
        the file itself is closed once the last of them has unwound.
        """
        if self.project is None:
            return
        self.commitRequested.emit()
        self.runner.abandon()
        self.undo_stack.clear()
        self._clear_pair()
        self.pairs.clear()
        self.articles.clear()
        project, self.project = self.project, None
        self._closing.append(project)
        self.runner.after_running_jobs(lambda: self._close_file(project))
        self.projectChanged.emit()

    def shutdown(self, msecs: int = 10000) -> None:
        """On quit: close, then let cancelled jobs unwind so none writes to a closed file."""
        self.close_project()
        if self._closing and self.runner.wait(msecs):
            for project in list(self._closing):
                self._close_file(project)

    def _close_file(self, project: Project) -> None:
        if project not in self._closing:
            return
        self._closing.remove(project)
        try:
            project.close()
        except FactDiffError as exc:
            self.say(str(exc))

    def _finish_closing(self, path: Path) -> None:
        """Re-opening a project whose cancelled job is still unwinding: let it end first.

        Only this case waits (briefly; the job was told to stop): the file's lock
        is still ours until it is closed.
        """
        if any(Path(p.path).resolve() == path.resolve() for p in self._closing):
            self.runner.wait(10000)
            for project in list(self._closing):
                self._close_file(project)

    def refresh(self, snap: jobs.Snapshot | None = None) -> None:
        """Read events, articles and pairs anew (after import, grouping or compare-all).

        Background jobs hand over a snapshot they read in their own thread, so
        the GUI thread only rebuilds the tree.
        """
        if self.project is None:
            return
        if snap is None:
            try:
                snap = jobs.snapshot(self.project)
            except FactDiffError as exc:
                self.errorRequested.emit(str(exc))
                return
        self.articles = {a.id: a for a in snap.articles}
        self.pairs = {p.id: p for p in snap.pairs}
        self.contentsChanged.emit(snap)
        if self.pair_id is not None and self.pair_id not in self.pairs:
            self._clear_pair()

    # ------------------------------------------------------------------ pairs
    def open_pair(self, pair_id: int) -> None:
        """Show a pair: at once when its comparison is cached, else compare in a worker."""
        if self.project is None or pair_id == self.pair_id:
            return
        self.commitRequested.emit()
        info = self.pairs.get(pair_id)
        self.pair_id = pair_id
        self.currentPairChanged.emit(pair_id)
        if info is not None and info.compared and not info.stale:
            try:
                data = jobs.load_pair(self.project, pair_id)
            except FactDiffError as exc:
                self.errorRequested.emit(str(exc))
                return
            self._pair_loaded(data)
            return
        self.pair_data = None
        self.pairDataChanged.emit(None, True)
        self.say(f"Comparing {self.label(pair_id) if pair_id in self.pairs else ''} …", 0)
        self.runner.start("pair", "Comparing", jobs.load_pair_job(self.project, pair_id),
                          self._pair_loaded)

    def _pair_loaded(self, data: jobs.PairData) -> None:
        if data.pair_id != self.pair_id:
            return  # the user moved on while this pair was loading
        self.pair_data = data
        was_compared = self.pairs[data.pair_id].compared if data.pair_id in self.pairs else False
        self.pairDataChanged.emit(data, True)
        self._refresh_pair_info(data.pair_id)
        if not was_compared:
            # Compared just now (new, or stale from an older engine): the project's totals moved.
            self.countsChanged.emit()
        if data.pair_id in self.pairs:
            self.say(f"{self.label(data.pair_id)}: {len(data.discrepancies)} discrepancies", 3000)

    def reopen_pair(self) -> None:
        """Compare the open pair again (its article's date changed), from scratch."""
        keep = self.pair_id
        if keep is not None:
            self.commitRequested.emit()
            self.pair_id = None
            self.open_pair(keep)

    def reload_pair(self) -> None:
        """Re-read the open pair (after adding a discrepancy); the window keeps its selection."""
        if self.pair_data is None or self.project is None:
            return
        try:
            data = jobs.load_pair(self.project, self.pair_data.pair_id)
        except FactDiffError as exc:
            self.errorRequested.emit(str(exc))
            return
        self.pair_data = data
        self.pairDataChanged.emit(data, False)

    def _clear_pair(self) -> None:
        self.runner.cancel("pair")
        self.pair_id = None
        self.pair_data = None
        self.pairDataChanged.emit(None, True)

    def _refresh_pair_info(self, pair_id: int) -> None:
        """A pair's counts may have changed (compared just now, or annotated)."""
        if self.project is None:
            return
        try:
            info = self.project.pair(pair_id)
        except FactDiffError:
            return
        self.pairs[pair_id] = info
        self.pairInfoChanged.emit(info)

    def add_pair(self, a_id: int, b_id: int, open_it: bool = True) -> int | None:
        """Pair two articles; the new pair opens unless ``open_it`` is False."""
        if self.project is None:
            return None
        try:
            pair_id = self.project.add_pair(a_id, b_id)
        except FactDiffError as exc:
            self.errorRequested.emit(str(exc))
            return None
        self.refresh()
        if open_it:
            self.open_pair(pair_id)
        return pair_id

    def pair_of(self, a_id: int, b_id: int) -> int | None:
        """The project's pair of two articles, made when there is none (and the file allows)."""
        for pair in self.pairs.values():
            if {pair.a_id, pair.b_id} == {a_id, b_id}:
                return pair.id
        if not self.writable:
            self.errorRequested.emit(
                "These two articles are not paired, and the project is read-only.")
            return None
        return self.add_pair(a_id, b_id, open_it=False)

    def remove_pair(self, pair_id: int) -> None:
        if self.project is None:
            return
        label = self.label(pair_id)
        try:
            self.project.remove_pair(pair_id)
        except FactDiffError as exc:
            self.errorRequested.emit(str(exc))
            return
        if pair_id == self.pair_id:
            self._clear_pair()
        self.refresh()
        self.say(f"Removed {label}.")

    # ------------------------------------------------------------------ edits
    def edit_annotation(self, disc_id: str, field: str, value: str) -> None:
        """Every annotation change goes through the undo stack and is saved at once."""
        if self.project is None or self.pair_data is None:
            return
        previous = self.pair_data.annotations.get(disc_id)
        if previous is not None and getattr(previous, field, None) == value:
            return
        if field != "reviewer":
            self.reviewerRequested.emit()
        self.undo_stack.push(AnnotationCommand(
            self.project, self.pair_data.pair_id, disc_id, field, value, previous,
            self.settings.reviewer, self._annotation_saved, self.errorRequested.emit))

    def _annotation_saved(self, pair_id: int, disc_id: str, annotation: Annotation) -> None:
        if self.pair_data is not None and self.pair_data.pair_id == pair_id:
            self.pair_data.annotations[disc_id] = annotation
            self.annotationChanged.emit(pair_id, disc_id, annotation)
        elif pair_id in self.pairs:  # undone or redone from another pair: show it there
            self.open_pair(pair_id)
            self.revealRequested.emit(disc_id)
        self._refresh_pair_info(pair_id)
        self.countsChanged.emit()
        self.say(f"Saved: {annotation.status}"
                 + (f", {annotation.verdict}" if annotation.verdict else ""), 2500)

    def add_user_discrepancy(self, kind: str, summary: str, a_span: Span | None,
                             b_span: Span | None, severity: str) -> str | None:
        """Add the reviewer's own discrepancy to the open pair; its id, or None."""
        if self.project is None or self.pair_data is None:
            return None
        pair_id = self.pair_data.pair_id
        try:
            disc = self.project.add_user_discrepancy(
                pair_id, kind, summary, a_span, b_span, severity)
        except FactDiffError as exc:
            self.errorRequested.emit(str(exc))
            return None
        self.reload_pair()
        self.revealRequested.emit(disc.id)
        self._refresh_pair_info(pair_id)
        self.countsChanged.emit()  # the totals include the new one at once, not after the next edit
        self.say(f"Added a {kind} discrepancy.")
        return disc.id

    def edit_article(self, article_id: int, new: dict[str, str], old: dict[str, str]) -> None:
        """Correct an article's details (undoable, kept in its history)."""
        if not self.writable or not new:
            return
        self.reviewerRequested.emit()
        self.undo_stack.push(ArticleDetailsCommand(
            self.project, article_id, new, old, self._article_saved, self.errorRequested.emit))

    def _article_saved(self, info: ArticleInfo, fields: set[str]) -> None:
        """Labels everywhere follow; a new date re-compares the open pair at once."""
        self.refresh()
        open_info = self.open_pair_info()
        if open_info is not None and info.id in (open_info.a_id, open_info.b_id):
            if "published" in fields:
                self.reopen_pair()
            else:
                self.reload_pair()
        again = " Its pairs will be compared again with the new date." if (
            "published" in fields) else ""
        self.say(f"Saved the details of {info.source or info.title or 'the article'}.{again}")

    def set_reviewer(self, name: str) -> None:
        """Sign this project's annotations with ``name`` from now on."""
        if not self.writable or not name:
            return
        try:
            self.project.reviewer = name
        except FactDiffError as exc:
            self.errorRequested.emit(str(exc))

    def undo(self) -> None:
        self.commitRequested.emit()  # a note still being typed is the latest step
        self.undo_stack.undo()

    def redo(self) -> None:
        self.commitRequested.emit()  # typing after an undo is a new step, which drops the redo
        self.undo_stack.redo()

    # ------------------------------------------------------------------ failures
    def _on_job_failed(self, channel: str, failure: Failure) -> None:
        if channel == "pair":
            self.pair_id = None
        if failure.expected:
            self.errorRequested.emit(failure.message)
        else:
            self.unexpectedErrorRequested.emit(failure.message, failure.details)
