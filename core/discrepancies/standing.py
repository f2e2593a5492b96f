"""What a figure stands for besides a plain count of its things.

Two figures are only set against each other when they stand for the same
kind of value: "40 bodies yet to be identified" counts those still waiting,
"8kg lighter than" is the gap between two weights, "with 95 per cent of
votes tallied" is how far a count had got. Each meets only its own kind.
"""

from __future__ import annotations

import re

from core import lexicon
from core.discrepancies.quantity_agreement import CONVERSIONS, TEMPERATURES, unit_key
from core.discrepancies.side import Side, per_article
from core.facts.fact_records import Quantity
from core.facts.quantities import CURRENCY_UNITS, RATE_BASE_WORDS, ROUND_BASE


def _alternatives(name: str) -> str:
    """A lexicon file's words or phrases as regular-expression alternatives, longest
    first, a phrase's spaces matching any run of spaces and a trailing "*" any ending
    ("increas*": increased, increases)."""
    phrases = sorted(lexicon.lines(name), key=len, reverse=True)
    return "|".join(
        re.escape(p[:-1]) + r"\w*" if p.endswith("*") else re.escape(p).replace(r"\ ", r"\s+")
        for p in phrases
    )


PENDING = "pending"
DIFFERENCE = "difference"
PROGRESS = "progress"
SIZE = "size"
PER_UNIT = "per unit"
RECALLED = "recalled"
CHANGE = "change"
REQUESTED = "requested"
AVERAGE = "average"
PREMIUM = "premium"
FORECAST = "forecast"
THRESHOLD = "threshold"
#: "since 1999, when a 7.6 tremor killed…", "in 2018, 40 died": a year named before the
#: figure in its sentence, earlier than the story's own, puts the figure in the past.
_PAST_YEAR = re.compile(r"\b(?:in|since|of|during)\s+((?:19|20)\d\d)\b(?!,\d)[^.;]{0,40}$", re.I)
_YEAR = re.compile(r"\b((?:19|20)\d\d)\b(?!,\d)")
#: "$34 each", "$34 a share", "£5 per head": a price of one unit, not a total.
#: A sum for each one or per period ("$34 a share", "20 euros per day", "€1,200 each"):
#: after "a" or "an" only the nouns of lexicon/rate_nouns.txt ("$5 billion a year ago"
#: is a sum of a year before); after "per" any noun.
_RATE_NOUNS = _alternatives("rate_nouns")
_PER_UNIT = re.compile(
    rf"\s*(?:\([^()\n]{{1,40}}\)\s*)?(?:each|apiece|per\s+[^\W\d_]+|an?\s+(?:{_RATE_NOUNS}))\b"
    r"(?!\s+(?:ago|earlier|before)\b)",
    re.I,
)
#: A rate over a base ("6.77 per 1,000 people", "12 deaths per 100,000", "$900 per
#: capita"): how often, not how many.
_RATE_AFTER = re.compile(
    rf"\s*(?:[^\W\d_]+\s+){{0,2}}?{RATE_BASE_WORDS}\s+"
    rf"(?:{ROUND_BASE}|(?:a\s+|one\s+)?(?:hundred|thousand|million)|capita)\b",
    re.I,
)
#: Units of a body's size when joined to the figure ("a 300-member assembly", "a
#: 12-seat council"): how big the body is, not how many of it did something.
_BODY_UNITS = frozenset({"member", "seat", "people"})
_JOINED = re.compile(r"\d-[^\W\d_]")
#: "won 70 of the 150 seats": the seats after "of the" are all the body has.
_SEATS = frozenset({"member", "seat"})
_OF_THE = re.compile(r"\bof\s+(?:the|its|their|all)\s+$", re.I)
#: "can accommodate 35,000", "a capacity of 43", "a 35,000-capacity stadium": what a
#: place or vehicle holds (lexicon/capacity_cues.txt), a size like a body's.
_CAPACITY_CUES = _alternatives("capacity_cues")
_CAPACITY_BEFORE = re.compile(
    rf"\b(?:{_CAPACITY_CUES})\s+(?:only\s+|just\s+|up\s+to\s+|about\s+|around\s+|some\s+)?$", re.I
)
_CAPACITY_AFTER = re.compile(r"^-?\s*capacity\b", re.I)

