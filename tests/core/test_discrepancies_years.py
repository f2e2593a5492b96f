"""One claim dated to different years in linked sentences."""

from __future__ import annotations

import pytest
from finder_sides import side

from core.discrepancies.year_conflicts import year_conflicts

MOVED = (
    "Harbour news.\n\nSince 2009 the harbour board has charged a fee for moorings.",
    "Harbour news.\n\nThe harbour board has charged a fee for moorings since 2012.",
)


def test_one_change_moved_by_a_year_is_a_date_conflict():
    a, b = side(MOVED[0]), side(MOVED[1])
    [f] = year_conflicts(a, b, {(1, 1)})
    assert (f.kind, f.severity) == ("date", "high")
    assert (a.text[f.a[0] : f.a[1]], b.text[f.b[0] : f.b[1]]) == ("2009", "2012")


def test_years_are_read_only_in_linked_sentences():
    assert year_conflicts(side(MOVED[0]), side(MOVED[1]), set()) == []


@pytest.mark.parametrize(
    ("text_a", "text_b"),
    [
        # years after different words date different happenings
        (
            "Harbour news.\n\nThe board, founded in 1990, charged a fee for moorings.",
            "Harbour news.\n\nThe board has charged a fee for moorings since 2012.",
        ),
        # an article that writes both years tells two happenings
        (
            "Harbour news.\n\nSince 2009 the board has charged a fee. It rose in 2012.",
            "Harbour news.\n\nThe board has charged a fee since 2012.",
        ),
        # a sentence with two years is not read
        (
            "Harbour news.\n\nSince 2009 the board has charged a fee, raised in 2015.",
            "Harbour news.\n\nThe board has charged a fee since 2012.",
        ),
    ],
)
def test_years_that_may_date_two_happenings_are_not_compared(text_a, text_b):
    assert year_conflicts(side(text_a), side(text_b), {(1, 1)}) == []


def test_compare_reports_a_claim_moved_by_a_year():
    from core.compare import compare
    from core.model import Article

    found = [d for d in compare(Article(MOVED[0]), Article(MOVED[1])).discrepancies if d.kind == "date"]
    assert [(d.severity, d.summary) for d in found] == [("high", "Since 2009 vs since 2012")]


def test_one_record_moved_by_a_month_is_a_date_conflict():
    a = side("Harbour news.\n\nFreight volumes hit their lowest level since March 2011.")
    b = side("Harbour news.\n\nVolumes of freight are at the lowest since October 2011.")
    [f] = year_conflicts(a, b, {(1, 1)})
    assert f.summary == "since March 2011 vs since October 2011"
    # a year alone against a month of it is the same year
    c = side("Harbour news.\n\nVolumes of freight are at the lowest since 2011.")
    assert year_conflicts(a, c, {(1, 1)}) == []
    # an article that dates something else to the other's month knows both months
    d = side(
        "Harbour news.\n\nVolumes of freight are at the lowest since October 2011. "
        "The quay reopened on March 14, 2011."
    )
    assert year_conflicts(a, d, {(1, 1)}) == []
