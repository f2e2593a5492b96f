"""One writer at a time; stale locks from dead processes never lock anyone out."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys

import pytest
from test_store_helpers import article, new_project

from core.errors import ProjectLockedError
from core.store import Project
from core.store.lock import lock_path, pid_alive

HOLDER = """
import sys
from core.store import Project
p = Project.open(sys.argv[1])
print("ready", flush=True)
sys.stdin.readline()
p.close()
"""


def _project(tmp_path):
    with new_project(tmp_path) as p:
        p.add_article(article("Storm hits the coast."))
        return p.path


@pytest.fixture
def held(tmp_path):
    """A project held open for writing by a child process."""
    path = _project(tmp_path)
    child = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(path)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert child.stdout.readline().strip() == "ready"
    yield path, child
    if child.poll() is None:
        child.kill()
    child.wait(timeout=10)


def test_second_writer_is_told_who_holds_the_project(held, monkeypatch):
    path, _child = held
    monkeypatch.setattr("core.store.lock.getpass.getuser", lambda: "someone-else")
    with pytest.raises(ProjectLockedError) as caught:
        Project.open(path)
    message = str(caught.value)
    assert "in use by" in message and socket.gethostname() in message
    assert "read-only" in message
    with Project.open(path, readonly=True) as p:
        assert len(p.articles()) == 1


def test_lock_is_released_on_close(held):
    path, child = held
    child.stdin.write("\n")
    child.stdin.flush()
    assert child.wait(timeout=10) == 0
    assert not lock_path(path).exists()
    with Project.open(path) as p:
        assert not p.readonly


def test_lock_of_a_killed_process_is_taken_over(held):
    path, child = held
    child.kill()
    child.wait(timeout=10)
    assert lock_path(path).exists()  # left behind by the crash
    with Project.open(path) as p:
        p.add_article(article("After the crash."))
    assert not lock_path(path).exists()


def test_same_process_cannot_open_twice_for_writing(tmp_path):
    path = _project(tmp_path)
    with Project.open(path), pytest.raises(ProjectLockedError, match="in use"):
        Project.open(path)


def _write_lock(path, **owner):
    info = {"pid": 999_999_999, "user": "ghost", "host": socket.gethostname(), "since": "x"}
    info.update(owner)
    lock_path(path).write_text(json.dumps(info))


def test_stale_lock_file_from_this_host_is_ignored(tmp_path):
    path = _project(tmp_path)
    _write_lock(path)
    with Project.open(path) as p:
        assert not p.readonly
        holder = json.loads(lock_path(path).read_text())
        assert holder["pid"] != 999_999_999


def test_empty_or_garbled_lock_file_is_stale(tmp_path):
    path = _project(tmp_path)
    lock_path(path).write_text("{not json")
    with Project.open(path):
        pass
    lock_path(path).write_bytes(b"")
    with Project.open(path):
        pass


def test_lock_from_another_host_cannot_be_verified(tmp_path):
    path = _project(tmp_path)
    _write_lock(path, host="newsroom-pc", user="alice")
    with pytest.raises(ProjectLockedError, match="alice on newsroom-pc") as caught:
        Project.open(path)
    assert "delete" in str(caught.value) and lock_path(path).name in str(caught.value)
    with Project.open(path, readonly=True) as p:
        assert p.readonly


def test_create_takes_the_lock_too(tmp_path):
    path = tmp_path / "new.factdiff"
    with Project.create(path):
        assert lock_path(path).exists()
        with pytest.raises(ProjectLockedError):
            Project.open(path)


def test_pid_alive():
    assert pid_alive(os.getpid())
    assert not pid_alive(999_999_999)
    assert not pid_alive(0)


def test_stale_lock_file_we_may_not_write_is_replaced(tmp_path, monkeypatch):
    path = _project(tmp_path)
    _write_lock(path, user="colleague")
    real_open = os.open

    def deny_write(name, flags, *args):
        if str(name).endswith(".lock") and flags & os.O_RDWR and not flags & os.O_CREAT:
            raise PermissionError(13, "Permission denied")
        return real_open(name, flags, *args)

    monkeypatch.setattr("core.store.lock.os.open", deny_write)
    with Project.open(path) as p:
        assert not p.readonly
        assert json.loads(lock_path(path).read_text())["user"] != "colleague"
