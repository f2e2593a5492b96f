"""Quantities: a value or interval, its unit noun and its hedge.

Numbers are compared across articles, so each becomes an interval with the
noun it counts ("100,000 Russian troops" → troop). Numbers that are not
amounts — years, ages, ordinals, clock times, dates, and digits inside names
("Covid-19", "Article 5", "G7") — are left out: flagging them would bury the
real conflicts. The minute of play ("the 64th minute") is the one ordinal kept.
"""

from __future__ import annotations

import math
import re
from bisect import bisect_right
from typing import NamedTuple

from core import lexicon
from core.facts.context import Context
from core.facts.fact_records import Quantity
from core.facts.nouns import (
    CURRENCY_NOUNS,
    MEASURES,
    head_noun,
    is_adjective_like,
    is_plural,
    noun_run,
    singular,
    skip_of_phrase,
)
from core.facts.numbers import (
    RUN_TOGETHER,
    SCALE_ABBREVIATIONS,
    SCALES,
    TENS,
    UNITS,
    VAGUE_PATTERN,
    WORD_NUMBER,
    Amount,
    parse_digits,
    parse_word_number,
    vague_amount,
)

_CURRENCY = {
    "$": "usd",
    "us$": "usd",
    "a$": "aud",
    "c$": "cad",
    "hk$": "hkd",
    "nz$": "nzd",
    "s$": "sgd",
    "r$": "brl",
    "usd$": "usd",  # the ISO code before the sign: "NZD$5 billion"
    "aud$": "aud",
    "cad$": "cad",
    "hkd$": "hkd",
    "nzd$": "nzd",
    "sgd$": "sgd",
    "$us": "usd",  # Australian and New Zealand papers: "$US589 billion ($936 billion)"
    "$a": "aud",
    "$nz": "nzd",
    "€": "eur",
    "£": "gbp",
    "¥": "jpy",
    "₹": "inr",
    "rs": "inr",
    "rs.": "inr",
    "inr": "inr",
    "₽": "rub",
    "₦": "ngn",
    "₩": "krw",
    "₱": "php",
    "฿": "thb",
    "₺": "try",
    "rm": "myr",  # "RM970 million": the ringgit's sign, before digits only
}
#: Currency codes and local signs before a figure ("USD 31 billion", "IDR8,200",
#: "Tk 15,500"): lexicon/currency_codes.txt, matched as written.
_CODES = lexicon.groups("currency_codes")
_CURRENCY.update({code.lower(): iso for code, iso in _CODES.items()})
_CODE_PATTERN = "|".join(sorted(map(re.escape, _CODES), key=len, reverse=True))
RATED_EVENTS = lexicon.words("rated_events")
#: A distance per hour is a speed: "km per hour" is km/h, "miles an hour" mph.
_SPEEDS = {"kilometre": "km/h", "mile": "mph"}
_PER_HOUR = re.compile(r"\s*(?:per|an|a)\s+hour\b|/h(?:r|our)?\b", re.I)
#: "183 kilometres (114 miles) per hour": the hour after a conversion in brackets
#: makes both figures speeds (the outer one before the brackets, the inner before ")").
_PER_HOUR_PAST_BRACKETS = re.compile(r"\s*\([^()]{1,40}\)\s*(?:per|an|a)\s+hour\b", re.I)
_PER_HOUR_AFTER_BRACKET = re.compile(r"\s*\)\s*(?:per|an|a)\s+hour\b", re.I)
#: A temperature's scale after the figure or its "degrees": "51.8 degrees Celsius",
#: "125 Fahrenheit", "40°C", "104 °F", and the capital letter alone as some wire styles
#: write it ("44.6 C", "-48 F"). Without one, "degrees" is either scale.
_SCALE = re.compile(
    r"(?:\s*[°º]\s*|\s*degrees?\s+|\s+)(celsius|centigrade|fahrenheit)\b"
    r"|\s?[°º]\s?([CF])\b"
    r"|\s(?-i:([CF]))(?![\w'’\-&]|\.\w)",
    re.I,
)
_SCALES = {"celsius": "°C", "centigrade": "°C", "fahrenheit": "°F", "c": "°C", "f": "°F"}
_SCALE_LETTERS = frozenset({"C", "F"})
#: Unit of time → its length in seconds.
DURATION_SECONDS = {unit: float(length) for unit, length in lexicon.groups("durations").items()}
#: What may stand between the parts of one duration: "one minute and 52 seconds", "3 hours, 12 seconds".
_DURATION_JOINER = re.compile(r"\s*,?\s*(?:and\s+)?")
#: Currencies named by their country before the word ("40 million Swiss francs"):
#: lexicon/national_currencies.txt, a plural read as the singular.
_NATIONAL_CURRENCIES = lexicon.phrase_groups("national_currencies")
_NATIONAL_CURRENCY = re.compile(
    r"\s+("
    + "|".join(
        re.escape(phrase).replace(r"\ ", r"\s+")
        for phrase in sorted(_NATIONAL_CURRENCIES, key=len, reverse=True)
    )
    + r")(?P<plural>e?s)?\b",
    re.I,
)
#: Unit keys of money, however written ("$", "Rs", "rupees").
CURRENCY_UNITS = (
    frozenset(_CURRENCY.values())
    | frozenset(CURRENCY_NOUNS.values())
    | frozenset(_NATIONAL_CURRENCIES.values())
)
#: Countries written after the sign ("$US589 billion", "$A20 million"), from the table.
_AFTER_SIGN = sorted(
    (k[1:].upper() for k in _CURRENCY if k.startswith("$") and k != "$"), key=len, reverse=True
)
_CURRENCY_PATTERN = (
    rf"\$(?:{'|'.join(_AFTER_SIGN)})(?![A-Za-z])|(?:(?:US|AU|CA|HK|NZ|SG)D|US|A|C|HK|NZ|S|R)?\$"
    r"|€|£|¥|₹|₽|₦|₩|₱|฿|₺|\bRs\.?|\bINR|\bRM"
    rf"|\b(?-i:{_CODE_PATTERN})"
)
#: Digits may follow a country written after the sign ("$US589"), though not other letters.
_AFTER_COUNTRY = (
    "".join(f"(?<=\\${c})|" for c in _AFTER_SIGN)
    + r"(?<=\bRM)|"
    + "".join(f"(?<=\\b(?-i:{re.escape(code)}))|" for code in _CODES)
)

