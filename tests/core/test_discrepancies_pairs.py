"""Discrepancies on small article pairs about unseen kinds of events, through the real pipeline."""

from __future__ import annotations

import pytest

from core.compare import compare
from core.ingest import article_from_text
from core.model import Discrepancy

QUAKE = (
    "Quake hits Morocco\n\n"
    "A powerful earthquake struck the Atlas mountains south of Marrakech {day} night, "
    "the national geophysics institute said.\n\n"
    "The quake killed {toll} people and injured more than 1,400 others, according to the interior ministry.\n\n"
    "Rescue teams were searching collapsed villages in the foothills.\n\n"
    "\u201cWe will rebuild every {home} that was lost,\u201d the regional governor told reporters.\n\n"
    "Aid agencies warned that roads to several villages remained blocked by rubble."
)


def quake(**fields: str):
    values = {"day": "on Friday", "toll": "at least 2,000", "home": "home"} | fields
    return article_from_text(QUAKE.format(**values), path="quake.txt")


def found(a, b) -> tuple[Discrepancy, ...]:
    return compare(a, b).discrepancies


def kinds(ds) -> list[tuple[str, str]]:
    return [(d.kind, d.severity) for d in ds]


def test_identical_articles_have_no_discrepancies():
    assert found(quake(), quake()) == ()


def test_cosmetic_differences_are_never_flagged():
    a = article_from_text(
        "The U.S. sent \u201ctwo\u201d envoys to Kyiv on Monday, officials said.\n\nTalks continue."
    )
    b = article_from_text(
        'The US sent "two" envoys to Kyiv on Monday, officials said.\n\nTalks continue.'
    )
    assert found(a, b) == ()


def test_conflicting_death_toll_is_a_high_number():
    ds = found(quake(), quake(toll="1,300"))
    numbers = [d for d in ds if d.kind == "number"]
    assert numbers and numbers[0].severity == "high"
    assert "2,000" in numbers[0].summary and "1,300" in numbers[0].summary


def test_compatible_tolls_are_not_flagged():
    ds = found(quake(), quake(toll="more than 2,000"))
    assert not [d for d in ds if d.kind == "number"]


def test_a_different_day_is_a_high_date():
    ds = found(quake(), quake(day="on Saturday"))
    dates = [d for d in ds if d.kind == "date"]
    assert dates and dates[0].severity == "high"
    assert "Friday" in dates[0].summary and "Saturday" in dates[0].summary


def test_an_altered_quote_is_a_high_quote():
    ds = found(quake(), quake(home="house"))
    quotes = [d for d in ds if d.kind == "quote"]
    assert quotes and quotes[0].severity == "high"
    assert "home" in quotes[0].summary and "house" in quotes[0].summary


def test_trial_sentence_and_negation():
    a = article_from_text(
        "Verdict in fraud trial\n\n"
        "A federal judge sentenced the former chief executive to 15 years in prison on Tuesday.\n\n"
        "The defendant did not admit any wrongdoing during the hearing, his lawyer said."
    )
    b = article_from_text(
        "Verdict in fraud trial\n\n"
        "A federal judge sentenced the former chief executive to 12 years in prison on Tuesday.\n\n"
        "The defendant admitted wrongdoing during the hearing, his lawyer said."
    )
    ds = found(a, b)
    assert ("number", "high") in kinds(ds)
    assert ("negation", "high") in kinds(ds)


def test_acquisition_price_and_source():
    a = article_from_text(
        "Deal news\n\n"
        "Northwind agreed to buy Contoso for $10 billion in cash, according to Reuters.\n\n"
        "The boards of both companies approved the deal on Sunday."
    )
    b = article_from_text(
        "Deal news\n\n"
        "Northwind agreed to buy Contoso for $12 billion in cash, according to Bloomberg.\n\n"
        "The boards of both companies approved the deal on Sunday."
    )
    ds = found(a, b)
    assert ("number", "high") in kinds(ds)
    assert ("attribution", "medium") in kinds(ds)


