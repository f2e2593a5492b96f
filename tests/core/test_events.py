"""Grouping articles into events: same story together, later events of a saga apart, reprints known."""

from __future__ import annotations

import itertools
import os

import pytest
from conftest import seed
from hypothesis import given, settings
from hypothesis import strategies as st

from core.events.grouping import EventGrouping, group_events
from core.ingest.load import article_from_text, load_article
from core.model import Article

QUAKE_1 = """Powerful earthquake kills more than 2,000 in Morocco
A magnitude 6.8 earthquake struck the High Atlas mountains on Friday night, killing at least 2,012 people
and injuring 2,059 others, the interior ministry said on Saturday. The epicentre was 72 km south-west of
Marrakech. "The shaking lasted for about twenty seconds and then everything fell," said Hassan Aitbaha,
a shopkeeper in Amizmiz. Rescue teams struggled to reach remote villages where mud-brick homes collapsed.
King Mohammed VI declared three days of national mourning."""

QUAKE_2 = """Morocco earthquake death toll passes 2,000
Rescuers in Morocco dug through rubble on Saturday after a 6.8-magnitude quake hit the High Atlas late on
Friday, killing 2,012 people, according to the interior ministry, which said 2,059 were hurt. The quake's
epicentre lay 72 km from Marrakech. "The shaking lasted for about twenty seconds and then everything fell,"
Hassan Aitbaha told reporters in Amizmiz. Three days of national mourning were declared by the king."""

QUAKE_3 = """Villages flattened as Morocco counts its dead
Entire villages in the High Atlas were reduced to rubble by Friday's magnitude 6.8 earthquake, which the
interior ministry said had killed 2,012 people. Many of the 2,059 injured were taken to hospitals in
Marrakech, 72 km from the epicentre. Survivors in Amizmiz slept outdoors for a second night, fearing
aftershocks, as the army sent helicopters to villages cut off by landslides."""

AFTERSHOCK = """Strong aftershock rattles Morocco a week after deadly quake
A magnitude 4.9 aftershock shook the High Atlas on Saturday, a week after the earthquake that killed nearly
3,000 people, sending residents of Marrakech into the streets. No new casualties were reported, the interior
ministry said. Reconstruction of mud-brick villages has barely begun and thousands still live in tents.
"We are afraid every night," said Fatima Ouchen, who lost her home in Talat N'Yaaqoub."""

TRIAL = """Former exchange boss sentenced to 25 years for fraud
A federal judge in Manhattan sentenced the founder of the collapsed crypto exchange to 25 years in prison on
Thursday for stealing $8 billion from customers. "He knew it was wrong," Judge Lewis Kaplan said. The
defendant, who was convicted by a jury in November, plans to appeal, his lawyer said. Prosecutors had sought
a sentence of 40 to 50 years."""

TRIAL_2 = """Crypto founder gets 25-year prison term
The founder of the failed crypto exchange was sentenced on Thursday to 25 years behind bars for defrauding
customers of $8 billion. "He knew it was wrong," Judge Lewis Kaplan said in Manhattan federal court. His
lawyers said he would appeal the November conviction. Prosecutors had asked for 40 to 50 years."""

DEAL = """Northwind to buy Contoso for $69 billion
Northwind agreed on Tuesday to acquire the games publisher Contoso for $69 billion in cash, the largest deal
in the industry's history. Contoso shareholders will receive $95 a share, a 45% premium. "Gaming is the most
dynamic category in entertainment," Northwind's chief executive said. The deal needs regulators' approval."""


def articles(*texts, dates=None):
    dates = dates or [""] * len(texts)
    return [article_from_text(t, published=d) for t, d in zip(texts, dates, strict=True)]


def as_sets(grouping: EventGrouping) -> set[frozenset[int]]:
    return {frozenset(e) for e in grouping.events}


