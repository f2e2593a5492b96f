"""Who says something: speech verbs and the noun phrase that does the saying.

Quotes and attributions both hinge on "X said" / "said X": this module finds
the phrase X on either side of a speech verb and turns it into a source key
that matches across articles (a named person's surname, an organisation's
folded name, or the folded phrase itself: "local media").
"""

from __future__ import annotations

import re
from bisect import bisect_left
from typing import NamedTuple

from core import lexicon
from core.facts.entities import entities_within, last_person_before
from core.facts.fact_records import Entity
from core.facts.names import PERSON_TITLES, TITLE_MODIFIERS, fold, org_key
from core.facts.nouns import COMMON_VERBS, STOP_WORDS

#: Verbs that credit words to a speaker, as alternatives of a pattern.
SPEECH_VERBS = "|".join(map(re.escape, lexicon.lines("speech_verbs")))
SPEECH_VERB = re.compile(rf"\b(?:{SPEECH_VERBS})\b")
SPEECH_WORDS = lexicon.words("speech_verbs")
#: Speech verbs that credit a claim only when what was said follows ("warned that").
_ONLY_WITH_CLAUSE = lexicon.words("verbs_needing_clause")
_NP_TOKEN = re.compile(r"[^\W\d_][\w'’.\-]*|[0-9][\w\-]*|[^\w\s]")
_PRONOUNS = frozenset({"he", "she"})
#: Adverbs and auxiliaries passed over between a speaker and the speech verb.
_SKIP_BEFORE_VERB = lexicon.words("skipped_before_speech_verb")
OFFICE_HEADS = lexicon.words("office_heads")
_NP_INNER = frozenset({"of", "for", "the", "at", "and", "in", "to", "on"})
_NP_STOP = (
    (STOP_WORDS - _NP_INNER - {"he", "she", "it", "they", "we", "i"}) | COMMON_VERBS | {"according"}
)
_TRAILING_TIME = re.compile(
    r"(?:\s+(?:on|late|early|earlier|later))?\s+(?:(?:on\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
    r"(?:\s+(?:morning|afternoon|evening|night))?|yesterday|today|tonight|(?:last|this)\s+(?:week|month|year|night|morning))\s*$"
)
#: Auxiliaries: a phrase after an inverted speech verb holding one is a clause.
_VERBAL = lexicon.words("auxiliary_verbs")
#: Words that open a new phrase when a comma is missing ("according to local media
#: the toll …"): a source's name never holds one after its first word.
_PHRASE_OPENERS = frozenset({"the", "a", "an", "this", "these", "those", "not", "never", "no"})
_NAME_GLUE = frozenset({"of", "for", "and", "&", "at", "in", "on", "to", "from", "by"})  # "head of the agency"
_OBJECT_END = re.compile(
    r"[,;:!?“”\"()\[\]—–]|\.(?:\s|$)|\s(?:that|who|which|in\s+an?|on|at|after|before|during|when|while|as)\s"
    r"|\s(?:today|yesterday|tonight)\b"
)
_DOCUMENTS = (
    r"^(?:an?|the)?\s*(?:\w+\s+)?(?:statement|readout|reading|release|transcript|report|account|"
    r"communiqu[eé]|post|tweet|letter|memo|interview|briefing|data|figures|estimates?|survey|"
    r"poll|study|tally|count|toll)s?\s+"
)
#: "a readout of the meeting issued by X" → X; "a statement from X" → X.
_DOCUMENT_HEADS = (
    re.compile(
        _DOCUMENTS
        + r"(?:[\w’']+\s+){0,5}?(?:published|issued|released|put\s+out|posted|provided|compiled)"
        r"\s+by\s+",
        re.I,
    ),
    re.compile(_DOCUMENTS + r"(?:[\w’']+\s+){0,4}?(?:from|by)\s+", re.I),
    re.compile(_DOCUMENTS + r"(?:of|in)\s+", re.I),
)


_POSSESSIVE_DOCUMENT = re.compile(
    r"^(?P<owner>.+?)['’]s?\s+(?:\w+\s+)?(?:reading|readout|statement|account|version|transcript|"
    r"summary|report|release|communiqu[eé])\b",
    re.IGNORECASE,
)


_COORDINATED = re.compile(r"\b(?:and|but)\s+(?:also\s+|then\s+|later\s+)?$")


class Source(NamedTuple):
    start: int
    end: int
    text: str
    key: str


_COORDINATORS = frozenset({"and", "or", "but"})


