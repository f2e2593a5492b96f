"""Credits compared over whole stories: relays and channels no claim link pairs."""

from __future__ import annotations

import pytest
from finder_sides import side

from core.compare import compare
from core.discrepancies.attribution_conflicts import credit_span
from core.discrepancies.story_credits import channel_conflicts, relay_conflicts
from core.model import Article

STORY_A = (
    "A tanker ran aground outside the harbour on Monday, the Harbour Wire reported. "
    "Crews worked through the night to refloat the vessel. "
    "Port director Elena Varga told reporters that no oil had leaked."
)
STORY_B = (
    "The harbour channel stayed closed for a second day, the Coastal Daily reported. "
    "Salvage teams expect to reopen it by Wednesday. "
    "Elena Varga said in a statement that no oil had leaked."
)


def test_each_story_relayed_by_an_outlet_the_other_never_names():
    pairs = relay_conflicts(side(STORY_A), side(STORY_B))
    assert [(f.source_key, g.source_key) for f, g in pairs] == [("harbour wire", "coastal daily")]


@pytest.mark.parametrize(
    ("text_a", "text_b"),
    [
        pytest.param(
            STORY_A, STORY_B + " The Harbour Wire first broke the news.", id="relay-named-anywhere"
        ),
        pytest.param(
            "The vote was postponed, state TV reported. Turnout had been low.",
            "The vote was postponed, the country's state television reported.",
            id="two-unnamed-broadcasters-of-one-kind",
        ),
        pytest.param(
            "The river burst its banks, according to the Environment Agency.",
            "The river burst its banks, the Valley Daily reported.",
            id="a-government-agency-is-no-newsroom",
        ),
    ],
)
def test_relays_that_are_one_chain_or_no_newsroom_do_not_conflict(text_a, text_b):
    assert relay_conflicts(side(text_a), side(text_b)) == []


def test_one_speaker_told_reporters_in_one_story_and_issued_a_statement_in_the_other():
    pairs = channel_conflicts(side(STORY_A), side(STORY_B))
    assert [(f.text, g.text) for f, g in pairs] == [
        ("Port director Elena Varga told", "Elena Varga said in a statement")
    ]


def test_a_speaker_heard_through_both_channels_in_one_story_is_no_conflict():
    both = STORY_A + " Varga later said in a statement that the channel would reopen."
    assert channel_conflicts(side(both), side(STORY_B)) == []


def test_a_flag_shows_the_whole_chain_of_credit():
    s = side("Speaking to the Harbour Wire, Varga said the channel would reopen.")
    relay = next(f for f in s.facts.attributions if f.source_key == "harbour wire")
    start, end = credit_span(s, relay)
    assert s.text[start:end] == "Speaking to the Harbour Wire, Varga said"


def test_compare_reports_story_credits_no_claim_link_pairs():
    """The credited sentences report different details, so no link sets them side by side."""
    a = STORY_A
    b = STORY_B.replace("no oil had leaked", "the crew of twelve had been taken ashore")
    found = compare(Article(a), Article(b), capped=False).discrepancies
    summaries = [d.summary for d in found if d.kind == "attribution"]
    assert any("Harbour Wire" in s and "Coastal Daily" in s for s in summaries)
    assert any("told" in s and "statement" in s for s in summaries)


def test_one_speaker_first_hand_in_one_story_and_through_a_newsroom_in_the_other():
    from core.discrepancies.story_credits import relayed_speakers

    a = side("Harbour news.\n\nHarbour master Elena Varga told reporters the channel was clear.")
    b = side(
        "Harbour news.\n\nThe Coastal Daily reported, citing harbour master Elena Varga, "
        "that the channel was clear."
    )
    [(fa, fb)] = relayed_speakers(a, b)
    assert (fa.source_key, fb.source_key) == ("varga", "coastal daily")
    [(fb2, fa2)] = relayed_speakers(b, a)  # either order: the relay is the other story's
    assert (fb2.source_key, fa2.source_key) == ("coastal daily", "varga")


def test_a_relay_both_stories_name_is_one_chain():
    from core.discrepancies.story_credits import relayed_speakers

    a = side(
        "Harbour news.\n\nHarbour master Elena Varga told reporters the channel was clear, "
        "as the Coastal Daily first reported."
    )
    b = side(
        "Harbour news.\n\nThe Coastal Daily reported, citing harbour master Elena Varga, "
        "that the channel was clear."
    )
    assert relayed_speakers(a, b) == []


