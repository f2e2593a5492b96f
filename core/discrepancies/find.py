"""The discrepancy pipeline: passages, cross-article facts, omissions, then ranking."""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple

from core.discrepancies.ages import age_conflicts
from core.discrepancies.attribution_conflicts import (
    attribution_conflicts,
    lone_relays,
    story_conflicts,
    wire_conflicts,
)
from core.discrepancies.claims import claim_span, clause_span
from core.discrepancies.date_conflicts import date_conflicts, time_conflicts
from core.discrepancies.described_people import gender_conflicts, status_conflicts
from core.discrepancies.fingerprint import assign_ids
from core.discrepancies.flag import Flag
from core.discrepancies.meaning_shifts import meaning_shifts
from core.discrepancies.nil_reports import nil_report_conflicts
from core.discrepancies.number_conflicts import (
    lead_tolls,
    number_conflicts,
    paired_figures,
    second_counts,
    unlinked_figures,
)
from core.discrepancies.omissions import omissions
from core.discrepancies.passages import passage_flags
from core.discrepancies.polarity_conflicts import polarity_conflicts
from core.discrepancies.quote_conflicts import QuoteWords, matched_quotes, quote_conflicts
from core.discrepancies.quoted_claims import quoted_claims
from core.discrepancies.ranking import deduplicate, figures_once, rank
from core.discrepancies.renamings import renamings
from core.discrepancies.rewordings import rewordings
from core.discrepancies.side import Side, build_side
from core.discrepancies.spellings import reordered_names, spelling_variants
from core.discrepancies.subject import aligned_sentences
from core.discrepancies.text import word_count
from core.discrepancies.unknown_counts import unknown_count_conflicts
from core.discrepancies.year_conflicts import year_conflicts
from core.facts.fact_records import Facts, Quantity
from core.facts.names import fold
from core.model import Alignment, Article, Discrepancy, Span

#: Probability from which a claim link counts as "these sentences state one claim" for the
#: finders (credits, figures, omissions); weaker links are possible counterparts to look at.
#: The link model's "claim" evidence (core/matchers/link_model.json): links this likely
#: were right in 54 % of held-out cases.
CLAIM_EVIDENCE = 0.24
#: Probability from which a claim link says the other article restates a sentence, so
#: that the omission finder reads it only for a figure, date or quotation the restatement
#: dropped: the link model's sure threshold (core/matchers/link_model.json), where a pair
#: links whatever else competes for it. A sentence only a weaker link holds is read for
#: a credited claim or a novel clause as a one-sided one is, and ranked as linked
#: (docs/discrepancies.md).
RESTATED_EVIDENCE = 0.4
#: Probability from which the finders read a claim link at all. The aligner draws a
#: sentence's likeliest counterparts from a lower probability (the link model's related
#: threshold), faint for the reader to judge; the finders read only those this likely,
#: the links the aligner drew until engine 48 (top three from 0.10: 1.32 links per
#: sentence, 37 % of them gold pairs held out), so a fainter link neither ties two
#: figures nor attaches a flag (docs/alignment.md).
READ_EVIDENCE = 0.10


def read_links(alignments: Sequence[Alignment]) -> list[int]:
    """Indexes of the alignments the finders read: every passage, and each claim link
    from ``READ_EVIDENCE`` up."""
    return [i for i, al in enumerate(alignments) if al.primary or al.score >= READ_EVIDENCE]


class Candidates(NamedTuple):
    """Every discrepancy found between two articles, before ranking and the budget."""

    flags: list[Flag]
    texts: tuple[str, str]
    words: int  # of both articles, which sets the budget


def find_discrepancies(
    a: Article,
    b: Article,
    alignments: Sequence[Alignment],
    facts_a: Facts,
    facts_b: Facts,
    *,
    capped: bool = True,
) -> tuple[Discrepancy, ...]:
    """Typed, deduplicated, ranked discrepancies between two compared articles.

    ``capped`` off returns every candidate, before the reading budget
    (``core.discrepancies.ranking``) keeps the most valuable.
    """
    found = candidate_flags(a, b, alignments, facts_a, facts_b)
    return _publish(rank(found.flags, found.words, capped, found.texts), a.text, b.text)


