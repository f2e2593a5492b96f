"""When two stated quantities agree, and how to say that they don't.

Figures are intervals ("more than 13,000" is (13,000, ∞)). Two figures agree
when the value one article commits to falls inside what the other allows.
Two floors of precise counts ("at least 79" / "at least 90") are two tolls.
Hedged single values get a margin because a reporter rounding is not a
reporter contradicting: ±10 % for "about", ±20 % for "an estimated"; vague ranges ("tens of
thousands") are already as wide as the words allow and get none, so
"an estimated 100,000" and "tens of thousands" still conflict. A figure
"nearly" reached falls short of a floor at that figure ("more than 40").
"""

from __future__ import annotations

import math
import re
from decimal import ROUND_DOWN, ROUND_HALF_UP, Decimal
from functools import lru_cache

from core import lexicon
from core.facts.fact_records import Quantity
from core.facts.quantities import CURRENCY_UNITS

#: Margin of a hedged single value: "an estimated" is a guess, "about" a rounding.
HEDGE_MARGINS = {"estimated": 0.20, "approx": 0.10}
EXACT_MARGIN = 0.005  # "1.2 million" vs "1,200,000", float noise
OPEN_BOUND_REACH = 1.5  # "more than N" still reads as at most this many times N
_DETERMINERS = frozenset(
    {"the", "these", "those", "its", "his", "her", "their", "our", "both", "all"}
)


def _singular(unit: str) -> str:
    if unit.endswith("ies") and len(unit) > 4:
        return unit[:-3] + "y"
    if unit.endswith("s") and not unit.endswith("ss") and len(unit) > 3:
        return unit[:-1]
    return unit


PEOPLE = frozenset(_singular(word) for word in lexicon.words("person_units"))
#: Nouns of one counted thing → the thing (lexicon/counted_things.txt).
THINGS = {_singular(word): group for word, group in lexicon.groups("counted_things").items()}


def unit_key(q: Quantity) -> str:
    """The unit folded to one key per thing counted: "suspects", "persons" and
    "people" all count people."""
    return _unit_key(q.unit)


@lru_cache(maxsize=4096)
def _unit_key(unit: str) -> str:
    """``unit_key`` by the unit's text: pairing, agreement and omissions ask it
    about a thousand times a pair, of a few dozen distinct units."""
    folded = _singular(unit.casefold().strip())
    return "people" if folded in PEOPLE else THINGS.get(folded, folded)


def counts_people(word: str) -> bool:
    """Whether a noun counts people ("passengers", "crew", "members")."""
    return _unit_key(word) == "people"


def representative(q: Quantity) -> float:
    """The single value an article commits to: the figure, the bound, or a range's middle."""
    if q.exact or math.isinf(q.high):
        return q.low
    if q.low <= 0 or math.isinf(q.low):
        return q.high
    return math.sqrt(q.low * q.high)  # middle of "tens of thousands" on a log scale


#: Units read on a scale where a tenth is news ("magnitude 7.4" against "7.6"): an
#: "estimated" or "preliminary" reading there is still that reading, not a range.
SCALES = frozenset({"magnitude"})


def _tolerant_contains(q: Quantity, value: float) -> bool:
    tenth = _share_step(q)
    if tenth:
        return q.low - tenth <= value <= q.high + tenth
    if q.exact:
        margin = EXACT_MARGIN if q.unit in SCALES else HEDGE_MARGINS.get(q.qualifier, EXACT_MARGIN)
        low, high = sorted((q.low * (1 - margin), q.high * (1 + margin)))
        return low <= value <= high
    return _as_read(q).contains(value)


def _as_read(q: Quantity) -> Quantity:
    """An open bound as a reader takes it: "more than 20" is not 47.

    A reporter who knows the toll is 47 writes "more than 45"; a figure past
    OPEN_BOUND_REACH times the bound tells another count, not the same count
    rounded down. Only positive lower bounds of counts are closed so.
    """
    if math.isinf(q.high) and q.low > 0 and q.qualifier == "min":
        return q._replace(high=q.low * OPEN_BOUND_REACH, high_inclusive=True)
    return q


