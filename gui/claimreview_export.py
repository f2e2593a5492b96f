"""File → Export ClaimReview…: confirmed discrepancies with a verdict as JSON-LD.

The same path as ``factdiff report --format claimreview`` (core.report): the
organisation, publication address and rating table come from the
preferences. Items that lack a required field are listed to the user, one
line each; when none is valid nothing is written.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from core.errors import FactDiffError
from core.report.claimreview import build_claimreviews
from core.report.claimreview_config import load_config
from core.report.collect import build_report
from core.report.export import SUFFIXES, export_claimreview
from core.report.options import ReportOptions

TITLE = "Export ClaimReview"
#: At most this many left-out items are listed in the message; the rest are counted.
MAX_LISTED = 12


def export_claimreview_interactively(project: Any, parent: QWidget) -> Path | None:
    """Check, ask where, write; every problem is told in a message box. Returns the file."""
    try:
        config = load_config()
        data = build_report(project, ReportOptions(statuses=("confirmed",)))
        export = build_claimreviews(data, config)
    except FactDiffError as exc:
        QMessageBox.warning(parent, TITLE, str(exc))
        return None
    if not export.reviews:
        _tell_nothing_valid(parent, export)
        return None
    path = ask_path(project, parent)
    if not path:
        return None
    try:
        written = export_claimreview(data, path, config)
    except (FactDiffError, OSError) as exc:
        QMessageBox.warning(parent, TITLE, f"The file could not be saved: {exc}")
        return None
    if written.problems:
        QMessageBox.information(
            parent, TITLE,
            f"{len(written.reviews)} reviews saved in {Path(path).name}; "
            f"{len(written.problems)} left out:\n\n{listing(written.problems)}",
        )  # fmt: skip
    return Path(path)


def ask_path(project: Any, parent: QWidget) -> str:
    suffix = SUFFIXES["claimreview"]
    suggested = Path(project.path).with_name(f"{project.name} claimreview{suffix}")
    path, _ = QFileDialog.getSaveFileName(
        parent, "Save ClaimReview", str(suggested), f"JSON-LD (*{suffix})"
    )
    if path and not path.lower().endswith(suffix):
        path += suffix
    return path


def listing(problems: tuple[str, ...]) -> str:
    lines = list(problems[:MAX_LISTED])
    if len(problems) > MAX_LISTED:
        lines.append(f"… and {len(problems) - MAX_LISTED} more")
    return "\n".join(lines)


def _tell_nothing_valid(parent: QWidget, export) -> None:
    if not export.candidates:
        text = "No confirmed discrepancy has a verdict: nothing to publish yet."
    else:
        text = (
            "No ClaimReview can be written; each confirmed discrepancy with a verdict lacks "
            "something search engines require (set the organisation and the publication "
            f"address in Preferences → ClaimReview):\n\n{listing(export.problems)}"
        )
    QMessageBox.warning(parent, TITLE, text)
