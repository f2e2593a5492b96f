"""One article reports there was none of something; the other reports it.

"No one was hurt" against "three people were injured"; "no group has claimed
the attack" against a group's claim. Reports written hours apart, or one
rewriting an early version of the other, disagree this way, and each tells its
reader the opposite of the other: a negation a fact-checker must settle. The
two sentences rarely align (they share little but the event), so the reports
are read over the whole article.

Only plain reports of none are read: a word of none ("no", "nobody",
"without") followed closely by what there was none of, through words that only
qualify it ("no immediate reports of casualties"). An article that itself
counts what it says there was none of ("no one was killed in the town; two died
on the road") is scoping its none, and is left alone.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from core import lexicon
from core.discrepancies.claims import clause_span
from core.discrepancies.flag import Flag, flag
from core.discrepancies.roles import role_of
from core.discrepancies.side import Side, per_article
from core.discrepancies.text import NEGATORS, one_line, words
from core.model import Span

#: What a report can say there was none of, by the figure role that counts it.
NIL_ROLES = lexicon.groups("nil_reports")
OPENERS = lexicon.words("nil_openers")
FILLERS = lexicon.words("nil_fillers")
CLAIM_VERBS = lexicon.words("responsibility_claims")
MAX_FILLERS = 4
_MONTH_OR_YEAR = re.compile(r"\d{4}(-\d{2})?|--\d{2}")
RESPONSIBILITY = "responsibility"
#: The figure roles a report of none of each kind denies.
DENIED_ROLES = {"dead": {"dead"}, "hurt": {"hurt"}, "casualties": {"dead", "hurt"}}


class Report(NamedTuple):
    span: Span  # the words that report it: "no one was hurt", "claimed responsibility"
    kind: str  # "dead", "hurt", "casualties" or "responsibility"
    nil: bool


def nil_report_conflicts(sa: Side, sb: Side) -> list[Flag]:
    """Each kind of report one side denies and the other makes, once per pair."""
    flags = []
    for nil_side, other, nil_is_a in ((sa, sb, True), (sb, sa, False)):
        seen: set[str] = set()
        for nil in _reports(nil_side):
            if not nil.nil or nil.kind in seen or _made(nil_side, nil.kind):
                continue
            made = _made(other, nil.kind)
            if made is None:
                continue
            seen.add(nil.kind)
            nil_span, made_span = clause_span(nil_side, nil.span), clause_span(other, made)
            if nil_is_a:
                flags.append(_flag(sa, sb, nil_span, made_span))
            else:
                flags.append(_flag(sa, sb, made_span, nil_span))
    return flags


def _flag(sa: Side, sb: Side, a: Span, b: Span) -> Flag:
    ta, tb = one_line(sa.text[a[0] : a[1]], 70), one_line(sb.text[b[0] : b[1]], 70)
    return flag("negation", f'none reported vs reported: "{ta}" vs "{tb}"', a, b)


def _made(side: Side, kind: str) -> Span | None:
    """The first place ``side`` reports what ``kind`` names: a claim of responsibility,
    or a figure counting the dead or the hurt above zero."""
    if kind == RESPONSIBILITY:
        return next((r.span for r in _reports(side) if r.kind == kind and not r.nil), None)
    roles = DENIED_ROLES[kind]
    for q in side.facts.quantities:
        if (
            q.low > 0
            and role_of(side, q) in roles
            and not _in_nil(side, q.start)
            and q.sentence not in _dated_apart(side)
        ):
            return (q.start, q.end)
    return None


@per_article
def _dated_apart(side: Side) -> frozenset[int]:
    """Sentences dated by a month or a year alone ("In May, a fire at the same airport
    killed 41"): a story's own day is a weekday or a date, so these tell an earlier one."""
    return frozenset(
        d.sentence for d in side.facts.dates if d.value and _MONTH_OR_YEAR.fullmatch(d.value)
    )


def _in_nil(side: Side, offset: int) -> bool:
    """Whether a figure sits in a clause reporting none ("no deaths among the 40 crew")."""
    start, end = clause_span(side, (offset, offset))
    return any(r.nil and start <= r.span[0] < end for r in _reports(side))


@per_article
def _reports(side: Side) -> list[Report]:
    """Reports of none of the dead, the hurt or a claim, and claims of responsibility."""
    tokens = words(side.text, 0, len(side.text))
    found = []
    for i, (word, start, _) in enumerate(tokens):
        folded = word.casefold()
        if folded in OPENERS:
            end = _nil_head(side.text, tokens, i)
            if end is not None:
                found.append(Report((start, end[0]), end[1], True))
        elif folded == RESPONSIBILITY and i and tokens[i - 1][0].casefold() in CLAIM_VERBS:
            span = (tokens[i - 1][1], tokens[i][2])
            found.append(Report(span, RESPONSIBILITY, _negated(side, tokens, i - 1)))
    return found


def _nil_head(text: str, tokens, i: int) -> tuple[int, str] | None:
    """Where a report of none that opens at token ``i`` ends, and what it denies."""
    for j in range(i + 1, min(len(tokens), i + 2 + MAX_FILLERS)):
        if text[tokens[j - 1][2] : tokens[j][1]].strip():
            return None  # punctuation between: the reading ends
        folded = tokens[j][0].casefold()
        if folded in NIL_ROLES:
            if _partitive(tokens, i, j):
                return None  # "none of the injuries was grave": there were injuries
            return tokens[j][2], NIL_ROLES[folded]
        if folded not in FILLERS:
            return None
    return None


def _partitive(tokens, i: int, j: int) -> bool:
    """Whether "none of (the)" takes what was counted itself as its object."""
    between = [w.casefold() for w, _, _ in tokens[i + 1 : j]]
    return between in (["of"], ["of", "the"], ["of", "these"], ["of", "those"])


def _negated(side: Side, tokens, verb: int) -> bool:
    """Whether the clause of a claim verb denies it before the verb ("no group has
    claimed", "has not yet claimed", "has yet to claim")."""
    start = clause_span(side, (tokens[verb][1], tokens[verb][2]))[0]
    before = [w.casefold() for w, s, _ in tokens[max(0, verb - 12) : verb] if s >= start]
    return bool(set(before) & NEGATORS) or before[-2:] == ["yet", "to"]
