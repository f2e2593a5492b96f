"""Speed and memory of compare() and of the aligner, against the naive all-pairs baseline.

Run: ``python benchmarks/bench_compare.py [--quick]``. Prints:

1. two ~800-word articles (generated; plus the seed articles when they sit
   next to the checkout): median wall time of the alignment engine alone
   (segment + align + token diff + similarity) and of the full ``compare``
   (which adds facts and discrepancies), in a warm process;
2. two generated documents of 2,500 sentences each (B = A shuffled and
   paraphrased, some sentences split, dropped or new): time and peak memory
   of the aligner, then the naive baseline — rapidfuzz ``process.cdist`` with
   ``fuzz.token_set_ratio`` over all sentence pairs followed by the same
   assignment — and the speed ratio.

Documents are generated from a fixed seed, so every run measures the same input.
"""

from __future__ import annotations

import argparse
import os
import random
import resource
import statistics
import sys
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import numpy as np  # noqa: E402
from rapidfuzz import fuzz, process, utils  # noqa: E402
from scipy.optimize import linear_sum_assignment  # noqa: E402

from core.compare import align_articles, compare, compared_spans  # noqa: E402
from core.ingest import article_from_text, load_article  # noqa: E402
from core.matchers.align import ALIGN_THRESHOLD, align  # noqa: E402
from core.matchers.tokendiff import diff_passage  # noqa: E402
from core.model import Article  # noqa: E402

SEEDS = ROOT.parent / "shared" / "seeds"
SYLLABLES = [
    "ka",
    "ri",
    "to",
    "men",
    "sa",
    "lu",
    "vo",
    "ne",
    "ta",
    "shi",
    "ra",
    "po",
    "de",
    "li",
    "mu",
    "an",
    "or",
    "el",
    "is",
    "ur",
]
NAMES = ["Vessmark", "Dahlberg", "Sollen", "Northern", "Skerry", "Harbor", "Coastal", "Elin"]


