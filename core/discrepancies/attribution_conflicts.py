"""The same claim credited to different sources in the two articles.

Sentences that report the same fact — aligned as passages, linked as claims,
or carrying the same quotation or figure — state one claim; the sources they
credit conflict by the rule of :mod:`.sources`: a relay only one side names
("…, citing the wire service"), a different conduit ("according to the port authority"
against "according to the coast guard"), another speaker, or one speaker
heard through two channels ("told reporters" against "said in a statement").
Each pair of credits is reported once, however many links it sits under.
"""

from __future__ import annotations

from collections.abc import Iterable

from core.discrepancies.flag import Flag, flag
from core.discrepancies.side import Side
from core.discrepancies.sources import (
    AGENCIES,
    Credits,
    conflicting_sources,
    is_conduit,
    same_source,
)
from core.discrepancies.text import one_line
from core.facts.model import Attribution


def attribution_conflicts(
    sa: Side, sb: Side, sentence_pairs: Iterable[tuple[int, int]]
) -> list[Flag]:
    credits = (Credits(sa.facts.attributions), Credits(sb.facts.attributions))
    flags = []
    used: set[Attribution] = set()  # each credit is set against one other at most
    for i, j in sorted(set(sentence_pairs)):
        left = [f for f in _credited(sa, i) if f not in used]
        right = [f for f in _credited(sb, j) if f not in used]
        found = conflicting_sources(left, right, credits)
        if found:
            used.update(found)
            flags.append(source_flag(*found))
    return flags


def source_flag(fa: Attribution, fb: Attribution, alignment: int | None = None) -> Flag:
    summary = f"attribution: {one_line(fa.text, 60)} vs {one_line(fb.text, 60)}"
    return flag("attribution", summary, (fa.start, fa.end), (fb.start, fb.end), alignment)


def _credited(side: Side, sentence: int) -> list[Attribution]:
    """A sentence's own credits; the story's wire credit is compared once, by ``wire_conflicts``."""
    return [f for f in side.facts.attributions if f.sentence == sentence and f.cue != "wire"]


def wire_conflicts(sa: Side, sb: Side) -> list[Flag]:
    """The whole story credited to different agencies: a credit line or dateline ("PTI",
    "(ANI):") against the other article's own, or against another agency it relays
    ("Speaking to ANI, …"). One flag per pair: it speaks for every claim."""
    wire_a, wire_b = _wire(sa), _wire(sb)
    if wire_a and wire_b:
        if any(same_source(x, y) for x in wire_a for y in wire_b):
            return []
        return [source_flag(wire_a[0], wire_b[0])]
    for own, other, mine_first in ((wire_a, sb, True), (wire_b, sa, False)):
        if not own:
            continue
        relayed = [f for f in other.facts.attributions if f.cue != "wire" and _agency(f)]
        if relayed and not any(same_source(own[0], f) for f in relayed):
            pair = (own[0], relayed[0]) if mine_first else (relayed[0], own[0])
            return [source_flag(*pair)]
    return []


def _wire(side: Side) -> list[Attribution]:
    return [f for f in side.facts.attributions if f.cue == "wire"]


def _agency(f: Attribution) -> bool:
    return is_conduit(f) and f.source_key in AGENCIES
