"""Read a project into a :class:`ReportData`: the one place the report touches the store.

Everything is resolved here — scope, filters, order, excerpts, counts — so
the renderers stay pure functions of the data they are given.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import replace
from datetime import UTC, datetime
from typing import Any

from core.errors import FactDiffError
from core.events.fact_table import MIN_ARTICLES
from core.model import KINDS, SEVERITIES, Comparison, Discrepancy, Span
from core.report.excerpts import build_excerpt
from core.report.labels import outlet, pair_title
from core.report.options import ReportOptions
from core.report.report_records import (
    ArticleRef,
    Counts,
    EventSection,
    OrphanNote,
    PairSection,
    ReportData,
    ReportFilters,
    ReportItem,
)
from core.store import STATUSES, Annotation, ArticleInfo, PairInfo, Provenance
from core.store.annotation_store import USER_PREFIX
from core.text.segment import split_sentences

UNGROUPED = "Pairs outside any event"


def build_report(
    project: Any, options: ReportOptions, *, now: datetime | None = None
) -> ReportData:
    """Everything the report says about ``project`` under ``options``.

    ``project`` is a :class:`core.store.Project` (read-only is enough);
    ``now`` fixes the generation time for reproducible output.
    """
    provenances = project.provenances()
    articles = {info.id: _article_ref(info, provenances.get(info.id)) for info in project.articles()}
    event_labels = {e.id: e.label for e in project.events()}
    pairs = _pairs_in_scope(project.pairs(), options, event_labels)
    sections = [_pair_section(project, info, articles, options) for info in pairs]
    sections = _numbered(sections)
    orphans = _orphans(project, sections, options)
    items = [item for section in sections for item in section.items]
    return ReportData(
        project_name=project.name,
        generated=_timestamp(now),
        reviewers=_reviewers(items, orphans),
        filters=_filters(options, pairs, event_labels, articles),
        articles=_articles_in(pairs, articles),
        events=_with_tables(project, _grouped(sections, pairs, event_labels), options),
        orphans=tuple(orphans),
        counts=_counts(items),
    )


def _timestamp(now: datetime | None) -> str:
    moment = (now or datetime.now(UTC)).astimezone(UTC)
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ")


def _article_ref(info: ArticleInfo, provenance: Provenance | None) -> ArticleRef:
    return ArticleRef(
        info.id, info.title, info.source, info.author, info.published, info.url, provenance
    )


def _pairs_in_scope(
    pairs: list[PairInfo], options: ReportOptions, event_labels: dict[int, str]
) -> list[PairInfo]:
    if options.pair_id is not None:
        chosen = [p for p in pairs if p.id == options.pair_id]
        if not chosen:
            raise FactDiffError(f"no pair {options.pair_id} in this project")
        return chosen
    if options.event_id is not None:
        if options.event_id not in event_labels:
            raise FactDiffError(f"no event {options.event_id} in this project")
        return [p for p in pairs if p.event_id == options.event_id]
    return list(pairs)


def _pair_section(
    project: Any, info: PairInfo, articles: dict[int, ArticleRef], options: ReportOptions
) -> PairSection:
    a, b = articles[info.a_id], articles[info.b_id]
    if not info.compared:
        # Only results of the current engine: computing (and, in a writable project,
        # storing) a comparison is the compare command's job, not the report's.
        return PairSection(info.id, a, b, found=0, counts=Counts(), items=(), compared=False)
    comparison = project.comparison(info.id)
    found = [*comparison.discrepancies, *project.user_discrepancies(info.id)]
    annotations = project.annotations(info.id)
    kept = [d for d in found if _included(d, annotations.get(d.id), options)]
    kept.sort(key=_sort_key(options.order))
    excerpter = _Excerpter(comparison)
    items = tuple(_item(d, annotations.get(d.id), excerpter) for d in kept)
    return PairSection(info.id, a, b, found=len(found), counts=_counts(items), items=items)


def _included(d: Discrepancy, note: Annotation | None, options: ReportOptions) -> bool:
    status = note.status if note else "open"
    return (
        status in options.statuses
        and d.kind in options.kinds
        and d.severity in options.severities()
    )


def _reading_position(d: Discrepancy) -> tuple[int, int]:
    """Where a reader of A meets it (B's position when it is only in B)."""
    if d.a is not None:
        return d.a[0], 0
    return (d.b[0] if d.b is not None else 0), 1


def _sort_key(order: str):
    def by_severity(d: Discrepancy) -> tuple:
        return (_rank(d.severity), _reading_position(d), d.id)

    def by_reading(d: Discrepancy) -> tuple:
        return (_reading_position(d), _rank(d.severity), d.id)

    return by_reading if order == "reading" else by_severity


def _rank(severity: str) -> int:
    return SEVERITIES.index(severity) if severity in SEVERITIES else len(SEVERITIES)


class _Excerpter:
    """Builds excerpts for one comparison, splitting each article into sentences once."""

    def __init__(self, comparison: Comparison) -> None:
        self._comparison = comparison
        self._sentences = {
            side: split_sentences(article.text, article.boilerplate)
            for side, article in (("a", comparison.a), ("b", comparison.b))
        }

    def excerpts(self, d: Discrepancy):
        c = self._comparison
        changes_a, changes_b = self._changes(d.alignment)
        return (
            build_excerpt(c.a.text, d.a, self._sentences["a"], changes_a),
            build_excerpt(c.b.text, d.b, self._sentences["b"], changes_b),
        )

    def _changes(self, index: int | None) -> tuple[list[Span], list[Span]]:
        alignments = self._comparison.alignments
        if index is None or not 0 <= index < len(alignments):
            return [], []
        real = [ch for ch in alignments[index].changes if not ch.cosmetic]
        return [(ch.a_start, ch.a_end) for ch in real], [(ch.b_start, ch.b_end) for ch in real]


def _item(d: Discrepancy, note: Annotation | None, excerpter: _Excerpter) -> ReportItem:
    a, b = excerpter.excerpts(d)
    return ReportItem(
        number=0,
        discrepancy_id=d.id,
        kind=d.kind,
        severity=d.severity,
        summary=d.summary,
        user_made=d.id.startswith(USER_PREFIX),
        a=a,
        b=b,
        status=note.status if note else "open",
        verdict=note.verdict if note else "",
        note=note.note if note else "",
        reviewer=note.reviewer if note else "",
        updated=note.updated if note else "",
    )


def _numbered(sections: list[PairSection]) -> list[PairSection]:
    """Number items 1…N through the whole report so a reader can cite "#7"."""
    number = 0
    out = []
    for section in sections:
        items = []
        for item in section.items:
            number += 1
            items.append(_renumber(item, number))
        out.append(_with_items(section, tuple(items)))
    return out


def _renumber(item: ReportItem, number: int) -> ReportItem:
    return ReportItem(**{**item.__dict__, "number": number})


def _with_items(section: PairSection, items: tuple[ReportItem, ...]) -> PairSection:
    return PairSection(**{**section.__dict__, "items": items})


def _grouped(
    sections: list[PairSection], pairs: list[PairInfo], event_labels: dict[int, str]
) -> tuple[EventSection, ...]:
    """Events in id order, pairs in id order inside them, ungrouped pairs last."""
    event_of = {p.id: p.event_id for p in pairs}
    by_event: dict[int | None, list[PairSection]] = {}
    for section in sections:
        by_event.setdefault(event_of[section.id], []).append(section)
    keys = sorted((k for k in by_event if k is not None), key=int)
    if None in by_event:
        keys.append(None)
    return tuple(
        EventSection(
            k, event_labels.get(k, UNGROUPED) if k is not None else UNGROUPED, tuple(by_event[k])
        )
        for k in keys
    )


def _with_tables(
    project: Any, events: tuple[EventSection, ...], options: ReportOptions
) -> tuple[EventSection, ...]:
    """Each event of three or more articles with its fact table (not in a one-pair report)."""
    if options.pair_id is not None:
        return events
    sizes = {e.id: len(e.article_ids) for e in project.events()}
    return tuple(
        replace(e, table=project.event_table(e.id))
        if e.id is not None and sizes.get(e.id, 0) >= MIN_ARTICLES
        else e
        for e in events
    )


def _counts(items: Sequence[ReportItem]) -> Counts:
    kinds = Counter(i.kind for i in items)
    severities = Counter(i.severity for i in items)
    statuses = Counter(i.status for i in items)
    return Counts(
        total=len(items),
        by_kind=_ordered(kinds, KINDS),
        by_severity=_ordered(severities, SEVERITIES),
        by_status=_ordered(statuses, STATUSES),
    )


def _ordered(counter: Counter[str], order: Sequence[str]) -> tuple[tuple[str, int], ...]:
    known = [(code, counter[code]) for code in order if counter[code]]
    unknown = sorted((code, n) for code, n in counter.items() if code not in order)
    return tuple(known + unknown)


def _orphans(project: Any, sections: list[PairSection], options: ReportOptions) -> list[OrphanNote]:
    notes = []
    for section in sections:
        label = f"Pair {section.id}: {pair_title(section)}"
        for a in project.orphaned_annotations(section.id):
            if a.status in options.statuses:
                notes.append(
                    OrphanNote(
                        a.pair_id,
                        label,
                        a.discrepancy_id,
                        a.status,
                        a.verdict,
                        a.note,
                        a.reviewer,
                        a.updated,
                    )  # fmt: skip
                )
    return notes


def _reviewers(items: Iterable[ReportItem], orphans: Iterable[OrphanNote]) -> tuple[str, ...]:
    """Everyone who signed an annotation the report shows, alphabetically."""
    names = {i.reviewer for i in items if i.reviewer} | {o.reviewer for o in orphans if o.reviewer}
    return tuple(sorted(names, key=str.casefold))


def _articles_in(pairs: list[PairInfo], articles: dict[int, ArticleRef]) -> tuple[ArticleRef, ...]:
    ids = sorted({p.a_id for p in pairs} | {p.b_id for p in pairs})
    return tuple(articles[i] for i in ids)


def _filters(
    options: ReportOptions,
    pairs: list[PairInfo],
    event_labels: dict[int, str],
    articles: dict[int, ArticleRef],
) -> ReportFilters:
    return ReportFilters(
        scope=options.scope,
        scope_label=_scope_label(options, pairs, event_labels, articles),
        statuses=options.statuses,
        kinds=options.kinds,
        min_severity=options.min_severity,
        order=options.order,
    )


def _scope_label(
    options: ReportOptions,
    pairs: list[PairInfo],
    event_labels: dict[int, str],
    articles: dict[int, ArticleRef],
) -> str:
    if options.pair_id is not None:
        p = pairs[0]
        a, b = articles[p.a_id], articles[p.b_id]
        return f"{p.id}: {outlet(a)} vs {outlet(b)}"
    if options.event_id is not None:
        return f"{options.event_id}: {event_labels[options.event_id]}"
    return ""
