"""Quantities: values, intervals, units and what is not an amount."""

from __future__ import annotations

import math

import pytest
from conftest import seed
from hypothesis import given, settings
from hypothesis import strategies as st

from core.facts import extract_facts
from core.ingest.load import load_article
from core.model import Article


def quantities(text: str):
    return extract_facts(Article(text=text)).quantities


def only(text: str):
    found = quantities(text)
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize(
    ("text", "low", "high", "unit"),
    [
        ("Russia has amassed 100,000 troops near the border.", 100_000, 100_000, "troop"),
        ("Rescuers found 12 survivors in the rubble.", 12, 12, "survivor"),
        ("The storm destroyed 1,250 homes overnight.", 1250, 1250, "home"),
        ("Police arrested four Chinese nationals on Monday.", 4, 4, "national"),
        ("The crash caused two fatalities.", 2, 2, "fatality"),
        ("Investigators interviewed twenty-five witnesses.", 25, 25, "witness"),
        ("The club signed three young players.", 3, 3, "player"),
        ("Officials counted one hundred and fifty casualties.", 150, 150, "casualty"),
        ("The firm employs 2.5 million people worldwide.", 2.5e6, 2.5e6, "people"),
        ("The charity sent 40 tonnes of aid.", 40, 40, "tonne"),
        ("He was sentenced to 12 years in prison.", 12, 12, "year"),
        ("Five police officers were injured.", 5, 5, "officer"),
        ("The epicentre was 26 km east of the town.", 26, 26, "kilometre"),
        ("The striker has scored 25 goals this season.", 25, 25, "goal"),
        ("Nine children were among the dead.", 9, 9, "child"),
        ("The strike shut 14 large US ports on Tuesday.", 14, 14, "port"),
        # an adverb of place ends the noun phrase, even after a noun without a plural
        ("The jet carried 6 cabin crew aboard when it left.", 6, 6, "crew"),
        ("The ferry had 9 deck crew onboard at the time.", 9, 9, "crew"),
    ],
)
def test_exact_counts_with_head_noun(text, low, high, unit):
    q = only(text)
    assert (q.low, q.high, q.unit) == (low, high, unit)
    assert q.low_inclusive and q.high_inclusive
    assert q.qualifier == ""


@pytest.mark.parametrize(
    ("text", "low", "high", "low_inc", "high_inc", "qualifier"),
    [
        ("The quake killed more than 13,000 people.", 13_000, math.inf, False, False, "min"),
        ("At least 14 people died in the fire.", 14, math.inf, True, False, "min"),
        ("Over 200 passengers were stranded.", 200, math.inf, False, False, "min"),
        ("Fewer than 50 protesters remained.", 0, 50, True, False, "max"),
        ("Up to 300 jobs could go.", 0, 300, True, True, "max"),
        ("No more than 20 fans were allowed in.", 0, 20, True, True, "max"),
        ("There were 500 or more complaints.", 500, math.inf, True, False, "min"),
    ],
)
def test_bounds_become_intervals(text, low, high, low_inc, high_inc, qualifier):
    q = only(text)
    assert (q.low, q.high, q.low_inclusive, q.high_inclusive, q.qualifier) == (
        low,
        high,
        low_inc,
        high_inc,
        qualifier,
    )


@pytest.mark.parametrize(
    ("text", "qualifier", "value"),
    [
        ("Russia has amassed an estimated 100,000 troops.", "estimated", 100_000),
        ("About 88,966 fans watched the final.", "approx", 88_966),
        ("Nearly 10,000 employees will move.", "approx", 10_000),
        ("Some 3,000 homes lost power.", "approx", 3000),
        ("Roughly 40 percent of voters agreed.", "approx", 40),
        ("Around 600 firefighters were deployed.", "approx", 600),
        ("The toll has risen to \u201cnearly 60\u201d, the agency said.", "approx", 60),
        ('He said "about 40" boats were lost.', "approx", 40),
    ],
)
def test_hedges_keep_the_value_and_say_so(text, qualifier, value):
    q = only(text)
    assert q.qualifier == qualifier
    assert q.low == q.high == value


@pytest.mark.parametrize(
    ("text", "low", "high", "unit"),
    [
        ("Tens of thousands of Russian troops were stationed there.", 20_000, 100_000, "troop"),
        ("Hundreds of people gathered outside the court.", 200, 1000, "people"),
        ("Dozens of buildings collapsed.", 24, 100, "building"),
        ("Thousands of residents fled.", 2000, 10_000, "resident"),
        ("Hundreds of thousands of refugees crossed the border.", 2e5, 1e6, "refugee"),
        ("Several hundred workers walked out.", 300, 1000, "worker"),
    ],
)
def test_vague_amounts_are_half_open_intervals(text, low, high, unit):
    q = only(text)
    assert (q.low, q.high, q.unit, q.qualifier) == (low, high, unit, "vague")
    assert q.low_inclusive and not q.high_inclusive


