"""One 0–1 figure for how much of two articles reports the same things.

It is the share of both articles' compared text (boilerplate left out) that
sits in aligned passages, each passage weighted by how closely it restates
its partner. Counting both sides keeps the figure symmetric, and weighting by
score keeps two articles that merely share a topic (many loose links) well
below two reports of the same event (many close ones), which is what the
event grouping needs.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from core.model import Alignment, Span


def _mass(spans: Iterable[Span]) -> int:
    return sum(end - start for start, end in spans)


def similarity(
    alignments: Sequence[Alignment], spans_a: Sequence[Span], spans_b: Sequence[Span]
) -> float:
    """Score-weighted aligned character mass over total compared mass, in [0, 1].

    ``spans_a`` / ``spans_b`` are every compared (non-boilerplate) sentence of
    each article, aligned or not.
    """
    total = _mass(spans_a) + _mass(spans_b)
    if total <= 0:
        return 0.0
    aligned = sum(max(0.0, min(1.0, al.score)) * (_mass(al.a) + _mass(al.b)) for al in alignments)
    return max(0.0, min(1.0, aligned / total))
