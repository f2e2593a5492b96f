"""One claim dated to different years or months: "since 2009" / "since 2012", "since
March 2011" / "since October 2011" in linked sentences.

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

_YEAR_OR_MONTH = re.compile(r"\d{4}(?:-\d{2})?")
_MONTH = re.compile(r"\d{4}-\d{2}")
_YEAR = re.compile(r"\d{4}")
_WRITTEN_YEAR = re.compile(r"(?<!\d)\d{4}(?!\d)")


def year_conflicts(sa: Side, sb: Side, aligned: set[tuple[int, int]]) -> list[Flag]:
    years_a, years_b = _years(sa), _years(sb)
    written_a, written_b = _written_years(sa), _written_years(sb)
    flags = []
    for i, j in sorted(aligned):
        for x, y in _one_each(sa, years_a.get(i, []), sb, years_b.get(j, [])):
            if not _moved(x.value, y.value, written_a, written_b):
                continue
            ta, wa = shown_date(sa, x)
            tb, wb = shown_date(sb, y)
            flags.append(flag("date", f"{ta} vs {tb}", wa, wb))
    return flags


def _one_each(
    sa: Side, xs: list[DateRef], sb: Side, ys: list[DateRef]
) -> list[tuple[DateRef, DateRef]]:
    """The one year (or month of a year) each sentence gives, after the same word
    ("since"); else the one year alone each gives: a sentence of two years may date
    two happenings, though a month it also names may be another's."""
    for refs_a, refs_b in ((xs, ys), (_years_alone(xs), _years_alone(ys))):
        if len(refs_a) == 1 and len(refs_b) == 1:
            x, y = refs_a[0], refs_b[0]
            return [(x, y)] if _cue(sa, x) == _cue(sb, y) else []
    return []


def _years_alone(refs: list[DateRef]) -> list[DateRef]:
    return [ref for ref in refs if ref.value and _YEAR.fullmatch(ref.value)]


def _moved(x: str, y: str, written_a: frozenset[str], written_b: frozenset[str]) -> bool:
    """Whether two dates ("2014", "2014-09") put one claim in another year or month, and
    neither article knows the other's: both knowing both is two happenings, not one
    moved. A year alone against a month of it is the same year."""
    year_x, year_y = x[:4], y[:4]
    if year_x != year_y:
        return year_x not in written_b and year_y not in written_a
    if _MONTH.fullmatch(x) and _MONTH.fullmatch(y) and x != y:
        return x not in written_b and y not in written_a
    return False


@per_article
def _years(side: Side) -> dict[int, list[DateRef]]:
    """Each sentence's years told alone or with a month ("in 2014", "since May 2007"),
    not in a full date."""
    found: dict[int, list[DateRef]] = {}
    for ref in side.facts.dates:
        if ref.kind == "absolute" and ref.value and _YEAR_OR_MONTH.fullmatch(ref.value):
            found.setdefault(ref.sentence, []).append(ref)
    return found


def _cue(side: Side, ref: DateRef) -> str:
    before = word_before(side, ref)
    return before[0].casefold() if before else ""


@per_article
def _written_years(side: Side) -> frozenset[str]:
    """Every four-digit figure the article writes, a year told as a date or not, and
    every month it dates to a year ("2014-09"), alone or in a full date."""
    months = (ref.value[:7] for ref in side.facts.dates if ref.value and _MONTH.match(ref.value))
    return frozenset(_WRITTEN_YEAR.findall(side.text)) | frozenset(months)