def test_hedged_price_within_tolerance_is_not_flagged():
    a = article_from_text(
        "Northwind agreed to buy Contoso for about $10 billion, the company said."
    )
    b = article_from_text("Northwind agreed to buy Contoso for $10.2 billion, the company said.")
    assert not [d for d in found(a, b) if d.kind == "number"]


def test_sport_points_conflict_across_unaligned_sentences():
    a = article_from_text(
        "Storm beat Rangers\n\n"
        "Jordan Avery scored 31 points as the Storm beat the Rangers on Saturday night.\n\n"
        "The crowd of 18,000 stayed to the final whistle."
    )
    b = article_from_text(
        "Storm win again\n\n"
        "The Storm held off the Rangers in a tense finish on Saturday night.\n\n"
        "Avery led all scorers with 28 points for the Storm."
    )
    ds = found(a, b)
    numbers = [d for d in ds if d.kind == "number"]
    assert numbers, ds
    assert "31 points" in numbers[0].summary and "28 points" in numbers[0].summary


def test_a_figure_only_one_article_states_is_an_omission():
    a = quake()
    b = article_from_text(
        QUAKE.format(day="on Friday", toll="at least 2,000", home="home")
        + "\n\nThe government said 300,000 people had been affected by the disaster."
    )
    ds = found(a, b)
    omitted = [d for d in ds if d.kind == "omission"]
    assert omitted and omitted[0].a is None and omitted[0].severity == "medium"
    assert "300,000" in b.text[omitted[0].b[0] : omitted[0].b[1]]


def test_background_without_facts_is_not_an_omission():
    a = quake()
    b = article_from_text(
        QUAKE.format(day="on Friday", toll="at least 2,000", home="home")
        + ("\n\nThe region is known for its dramatic mountain scenery and traditional villages.")
    )
    assert not [d for d in found(a, b) if d.kind == "omission"]


def test_a_respelled_name_is_low_wording_not_another_entity():
    a = article_from_text(
        "Secretary of State Antony Blinken spoke with Wang Yi on Wednesday about the crisis."
    )
    b = article_from_text(
        "Secretary of State Anthony Blinken spoke with Wang Yi on Wednesday about the crisis."
    )
    ds = found(a, b)
    assert kinds(ds) == [("wording", "low")]


def test_function_word_changes_are_trivial():
    a = article_from_text(
        "Rescuers pulled the survivors from a collapsed school in the village on Monday."
    )
    b = article_from_text(
        "Rescuers pulled survivors from the collapsed school in a village on Monday."
    )
    assert found(a, b) == ()


def test_every_span_lies_inside_its_text_and_ids_are_unique():
    a, b = quake(), quake(toll="1,300", day="on Saturday", home="house")
    ds = found(a, b)
    assert len({d.id for d in ds}) == len(ds)
    for d in ds:
        for span, text in ((d.a, a.text), (d.b, b.text)):
            if span is not None:
                assert 0 <= span[0] <= span[1] <= len(text)
        assert "\n" not in d.summary


def test_killed_and_injured_are_different_subjects():
    a = article_from_text(
        "Bus crash\n\nThe bus crash on the mountain road killed 14 people on Sunday, police said.\n\n"
        "Officials praised the rescue crews."
    )
    b = article_from_text(
        "Bus crash\n\nOfficials praised the rescue crews.\n\n"
        "Police said 30 people were injured in the bus crash on the mountain road on Sunday."
    )
    assert not [d for d in found(a, b) if d.kind == "number"]


def test_the_same_toll_in_other_words_is_compared():
    a = article_from_text(
        "Bus crash\n\nThe bus crash on the mountain road killed 14 people on Sunday, police said.\n\n"
        "Officials praised the rescue crews."
    )
    b = article_from_text(
        "Bus crash\n\nOfficials praised the rescue crews.\n\n"
        "Police said 12 people died when the bus left the mountain road on Sunday."
    )
    numbers = [d for d in found(a, b) if d.kind == "number"]
    assert numbers and "14 people" in numbers[0].summary and "12 people" in numbers[0].summary


