"""gui.app: the interactive start, the first project chosen, errors in dialogs."""

from __future__ import annotations

import sys

import pytest
from gui_fixtures import *  # noqa: F403  (fixtures)
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from gui import app as gui_app
from gui import error_dialogs
from gui.main_window import MainWindow
from gui.settings import Settings


@pytest.fixture
def keep_excepthook():
    saved = sys.excepthook
    yield
    sys.excepthook = saved


def _close_when_ready(qtbot, seen: list):
    def poll():
        windows = [w for w in QApplication.topLevelWidgets()
                   if isinstance(w, MainWindow) and w.isVisible()]
        if windows and windows[0].session.pair_data is not None:
            seen.append(windows[0].session.project.path)
            windows[0].close()
        else:
            QTimer.singleShot(50, poll)

    QTimer.singleShot(50, poll)


def test_run_shows_the_window_on_the_given_project_and_exits_cleanly(qtbot, demo_copy,
                                                                      keep_excepthook):
    seen = []
    _close_when_ready(qtbot, seen)
    assert gui_app.run(project=demo_copy) == 0
    assert seen == [demo_copy]
    assert Settings().recent_projects()[0] == str(demo_copy.resolve())


def test_without_arguments_the_last_project_is_reopened(qtbot, demo_copy, keep_excepthook):
    Settings().add_recent_project(demo_copy)
    seen = []
    _close_when_ready(qtbot, seen)
    assert gui_app.run() == 0
    assert seen == [demo_copy]


def test_unexpected_errors_open_a_dialog_and_are_logged(qtbot, dialogs, keep_excepthook):
    gui_app.install_excepthook(interactive=True)
    try:
        raise ZeroDivisionError("boom")
    except ZeroDivisionError:
        sys.excepthook(*sys.exc_info())
    assert dialogs.calls and dialogs.calls[-1][0] == "exec"
    log = error_dialogs.error_log_path().read_text(encoding="utf-8")
    assert "ZeroDivisionError: boom" in log and "Traceback" in log


def test_user_errors_are_a_plain_message(qtbot, dialogs, keep_excepthook):
    from core.errors import ProjectError

    gui_app.install_excepthook(interactive=True)
    try:
        raise ProjectError("project is read-only")
    except ProjectError:
        sys.excepthook(*sys.exc_info())
    assert dialogs.texts("warning") == ["project is read-only"]
    assert not error_dialogs.error_log_path().exists()


def test_non_interactive_errors_are_one_line(capsys, keep_excepthook, monkeypatch):
    monkeypatch.setattr(QApplication, "exit", staticmethod(lambda code=0: None))
    gui_app.install_excepthook(interactive=False)
    try:
        raise KeyError("x")
    except KeyError:
        sys.excepthook(*sys.exc_info())
    err = capsys.readouterr().err.strip()
    assert err.startswith("factdiff: error: KeyError") and "\n" not in err
