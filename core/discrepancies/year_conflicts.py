"""One claim dated to different years: "since 2009" / "since 2012" in linked sentences.

A year alone names no day, so the day finder never compares it; yet a wire
rewrite that moves a policy change, a previous record or an honour by a year
has changed a checkable fact. Only a narrow shape is read, because sentences
that share a claim often mention other years (a record set in one year, broken
in another): each of the two linked sentences gives one year, after the same
word ("in", "since", "by"…), and neither article writes the other's year
anywhere, so it cannot be another happening the two both tell.
"""

from __future__ import annotations

import re

from core.discrepancies.date_conflicts import shown_date, word_before
from core.discrepancies.flag import Flag, flag
from core.discrepancies.side import Side, per_article
from core.facts.fact_records import DateRef

_YEAR = re.compile(r"\d{4}")
_WRITTEN_YEAR = re.compile(r"(?<!\d)\d{4}(?!\d)")


def year_conflicts(sa: Side, sb: Side, aligned: set[tuple[int, int]]) -> list[Flag]:
    years_a, years_b = _years(sa), _years(sb)
    written_a, written_b = _written_years(sa), _written_years(sb)
    flags = []
    for i, j in sorted(aligned):
        xs, ys = years_a.get(i, []), years_b.get(j, [])
        if len(xs) != 1 or len(ys) != 1:
            continue
        x, y = xs[0], ys[0]
        if x.value == y.value or _cue(sa, x) != _cue(sb, y):
            continue
        if x.value in written_b or y.value in written_a:
            continue  # both articles know both years: two happenings, not one moved
        ta, wa = shown_date(sa, x)
        tb, wb = shown_date(sb, y)
        flags.append(flag("date", f"{ta} vs {tb}", wa, wb))
    return flags


@per_article
def _years(side: Side) -> dict[int, list[DateRef]]:
    """Each sentence's years told alone ("in 2014", "since 2007"), not in a full date."""
    found: dict[int, list[DateRef]] = {}
    for ref in side.facts.dates:
        if ref.kind == "absolute" and ref.value and _YEAR.fullmatch(ref.value):
            found.setdefault(ref.sentence, []).append(ref)
    return found


def _cue(side: Side, ref: DateRef) -> str:
    before = word_before(side, ref)
    return before[0].casefold() if before else ""


@per_article
def _written_years(side: Side) -> frozenset[str]:
    """Every four-digit figure the article writes, a year told as a date or not."""
    return frozenset(_WRITTEN_YEAR.findall(side.text))
