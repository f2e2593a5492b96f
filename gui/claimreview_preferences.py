"""The ClaimReview part of Preferences: organisation, publication address, rating table.

It edits ``claimreview.json`` in the settings folder — the file
``factdiff report --format claimreview`` reads too (docs/claimreview.md) — so
the window and the command line always rate verdicts the same way.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from core.report.claimreview_config import (
    ClaimReviewConfig,
    config_from_dict,
    config_to_dict,
    load_config,
    save_config,
)

COLUMNS = ("Verdict", "Rating (alternateName)", "Value")


class ClaimReviewPreferences(QWidget):
    """Fields for the organisation and addresses, and an editable verdict → rating table."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        config = load_config()
        self.organization = QLineEdit(config.organization, self)
        self.organization.setPlaceholderText("The fact-checking organisation publishing the reviews")
        self.organization_url = QLineEdit(config.organization_url, self)
        self.organization_url.setPlaceholderText("https://…")
        self.review_url = QLineEdit(config.review_url, self)
        self.review_url.setPlaceholderText("https://… where the reviews are published; {id} allowed")
        self.worst = self._scale(config.worst_rating)
        self.best = self._scale(config.best_rating)
        self.table = QTableWidget(0, len(COLUMNS), self)
        self.table.setHorizontalHeaderLabels(COLUMNS)
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().hide()
        for rule in config.ratings:
            self.add_row(rule.verdict, rule.rating, rule.value)
        add, remove = QPushButton("Add Verdict", self), QPushButton("Remove Verdict", self)
        add.clicked.connect(lambda: self.add_row("", "", self.worst.value()))
        remove.clicked.connect(self.remove_current_row)
        self._layout(add, remove)

    def _scale(self, value: float) -> QDoubleSpinBox:
        box = QDoubleSpinBox(self)
        box.setRange(-1000, 1000)
        box.setDecimals(1)
        box.setValue(value)
        return box

    def _layout(self, add: QPushButton, remove: QPushButton) -> None:
        form = QFormLayout()
        form.addRow("&Organisation:", self.organization)
        form.addRow("Organisation &web site:", self.organization_url)
        form.addRow("&Published at:", self.review_url)
        scale = QHBoxLayout()
        scale.addWidget(self.worst)
        scale.addWidget(self.best)
        form.addRow("Rating scale (worst, best):", scale)
        buttons = QHBoxLayout()
        buttons.addWidget(add)
        buttons.addWidget(remove)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.table)
        layout.addLayout(buttons)

    def add_row(self, verdict: str, rating: str, value: float) -> None:
        row = self.table.rowCount()
        self.table.insertRow(row)
        for column, text in enumerate((verdict, rating, f"{value:g}")):
            self.table.setItem(row, column, QTableWidgetItem(text))

    def remove_current_row(self) -> None:
        row = self.table.currentRow()
        if row >= 0:
            self.table.removeRow(row)

    def config(self) -> ClaimReviewConfig:
        """What the fields say, checked like the file: raises FactDiffError with one line."""
        ratings = {}
        for row in range(self.table.rowCount()):
            verdict, rating, value = (self._cell(row, c) for c in range(len(COLUMNS)))
            if verdict or rating:
                ratings[verdict] = {"rating": rating, "value": _number(value)}
        data = config_to_dict(ClaimReviewConfig())
        data.update(
            organization=self.organization.text(),
            organization_url=self.organization_url.text(),
            review_url=self.review_url.text(),
            worst_rating=self.worst.value(),
            best_rating=self.best.value(),
            ratings=ratings,
        )
        return config_from_dict(data, "ClaimReview preferences")

    def save(self) -> None:
        """Write the file only when something changed, so untouched defaults stay the shipped ones."""
        config = self.config()
        if config != load_config():
            save_config(config)

    def _cell(self, row: int, column: int) -> str:
        item = self.table.item(row, column)
        return item.text().strip() if item is not None else ""


def _number(text: str) -> object:
    try:
        return float(text.replace(",", "."))
    except ValueError:
        return text  # refused by config_from_dict with the verdict named
