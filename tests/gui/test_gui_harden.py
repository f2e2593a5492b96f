"""The window on hostile ground: a held project, a fetch that must stop, a PDF to a full disk."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from gui_fixtures import *  # noqa: F403  (fixtures)

from core.errors import FactDiffError
from core.report.export import export_report
from core.store import Project
from gui.main_window import MainWindow

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "core"))
from test_report_samples import sample_report  # noqa: E402


def test_non_interactive_window_opens_a_held_project_read_only_without_asking(
    qtbot, demo_copy, dialogs
):
    win = MainWindow()
    qtbot.addWidget(win)
    win.interactive = False  # as in --screenshot
    with Project.open(demo_copy):  # another writer holds it
        assert win.open_project(demo_copy)
        assert win.session.project is not None and win.session.project.readonly
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


def test_cancel_in_the_fetch_dialog_stops_the_download_at_once(qtbot, monkeypatch):
    """A server that accepts and never answers: Cancel must end the job, not wait it out."""
    import functools
    import socket
    import threading

    import core.web.fetch
    from gui.import_dialogs import FetchUrlDialog

    real = core.web.fetch.fetch_page
    monkeypatch.setattr(core.web.fetch, "fetch_page", functools.partial(real, allow_local=True))
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(1)
    accepted, done = threading.Event(), threading.Event()

    def accept_and_stay_silent() -> None:
        conn, _ = listener.accept()
        accepted.set()
        done.wait(30)
        conn.close()

    threading.Thread(target=accept_and_stay_silent, daemon=True).start()
    dialog = FetchUrlDialog()
    qtbot.addWidget(dialog)
    dialog.url.setText(f"http://127.0.0.1:{listener.getsockname()[1]}/story")
    dialog.fetch()
    qtbot.waitUntil(accepted.is_set, timeout=10000)
    assert dialog._runner.is_busy("fetch"), dialog.message.text()
    dialog.reject()
    # A bound for a hung download, not a speed figure: the old fetch kept reading for 20 s a read.
    qtbot.waitUntil(lambda: not dialog._runner.is_busy("fetch"), timeout=5000)
    done.set()
    listener.close()


# -- item 10: PDF to a full disk ------------------------------------------------


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs /dev/full")
def test_pdf_writer_failure_is_an_error_not_success(qapp):
    from gui.report_pdf import render_pdf

    with pytest.raises(FactDiffError, match="cannot write"):
        render_pdf(sample_report(), "/dev/full")


def test_failed_pdf_export_keeps_the_earlier_file(qapp, tmp_path, monkeypatch):
    import gui.report_pdf as report_pdf

    target = tmp_path / "report.pdf"
    export_report(sample_report(), "pdf", target)
    good = target.read_bytes()

    real_save = report_pdf._save

    def to_full_disk(content, path):
        return real_save(content, type(path)("/dev/full"))

    if not os.path.exists("/dev/full"):
        pytest.skip("needs /dev/full")
    monkeypatch.setattr(report_pdf, "_save", to_full_disk)
    with pytest.raises(FactDiffError, match="cannot write"):
        export_report(sample_report(), "pdf", target)
    assert target.read_bytes() == good
    assert [p.name for p in tmp_path.iterdir()] == ["report.pdf"]