def test_a_dozen_is_twelve_approximately():
    q = only("A dozen cars were burned.")
    assert (q.low, q.high, q.unit, q.qualifier) == (12, 12, "car", "approx")


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("Microsoft agreed to pay $68.7 billion for the company.", 68.7e9, "usd"),
        ("The fine was €3.2bn.", 3.2e9, "eur"),
        ("He was paid £400,000 last year.", 400_000, "gbp"),
        ("The deal is worth about $10 billion.", 1e10, "usd"),
        ("The bank lent HK$5m.", 5e6, "hkd"),
        ("The slide erased $US589 billion in value.", 589e9, "usd"),
        ("The council will spend $A20 million on roads.", 20e6, "aud"),
        ("The fine came to $NZ40,000 in the end.", 40_000, "nzd"),
        ("The fine was NZD$5 billion.", 5e9, "nzd"),
        ("The deal was worth AUD$3 billion.", 3e9, "aud"),
        ("The war has displaced 1.5m people.", 1.5e6, "people"),
        ("The agency fined the miner 250m reais.", 250e6, "real"),
        ("She was fined RM970 million.", 970e6, "myr"),
        ("She was fined 970 million ringgit.", 970e6, "myr"),
        ("The levy came to ₦50 billion.", 50e9, "ngn"),
        ("The wall is 4m high.", 4, "metre"),
        ("The state moved 12 lakh people.", 1.2e6, "people"),
        ("The bridge cost Rs 450 crore.", 4.5e9, "inr"),
        ("A Rs. 300-crore plan was approved.", 3e9, "inr"),
        # a currency's code or local sign before the figure, spaced or not
        ("The contract is worth USD 31 billion.", 31e9, "usd"),
        ("A litre now costs IDR8,200.", 8_200, "idr"),
        ("The state spent Rp4.7 trillion on aid.", 4.7e12, "idr"),
        ("Each family received Tk 15,500.", 15_500, "bdt"),
        ("The county lost KSh3.8 billion in fees.", 3.8e9, "kes"),
        ("The refinery budget is SAR 512bn.", 512e9, "sar"),
        # the scale word written tight against the digits, as some tabloids print it
        ("The owners turned down a £85million offer.", 85e6, "gbp"),
        ("The merger was valued at $2.5billion.", 2.5e9, "usd"),
        ("Some 2million people fled the region.", 2e6, "people"),
        # a sum told in words after its sign
        ("The trust gave Rs three lakh to the school.", 3e5, "inr"),
        ("The club was fined £ two million.", 2e6, "gbp"),
        # a currency named by a word that is also a verb, after a sum
        ("The regulator imposed a fine of 4.9 billion won.", 4.9e9, "krw"),
        ("The hourly wage rises to 8,740 won an hour next year.", 8_740, "krw"),
        ("Each family was paid 350,000 won.", 350_000, "krw"),
    ],
)
def test_amounts_with_symbols_and_scales(text, value, unit):
    q = only(text)
    assert q.unit == unit
    assert q.low == pytest.approx(value)


def test_percentages_and_what_they_are_of():
    q = only("The party won 36.7% of the vote.")
    assert (q.low, q.unit, q.modifies) == (36.7, "percent", "vote")
    assert only("Turnout fell to 61 per cent.").unit == "percent"


def test_compound_measure_modifies_the_following_noun():
    q = only("They issued an over 5,000-word joint statement.")
    assert (q.low, q.high, q.unit, q.modifies) == (5000, math.inf, "word", "statement")
    q = only("A 10-minute walk separates the sites.")
    assert (q.low, q.unit, q.modifies) == (10, "minute", "walk")


def test_magnitude_before_or_after_the_number():
    q = only("A magnitude 7.8 earthquake struck southern Turkey.")
    assert (q.low, q.unit, q.modifies) == (7.8, "magnitude", "earthquake")
    q = only("A 6.4-magnitude quake hit the island.")
    assert (q.low, q.unit, q.modifies) == (6.4, "magnitude", "quake")


def test_a_decimal_before_a_quake_is_its_magnitude_a_whole_number_counts_quakes():
    q = only("A powerful 6.8 earthquake struck the valley overnight.")
    assert (q.low, q.unit, q.modifies) == (6.8, "magnitude", "earthquake")
    q = only("Two earthquakes struck the valley overnight.")
    assert (q.low, q.unit) == (2, "earthquake")


@pytest.mark.parametrize(
    "text",
    [
        "The quake measured 5.9, the survey said.",
        "A tremor of 5.9 shook the valley overnight.",
        "An aftershock registering 5.9 hit the coast.",
    ],
)
def test_a_decimal_right_after_a_quake_is_its_magnitude(text):
    q = only(text)
    assert (q.low, q.unit) == (5.9, "magnitude")


