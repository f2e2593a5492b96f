"""One entry point from report data to a file, shared by the CLI and the window.

Text formats are rendered here; PDF needs Qt, so its renderer is imported
only when asked for — ``core`` itself never loads Qt. Files are written to a
temporary sibling and renamed into place, so an interrupted export never
leaves half a report where the old one was.
"""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

from core.atomic_file import check_replaceable, replacing
from core.errors import FactDiffError
from core.report.claimreview import ClaimReviewExport, build_claimreviews, render_claimreview
from core.report.claimreview_config import ClaimReviewConfig
from core.report.csv_report import render_csv
from core.report.html_report import render_html
from core.report.json_report import render_json
from core.report.markdown_report import render_markdown
from core.report.model import ReportData
from core.report.options import FORMATS

TEXT_FORMATS = ("html", "md", "csv", "json")
SUFFIXES = {"html": ".html", "md": ".md", "pdf": ".pdf", "csv": ".csv", "json": ".json",
            "claimreview": ".jsonld"}  # fmt: skip


def render_text(data: ReportData, fmt: str, *, bom: bool = False) -> str:
    """The report in a text format (``html``, ``md``, ``csv`` or ``json``)."""
    if fmt == "html":
        return render_html(data)
    if fmt == "md":
        return render_markdown(data)
    if fmt == "csv":
        return render_csv(data, bom=bom)
    if fmt == "json":
        return render_json(data)
    raise FactDiffError(f"unknown report format {fmt!r} (choose from {', '.join(FORMATS)})")


def export_report(
    data: ReportData,
    fmt: str,
    path: str | os.PathLike[str],
    *,
    page_size: str = "a4",
    bom: bool = False,
) -> Path:
    """Write the report to ``path`` atomically; returns the path written."""
    target = Path(path)
    if not target.parent.is_dir():
        raise FactDiffError(f"no such folder: {target.parent}")
    check_replaceable(target)  # before any work: never turn a device or FIFO into a report
    if fmt == "pdf":
        from gui.report_pdf import render_pdf  # Qt is loaded only for PDF

        with replacing(target) as tmp:
            render_pdf(data, tmp, page_size=page_size)
        return target
    text = render_text(data, fmt, bom=bom)
    with replacing(target) as tmp:
        tmp.write_bytes(text.encode("utf-8"))
    return target


def export_claimreview(
    data: ReportData,
    path: str | os.PathLike[str],
    config: ClaimReviewConfig,
    *,
    today: date | None = None,
) -> ClaimReviewExport:
    """Write the report's ClaimReview objects to ``path`` atomically.

    Returns what was written and what was left out; raises
    ``NothingValidError`` (with the per-item lines) and writes nothing when no
    object is valid, so an old file is never replaced by an invalid one.
    """
    target = Path(path)
    if not target.parent.is_dir():
        raise FactDiffError(f"no such folder: {target.parent}")
    check_replaceable(target)
    export = build_claimreviews(data, config, today=today)
    text = render_claimreview(export)
    with replacing(target) as tmp:
        tmp.write_bytes(text.encode("utf-8"))
    return export
