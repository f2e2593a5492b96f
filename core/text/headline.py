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

    The headline is the first compared sentence when nothing else follows it
    on its line: ingest puts the title first, above or after any furniture the
    scrape kept ("Skip to main content", a section label, a date stamp), which
    is not compared. A first
    sentence that shares its line with others is the start of the story, not
    a title. Nor is a long line closed by a full stop: headlines carry no
    final period, so that is a one-sentence lede standing as its own paragraph,
    the usual opening of a wire story whose page lost its title.
    """
    if not spans:
        return None
    start, end = spans[0]
    line_end = text.find("\n", end)
    # what precedes the first compared sentence on its line is furniture (a date
    # stamp the scrape kept before the title); only text after it makes it prose
    rest = text[start : len(text) if line_end < 0 else line_end].strip()
    if rest != text[start:end].strip() or _lede(rest):
        return None
    return 0


#: Words from which a line closed by a full stop reads as a sentence of the story.
LEDE_WORDS = 15


def _lede(line: str) -> bool:
    return line.endswith(".") and not line.endswith("..") and len(line.split()) >= LEDE_WORDS


def headline_span(text: str, sentences: Sequence[Sentence]) -> Span | None:
    """The headline's span among segmented ``sentences`` (furniture skipped), or None."""
    for s in sentences:
        if not s.boilerplate and s.end > s.start:
            return (s.start, s.end) if headline_index(text, [(s.start, s.end)]) == 0 else None
    return None
