"""Facts one article states that the other never mentions: dates and times."""

from __future__ import annotations

from finder_sides import side

from core.discrepancies.omissions import omissions


def test_a_calendar_date_only_one_article_gives_is_an_omission():
    a = side("Port news.\n\nThe ferry first ran aground on March 3, 2019, near the same reef.")
    b = side("Port news.\n\nThe ferry ran aground near the reef, officials said.")
    [f] = omissions(a, b, set(), set(), "A")
    assert f.summary.startswith("only in A:")
    assert "March 3, 2019" in a.text[f.a[0] : f.a[1]]


def test_a_date_or_time_the_other_article_gives_too_is_no_omission():
    a = side("Port news.\n\nThe port reopens at 6 am on May 12 after repairs.")
    b = side("Port news.\n\nBoats may sail again from 6 am on May 12.")
    assert omissions(a, b, set(), set(), "A") == []


def test_a_weekday_alone_is_no_omission():
    a = side("Port news.\n\nThe ferry ran aground on Friday near the reef.")
    b = side("Port news.\n\nThe ferry ran aground near the reef.")
    assert omissions(a, b, set(), set(), "A") == []
