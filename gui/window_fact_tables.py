"""The event's fact table in the window: open it, decide rows, open a cell's pair.

A mixin of :class:`gui.main_window.MainWindow`, like :mod:`gui.window_projects`.
The table comes from the project (``Project.event_table``); a cell click
opens the pair of that article and the first other article reporting the
fact (pairing them when the project has no such pair yet) and selects the
fact in both panes once the pair is shown.
"""

from __future__ import annotations

from core.errors import FactDiffError
from core.event_table import EventTable, Row
from core.model import Span
from gui.fact_table_dialog import FactTableDialog


class FactTablesMixin:
    """Needs the window's ``project``, ``browser``, ``view``, ``panel`` and pair methods."""

    fact_dialog: FactTableDialog | None = None
    _pending_fact: tuple[int, Span | None, Span | None] | None = None

    def show_fact_table(self, event_id: int | None = None) -> FactTableDialog | None:
        """Open (or bring forward) the fact table of ``event_id`` (default: the browser's)."""
        if self.project is None:
            return None
        event_id = self.browser.current_event_id() if event_id is None else event_id
        if event_id is None:
            self.message("Select an event of three or more articles first.")
            return None
        try:
            table = self.project.event_table(event_id)
        except FactDiffError as exc:
            self.show_error(str(exc))
            return None
        dialog = self._fact_dialog()
        dialog.set_table(table, writable=not self.project.readonly)
        dialog.show()
        dialog.raise_()
        return dialog

    def _fact_dialog(self) -> FactTableDialog:
        if self.fact_dialog is None:
            self.fact_dialog = FactTableDialog(self)
            self.fact_dialog.cellOpenRequested.connect(self.open_fact)
            self.fact_dialog.decisionRequested.connect(self.decide_fact_row)
        return self.fact_dialog

    def close_fact_table(self) -> None:
        if self.fact_dialog is not None:
            self.fact_dialog.close()

    def decide_fact_row(self, row_key: str, decision: str) -> None:
        dialog = self.fact_dialog
        if self.project is None or dialog is None or dialog.table is None:
            return
        try:
            self.project.decide_fact_row(row_key, decision)
            table = self.project.event_table(dialog.table.event_id)
        except FactDiffError as exc:
            self.show_error(str(exc))
            return
        dialog.set_table(table, writable=not self.project.readonly)
        dialog.select_row(row_key) or dialog.select_row(f"{row_key}.0")

    def open_fact(self, row_key: str, column: int) -> None:
        """Open the pair of the cell's article and the first other article with the fact."""
        table = self.fact_dialog.table if self.fact_dialog else None
        if self.project is None or table is None:
            return
        row = next((r for r in table.rows if r.key == row_key), None)
        if row is None or row.cells[column] is None:
            return
        partner = _partner(table, row, column)
        if partner is None:
            self.message("No other article in this event.")
            return
        first, second = sorted((column, partner))
        a_id, b_id = table.columns[first].article_id, table.columns[second].article_id
        pair_id = self._pair_of(a_id, b_id)
        if pair_id is None:
            return
        info = self.project.pair(pair_id)
        spans = {
            table.columns[k].article_id: (cell.start, cell.end)
            for k in (first, second)
            if (cell := row.cells[k]) is not None
        }
        self._pending_fact = (pair_id, spans.get(info.a_id), spans.get(info.b_id))
        if pair_id == self.pair_id and self.pair_data is not None:
            self._reveal_fact(pair_id)
        else:
            self.browser.select_pair(pair_id, emit=False)
            self.open_pair(pair_id)

    def _pair_of(self, a_id: int, b_id: int) -> int | None:
        """The project's pair of two articles, made (A the earlier) when there is none."""
        for pair in self._pairs.values():
            if {pair.a_id, pair.b_id} == {a_id, b_id}:
                return pair.id
        if self.project.readonly:
            self.show_error("These two articles are not paired, and the project is read-only.")
            return None
        try:
            pair_id = self.project.add_pair(a_id, b_id)
        except FactDiffError as exc:
            self.show_error(str(exc))
            return None
        self.refresh_project()
        return pair_id

    def _reveal_fact(self, pair_id: int) -> None:
        """Once the pair is shown: its discrepancy on the fact current, the fact selected."""
        pending, self._pending_fact = self._pending_fact, None
        if pending is None or pending[0] != pair_id or self.pair_data is None:
            return
        _, span_a, span_b = pending
        disc = next(
            (
                d
                for d in self.pair_data.discrepancies
                if _meets(d.a, span_a) or _meets(d.b, span_b)
            ),
            None,
        )
        if disc is not None:
            self.select_discrepancy(disc.id)
        self.view.show_spans(span_a, span_b)


def _partner(table: EventTable, row: Row, column: int) -> int | None:
    """The first other column reporting the row's fact, else the first other column."""
    others = [k for k in range(len(table.columns)) if k != column]
    with_fact = [k for k in others if row.cells[k] is not None]
    return (with_fact or others or [None])[0]


def _meets(span: Span | None, fact: Span | None) -> bool:
    return span is not None and fact is not None and span[0] < fact[1] and fact[0] < span[1]