def _intervals_overlap(a: Quantity, b: Quantity) -> bool:
    if a.high < b.low or b.high < a.low:
        return False
    if a.high == b.low:
        return a.high_inclusive and b.low_inclusive
    if b.high == a.low:
        return b.high_inclusive and a.low_inclusive
    return True


def _interval(q: Quantity) -> tuple[float, float, bool, bool, str]:
    return q.low, q.high, q.low_inclusive, q.high_inclusive, q.qualifier


#: Two plain stated values further apart than this share of the larger never agree:
#: the widest allowance for them is a two-digit figure rounded half up (a twentieth).
FAR_APART = 0.1


def _far_apart(a: Quantity, b: Quantity) -> bool:
    """A quick answer for most pairs of plain figures ("41" / "38")."""
    if a.qualifier or b.qualifier or a.low != a.high or b.low != b.high:
        return False
    big = max(abs(a.low), abs(b.low))
    return big > 0 and abs(a.low - b.low) > FAR_APART * big


#: Readings whose "up to" names the peak reached, not a ceiling on a count: "winds
#: of up to 185 km/h", "temperatures up to 52.9 degrees".
PEAK_UNITS = frozenset({"km/h", "mph", "knot", "°c", "°f", "degree"})


def _peak(q: Quantity) -> Quantity:
    if q.qualifier == "max" and q.high_inclusive and unit_key(q) in PEAK_UNITS and not math.isinf(q.high):
        return q._replace(low=q.high, low_inclusive=True, qualifier="")
    return q


def agree(a: Quantity, b: Quantity) -> bool:
    """Whether two figures for the same thing are compatible."""
    if _interval(a) == _interval(b):
        return True  # the same value, bounds and hedge: "212 people" / "212 passengers"
    if _clocked(a) and _clocked(b):
        return a.low == b.low  # "2hr 9min 12sec" / "two hours, nine minutes and 13 seconds"
    if separators_swapped(a, b):
        return True
    if _far_apart(a, b):
        return False
    a, b = _peak(a), _peak(b)
    if _floors(a, b) and (_rounds_down(a, b) or _rounds_down(b, a)):
        return True
    if _floors(a, b) and _least(a) != _least(b) and _precise(min(a.low, b.low)):
        return _rounded_floors(a, b)
    if _floor_below_count(a, b) or _floor_below_count(b, a):
        return False
    if _short_of_floor(a, b) or _short_of_floor(b, a):
        return False
    if _differ_in_precise_digits(a, b) or _two_roundings_apart(a, b):
        return False
    if _hedge_misses(a, b) or _hedge_misses(b, a):
        return False
    if _rounds_decimals(a, b) or _rounds_decimals(b, a):
        return True
    if _rounds_to_thousands(a, b) or _rounds_to_thousands(b, a):
        return True
    if _tolerant_contains(b, representative(a)) or _tolerant_contains(a, representative(b)):
        return True
    return not a.exact and not b.exact and _intervals_overlap(_as_read(a), _as_read(b))


#: A figure's digits with their separators ("30,621", "30.621", "1.002").
_DIGITS = re.compile(r"\d[\d.,]*\d|\d")
_POINT_THOUSANDS = re.compile(r"^\d{1,3}(?:\.\d{3})+$")


def separators_swapped(a: Quantity, b: Quantity) -> bool:
    """One figure written with a point for thousands, as much of Europe writes it
    ("30.621" for 30,621): the other article's "30,621" or "30621" is the same count,
    whatever the point was read as. Only whole thousands groups count: "3.5" is no
    thousands."""
    if "." not in a.text and "." not in b.text:
        return False  # most figures: no point to read either way
    da, db = _DIGITS.search(a.text), _DIGITS.search(b.text)
    if da is None or db is None:
        return False
    x, y = da.group(), db.group()
    if not (_POINT_THOUSANDS.match(x) or _POINT_THOUSANDS.match(y)):
        return False
    return x != y and re.sub(r"[.,]", "", x) == re.sub(r"[.,]", "", y)


