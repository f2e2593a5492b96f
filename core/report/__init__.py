"""The discrepancy report: what was compared, what diverges, what reviewers concluded.

Read a project with :func:`build_report`, then render or write it with
:func:`render_text` / :func:`export_report` (docs/report.md). Pure Python:
PDF, which needs Qt, is added by the desktop front end (``core.plugins``) and
loaded only on demand.

Names load on first use, so ``core.report.options`` (the CLI's option choices)
can be imported without the renderers.

May import: core.text, core.events, core.store and the shared modules.
"""

# ruff: noqa: F401 - the TYPE_CHECKING imports below are the re-exports, for static tools
from typing import TYPE_CHECKING

from core.lazy_exports import lazy_getattr

if TYPE_CHECKING:  # the same names, spelled out for editors and type checkers
    from core.report.collect import build_report
    from core.report.export import export_report, render_text
    from core.report.options import DEFAULT_STATUSES, FORMATS, PAGE_SIZES, ReportOptions
    from core.report.report_records import ReportData

#: Each public name and the module it lives in; the single list of what ``core.report`` exports.
_EXPORTS = {
    "build_report": "core.report.collect",
    "export_report": "core.report.export",
    "render_text": "core.report.export",
    "ReportData": "core.report.report_records",
    "DEFAULT_STATUSES": "core.report.options",
    "FORMATS": "core.report.options",
    "PAGE_SIZES": "core.report.options",
    "ReportOptions": "core.report.options",
}
__getattr__ = lazy_getattr(__name__, _EXPORTS)
__all__ = sorted(_EXPORTS)
