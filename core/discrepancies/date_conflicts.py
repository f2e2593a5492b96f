"""The same happening put on different days by the two articles.

Day references are paired by what their sentences say (shared words, aligned
sentences), references to the same day preferentially; and an article that
mentions Friday and Saturday set against one that does too tells of two
happenings, not of one on two days, so that is never a conflict. Only
references that name one day each are compared: a weekday against a weekday
or a resolved date; months and "last week" never conflict.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from typing import NamedTuple

from core import lexicon
from core.discrepancies.claims import clause_span
from core.discrepancies.date_matching import (
    Day,
    across_midnight,
    clock_label,
    day_of,
    has_zone,
    on_another_clock,
    same_day,
    same_time,
    span_bound,
    two_ends,
)
from core.discrepancies.flag import Flag, flag
from core.discrepancies.side import Side, per_article
from core.discrepancies.subject import ALIGNED_BONUS, context, match_pairs
from core.discrepancies.text import content_keys, one_line, words
from core.facts.attributions import DATELINE_AGENCY, DATELINE_END
from core.facts.fact_records import DateRef

MIN_SCORE = 5.0  # shared clause words (+ bonuses) to call two references one happening
AGREE_BONUS = 2.0  # two references to the same day are the likelier pair
#: Each article names one day, in sentences that report one claim: the story's day,
#: told in a lead's clause ("struck on Thursday afternoon when…") the other words apart.
ONLY_DAY_BONUS = 2.0
_PREPOSITIONS = frozenset({"on", "last", "next", "this", "since", "by", "until", "early", "late"})

Dated = list[tuple[DateRef, Day]]


def date_conflicts(sa: Side, sb: Side, aligned: set[tuple[int, int]]) -> list[Flag]:
    ia, ib = day_index(sa), day_index(sb)
    days = dict(ia.dated) | dict(ib.dated)
    flags = []
    for x, y in paired_days(sa, sb, aligned, ia, ib):
        if (
            same_day(days[x], days[y]) is False
            and not across_midnight(sa.text, x, days[x], sb.text, y, days[y])
            and _unexplained(days[x], days[y], ia.dated, ib.dated)
        ):
            ta, wa = shown_date(sa, x)
            tb, wb = shown_date(sb, y)
            summary = f"{one_line(ta, 60)} vs {one_line(tb, 60)}"
            if (x.sentence, y.sentence) in aligned or _story_day(x, y, ia, ib):
                flags.append(flag("date", summary, wa, wb))
            else:
                flags.append(flag("date", summary, wa, wb, severity="low", weight=UNLINKED_WEIGHT))
    return flags


#: Two days paired across sentences no link holds wait behind the omitted claims: on
#: the held-out events none of 131 such pairs was a conflict the annotators wanted
#: (98 of them weekdays: a story tells of a strike on Sunday and a funeral on Tuesday),
#: and as high flags they took a place in the budget a wanted omission lost.
UNLINKED_WEIGHT = 0.3
#: Clause words two day references share, beyond which they tell the story's own day
#: when neither article has more than two days to tell ("said on Wednesday" / "said
#: on Thursday", of one call): such a pair stays high wherever it sits.
STORY_DAY_WORDS = 6


def _story_day(x: DateRef, y: DateRef, ia: DayIndex, ib: DayIndex) -> bool:
    """Whether two day references are each article's day for the story: one article
    names that day only, the other at most one more, and their clauses say one thing."""
    days = sorted((len({d for _, d in ia.dated}), len({d for _, d in ib.dated})))
    shared = len(ia.contexts[x] & ib.contexts[y])
    return days[0] == 1 and days[1] <= 2 and shared >= STORY_DAY_WORDS


def _unexplained(day_a: Day, day_b: Day, da: Dated, db: Dated) -> bool:
    """False when each article also names the other's day: two happenings, two days."""
    a_in_b = any(same_day(day_a, d) for _, d in db)
    b_in_a = any(same_day(day_b, d) for _, d in da)
    return not (a_in_b and b_in_a)


def _day_refs(side: Side) -> Dated:
    """Day-level references in the body, in text order (stamps and furniture left out)."""
    out = []
    for ref in side.facts.dates:
        day = day_of(ref)
        if day is None or _is_stamp(side, ref) or on_another_clock(side.text, ref):
            continue
        out.append((ref, day))
    return out


