"""Order-free sentence alignment between two articles.

Two articles about one event tell it in different orders, split and merge
sentences, and paraphrase. So the aligner never walks the texts in parallel:

1. a cheap sparse TF-IDF cosine (words + character n-grams) proposes the
   top-k partners of every sentence on both sides;
2. only those candidates get the expensive score (core.matchers.scoring);
3. ``linear_sum_assignment`` picks the best 1-1 links above a threshold, per
   connected component of the candidate graph so large inputs stay fast;
4. each link grows into a 1-n / n-1 link by absorbing up to two free
   neighbouring sentences when that raises its score.

Thresholds are explained, with how they were tuned, in docs/alignment.md.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple

import numpy as np
import scipy.sparse as sp
from scipy.optimize import linear_sum_assignment
from scipy.sparse.csgraph import connected_components

from core.matchers.features import (
    SentenceFeatures,
    TfidfSpace,
    char_space,
    cosine,
    merge_features,
    name_weights,
    sentence_features,
)
from core.matchers.scoring import containment, pair_score
from core.model import Alignment, Span

ALIGN_THRESHOLD = 0.48  # minimum score of a 1-1 link
TOP_K = 6  # candidate partners kept per sentence, on each side
PREFILTER_MIN = 0.08  # candidates under this cheap cosine are never scored
GROW_RESTATED = 0.35  # a neighbour joins a link only if this much of it is restated there,
GROW_MARGIN = 0.015  # and the link's score rises by this much
GROW_COVERAGE = 0.15  # or it explains this much more (idf-weighted) of the other side
MAX_RUN = 3  # at most this many consecutive sentences on one side of a link
CHUNK_ROWS = 512  # rows of the cosine product materialised at once


class AlignmentResult(NamedTuple):
    alignments: tuple[Alignment, ...]
    unaligned_a: tuple[Span, ...]
    unaligned_b: tuple[Span, ...]


class _Side(NamedTuple):
    spans: list[Span]
    features: list[SentenceFeatures]


class _Link(NamedTuple):
    a: tuple[int, ...]  # sentence indexes, consecutive
    b: tuple[int, ...]
    score: float


class _Scorer:
    """Scores passages of A against passages of B in one shared TF-IDF space."""

    def __init__(self, side_a: _Side, side_b: _Side) -> None:
        self.a, self.b = side_a, side_b
        feats = side_a.features + side_b.features
        docs = [f.words for f in feats]
        weights = name_weights(feats)
        self.words = TfidfSpace(docs, weights)
        self.chars = char_space(self.words, docs, weights)
        self.idf: list[float] = self.words.idf.tolist()
        self.idf_of = dict(zip(self.words.vocab, self.idf, strict=False))
        self.n_a = len(side_a.features)

    def candidates(self) -> list[tuple[int, int]]:
        """Top-k partners per sentence on either side by word TF-IDF cosine.

        Words alone (stemmed) keep the product sparse; character n-grams,
        shared by almost every pair, would make it dense and only join the
        score on the candidates. The product is materialised a block of rows
        at a time, once each way, so memory stays flat however long the texts.
        """
        if not self.n_a or self.n_a == self.words.matrix.shape[0]:
            return []
        matrix = self.words.matrix.astype(np.float32)
        rows_a, rows_b = matrix[: self.n_a], matrix[self.n_a :]
        pairs = set(_top_k(rows_a, rows_b))
        pairs.update((i, j) for j, i in _top_k(rows_b, rows_a))
        return sorted(pairs)

    def score_pairs(self, pairs: list[tuple[int, int]]) -> np.ndarray:
        if not pairs:
            return np.zeros(0)
        ia = np.fromiter((p[0] for p in pairs), dtype=np.int64, count=len(pairs))
        ib = np.fromiter((p[1] + self.n_a for p in pairs), dtype=np.int64, count=len(pairs))
        w = _row_dots(self.words.matrix, ia, ib)
        c = _row_dots(self.chars.matrix, ia, ib)
        fa, fb, idf = self.a.features, self.b.features, self.idf_of
        return np.fromiter(
            (pair_score(fa[i], fb[j], w[k], c[k], idf) for k, (i, j) in enumerate(pairs)),
            dtype=np.float64,
            count=len(pairs),
        )

    def coverage_gain(
        self,
        side: str,
        a_before: tuple[int, ...],
        b_before: tuple[int, ...],
        a_after: tuple[int, ...],
        b_after: tuple[int, ...],
    ) -> float:
        """Rise in the idf-weighted share of the other side's words found in the grown side."""
        if side == "a":
            other, before, after = (
                self._words("b", b_before),
                self._words("a", a_before),
                self._words("a", a_after),
            )
        else:
            other, before, after = (
                self._words("a", a_before),
                self._words("b", b_before),
                self._words("b", b_after),
            )
        return self._coverage(other, after) - self._coverage(other, before)

    def _words(self, side: str, ids: tuple[int, ...]) -> set[str]:
        features = self.a.features if side == "a" else self.b.features
        return {w for i in ids for w in features[i].words}

    def _coverage(self, target: set[str], source: set[str]) -> float:
        vocab, idf = self.words.vocab, self.idf
        total = sum(idf[vocab[w]] for w in target if w in vocab)
        found = sum(idf[vocab[w]] for w in target & source if w in vocab)
        return found / total if total else 0.0

    def restated(self, side: str, extra: int, others: tuple[int, ...]) -> float:
        """How much of one sentence is restated inside the other side's passage."""
        own, other_side = (self.a, self.b) if side == "a" else (self.b, self.a)
        other = merge_features([other_side.features[i] for i in others])
        return containment(own.features[extra], other)

    def passage_score(self, a: tuple[int, ...], b: tuple[int, ...]) -> float:
        fa = merge_features([self.a.features[i] for i in a])
        fb = merge_features([self.b.features[j] for j in b])
        rows_b = [self.n_a + j for j in b]
        w = cosine(self.words.passage(a), self.words.passage(rows_b))
        c = cosine(self.chars.passage(a), self.chars.passage(rows_b))
        return pair_score(fa, fb, w, c, self.idf_of)


