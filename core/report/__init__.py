"""The discrepancy report: what was compared, what diverges, what reviewers concluded.

Read a project with :func:`build_report`, then render or write it with
:func:`render_text` / :func:`export_report` (docs/report.md). Pure Python:
PDF, which needs Qt, lives in ``gui.report_pdf`` and is loaded only on demand.
"""

from core.report.collect import build_report
from core.report.export import FORMATS, PAGE_SIZES, export_report, render_text
from core.report.model import ReportData
from core.report.options import DEFAULT_STATUSES, ReportOptions

__all__ = [
    "DEFAULT_STATUSES",
    "FORMATS",
    "PAGE_SIZES",
    "ReportData",
    "ReportOptions",
    "build_report",
    "export_report",
    "render_text",
]
