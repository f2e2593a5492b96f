"""Every report format names where each compared article came from and its bytes' SHA-256."""

from __future__ import annotations

import pytest
from test_report_project import sample_project_file

from core.report.collect import build_report
from core.report.export import render_text
from core.report.options import ReportOptions
from core.store import Project, Provenance


@pytest.fixture
def report_data(tmp_path):
    path = sample_project_file(tmp_path / "h.factdiff")
    with Project.open(path) as p:
        p._conn.execute(  # a fetched article, as the fetch path records it
            "UPDATE article_provenance SET origin = 'url', location = ?, final_url = ?, "
            "last_modified = ?, etag = ? WHERE article_id = 2",
            ("http://gazette.example/b", "https://gazette.example/2026/11/03/blaze",
             "Tue, 03 Nov 2026 09:00:00 GMT", '"g-17"'),
        )  # fmt: skip
        p._conn.commit()
        assert p.provenance(2).etag == '"g-17"'
        digest = p.provenance(1).sha256
        data = build_report(p, ReportOptions())
    return data, digest


@pytest.mark.parametrize("fmt", ["md", "html", "csv", "json"])
def test_each_format_lists_provenance(report_data, fmt):
    data, digest = report_data
    text = render_text(data, fmt)
    for value in (digest, "https://gazette.example/2026/11/03/blaze",
                  "Tue, 03 Nov 2026 09:00:00 GMT", "g-17"):  # fmt: skip
        assert value in text, value


def test_report_records_carry_the_provenance(report_data):
    data, digest = report_data
    first = data.articles[0].provenance
    assert isinstance(first, Provenance) and first.sha256 == digest and first.origin == "text"
