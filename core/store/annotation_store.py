"""Fact-checkers' judgements: annotations with full history, and discrepancies they add.

Annotations are keyed by (pair, discrepancy id). Ids are fingerprints of the
discrepancy's content, so an annotation re-attaches by itself when a
re-comparison finds the same thing again, and is reported as orphaned (never
deleted) when it does not.
"""

from __future__ import annotations

import secrets
import sqlite3

from core.errors import ProjectError
from core.model import KINDS, SEVERITIES, Discrepancy, Span
from core.safe_text import displayable
from core.store.base import now_iso
from core.store.lock import current_user
from core.store.pair_store import PairStore
from core.store.records import STATUSES, Annotation, AnnotationEdit

USER_PREFIX = "u-"
_ANNOTATION_COLUMNS = "pair_id, disc_id, status, verdict, note, reviewer, created, updated"
_MAX_TEXT = 100_000


class AnnotationStore(PairStore):
    # -- reviewer -----------------------------------------------------------

    @property
    def reviewer(self) -> str:
        """Who new annotations are signed by: set per OS user, so a shared file keeps names apart."""
        if self._session_reviewer:
            return self._session_reviewer
        with self._reading() as conn:
            row = conn.execute(
                "SELECT value FROM meta WHERE key = ?", (_reviewer_key(),)
            ).fetchone()
        return row[0] if row else current_user()

    @reviewer.setter
    def reviewer(self, name: str) -> None:
        name = " ".join(str(name).split())
        if not name:
            raise ProjectError("the reviewer name cannot be empty")
        self._session_reviewer = name
        if not self.readonly:
            with self._writing() as conn:
                conn.execute(
                    "INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)",
                    (_reviewer_key(), name),
                )

    # -- annotations --------------------------------------------------------

    def annotations(self, pair_id: int) -> dict[str, Annotation]:
        with self._reading() as conn:
            rows = conn.execute(
                f"SELECT {_ANNOTATION_COLUMNS} FROM annotations WHERE pair_id = ?", (pair_id,)
            ).fetchall()
        return {row[1]: Annotation(*row) for row in rows}

    def annotation(self, pair_id: int, disc_id: str) -> Annotation | None:
        with self._reading() as conn:
            row = conn.execute(
                f"SELECT {_ANNOTATION_COLUMNS} FROM annotations WHERE pair_id = ? AND disc_id = ?",
                (pair_id, disc_id),
            ).fetchone()
        return Annotation(*row) if row else None

    def annotate(
        self,
        pair_id: int,
        disc_id: str,
        *,
        status: str | None = None,
        verdict: str | None = None,
        note: str | None = None,
        reviewer: str | None = None,
    ) -> Annotation:
        """Change what is given (None = unchanged); every save is appended to the history."""
        verdict, note, reviewer = (_text(v) for v in (verdict, note, reviewer))
        _check_fields(status, verdict, note)
        signer = " ".join((reviewer or "").split()) or self.reviewer
        with self._writing() as conn:
            old = _annotation_row(conn, pair_id, disc_id)
            if old is None:
                _require_discrepancy(conn, pair_id, disc_id)
            new = _merged(old, pair_id, disc_id, status, verdict, note, signer, now_iso())
            conn.execute(
                f"INSERT OR REPLACE INTO annotations ({_ANNOTATION_COLUMNS}) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                tuple(new),
            )
            conn.execute(
                "INSERT INTO annotation_history (pair_id, disc_id, at, reviewer, status, verdict, "
                "note) VALUES (?, ?, ?, ?, ?, ?, ?)",
                (pair_id, disc_id, new.updated, signer, new.status, new.verdict, new.note),
            )
        return new

    def annotation_history(self, pair_id: int, disc_id: str) -> list[AnnotationEdit]:
        """Every saved state, oldest first."""
        with self._reading() as conn:
            rows = conn.execute(
                "SELECT pair_id, disc_id, at, reviewer, status, verdict, note "
                "FROM annotation_history WHERE pair_id = ? AND disc_id = ? ORDER BY id",
                (pair_id, disc_id),
            ).fetchall()
        return [AnnotationEdit(*row) for row in rows]

    def orphaned_annotations(self, pair_id: int | None = None) -> list[Annotation]:
        """Annotations whose discrepancy the latest comparison no longer reports."""
        where = "" if pair_id is None else "AND an.pair_id = ?"
        params = () if pair_id is None else (pair_id,)
        with self._reading() as conn:
            rows = conn.execute(
                f"SELECT {', '.join('an.' + c.strip() for c in _ANNOTATION_COLUMNS.split(','))} "
                "FROM annotations an WHERE NOT EXISTS (SELECT 1 FROM discrepancies d "
                f"WHERE d.pair_id = an.pair_id AND d.disc_id = an.disc_id) {where} "
                "ORDER BY an.pair_id, an.updated",
                params,
            ).fetchall()
        return [Annotation(*row) for row in rows]

    # -- discrepancies ------------------------------------------------------

    def discrepancies(self, pair_id: int) -> list[Discrepancy]:
        """The engine's discrepancies (comparing first if needed), then the user-made ones."""
        engine = list(self.comparison(pair_id).discrepancies)
        return engine + self.user_discrepancies(pair_id)

    def user_discrepancies(self, pair_id: int) -> list[Discrepancy]:
        with self._reading() as conn:
            rows = conn.execute(
                "SELECT disc_id, kind, severity, summary, a_start, a_end, b_start, b_end "
                "FROM user_discrepancies WHERE pair_id = ? ORDER BY created, disc_id",
                (pair_id,),
            ).fetchall()
        return [
            Discrepancy(did, kind, sev, summary, _span(a0, a1), _span(b0, b1))
            for did, kind, sev, summary, a0, a1, b0, b1 in rows
        ]

    def add_user_discrepancy(
        self,
        pair_id: int,
        kind: str,
        summary: str,
        a: Span | None,
        b: Span | None,
        severity: str = "medium",
    ) -> Discrepancy:
        """Record a discrepancy the engine missed; it is annotated like any other."""
        summary = " ".join(str(summary).split())
        _check_user_discrepancy(kind, severity, summary, a, b)
        a_article, b_article = self._pair_articles(pair_id)
        _check_span(a, len(a_article.text), "A")
        _check_span(b, len(b_article.text), "B")
        disc = Discrepancy(USER_PREFIX + secrets.token_hex(6), kind, severity, summary, a, b)
        with self._writing() as conn:
            conn.execute(
                "INSERT INTO user_discrepancies (pair_id, disc_id, kind, severity, summary, "
                "a_start, a_end, b_start, b_end, author, created) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (pair_id, disc.id, kind, severity, summary, *(a or (None, None)),
                 *(b or (None, None)), self.reviewer, now_iso()),
            )  # fmt: skip
            conn.execute(
                "INSERT INTO discrepancies (pair_id, disc_id, kind, severity, origin) "
                "VALUES (?, ?, ?, ?, 'user')",
                (pair_id, disc.id, kind, severity),
            )
        return disc

    def remove_user_discrepancy(self, pair_id: int, disc_id: str) -> None:
        """Remove a user-made discrepancy together with its annotation and history."""
        with self._writing() as conn:
            gone = conn.execute(
                "DELETE FROM user_discrepancies WHERE pair_id = ? AND disc_id = ?",
                (pair_id, disc_id),
            ).rowcount
            if not gone:
                raise ProjectError(f"no user-made discrepancy {disc_id} in pair {pair_id}")
            for table in ("discrepancies", "annotations", "annotation_history"):
                conn.execute(
                    f"DELETE FROM {table} WHERE pair_id = ? AND disc_id = ?", (pair_id, disc_id)
                )

    def find_discrepancy(self, disc_id: str) -> list[tuple[int, str]]:
        """(pair id, full id) of every discrepancy whose id is ``disc_id`` or starts with it."""
        with self._reading() as conn:
            rows = conn.execute(
                "SELECT pair_id, disc_id FROM discrepancies WHERE disc_id = ? "
                "UNION SELECT pair_id, disc_id FROM annotations WHERE disc_id = ?",
                (disc_id, disc_id),
            ).fetchall()
            if not rows and len(disc_id) >= 4:
                pattern = disc_id.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
                rows = conn.execute(
                    "SELECT pair_id, disc_id FROM discrepancies WHERE disc_id LIKE ? ESCAPE '\\' "
                    "UNION SELECT pair_id, disc_id FROM annotations WHERE disc_id LIKE ? "
                    "ESCAPE '\\'",
                    (pattern + "%", pattern + "%"),
                ).fetchall()
        return sorted(rows)


