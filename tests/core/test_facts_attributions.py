"""Attributions: who a claim is credited to, and chains of relays."""

from __future__ import annotations

import pytest
from conftest import seed
from hypothesis import given, settings
from hypothesis import strategies as st

from core.facts import extract_facts
from core.ingest.load import article_from_text, load_article
from core.model import Article


def attributions(text: str):
    return extract_facts(Article(text=text)).attributions


def keys(text: str):
    return [(a.source_key, a.cue) for a in attributions(text)]


@pytest.mark.parametrize(
    ("text", "key", "cue"),
    [
        (
            "At least 1,498 people were killed, according to the disaster agency AFAD.",
            "afad",
            "according to",
        ),
        ("The toll rose to 40, according to local media.", "local media", "according to"),
        # a missing comma: the source ends where the next phrase opens
        ("According to local media the ferry never sailed.", "local media", "according to"),
        ("According to the head of the port the ferry sank.", "head of the port", "according to"),
        (
            "Troops massed near the border, according to the wire service.",
            "wire service",
            "according to",
        ),
        ("The company will cut 300 jobs, citing Reuters.", "reuters", "citing"),
        (
            "The deal will close next year, Microsoft said in a statement.",
            "microsoft",
            "said in a statement",
        ),
        (
            "Mayor Anne Hidalgo told reporters the fire was under control.",
            "hidalgo",
            "told reporters",
        ),
        ("Officials and witnesses say the blast shook the port.", "officials and witnesses", "say"),
        ("The talks collapsed, said Ned Price, the State Department spokesman.", "price", "said"),
        ("The U.S. Geological Survey said the quake was shallow.", "geological survey", "said"),
        (
            "A Russian news agency reported that the player was detained.",
            "russian news agency",
            "reported",
        ),
        ("The fire spread overnight, as reported by state television.", "state television", "reported by"),
        (
            "Nine homes burned, as announced this morning by the fire chief.",
            "fire chief",
            "announced by",
        ),
        ("The minister, quoted by the Valley Daily, said roads were shut.", "valley daily", "quoted by"),
    ],
)
def test_single_attributions(text, key, cue):
    assert (key, cue) in keys(text)
    for a in attributions(text):
        assert text[a.start : a.end] == a.text


def test_document_owner_is_the_source():
    text = "The State Department’s readout of the call made no mention of Taiwan."
    assert ("state department", "readout") in keys(text)
    text = "The call was cordial, said a readout of the call published by the China Global Television Network."
    assert any(a.source_key == "china global television network" for a in attributions(text))


def test_an_office_is_named_by_its_owner_not_by_the_word_office():
    text = "According to the Harlan County Sheriff's Office, two men were held."
    assert ("harlan county sheriff office", "according to") in keys(text)


def test_chain_of_relays():
    text = "“We call on all parties to stay calm,” Wang told Blinken, China's foreign ministry said in a statement, according to Reuters."
    found = {a.source_key: a for a in attributions(text)}
    assert found["wang"].via == "china foreign ministry"
    assert found["china foreign ministry"].via == "reuters"
    assert found["reuters"].via is None


def test_relay_first_then_speaker():
    text = "According to Chinese state media, Wang told Blinken that China's stance was consistent."
    found = {a.source_key: a for a in attributions(text)}
    assert found["wang"].via == "chinese state media"


def test_a_new_clause_breaks_the_chain():
    text = (
        "At least 1,498 people died, according to AFAD, while Syrian state media said 430 had died."
    )
    found = {a.source_key: a for a in attributions(text)}
    assert found["syrian state media"].via is None


def test_pronoun_source_resolves_to_the_last_person():
    text = "Prime Minister Rishi Sunak met the king. He said the meeting was productive."
    assert ("sunak", "said") in keys(text)


def test_a_pronoun_credit_is_not_a_name_inside_the_quotation_it_closes():
    text = (
        '"The bus left the road at dusk," said Inspector Tomas Reyes of the county police.\n\n'
        '"It was Ana Marsh who was driving, and the bus rolled twice," he told reporters.'
    )
    assert ("reyes", "told reporters") in keys(text)
    assert all(key != "marsh" for key, _ in keys(text))


@given(st.text(alphabet='ab "“”\n.', max_size=60), st.integers(min_value=0, max_value=70))
def test_quotation_lookup_never_fails(text, offset):
    from core.facts.entities import _quotations, _within

    assert _within(_quotations(text), offset) in (True, False)


def test_names_with_and_without_the_us_prefix_share_a_key():
    a = keys("The U.S. Department of State said in a statement that talks would continue.")
    b = keys("The State Department said the talks would continue.")
    assert a[0][0] == b[0][0] == "state department"


@pytest.mark.parametrize(
    "text",
    [
        "China’s continued refusal to condemn the invasion drew criticism.",
        "The regime, which has never renounced force, said the action was wrong.",
        "They said nothing.",
        "Everything is being done according to a plan, he said of the “operation according to plan”.",
    ],
)
def test_no_bogus_sources(text):
    for a in attributions(text):
        assert a.source_key not in ("china", "the action", "they", "plan")
        assert "action is" not in a.source


def test_seed_000_local_media():
    found = extract_facts(load_article(seed("000"))).attributions
    assert any(a.source_key == "local media" and a.cue == "according to" for a in found)


def test_seed_003_wire_service_and_reuters_chain():
    found = extract_facts(load_article(seed("003"))).attributions
    assert any(a.source_key == "wire service" for a in found)
    ministry = next(a for a in found if a.source_key == "china foreign ministry")
    assert ministry.via == "reuters"


