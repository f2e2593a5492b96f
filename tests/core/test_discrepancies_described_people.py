"""People described two ways: man and woman, former and current office, garbled names."""

from __future__ import annotations

from finder_sides import side

from core.discrepancies.described_people import gender_conflicts, status_conflicts
from core.discrepancies.spellings import reordered_names


def test_one_death_told_of_a_man_and_of_a_woman():
    a = side("Storm hits coast. One old man in a shelter died overnight.")
    b = side("Storm hits coast. A 65-year-old woman died in a shelter.")
    [f] = gender_conflicts(a, b, [(1, 1)])
    assert (f.kind, f.severity) == ("entity", "medium")
    assert a.text[f.a[0] : f.a[1]] == "old man"
    assert b.text[f.b[0] : f.b[1]] == "65-year-old woman"


def test_sentences_naming_men_and_women_both_or_the_same_are_quiet():
    a = side("Storm hits coast. A man and a woman were rescued from the roof.")
    b = side("Storm hits coast. A woman was rescued from the roof.")
    assert gender_conflicts(a, b, [(1, 1)]) == []
    c = side("Storm hits coast. Rescuers reached a woman on the roof.")
    assert gender_conflicts(b, c, [(1, 1)]) == []


def test_a_past_title_on_one_side_and_the_bare_title_on_the_other():
    a = side("Verdict read. The court sentenced former president Ana Ruiz and ex-minister Tomas Berg.")
    b = side("Verdict read. President Ana Ruiz was sentenced, as was Minister Tomas Berg.")
    summaries = sorted(f.summary for f in status_conflicts(a, b))
    assert summaries == [
        "title: ex-minister Tomas Berg vs Minister Tomas Berg",
        "title: former president Ana Ruiz vs President Ana Ruiz",
    ]


def test_an_outgoing_office_holder_or_a_past_title_on_both_sides_is_no_conflict():
    a = side("Power handed over. Outgoing President Ana Ruiz congratulated her successor.")
    b = side("Power handed over. President Ana Ruiz congratulated her successor.")
    assert status_conflicts(a, b) == []
    c = side("Verdict read. Former president Ana Ruiz was sentenced.")
    d = side("Verdict read. Former president Ana Ruiz, once President Ana Ruiz, was sentenced.")
    assert status_conflicts(c, d) == []
    long = side("Crash. Former National Hockey League goalie Tomas Reyes died in the collapse.")
    short = side("Crash. Former NHL goalie Tomas Reyes died in the collapse.")
    assert status_conflicts(long, short) == []


def test_a_past_office_beside_another_title_is_two_facts_not_a_conflict():
    a = side("Coup declared. Ousted military leader Karim Osei fled the capital.")
    b = side("Coup declared. Lieutenant Colonel Karim Osei fled the capital.")
    assert status_conflicts(a, b) == []
    c = side("Row deepens. Former minister Lena Dahl criticised the plan.")
    d = side("Row deepens. Ms Lena Dahl criticised the plan.")
    assert status_conflicts(c, d) == []


def test_a_place_name_with_its_words_in_another_order():
    a = side("Fire at venue. Smoke rose over the North Harbour Bridge at dawn.")
    b = side("Fire at venue. Smoke rose over the Harbour North Bridge at dawn.")
    [f] = reordered_names(a, b)
    assert f.summary == "name in another order: North Harbour Bridge vs Harbour North Bridge"
    assert f.kind == "entity"


def test_a_person_named_family_name_first_inside_a_name_is_no_conflict():
    a = side("Meet opens. She won at the Petra Novak Memorial on Sunday.")
    b = side("Meet opens. She won at the Novak Petra Memorial on Sunday.")
    assert reordered_names(a, b) == []


def test_two_swapped_words_of_a_place_name_still_conflict():
    a = side("Fire at venue. Smoke rose over the Lumen City Hall at dawn.")
    b = side("Fire at venue. Smoke rose over the City Lumen Hall at dawn.")
    [f] = reordered_names(a, b)
    assert f.summary == "name in another order: Lumen City Hall vs City Lumen Hall"


def test_a_reordered_name_is_shown_where_both_articles_state_one_claim():
    a = side(
        "Fire at venue. Crews gathered at the North Harbour Bridge. "
        "Smoke rose over the North Harbour Bridge at dawn."
    )
    b = side("Fire at venue. Smoke rose over the Harbour North Bridge at dawn.")
    [f] = reordered_names(a, b, {(2, 1)})
    assert a.text[f.a[0] : f.a[1]] == "North Harbour Bridge"
    assert f.a[0] > a.text.index("Smoke")
    [first] = reordered_names(a, b)
    assert first.a[0] < a.text.index("Smoke")


def test_a_name_order_both_articles_write_is_no_conflict():
    a = side("Fire at venue. Smoke rose over the North Harbour Bridge and the Harbour North Bridge.")
    b = side("Fire at venue. Smoke rose over the Harbour North Bridge, near North Harbour Bridge.")
    assert reordered_names(a, b) == []


def test_a_reordered_name_outranks_omitted_figures_when_the_budget_is_tight():
    from core.discrepancies.omissions import omissions
    from core.discrepancies.ranking import budget, rank

    figures = " ".join(f"Pier {n} took {n * 7 + 11} barges." for n in range(1, 9))
    a = side(f"Fire at venue. Smoke rose over the North Harbour Bridge at dawn. {figures}")
    b = side("Fire at venue. Smoke rose over the Harbour North Bridge at dawn.")
    [reordered] = reordered_names(a, b)
    omitted = omissions(a, b, {1}, set(), "A")
    assert len(omitted) > budget(a.words + b.words)
    assert reordered in rank([*omitted, reordered], a.words + b.words)
