"""A painted widget whose colours follow the palette, light or dark.

The legend and the connector paint everything themselves from a
:class:`~gui.palette.Theme`; both must rebuild it and repaint when the user
switches between light and dark, so that rule lives here once.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QWidget

from gui.palette import Theme


class ThemedWidget(QWidget):
    """A ``QWidget`` with a ``theme`` taken from its palette, kept current on palette changes."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.theme = Theme.from_palette(self.palette())

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:
            self.theme = Theme.from_palette(self.palette())
            self.update()
