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

Everything is sparse (``scipy.sparse``); no pair of articles is ever aligned,
so a thousand articles group in a few seconds.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections import Counter
from collections.abc import Sequence
from typing import NamedTuple

import numpy as np
import scipy.sparse as sp

from core.model import Article

EVENT_THRESHOLD = 0.30  # average pair score that makes one event (tuned on the seeds, see docs/events.md)
PHRASE_WEIGHT = 8.0
SHINGLE = 5  # words per phrase shingle
REPRINT_CONTAINMENT = 0.7  # share of the shorter text's shingles found in the longer
PHRASE_STRONG = 0.01  # phrase cosine that overrides the time gate (shared quotations)
TIME_GATE_DAYS = 5
FACT_WEIGHT = 3.0  # a stated figure or date weighs as much as three content words
MIN_SCORE = 0.05  # pair scores below this are treated as zero (keeps the matrix sparse)
ALL_PAIRS_UP_TO = 6  # events this small get every pair suggested
EXTRA_PAIRS_PER_ARTICLE = 1  # big events: a spanning tree plus this many extra pairs per article

_TOKEN_RE = re.compile(r"[^\W\d_][\w'’\-]*|\d[\d,.]*\d|\d")
_YEAR_RE = re.compile(r"^(1[89]|20)\d\d$")
_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_MONTHS = {
    m: i + 1
    for i, names in enumerate(
        (
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        )
    )
    for m in names
}
_STOP_WORDS = """a an the this that these those there here it its they them their he him his she her
we us our you your i me my who whom whose which what when where why how and or but so yet nor for of
in on at by to from with into onto over under about above below after before during since until
through across along among against between as than then also too very just only even still already
again once ever both either each every all any some such same other another own much many more most
less least few is are was were be been being am do does did doing done have has had having will would
shall should can could may might must up down out off away back now while if because although though
whether unless like per via said says say told tell mr mrs ms not no new one two three year years
day days week weeks month months time according"""
STOP_WORDS = frozenset(_STOP_WORDS.split())


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
    words = [_words(_body(a)) for a in articles]
    topic = _cosine(_tfidf([_topic_terms(w) for w in words], sublinear=True))
    shingles = [_shingles(w) for w in words]
    phrases = _cosine(_tfidf(shingles, sublinear=False))
    reprints = _reprints(shingles)
    scores = _pair_scores(topic, phrases, articles, reprints)
    events = _average_linkage(scores, n)
    pairs = tuple(p for event in events for p in _suggest_pairs(event, scores, reprints))
    return EventGrouping(events, pairs, tuple(sorted(reprints)))


# --- text → terms ------------------------------------------------------------------


def _body(article: Article) -> str:
    """The article text with site furniture blanked out (offsets are not needed here)."""
    text = article.text
    for start, end in sorted(article.boilerplate, reverse=True):
        text = text[:start] + " " + text[end:]
    return text


def _words(text: str) -> list[str]:
    return [m.group().casefold().replace("’", "'") for m in _TOKEN_RE.finditer(text)]


def _topic_terms(words: list[str]) -> Counter[str]:
    """Content-word counts plus stated figures and dates, weighted up."""
    terms: Counter[str] = Counter()
    for i, w in enumerate(words):
        if w[0].isdigit():
            fact = _number_term(w, words[i - 1] if i else "")
            if fact:
                terms[fact] += 1
        elif w in _WEEKDAYS:
            terms[f"#d:{w}"] += 1
        elif w not in STOP_WORDS and len(w) > 1:
            terms[_stem(w)] += 1
    return terms


def _number_term(token: str, previous: str) -> str | None:
    """``#d:1-26`` for "Jan. 26", ``#n:13000`` for "13,000"; years say little about the event."""
    digits = token.replace(",", "")
    month = _MONTHS.get(previous.rstrip("."))
    if month and digits.isdigit() and 1 <= int(digits) <= 31:
        return f"#d:{month}-{int(digits)}"
    if _YEAR_RE.match(digits) or not any(c.isdigit() for c in digits):
        return None
    return f"#n:{digits}"


def _stem(word: str) -> str:
    word = word.removesuffix("'s")
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith("s") and not word.endswith("ss"):
        return word[:-1]
    return word


def _shingles(words: list[str]) -> Counter[str]:
    return Counter(" ".join(words[i : i + SHINGLE]) for i in range(len(words) - SHINGLE + 1))


# --- vectors and similarities ----------------------------------------------------


