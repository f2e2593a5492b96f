"""Facts one article states that the other never mentions.

Only unaligned sentences that carry a fact — a figure, a quotation, a claim
credited to a named source — are reported: background paragraphs one outlet
adds are expected and would bury the list. A run of such sentences with no
aligned sentence between them (a block of quotes from a part of the story
the other outlet skipped) is one discrepancy, not one per sentence; the
headline, which restates the lede, is never an omission. A fact
already set against a counterpart (matched quote, paired figure) is not
omitted, merely different — nor is a figure the article repeats (a headline's
"kills 13") once one of its mentions has a counterpart.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import NamedTuple

from core.discrepancies.flag import Flag, flag
from core.discrepancies.quantities import telling
from core.discrepancies.side import Side, overlapping
from core.discrepancies.text import one_line
from core.facts.model import Attribution, Quantity, Quote
from core.model import Span

Fact = Quantity | Quote | Attribution

_WEIGHT = {"number": 1.0, "quote": 0.7, "claim": 0.5}
_RANK = {"number": 0, "quote": 1, "claim": 2}
MAX_GAP_SENTENCES = 1  # fact-less unaligned sentences a run may skip over


class Omitted(NamedTuple):
    span: Span
    sentence: int
    fact: Fact
    what: str  # number | quote | claim


def omissions(side: Side, unaligned: Iterable[Span], name: str, covered: set[Span]) -> list[Flag]:
    """Omission flags for ``side``'s unaligned sentences; ``covered`` spans already have a counterpart."""
    found = []
    previous = -2
    runs: list[list[Omitted]] = []
    for start, end in sorted(unaligned):
        index = side.sentence_index(start)
        if _furniture(side, start) or _headline(side, start, end):
            continue
        fact, what = _strongest_fact(side, start, end, covered)
        if fact is None:
            continue
        item = Omitted((start, end), index, fact, what)
        if (
            runs
            and index - previous <= MAX_GAP_SENTENCES + 1
            and _unbroken(side, previous, index, unaligned)
        ):
            runs[-1].append(item)
        else:
            runs.append([item])
        previous = index
    for run in runs:
        found.append(_run_flag(side, run, name))
    return found


def _unbroken(side: Side, first: int, last: int, unaligned: Iterable[Span]) -> bool:
    """No aligned sentence lies between sentences ``first`` and ``last``."""
    starts = {s for s, _ in unaligned}
    return all(
        side.sentences[i].start in starts or side.sentences[i].boilerplate
        for i in range(first + 1, last)
    )


def _run_flag(side: Side, run: list[Omitted], name: str) -> Flag:
    lead = min(run, key=lambda o: (_RANK[o.what], o.span[0]))
    summary = f"only in {name}: {_describe(side, lead)}"
    if len(run) > 1:
        summary += f" (+{len(run) - 1} more {'sentence' if len(run) == 2 else 'sentences'})"
    span = (run[0].span[0], run[-1].span[1])
    a, b = (span, None) if name == "A" else (None, span)
    severity = "low" if lead.what == "claim" else "medium"  # a claim without figure or quote
    return flag(
        "omission",
        summary,
        a,
        b,
        severity=severity,
        weight=_WEIGHT[lead.what] + 0.05 * (len(run) - 1),
    )


def _describe(side: Side, item: Omitted) -> str:
    fact = item.fact
    if isinstance(fact, Quote):
        speaker = f" — {fact.speaker}" if fact.speaker else ""
        return f'"{one_line(fact.text, 70)}"{speaker}'
    sentence = one_line(side.text[item.span[0] : item.span[1]], 70)
    if item.what == "number":
        return f'{one_line(fact.text, 40)} — "{sentence}"'
    return f'"{sentence}"'


def _headline(side: Side, start: int, end: int) -> bool:
    """A headline restates the story's lede; its figures are not facts of their own.

    Recognised by position (``core.headlines``), as the aligner does, not by
    the article's title field, which may be empty or a page title with the
    site's name.
    """
    return side.headline is not None and start < side.headline[1] and side.headline[0] < end


def _furniture(side: Side, start: int) -> bool:
    if not side.sentences:
        return False
    return side.sentences[side.sentence_index(start)].boilerplate


def _strongest_fact(
    side: Side, start: int, end: int, covered: set[Span]
) -> tuple[Fact | None, str]:
    """The fact that makes an unaligned sentence worth flagging, or None.

    A sentence holding any fact already set against a counterpart has a
    counterpart itself: it was reworded, not omitted.
    """
    facts = side.facts
    quantities = overlapping(facts.quantities, start, end)
    quotes = [q for q in overlapping(facts.quotes, start, end) if not q.short]
    if any((f.start, f.end) in covered for f in [*quantities, *quotes]):
        return None, ""
    settled = {(q.low, q.high) for q in facts.quantities if (q.start, q.end) in covered}
    for q in quantities:
        if (q.low, q.high) not in settled and telling(side.text, q):
            return q, "number"
    if quotes:
        return quotes[0], "quote"
    named = [a for a in overlapping(facts.attributions, start, end) if a.source_key]
    if named:
        return named[0], "claim"
    return None, ""
