"""Which sentence of an article is its headline.

One rule, read by the aligner (through ``core.compare``) and by the
discrepancy finders alike, so both stages agree on the headline whatever the
article's ``title`` field holds (empty, or a page title such as
"Ferry fire: 300 evacuated | Harbor Ledger").
"""

from __future__ import annotations

from collections.abc import Sequence

from core.model import Sentence, Span


def headline_index(text: str, spans: Sequence[Span]) -> int | None:
    """Index of the article's headline among its compared spans, or None.

    The headline is the first compared sentence when it stands alone on its
    line: ingest puts the title first, above any furniture the scrape kept
    ("Skip to main content", a section label), which is not compared. A first
    sentence that shares its line with others is the start of the story, not
    a title.
    """
    if not spans:
        return None
    start, end = spans[0]
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line = text[line_start : len(text) if line_end < 0 else line_end]
    return 0 if line.strip() == text[start:end].strip() else None


def headline_span(text: str, sentences: Sequence[Sentence]) -> Span | None:
    """The headline's span among segmented ``sentences`` (furniture skipped), or None."""
    for s in sentences:
        if not s.boilerplate and s.end > s.start:
            return (s.start, s.end) if headline_index(text, [(s.start, s.end)]) == 0 else None
    return None
