"""The rules under the discrepancy finders: figures, days, sources, ids, budget."""

from __future__ import annotations

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from core.discrepancies.date_matching import day_of, same_day, same_time
from core.discrepancies.fingerprint import assign_ids, fingerprint
from core.discrepancies.flag import flag
from core.discrepancies.quantity_agreement import agree, representative, telling
from core.discrepancies.ranking import budget, deduplicate, rank
from core.discrepancies.sources import conflicting_sources, is_conduit, same_source
from core.facts.fact_records import Attribution, DateRef, Quantity

INF = math.inf


def q(low, high=None, *, qualifier="", unit="people", lo_inc=True, hi_inc=True, text="x"):
    high = low if high is None else high
    return Quantity(
        0, len(text), text, float(low), float(high), lo_inc, hi_inc, unit, qualifier, None, 0
    )


# --- figures -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("left", "right", "agreeing"),
    [
        # two roundings apart: each hedged, each told to two digits, neither the other's
        (
            q(27e6, qualifier="approx", text="some 27 million"),
            q(29e6, qualifier="approx", text="around 29 million"),
            False,
        ),
        (
            q(280, qualifier="approx", text="about 280"),
            q(300, qualifier="approx", text="around 300"),
            True,
        ),
        (
            q(24, qualifier="approx", text="24 km"),
            q(25, qualifier="approx", text="about 25 km"),
            True,
        ),
        # earthquake death tolls
        (q(14, INF, qualifier="min"), q(13), False),  # "at least 14" vs "13"
        # a floor counted to the unit is that count: "at least 14" vs "15" are two counts
        (q(14, INF, qualifier="min"), q(15), False),
        (q(14, INF, qualifier="min"), q(14), True),
        (q(140, INF, qualifier="min"), q(143), True),  # a round floor may round it
        (q(14, INF, qualifier="min", lo_inc=False), q(15), True),  # "more than 14"
        (q(12, INF, qualifier="min", text="at least a dozen"), q(13), True),
        (q(14, INF, qualifier="min"), q(15, qualifier="approx"), True),  # "about 15"
        (q(13, INF, qualifier="min", lo_inc=False), q(13), True),  # "more than 13" vs "13"
        (q(100, qualifier="approx"), q(90, INF, qualifier="min", lo_inc=False), True),
        (q(2000, qualifier="approx"), q(2150), True),  # about 2,000 vs 2,150: inside ±10 %
        (q(2000, qualifier="approx"), q(2300), False),
        (q(280, qualifier="approx"), q(312), False),  # about 280 vs 312 evacuated
        (q(2000, qualifier="estimated"), q(2300), True),  # an estimate gets ±20 %
        # troops: an estimated 100,000 vs tens of thousands
        (
            q(100_000, qualifier="estimated", unit="troop"),
            q(10_000, 100_000, qualifier="vague", hi_inc=False),
            False,
        ),
        (q(50_000, unit="troop"), q(10_000, 100_000, qualifier="vague", hi_inc=False), True),
        # trial sentences
        (q(15, unit="year"), q(12, unit="year"), False),
        (q(15, unit="year"), q(15, unit="year"), True),
        # acquisition prices
        (q(10e9, unit="$"), q(10.2e9, unit="$"), False),
        (q(10e9, qualifier="approx", unit="$"), q(10.2e9, unit="$"), True),
        (q(1.2e6, unit="$"), q(1_200_000, unit="$"), True),
        # two vague ranges that overlap
        (
            q(10, 100, qualifier="vague", hi_inc=False),
            q(50, INF, qualifier="min", lo_inc=False),
            True,
        ),
        (q(0, 50, qualifier="max", hi_inc=False), q(60), False),  # "fewer than 50" vs 60
        # "up to" a speed or a temperature is the peak reached, not a ceiling
        (q(0, 185, qualifier="max", unit="km/h"), q(190, unit="km/h"), False),
        (q(0, 185, qualifier="max", unit="km/h"), q(0, 160, qualifier="max", unit="km/h"), False),
        (q(0, 185, qualifier="max", unit="km/h"), q(185, unit="km/h"), True),
        (q(0, 300, qualifier="max"), q(250), True),  # "up to 300 people": a ceiling
        # two floors: precise counts are two tolls, round ones may be one
        (q(79, INF, qualifier="min"), q(90, INF, qualifier="min"), False),  # at least 79 / 90
        (q(104, INF, qualifier="min"), q(104, INF, qualifier="min"), True),
        (q(1e6, INF, qualifier="min", lo_inc=False), q(1.1e6, INF, qualifier="min"), True),
        (q(60, INF, qualifier="min"), q(80, INF, qualifier="min"), True),  # more than 60 / 80
        # a floor in whole thousands is a rounding: "over 3.7 million" / "over 3.75 million"
        (
            q(3.7e6, INF, qualifier="min", lo_inc=False),
            q(3.75e6, INF, qualifier="min", lo_inc=False),
            True,
        ),
        (q(12_000, INF, qualifier="min"), q(12_500, INF, qualifier="min"), True),
        (q(12_000, INF, qualifier="min"), q(14_000, INF, qualifier="min"), False),  # two counts
        (
            q(250e6, INF, qualifier="min", lo_inc=False),
            q(265e6, INF, qualifier="min", lo_inc=False),
            True,
        ),
        (q(1_175, INF, qualifier="min"), q(1_200, INF, qualifier="min"), False),  # counted
        # "more than 2,700" flights allows the same least count as "at least 2,701"
        (q(2700, INF, qualifier="min", lo_inc=False), q(2701, INF, qualifier="min"), True),
        (q(2700, INF, qualifier="min", lo_inc=False), q(2802, INF, qualifier="min"), False),
        # an exclusive floor at a round figure rounds a floor within its step down
        (q(240, INF, qualifier="min", lo_inc=False), q(246, INF, qualifier="min"), True),
        (q(240, INF, qualifier="min", lo_inc=False), q(240, INF, qualifier="min"), True),
        (q(240, INF, qualifier="min", lo_inc=False), q(253, INF, qualifier="min"), False),
        (q(240, INF, qualifier="min"), q(246, INF, qualifier="min"), False),  # both counted
        (q(240, INF, qualifier="min", lo_inc=False), q(250, INF, qualifier="min"), False),
        (q(2700, INF, qualifier="min", lo_inc=False), q(2800, INF, qualifier="min"), False),
        (q(240, INF, qualifier="min", lo_inc=False), q(246, INF, qualifier="min", lo_inc=False), True),
        # a hundred or more to one significant digit is too coarse a step to round
        (q(100, INF, qualifier="min", lo_inc=False), q(190, INF, qualifier="min"), False),
        (q(10, INF, qualifier="min", lo_inc=False), q(12, INF, qualifier="min"), True),
        (q(10, INF, qualifier="min", lo_inc=False), q(20, INF, qualifier="min"), False),
        (q(4.1e6, INF, qualifier="min", lo_inc=False), q(4.14e6, INF, qualifier="min"), True),
        # figures to several significant digits differ at the less precise one's digits
        (q(1.41178e9), q(1_411_718_000), False),
        (q(1.41178e9), q(1_411_780_000), True),
        (q(2345), q(2346), False),  # within the float-noise margin, yet two counts
        (q(317), q(318), False),  # three digits are a count too
        (q(48.3, unit="%"), q(48.2, unit="%"), False),  # a share to one decimal
        (q(5.1, unit="%"), q(5.12, unit="%"), True),  # the less precise one rounds
        (q(56.55, unit="%"), q(56.6, unit="%"), True),  # half up, though the float lies below
        # a figure stated with decimals, told to fewer digits: rounded half up, never cut off
        (q(46, unit="%", text="46 percent"), q(46.46, unit="%", text="46.46%"), True),
        (q(55, unit="%", text="55%"), q(55.7, unit="%", text="55.7%"), False),
        (
            q(6e12, unit="JPY", text="6 trillion yen"),
            q(5.9842e12, unit="JPY", text="5,984.2 billion yen"),
            True,
        ),
        (q(1200), q(1175), False),  # no decimals: two counts
        # a count in whole thousands, two digits or more, that a precise count rounds to
        (q(63_000), q(63_412), True),
        (q(63_000), q(62_600), True),
        (q(63_000), q(63_600), False),  # rounds to 64,000
        (q(1_000), q(1_046), False),  # one significant digit rounds nothing
        (q(56.55, unit="%"), q(56.5, unit="%"), True),  # or the digits cut off
        (q(56.55, unit="%"), q(56.7, unit="%"), False),
        (q(449.99, unit="$"), q(449, unit="$"), True),  # a price without its cents
        (q(200), q(201), True),  # a round figure may round a count
        (q(1.4e9, qualifier="approx", text="about 1.4 billion"), q(1_411_718_000), True),  # a hedge rounds
        # …at its own precision: five digits hedged are still five digits
        (q(1.41178e9, qualifier="approx", text="about 1.41178 billion"), q(1_411_718_000), False),
        # a small count is counted one by one: at least nine dead, then at least 10
        (q(9, INF, qualifier="min"), q(10, INF, qualifier="min"), False),
        (q(9, INF, qualifier="min"), q(9, INF, qualifier="min"), True),
        # a count just short of a number against one past it
        (q(300, qualifier="approx", text="nearly 300"), q(300, INF, qualifier="min"), False),
        (q(300, qualifier="approx", text="about 300"), q(300, INF, qualifier="min"), True),
        (q(300, qualifier="approx", text="almost 300"), q(296), True),
        (q(50, qualifier="approx", text="nearly 50"), q(53), False),  # a count past it
        (q(50, qualifier="approx", text="about 50"), q(53), True),
        (q(300, qualifier="approx", text="nearly 300"), q(250, INF, qualifier="min"), True),
        # a hedge told to three digits rounds the count at that precision
        (q(4.83e6, qualifier="approx", unit="vote", text="about 4.83 million"), q(4_712_905, unit="vote"), False),
        (q(4.71e6, qualifier="approx", unit="vote", text="about 4.71 million"), q(4_712_905, unit="vote"), True),
        (q(4.7e6, qualifier="approx", unit="vote", text="about 4.7 million"), q(4_812_905, unit="vote"), True),
        # a hedged share is a point or so off, not a tenth of itself
        (q(64, qualifier="approx", unit="percent", text="around 64 percent"), q(69, unit="percent"), False),
        (q(64, qualifier="approx", unit="percent", text="around 64 percent"), q(64.7, unit="percent"), True),
        # …and one told to a tenth of a point rounds a tenth
        (q(8.5, qualifier="approx", unit="percent", text="about 8.5%"), q(8.9, unit="percent"), False),
        (q(8.5, qualifier="approx", unit="percent", text="about 8.5%"), q(8.46, unit="percent"), True),
        (q(35.5, qualifier="approx", unit="percent", text="nearly 35.5%"),
         q(34.6, qualifier="approx", unit="percent", text="nearly 34.6 per cent"), False),
        (q(35.5, qualifier="approx", unit="percent", text="nearly 35.5%"), q(35.46, unit="percent"), True),
        # a sum "about" in one currency may be another's, converted at some rate
        (q(2.43e9, qualifier="approx", unit="usd", text="about $2.43 billion"), q(2.51e9, unit="usd"), True),
        (q(16.1, qualifier="approx", unit="kilometre", text="about 16.1 km"), q(16.9, unit="kilometre"), True),
        # a reading on a scale stays that reading, hedged or not
        (q(7.6, qualifier="estimated", unit="magnitude"), q(7.4, unit="magnitude"), False),
        (q(7.6, qualifier="approx", unit="magnitude"), q(7.6, unit="magnitude"), True),
    ],
)
def test_agreement_of_figures(left, right, agreeing):
    assert agree(left, right) is agreeing
    assert agree(right, left) is agreeing


