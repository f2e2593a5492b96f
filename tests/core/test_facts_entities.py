"""Names: people, organisations and places, merged by surname."""

from __future__ import annotations

import pytest
from conftest import seed
from hypothesis import given, settings
from hypothesis import strategies as st

from core.facts import extract_facts
from core.facts.names import name_variants_match, org_key, surname_key
from core.ingest.load import load_article
from core.model import Article


def entities(text: str):
    return extract_facts(Article(text=text)).entities


def by_text(text: str):
    return {e.text: (e.key, e.label) for e in entities(text)}


def test_titles_are_stripped_and_surnames_merge():
    text = (
        "Secretary of State Antony Blinken spoke on Wednesday. "
        "Later, Secretary Blinken flew home. Blinken said little."
    )
    found = entities(text)
    people = [e for e in found if e.label == "person"]
    assert [e.text for e in people] == ["Antony Blinken", "Blinken", "Blinken"]
    assert {e.key for e in people} == {"blinken"}


def test_middle_initials_and_titles():
    found = by_text("Russian President Vladimir V. Putin warned the West. Putin then left.")
    assert found["Vladimir V. Putin"] == ("putin", "person")
    assert found["Putin"] == ("putin", "person")


def test_family_name_first():
    found = by_text("Chinese Foreign Minister Wang Yi met Xi Jinping. Wang later spoke.")
    assert found["Wang Yi"][0] == found["Wang"][0] == "wang"
    assert found["Xi Jinping"][0] == "xi"


@pytest.mark.parametrize(
    ("text", "name", "key", "label"),
    [
        ("The disaster agency AFAD raised the toll.", "AFAD", "afad", "org"),
        ("Microsoft Corp agreed to buy the studio.", "Microsoft Corp", "microsoft", "org"),
        (
            "The U.S. Geological Survey measured the quake.",
            "U.S. Geological Survey",
            "geological survey",
            "org",
        ),
        ("Fans filled the Lusail Stadium on Sunday.", "Lusail Stadium", "lusail stadium", "place"),
        ("Rescuers reached Kyiv before dawn.", "Kyiv", "kyiv", "place"),
        ("Officials in Nurdagi asked for help.", "Nurdagi", "nurdagi", "place"),
        ("The Security Council will meet.", "Security Council", "security council", "org"),
        ("She won the World Cup twice.", "World Cup", "world cup", "other"),
        (
            "U.S. District Judge Edward Davila read the sentence.",
            "Edward Davila",
            "davila",
            "person",
        ),
    ],
)
def test_labels_and_keys(text, name, key, label):
    assert by_text(text)[name] == (key, label)


@pytest.mark.parametrize(
    ("text", "name", "key"),
    [
        ("NATO Secretary-General Jens Stoltenberg spoke.", "Jens Stoltenberg", "stoltenberg"),
        ("Apple CEO Tim Cook spoke.", "Tim Cook", "cook"),
        ("Bank of England Governor Andrew Bailey spoke.", "Andrew Bailey", "bailey"),
        ("Supreme Court Justice Sonia Sotomayor dissented.", "Sonia Sotomayor", "sotomayor"),
    ],
)
def test_anything_before_a_title_is_stripped(text, name, key):
    assert by_text(text)[name] == (key, "person")


def test_titles_inside_organisation_names_are_kept():
    found = by_text("General Motors and the Justice Department reached a deal.")
    assert found["General Motors"] == ("general motors", "org")
    assert found["Justice Department"][1] == "org"


def test_a_name_after_the_is_not_a_person():
    text = "Fire broke out on the Northern Tern at dawn. Northern Tern was carrying 280 passengers."
    assert {(e.key, e.label) for e in entities(text)} == {("northern tern", "other")}


@pytest.mark.parametrize(
    ("text", "key", "label"),
    [
        ("Skerry Lines said in a statement that all were safe.", "skerry lines", "org"),
        ("The story was first reported by Coastal Wire.", "coastal wire", "org"),
        ("LOS ANGELES (AP) — A jury reached a verdict.", "los angeles", "place"),
        ("Protesters marched through Hong Kong.", "hong kong", "place"),
    ],
)
def test_company_and_place_forms(text, key, label):
    assert (key, label) in {(e.key, e.label) for e in entities(text)}


