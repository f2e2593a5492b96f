"""The small immutable records the project file hands out.

They are plain NamedTuples so the window, the report and the CLI can use them
across threads without copying and without ever touching SQLite themselves.
"""

from __future__ import annotations

from typing import NamedTuple

STATUSES = ("open", "confirmed", "dismissed", "follow-up")
VERDICTS = ("accurate", "inaccurate", "misleading", "unverifiable")
ORIGINS = ("suggested", "user")


class AddResult(NamedTuple):
    """Which article id the text now lives under, and whether it was already there."""

    article_id: int
    duplicate: bool


class ImportReport(NamedTuple):
    """What an import did, so the caller can tell the user file by file."""

    added: list[int]
    duplicates: list[str]
    errors: list[tuple[str, str]]
    cancelled: bool = False


class ArticleInfo(NamedTuple):
    """An article without its text: cheap enough to list ten thousand of."""

    id: int
    title: str
    source: str
    author: str
    published: str
    url: str
    fmt: str
    path: str
    n_chars: int
    imported_at: str = ""
    content_hash: str = ""


#: Where an article's original came from: a file, a fetched URL, or pasted text.
ORIGINS_OF_ARTICLES = ("file", "url", "text")


class Provenance(NamedTuple):
    """Where and when an article's original bytes were read, and their SHA-256.

    ``location`` is the file path or the URL asked for; ``final_url``,
    ``last_modified`` and ``etag`` are the server's answer when it was fetched.
    Set once at import and never edited, so a reader can check that the text
    compared is the one published. ``revision_of`` links a later version of a
    fetched page to the article it revises.
    """

    origin: str
    location: str
    retrieved_at: str
    final_url: str = ""
    last_modified: str = ""
    etag: str = ""
    sha256: str = ""
    revision_of: int | None = None
    charset: str = ""  # the charset the server named, which reading the bytes again needs


class RevisionInfo(NamedTuple):
    """A later version of a fetched article, stored as an article of its own.

    ``revision_of`` is the version it revises, ``original_id`` the first one.
    ``days_after`` counts from the original's publication date (``since`` is
    ``"publication"``), or from when the original was fetched when it has no
    date (``"fetch"``); ``pair_id`` pairs the previous version (A) with this one.
    """

    article_id: int
    revision_of: int
    original_id: int
    changed_at: str
    days_after: int
    since: str
    pair_id: int | None
    compared: bool
    n_discrepancies: int

    def badge(self) -> str:
        """"changed 2 days after publication: 3 discrepancies", as the browser shows it."""
        if self.days_after == 0:
            when = "the same day as publication" if self.since == "publication" else (
                "the same day it was first fetched")
            head = f"changed {when}"
        else:
            days = f"{self.days_after} day{'s' * (self.days_after != 1)}"
            after = "publication" if self.since == "publication" else "it was first fetched"
            head = f"changed {days} after {after}"
        if not self.compared:
            return f"{head}: not compared yet"
        n = self.n_discrepancies
        return f"{head}: {n} discrepanc{'y' if n == 1 else 'ies'}"


#: Article details a reviewer may correct (the ``articles`` columns of the same names).
ARTICLE_FIELDS = ("title", "source", "author", "published", "url")


class ArticleEdit(NamedTuple):
    """One corrected detail of an article; the list of them is its history."""

    article_id: int
    at: str
    reviewer: str
    field: str
    old: str
    new: str


class EventInfo(NamedTuple):
    id: int
    label: str
    article_ids: tuple[int, ...]


class PairInfo(NamedTuple):
    """A pair with the figures a list view needs, without loading its comparison."""

    id: int
    a_id: int
    b_id: int
    event_id: int | None
    origin: str
    compared: bool
    n_discrepancies: int
    n_open: int
    n_confirmed: int
    similarity: float | None = None
    stale: bool = False


class Annotation(NamedTuple):
    """A fact-checker's judgement on one discrepancy of one pair."""

    pair_id: int
    discrepancy_id: str
    status: str
    verdict: str
    note: str
    reviewer: str
    created: str
    updated: str


class AnnotationEdit(NamedTuple):
    """One saved state of an annotation; the list of them is its history."""

    pair_id: int
    discrepancy_id: str
    at: str
    reviewer: str
    status: str
    verdict: str
    note: str


class ProjectStatus(NamedTuple):
    """Counts for `factdiff project status` and the window's status bar."""

    name: str
    schema_version: int
    articles: int
    events: int
    pairs: int
    compared_pairs: int
    stale_pairs: int
    discrepancies: int
    by_kind: dict[str, int]
    by_severity: dict[str, int]
    by_status: dict[str, int]
    user_discrepancies: int
    annotations: int
    orphaned: int
