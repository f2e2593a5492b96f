"""Which figures of two articles count the same thing."""

from __future__ import annotations

import pytest
from finder_sides import side

from core.discrepancies.number_conflicts import (
    lead_tolls,
    number_conflicts,
    paired_figures,
    second_counts,
)
from core.discrepancies.quantity_agreement import separators_swapped
from core.discrepancies.roles import role_of
from core.discrepancies.standing import (
    AVERAGE,
    CHANGE,
    FORECAST,
    PROGRESS,
    RECALLED,
    REQUESTED,
    THRESHOLD,
    standing_of,
)


def paired(a, b):
    """The figures two one-sentence stories pair, their sentences linked."""
    return paired_figures(a, b, {(1, 1)})


def conflicts(a, b):
    return number_conflicts(paired(a, b))


def test_figures_still_waiting_are_not_set_against_those_done():
    a = side("Port news.\n\nWith 40 containers yet to be recovered, divers return at dawn.")
    b = side("Port news.\n\nDivers said 12 containers have been recovered from the bay.")
    assert paired(a, b) == []
    c = side("Port news.\n\nDivers said 15 containers have been recovered so far.")
    assert len(paired(c, b)) == 1


def test_a_sum_written_before_a_thing_is_what_that_thing_costs():
    a = side("Bridge.\n\nThe $90-million Larkspur bridge opened to traffic on Monday after delays.")
    b = side(
        "Bridge.\n\nThe ferry terminal cost about $30 million to rebuild last year. "
        "In all, the Larkspur bridge cost $95 million, the council said."
    )
    pairs = paired_figures(a, b, set())
    assert [(x.low, y.low) for x, y in pairs] == [(90e6, 95e6)]


def test_a_time_in_minutes_and_seconds_conflicts_with_a_time_in_seconds():
    from core.compare import compare
    from core.model import Article

    a = "Cup final.\n\nThe striker scored from the penalty spot after 26 seconds of the final."
    b = "Cup final.\n\nThe striker scored from the spot after one minute and 52 seconds of the final."
    found = compare(Article(a), Article(b), capped=False).discrepancies
    numbers = [(a[slice(*d.a)], b[slice(*d.b)]) for d in found if d.kind == "number"]
    assert numbers == [("26 seconds", "one minute and 52 seconds")]


def test_a_difference_between_two_values_is_not_set_against_a_value():
    a = side(
        "Ferry.\n\nThe harbour log lists the ferry at 41 metres, "
        "6 metres longer than the yard's plans showed."
    )
    b = side("Ferry.\n\nThe ferry, 41 metres long, was built at the yard in 2019.")
    pairs = paired(a, b)
    assert [(x.low, y.low) for x, y in pairs] == [(41, 41)]
    c = side("Ferry.\n\nThe new ferry is 6 metres longer than the old one, the yard said.")
    assert [(x.low, y.low) for x, y in paired(a, c)] == [(6, 6)]


def test_figures_in_two_units_of_one_length_are_compared_after_conversion():
    a = side("Derailment.\n\nThe train left the rails about 150 miles north of the capital.")
    b = side("Derailment.\n\nThe train derailed some 150 kilometres north of the capital.")
    pairs = paired(a, b)
    assert [(x.text, y.text) for x, y in pairs] == [("about 150 miles", "some 150 kilometres")]
    assert len(number_conflicts(pairs)) == 1
    c = side("Derailment.\n\nThe train derailed about 240 km north of the capital.")
    pairs = paired(a, c)
    assert len(pairs) == 1 and number_conflicts(pairs) == []  # 150 miles is 241 km


def test_a_rate_is_never_set_against_a_sum():
    a = side(
        "Fine.\n\nHe must pay a fine of 10,800 euros.\n\n"
        "The amount is 18 months of fine at a rate of 20 euros per day."
    )
    b = side("Fine.\n\nHe was ordered to pay a fine exceeding €10,000.")
    pairs = paired(a, b)
    assert [(x.low, y.low) for x, y in pairs] == [(10_800, 10_000)]
    assert second_counts(a, b, pairs) == []  # 20 euros a day is no second fine
    c = side("Shares.\n\nThe buyer pays $23 a share, or $10 billion, a year after the offer.")
    d = side("Shares.\n\nThe deal values the chain at $10 billion, or $25 a share.")
    pairs = paired(c, d)
    assert sorted((x.low, y.low) for x, y in pairs) == [(23, 25), (1e10, 1e10)]


def test_the_share_of_ballots_counted_meets_only_another_count_progress():
    a = side("Vote.\n\nWith 95 per cent of votes tallied, Ruiz had 55.8 per cent of the vote.")
    b = side("Vote.\n\nRuiz won 55.6 per cent of the vote, against 44 per cent for Vale.")
    pairs = paired(a, b)
    assert (95, 44) not in [(x.low, y.low) for x, y in pairs]
    c = side("Vote.\n\nSo far 99% of votes have been counted, the election board said.")
    assert [(x.low, y.low) for x, y in paired(a, c)] == [(95, 99)]


def test_speeds_and_clock_times_are_compared_across_units():
    a = side("Launch.\n\nThe rocket reached a top speed of about 1,500 mph before it broke up.")
    b = side("Launch.\n\nThe rocket hit a top speed of over 1,000 km per hour before it broke up.")
    assert len(conflicts(a, b)) == 1  # 1,500 mph is 2,414 km/h
    c = side("Launch.\n\nThe stages were due to separate three minutes into the flight.")
    d = side("Launch.\n\nThe stages were due to separate 2 minutes and 10 seconds into the flight.")
    assert len(conflicts(c, d)) == 1


def test_a_figure_converted_in_brackets_is_not_a_second_figure():
    a = side("Storm.\n\nWinds of 200 km/h (124 mph) lashed the coast on Friday morning.")
    b = side("Storm.\n\nWinds of up to 200 km/h lashed the coast, with gusts of 145 km/h inland.")
    pairs = paired(a, b)
    assert [x.text for x, _ in pairs] == ["200 km/h"]


def test_a_permitted_crowd_meets_a_permitted_crowd_in_other_words():
    a = side("Crush.\n\nPermission had been granted for 6,000 people at the river festival.")
    b = side("Crush.\n\nOfficials had authorised a gathering of 60,000 people by the river.")
    pairs = paired_figures(a, b, set())
    assert [(x.low, y.low) for x, y in pairs] == [(6000, 60000)]
    assert len(number_conflicts(pairs)) == 1


