"""Two articles side by side, joined by the connector, with a legend below.

This is where a comparison's records turn into pixels: boilerplate greyed,
unaligned sentences shaded, changed words dotted, discrepancy spans tinted by
kind and styled by status, bands coloured by each passage's worst open
finding.  It owns no data beyond what ``set_comparison`` handed it and never
touches the project; user intent leaves as signals.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from PySide6.QtCore import QEvent, QObject, QPointF, QRectF, QSize, Qt, QTimer, Signal
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QPainter,
    QPaintEvent,
    QPalette,
    QPen,
    QResizeEvent,
    QTextCharFormat,
)
from PySide6.QtWidgets import QHBoxLayout, QLabel, QSizePolicy, QVBoxLayout, QWidget

from core.model import KINDS, Comparison, Discrepancy, Span
from gui.article_pane import ArticlePane
from gui.connector import Band, Connector, PassageGeometry, band_path
from gui.discrepancy_model import status_of
from gui.highlight_spans import plan
from gui.palette import Theme, kind_label, mix, severity_rank
from gui.scroll_sync import ScrollSync
from gui.span_marks import SpanMark, draw_badge, draw_pattern
from gui.themed_widget import ThemedWidget

PARTNER_FRACTION = 0.3  # where a jumped-to span lands, as a share of the viewport height
MIN_REVEAL_HEIGHT = 60  # below this a pane is not laid out yet: scrolling it means nothing


def _overlaps(span: Span, spans: Iterable[Span]) -> bool:
    return any(span[0] < end and start < span[1] for start, end in spans)


def _contains(span: Span | None, offset: int) -> bool:
    return span is not None and span[0] <= offset < max(span[1], span[0] + 1)


class Legend(ThemedWidget):
    """What each colour and line means, wrapped to the width available."""

    _SWATCH = QSize(18, 11)
    _GAP = 12
    MAX_ROWS = 2

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        font = QFont(self.font())
        font.setPointSizeF(max(8.0, font.pointSizeF() - 0.5))
        self.setFont(font)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self._counts: dict[str, int] = {}
        self._height = 0

    def set_counts(self, counts: Mapping[str, int]) -> None:
        """Discrepancies per kind; kinds without any are drawn faded."""
        self._counts = dict(counts)
        self.update()

    def entries(self) -> list[tuple[str, str, str]]:
        """(group, key, label) for every legend entry, in drawing order."""
        out = [("Kinds", kind, kind_label(kind)) for kind in KINDS]
        out += [
            ("Status", "confirmed", "Confirmed"),
            ("Status", "follow-up", "Follow-up"),
            ("Status", "dismissed", "Dismissed"),
            ("Text", "changed", "Changed words"),
            ("Text", "unaligned", "Only in this article"),
            ("Text", "boilerplate", "Site furniture"),
            ("Bands", "band-0", "Agree"),
            ("Bands", "band-1", "Low"),
            ("Bands", "band-2", "Medium"),
            ("Bands", "band-3", "High"),
        ]
        return out

    # --- layout --------------------------------------------------------

    def shown_groups(self, width: int) -> tuple[str, ...]:
        """The groups that fit in two rows; the least needed go first when narrow."""
        groups: tuple[str, ...] = ("Kinds", "Status", "Text", "Bands")
        for dropped in ((), ("Text",), ("Text", "Status")):
            candidate = tuple(g for g in groups if g not in dropped)
            if self._rows(width, candidate) <= self.MAX_ROWS:
                return candidate
        return ("Kinds", "Bands")

    def _rows(self, width: int, groups: tuple[str, ...]) -> int:
        placed, _ = self._place(width, groups)
        return len({rect.top() for *_, rect, _ in placed})

    def _layout(self, width: int) -> tuple[list[tuple[str, str, str, QRectF, bool]], int]:
        return self._place(width, self.shown_groups(width))

    def _place(
        self, width: int, groups: tuple[str, ...]
    ) -> tuple[list[tuple[str, str, str, QRectF, bool]], int]:
        metrics = QFontMetricsF(self.font())
        bold = QFont(self.font())
        bold.setWeight(QFont.Weight.DemiBold)
        bold_metrics = QFontMetricsF(bold)
        line_h = max(metrics.height(), self._SWATCH.height()) + 6
        x, y = 10.0, 5.0
        placed = []
        group = None
        for entry_group, key, label in self.entries():
            if entry_group not in groups:
                continue
            parts = []
            if entry_group != group:
                group = entry_group
                heading_w = bold_metrics.horizontalAdvance(entry_group) + 8
                parts.append((entry_group, "", entry_group, heading_w, True))
            advance = self._SWATCH.width() + 6 + metrics.horizontalAdvance(label)
            parts.append((entry_group, key, label, advance, False))
            needed = sum(p[3] for p in parts) + self._GAP * (len(parts) - 1)
            if x > 10 and x + needed > width - 10:
                x, y = 10.0, y + line_h
            for part_group, part_key, part_label, part_w, heading in parts:
                rect = QRectF(x, y, part_w, line_h - 6)
                placed.append((part_group, part_key, part_label, rect, heading))
                x += part_w + (8 if heading else self._GAP)
        return placed, int(y + line_h + 3)

    def _update_tooltip(self, width: int) -> None:
        hidden = [g for g in ("Status", "Text") if g not in self.shown_groups(width)]
        notes = {
            "Status": "Confirmed: ✓ badge · Follow-up: ? badge · Dismissed: struck through, faded",
            "Text": "Dotted underline: changed words · Grey shading: only in this article · "
            "Grey text: site furniture",
        }
        self.setToolTip("\n".join(notes[g] for g in hidden))

    def hasHeightForWidth(self) -> bool:  # noqa: N802 - Qt override
        return True

    def heightForWidth(self, width: int) -> int:  # noqa: N802 - Qt override
        return self._layout(width)[1]

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override
        return QSize(600, self.heightForWidth(max(self.width(), 600)))

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        height = self.heightForWidth(event.size().width())
        self._update_tooltip(event.size().width())
        if height != self._height:
            self._height = height
            self.setFixedHeight(height)

    # --- painting ----------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt override
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        theme = self.theme
        placed, _ = self._layout(self.width())
        bold = QFont(self.font())
        bold.setWeight(QFont.Weight.DemiBold)
        muted = mix(theme.text, theme.window, 0.35)
        for group, key, label, rect, heading in placed:
            if heading:
                painter.setFont(bold)
                painter.setPen(muted)
                painter.drawText(
                    rect, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, label
                )
                continue
            swatch = QRectF(
                rect.left(),
                rect.center().y() - self._SWATCH.height() / 2,
                self._SWATCH.width(),
                self._SWATCH.height(),
            )
            faded = group == "Kinds" and self._counts and not self._counts.get(key)
            painter.setOpacity(0.45 if faded else 1.0)
            self._paint_swatch(painter, group, key, swatch)
            painter.setFont(self.font())
            painter.setPen(theme.text)
            text_rect = rect.adjusted(self._SWATCH.width() + 6, 0, 0, 0)
            painter.drawText(
                text_rect, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, label
            )
            painter.setOpacity(1.0)
        painter.end()

    def _paint_swatch(self, painter: QPainter, group: str, key: str, r: QRectF) -> None:
        theme = self.theme
        if group == "Kinds":
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(theme.kind_tint(key))
            painter.drawRoundedRect(r.adjusted(0, 0, 0, -3), 2.5, 2.5)
            draw_pattern(
                painter,
                r.left(),
                r.right(),
                r.bottom() - 1,
                theme.kind_pattern(key),
                theme.kind_line(key),
            )
        elif group == "Status":
            # Neutral grey, not a kind's hue: a status never reads as a kind.
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(mix(theme.base, theme.text, 0.12))
            painter.drawRoundedRect(r.adjusted(0, 0, -6, 0), 2.5, 2.5)
            if key == "dismissed":
                painter.setPen(QPen(theme.dimmed_text(), 1.2))
                painter.drawLine(
                    QPointF(r.left() + 1, r.center().y()), QPointF(r.right() - 7, r.center().y())
                )
            ink, paper = theme.badge_colours()
            size = r.height()
            draw_badge(
                painter,
                QPointF(r.right() - size / 2, r.center().y()),
                theme.status_badge(key),
                ink,
                paper,
                size,
            )
        elif key == "changed":
            pen = QPen(mix(theme.text, theme.base, 0.35), 1.2, Qt.PenStyle.DotLine)
            painter.setPen(pen)
            painter.drawLine(QPointF(r.left(), r.bottom() - 1), QPointF(r.right(), r.bottom() - 1))
        elif key == "unaligned":
            painter.setPen(QPen(mix(theme.unaligned_shade(), theme.text, 0.15), 1.0))
            painter.setBrush(theme.unaligned_shade())
            painter.drawRoundedRect(r.adjusted(0.5, 0.5, -0.5, -0.5), 2.5, 2.5)
        elif key == "boilerplate":
            painter.setPen(theme.boilerplate_format().foreground().color())
            font = QFont(self.font())
            font.setItalic(True)
            painter.setFont(font)
            painter.drawText(r, Qt.AlignmentFlag.AlignCenter, "Aa")
        else:  # bands
            rank = int(key.rsplit("-", 1)[1])
            band = Band(r.top() + 1, r.bottom() - 3, r.top() + 3, r.bottom() - 1)
            path = band_path(band, r.width()).translated(r.left(), 0)
            painter.fillPath(path, theme.band_fill(rank))
            pen = QPen(theme.band_outline(rank), 1.0)
            painter.strokePath(path, pen)


class ComparisonView(QWidget):
    """Pane A | connector | pane B, plus the legend; the centre of the window."""

    discrepancyActivated = Signal(str)
    addDiscrepancyRequested = Signal()
    openUrlRequested = Signal(str)
    detailsRequested = Signal(int)  # 0 = article A, 1 = article B

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.pane_a = ArticlePane(self)
        self.pane_b = ArticlePane(self)
        self.pane_a.setObjectName("articlePaneA")
        self.pane_b.setObjectName("articlePaneB")
        self._geometry = PassageGeometry(self.pane_a, self.pane_b)
        self.connector = Connector(self.pane_a, self.pane_b, self._geometry, self)
        self.legend = Legend(self)
        self.guide = QLabel("Open a pair to read its two articles side by side.", self)
        self.guide.setObjectName("viewGuide")
        self.guide.setWordWrap(True)
        self.guide.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        self.guide.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.guide.setBackgroundRole(QPalette.ColorRole.Base)
        self.guide.setAutoFillBackground(True)  # a card over both panes, not text over frames
        self.guide.setMargin(18)
        guide_font = QFont(self.guide.font())
        guide_font.setPointSizeF(guide_font.pointSizeF() * 1.15)
        self.guide.setFont(guide_font)
        self.scroll_sync = ScrollSync(
            self.pane_a.scroll_bar(), self.pane_b.scroll_bar(), self._geometry.anchors, self
        )
        self.theme = Theme.from_palette(self.palette())

        self._comparison: Comparison | None = None
        self._discrepancies: dict[str, Discrepancy] = {}
        self._annotations: dict[str, Any] = {}
        self._alignment_of: dict[str, int | None] = {}
        self._base_layers: tuple[list, list] = ([], [])
        self._sentences: tuple[list[Span], list[Span]] = ([], [])
        self._changed: tuple[list[Span], list[Span]] = ([], [])
        self._current: str | None = None

        panes = QHBoxLayout()
        panes.setContentsMargins(0, 0, 0, 0)
        panes.setSpacing(0)
        panes.addWidget(self.pane_a, 1)
        panes.addWidget(self.connector)
        panes.addWidget(self.pane_b, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addLayout(panes, 1)
        layout.addWidget(self.legend)

        self._pending_reveal: str | None = None
        self._header_timer = self._idle_timer(self._equalise_headers)
        self._reveal_timer = self._idle_timer(self._reveal_pending)
        self._wire_panes()
        self.clear()

    def _idle_timer(self, slot) -> QTimer:
        """A zero-delay single-shot timer: coalesces bursts of resizes into one call."""
        timer = QTimer(self)
        timer.setSingleShot(True)
        timer.setInterval(0)
        timer.timeout.connect(slot)
        return timer

    def _wire_panes(self) -> None:
        self.pane_b.text.marks_edge = Qt.Edge.LeftEdge
        for side, pane in enumerate((self.pane_a, self.pane_b)):
            pane.text.marks_provider = lambda s=side: self._marks(s)
            pane.text.hover_provider = lambda offset, s=side: self._hover_text(s, offset)
            pane.text.scroll_guard = self.scroll_sync.suspended
            pane.layoutChanged.connect(self._geometry.invalidate)
            pane.sentenceClicked.connect(lambda offset, s=side: self._on_click(s, offset))
            pane.addDiscrepancyRequested.connect(self.addDiscrepancyRequested)
            pane.openUrlRequested.connect(self.openUrlRequested)
            pane.detailsRequested.connect(lambda s=side: self.detailsRequested.emit(s))
            pane.header.installEventFilter(self)
            pane.text.installEventFilter(self)

    # --- public API ----------------------------------------------------

    def set_comparison(
        self,
        comparison: Comparison,
        discrepancies: Sequence[Discrepancy] | None = None,
        annotations: Mapping[str, Any] | None = None,
    ) -> None:
        """Show a pair with its discrepancies (the engine's and hand-made "u-…" ones).

        ``discrepancies`` defaults to the comparison's own; ``annotations`` maps
        discrepancy ids to annotation records (missing → open).
        """
        self._comparison = comparison
        discs = comparison.discrepancies if discrepancies is None else discrepancies
        self._discrepancies = {d.id: d for d in discs}
        self._annotations = dict(annotations or {})
        self._current = None
        self._pending_reveal = None
        with self.scroll_sync.suspended():
            self.pane_a.set_article(comparison.a)
            self.pane_b.set_article(comparison.b)
        self._geometry.set_alignments(comparison.alignments)
        self._alignment_of = {d.id: self._find_alignment(d) for d in discs}
        self._base_layers = (self._base_for(0), self._base_for(1))
        self._sentences, self._changed = self._sentences_and_changes(comparison)
        self._equalise_headers()
        self._refresh()
        self.legend.set_counts(self._kind_counts())
        self.pane_a.set_emphasis(None)
        self.pane_b.set_emphasis(None)
        self.connector.set_current(None)
        self._place_guide()

    def clear(self) -> None:
        self._comparison = None
        self._discrepancies = {}
        self._annotations = {}
        self._alignment_of = {}
        self._base_layers = ([], [])
        self._sentences, self._changed = ([], []), ([], [])
        self._current = None
        self._pending_reveal = None
        with self.scroll_sync.suspended():
            self.pane_a.clear()
            self.pane_b.clear()
        self._geometry.set_alignments(())
        self.connector.set_severities({})
        self.connector.set_current(None)
        self.legend.set_counts({})
        self._equalise_headers()
        self._place_guide()

    def comparison(self) -> Comparison | None:
        return self._comparison

    def set_placeholder(self, text: str) -> None:
        """What the empty view says (the window knows what the user should do next)."""
        self.guide.setText(text)

    def placeholder(self) -> str:
        return self.guide.text()

    def _place_guide(self) -> None:
        """The guide lies over the empty panes, across both, while no pair is shown."""
        area = self.pane_a.geometry().united(self.pane_b.geometry()).adjusted(40, 60, -40, 0)
        area.setHeight(self.guide.heightForWidth(area.width()))
        self.guide.setGeometry(area)
        self.guide.setVisible(self._comparison is None and bool(self.guide.text()))
        self.guide.raise_()

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        self._place_guide()

    def current_id(self) -> str | None:
        return self._current

    def show_discrepancy(self, disc_id: str | None) -> bool:
        """Make ``disc_id`` current: emphasise it, bring both spans into view, flash them.

        Returns False (and clears the emphasis) for an unknown id or None.
        """
        disc = self._discrepancies.get(disc_id) if disc_id else None
        previous, self._current = self._current, disc.id if disc else None
        if previous != self._current:
            self._refresh()
        panes = (self.pane_a, self.pane_b)
        if disc is None:
            for pane in panes:
                pane.set_emphasis(None)
            self.connector.set_current(None)
            return False
        outline = self.theme.emphasis_outline(disc.kind)
        for pane, span in zip(panes, (disc.a, disc.b), strict=True):
            pane.set_emphasis(span, outline)
        self._reveal(disc)
        self.connector.set_current(self._alignment_of.get(disc.id))
        return True

    def _reveal(self, disc: Discrepancy) -> None:
        """Scroll both spans into view and flash them — once the panes have a real size.

        A pair is often opened (and its first discrepancy shown) before the
        window is laid out; scrolling a 30-pixel viewport would leave the text
        oddly scrolled, so the reveal waits for the first proper resize.
        """
        if self._header_timer.isActive():  # settle the panes' height before judging visibility
            self._header_timer.stop()
            self._equalise_headers()
        panes = (self.pane_a, self.pane_b)
        if any(pane.viewport_height() < MIN_REVEAL_HEIGHT for pane in panes):
            self._pending_reveal = disc.id
            return
        self._pending_reveal = None
        spans = (disc.a, disc.b)
        with self.scroll_sync.suspended():
            for pane, span in zip(panes, spans, strict=True):
                if span is not None:
                    pane.scroll_to_span(span, PARTNER_FRACTION)
        if spans[0] is None or spans[1] is None:
            # One-sided (an omission): show where it would sit in the other article.
            self.scroll_sync.sync_from(0 if spans[0] is not None else 1)
        for pane, span in zip(panes, spans, strict=True):
            if span is not None:
                pane.flash_span(span)

    def _reveal_pending(self) -> None:
        disc = self._discrepancies.get(self._pending_reveal or "")
        if disc is not None and disc.id == self._current:
            self._reveal(disc)
        else:
            self._pending_reveal = None

    def update_annotation(self, disc_id: str, annotation: Any | None) -> None:
        if annotation is None:
            self._annotations.pop(disc_id, None)
        else:
            self._annotations[disc_id] = annotation
        if disc_id in self._discrepancies:
            self._refresh()

    def set_marking_enabled(self, on: bool) -> None:
        """Offer "Mark as discrepancy…" in the texts' menus only when the project can take it."""
        for pane in (self.pane_a, self.pane_b):
            pane.text.marking_enabled = on

    def set_scroll_sync(self, on: bool) -> None:
        self.scroll_sync.set_enabled(on)

    def scroll_sync_enabled(self) -> bool:
        return self.scroll_sync.enabled()

    def find(self, text: str, backward: bool = False) -> bool:
        """Find the next occurrence in each pane independently; True if either has one."""
        with self.scroll_sync.suspended():
            found_a = self.pane_a.find(text, backward)
            found_b = self.pane_b.find(text, backward)
        return found_a or found_b

    def set_text_size(self, points: float) -> None:
        """Reading size of both articles."""
        self.pane_a.set_text_size(points)
        self.pane_b.set_text_size(points)

    def show_spans(self, a: Span | None, b: Span | None) -> None:
        """Select one fact in each article (either may be None), scroll to it and flash it."""
        with self.scroll_sync.suspended():
            for pane, span in zip((self.pane_a, self.pane_b), (a, b), strict=True):
                if span is None:
                    continue
                pane.select_span(span)
                pane.scroll_to_span(span, PARTNER_FRACTION)
                pane.flash_span(span)

    def selected_spans(self) -> tuple[Span | None, Span | None]:
        return self.pane_a.selected_span(), self.pane_b.selected_span()

    def discrepancies_at(self, side: int, offset: int) -> list[str]:
        """Ids of discrepancies whose span on ``side`` covers ``offset``, most telling first."""
        hits = [
            d for d in self._discrepancies.values() if _contains(d.a if side == 0 else d.b, offset)
        ]

        def telling(d: Discrepancy):
            span = d.a if side == 0 else d.b
            dismissed = status_of(self._annotations.get(d.id)) == "dismissed"
            return (dismissed, -severity_rank(d.severity), span[1] - span[0])

        return [d.id for d in sorted(hits, key=telling)]

    def _hover_text(self, side: int, offset: int) -> str:
        """Tooltip for a highlighted span: kind, severity, status and summary of each finding."""
        lines = []
        for disc_id in self.discrepancies_at(side, offset)[:4]:
            disc = self._discrepancies[disc_id]
            status = status_of(self._annotations.get(disc_id))
            state = "" if status == "open" else f" · {status}"
            lines.append(f"{kind_label(disc.kind)} · {disc.severity}{state}\n{disc.summary}")
        return "\n\n".join(lines)

    def alignment_at(self, side: int, offset: int) -> int | None:
        if self._comparison is None:
            return None
        for index, alignment in enumerate(self._comparison.alignments):
            spans = alignment.a if side == 0 else alignment.b
            if any(start <= offset < end for start, end in spans):
                return index
        return None

    # --- rendering -----------------------------------------------------

    def _base_for(self, side: int) -> list[tuple[Span, QTextCharFormat]]:
        """Formats that do not change with annotations: furniture, changed words."""
        comparison = self._comparison
        if comparison is None:
            return []
        article = comparison.a if side == 0 else comparison.b
        theme = self.theme
        layers: list[tuple[Span, QTextCharFormat]] = []
        furniture = theme.boilerplate_format()
        layers += [(span, furniture) for span in article.boilerplate]
        changed = theme.change_format()
        for alignment in comparison.alignments:
            for change in alignment.changes:
                if change.cosmetic:
                    continue
                span = (
                    (change.a_start, change.a_end) if side == 0 else (change.b_start, change.b_end)
                )
                if span[1] > span[0]:
                    layers.append((span, changed))
        return layers

    @staticmethod
    def _sentences_and_changes(comparison: Comparison):
        """Each side's sentence spans and changed words, as the highlight plan needs them."""
        sentences: tuple[list[Span], list[Span]] = (
            list(comparison.unaligned_a),
            list(comparison.unaligned_b),
        )
        changed: tuple[list[Span], list[Span]] = ([], [])
        for alignment in comparison.alignments:
            sentences[0].extend(alignment.a)
            sentences[1].extend(alignment.b)
            for change in alignment.changes:
                if not change.cosmetic:
                    changed[0].append((change.a_start, change.a_end))
                    changed[1].append((change.b_start, change.b_end))
        return sentences, changed

    def _ordered_discrepancies(self) -> list[Discrepancy]:
        """Painting order: dismissed first, then by severity, the current one last (on top)."""

        def order(d: Discrepancy):
            status = status_of(self._annotations.get(d.id))
            return (d.id == self._current, status != "dismissed", severity_rank(d.severity))

        return sorted(self._discrepancies.values(), key=order)

    def _discrepancy_layers(self, side: int) -> list[tuple[Span, QTextCharFormat]]:
        """Character formats of the discrepancies' words (dismissed ones are struck through)."""
        layers = []
        for disc in self._ordered_discrepancies():
            span = disc.a if side == 0 else disc.b
            if span is None or span[1] <= span[0]:
                continue
            status = status_of(self._annotations.get(disc.id))
            layers.append((span, self.theme.span_format(disc.kind, status)))
        return layers

    def span_marks(self, side: int) -> list[SpanMark]:
        """Fills, kind lines and status badges for one pane, both sides at one granularity."""
        theme = self.theme
        shade = theme.unaligned_shade()
        comparison = self._comparison
        unaligned = (
            ()
            if comparison is None
            else (comparison.unaligned_a if side == 0 else comparison.unaligned_b)
        )
        contexts: list[SpanMark] = [SpanMark(span, shade) for span in unaligned]
        focuses: list[SpanMark] = []
        for disc in self._ordered_discrepancies():
            status = status_of(self._annotations.get(disc.id))
            marks = plan((disc.a, disc.b), self._sentences, self._changed)[side]
            for span in marks.context:
                contexts.append(SpanMark(span, theme.context_tint(disc.kind)))
            line = theme.kind_line(disc.kind)
            pattern = theme.kind_pattern(disc.kind)
            focus = [s for s in marks.focus if s[1] > s[0]]
            for index, span in enumerate(focus):
                badge = theme.status_badge(status) if index == len(focus) - 1 else ""
                focuses.append(
                    SpanMark(span, theme.kind_tint(disc.kind, status), line, pattern, badge)
                )
            if not focus and marks.context:  # the whole sentence is the finding: line it
                span = marks.context[-1]
                focuses.append(SpanMark(span, None, line, pattern, theme.status_badge(status)))
        return contexts + focuses

    def _refresh(self) -> None:
        for side, pane in enumerate((self.pane_a, self.pane_b)):
            pane.set_highlights(self._base_layers[side] + self._discrepancy_layers(side))
            pane.set_span_marks(self.span_marks(side))
        self.connector.set_severities(self._band_severities())
        self.pane_a.text.viewport().update()
        self.pane_b.text.viewport().update()

    def _marks(self, side: int) -> list[tuple[float, float, QColor]]:
        """Passage bars for one pane, in the band colours so the eye can follow a band."""
        severities = self.connector.severities()
        current = self.connector.current()
        out = []
        for passage in self._geometry.passages():
            rank = severities.get(passage.index, 0)
            colour = self.theme.band_outline(rank, passage.index == current)
            if side == 0:
                out.append((passage.a_top, passage.a_bottom, colour))
            else:
                out.append((passage.b_top, passage.b_bottom, colour))
        return out

    def _band_severities(self) -> dict[int, int]:
        """Worst severity per passage, ignoring what the reviewer dismissed."""
        worst: dict[int, int] = {}
        for disc_id, index in self._alignment_of.items():
            if index is None or status_of(self._annotations.get(disc_id)) == "dismissed":
                continue
            rank = severity_rank(self._discrepancies[disc_id].severity)
            worst[index] = max(worst.get(index, 0), rank)
        return worst

    def _find_alignment(self, disc: Discrepancy) -> int | None:
        alignments = self._comparison.alignments if self._comparison else ()
        if disc.alignment is not None and 0 <= disc.alignment < len(alignments):
            return disc.alignment
        for index, alignment in enumerate(alignments):
            if (disc.a and _overlaps(disc.a, alignment.a)) or (
                disc.b and _overlaps(disc.b, alignment.b)
            ):
                return index
        return None

    def _kind_counts(self) -> dict[str, int]:
        counts: dict[str, int] = {}
        for disc in self._discrepancies.values():
            counts[disc.kind] = counts.get(disc.kind, 0) + 1
        return counts

    def _equalise_headers(self) -> None:
        """Give both headers the taller one's height so the two texts start level."""
        headers = (self.pane_a.header, self.pane_b.header)
        tallest = max(header.natural_height() for header in headers)
        for header in headers:
            if header.height() != tallest or header.minimumHeight() != tallest:
                header.setFixedHeight(tallest)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        # A header's width is only final once it has been resized; equalise then,
        # once per burst of resizes.
        if event.type() == QEvent.Type.Resize:
            headers = (self.pane_a.header, self.pane_b.header)
            if watched in headers and event.size().width() != event.oldSize().width():
                self._header_timer.start()
            elif self._pending_reveal and watched in (self.pane_a.text, self.pane_b.text):
                self._reveal_timer.start()
        return super().eventFilter(watched, event)

    # --- interaction ---------------------------------------------------

    def _on_click(self, side: int, offset: int) -> None:
        """A click lines the partner passage up level with the clicked one and flashes it."""
        hits = self.discrepancies_at(side, offset)
        index = self.alignment_at(side, offset)
        if index is not None and self._comparison is not None:
            alignment = self._comparison.alignments[index]
            here, there = (self.pane_a, self.pane_b) if side == 0 else (self.pane_b, self.pane_a)
            mine = alignment.a if side == 0 else alignment.b
            partner = alignment.b if side == 0 else alignment.a
            src = here.span_y_range(mine[0]) if mine else None
            dst = there.span_y_range(partner[0]) if partner else None
            if src is not None and dst is not None:
                on_screen = src[0] - here.scroll_value()
                with self.scroll_sync.suspended():
                    there.set_scroll_y(dst[0] - on_screen)
                if not hits:
                    start = min(s for s, _ in partner)
                    end = max(e for _, e in partner)
                    there.flash_span((start, end))
        if hits:
            self.discrepancyActivated.emit(hits[0])

    # --- Qt overrides ----------------------------------------------------

    def changeEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().changeEvent(event)
        if event.type() == event.Type.PaletteChange:
            self.theme = Theme.from_palette(self.palette())
            self._base_layers = (self._base_for(0), self._base_for(1))
            self._refresh()


__all__ = ["ComparisonView", "Legend"]
