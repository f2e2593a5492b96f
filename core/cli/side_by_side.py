"""A comparison as plain text for a terminal: two columns, changes marked inline.

Markers follow wdiff — ``[-only in A-]`` and ``{+only in B+}`` — so the output
stays readable when piped to a file or pasted into an e-mail, where colours
would be lost. Cosmetic changes are not marked.
"""

from __future__ import annotations

import re
import textwrap
from collections.abc import Iterator, Sequence
from itertools import zip_longest

from core.model import SEVERITIES, Alignment, Article, Comparison, Discrepancy, Span

MIN_WIDTH, MAX_WIDTH = 60, 160
GUTTER = " │ "
_SPACES = re.compile(r"\s+")


def _squash(text: str) -> str:
    return _SPACES.sub(" ", text).strip()


def _marked(text: str, spans: Sequence[Span], marks: Sequence[Span], left: str, right: str) -> str:
    """The passage text with every ``marks`` range wrapped in the markers."""
    if not spans:
        return ""
    start, end = spans[0][0], spans[-1][1]
    pieces, cursor = [], start
    for lo, hi in sorted(m for m in marks if start <= m[0] and m[1] <= end):
        if lo < cursor:
            continue
        pieces.append(text[cursor:lo])
        pieces.append(f"{left}{text[lo:hi]}{right}")
        cursor = hi
    pieces.append(text[cursor:end])
    return _squash("".join(pieces))


def _sides(c: Comparison, al: Alignment) -> tuple[str, str]:
    real = [ch for ch in al.changes if not ch.cosmetic]
    marks_a = [(ch.a_start, ch.a_end) for ch in real if ch.a_end > ch.a_start]
    marks_b = [(ch.b_start, ch.b_end) for ch in real if ch.b_end > ch.b_start]
    return (
        _marked(c.a.text, al.a, marks_a, "[-", "-]"),
        _marked(c.b.text, al.b, marks_b, "{+", "+}"),
    )


def _columns(left: str, right: str, width: int) -> Iterator[str]:
    column = (width - len(GUTTER)) // 2
    lines_a = textwrap.wrap(left, column) or [""]
    lines_b = textwrap.wrap(right, column) or [""]
    for la, lb in zip_longest(lines_a, lines_b, fillvalue=""):
        yield f"{la:<{column}}{GUTTER}{lb}".rstrip()


def _wrapped(text: str, width: int, first: str = "", rest: str = "") -> list[str]:
    return textwrap.wrap(text, width, initial_indent=first, subsequent_indent=rest) or [first]


def _heading(label: str, article: Article, width: int) -> list[str]:
    title = article.title or "(untitled)"
    details = " · ".join(x for x in (article.source, article.published, article.path) if x)
    lines = _wrapped(title, width, f"{label}  ", "   ")
    return lines + (_wrapped(details, width, "   ", "   ") if details else [])


def _summary(c: Comparison) -> str:
    passages = sum(1 for al in c.alignments if al.primary)
    claims = len(c.alignments) - passages
    parts = [
        f"similarity {c.similarity:.2f}",
        f"{passages} aligned passage{'s' if passages != 1 else ''}",
        f"{claims} claim link{'s' if claims != 1 else ''}",
        f"{len(c.unaligned_a)} sentence{'s' if len(c.unaligned_a) != 1 else ''} only in A",
        f"{len(c.unaligned_b)} only in B",
    ]
    if c.discrepancies:
        parts.append(
            f"{len(c.discrepancies)} discrepanc{'ies' if len(c.discrepancies) != 1 else 'y'}"
        )
    return " · ".join(parts)


def _excerpt(text: str, span: Span | None, limit: int) -> str:
    if span is None:
        return "—"
    return textwrap.shorten(_squash(text[span[0] : span[1]]), limit, placeholder=" …") or "—"


def _discrepancy_lines(c: Comparison, width: int) -> Iterator[str]:
    by_severity: dict[str, list[Discrepancy]] = {}
    for d in c.discrepancies:
        by_severity.setdefault(d.severity, []).append(d)
    order = [s for s in SEVERITIES if s in by_severity] + sorted(set(by_severity) - set(SEVERITIES))
    limit = max(20, width - 10)
    yield "DISCREPANCIES"
    for severity in order:
        yield f"{severity.upper()} ({len(by_severity[severity])})"
        for d in by_severity[severity]:
            yield from _wrapped(f"[{d.kind}] {_squash(d.summary)}", width, "  ", "      ")
            yield f"      A: {_excerpt(c.a.text, d.a, limit)}"
            yield f"      B: {_excerpt(c.b.text, d.b, limit)}"
    yield ""


def _alignment_lines(c: Comparison, width: int) -> Iterator[str]:
    yield "ALIGNED PASSAGES   [-only in A-]  {+only in B+}"
    for number, al in enumerate(c.alignments, 1):
        what = f"score {al.score:.2f}" if al.primary else f"claim link, probability {al.score:.2f}"
        label = f"── {number} · {what} "
        yield label + "─" * max(0, width - len(label))
        yield from _columns(*_sides(c, al), width)
    yield ""


def _unaligned_lines(label: str, text: str, spans: Sequence[Span], width: int) -> Iterator[str]:
    if not spans:
        return
    yield label
    for start, end in spans:
        wrapped = textwrap.wrap(_squash(text[start:end]), width - 4) or [""]
        yield f"  • {wrapped[0]}"
        yield from (f"    {line}" for line in wrapped[1:])
    yield ""


def render_text(c: Comparison, width: int = 100) -> str:
    """The whole comparison as terminal text, ``width`` columns wide."""
    width = max(MIN_WIDTH, min(MAX_WIDTH, width))
    lines = _heading("A", c.a, width) + _heading("B", c.b, width)
    lines += _wrapped(_summary(c), width) + [""]
    if c.discrepancies:
        lines += _discrepancy_lines(c, width)
    if c.alignments:
        lines += _alignment_lines(c, width)
    lines += _unaligned_lines("ONLY IN A", c.a.text, c.unaligned_a, width)
    lines += _unaligned_lines("ONLY IN B", c.b.text, c.unaligned_b, width)
    return "\n".join(lines).rstrip() + "\n"
