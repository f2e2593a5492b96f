"""Claim links: sentence pairs that report the same fact, beyond the passage alignment.

The passage aligner (``align.py``) keeps a strict 1-1 reading of two
articles: it is what the bands, the scroll sync and the token diff follow.
Real outlets do not line up that neatly. A wire lead packs the toll, the
place and the source into one sentence that another outlet spreads over
three; a translated report restates a clause of one sentence in a sentence
of its own. Those sentence pairs share few words, so they fall below the
passage threshold, yet a fact-checker needs them side by side.

So every sentence pair is described by a few measurements (word, character
and clause overlap, shared rare words, numbers and names, how it ranks among
each sentence's other partners, position) and a logistic model turns them
into the probability that the pair reports the same fact. The weights and
the decision thresholds are data (``link_model.json``), fitted and checked
leave-one-event-out on annotated real articles by
``benchmarks/tune_links.py``; docs/alignment.md gives the figures.
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from itertools import combinations_with_replacement
from pathlib import Path
from typing import NamedTuple

import numpy as np

from core.matchers.features import passage_words, sentence_features

MODEL_FILE = Path(__file__).with_name("link_model.json")
ALL_PAIRS_LIMIT = 10_000  # above this many sentence pairs only the prefilter's candidates are read
RARE_IDF = 2.0  # a word this rare in the pair's sentences is evidence on its own
RARE_CAP = 4  # shared rare words beyond this add nothing

#: Where a news sentence divides into claims: clause punctuation and the
#: conjunctions and relative words that open a new predicate.
_CLAUSE_BREAK = re.compile(
    r"[,;:()]|\s[-–—]\s|\b(?:and|but|while|whereas|who|which|that|as|after|before|when|"
    r"where|because|amid|including|according)\b",
    re.I,
)
_MIN_CLAUSE_WORDS = 2

FEATURES = (
    "rare_shared",
    "clause_overlap",
    "clause_row_ratio",
    "clause_col_ratio",
    "word_cosine",
    "char_cosine",
    "passage_score",
    "shared_of_smaller",
    "shared_of_larger",
    "containment",
    "numbers_shared",
    "names_shared",
    "classes_shared",
    "score_row_ratio",
    "score_col_ratio",
    "best_in_row",
    "best_in_col",
    "position_gap",
)


def term_names(degree: int) -> tuple[str, ...]:
    """The model's terms: the features, and at degree 2 every product of two of them."""
    if degree == 1:
        return FEATURES
    pairs = combinations_with_replacement(FEATURES, 2)
    return FEATURES + tuple(f"{x}*{y}" for x, y in pairs)


def expand(features: np.ndarray, degree: int) -> np.ndarray:
    """Rows of FEATURES as rows of ``term_names(degree)``.

    Evidence combines: a shared figure says much when the words overlap too and
    little when they do not, which a sum of separate weights cannot say."""
    if degree == 1:
        return features
    left, right = np.triu_indices(features.shape[1])
    return np.hstack([features, features[:, left] * features[:, right]])


class LinkModel(NamedTuple):
    """A fitted logistic model and the rule that turns its probabilities into links."""

    weights: tuple[float, ...]  # one per term_names(degree) entry
    bias: float
    related_threshold: float  # a pair among its sentences' best partners links at this probability
    sure_threshold: float  # any pair links at this probability
    top_k: int  # how many best partners of each sentence are considered
    degree: int = 1  # 2: the features' pairwise products are terms too
    #: Fainter links are possible counterparts only: the discrepancy finders skip them
    #: (core.discrepancies.find.READ_EVIDENCE) and their sentences stay one-sided.
    read_threshold: float = 0.0

    def probabilities(self, features: np.ndarray) -> np.ndarray:
        weights = np.asarray(self.weights)
        n = features.shape[1]
        logits = features @ weights[:n] + self.bias
        if self.degree == 2:
            # the products' weights as an upper-triangular matrix, summed row by row
            # (w_ij·x_i·x_j for j >= i): no 171 product columns per pair, and only
            # matrix-vector products, which the BLAS library runs on one thread; a
            # matrix product of a few thousand rows wakes its threads, whose
            # spinning doubled a comparison's CPU time
            upper = np.zeros((n, n))
            upper[np.triu_indices(n)] = weights[n:]
            for i in range(n):
                logits += features[:, i] * (features[:, i:] @ upper[i, i:])
        return 1.0 / (1.0 + np.exp(-np.clip(logits, -30.0, 30.0)))


