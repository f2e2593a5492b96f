"""One person given two ages.

Newsrooms print a person's age beside the name ("Ana Ruiz, 67, said…",
"the 67-year-old Ruiz", "Ruiz (67)"), and the figures finder leaves ages out
on purpose: an age is about a person, not about the event, and set against
the event's figures it would only make noise. Here each article's ages are
read per person (by the name's key, so "Ana Ruiz" and "Ruiz" are one) and a
person both articles give an age to, with no age in common, is a number
discrepancy.
"""

from __future__ import annotations

import re

from core.discrepancies.flag import Flag, flag
from core.discrepancies.side import Side
from core.model import Span

_AFTER = re.compile(
    r",\s*(?:aged\s+)?(\d{1,3})\s*(?:,(?!\d)|\.(?!\d)|\s+(?:is|was|has|had|said|who)\b)"
    r"|\s*\((\d{1,3})\)"
)
_BEFORE = re.compile(r"\b(\d{1,3})-year-old\s+(?:[A-Za-z][\w.-]*\s+){0,4}$")
MAX_AGE = 120


def age_conflicts(sa: Side, sb: Side) -> list[Flag]:
    ages_a, ages_b = _ages(sa), _ages(sb)
    flags = []
    for key in sorted(ages_a.keys() & ages_b.keys()):
        if {age for age, _ in ages_a[key]} & {age for age, _ in ages_b[key]}:
            continue
        span_a, span_b = ages_a[key][0][1], ages_b[key][0][1]
        text_a, text_b = sa.text[span_a[0] : span_a[1]], sb.text[span_b[0] : span_b[1]]
        summary = f"age: {text_a} vs {text_b}"
        flags.append(flag("number", summary, span_a, span_b, severity="medium"))
    return flags


def _ages(side: Side) -> dict[str, list[tuple[int, Span]]]:
    """Person key → (age, span of the name with its age) in text order."""
    found: dict[str, list[tuple[int, Span]]] = {}
    text = side.text
    for e in side.facts.entities:
        if e.label != "person":
            continue
        sentence_start = side.sentence_span(e.start)[0]
        after = _AFTER.match(text, e.end)
        if after:
            age = int(after.group(1) or after.group(2))
            end = after.start(1) if after.group(1) else after.start(2)
            end += len(str(age))
            if 0 < age <= MAX_AGE:
                found.setdefault(e.key, []).append((age, (e.start, end)))
            continue
        before = _BEFORE.search(text, max(sentence_start, e.start - 80), e.start)
        if before and 0 < int(before.group(1)) <= MAX_AGE:
            found.setdefault(e.key, []).append((int(before.group(1)), (before.start(), e.end)))
    return found
