"""What every extractor needs to know about the article besides its text.

Built once per article so each extractor can ask cheaply which sentence an
offset is in and whether it lies in site furniture, without re-splitting.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Sequence
from typing import NamedTuple

from core.ingest.boilerplate import BoilerplateIndex
from core.model import Article, Sentence, Span

#: Words (possessive "’s" left out, "don’t" kept whole) and digit runs.
_WORD = re.compile(r"[^\W\d_]+(?:['’](?!s\b)[^\W\d_]+)?|[0-9]+")
_WORD_SPLIT = re.compile(f"({_WORD.pattern})")  # gap, word, gap, word, …, the last gap
_FALLBACK_SENTENCE = re.compile(r"[^\n]+?(?:[.!?][\"'”’)]*(?=\s+[\"'“‘(]?[A-Z0-9])|$)", re.M)


class Context(NamedTuple):
    text: str
    sentences: tuple[Sentence, ...]
    starts: tuple[int, ...]
    boilerplate: tuple[Span, ...]
    index: dict[str, list[int]] = {}  # lowercased word (possessive dropped) → its offsets
    digits: tuple[int, ...] = ()  # offsets of digit runs
    furniture: BoilerplateIndex | None = None  # ``boilerplate`` indexed for O(log n) questions

    def positions(self, vocabulary: frozenset[str], digits: bool = False) -> list[int]:
        """Offsets of words in ``vocabulary`` (and of digit runs when asked).

        Extractors try their patterns only at these offsets: scanning every
        character with a large pattern is what would make extraction slow.
        """
        found = list(self.digits) if digits else []
        index = self.index
        for word in vocabulary if len(vocabulary) < len(index) else index.keys() & vocabulary:
            found.extend(index.get(word, ()))
        return found

    def positions_where(self, keep: Callable[[str], bool]) -> list[int]:
        """Offsets of the words ``keep`` accepts (for suffix or stem tests)."""
        return [offset for word, offsets in self.index.items() if keep(word) for offset in offsets]

    def matches(self, pattern: re.Pattern[str], positions: list[int]) -> list[re.Match[str]]:
        """Non-overlapping matches of ``pattern`` anchored at ``positions``, in order."""
        found = []
        last_end = -1
        for position in sorted(set(positions)):
            if position < last_end:
                continue
            match = pattern.match(self.text, position)
            if match and match.end() > match.start():
                found.append(match)
                last_end = match.end()
        return found

    def sentence_of(self, offset: int) -> int:
        """Index of the sentence holding ``offset`` (the nearest one before a gap)."""
        return max(0, bisect_right(self.starts, offset) - 1)

    def in_boilerplate(self, start: int, end: int) -> bool:
        """Whether ``[start, end)`` is site furniture, so its facts are skipped.

        Every extractor asks this for every fact it finds, so it must not scan
        the furniture spans: a large page has thousands of both.
        """
        furniture = self.furniture
        if furniture is None:
            furniture = BoilerplateIndex(self.boilerplate)
        if furniture.covers(start, end):
            return True
        if not self.sentences:
            return False
        sentence = self.sentences[self.sentence_of(start)]
        return sentence.boilerplate and sentence.start <= start < sentence.end

    def sentence_span(self, offset: int) -> Span:
        if not self.sentences:
            return (0, len(self.text))
        sentence = self.sentences[self.sentence_of(offset)]
        return (sentence.start, sentence.end)


def build_context(article: Article, sentences: Sequence[Sentence] | None = None) -> Context:
    sentences = tuple(_split(article) if sentences is None else sentences)
    index: dict[str, list[int]] = {}
    lookup = index.get
    # split keeps the words (the pattern's one group) between the gaps before them:
    # offsets are summed from the lengths, with no match object per word
    parts = iter(_WORD_SPLIT.split(article.text.lower()))
    offset = 0
    for gap, word in zip(parts, parts, strict=False):  # the last gap has no word
        offset += len(gap)
        offsets = lookup(word)
        if offsets is None:
            index[word] = [offset]
        else:
            offsets.append(offset)
        offset += len(word)
    digits = sorted(o for word, offsets in index.items() if word[0].isdigit() for o in offsets)
    return Context(
        text=article.text,
        sentences=sentences,
        starts=tuple(s.start for s in sentences),
        boilerplate=tuple(article.boilerplate),
        index=index,
        digits=tuple(digits),
        furniture=BoilerplateIndex(article.boilerplate),
    )


def _split(article: Article) -> list[Sentence]:
    """The segmenter's sentences; a line-and-period split only if it is absent."""
    try:
        from core.text.segment import article_sentences
    except ImportError:
        return _fallback_split(article.text)
    return list(article_sentences(article.text, article.boilerplate))


def _fallback_split(text: str) -> list[Sentence]:
    sentences = []
    paragraph = 0
    last_end = 0
    for match in _FALLBACK_SENTENCE.finditer(text):
        start, end = match.start(), match.end()
        if start == end or not text[start:end].strip():
            continue
        if "\n\n" in text[last_end:start]:
            paragraph += 1
        sentences.append(Sentence(start, end, paragraph))
        last_end = end
    return sentences
