"""Fit the claim-link model on annotated real articles, events held out in folds.

    python benchmarks/tune_links.py GOLD.json:ARTICLES_DIR [...] [--write]

Every gold alignment (two snippets that report the same fact) marks the
sentence pairs that contain its snippets as positives; every other sentence
pair of the two articles is a negative. The events are dealt into ``--folds``
folds (default 5; 0 holds out one event at a time); for each fold a logistic
model over the features and their pairwise products (``--degree 2``) is fitted
on the other events and its links are judged on the held-out ones, for a grid
of decision rules. The defaults are those of the shipped model. Recall comes
first — a missed pair hides every discrepancy in it — but a reader can only
weigh so many possible counterparts, so the rule kept is the one with the best
recall among those that draw at most ``--per-sentence`` links (default 2.1;
the window draws a weak link faint, as sure as its probability) per sentence
of the shorter article, over all held-out events (ties: the better F2). The
discrepancy finders read fewer: of the same partners, those from the threshold
with the best recall at ``--read-per-sentence`` (default 1.35: about one per
sentence, a little more since a lead packs several claims); it is written as
``read_threshold``, which ``core.discrepancies.find.READ_EVIDENCE`` must equal.
With ``--write`` the model fitted on every event, with the chosen rules and the
held-out figures, replaces ``core/matchers/link_model.json``.
"""

from __future__ import annotations

import argparse
import itertools
import json
import re
import sys
from dataclasses import dataclass
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from core.compare import compared_spans  # noqa: E402
from core.ingest.load import load_article  # noqa: E402
from core.matchers.align import pair_table  # noqa: E402
from core.matchers.links import (  # noqa: E402
    MODEL_FILE,
    LinkModel,
    choose_links,
    expand,
    term_names,
)

L2 = 1.0
GRID = {
    "top_k": (1, 2, 3),
    "related_threshold": (0.05, 0.06, 0.07, 0.08, 0.09, 0.1, 0.12, 0.15, 0.2, 0.25, 0.3),
    "sure_threshold": (0.4, 0.5, 0.6, 0.8),
}
#: How often a link must be right (held out) before the finders read it as one
#: claim: figures, credits, quotes and omissions; a change of wording; a name
#: swapped (docs/alignment.md). Set where the finders stood before the
#: second-degree model, whose probabilities differ.
EVIDENCE_PRECISION = {"claim": 0.54, "wording": 0.64, "name": 0.78}
_FOLD = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "–": "-", "—": "-"})


def norm(text: str) -> str:
    """The gold files' snippet normalisation: folded quotes and dashes, one space, lower case."""
    return re.sub(r"\s+", " ", text.translate(_FOLD)).strip().lower()


@dataclass
class PairData:
    event: str
    ia: np.ndarray
    ib: np.ndarray
    features: np.ndarray
    labels: np.ndarray
    gold: list[tuple[list[int], list[int]]]  # sentence indexes of each gold snippet pair


def locate(text: str, spans: list[tuple[int, int]], snippet: str) -> list[int]:
    """Indexes of the sentence (or run of up to four) holding the snippet."""
    wanted = norm(snippet)
    hits = [i for i, (s, e) in enumerate(spans) if wanted in norm(text[s:e])]
    if hits:
        return hits
    for i in range(len(spans)):
        for j in range(i + 1, min(i + 4, len(spans))):
            if wanted in norm(text[spans[i][0] : spans[j][1]]):
                return list(range(i, j + 1))
    return []


def load_pairs(sources: list[str]) -> list[PairData]:
    pairs: list[PairData] = []
    for source in sources:
        gold_path, articles = source.split(":", 1)
        gold = json.loads(Path(gold_path).read_text(encoding="utf-8"))
        for pair in gold["pairs"]:
            a = load_article(Path(articles) / pair["a"])
            b = load_article(Path(articles) / pair["b"])
            spans_a, spans_b = compared_spans(a), compared_spans(b)
            table = pair_table(a.text, spans_a, b.text, spans_b)
            labels = np.zeros(len(table.ia))
            located = []
            for snippet_a, snippet_b in pair.get("align", []):
                rows = locate(a.text, spans_a, snippet_a)
                cols = locate(b.text, spans_b, snippet_b)
                located.append((rows, cols))
                for i, j in itertools.product(rows, cols):
                    labels[i * len(spans_b) + j] = 1.0
            event = f"{Path(gold_path).parent.name}/{pair['a'].split('/')[0]}"
            pairs.append(PairData(event, table.ia, table.ib, table.features, labels, located))
    return pairs