def subject_before(text: str, verb_start: int, floor: int) -> tuple[int, int] | None:
    """The noun phrase ending just before a speech verb, within [floor, verb_start)."""
    when = _TRAILING_TIME.search(text, max(floor, verb_start - 60), verb_start)
    if when:
        verb_start = when.start()
    tokens = list(_NP_TOKEN.finditer(text, floor, verb_start))
    while tokens and tokens[-1].group().lower() in _SKIP_BEFORE_VERB:
        tokens.pop()
    if not tokens or tokens[-1].group().lower() in _COORDINATORS:
        # "Quantix employs 3,400 people and reported…": the verb shares the
        # clause's subject, which is not the words just before it.
        return None
    end = tokens[-1].end()
    start = None
    for count, token in enumerate(reversed(tokens)):
        word = token.group()
        lower = word.lower()
        if not word[:1].isalnum() and word not in ("’", "'"):
            break
        if lower in _NP_STOP or count >= 8:
            break
        if lower.endswith(("ed", "ing")) and not word[:1].isupper() and lower not in ("red", "bed"):
            break
        start = token.start()
    if start is None:
        return None
    while True:  # never start on a joining word: "of the ministry" → "ministry"
        first = _NP_TOKEN.match(text, start)
        if first is None or first.group().lower() not in _NP_INNER - {"the"}:
            break
        nxt = _NP_TOKEN.search(text, first.end(), end)
        if nxt is None:
            return None
        start = nxt.start()
    return (start, end) if text[start:end].strip() else None


def coordinated_subject(
    text: str, verb_start: int, floor: int, entities: list[Entity]
) -> tuple[int, int] | None:
    """ "Kuleba, who joined by video, thanked allies but said …": the subject named
    first in the sentence, when the speech verb is the second of two joined verbs."""
    if not _COORDINATED.search(text, max(floor, verb_start - 24), verb_start):
        return None
    for entity in entities_within(entities, floor, verb_start):
        if entity.label in ("person", "org"):
            return (entity.start, entity.end)
    return None


def object_after(text: str, start: int, ceiling: int) -> tuple[int, int] | None:
    """The noun phrase right after an inverted speech verb: "…," said Ned Price, the…"""
    while start < ceiling and text[start].isspace():
        start += 1
    stop = _OBJECT_END.search(text, _past_quoted_name(text, start, ceiling), ceiling)
    end = stop.start() if stop else ceiling
    words = list(re.finditer(r"\S+", text[start:end]))[:14]
    if not words or any(w.group().lower() in _VERBAL for w in words):
        return None
    opener = next(
        (
            k
            for k, w in enumerate(words)
            if k
            and w.group().lower() in _PHRASE_OPENERS
            and words[k - 1].group().lower() not in _NAME_GLUE
        ),
        0,
    )
    words = words[:opener] if opener else words
    end = start + words[-1].end()
    while end > start and text[end - 1] in ".’'”\"":
        end -= 1
    if text[start] in "“\"" and not any(mark in text[start + 1 : end] for mark in "”\""):
        start += 1  # a quoted name alone: its closing mark was trimmed, drop the opening one
    named = _TITLE_THEN_NAME.match(text, end, ceiling)
    if named and words and words[-1].group().lower().strip(".,") in _TITLES:
        end = named.end("name")  # "said the Interior Minister, Ana Reis, at…": her words
    return (start, end) if end > start else None


_TITLES = lexicon.words("person_titles")
#: A title's holder named after a comma: ", Ana Reis," or ", Ana Reis." closes it.
_TITLE_THEN_NAME = re.compile(
    r",\s+(?P<name>[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){1,3})\s*(?=[,.;]|$)"
)


_QUOTED_NAME = re.compile(r"[“\"](?P<name>[A-Z][^“”\"\n]{0,40})[”\"]")


def _past_quoted_name(text: str, start: int, ceiling: int) -> int:
    """Where to look for a phrase's end: past a name some outlets put in quotation
    marks ("according to “Bloomberg” news agency"), whose marks would end it at once."""
    quoted = _QUOTED_NAME.match(text, start, ceiling)
    return quoted.end() if quoted else start


def needs_clause(verb: str) -> bool:
    """Verbs that attribute only when followed by what was said ("warned that")."""
    return verb.lower() in _ONLY_WITH_CLAUSE


