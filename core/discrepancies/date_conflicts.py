"""The same happening put on different days by the two articles.

Day references are paired by what their sentences say (shared words, aligned
sentences) and, because a news lede almost always dates the story's main
event, the first dated sentence of each body is paired preferentially. Only
references that name one day each are compared: a weekday against a weekday
or a resolved date; months and "last week" never conflict.
"""

from __future__ import annotations

from core.discrepancies.dates import Day, day_of, same_day
from core.discrepancies.flag import Flag, flag
from core.discrepancies.side import Side
from core.discrepancies.subject import ALIGNED_BONUS, context, match_pairs
from core.discrepancies.text import content_keys, one_line, words
from core.facts.model import DateRef

MIN_SCORE = 4.0  # shared clause words (+ bonuses) to call two references one happening
LEDE_BONUS = 2.0
_PREPOSITIONS = frozenset({"on", "last", "next", "this", "since", "by", "until", "early", "late"})


def date_conflicts(sa: Side, sb: Side, aligned: set[tuple[int, int]]) -> list[Flag]:
    da = _day_refs(sa)
    db = _day_refs(sb)
    if not da or not db:
        return []
    lede_a, lede_b = da[0][0], db[0][0]
    ctx_a = {r: _context(sa, r) for r, _ in da}
    ctx_b = {r: _context(sb, r) for r, _ in db}
    days = dict(da) | dict(db)

    def score(x: DateRef, y: DateRef) -> float:
        if same_day(days[x], days[y]) is None:
            return 0.0
        s = float(len(ctx_a[x] & ctx_b[y]))
        if (x.sentence, y.sentence) in aligned:
            s += ALIGNED_BONUS
        if x is lede_a and y is lede_b:
            s += LEDE_BONUS
        return s

    flags = []
    for x, y, _ in match_pairs([r for r, _ in da], [r for r, _ in db], score, MIN_SCORE):
        if same_day(days[x], days[y]) is False:
            ta, wa = _shown(sa, x)
            tb, wb = _shown(sb, y)
            flags.append(flag("date", f"{one_line(ta, 60)} vs {one_line(tb, 60)}", wa, wb))
    return flags


def _day_refs(side: Side) -> list[tuple[DateRef, Day]]:
    """Day-level references in the body, in text order (stamps and furniture left out)."""
    out = []
    for ref in side.facts.dates:
        day = day_of(ref)
        if day is None or _is_stamp(side, ref):
            continue
        out.append((ref, day))
    return out


def _is_stamp(side: Side, ref: DateRef) -> bool:
    """A dateline or "Updated:" line dates the page, not the event."""
    if not side.sentences:
        return False
    sentence = side.sentences[min(ref.sentence, len(side.sentences) - 1)]
    if sentence.boilerplate:
        return True
    rest = content_keys(side.text, sentence.start, ref.start) | content_keys(
        side.text, ref.end, sentence.end
    )
    return len(rest) < 3


def _context(side: Side, ref: DateRef) -> set[str]:
    """Words of the dated clause plus the sentence before, which often names the actors."""
    keys = context(side, ref.start, ref.end)
    index = side.sentence_index(ref.start)
    if index > 0:
        prev = side.sentences[index - 1]
        keys |= content_keys(side.text, prev.start, prev.end)
    return keys


def _shown(side: Side, ref: DateRef) -> tuple[str, tuple[int, int]]:
    start = ref.start
    before = words(side.text, side.sentence_span(ref.start)[0], ref.start)[-1:]
    if (
        before
        and before[0][0].casefold() in _PREPOSITIONS
        and not ref.text.casefold().startswith(before[0][0].casefold())
    ):
        start = before[0][1]
    return side.text[start : ref.end], (ref.start, ref.end)
