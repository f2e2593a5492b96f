"""The marks a discrepancy leaves on the text: a fill, a line pattern and a status badge.

Colour alone does not tell kinds apart for every reader, so each kind also
has its own line pattern under the words (``palette.KIND_PATTERNS``), and a
status shows as a badge or a strike-through rather than as a second hue.
The article panes and the legend draw with the same functions, so the legend
always shows exactly what the text shows.
"""

from __future__ import annotations

from typing import NamedTuple

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPainterPath, QPen

from core.model import Span

#: Dash patterns (in pen widths) of the kind lines; "double" and "wave" are drawn apart.
DASHES = {
    "dash": [3.0, 2.0],
    "long-dash": [7.0, 2.5],
    "dash-dot": [4.0, 1.5, 1.0, 1.5],
    "dash-dot-dot": [4.0, 1.5, 1.0, 1.5, 1.0, 1.5],
    "sparse": [1.5, 3.0],
}


class SpanMark(NamedTuple):
    """How one span is drawn besides its character format."""

    span: Span
    fill: QColor | None = None
    line: QColor | None = None
    pattern: str = ""  # "" (none), "solid", "double", "wave" or a DASHES key
    badge: str = ""  # a glyph drawn at the span's end ("" for none)


def draw_pattern(
    painter: QPainter, x0: float, x1: float, y: float, pattern: str, colour: QColor
) -> None:
    """One run of a kind's line from x0 to x1 at height y."""
    if not pattern or x1 <= x0:
        return
    pen = QPen(colour, 1.4)
    pen.setCapStyle(Qt.PenCapStyle.FlatCap)
    painter.save()
    painter.setBrush(Qt.BrushStyle.NoBrush)
    if pattern == "wave":
        path = QPainterPath(QPointF(x0, y))
        x = x0
        while x < x1:
            path.quadTo(QPointF(x + 1.5, y - 2.0), QPointF(min(x1, x + 3.0), y))
            path.quadTo(QPointF(x + 4.5, y + 2.0), QPointF(min(x1, x + 6.0), y))
            x += 6.0
        painter.setPen(pen)
        painter.drawPath(path)
    elif pattern == "double":
        pen.setWidthF(1.0)
        painter.setPen(pen)
        painter.drawLine(QPointF(x0, y - 1.5), QPointF(x1, y - 1.5))
        painter.drawLine(QPointF(x0, y + 1.0), QPointF(x1, y + 1.0))
    else:
        if pattern in DASHES:
            pen.setDashPattern(DASHES[pattern])
        painter.setPen(pen)
        painter.drawLine(QPointF(x0, y), QPointF(x1, y))
    painter.restore()


def draw_badge(
    painter: QPainter, centre: QPointF, glyph: str, ink: QColor, paper: QColor, size: float
) -> None:
    """A status badge: a small disc with a glyph, readable without colour."""
    if not glyph:
        return
    painter.save()
    painter.setPen(QPen(ink, 1.0))
    painter.setBrush(paper)
    box = QRectF(centre.x() - size / 2, centre.y() - size / 2, size, size)
    painter.drawEllipse(box)
    font = QFont(painter.font())
    font.setPixelSize(max(6, int(size * 0.78)))
    font.setBold(True)
    painter.setFont(font)
    painter.drawText(box, Qt.AlignmentFlag.AlignCenter, glyph)
    painter.restore()
