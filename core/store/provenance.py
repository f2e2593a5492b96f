"""Where each article came from, and whether its stored text still derives from its bytes.

Provenance is written once, when the article is stored, and never edited (a
reviewer's corrections of the URL go to ``article_edits``): the report lists
it so a reader can fetch or open the same bytes and check the SHA-256.
``verify_rows`` re-hashes the stored originals and re-reads them with this
version's reader, naming any article whose text no longer follows from them.
"""

from __future__ import annotations

import hashlib
import sqlite3
from collections.abc import Iterator

from core.errors import FactDiffError
from core.model import Article
from core.store.codec import content_hash, decompress_raw
from core.store.records import Provenance

COLUMNS = (
    "origin, location, retrieved_at, final_url, last_modified, etag, raw_sha256, revision_of, "
    "charset"
)


def guessed_origin(path: str, url: str) -> tuple[str, str]:
    """A file when the article has a path, a fetched page when only a URL, else pasted text."""
    if path:
        return "file", path
    if url:
        return "url", url
    return "text", ""


def original_sha256(raw: bytes | None, text: str) -> str:
    """SHA-256 of the original bytes; of the UTF-8 text when there were none (pasted text)."""
    return hashlib.sha256(raw if raw is not None else text.encode("utf-8", "surrogatepass")).hexdigest()


def complete(article: Article, given: Provenance | None, now: str) -> Provenance:
    """The provenance to store: the caller's (a fetch knows more), else what the article says."""
    digest = original_sha256(article.raw, article.text)
    if given is None:  # only a fetch, which says so, makes a "url" article
        origin = "file" if article.path else "text"
        return Provenance(origin, article.path, now, sha256=digest)
    return given._replace(retrieved_at=given.retrieved_at or now, sha256=digest)


def insert(conn: sqlite3.Connection, article_id: int, p: Provenance) -> None:
    conn.execute(
        "INSERT INTO article_provenance (article_id, origin, location, retrieved_at, final_url, "
        "last_modified, etag, charset, raw_sha256, revision_of) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (article_id, p.origin, p.location, p.retrieved_at, p.final_url, p.last_modified,
         p.etag, p.charset, p.sha256, p.revision_of),
    )  # fmt: skip


def from_row(row: tuple) -> Provenance:
    return Provenance(*row)


def verify_rows(conn: sqlite3.Connection) -> Iterator[tuple[int, str]]:
    """``(article id, what is wrong)`` for every article whose text does not follow from its bytes."""
    rows = conn.execute(
        "SELECT a.id, a.fmt, a.content_hash, b.text, b.raw, b.raw_codec, p.raw_sha256, p.charset "
        "FROM articles a JOIN article_bodies b ON b.article_id = a.id "
        "LEFT JOIN article_provenance p ON p.article_id = a.id ORDER BY a.id"
    )
    for article_id, fmt, stored_hash, text, blob, codec, digest, charset in rows:
        problem = _problem(fmt, stored_hash, text, blob, codec, digest, charset or "")
        if problem:
            yield article_id, problem


def _problem(fmt, stored_hash, text, blob, codec, digest, charset) -> str:
    if digest is None:
        return "no provenance recorded"
    try:
        raw = decompress_raw(blob, codec)
    except Exception as exc:  # noqa: BLE001 - a damaged blob is exactly what verify reports
        return f"the stored original cannot be read ({type(exc).__name__})"
    if original_sha256(raw, text) != digest:
        what = "original bytes" if raw is not None else "pasted text"
        return f"the SHA-256 of its {what} is not the one recorded at import"
    if content_hash(text) != stored_hash:
        return "its stored text was changed after import"
    if raw is not None:
        derived = _derive(raw, fmt, charset)
        if derived is None:
            return "its original bytes no longer give an article"
        if content_hash(derived) != content_hash(_storable(text)):
            return "its stored text is not the text its original bytes give"
    return ""


def _derive(raw: bytes, fmt: str, charset: str) -> str | None:
    """The text this version's reader makes of ``raw``, the way import read it."""
    from core.ingest.encodings import decode
    from core.ingest.load import article_from_html, article_from_text

    try:
        if fmt == "html":
            page = _decode_with(raw, charset) if charset else decode(raw, html=True)
            return _storable(article_from_html(page).text)
        return _storable(article_from_text(decode(raw, html=False), fmt=fmt).text)
    except (FactDiffError, UnicodeError, ValueError):
        return None


def _decode_with(raw: bytes, charset: str) -> str:
    from core.ingest.encodings import decode

    try:
        return raw.decode(charset)
    except (LookupError, UnicodeDecodeError):
        return decode(raw, html=True)


def _storable(text: str) -> str:
    """As the store keeps it: undecodable bytes (lone surrogates) as U+FFFD."""
    return "".join("\ufffd" if "\ud800" <= c <= "\udfff" else c for c in text)
