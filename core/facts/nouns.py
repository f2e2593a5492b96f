"""Just enough English noun-phrase knowledge to find what a number counts.

There is no tagger here on purpose (no model can ship, and speed matters):
a head noun is found from closed word classes (stop words, common verbs,
adjectives of degree) plus plural morphology.
"""

from __future__ import annotations

import re

STOP_WORDS = frozenset(
    [
        "of",
        "at",
        "in",
        "on",
        "to",
        "from",
        "by",
        "with",
        "without",
        "for",
        "into",
        "onto",
        "over",
        "under",
        "across",
        "along",
        "near",
        "since",
        "during",
        "after",
        "before",
        "than",
        "as",
        "per",
        "about",
        "around",
        "against",
        "between",
        "through",
        "toward",
        "towards",
        "within",
        "amid",
        "amidst",
        "among",
        "upon",
        "via",
        "until",
        "till",
        "including",
        "like",
        "the",
        "a",
        "an",
        "this",
        "that",
        "these",
        "those",
        "its",
        "their",
        "his",
        "her",
        "our",
        "your",
        "my",
        "it",
        "they",
        "he",
        "she",
        "we",
        "you",
        "them",
        "him",
        "us",
        "me",
        "who",
        "which",
        "whom",
        "whose",
        "what",
        "where",
        "when",
        "while",
        "why",
        "how",
        "and",
        "or",
        "but",
        "nor",
        "so",
        "yet",
        "if",
        "because",
        "although",
        "though",
        "unless",
        "whether",
        "is",
        "are",
        "was",
        "were",
        "be",
        "been",
        "being",
        "has",
        "have",
        "had",
        "do",
        "does",
        "did",
        "will",
        "would",
        "can",
        "could",
        "should",
        "may",
        "might",
        "must",
        "shall",
        "cannot",
        "can't",
        "won't",
        "don't",
        "doesn't",
        "didn't",
        "isn't",
        "aren't",
        "wasn't",
        "weren't",
        "not",
        "no",
        "also",
        "already",
        "still",
        "ago",
        "each",
        "apiece",
        "more",
        "less",
        "later",
        "earlier",
        "now",
        "then",
        "there",
        "here",
        "just",
        "only",
        "even",
        "too",
        "very",
        "all",
        "both",
        "either",
        "neither",
        "some",
        "any",
        "every",
        "such",
        "own",
        "same",
        "away",
        "ahead",
        "apart",
        "off",
        "out",
        "up",
        "down",
        "back",
        "behind",
        "inside",
        "outside",
        "north",
        "south",
        "east",
        "west",
        "others",
        "another",
    ]
)

COMMON_VERBS = frozenset(
    [
        "struck",
        "hit",
        "shook",
        "rocked",
        "left",
        "killed",
        "made",
        "took",
        "came",
        "went",
        "saw",
        "said",
        "says",
        "told",
        "tell",
        "tells",
        "began",
        "begun",
        "ended",
        "won",
        "lost",
        "beat",
        "drew",
        "met",
        "led",
        "fell",
        "rose",
        "grew",
        "paid",
        "sold",
        "bought",
        "got",
        "gave",
        "kept",
        "became",
        "ran",
        "held",
        "set",
        "put",
        "brought",
        "built",
        "sent",
        "spent",
        "caused",
        "claimed",
        "forced",
        "died",
        "fled",
        "remain",
        "remains",
        "remained",
        "stand",
        "stands",
        "stood",
        "face",
        "faces",
        "wait",
        "waits",
        "live",
        "lives",
        "lived",
        "work",
        "works",
        "worked",
        "say",
        "think",
        "thought",
        "know",
        "knew",
        "feel",
        "felt",
        "need",
        "needs",
        "want",
        "wants",
        "seem",
        "seems",
    ]
)

ADJECTIVES = frozenset(
    [
        "new",
        "old",
        "additional",
        "other",
        "separate",
        "major",
        "senior",
        "junior",
        "young",
        "armed",
        "foreign",
        "local",
        "military",
        "total",
        "further",
        "extra",
        "key",
        "top",
        "full",
        "joint",
        "small",
        "large",
        "big",
        "high",
        "low",
        "long",
        "short",
        "early",
        "late",
        "former",
        "current",
        "previous",
        "recent",
        "unspecified",
        "unidentified",
        "unverified",
        "possible",
        "potential",
        "alleged",
        "suspected",
        "confirmed",
        "reported",
        "estimated",
        "registered",
        "eligible",
        "active",
        "elderly",
        "separatist",
        "civilian",
        "unarmed",
        "innocent",
        "fellow",
        "individual",
        "various",
        "different",
    ]
)

