"""Articles in the project: stored once by content, listed without their text."""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Iterable
from dataclasses import replace

from core.errors import ProjectError
from core.model import Article
from core.safe_text import displayable
from core.store import provenance as provenance_rows
from core.store.base import ProjectBase, now_iso
from core.store.codec import (
    ARTICLE_COLUMNS,
    FULL_ARTICLE_COLUMNS,
    article_from_row,
    article_info,
    article_row,
    compress_raw,
    content_hash,
    decompress_raw,
)
from core.store.records import AddResult, ArticleInfo, Provenance

_METADATA = ("title", "source", "path", "author", "published", "url", "fmt")
_SURROGATE = re.compile("[\ud800-\udfff]")
_JOINED_COLUMNS = ", ".join(f"a.{c.strip()}" for c in FULL_ARTICLE_COLUMNS.split(","))


def _article(row: tuple) -> Article:
    *meta, text, raw, codec = row
    return article_from_row(meta, text, decompress_raw(raw, codec))


class _Prepared:
    """An article's row and compressed original, computed before taking the lock."""

    __slots__ = ("article", "digest", "provenance", "raw")

    def __init__(self, article: Article, provenance: Provenance | None = None) -> None:
        if not isinstance(article, Article) or not isinstance(article.text, str):
            raise ProjectError("not an article")
        if not article.text.strip():
            raise ProjectError(f"article {article.title or article.path!r} has no text")
        self.article = _storable(article)
        self.digest = content_hash(article.text)
        self.raw = compress_raw(article.raw)
        self.provenance = provenance_rows.complete(self.article, provenance, "")


def _storable(article: Article) -> Article:
    """Undecodable bytes (lone surrogates) cannot be stored: shown as U+FFFD instead.

    The text keeps its length (one U+FFFD per surrogate) so its offsets stay valid.
    """
    changes = {
        name: displayable(getattr(article, name))
        for name in _METADATA
        if displayable(getattr(article, name)) != getattr(article, name)
    }
    if _SURROGATE.search(article.text):
        changes["text"] = _SURROGATE.sub("\ufffd", article.text)
    return replace(article, **changes) if changes else article


class ArticleStore(ProjectBase):
    def add_article(self, article: Article, provenance: Provenance | None = None) -> AddResult:
        """Store one article, or report the id it already has if its text is here.

        ``provenance`` is what a fetch knows (final URL, Last-Modified, ETag);
        without it the article's path or URL is recorded. The SHA-256 of its
        original bytes is always computed here.
        """
        return self.add_articles([article], [provenance])[0]

    def add_articles(
        self,
        articles: Iterable[Article],
        provenances: Iterable[Provenance | None] | None = None,
    ) -> list[AddResult]:
        """Store many articles in one transaction: all of them or, on failure, none."""
        articles = list(articles)
        given = list(provenances) if provenances is not None else [None] * len(articles)
        prepared = [_Prepared(article, p) for article, p in zip(articles, given, strict=True)]
        with self._writing() as conn:
            return [self._insert_article(conn, item) for item in prepared]

    def _insert_article(self, conn: sqlite3.Connection, item: _Prepared) -> AddResult:
        found = conn.execute(
            "SELECT id FROM articles WHERE content_hash = ?", (item.digest,)
        ).fetchone()
        if found:
            return AddResult(found[0], True)
        now = now_iso()
        row = article_row(item.article, item.digest, now)
        columns = ", ".join(row)
        marks = ", ".join("?" * len(row))
        cursor = conn.execute(
            f"INSERT INTO articles ({columns}) VALUES ({marks})", tuple(row.values())
        )
        article_id = int(cursor.lastrowid)
        conn.execute(
            "INSERT INTO article_bodies (article_id, text, raw, raw_codec) VALUES (?, ?, ?, 'zlib')",
            (article_id, item.article.text, item.raw),
        )
        stamped = item.provenance._replace(retrieved_at=item.provenance.retrieved_at or now)
        provenance_rows.insert(conn, article_id, stamped)
        return AddResult(article_id, False)

    def provenance(self, article_id: int) -> Provenance:
        """Where the article came from and the SHA-256 of its original bytes."""
        with self._reading() as conn:
            row = conn.execute(
                f"SELECT {provenance_rows.COLUMNS} FROM article_provenance WHERE article_id = ?",
                (article_id,),
            ).fetchone()
        if row is None:
            raise ProjectError(f"no article {article_id} in this project")
        return provenance_rows.from_row(row)

    def provenances(self) -> dict[int, Provenance]:
        with self._reading() as conn:
            rows = conn.execute(
                f"SELECT article_id, {provenance_rows.COLUMNS} FROM article_provenance"
            ).fetchall()
        return {row[0]: provenance_rows.from_row(row[1:]) for row in rows}

    def verify_articles(self) -> list[tuple[int, str]]:
        """Articles whose stored text no longer derives from their original bytes, and why."""
        with self._reading() as conn:
            return list(provenance_rows.verify_rows(conn))

    def articles(self) -> list[ArticleInfo]:
        with self._reading() as conn:
            rows = conn.execute(f"SELECT {ARTICLE_COLUMNS} FROM articles ORDER BY id").fetchall()
        return [article_info(row) for row in rows]

    def article_info(self, article_id: int) -> ArticleInfo:
        with self._reading() as conn:
            row = conn.execute(
                f"SELECT {ARTICLE_COLUMNS} FROM articles WHERE id = ?", (article_id,)
            ).fetchone()
        if row is None:
            raise ProjectError(f"no article {article_id} in this project")
        return article_info(row)

    def article(self, article_id: int) -> Article:
        """The article as imported, with its original file's bytes (``Article.raw``)."""
        return self._load_article(article_id, with_raw=True)

    def _load_article(self, article_id: int, *, with_raw: bool = False) -> Article:
        raw_columns = "b.raw, b.raw_codec" if with_raw else "NULL, 'none'"
        with self._reading() as conn:
            row = conn.execute(
                f"SELECT {_JOINED_COLUMNS}, b.text, {raw_columns} FROM articles a "
                "JOIN article_bodies b ON b.article_id = a.id WHERE a.id = ?",
                (article_id,),
            ).fetchone()
        if row is None:
            raise ProjectError(f"no article {article_id} in this project")
        return _article(row)

    def _load_all_articles(self) -> tuple[list[int], list[Article]]:
        """Every article (without original bytes) in id order, in one query."""
        with self._reading() as conn:
            rows = conn.execute(
                f"SELECT {_JOINED_COLUMNS}, b.text, NULL, 'none' FROM articles a "
                "JOIN article_bodies b ON b.article_id = a.id ORDER BY a.id"
            ).fetchall()
        return [row[0] for row in rows], [_article(row) for row in rows]

    def remove_article(self, article_id: int) -> None:
        """Remove an article with its pairs, their comparisons and annotations."""
        with self._writing() as conn:
            cursor = conn.execute("DELETE FROM articles WHERE id = ?", (article_id,))
            if cursor.rowcount == 0:
                raise ProjectError(f"no article {article_id} in this project")
            conn.execute("DELETE FROM events WHERE id NOT IN (SELECT event_id FROM event_articles)")