def test_a_nautical_mile_converts_as_one():
    from core.discrepancies.quantity_agreement import agree_converted

    assert not agree_converted(
        q(10, qualifier="approx", unit="nmi"), q(10, qualifier="approx", unit="mile")
    )
    assert agree_converted(q(10, unit="nmi"), q(18.5, unit="kilometre"))  # 18.52 km


def test_representative_of_a_range_is_its_log_middle():
    assert representative(q(10_000, 100_000)) == pytest.approx(31_622.8, rel=1e-3)
    assert representative(q(13_000, INF)) == 13_000
    assert representative(q(0, 50)) == 50


@pytest.mark.parametrize(
    ("text", "start", "low", "expected"),
    [
        ("The security of one country", 16, 1, False),
        ("the two leaders met", 4, 2, False),
        ("two people were killed", 0, 2, True),
        ("1 person died", 0, 1, True),
    ],
)
def test_telling_figures(text, start, low, expected):
    quantity = Quantity(
        start, start + 3, text[start : start + 3], low, low, True, True, "x", "", None, 0
    )
    assert telling(text, quantity) is expected


# --- days ----------------------------------------------------------------------------


def ref(kind, value=None, weekday=None):
    return DateRef(0, 1, "x", kind, value, weekday, 0)


def test_days_compare_by_the_finest_shared_precision():
    wed, thu = ref("weekday", None, 2), ref("weekday", None, 3)
    assert same_day(day_of(wed), day_of(thu)) is False
    assert same_day(day_of(wed), day_of(ref("absolute", "2022-01-26"))) is True  # a Wednesday
    assert (
        same_day(day_of(ref("absolute", "--02-22")), day_of(ref("absolute", "2022-02-22"))) is True
    )
    assert (
        same_day(day_of(ref("absolute", "2022-02-22")), day_of(ref("absolute", "2022-02-23")))
        is False
    )


