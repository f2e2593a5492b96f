"""Dates, weekdays, relative days and clock times, resolved against publication.

News reports say "on Wednesday" rather than a date, so the same day reads
differently in two articles published on different days. Resolving every
expression to a calendar value (when the publication date is known) lets two
reports be compared on the day they claim, not on the words they use.
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from typing import NamedTuple

from core import lexicon
from core.facts.context import Context
from core.facts.fact_records import DateRef
from core.facts.numbers import UNITS
from core.facts.timezones import zone_offset

MONTHS = lexicon.months()
WEEKDAYS = lexicon.weekdays()

_MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
    r"|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?)"
)
_FULL_WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_ANY_WEEKDAY = rf"(?:{_FULL_WEEKDAY}|(?:Mon|Tues|Tue|Wed|Thurs|Thur|Thu|Fri|Sat|Sun)\.)"
_DAY = r"(?:[12][0-9]|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_YEAR = r"(?:1[89][0-9]{2}|20[0-9]{2})"

ABSOLUTE = re.compile(
    rf"(?:(?P<wd>{_ANY_WEEKDAY}),?\s+)?"
    rf"(?:(?P<m1>{_MONTH})\s+(?P<d1>{_DAY})\b(?:,?\s+(?P<y1>{_YEAR})\b)?"
    rf"|(?:the\s+)?(?P<d2>{_DAY})\s+(?:of\s+)?(?P<m2>{_MONTH})(?:,?\s+(?P<y2>{_YEAR})\b)?"
    rf"|(?P<m3>{_MONTH})\s+(?P<y3>{_YEAR})\b"
    r"|(?P<iy>\b20[0-9]{2}|\b19[0-9]{2})-(?P<im>0[1-9]|1[0-2])-(?P<id>0[1-9]|[12][0-9]|3[01])\b)"
)
MONTH_ALONE = re.compile(
    rf"\b(?P<cue>(?i:in|since|until|by|last|next|this|early|late|mid-?|during|from|through))"
    rf"\s+(?P<m>{_MONTH})\b(?!\s+\d)"
)
YEAR_ALONE = re.compile(
    rf"\b(?P<cue>[Ii]n|[Ss]ince|[Ff]rom|[Uu]ntil|[Bb]y|[Bb]etween|[Bb]efore|[Aa]fter|early|late|mid-?)\s+(?P<y>{_YEAR})\b(?![\-–][0-9])"
    rf"(?:(?P<chain>(?:,\s*{_YEAR}\b)*,?\s+(?:and|to|or)\s+{_YEAR}\b))?"
)
WEEKDAY = re.compile(
    rf"\b(?:(?P<mod>[Ll]ast|[Nn]ext|[Tt]his|[Pp]revious|[Cc]oming)\s+)?(?P<wd>{_FULL_WEEKDAY})(?:['’]s)?"
    r"(?:\s+(?P<part>morning|afternoon|evening|night))?\b"
)
_COUNT = "|".join(["a", "an", "one", *[w for w in UNITS if w not in ("zero", "one")]])
RELATIVE = re.compile(
    r"\b(?P<phrase>today|yesterday|tomorrow|tonight|last\s+night|this\s+(?:morning|afternoon|evening)"
    r"|(?:earlier|later)\s+(?:this|in\s+the)\s+(?:week|month|year)"
    r"|(?:last|this|next|past)\s+(?:week|month|year|weekend)"
    rf"|(?:[0-9]{{1,3}}|{_COUNT})\s+(?:days?|weeks?|months?|years?)\s+ago"
    r"|a\s+(?:few|couple\s+of)\s+(?:days|weeks|months|years)\s+ago"
    r"|(?:in\s+)?recent\s+(?:days|weeks|months|years)"
    r"|the\s+(?:day|week)\s+before|the\s+previous\s+(?:day|week)|the\s+(?:next|following)\s+(?:day|week))\b",
    re.IGNORECASE,
)
_ZONE = (
    r"(?:local\s+time|(?:GMT|UTC)(?:\s?[+\-−]\s?[0-9]{1,2}(?::?[0-9]{2})?)?|BST|CEST|CET|EEST|EET|WET|"
    r"EST|EDT|CST|CDT|MST|MDT|PST|PDT|AKST|HST|IST|JST|KST|AEST|AEDT|MSK|HKT|SGT|Z)"
)
TIME = re.compile(
    r"\b(?P<h>[01]?[0-9]|2[0-3])(?:[:.](?P<min>[0-5][0-9]))?\s*(?P<ampm>[ap]\.\s?m\.|[ap]m\b|[ap]\.m\b)"
    rf"(?:\s*(?P<zone1>{_ZONE})\b)?"
    rf"|\b(?P<h2>[01]?[0-9]|2[0-3])[:.](?P<min2>[0-5][0-9])\s*(?:hours?\s+|hrs\s+|h\s+)?(?P<zone2>{_ZONE})\b"
    rf"|\b(?P<h3>[01][0-9]|2[0-3])(?P<min3>[0-5][0-9])\s*(?:hours|hrs|(?P<zone3>GMT|UTC))\b"
    rf"|\b(?P<noon>noon|midnight)(?:\s+(?P<zone4>{_ZONE})\b)?"
    # "7.35 this morning", "9:10 last night": the part of the day stands for a.m./p.m.
    r"|\b(?P<h5>1[0-2]|0?[1-9])[:.](?P<min5>[0-5][0-9])\s+(?P<part>this\s+"
    r"(?:morning|afternoon|evening)|tonight|last\s+night)\b"
    # "07:35", "19:45": a 24-hour clock, read only where no 12-hour reading exists
    rf"|(?<![\d:.])(?P<h6>0[0-9]|1[3-9]|2[0-3]):(?P<min6>[0-5][0-9])(?![:.,]?\d)(?:\s*(?P<zone6>{_ZONE})\b)?",
    re.IGNORECASE,
)
_FUTURE = re.compile(
    r"\b(?:will|shall|won['’]t|(?:is|are)\s+(?:set|due|scheduled|expected|slated)\s+to|plans?\s+to|"
    r"planning\s+to|going\s+to|next|upcoming|coming)\b",
    re.IGNORECASE,
)
_PAST_SPEECH = re.compile(r"\b(?:said|told|announced|reported|added|confirmed)\b")


#: Words a pattern can start with: each pattern is only tried where one occurs.
_WEEKDAY_WORDS = frozenset(WEEKDAYS)
_ABSOLUTE_STARTS = frozenset(MONTHS) | _WEEKDAY_WORDS | {"the"}
_MONTH_CUES = frozenset(
    {
        "in",
        "since",
        "until",
        "by",
        "last",
        "next",
        "this",
        "early",
        "late",
        "mid",
        "during",
        "from",
        "through",
    }
)
_YEAR_CUES = frozenset(
    {"in", "since", "from", "until", "by", "between", "before", "after", "early", "late", "mid"}
)
_WEEKDAY_STARTS = _WEEKDAY_WORDS | {"last", "next", "this", "previous", "coming"}
_RELATIVE_STARTS = frozenset(
    {
        "today",
        "yesterday",
        "tomorrow",
        "tonight",
        "last",
        "this",
        "earlier",
        "later",
        "next",
        "past",
        "a",
        "an",
        "in",
        "recent",
        "the",
        *UNITS,
    }
)
_TIME_STARTS = frozenset({"noon", "midnight"})


_DIGITS = re.compile(r"[0-9]+")


class _Found(NamedTuple):
    start: int
    end: int
    kind: str
    value: str | None
    weekday: int | None


def extract_dates(context: Context, published: date | None) -> list[DateRef]:
    """Every date-like expression, longest first where they overlap."""
    text = context.text
    found = [
        *_absolute(
            text,
            context.matches(ABSOLUTE, context.positions(_ABSOLUTE_STARTS, digits=True)),
            published,
        ),
        *_months(context.matches(MONTH_ALONE, context.positions(_MONTH_CUES)), published),
        *_years(context.matches(YEAR_ALONE, context.positions(_YEAR_CUES))),
        *_weekdays(text, context.matches(WEEKDAY, context.positions(_WEEKDAY_STARTS)), published),
        *_relatives(
            context.matches(RELATIVE, context.positions(_RELATIVE_STARTS, digits=True)), published
        ),
        *_times(context.matches(TIME, context.positions(_TIME_STARTS, digits=True))),
    ]
    kept: list[_Found] = []
    for item in sorted(found, key=lambda f: (f.start, -(f.end - f.start))):
        if kept and item.start < kept[-1].end:
            continue
        kept.append(item)
    return [
        DateRef(
            f.start,
            f.end,
            text[f.start : f.end],
            f.kind,
            f.value,
            f.weekday,
            context.sentence_of(f.start),
        )
        for f in kept
        if not context.in_boilerplate(f.start, f.end)
    ]


def _absolute(text: str, matches: list[re.Match[str]], published: date | None) -> list[_Found]:
    """Full dates; a day and month without a year takes the year nearest publication,
    or, when that is unknown, nearest the latest full date the article itself gives."""
    anchor = published or _latest_full_date(matches)
    out = []
    for k, m in enumerate(matches):
        if m.group("iy"):
            value = _safe_date(int(m.group("iy")), int(m.group("im")), int(m.group("id")))
            out.append(_dated(m.start(), m.end(), value))
            continue
        month = _month_number(m.group("m1") or m.group("m2") or m.group("m3"))
        year_text = m.group("y1") or m.group("y2") or m.group("y3")
        if m.group("m3"):
            out.append(_Found(m.start(), m.end(), "absolute", f"{year_text}-{month:02d}", None))
            continue
        day = int(_DIGITS.match(m.group("d1") or m.group("d2")).group())
        year = int(year_text) if year_text else _range_year(text, m, matches[k + 1 : k + 2], month)
        if year:
            value = _safe_date(year, month, day)
        elif anchor:
            value = _nearest_year(month, day, anchor, _weekday_of(m))
        else:
            out.append(
                _Found(m.start(), m.end(), "absolute", f"--{month:02d}-{day:02d}", _weekday_of(m))
            )
            continue
        out.append(_dated(m.start(), m.end(), value, _weekday_of(m)))
    return out


_RANGE_JOIN = re.compile(r"\s*(?:to|through|until|till|and|-|–|—)\s*", re.I)


def _range_year(text: str, m: re.Match[str], following: list[re.Match[str]], month: int) -> int:
    """The year of a range's end for its start ("from May 1 to October 31, 2022"), or 0:
    a start in a later month than the end lies in the year before ("December 20 to
    January 5, 2024")."""
    if not following:
        return 0
    n = following[0]
    end_year = n.group("y1") or n.group("y2")
    if not end_year or not _RANGE_JOIN.fullmatch(text, m.end(), n.start()):
        return 0
    end_month = _month_number(n.group("m1") or n.group("m2"))
    return int(end_year) - (month > end_month)


def _latest_full_date(matches: list[re.Match[str]]) -> date | None:
    """The latest date written with its year (captions, earlier events): a year anchor."""
    found = []
    for m in matches:
        year_text = m.group("y1") or m.group("y2")
        if year_text:
            month = _month_number(m.group("m1") or m.group("m2"))
            day = int(_DIGITS.match(m.group("d1") or m.group("d2")).group())
            found.append(_safe_date(int(year_text), month, day))
        elif m.group("iy"):
            found.append(_safe_date(int(m.group("iy")), int(m.group("im")), int(m.group("id"))))
    return max((d for d in found if d is not None), default=None)


def _dated(start: int, end: int, value: date | None, weekday: int | None = None) -> _Found:
    """The weekday the text states wins over the computed one, so a mismatch stays visible."""
    if value is None:
        return _Found(start, end, "absolute", None, weekday)
    return _Found(
        start, end, "absolute", value.isoformat(), value.weekday() if weekday is None else weekday
    )


def _weekday_of(match: re.Match[str]) -> int | None:
    name = match.group("wd")
    return WEEKDAYS.get(name.rstrip(".").lower()) if name else None


def _months(matches: list[re.Match[str]], published: date | None) -> list[_Found]:
    out = []
    for m in matches:
        month = _month_number(m.group("m"))
        cue = m.group("cue").lower()
        value = (
            f"{_month_year(month, cue, published)}-{month:02d}" if published else f"--{month:02d}"
        )
        out.append(_Found(m.start("m"), m.end(), "absolute", value, None))
    return out


def _month_year(month: int, cue: str, published: date) -> int:
    """The year of a bare month name: "last March" is past, "next March" ahead, else the nearest."""
    if cue == "last":
        return published.year if month < published.month else published.year - 1
    if cue == "next":
        return published.year if month > published.month else published.year + 1
    here = published.year * 12 + published.month
    return min((published.year + d for d in (-1, 0, 1)), key=lambda y: abs(y * 12 + month - here))


def _years(matches: list[re.Match[str]]) -> list[_Found]:
    out = []
    for m in matches:
        out.append(_Found(m.start("y"), m.end("y"), "absolute", m.group("y"), None))
        if m.group("chain"):
            base = m.start("chain")
            for extra in re.finditer(_YEAR, m.group("chain")):
                out.append(
                    _Found(
                        base + extra.start(), base + extra.end(), "absolute", extra.group(), None
                    )
                )
    return out


def _weekdays(text: str, matches: list[re.Match[str]], published: date | None) -> list[_Found]:
    out = []
    for m in matches:
        weekday = WEEKDAYS[m.group("wd").lower()]
        mod = (m.group("mod") or "").lower()
        start = m.start() if mod else m.start("wd")
        value = None
        if published:
            value = _resolve_weekday(weekday, mod, _future(text, start), published).isoformat()
        out.append(_Found(start, m.end(), "weekday", value, weekday))
    return out


def _future(text: str, start: int) -> bool:
    """A future cue earlier in the same clause: "will meet on Friday"."""
    window_start = max(text.rfind(".", 0, start), text.rfind("\n", 0, start), start - 80) + 1
    window = text[window_start:start]
    cues = list(_FUTURE.finditer(window))
    return bool(cues) and not _PAST_SPEECH.search(window, cues[-1].end())


def _resolve_weekday(weekday: int, mod: str, future: bool, published: date) -> date:
    back = (published.weekday() - weekday) % 7
    ahead = (weekday - published.weekday()) % 7
    if mod in ("last", "previous"):
        return published - timedelta(days=back or 7)
    if mod in ("next", "coming"):
        return published + timedelta(days=ahead or 7)
    if future:
        return published + timedelta(days=ahead)
    return published - timedelta(days=back)


def _relatives(matches: list[re.Match[str]], published: date | None) -> list[_Found]:
    out = []
    for m in matches:
        phrase = " ".join(m.group("phrase").lower().split())
        value = _resolve_relative(phrase, published) if published else None
        weekday = None
        if value and len(value) == 10:
            weekday = date.fromisoformat(value).weekday()
        out.append(_Found(m.start(), m.end(), "relative", value, weekday))
    return out


def _resolve_relative(phrase: str, published: date) -> str | None:
    words = phrase.removeprefix("in ").split()
    if (
        phrase in ("today", "tonight")
        or phrase.startswith("this ")
        and words[1] in ("morning", "afternoon", "evening")
    ):
        return published.isoformat()
    if phrase in ("yesterday", "last night"):
        return (published - timedelta(days=1)).isoformat()
    if phrase == "tomorrow":
        return (published + timedelta(days=1)).isoformat()
    if (
        words[-1] == "ago"
        and words[0] not in ("a", "an")
        or words[:2] in (["a", "week"], ["a", "month"], ["a", "year"], ["an", "hour"])
    ):
        return _ago(words, published)
    if words[-1] in ("week", "month", "year") and words[0] in (
        "last",
        "this",
        "next",
        "past",
        "earlier",
        "later",
    ):
        step = {"last": -1, "past": -1, "next": 1}.get(words[0], 0)
        return _period(words[-1], step, published)
    return None


def _ago(words: list[str], published: date) -> str | None:
    if words[0] in ("a", "few", "couple") and len(words) > 3:
        return None
    count = int(words[0]) if words[0].isdigit() else UNITS.get(words[0], 1)
    unit = words[1].rstrip("s")
    if unit == "day":
        return (published - timedelta(days=count)).isoformat()
    if unit == "week":
        return (published - timedelta(weeks=count)).isoformat()
    if unit == "month":
        months = published.year * 12 + published.month - 1 - count
        return f"{months // 12:04d}-{months % 12 + 1:02d}"
    if unit == "year":
        return f"{published.year - count:04d}"
    return None


def _period(unit: str, step: int, published: date) -> str:
    if unit == "week":
        year, week, _ = (published + timedelta(weeks=step)).isocalendar()
        return f"{year:04d}-W{week:02d}"
    if unit == "month":
        months = published.year * 12 + published.month - 1 + step
        return f"{months // 12:04d}-{months % 12 + 1:02d}"
    return f"{published.year + step:04d}"


def _times(matches: list[re.Match[str]]) -> list[_Found]:
    out = []
    for m in matches:
        hour, minute, zone = _clock(m)
        if hour is None:
            continue
        value = f"{hour:02d}:{minute:02d}"
        offset = zone_offset(zone) if zone else None
        if offset is not None:
            value += offset
        out.append(_Found(m.start(), m.end(), "time", value, None))
    return out


def _clock(m: re.Match[str]) -> tuple[int | None, int, str | None]:
    if m.group("noon"):
        return (12 if m.group("noon").lower() == "noon" else 0), 0, m.group("zone4")
    if m.group("h3"):
        return int(m.group("h3")), int(m.group("min3")), m.group("zone3")
    if m.group("h2"):
        return int(m.group("h2")), int(m.group("min2")), m.group("zone2")
    if m.group("h6"):
        return int(m.group("h6")), int(m.group("min6")), m.group("zone6")
    if m.group("h5"):
        later = not m.group("part").lower().endswith("morning")
        hour = int(m.group("h5")) % 12
        return hour + (12 if later and hour < 12 else 0), int(m.group("min5")), None
    hour = int(m.group("h"))
    if hour > 12 or hour == 0:
        return None, 0, None
    pm = m.group("ampm").lower().startswith("p")
    hour = hour % 12 + (12 if pm else 0)
    return hour, int(m.group("min") or 0), m.group("zone1")


def _month_number(name: str) -> int:
    return MONTHS[name.rstrip(".").lower()]


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _nearest_year(month: int, day: int, published: date, weekday: int | None) -> date | None:
    """A day-and-month without a year is the occurrence nearest the publication date
    (among those falling on the stated weekday, when one is stated)."""
    candidates = [
        d
        for y in (published.year - 1, published.year, published.year + 1)
        if (d := _safe_date(y, month, day)) is not None
    ]
    matching = [d for d in candidates if weekday is None or d.weekday() == weekday]
    candidates = matching or candidates
    if not candidates:
        return None
    return min(candidates, key=lambda d: abs((d - published).days))
