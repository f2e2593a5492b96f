"""Project-file benchmark: import, group, compare, reopen, cached loads, file size.

    python benchmarks/bench_store.py [--events 250] [--jobs 2] [--keep DIR]

Targets (issue 4), for 250 events × 4 synthetic articles of ~800 words:
import 1,000 articles and compare the suggested pairs ≤ 30 s on 2 cores; open
the project and list its articles and pairs ≤ 300 ms; load one pair's cached
comparison ≤ 20 ms. Also reports bytes per article. Exits 1 if a target is
missed.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from synthetic_news import generate  # noqa: E402

from core.store import Project  # noqa: E402
from core.store.comparing import encode_result  # noqa: E402

T = TypeVar("T")


def timed(action: Callable[[], T]) -> tuple[T, float]:
    start = time.perf_counter()
    result = action()
    return result, time.perf_counter() - start


def cpu_seconds() -> float:
    """CPU time of this process and its finished children (the comparing processes):
    the fairer figure when other work shares the machine."""
    if not hasattr(os, "times"):
        return 0.0
    t = os.times()
    return t.user + t.system + t.children_user + t.children_system


def write_articles(folder: Path, events: int) -> int:
    stories = generate(events=events)
    for i, story in enumerate(stories):
        name = f"{story.event:04}-{story.outlet.lower().replace(' ', '-')}-{i}.txt"
        (folder / name).write_text(story.text, encoding="utf-8")
    return len(stories)


def open_and_list(path: Path) -> tuple[int, int]:
    with Project.open(path) as p:
        return len(p.articles()), len(p.pairs())


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=250, help="events (4 articles each)")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--keep", type=Path, help="leave the project file in this folder")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp, "articles")
        folder.mkdir()
        n = write_articles(folder, args.events)
        target = args.keep or Path(tmp)
        target.mkdir(parents=True, exist_ok=True)
        path = target / "bench.factdiff"
        if path.exists():
            sys.exit(f"{path} exists")
        return run(path, folder, n, args.jobs)


def run(path: Path, folder: Path, n: int, jobs: int) -> int:
    rows = build(path, folder, n, jobs) + reopen(path, n)
    width = max(len(r[0]) for r in rows)
    load = f", load average {os.getloadavg()[0]:.1f}" if hasattr(os, "getloadavg") else ""
    print(f"bench_store: {n} articles, {os.cpu_count()} cores{load}, {jobs} comparing processes")
    for name, figure, note in rows:
        print(f"  {name:<{width}}  {figure:<34} {note}")
    return 0 if all("MISSED" not in r[2] for r in rows) else 1


Row = tuple[str, str, str]


def build(path: Path, folder: Path, n: int, jobs: int) -> list[Row]:
    """Import, group, compare: the first target, with the store's own share shown apart."""
    with Project.create(path, name="benchmark") as p:
        report, t_import = timed(lambda: p.import_files([folder]))
        events, t_group = timed(p.group_events)
        cpu_before = cpu_seconds()
        compared, t_compare = timed(lambda: p.compare_all(workers=jobs))
        cpu_compare = cpu_seconds() - cpu_before
        t_add = _store_only_import(p, n)
        t_encode, t_write = _store_only_comparisons(p)
    total = t_import + t_group + t_compare
    per_pair = t_compare / max(compared, 1) * 1000
    return [
        ("import articles", f"{len(report.added)} in {t_import:.1f} s", f"{n / t_import:.0f}/s"),
        ("  storing alone", f"{t_add / n * 1000:.2f} ms/article", ""),
        ("group into events", f"{len(events)} events in {t_group:.1f} s", ""),
        ("compare suggested pairs", f"{compared} in {t_compare:.1f} s", f"{per_pair:.0f} ms/pair"),
        (
            "  CPU, all processes",
            f"{cpu_compare:.1f} s",
            f"{cpu_compare / max(compared, 1) * 1000:.0f} ms/pair",
        ),
        ("  encoding (in the worker)", f"{t_encode * 1000:.1f} ms/pair", ""),
        ("  writing", f"{t_write * 1000:.1f} ms/pair", ""),
        ("import + group + compare", f"{total:.1f} s (target 30 s)", _verdict(total <= 30)),
    ]


def _store_only_import(source: Project, n: int) -> float:
    """Time add_article alone (no file parsing) into a fresh project."""
    articles = [source.article(info.id) for info in source.articles()]
    with tempfile.TemporaryDirectory() as tmp, Project.create(Path(tmp, "s.factdiff")) as p:
        _, elapsed = timed(lambda: [p.add_article(a) for a in articles])
    return elapsed


def _store_only_comparisons(p: Project) -> tuple[float, float]:
    """Per-pair time to encode a result and to write it, on a sample of 100 pairs."""
    pair_ids = [q.id for q in p.pairs()]
    sample = random.Random(1).sample(pair_ids, min(100, len(pair_ids)))
    cached = [p.comparison(pid) for pid in sample]
    encoded, t_encode = timed(lambda: [encode_result(c) for c in cached])
    pairs = list(zip(sample, encoded, strict=True))
    _, t_write = timed(lambda: [p._store_comparison(pid, e) for pid, e in pairs])
    return t_encode / len(sample), t_write / len(sample)


def reopen(path: Path, n: int) -> list[Row]:
    """The everyday costs: opening a project, loading a pair, bytes on disk."""
    t_list = statistics.median(timed(lambda: open_and_list(path))[1] for _ in range(7))
    with Project.open(path, readonly=True) as p:
        pair_ids = [q.id for q in p.pairs()]
        sample = random.Random(2).sample(pair_ids, min(100, len(pair_ids)))
        loads = [timed(lambda pid=pid: p.comparison(pid))[1] for pid in sample]
        text = sum(len(p.article(a.id).text.encode()) for a in p.articles()) / n
    t_load = statistics.median(loads)
    size = path.stat().st_size
    return [
        ("open + list articles and pairs", f"{t_list * 1000:.0f} ms (median of 7)", _verdict(t_list <= 0.3)),
        ("load a cached comparison", f"{t_load * 1000:.1f} ms median, {max(loads) * 1000:.1f} max", _verdict(t_load <= 0.02)),
        ("file size", f"{size / 2**20:.1f} MB, {size / n / 1024:.1f} KiB/article", f"{size / n / text:.1f} × the text"),
    ]  # fmt: skip


def _verdict(ok: bool) -> str:
    return "ok" if ok else "MISSED"


if __name__ == "__main__":
    sys.exit(main())
