"""The strip between the panes: a filled Bézier band per aligned passage.

As in meld's link map, each band joins a passage's vertical extent in A to its
partner's in B, so reordered content shows up as crossing bands.  Geometry is
split from painting: :func:`band_geometry` decides where a band's ends go
(clamping an off-screen end to a short stub at the edge, or culling the band
when both ends are off the same edge) and :func:`band_path` turns that into a
path; both are pure, so tests need no painter.

Passage extents are measured once per layout (:class:`PassageGeometry`) in
document coordinates; a scroll only shifts them, so a repaint is a handful of
subtractions and path fills.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple

from PySide6.QtCore import QPoint, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QPainter, QPainterPath, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from core.model import Alignment, Span
from gui.article_pane import ArticlePane
from gui.palette import Theme
from gui.scroll_sync import Anchor

STUB = 6.0
"""Height of the stub drawn at the edge for an end that is scrolled out of view."""

CONNECTOR_WIDTH = 64


class Passage(NamedTuple):
    """An aligned passage's vertical extent in each pane, in document coordinates."""

    index: int  # into Comparison.alignments
    a_top: float
    a_bottom: float
    b_top: float
    b_bottom: float


class Band(NamedTuple):
    """A band's ends in strip coordinates; ``*_edge`` is -1/1 when that end is a stub."""

    a_top: float
    a_bottom: float
    b_top: float
    b_bottom: float
    a_edge: int = 0
    b_edge: int = 0


def _place(top: float, bottom: float, view_top: float, view_bottom: float, stub: float):
    if bottom < view_top:
        return view_top, view_top + stub, -1
    if top > view_bottom:
        return view_bottom - stub, view_bottom, 1
    return top, max(bottom, top + 1.0), 0


def band_geometry(
    a: tuple[float, float],
    b: tuple[float, float],
    a_view: tuple[float, float],
    b_view: tuple[float, float],
    stub: float = STUB,
) -> Band | None:
    """Where a band's ends go, or None when it cannot be seen at all.

    ``a``/``b`` are the passage's (top, bottom) in strip coordinates and
    ``*_view`` the visible (top, bottom) of each pane's text.  An end wholly
    outside its view becomes a stub at that edge; a band whose ends are both
    beyond the same edge is culled.  Ends beyond opposite edges still cross the
    visible strip, so they are kept.
    """
    a_top, a_bottom, a_edge = _place(a[0], a[1], a_view[0], a_view[1], stub)
    b_top, b_bottom, b_edge = _place(b[0], b[1], b_view[0], b_view[1], stub)
    if a_edge and a_edge == b_edge:
        return None
    return Band(a_top, a_bottom, b_top, b_bottom, a_edge, b_edge)


def _curve(x0: float, y0: float, x1: float, y1: float) -> tuple[QPointF, QPointF]:
    middle = (x0 + x1) / 2
    return QPointF(middle, y0), QPointF(middle, y1)


def band_path(band: Band, width: float) -> QPainterPath:
    """Closed outline: top edge A→B, down B's side, bottom edge B→A."""
    path = QPainterPath(QPointF(0, band.a_top))
    c1, c2 = _curve(0, band.a_top, width, band.b_top)
    path.cubicTo(c1, c2, QPointF(width, band.b_top))
    path.lineTo(width, band.b_bottom)
    c1, c2 = _curve(width, band.b_bottom, 0, band.a_bottom)
    path.cubicTo(c1, c2, QPointF(0, band.a_bottom))
    path.closeSubpath()
    return path


def _bezier(p0: float, p1: float, p2: float, p3: float, t: float) -> float:
    u = 1 - t
    return u * u * u * p0 + 3 * u * u * t * p1 + 3 * u * t * t * p2 + t * t * t * p3


def band_polygon(band: Band, width: float, steps: int = 16) -> list[tuple[float, float]]:
    """The same outline sampled as points (for hit-testing and tests)."""
    top = []
    bottom = []
    for i in range(steps + 1):
        t = i / steps
        x = _bezier(0, width / 2, width / 2, width, t)
        top.append((x, _bezier(band.a_top, band.a_top, band.b_top, band.b_top, t)))
        bottom.append((x, _bezier(band.a_bottom, band.a_bottom, band.b_bottom, band.b_bottom, t)))
    return top + bottom[::-1]


def bands_cross(first: Band, second: Band) -> bool:
    """True when the passages come in opposite orders in A and B (reordered text)."""
    da = (first.a_top + first.a_bottom) - (second.a_top + second.a_bottom)
    db = (first.b_top + first.b_bottom) - (second.b_top + second.b_bottom)
    return da * db < 0


def _extent(pane: ArticlePane, spans: Sequence[Span]) -> tuple[float, float] | None:
    tops, bottoms = [], []
    for span in spans:
        y = pane.span_y_range(span)
        if y is not None:
            tops.append(y[0])
            bottoms.append(y[1])
    if not tops:
        return None
    return min(tops), max(bottoms)


