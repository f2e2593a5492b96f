"""The discrepancy pipeline: passages, cross-article facts, omissions, then ranking."""

from __future__ import annotations

from collections.abc import Sequence

from core.discrepancies.attribution_conflicts import attribution_conflicts
from core.discrepancies.date_conflicts import date_conflicts
from core.discrepancies.entity_conflicts import entity_conflicts
from core.discrepancies.fingerprint import assign_ids
from core.discrepancies.flag import Flag
from core.discrepancies.number_conflicts import number_conflicts, paired_figures
from core.discrepancies.omissions import omissions
from core.discrepancies.passages import passage_flags
from core.discrepancies.polarity_conflicts import polarity_conflicts
from core.discrepancies.quote_conflicts import QuoteWords, matched_quotes, quote_conflicts
from core.discrepancies.ranking import deduplicate, rank
from core.discrepancies.side import Side, build_side
from core.discrepancies.subject import aligned_sentences
from core.facts.model import Facts, Quantity
from core.facts.names import fold
from core.model import Alignment, Article, Discrepancy, Span


def find_discrepancies(
    a: Article,
    b: Article,
    alignments: Sequence[Alignment],
    unaligned_a: Sequence[Span],
    unaligned_b: Sequence[Span],
    facts_a: Facts,
    facts_b: Facts,
) -> tuple[Discrepancy, ...]:
    """Typed, deduplicated, ranked discrepancies between two compared articles."""
    sa, sb = build_side(a, facts_a), build_side(b, facts_b)
    aligned = aligned_sentences(sa, sb, alignments)
    quotes = matched_quotes(sa, sb)
    figures = paired_figures(sa, sb, aligned)
    claims = [(x.quote.sentence, y.quote.sentence) for x, y in quotes]
    claims += [(x.sentence, y.sentence) for x, y in figures]
    fact_flags = (
        number_conflicts(figures)
        + date_conflicts(sa, sb, aligned)
        + quote_conflicts(sa, sb, quotes)
        + attribution_conflicts(sa, sb, [c for c in claims if c not in aligned])
        + entity_conflicts(sa, sb)
        + polarity_conflicts(sa, sb, aligned)
    )
    covered_a, covered_b = _covered(fact_flags, quotes, figures)
    fact_flags += omissions(sa, unaligned_a, "A", covered_a)
    fact_flags += omissions(sb, unaligned_b, "B", covered_b)
    passages = _without_known_spellings(passage_flags(sa, sb, alignments), fact_flags, sa, sb)
    flags = deduplicate(passages, fact_flags)
    return _publish(rank(flags, sa.words + sb.words), a.text, b.text)


def _without_known_spellings(
    passages: list[Flag], fact_flags: list[Flag], sa: Side, sb: Side
) -> list[Flag]:
    """Drop a passage's name swap that repeats a spelling already flagged once.

    "Elena Varga" / "Elena Vargas" is reported at its first occurrence; every
    later sentence writing "Varga" / "Vargas" says nothing new.
    """
    spelt = {
        (_last_word(sa.text, f.a), _last_word(sb.text, f.b))
        for f in fact_flags
        if f.kind == "entity" and f.a and f.b
    }
    return [
        f
        for f in passages
        if not (
            f.kind == "entity"
            and f.a
            and f.b
            and (_last_word(sa.text, f.a), _last_word(sb.text, f.b)) in spelt
        )
    ]


def _last_word(text: str, span: Span) -> str:
    words = text[span[0] : span[1]].split()
    return fold(words[-1]).strip(".,;:") if words else ""


def _covered(
    flags: list[Flag],
    quotes: list[tuple[QuoteWords, QuoteWords]],
    figures: list[tuple[Quantity, Quantity]],
) -> tuple[set[Span], set[Span]]:
    """Spans of facts already set against a counterpart: not omitted, merely different (or equal)."""
    covered_a = {f.a for f in flags if f.a is not None}
    covered_b = {f.b for f in flags if f.b is not None}
    for x, y in quotes:
        covered_a.add((x.quote.start, x.quote.end))
        covered_b.add((y.quote.start, y.quote.end))
    for qa, qb in figures:
        covered_a.add((qa.start, qa.end))
        covered_b.add((qb.start, qb.end))
    return covered_a, covered_b


def _publish(flags: list[Flag], text_a: str, text_b: str) -> tuple[Discrepancy, ...]:
    ids = assign_ids(flags, text_a, text_b)
    return tuple(
        Discrepancy(ident, f.kind, f.severity, f.summary, f.a, f.b, f.alignment)
        for ident, f in zip(ids, flags, strict=True)
    )
