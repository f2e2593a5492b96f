"""Group a pile of articles into events and suggest which pairs to compare.

Two signals decide whether two articles report the same event:

* **topic** — cosine of sublinear TF-IDF vectors over content words, plus
  the figures and dates the text states (``#n:100000``, ``#d:wednesday``),
  which are what distinguishes one press call from the next;
* **phrases** — cosine of IDF-weighted five-word shingles. Outlets covering
  the same event quote the same remarks and reuse the same wire copy, while
  stories about *earlier or later* events of one saga share names and
  background but rarely five words in a row.

The pair score is ``topic + PHRASE_WEIGHT * phrases``; articles are merged by
average linkage (a cluster joins another only if their pairs score
``EVENT_THRESHOLD`` on average), so one background-heavy article cannot chain
two events together. Publication dates more than ``TIME_GATE_DAYS`` apart
separate two articles unless they share verbatim passages: a date stamped at
the top of a saved page is too often the day it was saved.

Everything is sparse (numpy arrays, :mod:`core.events.cooccurrence`); no pair
of articles is ever aligned, so a thousand articles group in a few seconds.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from functools import lru_cache
from hashlib import blake2b
from typing import NamedTuple

import numpy as np

from core import lexicon
from core.events.cooccurrence import Csr, Pairs, count_matrix, lookup, pair_sums
from core.model import Article

#: Average pair score that makes one event; this and the two constants marked
#: below were chosen on real articles (the shared ten-event corpus, the held-out
#: events of benchmarks/corpus and the seeds), see docs/events.md.
EVENT_THRESHOLD = 0.16
PHRASE_WEIGHT = 8.0
SHINGLE = 5  # words per phrase shingle
REPRINT_CONTAINMENT = 0.7  # share of the shorter text's shingles found in the longer
PHRASE_SHARED = 0.007  # phrase cosine of articles sharing verbatim passages (quotes, wire copy)
TOPIC_ALONE = 0.45  # topic similarity that links two articles on its own
TOPIC_WITH_FACTS = 0.15  # (real articles) topic similarity that links two sharing distinctive facts
SHARED_FACTS = 2  # distinctive figures and dates ("2,012", "6.8", "Feb. 22") in common
UNLINKED_FACTOR = 0.85  # (real articles) weight of a pair that is neither
TIME_GATE_DAYS = 5
#: Publication dates this far apart part two articles even when they share passages:
#: wire background repeats for years. Nearer dates may be a site's stamp (a page saved
#: months after the story), which shared passages overrule.
FAR_APART_DAYS = 180
#: An unlinked pair whose texts name no weekday in common: reports of one event are often
#: written on different days ("Tuesday's blast", "on Wednesday the toll rose"), so this
#: only leans towards two events (docs/events.md).
OTHER_WEEKDAYS_FACTOR = 0.85
FACT_WEIGHT = 3.0  # a stated figure or date weighs as much as three content words
#: A pile of this many articles or fewer cannot tell an event's own words from everyday
#: ones by its own document frequencies (every word is in one to four of them): the
#: shares of lexicon/news_word_frequencies.txt stand in, as if this many more articles
#: of general news were in the pile. Chosen on half the held-out events, checked on the
#: other half (docs/events.md).
TINY_PILE = 4
BACKGROUND_ARTICLES = 30.0
#: In a pile of five or more, a word more than this share of the pile uses tells what the
#: pile is about, not which of its events: it keeps the pile's own frequency, and only
#: the words of a few articles (an event's places and names) are weighed as in news at
#: large. Two calls between the same two ministers share the ministers, not one call.
WIDESPREAD = 0.5
MIN_SCORE = 0.05  # pair scores below this are treated as zero (keeps the matrix sparse)
ALL_PAIRS_UP_TO = 6  # events this small get every pair suggested
EXTRA_PAIRS_PER_ARTICLE = 1  # big events: a spanning tree plus this many extra pairs per article

_MIX = np.uint64(1_000_003)  # multiplier of the rolling shingle hash
#: Words, figures, and a comma between a word and a figure kept as a token of its own:
#: "In May, 22 people died" counts 22 people, it does not date the story May 22.
_TOKEN_RE = re.compile(r"[^\W\d_][\w'’\-]*|\d[\d,.]*\d|\d|(?<=[^\W\d_]),(?=\s+\d)")
_CENTURIES = frozenset({"18", "19", "20"})
_WEEKDAYS = frozenset(lexicon.full_names(lexicon.weekdays()))
_MONTHS = lexicon.months()
#: Words that say nothing about which event a story reports.
STOP_WORDS = lexicon.words("topic_stop_words")


class EventGrouping(NamedTuple):
    """Indices into the input: events (each article in exactly one), pairs to compare, reprints."""

    events: tuple[tuple[int, ...], ...]
    pairs: tuple[tuple[int, int], ...]
    reprints: tuple[tuple[int, int], ...]


def group_events(articles: Sequence[Article]) -> EventGrouping:
    """Which articles report the same event, and which pairs are worth comparing."""
    n = len(articles)
    if n == 0:
        return EventGrouping((), (), ())
    bodies = [_body(a) for a in articles]
    words = [_words(body) for body in bodies]
    topic_terms, facts = zip(*(_topic_terms(w) for w in words), strict=True)
    topic_counts = _counts(topic_terms, facts)
    background = _background(topic_terms, topic_counts.matrix.shape[1])
    topic = _cosine(_tfidf(topic_counts, sublinear=True, background=background))
    shingle_counts = _counts([_shingles(w) for w in words])
    phrases = _cosine(_tfidf(shingle_counts, sublinear=False))
    shared_facts = _shared(_counts([_distinctive(w) for w in words]))
    reprints = _reprints(shingle_counts)
    years = tuple(_latest_year(w) for w in words)
    storms = tuple(_storm(body) for body in bodies)
    when = When(
        _plausible(_days(articles), words),
        [_stated_days(w, latest) for w, latest in zip(words, years, strict=True)],
        [frozenset(w for w in ws if w in _WEEKDAYS) for ws in words],
        storms,
        tuple(_places(body) for body in bodies),
        years,
        # only a text that names a storm can give it another name
        _pile_aliases(
            storms,
            [
                _storm_aliases(body) if storm else frozenset()
                for body, storm in zip(bodies, storms, strict=True)
            ],
        ),
    )
    scores = _pair_scores(Signals(topic, phrases, shared_facts), when, reprints)
    events = _average_linkage(scores, n)
    pairs = tuple(p for event in events for p in _suggest_pairs(event, scores, reprints))
    return EventGrouping(events, pairs, tuple(sorted(reprints)))


# --- text → terms ------------------------------------------------------------------
#
# Terms are 64-bit hashes (numpy arrays), so a thousand articles become sparse
# matrices without a Python dictionary lookup per word; two distinct terms
# sharing a hash is a one-in-10^19 event.


def _body(article: Article) -> str:
    """The article text with site furniture blanked out (offsets are not needed here).

    Built in one pass: cutting the spans out one by one copied the text once
    per span, and a page of many furniture lines took seconds.
    """
    text, pieces, position = article.text, [], 0
    for start, end in sorted(article.boilerplate):
        if start >= position:
            pieces.append(text[position:start])
            position = end
        else:
            position = max(position, end)
    pieces.append(text[position:])
    return _without_photo_captions(" ".join(pieces))


#: Lines naming an archive picture (lexicon/photo_caption_markers.txt) date the picture.
_FILE_PHOTO_MARKERS = tuple(sorted(lexicon.words("photo_caption_markers")))


#: A picture agency's caption opens with the place and the day it was taken, in
#: capitals: "HARBOUR CITY, WESTLAND - MARCH 2: ...". A story may run it days later.
_CAPITAL_MONTHS = "|".join(m.upper() for m in _MONTHS)
_AGENCY_CAPTION = re.compile(
    rf"^[A-Z][A-Z.,'’ -]{{1,60}} [-–—] (?:{_CAPITAL_MONTHS}) \d{{1,2}}:", re.MULTILINE
)


def _without_photo_captions(body: str) -> str:
    """The body without archive-photo captions: a wire copy's "FILE PHOTO: the harbour
    cranes, March 2" would set the report apart from others of the day it tells; so
    would an agency caption of a picture taken days before."""
    folded = body.casefold()
    if not any(marker in folded for marker in _FILE_PHOTO_MARKERS) and not _AGENCY_CAPTION.search(
        body
    ):
        return body
    return "\n".join(
        line
        for line in body.split("\n")
        if not any(marker in line.casefold() for marker in _FILE_PHOTO_MARKERS)
        and not _AGENCY_CAPTION.match(line)
    )


@lru_cache(maxsize=262144)
def _term_hash(term: str) -> int:
    """A term's 64-bit hash, the same in every run: Python's own ``hash`` of a string
    changes with each process, and with it the order sums are added in, so two runs
    could group near-ties differently."""
    return int.from_bytes(
        blake2b(term.encode("utf-8"), digest_size=8).digest(), "little", signed=True
    )


def _words(text: str) -> list[str]:
    return _TOKEN_RE.findall(text.casefold().replace("’", "'"))


def _topic_terms(words: list[str]) -> tuple[np.ndarray, np.ndarray]:
    """Hashes of content-word stems and of stated figures and dates; which of them are facts."""
    content = [w for w in words if w[0].isalpha() and len(w) > 1 and w not in STOP_WORDS]
    stems = {w: _term_hash(_stem(w)) for w in set(content)}
    facts = [
        f
        for i, w in enumerate(words)
        if (w[0].isdigit() or w in _WEEKDAYS) and (f := _fact_term(w, words[i - 1] if i else ""))
    ]
    terms = [stems[w] for w in content] + [_term_hash(f) for f in facts]
    is_fact = np.zeros(len(terms), dtype=bool)
    is_fact[len(content) :] = True
    return np.array(terms, dtype=np.int64), is_fact


def _distinctive(words: list[str]) -> np.ndarray:
    """Hashes of the figures and dates that pin an event down: "2,012", "6.8", "Feb. 22".

    Round or short numbers ("10", "200") and weekdays recur across unrelated
    stories; a figure with three significant digits or a decimal, or a stated
    date, rarely does.
    """
    found = set()
    for i, w in enumerate(words):
        if not w[0].isdigit():
            continue
        term = _number_term(w, words[i - 1] if i else "")
        if term and (term.startswith("#d:") or _precise(term[3:])):
            found.add(_term_hash(term))
    return np.array(sorted(found), dtype=np.int64)


def _precise(digits: str) -> bool:
    significant = digits.replace(".", "").lstrip("0").rstrip("0")
    return "." in digits.strip(".") or len(significant) >= 3


def _fact_term(word: str, previous: str) -> str | None:
    if word in _WEEKDAYS:
        return f"#d:{word}"
    if not word[0].isdigit():
        return None
    return _number_term(word, previous)


def _number_term(token: str, previous: str) -> str | None:
    """``#d:1-26`` for "Jan. 26", ``#n:13000`` for "13,000"; years say little about the event."""
    digits = token.replace(",", "")
    month = _MONTHS.get(previous.rstrip("."))
    if month and digits.isdigit() and 1 <= int(digits) <= 31:
        return f"#d:{month}-{int(digits)}"
    if "," not in token and _is_year(digits):
        return None  # "2022"; but "2,012" is a count
    return f"#n:{digits}"


