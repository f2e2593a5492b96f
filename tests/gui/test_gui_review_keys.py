"""A reviewer's keys land where they mean to: navigation hands focus back to the list."""

from __future__ import annotations

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
    saved = window.project.annotation(window.pair_id, second)
    assert (saved.status, saved.note) == ("follow-up", "")
    assert window.project.annotation(window.pair_id, first).note == "Called the coast guard"
    assert window.editor.note.toPlainText() == ""


def test_shift_f8_and_pair_keys_also_return_focus_to_the_list(qtbot, window):
    window.select_discrepancy(window.panel.visible_ids()[1])
    for key, modifier in ((Qt.Key.Key_F8, Qt.KeyboardModifier.ShiftModifier),
                          (Qt.Key.Key_PageDown, Qt.KeyboardModifier.ControlModifier),
                          (Qt.Key.Key_PageUp, Qt.KeyboardModifier.ControlModifier)):
        window.editor.note.setFocus()
        before = (window.pair_id, window.panel.current_id())
        press(qtbot, window, key, modifier)
        qtbot.waitUntil(lambda: window.pair_data is not None)
        assert (window.pair_id, window.panel.current_id()) != before
        assert QApplication.focusWidget() is window.panel.table, (key, modifier)


def test_status_keys_work_from_the_articles_and_the_browser(qtbot, window):
    disc_id = window.panel.current_id()
    for widget, key, status in ((window.view.pane_a.text, Qt.Key.Key_2, "confirmed"),
                                (window.browser, Qt.Key.Key_3, "dismissed")):
        widget.setFocus()
        press(qtbot, window, key)
        assert window.project.annotation(window.pair_id, disc_id).status == status


def test_typing_a_digit_in_the_note_stays_text(qtbot, window):
    disc_id = window.panel.current_id()
    window.editor.note.setFocus()
    qtbot.keyClicks(window.editor.note, "4 calls")
    window.editor.flush()
    saved = window.project.annotation(window.pair_id, disc_id)
    assert (saved.status, saved.note) == ("open", "4 calls")
