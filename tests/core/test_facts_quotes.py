"""Direct quotes and their speakers."""

from __future__ import annotations

import pytest
from conftest import seed
from hypothesis import given, settings
from hypothesis import strategies as st

from core.facts import extract_facts
from core.ingest.load import load_article
from core.model import Article


def quotes(text: str):
    return extract_facts(Article(text=text)).quotes


def only(text: str):
    found = quotes(text)
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize(
    ("text", "inner", "key"),
    [
        (
            "“We are going through very difficult days,” President Tayyip Erdogan told reporters.",
            "We are going through very difficult days",
            "erdogan",
        ),
        (
            '"I am devastated by my failings," Elizabeth Holmes said in court.',
            "I am devastated by my failings",
            "holmes",
        ),
        (
            "“The deal is a win for gamers,” said Satya Nadella, Microsoft’s chief executive.",
            "The deal is a win for gamers",
            "nadella",
        ),
        (
            "Coach Lionel Scaloni said: “We never gave up on this team.”",
            "We never gave up on this team.",
            "scaloni",
        ),
        (
            "Judge Edward Davila told the court that “the evidence was overwhelming and clear”.",
            "the evidence was overwhelming and clear",
            "davila",
        ),
        (
            "“Rescue teams are working around the clock,” the governor said.",
            "Rescue teams are working around the clock",
            "governor",
        ),
    ],
)
def test_speaker_patterns(text, inner, key):
    q = only(text)
    assert q.text == inner
    assert q.speaker_key == key
    assert text[q.start : q.end] == q.text


@pytest.mark.parametrize(
    ("text", "key"),
    [
        pytest.param(
            "“The security of one country cannot be at the expense of others,” Wang told Blinken, "
            "according to local media. “Concerns should be taken seriously and resolved.”",
            "wang",
            id="split-by-an-attribution",
        ),
        pytest.param(
            "“We have been talking at all levels,” said counsellor Derek Chollet on Thursday.\n\n"
            "“We will continue to stay in very active conversations with them.”",
            "chollet",
            id="continued-in-a-later-paragraph",
        ),
    ],
)
def test_a_quote_in_two_parts_keeps_one_speaker(text, key):
    first, second = quotes(text)
    assert first.speaker_key == second.speaker_key == key


def test_pronoun_resolves_to_the_last_named_person():
    text = (
        "Prosecutor Maria Lopez addressed the jury on Monday. "
        "“The defendant knew exactly what he was doing,” she said."
    )
    q = only(text)
    assert (q.speaker, q.speaker_key) == ("she", "lopez")


@pytest.mark.parametrize(
    ("text", "key"),
    [
        pytest.param(
            "Chinese Foreign Minister Wang Yi spoke with his counterpart. "
            "“The most urgent priority is to stop interfering,” the foreign minister said.",
            "wang",
            id="a-role-names-the-person-introduced-with-that-title",
        ),
        pytest.param(
            "Foreign Minister Dmytro Kuleba, who attended by video link, thanked allies but said "
            "Kyiv needed “at least twice as much” air defence.",
            "kuleba",
            id="the-second-of-two-joined-verbs-takes-the-subject",
        ),
        pytest.param(
            "Foreign Minister Wang Yi told Blinken that all parties should “remain calm and "
            "refrain from doing things that stimulated tensions,” according to a statement from "
            "the ministry.",
            "wang",
            id="a-relay-after-the-quote-gives-way-to-the-earlier-speaker",
        ),
        pytest.param(
            "According to the State Department’s reading of the call, “Secretary Blinken "
            "underlined the risks”.",
            "state department",
            id="according-to-names-the-speaker-when-nobody-else-does",
        ),
        pytest.param(
            "“The river is rising fast,” the Tarvo News Agency quoted provincial governor "
            "Mira Olsen as saying on Monday.",
            "olsen",
            id="a-newsroom-quoting-someone-as-saying-relays-that-persons-words",
        ),
        pytest.param(
            "“The situation in the capital is calm,” declared the Interior Minister, Ana Reis, "
            "during a press conference on Tuesday.",
            "reis",
            id="a-title-after-the-verb-is-held-by-the-name-after-its-comma",
        ),
    ],
)
def test_the_speaker_is_the_person_meant(text, key):
    assert only(text).speaker_key == key


def test_nested_single_quotes_stay_inside_the_outer_quote():
    text = "“They told us ‘leave now’ and we ran,” a witness said."
    q = only(text)
    assert q.text == "They told us ‘leave now’ and we ran"


def test_british_single_quotes_at_top_level():
    q = only("Blinken notes ‘the world is watching’ as the call ends.")
    assert q.text == "the world is watching"
    assert q.speaker_key == "blinken"


def test_apostrophes_do_not_open_or_close_quotes():
    assert quotes("It’s the company’s biggest deal, and Activision’s shares rose.") == ()


def test_scare_quotes_are_marked_short():
    q = only("Beijing and Moscow declared a “no limits” friendship.")
    assert q.short
    assert not only("“This is a long quote with many words,” he said.").short


def test_unattributed_quote_has_no_speaker():
    q = only("The word “sanctions” appears nowhere in the statement.")
    assert (q.speaker, q.speaker_key) == (None, None)


def test_straight_quotes_unbalanced_are_ignored():
    assert quotes('He measured 5" of rain and "then left') == ()


def test_seed_000_quotes_are_wangs():
    found = extract_facts(load_article(seed("000"))).quotes
    wang = [q for q in found if q.speaker_key == "wang"]
    assert len(wang) >= 3
    assert any(q.text.startswith("remain calm and refrain") for q in wang)
    assert any(q.text.startswith("Russia’s reasonable security concerns") for q in wang)


def test_seed_003_continued_quotes_are_wangs():
    found = extract_facts(load_article(seed("003"))).quotes
    assert all(q.speaker_key == "wang" for q in found if "Minsk" in q.text)


@given(st.text(alphabet=st.sampled_from(list("ab “”‘’\"'.,\n said Wang told")), max_size=200))
@settings(max_examples=200, deadline=None)
def test_quote_soup_never_crashes(text):
    for q in quotes(text):
        assert 0 <= q.start < q.end <= len(text)
        assert text[q.start : q.end] == q.text


@given(st.text(max_size=300))
@settings(max_examples=100, deadline=None)
def test_any_text_never_crashes(text):
    for q in quotes(text):
        assert text[q.start : q.end] == q.text