@lru_cache(maxsize=1)
def load_model(path: Path = MODEL_FILE) -> LinkModel:
    raw = json.loads(path.read_text(encoding="utf-8"))
    weights = raw["weights"]
    degree = int(raw.get("degree", 1))
    names = term_names(degree)
    if list(weights) != list(names):
        raise ValueError(f"{path.name}: terms {list(weights)} do not match {list(names)}")
    return LinkModel(
        tuple(float(weights[name]) for name in names),
        float(raw["bias"]),
        float(raw["related_threshold"]),
        float(raw["sure_threshold"]),
        int(raw["top_k"]),
        degree,
        float(raw.get("read_threshold", raw["related_threshold"])),
    )


class PairTable(NamedTuple):
    """Measurements of many sentence pairs (A index ``ia[k]``, B index ``ib[k]``)."""

    ia: np.ndarray
    ib: np.ndarray
    features: np.ndarray  # rows of FEATURES (computed by core.matchers.align's scorer)


@lru_cache(maxsize=32768)
def clause_words(text: str, span: tuple[int, int]) -> tuple[tuple[str, ...], ...]:
    """The sentence's clauses, each as its content words (the whole sentence if it has one).

    Cached (immutable): an article compared with several others is cut once. A
    sentence with no break is its own one clause, whose words the aligner has
    already read."""
    start, end = span
    cuts = [start, *(m.start() + start for m in _CLAUSE_BREAK.finditer(text[start:end])), end]
    if len(cuts) == 2:
        whole = sentence_features(text, span).words
        return (whole,)
    parts = [passage_words(text, (lo, hi)) for lo, hi in zip(cuts, cuts[1:], strict=False)]
    parts = [p for p in parts if len(p) >= _MIN_CLAUSE_WORDS]
    return tuple(parts) or (sentence_features(text, span).words,)


def ratio_to_best(values: np.ndarray, groups: np.ndarray, n_groups: int) -> np.ndarray:
    """Each value over the best value of its group (a sentence's best partner scores 1)."""
    best = np.zeros(n_groups)
    np.maximum.at(best, groups, values)
    return np.divide(values, best[groups], out=np.zeros(len(values)), where=best[groups] > 0)


def choose_links(
    ia: np.ndarray, ib: np.ndarray, probability: np.ndarray, model: LinkModel
) -> list[tuple[int, int, float]]:
    """Pairs among either sentence's ``top_k`` partners above ``related_threshold``,
    and any pair above ``sure_threshold``; (A index, B index, probability).

    Only pairs above ``related_threshold`` are ranked: a pair's rank counts the
    partners of its sentence ahead of it (more probable, or as probable and
    listed first), all of which are above the threshold when it is, so its rank
    among those alone is the same, and a few dozen are sorted, not every pair.
    """
    keep = probability >= model.sure_threshold
    related = np.flatnonzero(probability >= model.related_threshold)
    chances = probability[related]
    for own in (ia[related], ib[related]):
        order = np.lexsort((-chances, own))
        sorted_own = own[order]
        first = np.searchsorted(sorted_own, sorted_own, side="left")
        rank = np.arange(len(order)) - first
        keep[related[order[rank < model.top_k]]] = True
    picked = np.flatnonzero(keep)
    return [(int(ia[k]), int(ib[k]), float(probability[k])) for k in picked]
