"""One article as the finders see it: its text, sentences and facts, indexed by position.

Built once per comparison so every finder can ask "which facts lie here?"
without rescanning, and so no finder reaches back into the segmenter or the
extractors.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable
from typing import NamedTuple, TypeVar

from core.facts.fact_records import Facts
from core.model import Article, Sentence, Span
from core.text.headline import headline_span
from core.text.segment import article_sentences

R = TypeVar("R")


class Side(NamedTuple):
    article: Article
    facts: Facts
    sentences: tuple[Sentence, ...]
    starts: tuple[int, ...]
    words: int
    headline: Span | None = None  # the headline sentence (core.text.headline), if any

    @property
    def text(self) -> str:
        return self.article.text

    def sentence_index(self, offset: int) -> int:
        return max(0, bisect_right(self.starts, offset) - 1)

    def sentence_span(self, offset: int) -> Span:
        if not self.sentences:
            return (0, len(self.text))
        s = self.sentences[self.sentence_index(offset)]
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
        article,
        facts,
        sentences,
        tuple(s.start for s in sentences),
        body_words,
        headline_span(article.text, sentences),
    )


def overlapping(records: Iterable[R], start: int, end: int) -> list[R]:
    """Records whose span meets ``[start, end)``; an empty range meets a record it sits inside."""
    if start == end:
        return [r for r in records if r.start < start < r.end]  # type: ignore[attr-defined]
    return [r for r in records if r.start < end and start < r.end]  # type: ignore[attr-defined]
