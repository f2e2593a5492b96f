"""Whether two facts in different articles speak of the same thing.

Two figures or dates are about the same thing when the words around them
overlap (``killed``… ``people``; ``troops``… ``border``) — or, more
strongly, when their sentences were aligned as reporting the same passage.
Pairs are then matched one-to-one, best first, so an article that agrees on
one figure is never set against a different figure about something else.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from functools import lru_cache
from typing import TypeVar

from core.discrepancies.side import Side
from core.discrepancies.text import is_function_word, stem, tokens
from core.model import Alignment, Token

R = TypeVar("R")
S = TypeVar("S")

ALIGNED_BONUS = 3.0
CONTEXT_RADIUS = 8  # words either side of a fact that say what it is about
_BOUNDARY_MARKS = frozenset({";", "—", "–"})
_BOUNDARY_WORDS = frozenset({"while", "whereas", "but", "although", "though", "and"})


def aligned_sentences(sa: Side, sb: Side, alignments: Sequence[Alignment]) -> set[tuple[int, int]]:
    pairs = set()
    for al in alignments:
        for a0, _ in al.a:
            for b0, _ in al.b:
                pairs.add((sa.sentence_index(a0), sb.sentence_index(b0)))
    return pairs


def context(side: Side, start: int, end: int, radius: int = CONTEXT_RADIUS) -> set[str]:
    """Content-word stems near ``[start, end)`` inside its sentence."""
    return set(weighted_context(side, start, end, radius))


def weighted_context(
    side: Side, start: int, end: int, radius: int = CONTEXT_RADIUS
) -> dict[str, float]:
    """Content-word stems near ``[start, end)``, weighted 1 inside its clause and ½ beyond.

    "Activision shares jumped 26%, while Microsoft shares fell 2%": 26% is
    about Activision, even though Microsoft is only a few words away.
    """
    s0, s1 = side.sentence_span(start)
    before = tokens(side.text, s0, start)
    after = tokens(side.text, end, max(end, s1))
    weights: dict[str, float] = {}
    for run in (_walk_stems(reversed(before), radius), _walk_stems(after, radius)):
        for key, weight in run:
            if weights.get(key, 0.0) < weight:
                weights[key] = weight
    return weights


_CLAUSE_BREAKS = _BOUNDARY_WORDS - {"and"}


def clause_context(
    side: Side, start: int, end: int, radius: int = CONTEXT_RADIUS, names_only: bool = False
) -> set[str]:
    """Content-word stems of the clause around ``[start, end)``: up to "but", "while"…
    or a semicolon or dash, but across "and" ("29.1% and 54 seats"). With
    ``names_only``, only its capitalised words (who or what the clause names)."""
    s0, s1 = side.sentence_span(start)
    found: set[str] = set()
    for run in (reversed(tokens(side.text, s0, start)), tokens(side.text, end, max(end, s1))):
        seen = 0
        for token in run:
            _, breaks_clause, is_word, key = _token_kind(token.text)
            if breaks_clause:
                break
            if not is_word:
                continue
            seen += 1
            if seen > radius:
                break
            if key is not None and (not names_only or token.text[:1].isupper()):
                found.add(key)
    return found


def weighted_overlap(x: dict[str, float], y: dict[str, float]) -> float:
    return sum(min(x[k], y[k]) for k in x.keys() & y.keys())


@lru_cache(maxsize=65536)
def _token_kind(text: str) -> tuple[bool, bool, bool, str | None]:
    """How the context walks read one token: (a clause boundary for ``_walk_stems``, a
    clause break for ``clause_context``, a word, its stem when a content word)."""
    folded = text.casefold()
    marks = text in _BOUNDARY_MARKS
    boundary = marks or folded in _BOUNDARY_WORDS
    breaks = marks or folded in _CLAUSE_BREAKS
    is_word = any(ch.isalnum() for ch in text)
    key = stem(text) if is_word and not is_function_word(text) and not text[0].isdigit() else None
    return boundary, breaks, is_word, key


def _walk_stems(tokens: Iterable[Token], radius: int) -> list[tuple[str, float]]:
    """Content-word stems in reading distance order, halved once a clause boundary is crossed."""
    out: list[tuple[str, float]] = []
    weight = 1.0
    seen = 0
    for token in tokens:
        boundary, _, is_word, key = _token_kind(token.text)
        if boundary:
            weight = 0.5
            continue
        if not is_word:
            continue
        seen += 1
        if seen > radius:
            break
        if key is not None:
            out.append((key, weight))
    return out


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
    return best_first(left, right, scored)


def best_first(
    left: Sequence[R], right: Sequence[S], scored: list[tuple[float, int, int]]
) -> list[tuple[R, S, float]]:
    """Greedy one-to-one choice from ``(score, i, j)`` candidates, best first."""
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
