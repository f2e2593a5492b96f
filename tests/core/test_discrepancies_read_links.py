"""Faint claim links are drawn for the reader; the finders read only surer ones."""

from __future__ import annotations

import json
from pathlib import Path

from finder_sides import link, side

from core.discrepancies import candidate_flags
from core.discrepancies.find import READ_EVIDENCE
from core.facts import extract_facts
from core.model import Article

A = (
    "Harbour storm\n\nThe storm reached the harbour town on Monday night. "
    "Rescue crews said 40 people had died by the morning."
)
B = (
    "Storm hits harbour town\n\nThe storm came ashore at the harbour town on Monday night. "
    "By morning 45 people had died, the rescue crews said."
)


def _figure_flag(*scores: float):
    """The toll conflict, with claim links of these probabilities: the first between
    the two leads, the second (if given) between the two toll sentences."""
    a, b = Article(A), Article(B)
    sa, sb = side(A), side(B)
    links = [link(sa, sb, 1, 1, scores[0])]
    if len(scores) > 1:
        links.append(link(sa, sb, 2, 2, scores[1]))
    found = candidate_flags(a, b, links, extract_facts(a), extract_facts(b))
    [flag] = [f for f in found.flags if f.kind == "number"]
    return flag


def test_a_faint_link_does_not_hold_a_flag():
    """A link below the read threshold neither shows the flag with its sentences nor
    keeps the figure from being shown with its clause; a surer link does."""
    faint = _figure_flag(0.2, READ_EVIDENCE - 0.03)
    read = _figure_flag(0.2, READ_EVIDENCE + 0.05)
    assert faint.alignment is None
    assert read.alignment == 1


def test_a_flag_indexes_every_drawn_link_though_the_finders_skip_faint_ones():
    flag = _figure_flag(READ_EVIDENCE - 0.03, 0.3)
    assert flag.alignment == 1  # the second link drawn, not the first one read


def test_the_finders_read_from_the_link_models_read_threshold():
    model = json.loads(
        (Path(__file__).parents[2] / "core/matchers/link_model.json").read_text(encoding="utf-8")
    )
    assert READ_EVIDENCE == model["read_threshold"] > model["related_threshold"]


def test_an_event_table_reads_a_stored_comparisons_links_as_its_finders_do():
    from core.events.fact_table.build import _aligned

    sa, sb = side(A), side(B)

    def aligned(score: float) -> set[tuple[int, int]]:
        return _aligned([sa, sb], [7, 9], 0, 1, {(7, 9): (link(sa, sb, 2, 2, score),)})

    assert aligned(READ_EVIDENCE - 0.03) == set()
    assert aligned(READ_EVIDENCE + 0.05) == {(2, 2)}
