"""The current layout of a ``.factdiff`` file (schema version 5).

``PRAGMA application_id`` marks the file as ours so that another program's
SQLite database is recognised without guessing from table names; the ``meta``
table carries the schema version that migrations key on.
"""

from __future__ import annotations

#: "FDif" — written into the SQLite header by every schema version.
APPLICATION_ID = 0x46446966
SCHEMA_VERSION = 5
APP_NAME = "factdiff"

# Bodies live apart from the article rows so that listing ten thousand
# articles never pages through megabytes of text. The discrepancy index has
# some thirty rows per pair: WITHOUT ROWID keeps it to one b-tree.
SCHEMA_V2 = """
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
    origin TEXT NOT NULL DEFAULT 'engine' CHECK (origin IN ('engine', 'user')),
    PRIMARY KEY (pair_id, disc_id)
) WITHOUT ROWID;
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
"""

# Version 3: corrections of an article's details (title, outlet, author,
# publication date, URL), one row per changed field, oldest first. The
# articles row holds the current value; the first edit's old value is what
# import read.
ARTICLE_EDITS_DDL = """
CREATE TABLE article_edits (
    id INTEGER PRIMARY KEY,
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    at TEXT NOT NULL,
    reviewer TEXT NOT NULL DEFAULT '',
    field TEXT NOT NULL CHECK (field IN ('title', 'source', 'author', 'published', 'url')),
    old_value TEXT NOT NULL,
    new_value TEXT NOT NULL
);
CREATE INDEX article_edits_article ON article_edits(article_id);
"""
SCHEMA_V3 = SCHEMA_V2 + ARTICLE_EDITS_DDL

# Version 4: reviewers' decisions on rows of an event's fact table (the cells
# are one fact, or they are not). A row is named by the fingerprint of its
# cells (core.events.fact_table), so a decision survives regrouping the events.
FACT_DECISIONS_DDL = """
CREATE TABLE fact_decisions (
    row_key TEXT PRIMARY KEY,
    decision TEXT NOT NULL CHECK (decision IN ('accepted', 'split')),
    reviewer TEXT NOT NULL DEFAULT '',
    at TEXT NOT NULL
);
"""
SCHEMA_V4 = SCHEMA_V3 + FACT_DECISIONS_DDL

# Version 5: where each article came from (file path or URL, when it was read,
# the server's final URL, Last-Modified, ETag and charset when fetched) and the
# SHA-256 of its original bytes, written once at import and never edited; and
# which article a later version of a fetched page revises.
PROVENANCE_DDL = """
CREATE TABLE article_provenance (
    article_id INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
    origin TEXT NOT NULL CHECK (origin IN ('file', 'url', 'text')),
    location TEXT NOT NULL DEFAULT '',
    retrieved_at TEXT NOT NULL,
    final_url TEXT NOT NULL DEFAULT '',
    last_modified TEXT NOT NULL DEFAULT '',
    etag TEXT NOT NULL DEFAULT '',
    charset TEXT NOT NULL DEFAULT '',
    raw_sha256 TEXT NOT NULL,
    revision_of INTEGER REFERENCES articles(id) ON DELETE SET NULL
);
CREATE INDEX article_provenance_revision ON article_provenance(revision_of);
"""
SCHEMA_V5 = SCHEMA_V4 + PROVENANCE_DDL
