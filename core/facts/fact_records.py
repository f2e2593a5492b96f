"""The facts one article states, as small immutable records.

Every record carries ``start, end, text`` with ``text == article.text[start:end]``
so the window, the report and the discrepancy engine can point at the exact
characters a fact came from, and ``sentence``: the index of its sentence in
``split_sentences(article.text, article.boilerplate)``.

Each record also answers ``kind``: for most records it names the fact type
(``number``, ``quote``…, the vocabulary of discrepancy kinds); a ``DateRef``'s
``kind`` is a field that says which sort of date expression it is.
"""

from __future__ import annotations

import math
from typing import NamedTuple

INF = math.inf

#: Quantity qualifiers: how the article hedges or bounds a number.
QUALIFIERS = ("", "approx", "estimated", "min", "max", "range", "vague")

#: DateRef kinds.
DATE_KINDS = ("absolute", "weekday", "relative", "time")

ENTITY_LABELS = ("person", "org", "place", "other")


class Quantity(NamedTuple):
    """A number with its unit, as an interval so hedged figures compare fairly.

    ``low``/``high`` bound the value the article allows ("more than 13,000" is
    (13000, inf)); ``qualifier`` keeps the hedge word's meaning so the
    discrepancy engine can apply a tolerance to "about"/"an estimated".
    """

    start: int
    end: int
    text: str
    low: float
    high: float
    low_inclusive: bool
    high_inclusive: bool
    unit: str
    qualifier: str
    modifies: str | None
    sentence: int

    @property
    def kind(self) -> str:
        return "number"

    @property
    def exact(self) -> bool:
        """One stated value, not a bound or a vague amount."""
        return self.low == self.high

    def contains(self, value: float) -> bool:
        """Whether ``value`` lies inside the interval the article allows."""
        above = value > self.low or (self.low_inclusive and value == self.low)
        below = value < self.high or (self.high_inclusive and value == self.high)
        return above and below


class DateRef(NamedTuple):
    """A date, weekday, relative day or clock time, resolved when possible.

    ``value`` is an ISO 8601 string of the precision the text allows:
    ``2022-01-26`` (a day), ``2022-01`` (a month), ``2022`` (a year),
    ``2022-W03`` (a week), ``--02-22`` (a day of an unknown year), or a time
    ``12:12`` / ``17:12+00:00`` (with offset when the zone is known).
    """

    start: int
    end: int
    text: str
    kind: str
    value: str | None
    weekday: int | None  # Monday = 0, as datetime.date.weekday()
    sentence: int


class Quote(NamedTuple):
    """Words the article puts between quotation marks, and who said them.

    ``text`` is the inner words only. ``short`` marks scare quotes of one to
    three words, which rarely carry a claim of their own.
    """

    start: int
    end: int
    text: str
    speaker: str | None
    speaker_key: str | None
    sentence: int
    short: bool = False

    @property
    def kind(self) -> str:
        return "quote"


class Attribution(NamedTuple):
    """Who a claim is credited to ("according to Reuters", "X told reporters").

    ``cue`` is the phrase that attributes (``according to``, ``said``,
    ``citing``, ``readout``…). A chain such as "the ministry said in a
    statement, according to Reuters" yields one record per link; the
    ministry's record has ``via="reuters"``: the key of who relayed it.
    """

    start: int
    end: int
    text: str
    source: str
    source_key: str
    sentence: int
    cue: str = ""
    via: str | None = None

    @property
    def kind(self) -> str:
        return "attribution"


class Entity(NamedTuple):
    """A named person, organisation or place, with a key stable across articles.

    For people the key is the normalised surname ("blinken"), so "Antony
    Blinken", "Secretary Blinken" and "Blinken" share it in any article.
    """

    start: int
    end: int
    text: str
    key: str
    label: str
    sentence: int

    @property
    def kind(self) -> str:
        return "entity"


class Polarity(NamedTuple):
    """A clause and whether it is negated, with the cue that says so.

    ``negated`` is False for affirmative cues that pair with a negative one
    ("confirmed" against "denied"), so two accounts can be set against each
    other. ``cue_start`` locates the cue inside the article text.
    """

    start: int
    end: int
    text: str
    negated: bool
    cue: str
    sentence: int
    cue_start: int = -1

    @property
    def kind(self) -> str:
        return "negation"


class Facts(NamedTuple):
    """All the facts of one article, each tuple in text order."""

    quantities: tuple[Quantity, ...] = ()
    dates: tuple[DateRef, ...] = ()
    quotes: tuple[Quote, ...] = ()
    attributions: tuple[Attribution, ...] = ()
    entities: tuple[Entity, ...] = ()
    polarities: tuple[Polarity, ...] = ()