def test_a_bodys_size_is_not_a_count_of_its_members_who_acted():
    a = side("Vote.\n\nAll 190 members present voted to lift the decree within hours.")
    b = side("Vote.\n\nThe 300-member assembly voted to lift the decree within hours.")
    assert paired(a, b) == []
    c = side("Vote.\n\nThe 299-member assembly voted to lift the decree within hours.")
    assert [(x.low, y.low) for x, y in paired(b, c)] == [(300, 299)]


def test_the_seats_a_party_won_a_share_of_are_the_chambers_size():
    a = side("Poll.\n\nEarly counts gave the party most of the 120 seats in parliament.")
    b = side("Poll.\n\nEarly counts gave the party 48 seats in parliament.")
    assert paired(a, b) == []
    c = side("Poll.\n\nLater counts gave the party 52 seats in parliament.")
    assert [(x.low, y.low) for x, y in paired(b, c)] == [(48, 52)]


def test_what_a_place_holds_is_not_how_many_came():
    a = side("Crush.\n\nThe arena can accommodate only 35,000 people, the minister said.")
    b = side("Crush.\n\nAbout 2 to 3 lakh people came to the arena, the minister said.")
    assert paired(a, b) == []
    c = side("Crush.\n\nThe 25,000-capacity arena was full hours before the parade.")
    assert standing_of(c, c.facts.quantities[0]) == standing_of(a, a.facts.quantities[0])


def test_a_price_for_each_one_is_not_a_total():
    a = side("Listing.\n\nThe shares priced on Wednesday added $3 billion to the firm's value.")
    b = side("Listing.\n\nThe firm priced its shares at $34 each on Wednesday.")
    assert paired(a, b) == []
    c = side("Listing.\n\nThe firm priced its shares at $31 a share on Wednesday.")
    assert [(x.low, y.low) for x, y in paired(b, c)] == [(34, 31)]


def test_a_toll_is_set_against_both_tolls_the_other_article_gives():
    from core.compare import compare
    from core.model import Article

    a = (
        "Blast at the depot.\n\nThe death toll from the blast at the fuel depot has risen "
        "to 57, the fire service said on Sunday."
    )
    b = (
        "Blast at the depot.\n\nMore than 30 people were killed in the blast at the fuel "
        "depot, officials said. Workers kept searching the site through the night. "
        "A local radio station later said the death toll had reached 44."
    )
    found = compare(Article(a), Article(b), capped=False).discrepancies
    numbers = {b[slice(*d.b)] for d in found if d.kind == "number"}
    assert len(numbers) == 2
    assert any("30" in x for x in numbers) and any("44" in x for x in numbers)


def test_a_breakdown_of_a_toll_is_not_a_second_toll():
    a = side("Quake.\n\nThe earthquake killed 57 people across the region, officials said.")
    b = side(
        "Quake.\n\nThe earthquake killed 61 people across the region, officials said. "
        "In the hill district 40 people were killed and in the valley 15 people died, "
        "while 6 people were killed on the coast."
    )
    pairs = paired(a, b)
    assert [(x.low, y.low) for x, y in pairs] == [(57, 61)]
    assert second_counts(a, b, pairs) == []


def test_figures_hundreds_of_times_apart_count_different_things():
    a = side("Results.\n\nThe firm posted earnings per share of $5.16 on revenue of $22.1 billion.")
    b = side("Results.\n\nThe firm forecast revenue of $24 billion for the current quarter.")
    pairs = paired(a, b)
    assert [(x.text, y.text) for x, y in pairs] == [("$22.1 billion", "$24 billion")]


def test_a_dropped_zero_is_still_one_count_told_two_ways():
    a = side("Outbreak.\n\nThere have been more than 20,000 confirmed cases this year.")
    b = side("Outbreak.\n\nThere have been more than 200,000 confirmed cases this year.")
    pairs = paired(a, b)
    assert len(pairs) == 1 and len(number_conflicts(pairs)) == 1


def test_a_part_of_a_toll_is_not_the_toll():
    a = side(
        "Landslide.\n\nAt least 43 deaths have been confirmed, among them three children, "
        "officials said."
    )
    b = side("Landslide.\n\nThe death toll from the landslide has risen to 93, officials said.")
    pairs = paired(a, b)
    assert [(x.text, y.text) for x, y in pairs] == [("At least 43 deaths", "93")]
    c = side("Landslide.\n\nFive children were among the dead, officials said.")
    d = side("Landslide.\n\nThree children were among the dead, officials said.")
    assert len(paired(c, d)) == 1


def test_injuries_count_the_injured_people():
    a = side("Quake.\n\nIn the capital the collapse caused 16 injuries, the governor said.")
    b = side("Quake.\n\nIn the capital 22 people were injured in the collapse, the governor said.")
    pairs = paired(a, b)
    assert [(x.text, y.text) for x, y in pairs] == [("16 injuries", "22 people")]
    assert len(number_conflicts(pairs)) == 1


def test_a_sum_in_brackets_after_a_sum_is_its_conversion_even_with_one_sign():
    a = side("Rout.\n\nThe rout erased nearly $600 billion from the company's value.")
    b = side("Rout.\n\nThe rout erased $US589 billion ($936 billion) from the company's value.")
    pairs = paired(a, b)
    assert [(x.text, y.text) for x, y in pairs] == [("nearly $600 billion", "$US589 billion")]
    assert number_conflicts(pairs) == []


def test_temperatures_are_compared_across_scales_and_a_bare_degree_reads_either_way():
    celsius = side("Heat.\n\nThe temperature in the valley reached 46 degrees Celsius on Monday.")
    fahrenheit = side(
        "Heat.\n\nThe temperature in the valley reached 115 degrees Fahrenheit on Monday."
    )
    bare_f = side("Heat.\n\nThe temperature in the valley reached 115 degrees on Monday.")
    bare_c = side("Heat.\n\nThe temperature in the valley reached 46 degrees on Monday.")
    other = side("Heat.\n\nThe temperature in the valley reached 41 degrees Celsius on Monday.")
    for b in (fahrenheit, bare_f, bare_c):
        pairs = paired(celsius, b)
        assert len(pairs) == 1 and number_conflicts(pairs) == []  # 115 °F is 46.1 °C
    assert len(conflicts(celsius, other)) == 1
    assert len(conflicts(other, bare_f)) == 1


def test_a_temperature_converted_in_brackets_is_not_a_second_figure():
    a = side("Heat.\n\nIt reached 48 degrees Celsius (118 Fahrenheit) in the valley on Monday.")
    b = side("Heat.\n\nIt reached 48 degrees Celsius in the valley on Monday, a record.")
    assert [x.text for x, _ in paired(a, b)] == ["48 degrees Celsius"]


