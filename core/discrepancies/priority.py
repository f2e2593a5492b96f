"""Which one-sided facts the reading budget shows first, learned from annotated events.

Most candidates the budget chooses between are omissions (a fact one article
has and the other lacks), and their hand-set weights (a figure before a
quotation before a claim) say little about which of them a fact-checker wants:
on the held-out events 40 % of the medium ones were listed, and between 3 % and
28 % of each low one. What tells them apart is what the sentence holds: how
much it says, figures, names, a quotation, words the other article
never uses. A logistic model over those, and the hand weight,
(``omission_priority.json``, fitted by ``benchmarks/tune_priority.py`` with
events held out in folds) orders the omissions among themselves. Each keeps a
place of the hand-set order, so a credit, a quotation or a figure set against
another never moves: only which omission fills an omission's place changes
(docs/discrepancies.md).
"""

from __future__ import annotations

import json
import math
import re
from functools import cache
from pathlib import Path
from typing import NamedTuple

from core.discrepancies.flag import Flag
from core.discrepancies.omissions import vocabulary_of
from core.discrepancies.text import is_function_word, stem, words

MODEL_FILE = Path(__file__).with_name("omission_priority.json")
FEATURES = ("weight", "words", "figure", "names", "quoted", "novel")
_FIGURE = re.compile(r"\d")
_QUOTE_MARKS = re.compile("[\"“”]")


def omission_features(f: Flag, texts: tuple[str, str]) -> tuple[float, ...]:
    """The model's reading of one omission, in the order of ``FEATURES``."""
    side, span = (0, f.a) if f.a is not None else (1, f.b)
    text = texts[side]
    if span is None or not text:
        return (f.weight, 0.0, 0.0, 0.0, 0.0, 0.0)
    said = text[span[0] : span[1]]
    tokens = words(text, *span)
    content = [stem(w) for w, _, _ in tokens if len(w) > 2 and not is_function_word(w)]
    other_text = texts[1 - side]
    other = vocabulary_of(other_text, ((0, len(other_text)),))
    return (
        f.weight,
        math.log1p(len(tokens)),
        1.0 if _FIGURE.search(said) else 0.0,
        math.log1p(sum(1 for w, _, _ in tokens[1:] if w[:1].isupper())),
        1.0 if _QUOTE_MARKS.search(said) else 0.0,
        sum(1 for c in content if c not in other) / len(content) if content else 0.0,
    )


class PriorityModel(NamedTuple):
    """A fitted logistic model: one weight per entry of ``FEATURES``, and a bias."""

    weights: tuple[float, ...]
    bias: float


@cache
def shipped_model() -> PriorityModel:
    data = json.loads(MODEL_FILE.read_text(encoding="utf-8"))
    if tuple(data["features"]) != FEATURES:
        raise ValueError(f"{MODEL_FILE.name} was fitted on other features")
    return PriorityModel(tuple(data["weights"]), float(data["bias"]))


def priority(f: Flag, texts: tuple[str, str], model: PriorityModel | None = None) -> float:
    """How likely a fact-checker wants this omission shown, as log-odds."""
    weights, bias = model or shipped_model()
    return bias + sum(w * x for w, x in zip(weights, omission_features(f, texts), strict=True))


def omissions_by_priority(
    ordered: list[Flag], texts: tuple[str, str], model: PriorityModel | None = None
) -> list[Flag]:
    """``ordered`` with its omissions re-dealt, likeliest first, into the places omissions
    held; every other flag keeps its place. Without the texts nothing moves."""
    if not (texts[0] or texts[1]):
        return ordered
    places = [i for i, f in enumerate(ordered) if f.kind == "omission"]
    ranked = sorted((ordered[i] for i in places), key=lambda f: -priority(f, texts, model))
    out = list(ordered)
    for i, f in zip(places, ranked, strict=True):
        out[i] = f
    return out

