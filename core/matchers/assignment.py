"""The best one-to-one assignment of a score matrix (maximising the total).

Components of two articles' candidate graph are small — a handful of
sentences that compete for the same partners — so they are solved here in
pure Python (the Hungarian method with potentials, O(n²·m)); only a large
component is handed to SciPy's ``linear_sum_assignment``, which is imported
then and not before: importing ``scipy.optimize`` costs every command-line
comparison about 150 ms.
"""

from __future__ import annotations

import math

import numpy as np

SMALL_CELLS = 2_500  # components up to 50 × 50 are solved without SciPy


def best_assignment(scores: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Row and column indexes of a maximum-total one-to-one matching (like SciPy's)."""
    n_rows, n_cols = scores.shape
    if n_rows == 0 or n_cols == 0:
        empty = np.zeros(0, dtype=np.int64)
        return empty, empty
    if n_rows * n_cols > SMALL_CELLS:
        solved = _with_scipy(scores)
        if solved is not None:
            return solved
    transposed = n_rows > n_cols
    cost = (-scores.T if transposed else -scores).tolist()
    match = _hungarian(cost)
    rows = np.arange(len(match), dtype=np.int64)
    cols = np.asarray(match, dtype=np.int64)
    if transposed:
        order = np.argsort(cols)
        return cols[order], rows[order]
    return rows, cols


def _with_scipy(scores: np.ndarray) -> tuple[np.ndarray, np.ndarray] | None:
    """SciPy's solver, or None where it is missing: the desktop bundle leaves
    ``scipy.optimize`` out (with the subpackages only it loads), and the pure
    solver below finds an assignment of the same total, only more slowly."""
    try:
        from scipy.optimize import linear_sum_assignment
    except ImportError:
        return None
    return linear_sum_assignment(scores, maximize=True)


def _hungarian(cost: list[list[float]]) -> list[int]:
    """Minimum-cost assignment of every row (rows ≤ columns): the column of each row."""
    n, m = len(cost), len(cost[0])
    u = [0.0] * (n + 1)
    v = [0.0] * (m + 1)
    owner = [0] * (m + 1)  # owner[j]: the row (1-based) holding column j, 0 for none
    way = [0] * (m + 1)
    for i in range(1, n + 1):
        owner[0] = i
        j0 = 0
        least = [math.inf] * (m + 1)
        used = [False] * (m + 1)
        while True:
            used[j0] = True
            i0, delta, j1 = owner[j0], math.inf, 0
            row = cost[i0 - 1]
            for j in range(1, m + 1):
                if used[j]:
                    continue
                reduced = row[j - 1] - u[i0] - v[j]
                if reduced < least[j]:
                    least[j], way[j] = reduced, j0
                if least[j] < delta:
                    delta, j1 = least[j], j
            for j in range(m + 1):
                if used[j]:
                    u[owner[j]] += delta
                    v[j] -= delta
                else:
                    least[j] -= delta
            j0 = j1
            if owner[j0] == 0:
                break
        while j0:
            j1 = way[j0]
            owner[j0] = owner[j1]
            j0 = j1
    column_of = [0] * n
    for j in range(1, m + 1):
        if owner[j]:
            column_of[owner[j] - 1] = j - 1
    return column_of


def component_labels(n_nodes: int, left: np.ndarray, right: np.ndarray) -> np.ndarray:
    """A component number per node of the undirected graph with edges ``left[k]``–``right[k]``.

    Union-find in plain Python: the candidate graph of two articles has a few
    hundred edges (tens of thousands for book-length inputs), and SciPy's
    graph package would cost every comparison its import.
    """
    parent = list(range(n_nodes))

    def root(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for x, y in zip(left.tolist(), right.tolist(), strict=True):
        rx, ry = root(x), root(y)
        if rx != ry:
            parent[max(rx, ry)] = min(rx, ry)
    return np.fromiter((root(x) for x in range(n_nodes)), dtype=np.int64, count=n_nodes)