def _clocked(q: Quantity) -> bool:
    """A time told to the second, unhedged: a race's or a flight's, where one second is
    the news and no margin for rounding applies."""
    return q.exact and not q.qualifier and unit_key(q) == "second"


APPROACHING = lexicon.lines("approaching")
#: Significant digits from which a figure is a count to the unit, not a rounding:
#: "1.41178 billion" and "1,411,718,000" differ, "1.4 billion" and it do not; so do
#: "317" and "318" dead, and a 48.3 % and a 48.2 % share, where "200" may round "201".
PRECISE_DIGITS = 3
PRECISE_FROM = 10 ** (PRECISE_DIGITS - 1)


def _differ_in_precise_digits(a: Quantity, b: Quantity) -> bool:
    """Two unhedged figures written to several significant digits that disagree at the
    precision of the less precise one, though within the margin kept for float noise."""
    if not (a.exact and b.exact) or a.qualifier or b.qualifier or a.low == b.low:
        return False
    if _small_whole(a.low) or _small_whole(b.low):
        return False  # a whole number under 100 has fewer digits than that
    digits = min(_written_significant(a), _written_significant(b))
    if digits < PRECISE_DIGITS:
        return False
    return not (_rounds_to(a.low, b.low, digits) or _rounds_to(b.low, a.low, digits))


def _two_roundings_apart(a: Quantity, b: Quantity) -> bool:
    """ "some 41 million" against "around 44 million": two values each hedged as
    rounded, each told to two significant digits or more, neither a rounding of the
    other. Two newsrooms rounding one count write one figure or a rounder one
    ("about 280" / "around 300"), not two figures equally precise and apart."""
    if a.qualifier != "approx" or b.qualifier != "approx" or not (a.exact and b.exact):
        return False
    if a.low == b.low or _approaching(a) or _approaching(b):
        return False
    if not (a.text[:1].isalpha() and b.text[:1].isalpha()):
        return False  # a figure converted to another unit is read as "about" without saying so
    digits = min(_written_significant(a), _written_significant(b))
    if digits < 2:
        return False
    return not (_rounds_to(a.low, b.low, digits) or _rounds_to(b.low, a.low, digits))


#: A share hedged as rounded ("around 77 percent") reaches this many points either side.
SHARE_POINTS = 1.0


def _hedge_misses(hedged: Quantity, count: Quantity) -> bool:
    """ "about 2.92 million" votes against a stated 2,843,346, "around 77 percent"
    against 83%: a hedge told to three significant digits rounds a count at that
    precision, and a hedged share is a point or so off, not a tenth of itself. So the
    count must lie within one unit of the hedge's last digit (a share: within a point,
    or half its rounding step; a share told to a tenth of a point, within a tenth).
    Two digits or fewer keep the tenth ("about 45" may stand for 48). Measures a
    conversion reaches, and sums of money, are left alone: converted to another unit
    or currency, a figure's written digits no longer tell its precision."""
    if hedged.qualifier != "approx" or not hedged.exact or hedged.low <= 0:
        return False
    if not count.exact or count.qualifier or count.low == hedged.low:
        return False
    unit = unit_key(hedged)
    if unit in CONVERSIONS or unit in TEMPERATURES or unit != unit_key(count):
        return False
    if hedged.unit in CURRENCY_UNITS:
        return False  # a sum "about" in one currency is often another's, at some rate
    if not hedged.text[:1].isalpha() or _approaching(hedged):
        return False  # "nearly 3 million" falls short on purpose
    digits = _written_significant(hedged)
    step = 10.0 ** (math.floor(math.log10(hedged.low)) - digits + 1)
    if _share_step(hedged):
        margin = step  # "about 8.5%": told to a tenth of a point, it rounds a tenth
    elif unit == "percent":
        margin = max(SHARE_POINTS, step / 2)
    elif digits >= PRECISE_DIGITS:
        margin = step
    else:
        return False
    return abs(count.low - hedged.low) > margin * (1 + 1e-9)


_DECIMAL = re.compile(r"\d\.\d")


