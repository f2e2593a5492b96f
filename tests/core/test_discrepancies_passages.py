"""Typing token changes inside one hand-built aligned passage, independent of the aligner and extractors."""

from __future__ import annotations

import pytest

from core.compare import compare
from core.discrepancies import find_discrepancies
from core.facts.fact_records import Facts, Quantity
from core.matchers.tokendiff import diff_passage
from core.model import Alignment, Article

NO_FACTS = Facts()


def one_passage(text_a: str, text_b: str, facts_a: Facts = NO_FACTS, facts_b: Facts = NO_FACTS):
    a, b = Article(text=text_a), Article(text=text_b)
    spans_a, spans_b = ((0, len(text_a)),), ((0, len(text_b)),)
    alignment = Alignment(spans_a, spans_b, 0.9, diff_passage(text_a, spans_a, text_b, spans_b))
    return find_discrepancies(a, b, (alignment,), facts_a, facts_b)


def test_a_weekday_swap_is_a_date_even_without_date_facts():
    found = one_passage(
        "The minister met the delegation on Monday in the capital.",
        "The minister met the delegation on Tuesday in the capital.",
    )
    assert [(d.kind, d.severity, d.alignment) for d in found] == [("date", "high", 0)]
    assert found[0].summary == "on Monday vs on Tuesday"


def test_an_inserted_not_is_a_high_negation():
    found = one_passage(
        "The company will attend the hearing next month.",
        "The company will not attend the hearing next month.",
    )
    assert [(d.kind, d.severity) for d in found] == [("negation", "high")]
    assert found[0].alignment == 0
    assert "not" in found[0].summary


def test_never_for_not_is_still_a_negation():
    found = one_passage(
        "Officials said the bridge will not reopen this year.",
        "Officials said the bridge will never reopen this year.",
    )
    assert not [d for d in found if d.kind == "negation"]


def test_changed_words_between_quotation_marks_are_a_quote():
    found = one_passage(
        "\u201cWe will rebuild every home,\u201d the governor said.",
        "\u201cWe will rebuild every house,\u201d the governor said.",
    )
    assert [(d.kind, d.severity) for d in found] == [("quote", "high")]
    assert found[0].summary == 'quote: "every home" vs "every house"'


def test_a_speaker_tag_inside_one_quotation_alters_none_of_its_words():
    found = one_passage(
        "\u201cThere is no other word except for \u2018brilliant\u2019,\u201d she said."
        " \u201cWe trained for years.\u201d",
        "She said: \u201cThere is no other word except for brilliant. We trained for years.\u201d",
    )
    assert [d for d in found if d.kind == "quote"] == []


def test_a_longer_excerpt_of_a_quote_is_not_an_alteration():
    found = one_passage(
        "\u201cWe will rebuild,\u201d the governor said.",
        "\u201cWe will rebuild every home,\u201d the governor said.",
    )
    assert found == ()


def test_a_longer_excerpt_whose_change_takes_in_a_shared_word_is_not_an_alteration():
    found = one_passage(
        '"The panel finds that the mayor broke the rules, and he has misled the council,"'
        " Judge Ana Ruiz, sitting in Leeds, wrote.",
        "\u201cAfter having carefully considered and weighed the witness testimony and "
        "evidence, the panel finds that the mayor broke the rules, and he has misled the "
        "council,\u201d Ruiz wrote in her 90-page ruling.",
    )
    assert [d for d in found if d.kind == "quote"] == []
    altered = one_passage(
        "\u201cThe panel finds that the mayor broke the rules,\u201d the ruling said.",
        "\u201cThe board finds that the mayor broke the rules,\u201d the ruling said.",
    )
    assert [d.kind for d in altered] == ["quote"]


def test_grammar_and_inflection_changes_are_trivial():
    found = one_passage(
        "Rescuers pulled the survivors from a collapsed school, citing economic risks.",
        "Rescuers pulled survivors from the collapsed school, citing economics risks.",
    )
    assert found == ()