def test_a_name_spelled_differently_anywhere_is_low_wording():
    a = article_from_text(
        "Talks in Geneva\n\nSecretary of State Antony Blinken met his counterpart on Friday.\n\n"
        "The two men spoke for an hour."
    )
    b = article_from_text(
        "Talks in Geneva\n\nThe two men spoke for an hour, officials said.\n\n"
        "Anthony Blinken later flew to Berlin for a summit with European leaders."
    )
    assert not [d for d in found(a, b) if d.kind == "entity"]
    spellings = [d for d in found(a, b) if d.summary.startswith("spelt two ways")]
    assert [(d.kind, d.severity, d.summary) for d in spellings] == [
        ("wording", "low", "spelt two ways: Antony Blinken vs Anthony Blinken")
    ]


def test_an_article_using_both_spellings_does_not_disagree():
    a = article_from_text("Antony Blinken met his counterpart on Friday in Geneva for talks.")
    b = article_from_text(
        "Antony Blinken met his counterpart on Friday in Geneva for talks.\n\n"
        "Anthony Blinken later flew to Berlin for a summit."
    )
    assert not [d for d in found(a, b) if d.kind == "entity"]


def test_figures_pair_with_their_own_clause():
    a = article_from_text(
        "Deal day\n\nThe buyer will pay $95 a share in cash.\n\n"
        "Activision shares jumped 26% in premarket trading, while Microsoft shares fell 2%."
    )
    b = article_from_text(
        "Deal day\n\nThe buyer will pay $95 a share in cash.\n\n"
        "Shares in Activision rose 30% before the opening bell. Microsoft shares were down 2%."
    )
    numbers = [d.summary for d in found(a, b) if d.kind == "number"]
    assert numbers == ["26% vs 30%"]


def test_the_same_uncommon_figure_is_not_an_omission():
    a = article_from_text(
        "Cup final\n\nLiverpool won on penalties.\n\nA crowd of 85,512 watched the final."
    )
    b = article_from_text(
        "Cup final\n\nLiverpool won on penalties.\n\nThe attendance at Wembley was 85,512."
    )
    assert not [d for d in found(a, b) if d.kind in ("omission", "number")]


def test_the_same_figure_credited_to_another_source():
    a = article_from_text(
        "Quake\n\nThe quake hit near the town of Malatya, about 10 kilometres below the surface, "
        "according to AFAD.\n\nResidents spent the night outdoors."
    )
    b = article_from_text(
        "Quake\n\nResidents spent the night outdoors.\n\nThe tremor struck near Malatya at a depth of 10 km, "
        "according to the US Geological Survey."
    )
    found_ = found(a, b)
    attributions = [d.summary for d in found_ if d.kind == "attribution"]
    assert attributions == [
        "attribution: according to AFAD vs according to the US Geological Survey"
    ]
    assert not [d for d in found_ if d.kind in ("number", "omission")]


def test_a_headline_figure_is_not_an_omission():
    a = article_from_text(
        "Storm hits coast\n\nThe storm hit the coast on Monday, killing 13 people."
    )
    b = article_from_text(
        "Storm kills 13 on coast\n\nThe storm hit the coast on Monday, killing 13 people."
    )
    assert found(a, b) == ()


def test_two_happenings_on_two_days_are_not_a_date_conflict():
    a = article_from_text(
        "Quake in Morocco\n\n"
        "A powerful earthquake struck the High Atlas on Friday night, killing at least 2,012 people, "
        "the interior ministry said on Saturday.\n\nVillages were flattened."
    )
    b = article_from_text(
        "Quake in Morocco\n\n"
        "Rescuers dug through rubble on Saturday after a quake hit the High Atlas late on Friday, "
        "killing 2,012 people, according to the interior ministry.\n\nVillages were flattened."
    )
    assert not [d for d in found(a, b) if d.severity == "high"]


def test_a_passage_with_several_figures_pairs_them_by_unit():
    a = article_from_text(
        "Quake\n\nThe magnitude 6.8 earthquake killed 2,012 people in the High Atlas, officials said."
    )
    b = article_from_text(
        "Quake\n\nThe 6.8-magnitude quake killed 2,012 people in the High Atlas, officials said."
    )
    assert not [d for d in found(a, b) if d.kind == "number"]


