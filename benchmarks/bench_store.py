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

T = TypeVar("T")


def timed(action: Callable[[], T]) -> tuple[T, float]:
    start = time.perf_counter()
    result = action()
    return result, time.perf_counter() - start


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
    rows: list[tuple[str, str, str]] = []
    with Project.create(path, name="benchmark") as p:
        report, t_import = timed(lambda: p.import_files([folder]))
        events, t_group = timed(p.group_events)
        compared, t_compare = timed(lambda: p.compare_all(workers=jobs))
        pair_ids = [q.id for q in p.pairs()]
        sample = random.Random(1).sample(pair_ids, min(100, len(pair_ids)))
        cached = [p.comparison(pid) for pid in sample]
        _, t_store = timed(
            lambda: [p._store_comparison(i, c) for i, c in zip(sample, cached, strict=True)]
        )
        text_bytes = sum(len(p.article(a.id).text.encode()) for a in p.articles()[:200]) / min(
            200, n
        )
    total = t_import + t_group + t_compare
    per_pair = t_compare / max(compared, 1)
    rows.append(
        ("import articles", f"{len(report.added)} in {t_import:.1f} s", f"{n / t_import:.0f}/s")
    )
    rows.append(("group into events", f"{len(events)} events in {t_group:.1f} s", ""))
    rows.append(
        (
            "compare suggested pairs",
            f"{compared} in {t_compare:.1f} s ({jobs} proc.)",
            f"{per_pair * 1000:.0f} ms/pair",
        )
    )
    rows.append(("  of which storing", f"{t_store / len(sample) * 1000:.1f} ms/pair", ""))
    rows.append(("import + compare", f"{total:.1f} s", _verdict(total <= 30)))

    lists = [timed(lambda: open_and_list(path))[1] for _ in range(7)]
    t_list = statistics.median(lists)
    rows.append(
        (
            "open + list articles, pairs",
            f"{t_list * 1000:.0f} ms (median of 7)",
            _verdict(t_list <= 0.3),
        )
    )

    with Project.open(path, readonly=True) as p:
        loads = [timed(lambda pid=pid: p.comparison(pid))[1] for pid in sample]
    t_load, worst = statistics.median(loads), max(loads)
    rows.append(
        (
            "load cached comparison",
            f"{t_load * 1000:.1f} ms median, {worst * 1000:.1f} max",
            _verdict(t_load <= 0.02),
        )
    )

    size = path.stat().st_size
    rows.append(("file size", f"{size / 2**20:.1f} MB", f"{size / n / 1024:.1f} KiB/article"))
    rows.append(
        (
            "  article text alone",
            f"{text_bytes / 1024:.1f} KiB/article",
            f"× {size / n / text_bytes:.1f}",
        )
    )

    width = max(len(r[0]) for r in rows)
    print(f"bench_store: {n} articles, {os.cpu_count()} cores")
    for name, figure, note in rows:
        print(f"  {name:<{width}}  {figure:<36} {note}")
    return 0 if all("MISSED" not in r[2] for r in rows) else 1


def _verdict(ok: bool) -> str:
    return "ok" if ok else "MISSED"


if __name__ == "__main__":
    sys.exit(main())
