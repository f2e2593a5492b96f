"""Forward migrations: files made by every earlier schema open and upgrade."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest
from test_store_helpers import file_state, install_fake_engine, new_project, project_from_ddl

from core.model import Article
from core.store import SCHEMA_VERSION, Project
from core.store.migrations import MIGRATIONS, SCHEMA_V1

FIXTURE = Path(__file__).parent / "fixtures" / "store_v1.factdiff"


@pytest.fixture
def v1_file(tmp_path) -> Path:
    target = tmp_path / "old.factdiff"
    shutil.copyfile(FIXTURE, target)
    return target


def _layout(path: Path) -> dict[str, list[tuple]]:
    """Every table's columns (name, type, notnull, default, pk), rowid or not, every index."""
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")]
        layout = {t: sorted(r[1:] for r in conn.execute(f"PRAGMA table_info({t})")) for t in tables}
        layout["indexes"] = sorted(
            conn.execute("SELECT name FROM sqlite_master WHERE type='index' AND sql IS NOT NULL")
        )
        layout["without rowid"] = sorted(
            (t,) for t in tables if "WITHOUT ROWID" in _create_sql(conn, t).upper()
        )
        return layout
    finally:
        conn.close()


def _create_sql(conn: sqlite3.Connection, table: str) -> str:
    return conn.execute("SELECT sql FROM sqlite_master WHERE name = ?", (table,)).fetchone()[0]


def test_every_earlier_version_has_a_step():
    assert sorted(MIGRATIONS) == list(range(1, SCHEMA_VERSION))


def test_v1_fixture_upgrades_with_its_work_intact(v1_file):
    with Project.open(v1_file) as p:
        assert p.schema_version == SCHEMA_VERSION
        assert p.meta()["schema_version"] == str(SCHEMA_VERSION)
        assert p.name == "Storm coverage"
        assert [a.title for a in p.articles()] == ["Storm kills 12", "Storm kills 13"]
        assert p.article(1).raw == p.article(1).text.encode()
        (pair,) = p.pairs()
        assert (pair.n_discrepancies, pair.n_confirmed) == (1, 1)
        note = p.annotation(1, "num-1")
        assert (note.status, note.verdict, note.note) == (
            "confirmed",
            "inaccurate",
            "Police say 12.",
        )
        # The old state became the first history entry, so the next edit keeps a trace of it.
        p.annotate(1, "num-1", status="dismissed")
        history = p.annotation_history(1, "num-1")
        assert [(h.status, h.at) for h in history][0] == ("confirmed", "2025-01-16T10:00:00+00:00")
        assert [h.status for h in history] == ["confirmed", "dismissed"]
        assert p.user_discrepancies(1) == []
        assert p.check_integrity() == []
    backup = v1_file.with_name("old.factdiff.v1.bak")
    assert backup.read_bytes()[:16] == b"SQLite format 3\x00"
    with sqlite3.connect(backup) as conn:
        assert conn.execute("SELECT value FROM meta WHERE key='schema_version'").fetchone() == (
            "1",
        )


def test_upgraded_v1_has_the_layout_of_a_new_file(v1_file, tmp_path):
    Project.open(v1_file).close()
    with new_project(tmp_path, "fresh") as fresh:
        fresh_path = fresh.path
    assert _layout(v1_file) == _layout(fresh_path)


def test_readonly_v1_is_upgraded_in_memory_only(v1_file):
    before = file_state(v1_file)
    with Project.open(v1_file, readonly=True) as p:
        assert p.readonly and p.schema_version == SCHEMA_VERSION
        assert p.annotation_history(1, "num-1")[0].note == "Police say 12."
    assert file_state(v1_file) == before
    assert not v1_file.with_name("old.factdiff.v1.bak").exists()


def test_v1_built_from_its_ddl_upgrades_and_compares(tmp_path, monkeypatch):
    """Independent of the committed file: the kept v1 DDL itself must still migrate."""
    install_fake_engine(monkeypatch)
    path = project_from_ddl(tmp_path / "ddl.factdiff", SCHEMA_V1, 1, "from ddl")
    with Project.open(path) as p:
        a = p.add_article(Article("One 1."))
        b = p.add_article(Article("One 2."))
        pair = p.add_pair(a.article_id, b.article_id)
        assert [d.id for d in p.discrepancies(pair)] == ["n-1"]
        assert p.status().schema_version == SCHEMA_VERSION


def test_a_second_upgrade_keeps_the_first_backup(v1_file):
    backup = v1_file.with_name("old.factdiff.v1.bak")
    backup.write_text("an earlier backup")
    Project.open(v1_file).close()
    assert backup.read_text() == "an earlier backup"
    assert v1_file.with_name("old.factdiff.v1.bak.2").exists()


def test_v2_built_from_its_ddl_gains_article_edit_history(tmp_path):
    from core.store.schema import SCHEMA_V2

    path = project_from_ddl(tmp_path / "v2.factdiff", SCHEMA_V2, 2, "version two")
    with Project.open(path) as p:
        a = p.add_article(Article("One 1.", published="2022-05-19")).article_id
        p.edit_article(a, published="2022-05-20", reviewer="Ana")
        assert [(h.field, h.old, h.new) for h in p.article_history(a)] == [
            ("published", "2022-05-19", "2022-05-20")]
    with new_project(tmp_path, "fresh") as fresh:
        fresh_path = fresh.path
    upgraded = _layout(path)
    upgraded.pop("sqlite_stat1", None)  # statistics PRAGMA optimize kept after real use
    assert upgraded == _layout(fresh_path)
