"""Importing files and folders: per-file errors, duplicates, progress, cancelling."""

from __future__ import annotations

import pytest
from test_store_helpers import new_project

from core.errors import ProjectError
from core.store import Project
from core.store.importer import expand_paths

STORY = "Storm hits the coast\n\nThe storm reached the coast on Monday night, officials said.\n"


@pytest.fixture
def folder(tmp_path):
    root = tmp_path / "in"
    (root / "sub").mkdir(parents=True)
    (root / ".hidden").mkdir()
    (root / "a.txt").write_text(STORY)
    (root / "b.md").write_text("# Flood in the valley\n\nThe river rose by two metres overnight.\n")
    (root / "sub" / "c.html").write_text(
        "<html><head><title>Fire at the port</title></head><body><article>"
        "<p>A fire broke out at the port warehouse late on Sunday, firefighters said.</p>"
        "<p>Nobody was hurt, according to the harbour authority.</p></article></body></html>"
    )
    (root / "sub" / "copy.txt").write_text(STORY.replace("\n", "\r\n"))
    (root / "empty.txt").write_text("")
    (root / "notes.csv").write_text("not, an, article")
    (root / ".hidden" / "x.txt").write_text("hidden text here")
    (root / ".dotfile.txt").write_text("hidden text here")
    return root


def test_expand_paths_recurses_and_filters(folder, tmp_path):
    files, errors = expand_paths([folder, folder / "a.txt", tmp_path / "nope.txt"])
    names = [f.relative_to(folder).as_posix() for f in files]
    assert names == ["a.txt", "b.md", "empty.txt", "sub/c.html", "sub/copy.txt"]
    assert errors == [(str(tmp_path / "nope.txt"), "no such file or folder")]


def test_a_single_path_is_not_split_into_characters(folder):
    files, errors = expand_paths(str(folder / "a.txt"))
    assert files == [folder / "a.txt"] and errors == []


def test_import_reports_each_file(folder, tmp_path):
    seen = []
    with new_project(tmp_path) as p:
        report = p.import_files([folder], progress=lambda d, t, label: seen.append((d, t, label)))
        infos = {info.id: info for info in p.articles()}
        html = next(i for i in infos.values() if i.fmt == "html")
        raw = p.article(html.id).raw
    assert len(report.added) == 3
    assert report.duplicates == [str(folder / "sub" / "copy.txt")]
    assert [path for path, _ in report.errors] == [str(folder / "empty.txt")]
    assert "empty" in report.errors[0][1] and str(folder) not in report.errors[0][1]
    assert not report.cancelled
    assert seen[0] == (0, 5, "a.txt") and seen[-1] == (5, 5, "")
    assert html.title == "Fire at the port" and raw.startswith(b"<html>")
    assert {i.fmt for i in infos.values()} == {"txt", "md", "html"}


def test_explicit_file_of_any_suffix_is_tried(folder, tmp_path):
    with new_project(tmp_path) as p:
        report = p.import_files([folder / "notes.csv"])
    assert len(report.added) + len(report.errors) == 1


def test_cancelled_import_keeps_what_was_imported(folder, tmp_path):
    calls = {"n": 0}

    def cancelled() -> bool:
        calls["n"] += 1
        return calls["n"] > 2

    with new_project(tmp_path) as p:
        report = p.import_files([folder], cancelled=cancelled)
        assert report.cancelled
        assert len(p.articles()) == 2 == len(report.added)


def test_import_into_readonly_project_is_refused(folder, tmp_path):
    with new_project(tmp_path) as created:
        path = created.path
    with Project.open(path, readonly=True) as p, pytest.raises(ProjectError, match="read-only"):
        p.import_files([folder])


def test_a_folder_yields_every_kind_of_file_a_single_import_accepts(tmp_path):
    """Folder recursion and single-file import agree on what an article file is."""
    from core.ingest.load import ARTICLE_SUFFIXES

    for i, suffix in enumerate(ARTICLE_SUFFIXES):
        (tmp_path / f"story{i}{suffix}").write_text(f"Story {i}. It happened.", encoding="utf-8")
    (tmp_path / "notes.docx").write_bytes(b"PK\x03\x04")
    files, errors = expand_paths([tmp_path])
    assert errors == []
    assert sorted(p.suffix for p in files) == sorted(ARTICLE_SUFFIXES)