def check_partition(grouping: EventGrouping, n: int) -> None:
    flat = [i for event in grouping.events for i in event]
    assert sorted(flat) == list(range(n))
    event_of = {i: k for k, e in enumerate(grouping.events) for i in e}
    for i, j in grouping.pairs + grouping.reprints:
        assert i < j and event_of[i] == event_of[j]


def test_seeds_one_call_together_later_calls_alone():
    seeds = [load_article(seed(p)) for p in ("000", "001", "002", "003", "004")]
    grouping = group_events(seeds)
    check_partition(grouping, 5)
    assert as_sets(grouping) == {frozenset({0, 2, 3}), frozenset({1}), frozenset({4})}
    assert set(grouping.pairs) == {(0, 2), (0, 3), (2, 3)}
    assert grouping.reprints == ()


def test_unseen_events_are_told_apart():
    texts = [QUAKE_1, TRIAL, QUAKE_2, DEAL, AFTERSHOCK, QUAKE_3, TRIAL_2]
    grouping = group_events(articles(*texts))
    check_partition(grouping, len(texts))
    assert as_sets(grouping) == {
        frozenset({0, 2, 5}),
        frozenset({1, 6}),
        frozenset({3}),
        frozenset({4}),
    }


def test_input_order_does_not_change_the_grouping():
    texts = [QUAKE_1, TRIAL, QUAKE_2, DEAL, AFTERSHOCK, QUAKE_3, TRIAL_2]
    expected = {frozenset(texts[i] for i in e) for e in group_events(articles(*texts)).events}
    for order in ([6, 5, 4, 3, 2, 1, 0], [3, 0, 6, 1, 5, 2, 4]):
        shuffled = [texts[i] for i in order]
        got = {frozenset(shuffled[i] for i in e) for e in group_events(articles(*shuffled)).events}
        assert got == expected


def test_wire_reprint_is_recognised():
    reprint = (
        "From the wires\n\n"
        + QUAKE_1
        + "\n\nCopyright 2023 The Example Agency. All rights reserved."
    )
    grouping = group_events(articles(QUAKE_1, TRIAL, reprint))
    assert grouping.reprints == ((0, 2),)
    assert frozenset({0, 2}) in as_sets(grouping)


def test_time_gate_separates_stories_weeks_apart():
    together = group_events(articles(QUAKE_1, QUAKE_3))
    assert len(together.events) == 1  # no dates known: the texts decide
    apart = group_events(articles(QUAKE_1, QUAKE_3, dates=["2023-09-10", "2023-10-20"]))
    assert len(apart.events) == 2
    close = group_events(articles(QUAKE_1, QUAKE_3, dates=["2023-09-10", "2023-09-12"]))
    assert len(close.events) == 1


def test_shared_quotations_override_a_doubtful_date():
    grouping = group_events(articles(QUAKE_1, QUAKE_2, dates=["2023-09-10", "2023-10-19"]))
    assert len(grouping.events) == 1
    saved_later = group_events(articles(QUAKE_1, QUAKE_2, dates=["2023-09-10", "2023-12-19"]))
    assert len(saved_later.events) == 1  # a page stamped when it was saved, months on


def test_passages_shared_across_months_are_background_not_one_event():
    grouping = group_events(articles(QUAKE_1, QUAKE_2, dates=["2023-09-10", "2024-05-19"]))
    assert len(grouping.events) == 2


def test_time_gate_never_splits_a_reprint():
    grouping = group_events(articles(QUAKE_1, QUAKE_1, dates=["2023-09-10", "2023-12-01"]))
    assert grouping.events == ((0, 1),)
    assert grouping.reprints == ((0, 1),)


def test_small_events_get_every_pair_best_first():
    grouping = group_events(articles(QUAKE_1, QUAKE_2, QUAKE_3))
    assert set(grouping.pairs) == set(itertools.combinations(range(3), 2))


