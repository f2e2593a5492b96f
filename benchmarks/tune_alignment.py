"""Sweep the alignment threshold over hand-labelled article pairs and print precision/recall.

Run: ``python benchmarks/tune_alignment.py``. The labelled pairs are the demo
articles and, when present next to the checkout, the shared seed articles
(test data only — the engine never reads them). Each pair lists the sentence
pairs a careful reader says report the same thing (``REQUIRED``, counted for
recall) and looser restatements a reader would accept either way
(``ACCEPTABLE``, never counted as errors). Sentences are named by a substring.
Unrelated article pairs should produce (almost) no links at all.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from core.compare import compared_spans, headline_index  # noqa: E402
from core.ingest.load import article_from_text  # noqa: E402
from core.matchers.align import ALIGN_THRESHOLD, align  # noqa: E402

DEMO = ROOT / "resources" / "demo"
SEEDS = ROOT.parent / "shared" / "seeds"

Pair = tuple[str, str]

LABELLED: list[tuple[str, str, list[Pair], list[Pair]]] = [
    (
        "demo:harbor-ledger",
        "demo:coastal-wire",
        [
            ("Ferry fire off Vessmark", "Passengers evacuated after"),
            ("A fire broke out", "A fire broke out"),
            ("A fire broke out", "About 280 passengers"),
            ("Rescue boats reached", "Rescue boats reached"),
            ("Two crew members", "Two crew members"),
            ("The crew acted", "The crew acted"),
            ("The operator, Skerry", "Skerry Lines said the vessel"),
            ("It did not say", "It did not say"),
            ("Police said", "Police said"),
            ("Ferry services", "Ferry services"),
        ],
        [],
    ),
    (
        "seed:000",
        "seed:003",
        [
            ("remain calm and refrain", "stay calm and refrain"),
            ("The security of one country", "He noted that regional security"),
            ("The security of one country", "one country's security cannot"),
            ("Blinken responded", "Secretary Blinken underscored"),
            ("China also used the call", "The top priority at the moment"),
            ("Blinken calls out China", "Blinken huddles"),  # the headlines
        ],
        [
            ("Blinken responded", "Blinken expressed the need"),
            ("A senior Chinese diplomat", "stay calm and refrain"),
            ("A senior Chinese diplomat", "on Wednesday told U.S. Secretary"),
            ("remain calm and refrain", "on Wednesday told U.S. Secretary"),
            ("Wang also echoed", "one country's security cannot"),
        ],
    ),
    (
        "seed:000",
        "seed:002",
        [
            ("The security of one country", "In a nod to Moscow"),
            ("reasonable security concerns", "must be “taken seriously”"),
            ("Blinken responded", "According to the State Department"),
            ("China also used the call", "most urgent priority"),
            ("Blinken calls out China", "targeting Washington"),  # the headlines
        ],
        [
            ("China also used the call", "Wang also warned the U.S."),
            ("China also used the call", "stop playing with fire"),
            ("Wang also echoed", "thrown its political weight"),
            ("Wang also echoed", "must be “taken seriously”"),
            ("A senior Chinese diplomat", "Tens of thousands of Russian troops"),
        ],
    ),
    (
        "seed:002",
        "seed:003",
        [
            ("Secretary Blinken underlined", "Secretary Blinken underscored"),
            ("even expanding military blocs", "He noted that regional security"),
            ("most urgent priority", "The top priority at the moment"),
            ("targeting Washington", "Blinken huddles"),  # the headlines
        ],
        [
            ("stop playing with fire", "The top priority at the moment"),
            ("Wang also warned the U.S.", "The top priority at the moment"),
            ("must be “taken seriously”", "one country's security cannot"),
            ("In a nod to Moscow", "one country's security cannot"),
            ("In a conversation with US Secretary", "on Wednesday told U.S. Secretary"),
            ("thrown its political weight", "on Wednesday told U.S. Secretary"),
            ("Secretary Blinken underlined", "Blinken expressed the need"),
        ],
    ),
    ("demo:harbor-ledger", "demo:vessmark-budget", [], []),
    ("demo:coastal-wire", "demo:vessmark-budget", [], []),
]

# Different events (other calls, another story): every link here is suspect.
UNRELATED = [
    ("seed:000", "seed:001"),
    ("seed:000", "seed:004"),
    ("seed:002", "seed:004"),
    ("seed:003", "seed:001"),
    ("demo:harbor-ledger", "demo:vessmark-budget"),
    ("demo:coastal-wire", "demo:vessmark-budget"),
]

THRESHOLDS = [0.30, 0.34, 0.38, 0.40, 0.42, 0.44, 0.46, 0.48, 0.50, 0.54, 0.58]


def _spans(text: str) -> list[tuple[int, int]]:
    """The sentences compare() would align: ingest's boilerplate left out."""
    return compared_spans(article_from_text(text))


