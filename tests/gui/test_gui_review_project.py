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
    assert win.project is not None
    yield win
    win.close()


def _import(qtbot, window, dialogs, paths):
    dialogs.files = [str(p) for p in paths]
    window.activateWindow()
    qtbot.keyClick(QApplication.focusWidget() or window, Qt.Key.Key_I,
                   Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: len(window._articles) >= len(paths), timeout=20000)
    qtbot.waitUntil(lambda: not window.runner.busy_channels(), timeout=20000)


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
    qtbot.waitUntil(lambda: all(p.compared for p in window._pairs.values()), timeout=60000)
    qtbot.waitUntil(lambda: not window.runner.busy_channels(), timeout=20000)
    assert window.browser.pair_ids() == before
    path = window.project.path
    window.close_project()
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
    if window.pair_data is None:
        assert "Pick a pair" in window.view.placeholder()
    window.close_project()
    assert "Ctrl+O" in window.browser.empty_text
