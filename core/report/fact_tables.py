"""An event's fact table as Markdown: for the report (and through it HTML and PDF) and
for ``factdiff event --format md``.

Every cell is untrusted article text and goes through :mod:`core.report.escaping`;
a disagreeing row is marked with "≠" in its first column and the cells that tell
it otherwise are bold, so the mark survives any Markdown renderer and print.
"""

from __future__ import annotations

from core.events.fact_table import ROW_KIND_LABELS, EventTable, Row
from core.events.fact_table.render import DISAGREE_MARK, summary_line
from core.report.escaping import md_text

CELL_CHARS = 90
EMPTY = "—"


def table_markdown(table: EventTable, rows: tuple[Row, ...] | None = None) -> str:
    """The table (``rows``, default all) as one Markdown table."""
    head = ["", "Fact", *(md_text(c.label) or EMPTY for c in table.columns)]
    lines = [_row(head), _row(["---"] * len(head))]
    for row in table.rows if rows is None else rows:
        lines.append(_row(_cells(row)))
    return "\n".join(lines)


def _cells(row: Row) -> list[str]:
    kind = ROW_KIND_LABELS.get(row.kind, row.kind)
    fact = f"{md_text(kind)}: {md_text(row.label)}"
    if row.decision:
        fact += f" *({md_text(row.decision)})*"
    out = [DISAGREE_MARK if row.disagree else "", fact]
    for n, cell in enumerate(row.cells):
        if cell is None:
            out.append("")
            continue
        text = md_text(_clip(cell.text)) or EMPTY
        out.append(f"**{text}**" if n in row.conflicts else text)
    return out


def _clip(text: str) -> str:
    return text if len(text) <= CELL_CHARS else text[: CELL_CHARS - 1].rstrip() + "…"


def _row(cells: list[str]) -> str:
    return "| " + " | ".join(cells) + " |"


def fact_table_blocks(table: EventTable, html_hooks: bool = False) -> list[str]:
    """The report's fact-table section of one event: the rows several articles share."""
    shared = table.shared_rows()
    alone = len(table.rows) - len(shared)
    hook = " {: .fact-table }" if html_hooks else ""
    blocks = [f"### Fact table of event {table.event_id}{hook}", md_text(summary_line(table))]
    if shared:
        blocks.append(table_markdown(table, shared))
    else:
        blocks.append("No fact is reported by more than one article.")
    if alone:
        blocks.append(
            f"{alone} fact{'s' if alone != 1 else ''} reported by one article only "
            "(not shown; `factdiff event` lists them)."
        )
    return blocks


def tables_markdown(tables: list[EventTable], heading: str = "##") -> str:
    """Each table under its own heading, for ``factdiff event --format md``."""
    blocks = []
    for t in tables:
        title = f"Event {t.event_id}: {md_text(t.label)}" if t.event_id is not None else "Event"
        blocks += [f"{heading} {title}", md_text(summary_line(t)), table_markdown(t)]
    return "\n\n".join(blocks) + "\n" if blocks else "No event in this scope.\n"