def _stem(word: str) -> str:
    word = word.removesuffix("'s")
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith("s") and not word.endswith("ss"):
        return word[:-1]
    return word


def _shingles(words: list[str]) -> np.ndarray:
    """Hashes of every run of ``SHINGLE`` words (a polynomial over the word hashes)."""
    if len(words) < SHINGLE:
        return np.zeros(0, dtype=np.int64)
    hashes = np.array([_term_hash(w) for w in words], dtype=np.int64).view(np.uint64)
    width = len(words) - SHINGLE + 1
    combined = np.zeros(width, dtype=np.uint64)
    for k in range(SHINGLE):
        combined = combined * _MIX + hashes[k : k + width]
    return combined.view(np.int64)


# --- vectors and similarities ----------------------------------------------------


class Counts(NamedTuple):
    """Document × term counts, and the weight of each term's column (FACT_WEIGHT for facts)."""

    matrix: Csr
    boost: np.ndarray


def _counts(docs: Sequence[np.ndarray], facts: Sequence[np.ndarray] | None = None) -> Counts:
    matrix, columns = count_matrix(docs)
    boost = np.ones(matrix.shape[1])
    if facts is not None and len(columns):
        boost[columns[np.concatenate(facts)]] = FACT_WEIGHT
    return Counts(matrix, boost)


