"""Creating, opening and filling a project: articles, metadata, reviewer, threads."""

from __future__ import annotations

import threading
import zlib

import pytest
from test_store_helpers import article, new_project

from core.errors import ProjectError
from core.store import SCHEMA_VERSION, Project


def test_create_then_reopen_keeps_metadata(tmp_path):
    path = tmp_path / "case.factdiff"
    with Project.create(path, name="  Election   coverage ") as p:
        created = p.created
        assert p.name == "Election coverage"
        assert not p.readonly
    with Project.open(path) as p:
        assert p.name == "Election coverage"
        assert p.created == created
        assert p.schema_version == SCHEMA_VERSION
        assert p.meta()["schema_version"] == str(SCHEMA_VERSION)


def test_name_defaults_to_file_stem_and_can_be_renamed(tmp_path):
    with Project.create(tmp_path / "flood.factdiff") as p:
        assert p.name == "flood"
        p.name = "Flood 2024"
        assert p.name == "Flood 2024"
        with pytest.raises(ProjectError, match="cannot be empty"):
            p.name = "   "


def test_create_refuses_to_overwrite(tmp_path):
    path = tmp_path / "x.factdiff"
    path.write_text("precious")
    with pytest.raises(ProjectError, match="already exists"):
        Project.create(path)
    assert path.read_text() == "precious"


def test_create_in_missing_folder_is_a_clear_error(tmp_path):
    with pytest.raises(ProjectError, match="no such folder"):
        Project.create(tmp_path / "nope" / "x.factdiff")


def test_article_round_trip_with_provenance(tmp_path):
    original = b"<html><body><p>Storm hits coast.</p></body></html>"
    a = article(
        "Storm hits coast.\n\nMore later.",
        "Storm",
        source="Daily",
        author="Kim",
        published="2024-05-01",
        url="https://example.org/storm",
        fmt="html",
        path="storm.html",
        boilerplate=((19, 30),),
        raw=original,
    )
    with new_project(tmp_path) as p:
        result = p.add_article(a)
        assert not result.duplicate
        stored = p.article(result.article_id)
        info = p.articles()[0]
    assert stored == a
    assert stored.raw == original
    assert info.n_chars == len(a.text)
    assert info.imported_at
    assert (info.title, info.source, info.fmt, info.path) == (
        "Storm",
        "Daily",
        "html",
        "storm.html",
    )


def test_same_text_again_is_a_duplicate(tmp_path):
    with new_project(tmp_path) as p:
        first = p.add_article(article("One text.\nTwo lines.", "first"))
        again = p.add_article(article("One text.\r\nTwo lines.\n", "other title"))
        assert again == (first.article_id, True)
        assert len(p.articles()) == 1


def test_article_without_text_is_refused(tmp_path):
    with new_project(tmp_path) as p, pytest.raises(ProjectError, match="no text"):
        p.add_article(article("   \n "))


def test_add_articles_is_one_transaction(tmp_path):
    with new_project(tmp_path) as p:
        with pytest.raises(ProjectError):
            p.add_articles([article("fine text"), article("   ")])
        assert p.articles() == []


def test_raw_bytes_are_stored_compressed(tmp_path):
    raw = b"<p>" + b"boilerplate " * 20_000 + b"</p>"
    with new_project(tmp_path) as p:
        p.add_article(article("short text", raw=raw))
        stored = p._conn.execute("SELECT raw FROM article_bodies").fetchone()[0]
    assert zlib.decompress(stored) == raw
    assert len(stored) < len(raw) / 20


def test_missing_article_and_removal(tmp_path):
    with new_project(tmp_path) as p:
        with pytest.raises(ProjectError, match="no article 9"):
            p.article(9)
        a = p.add_article(article("first text")).article_id
        b = p.add_article(article("second text")).article_id
        p.add_pair(a, b)
        p.remove_article(a)
        assert [info.id for info in p.articles()] == [b]
        assert p.pairs() == []
        with pytest.raises(ProjectError, match="no article"):
            p.remove_article(a)


def test_reviewer_defaults_to_os_user_and_persists(tmp_path, monkeypatch):
    monkeypatch.setattr("core.store.lock.getpass.getuser", lambda: "alice")
    path = tmp_path / "r.factdiff"
    with Project.create(path) as p:
        assert p.reviewer == "alice"
        p.reviewer = " Alice  Martin "
        assert p.reviewer == "Alice Martin"
    with Project.open(path) as p:
        assert p.reviewer == "Alice Martin"
    monkeypatch.setattr("core.store.lock.getpass.getuser", lambda: "bob")
    with Project.open(path) as p:
        assert p.reviewer == "bob"  # a colleague opening the same file signs as themselves


def test_reviewer_survives_a_broken_user_lookup(tmp_path, monkeypatch):
    def fail() -> str:
        raise OSError("no user")

    monkeypatch.setattr("core.store.lock.getpass.getuser", fail)
    with new_project(tmp_path) as p:
        assert p.reviewer == "unknown"


def test_closed_project_refuses_calls(tmp_path):
    p = new_project(tmp_path)
    p.close()
    p.close()  # idempotent
    with pytest.raises(ProjectError, match="closed"):
        p.articles()


def test_worker_threads_share_one_project(tmp_path):
    errors: list[BaseException] = []
    with new_project(tmp_path) as p:

        def add(worker: int) -> None:
            try:
                for i in range(50):
                    p.add_article(article(f"worker {worker} article {i}"))
                    p.articles()
            except BaseException as exc:  # noqa: BLE001 - collected for the assert
                errors.append(exc)

        threads = [threading.Thread(target=add, args=(w,)) for w in range(4)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        assert errors == []
        assert len(p.articles()) == 200
        assert p.check_integrity() == []


def test_wal_mode_and_foreign_keys_are_on(tmp_path):
    with new_project(tmp_path) as p:
        assert p._conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert p._conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1


def test_dropped_project_releases_its_lock(tmp_path):
    path = tmp_path / "d.factdiff"
    Project.create(path)  # never closed explicitly
    with Project.open(path) as p:
        assert not p.readonly
