"""One entry point from report data to a file, shared by the CLI and the window.

Every format is a writer in one table, :data:`EXPORTERS`. The text formats
are core's own; PDF needs Qt, so a front end adds it (``register_exporter``)
when :mod:`core.plugins` loads it — only once a PDF is asked for, and
``core`` itself never loads Qt. Files are written to a temporary sibling and
renamed into place, so an interrupted export never leaves half a report where
the old one was.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Protocol

from core import plugins
from core.atomic_file import check_replaceable, replacing
from core.errors import FactDiffError
from core.report.claimreview import ClaimReviewExport, build_claimreviews, render_claimreview
from core.report.claimreview_config import ClaimReviewConfig
from core.report.csv_report import render_csv
from core.report.html_report import render_html
from core.report.json_report import render_json
from core.report.markdown_report import render_markdown
from core.report.options import FORMATS
from core.report.report_records import ReportData

SUFFIXES = {"html": ".html", "md": ".md", "pdf": ".pdf", "csv": ".csv", "json": ".json",
            "claimreview": ".jsonld"}  # fmt: skip


class Exporter(Protocol):
    """Writes the report in one format to ``path`` (a temporary file, renamed by the caller)."""

    def __call__(self, data: ReportData, path: Path, *, page_size: str, bom: bool) -> None: ...


#: Text renderers by format; ``bom`` matters to CSV only (Excel needs it to read UTF-8).
_TEXT: dict[str, Callable[[ReportData, bool], str]] = {
    "html": lambda data, bom: render_html(data),
    "md": lambda data, bom: render_markdown(data),
    "csv": lambda data, bom: render_csv(data, bom=bom),
    "json": lambda data, bom: render_json(data),
}
TEXT_FORMATS = tuple(_TEXT)


def _text_exporter(fmt: str) -> Exporter:
    def write(data: ReportData, path: Path, *, page_size: str, bom: bool) -> None:
        path.write_bytes(_TEXT[fmt](data, bom).encode("utf-8"))

    return write


#: Every format that can be written now: core's text formats, plus what front ends add.
EXPORTERS: dict[str, Exporter] = {fmt: _text_exporter(fmt) for fmt in TEXT_FORMATS}


def register_exporter(fmt: str, exporter: Exporter) -> None:
    """Called by a front end (core.plugins): ``fmt`` is now written by ``exporter``."""
    EXPORTERS[fmt] = exporter


def exporter_for(fmt: str) -> Exporter:
    """The writer for ``fmt``, loading the front ends only for a format core lacks."""
    if fmt not in FORMATS:
        raise FactDiffError(f"unknown report format {fmt!r} (choose from {', '.join(FORMATS)})")
    if fmt not in EXPORTERS:
        plugins.load_frontends()
    if fmt not in EXPORTERS:
        raise plugins.missing(f"{fmt.upper()} export")
    return EXPORTERS[fmt]


def render_text(data: ReportData, fmt: str, *, bom: bool = False) -> str:
    """The report in a text format (``html``, ``md``, ``csv`` or ``json``)."""
    if fmt not in _TEXT:
        raise FactDiffError(f"unknown report format {fmt!r} (choose from {', '.join(FORMATS)})")
    return _TEXT[fmt](data, bom)


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
    exporter = exporter_for(fmt)
    with replacing(target) as tmp:
        exporter(data, tmp, page_size=page_size, bom=bom)
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
