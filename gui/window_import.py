"""Bringing articles in and project-wide work: import, paste, fetch, drop, compare all.

A mixin of :class:`gui.main_window.MainWindow`. Everything slow runs through
the window's :class:`gui.workers.TaskRunner`; results come back as snapshots
read in the worker, so the GUI thread only redraws.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QFileDialog, QMessageBox

from core.errors import FactDiffError
from core.ingest import ARTICLE_SUFFIXES
from core.store import SUFFIX
from gui import jobs
from gui.import_dialogs import FetchUrlDialog, PasteArticleDialog
from gui.workers import Failure

ARTICLE_FILTER = f"Articles ({' '.join('*' + s for s in ARTICLE_SUFFIXES)});;All files (*)"


class ImportMixin:
    """Articles in, comparisons out, all off the GUI thread (needs the window's runner)."""

    def import_files_dialog(self) -> None:
        start = self.settings.import_folder(self.project.path) if self.project else Path.home()
        names, _ = QFileDialog.getOpenFileNames(self, "Import Articles", str(start), ARTICLE_FILTER)
        if names:
            if self.project is not None:
                self.settings.set_import_folder(self.project.path, Path(names[0]).parent)
            self.import_paths(names)

    def import_paths(self, paths) -> bool:
        """Import article files in the background; False if there is nothing to do."""
        if self.project is None:
            self.message("Open or create a project before importing articles.")
            return False
        if self.project.readonly:
            self.show_error("This project is open read-only; articles cannot be added.")
            return False
        files = [Path(p) for p in paths]
        self.runner.start("import", "Importing", jobs.import_job(self.project, files),
                          self._import_done, lambda: self._import_cancelled())
        return True

    def _import_done(self, outcome: jobs.ImportOutcome) -> None:
        report = outcome.report
        self.refresh_project(outcome.snapshot)
        parts = [f"Imported {len(report.added)} article{'s' * (len(report.added) != 1)}"]
        if report.duplicates:
            parts.append(f"{len(report.duplicates)} already in the project")
        if report.errors:
            parts.append(f"{len(report.errors)} failed")
        self.message("; ".join(parts) + ".")
        if report.errors:
            details = "\n".join(f"{Path(name).name}: {why}" for name, why in report.errors[:20])
            QMessageBox.warning(self, "Import", f"Some files could not be imported:\n\n{details}")

    def _import_cancelled(self) -> None:
        self.refresh_project()
        self.message("Import cancelled; articles imported so far are kept.")

    def paste_article_dialog(self) -> None:
        dialog = PasteArticleDialog(self)
        if dialog.exec() != PasteArticleDialog.DialogCode.Accepted:
            return
        try:
            article = dialog.article()
        except FactDiffError as exc:
            self.show_error(str(exc))
            return
        self.add_article(article)

    def fetch_url_dialog(self) -> None:
        dialog = FetchUrlDialog(self)
        if dialog.exec() == FetchUrlDialog.DialogCode.Accepted and dialog.result_article:
            self.add_article(dialog.result_article, dialog.result_provenance)

    def add_article(self, article, provenance=None) -> None:
        if self.project is None:
            return
        job = jobs.add_article_job(self.project, article, provenance)
        self.runner.start("import", "Adding article", job, self._article_added)

    def _article_added(self, result) -> None:
        self.refresh_project()
        if result.duplicate:
            self.message("That article is already in the project.")
        else:
            self.message("Article added.")

    def compare_all(self) -> None:
        if self.project is None:
            return
        self.runner.start("compare", "Comparing pairs",
                          jobs.compare_all_job(self.project, self.compare_workers),
                          self._compare_done, self._compare_cancelled)

    def _compare_done(self, outcome: jobs.CompareOutcome) -> None:
        count = outcome.compared
        self.refresh_project(outcome.snapshot)
        self.message(f"Compared {count} pair{'s' * (count != 1)}." if count
                     else "Every pair was already compared.")

    def _compare_cancelled(self) -> None:
        self.refresh_project()
        self.message("Compare-all cancelled; pairs compared so far are kept.")

    def check_for_changes(self) -> None:
        """Fetch every article that came from a URL again, in the background."""
        if self.project is None or self.project.readonly:
            return
        self.runner.start("refetch", "Checking articles for changes",
                          jobs.refetch_job(self.project), self._refetch_done,
                          self._refetch_cancelled)

    def _refetch_done(self, outcome: jobs.RefetchOutcome) -> None:
        report = outcome.report
        self.refresh_project(outcome.snapshot)
        if not report.lines:
            self.message("No article in this project was fetched from a URL.")
            return
        unchanged = len(report.lines) - len(report.changed) - len(report.failed)
        self.message(f"Checked {len(report.lines)} articles: {len(report.changed)} changed, "
                     f"{unchanged} unchanged, {len(report.failed)} could not be fetched.")
        if report.failed:
            details = "\n".join(line.text() for line in report.failed[:20])
            QMessageBox.warning(self, "Check Articles for Changes",
                                f"Some articles could not be fetched again:\n\n{details}")

    def _refetch_cancelled(self) -> None:
        self.refresh_project()
        self.message("Check for changes cancelled; revisions found so far are kept.")

    def group_events(self) -> None:
        if self.project is None:
            return
        self.runner.start("group", "Grouping", jobs.group_events_job(self.project),
                          lambda events: (self.refresh_project(),
                                          self.message(f"{len(events)} events.")))

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
        shown = [c for c in self.runner.busy_channels() if self.runner.title(c)]
        if shown:
            self._progress_channel = shown[0]
            self.progress.begin(self.runner.title(shown[0]))
        else:
            self.progress.end()
            if channel == "pair":
                self.statusBar().clearMessage()

    def warm_up(self) -> None:
        """Import the engine in the background while the user reads.

        The first import, grouping or comparison otherwise pays for loading
        numpy, scipy and the engine; part of that runs C code that holds the
        GIL, which would stall the window then instead of now, unnoticed.
        """
        self.runner.start("warm-up", "", jobs.warm_up_job(), lambda _result: None)

    def _on_job_failed(self, channel: str, failure: Failure) -> None:
        if channel == "pair":
            self.pair_id = None
        if failure.expected:
            self.show_error(failure.message)
        else:
            from gui.error_dialogs import show_unexpected_error

            show_unexpected_error(failure.message, failure.details, self)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802 - Qt override
        if self._dropped_paths(event.mimeData()):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event) -> None:  # noqa: N802 - Qt override
        if self._dropped_paths(event.mimeData()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802 - Qt override
        paths = self._dropped_paths(event.mimeData())
        if not paths:
            event.ignore()
            return
        event.acceptProposedAction()
        projects = [p for p in paths if p.suffix == SUFFIX]
        if projects:
            # Open after the drop returns: a modal message inside dropEvent blocks the source.
            QTimer.singleShot(0, lambda: self.open_project(projects[0]))
            return
        QTimer.singleShot(0, lambda: self.import_paths(paths))

    @staticmethod
    def _dropped_paths(mime) -> list[Path]:
        if not mime.hasUrls():
            return []
        paths = [Path(url.toLocalFile()) for url in mime.urls() if url.isLocalFile()]
        wanted = (*ARTICLE_SUFFIXES, SUFFIX)
        return [p for p in paths if p.suffix.lower() in wanted or p.is_dir()]
