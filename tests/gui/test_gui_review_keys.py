"""A reviewer's keys land where they mean to: navigation hands focus back to the list."""

from __future__ import annotations

import pytest
from gui_fixtures import *  # noqa: F403  (fixtures)
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication


def press(qtbot, window, key, modifier=Qt.KeyboardModifier.NoModifier):
    """A key press as the user makes it: to whatever has focus in the active window."""
    window.activateWindow()
    qtbot.keyClick(QApplication.focusWidget() or window, key, modifier)


def test_a_status_key_after_f8_sets_the_status_not_the_note(qtbot, window):
    first, second = window.panel.visible_ids()[:2]
    window.editor.note.setFocus()
    qtbot.keyClicks(window.editor.note, "Called the coast guard")
    press(qtbot, window, Qt.Key.Key_F8)
    assert window.panel.current_id() == second
    assert QApplication.focusWidget() is window.panel.table
    press(qtbot, window, Qt.Key.Key_4)
    saved = window.session.project.annotation(window.session.pair_id, second)
    assert (saved.status, saved.note) == ("follow-up", "")
    assert window.session.project.annotation(window.session.pair_id, first).note == "Called the coast guard"
    assert window.editor.note.toPlainText() == ""


def test_shift_f8_and_pair_keys_also_return_focus_to_the_list(qtbot, window):
    window.select_discrepancy(window.panel.visible_ids()[1])
    for key, modifier in ((Qt.Key.Key_F8, Qt.KeyboardModifier.ShiftModifier),
                          (Qt.Key.Key_PageDown, Qt.KeyboardModifier.ControlModifier),
                          (Qt.Key.Key_PageUp, Qt.KeyboardModifier.ControlModifier)):
        window.editor.note.setFocus()
        before = (window.session.pair_id, window.panel.current_id())
        press(qtbot, window, key, modifier)
        qtbot.waitUntil(lambda: window.session.pair_data is not None)
        assert (window.session.pair_id, window.panel.current_id()) != before
        assert QApplication.focusWidget() is window.panel.table, (key, modifier)


def test_status_keys_work_from_the_articles_and_the_browser(qtbot, window):
    disc_id = window.panel.current_id()
    for widget, key, status in ((window.view.pane_a.text, Qt.Key.Key_2, "confirmed"),
                                (window.browser, Qt.Key.Key_3, "dismissed")):
        widget.setFocus()
        press(qtbot, window, key)
        assert window.session.project.annotation(window.session.pair_id, disc_id).status == status


def test_typing_a_digit_in_the_note_stays_text(qtbot, window):
    disc_id = window.panel.current_id()
    window.editor.note.setFocus()
    qtbot.keyClicks(window.editor.note, "4 calls")
    window.editor.flush()
    saved = window.session.project.annotation(window.session.pair_id, disc_id)
    assert (saved.status, saved.note) == ("open", "4 calls")


def _saved_note(window, disc_id):
    saved = window.session.project.annotation(window.session.pair_id, disc_id)
    return saved.note if saved else ""


