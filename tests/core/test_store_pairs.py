"""Events, pairs and the comparison cache."""

from __future__ import annotations

import sys

import pytest
from test_store_helpers import (
    FakeGrouping,
    article,
    install_fake_engine,
    new_project,
    project_with_pair,
)

import core
from core.errors import ProjectError
from core.store import Project


@pytest.fixture
def engine(monkeypatch):
    return install_fake_engine(monkeypatch)


def _three_storm_one_flood(p: Project) -> list[int]:
    texts = [
        ("Storm one", "Storm hits. 12 dead."),
        ("Storm two", "Storm hits. 13 dead."),
        ("Flood one", "River floods. 3 hurt."),
        ("Storm three", "Storm hits. 12 dead, 4 hurt."),
    ]
    return [p.add_article(article(text, title)).article_id for title, text in texts]


def test_group_events_stores_events_and_suggested_pairs(tmp_path, engine):
    with new_project(tmp_path) as p:
        ids = _three_storm_one_flood(p)
        events = p.group_events()
        assert [(e.label, e.article_ids) for e in events] == [
            ("Storm one", (ids[0], ids[1], ids[3]))
        ]
        assert p.events() == events
        pairs = p.pairs()
        assert {(q.a_id, q.b_id) for q in pairs} == {
            (ids[0], ids[1]),
            (ids[0], ids[3]),
            (ids[1], ids[3]),
        }
        assert {q.origin for q in pairs} == {"suggested"}
        assert {q.event_id for q in pairs} == {events[0].id}
        assert not any(q.compared for q in pairs)


def test_regrouping_keeps_user_pairs_and_annotated_suggestions(tmp_path, engine, monkeypatch):
    with new_project(tmp_path) as p:
        ids = _three_storm_one_flood(p)
        p.group_events()
        user_pair = p.add_pair(ids[2], ids[0])
        worked_on = next(q.id for q in p.pairs() if (q.a_id, q.b_id) == (ids[0], ids[1]))
        p.comparison(worked_on)
        p.annotate(worked_on, "n-12", status="confirmed")
        ids_before = {q.id for q in p.pairs()}

        # The engine now groups nothing: suggestions go, work stays.
        events_module = sys.modules["core.events.grouping"]
        monkeypatch.setattr(events_module, "group_events", lambda arts: FakeGrouping((), ()))
        assert p.group_events() == []
        left = {q.id: q for q in p.pairs()}
        assert set(left) == {user_pair, worked_on}
        assert left[worked_on].event_id is None
        assert left[user_pair].origin == "user"
        assert ids_before >= set(left)


def test_regrouping_reuses_existing_pair_and_event_ids(tmp_path, engine):
    with new_project(tmp_path) as p:
        _three_storm_one_flood(p)
        events = p.group_events()
        first = [(q.id, q.a_id, q.b_id, q.event_id) for q in p.pairs()]
        p.add_article(article("Flood two: river floods, 4 hurt.", "Flood two"))
        regrouped = p.group_events()
        assert regrouped[0] == events[0]  # the storm event is unchanged: same id
        assert len(regrouped) == 2
        assert [(q.id, q.a_id, q.b_id, q.event_id) for q in p.pairs()][:3] == first


def test_add_pair_validates_and_is_idempotent(tmp_path):
    with new_project(tmp_path) as p:
        a = p.add_article(article("first text")).article_id
        b = p.add_article(article("second text")).article_id
        pair = p.add_pair(a, b)
        assert p.add_pair(a, b) == pair
        assert p.pair(pair).origin == "user"
        with pytest.raises(ProjectError, match="itself"):
            p.add_pair(a, a)
        with pytest.raises(ProjectError, match="no article 99"):
            p.add_pair(a, 99)
        p.remove_pair(pair)
        assert p.pairs() == []
        with pytest.raises(ProjectError, match="no pair"):
            p.remove_pair(pair)


