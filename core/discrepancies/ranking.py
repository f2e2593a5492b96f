"""Deduplicate and budget the candidate list: a fact-checker reads every line.

A conflict seen both inside an aligned passage and across the articles' facts
is kept once — the fact-level record (it has the clearer summary) taking the
passage's alignment index. The list is then capped near
``FLAGS_PER_1000_WORDS`` of the two articles' text: high-severity flags are
never dropped; medium and low ones are kept by weight until the budget is spent.
"""

from __future__ import annotations

from collections.abc import Sequence

from core.discrepancies.flag import SEVERITY_RANK, Flag
from core.model import Span

FLAGS_PER_1000_WORDS = 13
MIN_BUDGET = 5


def _overlaps(x: Span | None, y: Span | None) -> bool:
    if x is None or y is None:
        return False
    if x == y:
        return True
    return x[0] < y[1] and y[0] < x[1]


def _duplicate(f: Flag, g: Flag) -> bool:
    """The same divergence: overlapping on both sides, or on the one side an omission has."""
    if f.a is None or f.b is None or g.a is None or g.b is None:
        return (f.a is None) == (g.a is None) and (_overlaps(f.a, g.a) or _overlaps(f.b, g.b))
    return _overlaps(f.a, g.a) and _overlaps(f.b, g.b)


def deduplicate(passage: Sequence[Flag], facts: Sequence[Flag]) -> list[Flag]:
    kept = list(facts)
    for p in passage:
        twins = [i for i, f in enumerate(kept) if _duplicate(p, f)]
        if not twins:
            kept.append(p)
            continue
        for i in twins:
            f = kept[i]
            stronger = SEVERITY_RANK[p.severity] < SEVERITY_RANK[f.severity]
            kept[i] = (
                p
                if stronger
                else f._replace(alignment=f.alignment if f.alignment is not None else p.alignment)
            )
    return _unique(kept)


def _unique(flags: list[Flag]) -> list[Flag]:
    out: list[Flag] = []
    for f in flags:
        if f not in out:
            out.append(f)
    return out


def budget(words: int) -> int:
    return max(MIN_BUDGET, FLAGS_PER_1000_WORDS * words // 1000)


def rank(flags: Sequence[Flag], words: int) -> list[Flag]:
    """Flags in reading priority, the budget applied."""
    ordered = sorted(flags, key=lambda f: (SEVERITY_RANK[f.severity], -f.weight, _position(f)))
    limit = budget(words)
    highs = [f for f in ordered if f.severity == "high"]
    rest = [f for f in ordered if f.severity != "high"]
    kept = highs + rest[: max(0, limit - len(highs))]
    return sorted(kept, key=lambda f: (SEVERITY_RANK[f.severity], _position(f)))


def _position(f: Flag) -> tuple[int, int]:
    if f.a is not None:
        return (0, f.a[0])
    return (1, f.b[0] if f.b is not None else 0)
