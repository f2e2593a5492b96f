"""What a figure counts: the role word nearest to it in its clause.

"14 people killed" and "30 people injured" share a unit and a story but not a
subject; comparing them would be a false alarm of the worst kind (a high
number conflict). Role words are grouped by what they count, so "killed",
"died" and "death toll" are one role.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from core import lexicon
from core.discrepancies.quantity_agreement import counts_people
from core.discrepancies.side import Side
from core.discrepancies.text import words
from core.facts.fact_records import Quantity
from core.facts.quantities import CURRENCY_UNITS

ROLE_RADIUS = 6

ROLES = lexicon.groups("roles")
CHANGE_ROLES = lexicon.groups("change_roles")
PERSON_ROLES = lexicon.words("person_roles")
#: A sum written before a thing as its modifier is that thing's cost.
PRICED_THING = "cost"
#: Words before a figure that make it the value a subject reached ("risen to
#: 47", "the count of those hurt stands at 212"): the subject may sit far back.
_REACHED = lexicon.words("value_reached")
#: Words that make a figure a part of a count named before it ("including 12 children").
_PART_MARKERS = lexicon.words("part_markers")
#: First words of an aside after a figure ("40 people, many of them children, died").
_ASIDE_OPENERS = lexicon.words("aside_openers")
_ASIDE = re.compile(r"\s*,\s*(\w+)[^,;.]{0,80},")


def role_of(side: Side, q: Quantity) -> str | None:
    """What the figure counts, from the nearest role word in its clause.

    A verb of change ("rose", "fell") names the role only when nothing that
    is counted lies near: "the toll has risen to 47" counts the dead.
    Remembered per text and place: pairing figures asks it again for every
    pair an article is in.
    """
    s0, s1 = side.sentence_span(q.start)
    role = _role(side.text, q.start, q.end, s0, s1)
    if role is None and q.modifies and q.unit in CURRENCY_UNITS:
        return PRICED_THING  # "a $40-million bridge": what the bridge costs
    return role


@lru_cache(maxsize=65536)
def _role(text: str, start: int, end: int, s0: int, s1: int) -> str | None:
    before = words(text, s0, start)[-ROLE_RADIUS:]
    after = words(text, _past_aside(text, end, s1), max(end, s1))[:ROLE_RADIUS]
    inside = _counted_words(text, words(text, start, end))
    # nearest first: the figure's own words, then outwards within its clause ("killed
    # and 153 others injured": 153 counts the injured), the word before first
    before, after = _within_clause(before, reverse=True), _within_clause(after)
    # a comma between the figure and the words before it ("296 dead, 153 injured")
    # puts those words behind every word of the figure's own side of it
    before, beyond = _after_comma(text, before, start)
    order = list(inside)
    for distance in range(1, max(len(before), len(after)) + 1):
        if distance <= len(before):
            order.append(before[-distance][0])
        if distance <= len(after):
            order.append(after[distance - 1][0])
    order += [w[0] for w in reversed(beyond)]
    last = before[-1][0].casefold() if before else ""
    role = None
    if last in _PART_MARKERS:
        # "…, including 12 children": the part counts what the whole before it counts
        role = _first_role((w for w, _, _ in reversed(words(text, s0, before[-1][1]))), ROLES)
    reached = last in _REACHED
    if reached and role is None:
        role = _first_role(order[: len(inside)], ROLES)
    if reached and role is None:
        # "the toll … has risen to 38, with a station master arrested": the value
        # a subject reached counts what that subject counts, whatever follows it
        role = _first_role((w for w, _, _ in reversed(words(text, s0, start))), ROLES)
    return role or _first_role(order, ROLES) or _first_role(order, CHANGE_ROLES)


def _first_role(found: Iterable[str], roles: dict[str, str]) -> str | None:
    """The role of the first word of ``found`` that names one."""
    for word in found:
        role = roles.get(word.casefold())
        if role:
            return role
    return None


#: The whole a figure is a part of, after it: "of the 260 or so attendees".
_PARTITIVE_WHOLE = re.compile(
    r"\s+of\s+(?:the|its|their|those)\s+(?:[\d,.]+\s+(?:or\s+so\s+)?)?[a-z]+", re.I
)
#: What is said of the part then: "were injured", "have been safely rescued".
_STATE_VERB = re.compile(
    r"\s+(?:were|are|was|had\s+been|have\s+been|has\s+been)\s+(?:\w+ly\s+)?([a-z]+)", re.I
)


def _past_aside(text: str, end: int, s1: int) -> int:
    """Where the clause after a figure goes on: past an aside on who was counted
    ("…, many of them women and children, died"), whose "and" would end it early,
    and past the whole a part is taken of ("40 of the 260 attendees were hurt"):
    the part's role is what is said of it, not the whole's."""
    aside = _ASIDE.match(text, end, max(end, s1))
    if aside and aside.group(1).casefold() in _ASIDE_OPENERS:
        return aside.end()
    whole = _PARTITIVE_WHOLE.match(text, end, max(end, s1))
    state = _STATE_VERB.match(text, whole.end()) if whole else None
    if state and state.group(1).casefold() in ROLES:
        return whole.end()
    return end



def _after_comma(text: str, before, start: int):
    """``before`` split at its last comma or semicolon: (the words after it, those before)."""
    ends = [w[2] for w in before[1:]] + [start]
    for i in range(len(before) - 1, -1, -1):
        if any(mark in text[before[i][2] : ends[i]] for mark in ",;"):
            return before[i + 1 :], before[: i + 1]
    return before, []


def _counted_words(text: str, inside: tuple[tuple[str, int, int], ...]) -> list[str]:
    """A figure's own words up to its measure: in "four years' detention" the years are
    counted and the detention is what of, so the clause's "sentenced to" names the role."""
    out = []
    for w, _, w_end in inside:
        out.append(w)
        if w.endswith("s") and text[w_end : w_end + 1] in ("'", "’"):
            break
    return out


def forget_roles() -> None:
    """Drop remembered roles (benchmarks timing unseen articles)."""
    _role.cache_clear()


#: Words that end the clause a figure's role is looked for in.
_CLAUSE_BREAKS = frozenset({"and", "but", "while", "whereas", "although", "though", "or"})


def _within_clause(found, reverse: bool = False):
    """The words of a window up to (or, before the figure, back to) a clause break."""
    words_only = [w[0].casefold() for w in found]
    if reverse:
        cut = max((i for i, w in enumerate(words_only) if w in _CLAUSE_BREAKS), default=-1)
        return found[cut + 1 :]
    cut = next(
        (
            i
            for i, w in enumerate(words_only)
            if w in _CLAUSE_BREAKS and not _joins_people(words_only, i)
        ),
        len(found),
    )
    return found[:cut]


def _joins_people(words_only: list[str], at: int) -> bool:
    """ "39 passengers and crew members were injured": an "and" right after the
    figure's noun that adds more people to it joins the subject, not a clause."""
    return (
        words_only[at] == "and"
        and at == 0
        and at + 1 < len(words_only)
        and counts_people(words_only[at + 1])
    )


def counted_unit(side: Side, q: Quantity, unit: str) -> str:
    """``unit`` (a unit key), or "people" for a bare figure whose role counts people."""
    if unit:
        return unit
    return "people" if role_of(side, q) in PERSON_ROLES else unit


def compatible(side_a: Side, a: Quantity, side_b: Side, b: Quantity) -> bool:
    role_a, role_b = role_of(side_a, a), role_of(side_b, b)
    return not (role_a and role_b and role_a != role_b)