def test_a_magnitude_of_a_figure_is_that_magnitude():
    q = only("The quake had a preliminary magnitude of 7.4, the agency said.")
    assert (q.low, q.unit) == (7.4, "magnitude")


def test_a_figure_after_a_quake_with_its_own_unit_keeps_it():
    assert only("The quake left 2.5 tonnes of debris in the square.").unit == "tonne"
    assert only("The quake shook 12 villages in the valley.").unit != "magnitude"


@pytest.mark.parametrize(
    ("text", "low", "high"),
    [
        ("Between 3 and 5 million barrels a day were lost.", 3e6, 5e6),
        ("Two or three children were hurt.", 2, 3),
        ("Officials reported 10-12 injuries.", 10, 12),
        ("From 20 to 30 boats took part.", 20, 30),
        ("The road was shut for six-seven weeks.", 6, 7),
        ("The ferry carried three-four hundred people.", 300, 400),
    ],
)
def test_ranges(text, low, high):
    q = only(text)
    assert (q.low, q.high, q.qualifier) == (low, high, "range")


@pytest.mark.parametrize(
    "text",
    [
        "The 2022 Winter Olympics open in Beijing.",
        "Brittney Griner of the Phoenix Mercury was detained.",
        "Covid-19 cases rose sharply.",
        "The G7 leaders met in Hiroshima.",
        "NATO's Article 5 commits members to mutual defence.",
        "She is the No. 3 seed at the tournament.",
        "The Boeing 737 was grounded.",
        "A 34-year-old man was arrested.",
        "The suspect, aged 41, was detained.",
        "Holmes, 38, will report to prison.",
        "Kenyan sprinter Ana Ruiz (24) broke the record on Saturday.",
        "The rebellion has continued since 2014.",
        "It finished on the 19th lap.",
        "The meeting began at 5 p.m. on Friday.",
        "The session ended at 17:12 GMT.",
        "They met on Jan. 21, 2022 in Geneva.",
        "Argentina beat France 4-2 on penalties after a 3-3 draw.",
        "No one was hurt and the two are expected to meet.",
        "Version 3.1.2 of the software was released.",
        "Formula One returns to Monaco.",
        "The shrine was founded in the year 712 by a hermit.",
    ],
)
def test_not_amounts(text):
    assert quantities(text) == ()


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("The count gives the Liberal bloc 55 seats in the assembly.", 55, "seat"),
        ("The count gives PAK 55 seats in the assembly.", 55, "seat"),
        ("Rescuers searched Highway 9 for 36 hours.", 36, "hour"),
    ],
)
def test_a_figure_after_a_name_with_a_unit_is_an_amount(text, value, unit):
    # "Route 66", "Apollo 11": a name's number; "PAK 55 seats" counts seats
    found = [q for q in quantities(text) if q.unit == unit]
    assert [q.low for q in found] == [value]


@pytest.mark.parametrize(
    ("text", "low", "high"),
    [
        ("Officials fear the toll could reach seventy or more.", 70, math.inf),
        ("The mayor put the figure at as many as forty, he said.", 0, 40),
    ],
)
def test_a_hedged_spelled_number_is_a_figure(text, low, high):
    # a bare "two" counts nothing; "seventy or more" is the other article's "70 or more"
    (q,) = quantities(text)
    assert (q.low, q.high) == (low, high)


@pytest.mark.parametrize(
    "text",
    [
        "Officials said the death toll in the valley rose to four on Monday.",
        "The toll from the mudslides that struck before dawn is three.",
        "Hospital sources put the overall toll at nine by nightfall.",
        "The second blast took the toll to six.",
    ],
)
def test_a_spelled_number_a_toll_reaches_is_a_figure(text):
    # "the toll rose to 4" is a figure; so is "the toll rose to four"
    assert len(quantities(text)) == 1


def test_a_number_in_an_of_phrase_counts_the_phrase_noun():
    # "three of seven counts" is three counts; "three others" counts nothing named.
    found = quantities(
        "The jury convicted him of three of seven counts, acquitted on three others."
    )
    assert [(q.text, q.unit) for q in found] == [("three", "count"), ("seven counts", "count")]
    found = quantities("The Alliance won 71 of the 150 seats, and two of its ministers lost.")
    assert [(q.text, q.unit) for q in found] == [("71", "seat"), ("150 seats", "seat")]


def test_spans_point_at_the_text():
    text = "Officials said at least 14 people died and more than 200 were hurt."
    for q in quantities(text):
        assert text[q.start : q.end] == q.text
    assert [q.text for q in quantities(text)] == ["at least 14 people", "more than 200"]


def test_sentence_index():
    found = quantities("Nothing here. Then 40 boats sank. Later 12 ships arrived.")
    assert [q.sentence for q in found] == [1, 2]


