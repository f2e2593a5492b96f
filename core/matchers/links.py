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
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

import numpy as np

from core.matchers.features import SentenceFeatures, sentence_features
from core.matchers.scoring import containment

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
    "score_row_ratio",
    "score_col_ratio",
    "best_in_row",
    "best_in_col",
    "position_gap",
)


class LinkModel(NamedTuple):
    """A fitted logistic model and the rule that turns its probabilities into links."""

    weights: tuple[float, ...]  # one per FEATURES entry
    bias: float
    related_threshold: float  # a pair among its sentences' best partners links at this probability
    sure_threshold: float  # any pair links at this probability
    top_k: int  # how many best partners of each sentence are considered

    def probabilities(self, features: np.ndarray) -> np.ndarray:
        logits = features @ np.asarray(self.weights) + self.bias
        return 1.0 / (1.0 + np.exp(-np.clip(logits, -30.0, 30.0)))


@lru_cache(maxsize=1)
def load_model(path: Path = MODEL_FILE) -> LinkModel:
    raw = json.loads(path.read_text(encoding="utf-8"))
    weights = raw["weights"]
    if list(weights) != list(FEATURES):
        raise ValueError(f"{path.name}: features {list(weights)} do not match {list(FEATURES)}")
    return LinkModel(
        tuple(float(weights[name]) for name in FEATURES),
        float(raw["bias"]),
        float(raw["related_threshold"]),
        float(raw["sure_threshold"]),
        int(raw["top_k"]),
    )


class PairTable(NamedTuple):
    """Measurements of many sentence pairs (A index ``ia[k]``, B index ``ib[k]``)."""

    ia: np.ndarray
    ib: np.ndarray
    features: np.ndarray  # rows of FEATURES


def clause_features(text: str, span: tuple[int, int]) -> list[SentenceFeatures]:
    """The sentence's clauses, each as a bag of content words (the whole sentence if it has one)."""
    start, end = span
    cuts = [start, *(m.start() + start for m in _CLAUSE_BREAK.finditer(text[start:end])), end]
    parts = [sentence_features(text, (lo, hi)) for lo, hi in zip(cuts, cuts[1:], strict=False)]
    parts = [p for p in parts if len(p.words) >= _MIN_CLAUSE_WORDS]
    return parts or [sentence_features(text, span)]


def _weighted_jaccard(x: frozenset[str], y: frozenset[str], idf: dict[str, float]) -> float:
    union = sum(idf.get(w, 1.0) for w in x | y)
    return sum(idf.get(w, 1.0) for w in x & y) / union if union else 0.0


def _clause_overlap(
    clauses_a: Sequence[list[frozenset[str]]],
    clauses_b: Sequence[list[frozenset[str]]],
    ia: np.ndarray,
    ib: np.ndarray,
    idf: dict[str, float],
) -> np.ndarray:
    """Best weighted overlap between any clause of A's sentence and any clause of B's."""
    out = np.zeros(len(ia))
    for k, (i, j) in enumerate(zip(ia.tolist(), ib.tolist(), strict=True)):
        out[k] = max(
            (_weighted_jaccard(x, y, idf) for x in clauses_a[i] for y in clauses_b[j] if x & y),
            default=0.0,
        )
    return out


def _ratio_to_best(values: np.ndarray, groups: np.ndarray, n_groups: int) -> np.ndarray:
    best = np.zeros(n_groups)
    np.maximum.at(best, groups, values)
    return np.divide(values, best[groups], out=np.zeros(len(values)), where=best[groups] > 0)


def _overlap(x: frozenset[str], y: frozenset[str]) -> float:
    return len(x & y) / min(len(x), len(y)) if x and y else 0.0


def measure(
    text_a: str,
    spans_a: Sequence[tuple[int, int]],
    text_b: str,
    spans_b: Sequence[tuple[int, int]],
    features_a: Sequence[SentenceFeatures],
    features_b: Sequence[SentenceFeatures],
    evidence: dict[str, np.ndarray],
    idf: dict[str, float],
) -> np.ndarray:
    """The FEATURES matrix of the pairs in ``evidence`` (the passage scorer's arrays:
    ``ia``, ``ib``, ``words``, ``chars``, ``score``, ``shared``, ``mass_a``, ``mass_b``)."""
    ia, ib = evidence["ia"], evidence["ib"]
    n_a, n_b = len(spans_a), len(spans_b)
    clauses_a = [[frozenset(c.words) for c in clause_features(text_a, s)] for s in spans_a]
    clauses_b = [[frozenset(c.words) for c in clause_features(text_b, s)] for s in spans_b]
    clause = _clause_overlap(clauses_a, clauses_b, ia, ib, idf)
    score = evidence["score"]
    sets_a = [frozenset(f.words) for f in features_a]
    sets_b = [frozenset(f.words) for f in features_b]
    pairs = list(zip(ia.tolist(), ib.tolist(), strict=True))
    rare = np.array(
        [sum(1 for w in sets_a[i] & sets_b[j] if idf.get(w, 1.0) > RARE_IDF) for i, j in pairs],
        dtype=np.float64,
    )
    contained = np.array(
        [
            max(
                containment(features_a[i], features_b[j]), containment(features_b[j], features_a[i])
            )
            if features_a[i].words and features_b[j].words
            else 0.0
            for i, j in pairs
        ]
    )
    numbers = np.array([_overlap(features_a[i].numbers, features_b[j].numbers) for i, j in pairs])
    names = np.array([_overlap(features_a[i].names, features_b[j].names) for i, j in pairs])
    small = np.minimum(evidence["mass_a"], evidence["mass_b"])
    large = np.maximum(evidence["mass_a"], evidence["mass_b"])
    shared = evidence["shared"]
    score_row = _ratio_to_best(score, ia, n_a)
    score_col = _ratio_to_best(score, ib, n_b)
    position = np.abs(ia / max(1, n_a - 1) - ib / max(1, n_b - 1))
    return np.column_stack(
        [
            np.minimum(rare, RARE_CAP) / RARE_CAP,
            clause,
            _ratio_to_best(clause, ia, n_a),
            _ratio_to_best(clause, ib, n_b),
            evidence["words"],
            evidence["chars"],
            score,
            np.divide(shared, small, out=np.zeros(len(ia)), where=small > 0),
            np.divide(shared, large, out=np.zeros(len(ia)), where=large > 0),
            contained,
            numbers,
            names,
            score_row,
            score_col,
            (score_row >= 1.0).astype(np.float64),
            (score_col >= 1.0).astype(np.float64),
            position,
        ]
    )


def choose_links(
    ia: np.ndarray, ib: np.ndarray, probability: np.ndarray, model: LinkModel
) -> list[tuple[int, int, float]]:
    """Pairs among either sentence's ``top_k`` partners above ``related_threshold``,
    and any pair above ``sure_threshold``; (A index, B index, probability)."""
    keep = probability >= model.sure_threshold
    for own in (ia, ib):
        order = np.lexsort((-probability, own))
        sorted_own = own[order]
        first = np.searchsorted(sorted_own, sorted_own, side="left")
        rank = np.arange(len(order)) - first
        top = np.zeros(len(order), dtype=bool)
        top[order] = rank < model.top_k
        keep |= top & (probability >= model.related_threshold)
    picked = np.flatnonzero(keep)
    return [(int(ia[k]), int(ib[k]), float(probability[k])) for k in picked]