#: "rose to 93 from 60", "declining sharply from the …", "weakened from a peak of
#: 250 kph", "compared with … a year earlier": the value before a change, which
#: another article's current value never restates.
_PRIOR_CUES = "|".join(sorted(lexicon.words("prior_value_cues")))
_PRIOR_BEFORE = re.compile(
    rf"(?:\b(?:{_PRIOR_CUES})\b[^.;:,]{{0,25}}?\bfrom|\bcompared\s+(?:with|to)"
    r"|\bto\s+[^\s,;:]*\d[^\s,;:]*(?:\s+[^\W\d_]+){0,2}\s+from)"
    r"\s+(?:(?:the|a|an|its|their)\s+)?(?:(?:peak|high|low|level|record)\s+(?:of\s+)?)?$",
    re.I,
)
#: Every branch of ``_PRIOR_BEFORE`` holds "from" or "compared": words without either
#: are answered by this plain search, not the costly one tried at every offset.
_PRIOR_WORD = re.compile(r"from|compared", re.I)
_PRIOR_AFTER = re.compile(
    r"^[^.;:]{0,30}?\b(?:a\s+year\s+(?:ago|earlier|before)|in\s+the\s+same\s+"
    r"(?:period|quarter|month|half)\s+(?:a\s+year\s+ago|last\s+year))\b",
    re.I,
)
_REQUESTS = _alternatives("request_verbs")
#: The cue, then words of the same request up to the figure: no clause of outcome between.
_REQUEST_BEFORE = re.compile(
    rf"\b(?:{_REQUESTS})\b(?:(?!\b(?:but|while|whereas|instead|sentenced|ordered|fined|gave|handed|"
    rf"imposed|awarded)\b)[^.;:])*$",
    re.I,
)
_REQUEST_AFTER = re.compile(rf"^\s+(?:[\w-]+\s+){{0,3}}?(?:had\s+|have\s+)?(?:{_REQUESTS})\b", re.I)
#: "averaging 50%", "an average of 12 a day", "12 on average": a mean, which a peak
#: ("as high as 88%") or a single count never restates.
_AVERAGE_BEFORE = re.compile(r"\b(?:averag(?:e|ed|es|ing)|mean)\s+(?:of\s+)?(?:about\s+|around\s+)?$", re.I)
_AVERAGE_AFTER = re.compile(r"^\s*(?:[\w-]+\s+){0,2}?on\s+average\b", re.I)
#: "a premium of 8% to …", "a 29% premium over …": a share over a reference price.
_PREMIUM_BEFORE = re.compile(r"\bpremium\s+of\s+(?:about\s+|around\s+|roughly\s+)?$", re.I)
_PREMIUM_AFTER = re.compile(r"^\s*premium\b", re.I)
#: What a premium is over: the rest of its clause after "to", "on" or "over".
_REFERENCE = re.compile(r"\s*(?:premium\s+)?(?:to|on|over|above)\b([^;:()]*?)(?=,\s|$)", re.I)
#: The words that pin a reference price down: its figures, its day and its month.
_DAY_NAMES = frozenset(lexicon.groups("weekdays")) | frozenset(lexicon.groups("months"))
_PINS = re.compile(r"\d+(?:[.,]\d+)*|[^\W\d_]+")
#: "analysts had forecast sales of $8.3 billion", "short of the $2.1 billion expected by
#: analysts": what forecasters expected, not what was reported. Both words within the
#: figure's own clause before it (no "but" or "while" between), or right after it.
_FORECASTERS = _alternatives("forecasters")
_FORECAST_CUES = _alternatives("forecast_cues")
_FORECAST_CLAUSE = re.compile(
    r"(?:^|[.;:,]|\b(?:but|while|whereas|although|though)\b)(?:(?![.;:,]|\b(?:but|while|whereas|"
    r"although|though)\b).)*$",
    re.I | re.S,
)
_FORECAST_REACH = 90  # characters before a figure read for who expected it
#: "beating estimates of $4.1 billion", "above expectations for 2.5%": the noun alone.
_EXPECTED_OF = re.compile(
    r"\b(?:estimates?|expectations?|consensus|projections?)\s+(?:of|for)\s+"
    r"(?:about\s+|around\s+|roughly\s+|some\s+)?$",
    re.I,
)
_FORECASTER = re.compile(rf"\b(?:{_FORECASTERS})(?!\w)", re.I)
_FORECAST_CUE = re.compile(rf"\b(?:{_FORECAST_CUES})\b", re.I)
_FORECAST_AFTER = re.compile(
    rf"^\s*(?:(?:that|as|which)\s+)?(?:(?:{_FORECASTERS})\s+(?:had\s+|have\s+|were\s+)?"
    rf"(?:{_FORECAST_CUES})|(?:{_FORECAST_CUES})\s+by\s+(?:(?:the|some|most)\s+)?(?:{_FORECASTERS}))\b",
    re.I,
)
#: "must win over half the votes", "needs 226 votes", "a 4% threshold": what a
#: candidate, a party or a motion needs, within a few words and no clause between.
_THRESHOLD_CUES = _alternatives("threshold_cues")
_THRESHOLD_BEFORE = re.compile(
    rf"\b(?:{_THRESHOLD_CUES})\b(?:\s+[^\W\d_]+){{0,4}}\s+$",
    re.I,
)
_THRESHOLD_AFTER = re.compile(
    r"^\s*(?:[\w-]+\s+){0,2}?(?:threshold|(?:is|are|was|were)\s+(?:needed|required))\b", re.I
)
_THRESHOLD_UNITS = frozenset({"percent", "vote", "seat"})
_THRESHOLD_IN = re.compile(rf"\b(?:{_THRESHOLD_CUES})\b", re.I)
WAITING = lexicon.lines("pending")
#: The markers as whole words (space-padded), built once rather than per figure.
_WAITING_PADDED = tuple(f" {marker} " for marker in WAITING)
_PENDING_REACH = 40  # characters after a figure where "yet to be" still speaks of it
COMPARATIVES = lexicon.words("comparatives")
_DIFFERENCE = re.compile(
    rf"\s*(?:{'|'.join(sorted(COMPARATIVES))})\s+(?:\w+\s+)?than\b", re.I
)
_THAN = re.compile(r"\s+(?:\w+\s+)?than\b", re.I)
_COUNTING = "|".join(sorted(lexicon.words("count_progress")))
_BALLOTS = r"(?:votes?|ballots?|precincts?|polling\s+stations?|returns|the\s+count)"
#: "with 95 per cent of votes tallied" / "after counting 98 percent of the votes".
_PROGRESS_AFTER = re.compile(
    rf"\s*(?:of\s+)?(?:the\s+|all\s+)?(?:[\d.,]+\s+(?:million\s+|thousand\s+)?)?"
    rf"{_BALLOTS}\s+(?:\w+\s+)?(?:{_COUNTING})\b",
    re.I,
)
#: "99% of votes have been counted": the clause itself says how far the count got.
_PROGRESS_PASSIVE = re.compile(
    rf"\s*(?:of\s+)?(?:the\s+|all\s+)?{_BALLOTS}\s+(?:(?:have|has|had)\s+been|were|was|are|is)"
    rf"\s+(?:\w+\s+)?(?:{_COUNTING})\b",
    re.I,
)
_PROGRESS_BEFORE = re.compile(rf"\b(?:{_COUNTING})\s+(?:of\s+)?$", re.I)
#: "with 95 per cent of votes tallied"; without it "won 56% of the votes counted" is a share.
_PROGRESS_OPENER = re.compile(r"\b(?:with|after|once|when)\s+$", re.I)


