"""Build what a discrepancy finder reads, from invented text, for the finder tests."""

from __future__ import annotations

from core.discrepancies.side import Side, build_side
from core.facts import extract_facts
from core.model import Alignment, Article


def side(text: str, published: str = "") -> Side:
    """One article as the finders see it: its text, sentences and facts."""
    article = Article(text, published=published)
    return build_side(article, extract_facts(article))


def link(sa: Side, sb: Side, i: int, j: int, score: float) -> Alignment:
    """A claim link between sentence ``i`` of A and sentence ``j`` of B."""
    a, b = sa.sentences[i], sb.sentences[j]
    return Alignment(((a.start, a.end),), ((b.start, b.end),), score, (), primary=False)
