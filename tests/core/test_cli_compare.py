"""``factdiff compare``: text and JSON output, -o, and one-line errors for bad input."""

from __future__ import annotations

import json
import re
import subprocess
import sys

import pytest
from conftest import DEMO, ROOT

from core.cli import main

A = str(DEMO / "harbor-ledger.txt")
B = str(DEMO / "coastal-wire.txt")


def test_text_output_is_a_side_by_side_summary(capsys):
    assert main(["compare", A, B]) == 0
    out = capsys.readouterr().out
    assert out.startswith("A  Ferry fire off Vessmark")
    assert "similarity 0." in out
    assert re.search(r"\d+ aligned passages? · \d+ claim links?", out)
    assert "ALIGNED PASSAGES" in out and "│" in out
    assert "[-Wednesday" in out and "{+Thursday" in out
    assert "ONLY IN B" in out and "built in 2009" in out
    assert "DISCREPANCIES" in out and "HIGH (" in out


def test_json_output_follows_the_documented_format(capsys):
    assert main(["compare", A, B, "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["format"] == "factdiff-comparison" and data["version"] == 1
    for side in ("a", "b"):
        assert {"title", "source", "path", "text", "boilerplate"} <= set(data[side])
    assert 0.0 <= data["similarity"] <= 1.0
    assert data["alignments"] and set(data["unaligned"]) == {"a", "b"}
    text_a, text_b = data["a"]["text"], data["b"]["text"]
    for al in data["alignments"]:
        assert {"a", "b", "score", "changes"} <= set(al)
        for start, end in al["a"]:
            assert 0 <= start < end <= len(text_a)
        for start, end in al["b"]:
            assert 0 <= start < end <= len(text_b)
        for ch in al["changes"]:
            assert ch["tag"] in {"replace", "delete", "insert"}
            assert isinstance(ch["cosmetic"], bool)
    assert isinstance(data["discrepancies"], list)


def test_output_file_is_written_and_nothing_else_is_left(tmp_path, capsys):
    target = tmp_path / "out.json"
    assert main(["compare", A, B, "--format", "json", "-o", str(target)]) == 0
    assert capsys.readouterr().out == ""
    assert json.loads(target.read_text(encoding="utf-8"))["version"] == 1
    assert [p.name for p in tmp_path.iterdir()] == ["out.json"]
    assert main(["compare", A, B, "-o", str(target)]) == 0
    assert target.read_text(encoding="utf-8").startswith("A  ")


def test_output_into_a_missing_folder_is_a_one_line_error(tmp_path, capsys):
    assert main(["compare", A, B, "-o", str(tmp_path / "nope" / "out.txt")]) == 2
    err = capsys.readouterr().err
    assert err.startswith("factdiff: error:") and err.count("\n") == 1


def _bad_inputs(tmp_path) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "blank.txt").write_text("   \n\n  \t\n", encoding="utf-8")
    (tmp_path / "binary.txt").write_bytes(bytes(range(256)) * 20)
    (tmp_path / "undecodable.txt").write_bytes(b"\xff\xfeA\x00\x00\xd8 abc")
    (tmp_path / "empty.html").write_text(
        "<html><head><script>var x = 1;</script></head><body><nav>Home</nav></body></html>",
        encoding="utf-8",
    )
    (tmp_path / "folder").mkdir()


BAD = [
    "missing.txt",
    "folder",
    "empty.txt",
    "blank.txt",
    "binary.txt",
    "undecodable.txt",
    "empty.html",
]


@pytest.mark.parametrize("name", BAD)
def test_bad_input_fails_with_one_line_and_no_traceback(tmp_path, name):
    """A real process, so nothing but the one line can reach the terminal."""
    _bad_inputs(tmp_path)
    proc = subprocess.run(
        [sys.executable, "-m", "core", "compare", str(tmp_path / name), B],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=120,
    )
    assert proc.returncode != 0
    assert "Traceback" not in proc.stderr
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("factdiff: error:")
    assert name in lines[0]
    assert proc.stdout == ""


@pytest.mark.parametrize("name", BAD)
def test_bad_second_input_is_reported_the_same_way(tmp_path, name, capsys):
    _bad_inputs(tmp_path)
    assert main(["compare", A, str(tmp_path / name)]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.startswith("factdiff: error:") and captured.err.count("\n") == 1
    assert name in captured.err


def test_unknown_format_is_rejected_by_the_parser(capsys):
    with pytest.raises(SystemExit) as exc:
        main(["compare", A, B, "--format", "xml"])
    assert exc.value.code == 2
    assert "invalid choice" in capsys.readouterr().err


def test_text_marks_real_changes_only_and_respects_the_width():
    from core.cli.side_by_side import render_text
    from core.compare import compare
    from core.ingest.load import article_from_text

    a = article_from_text("Officials in the U.S. said 312 passengers were evacuated on Wednesday.")
    b = article_from_text("Officials in the US said 280 passengers were evacuated on Wednesday.")
    out = render_text(compare(a, b), width=70)
    assert "[-312-]" in out and "{+280+}" in out
    assert "[-U.S.-]" not in out and "{+US+}" not in out  # cosmetic: not marked
    assert max(len(line) for line in out.splitlines()) <= 70
