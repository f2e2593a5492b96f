"""Whether two facts in different articles speak of the same thing.

Two figures or dates are about the same thing when the words around them
overlap (``killed``… ``people``; ``troops``… ``border``) — or, more
strongly, when their sentences were aligned as reporting the same passage.
Pairs are then matched one-to-one, best first, so an article that agrees on
one figure is never set against a different figure about something else.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TypeVar

from core.discrepancies.side import Side
from core.discrepancies.text import content_keys, words
from core.model import Alignment

R = TypeVar("R")
S = TypeVar("S")

ALIGNED_BONUS = 3.0
CONTEXT_RADIUS = 8  # words either side of a fact that say what it is about


def aligned_sentences(sa: Side, sb: Side, alignments: Sequence[Alignment]) -> set[tuple[int, int]]:
    pairs = set()
    for al in alignments:
        for a0, _ in al.a:
            for b0, _ in al.b:
                pairs.add((sa.sentence_index(a0), sb.sentence_index(b0)))
    return pairs


def context(side: Side, start: int, end: int, radius: int = CONTEXT_RADIUS) -> set[str]:
    """Content-word stems near ``[start, end)`` inside its sentence."""
    s0, s1 = side.sentence_span(start)
    before = words(side.text, s0, start)[-radius:]
    after = words(side.text, end, max(end, s1))[:radius]
    lo = before[0][1] if before else start
    hi = after[-1][2] if after else end
    return content_keys(side.text, lo, start) | content_keys(side.text, end, hi)


def match_pairs(
    left: Sequence[R],
    right: Sequence[S],
    score: Callable[[R, S], float],
    threshold: float,
) -> list[tuple[R, S, float]]:
    """One-to-one pairs scoring at least ``threshold``, best first (greedy)."""
    scored = []
    for i, x in enumerate(left):
        for j, y in enumerate(right):
            s = score(x, y)
            if s >= threshold:
                scored.append((s, i, j))
    scored.sort(key=lambda t: (-t[0], t[1], t[2]))
    used_left: set[int] = set()
    used_right: set[int] = set()
    out = []
    for s, i, j in scored:
        if i in used_left or j in used_right:
            continue
        used_left.add(i)
        used_right.add(j)
        out.append((left[i], right[j], s))
    return out
