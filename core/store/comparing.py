"""Run the engine over many pairs, in this process or in a pool of processes.

Comparing is pure CPU work, so several processes (not threads) are what makes
``factdiff project compare`` use every core. Results come back in completion
order as soon as each is ready, so the caller can store them one by one and a
crash loses at most the comparisons still in flight. A pair the engine fails on
yields its exception instead of a result: one bad pair does not stop the rest.

Results are encoded for storage where they are computed: a worker process
sends back a few kilobytes of compressed JSON instead of a pickled Comparison
with both article texts, and the process that writes the file does no more
than write.

Work goes to the processes in batches of pairs that share articles (the
caller orders pairs so an event's come together): each article is pickled
once per batch instead of once per pair, and the worker that receives it
splits it, reads its features and extracts its facts once for all of the
batch's pairs (the engine remembers recent articles). One pair per task
would scatter an article's pairs over every process, each redoing that work.
"""

from __future__ import annotations

import contextlib
import gc
import multiprocessing
import os
import sys
import threading
import time
from collections.abc import Callable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from typing import NamedTuple

from core.errors import ProjectError
from core.model import Article, Comparison
from core.store.codec import encode_comparison

Job = tuple[int, Article, Article]
Batch = list[Job]
Cancelled = Callable[[], bool]
Engine = Callable[[Article, Article], Comparison]


class Encoded(NamedTuple):
    """What the file keeps of one comparison, ready to write."""

    blob: bytes
    similarity: float
    index: tuple[tuple[str, str, str], ...]  # (id, kind, severity) per discrepancy
    label: str


Outcome = tuple[int, Encoded | Exception]


def compare_articles(a: Article, b: Article) -> Comparison:
    from core.compare import compare  # the engine is only needed when comparing

    return compare(a, b)


def run_comparisons(
    jobs: Iterator[Job],
    workers: int,
    cancelled: Cancelled | None = None,
    engine: Engine | None = None,
    batch_size: int = 1,
) -> Iterator[Outcome]:
    """Yield ``(pair_id, encoded result or exception)`` until the jobs run out or ``cancelled()``.

    ``engine`` must be a module-level function when ``workers > 1`` (it is
    pickled to the worker processes); it defaults to the real engine.
    With workers, consecutive jobs go to one process in batches of about
    ``batch_size`` (see ``batched``); results of a batch arrive together.
    """
    run = engine or compare_articles
    stop = cancelled or (lambda: False)
    if workers <= 1:
        for pair_id, a, b in jobs:
            if stop():
                return
            yield pair_id, _attempt(run, a, b)
        return
    if not stop():
        yield from _in_pool(batched(jobs, batch_size), workers, stop, run)


def batched(jobs: Iterator[Job], size: int) -> Iterator[Batch]:
    """Consecutive jobs in batches of ``size``, each article object shipped once per batch.

    A batch that is full still takes the next job while it shares an article
    with the batch (up to twice ``size``), so an event's pairs are not split
    between processes only because they straddle a batch boundary. Equal
    articles are replaced by one object, which pickling then sends once.
    """
    size = max(1, size)
    batch: Batch = []
    seen: dict[Article, Article] = {}
    for pair_id, a, b in jobs:
        shares = a in seen or b in seen
        if len(batch) >= size and (not shares or len(batch) >= 2 * size):
            yield batch
            batch, seen = [], {}
        batch.append((pair_id, seen.setdefault(a, a), seen.setdefault(b, b)))
    if batch:
        yield batch


def encode_result(comparison: Comparison) -> Encoded:
    index = tuple((d.id, d.kind, d.severity) for d in comparison.discrepancies)
    label = f"{comparison.a.title or 'A'} ↔ {comparison.b.title or 'B'}"
    return Encoded(encode_comparison(comparison), float(comparison.similarity), index, label)


def _compare_encoded(run: Engine, a: Article, b: Article) -> Encoded:
    return encode_result(run(a, b))


