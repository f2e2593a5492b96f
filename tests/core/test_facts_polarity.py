"""Negations and the affirmative verbs that contradict them."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from core.facts import extract_facts
from core.facts.polarity import ANTONYMS
from core.model import Article


def polarities(text: str):
    return extract_facts(Article(text=text)).polarities


@pytest.mark.parametrize(
    ("text", "cue", "clause"),
    [
        ("There were no reports of harm.", "no", "There were no reports of harm"),
        (
            "Moscow has denied plans to invade, but wants guarantees.",
            "denied",
            "Moscow has denied plans to invade",
        ),
        ("It will not join NATO.", "not", "It will not join NATO"),
        ("She did not testify at the hearing.", "not", "She did not testify at the hearing"),
        ("The club refused to comment.", "refused", "The club refused to comment"),
        ("The minister never renounced force.", "never", "The minister never renounced force"),
        ("Police left without making arrests.", "without", "Police left without making arrests"),
        ("I don’t doubt it.", "don't", "I don’t doubt it"),
        (
            "Regional security cannot be guaranteed.",
            "cannot",
            "Regional security cannot be guaranteed",
        ),
        ("Her lawyer declined to comment.", "declined to", "Her lawyer declined to comment"),
        ("The firm ruled out job cuts.", "ruled out", "The firm ruled out job cuts"),
    ],
)
def test_negation_cues_and_clauses(text, cue, clause):
    (found,) = polarities(text)
    assert found.negated
    assert found.cue == cue
    assert found.text == clause
    assert text[found.cue_start : found.cue_start + 1].lower() == cue[0]


@pytest.mark.parametrize(
    ("text", "cue"),
    [
        ("The ministry confirmed the report.", "confirmed"),
        ("Microsoft agreed to buy the studio.", "agreed"),
        ("The defendant admitted the charges.", "admitted"),
    ],
)
def test_affirmative_partners(text, cue):
    (found,) = polarities(text)
    assert not found.negated
    assert found.cue == cue


def test_a_negated_affirmative_verb_is_one_negation():
    (found,) = polarities("The ministry did not confirm the report.")
    assert (found.negated, found.cue) == (True, "not")


def test_denied_and_confirmed_are_antonyms():
    assert ANTONYMS["deny"] == "confirm"
    assert ANTONYMS["refuse"] == "agree"


@pytest.mark.parametrize(
    "text",
    [
        "Not only the army but also the police took part.",
        "Whether or not they agree, the vote goes ahead.",
        "She is the No. 3 seed.",
        "Notably, the nothingness of nobody's notes.",
    ],
)
def test_not_negations(text):
    assert [p for p in polarities(text) if p.negated and p.cue in ("not", "no")] == []


def test_clause_stops_at_commas_but_not_inside_numbers():
    (found,) = polarities("The pair issued no statement about the 5,000 troops, officials said.")
    assert found.text == "The pair issued no statement about the 5,000 troops"


def test_spaced_hyphen_ends_a_clause():
    (found,) = polarities("BRUSSELS (Reuters) - Ministers did not agree on the package.")
    assert found.text == "Ministers did not agree on the package"


def test_several_cues_in_one_sentence():
    found = polarities("There is no ceiling to trust, no forbidden zone, and no limit.")
    assert [p.text for p in found] == [
        "There is no ceiling to trust",
        "no forbidden zone",
        "and no limit",
    ]


@given(st.text(max_size=300))
@settings(max_examples=150, deadline=None)
def test_any_text_never_crashes(text):
    for p in polarities(text):
        assert 0 <= p.start < p.end <= len(text)
        assert text[p.start : p.end] == p.text
        assert p.start <= p.cue_start < p.end