def _reviewer_key() -> str:
    return f"reviewer.{current_user()}"


def _span(start: int | None, end: int | None) -> Span | None:
    return None if start is None or end is None else (start, end)


def _annotation_row(conn: sqlite3.Connection, pair_id: int, disc_id: str) -> Annotation | None:
    row = conn.execute(
        f"SELECT {_ANNOTATION_COLUMNS} FROM annotations WHERE pair_id = ? AND disc_id = ?",
        (pair_id, disc_id),
    ).fetchone()
    return Annotation(*row) if row else None


def _require_discrepancy(conn: sqlite3.Connection, pair_id: int, disc_id: str) -> None:
    if not conn.execute("SELECT 1 FROM pairs WHERE id = ?", (pair_id,)).fetchone():
        raise ProjectError(f"no pair {pair_id} in this project")
    found = conn.execute(
        "SELECT 1 FROM discrepancies WHERE pair_id = ? AND disc_id = ?", (pair_id, disc_id)
    ).fetchone()
    if not found:
        raise ProjectError(f"no discrepancy {disc_id} in pair {pair_id}")


def _merged(
    old: Annotation | None,
    pair_id: int,
    disc_id: str,
    status: str | None,
    verdict: str | None,
    note: str | None,
    reviewer: str,
    now: str,
) -> Annotation:
    return Annotation(
        pair_id,
        disc_id,
        status if status is not None else (old.status if old else "open"),
        verdict.strip() if verdict is not None else (old.verdict if old else ""),
        note if note is not None else (old.note if old else ""),
        reviewer,
        old.created if old else now,
        now,
    )