def test_big_events_get_a_capped_spanning_set():
    base = QUAKE_1.split("\n")
    variants = [
        "\n".join(base[:1] + [f"Update {k}: rescuers reached village number {k * 7}."] + base[1:])
        for k in range(12)
    ]
    grouping = group_events(articles(*variants))
    assert len(grouping.events) == 1
    assert 11 <= len(grouping.pairs) <= 11 + 12
    linked = {0}
    for _ in range(12):
        linked |= {j for i, j in grouping.pairs if i in linked} | {
            i for i, j in grouping.pairs if j in linked
        }
    assert linked == set(range(12))


def test_empty_and_single_inputs():
    assert group_events([]) == EventGrouping((), (), ())
    one = group_events(articles(TRIAL))
    assert one.events == ((0,),) and one.pairs == () and one.reprints == ()


def test_articles_without_words_stand_alone():
    grouping = group_events(articles("...", "12", TRIAL))
    check_partition(grouping, 3)
    assert len(grouping.events) == 3


@pytest.mark.xfail(
    strict=True,
    reason="the later calls between the same two ministers (seeds 001 and 004) join the "
    "first call's reports in a mixed pile: the pages state no date, and the ministers' names "
    "are rare in news at large; among all the real annotated events 004 joins too",
)
def test_seeds_keep_their_grouping_among_other_stories():
    seeds = [load_article(seed(p)) for p in ("000", "001", "002", "003", "004")]
    others = articles(QUAKE_1, TRIAL, QUAKE_2, DEAL, AFTERSHOCK, QUAKE_3, TRIAL_2)
    grouping = group_events(others + seeds)
    check_partition(grouping, 12)
    assert {
        frozenset({7, 9, 10}),
        frozenset({8}),
        frozenset({11}),
        frozenset({0, 2, 5}),
    } <= as_sets(grouping)


def test_a_saga_of_separate_events_is_not_chained_together():
    """Later reports of a story share its background, not its quotes or figures."""
    grouping = group_events(articles(QUAKE_1, AFTERSHOCK, QUAKE_2, QUAKE_3))
    assert frozenset({1}) in as_sets(grouping)


#: Two rounds of one dispute's talks, five weeks apart.
PORT_TALKS = (
    "Port strike talks\n\nUnion leaders and the port authority met on March 3 to discuss "
    "wages, shifts and safety rules at the container terminal, officials said.",
    "Port strike talks resume\n\nOn April 9 the port authority sat down again with union "
    "leaders over terminal wages, safety rules and shifts, according to officials.",
)


def test_reports_naming_days_weeks_apart_are_two_events():
    first, later = PORT_TALKS
    same_day = first.replace("officials said", "a spokesperson said")
    grouping = group_events(articles(first, later, same_day))
    assert as_sets(grouping) == {frozenset({0, 2}), frozenset({1})}


#: Three reports of one event in a pile of three. In such a pile every word is in one
#: to three reports, so the pile alone weighs the event's own words least (general news
#: frequencies stand in); and reports written on different days name different weekdays.
TINY_PILES = {
    "ferry": (
        (
            "Ferry sinks on Lake Varenna\n\nA ferry carrying about 80 people sank on Lake Varenna near Ostrel on Tuesday, "
            "officials said. Rescue teams pulled 41 survivors from the water and the search for the missing "
            "continued into the night, the government said in a statement. The country's president ordered an inquiry."
        ),
        (
            "Dozens missing after Varenna ferry disaster\n\nDivers searched Lake Varenna for a second day after the "
            "overloaded ferry capsized near the port of Ostrel. Families gathered at the harbour as police "
            "released a list of passengers. The transport minister blamed the owner for taking too many people on board."
        ),
        (
            "Lake Varenna boat captain arrested\n\nPolice have arrested the captain of the overloaded ferry that capsized on "
            "Lake Varenna, local media reported. Authorities reported at least 12 deaths so far, and survivors "
            "told reporters the ferry began to tilt minutes after leaving the port of Ostrel with too many people on board."
        ),
    ),
    "told-on-three-days": (
        (
            "Tanker blast at port\n\nA fuel tanker exploded at the port of Mirela on Tuesday, "
            "killing several dock workers and setting two warehouses on fire, officials said."
        ),
        (
            "Port explosion toll rises\n\nThe toll from the fuel tanker explosion at Mirela port rose on Wednesday "
            "as firefighters put out the last fires in the warehouses and more dock workers died."
        ),
        (
            "Inquiry into Mirela port blast\n\nInvestigators on Thursday began examining why the fuel tanker "
            "exploded at the port of Mirela, setting the warehouses on fire and killing dock workers, "
            "as families of the dead demanded answers."
        ),
    ),
}


