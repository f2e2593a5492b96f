"""Keep the other pane showing the counterpart of what the reader is looking at.

Percent-based syncing drifts as soon as one article is longer or reordered,
so positions are mapped through the alignment instead: each aligned passage
is an anchor ``(top, bottom)`` in the source pane and in the target, and a
y position is interpolated piecewise-linearly between anchors (inside a
passage, through the gap to the next one, and to the document ends).

As in meld, the point that is matched is a "sync line" half-way down the
viewport, slid towards the top or bottom edge as the scroll nears either end,
so both panes reach their top and their end together.  A guard flag stops the
target's own scroll signal from syncing back (no feedback loops).
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from typing import NamedTuple

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QScrollBar

SYNC_FRACTION = 0.5


class Anchor(NamedTuple):
    """A passage's extent in the source pane and in the target pane."""

    src_top: float
    src_bottom: float
    dst_top: float
    dst_bottom: float


def _lerp(x: float, x0: float, x1: float, y0: float, y1: float) -> float:
    if x1 - x0 <= 1e-9:
        return y0
    return y0 + (x - x0) * (y1 - y0) / (x1 - x0)


def map_position(
    y: float, anchors: Sequence[Anchor], src_height: float, dst_height: float
) -> float:
    """Target y for source y; ``anchors`` must be sorted by ``src_top``."""
    if not anchors:
        return _lerp(y, 0.0, src_height, 0.0, dst_height)
    i = bisect_right([a.src_top for a in anchors], y) - 1
    if i < 0:
        first = anchors[0]
        return _lerp(y, 0.0, first.src_top, 0.0, first.dst_top)
    here = anchors[i]
    if y <= here.src_bottom:
        return _lerp(y, here.src_top, here.src_bottom, here.dst_top, here.dst_bottom)
    if i + 1 < len(anchors):
        nxt = anchors[i + 1]
        return _lerp(y, here.src_bottom, nxt.src_top, here.dst_bottom, nxt.dst_top)
    return _lerp(
        y,
        here.src_bottom,
        max(src_height, here.src_bottom),
        here.dst_bottom,
        max(dst_height, here.dst_bottom),
    )


def sync_fraction(value: float, maximum: float, page: float) -> float:
    """Where the sync line sits in the viewport (0 top … 1 bottom) at this scroll value."""
    if page <= 0:
        return SYNC_FRACTION
    reach = page * SYNC_FRACTION
    if value < reach:
        return SYNC_FRACTION * max(0.0, value) / reach
    if maximum - value < reach:
        return 1.0 - SYNC_FRACTION * max(0.0, maximum - value) / reach
    return SYNC_FRACTION


def target_scroll(
    value: float,
    src: tuple[float, float],
    dst: tuple[float, float],
    anchors: Sequence[Anchor],
) -> float:
    """Scroll value for the target pane; ``src``/``dst`` are (maximum, page) of each bar."""
    src_max, src_page = src
    dst_max, dst_page = dst
    fraction = sync_fraction(value, src_max, src_page)
    y = value + src_page * fraction
    mapped = map_position(y, anchors, src_max + src_page, dst_max + dst_page)
    return max(0.0, min(dst_max, mapped - dst_page * fraction))


def flip(anchors: Sequence[Anchor]) -> list[Anchor]:
    """The same anchors seen from the other pane, sorted for :func:`map_position`."""
    return sorted(Anchor(a.dst_top, a.dst_bottom, a.src_top, a.src_bottom) for a in anchors)


class ScrollSync(QObject):
    """Couples two vertical scroll bars through a live anchor list (A → B)."""

    def __init__(
        self,
        bar_a: QScrollBar,
        bar_b: QScrollBar,
        anchors: Callable[[], Sequence[Anchor]],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._bars = (bar_a, bar_b)
        self._anchors = anchors
        self._enabled = True
        self._busy = False
        self._seen: Sequence[Anchor] | None = None
        self._sorted: tuple[list[Anchor], list[Anchor]] = ([], [])
        bar_a.valueChanged.connect(lambda v: self._follow(0, v))
        bar_b.valueChanged.connect(lambda v: self._follow(1, v))

    def enabled(self) -> bool:
        return self._enabled

    def set_enabled(self, on: bool) -> None:
        self._enabled = bool(on)
        if self._enabled:
            self.sync_from(0)

    @contextmanager
    def suspended(self) -> Iterator[None]:
        """Scroll both panes programmatically without either dragging the other."""
        was, self._busy = self._busy, True
        try:
            yield
        finally:
            self._busy = was

    def sync_from(self, side: int) -> None:
        """Align the other pane to ``side``'s current position now."""
        self._follow(side, self._bars[side].value(), force=True)

    def _oriented(self) -> tuple[list[Anchor], list[Anchor]]:
        """Anchors sorted for each direction; re-sorted only when the list changes."""
        current = self._anchors()
        if current is not self._seen:
            self._seen = current
            self._sorted = (sorted(current), flip(current))
        return self._sorted

    def _follow(self, side: int, value: int, force: bool = False) -> None:
        if self._busy or not (self._enabled or force):
            return
        src, dst = self._bars[side], self._bars[1 - side]
        anchors = self._oriented()[side]
        target = target_scroll(
            value,
            (src.maximum(), src.pageStep()),
            (dst.maximum(), dst.pageStep()),
            anchors,
        )
        self._busy = True
        try:
            dst.setValue(int(round(target)))
        finally:
            self._busy = False