def standing_of(side: Side, q: Quantity) -> str:
    """What a figure stands for besides a plain count (``""``): ``pending`` when the
    words after it say its things still wait ("yet to be found"), ``difference`` when
    it is the gap between two values ("8kg lighter than"), ``progress`` when it is the
    share of the ballots counted so far ("with 95% of votes tallied"), ``size`` when it
    gives a body's size ("the 300-member assembly", not "190 members voted"), ``per
    unit`` when it is a sum for each one ("$34 a share", not the $6.4 billion raised),
    ``recalled`` when it is a past value (an earlier year's, or the value before a
    change: "rose to 93 from 60"), ``change`` when a count or a sum is how much a
    value moved ("increased by 3 million"), ``requested`` when someone asked for it ("the
    prosecutor sought 20 years"), ``average`` when it is a mean ("averaging 50%"),
    ``premium …`` with the figures and days of the price a premium is over, ``forecast``
    when it is what analysts or economists expected ("estimates of $4.1 billion")."""
    start, end = side.sentence_span(q.start)
    after = side.text[q.end : min(q.end + _PENDING_REACH, end)]
    before = side.text[max(start, q.start - _PENDING_REACH) : q.start]
    if q.unit == "percent" and _counts_progress(side.text, q, before, after):
        return PROGRESS
    if _JOINED.search(q.text) and unit_key(q) in _BODY_UNITS:
        return SIZE
    if unit_key(q) in _SEATS and _OF_THE.search(before):
        return SIZE  # "70 of the 150 seats", "more of the 150 seats": the chamber's size
    if _CAPACITY_BEFORE.search(before) or _CAPACITY_AFTER.match(after) or q.unit == "capacity":
        return SIZE  # what the stadium or the boat holds, not how many came
    if (q.unit in CURRENCY_UNITS and _PER_UNIT.match(after)) or _RATE_AFTER.match(after):
        return PER_UNIT  # a price of one unit, or a rate: "7.37 deaths per 1,000 people"
    if _gap_between_values(q, after, before):
        return DIFFERENCE
    if _counted(q) and _moved(before, q):
        return CHANGE
    # "fell 13.7% from a year earlier" is the change over the year, not last year's value
    if (
        _recalled(side, before)
        or _prior_before(before)
        or (_PRIOR_AFTER.match(after) and not _moved(before, q))
    ):
        return RECALLED
    year = _recalled_when(side, side.text[max(start, q.start - _WHEN_REACH) : q.start])
    if year:
        return f"{RECALLED} {year}"  # that year's figure meets only the same year's
    if _REQUEST_BEFORE.search(side.text, start, q.start) or _REQUEST_AFTER.match(after):
        return REQUESTED
    if _AVERAGE_BEFORE.search(before) or _AVERAGE_AFTER.match(after):
        return AVERAGE
    if q.unit == "percent" and (_PREMIUM_BEFORE.search(before) or _PREMIUM_AFTER.match(after)):
        return _premium(side.text[q.end : end])
    if unit_key(q) in _THRESHOLD_UNITS and (
        _THRESHOLD_BEFORE.search(before) or _THRESHOLD_AFTER.match(after) or _THRESHOLD_IN.search(q.text)
    ):
        return THRESHOLD
    if q.unit in CURRENCY_UNITS or q.unit == "percent":
        reach = side.text[max(start, q.start - _FORECAST_REACH) : q.start]
        if _forecast(reach, after):
            return FORECAST
    padded = f" {' '.join(after.casefold().split())} "
    return PENDING if any(marker in padded for marker in _WAITING_PADDED) else ""


