"""Clock times of one claim that differ."""

from __future__ import annotations

import pytest
from finder_sides import side

from core.discrepancies.date_conflicts import date_conflicts, time_conflicts


def test_the_one_time_each_story_gives_is_compared_wherever_it_sits():
    a = side("Ferry news.\n\nCrowds waited all day. The ferry docked in the harbour at 9:12 am.")
    b = side("Ferry news.\n\nThe old ferry finally docked at 09:14 AM after a long crossing.")
    [f] = time_conflicts(a, b, set())
    assert f.summary == "9:12 am vs 09:14 AM"
    assert a.text[f.a[0] : f.a[1]] == "The ferry docked in the harbour at 9:12 am."


def test_lone_times_of_unrelated_happenings_are_not_compared():
    a = side("Ferry news.\n\nThe ferry docked in the harbour at 9:12 am.")
    b = side("Ferry news.\n\nThe minister spoke to reporters at 11:30 AM.")
    assert time_conflicts(a, b, set()) == []


def test_a_story_with_two_times_is_compared_only_where_claims_align():
    a = side("Ferry news.\n\nThe ferry left at 7:00 am. It docked at 9:12 am.")
    b = side("Ferry news.\n\nThe ferry docked at 09:14 AM.")
    assert time_conflicts(a, b, set()) == []
    [f] = time_conflicts(a, b, {(2, 1)})
    assert f.summary == "9:12 am vs 09:14 AM"


def test_the_time_each_story_gives_the_happening_itself_is_compared():
    a = side(
        "Mill fire.\n\nThe blaze broke out at 2:10 am in the drying shed. "
        "Crews had it under control by 6 am, and the owner spoke at 11 am."
    )
    b = side(
        "Mill fire.\n\nWitnesses said the blaze in the shed broke out at about 3:40 am. "
        "Firefighters left the site at noon."
    )
    [f] = time_conflicts(a, b, set())
    assert f.summary == "2:10 am vs 3:40 am"
    # a time of something else is never the happening's time
    c = side("Mill fire.\n\nThe owner spoke at 11 am. Crews left the shed at 3:40 am.")
    assert time_conflicts(a, c, set()) == []
    d = side("Mill fire.\n\nThe owner spoke at 11 am. The rescue in the shed began at 3:40 am.")
    assert time_conflicts(a, d, set()) == []
    e = side("Mill fire.\n\nThe owner spoke at 11 am. The shed fire began at 3:40 am.")
    assert len(time_conflicts(a, e, set())) == 1


def test_an_approximate_quarter_hour_is_a_time_to_the_minute_rounded():
    a = side("Ferry news.\n\nThe ferry sank at about 4.30am off the harbour.")
    b = side("Ferry news.\n\nThe ferry sank around 4:27 a.m. off the harbour.")
    assert time_conflicts(a, b, {(1, 1)}) == []
    # two times told to five minutes are two readings, and a stated quarter hour is
    # the time of record
    for text_a, clock in (
        ("at about 4.30am", "around 4:25 a.m."),
        ("at 4.30am", "at 4:27 a.m."),
    ):
        c = side(f"Ferry news.\n\nThe ferry sank {text_a} off the harbour.")
        d = side(f"Ferry news.\n\nThe ferry sank {clock} off the harbour.")
        assert len(time_conflicts(c, d, {(1, 1)})) == 1, clock


def test_a_time_named_midnight_or_noon_allows_minutes_either_side():
    for named, clock in (("at midnight", "at 11:51 pm"), ("around noon", "at 12:09 pm")):
        a = side(f"Ferry news.\n\nThe ferry sank {named} off the harbour.")
        b = side(f"Ferry news.\n\nThe ferry sank {clock} off the harbour.")
        assert time_conflicts(a, b, {(1, 1)}) == [], named
    a = side("Ferry news.\n\nThe ferry sank at midnight off the harbour.")
    b = side("Ferry news.\n\nThe ferry sank at 11:30 pm off the harbour.")
    assert len(time_conflicts(a, b, {(1, 1)})) == 1, "half an hour is another time"
    a = side("Ferry news.\n\nThe ferry sank just after midnight off the harbour.")
    b = side("Ferry news.\n\nThe ferry sank at 11:56 pm off the harbour.")
    assert len(time_conflicts(a, b, {(1, 1)})) == 1, "a hedge sets it on one side"


