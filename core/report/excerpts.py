"""The sentence around one side of a discrepancy, with the differing words located.

A span alone ("15") tells a fact-checker little; the sentence it sits in
("The fire killed 15 people, officials said.") is what they compare. The
differing words are the alignment's token changes inside the span when the
engine has them, else the span itself.
"""

from __future__ import annotations

from collections.abc import Sequence

from core.model import Sentence, Span
from core.report.report_records import Excerpt

#: Longer sentences are cut around the span so one run-on paragraph cannot fill a page.
MAX_CHARS = 600
CONTEXT_CHARS = 160
ELLIPSIS = "…"


def build_excerpt(
    text: str, span: Span | None, sentences: Sequence[Sentence], changes: Sequence[Span] = ()
) -> Excerpt | None:
    """The excerpt for ``span`` of ``text``; None when this side has no text for it."""
    if span is None:
        return None
    start, end = _clamp(span, len(text))
    sentence_start, sentence_end = _sentence_bounds(start, end, sentences)
    ctx_start, ctx_end = _trim_to_words(text, sentence_start, sentence_end, start, end)
    marks = _marks(start, end, changes, text)
    prefix = ELLIPSIS if ctx_start > sentence_start else ""
    suffix = ELLIPSIS if ctx_end < sentence_end else ""
    offset = len(prefix) - ctx_start
    relative = tuple(
        (max(s, ctx_start) + offset, min(e, ctx_end) + offset)
        for s, e in marks
        if min(e, ctx_end) > max(s, ctx_start)
    )
    body = text[ctx_start:ctx_end]
    if _covers_all(relative, body, len(prefix)):
        relative = ()
    return Excerpt(prefix + body + suffix, ctx_start, ctx_end, relative)


def _clamp(span: Span, length: int) -> Span:
    start = min(max(span[0], 0), length)
    return start, min(max(span[1], start), length)


def _sentence_bounds(start: int, end: int, sentences: Sequence[Sentence]) -> Span:
    """Union of the sentences the span touches (the one holding it, if it is empty)."""
    touched = [
        s for s in sentences if (s.start < end and s.end > start) or s.start <= start < s.end
    ]
    if not touched:
        return start, end
    return min(start, touched[0].start), max(end, touched[-1].end)


def _trim_to_words(text: str, ctx_start: int, ctx_end: int, start: int, end: int) -> Span:
    """Keep at most CONTEXT_CHARS either side of the span when the context is too long."""
    if ctx_end - ctx_start <= MAX_CHARS:
        return ctx_start, ctx_end
    if end - start > MAX_CHARS:
        end = _word_end(text, start + MAX_CHARS, ctx_end)
        return start, end
    left = max(ctx_start, start - CONTEXT_CHARS)
    right = min(ctx_end, end + CONTEXT_CHARS)
    if left > ctx_start:
        left = _word_start(text, left, start)
    if right < ctx_end:
        right = _word_end(text, right, ctx_end)
    return left, right


def _word_start(text: str, pos: int, limit: int) -> int:
    space = text.find(" ", pos, limit)
    return space + 1 if space != -1 else pos


def _word_end(text: str, pos: int, limit: int) -> int:
    space = text.rfind(" ", 0, pos)
    return space if space > 0 and space < limit else pos


def _marks(start: int, end: int, changes: Sequence[Span], text: str) -> tuple[Span, ...]:
    """Changed tokens inside the span, merged across plain spaces; else the span."""
    inside = sorted((max(s, start), min(e, end)) for s, e in changes if min(e, end) > max(s, start))
    if not inside:
        return ((start, end),) if end > start else ()
    merged = [inside[0]]
    for s, e in inside[1:]:
        last_s, last_e = merged[-1]
        if s <= last_e or not text[last_e:s].strip():
            merged[-1] = (last_s, max(last_e, e))
        else:
            merged.append((s, e))
    return tuple(merged)


def _covers_all(marks: tuple[Span, ...], body: str, offset: int) -> bool:
    """A highlight over the whole excerpt says nothing: the sentence itself is the difference."""
    if len(marks) != 1:
        return False
    s, e = marks[0]
    return not body[: s - offset].strip() and not body[e - offset :].strip()
