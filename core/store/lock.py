"""One writer per project: a sidecar lock file plus an OS advisory lock.

``NAME.factdiff.lock`` is created with ``O_EXCL`` and holds JSON naming the
writer (pid, user, host, since) so a second user can be told who has the file.
While the writer lives it also holds an ``fcntl.flock`` (``msvcrt.locking`` on
Windows) on that file; the OS drops it when the process dies, however it dies.
So a lock file nobody holds the OS lock on is stale and is taken over. Where
there is no OS lock, a lock from this host whose pid is gone is stale too. A
lock left by a crashed process on *another* host cannot be verified: the
message names the lock file so the user can delete it.
"""

from __future__ import annotations

import contextlib
import getpass
import json
import os
import socket
import stat
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, NamedTuple

from core.errors import ProjectError, ProjectLockedError

try:  # POSIX
    import fcntl
except ImportError:  # pragma: no cover - Windows
    fcntl = None  # type: ignore[assignment]
try:  # Windows
    import msvcrt
except ImportError:
    msvcrt = None  # type: ignore[assignment]


#: Never follow a link planted at the lock's name (0 where the OS has no such flag).
_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)
#: Opening a FIFO planted at the lock's name must not wait for a writer.
_NONBLOCK = getattr(os, "O_NONBLOCK", 0)

# Windows byte-range locks are mandatory: lock a byte past the JSON so that
# others can still read who holds the lock.
_WINDOWS_LOCK_OFFSET = 1 << 20


class LockOwner(NamedTuple):
    pid: int
    user: str
    host: str
    since: str


def lock_path(project: Path) -> Path:
    return project.with_name(project.name + ".lock")


def current_user() -> str:
    """The OS user name; never raises (getpass fails without a passwd entry or env)."""
    try:
        return getpass.getuser()
    except Exception:  # noqa: BLE001 - any failure just means "unknown"
        return "unknown"


def _me() -> LockOwner:
    since = datetime.now(UTC).isoformat(timespec="seconds")
    return LockOwner(os.getpid(), current_user(), socket.gethostname(), since)


class ProjectLock:
    """Held by the one process that may write a project; release() or process death frees it."""

    def __init__(self, project: Path) -> None:
        self.path = lock_path(project)
        self._fd: int | None = None

    def acquire(self) -> None:
        """Take the lock or raise ProjectLockedError naming its holder."""
        for _ in range(5):
            if self._try_create() or self._try_take_over():
                return
        raise ProjectLockedError(f"{self.path.name[:-5]} is in use: could not take its lock")

    def release(self) -> None:
        if self._fd is None:
            return
        with contextlib.suppress(OSError):
            os.unlink(self.path)
        _os_unlock(self._fd)
        os.close(self._fd)
        self._fd = None

    def _try_create(self) -> bool:
        try:
            flags = os.O_RDWR | os.O_CREAT | os.O_EXCL | _NOFOLLOW
            fd = os.open(self.path, flags, 0o666)  # umask applies
        except FileExistsError:
            return False
        if not _os_lock(fd):  # someone else already grabbed the brand-new file
            os.close(fd)
            return False
        self._own(fd)
        return True

    def _try_take_over(self) -> bool:
        """Reuse an existing lock file if its writer is gone; raise if it is alive."""
        if not self._check_planted():
            return False  # released meanwhile: retry creating it
        try:
            fd = os.open(self.path, os.O_RDWR | _NOFOLLOW | _NONBLOCK)
        except FileNotFoundError:
            return False  # released meanwhile: retry creating it
        except PermissionError:
            return self._replace_foreign()
        except OSError as exc:  # ELOOP: a link appeared since the check
            raise ProjectError(_not_regular(self.path)) from exc
        info = os.fstat(fd)
        if not _is_plain_file(info):
            os.close(fd)
            raise ProjectError(_not_regular(self.path))
        if hasattr(os, "geteuid") and info.st_uid != os.geteuid():
            os.close(fd)
            return self._replace_foreign()  # someone else's: read it, never write it
        if not _os_lock(fd):
            owner = _read_owner(fd)
            os.close(fd)
            raise ProjectLockedError(_locked_message(self.path, owner))
        if not _same_file(fd, self.path):  # released, perhaps re-created, meanwhile
            _os_unlock(fd)
            os.close(fd)
            return False
        owner = _read_owner(fd)
        if _alive_elsewhere(owner):
            _os_unlock(fd)
            os.close(fd)
            raise ProjectLockedError(_locked_message(self.path, owner))
        self._own(fd)
        return True

    def _replace_foreign(self) -> bool:
        """A lock file another user left (we may read it, not write it): delete it if stale."""
        try:
            fd = os.open(self.path, os.O_RDONLY | _NOFOLLOW | _NONBLOCK)
        except FileNotFoundError:
            return False
        except OSError as exc:
            raise ProjectError(_not_regular(self.path)) from exc
        if not _is_plain_file(os.fstat(fd)):
            os.close(fd)
            raise ProjectError(_not_regular(self.path))
        try:
            owner = _read_owner(fd)
            if not _os_lock(fd) or _alive_elsewhere(owner):
                raise ProjectLockedError(_locked_message(self.path, owner))
            os.unlink(self.path)  # the folder is writable, or we would be read-only
            return False  # retry creating our own
        finally:
            _os_unlock(fd)
            os.close(fd)

    def _check_planted(self) -> bool:
        """Refuse a link, folder or device at the lock's name; False if nothing is there."""
        try:
            info = os.lstat(self.path)
        except FileNotFoundError:
            return False
        if not _is_plain_file(info):
            raise ProjectError(_not_regular(self.path))
        return True

    def _own(self, fd: int) -> None:
        me = _me()
        os.ftruncate(fd, 0)
        os.lseek(fd, 0, os.SEEK_SET)
        os.write(fd, json.dumps(me._asdict()).encode())
        os.fsync(fd)
        self._fd = fd


