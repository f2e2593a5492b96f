"""The engine's working record for one candidate discrepancy.

Candidates come from three finders (aligned passages, cross-article facts,
omissions) and are deduplicated and ranked before they become
:class:`core.model.Discrepancy` records, so they carry a little more than the
public record: where they came from and how much a reader gains from them.
"""

from __future__ import annotations

from typing import NamedTuple

from core.model import Span

SEVERITY_RANK = {"high": 0, "medium": 1, "low": 2}

#: Default severity of each kind; finders may lower it when unsure.
SEVERITY = {
    "number": "high",
    "date": "high",
    "negation": "high",
    "quote": "high",
    "attribution": "medium",
    "omission": "medium",
    "entity": "low",
    "wording": "low",
}


class Flag(NamedTuple):
    kind: str
    severity: str
    summary: str
    a: Span | None
    b: Span | None
    alignment: int | None = None
    weight: float = 1.0  # how much a fact-checker gains; ranks within a severity


def flag(
    kind: str,
    summary: str,
    a: Span | None,
    b: Span | None,
    alignment: int | None = None,
    severity: str | None = None,
    weight: float = 1.0,
) -> Flag:
    return Flag(kind, severity or SEVERITY[kind], summary, a, b, alignment, weight)
