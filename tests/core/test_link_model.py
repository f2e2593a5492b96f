"""The claim-link model: its terms, its file, and the fit that produces it."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path

import numpy as np
import pytest

from core.matchers.links import FEATURES, expand, load_model, term_names

ROOT = Path(__file__).resolve().parents[2]


def _tune_links():
    spec = importlib.util.spec_from_file_location("tune_links", ROOT / "benchmarks/tune_links.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("tune_links", module)
    spec.loader.exec_module(module)
    return module


def test_degree_two_adds_every_product_of_two_features_in_name_order():
    rows = np.arange(2 * len(FEATURES), dtype=float).reshape(2, len(FEATURES)) + 1.0
    terms = expand(rows, 2)
    names = term_names(2)
    assert terms.shape == (2, len(names))
    assert np.array_equal(terms[:, : len(FEATURES)], rows)
    column = names.index("word_cosine*numbers_shared")
    a, b = FEATURES.index("word_cosine"), FEATURES.index("numbers_shared")
    assert np.array_equal(terms[:, column], rows[:, a] * rows[:, b])
    assert names.index("char_cosine*char_cosine") > len(FEATURES)


def test_degree_one_is_the_features_themselves():
    rows = np.ones((3, len(FEATURES)))
    assert expand(rows, 1) is rows
    assert term_names(1) == FEATURES


def _model_file(tmp_path: Path, degree: int, names: tuple[str, ...]) -> Path:
    path = tmp_path / "model.json"
    raw = {
        "weights": {n: 0.0 for n in names},
        "bias": 0.0,
        "degree": degree,
        "related_threshold": 0.1,
        "sure_threshold": 0.4,
        "top_k": 3,
    }
    raw["weights"][names[-1]] = 1.0
    path.write_text(json.dumps(raw), encoding="utf-8")
    return path


def test_a_model_file_whose_terms_do_not_match_its_degree_is_refused(tmp_path):
    path = _model_file(tmp_path, 2, term_names(1))
    with pytest.raises(ValueError, match="do not match"):
        load_model.__wrapped__(path)


def test_a_degree_two_model_weighs_products(tmp_path):
    model = load_model.__wrapped__(_model_file(tmp_path, 2, term_names(2)))
    rows = np.zeros((2, len(FEATURES)))
    rows[1, -1] = 2.0  # the last product is the last feature squared: 4
    p = model.probabilities(rows)
    assert p[0] == pytest.approx(0.5)
    assert p[1] == pytest.approx(1 / (1 + np.exp(-4.0)))


def test_the_fit_learns_evidence_that_counts_only_together():
    """A shared figure says "same fact" when the words agree and "another fact"
    when they do not: a sum of separate weights cannot draw that line, products can."""
    rng = np.random.default_rng(1)
    x = rng.random((6000, len(FEATURES)))
    figures, words = x[:, 0] - 0.5, x[:, 1] - 0.5
    labels = (figures * words > 0).astype(float)
    tune = _tune_links()
    accuracy = {}
    for degree in (1, 2):
        weights, bias = tune.fit(x, labels, degree)
        guess = expand(x, degree) @ weights + bias > 0
        accuracy[degree] = float((guess == (labels > 0)).mean())
    assert accuracy[1] < 0.7
    assert accuracy[2] > 0.95


def test_a_share_of_the_negatives_keeps_the_probabilities_calibrated():
    rng = np.random.default_rng(2)
    x = rng.random((20000, len(FEATURES)))
    labels = (rng.random(20000) < 0.1).astype(float)  # one pair in ten, whatever it measures
    weights, bias = _tune_links().fit(x, labels, 1, negatives=0.3)
    mean = (1 / (1 + np.exp(-(x @ weights + bias)))).mean()
    assert mean == pytest.approx(0.1, abs=0.01)


def test_the_finders_read_links_from_the_model_files_evidence_thresholds():
    """A refit moves the probabilities; the fit states from which probability its
    links are right often enough to read as one claim, and the finders must agree."""
    from core.discrepancies import find, meaning_shifts, quoted_claims, renamings, rewordings

    evidence = json.loads((ROOT / "core/matchers/link_model.json").read_text())["evidence"]
    assert find.CLAIM_EVIDENCE == quoted_claims.QUOTE_LINK == evidence["claim"]
    assert meaning_shifts.MIN_LINK == rewordings.MIN_LINK == evidence["wording"]
    assert evidence["name"] == renamings.MIN_LINK


def test_a_sentence_counts_as_restated_from_the_link_models_sure_threshold():
    from core.discrepancies import find

    model = json.loads((ROOT / "core/matchers/link_model.json").read_text())
    assert model["sure_threshold"] == find.RESTATED_EVIDENCE


def test_evidence_thresholds_are_where_links_become_right_often_enough():
    probabilities = np.array([0.9, 0.8, 0.7, 0.6, 0.5, 0.4])
    labels = np.array([1, 1, 0, 1, 0, 0])
    found = _tune_links().evidence_thresholds(probabilities, labels, {"sure": 1.0, "most": 0.6})
    assert found == {"sure": 0.8, "most": 0.5}  # 2 of 2 right from 0.8, 3 of 5 from 0.5


def test_a_word_only_two_sentences_share_is_rare_even_in_two_briefs():
    """Under eight sentences between them, no idf clears the bar; the one figure two
    briefs share must still count as rare evidence of one claim."""
    from core.compare import compared_spans
    from core.matchers.align import pair_table
    from core.model import Article

    a = Article("Regatta\n\nThe harbour regatta drew 41,377 visitors. Rain held off.")
    b = Article("Regatta\n\nOrganisers counted 41,377 people on the quays. Boats sailed late.")
    table = pair_table(a.text, compared_spans(a), b.text, compared_spans(b))
    rare = table.features[:, FEATURES.index("rare_shared")]
    shared_figure = (table.ia == 1) & (table.ib == 1)
    assert rare[shared_figure][0] > 0
    assert rare[(table.ia == 2) & (table.ib == 2)][0] == 0


def test_products_are_weighed_as_the_expanded_terms_would_be():
    from core.matchers.links import LinkModel

    rng = np.random.default_rng(3)
    names = term_names(2)
    model = LinkModel(tuple(rng.normal(size=len(names))), -0.5, 0.1, 0.4, 3, 2)
    rows = rng.random((50, len(FEATURES)))
    logits = expand(rows, 2) @ np.asarray(model.weights) - 0.5
    assert np.allclose(model.probabilities(rows), 1 / (1 + np.exp(-np.clip(logits, -30, 30))))


@pytest.mark.parametrize("seed", range(6))
def test_chosen_links_are_each_sentences_best_partners_above_the_bar_ties_in_listed_order(seed):
    from core.matchers.links import choose_links

    rng = np.random.default_rng(seed)
    ia, ib = np.repeat(np.arange(7), 6), np.tile(np.arange(6), 7)
    probability = np.round(rng.random(len(ia)), 1)  # many ties
    model = load_model()._replace(top_k=2, related_threshold=0.3, sure_threshold=0.85)
    wanted = set()
    for k in range(len(ia)):
        for own in (ia, ib):
            peers = np.flatnonzero(own == own[k])
            ahead = [m for m in peers if (probability[m], -m) > (probability[k], -k)]
            if len(ahead) < model.top_k and probability[k] >= model.related_threshold:
                wanted.add(k)
        if probability[k] >= model.sure_threshold:
            wanted.add(k)
    chosen = choose_links(ia, ib, probability, model)
    assert chosen == [(int(ia[k]), int(ib[k]), float(probability[k])) for k in sorted(wanted)]
