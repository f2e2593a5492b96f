"""A status-bar label that says less rather than being cut off.

The status bar's right side holds the current discrepancy's position and the
project's counts. In a narrow window (or while a progress bar takes room)
a plain label is clipped mid-word, which reads as a bug and hides the very
number the user looks for. This label is given its wording from longest to
shortest and shows the longest that fits; the full wording stays in the
tooltip.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QSize
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QLabel, QWidget


class FittingLabel(QLabel):
    """Shows the longest of several wordings that fits its width."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._wordings: tuple[str, ...] = ("",)

    def set_wordings(self, wordings: Sequence[str]) -> None:
        """Longest first; the last one is shown (cut if need be) when none fits."""
        self._wordings = tuple(wordings) or ("",)
        self.setToolTip(self._wordings[0] if len(self._wordings) > 1 else "")
        self.updateGeometry()
        self._fit()

    def setText(self, text: str) -> None:  # noqa: N802 - Qt override
        """A single wording (keeps QLabel's API for plain messages)."""
        if self._wordings == (text,):
            return
        self.set_wordings([text])

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override
        hint = super().sizeHint()
        return QSize(self._width_of(self._wordings[0]), hint.height())

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt override
        hint = super().minimumSizeHint()
        return QSize(min(self._width_of(self._wordings[-1]), 40), hint.height())

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        self._fit()

    def _width_of(self, text: str) -> int:
        margins = self.contentsMargins()
        return (self.fontMetrics().horizontalAdvance(text) + margins.left() + margins.right()
                + 2 * self.margin() + 2)

    def _fit(self) -> None:
        room = self.width()
        shown = next((w for w in self._wordings if self._width_of(w) <= room), self._wordings[-1])
        if shown != super().text():
            super().setText(shown)


__all__ = ["FittingLabel"]
