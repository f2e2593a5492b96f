"""The window's long-running work, as plain functions the worker pool can run.

Each ``…_job`` returns a callable ``(progress, cancelled) -> result`` for
:meth:`gui.workers.TaskRunner.start`. They only call the project's public API
(which is thread-safe), so they can be tested without a window.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path
from typing import NamedTuple

from gui.workers import Job


class PairData(NamedTuple):
    """Everything the window shows for one pair, loaded together."""

    pair_id: int
    comparison: object
    discrepancies: list
    annotations: dict


class Snapshot(NamedTuple):
    """The project's lists as the browser shows them, read off the GUI thread."""

    events: list
    articles: list
    pairs: list
    revisions: list | tuple = ()  # RevisionInfo: later versions of fetched articles


class ImportOutcome(NamedTuple):
    report: object
    grouped: bool
    snapshot: Snapshot


class CompareOutcome(NamedTuple):
    compared: int
    snapshot: Snapshot


def snapshot(project) -> Snapshot:
    return Snapshot(project.events(), project.articles(), project.pairs(), project.revisions())


def default_workers() -> int:
    """Processes for compare-all: they keep the engine's CPU work off this process's GIL."""
    return max(1, min(4, (os.cpu_count() or 1)))


def load_pair(project, pair_id: int) -> PairData:
    """Read (or compute, if missing or stale) a pair's comparison and annotations."""
    comparison = project.comparison(pair_id)
    return PairData(pair_id, comparison, list(project.discrepancies(pair_id)),
                    dict(project.annotations(pair_id)))


def load_pair_job(project, pair_id: int) -> Job:
    def job(progress, _cancelled):
        progress(0, 0, "comparing the articles")
        return load_pair(project, pair_id)

    return job


def import_job(project, paths: Sequence[Path]) -> Job:
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


def add_article_job(project, article, provenance=None) -> Job:
    def job(progress, _cancelled):
        progress(0, 0, "adding the article")
        result = project.add_article(article, provenance)
        if not result.duplicate:
            project.group_events()
        return result

    return job


def compare_all_job(project, workers: int = 1) -> Job:
    """Compare what is not compared yet; ``workers`` > 1 uses that many processes."""

    def job(progress, cancelled):
        done = project.compare_all(progress=progress, cancelled=cancelled, workers=workers)
        return CompareOutcome(done, snapshot(project))

    return job


class RefetchOutcome(NamedTuple):
    report: object  # core.refetch.RefetchReport
    snapshot: Snapshot


def refetch_job(project) -> Job:
    """Fetch every URL article again; changed texts become compared revisions."""

    def job(progress, cancelled):
        from core.refetch import refetch

        report = refetch(project, progress=progress, cancelled=cancelled)
        return RefetchOutcome(report, snapshot(project))

    return job


def group_events_job(project) -> Job:
    def job(progress, _cancelled):
        progress(0, 0, "grouping articles into events")
        return project.group_events()

    return job


#: Engine modules the window's background jobs need; imported once, ahead of use.
WARM_UP_MODULES = ("core.ingest", "core.events", "core.compare")


def warm_up_job() -> Job:
    def job(_progress, _cancelled):
        import importlib

        for name in WARM_UP_MODULES:
            importlib.import_module(name)
        return len(WARM_UP_MODULES)

    return job
