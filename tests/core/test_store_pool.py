"""Comparing in a pool of processes gives the same results as comparing in-process.

The stand-in engine lives here, at module level, so the worker processes can
import it without loading the real engine (which the benchmark exercises).
"""

from __future__ import annotations

import os

from core.model import Article, Comparison, Discrepancy
from core.store.comparing import run_comparisons


def measure(a: Article, b: Article) -> Comparison:
    """Also reports which process did the work, to prove the pool was used."""
    found = Discrepancy(f"pid-{os.getpid()}", "wording", "low", "", None, None)
    return Comparison(a, b, len(a.text) / len(b.text), (), (), (), (found,))


def _jobs():
    texts = ["one two", "one two three", "four", "five six seven"]
    arts = [Article(t) for t in texts]
    return [(i, arts[i], arts[(i + 1) % 4]) for i in range(4)]


def test_pool_matches_in_process():
    alone = dict(run_comparisons(iter(_jobs()), 1, engine=measure))
    pooled = dict(run_comparisons(iter(_jobs()), 2, engine=measure))
    assert sorted(pooled) == [0, 1, 2, 3]
    assert {k: e.similarity for k, e in pooled.items()} == {
        k: e.similarity for k, e in alone.items()
    }
    assert all(e.index[0][0] == f"pid-{os.getpid()}" for e in alone.values())
    assert all(e.index[0][0] != f"pid-{os.getpid()}" for e in pooled.values())


def test_cancelled_pool_does_no_work():
    assert list(run_comparisons(iter(_jobs()), 2, cancelled=lambda: True, engine=measure)) == []


def test_cancelling_midway_stops_submitting():
    results = []
    for pair_id, comparison in run_comparisons(
        iter(_jobs() * 5), 2, cancelled=lambda: len(results) >= 3, engine=measure
    ):
        results.append((pair_id, comparison))
    assert 3 <= len(results) < 20


def broken(a: Article, b: Article) -> Comparison:
    raise ValueError(f"cannot compare {a.text!r}")


def test_failures_come_back_per_pair():
    outcomes = dict(run_comparisons(iter(_jobs()), 1, engine=broken))
    assert all(isinstance(o, ValueError) for o in outcomes.values())


def slow_measure(a: Article, b: Article) -> Comparison:
    import time

    time.sleep(0.05)
    return measure(a, b)


def test_cancelling_a_batched_pool_drops_the_batches_not_started():
    results = []
    # 40 pairs of distinct articles in batches of 4, at most 3 batches in flight
    jobs = iter([(i, Article(f"one {i}"), Article(f"two {i}")) for i in range(40)])
    for pair_id, outcome in run_comparisons(
        jobs, 2, cancelled=lambda: len(results) >= 1, engine=slow_measure, batch_size=4
    ):
        results.append((pair_id, outcome))
    assert all(not isinstance(o, Exception) for _, o in results), "a dropped batch is no failure"
    assert 4 <= len(results) <= 12  # the first batch, and at most the two others running
    assert next(jobs, None) is not None  # the rest was never even read


def collector_thresholds(a: Article, b: Article) -> Comparison:
    import gc

    raise RuntimeError(repr(gc.get_threshold()))


def test_comparing_processes_collect_garbage_less_often_than_the_default():
    """A worker's engine caches are large: the collector must not re-scan them every
    700 allocations. The process that asked for the work keeps its own settings."""
    import gc

    from core.store.comparing import WORKER_GC_THRESHOLDS

    pooled = dict(run_comparisons(iter(_jobs()), 2, engine=collector_thresholds))
    assert {str(e) for e in pooled.values()} == {repr(WORKER_GC_THRESHOLDS)}
    assert WORKER_GC_THRESHOLDS[0] > 700
    assert gc.get_threshold() != WORKER_GC_THRESHOLDS
