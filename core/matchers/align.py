"""Order-free sentence alignment between two articles.

Two articles about one event tell it in different orders, split and merge
sentences, and paraphrase. So the aligner never walks the texts in parallel:

1. a cheap sparse TF-IDF cosine over stemmed content words proposes the
   top-k partners of every sentence on both sides;
2. only those candidates get the expensive score (core.matchers.scoring);
3. ``linear_sum_assignment`` picks the best 1-1 links above a threshold, per
   connected component of the candidate graph so large inputs stay fast;
4. each link grows into a 1-n / n-1 link by absorbing up to two free
   neighbouring sentences that are restated on the other side.

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
    sentence_features,
)
from core.matchers.scoring import containment, pair_score
from core.model import Alignment, Span

ALIGN_THRESHOLD = 0.44  # minimum score of a 1-1 link
TOP_K = 6  # candidate partners kept per sentence, on each side
PREFILTER_MIN = 0.08  # candidates under this cheap cosine are never scored
GROW_RESTATED = 0.35  # a neighbour joins a link only if this much of it is restated there,
GROW_MARGIN = 0.015  # and the link's score rises by this much
GROW_COVERAGE = 0.15  # or it explains this much more (idf-weighted) of the other side
MAX_RUN = 3  # at most this many consecutive sentences on one side of a link
CHUNK_CELLS = 2_000_000  # cells of the dense cosine block materialised at once (16 MB)


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
        self.words = TfidfSpace(docs)
        self.chars = char_space(self.words, docs)
        # zip stops at the vocabulary: an empty one still has a one-column matrix
        self.idf_of = dict(zip(self.words.vocab, self.words.idf.tolist(), strict=False))
        self.n_a = len(side_a.features)

    def candidates(self) -> dict[tuple[int, int], float]:
        """Top-k partners per sentence on either side, with their word TF-IDF cosine.

        Words alone (stemmed) keep the product sparse; character n-grams,
        shared by almost every pair, would make it dense and only join the
        score on the candidates. The product is materialised a block of rows
        at a time, once each way, so memory stays flat however long the texts.
        """
        if not self.n_a or self.n_a == self.words.matrix.shape[0]:
            return {}
        rows_a, rows_b = self.words.matrix[: self.n_a], self.words.matrix[self.n_a :]
        found = {(i, j): w for i, j, w in _top_k(rows_a, rows_b)}
        found.update(((i, j), w) for j, i, w in _top_k(rows_b, rows_a))
        return dict(sorted(found.items()))

    def score_pairs(self, candidates: dict[tuple[int, int], float]) -> np.ndarray:
        """The full pair score of every candidate, in the dict's order."""
        if not candidates:
            return np.zeros(0)
        ia = np.fromiter((i for i, _ in candidates), dtype=np.int64, count=len(candidates))
        ib = np.fromiter((j for _, j in candidates), dtype=np.int64, count=len(candidates))
        chars = _row_dots(self.chars.matrix, ia, ib + self.n_a)
        fa, fb, idf = self.a.features, self.b.features, self.idf_of
        return np.fromiter(
            (
                pair_score(fa[i], fb[j], w, c, idf)
                for ((i, j), w), c in zip(candidates.items(), chars.tolist(), strict=True)
            ),
            dtype=np.float64,
            count=len(candidates),
        )

    def coverage_gain(self, side: str, link: _Link, grown: _Link) -> float:
        """Rise in the idf-weighted share of the other side's words that the grown side holds."""
        if side == "a":
            other = self._words(self.b, link.b)
            before, after = self._words(self.a, link.a), self._words(self.a, grown.a)
        else:
            other = self._words(self.a, link.a)
            before, after = self._words(self.b, link.b), self._words(self.b, grown.b)
        return self._coverage(other, after) - self._coverage(other, before)

    @staticmethod
    def _words(side: _Side, ids: tuple[int, ...]) -> set[str]:
        return {w for i in ids for w in side.features[i].words}

    def _coverage(self, target: set[str], source: set[str]) -> float:
        idf = self.idf_of
        total = sum(idf.get(w, 0.0) for w in target)
        return sum(idf.get(w, 0.0) for w in target & source) / total if total else 0.0

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


def _top_k(rows: sp.csr_matrix, others: sp.csr_matrix) -> list[tuple[int, int, float]]:
    """(row, other, cosine): each row's TOP_K best others, above PREFILTER_MIN."""
    others_t = others.T.tocsc()
    k = min(TOP_K, others.shape[0])
    chunk = max(1, CHUNK_CELLS // max(1, others.shape[0]))
    found: list[tuple[int, int, float]] = []
    for lo in range(0, rows.shape[0], chunk):
        block = (rows[lo : lo + chunk] @ others_t).toarray()
        idx = np.argpartition(-block, k - 1, axis=1)[:, :k]
        row_ids = np.repeat(np.arange(block.shape[0]), k)
        col_ids = idx.ravel()
        values = block[row_ids, col_ids]
        keep = values >= PREFILTER_MIN
        found.extend(
            zip(
                (row_ids[keep] + lo).tolist(),
                col_ids[keep].tolist(),
                values[keep].tolist(),
                strict=True,
            )
        )
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


def _belongs(scorer: _Scorer, side: str, link: _Link, grown: _Link) -> float:
    """How clearly a restated neighbour belongs to a link; negative when it does not.

    It must either raise the passage score or explain a good share more of the
    other side (a long sentence split in two: the first half alone may already
    score high by containment, so the merged score can drop though the second
    half clearly belongs).
    """
    rise = grown.score - link.score - GROW_MARGIN
    coverage = scorer.coverage_gain(side, link, grown) - GROW_COVERAGE
    return max(rise, coverage)


def _grow(
    link: _Link,
    scorer: _Scorer,
    candidates: set[tuple[int, int]],
    free: tuple[set[int], set[int]],
    threshold: float,
) -> _Link:
    """Absorb free neighbouring sentences that belong to the link.

    Only neighbours the prefilter proposed for the other side are tried (a
    sentence that restates part of a passage is always among its top
    partners), and only if partly restated there (GROW_RESTATED), before the
    dearer merged score is computed (``_belongs``).
    """
    free_a, free_b = free
    while True:
        best, best_gain = link, 0.0
        for side, free_here in (("a", free_a), ("b", free_b)):
            run = link.a if side == "a" else link.b
            if len(run) >= MAX_RUN:
                continue
            for extra in (run[0] - 1, run[-1] + 1):
                if extra not in free_here or not _near(candidates, side, extra, link):
                    continue
                if scorer.restated(side, extra, link.b if side == "a" else link.a) < GROW_RESTATED:
                    continue
                longer = tuple(sorted((*run, extra)))
                a, b = (longer, link.b) if side == "a" else (link.a, longer)
                grown = _Link(a, b, scorer.passage_score(a, b))
                gain = _belongs(scorer, side, link, grown)
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
    candidates = scorer.candidates()
    pairs = list(candidates)
    links = _assign(pairs, scorer.score_pairs(candidates), len(spans_a), len(spans_b), threshold)
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