def _load(name: str) -> str | None:
    kind, stem = name.split(":")
    folder, pattern = (DEMO, f"{stem}.txt") if kind == "demo" else (SEEDS, f"{stem}_*.txt")
    matches = sorted(folder.glob(pattern))
    return matches[0].read_text(encoding="utf-8") if matches else None


def _indexes(text: str, spans: list[tuple[int, int]], needle: str) -> set[int]:
    """Every sentence containing the label (a lede may repeat a body sentence)."""
    found = {i for i, (s, e) in enumerate(spans) if needle in text[s:e]}
    if not found:
        raise SystemExit(f"label not found: {needle!r}")
    return found


def _pairs(text_a: str, spans_a, text_b: str, spans_b, x: str, y: str) -> set[tuple[int, int]]:
    return {(i, j) for i in _indexes(text_a, spans_a, x) for j in _indexes(text_b, spans_b, y)}


def _heads(text_a: str, spans_a, text_b: str, spans_b) -> tuple[int | None, int | None]:
    """Each article's headline, found as compare() finds it."""
    return headline_index(text_a, spans_a), headline_index(text_b, spans_b)


def evaluate(threshold: float) -> tuple[int, int, int, int]:
    """(correct links, predicted links, required pairs found, required pairs)."""
    correct = predicted = found = required = 0
    for name_a, name_b, must, may in LABELLED:
        text_a, text_b = _load(name_a), _load(name_b)
        if text_a is None or text_b is None:
            continue
        spans_a, spans_b = _spans(text_a), _spans(text_b)
        good: set[tuple[int, int]] = set()
        for x, y in must + may:
            good |= _pairs(text_a, spans_a, text_b, spans_b, x, y)
        result = align(
            text_a,
            spans_a,
            text_b,
            spans_b,
            threshold=threshold,
            headlines=_heads(text_a, spans_a, text_b, spans_b),
        )
        ids_a = {span: i for i, span in enumerate(spans_a)}
        ids_b = {span: i for i, span in enumerate(spans_b)}
        linked: set[tuple[int, int]] = set()
        for al in result.alignments:
            pairs = {(ids_a[x], ids_b[y]) for x in al.a for y in al.b}
            linked |= pairs
            predicted += 1
            correct += bool(pairs & good)
        for x, y in must:
            required += 1
            found += bool(_pairs(text_a, spans_a, text_b, spans_b, x, y) & linked)
    return correct, predicted, found, required


def unrelated_links(threshold: float) -> int:
    """Links made between articles about different events."""
    total = 0
    for name_a, name_b in UNRELATED:
        text_a, text_b = _load(name_a), _load(name_b)
        if text_a is None or text_b is None:
            continue
        spans_a, spans_b = _spans(text_a), _spans(text_b)
        heads = _heads(text_a, spans_a, text_b, spans_b)
        total += len(
            align(text_a, spans_a, text_b, spans_b, threshold=threshold, headlines=heads).alignments
        )
    return total


def main() -> None:
    print(f"{'threshold':>9}  {'precision':>9}  {'recall':>7}  {'links':>6}  unrelated links")
    for threshold in THRESHOLDS:
        correct, predicted, found, required = evaluate(threshold)
        precision = correct / predicted if predicted else 1.0
        recall = found / required if required else 1.0
        mark = "  <- current" if abs(threshold - ALIGN_THRESHOLD) < 1e-9 else ""
        print(
            f"{threshold:9.2f}  {precision:9.3f}  {recall:7.3f}  {correct:>2}/{predicted:<3}  "
            f"{unrelated_links(threshold):>6}{mark}"
        )


if __name__ == "__main__":
    main()