def _tfidf(docs: Sequence[Counter[str]], sublinear: bool) -> sp.csr_matrix:
    """Rows L2-normalised; sublinear term frequency for words, presence for shingles."""
    vocabulary: dict[str, int] = {}
    rows: list[int] = []
    cols: list[int] = []
    vals: list[float] = []
    for i, doc in enumerate(docs):
        for term, count in doc.items():
            rows.append(i)
            cols.append(vocabulary.setdefault(term, len(vocabulary)))
            tf = 1.0 + math.log(count) if sublinear and count >= 1 else 1.0
            vals.append(tf * FACT_WEIGHT if term.startswith("#") else tf)
    matrix = sp.csr_matrix((vals, (rows, cols)), shape=(len(docs), max(1, len(vocabulary))))
    df = np.bincount(matrix.indices, minlength=matrix.shape[1])
    idf = np.log((1.0 + len(docs)) / (1.0 + df)) + 1.0
    matrix = sp.csr_matrix(matrix.multiply(idf[np.newaxis, :]))
    norms = np.sqrt(np.asarray(matrix.multiply(matrix).sum(axis=1)).ravel())
    norms[norms == 0] = 1.0
    return sp.csr_matrix(sp.diags(1.0 / norms) @ matrix)


def _cosine(matrix: sp.csr_matrix) -> sp.csr_matrix:
    return sp.csr_matrix(matrix @ matrix.T)


def _reprints(shingles: Sequence[Counter[str]]) -> set[tuple[int, int]]:
    """Pairs whose shorter text is mostly found, five words at a time, in the longer one."""
    vocabulary: dict[str, int] = {}
    rows: list[int] = []
    cols: list[int] = []
    for i, doc in enumerate(shingles):
        for term in doc:
            rows.append(i)
            cols.append(vocabulary.setdefault(term, len(vocabulary)))
    n = len(shingles)
    presence = sp.csr_matrix(
        (np.ones(len(rows)), (rows, cols)), shape=(n, max(1, len(vocabulary)))
    )
    shared = sp.coo_matrix(presence @ presence.T)
    sizes = np.asarray(presence.sum(axis=1)).ravel()
    found = set()
    for i, j, count in zip(shared.row, shared.col, shared.data, strict=True):
        if i < j and count >= REPRINT_CONTAINMENT * max(1.0, min(sizes[i], sizes[j])):
            found.add((int(i), int(j)))
    return found


def _pair_scores(
    topic: sp.csr_matrix, phrases: sp.csr_matrix, articles: Sequence[Article], reprints: set[tuple[int, int]]
) -> dict[tuple[int, int], float]:
    """Scores of the pairs worth considering (i < j), the time gate applied."""
    combined = sp.coo_matrix(topic + PHRASE_WEIGHT * phrases)
    phrase = _upper_entries(sp.coo_matrix(phrases))
    dates = [_date(a.published) for a in articles]
    scores = {}
    for i, j, value in zip(combined.row, combined.col, combined.data, strict=True):
        if i >= j or value < MIN_SCORE:
            continue
        pair = (int(i), int(j))
        if pair in reprints:
            scores[pair] = max(float(value), 1.0)
        elif not _gated(dates[i], dates[j], phrase.get(pair, 0.0)):
            scores[pair] = float(value)
    return scores


def _upper_entries(matrix: sp.coo_matrix) -> dict[tuple[int, int], float]:
    return {
        (int(i), int(j)): float(v)
        for i, j, v in zip(matrix.row, matrix.col, matrix.data, strict=True)
        if i < j
    }


def _date(published: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(published[:10]) if published else None
    except ValueError:
        return None


def _gated(a: dt.date | None, b: dt.date | None, phrase: float) -> bool:
    if a is None or b is None:
        return False
    return abs((a - b).days) > TIME_GATE_DAYS and phrase < PHRASE_STRONG


# --- clustering ----------------------------------------------------------------------


def _average_linkage(scores: dict[tuple[int, int], float], n: int) -> tuple[tuple[int, ...], ...]:
    """Merge clusters best pair first while their average pair score stays above the threshold."""
    cluster_of = list(range(n))
    members: dict[int, list[int]] = {i: [i] for i in range(n)}
    for (i, j), value in sorted(scores.items(), key=lambda kv: (-kv[1], kv[0])):
        if value < EVENT_THRESHOLD:
            break
        ci, cj = cluster_of[i], cluster_of[j]
        if ci == cj or _linkage(members[ci], members[cj], scores) < EVENT_THRESHOLD:
            continue
        keep, gone = min(ci, cj), max(ci, cj)
        for m in members[gone]:
            cluster_of[m] = keep
        members[keep].extend(members.pop(gone))
    return tuple(sorted(tuple(sorted(m)) for m in members.values()))


def _linkage(left: list[int], right: list[int], scores: dict[tuple[int, int], float]) -> float:
    total = 0.0
    for i in left:
        for j in right:
            total += scores.get((i, j) if i < j else (j, i), 0.0)
    return total / (len(left) * len(right))


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
    tree = _spanning_tree(event, ranked)
    extras = [p for p in ranked if p not in tree and p not in reprints]
    chosen = set(tree) | set(extras[: max(0, cap - len(tree))])
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
