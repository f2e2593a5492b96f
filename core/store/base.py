"""The connection every part of a Project shares, and the rules for using it.

One SQLite connection serves all threads (the window imports and compares in a
worker thread), so every access goes through ``_reading()`` or ``_writing()``,
which hold one re-entrant lock. ``_writing()`` is also the single place where
a change becomes one transaction and where a read-only project refuses to
change at all.
"""

from __future__ import annotations

import contextlib
import sqlite3
import threading
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import sqlite_utils

from core.errors import ProjectError
from core.store.lock import ProjectLock


def now_iso() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


class ProjectBase:
    """State and access rules shared by the article, pair and annotation parts."""

    def __init__(
        self,
        path: Path,
        conn: sqlite3.Connection,
        *,
        readonly_reason: str,
        schema_version: int,
        lock: ProjectLock | None,
    ) -> None:
        self.path = path
        self.readonly_reason = readonly_reason
        self.schema_version = schema_version
        self._db = sqlite_utils.Database(conn, execute_plugins=False)
        self._conn = conn
        self._lock = lock
        self._mutex = threading.RLock()
        self._closed = False
        self._session_reviewer = ""  # a name set while read-only lives only this long

    @property
    def readonly(self) -> bool:
        return bool(self.readonly_reason)

    @contextlib.contextmanager
    def _reading(self) -> Iterator[sqlite3.Connection]:
        with self._mutex:
            self._check_open()
            try:
                yield self._conn
            except sqlite3.DatabaseError as exc:
                raise self._storage_error(exc) from None

    @contextlib.contextmanager
    def _writing(self) -> Iterator[sqlite3.Connection]:
        """One transaction: every row written inside commits together or not at all."""
        self._require_writable()
        with self._mutex:
            self._check_open()
            try:
                with self._db.atomic():
                    yield self._conn
            except sqlite3.IntegrityError as exc:
                raise ProjectError(f"cannot save: {exc}") from None
            except sqlite3.DatabaseError as exc:
                raise self._storage_error(exc) from None

    def _require_writable(self) -> None:
        if self.readonly:
            raise ProjectError(f"project is read-only ({self.readonly_reason})")

    def _check_open(self) -> None:
        if self._closed:
            raise ProjectError("project is closed")

    def _storage_error(self, exc: sqlite3.DatabaseError) -> ProjectError:
        message = str(exc)
        if "full" in message:
            return ProjectError(f"cannot save {self.path.name}: the disk is full")
        if "malformed" in message or "not a database" in message:
            return ProjectError(f"{self.path.name} is damaged ({message})")
        if "locked" in message or "busy" in message:
            return ProjectError(f"{self.path.name} is busy in another program; try again")
        return ProjectError(f"{self.path.name}: {message}")
