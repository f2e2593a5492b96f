"""One remark quoted in one article and told otherwise in the other.

Outlets rarely quote a speaker the same way. One prints the words between
quotation marks; another paraphrases them, quotes a translation, or quotes
a different sentence of the same remark. Matched quotations (most words in
order, :mod:`.quote_conflicts`) miss all of that, and each side's quotation
would otherwise be reported as an omission. A claim link already says the
two sentences report the same thing, so a quotation inside a linked
sentence that has no matched counterpart is set against the other side:
against its own quotation when it has one (the remark in other words), or
against the clause that reports it (a quotation against a paraphrase). The
reader then checks the exact words once, instead of reading two omissions.
"""

from __future__ import annotations

from collections.abc import Sequence

from core.discrepancies.claims import clauses
from core.discrepancies.flag import Flag, flag
from core.discrepancies.quote_conflicts import quote_words_of
from core.discrepancies.side import Side, overlapping, per_article
from core.discrepancies.text import is_function_word, one_line, stem, words
from core.facts.fact_records import Quote
from core.model import Alignment, Span

#: Claim links from this probability read a quotation on one side as the other's remark
#: (the link model's "claim" evidence, as for figures and credits).
QUOTE_LINK = 0.24
#: The remark's own content words the other side must share, as a share of the remark's:
#: a link pairs sentences, not clauses, and a long quote may sit beside another claim.
SHARED_SHARE = 0.34
#: At least this many shared words, unless the remark itself has at most this many.
MIN_SHARED = 2
#: A remark told in other words is a low flag, after one-sided claims and before mere
#: details: on 121 held-out events one in ten such flags was wanted, against about one
#: in five omitted claims, and one in eight raised an annotated trap.
SEVERITY = "low"
WEIGHT = 0.45


def quoted_claims(
    sa: Side, sb: Side, alignments: Sequence[Alignment], matched: set[Span]
) -> list[Flag]:
    """Quotations in linked sentences without a matched counterpart.

    ``matched`` holds the spans of quotations already matched word for word;
    each quotation and each reporting clause is used once.
    """
    used: set[tuple[int, Span]] = set()
    flags = []
    for index, link in enumerate(alignments):
        if link.primary or link.score < QUOTE_LINK:
            continue
        a, b = link.a[0], link.b[0]
        if sa.in_headline(*a) or sb.in_headline(*b):
            continue  # a headline restates the story in its own words, quotes included
        found = _pair(sa, sb, a, b, matched, used)
        if found is not None:
            span_a, span_b, summary = found
            used.update({(0, span_a), (1, span_b)})
            flags.append(flag("quote", summary, span_a, span_b, index, SEVERITY, WEIGHT))
    return flags


def _pair(
    sa: Side,
    sb: Side,
    a: Span,
    b: Span,
    matched: set[Span],
    used: set[tuple[int, Span]],
) -> tuple[Span, Span, str] | None:
    qa = _open_quotes(sa, a, matched, used, 0, _quoted_words(sb))
    qb = _open_quotes(sb, b, matched, used, 1, _quoted_words(sa))
    if qa and qb:
        x, y = max(((x, y) for x in qa for y in qb), key=lambda p: _overlap(sa, sb, p[0], p[1]))
        if _overlap(sa, sb, x, y) > 0:
            summary = f'quote: "{one_line(x.text, 50)}" vs "{one_line(y.text, 50)}"'
            return (x.start, x.end), (y.start, y.end), summary
        return None
    if qa:
        clause = _reporting_clause(sa, sb, qa[0], b, used, 1)
        if clause is not None:
            told = one_line(sb.text[clause[0] : clause[1]], 50)
            summary = f'quoted in A, told in other words in B: "{one_line(qa[0].text, 50)}" vs {told!r}'
            return (qa[0].start, qa[0].end), clause, summary
    if qb:
        clause = _reporting_clause(sb, sa, qb[0], a, used, 0)
        if clause is not None:
            told = one_line(sa.text[clause[0] : clause[1]], 50)
            summary = f'told in other words in A, quoted in B: {told!r} vs "{one_line(qb[0].text, 50)}"'
            return clause, (qb[0].start, qb[0].end), summary
    return None


def _open_quotes(
    side: Side,
    span: Span,
    matched: set[Span],
    used: set[tuple[int, Span]],
    which: int,
    quoted_there: frozenset[tuple[str, ...]],
) -> list[Quote]:
    """The sentence's quotations still unpaired, leaving out any the other article
    quotes in the same words: too short to be matched, yet not told otherwise."""
    return [
        q
        for q in overlapping(side.facts.quotes, *span)
        if not q.short
        and (q.start, q.end) not in matched
        and (which, (q.start, q.end)) not in used
        and quote_words_of(side.text, q).keys not in quoted_there
    ]


@per_article
def _quoted_words(side: Side) -> frozenset[tuple[str, ...]]:
    """Each quotation's words, read once per article (every linked pair asks)."""
    return frozenset(quote_words_of(side.text, q).keys for q in side.facts.quotes)


def _stems(side: Side, span: Span) -> set[str]:
    return {
        stem(w)
        for w, _, _ in words(side.text, *span)
        if not is_function_word(w) and not w[:1].isdigit()
    }


def _overlap(sa: Side, sb: Side, x: Quote, y: Quote) -> float:
    return _agreement(_stems(sa, (x.start, x.end)), _stems(sb, (y.start, y.end)))


def _agreement(remark: set[str], other: set[str]) -> float:
    """How much of a remark the other words repeat: 0 unless enough to be the same remark."""
    if not remark:
        return 0.0
    shared = len(remark & other)
    share = shared / len(remark)
    if share < SHARED_SHARE or shared < min(MIN_SHARED, len(remark)):
        return 0.0
    return share


def _reporting_clause(
    quoted: Side,
    other: Side,
    quote: Quote,
    sentence: Span,
    used: set[tuple[int, Span]],
    which: int,
) -> Span | None:
    """The clause of the other sentence that shares most words with the quotation.

    When no one clause repeats enough of it, two clauses in a row may: a list
    told after a verb ("to discuss trade, security and the border") is cut at
    its commas."""
    mine = _stems(quoted, (quote.start, quote.end))
    parts = [c for c in clauses(other, sentence) if (which, c) not in used]
    for candidates in (parts, [(x[0], y[1]) for x, y in zip(parts, parts[1:], strict=False)]):
        best: tuple[float, Span] | None = None
        for clause in candidates:
            agreement = _agreement(mine, _stems(other, clause))
            if agreement and (best is None or agreement > best[0]):
                best = (agreement, clause)
        if best is not None:
            return best[1]
    return None
