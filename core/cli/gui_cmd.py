"""``factdiff gui [PROJECT] [--demo] [--screenshot FILE.png [--size WxH]]``: open the window.

The window comes from the installed front end (``core.plugins``, the
``factdiff.frontends`` entry point), looked up only inside the handler, so
``factdiff compare`` and friends start fast and work where PySide6 or the
front end is missing; here a missing front end is one line and exit 2. A project that cannot be opened
is reported here, as one line on stderr, before any window appears.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from core import plugins
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
        help="lay the window out (1400×900 unless --size) with the first pair open, "
        "save it as PNG and exit",
    )
    parser.add_argument(
        "--size",
        metavar="WxH",
        type=_size,
        help="window size for --screenshot, e.g. 1280x800",
    )
    parser.set_defaults(handler=run)


def _size(text: str) -> tuple[int, int]:
    """ "1280x800" (or 1280×800) → (1280, 800); argparse turns a ValueError into one line."""
    width, _, height = text.lower().replace("×", "x").partition("x")
    size = (int(width), int(height))
    if not all(320 <= side <= 8000 for side in size):
        raise ValueError(text)
    return size


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
    if args.size and not args.screenshot:
        raise FactDiffError("--size applies to --screenshot only")
    run_window = plugins.window_runner()
    return run_window(project=project, demo=args.demo, screenshot=args.screenshot,
                      size=args.size)
