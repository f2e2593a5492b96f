"""A one-off ``factdiff compare A B --format json``, whole process, against the naive baseline.

    python benchmarks/bench_cli.py [--runs 9] [--shared ../shared] [--pair 000 002]

Users who script FactDiff run one process per pair, where start-up (imports,
word lists) is most of the time. This runs ``factdiff compare`` on two seeds and
the shared naive baseline (``eval/baseline.py``, numpy and SciPy) on the same
pair, alternately so both see the same load, and prints the median wall and
CPU time of each and their ratio. Target: the engine within 1.3× the baseline
in the same run. The package's bytecode is written first, as an installed copy
or the bundle has it (``--source`` times the first run after an edit instead:
every module compiled from source, as with ``PYTHONDONTWRITEBYTECODE`` set). Exits 1 if it is missed, 0 with a note if the shared files
are missing.
"""

from __future__ import annotations

import argparse
import compileall
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _timing import children_cpu  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
TARGET_RATIO = 1.3


def timed_run(command: list[str]) -> tuple[float, float]:
    """Wall and CPU seconds of one process run to completion (its output discarded)."""
    cpu = children_cpu()
    start = time.perf_counter()
    subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
    return time.perf_counter() - start, children_cpu() - cpu


def seed_file(seeds: Path, prefix: str) -> Path:
    return next(seeds.glob(f"{prefix}_*.txt"))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--runs", type=int, default=9)
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    ap.add_argument("--pair", nargs=2, default=("000", "002"), metavar=("A", "B"))
    ap.add_argument("--source", action="store_true", help="no bytecode: compile every module")
    o = ap.parse_args()
    seeds, baseline = o.shared / "seeds", o.shared / "eval" / "baseline.py"
    if not baseline.is_file() or not seeds.is_dir():
        print(f"bench_cli: no seeds or baseline under {o.shared} (pass --shared DIR); skipped")
        return 0
    a, b = (str(seed_file(seeds, p)) for p in o.pair)
    factdiff = str(Path(sys.executable).parent / "factdiff")
    commands = {
        "factdiff compare": [factdiff, "compare", a, b, "--format", "json"],
        "naive baseline": [sys.executable, str(baseline), "compare", a, b],
    }
    if o.source:
        os.environ["PYTHONDONTWRITEBYTECODE"] = "1"
        for cache in (ROOT / "core").rglob("__pycache__"):
            for pyc in cache.glob("*.pyc"):
                pyc.unlink()
    else:
        compileall.compile_dir(ROOT / "core", quiet=1)
    for command in commands.values():  # warm the file cache once
        timed_run(command)
    times: dict[str, list[tuple[float, float]]] = {name: [] for name in commands}
    for _ in range(o.runs):
        for name, command in commands.items():
            times[name].append(timed_run(command))
    medians = {
        name: (statistics.median(w for w, _ in runs), statistics.median(c for _, c in runs))
        for name, runs in times.items()
    }
    code = "compiled from source" if o.source else "bytecode written first"
    print(
        f"bench_cli: seeds {o.pair[0]}/{o.pair[1]}, {code}, median of {o.runs} runs each, alternating"
    )
    for name, (wall, cpu) in medians.items():
        print(f"  {name:<17} {wall:.3f} s wall, {cpu:.3f} s CPU")
    ratio = medians["factdiff compare"][0] / medians["naive baseline"][0]
    cpu_ratio = medians["factdiff compare"][1] / medians["naive baseline"][1]
    verdict = "ok" if ratio <= TARGET_RATIO else "MISSED"
    print(
        f"  ratio             {ratio:.2f}× wall, {cpu_ratio:.2f}× CPU (target ≤ {TARGET_RATIO}×) {verdict}"
    )
    return 0 if ratio <= TARGET_RATIO else 1


if __name__ == "__main__":
    sys.exit(main())