def fit(
    features: np.ndarray, labels: np.ndarray, degree: int = 1, negatives: float = 1.0
) -> tuple[np.ndarray, float]:
    """L2-regularised logistic regression by Newton's method (the bias unpenalised).

    The terms are standardised for the fit, so one penalty suits features and
    products alike, and the weights are turned back to raw terms. With
    ``negatives`` below 1 only that share of the negative pairs is read (a fixed
    draw), each weighing 1/share, so the probabilities stay calibrated."""
    terms = expand(features, degree)
    keep = (labels > 0) | (np.random.default_rng(0).random(len(labels)) < negatives)
    terms, labels = terms[keep], labels[keep]
    weight = np.where(labels > 0, 1.0, 1.0 / negatives)
    mean, scale = terms.mean(axis=0), terms.std(axis=0) + 1e-9
    x = np.column_stack([(terms - mean) / scale, np.ones(len(terms))])
    w = np.zeros(x.shape[1])
    penalty = np.full(x.shape[1], L2)
    penalty[-1] = 0.0
    for _ in range(50):
        p = 1.0 / (1.0 + np.exp(-np.clip(x @ w, -30, 30)))
        gradient = x.T @ (weight * (p - labels)) + penalty * w
        hessian = (x * (weight * p * (1 - p))[:, None]).T @ x + np.diag(penalty + 1e-9)
        step = np.linalg.solve(hessian, gradient)
        w -= step
        if np.abs(step).max() < 1e-8:
            break
    raw = w[:-1] / scale
    return raw, float(w[-1] - raw @ mean)


def judge(
    pairs: list[PairData], models: dict[str, LinkModel], beta: float = 3.0
) -> dict[str, float]:
    """Recall of gold pairs, precision of links, links per article pair."""
    hit = total = links = correct = sentences = 0
    for pair in pairs:
        sentences += min(int(pair.ia.max()) + 1, int(pair.ib.max()) + 1) if len(pair.ia) else 0
        model = models[pair.event]
        chosen = choose_links(pair.ia, pair.ib, model.probabilities(pair.features), model)
        linked = {(i, j) for i, j, _ in chosen}
        links += len(linked)
        n_b = int(pair.ib.max()) + 1 if len(pair.ib) else 1
        correct += sum(pair.labels[i * n_b + j] > 0 for i, j in linked)
        for rows, cols in pair.gold:
            total += 1
            hit += any((i, j) in linked for i in rows for j in cols)
    recall = hit / total if total else 0.0
    precision = correct / links if links else 0.0
    b2 = beta * beta
    f = (1 + b2) * precision * recall / (b2 * precision + recall) if precision + recall else 0.0
    return {
        "recall": recall,
        "precision": precision,
        "f": f,
        "links_per_pair": links / max(1, len(pairs)),
        "links_per_sentence": links / max(1, sentences),
    }


def _read_rule(
    scored: list[tuple[dict[str, float], dict[str, float]]],
    drawn: dict[str, float],
    per_sentence: float,
) -> tuple[dict[str, float], dict[str, float]]:
    """The links the finders read: of the drawn rule's partners (its ``top_k`` and sure
    threshold), those from the related threshold that gives the best recall at no more
    than ``per_sentence`` links per sentence; the rest are drawn for the reader only."""
    same = [
        x
        for x in scored
        if x[1]["top_k"] == drawn["top_k"]
        and x[1]["sure_threshold"] == drawn["sure_threshold"]
        and x[1]["related_threshold"] >= drawn["related_threshold"]
    ]
    allowed = [x for x in same if x[0]["links_per_sentence"] <= per_sentence] or same
    return max(allowed, key=lambda x: (round(x[0]["recall"], 6), x[0]["f"]))


def model_with(
    weights: np.ndarray, bias: float, rule: dict[str, float], degree: int = 1
) -> LinkModel:
    return _model(weights, bias, degree)._replace(
        related_threshold=float(rule["related_threshold"]),
        sure_threshold=float(rule["sure_threshold"]),
        top_k=int(rule["top_k"]),
    )


def _model(weights: np.ndarray, bias: float, degree: int) -> LinkModel:
    """Fitted weights as a model, its decision rule left unset (for probabilities only)."""
    return LinkModel(tuple(float(w) for w in weights), bias, 1.0, 1.0, 0, degree)


def evidence_thresholds(
    probabilities: np.ndarray, labels: np.ndarray, levels: dict[str, float]
) -> dict[str, float]:
    """For each level, the lowest probability from which the links are right that often.

    The discrepancy finders read a link as "one claim" only when it is likely
    enough. Stated as held-out precision, not as a raw probability, that reading
    survives a refit: a new model's probabilities move, the share of right links
    it stands for does not."""
    order = np.argsort(-probabilities, kind="stable")
    right = np.cumsum(labels[order] > 0)
    precision = right / np.arange(1, len(order) + 1)
    found = {}
    for name, level in levels.items():
        ok = np.flatnonzero(precision >= level)
        found[name] = round(float(probabilities[order][ok[-1]]), 2) if len(ok) else 1.0
    return found


