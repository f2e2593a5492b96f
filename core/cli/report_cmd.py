"""``factdiff report PROJECT``: the discrepancy report in HTML, Markdown, PDF, CSV or JSON.

``--format claimreview`` writes confirmed discrepancies with a verdict as
schema.org ClaimReview JSON-LD instead (docs/claimreview.md); items that lack
a required field are named on stderr, one line each, and left out.

Read-only on the project. Text formats go to stdout unless ``-o`` is given;
PDF is binary and needs ``-o``. PDF rendering uses Qt, imported only here and
only for PDF, on the offscreen platform when there is no display.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from core.errors import FactDiffError
from core.model import KINDS, SEVERITIES
from core.report.options import (
    CLAIMREVIEW,
    DEFAULT_STATUSES,
    FORMATS,
    ORDERS,
    PAGE_SIZES,
    ReportOptions,
)
from core.store.records import STATUSES


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser(
        "report",
        help="write the discrepancy report of a project",
        description="Write the discrepancy report of a project: what was compared, what "
        "diverges and what reviewers concluded.",
    )
    p.add_argument("project", metavar="PROJECT", help="a .factdiff project file")
    p.add_argument(
        "--format",
        choices=(*FORMATS, CLAIMREVIEW),
        default=None,
        help="output format (default: from the -o file's ending, else html)",
    )
    p.add_argument(
        "-o", "--output", metavar="FILE", help="write here (default: stdout; required for pdf)"
    )
    p.add_argument(
        "--status", action="append", choices=STATUSES, metavar="STATUS",
        help=f"include this status (repeatable; {', '.join(STATUSES)}; "
        f"default: {', '.join(DEFAULT_STATUSES)})",
    )  # fmt: skip
    p.add_argument(
        "--kind", action="append", choices=KINDS, metavar="KIND",
        help=f"include this kind (repeatable; {', '.join(KINDS)}; default: all)",
    )  # fmt: skip
    p.add_argument("--min-severity", choices=SEVERITIES, default="low",
                   help="leave out anything less severe (default: low)")  # fmt: skip
    scope = p.add_mutually_exclusive_group()
    scope.add_argument("--pair", type=int, metavar="ID", help="only this pair")
    scope.add_argument("--event", type=int, metavar="ID", help="only the pairs of this event")
    p.add_argument("--order", choices=ORDERS, default="severity",
                   help="severity: most severe first; reading: in article order (default: severity)")  # fmt: skip
    p.add_argument(
        "--page-size", choices=PAGE_SIZES, default="a4", help="PDF paper size (default: a4)"
    )
    p.add_argument(
        "--bom", action="store_true", help="start CSV with a UTF-8 byte order mark (for Excel)"
    )
    claim = p.add_argument_group("ClaimReview (--format claimreview)")
    claim.add_argument("--organization", metavar="NAME",
                       help="the fact-checking organisation (default: from the preferences)")
    claim.add_argument("--organization-url", metavar="URL",
                       help="its web site (default: from the preferences)")
    claim.add_argument("--review-url", metavar="URL",
                       help="where the reviews will be published; {id} becomes the "
                       "discrepancy's id (default: from the preferences)")
    claim.add_argument("--ratings", metavar="FILE",
                       help="a claimreview.json settings file to use instead of the preferences")
    p.set_defaults(handler=run)


def options_from_args(args: argparse.Namespace) -> ReportOptions:
    return ReportOptions(
        event_id=args.event,
        pair_id=args.pair,
        statuses=tuple(args.status) if args.status else DEFAULT_STATUSES,
        kinds=tuple(args.kind) if args.kind else KINDS,
        min_severity=args.min_severity,
        order=args.order,
    )


#: ``-o`` endings that name a format when ``--format`` is not given.
_ENDINGS = {".html": "html", ".htm": "html", ".md": "md", ".markdown": "md", ".pdf": "pdf",
            ".csv": "csv", ".json": "json", ".jsonld": CLAIMREVIEW}  # fmt: skip


def _format_of(output: str | None) -> str:
    return _ENDINGS.get(Path(output).suffix.lower(), "html") if output else "html"


def run(args: argparse.Namespace) -> int:
    # The store (sqlite-utils) and the renderers load only when a report is made.
    from core.report.collect import build_report
    from core.report.export import export_report, render_text
    from core.store import Project

    args.format = args.format or _format_of(args.output)
    if args.format == "pdf" and not args.output:
        raise FactDiffError("PDF output needs a file: add -o FILE.pdf")
    options = options_from_args(args)
    path = Path(args.project)
    if not path.is_file():
        raise FactDiffError(f"no such project file: {path}")
    with Project.open(path, readonly=True) as project:
        data = build_report(project, options)
    if args.format == CLAIMREVIEW:
        return _claimreview(data, args)
    if args.output:
        export_report(data, args.format, args.output, page_size=args.page_size, bom=args.bom)
        return 0
    sys.stdout.write(render_text(data, args.format, bom=args.bom))
    sys.stdout.flush()
    return 0


def claimreview_config(args: argparse.Namespace):
    """The preferences' ClaimReview settings (or ``--ratings FILE``), overridden by options."""
    from dataclasses import replace

    from core.report.claimreview_config import load_config

    config = load_config(Path(args.ratings) if args.ratings else None)
    changes = {
        field: " ".join(value.split())
        for field, value in (
            ("organization", args.organization),
            ("organization_url", args.organization_url),
            ("review_url", args.review_url),
        )
        if value is not None
    }
    return replace(config, **changes)


def _claimreview(data, args: argparse.Namespace) -> int:
    from core.report.claimreview import (
        NothingValidError,
        build_claimreviews,
        render_claimreview,
    )
    from core.report.export import export_claimreview

    config = claimreview_config(args)
    try:
        if args.output:
            export = export_claimreview(data, args.output, config)
        else:
            export = build_claimreviews(data, config)
            text = render_claimreview(export)
    except NothingValidError as exc:
        _print_skipped(exc.problems)
        raise
    _print_skipped(export.problems)
    if not args.output:
        sys.stdout.write(text)
        sys.stdout.flush()
    print(
        f"factdiff: {len(export.reviews)} ClaimReview objects written, "
        f"{len(export.problems)} left out",
        file=sys.stderr,
    )
    return 0


def _print_skipped(problems: tuple[str, ...]) -> None:
    for line in problems:
        print(f"factdiff: left out {line}", file=sys.stderr)
