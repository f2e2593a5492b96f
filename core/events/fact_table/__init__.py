"""The event's fact table: rows are the facts an event's articles report, columns the articles.

Public API: :func:`build_event_table` and the records of
:mod:`core.events.fact_table.table_records`; :mod:`core.events.fact_table.render` prints a table
as text, Markdown or JSON (docs/event-table.md).
"""

from core.events.fact_table.build import build_event_table, column_label, forget_articles
from core.events.fact_table.table_records import (
    DECISIONS,
    MIN_ARTICLES,
    ROW_KIND_LABELS,
    ROW_KINDS,
    Cell,
    Column,
    EventTable,
    Row,
)

__all__ = [
    "DECISIONS",
    "MIN_ARTICLES",
    "ROW_KINDS",
    "ROW_KIND_LABELS",
    "Cell",
    "Column",
    "EventTable",
    "Row",
    "build_event_table",
    "column_label",
    "forget_articles",
]