def candidate_flags(
    a: Article,
    b: Article,
    alignments: Sequence[Alignment],
    facts_a: Facts,
    facts_b: Facts,
) -> Candidates:
    """Every flag the finders raise, deduplicated but not yet ranked (the ranking is
    tuned on these: benchmarks/tune_priority.py). Links too faint for the finders
    (``READ_EVIDENCE``) are left out; a flag's alignment indexes ``alignments``."""
    sa, sb = build_side(a, facts_a), build_side(b, facts_b)
    read = read_links(alignments)
    flags = _flags(sa, sb, [alignments[i] for i in read])
    if len(read) < len(alignments):
        flags = [f if f.alignment is None else f._replace(alignment=read[f.alignment]) for f in flags]
    return Candidates(flags, (sa.text, sb.text), sa.words + sb.words)


def _flags(sa: Side, sb: Side, alignments: Sequence[Alignment]) -> list[Flag]:
    """Every finder's flags, over the alignments the finders read."""
    # weak claim links are shown as possible counterparts, not read as one claim
    aligned = aligned_sentences(
        sa, sb, [al for al in alignments if al.primary or al.score >= CLAIM_EVIDENCE]
    )
    quotes = matched_quotes(sa, sb)
    figures = paired_figures(sa, sb, aligned)
    figures += second_counts(sa, sb, figures)
    figures += lead_tolls(sa, sb, figures)
    claims = [(x.quote.sentence, y.quote.sentence) for x, y in quotes]
    claims += [(x.sentence, y.sentence) for x, y in figures]
    claim_pairs = _strongest_first(sa, sb, alignments, claims)
    fact_flags = (
        number_conflicts(figures, (sa, sb))
        + date_conflicts(sa, sb, aligned)
        + time_conflicts(sa, sb, aligned)
        + year_conflicts(sa, sb, aligned)
        + quote_conflicts(sa, sb, quotes)
        + attribution_conflicts(sa, sb, claim_pairs)
        + wire_conflicts(sa, sb)
        + polarity_conflicts(sa, sb, aligned)
        + nil_report_conflicts(sa, sb)
        + unknown_count_conflicts(sa, sb)
        + gender_conflicts(sa, sb, aligned)
        + status_conflicts(sa, sb)
        + reordered_names(sa, sb, aligned)
        + age_conflicts(sa, sb)
    )
    fact_flags += story_conflicts(sa, sb, fact_flags)
    fact_flags += lone_relays(sa, sb, claim_pairs, fact_flags)
    matched = {(x.quote.start, x.quote.end) for x, _ in quotes}
    matched |= {(y.quote.start, y.quote.end) for _, y in quotes}
    fact_flags += quoted_claims(sa, sb, alignments, matched)
    spellings = spelling_variants(sa, sb)
    fact_flags += spellings + renamings(sa, sb, alignments)
    covered_a, covered_b = _covered(fact_flags, quotes, figures)
    restated = aligned_sentences(
        sa, sb, [al for al in alignments if al.primary or al.score >= RESTATED_EVIDENCE]
    )
    fact_flags += omissions(
        sa, sb, {i for i, _ in aligned}, covered_a, "A", {i for i, _ in restated}
    )
    fact_flags += omissions(
        sb, sa, {j for _, j in aligned}, covered_b, "B", {j for _, j in restated}
    )
    passages = _without_known_spellings(passage_flags(sa, sb, alignments), spellings, sa, sb)
    passages += rewordings(sa, sb, alignments)
    fact_flags += meaning_shifts(sa, sb, alignments)
    flags = _attach_alignments(deduplicate(passages, fact_flags), alignments, sa, sb)
    return unlinked_figures(figures_once(flags, sa.text, sb.text), sa, sb, figures)


