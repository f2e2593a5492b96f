"""Event grouping's numpy matrices give the numbers SciPy gave it, to the last bit.

Grouping used ``scipy.sparse``: rows scaled by a diagonal product, then
``triu(m @ m.T, k=1)``. Pair scores meet thresholds and break ties between
equal-looking pairs, so these compare with ``==``, never approx, and run both
ways of adding (listed pairs and dense blocks) and the banded layout.
"""

from __future__ import annotations

import subprocess
import sys
from unittest import mock

import numpy as np
import scipy.sparse as sp
from conftest import seed
from hypothesis import given, settings
from hypothesis import strategies as st

from core.events import cooccurrence
from core.events.cooccurrence import Csr, count_matrix, lookup, pair_sums


def _matrix(rng: np.random.Generator, rows: int, cols: int, density: float, full: int) -> Csr:
    """Random positive values; the first ``full`` columns are held by every row."""
    dense = np.where(rng.random((rows, cols)) < density, rng.random((rows, cols)) * 3, 0.0)
    dense[:, :full] = rng.random((rows, min(full, cols))) * 3 + 0.1
    matrix = sp.csr_matrix(dense)
    return Csr(matrix.data.copy(), matrix.indices.astype(np.int64), matrix.indptr.astype(np.int64),
               matrix.shape)  # fmt: skip


def _scipy_pairs(matrix: Csr, scale: np.ndarray) -> dict[tuple[int, int], float]:
    """What grouping computed with SciPy: rows scaled by a diagonal product, then m·mᵀ above the diagonal."""
    m = sp.csr_matrix((matrix.data, matrix.indices, matrix.indptr), shape=matrix.shape)
    scaled = sp.csr_matrix(sp.diags(scale) @ m)
    upper = sp.triu(scaled @ scaled.T, k=1).tocoo()
    return {
        (int(r), int(c)): v for r, c, v in zip(upper.row, upper.col, upper.data, strict=True) if v
    }


@settings(max_examples=60, deadline=None)
@given(
    seed_=st.integers(0, 2**31),
    shape=st.tuples(st.integers(0, 40), st.integers(1, 60)),
    density=st.floats(0.0, 0.9),
    full=st.integers(0, 4),
    wide=st.sampled_from([2, 3, 7, 10_000]),
    cells=st.sampled_from([1, 50, 1 << 22]),
)
def test_pair_sums_are_scipys_bit_for_bit(seed_, shape, density, full, wide, cells):
    rng = np.random.default_rng(seed_)
    matrix = _matrix(rng, *shape, density, full)
    scale = rng.random(shape[0]) + 0.5
    scaled = matrix.with_data(scale[matrix.row_of_entry()] * matrix.data)
    with (
        mock.patch.object(cooccurrence, "WIDE_TERM", wide),
        mock.patch.object(cooccurrence, "MAX_CELLS", cells),
    ):
        got = pair_sums(scaled)
    assert np.all(got.rows < got.cols)
    assert np.all(np.diff(got.keys) > 0), "pairs are listed row-major, once each"
    ours = dict(
        zip(zip(got.rows.tolist(), got.cols.tolist(), strict=True), got.values, strict=True)
    )
    expected = _scipy_pairs(matrix, scale)
    assert ours.keys() == expected.keys()
    assert all(ours[pair] == value for pair, value in expected.items())


def test_dense_blocks_over_scattered_documents_add_in_term_order():
    """Wide terms held by every other document: six in a row over the same documents
    (one gathered block), then scattered ones (listed pair by pair)."""
    rng = np.random.default_rng(3)
    dense = rng.random((30, 12)) * 3 + 0.1
    dense[1::2, 6:] = 0.0  # the highest columns come first
    dense[:, :6][rng.random((30, 6)) < 0.3] = 0.0
    m = sp.csr_matrix(dense)
    matrix = Csr(m.data.copy(), m.indices.astype(np.int64), m.indptr.astype(np.int64), m.shape)
    with (
        mock.patch.object(cooccurrence, "WIDE_TERM", 4),
        mock.patch.object(cooccurrence, "MAX_CELLS", 90),
    ):
        got = pair_sums(matrix)
    expected = _scipy_pairs(matrix, np.ones(30))
    assert (
        dict(
            zip(
                zip(got.rows.tolist(), got.cols.tolist(), strict=True),
                got.values.tolist(),
                strict=True,
            )
        )
        == expected
    )


def test_count_matrix_counts_each_term_per_document():
    docs = [np.array([5, 9, 5, 5]), np.array([], dtype=np.int64), np.array([9, -2])]
    matrix, columns = count_matrix(docs)
    assert matrix.shape == (3, 3)  # columns: -2, 5, 9
    assert matrix.indptr.tolist() == [0, 2, 2, 4]
    assert matrix.indices.tolist() == [1, 2, 0, 2]
    assert matrix.data.tolist() == [3.0, 1.0, 1.0, 1.0]
    assert columns.tolist() == [1, 2, 1, 1, 2, 0]
    empty, _ = count_matrix([np.zeros(0, dtype=np.int64)] * 2)
    assert empty.shape == (2, 1) and pair_sums(empty).values.size == 0


def test_lookup_gives_zero_for_absent_pairs():
    keys, values = np.array([3, 8, 20]), np.array([0.5, 1.5, 2.5])
    assert lookup(keys, values, np.array([8, 4, 20, 99, 0])).tolist() == [1.5, 0, 2.5, 0, 0]
    assert lookup(keys[:0], values[:0], np.array([1])).tolist() == [0]


def test_clustering_loads_no_scipy():
    """The desktop bundle leaves SciPy out: grouping must not need it."""
    done = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "core", "cluster",
         *(str(seed(name)) for name in ("000", "001", "002")), "--format", "json"],
        capture_output=True, text=True, check=True,
    )  # fmt: skip
    imported = {line.split("|")[-1].strip() for line in done.stderr.splitlines() if "|" in line}
    assert "core.events.grouping" in imported
    assert not sorted(m for m in imported if m == "scipy" or m.startswith("scipy."))
