"""Replace a file only once its new content is complete.

Shared by every writer of user files (the CLI's ``-o``, the report export), so
an interrupted run never leaves half a file where the old one was, and every
such file gets the same permissions as one written with plain ``open``.
"""

from __future__ import annotations

import os
import stat
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from core.errors import FactDiffError


def check_replaceable(target: Path) -> None:
    """Refuse a target that exists and is not a regular file (a device, FIFO, socket).

    Renaming over ``/dev/full`` as root would replace the device node itself.
    """
    try:
        info = os.stat(target)
    except FileNotFoundError:
        return
    except OSError:
        return  # a dangling or looping link: the rename replaces the link only
    if not stat.S_ISREG(info.st_mode):
        kind = "a folder" if stat.S_ISDIR(info.st_mode) else "not a regular file"
        raise FactDiffError(
            f"{target}: {kind}; output is written only to regular files or new paths"
        )


@contextmanager
def replacing(target: Path) -> Iterator[Path]:
    """A temporary file next to ``target`` that replaces it only if the block succeeds."""
    check_replaceable(target)
    fd, name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    os.close(fd)
    tmp = Path(name)
    try:
        yield tmp
        os.chmod(tmp, 0o666 & ~_umask())
        os.replace(tmp, target)
    finally:
        tmp.unlink(missing_ok=True)


def _umask() -> int:
    """The process umask (read by setting it and putting it back)."""
    mask = os.umask(0)
    os.umask(mask)
    return mask
