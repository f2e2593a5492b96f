"""The report as versioned JSON (docs/report-format.md), for other tools to consume.

Mirrors the comparison format's conventions: a ``format`` name and an integer
``version`` first, snake_case keys, offsets as ``[start, end]`` character
indexes. Everything in :class:`ReportData` is in it; nothing is pre-rendered.
"""

from __future__ import annotations

import json
from typing import Any

from core.comparison_format import spans_to_lists
from core.events.fact_table.render import table_to_dict
from core.report.report_records import (
    ArticleRef,
    Counts,
    EventSection,
    Excerpt,
    OrphanNote,
    PairSection,
    ReportData,
    ReportItem,
)

FORMAT = "factdiff-report"
VERSION = 1


def _article(a: ArticleRef) -> dict[str, Any]:
    return {
        "id": a.id,
        "title": a.title,
        "source": a.source,
        "author": a.author,
        "published": a.published,
        "url": a.url,
        "provenance": _provenance(a),
    }


def _provenance(a: ArticleRef) -> dict[str, Any] | None:
    p = a.provenance
    if p is None:
        return None
    return {
        "origin": p.origin,
        "location": p.location,
        "retrieved_at": p.retrieved_at,
        "final_url": p.final_url,
        "last_modified": p.last_modified,
        "etag": p.etag,
        "sha256": p.sha256,
        "revision_of": p.revision_of,
    }


def _counts(c: Counts) -> dict[str, Any]:
    return {
        "total": c.total,
        "by_kind": dict(c.by_kind),
        "by_severity": dict(c.by_severity),
        "by_status": dict(c.by_status),
    }


def _excerpt(e: Excerpt | None) -> dict[str, Any] | None:
    if e is None:
        return None
    return {
        "text": e.text,
        "start": e.start,
        "end": e.end,
        "marks": spans_to_lists(e.marks),
    }


def _item(i: ReportItem) -> dict[str, Any]:
    return {
        "number": i.number,
        "id": i.discrepancy_id,
        "origin": "user" if i.user_made else "engine",
        "kind": i.kind,
        "severity": i.severity,
        "summary": i.summary,
        "a": _excerpt(i.a),
        "b": _excerpt(i.b),
        **_review(i),
    }


def _pair(p: PairSection) -> dict[str, Any]:
    return {
        "id": p.id,
        "a": p.a.id,
        "b": p.b.id,
        "compared": p.compared,
        "found": p.found,
        "counts": _counts(p.counts),
        "discrepancies": [_item(i) for i in p.items],
    }


def _event(e: EventSection) -> dict[str, Any]:
    table = table_to_dict(e.table) if e.table is not None else None
    return {"id": e.id, "label": e.label, "fact_table": table, "pairs": [_pair(p) for p in e.pairs]}


def _orphan(o: OrphanNote) -> dict[str, Any]:
    return {
        "pair_id": o.pair_id,
        "discrepancy_id": o.discrepancy_id,
        **_review(o),
    }


def _review(r: ReportItem | OrphanNote) -> dict[str, Any]:
    """What a reviewer said: the same keys on a listed item and on an orphaned note."""
    return {
        "status": r.status,
        "verdict": r.verdict,
        "note": r.note,
        "reviewer": r.reviewer,
        "updated": r.updated,
    }


def report_to_dict(data: ReportData) -> dict[str, Any]:
    f = data.filters
    return {
        "format": FORMAT,
        "version": VERSION,
        "project": {"name": data.project_name},
        "generated": data.generated,
        "reviewers": list(data.reviewers),
        "options": {
            "scope": f.scope,
            "scope_label": f.scope_label,
            "statuses": list(f.statuses),
            "kinds": list(f.kinds),
            "min_severity": f.min_severity,
            "order": f.order,
        },
        "counts": _counts(data.counts),
        "articles": [_article(a) for a in data.articles],
        "events": [_event(e) for e in data.events],
        "orphaned_annotations": [_orphan(o) for o in data.orphans],
    }


def render_json(data: ReportData) -> str:
    """Indented UTF-8 JSON (non-ASCII kept as is), ending in a newline."""
    return json.dumps(report_to_dict(data), ensure_ascii=False, indent=2) + "\n"
