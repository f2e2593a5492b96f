"""The pure-Python assignment agrees with SciPy's on any small score matrix."""

from __future__ import annotations

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy.optimize import linear_sum_assignment

from core.matchers.assignment import SMALL_CELLS, best_assignment, component_labels

matrices = st.tuples(st.integers(1, 9), st.integers(1, 9), st.integers(0, 2**32 - 1)).map(
    lambda t: np.random.default_rng(t[2]).choice([0.0, 0.1, 0.3, 0.5, 0.9, 1.0], size=t[:2])
)


@settings(max_examples=200, deadline=None)
@given(matrices)
def test_same_total_as_scipy(scores):
    rows, cols = best_assignment(scores)
    ref_rows, ref_cols = linear_sum_assignment(scores, maximize=True)
    assert len(rows) == len(ref_rows) == min(scores.shape)
    assert len(set(rows.tolist())) == len(rows) and len(set(cols.tolist())) == len(cols)
    assert np.isclose(scores[rows, cols].sum(), scores[ref_rows, ref_cols].sum())
    assert list(rows) == sorted(rows)


def test_large_matrices_go_to_scipy_and_empty_ones_to_nothing():
    big = np.random.default_rng(1).random((60, 60))
    rows, cols = best_assignment(big)
    assert big.size > SMALL_CELLS
    ref = linear_sum_assignment(big, maximize=True)
    assert np.isclose(big[rows, cols].sum(), big[ref].sum())
    assert best_assignment(np.zeros((0, 3)))[0].size == 0


@settings(max_examples=100, deadline=None)
@given(st.integers(1, 30), st.lists(st.tuples(st.integers(0, 29), st.integers(0, 29)), max_size=40))
def test_components_match_scipy(n, edges):
    import scipy.sparse as sp
    from scipy.sparse.csgraph import connected_components

    edges = [(x % n, y % n) for x, y in edges]
    left = np.array([x for x, _ in edges], dtype=np.int64)
    right = np.array([y for _, y in edges], dtype=np.int64)
    ours = component_labels(n, left, right)
    graph = sp.coo_matrix((np.ones(len(edges)), (left, right)), shape=(n, n))
    _, theirs = connected_components(graph, directed=False)
    # the same partition, whatever the numbering
    assert (
        len({(a, b) for a, b in zip(ours, theirs, strict=True)})
        == len(set(ours))
        == len(set(theirs))
    )


def test_without_scipy_optimize_large_matrices_are_solved_all_the_same(monkeypatch):
    """The desktop bundle leaves scipy.optimize out: a large component still gets
    an optimal assignment, from the pure solver."""
    import sys

    monkeypatch.setitem(sys.modules, "scipy.optimize", None)  # `import` now raises ImportError
    for shape in ((60, 60), (70, 55), (52, 90)):
        big = np.random.default_rng(shape[0]).random(shape)
        rows, cols = best_assignment(big)
        ref = linear_sum_assignment(big, maximize=True)
        assert len(rows) == min(shape) and len(set(cols.tolist())) == len(cols)
        assert list(rows) == sorted(rows)
        assert np.isclose(big[rows, cols].sum(), big[ref].sum())
