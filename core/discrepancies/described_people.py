"""One person described two ways: as a man and as a woman, in office and out of it.

The name finders compare names; a report of a death or an arrest often names
nobody and describes the person instead ("an elderly man", "a woman of 65").
When two linked sentences describe their people only as men on one side and
only as women on the other, they report different people, or one of them is
wrong — an entity discrepancy. Likewise one name given a past title on one
side ("former minister Ana Ruiz") and the bare same title on the other
("Minister Ana Ruiz"): the two articles disagree about what the person is now.
A past office beside another title ("ousted leader" / "Colonel", "former
minister" / "Ms") is two facts about one person, not a conflict.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from core import lexicon
from core.discrepancies.flag import Flag, flag
from core.discrepancies.side import Side, per_article
from core.discrepancies.text import one_line, words
from core.facts.fact_records import Entity
from core.facts.names import PERSON_TITLES
from core.model import Span

GENDER = lexicon.groups("people_gender")
PAST = lexicon.words("past_titles")
WEIGHT = 0.9
#: Words before a name read for its title: "the former prime minister Ana Ruiz", "former
#: National Hockey League goalie Tomas Reyes" (an organisation named inside the title).
TITLE_WORDS = 6


def gender_conflicts(sa: Side, sb: Side, sentence_pairs: Iterable[tuple[int, int]]) -> list[Flag]:
    flags = []
    used: set[tuple[int, int]] = set()
    for i, j in sorted(set(sentence_pairs)):
        if (0, i) in used or (1, j) in used:
            continue
        found_a, found_b = _described(sa, i), _described(sb, j)
        if len(found_a) != 1 or len(found_b) != 1:
            continue  # none, or men and women both: nothing one-to-one to compare
        (ga, span_a), (gb, span_b) = next(iter(found_a.items())), next(iter(found_b.items()))
        if ga == gb:
            continue
        used.update({(0, i), (1, j)})
        a_text, b_text = sa.text[span_a[0] : span_a[1]], sb.text[span_b[0] : span_b[1]]
        summary = f"described as {ga} vs {gb}: {one_line(a_text, 40)} vs {one_line(b_text, 40)}"
        flags.append(flag("entity", summary, span_a, span_b, severity="medium", weight=WEIGHT))
    return flags


def _described(side: Side, index: int) -> dict[str, Span]:
    """Gender → the first noun phrase describing a person so, in one sentence."""
    s = side.sentences[index]
    return _described_in(side.text, s.start, s.end)


@lru_cache(maxsize=32768)
def _described_in(text: str, sentence_start: int, sentence_end: int) -> dict[str, Span]:
    """``_described`` of one sentence, remembered: every linked pair of sentences asks
    (callers only read the answer)."""
    found: dict[str, Span] = {}
    previous: tuple[int, int] | None = None
    for w, start, end in words(text, sentence_start, sentence_end):
        gender = GENDER.get(w.casefold())
        if gender and w[:1].islower() and gender not in found:
            # the word before ("old man", "65-year-old woman") says which one
            found[gender] = (previous[0] if previous else start, end)
        previous = (start, end)
    return found


def status_conflicts(sa: Side, sb: Side) -> list[Flag]:
    """A name given a past title ("former …") on one side and a bare title on the other."""
    flags = []
    past_a, bare_a = _titles(sa)
    past_b, bare_b = _titles(sb)
    for key in sorted(past_a.keys() & bare_b.keys() - past_b.keys()):
        if past_a[key][1] == bare_b[key][1]:
            flags.append(_status_flag(sa, sb, past_a[key][0], bare_b[key][0]))
    for key in sorted(past_b.keys() & bare_a.keys() - past_a.keys()):
        if past_b[key][1] == bare_a[key][1]:
            flags.append(_status_flag(sa, sb, bare_a[key][0], past_b[key][0]))
    return flags


def _status_flag(sa: Side, sb: Side, a: Span, b: Span) -> Flag:
    summary = f"title: {one_line(sa.text[a[0] : a[1]], 50)} vs {one_line(sb.text[b[0] : b[1]], 50)}"
    return flag("entity", summary, a, b, severity="medium", weight=WEIGHT)


_WORD_RE = re.compile(r"[A-Za-z][\w.-]*")
_JOINERS = frozenset({"and", "or", "but", "with"})


Titled = tuple[Span, str]  # a mention with its title, and the office word of the title


@per_article
def _titles(side: Side) -> tuple[dict[str, Titled], dict[str, Titled]]:
    """People's keys → first mention with a past title, and first with a bare title."""
    past: dict[str, Titled] = {}
    bare: dict[str, Titled] = {}
    for e in side.facts.entities:
        if e.label != "person":
            continue
        title = _title_before(side, e)
        if title is not None:
            start, is_past, office = title
            (past if is_past else bare).setdefault(e.key, ((start, e.end), office))
    return past, bare


def _title_before(side: Side, e: Entity) -> tuple[int, bool, str] | None:
    """Where the title right before a name starts ("President", "former president",
    "ex-minister"), whether it is a past one, and its office word ("president",
    "minister"); None when no title precedes it."""
    sentence_start = side.sentence_span(e.start)[0]
    lo = max(sentence_start, e.start - 60)
    run: list[tuple[str, int]] = []  # (word, start), nearest the name first
    end = e.start
    for m in reversed(list(_WORD_RE.finditer(side.text, lo, e.start))):
        if side.text[m.end() : end].strip(" -") or len(run) == TITLE_WORDS:
            break  # punctuation or another phrase between
        if m.group().casefold() in _JOINERS:
            break  # "former president Ana Ruiz and minister Tomas Berg": two titles
        run.append((m.group().casefold(), m.start()))
        end = m.start()
    roles = [i for i, (w, _) in enumerate(run) if _role(w)]
    if not roles or roles[0] != 0:
        return None  # the word right before the name must be a title
    office = _office(run[roles[-1]][0])
    qualifiers = [(w, at) for w, at in run[roles[-1] :] if _past(w)]
    if qualifiers:
        return qualifiers[-1][1], True, office
    return run[roles[-1]][1], False, office


def _office(word: str) -> str:
    """The title word without a past prefix: "ex-minister" holds the office "minister"."""
    parts = word.split("-")
    return parts[-1] if len(parts) > 1 and _past(parts[0]) else word


def _role(word: str) -> bool:
    return word in PERSON_TITLES or any(part in PERSON_TITLES for part in word.split("-"))


def _past(word: str) -> bool:
    return word in PAST or word.split("-")[0] in PAST
