"""Forward migrations: every schema a released FactDiff ever wrote opens today.

Each step takes a file from version N to N+1 inside the caller's transaction,
so a crash mid-upgrade leaves the file at version N. The DDL of every earlier
version is kept here verbatim: the tests build a file from it and upgrade it.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable

from core.store.codec import decompress_raw
from core.store.provenance import guessed_origin, original_sha256
from core.store.schema import (
    APPLICATION_ID,
    ARTICLE_EDITS_DDL,
    FACT_DECISIONS_DDL,
    PROVENANCE_DDL,
)

# Version 1: no annotation history, no user-made discrepancies, and a
# discrepancy index with a rowid and a second index on the id.
SCHEMA_V1 = """
CREATE TABLE meta (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
CREATE TABLE articles (
    id INTEGER PRIMARY KEY,
    content_hash TEXT NOT NULL UNIQUE,
    title TEXT NOT NULL DEFAULT '',
    source TEXT NOT NULL DEFAULT '',
    author TEXT NOT NULL DEFAULT '',
    published TEXT NOT NULL DEFAULT '',
    url TEXT NOT NULL DEFAULT '',
    fmt TEXT NOT NULL DEFAULT 'txt',
    path TEXT NOT NULL DEFAULT '',
    n_chars INTEGER NOT NULL,
    imported_at TEXT NOT NULL,
    boilerplate TEXT NOT NULL DEFAULT '[]'
);
CREATE TABLE article_bodies (
    article_id INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
    text TEXT NOT NULL,
    raw BLOB,
    raw_codec TEXT NOT NULL DEFAULT 'zlib'
);
CREATE TABLE events (
    id INTEGER PRIMARY KEY,
    label TEXT NOT NULL DEFAULT '',
    created TEXT NOT NULL
);
CREATE TABLE event_articles (
    event_id INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    PRIMARY KEY (event_id, article_id)
);
CREATE INDEX event_articles_article ON event_articles(article_id);
CREATE TABLE pairs (
    id INTEGER PRIMARY KEY,
    a_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    b_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    event_id INTEGER REFERENCES events(id) ON DELETE SET NULL,
    origin TEXT NOT NULL CHECK (origin IN ('suggested', 'user')),
    created TEXT NOT NULL,
    CHECK (a_id <> b_id),
    UNIQUE (a_id, b_id)
);
CREATE INDEX pairs_b ON pairs(b_id);
CREATE TABLE comparisons (
    pair_id INTEGER PRIMARY KEY REFERENCES pairs(id) ON DELETE CASCADE,
    engine_version TEXT NOT NULL,
    similarity REAL NOT NULL,
    computed_at TEXT NOT NULL,
    data BLOB NOT NULL
);
CREATE TABLE discrepancies (
    pair_id INTEGER NOT NULL REFERENCES pairs(id) ON DELETE CASCADE,
    disc_id TEXT NOT NULL,
    kind TEXT NOT NULL,
    severity TEXT NOT NULL,
    PRIMARY KEY (pair_id, disc_id)
);
CREATE INDEX discrepancies_disc ON discrepancies(disc_id);
CREATE TABLE annotations (
    pair_id INTEGER NOT NULL REFERENCES pairs(id) ON DELETE CASCADE,
    disc_id TEXT NOT NULL,
    status TEXT NOT NULL DEFAULT 'open',
    verdict TEXT NOT NULL DEFAULT '',
    note TEXT NOT NULL DEFAULT '',
    reviewer TEXT NOT NULL DEFAULT '',
    created TEXT NOT NULL,
    updated TEXT NOT NULL,
    PRIMARY KEY (pair_id, disc_id)
);
"""

_V1_TO_V2 = """
-- The discrepancy index gains its origin and becomes one b-tree (WITHOUT ROWID).
CREATE TABLE discrepancies_v2 (
    pair_id INTEGER NOT NULL REFERENCES pairs(id) ON DELETE CASCADE,
    disc_id TEXT NOT NULL,
    kind TEXT NOT NULL,
    severity TEXT NOT NULL,
    origin TEXT NOT NULL DEFAULT 'engine' CHECK (origin IN ('engine', 'user')),
    PRIMARY KEY (pair_id, disc_id)
) WITHOUT ROWID;
INSERT INTO discrepancies_v2 (pair_id, disc_id, kind, severity)
    SELECT pair_id, disc_id, kind, severity FROM discrepancies;
DROP TABLE discrepancies;
ALTER TABLE discrepancies_v2 RENAME TO discrepancies;
CREATE TABLE user_discrepancies (
    pair_id INTEGER NOT NULL REFERENCES pairs(id) ON DELETE CASCADE,
    disc_id TEXT NOT NULL,
    kind TEXT NOT NULL,
    severity TEXT NOT NULL,
    summary TEXT NOT NULL,
    a_start INTEGER,
    a_end INTEGER,
    b_start INTEGER,
    b_end INTEGER,
    author TEXT NOT NULL DEFAULT '',
    created TEXT NOT NULL,
    PRIMARY KEY (pair_id, disc_id)
);
CREATE TABLE annotation_history (
    id INTEGER PRIMARY KEY,
    pair_id INTEGER NOT NULL REFERENCES pairs(id) ON DELETE CASCADE,
    disc_id TEXT NOT NULL,
    at TEXT NOT NULL,
    reviewer TEXT NOT NULL DEFAULT '',
    status TEXT NOT NULL,
    verdict TEXT NOT NULL DEFAULT '',
    note TEXT NOT NULL DEFAULT ''
);
CREATE INDEX annotation_history_key ON annotation_history(pair_id, disc_id);
-- Version 1 kept only the latest state; it becomes the first entry of the
-- history so that the next edit does not erase it without a trace.
INSERT INTO annotation_history (pair_id, disc_id, at, reviewer, status, verdict, note)
    SELECT pair_id, disc_id, updated, reviewer, status, verdict, note
    FROM annotations ORDER BY updated;
"""


def _run_script(conn: sqlite3.Connection, script: str) -> None:
    """Run statements one by one: executescript() would commit the open transaction."""
    for statement in _statements(script):
        conn.execute(statement)


def _statements(script: str) -> list[str]:
    lines = [line for line in script.splitlines() if not line.lstrip().startswith("--")]
    return [s.strip() for s in "\n".join(lines).split(";") if s.strip()]


def _v1_to_v2(conn: sqlite3.Connection) -> None:
    _run_script(conn, _V1_TO_V2)


def _v2_to_v3(conn: sqlite3.Connection) -> None:
    """Version 3 adds the history of article detail corrections; nothing else changes."""
    _run_script(conn, ARTICLE_EDITS_DDL)


def _v3_to_v4(conn: sqlite3.Connection) -> None:
    """Version 4 adds reviewers' decisions on fact-table rows; nothing else changes."""
    _run_script(conn, FACT_DECISIONS_DDL)


def _v4_to_v5(conn: sqlite3.Connection) -> None:
    """Version 5 records each article's provenance; older articles get what the file knows.

    Their origin is guessed from the path and URL columns, the time is the
    import time, and the hash is taken of the original bytes as stored now.
    """
    _run_script(conn, PROVENANCE_DDL)
    rows = conn.execute(
        "SELECT a.id, a.path, a.url, a.imported_at, b.text, b.raw, b.raw_codec "
        "FROM articles a JOIN article_bodies b ON b.article_id = a.id"
    )
    for article_id, path, url, imported_at, text, raw, codec in rows.fetchall():
        origin, location = guessed_origin(path, url)
        digest = original_sha256(decompress_raw(raw, codec), text)
        conn.execute(
            "INSERT INTO article_provenance (article_id, origin, location, retrieved_at, "
            "raw_sha256) VALUES (?, ?, ?, ?, ?)",
            (article_id, origin, location, imported_at, digest),
        )


#: from-version → the step that brings a file to from-version + 1
MIGRATIONS: dict[int, Callable[[sqlite3.Connection], None]] = {
    1: _v1_to_v2,
    2: _v2_to_v3,
    3: _v3_to_v4,
    4: _v4_to_v5,
}


def migrate(conn: sqlite3.Connection, from_version: int, to_version: int) -> None:
    """Apply every step in order; the caller owns the transaction."""
    for version in range(from_version, to_version):
        MIGRATIONS[version](conn)
        conn.execute("UPDATE meta SET value = ? WHERE key = 'schema_version'", (str(version + 1),))
    conn.execute(f"PRAGMA user_version = {to_version}")


def create_schema(conn: sqlite3.Connection, script: str, version: int) -> None:
    """Lay out an empty file of the given version (used for new files and tests)."""
    conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    conn.execute(f"PRAGMA user_version = {version}")
    _run_script(conn, script)
    conn.execute(
        "INSERT INTO meta (key, value) VALUES ('schema_version', ?), ('app', 'factdiff')",
        (str(version),),
    )