def test_a_total_is_not_set_against_one_part_of_its_breakdown():
    parts = side("Blast.\n\nOfficials said 21 were in critical condition and 73 seriously hurt.")
    total = side("Blast.\n\nOfficials said 94 were seriously hurt in the blast.")
    pairs = paired(parts, total)
    assert pairs and number_conflicts(pairs, (parts, total)) == []
    other = side("Blast.\n\nOfficials said 34 were in critical condition and 73 seriously hurt.")
    pairs = paired(other, total)
    assert len(number_conflicts(pairs, (other, total))) == len(pairs) >= 1  # 34 + 73 is 107


def test_arrests_and_demonstrators_count_people():
    people = side("Rally.\n\nPolice said 26 officers were injured and 24 people were arrested.")
    for text in (
        "Rally.\n\nClashes erupted on Saturday, and police made 25 arrests.",
        "Rally.\n\nThere were at least 25 demonstrators arrested on Saturday.",
    ):
        pairs = paired_figures(side(text), people, {(1, 1)})
        assert [y.text for _, y in pairs] == ["24 people"]
        assert len(number_conflicts(pairs)) == 1


def test_a_crowd_that_marched_meets_a_crowd_that_attended():
    a = side("Rally.\n\nOrganisers said 40,000 people attended the rally in the capital.")
    b = side("Rally.\n\nSome 25,000 people marched through the capital, police there said.")
    assert {role_of(s, s.facts.quantities[0]) for s in (a, b)} == {"attendance"}


def test_people_present_at_a_venue_are_its_attendance():
    present = side("Blaze.\n\nAbout 600 people were present in the hall when the fire began.")
    attended = side("Blaze.\n\nThe concert was attended by around 1,800 people, police said.")
    assert {role_of(s, s.facts.quantities[0]) for s in (present, attended)} == {"attendance"}


def test_a_count_said_to_be_women_or_children_is_a_part_of_the_toll():
    whole = side("Crash.\n\nThe fire agency said 179 people were killed in the crash.")
    part = side("Crash.\n\nOf those killed in the crash, at least 84 were women, the agency said.")
    assert conflicts(part, whole) == []
    women = side("Crash.\n\nOf those killed in the crash, 70 were women, the agency said.")
    assert len(conflicts(part, women)) == 1


def test_a_part_meets_only_a_part_of_its_own_kind():
    children = side("Floods.\n\nAmong the dead were 12 children, officials said on Monday.")
    women = side("Floods.\n\nAmong the dead were 9 women, officials said on Monday.")
    assert paired(children, women) == []
    fewer = side("Floods.\n\nAmong the dead were 10 children, officials said on Monday.")
    assert len(conflicts(children, fewer)) == 1


def test_adults_named_beside_children_are_a_part_of_the_toll():
    whole = side("Collapse.\n\nAt least seven people were killed when the roof fell.")
    parts = side("Collapse.\n\nThe dead were six adults and one child, the mayor said.")
    assert conflicts(whole, parts) == []


def test_hospitalisations_count_the_people_taken_to_hospital():
    hospitalised = side("Outbreak.\n\nThree people died and 41 others were hospitalized.")
    stays = side("Outbreak.\n\nThere have been 38 hospitalizations and three deaths.")
    assert ("41", "38 hospitalizations") in {(x.text, y.text) for x, y in paired(hospitalised, stays)}
    assert len(conflicts(hospitalised, stays)) == 1


def test_a_figure_set_in_an_earlier_year_is_recalled_and_pairs_with_no_current_one():
    text = (
        "Quake.\n\nThe island was jolted by a magnitude 7.2 earthquake in 2024. It was the "
        "strongest since 1999, when a 7.6 magnitude tremor killed about 2,400 people."
    )
    s = side(text)
    standing = {q.text: standing_of(s, q) for q in s.facts.quantities}
    assert standing["7.6 magnitude tremor"] == RECALLED
    assert standing["magnitude 7.2 earthquake"] != RECALLED


@pytest.mark.parametrize(
    "sentence, prior",
    [
        ("Its half-year profit was 12 billion yen, declining sharply from the 80 billion yen "
         "earned over the same months last year.", "80 billion yen"),
        ("The firm posted a 4 billion yen loss, a reversal from the 90 billion yen profit "
         "it made then.", "90 billion yen"),
        ("Sales rose to $52 million from $47 million, the company said.", "$47 million"),
        ("Revenue reached $9 million, compared with $7 million in the spring.", "$7 million"),
        ("The county said 310 homes were lost, up from 260 homes on Monday.", "260 homes"),
        ("The central bank lifted its main lending rate to 1.75% from 1.5% in a split vote.",
         "1.5%"),
        ("Kelvar's winds eased from a high of 250 kph before landfall, forecasters said.",
         "250 kph"),
    ],
)
def test_the_value_before_a_change_is_recalled(sentence, prior):
    s = side("Results.\n\n" + sentence)
    standing = {q.text: standing_of(s, q) for q in s.facts.quantities}
    assert standing[prior] == RECALLED
    assert [t for t, v in standing.items() if v == RECALLED] == [prior]


@pytest.mark.parametrize(
    "sentence, change",
    [
        ("The island's population increased by about 3 million since the last count.",
         "about 3 million"),
        ("Membership fell 2,400 over the year, the club said.", "2,400"),
        ("The fund recorded a rise of $40 million in the quarter.", "$40 million"),
        ("Sales climbed by 12,000 on the year before.", "12,000"),
    ],
)
def test_how_much_a_count_moved_is_a_change_not_its_level(sentence, change):
    s = side("Results.\n\n" + sentence)
    standing = {q.text: standing_of(s, q) for q in s.facts.quantities}
    assert standing[change] == CHANGE
    assert [t for t, v in standing.items() if v == CHANGE] == [change]


def test_a_change_is_not_set_against_the_level_it_reached():
    grew = side("Census.\n\nThe population grew by about 3 million, officials said.")
    level = side("Census.\n\nThe population stood at 12.4 million, officials said.")
    assert conflicts(grew, level) == []
    other = side("Census.\n\nThe population grew by about 2 million, officials said.")
    assert [f.summary for f in conflicts(grew, other)] == ["about 3 million vs about 2 million"]


@pytest.mark.parametrize(
    "sentence",
    [
        "The mercury rose up to 46.3 degrees Celsius on Friday.",
        "The lorry plunged 40 metres into the gorge.",
        "Turnout rose 4% on the last election.",
        "The plane dropped 20 leaflets over the town.",
    ],
)
def test_a_reading_a_measure_or_a_share_after_a_verb_of_change_keeps_its_standing(sentence):
    s = side("Weather.\n\n" + sentence)
    assert all(standing_of(s, q) != CHANGE for q in s.facts.quantities)