def _is_stamp(side: Side, ref: DateRef) -> bool:
    """A dateline or "Updated:" line dates the page, not the event."""
    if not side.sentences:
        return False
    sentence = side.sentences[min(ref.sentence, len(side.sentences) - 1)]
    if sentence.boilerplate or _in_dateline(side.text, ref):
        return True
    rest = content_keys(side.text, sentence.start, ref.start) | content_keys(
        side.text, ref.end, sentence.end
    )
    return len(rest) < 3


#: A wire dateline before a story's first words: the place in capitalised words and
#: commas, then the filing date, a year perhaps, the agency in brackets perhaps, and a
#: colon or dash ("PORT TOWN, Region, June 12, (AP):", "Riverton, 4 June (Reuters) -").
_PLACE_WORDS = r"[A-Z][\w.'’\-]*(?:\s[A-Z][\w.'’\-]*)*"
_DATELINE_PLACE = re.compile(rf"{_PLACE_WORDS}(?:,\s{_PLACE_WORDS})*,\s")
_DATELINE_REST = re.compile(rf"\s*,?\s*(?:\d{{4}}\s*,?\s*)?(?:{DATELINE_AGENCY})?{DATELINE_END}")


def _in_dateline(text: str, ref: DateRef) -> bool:
    """Whether the date sits in a wire dateline opening its line: the day the story was
    filed, which may be the day after what it reports ("Wednesday evening")."""
    line_start = text.rfind("\n", 0, ref.start) + 1
    head = text[line_start : ref.start]
    if not head.strip():  # "July 6 (UPI) —": a date and an agency opening the story
        rest = _DATELINE_REST.match(text, ref.end)
        return rest is not None and rest.group("agency") is not None
    return (
        len(head) <= 80
        and _DATELINE_PLACE.fullmatch(head) is not None
        and _DATELINE_REST.match(text, ref.end) is not None
    )


def _context(side: Side, ref: DateRef) -> set[str]:
    """Words of the dated clause plus the sentence before, which often names the actors."""
    keys = context(side, ref.start, ref.end)
    index = side.sentence_index(ref.start)
    if index > 0:
        prev = side.sentences[index - 1]
        keys |= content_keys(side.text, prev.start, prev.end)
    return keys


def shown_date(side: Side, ref: DateRef) -> tuple[str, tuple[int, int]]:
    """The reference as a reader sees it (with its "on", "since"…) and its span."""
    start = ref.start
    before = word_before(side, ref)
    if (
        before
        and before[0].casefold() in _PREPOSITIONS
        and not ref.text.casefold().startswith(before[0].casefold())
    ):
        start = before[1]
    return side.text[start : ref.end], (ref.start, ref.end)


def word_before(side: Side, ref: DateRef) -> tuple[str, int, int] | None:
    """The word right before a reference in its sentence ("on", "since"), if any."""
    before = words(side.text, side.sentence_span(ref.start)[0], ref.start)
    return before[-1] if before else None


# --- public helpers for views over several articles (the event's fact table) -----------


def stated_days(side: Side) -> list[DateRef]:
    """The article's body references to one day, in text order: what ``date_conflicts``
    compares (page stamps, site furniture, months and clock times left out)."""
    return [ref for ref, _ in _day_refs(side)]


class DayIndex(NamedTuple):
    """One article's day references with the words that say what each dates, whether
    each opens or closes a span (``span_bound``), and whether its clause looks back to
    it as the start of a period (``_looked_back_to``)."""

    dated: Dated
    contexts: dict[DateRef, set[str]]
    bounds: dict[DateRef, str]
    looked_back: dict[DateRef, bool]


@per_article
def day_index(side: Side) -> DayIndex:
    """Read once per article when it is paired with many (``paired_days``)."""
    dated = _day_refs(side)
    return DayIndex(
        dated,
        {r: _context(side, r) for r, _ in dated},
        {r: span_bound(side.text, side.sentence_span(r.start)[0], r) for r, _ in dated},
        {r: _looked_back_to(side, r) for r, _ in dated},
    )


#: "the worst flood since the dam burst on March 3": a day a clause looks back to as
#: the start of a period dates an earlier happening, not the story's own
#: (lexicon/period_openers.txt). A day right after the word ("deaths since
#: Monday") is read so too: on the annotated events it was a trap or pushed out a
#: listed claim each time it was set against the story's day.
_OPENERS = lexicon.words("period_openers")
_SINCE = re.compile(rf"\b(?:{'|'.join(sorted(map(re.escape, _OPENERS)))})\b", re.I)
_CLAUSE_BREAK = re.compile(r"[,;:(–—]|\s-\s|\b(?:and|but|while)\b", re.I)


