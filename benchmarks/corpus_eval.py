"""Score the engine in-process against a gold file, the way ``score.py`` does.

``score.py`` runs one ``factdiff`` process per pair, which is right for a
verdict but slow for tuning: this runs the same matching rules (imported from
the scorer given with ``--scorer``) on ``compare()`` called directly, and can
print figures per event, per kind, before the flag budget, and every miss.

    python benchmarks/corpus_eval.py GOLD.json --articles DIR --scorer score.py [-v]
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import sys
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from core.compare import compare  # noqa: E402
from core.comparison_format import comparison_to_dict  # noqa: E402
from core.ingest.load import load_article  # noqa: E402


def load_scorer(path: str):
    spec = importlib.util.spec_from_file_location("gold_scorer", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def score_pair(
    sc, doc: dict, gold: dict, verbose: bool, tag: str, why: bool = False
) -> dict:
    """Counts for one pair, by the scorer's own matching rules."""
    norm, spans_text = sc.norm, sc.spans_text
    text_a, text_b = doc["a"]["text"], doc["b"]["text"]
    aligned = [
        (norm(spans_text(text_a, x["a"])), norm(spans_text(text_b, x["b"])))
        for x in doc["alignments"]
    ]
    out = defaultdict(int)
    out["words"] = len(text_a.split()) + len(text_b.split())
    for ga, gb in gold.get("align", []):
        ok = any(
            norm(ga) in fa
            and norm(gb) in fb
            and len(fa) <= max(500, 4 * len(ga))
            and len(fb) <= max(500, 4 * len(gb))
            for fa, fb in aligned
        )
        out["align_n"] += 1
        out["align_hit"] += ok
        if verbose and not ok:
            print(f"  MISS align {tag}: {ga[:60]!r} ~ {gb[:60]!r}")
    discs = doc["discrepancies"]
    out["flags"] = len(discs)

    def matches(g, d):
        ca = norm((d.get("a") or {}).get("text") or "")
        cb = norm((d.get("b") or {}).get("text") or "")
        sa = sc.overlaps(g["a"], ca, sc.side_text(doc, "a", d)) if g["a"] else True
        sb = sc.overlaps(g["b"], cb, sc.side_text(doc, "b", d)) if g["b"] else True
        return sa and sb

    for g in gold.get("must_not_flag", []):
        out["traps"] += 1
        kinds = g.get("kinds", ["number", "date", "entity", "attribution"])
        for d in discs:
            if d.get("kind") in kinds and matches(g, d):
                out["false"] += 1
                if verbose:
                    print(
                        f"  FALSE {d['kind']} {tag}: {g['a'][:50]!r} vs {g['b'][:50]!r}"
                        f" <- {d['summary'][:80]!r}"
                    )
                break
    for g in gold.get("discrepancies", []):
        ok = any(d.get("kind") in g["kinds"] and matches(g, d) for d in discs)
        out["disc_n"] += 1
        out["disc_hit"] += ok
        out[f"kind_n:{g['kinds'][0]}"] += 1
        out[f"kind_hit:{g['kinds'][0]}"] += ok
        if verbose and not ok:
            print(f"  MISS {g['kinds'][0]} {tag}: {g['a'][:60]!r} vs {g['b'][:60]!r}")
            if why:
                explain_miss(sc, doc, g)
    return out


def explain_miss(sc, doc: dict, g: dict) -> None:
    """What the engine did say near a missed item: flags touching either side's words."""
    for d in doc["discrepancies"]:
        near = [
            side
            for side in ("a", "b")
            if g[side] and d.get(side) and sc.norm(g[side])[:25] in sc.side_text(doc, side, d)
        ]
        if near:
            a = ((d.get("a") or {}).get("text") or "")[:40]
            b = ((d.get("b") or {}).get("text") or "")[:40]
            print(f"      near({''.join(near)}) {d['kind']}: {a!r} | {b!r} <- {d['summary'][:70]!r}")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("gold")
    ap.add_argument("--articles", required=True)
    ap.add_argument("--scorer", required=True)
    ap.add_argument("-v", "--verbose", action="store_true")
    ap.add_argument("--event", default="")
    ap.add_argument("--why", action="store_true", help="with -v: the flags near each miss")
    ap.add_argument("--no-budget", action="store_true", help="figures before the flag budget")
    o = ap.parse_args()
    sc = load_scorer(o.scorer)
    gold = json.loads(Path(o.gold).read_text())
    base = Path(o.articles)
    total: dict[str, int] = defaultdict(int)
    per_event: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for pair in gold["pairs"]:
        event = pair["a"].split("/")[0]
        if o.event and o.event not in event:
            continue
        a, b = load_article(base / pair["a"]), load_article(base / pair["b"])
        doc = comparison_to_dict(compare(a, b, capped=not o.no_budget))
        doc = json.loads(json.dumps(doc))
        tag = f"{Path(pair['a']).stem[:10]}-{Path(pair['b']).stem[:10]}"
        counts = score_pair(sc, doc, pair, o.verbose, tag, o.why)
        for k, v in counts.items():
            total[k] += v
            per_event[event][k] += v
    for event, c in per_event.items():
        print(
            f"{event[:34]:34} align {c['align_hit']:3}/{c['align_n']:<3} "
            f"disc {c['disc_hit']:3}/{c['disc_n']:<3} false {c['false']} flags {c['flags']}"
        )
    kinds = sorted(
        {k.split(":")[1] for k in total if k.startswith("kind_n:")},
        key=lambda k: (-total[f"kind_n:{k}"], k),
    )
    print(
        "by kind: "
        + "  ".join(f"{k} {total[f'kind_hit:{k}']}/{total[f'kind_n:{k}']}" for k in kinds)
    )
    words = total["words"] or 1
    print(
        f"align {total['align_hit']}/{total['align_n']}={total['align_hit'] / max(1, total['align_n']):.2f}"
        f"  disc {total['disc_hit']}/{total['disc_n']}={total['disc_hit'] / max(1, total['disc_n']):.2f}"
        f"  traps {total['false']}/{total['traps']}  flags/1k {1000 * total['flags'] / words:.1f}"
    )


if __name__ == "__main__":
    main()
