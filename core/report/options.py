"""What goes into a report: scope, filters and order, checked once up front.

The CLI and the window both build a :class:`ReportOptions`; validating here
means a typo in ``--kind`` is one clear error instead of an empty report.
"""

from __future__ import annotations

from dataclasses import dataclass

from core.errors import FactDiffError
from core.model import KINDS, SEVERITIES
from core.store.records import STATUSES

ORDERS = ("severity", "reading")
FORMATS = ("html", "md", "pdf", "csv", "json")
#: Not a report of the comparison but its publishable conclusions (core.report.claimreview).
CLAIMREVIEW = "claimreview"
PAGE_SIZES = ("a4", "letter")
#: Dismissed discrepancies are the reviewer saying "nothing to see": left out unless asked for.
DEFAULT_STATUSES = tuple(s for s in STATUSES if s != "dismissed")


@dataclass(frozen=True)
class ReportOptions:
    """Scope (whole project, one event or one pair), filters and order.

    ``min_severity`` keeps that severity and everything more severe; a
    discrepancy nobody has annotated counts as ``open``.
    """

    event_id: int | None = None
    pair_id: int | None = None
    statuses: tuple[str, ...] = DEFAULT_STATUSES
    kinds: tuple[str, ...] = KINDS
    min_severity: str = "low"
    order: str = "severity"

    def __post_init__(self) -> None:
        if self.event_id is not None and self.pair_id is not None:
            raise FactDiffError("choose one scope: an event or a pair, not both")
        _check_all("status", self.statuses, STATUSES)
        _check_all("kind", self.kinds, KINDS)
        _check_one("severity", self.min_severity, SEVERITIES)
        _check_one("order", self.order, ORDERS)
        # Keep the declared order whatever order the user typed them in.
        object.__setattr__(self, "statuses", tuple(s for s in STATUSES if s in self.statuses))
        object.__setattr__(self, "kinds", tuple(k for k in KINDS if k in self.kinds))

    @property
    def scope(self) -> str:
        if self.pair_id is not None:
            return "pair"
        return "event" if self.event_id is not None else "project"

    def severities(self) -> tuple[str, ...]:
        """The severities kept, most severe first."""
        return SEVERITIES[: SEVERITIES.index(self.min_severity) + 1]


def _check_one(what: str, value: str, allowed: tuple[str, ...]) -> None:
    if value not in allowed:
        raise FactDiffError(f"unknown {what} {value!r} (choose from {', '.join(allowed)})")


def _check_all(what: str, values: tuple[str, ...], allowed: tuple[str, ...]) -> None:
    if not values:
        raise FactDiffError(f"choose at least one {what}")
    for value in values:
        _check_one(what, value, allowed)
