"""Dates, weekdays, relative days and clock times, resolved against publication."""

from __future__ import annotations

import pytest
from conftest import seed
from hypothesis import given, settings
from hypothesis import strategies as st

from core.facts import extract_facts
from core.facts.timezones import zone_offset
from core.ingest.load import load_article
from core.model import Article


def dates(text: str, published: str = ""):
    return extract_facts(Article(text=text, published=published)).dates


def only(text: str, published: str = ""):
    found = dates(text, published)
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize(
    ("text", "value", "weekday"),
    [
        ("Blinken spoke in Geneva on Jan. 21, 2022.", "2022-01-21", 4),
        ("The stamp reads January 27, 2022.", "2022-01-27", 3),
        ("He was arrested on 18 March 2021.", "2021-03-18", 3),
        ("The filing is dated 2023-02-07.", "2023-02-07", 1),
        ("Trading resumed on Thu. May 19th, 2022.", "2022-05-19", 3),
        ("The verdict came on the 4th of July, 2019.", "2019-07-04", 3),
    ],
)
def test_absolute_dates_with_a_year(text, value, weekday):
    d = only(text)
    assert (d.kind, d.value, d.weekday) == ("absolute", value, weekday)


def test_day_and_month_take_the_year_nearest_publication():
    assert only("The call took place on Feb. 22.", "2022-02-23").value == "2022-02-22"
    assert only("The call took place on Dec. 30.", "2023-01-03").value == "2022-12-30"
    assert only("Talks resume on 18 March.", "2023-02-07").value == "2023-03-18"


def test_day_and_month_without_publication_keep_an_iso_yearless_value():
    assert only("The call took place on Feb. 22.").value == "--02-22"


def test_without_publication_the_article_own_full_dates_give_the_year():
    found = dates("Xi met Putin on Feb. 4, 2022. The call took place on Feb. 22.")
    assert [d.value for d in found] == ["2022-02-04", "2022-02-22"]


def test_stated_weekday_chooses_the_year_and_is_kept():
    d = only("The hearing was on Tuesday, Feb. 6.", "2024-03-01")
    assert (d.value, d.weekday) == ("2024-02-06", 1)
    mismatch = only("The hearing was on Sunday, Feb. 6.", "2024-03-01")
    assert mismatch.weekday == 6  # as stated, so a wrong weekday stays visible


@pytest.mark.parametrize(
    ("text", "published", "value"),
    [
        ("A senior diplomat spoke on Wednesday.", "2022-01-27", "2022-01-26"),
        ("The ministry said Thursday it would respond.", "2022-01-27", "2022-01-27"),
        ("Police made the arrest last Thursday.", "2022-01-27", "2022-01-20"),
        ("The minister will travel to Paris on Friday.", "2022-01-27", "2022-01-28"),
        ("Talks are set to resume on Monday.", "2022-01-27", "2022-01-31"),
        ("The vote is due next Wednesday.", "2022-01-26", "2022-02-02"),
        ("Saturday’s call lasted an hour.", "2022-03-19", "2022-03-19"),
    ],
)
def test_weekdays_resolve_to_the_reported_day(text, published, value):
    d = only(text, published)
    assert d.kind == "weekday"
    assert d.value == value


def test_weekday_without_publication_is_unresolved_but_named():
    d = only("The quake struck on Monday.")
    assert (d.kind, d.value, d.weekday) == ("weekday", None, 0)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("The jury met yesterday.", "2023-02-06"),
        ("The results come out tomorrow.", "2023-02-08"),
        ("The company reported today that sales fell.", "2023-02-07"),
        ("The trial began last month.", "2023-01"),
        ("Prices rose earlier this month.", "2023-02"),
        ("The deal closes next year.", "2024"),
        ("The vote is next week.", "2023-W07"),
        ("The body was found two days ago.", "2023-02-05"),
        ("They married 10 years ago.", "2013"),
    ],
)
def test_relative_expressions(text, value):
    d = only(text, "2023-02-07")
    assert (d.kind, d.value) == ("relative", value)


