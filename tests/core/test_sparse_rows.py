"""The aligner's numpy CSR helpers give SciPy's numbers to the last bit.

Scores feed thresholds and the link model: a product summed in another order
could move a borderline pair, so these compare with ``==``, not approx.
"""

from __future__ import annotations

import numpy as np
import pytest
import scipy.sparse as sp
from hypothesis import given, settings
from hypothesis import strategies as st

from core.matchers.sparse import Csr, by_column, csr, dense_product


def _random(rng: np.random.Generator, rows: int, cols: int, density: float) -> sp.csr_matrix:
    matrix = sp.random(rows, cols, density=density, format="csr", random_state=rng)
    matrix.data = rng.random(matrix.nnz) * 3  # values that round differently when reordered
    return matrix


def _ours(matrix: sp.csr_matrix) -> Csr:
    return csr(matrix.data, matrix.indices, matrix.indptr, matrix.shape)


@settings(max_examples=40, deadline=None)
@given(
    seed=st.integers(0, 2**31),
    shape=st.tuples(st.integers(0, 30), st.integers(0, 30), st.integers(1, 80)),
    density=st.floats(0.0, 0.9),
)
def test_dense_product_is_scipys_product_bit_for_bit(seed, shape, density):
    rng = np.random.default_rng(seed)
    n_rows, n_others, n_cols = shape
    rows, others = _random(rng, n_rows, n_cols, density), _random(rng, n_others, n_cols, density)
    expected = (rows @ others.T.tocsc()).toarray()
    got = dense_product(_ours(rows), by_column(_ours(others)))
    assert got.shape == expected.shape
    assert np.array_equal(got, expected)


@pytest.mark.parametrize("density", [0.0, 0.1, 0.6])
def test_row_sums_and_slices_are_scipys(density):
    matrix = _random(np.random.default_rng(7), 25, 40, density)
    ours = _ours(matrix)
    assert np.array_equal(ours.row_sums(), np.asarray(matrix.sum(axis=1)).ravel())
    part = ours.rows(5, 17)
    assert np.array_equal(
        sp.csr_matrix(part[:3], shape=part.shape).toarray(), matrix[5:17].toarray()
    )
    assert ours.nnz == matrix.nnz


@pytest.mark.parametrize("n_cols", [40, 1 << 16, (1 << 16) + 1, 1 << 20])
def test_the_transpose_is_scipys_whether_its_columns_fit_in_16_bits_or_not(n_cols):
    rng = np.random.default_rng(n_cols)
    matrix = sp.random(30, n_cols, density=min(0.3, 600 / n_cols), format="csr", random_state=rng)
    transposed = matrix.T.tocsr()
    ours = by_column(_ours(matrix))
    assert ours.shape == transposed.shape
    assert np.array_equal(ours.indptr, transposed.indptr)
    assert np.array_equal(ours.indices, transposed.indices)
    assert np.array_equal(ours.data, transposed.data)