def _dates(a: str, b: str):
    from core.compare import compare
    from core.model import Article

    found = compare(Article(a), Article(b), capped=False).discrepancies
    return [d.summary for d in found if d.kind == "date"]


def test_a_night_and_the_next_day_can_be_one_moment():
    story = "Storm.\n\nThe storm hit the harbour town of Vell {}, flooding the old port."
    assert _dates(story.format("on Sunday night"), story.format("on Monday")) == []
    assert _dates(story.format("late on Friday"), story.format("on Saturday")) == []
    assert _dates(story.format("on Sunday"), story.format("on Monday")) != []
    assert _dates(story.format("on Monday night"), story.format("on Sunday")) != []
    # two late evenings a day apart are two evenings
    assert _dates(story.format("late on Saturday"), story.format("late on Sunday")) != []


def test_one_clock_reading_written_two_ways_is_not_a_change():
    story = "Fire.\n\nThe health minister told reporters at {} that 33 bodies had been found."
    assert _dates(story.format("around 2 am"), story.format("around 2am")) == []


def test_a_time_told_by_another_places_clock_is_not_compared():
    a = "Landing.\n\nThe probe touched down on the moon at around 12.20am, the agency said."
    b = "Landing.\n\nThe probe touched down on the moon around 4:20 pm (Dutch time), the agency said."
    assert _dates(a, b) == []
    c = "Landing.\n\nThe probe touched down on the moon at around 4:20 am, the agency said."
    assert _dates(a, c) != []


def test_the_one_day_each_story_names_in_linked_leads_is_compared():
    from core.discrepancies.date_conflicts import date_conflicts

    a = side(
        "Crash.\n\nTragedy struck the port city on Thursday afternoon when a cargo plane "
        "carrying 12 crew came down near the runway."
    )
    b = side(
        "Air accident.\n\nOfficials said on Wednesday that the aircraft, with 12 people "
        "aboard, went down beside the airfield."
    )
    [flag] = date_conflicts(a, b, {(1, 1)})
    assert "Thursday" in flag.summary and "Wednesday" in flag.summary
    assert date_conflicts(a, b, set()) == []  # sentences no link holds are not read so


def test_one_day_and_hour_in_another_order_is_no_conflict():
    a = "Depot fire.\n\nFlames reached the warehouse roof shortly before midnight on Friday, crews said."
    b = "Depot fire.\n\nFlames reached the warehouse roof shortly before Friday midnight, crews said."
    assert _dates(a, b) == []
    c = "Depot fire.\n\nFlames reached the warehouse roof shortly before midnight on Thursday, crews said."
    assert _dates(c, b) != []


def test_a_day_whose_year_was_only_guessed_is_the_same_day_in_another_year():
    guessed = (
        "Final.\n\nThe champion won the title in Vell on October 4. She had lost there "
        "on September 30, 2019, in the semi-final."
    )
    written = "Final.\n\nThe champion won the title in Vell on October 4, 2020, her first."
    assert _dates(guessed, written) == []
    earlier = "Final.\n\nThe champion won the title in Vell on October 4, 2019, her first."
    assert _dates(earlier, written) != []
    assert _dates(guessed.replace("October 4", "October 5"), written) != []


def test_a_wire_dateline_dates_the_filing_not_the_event():
    filed = side(
        "Stage falls.\n\nPORT ELLIS, Westland, June 12, (AP): A gust toppled a stage at a rally "
        "on Wednesday evening, killing four people and injuring dozens, the mayor said."
    )
    dated = side(
        "Stage falls.\n\nA gust toppled a stage at a rally in Port Ellis on June 11, killing "
        "four people and injuring dozens, the mayor said."
    )
    assert date_conflicts(filed, dated, {(1, 1)}) == []
    told = side(
        "Stage falls.\n\nA gust toppled a stage at a rally in Port Ellis on June 12, killing "
        "four people and injuring dozens, the mayor said."
    )
    assert len(date_conflicts(told, dated, {(1, 1)})) == 1


