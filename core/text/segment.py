"""Paragraphs and sentences as character spans of the article text.

News pages separate paragraphs by blank lines or by single newlines, so every
non-empty line is (at least) a paragraph and no sentence crosses a line. Inside
a line, a sentence boundary is a run of terminal punctuation followed by space;
each such candidate is then judged by the words around it (abbreviations,
initials, quotes followed by "she said", ellipses, numbered lists). Regular
expressions find the candidates, so the cost is per candidate, not per
character.
"""

from __future__ import annotations

import enum
import functools
import re
from collections.abc import Iterable, Sequence

from core.ingest.boilerplate import BoilerplateIndex
from core.ingest.date_stamps import leading_stamp_end
from core.ingest.line_spans import line_spans
from core.model import Sentence, Span
from core.text.abbreviations import (
    ABBREVIATIONS,
    CALENDAR_WORDS,
    CAPITALISED_ABBREVIATIONS,
    PREPOSITIONS,
    SENTENCE_STARTERS,
    SPEECH_VERBS,
    TIME_MARKERS,
    TITLES,
    WEEKDAY_ABBREVIATIONS,
)

_OPENERS = "\"'“‘«([{"
_CLOSERS = "\"'”’»)]}"
_QUOTES = "\"'”’»"
_BULLETS = "•⁃▪◦‣"

# A run of terminal punctuation (a spaced ". . ." ellipsis included), the
# quotes/brackets that close over it, then whitespace and the next character.
# A lower-case ASCII letter next never starts a sentence, so the pattern skips
# those candidates without a trip through Python.
_CANDIDATE = re.compile(
    rf"(?P<p>[.?!…‽]+(?:[ \u00a0]\.)*)(?P<c>[{re.escape(_CLOSERS)}]*)(?=\s+(?P<n>[^\sa-z]))"
)
_LIST_MARKER_MAX = 12
_BULLET = re.compile(rf"[{_BULLETS}]")
_LIST_START = re.compile(r"(\d{1,3}|[a-z])(\.\)|\)|\.)\s")
_LIST_MARKER_ONLY = re.compile(rf"[{_BULLETS}*-]?\s*(?:\d{{1,3}}|[A-Za-z]|[ivxIVX]{{1,4}})[.)]*")
_MULTI_PERIOD = re.compile(r"(?:[A-Za-z]{1,2}\.)+[A-Za-z]{1,2}")
_WORD = re.compile(r"[A-Za-z]+")
_SPEAKER = re.compile(
    r"[A-Z][\w'’.-]*\s+(?:(?:[A-Z][\w'’.-]*|of|the|for|and|de|al|von|van|bin)\s+){0,6}(\w+)"
)
_CURRENCY = "$€£¥"

Cut = tuple[int, int]  # (end of one sentence, start of the next)

#: Longer sentences are split at a clause or a space (see ``_cap_length``).
MAX_SENTENCE_CHARS = 2000


def split_paragraphs(text: str) -> list[Span]:
    """Every non-empty line, without its surrounding whitespace."""
    return line_spans(text)


def split_sentences(text: str, boilerplate: Iterable[Span] = ()) -> list[Sentence]:
    """Sentences in text order, flagged when they lie inside site furniture."""
    furniture = BoilerplateIndex(boilerplate)
    sentences: list[Sentence] = []
    for number, (start, end) in enumerate(split_paragraphs(text)):
        stamp_end = furniture.prefix_end(start, end)
        if stamp_end and stamp_end - start == leading_stamp_end(text[start:end]):
            sentences.append(Sentence(start, stamp_end, number, True))
            start = stamp_end + len(text[stamp_end:end]) - len(text[stamp_end:end].lstrip())
        for s, e in sentence_spans(text, start, end):
            sentences.append(Sentence(s, e, number, furniture.covers(s, e)))
    return sentences


#: The sentences of the last few articles split. A comparison needs them three
#: times per article (alignment, facts, discrepancies), and comparing a project
#: meets each article in every pair of its event; a ``str`` caches its hash, so
#: finding a text again costs nothing.
_RECENT: dict[tuple[str, tuple[Span, ...]], tuple[Sentence, ...]] = {}
_RECENT_SIZE = 32


def article_sentences(text: str, boilerplate: Iterable[Span] = ()) -> tuple[Sentence, ...]:
    """``split_sentences``, remembered for the last few texts (the result is immutable)."""
    key = (text, tuple((s, e) for s, e in boilerplate))
    found = _RECENT.get(key)
    if found is None:
        found = tuple(split_sentences(text, key[1]))
        if len(_RECENT) >= _RECENT_SIZE:
            del _RECENT[next(iter(_RECENT))]
        _RECENT[key] = found
    return found


def forget_sentences() -> None:
    """Empty the cache of ``article_sentences`` (for benchmarks timing unseen articles)."""
    _RECENT.clear()