def _background(docs: Sequence[np.ndarray], n_cols: int) -> np.ndarray:
    """Each column's share of general news articles (0 for a word not listed), in the
    column order of ``count_matrix`` (its terms sorted)."""
    terms = np.unique(np.concatenate(docs)) if len(docs) else np.zeros(0, dtype=np.int64)
    shares = np.zeros(n_cols)
    keys, values = _BACKGROUND
    if len(terms) and len(keys):
        at = np.minimum(np.searchsorted(keys, terms), len(keys) - 1)
        found = keys[at] == terms
        shares[: len(terms)][found] = values[at[found]]
    return shares


def _background_table() -> tuple[np.ndarray, np.ndarray]:
    shares = {
        _term_hash(_stem(word)): float(share)
        for word, share in lexicon.groups("news_word_frequencies").items()
    }
    keys = np.array(sorted(shares), dtype=np.int64)
    return keys, np.array([shares[k] for k in keys.tolist()])


_BACKGROUND = _background_table()


def _tfidf(counts: Counts, sublinear: bool, background: np.ndarray | None = None) -> Csr:
    """Rows L2-normalised; sublinear term frequency for words, presence for shingles.

    ``background`` (each column's share of general news articles) joins the pile
    as ``BACKGROUND_ARTICLES`` more articles: with it, a word three reports of one
    event share weighs as much as in a big pile, not least of all. In a pile of
    five or more, words most of the pile uses keep the pile's own weight."""
    matrix = counts.matrix
    n = matrix.shape[0]
    df = np.bincount(matrix.indices, minlength=matrix.shape[1])
    idf = np.log((1.0 + n) / (1.0 + df)) + 1.0
    if background is not None:
        pile = 1.0 + n + BACKGROUND_ARTICLES
        weighed = np.log(pile / (1.0 + df + BACKGROUND_ARTICLES * background)) + 1.0
        idf = weighed if n <= TINY_PILE else np.where(df > WIDESPREAD * n, idf, weighed)
    tf = 1.0 + np.log(matrix.data) if sublinear else np.ones_like(matrix.data)
    data = tf * idf[matrix.indices] * counts.boost[matrix.indices]
    norms = np.sqrt(matrix.row_sums(data * data))
    norms[norms == 0] = 1.0
    return matrix.with_data((1.0 / norms)[matrix.row_of_entry()] * data)


