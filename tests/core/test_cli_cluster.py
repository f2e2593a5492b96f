"""``factdiff cluster``: JSON and text output, unreadable files, exit codes."""

from __future__ import annotations

import json

import pytest
from conftest import seed

from core.cli import main

QUAKE = (
    "Earthquake strikes Morocco\n\nA magnitude 6.8 earthquake struck the High Atlas on Friday night, "
    "killing 2,012 people, the interior ministry said. \u201cEverything fell,\u201d said a shopkeeper in Amizmiz."
)
QUAKE_REPORT = (
    "Morocco quake toll passes 2,000\n\nThe magnitude 6.8 quake that hit the High Atlas late on Friday killed "
    "2,012 people, according to the interior ministry. \u201cEverything fell,\u201d a shopkeeper in Amizmiz said."
)
TRIAL = (
    "Fraud verdict\n\nA federal judge in Manhattan sentenced the crypto exchange founder to 25 years in prison "
    "on Thursday for stealing $8 billion from customers."
)


@pytest.fixture
def files(tmp_path):
    paths = []
    for name, text in (("quake.txt", QUAKE), ("trial.txt", TRIAL), ("report.txt", QUAKE_REPORT)):
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        paths.append(str(path))
    return paths


def test_json_lists_events_and_pairs_by_path(files, capsys):
    assert main(["cluster", *files, "--format", "json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert sorted(map(sorted, out["events"])) == sorted([sorted([files[0], files[2]]), [files[1]]])
    assert [sorted(p) for p in out["pairs"]] == [sorted([files[0], files[2]])]
    assert out["reprints"] == [] and out["skipped"] == []


def test_text_is_readable(files, capsys):
    assert main(["cluster", *files]) == 0
    out = capsys.readouterr().out
    assert out.startswith("2 events among 3 articles")
    assert "Event 1 (2 articles)" in out and "compare:" in out
    assert "Earthquake strikes Morocco" in out


def test_unreadable_files_are_skipped_with_a_warning(files, tmp_path, capsys):
    binary = tmp_path / "image.txt"
    binary.write_bytes(b"\x00\x01\x02\x03" * 50)
    missing = str(tmp_path / "missing.txt")
    assert main(["cluster", *files, str(binary), missing, "--format", "json"]) == 1
    captured = capsys.readouterr()
    out = json.loads(captured.out)
    assert sum(len(e) for e in out["events"]) == 3
    assert {s["path"] for s in out["skipped"]} == {str(binary), missing}
    warnings = captured.err.strip().splitlines()
    assert len(warnings) == 2
    assert all(w.startswith("factdiff: warning: skipped ") for w in warnings)
    assert "Traceback" not in captured.err


def test_nothing_readable_is_an_error(tmp_path, capsys):
    assert main(["cluster", str(tmp_path / "a.txt"), str(tmp_path / "b.txt")]) == 2
    err = capsys.readouterr().err
    assert "factdiff: error: none of the 2 files could be read" in err


def test_a_file_listed_twice_counts_once(files, capsys):
    assert main(["cluster", files[1], files[1], "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out)["events"] == [[files[1]]]


def test_seeds_group_into_three_events(capsys):
    paths = [str(seed(p)) for p in ("000", "001", "002", "003", "004")]
    assert main(["cluster", *paths, "--format", "json"]) == 0
    events = json.loads(capsys.readouterr().out)["events"]
    assert sorted(map(sorted, events)) == sorted(
        [sorted([paths[0], paths[2], paths[3]]), [paths[1]], [paths[4]]]
    )


def test_no_files_is_a_usage_error(capsys):
    with pytest.raises(SystemExit) as exit_info:
        main(["cluster"])
    assert exit_info.value.code == 2
