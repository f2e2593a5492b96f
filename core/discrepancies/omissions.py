"""Facts one article states that the other never mentions.

Judged claim by claim, not passage by passage: a wire lead that another
outlet rewrote may be aligned and still carry a figure the rewrite dropped
("shares rose 4% on Friday"), and a sentence only one outlet has is worth a
line only when it states something checkable. So each sentence of one
article is read for

- figures whose value the other article never gives for the same thing,
- quotations the other article does not carry,
- claims credited to a named source,
- clauses whose distinctive words (names, rare terms) the other article
  never uses at all,
- in a sentence no link holds, anything it counts, though the same figure
  may recur in the other article for something else;

and each sentence with such a fact is one omission (a figure once however
often it recurs), pointing at the sentence when it is short and at the clause
holding the fact otherwise. A sentence
the other article restates (a passage holds it, or a claim link the link
model is sure of) is only reported for a figure or a quotation the
restatement left out, never for its wording; one that only a weaker link
holds (another sentence on the same topic) is read like a one-sided one.
The headline, which restates the lede, is never an omission; nor is a fact
already set against a counterpart (a paired figure, a matched quote).
"""

from __future__ import annotations

from functools import lru_cache
from itertools import chain
from typing import NamedTuple

from core.discrepancies.claims import claim_span, clauses
from core.discrepancies.flag import Flag, flag
from core.discrepancies.number_conflicts import conversions
from core.discrepancies.quantity_agreement import agree, telling, unit_key
from core.discrepancies.roles import compatible
from core.discrepancies.side import Side, overlapping, per_article, spans_meet
from core.discrepancies.text import (
    is_function_word,
    normalise,
    one_line,
    stem,
    word_count,
    words,
)
from core.facts.fact_records import Attribution, DateRef, Quantity, Quote
from core.facts.numbers import NUMBER_WORDS, parse_word_number
from core.facts.quantities import MINUTE_OF_PLAY
from core.model import Span

Fact = Quantity | Quote | Attribution | DateRef | None

_WEIGHT = {"number": 0.9, "quote": 0.8, "date": 0.6, "claim": 0.5, "detail": 0.35}
_SEVERITY = {"number": "medium", "quote": "low", "date": "low", "claim": "low", "detail": "low"}
#: A clause is news of its own when this many of its distinctive words never
#: appear in the other article, they are most of what it says, and one of
#: them is a name: scenery and background have no names of their own.
NOVEL_WORDS = 3
NOVEL_SHARE = 0.6
#: A restated sentence is reported for a clause only when it is this novel.
NOVEL_WORDS_LINKED = 4
#: A one-sided span shorter than this is seldom a claim of its own (a photo credit,
#: "according to the governor.", the cut-off end of a stored page): it ranks lower.
#: On every annotated event 4 % of them were wanted, against 20 % of longer ones.
FRAGMENT_WORDS = 8
FRAGMENT_PENALTY = 0.3
#: A low omission from a sentence the other article restates in part (a novel clause,
#: a date or quotation it leaves out) is worth less than a claim it lacks altogether:
#: on 205 held-out events 10 % of them were wanted against 15-18 % of the others, on
#: the shared corpus 4 % against 13 %. Chosen by leave-one-event-out over 0 and 0.1-0.4.
LINKED_PENALTY = 0.2


class Omitted(NamedTuple):
    span: Span
    fact: Fact
    what: str  # number | date | quote | claim | detail


def omissions(
    side: Side,
    other: Side,
    linked: set[int],
    covered: set[Span],
    name: str,
    restated: set[int] | None = None,
) -> list[Flag]:
    """Omission flags for ``side`` against ``other``.

    ``linked`` holds the indexes of ``side``'s sentences that take part in an
    alignment, ``restated`` (all of ``linked`` when not given) those a link
    is sure enough of to read them as told in the other article too; ``covered``
    the spans of facts already set against a counterpart. A sentence linked but not
    restated (two sentences on one topic, each with its own fact) is read for a
    credited claim or a novel clause as a one-sided one is, and ranked as linked;
    its figures alone do not make it a claim of its own, since they may be what
    the two sentences share.
    """
    restated = linked if restated is None else restated
    vocabulary = _vocabulary(other)
    other_text = normalise(other.text)
    flags = []
    figures: set[tuple[str, float, float]] = set()  # each omitted figure is reported once
    for index, sentence in enumerate(side.sentences):
        if sentence.boilerplate or sentence.end <= sentence.start:
            continue
        if side.in_headline(sentence.start):
            continue
        if normalise(side.text[sentence.start : sentence.end]) in other_text:
            continue  # the other article says it word for word
        found = _omitted(
            side, other, index, (index in restated, index in linked), covered, vocabulary
        )
        if found is None:
            continue
        if isinstance(found.fact, Quantity):
            figure = (unit_key(found.fact), found.fact.low, found.fact.high)
            if figure in figures:
                continue  # "145 km/h" again in a later sentence: the reader has it already
            figures.add(figure)
        flags.append(_flag(side, found, name, index in linked))
    return _apart(flags)