def _is_plain_file(info: os.stat_result) -> bool:
    """A regular file with one name: not a link, device, FIFO, folder or hard link."""
    return stat.S_ISREG(info.st_mode) and info.st_nlink == 1


def _not_regular(path: Path) -> str:
    return (
        f"refusing the lock {path.name}: it is not a regular file (a link or other "
        "file planted there?); remove it if no FactDiff is running"
    )


def _alive_elsewhere(owner: LockOwner | None) -> bool:
    """Whether a lock whose OS lock we just got may still belong to a live writer."""
    if owner is None:
        return False  # the writer died before it could even say who it was
    if owner.host != socket.gethostname():
        return True  # cannot check another machine's processes
    if fcntl is None and msvcrt is None:  # pragma: no cover - no OS locks at all
        return owner.pid != os.getpid() and pid_alive(owner.pid)
    return False  # the OS lock was free, so its process is gone


def _locked_message(path: Path, owner: LockOwner | None) -> str:
    project = path.name[: -len(".lock")]
    if owner is None:
        return f"{project} is in use by another FactDiff; open it read-only to view it"
    who = f"{owner.user} on {owner.host}"
    if owner.host != socket.gethostname():
        return (
            f"{project} is in use by {who} since {owner.since}; open it read-only to view it "
            f"(if that FactDiff is no longer running, delete {path.name})"
        )
    return f"{project} is in use by {who} since {owner.since}; open it read-only to view it"


def _read_owner(fd: int) -> LockOwner | None:
    try:
        os.lseek(fd, 0, os.SEEK_SET)
        raw: Any = json.loads(os.read(fd, 4096).decode("utf-8"))
        return LockOwner(int(raw["pid"]), str(raw["user"]), str(raw["host"]), str(raw["since"]))
    except (OSError, ValueError, KeyError, TypeError):
        return None


def _same_file(fd: int, path: Path) -> bool:
    try:
        return os.fstat(fd).st_ino == os.stat(path).st_ino
    except OSError:
        return False


def _os_lock(fd: int) -> bool:
    """Non-blocking exclusive OS lock; True also where the OS offers none."""
    try:
        if fcntl is not None:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        elif msvcrt is not None:  # pragma: no cover - Windows
            os.lseek(fd, _WINDOWS_LOCK_OFFSET, os.SEEK_SET)
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        return True
    except OSError:
        return False


def _os_unlock(fd: int) -> None:
    with contextlib.suppress(OSError):
        if fcntl is not None:
            fcntl.flock(fd, fcntl.LOCK_UN)
        elif msvcrt is not None:  # pragma: no cover - Windows
            os.lseek(fd, _WINDOWS_LOCK_OFFSET, os.SEEK_SET)
            msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)


def pid_alive(pid: int) -> bool:
    """Whether a process with this id runs on this machine."""
    if pid <= 0:
        return False
    if os.name == "nt":  # pragma: no cover - os.kill(pid, 0) would kill it on Windows
        return _pid_alive_windows(pid)
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    except OSError:
        return False
    return True


def _pid_alive_windows(pid: int) -> bool:  # pragma: no cover - Windows
    import ctypes

    handle = ctypes.windll.kernel32.OpenProcess(0x1000, False, pid)  # QUERY_LIMITED_INFORMATION
    if not handle:
        return False
    code = ctypes.c_ulong()
    ctypes.windll.kernel32.GetExitCodeProcess(handle, ctypes.byref(code))
    ctypes.windll.kernel32.CloseHandle(handle)
    return code.value == 259  # STILL_ACTIVE