@pytest.mark.parametrize(
    ("text_a", "text_b"),
    [
        (
            "The driver worked part-time at the ferry depot, colleagues recalled.",
            "The driver worked part of the time at the ferry depot, colleagues recalled.",
        ),
        (
            "A second guard was also wounded in the exchange of fire.",
            "A second guard was also injured in the exchange of fire.",
        ),
        (
            "The ORPS sealed off the valley road overnight.",
            "The Ostland Regional Police Service sealed off the valley road overnight.",
        ),
    ],
)
def test_a_compound_a_plain_synonym_or_a_body_and_its_initials_are_no_rewording(text_a, text_b):
    assert one_passage(text_a, text_b) == ()


def test_a_small_content_edit_is_low_wording_with_context():
    found = one_passage(
        "De-escalation is the responsible way forward, he said.",
        "De-escalation and diplomacy is the responsible way forward, he said.",
    )
    assert [(d.kind, d.severity) for d in found] == [("wording", "low")]
    assert found[0].summary == '"De-escalation is" vs "De-escalation and diplomacy is"'


def test_figures_that_agree_are_not_flagged():
    text_a = "The council approved 1.2 million euros for repairs."
    text_b = "The council approved 1,200,000 euros for repairs."
    qa = Quantity(21, 38, text_a[21:38], 1.2e6, 1.2e6, True, True, "euro", "", None, 0)
    qb = Quantity(21, 36, text_b[21:36], 1.2e6, 1.2e6, True, True, "euro", "", None, 0)
    assert one_passage(text_a, text_b, Facts(quantities=(qa,)), Facts(quantities=(qb,))) == ()


def test_figures_that_differ_are_a_high_number():
    text_a = "The council approved 12 million euros for repairs."
    text_b = "The council approved 15 million euros for repairs."
    qa = Quantity(21, 37, text_a[21:37], 12e6, 12e6, True, True, "euro", "", None, 0)
    qb = Quantity(21, 37, text_b[21:37], 15e6, 15e6, True, True, "euro", "", None, 0)
    found = one_passage(text_a, text_b, Facts(quantities=(qa,)), Facts(quantities=(qb,)))
    assert [(d.kind, d.severity, d.summary) for d in found] == [
        ("number", "high", "12 million euros vs 15 million euros")
    ]


def test_a_negator_before_a_kept_verb_flips_a_longer_change():
    found = one_passage(
        "Norvell said it did not expect job cuts.",
        "Norvell said it expected job cuts as it combined the two companies' sales teams.",
    )
    assert [(d.kind, d.severity) for d in found] == [("negation", "high")]


def test_a_negator_inside_a_rewritten_clause_is_not_a_flip():
    found = one_passage(
        "The company said it did not expect job cuts.",
        "The company said the merger would create hundreds of jobs in Texas.",
    )
    assert "negation" not in [d.kind for d in found]


def test_a_longer_excerpt_anchored_on_a_grammar_word_is_not_an_alteration():
    found = one_passage(
        "\u201cWe respect the jury's work, but we believe the evidence was not there,\u201d Feld said.",
        "\u201cWe believe the evidence was not there,\u201d Feld said.",
    )
    assert "quote" not in [d.kind for d in found]
    found = one_passage(
        "\u201cWe believe the evidence was weak,\u201d Feld said.",
        "\u201cWe believe the evidence was thin,\u201d Feld said.",
    )
    assert [d.kind for d in found] == ["quote"]


def test_a_straight_quoted_change_is_summarised_by_its_quoted_words():
    found = one_passage(
        '"We never stopped believing," Rovers manager Sean Doyle said.',
        '"We always believed," manager Sean Doyle said.',
    )
    quotes = [d for d in found if d.kind == "quote"]
    assert [d.summary for d in quotes] == [
        'quote: "We never stopped believing" vs "We always believed"'
    ]


# --- moved words are not reworded words ---------------------------------------------


def _with_facts(text_a: str, text_b: str):
    from core.facts import extract_facts

    return one_passage(
        text_a, text_b, extract_facts(Article(text_a)), extract_facts(Article(text_b))
    )


