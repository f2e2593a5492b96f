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
from core.discrepancies.side import Side, per_article
from core.discrepancies.sources import (
    AGENCIES,
    PRONOUNS,
    conflicting_sources,
    credits_of,
    is_conduit,
    same_source,
)
from core.discrepancies.story_credits import (
    channel_conflicts,
    named_in,
    news_outlet,
    relay_conflicts,
    relayed_speakers,
)
from core.discrepancies.text import one_line
from core.facts.fact_records import Attribution

#: A lone relay ranks below the low omissions of a claim: on the held-out events 31 of
#: 217 were wanted (none of six on the shared corpus), too few for a medium flag's place.
LONE_SEVERITY = "low"
LONE_WEIGHT = 0.35
CHAIN_GAP = 3  # ", " between "Speaking to the agency" and "the minister said": one credit
QUOTE_GAP = 4  # ',” ' between a quotation's last word and the credit that closes it


def attribution_conflicts(
    sa: Side, sb: Side, sentence_pairs: Iterable[tuple[int, int]]
) -> list[Flag]:
    """Credits that differ between sentence pairs stating one claim, the pairs read in
    the caller's order (surest first). Two relays of one claim ("according to local
    media" / "according to the wire service") are set against each other before
    any relay meets a speaker: each credit is set against one other at most."""
    credits = (credits_of(sa), credits_of(sb))
    pairs = list(dict.fromkeys(sentence_pairs))
    flags = []
    used: set[Attribution] = set()
    # a pair read with the same free credits finds the same conflict: the second
    # pass reuses the first's answer unless a credit of the pair was taken since
    known: dict[tuple[int, int], tuple[int, tuple[Attribution, Attribution] | None]] = {}
    for relays_only in (True, False):
        for i, j in pairs:
            left = [f for f in _credited(sa, i) if f not in used]
            right = [f for f in _credited(sb, j) if f not in used]
            free = len(left) + len(right)
            seen = known.get((i, j))
            if seen is None or seen[0] != free:
                seen = known[(i, j)] = (free, conflicting_sources(left, right, credits))
            found = seen[1]
            if found and (not relays_only or all(is_conduit(f) for f in found)):
                used.update(found)
                flags.append(source_flag(sa, sb, *found))
    return flags


def lone_relays(
    sa: Side, sb: Side, sentence_pairs: Iterable[tuple[int, int]], flagged: list[Flag]
) -> list[Flag]:
    """A claim one article passes on from a newsroom ("…, the broadcaster reported",
    "citing the wire service") that the other states with no credit at all, and whose
    newsroom the other never names: the reader of the second does not learn that the
    claim is second-hand. Each relay once, on its surest sentence pair, and only
    where no other flag already sets it against a credit."""
    taken = {span for f in flagged if f.kind == "attribution" for span in (f.a, f.b)}
    flags: list[Flag] = []
    done: set[Attribution] = set()
    for i, j in dict.fromkeys(sentence_pairs):
        for mine, other, index, partner, a_side in ((sa, sb, i, j, True), (sb, sa, j, i, False)):
            if _credited(other, partner):
                continue
            for f in _credited(mine, index):
                span = credit_span(mine, f)
                if f in done or span in taken or not _lone_relay(f, mine, other):
                    continue
                done.add(f)
                claim = other.sentences[partner]
                summary = f"attribution: {credit_label(mine, f)} vs no source named"
                pair = (span, (claim.start, claim.end)) if a_side else ((claim.start, claim.end), span)
                flags.append(
                    flag("attribution", summary, *pair, severity=LONE_SEVERITY, weight=LONE_WEIGHT)
                )
    return flags


def _lone_relay(f: Attribution, side: Side, other: Side) -> bool:
    """A newsroom relaying the claim, named nowhere in the other story."""
    if not (is_conduit(f) and news_outlet(f)) or not f.source_key:
        return False
    if any(same_source(f, g) for g in other.facts.attributions):
        return False
    return not named_in(f.source_key, other.text)


def story_conflicts(sa: Side, sb: Side, flagged: list[Flag]) -> list[Flag]:
    """Credits that differ over the whole story (:mod:`.story_credits`), each pair once
    and only where no claim-by-claim flag already sets either credit against another."""
    taken_a = {f.a for f in flagged if f.kind == "attribution"}
    taken_b = {f.b for f in flagged if f.kind == "attribution"}
    flags = []
    found = relay_conflicts(sa, sb) + relayed_speakers(sa, sb) + channel_conflicts(sa, sb)
    for fa, fb in found:
        span_a, span_b = credit_span(sa, fa), credit_span(sb, fb)
        if span_a in taken_a or span_b in taken_b:
            continue
        taken_a.add(span_a)
        taken_b.add(span_b)
        flags.append(source_flag(sa, sb, fa, fb))
    return flags


