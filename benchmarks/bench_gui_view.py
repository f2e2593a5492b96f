"""How fast the comparison view opens a pair and follows a scroll.

Run: ``python benchmarks/bench_gui_view.py [--runs N]`` (headless by default:
``QT_QPA_PLATFORM=offscreen`` unless already set). Prints:

1. the two articles' sizes and the discrepancy / passage counts;
2. opening the pair in a 1400×900 ``ComparisonView`` — ``set_comparison``
   (text, highlights, bands, legend) plus the first full paint — cold (first
   pair in the process) and warm (median and worst of N re-opens, alternating
   two pairs so no cache is reused); the target is ≤ 200 ms;
3. scrolling pane A through the whole article in 40-pixel steps with scroll
   sync on: per step, the connector's paint alone, and the whole frame
   (scroll, sync of pane B, repaint of both panes and the connector).

The articles are ~1,500 words of real news text: the seed articles about one
event glued together when they sit next to the checkout, otherwise the demo
articles repeated with their figures varied.  Comparing them is not timed
here (see bench_compare.py); only the view is.
"""

from __future__ import annotations

import argparse
import os
import re
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication  # noqa: E402

from core.compare import compare  # noqa: E402
from core.ingest.load import article_from_text  # noqa: E402
from core.model import Article, Comparison  # noqa: E402
from gui.comparison_view import ComparisonView  # noqa: E402

SEEDS = ROOT.parent / "shared" / "seeds"
DEMO = ROOT / "resources" / "demo"
TARGET_WORDS = 1500


def _vary_numbers(text: str, salt: int) -> str:
    """Change every third figure so the copies disagree the way reports do."""
    count = 0

    def bump(match: re.Match[str]) -> str:
        nonlocal count
        count += 1
        return str(int(match.group()) + salt) if count % 3 == 0 else match.group()

    return re.sub(r"\b\d{2,4}\b", bump, text)


def _grow(texts: list[str], salt: int) -> str:
    parts, words, round_ = [], 0, 0
    while words < TARGET_WORDS:
        for text in texts:
            piece = _vary_numbers(text, salt + round_) if round_ else text
            parts.append(piece.strip())
            words += len(piece.split())
            if words >= TARGET_WORDS:
                break
        round_ += 1
    return "\n\n".join(parts) + "\n"


def articles() -> tuple[Article, Article, str]:
    seeds = sorted(SEEDS.glob("*.txt"))
    if len(seeds) >= 4:
        texts = [p.read_text(encoding="utf-8") for p in seeds]
        a_text = _grow(texts[0::2], 0)
        b_text = _grow(texts[1::2] + [_vary_numbers(texts[0], 3)], 7)
        origin = "seed articles"
    else:
        texts = [p.read_text(encoding="utf-8") for p in sorted(DEMO.glob("*.txt"))[:3]]
        a_text = _grow(texts, 0)
        b_text = _grow(texts[::-1], 5)
        origin = "demo articles, repeated"
    a = article_from_text(a_text, source="Bench A", published="2022-01-27")
    b = article_from_text(b_text, source="Bench B", published="2022-01-27")
    return a, b, origin


def open_ms(app: QApplication, view: ComparisonView, comparison: Comparison) -> float:
    start = time.perf_counter()
    view.set_comparison(comparison, comparison.discrepancies, {})
    app.processEvents()
    view.repaint()
    return (time.perf_counter() - start) * 1000


def scroll_figures(app: QApplication, view: ComparisonView) -> tuple[list[float], list[float]]:
    bar = view.pane_a.scroll_bar()
    connector_ms, frame_ms = [], []
    for value in range(0, bar.maximum() + 1, 40):
        start = time.perf_counter()
        bar.setValue(value)
        view.pane_a.text.viewport().repaint()
        view.pane_b.text.viewport().repaint()
        paint_start = time.perf_counter()
        view.connector.repaint()
        end = time.perf_counter()
        connector_ms.append((end - paint_start) * 1000)
        frame_ms.append((end - start) * 1000)
        app.processEvents()
    return connector_ms, frame_ms


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()

    app = QApplication.instance() or QApplication(sys.argv[:1])
    a, b, origin = articles()
    start = time.perf_counter()
    first = compare(a, b)
    compare_ms = (time.perf_counter() - start) * 1000
    second = compare(b, a)
    words = (len(a.text.split()), len(b.text.split()))
    print(f"articles: {words[0]:,} and {words[1]:,} words ({origin})")
    print(
        f"comparison: {len(first.alignments)} aligned passages, "
        f"{len(first.discrepancies)} discrepancies, {len(first.unaligned_a) + len(first.unaligned_b)} "
        f"unaligned sentences (compare itself: {compare_ms:.0f} ms, not part of the figures below)"
    )

    view = ComparisonView()
    view.resize(1400, 900)
    view.show()
    app.processEvents()

    cold = open_ms(app, view, first)
    warm = [open_ms(app, view, second if i % 2 == 0 else first) for i in range(args.runs)]
    print(f"open pair (set_comparison + first paint), cold: {cold:.1f} ms")
    print(
        f"open pair, warm: median {statistics.median(warm):.1f} ms, "
        f"worst {max(warm):.1f} ms over {len(warm)} runs (target ≤ 200 ms)"
    )

    view.set_comparison(first, first.discrepancies, {})
    app.processEvents()
    connector_ms, frame_ms = scroll_figures(app, view)
    bands = len(view.connector.visible_bands())
    print(
        f"scroll ({len(frame_ms)} steps of 40 px, sync on, ~{bands} bands on screen at the end): "
        f"connector paint median {statistics.median(connector_ms):.2f} ms, "
        f"worst {max(connector_ms):.2f} ms"
    )
    print(
        f"scroll frame (scroll + sync + both panes + connector): "
        f"median {statistics.median(frame_ms):.1f} ms, worst {max(frame_ms):.1f} ms"
    )


if __name__ == "__main__":
    main()
