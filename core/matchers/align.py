"""Order-free sentence alignment between two articles.

Two articles about one event tell it in different orders, split and merge
sentences, and paraphrase. So the aligner never walks the texts in parallel:

1. a cheap sparse TF-IDF cosine over stemmed content words proposes the
   top-k partners of every sentence on both sides;
2. only those candidates get the expensive score (core.matchers.scoring);
3. an optimal assignment (core.matchers.assignment) picks the best 1-1 links above a threshold, per
   connected component of the candidate graph so large inputs stay fast;
4. each link grows into a 1-n / n-1 link by absorbing up to two free
   neighbouring sentences that are restated on the other side.

Thresholds are explained, with how they were tuned, in docs/alignment.md.
"""

from __future__ import annotations

import functools
import sys
from collections.abc import Sequence
from itertools import accumulate, chain, repeat
from typing import NamedTuple

import numpy as np
from rapidfuzz import process
from rapidfuzz.distance import Indel

from core import lexicon
from core.matchers.assignment import best_assignment, component_labels
from core.matchers.features import (
    SentenceFeatures,
    TfidfSpace,
    char_space,
    cosine,
    merge_features,
    sentence_features,
    stem,
)
from core.matchers.links import (
    ALL_PAIRS_LIMIT,
    FEATURES,
    RARE_CAP,
    RARE_IDF,
    PairTable,
    choose_links,
    clause_words,
    load_model,
    ratio_to_best,
)
from core.matchers.scoring import (
    PARTIAL_MIN_SHARED,
    PairEvidence,
    containment,
    containments,
    pair_score,
    pair_scores,
)
from core.matchers.sparse import Csr, by_column, csr, dense_product
from core.model import Alignment, Span
from core.text.tokens import cosmetic_key

#: What words mean, by the classes the figures finder reads ("killed / dead /
#: deaths / died / fatalities"), keyed like the aligner's words: two sentences
#: that name the same class say something about the same thing.
_ROLE_GROUPS = lexicon.groups("roles")
CLASS_NAMES = tuple(sorted(set(_ROLE_GROUPS.values())))
MEANING_CLASSES = {
    stem(cosmetic_key(word)): CLASS_NAMES.index(group) for word, group in _ROLE_GROUPS.items()
}

_SCORE_COLUMN = FEATURES.index("passage_score")  # the pair score, in a PairTable
ALIGN_THRESHOLD = 0.44  # minimum score of a 1-1 link
TOP_K = 6  # candidate partners kept per sentence, on each side
PREFILTER_MIN = 0.08  # candidates under this cheap cosine are never scored
GROW_RESTATED = 0.35  # a neighbour joins a link only if this much of it is restated there,
GROW_MARGIN = 0.015  # and the link's score rises by this much
GROW_COVERAGE = 0.15  # or it explains this much more (idf-weighted) of the other side
MAX_RUN = 3  # at most this many consecutive sentences on one side of a link
CHUNK_CELLS = 2_000_000  # cells of the dense cosine block materialised at once (16 MB)
HEADLINE_THRESHOLD = 0.12  # two headlines link at this score when the bodies agree:
HEADLINE_BODY_SIMILARITY = 0.10  # at least this much of the rest is aligned


#: A pair scored this close to its sentence's best partner is a best partner too: two
#: partners tied in exact arithmetic differ in the last bits with the order sums were
#: taken in, which Python's per-process hash seed changes from run to run.
BEST_RATIO = 1.0 - 1e-9


class AlignmentResult(NamedTuple):
    alignments: tuple[Alignment, ...]
    unaligned_a: tuple[Span, ...]
    unaligned_b: tuple[Span, ...]


class _Side(NamedTuple):
    spans: list[Span]
    features: list[SentenceFeatures]


class _Dots(NamedTuple):
    """Row products of candidate pairs, one entry per pair (see ``PairEvidence``)."""

    chars: np.ndarray  # character n-gram cosine
    shared: np.ndarray  # idf mass of the distinct words both hold
    numbers: np.ndarray  # distinct numbers both hold
    names: np.ndarray  # distinct names both hold


class _Link(NamedTuple):
    a: tuple[int, ...]  # sentence indexes, consecutive
    b: tuple[int, ...]
    score: float


