"""The report's own records: everything a renderer needs, nothing it must look up.

Renderers (Markdown, HTML, CSV, JSON, PDF) only ever see these immutable
records, so they can be tested on hand-built data and never touch the project
file; :mod:`core.report.collect` is the one place that reads the store.
"""

from __future__ import annotations

from dataclasses import dataclass

from core.events.fact_table import EventTable
from core.model import Span
from core.store.records import Provenance


@dataclass(frozen=True)
class ArticleRef:
    """What the report says about one article: enough to find it again."""

    id: int
    title: str
    source: str
    author: str = ""
    published: str = ""
    url: str = ""
    provenance: Provenance | None = None

    @property
    def final_url(self) -> str:
        """Where the page was fetched from in the end (after redirects), if it was fetched."""
        return self.provenance.final_url if self.provenance else ""


@dataclass(frozen=True)
class Excerpt:
    """The sentence around one side of a discrepancy.

    ``marks`` are the differing words as ``(start, end)`` ranges into ``text``
    (not into the article), sorted and non-overlapping, so a renderer can
    highlight them without knowing the article. ``start``/``end`` locate the
    excerpt in the article for readers who want to go back to the source.
    """

    text: str
    start: int
    end: int
    marks: tuple[Span, ...] = ()

    def marked_words(self) -> tuple[str, ...]:
        return tuple(self.text[s:e] for s, e in self.marks)


@dataclass(frozen=True)
class ReportItem:
    """One discrepancy as the report shows it: what differs and what was concluded.

    A discrepancy nobody has annotated yet is reported with status ``open`` and
    empty verdict, note, reviewer and time.
    """

    number: int
    discrepancy_id: str
    kind: str
    severity: str
    summary: str
    user_made: bool
    a: Excerpt | None
    b: Excerpt | None
    status: str = "open"
    verdict: str = ""
    note: str = ""
    reviewer: str = ""
    updated: str = ""


@dataclass(frozen=True)
class Counts:
    """Tallies in a fixed order (kinds, severities, statuses as declared), zeros left out."""

    total: int = 0
    by_kind: tuple[tuple[str, int], ...] = ()
    by_severity: tuple[tuple[str, int], ...] = ()
    by_status: tuple[tuple[str, int], ...] = ()


@dataclass(frozen=True)
class PairSection:
    """One compared pair: its two articles, its tallies and its discrepancies.

    ``found`` is how many discrepancies the pair has before the report's
    filters, so a reader knows how much was left out.
    """

    id: int
    a: ArticleRef
    b: ArticleRef
    found: int
    counts: Counts
    items: tuple[ReportItem, ...]
    compared: bool = True


@dataclass(frozen=True)
class EventSection:
    """Pairs grouped under the news event they report; ``id`` is None for ungrouped pairs.

    ``table`` is the event's fact table when the event has three or more
    articles (core.events.fact_table) and the report is not about one pair.
    """

    id: int | None
    label: str
    pairs: tuple[PairSection, ...]
    table: EventTable | None = None


@dataclass(frozen=True)
class OrphanNote:
    """An annotation whose discrepancy a later comparison no longer finds.

    Kept in the report because a reviewer's conclusion must never vanish
    silently when the engine changes its mind.
    """

    pair_id: int
    pair_label: str
    discrepancy_id: str
    status: str
    verdict: str
    note: str
    reviewer: str
    updated: str


@dataclass(frozen=True)
class ReportFilters:
    """The options the report was built with, in words a reader can check."""

    scope: str  # "project", "event" or "pair"
    scope_label: str
    statuses: tuple[str, ...]
    kinds: tuple[str, ...]
    min_severity: str
    order: str


@dataclass(frozen=True)
class ReportData:
    """A whole discrepancy report, ready for any renderer."""

    project_name: str
    generated: str  # ISO 8601 UTC timestamp, e.g. "2026-11-25T12:00:00Z"
    reviewers: tuple[str, ...]
    filters: ReportFilters
    articles: tuple[ArticleRef, ...]
    events: tuple[EventSection, ...]
    orphans: tuple[OrphanNote, ...]
    counts: Counts

    def items(self) -> tuple[ReportItem, ...]:
        """Every included discrepancy, in report order."""
        return tuple(item for e in self.events for p in e.pairs for item in p.items)

    def pairs(self) -> tuple[tuple[EventSection, PairSection], ...]:
        return tuple((e, p) for e in self.events for p in e.pairs)
