"""One claim told so that it means something else: hedged against stated, or opposite.

"The probe landed near the pole" and "the probe is scheduled to land near the
pole" share nearly every word, so a wording score calls them the same; a
reader is told two different things. Likewise "shares rose after the
results" and "shares fell after the results". For each pair of sentences
that report one claim (a passage or a likely claim link), the clause pairs
that restate each other are read for a hedge (``core/lexicon/hedges.txt``)
on one side only, or for words of opposite sense (``core/lexicon/opposites.txt``)
— a medium wording discrepancy, ranked above cosmetic rewording.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from typing import NamedTuple

from core import lexicon
from core.discrepancies.claims import clauses
from core.discrepancies.flag import Flag, flag
from core.discrepancies.side import Side
from core.discrepancies.text import is_function_word, one_line, stem, words
from core.model import Alignment, Span

HEDGES = tuple(tuple(phrase.split()) for phrase in sorted(lexicon.words("hedges")))
_BY_FIRST: dict[str, tuple[tuple[str, ...], ...]] = {}
for _phrase in HEDGES:  # a clause's words are looked up, not every phrase tried at every word
    _BY_FIRST[_phrase[0]] = (*_BY_FIRST.get(_phrase[0], ()), _phrase)


def _opposites() -> dict[str, tuple[int, int]]:
    """word → (pair number, side 0 or 1) from opposites.txt."""
    found: dict[str, tuple[int, int]] = {}
    for number, line in enumerate(lexicon.lines("opposites")):
        for side, forms in enumerate(line.split("|")):
            for word in forms.split():
                found.setdefault(word, (number, side))
    return found


OPPOSITES = _opposites()
MIN_LINK = 0.37  # claim links less likely are not read (the link model's "wording" evidence)
MIN_SHARED = 3  # content words two clauses share to be one claim
MIN_SHARE = 0.5  # …and at least this share of the shorter clause's: the same claim, not one topic
WEIGHT = 0.7


def meaning_shifts(sa: Side, sb: Side, alignments: Sequence[Alignment]) -> list[Flag]:
    flags = []
    used: set[tuple[int, Span]] = set()
    for index, al in enumerate(alignments):
        if not al.primary and al.score < MIN_LINK:
            continue
        for a in al.a:
            for b in al.b:
                found = _differs(sa, sb, a, b)
                if found is None or (0, found[0]) in used or (1, found[1]) in used:
                    continue
                span_a, span_b, cue = found
                used.update({(0, span_a), (1, span_b)})
                ta, tb = one_line(sa.text[slice(*span_a)], 50), one_line(sb.text[slice(*span_b)], 50)
                summary = f'{cue}: "{ta}" vs "{tb}"'
                flags.append(flag("wording", summary, span_a, span_b, index, "medium", WEIGHT))
    return flags


def _differs(sa: Side, sb: Side, a: Span, b: Span) -> tuple[Span, Span, str] | None:
    """Of the clause pairs that restate each other, the closest whose sense differs.

    Each clause is read against its closest counterpart only: a clause the other
    side restates word for word is told the same, even when a neighbouring
    clause there says the opposite of something else.
    """
    best: tuple[int, Span, Span, str] | None = None
    clauses_b = [(cb, *_read(sb.text, *cb)) for cb in clauses(sb, b)]
    for ca in clauses(sa, a):
        stems_a, reading_a = _read(sa.text, *ca)
        shifts = [_shift(reading_a, reading_b) for _, _, reading_b in clauses_b]
        if not any(shifts):
            continue  # most clauses: nothing hedged or opposed, nothing to count
        counts = [len(stems_a & stems_b) for _, stems_b, _ in clauses_b]
        most = max(counts)
        if most < MIN_SHARED or (best is not None and most <= best[0]):
            continue
        closest = [k for k, n in enumerate(counts) if n == most]
        if not all(shifts[k] for k in closest):
            continue  # restated as it is by its closest counterpart
        cb, stems_b, _ = clauses_b[closest[0]]
        if most >= MIN_SHARE * min(len(stems_a), len(stems_b)):
            best = (most, ca, cb, shifts[closest[0]])
    return None if best is None else best[1:]


class _Reading(NamedTuple):
    hedge: str  # the hedge phrase, "" when stated outright
    senses: dict[int, tuple[int, str]]  # opposites pair → (side, the word)


@lru_cache(maxsize=16384)
def _read(text: str, start: int, end: int) -> tuple[frozenset[str], _Reading]:
    """A clause's content stems and reading, remembered: an article's clauses are read
    again for every sentence they are set against, in each of its pairs (only read,
    never changed, so the remembered reading is shared)."""
    return _stems(text, start, end), _reading(text, start, end)


def forget_readings() -> None:
    """Drop remembered clause readings (benchmarks time reading, not lookups)."""
    _read.cache_clear()


def _reading(text: str, start: int, end: int) -> _Reading:
    tokens = [w.casefold() for w, _, _ in words(text, start, end)]
    senses: dict[int, tuple[int, str]] = {}
    for t in tokens:
        if t in OPPOSITES:
            pair, which = OPPOSITES[t]
            senses.setdefault(pair, (which, t))
    return _Reading(_hedge(tokens), senses)


def _shift(x: _Reading, y: _Reading) -> str:
    """How two readings of one claim differ in sense, or "" when they agree."""
    if bool(x.hedge) != bool(y.hedge):
        return f"stated vs {y.hedge!r}" if y.hedge else f"{x.hedge!r} vs stated"
    for pair, (side_x, word_x) in x.senses.items():
        found = y.senses.get(pair)
        if found and found[0] != side_x:
            return f"opposite: {word_x!r} vs {found[1]!r}"
    return ""


def _stems(text: str, start: int, end: int) -> frozenset[str]:
    return frozenset(
        stem(w)
        for w, _, _ in words(text, start, end)
        if not is_function_word(w) and not w[:1].isdigit()
    )


def _hedge(tokens: list[str]) -> str:
    for i, token in enumerate(tokens):
        for phrase in _BY_FIRST.get(token, ()):
            if tuple(tokens[i : i + len(phrase)]) == phrase:
                return " ".join(phrase)
    return ""