def test_weekdays_resolved_from_different_page_dates_are_still_one_day():
    a = DateRef(0, 1, "Thursday", "weekday", "2022-01-27", 3, 0)
    b = DateRef(0, 1, "Thursday", "weekday", "2022-05-19", 3, 0)
    assert same_day(day_of(a), day_of(b)) is True


def test_coarse_or_unknown_dates_never_conflict():
    assert day_of(ref("absolute", "2022-01")) is None
    assert day_of(ref("relative", None)) is None
    assert day_of(ref("absolute", "2022-02-30")) is None


def test_clock_times_compare_only_with_zones():
    local = DateRef(0, 1, "x", "time", "12:12", None, 0)
    gmt = DateRef(0, 1, "x", "time", "17:12+00:00", None, 0)
    assert same_time(local, gmt) is None
    assert same_time(gmt, DateRef(0, 1, "x", "time", "17:12+00:00", None, 0)) is True
    assert same_time(gmt, DateRef(0, 1, "x", "time", "18:12+00:00", None, 0)) is False


# --- sources ------------------------------------------------------------------------------


def credit(source, key, cue="according to"):
    return Attribution(0, 1, f"{cue} {source}", source, key, 0, cue)


def test_a_different_conduit_conflicts():
    left = [credit("Wang", "wang", "told"), credit("local media", "local media")]
    right = [credit("Wang", "wang", "said"), credit("the wire service", "wire service")]
    found = conflicting_sources(left, right)
    assert found is not None
    assert (found[0].source, found[1].source) == ("local media", "the wire service")