@given(st.text(max_size=300))
@settings(max_examples=150, deadline=None)
def test_any_text_never_crashes_and_spans_are_inside(text):
    for q in quantities(text):
        assert 0 <= q.start < q.end <= len(text)
        assert text[q.start : q.end] == q.text
        assert q.low <= q.high


@given(st.text(alphabet="0123456789,.-–$%€ abcdemnorstuwhkMBTNZDU“”\"ly", max_size=80))
@settings(max_examples=150, deadline=None)
def test_number_soup_never_crashes(text):
    """Figures among signs, currency codes ("NZD$") and quotation marks ("“nearly 60”")."""
    for q in quantities(text):
        assert q.low <= q.high
        assert not math.isnan(q.low)
        assert text[q.start : q.end] == q.text


_WORD_SOUP = st.lists(
    st.sampled_from(
        ["a", "an", "and", "half", "-", "hundred", "dozen", "million", "three", "two-and-a-half",
         "12", "1,5", "hours", "people", "more", "than", "some", "nearly", "per", "cent", "$"]
    ),
    max_size=12,
).map(" ".join)


@given(_WORD_SOUP)
@settings(max_examples=200, deadline=None)
def test_word_number_soup_never_crashes(text):
    """Spelled numbers, scales and "and a half" in any order ("a hundred and a half")."""
    for q in quantities(text):
        assert q.low <= q.high
        assert text[q.start : q.end] == q.text


@pytest.mark.parametrize(
    ("text", "phrase", "value", "unit"),
    [
        ("The meeting lasted three-and-a-half hours.", "three-and-a-half hours", 3.5, "hour"),
        ("He served two and a half years in jail.", "two and a half years", 2.5, "year"),
        ("Some 1 and a half million people fled.", "Some 1 and a half million people", 1.5e6, "people"),
    ],
)
def test_a_number_and_a_half(text, phrase, value, unit):
    q = only(text)
    assert (q.text, q.low, q.unit) == (phrase, value, unit)


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("The maker is cutting 15 000 jobs within a year.", [("15 000 jobs", 15000)]),
        ("Some 1 200 000 people fled the floods.", [("Some 1 200 000 people", 1_200_000)]),
        ("The fund held $15\u202f000 in cash.", [("$15\u202f000", 15000)]),
        ("On March 3 100 people died in the floods.", [("100 people", 100)]),
    ],
)
def test_digits_grouped_by_spaces_are_one_figure(text, found):
    assert [(q.text, q.low) for q in quantities(text)] == found


def test_seed_000_estimated_troops():
    found = extract_facts(load_article(seed("000"))).quantities
    troops = [q for q in found if q.unit == "troop"]
    assert len(troops) == 1
    assert (troops[0].low, troops[0].high, troops[0].qualifier) == (100_000, 100_000, "estimated")


def test_seed_002_vague_troops_and_lower_bound():
    found = extract_facts(load_article(seed("002"))).quantities
    troops = next(q for q in found if q.unit == "troop")
    assert (troops.low, troops.high, troops.low_inclusive, troops.high_inclusive) == (
        20_000,
        100_000,
        True,
        False,
    )
    people = next(q for q in found if q.unit == "people")
    assert (people.low, people.high, people.low_inclusive) == (13_000, math.inf, False)


def test_seed_000_has_no_olympic_year_quantity():
    found = extract_facts(load_article(seed("000"))).quantities
    assert not any(q.low == 2022 for q in found)


def test_seed_001_statement_length():
    found = extract_facts(load_article(seed("001"))).quantities
    words = next(q for q in found if q.unit == "word")
    assert (words.low, words.high, words.modifies) == (5000, math.inf, "statement")


def test_seed_004_nationals_and_no_team_name():
    found = extract_facts(load_article(seed("004"))).quantities
    nationals = next(q for q in found if q.unit == "national")
    assert nationals.low == nationals.high == 4
    assert nationals.text == "four Chinese nationals"
    assert not any("Mercury" in q.text for q in found)


@pytest.mark.parametrize(
    ("text", "unit", "modifies"),
    [
        ("She was sentenced to two years' imprisonment.", "year", "imprisonment"),
        ("He faces four years’ detention.", "year", "detention"),
        ("Staff were given three days' notice.", "day", "notice"),
    ],
)
def test_a_plural_possessive_is_the_measure_of_what_follows(text, unit, modifies):
    q = only(text)
    assert (q.unit, q.modifies) == (unit, modifies)


def test_a_term_of_detention_counts_the_sentence_not_an_arrest():
    from core.discrepancies.roles import role_of
    from core.discrepancies.side import build_side

    article = Article("Verdict read.\n\nThe general was sentenced to four years’ detention.")
    side = build_side(article, extract_facts(article))
    [q] = side.facts.quantities
    assert role_of(side, q) == "sentenced"


def test_a_figure_opening_a_line_is_not_part_of_a_name_ending_the_line_before():
    q = only("Storm hits the coast of Odisha\n\n3 people reported dead\n")
    assert (q.text, q.unit) == ("3 people", "people")
    assert quantities("He cited Article 5 of the treaty.") == ()


