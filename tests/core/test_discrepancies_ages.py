"""One person given two ages by the two articles."""

from __future__ import annotations

from finder_sides import side
from hypothesis import given, settings
from hypothesis import strategies as st

from core.discrepancies.ages import _ages, age_conflicts


def test_the_ages_a_story_gives_its_people():
    s = side(
        "Verdict read.\n\nAna Ruiz, 75, has been detained since May. "
        "The 40-year-old Tomas Berg left. Marta Lind (58) stayed."
    )
    assert {key: [age for age, *_ in found] for key, found in _ages(s).items()} == {
        "ruiz": [75],
        "berg": [40],
        "lind": [58],
    }


def test_one_person_two_ages_is_a_number_discrepancy():
    a = side("Verdict read.\n\nAna Ruiz, 75, has been detained since May.")
    b = side("Verdict read.\n\nBoth he and Ana Ruiz, 76, will serve their terms.")
    [f] = age_conflicts(a, b)
    assert (f.kind, f.summary) == (
        "number",
        "age: Ana Ruiz, 75, has been detained since May vs Ana Ruiz, 76, will serve their terms",
    )


def test_a_person_described_by_age_is_the_person_last_named():
    a = side("Verdict read.\n\nAna Ruiz, 75, has been detained since May.")
    b = side(
        "Verdict read.\n\nA court sentenced Ana Ruiz on Monday. "
        "The 76-year-old former mayor had denied every charge."
    )
    [f] = age_conflicts(a, b)
    assert f.summary.endswith("vs The 76-year-old former mayor")
    # a description two sentences on from any name is nobody's
    c = side(
        "Verdict read.\n\nA court sentenced Ana Ruiz on Monday. The hearing was short. "
        "Crowds gathered outside. The 76-year-old former mayor had denied every charge."
    )
    assert age_conflicts(a, c) == []


def test_an_age_both_give_or_one_only_gives_is_quiet():
    a = side("Verdict read.\n\nAna Ruiz, 75, has been detained. The 75-year-old Ruiz appealed.")
    b = side("Verdict read.\n\nThe 76-year-old Ana Ruiz and Ruiz, 75, appealed.")
    assert age_conflicts(a, b) == []
    c = side("Verdict read.\n\nAna Ruiz has been detained since May.")
    assert age_conflicts(a, c) == []


def test_a_count_after_a_name_is_not_an_age():
    s = side("Results came in.\n\nAna Ruiz, 1,200 votes ahead, claimed victory.")
    assert _ages(s) == {}


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("Ana Ruiz,(0123456789)-year-old.\n ")), max_size=120))
def test_ages_are_read_from_any_text_without_error(text):
    for found in _ages(side(text)).values():
        assert all(0 < age <= 120 for age, *_ in found)


def test_one_person_spelt_two_ways_is_one_person():
    a = side("Vote count.\n\nThe 55-year-old Ana Dissanayaka won the vote.")
    b = side("Vote count.\n\nThe 56-year-old Ana Dissanayake won the vote.")
    [f] = age_conflicts(a, b)
    assert f.summary == "age: 55-year-old Ana Dissanayaka vs 56-year-old Ana Dissanayake"


def test_an_age_in_a_list_of_names_is_shown_alone():
    a = side("Rescue.\n\nThe four were Ana Ruiz, 26, Tomas Berg, 22, and Marta Lind, 40.")
    b = side("Rescue.\n\nThe 25-year-old Ana Ruiz was among those freed.")
    [f] = age_conflicts(a, b)
    assert f.summary.startswith("age: Ana Ruiz, 26 vs")


def test_a_long_clause_after_an_age_is_cut_on_a_whole_word():
    a = side(
        "Verdict read.\n\nAna Ruiz, 75, has been detained since the generals removed her "
        "government in the early hours of February 1 this year without a warning."
    )
    b = side("Verdict read.\n\nThe 76-year-old Ana Ruiz was sentenced.")
    [f] = age_conflicts(a, b)
    shown = a.text[f.a[0] : f.a[1]]
    assert shown.startswith("Ana Ruiz, 75, has been detained")
    assert a.text[f.a[1]] == " "


def test_each_of_a_family_is_compared_with_the_same_relative():
    a = side(
        "Victims named.\n\nThe dead include Rosa Ferrer (61), her son Pau Ferrer (29) "
        "and her daughter Nuria Ferrer (24)."
    )
    b = side(
        "Victims named.\n\nAmong them were Rosa Ferrer, 61, her son Pau Ferrer (33) "
        "and her daughter Nuria Ferrer (24)."
    )
    [f] = age_conflicts(a, b)
    assert f.summary.startswith("age: Pau Ferrer (29")
    assert "Pau Ferrer (33" in f.summary
    # a surname alone does not say which relative it means
    c = side("Victims named.\n\nThe youngest, Ferrer, 33, was a nurse.")
    assert age_conflicts(a, c) == []


def test_a_family_member_is_matched_by_a_given_name_spelt_two_ways():
    a = side(
        "Victims named.\n\nThe dead include Rosa Ferrer (61) and her son Pau Ferrer (29)."
    )
    b = side("Victims named.\n\nRossa Ferrer, 61, and her son Pau Ferrer, 33, died.")
    [f] = age_conflicts(a, b)
    assert "Pau Ferrer (29" in f.summary