def test_a_relay_only_one_side_names_is_a_conflict():
    left = [credit("Beijing’s foreign ministry", "beijing foreign ministry")]
    right = [
        credit("China's foreign ministry", "china foreign ministry", "said in a statement"),
        credit("Reuters", "reuters"),
    ]
    found = conflicting_sources(left, right)
    assert found is not None
    assert (found[0].source, found[1].source) == ("Beijing’s foreign ministry", "Reuters")


def test_a_minister_speaks_for_the_ministry():
    minister = credit("Interior Minister Ana Ruiz", "ruiz", "said")
    ministry = credit("The Interior Ministry", "interior ministry", "reported")
    assert conflicting_sources([minister], [ministry]) is None
    other = credit("The Health Ministry", "health ministry", "reported")
    assert conflicting_sources([minister], [other]) is not None


def test_an_office_named_two_ways_is_one_source():
    minister = credit("Transportation Minister Tomas Vell", "vell", "said")
    ministry = credit("the Transport Ministry", "transport ministry", "according to")
    assert conflicting_sources([minister], [ministry]) is None
    office = credit("the Harlan County Sheriff's Office", "harlan county sheriff office", "said")
    sheriff = credit("Harlan County Sheriff Ed Moss", "harlan county sheriff ed moss", "said")
    assert conflicting_sources([sheriff], [office]) is None
    presidency = credit("the presidency", "presidency", "said in a statement")
    president = credit("President Ana Ruiz", "ruiz", "said")
    assert conflicting_sources([president], [presidency]) is None


