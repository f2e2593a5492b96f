"""The omission-priority model: what it reads, where it reorders, its file and its fit."""

from __future__ import annotations

import importlib.util
import json
import math
import sys
from pathlib import Path

import numpy as np
from hypothesis import given
from hypothesis import strategies as st

from core.discrepancies.flag import flag
from core.discrepancies.priority import (
    FEATURES,
    MODEL_FILE,
    PriorityModel,
    omission_features,
    omissions_by_priority,
    priority,
    shipped_model,
)
from core.discrepancies.ranking import budget, rank

ROOT = Path(__file__).resolve().parents[2]

A = (
    "The harbour board met on Monday. "
    "Officials said the storm had moved east. "
    "Ana Ruiz of the Westland Rescue Service said 412 homes lost power near Port Vell. "
    "Crews worked through the night."
)
B = "The harbour board met on Monday. Crews worked through the night after the storm moved east."


def _omission(text: str, sentence: str, weight: float = 0.5, severity: str = "low"):
    start = text.index(sentence)
    return flag("omission", f"only in A: {sentence}", (start, start + len(sentence)), None,
                severity=severity, weight=weight)


def _model(**weights: float) -> PriorityModel:
    return PriorityModel(tuple(weights.get(name, 0.0) for name in FEATURES), 0.0)


def test_features_read_what_the_sentence_holds():
    rich = _omission(A, "Ana Ruiz of the Westland Rescue Service said 412 homes lost power near Port Vell.")
    plain = _omission(A, "Officials said the storm had moved east.")
    got = dict(zip(FEATURES, omission_features(rich, (A, B)), strict=True))
    bare = dict(zip(FEATURES, omission_features(plain, (A, B)), strict=True))
    assert got["weight"] == 0.5
    assert got["figure"] == 1.0 and bare["figure"] == 0.0
    assert got["names"] > bare["names"] == 0.0  # capitals past the first word
    assert got["words"] > bare["words"]
    assert got["quoted"] == bare["quoted"] == 0.0
    assert got["novel"] > 0.8  # nearly all its words are new to B
    assert bare["novel"] < 0.5  # "storm", "moved", "east" are B's words too


def test_a_quotation_mark_is_read():
    text = A + ' "We will rebuild," the mayor said.'
    quoted = _omission(text, '"We will rebuild," the mayor said.')
    assert dict(zip(FEATURES, omission_features(quoted, (text, B)), strict=True))["quoted"] == 1.0


def test_omissions_are_redealt_into_their_own_places_only():
    plain = _omission(A, "Officials said the storm had moved east.", weight=0.6)
    rich = _omission(A, "Ana Ruiz of the Westland Rescue Service said 412 homes lost power near Port Vell.")
    other = flag("attribution", "credited differently", (0, 5), (0, 5), severity="low", weight=0.55)
    ordered = [plain, other, rich]
    out = omissions_by_priority(ordered, (A, B), _model(figure=2.0))
    assert out == [rich, other, plain]


def test_without_the_texts_the_hand_order_stands():
    plain = _omission(A, "Officials said the storm had moved east.", weight=0.6)
    rich = _omission(A, "Ana Ruiz of the Westland Rescue Service said 412 homes lost power near Port Vell.")
    assert omissions_by_priority([plain, rich], ("", ""), _model(figure=2.0)) == [plain, rich]


def test_the_budget_keeps_the_likelier_omission():
    """Five words leave room for the minimum budget; with more omissions than that, the
    one the model prefers survives though its hand weight is lower."""
    sentences = [s + "." for s in A.rstrip(".").split(". ")]
    fillers = [_omission(A, s, weight=0.6) for s in sentences if "412" not in s]
    rich = _omission(A, sentences[2], weight=0.3)
    extra = [flag("wording", f"reworded {i}", (i, i + 1), (i, i + 1), severity="low", weight=0.9)
             for i in range(budget(10) - 1)]
    flags = [*fillers, rich, *extra]
    hand = rank(flags, 10, True, (A, B), _model())
    learned = rank(flags, 10, True, (A, B), _model(figure=3.0))
    assert rich not in hand
    assert rich in learned
    assert len(learned) == len(hand) == budget(10)


def test_shipped_model_reads_every_feature_and_says_what_it_gained():
    data = json.loads(MODEL_FILE.read_text(encoding="utf-8"))
    assert tuple(data["features"]) == FEATURES
    model = shipped_model()
    assert len(model.weights) == len(FEATURES)
    assert all(math.isfinite(w) for w in (*model.weights, model.bias))
    held = data["held_out"]
    assert held["model"]["found"] > held["hand_order"]["found"]
    assert held["model"]["traps"] <= held["hand_order"]["traps"]
    # a figure, more words and words the other article lacks all raise the priority
    for name in ("figure", "words", "novel"):
        assert model.weights[FEATURES.index(name)] > 0


@given(st.text(max_size=200), st.integers(0, 200), st.integers(0, 200))
def test_features_of_any_span_are_finite(text: str, start: int, length: int):
    start = min(start, len(text))
    end = min(len(text), start + length)
    f = flag("omission", "only in B", None, (start, end), severity="low", weight=0.4)
    values = omission_features(f, ("other article", text))
    assert len(values) == len(FEATURES)
    assert all(math.isfinite(v) for v in values)
    assert math.isfinite(priority(f, ("other article", text)))


def _tune_priority():
    sys.path.insert(0, str(ROOT / "benchmarks"))
    spec = importlib.util.spec_from_file_location("tune_priority", ROOT / "benchmarks/tune_priority.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_fit_learns_which_omissions_were_listed():
    tune = _tune_priority()
    listed = _omission(A, "Ana Ruiz of the Westland Rescue Service said 412 homes lost power near Port Vell.")
    unlisted = _omission(A, "Officials said the storm had moved east.")
    pairs = [
        tune.PairFlags(f"event{i}", [listed, unlisted], (A, B), 40, [frozenset({0}), frozenset()],
                       [frozenset(), frozenset()])
        for i in range(6)
    ]
    rows, labels = tune.training_rows(pairs)
    assert rows.shape == (12, len(FEATURES))
    assert np.array_equal(labels, np.tile([1.0, 0.0], 6))
    model = tune.fitted(pairs)
    assert priority(listed, (A, B), model) > priority(unlisted, (A, B), model)
    assert tune.judge(pairs, model) == (6, 0)


def test_clear_caches_forgets_the_vocabularies():
    from core.compare import clear_caches
    from core.discrepancies.omissions import vocabulary_of

    rich = _omission(A, "Ana Ruiz of the Westland Rescue Service said 412 homes lost power near Port Vell.")
    omission_features(rich, (A, B))
    assert vocabulary_of.cache_info().currsize > 0
    clear_caches()
    assert vocabulary_of.cache_info().currsize == 0
