"""Word lists the sentence splitter consults at a period.

A period after an abbreviation is the hard case of sentence splitting. The
lists are split by behaviour, because that is what decides a boundary:

* ``TITLES`` always precede a name ("Mr. Smith", "Gov. Hochul"), so a capital
  after them never starts a sentence.
* ``ABBREVIATIONS`` may end a sentence ("… Briggs & Co. It closed") or not
  ("Co. Chairman"); a boundary is taken only when the next word is a typical
  sentence opener (``SENTENCE_STARTERS``).
* ``TIME_MARKERS`` ("a.m.", "p.m.") are followed by weekdays, months and time
  zones inside a sentence ("3 p.m. Friday").

Entries are lower case and without the final period, except
``CAPITALISED_ABBREVIATIONS``, which are matched exactly. The vocabulary is in
``core/lexicon`` with the engine's other word lists.
"""

from __future__ import annotations

from core import lexicon

_WEEKDAYS = lexicon.weekdays()
_FULL_WEEKDAYS = frozenset(lexicon.full_names(_WEEKDAYS))

TITLES = lexicon.words("abbreviated_titles")
ABBREVIATIONS = lexicon.words("abbreviations")

#: Abbreviations that are also ordinary words ("No", "Sun", "Miss"); they only
#: count as abbreviations when written with a capital.
CAPITALISED_ABBREVIATIONS = frozenset(
    w.capitalize() for w in lexicon.words("capitalised_abbreviations")
)

TIME_MARKERS = frozenset({"a.m", "p.m", "am", "pm"})

#: "Thu. May 19th": a weekday abbreviation runs on into the date.
WEEKDAY_ABBREVIATIONS = frozenset(_WEEKDAYS) - _FULL_WEEKDAYS

#: Words that open sentences but rarely follow an abbreviation inside one.
SENTENCE_STARTERS = lexicon.words("sentence_starters")

#: Words that follow "p.m." within one sentence ("3 p.m. Friday", "9 a.m. ET"): days,
#: months, time zones (with the two-letter North American ones, which the zone list
#: leaves out as too ambiguous elsewhere) and the words that name a zone.
CALENDAR_WORDS = (
    _FULL_WEEKDAYS
    | frozenset(lexicon.months())
    | lexicon.words("time_zones")
    | frozenset({"et", "ct", "mt", "pt", "local", "eastern", "central", "pacific", "mountain"})
)

#: Opening words of a short leading phrase such as "At 5 a.m." that cannot
#: be a sentence on its own.
PREPOSITIONS = frozenset(
    ["at", "by", "around", "about", "from", "until", "till", "before", "after", "on", "in", "since", "near", "shortly"]
)

#: Verbs of speech: `"…?" Smith asked.` is one sentence.
SPEECH_VERBS = lexicon.words("quote_closing_verbs")
