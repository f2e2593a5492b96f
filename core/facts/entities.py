"""Named people, organisations and places, merged by surname within the article.

Names are runs of capitalised words. Titles are stripped so "Secretary of
State Antony Blinken" and "Secretary Blinken" are both Blinken, and a lone
surname joins the full name it belongs to. Without a tagger, labels come
from small word lists and from how the name is used (a title means a person).
"""

from __future__ import annotations

import re
from typing import NamedTuple

from core.facts.context import Context
from core.facts.dates import MONTHS, WEEKDAYS
from core.facts.model import Entity
from core.facts.names import (
    CORPORATE_SUFFIXES,
    JOINING_HEADS,
    PLACE_WORDS,
    TIME_ZONES,
    NATIONALITIES,
    ORG_WORDS,
    OTHER_WORDS,
    PERSON_TITLES,
    PLACES,
    TITLE_MODIFIERS,
    fold,
    org_key,
    surname_key,
)
from core.facts.nouns import STOP_WORDS

_TOKEN = re.compile(r"(?:[A-Z]\.){2,}|[^\W\d_][\w'’\-]*\.?")
_CONNECTORS = frozenset({"of", "for", "de", "du", "da", "la", "le", "van", "von", "der", "den", "bin", "ibn", "al", "the"})
_ABBREVIATED = re.compile(r"(?:[A-Z]\.){2,}|[A-Z]\.|(?:Mr|Mrs|Ms|Dr|Prof|Sen|Rep|Gov|Gen|Col|Capt|Lt|Sgt|St|Jr|Sr|No|Co|Corp|Inc|Ltd)\.")
_POSSESSIVE = re.compile(r"['’]s?$")
_PLACE_PREPOSITIONS = frozenset({"in", "from", "near", "to", "across", "outside", "inside", "into"})
_CALENDAR = frozenset(MONTHS) | frozenset(WEEKDAYS)
_FUNCTION_WORDS = STOP_WORDS - {"north", "south", "east", "west", "us", "up"}
_TITLE_CASE_WORD = re.compile(r"\b[^\W\d_][\w'’\-]{3,}")


class _Name(NamedTuple):
    start: int
    end: int
    tokens: tuple[str, ...]
    titled: bool


def extract_entities(context: Context) -> list[Entity]:
    """Every name in the article, each keyed so mentions of one person share the key."""
    text = context.text
    lowercase_words = {w for w in re.findall(r"\b[a-z][a-z'’\-]+", text)}
    headlines = _title_case_lines(text)
    runs = _runs(text)
    body_runs = [run for run in runs if not _inside(run[0].start(), headlines)]
    names = [name for run in body_runs if (name := _clean(text, run, lowercase_words, context))]
    known = _mid_sentence_words(text, names)
    names = [name for name in names if not _unconfirmed_start(text, name, known, context)]
    people = _people(names)
    known |= set(people)
    names += _headline_names(text, runs, headlines, known)
    names.sort()
    entities = []
    for name in names:
        label, key = _label_and_key(text, name, people)
        if not key or context.in_boilerplate(name.start, name.end):
            continue
        entities.append(Entity(name.start, name.end, text[name.start : name.end], key, label, context.sentence_of(name.start)))
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
        words = _TITLE_CASE_WORD.findall(line.group())
        capitals = sum(1 for w in words if w[0].isupper())
        lower = len(words) - capitals
        if line.group().rstrip().endswith((".", "!", "?")) or len(words) > 25:
            continue
        if (lower == 0 and capitals >= 3) or (lower == 1 and capitals >= 6):
            spans.append(line.span())
    return spans


def _inside(offset: int, spans: list[tuple[int, int]]) -> bool:
    return any(start <= offset < end for start, end in spans)


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


def _headline_names(text: str, runs: list[list[re.Match[str]]], headlines: list[tuple[int, int]], known: set[str]) -> list[_Name]:
    """In title-case lines, only words already known as names from the body."""
    names = []
    for run in runs:
        if not _inside(run[0].start(), headlines):
            continue
        for token in run:
            word = _token_word(token)
            if fold(word) in known or _is_acronym(word):
                names.append(_Name(token.start(), token.start() + len(word), (word,), False))
    return names


def _runs(text: str) -> list[list[re.Match[str]]]:
    """Runs of capitalised tokens joined only by spaces and name connectors."""
    runs: list[list[re.Match[str]]] = []
    current: list[re.Match[str]] = []
    pending: list[re.Match[str]] = []
    for token in _TOKEN.finditer(text):
        word = _token_word(token)
        previous = (pending or current)[-1] if (pending or current) else None
        gap = text[previous.end() if previous else 0 : token.start()]
        joined = (
            previous is not None
            and re.fullmatch(r"[ \u00a0]", gap) is not None
            and (not previous.group().endswith(".") or _ABBREVIATED.fullmatch(previous.group()) is not None)
        )
        if word[:1].isupper() and (word.isupper() or word.lower() not in _FUNCTION_WORDS):
            if not joined:
                _close(runs, current)
                current = []
            current.extend(pending)
            pending = []
            current.append(token)
            if _POSSESSIVE.search(token.group()) and not token.group().endswith("."):
                _close(runs, current)
                current = []
        elif joined and word in _CONNECTORS and (pending or fold(_token_word(current[-1])) in JOINING_HEADS):
            pending.append(token)
        else:
            _close(runs, current)
            current, pending = [], []
    _close(runs, current)
    return runs


