"""The strip between the panes: a filled Bézier band per aligned passage.

As in meld's link map, each band joins a passage's vertical extent in A to its
partner's in B, so reordered content shows up as crossing bands.  Geometry is
split from painting: :func:`band_geometry` decides where a band's ends go
(an end scrolled out of view becomes a short stub pointing towards it; a band
with neither end in view is culled) and :func:`band_path` turns that into a
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
from gui.scroll_sync import Anchor
from gui.themed_widget import ThemedWidget

STUB_LENGTH = 0.42
"""How far across the strip a stub reaches, as a share of its width."""
STUB_RISE = 16.0
"""How far (px) a stub's tip bends towards the edge its partner lies beyond."""
STUB_TIP = 4.0

CONNECTOR_WIDTH = 64


class Passage(NamedTuple):
    """An aligned passage's vertical extent in each pane, in document coordinates."""

    index: int  # into Comparison.alignments
    a_top: float
    a_bottom: float
    b_top: float
    b_bottom: float
    primary: bool = True  # a passage; off for a claim link (drawn as an outline only)
    confidence: float = 1.0  # a claim link's probability


class Band(NamedTuple):
    """A band's ends in strip coordinates; ``*_edge`` is -1/1 when that end is a stub."""

    a_top: float
    a_bottom: float
    b_top: float
    b_bottom: float
    a_edge: int = 0
    b_edge: int = 0


def _place(top: float, bottom: float, view_top: float, view_bottom: float):
    if bottom < view_top:
        return view_top, view_top, -1
    if top > view_bottom:
        return view_bottom, view_bottom, 1
    return top, max(bottom, top + 1.0), 0


def band_geometry(
    a: tuple[float, float],
    b: tuple[float, float],
    a_view: tuple[float, float],
    b_view: tuple[float, float],
) -> Band | None:
    """Where a band's ends go, or None when neither end can be seen.

    ``a``/``b`` are the passage's (top, bottom) in strip coordinates and
    ``*_view`` the visible (top, bottom) of each pane's text.  An end wholly
    outside its view is marked with the edge it lies beyond (-1 above, 1
    below) and pinned to that edge; :func:`band_ends` draws it as a stub.  A
    partly visible end keeps its true extent for the painter to clip.
    """
    a_top, a_bottom, a_edge = _place(a[0], a[1], a_view[0], a_view[1])
    b_top, b_bottom, b_edge = _place(b[0], b[1], b_view[0], b_view[1])
    if a_edge and b_edge:
        return None
    return Band(a_top, a_bottom, b_top, b_bottom, a_edge, b_edge)


class Ends(NamedTuple):
    """The two vertical sides of a band's outline: x, top and bottom of each."""

    x0: float
    top0: float
    bottom0: float
    x1: float
    top1: float
    bottom1: float


def band_ends(band: Band, width: float) -> Ends:
    """Full width for a band seen at both ends; a short tapering stub otherwise.

    A stub leaves the visible passage, narrows, and bends towards the edge its
    partner lies beyond, so the strip says "the partner is further up/down"
    without a fan of long diagonals across it.
    """
    if not band.a_edge and not band.b_edge:
        return Ends(0.0, band.a_top, band.a_bottom, width, band.b_top, band.b_bottom)
    length = width * STUB_LENGTH
    if band.a_edge:  # A is off screen: the stub hangs off B's side
        centre = (band.b_top + band.b_bottom) / 2 + band.a_edge * STUB_RISE
        return Ends(
            width - length,
            centre - STUB_TIP / 2,
            centre + STUB_TIP / 2,
            width,
            band.b_top,
            band.b_bottom,
        )
    centre = (band.a_top + band.a_bottom) / 2 + band.b_edge * STUB_RISE
    return Ends(
        0.0, band.a_top, band.a_bottom, length, centre - STUB_TIP / 2, centre + STUB_TIP / 2
    )


def _curve(x0: float, y0: float, x1: float, y1: float) -> tuple[QPointF, QPointF]:
    middle = (x0 + x1) / 2
    return QPointF(middle, y0), QPointF(middle, y1)