def test_reordered_words_are_not_a_wording_change():
    found = one_passage(
        "Passengers evacuated after engine-room fire on Vessmark ferry",
        "Engine-room fire on Vessmark ferry: passengers evacuated",
    )
    assert found == ()


def test_a_clause_moved_within_a_sentence_is_not_a_wording_change():
    found = one_passage(
        "On the advice of doctors, the senator cancelled the rally in Dover.",
        "The senator cancelled the rally in Dover on the advice of doctors.",
    )
    assert found == ()


def test_a_moved_word_next_to_a_real_edit_still_shows_the_edit():
    found = one_passage(
        "Officials said the storm closed the northern bridge to traffic until Friday.",
        "The storm closed the southern bridge to traffic until Friday, officials said.",
    )
    assert [(d.kind, d.summary) for d in found] == [
        ("wording", '"the northern bridge" vs "the southern bridge"')
    ]


def test_figures_swapped_in_place_still_conflict():
    found = _with_facts(
        "The blast killed 14 people and injured 30 people in the market.",
        "The blast killed 30 people and injured 14 people in the market.",
    )
    assert [d.kind for d in found if d.kind == "number"]


# --- quantifiers are not figures ------------------------------------------------------


def test_all_passengers_is_not_a_figure_against_about_280():
    found = _with_facts(
        "All passengers and crew were evacuated off the coast, the coast guard said.",
        "About 280 passengers and crew were evacuated off the coast, the coast guard said.",
    )
    assert not [d for d in found if d.kind == "number"]


def test_a_dropped_figure_is_still_flagged():
    found = _with_facts(
        "The crash killed 14 people on the motorway near the border.",
        "The crash killed people on the motorway near the border.",
    )
    assert [(d.kind, d.severity) for d in found] == [("number", "medium")]


def test_a_dropped_spelled_out_figure_is_still_flagged():
    found = _with_facts(
        "The storm destroyed twelve homes along the northern shore overnight.",
        "The storm destroyed homes along the northern shore overnight.",
    )
    assert [d.kind for d in found] == ["number"]


def test_one_floor_with_another_figure_in_one_sentence_conflicts():
    found = _with_facts(
        "More than 800 homes were damaged by the storm, county officials said.",
        "More than 1,000 homes were damaged by the storm, county officials said.",
    )
    assert [d.kind for d in found if d.kind == "number"] == ["number"]


def test_two_floors_worded_apart_still_agree_when_they_overlap():
    found = _with_facts(
        "More than 300 homes were damaged by the storm, county officials said.",
        "At least 320 homes were damaged by the storm, county officials said.",
    )
    assert not [d for d in found if d.kind == "number"]


def test_a_dateline_against_another_dateline_is_not_an_entity():
    found = _with_facts(
        "HARBORTON – At least 40 people were rescued when the ferry ran aground.",
        "PORT ELLIS – At least 40 people were rescued when the ferry ran aground.",
    )
    assert found == ()


def test_a_contraction_written_out_inside_a_quotation_is_not_an_alteration():
    found = one_passage(
        'The coach said: "I am proud of what these players have done this season."',
        'The coach said: "I\'m proud of what these players have done this season."',
    )
    assert found == ()


def test_a_word_for_its_plain_equivalent_is_not_a_rewording():
    found = one_passage(
        "The former mayor was sent to jail for six years on Tuesday after a long trial.",
        "The former mayor was sent to prison for six years on Tuesday after a long trial.",
    )
    assert found == ()
    other = one_passage(
        "The former mayor was sent to jail for six years on Tuesday after a long trial.",
        "The former mayor was sent to exile for six years on Tuesday after a long trial.",
    )
    assert [d.kind for d in other] == ["wording"]


def test_a_regional_word_for_the_same_thing_is_not_a_rewording():
    found = one_passage(
        "Tickets to the soccer final were handed to the minister by a lorry firm.",
        "Tickets to the football final were handed to the minister by a truck firm.",
    )
    assert found == ()