class PassageGeometry:
    """Each alignment's extent in both panes, measured lazily once per layout."""

    def __init__(self, pane_a: ArticlePane, pane_b: ArticlePane) -> None:
        self._panes = (pane_a, pane_b)
        self._alignments: tuple[Alignment, ...] = ()
        self._passages: list[Passage] | None = None
        self._anchors: list[Anchor] | None = None

    def set_alignments(self, alignments: Sequence[Alignment]) -> None:
        self._alignments = tuple(alignments)
        self.invalidate()

    def invalidate(self) -> None:
        self._passages = None
        self._anchors = None

    def anchors(self) -> list[Anchor]:
        """The passages as scroll-sync anchors; the same list object until relayout."""
        if self._anchors is None:
            self._anchors = [
                Anchor(p.a_top, p.a_bottom, p.b_top, p.b_bottom) for p in self.passages()
            ]
        return self._anchors

    def passages(self) -> list[Passage]:
        if self._passages is None:
            pane_a, pane_b = self._panes
            out = []
            for index, alignment in enumerate(self._alignments):
                a = _extent(pane_a, alignment.a)
                b = _extent(pane_b, alignment.b)
                if a is not None and b is not None:
                    out.append(Passage(index, a[0], a[1], b[0], b[1]))
            self._passages = out
        return self._passages


class Connector(QWidget):
    """Paints the bands; knows the panes only to read their scroll and viewport."""

    def __init__(
        self,
        pane_a: ArticlePane,
        pane_b: ArticlePane,
        geometry: PassageGeometry,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._panes = (pane_a, pane_b)
        self._geometry = geometry
        self._severity: dict[int, int] = {}
        self._current: int | None = None
        self.theme = Theme.from_palette(self.palette())
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Expanding)
        self.setFixedWidth(CONNECTOR_WIDTH)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        for pane in self._panes:
            pane.scroll_bar().valueChanged.connect(self.update)
            pane.layoutChanged.connect(self.update)

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override
        return QSize(CONNECTOR_WIDTH, 200)

    def set_severities(self, severity_by_alignment: dict[int, int]) -> None:
        """Worst open severity rank per alignment index (missing → agrees)."""
        self._severity = dict(severity_by_alignment)
        self.update()

    def severities(self) -> dict[int, int]:
        return self._severity

    def set_current(self, alignment_index: int | None) -> None:
        if alignment_index != self._current:
            self._current = alignment_index
            self.update()

    def current(self) -> int | None:
        return self._current

    def _views(self) -> list[tuple[float, float, float]]:
        """Per pane: visible text (top, bottom) in strip coordinates and the doc→strip shift."""
        views = []
        for pane in self._panes:
            viewport = pane.text.viewport()
            top = float(self.mapFromGlobal(viewport.mapToGlobal(QPoint(0, 0))).y())
            views.append((top, top + viewport.height(), top - pane.scroll_value()))
        return views

    def visible_bands(self) -> list[tuple[Passage, Band]]:
        """The bands a paint would draw now, in strip coordinates."""
        (a_top, a_bottom, a_shift), (b_top, b_bottom, b_shift) = self._views()
        out = []
        for passage in self._geometry.passages():
            band = band_geometry(
                (passage.a_top + a_shift, passage.a_bottom + a_shift),
                (passage.b_top + b_shift, passage.b_bottom + b_shift),
                (a_top, a_bottom),
                (b_top, b_bottom),
            )
            if band is not None:
                out.append((passage, band))
        return out

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt override
        painter = QPainter(self)
        painter.fillRect(event.rect(), self.theme.window)
        (a_top, a_bottom, _), (b_top, b_bottom, _) = self._views()
        bands = self.visible_bands()
        if bands:
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            top, bottom = min(a_top, b_top), max(a_bottom, b_bottom)
            painter.setClipRect(QRectF(0, top, self.width(), bottom - top))
            self._paint_bands(painter, bands)
        painter.end()

    def _paint_bands(self, painter: QPainter, bands: list[tuple[Passage, Band]]) -> None:
        width = float(self.width())
        current = self._current
        # Quiet bands first, the worst on top, the current one above all.
        bands.sort(key=lambda pb: (pb[0].index == current, self._severity.get(pb[0].index, 0)))
        for passage, band in bands:
            rank = self._severity.get(passage.index, 0)
            is_current = passage.index == current
            path = band_path(band, width)
            painter.fillPath(path, self.theme.band_fill(rank, is_current))
            pen = QPen(self.theme.band_outline(rank, is_current), 1.6 if is_current else 1.0)
            pen.setCosmetic(True)
            if band.a_edge or band.b_edge:
                pen.setStyle(Qt.PenStyle.DashLine)
            painter.strokePath(path, pen)

    def changeEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().changeEvent(event)
        if event.type() == event.Type.PaletteChange:
            self.theme = Theme.from_palette(self.palette())
            self.update()
