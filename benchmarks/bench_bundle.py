"""The desktop bundle: how big it is and how fast it paints its window.

Run: ``python benchmarks/bench_bundle.py [--runs N] [--rebuild] [--dist DIR]``.
Reuses ``dist/factdiff`` when it is there (``make bundle`` builds it), else
builds it first with ``pyinstaller --noconfirm build.spec`` (a few minutes).
Prints:

1. **size**: the unpacked folder in MB (10⁶ bytes, what the target is in)
   and in MiB (2²⁰ bytes, as ``du -sh`` counts them), and its largest parts.
   Target ≤ 200 MB (Linux). Then the download the build puts beside it
   (``factdiff-VERSION-OS-ARCH.tar.gz``, ``.zip`` on Windows). Target ≤ 90 MB.
2. **start**: ``factdiff gui --demo --screenshot`` in a fresh process, from
   spawning it to the window painted on its first pair (the app reports its
   own time to first paint), to the process exiting, and the CPU time it used
   (which, unlike wall time, barely moves when the machine is busy). The first
   run builds the demo project; the figures are the median of the runs after
   it. Target ≤ 2 s to first paint.
3. **command line**: ``factdiff --version`` and a demo comparison, median wall time.

Exits 1 if a target is missed, so ``make bench`` notices.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Sequence
from pathlib import Path

from _timing import window_start

ROOT = Path(__file__).resolve().parent.parent
DEMO = ROOT / "resources" / "demo"
EXE_NAME = "factdiff.exe" if sys.platform == "win32" else "factdiff"

SIZE_TARGET_MB = 200
ARCHIVE_TARGET_MB = 90
START_TARGET_S = 2.0
MB = 10**6  # the targets' unit
MIB = 1024 * 1024  # du's unit

#: How the bundle's top-level entries are reported, first match wins.
PARTS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("Qt and PySide6", ("PySide6", "shiboken6")),
    ("SciPy", ("scipy",)),
    ("NumPy", ("numpy",)),
    ("Python runtime", ("libpython", "python3", "base_library.zip", EXE_NAME)),
    ("rapidfuzz", ("rapidfuzz",)),
    (
        "text extraction",
        (
            "lxml",
            "trafilatura",
            "justext",
            "htmldate",
            "courlan",
            "dateparser",
            "babel",
            "pytz",
            "regex",
            "tld",
            "charset_normalizer",
            "certifi",
        ),
    ),
    ("FactDiff resources", ("resources",)),
    ("system libraries", ("lib",)),
)


def build(dist: Path) -> float:
    """Build the bundle into ``dist`` (its parent is the dist path); seconds taken."""
    start = time.perf_counter()
    proc = subprocess.run(
        [
            sys.executable,
            "-m",
            "PyInstaller",
            "--noconfirm",
            "--log-level",
            "WARN",
            "--distpath",
            str(dist.parent),
            str(ROOT / "build.spec"),
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=3600,
    )
    if proc.returncode != 0:
        raise SystemExit(f"the build failed:\n{proc.stderr[-4000:]}")
    return time.perf_counter() - start


def _part(name: str) -> str:
    for label, prefixes in PARTS:
        if name.startswith(prefixes):
            return label
    return "other"


def measure_size(dist: Path) -> tuple[int, dict[str, int]]:
    """Total bytes of the unpacked bundle (symlinks not followed) and bytes per part."""
    parts: dict[str, int] = defaultdict(int)
    total = 0
    for path in dist.rglob("*"):
        if path.is_symlink() or not path.is_file():
            continue
        size = path.stat().st_size
        total += size
        relative = path.relative_to(dist).parts
        top = relative[1] if relative[0] == "_internal" and len(relative) > 1 else relative[0]
        parts[_part(top)] += size
    return total, dict(parts)


def find_archive(dist: Path) -> Path | None:
    """The newest download the build left beside the bundle folder, if any."""
    found = [p for p in dist.parent.glob(f"{dist.name}-*") if p.name.endswith((".tar.gz", ".zip"))]
    return max(found, key=lambda p: p.stat().st_mtime, default=None)


def command_line(exe: Path, runs: int) -> tuple[float, float]:
    """Median seconds for ``--version`` and for comparing the two demo articles."""
    versions, compares = [], []
    for _ in range(runs):
        for args, times in (
            (["--version"], versions),
            (
                [
                    "compare",
                    str(DEMO / "harbor-ledger.txt"),
                    str(DEMO / "coastal-wire.txt"),
                    "--format",
                    "json",
                ],
                compares,
            ),
        ):
            start = time.perf_counter()
            proc = subprocess.run([str(exe), *args], capture_output=True, text=True, timeout=300)
            times.append(time.perf_counter() - start)
            if proc.returncode != 0:
                raise SystemExit(f"`factdiff {' '.join(args)}` failed:\n{proc.stderr[-4000:]}")
    return statistics.median(versions), statistics.median(compares)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Size and start-up time of the desktop bundle.")
    parser.add_argument("--runs", type=int, default=5, help="timed runs per figure (default 5)")
    parser.add_argument(
        "--dist",
        type=Path,
        default=ROOT / "dist" / "factdiff",
        help="the bundle folder (default dist/factdiff)",
    )
    parser.add_argument("--rebuild", action="store_true", help="build even if the bundle exists")
    args = parser.parse_args(argv)
    dist = args.dist.resolve()
    exe = dist / EXE_NAME

    if args.rebuild or not exe.is_file():
        if dist.name != "factdiff":
            parser.error("to build, --dist must name a folder called factdiff")
        print(
            f"building {dist.relative_to(ROOT) if dist.is_relative_to(ROOT) else dist} …",
            flush=True,
        )
        print(f"build: {build(dist):.0f} s")

    total, parts = measure_size(dist)
    size_ok = total <= SIZE_TARGET_MB * MB
    print(
        f"size: {total / MB:.1f} MB ({total / MIB:.1f} MiB) unpacked, "
        f"{sum(1 for _ in dist.rglob('*')):,} files "
        f"(target ≤ {SIZE_TARGET_MB} MB: {'ok' if size_ok else 'MISSED'})"
    )
    for label, size in sorted(parts.items(), key=lambda item: -item[1]):
        print(f"  {label:<20} {size / MB:6.1f} MB {size / MIB:6.1f} MiB")
    archive = find_archive(dist)
    archive_ok = archive is not None and archive.stat().st_size <= ARCHIVE_TARGET_MB * MB
    if archive is None:
        print(f"archive: none beside {dist.name} (build.spec writes it; target ≤ 90 MB: MISSED)")
    else:
        size = archive.stat().st_size
        print(
            f"archive: {archive.name} {size / MB:.1f} MB ({size / MIB:.1f} MiB) "
            f"(target ≤ {ARCHIVE_TARGET_MB} MB: {'ok' if archive_ok else 'MISSED'})"
        )

    with tempfile.TemporaryDirectory(prefix="factdiff-bench-") as tmp:
        first, paint, process, cpu = window_start(
            [str(exe)], args.runs, Path(tmp), failure="the bundle's window did not start"
        )
    start_ok = paint <= START_TARGET_S
    print(
        f"start to painted window: {paint:.2f} s median of {args.runs} "
        f"(target ≤ {START_TARGET_S:.0f} s: {'ok' if start_ok else 'MISSED'}); "
        f"process {process:.2f} s, CPU {cpu:.2f} s; first run with demo build {first:.2f} s"
    )

    version, compare = command_line(exe, args.runs)
    print(f"command line: --version {version:.2f} s, demo comparison {compare:.2f} s (medians)")
    return 0 if size_ok and archive_ok and start_ok else 1


if __name__ == "__main__":
    sys.exit(main())
