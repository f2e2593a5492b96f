"""The window on hostile ground: a project another writer holds, a fetch that must stop."""

from __future__ import annotations

import subprocess
import sys

from gui_fixtures import *  # noqa: F403  (fixtures)

from core.store import Project
from gui.main_window import MainWindow


def test_non_interactive_window_opens_a_held_project_read_only_without_asking(
    qtbot, demo_copy, dialogs
):
    win = MainWindow()
    qtbot.addWidget(win)
    win.interactive = False  # as in --screenshot
    with Project.open(demo_copy):  # another writer holds it
        assert win.open_project(demo_copy)
        assert win.project is not None and win.project.readonly
        assert dialogs.texts("question") == []
        win.close()


def test_screenshot_of_a_held_project_answers_read_only_and_says_so(demo_copy, tmp_path):
    with Project.open(demo_copy):
        shot = tmp_path / "shot.png"
        run = subprocess.run(
            [sys.executable, "-m", "core", "gui", str(demo_copy), "--screenshot", str(shot)],
            capture_output=True, text=True, timeout=120,
        )  # fmt: skip
    assert run.returncode == 0, run.stderr
    assert shot.exists()
    assert "read-only" in run.stderr