def test_a_post_relayed_with_according_to_is_one_account_a_statement_is_not():
    relayed = credit("the weather service", "weather service", "according to")
    posted = credit("The weather service", "weather service", "said on X")
    assert conflicting_sources([relayed], [posted]) is None
    stated = credit("The weather service", "weather service", "said in a statement")
    assert conflicting_sources([relayed], [stated]) is not None


def test_the_same_chain_in_other_words_agrees():
    left = [
        credit("Beijing’s foreign ministry", "beijing foreign ministry", "said"),
        credit("Reuters", "reuters"),
    ]
    right = [
        credit("China's foreign ministry", "china foreign ministry", "said"),
        credit("Reuters", "reuters", "citing"),
    ]
    assert conflicting_sources(left, right) is None


@pytest.mark.parametrize(
    ("left", "right", "conflict"),
    [
        (  # a spokesperson briefs the press; the ministry issues a statement
            credit(
                "Harbour Ministry spokeswoman Ana Ruiz", "harbour ministry spokeswoman ana ruiz"
            ),
            credit("the Harbour Ministry", "harbour ministry", "said in a statement"),
            True,
        ),
        (  # the ministry's readout against its spokesperson
            credit("the Harbour Ministry's readout of the call", "harbour ministry"),
            credit("Harbour Ministry spokesman Ivo Tan", "harbour ministry spokesman ivo tan"),
            True,
        ),
        (  # a relay of the ministry against the ministry telling reporters: one source
            credit("the Harbour Ministry", "harbour ministry"),
            credit("the Harbour Ministry", "harbour ministry", "told reporters"),
            False,
        ),
        (  # the minister's own post against a relay that does not say how she said it
            credit("Minister Ana Ruiz", "ana ruiz"),
            credit("Minister Ana Ruiz", "ana ruiz", "said in a video statement posted on X"),
            True,
        ),
    ],
)
def test_a_spokesperson_and_a_written_statement_are_two_channels(left, right, conflict):
    assert (conflicting_sources([left], [right]) is not None) is conflict


def test_both_sides_naming_both_channels_of_one_source_agree():
    briefing = credit(
        "Harbour Ministry spokeswoman Ana Ruiz", "harbour ministry spokeswoman ana ruiz"
    )
    statement = credit("the Harbour Ministry", "harbour ministry", "said in a statement")
    assert conflicting_sources([briefing, statement], [briefing, statement]) is None
    assert conflicting_sources([briefing], [statement]) is not None


def test_one_speaker_through_two_channels_conflicts():
    left = [credit("the minister", "nsanzimana", "said in a statement")]
    right = [credit("Nsanzimana", "nsanzimana", "told journalists")]
    assert conflicting_sources(left, right) is not None


def test_a_statement_put_out_on_a_platform_is_a_post_and_still_written():
    posted = [credit("the club", "club", "put out a statement on x")]
    tweeted = [credit("the club", "club", "tweeted")]
    assert conflicting_sources(posted, tweeted) is None
    relayed = [credit("the club", "club", "according to")]
    assert conflicting_sources(posted, relayed) is not None


def test_an_outlet_that_reported_relays_but_a_country_that_reported_speaks():
    assert is_conduit(credit("state television", "state television", "reported"))
    assert not is_conduit(credit("Rwanda", "rwanda", "reported"))


