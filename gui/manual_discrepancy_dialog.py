"""Describe a discrepancy the engine missed, made from the text selected in the panes.

The selections themselves come from the comparison view; this dialog only
asks for what a machine cannot know: what kind of divergence it is, how bad,
and a one-line summary for the report.
"""

from __future__ import annotations

import re

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from core.ingest.date_stamps import parse_date
from core.model import KINDS, SEVERITIES
from gui.dialog_buttons import ok_cancel_buttons
from gui.palette import kind_label

EXCERPT_CHARS = 160
_WEEKDAY_OR_MONTH = re.compile(
    r"\b(?:mon|tues|wednes|thurs|fri|satur|sun)day\b|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|"
    r"sept|oct|nov|dec)[a-z]*\.?\s+\d{1,2}\b|\b\d{1,2}\s+(?:jan|feb|mar|apr|may|jun|jul|aug|"
    r"sep|sept|oct|nov|dec)[a-z]*\b|\b(?:yesterday|today|tomorrow)\b", re.IGNORECASE)
_QUOTE_MARKS = re.compile(r"[\"“”„«»]|(?:^|\s)[‘'][^‘']+[’'](?:\s|$)")
_FIGURE = re.compile(r"\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
                     r"dozens?|hundreds?|thousands?|millions?|billions?)\b", re.IGNORECASE)


def guess_kind(*texts: str) -> str:
    """The likely kind of a hand-made mark: a date, then a quote, then a figure, else wording.

    Dates come first because they hold figures too ("May 19").
    """
    joined = "\n".join(t for t in texts if t)
    if _WEEKDAY_OR_MONTH.search(joined) or parse_date(joined):
        return "date"
    if _QUOTE_MARKS.search(joined):
        return "quote"
    if _FIGURE.search(joined):
        return "number"
    return "wording"


def _excerpt(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= EXCERPT_CHARS else text[: EXCERPT_CHARS - 1] + "…"


class ManualDiscrepancyDialog(QDialog):
    """Kind, severity and summary for a discrepancy spanning the given excerpts."""

    def __init__(self, a_text: str, b_text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Mark Discrepancy")
        self.setMinimumWidth(520)
        self.kind = QComboBox(self)
        for kind in KINDS:
            self.kind.addItem(kind_label(kind), kind)
        self.kind.setCurrentIndex(KINDS.index(guess_kind(a_text, b_text)))
        self.severity = QComboBox(self)
        for severity in SEVERITIES:
            self.severity.addItem(severity.capitalize(), severity)
        self.severity.setCurrentIndex(SEVERITIES.index("medium"))
        self.summary = QLineEdit(self)
        self.summary.setPlaceholderText("What differs, in one line")
        self.summary.setText(self._suggest(a_text, b_text))
        form = QFormLayout()
        form.addRow("In A:", self._quote(a_text))
        form.addRow("In B:", self._quote(b_text))
        form.addRow("&Kind:", self.kind)
        form.addRow("&Severity:", self.severity)
        form.addRow("S&ummary:", self.summary)
        self.buttons = ok_cancel_buttons(self, "Add Discrepancy")
        self.summary.textChanged.connect(self._validate)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self.summary.setFocus()
        self.summary.selectAll()
        self._validate()

    def _quote(self, text: str) -> QLabel:
        label = QLabel(f"“{_excerpt(text)}”" if text.strip() else "(nothing selected)", self)
        label.setWordWrap(True)
        label.setEnabled(bool(text.strip()))
        return label

    @staticmethod
    def _suggest(a_text: str, b_text: str) -> str:
        a, b = _excerpt(a_text)[:60], _excerpt(b_text)[:60]
        if a and b:
            return f"A says “{a}”, B says “{b}”"
        if a:
            return f"Only A reports “{a}”"
        return f"Only B reports “{b}”" if b else ""

    def _validate(self) -> None:
        ok = bool(self.summary.text().strip())
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(ok)

    def values(self) -> tuple[str, str, str]:
        """(kind, summary, severity) for ``Project.add_user_discrepancy``."""
        return self.kind.currentData(), self.summary.text().strip(), self.severity.currentData()
