"""The event's fact table beside the review: open it, decide rows, open a cell's pair.

:class:`FactTableLink` owns the fact table window and ties it to the
:class:`gui.review_session.ReviewSession`. The table comes from the project
(``Project.event_table``); a cell click opens the pair of that article and the
first other article reporting the fact (pairing them when the project has no
such pair yet) and, once the window has shown the pair (it calls
:meth:`FactTableLink.pair_shown`), asks for the fact to be revealed in both panes.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget

from core.errors import FactDiffError
from gui.fact_table_dialog import FactTableDialog

if TYPE_CHECKING:
    from core.events.fact_table import EventTable, Row
    from core.model import Span
    from gui.jobs import PairData
    from gui.review_session import ReviewSession


class FactTableLink(QObject):
    """One fact table window per main window, and what its cells open."""

    #: Show a fact once its pair is open: the discrepancy on it (id or None), span in A, in B.
    revealRequested = Signal(object, object, object)

    def __init__(self, session: ReviewSession, parent: QWidget) -> None:
        super().__init__(parent)
        self._session = session
        self._parent = parent
        self.dialog: FactTableDialog | None = None
        self._pending: tuple[int, Span | None, Span | None] | None = None

    def show(self, event_id: int | None) -> FactTableDialog | None:
        """Open (or bring forward) the fact table of ``event_id``; None says why not."""
        project = self._session.project
        if project is None:
            return None
        if event_id is None:
            self._session.say("Select an event of three or more articles first.")
            return None
        try:
            table = project.event_table(event_id)
        except FactDiffError as exc:
            self._session.errorRequested.emit(str(exc))
            return None
        dialog = self._dialog()
        dialog.set_table(table, writable=not project.readonly)
        dialog.show()
        dialog.raise_()
        return dialog

    def _dialog(self) -> FactTableDialog:
        if self.dialog is None:
            self.dialog = FactTableDialog(self._parent)
            self.dialog.cellOpenRequested.connect(self.open_fact)
            self.dialog.decisionRequested.connect(self.decide_row)
        return self.dialog

    def close(self) -> None:
        if self.dialog is not None:
            self.dialog.close()

    def decide_row(self, row_key: str, decision: str) -> None:
        project, dialog = self._session.project, self.dialog
        if project is None or dialog is None or dialog.table is None:
            return
        try:
            project.decide_fact_row(row_key, decision)
            table = project.event_table(dialog.table.event_id)
        except FactDiffError as exc:
            self._session.errorRequested.emit(str(exc))
            return
        dialog.set_table(table, writable=not project.readonly)
        dialog.select_row(row_key) or dialog.select_row(f"{row_key}.0")

    def open_fact(self, row_key: str, column: int) -> None:
        """Open the pair of the cell's article and the first other article with the fact."""
        session = self._session
        table = self.dialog.table if self.dialog else None
        if session.project is None or table is None:
            return
        row = next((r for r in table.rows if r.key == row_key), None)
        if row is None or row.cells[column] is None:
            return
        partner = _partner(table, row, column)
        if partner is None:
            session.say("No other article in this event.")
            return
        first, second = sorted((column, partner))
        pair_id = session.pair_of(table.columns[first].article_id,
                                  table.columns[second].article_id)
        if pair_id is None:
            return
        info = session.pairs[pair_id]
        spans = {
            table.columns[k].article_id: (cell.start, cell.end)
            for k in (first, second)
            if (cell := row.cells[k]) is not None
        }
        self._pending = (pair_id, spans.get(info.a_id), spans.get(info.b_id))
        if pair_id == session.pair_id and session.pair_data is not None:
            self.pair_shown(session.pair_data)
        else:
            session.open_pair(pair_id)

    def pair_shown(self, data: PairData | None) -> None:
        """Once the pair is shown (after the views): ask for the fact to be revealed."""
        if data is None:
            return  # still being compared
        pending, self._pending = self._pending, None
        if pending is None or pending[0] != data.pair_id:
            return
        _, span_a, span_b = pending
        disc = next((d for d in data.discrepancies
                     if _meets(d.a, span_a) or _meets(d.b, span_b)), None)
        self.revealRequested.emit(disc.id if disc is not None else None, span_a, span_b)


def _partner(table: EventTable, row: Row, column: int) -> int | None:
    """The first other column reporting the row's fact, else the first other column."""
    others = [k for k in range(len(table.columns)) if k != column]
    with_fact = [k for k in others if row.cells[k] is not None]
    return (with_fact or others or [None])[0]


def _meets(span: Span | None, fact: Span | None) -> bool:
    return span is not None and fact is not None and span[0] < fact[1] and fact[0] < span[1]
