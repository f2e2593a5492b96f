"""Document × term matrices and the sums of products between their rows, in numpy alone.

Event grouping needs three things of a sparse matrix: building it from term
hashes, weighting its values, and for every pair of documents ``i < k`` the
sum over shared terms ``t`` of ``m[i, t] · m[k, t]``. Those fit in a few
numpy arrays; ``scipy.sparse`` would bring SciPy into every grouping (and
into the desktop bundle) for them.

The sums add the products one term at a time, in *descending* term order,
starting from zero: the order in which ``scipy.sparse`` added them for the
row-normalised matrices grouping used to build with it, so every similarity,
and every tie between two of them, is the same to the last bit.

Two ways of adding keep this fast on any pile. A term few documents share
lists its pairs and ``np.add.at`` adds them in order. A term many documents
share (a wire story's sentences in a thousand near-copies) updates a dense
block of the result in place, one term after another, so its cost is that of
the numbers it adds, not of listing them.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple

import numpy as np

#: A term shared by this many documents or more updates a dense block of the
#: result; fewer, and its pairs are listed. On a thousand articles the
#: switch point matters little anywhere between 64 and 512.
WIDE_TERM = 256
#: Cells of the dense result worked on at once; more documents than fit are
#: done in bands of rows, so memory stays bounded however big the pile.
MAX_CELLS = 1 << 22
#: Wide terms over the same scattered (not consecutive) documents share a dense
#: block only this many at a time or more: gathering the block and putting it
#: back costs more than listing the pairs of one or two terms.
SCATTERED_BATCH = 4
#: Rows of a dense block updated together (its products fit in the cache).
_BAND = 128


class Csr(NamedTuple):
    """A documents × terms matrix as compressed rows; columns ascend within each row."""

    data: np.ndarray  # float64 values, row after row
    indices: np.ndarray  # column of each value
    indptr: np.ndarray  # row r's values are data[indptr[r] : indptr[r + 1]]
    shape: tuple[int, int]

    def with_data(self, data: np.ndarray) -> Csr:
        """The same pattern holding other values."""
        return Csr(data, self.indices, self.indptr, self.shape)

    def row_of_entry(self) -> np.ndarray:
        """The row of every stored value."""
        return np.repeat(np.arange(self.shape[0]), np.diff(self.indptr))

    def row_sums(self, data: np.ndarray | None = None) -> np.ndarray:
        """Each row's sum of ``data`` (default: the values), value after value in column order."""
        data = self.data if data is None else data
        sums = np.zeros(self.shape[0])
        filled = np.flatnonzero(np.diff(self.indptr))
        if len(filled):
            sums[filled] = np.add.reduceat(data, self.indptr[filled])
        return sums


class Pairs(NamedTuple):
    """Nonzero values of document pairs ``(rows[x], cols[x])``, ``rows < cols``, row-major."""

    rows: np.ndarray
    cols: np.ndarray
    values: np.ndarray
    size: int  # documents

    @property
    def keys(self) -> np.ndarray:
        return self.rows * self.size + self.cols

    def at(self, rows: np.ndarray, cols: np.ndarray) -> np.ndarray:
        """The values of the pairs asked for; 0 where a pair holds none."""
        return lookup(self.keys, self.values, rows * self.size + cols)


def lookup(keys: np.ndarray, values: np.ndarray, wanted: np.ndarray) -> np.ndarray:
    """``values`` at ``wanted`` among the sorted ``keys``; 0 where absent."""
    found = np.zeros(len(wanted))
    if len(keys) and len(wanted):
        position = np.minimum(np.searchsorted(keys, wanted), len(keys) - 1)
        hit = keys[position] == wanted
        found[hit] = values[position[hit]]
    return found