@pytest.mark.parametrize(
    ("first", "second", "one_source"),
    [
        # a spokesman speaks for his department
        (("State Department spokesman Ned Price", "price"), ("the U.S. State Department", "state department"), True),
        (("Reuters", "reuters"), ("the Associated Press", "associated press"), False),
        # a country named before a body leaves the body to decide
        (("police spokesman Ivo Tan", "tan"), ("the Chile Police", "chile police"), True),
        (("health ministry spokesman Ivo Tan", "tan"), ("Peru's health ministry", "peru's health ministry"), True),
        (("police spokesman Ivo Tan", "tan"), ("the Chile army", "chile army"), False),
    ],
)
def test_a_spokesman_speaks_for_the_body_named_after_its_country(first, second, one_source):
    assert same_source(credit(*first), credit(*second)) is one_source


def test_a_title_in_initials_is_the_title_spelled_out():
    from core.discrepancies.sources import Credits

    assert same_source(credit("the CM", "cm", "said"), credit("the chief minister", "chief minister", "said"))
    named = credit("Harbour state chief minister Ana Ruiz", "ruiz", "said")
    initials = credit("the Harbour CM", "harbour cm", "said")
    assert same_source(initials, credit("Ruiz", "ruiz", "wrote"), Credits([named, initials]))
    assert not same_source(credit("the CM", "cm", "said"), credit("the police chief", "police chief", "said"))


def test_state_media_may_be_a_state_run_agency_but_not_another_newsroom():
    assert same_source(
        credit("state media", "state media", "reported"), credit("Xinhua", "xinhua", "reported")
    )
    assert same_source(
        credit("Syrian state television", "syrian state television", "reported"),
        credit("SANA", "sana", "reported"),
    )
    assert not same_source(
        credit("state media", "state media", "reported"), credit("Reuters", "reuters", "reported")
    )


def test_one_source_written_apart_in_initials_or_by_nationality():
    assert same_source(credit("Pay Pal", "pay pal"), credit("PayPal", "paypal"))
    assert same_source(
        credit("the Islamic Republic News Agency", "islamic republic news agency"),
        credit("IRNA", "irna"),
    )
    assert same_source(
        credit("Larsen", "larsen", "said"), credit("the Norwegian", "norwegian", "said")
    )
    assert not same_source(
        credit("IRNA", "irna"), credit("Anadolu news agency", "anadolu news agency")
    )


def test_one_newsroom_described_two_ways_is_one_source():
    assert same_source(
        credit("Elbonian state media outlet Kestrel", "elbonian state media outlet kestrel"),
        credit("the official Kestrel News Agency", "kestrel news agency"),
    )
    assert not same_source(
        credit("the Kestrel news agency", "kestrel news agency"),
        credit("the Osprey news agency", "osprey news agency"),
    )


def test_two_unnamed_bodies_are_two_sources():
    army = credit("the army", "army", "said in a statement")
    president = credit("the country's president", "country president", "said")
    assert conflicting_sources([army], [president]) == (army, president)
    # an unnamed body may be the one the other side names, and a voice speaks for its body
    company = credit("the company", "company", "said")
    assert conflicting_sources([company], [credit("Acme", "acme", "said")]) is None
    hospital = credit("the hospital", "hospital", "said")
    director = credit("the director of the clinic", "director clinic", "said")
    assert conflicting_sources([hospital], [director]) is None
    # "officials" may be anyone, the army included
    assert conflicting_sources([army], [credit("officials", "officials", "said")]) is None


def test_the_country_stands_for_the_one_the_other_side_names():
    envoy = credit("the country's ambassador to Peru", "country ambassador peru", "told")
    named = credit(
        "Brazil's Ambassador to Peru Ana Lima", "brazil ambassador peru ana lima", "said"
    )
    assert same_source(envoy, named)
    assert conflicting_sources([envoy], [named]) is None
    # the authorities' words alone say nothing of who spoke
    assert not same_source(credit("officials", "officials", "said"), named)


