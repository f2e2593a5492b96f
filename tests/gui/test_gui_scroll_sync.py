"""Scroll sync: positions mapped through the alignment, toggleable, no feedback loop."""

from __future__ import annotations

import pytest

from core.model import Alignment, Article, Comparison
from gui.comparison_view import ComparisonView
from gui.scroll_sync import Anchor, flip, map_position, sync_fraction, target_scroll

ANCHORS = [Anchor(100, 200, 400, 600), Anchor(300, 400, 50, 150)]


def test_inside_a_passage_positions_interpolate_linearly():
    assert map_position(100, ANCHORS, 1000, 1000) == 400
    assert map_position(150, ANCHORS, 1000, 1000) == 500
    assert map_position(200, ANCHORS, 1000, 1000) == 600


def test_gaps_interpolate_between_neighbouring_passages():
    # 200 → 600 (end of first) … 300 → 50 (start of second): reordered, so it runs backwards.
    assert map_position(250, ANCHORS, 1000, 1000) == pytest.approx(325)


def test_document_ends_map_to_document_ends():
    assert map_position(0, ANCHORS, 1000, 800) == 0
    assert map_position(1000, ANCHORS, 1000, 800) == 800
    assert map_position(50, [], 100, 300) == 150


def test_flip_reverses_the_direction():
    flipped = flip(ANCHORS)
    assert flipped[0] == Anchor(50, 150, 300, 400)
    assert map_position(100, flipped, 1000, 1000) == 350


def test_sync_line_slides_to_the_edges_at_either_end():
    assert sync_fraction(0, 1000, 400) == 0
    assert sync_fraction(500, 1000, 400) == 0.5
    assert sync_fraction(1000, 1000, 400) == 1.0
    # Top of A ↔ top of B, end of A ↔ end of B.
    assert target_scroll(0, (1000, 400), (3000, 400), ANCHORS) == 0
    assert target_scroll(1000, (1000, 400), (3000, 400), ANCHORS) == 3000


# --- on a real view ---------------------------------------------------------


def _pair_with_extra_text(n: int = 40) -> Comparison:
    """B repeats A's sentences with long B-only paragraphs between some of them."""
    sentences = [
        f"Sentence {i} reports that {i * 3} boats were counted in harbour {i}." for i in range(n)
    ]
    filler = "This paragraph exists only in the second article and adds background. " * 4
    a_text, b_text = "", ""
    a_spans, b_spans, only_b = [], [], []
    for i, sentence in enumerate(sentences):
        a_text += ("\n\n" if a_text else "") + sentence
        a_spans.append((len(a_text) - len(sentence), len(a_text)))
        if i % 4 == 1:
            b_text += ("\n\n" if b_text else "") + filler
            only_b.append((len(b_text) - len(filler), len(b_text)))
        b_text += ("\n\n" if b_text else "") + sentence
        b_spans.append((len(b_text) - len(sentence), len(b_text)))
    alignments = tuple(Alignment((a,), (b,), 1.0) for a, b in zip(a_spans, b_spans, strict=True))
    return Comparison(
        Article(a_text, title="A"), Article(b_text, title="B"), 0.8, alignments, (), tuple(only_b)
    )


@pytest.fixture
def view(qtbot):
    widget = ComparisonView()
    qtbot.addWidget(widget)
    widget.resize(1000, 420)
    widget.show()
    qtbot.waitExposed(widget)
    widget.set_comparison(_pair_with_extra_text(), (), {})
    return widget


def _sync_line(pane) -> float:
    bar = pane.scroll_bar()
    return bar.value() + pane.viewport_height() * sync_fraction(
        bar.value(), bar.maximum(), bar.pageStep()
    )


@pytest.mark.parametrize("index", [12, 25, 33])
def test_scrolling_a_shows_the_partner_in_b(view, index):
    alignment = view.comparison().alignments[index]
    a_top, a_bottom = view.pane_a.span_y_range(alignment.a[0])
    view.pane_a.set_scroll_y((a_top + a_bottom) / 2 - view.pane_a.viewport_height() / 2)
    assert view.pane_a.is_span_visible(alignment.a[0])
    assert view.pane_b.is_span_visible(alignment.b[0])
    # Not by percentage: B is much longer, yet its partner sits on B's sync line.
    b_top, b_bottom = view.pane_b.span_y_range(alignment.b[0])
    assert b_top - 2 <= _sync_line(view.pane_b) <= b_bottom + 2


def test_scrolling_b_moves_a_back_without_a_loop(view):
    moves_a: list[int] = []
    moves_b: list[int] = []
    view.pane_a.scroll_bar().valueChanged.connect(moves_a.append)
    view.pane_b.scroll_bar().valueChanged.connect(moves_b.append)
    alignment = view.comparison().alignments[30]
    top, _ = view.pane_b.span_y_range(alignment.b[0])
    view.pane_b.set_scroll_y(top - 100)
    assert len(moves_b) == 1, "B moved once: A's follow-up did not push it again"
    assert len(moves_a) == 1
    assert view.pane_a.is_span_visible(alignment.a[0])
    assert view.pane_b.scroll_value() == int(round(top - 100))


def test_sync_can_be_switched_off_and_back_on(view):
    view.set_scroll_sync(False)
    assert not view.scroll_sync_enabled()
    view.pane_a.set_scroll_y(400)
    assert view.pane_b.scroll_value() == 0
    view.set_scroll_sync(True)
    assert view.pane_b.scroll_value() > 0, "switching on lines B up with A at once"


def test_clicking_a_sentence_lines_its_partner_up_level(view, qtbot):
    view.set_scroll_sync(False)
    alignment = view.comparison().alignments[20]
    top_a, _ = view.pane_a.span_y_range(alignment.a[0])
    view.pane_a.set_scroll_y(top_a - 80)
    view._on_click(0, alignment.a[0][0] + 3)
    top_b, _ = view.pane_b.span_y_range(alignment.b[0])
    on_screen_a = top_a - view.pane_a.scroll_value()
    on_screen_b = top_b - view.pane_b.scroll_value()
    assert on_screen_b == pytest.approx(on_screen_a, abs=1.5)
    assert view.pane_b.text.flash_active()
