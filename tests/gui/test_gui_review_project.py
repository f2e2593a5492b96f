"""A new project as a new user builds it: import, compare, labels, order, metadata."""

from __future__ import annotations

import pytest
from conftest import seed
from gui_fixtures import *  # noqa: F403  (fixtures)
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QFileDialog

from gui.main_window import MainWindow


@pytest.fixture
def empty_window(qtbot, tmp_path, dialogs):
    """A window on a project created through File → New, with nothing in it yet."""
    dialogs.save_file = str(tmp_path / "case.factdiff")
    win = MainWindow()
    qtbot.addWidget(win)
    win.resize(1400, 900)
    win.show()
    qtbot.waitExposed(win)
    win.actions.new_project.trigger()
    assert win.session.project is not None
    yield win
    win.close()


def _import(qtbot, window, dialogs, paths):
    dialogs.files = [str(p) for p in paths]
    window.activateWindow()
    qtbot.keyClick(QApplication.focusWidget() or window, Qt.Key.Key_I,
                   Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: len(window.session.articles) >= len(paths), timeout=20000)
    qtbot.waitUntil(lambda: not window.session.runner.busy_channels(), timeout=20000)


def test_the_import_dialog_reopens_in_the_last_folder_of_this_project(
        qtbot, empty_window, dialogs, monkeypatch, tmp_path):
    folders = []
    real = QFileDialog.getOpenFileNames

    def remember(parent, caption, folder, *args, **kwargs):
        folders.append(folder)
        return real(parent, caption, folder, *args, **kwargs)

    monkeypatch.setattr(QFileDialog, "getOpenFileNames", staticmethod(remember))
    source = seed("000")
    _import(qtbot, empty_window, dialogs, [source])
    _import(qtbot, empty_window, dialogs, [seed("003")])
    assert folders[1] == str(source.parent)
    other = tmp_path / "other.factdiff"
    dialogs.save_file = str(other)
    empty_window.actions.new_project.trigger()
    dialogs.files = []
    empty_window.actions.import_files.trigger()
    assert folders[-1] != str(source.parent)  # another project starts afresh


def _pair_rows(window) -> list[str]:
    model = window.browser.model()
    rows = []
    for pair_id in window.browser.pair_ids():
        window.browser.select_pair(pair_id, emit=False)
        rows.append(model.itemFromIndex(window.browser.currentIndex().siblingAtColumn(0)).text())
    return rows


def test_five_seeds_keep_their_order_and_read_as_saved(qtbot, empty_window, dialogs):
    window = empty_window
    seeds = [seed(n) for n in ("000", "001", "002", "003", "004")]
    _import(qtbot, window, dialogs, seeds)
    before = window.browser.pair_ids()
    assert before, "importing five reports of one story suggests pairs"
    rows = _pair_rows(window)
    window.activateWindow()
    qtbot.keyClick(QApplication.focusWidget() or window, Qt.Key.Key_F5)
    qtbot.waitUntil(lambda: all(p.compared for p in window.session.pairs.values()), timeout=60000)
    qtbot.waitUntil(lambda: not window.session.runner.busy_channels(), timeout=20000)
    assert window.browser.pair_ids() == before
    path = window.session.project.path
    window.session.close_project()
    assert window.open_project(path)
    assert window.browser.pair_ids() == before
    assert _pair_rows(window) == rows
    stems = {p.stem for p in seeds}
    for row in rows:
        a_side, b_side = row.split("\n↔ ")
        assert a_side != b_side
        for side in (a_side, b_side):
            assert side.split(" · ")[0] in stems  # plain text: no outlet, the stem as saved
    assert len(set(rows)) == len(rows)


def test_an_empty_project_says_what_to_do_first(qtbot, empty_window, dialogs):
    window = empty_window
    assert "Ctrl+I" in window.browser.empty_text and "F5" in window.browser.empty_text
    assert window.browser.empty_text.index("Ctrl+I") < window.browser.empty_text.index("F5")
    assert "Ctrl+I" in window.view.placeholder()
    assert "pair" in window.panel.table.empty_text
    _import(qtbot, window, dialogs, [seed("000"), seed("003")])
    assert window.browser.empty_text == ""
    if window.session.pair_data is None:
        assert "Pick a pair" in window.view.placeholder()
    window.session.close_project()
    assert "Ctrl+O" in window.browser.empty_text


