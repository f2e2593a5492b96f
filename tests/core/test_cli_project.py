"""``factdiff project …`` end to end, in-process."""

from __future__ import annotations

import io
import json

import pytest
from test_store_helpers import install_fake_engine

from core.cli import main
from core.cli.project_cmd import ProgressLine
from core.model import Article
from core.store import Project
from core.store.lock import lock_path

STORM_A = "Storm kills 12\n\nThe storm killed 12 people on Monday, police said.\n"
STORM_B = "Storm kills 13\n\nThe storm killed 13 people on Monday, police said.\n"


@pytest.fixture
def articles(tmp_path):
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "a.txt").write_text(STORM_A)
    (folder / "b.txt").write_text(STORM_B)
    return folder


@pytest.fixture
def project(tmp_path, articles, monkeypatch):
    install_fake_engine(monkeypatch)
    path = tmp_path / "case.factdiff"
    assert main(["project", "new", str(path), "--name", "Storm"]) == 0
    assert main(["project", "add", str(path), str(articles)]) == 0
    return path


def test_new_add_compare_status(project, capsys):
    capsys.readouterr()
    assert main(["project", "compare", str(project)]) == 0
    assert "1 event, 1 pair; 1 pair compared now" in capsys.readouterr().out
    assert main(["project", "status", str(project)]) == 0
    out = capsys.readouterr().out
    assert "articles       2" in out and "pairs          1 (1 compared)" in out
    assert "number 1" in out and "high 1" in out and "open 1" in out
    assert main(["project", "status", str(project), "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert (data["name"], data["discrepancies"], data["by_kind"]["number"]) == ("Storm", 1, 1)


def test_new_refuses_existing_file(project, capsys):
    assert main(["project", "new", str(project)]) == 2
    assert "already exists" in capsys.readouterr().err


def test_add_reports_failures_and_imports_the_rest(project, articles, tmp_path, capsys):
    (articles / "c.txt").write_text("A third text about the harbour budget vote.\n")
    (articles / "empty.txt").write_text("")
    capsys.readouterr()
    assert main(["project", "add", str(project), str(articles), str(tmp_path / "gone.txt")]) == 1
    captured = capsys.readouterr()
    assert "added 1 article, 2 duplicates skipped, 2 files failed" in captured.out
    assert f"{articles / 'empty.txt'}: " in captured.err
    assert f"{tmp_path / 'gone.txt'}: no such file or folder" in captured.err


def test_annotate_by_id_and_prefix(project, capsys):
    main(["project", "compare", str(project)])
    capsys.readouterr()
    args = ["project", "annotate", str(project), "n-12", "--status", "confirmed"]
    assert (
        main([*args, "--verdict", "inaccurate", "--note", "police: 12", "--reviewer", "Ana"]) == 0
    )
    assert "confirmed, inaccurate (by Ana)" in capsys.readouterr().out
    with Project.open(project) as p:
        (pair,) = p.pairs()
        saved = p.annotation(pair.id, "n-12")
        assert (saved.status, saved.note, saved.reviewer) == ("confirmed", "police: 12", "Ana")
        assert pair.n_confirmed == 1


def test_annotate_errors(project, capsys):
    main(["project", "compare", str(project)])
    capsys.readouterr()
    assert main(["project", "annotate", str(project), "n-12"]) == 2
    assert "nothing to change" in capsys.readouterr().err
    assert main(["project", "annotate", str(project), "zz-99", "--status", "open"]) == 2
    assert "no discrepancy zz-99" in capsys.readouterr().err
    assert (
        main(["project", "annotate", str(project), "n-12", "--status", "open", "--pair", "7"]) == 2
    )
    assert "in pair 7" in capsys.readouterr().err
    with pytest.raises(SystemExit):
        main(["project", "annotate", str(project), "n-12", "--status", "done"])


def test_annotate_asks_for_pair_when_ambiguous(project, articles, capsys):
    with Project.open(project) as p:
        a, b = (info.id for info in p.articles())
        other = p.add_article(Article("Storm: 7 dead.", "Storm other")).article_id
        p.add_pair(a, b)
        p.add_pair(a, other)  # A has 12 and the other does not: n-12 again
        p.compare_all()
    capsys.readouterr()
    assert main(["project", "annotate", str(project), "n-12", "--status", "dismissed"]) == 2
    assert "choose one with --pair" in capsys.readouterr().err
    assert (
        main(["project", "annotate", str(project), "n-12", "--status", "dismissed", "--pair", "1"])
        == 0
    )


def test_list_text_and_json(project, capsys):
    main(["project", "compare", str(project)])
    capsys.readouterr()
    assert main(["project", "list", str(project)]) == 0
    out = capsys.readouterr().out
    assert "Storm kills 12" in out and "suggested" in out and "1 (1 open, 0 confirmed)" in out
    assert main(["project", "list", str(project), "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert len(data["articles"]) == 2 and data["pairs"][0]["compared"] is True


def test_bad_file_is_one_line_exit_2(tmp_path, capsys):
    text = tmp_path / "notes.txt"
    text.write_text("hello")
    assert main(["project", "status", str(text)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("factdiff: error: notes.txt is not a FactDiff project")
    assert err.count("\n") == 1


def test_writing_a_locked_project_names_the_holder(project, capsys):
    with Project.open(project):
        assert main(["project", "add", str(project), str(project.parent)]) == 2
        assert "is in use by" in capsys.readouterr().err
        assert main(["project", "status", str(project)]) == 0  # reading is fine
    assert not lock_path(project).exists()


def test_project_without_action_prints_help(capsys):
    assert main(["project"]) == 2
    assert "ACTION" in capsys.readouterr().err


def test_progress_line_draws_only_on_a_terminal():
    class Tty(io.StringIO):
        def isatty(self) -> bool:
            return True

    quiet = io.StringIO()
    with ProgressLine(quiet, "importing") as bar:
        bar.update(1, 2, "a.txt")
    assert quiet.getvalue() == ""
    tty = Tty()
    with ProgressLine(tty, "importing") as bar:
        bar.update(1, 2, "a.txt")
        bar.update(2, 2, "b.txt")
        bar.note("grouping…")
    drawn = tty.getvalue()
    assert "grouping…" in drawn
    assert "importing [" in drawn and "1/2 a.txt" in drawn and "2/2 b.txt" in drawn
    assert drawn.endswith("\r\x1b[K")


def test_real_engine_end_to_end(tmp_path, capsys):
    """The demo articles through the real engine: two events, three compared pairs."""
    from conftest import DEMO

    path = tmp_path / "demo.factdiff"
    assert main(["project", "new", str(path)]) == 0
    assert main(["project", "add", str(path), str(DEMO)]) == 0
    assert main(["project", "compare", str(path), "--jobs", "1"]) == 0
    capsys.readouterr()
    assert main(["project", "status", str(path), "--format", "json"]) == 0
    status = json.loads(capsys.readouterr().out)
    assert status["articles"] == len(list(DEMO.glob("*.txt")))
    assert status["pairs"] == status["compared_pairs"] > 0
    assert status["discrepancies"] == sum(status["by_kind"].values()) > 0


def test_check_reports_ok(project, capsys):
    capsys.readouterr()
    assert main(["project", "check", str(project)]) == 0
    assert capsys.readouterr().out.strip() == "case.factdiff: ok"