@pytest.mark.parametrize(
    ("text", "roles"),
    [
        ("Landslide leaves 41 dead, 120 injured in the valley.", ["dead", "hurt"]),
        ("The blast killed 14, and 30 were hurt.", ["dead", "hurt"]),
        ("Officials said 9 were killed, 55 injured.", ["dead", "hurt"]),
        # casualties are the dead and the hurt together: a figure of either may be meant
        ("Casualties stand at around 300, officials said.", [None]),
        ("Another 48 people were taken to city hospitals.", ["hurt"]),
        # a value the subject reached counts what the subject counts, whatever follows
        (
            "The death toll from the ferry fire off the northern cape has risen to 27, "
            "with the captain arrested.",
            ["dead"],
        ),
        ("The number of injured rose to 64, as 12 died in hospital.", ["hurt", "dead"]),
    ],
)
def test_a_comma_puts_the_role_before_it_behind_the_figures_own(text, roles):
    from core.discrepancies.roles import role_of
    from core.discrepancies.side import build_side

    article = Article(text)
    side = build_side(article, extract_facts(article))
    assert [role_of(side, q) for q in side.facts.quantities] == roles


@pytest.mark.parametrize(
    ("headline", "value"),
    [
        ("Mountain Landslide In Kestria Leaves 41 Dead", 41),
        ("Stadium Fire Death Toll Rises To 17", 17),
    ],
)
def test_a_title_case_headline_counts_after_its_verb(headline, value):
    found = quantities(headline + "\n\nRescuers reached the valley on foot.")
    assert [q.low for q in found] == [value]


def test_a_headline_figure_does_not_read_its_unit_from_the_story_below():
    found = quantities("Landslide leaves 41 dead, 120 Injured\n\nBody counts were revised.")
    assert [q.unit for q in found if q.low == 120] == [""]


def test_a_model_number_in_a_title_case_headline_stays_a_name():
    assert not quantities("Regulators Ground Airbus 380 Fleet After Engine Fault\n\nBody.")


@pytest.mark.parametrize(
    ("text", "values"),
    [
        ('Posts on the Telegram channel "112" put the toll at 60.', [60]),
        ("The ferry \u201c516\u201d left port with 40 passengers.", [40]),
        ('The toll is "40", the mayor said.', [40]),
    ],
)
def test_a_bare_figure_in_quotation_marks_after_a_noun_is_a_name(text, values):
    assert [q.low for q in quantities(text)] == values


@pytest.mark.parametrize(
    ("text", "phrase", "value", "unit"),
    [
        ("He scored after one minute and 52 seconds.", "one minute and 52 seconds", 112, "second"),
        ("She won in two hours and 17 seconds.", "two hours and 17 seconds", 7217, "second"),
        ("She finished in 3 hours, 12 seconds.", "3 hours, 12 seconds", 10812, "second"),
        (
            "He was jailed for three years and four months.",
            "three years and four months",
            40,
            "month",
        ),
        ("The talks lasted 3 hours 20 minutes.", "3 hours 20 minutes", 200, "minute"),
    ],
)
def test_a_duration_in_two_units_is_one_figure(text, phrase, value, unit):
    q = only(text)
    assert (q.text, q.low, q.high, q.unit) == (phrase, value, value, unit)


def test_months_of_days_span_the_shortest_to_the_longest_month():
    q = only("The cabinet lasted two months and 29 days in office.")
    assert (q.text, q.low, q.high, q.unit) == ("two months and 29 days", 85, 91, "day")
    q = only("The strike lasted 1 year and 10 days.")
    assert (q.low, q.high) == (375, 376)


@pytest.mark.parametrize(
    "text",
    [
        "The goal came after 40 seconds and 3 minutes later a second followed.",
        "It took two days and 48 hours of talks to agree.",
        "They waited three hours. 20 minutes later the bus came.",
    ],
)
def test_times_that_are_not_one_duration_stay_apart(text):
    assert len(quantities(text)) == 2


@given(
    st.integers(min_value=1, max_value=500),
    st.integers(min_value=1, max_value=59),
    st.sampled_from([", ", " and ", ", and ", " "]),
)
@settings(max_examples=60, deadline=None)
def test_minutes_and_seconds_read_as_seconds_whatever_joins_them(minutes, seconds, joiner):
    text = f"The record stood at {minutes} minutes{joiner}{seconds} seconds for years."
    q = only(text)
    assert (q.low, q.unit) == (minutes * 60 + seconds, "second")
    assert text[q.start : q.end] == q.text


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("Winds reached 120 km per hour.", 120, "km/h"),
        ("The train ran at 60 miles an hour.", 60, "mph"),
        ("Gusts topped 150 kmh overnight.", 150, "km/h"),
        ("The car was doing 90 kilometres per hour.", 90, "km/h"),
    ],
)
def test_a_distance_per_hour_is_a_speed(text, value, unit):
    q = only(text)
    assert (q.low, q.unit) == (value, unit)


