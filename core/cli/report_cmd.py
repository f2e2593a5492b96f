"""``factdiff report PROJECT``: the discrepancy report in HTML, Markdown, PDF, CSV or JSON.

Read-only on the project. Text formats go to stdout unless ``-o`` is given;
PDF is binary and needs ``-o``. PDF rendering uses Qt, imported only here and
only for PDF, on the offscreen platform when there is no display.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from core.cli.output import add_format_argument
from core.errors import FactDiffError
from core.model import KINDS, SEVERITIES
from core.report.options import (
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
    add_format_argument(p, FORMATS, default="html")
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


def run(args: argparse.Namespace) -> int:
    # The store (sqlite-utils) and the renderers load only when a report is made.
    from core.report.collect import build_report
    from core.report.export import export_report, render_text
    from core.store import Project

    if args.format == "pdf" and not args.output:
        raise FactDiffError("PDF output needs a file: add -o FILE.pdf")
    options = options_from_args(args)
    path = Path(args.project)
    if not path.is_file():
        raise FactDiffError(f"no such project file: {path}")
    with Project.open(path, readonly=True) as project:
        data = build_report(project, options)
    if args.output:
        export_report(data, args.format, args.output, page_size=args.page_size, bom=args.bom)
        return 0
    sys.stdout.write(render_text(data, args.format, bom=args.bom))
    sys.stdout.flush()
    return 0
