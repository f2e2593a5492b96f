"""Shared fixtures for the window's tests: a demo project per test, no modal dialogs.

Imported by each test module (not a conftest.py: a second conftest module
would shadow the top-level one that tests import ROOT from).
The demo project is built once per session from resources/demo (it takes a
couple of seconds) and copied for each test, so tests can annotate and
re-open it freely.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog, QInputDialog, QMessageBox


class DialogLog:
    """Records every message box a test triggered, answering them without blocking."""

    def __init__(self) -> None:
        self.calls: list[tuple[str, str]] = []
        self.answer = QMessageBox.StandardButton.Yes
        self.files: list[str] = []
        self.save_file = ""
        #: What the "who is reviewing?" question is answered (None: dismissed).
        self.reviewer: str | None = "Test Reviewer"

    def texts(self, kind: str | None = None) -> list[str]:
        return [text for k, text in self.calls if kind is None or k == kind]


@pytest.fixture(autouse=True)
def dialogs(monkeypatch) -> DialogLog:
    """Never block on a modal dialog: static QMessageBox/QFileDialog calls are answered here."""
    log = DialogLog()

    def box(kind):
        def show(_parent, _title, text, *args, **kwargs):
            log.calls.append((kind, text))
            return log.answer if kind == "question" else QMessageBox.StandardButton.Ok

        return show

    for kind in ("warning", "critical", "information", "question"):
        monkeypatch.setattr(QMessageBox, kind, staticmethod(box(kind)))
    monkeypatch.setattr(QMessageBox, "exec",
                        lambda self: log.calls.append(("exec", self.text())) or 0)

    def ask_text(_parent, _title, label, *args, **kwargs):
        log.calls.append(("input", label))
        return (log.reviewer or "", log.reviewer is not None)

    monkeypatch.setattr(QInputDialog, "getText", staticmethod(ask_text))
    monkeypatch.setattr(QFileDialog, "getOpenFileNames",
                        staticmethod(lambda *a, **k: (list(log.files), "")))
    monkeypatch.setattr(QFileDialog, "getOpenFileName",
                        staticmethod(lambda *a, **k: (log.files[0] if log.files else "", "")))
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        staticmethod(lambda *a, **k: (log.save_file, "")))
    return log


@pytest.fixture(scope="session")
def demo_master(tmp_path_factory) -> Path:
    from gui.demo import build_demo

    return build_demo(tmp_path_factory.mktemp("demo") / "demo.factdiff")


@pytest.fixture
def demo_copy(demo_master, tmp_path) -> Path:
    target = tmp_path / "demo.factdiff"
    shutil.copy(demo_master, target)
    return target


@pytest.fixture
def window(qtbot, demo_copy):
    """The real main window, shown, on a private copy of the demo project."""
    from gui.main_window import MainWindow

    win = MainWindow()
    qtbot.addWidget(win)
    win.resize(1400, 900)
    win.show()
    qtbot.waitExposed(win)
    assert win.open_project(demo_copy)
    qtbot.waitUntil(lambda: win.session.pair_data is not None, timeout=20000)
    yield win
    win.close()


__all__ = ["DialogLog", "demo_copy", "demo_master", "dialogs", "window"]