@pytest.mark.parametrize(
    ("text", "low", "high"),
    [
        ("The price of bread would triple from June.", 200, 200),
        ("Fares doubled overnight.", 100, 100),
        ("Sales more than quadrupled last year.", 300, math.inf),
    ],
)
def test_a_rise_told_as_a_multiple_is_the_percentage_it_adds(text, low, high):
    q = only(text)
    assert (q.low, q.high, q.unit) == (low, high, "percent")


def test_double_as_an_adjective_is_no_figure():
    assert not quantities("He played a double role in the double murder case.")


def test_a_nautical_mile_is_not_a_statute_mile():
    q = only("The boat was found 10 nautical miles off the island.")
    assert (q.low, q.unit) == (10, "nmi")


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        ("The blaze burned 40 square kilometres of pine forest.", "km²"),
        ("The blaze burned 15 square miles of pine forest.", "mi²"),
        ("The blaze burned 40 sq km of pine forest.", "km²"),
        ("The blaze burned 40 km2 of pine forest.", "km²"),
        ("The blaze burned 40 km² of pine forest.", "km²"),
        ("The new depot covers 9,000 square metres.", "m²"),
    ],
)
def test_square_units_measure_an_area_not_a_distance(text: str, unit: str):
    assert only(text).unit == unit


def test_an_area_converted_in_brackets_agrees_with_its_conversion():
    from core.discrepancies.quantity_agreement import agree_converted

    km, miles = quantities("More than 40 square kilometres (15 square miles) burned.")
    assert agree_converted(km, miles)
    assert not agree_converted(km, only("About 40 miles of road were closed."))


@pytest.mark.parametrize("currency", ["euro", "dollar", "yen"])
def test_a_scale_letter_before_a_currency_name_is_a_million(currency: str):
    q = only(f"The club paid 87m {currency} for the striker.")
    assert q.low == 87_000_000
    assert only("She won the 400m final in record time.").unit == "metre"


def test_a_speed_converted_in_brackets_before_per_hour_is_two_speeds():
    qs = quantities("Gusts of 183 kilometres (114 miles) per hour hit the coast.")
    assert [(q.low, q.unit) for q in qs] == [(183, "km/h"), (114, "mph")]
    qs = quantities("The town is 20 kilometres (12 miles) from the coast, an hour by car.")
    assert [q.unit for q in qs] == ["kilometre", "mile"]


@pytest.mark.parametrize(
    ("text", "value", "unit", "written"),
    [
        ("It reached 51.8 degrees Celsius at noon.", 51.8, "°C", "51.8 degrees Celsius"),
        ("It reached 125 Fahrenheit at noon.", 125, "°F", "125 Fahrenheit"),
        ("Dallas saw 104°F on Sunday.", 104, "°F", "104°F"),
        ("Rome saw 40 °C on Sunday.", 40, "°C", "40 °C"),
        ("It reached 30 degrees centigrade.", 30, "°C", "30 degrees centigrade"),
        ("It reached 125 degrees at noon.", 125, "degree", "125 degrees"),
        ("The heat peaked at 44.6 C in the valley.", 44.6, "°C", "44.6 C"),
        ("Wind chills of -48 F were forecast.", -48, "°F", "-48 F"),
        ("Temperatures climbed to 41C by the afternoon.", 41, "°C", "41C"),
    ],
)
def test_a_temperature_keeps_its_scale(text, value, unit, written):
    q = only(text)
    assert (q.low, q.unit, q.text) == (value, unit, written)


@pytest.mark.parametrize(
    "text",
    [
        "Pupils in Grade 4 C moved rooms.",
        "The meeting was held in Room 12C of the annexe.",
        "Passengers in seat 23F were moved.",
    ],
)
def test_a_capital_letter_after_a_figure_is_a_scale_only_where_heat_is_told(text):
    assert all(q.unit not in ("°C", "°F") for q in quantities(text))


@pytest.mark.parametrize(
    ("text", "low", "qualifier"),
    [
        ("AT LEAST 14 passengers died when the bridge fell, police said.", 14, "min"),
        ("MORE THAN 300 homes were flooded overnight.", 300, "min"),
        ("NEARLY 40 villagers were missing on Tuesday.", 40, "approx"),
    ],
)
def test_a_hedge_set_in_capitals_is_a_hedge_not_a_name(text, low, qualifier):
    q = only(text)
    assert (q.low, q.qualifier) == (low, qualifier)


def test_a_figure_out_of_a_whole_counts_the_wholes_unit():
    found = [(q.low, q.unit) for q in quantities("The party won 159 out of 400 seats.")]
    assert found == [(159, "seat"), (400, "seat")]
    hedged = "The runner-up took more than 8 million out of the nearly 21 million ballots cast."
    assert [(q.low, q.unit) for q in quantities(hedged)] == [(8e6, "ballot"), (21e6, "ballot")]
    assert [q.unit for q in quantities("She won 11 of about 30 heats.")] == ["heat", "heat"]


