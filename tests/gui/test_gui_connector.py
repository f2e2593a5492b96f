"""Connector geometry (pure functions, no painting) and the strip on a real view."""

from __future__ import annotations

import pytest

from core.model import Alignment, Article, Comparison, Discrepancy
from gui.comparison_view import ComparisonView
from gui.connector import STUB, Band, band_geometry, band_path, band_polygon, bands_cross

VIEW = (0.0, 500.0)


def test_a_visible_band_keeps_its_ends():
    band = band_geometry((100, 140), (220, 250), VIEW, VIEW)
    assert band == Band(100, 140, 220, 250, 0, 0)


def test_an_end_above_the_view_becomes_a_stub_at_the_top_edge():
    band = band_geometry((-300, -260), (40, 80), VIEW, VIEW)
    assert band is not None
    assert (band.a_top, band.a_bottom, band.a_edge) == (0, STUB, -1)
    assert (band.b_top, band.b_bottom, band.b_edge) == (40, 80, 0)


def test_an_end_below_the_view_becomes_a_stub_at_the_bottom_edge():
    band = band_geometry((40, 80), (900, 960), VIEW, (10.0, 480.0))
    assert band is not None
    assert (band.b_top, band.b_bottom, band.b_edge) == (480 - STUB, 480, 1)


def test_a_partly_visible_end_is_kept_whole_for_the_painter_to_clip():
    band = band_geometry((-20, 30), (480, 540), VIEW, VIEW)
    assert band == Band(-20, 30, 480, 540, 0, 0)


@pytest.mark.parametrize(
    ("a", "b"),
    [((-300, -250), (-100, -60)), ((600, 640), (510, 530))],
)
def test_bands_off_the_same_edge_are_culled(a, b):
    assert band_geometry(a, b, VIEW, VIEW) is None


def test_bands_off_opposite_edges_still_cross_the_strip():
    band = band_geometry((-300, -250), (700, 760), VIEW, VIEW)
    assert band is not None
    assert (band.a_edge, band.b_edge) == (-1, 1)


def test_polygon_runs_from_a_to_b_and_back():
    band = Band(100, 140, 220, 250)
    points = band_polygon(band, 60, steps=8)
    assert points[0] == (0, 100)
    assert points[8] == pytest.approx((60, 220))
    assert points[9] == pytest.approx((60, 250))
    assert points[-1] == (0, 140)
    # The Bézier top edge moves monotonically from A's height to B's.
    ys = [y for _, y in points[:9]]
    assert ys == sorted(ys)


def test_path_bounds_cover_both_ends():
    rect = band_path(Band(100, 140, 220, 250), 64).boundingRect()
    assert rect.left() == 0 and rect.right() == 64
    assert rect.top() == pytest.approx(100) and rect.bottom() == pytest.approx(250)


def test_reordered_passages_cross_and_ordered_ones_do_not():
    first = Band(10, 40, 300, 330)
    second = Band(60, 90, 20, 50)
    third = Band(120, 150, 400, 430)
    assert bands_cross(first, second)
    assert bands_cross(second, first)
    assert not bands_cross(first, third)
    polygon_first = band_path(first, 64)
    assert polygon_first.intersects(band_path(second, 64))


# --- on a real view ---------------------------------------------------------


def _swapped_halves(n: int = 20) -> Comparison:
    """B tells A's second half first: every band of one half crosses the other half."""
    sentences = [f"Item {i}: the council counted {i * 7} boats in harbour {i} on Monday." for i in range(n)]

    def layout(order):
        text, spans = "", {}
        for i in order:
            if text:
                text += "\n\n"
            spans[i] = (len(text), len(text) + len(sentences[i]))
            text += sentences[i]
        return text, spans

    a_text, a_spans = layout(range(n))
    b_text, b_spans = layout([*range(n // 2, n), *range(n // 2)])
    alignments = tuple(Alignment((a_spans[i],), (b_spans[i],), 0.95) for i in range(n))
    number = a_spans[3][0] + a_text[a_spans[3][0]:].index("21")
    b_number = b_spans[3][0] + b_text[b_spans[3][0]:].index("21")
    disc = Discrepancy("d1", "number", "high", "21 vs 21", (number, number + 2), (b_number, b_number + 2), 3)
    return Comparison(Article(a_text, title="A"), Article(b_text, title="B"), 0.9, alignments, (), (), (disc,))


@pytest.fixture
def view(qtbot):
    widget = ComparisonView()
    qtbot.addWidget(widget)
    widget.resize(1000, 500)
    widget.show()
    qtbot.waitExposed(widget)
    comparison = _swapped_halves()
    widget.set_comparison(comparison, comparison.discrepancies, {})
    return widget


def test_view_draws_crossing_bands_for_reordered_text(view):
    bands = view.connector.visible_bands()
    assert bands, "some passages are on screen"
    crossings = sum(bands_cross(x, y) for i, (_, x) in enumerate(bands) for _, y in bands[i + 1 :])
    assert crossings > 0


def test_offscreen_passages_are_stubs_or_culled(view):
    total = len(view.comparison().alignments)
    bands = view.connector.visible_bands()
    assert len(bands) < total, "passages off both edges are culled"
    assert any(band.a_edge or band.b_edge for _, band in bands), "partners off screen become stubs"


def test_geometry_is_cached_until_the_layout_changes(view, qtbot):
    geometry = view.connector._geometry
    first = geometry.passages()
    assert geometry.passages() is first
    view.pane_a.scroll_bar().setValue(120)
    assert geometry.passages() is first, "scrolling reuses the measured passages"
    view.resize(700, 500)
    qtbot.waitUntil(lambda: geometry.passages() is not first)
    assert len(geometry.passages()) == len(first)


def test_band_severity_and_current_follow_discrepancies(view):
    assert view.connector.severities() == {3: 3}
    view.show_discrepancy("d1")
    assert view.connector.current() == 3
    view.update_annotation("d1", type("A", (), {"status": "dismissed"})())
    assert view.connector.severities() == {}, "dismissed findings no longer colour their band"
    view.show_discrepancy(None)
    assert view.connector.current() is None


def test_connector_paints_without_error(view):
    image = view.connector.grab()
    assert not image.isNull()
    assert image.width() == view.connector.width()
