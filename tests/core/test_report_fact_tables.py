"""Every report format carries a fact table per event of three or more articles, escaped."""

from __future__ import annotations

import csv
import io
import json

import pytest
from event_table_fixtures import make_bridge_project

from core.events.fact_table import Cell, Column, EventTable, Row
from core.report.collect import build_report
from core.report.csv_report import FACT_COLUMNS, render_csv
from core.report.export import render_text
from core.report.json_report import render_json
from core.report.markdown_report import render_markdown
from core.report.options import ReportOptions
from core.report.report_records import EventSection, ReportData
from core.store import Project


@pytest.fixture(scope="module")
def bridge_report(tmp_path_factory):
    monkeypatch = pytest.MonkeyPatch()
    path = tmp_path_factory.mktemp("bridge") / "bridge.factdiff"
    make_bridge_project(path, monkeypatch, compared=True)
    with Project.open(path, readonly=True) as p:
        return build_report(p, ReportOptions())


def test_event_section_holds_the_table(bridge_report):
    (event,) = bridge_report.events
    assert event.table is not None and event.table.event_id == event.id
    assert event.table.rows[0].disagree


def test_markdown_and_html_show_shared_rows(bridge_report):
    md = render_markdown(bridge_report)
    assert "### Fact table of event 1" in md
    assert "| ≠ | Figure: dead · people | 14 people | 14 people | **12 people** |" in md
    assert "reported by one article only" in md
    assert "Figure: hurt" not in md  # one article only
    html = render_text(bridge_report, "html")
    assert "<strong>12 people</strong>" in html and '<h3 class="fact-table">' in html


def test_csv_has_a_fact_block_after_the_discrepancies(bridge_report):
    text = render_csv(bridge_report)
    head, block, provenance = text.split("\r\n\r\n")
    assert provenance.startswith("article_id,article,origin,")
    rows = list(csv.reader(io.StringIO(block)))
    assert tuple(rows[0]) == FACT_COLUMNS
    toll = [r for r in rows[1:] if r[4] == "dead · people" and r[3] == "figure" and r[5] == "yes"]
    assert [(r[7], r[9], r[10]) for r in toll] == [
        ("1", "14 people", "no"),
        ("2", "14 people", "no"),
        ("3", "12 people", "yes"),
    ]


def test_json_event_has_its_fact_table(bridge_report):
    (event,) = json.loads(render_json(bridge_report))["events"]
    assert event["fact_table"]["rows"][0]["disagree"] is True


def test_a_one_pair_report_has_no_table(tmp_path, monkeypatch):
    path = make_bridge_project(tmp_path / "b.factdiff", monkeypatch)
    with Project.open(path, readonly=True) as p:
        (pair,) = p.pairs()
        data = build_report(p, ReportOptions(pair_id=pair.id))
    assert all(e.table is None for e in data.events)


HOSTILE = "<script>alert(1)</script> | [x](javascript:alert(1)) =HYPERLINK()"


def _hostile_data() -> ReportData:
    from test_report_samples import sample_report

    data = sample_report()
    cell = Cell(HOSTILE, 0, 10, HOSTILE)
    formula = Cell("=HYPERLINK(1)", 0, 10)
    row = Row("abc", "quote", HOSTILE, (cell, formula, None), True, frozenset({1}))
    table = EventTable(1, HOSTILE, (Column(1, HOSTILE), Column(2, "B"), Column(3, "C")), (row,))
    event = data.events[0]
    events = (EventSection(event.id, event.label, event.pairs, table), *data.events[1:])
    return ReportData(**{**data.__dict__, "events": events})


def test_untrusted_cells_are_inert_everywhere():
    data = _hostile_data()
    html = render_text(data, "html")
    assert "<script>" not in html and 'href="javascript' not in html
    assert "&lt;script&gt;" in html
    md = render_markdown(data)
    table_lines = [line for line in md.splitlines() if "≠ | Quote" in line]
    (line,) = table_lines
    assert line.count(" | ") == 4  # the pipes inside the cells are escaped
    text = render_csv(data)
    block = text.split("\r\n\r\n")[1]
    for row in csv.reader(io.StringIO(block)):
        assert not any(v.startswith("=") for v in row)
    assert json.loads(render_json(data))["events"][0]["fact_table"]["label"] == HOSTILE
