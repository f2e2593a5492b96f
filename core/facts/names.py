"""Word lists and normalisation for names: titles, places, organisations, keys.

The word lists are data files of :mod:`core.lexicon`; this module names them
and holds the rules that read them.

A person is keyed by surname so that two articles naming "Secretary of State
Antony Blinken" and "Blinken" agree; spelling variants ("Anthony"/"Antony",
"Kiev"/"Kyiv") keep distinct keys but are recognised by
:func:`name_variants_match`, because a variant is itself worth a (low) flag.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from rapidfuzz.distance import Levenshtein

from core import lexicon

#: Words that name a role before a person's name: stripped from the name.
PERSON_TITLES = lexicon.words("person_titles")
#: Words that qualify a title ("Foreign Minister", "Chief Executive"): stripped with it.
TITLE_MODIFIERS = lexicon.words("title_modifiers")
#: Words that make a capitalised name an organisation: "… Ministry", "… Airlines".
ORG_WORDS = lexicon.words("org_words")
#: Words that end the name of a place: "Lusail Stadium", "Tahrir Square".
PLACE_WORDS = lexicon.words("place_words")
#: Words that open the name of a storm or another natural event, never a person's.
EVENT_HEADS = lexicon.words("event_heads")
#: The eight compass words (a closed class): "West Java" is a place.
COMPASS = frozenset(["north", "south", "east", "west", "northern", "southern", "eastern", "western"])
#: Company-form suffixes papers add or drop at will: "Microsoft Corp" is Microsoft.
CORPORATE_SUFFIXES = lexicon.words("corporate_suffixes")
#: Time-zone abbreviations after a clock time: capitalised, never a name.
TIME_ZONES = lexicon.words("time_zones")
#: Words that make a name an event, agreement or prize: "… Cup", "… Treaty".
OTHER_WORDS = lexicon.words("other_names")
#: Countries, regions and cities, lower case (some of several words).
PLACES = lexicon.words("places")
#: Nationality, regional and religious adjectives: they describe a name, never are one.
NATIONALITIES = lexicon.words("nationalities")
#: Names of one country or union → the one key they share.
ALIASES = dict(lexicon.phrase_groups("aliases"))
#: East Asian family names written first: "Wang Yi" is Mr Wang.
SURNAME_FIRST = lexicon.words("surname_first")
#: Words after which "of"/"for" continues a name ("Department of State", "Bank of England").
JOINING_HEADS = lexicon.words("joining_heads")
NAME_SUFFIXES = frozenset({"jr", "jr.", "sr", "sr.", "ii", "iii", "iv"})

#: One spelling each for transliterations that differ beyond a letter or two.
#: Old and new (or foreign and local) spellings of one place, from the lexicon.
_TRANSLITERATIONS = tuple(
    (rf"^{re.escape(old)}$", new) for old, new in lexicon.groups("renamed_places").items()
)
_PHONETIC = (
    (r"ph", "f"),
    (r"th", "t"),
    (r"kh", "h"),
    (r"ck", "k"),
    (r"q", "k"),
    (r"ie", "i"),
    (r"y", "i"),
    (r"ou", "u"),
    (r"w", "v"),
    (r"(.)\1", r"\1"),
)


_TRAILING_POSSESSIVE = re.compile(r"['’]s$")
_LEADING_THE = re.compile(r"^the\s+")
_INITIAL = re.compile(r"[A-Z]\.?")


@lru_cache(maxsize=8192)
def fold(text: str) -> str:
    """Lowercase without accents or possessive: "Zelenskyy’s" → "zelenskyy"."""
    text = _TRAILING_POSSESSIVE.sub("", text.strip())
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower()


def surname_key(tokens: list[str]) -> str:
    """The key a person is known by across articles: the folded family name."""
    words = [t for t in tokens if fold(t).rstrip(".") not in NAME_SUFFIXES and not _is_initial(t)]
    if not words:
        words = tokens
    if len(words) in (2, 3) and fold(words[0]) in SURNAME_FIRST:
        return fold(words[0])
    return fold(words[-1])


_OF_FORM = re.compile(r"^(department|ministry|office|secretary|minister)\s+of\s+(?:the\s+)?(.+)$")
_COUNTRY_PREFIX = re.compile(r"^(?:us|uk|un|eu)\s+(?=\S)")


def org_key(text: str) -> str:
    """A name's key: folded, "the" and dots dropped, common aliases merged.

    "The U.S. Department of Energy" and "Energy Department" share
    "energy department": the of-form is turned round and a US/UK/UN/EU
    prefix dropped, because papers add or omit it freely.
    """
    folded = _LEADING_THE.sub("", fold(text))
    folded = " ".join(folded.split()).replace(".", "")
    if folded in ALIASES:
        return ALIASES[folded]
    folded = _COUNTRY_PREFIX.sub("", folded)
    words = folded.split()
    while len(words) > 1 and words[-1] in CORPORATE_SUFFIXES:
        words.pop()
    folded = " ".join(words)
    of_form = _OF_FORM.match(folded)
    if of_form:
        folded = f"{of_form.group(2)} {of_form.group(1)}"
    return ALIASES.get(folded, folded.replace("foreign affairs ministry", "foreign ministry"))


def _is_initial(token: str) -> bool:
    return len(token) <= 2 and _INITIAL.fullmatch(token) is not None


@lru_cache(maxsize=16384)
def _phonetic(word: str) -> str:
    """The spelling-neutral form of one folded word (memoised: names recur in every pair)."""
    for pattern, replacement in _SOUND_RULES:
        word = pattern.sub(replacement, word)
    return word


_SOUND_RULES = tuple(
    (re.compile(pattern), replacement) for pattern, replacement in (*_TRANSLITERATIONS, *_PHONETIC)
)
_NAME_WORD = re.compile(r"[^\W\d_][\w'’\-]*")


def name_variants_match(a: str, b: str) -> bool:
    """Whether two names are one name spelt two ways ("Anthony"/"Antony", "Kiev"/"Kyiv").

    Word by word, after folding accents and common transliteration pairs;
    a word may differ by one edit when it is long enough for that to be a
    spelling slip rather than another name ("Wang"/"Wong" do not match).
    """
    words_a = [_phonetic(fold(w)) for w in _NAME_WORD.findall(a)]
    words_b = [_phonetic(fold(w)) for w in _NAME_WORD.findall(b)]
    if not words_a or len(words_a) != len(words_b):
        return False
    return all(_word_variant(x, y) for x, y in zip(words_a, words_b, strict=True))


def _word_variant(a: str, b: str) -> bool:
    if a == b:
        return True
    if a[:1] != b[:1] or min(len(a), len(b)) < 5:
        return False
    return Levenshtein.distance(a, b) <= 1