@pytest.mark.parametrize("reports", TINY_PILES.values(), ids=TINY_PILES.keys())
def test_three_reports_of_one_event_group_though_the_pile_is_tiny(reports):
    assert group_events([Article(text=t) for t in reports]).events == ((0, 1, 2),)


def test_an_events_own_words_weigh_as_in_news_at_large_in_a_pile_of_six():
    """Words a few reports share (the lake, the town) are rare in a pile of six too;
    the pile alone weighs them as if three articles made them common."""
    reports = TINY_PILES["ferry"] + TINY_PILES["told-on-three-days"]
    events = group_events([Article(text=t) for t in reports]).events
    assert (0, 1, 2) in events
    assert all(set(e) <= {0, 1, 2} or set(e) <= {3, 4, 5} for e in events)


def test_reports_told_on_different_days_group_in_a_pile_of_six():
    """Reports of one event name the days they were written on, in any pile."""
    reports = TINY_PILES["ferry"] + TINY_PILES["told-on-three-days"]
    assert group_events([Article(text=t) for t in reports]).events == ((0, 1, 2), (3, 4, 5))


def test_a_day_that_only_opens_a_span_sets_no_report_apart():
    first, later = PORT_TALKS
    since = later.replace("On April 9 the", "Since April 9 the")
    assert len(group_events(articles(first, later)).events) == 2
    assert len(group_events(articles(first, since)).events) == 1
    # a verb before "on" makes the day another event's: the talks "began on April 9"
    began = later.replace("On April 9 the", "Talks that began on April 9 went on, and the")
    assert len(group_events(articles(first, began)).events) == 1


@pytest.mark.parametrize(
    "opening",
    ["Facing an April 9 deadline, the", "Ahead of a May 2 vote, the", "To settle by April 9, the"],
)
def test_a_deadline_or_another_events_day_sets_no_report_apart(opening):
    """ "an Oct. 1 deadline", "a Sept. 3 vote", "by May 1": a day the story looks to,
    not the day it reports."""
    first, later = PORT_TALKS
    looking_ahead = later.replace("On April 9 the", opening)
    assert len(group_events(articles(first, looking_ahead)).events) == 1


def test_an_archive_photo_caption_does_not_date_the_report():
    """A wire copy's "FILE PHOTO:" caption gives the day an old picture was taken."""
    report = (
        "Port strike talks\n\nUnion leaders and the port authority met on March 3, 2021 "
        "to discuss wages, shifts and safety rules at the container terminal, officials said."
    )
    copy = (
        "Port strike talks held\n\nThe port authority and union leaders discussed terminal "
        "wages, safety rules and shifts, according to officials.\n"
        "FILE PHOTO: Cranes stand idle at the container terminal of the northern harbour "
        "during an earlier stoppage by the dock workers, in Harborville, January 12, 2021. "
        "WIRE/Jo Lens/File Photo"
    )
    assert len(group_events(articles(report, copy)).events) == 1
    dated = copy.replace("FILE PHOTO: Cranes", "Cranes").replace("/File Photo", "")
    assert len(group_events(articles(report, dated)).events) == 2


