"""The same quotation credited to different sources in the two articles.

A matched quotation's sentence names who passed it on ("according to local
media", "the ministry said in a statement"). The speaker is left out — that
is compared with the quote itself — and the sources conflict only when the
two articles name none in common, so a longer chain on one side ("…, according
to Reuters") is not a discrepancy.
"""

from __future__ import annotations

from core.discrepancies.flag import Flag, flag
from core.discrepancies.quote_conflicts import QuoteWords
from core.discrepancies.side import Side
from core.discrepancies.text import one_line
from core.facts.model import Attribution


def attribution_conflicts(sa: Side, sb: Side, pairs: list[tuple[QuoteWords, QuoteWords]]) -> list[Flag]:
    flags = []
    for x, y in pairs:
        fa = _sources(sa, x)
        fb = _sources(sb, y)
        if not fa or not fb or {f.source_key for f in fa} & {f.source_key for f in fb}:
            continue
        summary = f"attribution: {one_line(fa[0].text, 60)} vs {one_line(fb[0].text, 60)}"
        flags.append(flag("attribution", summary, (fa[0].start, fa[0].end), (fb[0].start, fb[0].end)))
    return flags


def _sources(side: Side, qw: QuoteWords) -> list[Attribution]:
    speaker = qw.quote.speaker_key
    return [
        f
        for f in side.facts.attributions
        if f.sentence == qw.quote.sentence and f.source_key and f.source_key != speaker
    ]
