"""Re-fetching articles: a changed page becomes a linked, compared revision; nothing is overwritten.

Pages come from a server on 127.0.0.1 that the tests let through explicitly;
the application itself keeps refusing local addresses (last tests).
"""

from __future__ import annotations

import datetime as dt

import pytest
from refetch_server import allow_local_fetches, article_page, page_server

from core.cli import main
from core.errors import ProjectError
from core.model import Article
from core.store import Project, RevisionInfo
from core.web.fetch_article import fetch_article
from core.web.refetch import refetch


@pytest.fixture
def server(monkeypatch):
    allow_local_fetches(monkeypatch)
    with page_server() as srv:
        srv.pages["/story"] = article_page("twelve")
        yield srv


def _fetched(project: Project, url: str) -> int:
    article, provenance = fetch_article(url)
    return project.add_article(article, provenance).article_id


@pytest.fixture
def project(tmp_path, server):
    with Project.create(tmp_path / "edits.factdiff") as p:
        p.story_id = _fetched(p, server.url("/story"))
        p.group_events()
        yield p


def test_an_unchanged_page_stores_nothing(project, server):
    before = project.articles()
    report = refetch(project)
    assert [line.outcome for line in report.lines] == ["unchanged"]
    assert report.lines[0].text().endswith(": unchanged")
    assert project.articles() == before and project.revisions() == []
    assert server.hits == ["/story", "/story"]


def test_a_changed_page_is_stored_as_a_compared_revision(project, server):
    original = project.article(project.story_id)
    server.pages["/story"] = article_page("fourteen")
    report = refetch(project)
    [line] = report.lines
    assert line.outcome == "changed" and line.n_discrepancies >= 1
    assert "changed: " in line.text() and "discrepanc" in line.text()
    # never overwritten: the original keeps its text, the revision is a new article
    assert project.article(project.story_id).text == original.text
    revision = project.article(line.revision_id)
    assert "fourteen people" in revision.text and "fourteen" not in original.text
    assert project.provenance(line.revision_id).revision_of == project.story_id
    assert project.provenance(line.revision_id).origin == "url"
    pair = project.pair(line.pair_id)
    assert (pair.a_id, pair.b_id, pair.compared) == (project.story_id, line.revision_id, True)
    kinds = {d.kind for d in project.discrepancies(pair.id)}
    assert "number" in kinds and pair.n_discrepancies == line.n_discrepancies
    # the revision is in its original's event
    [event] = [e for e in project.events() if project.story_id in e.article_ids]
    assert line.revision_id in event.article_ids
    [info] = project.revisions()
    assert (info.article_id, info.revision_of, info.original_id) == (
        line.revision_id, project.story_id, project.story_id)
    assert info.pair_id == pair.id and info.n_discrepancies == line.n_discrepancies


def test_the_revision_pair_survives_regrouping_and_can_be_paired_elsewhere(project, server):
    server.pages["/story"] = article_page("fourteen")
    [line] = refetch(project).lines
    project.group_events()
    assert project.pair(line.pair_id).compared
    other = project.add_article(Article(
        "Another outlet\n\nThe ferry fire killed ten people, officials said on Tuesday.",
        title="Another outlet", source="Coast Times")).article_id
    assert project.add_pair(line.revision_id, other) > 0


def test_a_second_change_revises_the_newest_version(project, server):
    server.pages["/story"] = article_page("fourteen")
    [first] = refetch(project).lines
    server.pages["/story"] = article_page("sixteen")
    [second] = refetch(project).lines
    assert second.article_id == first.revision_id and second.outcome == "changed"
    assert project.provenance(second.revision_id).revision_of == first.revision_id
    infos = {r.article_id: r for r in project.revisions()}
    assert infos[second.revision_id].original_id == project.story_id
    # one article's chain: --article of the original checks its newest version
    assert project.refetch_targets(project.story_id) == [
        (second.revision_id, server.url("/story"))]


def test_a_fetch_error_is_one_line_and_the_rest_go_on(project, server):
    server.pages["/gone"] = article_page("nine", title="Harbour crane collapse")
    gone = _fetched(project, server.url("/gone"))
    del server.pages["/gone"]
    report = refetch(project)
    by_id = {line.article_id: line for line in report.lines}
    assert by_id[project.story_id].outcome == "unchanged"
    failed = by_id[gone]
    assert failed.outcome == "error" and "HTTP 404" in failed.reason
    assert "\n" not in failed.text() and not report.all_failed


