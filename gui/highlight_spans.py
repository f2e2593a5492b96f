"""What to emphasise on each side of a discrepancy, so both sides read at one granularity.

The engine gives each side's span as its rule found it: sometimes a few
words on one side and the whole sentence on the other. Drawn as they are,
the two highlights look like different findings. When exactly one side is a
whole sentence, both sides get the sentence faintly (the *context*) and the
words strongly (the *focus*); on the whole-sentence side the focus is the
words the token diff found changed there, when they are a minority of it.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple

from core.model import Span

WHOLE_SHARE = 0.8  # a span covering this much of its sentences counts as the whole sentence
FOCUS_SHARE = 0.6  # changed words covering more than this are no focus: the sentence is


class SideMarks(NamedTuple):
    context: tuple[Span, ...]
    focus: tuple[Span, ...]


def sentence_extent(span: Span, sentences: Sequence[Span]) -> Span:
    """From the start of the first sentence ``span`` touches to the end of its last."""
    touched = [s for s in sentences if s[0] < span[1] and span[0] < s[1]]
    if not touched:
        return span
    return min(span[0], min(s[0] for s in touched)), max(span[1], max(s[1] for s in touched))


def is_whole(span: Span, sentences: Sequence[Span]) -> bool:
    extent = sentence_extent(span, sentences)
    return span[1] - span[0] >= WHOLE_SHARE * (extent[1] - extent[0])


def _merged(spans: Sequence[Span]) -> list[Span]:
    out: list[Span] = []
    for start, end in sorted(spans):
        if out and start <= out[-1][1] + 1:
            out[-1] = (out[-1][0], max(out[-1][1], end))
        else:
            out.append((start, end))
    return out


def changed_focus(span: Span, changed: Sequence[Span]) -> tuple[Span, ...]:
    """The changed words inside ``span``, or () when they are most of it (or absent)."""
    inside = _merged(
        [(max(s, span[0]), min(e, span[1])) for s, e in changed if s < span[1] and span[0] < e]
    )
    covered = sum(e - s for s, e in inside)
    if not inside or covered > FOCUS_SHARE * (span[1] - span[0]):
        return ()
    return tuple(inside)


def plan(
    spans: tuple[Span | None, Span | None],
    sentences: tuple[Sequence[Span], Sequence[Span]],
    changed: tuple[Sequence[Span], Sequence[Span]],
) -> tuple[SideMarks, SideMarks]:
    """Context and focus for side A and side B of one discrepancy."""
    a, b = spans
    plain = tuple(SideMarks((), (s,) if s else ()) for s in spans)
    if a is None or b is None:
        return plain  # type: ignore[return-value]
    whole = (is_whole(a, sentences[0]), is_whole(b, sentences[1]))
    if whole[0] == whole[1]:
        return plain  # type: ignore[return-value]
    out = []
    for side, span in enumerate(spans):
        assert span is not None
        if whole[side]:
            out.append(SideMarks((span,), changed_focus(span, changed[side])))
        else:
            out.append(SideMarks((sentence_extent(span, sentences[side]),), (span,)))
    return out[0], out[1]
