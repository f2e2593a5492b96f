"""Hostile files and paths: planted lock links, special files, loops, undecodable names.

Each case is an attack or accident found against the README's promises; every
one must end in a one-line ``factdiff: error: …`` (or a per-file line) and a
non-zero exit, never a traceback, a hang or a write to somebody else's file.
"""

from __future__ import annotations

import json
import os
import socket
import sqlite3
import stat
import sys
import threading

import pytest
from test_store_helpers import install_fake_engine

from core.cli import main
from core.errors import IngestError, ProjectError
from core.ingest.load import load_article
from core.store import Project
from core.store.lock import lock_path

STORY = "Storm kills 12\n\nThe storm killed 12 people on Monday, police said.\n"
posix_only = pytest.mark.skipif(os.name != "posix", reason="POSIX file types")


def one_error_line(err: str) -> str:
    lines = [line for line in err.splitlines() if line.strip()]
    assert len(lines) == 1, err
    assert lines[0].startswith("factdiff: error: "), err
    assert "Traceback" not in err
    return lines[0]


@pytest.fixture
def project(tmp_path, monkeypatch):
    install_fake_engine(monkeypatch)
    path = tmp_path / "case.factdiff"
    Project.create(path, name="Storm").close()
    return path


# -- item 1: a planted lock link ---------------------------------------------


@posix_only
def test_planted_lock_symlink_is_refused_and_its_target_untouched(project, tmp_path, capsys):
    victim = tmp_path / "victim.txt"
    victim.write_text("precious\n")
    lock_path(project).symlink_to(victim)
    article = tmp_path / "a.txt"
    article.write_text(STORY)
    assert main(["project", "add", str(project), str(article)]) == 2
    line = one_error_line(capsys.readouterr().err)
    assert "lock" in line and "not a regular file" in line
    assert victim.read_text() == "precious\n"
    assert lock_path(project).is_symlink()


@posix_only
def test_dangling_lock_symlink_is_not_followed_to_create_a_file(project, tmp_path, capsys):
    target = tmp_path / "created-through-link.txt"
    lock_path(project).symlink_to(target)
    with pytest.raises(ProjectError, match="not a regular file"):
        Project.open(project)
    assert not target.exists()


@posix_only
def test_hard_linked_lock_is_never_written(project, tmp_path):
    victim = tmp_path / "victim.txt"
    victim.write_text("precious\n")
    os.link(victim, lock_path(project))
    with pytest.raises(ProjectError, match="lock"):
        Project.open(project)
    assert victim.read_text() == "precious\n"


@posix_only
@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() != 0, reason="chown needs root")
def test_stale_lock_of_another_user_is_replaced_never_written(project):
    lock = lock_path(project)
    owner = {"pid": 999999, "user": "eve", "host": socket.gethostname(), "since": "x"}
    lock.write_text(json.dumps(owner))
    os.chown(lock, 65534, 65534)
    with open(lock, "rb") as old:
        before = old.read()
        with Project.open(project) as p:
            assert not p.readonly
            assert os.stat(lock).st_uid == os.geteuid()  # a new lock file of our own
            old.seek(0)
            assert old.read() == before  # the other user's file was never written


# -- item 4: special files ----------------------------------------------------


@posix_only
def test_device_file_is_refused_before_reading(capsys, tmp_path):
    other = tmp_path / "a.txt"
    other.write_text(STORY)
    assert main(["compare", "/dev/zero", str(other)]) == 2
    line = one_error_line(capsys.readouterr().err)
    assert "not a regular file" in line


@posix_only
def test_fifo_in_a_folder_is_skipped_not_waited_on(project, tmp_path, capsys):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(STORY)
    os.mkfifo(folder / "x.txt")
    result: list[int] = []
    worker = threading.Thread(
        target=lambda: result.append(main(["project", "add", str(project), str(folder)])),
        daemon=True,
    )
    worker.start()
    worker.join(30)
    if worker.is_alive():  # unblock the reader so the test run can end
        with open(folder / "x.txt", "wb"):
            pass
        worker.join(5)
        pytest.fail("project add waited on a FIFO")
    assert result == [1]
    captured = capsys.readouterr()
    assert "x.txt: not a regular file" in captured.err
    assert "added 1 article" in captured.out