def band_path(band: Band, width: float) -> QPainterPath:
    """Closed outline: top edge left→right, down the right side, bottom edge back."""
    e = band_ends(band, width)
    path = QPainterPath(QPointF(e.x0, e.top0))
    c1, c2 = _curve(e.x0, e.top0, e.x1, e.top1)
    path.cubicTo(c1, c2, QPointF(e.x1, e.top1))
    path.lineTo(e.x1, e.bottom1)
    c1, c2 = _curve(e.x1, e.bottom1, e.x0, e.bottom0)
    path.cubicTo(c1, c2, QPointF(e.x0, e.bottom0))
    path.closeSubpath()
    return path


def _bezier(p0: float, p1: float, p2: float, p3: float, t: float) -> float:
    u = 1 - t
    return u * u * u * p0 + 3 * u * u * t * p1 + 3 * u * t * t * p2 + t * t * t * p3


def band_polygon(band: Band, width: float, steps: int = 16) -> list[tuple[float, float]]:
    """The same outline sampled as points (for hit-testing and tests)."""
    e = band_ends(band, width)
    middle = (e.x0 + e.x1) / 2
    top = []
    bottom = []
    for i in range(steps + 1):
        t = i / steps
        x = _bezier(e.x0, middle, middle, e.x1, t)
        top.append((x, _bezier(e.top0, e.top0, e.top1, e.top1, t)))
        bottom.append((x, _bezier(e.bottom0, e.bottom0, e.bottom1, e.bottom1, t)))
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


def claim_opacity(probability: float) -> float:
    """How strongly a claim link's outline is drawn: faint for a possible counterpart
    (probability 0.05), full from CLAIM_FULL_OPACITY on."""
    return 0.25 + 0.75 * min(1.0, max(0.0, probability) / CLAIM_FULL_OPACITY)


CLAIM_FULL_OPACITY = 0.5


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
                Anchor(p.a_top, p.a_bottom, p.b_top, p.b_bottom)
                for p in self.passages()
                if p.primary  # claim links cross passages: scrolling follows the reading order
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
                    out.append(
                        Passage(index, a[0], a[1], b[0], b[1], alignment.primary, alignment.score)
                    )
            self._passages = out
        return self._passages


class Connector(ThemedWidget):
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

    def visible_bands(
        self, views: list[tuple[float, float, float]] | None = None
    ) -> list[tuple[Passage, Band]]:
        """The bands a paint would draw now, in strip coordinates."""
        (a_top, a_bottom, a_shift), (b_top, b_bottom, b_shift) = views or self._views()
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
        views = self._views()
        (a_top, a_bottom, _), (b_top, b_bottom, _) = views
        bands = self.visible_bands(views)
        if bands:
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            top, bottom = min(a_top, b_top), max(a_bottom, b_bottom)
            painter.setClipRect(QRectF(0, top, self.width(), bottom - top))
            self._paint_bands(painter, bands)
        painter.end()

    def _paint_bands(self, painter: QPainter, bands: list[tuple[Passage, Band]]) -> None:
        width = float(self.width())
        current = self._current
        # Claim links under passages; quiet bands first, the worst on top, the
        # current one above all.
        bands.sort(
            key=lambda pb: (
                pb[0].primary or pb[0].index == current,
                pb[0].index == current,
                self._severity.get(pb[0].index, 0),
            )
        )
        for passage, band in bands:
            rank = self._severity.get(passage.index, 0)
            is_current = passage.index == current
            path = band_path(band, width)
            pen = QPen(self.theme.band_outline(rank, is_current), 1.6 if is_current else 1.0)
            pen.setCosmetic(True)
            if passage.primary or is_current:
                painter.fillPath(path, self.theme.band_fill(rank, is_current))
            else:
                # a claim link: the same fact in other words, as sure as its probability
                pen.setStyle(Qt.PenStyle.DotLine)
                colour = pen.color()
                colour.setAlphaF(claim_opacity(passage.confidence))
                pen.setColor(colour)
            if band.a_edge or band.b_edge:
                pen.setStyle(Qt.PenStyle.DashLine)
            painter.strokePath(path, pen)
