"""Figures for the same thing that disagree, wherever they sit in the two articles.

Two figures are about the same thing when they share a unit and the words
around them overlap. The word nearest each figure that names what it counts
("killed", "injured", "missing", "revenue", "profit"…) must also agree:
"14 people killed" and "30 people injured" share a unit and a story, not a
subject. A headline's figures are only set against the other headline's:
a headline rounds and restates its lede, so against body text it would
conflict on its own; when the other headline has no partner figure, the
figure counts as covered (the omission finder skips the headline).
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from functools import lru_cache

from core import lexicon
from core.discrepancies.flag import Flag, flag
from core.discrepancies.quantity_agreement import (
    agree_converted,
    base_unit,
    counts_people,
    separators_swapped,
    size,
    sizes_apart,
    unit_key,
)
from core.discrepancies.roles import counted_unit, role_of
from core.discrepancies.side import Side, overlapping, per_article
from core.discrepancies.standing import RECALLED, standing_of
from core.discrepancies.subject import (
    ALIGNED_BONUS,
    best_first,
    clause_context,
    weighted_context,
    weighted_overlap,
)
from core.discrepancies.text import one_line, stem, words
from core.facts.fact_records import Quantity
from core.facts.numbers import WORD_NUMBER
from core.facts.quantities import CURRENCY_UNITS, DURATION_SECONDS, MINUTE_OF_PLAY
from core.model import Span

#: Shared context words (besides the unit) needed to call two figures one subject.
MIN_SHARED = 2
DISTINCTIVE_BONUS = 2.0
ROLE_BONUS = 2.0  # "14 people killed" and "13 people died" count the same thing
#: Two figures that agree are likelier one fact than two: "35 km" deep and
#: "40 km" away in one article should meet "35 kilometres" and "about 40 km".
AGREE_BONUS = 1.0
#: Between candidates otherwise as good, the same value written in both ("212 people" /
#: "212 passengers") is likelier one thing than two values that merely agree ("212
#: people" / "more than 180 people"): less than any other evidence, it breaks ties.
SAME_VALUE_BONUS = 0.5
#: Two figures near each other in size ("31 workers" / "33 workers") are likelier one
#: count told two ways than a figure and a vague or distant one ("dozens", "18").
CLOSE_BONUS = 0.5
CLOSE_SHARE = 0.2


def _at_least_one(q: Quantity) -> bool:
    """A figure of one or more ("31 workers", "at least 40"): the cents of two conversions
    ("$0.004") are near in size without being one count."""
    return q.low >= 1


def _close(x: float, y: float) -> bool:
    big = max(abs(x), abs(y))
    return big > 0 and math.isfinite(big) and abs(x - y) <= CLOSE_SHARE * big


#: A measure each article gives once ("magnitude 6.8" / "a 7-magnitude quake", one
#: depth in km each) is likelier one fact; counts of things are not measures.
UNIQUE_UNIT_BONUS = 1.0
MEASURES = lexicon.words("measures")
#: A figure's own thing ("a Rs 90-crore bridge") named around the other figure ("the
#: bridge cost Rs 95 crore") says more than a word both contexts happen to share.
THING_BONUS = 2.0
#: Two figures of one unit that news names as the same measure ("a depth of 10 km" /
#: "35 km deep") are one value of one thing, as two figures of one role are.
MEASURE_NAMES = lexicon.groups("measure_names")
#: The measure's noun right before the figure: a figure's reading takes in its own
#: hedge ("about 12 km", "up to 90 km/h"), so nothing stands between.
_MEASURE_BEFORE = re.compile(r"\b([a-z]+)\s+of\s+$", re.I)
_MEASURE_AFTER = re.compile(r"\s*([a-z]+)\b", re.I)


def paired_figures(
    sa: Side, sb: Side, aligned: set[tuple[int, int]]
) -> list[tuple[Quantity, Quantity]]:
    """Figures of the two articles that count the same thing, one-to-one, best match first."""
    units_a, units_b = _units(sa), _units(sb)
    common = set(units_a.values()) & set(units_b.values())
    restated_a, restated_b = _restated(sa), _restated(sb)
    # only figures with a possible partner, and not a rounding of the article's own figure
    qa = [q for q in units_a if units_a[q] in common and q not in restated_a and not _member(q)]
    qb = [q for q in units_b if units_b[q] in common and q not in restated_b and not _member(q)]
    # each figure's readings by position: a figure is scored against every figure of
    # the other article with its unit, and hashing a record (a tuple of many
    # fields) for every lookup cost more than the score
    ctx_a = [_remembered_context(sa, q) for q in qa]
    ctx_b = [_remembered_context(sb, q) for q in qb]

    roles_a, roles_b = _roles(sa), _roles(sb)
    role_a, role_b = [roles_a[q] for q in qa], [roles_b[q] for q in qb]
    unit_a, unit_b = [units_a[q] for q in qa], [units_b[q] for q in qb]

    heads_a = [sa.in_headline(q.start) for q in qa]
    heads_b = [sb.in_headline(q.start) for q in qb]
    clauses_a: list[set[str] | None] = [None] * len(qa)
    clauses_b: list[set[str] | None] = [None] * len(qb)

    def clause_word_shared(i: int, j: int) -> bool:
        clause_x, clause_y = clauses_a[i], clauses_b[j]
        if clause_x is None:
            clause_x = clauses_a[i] = _remembered_clause(sa, qa[i])
        if clause_y is None:
            clause_y = clauses_b[j] = _remembered_clause(sb, qb[j])
        return _shares_word(clause_x, clause_y, qa[i])

    standings_a, standings_b = figure_standings(sa), figure_standings(sb)
    standing_a = [standings_a[q] for q in qa]
    standing_b = [standings_b[q] for q in qb]
    distinct_a = [q.exact and _distinctive(q.low) for q in qa]
    things_a, things_b = [_thing(q) for q in qa], [_thing(q) for q in qb]
    unique = _unique_units(units_a, standings_a) & _unique_units(units_b, standings_b)
    size_a, size_b = [size(q) for q in qa], [size(q) for q in qb]
    parts_a, parts_b = _parts(sa), _parts(sb)
    part_a, part_b = [parts_a[q] for q in qa], [parts_b[q] for q in qb]

    closed_a, closed_b = _closed_floors(sa), _closed_floors(sb)
    measures_a, measures_b = _measures(sa), _measures(sb)
    measure_a, measure_b = [measures_a[q] for q in qa], [measures_b[q] for q in qb]
    named_measures_a, named_measures_b = _named_measures(sa), _named_measures(sb)
    named_a, named_b = [named_measures_a[q] for q in qa], [named_measures_b[q] for q in qb]

    def score(i: int, j: int) -> float:
        # only called for figures of one unit, both in or both out of the headline:
        # a headline's figure restates the lede, so only headline meets headline
        x, y = qa[i], qb[j]
        role_x, role_y = role_a[i], role_b[j]
        if standing_a[i] != standing_b[j]:
            return 0.0
        if role_x and role_y and role_x != role_y and not _one_thing(x, y):
            return 0.0
        swapped = separators_swapped(x, y)  # "30,621" / "30.621": one count
        if part_a[i] != part_b[j] or (sizes_apart(size_a[i], size_b[j]) and not swapped):
            return 0.0  # a part against the whole; a share's price against a revenue
        if _other_measures(measure_a[i], measure_b[j]):
            return 0.0  # net profit against operating profit
        shared = weighted_overlap(ctx_a[i], ctx_b[j])
        same_role = (
            (bool(role_x) and role_x == role_y)
            or (bool(named_a[i]) and named_a[i] == named_b[j])
            or (not role_x and not role_y and _one_kind_of_people(x, y))
        )
        same_figure = (distinct_a[i] and y.exact and x.low == y.low) or swapped
        one_measure = unit_a[i] in unique  # each article gives one magnitude, one depth
        if not (same_role or same_figure or one_measure or clause_word_shared(i, j)):
            return 0.0
        if unit_a[i] == MINUTE_OF_PLAY and not _one_goal(sa, x, sb, y):
            return 0.0  # two goals of one match, each told beside a corner or a header
        if same_figure:
            shared += DISTINCTIVE_BONUS
        if _one_thing(x, y):
            shared += 1
        elif _names_thing(things_a[i], ctx_b[j]) or _names_thing(things_b[j], ctx_a[i]):
            shared += THING_BONUS
        if same_role:
            shared += ROLE_BONUS
        if unit_a[i] in unique:
            shared += UNIQUE_UNIT_BONUS
        if shared and agree_converted(closed_a.get(x, x), closed_b.get(y, y)):
            shared += AGREE_BONUS
            if (x.low, x.high) == (y.low, y.high):
                shared += SAME_VALUE_BONUS
        elif shared and _at_least_one(x) and _at_least_one(y) and _close(size_a[i], size_b[j]):
            shared += CLOSE_BONUS
        bonus = ALIGNED_BONUS if (x.sentence, y.sentence) in aligned else 0.0
        return shared + bonus

    by_kind: dict[tuple[str, bool], list[int]] = {}
    for j in range(len(qb)):
        by_kind.setdefault((unit_b[j], heads_b[j]), []).append(j)
    scored = []
    for i in range(len(qa)):
        for j in by_kind.get((unit_a[i], heads_a[i]), ()):
            s = score(i, j)
            if s >= MIN_SHARED:
                scored.append((s, i, j))
    chosen = [(i, j) for i, j, _ in best_first(range(len(qa)), range(len(qb)), scored)]

    def agree_at(i: int, j: int) -> bool:
        return agree_converted(closed_a.get(qa[i], qa[i]), closed_b.get(qb[j], qb[j]))

    chosen = _crossed_where_both_agree(chosen, {(i, j) for _, i, j in scored}, agree_at)
    return [(qa[i], qb[j]) for i, j in chosen]


#: Nouns of people at large (lexicon/people_at_large.txt).
_PEOPLE_AT_LARGE = lexicon.words("people_at_large")


def _one_kind_of_people(x: Quantity, y: Quantity) -> bool:
    """Whether two figures count the same kind of people by the same noun ("400
    rangers" / "1,400 rangers"), not people at large."""
    noun = x.unit.casefold()
    return (
        bool(noun)
        and noun == y.unit.casefold()
        and noun not in _PEOPLE_AT_LARGE
        and counts_people(noun)
    )


def _crossed_where_both_agree(
    chosen: list[tuple[int, int]],
    possible: set[tuple[int, int]],
    agree_at: Callable[[int, int], bool],
) -> list[tuple[int, int]]:
    """Two pairs that each conflict, crossed over where both new pairs agree and either
    could have been chosen: "$129 million" set against "$43 million" and "$42.6 million"
    against "$129 million" are the same two sums read in the other order. The greedy
    choice takes the pair whose sentences share most words first, and two sums told in
    one sentence share the same words."""
    chosen = list(chosen)
    conflicting = [k for k, (i, j) in enumerate(chosen) if not agree_at(i, j)]
    crossed: set[int] = set()
    for n, k in enumerate(conflicting):
        for m in conflicting[n + 1 :]:
            if k in crossed or m in crossed:
                continue
            (i1, j1), (i2, j2) = chosen[k], chosen[m]
            if {(i1, j2), (i2, j1)} <= possible and agree_at(i1, j2) and agree_at(i2, j1):
                chosen[k], chosen[m] = (i1, j2), (i2, j1)
                crossed.update((k, m))
    return chosen


_ONE_OF = re.compile(r"one\s+of\b", re.I)


def _member(q: Quantity) -> bool:
    """"One of the victims", "one of the seven counts": a member picked out of a group,
    which counts nothing the other article could give another figure for."""
    return q.low == q.high == 1 and _ONE_OF.match(q.text) is not None


#: A figure set against another across sentences no link holds, neither of them a
#: casualty count, is read among the omitted claims, after omitted figures, quotations
#: and days: on the held-out events (1,187) 16 % of such flags were wanted, against 48 %
#: of figures set against each other inside linked sentences and 30 % of the omissions
#: the budget kept; ranked above every omission (medium, 0.85) they held 673 places
#: wanted omissions lost. Two tolls in unlinked sentences ("has risen to 41" / "more
#: than 30 were killed") stay high.
UNLINKED_WEIGHT = 0.45
#: Two figures five times apart or more that do not both say what they count are read
#: with those (an order of magnitude is more often two things than one slip): on the
#: held-out events (1,187) 13 % of such flags in linked sentences were wanted; as medium
#: flags (0.85) they too held places of the budget wanted omissions lost.
FAR_APART_WEIGHT = UNLINKED_WEIGHT
CASUALTY_ROLES = frozenset({"dead", "hurt", "missing"})


def unlinked_figures(
    flags: list[Flag], sa: Side, sb: Side, figures: list[tuple[Quantity, Quantity]]
) -> list[Flag]:
    """``flags`` with each number flag no alignment holds (``alignment`` None) lowered to
    low, unless it sets a lone toll against tolls none of which agree with it
    (``figures``: the pairs the flags were made from)."""
    return [
        f._replace(severity="low", weight=UNLINKED_WEIGHT)
        if f.kind == "number"
        and f.severity == "high"
        and f.alignment is None
        and not _lone_tolls(sa, sb, f, figures)
        else f
        for f in flags
    ]


def _lone_tolls(sa: Side, sb: Side, f: Flag, figures: list[tuple[Quantity, Quantity]]) -> bool:
    """Whether a flag sets a toll against a toll, one of them its article's only value
    of that count and the other article giving none that agrees with it: "has risen to
    41" / "more than 30 were killed". Where both articles give several (the dead at the
    scene, in hospital, by district) two of them may be paired wrongly: on the held-out
    events (911) 18 % of such flags were wanted."""
    if not (_counts_casualties(sa, f.a) or _counts_casualties(sb, f.b)):
        return False
    inside = [(x, y) for x, y in figures if _within(x, f.a) and _within(y, f.b)]
    return not inside or any(
        (_one_value(sa, x) and _none_agree(x, sb, y))
        or (_one_value(sb, y) and _none_agree(y, sa, x))
        for x, y in inside
    )


def _within(q: Quantity, span: Span | None) -> bool:
    return span is not None and span[0] <= q.start and q.end <= span[1]


def _none_agree(q: Quantity, other: Side, partner: Quantity) -> bool:
    """Whether no figure of ``other`` counting what ``partner`` counts agrees with ``q``:
    then any pairing of the two articles' tolls disagrees."""
    units, roles = _units(other), _roles(other)
    if partner not in units:
        return True
    kind = (units[partner], roles[partner])
    return not any(agree_converted(q, p) for p, u in units.items() if (u, roles[p]) == kind)


def _one_value(side: Side, q: Quantity) -> bool:
    """Whether the article gives one value of what ``q`` counts, in ``q``'s role."""
    units, roles = _units(side), _roles(side)
    if q not in units:
        return True
    mine = (units[q], roles[q])
    return len({(p.low, p.high) for p, u in units.items() if (u, roles[p]) == mine}) <= 1


def _counts_casualties(side: Side, span: Span | None) -> bool:
    if span is None:
        return False
    roles = _roles(side)
    return any(roles.get(q) in CASUALTY_ROLES for q in overlapping(side.facts.quantities, *span))


def _one_thing(x: Quantity, y: Quantity) -> bool:
    """Two sums written before the same noun ("a $63bn bond" / "a $64 billion bond")
    price one thing, whatever words about them name another role ("deal", "debt")."""
    return bool(x.modifies and y.modifies) and x.modifies.casefold() == y.modifies.casefold()


@per_article
def _restated(side: Side) -> frozenset[Quantity]:
    """Hedged figures that round another figure of the same article and kind ("roughly
    50%" beside "50.17%"): a restatement, which must not take the partner the precise
    figure needs in the other article."""
    units, roles, standings = _units(side), _roles(side), figure_standings(side)
    precise = [q for q in units if q.exact and not q.qualifier and q.low != int(q.low)]
    return frozenset(
        q
        for q in units
        if q.qualifier == "approx"
        and any(
            units[p] == units[q]
            and roles[p] == roles[q]
            and standings[p] == standings[q]
            and agree_converted(q, p)
            for p in precise
        )
    )


#: Nouns that count a part of the people counted → the part (lexicon/people_subgroups.txt).
SUBGROUPS = lexicon.groups("people_subgroups")
AT_A_PLACE = "where"  # the part of a toll counted by where ("at the scene", "in hospital")


@per_article
def _parts(side: Side) -> dict[Quantity, str]:
    """Each figure's part of the people ("" for none), once per article rather than per pair."""
    return {q: _part(side, q) for q in _units(side)}


#: "30 people died at the scene", "four died in hospital": a toll counted by where.
_WHERE_AFTER = re.compile(
    r"[^.;:,]{0,40}?\b(?:at\s+the\s+scene|on\s+the\s+spot|on\s+arrival|in\s+hospital|"
    r"at\s+(?:the\s+)?hospital|on\s+the\s+way\s+to\s+(?:the\s+)?hospital)\b",
    re.I,
)


def _part(side: Side, q: Quantity) -> str:
    """The part of the people a figure counts by age or sex ("three children", "84 were
    women"), or "" when it counts no part: such a part is not the toll it belongs to,
    though both count people, and meets only a part of its own kind ("108 women" /
    "more than 100 women")."""
    if q.unit.casefold() in SUBGROUPS:
        return SUBGROUPS[q.unit.casefold()]
    if _WHERE_AFTER.match(side.text, q.end):
        return AT_A_PLACE  # "30 were declared dead at the scene": those who died there
    said = _PREDICATE.match(side.text, q.end)
    return SUBGROUPS.get(said.group(1).casefold(), "") if said is not None else ""


_MEASURE = re.compile(
    rf"\b({'|'.join(sorted(map(re.escape, lexicon.words('profit_measures'))))})\s+"
    r"(?:[\w-]+\s+)?(?:profits?|income|earnings|loss(?:es)?|margins?)\b",
    re.I,
)


#: Measures a company reports beside its plain result ("adjusted net income"): a sum
#: so named is not the unnamed profit of another article, which is the plain one.
ADJUSTED = lexicon.words("adjusted_measures")


def _other_measures(x: str, y: str) -> bool:
    """Whether two figures' measures differ: both named and not alike, or one adjusted."""
    if x and y:
        return x != y
    return (x or y) in ADJUSTED


@per_article
def _measures(side: Side) -> dict[Quantity, str]:
    """Which measure of a result each figure gives ("net", "operating"), from the nearest
    such phrase in its sentence, or "" when its sentence names none."""
    phrases: dict[Span, list[tuple[int, str]]] = {}  # each sentence read once
    found: dict[Quantity, str] = {}
    for q in _units(side):
        span = side.sentence_span(q.start)
        if span not in phrases:
            phrases[span] = [
                (m.start(), m.group(1).casefold().replace("-", ""))
                for m in _MEASURE.finditer(side.text, *span)
            ]
        near = [(min(abs(at - q.start), abs(at - q.end)), name) for at, name in phrases[span]]
        found[q] = min(near)[1] if near else ""
    return found


#: "84 were women": what the figure's things were, said after it.
_PREDICATE = re.compile(r"\s+(?:were|are|was|is)\s+(?:\w+\s+)?([^\W\d_]+)\b", re.I)


@per_article
def figure_standings(side: Side) -> dict[Quantity, str]:
    """Each figure's standing, read once per article rather than once per pair."""
    return {q: standing_of(side, q) for q in _units(side)}


@per_article
def _units(side: Side) -> dict[Quantity, str]:
    """What each figure outside site furniture counts (its unit key, a measure by its
    base unit: miles and kilometres are one length), in text order."""
    units: dict[Quantity, str] = {}
    previous: Quantity | None = None
    for q in side.facts.quantities:
        if _in_boilerplate(side, q):
            continue
        unit = base_unit(counted_unit(side, q, unit_key(q)))
        if previous is not None and _converts(side.text, previous, q) and (
            units[previous] == unit or {units[previous], unit} <= CURRENCY_UNITS
        ):
            continue  # "80 km (50 miles)", "€222 million ($262 million)": one figure
        units[q] = unit
        previous = q
    return units


@per_article
def conversions(side: Side) -> frozenset[Quantity]:
    """Figures that restate the figure before them in another unit ("7 km (4 miles)"):
    a conversion one outlet rounds and another does not is no second fact."""
    units = _units(side)
    return frozenset(
        q for q in side.facts.quantities if q not in units and not _in_boilerplate(side, q)
    )


def _converts(text: str, before: Quantity, q: Quantity) -> bool:
    """Whether ``q`` stands in brackets right after ``before``, in another unit: a sum
    in brackets after a sum is always one, since "$" names several currencies
    ("$US589 billion ($936 billion)" in a paper whose "$" is the local dollar)."""
    if text[before.end : q.start].strip() != "(":
        return False
    money = unit_key(before) in CURRENCY_UNITS and unit_key(q) in CURRENCY_UNITS
    return unit_key(before) != unit_key(q) or (money and before.low != q.low)


@per_article
def _roles(side: Side) -> dict[Quantity, str | None]:
    return {q: role_of(side, q) for q in _units(side)}


def _unique_units(units: dict[Quantity, str], standings: dict[Quantity, str]) -> set[str]:
    """Units an article states one value of (repeats of that value allowed; a value
    recalled from an earlier year is another event's)."""
    values: dict[str, set[tuple[float, float]]] = {}
    for q, unit in units.items():
        if not standings[q].startswith(RECALLED):
            values.setdefault(unit, set()).add((q.low, q.high))
    return {u for u, v in values.items() if len(v) == 1 and (u in MEASURES or _a_thing(u))}


#: Units that say nothing of what is counted: people (counted in every role), shares
#: and spans of time (a story has many), and a bare figure.
_NOT_THINGS = frozenset({"", "people", "percent", "time", *DURATION_SECONDS})


def _a_thing(unit: str) -> bool:
    """Whether a unit counts one kind of thing ("flats", "houses", "ships"): an
    article giving one value of it and another giving one value likely count the
    same things (54 flats against 40 flats)."""
    return unit not in _NOT_THINGS


def number_conflicts(
    pairs: list[tuple[Quantity, Quantity]], sides: tuple[Side, Side] | None = None
) -> list[Flag]:
    """A flag for each pair of figures that disagree, unless one is the total of a
    breakdown the other belongs to (with ``sides`` given)."""
    flags = []
    closed_a, closed_b = (_closed_floors(sides[0]), _closed_floors(sides[1])) if sides else ({}, {})
    for x, y in pairs:
        if sides and (_total_of(sides[0], x, y) or _total_of(sides[1], y, x)):
            continue
        if not agree_converted(closed_a.get(x, x), closed_b.get(y, y)):
            summary = f"{one_line(x.text, 60)} vs {one_line(y.text, 60)}"
            told = sides is not None and same_role(sides[0], x, sides[1], y)
            flags.append(figure_flag(summary, x, y, (x.start, x.end), (y.start, y.end), told=told))
    return flags


def same_role(sa: Side, x: Quantity, sb: Side, y: Quantity) -> bool:
    """Whether both figures name what they count, and it is the same ("forced from
    their homes" on both sides)."""
    role = _roles(sa).get(x)
    return bool(role) and role == _roles(sb).get(y)


#: Two figures this many times apart are more often two things than one thing told
#: two ways ("899,000 sat the exam" / "201,000 passed"): on the held-out events (911)
#: 13 % of exact pairs five times apart or more were wanted and 21 % of hedged ones,
#: against 57 % and 76 % within a fifth, and 24-31 % three to five times apart, as
#: many as of the omitted figures. Unless both name the same count ("forced from
#: their homes", "killed"), they rank with the omitted figures.
FAR_APART = 5.0


def figure_flag(
    summary: str,
    x: Quantity,
    y: Quantity,
    a: Span,
    b: Span,
    alignment: int | None = None,
    told: bool = False,
) -> Flag:
    """A high flag for two figures that disagree, low when they lie far apart unless
    both say what they count and it is the same (``told``)."""
    if far_apart(x, y) and not told:
        return flag("number", summary, a, b, alignment, severity="low", weight=FAR_APART_WEIGHT)
    return flag("number", summary, a, b, alignment)


def far_apart(x: Quantity, y: Quantity) -> bool:
    """Whether the nearer ends of two figures' intervals are ``FAR_APART`` times apart."""
    low, high = (x, y) if x.high <= y.low else (y, x)
    if not high.low > low.high > 0 or not math.isfinite(high.low):
        return False
    return high.low / low.high >= FAR_APART


@per_article
def _closed_floors(side: Side) -> dict[Quantity, Quantity]:
    """Floors the article also states as a count: "at least 20 people died" in the
    lede and "the toll climbed to 20" further down give one toll of 20, which a
    toll of 26 elsewhere contradicts, though "at least 20" alone would allow it.
    Each such floor is mapped to the count it closes at."""
    units, roles, standings = _units(side), _roles(side), figure_standings(side)
    stated = {
        (units[q], roles[q], q.low)
        for q in units
        if q.exact and not q.qualifier and standings[q] == ""
    }
    return {
        q: q._replace(high=q.low, high_inclusive=True, low_inclusive=True, qualifier="")
        for q in units
        if q.qualifier == "min" and q.low_inclusive and (units[q], roles[q], q.low) in stated
    }


@per_article
def _by_sentence(side: Side) -> dict[int, list[Quantity]]:
    found: dict[int, list[Quantity]] = {}
    for q in side.facts.quantities:
        found.setdefault(q.sentence, []).append(q)
    return found


def _total_of(side: Side, part: Quantity, total: Quantity) -> bool:
    """Whether ``total`` is ``part`` plus the other figures its sentence gives for the
    same unit: "21 critical and 73 seriously injured" against "94 severely injured"
    is one count broken down, not two counts of one thing; so is "at least 94", a
    floor the breakdown reaches."""
    if not (part.exact and (total.exact or _floor(total))):
        return False
    unit = unit_key(part)
    others = [
        q.low
        for q in _by_sentence(side).get(part.sentence, ())
        if q != part and q.exact and unit_key(q) == unit
    ]
    return bool(others) and any(
        math.isclose(part.low + extra, total.low) for extra in (*others, sum(others))
    )


def _floor(q: Quantity) -> bool:
    """A figure stated as its least value ("at least 40"): low given and included."""
    return q.low_inclusive and math.isinf(q.high)


def linked(sa: Side, x: Quantity, sb: Side, y: Quantity) -> bool:
    """Whether anything beyond the story ties two figures: a role, the same uncommon
    figure or a word of both their own clauses (see ``paired_figures``)."""
    role_x, role_y = role_of(sa, x), role_of(sb, y)
    if role_x and role_x == role_y:
        return True
    if x.exact and y.exact and x.low == y.low and _distinctive(x.low):
        return True
    return _clause_word_shared(sa, x, sb, y)


def _clause_word_shared(sa: Side, x: Quantity, sb: Side, y: Quantity) -> bool:
    """Whether a word of both figures' own clauses (besides the unit) is shared.

    Words past "but" or "while" only support a match: "City led after 23
    minutes when Reid headed in a corner" and "Reid headed in a corner, but
    Moreno levelled seven minutes after the break" share the corner, not
    what the minutes count.
    """
    return _shares_word(clause_context(sa, x.start, x.end), clause_context(sb, y.start, y.end), x)


_WHOLE_CLAUSE = 40  # words: the scorer may be named well before the minute


#: Reports of one match time a goal a minute or a few apart; minutes further apart
#: are two goals, whatever their clauses share.
GOAL_MINUTES_APART = 5


def _one_goal(sa: Side, x: Quantity, sb: Side, y: Quantity) -> bool:
    """Whether two minutes of play can time one goal: the same minute, or a few
    minutes apart where the clauses do not name two different players."""
    if x.low == y.low:
        return True
    return abs(x.low - y.low) <= GOAL_MINUTES_APART and not _names_apart(sa, x, sb, y)


def _names_apart(sa: Side, x: Quantity, sb: Side, y: Quantity) -> bool:
    """Whether both figures' own clauses name someone and none in common: a report times
    several goals, so two minutes of play whose clauses name two players are two
    goals, though both tell of a corner ("he scored in the 64th minute" names no one)."""
    names_x = clause_context(sa, x.start, x.end, _WHOLE_CLAUSE, names_only=True)
    names_y = clause_context(sb, y.start, y.end, _WHOLE_CLAUSE, names_only=True)
    return bool(names_x) and bool(names_y) and not names_x & names_y


def _shares_word(clause_x: set[str], clause_y: set[str], x: Quantity) -> bool:
    unit = x.unit.casefold()
    return any(not unit.startswith(word) for word in clause_x & clause_y)


#: Each figure's context words, by text, figure and sentence: an article met in
#: several pairs has its figures read once (the values are never changed).
_CONTEXTS: dict[tuple[str, int, int, str, Span], dict[str, float]] = {}
_CLAUSES: dict[tuple[str, int, int, Span], set[str]] = {}
_REMEMBERED = 65536


def _remembered_context(side: Side, q: Quantity) -> dict[str, float]:
    key = (side.text, q.start, q.end, q.unit, side.sentence_span(q.start))
    found = _CONTEXTS.get(key)
    if found is None:
        if len(_CONTEXTS) >= _REMEMBERED:
            _CONTEXTS.clear()
        found = _CONTEXTS[key] = _context(side, q)
    return found


def _remembered_clause(side: Side, q: Quantity) -> set[str]:
    key = (side.text, q.start, q.end, side.sentence_span(q.start))
    found = _CLAUSES.get(key)
    if found is None:
        if len(_CLAUSES) >= _REMEMBERED:
            _CLAUSES.clear()
        found = _CLAUSES[key] = clause_context(side, q.start, q.end)
    return found


def forget_figures() -> None:
    """Drop remembered figure contexts (benchmarks timing unseen articles)."""
    _CONTEXTS.clear()
    _CLAUSES.clear()
    _thing_of.cache_clear()


def _synonyms() -> dict[str, str]:
    """Context stem → its group's first stem (lexicon/figure_context_synonyms.txt)."""
    return {stem(w): stem(group) for w, group in lexicon.groups("figure_context_synonyms").items()}


CONTEXT_SYNONYMS = _synonyms()


def _context(side: Side, q: Quantity) -> dict[str, float]:
    unit = q.unit.casefold()
    found: dict[str, float] = {}
    for k, w in weighted_context(side, q.start, q.end).items():
        if unit.startswith(k):
            continue
        k = CONTEXT_SYNONYMS.get(k, k)
        found[k] = max(found.get(k, 0.0), w)
    return found


@per_article
def _named_measures(side: Side) -> dict[Quantity, str]:
    """The measure news names for each figure ("a depth of 10 km", "10 km deep"), or "",
    read once per article rather than once per pair."""
    return {q: _named_measure(side.text, q) for q in side.facts.quantities}


def _named_measure(text: str, q: Quantity) -> str:
    before = _MEASURE_BEFORE.search(text, max(0, q.start - 40), q.start)
    after = _MEASURE_AFTER.match(text, q.end, q.end + 20)
    # the reading may take in the adjective itself ("35 km deep")
    for word in (before and before.group(1), q.text.split()[-1], after and after.group(1)):
        if word and word.casefold() in MEASURE_NAMES:
            return MEASURE_NAMES[word.casefold()]
    return ""


def _thing(q: Quantity) -> frozenset[str]:
    """Stems of the thing a figure modifies, written inside it ("a $5m Harbour bridge"):
    the noun and the names before it, not the currency ("Rs") leading the figure."""
    return _thing_of(q.text, q.modifies) if q.modifies else frozenset()


@lru_cache(maxsize=16384)
def _thing_of(text: str, modifies: str) -> frozenset[str]:
    """``_thing`` remembered: a figure is set against every figure of each of its pairs."""
    names = [w for w, start, _ in words(text, 0, len(text)) if start and w[:1].isupper()]
    found = {stem(w) for w in [modifies, *names]} - {stem(text.split()[0])}
    return frozenset(k for k in found if len(k) > 2)


def _names_thing(thing: frozenset[str], context: dict[str, float]) -> bool:
    return any(k in context for k in thing)


def _distinctive(value: float) -> bool:
    """85,512 or 2,012 name one figure; 10, 200 or 5,000 could be anything."""
    digits = f"{value:.6g}".replace(".", "").replace("-", "").rstrip("0")
    return len(digits) >= 3


def _in_boilerplate(side: Side, q: Quantity) -> bool:
    return (
        bool(side.sentences)
        and side.sentences[min(q.sentence, len(side.sentences) - 1)].boilerplate
    )


def second_counts(
    sa: Side, sb: Side, figures: list[tuple[Quantity, Quantity]]
) -> list[tuple[Quantity, Quantity]]:
    """A count one article gives once, against a second, different count of the same
    thing the other article also gives ("the toll has risen to 41" against "more
    than 30 were killed" and, further down, "the toll has reached 36").

    Figures pair one to one, so the other article's second count would otherwise be
    left over and read as a figure only it states; it is a figure it states
    differently. Only a role the first article states with one value qualifies:
    where both articles give several values, the pairing has already chosen.
    """
    out = [*_second_counts(sa, sb, figures)]
    out += [(x, y) for y, x in _second_counts(sb, sa, [(y, x) for x, y in figures])]
    return out


def _second_counts(
    own: Side, other: Side, figures: list[tuple[Quantity, Quantity]]
) -> list[tuple[Quantity, Quantity]]:
    units_own, units_other = _units(own), _units(other)
    roles_own, roles_other = _roles(own), _roles(other)
    paired_other = {y for _, y in figures}
    found = []
    for x, y in figures:
        role, unit = roles_own.get(x), units_own.get(x)
        if (
            not role
            or roles_other.get(y) != role
            or len(_values(units_own, roles_own, unit, role)) != 1
        ):
            continue
        if len(_values(units_other, roles_other, unit, role)) != 2:
            continue  # more than two values of one count are a breakdown, not two tolls
        for z, unit_z in units_other.items():
            if (
                z in paired_other
                or _OF_A_WHOLE.search(other.text, max(0, z.start - 24), z.start)
                or unit_z != unit
                or roles_other[z] != role
                or (z.low, z.high) == (y.low, y.high)
                or other.in_headline(z.start) != own.in_headline(x.start)
                or figure_standings(other)[z] != figure_standings(own)[x]
                or _parts(other)[z] != _parts(own)[x]
                or agree_converted(x, z)
            ):
                continue
            found.append((x, z))
    return found


#: "seven of nine counts", "85 out of the 150 seats": the figure after "of" is the whole the
#: first is part of, not a second value of the same count.
_OF_A_WHOLE = re.compile(
    rf"(?:\d|\b(?:{WORD_NUMBER}))\s+(?:out\s+)?of\s+(?:the\s+|its\s+|their\s+|all\s+)?$", re.I
)


def _values(
    units: dict[Quantity, str], roles: dict[Quantity, str | None], unit: str, role: str
) -> set[tuple[float, float]]:
    return {(q.low, q.high) for q, u in units.items() if u == unit and roles[q] == role}


#: What a story leads with (unit key, role of lexicon/roles.txt): a wire story's first
#: body figure for the dead, the hurt or the missing is its current count, and its
#: first magnitude the main shock's (aftershocks come further down).
_LEADS = (("people", "dead"), ("people", "hurt"), ("people", "missing"), ("magnitude", None))


def lead_tolls(
    sa: Side, sb: Side, figures: list[tuple[Quantity, Quantity]]
) -> list[tuple[Quantity, Quantity]]:
    """Each article's lead toll (or magnitude) against the other's, when neither
    agrees with any figure of that kind the other article gives.

    With several values of a toll on each side, the pairing matches figures by
    their context (a police count with a police count, Saturday's with
    Saturday's), which can leave the two leads ("at least 153 died" / "killed at
    least 129") unset against each other: the one difference a reader of both
    ledes sees first. A lead that some figure of the other article confirms is an
    update the other also reports, not a second toll.
    """
    paired = set(figures)
    found = []
    for unit, role in _LEADS:
        x, y = _lead(sa, unit, role), _lead(sb, unit, role)
        if x is None or y is None or (x, y) in paired:
            continue
        if _confirmed(sa, x, sb, unit, role) or _confirmed(sb, y, sa, unit, role):
            continue
        found.append((x, y))
    return found


def _of_kind(side: Side, q: Quantity, unit: str, role: str | None) -> bool:
    return _units(side)[q] == unit and (role is None or _roles(side)[q] == role)


def _confirmed(own: Side, x: Quantity, other: Side, unit: str, role: str | None) -> bool:
    """Whether any figure of the kind in ``other`` agrees with ``x``."""
    closed_own, closed_other = _closed_floors(own), _closed_floors(other)
    parts = _parts(other)
    return any(
        agree_converted(closed_own.get(x, x), closed_other.get(z, z))
        for z in _units(other)
        if _of_kind(other, z, unit, role) and not parts[z]
    )


def _lead(side: Side, unit: str, role: str | None) -> Quantity | None:
    """The first body figure of the kind: not a headline's (which meets headlines
    only), nor a part ("including 12 children"), nor one recalled from another
    year, nor a ceiling ("up to 300")."""
    standings, parts = figure_standings(side), _parts(side)
    return next(
        (
            q
            for q in _units(side)
            if _of_kind(side, q, unit, role)
            and standings[q] == ""
            and not parts[q]
            and not side.in_headline(q.start)
            and q.qualifier != "max"
        ),
        None,
    )