def _rounds_decimals(short: Quantity, long: Quantity) -> bool:
    """ "46 percent" for a stated 46.46 %: a figure with decimals told to fewer digits
    (two at least), rounded half up. Cut off is not rounding: "55%" for a stated 55.7 %
    is a wrong figure."""
    if not (short.exact and long.exact) or short.qualifier or long.qualifier:
        return False
    if not _DECIMAL.search(long.text) or short.low == long.low or _far_apart(short, long):
        return False
    digits = _written_significant(short)
    if not 2 <= digits < _written_significant(long):
        return False
    return _half_up(long.low, short.low, digits)


#: The least a round figure must be to read as thousands rounded ("63,000").
ROUND_THOUSANDS = 1000


def _rounds_to_thousands(short: Quantity, long: Quantity) -> bool:
    """ "63,000" votes for a stated 63,412: a count in whole thousands, told to two
    significant digits or more, that the precise count rounds to half up, as
    ``_rounds_decimals`` reads "63 million" for 63.4 million. One significant digit
    is no such rounding ("1,000" against 1,046 dead), and neither is a cut-off."""
    if not (short.exact and long.exact) or short.qualifier or long.qualifier:
        return False
    if short.low < ROUND_THOUSANDS or short.low % ROUND_THOUSANDS or short.low == long.low:
        return False
    digits = _significant(short.low)
    if not 2 <= digits < _significant(long.low):
        return False
    return _half_up(long.low, short.low, digits)


def _half_up(value: float, rounded: float, digits: int) -> bool:
    """Whether ``value`` told to ``digits`` significant digits, half up, is ``rounded``.
    Decimal, because the binary float nearest 56.55 lies below it."""
    exact = Decimal(repr(value))
    step = Decimal(1).scaleb(exact.adjusted() - digits + 1)
    return exact.quantize(step, rounding=ROUND_HALF_UP) == Decimal(repr(rounded)).quantize(step)


_WRITTEN_DECIMAL = re.compile(r"\d[\d,]*\.\d+")


def _written_significant(q: Quantity) -> int:
    """Significant digits as written: "50.20%" gives four, where the value 50.2 gives
    three; a figure without a decimal point is read from its value."""
    written = _WRITTEN_DECIMAL.search(q.text)
    if written is None:
        return _significant(q.low)
    digits = written.group().replace(",", "").replace(".", "").lstrip("0")
    value = float(written.group().replace(",", ""))
    return len(digits) if digits and value == q.low else _significant(q.low)


def _share_step(q: Quantity) -> float:
    """The last written digit's step of a hedged share told with decimals ("about 8.5%",
    "nearly 35.5 percent": 0.1), or 0: such a share rounds at that digit, not by a
    tenth of itself or a whole point."""
    if q.qualifier != "approx" or not q.exact or unit_key(q) != "percent":
        return 0.0
    written = _WRITTEN_DECIMAL.search(q.text)
    if written is None or float(written.group().replace(",", "")) != q.low:
        return 0.0
    return 10.0 ** -len(written.group().split(".")[1])


def _small_whole(value: float) -> bool:
    return value < PRECISE_FROM and value == int(value)


@lru_cache(maxsize=4096)
def _significant(value: float) -> int:
    mantissa = f"{value:.10g}".replace(".", "").lstrip("0").split("e")[0]
    return len(mantissa.rstrip("0")) or 1


@lru_cache(maxsize=16384)
def _rounds_to(value: float, other: float, digits: int) -> bool:
    """Whether ``value`` written to ``digits`` significant digits is ``other`` so
    written, rounding half up as newsrooms do or cutting the digits off: 56.55 % is
    reported as 56.6 % or 56.5 %, never as 56.7 %. Decimal, because the binary
    float nearest 56.55 lies below it and would round down."""
    exact = Decimal(repr(value))
    step = Decimal(1).scaleb(exact.adjusted() - digits + 1)
    target = Decimal(repr(other)).quantize(step, rounding=ROUND_HALF_UP)
    return target in (
        exact.quantize(step, rounding=ROUND_HALF_UP),
        exact.quantize(step, rounding=ROUND_DOWN),
    )