def test_vague_relative_expressions_stay_unresolved():
    assert only("Fighting intensified in recent weeks.", "2023-02-07").value is None
    assert only("They met a few weeks ago.", "2023-02-07").value is None


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("The quake struck at 12:12 p.m. local time.", "12:12"),
        ("The quake struck at 17:12 GMT.", "17:12+00:00"),
        ("Polls close at 8 pm EST.", "20:00-05:00"),
        ("The strike began at 0400 GMT.", "04:00+00:00"),
        ("The deadline is midnight.", "00:00"),
        ("Trading halted at 9:30 a.m. on the exchange.", "09:30"),
        ("He died at 7.35 this morning.", "07:35"),
        ("The bells rang at 7:35 this evening.", "19:35"),
        ("The blast came at 9.10 last night.", "21:10"),
        ("Officers arrived at 07:35 to search the house.", "07:35"),
        ("The ferry left at 19:45 and sank an hour later.", "19:45"),
        ("The ferry left at 19:45 CET.", "19:45+01:00"),
    ],
)
def test_clock_times(text, value):
    d = only(text)
    assert (d.kind, d.value) == ("time", value)


def test_same_moment_in_two_zones_can_be_compared():
    local, gmt = dates("It struck at 12:12 p.m. EST (17:12 GMT).")
    assert local.value == "12:12-05:00"
    assert gmt.value == "17:12+00:00"


@pytest.mark.parametrize(
    ("text", "values"),
    [
        ("Pacts signed in 2014 and 2015 ended the war.", ["2014", "2015"]),
        ("The rebellion has killed 13,000 people since 2014.", ["2014"]),
        ("He was president from March 2019.", ["2019-03"]),
    ],
)
def test_years_and_months(text, values):
    assert [d.value for d in dates(text)] == values


@pytest.mark.parametrize(
    "text",
    [
        "The 2022 Winter Olympics open soon.",
        "You may go now.",
        "The march on the capital was peaceful.",
        "The score was 3-1 after 90 minutes.",
        "Version 12:12 of the firmware.",
    ],
)
def test_not_dates(text):
    assert dates(text) == ()


def test_zone_offsets():
    assert zone_offset("GMT") == "+00:00"
    assert zone_offset("utc+5:30") == "+05:30"
    assert zone_offset("UTC-5") == "-05:00"
    assert zone_offset("local time") is None
    assert zone_offset("GMT+99") is None


def test_seed_000_wednesday_resolves_from_the_page_stamp():
    found = extract_facts(load_article(seed("000"))).dates
    wednesday = next(d for d in found if d.text == "Wednesday")
    assert wednesday.value == "2022-01-26"
    assert wednesday.weekday == 2


def test_stamp_in_the_text_is_used_when_metadata_is_missing():
    text = "Headline here\n\nJanuary 27, 2022 5:02pm\n\nThe diplomat spoke on Wednesday."
    wednesday = next(d for d in dates(text) if d.kind == "weekday")
    assert wednesday.value == "2022-01-26"


@given(st.text(max_size=300), st.sampled_from(["", "2022-01-27", "2020-02-29", "bad"]))
@settings(max_examples=150, deadline=None)
def test_any_text_never_crashes_and_spans_are_inside(text, published):
    for d in dates(text, published):
        assert 0 <= d.start < d.end <= len(text)
        assert text[d.start : d.end] == d.text
        assert d.kind in ("absolute", "weekday", "relative", "time")


@pytest.mark.parametrize(
    "text",
    [
        "The talks ran from 10:30 to noon.",  # a 12-hour clock without a.m. or p.m.
        "He won in 2:05:44 after a late surge.",  # a race time
        "The index closed at 13:05.5 points.",
        "The ratio was 3:1 in favour.",
    ],
)
def test_a_bare_24_hour_clock_is_read_only_where_no_12_hour_reading_exists(text):
    assert not [d for d in dates(text) if d.kind == "time" and d.value not in ("12:00",)]


def test_a_decimal_before_a_session_is_no_clock_time():
    assert not dates("Shares rose 2.35 in the morning session.")


@pytest.mark.parametrize(
    ("text", "published", "values"),
    [
        (
            "Records from May 1 to October 31, 2022 were taken.",
            "2024-07-12",
            ["2022-05-01", "2022-10-31"],
        ),
        ("It ran from December 20 to January 5, 2024.", "", ["2023-12-20", "2024-01-05"]),
        ("It rained on May 1 and June 3.", "2024-07-01", ["2024-05-01", "2024-06-03"]),
    ],
)
def test_a_range_start_without_a_year_takes_the_year_of_its_end(text, published, values):
    assert [d.value for d in dates(text, published)] == values



@pytest.mark.parametrize("cue", ["In", "Last", "Since", "During"])
def test_a_month_opening_a_sentence_is_read_with_its_cue(cue):
    d = only(f"Ferry fire at port. {cue} March, a cargo ship burned at the same quay.", "2021-08-10")
    assert (d.text, d.value) == ("March", "2021-03")


def test_may_opening_a_sentence_without_a_cue_is_no_month():
    assert dates("Ferry fire at port. May they rest in peace.", "2021-08-10") == ()
