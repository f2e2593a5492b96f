"""The discrepancy list as a Qt model, and the proxy that sorts and filters it.

The model only ever holds what it was given — core's ``Discrepancy`` records
and the annotations the store returned — so it can be rebuilt in one call when
a pair opens and patched row by row when an annotation changes.  Annotations
are duck-typed (anything with ``status``, ``verdict``, ``note``…); ``None``
means "open, not yet looked at".
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QFont, QPalette
from PySide6.QtWidgets import QApplication

from core.model import KINDS, SEVERITIES, Discrepancy
from core.store import STATUSES, VERDICTS
from gui.palette import Theme, kind_label, severity_rank

STATUS_LABELS = {
    "open": "Open",
    "confirmed": "Confirmed",
    "dismissed": "Dismissed",
    "follow-up": "Follow-up",
}

COLUMNS = ("kind", "severity", "summary", "status", "verdict")
COLUMN_TITLES = {
    "kind": "Kind",
    "severity": "Severity",
    "summary": "Summary",
    "status": "Status",
    "verdict": "Verdict",
}

ID_ROLE = Qt.ItemDataRole.UserRole + 1
SORT_ROLE = Qt.ItemDataRole.UserRole + 2
KEY_ROLE = Qt.ItemDataRole.UserRole + 3  # the raw kind / severity / status string

Index = QModelIndex | QPersistentModelIndex

# Triage order: what still needs a look comes before what has been decided.
_STATUS_ORDER = {"open": 0, "follow-up": 1, "confirmed": 2, "dismissed": 3}
_KIND_ORDER = {kind: i for i, kind in enumerate(KINDS)}


def status_of(annotation: Any | None) -> str:
    status = getattr(annotation, "status", None) if annotation is not None else None
    return status if status in STATUSES else "open"


def status_label(status: str) -> str:
    return STATUS_LABELS.get(status, status.capitalize())


def _text(annotation: Any | None, field: str) -> str:
    value = getattr(annotation, field, "") if annotation is not None else ""
    return value or ""


class DiscrepancyModel(QAbstractTableModel):
    """One row per discrepancy, in the order given (the engine ranks them)."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._rows: list[Discrepancy] = []
        self._annotations: dict[str, Any] = {}
        self._row_of: dict[str, int] = {}
        self._theme: Theme | None = None

    # --- data in --------------------------------------------------------

    def set_discrepancies(
        self, discrepancies: Iterable[Discrepancy], annotations: Mapping[str, Any] | None = None
    ) -> None:
        self.beginResetModel()
        self._rows = list(discrepancies)
        self._row_of = {d.id: i for i, d in enumerate(self._rows)}
        self._annotations = dict(annotations or {})
        self.endResetModel()

    def update_annotation(self, disc_id: str, annotation: Any | None) -> None:
        if annotation is None:
            self._annotations.pop(disc_id, None)
        else:
            self._annotations[disc_id] = annotation
        row = self._row_of.get(disc_id)
        if row is not None:
            self.dataChanged.emit(self.index(row, 0), self.index(row, len(COLUMNS) - 1))

    # --- data out -------------------------------------------------------

    def discrepancy(self, row: int) -> Discrepancy | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def discrepancies(self) -> list[Discrepancy]:
        return list(self._rows)

    def annotation(self, disc_id: str) -> Any | None:
        return self._annotations.get(disc_id)

    def row_of(self, disc_id: str) -> int | None:
        return self._row_of.get(disc_id)

    def status(self, disc_id: str) -> str:
        return status_of(self._annotations.get(disc_id))

    # --- Qt model API --------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008 - Qt override
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008 - Qt override
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(  # noqa: N802 - Qt override
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ):
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(COLUMNS):
            if role == Qt.ItemDataRole.DisplayRole:
                return COLUMN_TITLES[COLUMNS[section]]
            if role == Qt.ItemDataRole.TextAlignmentRole:
                return int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return (
            Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemIsSelectable
            | Qt.ItemFlag.ItemNeverHasChildren
        )

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        disc = self._rows[index.row()]
        column = COLUMNS[index.column()]
        annotation = self._annotations.get(disc.id)
        status = status_of(annotation)
        if role == ID_ROLE:
            return disc.id
        if role == KEY_ROLE:
            return {"kind": disc.kind, "severity": disc.severity, "status": status}.get(column)
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(disc, column, status, annotation)
        if role == SORT_ROLE:
            return self._sort_key(disc, column, status, annotation)
        if role == Qt.ItemDataRole.ToolTipRole:
            note = _text(annotation, "note")
            tip = disc.summary if not note else f"{disc.summary}\n\nNote: {note}"
            return tip if column == "summary" else None
        if role == Qt.ItemDataRole.DecorationRole and column == "kind":
            return self.theme().kind_hue(disc.kind)
        if role == Qt.ItemDataRole.ForegroundRole and status == "dismissed":
            return self.theme().dimmed_text()
        if role == Qt.ItemDataRole.FontRole:
            return self._font(column, status, disc.severity)
        return None

    def _display(self, disc: Discrepancy, column: str, status: str, annotation: Any | None) -> str:
        if column == "kind":
            return kind_label(disc.kind)
        if column == "severity":
            return disc.severity.capitalize()
        if column == "summary":
            return disc.summary
        if column == "status":
            return status_label(status)
        return _text(annotation, "verdict")

    def _sort_key(self, disc: Discrepancy, column: str, status: str, annotation: Any | None):
        row = self._row_of.get(disc.id, 0)
        if column == "severity":
            # Higher severity sorts *first* in ascending order; ties keep the engine's rank.
            return (-severity_rank(disc.severity), row)
        if column == "kind":
            return (_KIND_ORDER.get(disc.kind, len(KINDS)), row)
        if column == "status":
            return (_STATUS_ORDER.get(status, len(_STATUS_ORDER)), row)
        if column == "summary":
            return (disc.summary.casefold(), row)
        return (_text(annotation, "verdict").casefold() or "\uffff", row)

    def _font(self, column: str, status: str, severity: str) -> QFont | None:
        if column == "status" and status == "confirmed":
            font = QFont(QApplication.font())
            font.setBold(True)
            return font
        if column == "severity" and severity == "high" and status != "dismissed":
            font = QFont(QApplication.font())
            font.setWeight(QFont.Weight.DemiBold)
            return font
        return None

    def theme(self) -> Theme:
        if self._theme is None:
            self._theme = Theme.from_palette(QApplication.palette())
        return self._theme

    def set_palette(self, palette: QPalette) -> None:
        self._theme = Theme.from_palette(palette)
        if self._rows:
            self.dataChanged.emit(
                self.index(0, 0), self.index(len(self._rows) - 1, len(COLUMNS) - 1)
            )


