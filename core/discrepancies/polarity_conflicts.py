"""One article negates what the other asserts, in sentences that were not aligned.

A negated clause ("the ministry denied that troops had crossed the border")
is set against the clause of the other article that says most nearly the same
thing; when that clause carries no negator ("the ministry confirmed that
troops had crossed…"), the two accounts disagree on the fact itself. Only
near-identical clauses are compared — most words shared — because a false
negation alarm sends a fact-checker after a contradiction that is not there.
Inside aligned passages the token changes already find these.
"""

from __future__ import annotations

from bisect import bisect_left
from typing import NamedTuple

from core.discrepancies.flag import Flag, flag
from core.discrepancies.side import Side, per_article
from core.discrepancies.text import NEGATORS, content_keys, one_line, words
from core.facts.fact_records import Polarity
from core.model import Span

MIN_SHARED = 4
MIN_SHARE = 0.7  # of the smaller clause's content words


class Clause(NamedTuple):
    span: Span
    keys: frozenset[str]
    negated: bool
    sentence: int


def polarity_conflicts(sa: Side, sb: Side, aligned: set[tuple[int, int]]) -> list[Flag]:
    flags = []
    clauses_a, clauses_b = _clauses(sa), _clauses(sb)
    for x in clauses_a:
        if (
            x.negated
            and (y := _best(x, clauses_b))
            and not y.negated
            and (x.sentence, y.sentence) not in aligned
        ):
            flags.append(_flag(sa, sb, x, y))
    for y in clauses_b:
        if (
            y.negated
            and (x := _best(y, clauses_a))
            and not x.negated
            and (x.sentence, y.sentence) not in aligned
        ):
            flags.append(_flag(sa, sb, x, y))
    return flags


@per_article
def _clauses(side: Side) -> list[Clause]:
    """Negated clauses, and affirmative ones: affirmative cues and sentences, when free of negators."""
    out = []
    negators = _negator_offsets(side)
    for p in side.facts.polarities:
        if p.negated or not _has_negator(negators, p.start, p.end):
            out.append(
                Clause(
                    (p.start, p.end),
                    frozenset(_keys(side, p.start, p.end, p)),
                    p.negated,
                    p.sentence,
                )
            )
    for index, s in enumerate(side.sentences):
        if not s.boilerplate and not _has_negator(negators, s.start, s.end):
            out.append(
                Clause(
                    (s.start, s.end),
                    frozenset(content_keys(side.text, s.start, s.end)),
                    False,
                    index,
                )
            )
    return out


def _negator_offsets(side: Side) -> list[int]:
    """Where the article's negators start, found in one pass rather than once per clause."""
    return [
        start
        for w, start, _ in words(side.text, 0, len(side.text))
        if w.casefold().replace("’", "'") in NEGATORS
    ]


def _has_negator(negators: list[int], start: int, end: int) -> bool:
    index = bisect_left(negators, start)
    return index < len(negators) and negators[index] < end


def _keys(side: Side, start: int, end: int, p: Polarity) -> set[str]:
    cue = p.cue.casefold()
    return {k for k in content_keys(side.text, start, end) if not cue.startswith(k)}


def _best(x: Clause, others: list[Clause]) -> Clause | None:
    best, best_shared = None, 0
    for y in others:
        shared = len(x.keys & y.keys)
        smaller = min(len(x.keys), len(y.keys))
        if shared >= MIN_SHARED and shared >= MIN_SHARE * smaller and shared > best_shared:
            best, best_shared = y, shared
    return best


def _flag(sa: Side, sb: Side, x: Clause, y: Clause) -> Flag:
    ta, tb = sa.text[x.span[0] : x.span[1]], sb.text[y.span[0] : y.span[1]]
    summary = f'negation: "{one_line(ta, 70)}" vs "{one_line(tb, 70)}"'
    return flag("negation", summary, x.span, y.span)