def _top_k(rows: sp.csr_matrix, others: sp.csr_matrix) -> list[tuple[int, int]]:
    """(row, other) pairs: each row's TOP_K best others by cosine, above PREFILTER_MIN."""
    others_t = others.T.tocsc()
    k = min(TOP_K, others.shape[0])
    found: list[tuple[int, int]] = []
    for lo in range(0, rows.shape[0], CHUNK_ROWS):
        block = (rows[lo : lo + CHUNK_ROWS] @ others_t).toarray()
        idx = np.argpartition(-block, k - 1, axis=1)[:, :k]
        row_ids = np.repeat(np.arange(block.shape[0]), k)
        col_ids = idx.ravel()
        keep = block[row_ids, col_ids] >= PREFILTER_MIN
        found.extend(zip((row_ids[keep] + lo).tolist(), col_ids[keep].tolist(), strict=True))
    return found


def _row_dots(matrix: sp.csr_matrix, ia: np.ndarray, ib: np.ndarray) -> np.ndarray:
    return np.asarray(matrix[ia].multiply(matrix[ib]).sum(axis=1)).ravel()


def _assign(
    pairs: list[tuple[int, int]], scores: np.ndarray, n_a: int, n_b: int, threshold: float
) -> list[_Link]:
    """Best 1-1 links above the threshold, one Hungarian run per connected component.

    Components are found on the candidate graph, so 2,500 × 2,500 sentences
    become thousands of tiny assignment problems instead of one dense one.
    """
    keep = scores >= threshold
    if not keep.any():
        return []
    edges = np.asarray(pairs, dtype=np.int64)[keep]
    kept = scores[keep]
    graph = sp.coo_matrix(
        (np.ones(len(edges)), (edges[:, 0], edges[:, 1] + n_a)), shape=(n_a + n_b,) * 2
    )
    _, labels = connected_components(graph, directed=False)
    edge_labels = labels[edges[:, 0]]
    order = np.argsort(edge_labels, kind="stable")
    bounds = np.flatnonzero(np.diff(edge_labels[order])) + 1
    links: list[_Link] = []
    for group in np.split(order, bounds):
        if len(group) == 1:
            (i, j), score = edges[group[0]], kept[group[0]]
            links.append(_Link((int(i),), (int(j),), float(score)))
            continue
        links.extend(_assign_component(edges[group], kept[group], threshold))
    return links


