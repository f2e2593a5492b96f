"""Compressed sparse rows in plain numpy: the few operations the aligner needs.

The aligner's matrices are a few dozen rows for two articles, and it works on
their CSR arrays directly anyway. Holding them in ``scipy.sparse`` cost every
``factdiff compare`` about a third of its run in imports (SciPy's array-API
layer loads most of numpy's optional submodules) for three operations:
building, slicing rows and one product. Each is done here in the order SciPy
does it, so every sum adds the same numbers in the same order and every score
is the same to the last bit.
"""

from __future__ import annotations

from typing import NamedTuple

import numpy as np


class Csr(NamedTuple):
    """A sparse matrix as its three CSR arrays and its shape."""

    data: np.ndarray  # float64 values, row after row
    indices: np.ndarray  # column of each value
    indptr: np.ndarray  # row r's values are data[indptr[r] : indptr[r + 1]]
    shape: tuple[int, int]

    @property
    def nnz(self) -> int:
        return len(self.data)

    def rows(self, start: int, stop: int) -> Csr:
        """Rows ``start`` to ``stop`` (a copy, as ``matrix[start:stop]``)."""
        lo, hi = int(self.indptr[start]), int(self.indptr[stop])
        return Csr(
            self.data[lo:hi].copy(),
            self.indices[lo:hi].copy(),
            self.indptr[start : stop + 1] - lo,
            (stop - start, self.shape[1]),
        )

    def with_data(self, data: np.ndarray) -> Csr:
        """The same pattern holding other values."""
        return Csr(data, self.indices, self.indptr, self.shape)

    def row_sums(self) -> np.ndarray:
        """Each row's sum, reduced as ``scipy.sparse``'s ``sum(axis=1)`` does."""
        sums = np.zeros(self.shape[0])
        filled = np.flatnonzero(np.diff(self.indptr))
        if len(filled):
            sums[filled] = np.add.reduceat(self.data, self.indptr[filled])
        return sums

    def row_of_entry(self) -> np.ndarray:
        """The row of every stored value."""
        return np.repeat(np.arange(self.shape[0]), np.diff(self.indptr))


def csr(data: np.ndarray, indices: np.ndarray, indptr: np.ndarray, shape: tuple[int, int]) -> Csr:
    return Csr(np.asarray(data, dtype=np.float64), indices, indptr, shape)


_NARROW = 1 << 16  # columns numbered in 16 bits


def by_column(matrix: Csr) -> Csr:
    """The transpose in CSR form: row ``k`` lists the rows holding column ``k``, in order.

    A stable order is one order whatever sorts it: columns that fit in 16 bits
    (the usual case: two articles' words or character grams) are sorted as such,
    which numpy does by radix, several times faster than a merge of 64-bit ints.
    """
    columns = matrix.indices
    if matrix.shape[1] <= _NARROW:
        columns = columns.astype(np.uint16)
    order = np.argsort(columns, kind="stable")
    counts = np.bincount(matrix.indices, minlength=matrix.shape[1])
    indptr = np.zeros(matrix.shape[1] + 1, dtype=np.int64)
    np.cumsum(counts, out=indptr[1:])
    rows = matrix.row_of_entry()[order]
    return Csr(matrix.data[order], rows, indptr, (matrix.shape[1], matrix.shape[0]))


def dense_product(rows: Csr, columns: Csr) -> np.ndarray:
    """``rows · othersᵀ`` as a dense array, where ``columns = by_column(others)``.

    Every product of a row's value and a matching value of another row is
    listed, row by row and within a row in the row's column order, then summed
    by ``np.bincount`` in that order: the same additions, in the same order, as
    SciPy's sparse product (rows with sorted indices).
    """
    n_rows, n_others = rows.shape[0], columns.shape[1]
    starts = columns.indptr[rows.indices]  # first partner entry of each of the rows' values
    fan = columns.indptr[rows.indices + 1] - starts  # and how many partners it has
    ends = np.cumsum(fan)
    total = int(ends[-1]) if len(ends) else 0
    # each value's run of partners, spread with np.repeat: a gather through a
    # per-product index array would read the same values, three times slower
    entries = np.repeat(starts - (ends - fan), fan) + np.arange(total)
    keys = np.repeat(rows.row_of_entry() * n_others, fan) + columns.indices[entries]
    products = np.repeat(rows.data, fan) * columns.data[entries]
    flat = np.bincount(keys, weights=products, minlength=n_rows * n_others)
    return flat.reshape(n_rows, n_others)