def _looked_back_to(side: Side, ref: DateRef) -> bool:
    """Whether a word that opens a period ("since") comes before the day in its own
    clause: such a day is when an earlier happening began, which the other article
    may not tell at all, and is never the day it gives the story."""
    start = side.sentence_span(ref.start)[0]
    clause = side.text[start : ref.start]
    breaks = list(_CLAUSE_BREAK.finditer(clause))
    return bool(_SINCE.search(clause, breaks[-1].end() if breaks else 0))


def paired_days(
    sa: Side,
    sb: Side,
    aligned: set[tuple[int, int]],
    index_a: DayIndex | None = None,
    index_b: DayIndex | None = None,
) -> list[tuple[DateRef, DateRef]]:
    """Day references of the two articles that tell of one happening, one-to-one, best
    first — the same pairing ``date_conflicts`` makes, whether or not the days agree.
    ``index_a``/``index_b`` may pass the articles' ``day_index`` when already read."""
    ia = index_a if index_a is not None else day_index(sa)
    ib = index_b if index_b is not None else day_index(sb)
    if not ia.dated or not ib.dated:
        return []
    days = dict(ia.dated) | dict(ib.dated)
    refs_a, refs_b = [r for r, _ in ia.dated], [r for r, _ in ib.dated]
    # read by position: every reference is met once per reference of the other
    # article, and hashing a record (a tuple of many fields) is not free
    days_a, days_b = [days[x] for x in refs_a], [days[y] for y in refs_b]
    ctx_a, ctx_b = [ia.contexts[x] for x in refs_a], [ib.contexts[y] for y in refs_b]
    sentence_a, sentence_b = [x.sentence for x in refs_a], [y.sentence for y in refs_b]
    only_days = len({d for d in days_a}) == 1 and len({d for d in days_b}) == 1
    bound_a, bound_b = [ia.bounds[x] for x in refs_a], [ib.bounds[y] for y in refs_b]
    back_a, back_b = [ia.looked_back[x] for x in refs_a], [ib.looked_back[y] for y in refs_b]

    def score(i: int, j: int) -> float:
        if two_ends(bound_a[i], bound_b[j]):
            return 0.0  # "from Tuesday" and "until Thursday": the two ends of one span
        if back_a[i] != back_b[j]:
            return 0.0  # "since the fire broke out on Monday" dates no story of Friday
        verdict = same_day(days_a[i], days_b[j])
        if verdict is None:
            return 0.0
        s = float(len(ctx_a[i] & ctx_b[j]))
        if (sentence_a[i], sentence_b[j]) in aligned:
            s += ALIGNED_BONUS + (ONLY_DAY_BONUS if only_days else 0.0)
        return s + AGREE_BONUS if verdict else s

    matched = match_pairs(range(len(refs_a)), range(len(refs_b)), score, MIN_SCORE)
    return [(refs_a[i], refs_b[j]) for i, j, _ in matched]


def days_conflict(
    x: DateRef, y: DateRef, refs_a: Sequence[DateRef], refs_b: Sequence[DateRef]
) -> bool:
    """Whether two day references, taken as one happening, put it on different days
    (by the rule of ``date_conflicts``: not when each article also names the other's day).
    ``refs_a`` and ``refs_b`` are the two articles' ``stated_days``."""
    day_x, day_y = day_of(x), day_of(y)
    if day_x is None or day_y is None or same_day(day_x, day_y) is not False:
        return False
    dated_a = [(r, d) for r in refs_a if (d := day_of(r)) is not None]
    dated_b = [(r, d) for r in refs_b if (d := day_of(r)) is not None]
    return _unexplained(day_x, day_y, dated_a, dated_b)


