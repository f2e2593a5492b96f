"""One article says a count is not known; the other gives it."""

from __future__ import annotations

from finder_sides import side

from core.discrepancies.unknown_counts import unknown_count_conflicts


def summaries(a: str, b: str) -> list[str]:
    return [f.summary for f in unknown_count_conflicts(side(a), side(b))]


def test_passengers_unknown_against_a_count_of_passengers():
    a = side("Boat sinks. The number of passengers aboard the boat remains unknown.")
    b = side("Boat sinks. An overcrowded boat with 278 passengers capsized.")
    [f] = unknown_count_conflicts(a, b)
    assert (f.kind, f.severity) == ("number", "high")
    assert a.text[f.a[0] : f.a[1]] == "The number of passengers aboard the boat remains unknown."
    assert "278 passengers" in b.text[f.b[0] : f.b[1]]


def test_the_ways_news_says_a_count_is_not_known():
    for unknown, given in (
        ("It is unclear how many students were abducted.", "Gunmen abducted 42 students."),
        ("We don't know the number of teachers taken.", "Three teachers were taken."),
        ("An unknown number of residents died.", "Six residents died on Monday."),
        ("The number of dead is unclear.", "Rescuers found 12 bodies."),
    ):
        assert summaries(f"Raid on town. {unknown}", f"Raid on town. {given}"), unknown


def test_another_count_or_both_unknown_is_quiet():
    unknown = "Raid on town. The number of dead is unclear."
    assert summaries(unknown, "Raid on town. Police arrested 12 people.") == []
    assert summaries(unknown, "Raid on town. It is not known how many died.") == []
    assert summaries(
        "Boat sinks. The number of passengers remains unknown.",
        "Boat sinks. Four crew members were rescued.",
    ) == []


def test_an_article_giving_the_count_it_calls_unknown_scopes_it():
    assert summaries(
        "Raid on town. Two guards died. The number of dead among villagers is unclear.",
        "Raid on town. Nine people died.",
    ) == []


def test_a_speaker_not_knowing_how_many_is_a_quote():
    assert summaries(
        'Final won. "We waited I don\'t know how many years," the captain said.',
        "Final won. The club was sold 15 years ago.",
    ) == []