QUANTITY = re.compile(
    rf"(?P<vague>\b(?:{VAGUE_PATTERN})\b)"
    r"|(?P<few>\b(?:a\s+few|several|a\s+couple\s+of)\s+(?:dozen|hundred|thousand|million|billion)\b)"
    r"|(?P<half>\bhalf\s+an?\s+(?:dozen|million|billion)\b)"
    r"|(?P<a>\ban?\s+(?:dozen|hundred|thousand|million|billion)\b)"
    rf"|(?:(?P<cur>{_CURRENCY_PATTERN})\s?)?(?:{_AFTER_COUNTRY}(?<![\w.,:]))(?P<num>[0-9]+\s(?:[1-3]/[234])(?![0-9/])|[0-9]+[½¼¾]|[0-9]{{1,2}}(?:,[0-9]{{2}})+,[0-9]{{3}}(?:\.[0-9]+)?|[0-9]{{1,3}}(?:,[0-9]{{3}})+(?:\.[0-9]+)?|[0-9]+,[0-9]{{1,2}}(?![0-9,])|[0-9]+(?:\.[0-9]+)?)"
    r"(?P<attached>[^\W\d_]+)?"
    r"(?:[\s-](?P<scale>thousand|lakhs?(?:\s+crores?)?|crores?|million|billion|trillion)\b)?"
    r"(?:\s?(?P<pct>%|per\s?cent\b|percent\b))?"
    rf"|(?P<words>\b{WORD_NUMBER}\b)",
    re.IGNORECASE,
)

_PREFIX = re.compile(
    r"\b(?P<q>more\s+than|over|above|upwards\s+of|in\s+excess\s+of|exceeding|"
    rf"{'|'.join(sorted(lexicon.words('floor_verbs')))}|"
    r"at\s+least|(?:no|not)\s+fewer\s+than|(?:no|not)\s+less\s+than|a\s+minimum\s+of|"
    r"fewer\s+than|less\s+than|(?:no|not)\s+more\s+than|"
    r"under|below|up\s+to|at\s+most|a\s+maximum\s+of|as\s+many\s+as|"
    r"as\s+much\s+as|about|around|approximately|roughly|some|nearly|almost|close\s+to|"
    r"an\s+estimated|estimated|exactly|precisely|between|from|just\s+over|just\s+under|"
    r"an?\s+over|an?\s+under)\s+$",
    re.IGNORECASE,
)
_MIN_EXCLUSIVE = {
    "more than",
    "over",
    "above",
    "upwards of",
    "in excess of",
    "exceeding",
    *lexicon.words("floor_verbs"),  # "the toll surpassed 100": past the figure, not at it
    "just over",
    "an over",
    "a over",
}
_MIN_INCLUSIVE = {
    "at least",
    "no fewer than",
    "no less than",
    "not fewer than",
    "not less than",
    "a minimum of",
}
_MAX_EXCLUSIVE = {"fewer than", "less than", "under", "below", "just under", "an under", "a under"}
_MAX_INCLUSIVE = {
    "up to",
    "at most",
    "no more than",
    "not more than",
    "a maximum of",
    "as many as",
    "as much as",
}
_APPROX = {"about", "around", "approximately", "roughly", "some", "nearly", "almost", "close to"}
_ESTIMATED = {"an estimated", "estimated"}

_SUFFIX_QUALIFIER = re.compile(r"\s+or\s+(?P<q>more|so|fewer|less)\b|(?P<plus>\+|-plus\b)", re.I)
_RANGE_JOINER = re.compile(r"\s*(?:-|–|—|to)\s*|\s+(?:and|or)\s+", re.I)
_ORDINAL_SUFFIXES = {"st", "nd", "rd", "th"}
_AGE_TAIL = re.compile(r"[-\s]+years?[-\s]+old\b|-year\b", re.I)
_NEXT_WORD = re.compile(r"\s+([a-z][\w\-]*)")
_AGE_WORDS = frozenset({"aged", "age", "ages"})
#: Last words of the hedges _PREFIX knows: the regex only runs after one of them.
_HEDGE_ENDS = frozenset(
    [
        "than",
        "over",
        "above",
        "of",
        "exceeding",
        *lexicon.words("floor_verbs"),
        "least",
        "under",
        "below",
        "to",
        "most",
        "as",
        "about",
        "around",
        "approximately",
        "roughly",
        "some",
        "nearly",
        "almost",
        "estimated",
        "exactly",
        "precisely",
        "between",
        "from",
    ]
)
#: A noun, then a figure alone in quotation marks: a name ("channel “112”"), unless
#: the word before is a verb or a preposition that a quoted count follows.
_NAMED_IN_MARKS = re.compile(
    r"\b(?!(?:is|was|were|are|be|been|said|says|of|at|to|than|about|reached|put)\s)"
    r"[A-Za-z]+\s+[\"“]$"
)
_MARK_CLOSES = re.compile(r"[\"”]")
_NAME_AGE = re.compile(r"[A-Z][\w'’\-]+,\s$")
_NAME_AGE_BRACKETED = re.compile(r"[A-Z][\w'’\-]+\s?\($")
_NAME_PREFIX = re.compile(r"(?:\b(?:No|no|Nos|nos)\.|#|\bnumber)\s*$|([A-Z][\w'’.\-]*)\s+$")
_GLUED_TO_NAME = re.compile(r"[A-Za-z][\-/]$")
#: The second half of a model number after a name: "Boeing 737-", "Airbus A320-".
_MODEL_TAIL = re.compile(r"\b([A-Z][\w'’.]*)\s+[A-Z]?\d+-$")
_CALENDAR_NAMES = frozenset(lexicon.months()) | frozenset(lexicon.weekdays())
_YEAR_HEAD = re.compile(
    r"\b(?:in|since|from|until|till|by|between|year|early|late|mid|before|after)\s+$", re.I
)
_CLOCK_TAIL = re.compile(r"\s*(?:a\.m\.|p\.m\.|am\b|pm\b|o['’]clock)", re.I)
_MAGNITUDE_HEAD = re.compile(r"\bmagnitude(?:\s+of)?[\s\-]+$", re.I)  # "a magnitude of 7.6"
_FRACTIONS = {
    "third",
    "thirds",
    "fourth",
    "fourths",
    "fifth",
    "fifths",
    "half",
    "quarter",
    "quarters",
}
_ONE_BLOCKERS = re.compile(
    r"\b(?:the|no|any|every|each|this|that|which|some|another|only|at)\s+$", re.I
)