def test_a_picture_agency_caption_does_not_date_the_report():
    """ "HARBORVILLE, WESTLAND - JANUARY 12: ..." gives the day a picture was taken."""
    report = (
        "Port strike talks\n\nUnion leaders and the port authority met on March 3, 2021 "
        "to discuss wages, shifts and safety rules at the container terminal, officials said."
    )
    copy = (
        "Port strike talks held\n\n"
        "HARBORVILLE, WESTLAND - JANUARY 12: Cranes stand idle at the container terminal of "
        "the northern harbour during an earlier stoppage by the dock workers on January 12, "
        "2021 in Harborville, Westland.\n"
        "The port authority and union leaders discussed terminal wages, safety rules and "
        "shifts, according to officials."
    )
    assert len(group_events(articles(report, copy)).events) == 1
    dated = copy.replace("HARBORVILLE, WESTLAND - JANUARY 12: Cranes", "Cranes")
    assert len(group_events(articles(report, dated)).events) == 2


def test_a_day_in_a_clause_opened_by_since_sets_no_report_apart():
    """ "the first since the terminal reopened on April 9" recalls when a span began."""
    first, later = PORT_TALKS
    recalled = later.replace(
        "On April 9 the", "It was the first meeting since the terminal reopened on April 9, and the"
    )
    assert len(group_events(articles(first, recalled)).events) == 1


def test_a_month_then_a_comma_and_a_count_is_no_day():
    """ "In April, 9 workers were hurt" counts workers; it does not date the story April 9."""
    first, later = PORT_TALKS
    counted = later.replace("On April 9 the", "In April, 9 workers were hurt and the")
    assert len(group_events(articles(first, counted)).events) == 1
    dated = later.replace("On April 9 the", "On April 9, the")
    assert len(group_events(articles(first, dated)).events) == 2


def _reference_linkage(scores, n):
    """Average linkage the slow, obvious way: every candidate merge re-sums its pairs."""
    from core.events.grouping import EVENT_THRESHOLD

    cluster_of = list(range(n))
    members = {i: [i] for i in range(n)}
    strong = [(p, v) for p, v in scores.items() if v >= EVENT_THRESHOLD]
    for (i, j), _ in sorted(strong, key=lambda kv: (-kv[1], kv[0])):
        ci, cj = cluster_of[i], cluster_of[j]
        if ci == cj:
            continue
        total = sum(
            scores.get((min(x, y), max(x, y)), 0.0) for x in members[ci] for y in members[cj]
        )
        if total / (len(members[ci]) * len(members[cj])) < EVENT_THRESHOLD:
            continue
        keep, gone = min(ci, cj), max(ci, cj)
        for m in members[gone]:
            cluster_of[m] = keep
        members[keep].extend(members.pop(gone))
    return tuple(sorted(tuple(sorted(m)) for m in members.values()))


@settings(max_examples=150, deadline=None)
@given(
    st.integers(1, 14).flatmap(
        lambda n: st.tuples(
            st.just(n),
            st.dictionaries(
                st.tuples(st.integers(0, n - 1), st.integers(0, n - 1)).filter(
                    lambda p: p[0] < p[1]
                ),
                # Multiples of 1/64 (either side of the 0.2 threshold) add up exactly in
                # any order; with 0.1 and 0.2 the two ways of summing could round a
                # borderline average to either side and disagree for no real reason.
                st.sampled_from([3 / 64, 6 / 64, 12 / 64, 13 / 64, 16 / 64, 26 / 64, 58 / 64]),
                max_size=40,
            ),
        )
    )
)
def test_kept_sums_give_the_same_events_as_summing_afresh(case):
    from core.events.grouping import _average_linkage

    n, scores = case
    assert _average_linkage(scores, n) == _reference_linkage(scores, n)


