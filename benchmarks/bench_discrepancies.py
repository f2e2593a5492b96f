"""Time of ``find_discrepancies`` on pairs of ~400–800-word articles.

Run: ``python benchmarks/bench_discrepancies.py [--runs N]``. Prints, for every
pair of the seed articles (when they sit next to the checkout) and of the
demo articles, the median milliseconds of ``find_discrepancies`` alone — the
alignment and the facts are computed once beforehand — with its caches
emptied before each run, so every figure is a first comparison. The goal:
facts and discrepancies together add at most 20 ms to a pair of ~800-word
articles (``bench_facts.py`` times the facts).
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

from core.compare import compare  # noqa: E402
from core.discrepancies import find_discrepancies  # noqa: E402
from core.discrepancies import text as discrepancy_text  # noqa: E402
from core.facts import extract_facts  # noqa: E402
from core.ingest.load import load_article  # noqa: E402
from core.model import Article  # noqa: E402

SEEDS = ROOT.parent / "shared" / "seeds"
DEMO = ROOT / "resources" / "demo"
CACHES = ("_article_tokens", "_article_words", "content_keys", "stem", "is_function_word")


def articles() -> list[Article]:
    paths = sorted(SEEDS.glob("*.txt")) + sorted(DEMO.glob("*.txt"))
    return [load_article(p) for p in paths]


def cold_ms(a: Article, b: Article, runs: int) -> tuple[float, float, int]:
    c = compare(a, b)
    facts_a, facts_b = extract_facts(a), extract_facts(b)
    times, cpu = [], []
    found = ()
    for _ in range(runs):
        for name in CACHES:
            getattr(discrepancy_text, name).cache_clear()
        start, start_cpu = time.perf_counter(), time.process_time()
        found = find_discrepancies(a, b, c.alignments, facts_a, facts_b)
        times.append((time.perf_counter() - start) * 1000)
        cpu.append((time.process_time() - start_cpu) * 1000)
    return statistics.median(times), statistics.median(cpu), len(found)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    pool = articles()
    rows, cpu_rows = [], []
    for a, b in itertools.combinations(pool, 2):
        ms, cpu, n = cold_ms(a, b, args.runs)
        words = len(a.text.split()) + len(b.text.split())
        rows.append(ms)
        cpu_rows.append(cpu)
        print(
            f"{Path(a.path).name[:24]:24} {Path(b.path).name[:24]:24} {words:5} words "
            f"{ms:6.1f} ms wall {cpu:6.1f} ms CPU  {n:2} flags"
        )
    print(
        f"median over {len(rows)} pairs: {statistics.median(rows):.1f} ms wall "
        f"({statistics.median(cpu_rows):.1f} ms CPU), worst {max(rows):.1f} ms wall"
    )


if __name__ == "__main__":
    main()
