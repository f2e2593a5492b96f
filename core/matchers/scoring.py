"""How strongly two passages report the same thing, as one 0–1 score.

Four views of the pair are blended because each fails somewhere: word TF-IDF
misses inflections ("stimulated"/"stimulate"), character n-grams over-reward
shared topic vocabulary, word order (an LCS ratio) ignores synonyms, and all
three punish a short sentence that restates one clause of a long one. That
last case gets its own containment score, guarded so a three-word sentence
cannot align with everything that happens to contain its words.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from types import MappingProxyType
from typing import NamedTuple

import numpy as np
from rapidfuzz import fuzz, process
from rapidfuzz.distance import Indel

from core.matchers.features import SentenceFeatures

WEIGHT_WORDS = 0.35
WEIGHT_CHARS = 0.35
WEIGHT_ORDER = 0.30
PARTIAL_MIN_WORDS = 6  # content words a passage needs before containment counts fully
PARTIAL_LENGTH_RATIO = 1.3  # containment is only tried when one side is this much longer
PARTIAL_MIN_SHARED = 0.4  # a restated clause shares at least this much of its words
PARTIAL_DISCOUNT = 0.9  # a clause restated is a little less than a sentence restated
NUMBER_BONUS = 0.06
NAME_BONUS = 0.04
_NO_IDF: Mapping[str, float] = MappingProxyType({})


def shared_share(
    short: SentenceFeatures, long: SentenceFeatures, idf: Mapping[str, float]
) -> float:
    """Share of the shorter passage's distinct words found anywhere in the longer one,
    weighted by rarity: sharing "State Department" and "call" with a long sentence
    is not restating one of its clauses."""
    distinct = set(short.words)
    total = sum(idf.get(w, 1.0) for w in distinct)
    return sum(idf.get(w, 1.0) for w in distinct & set(long.words)) / total if total else 0.0


def containment(short: SentenceFeatures, long: SentenceFeatures) -> float:
    """How much of the shorter passage is restated, in order, inside the longer one."""
    if not short.words:
        return 0.0
    distance = Indel.distance(short.words, long.words)
    common = (len(short.words) + len(long.words) - distance) / 2
    words = common / len(short.words)
    chars = fuzz.partial_ratio(short.folded, long.folded, processor=None) / 100.0
    guard = min(1.0, len(short.words) / PARTIAL_MIN_WORDS)
    return guard * PARTIAL_DISCOUNT * (0.5 * words + 0.5 * chars)


def containments(
    shorts: Sequence[SentenceFeatures], longs: Sequence[SentenceFeatures]
) -> np.ndarray:
    """``containment(shorts[k], longs[k])`` for every k, in two batched rapidfuzz calls.

    The claim links read hundreds of pairs per article pair; one call per
    measure instead of two per pair. The same operations in the same order
    as ``containment``, so the figures agree to the last bit.
    """
    if not shorts:
        return np.zeros(0)
    distance = process.cpdist(
        [s.words for s in shorts],
        [x.words for x in longs],
        scorer=Indel.distance,
        dtype=np.int64,
        workers=1,
    )
    chars = process.cpdist(
        [s.folded for s in shorts],
        [x.folded for x in longs],
        scorer=fuzz.partial_ratio,
        processor=None,
        dtype=np.float64,
        workers=1,
    )
    short_len = np.fromiter((len(s.words) for s in shorts), dtype=np.int64, count=len(shorts))
    long_len = np.fromiter((len(x.words) for x in longs), dtype=np.int64, count=len(longs))
    held = short_len > 0
    common = (short_len + long_len - distance) / 2
    words = np.divide(common, short_len, out=np.zeros(len(shorts)), where=held)
    guard = np.minimum(1.0, short_len / PARTIAL_MIN_WORDS)
    out = guard * PARTIAL_DISCOUNT * (0.5 * words + 0.5 * (chars / 100.0))
    out[~held] = 0.0
    return out


def _overlap(x: frozenset[str], y: frozenset[str]) -> float:
    if not x or not y:
        return 0.0
    return len(x & y) / min(len(x), len(y))


def pair_score(
    a: SentenceFeatures,
    b: SentenceFeatures,
    words: float,
    chars: float,
    idf: Mapping[str, float] = _NO_IDF,
) -> float:
    """Blend of word cosine, character cosine, word order and containment, plus
    small bonuses for shared numbers and names (a changed number must still align,
    so numbers only ever add). ``idf`` weighs words for the containment gate."""
    if not a.words or not b.words:
        return 0.0
    order = Indel.normalized_similarity(a.words, b.words)
    base = WEIGHT_WORDS * words + WEIGHT_CHARS * chars + WEIGHT_ORDER * order
    short, long = (a, b) if len(a.words) <= len(b.words) else (b, a)
    score = base
    if (
        len(long.words) >= PARTIAL_LENGTH_RATIO * len(short.words)
        and shared_share(short, long, idf) >= PARTIAL_MIN_SHARED
    ):
        score = max(base, containment(short, long))
    score += NUMBER_BONUS * _overlap(a.numbers, b.numbers)
    score += NAME_BONUS * _overlap(a.names, b.names)
    return min(1.0, score)


class PairEvidence(NamedTuple):
    """What ``pair_scores`` needs about many candidate pairs, one array entry per pair.

    Gathered in bulk (sparse row products, one batched rapidfuzz call) so a
    whole candidate list is scored without a Python call per pair; only the
    few pairs that pass the containment gate fall back to per-pair code.
    """

    words: np.ndarray  # word TF-IDF cosine
    chars: np.ndarray  # character n-gram TF-IDF cosine
    order: np.ndarray  # Indel similarity of the content-word sequences
    length_a: np.ndarray  # content words (with repeats) of each side
    length_b: np.ndarray
    shared: np.ndarray  # idf mass of the distinct words both sides hold
    mass_a: np.ndarray  # idf mass of each side's distinct words
    mass_b: np.ndarray
    numbers_shared: np.ndarray  # distinct numbers both sides hold, and each side's count
    numbers_a: np.ndarray
    numbers_b: np.ndarray
    names_shared: np.ndarray
    names_a: np.ndarray
    names_b: np.ndarray


def _overlaps(shared: np.ndarray, x: np.ndarray, y: np.ndarray) -> np.ndarray:
    smaller = np.minimum(x, y)
    return np.divide(shared, smaller, out=np.zeros(len(shared)), where=smaller > 0)


def pair_scores(
    evidence: PairEvidence, contained: Callable[[list[int]], Sequence[float]]
) -> np.ndarray:
    """``pair_score`` for every pair of ``evidence`` at once.

    ``contained(ks)`` is ``containment(short, long)`` of each pair k of
    ``ks``; it is asked only for pairs passing the same length and
    shared-word gate as ``pair_score``, which keeps the per-pair work to a
    small minority, and all at once, so it can be batched.
    """
    e = evidence
    base = WEIGHT_WORDS * e.words + WEIGHT_CHARS * e.chars + WEIGHT_ORDER * e.order
    a_short = e.length_a <= e.length_b
    short_len = np.where(a_short, e.length_a, e.length_b)
    long_len = np.where(a_short, e.length_b, e.length_a)
    short_mass = np.where(a_short, e.mass_a, e.mass_b)
    share = np.divide(e.shared, short_mass, out=np.zeros(len(base)), where=short_mass > 0)
    gated = (long_len >= PARTIAL_LENGTH_RATIO * short_len) & (share >= PARTIAL_MIN_SHARED)
    score = base.copy()
    ks = np.flatnonzero(gated & (short_len > 0)).tolist()
    for k, found in zip(ks, contained(ks), strict=True):
        score[k] = max(score[k], found)
    score += NUMBER_BONUS * _overlaps(e.numbers_shared, e.numbers_a, e.numbers_b)
    score += NAME_BONUS * _overlaps(e.names_shared, e.names_a, e.names_b)
    score = np.minimum(1.0, score)
    score[(e.length_a == 0) | (e.length_b == 0)] = 0.0
    return score