def _cosine(matrix: Csr) -> Pairs:
    return pair_sums(matrix)


def _presence(counts: Counts) -> Csr:
    return counts.matrix.with_data(np.ones_like(counts.matrix.data))


def _reprints(counts: Counts) -> set[tuple[int, int]]:
    """Pairs whose shorter text is mostly found, five words at a time, in the longer one."""
    presence = _presence(counts)
    shared = pair_sums(presence)
    sizes = presence.row_sums()
    smaller = np.maximum(1.0, np.minimum(sizes[shared.rows], sizes[shared.cols]))
    keep = shared.values >= REPRINT_CONTAINMENT * smaller
    return set(zip(shared.rows[keep].tolist(), shared.cols[keep].tolist(), strict=True))


def _days(articles: Sequence[Article]) -> np.ndarray:
    """Publication dates as day numbers, NaN where unknown."""
    days = np.full(len(articles), np.nan)
    for i, article in enumerate(articles):
        try:
            days[i] = dt.date.fromisoformat(article.published[:10]).toordinal()
        except ValueError:
            continue
    return days


def _plausible(days: np.ndarray, words: Sequence[list[str]]) -> np.ndarray:
    """Publication days, unknown where the text itself dates a day well after the stamp
    ("November 1, 2024" in a page stamped October 18): a site's stamp, not the story's."""
    out = days.copy()
    for i, ws in enumerate(words):
        latest = _latest_dated_day(ws)
        if latest and not np.isnan(out[i]) and latest > out[i] + TIME_GATE_DAYS:
            out[i] = np.nan
    return out


