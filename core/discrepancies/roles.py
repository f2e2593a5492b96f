"""What a figure counts: the role word nearest to it in its clause.

"14 people killed" and "30 people injured" share a unit and a story but not a
subject; comparing them would be a false alarm of the worst kind (a high
number conflict). Role words are grouped by what they count, so "killed",
"died" and "death toll" are one role.
"""

from __future__ import annotations

from core.discrepancies.side import Side
from core.discrepancies.text import words
from core.facts.model import Quantity

ROLE_RADIUS = 6

_ROLE_WORDS = {
    "dead": "killed kill kills killing dead died die dies deaths death fatalities fatality lives bodies perished toll",
    "hurt": "injured injuring injuries injury wounded wounding hurt",
    "missing": "missing unaccounted",
    "displaced": "displaced homeless evacuated evacuees fled shelters sheltering",
    "rescued": "rescued saved",
    "arrested": "arrested detained arrests detentions custody",
    "charged": "charged indicted accused",
    "convicted": "convicted convicting convicts guilty",
    "acquitted": "acquitted acquitting cleared",
    "affected": "affected",
    "revenue": "revenue revenues sales turnover",
    "profit": "profit profits earnings",
    "loss": "loss losses",
    "debt": "debt debts",
    "price": "price priced paid pay buy bought acquire acquired acquisition deal offer bid",
    "value": "valued valuation worth",
    "fine": "fine fined penalty",
    "damage": "damage damages",
    "rise": "rose rise rises risen jumped jumps gained gains climbed climbs soared surged increased",
    "fall": "fell fall falls fallen dropped drops slipped slips declined declines slumped tumbled",
    "turnout": "turnout",
    "attendance": "crowd crowds attendance spectators audience",
}
ROLES = {word: role for role, names in _ROLE_WORDS.items() for word in names.split()}


def role_of(side: Side, q: Quantity) -> str | None:
    """What the figure counts, from the nearest role word in its clause."""
    s0, s1 = side.sentence_span(q.start)
    before = words(side.text, s0, q.start)[-ROLE_RADIUS:]
    after = words(side.text, q.end, max(q.end, s1))[:ROLE_RADIUS]
    inside = words(side.text, q.start, q.end)
    # nearest first: the figure's own words, then outwards, the word before ahead of
    # the word after at each distance
    for w, _, _ in inside:
        role = ROLES.get(w.casefold())
        if role:
            return role
    for distance in range(1, max(len(before), len(after)) + 1):
        if distance <= len(before):
            role = ROLES.get(before[-distance][0].casefold())
            if role:
                return role
        if distance <= len(after):
            role = ROLES.get(after[distance - 1][0].casefold())
            if role:
                return role
    return None


def compatible(side_a: Side, a: Quantity, side_b: Side, b: Quantity) -> bool:
    role_a, role_b = role_of(side_a, a), role_of(side_b, b)
    return not (role_a and role_b and role_a != role_b)
