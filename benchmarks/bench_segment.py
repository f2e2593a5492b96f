"""Throughput of segmentation and boilerplate detection, and the cost of ingest.

Run: ``python benchmarks/bench_segment.py [--quick]``. Prints:

1. sentence segmentation (paragraphs + sentences) on ~5 MB of generated
   news-like text, in MB/s (median of several runs; the goal is ≥ 1 MB/s),
   then on the seed articles repeated to the same size when they sit next to
   the checkout (real scrapes, fewer abbreviations per sentence);
2. boilerplate detection on the same texts, in MB/s;
3. ``load_article`` on a ~800-word plain-text article and on a saved HTML
   page, median milliseconds in a warm process;
4. ``load_article`` on a 20 MB text file: wall time and peak Python memory.

The text is generated from a fixed seed (datelines, captions, quotes, "U.S.",
"Mr.", "3 p.m.", numbers…), so every run measures the same input.
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT.parent / "shared" / "seeds"
sys.path.insert(0, str(ROOT))

from _timing import median_seconds  # noqa: E402

from core.ingest.boilerplate import find_boilerplate  # noqa: E402
from core.ingest.load import load_article  # noqa: E402
from core.text.segment import split_sentences  # noqa: E402

SUBJECTS = [
    "Secretary of State Antony Blinken", "Mr. Wang", "Sen. Chuck Schumer (D-N.Y.)",
    "Russian President Vladimir V. Putin", "Gov. Kathy Hochul", "The U.N. Security Council",
    "Officials in the U.S.", "A spokesman for Acme Corp.", "Dr. Jane Roe",
]  # fmt: skip
VERBS = ["said", "told reporters", "warned", "announced", "confirmed", "denied"]
OBJECTS = [
    "that 3,000 troops had moved to the border on Jan. 21",
    "that the talks would resume at 3 p.m. Friday",
    "that the No. 2 official would attend the summit in Geneva",
    "that prices rose 4.5% to $1,200.50 in the quarter",
    "that the agreement signed in 2014 and 2015 was still valid",
    "that about 100,000 people had fled since Feb. 24",
]
QUOTES = [
    "“We will not accept this,” {s} {v}.",
    "“Is this really the plan?” she asked.",
    '"The situation is serious. We are ready," {s} {v}.',
]
FURNITURE = [
    "Skip to main content", "Updated: January 27, 2022 5:02pm", "0:00", "Source link",
    "Oops! Something went wrong. Please try again later.",
    "Protesters gather in Kyiv on Monday. Jane Doe/AFP via Getty Images",
]  # fmt: skip


def news_text(size: int, seed: int = 7) -> str:
    """Paragraphs of two to four sentences with some page furniture between them."""
    rng = random.Random(seed)
    parts: list[str] = []
    total = 0
    while total < size:
        sentences = []
        for _ in range(rng.randint(2, 4)):
            subject, verb = rng.choice(SUBJECTS), rng.choice(VERBS)
            if rng.random() < 0.25:
                sentences.append(rng.choice(QUOTES).format(s=subject, v=verb))
            else:
                sentences.append(f"{subject} {verb} {rng.choice(OBJECTS)}.")
        paragraph = " ".join(sentences)
        if rng.random() < 0.08:
            paragraph = rng.choice(FURNITURE)
        parts.append(paragraph)
        total += len(paragraph) + 2
    return "\n\n".join(parts)


def bench_throughput(size: int, runs: int) -> None:
    measure_throughput("generated news", news_text(size), runs)
    scraped = "\n\n".join(p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt")))
    if scraped:
        measure_throughput("seed articles", scraped * max(1, size // len(scraped)), runs)


def measure_throughput(label: str, text: str, runs: int) -> None:
    print(f"[{label}]")
    megabytes = len(text.encode("utf-8")) / 1e6
    furniture = find_boilerplate(text)
    count = len(split_sentences(text, furniture))
    wall, cpu = median_seconds(lambda: split_sentences(text, furniture), runs)
    print(f"segmentation: {megabytes:.1f} MB, {count:,} sentences: "
          f"{megabytes / wall:.1f} MB/s wall, {megabytes / cpu:.1f} MB/s CPU (goal >= 1 MB/s)")  # fmt: skip
    wall, cpu = median_seconds(lambda: find_boilerplate(text), runs)
    print(f"boilerplate:  {megabytes:.1f} MB, {len(furniture):,} lines marked: "
          f"{megabytes / wall:.1f} MB/s wall, {megabytes / cpu:.1f} MB/s CPU")  # fmt: skip


def bench_articles(folder: Path, runs: int) -> None:
    body = news_text(5_000, seed=11)
    text_file = folder / "article.txt"
    text_file.write_text("Storm hits the coast\n\n" + body, encoding="utf-8")
    paragraphs = "".join(f"<p>{p}</p>\n" for p in body.split("\n\n"))
    page = (
        "<html><head><title>Storm hits the coast</title><script>var x = 1;</script></head>"
        f"<body><nav>Home | World</nav><article><h1>Storm hits the coast</h1>{paragraphs}"
        "</article><footer>© 2022 Example</footer></body></html>"
    )
    html_file = folder / "article.html"
    html_file.write_text(page, encoding="utf-8")
    words = len(body.split())
    for label, path in (("txt", text_file), ("html", html_file)):
        load_article(path)
        wall, cpu = median_seconds(lambda p=path: load_article(p), runs)
        print(f"load_article ({label}, ~{words} words): "
              f"{wall * 1000:.1f} ms wall, {cpu * 1000:.1f} ms CPU (median)")  # fmt: skip


def bench_large_file(folder: Path) -> None:
    path = folder / "large.txt"
    path.write_text(news_text(20_000_000, seed=3), encoding="utf-8")
    megabytes = path.stat().st_size / 1e6
    wall, cpu = median_seconds(lambda: load_article(path), 1)
    tracemalloc.start()
    load_article(path)
    peak = tracemalloc.get_traced_memory()[1] / 2**20
    tracemalloc.stop()
    print(f"load_article ({megabytes:.0f} MB text file): {wall:.2f} s wall, {cpu:.2f} s CPU, "
          f"peak Python memory {peak:.0f} MiB")  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="smaller inputs, fewer runs")
    args = parser.parse_args()
    runs = 3 if args.quick else 5
    bench_throughput(1_000_000 if args.quick else 5_000_000, runs)
    with tempfile.TemporaryDirectory() as folder:
        bench_articles(Path(folder), 5 if args.quick else 20)
        if not args.quick:
            bench_large_file(Path(folder))


if __name__ == "__main__":
    main()
