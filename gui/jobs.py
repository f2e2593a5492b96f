"""The window's long-running work, as plain functions the worker pool can run.

Each ``…_job`` returns a callable ``(progress, cancelled) -> result`` for
:meth:`gui.workers.TaskRunner.start`. They only call the project's public API
(which is thread-safe), so they can be tested without a window.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from gui.workers import Job

if TYPE_CHECKING:  # the engine's records, named for readers without importing the engine
    from core.model import Article, Comparison, Discrepancy
    from core.store import (
        AddResult,
        Annotation,
        ArticleInfo,
        EventInfo,
        ImportReport,
        PairInfo,
        Project,
        Provenance,
        RevisionInfo,
    )
    from core.web.refetch import RefetchReport


@dataclass
class PairData:
    """Everything the window shows for one pair, loaded together.

    ``annotations`` follows the saved edits (by discrepancy id) while the pair is open.
    """

    pair_id: int
    comparison: Comparison
    discrepancies: list[Discrepancy]
    annotations: dict[str, Annotation] = field(default_factory=dict)

    def discrepancy(self, disc_id: str | None) -> Discrepancy | None:
        """The pair's discrepancy with this id, if there is one."""
        return next((d for d in self.discrepancies if d.id == disc_id), None)


@dataclass(frozen=True)
class Snapshot:
    """The project's lists as the browser shows them, read off the GUI thread."""

    events: list[EventInfo]
    articles: list[ArticleInfo]
    pairs: list[PairInfo]
    revisions: list[RevisionInfo] = field(default_factory=list)  # later versions of fetched articles


@dataclass(frozen=True)
class ImportOutcome:
    report: ImportReport
    grouped: bool
    snapshot: Snapshot


@dataclass(frozen=True)
class CompareOutcome:
    compared: int
    snapshot: Snapshot


@dataclass(frozen=True)
class RefetchOutcome:
    report: RefetchReport
    snapshot: Snapshot


def snapshot(project: Project) -> Snapshot:
    return Snapshot(project.events(), project.articles(), project.pairs(),
                    list(project.revisions()))


def default_workers() -> int:
    """Processes for compare-all: they keep the engine's CPU work off this process's GIL."""
    return max(1, min(4, (os.cpu_count() or 1)))


def load_pair(project: Project, pair_id: int) -> PairData:
    """Read (or compute, if missing or stale) a pair's comparison and annotations."""
    comparison = project.comparison(pair_id)
    return PairData(pair_id, comparison, list(project.discrepancies(pair_id)),
                    dict(project.annotations(pair_id)))


def load_pair_job(project: Project, pair_id: int) -> Job:
    def job(progress, _cancelled):
        progress(0, 0, "comparing the articles")
        return load_pair(project, pair_id)

    return job


def import_job(project: Project, paths: Sequence[Path]) -> Job:
    """Import files, then regroup events so new articles land in pairs at once."""

    def job(progress, cancelled):
        report = project.import_files(list(paths), progress=progress, cancelled=cancelled)
        grouped = False
        if report.added and not cancelled():
            progress(len(paths), len(paths), "grouping events")
            project.group_events()
            grouped = True
        return ImportOutcome(report, grouped, snapshot(project))

    return job


def add_article_job(project: Project, article: Article,
                    provenance: Provenance | None = None) -> Job:
    def job(progress, _cancelled) -> AddResult:
        progress(0, 0, "adding the article")
        result = project.add_article(article, provenance)
        if not result.duplicate:
            project.group_events()
        return result

    return job


def compare_all_job(project: Project, workers: int = 1) -> Job:
    """Compare what is not compared yet; ``workers`` > 1 uses that many processes."""

    def job(progress, cancelled):
        done = project.compare_all(progress=progress, cancelled=cancelled, workers=workers)
        return CompareOutcome(done, snapshot(project))

    return job


def refetch_job(project: Project) -> Job:
    """Fetch every URL article again; changed texts become compared revisions."""

    def job(progress, cancelled):
        from core.web.refetch import refetch

        report = refetch(project, progress=progress, cancelled=cancelled)
        return RefetchOutcome(report, snapshot(project))

    return job


def group_events_job(project: Project) -> Job:
    def job(progress, _cancelled) -> list[EventInfo]:
        progress(0, 0, "grouping articles into events")
        return project.group_events()

    return job


#: Engine modules the window's background jobs need; imported once, ahead of use.
WARM_UP_MODULES = ("core.ingest.load", "core.events.grouping", "core.compare")


def warm_up_job() -> Job:
    def job(_progress, _cancelled):
        import importlib

        for name in WARM_UP_MODULES:
            importlib.import_module(name)
        return len(WARM_UP_MODULES)

    return job
