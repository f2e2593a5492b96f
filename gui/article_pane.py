"""One article, read-only: a compact header above word-wrapped prose.

The pane knows nothing about comparisons.  It shows text, paints whatever
highlights it is given, and reports where the user clicked or what they
selected — always in ``str`` offsets, because that is what core speaks.  The
comparison view decides what a click means.

A ``QTextEdit`` (not ``QPlainTextEdit``) carries the prose: it scrolls by
pixel and honours proportional line height, which is what lets the connector
and the scroll sync follow the text smoothly.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager, nullcontext

import shiboken6
from PySide6.QtCore import (
    QEasingCurve,
    QEvent,
    QPoint,
    QPointF,
    QRect,
    QRectF,
    Qt,
    QVariantAnimation,
    Signal,
)
from PySide6.QtGui import (
    QColor,
    QContextMenuEvent,
    QFont,
    QFontMetrics,
    QMouseEvent,
    QPainter,
    QPainterPath,
    QPaintEvent,
    QPen,
    QResizeEvent,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextOption,
)
from PySide6.QtWidgets import (
    QLabel,
    QMenu,
    QSizePolicy,
    QTextEdit,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from core.model import Article, Span
from gui.palette import Theme
from gui.span_marks import SpanMark, draw_badge, draw_pattern
from gui.text_offsets import OffsetMap, display_text

LINE_HEIGHT_PERCENT = 150
DOCUMENT_MARGIN = 16
FLASH_MS = 1100
MARK_WIDTH = 3.0
_CLICK_SLOP = 4  # pixels a press may travel and still count as a click


def prose_font(base: QFont) -> QFont:
    """The reading font: the desktop's sans face, a little larger than UI text."""
    font = QFont(base)
    font.setStyleHint(QFont.StyleHint.SansSerif)
    size = base.pointSizeF() if base.pointSizeF() > 0 else 10.0
    font.setPointSizeF(max(11.0, size + 1.5))
    return font


def format_date(published: str) -> str:
    """ "2022-01-27" → "Thu 27 Jan 2022": the weekday matters when checking dates."""
    if not published:
        return ""
    try:
        day = dt.date.fromisoformat(published[:10])
    except ValueError:
        return published
    return f"{day:%a} {day.day} {day:%b %Y}"


def _outline(rects: list[QRectF], pad: float) -> QPainterPath:
    """One rounded shape around a span's line boxes (they touch, so they merge)."""
    path = QPainterPath()
    path.setFillRule(Qt.FillRule.WindingFill)
    for rect in rects:
        if rect.width() < 0.5:
            continue  # an empty line inside the span: a box there is a stray sliver
        path.addRoundedRect(rect.adjusted(-pad, 0, pad, 0), 3, 3)
    return path.simplified()


def fit_lines(text: str, metrics: QFontMetrics, width: int, lines: int) -> str:
    """``text`` cut at a word and ended with "…" so it wraps to at most ``lines`` lines."""
    flags = int(Qt.TextFlag.TextWordWrap)
    limit = metrics.lineSpacing() * lines + 1

    def fits(candidate: str) -> bool:
        return (
            metrics.boundingRect(QRect(0, 0, max(1, width), 1 << 20), flags, candidate).height()
            <= limit
        )

    if fits(text):
        return text
    words = text.split()
    lo, hi = 0, len(words)
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if fits(" ".join(words[:mid]) + "…"):
            lo = mid
        else:
            hi = mid - 1
    if lo == 0:
        return metrics.elidedText(text, Qt.TextElideMode.ElideRight, max(1, width))
    return " ".join(words[:lo]).rstrip(",;:–-") + "…"


