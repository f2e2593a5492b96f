"""Token changes inside an aligned passage: merged runs, exact offsets, cosmetic flags."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from core.matchers.tokendiff import diff_passage


def diff(a: str, b: str):
    return diff_passage(a, [(0, len(a))], b, [(0, len(b))])


def shown(a: str, b: str) -> list[tuple[str, str, str, bool]]:
    return [(c.tag, a[c.a_start : c.a_end], b[c.b_start : c.b_end], c.cosmetic) for c in diff(a, b)]


def test_identical_passages_have_no_changes():
    text = "Rescue boats reached the ferry within 40 minutes."
    assert diff(text, text) == ()


def test_changed_number_is_one_replace_of_the_whole_number():
    a = "Russia has amassed an estimated 100,000 troops along the border."
    b = "Russia has amassed an estimated 130,000 troops along the border."
    assert shown(a, b) == [("replace", "100,000", "130,000", False)]


def test_adjacent_delete_and_insert_become_one_replace():
    a = "Police said they had found no sign of arson."
    b = "Police said they had found signs of arson."
    assert shown(a, b) == [("replace", "no sign", "signs", False)]


def test_delete_has_an_empty_b_side_where_text_would_go():
    a = "The crew acted quickly and by the book."
    b = "The crew acted quickly."
    [change] = diff(a, b)
    assert change.tag == "delete"
    assert a[change.a_start : change.a_end] == "and by the book"
    assert change.b_start == change.b_end == b.index(".")


def test_insert_has_an_empty_a_side():
    a = "Two crew members were treated."
    b = "Two crew members were treated, officials said."
    changes = [c for c in diff(a, b) if not c.cosmetic]
    assert [(c.tag, b[c.b_start : c.b_end]) for c in changes] == [("insert", ", officials said")]
    assert changes[0].a_start == changes[0].a_end


def test_insert_at_the_very_start():
    a = "the call lasted an hour."
    b = "Officials said the call lasted an hour."
    [change] = diff(a, b)
    assert change.tag == "insert"
    assert (change.a_start, change.a_end) == (0, 0)
    assert b[change.b_start : change.b_end] == "Officials said"


def test_cosmetic_changes_are_flagged():
    a = "The U.S. urged “de-escalation” and showed its colour."
    b = 'The US urged "deescalation" and showed its color.'
    changes = diff(a, b)
    assert changes
    assert all(c.cosmetic for c in changes)


def test_case_change_is_cosmetic_but_wording_is_not():
    a = "Secretary Blinken Underscored the risks."
    b = "Secretary Blinken underlined the risks."
    assert shown(a, b) == [("replace", "Underscored", "underlined", False)]
    assert all(c.cosmetic for c in diff("The Risks.", "the risks."))


def test_moved_comma_is_cosmetic():
    changes = diff("The crew acted quickly, and calmly.", "The crew acted quickly and calmly.")
    assert [c.tag for c in changes] == ["delete"]
    assert changes[0].cosmetic


def test_multi_sentence_passage_uses_offsets_of_each_sentence():
    a = "A fire broke out on Wednesday, forcing the evacuation of 312 passengers."
    b = "Intro. A fire broke out on Thursday. About 280 passengers were evacuated."
    spans_b = [(7, 36), (37, len(b))]
    changes = diff_passage(a, [(0, len(a))], b, spans_b)
    for c in changes:
        assert 0 <= c.a_start <= c.a_end <= len(a)
        assert 7 <= c.b_start <= c.b_end <= len(b)
    assert any(b[c.b_start : c.b_end].startswith("Thursday") for c in changes)


def test_empty_sides():
    assert diff_passage("", [], "", []) == ()
    [change] = diff_passage("", [], "Only here.", [(0, 10)])
    assert change.tag == "insert" and (change.a_start, change.a_end) == (0, 0)


words = st.lists(
    st.sampled_from(["the", "The", "U.S.", "US", "100", "1,000", ",", "“", '"', "no", "not", "colour", "color"]),
    max_size=25,
)  # fmt: skip


@given(words, words)
def test_changes_are_ordered_inside_the_passage_and_never_overlap(wa, wb):
    a, b = " ".join(wa), " ".join(wb)
    changes = diff(a, b)
    last_a = last_b = 0
    for c in changes:
        assert c.tag in {"replace", "delete", "insert"}
        assert last_a <= c.a_start <= c.a_end <= len(a)
        assert last_b <= c.b_start <= c.b_end <= len(b)
        assert (c.tag == "insert") == (c.a_start == c.a_end)
        assert (c.tag == "delete") == (c.b_start == c.b_end)
        last_a, last_b = c.a_end, c.b_end
    if a.split() == b.split():
        assert changes == ()


def test_a_stray_common_word_does_not_shred_a_rewrite():
    a = "Wang told Blinken during a phone call that all parties should remain calm."
    b = "We call on all parties to stay calm."
    changes = [c for c in diff(a, b) if not c.cosmetic]
    assert [a[c.a_start : c.a_end] for c in changes] == [
        "Wang told Blinken during a phone call that all parties should remain"
    ]
    assert [b[c.b_start : c.b_end] for c in changes] == ["We call on all parties to stay"]


def test_separate_one_word_changes_stay_separate():
    a = "The ferry left on Wednesday with 312 passengers."
    b = "The ferry left on Thursday with 280 passengers."
    assert [x[1:3] for x in shown(a, b)] == [("Wednesday", "Thursday"), ("312", "280")]


def test_a_shared_phrase_is_never_absorbed():
    a = "Officials said the regional security cannot be guaranteed, they said."
    b = "He noted the regional security cannot be guaranteed, reporters were told."
    kept = [b[c.b_start : c.b_end] for c in diff(a, b) if not c.cosmetic]
    assert all("regional security" not in k for k in kept)


def test_a_compound_written_open_or_closed_is_cosmetic():
    changes = diff("Crowds gathered on the riverbank.", "Crowds gathered on the river bank.")
    assert changes and all(c.cosmetic for c in changes)
    assert not all(c.cosmetic for c in diff("They met a part of the crew.", "They met the crew apart."))