def _attempt(run: Engine, a: Article, b: Article) -> Encoded | Exception:
    try:
        return _compare_encoded(run, a, b)
    except Exception as exc:  # noqa: BLE001 - reported per pair by the caller
        return exc


def _compare_batch(run: Engine, batch: Batch) -> list[Outcome]:
    """In a worker: every pair of one batch, one outcome each."""
    return [(pair_id, _attempt(run, a, b)) for pair_id, a, b in batch]


def _in_pool(
    batches: Iterator[Batch], workers: int, stop: Cancelled, run: Engine
) -> Iterator[Outcome]:
    # "spawn" is safe from a GUI worker thread and in a frozen bundle; fork is not.
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(
        max_workers=workers,
        mp_context=context,
        initializer=start_worker,
        initargs=(os.getpid(),),
    ) as pool:
        running: dict[Future[list[Outcome]], Batch] = {}
        exhausted = False
        try:
            while running or not exhausted:
                # one batch queued beyond those running: no process waits for work,
                # and a cancel waits for little more than the batches already started
                while not exhausted and len(running) <= workers and not stop():
                    batch = next(batches, None)
                    if batch is None:
                        exhausted = True
                        break
                    running[pool.submit(_compare_batch, run, batch)] = batch
                if stop():
                    exhausted = True
                    _drop_queued(running)
                if not running:
                    break
                done, _ = wait(running, return_when=FIRST_COMPLETED)
                for future in done:
                    yield from _results(future, running.pop(future))
        finally:
            for future in running:
                future.cancel()


def _drop_queued(running: dict[Future[list[Outcome]], Batch]) -> None:
    """On cancel, forget the batches no process has started; those running finish
    (a batch is about a second of work)."""
    for future in [f for f in running if f.cancel()]:
        del running[future]


#: The collector's thresholds in a comparing process. The engine makes
#: many small short-lived records and remembers recent articles in large
#: caches; at Python's default (700, 10, 10) a long-running worker spent
#: about an eighth of its time collecting, mostly re-scanning those caches.
#: Collecting young objects after 10,000 allocations instead of 700 cuts that
#: to a few percent; nothing the engine builds depends on when cycles go.
WORKER_GC_THRESHOLDS = (10_000, 10, 10)


def start_worker(parent_pid: int) -> None:
    """Worker initializer: tie the worker to its parent and tune its collector."""
    die_with_parent(parent_pid)
    gc.set_threshold(*WORKER_GC_THRESHOLDS)


#: How often a worker checks that the process that started it still lives.
_PARENT_CHECK_SECONDS = 0.5


def die_with_parent(parent_pid: int) -> None:
    """Worker initializer: end this worker as soon as its parent is gone, however it died.

    A killed ``project compare`` must not leave workers computing for nobody.
    Linux is told directly (``PR_SET_PDEATHSIG``); everywhere a daemon thread
    also watches the parent id, which changes when the parent dies.
    """
    if sys.platform.startswith("linux"):
        with contextlib.suppress(Exception):
            import ctypes
            import signal

            libc = ctypes.CDLL(None, use_errno=True)
            libc.prctl(1, signal.SIGKILL, 0, 0, 0)  # PR_SET_PDEATHSIG
    if os.getppid() != parent_pid:
        os._exit(1)  # the parent died before the signal was armed
    threading.Thread(target=_watch_parent, args=(parent_pid,), daemon=True).start()


def _watch_parent(parent_pid: int) -> None:
    while os.getppid() == parent_pid:
        time.sleep(_PARENT_CHECK_SECONDS)
    os._exit(1)


def _results(future: Future[list[Outcome]], batch: Batch) -> list[Outcome]:
    try:
        return future.result()
    except BrokenProcessPool:
        raise ProjectError("a comparing process died (out of memory?); try --jobs 1") from None
    except Exception as exc:  # noqa: BLE001 - e.g. a result that cannot be pickled
        return [(pair_id, exc) for pair_id, _, _ in batch]
