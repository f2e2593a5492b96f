"""Lines of text as trimmed spans, the unit ingest, boilerplate and segmentation share.

One definition keeps them in agreement: a boilerplate span is always exactly
one of the paragraphs segmentation sees. Every character ``str.splitlines``
breaks on counts as a line break, so no stray form feed or record separator
can make two stages disagree.
"""

from __future__ import annotations

import re

from core.model import Span

LINE_BREAKS = "\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"

#: A run of non-space characters and the inline whitespace between them.
LINE = re.compile(rf"\S+(?:[^\S{LINE_BREAKS}]+\S+)*")


def line_spans(text: str) -> list[Span]:
    """Every non-empty line, without its surrounding whitespace."""
    return [m.span() for m in LINE.finditer(text)]