def test_a_magnitude_joined_by_a_hyphen_is_a_reading_but_a_name_with_a_number_is_not():
    assert [(q.low, q.unit) for q in quantities("It felt like a magnitude-3.0 tremor.")] == [
        (3.0, "magnitude")
    ]
    assert not quantities("Covid-19 wards and F-16 jets were named.")


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("The flight, a Boeing 737-800, skidded off the runway.", []),
        ("An Airbus A320-200 landed safely.", []),
        ("The mutiny of June 23-24 failed.", [(24, 24)]),
        ("Some 20-30 people died on Sunday.", [(20, 30)]),
        ("Police said 20-30 people died.", [(20, 30)]),
    ],
)
def test_a_model_number_after_a_make_is_not_a_range(text, found):
    assert [(q.low, q.high) for q in quantities(text)] == found


@pytest.mark.parametrize(
    ("text", "low", "high"),
    [
        ("At least five were killed in the blast.", 5, math.inf),
        ("Four were still missing on Monday.", 4, 4),
        ("Nine died when the roof fell.", 9, 9),
        ("The police said two had been arrested.", 2, 2),
        ("Three others were hospitalised after the blast.", 3, 3),
        ("Fortyfour were killed in the blast.", 44, 44),
    ],
)
def test_a_spelled_number_followed_by_a_casualty_state_is_a_count(text, low, high):
    q = only(text)
    assert (q.low, q.high) == (low, high)


@pytest.mark.parametrize(
    "text", ["One of them was sent home.", "Two were seen leaving.", "There were two."]
)
def test_a_spelled_number_with_no_noun_and_no_state_counts_nothing(text):
    assert not quantities(text)


def test_a_spelled_share_in_two_words_is_a_percentage():
    q = only("The pound suffered a nine per cent plunge overnight.")
    assert (q.low, q.unit) == (9, "percent")


@pytest.mark.parametrize(
    ("text", "low", "high"),
    [
        ("Not fewer than 50 fans died in the crush.", 50, math.inf),
        ("Not less than 50 fans died in the crush.", 50, math.inf),
        ("Not more than 20 fans were hurt.", 0, 20),
        ("No more than 20 fans were hurt.", 0, 20),
    ],
)
def test_a_negated_bound_is_the_other_bound(text, low, high):
    q = only(text)
    assert (q.low, q.high) == (low, high)


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("Overnight it fell to -18 degrees Celsius in the capital.", -18.0, "°C"),
        ("Readings of minus 12 degrees were taken at the pass.", -12.0, "degree"),
        ("The low was −4°F on the plains.", -4.0, "°F"),
        ("Highs of 10-20 degrees are expected at the coast.", 10.0, "degree"),
    ],
)
def test_a_temperature_below_zero_keeps_its_sign(text, value, unit):
    [q] = extract_facts(Article(text)).quantities
    assert (q.low, q.unit) == (value, unit)


def test_a_hedge_before_a_minus_sign_bounds_the_temperature_below_zero():
    [q] = extract_facts(Article("Readings fell below -50 Celsius at the airport.")).quantities
    assert (q.low, q.high, q.qualifier, q.text) == (-math.inf, -50.0, "max", "below -50 Celsius")
    [q] = extract_facts(Article("It stayed above -3 degrees Celsius all day.")).quantities
    assert (q.low, q.high, q.qualifier) == (-3.0, math.inf, "min")


@pytest.mark.parametrize(
    "text",
    ["The toll surpassed 100 on Monday.", "Deaths exceeded 100 by the evening.",
     "The count topped 100 people."],
)
def test_a_figure_surpassed_is_a_floor(text):
    [q] = extract_facts(Article(text)).quantities
    assert (q.low, q.high, q.qualifier, q.low_inclusive) == (100.0, math.inf, "min", False)


@pytest.mark.parametrize(
    ("text", "value", "written"),
    [
        ("A crowd of 2,40,000 people gathered.", 240_000, "2,40,000 people"),
        ("The project cost Rs 3,61,480 crore.", 3_614_800_000_000, "Rs 3,61,480 crore"),
        ("The firm was worth Rs 4.17 lakh crore.", 4_170_000_000_000, "Rs 4.17 lakh crore"),
        ("A crowd of 240,000 people gathered.", 240_000, "240,000 people"),
    ],
)
def test_south_asian_digit_groups_and_a_lakh_of_crores(text, value, written):
    q = only(text)
    assert (q.low, q.text) == (value, written)


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("The jobless rate reached 31,7% in the second quarter.", 31.7, "percent"),
        ("Employment fell to 9,2 million in the quarter.", 9.2e6, ""),
        ("The output gap narrowed to 2,45 points.", 2.45, "point"),
    ],
)
def test_a_comma_before_one_or_two_last_digits_is_a_decimal_point(text, value, unit):
    q = only(text)
    assert math.isclose(q.low, value) and q.unit == unit