@pytest.mark.parametrize(
    "dateline",
    ["June 12 (Wire) —", "PORT ELLIS, June 12, 2021 (Desk/Wire) –"],
    ids=["a-day-and-an-agency-alone", "two-agencies-at-once"],
)
def test_a_dateline_in_its_other_forms_dates_the_filing(dateline):
    filed = side(
        f"Stage falls.\n\n{dateline} A gust toppled a stage at a rally, killing four people "
        "and injuring dozens, the mayor said."
    )
    dated = side(
        "Stage falls.\n\nA gust toppled a stage at a rally in Port Ellis on June 11, 2021, "
        "killing four people and injuring dozens, the mayor said."
    )
    assert date_conflicts(filed, dated, {(1, 1)}) == []


def test_days_set_apart_across_sentences_no_link_holds_wait_behind_the_claims():
    a = side(
        "Storm.\n\nThe storm reached the coast on Sunday.\n\nThe funeral of the fisherman who "
        "drowned in the harbour will be held at the village church on Tuesday, relatives said."
    )
    b = side(
        "Storm.\n\nRelatives said the funeral of the fisherman who drowned in the harbour will "
        "be held at the village church on Wednesday.\n\nThe storm reached the coast on Sunday."
    )
    [unlinked] = date_conflicts(a, b, set())
    assert (unlinked.severity, unlinked.weight) == ("low", 0.3)
    [linked] = date_conflicts(a, b, {(2, 1)})
    assert linked.severity == "high"


def test_the_story_day_told_two_ways_stays_high_wherever_it_sits():
    a = side(
        "Call.\n\nThe foreign minister told his counterpart on Wednesday that border talks "
        "must resume soon, the ministry said."
    )
    b = side(
        "Call.\n\nThe foreign minister told his counterpart in a call on Thursday that "
        "border talks must resume soon, according to the ministry."
    )
    [flag] = date_conflicts(a, b, set())
    assert flag.severity == "high"


def test_a_time_in_brackets_after_another_of_its_sentence_is_a_second_clock():
    a = side(
        "Ferry news.\n\nThe ferry sank at 8:40 p.m. off Vell on Friday (4:40 a.m. Saturday in Tarn)."
    )
    b = side("Ferry news.\n\nThe ferry sank off Vell at 8.40pm on Friday.")
    assert time_conflicts(a, b, {(1, 1)}) == []


def test_a_time_both_sentences_tell_is_not_set_against_another():
    a = side("Ferry news.\n\nThe ferry left at 7:00 am and sank at 9:12 am.")
    b = side("Ferry news.\n\nThe ferry sank at 9:12 am, two hours out.")
    assert time_conflicts(a, b, {(1, 1)}) == []
    b = side("Ferry news.\n\nThe ferry sank at 9:30 am, two hours out.")
    assert len(time_conflicts(a, b, {(1, 1)})) == 1


def test_a_day_a_clause_looks_back_to_with_since_dates_no_story_day():
    a = "Rescue.\n\nNine crew were saved, the largest rescue since the storm began on Monday."
    b = "Rescue.\n\nNine crew were saved on Friday, the largest rescue of the storm."
    c = "Rescue.\n\nNine crew were saved on Thursday, the largest rescue of the storm."
    assert _dates(a, b) == []
    assert _dates(b, c) != []  # the story's own days still differ


@pytest.mark.parametrize(
    "told",
    [
        "Sales have slumped since the merger and on Thursday the carmaker cut jobs.",
        "Sales have slumped since the merger—on Thursday the carmaker cut jobs.",
    ],
)
def test_a_day_outside_the_clause_looking_back_or_opening_the_story_is_compared(told):
    other = "Cars.\n\nThe carmaker cut jobs on Friday as dock workers went on strike, it said."
    assert _dates("Cars.\n\n" + told, other) != []
