"""Named people, organisations and places, merged by surname within the article.

Names are runs of capitalised words. Titles are stripped so "Secretary of
State Antony Blinken" and "Secretary Blinken" are both Blinken, and a lone
surname joins the full name it belongs to. Without a tagger, labels come
from small word lists and from how the name is used (a title means a person).
"""

from __future__ import annotations

import math
import re
from bisect import bisect_left, bisect_right
from functools import lru_cache
from typing import NamedTuple

from core.facts.context import Context
from core.facts.dates import MONTHS, WEEKDAYS
from core.facts.fact_records import Entity
from core.facts.names import (
    COMPASS,
    CORPORATE_SUFFIXES,
    EVENT_HEADS,
    JOINING_HEADS,
    NATIONALITIES,
    ORG_WORDS,
    OTHER_WORDS,
    PERSON_TITLES,
    PLACE_WORDS,
    PLACES,
    TIME_ZONES,
    TITLE_MODIFIERS,
    fold,
    org_key,
    surname_key,
)
from core.facts.nouns import STOP_WORDS

_CAPITALISED = re.compile(r"(?<![\w'’\-])(?:(?:[A-Z]\.){2,}|[^\W\d_a-zß-öø-ÿ][\w'’\-]*\.?)")
_CONNECTOR_GAP = re.compile(
    r"[ \u00a0](?:(?:of|for|de|du|da|la|le|van|von|der|den|bin|ibn|al|the)[ \u00a0])+"
)
_CONNECTOR_WORD = re.compile(r"[a-z]+")
_CONNECTORS = frozenset(
    {
        "of",
        "for",
        "de",
        "du",
        "da",
        "la",
        "le",
        "van",
        "von",
        "der",
        "den",
        "bin",
        "ibn",
        "al",
        "the",
    }
)
_ABBREVIATED = re.compile(
    r"(?:[A-Z]\.){2,}|[A-Z]\.|(?:Mr|Mrs|Ms|Dr|Prof|Sen|Rep|Gov|Gen|Col|Capt|Lt|Sgt|St|Jr|Sr|No|Co|Corp|Inc|Ltd)\."
)
_POSSESSIVE = re.compile(r"['’]s?$")
_PLACE_PREPOSITIONS = frozenset({"in", "from", "near", "to", "across", "outside", "inside", "into"})
_CALENDAR = frozenset(MONTHS) | frozenset(WEEKDAYS)
_THE_BEFORE = re.compile(r"\b[Tt]he\s$")
_LEADING_NOISE = _CALENDAR | {"the"}
_TRAILING_NOISE = _CALENDAR | _CONNECTORS
_NOT_PERSONAL = ORG_WORDS | OTHER_WORDS | PLACES | PLACE_WORDS | CORPORATE_SUFFIXES | _CONNECTORS
_DESCRIPTIVE = NATIONALITIES | PERSON_TITLES | TITLE_MODIFIERS | TIME_ZONES
_FUNCTION_WORDS = STOP_WORDS - {"north", "south", "east", "west", "us", "up"}
_COMPASS_POINTS = frozenset({"north", "south", "east", "west"})  # "West Bengal", not "Northern Tern"
_TITLE_CASE_WORD = re.compile(r"\b[^\W\d_][\w'’\-]{3,}")


class _LowercaseUse:
    """Answers "is this word also written in lower case somewhere?" from the word index."""

    def __init__(self, context: Context) -> None:
        self._text = context.text
        self._index = context.index
        self._known: dict[str, bool] = {}

    def __contains__(self, word: str) -> bool:
        if word not in self._known:
            offsets = self._index.get(word, ())
            self._known[word] = any(self._text[offset].islower() for offset in offsets)
        return self._known[word]


class _Name(NamedTuple):
    start: int
    end: int
    tokens: tuple[str, ...]
    titled: bool
    determined: bool = False  # written after "the": a ship, a team, a paper — not a person


def extract_entities(context: Context) -> list[Entity]:
    """Every name in the article, each keyed so mentions of one person share the key."""
    text = context.text
    lowercase_words = _LowercaseUse(context)
    headlines = _title_case_lines(text)
    runs = _runs(text)
    body_runs = [run for run in runs if not _inside(run[0].start, headlines)]
    names = [name for run in body_runs if (name := _clean(text, run, lowercase_words, context))]
    known = _mid_sentence_words(text, names)
    names = [name for name in names if not _unconfirmed_start(text, name, known, context)]
    determined = {name.tokens for name in names if name.determined}
    names = [
        n._replace(determined=True) if n.tokens in determined and not n.titled else n for n in names
    ]
    people = _people(names)
    known |= set(people)
    names += _headline_names(text, runs, headlines, known)
    names.sort()
    entities = []
    for name in names:
        label, key = _label_and_key(text, name, people)
        if not key or context.in_boilerplate(name.start, name.end):
            continue
        entities.append(
            Entity(
                name.start,
                name.end,
                text[name.start : name.end],
                key,
                label,
                context.sentence_of(name.start),
            )
        )
    return _harmonise(entities)


