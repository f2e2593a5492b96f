"""Fact tables from a project: the event's articles, cached alignments, kept decisions."""

from __future__ import annotations

import pytest
from event_table_fixtures import ARTICLES
from test_store_helpers import project_from_ddl

from core.errors import ProjectError
from core.store import SCHEMA_VERSION, Project
from core.store.event_sync import EventPlan
from core.store.schema import SCHEMA_V3


@pytest.fixture
def project(tmp_path, monkeypatch):
    monkeypatch.setattr(
        "core.store.pair_store.plan_events",
        lambda ids, articles: EventPlan([("Bridge", tuple(ids))], [(ids[0], ids[1])]),
    )
    with Project.create(tmp_path / "bridge.factdiff") as p:
        p.reviewer = "Ana"
        for article in ARTICLES:
            p.add_article(article)
        p.group_events()
        yield p


def _toll(table):
    return next(r for r in table.rows if r.kind == "figure" and r.label == "dead · people")


def test_event_table_has_the_event_articles_and_label(project):
    (event,) = project.events()
    table = project.event_table(event.id)
    assert (table.event_id, table.label) == (event.id, "Bridge")
    assert [c.article_id for c in table.columns] == [1, 2, 3]
    assert _toll(table).disagree


def test_a_compared_pair_lends_its_alignments(project):
    (event,) = project.events()
    (pair,) = project.pairs()
    assert project._cached_alignments({i: project._load_article(i) for i in (1, 2, 3)}) == {}
    project.comparison(pair.id)
    cached = project._cached_alignments({i: project._load_article(i) for i in (1, 2, 3)})
    assert list(cached) == [(pair.a_id, pair.b_id)] and cached[(pair.a_id, pair.b_id)]
    assert _toll(project.event_table(event.id)).disagree


def test_decisions_are_kept_in_the_file_and_can_be_undone(project, tmp_path):
    (event,) = project.events()
    key = _toll(project.event_table(event.id)).key
    project.decide_fact_row(key, "split")
    parts = [r for r in project.event_table(event.id).rows if r.group == key]
    assert len(parts) == 3
    path = project.path
    project.close()
    with Project.open(path, readonly=True) as again:
        assert again.fact_decisions() == {key: "split"}
    with Project.open(path) as again:
        again.decide_fact_row(key, "accepted")
        assert _toll(again.event_table(event.id)).decision == "accepted"
        again.decide_fact_row(key, "")
        assert again.fact_decisions() == {}


def test_bad_decisions_and_events_are_one_line_errors(project):
    with pytest.raises(ProjectError, match="not a decision"):
        project.decide_fact_row("abc", "maybe")
    with pytest.raises(ProjectError, match="no fact-table row"):
        project.decide_fact_row("  ", "split")
    with pytest.raises(ProjectError, match="no event 99"):
        project.event_table(99)


def test_v3_file_gains_the_decisions_table(tmp_path):
    path = project_from_ddl(tmp_path / "v3.factdiff", SCHEMA_V3, 3, "version three")
    with Project.open(path) as p:
        assert p.schema_version == SCHEMA_VERSION
        p.decide_fact_row("0123456789ab", "accepted", reviewer="Ana")
        assert p.fact_decisions() == {"0123456789ab": "accepted"}