def test_a_yearly_change_and_a_value_reached_from_a_past_year_are_current():
    s = side(
        "Trade.\n\nExports dropped 6.4% from a year earlier. The deficit more than "
        "doubled over the same month of 2021 to $18.6 billion. In 2016 the deficit "
        "climbed to $7.3 billion.",
        published="2022-05-09",
    )
    standing = {q.text: standing_of(s, q) for q in s.facts.quantities}
    assert standing["6.4%"] == ""
    assert standing["$18.6 billion"] == ""
    assert standing["$7.3 billion"] == RECALLED


def test_a_past_value_is_not_set_against_the_other_articles_current_one():
    a = side(
        "Results.\n\nIts half-year profit totaled 12 billion yen, declining sharply from "
        "the 80 billion yen earned over the same months last year."
    )
    b = side("Results.\n\nNet income slumped to 12 billion yen in the half year.")
    assert conflicts(a, b) == []
    evacuated = side("Flood.\n\nAbout 400 people were evacuated from 30 villages.")
    assert all(standing_of(evacuated, q) != RECALLED for q in evacuated.facts.quantities)


@pytest.mark.parametrize(
    "sentence, asked, done",
    [
        ("The prosecutor had requested a suspended sentence for the actor, along with a "
         "€20,000 fine, and he was fined €29,040 on Tuesday.", "€20,000 fine", "€29,040"),
        ("He was sentenced to 11 years, less than the 20 years prosecutors had sought.",
         "20 years prosecutors", "11 years"),
        ("Prosecutors sought 20 years but the judge sentenced him to 11 years.", "20 years", "11 years"),
    ],
)
def test_what_someone_asked_for_is_a_request_not_the_outcome(sentence, asked, done):
    s = side("Court.\n\n" + sentence)
    standing = {q.text: standing_of(s, q) for q in s.facts.quantities}
    assert standing[asked] == REQUESTED
    assert standing[done] != REQUESTED


def test_a_requested_fine_is_not_set_against_the_fine_imposed():
    a = side(
        "Court.\n\nThe prosecutor had asked for a suspended prison term, as well as a "
        "€20,000 fine and registration on the offenders' list."
    )
    b = side("Court.\n\nHe was also fined a total of 29,040 euros by the court.")
    assert conflicts(a, b) == []
    fined = side("Court.\n\nThe court fined him €20,000 and ordered him to register.")
    assert len(conflicts(fined, b)) == 1


def test_an_average_is_not_set_against_a_peak():
    a = side("Virus.\n\nThe virus has a fatality rate as high as 88 per cent, the agency said.")
    b = side("Virus.\n\nThe virus has a fatality rate averaging 50%, the agency said.")
    assert [standing_of(b, q) for q in b.facts.quantities] == [AVERAGE]
    assert conflicts(a, b) == []


def test_premiums_over_the_prices_of_other_days_are_not_set_against_each_other():
    a = side(
        "Deal.\n\nThe offer of $20 a share is a premium of 9% to the stock's closing "
        "price of $18.35 on Tuesday, the firm said."
    )
    b = side("Deal.\n\nThe offer is a 31% premium to its closing price on Oct. 4, the firm said.")
    assert conflicts(a, b) == []
    same_day = side("Deal.\n\nThe offer is a 12% premium to its closing price on Oct. 4.")
    assert len(conflicts(b, same_day)) == 1


def test_a_majority_is_the_gap_between_the_votes_not_a_count_of_votes():
    a = side("Vote.\n\nThe bill was rejected by a majority of 118 votes on Tuesday.")
    b = side("Vote.\n\nThe bill was defeated by 330 votes to 212 on Tuesday.")
    assert conflicts(a, b) == []
    seats = side("Vote.\n\nThe party won a majority of 330 seats on Tuesday.")
    assert [standing_of(seats, q) for q in seats.facts.quantities] == [""]


def test_the_dead_at_the_scene_are_a_part_of_the_toll():
    a = side(
        "Crash.\n\nAt least 41 people have been confirmed dead after a bus collided with a "
        "truck on the highway near the town. Thirty people were confirmed dead at the scene "
        "while another five died in hospital, police said."
    )
    b = side(
        "Crash.\n\nThirty people have been confirmed dead in a collision between a bus and a "
        "truck near the town, police said."
    )
    pairs = paired_figures(a, b, set())
    found = number_conflicts(pairs + lead_tolls(a, b, pairs), (a, b))
    assert [(a.text[slice(*f.a)], b.text[slice(*f.b)]) for f in found] == [
        ("At least 41 people", "Thirty people")
    ]


def test_a_share_written_with_a_trailing_zero_keeps_its_digits():
    a = side("Vote.\n\nThe ruling party received 50.20% of the vote, the commission said.")
    b = side("Vote.\n\nThe ruling party received 50.17% of the vote, the commission said.")
    assert len(conflicts(a, b)) == 1
    same = side("Vote.\n\nThe ruling party received 50.2% of the vote, the commission said.")
    assert conflicts(a, same) == []


def test_the_count_so_far_may_say_how_many_votes_were_counted():
    b = side("Vote.\n\nWith 99.9% of 1.6 million votes counted, the ruling party led.")
    assert [standing_of(b, q) for q in b.facts.quantities][:1] == [PROGRESS]


def test_a_rounding_of_the_articles_own_figure_takes_no_partner_from_it():
    a = side(
        "Vote.\n\nThe ruling party, which captured roughly 50% of votes, said it had won. "
        "The ruling party earned 50.17% of the vote, the commission said."
    )
    b = side("Vote.\n\nThe ruling party received 50.21% of the vote, the commission said.")
    found = number_conflicts(paired_figures(a, b, set()))
    assert [a.text[slice(*f.a)] for f in found] == ["50.17% of the vote"]


def test_the_one_measure_each_article_gives_is_compared_without_shared_words():
    a = side("Quake.\n\nThe whole island was jolted yesterday by a magnitude 7.2 earthquake.")
    b = side(
        "Quake.\n\nThe magnitude 7.4 earthquake was the most powerful in 25 years. "
        "It was the strongest since 1999, when a 7.6 magnitude tremor hit the east."
    )
    pairs = paired_figures(a, b, set())
    assert [(x.low, y.low) for x, y in pairs if x.unit == "magnitude"] == [(7.2, 7.4)]
    assert len([f for f in number_conflicts(pairs) if "7.4" in f.summary]) == 1


def test_a_bare_count_of_survivors_counts_people():
    a = side("Ferry.\n\nThe coast guard said 58 people survived when the ferry sank.")
    b = side("Ferry.\n\nOnly 10 survived when the ferry sank, the coast guard said.")
    assert len(conflicts(a, b)) == 1