def test_ctrl_z_in_the_note_undoes_one_pause_of_typing_at_a_time(qtbot, window):
    disc_id = window.panel.current_id()
    note = window.editor.note
    note.setFocus()
    qtbot.keyClicks(note, "Called the coast guard")
    qtbot.waitUntil(lambda: _saved_note(window, disc_id) == "Called the coast guard")
    qtbot.keyClicks(note, "; no answer")
    qtbot.waitUntil(lambda: _saved_note(window, disc_id).endswith("no answer"))
    press(qtbot, window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert QApplication.focusWidget() is note
    assert note.toPlainText() == _saved_note(window, disc_id) == "Called the coast guard"
    press(qtbot, window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert note.toPlainText() == _saved_note(window, disc_id) == ""
    press(qtbot, window, Qt.Key.Key_Z,
          Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert note.toPlainText() == _saved_note(window, disc_id) == "Called the coast guard"


def test_ctrl_z_right_after_typing_undoes_that_typing_only(qtbot, window):
    disc_id = window.panel.current_id()
    note = window.editor.note
    note.setFocus()
    qtbot.keyClicks(note, "Checked")
    qtbot.waitUntil(lambda: _saved_note(window, disc_id) == "Checked")
    qtbot.keyClicks(note, " twice")
    press(qtbot, window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert note.toPlainText() == _saved_note(window, disc_id) == "Checked"
    assert window.session.undo_stack.canRedo()


def test_edit_undo_and_ctrl_z_in_the_note_are_one_history(qtbot, window):
    disc_id = window.panel.current_id()
    window.panel.table.setFocus()
    press(qtbot, window, Qt.Key.Key_2)
    window.editor.note.setFocus()
    qtbot.keyClicks(window.editor.note, "Sourced")
    window.actions.undo.trigger()  # Edit → Undo while typing: the typing goes first
    assert _saved_note(window, disc_id) == ""
    assert window.session.project.annotation(window.session.pair_id, disc_id).status == "confirmed"
    press(qtbot, window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert window.session.project.annotation(window.session.pair_id, disc_id).status == "open"


def test_the_totals_count_a_manual_mark_at_once(qtbot, window, monkeypatch):
    from PySide6.QtWidgets import QDialog

    from gui import main_window

    monkeypatch.setattr(main_window.ManualDiscrepancyDialog, "exec",
                        lambda self: QDialog.DialogCode.Accepted)
    total = window.session.project.status().discrepancies
    assert f"{total} discrepancies" in window.counts.toolTip() + window.counts.text()
    word = window.session.pair_data.comparison.a.text.split()[4]
    assert window.view.pane_a.text.find_text(word)
    window.view.pane_a.text.setFocus()
    press(qtbot, window, Qt.Key.Key_M, Qt.KeyboardModifier.ControlModifier)
    assert window.session.project.status().discrepancies == total + 1
    assert f"{total + 1} discrepancies" in window.counts.toolTip() + window.counts.text()
    n_open = window.session.pairs[window.session.pair_id].n_open
    assert n_open == window.session.project.pair(window.session.pair_id).n_open


def test_the_project_in_use_question_reads_like_a_sentence(qtbot, demo_copy, dialogs):
    from core.store import Project
    from gui.main_window import MainWindow

    holder = Project.open(demo_copy)
    try:
        win = MainWindow()
        qtbot.addWidget(win)
        dialogs.answer = dialogs.answer.No
        assert not win.open_project(demo_copy)
        (question,) = dialogs.texts("question")
        assert question.count("read-only") == 1
        assert "T" not in question.split("since", 1)[1].split(".")[0]  # no raw ISO stamp
        assert "demo.factdiff" in question
    finally:
        holder.close()


def test_the_reviewer_is_asked_once_on_the_first_annotation(qtbot, window, dialogs):
    from gui.settings import Settings

    assert Settings().reviewer == ""
    ids = window.panel.visible_ids()
    window.panel.table.setFocus()
    press(qtbot, window, Qt.Key.Key_2)
    assert len(dialogs.texts("input")) == 1
    assert window.session.project.annotation(window.session.pair_id, ids[0]).reviewer == "Test Reviewer"
    press(qtbot, window, Qt.Key.Key_F8)
    press(qtbot, window, Qt.Key.Key_3)
    assert len(dialogs.texts("input")) == 1
    assert window.session.project.annotation(window.session.pair_id, ids[1]).reviewer == "Test Reviewer"
    assert Settings().reviewer == "Test Reviewer"


def test_a_dismissed_reviewer_question_is_not_repeated(qtbot, window, dialogs):
    dialogs.reviewer = None
    window.panel.table.setFocus()
    press(qtbot, window, Qt.Key.Key_2)
    press(qtbot, window, Qt.Key.Key_F8)
    press(qtbot, window, Qt.Key.Key_2)
    assert len(dialogs.texts("input")) == 1


@pytest.mark.parametrize(("word", "kind"), [("Wednesday", "date"), ("312", "number"),
                                            ("passengers", "wording")])
def test_mark_discrepancy_guesses_the_kind_from_the_selection(qtbot, window, monkeypatch,
                                                              word, kind):
    from PySide6.QtWidgets import QDialog

    from gui import main_window

    kinds = []

    def run(dialog):
        kinds.append(dialog.kind.currentData())
        return QDialog.DialogCode.Rejected

    monkeypatch.setattr(main_window.ManualDiscrepancyDialog, "exec", run)
    assert window.view.pane_a.text.find_text(word)
    window.view.pane_a.text.setFocus()
    press(qtbot, window, Qt.Key.Key_M, Qt.KeyboardModifier.ControlModifier)
    assert kinds == [kind]


def test_a_quoted_selection_is_guessed_a_quote():
    from gui.manual_discrepancy_dialog import guess_kind

    assert guess_kind("“and by the book”", "") == "quote"
    assert guess_kind("on May 19", "on May 20") == "date"
