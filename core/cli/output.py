"""Where a command's output goes and in which format: the plumbing every command shares.

One ``--format`` option and one way to write ``-o FILE`` (through
:func:`core.atomic_file.replacing`), so every command words its options and its
write errors alike. Light on imports: ``build_parser`` loads this for every run.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from core.atomic_file import check_replaceable, replacing
from core.errors import FactDiffError

TEXT_OR_JSON = ("text", "json")


def add_format_argument(
    parser: argparse.ArgumentParser,
    choices: Sequence[str] = TEXT_OR_JSON,
    default: str = "text",
) -> None:
    """The ``--format`` option, with the same wording in every command's help."""
    parser.add_argument(
        "--format",
        choices=choices,
        default=default,
        help=f"output format (default: {default})",
    )


def write_output(content: str, output: str | None) -> None:
    """``content`` to the file ``output`` (atomically), or to stdout when there is none."""
    if output:
        write_atomically(output, content)
    else:
        sys.stdout.write(content)


def write_atomically(path: str, content: str) -> None:
    """Write ``content`` to ``path`` via a temporary sibling and a rename."""
    target = Path(path)
    if target.is_dir():
        raise FactDiffError(f"{path}: is a folder, not a file")
    if not target.parent.is_dir():
        raise FactDiffError(f"{path}: folder {target.parent} does not exist")
    check_replaceable(target)
    written = False
    try:
        with replacing(target) as temp:
            written = True
            temp.write_text(content, encoding="utf-8", newline="\n")
    except OSError as exc:
        reason = "cannot write" if written else "cannot write here"
        raise FactDiffError(f"{path}: {reason} ({exc.strerror})") from None
