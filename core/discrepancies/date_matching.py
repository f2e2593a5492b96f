"""Which day a date expression names, so two accounts of one event can be set side by side.

A resolved calendar date is compared as a date; when either side only names a
weekday, weekdays are compared; a day of unknown year compares month and day.
Anything coarser (a month, "last week") is never called a conflict.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import NamedTuple

from core import lexicon
from core.discrepancies.text import words
from core.facts.fact_records import DateRef
from core.facts.names import TIME_ZONES

_DAY_RE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
_YEARLESS_RE = re.compile(r"^--(\d{2})-(\d{2})$")
_ZONE_RE = re.compile(r"[+-]\d{2}:\d{2}$|Z$")
#: A year the text gives ("2018", "'18"): a year only inferred for a bare "September 8"
#: (from the page's date, or another date the article gives) may be a guess.
_WRITTEN_YEAR = re.compile(r"\d{4}|['’]\d{2}\b")


class Day(NamedTuple):
    date: dt.date | None
    month_day: tuple[int, int] | None
    weekday: int | None
    stated: (
        bool  # the article wrote the date itself, rather than a weekday resolved from a page date
    )
    year_stated: bool = False  # the article wrote the year too: "September 8, 2018"


def day_of(ref: DateRef) -> Day | None:
    """The day a reference names, or None when it names no single day."""
    if ref.kind == "time":
        return None
    value = ref.value or ""
    if m := _DAY_RE.match(value):
        try:
            date = dt.date(int(m[1]), int(m[2]), int(m[3]))
        except ValueError:
            return None
        stated = ref.kind == "absolute"
        year = stated and _WRITTEN_YEAR.search(ref.text) is not None
        return Day(date, (date.month, date.day), date.weekday(), stated, year)
    if m := _YEARLESS_RE.match(value):
        return Day(None, (int(m[1]), int(m[2])), ref.weekday, ref.kind == "absolute")
    if ref.weekday is not None:
        return Day(None, None, ref.weekday, False)
    return None


def same_day(a: Day, b: Day) -> bool | None:
    """True/False when the two can be compared, None when they cannot.

    Calendar dates are compared only when both articles state them, and the year only
    when both write it ("September 8" against "September 8, 2018" is one day whatever
    year the first was guessed to fall in): a weekday
    resolved against a publication date inherits that date's errors (a page
    stamped with the day it was saved), so "Thursday" and "Thursday" are one
    day even if the two pages resolve them to different weeks.
    """
    if a.stated and b.stated:
        both_years = a.year_stated and b.year_stated
        if a.date and b.date and (both_years or a.month_day != b.month_day):
            return a.date == b.date
        if a.month_day and b.month_day:
            return a.month_day == b.month_day
    if a.weekday is not None and b.weekday is not None:
        return a.weekday == b.weekday
    return None


#: A night runs into the next day, and a clock in another zone may already be there:
#: "Sunday night" or "late Sunday" and "early Monday" can name one moment.
_LATE_WORDS = frozenset({"night", "late", "overnight", "evening", "midnight"})
_EARLY_WORDS = frozenset({"early", "overnight", "midnight"})


def across_midnight(text_x: str, x: DateRef, day_x: Day, text_y: str, y: DateRef, day_y: Day) -> bool:
    """Whether one reference is the night before the other's day ("Sunday night" /
    "on Monday", "late on Friday" / "Saturday"), so the two may be one moment told
    in two zones or two ways."""
    for first, day_first, second, day_second in (
        (_around(text_x, x), day_x, _around(text_y, y), day_y),
        (_around(text_y, y), day_y, _around(text_x, x), day_x),
    ):
        late_then_early = first & _LATE_WORDS and not second & _LATE_WORDS
        if _next_day(day_first, day_second) and (late_then_early or second & _EARLY_WORDS):
            return True
    return False


def _next_day(day: Day, later: Day) -> bool:
    if day.date and later.date:
        return (later.date - day.date).days == 1
    if day.weekday is not None and later.weekday is not None:
        return (later.weekday - day.weekday) % 7 == 1
    return False


_NEAR = 16  # characters either side of a day where "late" or "night" still qualifies it


def _around(text: str, ref: DateRef) -> set[str]:
    window = text[max(0, ref.start - _NEAR) : ref.end + _NEAR].casefold()
    return set(re.findall(r"[a-z]+", window))


#: A clock time told by a named place's clock ("4:20 pm (Dutch time)", "noon Tokyo
#: time"): its zone is stated, though not as an offset. "Local time" is the clock
#: a time without a label is read by too.
_CLOCK_LABEL = re.compile(r"\s*\(?\s*([A-Z][a-z]+)\s+time\b")


def clock_label(text: str, ref: DateRef) -> str:
    """The place whose clock a time is told by ("dutch"), or "" for the local clock."""
    found = _CLOCK_LABEL.match(text, ref.end)
    return found.group(1).casefold() if found else ""


def has_zone(ref: DateRef) -> bool:
    """Whether a clock time names its zone ("17:12+00:00")."""
    return bool(ref.value) and _ZONE_RE.search(ref.value) is not None


def same_time(a: DateRef, b: DateRef) -> bool | None:
    """Clock times compare only when both carry a zone offset; otherwise the engine can't tell."""
    if a.kind != "time" or b.kind != "time" or not a.value or not b.value:
        return None
    if not (_ZONE_RE.search(a.value) and _ZONE_RE.search(b.value)):
        return None
    try:
        ta = dt.time.fromisoformat(a.value)
        tb = dt.time.fromisoformat(b.value)
    except ValueError:
        return None
    base = dt.date(2000, 1, 1)
    return dt.datetime.combine(base, ta) == dt.datetime.combine(base, tb)


_BRACKET_REACH = 40  # characters between a bracket and the date it holds


def on_another_clock(text: str, ref: DateRef) -> bool:
    """Whether a date stands in brackets beside a zone's name, written in capitals as
    zones are ("local time Monday (2300 GMT Sunday)"): the same moment told on another
    clock, not a date of its own."""
    opened = text.rfind("(", max(0, ref.start - _BRACKET_REACH), ref.start)
    if opened < 0 or ")" in text[opened : ref.start]:
        return False
    closed = text.find(")", ref.end, ref.end + _BRACKET_REACH)
    if closed < 0:
        return False
    return any(_is_zone(w) for w, _, _ in words(text, opened, closed))


def _is_zone(word: str) -> bool:
    return word.isupper() and word.casefold() in TIME_ZONES


#: Words that open or close a span, and those that may stand between one and its date
#: besides figures and zones (lexicon/span_bounds.txt).
_BOUNDS = {w: g for w, g in lexicon.groups("span_bounds").items() if g != "within"}
_WITHIN = frozenset(w for w, g in lexicon.groups("span_bounds").items() if g == "within")
_SPAN_REACH = 40  # characters before a date read for the word that bounds it


def span_bound(text: str, sentence_start: int, ref: DateRef) -> str:
    """``start`` or ``end`` when a date opens or closes a span ("from 6 am Thursday",
    "until Saturday morning"), else ``""``."""
    before = words(text, max(sentence_start, ref.start - _SPAN_REACH), ref.start)
    for word, _, _ in reversed(before):
        folded = word.casefold().rstrip(".")
        if folded in _BOUNDS:
            return _BOUNDS[folded]
        if folded not in _WITHIN and not _is_zone(word) and not any(c.isdigit() for c in word):
            return ""
    return ""


def two_ends(bound_a: str, bound_b: str) -> bool:
    """Whether two dates are the opening and the closing of one span."""
    return bool(bound_a and bound_b) and bound_a != bound_b