class _Scorer:
    """Scores passages of A against passages of B in one shared TF-IDF space."""

    def __init__(self, side_a: _Side, side_b: _Side, text_a: str = "", text_b: str = "") -> None:
        self.a, self.b = side_a, side_b
        self.text_a, self.text_b = text_a, text_b
        feats = side_a.features + side_b.features
        docs = [f.words for f in feats]
        self.words = TfidfSpace(docs)
        self.chars = char_space(self.words, docs)
        # zip stops at the vocabulary: an empty one still has a one-column matrix
        self.idf_of = dict(zip(self.words.vocab, self.words.idf.tolist(), strict=False))
        self.n_a = len(side_a.features)
        n = len(feats)
        self._lengths = np.fromiter((len(f.words) for f in feats), dtype=np.float64, count=n)
        words = self.words.matrix
        # distinct words, idf-weighted on one side only: their row products sum the
        # idf mass of the words two sentences share (the containment gate's measure)
        self._present = words.with_data(np.ones(words.nnz))
        self._weighted = words.with_data(self.words.idf[words.indices])
        row_of = np.repeat(np.arange(n), np.diff(words.indptr))
        self._mass = np.bincount(row_of, weights=self._weighted.data, minlength=n)
        # numbers and names as 0/1 rows in the word columns, for the overlap bonuses
        self._numbers = _term_rows([f.numbers for f in feats], self.words.vocab, words.shape)
        self._names = _term_rows([f.names for f in feats], self.words.vocab, words.shape)
        self._containments: dict[tuple[int, int], float] = {}

    def candidates(self) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Top-k partners per sentence on either side: (A index, B index, word cosine).

        Words alone (stemmed) keep the product sparse; character n-grams,
        shared by almost every pair, would make it dense and only join the
        score on the candidates. The product A·Bᵀ is materialised a block of
        rows at a time and read both ways (each row's and each column's best),
        so it is computed once and memory stays flat however long the texts.
        Pairs come out sorted by (A index, B index).
        """
        empty = np.zeros(0, dtype=np.int64)
        if not self.n_a or self.n_a == self.words.matrix.shape[0]:
            return empty, empty, np.zeros(0)
        matrix = self.words.matrix
        return _top_pairs(matrix.rows(0, self.n_a), matrix.rows(self.n_a, matrix.shape[0]))

    def score_pairs(
        self, ia: np.ndarray, ib: np.ndarray, words: np.ndarray, dots: _Dots | None = None
    ) -> np.ndarray:
        """The full pair score of every candidate (A index ``ia[k]``, B index ``ib[k]``).

        ``dots`` are the pairs' row products when the caller has them already."""
        if not len(ia):
            return np.zeros(0)
        rows_a, rows_b = ia, ib + self.n_a
        order = self._order(ia, ib)
        dots = dots or self._dots(ia, ib)
        lengths = self._lengths
        number_counts, name_counts = np.diff(self._numbers.indptr), np.diff(self._names.indptr)
        evidence = PairEvidence(
            words=words,
            chars=dots.chars,
            order=order,
            length_a=lengths[rows_a],
            length_b=lengths[rows_b],
            shared=dots.shared,
            mass_a=self._mass[rows_a],
            mass_b=self._mass[rows_b],
            numbers_shared=dots.numbers,
            numbers_a=number_counts[rows_a],
            numbers_b=number_counts[rows_b],
            names_shared=dots.names,
            names_a=name_counts[rows_a],
            names_b=name_counts[rows_b],
        )
        return pair_scores(
            evidence, lambda ks: self._contained([(int(ia[k]), int(ib[k])) for k in ks])
        )

    def _order(self, ia: np.ndarray, ib: np.ndarray) -> np.ndarray:
        """The word-order ratio (Indel similarity of the coded word strings) of each pair.

        Every pair of two articles (the claim table reads them all) is one
        rapidfuzz matrix of A's sentences against B's: each sentence is prepared
        once, not once per partner, and no list of pair strings is built. The
        ratio of two strings is the same number whichever call computes it.
        """
        coded, n_a = self._coded, self.n_a
        if _every_pair(ia, ib, n_a, len(self.b.features)):
            grid = process.cdist(
                coded[:n_a],
                coded[n_a:],
                scorer=Indel.normalized_similarity,
                dtype=np.float64,
                workers=1,
            )
            return grid.ravel()
        return process.cpdist(
            [coded[i] for i in ia.tolist()],
            [coded[j] for j in (ib + n_a).tolist()],
            scorer=Indel.normalized_similarity,
            dtype=np.float64,
            workers=1,
        )

    def _dots(self, ia: np.ndarray, ib: np.ndarray) -> _Dots:
        """The row products a pair score reads, for pairs (A ``ia[k]``, B ``ib[k]``)."""
        return _Dots(
            chars=self._pair_dots(self.chars.matrix, self.chars.matrix, ia, ib),
            shared=self._pair_dots(self._weighted, self._present, ia, ib),
            numbers=self._pair_dots(self._numbers, self._numbers, ia, ib),
            names=self._pair_dots(self._names, self._names, ia, ib),
        )

    def _pair_dots(self, left: Csr, right: Csr, ia: np.ndarray, ib: np.ndarray) -> np.ndarray:
        """``left[ia[k]] · right[n_a + ib[k]]`` for every k.

        Every pair of two articles (the claim links read them all) is one sparse
        product of A's rows with B's rows: it touches only the values two rows
        share, where pair by pair every value of every B row is visited once per
        A row. Both add the same nonzero products in column order, so they agree
        to the last bit.
        """
        n_a, n_b = self.n_a, len(self.b.features)
        if _every_pair(ia, ib, n_a, n_b):
            n = left.shape[0]
            return dense_product(left.rows(0, n_a), by_column(right.rows(n_a, n))).ravel()
        return _pair_dots(left, right, ia, ib + n_a)

    def _contained(self, pairs: list[tuple[int, int]]) -> list[float]:
        """How much of the shorter of A's sentence i and B's sentence j the longer restates,
        for each (i, j) of ``pairs`` (remembered: the pair score and the claim-link
        table both ask; those not known yet are measured in one batch)."""
        known = self._containments
        todo = [p for p in dict.fromkeys(pairs) if p not in known]
        if todo:
            fa, fb = self.a.features, self.b.features
            short, long = [], []
            for i, j in todo:
                x, y = fa[i], fb[j]
                short.append(x if len(x.words) <= len(y.words) else y)
                long.append(y if len(x.words) <= len(y.words) else x)
            known.update(zip(todo, containments(short, long).tolist(), strict=True))
        return [known[p] for p in pairs]

    def pair_table(self, ia: np.ndarray, ib: np.ndarray) -> PairTable:
        """The claim-link measurements (core.matchers.links.FEATURES) of the given pairs.

        All in bulk: sparse row products and one batched containment pass,
        so reading every sentence pair of two articles stays cheap.
        """
        n_a, n_b = self.n_a, len(self.b.features)
        rows_b = ib + n_a
        words = self._pair_dots(self.words.matrix, self.words.matrix, ia, ib)
        dots = self._dots(ia, ib)
        score = self.score_pairs(ia, ib, words, dots)
        shared = dots.shared
        mass_a, mass_b = self._mass[ia], self._mass[rows_b]
        small, large = np.minimum(mass_a, mass_b), np.maximum(mass_a, mass_b)
        of_small = np.divide(shared, small, out=np.zeros(len(ia)), where=small > 0)
        rare = self._pair_dots(self._rare, self._rare, ia, ib)
        clause = self._clause_overlap(ia, ib)
        number_counts, name_counts = np.diff(self._numbers.indptr), np.diff(self._names.indptr)
        score_row = ratio_to_best(score, ia, n_a)
        score_col = ratio_to_best(score, ib, n_b)
        features = np.column_stack(
            [
                np.minimum(rare, RARE_CAP) / RARE_CAP,
                clause,
                ratio_to_best(clause, ia, n_a),
                ratio_to_best(clause, ib, n_b),
                words,
                dots.chars,
                score,
                of_small,
                np.divide(shared, large, out=np.zeros(len(ia)), where=large > 0),
                self._containment(ia, ib, of_small),
                _overlap_share(dots.numbers, number_counts[ia], number_counts[rows_b]),
                _overlap_share(dots.names, name_counts[ia], name_counts[rows_b]),
                self._classes_shared(ia, ib),
                score_row,
                score_col,
                (score_row >= BEST_RATIO).astype(np.float64),
                (score_col >= BEST_RATIO).astype(np.float64),
                np.abs(ia / max(1, n_a - 1) - ib / max(1, n_b - 1)),
            ]
        )
        return PairTable(ia, ib, features)

    def _classes_shared(self, ia: np.ndarray, ib: np.ndarray) -> np.ndarray:
        """Share of the smaller sentence's meaning classes the other names too: "six
        deaths" and "eight people have died" both speak of the dead in other words."""
        classes = self._classes
        counts = np.diff(classes.indptr)
        shared = self._pair_dots(classes, classes, ia, ib)
        return _overlap_share(shared, counts[ia], counts[ib + self.n_a])

    @functools.cached_property
    def _classes(self) -> Csr:
        """0/1 rows of each sentence's meaning classes (core/lexicon/roles.txt)."""
        feats = self.a.features + self.b.features
        sets = [sorted({MEANING_CLASSES[w] for w in f.words if w in MEANING_CLASSES}) for f in feats]
        indptr = np.zeros(len(sets) + 1, dtype=np.int64)
        np.cumsum([len(x) for x in sets], out=indptr[1:])
        indices = np.fromiter(chain.from_iterable(sets), dtype=np.int64, count=int(indptr[-1]))
        return csr(np.ones(len(indices)), indices, indptr, (len(sets), len(CLASS_NAMES)))

    @functools.cached_property
    def _coded(self) -> list[str] | list[tuple[str, ...]]:
        """Each sentence's words (A's, then B's) as a string of one character per distinct
        word of the pair, for the word-order ratio.

        An edit distance only asks which words are equal, and rapidfuzz compares
        characters many times faster than it compares sequences of strings (it
        hashes every word of both sequences again for each of the pair's
        thousands of sentence pairs), so the figures are the same, only sooner.
        A word's character is its column in the word space, which numbers the
        pair's distinct words in reading order: the rows' column ids, already
        counted out, are the strings.
        """
        if len(self.words.vocab) > sys.maxunicode + 1:  # more words than characters
            return [f.words for f in self.a.features + self.b.features]
        ids = self.words.term_ids.tolist()
        ends = accumulate(self.words.lengths, initial=0)
        start = next(ends)
        coded = []
        for end in ends:
            coded.append("".join(map(chr, ids[start:end])))
            start = end
        return coded

    @functools.cached_property
    def _rare(self) -> Csr:
        """0/1 rows of each sentence's words rare enough to be evidence on their own.

        A word no more than two sentences hold is rare however short the articles:
        in two briefs of fewer than eight sentences between them no idf clears the
        bar, and a figure or name the two share said nothing."""
        present = self._present
        idf, df = self.words.idf[present.indices], self.words.df[present.indices]
        return present.with_data(((idf > RARE_IDF) | (df <= 2)).astype(np.float64))

    @functools.cached_property
    def _clauses(self) -> tuple[Csr, Csr, np.ndarray, np.ndarray, np.ndarray]:
        """Every clause of both sides as idf-weighted and 0/1 rows, with each sentence's
        first clause row and clause count, and each clause's idf mass."""
        idf = self.words.idf
        rows: list[tuple[str, ...]] = []
        first, count = [], []
        for text, side in ((self.text_a, self.a), (self.text_b, self.b)):
            for span in side.spans:
                parts = clause_words(text, span)
                first.append(len(rows))
                count.append(len(parts))
                rows.extend(parts)
        indices, indptr = self._distinct_columns(rows)
        shape = (len(rows), self.words.matrix.shape[1])
        present = csr(np.ones(len(indices)), indices, indptr, shape)
        weighted = present.with_data(idf[indices])
        mass = weighted.row_sums()
        return weighted, present, np.array(first), np.array(count), mass

    def _distinct_columns(self, rows: list[tuple[str, ...]]) -> tuple[np.ndarray, np.ndarray]:
        """The CSR indices and indptr of each row's distinct words in the word columns,
        sorted within a row (words outside the vocabulary left out).

        One lookup per word and one ``np.unique`` over (row, column) keys for all
        rows at once: the rows are every clause of both articles, a set each.
        """
        n_cols = self.words.matrix.shape[1]
        lengths = np.fromiter(map(len, rows), dtype=np.int64, count=len(rows))
        words = chain.from_iterable(rows)
        columns = np.fromiter(
            map(self.words.vocab.get, words, repeat(-1)), dtype=np.int64, count=int(lengths.sum())
        )
        row_of = np.repeat(np.arange(len(rows), dtype=np.int64), lengths)
        known = columns >= 0
        keys = np.sort(row_of[known] * n_cols + columns[known])
        if len(keys):  # each key once (np.unique without its counts is many times slower)
            keys = keys[np.concatenate(([True], keys[1:] != keys[:-1]))]
        indptr = np.zeros(len(rows) + 1, dtype=np.int64)
        np.cumsum(np.bincount(keys // n_cols, minlength=len(rows)), out=indptr[1:])
        return keys % n_cols, indptr

    def _clause_overlap(self, ia: np.ndarray, ib: np.ndarray) -> np.ndarray:
        """Best idf-weighted Jaccard overlap between a clause of A's sentence and one of B's."""
        weighted, present, first, count, mass = self._clauses
        rows_b = ib + self.n_a
        per_pair = count[ia] * count[rows_b]
        pair_of = np.repeat(np.arange(len(ia)), per_pair)
        offset = np.arange(int(per_pair.sum())) - np.repeat(
            np.cumsum(per_pair) - per_pair, per_pair
        )
        width = count[rows_b][pair_of]
        ca = first[ia][pair_of] + offset // width
        cb = first[rows_b][pair_of] + offset % width
        if _every_pair(ia, ib, self.n_a, len(self.b.features)):
            # every clause of A against every clause of B: one product (see _pair_dots)
            split, n = int(first[self.n_a]), weighted.shape[0]
            grid = dense_product(weighted.rows(0, split), by_column(present.rows(split, n)))
            inter = grid[ca, cb - split]
        else:
            inter = _pair_dots(weighted, present, ca, cb)
        union = mass[ca] + mass[cb] - inter
        jaccard = np.divide(inter, union, out=np.zeros(len(ca)), where=union > 0)
        best = np.zeros(len(ia))
        held = np.flatnonzero(per_pair)  # pair_of is sorted: each pair's clause pairs are a run
        if len(held):
            starts = np.cumsum(per_pair)[held] - per_pair[held]
            best[held] = np.maximum(0.0, np.maximum.reduceat(jaccard, starts))
        return best

    def _containment(self, ia: np.ndarray, ib: np.ndarray, of_small: np.ndarray) -> np.ndarray:
        """How much of the shorter sentence the longer restates, for pairs sharing enough
        of the shorter one's words to be worth the rapidfuzz call (0 for the rest)."""
        out = np.zeros(len(ia))
        fa, fb = self.a.features, self.b.features
        ks = [
            k
            for k in np.flatnonzero(of_small >= PARTIAL_MIN_SHARED).tolist()
            if fa[int(ia[k])].words and fb[int(ib[k])].words
        ]
        if ks:
            out[ks] = self._contained([(int(ia[k]), int(ib[k])) for k in ks])
        return out

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


def _every_pair(ia: np.ndarray, ib: np.ndarray, n_a: int, n_b: int) -> bool:
    """Whether the pairs are all of A × B in (A, B) order, as ``all_pairs`` lists them."""
    if len(ia) != n_a * n_b or not len(ia):
        return False
    every_a, every_b = all_pairs(n_a, n_b)
    if ia is every_a and ib is every_b:
        return True  # the very arrays all_pairs handed out: the claim table asks seven times
    return bool(np.array_equal(ia, every_a) and np.array_equal(ib, every_b))


def _overlap_share(shared: np.ndarray, x: np.ndarray, y: np.ndarray) -> np.ndarray:
    """Shared terms over the smaller side's count (0 when either has none)."""
    smaller = np.minimum(x, y)
    return np.divide(shared, smaller, out=np.zeros(len(shared)), where=smaller > 0)


def _top_pairs(rows: Csr, others: Csr) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(row, other, cosine) arrays: each row's and each other's TOP_K best partners
    above PREFILTER_MIN, without duplicates, sorted by (row, other).

    Column winners are kept as a running top-k merged block by block, so the
    product is never held whole.
    """
    n_rows, n_others = rows.shape[0], others.shape[0]
    others_t = by_column(others)
    k_row, k_col = min(TOP_K, n_others), min(TOP_K, n_rows)
    chunk = max(1, CHUNK_CELLS // max(1, n_others))
    found_rows: list[np.ndarray] = []
    found_cols: list[np.ndarray] = []
    found_vals: list[np.ndarray] = []
    # running best rows per column, stored one column per row so every
    # partition runs along contiguous memory
    col_vals = np.zeros((n_others, 0))
    col_rows = np.zeros((n_others, 0), dtype=np.int64)
    for lo in range(0, n_rows, chunk):
        block = dense_product(rows.rows(lo, min(lo + chunk, n_rows)), others_t)
        idx = np.argpartition(block, block.shape[1] - k_row, axis=1)[:, -k_row:]
        row_ids = np.repeat(np.arange(block.shape[0]), k_row)
        col_ids = idx.ravel()
        found_rows.append(row_ids + lo)
        found_cols.append(col_ids)
        found_vals.append(block[row_ids, col_ids])
        col_vals = np.hstack((col_vals, block.T))
        col_rows = np.hstack(
            (col_rows, np.broadcast_to(np.arange(lo, lo + len(block)), block.T.shape))
        )
        if col_vals.shape[1] > k_col:
            keep = np.argpartition(col_vals, col_vals.shape[1] - k_col, axis=1)[:, -k_col:]
            col_vals = np.take_along_axis(col_vals, keep, axis=1)
            col_rows = np.take_along_axis(col_rows, keep, axis=1)
    found_rows.append(col_rows.ravel())
    found_cols.append(np.repeat(np.arange(n_others), col_rows.shape[1]))
    found_vals.append(col_vals.ravel())
    all_rows, all_cols = np.concatenate(found_rows), np.concatenate(found_cols)
    values = np.concatenate(found_vals)
    keys, first = np.unique(all_rows * n_others + all_cols, return_index=True)
    values = values[first]
    keep = values >= PREFILTER_MIN
    keys = keys[keep]
    return keys // n_others, keys % n_others, values[keep]


def _term_rows(
    terms: Sequence[frozenset[str]], vocab: dict[str, int], shape: tuple[int, int]
) -> Csr:
    """0/1 rows marking each row's terms (all in ``vocab``) in the word columns.

    Indices stay unsorted within a row: ``_pair_dots`` scatters and gathers,
    and never merges rows.
    """
    indptr = np.zeros(len(terms) + 1, dtype=np.int64)
    np.cumsum(np.fromiter(map(len, terms), dtype=np.int64, count=len(terms)), out=indptr[1:])
    indices = np.fromiter(
        map(vocab.__getitem__, chain.from_iterable(terms)), dtype=np.int64, count=int(indptr[-1])
    )
    return csr(np.ones(len(indices)), indices, indptr, shape)


def _entries(matrix: Csr, rows: np.ndarray) -> np.ndarray:
    """Positions in ``matrix.data`` / ``.indices`` of the given rows' entries, row after row."""
    starts = matrix.indptr[rows]
    lengths = matrix.indptr[rows + 1] - starts
    offsets = np.repeat(starts - (np.cumsum(lengths) - lengths), lengths)
    return offsets + np.arange(int(lengths.sum()))


def _pair_dots(left: Csr, right: Csr, rows_l: np.ndarray, rows_r: np.ndarray) -> np.ndarray:
    """``left[rows_l[k]] · right[rows_r[k]]`` for every k, in a few numpy calls.

    Written against the CSR arrays directly: scipy's per-call overhead
    (fancy row indexing, elementwise products) dominated the few hundred
    candidate pairs of two articles. Each entry of the left rows is keyed by
    (row, column) and sorted once; every entry of a pair's right row looks up
    its partner's key, so nothing dense is built and the work is linear in the
    entries touched (times a log). Each pair's products are summed on their
    own, so a pair scores the same bits whatever other pairs are asked with it.
    """
    out = np.zeros(len(rows_l))
    if not len(rows_l):
        return out
    n_cols = left.shape[1]
    distinct, local = np.unique(rows_l, return_inverse=True)
    own = _entries(left, distinct)
    keys = np.repeat(np.arange(len(distinct)), np.diff(left.indptr)[distinct]) * n_cols
    keys += left.indices[own]
    if not len(keys):
        return out
    order = np.argsort(keys, kind="stable")
    keys, values = keys[order], left.data[own][order]
    entries = _entries(right, rows_r)
    pair_of = np.repeat(np.arange(len(rows_r)), np.diff(right.indptr)[rows_r])
    wanted = local[pair_of] * n_cols + right.indices[entries]
    at = np.minimum(np.searchsorted(keys, wanted), len(keys) - 1)
    products = np.where(keys[at] == wanted, values[at], 0.0) * right.data[entries]
    return np.bincount(pair_of, weights=products, minlength=len(rows_l))


def _assign(
    pairs: np.ndarray, scores: np.ndarray, n_a: int, n_b: int, threshold: float
) -> list[_Link]:
    """Best 1-1 links above the threshold, one Hungarian run per connected component.

    Components are found on the candidate graph, so 2,500 × 2,500 sentences
    become thousands of tiny assignment problems instead of one dense one.
    """
    keep = scores >= threshold
    if not keep.any():
        return []
    edges = pairs[keep]
    kept = scores[keep]
    labels = component_labels(n_a + n_b, edges[:, 0], edges[:, 1] + n_a)
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
        for r, c in zip(*best_assignment(matrix), strict=True)
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


def _link_headlines(
    scorer: _Scorer,
    links: list[_Link],
    headlines: tuple[int | None, int | None],
    free: tuple[set[int], set[int]],
) -> list[_Link]:
    """The link between the two headlines, when the sentence scores left them apart.

    Headlines are telegraphic ("Ferry fire: 300 evacuated" / "Engine-room
    blaze on island ferry"): few shared words, so they rarely
    reach ALIGN_THRESHOLD although they announce the same story. On their own
    they are weak evidence — two headlines about different calls by the same
    minister score just as high — so they are linked at the lower
    HEADLINE_THRESHOLD only when the bodies already agree: at least
    HEADLINE_BODY_SIMILARITY of the rest of both articles (by character mass,
    weighted by score, as ``core.matchers.similarity``) is aligned.
    """
    head_a, head_b = headlines
    free_a, free_b = free
    if head_a is None or head_b is None or head_a not in free_a or head_b not in free_b:
        return []
    score = scorer.passage_score((head_a,), (head_b,))
    if score < HEADLINE_THRESHOLD:
        return []
    mass_a = [end - start for start, end in scorer.a.spans]
    mass_b = [end - start for start, end in scorer.b.spans]
    total = sum(mass_a) + sum(mass_b) - mass_a[head_a] - mass_b[head_b]
    aligned = sum(
        link.score * (sum(mass_a[i] for i in link.a) + sum(mass_b[j] for j in link.b))
        for link in links
    )
    if total <= 0 or aligned / total < HEADLINE_BODY_SIMILARITY:
        return []
    free_a.discard(head_a)
    free_b.discard(head_b)
    return [_Link((head_a,), (head_b,), score)]


def _claim_table(scorer: _Scorer, candidates: tuple[np.ndarray, np.ndarray]) -> PairTable | None:
    """The claim-link measurements the links are chosen from (None when no pair).

    Two articles of ordinary length have few enough sentence pairs to read
    them all (and the aligner then takes its candidates' scores from here);
    longer inputs only read the prefilter's candidates.
    """
    ia, ib = all_pairs(scorer.n_a, len(scorer.b.spans))
    if len(ia) > ALL_PAIRS_LIMIT:
        ia, ib = candidates
    if not len(ia):
        return None
    return scorer.pair_table(ia, ib)


def _claim_links(
    table: PairTable | None,
    passages: list[_Link],
    headlines: tuple[int | None, int | None],
) -> list[tuple[int, int, float]]:
    """Sentence pairs the link model says report the same fact, outside the passages.

    ``headlines`` is the pair ``_link_headlines`` judged, which it alone links (it
    asks the bodies); when a headline was already taken by the other article's lede
    (each headline restating the other's lede), the pair passed is ``(None, None)``
    and the model may still link the two headlines.
    """
    if table is None:
        return []
    model = load_model()
    inside = {(i, j) for link in passages for i in link.a for j in link.b}
    inside.add(headlines)
    return [
        link
        for link in choose_links(table.ia, table.ib, model.probabilities(table.features), model)
        if link[:2] not in inside
    ]


@functools.lru_cache(maxsize=4)
def all_pairs(n_a: int, n_b: int) -> tuple[np.ndarray, np.ndarray]:
    """Every (A index, B index), in (A, B) order.

    Remembered (and read-only), so ``_every_pair`` knows its own arrays by
    identity instead of comparing thousands of entries for every row product.
    """
    every_a, every_b = np.repeat(np.arange(n_a), n_b), np.tile(np.arange(n_b), n_a)
    every_a.flags.writeable = every_b.flags.writeable = False
    return every_a, every_b


def pair_table(
    text_a: str, spans_a: Sequence[Span], text_b: str, spans_b: Sequence[Span]
) -> PairTable:
    """Claim-link measurements of every sentence pair (for fitting the link model)."""
    scorer = _Scorer(_side(text_a, spans_a), _side(text_b, spans_b), text_a, text_b)
    return scorer.pair_table(*all_pairs(len(spans_a), len(spans_b)))


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
    headlines: tuple[int | None, int | None] = (None, None),
) -> AlignmentResult:
    """Align sentences of A with sentences of B (spans in reading order, boilerplate removed).

    ``threshold`` is the minimum score of a link; it is a parameter only so the
    tuning script can sweep it. ``headlines`` gives the index (into ``spans_a`` /
    ``spans_b``) of each article's headline, when it has one: see ``_link_headlines``.
    """
    side_a, side_b = _side(text_a, spans_a), _side(text_b, spans_b)
    scorer = _Scorer(side_a, side_b, text_a, text_b)
    ia, ib, words = scorer.candidates()
    table = _claim_table(scorer, (ia, ib))
    if table is not None and len(table.ia) == len(spans_a) * len(spans_b):
        # every pair is in the claim-link table already, scored exactly as here
        scores = table.features[ia * len(spans_b) + ib, _SCORE_COLUMN]
    else:
        scores = scorer.score_pairs(ia, ib, words)
    links = _assign(np.column_stack((ia, ib)), scores, len(spans_a), len(spans_b), threshold)
    free_a = set(range(len(spans_a))) - {i for link in links for i in link.a}
    free_b = set(range(len(spans_b))) - {j for link in links for j in link.b}
    near = set(zip(ia.tolist(), ib.tolist(), strict=True))
    grown = [
        _grow(link, scorer, near, (free_a, free_b), threshold)
        for link in sorted(links, key=lambda x: -x.score)
    ]
    both_free = headlines[0] in free_a and headlines[1] in free_b
    grown += _link_headlines(scorer, grown, headlines, (free_a, free_b))
    grown.sort(key=lambda link: (link.a[0], link.b[0]))
    passages = [
        Alignment(
            tuple(side_a.spans[i] for i in link.a),
            tuple(side_b.spans[j] for j in link.b),
            round(link.score, 4),
        )
        for link in grown
    ]
    links = _claim_links(table, grown, headlines if both_free else (None, None))
    claims = [
        Alignment((side_a.spans[i],), (side_b.spans[j],), round(p, 4), primary=False)
        for i, j, p in links
    ]
    # a sentence only faint links hold is still told by one article alone
    read_from = load_model().read_threshold
    read = [(i, j) for i, j, p in links if p >= read_from]
    free_a.difference_update(i for i, _ in read)
    free_b.difference_update(j for _, j in read)
    return AlignmentResult(
        tuple(sorted(passages + claims, key=lambda al: (al.a[0], al.b[0], not al.primary))),
        tuple(side_a.spans[i] for i in sorted(free_a)),
        tuple(side_b.spans[j] for j in sorted(free_b)),
    )