def time_conflicts(sa: Side, sb: Side, aligned: set[tuple[int, int]]) -> list[Flag]:
    """Clock times of one claim that differ: "docked at 9:12 am" / "at 09:14 AM".

    Inside sentences that state one claim (aligned or linked); and, when each
    article gives one clock time only, those two wherever they sit if their
    sentences share a word: a story of one moment tells its time once. Only
    when both times carry a zone or neither does: two reports of one event
    without zones speak of the same local clock, while "17:12 GMT" against
    "12:12" may be one moment in two zones.
    """
    times_a = _times(sa)
    times_b = _times(sb)
    candidates = [
        (x, y) for i, j in sorted(aligned) for x in times_a.get(i, ()) for y in times_b.get(j, ())
    ]
    lone = _lone_times(sa, sb, times_a, times_b)
    # a time the other sentence tells too is that time, not another against it
    used = {ref for x, y in candidates if _clock_verdict(sa, x, sb, y) for ref in (x, y)}
    flags = []
    for x, y in candidates + lone:
        if x in used or y in used:
            continue
        verdict = _clock_verdict(sa, x, sb, y)
        if verdict is False and (
            _hedge_allows(sa.text, x, sb.text, y)
            or _round_allows(sa.text, x, sb.text, y)
            or _rounded_approximately(sa.text, x, sb.text, y)
        ):
            continue
        if verdict is False:
            used.update((x, y))
            summary = f"{one_line(x.text, 40)} vs {one_line(y.text, 40)}"
            span_a, span_b = (x.start, x.end), (y.start, y.end)
            if (x, y) in lone:  # no link shows the two claims: show the clause of each time
                span_a, span_b = clause_span(sa, span_a), clause_span(sb, span_b)
            flags.append(flag("date", summary, span_a, span_b))
    return flags


def _clock_verdict(sa: Side, x: DateRef, sb: Side, y: DateRef) -> bool | None:
    """Whether two clock times tell one moment; None when they cannot be compared: one
    with a zone and one without, or a time told by another place's clock ("4:20 pm
    (Dutch time)")."""
    if has_zone(x) != has_zone(y) or clock_label(sa.text, x) != clock_label(sb.text, y):
        return None
    return same_time(x, y) if has_zone(x) else x.value == y.value


#: Minutes a hedged clock time allows on its side ("just before 10", "shortly after 6").
HEDGE_MINUTES = 15
_CLOCK_HEDGES = lexicon.phrase_groups("clock_hedges")
_LONGEST_HEDGE = max(len(p.split()) for p in _CLOCK_HEDGES)


def _hedge_allows(text_a: str, x: DateRef, text_b: str, y: DateRef) -> bool:
    """Whether a hedge before either time reaches the other: "9:59 pm" against "just
    before 10 p.m." is one moment told two ways."""
    gap = _gap(x, y)
    if gap is None:
        return False
    return _reaches(_clock_hedge(text_a, x), gap) or _reaches(_clock_hedge(text_b, y), -gap)


#: Times named by a word rather than digits: "midnight" is how a newsroom rounds 11:52 pm.
ROUND_TIMES = frozenset({"midnight", "noon"})


def _round_allows(text_a: str, x: DateRef, text_b: str, y: DateRef) -> bool:
    """Whether one side names a round time ("at midnight", "around noon") with no hedge
    setting it on one side, and the other time lies within HEDGE_MINUTES of it: "the
    midnight blast" against "the blast at 11:48 p.m." is one moment. A "just after
    midnight" still stands against 11:56 p.m."""
    gap = _gap(x, y)
    if gap is None or abs(gap) > HEDGE_MINUTES:
        return False
    return any(
        _names_round_time(ref) and _clock_hedge(text, ref) in (None, APPROXIMATE)
        for text, ref in ((text_a, x), (text_b, y))
    )


#: The clock hedge that sets no side ("around", "about"), and the quarter hour an
#: approximate time is rounded to: "about 5:45" is a time to the minute rounded, never
#: a time told to five minutes ("around 9:45" / "around 9:50" are two readings).
APPROXIMATE = "approximate"
ROUNDED_TO_MINUTES = 15
#: A time told to this step of minutes ("9:45", "9:50") is itself a reading, not a time
#: to the minute that a quarter hour could round.
TOLD_TO_MINUTES = 5


def _rounded_approximately(text_a: str, x: DateRef, text_b: str, y: DateRef) -> bool:
    """ "about 5.45pm" against "5:43 p.m.": an approximate time on the quarter hour is
    a time to the minute rounded to it."""
    mx, my = _minutes(x.value or ""), _minutes(y.value or "")
    if mx is None or my is None or abs(_clock_gap(mx, my)) > ROUNDED_TO_MINUTES // 2:
        return False
    return any(
        rounded % ROUNDED_TO_MINUTES == 0
        and exact % TOLD_TO_MINUTES != 0
        and _clock_hedge(text, ref) == APPROXIMATE
        for text, ref, rounded, exact in ((text_a, x, mx, my), (text_b, y, my, mx))
    )


def _names_round_time(ref: DateRef) -> bool:
    return bool(set(ref.text.casefold().split()) & ROUND_TIMES)