_LABEL_RANK = {"person": 0, "org": 1, "place": 2, "other": 3}


def _harmonise(entities: list[Entity]) -> list[Entity]:
    """One label per key, and a lone first word of a company joins it ("Activision")."""
    firsts = {}
    for entity in entities:
        words = entity.key.split()
        if entity.label == "org" and len(words) > 1:
            firsts.setdefault(words[0], entity.key)
    merged = [
        e._replace(key=firsts[e.key], label="org") if e.label != "person" and e.key in firsts else e
        for e in entities
    ]
    best: dict[str, str] = {}
    for entity in merged:
        if entity.key not in best or _LABEL_RANK[entity.label] < _LABEL_RANK[best[entity.key]]:
            best[entity.key] = entity.label
    return [e._replace(label=best[e.key]) for e in merged]


def _title_case_lines(text: str) -> list[tuple[int, int]]:
    """Lines written In Title Case, where capitals say nothing about names."""
    spans = []
    for line in re.finditer(r"[^\n]+", text):
        if len(line.group()) > 250:
            continue
        words = _TITLE_CASE_WORD.findall(line.group())
        capitals = sum(1 for w in words if w[0].isupper())
        lower = len(words) - capitals
        if line.group().rstrip().endswith((".", "!", "?")) or len(words) > 25:
            continue
        if (lower == 0 and capitals >= 3) or (lower == 1 and capitals >= 6):
            spans.append(line.span())
    return spans


def _inside(offset: int, spans: list[tuple[int, int]]) -> bool:
    """Whether ``offset`` lies in one of ``spans`` (sorted, non-overlapping)."""
    index = bisect_right(spans, (offset, math.inf))
    return index > 0 and spans[index - 1][0] <= offset < spans[index - 1][1]


def _mid_sentence_words(text: str, names: list[_Name]) -> set[str]:
    """Folded words seen capitalised where capitals are not forced by position."""
    known = set()
    for name in names:
        if not _at_start(text, name.start) or len(name.tokens) > 1:
            known.update(fold(w) for w in name.tokens)
    return known


def _unconfirmed_start(text: str, name: _Name, known: set[str], context: Context) -> bool:
    """A lone capitalised word opening a sentence that nothing else shows to be a name."""
    if len(name.tokens) > 1 or name.titled:
        return False
    word = fold(name.tokens[0])
    if len(word) < 2 or (word.endswith("ly") and word not in known):
        return True
    if word in known or word in PLACES or _is_acronym(name.tokens[0]):
        return False
    return _at_start(text, name.start) or context.sentence_span(name.start)[0] == name.start


def _at_start(text: str, offset: int) -> bool:
    before = text[max(0, offset - 3) : offset].rstrip(" \"'“‘(")
    return not before or before[-1] in ".!?\n:—–-•"


def _headline_names(
    text: str, runs: list[list[_Token]], headlines: list[tuple[int, int]], known: set[str]
) -> list[_Name]:
    """In title-case lines, only words already known as names from the body."""
    names = []
    for run in runs:
        if not _inside(run[0].start, headlines):
            continue
        for token in run:
            if fold(token.word) in known or _is_acronym(token.word):
                names.append(
                    _Name(token.start, token.start + len(token.word), (token.word,), False)
                )
    return names


class _Token(NamedTuple):
    start: int
    end: int
    raw: str  # as written: "Russia’s", "U.S.", "Ukraine."
    word: str  # without possessive or sentence-final period


def _runs(text: str) -> list[list[_Token]]:
    """Runs of capitalised tokens joined only by spaces and name connectors.

    Only capitalised tokens are visited (the pattern skips lower-case text
    in C); connectors such as "of" are read from the gap between two of them.
    """
    runs: list[list[_Token]] = []
    current: list[_Token] = []
    for match in _CAPITALISED.finditer(text):
        raw = match.group()
        token = _Token(match.start(), match.end(), raw, _bare_word(raw))
        word = token.word
        if not word[:1].isupper() or (not word.isupper() and word.lower() in _FUNCTION_WORDS):
            _close(runs, current)
            current = []
            continue
        connectors = _joining_gap(text, current[-1], token) if current else None
        if connectors is None:
            _close(runs, current)
            current = [token]
        else:
            current.extend(connectors)
            current.append(token)
        if word != raw and not raw.endswith("."):  # a possessive ends the name
            _close(runs, current)
            current = []
    _close(runs, current)
    return runs