def _strongest_first(
    sa: Side, sb: Side, alignments: Sequence[Alignment], claims: list[tuple[int, int]]
) -> list[tuple[int, int]]:
    """Sentence pairs that state one claim, the surest first: each credit is set against
    one other at most, so a weak link must not take a credit a passage pair needs."""
    ranked = sorted(
        (al for al in alignments if al.primary or al.score >= CLAIM_EVIDENCE),
        key=lambda al: (not al.primary, -al.score),
    )
    primary = [p for al in ranked if al.primary for p in aligned_sentences(sa, sb, [al])]
    weaker = [p for al in ranked if not al.primary for p in aligned_sentences(sa, sb, [al])]
    return list(dict.fromkeys([*primary, *claims, *weaker]))


def _attach_alignments(
    flags: list[Flag], alignments: Sequence[Alignment], sa: Side, sb: Side
) -> list[Flag]:
    """Give a fact-level flag the alignment (passage first, then claim link) that holds
    both its sides, so the window and the report show it with its two sentences.

    Two figures or credits set against each other from sentences no alignment
    links (the figures of one toll in unrelated sentences) are widened instead:
    a figure to its clause ("47" alone does not say what was counted), a credit
    to the claim it credits, the sentence or a long sentence's clause ("reports
    X" alone does not say what was said). Days and quotes say what they are and
    keep their own words.
    """
    order = sorted(range(len(alignments)), key=lambda i: not alignments[i].primary)
    rank = {i: r for r, i in enumerate(order)}
    holders_a = _holders(alignments, "a")
    holders_b = _holders(alignments, "b")
    out = []
    for f in flags:
        if f.alignment is None and f.a is not None and f.b is not None:
            both = _holding(holders_a, f.a) & _holding(holders_b, f.b)
            found = min(both, key=rank.__getitem__) if both else None
            f = f._replace(alignment=found)
            if found is None and f.kind == "number":
                f = f._replace(a=_figure_span(sa, f.a), b=_figure_span(sb, f.b))
            elif found is None and f.kind == "attribution":
                f = f._replace(a=claim_span(sa, f.a), b=claim_span(sb, f.b))
        out.append(f)
    return out


#: A clause adding fewer words than this to its figure says nothing of what was counted.
CLAUSE_WORDS = 2


def _figure_span(side: Side, span: Span) -> Span:
    """What a figure is shown with: its clause, or a whole headline, whose commas
    part items of one short line ("Massacre in Vienna, six dead") rather than clauses;
    a clause that is the figure alone, before an aside, gives way to the sentence."""
    if side.in_headline(span[0]):
        return claim_span(side, span)
    clause = clause_span(side, span)
    if word_count(side.text, *clause) - word_count(side.text, *span) < CLAUSE_WORDS:
        return claim_span(side, span)  # "Twelve workers, most of them welders, were hurt"
    return clause


def _holders(alignments: Sequence[Alignment], side: str) -> dict[Span, set[int]]:
    """Each sentence span of one side and the alignments that hold it: a flag looks up
    the few spans around it instead of every span of every alignment."""
    found: dict[Span, set[int]] = {}
    for i, al in enumerate(alignments):
        for span in al.a if side == "a" else al.b:
            found.setdefault(span, set()).add(i)
    return found


def _holding(holders: dict[Span, set[int]], span: Span) -> set[int]:
    """The alignments with a sentence span holding ``span``."""
    out: set[int] = set()
    for (start, end), held in holders.items():
        if start <= span[0] and span[1] <= end:
            out |= held
    return out


def _without_known_spellings(
    passages: list[Flag], spellings: list[Flag], sa: Side, sb: Side
) -> list[Flag]:
    """Drop a passage's name swap that repeats a spelling already flagged once.

    "Elena Varga" / "Elena Vargas" is reported at its first occurrence; every
    later sentence writing "Varga" / "Vargas" says nothing new.
    """
    spelt = {(_last_word(sa.text, f.a), _last_word(sb.text, f.b)) for f in spellings if f.a and f.b}
    return [
        f
        for f in passages
        if not (
            f.kind in ("entity", "wording")
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