def _assign_component(edges: np.ndarray, scores: np.ndarray, threshold: float) -> list[_Link]:
    rows, row_ix = np.unique(edges[:, 0], return_inverse=True)
    cols, col_ix = np.unique(edges[:, 1], return_inverse=True)
    matrix = np.zeros((len(rows), len(cols)))
    matrix[row_ix, col_ix] = scores
    return [
        _Link((int(rows[r]),), (int(cols[c]),), float(matrix[r, c]))
        for r, c in zip(*linear_sum_assignment(matrix, maximize=True), strict=True)
        if matrix[r, c] >= threshold
    ]


def _near(candidates: set[tuple[int, int]], side: str, extra: int, link: _Link) -> bool:
    """Whether a neighbour was a cheap candidate of any sentence on the link's other side."""
    if side == "a":
        return any((extra, j) in candidates for j in link.b)
    return any((i, extra) in candidates for i in link.a)


def _belongs(scorer: _Scorer, side: str, extra: int, link: _Link, grown: _Link) -> float:
    """How clearly a neighbour belongs to a link; negative when it does not.

    The neighbour must itself be partly restated on the other side, and then
    either raise the passage score or explain a good share more of the other
    side (a long sentence split in two: the first half alone may already score
    high by containment, so the merged score can drop though the second half
    clearly belongs).
    """
    restated = scorer.restated(side, extra, link.b if side == "a" else link.a)
    if restated < GROW_RESTATED:
        return -1.0
    rise = grown.score - link.score - GROW_MARGIN
    coverage = scorer.coverage_gain(side, link.a, link.b, grown.a, grown.b) - GROW_COVERAGE
    return max(rise, coverage)


def _grow(
    link: _Link,
    scorer: _Scorer,
    candidates: set[tuple[int, int]],
    free: tuple[set[int], set[int]],
    threshold: float,
) -> _Link:
    """Absorb free neighbouring sentences that belong to the link (see ``_belongs``).

    Only neighbours the prefilter proposed for the other side are tried: a
    sentence that restates part of a passage is always among its top partners.
    """
    free_a, free_b = free
    while True:
        best, best_gain = link, 0.0
        for side, free in (("a", free_a), ("b", free_b)):
            run = link.a if side == "a" else link.b
            if len(run) >= MAX_RUN:
                continue
            for extra in (run[0] - 1, run[-1] + 1):
                if extra not in free or not _near(candidates, side, extra, link):
                    continue
                grown = tuple(sorted((*run, extra)))
                a, b = (grown, link.b) if side == "a" else (link.a, grown)
                grown = _Link(a, b, scorer.passage_score(a, b))
                gain = _belongs(scorer, side, extra, link, grown)
                if gain >= 0 and grown.score >= threshold and gain >= best_gain:
                    best, best_gain = grown, gain
        if best is link:
            return link
        free_a.difference_update(best.a)
        free_b.difference_update(best.b)
        link = best


def _side(text: str, spans: Sequence[Span]) -> _Side:
    spans = list(spans)
    return _Side(spans, [sentence_features(text, s) for s in spans])


def align(
    text_a: str,
    spans_a: Sequence[Span],
    text_b: str,
    spans_b: Sequence[Span],
    *,
    threshold: float = ALIGN_THRESHOLD,
) -> AlignmentResult:
    """Align sentences of A with sentences of B (spans in reading order, boilerplate removed).

    ``threshold`` is the minimum score of a link; it is a parameter only so the
    tuning script can sweep it.
    """
    side_a, side_b = _side(text_a, spans_a), _side(text_b, spans_b)
    scorer = _Scorer(side_a, side_b)
    pairs = scorer.candidates()
    links = _assign(pairs, scorer.score_pairs(pairs), len(spans_a), len(spans_b), threshold)
    free_a = set(range(len(spans_a))) - {i for link in links for i in link.a}
    free_b = set(range(len(spans_b))) - {j for link in links for j in link.b}
    near = set(pairs)
    grown = [
        _grow(link, scorer, near, (free_a, free_b), threshold)
        for link in sorted(links, key=lambda x: -x.score)
    ]
    grown.sort(key=lambda link: (link.a[0], link.b[0]))
    alignments = tuple(
        Alignment(
            tuple(side_a.spans[i] for i in link.a),
            tuple(side_b.spans[j] for j in link.b),
            round(link.score, 4),
        )
        for link in grown
    )
    return AlignmentResult(
        alignments,
        tuple(side_a.spans[i] for i in sorted(free_a)),
        tuple(side_b.spans[j] for j in sorted(free_b)),
    )