def _apart(flags: list[Flag]) -> list[Flag]:
    """One flag for each stretch of text: a quotation running over two sentences is
    not omitted a second time beside the figure already flagged in it."""
    kept: list[Flag] = []
    for f in sorted(flags, key=lambda f: -f.weight):
        span = f.a or f.b
        if not any(spans_meet(span, g.a or g.b) for g in kept):
            kept.append(f)
    return sorted(kept, key=lambda f: (f.a or f.b)[0])



def _omitted(
    side: Side,
    other: Side,
    index: int,
    held: tuple[bool, bool],
    covered: set[Span],
    vocabulary: frozenset[str],
) -> Omitted | None:
    """The strongest fact of one sentence that the other article lacks, or None.

    ``held``: whether a sure link restates the sentence, and whether any link holds it.
    """
    restated, linked = held
    sentence = side.sentences[index]
    start, end = sentence.start, sentence.end
    converted = conversions(side)  # "8 km (5 miles)": the 8 km is the fact, once
    for q in overlapping(side.facts.quantities, start, end):
        if (
            (q.start, q.end) not in covered
            and q not in converted
            and q.unit != MINUTE_OF_PLAY  # compared with the other report, never omitted alone
            and telling(side.text, q)
            and not _stated(side, q, other)
        ):
            return Omitted(claim_span(side, (q.start, q.end)), q, "number")
    for d in overlapping(side.facts.dates, start, end):
        if d.kind in _DATED and d.value and (d.start, d.end) not in covered and not _dated(d, other):
            span = claim_span(side, (d.start, d.end)) if restated else claim_span(side, (start, end))
            return Omitted(span, d, "date")
    quotes = [q for q in overlapping(side.facts.quotes, start, end) if not q.short]
    for quote in quotes:
        if (quote.start, quote.end) not in covered:
            return Omitted(claim_span(side, (quote.start, quote.end)), quote, "quote")
    if restated:
        novel = _novel_clause(side, start, end, vocabulary, NOVEL_WORDS_LINKED)
        return Omitted(novel, None, "detail") if novel else None
    named = [a for a in overlapping(side.facts.attributions, start, end) if a.source_key]
    if named and (named[0].start, named[0].end) not in covered:
        return Omitted(claim_span(side, (start, end)), named[0], "claim")
    novel = _novel_clause(side, start, end, vocabulary, NOVEL_WORDS)
    if novel:
        return Omitted(novel, None, "detail")
    # a sentence no link holds that counts something: its figures may recur elsewhere
    # ("five" crew, "five" aircraft), but what it reports with them is this sentence's own;
    # a weak link to a sentence with the same figures says they are one count
    if not linked and any(
        telling(side.text, q) for q in overlapping(side.facts.quantities, start, end)
    ):
        return Omitted(claim_span(side, (start, end)), None, "claim")
    return None


#: Dates a reader can check: a calendar date or a clock time. Weekdays and
#: "today" restate the story's own day in every article that has one.
_DATED = frozenset({"absolute", "time"})


def _dated(d: DateRef, other: Side) -> bool:
    """Whether the other article names this day or time anywhere."""
    return any(x.value == d.value for x in other.facts.dates)


def _stated(side: Side, q: Quantity, other: Side) -> bool:
    """Whether the other article gives this figure anywhere, for the same kind of thing:
    48 taken to hospital is not stated by "more than 40 killed", though 48 is more than 40."""
    unit = unit_key(q)
    exact = q.exact
    if not unit and exact and not q.qualifier and q.low in _spelt_numbers(other):
        return True  # "and 4 to the clinic" / "and four to the clinic": one style each
    by_unit, by_value = _keyed_figures(other)
    candidates = by_unit.get(unit, ())
    if exact:
        candidates = chain(candidates, by_value.get(q.low, ()))
    return any(agree(q, y) and compatible(side, q, other, y) for y in candidates)