class ArticleHeader(QWidget):
    """Title on top (two lines at most), then outlet · author · date, then the URL as a link."""

    openUrlRequested = Signal(str)
    TITLE_LINES = 2

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._url = ""
        self._title = ""
        self.title_label = QLabel()
        self.title_label.setWordWrap(True)
        self.title_label.setTextFormat(Qt.TextFormat.PlainText)
        self.title_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        title_font = QFont(self.font())
        title_font.setPointSizeF(max(11.0, title_font.pointSizeF() * 1.25))
        title_font.setWeight(QFont.Weight.DemiBold)
        self.title_label.setFont(title_font)

        self.meta_label = QLabel()
        self.meta_label.setTextFormat(Qt.TextFormat.PlainText)
        self.meta_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.meta_label.setForegroundRole(self.foregroundRole())

        self.url_label = QLabel()
        self.url_label.setTextFormat(Qt.TextFormat.RichText)
        self.url_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
        self.url_label.setOpenExternalLinks(False)
        self.url_label.linkActivated.connect(self.openUrlRequested)
        self.url_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)

        # Explicit sizes, so a reading-size change on the pane leaves the header compact.
        ui_font = QFont(self.font())
        ui_font.setPointSizeF(ui_font.pointSizeF())
        self.meta_label.setFont(ui_font)
        self.url_label.setFont(ui_font)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(DOCUMENT_MARGIN // 2 + 2, 6, 8, 6)
        layout.setSpacing(2)
        layout.addWidget(self.title_label)
        layout.addWidget(self.meta_label)
        layout.addWidget(self.url_label)
        layout.addStretch(1)  # a header made taller to match its neighbour grows at the bottom
        self.set_article(None)

    def set_article(self, article: Article | None) -> None:
        if article is None:
            self._title = ""
            self.meta_label.setText("")
            self._url = ""
        else:
            self._title = article.title or "Untitled article"
            parts = [
                article.source,
                article.author and f"by {article.author}",
                format_date(article.published),
            ]
            self.meta_label.setText("  ·  ".join(p for p in parts if p))
            self._url = article.url
        self.title_label.setToolTip(self._title)
        self.meta_label.setVisible(bool(self.meta_label.text()))
        self.url_label.setVisible(bool(self._url))
        self._render_title()
        self._render_url()

    def url(self) -> str:
        return self._url

    def title(self) -> str:
        return self._title

    def natural_height(self) -> int:
        """Height the header needs at its current width (before any equalising)."""
        layout = self.layout()
        if layout.hasHeightForWidth():
            return layout.totalHeightForWidth(max(1, self.width()))
        return layout.totalSizeHint().height()

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():
            self._render_title()
            self._render_url()

    def _text_width(self) -> int:
        margins = self.layout().contentsMargins()
        return max(60, self.width() - margins.left() - margins.right())

    def _render_title(self) -> None:
        metrics = QFontMetrics(self.title_label.font())
        shown = fit_lines(self._title, metrics, self._text_width(), self.TITLE_LINES)
        if shown != self.title_label.text():
            self.title_label.setText(shown)

    def _render_url(self) -> None:
        """Elide the link to the width we have; long URLs must not widen the pane."""
        if not self._url:
            self.url_label.clear()
            return
        width = self._text_width()
        shown = QFontMetrics(self.url_label.font()).elidedText(
            self._url, Qt.TextElideMode.ElideMiddle, width
        )
        href = self._url.replace('"', "%22")
        text = shown.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
        self.url_label.setText(f'<a href="{href}" style="text-decoration:none">{text}</a>')
        self.url_label.setToolTip(self._url)


class ArticleText(QTextEdit):
    """The prose itself, with an overlay for the emphasised span and the flash."""

    sentenceClicked = Signal(int)
    addDiscrepancyRequested = Signal()
    layoutChanged = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setReadOnly(True)
        self.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.setLineWrapMode(QTextEdit.LineWrapMode.WidgetWidth)
        self.setWordWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setFont(prose_font(self.font()))
        self.offsets = OffsetMap("")
        self._text = ""
        self.theme = Theme.from_palette(self.palette())
        self._rect_cache: dict[Span, list[QRectF]] = {}
        self._emphasis: tuple[Span, QColor] | None = None
        self._span_marks: list[SpanMark] = []
        self._fill_paths: dict[Span, QPainterPath] = {}
        self._flash_rects: list[QRectF] = []
        self._flash_span: Span | None = None
        self._flash_level = 0.0
        self._flash = QVariantAnimation(self)
        self._flash.setStartValue(1.0)
        self._flash.setEndValue(0.0)
        self._flash.setDuration(FLASH_MS)
        self._flash.setEasingCurve(QEasingCurve.Type.InQuad)
        self._flash.valueChanged.connect(self._on_flash_step)
        self._press: QPoint | None = None
        self.marks_provider: Callable[[], list[tuple[float, float, QColor]]] | None = None
        self.marks_edge = Qt.Edge.RightEdge
        # What lies under the mouse at a str offset: a tooltip text, "" for plain prose.
        self.hover_provider: Callable[[int], str] | None = None
        # Wraps the re-anchoring after a re-wrap, so scroll sync does not drag the
        # partner pane (still laid out at its old width) along with it.
        self.scroll_guard: Callable[[], AbstractContextManager[None]] = nullcontext
        #: False while the project is read-only: the text menu must not offer marking.
        self.marking_enabled = True
        self.viewport().setMouseTracking(True)
        self._adopt(self._new_document(""))

    # --- content -------------------------------------------------------

    def set_text(self, text: str) -> None:
        self._flash.stop()
        self._flash_rects = []
        self._flash_span = None
        self._emphasis = None
        self._span_marks = []
        self.setExtraSelections([])
        self.offsets = OffsetMap(text)
        self._text = text
        self._adopt(self._new_document(text))
        self._on_layout_changed()

    def _new_document(self, text: str) -> QTextDocument:
        """Build the text off-screen, then swap it in: laid out once, at the final width.

        Filling the shown document would lay it out twice (once on insertion,
        again for the line-height change), which is most of the cost of opening a pair.
        """
        doc = QTextDocument(self)
        doc.setDefaultFont(self.font())
        doc.setDocumentMargin(DOCUMENT_MARGIN)
        doc.setUndoRedoEnabled(False)
        block = QTextBlockFormat()
        block.setLineHeight(
            LINE_HEIGHT_PERCENT, QTextBlockFormat.LineHeightTypes.ProportionalHeight.value
        )
        cursor = QTextCursor(doc)
        cursor.setBlockFormat(block)
        if text:
            cursor.insertText(display_text(text))
        return doc

    def _adopt(self, doc: QTextDocument) -> None:
        previous = self.document()
        self.setDocument(doc)
        doc.documentLayout().documentSizeChanged.connect(self._on_layout_changed)
        if previous is not None and shiboken6.isValid(previous) and previous.parent() is self:
            previous.deleteLater()

    def set_point_size(self, points: float) -> None:
        """Change the reading size; layout (and every cached geometry) follows."""
        if points <= 0 or abs(self.font().pointSizeF() - points) < 0.01:
            return
        font = QFont(self.font())
        font.setPointSizeF(points)
        with self._keeping_place():
            self.setFont(font)
            self._on_layout_changed()

    def set_highlights(self, items: list[tuple[Span, QTextCharFormat]]) -> None:
        """Replace every highlight; later items paint over earlier ones."""
        doc = self.document()
        text = self._text
        selections = []
        for span, fmt in items:
            # Trailing blanks would paint a stray box at the start of the next empty line.
            lo, hi = max(0, span[0]), min(len(text), span[1])
            while hi > lo and text[hi - 1].isspace():
                hi -= 1
            while lo < hi and text[lo].isspace():
                lo += 1
            start, end = self.offsets.span_to_qt((lo, hi))
            if end <= start:
                continue
            selection = QTextEdit.ExtraSelection()
            cursor = QTextCursor(doc)
            cursor.setPosition(start)
            cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
            selection.cursor = cursor
            selection.format = fmt
            selections.append(selection)
        self.setExtraSelections(selections)

    def set_span_marks(self, marks: list[SpanMark]) -> None:
        """Replace the painted marks (fills under the text, lines and badges over it).

        Fills are painted as one shape per span rather than as a character
        background, which Qt draws line by line with gaps between the lines.
        """
        self._span_marks = [m._replace(span=self._trimmed(m.span)) for m in marks]
        self.viewport().update()

    def span_marks(self) -> list[SpanMark]:
        return list(self._span_marks)

    def _trimmed(self, span: Span) -> Span:
        """``span`` without surrounding blanks (they would reach into empty lines)."""
        text = self._text
        lo, hi = max(0, span[0]), min(len(text), span[1])
        while hi > lo and text[hi - 1].isspace():
            hi -= 1
        while lo < hi and text[lo].isspace():
            lo += 1
        return (lo, hi)

    def fill_path(self, span: Span) -> QPainterPath:
        """The shape a span's fill takes: its line boxes merged (cached until relayout)."""
        path = self._fill_paths.get(span)
        if path is None:
            path = self._fill_paths[span] = _outline(self.span_rects(span), 1.0)
        return path

    def set_emphasis(self, span: Span | None, colour: QColor | None = None) -> None:
        """Frame one span (the current discrepancy) with a crisp outline."""
        self._emphasis = None if span is None else (span, QColor(colour or self.theme.text))
        self.viewport().update()

    def emphasis(self) -> Span | None:
        return self._emphasis[0] if self._emphasis else None

    def flash_span(self, span: Span) -> None:
        """Pulse a span so the eye finds it after a jump."""
        self._flash_span = span
        self._flash_rects = self.span_rects(span)
        if not self._flash_rects:
            return
        self._flash.stop()
        self._flash_level = 1.0
        self._flash.start()
        self.viewport().update()

    def flash_active(self) -> bool:
        return self._flash.state() == QVariantAnimation.State.Running

    # --- geometry (document coordinates) -------------------------------

    def span_rects(self, span: Span) -> list[QRectF]:
        """One rectangle per laid-out line the span covers; cached until relayout."""
        cached = self._rect_cache.get(span)
        if cached is not None:
            return cached
        start, end = self.offsets.span_to_qt(span)
        rects: list[QRectF] = []
        doc = self.document()
        doc_layout = doc.documentLayout()
        block = doc.findBlock(start)
        while block.isValid() and block.position() <= end:
            doc_layout.blockBoundingRect(block)  # makes sure the block is laid out
            layout = block.layout()
            origin = layout.position()
            base = block.position()
            count = layout.lineCount()
            for i in range(count):
                line = layout.lineAt(i)
                line_start = base + line.textStart()
                line_end = line_start + line.textLength()
                lo, hi = max(start, line_start), min(end, line_end)
                if hi < lo or (hi == lo and start != end):
                    continue
                x0 = line.cursorToX(lo - base)[0]
                x1 = line.cursorToX(hi - base)[0]
                # A line's box runs to the next line's top, so a multi-line
                # span's boxes touch and outline as one shape.
                if i + 1 < count:
                    pitch = layout.lineAt(i + 1).y() - line.y()
                else:
                    pitch = line.height() * LINE_HEIGHT_PERCENT / 100
                top = origin.y() + line.y() - (pitch - line.height()) / 2
                rects.append(QRectF(origin.x() + min(x0, x1), top, abs(x1 - x0), pitch))
            block = block.next()
        self._rect_cache[span] = rects
        return rects

    def span_y_range(self, span: Span) -> tuple[float, float] | None:
        rects = self.span_rects(span)
        if not rects:
            return None
        return rects[0].top(), rects[-1].bottom()

    def offset_at(self, point: QPoint) -> int | None:
        """``str`` offset of the character under a viewport point, or None off the text."""
        doc_point = point + QPoint(
            self.horizontalScrollBar().value(), self.verticalScrollBar().value()
        )
        hit = self.document().documentLayout().hitTest(doc_point, Qt.HitTestAccuracy.ExactHit)
        if hit < 0:
            return None
        return self.offsets.from_qt(hit)

    def selected_span(self) -> Span | None:
        cursor = self.textCursor()
        if not cursor.hasSelection():
            return None
        start, end = self.offsets.span_from_qt(cursor.selectionStart(), cursor.selectionEnd())
        return (start, end) if end > start else None

    def find_text(self, text: str, backward: bool = False) -> bool:
        """Next (or previous) occurrence, wrapping around once; case-insensitive."""
        if not text:
            return False
        flags = QTextDocument.FindFlag.FindBackward if backward else QTextDocument.FindFlag(0)
        if self.find(text, flags):
            return True
        original = self.textCursor()
        wrapped = QTextCursor(self.document())
        wrapped.movePosition(
            QTextCursor.MoveOperation.End if backward else QTextCursor.MoveOperation.Start
        )
        self.setTextCursor(wrapped)
        if self.find(text, flags):
            return True
        self.setTextCursor(original)
        return False

    # --- Qt overrides ----------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt override
        shift = QPoint(self.horizontalScrollBar().value(), self.verticalScrollBar().value())
        area = QRectF(event.rect().translated(shift))
        if self._span_marks:
            # Under the text: the viewport's background is already filled.
            painter = QPainter(self.viewport())
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.translate(-shift)
            self._paint_fills(painter, area)
            painter.end()
        super().paintEvent(event)
        marks = self.marks_provider() if self.marks_provider else []
        flashing = self._flash_rects and self._flash_level > 0
        if not marks and not self._emphasis and not flashing and not self._span_marks:
            return
        painter = QPainter(self.viewport())
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.translate(-shift)
        if self._span_marks:
            self._paint_lines_and_badges(painter, area)
        if marks:
            self._paint_marks(painter, marks)
        if self._flash_rects and self._flash_level > 0:
            colour = self.theme.flash_colour()
            colour.setAlphaF(colour.alphaF() * self._flash_level)
            painter.fillPath(_outline(self._flash_rects, 2.0), colour)
        if self._emphasis:
            span, colour = self._emphasis
            pen = QPen(colour, 2.0)
            pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
            painter.setPen(pen)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawPath(_outline(self.span_rects(span), 2.5))
        painter.end()

    def _paint_fills(self, painter: QPainter, area: QRectF) -> None:
        for mark in self._span_marks:
            if mark.fill is None or mark.span[1] <= mark.span[0]:
                continue
            path = self.fill_path(mark.span)
            if path.boundingRect().intersects(area):
                painter.fillPath(path, mark.fill)

    def _paint_lines_and_badges(self, painter: QPainter, area: QRectF) -> None:
        """Each kind's line pattern under its words, then the status badges."""
        ink, paper = self.theme.badge_colours()
        for mark in self._span_marks:
            if (not mark.pattern and not mark.badge) or mark.span[1] <= mark.span[0]:
                continue
            rects = [r for r in self.span_rects(mark.span) if r.width() >= 0.5]
            if not rects or not QRectF(rects[0]).united(rects[-1]).intersects(area):
                continue
            for rect in rects:
                y = rect.center().y() + rect.height() * 50 / LINE_HEIGHT_PERCENT - 1.0
                draw_pattern(painter, rect.left(), rect.right(), y, mark.pattern, mark.line)
            if mark.badge:
                last = rects[-1]
                size = max(9.0, last.height() * 0.36)
                centre = QPointF(last.right() + 1.0, last.top() + size * 0.5)
                draw_badge(painter, centre, mark.badge, ink, paper, size)

    def _paint_marks(self, painter: QPainter, marks: list[tuple[float, float, QColor]]) -> None:
        """Thin bars on the connector side showing each aligned passage's extent."""
        top = self.verticalScrollBar().value()
        bottom = top + self.viewport().height()
        width = MARK_WIDTH
        x = self.viewport().width() - width - 3 if self.marks_edge == Qt.Edge.RightEdge else 3.0
        painter.setPen(Qt.PenStyle.NoPen)
        for y0, y1, colour in marks:
            if y1 < top or y0 > bottom:
                continue
            painter.setBrush(colour)
            painter.drawRoundedRect(QRectF(x, y0 + 1, width, max(2.0, y1 - y0 - 2)), 1.5, 1.5)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt override
        rewrapped = event.size().width() != event.oldSize().width()
        with self._keeping_place(rewrapped):
            super().resizeEvent(event)
            if rewrapped:
                self._on_layout_changed()

    @contextmanager
    def _keeping_place(self, rewraps: bool = True) -> Iterator[None]:
        """Re-wrap inside this without losing the reader's place.

        Re-wrapping (a new width or text size) moves every line: without an
        anchor the pixel offset stays and the passage being read, or the
        current discrepancy, slides away.
        """
        anchor = self._reading_anchor() if rewraps and self._text else None
        with self.scroll_guard():
            yield
            y = self._position_top(anchor[0]) if anchor is not None else None
            if anchor is not None and y is not None:
                bar = self.verticalScrollBar()
                bar.setValue(int(round(max(bar.minimum(), min(bar.maximum(), y - anchor[1])))))

    def _reading_anchor(self) -> tuple[int, float] | None:
        """What must stay put on screen: the current span if shown, else the top line.

        Returns a Qt text position and its distance from the viewport's top.
        """
        top = self.verticalScrollBar().value()
        if self._emphasis is not None:
            rects = self.span_rects(self._emphasis[0])
            if (
                rects
                and rects[0].top() >= top
                and rects[-1].bottom() <= top + self.viewport().height()
            ):
                start = self.offsets.span_to_qt(self._emphasis[0])[0]
                return start, rects[0].top() - top
        if top <= 0:
            return None  # at the start the start stays in view by itself
        hit = (
            self.document()
            .documentLayout()
            .hitTest(QPointF(DOCUMENT_MARGIN + 1, top + 1), Qt.HitTestAccuracy.FuzzyHit)
        )
        y = self._position_top(hit) if hit >= 0 else None
        return None if y is None else (hit, y - top)

    def _position_top(self, position: int) -> float | None:
        """Document y of the top of the laid-out line holding a Qt text position."""
        doc = self.document()
        block = doc.findBlock(position)
        if not block.isValid():
            return None
        doc.documentLayout().blockBoundingRect(block)  # makes sure the block is laid out
        layout = block.layout()
        line = layout.lineForTextPosition(position - block.position())
        return layout.position().y() + (line.y() if line.isValid() else 0.0)

    def changeEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().changeEvent(event)
        if event.type() == event.Type.PaletteChange:
            self.theme = Theme.from_palette(self.palette())

    def viewportEvent(self, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.ToolTip and self.hover_provider is not None:
            offset = self.offset_at(event.pos())
            tip = self.hover_provider(offset) if offset is not None else ""
            if tip:
                QToolTip.showText(event.globalPos(), tip, self.viewport())
            else:
                QToolTip.hideText()
                event.ignore()
            return True
        return super().viewportEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt override
        super().mouseMoveEvent(event)
        if event.buttons() == Qt.MouseButton.NoButton and self.hover_provider is not None:
            offset = self.offset_at(event.position().toPoint())
            over_span = offset is not None and bool(self.hover_provider(offset))
            shape = Qt.CursorShape.PointingHandCursor if over_span else Qt.CursorShape.IBeamCursor
            if self.viewport().cursor().shape() != shape:
                self.viewport().setCursor(shape)

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt override
        self._press = (
            event.position().toPoint() if event.button() == Qt.MouseButton.LeftButton else None
        )
        super().mousePressEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt override
        super().mouseReleaseEvent(event)
        press, self._press = self._press, None
        if press is None or event.button() != Qt.MouseButton.LeftButton:
            return
        point = event.position().toPoint()
        if (point - press).manhattanLength() > _CLICK_SLOP or self.textCursor().hasSelection():
            return
        offset = self.offset_at(point)
        if offset is not None:
            self.sentenceClicked.emit(offset)

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:  # noqa: N802 - Qt override
        menu = self.build_context_menu(event.pos())
        menu.exec(event.globalPos())
        menu.deleteLater()

    def build_context_menu(self, pos: QPoint) -> QMenu:
        """The standard copy/select menu with our action on top (separate for tests)."""
        menu = self.createStandardContextMenu(pos)
        mark = menu.addAction("Mark as discrepancy…")
        mark.setObjectName("markDiscrepancyAction")
        mark.setEnabled(self.marking_enabled and self.textCursor().hasSelection())
        if not self.marking_enabled:
            mark.setText("Mark as discrepancy… (project is read-only)")
        mark.triggered.connect(self.addDiscrepancyRequested)
        first = menu.actions()[0] if menu.actions() else None
        if first is not None and first is not mark:
            menu.insertAction(first, mark)
            menu.insertSeparator(first)
        return menu

    # --- internals -------------------------------------------------------

    def _on_layout_changed(self, *_args) -> None:
        self._rect_cache.clear()
        self._fill_paths.clear()
        if self._flash_span is not None and self._flash_rects:
            # A pulse running across a re-wrap must follow its words, not stay at old pixels.
            self._flash_rects = self.span_rects(self._flash_span)
        self.layoutChanged.emit()

    def _on_flash_step(self, value: float) -> None:
        """Repaint only around the flashing span: a full-viewport repaint per frame is wasted."""
        area = QRectF()
        for rect in self._flash_rects:
            area = area.united(rect)
        self._flash_level = float(value)
        if self._flash_level <= 0:
            self._flash_rects = []
        if area.isNull():
            return
        shift = QPoint(self.horizontalScrollBar().value(), self.verticalScrollBar().value())
        self.viewport().update(area.toAlignedRect().adjusted(-6, -4, 6, 4).translated(-shift))


class ArticlePane(QWidget):
    """Header plus prose; the unit the comparison view puts on each side."""

    sentenceClicked = Signal(int)
    addDiscrepancyRequested = Signal()
    openUrlRequested = Signal(str)
    layoutChanged = Signal()
    detailsRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.header = ArticleHeader(self)
        # Right-click or double-click on the title and date: correct them.
        self.header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.header.customContextMenuRequested.connect(self._header_menu)
        self.header.setToolTip("Right-click to correct the title, outlet, author, date or URL")
        self.text = ArticleText(self)
        self._article: Article | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.header)
        layout.addWidget(self.text, 1)
        self.text.sentenceClicked.connect(self.sentenceClicked)
        self.text.addDiscrepancyRequested.connect(self.addDiscrepancyRequested)
        self.text.layoutChanged.connect(self.layoutChanged)
        self.header.openUrlRequested.connect(self.openUrlRequested)

    def set_article(self, article: Article | None) -> None:
        self._article = article
        self.header.set_article(article)
        self.text.set_text(article.text if article else "")

    def article(self) -> Article | None:
        return self._article

    def _header_menu(self, pos) -> None:
        if self._article is None:
            return
        menu = QMenu(self)
        menu.addAction("Edit Article Details…").triggered.connect(self.detailsRequested)
        menu.exec(self.header.mapToGlobal(pos))

    def set_text_size(self, points: float) -> None:
        """Reading size of the article text (the header keeps the UI font)."""
        self.text.set_point_size(points)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        # ``pane.setFont(f)`` is taken to mean "read at f's size": the prose
        # follows it, the header keeps its own compact fonts.
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self.text.set_point_size(self.font().pointSizeF())

    def clear(self) -> None:
        self.set_article(None)

    # --- delegated API ---------------------------------------------------

    def set_highlights(self, items: list[tuple[Span, QTextCharFormat]]) -> None:
        self.text.set_highlights(items)

    def set_span_marks(self, marks: list[SpanMark]) -> None:
        self.text.set_span_marks(marks)

    def set_emphasis(self, span: Span | None, colour: QColor | None = None) -> None:
        self.text.set_emphasis(span, colour)

    def flash_span(self, span: Span) -> None:
        self.text.flash_span(span)

    def selected_span(self) -> Span | None:
        return self.text.selected_span()

    def select_span(self, span: Span) -> None:
        """Select ``span`` in the text, as if the reader had dragged over it."""
        start, end = self.text.offsets.span_to_qt(span)
        cursor = self.text.textCursor()
        cursor.setPosition(start)
        cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
        self.text.setTextCursor(cursor)

    def find(self, text: str, backward: bool = False) -> bool:
        return self.text.find_text(text, backward)

    def span_y_range(self, span: Span) -> tuple[float, float] | None:
        return self.text.span_y_range(span)

    # --- scrolling -------------------------------------------------------

    def scroll_bar(self):
        return self.text.verticalScrollBar()

    def scroll_value(self) -> int:
        return self.text.verticalScrollBar().value()

    def viewport_height(self) -> int:
        return self.text.viewport().height()

    def is_span_visible(self, span: Span, margin: float = 8.0) -> bool:
        y = self.span_y_range(span)
        if y is None:
            return False
        top = self.scroll_value()
        return y[0] >= top + margin and y[1] <= top + self.viewport_height() - margin

    def scroll_to_span(
        self, span: Span, fraction: float = 0.3, only_if_hidden: bool = True
    ) -> None:
        """Bring a span into view with its top ``fraction`` down the viewport."""
        if only_if_hidden and self.is_span_visible(span):
            return
        y = self.span_y_range(span)
        if y is None:
            return
        self.set_scroll_y(y[0] - self.viewport_height() * fraction)

    def set_scroll_y(self, y: float) -> None:
        bar = self.scroll_bar()
        bar.setValue(int(round(max(bar.minimum(), min(bar.maximum(), y)))))