def test_a_comma_before_three_digits_still_groups_thousands():
    assert only("Some 1,500 homes were flooded.").low == 1500
    assert only("Some 1,50,000 homes were flooded.").low == 150_000


def test_a_change_by_a_figure_to_a_level_is_two_figures_not_a_range():
    found = quantities("Employment grew by 131,000 to 11.9 million in the year.")
    assert [(q.low, q.high) for q in found] == [(131_000, 131_000), (11.9e6, 11.9e6)]
    assert only("Prices rose by 3 to 5 percent this month.").qualifier == "range"


@pytest.mark.parametrize("base", ["per 1,000 people", "per 100,000 residents", "in every 10 homes"])
def test_the_base_of_a_rate_counts_nothing(base):
    found = quantities(f"The town recorded 4.2 cases {base} last year.")
    assert [q.low for q in found] == [4.2]


def test_a_term_of_exchange_is_not_a_rate_base():
    found = quantities("Holders get one Varden share for every 17.3 Ostmark shares.")
    assert 17.3 in [q.low for q in found]


@pytest.mark.parametrize("written", ["17 1/2", "17½"])
def test_a_whole_number_and_a_fraction_are_one_figure(written):
    q = only(f"The court imposed {written} years in prison on Monday.")
    assert (q.low, q.unit) == (17.5, "year")


@pytest.mark.parametrize(
    "text",
    [
        "The count of missing climbers rose to 11 last night.",
        "The club signed 14 last summer.",
        "Volunteers rescued 23 overnight from the flooded estate.",
        "The agency expects to hire 300 next year.",
        "Medics had treated 52 yesterday.",
    ],
)
def test_a_time_after_a_figure_is_not_what_it_counts(text):
    assert only(text).unit == ""


@pytest.mark.parametrize(
    "text",
    [
        "Of the 14 motions, 9 won easily.",
        "Rivera, 61, won the seat.",
        "Of the 2,400 candidates, 1,100 won seats.",
    ],
)
def test_a_verb_after_a_small_figure_is_no_currency(text):
    assert all(q.unit != "krw" for q in quantities(text))


@pytest.mark.parametrize(
    ("text", "values"),
    [
        ("The landslide killed eight and injured fourteen more.", [8, 14]),
        ("Officers arrested eleven after the clashes.", [11]),
    ],
)
def test_a_spelled_number_a_verb_of_harm_acts_on_is_a_figure(text, values):
    assert [q.low for q in quantities(text)] == values


@pytest.mark.parametrize(
    "text",
    [
        "The keeper saved two in the shootout.",
        "The side, missing three through injury, lost.",
        "A toll at two of the bridges was raised.",
    ],
)
def test_a_spelled_number_after_another_verb_or_a_toll_booth_counts_nothing(text):
    assert quantities(text) == ()


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Okafor headed in the opener in the 34th minute.", 34),
        ("A 90th-minute penalty settled it.", 90),
        ("The winner came in the 121st minute of extra time.", 121),
    ],
)
def test_the_minute_of_play_is_the_one_ordinal_read(text, value):
    minute = only(text)
    assert (minute.low, minute.unit) == (value, "minute of play")


@pytest.mark.parametrize(
    "text",
    ["It finished on the 19th lap.", "Talks resumed on the 2nd day of the summit."],
)
def test_other_ordinals_stay_unread(text):
    assert quantities(text) == ()


@pytest.mark.parametrize(
    "text",
    ["Ito equalised in the 45+2nd minute.", "Ito equalised around the 60th minute."],
)
def test_stoppage_time_and_a_hedged_minute_are_not_read_as_minutes(text):
    assert all(q.unit != "minute of play" for q in quantities(text))


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        ("The club paid 12 million Swiss francs for him.", "chf"),
        ("The deal is worth 4.5 billion Australian dollars.", "aud"),
        ("Strikes cost the carmaker 900 billion South Korean won.", "krw"),
        ("The fund holds 300 million U.S. dollars in cash.", "usd"),
        ("Exports reached 2,000 billion Japanese yen.", "jpy"),
    ],
)
def test_a_currency_named_with_its_country_is_that_currency(text, unit):
    assert only(text).unit == unit


@pytest.mark.parametrize(
    "text",
    [
        "All 25 South Korean won their bouts.",
        "The 1,200 South Korean won medals.",
        "Two Brazilian real estate firms merged.",
        "He signed 3 US dollar contracts.",
    ],
)
def test_a_currency_word_that_qualifies_or_is_a_verb_is_no_sum(text):
    assert all(q.unit not in ("krw", "brl", "usd") for q in quantities(text))