def test_comparison_is_cached_and_survives_reopening(tmp_path, engine):
    p, pair = project_with_pair(tmp_path)
    first = p.comparison(pair)
    assert engine.compared == 1
    assert [d.id for d in first.discrepancies] == ["n-12"]
    assert p.comparison(pair) == first
    path = p.path
    p.close()
    with Project.open(path) as again:
        cached = again.comparison(pair)
        info = again.pair(pair)
    assert engine.compared == 1
    assert cached == first
    assert cached.a.text.startswith("Storm hits coast. 12")
    assert (info.compared, info.n_discrepancies, info.n_open, info.similarity) == (True, 1, 1, 0.5)


def test_new_engine_version_recomputes(tmp_path, engine, monkeypatch):
    p, pair = project_with_pair(tmp_path)
    with p:
        p.comparison(pair)
        monkeypatch.setattr(core, "ENGINE_VERSION", "999")
        info = p.pair(pair)
        assert (info.compared, info.stale) == (False, True)
        assert p.status().stale_pairs == 1
        p.comparison(pair)
        assert engine.compared == 2
        assert p.pair(pair).compared


def test_compare_all_compares_only_what_is_missing(tmp_path, engine):
    with new_project(tmp_path) as p:
        _three_storm_one_flood(p)
        p.group_events()
        seen: list[tuple[int, int]] = []
        assert p.compare_all(progress=lambda done, total, label: seen.append((done, total))) == 3
        assert seen[0] == (0, 3) and seen[-1] == (3, 3)
        assert p.compare_all() == 0
        assert engine.compared == 3
        assert all(q.compared for q in p.pairs())


def test_compare_all_can_be_cancelled_and_keeps_finished_work(tmp_path, engine):
    with new_project(tmp_path) as p:
        _three_storm_one_flood(p)
        p.group_events()
        assert p.compare_all(cancelled=lambda: engine.compared >= 1) == 1
        assert sum(q.compared for q in p.pairs()) == 1
        assert p.compare_all() == 2


def test_readonly_project_computes_without_storing(tmp_path, engine):
    p, pair = project_with_pair(tmp_path)
    path = p.path
    p.close()
    with Project.open(path, readonly=True) as ro:
        assert [d.id for d in ro.comparison(pair).discrepancies] == ["n-12"]
        assert not ro.pair(pair).compared
        with pytest.raises(ProjectError, match="read-only"):
            ro.compare_all()


def test_cached_blob_does_not_repeat_the_article_texts(tmp_path, engine):
    long_text = "Storm hits coast. " * 2000 + "12 dead."
    with new_project(tmp_path) as p:
        a = p.add_article(article(long_text, "Storm A")).article_id
        b = p.add_article(article(long_text.replace("12", "13"), "Storm B")).article_id
        pair = p.add_pair(a, b)
        p.comparison(pair)
        (size,) = p._conn.execute("SELECT length(data) FROM comparisons").fetchone()
    assert size < 1000


def test_damaged_cached_comparison_is_a_clear_error(tmp_path, engine):
    p, pair = project_with_pair(tmp_path)
    with p:
        p.comparison(pair)
        p._conn.execute("UPDATE comparisons SET data = x'00'")
        p._conn.commit()
        with pytest.raises(ProjectError, match="stored comparison is damaged"):
            p.comparison(pair)


def test_one_failing_pair_does_not_stop_compare_all(tmp_path, engine, monkeypatch):
    real = engine.compare

    def flaky(a, b):
        if "13" in b.text and "12" in a.text:
            raise ValueError("engine tripped\nsecond line")
        return real(a, b)

    monkeypatch.setattr("core.compare.compare", flaky)
    with new_project(tmp_path) as p:
        _three_storm_one_flood(p)
        p.group_events()
        with pytest.raises(
            ProjectError, match=r"1 pair\(s\) could not be compared, 2 were"
        ) as caught:
            p.compare_all()
        assert "engine tripped" in str(caught.value) and "\n" not in str(caught.value)
        assert sum(q.compared for q in p.pairs()) == 2
