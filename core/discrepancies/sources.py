"""Who a passage credits, and when two passages credit different sources.

Attributions come in two roles. A *speaker* says something ("Wang told
Blinken", "the ministry said"); a *conduit* passes it on ("according to local
media", "citing Reuters", "the State Department's readout"). One article often
adds a link to the chain the other omits ("…, according to Reuters"), which
is not a discrepancy. Two accounts conflict when a conduit of one side is
credited nowhere on the other and vice versa — "according to local media"
against "according to the wire service".
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from core.facts.model import Attribution
from core.facts.names import name_variants_match

SPEECH_CUES = frozenset(
    [
        "said",
        "says",
        "say",
        "told",
        "tells",
        "added",
        "adds",
        "stated",
        "states",
        "noted",
        "notes",
        "announced",
        "announces",
        "warned",
        "warns",
        "wrote",
        "writes",
        "insisted",
        "insists",
        "explained",
        "explains",
        "claimed",
        "claims",
        "asserted",
        "declared",
        "confirmed",
        "confirms",
        "denied",
        "denies",
        "tweeted",
        "posted",
        "urged",
        "urges",
        "argued",
        "argues",
        "stressed",
        "stresses",
        "asked",
        "asks",
        "replied",
        "replies",
        "responded",
        "responds",
        "acknowledged",
        "admitted",
    ]
)


def is_conduit(f: Attribution) -> bool:
    cue = f.cue.casefold().split()
    return not cue or not any(word in SPEECH_CUES for word in cue)


def same_source(f: Attribution, g: Attribution) -> bool:
    """Whether two credits name one source.

    One outlet's "Beijing's foreign ministry" is another's "China's foreign
    ministry"; "State Department spokesman Ned Price" speaks for "the State
    Department".
    """
    if f.source_key == g.source_key or name_variants_match(f.source_key, g.source_key):
        return True  # "Varga" / "Vargas" is one source spelt two ways (an entity flag)
    key_f, key_g = f.source_key.split(), g.source_key.split()
    if len(key_f) >= 2 and len(key_g) >= 2 and key_f[-2:] == key_g[-2:]:
        return True
    return set(key_f) <= _words(g.source) or set(key_g) <= _words(f.source)


def _words(text: str) -> set[str]:
    return {w.casefold().replace("’", "'").removesuffix("'s") for w in re.findall(r"[\w'’]+", text)}


def conflicting_sources(
    left: Sequence[Attribution], right: Sequence[Attribution]
) -> tuple[Attribution, Attribution] | None:
    """The first conduit of each side credited nowhere on the other, or None when they agree."""
    left = [f for f in left if f.source_key]
    right = [f for f in right if f.source_key]
    only_left = [f for f in left if is_conduit(f) and not any(same_source(f, g) for g in right)]
    only_right = [f for f in right if is_conduit(f) and not any(same_source(f, g) for g in left)]
    if only_left and only_right:
        return only_left[0], only_right[0]
    return None
