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
"""

from __future__ import annotations

import contextlib
import functools
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
) -> Iterator[Outcome]:
    """Yield ``(pair_id, encoded result or exception)`` until the jobs run out or ``cancelled()``.

    ``engine`` must be a module-level function when ``workers > 1`` (it is
    pickled to the worker processes); it defaults to the real engine.
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
        yield from _in_pool(jobs, workers, stop, functools.partial(_compare_encoded, run))


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


def _in_pool(
    jobs: Iterator[Job], workers: int, stop: Cancelled, run: Callable[[Article, Article], Encoded]
) -> Iterator[Outcome]:
    # "spawn" is safe from a GUI worker thread and in a frozen bundle; fork is not.
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(
        max_workers=workers,
        mp_context=context,
        initializer=die_with_parent,
        initargs=(os.getpid(),),
    ) as pool:
        running: dict[Future[Encoded], int] = {}
        exhausted = False
        try:
            while running or not exhausted:
                while not exhausted and len(running) < workers * 2 and not stop():
                    job = next(jobs, None)
                    if job is None:
                        exhausted = True
                        break
                    running[pool.submit(run, job[1], job[2])] = job[0]
                if stop():
                    exhausted = True
                if not running:
                    break
                done, _ = wait(running, return_when=FIRST_COMPLETED)
                for future in done:
                    yield running.pop(future), _result(future)
        finally:
            for future in running:
                future.cancel()


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


def _result(future: Future[Encoded]) -> Encoded | Exception:
    try:
        return future.result()
    except BrokenProcessPool:
        raise ProjectError("a comparing process died (out of memory?); try --jobs 1") from None
    except Exception as exc:  # noqa: BLE001 - reported per pair by the caller
        return exc
