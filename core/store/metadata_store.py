"""Corrections of an article's details, with their history.

Import reads a title, outlet, author, date and URL as well as it can (a site
header may be taken for the date, a plain-text file has no outlet); the
reviewer corrects them here. Each changed field is one history row, written in
the same transaction as the change. The engine resolves "on Wednesday" and
"last month" against the publication date when it compares, so a new date
drops the cached comparisons of the article's pairs: the next compare (or
opening the pair) compares them again with the corrected date.
"""

from __future__ import annotations

import datetime as dt

from core.errors import ProjectError
from core.store.annotation_store import AnnotationStore
from core.store.base import now_iso
from core.store.records import ARTICLE_FIELDS, ArticleEdit, ArticleInfo

#: Fields whose change alters what the engine finds (the others are only shown).
_COMPARED_FIELDS = frozenset({"published"})


def _clean(field: str, value: object) -> str:
    text = " ".join(str(value or "").split())
    if field == "published" and text:
        try:
            text = dt.date.fromisoformat(text[:10]).isoformat()
        except ValueError:
            raise ProjectError(f"not a date (YYYY-MM-DD): {value}") from None
    return text


class MetadataStore(AnnotationStore):
    def edit_article(self, article_id: int, reviewer: str | None = None, **fields: str) -> ArticleInfo:
        """Set some of title, source, author, published (YYYY-MM-DD or ""), url.

        Unchanged values are ignored; returns the article's details as now stored.
        """
        unknown = sorted(set(fields) - set(ARTICLE_FIELDS))
        if unknown:
            raise ProjectError(f"not an article detail: {', '.join(unknown)}")
        wanted = {field: _clean(field, value) for field, value in fields.items()}
        signer = " ".join((reviewer or "").split()) or self.reviewer
        columns = ", ".join(ARTICLE_FIELDS)
        with self._writing() as conn:
            row = conn.execute(
                f"SELECT {columns} FROM articles WHERE id = ?", (article_id,)
            ).fetchone()
            if row is None:
                raise ProjectError(f"no article {article_id} in this project")
            current = dict(zip(ARTICLE_FIELDS, row, strict=True))
            changed = {f: v for f, v in wanted.items() if v != current[f]}
            at = now_iso()
            for field, value in changed.items():
                conn.execute(f"UPDATE articles SET {field} = ? WHERE id = ?", (value, article_id))
                conn.execute(
                    "INSERT INTO article_edits (article_id, at, reviewer, field, old_value, "
                    "new_value) VALUES (?, ?, ?, ?, ?, ?)",
                    (article_id, at, signer, field, current[field], value),
                )
            if _COMPARED_FIELDS & set(changed):
                conn.execute(
                    "DELETE FROM comparisons WHERE pair_id IN "
                    "(SELECT id FROM pairs WHERE a_id = ? OR b_id = ?)",
                    (article_id, article_id),
                )
        return self.article_info(article_id)

    def article_history(self, article_id: int) -> list[ArticleEdit]:
        """Every correction of the article's details, oldest first."""
        with self._reading() as conn:
            rows = conn.execute(
                "SELECT article_id, at, reviewer, field, old_value, new_value FROM article_edits "
                "WHERE article_id = ? ORDER BY id",
                (article_id,),
            ).fetchall()
        return [ArticleEdit(*row) for row in rows]