@posix_only
def test_load_article_refuses_a_fifo_without_opening_it_blocking(tmp_path):
    fifo = tmp_path / "x.txt"
    os.mkfifo(fifo)
    with pytest.raises(IngestError, match="not a regular file"):
        load_article(fifo)


# -- item 5: undecodable names and arguments ----------------------------------

needs_bytes_names = pytest.mark.skipif(
    sys.platform in ("win32", "darwin"), reason="file names must accept arbitrary bytes"
)


def _bad_name(folder, name: bytes):
    path = os.path.join(os.fsencode(folder), name)
    return os.fsdecode(path)


@needs_bytes_names
def test_folder_import_goes_on_past_an_undecodable_file_name(project, tmp_path, capsys):
    folder = tmp_path / "in"
    folder.mkdir()
    with open(_bad_name(folder, b"b\xff.txt"), "w") as handle:
        handle.write(STORY)
    (folder / "c.txt").write_text(STORY.replace("12", "13"))
    assert main(["project", "add", str(project), str(folder)]) == 0
    captured = capsys.readouterr()
    assert "added 2 articles" in captured.out
    with Project.open(project, readonly=True) as p:
        paths = sorted(a.path for a in p.articles())
    assert any("b\ufffd.txt" in path for path in paths)
    paths[0].encode("utf-8")  # storable and printable


@needs_bytes_names
@pytest.mark.parametrize("option", ["--note", "--reviewer", "--verdict"])
def test_undecodable_annotation_arguments_are_stored_with_replacement(
    project, tmp_path, capsys, option
):
    (tmp_path / "a.txt").write_text(STORY)
    (tmp_path / "b.txt").write_text(STORY.replace("12", "13"))
    main(["project", "add", str(project), str(tmp_path / "a.txt"), str(tmp_path / "b.txt")])
    main(["project", "compare", str(project)])
    capsys.readouterr()
    bad = os.fsdecode(b"caf\xe9")
    args = ["project", "annotate", str(project), "n-12", "--status", "confirmed", option, bad]
    assert main(args) == 0, capsys.readouterr().err
    with Project.open(project, readonly=True) as p:
        (pair,) = p.pairs()
        saved = p.annotation(pair.id, "n-12")
    assert "caf\ufffd" in (saved.note, saved.reviewer, saved.verdict)


@needs_bytes_names
def test_new_project_with_undecodable_name_and_path(tmp_path, capsys):
    path = _bad_name(tmp_path, b"case\xff.factdiff")
    assert main(["project", "new", path, "--name", os.fsdecode(b"Storm \xff")]) == 0
    out = capsys.readouterr().out
    assert "\ufffd" in out
    with Project.open(path, readonly=True) as p:
        assert p.name == "Storm \ufffd"
    assert sorted(os.listdir(os.fsencode(tmp_path))) == [b"case\xff.factdiff"]


@needs_bytes_names
def test_missing_project_with_undecodable_path_is_one_line(tmp_path, capsys):
    path = _bad_name(tmp_path, b"gone\xff.factdiff")
    assert main(["project", "status", path]) == 2
    one_error_line(capsys.readouterr().err)
    assert os.listdir(tmp_path) == []


# -- item 6: a symlink loop ---------------------------------------------------


@posix_only
def test_symlink_loop_in_a_folder_is_skipped_with_a_message(project, tmp_path, capsys):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(STORY)
    os.symlink("loop.txt", folder / "loop.txt")
    assert main(["project", "add", str(project), str(folder)]) == 1
    captured = capsys.readouterr()
    assert "Traceback" not in captured.err
    assert "loop.txt: " in captured.err
    assert "added 1 article" in captured.out


# -- item 7: an article too large to compare ----------------------------------