def count_matrix(docs: Sequence[np.ndarray]) -> tuple[Csr, np.ndarray]:
    """How often each document holds each distinct term (at least one column), and the
    column of every term of ``docs`` in input order."""
    n = len(docs)
    lengths = np.array([len(d) for d in docs], dtype=np.int64)
    terms = np.concatenate(docs) if lengths.sum() else np.zeros(0, dtype=np.int64)
    unique, columns = np.unique(terms, return_inverse=True)
    columns = columns.ravel().astype(np.int64)
    n_cols = max(1, len(unique))
    rows = np.repeat(np.arange(n, dtype=np.int64), lengths)
    cells, counts = np.unique(rows * n_cols + columns, return_counts=True)
    indptr = np.zeros(n + 1, dtype=np.int64)
    np.cumsum(np.bincount(cells // n_cols, minlength=n), out=indptr[1:])
    return Csr(counts.astype(np.float64), cells % n_cols, indptr, (n, n_cols)), columns


def pair_sums(matrix: Csr) -> Pairs:
    """For every pair ``i < k`` of rows, ``Σ_t m[i, t] · m[k, t]`` where it is not zero.

    Products are added to zero term by term in descending column order (see
    the module's docstring); terms of one document only are skipped.
    """
    n = matrix.shape[0]
    terms = _by_term(matrix)
    band = max(1, MAX_CELLS // max(1, n))
    found = [_band_sums(terms, n, start, min(n, start + band)) for start in range(0, n, band)]
    if not found:
        empty = np.zeros(0, dtype=np.int64)
        return Pairs(empty, empty, np.zeros(0), n)
    rows, cols, values = (np.concatenate(part) for part in zip(*found, strict=True))
    return Pairs(rows, cols, values, n)


class _Terms(NamedTuple):
    """The entries of terms two documents or more share, term after term (descending)."""

    rows: np.ndarray  # document of each entry, ascending within a term
    values: np.ndarray
    ends: np.ndarray  # one past the last entry of each entry's term
    starts: np.ndarray  # first entry of each term
    stops: np.ndarray  # one past the last entry of each term
    wide: np.ndarray  # indices of the terms with WIDE_TERM documents or more


def _by_term(matrix: Csr) -> _Terms:
    order = np.argsort(-matrix.indices, kind="stable")  # rows stay ascending within a term
    columns = matrix.indices[order]
    rows = matrix.row_of_entry()[order]
    values = matrix.data[order]
    if len(columns):
        starts = np.flatnonzero(np.r_[True, columns[1:] != columns[:-1]])
    else:
        starts = np.zeros(0, dtype=np.int64)
    counts = np.diff(np.r_[starts, len(columns)])
    shared = np.repeat(counts >= 2, counts)
    rows, values = rows[shared], values[shared]
    counts = counts[counts >= 2]
    stops = np.cumsum(counts)
    starts = stops - counts
    ends = np.repeat(stops, counts)
    return _Terms(rows, values, ends, starts, stops, np.flatnonzero(counts >= WIDE_TERM))


def _band_sums(
    terms: _Terms, n: int, first: int, last: int
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The pairs whose first document lies in ``[first, last)``."""
    sums = np.zeros((last - first, n))
    flat = sums.reshape(-1)
    done = 0  # terms before this one are added
    wide = terms.wide.tolist()
    k = 0
    while k < len(wide) or done < len(terms.starts):
        upto = wide[k] if k < len(wide) else len(terms.starts)
        if done < upto:
            _add_listed(flat, terms, n, first, last, done, upto)
            done = upto
        if k == len(wide):
            break
        # Wide terms in a row over the same documents share one dense block.
        rows = terms.rows[terms.starts[wide[k]] : terms.stops[wide[k]]]
        stop = k + 1
        while (
            stop < len(wide)
            and wide[stop] == wide[stop - 1] + 1
            and np.array_equal(terms.rows[terms.starts[wide[stop]] : terms.stops[wide[stop]]], rows)
        ):
            stop += 1
        if rows[-1] - rows[0] + 1 == len(rows) or stop - k >= SCATTERED_BATCH:
            _add_dense(sums, terms, rows, wide[k:stop], first, last)
        else:
            _add_listed(flat, terms, n, first, last, wide[k], wide[stop - 1] + 1)
        done = wide[stop - 1] + 1
        k = stop
    upper = np.triu(sums, k=first + 1)
    rows, cols = np.nonzero(upper)
    return rows + first, cols, upper[rows, cols]


def _add_listed(
    flat: np.ndarray, terms: _Terms, n: int, first: int, last: int, lo: int, hi: int
) -> None:
    """Add the products of terms ``lo`` to ``hi`` pair by pair, in term order."""
    a, b = terms.starts[lo], terms.stops[hi - 1]
    entries = np.arange(a, b)
    rows = terms.rows[a:b]
    entries = entries[(rows >= first) & (rows < last)]
    partners = terms.ends[entries] - entries - 1
    total = int(partners.sum())
    if not total:
        return
    left = np.repeat(entries, partners)
    right = left + 1 + np.arange(total) - np.repeat(np.cumsum(partners) - partners, partners)
    cells = (terms.rows[left] - first) * n + terms.rows[right]
    np.add.at(flat, cells, terms.values[left] * terms.values[right])


def _add_dense(
    sums: np.ndarray, terms: _Terms, rows: np.ndarray, which: list[int], first: int, last: int
) -> None:
    """Add the products of terms over the same documents ``rows``, term after term."""
    lo, hi = np.searchsorted(rows, [first, last])
    if hi <= lo or len(rows) - lo < 2:
        return
    own, cols = rows[lo:hi] - first, rows[lo:]
    values = [terms.values[terms.starts[t] : terms.stops[t]] for t in which]
    contiguous = cols[-1] - cols[0] + 1 == len(cols) and own[-1] - own[0] + 1 == len(own)
    if contiguous:
        block = sums[own[0] : own[-1] + 1, cols[0] : cols[-1] + 1]
    else:
        block = sums[np.ix_(own, cols)]
    scratch = np.empty(min(_BAND, len(own)) * len(cols))
    for r in range(0, len(own), _BAND):
        part = block[r : r + _BAND, r:]  # pairs below the diagonal are not wanted
        product = scratch[: part.size].reshape(part.shape)
        for v in values:
            np.multiply(v[lo + r : lo + r + part.shape[0], None], v[None, lo + r :], out=product)
            part += product
    if not contiguous:
        sums[np.ix_(own, cols)] = block
