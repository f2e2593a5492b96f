"""Connector geometry (pure functions, no painting) and the strip on a real view."""

from __future__ import annotations

import pytest

from core.model import Alignment, Article, Comparison, Discrepancy
from gui.comparison_view import ComparisonView
from gui.connector import (
    STUB_LENGTH,
    Band,
    Ends,
    band_ends,
    band_geometry,
    band_path,
    band_polygon,
    bands_cross,
)

VIEW = (0.0, 500.0)


def test_a_visible_band_keeps_its_ends():
    band = band_geometry((100, 140), (220, 250), VIEW, VIEW)
    assert band == Band(100, 140, 220, 250, 0, 0)
    assert band_ends(band, 64) == Ends(0, 100, 140, 64, 220, 250)


def test_an_end_above_the_view_becomes_a_stub_pointing_up():
    band = band_geometry((-300, -260), (40, 80), VIEW, VIEW)
    assert band is not None and (band.a_edge, band.b_edge) == (-1, 0)
    ends = band_ends(band, 64)
    # The stub hangs off B's side, reaches part-way across and bends upwards.
    assert ends.x1 == 64 and (ends.top1, ends.bottom1) == (40, 80)
    assert ends.x0 == pytest.approx(64 * (1 - STUB_LENGTH))
    assert (ends.top0 + ends.bottom0) / 2 < 60
    assert ends.bottom0 - ends.top0 < 80 - 40


def test_an_end_below_the_view_becomes_a_stub_pointing_down():
    band = band_geometry((40, 80), (900, 960), VIEW, (10.0, 480.0))
    assert band is not None and band.b_edge == 1
    ends = band_ends(band, 64)
    assert ends.x0 == 0 and (ends.top0, ends.bottom0) == (40, 80)
    assert ends.x1 == pytest.approx(64 * STUB_LENGTH)
    assert (ends.top1 + ends.bottom1) / 2 > 60
    xs = [x for x, _ in band_polygon(band, 64)]
    assert max(xs) == pytest.approx(64 * STUB_LENGTH), "a stub never spans the strip"


def test_a_partly_visible_end_is_kept_whole_for_the_painter_to_clip():
    band = band_geometry((-20, 30), (480, 540), VIEW, VIEW)
    assert band == Band(-20, 30, 480, 540, 0, 0)


@pytest.mark.parametrize(
    ("a", "b"),
    [((-300, -250), (-100, -60)), ((600, 640), (510, 530)), ((-300, -250), (700, 760))],
)
def test_bands_with_neither_end_in_view_are_culled(a, b):
    assert band_geometry(a, b, VIEW, VIEW) is None


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


def _swapped_neighbours(n: int = 24) -> Comparison:
    """B tells each pair of A's sentences the other way round: neighbouring bands cross."""
    sentences = [
        f"Item {i}: the council counted {i * 7} boats in harbour {i} on Monday." for i in range(n)
    ]

    def layout(order):
        text, spans = "", {}
        for i in order:
            if text:
                text += "\n\n"
            spans[i] = (len(text), len(text) + len(sentences[i]))
            text += sentences[i]
        return text, spans

    a_text, a_spans = layout(range(n))
    b_text, b_spans = layout([i ^ 1 for i in range(n)])
    alignments = tuple(Alignment((a_spans[i],), (b_spans[i],), 0.95) for i in range(n))
    a_at = a_text.index("21 boats")
    b_at = b_text.index("21 boats")
    disc = Discrepancy("d1", "number", "high", "21 vs 21", (a_at, a_at + 2), (b_at, b_at + 2), 3)
    return Comparison(
        Article(a_text, title="A"), Article(b_text, title="B"), 0.9, alignments, (), (), (disc,)
    )


@pytest.fixture
def view(qtbot):
    widget = ComparisonView()
    qtbot.addWidget(widget)
    widget.resize(1000, 500)
    widget.show()
    qtbot.waitExposed(widget)
    comparison = _swapped_neighbours()
    widget.set_comparison(comparison, comparison.discrepancies, {})
    return widget


def test_view_draws_crossing_bands_for_reordered_text(view):
    bands = [band for _, band in view.connector.visible_bands() if not (band.a_edge or band.b_edge)]
    assert len(bands) >= 4, "several passages are on screen on both sides"
    crossings = sum(bands_cross(x, y) for i, x in enumerate(bands) for y in bands[i + 1 :])
    assert crossings >= 2


def test_partners_scrolled_away_become_stubs_and_the_rest_is_culled(view):
    view.set_scroll_sync(False)
    view.pane_b.set_scroll_y(10_000)
    bands = view.connector.visible_bands()
    edges = {(band.a_edge, band.b_edge) for _, band in bands}
    # A shows the start, B the end: A's partners lie above B's view, B's below A's.
    assert edges == {(0, -1), (1, 0)}
    total = len(view.comparison().alignments)
    assert len(bands) < total, "passages seen in neither pane are culled"


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


def test_connector_paints_bands_over_its_background(view):
    image = view.connector.grab().toImage()
    background = view.connector.theme.window.rgb()
    middle = image.width() // 2
    painted = {image.pixel(middle, y) for y in range(image.height())} - {background}
    assert painted, "bands cross the middle of the strip"


def test_claim_links_are_drawn_but_never_steer_the_scroll_sync(qtbot):
    base = _swapped_neighbours()
    claim = Alignment(base.alignments[0].a, base.alignments[-1].b, 0.3, primary=False)
    comparison = Comparison(base.a, base.b, 0.9, (*base.alignments, claim), (), ())
    widget = ComparisonView()
    qtbot.addWidget(widget)
    widget.resize(1000, 500)
    widget.show()
    qtbot.waitExposed(widget)
    widget.set_comparison(comparison, (), {})
    geometry = widget.connector._geometry
    passages = geometry.passages()
    assert [p.primary for p in passages].count(False) == 1
    assert len(geometry.anchors()) == len(base.alignments), "anchors come from passages only"


def test_weak_claim_links_are_drawn_fainter():
    from gui.connector import claim_opacity

    assert claim_opacity(0.05) < claim_opacity(0.3) < claim_opacity(0.6) == 1.0
    assert claim_opacity(0.0) > 0
