"""Engine quality on real articles, the engine and the naive baseline side by side.

    python benchmarks/eval_table.py [--shared ../shared] [--quick]

For each gold set (the shared ten-event corpus, the seeds, and the events in
``benchmarks/corpus`` that were annotated before the engine saw them) this
runs the shared scorer (``eval/score.py``: one ``factdiff`` process per
pair, as users run it) on the engine and on ``eval/baseline.py`` in the same
run, and the in-process scorer (``corpus_eval.py``) for the engine's figures
before the flag budget and per event. It prints one Markdown table per set.
``--quick`` skips the per-event breakdown.
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable


def sets(shared: Path) -> list[tuple[str, Path, Path]]:
    found = [
        ("shared corpus (10 events)", shared / "corpus" / "gold.json", shared / "corpus"),
        ("seeds", shared / "seeds" / "gold.json", shared / "seeds"),
        (
            "benchmarks/corpus (annotated before the engine saw them)",
            ROOT / "benchmarks" / "corpus" / "gold.json",
            ROOT / "benchmarks" / "corpus",
        ),
    ]
    return [s for s in found if s[1].is_file()]


def score(scorer: Path, gold: Path, articles: Path, command: str) -> dict[str, str]:
    """Run the shared scorer and read its closing lines."""
    done = subprocess.run(
        [PYTHON, str(scorer), str(gold), "--factdiff", command, "--articles", str(articles),
         "--min-align", "0", "--min-disc", "0"],
        capture_output=True, text=True, cwd=ROOT, check=False,
    )  # fmt: skip
    out = done.stdout
    figures: dict[str, str] = {}
    if m := re.search(r"align recall (\d+)/(\d+)=([\d.]+)", out):
        figures["align"] = f"{m.group(1)}/{m.group(2)} = {m.group(3)}"
    if m := re.search(r"discrepancy recall (\d+)/(\d+)=([\d.]+)", out):
        figures["disc"] = f"{m.group(1)}/{m.group(2)} = {m.group(3)}"
    if m := re.search(r"recall by kind: (.*)", out):
        figures["kinds"] = m.group(1).strip()
    if m := re.search(r"events grouped exactly: (\d+/\d+)", out):
        figures["events"] = m.group(1)
    if m := re.search(r"must-not-flag traps raised: (\d+/\d+)", out):
        figures["traps"] = m.group(1)
    if m := re.search(r"flags/1k words ([\d.]+)", out):
        figures["density"] = m.group(1)
    if m := re.search(r"median compare (\d+) ms", out):
        figures["ms"] = m.group(1)
    if not figures:
        figures["error"] = (done.stderr.strip().splitlines() or ["no output"])[-1]
    return figures


def in_process(scorer: Path, gold: Path, articles: Path, capped: bool) -> list[str]:
    args = [PYTHON, str(ROOT / "benchmarks" / "corpus_eval.py"), str(gold),
            "--articles", str(articles), "--scorer", str(scorer)]  # fmt: skip
    if not capped:
        args.append("--no-budget")
    done = subprocess.run(args, capture_output=True, text=True, cwd=ROOT, check=False)
    return done.stdout.strip().splitlines()


def table(rows: list[tuple[str, dict[str, str]]]) -> str:
    keys = [
        ("aligned passages", "align"),
        ("discrepancies", "disc"),
        ("by kind", "kinds"),
        ("events grouped exactly", "events"),
        ("traps raised", "traps"),
        ("flags per 1,000 words", "density"),
        ("median compare, whole process (ms)", "ms"),
    ]
    head = "| | " + " | ".join(name for name, _ in rows) + " |"
    rule = "|---|" + "---|" * len(rows)
    lines = [head, rule]
    for label, key in keys:
        lines.append(f"| {label} | " + " | ".join(f.get(key, "—") for _, f in rows) + " |")
    return "\n".join(lines)


def before_budget(lines: list[str]) -> dict[str, str]:
    figures: dict[str, str] = {}
    for line in lines:
        if m := re.match(
            r"align (\d+/\d+)=([\d.]+)\s+disc (\d+/\d+)=([\d.]+)\s+traps (\S+)\s+flags/1k ([\d.]+)",
            line,
        ):
            figures.update(
                align=f"{m.group(1)} = {m.group(2)}",
                disc=f"{m.group(3)} = {m.group(4)}",
                traps=m.group(5),
                density=m.group(6),
            )
        elif line.startswith("by kind: "):
            figures["kinds"] = line.removeprefix("by kind: ")
    return figures


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--shared", default=str(ROOT.parent / "shared"))
    ap.add_argument("--quick", action="store_true")
    o = ap.parse_args()
    shared = Path(o.shared)
    scorer = shared / "eval" / "score.py"
    baseline = shared / "eval" / "baseline.py"
    if not scorer.is_file():
        print(f"eval: no scorer at {scorer} (pass --shared DIR)", file=sys.stderr)
        return 2
    factdiff = str(Path(PYTHON).parent / "factdiff")
    for name, gold, articles in sets(shared):
        engine = score(scorer, gold, articles, factdiff)
        naive = score(scorer, gold, articles, f"{PYTHON} {baseline}")
        uncapped = before_budget(in_process(scorer, gold, articles, capped=False))
        print(f"\n### {name}\n")
        print(
            table(
                [
                    ("engine", engine),
                    ("engine before the budget", uncapped),
                    ("naive baseline", naive),
                ]
            )
        )
        if not o.quick:
            print("\nper event (engine, after the budget):\n")
            print("```")
            for line in in_process(scorer, gold, articles, capped=True):
                if not line.startswith(("by kind", "align ")):
                    print(line)
            print("```")
    return 0


if __name__ == "__main__":
    sys.exit(main())
