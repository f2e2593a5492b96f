"""The annotation editor: one signal per user change, none while loading."""

from __future__ import annotations

from types import SimpleNamespace

import pytest
from PySide6.QtCore import Qt

from core.model import Discrepancy
from gui.annotation_editor import AnnotationEditor
from gui.discrepancy_model import STATUSES

DISC = Discrepancy("d1", "date", "high", "Thursday vs Wednesday", (5, 9), (5, 9), 1)
OTHER = Discrepancy("n1", "number", "medium", "280 vs 312", (1, 4), (1, 4), 0)


def annotation(**fields):
    base = dict(
        pair_id=1,
        discrepancy_id="d1",
        status="open",
        verdict="",
        note="",
        reviewer="",
        created="2026-11-25T09:00:00",
        updated="2026-11-25T09:30:00",
    )
    base.update(fields)
    return SimpleNamespace(**base)


@pytest.fixture
def editor(qtbot):
    widget = AnnotationEditor()
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitExposed(widget)
    edits: list[tuple[str, str, object]] = []
    widget.annotationEditRequested.connect(lambda *args: edits.append(args))
    widget.edits = edits
    return widget


def test_loading_a_target_shows_its_values_and_emits_nothing(editor):
    editor.set_target(
        DISC,
        annotation(status="follow-up", verdict="misleading", note="call police", reviewer="Mo"),
    )
    assert editor.status_buttons.checkedButton().objectName() == "status-follow-up"
    assert editor.verdict.currentText() == "misleading"
    assert editor.note.toPlainText() == "call police"
    assert editor.reviewer.text() == "Mo"
    assert "Thursday vs Wednesday" in editor.title.text()
    assert "2026-11-25 09:30" in editor.stamp.text()
    editor.set_target(OTHER, None)
    assert editor.status_buttons.checkedButton().objectName() == "status-open"
    assert editor.note.toPlainText() == ""
    assert editor.edits == []


def test_no_target_disables_every_field(editor):
    editor.set_target(None, None)
    assert not editor.note.isEnabled()
    assert not editor.verdict.isEnabled()
    assert all(not b.isEnabled() for b in editor.status_buttons.buttons())
    assert editor.status_buttons.checkedButton() is None
    assert editor.target_id() is None


def test_clicking_a_status_emits_one_edit(editor, qtbot):
    editor.set_target(DISC, None)
    button = editor.status_buttons.button(STATUSES.index("confirmed"))
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)  # same value: not re-sent
    assert editor.edits == [("d1", "status", "confirmed")]


def test_choosing_a_verdict_emits_it(editor):
    editor.set_target(DISC, annotation())
    editor.verdict.setCurrentIndex(editor.verdict.findText("inaccurate"))
    editor.verdict.activated.emit(editor.verdict.currentIndex())
    assert editor.edits == [("d1", "verdict", "inaccurate")]


def test_a_typed_verdict_is_committed_on_enter(editor, qtbot):
    editor.set_target(DISC, annotation())
    editor.verdict.setFocus()
    editor.verdict.lineEdit().clear()
    qtbot.keyClicks(editor.verdict.lineEdit(), "partly true")
    qtbot.keyClick(editor.verdict.lineEdit(), Qt.Key.Key_Return)
    assert ("d1", "verdict", "partly true") in editor.edits


def test_the_note_commits_after_a_pause_in_typing(editor, qtbot):
    editor.set_target(DISC, annotation())
    editor.note.setFocus()
    qtbot.keyClicks(editor.note, "Checked the coast guard log")
    assert editor.edits == [], "not on every keystroke"
    qtbot.waitUntil(
        lambda: editor.edits == [("d1", "note", "Checked the coast guard log")], timeout=3000
    )


def test_the_note_commits_when_it_loses_focus(editor, qtbot):
    editor.set_target(DISC, annotation())
    editor.note.setFocus()
    qtbot.keyClicks(editor.note, "x")
    editor.reviewer.setFocus()
    qtbot.waitUntil(lambda: editor.edits == [("d1", "note", "x")], timeout=1000)


def test_switching_target_commits_the_pending_note_to_the_old_discrepancy(editor, qtbot):
    editor.set_target(DISC, annotation())
    editor.note.setPlainText("half a thought")
    editor.set_target(OTHER, None)
    assert editor.edits == [("d1", "note", "half a thought")]
    assert editor.note.toPlainText() == ""


def test_switching_target_commits_a_reviewer_name_still_being_typed(editor, qtbot):
    editor.set_target(DISC, annotation(reviewer="Mo"))
    editor.reviewer.setFocus()
    qtbot.keyClicks(editor.reviewer, "nica")
    editor.set_target(OTHER, None)  # F8 does not take the focus away
    assert editor.edits == [("d1", "reviewer", "Monica")]


def test_refreshing_the_same_target_keeps_a_note_being_typed(editor, qtbot):
    editor.set_target(DISC, annotation())
    editor.note.setFocus()
    qtbot.keyClicks(editor.note, "typing")
    editor.set_target(DISC, annotation(status="confirmed"))  # e.g. status changed by a shortcut
    assert editor.note.toPlainText() == "typing"
    assert editor.status_buttons.checkedButton().objectName() == "status-confirmed"
    editor.flush()
    assert editor.edits == [("d1", "note", "typing")]


def test_refreshing_the_same_target_keeps_a_reviewer_being_typed(editor, qtbot):
    editor.set_target(DISC, annotation(reviewer="Mo"))
    editor.reviewer.setFocus()
    qtbot.keyClicks(editor.reviewer, "nica")
    editor.set_target(DISC, annotation(reviewer="Mo", status="dismissed"))
    assert editor.reviewer.text() == "Monica"


def test_reviewer_is_committed_trimmed_on_editing_finished(editor, qtbot):
    editor.set_target(DISC, annotation(reviewer="Mo"))
    editor.reviewer.setText("  Ana  ")
    editor.reviewer.editingFinished.emit()
    assert editor.edits == [("d1", "reviewer", "Ana")]


def test_manual_discrepancies_are_labelled(editor):
    editor.set_target(
        Discrepancy("u-7", "entity", "low", "Dahlberg vs Dalberg", (0, 3), None), None
    )
    assert "added by hand" in editor.title.text()
    assert editor.stamp.text() == "Not reviewed yet"