def test_a_company_short_name_joins_its_full_name():
    found = entities("Activision Blizzard Inc agreed to the deal. Activision shares rose.")
    assert {e.key for e in found} == {"activision blizzard"}


def test_sentence_initial_common_words_are_not_names():
    found = by_text("However, the toll rose. Rescuers kept digging. Please try again later.")
    assert found == {}


def test_nationalities_alone_are_not_names():
    assert by_text("Chinese and Russian officials met with Western diplomats.") == {}


def test_title_case_headline_keeps_only_known_names():
    text = "Blinken Speaks With China’s Foreign Minister Amid Ukraine Crisis\n\nAntony Blinken spoke with Chinese officials about Ukraine."
    found = entities(text)
    headline = [e for e in found if e.start < text.index("\n")]
    assert {e.text for e in headline} <= {"Blinken", "China", "Ukraine"}
    assert "Speaks" not in {e.text for e in found}


def test_possessives_are_left_out_of_the_span():
    found = by_text("Beijing’s foreign ministry and Moscow's embassy responded.")
    assert "Beijing" in found and "Moscow" in found


def test_org_keys_normalise_common_forms():
    assert (
        org_key("The U.S. Department of State") == org_key("State Department") == "state department"
    )
    assert org_key("Ministry of Foreign Affairs") == "foreign ministry"
    assert org_key("United States") == org_key("U.S.") == "us"


def test_surname_key():
    assert surname_key(["Martin", "Luther", "King", "Jr."]) == "king"
    assert surname_key(["Zhao", "Lijian"]) == "zhao"
    assert surname_key(["José", "Núñez"]) == "nunez"


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("Anthony Blinken", "Antony Blinken", True),
        ("Kiev", "Kyiv", True),
        ("Zelensky", "Zelenskyy", True),
        ("Odessa", "Odesa", True),
        ("Muammar Gaddafi", "Muammar Gadafi", True),
        ("Wang", "Wong", False),
        ("Blinken", "Biden", False),
        ("Antony Blinken", "Blinken", False),
        ("Kim", "Kin", False),
        ("", "", False),
    ],
)
def test_name_variants_match(a, b, same):
    assert name_variants_match(a, b) is same


def test_seed_004_blinken_spelled_two_ways_shares_a_key():
    found = extract_facts(load_article(seed("004"))).entities
    blinkens = {e.text for e in found if e.key == "blinken"}
    assert {"Anthony Blinken", "Antony Blinken"} <= blinkens
    assert name_variants_match("Anthony Blinken", "Antony Blinken")
    assert any(e.key == "putin" and e.text == "Vladimir V. Putin" for e in found)


def test_seed_002_people():
    found = extract_facts(load_article(seed("002"))).entities
    keys = {e.key for e in found if e.label == "person"}
    assert {"blinken", "wang", "putin"} <= keys


@given(st.text(max_size=300))
@settings(max_examples=150, deadline=None)
def test_any_text_never_crashes(text):
    for e in entities(text):
        assert 0 <= e.start < e.end <= len(text)
        assert text[e.start : e.end] == e.text
        assert e.key
        assert e.label in ("person", "org", "place", "other")


@given(st.lists(st.sampled_from([*"AaBbUSW. ’'-\n", "of", "Mr.", "The"]), max_size=80).map("".join))
@settings(max_examples=150, deadline=None)
def test_capital_soup_never_crashes(text):
    for e in entities(text):
        assert text[e.start : e.end] == e.text


@pytest.mark.parametrize(
    ("text", "name", "label"),
    [
        ("Heavy rain lashed West Bengal and parts of Uttar Pradesh on Friday.", "West Bengal", "place"),
        ("Heavy rain lashed West Bengal and parts of Uttar Pradesh on Friday.", "Uttar Pradesh", "place"),
        ("Cyclone Zelda made landfall near the port on Friday.", "Cyclone Zelda", "other"),
        ("Hurricane Irma weakened as it moved inland overnight.", "Hurricane Irma", "other"),
    ],
)
def test_places_and_storms_are_not_people(text, name, label):
    found = {e.text: e.label for e in entities(text)}
    assert found.get(name) == label, found