def test_the_place_an_office_serves_stands_for_the_one_the_other_side_names():
    governor = credit("the state governor", "state governor", "said")
    named = credit("Westland Governor Ana Ruiz", "ruiz", "according to")
    assert same_source(governor, named)
    assert conflicting_sources([governor], [named]) is None
    mayor = credit("the city's mayor", "city's mayor", "said")
    assert not same_source(mayor, named)
    # a place alone names no office: the state and the city are two sources
    assert not same_source(
        credit("the state", "state", "said"), credit("the city", "city", "said")
    )


def test_a_bodys_paper_speaks_for_the_body():
    spokesman = credit("company spokesman Ana Ruiz", "ruiz", "said")
    guidance = credit("the guidance of the company", "guidance of the company", "citing")
    assert same_source(spokesman, guidance)
    assert not same_source(credit("the notification", "notification", "according to"), spokesman)


def test_credits_to_the_authorities_at_large_are_one_source():
    figures = credit("official figures", "official figures", "according to")
    assert same_source(figures, credit("officials", "officials", "said"))
    assert same_source(
        credit("the country's military government", "country military government", "according to"),
        credit("the junta", "junta", "according to"),
    )
    assert not same_source(figures, credit("the health ministry", "health ministry", "said"))


# --- ids ------------------------------------------------------------------------------------


def test_fingerprint_ignores_typography_but_not_words():
    assert fingerprint("quote", "“stimulated  tensions”", "agitate") == fingerprint(
        "quote", '"Stimulated tensions"', "agitate"
    )
    assert fingerprint("quote", "stimulated tensions", "agitate") != fingerprint(
        "quote", "stimulate tensions", "agitate"
    )
    assert fingerprint("number", "a", "b") != fingerprint("date", "a", "b")
    assert len(fingerprint("number", "a", "b")) == 12


def test_identical_flags_get_distinct_deterministic_ids():
    text = "13 people 13 people"
    flags = [flag("number", "s", (0, 9), (0, 9)), flag("number", "s", (10, 19), (10, 19))]
    first = assign_ids(flags, text, text)
    assert len(set(first)) == 2
    assert assign_ids(flags, text, text) == first


# --- duplicates and budget ------------------------------------------------------------------------


def test_conflict_seen_twice_is_reported_once_with_its_alignment():
    passage = flag("number", "14 vs 13", (10, 12), (20, 22), alignment=3)
    fact = flag("number", "at least 14 people vs 13 people", (1, 19), (20, 29))
    kept = deduplicate([passage], [fact])
    assert len(kept) == 1
    assert kept[0].summary == "at least 14 people vs 13 people"
    assert kept[0].alignment == 3


def span(i: int) -> tuple[int, int]:
    return (i * 10, i * 10 + 2)


def test_budget_keeps_every_high_and_the_most_valuable_of_the_rest():
    highs = [flag("number", f"n{i}", span(i), span(i)) for i in range(2)]
    lows = [
        flag("wording", f"w{i}", span(50 + i), span(50 + i), weight=1.0 + i / 10) for i in range(8)
    ]
    kept = rank(highs + lows, words=250)
    assert budget(250) == 5
    assert len(kept) == 5
    assert kept[:2] == highs
    assert {f.summary for f in kept[2:]} == {"w7", "w6", "w5"}  # heaviest wording kept
    assert len(rank(highs + lows, words=250, capped=False)) == 10, "uncapped keeps all"


def test_high_flags_are_never_dropped():
    highs = [flag("number", f"n{i}", span(i), span(i)) for i in range(24)]
    lows = [flag("wording", "w", span(90), span(90))]
    kept = rank(highs + lows, words=100)
    assert len(kept) == 24 and all(f.severity == "high" for f in kept)