def test_one_shock_named_in_other_words_is_one_figure():
    a = side(
        "Quake.\n\nThe national agency said the quake measured 7.4 on Monday. "
        "An aftershock of magnitude 6.1 followed."
    )
    b = side(
        "Quake.\n\nA powerful earthquake of magnitude 7.8 hit the region on Monday. "
        "A second tremor of magnitude 5.9 came at noon."
    )
    pairs = paired_figures(a, b, set())
    assert (7.4, 7.8) in [(x.low, y.low) for x, y in pairs]


def test_passengers_and_crew_counted_together_share_the_verb_after_them():
    s = side("Crash.\n\n39 passengers and crew members were injured in the crash.")
    assert [role_of(s, q) for q in s.facts.quantities] == ["hurt"]
    two = side("Crash.\n\nThe jet carried 76 passengers and four crew, and 21 were injured.")
    assert [role_of(two, q) for q in two.facts.quantities][0] is None


def test_net_profit_is_not_set_against_operating_profit():
    net = side("Results.\n\nThe carmaker reported a 64-percent drop in third-quarter net profit.")
    operating = side("Results.\n\nIts third-quarter operating profit plunged 42% on weak sales.")
    assert paired(net, operating) == []
    also_net = side("Results.\n\nIts third-quarter net profit plunged 42% on weak sales.")
    assert len(conflicts(net, also_net)) == 1


def test_an_adjusted_result_is_not_set_against_the_plain_one():
    plain = side("Results.\n\nThe studio earned $412 million in the quarter, it said.")
    adjusted = side("Results.\n\nThe studio posted adjusted net income of $655 million.")
    assert paired(plain, adjusted) == []
    also_plain = side("Results.\n\nThe studio posted net income of $655 million.")
    assert len(conflicts(plain, also_plain)) == 1


def test_what_analysts_expected_is_a_forecast_not_the_result():
    expected = side("Results.\n\nAnalysts had on average forecast revenue of $8.31 billion.")
    reported = side("Results.\n\nRevenue rose 6% to $8.4 billion in the quarter.")
    assert [standing_of(expected, q) for q in expected.facts.quantities] == [FORECAST]
    assert paired(expected, reported) == []


@pytest.mark.parametrize(
    "text",
    [
        "Results.\n\nSales came in at $8.4 billion, above estimates of $8.31 billion.",
        "Results.\n\nIt made $8.31 billion, short of the $8.4 billion expected by analysts.",
    ],
)
def test_a_forecast_is_read_from_the_words_around_its_figure(text):
    s = side(text)
    assert [standing_of(s, q) for q in s.facts.quantities] == ["", FORECAST]


def test_a_result_after_a_clause_on_expectations_is_not_a_forecast():
    s = side("Results.\n\nRevenue beat analysts' expectations, rising 6% to $8.4 billion.")
    assert FORECAST not in [standing_of(s, q) for q in s.facts.quantities]


@pytest.mark.parametrize(
    "sentence",
    [
        "A winner must secure more than 50 percent of the votes to avoid a second round.",
        "The motion required 226 votes to pass in the 450-seat chamber.",
        "Parties must clear a 4% threshold to win seats.",
    ],
)
def test_what_a_candidate_or_a_motion_needs_is_a_threshold(sentence):
    s = side("Vote.\n\n" + sentence)
    assert THRESHOLD in [standing_of(s, q) for q in s.facts.quantities]


def test_a_threshold_is_not_set_against_a_share_won():
    rule = side("Vote.\n\nA winner must secure more than 50 percent of the votes, officials said.")
    won = side("Vote.\n\nThe incumbent won 61.2 percent of the votes, officials said.")
    assert paired(rule, won) == []


def test_a_race_time_told_to_the_second_conflicts_by_one_second():
    a = side("Race.\n\nShe won the marathon, finishing in two hours, 14 minutes and 20 seconds.")
    b = side("Race.\n\nShe clocked an official 2hr 14min 19sec on a cool morning.")
    assert len(conflicts(a, b)) == 1
    same = side("Race.\n\nShe clocked an official 2hr 14min 20sec on a cool morning.")
    assert conflicts(a, same) == []


@pytest.mark.parametrize(
    "sentence",
    [
        "She broke the course record by 41 seconds on Sunday.",
        "She took 41 seconds off the course record on Sunday.",
    ],
)
def test_a_time_won_by_or_taken_off_is_a_margin(sentence):
    s = side("Race.\n\n" + sentence)
    assert [standing_of(s, q) for q in s.facts.quantities] == ["difference"]


def test_storeys_and_stories_are_one_count():
    a = side("Collapse.\n\nThe five-storey building came down before dawn, police said.")
    b = side("Collapse.\n\nThe six-story building came down before dawn, police said.")
    assert len(conflicts(a, b)) == 1


def test_survivors_and_the_rescued_are_one_count():
    a = side("Sinking.\n\nRescuers have found 11 survivors of the sinking so far.")
    b = side("Sinking.\n\nTen people have been rescued from the sinking so far.")
    assert len(conflicts(a, b)) == 1


def test_survivors_are_counted_apart_from_the_dead():
    dead = side("Ferry.\n\nThe governor said 78 people had died when the ferry sank.")
    lived = side("Ferry.\n\nThe governor said 58 people survived when the ferry sank.")
    assert conflicts(dead, lived) == []


SAME_PEOPLE = {
    "survivors-meet-survivors": (
        "Crash.\n\nThe ministry said there were 25 survivors of the crash.",
        "Crash.\n\nRescuers pulled 29 survivors from the wreckage of the crash.",
        set(),
    ),
    "survivors-are-people-who-survived": (
        "Sinking.\n\nRescuers have found 9 survivors of the sinking.",
        "Sinking.\n\nOfficials said 14 passengers survived the sinking.",
        {(1, 1)},
    ),
    "bodies-count-the-dead": (
        "Landslide.\n\nRescuers had pulled at least six bodies from the mud.",
        "Landslide.\n\nAt least 12 people were killed in the mud, police said.",
        {(1, 1)},
    ),
    "people-present-are-the-attendance": (
        "Blaze.\n\nAbout 600 people were present in the hall when the fire began.",
        "Blaze.\n\nThe concert was attended by around 1,800 people, police said.",
        {(1, 1)},
    ),
}


@pytest.mark.parametrize(("text_a", "text_b", "linked"), SAME_PEOPLE.values(), ids=SAME_PEOPLE)
def test_two_counts_of_the_same_people_are_set_against_each_other(text_a, text_b, linked):
    assert len(number_conflicts(paired_figures(side(text_a), side(text_b), linked))) == 1


