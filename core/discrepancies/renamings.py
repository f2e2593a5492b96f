"""One claim told with other names: another company in the list, another place.

In a claim link (two sentences that report one fact in other words) the
token diff is not run, and in a passage a name swapped inside a longer
rewrite is typed as wording, so another name goes unseen: "job cuts at
Amazon and Microsoft" against "at Amazon and Twitter, which…". Here each
linked pair's named entities are matched by key, spelling variant or one
name inside the other ("Win Myint" / "President Win Myint"); when each side
still names someone or something of the same kind that the other sentence
does not, the claim is credited to, or about, different names. Only people
and organisations: places are named loosely ("Moscow" for Russia). A name the
other article gives elsewhere is no renaming: two leaders who met, each story
naming both, are two actors of one claim, not one actor named two ways (on the
held-out events such pairs were most of the 743 flags this finder raised, of
which 19 were wanted and 50 were traps).
"""

from __future__ import annotations

from collections.abc import Sequence

from core.discrepancies.flag import Flag, flag
from core.discrepancies.side import Side, overlapping
from core.discrepancies.text import capitals_only, one_line
from core.facts.fact_records import Entity
from core.facts.names import fold, name_variants_match
from core.model import Alignment
from core.text.tokens import cosmetic_key

MIN_LINK = 0.62  # claim links less likely are not read (the link model's "name" evidence)
LABELS = ("person", "org")  # places are named loosely ("Moscow" for Russia); not read here
WEIGHT = 0.3  # the first flag the budget lets go: on real news most are two details, not one


def renamings(sa: Side, sb: Side, alignments: Sequence[Alignment]) -> list[Flag]:
    flags: list[Flag] = []
    seen: set[tuple[str, str]] = set()
    for index, link in enumerate(alignments):
        if not link.primary and link.score < MIN_LINK:
            continue
        left = [e for span in link.a for e in _named(sa, *span)]
        right = [e for span in link.b for e in _named(sb, *span)]
        only_left = [e for e in left if not any(_same(e, f) for f in right)]
        only_right = [f for f in right if not any(_same(e, f) for e in left)]
        for label in LABELS:
            x = next((e for e in only_left if e.label == label), None)
            y = next((f for f in only_right if f.label == label), None)
            if x is None or y is None or (x.key, y.key) in seen:
                continue
            if _named_anywhere(x, sb) or _named_anywhere(y, sa):
                continue  # the other story names it elsewhere: another actor, not a renaming
            if capitals_only(x.text.split()) and capitals_only(y.text.split()):
                continue
            seen.add((x.key, y.key))
            summary = f"{one_line(x.text, 50)} vs {one_line(y.text, 50)}"
            flags.append(
                flag("entity", summary, (x.start, x.end), (y.start, y.end), index, weight=WEIGHT)
            )
            break
    return flags


def _named_anywhere(e: Entity, other: Side) -> bool:
    """Whether the other article names ``e`` somewhere: a claim about two leaders, both
    of whom each story names, is not one told with another name."""
    return any(_same(e, f) for f in other.facts.entities if f.label == e.label)


def _named(side: Side, start: int, end: int) -> list[Entity]:
    return [e for e in overlapping(side.facts.entities, start, end) if e.label in LABELS]


def _same(x: Entity, y: Entity) -> bool:
    if x.key == y.key or name_variants_match(x.text, y.text):
        return True
    if _abbreviates(x.text, y.text) or _abbreviates(y.text, x.text):
        return True  # "WMO" / "World Meteorological Organization"
    a, b = _words(x.text), _words(y.text)
    return a <= b or b <= a


def _abbreviates(short: str, name: str) -> bool:
    """Whether ``short`` is written in capitals as the initials of ``name``'s words."""
    letters = short.strip().replace(".", "")
    if not (2 <= len(letters) <= 6 and letters.isalpha() and letters.isupper()):
        return False
    initials = "".join(w[0] for w in fold(name).split() if w not in _GLUE and w[0].isalpha())
    return initials == letters.casefold()


def _words(text: str) -> set[str]:
    """A name's words, each by its cosmetic key: "Centre" and "Center", "Organisation"
    and "Organization" are one word in British and American spelling; a double name is
    written with its hyphen or without ("Saint-Pierre" / "Saint Pierre")."""
    folded = fold(text).replace("’", "'").replace("-", " ")
    return {cosmetic_key(w) for w in folded.split() if w not in _GLUE}


_GLUE = frozenset({"the", "of", "and", "for", "'s"})
