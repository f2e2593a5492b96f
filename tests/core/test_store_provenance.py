"""Provenance: recorded once per article, carried over from version 4 files, and verified."""

from __future__ import annotations

import hashlib
import sqlite3
import zlib

from core.cli import main
from core.ingest.load import load_article
from core.model import Article
from core.store import SCHEMA_VERSION, Project, Provenance
from core.store.migrations import create_schema
from core.store.schema import SCHEMA_V4

PAGE = (
    "<html><head><title>Ferry fire</title></head><body><article>"
    "<p>A ferry caught fire off the coast on Monday and all passengers were rescued.</p>"
    "<p>The coastguard said the fire started in the engine room.</p>"
    "</article></body></html>"
)


def test_imported_file_records_path_time_and_hash(tmp_path):
    page = tmp_path / "story.txt"
    page.write_bytes(b"Storm hits coast\n\nThe storm killed 12 people on Monday.\n")
    with Project.create(tmp_path / "p.factdiff") as p:
        (article_id,) = p.import_files([page]).added
        record = p.provenance(article_id)
    assert record.origin == "file" and record.location == str(page)
    assert record.sha256 == hashlib.sha256(page.read_bytes()).hexdigest()
    assert record.retrieved_at and record.final_url == ""


def test_fetched_article_keeps_what_the_server_said(tmp_path):
    given = Provenance("url", "http://news.example/a", "2026-12-01T10:00:00+00:00",
                       final_url="https://news.example/a?x=1", last_modified="Mon, 30 Nov 2026",
                       etag='"v1"', charset="utf-8")  # fmt: skip
    article = Article("Ferry fire\n\nA ferry burned.", url="https://news.example/a?x=1",
                      raw=b"<html>page</html>")  # fmt: skip
    with Project.create(tmp_path / "p.factdiff") as p:
        article_id = p.add_article(article, given).article_id
        record = p.provenances()[article_id]
    assert record._replace(sha256="") == given
    assert record.sha256 == hashlib.sha256(b"<html>page</html>").hexdigest()


def test_pasted_text_is_hashed_as_text(tmp_path):
    with Project.create(tmp_path / "p.factdiff") as p:
        article_id = p.add_article(Article("Pasted words about a fire.")).article_id
        record = p.provenance(article_id)
    assert record.origin == "text"
    assert record.sha256 == hashlib.sha256(b"Pasted words about a fire.").hexdigest()


def test_version_4_file_gains_provenance_from_what_it_knows(tmp_path):
    path = tmp_path / "v4.factdiff"
    conn = sqlite3.connect(path)
    with conn:
        create_schema(conn, SCHEMA_V4, 4)
        for article_id, path_value, url, raw in (
            (1, "/saved/a.html", "", b"<p>original a</p>"),
            (2, "", "https://news.example/b", None),
        ):
            conn.execute(
                "INSERT INTO articles (id, content_hash, path, url, n_chars, imported_at) "
                "VALUES (?, ?, ?, ?, 4, ?)",
                (article_id, f"h{article_id}", path_value, url,
                 f"2026-01-0{article_id}T00:00:00+00:00"),  # fmt: skip
            )
            conn.execute(
                "INSERT INTO article_bodies (article_id, text, raw) VALUES (?, ?, ?)",
                (article_id, f"text {article_id}", zlib.compress(raw) if raw else None),
            )
    conn.close()
    with Project.open(path) as p:
        assert p.schema_version == SCHEMA_VERSION == 5
        records = p.provenances()
    assert records[1] == Provenance("file", "/saved/a.html", "2026-01-01T00:00:00+00:00",
                                    sha256=hashlib.sha256(b"<p>original a</p>").hexdigest())
    assert records[2].origin == "url" and records[2].location == "https://news.example/b"
    assert records[2].sha256 == hashlib.sha256(b"text 2").hexdigest()
    assert list(tmp_path.glob("v4.factdiff.v4.bak"))  # the old file kept as it was


def _project_with_two_articles(tmp_path):
    html = tmp_path / "page.html"
    html.write_text(PAGE, encoding="utf-8")
    text = tmp_path / "note.txt"
    text.write_text("Ferry report\n\nAll passengers of the ferry were rescued on Monday.\n")
    path = tmp_path / "p.factdiff"
    with Project.create(path) as p:
        assert len(p.import_files([html, text]).added) == 2
    return path


def test_verify_passes_a_sound_project(tmp_path, capsys):
    path = _project_with_two_articles(tmp_path)
    with Project.open(path, readonly=True) as p:
        assert p.verify_articles() == []
    assert main(["project", "verify", str(path)]) == 0
    assert capsys.readouterr().out.strip() == "p.factdiff: 2 articles, each derives from its original bytes"


def _tamper(path, sql, *args):
    conn = sqlite3.connect(path)
    with conn:
        conn.execute(sql, args)
    conn.close()


def test_verify_names_changed_text_and_changed_bytes(tmp_path, capsys):
    path = _project_with_two_articles(tmp_path)
    _tamper(path, "UPDATE article_bodies SET text = replace(text, 'Monday', 'Tuesday') "
            "WHERE article_id = 1")  # fmt: skip
    _tamper(path, "UPDATE article_bodies SET raw = ? WHERE article_id = 2",
            zlib.compress(b"Ferry report\n\nNo one was rescued.\n"))  # fmt: skip
    assert main(["project", "verify", str(path)]) == 1
    captured = capsys.readouterr()
    assert captured.err.splitlines() == [
        "factdiff: p.factdiff: article 1: its stored text was changed after import",
        "factdiff: p.factdiff: article 2: the SHA-256 of its original bytes is not the one "
        "recorded at import",
    ]
    assert captured.out.strip() == "p.factdiff: 2 of 2 articles do not derive from their original bytes"


def test_verify_notices_text_rewritten_with_its_hash(tmp_path):
    """Changing the text and its content hash together is still caught: the bytes say otherwise."""
    path = _project_with_two_articles(tmp_path)
    with Project.open(path) as p:
        article = p.article(2)
    forged = article.text.replace("Monday", "Sunday")
    from core.store.codec import content_hash

    _tamper(path, "UPDATE article_bodies SET text = ? WHERE article_id = 2", forged)
    _tamper(path, "UPDATE articles SET content_hash = ? WHERE id = 2", content_hash(forged))
    with Project.open(path, readonly=True) as p:
        assert p.verify_articles() == [
            (2, "its stored text is not the text its original bytes give")
        ]


def test_loaded_file_and_stored_text_agree(tmp_path):
    page = tmp_path / "page.html"
    page.write_text(PAGE, encoding="utf-8")
    assert "engine room" in load_article(page).text