def _check_fields(status: str | None, verdict: str | None, note: str | None) -> None:
    if status is not None and status not in STATUSES:
        raise ProjectError(f"unknown status {status!r} (choose from {', '.join(STATUSES)})")
    for name, value in (("verdict", verdict), ("note", note)):
        if value is not None and not isinstance(value, str):
            raise ProjectError(f"the {name} must be text")
        if value is not None and len(value) > _MAX_TEXT:
            raise ProjectError(f"the {name} is longer than {_MAX_TEXT:,} characters")


def _check_user_discrepancy(
    kind: str, severity: str, summary: str, a: Span | None, b: Span | None
) -> None:
    if kind not in KINDS:
        raise ProjectError(f"unknown kind {kind!r} (choose from {', '.join(KINDS)})")
    if severity not in SEVERITIES:
        raise ProjectError(f"unknown severity {severity!r} (choose from {', '.join(SEVERITIES)})")
    if not summary:
        raise ProjectError("a discrepancy needs a summary")
    if a is None and b is None:
        raise ProjectError("a discrepancy needs a passage in A, in B or in both")


def _check_span(span: Span | None, length: int, side: str) -> None:
    if span is None:
        return
    start, end = span
    if not (isinstance(start, int) and isinstance(end, int) and 0 <= start <= end <= length):
        raise ProjectError(f"passage {start}–{end} is outside article {side} (0–{length})")


def _text(value: str | None) -> str | None:
    """Free text as it can be stored: undecodable bytes (from a command line) as U+FFFD."""
    return None if value is None else displayable(value)