class Generator:
    """Deterministic pseudo-news: a Zipf vocabulary, names and numbers."""

    def __init__(self, seed: int = 7, vocabulary: int = 4000) -> None:
        self.rnd = random.Random(seed)
        words = set()
        while len(words) < vocabulary:
            words.add("".join(self.rnd.choices(SYLLABLES, k=self.rnd.randint(1, 4))))
        self.words = sorted(words)
        self.weights = [1.0 / (rank + 1) ** 0.9 for rank in range(len(self.words))]

    def word(self) -> str:
        roll = self.rnd.random()
        if roll < 0.04:
            return f"{self.rnd.randint(2, 99_999):,}"
        if roll < 0.09:
            return self.rnd.choice(NAMES)
        return self.rnd.choices(self.words, self.weights)[0]

    def sentence(self) -> list[str]:
        return [self.word() for _ in range(self.rnd.randint(10, 28))]

    def paraphrase(self, words: list[str]) -> list[str]:
        out = []
        for w in words:
            roll = self.rnd.random()
            if roll < 0.12:
                continue  # dropped
            out.append(self.word() if roll < 0.22 else w)
            if self.rnd.random() < 0.05:
                out.append(self.word())  # inserted
        return out or words

    def pair(self, sentences: int) -> tuple[str, str]:
        """A, and B = A shuffled and paraphrased with splits, drops and new sentences."""
        a = [self.sentence() for _ in range(sentences)]
        b: list[list[str]] = []
        for words in a:
            roll = self.rnd.random()
            if roll < 0.08:
                continue  # only in A
            para = self.paraphrase(words)
            if roll < 0.16 and len(para) > 12:
                cut = len(para) // 2
                b.extend([para[:cut], para[cut:]])  # split in two
            else:
                b.append(para)
        b.extend(self.sentence() for _ in range(sentences // 12))  # only in B
        blocks = [b[i : i + 4] for i in range(0, len(b), 4)]
        self.rnd.shuffle(blocks)  # reordered paragraphs
        return _render(a, 4), _render([s for block in blocks for s in block], 4)


def _render(sentences: list[list[str]], per_paragraph: int) -> str:
    lines = [" ".join(words).capitalize() + "." for words in sentences]
    paragraphs = [
        " ".join(lines[i : i + per_paragraph]) for i in range(0, len(lines), per_paragraph)
    ]
    return "\n\n".join(paragraphs) + "\n"


def median_ms(fn: Callable[[], object], runs: int) -> tuple[float, float]:
    """Median wall and CPU milliseconds of warm runs.

    CPU time is printed too because on a shared machine the wall clock also
    measures the neighbours.
    """
    fn()  # warm: caches, lazy imports
    wall, cpu = [], []
    for _ in range(runs):
        w0, c0 = time.perf_counter(), time.process_time()
        fn()
        wall.append(time.perf_counter() - w0)
        cpu.append(time.process_time() - c0)
    return statistics.median(wall) * 1000, statistics.median(cpu) * 1000


def engine_only(a: Article, b: Article) -> float:
    """compare() without facts and discrepancies: what the alignment engine owns."""
    return align_articles(a, b).similarity


def bench_articles(runs: int) -> None:
    print("Two ~800-word articles (median of warm runs)")
    text_a, text_b = Generator(seed=3).pair(46)
    pairs = [("generated", article_from_text(text_a), article_from_text(text_b))]
    seed_files = sorted(SEEDS.glob("*.txt"))
    if len(seed_files) >= 5:
        pairs.append(("seeds 004 vs 001", load_article(seed_files[4]), load_article(seed_files[1])))
        pairs.append(("seeds 000 vs 002", load_article(seed_files[0]), load_article(seed_files[2])))
    for label, a, b in pairs:
        words = (len(a.text.split()) + len(b.text.split())) // 2
        engine_wall, engine_cpu = median_ms(lambda a=a, b=b: engine_only(a, b), runs)
        full_wall, full_cpu = median_ms(lambda a=a, b=b: compare(a, b), runs)
        print(
            f"  {label:<18} ~{words} words/article: alignment engine {engine_wall:6.1f} ms "
            f"(cpu {engine_cpu:5.1f}), full compare {full_wall:6.1f} ms (cpu {full_cpu:5.1f})"
        )


def naive(sentences_a: list[str], sentences_b: list[str]) -> int:
    scores = process.cdist(
        sentences_a,
        sentences_b,
        scorer=fuzz.token_set_ratio,
        processor=utils.default_process,
        dtype=np.float32,
        workers=1,
    )
    rows, cols = linear_sum_assignment(scores, maximize=True)
    return int((scores[rows, cols] >= ALIGN_THRESHOLD * 100).sum())


def bench_large(sentences: int) -> None:
    print(f"\nTwo generated documents of {sentences:,} sentences each")
    text_a, text_b = Generator(seed=11).pair(sentences)
    a, b = Article(text=text_a), Article(text=text_b)
    spans_a, spans_b = compared_spans(a), compared_spans(b)
    print(f"  sentences: A {len(spans_a):,}, B {len(spans_b):,}")

    start, cpu_start = time.perf_counter(), time.process_time()
    result = align(a.text, spans_a, b.text, spans_b)
    aligned, aligned_cpu = time.perf_counter() - start, time.process_time() - cpu_start
    for al in result.alignments:
        diff_passage(a.text, al.a, b.text, al.b)
    diffed = time.perf_counter() - start

    tracemalloc.start()
    align(a.text, spans_a, b.text, spans_b)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # kB on Linux
    one_to_many = sum(1 for al in result.alignments if len(al.a) > 1 or len(al.b) > 1)
    print(
        f"  aligner: {aligned:.2f} s (cpu {aligned_cpu:.2f} s; {len(result.alignments):,} links, "
        f"{one_to_many} of them 1-n/n-1); with token diffs {diffed:.2f} s"
    )
    print(f"  aligner peak memory: {peak / 2**20:.0f} MB traced, process max RSS {rss:.0f} MB")

    sentences_a = [a.text[s:e] for s, e in spans_a]
    sentences_b = [b.text[s:e] for s, e in spans_b]
    start, cpu_start = time.perf_counter(), time.process_time()
    links = naive(sentences_a, sentences_b)
    baseline, baseline_cpu = time.perf_counter() - start, time.process_time() - cpu_start
    print(
        f"  naive cdist(token_set_ratio) + assignment: {baseline:.2f} s "
        f"(cpu {baseline_cpu:.2f} s; {links:,} links)"
    )
    print(f"  speed ratio: {baseline / aligned:.1f}x wall, {baseline_cpu / aligned_cpu:.1f}x cpu")


def main() -> None:
    print(f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores\n")
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer runs, 800-sentence documents")
    args = parser.parse_args()
    bench_articles(runs=10 if args.quick else 50)
    bench_large(800 if args.quick else 2500)


if __name__ == "__main__":
    main()