def test_the_peak_a_storm_weakened_from_is_not_set_against_its_winds_now():
    b = "Storm Kelvar hit on Tuesday with sustained winds of 140 kph (87 mph) near the coast."
    found = _with_facts(
        "Storm Kelvar hit on Tuesday. Its winds weakened from a peak of 250 kph (155 mph) near the coast.",
        b,
    )
    assert [d for d in found if d.kind == "number"] == []
    now = _with_facts(b.replace("140 kph (87 mph)", "150 kph (93 mph)"), b)
    assert "number" in [d.kind for d in now]


_TRIAGE = "Of the wounded, 40 went to the county hospital and 6 to the Riverside clinic."


def test_a_figure_in_digits_against_the_same_figure_in_words_is_neither_dropped_nor_omitted():
    found = _with_facts(_TRIAGE, _TRIAGE.replace("and 6", "and six"))
    assert found == ()


def test_a_figure_in_digits_against_another_figure_in_words_is_still_reported():
    found = _with_facts(_TRIAGE, _TRIAGE.replace("and 6", "and nine"))
    six = _TRIAGE.index("6 to")
    assert [d.kind for d in found if d.a and d.a[0] <= six < d.a[1]]


def test_a_change_that_only_takes_in_a_closing_mark_is_a_credit_not_a_quote():
    text_b = (
        "\u201cThe mayor stressed the costs and said that talks and patience are the only way "
        "forward,\u201d City Hall said in a statement."
    )
    found = _with_facts(
        "The mayor answered by stressing the costs and said that talks are the only way "
        "forward, according to City Hall spokeswoman Ana Ruiz.",
        text_b,
    )
    assert [d.kind for d in found if d.kind == "attribution"] == ["attribution"]
    credit_start = text_b.index("City Hall said")
    assert not [d for d in found if d.kind == "quote" and d.b and d.b[1] > credit_start]


@pytest.mark.parametrize(
    ("text_a", "text_b", "kind"),
    [
        (  # only a figure's hedge changed: the figure stayed
            "The insurer said it will close about 40 branches across the region this year.",
            "The insurer said it will close 40 branches across the region this year.",
            "number",
        ),
        (  # a day named only against an unknown page date cannot be placed
            "The storm slammed the northern coast Friday morning, uprooting trees.",
            "The storm slammed the northern coast this morning, uprooting trees.",
            "date",
        ),
    ],
)
def test_differences_that_change_no_fact_are_quiet(text_a, text_b, kind):
    assert not [d for d in _with_facts(text_a, text_b) if d.kind == kind]


def test_not_until_sets_when_not_whether():
    found = one_passage(
        "The bridge won't be open to traffic until the spring of 2027, officials said.",
        "The bridge will be open to traffic in the spring of 2027, officials said.",
    )
    assert not [d for d in found if d.kind == "negation"]
    still = one_passage(
        "The bridge won't be open to traffic in the spring of 2027, officials said.",
        "The bridge will be open to traffic in the spring of 2027, officials said.",
    )
    assert [d.kind for d in still] == ["negation"]


def test_a_reworded_phrase_ranks_below_a_claim_only_one_article_makes(monkeypatch):
    from core.compare import compare
    from core.discrepancies import find

    seen = []
    real_rank = find.rank

    def spy(flags, words, capped=True, lengths=(0, 0)):
        seen.extend(flags)
        return real_rank(flags, words, capped, lengths)

    monkeypatch.setattr(find, "rank", spy)
    a = (
        "Storm.\n\nThe storm flattened the harbour wall and sank two fishing boats overnight. "
        "Engineers said 14 homes on the seafront lost their roofs."
    )
    b = "Storm.\n\nThe storm wrecked the harbour wall and sank two fishing boats overnight."
    compare(Article(text=a), Article(text=b), capped=False)
    wording = [f for f in seen if f.kind == "wording"]
    omissions = [f for f in seen if f.kind == "omission"]
    assert wording and omissions
    assert max(f.weight for f in wording) < min(f.weight for f in omissions)


