"""Project → Check Articles for Changes, against a server on 127.0.0.1 the test lets through."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

import pytest
from gui_fixtures import *  # noqa: F403  (fixtures)

from core.model import Article
from core.store import Project
from core.web.fetch_article import fetch_article
from gui.project_browser import ARTICLE, ID_ROLE, KIND_ROLE

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "core"))
from refetch_server import allow_local_fetches, article_page, page_server  # noqa: E402

TWO_DAYS_AGO = (dt.datetime.now(dt.UTC).date() - dt.timedelta(days=2)).isoformat()


@pytest.fixture
def server(monkeypatch):
    allow_local_fetches(monkeypatch)
    with page_server() as srv:
        srv.pages["/story"] = article_page("twelve", date=TWO_DAYS_AGO)
        yield srv


@pytest.fixture
def fetched_project(tmp_path, server) -> tuple[Path, int, int]:
    """A project with one fetched article and one from another outlet; (path, fetched, other)."""
    path = tmp_path / "edits.factdiff"
    with Project.create(path) as project:
        article, provenance = fetch_article(server.url("/story"))
        story = project.add_article(article, provenance).article_id
        other = project.add_article(Article(
            "Ferry fire\n\nThe ferry fire killed ten people, officials said on Tuesday.",
            title="Ferry fire", source="Coast Times", published=TWO_DAYS_AGO)).article_id
        project.group_events()
    return path, story, other


@pytest.fixture
def project_window(qtbot, fetched_project):
    from gui.main_window import MainWindow

    win = MainWindow()
    qtbot.addWidget(win)
    win.resize(1400, 900)
    win.show()
    qtbot.waitExposed(win)
    assert win.open_project(fetched_project[0])
    qtbot.waitUntil(lambda: win.session.pair_data is not None, timeout=20000)  # its first pair is open
    yield win
    win.close()


def _menu_action(window, menu_title: str, text: str):
    for menu_action in window.menuBar().actions():
        if menu_action.text().replace("&", "") == menu_title:
            for action in menu_action.menu().actions():
                if action.text().replace("&", "") == text:
                    return action
    raise AssertionError(f"no {menu_title} → {text}")


def _article_rows(browser) -> dict[int, tuple[str, int | None]]:
    """Every article row: id → (text, id of the article row it sits under, or None)."""
    model, found = browser.model(), {}

    def walk(parent, parent_article):
        for row in range(model.rowCount(parent)):
            index = model.index(row, 0, parent)
            item = model.itemFromIndex(index)
            is_article = item is not None and item.data(KIND_ROLE) == ARTICLE
            if is_article:
                found[int(item.data(ID_ROLE))] = (item.text(), parent_article)
            walk(index, int(item.data(ID_ROLE)) if is_article else None)

    walk(browser.rootIndex(), None)
    return found


def _check(qtbot, window) -> None:
    action = _menu_action(window, "Project", "Check Articles for Changes")
    assert action.isEnabled()
    with qtbot.waitSignal(window.session.runner.ended, timeout=60000):
        action.trigger()


def test_a_changed_article_shows_under_its_original_with_a_badge(
        qtbot, project_window, fetched_project, server):
    window = project_window
    _, story, other = fetched_project
    server.pages["/story"] = article_page("fourteen", date=TWO_DAYS_AGO)
    _check(qtbot, window)
    [revision] = window.session.project.revisions()
    rows = _article_rows(window.browser)
    text, parent = rows[revision.article_id]
    n = revision.n_discrepancies
    assert n >= 1
    assert parent == story
    badge, label = text.split("\n")
    assert badge == (f"changed 2 days after publication: {n} discrepanc"
                     f"{'y' if n == 1 else 'ies'}")
    assert label.startswith("Harbour Ledger")
    assert "1 changed, 0 unchanged" in window.statusBar().currentMessage()
    # the revision's comparison with its original is a pair in the browser
    assert revision.pair_id in window.browser.pair_ids()
    # and it can be paired with another outlet like any article
    window.session.add_pair(revision.article_id, other)
    qtbot.waitUntil(lambda: any({p.a_id, p.b_id} == {revision.article_id, other}
                                for p in window.session.project.pairs()), timeout=10000)


def test_an_unchanged_article_adds_no_revision(qtbot, project_window, server):
    _check(qtbot, project_window)
    assert project_window.session.project.revisions() == []
    rows = _article_rows(project_window.browser).values()
    assert not any("changed" in text for text, _ in rows)
    assert all(parent is None for _, parent in rows)
    assert "0 changed, 1 unchanged" in project_window.statusBar().currentMessage()


def test_a_fetch_error_is_reported_once(qtbot, project_window, server, dialogs):
    del server.pages["/story"]
    _check(qtbot, project_window)
    [warning] = dialogs.texts("warning")
    assert "HTTP 404" in warning and project_window.session.project.revisions() == []


def test_cancel_stops_a_hung_check_and_keeps_the_project_as_it_was(qtbot, project_window, server):
    window = project_window
    server.stalled.add("/story")
    action = _menu_action(window, "Project", "Check Articles for Changes")
    action.trigger()
    qtbot.waitUntil(lambda: "/story" in server.hits, timeout=10000)
    assert window.session.runner.is_busy("refetch") and window.progress.isVisible()
    window.progress.cancel_button.click()
    # A bound for a hung download, not a speed figure: the site would hold it for 30 s.
    qtbot.waitUntil(lambda: not window.session.runner.is_busy("refetch"), timeout=5000)
    assert "cancelled" in window.statusBar().currentMessage()
    assert window.session.project.revisions() == []
