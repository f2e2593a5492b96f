"""One article says a count is not known; the other gives it.

"The number of passengers aboard remains unknown" against "an overcrowded boat
with 278 passengers"; "it is unclear how many were abducted" against "they took
42 people". Early reports and later ones disagree this way, and a fact-checker
wants to see both: one outlet had a figure the other says nobody had. The two
sentences rarely align, so the whole of each article is read.

What is counted is read from the words after "the number of" or "how many":
a figure role of ``roles.txt`` ("abducted" has none, "killed" is "dead"), else
the noun itself ("passengers", counted by "278 passengers"). An article that gives
such a count itself is scoping its "unknown" ("27 were freed; how many remain
is unclear") and is left alone.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from core import lexicon
from core.discrepancies.claims import clause_span
from core.discrepancies.flag import Flag, flag
from core.discrepancies.roles import ROLES, role_of
from core.discrepancies.side import Side, overlapping, per_article
from core.discrepancies.standing import current_count
from core.discrepancies.text import one_line, words
from core.facts.nouns import singular
from core.model import Span

UNKNOWN = tuple(tuple(p.split()) for p in sorted(lexicon.words("unknown_cues")))
COUNTED_WORDS = 4  # words after "the number of" that say what is counted
#: Words that end what "the number of" counts: the verb of the clause.
_ENDS = frozenset({"is", "was", "are", "were", "remains", "remained", "has", "have", "had"})


class Unknown(NamedTuple):
    span: Span  # the clause saying the count is not known
    role: str | None  # the figure role counted, if the words name one
    unit: str  # else the noun counted, singular ("passenger")


def unknown_count_conflicts(sa: Side, sb: Side) -> list[Flag]:
    """Each count one side calls unknown and the other gives, once per pair."""
    flags = []
    for side, other, unknown_is_a in ((sa, sb, True), (sb, sa, False)):
        seen: set[tuple[str | None, str]] = set()
        for u in _unknowns(side):
            if (u.role, u.unit) in seen or _given(side, u) is not None:
                continue
            given = _given(other, u)
            if given is None:
                continue
            seen.add((u.role, u.unit))
            figure = clause_span(other, given)
            a, b = (u.span, figure) if unknown_is_a else (figure, u.span)
            ta, tb = one_line(sa.text[a[0] : a[1]], 70), one_line(sb.text[b[0] : b[1]], 70)
            flags.append(flag("number", f'count not known vs given: "{ta}" vs "{tb}"', a, b))
    return flags


def _given(side: Side, u: Unknown) -> Span | None:
    """The first figure of ``side`` that counts what ``u`` says is not known."""
    for q in side.facts.quantities:
        if q.low <= 0 or not current_count(side, q):
            continue
        role = role_of(side, q)
        # a role, or else the same noun counted bare: passengers, not the arrested
        same = role == u.role if u.role else role is None and singular(q.unit) == u.unit
        if same and not _in_unknown(side, q.start):
            return (q.start, q.end)
    return None


def _in_unknown(side: Side, offset: int) -> bool:
    """Whether a figure sits in a clause that calls a count unknown ("of the 40 aboard,
    how many survived is unclear")."""
    return any(u.span[0] <= offset < u.span[1] for u in _unknowns(side))


#: "the number of" or "how many" somewhere in the article: most have neither.
_COUNT_OPENING = re.compile(r"\bnumber\W+of\b|\bhow\W+many\b", re.IGNORECASE)


@per_article
def _unknowns(side: Side) -> list[Unknown]:
    found: list[Unknown] = []
    if not _COUNT_OPENING.search(side.text):
        return found
    for s in side.sentences:
        if s.boilerplate:
            continue
        tokens = words(side.text, s.start, s.end)
        folded = [w.casefold() for w, _, _ in tokens]
        for i in range(len(tokens) - 1):
            if (folded[i], folded[i + 1]) not in (("number", "of"), ("how", "many")):
                continue
            if overlapping(side.facts.quotes, tokens[i][1], tokens[i + 1][2]):
                continue  # "I don't know how many years we waited": a speaker's words
            clause = clause_span(side, (tokens[i][1], tokens[i + 1][2]))
            if not _says_unknown(side.text, clause):
                continue
            counted = _counted(folded[i + 2 : i + 2 + COUNTED_WORDS])
            if counted is not None:
                found.append(Unknown(clause, *counted))
    return found


def _says_unknown(text: str, clause: Span) -> bool:
    """Whether a clause holds a word of not knowing, its words in order."""
    said = []
    for w, _, _ in words(text, clause[0], clause[1]):
        w = w.casefold().replace("’", "'")
        said += [w[:-3], "not"] if w.endswith("n't") else [w]  # "didn't" → "did not"
    return any(
        tuple(said[k : k + len(p)]) == p for p in UNKNOWN for k in range(len(said) - len(p) + 1)
    )


def _counted(after: list[str]) -> tuple[str | None, str] | None:
    """What the words after "the number of" count: a role, else a plural noun's unit."""
    nouns = []
    for w in after:
        if w in _ENDS:
            break
        if w in ROLES:
            return ROLES[w], ""
        nouns.append(w)
    plural = next((w for w in nouns if singular(w) != w), None)
    if plural is None:
        return None
    return None, singular(plural)
