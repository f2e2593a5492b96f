"""Translate Python ``str`` indices to QTextDocument positions and back.

Core speaks in ``str`` indices (code points); Qt counts UTF-16 code units, so
every character outside the Basic Multilingual Plane (emoji, some CJK) shifts
all later positions by one.  Most articles hold none, so the common case is an
identity map that costs nothing; otherwise a sorted list of astral indices
answers both directions by bisection.
"""

from __future__ import annotations

from bisect import bisect_left

Span = tuple[int, int]


def display_text(text: str) -> str:
    """The text to hand to ``setPlainText`` so positions stay one-to-one.

    Qt folds "\\r\\n" into one paragraph break, which would shift every later
    offset; a space before the break keeps the length and looks the same.
    """
    return text.replace("\r\n", " \n") if "\r" in text else text


class OffsetMap:
    """Both-way conversion for one text; build once per document."""

    __slots__ = ("_astral", "_qt_astral", "_length")

    def __init__(self, text: str) -> None:
        self._length = len(text)
        # Fast path: a plain-ASCII/BMP text needs no table at all.
        if text.isascii() or max(text, default="\0") < "\U00010000":
            self._astral: list[int] = []
        else:
            self._astral = [i for i, ch in enumerate(text) if ord(ch) > 0xFFFF]
        # Qt position of each astral character (its first surrogate).
        self._qt_astral = [index + k for k, index in enumerate(self._astral)]

    @property
    def identity(self) -> bool:
        return not self._astral

    def to_qt(self, index: int) -> int:
        """Qt position of the character at ``index`` (or of the text's end)."""
        index = max(0, min(index, self._length))
        if not self._astral:
            return index
        return index + bisect_left(self._astral, index)

    def from_qt(self, position: int) -> int:
        """``str`` index for a Qt position; inside a surrogate pair rounds down."""
        if position <= 0:
            return 0
        if not self._astral:
            return min(position, self._length)
        # Astral characters whose first unit lies before ``position``.
        before = bisect_left(self._qt_astral, position)
        index = position - before
        if before and self._qt_astral[before - 1] + 1 == position:
            # Between the two halves of a surrogate pair: the character itself.
            index = self._astral[before - 1]
        return min(index, self._length)

    def span_to_qt(self, span: Span) -> Span:
        return self.to_qt(span[0]), self.to_qt(span[1])

    def span_from_qt(self, start: int, end: int) -> Span:
        """``str`` span for a Qt selection; a half-covered astral char is included."""
        a = self.from_qt(start)
        b = self.from_qt(end)
        if self._astral and b < self._length and self.to_qt(b) < end:
            b += 1
        return a, b