#: Units measured rather than counted: the number's unit even when a noun follows.
#: Money named by a word after the figure ("40 million rupees"), as ISO codes.
CURRENCY_NOUNS = {
    "dollar": "usd",
    "euro": "eur",
    "yuan": "cny",
    "yen": "jpy",
    "rouble": "rub",
    "ruble": "rub",
    "rupee": "inr",
    "pound sterling": "gbp",
    "franc": "chf",
}

MEASURES = {
    "percent": "percent",
    "per cent": "percent",
    "%": "percent",
    "pc": "percent",
    "percentage": "percentage point",
    "magnitude": "magnitude",
    "km": "kilometre",
    "kilometre": "kilometre",
    "kilometer": "kilometre",
    "mile": "mile",
    "mi": "mile",
    "metre": "metre",
    "meter": "metre",
    "m": "metre",
    "cm": "centimetre",
    "mm": "millimetre",
    "foot": "foot",
    "ft": "foot",
    "kg": "kilogram",
    "kilogram": "kilogram",
    "kilo": "kilogram",
    "tonne": "tonne",
    "ton": "tonne",
    "lb": "pound",
    "lbs": "pound",
    "hectare": "hectare",
    "ha": "hectare",
    "acre": "acre",
    "degree": "degree",
    "mph": "mph",
    "kph": "km/h",
    "mw": "megawatt",
    "gw": "gigawatt",
    "kw": "kilowatt",
    "second": "second",
    "minute": "minute",
    "hour": "hour",
    "day": "day",
    "week": "week",
    "month": "month",
    "year": "year",
    "decade": "decade",
    "century": "century",
    "point": "point",
    "goal": "goal",
    "run": "run",
    "yard": "yard",
    "lap": "lap",
    "barrel": "barrel",
    "share": "share",
    "vote": "vote",
    "seat": "seat",
    **CURRENCY_NOUNS,
}

IRREGULAR_SINGULARS = {
    "people": "people",
    "persons": "people",
    "children": "child",
    "men": "man",
    "women": "woman",
    "police": "police",
    "staff": "staff",
    "personnel": "personnel",
    "feet": "foot",
    "teeth": "tooth",
    "mice": "mouse",
    "geese": "goose",
    "lives": "life",
    "wives": "wife",
    "knives": "knife",
    "data": "data",
    "media": "media",
    "crises": "crisis",
    "analyses": "analysis",
    "series": "series",
    "species": "species",
    "news": "news",
    "aircraft": "aircraft",
    "sheep": "sheep",
    "deer": "deer",
    "fish": "fish",
    "cattle": "cattle",
    "headquarters": "headquarters",
    "troops": "troop",
    "casualties": "casualty",
    "fatalities": "fatality",
    "bodies": "body",
    "thieves": "thief",
    "leaves": "leaf",
    "halves": "half",
    "shelves": "shelf",
    "businesses": "business",
    "buses": "bus",
    "viruses": "virus",
    "statuses": "status",
}

_PLURAL_ONLY = frozenset(IRREGULAR_SINGULARS) - {"data", "media", "news", "series", "species"}
_NOT_PLURAL_ENDINGS = ("ss", "us", "is", "ous", "'s", "’s")
_ADJECTIVE_SUFFIXES = ("ian", "ese", "ish", "ive", "ous", "ful", "ic", "ical", "less", "able")
_NOUNS_ENDING_LY = frozenset({"family", "ally", "supply", "assembly", "rally", "anomaly", "belly"})
_NOUNS_ENDING_ING = frozenset(
    {
        "building",
        "meeting",
        "hearing",
        "ceiling",
        "wedding",
        "earring",
        "string",
        "thing",
        "king",
        "ring",
        "wing",
        "spring",
        "evening",
        "morning",
        "offering",
        "opening",
        "briefing",
        "filing",
        "funding",
        "ruling",
        "sibling",
        "sling",
        "being",
    }
)

WORD = re.compile(r"[^\W\d_][\w'’\-]*|\d[\d,.]*|%|[^\w\s]")


def singular(word: str) -> str:
    """The singular, lowercased: "casualties" → "casualty", "troops" → "troop"."""
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
        if not word[:1].isalpha() or lower in STOP_WORDS or lower in COMMON_VERBS:
            break
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
        plurals = [m for m in run if is_plural(m.group()) and not m.group()[:1].isupper()]
        plurals = plurals or [m for m in run if is_plural(m.group())]
        if plurals:
            return plurals[-1]
    nouns = [m for m in run if not is_adjective_like(m.group())]
    if nouns:
        return nouns[-1]
    capitalised_plurals = [m for m in run if is_plural(m.group())]
    return capitalised_plurals[-1] if capitalised_plurals else None


def skip_of_phrase(tail: str) -> int:
    """Length of a leading "of the"/"of its" so "dozens of people" reaches "people"."""
    match = re.match(r"\s+of\s+(?:(?:the|its|their|his|her|our|these|those|them|whom)\s+)?", tail)
    return match.end() if match else 0