def test_the_same_value_in_both_breaks_a_tie_between_partners():
    a = side(
        "Sinking.\n\nThe boat was carrying 212 people when it sank, and the toll from the "
        "sinking has risen to almost 180, the agency said."
    )
    b = side(
        "Sinking.\n\nMore than 180 people died when the boat carrying 212 passengers sank, "
        "the agency said."
    )
    pairs = paired(a, b)
    assert ("212 people", "212 passengers") in {(x.text, y.text) for x, y in pairs}
    assert [f.summary for f in number_conflicts(pairs)] == ["almost 180 vs More than 180 people"]


def test_an_aside_on_who_was_counted_does_not_hide_what_happened_to_them():
    s = side(
        "Ferry.\n\nAt least 52 passengers, many of them pupils and teachers, drowned "
        "when the ferry sank near the harbour."
    )
    assert role_of(s, s.facts.quantities[0]) == "dead"


def test_a_count_that_reached_a_figure_gives_the_figure_its_role():
    s = side(
        "Floods.\n\nThe number of deaths in the floods reportedly reached 76, "
        "with dozens still feared missing in the hills."
    )
    assert role_of(s, s.facts.quantities[0]) == "dead"


def test_a_floor_the_article_also_states_as_a_count_is_that_count():
    a = side(
        "Collapse.\n\nAt least 20 people died on Tuesday when the block fell, officials said. "
        "Rescuers later said the death toll was 20."
    )
    b = side("Collapse.\n\n26 people died on Tuesday when the block fell, officials said.")
    pairs = paired(a, b)
    assert [x.text for x, _ in pairs] == ["At least 20 people"]
    assert len(number_conflicts(pairs, (a, b))) == 1
    floor_only = side(
        "Collapse.\n\nAt least 20 people died on Tuesday when the block fell, officials said."
    )
    pairs = paired(floor_only, b)
    assert number_conflicts(pairs, (floor_only, b)) == []


def test_one_count_of_a_thing_in_each_article_is_one_count():
    a = side("Collapse.\n\nMany families in the 54 flats were asleep.")
    b = side("Collapse.\n\nThe block, built in 1984, had 40 flats.")
    pairs = paired(a, b)
    assert [(x.low, y.low) for x, y in pairs] == [(54, 40)]
    assert len(number_conflicts(pairs, (a, b))) == 1


def test_a_part_counts_what_the_whole_before_it_counts():
    included = side("Fire.\n\nThe death toll rose to 31 on Friday, including nine firefighters.")
    assert [role_of(included, q) for q in included.facts.quantities] == ["dead", "dead"]
    aged = side("Fire.\n\nThe dead include seven children, aged between four and 12 years.")
    assert role_of(aged, aged.facts.quantities[0]) == "dead"


def test_passengers_and_crew_add_up_to_all_on_board():
    a = side("Crash.\n\nThe jet crashed after take-off, killing all 120 passengers and six crew.")
    b = side("Crash.\n\nThe jet crashed after take-off, killing all 126 people on board.")
    assert number_conflicts(paired(a, b), (a, b)) == []


STADIUM_A = (
    "Crush.\n\nAt least 153 people died in the crush at the stadium, the rights panel said "
    "on Monday. Police said 127 deaths were counted at the stadium gates on Saturday night."
)


def test_the_two_leads_tolls_are_set_against_each_other():
    a = side(STADIUM_A)
    b = side(
        "Crush.\n\nThe crush at the stadium gates killed at least 129 people, police said on "
        "Saturday night. Hospital staff said on Monday that 131 people had died."
    )
    pairs = paired_figures(a, b, set())
    pairs += second_counts(a, b, pairs)
    assert ("At least 153 people", "at least 129 people") not in [(x.text, y.text) for x, y in pairs]
    leads = lead_tolls(a, b, pairs)
    assert [(x.text, y.text) for x, y in leads] == [("At least 153 people", "at least 129 people")]
    assert len(number_conflicts(leads)) == 1


def test_a_lead_toll_the_other_article_also_gives_is_no_second_toll():
    a = side(STADIUM_A)
    b = side(
        "Crush.\n\nThe crush at the stadium gates killed at least 129 people, police said on "
        "Saturday night. The rights panel later said 153 people had died."
    )
    pairs = paired_figures(a, b, set())
    pairs += second_counts(a, b, pairs)
    assert lead_tolls(a, b, pairs) == []


def test_a_part_of_the_toll_is_no_second_toll():
    a = side("Floods.\n\nThe governor said 110 people died in the floods.")
    b = side(
        "Floods.\n\nRescuers said 110 people were killed in the floods. "
        "At least 13 children were among those killed in the floods."
    )
    pairs = paired(a, b)
    assert [(x.low, y.low) for x, y in pairs] == [(110, 110)]
    assert second_counts(a, b, pairs) == []
    twice = side(
        "Floods.\n\nRescuers said 110 people were killed in the floods. "
        "Hospital staff said later that 117 people had died in the floods."
    )
    assert [(x.low, z.low) for x, z in second_counts(a, twice, paired(a, twice))] == [(110, 117)]


def test_crew_members_and_passengers_add_up_to_everyone_on_board():
    a = side("Landing.\n\nAll 80 passengers and crew are accounted for, the airport said.")
    b = side("Landing.\n\nAll 76 passengers and four crew members are accounted for, the airline said.")
    pairs = paired(a, b)
    assert pairs and number_conflicts(pairs, (a, b)) == []


@pytest.mark.parametrize("noun", ["inmates", "hostages", "refugees", "miners", "fighters", "ministers"])
def test_people_named_by_what_they_are_are_counted_as_people(noun):
    a = side(f"Riot.\n\nTwelve {noun} died in the fire on Sunday, officials said.")
    b = side("Riot.\n\nFifteen people died in the fire on Sunday, officials said.")
    pairs = paired(a, b)
    assert len(pairs) == 1 and len(number_conflicts(pairs)) == 1


def test_the_two_leads_magnitudes_are_set_against_each_other():
    a = side(
        "Quake.\n\nThe quake measured 7.4, the disaster agency said on Monday. "
        "A 6.1 aftershock followed at noon, the agency said."
    )
    b = side(
        "Quake.\n\nA powerful earthquake of magnitude 7.8 struck before dawn. "
        "Seismologists recorded a 6.1 aftershock at noon."
    )
    pairs = paired_figures(a, b, set())
    leads = lead_tolls(a, b, pairs)
    assert [(x.low, y.low) for x, y in leads] == [(7.4, 7.8)]