def test_an_omission_repeating_a_kept_one_waits_for_room():
    text_a = (
        "Winds of 150 km/h lashed the harbour town at dawn. "
        "The harbour town was lashed at dawn by winds of 150 km/h. "
        "The regional airport cancelled every flight until Sunday."
    )
    first, second, third = (0, 50), (51, 108), (109, len(text_a))
    highs = [flag("number", f"n{i}", span(i), span(i)) for i in range(3)]
    omitted = [
        flag("omission", "wind", first, None, severity="medium", weight=0.9),
        flag("omission", "wind again", second, None, severity="medium", weight=0.9),
        flag("omission", "flights", third, None, severity="low", weight=0.5),
    ]
    kept = rank(highs + omitted, words=100, texts=(text_a, ""))
    assert budget(100) == 5
    shown = {f.summary for f in kept} - {f.summary for f in highs}
    assert "flights" in shown and len(shown & {"wind", "wind again"}) == 1  # told once
    roomy = rank(highs + omitted, words=300, texts=(text_a, ""))
    assert {f.summary for f in omitted} <= {f.summary for f in roomy}


def test_rank_puts_high_first_then_position():
    low = flag("wording", "w", (0, 1), (0, 1))
    high = flag("date", "d", (50, 60), (50, 60))
    assert rank([low, high], words=1000) == [high, low]


def test_an_unnamed_medium_is_the_named_one_it_describes():
    named = credit("the Ostland state news agency Valtra", "valtra", "reported")
    assert same_source(credit("state media", "state media", "reported"), named)
    assert same_source(named, credit("Ostland state media", "ostland state media", "reported"))
    # another description, or none beyond the kind of medium, is another source
    assert not same_source(credit("local media", "local media", "reported"), named)
    assert not same_source(credit("media", "media", "reported"), named)


def test_media_reports_said_nothing_more_is_any_unnamed_medium():
    generic = credit("Media reports", "media reports", "said")
    assert same_source(generic, credit("local media", "local media", "reported"))
    assert same_source(credit("state media", "state media", "reported"), generic)
    # two described media are two sources, and a generic one names no agency
    assert not same_source(
        credit("local media", "local media", "reported"),
        credit("state media", "state media", "reported"),
    )
    named = credit("the Ostland state news agency Valtra", "valtra", "reported")
    assert not same_source(generic, named)


def test_two_news_agencies_share_only_the_kind_of_medium():
    assert not same_source(
        credit("Ostland's Valtra news agency", "ostland valtra news agency", "reported"),
        credit("Ostland's Kemi news agency", "ostland kemi news agency", "reported"),
    )
    assert same_source(
        credit("Beijing's foreign ministry", "beijing foreign ministry", "said"),
        credit("China's foreign ministry", "china foreign ministry", "said"),
    )


@given(
    st.floats(min_value=-1e9, max_value=1e9, allow_nan=False, allow_infinity=False),
    st.floats(min_value=-1e9, max_value=1e9, allow_nan=False, allow_infinity=False),
)
def test_plain_figures_far_apart_never_agree_by_any_allowance(x, y):
    """The quick answer for plain figures gives what the full reading gives."""
    from core.discrepancies.quantity_agreement import (
        _far_apart,
        _rounds_decimals,
        _tolerant_contains,
    )

    a, b = q(x, text=f"{x}"), q(y, text=f"{y}")
    if _far_apart(a, b):
        assert not _tolerant_contains(a, y) and not _tolerant_contains(b, x)
        assert not _rounds_decimals(a, b) and not _rounds_decimals(b, a)


def test_the_budget_keeps_the_same_findings_whichever_article_is_a():
    from core.compare import compare
    from core.model import Article

    lead = "Port fire update.\n\nA fire broke out at the harbour depot on Monday, officials said. "
    only_a = " ".join(
        f"Crane {n} of the north quay held {n * 13 + 7} crates of grain." for n in range(1, 13)
    )
    only_b = " ".join(
        f"Barge {n} at the south pier carried {n * 17 + 5} tonnes of coal." for n in range(1, 13)
    )
    a, b = Article(text=lead + only_a), Article(text=lead + only_b)

    def kept(x: Article, y: Article) -> set[str]:
        found = compare(x, y).discrepancies
        texts = set()
        for d in found:
            for side, art in (("a", x), ("b", y)):
                span = getattr(d, side)
                if span:
                    texts.add(art.text[span[0] : span[1]])
        return texts

    forward, backward = kept(a, b), kept(b, a)
    assert forward == backward
    assert any("Barge" in t for t in forward) and any("Crane" in t for t in forward)
