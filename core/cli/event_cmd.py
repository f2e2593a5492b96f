"""``factdiff event PROJECT``: the fact table of each event of a project.

Read-only on the project. Without ``--event`` every event of three or more
articles is printed (a pair's comparison already says what two articles
differ on); ``--event N`` prints that event's table whatever its size.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from core.cli.output import add_format_argument, write_output
from core.errors import FactDiffError

FORMATS = ("text", "md", "json")


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser(
        "event",
        help="print the fact table of a project's events",
        description="Print each event's fact table: the facts its articles report (figures, "
        "days, times, quotes, credits) against the articles, disagreeing rows first.",
    )
    p.add_argument("project", metavar="PROJECT", help="a .factdiff project file")
    p.add_argument("--event", type=int, metavar="N", help="only this event")
    add_format_argument(p, FORMATS)
    p.add_argument("-o", "--output", metavar="FILE", help="write here (default: stdout)")
    p.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from core.events.fact_table import MIN_ARTICLES
    from core.events.fact_table.render import render_text, tables_to_dict
    from core.report.fact_tables import tables_markdown
    from core.store import Project

    path = Path(args.project)
    if not path.is_file():
        raise FactDiffError(f"no such project file: {path}")
    with Project.open(path, readonly=True) as project:
        events = project.events()
        if args.event is not None:
            if not any(e.id == args.event for e in events):
                raise FactDiffError(f"no event {args.event} in this project")
            chosen = [args.event]
        else:
            chosen = [e.id for e in events if len(e.article_ids) >= MIN_ARTICLES]
        tables = [project.event_table(event_id) for event_id in chosen]
        name = project.name
    if args.format == "json":
        content = json.dumps(tables_to_dict(name, tables), ensure_ascii=False, indent=2) + "\n"
    elif args.format == "md":
        content = tables_markdown(tables)
    else:
        content = render_text(tables)
    write_output(content, args.output)
    return 0