def test_a_ceiling_is_no_lead_toll():
    a = side(
        "Landslide.\n\nUp to 300 people may have died under the mud, residents feared. "
        "Rescuers had recovered 41 bodies by nightfall, the governor said."
    )
    b = side("Landslide.\n\nAt least 350 people were killed when the hillside gave way.")
    leads = lead_tolls(a, b, [])
    assert [(x.text, y.text) for x, y in leads] == [("41 bodies", "At least 350 people")]


def test_a_figure_alone_before_an_aside_is_shown_with_its_sentence():
    from core.discrepancies.find import _figure_span

    s = side("Attack.\n\nThirty-one people, most of them pupils, were killed in the attack.")
    [q] = [q for q in s.facts.quantities if q.text.startswith("Thirty")]
    start, end = _figure_span(s, (q.start, q.end))
    assert s.text[start:end].endswith("were killed in the attack.")
    t = side("Attack.\n\nThe attack killed 31 people, police said on Friday.")
    [r] = t.facts.quantities
    start, end = _figure_span(t, (r.start, r.end))
    assert t.text[start:end] == "The attack killed 31 people"


def test_a_point_for_thousands_is_the_same_count():
    """A translation that keeps Europe's point for thousands ("30.621") states the
    other article's "30,621", though read alone it looks like thirty and a bit."""
    text = "Outbreak.\n\nHealth officials had counted {} cases by the end of the month."
    a, b = side(text.format("30,621")), side(text.format("30.621"))
    assert [(x.text, y.text) for x, y in paired(a, b)] == [("30,621 cases", "30.621 cases")]
    assert conflicts(a, b) == []
    assert not separators_swapped(a.facts.quantities[0], side(text.format("30.612")).facts.quantities[0])


def test_personnel_count_people():
    # "164 personnel" deployed and "at least 180 people" deployed count one thing
    a = side("Search.\n\nAt least 180 people had been sent to join the search, he said.")
    b = side("Search.\n\nThe agency has sent 164 personnel to join the search.")
    pairs = paired(a, b)
    assert [(x.text, y.text) for x, y in pairs] == [("At least 180 people", "164 personnel")]
    assert len(number_conflicts(pairs)) == 1


def test_two_sums_before_one_noun_price_one_thing():
    # words about the sums name other roles ("deal", "debt"); the noun after each is one
    a = side("Talks.\n\nThe country defaulted on a $63bn bond deal agreed in 2019.")
    b = side("Talks.\n\nThe country owes the fund for a $64 billion bond of 2019, its debt office said.")
    pairs = paired(a, b)
    assert [(x.text, y.text) for x, y in pairs] == [("$63bn bond", "$64 billion bond")]
    assert len(number_conflicts(pairs)) == 1


def test_a_figure_pairs_with_the_nearer_of_two_rival_counts():
    # "29" against "12" and "27" for one toll: "27" is likelier the same count told two ways
    a = side("Quarry.\n\nThe quarry blast killed 29 workers, the mine office said.")
    b = side(
        "Quarry.\n\nThe quarry blast killed 12 workers, the mine office said. "
        "Later the office said the quarry blast killed 27 workers."
    )
    assert [(x.text, y.text) for x, y in paired_figures(a, b, set())] == [
        ("29 workers", "27 workers")
    ]


def test_a_floor_the_breakdown_reaches_is_one_count_told_two_ways():
    a = side("Ferry fire.\n\nAt least 31 people died when fire swept the ferry, police said.")
    b = side("Ferry fire.\n\nTwenty-six pupils and five crew members died when fire swept the ferry.")
    flagged = [f.summary for f in number_conflicts(paired_figures(a, b, {(1, 1)}), (a, b))]
    assert flagged == []
    c = side("Ferry fire.\n\nAt least 35 people died when fire swept the ferry, police said.")
    assert number_conflicts(paired_figures(c, b, {(1, 1)}), (c, b)) != []


def test_one_member_of_a_group_is_no_count():
    a = side("Ferry news.\n\nOne of the passengers was taken to hospital in Vessmark.")
    b = side("Ferry news.\n\nSeven passengers were taken to hospital in Vessmark.")
    assert paired(a, b) == []
    c = side("Ferry news.\n\nTwo passengers were taken to hospital in Vessmark.")
    assert len(paired(c, b)) == 1


def test_figures_of_unlinked_sentences_rank_with_omitted_figures_unless_they_are_tolls():
    from core.discrepancies.flag import flag
    from core.discrepancies.number_conflicts import UNLINKED_WEIGHT, unlinked_figures

    a = side("Storm news.\n\nThe storm killed 14 people. Crews cleared 40 roads.")
    b = side("Storm news.\n\nAt least 19 people died. Crews had cleared 25 roads by noon.")

    def at(s, word):
        start = s.text.index(word)
        return (start, start + len(word))

    toll = flag("number", "14 vs 19", at(a, "14 people"), at(b, "19 people"))
    roads = flag("number", "40 vs 25", at(a, "40 roads"), at(b, "25 roads"))
    linked = roads._replace(alignment=0)
    kept, lowered, still = unlinked_figures([toll, roads, linked], a, b, paired(a, b))
    assert kept == toll and kept.severity == "high"
    assert (lowered.severity, lowered.weight) == ("low", UNLINKED_WEIGHT)
    assert still == linked


def test_tolls_paired_across_unlinked_sentences_rank_lower_when_both_give_several():
    from core.discrepancies.number_conflicts import UNLINKED_WEIGHT, unlinked_figures

    a = side("Storm news.\n\nThe storm killed 14 people. Floods in the south killed 9 people.")
    b = side("Storm news.\n\nThe storm killed 12 people. In the south 9 people died.")
    figures = paired_figures(a, b, set())
    flags = number_conflicts(figures)
    assert flags and all(f.severity == "high" for f in flags)
    lowered = unlinked_figures(flags, a, b, figures)
    assert {(f.severity, f.weight) for f in lowered} == {("low", UNLINKED_WEIGHT)}
    # one toll against several that all disagree with it: any pairing is a conflict
    one = side("Storm news.\n\nAt least 19 people died across the country.")
    figures = paired_figures(a, one, set())
    kept = unlinked_figures(number_conflicts(figures), a, one, figures)
    assert kept and {f.severity for f in kept} == {"high"}


def test_a_rate_over_a_base_is_not_set_against_a_count():
    a = side("Census.\n\nThe country recorded 8.4 million deaths in 2024, officials said.")
    b = side("Census.\n\nThe death rate rose to 6.12 deaths per 1,000 people in 2024.")
    s = b
    standing = {q.text: standing_of(s, q) for q in s.facts.quantities}
    assert standing["6.12 deaths"] != ""
    assert conflicts(a, b) == []


