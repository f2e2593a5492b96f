"""str index ↔ QTextDocument position, checked against a real document."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QTextCursor, QTextDocument

from gui.text_offsets import OffsetMap, display_text

TEXTS = [
    "plain ascii text",
    "café – “quotes” and ü",
    "a😀b",
    "😀😀 start, middle 🇺🇦 flag, end 🎉",
    "𝑓(x) = 1 and 👍🏽 skin tone",
]


@pytest.mark.parametrize("text", TEXTS)
def test_every_index_points_at_the_same_character_in_qt(text):
    doc = QTextDocument()
    doc.setPlainText(text)
    offsets = OffsetMap(text)
    for index, char in enumerate(text):
        cursor = QTextCursor(doc)
        cursor.setPosition(offsets.to_qt(index))
        cursor.setPosition(offsets.to_qt(index + 1), QTextCursor.MoveMode.KeepAnchor)
        assert cursor.selectedText() == char
        assert offsets.from_qt(offsets.to_qt(index)) == index
    assert offsets.to_qt(len(text)) == doc.characterCount() - 1


def test_ascii_is_an_identity_map():
    offsets = OffsetMap("hello")
    assert offsets.identity
    assert [offsets.to_qt(i) for i in range(6)] == list(range(6))
    assert offsets.from_qt(99) == 5


def test_astral_characters_shift_later_positions():
    offsets = OffsetMap("a😀b😀c")
    assert not offsets.identity
    assert [offsets.to_qt(i) for i in range(6)] == [0, 1, 3, 4, 6, 7]
    assert [offsets.from_qt(p) for p in range(8)] == [0, 1, 1, 2, 3, 3, 4, 5]


def test_a_selection_ending_inside_a_surrogate_pair_keeps_the_whole_character():
    offsets = OffsetMap("x😀y")
    # Qt selection [0, 2) covers "x" and the first half of the emoji.
    assert offsets.span_from_qt(0, 2) == (0, 2)
    assert offsets.span_to_qt((1, 2)) == (1, 3)


def test_crlf_is_kept_one_to_one_for_qt():
    text = "one\r\ntwo\r\nthree 😀"
    shown = display_text(text)
    assert len(shown) == len(text)
    doc = QTextDocument()
    doc.setPlainText(shown)
    offsets = OffsetMap(text)
    cursor = QTextCursor(doc)
    start = text.index("three")
    cursor.setPosition(offsets.to_qt(start))
    cursor.setPosition(offsets.to_qt(start + 5), QTextCursor.MoveMode.KeepAnchor)
    assert cursor.selectedText() == "three"