def _close(runs: list[list[re.Match[str]]], run: list[re.Match[str]]) -> None:
    if run:
        runs.append(list(run))


def _token_word(token: re.Match[str]) -> str:
    word = token.group()
    if word.endswith(".") and not _ABBREVIATED.fullmatch(word):
        word = word[:-1]
    return _POSSESSIVE.sub("", word)


def _clean(text: str, run: list[re.Match[str]], lowercase_words: set[str], context: Context) -> _Name | None:
    """Drop sentence-initial common words, calendar words and titles from a run."""
    tokens = list(run)
    while tokens and _is_common_start(text, tokens[0], lowercase_words, context):
        tokens.pop(0)
    while tokens and (_token_word(tokens[0]).lower() in _CALENDAR | {"the"}):
        tokens.pop(0)
    while tokens and (_token_word(tokens[-1]).lower() in _CALENDAR | _CONNECTORS):
        tokens.pop()
    if not tokens:
        return None
    words = [_token_word(t) for t in tokens]
    cut = _title_end(words)
    titled = cut > 0
    tokens, words = tokens[cut:], words[cut:]
    descriptive = NATIONALITIES | PERSON_TITLES | TITLE_MODIFIERS | TIME_ZONES
    if not tokens or all(fold(w) in descriptive for w in words):
        return None
    end = tokens[-1].start() + len(_token_word(tokens[-1]))
    return _Name(tokens[0].start(), end, tuple(words), titled)


def _is_common_start(text: str, token: re.Match[str], lowercase_words: set[str], context: Context) -> bool:
    """A capitalised word that is only capitalised because it starts a sentence or line."""
    word = _token_word(token).lower()
    if word not in lowercase_words and word not in STOP_WORDS:
        return False
    before = text[max(0, token.start() - 3) : token.start()].rstrip(" \"'“‘(")
    at_start = not before or before[-1] in ".!?\n:—–-•"
    return at_start or context.sentence_span(token.start())[0] == token.start()


def _title_end(words: list[str]) -> int:
    """How many leading words are a title ("Chinese Foreign Minister"), 0 when none."""
    last_title = -1
    for index, word in enumerate(words[:-1]):
        folded = fold(word)
        if folded in PERSON_TITLES:
            last_title = index
        elif folded in TITLE_MODIFIERS or folded in NATIONALITIES or folded in PLACES:
            continue
        else:
            break
    if last_title < 0:
        return 0
    rest = [fold(w) for w in words[last_title + 1 :]]
    if rest[:2] == ["of", "state"] or rest[:1] == ["state"]:
        last_title += 2 if rest[0] == "of" else 1
    if any(w in ORG_WORDS for w in rest):
        return 0
    return last_title + 1 if last_title + 1 < len(words) else 0


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
    folded = [fold(w) for w in name.tokens]
    if any(w in ORG_WORDS or w in OTHER_WORDS or w in PLACES or w in PLACE_WORDS or w in CORPORATE_SUFFIXES for w in folded):
        return False
    if any(w in _CONNECTORS for w in folded):
        return False
    if name.titled:
        return True
    return 2 <= len(folded) <= 4 and not any(w.isupper() and len(w) > 1 for w in name.tokens)


def _label_and_key(text: str, name: _Name, people: dict[str, str]) -> tuple[str, str]:
    folded = [fold(w) for w in name.tokens]
    joined = " ".join(folded)
    if joined in PLACES or (len(folded) == 2 and folded[0] in ("north", "south", "east", "west") and folded[1] in PLACES):
        return "place", org_key(joined)
    if len(folded) > 1 and folded[-1] in PLACE_WORDS:
        return "place", org_key(joined)
    if _looks_personal(name):
        return "person", surname_key(list(name.tokens))
    if any(w in ORG_WORDS or w in CORPORATE_SUFFIXES for w in folded) or (len(name.tokens) == 1 and _is_acronym(name.tokens[0])):
        return "org", org_key(" ".join(name.tokens))
    if len(folded) == 1 and folded[0] in people:
        return "person", people[folded[0]]
    if any(w in OTHER_WORDS for w in folded):
        return "other", org_key(" ".join(name.tokens))
    before = text[max(0, name.start - 12) : name.start].split()
    if len(folded) == 1 and before and before[-1].lower() in _PLACE_PREPOSITIONS:
        return "place", org_key(joined)
    return "other", org_key(" ".join(name.tokens))


def _is_acronym(word: str) -> bool:
    bare = word.replace(".", "")
    return len(bare) >= 2 and bare.isupper()


def last_person_before(entities: list[Entity], offset: int) -> Entity | None:
    """The most recent person named before ``offset``: who "he" or "she" refers to."""
    found = None
    for entity in entities:
        if entity.start >= offset:
            break
        if entity.label == "person":
            found = entity
    return found
