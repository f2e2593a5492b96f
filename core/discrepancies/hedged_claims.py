"""One claim stated as done on one side and as planned, hoped or possible on the other.

"The probe landed near the pole" and "the probe is scheduled to land near the
pole" share nearly every word, so a wording score calls them the same; a
reader is told two different things. For each pair of sentences that report
one claim (a passage or a likely claim link), the clauses that restate each
other best are compared for a hedge (``core/lexicon/hedges.txt``): when one
clause has one and the other none, the claim's standing differs — a wording
discrepancy ranked above cosmetic rewording.
"""

from __future__ import annotations

from collections.abc import Sequence

from core import lexicon
from core.discrepancies.claims import clauses
from core.discrepancies.flag import Flag, flag
from core.discrepancies.side import Side
from core.discrepancies.text import is_function_word, one_line, stem, words
from core.model import Alignment, Span

HEDGES = tuple(tuple(phrase.split()) for phrase in sorted(lexicon.words("hedges")))
MIN_LINK = 0.3  # claim links less likely than this are not read
MIN_SHARED = 3  # content words two clauses share to be one claim
MIN_SHARE = 0.5  # …and at least this share of the shorter clause's: the same claim, not one topic
WEIGHT = 0.7


def hedged_claims(sa: Side, sb: Side, alignments: Sequence[Alignment]) -> list[Flag]:
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
    """Of the clause pairs that restate each other, the closest where one only is hedged."""
    best: tuple[int, Span, Span, str, str] | None = None
    clauses_b = [(cb, _stems(sb, cb), _hedge(sb, cb)) for cb in clauses(sb, b)]
    for ca in clauses(sa, a):
        stems_a, hedge_a = _stems(sa, ca), _hedge(sa, ca)
        for cb, stems_b, hedge_b in clauses_b:
            if bool(hedge_a) == bool(hedge_b):
                continue
            shared = len(stems_a & stems_b)
            enough = shared >= max(MIN_SHARED, MIN_SHARE * min(len(stems_a), len(stems_b)))
            if enough and (best is None or shared > best[0]):
                best = (shared, ca, cb, hedge_a, hedge_b)
    if best is None:
        return None
    _, ca, cb, hedge_a, hedge_b = best
    cue = f"stated vs {hedge_b!r}" if hedge_b else f"{hedge_a!r} vs stated"
    return ca, cb, cue


def _stems(side: Side, span: Span) -> set[str]:
    return {
        stem(w)
        for w, _, _ in words(side.text, *span)
        if not is_function_word(w) and not w[:1].isdigit()
    }


def _hedge(side: Side, span: Span) -> str:
    tokens = [w.casefold() for w, _, _ in words(side.text, *span)]
    for i in range(len(tokens)):
        for phrase in HEDGES:
            if tuple(tokens[i : i + len(phrase)]) == phrase:
                return " ".join(phrase)
    return ""
