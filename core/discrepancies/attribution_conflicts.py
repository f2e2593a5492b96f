"""The same quotation credited to different sources in the two articles.

A matched quotation's sentence names who passed it on; the sources conflict
by the rule of :mod:`.sources`, so a longer chain on one side ("…, according to
Reuters") is not a discrepancy but a different conduit is.
"""

from __future__ import annotations

from core.discrepancies.flag import Flag, flag
from core.discrepancies.quote_conflicts import QuoteWords
from core.discrepancies.side import Side
from core.discrepancies.sources import conflicting_sources
from core.discrepancies.text import one_line
from core.facts.model import Attribution


def attribution_conflicts(sa: Side, sb: Side, pairs: list[tuple[QuoteWords, QuoteWords]]) -> list[Flag]:
    flags = []
    for x, y in pairs:
        found = conflicting_sources(_credited(sa, x), _credited(sb, y))
        if found:
            flags.append(source_flag(*found))
    return flags


def source_flag(fa: Attribution, fb: Attribution, alignment: int | None = None) -> Flag:
    summary = f"attribution: {one_line(fa.text, 60)} vs {one_line(fb.text, 60)}"
    return flag("attribution", summary, (fa.start, fa.end), (fb.start, fb.end), alignment)


def _credited(side: Side, qw: QuoteWords) -> list[Attribution]:
    return [f for f in side.facts.attributions if f.sentence == qw.quote.sentence]