class DiscrepancyFilter(QSortFilterProxyModel):
    """Sorts through ``SORT_ROLE`` and filters by kind, severity, status and text.

    A filter set to ``None`` lets everything through; an empty set hides all.
    The text filter matches the summary, kind, verdict and note, case-insensitively.
    """

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setSortRole(SORT_ROLE)
        self._kinds: frozenset[str] | None = None
        self._severities: frozenset[str] | None = None
        self._statuses: frozenset[str] | None = None
        self._needle = ""

    def set_filters(
        self,
        kinds: Iterable[str] | None = None,
        severities: Iterable[str] | None = None,
        statuses: Iterable[str] | None = None,
        text: str | None = None,
    ) -> None:
        """Replace every filter at once (``None`` = no restriction)."""

        def change() -> None:
            self._kinds = None if kinds is None else frozenset(kinds)
            self._severities = None if severities is None else frozenset(severities)
            self._statuses = None if statuses is None else frozenset(statuses)
            self._needle = (text or "").strip().casefold()

        self.refilter(change)

    def refilter(self, change=None) -> None:
        """Re-run the row filter, e.g. after annotations it depends on changed."""
        if hasattr(self, "beginFilterChange"):  # Qt ≥ 6.9
            self.beginFilterChange()
            if change is not None:
                change()
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        else:  # pragma: no cover - older Qt
            if change is not None:
                change()
            self.invalidateRowsFilter()

    def filters(self) -> dict[str, Any]:
        return {
            "kinds": self._kinds,
            "severities": self._severities,
            "statuses": self._statuses,
            "text": self._needle,
        }

    def lessThan(self, left: Index, right: Index) -> bool:  # noqa: N802 - Qt override
        """Compare the Python sort keys directly (tuples do not survive QVariant comparison)."""
        a, b = left.data(SORT_ROLE), right.data(SORT_ROLE)
        try:
            return a < b
        except TypeError:
            return str(a) < str(b)

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:  # noqa: N802 - Qt override
        model = self.sourceModel()
        if not isinstance(model, DiscrepancyModel):
            return True
        disc = model.discrepancy(source_row)
        if disc is None:
            return False
        if self._kinds is not None and disc.kind not in self._kinds:
            return False
        if self._severities is not None and disc.severity not in self._severities:
            return False
        annotation = model.annotation(disc.id)
        if self._statuses is not None and status_of(annotation) not in self._statuses:
            return False
        if self._needle:
            haystack = " ".join(
                (
                    disc.summary,
                    disc.kind,
                    kind_label(disc.kind),
                    _text(annotation, "verdict"),
                    _text(annotation, "note"),
                )
            ).casefold()
            return self._needle in haystack
        return True


__all__ = [
    "COLUMNS",
    "ID_ROLE",
    "KEY_ROLE",
    "SEVERITIES",
    "SORT_ROLE",
    "STATUSES",
    "VERDICTS",
    "DiscrepancyFilter",
    "DiscrepancyModel",
    "status_label",
    "status_of",
]
