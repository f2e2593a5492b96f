"""Facts one article states that the other never mentions: dates and times."""

from __future__ import annotations

from finder_sides import side

from core.discrepancies.omissions import omissions


def test_a_calendar_date_only_one_article_gives_is_an_omission():
    a = side("Port news.\n\nThe ferry first ran aground on March 3, 2019, near the same reef.")
    b = side("Port news.\n\nThe ferry ran aground near the reef, officials said.")
    [f] = omissions(a, b, set(), set(), "A")
    assert f.summary.startswith("only in A:")
    assert "March 3, 2019" in a.text[f.a[0] : f.a[1]]


def test_a_date_or_time_the_other_article_gives_too_is_no_omission():
    a = side("Port news.\n\nThe port reopens at 6 am on May 12 after repairs.")
    b = side("Port news.\n\nBoats may sail again from 6 am on May 12.")
    assert omissions(a, b, set(), set(), "A") == []


def test_a_weekday_alone_is_no_omission():
    a = side("Port news.\n\nThe ferry ran aground on Friday near the reef.")
    b = side("Port news.\n\nThe ferry ran aground near the reef.")
    assert omissions(a, b, set(), set(), "A") == []


def test_a_quotation_over_two_sentences_is_omitted_once_beside_its_figure():
    a = side(
        "Port news.\n\n"
        "\u201cOut of 140 containers, 61 have been recovered. The rest remain on the seabed "
        "and divers will return at dawn,\u201d harbour master Ivo Tan told reporters."
    )
    b = side("Port news.\n\nSalvage work continued in the bay on Tuesday.")
    found = omissions(a, b, set(), set(), "A")
    spans = sorted(f.a for f in found)
    assert spans and all(x[1] <= y[0] for x, y in zip(spans, spans[1:], strict=False))


def test_a_sentence_no_link_holds_that_counts_something_is_omitted_though_its_figure_recurs():
    a = side(
        "Port news.\n\nThe ferry carried five crew members on its last run.\n\n"
        "The coast guard keeps five patrol boats at the northern pier."
    )
    b = side("Port news.\n\nThe ferry had five crew members on board when it ran aground.")
    found = omissions(a, b, {1}, set(), "A")
    assert [a.text[f.a[0] : f.a[1]] for f in found] == [
        "The coast guard keeps five patrol boats at the northern pier."
    ]


def test_a_figure_omitted_from_a_restated_sentence_is_shown_with_its_sentence():
    a = side(
        "Port news.\n\nThe ferry ran aground near the reef on Friday, and 42 passengers "
        "were taken ashore by lifeboat."
    )
    b = side("Port news.\n\nThe ferry ran aground near the reef on Friday, officials said.")
    [f] = omissions(a, b, {1}, set(), "A")
    assert a.text[f.a[0] : f.a[1]].startswith("The ferry ran aground")
    assert "42 passengers" in f.summary


def test_a_figure_the_other_article_lacks_is_omitted_once_however_often_it_recurs():
    a = side(
        "Port news.\n\nWinds of 145 km/h hit the harbour on Friday night.\n\n"
        "Forecasters said gusts of 145 km/h would ease by Sunday."
    )
    b = side("Port news.\n\nA storm hit the harbour, closing the ferry terminal.")
    found = omissions(a, b, set(), set(), "A")
    assert sum("145" in f.summary for f in found) == 1



def test_a_conversion_in_brackets_is_no_fact_of_its_own():
    a = side("Port news.\n\nThe dredging cost 61.4 billion won (US$44.8 million) last year.")
    b = side("Port news.\n\nThe dredging cost 61.4 billion won ($44.6 million) last year.")
    assert omissions(a, b, {1}, set(), "A") == []
    c = side("Port news.\n\nThe dredging was paid for by the port authority last year.")
    [f] = omissions(a, c, {1}, set(), "A")
    assert "61.4 billion won" in f.summary


def test_a_figure_counting_something_else_does_not_state_it():
    a = side("Blast.\n\nAnother 48 people were admitted to city hospitals overnight.")
    b = side("Blast.\n\nMore than 40 people were killed in the blast, officials said.")
    [f] = omissions(a, b, {1}, set(), "A")
    assert f.severity == "medium" and "48 people" in f.summary
    c = side("Blast.\n\nMore than 40 people were taken to hospitals after the blast.")
    assert omissions(a, c, {1}, set(), "A") == []


