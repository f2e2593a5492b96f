"""``factdiff gui [PROJECT] [--demo] [--screenshot FILE.png]``: open the window.

Qt is imported only inside the handler, so ``factdiff compare`` and friends
start fast and work where PySide6 is missing. A project that cannot be opened
is reported here, as one line on stderr, before any window appears.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from core.errors import FactDiffError


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "gui",
        help="open the desktop window",
        description="Open the side-by-side window on a project (the demo project on first start).",
    )
    parser.add_argument(
        "project", metavar="PROJECT", nargs="?", help="a .factdiff project file to open"
    )
    parser.add_argument("--demo", action="store_true", help="open the bundled demo project")
    parser.add_argument(
        "--screenshot",
        metavar="FILE.png",
        help="lay the window out at 1400×900 with the first pair open, save it as PNG and exit",
    )
    parser.set_defaults(handler=run)


def check_project(path: str) -> Path:
    """Fail early, with one line, on a path that is not a readable project."""
    from core.store import Project

    project_path = Path(path)
    if not project_path.exists():
        raise FactDiffError(f"no such project: {path}")
    Project.open(project_path, readonly=True).close()
    return project_path


def run(args: argparse.Namespace) -> int:
    if args.project and args.demo:
        raise FactDiffError("give either PROJECT or --demo, not both")
    project = check_project(args.project) if args.project else None
    if args.screenshot and Path(args.screenshot).suffix.lower() != ".png":
        raise FactDiffError(f"the screenshot must be a .png file: {args.screenshot}")
    from gui.app import run as run_window

    return run_window(project=project, demo=args.demo, screenshot=args.screenshot)
