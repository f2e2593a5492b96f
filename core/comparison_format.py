"""The documented, versioned JSON form of a comparison (docs/comparison-format.md).

The CLI writes it and the project file caches it, so both go through these two
functions and nothing else knows the layout.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from core.errors import FactDiffError
from core.model import Alignment, Article, Change, Comparison, Discrepancy, Span

FORMAT = "factdiff-comparison"
VERSION = 1


def spans_to_lists(spans: Iterable[Span]) -> list[list[int]]:
    """Spans as ``[start, end]`` lists: the one offset form of every FactDiff JSON document."""
    return [[s, e] for s, e in spans]


def _article_to_dict(article: Article) -> dict[str, Any]:
    return {
        "title": article.title,
        "source": article.source,
        "path": article.path,
        "author": article.author,
        "published": article.published,
        "url": article.url,
        "format": article.fmt,
        "text": article.text,
        "boilerplate": spans_to_lists(article.boilerplate),
    }


def _side(text: str, span: Span | None) -> dict[str, Any] | None:
    if span is None:
        return None
    return {"start": span[0], "end": span[1], "text": text[span[0] : span[1]]}


def discrepancy_to_dict(d: Discrepancy, text_a: str, text_b: str) -> dict[str, Any]:
    return {
        "id": d.id,
        "kind": d.kind,
        "severity": d.severity,
        "summary": d.summary,
        "a": _side(text_a, d.a),
        "b": _side(text_b, d.b),
        "alignment": d.alignment,
    }


def comparison_to_dict(c: Comparison) -> dict[str, Any]:
    return {
        "format": FORMAT,
        "version": VERSION,
        "a": _article_to_dict(c.a),
        "b": _article_to_dict(c.b),
        "similarity": round(c.similarity, 4),
        "alignments": [
            {
                "a": spans_to_lists(al.a),
                "b": spans_to_lists(al.b),
                "score": round(al.score, 4),
                "primary": al.primary,
                "changes": [
                    {
                        "tag": ch.tag,
                        "a": [ch.a_start, ch.a_end],
                        "b": [ch.b_start, ch.b_end],
                        "cosmetic": ch.cosmetic,
                    }
                    for ch in al.changes
                ],
            }
            for al in c.alignments
        ],
        "unaligned": {"a": spans_to_lists(c.unaligned_a), "b": spans_to_lists(c.unaligned_b)},
        "discrepancies": [discrepancy_to_dict(d, c.a.text, c.b.text) for d in c.discrepancies],
    }


def _tuple_spans(raw: list[list[int]]) -> tuple[Span, ...]:
    return tuple((int(s), int(e)) for s, e in raw)


def _article_from_dict(raw: dict[str, Any]) -> Article:
    return Article(
        text=raw["text"],
        title=raw.get("title", ""),
        source=raw.get("source", ""),
        path=raw.get("path", ""),
        author=raw.get("author", ""),
        published=raw.get("published", ""),
        url=raw.get("url", ""),
        fmt=raw.get("format", "txt"),
        boilerplate=_tuple_spans(raw.get("boilerplate", [])),
    )


def _span_or_none(raw: dict[str, Any] | None) -> Span | None:
    return None if raw is None else (int(raw["start"]), int(raw["end"]))


def comparison_from_dict(raw: dict[str, Any]) -> Comparison:
    """Rebuild a Comparison; raises FactDiffError for anything not of this format."""
    if not isinstance(raw, dict) or raw.get("format") != FORMAT:
        raise FactDiffError("not a FactDiff comparison")
    if raw.get("version") != VERSION:
        raise FactDiffError(f"unsupported comparison format version {raw.get('version')!r}")
    try:
        alignments = tuple(
            Alignment(
                a=_tuple_spans(al["a"]),
                b=_tuple_spans(al["b"]),
                score=float(al["score"]),
                changes=tuple(
                    Change(ch["tag"], *ch["a"], *ch["b"], bool(ch.get("cosmetic", False)))
                    for ch in al.get("changes", [])
                ),
                primary=bool(al.get("primary", True)),
            )
            for al in raw["alignments"]
        )
        discrepancies = tuple(
            Discrepancy(
                id=d["id"],
                kind=d["kind"],
                severity=d["severity"],
                summary=d["summary"],
                a=_span_or_none(d.get("a")),
                b=_span_or_none(d.get("b")),
                alignment=d.get("alignment"),
            )
            for d in raw.get("discrepancies", [])
        )
        return Comparison(
            a=_article_from_dict(raw["a"]),
            b=_article_from_dict(raw["b"]),
            similarity=float(raw["similarity"]),
            alignments=alignments,
            unaligned_a=_tuple_spans(raw["unaligned"]["a"]),
            unaligned_b=_tuple_spans(raw["unaligned"]["b"]),
            discrepancies=discrepancies,
        )
    except (KeyError, TypeError, ValueError) as exc:
        raise FactDiffError(f"malformed comparison: {exc}") from None