def _joining_gap(text: str, previous: _Token, token: _Token) -> list[_Token] | None:
    """The connector tokens between two capitalised tokens of one name, or None if they part."""
    if previous.raw.endswith(".") and previous.raw == previous.word + ".":
        return None  # a sentence ended
    gap_start, gap_end = previous.end, token.start
    if gap_end - gap_start == 1 and text[gap_start] in " \u00a0":
        return []
    if not _CONNECTOR_GAP.fullmatch(text, gap_start, gap_end):
        return None
    if fold(previous.word) not in JOINING_HEADS:
        return None
    return [
        _Token(m.start(), m.end(), m.group(), m.group())
        for m in _CONNECTOR_WORD.finditer(text, gap_start, gap_end)
    ]


def _close(runs: list[list[_Token]], run: list[_Token]) -> None:
    if run:
        runs.append(run)


@lru_cache(maxsize=8192)
def _bare_word(word: str) -> str:
    """A token without its sentence-final period or possessive ("Russia’s" → "Russia")."""
    if not word.endswith((".", "s", "'", "’")):
        return word
    if word.endswith(".") and not _ABBREVIATED.fullmatch(word):
        word = word[:-1]
    return _POSSESSIVE.sub("", word)


def _clean(
    text: str, run: list[_Token], lowercase_words: _LowercaseUse, context: Context
) -> _Name | None:
    """Drop sentence-initial common words, calendar words and titles from a run."""
    first = 0
    while first < len(run) and _is_common_start(text, run[first], lowercase_words, context):
        first += 1
    tokens = run[first:]
    trimmed = _trim(tuple(t.word for t in tokens))
    if trimmed is None:
        return None
    lead, trail, titled = trimmed
    kept = tokens[lead:trail]
    determined = (
        not titled
        and _THE_BEFORE.search(text, max(0, kept[0].start - 4), kept[0].start) is not None
    )
    return _Name(
        kept[0].start,
        kept[-1].start + len(kept[-1].word),
        tuple(t.word for t in kept),
        titled,
        determined,
    )


@lru_cache(maxsize=4096)
def _trim(words: tuple[str, ...]) -> tuple[int, int, bool] | None:
    """Which words of a run are the name: (first, end, titled), None when none are."""
    lead, trail = 0, len(words)
    while lead < trail and words[lead].lower() in _LEADING_NOISE:
        lead += 1
    while trail > lead and words[trail - 1].lower() in _TRAILING_NOISE:
        trail -= 1
    if lead == trail:
        return None
    cut = _title_end(list(words[lead:trail]))
    lead += cut
    if lead == trail or all(fold(w) in _DESCRIPTIVE for w in words[lead:trail]):
        return None
    return lead, trail, cut > 0


def _is_common_start(
    text: str, token: _Token, lowercase_words: _LowercaseUse, context: Context
) -> bool:
    """A capitalised word that is only capitalised because it starts a sentence or line."""
    word = token.word.lower()
    if word not in lowercase_words and word not in STOP_WORDS:
        return False
    return _at_start(text, token.start) or context.sentence_span(token.start)[0] == token.start


def _title_end(words: list[str]) -> int:
    """How many leading words are a title ("NATO Secretary-General", "Chinese Foreign
    Minister"), 0 when none: everything up to the last title word before the name."""
    last_title = -1
    for index, word in enumerate(words[:-1]):
        if _is_title(fold(word)):
            last_title = index
    if last_title < 0:
        return 0
    rest = [fold(w) for w in words[last_title + 1 :]]
    if rest[:2] == ["of", "state"] or rest[:1] == ["state"]:
        last_title += 2 if rest[0] == "of" else 1
        rest = rest[2 if rest[0] == "of" else 1 :]
    if not rest or len(rest) > 4 or any(w in ORG_WORDS or w in _CONNECTORS for w in rest):
        return 0
    return last_title + 1


def _is_title(folded: str) -> bool:
    return folded in PERSON_TITLES or (
        "-" in folded and any(part in PERSON_TITLES for part in folded.split("-"))
    )


