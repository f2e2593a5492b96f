"""The event's fact table as immutable records: columns are articles, rows are facts.

A renderer, the window and the CLI only ever see these records; the builder
(:mod:`core.events.fact_table.build`) is the one place that reads articles.
"""

from __future__ import annotations

from typing import NamedTuple

#: Row kinds, in the order rows of equal standing are listed.
ROW_KINDS = ("figure", "date", "time", "quote", "credit")
ROW_KIND_LABELS = {
    "figure": "Figure",
    "date": "Day",
    "time": "Time",
    "quote": "Quote",
    "credit": "Credited to",
}
#: What a reviewer may decide about a row: the cells are one fact, or they are not.
DECISIONS = ("accepted", "split")


class Column(NamedTuple):
    """One article of the event: ``label`` is "outlet · date" (the file name when
    the outlet is unknown)."""

    article_id: int
    label: str


class Cell(NamedTuple):
    """What one article says for a row: its wording and where it says it.

    ``start``/``end`` index the article's text; ``detail`` names who is credited
    or quoted when the row is about a claim.
    """

    text: str
    start: int
    end: int
    detail: str = ""


class Row(NamedTuple):
    """One fact across the event's articles.

    ``cells`` line up with the table's columns (``None`` where the article is
    silent). ``conflicts`` lists the columns whose cells contradict another
    cell of the row; ``disagree`` is true when there is any. ``key`` is a
    fingerprint of the cells, so a reviewer's decision survives rebuilding the
    table; a split row's parts share their parent's key as ``group``.
    """

    key: str
    kind: str
    label: str
    cells: tuple[Cell | None, ...]
    disagree: bool
    conflicts: frozenset[int] = frozenset()
    decision: str = ""
    group: str = ""

    @property
    def reported_by(self) -> int:
        return sum(cell is not None for cell in self.cells)

    def first_cell(self) -> int | None:
        """The column of the first article that reports this fact."""
        return next((i for i, cell in enumerate(self.cells) if cell is not None), None)


class EventTable(NamedTuple):
    """Every fact the articles of one event report, disagreeing rows first."""

    event_id: int | None
    label: str
    columns: tuple[Column, ...]
    rows: tuple[Row, ...]

    @property
    def disagreeing(self) -> int:
        return sum(row.disagree for row in self.rows)

    def shared_rows(self) -> tuple[Row, ...]:
        """Rows reported by at least two articles (what reports print)."""
        return tuple(row for row in self.rows if row.reported_by >= 2)

    def row(self, key: str) -> Row:
        """The row with this key (a split part's key, or the key of its parent)."""
        for row in self.rows:
            if row.key == key:
                return row
        for row in self.rows:
            if row.group == key:
                return row
        raise KeyError(key)


#: Events of this many articles get a fact table in the window and the reports:
#: with two, the table says no more than the pair's comparison.
MIN_ARTICLES = 3
