"""Date stamps as news pages print them: "Updated: March 14, 2025 9:41am".

Two users: boilerplate marks a line that is nothing but such a stamp, and
ingest reads the publication date of a plain-text article from one near the
top. Only full dates with a month name or ISO form count; "03/04/2022" is
ambiguous between countries and is left alone.
"""

from __future__ import annotations

import re
from datetime import date

from core import lexicon

_MONTHS = lexicon.months()

_MONTH = (
    r"(?P<month>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|"
    r"aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_WEEKDAY = (
    r"(?:(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day|sday|nesday|rsday|urday)?\.?,?\s*)"
)
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:19|20)\d\d)"
_DATE_FORMS = (
    rf"{_WEEKDAY}?{_MONTH}\s+{_DAY},?\s+{_YEAR}",
    rf"{_WEEKDAY}?{_DAY}\s+(?:of\s+)?{_MONTH},?\s+{_YEAR}",
    rf"{_YEAR}-(?P<nmonth>[01]\d)-{_DAY.replace('(?:st|nd|rd|th)?', '')}",
)
_DATE = [re.compile(form, re.I) for form in _DATE_FORMS]

_LABEL = (
    r"(?:(?:last\s+|first\s+|originally\s+)?(?:updated|published|posted|modified|"
    r"released|created)|date|last\s+update)(?:\s+(?:on|at))?\s*:?"
)
_TIME = r"(?:at\s+)?\d{1,2}(?:[:.]\d{2}){1,2}\s*(?:[ap]\.?\s?m\.?)?(?:\s*\(?[A-Z]{2,5}\)?)?"
_ANY_DATE = "|".join(f"(?:{form})" for form in _DATE_FORMS)
_ANY_DATE = re.sub(r"\(\?P<\w+>", "(?:", _ANY_DATE)
_AGO = r"\d+\s+(?:seconds?|minutes?|mins?|hours?|hrs?|days?|weeks?|months?)\s+ago"

STAMP_LINE = re.compile(
    rf"(?:{_LABEL}\s*)?(?:{_TIME}\s*[,|•·-]?\s*)?(?:{_WEEKDAY}?(?:{_ANY_DATE}))?"
    rf"(?:\s*[,|•·-]?\s*{_TIME})?"
    rf"(?:\s*[|•·]\s*(?:{_LABEL}\s*)?(?:{_ANY_DATE})?(?:\s*,?\s*{_TIME})?)*",
    re.I,
)
_AGO_LINE = re.compile(rf"(?:{_LABEL}\s*)?{_AGO}", re.I)
#: A labelled stamp behind the site's section name or a short kicker on the same
#: line ("india Updated: Jun 20, 2019 19:01 IST"): the label is required.
_KICKER_STAMP = re.compile(
    rf"[^\W\d_][\w&.'’-]*(?:\s+[^\W\d_][\w&.'’-]*)?\s+{_LABEL}\s*{_WEEKDAY}?(?:{_ANY_DATE})"
    rf"(?:\s*,?\s*{_TIME})?",
    re.I,
)
#: A labelled stamp that opens a line of prose ("date 2023-06-05 BALASORE: …",
#: "Updated: May 3, 2019 The storm …"): the label is required, so a sentence
#: that merely begins with a date ("June 3 was the day …") is left whole.
_LEADING_STAMP = re.compile(
    rf"\s*{_LABEL}\s*(?:{_WEEKDAY}?(?:{_ANY_DATE}))(?:\s*,?\s*{_TIME})?(?=\s)", re.I
)


def is_stamp_line(line: str) -> bool:
    """A line made only of a date, a time and/or an "Updated:" label."""
    line = line.strip()
    if not line:
        return False
    return any(p.fullmatch(line) is not None for p in (STAMP_LINE, _AGO_LINE, _KICKER_STAMP))


_SITE_WIDE = lexicon.words("site_wide_stamps")


def dates_the_site(line: str) -> bool:
    """A stamp about the whole site ("Site last updated: …"), not about the article."""
    first = line.strip().split(maxsplit=1)[:1]
    return bool(first) and first[0].casefold().rstrip(":") in _SITE_WIDE


def leading_stamp_end(line: str) -> int:
    """Length of a labelled date stamp that opens ``line`` and is followed by more text; 0 if none."""
    found = _LEADING_STAMP.match(line)
    return found.end() if found and line[found.end() :].strip() else 0


def parse_date(fragment: str) -> str:
    """The first full date in ``fragment`` as ISO 8601, or "" when none is certain."""
    for pattern in _DATE:
        for found in pattern.finditer(fragment):
            iso = _to_iso(found)
            if iso:
                return iso
    return ""


def _to_iso(found: re.Match[str]) -> str:
    groups = found.groupdict()
    month = int(groups["nmonth"]) if groups.get("nmonth") else _MONTHS[groups["month"][:3].lower()]
    try:
        return date(int(groups["year"]), month, int(groups["day"])).isoformat()
    except ValueError:
        return ""
