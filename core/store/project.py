"""The ``.factdiff`` project file: create, open (checked, locked, migrated), close.

Opening never writes to a file until it is known to be a FactDiff project of a
schema this version understands; a project that cannot be written (protected
file or folder, or asked for read-only) opens read-only and says why.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
from collections.abc import Callable, Iterable
from pathlib import Path
from types import TracebackType

import core
from core.errors import ProjectError
from core.safe_text import displayable
from core.store.base import now_iso
from core.store.file_check import check_project_file, file_uri, has_wal, readonly_connect
from core.store.importer import import_files
from core.store.lock import ProjectLock
from core.store.migrations import create_schema, migrate
from core.store.records import ImportReport, ProjectStatus
from core.store.revision_store import RevisionStore
from core.store.schema import SCHEMA_V5, SCHEMA_VERSION
from core.store.status import project_status

SUFFIX = ".factdiff"
_BUSY_TIMEOUT_MS = 5000
#: A read-only project up to this size is read into memory once, so that it
#: leaves no side files and a writer starting later cannot change it under us;
#: bigger ones are read in place (SQLite then leaves empty -wal/-shm files).
SNAPSHOT_MAX_BYTES = 256 * 2**20


class Project(RevisionStore):
    """One open project file. Safe to share between threads; close it when done."""

    # -- lifecycle ----------------------------------------------------------

    @classmethod
    def create(cls, path: str | os.PathLike[str], name: str | None = None) -> Project:
        """Make a new, empty project file; refuses to overwrite anything."""
        path = Path(path)
        if path.exists() or path.is_symlink():
            raise ProjectError(f"{path.name} already exists")
        if not path.parent.is_dir():
            raise ProjectError(f"no such folder: {path.parent}")
        lock = _acquire(path)
        try:
            conn = _connect_writable(path, create=True)
        except BaseException:
            lock.release()
            raise
        try:
            conn.execute("BEGIN")
            create_schema(conn, SCHEMA_V5, SCHEMA_VERSION)
            _set_meta(conn, name=_clean_name(name) or path.stem, created=now_iso())
            _set_meta(conn, engine_version_created=core.ENGINE_VERSION)
            conn.execute("COMMIT")
        except sqlite3.DatabaseError as exc:
            conn.close()
            lock.release()
            _remove_new_file(path)
            raise ProjectError(f"cannot create {path.name}: {exc}") from None
        return cls(path, conn, readonly_reason="", schema_version=SCHEMA_VERSION, lock=lock)

    @classmethod
    def open(cls, path: str | os.PathLike[str], readonly: bool = False) -> Project:
        """Open an existing project for writing (locked) or read-only.

        Raises ProjectError (one line naming the problem) for anything that is
        not a FactDiff project, ProjectLockedError if another process writes it.
        """
        path = Path(path)
        check = check_project_file(path)
        reason = "opened read-only" if readonly else check.readonly_reason
        if reason:
            conn = _connect_readonly(path, check.schema_version)
            return cls(path, conn, readonly_reason=reason, schema_version=SCHEMA_VERSION, lock=None)
        lock = _acquire(path)
        try:
            conn = _connect_writable(path, create=False)
            if check.schema_version < SCHEMA_VERSION:
                _upgrade(conn, path, check.schema_version)
        except BaseException:
            lock.release()
            raise
        return cls(path, conn, readonly_reason="", schema_version=SCHEMA_VERSION, lock=lock)

    def close(self) -> None:
        """Close the file (folding the write-ahead log into it) and release the lock."""
        with self._mutex:
            if self._closed:
                return
            self._closed = True
            with contextlib.suppress(sqlite3.Error):
                if not self.readonly:
                    self._conn.execute("PRAGMA optimize")
            self._conn.close()
            if self._lock is not None:
                self._lock.release()

    def __del__(self) -> None:
        # A project dropped without close() must not keep others locked out.
        with contextlib.suppress(Exception):
            self.close()

    def __enter__(self) -> Project:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def __repr__(self) -> str:
        mode = "read-only" if self.readonly else "writable"
        return f"<Project {self.path.name!r} {mode}{' closed' if self._closed else ''}>"

    # -- metadata -----------------------------------------------------------

    def meta(self) -> dict[str, str]:
        with self._reading() as conn:
            return dict(conn.execute("SELECT key, value FROM meta").fetchall())

    @property
    def name(self) -> str:
        return self.meta().get("name", self.path.stem)

    @name.setter
    def name(self, value: str) -> None:
        cleaned = _clean_name(value)
        if not cleaned:
            raise ProjectError("the project name cannot be empty")
        with self._writing() as conn:
            _set_meta(conn, name=cleaned)

    @property
    def created(self) -> str:
        return self.meta().get("created", "")

    def status(self) -> ProjectStatus:
        with self._reading() as conn:
            return project_status(conn, self.name, self.schema_version)

    def check_integrity(self) -> list[str]:
        """SQLite's full integrity check; an empty list means the file is sound."""
        with self._reading() as conn:
            rows = [row[0] for row in conn.execute("PRAGMA integrity_check").fetchall()]
            rows += [str(row) for row in conn.execute("PRAGMA foreign_key_check").fetchall()]
        return [] if rows == ["ok"] else [r for r in rows if r != "ok"]

    # -- import -------------------------------------------------------------

    def import_files(
        self,
        paths: Iterable[str | os.PathLike[str]],
        progress: Callable[[int, int, str], None] | None = None,
        cancelled: Callable[[], bool] | None = None,
    ) -> ImportReport:
        """Import files and folders (.txt, .md, .html, .htm inside folders), file by file."""
        self._require_writable()
        self._check_open()
        return import_files(self, paths, progress, cancelled)