def test_term_hashes_are_the_same_in_every_process():
    """Python's string hash changes per process; grouping sums in hash order, so a
    per-process hash could group near-ties differently from one run to the next."""
    import subprocess
    import sys

    from core.events.grouping import _shingles, _topic_terms

    words = ["harbour", "ferry", "fire", "evacuated", "312", "passengers", "on", "thursday"]
    code = (
        "from core.events.grouping import _shingles, _topic_terms\n"
        f"w = {words!r}\n"
        "t, f = _topic_terms(w)\n"
        "print(t.tolist(), _shingles(w).tolist())\n"
    )
    runs = {
        subprocess.run(
            [sys.executable, "-c", code],
            capture_output=True,
            text=True,
            env={**os.environ, "PYTHONHASHSEED": seed},
            check=True,
        ).stdout
        for seed in ("1", "2")
    }
    terms, _ = _topic_terms(words)
    assert runs == {f"{terms.tolist()} {_shingles(words).tolist()}\n"}


def test_a_past_day_one_report_recalls_does_not_date_its_event():
    """A report without a page date that recalls an earlier day (the verdict "on March
    3") is not set apart from one published on the sentencing day: the page date of
    one and a day the other names in passing are not two events' days."""
    sentencing = (
        "Founder jailed\n\nJudge Alma Rees sentenced the former chief executive of the "
        "blood-testing firm Corvana to eleven years in prison on Friday for defrauding "
        "investors, after a jury convicted her of four counts of fraud."
    )
    recalling = (
        "Corvana founder gets eleven years in prison\n\nAlma Rees, the judge, gave the "
        "blood-testing firm's former chief executive eleven years in prison, saying she "
        "defrauded Corvana investors. Jurors convicted her on four fraud counts on March 3."
    )
    grouping = group_events(articles(sentencing, recalling, dates=["2022-11-18", ""]))
    assert as_sets(grouping) == {frozenset({0, 1})}


def test_seeds_among_other_stories_stay_apart_from_them():
    """The seeds' reports of the first call group, the second call stays alone, and
    none of them joins an invented story."""
    seeds = [load_article(seed(p)) for p in ("000", "001", "002", "003", "004")]
    others = articles(QUAKE_1, TRIAL, QUAKE_2, DEAL, AFTERSHOCK, QUAKE_3, TRIAL_2)
    grouping = group_events(others + seeds)
    check_partition(grouping, 12)
    groups = as_sets(grouping)
    assert frozenset({0, 2, 5}) in groups
    assert any({7, 9, 10} <= g for g in groups)
    assert all(g <= set(range(7)) or g <= set(range(7, 12)) for g in groups)


@pytest.mark.parametrize(
    ("text", "storm"),
    [
        ("Hurricane Tamsin struck. Tamsin weakened later.", "tamsin"),
        ("The National Hurricane Center issued a warning.", ""),
        ("The Joint Typhoon Warning Center said Typhoon Orrin was strong.", "orrin"),
        ("Tropical Storm Orrin grew into Hurricane Orrin, weeks after Hurricane Tamsin.", "orrin"),
        ("Storm Surge: a storm surge of three metres is expected.", ""),
    ],
)
def test_the_storm_an_article_is_about(text, storm):
    from core.events.grouping import _storm

    assert _storm(text) == storm


RECALLED_DAYS = (
    (
        "Chipmaker shares slump\n\nShares of the chipmaker fell 17% on Monday, wiping out "
        "$590 billion of market value, its worst day since March 16, 2020. The stock had "
        "more than doubled in 2024, analysts at the brokerage said.",
        "Chipmaker loses $590 billion\n\nThe chipmaker's shares tumbled 17% on Jan. 27, "
        "erasing $590 billion in value as investors dumped its stock, brokerage analysts "
        "noted.",
    ),
    (
        "Cyclist dies in road crash\n\nThe world champion cyclist Arno Vell died when his "
        "car left the road near Tarvel late on Sunday, police said. His coach, Ivo Marsh, "
        "was also killed. Vell's mentor died on June 2 2012 in a training accident.",
        "Champion cyclist Vell killed in crash\n\nArno Vell, the world champion cyclist, "
        "and his coach Ivo Marsh were killed when their car crashed near Tarvel on Sunday "
        "night, police said. Vell wins the hill stage of the national tour on May 7, 2023.",
    ),
)


