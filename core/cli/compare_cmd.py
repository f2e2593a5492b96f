"""``factdiff compare A B``: compare two article files without the window.

Text goes to a terminal (two columns, changes marked); JSON is the documented
format of docs/comparison-format.md for scripts. ``-o`` writes through a
temporary file in the same folder and renames it, so an interrupted run never
leaves a half-written report behind.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
import tempfile
from pathlib import Path

from core.errors import FactDiffError


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "compare",
        help="compare two articles side by side",
        description="Align two articles about the same event and show where they differ.",
    )
    parser.add_argument("a", metavar="A", help="first article (.txt, .md, .html)")
    parser.add_argument("b", metavar="B", help="second article (.txt, .md, .html)")
    parser.add_argument(
        "--format", choices=("text", "json"), default="text", help="output format (default: text)"
    )
    parser.add_argument("-o", "--output", metavar="FILE", help="write to FILE instead of stdout")
    parser.set_defaults(handler=run)


def _render(args: argparse.Namespace) -> str:
    from core.ingest import load_article

    # Both files are read before the engine (scipy) is imported, so bad input fails fast.
    article_a, article_b = load_article(args.a), load_article(args.b)
    from core.compare import compare
    from core.comparison_format import comparison_to_dict

    comparison = compare(article_a, article_b)
    if args.format == "json":
        return json.dumps(comparison_to_dict(comparison), ensure_ascii=False, indent=2) + "\n"
    from core.cli.side_by_side import render_text

    width = shutil.get_terminal_size((100, 24)).columns if args.output is None else 100
    return render_text(comparison, width)


def write_atomically(path: str, content: str) -> None:
    """Write ``content`` to ``path`` via a temporary sibling and a rename."""
    target = Path(path)
    if target.is_dir():
        raise FactDiffError(f"{path}: is a folder, not a file")
    folder = target.parent if str(target.parent) else Path(".")
    if not folder.is_dir():
        raise FactDiffError(f"{path}: folder {folder} does not exist")
    try:
        fd, temp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
    except OSError as exc:
        raise FactDiffError(f"{path}: cannot write here ({exc.strerror})") from None
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(content)
        os.replace(temp, target)
    except OSError as exc:
        Path(temp).unlink(missing_ok=True)
        raise FactDiffError(f"{path}: cannot write ({exc.strerror})") from None
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise


def run(args: argparse.Namespace) -> int:
    content = _render(args)
    if args.output:
        write_atomically(args.output, content)
    else:
        sys.stdout.write(content)
    return 0
