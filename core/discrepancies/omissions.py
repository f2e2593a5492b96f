"""Facts one article states that the other never mentions.

Only unaligned sentences that carry a fact — a figure, a quotation, a claim
credited to a named source — are reported, one discrepancy per sentence:
background paragraphs one outlet adds are expected and would bury the list.
A fact that was already set against a counterpart (matched quote, paired
figure) is not omitted, merely different.
"""

from __future__ import annotations

from collections.abc import Iterable

from core.discrepancies.flag import Flag, flag
from core.discrepancies.side import Side, overlapping
from core.discrepancies.text import one_line
from core.facts.model import Quantity
from core.model import Span

_WEIGHT = {"number": 1.0, "quote": 0.8, "claim": 0.5}


def omissions(side: Side, unaligned: Iterable[Span], name: str, covered: set[Span]) -> list[Flag]:
    """Omission flags for ``side``'s unaligned sentences; ``covered`` spans already have a counterpart."""
    flags = []
    for start, end in unaligned:
        if _furniture(side, start):
            continue
        fact, what = _strongest_fact(side, start, end, covered)
        if fact is None:
            continue
        sentence = one_line(side.text[start:end], 70)
        summary = f'only in {name}: {one_line(fact, 50)} — "{sentence}"' if what != "claim" else (
            f'only in {name}: "{sentence}"'
        )
        span = (start, end)
        a, b = (span, None) if name == "A" else (None, span)
        flags.append(flag("omission", summary, a, b, weight=_WEIGHT[what]))
    return flags


def _furniture(side: Side, start: int) -> bool:
    if not side.sentences:
        return False
    return side.sentences[side.sentence_index(start)].boilerplate


def _strongest_fact(side: Side, start: int, end: int, covered: set[Span]) -> tuple[str | None, str]:
    facts = side.facts
    for q in overlapping(facts.quantities, start, end):
        if (q.start, q.end) not in covered and _telling(q):
            return q.text, "number"
    for q in overlapping(facts.quotes, start, end):
        if not q.short and (q.start, q.end) not in covered:
            return q.text, "quote"
    named = [a for a in overlapping(facts.attributions, start, end) if a.source_key]
    if named:
        return named[0].text, "claim"
    return None, ""


def _telling(q: Quantity) -> bool:
    """"One country", "a spectator": a lone spelled-out one is grammar, not a figure."""
    return not (q.exact and q.low <= 1 and not any(ch.isdigit() for ch in q.text))