def test_a_bracketed_gloss_one_side_adds_is_not_a_change():
    found = one_passage(
        '"The spread outside (the Republic of Vell) RV and nearby states worries us," '
        "the director said.",
        '"The spread outside RV, and nearby states worries us," the director said.',
    )
    assert found == ()
    plain = one_passage(
        '"The spread outside the Republic of Vell and nearby states worries us," '
        "the director said.",
        '"The spread outside RV, and nearby states worries us," the director said.',
    )
    assert [d.kind for d in plain] == ["quote"]


def test_a_bracketed_gloss_inside_a_matched_quotation_is_not_an_alteration():
    from core.compare import compare

    a = Article(
        text="Outbreak.\n\nAt a briefing in the capital on Monday, health officials from "
        'six agencies met. "The spread outside (the Republic of Vell) RV worries all of '
        'us deeply," the director told reporters.'
    )
    b = Article(
        text='Outbreak.\n\nThe director was blunt: "The spread outside RV worries all of us '
        'deeply." Six agencies sent officials to the briefing.'
    )
    found = compare(a, b, capped=False).discrepancies
    assert not [d for d in found if d.kind == "quote"]


def test_one_quotation_ending_its_sentence_on_one_side_only_is_not_an_alteration():
    a = (
        'Harbour.\n\n"For reasons of health, I am stepping aside from the harbour board '
        'effective immediately," Lund said in a short note.'
    )
    b = (
        "Harbour.\n\n\u201cFor reasons of health, I am stepping aside from the harbour board "
        "(its chair) effective immediately. Serving here was an honour,\u201d Lund said."
    )
    assert _kinds_found(a, b, "quote") == []
    # the same quotation with its words changed is still an alteration
    c = b.replace("stepping aside from", "quitting")
    assert len(_kinds_found(a, c, "quote")) == 1


def _kinds_found(text_a: str, text_b: str, kind: str) -> list:
    from core.compare import compare

    found = compare(Article(text_a), Article(text_b), capped=False).discrepancies
    return [d for d in found if d.kind == kind]


@pytest.mark.parametrize(
    ("kind", "a", "same", "other"),
    [
        (  # two roundings of one conversion in brackets
            "number",
            "Volcano.\n\nThe agency said a seven-kilometre (four miles) radius must be cleared.",
            "Volcano.\n\nThe agency said a seven-kilometre (4.35 miles) radius must be cleared.",
            "Volcano.\n\nThe agency said a ten-kilometre (six miles) radius must be cleared.",
        ),
        (  # a quotation with or without an article
            "quote",
            'Blast.\n\n"There was power outage and then the roof fell in," the mayor said.',
            'Blast.\n\n"There was a power outage and then the roof fell in," the mayor said.',
            'Blast.\n\n"There was a gas leak and then the roof fell in," the mayor said.',
        ),
    ],
)
def test_what_a_copy_desk_changes_is_no_discrepancy_but_a_changed_fact_is(kind, a, same, other):
    assert not _kinds_found(a, same, kind)
    assert _kinds_found(a, other, kind)


def test_quoted_words_told_very_otherwise_rank_after_a_one_sided_figure():
    from core.discrepancies.omissions import _WEIGHT
    from core.discrepancies.passages import ONE_SIDED_QUOTE_WEIGHT, passage_flags
    from core.discrepancies.side import build_side
    from core.facts import extract_facts

    def quote_flags(text_a: str, text_b: str):
        a, b = Article(text=text_a), Article(text=text_b)
        spans_a, spans_b = ((0, len(text_a)),), ((0, len(text_b)),)
        al = Alignment(spans_a, spans_b, 0.9, diff_passage(text_a, spans_a, text_b, spans_b))
        sa, sb = build_side(a, extract_facts(a)), build_side(b, extract_facts(b))
        return [f for f in passage_flags(sa, sb, [al]) if f.kind == "quote"]

    many = quote_flags(
        'The mayor said: "the storm wrecked every harbour wall and flooded old homes."',
        "The mayor said the storm damaged some sea defences and soaked several houses.",
    )
    few = quote_flags(
        'The mayor said: "the storm wrecked every harbour wall."',
        "The mayor said the storm wrecked every sea wall.",
    )
    assert [f.weight for f in many] == [ONE_SIDED_QUOTE_WEIGHT] < [_WEIGHT["number"]]
    # a low flag: read after every omitted claim, even a mere detail
    assert [f.severity for f in many] == ["low"]
    assert _WEIGHT["detail"] > ONE_SIDED_QUOTE_WEIGHT
    assert few and few[0].weight > _WEIGHT["number"] and few[0].severity == "medium"