def test_only_fetched_articles_are_fetched_again(project):
    pasted = project.add_article(Article("Pasted\n\nThe ferry burned on Monday.")).article_id
    assert [a for a, _ in project.refetch_targets()] == [project.story_id]
    with pytest.raises(ProjectError, match="was not fetched from a URL"):
        project.refetch_targets(pasted)
    with pytest.raises(ProjectError, match="no article 999"):
        project.refetch_targets(999)


def test_cancel_stops_before_storing_anything(project, server):
    server.pages["/story"] = article_page("fourteen")
    report = refetch(project, cancelled=lambda: True)
    assert report.cancelled and report.lines == [] and project.revisions() == []


def test_the_app_itself_refuses_local_addresses(project, server, monkeypatch):
    monkeypatch.undo()  # the application's own fetch, without the test's allowance
    server.pages["/story"] = article_page("fourteen")
    [line] = refetch(project).lines
    assert line.outcome == "error" and "local or private" in line.reason
    assert project.revisions() == []


def test_badge_counts_days_from_publication(project, server):
    two_days_ago = (dt.datetime.now(dt.UTC).date() - dt.timedelta(days=2)).isoformat()
    server.pages["/fresh"] = article_page("seven", title="Harbour strike", date=two_days_ago)
    fresh = _fetched(project, server.url("/fresh"))
    server.pages["/fresh"] = article_page("nine", title="Harbour strike", date=two_days_ago)
    [line] = refetch(project, fresh).lines
    [info] = project.revisions()
    assert (info.days_after, info.since) == (2, "publication")
    n = line.n_discrepancies
    assert info.badge() == (
        f"changed 2 days after publication: {n} discrepanc{'y' if n == 1 else 'ies'}")


@pytest.mark.parametrize("days, since, compared, n, expected", [
    (2, "publication", True, 3, "changed 2 days after publication: 3 discrepancies"),
    (1, "publication", True, 1, "changed 1 day after publication: 1 discrepancy"),
    (0, "publication", True, 0, "changed the same day as publication: 0 discrepancies"),
    (5, "fetch", True, 2, "changed 5 days after it was first fetched: 2 discrepancies"),
    (3, "publication", False, 0, "changed 3 days after publication: not compared yet"),
])  # fmt: skip
def test_badge_wording(days, since, compared, n, expected):
    info = RevisionInfo(2, 1, 1, "", days, since, 4 if compared else None, compared, n)
    assert info.badge() == expected


# -- the command line ----------------------------------------------------------


def test_cli_refetch_prints_one_line_per_article(project, server, capsys):
    path = str(project.path)
    story = project.story_id
    project.close()
    server.pages["/story"] = article_page("fourteen")
    assert main(["project", "refetch", path]) == 0
    out = capsys.readouterr().out.strip().splitlines()
    assert len(out) == 2
    assert out[0].startswith(f"article {story} (") and ": changed: " in out[0]
    assert "1 changed, 0 unchanged, 0 failed" in out[1]
    assert main(["project", "refetch", path, "--article", str(story)]) == 0
    assert ": unchanged" in capsys.readouterr().out


def test_cli_refetch_fails_only_when_every_fetch_failed(project, server, capsys):
    path = str(project.path)
    project.close()
    del server.pages["/story"]
    assert main(["project", "refetch", path]) == 1
    captured = capsys.readouterr()
    assert ": error: " in captured.out and "HTTP 404" in captured.out
    assert "Traceback" not in captured.err


@pytest.mark.parametrize("args, message", [
    (["--article", "999"], "no article 999 in this project"),
    (["--article", "0"], "no article 0 in this project"),
])  # fmt: skip
def test_cli_refetch_bad_input_is_one_line(project, capsys, args, message):
    path = str(project.path)
    project.close()
    assert main(["project", "refetch", path, *args]) == 2
    err = capsys.readouterr().err.strip()
    assert err == f"factdiff: error: {message}"


def test_cli_refetch_of_a_missing_project_is_one_line(tmp_path, capsys):
    assert main(["project", "refetch", str(tmp_path / "none.factdiff")]) == 2
    err = capsys.readouterr().err.strip()
    assert err.startswith("factdiff: error:") and len(err.splitlines()) == 1