def _latest_dated_day(words: list[str]) -> int:
    """The latest day the text names with month, day and year, as a day number (0 if none)."""
    latest = 0
    for i in range(len(words) - 2):
        month = _MONTHS.get(words[i].rstrip("."))
        day, year = words[i + 1], words[i + 2]
        if month and day.isdigit() and _is_year(year):
            try:
                latest = max(latest, dt.date(int(year), month, int(day)).toordinal())
            except ValueError:
                continue
    return latest


class When(NamedTuple):
    """What each article says about when its event happened."""

    published: np.ndarray  # day numbers, NaN where unknown
    stated: list[frozenset[tuple[int, int, bool]]]  # (day of the year, year or 0, an edge)
    weekdays: list[frozenset[str]]  # weekdays the text names
    storms: tuple[str, ...] = ()  # the named storm each article is mostly about ("" if none)
    places: tuple[tuple[str, frozenset[str]], ...] = ()  # main place and all places named
    years: tuple[int, ...] = ()  # the latest year each text names (0 if none)
    aliases: tuple[frozenset[str], ...] = ()  # storms' other names each text gives


#: "Hurricane Milton", "Tropical Storm Helene", "Typhoon Yagi": a storm's given name after
#: a head of lexicon/event_heads.txt. A name that makes an organisation ("the National
#: Hurricane Center", lexicon/org_words.txt) names an office, not a storm.
_STORM = re.compile(
    rf"\b(?i:{'|'.join(sorted(lexicon.words('event_heads'), key=len, reverse=True))})"
    r"(?:\s+(?i:storm))?\s+([A-Z][a-z]{2,})\b(?!\s+[A-Z])"  # not "Typhoon Warning Center"
)
_OFFICE_WORDS = lexicon.words("org_words")


_PLACES = re.compile(
    r"\b(?:"
    + "|".join(re.escape(p) for p in sorted(lexicon.words("places"), key=len, reverse=True))
    + r")\b"
)


_QUAKE_WORDS = re.compile(
    r"\b(?:" + "|".join(sorted(lexicon.words("rated_events"))) + r")s?\b", re.I
)


def _places(text: str) -> tuple[str, frozenset[str]]:
    """For a report of a quake (a word of lexicon/rated_events.txt at least twice): the
    place it names most often (``""`` when two tie) and every place it names
    (lexicon/places.txt). A quake happens in one place; other stories are left alone,
    since a company's home town or a site's own country outnumbers the event's place."""
    if len(_QUAKE_WORDS.findall(text)) < 2:
        return "", frozenset()
    found = _PLACES.findall(text.casefold())
    if not found:
        return "", frozenset()
    counts = {p: found.count(p) for p in set(found)}
    ranked = sorted(counts.values(), reverse=True)
    main = max(counts, key=counts.__getitem__) if len(ranked) == 1 or ranked[0] > ranked[1] else ""
    return main, frozenset(counts)


#: "(international name: Trami)", "known locally as Kristine": a storm's other name.
_STORM_ALIAS = re.compile(
    r"\b(?:international\s+name|local\s+name|known\s+(?:locally\s+)?as|locally\s+"
    r"(?:known\s+as|named|called)|also\s+(?:known\s+as|called))\s*:?\s+([A-Z][a-z]{2,})\b"
)


def _storm_aliases(text: str) -> frozenset[str]:
    """The other names a text gives the storms it names (lower case)."""
    return frozenset(m.group(1).casefold() for m in _STORM_ALIAS.finditer(text))


def _pile_aliases(
    storms: Sequence[str], aliases: Sequence[frozenset[str]]
) -> tuple[frozenset[str], ...]:
    """Each text's storm's other names as the whole pile gives them: one report's
    "Typhoon Rai, known locally as Odette" tells that another report's "Odette" and
    a third's "Rai" are one storm, though neither of those two gives both names."""
    same: dict[str, set[str]] = {}
    for storm, others in zip(storms, aliases, strict=True):
        names = {storm, *others} - {""}
        merged = set().union(names, *(same.get(name, set()) for name in names))
        for name in merged:
            same[name] = merged
    return tuple(
        frozenset(same.get(storm, set()) - {storm}) if storm else frozenset() for storm in storms
    )


