"""The headless command line: ``factdiff COMMAND …``.

Each command lives in its own module exposing ``register(subparsers)``; the
command's handler returns an exit code. Errors the user can fix
(:class:`core.errors.FactDiffError`) become one line on stderr and exit 2, never
a traceback.

May import: every part of core.
"""

from __future__ import annotations

import argparse
import codecs
import contextlib
import importlib
import sys
from collections.abc import Sequence

from core import __version__
from core.errors import FactDiffError
from core.safe_text import displayable

COMMAND_MODULES = (
    "core.cli.compare_cmd",
    "core.cli.facts_cmd",
    "core.cli.cluster_cmd",
    "core.cli.project_cmd",
    "core.cli.report_cmd",
    "core.cli.event_cmd",
    "core.cli.gui_cmd",
)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="factdiff",
        description="Compare news articles that report the same event.",
    )
    parser.add_argument("--version", action="version", version=f"factdiff {__version__}")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMAND_MODULES:
        try:
            module = importlib.import_module(name)
        except ModuleNotFoundError as exc:
            if exc.name != name:
                raise
            continue
        module.register(subparsers)
    return parser


def _replace_unprintable(error: UnicodeError) -> tuple[bytes, int]:
    """Print what cannot be encoded (an undecodable file name) as U+FFFD, or "?" if need be."""
    if not isinstance(error, UnicodeEncodeError):
        raise error
    try:
        mark = "\ufffd".encode(error.encoding)
    except (UnicodeError, LookupError):
        mark = b"?"
    return mark * (error.end - error.start), error.end


codecs.register_error("factdiff-display", _replace_unprintable)


def _printable_streams() -> None:
    """A file name that is not valid UTF-8 must never turn printing into a traceback."""
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(AttributeError, ValueError):
            stream.reconfigure(errors="factdiff-display")


def main(argv: Sequence[str] | None = None) -> int:
    _printable_streams()
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "handler", None):
        parser.print_help(sys.stderr)
        return 2
    try:
        return int(args.handler(args) or 0)
    except FactDiffError as exc:
        print(f"factdiff: error: {_one_line(str(exc))}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("factdiff: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
    except OSError as exc:
        message = f"{exc.strerror or exc}: {exc.filename or ''}".rstrip(": ")
        print(f"factdiff: error: {_one_line(message)}", file=sys.stderr)
        return 2


def _one_line(message: str) -> str:
    """An error as one printable line, whatever bytes a file name carried."""
    return " ".join(displayable(message).split())


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
