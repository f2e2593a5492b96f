"""Report output under attack and under faults: bidi controls, full disks, device targets.

Bidirectional controls in untrusted text could make a report read differently
from what it says; a failed PDF write must not replace a good earlier file;
``-o`` must never turn a device node or FIFO into a report; and the CSV must
carry the orphaned annotations every other format lists.
"""

from __future__ import annotations

import csv
import io
import os
from dataclasses import replace

import pytest
from test_report_project import sample_project_file
from test_report_samples import hostile_report, sample_report

from core.cli import main
from core.report.csv_report import render_csv
from core.report.html_report import render_html
from core.report.markdown_report import render_markdown
from core.report.report_records import ArticleRef, Excerpt

#: Every bidirectional formatting character Unicode defines.
BIDI_CONTROLS = (
    "\u202a", "\u202b", "\u202c", "\u202d", "\u202e",  # embeddings and overrides
    "\u2066", "\u2067", "\u2068", "\u2069",  # isolates
    "\u200e", "\u200f", "\u061c",  # marks
)  # fmt: skip
TROJAN = "Police said 12 \u202e51 deid\u202c people died"


def bidi_report():
    base = sample_report()
    (event,) = base.events
    (pair,) = event.pairs
    item = pair.items[0]
    text = f"Before {TROJAN} after."
    item = replace(
        item,
        summary=TROJAN,
        note="".join(BIDI_CONTROLS) + " note",
        a=Excerpt(text, 0, len(text), ((7, 7 + len(TROJAN)),)),
    )
    article = ArticleRef(9, TROJAN, "Outlet \u2067x\u2069", "", "", "")
    pair = replace(pair, a=article, items=(item, *pair.items[1:]))
    orphan = replace(base.orphans[0], note="orphan \u202e note")
    return replace(
        base,
        project_name="Fire \u202e",
        articles=(article,),
        events=(replace(event, label=TROJAN, pairs=(pair,)),),
        orphans=(orphan,),
    )


@pytest.mark.parametrize("fmt", ["html", "md", "csv"])
def test_bidi_controls_never_reach_a_human_readable_report(fmt):
    data = bidi_report()
    text = {"html": render_html, "md": render_markdown, "csv": render_csv}[fmt](data)
    for control in BIDI_CONTROLS:
        assert control not in text, f"U+{ord(control):04X} in the {fmt} report"
    assert "U+202E" in text  # made visible, not silently dropped


def test_bidi_controls_survive_in_pdf_source_as_markers():
    pytest.importorskip("PySide6")
    from gui.report_pdf import qt_html

    html = qt_html(bidi_report())
    assert not any(control in html for control in BIDI_CONTROLS)


# -- item 14: only regular files or new paths ---------------------------------


@pytest.fixture
def project_file(tmp_path):
    return sample_project_file(tmp_path / "harbour.factdiff")


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")
@pytest.mark.parametrize("fmt", ["html", "csv", "pdf"])
def test_report_never_replaces_a_special_file(project_file, tmp_path, capsys, fmt):
    fifo = tmp_path / "out.fifo"
    os.mkfifo(fifo)
    assert main(["report", str(project_file), "--format", fmt, "-o", str(fifo)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "not a regular file" in err
    assert fifo.is_fifo()


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")
def test_other_commands_output_never_replaces_a_special_file(tmp_path, capsys):
    fifo = tmp_path / "out.fifo"
    os.mkfifo(fifo)
    a = tmp_path / "a.txt"
    a.write_text("Storm kills 12\n\nThe storm killed 12 people on Monday, police said.\n")
    assert main(["compare", str(a), str(a), "-o", str(fifo)]) == 2
    assert "not a regular file" in capsys.readouterr().err
    assert fifo.is_fifo()


# -- item 15: CSV lists orphaned annotations ----------------------------------


def test_csv_lists_orphaned_annotations():
    data = sample_report()
    rows = list(csv.DictReader(io.StringIO(render_csv(data))))
    (orphan,) = data.orphans
    found = [row for row in rows if row["discrepancy_id"] == orphan.discrepancy_id]
    assert len(found) == 1
    row = found[0]
    assert row["origin"] == "orphaned"
    assert (row["status"], row["verdict"], row["note"], row["reviewer"]) == (
        orphan.status,
        orphan.verdict,
        orphan.note,
        orphan.reviewer,
    )
    assert row["pair_id"] == str(orphan.pair_id)


def test_hostile_orphan_in_csv_is_formula_safe():
    rows = list(csv.reader(io.StringIO(render_csv(hostile_report()))))
    for row in rows[1:]:
        for cell in row:
            assert not cell.startswith(("=", "+", "-", "@")), cell


def test_json_report_keeps_every_attack_as_exact_data():
    """JSON is data, not a page: the payloads come back verbatim, inside strings only."""
    import json

    from test_report_samples import ATTACKS

    from core.report.json_report import render_json

    data = json.loads(render_json(hostile_report()))
    strings: list[str] = []

    def walk(value):
        if isinstance(value, dict):
            for key, item in value.items():
                assert key.replace("-", "_").isidentifier(), key  # no payload becomes a key
                walk(item)
        elif isinstance(value, list):
            for item in value:
                walk(item)
        elif isinstance(value, str):
            strings.append(value)

    walk(data)
    joined = "\n".join(strings)
    for attack in ATTACKS:
        assert attack in joined, attack