def test_a_short_fragment_ranks_below_a_whole_claim_of_its_kind():
    other = side("Quake.\n\nThe quake struck the valley at dawn, officials said.")
    short = side("Quake.\n\nThe quake struck the valley at dawn. Rescuers found 14 survivors.")
    whole = side(
        "Quake.\n\nThe quake struck the valley at dawn. "
        "Rescuers working through the night found 14 survivors under the rubble of the school."
    )
    [fragment] = omissions(short, other, {0, 1}, set(), "A")
    [claim] = omissions(whole, other, {0, 1}, set(), "A")
    assert fragment.weight < claim.weight
    # a figure in a fragment is read with the low flags, after every whole figure
    assert (fragment.severity, claim.severity) == ("low", "medium")


def test_a_low_omission_from_a_restated_sentence_ranks_below_one_from_an_unlinked_one():
    a = side("Port news.\n\nThe ferry ran aground near the harbour on 3 March, the coast guard said.")
    b = side("Port news.\n\nThe ferry ran aground near the harbour, the coast guard said.")
    [unlinked] = omissions(a, b, set(), set(), "A")
    [linked] = omissions(a, b, {1}, set(), "A")
    assert (unlinked.severity, linked.severity) == ("low", "low")
    assert linked.weight < unlinked.weight


_ONE_TOPIC_A = "Port news.\n\nThe ferry sailed at night despite the storm, Ivo Tan said."
_ONE_TOPIC_B = "Port news.\n\nThe ferry sailed at night despite the storm, the operator said."


def test_a_sentence_linked_but_not_restated_is_read_as_one_sided_and_ranked_as_linked():
    a, b = side(_ONE_TOPIC_A), side(_ONE_TOPIC_B)
    assert omissions(a, b, {1}, set(), "A") == []  # restated: only a dropped figure would show
    [weak] = omissions(a, b, {1}, set(), "A", restated=set())
    [alone] = omissions(a, b, set(), set(), "A")
    assert weak.a == alone.a and "Ivo Tan" in a.text[weak.a[0] : weak.a[1]]
    assert weak.weight < alone.weight


def test_only_a_sure_claim_link_makes_a_sentence_restated():
    from finder_sides import link

    from core.discrepancies import candidate_flags
    from core.discrepancies.find import RESTATED_EVIDENCE
    from core.facts import extract_facts
    from core.model import Article

    a, b = Article(_ONE_TOPIC_A), Article(_ONE_TOPIC_B)
    sa, sb = side(_ONE_TOPIC_A), side(_ONE_TOPIC_B)

    def omitted(score: float) -> list:
        found = candidate_flags(a, b, [link(sa, sb, 1, 1, score)], extract_facts(a), extract_facts(b))
        return [f for f in found.flags if f.kind == "omission" and f.a is not None]

    assert omitted(RESTATED_EVIDENCE) == []
    [f] = omitted(RESTATED_EVIDENCE - 0.1)
    assert "Ivo Tan" in _ONE_TOPIC_A[f.a[0] : f.a[1]]


def test_a_minute_of_play_is_never_the_fact_omitted():
    a = side("Cup final.\n\nOkafor levelled in the 64th minute with a low shot.")
    b = side("Cup final.\n\nThe visitors defended deep all evening.")
    found = omissions(a, b, set(), set(), "A")
    assert found and not any(f.summary.startswith("only in A: 64th minute") for f in found)


def test_a_figure_is_stated_only_by_the_article_asked_not_one_read_before_it():
    from core.discrepancies.omissions import _stated

    mine = side("The fire destroyed 14 homes in the valley on Sunday.")
    gives = side("Firefighters said 14 homes were destroyed in the valley.")
    other = side("Firefighters said 19 homes were destroyed in the valley.")
    homes = next(q for q in mine.facts.quantities if q.text.startswith("14"))
    for _ in range(2):  # asked again, each article still answers for its own figures
        assert _stated(mine, homes, gives)
        assert not _stated(mine, homes, other)


def test_a_minute_of_play_states_no_other_figure_of_its_value():
    a = side("Cup final.\n\nPolice arrested 64 fans outside the ground after the match.")
    b = side("Cup final.\n\nOkafor scored in the 64th minute.")
    found = omissions(a, b, set(), set(), "A")
    assert any(f.summary.startswith("only in A: 64 fans") for f in found)
