"""The find bar under the article panes: one query, searched in both articles.

It is a dumb input strip: it emits what the user asks for and shows whether
the last search found anything; the window asks the comparison view to do the
searching, so the bar never needs to know about panes.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QToolButton, QWidget

from gui import icons


class FindBar(QWidget):
    """Query field, previous/next buttons, a result hint and a close button."""

    findRequested = Signal(str, bool)  # text, backward
    closeRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("findBar")
        self.query = QLineEdit(self)
        self.query.setPlaceholderText("Find in both articles")
        self.query.setClearButtonEnabled(True)
        self.query.setMaximumWidth(360)
        self.previous_button = self._button(icons.previous_discrepancy(), "Find previous (Shift+F3)")
        self.next_button = self._button(icons.next_discrepancy(), "Find next (F3 or Enter)")
        self.close_button = self._button(icons.close_icon(), "Close the find bar (Esc)")
        self.hint = QLabel(self)
        self.hint.setObjectName("findHint")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 3, 6, 3)
        layout.setSpacing(4)
        layout.addWidget(QLabel("Find:", self))
        layout.addWidget(self.query, 1)
        layout.addWidget(self.previous_button)
        layout.addWidget(self.next_button)
        layout.addWidget(self.hint, 1)
        layout.addWidget(self.close_button)
        self.query.returnPressed.connect(lambda: self.request(False))
        self.query.textChanged.connect(lambda _text: self.set_result(None))
        self.previous_button.clicked.connect(lambda: self.request(True))
        self.next_button.clicked.connect(lambda: self.request(False))
        self.close_button.clicked.connect(self.closeRequested)
        self.hide()

    def _button(self, icon, tip: str) -> QToolButton:
        button = QToolButton(self)
        button.setIcon(icon)
        button.setToolTip(tip)
        button.setAutoRaise(True)
        return button

    def open(self, text: str = "") -> None:
        """Show the bar and focus the query, pre-filled with ``text`` if given."""
        if text:
            self.query.setText(text)
        self.show()
        self.query.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.query.selectAll()

    def text(self) -> str:
        return self.query.text()

    def request(self, backward: bool) -> None:
        if self.query.text():
            self.findRequested.emit(self.query.text(), backward)

    def set_result(self, found: bool | None) -> None:
        """Tell the user about the last search; None clears the hint."""
        self.hint.setText("Not found in either article" if found is False else "")
        self.query.setProperty("notFound", found is False)
        self.query.style().unpolish(self.query)
        self.query.style().polish(self.query)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        if event.key() == Qt.Key.Key_Escape:
            self.closeRequested.emit()
            return
        super().keyPressEvent(event)