def test_credits_of_sentences_no_alignment_holds_show_what_they_credit():
    from core.discrepancies import find_discrepancies
    from core.facts import extract_facts

    text_a = "Heavy rain flooded the coastal road near Port Alder on Friday, reports Reuters."
    text_b = (
        "Heavy rain flooded the coastal road near Port Alder on Friday, news agency "
        "AFP quoted officials as saying."
    )
    a, b = Article(text=text_a), Article(text=text_b)
    found = find_discrepancies(a, b, (), extract_facts(a), extract_facts(b))
    [credit] = [d for d in found if d.kind == "attribution"]
    assert text_a[slice(*credit.a)].startswith("Heavy rain flooded")
    assert text_b[slice(*credit.b)].startswith("Heavy rain flooded")


def test_a_post_on_a_platform_and_a_news_conference_are_two_channels():
    a = side('Ferry news.\n\n"The ferry will sail on Friday," Mayor Ana Ruiz said on X.')
    b = side(
        'Ferry news.\n\n"The ferry will sail on Friday," said Mayor Ana Ruiz during a '
        "news conference."
    )
    pairs = channel_conflicts(a, b)
    assert [(f.cue, g.cue) for f, g in pairs] == [("said on x", "said in a conference")]


def test_a_passage_pair_sets_its_credits_before_a_weak_link_takes_one():
    from finder_sides import link

    from core.discrepancies.find import _strongest_first
    from core.model import Alignment

    a = side(
        "Outbreak.\n\nThe Health Ministry has reported 20 cases so far. "
        "Minister Ana Lund told reporters that 20 people were infected."
    )
    b = side("Outbreak.\n\nAna Lund said in a statement that 20 people were infected.")
    weak = link(a, b, 1, 1, 0.3)
    s2, t1 = a.sentences[2], b.sentences[1]
    passage = Alignment(((s2.start, s2.end),), ((t1.start, t1.end),), 0.6)
    order = _strongest_first(a, b, [weak, passage], [(1, 1)])
    assert order[0] == (2, 1) and set(order) == {(2, 1), (1, 1)}
    from core.discrepancies.attribution_conflicts import attribution_conflicts

    flags = attribution_conflicts(a, b, order)
    assert [a.text[slice(*f.a)] for f in flags] == ["Minister Ana Lund told"]
    # read in text order, the weak link would take B's credit for the ministry
    assert [a.text[slice(*f.a)] for f in attribution_conflicts(a, b, sorted(order))] == [
        "The Health Ministry has reported"
    ]


def test_a_credit_by_pronoun_names_whom_it_stands_for():
    from core.discrepancies.attribution_conflicts import credit_label

    told = side(
        "Crash.\n\n"
        '"The bus left the road at dusk," said Inspector Tomas Reyes of the county police.\n\n'
        '"It was Ana Marsh who was driving," he told reporters.'
    )
    by_pronoun = next(f for f in told.facts.attributions if f.source == "he")
    assert credit_label(told, by_pronoun) == "he told (Tomas Reyes)"
    named = next(
        f for f in told.facts.attributions if f.source_key == "reyes" and f is not by_pronoun
    )
    assert credit_label(told, named) == named.text


LONE_A = (
    "Councillors agreed to double the harbour levy from next spring, the Harbour Wire "
    "reported on Monday. The levy pays for dredging the channel."
)
LONE_B = (
    "Councillors agreed to double the harbour levy from next spring. "
    "The levy pays for dredging the channel."
)


def _lone_flags(text_a: str, text_b: str) -> list[str]:
    found = compare(Article(text=text_a), Article(text=text_b), capped=False).discrepancies
    return [d.summary for d in found if d.kind == "attribution"]


def test_a_claim_relayed_in_one_story_and_uncredited_in_the_other():
    assert _lone_flags(LONE_A, LONE_B) == ["attribution: the Harbour Wire reported vs no source named"]


@pytest.mark.parametrize(
    "text_b",
    [
        pytest.param(LONE_B + " The Harbour Wire first broke the news.", id="relay-named-anywhere"),
        pytest.param(
            "Councillors agreed to double the harbour levy from next spring, the mayor said. "
            "The levy pays for dredging the channel.",
            id="credited-to-a-speaker",
        ),
    ],
)
def test_no_lone_relay_when_the_other_story_names_it_or_credits_the_claim(text_b):
    assert not any("no source named" in s for s in _lone_flags(LONE_A, text_b))