def _storm(text: str) -> str:
    """The storm an article names most often by its given name, or ""."""
    names = [
        m.group(1)
        for m in _STORM.finditer(text)
        if m.group(1).casefold() not in _OFFICE_WORDS
        and not re.search(rf"\b{m.group(1).lower()}\b", text)  # "Storm Surge": a common noun
    ]
    if not names:
        return ""
    return max(dict.fromkeys(names), key=names.count).casefold()


def _stated_days(words: list[str], latest: int) -> frozenset[tuple[int, int, bool]]:
    """Days of the year an article's text names, each with the year written after it
    (0 when none) and whether it is the edge of a span or another event's day ("since
    Oct. 21", "the Oct. 9 election"): a call reported for "Jan. 27" and one "on Feb. 22"
    are two events whatever their topic. The publication date is left to the publication gate: set
    against a day the other text names, it would part a report from one that recalls
    an earlier day (a verdict "on Jan. 3")."""
    days = set()
    for i, w in enumerate(words):
        if w[0].isdigit():
            term = _number_term(w, words[i - 1] if i else "")
            following = words[i + 1] if i + 1 < len(words) else ""
            year = int(following) if _is_year(following) else 0
            if year and year < latest:
                continue  # "since March 16, 2020" in a story of a later year: recalled
            if term and term.startswith("#d:"):
                month, day = (int(x) for x in term[3:].split("-"))
                before = words[max(0, i - 3) : max(0, i - 1)]  # the two words before the month
                edge = bool(before) and (
                    before[-1] in _SPAN_WORDS
                    or (before[-1] == "on" and before[0] in _SPAN_WORDS)
                    or _SINCE in words[max(0, i - SINCE_REACH - 1) : i - 1]
                )
                try:
                    days.add((dt.date(2001, month, day).timetuple().tm_yday, year, edge))
                except ValueError:
                    continue
    return frozenset(days)


#: Words before a month and day that make it the edge of a span or another event's
#: name, not a day the story reports (lexicon/span_edges.txt).
_SPAN_WORDS = lexicon.words("span_edges")
#: "since" this few words before a month opens a clause that recalls the day a span
#: began ("the first since the bridge reopened on March 3"): the story's day is later.
_SINCE = "since"
SINCE_REACH = 5


def _is_year(word: str) -> bool:
    """A year from 1800 to 2099 ("2022"; "2,012" is a count). Called for every word of
    every article, so tested with string methods rather than a pattern."""
    return len(word) == 4 and word[:2] in _CENTURIES and word.isdigit()


def _latest_year(words: list[str]) -> int:
    """The latest year a text names (0 if none)."""
    return max((int(w) for w in words if _is_year(w)), default=0)


def _storm_relation(x: str, y: str, aliases_x: frozenset[str], aliases_y: frozenset[str]) -> int:
    """1 when two texts name one storm (by its name or one the other text also gives
    it: "Kristine (international name: Trami)"), -1 when they name two, 0 when either
    names none."""
    if not (x and y):
        return 0
    return 1 if x == y or x in aliases_y or y in aliases_x else -1


def _elsewhere(x: tuple[str, frozenset[str]], y: tuple[str, frozenset[str]]) -> bool:
    """Each quake report is mostly about a place the other never names: two quakes."""
    return bool(x[0] and y[0] and x[0] not in y[1] and y[0] not in x[1])