@pytest.mark.parametrize(
    ("first", "second"),
    [
        pytest.param(*RECALLED_DAYS[0], id="a-day-of-an-earlier-year-in-the-same-text"),
        pytest.param(*RECALLED_DAYS[1], id="days-of-years-before-the-other-reports-latest"),
    ],
)
def test_a_day_recalled_with_its_year_does_not_date_the_story(first, second):
    """A day written with a year before the latest year the text (or its pair) names is
    recalled: an old record, an old death, a photo caption of an earlier race."""
    assert as_sets(group_events(articles(first, second))) == {frozenset({0, 1})}


def test_only_days_of_recent_years_set_two_reports_apart():
    from core.events.grouping import _days_apart

    assert _days_apart(frozenset({(154, 2012, False)}), frozenset({(127, 2023, False)}))
    assert not _days_apart(frozenset({(154, 2012, False)}), frozenset({(127, 2023, False)}), 2023)
    assert _days_apart(frozenset({(154, 0, False)}), frozenset({(127, 0, False)}), 2023)
    # a day written with its year against days without one: likelier a recalled day
    assert not _days_apart(frozenset({(154, 0, False)}), frozenset({(127, 2023, False)}), 2023)
    # a span's edge ("since May 7") reports no day: alone it sets nothing apart
    assert not _days_apart(frozenset({(154, 0, False)}), frozenset({(127, 0, True)}))


def test_a_blast_and_the_next_days_claim_of_it_are_one_event():
    """Reports of one attack on successive days (the blasts on one weekday, the claim on
    the next) name different weekdays; that weighs against them, but does not part
    two reports this alike."""
    blasts = (
        "Blasts kill dozens at memorial procession\n\nTwo explosions tore through crowds "
        "gathered to honour the slain general in the city of Varnak on Wednesday, killing at "
        "least 73 people and wounding scores more, the regional governor said. Officials "
        "called the twin bombings a terrorist attack on mourners at the procession."
    )
    claim = (
        "Militant group claims twin bombings at Varnak memorial procession\n\nA militant "
        "group said on Thursday it carried out twin bombings which killed 84 mourners "
        "honouring the slain general at a memorial procession in Varnak city, wounding "
        "scores. Explosions tore through crowds there, the regional governor said, calling "
        "the blasts a terrorist attack."
    )
    assert as_sets(group_events(articles(blasts, claim))) == {frozenset({0, 1})}


STORMS = (
    "Storm hits the coast\n\nHurricane Tamsin made landfall on the gulf coast overnight, "
    "flooding homes and cutting power to coastal towns, the National Hurricane Center "
    "said. Tamsin weakened as it moved inland.",
    "Storm hits the coast\n\nHurricane Orrin made landfall on the gulf coast overnight, "
    "flooding homes and cutting power to coastal towns, the National Hurricane Center "
    "said, weeks after Hurricane Tamsin. Orrin weakened as it moved inland.",
    ("cutting power to", "knocking out power in"),
)
QUAKES = (
    "Quake kills dozens\n\nA strong earthquake struck Peru overnight, killing dozens and "
    "flattening homes in coastal towns, officials said. Rescue teams searched the rubble "
    "after the quake as aftershocks rattled Peru.",
    "Quake kills dozens\n\nA powerful earthquake hit Nepal late on Friday; dozens died "
    "and mountain villages lay in ruins, according to the police. Rescuers dug through "
    "debris after the quake while aftershocks shook Nepal.",
    ("Rescue teams searched", "Rescuers combed"),
)


@pytest.mark.parametrize(
    ("first", "second", "retelling"),
    [
        pytest.param(*STORMS, id="two-storms-by-name"),
        pytest.param(*QUAKES, id="quakes-in-two-places"),
    ],
)
def test_two_happenings_told_alike_are_two_events(first, second, retelling):
    retold = first.replace(*retelling)
    grouping = group_events(articles(first, second, retold))
    assert as_sets(grouping) == {frozenset({0, 2}), frozenset({1})}