@given(st.text(max_size=300))
@settings(max_examples=100, deadline=None)
def test_any_text_never_crashes(text):
    for a in attributions(text):
        assert 0 <= a.start < a.end <= len(text)
        assert text[a.start : a.end] == a.text


_PIECES = [
    "said ",
    "told ",
    "according to ",
    "Wang ",
    ", ",
    ". ",
    "“",
    "”",
    "the ",
    "ministry ",
    "he ",
    "\n",
]


@given(st.lists(st.sampled_from(_PIECES), max_size=40).map("".join))
@settings(max_examples=150, deadline=None)
def test_attribution_soup_never_crashes(text):
    for a in attributions(text):
        assert text[a.start : a.end] == a.text


def test_a_verb_after_and_does_not_take_the_words_before_it_as_source():
    # "…employs 3,400 people and reported revenue": the source is not "people and".
    text = (
        "Quantix, based in Austin, employs about 3,400 people and reported revenue of $1.2 billion."
    )
    assert all("and" not in a.source.split() for a in attributions(text))
    assert keys("Officials and witnesses say the bridge collapsed.") == [
        ("officials and witnesses", "say")
    ]


@pytest.mark.parametrize(
    ("text", "source", "cue"),
    [
        (
            "Four men were held near the border, regional news agencies report.",
            "regional news agencies",
            "report",
        ),
        ("Mr Okoro told mediapersons that two people had died.", "Mr Okoro", "told mediapersons"),
        ("The spokesman told BBC that the leader would stay at home.", "The spokesman", "told bbc"),
    ],
)
def test_relays_audiences_and_outlets_told(text, source, cue):
    found = [
        (a.source, a.cue) for a in extract_facts(article_from_text("Head\n\n" + text)).attributions
    ]
    assert (source, cue) in found, found


def test_a_report_as_a_noun_credits_nobody():
    found = extract_facts(
        article_from_text("Head\n\nOfficials said the report was ready.")
    ).attributions
    assert [a.source for a in found] == ["Officials"]


def test_reported_dead_or_confirmed_missing_is_a_state_not_a_credit():
    found = extract_facts(Article("Storm news.\n\n3 people reported dead after the storm.")).attributions
    assert found == ()
    found = extract_facts(
        Article("Storm news.\n\nThe agency reported that two people died.")
    ).attributions
    assert [f.source_key for f in found] == ["agency"]


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("The plant will close, according to \u201cKestrel\u201d news agency.", "\u201cKestrel\u201d news agency"),
        ("\u201cWe will rebuild,\u201d said \u201cKestrel\u201d on Monday.", "Kestrel"),
        ("The plant will close, according to Kestrel news agency today.", "Kestrel news agency"),
    ],
)
def test_a_credit_in_quotation_marks_or_before_a_time_word(text, source):
    assert [a.source for a in attributions(text)] == [source]


@pytest.mark.parametrize(
    ("text", "source", "cue"),
    [
        ("The ferry will sail on Friday, the mayor said on X.", "the mayor", "said on x"),
        (
            "The ferry will sail on Friday, the mayor said in a short statement on social media.",
            "the mayor",
            "said in a statement on social",
        ),
        (
            "The ferry will sail on Friday, the mayor said in a short statement posted on Facebook.",
            "the mayor",
            "said in a statement on facebook",
        ),
        (
            "The ferry will sail on Friday, the mayor said on Social Security day.",
            "the mayor",
            "said",
        ),
        (
            "The ferry will sail on Friday, the mayor said at a news conference.",
            "the mayor",
            "said in a conference",
        ),
        (
            "The ferry will sail on Friday, the mayor told a press conference.",
            "the mayor",
            "told a press conference",
        ),
        (
            "The ferry will sail on Friday, the mayor said during a televised address.",
            "the mayor",
            "said in an address",
        ),
        (
            '"The ferry will sail on Friday," said Mayor Ana Ruiz in a video statement.',
            "Mayor Ana Ruiz",
            "said in a statement",
        ),
        (
            "The ferry will sail on Friday, stated Mayor Ana Ruiz on Facebook.",
            "Mayor Ana Ruiz",
            "stated on facebook",
        ),
        ("The ferry will sail on Friday, the mayor said on Monday.", "the mayor", "said"),
    ],
)
def test_where_a_speaker_said_it_is_part_of_the_cue(text, source, cue):
    found = [
        (a.source, a.cue) for a in extract_facts(article_from_text("Head\n\n" + text)).attributions
    ]
    assert (source, cue) in found, found


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("Turnout reached 42%, according to data provided by the ministry.", "ministry"),
        ("It grew, according to official data released by the statistics bureau.", "statistics bureau"),
        ("The plan was approved, according to a report by the harbour board.", "harbour board"),
    ],
)
def test_data_provided_by_a_body_is_credited_to_the_body(text, key):
    assert [a.source_key for a in attributions(text)] == [key]


def test_a_passive_relay_carries_the_speaker_before_it():
    text = "The toll rose to 12, Mayor Ana Ruiz said, as reported by state television."
    found = {a.source_key: a for a in attributions(text)}
    assert found["ruiz"].via == "state television"
    assert found["state television"].text == "as reported by state television"


@pytest.mark.parametrize(
    "text", ["The bridge was built by the army in 1990.", "He was confirmed by a vote of 52 to 48."]
)
def test_a_passive_that_passes_nothing_on_is_no_relay(text):
    assert not [a for a in attributions(text) if a.cue.endswith(" by")]