def _people(names: list[_Name]) -> dict[str, str]:
    """Each word of a multi-word personal name → that person's key, for lone surnames."""
    people: dict[str, str] = {}
    for name in names:
        if _looks_personal(name):
            key = surname_key(list(name.tokens))
            for word in name.tokens:
                people.setdefault(fold(word), key)
            people[key] = key
    return people


def _looks_personal(name: _Name) -> bool:
    return not name.determined and _personal(name.tokens, name.titled)


@lru_cache(maxsize=4096)
def _personal(tokens: tuple[str, ...], titled: bool) -> bool:
    if not _NOT_PERSONAL.isdisjoint(fold(w) for w in tokens):
        return False
    first, last = fold(tokens[0]), fold(tokens[-1])
    if first in EVENT_HEADS or last in PLACE_WORDS or (first in COMPASS and len(tokens) == 2):
        return False  # "Cyclone Zelda", "Uttar Pradesh", "West Java"
    if titled:
        return True
    return 2 <= len(tokens) <= 4 and not any(w.isupper() and len(w) > 1 for w in tokens)


def _label_and_key(text: str, name: _Name, people: dict[str, str]) -> tuple[str, str]:
    known = _by_form(name.tokens, name.titled)
    if known is not None and not (name.determined and known[0] == "person"):
        return known
    folded = [fold(w) for w in name.tokens]
    joined = " ".join(folded)
    if len(folded) == 1 and folded[0] in people:
        return "person", people[folded[0]]
    if any(w in OTHER_WORDS for w in folded):
        return "other", org_key(" ".join(name.tokens))
    before = text[max(0, name.start - 12) : name.start].split()
    if len(folded) == 1 and before and before[-1].lower() in _PLACE_PREPOSITIONS:
        return "place", org_key(joined)
    return "other", org_key(" ".join(name.tokens))


@lru_cache(maxsize=4096)
def _by_form(tokens: tuple[str, ...], titled: bool) -> tuple[str, str] | None:
    """Label and key from the name alone (gazetteers, titles, org words), None if unsure."""
    folded = [fold(w) for w in tokens]
    joined = " ".join(folded)
    if folded[0] in EVENT_HEADS and len(folded) > 1:
        return "other", org_key(joined)  # "Cyclone Zelda", "Hurricane Irma"
    if joined in PLACES or (len(folded) == 2 and folded[0] in _COMPASS_POINTS and not titled):
        return "place", org_key(joined)  # "West Bengal", "South Sudan"
    if len(folded) > 1 and folded[-1] in PLACE_WORDS:
        return "place", org_key(joined)
    if _personal(tokens, titled):
        return "person", surname_key(list(tokens))
    if any(w in ORG_WORDS or w in CORPORATE_SUFFIXES for w in folded) or (
        len(tokens) == 1 and _is_acronym(tokens[0])
    ):
        return "org", org_key(" ".join(tokens))
    return None


def _is_acronym(word: str) -> bool:
    bare = word.replace(".", "")
    return len(bare) >= 2 and bare.isupper()


def last_person_before(
    entities: list[Entity], offset: int, text: str | None = None
) -> Entity | None:
    """The most recent person named before ``offset``: who "he" or "she" refers to.

    With ``text``, a name inside quotation marks is passed over: a speaker quoted
    saying "Ana was driving", then "he told reporters", is not Ana."""
    quoted = _quotations(text) if text is not None else ()
    index = bisect_left(entities, offset, key=_start_of)
    while index > 0:
        index -= 1
        entity = entities[index]
        if entity.label == "person" and not _within(quoted, entity.start):
            return entity
    return None


_QUOTATION = re.compile(r"“[^”\n]*”|\"[^\"\n]*\"")


@lru_cache(maxsize=64)
def _quotations(text: str) -> tuple[tuple[int, int], ...]:
    """The spans between paired quotation marks, paragraph by paragraph."""
    return tuple(m.span() for m in _QUOTATION.finditer(text))


def _within(spans: tuple[tuple[int, int], ...], offset: int) -> bool:
    index = bisect_left(spans, (offset, offset)) - 1
    return index >= 0 and spans[index][0] < offset < spans[index][1]


def entities_within(entities: list[Entity], start: int, end: int) -> list[Entity]:
    """The names lying wholly inside [start, end) (``entities`` in text order)."""
    first = bisect_left(entities, start, key=_start_of)
    last = bisect_left(entities, end, key=_start_of)
    return [e for e in entities[first:last] if e.end <= end]


def _start_of(entity: Entity) -> int:
    return entity.start
