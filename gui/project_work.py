"""Project-wide background work: import, add an article, compare all, group, check for changes.

Owned by :class:`gui.review_session.ReviewSession`, whose runner, project and
messages it uses. Each job runs in the worker pool (:mod:`gui.jobs`) and
hands back a snapshot read in the worker, so the GUI thread only redraws.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from core.errors import FactDiffError
from gui import jobs

if TYPE_CHECKING:
    from core.model import Article
    from core.store import AddResult, EventInfo, Provenance
    from gui.review_session import ReviewSession


class ProjectWork:
    """Starts the session's slow project jobs and reports how they went."""

    def __init__(self, session: ReviewSession) -> None:
        self._session = session
        #: Processes for compare-all (1 = a thread in this process).
        self.compare_workers = jobs.default_workers()

    def import_paths(self, paths: Iterable[str | Path]) -> bool:
        """Import article files in the background; False if there is nothing to do."""
        s = self._session
        if s.project is None:
            s.say("Open or create a project before importing articles.")
            return False
        if s.project.readonly:
            s.errorRequested.emit("This project is open read-only; articles cannot be added.")
            return False
        files = [Path(p) for p in paths]
        s.runner.start("import", "Importing", jobs.import_job(s.project, files),
                       self._imported, lambda: self._cancelled(
                           "Import cancelled; articles imported so far are kept."))
        return True

    def _imported(self, outcome: jobs.ImportOutcome) -> None:
        s, report = self._session, outcome.report
        s.refresh(outcome.snapshot)
        parts = [f"Imported {len(report.added)} article{'s' * (len(report.added) != 1)}"]
        if report.duplicates:
            parts.append(f"{len(report.duplicates)} already in the project")
        if report.errors:
            parts.append(f"{len(report.errors)} failed")
        s.say("; ".join(parts) + ".")
        if report.errors:
            details = "\n".join(f"{Path(name).name}: {why}" for name, why in report.errors[:20])
            s.warningRequested.emit("Import", f"Some files could not be imported:\n\n{details}")

    def add_article(self, article: Article, provenance: Provenance | None = None) -> None:
        """Add one pasted or fetched article (and regroup events) in the background."""
        s = self._session
        if s.project is None:
            return
        s.runner.start("import", "Adding article",
                       jobs.add_article_job(s.project, article, provenance), self._article_added)

    def _article_added(self, result: AddResult) -> None:
        self._session.refresh()
        self._session.say("That article is already in the project." if result.duplicate
                          else "Article added.")

    def compare_all(self) -> None:
        s = self._session
        if s.project is None:
            return
        s.runner.start("compare", "Comparing pairs",
                       jobs.compare_all_job(s.project, self.compare_workers),
                       self._compared, lambda: self._cancelled(
                           "Compare-all cancelled; pairs compared so far are kept."))

    def _compared(self, outcome: jobs.CompareOutcome) -> None:
        count = outcome.compared
        self._session.refresh(outcome.snapshot)
        self._session.say(f"Compared {count} pair{'s' * (count != 1)}." if count
                          else "Every pair was already compared.")

    def check_for_changes(self) -> None:
        """Fetch every article that came from a URL again, in the background."""
        s = self._session
        if not s.writable:
            return
        s.runner.start("refetch", "Checking articles for changes",
                       jobs.refetch_job(s.project), self._refetched, lambda: self._cancelled(
                           "Check for changes cancelled; revisions found so far are kept."))

    def _refetched(self, outcome: jobs.RefetchOutcome) -> None:
        s, report = self._session, outcome.report
        s.refresh(outcome.snapshot)
        if not report.lines:
            s.say("No article in this project was fetched from a URL.")
            return
        unchanged = len(report.lines) - len(report.changed) - len(report.failed)
        s.say(f"Checked {len(report.lines)} articles: {len(report.changed)} changed, "
              f"{unchanged} unchanged, {len(report.failed)} could not be fetched.")
        if report.failed:
            details = "\n".join(line.text() for line in report.failed[:20])
            s.warningRequested.emit("Check Articles for Changes",
                                 f"Some articles could not be fetched again:\n\n{details}")

    def group_events(self) -> None:
        s = self._session
        if s.project is None:
            return
        s.runner.start("group", "Grouping", jobs.group_events_job(s.project), self._grouped)

    def _grouped(self, events: list[EventInfo]) -> None:
        self._session.refresh()
        self._session.say(f"{len(events)} events.")

    def _cancelled(self, text: str) -> None:
        self._session.refresh()
        self._session.say(text)

    def open_demo(self, in_background: bool,
                  open_with: Callable[[Path], bool] | None = None) -> bool:
        """Open the demo project, building it first if needed (in a worker if asked).

        ``open_with`` opens the built file (default: the session's ``open_project``),
        so the window can offer read-only when another FactDiff holds it.
        """
        from gui import demo

        s = self._session
        open_with = open_with or s.open_project
        if in_background and not demo.is_current():
            s.say("Preparing the demo project: importing and comparing its articles…", 0)
            s.runner.start("demo", "Preparing the demo",
                           lambda _progress, _cancelled: demo.ensure_demo(), open_with)
            return True
        try:
            path = demo.ensure_demo()
        except FactDiffError as exc:
            s.errorRequested.emit(f"Cannot prepare the demo project: {exc}")
            return False
        return open_with(path)

    def warm_up(self) -> None:
        """Import the engine in the background while the user reads.

        The first import, grouping or comparison otherwise pays for loading
        numpy, scipy and the engine; part of that runs C code that holds the
        GIL, which would stall the window then instead of now, unnoticed.
        """
        self._session.runner.start("warm-up", "", jobs.warm_up_job(), lambda _result: None)
