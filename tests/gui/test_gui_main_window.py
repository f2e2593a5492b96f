"""The real main window on the demo project, driven through keys and signals."""

from __future__ import annotations

import threading

import pytest
from gui_fixtures import *  # noqa: F403  (fixtures)
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QDialog

from core.store import Project
from gui.main_window import MainWindow


def press(qtbot, window, key, modifier=Qt.KeyboardModifier.NoModifier, widget=None):
    """A key press as the user makes it: to whatever has focus in the active window."""
    window.activateWindow()
    target = widget or QApplication.focusWidget() or window
    qtbot.keyClick(target, key, modifier)


def status_text(window) -> str:
    return window.statusBar().currentMessage()


def test_the_demo_opens_on_its_first_pair_with_the_first_discrepancy(window):
    data = window.session.pair_data
    assert window.view.comparison() is data.comparison
    assert window.browser.current_pair_id() == data.pair_id == window.browser.pair_ids()[0]
    ids = window.panel.visible_ids()
    assert len(ids) == len(data.discrepancies) > 1
    assert window.panel.current_id() == ids[0]
    assert window.editor.target_id() == ids[0]
    assert "discrepancy 1 of" in window.pair_status.text()
    assert "articles" in window.counts.text() and "pairs" in window.counts.text()


def test_f8_walks_the_list_and_both_panes_show_each_discrepancy(qtbot, window):
    window.resize(1000, 520)  # small enough that the panes have to scroll
    qtbot.wait(50)
    ids = window.panel.visible_ids()
    for expected in ids[1:]:
        press(qtbot, window, Qt.Key.Key_F8)
        assert window.panel.current_id() == expected
        assert window.view.current_id() == expected
        disc = window.session.pair_data.discrepancy(expected)
        for pane, span in ((window.view.pane_a, disc.a), (window.view.pane_b, disc.b)):
            if span is not None:
                qtbot.waitUntil(lambda p=pane, s=span: p.is_span_visible(s, margin=0))
    press(qtbot, window, Qt.Key.Key_F8, Qt.KeyboardModifier.ShiftModifier)
    assert window.panel.current_id() == ids[-2]


def test_past_the_last_discrepancy_the_user_is_told(qtbot, window):
    ids = window.panel.visible_ids()
    window.select_discrepancy(ids[-1])
    press(qtbot, window, Qt.Key.Key_F8)
    assert window.panel.current_id() == ids[-1]
    assert "No more discrepancies" in status_text(window)
    window.select_discrepancy(ids[0])
    press(qtbot, window, Qt.Key.Key_F8, Qt.KeyboardModifier.ShiftModifier)
    assert "first" in status_text(window)


