"""Annotations, their history, orphans after re-comparison, user-made discrepancies."""

from __future__ import annotations

import sys

import pytest
from test_store_helpers import install_fake_engine, project_with_pair

import core
from core.errors import ProjectError
from core.model import Comparison, Discrepancy
from core.store import Project


@pytest.fixture
def engine(monkeypatch):
    return install_fake_engine(monkeypatch)


@pytest.fixture
def compared(tmp_path, engine):
    p, pair = project_with_pair(tmp_path)
    p.comparison(pair)
    yield p, pair
    p.close()


def test_annotate_sets_fields_and_keeps_the_rest(compared):
    p, pair = compared
    first = p.annotate(pair, "n-12", status="confirmed", verdict="inaccurate", reviewer="Ana")
    assert (first.status, first.verdict, first.note, first.reviewer) == (
        "confirmed",
        "inaccurate",
        "",
        "Ana",
    )
    second = p.annotate(pair, "n-12", note="Checked with the police.", reviewer="Ben")
    assert (second.status, second.verdict, second.note) == (
        "confirmed",
        "inaccurate",
        "Checked with the police.",
    )
    assert second.created == first.created
    assert second.reviewer == "Ben"
    assert p.annotation(pair, "n-12") == second
    assert p.annotations(pair) == {"n-12": second}
    info = p.pair(pair)
    assert (info.n_open, info.n_confirmed) == (0, 1)


def test_every_edit_is_kept_in_the_history(compared):
    p, pair = compared
    p.annotate(pair, "n-12", status="follow-up", note="ask")
    p.annotate(pair, "n-12", status="confirmed", verdict="misleading")
    p.annotate(pair, "n-12", note="")
    history = p.annotation_history(pair, "n-12")
    assert [(h.status, h.verdict, h.note) for h in history] == [
        ("follow-up", "", "ask"),
        ("confirmed", "misleading", "ask"),
        ("confirmed", "misleading", ""),
    ]


def test_annotate_validates_its_input(compared):
    p, pair = compared
    with pytest.raises(ProjectError, match="unknown status 'done'"):
        p.annotate(pair, "n-12", status="done")
    with pytest.raises(ProjectError, match="no discrepancy n-99 in pair"):
        p.annotate(pair, "n-99", status="confirmed")
    with pytest.raises(ProjectError, match="no pair 42"):
        p.annotate(42, "n-12", status="confirmed")
    with pytest.raises(ProjectError, match="longer than"):
        p.annotate(pair, "n-12", note="x" * 100_001)
    assert p.annotation(pair, "n-12") is None


def test_free_text_verdicts_are_allowed(compared):
    p, pair = compared
    assert p.annotate(pair, "n-12", verdict=" partly true ").verdict == "partly true"


def test_annotation_becomes_orphaned_then_reattaches(compared, monkeypatch):
    p, pair = compared
    p.annotate(pair, "n-12", status="confirmed", note="keep me")
    compare_module = sys.modules["core.compare"]
    monkeypatch.setattr(core, "ENGINE_VERSION", "2-test")
    monkeypatch.setattr(
        compare_module, "compare", lambda a, b: Comparison(a, b, 0.9, (), (), (), ())
    )
    assert p.discrepancies(pair) == []
    (orphan,) = p.orphaned_annotations()
    assert (orphan.discrepancy_id, orphan.note) == ("n-12", "keep me")
    assert p.orphaned_annotations(pair) == [orphan]
    assert p.annotation(pair, "n-12") == orphan  # kept, never deleted
    status = p.status()
    assert (status.orphaned, status.annotations, status.discrepancies) == (1, 1, 0)
    # Orphans can still be edited (e.g. to note why they went away).
    p.annotate(pair, "n-12", note="engine no longer flags this")

    monkeypatch.setattr(core, "ENGINE_VERSION", "3-test")
    flagged = Discrepancy("n-12", "number", "high", "12 only in A", (26, 28), None)
    monkeypatch.setattr(
        compare_module, "compare", lambda a, b: Comparison(a, b, 0.5, (), (), (), (flagged,))
    )
    p.comparison(pair)
    assert p.orphaned_annotations() == []
    assert p.status().by_status["confirmed"] == 1


def test_user_discrepancy_is_listed_counted_and_annotated(compared):
    p, pair = compared
    made = p.add_user_discrepancy(pair, "entity", "Who said it", (0, 5), (0, 5), severity="low")
    assert made.id.startswith("u-")
    assert [d.id for d in p.discrepancies(pair)] == ["n-12", made.id]
    assert p.user_discrepancies(pair) == [made]
    p.annotate(pair, made.id, status="follow-up")
    status = p.status()
    assert (status.discrepancies, status.user_discrepancies) == (2, 1)
    assert status.by_kind["entity"] == 1 and status.by_severity["low"] == 1
    assert status.by_status == {"open": 1, "confirmed": 0, "dismissed": 0, "follow-up": 1}
    # Re-comparing replaces only the engine's findings.
    p._conn.execute("DELETE FROM comparisons")
    p._conn.commit()
    p.comparison(pair)
    assert [d.id for d in p.discrepancies(pair)] == ["n-12", made.id]
    p.remove_user_discrepancy(pair, made.id)
    assert p.annotation(pair, made.id) is None
    assert p.status().user_discrepancies == 0
    with pytest.raises(ProjectError, match="no user-made discrepancy"):
        p.remove_user_discrepancy(pair, made.id)


@pytest.mark.parametrize(
    ("kind", "summary", "a", "b", "severity", "message"),
    [
        ("gossip", "s", (0, 1), None, "low", "unknown kind"),
        ("entity", "s", (0, 1), None, "urgent", "unknown severity"),
        ("entity", "  ", (0, 1), None, "low", "needs a summary"),
        ("entity", "s", None, None, "low", "needs a passage"),
        ("entity", "s", (5, 2), None, "low", "outside article A"),
        ("entity", "s", None, (0, 10_000), "low", "outside article B"),
    ],
)
def test_user_discrepancy_validation(compared, kind, summary, a, b, severity, message):
    p, pair = compared
    with pytest.raises(ProjectError, match=message):
        p.add_user_discrepancy(pair, kind, summary, a, b, severity=severity)
    assert p.user_discrepancies(pair) == []


def test_find_discrepancy_by_id_or_prefix(compared):
    p, pair = compared
    assert p.find_discrepancy("n-12") == [(pair, "n-12")]
    made = p.add_user_discrepancy(pair, "quote", "Quote", (0, 4), None)
    assert p.find_discrepancy(made.id[:6]) == [(pair, made.id)]
    assert p.find_discrepancy("zz-nothing") == []


def test_readonly_project_refuses_annotations(compared):
    p, pair = compared
    p.annotate(pair, "n-12", status="confirmed")
    path = p.path
    p.close()
    with Project.open(path, readonly=True) as ro:
        assert ro.annotation(pair, "n-12").status == "confirmed"
        with pytest.raises(ProjectError, match="project is read-only"):
            ro.annotate(pair, "n-12", status="dismissed")
        with pytest.raises(ProjectError, match="project is read-only"):
            ro.add_user_discrepancy(pair, "entity", "x", (0, 1), None)
        ro.reviewer = "Guest"  # allowed: kept for this session only
        assert ro.reviewer == "Guest"