def _prior_before(before: str) -> bool:
    """Whether the words before a figure give the value before a change (``_PRIOR_BEFORE``)."""
    return _PRIOR_WORD.search(before) is not None and _PRIOR_BEFORE.search(before) is not None


def _forecast(before: str, after: str) -> bool:
    """Whether forecasters' expectation is what a sum or a share stands for."""
    if _FORECAST_AFTER.match(after) or _EXPECTED_OF.search(before):
        return True
    if not _FORECASTER.search(before) or not _FORECAST_CUE.search(before):
        return False  # neither can then stand in the clause, a tail of ``before``: no clause search
    clause = _FORECAST_CLAUSE.search(before)
    own = before[clause.start() :] if clause else before
    return bool(_FORECASTER.search(own)) and bool(_FORECAST_CUE.search(own))


def _premium(after: str) -> str:
    """A premium with the figures and days of the price it is over ("premium 10.58
    wednesday"): premiums over another day's price are other shares, not one."""
    found = _REFERENCE.match(after)
    words = _PINS.findall(found.group(1).casefold()) if found else []
    pins = [w for w in words if w[0].isdigit() or w in _DAY_NAMES]
    return " ".join([PREMIUM, *pins])


def _counts_progress(text: str, q: Quantity, before: str, after: str) -> bool:
    of_start = _of_phrase_start(text, q)
    if _PROGRESS_PASSIVE.match(text, of_start) or _PROGRESS_PASSIVE.match(after):
        return True  # "99% of votes have been counted"
    if _PROGRESS_BEFORE.search(before):
        return True  # "after counting 98 percent of the votes"
    return bool(_PROGRESS_OPENER.search(before)) and bool(
        _PROGRESS_AFTER.match(after) or _PROGRESS_AFTER.match(text, of_start)
    )