def _type_details(qtbot, monkeypatch, **typed):
    """Answer the Article Details dialog by typing into its fields, then clicking Save."""
    from PySide6.QtWidgets import QDialogButtonBox

    from gui.article_details_dialog import ArticleDetailsDialog

    seen = []

    def run(dialog):
        seen.append(dialog)
        for field, text in typed.items():
            edit = dialog.fields[field]
            edit.selectAll()
            qtbot.keyClick(edit, Qt.Key.Key_Delete)
            qtbot.keyClicks(edit, text)
        button = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
        if not button.isEnabled():
            return ArticleDetailsDialog.DialogCode.Rejected
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
        return dialog.result()

    monkeypatch.setattr(ArticleDetailsDialog, "exec", run)
    return seen


def test_article_details_are_corrected_from_the_browser_and_undone(qtbot, window, monkeypatch):
    from gui.project_browser import ARTICLE, ID_ROLE, KIND_ROLE

    info = window.session.pairs[window.session.pair_id]
    article_id = info.a_id
    model = window.browser.model()
    event = model.item(0, 0)
    row = next(r for r in range(event.rowCount())
               if event.child(r, 0).data(KIND_ROLE) == ARTICLE
               and event.child(r, 0).data(ID_ROLE) == article_id)
    window.browser.setCurrentIndex(event.child(row, 0).index())
    _type_details(qtbot, monkeypatch, source="The Harbor Ledger", author="I. Sollen")
    window.browser.setFocus()
    qtbot.keyClick(window.browser, Qt.Key.Key_D,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    stored = window.session.project.article_info(article_id)
    assert (stored.source, stored.author) == ("The Harbor Ledger", "I. Sollen")
    assert [h.field for h in window.session.project.article_history(article_id)] == ["source", "author"]
    assert window.session.pairs[window.session.pair_id].compared  # only the date changes what is compared
    assert window.view.pane_a.header.meta_label.text().startswith("The Harbor Ledger")
    assert "The Harbor Ledger" in window.statusBar().currentMessage()
    window.actions.undo.trigger()
    assert window.session.project.article_info(article_id).source == "Harbor Ledger"
    assert window.view.pane_a.header.meta_label.text().startswith("Harbor Ledger")


def test_a_corrected_date_from_the_pane_header_re_compares_the_pair(qtbot, window, monkeypatch):
    info = window.session.pairs[window.session.pair_id]
    _type_details(qtbot, monkeypatch, published="20 May 2022")
    window.view.pane_b.detailsRequested.emit()  # the header's "Edit Article Details…"
    assert window.session.project.article_info(info.b_id).published == "2022-05-20"
    qtbot.waitUntil(lambda: window.session.pair_data is not None
                    and window.session.pair_data.comparison.b.published == "2022-05-20", timeout=20000)
    assert "Fri 20 May 2022" in window.view.pane_b.header.meta_label.text()
    assert window.session.pairs[window.session.pair_id].compared  # compared again, with the new date
    others = [p for p in window.session.pairs.values()
              if info.b_id in (p.a_id, p.b_id) and p.id != info.id]
    assert all(not p.compared for p in others)  # the rest wait for F5 or opening


def test_an_unreadable_date_cannot_be_saved(qtbot, window, monkeypatch):
    info = window.session.pairs[window.session.pair_id]
    before = window.session.project.article_info(info.a_id).published
    seen = _type_details(qtbot, monkeypatch, published="sometime in spring")
    window.edit_article_details(info.a_id)
    assert "try 2022-05-20" in seen[0].date_note.text()
    assert window.session.project.article_info(info.a_id).published == before


def _chars_per_line(pane) -> float:
    metrics = pane.text.fontMetrics()
    return pane.text.viewport().width() / metrics.averageCharWidth()


@pytest.mark.parametrize("size", [(1280, 800), (1366, 768), (1600, 1000)])
def test_articles_keep_45_characters_a_line_at_laptop_sizes(qtbot, window, size):
    window.resize(*size)
    qtbot.wait(50)
    for pane in (window.view.pane_a, window.view.pane_b):
        assert _chars_per_line(pane) >= 43, (size, pane.objectName())
    if size[0] >= 1600:
        assert window.main_splitter.sizes()[0] > 0  # room for the browser too


def test_a_folded_browser_comes_back_with_ctrl_b_and_when_the_window_grows(qtbot, window):
    window.resize(1280, 800)
    qtbot.wait(50)
    assert window.main_splitter.sizes()[0] == 0
    assert not window.actions.show_browser.isChecked()
    window.activateWindow()
    qtbot.keyClick(QApplication.focusWidget() or window, Qt.Key.Key_B,
                   Qt.KeyboardModifier.ControlModifier)
    assert window.main_splitter.sizes()[0] > 0 and window.actions.show_browser.isChecked()
    window.resize(1280, 800)
    window.resize(1270, 800)
    qtbot.wait(50)
    window.resize(1700, 1000)
    qtbot.wait(50)
    assert window.main_splitter.sizes()[0] > 0