def _reaches(hedge: str | None, gap: int) -> bool:
    """Whether a time hedged with ``hedge`` allows the other time ``gap`` minutes after it."""
    if hedge == "before":
        return -HEDGE_MINUTES <= gap <= 0
    if hedge == "after":
        return 0 <= gap <= HEDGE_MINUTES
    return False


def _clock_hedge(text: str, ref: DateRef) -> str | None:
    before = text[max(0, ref.start - 40) : ref.start].casefold().split()
    for n in range(_LONGEST_HEDGE, 0, -1):
        found = _CLOCK_HEDGES.get(" ".join(before[-n:])) if len(before) >= n else None
        if found:
            return found
    return None


def _gap(x: DateRef, y: DateRef) -> int | None:
    """Minutes from time ``x`` to time ``y`` on a clock, zones applied (-720 to 720)."""
    mx, my = _minutes(x.value or ""), _minutes(y.value or "")
    if mx is None or my is None:
        return None
    return _clock_gap(mx, my)


def _clock_gap(mx: int, my: int) -> int:
    """Minutes from clock minute ``mx`` to ``my``, the short way round (-720 to 720)."""
    return (my - mx + 720) % 1440 - 720


def _minutes(value: str) -> int | None:
    """ "21:59" → 1319; "17:12+02:00" → the same moment in UTC minutes."""
    try:
        moment = dt.time.fromisoformat(value)
    except ValueError:
        return None
    minutes = moment.hour * 60 + moment.minute
    offset = moment.utcoffset()
    return minutes - int(offset.total_seconds() // 60) if offset is not None else minutes


def _lone_times(
    sa: Side, sb: Side, times_a: dict[int, list[DateRef]], times_b: dict[int, list[DateRef]]
) -> list[tuple[DateRef, DateRef]]:
    """The one clock time each article gives, when the words around them meet; else the
    one time each gives the happening itself ("broke out at 2:10 am"): a story of other
    moments too (a rescue, a briefing) still tells once when the event struck."""
    lone_a = [x for refs in times_a.values() for x in refs]
    lone_b = [y for refs in times_b.values() for y in refs]
    if len({x.value for x in lone_a}) != 1 or len({y.value for y in lone_b}) != 1:
        lone_a = [x for x in lone_a if _tells_onset(sa, x)]
        lone_b = [y for y in lone_b if _tells_onset(sb, y)]
        if len({x.value for x in lone_a}) != 1 or len({y.value for y in lone_b}) != 1:
            return []
    x, y = lone_a[0], lone_b[0]
    if not context(sa, x.start, x.end) & context(sb, y.start, y.end):
        return []
    return [(x, y)]


#: Words that tell when a happening began (lexicon/onset_verbs.txt), and how many words
#: from a clock time they may stand in its sentence.
ONSET_WORDS = lexicon.words("onset_verbs")
ONSET_REACH = 8


def _tells_onset(side: Side, ref: DateRef) -> bool:
    """Whether a clock time is when the happening began: a word of onset near it."""
    s0, s1 = side.sentence_span(ref.start)
    before = [w.casefold() for w, _, _ in words(side.text, s0, ref.start)][-ONSET_REACH:]
    after = [w.casefold() for w, _, _ in words(side.text, ref.end, s1)][:ONSET_REACH]
    for near in (before, after):
        pairs = {f"{x} {y}" for x, y in zip(near, near[1:], strict=False)}
        if not ONSET_WORDS.isdisjoint(near) or not ONSET_WORDS.isdisjoint(pairs):
            return True
    return False


def _times(side: Side) -> dict[int, list[DateRef]]:
    """Each sentence's clock times, less a time in brackets right after another: "10:30
    p.m. (11:30 p.m. ET)" is one moment told by a second clock, not a second time."""
    found: dict[int, list[DateRef]] = {}
    previous: DateRef | None = None
    for ref in side.facts.dates:
        if ref.kind != "time" or not ref.value:
            continue
        if previous is None or not _second_clock(side, previous, ref):
            found.setdefault(ref.sentence, []).append(ref)
        previous = ref
    return found


_BRACKET_REACH = 4  # characters: a bracket and the spaces before a time inside it


def _second_clock(side: Side, previous: DateRef, ref: DateRef) -> bool:
    """A time opening brackets after another time of its sentence: "8:40 p.m. on Friday
    (12:40 a.m. Saturday in Auckland)" tells one moment by a reader's clock."""
    before = side.text[max(0, ref.start - _BRACKET_REACH) : ref.start]
    return ref.sentence == previous.sentence and before.rstrip().endswith("(")
