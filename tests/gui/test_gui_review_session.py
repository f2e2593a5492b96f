"""The review controller on its own: no window, only its state and its signals."""

from __future__ import annotations

import threading

import pytest
from gui_fixtures import *  # noqa: F403  (fixtures)

from core.errors import FactDiffError
from gui.jobs import PairData, Snapshot
from gui.review_session import ReviewSession
from gui.settings import Settings


@pytest.fixture
def session(qtbot, demo_copy):
    review = ReviewSession(Settings())
    with qtbot.waitSignal(review.projectChanged, timeout=5000):
        assert review.open_project(demo_copy)
    yield review
    review.shutdown()


def _compared_pair(session) -> int:
    return next(p.id for p in session.pairs.values() if p.compared and p.n_discrepancies)


def _closed(project) -> bool:
    try:
        project.status()
    except FactDiffError:
        return True
    return False


def test_opening_reads_the_lists_and_says_so(qtbot, demo_copy):
    review = ReviewSession(Settings())
    seen: list[Snapshot] = []
    review.contentsChanged.connect(seen.append)
    assert review.open_project(demo_copy)
    assert review.project is not None and review.writable
    [snap] = seen
    assert {a.id for a in snap.articles} == set(review.articles)
    assert {p.id for p in snap.pairs} == set(review.pairs)
    review.shutdown()


def test_a_file_that_cannot_be_opened_is_one_message(qtbot, tmp_path):
    review = ReviewSession(Settings())
    with qtbot.waitSignal(review.errorRequested, timeout=1000) as blocker:
        assert not review.open_project(tmp_path / "missing.factdiff")
    assert blocker.args[0].startswith("Cannot open missing.factdiff")
    assert review.project is None


def test_a_compared_pair_opens_at_once_with_typed_data(qtbot, session):
    pair_id = _compared_pair(session)
    shown, chosen, commits = [], [], []
    session.pairDataChanged.connect(lambda data, fresh: shown.append((data, fresh)))
    session.currentPairChanged.connect(chosen.append)
    session.commitRequested.connect(lambda: commits.append(True))
    session.open_pair(pair_id)
    [(data, fresh)] = shown
    assert isinstance(data, PairData) and data.pair_id == pair_id and fresh
    assert session.pair_data is data and session.pair_id == pair_id and chosen == [pair_id]
    assert commits == [True]  # a note being typed belongs to the pair being left
    first = data.discrepancies[0]
    assert data.discrepancy(first.id) is first and data.discrepancy("nope") is None


def test_an_annotation_is_saved_counted_and_undone(qtbot, session):
    pair_id = _compared_pair(session)
    session.open_pair(pair_id)
    disc = session.pair_data.discrepancies[0]
    asked = []
    session.reviewerRequested.connect(lambda: asked.append(True))
    with qtbot.waitSignal(session.annotationChanged, timeout=1000) as blocker:
        session.edit_annotation(disc.id, "status", "confirmed")
    assert blocker.args[:2] == [pair_id, disc.id] and asked == [True]
    assert session.pair_data.annotations[disc.id].status == "confirmed"
    assert session.pairs[pair_id].n_confirmed == 1
    session.edit_annotation(disc.id, "status", "confirmed")  # no change: no second step
    assert session.undo_stack.count() == 1
    session.undo()
    assert session.project.annotation(pair_id, disc.id).status == "open"
    assert session.pairs[pair_id].n_confirmed == 0


def test_removing_the_open_pair_closes_it(qtbot, session):
    pair_id = _compared_pair(session)
    session.open_pair(pair_id)
    cleared = []
    session.pairDataChanged.connect(lambda data, _fresh: cleared.append(data))
    session.remove_pair(pair_id)
    assert cleared == [None] and session.pair_id is None and pair_id not in session.pairs


def test_closing_does_not_wait_for_a_long_job(qtbot, session):
    """The job still runs when close returns; the file closes only once it has unwound."""
    project = session.project
    release, started = threading.Event(), threading.Event()
    results, cancelled = [], []

    def slow(_progress, is_cancelled):
        started.set()
        release.wait(30)
        cancelled.append(is_cancelled())
        return project.status()  # the file is still open for the job that used it

    session.runner.start("compare", "Comparing pairs", slow, results.append)
    assert started.wait(5)
    with qtbot.waitSignal(session.runner.ended, timeout=1000):  # the progress can go at once
        session.close_project()
    assert session.project is None and not session.pairs and not session.runner.is_busy()
    assert not release.is_set()  # close returned while the job was still held
    assert project.status().pairs > 0  # and left the file open for it
    release.set()
    qtbot.waitUntil(session.runner.is_idle, timeout=10000)
    assert cancelled == [True] and results == []  # told to stop; its result dropped
    assert _closed(project)


def test_a_job_started_after_closing_does_not_keep_the_old_file_open(qtbot, session, demo_copy):
    project = session.project
    first, second = threading.Event(), threading.Event()
    session.runner.start("compare", "Comparing", lambda _p, _c: first.wait(30),
                         lambda _r: None)
    session.close_project()
    session.runner.start("other", "Other", lambda _p, _c: second.wait(30), lambda _r: None)
    first.set()
    qtbot.waitUntil(lambda: _closed(project), timeout=10000)
    assert session.runner.is_busy("other")  # the old file did not wait for the new job
    second.set()
    qtbot.waitUntil(session.runner.is_idle, timeout=10000)
    assert session.open_project(demo_copy)  # its lock was given back
