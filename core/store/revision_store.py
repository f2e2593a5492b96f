"""Later versions of fetched articles: stored beside the original, never over it.

A page fetched again whose article text changed becomes a new article whose
provenance names the version it revises (``revision_of``). It joins that
version's events and is paired with it (the earlier version as A), so the
engine's comparison of the two is kept like any pair's, annotations made on
the earlier version stay where they were made, and the revision can be
paired with other outlets like any article.
"""

from __future__ import annotations

import datetime as dt
import sqlite3

from core.errors import ProjectError
from core.model import Article
from core.store.article_store import _Prepared
from core.store.base import now_iso
from core.store.fact_store import FactTableStore
from core.store.records import AddResult, Provenance, RevisionInfo


class RevisionStore(FactTableStore):
    def refetch_targets(self, article_id: int | None = None) -> list[tuple[int, str]]:
        """``(article id, URL)`` to fetch again: the newest version of each fetched article.

        With ``article_id``, only that article's chain of versions (its newest
        version is the one compared with what the site shows now).
        """
        with self._reading() as conn:
            rows = conn.execute(
                "SELECT article_id, origin, location, revision_of FROM article_provenance"
            ).fetchall()
            known = {row[0] for row in conn.execute("SELECT id FROM articles")}
        origin = {r[0]: (r[1], r[2]) for r in rows}
        newer = {r[3]: r[0] for r in sorted(rows) if r[3] is not None}
        if article_id is not None:
            if article_id not in known:
                raise ProjectError(f"no article {article_id} in this project")
            if origin.get(article_id, ("", ""))[0] != "url":
                raise ProjectError(f"article {article_id} was not fetched from a URL")
            heads = [_newest(article_id, newer)]
        else:
            heads = [a for a, (kind, _) in sorted(origin.items())
                     if kind == "url" and a not in newer and a in known]  # fmt: skip
        return [(head, origin[head][1]) for head in heads if origin.get(head, ("", ""))[1]]

    def add_revision(
        self, previous_id: int, article: Article, provenance: Provenance
    ) -> tuple[AddResult, int | None]:
        """Store ``article`` as a revision of ``previous_id``; ``(result, pair id)``.

        One transaction: the article, its provenance naming the version it
        revises, its events (those of the previous version) and the pair.
        A text already in the project is not stored again (``result.duplicate``,
        no pair).
        """
        item = _Prepared(article, provenance._replace(revision_of=previous_id))
        with self._writing() as conn:
            if not conn.execute("SELECT 1 FROM articles WHERE id = ?", (previous_id,)).fetchone():
                raise ProjectError(f"no article {previous_id} in this project")
            result = self._insert_article(conn, item)
            if result.duplicate:
                return result, None
            return result, _link(conn, previous_id, result.article_id)

    def revisions(self) -> list[RevisionInfo]:
        """Every stored revision, oldest first, with what the browser's badge says."""
        with self._reading() as conn:
            rows = conn.execute(
                "SELECT p.article_id, p.revision_of, p.retrieved_at FROM article_provenance p "
                "JOIN articles a ON a.id = p.article_id WHERE p.revision_of IS NOT NULL "
                "ORDER BY p.article_id"
            ).fetchall()
            if not rows:
                return []
            previous = dict(conn.execute(
                "SELECT article_id, revision_of FROM article_provenance "
                "WHERE revision_of IS NOT NULL").fetchall())  # fmt: skip
            dates = {row[0]: (row[1], row[2]) for row in conn.execute(
                "SELECT a.id, a.published, p.retrieved_at FROM articles a "
                "LEFT JOIN article_provenance p ON p.article_id = a.id")}  # fmt: skip
        pairs = {(p.a_id, p.b_id): p for p in self.pairs()}
        return [_revision(row, previous, dates, pairs) for row in rows]


def _newest(article_id: int, newer: dict[int, int]) -> int:
    seen = {article_id}
    while article_id in newer and newer[article_id] not in seen:
        article_id = newer[article_id]
        seen.add(article_id)
    return article_id


def _original(article_id: int, previous: dict[int, int]) -> int:
    seen = {article_id}
    while article_id in previous and previous[article_id] not in seen:
        article_id = previous[article_id]
        seen.add(article_id)
    return article_id


def _link(conn: sqlite3.Connection, previous_id: int, revision_id: int) -> int:
    """The revision joins the previous version's events and is paired with it."""
    conn.execute(
        "INSERT OR IGNORE INTO event_articles (event_id, article_id) "
        "SELECT event_id, ? FROM event_articles WHERE article_id = ?",
        (revision_id, previous_id),
    )
    # A user pair: regrouping events never drops it.
    cursor = conn.execute(
        "INSERT INTO pairs (a_id, b_id, event_id, origin, created) VALUES (?, ?, "
        "(SELECT event_id FROM event_articles WHERE article_id = ? ORDER BY event_id LIMIT 1), "
        "'user', ?)",
        (previous_id, revision_id, previous_id, now_iso()),
    )
    return int(cursor.lastrowid)


def _revision(row: tuple, previous: dict, dates: dict, pairs: dict) -> RevisionInfo:
    article_id, revision_of, changed_at = row
    original = _original(article_id, previous)
    published, fetched = dates.get(original, ("", ""))
    start = _day(published)
    since = "publication" if start is not None else "fetch"
    if start is None:
        start = _day(fetched)
    end = _day(changed_at)
    days = max(0, (end - start).days) if start is not None and end is not None else 0
    pair = pairs.get((revision_of, article_id))
    return RevisionInfo(
        article_id, revision_of, original, changed_at, days, since,
        pair.id if pair else None, bool(pair and pair.compared),
        pair.n_discrepancies if pair else 0,
    )  # fmt: skip


def _day(stamp: str | None) -> dt.date | None:
    """The calendar day of an ISO date or time (a time counts in UTC)."""
    try:
        return dt.date.fromisoformat((stamp or "")[:10])
    except ValueError:
        return None
