"""Decide what a path is before SQLite ever writes to it.

``sqlite3.connect`` happily turns an empty or missing file into a new database,
so every check here reads the file with plain ``open()`` or through a
read-only SQLite connection: a file that is not a FactDiff project is never
modified by trying to open it.
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path
from typing import NamedTuple
from urllib.parse import quote

from core.errors import ProjectError
from core.store.migrations import MIGRATIONS
from core.store.schema import APP_NAME, APPLICATION_ID, SCHEMA_VERSION

SQLITE_MAGIC = b"SQLite format 3\x00"
HEADER_SIZE = 100
#: Bigger files skip the open-time check (it reads every page: ~1 s per 200 MB);
#: damage found later is still reported as such.
QUICK_CHECK_MAX_BYTES = 256 * 2**20


class FileCheck(NamedTuple):
    """What opening found: the file's schema version and why it must stay read-only."""

    schema_version: int
    readonly_reason: str  # "" when the file can be written


def check_project_file(path: Path) -> FileCheck:
    """Raise ProjectError with a one-line reason unless ``path`` is a FactDiff project."""
    header = _read_header(path)
    _check_header(path, header)
    version = read_schema_version(path)
    if version < 1 or (version < SCHEMA_VERSION and version not in MIGRATIONS):
        raise ProjectError(_unreadable(path, str(version)))
    if version > SCHEMA_VERSION:
        raise ProjectError(
            f"{path.name} was made by a newer FactDiff (project schema {version}; "
            f"this version reads up to {SCHEMA_VERSION}); please upgrade FactDiff"
        )
    return FileCheck(version, readonly_reason(path))


def _read_header(path: Path) -> bytes:
    if not path.exists():
        raise ProjectError(f"no such project file: {path}")
    if path.is_dir():
        raise ProjectError(f"{path} is a folder, not a FactDiff project")
    try:
        with path.open("rb") as handle:
            return handle.read(HEADER_SIZE)
    except PermissionError:
        raise ProjectError(f"cannot read {path.name}: permission denied") from None
    except OSError as exc:
        raise ProjectError(f"cannot read {path.name}: {exc.strerror or exc}") from None


def _check_header(path: Path, header: bytes) -> None:
    if not header:
        raise ProjectError(f"{path.name} is empty, not a FactDiff project")
    if not header.startswith(SQLITE_MAGIC):
        raise ProjectError(f"{path.name} is not a FactDiff project (not a SQLite database)")
    if len(header) < HEADER_SIZE:
        raise ProjectError(f"{path.name} is damaged: the file is truncated")
    expected = _expected_size(header)
    if expected and not has_wal(path) and path.stat().st_size < expected:
        raise ProjectError(f"{path.name} is damaged: the file is truncated")


def _expected_size(header: bytes) -> int:
    """The size the SQLite header promises, or 0 when the header does not say."""
    page_size = int.from_bytes(header[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    pages = int.from_bytes(header[28:32], "big")
    change_counter = header[24:28]
    valid_for = header[92:96]
    if change_counter != valid_for or page_size < 512:
        return 0
    return page_size * pages


def file_uri(path: Path) -> str:
    """SQLite's ``file:`` URI for ``path``, also when its name is not valid UTF-8."""
    resolved = path.resolve()
    if os.name == "nt":  # pragma: no cover - Windows names are always Unicode
        return resolved.as_uri()
    return "file:" + quote(os.fsencode(resolved), safe="/")


def readonly_connect(path: Path) -> sqlite3.Connection:
    """Open without any right to write, and without leaving anything beside the file.

    A WAL-mode file opened read-only the ordinary way gets empty ``-wal`` and
    ``-shm`` side files that outlive the connection (and, made beside a
    write-protected file, are write-protected too, which breaks later writes).
    When there is no ``-wal`` (every change is in the file itself) the file
    is read as ``immutable``, which creates nothing; with a ``-wal`` present
    (a writer is at work, or crashed) its side files exist already.
    """
    uri = file_uri(path)
    if not has_wal(path):
        return _immutable(uri)
    try:
        conn = sqlite3.connect(f"{uri}?mode=ro", uri=True, check_same_thread=False)
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        return conn
    except sqlite3.DatabaseError as exc:
        if "unable to open" not in str(exc) and "readonly" not in str(exc):
            raise
    # A WAL file needs its -shm side file; in a folder we may not write to,
    # the only way to read it is to promise SQLite nothing else writes.
    return _immutable(uri)


def _immutable(uri: str) -> sqlite3.Connection:
    conn = sqlite3.connect(f"{uri}?immutable=1", uri=True, check_same_thread=False)
    conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    return conn


def has_wal(path: Path) -> bool:
    """Whether a write-ahead log lies beside the file (changes not yet folded into it)."""
    return os.path.lexists(f"{path}-wal")


def read_schema_version(path: Path) -> int:
    """Read the marks a FactDiff file carries: application id, meta table, schema version."""
    try:
        conn = readonly_connect(path)
    except sqlite3.DatabaseError as exc:
        raise ProjectError(f"{path.name} is damaged or not a FactDiff project ({exc})") from None
    try:
        version = _schema_version(conn, path)
        _quick_check(conn, path)
        return version
    except sqlite3.DatabaseError as exc:
        raise ProjectError(f"{path.name} is damaged ({exc})") from None
    finally:
        conn.close()


def _schema_version(conn: sqlite3.Connection, path: Path) -> int:
    not_ours = ProjectError(
        f"{path.name} is a SQLite database of another application, not a FactDiff project"
    )
    (app_id,) = conn.execute("PRAGMA application_id").fetchone()
    has_meta = conn.execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'meta'"
    ).fetchone()
    if app_id != APPLICATION_ID or not has_meta:
        raise not_ours
    rows = dict(conn.execute("SELECT key, value FROM meta WHERE key IN ('app', 'schema_version')"))
    if rows.get("app") != APP_NAME:
        raise not_ours
    try:
        return int(rows["schema_version"])
    except KeyError:
        raise ProjectError(f"{path.name} is damaged: it records no schema version") from None
    except ValueError:
        raise ProjectError(_unreadable(path, str(rows["schema_version"]))) from None


def _unreadable(path: Path, version: str) -> str:
    return (
        f"{path.name} is not a FactDiff project this version can read "
        f"(unknown project schema {version[:20]!r})"
    )


def _quick_check(conn: sqlite3.Connection, path: Path) -> None:
    """Find damage now, before the user starts working on a file that will fail later."""
    if path.stat().st_size > QUICK_CHECK_MAX_BYTES:
        return
    problems = [row[0] for row in conn.execute("PRAGMA quick_check(3)").fetchall()]
    if problems != ["ok"]:
        raise ProjectError(f"{path.name} is damaged ({problems[0]})")


def readonly_reason(path: Path) -> str:
    """Why this process cannot write the project, or "" if it can."""
    if not os.access(path, os.W_OK):
        return "the file is write-protected"
    if not os.access(path.parent, os.W_OK):
        return "its folder is write-protected"
    return ""