def sentence_spans(text: str, start: int, end: int) -> list[Span]:
    """Sentence spans of one paragraph ``text[start:end]`` (already trimmed)."""
    structural = sorted(_bullet_cuts(text, start, end) + _list_cuts(text, start, end))
    cuts = (
        structural + _punctuation_cuts(text, start, end, structural) + _glued_cuts(text, start, end)
    )
    spans: list[Span] = []
    current = start
    for prev_end, next_start in sorted(cuts, key=lambda cut: cut[1]):
        if prev_end <= current or next_start <= current:
            continue
        spans.append((current, prev_end))
        current = next_start
    spans.append((current, end))
    if any(e - s > MAX_SENTENCE_CHARS for s, e in spans):
        return [piece for span in spans for piece in _cap_length(text, *span)]
    return spans


def _cap_length(text: str, start: int, end: int) -> list[Span]:
    """Split a run-on "sentence" (a page with no punctuation) into bounded pieces.

    Later stages compare sentences pairwise, so one sentence of megabytes
    would cost them quadratic time; real sentences stay far below the cap.
    Cuts prefer clause punctuation, then any space, and only then a hard cut.
    """
    pieces: list[Span] = []
    while end - start > MAX_SENTENCE_CHARS:
        cut = _cap_point(text, start + MAX_SENTENCE_CHARS // 2, start + MAX_SENTENCE_CHARS)
        head_end = start + len(text[start:cut].rstrip())
        pieces.append((start, head_end))
        start = cut + len(text[cut:end]) - len(text[cut:end].lstrip())
    pieces.append((start, end))
    return pieces


def _cap_point(text: str, low: int, high: int) -> int:
    for mark in ("; ", ": ", ", ", " "):
        found = text.rfind(mark, low, high)
        if found != -1:
            return found + len(mark) - 1 if mark != " " else found
    return high


#: A sentence end with the space lost in a scrape: "… is underway.Investigators …",
#: "… on Monday.The toll …", "… cleared up.The number …". A word of three letters or
#: more before (lower case after its first; two letters if all lower case) and a capitalised word after keep out "U.S.", "Amazon.com"
#: and initials; titles and abbreviations ("Gov.Hochul") and addresses
#: ("Jane.Doe@…", "site.com/Page") are kept whole by ``_glued_cuts``.
_GLUED = re.compile(r"(?<![\w.@/])(?P<w>[A-Za-z][a-z]{2,}|[a-z]{2})[.!?][\"”’]?(?=(?P<n>[A-Z][a-z]+)\b)")


def _glued_cuts(text: str, start: int, end: int) -> list[Cut]:
    cuts: list[Cut] = []
    for found in _GLUED.finditer(text, start, end):
        if _word_kind(found.group("w")) is not _Kind.ORDINARY:
            continue
        after = text[found.end() : found.end() + 60].split(None, 1)[0] if found.end() < end else ""
        if not any(mark in after for mark in "@/"):
            cuts.append((found.end(), found.end()))
    return cuts


def _bullet_cuts(text: str, start: int, end: int) -> list[Cut]:
    """ "• one • two" on one line is a list of two segments."""
    cuts: list[Cut] = []
    for found in _BULLET.finditer(text, start + 1, end):
        position = found.start()
        if text[position - 1].isspace():
            cuts.append((start + len(text[start:position].rstrip()), position))
    return cuts


def _list_cuts(text: str, start: int, end: int) -> list[Cut]:
    """A line opening with "1." / "a)" is split before "2." / "b)" and so on."""
    first = _LIST_START.match(text, start, end)
    if not first:
        return []
    label, delimiter = first.group(1), first.group(2)
    cuts: list[Cut] = []
    position = first.end()
    while True:
        label = str(int(label) + 1) if label.isdigit() else chr(ord(label) + 1)
        marker = re.compile(rf"\s+{re.escape(label)}{re.escape(delimiter)}\s")
        found = marker.search(text, position, end)
        if not found:
            return cuts
        cuts.append((found.start(), found.end() - len(label) - len(delimiter) - 1))
        position = found.end()


def _punctuation_cuts(text: str, start: int, end: int, structural: Sequence[Cut]) -> list[Cut]:
    cuts: list[Cut] = []
    sentence_start = start
    pending = iter(structural)
    upcoming = next(pending, None)
    for match in _CANDIDATE.finditer(text, start, end):
        while upcoming is not None and upcoming[1] <= match.start():
            sentence_start = max(sentence_start, upcoming[1])
            upcoming = next(pending, None)
        cut = _judge(text, match, sentence_start)
        if cut is not None:
            cuts.append(cut)
            sentence_start = cut[1]
    return cuts


def _judge(text: str, match: re.Match[str], sentence_start: int) -> Cut | None:
    """The cut a boundary candidate makes, or None when the sentence goes on."""
    punct, closers = match.group("p"), match.group("c")
    p_start, next_pos = match.start(), match.start("n")
    cut: Cut = (match.end(), next_pos)
    follower = _first_significant(text, next_pos)
    if follower.islower():
        return None
    if match.end() - sentence_start <= _LIST_MARKER_MAX and _LIST_MARKER_ONLY.fullmatch(
        text, sentence_start, match.end()
    ):
        return None
    if " " in punct or "\u00a0" in punct:
        return _spaced_ellipsis(text, p_start, punct, cut, follower)
    if text[p_start - 1 : p_start] == "[" and closers.startswith("]"):
        return None  # "[...]" marks an omission inside a quotation
    if "?" in punct or "!" in punct or "‽" in punct:
        return None if _quote_then_speaker(text, closers, next_pos) else cut
    if punct.startswith(("..", "…")):
        return cut
    return _after_period(text, p_start, next_pos, sentence_start, follower, cut)


def _spaced_ellipsis(text: str, p_start: int, punct: str, cut: Cut, follower: str) -> Cut | None:
    """ ". . ." continues a sentence; a period before or after it ends one."""
    attached = p_start > 0 and not text[p_start - 1].isspace() and punct[1:2] in " \u00a0"
    if punct.count(".") < 4 or not (follower.isupper() or follower == "."):
        return None
    if attached:  # "words. . . . Next": the period ends it, the ellipsis opens the next
        return (p_start + 1, p_start + 2)
    return cut


def _after_period(
    text: str, p_start: int, next_pos: int, sentence_start: int, follower: str, cut: Cut
) -> Cut | None:
    kind = _word_kind(_word_before(text, p_start, sentence_start))
    if kind is _Kind.ORDINARY:
        return cut
    if follower.isdigit() or follower in _CURRENCY:
        return None
    following = _word_after(text, next_pos).lower()
    if kind is _Kind.TITLE:
        return None
    if kind is _Kind.TIME:
        return None if _time_continues(text, sentence_start, p_start, following) else cut
    if kind is _Kind.INITIAL:
        return cut if _initial_ends_sentence(text, p_start, sentence_start, following) else None
    if kind is _Kind.WEEKDAY and following in CALENDAR_WORDS:
        return None
    return cut if following in SENTENCE_STARTERS else None


class _Kind(enum.Enum):
    """What the word before a period is; decides how the period is read."""

    ORDINARY = "ordinary"  # the period ends the sentence
    TITLE = "title"  # "Mr.": a name follows
    TIME = "time"  # "p.m."
    INITIAL = "initial"  # "V." in "Vladimir V. Putin"
    WEEKDAY = "weekday"  # "Thu." before "May 19th"
    ABBREVIATION = "abbreviation"  # "Co.", "U.S.", "Jan.": ends a sentence only before an opener


@functools.lru_cache(maxsize=8192)
def _word_kind(word: str) -> _Kind:
    lowered = word.lower()
    if lowered in TITLES:
        return _Kind.TITLE if word[:1].isupper() else _Kind.ABBREVIATION
    if lowered in TIME_MARKERS:
        return _Kind.TIME
    if len(word) == 1 and word.isalpha():
        return _Kind.INITIAL
    if lowered in WEEKDAY_ABBREVIATIONS:
        return _Kind.WEEKDAY
    if (
        lowered in ABBREVIATIONS
        or word in CAPITALISED_ABBREVIATIONS
        or _MULTI_PERIOD.fullmatch(word.rsplit("-", 1)[-1])
    ):
        return _Kind.ABBREVIATION
    return _Kind.ORDINARY


def _time_continues(text: str, sentence_start: int, p_start: int, following: str) -> bool:
    """ "3 p.m. Friday" and a leading "At 5 a.m." do not end a sentence."""
    if following in CALENDAR_WORDS:
        return True
    words = text[sentence_start:p_start].split()
    return len(words) <= 4 and words[0].lower().strip(_OPENERS) in PREPOSITIONS


def _initial_ends_sentence(text: str, p_start: int, sentence_start: int, following: str) -> bool:
    """ "Vladimir V. Putin" goes on; "you and I. Did you …" ends."""
    previous = _last_word(text, sentence_start, p_start - 1).strip(_OPENERS)
    return not previous[:1].isupper() and following in SENTENCE_STARTERS


def _last_word(text: str, start: int, end: int) -> str:
    """The last whitespace-separated word of ``text[start:end]``, found walking back.

    Splitting the whole range instead would make a long run of initials
    ("A. B. C. …", each asking about the word before it) quadratic.
    """
    stop = end
    while stop > start and text[stop - 1].isspace():
        stop -= 1
    begin = stop
    while begin > start and not text[begin - 1].isspace():
        begin -= 1
    return text[begin:stop]


def _quote_then_speaker(text: str, closers: str, next_pos: int) -> bool:
    """`"…?" Smith asked.` keeps the question inside the sentence."""
    if not any(q in closers for q in _QUOTES):
        return False
    speaker = _SPEAKER.match(text, next_pos)
    return speaker is not None and speaker.group(1).lower() in SPEECH_VERBS


def _first_significant(text: str, position: int) -> str:
    """The first character after any opening quotes or brackets."""
    end = min(len(text), position + 4)
    for char in text[position:end]:
        if char not in _OPENERS:
            return char
    return text[position]


def _word_before(text: str, p_start: int, sentence_start: int) -> str:
    return _last_word(text, sentence_start, p_start).lstrip(_OPENERS)


def _word_after(text: str, position: int) -> str:
    while position < len(text) and text[position] in _OPENERS:
        position += 1
    found = _WORD.match(text, position)
    return found.group() if found else ""
