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
import sys
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import numpy as np  # noqa: E402
from _timing import median_seconds  # noqa: E402
from rapidfuzz import fuzz, process, utils  # noqa: E402
from scipy.optimize import linear_sum_assignment  # noqa: E402

from core.compare import align_articles, compare, compared_spans, forget_facts  # noqa: E402
from core.ingest.load import article_from_text, load_article  # noqa: E402
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
    wall, cpu = median_seconds(fn, runs)
    return wall * 1000, cpu * 1000


def engine_only(a: Article, b: Article) -> float:
    """compare() without facts and discrepancies: what the alignment engine owns."""
    return align_articles(a, b).similarity


ARTICLE_TARGET_MS = 30.0  # issue 2: compare end to end, two ~800-word articles, warm
LARGE_TARGET_S = 2.0  # the aligner on 2 × 2,500 sentences
MEMORY_TARGET_MB = 500.0
RATIO_TARGET = 10.0


def _verdict(ok: bool) -> str:
    return "ok" if ok else "MISSED"


def _table(rows: list[tuple[str, ...]]) -> None:
    """Print rows as a left-aligned plain-text table, the first row as its header."""
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    for n, row in enumerate(rows):
        cells = (cell.ljust(width) for cell, width in zip(row, widths, strict=True))
        print(("  " + "  ".join(cells)).rstrip())
        if n == 0:
            print("  " + "  ".join("-" * width for width in widths))


def bench_articles(runs: int) -> None:
    print(f"Two ~800-word articles: median of {runs} warm runs, milliseconds")
    text_a, text_b = Generator(seed=3).pair(46)
    pairs = [("generated", article_from_text(text_a), article_from_text(text_b))]
    seed_files = sorted(SEEDS.glob("*.txt"))
    if len(seed_files) >= 5:
        pairs.append(("seeds 004 vs 001", load_article(seed_files[4]), load_article(seed_files[1])))
        pairs.append(("seeds 000 vs 002", load_article(seed_files[0]), load_article(seed_files[2])))
    rows = [
        (
            "pair",
            "words",
            "engine wall",
            "engine cpu",
            "compare wall",
            "compare cpu",
            f"target (compare) ≤ {ARTICLE_TARGET_MS:.0f}",
        )
    ]
    for label, a, b in pairs:
        words = (len(a.text.split()) + len(b.text.split())) // 2
        engine_wall, engine_cpu = median_ms(lambda a=a, b=b: engine_only(a, b), runs)
        # Facts are cached per article; time reading them, as for a new pair.
        full_wall, full_cpu = median_ms(lambda a=a, b=b: (forget_facts(), compare(a, b)), runs)
        rows.append(
            (
                label,
                f"~{words}",
                f"{engine_wall:.1f}",
                f"{engine_cpu:.1f}",
                f"{full_wall:.1f}",
                f"{full_cpu:.1f}",
                f"wall {_verdict(full_wall <= ARTICLE_TARGET_MS)}, "
                f"cpu {_verdict(full_cpu <= ARTICLE_TARGET_MS)}",
            )
        )
    _table(rows)
    print(
        "  engine = align_articles(): segment, align, token diff, similarity; "
        "compare adds facts and discrepancies"
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
    text_a, text_b = Generator(seed=11).pair(sentences)
    a, b = Article(text=text_a), Article(text=text_b)
    spans_a, spans_b = compared_spans(a), compared_spans(b)
    print(
        f"\nTwo generated documents of {sentences:,} sentences each "
        f"(compared: A {len(spans_a):,}, B {len(spans_b):,})"
    )

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

    sentences_a = [a.text[s:e] for s, e in spans_a]
    sentences_b = [b.text[s:e] for s, e in spans_b]
    start, cpu_start = time.perf_counter(), time.process_time()
    links = naive(sentences_a, sentences_b)
    baseline, baseline_cpu = time.perf_counter() - start, time.process_time() - cpu_start
    ratio_wall, ratio_cpu = baseline / aligned, baseline_cpu / aligned_cpu
    full = sentences >= 2500  # --quick runs smaller documents: targets do not apply
    target = (lambda text: text) if full else (lambda text: "(full run only)")
    _table(
        [
            ("measure", "figure", "target"),
            (
                "aligner wall",
                f"{aligned:.2f} s",
                target(f"≤ {LARGE_TARGET_S:.0f} s: {_verdict(aligned <= LARGE_TARGET_S)}"),
            ),
            (
                "aligner cpu",
                f"{aligned_cpu:.2f} s",
                target(f"≤ {LARGE_TARGET_S:.0f} s: {_verdict(aligned_cpu <= LARGE_TARGET_S)}"),
            ),
            (
                "aligner peak memory (traced)",
                f"{peak / 2**20:.0f} MB",
                target(
                    f"≤ {MEMORY_TARGET_MB:.0f} MB: {_verdict(peak / 2**20 <= MEMORY_TARGET_MB)}"
                ),
            ),
            (
                "process max RSS",
                f"{rss:.0f} MB",
                target(f"≤ {MEMORY_TARGET_MB:.0f} MB: {_verdict(rss <= MEMORY_TARGET_MB)}"),
            ),
            (
                "links (1-n / n-1 of them)",
                f"{len(result.alignments):,} ({one_to_many})",
                "",
            ),
            ("aligner + token diffs wall", f"{diffed:.2f} s", ""),
            (
                "naive cdist(token_set_ratio) + assignment",
                f"{baseline:.2f} s wall, {baseline_cpu:.2f} s cpu ({links:,} links)",
                "",
            ),
            (
                "speed ratio over naive",
                f"{ratio_wall:.1f}x wall, {ratio_cpu:.1f}x cpu",
                target(
                    f"≥ {RATIO_TARGET:.0f}x: wall {_verdict(ratio_wall >= RATIO_TARGET)}, "
                    f"cpu {_verdict(ratio_cpu >= RATIO_TARGET)}"
                ),
            ),
        ]
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer runs, 800-sentence documents")
    args = parser.parse_args()
    one, five, fifteen = os.getloadavg()
    print(
        f"load average {one:.1f} / {five:.1f} / {fifteen:.1f} (1 / 5 / 15 min) on "
        f"{os.cpu_count()} cores: on a busy machine trust cpu over wall\n"
    )
    bench_articles(runs=10 if args.quick else 50)
    bench_large(800 if args.quick else 2500)


if __name__ == "__main__":
    main()