#: First words of a spelled-out or vague amount; digits are always candidates.
_TRIGGERS = frozenset(
    [
        *UNITS,
        *TENS,
        *RUN_TOGETHER,
        *SCALES,
        "dozen",
        "dozens",
        "scores",
        "tens",
        "hundreds",
        "thousands",
        "millions",
        "billions",
        "a",
        "an",
        "several",
        "half",
    ]
)
_CURRENCY_BEFORE = re.compile(rf"(?P<sign>{_CURRENCY_PATTERN})\s?$")
_CODE_BEFORE = re.compile(rf"\b(?:{_CODE_PATTERN})$")  # "IDR8,200": a code glued to digits
_DOLLAR_OF = re.compile(rf"\$(?:{'|'.join(_AFTER_SIGN)})$")  # "$US589": the country after the sign


def _with_currency(text: str, position: int) -> int:
    """Start a candidate at "$", "US$" or "RM" when one precedes its digits."""
    if (
        position
        and text[position - 1] not in "$€£¥₹₽₦₩₱฿₺M "
        and not _DOLLAR_OF.search(text, max(0, position - 3), position)
        and not _CODE_BEFORE.search(text, max(0, position - 3), position)
    ):
        return position
    found = _CURRENCY_BEFORE.search(text, max(0, position - 4), position)
    return found.start() if found else position


class _Raw(NamedTuple):
    """A number found in the text before its unit and hedge are read."""

    start: int
    end: int
    value: float
    scale: float
    amount: Amount | None  # for vague amounts, their interval
    unit: str  # currency or percent, known from the number itself
    spelled: bool


def extract_quantities(context: Context, excluded: list[tuple[int, int]]) -> list[Quantity]:
    """All amounts in the article, skipping spans already claimed by dates and times."""
    text = context.text
    # a sign's start, and the figure's own for a sum told in words ("Rs four lakh")
    positions = [q for p in context.positions(_TRIGGERS, digits=True) for q in (_with_currency(text, p), p)]
    raws = [
        _and_a_half(text, raw)
        for m in context.matches(QUANTITY, positions)
        if (raw := _read(text, m)) is not None
    ]
    excluded = sorted(excluded)
    raws = _spaced_thousands(text, [r for r in raws if not _overlaps(r, excluded)])
    quantities: list[Quantity] = []
    index = 0
    while index < len(raws):
        raw = raws[index]
        partner = raws[index + 1] if index + 1 < len(raws) else None
        if _is_score(text, raw, partner):
            index += 2
            continue
        ranged = _as_range(text, raw, partner)
        if ranged is not None:
            index += 2
            raw = ranged
        else:
            index += 1
        quantity = _quantity(context, raw)
        if quantity is not None:
            quantities.append(quantity)
    quantities += _multiplied(context, excluded)
    quantities.sort(key=lambda q: q.start)
    return _join_durations(text, quantities)


#: "prices doubled", "would triple to 20 piastres": a rise told as a multiple, which
#: another outlet gives as a percentage ("jumped 300 per cent").
_MULTIPLES = {"doubl": 2, "tripl": 3, "trebl": 3, "quadrupl": 4}
_MULTIPLIED = re.compile(
    r"\b(?:(?P<more>more\s+than\s+)?(?P<done>doubled|tripled|trebled|quadrupled)"
    r"|(?:to|would|will|could|may|might)\s+(?P<due>double|triple|treble|quadruple))\b",
    re.I,
)


def _multiplied(context: Context, excluded: list[tuple[int, int]]) -> list[Quantity]:
    """A rise told as a multiple, as the percentage it adds: "tripled" is +200 %."""
    text = context.text
    folded = text.casefold()
    if not any(stem in folded for stem in _MULTIPLES):
        return []  # most articles name no multiple: a substring test is far cheaper
    found = []
    for m in _MULTIPLIED.finditer(text):
        word = (m.group("done") or m.group("due")).casefold()
        start = m.start()
        end = m.end()
        if any(a < end and b > start for a, b in excluded) or context.in_boilerplate(start, end):
            continue
        added = 100.0 * (next(v for k, v in _MULTIPLES.items() if word.startswith(k)) - 1)
        more = bool(m.group("more"))
        found.append(
            Quantity(
                start, end, text[start:end], added, math.inf if more else added, True, not more,
                "percent", "min" if more else "", None, context.sentence_of(start),
            )
        )
    return found


def _join_durations(text: str, quantities: list[Quantity]) -> list[Quantity]:
    """ "One minute and 52 seconds" is one time of 112 seconds, not a minute and a
    second figure: read apart, its "52 seconds" would agree with another article's
    "52 seconds" and conflict with nothing its whole does."""
    joined: list[Quantity] = []
    for q in quantities:
        whole = joined[-1] if joined else None
        if whole is not None and _continues_duration(text, whole, q):
            shortest, longest = _calendar_length(whole.unit, q.unit)
            smaller = DURATION_SECONDS[q.unit]
            joined[-1] = whole._replace(
                end=q.end,
                text=text[whole.start : q.end],
                low=whole.low * shortest / smaller + q.low,
                high=whole.high * longest / smaller + q.high,
                unit=q.unit,
                modifies=None,
            )
            continue
        joined.append(q)
    return joined


#: Seconds in the shortest and the longest month and year: "two months and 29 days"
#: is 85 to 91 days, not the 89.9 an average month would make of it.
_CALENDAR = {"month": (28 * 86400.0, 31 * 86400.0), "year": (365 * 86400.0, 366 * 86400.0)}


def _calendar_length(larger: str, smaller: str) -> tuple[float, float]:
    """The seconds one ``larger`` unit spans, counted in days or weeks: a month of days
    is 28 to 31 of them; a year of months is twelve, a minute of seconds sixty."""
    if larger in _CALENDAR and smaller not in _CALENDAR:
        return _CALENDAR[larger]
    return DURATION_SECONDS[larger], DURATION_SECONDS[larger]


def _continues_duration(text: str, whole: Quantity, part: Quantity) -> bool:
    """Whether ``part`` is the next, smaller unit of the duration ``whole`` began."""
    larger, smaller = DURATION_SECONDS.get(whole.unit), DURATION_SECONDS.get(part.unit)
    return (
        larger is not None
        and smaller is not None
        and smaller < larger
        and part.exact
        and whole.exact
        and part.low < larger / smaller
        and part.sentence == whole.sentence
        and _DURATION_JOINER.fullmatch(text, whole.end, part.start) is not None
    )


#: Digits grouped by a space, as much of Europe and the SI write them: "15 000", "5 100".
_GROUP_GAP = frozenset({" ", "\u00a0", "\u202f", "\u2009"})


