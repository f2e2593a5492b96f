"""The window as the engine sees it: what ``factdiff gui`` opens, and the PDF writer.

pyproject.toml names :func:`register` as the ``factdiff.frontends`` entry
point; ``core.plugins`` calls it only when the window or a PDF is asked for.
Registering imports no Qt: each function imports its Qt module when it runs,
so a PDF export from the command line never loads the window's widgets.
"""

from __future__ import annotations

from pathlib import Path

from core.errors import FactDiffError
from core.plugins import register_window
from core.report.export import register_exporter
from core.report.report_records import ReportData


def register() -> None:
    """Add the window and the PDF format to the engine."""
    register_window(run_window)
    register_exporter("pdf", write_pdf)


def run_window(
    project: Path | None = None,
    demo: bool = False,
    screenshot: str | None = None,
    size: tuple[int, int] | None = None,
) -> int:
    """Open the window (or only photograph it); returns the exit code."""
    _require_qt("the window")
    from gui.app import run

    return run(project=project, demo=demo, screenshot=screenshot, size=size)


def write_pdf(data: ReportData, path: Path, *, page_size: str, bom: bool) -> None:
    """The report as PDF (``bom`` is a CSV matter and ignored)."""
    _require_qt("PDF export")
    from gui.report_pdf import render_pdf

    render_pdf(data, path, page_size=page_size)


def _require_qt(feature: str) -> None:
    """One line instead of a traceback where PySide6 is not installed."""
    try:
        import PySide6.QtGui  # noqa: F401
    except ImportError as exc:
        raise FactDiffError(f"{feature} needs PySide6, which cannot be loaded: {exc}") from exc
