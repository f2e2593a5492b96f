"""Golden files: the Markdown, JSON and CSV reports of the sample project, byte for byte.

The sample project (tests/core/test_report_project.py) has fixed text, a
hand-built comparison, fixed timestamps and reviewers, so any change in the
output is a change in the report. After an intended change, regenerate with

    FACTDIFF_UPDATE_GOLDEN=1 python -m pytest tests/core/test_report_golden.py

and review the diff of tests/core/golden/ before committing.
"""

from __future__ import annotations

import os
from datetime import UTC, datetime
from pathlib import Path

import pytest
from test_report_project import sample_project_file

from core.report.collect import build_report
from core.report.export import render_text
from core.report.options import ReportOptions
from core.store import Project

GOLDEN = Path(__file__).parent / "golden"
NOW = datetime(2026, 11, 25, 12, 0, tzinfo=UTC)
UPDATE = os.environ.get("FACTDIFF_UPDATE_GOLDEN") == "1"


@pytest.fixture(scope="module")
def report_data(tmp_path_factory):
    path = sample_project_file(tmp_path_factory.mktemp("golden") / "harbour.factdiff")
    with Project.open(path, readonly=True) as project:
        return build_report(project, ReportOptions(), now=NOW)


@pytest.mark.parametrize("fmt", ["md", "json", "csv"])
def test_report_matches_golden(report_data, fmt):
    actual = render_text(report_data, fmt).encode("utf-8")
    golden = GOLDEN / f"harbour_report.{fmt}"
    if UPDATE:
        golden.write_bytes(actual)
    assert golden.exists(), f"missing {golden.name}: run with FACTDIFF_UPDATE_GOLDEN=1"
    assert actual == golden.read_bytes()
