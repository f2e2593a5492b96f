"""A role the article gives one named person stands for that person."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from core.matchers.referents import mentioned, referents
from core.text.tokens import token_texts


def _mentioned(text: str, passage: str) -> tuple[str, ...]:
    return mentioned(text, token_texts(passage))


def test_a_titled_name_gives_the_role_and_its_shorter_forms():
    text = "Northern Harbour Minister Oskar Vell spoke. Later the harbour minister left."
    table = referents(text)
    assert table[("harbour", "minister")] == ("Oskar", "Vell")
    assert table[("minister",)] == ("Oskar", "Vell")
    assert _mentioned(text, "Later the harbour minister left.") == ("Oskar", "Vell")


def test_a_role_two_people_hold_stands_for_nobody():
    text = "President Ada Lund met President Omar Sefu. The president said little."
    assert ("president",) not in referents(text)
    assert _mentioned(text, "The president said little.") == ()


def test_one_person_named_in_full_and_by_surname_is_one_referent():
    text = "President Ada Lund arrived. President Lund then spoke. The president left."
    assert _mentioned(text, "The president left.") == ("Ada", "Lund")


def test_an_object_after_the_role_is_not_a_name():
    text = "Minister Oskar Vell showed the minister Tarrow's new bridge."
    table = referents(text)
    assert table[("minister",)] == ("Oskar", "Vell")  # the object did not make it ambiguous


def test_a_place_after_a_title_is_not_a_name_and_possessives_end_it():
    text = "As President Lund's aides said, the president will travel to Nigeria."
    assert referents(text)[("president",)] == ("Lund",)


def test_a_role_followed_by_a_name_adds_nothing():
    text = "Minister Oskar Vell spoke. The minister Oskar Vell then left."
    assert _mentioned(text, "The minister Oskar Vell then left.") == ()


@given(st.text(max_size=300))
def test_any_text_reads_without_error(text):
    table = referents(text)
    assert all(isinstance(k, tuple) and v for k, v in table.items())
    assert isinstance(_mentioned(text, text), tuple)
