"""Where a claim sits inside its sentence: the span a fact-level flag points at.

A figure or a name alone ("47") does not say what was claimed; a whole
long lead sentence says four things. A flag shows the sentence when it is
short, and otherwise the clauses around the fact, cut at clause punctuation.
"""

from __future__ import annotations

import re
from functools import lru_cache

from core.discrepancies.side import Side
from core.model import Span

CLAIM_CHARS = 240  # a longer sentence is cut down to the clause around the fact
_CLAUSE_END = re.compile(r"[;—–]|(?<!\d):(?!\d)|,\s|\s--?\s")  # not a clock's "6:04"


def clause_span(side: Side, span: Span) -> Span:
    """The clause (between clause punctuation, inside the sentence) holding ``span``."""
    start, end = side.sentence_span(span[0])
    text = side.text
    cuts = [m.end() + start for m in _CLAUSE_END.finditer(text[start:end])]
    lo = max((c for c in cuts if c <= span[0]), default=start)
    hi = min((c for c in cuts if c >= span[1]), default=end)
    lo += len(text[lo:hi]) - len(text[lo:hi].lstrip())
    hi = lo + len(text[lo:hi].rstrip(" ,;:—–-"))
    return (min(lo, span[0]), max(hi, span[1]))


def claim_span(side: Side, span: Span) -> Span:
    """The sentence around ``span``, or in a long sentence the clause around it."""
    start, end = side.sentence_span(span[0])
    if end - start <= CLAIM_CHARS:
        return (min(start, span[0]), max(end, span[1]))
    return clause_span(side, span)


def clauses(side: Side, span: Span) -> list[Span]:
    """The clauses of ``span`` in order, trimmed (``span`` itself when it has one)."""
    return list(_clauses(side.text, *span))


@lru_cache(maxsize=16384)
def _clauses(text: str, start: int, end: int) -> tuple[Span, ...]:
    """``clauses`` remembered: several finders cut the same sentences, in each pair
    an article is in (a ``str`` caches its hash, so the key costs little)."""
    cuts = [start, *(m.end() + start for m in _CLAUSE_END.finditer(text[start:end])), end]
    found = []
    for lo, hi in zip(cuts, cuts[1:], strict=False):
        piece = text[lo:hi]
        lo += len(piece) - len(piece.lstrip())
        hi = lo + len(text[lo:hi].rstrip(" ,;:—–-"))
        if hi > lo:
            found.append((lo, hi))
    return tuple(found) or ((start, end),)


def forget_clauses() -> None:
    """Drop remembered clauses (benchmarks time reading, not lookups)."""
    _clauses.cache_clear()