def source_of(text: str, span: tuple[int, int], entities: list[Entity]) -> Source | None:
    """Name a source phrase: the person or organisation inside it, else the phrase."""
    start, end = span
    phrase = text[start:end].strip(" ,")
    if not phrase:
        return None
    lower = phrase.lower()
    if lower in _PRONOUNS:
        person = last_person_before(entities, start, text)
        key = person.key if person else lower
        return Source(start, end, phrase, key)
    inner = next((m for pattern in _DOCUMENT_HEADS if (m := pattern.match(phrase))), None)
    if inner:
        return source_of(text, (start + inner.end(), end), entities) or Source(
            start, end, phrase, _phrase_key(phrase)
        )
    owner = _POSSESSIVE_DOCUMENT.match(phrase)
    if owner:
        end = start + owner.end("owner")
        return source_of(text, (start, end), entities)
    inside = entities_within(entities, start, end)
    for label in ("person", "org"):
        named = [e for e in inside if e.label == label]
        if named and named[-1].key in OFFICE_HEADS:
            break  # "the Sheriff's Office": the office's owner names it, not "Office"
        if named:
            return Source(start, end, phrase, named[-1].key)
    role = _role_key(text, phrase, entities, start)
    if role:
        return Source(start, end, phrase, role)
    return Source(start, end, phrase, _phrase_key(phrase))


_POSSESSIVE_S = re.compile(r"['’]s\b")
_LEADING_DETERMINER = re.compile(r"^(?:the|a|an|its|his|her|their|our)\s+")


def _phrase_key(phrase: str) -> str:
    """ "the wire service" → "wire service"; "Beijing's foreign ministry" → "beijing foreign ministry"."""
    folded = _POSSESSIVE_S.sub("", fold(phrase))
    folded = _LEADING_DETERMINER.sub("", folded)
    return org_key(" ".join(folded.split()).strip(" .,"))


def _role_key(text: str, phrase: str, entities: list[Entity], offset: int) -> str | None:
    """ "the foreign minister" → the last person introduced with that title before."""
    raw = [w.strip(".,") for w in phrase.split()]
    if any(w[:1].isupper() for w in raw[1:]):
        return None
    words = [fold(w) for w in raw]
    titles = {w for w in words if w in PERSON_TITLES}
    if not titles:
        return None
    wanted = titles | {
        w for w in words if w in TITLE_MODIFIERS and w not in ("of", "the", "for", "and")
    }
    # Only people introduced with one of the wanted titles can qualify, so the
    # search walks back through those alone rather than through every name.
    starts, rows = _titled_people(text, entities).get(next(iter(titles)), ((), ()))
    for index in range(bisect_left(starts, offset) - 1, -1, -1):
        person_titles, key = rows[index]
        if wanted <= person_titles:
            return key
    return None


class _TitledPeople(NamedTuple):
    text: str
    entities: list[Entity]
    size: int
    by_title: dict[str, tuple[list[int], list[tuple[frozenset[str], str]]]]


#: The last article's people indexed by the titles written before them. Roles
#: are looked up many times per article; one slot suffices because articles
#: are read one at a time.
_titled_cache: list[_TitledPeople] = []


def _titled_people(
    text: str, entities: list[Entity]
) -> dict[str, tuple[list[int], list[tuple[frozenset[str], str]]]]:
    """Title word → (starts, (titles, key)) of the people named with it, in text order."""
    if _titled_cache:
        cached = _titled_cache[0]
        if cached.text is text and cached.entities is entities and cached.size == len(entities):
            return cached.by_title
    by_title: dict[str, tuple[list[int], list[tuple[frozenset[str], str]]]] = {}
    people = sorted((e for e in entities if e.label == "person"), key=_start_of)
    for entity in people:
        titles = frozenset(_titles_before(text, entity.start))
        for title in titles & PERSON_TITLES:
            starts, rows = by_title.setdefault(title, ([], []))
            starts.append(entity.start)
            rows.append((titles, entity.key))
    _titled_cache[:] = [_TitledPeople(text, entities, len(entities), by_title)]
    return by_title


def _start_of(entity: Entity) -> int:
    return entity.start


_TITLE_WORD = re.compile(r"[\w.’'\-]+")


def _titles_before(text: str, start: int) -> set[str]:
    """Title words written just before a name: "Chinese Foreign Minister Wang Yi"."""
    words = _TITLE_WORD.findall(text, max(0, start - 60), start)
    found = set()
    for word in reversed(words[-6:]):
        folded = fold(word).rstrip(",")
        if folded in PERSON_TITLES or folded in TITLE_MODIFIERS:
            found.add(folded)
        elif not (word[:1].isupper() and folded not in STOP_WORDS):
            break
    return found