def source_flag(
    sa: Side, sb: Side, fa: Attribution, fb: Attribution, alignment: int | None = None
) -> Flag:
    summary = f"attribution: {credit_label(sa, fa)} vs {credit_label(sb, fb)}"
    return flag("attribution", summary, credit_span(sa, fa), credit_span(sb, fb), alignment)


def credit_label(side: Side, f: Attribution) -> str:
    """The credit as written, with the name a "he" or "she" stands for: "he told
    (Ana Ruiz)" says whose account is set against the other article's."""
    label = one_line(f.text, 60)
    if f.source.casefold() not in PRONOUNS:
        return label
    names = [
        e.text
        for e in side.facts.entities
        if e.key == f.source_key and e.label == "person" and e.start < f.start
    ]
    return f"{label} ({one_line(names[-1], 40)})" if names else label


def credit_span(side: Side, f: Attribution) -> tuple[int, int]:
    """The whole chain of credit a record belongs to: "Speaking to the agency, the
    minister said" is who said it and through whom, and a flag on either half shows both."""
    chain = sorted(
        (g for g in side.facts.attributions if g.sentence == f.sentence and g.cue != "wire"),
        key=lambda g: g.start,
    )
    start, end = f.start, f.end
    grew = True
    while grew:
        grew = False
        for g in chain:
            before = 0 <= start - g.end <= CHAIN_GAP and not side.text[g.end : start].strip(" ,")
            after = 0 <= g.start - end <= CHAIN_GAP and not side.text[end : g.start].strip(" ,")
            if before or after:
                start, end = min(start, g.start), max(end, g.end)
                grew = True
    return (start, end)


def _credited(side: Side, sentence: int) -> list[Attribution]:
    """A sentence's own credits; the story's wire credit is compared once, by ``wire_conflicts``."""
    return _credits_by_sentence(side).get(sentence, [])


@per_article
def _credits_by_sentence(side: Side) -> dict[int, list[Attribution]]:
    """Each sentence's credits in text order, read once per article (callers only read).

    A quotation of several sentences is credited once, after its last: the credit
    closing it ("…," the commissioner told reporters) speaks for every sentence
    inside it, where the figures it quotes sit.
    """
    found: dict[int, list[Attribution]] = {}
    for f in side.facts.attributions:
        if f.cue != "wire":
            found.setdefault(f.sentence, []).append(f)
            for i in _quoted_sentences_before(side, f):
                found.setdefault(i, []).append(f)
    return found


def _quoted_sentences_before(side: Side, f: Attribution) -> range:
    """The earlier sentences of a quotation that ``f`` closes, if it closes one."""
    for q in side.facts.quotes:
        if 0 <= f.start - q.end <= QUOTE_GAP and not side.text[q.end : f.start].strip(" ,\"'”’"):
            first, last = side.sentence_index(q.start), side.sentence_index(f.start)
            return range(first, last)
    return range(0)


def wire_conflicts(sa: Side, sb: Side) -> list[Flag]:
    """The whole story credited to different agencies: a credit line or dateline ("PTI",
    "(ANI):") against the other article's own, or against another agency it relays
    ("Speaking to ANI, …"). One flag per pair: it speaks for every claim."""
    wire_a, wire_b = _wire(sa), _wire(sb)
    if wire_a and wire_b:
        if any(same_source(x, y) for x in wire_a for y in wire_b):
            return []
        return [source_flag(sa, sb, wire_a[0], wire_b[0])]
    for own, other, mine_first in ((wire_a, sb, True), (wire_b, sa, False)):
        if not own:
            continue
        relayed = [f for f in other.facts.attributions if f.cue != "wire" and _agency(f)]
        if relayed and not any(same_source(own[0], f) for f in relayed):
            pair = (own[0], relayed[0]) if mine_first else (relayed[0], own[0])
            return [source_flag(sa, sb, *pair)]
    return []


def _wire(side: Side) -> list[Attribution]:
    return [f for f in side.facts.attributions if f.cue == "wire"]


def _agency(f: Attribution) -> bool:
    return is_conduit(f) and f.source_key in AGENCIES
