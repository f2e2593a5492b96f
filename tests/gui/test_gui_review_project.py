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