def folds_of(events: list[str], folds: int) -> dict[str, int]:
    """Each event's fold: its own (leave-one-event-out) or one of ``folds`` in turn."""
    if folds <= 0:
        return {e: i for i, e in enumerate(events)}
    return {e: i % folds for i, e in enumerate(events)}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("sources", nargs="+", help="GOLD.json:ARTICLES_DIR")
    ap.add_argument("--write", action="store_true", help="write core/matchers/link_model.json")
    ap.add_argument("--beta", type=float, default=2.0, help="weight of recall in the F score")
    ap.add_argument(
        "--per-sentence",
        type=float,
        default=2.1,
        help="most links drawn per sentence of the shorter article (faint ones included)",
    )
    ap.add_argument(
        "--read-per-sentence",
        type=float,
        default=1.35,
        help="most links per sentence the finders read (a lead packs several claims)",
    )
    ap.add_argument("--verbose", "-v", action="store_true", help="figures for every event")
    ap.add_argument(
        "--degree", type=int, default=2, choices=(1, 2), help="2: pairwise products too"
    )
    ap.add_argument(
        "--folds", type=int, default=5, help="events held out in this many folds (0: one by one)"
    )
    ap.add_argument(
        "--negatives", type=float, default=0.3, help="share of negative pairs read when fitting"
    )
    o = ap.parse_args()
    pairs = load_pairs(o.sources)
    events = sorted({p.event for p in pairs})
    fold = folds_of(events, o.folds)
    held_out: dict[int, tuple[np.ndarray, float]] = {}
    for k in sorted(set(fold.values())):
        train = [p for p in pairs if fold[p.event] != k]
        held_out[k] = fit(
            np.vstack([p.features for p in train]),
            np.concatenate([p.labels for p in train]),
            o.degree,
            o.negatives,
        )
    out_of_fold = np.concatenate(
        [_model(*held_out[fold[p.event]], o.degree).probabilities(p.features) for p in pairs]
    )
    evidence = evidence_thresholds(
        out_of_fold, np.concatenate([p.labels for p in pairs]), EVIDENCE_PRECISION
    )
    rules = [dict(zip(GRID, values, strict=True)) for values in itertools.product(*GRID.values())]
    scored = []
    for rule in rules:
        models = {e: model_with(*held_out[fold[e]], rule, o.degree) for e in events}
        scored.append((judge(pairs, models, o.beta), rule))
    allowed = [x for x in scored if x[0]["links_per_sentence"] <= o.per_sentence] or scored
    best_figures, best_rule = max(allowed, key=lambda x: (round(x[0]["recall"], 6), x[0]["f"]))
    read_figures, read_rule = _read_rule(scored, best_rule, o.read_per_sentence)
    held = f"{o.folds} folds of events" if o.folds > 0 else "leave-one-event-out"
    print(f"{len(events)} events, {len(pairs)} article pairs, {held}, degree {o.degree}:")
    for figures, rule in sorted(scored, key=lambda x: -x[0]["recall"])[:12]:
        print(
            f"  top_k {rule['top_k']} related {rule['related_threshold']:.2f} "
            f"sure {rule['sure_threshold']:.2f}: recall {figures['recall']:.3f} "
            f"links/sentence {figures['links_per_sentence']:.2f} "
            f"precision {figures['precision']:.3f} F{o.beta:g} {figures['f']:.3f} "
            f"links/pair {figures['links_per_pair']:.1f}"
        )
    print(
        f"chosen (best recall at ≤ {o.per_sentence:g} links per sentence): "
        f"{best_rule} -> {best_figures}"
    )
    print(
        f"read by the finders (best recall at ≤ {o.read_per_sentence:g} links per sentence, "
        f"the same partners): from {read_rule['related_threshold']} -> {read_figures}"
    )
    print(f"evidence thresholds (held-out precision {EVIDENCE_PRECISION}): {evidence}")
    per_event = {
        e: judge(
            [p for p in pairs if p.event == e],
            {e: model_with(*held_out[fold[e]], best_rule, o.degree)},
            o.beta,
        )
        for e in (events if o.verbose else [])
    }
    for e, f in per_event.items():
        print(f"  {e:60} recall {f['recall']:.2f} precision {f['precision']:.2f}")
    weights, bias = fit(
        np.vstack([p.features for p in pairs]),
        np.concatenate([p.labels for p in pairs]),
        o.degree,
        o.negatives,
    )
    if o.write:
        model = {
            "about": "Claim-link model fitted by benchmarks/tune_links.py; rules chosen on "
            f"{held}: links drawn, best recall at <= {o.per_sentence:g} links per sentence; "
            f"links the finders read, at <= {o.read_per_sentence:g} (see docs/alignment.md).",
            "events": len(events),
            "article_pairs": len(pairs),
            "held_out_by": held,
            "degree": o.degree,
            "negatives": o.negatives,
            "held_out": {k: round(v, 4) for k, v in best_figures.items()},
            "read_held_out": {k: round(v, 4) for k, v in read_figures.items()},
            "weights": {
                name: round(float(w), 7)
                for name, w in zip(term_names(o.degree), weights, strict=True)
            },
            "bias": round(bias, 5),
            **{k: best_rule[k] for k in ("related_threshold", "sure_threshold", "top_k")},
            "read_threshold": read_rule["related_threshold"],
            "evidence_precision": EVIDENCE_PRECISION,
            "evidence": evidence,
        }
        MODEL_FILE.write_text(json.dumps(model, indent=2) + "\n", encoding="utf-8")
        print(f"wrote {MODEL_FILE.name}")


if __name__ == "__main__":
    main()
