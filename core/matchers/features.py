"""What the aligner knows about one sentence: folded content words, numbers, names and
sparse TF-IDF vectors over words and character n-grams.

Articles about one event share their vocabulary ("Blinken", "Ukraine",
"security"), so every weight is an inverse document frequency computed over
the sentences of *both* articles: words that appear everywhere in this pair say
little about which sentence restates which.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import chain
from typing import NamedTuple
from zlib import crc32

import numpy as np

from core import lexicon
from core.matchers.referents import mentioned
from core.matchers.sparse import Csr, csr
from core.model import Span
from core.text.tokens import cosmetic_key, span_token_texts

STOPWORDS = lexicon.words("alignment_stop_words")
# Negations are stopwords here on purpose: "did" and "did not" report on the same
# thing and must align, so that the token diff can then show the dropped "not".

CHAR_N = 4


@dataclass(frozen=True)
class SentenceFeatures:
    """Folded evidence about one passage (a sentence or a run of neighbours)."""

    words: tuple[str, ...]  # content-word keys in reading order
    numbers: frozenset[str]
    names: frozenset[str]
    folded: str  # content words joined by spaces, for character-level scores


def stem(key: str) -> str:
    """A light English stem so "country's", "countries" and "country" meet.

    Deliberately crude: the character n-grams catch what it misses, and an
    over-eager stemmer would merge words the token diff must keep apart.
    """
    key = key.removesuffix("'s").removesuffix("'")
    if len(key) > 4 and key.endswith("ies"):
        return key[:-3] + "y"
    if len(key) > 3 and key.endswith("s") and not key.endswith(("ss", "us", "is")):
        return key[:-1]
    return key


class _Word(NamedTuple):
    stem: str  # "" for punctuation
    number: bool
    capitalised: bool
    content: bool  # not a stopword


@lru_cache(maxsize=131072)
def _words_of(token_text: str) -> tuple[_Word, ...]:
    """The token's record, or two for a figure joined to what it measures: "68th-minute"
    is the figure "68th" and the word "minute", so it meets "in the 68th minute"."""
    compound = _FIGURE_COMPOUND.match(token_text)
    if compound:
        return (_word(compound.group(1)), _word(compound.group(2)))
    return (_word(token_text),)


@lru_cache(maxsize=131072)
def _word(token_text: str) -> _Word:
    """Everything the aligner needs from one token, cached: news repeats its words."""
    key = cosmetic_key(token_text)
    if not key:
        return _Word("", False, False, False)
    number = _DIGIT.search(key) is not None
    capitalised = token_text[:1].isupper() and _LETTER.search(token_text) is not None
    return _Word(key if number else stem(key), number, capitalised, key not in STOPWORDS)


_DIGIT = re.compile(r"\d")
#: A figure joined to the noun it measures ("68th-minute", "600-crore", "5,000-word").
_FIGURE_COMPOUND = re.compile(r"^([$€£]?\d[\d.,]*(?:st|nd|rd|th)?)-([^\W\d_][^\W\d]*(?:-[^\W\d_]+)*)$")
_LETTER = re.compile(r"[^\W\d_]")


@lru_cache(maxsize=32768)
def sentence_features(text: str, span: Span) -> SentenceFeatures:
    """Features of ``text[span]``; names skip the first word, capitalised by grammar alone.

    Written as comprehensions over cached per-token records: this runs once per
    sentence of both articles, thousands of times for long documents. Cached
    (the record is immutable): an article compared with several others is read
    once.
    """
    infos, named, words = _read(text, span)
    numbers = frozenset([info.stem for info in infos if info.number])
    return SentenceFeatures(words, numbers, frozenset(named), " ".join(words))


@lru_cache(maxsize=32768)
def passage_words(text: str, span: Span) -> tuple[str, ...]:
    """``sentence_features(text, span).words`` alone: the clause overlap reads only the
    words of every clause of both articles, so the names, numbers and folded
    text are not built for them."""
    return _read(text, span)[2]


def _read(text: str, span: Span) -> tuple[list[_Word], list[str], tuple[str, ...]]:
    """The span's word records, its names (those it calls by role alone included) and
    its content-word keys in reading order, then the people it refers to."""
    tokens = span_token_texts(text, span[0], span[1])
    infos = [info for token in tokens for info in _words_of(token) if info.stem]
    named = [info.stem for info in infos[1:] if info.capitalised and info.content and not info.number]
    # a person the passage calls by role alone ("the foreign minister") is named too
    referred = [
        info.stem
        for token in mentioned(text, tokens)
        for info in _words_of(token)
        if info.stem and info.stem not in named
    ]
    words = tuple([info.stem for info in infos if info.content] + referred)
    return infos, named + referred, words


def merge_features(parts: Sequence[SentenceFeatures]) -> SentenceFeatures:
    """Features of consecutive sentences read as one passage (for 1-n links)."""
    return SentenceFeatures(
        tuple(w for p in parts for w in p.words),
        frozenset().union(*(p.numbers for p in parts)),
        frozenset().union(*(p.names for p in parts)),
        " ".join(p.folded for p in parts if p.folded),
    )


@lru_cache(maxsize=131072)
def _word_grams(word: str) -> np.ndarray:
    """Hashed ids of a word's character n-grams, padded with spaces so inflections
    ("stimulated"/"stimulate") share most of them. Cached: news repeats its words.

    The hash is CRC-32, the same in every run: Python's own ``hash`` of a string
    changes with each process, and with it which n-grams collide and the order
    scores are summed in, so one pair of articles could be aligned two ways."""
    padded = f" {word} "
    grams = (
        [padded]
        if len(padded) <= CHAR_N
        else [padded[i : i + CHAR_N] for i in range(len(padded) - CHAR_N + 1)]
    )
    return np.fromiter(
        (crc32(g.encode("utf-8")) & 0x7FFFFFFF for g in grams), dtype=np.int64, count=len(grams)
    )


class TfidfSpace:
    """Sparse TF-IDF rows for both articles' sentences in one shared vocabulary."""

    def __init__(self, docs: Sequence[Sequence[str]]) -> None:
        # built with C-level dict and map calls, no Python step per token: long
        # documents have tens of thousands of tokens
        terms = list(chain.from_iterable(docs))
        vocab = {term: i for i, term in enumerate(dict.fromkeys(terms))}
        cols = np.fromiter(map(vocab.__getitem__, terms), dtype=np.int64, count=len(terms))
        self._fit(vocab, len(vocab), [len(doc) for doc in docs], cols)

    @classmethod
    def from_ids(cls, n_terms: int, lengths: list[int], cols: np.ndarray) -> TfidfSpace:
        """A space of ``n_terms`` unnamed terms from ids already counted out:
        ``lengths[i]`` ids per row, in order. Its ``vocab`` is empty."""
        space = cls.__new__(cls)
        space._fit({}, n_terms, lengths, cols)
        return space

    def _fit(
        self, vocab: dict[str, int], n_terms: int, lengths: list[int], cols: np.ndarray
    ) -> None:
        self.term_ids, self.lengths = cols, lengths  # kept: the character space reuses them
        n_rows, n_cols = len(lengths), max(1, n_terms)
        rows = np.repeat(np.arange(n_rows, dtype=np.int64), lengths)
        # Counting (row, term) keys with np.unique yields a canonical CSR matrix
        # directly (sorted columns in every row, no duplicates).
        keys, counts = np.unique(rows * n_cols + cols, return_counts=True)
        indices = keys % n_cols
        indptr = np.zeros(n_rows + 1, dtype=np.int64)
        np.cumsum(np.bincount(keys // n_cols, minlength=n_rows), out=indptr[1:])
        df = np.bincount(indices, minlength=n_cols)
        self.df = df  # how many rows hold each term
        self.idf = np.log((1.0 + n_rows) / (1.0 + df)) + 1.0
        self.vocab = vocab
        self._rows: dict[int, dict[int, float]] = {}
        data = (1.0 + np.log(counts)) * self.idf[indices]  # sublinear tf
        self.matrix = _normalize_rows(csr(data, indices, indptr, (n_rows, n_cols)))

    def passage(self, rows: Sequence[int]) -> dict[int, float]:
        """Unit vector of consecutive rows read as one passage (the normalised sum of rows).

        Passages are scored a handful at a time, where a dict beats building
        one-row sparse matrices by two orders of magnitude.
        """
        vector: dict[int, float] = {}
        for row in rows:
            for col, value in self._row(row).items():
                vector[col] = vector.get(col, 0.0) + value
        if len(rows) == 1:
            return vector
        norm = math.sqrt(sum(v * v for v in vector.values())) or 1.0
        return {k: v / norm for k, v in vector.items()}

    def _row(self, row: int) -> dict[int, float]:
        cached = self._rows.get(row)
        if cached is None:
            lo, hi = self.matrix.indptr[row], self.matrix.indptr[row + 1]
            cached = dict(
                zip(
                    self.matrix.indices[lo:hi].tolist(),
                    self.matrix.data[lo:hi].tolist(),
                    strict=True,
                )
            )
            self._rows[row] = cached
        return cached


def cosine(x: dict[int, float], y: dict[int, float]) -> float:
    """Dot product of two unit dict vectors."""
    if len(x) > len(y):
        x, y = y, x
    return sum(v * y.get(k, 0.0) for k, v in x.items())


def char_space(words: TfidfSpace, docs: Sequence[Sequence[str]]) -> TfidfSpace:
    """Character n-gram space of the same rows, each distinct word cut into grams once.

    A row's grams are its words' grams laid end to end: one numpy gather, no
    Python loop per gram.
    """
    per_word = [_word_grams(w) for w in words.vocab]
    if not per_word:
        return TfidfSpace.from_ids(0, [0] * len(docs), np.zeros(0, dtype=np.int64))
    hashed, gram_ids = np.unique(np.concatenate(per_word), return_inverse=True)
    counts = np.fromiter(map(len, per_word), dtype=np.int64, count=len(per_word))
    offsets = np.cumsum(counts) - counts
    tokens = words.term_ids
    token_len = counts[tokens]
    token_start = np.repeat(offsets[tokens] - np.cumsum(token_len) + token_len, token_len)
    cols = gram_ids[token_start + np.arange(int(token_len.sum()))]
    token_row = np.repeat(np.arange(len(docs)), words.lengths)
    lengths = np.bincount(token_row, weights=token_len, minlength=len(docs)).astype(np.int64)
    return TfidfSpace.from_ids(len(hashed), lengths.tolist(), cols)


def _normalize_rows(matrix: Csr) -> Csr:
    """Scale every row to unit length in place (empty rows stay empty)."""
    lengths = np.diff(matrix.indptr)
    rows = np.repeat(np.arange(matrix.shape[0]), lengths)
    norms = np.sqrt(np.bincount(rows, weights=matrix.data**2, minlength=matrix.shape[0]))
    norms[norms == 0] = 1.0
    data = matrix.data
    data /= np.repeat(norms, lengths)
    return matrix
