"""``factdiff facts FILE``."""

from __future__ import annotations

import json

from conftest import seed

from core.cli import main


def test_text_output_groups_by_kind(capsys):
    assert main(["facts", str(seed("000"))]) == 0
    out = capsys.readouterr().out
    for heading in (
        "Quantities (",
        "Dates and times (",
        "Quotes (",
        "Attributions (",
        "Negations (",
        "Names (",
    ):
        assert heading in out
    assert "an estimated 100,000 troops" in out
    assert "2022-01-26 (Wednesday)" in out
    assert "according to: local media" in out
    assert "published: 2022-01-27" in out


def test_json_output(capsys):
    assert main(["facts", str(seed("002")), "--format", "json"]) == 0
    document = json.loads(capsys.readouterr().out)
    assert document["path"].endswith(".txt")
    assert {"quantities", "dates", "quotes", "attributions", "entities", "polarities"} == set(
        document["facts"]
    )
    troops = next(q for q in document["facts"]["quantities"] if q["unit"] == "troop")
    assert (troops["low"], troops["high"], troops["high_inclusive"]) == (20000, 100000, False)


def test_missing_file_is_one_line_error(capsys, tmp_path):
    assert main(["facts", str(tmp_path / "nope.txt")]) == 2
    err = capsys.readouterr().err
    assert err.startswith("factdiff: error:")
    assert len(err.strip().splitlines()) == 1


def test_binary_file_is_one_line_error(capsys, tmp_path):
    path = tmp_path / "blob.txt"
    path.write_bytes(bytes(range(256)) * 10)
    assert main(["facts", str(path)]) == 2
    assert "Traceback" not in capsys.readouterr().err


def test_html_article(capsys, tmp_path):
    path = tmp_path / "quake.html"
    path.write_text(
        "<html><head><title>Quake</title></head><body><article><h1>Quake hits Turkey</h1>"
        "<p>A magnitude 7.8 earthquake struck on Monday, killing more than 2,300 people, officials said. "
        "Rescue teams from 40 countries arrived on Tuesday to help in the search for survivors.</p>"
        "<p>“We are going through very difficult days,” President Tayyip Erdogan told reporters in Ankara.</p>"
        "</article></body></html>",
        encoding="utf-8",
    )
    assert main(["facts", str(path), "--format", "json"]) == 0
    document = json.loads(capsys.readouterr().out)
    assert any(q["unit"] == "people" for q in document["facts"]["quantities"])
    assert document["facts"]["quotes"][0]["speaker_key"] == "erdogan"
