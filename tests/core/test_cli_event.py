"""``factdiff event``: the fact tables in text, Markdown and JSON; one-line errors."""

from __future__ import annotations

import json

import pytest
from event_table_fixtures import make_bridge_project

from core.cli import main


@pytest.fixture
def project_file(tmp_path, monkeypatch):
    return make_bridge_project(tmp_path / "bridge.factdiff", monkeypatch)


def test_text_lists_disagreeing_rows_first_with_marks(project_file, capsys):
    assert main(["event", str(project_file)]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Event 1: Dunmore bridge\n  3 articles,")
    assert "[3] ledger-page · 2031-03-06" in out
    first = out.index("≠ Figure: dead · people")
    assert first < out.index("Figure: hurt")
    assert "[3] 12 people  ≠" in out and "[1] 14 people\n" in out


def test_markdown_table(project_file, capsys):
    assert main(["event", str(project_file), "--event", "1", "--format", "md"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("## Event 1: Dunmore bridge")
    assert "| ≠ | Figure: dead · people | 14 people | 14 people | **12 people** |" in out


def test_json_to_file(project_file, tmp_path):
    target = tmp_path / "tables.json"
    assert main(["event", str(project_file), "--format", "json", "-o", str(target)]) == 0
    data = json.loads(target.read_text(encoding="utf-8"))
    assert (data["format"], data["version"]) == ("factdiff-event-tables", 1)
    (event,) = data["events"]
    assert [c["article_id"] for c in event["columns"]] == [1, 2, 3]
    toll = event["rows"][0]
    assert toll["disagree"] and toll["kind"] == "figure"
    assert [c["text"] for c in toll["cells"]] == ["14 people", "14 people", "12 people"]
    assert [c["disagrees"] for c in toll["cells"]] == [False, False, True]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["{missing}"], "no such project file"),
        (["{text}"], "is not a FactDiff project"),
        (["{project}", "--event", "9"], "no event 9 in this project"),
    ],
)
def test_bad_input_is_one_line_exit_2(project_file, tmp_path, capsys, args, message):
    text = tmp_path / "notes.txt"
    text.write_text("hello")
    names = {"missing": tmp_path / "nope.factdiff", "text": text, "project": project_file}
    argv = ["event", *(a.format(**names) for a in args)]
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert err.startswith("factdiff: error: ") and message in err and err.count("\n") == 1


def test_bad_event_number_is_an_argument_error(project_file, capsys):
    with pytest.raises(SystemExit) as exit_info:
        main(["event", str(project_file), "--event", "x"])
    assert exit_info.value.code == 2
