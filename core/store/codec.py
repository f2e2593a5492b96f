"""How records become rows and blobs, and back.

Article texts are stored once; cached comparisons keep only the engine's
findings (the documented comparison JSON minus the two texts), compressed, and
are re-joined with the stored articles on the way out.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import sqlite3
import zlib
from typing import Any

from core.comparison_format import comparison_from_dict, comparison_to_dict
from core.errors import FactDiffError, ProjectError
from core.model import Article, Comparison, Span
from core.store.records import ArticleInfo

ARTICLE_COLUMNS = (
    "id, title, source, author, published, url, fmt, path, n_chars, imported_at, content_hash"
)
#: ``ARTICLE_COLUMNS`` plus what rebuilding an Article needs besides its body
FULL_ARTICLE_COLUMNS = ARTICLE_COLUMNS + ", boilerplate"


def content_hash(text: str) -> str:
    """Whitespace-insensitive, so the same article saved twice with other line ends is one."""
    return hashlib.sha256(" ".join(text.split()).encode("utf-8")).hexdigest()


def article_row(article: Article, digest: str, imported_at: str) -> dict[str, Any]:
    return {
        "content_hash": digest,
        "title": article.title,
        "source": article.source,
        "author": article.author,
        "published": article.published,
        "url": article.url,
        "fmt": article.fmt,
        "path": article.path,
        "n_chars": len(article.text),
        "imported_at": imported_at,
        "boilerplate": json.dumps([list(span) for span in article.boilerplate]),
    }


def compress_raw(raw: bytes | None) -> bytes | None:
    return None if raw is None else zlib.compress(raw, 6)


def decompress_raw(blob: bytes | None, codec: str) -> bytes | None:
    if blob is None:
        return None
    if codec == "zlib":
        return zlib.decompress(blob)
    if codec == "none":
        return bytes(blob)
    raise ProjectError(f"unknown encoding {codec!r} of an article's original file")


def article_info(row: sqlite3.Row | tuple) -> ArticleInfo:
    return ArticleInfo(*row)


def article_from_row(row: sqlite3.Row | tuple, text: str, raw: bytes | None) -> Article:
    """Rebuild the engine's Article from a ``FULL_ARTICLE_COLUMNS`` row and its body."""
    _id, title, source, author, published, url, fmt, path, *_rest, boilerplate = row
    return Article(
        text=text,
        title=title,
        source=source,
        path=path,
        author=author,
        published=published,
        url=url,
        fmt=fmt,
        boilerplate=_spans(boilerplate),
        raw=raw,
    )


def _spans(raw: str) -> tuple[Span, ...]:
    try:
        return tuple((int(s), int(e)) for s, e in json.loads(raw))
    except (ValueError, TypeError):
        return ()


def encode_comparison(comparison: Comparison) -> bytes:
    data = comparison_to_dict(comparison)
    data["a"] = data["b"] = {"text": ""}  # the texts live in article_bodies
    return zlib.compress(json.dumps(data, separators=(",", ":")).encode("utf-8"), 6)


def decode_comparison(blob: bytes, a: Article, b: Article) -> Comparison:
    try:
        data = json.loads(zlib.decompress(blob).decode("utf-8"))
        comparison = comparison_from_dict(data)
    except (zlib.error, UnicodeDecodeError, ValueError, FactDiffError) as exc:
        raise ProjectError(f"a stored comparison is damaged ({exc})") from None
    return dataclasses.replace(comparison, a=a, b=b)
