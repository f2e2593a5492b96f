"""Timing helpers the benchmarks share: repeated calls, and a fresh window process.

The bundle benchmark runs the frozen executable and the window benchmark runs
``python -m core``; both must measure the same thing the same way, so their
figures can be compared with each other and across releases. The in-process
benchmarks share :func:`median_seconds` for the same reason.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import time
from collections.abc import Callable, Sequence
from pathlib import Path


def median_seconds(job: Callable[[], object], runs: int) -> tuple[float, float]:
    """Median wall and CPU seconds of ``runs`` calls: on a shared machine the two differ a lot."""
    wall, cpu = [], []
    for _ in range(runs):
        start, start_cpu = time.perf_counter(), time.process_time()
        job()
        wall.append(time.perf_counter() - start)
        cpu.append(time.process_time() - start_cpu)
    return statistics.median(wall), statistics.median(cpu)


def children_cpu() -> float:
    """CPU seconds used by finished child processes (0 where Unix accounting is missing)."""
    try:
        import resource
    except ImportError:  # Windows
        return 0.0
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def window_start(
    command: Sequence[str],
    runs: int,
    settings_dir: Path,
    *,
    cwd: Path | None = None,
    failure: str = "start-up run failed",
) -> tuple[float, float, float, float]:
    """(first run, median first paint, median process, median CPU), all in seconds.

    ``command`` is the program to run before ``gui --demo --screenshot FILE``.
    The first run builds the demo project, so it is reported apart and the
    medians are of the ``runs`` after it. CPU seconds are reported too because
    wall-clock time on a shared machine also counts time spent waiting for a core.
    """
    env = dict(os.environ, FACTDIFF_SETTINGS_DIR=str(settings_dir), QT_QPA_PLATFORM="offscreen")
    shot = settings_dir / "shot.png"
    paints, totals, cpus = [], [], []
    first = 0.0
    for run in range(runs + 1):
        env["FACTDIFF_STARTUP_T0"] = repr(time.time())
        start, cpu = time.perf_counter(), children_cpu()
        proc = subprocess.run(
            [*command, "gui", "--demo", "--screenshot", str(shot)],
            cwd=cwd,
            env=env,
            capture_output=True,
            text=True,
            timeout=300,
        )
        total, cpu = time.perf_counter() - start, children_cpu() - cpu
        if proc.returncode != 0:
            raise SystemExit(f"{failure}:\n{proc.stderr[-4000:]}")
        paint = next(
            (
                float(line.split()[3]) / 1000
                for line in proc.stderr.splitlines()
                if line.startswith("first paint after")
            ),
            total,  # an app that does not report first paint: count the whole run
        )
        if run == 0:
            first = total
        else:
            paints.append(paint)
            totals.append(total)
            cpus.append(cpu)
    return first, statistics.median(paints), statistics.median(totals), statistics.median(cpus)