def test_a_storm_under_its_local_name_is_the_same_storm():
    local = STORMS[0].replace(
        "Hurricane Tamsin made", "Typhoon Lusing (international name: Tamsin) made"
    )
    local = local.replace("Tamsin weakened", "Lusing weakened")
    grouping = group_events(articles(STORMS[0], local, STORMS[1]))
    assert as_sets(grouping) == {frozenset({0, 1}), frozenset({2})}


def test_a_storm_named_one_way_in_each_report_is_one_storm_if_a_third_gives_both():
    """One report's "Typhoon Lusing (international name: Tamsin)" ties a report that
    says only "Lusing" to one that says only "Tamsin"."""
    both = STORMS[0].replace(
        "Hurricane Tamsin made", "Typhoon Lusing (international name: Tamsin) made"
    )
    local_only = STORMS[0].replace("Hurricane Tamsin made", "Typhoon Lusing made").replace(
        "Tamsin weakened", "Lusing weakened"
    )
    from core.events.grouping import _pile_aliases, _storm, _storm_aliases, _storm_relation

    assert group_events(articles(STORMS[0], local_only)).events == ((0,), (1,))
    texts = (STORMS[0], local_only, both)
    storms = [_storm(t) for t in texts]
    aliases = _pile_aliases(storms, [_storm_aliases(t) for t in texts])
    assert storms == ["tamsin", "lusing", "lusing"]
    assert _storm_relation(storms[0], storms[1], aliases[0], aliases[1]) == 1
    assert _pile_aliases(["tamsin", "orrin"], [frozenset(), frozenset()]) == (
        frozenset(),
        frozenset(),
    )


def test_reports_naming_one_storm_are_linked_though_one_gets_the_day_wrong():
    """A report that dates the landfall a day early still names the same storm."""
    reports = (
        "Cyclone hits coast\n\nCyclone Ravel made landfall near the port of Ostra on Sunday, "
        "tearing roofs off homes and flooding fishing villages, officials said.",
        "Storm batters port\n\nWinds of 200 km/h lashed Ostra on Sunday as Cyclone Ravel came "
        "ashore and ripped the roofs from shelters; thousands sheltered in schools and refugee camps.",
        "Camps flooded as storm hits\n\nCyclone Ravel flooded refugee camps south of Ostra on "
        "Saturday and tore roofs off shelters, aid workers said, as the United Nations sent food.",
    )
    pile = [Article(text=t) for t in reports + TINY_PILES["ferry"]]
    assert group_events(pile).events == ((0, 1, 2), (3, 4, 5))


def test_a_quake_report_from_the_capital_is_the_same_quake():
    from core.events.grouping import _elsewhere, _places

    capital = _places("The earthquake shook Lima. The quake's epicentre was off Peru.")
    assert not _elsewhere(_places(QUAKES[0]), capital)
    assert _places("Peru's president toured Lima and Peru's coast.") == ("", frozenset())


def test_a_page_stamp_well_before_a_day_its_own_text_dates_is_not_the_story_date():
    from core.events.grouping import TIME_GATE_DAYS, _days, _plausible, _words

    story = (
        "Canopy collapse.\n\nAt least eight people died when the concrete canopy of the "
        "railway station in Vellmark collapsed on November 1, 2024, officials said."
    )
    stamped = article_from_text(story, published="2024-10-18")
    fair = article_from_text(story, published="2024-11-01")
    days = _plausible(_days([stamped, fair]), [_words(a.text) for a in (stamped, fair)])
    assert days[0] != days[0]  # NaN: the stamp is set aside
    assert days[1] == days[1]
    later = article_from_text(story.replace("November 1", "October 20"), published="2024-10-18")
    kept = _plausible(_days([later]), [_words(later.text)])
    assert kept[0] == _days([later])[0]  # within the gate of the stamp: kept
    assert TIME_GATE_DAYS < 14
