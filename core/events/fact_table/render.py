"""An event's fact table as plain text (a terminal) or as a JSON-ready dict.

Markdown (which the HTML and PDF reports are made of) lives with the report,
next to the escaping every untrusted string goes through
(:mod:`core.report.fact_tables`).
"""

from __future__ import annotations

from typing import Any

from core.events.fact_table.table_records import ROW_KIND_LABELS, EventTable, Row

FORMAT = "factdiff-event-tables"
VERSION = 1
DISAGREE_MARK = "≠"


def summary_line(table: EventTable) -> str:
    rows, odd = len(table.rows), table.disagreeing
    return (
        f"{len(table.columns)} articles, {rows} fact{'s' if rows != 1 else ''}, "
        f"{odd} where they disagree"
    )


def render_text(tables: list[EventTable]) -> str:
    """Each table as blocks of rows: one line per article that reports the fact."""
    blocks = [_text_table(t) for t in tables]
    return "\n\n".join(blocks) + "\n" if blocks else "No event in this scope.\n"


def _text_table(table: EventTable) -> str:
    title = f"Event {table.event_id}: {_line(table.label)}" if table.event_id is not None else ""
    lines = [title or _line(table.label) or "Event", f"  {summary_line(table)}"]
    lines += [f"  [{n}] {_line(c.label)}" for n, c in enumerate(table.columns, 1)]
    for row in table.rows:
        lines.append("")
        lines.append(_text_row_head(row))
        for n, cell in enumerate(row.cells, 1):
            if cell is None:
                continue
            mark = f"  {DISAGREE_MARK}" if n - 1 in row.conflicts else ""
            detail = f"  ({_line(cell.detail)})" if cell.detail else ""
            lines.append(f"      [{n}] {_line(cell.text)}{detail}{mark}")
    return "\n".join(lines)


def _text_row_head(row: Row) -> str:
    flag = DISAGREE_MARK if row.disagree else " "
    decision = f"  [{row.decision}]" if row.decision else ""
    kind = ROW_KIND_LABELS.get(row.kind, row.kind)
    return f"  {flag} {kind}: {_line(row.label)}{decision}  #{row.key}"


def _line(text: str) -> str:
    """Untrusted text on one line: no control characters reach the terminal."""
    return " ".join("".join(ch if ch.isprintable() else " " for ch in text).split())


def table_to_dict(table: EventTable) -> dict[str, Any]:
    return {
        "event_id": table.event_id,
        "label": table.label,
        "columns": [{"article_id": c.article_id, "label": c.label} for c in table.columns],
        "rows": [_row_dict(table, row) for row in table.rows],
    }


def _row_dict(table: EventTable, row: Row) -> dict[str, Any]:
    return {
        "key": row.key,
        "kind": row.kind,
        "label": row.label,
        "disagree": row.disagree,
        "decision": row.decision,
        "group": row.group,
        "cells": [
            None
            if cell is None
            else {
                "article_id": table.columns[n].article_id,
                "text": cell.text,
                "start": cell.start,
                "end": cell.end,
                "detail": cell.detail,
                "disagrees": n in row.conflicts,
            }
            for n, cell in enumerate(row.cells)
        ],
    }


def tables_to_dict(project_name: str, tables: list[EventTable]) -> dict[str, Any]:
    return {
        "format": FORMAT,
        "version": VERSION,
        "project": {"name": project_name},
        "events": [table_to_dict(t) for t in tables],
    }