def _short_of_floor(a: Quantity, b: Quantity) -> bool:
    """ "nearly 40" against "more than 40" (or "at least 40"), or against a stated 43:
    one count falls short of the number the other passes or reaches beyond."""
    if a.qualifier != "approx" or not a.exact:
        return False
    if b.qualifier == "min":
        past = b.low >= a.high
    else:
        past = b.exact and not b.qualifier and b.low > a.high
    return past and _approaching(a)


def _approaching(q: Quantity) -> bool:
    hedge = " ".join(q.text.casefold().split())
    return any(hedge.startswith(f"{word} ") for word in APPROACHING)


def _least(floor: Quantity) -> float:
    """The smallest count a floor allows: "more than 2,700" flights is "at least 2,701"."""
    if not floor.low_inclusive and floor.low == int(floor.low):
        return floor.low + 1
    return floor.low


#: Number words of a round figure ("at least a dozen"): lexicon/round_number_words.txt.
ROUND_NUMBER_WORDS = lexicon.words("round_number_words")


def _floor_below_count(floor: Quantity, count: Quantity) -> bool:
    """ "at least 84" dead against a stated 91: a newsroom that counted 84 and one that
    counted 91 give two tolls, as two floors do. A round floor ("at least 80", "at
    least a dozen") or an exclusive one ("more than 84") may round the count."""
    return (  # cheap tests first: agreement is asked for every candidate pair
        floor.qualifier == "min"
        and count.exact
        and not count.qualifier
        and floor.low_inclusive
        and math.isinf(floor.high)
        and count.low > floor.low
        and floor.low == int(floor.low)
        and int(floor.low) % 10 != 0
        and not (set(floor.text.casefold().split()) & ROUND_NUMBER_WORDS)
    )


def _floors(a: Quantity, b: Quantity) -> bool:
    return all(math.isinf(q.high) and q.qualifier == "min" for q in (a, b))


#: A floor in whole thousands ("over 3.7 million", "over $250 million") is a rounding
#: whatever its digits, and a floor rounded down to two digits gives away up to a
#: tenth: "over 3.75 million" or "over $265 million" elsewhere may be the same count;
#: "over 12,000" against "more than 14,000" is two counts.
ROUNDED_TO = 1000
ROUNDING_GAP = 0.1
#: Counts this small are counted one by one: "at least nine" and "at least 10" dead
#: are two tolls, where "at least 90" may round "at least 79".
SMALL_COUNT = 20


def _rounds_down(rounded: Quantity, floor: Quantity) -> bool:
    """Whether an exclusive floor at a round figure ("over 360", "more than 2,700",
    "more than 10") rounds the other floor down ("at least 363", "more than a
    dozen"): a newsroom writing "over" a round figure gives away what lies below the
    next step of that rounding. A hundred or more to one significant digit ("more
    than 100") is too coarse a step to give away ("at least 190" is another count)."""
    value = round(rounded.low)
    if rounded.low_inclusive or value <= 0 or not math.isclose(value, rounded.low):
        return False
    digits = str(value)
    kept = digits.rstrip("0")
    step = 10 ** (len(digits) - len(kept))
    fine = len(kept) >= 2 or step == 10
    return fine and step > 1 and value <= floor.low < value + step


def _rounded_floors(a: Quantity, b: Quantity) -> bool:
    """Two floors, the lower in whole thousands, within a tenth: one count rounded twice."""
    low, high = sorted((a.low, b.low))
    return low >= ROUNDED_TO and low % ROUNDED_TO == 0 and high - low <= ROUNDING_GAP * high


def _precise(value: float) -> bool:
    """A figure of two significant digits or more ("79", "104", "1.1 million"): a
    newsroom writing "at least 79" counted 79; "at least 90" elsewhere is another
    count, where "more than a million" and "over 1.1 million" may be one."""
    if value <= 0 or value != int(value):
        return value > 0
    digits = str(int(value)).rstrip("0")
    return len(digits) >= 2 or value < SMALL_COUNT