def test_article_over_the_compare_limit_is_refused_at_import(project, tmp_path, capsys):
    from core.compare import MAX_CHARS

    big = tmp_path / "big.txt"
    sentence = "The storm damaged many houses on the coast today. "
    big.write_text("Big storm\n\n" + sentence * (MAX_CHARS // len(sentence) + 10))
    assert main(["project", "add", str(project), str(big)]) == 1
    captured = capsys.readouterr()
    assert "big.txt: " in captured.err and "characters" in captured.err
    assert "added 0 articles" in captured.out


# -- item 8: an unknown schema version ----------------------------------------


@pytest.mark.parametrize("version", ["0", "-3", "1.5"])
def test_unknown_schema_version_is_one_line_and_leaves_no_backup(project, tmp_path, capsys, version):
    with sqlite3.connect(project) as conn:
        conn.execute("UPDATE meta SET value = ? WHERE key = 'schema_version'", (version,))
    conn.close()
    before = sorted(os.listdir(tmp_path))
    for command in (["project", "status"], ["project", "add"], ["project", "compare"]):
        args = [*command, str(project)] + ([str(project)] if command[1] == "add" else [])
        assert main(args) == 2
        line = one_error_line(capsys.readouterr().err)
        assert "not a FactDiff project this version can read" in line
    assert sorted(os.listdir(tmp_path)) == before


# -- item 9: huge HTML --------------------------------------------------------


def test_oversized_html_is_refused_before_parsing(tmp_path, monkeypatch):
    import core.ingest.load as ingest

    page = tmp_path / "huge.html"
    filler = "<p>" + "word " * 200 + "</p>\n"
    page.write_text("<html><body>" + filler * (ingest.MAX_HTML_BYTES // len(filler) + 5))

    def no_parsing(*_args, **_kwargs):
        raise AssertionError("parsed an oversized page")

    monkeypatch.setattr(ingest, "_extract", no_parsing)
    with pytest.raises(IngestError, match="MB"):
        load_article(page)
    with pytest.raises(IngestError, match="MB"):
        ingest.article_from_html(page.read_text())


# -- item 12: read-only opening leaves nothing behind ---------------------------


def _side_files(folder) -> list[str]:
    return sorted(name for name in os.listdir(folder) if name.endswith(("-wal", "-shm")))


def test_read_only_commands_leave_no_side_files(project, tmp_path, capsys):
    assert _side_files(tmp_path) == []
    for command in ("status", "list", "check"):
        assert main(["project", command, str(project)]) == 0
        assert _side_files(tmp_path) == [], command
    assert main(["report", str(project), "--format", "json"]) == 0
    assert _side_files(tmp_path) == []


def test_refused_foreign_wal_database_gets_no_side_files(tmp_path, capsys):
    foreign = tmp_path / "other.db"
    with sqlite3.connect(foreign) as conn:
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("CREATE TABLE t (x)")
    conn.close()
    assert _side_files(tmp_path) == []
    assert main(["project", "status", str(foreign)]) == 2
    one_error_line(capsys.readouterr().err)
    assert _side_files(tmp_path) == []


def test_viewing_a_write_protected_project_does_not_block_later_writes(project, tmp_path):
    mode = project.stat().st_mode
    project.chmod(stat.S_IRUSR | stat.S_IRGRP | stat.S_IROTH)
    try:
        with Project.open(project, readonly=True) as p:  # as root, access checks pass
            p.status()
    finally:
        project.chmod(mode)
    assert _side_files(tmp_path) == []
    with Project.open(project) as p:
        assert not p.readonly
        p.name = "Storm, renamed"
    with Project.open(project, readonly=True) as p:
        assert p.name == "Storm, renamed"


def test_import_limit_is_the_engine_limit():
    from core.compare import MAX_CHARS
    from core.store.importer import MAX_ARTICLE_CHARS

    assert MAX_ARTICLE_CHARS == MAX_CHARS


def test_project_with_an_oversized_article_compares_the_rest_in_one_line(
    project, tmp_path, capsys, monkeypatch
):
    """A project made before the import check: the pair fails in one line, no traceback."""
    import core.store.importer as importer
    from core.errors import FactDiffError

    def refuse(a, b):
        raise FactDiffError("article A has 3,000,001 characters; comparisons are limited")

    monkeypatch.setattr("core.store.pair_store.compare_articles", refuse)
    (tmp_path / "a.txt").write_text(STORY)
    (tmp_path / "b.txt").write_text(STORY.replace("12", "13"))
    monkeypatch.setattr(importer, "MAX_ARTICLE_CHARS", 10**9)
    main(["project", "add", str(project), str(tmp_path / "a.txt"), str(tmp_path / "b.txt")])
    capsys.readouterr()
    assert main(["project", "compare", str(project), "--jobs", "1"]) == 2
    line = one_error_line(capsys.readouterr().err)
    assert "could not be compared" in line and "characters" in line
