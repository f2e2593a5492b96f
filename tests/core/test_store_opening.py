"""Opening anything that is not a usable project: one clear line, file untouched."""

from __future__ import annotations

import os
import sqlite3

import pytest
from test_store_helpers import article, file_state, new_project

from core.errors import ProjectError
from core.store import Project


def _project_file(tmp_path, name="good") -> object:
    with new_project(tmp_path, name) as p:
        for i in range(40):
            p.add_article(article(f"Article number {i}. " * 200, f"title {i}"))
        return p.path


def _other_app_db(path):
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)")
    conn.execute("INSERT INTO notes (body) VALUES ('hello')")
    conn.commit()
    conn.close()


def _newer_schema(path):
    with Project.create(path) as p:
        p._conn.execute("UPDATE meta SET value = '7' WHERE key = 'schema_version'")
        p._conn.commit()


def _truncated(path):
    source = _project_file(path.parent, "to-truncate")
    data = source.read_bytes()
    path.write_bytes(data[: len(data) // 2])


def _corrupt_page_one(path):
    source = _project_file(path.parent, "to-corrupt")
    data = bytearray(source.read_bytes())
    data[100:4096] = os.urandom(3996)
    path.write_bytes(bytes(data))


def _corrupt_late_pages(path):
    source = _project_file(path.parent, "to-corrupt-late")
    data = bytearray(source.read_bytes())
    data[8192 : 8192 + 4096 * 3] = b"\xff" * (4096 * 3)
    path.write_bytes(bytes(data))


CASES = [
    ("text", lambda p: p.write_text("Storm hits the coast.\n"), "not a FactDiff project"),
    ("empty", lambda p: p.write_bytes(b""), "is empty"),
    ("other app", _other_app_db, "another application"),
    ("newer schema", _newer_schema, "newer FactDiff"),
    ("truncated", _truncated, "truncated"),
    ("header only", lambda p: p.write_bytes(b"SQLite format 3\x00" + b"\x00" * 20), "truncated"),
    ("corrupt page 1", _corrupt_page_one, "damaged"),
    ("corrupt pages", _corrupt_late_pages, "damaged"),
]


@pytest.mark.parametrize(("label", "make", "message"), CASES, ids=[c[0] for c in CASES])
@pytest.mark.parametrize("readonly", [False, True])
def test_bad_files_give_one_line_and_stay_untouched(tmp_path, label, make, message, readonly):
    path = tmp_path / "bad.factdiff"
    make(path)
    before = file_state(path)
    with pytest.raises(ProjectError, match=message) as caught:
        Project.open(path, readonly=readonly)
    assert "\n" not in str(caught.value)
    assert file_state(path) == before
    assert not (tmp_path / "bad.factdiff.lock").exists()


def test_missing_path_and_folder(tmp_path):
    with pytest.raises(ProjectError, match="no such project file"):
        Project.open(tmp_path / "missing.factdiff")
    assert not (tmp_path / "missing.factdiff").exists()
    with pytest.raises(ProjectError, match="is a folder"):
        Project.open(tmp_path)


def test_unreadable_file(tmp_path, monkeypatch):
    path = _project_file(tmp_path)

    def deny(*_args, **_kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr("pathlib.Path.open", deny)
    with pytest.raises(ProjectError, match="permission denied"):
        Project.open(path)


def test_writeprotected_file_opens_readonly_and_says_so(tmp_path, monkeypatch):
    path = _project_file(tmp_path)
    before = file_state(path)
    # Tests may run as root, which ignores permission bits: simulate them.
    monkeypatch.setattr(
        "core.store.file_check.os.access", lambda p, mode: mode != os.W_OK or p != path
    )
    with Project.open(path) as p:
        assert p.readonly
        assert p.readonly_reason == "the file is write-protected"
        assert len(p.articles()) == 40
        with pytest.raises(ProjectError, match="project is read-only"):
            p.add_article(article("new text"))
    assert file_state(path) == before


def test_writeprotected_folder_opens_readonly(tmp_path, monkeypatch):
    path = _project_file(tmp_path)
    monkeypatch.setattr(
        "core.store.file_check.os.access", lambda p, mode: mode != os.W_OK or p != tmp_path
    )
    with Project.open(path) as p:
        assert p.readonly_reason == "its folder is write-protected"


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="needs real permissions")
def test_really_readonly_file_and_folder(tmp_path):
    path = _project_file(tmp_path)
    path.chmod(0o444)
    tmp_path.chmod(0o555)
    try:
        with Project.open(path) as p:
            assert p.readonly
            assert len(p.articles()) == 40
    finally:
        tmp_path.chmod(0o755)
        path.chmod(0o644)


def test_immutable_fallback_reads_a_wal_file_without_side_files(tmp_path, monkeypatch):
    path = _project_file(tmp_path)
    real_connect = sqlite3.connect

    def no_side_files(database, *args, **kwargs):
        if "mode=ro" in str(database):
            raise sqlite3.OperationalError("unable to open database file")
        return real_connect(database, *args, **kwargs)

    monkeypatch.setattr("core.store.file_check.sqlite3.connect", no_side_files)
    with Project.open(path, readonly=True) as p:
        assert len(p.articles()) == 40


def test_readonly_open_is_allowed_while_someone_writes(tmp_path):
    path = _project_file(tmp_path)
    with Project.open(path) as writer, Project.open(path, readonly=True) as reader:
        writer.add_article(article("fresh text"))
        assert len(reader.articles()) == 41


def test_readonly_open_of_a_good_project_leaves_it_untouched(tmp_path):
    path = _project_file(tmp_path)
    before = file_state(path)
    with Project.open(path, readonly=True) as p:
        assert len(p.articles()) == 40
        assert p.status().articles == 40
    assert file_state(path) == before
