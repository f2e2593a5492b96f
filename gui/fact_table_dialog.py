"""An event's fact table in a window of its own: facts down, articles across.

A thin view of :class:`core.events.fact_table.EventTable`. It never talks to the
project: a click on a cell asks for the pair with that fact
(``cellOpenRequested``), the buttons ask to accept or split the current row
(``decisionRequested``); the main window does both and hands back a new table.
Disagreeing rows carry "≠" and a tint, the cells that tell it otherwise are
bold, so the mark does not rest on colour alone.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QFont, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from core.events.fact_table import ROW_KIND_LABELS, EventTable, Row
from core.events.fact_table.render import DISAGREE_MARK, summary_line
from gui import icons
from gui.palette import KIND_HUES, mix

KEY_ROLE = Qt.ItemDataRole.UserRole + 1
#: Columns before the articles: the mark and what the row is about.
LEAD_COLUMNS = 2
DISAGREE_TINT = 0.22


class FactTableDialog(QDialog):
    """One event's fact table; non-modal, so the pair it opens can be read beside it."""

    cellOpenRequested = Signal(str, int)  # row key, article column (0-based)
    decisionRequested = Signal(str, str)  # row key, "accepted" | "split" | ""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("factTableDialog")
        self.setWindowIcon(icons.fact_table())
        self.setModal(False)
        self.resize(1100, 560)
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.grid = QTableWidget(self)
        self.grid.setObjectName("factTable")
        self.grid.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.grid.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.grid.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.grid.setWordWrap(True)
        self.grid.verticalHeader().setVisible(False)
        self.grid.cellClicked.connect(self._on_cell)
        self.grid.currentCellChanged.connect(lambda *_: self._update_buttons())
        self.accept_button = QPushButton("&Accept as One Fact", self)
        self.split_button = QPushButton("&Split", self)
        self.clear_button = QPushButton("&Undo Decision", self)
        self.accept_button.setToolTip("The cells of this row report one fact")
        self.split_button.setToolTip("The cells of this row are different facts: one row each")
        self.accept_button.clicked.connect(lambda: self._decide("accepted"))
        self.split_button.clicked.connect(lambda: self._decide("split"))
        self.clear_button.clicked.connect(lambda: self._decide(""))
        buttons = QHBoxLayout()
        for button in (self.accept_button, self.split_button, self.clear_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        close = QPushButton("Close", self)
        close.clicked.connect(self.close)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.grid, 1)
        layout.addLayout(buttons)
        self.table: EventTable | None = None
        self._writable = True

    # -- filling ------------------------------------------------------------
    def set_table(self, table: EventTable, *, writable: bool = True) -> None:
        """Show ``table``, keeping the current row when it is still there."""
        keep = self.current_row_key()
        self.table = table
        self._writable = writable
        title = f"Fact table — {table.label or f'Event {table.event_id}'}"
        self.setWindowTitle(title)
        self.summary.setText(
            f"{summary_line(table)}. Click a cell to open its article beside the first other "
            "article that reports the fact."
        )
        grid = self.grid
        grid.clear()
        grid.setRowCount(len(table.rows))
        grid.setColumnCount(LEAD_COLUMNS + len(table.columns))
        grid.setHorizontalHeaderLabels(["", "Fact", *(c.label for c in table.columns)])
        for r, row in enumerate(table.rows):
            self._fill_row(r, row)
        header = grid.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Interactive)
        grid.setColumnWidth(1, 260)
        for c in range(LEAD_COLUMNS, grid.columnCount()):
            header.setSectionResizeMode(c, QHeaderView.ResizeMode.Interactive)
            grid.setColumnWidth(c, 200)
            grid.horizontalHeaderItem(c).setToolTip(table.columns[c - LEAD_COLUMNS].label)
        header.setStretchLastSection(True)  # the table fills the dialog
        grid.resizeRowsToContents()
        if keep is not None:
            self.select_row(keep)
        self._update_buttons()

    def _fill_row(self, r: int, row: Row) -> None:
        tint = self._tint(row)
        mark = QTableWidgetItem(DISAGREE_MARK if row.disagree else "")
        mark.setToolTip("The articles disagree on this fact" if row.disagree else "")
        what = ROW_KIND_LABELS.get(row.kind, row.kind)
        decided = f" ({row.decision})" if row.decision else ""
        fact = QTableWidgetItem(f"{what}: {row.label}{decided}")
        fact.setToolTip(fact.text())
        items = [mark, fact]
        for n, cell in enumerate(row.cells):
            item = QTableWidgetItem(cell.text if cell else "")
            if cell is not None:
                tip = f"{cell.text}\n— {cell.detail}" if cell.detail else cell.text
                item.setToolTip(tip)
            if n in row.conflicts:
                font = QFont(item.font())
                font.setBold(True)
                item.setFont(font)
            items.append(item)
        for c, item in enumerate(items):
            item.setData(KEY_ROLE, row.key)
            if tint is not None:
                item.setBackground(tint)
            self.grid.setItem(r, c, item)

    def _tint(self, row: Row) -> QColor | None:
        if not row.disagree:
            return None
        base = self.palette().color(QPalette.ColorRole.Base)
        return mix(base, QColor(KIND_HUES["number"]), DISAGREE_TINT)

    # -- queries ------------------------------------------------------------
    def current_row_key(self) -> str | None:
        item = self.grid.item(self.grid.currentRow(), 0) if self.grid.currentRow() >= 0 else None
        return str(item.data(KEY_ROLE)) if item is not None else None

    def current_row(self) -> Row | None:
        key = self.current_row_key()
        if key is None or self.table is None:
            return None
        return next((row for row in self.table.rows if row.key == key), None)

    def row_index(self, key: str) -> int:
        if self.table is None:
            return -1
        return next((i for i, row in enumerate(self.table.rows) if row.key == key), -1)

    def select_row(self, key: str) -> bool:
        index = self.row_index(key)
        if index < 0:
            return False
        self.grid.setCurrentCell(index, 1)
        return True

    def cell_rect(self, key: str, column: int):
        """Where a cell is on screen (for tests and for showing it)."""
        index = self.row_index(key)
        return self.grid.visualRect(self.grid.model().index(index, LEAD_COLUMNS + column))

    # -- user -----------------------------------------------------------------
    def _on_cell(self, r: int, c: int) -> None:
        if self.table is None or c < LEAD_COLUMNS or not 0 <= r < len(self.table.rows):
            return
        row = self.table.rows[r]
        column = c - LEAD_COLUMNS
        if row.cells[column] is not None:
            self.cellOpenRequested.emit(row.key, column)

    def _decide(self, decision: str) -> None:
        row = self.current_row()
        if row is not None:
            self.decisionRequested.emit(row.group or row.key, decision)

    def _update_buttons(self) -> None:
        row = self.current_row()
        can = self._writable and row is not None
        self.accept_button.setEnabled(can and row.reported_by > 1 and row.decision != "accepted")
        self.split_button.setEnabled(can and row.reported_by > 1 and not row.decision)
        self.clear_button.setEnabled(can and bool(row.decision))
