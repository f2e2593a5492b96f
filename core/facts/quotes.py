"""Direct quotes and who said them.

A changed word inside quotation marks is a misquote, the most serious thing a
fact-checker can find, so quotes are found with their speakers: the same
words credited to different people are a discrepancy too. Quotes split by an
attribution ("…," Wang said. "…") become two records with one speaker.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from core.facts.context import Context
from core.facts.fact_records import Entity, Quote
from core.facts.speech import (
    SPEECH_VERB,
    coordinated_subject,
    needs_clause,
    object_after,
    source_of,
    subject_before,
)

_OPENERS = {"“": "”", "«": "»", "„": "“"}
_CLOSERS = {"”", "»"}
_SHORT_WORDS = 3
_MARK = re.compile(r"[“”«»„\"‘’]")
_INVERTED = re.compile(
    r"\s*,?\s*(?:said|says|added|adds|continued|wrote|writes|tweeted|asked|noted|explained|"
    r"insisted|warned|stated|declared|replied|according\s+to)\s+"
)
_SENTENCE_END = re.compile(r"[.!?]\s")
_ACCORDING = re.compile(r"\b[Aa]ccording\s+to\s+")


class _Span(NamedTuple):
    start: int  # opening mark
    end: int  # after closing mark
    inner_start: int
    inner_end: int


def find_quote_spans(text: str) -> list[_Span]:
    """Top-level quotations, line by line; nested quotes stay inside their parent."""
    spans: list[_Span] = []
    position = 0
    while True:
        mark = _MARK.search(text, position)
        if mark is None:
            return spans
        line_start = text.rfind("\n", 0, mark.start()) + 1
        line_end = text.find("\n", mark.start())
        line_end = len(text) if line_end < 0 else line_end
        spans.extend(_line_quotes(text, line_start, line_end))
        position = line_end


def _line_quotes(text: str, start: int, end: int) -> list[_Span]:
    spans = []
    opened: tuple[int, str] | None = None  # position and expected closer
    for index in range(start, end):
        char = text[index]
        if char not in '“”«»„"‘’':
            continue
        if opened is None:
            closer = _opening(text, index, start, end)
            if closer:
                opened = (index, closer)
            continue
        open_at, closer = opened
        if char == closer and _closes(text, index, end, closer):
            spans.append(_Span(open_at, index + 1, open_at + 1, index))
            opened = None
    if opened and opened[1] == "”" and len(text[opened[0] : end].split()) >= 4:
        spans.append(_Span(opened[0], end, opened[0] + 1, end))  # runs on into the next paragraph
    return spans


def _opening(text: str, index: int, line_start: int, line_end: int) -> str | None:
    char = text[index]
    before = text[index - 1] if index > line_start else " "
    after = text[index + 1] if index + 1 < line_end else " "
    if char in _OPENERS:
        return _OPENERS[char]
    if char == '"' and not before.isalnum() and not after.isspace():
        return '"'
    if char == "‘" and not before.isalnum() and (after.isalnum() or after in '“"'):
        return "’"
    return None


def _closes(text: str, index: int, line_end: int, closer: str) -> bool:
    after = text[index + 1] if index + 1 < line_end else " "
    if closer == "’":
        return not after.isalnum()  # an apostrophe inside a word does not close
    return True


def extract_quotes(context: Context, entities: list[Entity]) -> list[Quote]:
    text = context.text
    quotes: list[Quote] = []
    for span in find_quote_spans(text):
        inner_start, inner_end = _trim(text, span.inner_start, span.inner_end)
        if inner_end <= inner_start or not re.search(r"\w", text[inner_start:inner_end]):
            continue
        if context.in_boilerplate(inner_start, inner_end):
            continue
        speaker = _speaker(context, span, entities) or _continued(context, span, quotes)
        words = len(text[inner_start:inner_end].split())
        quotes.append(
            Quote(
                inner_start,
                inner_end,
                text[inner_start:inner_end],
                speaker[0] if speaker else None,
                speaker[1] if speaker else None,
                context.sentence_of(inner_start),
                words <= _SHORT_WORDS,
            )
        )
    return quotes


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",;:"):
        end -= 1
    return start, end


def _speaker(context: Context, span: _Span, entities: list[Entity]) -> tuple[str, str] | None:
    """The speaker named right after the quote, else earlier in its sentence.

    "according to X" right after a quote names who relayed it, so a speaker
    who said it earlier in the sentence ("Wang told Blinken that …") wins.
    """
    after = _speaker_after(context, span, entities)
    if after and after[2] != "according":
        return after[:2]
    before = _speaker_before(context, span, entities)
    return before or (after[:2] if after else None)


def _speaker_after(
    context: Context, span: _Span, entities: list[Entity]
) -> tuple[str, str, str] | None:
    """Speaker, key and how it was found ("according", "inverted", "subject")."""
    text = context.text
    line_end = text.find("\n", span.end)
    ceiling = min(line_end if line_end >= 0 else len(text), span.end + 200)
    inverted = _INVERTED.match(text, span.end, ceiling)
    if inverted:
        named = _named(text, object_after(text, inverted.end(), ceiling), entities)
        how = "according" if "according" in inverted.group() else "inverted"
        return (*named, how) if named else None
    limit = min(ceiling, max(context.sentence_span(span.end - 1)[1], span.end))
    for verb in SPEECH_VERB.finditer(text, span.end, limit):
        if re.search(r"[“”\"]", text[span.end : verb.start()]):
            return None
        subject = subject_before(text, verb.start(), span.end)
        if subject is None:
            return None
        between = text[span.end : subject[0]]
        if not between.strip(" ,\u00a0—–-") or between.rstrip(" \u00a0").endswith(","):
            relayed = _AS_SAYING.match(text, verb.end(), limit)
            if relayed:  # "…," the agency quoted the police chief as saying: his words
                subject = (relayed.start(1), relayed.end(1))
            named = _named(text, subject, entities)
            return (*named, "subject") if named else None
        return None
    return None


#: "quoted X as saying": the newsroom relays, X spoke.
_AS_SAYING = re.compile(r"(?<=quoted)\s+(\S.{0,80}?)\s+as\s+say(?:ing)?\b")


def _speaker_before(
    context: Context, span: _Span, entities: list[Entity]
) -> tuple[str, str] | None:
    text = context.text
    sentence_start, _ = context.sentence_span(span.start)
    sentence_start = max(sentence_start, text.rfind("\n", 0, span.start) + 1)
    if sentence_start >= span.start:
        return None
    relays = list(_ACCORDING.finditer(text, sentence_start, span.start))
    according = relays[-1] if relays else None
    verbs = [
        v
        for v in SPEECH_VERB.finditer(text, sentence_start, span.start)
        if not _inside_other_quote(text, sentence_start, v.start())
    ]
    if verbs:
        verb = verbs[-1]
        if not needs_clause(verb.group()) or re.match(
            r"\s*(?:that\b|:|,)", text[verb.end() : span.start]
        ):
            subject = subject_before(text, verb.start(), sentence_start) or coordinated_subject(
                text, verb.start(), sentence_start, entities
            )
            if subject:
                return _named(text, subject, entities)
    if according:
        return _named(text, object_after(text, according.end(), span.start), entities)
    return None


def _inside_other_quote(text: str, start: int, offset: int) -> bool:
    segment = text[start:offset]
    return segment.count("“") > segment.count("”") or segment.count('"') % 2 == 1


def _named(
    text: str, found: tuple[int, int] | None, entities: list[Entity]
) -> tuple[str, str] | None:
    if found is None:
        return None
    source = source_of(text, found, entities)
    return (source.text, source.key) if source else None


def _continued(context: Context, span: _Span, quotes: list[Quote]) -> tuple[str, str] | None:
    """A quote that opens its sentence continues the previous quote's speaker nearby."""
    if not quotes or quotes[-1].speaker is None:
        return None
    text = context.text
    sentence_start, _ = context.sentence_span(span.start)
    line_start = text.rfind("\n", 0, span.start) + 1
    if text[max(sentence_start, line_start) : span.start].strip():
        return None
    previous = quotes[-1]
    sentences = context.sentences
    if sentences:
        here = sentences[context.sentence_of(span.start)].paragraph
        there = sentences[previous.sentence].paragraph
        if here - there > 1:
            return None
    return previous.speaker, previous.speaker_key
