"""Short human wording for facts, for terminals, summaries and reports.

Kept beside the records so the CLI, the discrepancy summaries and the report
all describe a figure the same way ("> 13,000 people", "≈ 100,000 troop").
"""

from __future__ import annotations

import math

from core.facts.fact_records import DateRef, Quantity

_WEEKDAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def format_number(value: float) -> str:
    """ "100000.0" → "100,000"; "36.7" stays; "1e10" → "10,000,000,000"."""
    if math.isinf(value):
        return "∞"
    if float(value).is_integer():
        return f"{int(value):,}"
    return f"{value:,.6g}" if abs(value) < 1e6 else f"{value:,.0f}"


def describe_interval(q: Quantity) -> str:
    """The values a quantity allows, as a reader would write them."""
    low, high = format_number(q.low), format_number(q.high)
    if q.low == q.high:
        mark = {"approx": "≈ ", "estimated": "est. "}.get(q.qualifier, "")
        return f"{mark}{low}"
    if math.isinf(q.high):
        return f"{'≥' if q.low_inclusive else '>'} {low}"
    if q.low == 0 and q.qualifier == "max":
        return f"{'≤' if q.high_inclusive else '<'} {high}"
    closing = "]" if q.high_inclusive else ")"
    return f"[{low}, {high}{closing}"


def describe_quantity(q: Quantity) -> str:
    """ "≥ 14 people", "[10,000, 100,000) troop", "≈ 100,000 troop modifying statement"."""
    parts = [describe_interval(q)]
    if q.unit:
        parts.append(q.unit)
    if q.modifies:
        parts.append(f"({q.modifies})")
    return " ".join(parts)


def describe_date(d: DateRef) -> str:
    """ "2022-01-26 (Wednesday)", or "unresolved" when no value could be worked out."""
    value = d.value or "unresolved"
    if d.weekday is not None and d.kind != "time":
        return f"{value} ({_WEEKDAY_NAMES[d.weekday]})"
    return value