def same_unit(a: Quantity, b: Quantity) -> bool:
    return unit_key(a) == unit_key(b)


def telling(text: str, q: Quantity) -> bool:
    """Whether a figure states a count worth checking.

    Not a lone spelled-out "one" ("one country": grammar), nor a small
    spelled-out number after a determiner ("the two leaders", "its three
    partners"), which refers back to people already named rather than counting.
    """
    spelled = not any(ch.isdigit() for ch in q.text)
    if spelled and q.exact and q.low <= 1:
        return False
    before = text[max(0, q.start - 12) : q.start].split()
    return not (
        spelled and q.exact and q.low <= 12 and before and before[-1].casefold() in _DETERMINERS
    )


#: Times on a clock's scale are one measure ("three minutes" / "2 minutes 40 seconds");
#: a span of months against one of years is nearly always two different spans.
_CLOCK_UNITS = frozenset({"second", "minute", "hour"})


def _conversions() -> dict[str, tuple[float, str]]:
    """unit key → (its size in the base unit, the base unit's key): lengths, masses,
    areas and speeds, and clock times in seconds."""
    found = {
        unit: (float(seconds), "second")
        for unit, seconds in lexicon.groups("durations").items()
        if unit in _CLOCK_UNITS
    }
    for line in lexicon.lines("conversions"):
        unit, size, base = line.split()
        found[unit] = (float(size), base)
    return found


CONVERSIONS = _conversions()


#: Temperatures: "degree" is a figure whose scale the article does not name.
TEMPERATURES = frozenset({"°c", "°f", "degree"})


def base_unit(unit: str) -> str:
    """A measure's base unit ("mile" → "metre"): the key two figures must share to be
    compared; any other unit is its own key."""
    if unit in TEMPERATURES:
        return "degree"
    return CONVERSIONS[unit][1] if unit in CONVERSIONS else unit


def agree_converted(x: Quantity, y: Quantity) -> bool:
    """``agree``, in one unit when the two are written in different units of one
    dimension; a converted figure is someone's rounding, so it is read as "about"."""
    unit_x, unit_y = unit_key(x), unit_key(y)
    if unit_x != unit_y and {unit_x, unit_y} <= TEMPERATURES:
        return any(agree(a, b) for a in _in_celsius(x) for b in _in_celsius(y))
    if unit_x == unit_y or unit_x not in CONVERSIONS or unit_y not in CONVERSIONS:
        return agree(x, y)
    return agree(_in_base_unit(x), _in_base_unit(y))


def _in_celsius(q: Quantity) -> list[Quantity]:
    """A temperature's readings in Celsius: a US outlet's bare "125 degrees" is
    Fahrenheit where another's is Celsius, so a bare figure is read both ways."""
    readings = []
    if unit_key(q) in ("°c", "degree"):
        readings.append(q._replace(unit="°C"))
    if unit_key(q) in ("°f", "degree"):
        readings.append(
            q._replace(
                low=(q.low - 32) * 5 / 9,
                high=(q.high - 32) * 5 / 9,
                unit="°C",
                qualifier=q.qualifier or "approx",
            )
        )
    return readings


def _in_base_unit(q: Quantity) -> Quantity:
    size, base = CONVERSIONS[unit_key(q)]
    return q._replace(
        low=q.low * size,
        high=q.high * size,
        unit=base,
        qualifier=q.qualifier or "approx",
    )


#: Figures of one thing this many times apart count different things ("$4.64" a share
#: against "$22 billion" of revenue, 50 new cases against 14,000 this year): a
#: newsroom's slip drops or adds a zero, not three.
ORDERS_APART = 100.0


def size(q: Quantity) -> float:
    """The value a figure commits to, in its dimension's base unit when it has one."""
    return representative(_in_base_unit(q) if unit_key(q) in CONVERSIONS else q)


def sizes_apart(x: float, y: float) -> bool:
    """Whether two sizes (``size``) are over ORDERS_APART times apart."""
    if x <= 0 or y <= 0 or math.isinf(x) or math.isinf(y):
        return False
    return max(x, y) / min(x, y) > ORDERS_APART