def test_the_same_relative_words_under_different_page_dates_are_no_conflict():
    from core.compare import compare

    a = Article(
        "Tennis.\n\nThe champion announced he will retire from tennis following next "
        "month's cup finals in Spain.",
        published="2024-10-10",
    )
    b = Article(
        "Tennis.\n\nThe champion announced he will be retiring from tennis next month "
        "after the cup finals in Spain."
    )
    found = compare(a, b, capped=False).discrepancies
    assert not [d for d in found if d.kind == "date"]


def test_two_days_no_page_date_settles_are_shown_last():
    from finder_sides import side

    from core.discrepancies.passages import UNDECIDED_DATE_WEIGHT, passage_flags

    a = side("Harbour news.\n\nThe ferry service resumed on Wednesday after repairs.")
    b = side("Harbour news.\n\nThe ferry service resumed on March 4 after repairs.")
    sa, sb = a.sentences[1], b.sentences[1]
    spans_a, spans_b = ((sa.start, sa.end),), ((sb.start, sb.end),)
    changes = diff_passage(a.text, spans_a, b.text, spans_b)
    [f] = passage_flags(a, b, [Alignment(spans_a, spans_b, 0.9, changes)])
    assert (f.kind, f.severity, f.weight) == ("date", "low", UNDECIDED_DATE_WEIGHT)


def test_an_ampersand_is_the_word_and_inside_a_quotation():
    a = Article(text='Storm.\n\nThe mayor said: "We pray for the crews & everyone hurt by the flood."\n')
    b = Article(text='Storm.\n\nThe mayor said: "We pray for the crews and everyone hurt by the flood."\n')
    assert compare(a, b).discrepancies == ()


def test_a_word_each_article_quotes_elsewhere_is_no_altered_quote():
    a = Article(
        text="Flood news.\n\nThe river town was hit by a \u201csevere\u201d flood on Sunday, "
        "closing every school in the valley.\n\n\u201cIt is a devastating flood for the "
        "whole valley,\u201d the mayor told the local radio station on Sunday evening."
    )
    b = Article(
        text="Flood news.\n\nThe river town was hit by a \u201cdevastating\u201d flood on "
        "Sunday, closing every school in the valley.\n\nThe council said it faced a "
        "\u201csevere flood\u201d and asked residents to stay away from the banks."
    )
    found = compare(a, b, capped=False).discrepancies
    assert not [d for d in found if d.kind == "quote" and "severe" in d.summary]


def test_the_quote_marks_and_telling_figures_read_once_are_each_articles_own():
    from core.discrepancies.passages import _in_quote, _quantities
    from tests.core.finder_sides import side

    quoted = side('The mayor said: "We will rebuild the bridge within 40 days." Work began.')
    plain = side("The mayor said they will rebuild the bridge within 40 days. Work began.")
    for _ in range(2):  # asked again, each side still answers from its own text
        at = quoted.text.index("rebuild")
        assert _in_quote(quoted, at, at + len("rebuild"))
        at = plain.text.index("rebuild")
        assert not _in_quote(plain, at, at + len("rebuild"))
    two = side("Two buses collided; 14 people were hurt. The two drivers were unhurt.")
    three = side("Two buses collided; 17 people were hurt. The two drivers were unhurt.")
    for _ in range(2):
        assert [q.text for q in _quantities(two, 0, len(two.text))] == ["Two buses", "14 people"]
        told = _quantities(three, 0, len(three.text))
        assert [q.text for q in told] == ["Two buses", "17 people"]