#: "by a majority of 230", "a majority of 19 votes": the margin between two counts of
#: votes; "a majority of 326 seats" is a number of seats.
_MAJORITY_BEFORE = re.compile(r"\bmajority\s+of\s+(?:just\s+|only\s+|about\s+)?$", re.I)
_CHAMBER_UNITS = _SEATS | {"mp"}


#: A time "by" which something won, broke or trailed, or taken "off" a mark: a margin.
_TIME_UNITS = frozenset({"second", "minute", "hour"})
_MARGIN_BEFORE = re.compile(
    r"\bby\s+(?:almost\s+|nearly\s+|about\s+|around\s+|just\s+|some\s+|more\s+than\s+)?$", re.I
)
_OFF_AFTER = re.compile(r"^\s+off\b", re.I)


def _gap_between_values(q: Quantity, after: str, before: str) -> bool:
    """ "8kg lighter than", "6 metres longer than" (the comparative read as its noun), "a
    majority of 230" (the gap between the votes for and against)."""
    if _MAJORITY_BEFORE.search(before) and unit_key(q) not in _CHAMBER_UNITS:
        return True
    if (q.modifies or "").casefold() in COMPARATIVES and _THAN.match(after):
        return True
    if unit_key(q) in _TIME_UNITS and (_MARGIN_BEFORE.search(before) or _OFF_AFTER.match(after)):
        return True  # "won by 41 seconds", "took 12 seconds off the course record"
    return _DIFFERENCE.match(after) is not None


def _counted(q: Quantity) -> bool:
    """Whether a figure counts things or money, whose change by a figure is told apart
    from the level it reached; a share, a reading or a measure ("rose up to 46.3C",
    "plunged 40 metres") is told by the same words whichever it is."""
    key = unit_key(q)
    return q.unit != "percent" and key not in CONVERSIONS and key not in TEMPERATURES


#: "increased by 3 million", "fell 200", "a rise of 40": how much a value moved, which
#: the value itself ("stood at 12.4 million") never restates (lexicon/change_cues.txt).
_CHANGE_BEFORE = re.compile(rf"\b(?:{_alternatives('change_cues')})\s+(?P<by>by\s+)?$", re.I)
_CHANGE_REACH = 24  # characters: the longest cue, "by" and the spaces between
#: Units a figure moves by without "by" ("fell 2,400", "jumped 200 points", "rose 4%"):
#: any other noun after a verb is what the verb acts on ("dropped 20 leaflets").
_MOVED_UNITS = frozenset({"", "percent", "point"}) | CURRENCY_UNITS


