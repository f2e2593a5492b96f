"""The same claim credited to different sources in the two articles.

Sentences that carry the same quotation or the same figure state the same
claim, aligned or not; the sources they credit conflict by the rule of
:mod:`.sources`, so a longer chain on one side ("…, according to Reuters") is
not a discrepancy but a different conduit ("according to AFAD" against
"according to the US Geological Survey") is.
"""

from __future__ import annotations

from collections.abc import Iterable

from core.discrepancies.flag import Flag, flag
from core.discrepancies.side import Side
from core.discrepancies.sources import conflicting_sources
from core.discrepancies.text import one_line
from core.facts.model import Attribution


def attribution_conflicts(
    sa: Side, sb: Side, sentence_pairs: Iterable[tuple[int, int]]
) -> list[Flag]:
    flags = []
    for i, j in sorted(set(sentence_pairs)):
        found = conflicting_sources(_credited(sa, i), _credited(sb, j))
        if found:
            flags.append(source_flag(*found))
    return flags


def source_flag(fa: Attribution, fb: Attribution, alignment: int | None = None) -> Flag:
    summary = f"attribution: {one_line(fa.text, 60)} vs {one_line(fb.text, 60)}"
    return flag("attribution", summary, (fa.start, fa.end), (fb.start, fb.end), alignment)


def _credited(side: Side, sentence: int) -> list[Attribution]:
    return [f for f in side.facts.attributions if f.sentence == sentence]
