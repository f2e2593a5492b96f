"""Edit → Preferences: the few choices that outlive a session.

The dialog edits a copy and writes to :class:`gui.settings.Settings` only on
OK, so Cancel really cancels; the window re-reads what changed. The
ClaimReview tab writes ``claimreview.json`` (read by the CLI as well); OK is
refused, with the reason, while its rating table is invalid.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QFormLayout,
    QLineEdit,
    QMessageBox,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from core.errors import FactDiffError
from gui.claimreview_preferences import ClaimReviewPreferences
from gui.dialog_buttons import ok_cancel_buttons
from gui.settings import Settings


class PreferencesDialog(QDialog):
    def __init__(self, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Preferences")
        self.setMinimumWidth(420)
        self._settings = settings
        self.reviewer = QLineEdit(str(settings.preference("reviewer")), self)
        self.reviewer.setPlaceholderText("Your name, stored with every annotation")
        self.scroll_sync = QCheckBox("Keep the partner passage in view while scrolling", self)
        self.scroll_sync.setChecked(bool(settings.preference("scroll_sync")))
        self.open_last = QCheckBox("Reopen the last project at start", self)
        self.open_last.setChecked(bool(settings.preference("open_last_project")))
        self.font_size = QSpinBox(self)
        self.font_size.setRange(0, 24)
        self.font_size.setSuffix(" pt")
        self.font_size.setSpecialValueText("Automatic")
        self.font_size.setValue(int(settings.preference("font_size")))
        form = QFormLayout()
        form.addRow("&Reviewer:", self.reviewer)
        form.addRow("Article &text size:", self.font_size)
        form.addRow("", self.scroll_sync)
        form.addRow("", self.open_last)
        general = QWidget(self)
        general.setLayout(form)
        self.claimreview = ClaimReviewPreferences(self)
        self.tabs = QTabWidget(self)
        self.tabs.addTab(general, "&General")
        self.tabs.addTab(self.claimreview, "&ClaimReview")
        buttons = ok_cancel_buttons(self, on_ok=self._accept_if_valid)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        layout.addWidget(buttons)

    def _accept_if_valid(self) -> None:
        try:
            self.claimreview.config()
        except FactDiffError as exc:
            self.tabs.setCurrentWidget(self.claimreview)
            QMessageBox.warning(self, "Preferences", str(exc))
            return
        self.accept()

    def values(self) -> dict[str, object]:
        return {
            "reviewer": self.reviewer.text().strip(),
            "scroll_sync": self.scroll_sync.isChecked(),
            "open_last_project": self.open_last.isChecked(),
            "font_size": self.font_size.value(),
        }

    def save(self) -> None:
        for key, value in self.values().items():
            self._settings.set_preference(key, value)
        self._settings.sync()
        self.claimreview.save()
