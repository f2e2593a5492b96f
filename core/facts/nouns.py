"""Just enough English noun-phrase knowledge to find what a number counts.

There is no tagger here on purpose (no model can ship, and speed matters):
a head noun is found from closed word classes (stop words, common verbs,
adjectives of degree) plus plural morphology. The word lists are data files
of :mod:`core.lexicon`.
"""

from __future__ import annotations

import re
from functools import lru_cache

from core import lexicon

#: Grammar words that end the noun phrase after a figure.
STOP_WORDS = lexicon.words("noun_phrase_stops")
#: Words of time that end a figure's noun phrase ("11 last night"), read only there.
TIMES_AFTER_FIGURES = lexicon.words("times_after_figures")
#: Verbs whose forms could pass for nouns ("left", "set", "lives").
COMMON_VERBS = lexicon.words("common_verbs")
#: Adjectives that qualify what a figure counts but never are it.
ADJECTIVES = lexicon.words("degree_adjectives")
#: Money named by a word after the figure ("40 million rupees"), as ISO codes.
CURRENCY_NOUNS = dict(lexicon.phrase_groups("currency_words"))
#: Units measured rather than counted: the number's unit even when a noun follows.
MEASURES = {**lexicon.phrase_groups("unit_words"), **CURRENCY_NOUNS}
#: Irregular or plural-only forms → their singular.
IRREGULAR_SINGULARS = dict(lexicon.groups("irregular_plurals"))

_PLURAL_ONLY = frozenset(IRREGULAR_SINGULARS) - {"data", "media", "news", "series", "species"}
_NOT_PLURAL_ENDINGS = ("ss", "us", "is", "ous", "'s", "’s")
_ADJECTIVE_SUFFIXES = ("ian", "ese", "ish", "ive", "ous", "ful", "ic", "ical", "less", "able")
_NOUNS_ENDING_LY = lexicon.words("nouns_ending_ly")
_NOUNS_ENDING_ING = lexicon.words("nouns_ending_ing")

WORD = re.compile(r"[^\W\d_][\w'’\-]*|\d[\d,.]*|%|[^\w\s]")


@lru_cache(maxsize=65536)
def singular(word: str) -> str:
    """The singular, lowercased: "casualties" → "casualty", "troops" → "troop".

    Remembered: every figure's noun phrase asks it of several words, and news
    repeats its words."""
    lower = word.lower().removesuffix("'s").removesuffix("’s")
    if lower in IRREGULAR_SINGULARS:
        return IRREGULAR_SINGULARS[lower]
    if lower.endswith("ies") and len(lower) > 4:
        return lower[:-3] + "y"
    if lower.endswith(("sses", "ches", "shes", "xes", "zes")):
        return lower[:-2]
    if lower.endswith("oes") and len(lower) > 4:
        return lower[:-2]
    if lower.endswith("s") and not lower.endswith(_NOT_PLURAL_ENDINGS) and len(lower) > 3:
        return lower[:-1]
    return lower


def is_plural(word: str) -> bool:
    lower = word.lower()
    if lower in _PLURAL_ONLY:
        return True
    return singular(lower) != lower


def is_adjective_like(word: str) -> bool:
    """Words that modify a head noun: nationalities, degree words, participles."""
    lower = word.lower()
    if word[:1].isupper() or lower in ADJECTIVES:
        return True
    if lower.endswith(_ADJECTIVE_SUFFIXES) and not is_plural(word):
        return True
    return lower.endswith(("ed", "ing")) and lower not in _NOUNS_ENDING_ING


def _is_adverb(lower: str) -> bool:
    return lower.endswith("ly") and len(lower) > 4 and lower not in _NOUNS_ENDING_LY


def noun_run(tail: str, limit: int = 4) -> list[re.Match[str]]:
    """The words of the noun phrase that starts ``tail``, up to its first non-nominal word."""
    run: list[re.Match[str]] = []
    for match in WORD.finditer(tail, 0, 80):
        word = match.group()
        lower = word.lower()
        if not word[:1].isalpha() or lower in COMMON_VERBS:
            break
        if lower in STOP_WORDS and not (len(word) > 1 and word.isupper()):
            break  # "US" in "14 large US ports" is the country, not "us"
        if lower in TIMES_AFTER_FIGURES:
            break  # "rose to 11 last night": when, not what was counted
        if _is_adverb(lower):
            break
        if run and lower.endswith(("ed", "ing")) and lower not in _NOUNS_ENDING_ING:
            break
        run.append(match)
        if len(run) >= limit or word.endswith(("s'", "s’")):
            break  # "two years' jail": the figure counts years; the jail is what of
    return run


def head_noun(run: list[re.Match[str]], plural: bool) -> re.Match[str] | None:
    """The head of a noun phrase: its last plural word when counting, else its last noun."""
    if not run:
        return None
    if plural:
        plurals = [m for m in run if is_plural(m.group())]  # each word's test made once
        lower_case = [m for m in plurals if not m.group()[:1].isupper()]
        plurals = lower_case or plurals
        if plurals:
            return plurals[-1]
    nouns = [m for m in run if not is_adjective_like(m.group())]
    if nouns:
        return nouns[-1]
    capitalised_plurals = [m for m in run if is_plural(m.group())]
    return capitalised_plurals[-1] if capitalised_plurals else None


_OF_PHRASE = re.compile(r"\s+of\s+(?:(?:the|its|their|his|her|our|these|those|them|whom)\s+)?")


def skip_of_phrase(tail: str) -> int:
    """Length of a leading "of the"/"of its" so "dozens of people" reaches "people"."""
    match = _OF_PHRASE.match(tail)
    return match.end() if match else 0