def _acquire(path: Path) -> ProjectLock:
    lock = ProjectLock(path)
    try:
        lock.acquire()
    except PermissionError:
        raise ProjectError(f"cannot lock {path.name}: its folder is write-protected") from None
    except OSError as exc:
        raise ProjectError(f"cannot lock {path.name}: {exc.strerror or exc}") from None
    return lock


def _configure(conn: sqlite3.Connection) -> None:
    conn.execute(f"PRAGMA busy_timeout = {_BUSY_TIMEOUT_MS}")
    conn.execute("PRAGMA foreign_keys = ON")


def _connect_writable(path: Path, *, create: bool) -> sqlite3.Connection:
    """WAL plus synchronous=NORMAL: a killed process never loses a committed change."""
    try:
        uri = f"{file_uri(path)}?mode={'rwc' if create else 'rw'}"
        conn = sqlite3.connect(uri, uri=True, check_same_thread=False)
        _configure(conn)
        mode = conn.execute("PRAGMA journal_mode = WAL").fetchone()[0]
        conn.execute("PRAGMA synchronous = NORMAL")
    except sqlite3.DatabaseError as exc:
        raise ProjectError(f"cannot open {path.name} for writing ({exc})") from None
    if str(mode).lower() != "wal":
        conn.close()
        raise ProjectError(f"cannot open {path.name} for writing: its folder does not allow it")
    return conn


def _connect_readonly(path: Path, version: int) -> sqlite3.Connection:
    """A read-only connection; an older schema is upgraded in a private in-memory copy."""
    try:
        conn = readonly_connect(path)
        if version < SCHEMA_VERSION:
            conn = _upgraded_copy(conn, version)
        elif not has_wal(path):
            conn = _snapshot_or_shared(conn, path)
        _configure(conn)
        conn.execute("PRAGMA query_only = ON")
    except sqlite3.DatabaseError as exc:
        raise ProjectError(f"cannot read {path.name} ({exc})") from None
    return conn


def _snapshot_or_shared(conn: sqlite3.Connection, path: Path) -> sqlite3.Connection:
    """An immutable connection must not live on: copy the file into memory, or reopen it."""
    if path.stat().st_size <= SNAPSHOT_MAX_BYTES:
        copy = sqlite3.connect(":memory:", check_same_thread=False)
        conn.backup(copy)
        conn.close()
        return copy
    conn.close()
    shared = sqlite3.connect(f"{file_uri(path)}?mode=ro", uri=True, check_same_thread=False)
    shared.execute("SELECT count(*) FROM sqlite_master").fetchone()
    return shared


def _upgraded_copy(conn: sqlite3.Connection, version: int) -> sqlite3.Connection:
    copy = sqlite3.connect(":memory:", check_same_thread=False)
    conn.backup(copy)
    conn.close()
    with copy:
        migrate(copy, version, SCHEMA_VERSION)
    return copy


def _upgrade(conn: sqlite3.Connection, path: Path, version: int) -> None:
    """Keep a copy of the file as it was, then migrate it in one transaction."""
    backup = _free_name(path.with_name(f"{path.name}.v{version}.bak"))
    try:
        with contextlib.closing(sqlite3.connect(os.fsencode(backup))) as target:
            conn.backup(target)
        conn.execute("BEGIN IMMEDIATE")
        migrate(conn, version, SCHEMA_VERSION)
        conn.execute("COMMIT")
    except (sqlite3.DatabaseError, KeyError) as exc:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        conn.close()
        _remove_new_file(backup)  # the file is unchanged: a copy of it would only pile up
        raise ProjectError(f"cannot upgrade {path.name} from schema {version} ({exc})") from None


def _free_name(path: Path) -> Path:
    candidate, number = path, 1
    while candidate.exists():
        number += 1
        candidate = path.with_name(f"{path.name}.{number}")
    return candidate


def _set_meta(conn: sqlite3.Connection, **values: str) -> None:
    conn.executemany("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)", list(values.items()))


def _clean_name(name: str | None) -> str:
    return " ".join(displayable(str(name or "")).split())


def _remove_new_file(path: Path) -> None:
    for leftover in (path, Path(f"{path}-wal"), Path(f"{path}-shm")):
        with contextlib.suppress(OSError):
            leftover.unlink()
