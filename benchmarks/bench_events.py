"""Time and accuracy of ``group_events`` on a thousand generated articles.

Run: ``python benchmarks/bench_events.py [--events N] [--variants K] [--runs R]``.
Prints the median wall time of grouping ``N × K`` stories of ~800 words (the
goal is ≤ 10 s for 1,000 articles on two cores) and how the grouping matches
the generator's truth: pairwise precision and recall, events found exactly,
and wire reprints (every twentieth story is also published again with another
header and footer) recognised; "across events" counts reprint pairs joining
two different events, which should be none.

Stories come from :mod:`benchmarks.synthetic_news` with a fixed seed, so every
run measures the same input.
"""

from __future__ import annotations

import argparse
import itertools
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from synthetic_news import generate  # noqa: E402

from core.events.grouping import EventGrouping, group_events  # noqa: E402
from core.ingest.load import article_from_text  # noqa: E402
from core.model import Article  # noqa: E402

REPRINT_EVERY = 20


def build(events: int, variants: int) -> tuple[list[Article], list[int], set[tuple[int, int]]]:
    """Articles, the true event of each, and the true reprint pairs."""
    stories = generate(events=events, variants=variants)
    articles = [
        article_from_text(s.text, title=s.title, source=s.outlet, published=s.published)
        for s in stories
    ]
    truth = [s.event for s in stories]
    reprints = set()
    for i in range(0, len(stories), REPRINT_EVERY):
        s = stories[i]
        text = f"From our wire partners\n\n{s.text}\n\nCopyright {s.outlet}. All rights reserved.\n"
        reprints.add((i, len(articles)))
        articles.append(
            article_from_text(text, title=s.title, source="Wire", published=s.published)
        )
        truth.append(s.event)
    return articles, truth, reprints


def near_duplicates(n: int) -> list[Article]:
    """``n`` copies of one wire story, each with its own header line and one changed figure."""
    story = generate(events=1, variants=1)[0]
    return [
        article_from_text(
            f"Edition {k} of {story.outlet}\n\n{story.text}\n\nUpdate {k}: {k * 3} readers wrote in.\n",
            title=story.title,
            source=f"Outlet {k}",
            published=story.published,
        )
        for k in range(n)
    ]


def near_duplicate_curve(sizes: tuple[int, ...] = (300, 500, 700, 1000)) -> None:
    """Grouping time as near-copies pile up (the worst case for average linkage)."""
    print("near-duplicates     articles   wall s   CPU s   events")
    for n in sizes:
        articles = near_duplicates(n)
        start, start_cpu = time.perf_counter(), time.process_time()
        grouping = group_events(articles)
        wall, cpu = time.perf_counter() - start, time.process_time() - start_cpu
        print(f"                    {n:8}  {wall:7.2f}  {cpu:6.2f}   {len(grouping.events)}")
    print("target: 1,000 near-duplicates <= 10 s")


def score(
    grouping: EventGrouping, truth: list[int], reprints: set[tuple[int, int]]
) -> dict[str, float]:
    found = {frozenset(e) for e in grouping.events}
    true_events: dict[int, set[int]] = {}
    for i, event in enumerate(truth):
        true_events.setdefault(event, set()).add(i)
    same_found = {p for e in grouping.events for p in itertools.combinations(sorted(e), 2)}
    same_true = {p for e in true_events.values() for p in itertools.combinations(sorted(e), 2)}
    hit = len(same_found & same_true)
    return {
        "precision": hit / len(same_found) if same_found else 1.0,
        "recall": hit / len(same_true) if same_true else 1.0,
        "exact": sum(frozenset(e) in found for e in true_events.values()) / len(true_events),
        "reprints": len(set(grouping.reprints) & reprints) / len(reprints) if reprints else 1.0,
        # Variants of one event told in the same sentence forms are near-identical
        # too, so only a "reprint" joining two events is counted as false.
        "false_reprints": sum(truth[i] != truth[j] for i, j in grouping.reprints),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=238)
    parser.add_argument("--variants", type=int, default=4)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    articles, truth, reprints = build(args.events, args.variants)
    words = statistics.mean(len(a.text.split()) for a in articles)
    times, cpu = [], []
    grouping = None
    for _ in range(args.runs):
        start, start_cpu = time.perf_counter(), time.process_time()
        grouping = group_events(articles)
        times.append(time.perf_counter() - start)
        cpu.append(time.process_time() - start_cpu)
    assert grouping is not None
    figures = score(grouping, truth, reprints)
    print(f"articles            {len(articles)} (~{words:.0f} words each, {args.events} events)")
    print(
        f"group_events        median {statistics.median(times):.2f} s, best {min(times):.2f} s wall"
    )
    print(f"                    median {statistics.median(cpu):.2f} s CPU")
    print(f"pairs suggested     {len(grouping.pairs)}")
    print(f"pairwise precision  {figures['precision']:.3f}")
    print(f"pairwise recall     {figures['recall']:.3f}")
    print(f"events exact        {figures['exact']:.3f}")
    print(
        f"reprints found      {figures['reprints']:.3f} ({figures['false_reprints']} across events)"
    )
    near_duplicate_curve()


if __name__ == "__main__":
    main()