def _days_apart(
    x: frozenset[tuple[int, int, bool]], y: frozenset[tuple[int, int, bool]], recent: int = 0
) -> bool:
    """Both report days, and none of one lies within TIME_GATE_DAYS of one of the other.

    A day written with a year before ``recent`` (the latest year either text names)
    is recalled, not the story's: one report's "his mentor died on June 2, 2012" and
    another's photo caption "the race on May 7, 2023" date neither story. A span's
    edge or another event's day ("since Oct. 21", "the Oct. 9 election") reports
    nothing, so a text naming only such days is never apart; it still counts as a
    day the two texts share."""
    if not x or not y:
        return False
    if x is y or any(year == 0 for _, year, _ in x & y):
        return False  # a day both name, written without a year: one story's day
    x_days = [(d, year, edge) for d, year, edge in x if not 0 < year < recent]
    y_days = [(d, year, edge) for d, year, edge in y if not 0 < year < recent]
    if all(edge for _, _, edge in x_days) or all(edge for _, _, edge in y_days):
        return False
    if _dated_apart(x_days, y_days) or _dated_apart(y_days, x_days):
        return False
    x_days = [d for d, _, _ in x_days]
    y_days = [d for d, _, _ in y_days]
    return all(min(abs(a - b), 365 - abs(a - b)) > TIME_GATE_DAYS for a in x_days for b in y_days)


def _dated_apart(x: list[tuple[int, int, bool]], y: list[tuple[int, int, bool]]) -> bool:
    """Every day of ``x`` carries a year and no day of ``y`` does: news dates its own
    days without one ("on Jan. 24"), so a day written with its year ("the record gust
    of February 13, 1989") is likelier a recalled one, and the texts give no year to
    tell."""
    return all(year for _, year, _ in x) and not any(year for _, year, _ in y)


class Signals(NamedTuple):
    topic: Pairs  # cosine over content words and facts
    phrases: Pairs  # cosine over five-word shingles
    facts: Pairs  # count of shared distinctive figures and dates


def _shared(counts: Counts) -> Pairs:
    return pair_sums(_presence(counts))


def _pair_scores(
    signals: Signals, when: When, reprints: set[tuple[int, int]]
) -> dict[tuple[int, int], float]:
    """Scores of the pairs worth considering (i < j): evidence and the time gate applied.

    A pair is *linked* when it shares verbatim passages, or event-specific
    figures and dates (or the storm it names) on a common topic, or a very
    close topic; an unlinked pair counts less, so a saga's shared background
    can lift an average but never make an event.
    """
    n = signals.topic.size
    keys = np.sort(np.concatenate([signals.topic.keys, signals.phrases.keys]))
    if len(keys):  # their union (np.union1d would load numpy.ma)
        keys = keys[np.r_[True, keys[1:] != keys[:-1]]]
    values = lookup(signals.topic.keys, signals.topic.values, keys) + PHRASE_WEIGHT * lookup(
        signals.phrases.keys, signals.phrases.values, keys
    )
    keep = values >= MIN_SCORE
    keys, values = keys[keep], values[keep]
    rows, cols = keys // n, keys % n
    phrase = signals.phrases.at(rows, cols)
    topic = values - PHRASE_WEIGHT * phrase
    facts = signals.facts.at(rows, cols)
    shared = phrase >= PHRASE_SHARED
    linked = (
        shared | (topic >= TOPIC_ALONE) | ((topic >= TOPIC_WITH_FACTS) & (facts >= SHARED_FACTS))
    )
    days = when.published
    with np.errstate(invalid="ignore"):
        gap = np.abs(days[rows] - days[cols])
        apart = gap > TIME_GATE_DAYS  # NaN (unknown) is never apart
        far = gap > FAR_APART_DAYS
    pairs = list(zip(rows.tolist(), cols.tolist(), strict=True))
    years = when.years or (0,) * n
    stated = when.stated
    apart |= np.array(
        [_days_apart(stated[i], stated[j], max(years[i], years[j])) for i, j in pairs],
        dtype=bool,
    )
    # two storms by name are two events, however alike their coverage and wording
    storms = when.storms or [""] * n
    aliases = when.aliases or [frozenset()] * n
    storm_relation = np.array(
        [
            _storm_relation(storms[i], storms[j], aliases[i], aliases[j])
            if storms[i] and storms[j]
            else 0
            for i, j in pairs
        ],
        dtype=np.int8,
    )
    linked |= (storm_relation == 1) & (topic >= TOPIC_WITH_FACTS)
    other_storms = storm_relation == -1
    places = when.places or [("", frozenset())] * n
    other_places = np.array([_elsewhere(places[i], places[j]) for i, j in pairs], dtype=bool)
    other_days = np.array(
        [
            bool(when.weekdays[i] and when.weekdays[j] and not when.weekdays[i] & when.weekdays[j])
            for i, j in pairs
        ],
        dtype=bool,
    )
    allowed = ~((apart & ~shared) | far | other_storms | (other_places & ~shared))
    values = np.where(linked, values, UNLINKED_FACTOR * values)
    values = np.where(other_days & ~linked, OTHER_WEEKDAYS_FACTOR * values, values)
    scores = dict(
        zip(
            zip(rows[allowed].tolist(), cols[allowed].tolist(), strict=True),
            values[allowed].tolist(),
            strict=True,
        )
    )
    for pair in reprints:
        scores[pair] = max(scores.get(pair, 0.0), 1.0)
    return scores