def _spaced_thousands(text: str, raws: list[_Raw]) -> list[_Raw]:
    """ "15 000 jobs" is fifteen thousand jobs, not 15 and 0 jobs: a figure of one to
    three digits followed, across one space, by groups of exactly three digits is one
    figure. A day of a date ("March 3 100 people") was set aside before this."""
    joined: list[_Raw] = []
    for raw in raws:
        head = joined[-1] if joined else None
        if head is not None and _continues_group(text, head, raw):
            joined[-1] = head._replace(end=raw.end, value=head.value * 1000 + raw.value)
            continue
        joined.append(raw)
    return joined


def _continues_group(text: str, head: _Raw, raw: _Raw) -> bool:
    if head.spelled or raw.spelled or head.amount or raw.amount or head.scale != 1:
        return False
    digits = text[raw.start : raw.end]
    written = text[head.start : head.end]
    return (
        raw.start == head.end + 1
        and text[head.end] in _GROUP_GAP
        and len(digits) == 3
        and digits.isdigit()
        and _GROUPED_END.search(written) is not None
    )


#: A figure's digits so far, one to three of them or already grouped ("$15", "1 200").
_GROUPED_END = re.compile(r"(?<![0-9,.])[0-9]{1,3}(?:[ \u00a0\u202f\u2009][0-9]{3})*$")


#: "three and a half hours", "two-and-a-half years", "1 and a half million".
_AND_A_HALF = re.compile(
    r"(?:\s+|-)and(?:\s+|-)a(?:\s+|-)half\b(?:[\s-](?P<scale>thousand|million|billion|trillion)\b)?",
    re.IGNORECASE,
)


def _and_a_half(text: str, raw: _Raw) -> _Raw:
    """A whole number with "and a half" after it is that number and a half: read
    alone, "three-and-a-half hours" was three of something called "and"."""
    if raw.amount is not None or raw.scale != 1 or raw.unit or not float(raw.value).is_integer():
        return raw
    found = _AND_A_HALF.match(text, raw.end)
    if found is None:
        return raw
    scale = SCALES[found.group("scale").lower()] if found.group("scale") else 1.0
    return raw._replace(end=found.end(), value=(raw.value + 0.5) * scale, scale=scale)


def _overlaps(raw: _Raw, spans: list[tuple[int, int]]) -> bool:
    """Whether ``raw`` overlaps one of ``spans`` (sorted, non-overlapping)."""
    index = bisect_right(spans, (raw.end,))
    return index > 0 and spans[index - 1][1] > raw.start


def _read(text: str, match: re.Match[str]) -> _Raw | None:
    """Turn one regex match into a value, or None when it is not an amount."""
    start, end = match.span()
    if match.group("vague") or match.group("few"):
        amount = vague_amount(match.group())
        return _Raw(start, end, amount.low, 1, amount, "", True) if amount else None
    if match.group("half"):
        scale_word = match.group().split()[-1].lower()
        value = 6.0 if scale_word == "dozen" else SCALES[scale_word] / 2
        return _Raw(start, end, value, 1, None, "", True)
    if match.group("a"):
        scale_word = match.group().split()[-1].lower()
        if scale_word == "dozen":
            return _Raw(start, end, 12, 1, Amount.exact(12, "approx"), "", True)
        return _Raw(start, end, SCALES[scale_word], 1, None, "", True)
    if match.group("words"):
        return _read_words(text, match)
    return _read_digits(text, match)


def _read_words(text: str, match: re.Match[str]) -> _Raw | None:
    start, end = match.span()
    words = match.group()
    if words[:1].isupper() and not _sentence_initial(text, start):
        return None  # "Formula One", "Group of Seven"
    value = parse_word_number(words)
    if value is None or words.lower() in ("hundred", "thousand", "million", "billion", "dozen"):
        return None
    if text[end : end + 1] == "-" and text[end + 1 : end + 12].split("-")[0].lower() in _FRACTIONS:
        return None
    if words.lower() == "one" and (
        _ONE_BLOCKERS.search(text, max(0, start - 12), start)
        or re.match(r"\s+(?:another|of\s+(?:us|them|the\s+most))\b", text[end : end + 20], re.I)
    ):
        return None
    last = words.lower().split()[-1].split("-")[-1]
    sign = _CURRENCY_BEFORE.search(text, max(0, start - 6), start)
    if sign:  # "Rs four lakh", "$ five million": a sum told in words after its sign
        unit = _CURRENCY[sign.group("sign").lower()]
        return _Raw(sign.start(), end, value, SCALES.get(last, 1), None, unit, True)
    percent = _SPELLED_PERCENT.match(text, end)
    if percent:  # "a nine per cent plunge": "percent" in one word is read as a noun
        return _Raw(start, percent.end(), value, 1, None, "percent", True)
    return _Raw(start, end, value, SCALES.get(last, 1), None, "", True)


_SPELLED_PERCENT = re.compile(r"\s+per\s+cent\b", re.I)


_THE_YEAR = re.compile(r"\bthe\s+year\s+$", re.I)
#: The base of a rate: "per 1,000 people", "one in every 10", "for every 100 births".
#: Only a power of ten is one: "one share for every 22.48 shares" is a term of a deal.
RATE_BASE_WORDS = r"(?:per|(?:in|for)\s+every)"
ROUND_BASE = r"(?:10{1,2}|1,?000|10,?000|100,?000|1,?000,?000)"
_RATE_BASE = re.compile(rf"\b{RATE_BASE_WORDS}\s+$", re.I)
_ROUND_BASE = re.compile(ROUND_BASE)


#: A figure's digits run on after a point or a colon: a version, a clock time, a score.
_DIGITS_RUN_ON = re.compile(r"[.:][0-9]")
#: A hyphen or a dash and digits right after a figure: a range, a score or a model number.
_DASH_DIGITS = re.compile(r"\s*[-–]\s*[0-9]")