class _Keyed(NamedTuple):
    """An article's figures by unit key, and its exact figures by value."""

    by_unit: dict[str, list[Quantity]]
    by_value: dict[float, list[Quantity]]


@per_article
def _keyed_figures(side: Side) -> _Keyed:
    """The article's figures by unit key and its exact ones by value: every figure of
    the other article asks which of them have its unit or, exact, its value, and
    only those are compared."""
    by_unit: dict[str, list[Quantity]] = {}
    by_value: dict[float, list[Quantity]] = {}
    for y in side.facts.quantities:
        by_unit.setdefault(unit_key(y), []).append(y)
        if y.exact and y.unit != MINUTE_OF_PLAY:  # the 64th minute states no 64 fans
            by_value.setdefault(y.low, []).append(y)
    return _Keyed(by_unit, by_value)


@per_article
def _spelt_numbers(side: Side) -> frozenset[float]:
    """Values of the numbers an article writes in words, whether or not the fact reader
    took them for figures: a bare "eight" after a list of counts names no noun of its own."""
    found = set()
    for word, _, _ in words(side.text, 0, len(side.text)):
        folded = word.casefold()
        if folded in NUMBER_WORDS or "-" in folded:
            value = parse_word_number(folded)
            if value is not None:
                found.add(value)
    return frozenset(found)


def _vocabulary(side: Side) -> frozenset[str]:
    """Stems of every content word the article uses outside site furniture."""
    spans = tuple((s.start, s.end) for s in side.sentences if not s.boilerplate)
    return vocabulary_of(side.text, spans)


@lru_cache(maxsize=64)
def vocabulary_of(text: str, spans: tuple[Span, ...]) -> frozenset[str]:
    """Stems of the content words in ``spans`` of ``text``, remembered: an article is the
    other side of several pairs (the omission finder and the omission priority ask)."""
    found: set[str] = set()
    for start, end in spans:
        found.update(stem(w) for w, _, _ in words(text, start, end) if not is_function_word(w))
    return frozenset(found)


def _novel_clause(
    side: Side, start: int, end: int, vocabulary: frozenset[str], needed: int
) -> Span | None:
    """The clause of ``[start, end)`` saying most that the other article never words."""
    best: tuple[int, Span] | None = None
    for clause in clauses(side, (start, end)):
        found = _clause_stems(side.text, *clause, start)
        keys = {k for k, _ in found}
        novel = {k for k in keys if k not in vocabulary and len(k) > 2}
        named = any(capital and k in novel for k, capital in found)
        enough = named and len(novel) >= needed and len(novel) >= NOVEL_SHARE * len(keys)
        if enough and (best is None or len(novel) > best[0]):
            best = (len(novel), clause)
    return best[1] if best else None


@lru_cache(maxsize=32768)
def _clause_stems(text: str, lo: int, hi: int, start: int) -> tuple[tuple[str, bool], ...]:
    """A clause's content stems, each with whether it is capitalised past the sentence's
    first word (``start``); remembered, as the same sentences are read in every pair."""
    return tuple(
        (stem(w), w[:1].isupper() and s > start)
        for w, s, _ in words(text, lo, hi)
        if not is_function_word(w) and not w[:1].isdigit()
    )


def forget_omission_words() -> None:
    """Drop remembered vocabularies and clause stems (benchmarks, tests)."""
    vocabulary_of.cache_clear()
    _clause_stems.cache_clear()


def _flag(side: Side, item: Omitted, name: str, linked: bool) -> Flag:
    summary = f"only in {name}: {_describe(side, item)}"
    a, b = (item.span, None) if name == "A" else (None, item.span)
    weight, severity = _WEIGHT[item.what], _SEVERITY[item.what]
    if word_count(side.text, *item.span) < FRAGMENT_WORDS:
        # a figure in a fragment too: 11 of 114 such medium flags were wanted on 205
        # held-out events, fewer than of the one-sided claims of the low rank
        weight, severity = weight - FRAGMENT_PENALTY, "low"
    if linked and severity == "low":
        weight -= LINKED_PENALTY
    return flag("omission", summary, a, b, severity=severity, weight=weight)


def _describe(side: Side, item: Omitted) -> str:
    fact = item.fact
    if isinstance(fact, Quote):
        speaker = f" — {fact.speaker}" if fact.speaker else ""
        return f'"{one_line(fact.text, 70)}"{speaker}'
    excerpt = one_line(side.text[item.span[0] : item.span[1]], 70)
    if isinstance(fact, Quantity):
        return f'{one_line(fact.text, 40)} — "{excerpt}"'
    return f'"{excerpt}"'
