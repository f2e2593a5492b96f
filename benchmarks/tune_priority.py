"""Fit the omission-priority model on annotated real articles, events held out in folds.

    python benchmarks/tune_priority.py [GOLD.json:ARTICLES_DIR ...] [--check GOLD.json:DIR]
                                       [--scorer score.py] [--folds 5] [--write]

Every pair is compared once before the reading budget; each omission flag it
raises is a positive when it points at a discrepancy the annotators listed (by
the scorer's own matching rules), a negative otherwise. The events are dealt
into ``--folds`` folds; for each fold the model is fitted on the other events
and the budget is applied to the held-out ones twice, in the hand-set order and
with the model, counting the listed discrepancies and the traps each keeps.
``--check`` sets (the shared corpus, the seeds) are judged with the model
fitted on every event, never fitted on. With ``--write`` that model and the
held-out figures replace ``core/discrepancies/omission_priority.json``.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import sys
from multiprocessing import Pool
from pathlib import Path
from typing import NamedTuple

import numpy as np

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE))

from tune_links import fit, folds_of  # noqa: E402

from core.compare import candidates, compare  # noqa: E402
from core.comparison_format import comparison_to_dict  # noqa: E402
from core.discrepancies.flag import Flag  # noqa: E402
from core.discrepancies.priority import (  # noqa: E402
    FEATURES,
    MODEL_FILE,
    PriorityModel,
    omission_features,
)
from core.discrepancies.ranking import rank  # noqa: E402
from core.ingest.load import load_article  # noqa: E402

HAND_ORDER = PriorityModel((0.0,) * len(FEATURES), 0.0)  # a stable sort keeps the hand order
_SCORER = HERE.parent.parent / "shared" / "eval" / "score.py"


class PairFlags(NamedTuple):
    event: str
    flags: list[Flag]
    texts: tuple[str, str]
    words: int
    listed: list[frozenset[int]]  # per flag: the listed discrepancies it finds
    traps: list[frozenset[int]]  # per flag: the traps it springs


def _scorer(path: str):
    spec = importlib.util.spec_from_file_location("gold_scorer", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _read_pair(job: tuple[str, str, dict]) -> PairFlags:
    scorer_path, base, pair = job
    sc = _scorer(scorer_path)
    a, b = load_article(Path(base) / pair["a"]), load_article(Path(base) / pair["b"])
    found = candidates(a, b)
    # the scorer reads the published form (each flag's text and alignment), so the pair
    # is also compared before the budget and every flag looked up there by its key
    doc = json.loads(json.dumps(comparison_to_dict(compare(a, b, capped=False))))

    def meets(item: dict, d: dict) -> bool:
        return all(
            sc.overlaps(item[s], sc.norm((d.get(s) or {}).get("text") or ""), sc.side_text(doc, s, d))
            for s in ("a", "b")
            if item[s]
        )

    by_key = {}
    for d in doc["discrepancies"]:
        key = (d["kind"], d["summary"], (d["a"] or {}).get("start"), (d["b"] or {}).get("start"))
        listed = [i for i, g in enumerate(pair["discrepancies"]) if d["kind"] in g["kinds"] and meets(g, d)]
        traps = [
            i
            for i, t in enumerate(pair.get("must_not_flag", []))
            if d["kind"] in t.get("kinds", ["number", "date", "entity", "attribution"]) and meets(t, d)
        ]
        by_key[key] = (frozenset(listed), frozenset(traps))
    none = (frozenset(), frozenset())
    marks = [
        by_key.get((f.kind, f.summary, f.a[0] if f.a else None, f.b[0] if f.b else None), none)
        for f in found.flags
    ]
    return PairFlags(
        pair["a"].split("/")[0],
        found.flags,
        found.texts,
        found.words,
        [m[0] for m in marks],
        [m[1] for m in marks],
    )


def load_pairs(sources: list[str], scorer: str, jobs: int) -> list[PairFlags]:
    work = []
    for source in sources:
        gold_path, _, base = source.partition(":")
        gold = json.loads(Path(gold_path).read_text(encoding="utf-8"))
        work += [(scorer, base, pair) for pair in gold["pairs"]]
    with Pool(jobs) as pool:
        return pool.map(_read_pair, work, chunksize=8)


def training_rows(pairs: list[PairFlags]) -> tuple[np.ndarray, np.ndarray]:
    rows, labels = [], []
    for p in pairs:
        for f, listed in zip(p.flags, p.listed, strict=True):
            if f.kind == "omission":
                rows.append(omission_features(f, p.texts))
                labels.append(1.0 if listed else 0.0)
    return np.array(rows), np.array(labels)


def judge(pairs: list[PairFlags], model: PriorityModel) -> tuple[int, int]:
    """Listed discrepancies found and traps sprung within the budget."""
    found = sprung = 0
    for p in pairs:
        kept = {id(f) for f in rank(p.flags, p.words, True, p.texts, model)}
        hits = [(li, tr) for f, li, tr in zip(p.flags, p.listed, p.traps, strict=True) if id(f) in kept]
        found += len(frozenset().union(*(li for li, _ in hits)))
        sprung += len(frozenset().union(*(tr for _, tr in hits)))
    return found, sprung


def fitted(pairs: list[PairFlags]) -> PriorityModel:
    weights, bias = fit(*training_rows(pairs))
    return PriorityModel(tuple(float(w) for w in weights), bias)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("sources", nargs="*", default=["benchmarks/corpus/gold.json:benchmarks/corpus"])
    ap.add_argument("--check", action="append", default=[], help="GOLD:DIR judged, never fitted on")
    ap.add_argument("--scorer", default=str(_SCORER))
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--write", action="store_true")
    o = ap.parse_args()
    pairs = load_pairs(o.sources, o.scorer, o.jobs)
    events = sorted({p.event for p in pairs})
    fold = folds_of(events, o.folds)
    totals = np.zeros(4, dtype=int)
    for k in sorted(set(fold.values())):
        held = [p for p in pairs if fold[p.event] == k]
        model = fitted([p for p in pairs if fold[p.event] != k])
        row = np.array([*judge(held, HAND_ORDER), *judge(held, model)])
        totals += row
        print(f"fold {k}: hand order {row[0]} found, {row[1]} traps; model {row[2]} found, {row[3]} traps")
    listed = sum(len(frozenset().union(*p.listed)) for p in pairs)
    print(
        f"held out ({len(events)} events, {len(pairs)} pairs): hand order {totals[0]} found, "
        f"{totals[1]} traps; model {totals[2]} found, {totals[3]} traps "
        f"(before the budget {listed} found)"
    )
    model = fitted(pairs)
    checks = {}
    for source in o.check:
        checked = load_pairs([source], o.scorer, o.jobs)
        hand, mine = judge(checked, HAND_ORDER), judge(checked, model)
        checks[source.split(":")[0]] = {"hand_order": hand, "model": mine}
        print(f"check {source}: hand order {hand[0]} found, {hand[1]} traps; model {mine[0]} found, {mine[1]} traps")
    if o.write:
        MODEL_FILE.write_text(
            json.dumps(
                {
                    "about": "Omission priority: logistic model over FEATURES "
                    "(core/discrepancies/priority.py), fitted by benchmarks/tune_priority.py.",
                    "features": list(FEATURES),
                    "weights": [round(w, 6) for w in model.weights],
                    "bias": round(model.bias, 6),
                    "fitted_on": {"events": len(events), "pairs": len(pairs)},
                    "held_out": {
                        "folds": o.folds,
                        "hand_order": {"found": int(totals[0]), "traps": int(totals[1])},
                        "model": {"found": int(totals[2]), "traps": int(totals[3])},
                    },
                },
                indent=1,
            )
            + "\n",
            encoding="utf-8",
        )
        print(f"wrote {MODEL_FILE}")


if __name__ == "__main__":
    main()