def _read_digits(text: str, match: re.Match[str]) -> _Raw | None:
    start, end = match.span()
    num_start = match.start("num")
    value = parse_digits(match.group("num"))
    if value is None or _DIGITS_RUN_ON.match(text[match.end("num") : match.end("num") + 2]):
        return None  # versions, clock times, scores written 3:1
    if _THE_YEAR.search(text, max(0, num_start - 10), num_start):
        return None  # "in the year 680": a date, however far back
    if _RATE_BASE.search(text, max(0, num_start - 14), num_start) and _ROUND_BASE.fullmatch(
        match.group("num")
    ):
        return None  # the "1,000" of "6.77 births per 1,000 people" counts no one
    tail = _MODEL_TAIL.search(text, max(0, num_start - 40), num_start)
    if tail and _model_name(text, tail.start(), tail.group(1)):
        return None  # the "800" of "Boeing 737-800"
    if _GLUED_TO_NAME.search(text, max(0, num_start - 2), num_start) and not (
        _MAGNITUDE_HEAD.search(text, max(0, num_start - 15), num_start)
    ):
        return None  # Covid-19, F-16; but "a magnitude-3.0 tremor" is a reading
    scale = 1.0
    unit = ""
    attached = (match.group("attached") or "").lower()
    if attached:
        if attached in _ORDINAL_SUFFIXES:
            return _match_minute(text, match, value)
        if attached in SCALE_ABBREVIATIONS and (
            match.group("cur")
            or attached in ("bn", "mn", "mln")
            or _counts_plural(text, match.end())
        ):
            scale = SCALE_ABBREVIATIONS[attached]
        elif attached in SCALES and attached != "hundred" and (
            match.group("cur") or _counts_plural(text, match.end())
        ):
            scale = SCALES[attached]  # "£85million", "2million people": the scale written tight
        elif attached in MEASURES:
            unit = MEASURES[attached]
        elif match.group("attached") in _SCALE_LETTERS and _about_temperature(text, start):
            unit = _SCALES[attached]  # "40C", "-5F": a temperature, written tight
        else:
            return None  # 737MAX, 3D
    if match.group("scale"):
        scale = math.prod(SCALES[w] for w in match.group("scale").lower().split())
    if match.group("cur"):
        unit = _CURRENCY[match.group("cur").lower()]
    elif match.group("pct"):
        unit = "percent"
    paired = _DASH_DIGITS.match(text[match.end() : match.end() + 4]) is not None
    named = not paired or _model(text, match)  # "Boeing 737-800" is a model, not a range
    if not unit and scale == 1 and named and _is_not_an_amount(text, match, value):
        return None  # a year, an age, a name's number
    return _Raw(start, end, value * scale, scale, None, unit, False)


#: "in the 64th minute", "a 77th-minute header": the minute of play a match report
#: times a goal by, the one ordinal news compares across reports.
MINUTE_OF_PLAY = "minute of play"
_MINUTE_OF_PLAY = re.compile(r"[-\s]minute\b", re.I)
#: "the 45+2nd minute" (stoppage time) and "around the 60th minute" (a hedge) are left
#: unread: the one counts on from the half's end, the other is no exact minute.
_STOPPAGE_BEFORE = re.compile(r"\d\s*\+\s*$")
_HEDGED_MINUTE_BEFORE = re.compile(
    rf"\b(?:{'|'.join(sorted(_APPROX))}|just|shortly|soon)\s+(?:before\s+|after\s+)?the\s+$", re.I
)


def _match_minute(text: str, match: re.Match[str], value: float) -> _Raw | None:
    """The minute of play an ordinal names, or None for any other ordinal ("the 5th day")."""
    minute = _MINUTE_OF_PLAY.match(text, match.end())
    if minute is None or match.group("cur") or match.group("pct") or match.group("scale"):
        return None
    before = text[max(0, match.start() - 30) : match.start()]
    if _STOPPAGE_BEFORE.search(before) or _HEDGED_MINUTE_BEFORE.search(before):
        return None
    return _Raw(match.start(), minute.end(), value, 1.0, None, MINUTE_OF_PLAY, False)


def _model(text: str, match: re.Match[str]) -> bool:
    """Whether a figure joined by a bare hyphen to another ("737-800") follows a name:
    a model or a designation, not a range."""
    if re.match(r"-\d", text[match.end() : match.end() + 2]) is None:
        return False
    name = _NAME_PREFIX.search(text, max(0, match.start("num") - 40), match.start("num"))
    return bool(name and name.group(1)) and _model_name(text, name.start(), name.group(1))


def _model_name(text: str, start: int, word: str) -> bool:
    """Whether a capitalised word before a number names a make ("Boeing", "Airbus"),
    not a month ("June 23-24") or a sentence's first word ("Some 20-30")."""
    return word.casefold().rstrip(".") not in _CALENDAR_NAMES and not _sentence_initial(
        text, start
    )


def _counts_plural(text: str, end: int) -> bool:
    """ "1.5m people": a scale letter followed by a plural noun is a million, not a metre;
    so is one followed by a currency's name, plural or not ("121m euro")."""
    following = _NEXT_WORD.match(text, end)
    if following is None:
        return False
    word = following.group(1)
    return is_plural(word) or word in CURRENCY_NOUNS


def _is_not_an_amount(text: str, match: re.Match[str], value: float) -> bool:
    """Years, ages and numbers that are part of a name."""
    start, end = match.start("num"), match.end()
    # a figure opening a line is not part of a name ending the line before it
    head = text[max(0, start - 40, text.rfind("\n", 0, start) + 1) : start]
    tail = text[end : end + 40]
    if _AGE_TAIL.match(tail) or _last_word(text, start) in _AGE_WORDS or _CLOCK_TAIL.match(tail):
        return True
    # the tail's one-character tests go first: they rarely pass, the head's searches cost
    if _MARK_CLOSES.match(tail) and _NAMED_IN_MARKS.search(head):
        return True  # a bare figure between quotation marks after a noun names something:
        # the Telegram channel "112", flight "516"
    if tail.startswith(",") and value <= 120 and _NAME_AGE.search(head):
        return True
    if tail.startswith(")") and value <= 120 and _NAME_AGE_BRACKETED.search(head):
        return True  # "Ana Ruiz (67) said": an age, read by the age finder alone
    if _is_year(match.group("num"), head, tail):
        return True
    name = _NAME_PREFIX.search(head)
    if name is None:
        return False
    if _unit_follows(tail):
        return False  # "PAK 41 seats", "Kato 12 hours": a name's figure names no unit
    word = name.group(1)
    if word is None:
        return True
    if word.casefold() in _HEDGE_ENDS:
        return False  # a lead set in capitals ("AT LEAST 16 people"): a hedge, not a name
    if _headline_verb(text, start, word):
        return False
    return not word.endswith(("'s", "’s")) and not _sentence_initial(
        text, start - len(name.group())
    )


_NEXT_WORD = re.compile(r"\s+([a-z]+)\b")


def _unit_follows(tail: str) -> bool:
    """Whether a unit of measure or a tally ("seats", "hours", "miles") follows a
    figure: a number in a name ("Apollo 11", "Route 66") is followed by other words."""
    following = _NEXT_WORD.match(tail)
    return following is not None and singular(following.group(1)) in MEASURES


_HEADLINE_LINKS = lexicon.words("headline_links")