def test_a_when_clause_after_a_past_year_tells_that_years_figures():
    past = side(
        "Census.\n\nThe last fall came in 1959 and 1960, when the harvest collapsed "
        "across the northern plains and a famine killed millions of people."
    )
    other_past = side(
        "Census.\n\nDeaths rose to 6.12 per thousand from 5.9 in 2023, when the country "
        "recorded 9.8 million deaths."
    )
    killed = next(q for q in past.facts.quantities if "millions" in q.text)
    assert standing_of(past, killed).startswith(RECALLED)
    assert conflicts(past, other_past) == []



def test_figures_five_times_apart_are_read_among_omitted_claims_unless_both_name_the_count():
    from core.discrepancies.number_conflicts import FAR_APART_WEIGHT

    a = side("Exams.\n\nOf the 880,000 who sat the papers, many passed, the ministry said.")
    b = side("Exams.\n\nOf the 160,000 who sat the papers, many passed, the ministry said.")
    [far] = number_conflicts(paired(a, b), (a, b))
    assert (far.severity, far.weight) == ("low", FAR_APART_WEIGHT)
    dead_a = side("Quake.\n\nThe quake killed 12 people in the valley, officials said.")
    dead_b = side("Quake.\n\nThe quake killed 70 people in the valley, officials said.")
    [toll] = number_conflicts(paired(dead_a, dead_b), (dead_a, dead_b))
    assert toll.severity == "high"


@pytest.mark.parametrize(
    "told",
    [
        "Volcano news.\n\nThe tremor was recorded at a depth of 35 km under the island.",
        "Volcano news.\n\nThe tremor, 35 km deep, rattled windows across the island.",
    ],
)
def test_two_figures_news_names_as_one_measure_are_one_value(told):
    a = side(
        "Volcano news.\n\nThe tremor struck the island before dawn and had a depth of "
        "12 km, some 20 km from the crater, officials said."
    )
    b = side(told + " Ash fell 60 km away in the port.")
    found = [(x.text, y.text[:5]) for x, y in paired_figures(a, b, set())]
    assert ("12 km", "35 km") in found


@pytest.mark.parametrize(
    ("sentence", "role"),
    [
        # a bare count of the trapped, the saved and the sick counts people
        ("Rescuers said 14 were still trapped under the rubble.", "missing"),
        ("Officials fear 9 remain buried in the mud.", "missing"),
        ("Officials said 30 people remained unreachable after the storm.", "missing"),
        ("By dusk the teams had pulled 12 out alive.", "rescued"),
        ("The spill sickened 85 in the village.", "hurt"),
        ("The blast burned 6 of the workers.", "hurt"),
        # a part takes the role said of it, not the whole's
        ("Another 40 of the 300 or so fans were injured in the crush.", "hurt"),
        ("Officials said 75 of the crew have been safely rescued.", "rescued"),
        ("At least 120 of the dead were pilgrims.", "dead"),
    ],
)
def test_the_role_a_figure_takes(sentence, role):
    s = side(f"Disaster.\n\n{sentence}")
    assert role_of(s, s.facts.quantities[0]) == role


@pytest.mark.parametrize(
    ("told", "retold", "values"),
    [
        (
            "The company said 11 were still trapped underground on Friday.",
            "Seven miners were still missing on Friday, the company said.",
            (11, 7),
        ),
        (
            "The floods destroyed 40 houses across the region, officials said.",
            "Officials said the floods destroyed 56 homes across the region.",
            (40, 56),
        ),
    ],
    ids=["the-trapped-and-the-missing", "houses-and-homes"],
)
def test_two_words_for_one_count_pair_their_figures(told, retold, values):
    a, b = side(f"Disaster.\n\n{told}"), side(f"Disaster.\n\n{retold}")
    assert [(x.low, y.low) for x, y in paired(a, b)] == [values]
    assert len(conflicts(a, b)) == 1


def test_two_sums_read_in_the_other_order_are_paired_where_both_agree():
    a = side(
        "Verdict\n\nJurors in the federal court awarded $129 million in compensatory damages "
        "and $200 million in punitive damages, holding the carmaker liable for a third of the "
        "compensatory amount, or $42.6 million."
    )
    b = side(
        "Verdict\n\nThe jury granted a $43 million award for compensatory damages and another "
        "$200 million in punitive damages.\n\nThe jury found the compensatory damages merited "
        "a total of $129 million, but the carmaker pays only a third of that."
    )
    pairs = {(x.text, y.text) for x, y in paired_figures(a, b, {(1, 1), (1, 2)})}
    assert ("$129 million", "$129 million") in pairs
    assert ("$42.6 million", "$43 million award") in pairs


def test_a_crowd_told_by_its_figure_alone_counts_people():
    a = side("Final.\n\nThe final was played before a crowd of 64,310 on Sunday.")
    b = side("Final.\n\nThe final drew a crowd of 64,130 fans on Sunday.")
    [(x, y)] = paired(a, b)
    assert (x.text, y.text) == ("64,310", "64,130 fans")


def test_the_sum_of_a_merger_is_the_price_of_the_deal():
    a = side("Retail.\n\nRegulators blocked the chains' planned £9.4bn merger on Thursday.")
    b = side("Retail.\n\nRegulators on Thursday blocked the £8.7 billion deal between the chains.")
    [(x, y)] = paired(a, b)
    assert (x.text, y.text) == ("£9.4bn merger", "£8.7 billion deal")


def test_a_goal_timed_to_another_minute_of_play_conflicts():
    a = side("Cup final.\n\nSerrano scored the opener in the 41st minute from a corner.")
    b = side("Cup final.\n\nSerrano put them ahead from a corner in the 43rd minute.")
    assert [f.summary for f in conflicts(a, b)] == ["41st minute vs 43rd minute"]


def test_the_minute_of_play_is_no_length_of_time():
    a = side("Cup final.\n\nSerrano scored the opener after 41 minutes.")
    b = side("Cup final.\n\nSerrano put them ahead in the 41st minute.")
    assert conflicts(a, b) == []


def test_minutes_of_two_goals_by_different_players_are_not_set_against_each_other():
    a = side("Cup final.\n\nOkafor, who met a corner at the far post, scored in the 64th minute.")
    b = side("Cup final.\n\nBrandt put them ahead from a corner in the 46th minute.")
    assert conflicts(a, b) == []


def test_minutes_far_apart_are_two_goals_whatever_their_clauses_share():
    a = side("Cup final.\n\nOkafor gave United the lead in the 20th minute from a corner.")
    b = side("Cup final.\n\nMensah restored United's lead from a corner in the 88th minute.")
    assert conflicts(a, b) == []
