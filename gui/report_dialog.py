"""File → Export report…: the report's options, a live preview, and Save….

The dialog only reads the project (no annotation, comparison or setting is
written to it); all report logic lives in ``core.report`` so the window and
``factdiff report`` always produce the same document.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QTimer, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QMessageBox,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from core.errors import FactDiffError
from core.model import KINDS, SEVERITIES
from core.report.collect import build_report
from core.report.export import SUFFIXES, export_report
from core.report.labels import label
from core.report.options import DEFAULT_STATUSES, ORDERS, ReportOptions
from core.report.report_records import ReportData
from core.store import STATUSES
from gui.report_pdf import QT_STYLESHEET, qt_html

FORMAT_NAMES = {
    "html": "HTML page",
    "pdf": "PDF document",
    "md": "Markdown",
    "csv": "CSV spreadsheet",
    "json": "JSON data",
}
ORDER_NAMES = {"severity": "Most severe first", "reading": "Reading order"}
PREVIEW_DELAY_MS = 150


class ReportDialog(QDialog):
    """Choose scope, filters and format, look at the result, save it."""

    def __init__(self, project: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.project = project
        self._data: ReportData | None = None
        self.setWindowTitle("Export report")
        self.resize(1100, 720)
        self._refresh = QTimer(self, singleShot=True, interval=PREVIEW_DELAY_MS)
        self._refresh.timeout.connect(self.update_preview)
        self._build()
        self.update_preview()

    # -- layout -------------------------------------------------------------

    def _build(self) -> None:
        form = QFormLayout()
        self.scope = self._combo(self._scopes())
        self.status_boxes = self._checks(STATUSES, DEFAULT_STATUSES)
        self.kind_boxes = self._checks(KINDS, KINDS)
        self.severity = self._combo([(f"{label(s)} and above", s) for s in reversed(SEVERITIES)])
        self.severity.setItemText(0, "All severities")
        self.severity.setItemText(self.severity.count() - 1, "High only")
        self.order = self._combo([(ORDER_NAMES[o], o) for o in ORDERS])
        self.format = self._combo([(name, code) for code, name in FORMAT_NAMES.items()])
        self.page_size = self._combo([("A4", "a4"), ("US Letter", "letter")])
        self.bom = QCheckBox("Byte order mark (for Excel)")
        self.bom.toggled.connect(self._options_changed)
        form.addRow("Scope:", self.scope)
        form.addRow("Statuses:", _grid(self.status_boxes.values(), 2))
        form.addRow("Kinds:", _grid(self.kind_boxes.values(), 2))
        form.addRow("Severity:", self.severity)
        form.addRow("Order:", self.order)
        form.addRow("Format:", self.format)
        form.addRow("Paper:", self.page_size)
        form.addRow("", self.bom)
        options = QWidget()
        options.setLayout(form)
        options.setMaximumWidth(380)

        self.preview = QTextBrowser()
        self.preview.setOpenLinks(False)
        self.preview.document().setDefaultStyleSheet(QT_STYLESHEET)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.save_button = QPushButton("Save…")
        self.save_button.setDefault(True)
        buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.save_button.clicked.connect(self.save)
        buttons.rejected.connect(self.reject)

        body = QHBoxLayout()
        body.addWidget(options)
        body.addWidget(self.preview, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(body, 1)
        layout.addWidget(buttons)
        self._sync_format_widgets()

    def _combo(self, entries: list[tuple[str, Any]]) -> QComboBox:
        combo = QComboBox()
        for text, value in entries:
            combo.addItem(text, value)
        combo.currentIndexChanged.connect(self._options_changed)
        return combo

    def _checks(self, codes: tuple[str, ...], checked: tuple[str, ...]) -> dict[str, QCheckBox]:
        boxes = {}
        for code in codes:
            box = QCheckBox(label(code))
            box.setChecked(code in checked)
            box.toggled.connect(self._options_changed)
            boxes[code] = box
        return boxes

    def _scopes(self) -> list[tuple[str, Any]]:
        entries: list[tuple[str, Any]] = [("Whole project", "project")]
        entries += [(f"Event {e.id}: {e.label}", f"event:{e.id}") for e in self.project.events()]
        names = {a.id: a.source or a.title or f"Article {a.id}" for a in self.project.articles()}
        entries += [
            (
                f"Pair {p.id}: {names.get(p.a_id, p.a_id)} vs {names.get(p.b_id, p.b_id)}",
                f"pair:{p.id}",
            )
            for p in self.project.pairs()
        ]
        return entries

    # -- state --------------------------------------------------------------

    def options(self) -> ReportOptions:
        """The options as chosen; FactDiffError when they exclude everything."""
        kind, _, number = str(self.scope.currentData()).partition(":")
        return ReportOptions(
            event_id=int(number) if kind == "event" else None,
            pair_id=int(number) if kind == "pair" else None,
            statuses=tuple(c for c, box in self.status_boxes.items() if box.isChecked()),
            kinds=tuple(c for c, box in self.kind_boxes.items() if box.isChecked()),
            min_severity=self.severity.currentData(),
            order=self.order.currentData(),
        )

    def report_format(self) -> str:
        return self.format.currentData()

    def report_data(self) -> ReportData | None:
        """The report currently previewed (None when the options are unusable)."""
        return self._data

    def _options_changed(self) -> None:
        self._sync_format_widgets()
        self._refresh.start()

    def _sync_format_widgets(self) -> None:
        self.page_size.setEnabled(self.report_format() == "pdf")
        self.bom.setEnabled(self.report_format() == "csv")

    def update_preview(self) -> None:
        try:
            self._data = build_report(self.project, self.options())
        except FactDiffError as exc:
            self._data = None
            self.preview.setPlainText(f"Nothing to report: {exc}.")
        else:
            self.preview.setHtml(qt_html(self._data))
        self.save_button.setEnabled(self._data is not None)

    # -- saving -------------------------------------------------------------

    def save(self) -> None:
        if self._refresh.isActive():
            self._refresh.stop()
            self.update_preview()
        if self._data is None:
            return
        path = self._ask_path()
        if path and self.save_to(path):
            self.confirm_saved(Path(path))

    def confirm_saved(self, path: Path) -> None:
        """Say where the report went, with a way to open it or its folder."""
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Information)
        box.setWindowTitle("Report saved")
        box.setText(f"The report was saved as {path.name}.")
        box.setInformativeText(f"In {path.parent}")
        open_button = box.addButton("Open", QMessageBox.ButtonRole.AcceptRole)
        folder_button = box.addButton("Show Folder", QMessageBox.ButtonRole.ActionRole)
        box.addButton(QMessageBox.StandardButton.Close)
        box.setDefaultButton(open_button)
        box.exec()
        clicked = box.clickedButton()
        target = path if clicked is open_button else path.parent if clicked is folder_button else None
        if target is not None and not QDesktopServices.openUrl(QUrl.fromLocalFile(str(target))):
            QMessageBox.warning(self, "Export report", f"Could not open {target}.")

    def _ask_path(self) -> str:
        fmt = self.report_format()
        suffix = SUFFIXES[fmt]
        suggested = Path(self.project.path).with_name(f"{self.project.name} report{suffix}")
        path, _ = QFileDialog.getSaveFileName(
            self, "Save report", str(suggested), f"{FORMAT_NAMES[fmt]} (*{suffix})"
        )
        if path and not path.lower().endswith(suffix):
            path += suffix
        return path

    def save_to(self, path: str | Path) -> bool:
        """Write the previewed report in the chosen format; tells the user if it fails."""
        if self._data is None:
            return False
        try:
            export_report(
                self._data,
                self.report_format(),
                path,
                page_size=self.page_size.currentData(),
                bom=self.bom.isChecked(),
            )
        except (FactDiffError, OSError) as exc:
            QMessageBox.warning(self, "Export report", f"The report could not be saved: {exc}")
            return False
        return True


def _grid(boxes, columns: int) -> QWidget:
    widget = QWidget()
    grid = QGridLayout(widget)
    grid.setContentsMargins(0, 0, 0, 0)
    for index, box in enumerate(boxes):
        grid.addWidget(box, index // columns, index % columns)
    return widget
