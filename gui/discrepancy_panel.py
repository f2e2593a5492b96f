"""The right-hand list: every discrepancy of the open pair, sortable and filterable.

The panel is the single source of "which discrepancy is current": everything
that changes it — a click, J/K, ``select()`` from F8 or from a click in an
article — ends in one ``currentChanged`` emission, emitted only when the id
really changes, so the window can route all navigation through one slot.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from PySide6.QtCore import QEvent, QItemSelectionModel, QModelIndex, Qt, Signal
from PySide6.QtGui import QAction, QFont, QFontMetrics, QKeyEvent, QPainter, QPaintEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QStyle,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from core.model import KINDS, SEVERITIES, Discrepancy
from core.store import VERDICTS
from gui.discrepancy_model import (
    COLUMNS,
    ID_ROLE,
    STATUSES,
    DiscrepancyFilter,
    DiscrepancyModel,
    status_label,
)
from gui.palette import kind_label


class DiscrepancyTable(QTableView):
    """The table itself: J/K step through rows; an empty list says why it is empty."""

    stepRequested = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.empty_text = "No discrepancies"

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        plain = event.modifiers() in (
            Qt.KeyboardModifier.NoModifier,
            Qt.KeyboardModifier.KeypadModifier,
        )
        if plain and event.key() == Qt.Key.Key_J:
            self.stepRequested.emit(1)
        elif plain and event.key() == Qt.Key.Key_K:
            self.stepRequested.emit(-1)
        else:
            super().keyPressEvent(event)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt override
        super().paintEvent(event)
        model = self.model()
        if model is not None and model.rowCount() == 0 and self.empty_text:
            painter = QPainter(self.viewport())
            painter.setPen(self.palette().color(self.palette().ColorRole.PlaceholderText))
            painter.drawText(
                self.viewport().rect().adjusted(12, 24, -12, -12),
                Qt.AlignmentFlag.AlignHCenter
                | Qt.AlignmentFlag.AlignTop
                | Qt.TextFlag.TextWordWrap,
                self.empty_text,
            )
            painter.end()


class ChoiceFilterButton(QToolButton):
    """A drop-down of checkable choices; all checked means "no restriction"."""

    changed = Signal()

    def __init__(
        self, title: str, choices: Sequence[tuple[str, str]], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._title = title
        self.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        menu = QMenu(self)
        show_all = menu.addAction("Show all")
        show_all.triggered.connect(lambda: self._set_and_notify(None))
        menu.addSeparator()
        self._actions: dict[str, QAction] = {}
        for key, label in choices:
            action = menu.addAction(label)
            action.setCheckable(True)
            action.setChecked(True)
            action.toggled.connect(self._on_toggled)
            self._actions[key] = action
        self.setMenu(menu)
        self._update_text()

    def selected(self) -> frozenset[str] | None:
        chosen = frozenset(k for k, a in self._actions.items() if a.isChecked())
        return None if len(chosen) == len(self._actions) else chosen

    def set_selected(self, keys: Iterable[str] | None) -> None:
        """Check exactly ``keys`` (None → all) without emitting ``changed``."""
        wanted = set(self._actions) if keys is None else set(keys)
        for key, action in self._actions.items():
            action.blockSignals(True)
            action.setChecked(key in wanted)
            action.blockSignals(False)
        self._update_text()

    def _set_and_notify(self, keys: Iterable[str] | None) -> None:
        self.set_selected(keys)
        self.changed.emit()

    def _on_toggled(self, _checked: bool) -> None:
        self._update_text()
        self.changed.emit()

    def _update_text(self) -> None:
        chosen = self.selected()
        if chosen is None:
            self.setText(f"{self._title}: all")
        elif len(chosen) == 1:
            key = next(iter(chosen))
            self.setText(f"{self._title}: {self._actions[key].text()}")
        else:
            self.setText(f"{self._title}: {len(chosen)} of {len(self._actions)}")
        self.setToolTip(f"Show only some {self._title.lower()} values")


class DiscrepancyPanel(QWidget):
    """Filter bar, table and a count; emits ``currentChanged(id | None)``."""

    currentChanged = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = DiscrepancyModel(self)
        self.proxy = DiscrepancyFilter(self)
        self.proxy.setSourceModel(self.model)
        self._emitted: str | None = None
        self._resume_row: int | None = None  # where a vanished current item stood
        self._quiet = False  # True while rows change under a kept current item
        #: Said in the empty list while no pair is open (set by the window).
        self.idle_text = ""

        self.text_filter = QLineEdit()
        self.text_filter.setPlaceholderText("Filter discrepancies…")
        self.text_filter.setClearButtonEnabled(True)
        self.text_filter.textChanged.connect(self._apply_filters)
        self.kind_filter = ChoiceFilterButton("Kind", [(k, kind_label(k)) for k in KINDS])
        self.severity_filter = ChoiceFilterButton(
            "Severity", [(s, s.capitalize()) for s in SEVERITIES]
        )
        self.status_filter = ChoiceFilterButton("Status", [(s, status_label(s)) for s in STATUSES])
        for button in (self.kind_filter, self.severity_filter, self.status_filter):
            button.changed.connect(self._apply_filters)

        self.table = DiscrepancyTable(self)
        self.table.setModel(self.proxy)
        self._setup_table()
        self.table.stepRequested.connect(self._step)
        self.table.selectionModel().currentRowChanged.connect(self._on_current_row)
        self.table.selectionModel().selectionChanged.connect(self._on_current_row)

        self.count_label = QLabel()
        self.count_label.setForegroundRole(self.count_label.foregroundRole())

        buttons = QHBoxLayout()
        buttons.setSpacing(4)
        buttons.addWidget(self.kind_filter)
        buttons.addWidget(self.severity_filter)
        buttons.addWidget(self.status_filter)
        buttons.addStretch(1)
        buttons.addWidget(self.count_label)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(self.text_filter)
        layout.addLayout(buttons)
        layout.addWidget(self.table, 1)
        self._update_count()

    def _setup_table(self) -> None:
        table = self.table
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setAlternatingRowColors(True)
        table.setShowGrid(False)
        table.setWordWrap(False)
        table.setTextElideMode(Qt.TextElideMode.ElideRight)
        table.verticalHeader().hide()
        table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 10)
        header = table.horizontalHeader()
        header.setHighlightSections(False)
        header.setStretchLastSection(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(COLUMNS.index("summary"), QHeaderView.ResizeMode.Stretch)
        self._fit_columns()
        # The verdict is in the editor below; the column is there for those who want it.
        header.setSectionHidden(COLUMNS.index("verdict"), True)
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header.customContextMenuRequested.connect(self._column_menu)
        table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        # Engine order until the user asks otherwise: -1 keeps the source order.
        header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        table.setSortingEnabled(True)
        self.proxy.sort(-1)

    # --- public API ----------------------------------------------------

    def set_discrepancies(
        self, discrepancies: Iterable[Discrepancy], annotations: Mapping[str, Any] | None = None
    ) -> None:
        """Replace the list; the current item survives if its id is still there."""
        self._keeping_current(lambda: self.model.set_discrepancies(discrepancies, annotations))
        self._resume_row = None  # a new list starts from its top

    def set_idle_text(self, text: str) -> None:
        """What the empty list says while no pair is open ("" once one is)."""
        self.idle_text = text
        self._update_count()
        self.table.viewport().update()

    def clear(self) -> None:
        self.set_discrepancies([], {})

    def update_annotation(self, disc_id: str, annotation: Any | None) -> None:
        def apply() -> None:
            self.model.update_annotation(disc_id, annotation)
            if self.proxy.filters()["statuses"] is not None or self.proxy.filters()["text"]:
                self.proxy.refilter()

        self._keeping_current(apply)

    def select(self, disc_id: str | None) -> bool:
        """Make ``disc_id`` current (clearing filters that hide it); None clears."""
        if disc_id is None:
            self._resume_row = None
            self.table.selectionModel().clearCurrentIndex()
            self.table.clearSelection()
            self._sync_current()
            return True
        if self.model.row_of(disc_id) is None:
            return False
        if not self._select_visible(disc_id):
            self.set_filters()
            self._select_visible(disc_id)
        self._sync_current()
        return self.current_id() == disc_id

    def current_id(self) -> str | None:
        index = self.table.selectionModel().currentIndex()
        if not index.isValid() or not self.table.selectionModel().isRowSelected(
            index.row(), QModelIndex()
        ):
            return None
        return index.siblingAtColumn(0).data(ID_ROLE)

    def neighbour_id(self, step: int) -> str | None:
        """The id ``step`` rows away in the shown order; None past either end.

        With nothing current, a forward step lands on the first row and a
        backward step on the last, so F8 on a freshly opened pair starts at the top.
        """
        rows = self.proxy.rowCount()
        if rows == 0 or step == 0:
            return self.current_id() if step == 0 else None
        current = self.table.selectionModel().currentIndex()
        if self.current_id() is None and self._resume_row is not None:
            row = self._resume_row + (step - 1 if step > 0 else step)
        elif self.current_id() is None:
            row = step - 1 if step > 0 else rows + step
        else:
            row = current.row() + step
        if not 0 <= row < rows:
            return None
        return self.proxy.index(row, 0).data(ID_ROLE)

    def visible_ids(self) -> list[str]:
        return [self.proxy.index(r, 0).data(ID_ROLE) for r in range(self.proxy.rowCount())]

    def set_filters(
        self,
        kinds: Iterable[str] | None = None,
        severities: Iterable[str] | None = None,
        statuses: Iterable[str] | None = None,
        text: str | None = None,
    ) -> None:
        """Set every filter at once; None means "no restriction" for that one."""
        self.kind_filter.set_selected(kinds)
        self.severity_filter.set_selected(severities)
        self.status_filter.set_selected(statuses)
        self.text_filter.blockSignals(True)
        self.text_filter.setText(text or "")
        self.text_filter.blockSignals(False)
        self._apply_filters()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:  # kind swatches follow light/dark
            self.model.set_palette(self.palette())
        elif event.type() == QEvent.Type.FontChange:
            self._fit_columns()

    def _fit_columns(self) -> None:
        """Size kind, severity, status and verdict to their longest word; summary gets the rest.

        Measured from the font rather than fixed pixels, so a larger system font
        never clips "Attribution" or "Follow-up", and no pixel is wasted on the
        short columns that the summary could use.
        """
        table = self.table
        header = table.horizontalHeader()
        bold = QFont(table.font())
        bold.setBold(True)
        plain, strong = QFontMetrics(table.font()), QFontMetrics(bold)
        title = QFontMetrics(header.font())
        padding = 2 * table.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin) + 8
        icon = table.style().pixelMetric(QStyle.PixelMetric.PM_SmallIconSize) + 4
        # (label, bold?) per column: high severity and the confirmed status are bold.
        words = {
            "kind": [(kind_label(k), False) for k in KINDS],
            "severity": [(s.capitalize(), s == "high") for s in SEVERITIES],
            "status": [(status_label(s), s == "confirmed") for s in STATUSES],
            "verdict": [(v, False) for v in VERDICTS],
        }
        for name, labels in words.items():
            column = COLUMNS.index(name)
            widest = max((strong if heavy else plain).horizontalAdvance(w) for w, heavy in labels)
            widest += padding + (icon if name == "kind" else 0)
            heading = str(self.model.headerData(column, Qt.Orientation.Horizontal))
            header.resizeSection(column, max(widest, title.horizontalAdvance(heading) + padding))

    # --- internals -----------------------------------------------------

    def _column_menu(self, pos) -> None:
        menu = self.column_menu()
        menu.exec(self.table.horizontalHeader().mapToGlobal(pos))
        menu.deleteLater()

    def column_menu(self) -> QMenu:
        """Show/hide columns (the summary always stays)."""
        header = self.table.horizontalHeader()
        menu = QMenu(self)
        for column, name in enumerate(COLUMNS):
            if name == "summary":
                continue
            action = menu.addAction(str(self.model.headerData(column, Qt.Orientation.Horizontal)))
            action.setCheckable(True)
            action.setChecked(not header.isSectionHidden(column))
            action.toggled.connect(lambda on, c=column: header.setSectionHidden(c, not on))
        return menu

    def _apply_filters(self, *_args) -> None:
        self._keeping_current(
            lambda: self.proxy.set_filters(
                kinds=self.kind_filter.selected(),
                severities=self.severity_filter.selected(),
                statuses=self.status_filter.selected(),
                text=self.text_filter.text(),
            )
        )

    def _keeping_current(self, change) -> None:
        """Apply a change to the rows without letting Qt pick a new current item.

        Qt moves the selection to a neighbour when the current row disappears;
        that would silently retarget the annotation editor.  Instead the item
        stays current if it is still shown, and otherwise nothing is current and
        its place is remembered so the next step continues from there.
        """
        before = self.current_id()
        before_row = self.table.selectionModel().currentIndex().row() if before else None
        self._quiet = True
        try:
            change()
            if before is not None and self._select_visible(before):
                pass
            elif before is not None:
                self.table.selectionModel().clear()
                self._resume_row = before_row
        finally:
            self._quiet = False
        self._sync_current()
        self._update_count()

    def _select_visible(self, disc_id: str) -> bool:
        row = self.model.row_of(disc_id)
        if row is None:
            return False
        index = self.proxy.mapFromSource(self.model.index(row, 0))
        if not index.isValid():
            return False
        flags = (
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows
        )
        self.table.selectionModel().setCurrentIndex(index, flags)
        self.table.scrollTo(index, QAbstractItemView.ScrollHint.EnsureVisible)
        return True

    def _step(self, step: int) -> None:
        target = self.neighbour_id(step)
        if target is not None:
            self._select_visible(target)
            self._sync_current()

    def _on_current_row(self, *_args) -> None:
        if not self._quiet:
            self._sync_current()

    def _sync_current(self) -> None:
        """Emit ``currentChanged`` once per real change, whatever caused it."""
        current = self.current_id()
        if current is not None:
            self._resume_row = None
        if current != self._emitted:
            self._emitted = current
            self.currentChanged.emit(current)

    def _update_count(self) -> None:
        shown, total = self.proxy.rowCount(), self.model.rowCount()
        self.count_label.setText(f"{total}" if shown == total else f"{shown} of {total}")
        self.count_label.setToolTip(f"{shown} of {total} discrepancies shown")
        if total == 0:
            self.table.empty_text = self.idle_text or "No discrepancies for this pair"
        elif shown == 0:
            self.table.empty_text = "No discrepancy matches the filters"
        else:
            self.table.empty_text = ""
