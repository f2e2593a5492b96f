"""``factdiff report``: formats, output files, filters and one-line errors."""

from __future__ import annotations

import json

import pytest
from test_report_project import make_project

from core.cli import main


@pytest.fixture
def project_file(tmp_path, monkeypatch):
    path = make_project(tmp_path / "harbour.factdiff", monkeypatch)
    monkeypatch.undo()
    return path


def test_markdown_to_stdout(project_file, capsys):
    assert main(["report", str(project_file), "--format", "md"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("# Discrepancy report: Harbour fire")


def test_json_with_filters(project_file, capsys):
    args = ["report", str(project_file), "--format", "json", "--kind", "number", "--pair", "1"]
    assert main(args) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["format"] == "factdiff-report" and report["version"] == 1
    (pair,) = report["events"][0]["pairs"]
    assert [d["id"] for d in pair["discrepancies"]] == ["num-5f1c"]


def test_dismissed_only_on_request(project_file, capsys):
    main(["report", str(project_file), "--format", "csv", "--status", "dismissed"])
    rows = capsys.readouterr().out.split("\r\n\r\n")[0].splitlines()
    assert len(rows) == 2 and "quo-77aa" in rows[1]


def test_file_output_with_bom(project_file, tmp_path):
    out = tmp_path / "report.csv"
    assert main(["report", str(project_file), "--format", "csv", "--bom", "-o", str(out)]) == 0
    assert out.read_bytes().startswith(b"\xef\xbb\xbfnumber,")
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")] == []


def test_html_file_output(project_file, tmp_path):
    out = tmp_path / "report.html"
    assert main(["report", str(project_file), "-o", str(out)]) == 0
    assert out.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["{missing}"], "no such project file"),
        (["{not_project}"], "is not a FactDiff project"),
        (["{project}", "--format", "pdf"], "PDF output needs a file"),
        (["{project}", "--pair", "42"], "no pair 42"),
        (["{project}", "--event", "42"], "no event 42"),
        (["{project}", "-o", "{nofolder}"], "no such folder"),
    ],
)
def test_errors_are_one_line_and_exit_2(project_file, tmp_path, capsys, args, message):
    not_project = tmp_path / "notes.factdiff"
    not_project.write_text("just some notes\n")
    paths = {
        "missing": tmp_path / "missing.factdiff",
        "not_project": not_project,
        "project": project_file,
        "nofolder": tmp_path / "no" / "such" / "report.html",
    }
    argv = ["report", *(a.format(**paths) for a in args)]
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith("factdiff: error: ") and message in err


@pytest.mark.parametrize(
    ("name", "starts"),
    [
        ("r.md", "# Discrepancy report"),
        ("r.csv", "number,"),
        ("r.json", "{"),
        ("r.html", "<!DOCTYPE"),
    ],
)
def test_the_output_file_ending_picks_the_format(project_file, tmp_path, name, starts):
    out = tmp_path / name
    assert main(["report", str(project_file), "-o", str(out)]) == 0
    assert out.read_text(encoding="utf-8-sig").lstrip().startswith(starts)