def test_the_same_role_pairs_figures_with_little_context():
    a = article_from_text(
        "Quake\n\nThe quake killed 14 people.\n\nSchools will stay shut this week."
    )
    b = article_from_text(
        "Quake\n\nSchools will stay shut this week.\n\nOfficials said 13 people died."
    )
    numbers = [d.summary for d in found(a, b) if d.kind == "number"]
    assert numbers == ["14 people vs 13 people"]


def test_a_name_with_and_without_accents_is_one_spelling():
    a = article_from_text(
        "Vote count\n\nIrena Kovac won the election on Sunday, officials said.\n\nKovac thanked voters."
    )
    b = article_from_text(
        "Vote count\n\nIrena Kovač won the election on Sunday, officials said.\n\nKovač thanked voters."
    )
    assert [d for d in found(a, b) if d.kind == "entity"] == []


def test_a_misspelt_name_is_one_spelling_flag_not_a_new_speaker():
    text = (
        "Quake\n\nA strong earthquake struck the south on Saturday.\n\n"
        "\u201cWe have teams on the ground and more are on their way,\u201d President Elena {name} "
        "told reporters.\n\n{name} visited the worst-hit town on Sunday."
    )
    ds = found(
        article_from_text(text.format(name="Varga")), article_from_text(text.format(name="Vargas"))
    )
    assert [(d.kind, d.severity) for d in ds] == [("wording", "low")]


def test_agreeing_figures_pair_before_conflicting_ones():
    # Depth and distance in both: each figure must meet its equal, never the other one.
    a = article_from_text(
        "Quake\n\nThe quake struck at a depth of 35 km, about 40 km north of the town, "
        "the survey said."
    )
    b = article_from_text(
        "Quake\n\nIts epicentre was about 40 km north of the town at a depth of 35 kilometres, "
        "according to the survey."
    )
    assert [d for d in found(a, b) if d.kind == "number"] == []


def test_figures_with_opposite_moves_or_verdicts_are_not_compared():
    a = article_from_text(
        "Verdict\n\nThe jury convicted him on seven of nine counts. "
        "He was acquitted on two counts of fraud.\n\nShares jumped 27%, while its rival's stock fell 3%."
    )
    b = article_from_text(
        "Verdict\n\nJurors found him guilty on seven counts but acquitted him on two charges.\n\n"
        "Shares rose 27%. The rival's shares slipped 2%."
    )
    numbers = [d.summary for d in found(a, b) if d.kind == "number"]
    assert numbers == ["3% vs 2%"]


def test_figures_sharing_words_only_across_a_but_are_not_compared():
    a = article_from_text(
        "Match report\n\nCity took the lead after 23 minutes when Jamal Reid headed in a corner."
    )
    b = article_from_text(
        "Match report\n\nJamal Reid had put City ahead in the 25th minute, heading home from a "
        "corner, but Luis Moreno levelled with a free kick seven minutes after the break."
    )
    assert [d for d in found(a, b) if d.kind == "number"] == []


def test_an_open_bound_near_the_figure_agrees():
    a = article_from_text("Cuts\n\nThe cuts affect 8% of the bank's staff, the memo said.")
    b = article_from_text("Cuts\n\nThe bank will shed more than 8% of its staff, the memo said.")
    assert not [d for d in found(a, b) if d.kind == "number"]


def test_a_claim_restated_with_other_verbs_is_low_wording():
    a = article_from_text(
        "Audit row\n\nThe board met late on Monday. Three of the five auditors said they could not "
        "certify the accounts, which the chairman called a routine delay."
    )
    b = article_from_text(
        "Audit row\n\nAfter a long meeting, three of the five auditors refused to sign the "
        "accounts, officials said, in a blow to the chairman."
    )
    flags = [d for d in compare(a, b, capped=False).discrepancies if d.kind == "wording"]
    assert any("certify" in d.summary and "refused" in d.summary for d in flags), flags