def _headline_verb(text: str, start: int, word: str) -> bool:
    """In a Title Case line, a figure after a verb ("Leaves 296 Dead", "Kills 20") or a
    linking word ("Rises To 93") is a count: every word there is capitalised, so a
    capital no longer marks a name."""
    lowered = word.casefold()
    if not (
        lowered in _HEADLINE_LINKS
        or (lowered.endswith("s") and not lowered.endswith(("'s", "us", "ss", "is")))
    ):
        return False
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", start)
    line = text[line_start : len(text) if line_end < 0 else line_end]
    long_words = [w for w in re.findall(r"[^\W\d_][\w'’\-]*", line) if len(w) >= 4]
    return len(long_words) >= 4 and sum(w[0].isupper() for w in long_words) >= 0.8 * len(long_words)


_YEAR_DIGITS = re.compile(r"1[0-9]{3}|20[0-9]{2}|2100")
_FOLLOWING_WORD = re.compile(r"\s+([a-z][\w\-]*)")


def _is_year(digits: str, head: str, tail: str) -> bool:
    if not _YEAR_DIGITS.fullmatch(digits):
        return False
    following = _FOLLOWING_WORD.match(tail)
    counted = following is not None and is_plural(following.group(1))
    return not counted or _YEAR_HEAD.search(head) is not None


def _last_word(text: str, start: int) -> str:
    """The word right before ``start`` (lowercased), "" if none or not space-separated;
    an opening quotation mark before it is not part of it (has risen to “nearly 60”)."""
    head = text[max(0, start - 24) : start]
    if not head[-1:].isspace():
        return ""
    parts = head.split()
    return parts[-1].lstrip("“\"‘'(").lower() if parts else ""


def _sentence_initial(text: str, start: int) -> bool:
    before = text[max(0, start - 3) : start].rstrip(" \t\"'“‘(")
    return not before or before[-1] in ".!?\n:—–-"


_DASH = re.compile(r"\s*[-–]\s*")


def _is_score(text: str, first: _Raw, second: _Raw | None) -> bool:
    """ "won 3-1", "a 102-98 victory": two tallies, not an interval."""
    if second is None or first.spelled or second.spelled or first.unit or second.unit:
        return False
    return (
        _DASH.fullmatch(text[first.end : second.start]) is not None
        and first.value >= second.value
        and first.value.is_integer()
        and second.value.is_integer()
    )


#: "by" before the first figure makes "to" join a change to the level it reached
#: when the second is many times the first; "by 3 to 5 percent" is a range.
CHANGE_TO_LEVEL = 4
_CHANGE_BY = re.compile(r"\bby\s+(?:about\s+|around\s+|some\s+|nearly\s+|almost\s+)?$", re.I)


def _as_range(text: str, first: _Raw, second: _Raw | None) -> _Raw | None:
    """Join "between 3 and 5 million", "10-12", "two or three" into one interval."""
    if second is None or first.amount or second.amount:
        return None
    joiner = text[first.end : second.start]
    if not _RANGE_JOINER.fullmatch(joiner):
        return None
    if "and" in joiner.lower() and not re.search(
        r"\bbetween\s+\S*$", text[max(0, first.start - 12) : first.start], re.I
    ):
        return None
    low = first.value
    if first.scale == 1 and second.scale > 1 and low * second.scale <= second.value:
        low *= second.scale
    if low * CHANGE_TO_LEVEL < second.value and _CHANGE_BY.search(
        text, max(0, first.start - 20), first.start
    ):
        return None  # "rose by 262,000 to 14.5 million": the change, then the new level
    if not low < second.value or (first.unit and second.unit and first.unit != second.unit):
        return None
    amount = Amount(low, second.value, True, True, "range")
    return _Raw(
        first.start, second.end, low, second.scale, amount, first.unit or second.unit, False
    )


#: Temperatures can fall below zero: "-33 degrees Celsius", "(−27°F)", "minus 20 degrees".
_TEMPERATURES = frozenset({"°C", "°F", "degree"})
_MINUS = re.compile(r"(?:(?<![\w.,])[-−–]|\bminus\s+)$", re.I)


def _below_zero(text: str, number_start: int) -> int | None:
    """Where the minus sign of a temperature starts, or None: a sign right before the
    digits that no word or figure precedes ("10-20 degrees" is a range)."""
    found = _MINUS.search(text, max(0, number_start - 7), number_start)
    return found.start() if found else None


def _hedged_below_zero(text: str, amount: Amount, start: int) -> tuple[Amount, int]:
    """A hedge before a temperature's minus sign ("below -50 Celsius", "about -5C"):
    the sign goes with the figure first, then the hedge bounds it, and a ceiling below
    zero has no floor ("below -50" is any reading colder)."""
    if _last_word(text, start) not in _HEDGE_ENDS:
        return amount, start
    prefix = _PREFIX.search(text, max(0, start - 24), start)
    if prefix is None or prefix.group("q").lower() in ("between", "from"):
        return amount, start
    hedged = _hedge(amount, prefix.group("q"))
    if hedged.qualifier == "max":
        hedged = hedged._replace(low=-math.inf)
    return hedged, prefix.start("q")


def _quantity(context: Context, raw: _Raw) -> Quantity | None:
    text = context.text
    start, end = raw.start, raw.end
    amount = raw.amount or Amount.exact(raw.value)
    prefix = (
        _PREFIX.search(text, max(0, start - 24), start)
        if _last_word(text, start) in _HEDGE_ENDS
        else None
    )
    if prefix and prefix.group("q").lower() in ("between", "from") and amount.qualifier != "range":
        prefix = None
    if prefix:
        amount = _hedge(amount, prefix.group("q"))
        start = prefix.start("q")
    suffix = _SUFFIX_QUALIFIER.match(text, end)
    if suffix and amount.qualifier in ("", "approx"):
        amount = _hedge(amount, "or " + suffix.group("q") if suffix.group("q") else "plus")
        end = suffix.end()
    if (
        not raw.unit
        and "agnitude" in text[max(0, start - 15) : start]
        and _MAGNITUDE_HEAD.search(text, max(0, start - 15), start)
    ):
        raw = raw._replace(unit="magnitude")
        start = text.rfind("agnitude", 0, start) - 1
    unit, modifies, end = _unit(text, raw, end)
    if not unit and _rates_an_event(text, raw):
        unit, modifies = "magnitude", None
    if (
        raw.spelled
        and not unit
        and raw.amount is None
        and not amount.qualifier
        and not _counted_state(text, end)
        and not _TOLL_BEFORE.search(text, max(0, start - 90), start)
        and not _counted_by_verb(text, start)
    ):
        return None  # a bare "two" or "one" counts nothing a reader could check
    if context.in_boilerplate(start, end):
        return None
    if unit in _TEMPERATURES and amount.low == amount.high and (below := _below_zero(text, raw.start)):
        amount = Amount(-amount.low, -amount.high, True, True, amount.qualifier)
        start = min(start, below)
        amount, start = _hedged_below_zero(text, amount, start)
    return Quantity(
        start,
        end,
        text[start:end],
        amount.low,
        amount.high,
        amount.low_inclusive,
        amount.high_inclusive,
        unit,
        amount.qualifier,
        modifies,
        context.sentence_of(start),
    )