# --- clustering ----------------------------------------------------------------------


def _average_linkage(scores: dict[tuple[int, int], float], n: int) -> tuple[tuple[int, ...], ...]:
    """Merge clusters best pair first while their average pair score stays above the threshold.

    The score sums between clusters are kept and added up on each merge, so a
    merge costs the number of the clusters' neighbours, not the product of
    their sizes: a thousand near-copies of one story group in about a second
    instead of minutes.
    """
    cluster_of = list(range(n))
    members: dict[int, list[int]] = {i: [i] for i in range(n)}
    between: dict[int, dict[int, float]] = {i: {} for i in range(n)}
    for (i, j), value in scores.items():
        between[i][j] = between[i].get(j, 0.0) + value
        between[j][i] = between[j].get(i, 0.0) + value
    # Only pairs above the threshold can merge; sorting just those keeps the
    # GIL free for the window's thread on big imports.
    strong = [(pair, value) for pair, value in scores.items() if value >= EVENT_THRESHOLD]
    for (i, j), _value in sorted(strong, key=lambda kv: (-kv[1], kv[0])):
        ci, cj = cluster_of[i], cluster_of[j]
        if ci == cj:
            continue
        linkage = between[ci].get(cj, 0.0) / (len(members[ci]) * len(members[cj]))
        if linkage < EVENT_THRESHOLD:
            continue
        keep, gone = min(ci, cj), max(ci, cj)
        for m in members[gone]:
            cluster_of[m] = keep
        members[keep].extend(members.pop(gone))
        _merge_sums(between, keep, gone)
    return tuple(sorted(tuple(sorted(m)) for m in members.values()))


def _merge_sums(between: dict[int, dict[int, float]], keep: int, gone: int) -> None:
    """Cluster ``gone`` joins ``keep``: its score sums with every other cluster move over."""
    moved = between.pop(gone)
    moved.pop(keep, None)
    between[keep].pop(gone, None)
    for other, value in moved.items():
        between[keep][other] = between[keep].get(other, 0.0) + value
        row = between[other]
        row[keep] = row.get(keep, 0.0) + row.pop(gone, 0.0)


# --- pairs to compare --------------------------------------------------------------


def _suggest_pairs(
    event: tuple[int, ...], scores: dict[tuple[int, int], float], reprints: set[tuple[int, int]]
) -> list[tuple[int, int]]:
    """Every pair of a small event; for a big one a maximum spanning tree plus the best extras."""
    if len(event) <= ALL_PAIRS_UP_TO:
        members = sorted(event)
        pairs = [(a, b) for k, a in enumerate(members) for b in members[k + 1 :]]
        return sorted(pairs, key=lambda p: (-scores.get(p, 0.0), p))
    inside = set(event)
    ranked = sorted(
        (p for p in scores if p[0] in inside and p[1] in inside), key=lambda p: (-scores[p], p)
    )
    cap = len(event) - 1 + EXTRA_PAIRS_PER_ARTICLE * len(event)
    tree = set(_spanning_tree(event, ranked))
    extras = [p for p in ranked if p not in tree and p not in reprints]
    chosen = tree | set(extras[: max(0, cap - len(tree))])
    return [p for p in ranked if p in chosen]


def _spanning_tree(event: tuple[int, ...], ranked: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Kruskal over pairs already sorted best first."""
    parent = {i: i for i in event}

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    tree = []
    for a, b in ranked:
        ra, rb = root(a), root(b)
        if ra != rb:
            parent[rb] = ra
            tree.append((a, b))
    return tree