def test_another_company_in_a_restated_claim_is_an_entity():
    a = article_from_text(
        "Cuts\n\nThe bank will shed 900 jobs. The cuts follow layoffs at rival lenders "
        "including Harwell Bank and Ostrava Capital, which trimmed staff this year."
    )
    b = article_from_text(
        "Cuts\n\nThe bank said it will shed 900 jobs. Rival lenders Harwell Bank and Tidewater "
        "Trust have also trimmed staff this year after a slowdown in lending."
    )
    ds = compare(a, b, capped=False).discrepancies
    entities = [d for d in ds if d.kind == "entity"]
    assert any("Ostrava" in d.summary and "Tidewater" in d.summary for d in entities), ds


def test_words_quoted_in_one_article_and_reported_otherwise_in_the_other_are_a_quote():
    a = article_from_text(
        'Flood\n\n"One man went out in the flood despite our warnings and drowned," '
        "the district officer told reporters."
    )
    b = article_from_text(
        "Flood\n\nOne man went out despite warnings and drowned, the district officer said."
    )
    quotes = [d for d in found(a, b) if d.kind == "quote"]
    assert quotes and "in the flood" in quotes[0].summary
    assert quotes[0].severity == "medium", "a paraphrase of a quote is worth a look, not a misquote"


def test_local_clock_times_of_one_claim_that_differ_are_a_date():
    a = article_from_text(
        "Landing\n\nThe probe touched down on the plain at 6:04 pm, officials said."
    )
    b = article_from_text("Landing\n\nThe probe touched down on the plain at around 06:09 PM.")
    dates = [d for d in found(a, b) if d.kind == "date"]
    assert dates and "6:04 pm" in dates[0].summary and "06:09 PM" in dates[0].summary


def test_the_same_local_time_written_two_ways_agrees():
    a = article_from_text(
        "Landing\n\nThe probe touched down on the plain at 6:04 pm, officials said."
    )
    b = article_from_text("Landing\n\nThe probe touched down on the plain at 18:04.")
    assert not [d for d in found(a, b) if d.kind == "date"]


@pytest.mark.parametrize(
    ("text_a", "text_b", "both"),
    [
        (  # a toll far past an open bound is another count
            "The number of people killed in the ferry fire off the cape has risen to 47.",
            "More than 20 people were killed when the ferry burned.",
            ("47", "More than 20"),
        ),
        (  # suspects and people detained are one count
            "Police detained five suspects after the raid on the depot.",
            "The raid on the depot ended with the detention of 12 people.",
            ("five suspects", "12 people"),
        ),
        (  # a figure after "and" counts what follows it
            "The quake left 296 people killed and 153 others injured.",
            "The quake killed 296 people and injured about 180 others.",
            ("153", "180"),
        ),
        (  # one measure each is one fact
            "A 7-magnitude earthquake struck the region overnight.",
            "The region was hit overnight by an earthquake of magnitude 6.8.",
            ("7", "6.8"),
        ),
    ],
)
def test_figures_matched_by_what_they_count(text_a, text_b, both):
    a, b = article_from_text("Story\n\n" + text_a), article_from_text("Story\n\n" + text_b)
    numbers = [d.summary for d in found(a, b) if d.kind == "number"]
    assert numbers and all(part in numbers[0] for part in both), numbers


def test_stories_credited_to_different_agencies_conflict_once():
    a = article_from_text(
        "Bridge closed\n\nReuters\n\nThe old bridge was closed on Monday after inspectors found "
        "cracks in two of its piers, officials said."
    )
    b = article_from_text(
        "Bridge shut\n\nRIVERTON, May 5 (AP) - The old bridge was shut on Monday after "
        "inspectors found cracks in two of its piers."
    )
    credits = [d for d in found(a, b) if d.kind == "attribution"]
    assert len(credits) == 1 and "Reuters" in credits[0].summary and "(AP)" in credits[0].summary


def test_the_same_agency_in_a_credit_line_and_a_dateline_agrees():
    a = article_from_text("Bridge closed\n\nReuters\n\nThe old bridge was closed on Monday.")
    b = article_from_text(
        "Bridge shut\n\nRIVERTON, May 5 (Reuters) - The old bridge was shut on Monday."
    )
    assert not [d for d in found(a, b) if d.kind == "attribution"]