#: States a bare number of people can be in ("five were killed", "four remain missing",
#: "nine died"): the people roles of lexicon/roles.txt.
_STATES = frozenset(
    word
    for word, role in lexicon.groups("roles").items()
    if role in ("dead", "hurt", "missing", "displaced", "rescued", "arrested")
)
_STATE_AFTER = re.compile(
    r"\s+(?:others\s+)?"  # "four others were hurt": the others counted in a state
    r"(?:(?:were|are|was|is|have\s+been|has\s+been|had\s+been|remain|remained)\s+)?"
    r"(?:still\s+|reported\s+|confirmed\s+)?([a-z]+)\b"
)


#: Verbs of harm, custody and rescue before a bare number ("the blast killed five",
#: "police arrested nine"): lexicon/harm_verbs.txt.
_HARM_VERBS = lexicon.words("harm_verbs")
_WORD_BEFORE = re.compile(r"\b([a-z]+)\s+$")


def _counted_by_verb(text: str, start: int) -> bool:
    """Whether a spelled number with no noun is what a verb of those states acted on."""
    before = _WORD_BEFORE.search(text, max(0, start - 20), start)
    return before is not None and before.group(1) in _HARM_VERBS


#: A toll told before its figure: "the toll climbed to five", "the toll now stands
#: at seven", "officials put the toll at nine", "raising the toll to four" count the
#: dead as a figure with a noun does.
_TOLL_BEFORE = re.compile(
    r"\btolls?\b[^.;:!?\d]{0,60}?\b(?:is|was|stands|stood|rose|risen|climbed|reached|"
    r"hit|jumped|increased|went\s+up|rises|climbs|reaches)(?:\s+(?:at|to|now))?\s+(?:now\s+)?$"
    r"|\b(?:put|puts|putting|placed|places|placing|took|takes|taking|brought|brings|bringing|"
    r"raised|raises|raising|pushed|pushes|pushing)\s+(?:the\s+)?(?:[\w-]+\s+){0,2}tolls?"
    r"\s+(?:at|to)\s+$",
    re.I,
)


def _counted_state(text: str, end: int) -> bool:
    """Whether a spelled number with no noun is followed by the state of those it
    counts: "at least five were killed" counts the dead as "5 were killed" does."""
    state = _STATE_AFTER.match(text, end)
    return state is not None and state.group(1) in _STATES


def _hedge(amount: Amount, word: str) -> Amount:
    """Apply a hedge ("more than", "about") to an amount's interval."""
    word = re.sub(r"\s+", " ", word.lower())
    if word in _MIN_EXCLUSIVE or word == "or more" or word == "plus":
        return Amount(amount.low, math.inf, word in ("or more", "plus"), False, "min")
    if word in _MIN_INCLUSIVE:
        return Amount(amount.low, math.inf, True, False, "min")
    if word in _MAX_EXCLUSIVE or word in ("or fewer", "or less"):
        return Amount(0.0, amount.high, True, word.startswith("or"), "max")
    if word in _MAX_INCLUSIVE:
        return Amount(0.0, amount.high, True, True, "max")
    if word in _ESTIMATED:
        return amount._replace(qualifier="estimated")
    if word in _APPROX or word == "or so":
        return amount._replace(qualifier=amount.qualifier or "approx")
    return amount


_TEMPERATURE_CUES = lexicon.words("temperature_cues")
_CUE_REACH = 160  # characters either side of a figure read for a temperature cue


def _about_temperature(text: str, start: int) -> bool:
    """Whether the sentence around a figure speaks of heat or cold, so that a capital
    C or F alone after it is a temperature's scale."""
    left = max(text.rfind(". ", 0, start) + 1, text.rfind("\n", 0, start) + 1, start - _CUE_REACH)
    right_stops = [i for i in (text.find(". ", start), text.find("\n", start)) if i >= 0]
    right = min([*right_stops, start + _CUE_REACH])
    found = re.findall(r"[a-z]+", text[left:right].casefold())
    return any(w in _TEMPERATURE_CUES for w in found)


#: Currencies named by a word that is also a verb (lexicon/verb_like_currencies.txt),
#: read only after a sum this large.
_VERB_LIKE_CURRENCIES = lexicon.phrase_groups("verb_like_currencies")
_VERB_LIKE_CURRENCY = re.compile(
    r"\s+(" + "|".join(map(re.escape, _VERB_LIKE_CURRENCIES)) + r")\b", re.IGNORECASE
)
VERB_LIKE_FROM = 1000
#: What may follow such a currency when no scale word says it is money: a stop, a
#: bracket, or a rate ("an hour", "per month", "each"); a verb takes an object instead.
_NO_OBJECT = re.compile(r"\s*(?:[,.;:!?()\[\]]|$|(?:per|an?)\s+(?:hour|day|week|month|year)\b|each\b)")


#: A unit joined to its figure by a hyphen: "a 300-member assembly", "5-km".
_COMPOUND = re.compile(r"-([a-z]+)\b")


def _a_sum(text: str, raw: _Raw, national: re.Match[str]) -> bool:
    """Whether a currency named with its country is money here: in the plural
    ("12 Swiss francs"), or after a sum of a thousand or a scale word with nothing for
    it to qualify or take as an object; "two Brazilian real estate firms", "3 US
    dollar contracts" and "the 1,200 South Korean won medals" count firms,
    contracts and medals."""
    if national.group("plural"):
        return True
    return (raw.scale > 1 or raw.value >= VERB_LIKE_FROM) and bool(
        _NO_OBJECT.match(text, national.end())
    )


