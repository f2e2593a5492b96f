"""One article reports none of the dead, the hurt or a claim of an attack; the other reports it."""

from __future__ import annotations

from finder_sides import side

from core.discrepancies.nil_reports import nil_report_conflicts


def summaries(a: str, b: str) -> list[str]:
    return [f.summary for f in nil_report_conflicts(side(a), side(b))]


def test_no_casualties_against_a_toll():
    a = side("Blast hits depot. No casualties were reported after the blast on Monday.")
    b = side("Blast hits depot. Twelve people were killed and 30 injured in the blast.")
    [f] = nil_report_conflicts(a, b)
    assert (f.kind, f.severity) == ("negation", "high")
    assert a.text[f.a[0] : f.a[1]] == "No casualties were reported after the blast on Monday."
    assert "Twelve people were killed" in b.text[f.b[0] : f.b[1]]


def test_the_nil_report_may_be_on_either_side():
    a = side("Blast hits depot. Four workers were hurt in the blast.")
    b = side("Blast hits depot. Nobody was injured, the operator said.")
    [f] = nil_report_conflicts(a, b)
    assert "Four workers were hurt" in a.text[f.a[0] : f.a[1]]
    assert b.text[f.b[0] : f.b[1]].startswith("Nobody was injured")


def test_no_claim_of_responsibility_against_a_claim():
    assert summaries(
        "Blast hits depot. No group has claimed responsibility for the blast.",
        "Blast hits depot. The Northern Front claimed responsibility for the attack.",
    ) == [
        'none reported vs reported: "No group has claimed responsibility for the blast." vs '
        '"The Northern Front claimed responsibility for the attack."'
    ]
    assert summaries(
        "Blast hits depot. The front has yet to claim responsibility.",
        "Blast hits depot. The front claimed responsibility on Monday.",
    )


def test_both_saying_none_or_both_counting_is_quiet():
    assert summaries(
        "Blast hits depot. No group has claimed responsibility.",
        "Blast hits depot. Nobody has claimed responsibility so far.",
    ) == []
    assert summaries(
        "Blast hits depot. No one was hurt.", "Blast hits depot. There were no injuries."
    ) == []


def test_none_of_the_injuries_says_there_were_injuries():
    assert summaries(
        "Blast hits depot. None of the injuries was thought to be grave.",
        "Blast hits depot. Five people were hurt.",
    ) == []


def test_a_qualified_none_denies_less():
    assert summaries(
        "Blast hits depot. No serious injuries were reported.",
        "Blast hits depot. Five people were slightly hurt.",
    ) == []


def test_no_survivors_reports_deaths():
    assert summaries(
        "Plane down in hills. There were no survivors among the 40 on board.",
        "Plane down in hills. All 40 people on board were killed.",
    ) == []


def test_an_article_counting_what_it_says_none_of_scopes_its_none():
    assert summaries(
        "Blast hits depot. No one was killed at the depot, but two died on the road.",
        "Blast hits depot. Two people were killed.",
    ) == []


def test_a_toll_of_an_earlier_event_dated_by_its_month_is_not_this_one():
    assert summaries(
        "Plane lands in field. Nobody was killed, the ministry said.",
        "Plane lands in field. All on board survived. In May, a fire on another jet killed 41.",
    ) == []


def test_no_comment_against_the_source_s_statement():
    a = side("Plane lands in field. Northwind Air has not yet released an official statement.")
    b = side("Plane lands in field. Northwind Air issued a statement thanking the crew.")
    [f] = nil_report_conflicts(a, b)
    assert f.summary.startswith("no comment vs a statement:")
    assert a.text[f.a[0] : f.a[1]] == "Northwind Air has not yet released an official statement."
    assert "issued a statement" in b.text[f.b[0] : f.b[1]]
    for silent in (
        "An e-mail sent to Northwind Air for comment did not elicit any response.",
        "Northwind Air did not immediately respond to a request for comment.",
        "Northwind Air declined to comment.",
        "There was no immediate comment from Northwind Air.",
    ):
        assert summaries(
            f"Plane lands in field. {silent}",
            "Plane lands in field. Northwind Air said it was reviewing the incident.",
        ), silent


def test_silence_of_someone_else_or_on_one_topic_is_quiet():
    said = "Plane lands in field. Northwind Air said it was reviewing the incident."
    for silent in (
        "The pilots' union declined to comment.",
        "Northwind Air declined to comment on the number of passengers.",
        "Northwind Air made no statement to the press.",
        "Police did not respond in time, residents said.",
    ):
        assert summaries(f"Plane lands in field. {silent}", said) == [], silent
    assert summaries(
        "Plane lands in field. Northwind Air did not respond to a request for comment.",
        "Plane lands in field. Northwind Air reported a record loss last year.",
    ) == []


def test_an_article_quoting_the_source_it_calls_silent_is_quiet():
    assert summaries(
        "Plane lands in field. Northwind Air said all were safe. Northwind Air declined to comment.",
        "Plane lands in field. Northwind Air said it was reviewing the incident.",
    ) == []


def test_a_figure_that_is_no_count_of_this_event_is_not_a_toll():
    assert summaries(
        "Blast at plant. Nobody was killed in the blast on Monday.",
        "Blast at plant. Blasts there have killed an average of 3 workers a year.",
    ) == []
