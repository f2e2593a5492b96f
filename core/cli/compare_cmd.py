"""``factdiff compare A B``: compare two article files without the window.

Text goes to a terminal (two columns, changes marked); JSON is the documented
format of docs/comparison-format.md for scripts. ``-o`` writes through a
temporary file in the same folder and renames it, so an interrupted run never
leaves a half-written report behind.
"""

from __future__ import annotations

import argparse
import json
import shutil

from core.cli.output import add_format_argument, write_output


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "compare",
        help="compare two articles side by side",
        description="Align two articles about the same event and show where they differ.",
    )
    parser.add_argument("a", metavar="A", help="first article (.txt, .md, .html)")
    parser.add_argument("b", metavar="B", help="second article (.txt, .md, .html)")
    add_format_argument(parser)
    parser.add_argument(
        "--all",
        action="store_true",
        help="list every discrepancy found, before the budget of 20 per 1,000 words",
    )
    parser.add_argument("-o", "--output", metavar="FILE", help="write to FILE instead of stdout")
    parser.set_defaults(handler=run)


def _render(args: argparse.Namespace) -> str:
    from core.ingest.load import load_article

    # Both files are read before the engine (scipy) is imported, so bad input fails fast.
    article_a, article_b = load_article(args.a), load_article(args.b)
    from core.compare import compare
    from core.comparison_format import comparison_to_dict

    comparison = compare(article_a, article_b, capped=not args.all)
    if args.format == "json":
        return json.dumps(comparison_to_dict(comparison), ensure_ascii=False, indent=2) + "\n"
    from core.cli.side_by_side import render_text

    width = shutil.get_terminal_size((100, 24)).columns if args.output is None else 100
    return render_text(comparison, width)


def run(args: argparse.Namespace) -> int:
    write_output(_render(args), args.output)
    return 0