def _unit(text: str, raw: _Raw, end: int) -> tuple[str, str | None, int]:
    """The unit a number counts, the noun it modifies, and the end of the phrase."""
    national = None if raw.unit else _NATIONAL_CURRENCY.match(text, end)
    if national and _a_sum(text, raw, national):  # "40 million Swiss francs": CHF
        named = " ".join(national.group(1).casefold().split())
        return _NATIONAL_CURRENCIES[named], None, national.end()
    scale = None if raw.unit else _SCALE.match(text, end)
    if scale and scale.group(3) and not _about_temperature(text, raw.start):
        scale = None  # "Grade 4 C": a letter alone is a scale only where heat is told
    if scale:
        named = (scale.group(1) or scale.group(2) or scale.group(3)).casefold()
        return _SCALES[named], None, scale.end()
    compound = _COMPOUND.match(text[end : end + 30])
    if compound and compound.group(1) not in _FRACTIONS:
        unit = MEASURES.get(singular(compound.group(1)), singular(compound.group(1)))
        end += compound.end()
        modifies, end = _modified_noun(text, end)
        return raw.unit or unit, modifies, end
    if raw.unit:
        of_skip = skip_of_phrase(text[end : end + 40]) if raw.unit == "percent" else 0
        modifies, new_end = _modified_noun(text, end + of_skip)
        return raw.unit, modifies, new_end if modifies else end
    verb_like = _VERB_LIKE_CURRENCY.match(text, end) if raw.value >= VERB_LIKE_FROM else None
    if verb_like and (raw.scale > 1 or _NO_OBJECT.match(text, verb_like.end())):
        # "4.9 billion won", "8,740 won an hour": the currency; "1,100 won seats": the verb
        return _VERB_LIKE_CURRENCIES[verb_like.group(1).casefold()], None, verb_like.end()
    offset = skip_of_phrase(text[end : end + 40]) if (raw.spelled or raw.amount) else 0
    if offset and not (raw.amount or raw.value == 1 or raw.value == 12):
        offset = 0
    tail_start = end + offset
    run = noun_run(_phrase_window(text, tail_start))
    if not run:
        return _unit_elsewhere(text, end), None, end
    first = singular(run[0].group())
    if first == "nautical" and len(run) > 1 and singular(run[1].group()) == "mile":
        return "nmi", None, tail_start + run[1].end()  # a nautical mile, not a statute one
    area = _area(run)
    if area:  # "50 square kilometres", "20 sq miles": an area, not a distance
        modifies, phrase_end = _modified_noun(text, tail_start + run[1].end())
        return area, modifies, phrase_end
    if first in MEASURES and not run[0].group()[:1].isupper():
        unit = MEASURES[first]
        if unit == "percentage point" and len(run) > 1 and singular(run[1].group()) == "point":
            run = run[1:]
        unit_end = tail_start + run[0].end()
        per_hour = _PER_HOUR.match(text, unit_end) if unit in _SPEEDS else None
        if per_hour:  # "1,000 km per hour", "60 miles an hour": a speed, not a distance
            unit, unit_end = _SPEEDS[unit], per_hour.end()
        elif unit in _SPEEDS and (
            _PER_HOUR_PAST_BRACKETS.match(text, unit_end) or _PER_HOUR_AFTER_BRACKET.match(text, unit_end)
        ):
            unit = _SPEEDS[unit]
        modifies, phrase_end = _modified_noun(text, unit_end)
        if unit in CURRENCY_UNITS:
            modifies = None
            phrase_end = unit_end
        return unit, modifies, phrase_end
    head = head_noun(run, plural=raw.value != 1 or raw.amount is not None)
    if head is None:
        return _unit_elsewhere(text, end), None, end
    word = head.group()
    if word.endswith(("'", "’")):  # "two years' jail": years, of jail
        modifies, phrase_end = _modified_noun(text, tail_start + head.end())
        return singular(word[:-1]), modifies, phrase_end
    if singular(word) in RATED_EVENTS and "." in text[raw.start : raw.end]:
        return "magnitude", singular(word), tail_start + head.end()  # "a 5.9 tremor"
    return singular(word), None, tail_start + head.end()


_SQUARE = frozenset({"square", "sq"})


def _area(run: list[re.Match[str]]) -> str | None:
    """The area unit "square" or "sq" makes of a length unit after it ("square
    kilometres", "sq mi"), if the noun run starts so."""
    if len(run) < 2 or run[0].group().casefold().rstrip(".") not in _SQUARE:
        return None
    return MEASURES.get(f"square {singular(run[1].group())}")


def _rates_an_event(text: str, raw: _Raw) -> bool:
    """A bare decimal under ten right after a rated happening is its magnitude, as
    before it ("a 5.9 tremor"): no one counts 7.4 of anything there."""
    if raw.spelled or raw.amount is not None or "." not in text[raw.start : raw.end]:
        return False
    if not 0 < raw.value < 10:
        return False
    before = text[max(0, raw.start - 40) : raw.start]
    words = re.findall(r"[A-Za-z]+", before)[-3:]
    return any(singular(w.lower()) in RATED_EVENTS for w in words)


#: A line break before a blank line or a capital ends the phrase a figure's noun is read
#: from: a headline's last figure does not count the first word of the story below it.
_LINE_END = re.compile(r"\n\s*(?=\n|[A-Z\"“‘'])")


def _phrase_window(text: str, start: int, size: int = 80) -> str:
    window = text[start : start + size]
    cut = _LINE_END.search(window)
    return window[: cut.start()] if cut else window


#: "7 of the 9 counts", "85 out of 150 seats": the first figure counts the second's unit.
#: Hedges a partitive's whole may carry: "8 million out of the nearly 21 million ballots".
_WHOLE_HEDGES = "|".join(
    r"\s+".join(map(re.escape, hedge.split()))
    for hedge in sorted(
        _APPROX | _MIN_INCLUSIVE | _MAX_INCLUSIVE | _MAX_EXCLUSIVE | _MIN_EXCLUSIVE,
        key=len,
        reverse=True,
    )
    if not hedge.startswith(("a ", "an "))
)
_PARTITIVE = re.compile(
    r"\s+(?:out\s+)?of\s+(?:the\s+|its\s+|their\s+|all\s+)?"
    rf"(?:(?:{_WHOLE_HEDGES})\s+)?"
    r"(?:[0-9][0-9,.]*|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s+(?=[a-z])"
)


def _unit_elsewhere(text: str, end: int) -> str:
    """The unit of a figure with no noun after it, when the phrase still names one.

    "seven of nine counts" counts counts: without a unit such a figure could
    never be set against the other article's "seven counts".
    """
    partitive = _PARTITIVE.match(text, end)
    if partitive:
        head = head_noun(noun_run(_phrase_window(text, partitive.end())), plural=True)
        if head is not None:
            return singular(head.group())
    return ""


def _modified_noun(text: str, start: int) -> tuple[str | None, int]:
    """The first noun after a measure ("5,000-word joint statement" → statement)."""
    run = noun_run(_phrase_window(text, start), limit=3)
    nouns = [m for m in run if not is_adjective_like(m.group())]
    if not nouns:
        return None, start
    return singular(nouns[0].group()), start + nouns[0].end()
