"""The 0–1 similarity figure: bounds, weighting, and same event vs different event."""

from __future__ import annotations

import pytest
from conftest import seed

from core.compare import compare
from core.ingest.load import load_article
from core.matchers.similarity import similarity
from core.model import Alignment


def test_nothing_to_compare_is_zero():
    assert similarity((), [], []) == 0.0
    assert similarity((), [(0, 10)], [(0, 12)]) == 0.0


def test_everything_aligned_perfectly_is_one():
    spans_a, spans_b = [(0, 10), (11, 30)], [(0, 10), (11, 30)]
    links = [Alignment((s,), (s,), 1.0) for s in spans_a]
    assert similarity(links, spans_a, spans_b) == pytest.approx(1.0)


def test_weighted_by_score_and_by_length():
    spans_a, spans_b = [(0, 10), (10, 40)], [(0, 10), (10, 40)]
    short = [Alignment(((0, 10),), ((0, 10),), 1.0)]
    long = [Alignment(((10, 40),), ((10, 40),), 1.0)]
    assert similarity(short, spans_a, spans_b) == pytest.approx(0.25)
    assert similarity(long, spans_a, spans_b) == pytest.approx(0.75)
    loose = [Alignment(((10, 40),), ((10, 40),), 0.5)]
    assert similarity(loose, spans_a, spans_b) == pytest.approx(0.375)


def test_is_symmetric_in_its_inputs():
    links = [Alignment(((0, 20),), ((5, 15),), 0.8)]
    swapped = [Alignment(((5, 15),), ((0, 20),), 0.8)]
    assert similarity(links, [(0, 20), (21, 50)], [(5, 15)]) == pytest.approx(
        similarity(swapped, [(5, 15)], [(0, 20), (21, 50)])
    )


def test_out_of_range_scores_are_clamped():
    links = [Alignment(((0, 10),), ((0, 10),), 7.0)]
    assert similarity(links, [(0, 10)], [(0, 10)]) == 1.0


def _sim(x: str, y: str) -> float:
    return compare(load_article(seed(x)), load_article(seed(y))).similarity


def test_same_call_scores_clearly_higher_than_a_different_call():
    different = _sim("000", "001")
    same = min(_sim("000", "002"), _sim("000", "003"))
    assert same > 2 * different
    assert 0.0 <= different < same <= 1.0


def test_an_article_compared_with_itself_is_one():
    article = load_article(seed("000"))
    assert compare(article, article).similarity == pytest.approx(1.0, abs=1e-3)
