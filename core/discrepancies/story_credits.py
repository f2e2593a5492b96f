"""Credits compared across whole stories, not claim by claim.

Two outlets often report one event through different hands, and the sentences
that carry the credit are not the ones an aligner pairs: one story's claims
reach the reader "according to" one news agency, the other's through another
agency, or the same official "told reporters" in one and "said in a video
statement" in the other. Claim by claim, :mod:`.attribution_conflicts` sees
neither, because the credited sentences report different details. Read over
the whole story it is one discrepancy a fact-checker wants: whose account is
this? Each is reported once per pair of credits, and only when neither story
names the other's source anywhere: a relay the other story also cites is one
more link in the same chain, not a conflict.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from core import lexicon
from core.discrepancies.side import Side
from core.discrepancies.sources import (
    AGENCIES,
    MEDIA_WORDS,
    Credits,
    channel,
    credits_of,
    is_conduit,
    is_named,
    same_source,
)
from core.facts.fact_records import Attribution

MAX_RELAY_FLAGS = 2  # two relays each side is already a different chain of hands


def relay_conflicts(sa: Side, sb: Side) -> list[tuple[Attribution, Attribution]]:
    """Media relays of one story that the other never names, set against the other's."""
    credits = (credits_of(sa), credits_of(sb))
    left = _unknown_relays(sa, sb, credits[0], credits[1])
    right = _unknown_relays(sb, sa, credits[1], credits[0])
    pairs = [(f, g) for f, g in zip(left, right, strict=False) if not _one_kind(f, g)]
    return pairs[:MAX_RELAY_FLAGS]


def channel_conflicts(sa: Side, sb: Side) -> list[tuple[Attribution, Attribution]]:
    """One named speaker heard through different channels in the two stories.

    "told reporters" in one and "said in a statement" in the other is a
    discrepancy only when neither story also has the other's channel for
    that speaker: a press conference followed by a statement is both.
    """
    credits = (credits_of(sa), credits_of(sb))
    pairs = []
    for f in _first_per_speaker(sa, lambda g: is_named(g) and bool(channel(g))):
        heard_b = _heard(f, sb, credits)
        heard_a = [g for g in sa.facts.attributions if g.source_key == f.source_key]
        channels_a = {channel(g) for g in heard_a} - {""}
        other = next((g for g in heard_b if channel(g) and channel(g) not in channels_a), None)
        if other is None or channel(f) in {channel(g) for g in heard_b}:
            continue
        pairs.append((f, other))
    return pairs


def _heard(f: Attribution, side: Side, credits: tuple[Credits, Credits]) -> list[Attribution]:
    """The credits of ``side`` that name ``f``'s source. With pooled credits the answer
    depends on the two keys alone, so each key of the other side is asked once."""
    keys: dict[str, bool] = {}
    found = []
    for g in side.facts.attributions:
        same = keys.get(g.source_key)
        if same is None:
            same = keys[g.source_key] = same_source(f, g, *credits)
        if same:
            found.append(g)
    return found


def _first_per_speaker(side: Side, wanted: Callable[[Attribution], bool]) -> list[Attribution]:
    """Each source's first credit that ``wanted`` accepts: a speaker is compared once,
    however many times the story credits them."""
    first: dict[str, Attribution] = {}
    for f in side.facts.attributions:
        if f.source_key not in first and wanted(f):
            first[f.source_key] = f
    return list(first.values())


def relayed_speakers(sa: Side, sb: Side) -> list[tuple[Attribution, Attribution]]:
    """One named speaker heard first-hand in one story and through a newsroom in the
    other ("the minister told reporters" / "the Valley Daily reported, citing the
    minister"): the second story's account is second-hand, through a relay the first
    never names. Pairs are (A's credit, B's credit), one per speaker."""
    credits = (credits_of(sa), credits_of(sb))
    pairs = []
    for f in _first_per_speaker(sa, lambda g: is_named(g) and not _is_relay(g)):
        heard_b = _heard(f, sb, credits)
        heard_a = _heard(f, sa, (credits[0], credits[0]))
        relay_a, relay_b = _relay_beside(sa, heard_a), _relay_beside(sb, heard_b)
        if heard_b and relay_b is not None and relay_a is None and not named_in(
            relay_b.source_key, sa.text
        ):
            pairs.append((f, relay_b))
        elif heard_b and relay_a is not None and relay_b is None and not named_in(
            relay_a.source_key, sb.text
        ):
            pairs.append((relay_a, heard_b[0]))
    return pairs


def _relay_beside(side: Side, heard: list[Attribution]) -> Attribution | None:
    """A newsroom credited in a sentence that credits the speaker: its relay."""
    sentences = {g.sentence for g in heard}
    return next(
        (g for g in side.facts.attributions if g.sentence in sentences and _is_relay(g)), None
    )


def _is_relay(f: Attribution) -> bool:
    return f.cue != "wire" and is_conduit(f) and news_outlet(f)


def _unknown_relays(
    side: Side, other: Side, mine: Credits, theirs: Credits
) -> list[Attribution]:
    """This story's media relays, one per source, that the other story never names."""
    found: list[Attribution] = []
    for f in side.facts.attributions:
        if f.cue == "wire" or not (is_conduit(f) and news_outlet(f)):
            continue
        if any(same_source(f, g) for g in found):
            continue
        if any(same_source(f, g, mine, theirs) for g in other.facts.attributions):
            continue
        if named_in(f.source_key, other.text):
            continue
        found.append(f)
    return found


def named_in(key: str, text: str) -> bool:
    """Whether the other text names a source at all, credited or not ("…, reports said,
    the wire service later added" names it without a credit the extractor read)."""
    words = [w for w in key.split() if len(w) > 2]
    if not words:
        return False
    pattern = r"\b" + r"\W+".join(re.escape(w) for w in words) + r"\b"
    return re.search(pattern, text, re.IGNORECASE) is not None


_OUTLET_WORDS = MEDIA_WORDS - {"agency", "agencies"}


def news_outlet(f: Attribution) -> bool:
    """A newsroom, not merely a body called an agency: a listed agency, "state
    television", "local media", "the news agency" — but not a government agency."""
    words = set(re.findall(r"[\w]+", f.source.casefold()))
    return f.source_key in AGENCIES or bool(words & AGENCIES) or bool(words & _OUTLET_WORDS)


MEDIA_KINDS = lexicon.groups("media_kinds")


def _one_kind(f: Attribution, g: Attribution) -> bool:
    """Two unnamed relays of one kind of newsroom: "state TV" and "the country's state
    television" are one broadcaster, whichever word each story used."""
    if f.source_key in AGENCIES or g.source_key in AGENCIES:
        return False
    kinds = [
        {MEDIA_KINDS[w] for w in re.findall(r"\w+", x.source.casefold()) if w in MEDIA_KINDS}
        for x in (f, g)
    ]
    return bool(kinds[0] & kinds[1])
