"""Discrepancies inside aligned passages: the token changes, typed and merged.

A change is typed by what it touches — a figure, a date, words inside a
quotation on both sides, an attribution phrase, a negator, a name — and
neighbouring changes of one type become one discrepancy so a rewritten quote
is one line, not five. Paraphrased passages (most words changed) report only
typed changes: their wording differences are the paraphrase itself.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import NamedTuple

from core.discrepancies.dates import day_of, same_day, same_time
from core.discrepancies.flag import Flag, flag
from core.discrepancies.quantities import agree
from core.discrepancies.side import Side, overlapping
from core.discrepancies.text import NEGATORS, is_function_word, one_line, trim, widen, words
from core.model import Alignment, Change, Span

PARAPHRASE_RATIO = 0.5  # above this share of changed words a passage is a rewrite
MERGE_GAP_WORDS = 4  # changes of one kind this close read as one edit
_DATE_WORD_RE = re.compile(
    r"^(?:mon|tues|wednes|thurs|fri|satur|sun)day$|^(?:jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)\.?$"
    r"|^(?:january|february|march|april|may|june|july|august|september|october|november|december)$"
    r"|^(?:yesterday|today|tomorrow|tonight)$",
    re.I,
)
_DATE_PREPOSITIONS = frozenset({"on", "last", "next", "this", "since", "by", "until", "early", "late", "in"})


class Typed(NamedTuple):
    kind: str
    change: Change


def passage_flags(sa: Side, sb: Side, alignments: Sequence[Alignment]) -> list[Flag]:
    found: list[Flag] = []
    for index, alignment in enumerate(alignments):
        found.extend(_alignment_flags(sa, sb, index, alignment))
    return found


def _alignment_flags(sa: Side, sb: Side, index: int, alignment: Alignment) -> list[Flag]:
    changes = [c for c in alignment.changes if not c.cosmetic]
    if not changes:
        return []
    paraphrase = _changed_ratio(sa, sb, alignment, changes) > PARAPHRASE_RATIO
    typed = [Typed(kind, c) for c in changes if (kind := _classify(sa, sb, c))]
    if paraphrase:
        typed = [t for t in typed if t.kind not in ("wording", "entity")]
    flags = []
    for group in _merge(sa, typed):
        made = _group_flag(sa, sb, index, group)
        if made:
            flags.append(made)
    return flags


def _changed_ratio(sa: Side, sb: Side, alignment: Alignment, changes: list[Change]) -> float:
    total = sum(len(words(sa.text, s, e)) for s, e in alignment.a)
    total += sum(len(words(sb.text, s, e)) for s, e in alignment.b)
    changed = sum(
        len(words(sa.text, c.a_start, c.a_end)) + len(words(sb.text, c.b_start, c.b_end)) for c in changes
    )
    return changed / total if total else 0.0


# --- typing one change ---------------------------------------------------------


def _classify(sa: Side, sb: Side, c: Change) -> str | None:
    wa = [w for w, _, _ in words(sa.text, c.a_start, c.a_end)]
    wb = [w for w, _, _ in words(sb.text, c.b_start, c.b_end)]
    if not wa and not wb:
        return None
    if _negators(wa) != _negators(wb):
        return "negation"
    if overlapping(sa.facts.quantities, c.a_start, c.a_end) or overlapping(
        sb.facts.quantities, c.b_start, c.b_end
    ):
        return "number"
    if _touches_date(sa, c.a_start, c.a_end, wa) or _touches_date(sb, c.b_start, c.b_end, wb):
        return "date"
    if _in_quote(sa, c.a_start, c.a_end) and _in_quote(sb, c.b_start, c.b_end):
        return "quote"
    if overlapping(sa.facts.attributions, c.a_start, c.a_end) or overlapping(
        sb.facts.attributions, c.b_start, c.b_end
    ):
        return "attribution"
    if all(is_function_word(w) for w in wa + wb):
        return None
    if overlapping(sa.facts.entities, c.a_start, c.a_end) or overlapping(
        sb.facts.entities, c.b_start, c.b_end
    ):
        return "entity"
    return "wording"


def _negators(ws: list[str]) -> set[str]:
    return {w.casefold().replace("’", "'") for w in ws if w.casefold().replace("’", "'") in NEGATORS}


def _touches_date(side: Side, start: int, end: int, ws: list[str]) -> bool:
    if overlapping(side.facts.dates, start, end):
        return True
    return any(_DATE_WORD_RE.match(w) for w in ws)


def _in_quote(side: Side, start: int, end: int) -> bool:
    return any(q.start <= start and end <= q.end for q in side.facts.quotes)


# --- merging -------------------------------------------------------------------


def _merge(sa: Side, typed: list[Typed]) -> list[list[Typed]]:
    groups: list[list[Typed]] = []
    for t in sorted(typed, key=lambda t: (t.change.a_start, t.change.b_start)):
        last = groups[-1][-1] if groups else None
        if last and last.kind == t.kind and _close(sa, last.change, t.change, t.kind):
            groups[-1].append(t)
        else:
            groups.append([t])
    return groups


def _close(sa: Side, first: Change, second: Change, kind: str) -> bool:
    if kind == "quote":
        return any(
            q.start <= first.a_start and second.a_end <= q.end for q in sa.facts.quotes
        )
    gap = words(sa.text, first.a_end, second.a_start)
    return len(gap) <= MERGE_GAP_WORDS and sa.sentence_index(first.a_end) == sa.sentence_index(
        second.a_start
    )


# --- one discrepancy per group -----------------------------------------------------


def _group_flag(sa: Side, sb: Side, index: int, group: list[Typed]) -> Flag | None:
    kind = group[0].kind
    a_span = (group[0].change.a_start, group[-1].change.a_end)
    b_span = (group[0].change.b_start, group[-1].change.b_end)
    if kind == "number":
        return _number_flag(sa, sb, index, a_span, b_span)
    if kind == "date":
        return _date_flag(sa, sb, index, a_span, b_span)
    if kind == "attribution":
        return _attribution_flag(sa, sb, index, a_span, b_span)
    before, after = _context_words(kind, sa, sb, a_span, b_span)
    ta, wa = _shown(sa, a_span, before, after)
    tb, wb = _shown(sb, b_span, before, after)
    severity = None
    if kind == "quote" and all(is_function_word(w) for w in _changed_words(sa, sb, group)):
        severity = "medium"
    weight = 1.0 + 0.1 * len(_changed_words(sa, sb, group))
    return flag(kind, _summary(kind, ta, tb), wa, wb, index, severity, weight)


def _changed_words(sa: Side, sb: Side, group: list[Typed]) -> list[str]:
    out = []
    for t in group:
        c = t.change
        out += [w for w, _, _ in words(sa.text, c.a_start, c.a_end)]
        out += [w for w, _, _ in words(sb.text, c.b_start, c.b_end)]
    return out


def _context_words(kind: str, sa: Side, sb: Side, a_span: Span, b_span: Span) -> tuple[int, int]:
    short = max(len(words(sa.text, *a_span)), len(words(sb.text, *b_span))) <= 2
    if a_span[0] == a_span[1] or b_span[0] == b_span[1]:
        return 1, 1
    if kind == "negation":
        return 2, 2
    return (1, 1) if short else (0, 0)


def _shown(side: Side, span: Span, before: int, after: int) -> tuple[str, Span]:
    """The excerpt a reader sees (with context words) and the span to highlight."""
    bounds = side.sentence_span(span[0])
    shown = widen(side.text, span, before, after, bounds)
    highlight = trim(side.text, span) if span[0] < span[1] else trim(side.text, shown)
    return side.text[shown[0] : shown[1]], highlight


def _summary(kind: str, ta: str, tb: str) -> str:
    a, b = one_line(ta or "—", 70), one_line(tb or "—", 70)
    if kind in ("quote", "negation", "wording"):
        prefix = "" if kind == "wording" else f"{kind}: "
        return f'{prefix}"{a}" vs "{b}"'
    return f"{a} vs {b}"


def _number_flag(sa: Side, sb: Side, index: int, a_span: Span, b_span: Span) -> Flag | None:
    qa = overlapping(sa.facts.quantities, *a_span)
    qb = overlapping(sb.facts.quantities, *b_span)
    if qa and qb:
        if len(qa) == len(qb) and all(agree(x, y) for x, y in zip(qa, qb, strict=True)):
            return None
        summary = f"{one_line(qa[0].text, 60)} vs {one_line(qb[0].text, 60)}"
        return flag("number", summary, (qa[0].start, qa[-1].end), (qb[0].start, qb[-1].end), index)
    ta, wa = _shown(sa, a_span, 0, 1)
    tb, wb = _shown(sb, b_span, 0, 1)
    return flag("number", _summary("number", ta, tb), wa, wb, index, severity="medium", weight=0.8)


def _date_flag(sa: Side, sb: Side, index: int, a_span: Span, b_span: Span) -> Flag | None:
    da = overlapping(sa.facts.dates, *a_span)
    db = overlapping(sb.facts.dates, *b_span)
    verdict = _dates_verdict(da, db)
    if verdict is True:
        return None
    ta, wa = _shown(sa, _with_preposition(sa, a_span), 0, 0)
    tb, wb = _shown(sb, _with_preposition(sb, b_span), 0, 0)
    if a_span[0] == a_span[1] or b_span[0] == b_span[1]:
        ta, wa = _shown(sa, a_span, 1, 1)
        tb, wb = _shown(sb, b_span, 1, 1)
    severity = "high" if verdict is False else "low"
    return flag("date", _summary("date", ta, tb), wa, wb, index, severity)


def _dates_verdict(da: list, db: list) -> bool | None:
    """True: the same moment; False: a conflict; None: the engine cannot tell."""
    if not da or not db:
        return None
    a, b = da[0], db[0]
    if a.kind == "time" or b.kind == "time":
        return same_time(a, b)
    day_a, day_b = day_of(a), day_of(b)
    if day_a is None or day_b is None:
        return None
    return same_day(day_a, day_b)


def _with_preposition(side: Side, span: Span) -> Span:
    if span[0] == span[1]:
        return span
    before = words(side.text, side.sentence_span(span[0])[0], span[0])[-1:]
    if before and before[0][0].casefold() in _DATE_PREPOSITIONS:
        return (before[0][1], span[1])
    return span


def _attribution_flag(sa: Side, sb: Side, index: int, a_span: Span, b_span: Span) -> Flag | None:
    fa = overlapping(sa.facts.attributions, *a_span)
    fb = overlapping(sb.facts.attributions, *b_span)
    if fa and fb and {f.source_key for f in fa} & {f.source_key for f in fb}:
        return None  # the same source, worded differently
    if fa and fb:
        summary = f"attribution: {one_line(fa[0].text, 60)} vs {one_line(fb[0].text, 60)}"
        return flag("attribution", summary, (fa[0].start, fa[0].end), (fb[0].start, fb[0].end), index)
    ta, wa = _shown(sa, a_span, 1, 1)
    tb, wb = _shown(sb, b_span, 1, 1)
    return flag("attribution", f"attribution: {one_line(ta, 60)} vs {one_line(tb, 60)}", wa, wb, index)
