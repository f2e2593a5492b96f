"""File → Export report…: options drive the preview, Save writes the chosen format."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "core"))
from test_report_project import make_project  # noqa: E402

from core.store import Project  # noqa: E402
from gui.report_dialog import ReportDialog  # noqa: E402


@pytest.fixture
def project(tmp_path, monkeypatch):
    path = make_project(tmp_path / "harbour.factdiff", monkeypatch)
    monkeypatch.undo()
    with Project.open(path, readonly=True) as p:
        yield p


@pytest.fixture(autouse=True)
def confirmations():
    """The "Report saved" box never blocks: it records its text and clicks ``answer``.

    A patch of its own: the ``project`` fixture undoes the shared monkeypatch.
    """
    from PySide6.QtWidgets import QMessageBox

    log = {"texts": [], "answer": None, "opened": []}

    def run(box):
        log["texts"].append(f"{box.text()} {box.informativeText()}")
        for button in box.buttons():
            if button.text() == log["answer"]:
                button.click()
        return 0

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(QMessageBox, "exec", run)
        patch.setattr("gui.report_dialog.QDesktopServices.openUrl",
                      lambda url: log["opened"].append(url.toLocalFile()) or True)
        yield log


@pytest.fixture
def dialog(qtbot, project):
    d = ReportDialog(project)
    qtbot.addWidget(d)
    return d


def test_preview_shows_the_report(dialog):
    text = dialog.preview.toPlainText()
    assert "Discrepancy report: Harbour fire" in text
    assert "Death toll: 12 vs 15" in text
    assert dialog.report_data().counts.total == 4


def test_options_update_the_preview(dialog, qtbot):
    dialog.status_boxes["dismissed"].setChecked(True)
    dialog.update_preview()
    assert "Quote differs" in dialog.preview.toPlainText()
    dialog.scope.setCurrentIndex(dialog.scope.findData("pair:2"))
    dialog.update_preview()
    assert dialog.report_data().counts.total == 0
    assert "not been compared" in dialog.preview.toPlainText()


def test_no_status_disables_saving(dialog):
    for box in dialog.status_boxes.values():
        box.setChecked(False)
    dialog.update_preview()
    assert dialog.report_data() is None
    assert not dialog.save_button.isEnabled()
    assert "choose at least one status" in dialog.preview.toPlainText()


def test_format_widgets_follow_the_format(dialog):
    dialog.format.setCurrentIndex(dialog.format.findData("pdf"))
    assert dialog.page_size.isEnabled() and not dialog.bom.isEnabled()
    dialog.format.setCurrentIndex(dialog.format.findData("csv"))
    assert dialog.bom.isEnabled() and not dialog.page_size.isEnabled()


@pytest.mark.parametrize("fmt", ["json", "pdf", "md"])
def test_save_writes_the_chosen_format(dialog, tmp_path, monkeypatch, fmt):
    dialog.format.setCurrentIndex(dialog.format.findData(fmt))
    target = tmp_path / "out" / "report"
    target.parent.mkdir()
    monkeypatch.setattr(
        "gui.report_dialog.QFileDialog.getSaveFileName", lambda *a, **k: (str(target), "")
    )
    dialog.save()
    written = target.with_name(f"report.{fmt}")
    assert written.exists()
    if fmt == "json":
        assert json.loads(written.read_text(encoding="utf-8"))["format"] == "factdiff-report"
    if fmt == "pdf":
        assert written.read_bytes().startswith(b"%PDF")


def test_the_dialog_writes_nothing_to_the_project(tmp_path, qtbot, monkeypatch):
    path = make_project(tmp_path / "p.factdiff", monkeypatch)
    monkeypatch.undo()
    before = path.read_bytes()
    with Project.open(path) as p:
        d = ReportDialog(p)
        qtbot.addWidget(d)
        d.update_preview()
        d.close()
    assert path.read_bytes() == before


def test_saving_says_where_the_report_went_and_opens_it(dialog, tmp_path, monkeypatch,
                                                       confirmations):
    target = tmp_path / "harbour report.html"
    monkeypatch.setattr(
        "gui.report_dialog.QFileDialog.getSaveFileName", lambda *a, **k: (str(target), "")
    )
    confirmations["answer"] = "Open"
    dialog.format.setCurrentIndex(dialog.format.findData("html"))
    dialog.save_button.click()
    assert target.exists()
    (said,) = confirmations["texts"]
    assert "harbour report.html" in said and str(tmp_path) in said
    assert confirmations["opened"] == [str(target)]
