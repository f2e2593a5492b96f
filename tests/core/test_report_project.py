"""A tiny, fully deterministic project file for the report's golden tests.

Two hand-written articles, a hand-built comparison (the engine is swapped for
a function returning it, so engine changes never move the goldens), fixed
timestamps and named reviewers; plus one annotation that a re-comparison
orphans and one pair that was never compared. Other report tests import
``make_project`` or ``sample_project_file`` from here.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import core
from core.model import Alignment, Article, Change, Comparison, Discrepancy
from core.report.collect import build_report
from core.report.options import ReportOptions
from core.store import Project
from core.store.event_sync import EventPlan

TEXT_A = (
    "A fire at a harbour warehouse killed 12 people on Sunday night, the fire service said. "
    "“The blaze is under control,” Chief Okafor said on Monday.\n\n"
    "The warehouse failed a safety inspection in 2019."
)
TEXT_B = (
    "A fire at a harbour warehouse killed 15 people on Sunday night, Mayor Ruiz said. "
    "“The blaze is contained,” Chief Okafor told reporters.\n\n"
    "Investigators have not named a cause."
)
TEXT_C = "Dockworkers held a vigil on Tuesday for the victims of the harbour fire."


def span(text: str, words: str) -> tuple[int, int]:
    start = text.index(words)
    return start, start + len(words)


def _sentence(text: str, first_words: str, last_words: str) -> tuple[int, int]:
    return text.index(first_words), span(text, last_words)[1]


def _change(a_words: str, b_words: str) -> Change:
    return Change("replace", *span(TEXT_A, a_words), *span(TEXT_B, b_words))


def _comparison(a: Article, b: Article, *, with_old_date: bool) -> Comparison:
    a1, b1 = _sentence(TEXT_A, "A fire", "service said."), _sentence(TEXT_B, "A fire", "Ruiz said.")
    a2, b2 = _sentence(TEXT_A, "“The", "on Monday."), _sentence(TEXT_B, "“The", "reporters.")
    alignments = (
        Alignment(
            (a1,), (b1,), 0.82, (_change("12", "15"), _change("the fire service", "Mayor Ruiz"))
        ),
        Alignment((a2,), (b2,), 0.7, (_change("under control", "contained"),)),
    )
    discrepancies = [
        Discrepancy("num-5f1c", "number", "high", "Death toll: 12 vs 15",
                    span(TEXT_A, "12"), span(TEXT_B, "15"), 0),
        Discrepancy("att-21b0", "attribution", "medium",
                    "Source of the toll: the fire service vs Mayor Ruiz",
                    span(TEXT_A, "the fire service"), span(TEXT_B, "Mayor Ruiz"), 0),
        Discrepancy("quo-77aa", "quote", "medium", "Quote differs: “under control” vs “contained”",
                    span(TEXT_A, "under control"), span(TEXT_B, "contained"), 1),
        Discrepancy("omi-3c9d", "omission", "low", "Only A mentions the 2019 inspection",
                    _sentence(TEXT_A, "The warehouse", "2019."), None, None),
    ]  # fmt: skip
    if with_old_date:
        discrepancies.append(
            Discrepancy("dat-9e02", "date", "low", "Day of the fire", span(TEXT_A, "Sunday"), None)
        )
    return Comparison(a, b, 0.64, alignments, (), (), tuple(discrepancies))


def _freeze(monkeypatch: pytest.MonkeyPatch, moment: str) -> None:
    for module in ("core.store.annotation_store", "core.store.pair_store", "core.store.project",
                   "core.store.article_store"):
        monkeypatch.setattr(f"{module}.now_iso", lambda: moment)


def make_project(path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Create the sample project at ``path``; returns ``path``."""
    _freeze(monkeypatch, "2026-11-18T08:00:00+00:00")
    monkeypatch.setattr(
        "core.store.pair_store.plan_events",
        lambda ids, articles: EventPlan([("Harbour warehouse fire", (1, 2))], [(1, 2)]),
    )
    with Project.create(path, name="Harbour fire") as p:
        p.reviewer = "Ana Lima"
        p.add_article(Article(TEXT_A, "Warehouse fire at the harbour kills 12", "Daily Planet",
                              author="Lois Lane", published="2026-11-02",
                              url="https://planet.example/news/harbour-fire"))  # fmt: skip
        p.add_article(Article(TEXT_B, "Harbour blaze: 15 dead, mayor says", "The Gazette",
                              published="2026-11-03",
                              url="https://gazette.example/2026/11/03/blaze"))  # fmt: skip
        p.add_article(Article(TEXT_C, "Vigil for fire victims", "Harbour Herald",
                              published="2026-11-04"))  # fmt: skip
        (event,) = p.group_events()
        (pair_id,) = [q.id for q in p.pairs() if q.event_id == event.id]
        p.add_pair(1, 3)  # never compared: reported as such

        # A first comparison finds a date discrepancy that a later one drops.
        current_engine = core.ENGINE_VERSION
        monkeypatch.setattr("core.ENGINE_VERSION", "0")
        monkeypatch.setattr(
            "core.store.pair_store.compare_articles",
            lambda a, b: _comparison(a, b, with_old_date=True),
        )
        p.comparison(pair_id)
        _freeze(monkeypatch, "2026-11-19T16:45:00+00:00")
        p.annotate(pair_id, "dat-9e02", status="confirmed", verdict="accurate",
                   note="Sunday checked against the fire service log.")  # fmt: skip
        monkeypatch.setattr("core.ENGINE_VERSION", current_engine)
        monkeypatch.setattr(
            "core.store.pair_store.compare_articles",
            lambda a, b: _comparison(a, b, with_old_date=False),
        )
        p.comparison(pair_id)

        _freeze(monkeypatch, "2026-11-20T14:02:11+00:00")
        p.annotate(pair_id, "num-5f1c", status="confirmed", verdict="inaccurate",
                   note="Fire service bulletin of 3 Nov confirms 12 dead; "
                        "the Gazette quotes the mayor's early estimate.")  # fmt: skip
        p.annotate(pair_id, "quo-77aa", status="dismissed", note="Same meaning.")
        _freeze(monkeypatch, "2026-11-21T09:30:00+00:00")
        p.reviewer = "Ben Ode"
        monkeypatch.setattr(
            "core.store.annotation_store.secrets.token_hex", lambda n: "0c1d2e3f4a5b"
        )
        user = p.add_user_discrepancy(
            pair_id, "entity", "Who spoke: Chief Okafor said vs told reporters",
            span(TEXT_A, "said on Monday"), span(TEXT_B, "told reporters"), severity="low",
        )  # fmt: skip
        p.annotate(pair_id, user.id, status="follow-up",
                   note="Ask the fire service which statement came first.")  # fmt: skip
    return path


def sample_project_file(path: Path) -> Path:
    """The sample project, its clock and engine stubs put back as soon as it is built.

    A MonkeyPatch of its own: module fixtures have none, and undoing a test's
    own would also drop the isolated settings folder (tests/conftest.py).
    """
    with pytest.MonkeyPatch.context() as mp:
        return make_project(path, mp)


@pytest.fixture
def sample_project(tmp_path, monkeypatch) -> Path:
    return make_project(tmp_path / "harbour.factdiff", monkeypatch)


def test_sample_project_reports_every_kept_discrepancy(sample_project):
    with Project.open(sample_project, readonly=True) as p:
        data = build_report(p, ReportOptions())
    summaries = [i.summary for i in data.items()]
    assert summaries[0] == "Death toll: 12 vs 15"
    assert "Quote differs: “under control” vs “contained”" not in summaries  # dismissed
    assert len(summaries) == 4
    assert [o.discrepancy_id for o in data.orphans] == ["dat-9e02"]
