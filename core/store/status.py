"""Project-wide counts, computed in SQL so they stay instant on large projects."""

from __future__ import annotations

import sqlite3

import core
from core.model import KINDS, SEVERITIES
from core.store.records import STATUSES, ProjectStatus


def _count(conn: sqlite3.Connection, sql: str, params: tuple = ()) -> int:
    return int(conn.execute(sql, params).fetchone()[0])


def _grouped(conn: sqlite3.Connection, sql: str, order: tuple[str, ...]) -> dict[str, int]:
    """Counts by key, the known keys first in their usual order (zeros included)."""
    found = dict(conn.execute(sql).fetchall())
    counts = {key: int(found.pop(key, 0)) for key in order}
    counts.update({key: int(value) for key, value in sorted(found.items())})
    return counts


def project_status(conn: sqlite3.Connection, name: str, schema_version: int) -> ProjectStatus:
    return ProjectStatus(
        name=name,
        schema_version=schema_version,
        articles=_count(conn, "SELECT count(*) FROM articles"),
        events=_count(conn, "SELECT count(*) FROM events"),
        pairs=_count(conn, "SELECT count(*) FROM pairs"),
        compared_pairs=_count(
            conn,
            "SELECT count(*) FROM comparisons WHERE engine_version = ?",
            (core.ENGINE_VERSION,),
        ),
        stale_pairs=_count(
            conn,
            "SELECT count(*) FROM comparisons WHERE engine_version <> ?",
            (core.ENGINE_VERSION,),
        ),
        discrepancies=_count(conn, "SELECT count(*) FROM discrepancies"),
        by_kind=_grouped(conn, "SELECT kind, count(*) FROM discrepancies GROUP BY kind", KINDS),
        by_severity=_grouped(
            conn, "SELECT severity, count(*) FROM discrepancies GROUP BY severity", SEVERITIES
        ),
        by_status=_grouped(
            conn,
            "SELECT coalesce(an.status, 'open'), count(*) FROM discrepancies d "
            "LEFT JOIN annotations an ON an.pair_id = d.pair_id AND an.disc_id = d.disc_id "
            "GROUP BY 1",
            STATUSES,
        ),
        user_discrepancies=_count(conn, "SELECT count(*) FROM user_discrepancies"),
        annotations=_count(conn, "SELECT count(*) FROM annotations"),
        orphaned=_count(
            conn,
            "SELECT count(*) FROM annotations an WHERE NOT EXISTS (SELECT 1 FROM discrepancies d "
            "WHERE d.pair_id = an.pair_id AND d.disc_id = an.disc_id)",
        ),
    )
