"""Figures for the same thing that disagree, wherever they sit in the two articles."""

from __future__ import annotations

from core.discrepancies.flag import Flag, flag
from core.discrepancies.quantities import agree, same_unit
from core.discrepancies.side import Side
from core.discrepancies.subject import ALIGNED_BONUS, context, match_pairs
from core.discrepancies.text import one_line
from core.facts.model import Quantity

#: Shared context words (besides the unit) needed to call two figures one subject.
MIN_SHARED = 2


def number_conflicts(sa: Side, sb: Side, aligned: set[tuple[int, int]]) -> list[Flag]:
    qa = [q for q in sa.facts.quantities if not _in_boilerplate(sa, q)]
    qb = [q for q in sb.facts.quantities if not _in_boilerplate(sb, q)]
    ctx_a = {q: _context(sa, q) for q in qa}
    ctx_b = {q: _context(sb, q) for q in qb}

    def score(x: Quantity, y: Quantity) -> float:
        if not same_unit(x, y):
            return 0.0
        shared = len(ctx_a[x] & ctx_b[y])
        if x.modifies and y.modifies and x.modifies.casefold() == y.modifies.casefold():
            shared += 1
        bonus = ALIGNED_BONUS if (x.sentence, y.sentence) in aligned else 0.0
        return shared + bonus

    flags = []
    for x, y, _ in match_pairs(qa, qb, score, MIN_SHARED):
        if not agree(x, y):
            summary = f"{one_line(x.text, 60)} vs {one_line(y.text, 60)}"
            flags.append(flag("number", summary, (x.start, x.end), (y.start, y.end)))
    return flags


def _context(side: Side, q: Quantity) -> set[str]:
    unit = q.unit.casefold()
    return {k for k in context(side, q.start, q.end) if not unit.startswith(k)}


def _in_boilerplate(side: Side, q: Quantity) -> bool:
    return bool(side.sentences) and side.sentences[min(q.sentence, len(side.sentences) - 1)].boilerplate
