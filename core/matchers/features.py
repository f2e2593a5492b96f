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
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import NamedTuple

import numpy as np
import scipy.sparse as sp

from core.model import Span
from core.tokens import cosmetic_key, tokenize

_STOPWORD_TEXT = """a about above after again against all also am an and any are as at be because been
    before being below between both but by can could did do does doing down during each few
    for from further had has have having he her here hers herself him himself his how i if in
    into is it its itself just me more most my myself no nor not of off on once only or other
    our ours ourselves out over own same she should so some such than that the their theirs
    them themselves then there these they this those through to too under until up very was we
    were what when where which while who whom why will with would you your yours yourself
    yourselves said says say told according"""
STOPWORDS = frozenset(_STOPWORD_TEXT.split())
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
def _word(token_text: str) -> _Word:
    """Everything the aligner needs from one token, cached: news repeats its words."""
    key = cosmetic_key(token_text)
    if not key:
        return _Word("", False, False, False)
    number = _DIGIT.search(key) is not None
    capitalised = token_text[:1].isupper() and _LETTER.search(token_text) is not None
    return _Word(key if number else stem(key), number, capitalised, key not in STOPWORDS)


_DIGIT = re.compile(r"\d")
_LETTER = re.compile(r"[^\W\d_]")


def sentence_features(text: str, span: Span) -> SentenceFeatures:
    """Features of ``text[span]``; names skip the first word, capitalised by grammar alone."""
    words: list[str] = []
    numbers: set[str] = set()
    names: set[str] = set()
    first = True
    for token in tokenize(text, span[0], span[1]):
        info = _word(token.text)
        if not info.stem:
            continue
        if info.number:
            numbers.add(info.stem)
        elif info.capitalised and info.content and not first:
            names.add(info.stem)
        first = False
        if info.content:
            words.append(info.stem)
    return SentenceFeatures(tuple(words), frozenset(numbers), frozenset(names), " ".join(words))


def merge_features(parts: Sequence[SentenceFeatures]) -> SentenceFeatures:
    """Features of consecutive sentences read as one passage (for 1-n links)."""
    return SentenceFeatures(
        tuple(w for p in parts for w in p.words),
        frozenset().union(*(p.numbers for p in parts)),
        frozenset().union(*(p.names for p in parts)),
        " ".join(p.folded for p in parts if p.folded),
    )


@lru_cache(maxsize=131072)
def _word_grams(word: str, n: int) -> tuple[str, ...]:
    padded = f" {word} "
    if len(padded) <= n:
        return (padded,)
    return tuple(padded[i : i + n] for i in range(len(padded) - n + 1))


def char_ngrams(folded: str, n: int = CHAR_N) -> list[str]:
    """Character n-grams of each word padded with spaces, so inflections share most grams."""
    return [gram for word in folded.split() for gram in _word_grams(word, n)]


class TfidfSpace:
    """Sparse TF-IDF rows for both articles' sentences in one shared vocabulary."""

    def __init__(self, docs: Sequence[Sequence[str]]) -> None:
        vocab: dict[str, int] = {}
        cols = np.fromiter(
            (vocab.setdefault(t, len(vocab)) for terms in docs for t in terms), dtype=np.int64
        )
        rows = np.repeat(np.arange(len(docs)), [len(terms) for terms in docs])
        shape = (len(docs), max(1, len(vocab)))
        counts = sp.csr_matrix((np.ones(len(cols)), (rows, cols)), shape=shape)
        counts.sum_duplicates()
        counts.data = 1.0 + np.log(counts.data)  # sublinear tf
        df = np.bincount(counts.indices, minlength=shape[1])
        self.idf = np.log((1.0 + shape[0]) / (1.0 + df)) + 1.0
        self.vocab = vocab
        self.matrix = _normalize_rows(counts @ sp.diags(self.idf))

    def vector(self, terms: Sequence[str]) -> dict[int, float]:
        """A unit vector, as a dict, for terms outside the fitted rows (a merged passage).

        Passages are scored a handful at a time, where a dict beats building
        a one-row sparse matrix by two orders of magnitude.
        """
        counts = Counter(t for t in terms if t in self.vocab)
        vector = {
            self.vocab[t]: (1.0 + math.log(c)) * float(self.idf[self.vocab[t]])
            for t, c in counts.items()
        }
        norm = math.sqrt(sum(v * v for v in vector.values())) or 1.0
        return {k: v / norm for k, v in vector.items()}


def cosine(x: dict[int, float], y: dict[int, float]) -> float:
    """Dot product of two unit dict vectors."""
    if len(x) > len(y):
        x, y = y, x
    return sum(v * y.get(k, 0.0) for k, v in x.items())


def _normalize_rows(matrix: sp.csr_matrix) -> sp.csr_matrix:
    norms = np.sqrt(np.asarray(matrix.multiply(matrix).sum(axis=1)).ravel())
    norms[norms == 0] = 1.0
    return sp.csr_matrix(sp.diags(1.0 / norms) @ matrix)
