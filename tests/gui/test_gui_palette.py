"""The kind colours stay apart for colour-blind readers, and never read as a status."""

from __future__ import annotations

from itertools import combinations

import pytest
from PySide6.QtGui import QColor, QPalette

from core.model import KINDS
from gui.colour_vision import VISIONS, closest_pair, distance, simulate
from gui.palette import KIND_PATTERNS, STATUS_BADGES, Theme

#: ΔE (CIE76) every pair of kind fills keeps with each kind of vision; 10 is plainly
#: different side by side. The dark theme's fills are half-strength, hence the lower bar.
MIN_DISTANCE = {"light": 10.0, "dark": 6.0}


def _theme(dark: bool) -> Theme:
    palette = QPalette()
    base, text = ("#1e1e1e", "#e8e8e8") if dark else ("#ffffff", "#1d1d1d")
    palette.setColor(QPalette.ColorRole.Base, QColor(base))
    palette.setColor(QPalette.ColorRole.Window, QColor("#2b2b2b" if dark else "#efefef"))
    palette.setColor(QPalette.ColorRole.Text, QColor(text))
    return Theme.from_palette(palette)


def test_the_simulation_collapses_red_and_green_for_deuteranopes():
    """The check below is only as good as the simulation: red and green must come close."""
    assert distance("#d62728", "#2ca02c") > 60
    assert distance("#d62728", "#2ca02c", "deuteranopia") < distance("#d62728", "#2ca02c") / 2
    assert simulate("#808080", "protanopia") == pytest.approx(simulate("#808080", "normal"), abs=0.01)
    # The old Number and Attribution tints were among the pairs this catches.
    old = {"number": "#f2cfb3", "attribution": "#f8e2b3", "date": "#b3d5e8", "wording": "#cce9f8"}
    assert closest_pair(old, "deuteranopia")[0] < MIN_DISTANCE["light"]


@pytest.mark.parametrize("mode", ["light", "dark"])
@pytest.mark.parametrize("vision", VISIONS)
def test_kind_fills_are_pairwise_distinct(qapp, mode, vision):
    theme = _theme(mode == "dark")
    fills = {kind: theme.kind_tint(kind).name() for kind in KINDS}
    gap, first, second = closest_pair(fills, vision)
    assert gap >= MIN_DISTANCE[mode], f"{first} and {second} are {gap:.1f} apart ({vision})"


@pytest.mark.parametrize("mode", ["light", "dark"])
@pytest.mark.parametrize("vision", VISIONS)
def test_kind_fills_stand_apart_from_status_and_plain_text(qapp, mode, vision):
    theme = _theme(mode == "dark")
    others = {name: colour.name() for name, colour in theme.status_colours().items()}
    others |= {"base": theme.base.name(), "unmatched shading": theme.unaligned_shade().name()}
    for kind in KINDS:
        fill = theme.kind_tint(kind).name()
        for name, colour in others.items():
            gap = distance(fill, colour, vision)
            assert gap >= MIN_DISTANCE[mode], f"{kind} vs {name}: {gap:.1f} ({vision})"


def test_kinds_and_statuses_have_marks_besides_colour():
    assert set(KIND_PATTERNS) == set(KINDS)
    assert len(set(KIND_PATTERNS.values())) == len(KINDS)
    badges = [STATUS_BADGES[s] for s in ("confirmed", "follow-up")]
    assert all(badges) and len(set(badges)) == 2


def test_kind_lines_are_visible_on_the_page(qapp):
    for dark in (False, True):
        theme = _theme(dark)
        for kind in KINDS:
            assert distance(theme.kind_line(kind).name(), theme.base.name()) > 25, kind


def test_no_two_kind_fills_coincide_in_any_pair_of_themes(qapp):
    light, dark = _theme(False), _theme(True)
    for a, b in combinations(KINDS, 2):
        assert light.kind_tint(a) != light.kind_tint(b)
        assert dark.kind_tint(a) != dark.kind_tint(b)
