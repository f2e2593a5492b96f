"""The report as CSV: one row per included discrepancy, for spreadsheets and trackers.

Columns are documented in docs/report.md. A cell that a spreadsheet would read
as a formula (starting with ``=``, ``+``, ``-``, ``@``, tab or carriage
return) gets a leading apostrophe, so opening an export never runs anything
an article or a note contained.
"""

from __future__ import annotations

import csv
import io

from core.report.labels import article_name
from core.report.report_records import (
    ArticleRef,
    EventSection,
    Excerpt,
    OrphanNote,
    PairSection,
    ReportData,
    ReportItem,
)
from core.safe_text import visible_bidi

COLUMNS = (
    "number",
    "event_id",
    "event",
    "pair_id",
    "article_a",
    "article_b",
    "discrepancy_id",
    "origin",
    "kind",
    "severity",
    "summary",
    "status",
    "verdict",
    "note",
    "reviewer",
    "updated",
    "excerpt_a",
    "excerpt_b",
    "differing_a",
    "differing_b",
)
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
BOM = "\ufeff"


def safe_cell(value: object) -> str:
    """The cell's text, with an apostrophe in front if a spreadsheet would evaluate it.

    Bidi controls become visible markers (``[U+202E]``) so a cell reads as written.
    """
    text = "" if value is None else visible_bidi(str(value))
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def _differing(excerpt: Excerpt | None) -> str:
    return " | ".join(excerpt.marked_words()) if excerpt else ""


def _row(event: EventSection, pair: PairSection, item: ReportItem) -> list[object]:
    return [
        item.number,
        "" if event.id is None else event.id,
        event.label,
        pair.id,
        article_name(pair.a),
        article_name(pair.b),
        item.discrepancy_id,
        "user" if item.user_made else "engine",
        item.kind,
        item.severity,
        item.summary,
        item.status,
        item.verdict,
        item.note,
        item.reviewer,
        item.updated,
        item.a.text if item.a else "",
        item.b.text if item.b else "",
        _differing(item.a),
        _differing(item.b),
    ]


def _orphan_row(orphan: OrphanNote) -> list[object]:
    """An annotation whose discrepancy is gone: its own row, ``origin`` = ``orphaned``."""
    row: dict[str, object] = dict.fromkeys(COLUMNS, "")
    row.update(
        pair_id=orphan.pair_id,
        article_a=orphan.pair_label,
        discrepancy_id=orphan.discrepancy_id,
        origin="orphaned",
        status=orphan.status,
        verdict=orphan.verdict,
        note=orphan.note,
        reviewer=orphan.reviewer,
        updated=orphan.updated,
    )
    return [row[column] for column in COLUMNS]


def render_csv(data: ReportData, *, bom: bool = False) -> str:
    """RFC 4180 CSV (CRLF line ends, quoted as needed), header row first.

    Orphaned annotations follow the discrepancies, one row each, as every
    other format lists them.
    """
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    for event, pair in data.pairs():
        for item in pair.items:
            writer.writerow([safe_cell(v) for v in _row(event, pair, item)])
    for orphan in data.orphans:
        writer.writerow([safe_cell(v) for v in _orphan_row(orphan)])
    tables = [e for e in data.events if e.table is not None]
    if tables:
        writer.writerow([])
        writer.writerow(FACT_COLUMNS)
        for event in tables:
            for row in _fact_rows(event):
                writer.writerow([safe_cell(v) for v in row])
    writer.writerow([])
    writer.writerow(PROVENANCE_COLUMNS)
    for article in data.articles:
        writer.writerow([safe_cell(v) for v in _provenance_row(article)])
    return (BOM if bom else "") + out.getvalue()


#: The last block, after an empty line: where each article compared came from.
PROVENANCE_COLUMNS = (
    "article_id",
    "article",
    "origin",
    "location",
    "retrieved_at",
    "final_url",
    "last_modified",
    "etag",
    "sha256",
)


def _provenance_row(article: ArticleRef) -> list[object]:
    p = article.provenance
    values = (
        [p.origin, p.location, p.retrieved_at, p.final_url, p.last_modified, p.etag, p.sha256]
        if p is not None
        else [""] * 7
    )
    return [article.id, article_name(article), *values]


#: The fact tables' block, after the discrepancies and an empty line: one row per
#: article's cell of each fact several articles report.
FACT_COLUMNS = (
    "event_id",
    "event",
    "fact_key",
    "fact_kind",
    "fact",
    "fact_disagree",
    "decision",
    "article_id",
    "article",
    "cell",
    "cell_disagrees",
)


def _fact_rows(event: EventSection) -> list[list[object]]:
    table = event.table
    if table is None:
        return []
    rows = []
    for row in table.shared_rows():
        for n, cell in enumerate(row.cells):
            if cell is None:
                continue
            column = table.columns[n]
            rows.append([
                event.id, event.label, row.key, row.kind, row.label, _yes(row.disagree),
                row.decision, column.article_id, column.label, cell.text, _yes(n in row.conflicts),
            ])  # fmt: skip
    return rows


def _yes(flag: bool) -> str:
    return "yes" if flag else "no"