def _moved(before: str, q: Quantity) -> bool:
    """Whether a word of change stands right before a figure (``_CHANGE_BEFORE``)."""
    found = _CHANGE_BEFORE.search(before, max(0, len(before) - _CHANGE_REACH))
    return found is not None and (bool(found.group("by")) or q.unit in _MOVED_UNITS)


_PERCENT_OF = re.compile(r"(?:%|per\s?cent|percent)\s+(?=of\b)", re.I)


def _of_phrase_start(text: str, q: Quantity) -> int:
    """Where "of …" begins after a percentage whose span took in what it is of."""
    found = _PERCENT_OF.search(text[q.start : q.end])
    return q.start + found.end() if found else q.end


#: "the last time was in 1961, when famine killed…", "the worst since 2011, when a
#: quake killed…": a "when" clause after a past year tells that year's event, however
#: long the clause runs before its figure.
_PAST_WHEN = re.compile(
    r"\b(?:in|since|of|during)\s+((?:19|20)\d\d)\b(?:\s+(?:and|or|to)\s+(?:19|20)\d\d\b)?"
    r",?\s+when\b[^.;]*$",
    re.I,
)
_WHEN_REACH = 160
#: ``_PAST_WHEN`` needs the word: without it the costly search is not tried.
_WHEN = re.compile(r"when", re.I)


def _recalled_when(side: Side, before: str) -> str:
    """The past year a "when" clause before a figure tells of, or ``""``."""
    found = _PAST_WHEN.search(before) if _WHEN.search(before) else None
    if found is None:
        return ""
    since = found.group(0).lower().startswith("since")
    return found.group(1) if since or int(found.group(1)) < _story_year(side) else ""


#: "from 8.1 million in 2011 to 9.4 million", "over the same month of 2019 to $41
#: billion": a past year that is the base of a comparison, the figure after "to" the
#: value reached since.
_TO_AT_END = re.compile(r"\bto\s+$", re.I)
_BASE_BEFORE = re.compile(r"\b(?:from|over|compared\s+(?:with|to)|against)\b[^.;:]*$", re.I)


def _reached_since(before: str, year: re.Match[str]) -> bool:
    return bool(_TO_AT_END.search(year.group(0))) and bool(
        _BASE_BEFORE.search(before, 0, year.start())
    )


def _recalled(side: Side, before: str) -> bool:
    """Whether the words before a figure set it in an earlier year than the story's."""
    found = _PAST_YEAR.search(before)
    if found is None or _reached_since(before, found):
        return False  # "from 8.1 million in 2011 to 9.4 million": the value it went to
    # "the strongest since 1999, when…" recalls a year before the story whatever its date
    return found.group(0).lower().startswith("since") or int(found.group(1)) < _story_year(side)


def current_count(side: Side, q: Quantity) -> bool:
    """Whether a figure is a plain count of the story's own event: no standing of its
    own (not recalled, requested, pending…) and not in a sentence dated by a month or
    a year alone ("In May, a fire at the same airport killed 41"), which tells an
    earlier event: a story dates its own by weekday or day."""
    return q.sentence not in _dated_apart(side) and standing_of(side, q) == ""


_MONTH_OR_YEAR = re.compile(r"\d{4}(-\d{2})?|--\d{2}")


@per_article
def _dated_apart(side: Side) -> frozenset[int]:
    return frozenset(
        d.sentence for d in side.facts.dates if d.value and _MONTH_OR_YEAR.fullmatch(d.value)
    )


@per_article
def _story_year(side: Side) -> int:
    """The story's year: its publication year, or the latest year it names."""
    year = side.article.published[:4]
    published = int(year) if year.isdigit() else 0
    return max([published, *(int(y) for y in _YEAR.findall(side.text))])
