"""One article as the finders see it: its text, sentences and facts, indexed by position.

Built once per comparison so every finder can ask "which facts lie here?"
without rescanning, and so no finder reaches back into the segmenter or the
extractors.
"""

from __future__ import annotations

import functools
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable
from typing import NamedTuple, TypeVar

from core.facts.fact_records import Facts
from core.model import Article, Sentence, Span
from core.text.headline import headline_span
from core.text.segment import article_sentences

R = TypeVar("R")


class Side(NamedTuple):
    article: Article
    #: ``article.text``, held as a field: the finders read it thousands of times a
    #: pair, and a field costs a fraction of a property's call
    text: str
    facts: Facts
    sentences: tuple[Sentence, ...]
    starts: tuple[int, ...]
    words: int
    headline: Span | None = None  # the headline sentence (core.text.headline), if any

    def sentence_index(self, offset: int) -> int:
        return max(0, bisect_right(self.starts, offset) - 1)

    def sentence_span(self, offset: int) -> Span:
        """The span of the sentence holding ``offset`` (asked about a thousand times a
        pair: ``sentence_index`` is inlined)."""
        if not self.sentences:
            return (0, len(self.text))
        s = self.sentences[max(0, bisect_right(self.starts, offset) - 1)]
        return (s.start, s.end)

    def in_headline(self, start: int, end: int | None = None) -> bool:
        """Whether ``[start, end)`` (or the offset ``start``) lies in the headline."""
        h = self.headline
        return h is not None and h[0] <= start < h[1] and (end is None or end <= h[1])


def build_side(article: Article, facts: Facts) -> Side:
    sentences = article_sentences(article.text, article.boilerplate)  # split once per article
    body_words = sum(
        len(article.text[s.start : s.end].split()) for s in sentences if not s.boilerplate
    )
    return Side(
        article=article,
        text=article.text,
        facts=facts,
        sentences=sentences,
        starts=tuple(s.start for s in sentences),
        words=body_words,
        headline=headline_span(article.text, sentences),
    )


def per_article(read: Callable[[Side], R]) -> Callable[[Side], R]:
    """Remember ``read(side)`` for the last few articles: a finder's per-article reading
    (an index of its dates, its titled names) is otherwise redone for every pair
    the article is in. An article is known by the very objects its side is built
    from (text, facts and sentences are remembered by the engine, so an article's
    pairs share them); the answer must be treated as read-only.
    ``forget_articles()`` drops what every such reading holds.
    """
    memo: dict[tuple[int, int, int], tuple[Article, Facts, tuple[Sentence, ...], R]] = {}
    # the same Side object asks again and again within a pair: known by its identity
    # (a Side is immutable, and the entry holds it so its id is not reused)
    by_side: dict[int, tuple[Side, R]] = {}
    _MEMOS.extend((memo, by_side))

    @functools.wraps(read)
    def remembered(side: Side) -> R:
        hit = by_side.get(id(side))
        if hit is not None and hit[0] is side:
            return hit[1]
        key = (id(side.article), id(side.facts), id(side.sentences))
        entry = memo.get(key)
        if (
            entry is None
            or entry[0] is not side.article
            or entry[1] is not side.facts
            or entry[2] is not side.sentences
        ):
            if len(memo) >= _PER_ARTICLE:
                memo.clear()
            entry = memo[key] = (side.article, side.facts, side.sentences, read(side))
        if len(by_side) >= _PER_ARTICLE:
            by_side.clear()
        by_side[id(side)] = (side, entry[3])
        return entry[3]

    return remembered


_PER_ARTICLE = 16  # articles remembered: a batch's pairs share a few at a time
_MEMOS: list[dict] = []


def forget_articles() -> None:
    """Drop every remembered per-article reading (benchmarks timing unseen articles)."""
    for memo in _MEMOS:
        memo.clear()


def spans_meet(x: Span | None, y: Span | None) -> bool:
    """Whether two spans share a character (two equal empty spans meet too)."""
    if x is None or y is None:
        return False
    if x == y:
        return True
    return x[0] < y[1] and y[0] < x[1]


def overlapping(records: Iterable[R], start: int, end: int) -> list[R]:
    """Records whose span meets ``[start, end)``; an empty range meets a record it sits inside.

    An article's facts (a tuple, in reading order) are asked this for every
    change of every pair: only the records that can reach the range are read.
    It runs about a thousand times a pair, so the index lookup is inlined and
    a range no record can reach returns at once.
    """
    if type(records) is tuple and len(records) >= _INDEX_MIN:
        entry = _INDEXES.get(id(records))
        if entry is None or entry[0] is not records:
            entry = _index(records)
        reach = entry[2]
        if reach >= 0:
            starts = entry[1]
            lo = bisect_right(starts, start - reach)  # r.end > start needs r.start > start - reach
            hi = bisect_left(starts, end)  # r.start < end (or < start, the same when empty)
            if lo >= hi:
                return []
            records = records[lo:hi]
    if start == end:
        return [r for r in records if r.start < start < r.end]  # type: ignore[attr-defined]
    return [r for r in records if r.start < end and start < r.end]  # type: ignore[attr-defined]


_INDEX_MIN = 8  # fewer records are read faster than indexed
_INDEXES: dict[int, tuple[tuple, tuple[int, ...], int]] = {}


def _index(records: tuple) -> tuple[tuple, tuple[int, ...], int]:
    """The records' starts and their longest span (-1 unless sorted by start), remembered.

    Kept by identity (the entry holds the tuple, so its id is not reused) for
    the few fact tuples of the articles being compared.
    """
    starts = tuple(r.start for r in records)
    if any(x > y for x, y in zip(starts, starts[1:], strict=False)):
        entry = (records, (), -1)
    else:
        entry = (records, starts, max(0, *(r.end - r.start for r in records)))
    if len(_INDEXES) >= 256:
        _INDEXES.clear()
    _INDEXES[id(records)] = entry
    return entry
