"""Turn the engine's event grouping into rows without losing the user's work.

Regrouping replaces events and suggested pairs, but a suggested pair that was
already annotated (or given user-made discrepancies) stays, and user pairs are
never touched beyond learning which event they now belong to.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from typing import NamedTuple

from core.model import Article


class EventPlan(NamedTuple):
    """The grouping in article ids: ``events`` as (label, members), ``pairs`` as (a, b)."""

    events: list[tuple[str, tuple[int, ...]]]
    pairs: list[tuple[int, int]]


def plan_events(ids: Sequence[int], articles: Sequence[Article]) -> EventPlan:
    """Run the engine's grouping (outside any lock: it reads every article)."""
    if not articles:
        return EventPlan([], [])
    from core.events.grouping import group_events  # the engine is only needed here

    grouping = group_events(list(articles))
    labels = getattr(grouping, "labels", None) or ()
    events = []
    for number, members in enumerate(grouping.events):
        label = labels[number] if number < len(labels) else ""
        member_ids = tuple(ids[i] for i in members)
        events.append((label or _label(members, articles, number), member_ids))
    pairs = [_oriented(i, j, ids, articles) for i, j in grouping.pairs]
    return EventPlan(events, pairs)


def _oriented(i: int, j: int, ids: Sequence[int], articles: Sequence[Article]) -> tuple[int, int]:
    """A is the earlier-published article (undated last), then the earlier-imported one.

    Readers expect the original report on the left and the later retelling on
    the right, the same way round in every pair of a project.
    """

    def key(k: int) -> tuple[bool, str, int]:
        published = articles[k].published or ""
        return (not published, published, ids[k])

    return (ids[i], ids[j]) if key(i) <= key(j) else (ids[j], ids[i])


def _label(members: Sequence[int], articles: Sequence[Article], number: int) -> str:
    """The title of the event's earliest article: what a person would call the story."""
    dated = sorted(members, key=lambda i: (articles[i].published or "9999", i))
    titles = [articles[i].title for i in dated if articles[i].title]
    return titles[0] if titles else f"Event {number + 1}"


def write_events(conn: sqlite3.Connection, plan: EventPlan, now: str) -> None:
    """Replace events and suggested pairs inside the caller's transaction."""
    existing = {row[0] for row in conn.execute("SELECT id FROM articles")}
    previous = _previous_events(conn)
    conn.execute("DELETE FROM events")
    for label, members in plan.events:
        kept = [m for m in members if m in existing]
        if not kept:
            continue
        # An event with the same articles as before keeps its id (and the window its selection).
        event_id, created = previous.get(frozenset(kept), (None, now))
        event_id = conn.execute(
            "INSERT INTO events (id, label, created) VALUES (?, ?, ?)", (event_id, label, created)
        ).lastrowid
        conn.executemany(
            "INSERT OR IGNORE INTO event_articles (event_id, article_id) VALUES (?, ?)",
            [(event_id, m) for m in kept],
        )
    _sync_pairs(conn, plan.pairs, existing, now)
    conn.execute(
        "UPDATE pairs SET event_id = (SELECT x.event_id FROM event_articles x "
        "JOIN event_articles y ON x.event_id = y.event_id "
        "WHERE x.article_id = pairs.a_id AND y.article_id = pairs.b_id LIMIT 1)"
    )


def _previous_events(conn: sqlite3.Connection) -> dict[frozenset[int], tuple[int, str]]:
    members: dict[int, set[int]] = {}
    for event_id, article_id in conn.execute("SELECT event_id, article_id FROM event_articles"):
        members.setdefault(event_id, set()).add(article_id)
    created = dict(conn.execute("SELECT id, created FROM events").fetchall())
    return {frozenset(m): (eid, created[eid]) for eid, m in members.items() if eid in created}


def _sync_pairs(
    conn: sqlite3.Connection, suggested: list[tuple[int, int]], existing: set[int], now: str
) -> None:
    pairs = {(a, b): pid for pid, a, b in conn.execute("SELECT id, a_id, b_id FROM pairs")}
    wanted: set[int] = set()
    for a, b in suggested:
        if a == b or a not in existing or b not in existing:
            continue
        found = pairs.get((a, b)) or pairs.get((b, a))
        if found is None:
            found = conn.execute(
                "INSERT INTO pairs (a_id, b_id, origin, created) VALUES (?, ?, 'suggested', ?)",
                (a, b, now),
            ).lastrowid
            pairs[(a, b)] = found
        wanted.add(found)
    _drop_unwanted_suggestions(conn, wanted)


def _drop_unwanted_suggestions(conn: sqlite3.Connection, wanted: set[int]) -> None:
    """Forget suggestions the engine no longer makes, unless someone worked on them."""
    rows = conn.execute(
        "SELECT id FROM pairs p WHERE origin = 'suggested' "
        "AND NOT EXISTS (SELECT 1 FROM annotations a WHERE a.pair_id = p.id) "
        "AND NOT EXISTS (SELECT 1 FROM user_discrepancies u WHERE u.pair_id = p.id)"
    ).fetchall()
    conn.executemany(
        "DELETE FROM pairs WHERE id = ?", [(pid,) for (pid,) in rows if pid not in wanted]
    )