def test_status_key_is_saved_survives_reopening_and_undoes(qtbot, window, demo_copy):
    pair_id = window.session.pair_id
    disc_id = window.panel.current_id()
    window.panel.table.setFocus()
    press(qtbot, window, Qt.Key.Key_2)  # 2 = confirmed
    assert window.session.pair_data.annotations[disc_id].status == "confirmed"
    assert window.session.project.annotation(pair_id, disc_id).status == "confirmed"
    assert window.session.pairs[pair_id].n_confirmed == 1

    window.session.close_project()
    assert window.open_project(demo_copy)
    window.session.open_pair(pair_id)
    assert window.session.pair_data.annotations[disc_id].status == "confirmed"

    press(qtbot, window, Qt.Key.Key_4)  # on a fresh stack: follow-up, then undo it
    assert window.session.project.annotation(pair_id, disc_id).status == "follow-up"
    press(qtbot, window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert window.session.project.annotation(pair_id, disc_id).status == "confirmed"
    assert window.editor.status_buttons.checkedId() == 1
    press(qtbot, window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier |
          Qt.KeyboardModifier.ShiftModifier)
    assert window.session.project.annotation(pair_id, disc_id).status == "follow-up"


def test_note_and_verdict_edits_go_through_undo(qtbot, window):
    disc_id = window.panel.current_id()
    window.editor.annotationEditRequested.emit(disc_id, "note", "Called the coast guard")
    window.editor.annotationEditRequested.emit(disc_id, "verdict", "inaccurate")
    ann = window.session.project.annotation(window.session.pair_id, disc_id)
    assert (ann.note, ann.verdict) == ("Called the coast guard", "inaccurate")
    window.actions.undo.trigger()
    window.actions.undo.trigger()
    ann = window.session.project.annotation(window.session.pair_id, disc_id)
    assert (ann.note, ann.verdict) == ("", "")
    assert not window.actions.undo.isEnabled()


def test_filtering_the_list_limits_navigation(qtbot, window):
    data = window.session.pair_data
    kind = data.discrepancies[0].kind
    qtbot.keyClicks(window.panel.text_filter, data.discrepancies[0].summary[:12])
    shown = window.panel.visible_ids()
    assert 0 < len(shown) < len(data.discrepancies)
    window.panel.set_filters(kinds=[kind])
    shown = window.panel.visible_ids()
    assert shown and all(window.session.pair_data.discrepancy(i).kind == kind for i in shown)
    window.panel.select(shown[-1])
    press(qtbot, window, Qt.Key.Key_F8)
    assert window.panel.current_id() == shown[-1]
    assert "No more discrepancies" in status_text(window)


def test_a_manual_discrepancy_from_both_selections(qtbot, window, monkeypatch):
    from gui import main_window

    monkeypatch.setattr(main_window.ManualDiscrepancyDialog, "exec",
                        lambda self: QDialog.DialogCode.Accepted)
    a_text = window.session.pair_data.comparison.a.text
    b_text = window.session.pair_data.comparison.b.text
    word_a, word_b = a_text.split()[4], b_text.split()[4]
    assert window.view.pane_a.text.find_text(word_a)
    assert window.view.pane_b.text.find_text(word_b)
    before = len(window.session.pair_data.discrepancies)
    press(qtbot, window, Qt.Key.Key_M, Qt.KeyboardModifier.ControlModifier)
    assert len(window.session.pair_data.discrepancies) == before + 1
    made = window.session.pair_data.discrepancy(window.panel.current_id())
    assert made.id.startswith("u-")
    assert a_text[made.a[0]:made.a[1]] == word_a and b_text[made.b[0]:made.b[1]] == word_b
    stored = window.session.project.discrepancies(window.session.pair_id)
    assert made.id in {d.id for d in stored}


def test_marking_without_a_selection_explains_what_to_do(qtbot, window):
    window.view.pane_a.text.textCursor().clearSelection()
    window.mark_discrepancy()
    assert "Select the text" in status_text(window)


def _drop(window, paths):
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    actions = Qt.DropAction.CopyAction
    enter = QDragEnterEvent(window.rect().center(), actions, mime, Qt.MouseButton.LeftButton,
                            Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(window, enter)
    assert enter.isAccepted()
    drop = QDropEvent(QPointF(window.rect().center()), actions, mime,
                      Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(window, drop)
    return drop


@pytest.mark.filterwarnings("ignore:Function.*QDragEnterEvent:DeprecationWarning")  # Qt 6 has no other
def test_a_dropped_file_is_imported_in_the_background(qtbot, window, tmp_path):
    article = tmp_path / "night-ferry.txt"
    article.write_text(
        "Night ferry delayed by fog\n\nNorth Sound Post\n\nThe night ferry to Vessmark "
        "left two hours late on Friday because of thick fog, the operator said.\n",
        encoding="utf-8")
    before = len(window.session.project.articles())
    drop = _drop(window, [article])
    assert drop.isAccepted()
    qtbot.waitUntil(lambda: len(window.session.articles) == before + 1, timeout=20000)
    assert "Imported 1 article" in status_text(window)
    assert any(a.title == "Night ferry delayed by fog" for a in window.session.articles.values())


@pytest.mark.filterwarnings("ignore:Function.*QDragEnterEvent:DeprecationWarning")  # Qt 6 has no other
def test_drops_of_other_files_are_refused(window, tmp_path):
    other = tmp_path / "photo.jpg"
    other.write_bytes(b"\xff\xd8")
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(other))])
    enter = QDragEnterEvent(window.rect().center(), Qt.DropAction.CopyAction, mime,
                            Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    enter.setAccepted(False)
    QApplication.sendEvent(window, enter)
    assert not enter.isAccepted()


def _add_uncompared_pairs(window) -> int:
    ids = sorted(window.session.articles)
    paired = {frozenset((p.a_id, p.b_id)) for p in window.session.pairs.values()}
    added = 0
    for i, a in enumerate(ids):
        for b in ids[i + 1:]:
            if frozenset((a, b)) not in paired:
                window.session.project.add_pair(a, b)
                added += 1
    window.session.refresh()
    return added


def test_compare_all_runs_in_a_worker_and_can_be_cancelled(qtbot, window, monkeypatch):
    import threading

    import core.compare

    assert _add_uncompared_pairs(window) >= 2
    real = core.compare.compare
    release = threading.Event()

    def held(a, b):
        release.wait(20)  # the first comparison lasts until the user has pressed Cancel
        return real(a, b)

    monkeypatch.setattr(core.compare, "compare", held)  # the engine's public entry point
    window.session.work.compare_workers = 1  # in this process, so the held engine is the one used
    with qtbot.waitSignal(window.session.runner.progress, timeout=10000):
        window.actions.compare_all.trigger()
    assert window.progress.isVisible()
    assert window.session.runner.is_busy("compare")
    qtbot.wait(50)  # the window keeps handling events while the worker is busy
    window.progress.cancel_button.click()
    release.set()
    qtbot.waitUntil(lambda: not window.session.runner.is_busy("compare"), timeout=20000)
    assert "cancelled" in status_text(window)
    assert not window.progress.isVisible()
    assert sum(not p.compared for p in window.session.project.pairs()) >= 1


def test_compare_all_finishes_and_refreshes_counts(qtbot, window):
    window.session.work.compare_workers = 2  # the process pool the window uses on multi-core machines
    _add_uncompared_pairs(window)
    with qtbot.waitSignal(window.session.runner.ended, timeout=60000):
        window.actions.compare_all.trigger()
    assert all(p.compared for p in window.session.project.pairs())
    assert all(p.compared for p in window.session.pairs.values())
    assert status_text(window).startswith("Compared")


def test_scroll_sync_keeps_the_partner_in_view(qtbot, window):
    window.resize(1000, 420)  # short panes, so both have to scroll
    qtbot.wait(50)
    view = window.view
    a_pane, b_pane = view.pane_a, view.pane_b
    height = a_pane.viewport_height()

    def fits(al):
        a_y, b_y = a_pane.span_y_range(al.a[0]), b_pane.span_y_range(al.b[0])
        return a_y[1] - a_y[0] < height / 2 and b_y[1] - b_y[0] < height / 2

    # The passage whose partner sits furthest from the same place in B: a percentage
    # mapping would lose it, the alignment-based one must not. Scroll sync follows
    # passages; claim links are possible counterparts it leaves alone.
    passages = [al for al in view.comparison().alignments if al.primary]
    alignment = max(filter(fits, passages),
                    key=lambda al: abs(a_pane.span_y_range(al.a[0])[0]
                                       - b_pane.span_y_range(al.b[0])[0]))
    top, bottom = a_pane.span_y_range(alignment.a[0])
    a_pane.set_scroll_y((top + bottom) / 2 - height / 2)
    assert a_pane.is_span_visible(alignment.a[0], margin=0)
    qtbot.waitUntil(lambda: b_pane.is_span_visible(alignment.b[0], margin=0), timeout=3000)

    press(qtbot, window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert not view.scroll_sync_enabled()
    assert window.settings.scroll_sync is False
    before = b_pane.scroll_value()
    a_pane.set_scroll_y(0)
    qtbot.wait(100)
    assert b_pane.scroll_value() == before


def test_next_pair_and_the_end_of_the_pairs(qtbot, window):
    pairs = window.browser.pair_ids()
    press(qtbot, window, Qt.Key.Key_PageDown, Qt.KeyboardModifier.ControlModifier)
    assert window.session.pair_id == pairs[1]
    assert window.browser.current_pair_id() == pairs[1]
    for _ in pairs:
        press(qtbot, window, Qt.Key.Key_PageDown, Qt.KeyboardModifier.ControlModifier)
    assert window.session.pair_id == pairs[-1]
    assert "last pair" in status_text(window)
    press(qtbot, window, Qt.Key.Key_PageUp, Qt.KeyboardModifier.ControlModifier)
    assert window.session.pair_id == pairs[-2]


def test_find_bar_searches_both_articles(qtbot, window):
    press(qtbot, window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert window.find_bar.isVisible() and window.find_bar.query.hasFocus()
    qtbot.keyClicks(window.find_bar.query, "Vessmark")
    qtbot.keyClick(window.find_bar.query, Qt.Key.Key_Return)
    assert window.view.pane_a.selected_span() is not None
    assert window.view.pane_b.selected_span() is not None
    window.find_bar.query.setText("zebra crossing")
    qtbot.keyClick(window.find_bar.query, Qt.Key.Key_Return)
    assert "not found" in window.find_bar.hint.text().lower()
    qtbot.keyClick(window.find_bar.query, Qt.Key.Key_Escape)
    assert not window.find_bar.isVisible()


def test_adding_and_removing_a_pair(qtbot, window, dialogs):
    ids = sorted(window.session.articles)
    paired = {frozenset((p.a_id, p.b_id)) for p in window.session.pairs.values()}
    a, b = next((x, y) for x in ids for y in ids if x < y and frozenset((x, y)) not in paired)
    with qtbot.waitSignal(window.session.pairDataChanged, timeout=20000,
                          check_params_cb=lambda data, _fresh: data is not None):
        window.browser.addPairRequested.emit(a, b)
    new_id = window.session.pair_id
    assert {window.session.pairs[new_id].a_id, window.session.pairs[new_id].b_id} == {a, b}
    window.browser.removePairRequested.emit(new_id)
    assert dialogs.texts("question")
    assert new_id not in window.session.pairs and window.session.pair_data is None


def test_a_broken_project_is_a_message_not_a_traceback(window, tmp_path, dialogs):
    bogus = tmp_path / "broken.factdiff"
    bogus.write_text("garbage", encoding="utf-8")
    assert not window.open_project(bogus)
    assert dialogs.texts("warning") and "broken.factdiff" in dialogs.texts("warning")[0]
    assert window.session.project is not None  # the open project stays open


def test_a_locked_project_can_be_opened_read_only(qtbot, demo_copy, dialogs):
    holder = Project.open(demo_copy)
    try:
        win = MainWindow()
        qtbot.addWidget(win)
        assert win.open_project(demo_copy)
        assert dialogs.texts("question")
        assert win.session.project.readonly
        assert "read-only" in win.windowTitle()
        assert not win.actions.import_files.isEnabled()
        assert not win.actions.set_status[0].isEnabled()
        win.close()
    finally:
        holder.close()


def test_layout_and_recent_projects_are_remembered(qtbot, window, demo_copy):
    window.resize(1700, 1000)  # wide enough that the articles need none of the browser's room
    qtbot.waitUntil(lambda: window.width() == 1700)
    window.main_splitter.setSizes([200, 1120, 380])
    window.side_splitter.setSizes([300, 500])
    main, side = window.main_splitter.sizes(), window.side_splitter.sizes()
    window.close()
    again = MainWindow()
    qtbot.addWidget(again)
    again.show()
    again.resize(1700, 1000)  # the offscreen screen is smaller than the saved geometry
    qtbot.waitUntil(lambda: again.width() == 1700)
    for restored, saved in ((again.main_splitter.sizes(), main),
                            (again.side_splitter.sizes(), side)):
        # The list may keep a little of the room it gave the articles while the window
        # was first shown at the offscreen screen's small size.
        assert all(abs(r - s) <= 24 for r, s in zip(restored, saved, strict=True)), (
            restored, saved)
    assert again.settings.recent_projects()[0] == str(demo_copy.resolve())
    again.close()


@pytest.mark.parametrize("action", ["about", "shortcuts"])
def test_help_dialogs_open(window, monkeypatch, action):
    shown = []
    monkeypatch.setattr(QDialog, "exec", lambda self: shown.append(self) or 0)
    getattr(window.actions, action).trigger()
    assert shown
    if action == "shortcuts":
        texts = [shown[0].table.item(r, 2).text() for r in range(shown[0].table.rowCount())]
        assert "F8" in texts and "Shift+F8" in texts


def test_first_start_prepares_the_demo_without_blocking(qtbot):
    from gui import demo

    assert not demo.is_current()
    win = MainWindow()
    qtbot.addWidget(win)
    win.show()
    assert win.open_demo()
    assert win.session.project is None and win.session.runner.is_busy("demo")  # the window is usable
    qtbot.waitUntil(lambda: win.session.pair_data is not None, timeout=60000)
    assert win.session.project.path == demo.demo_path()
    win.close()


def test_preferences_apply_at_once(qtbot, window, monkeypatch):
    from gui import main_window

    def accept(dialog):
        dialog.reviewer.setText("Ada Lovelace")
        dialog.scroll_sync.setChecked(False)
        dialog.font_size.setValue(16)
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(main_window.PreferencesDialog, "exec", accept)
    window.actions.preferences.trigger()
    assert not window.actions.scroll_sync.isChecked() and not window.view.scroll_sync_enabled()
    assert window.view.pane_a.text.font().pointSizeF() == 16
    assert window.session.project.reviewer == "Ada Lovelace"
    press(qtbot, window, Qt.Key.Key_3)
    disc_id = window.panel.current_id()
    assert window.session.project.annotation(window.session.pair_id, disc_id).reviewer == "Ada Lovelace"


def test_export_report_opens_the_report_dialog_on_the_project(window, monkeypatch):
    shown = []
    monkeypatch.setattr(QDialog, "exec", lambda self: shown.append(self) or 0)
    assert window.actions.export_report.isEnabled()
    window.actions.export_report.trigger()
    assert shown and type(shown[0]).__name__ == "ReportDialog"


def test_closing_during_a_long_job_clears_the_window_at_once(qtbot, window):
    release = threading.Event()
    done = []
    window.session.runner.start("compare", "Comparing pairs",
                                lambda _progress, _cancelled: release.wait(30), done.append)
    assert window.progress.isVisible()
    window.actions.close_project.trigger()
    assert window.session.project is None and not release.is_set()
    assert not window.progress.isVisible() and window.windowTitle() == "FactDiff"
    assert window.counts.text() == "No project open" and window.session.pair_data is None
    release.set()
    qtbot.waitUntil(window.session.runner.is_idle, timeout=10000)
    assert done == []
