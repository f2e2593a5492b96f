from core.store import ArticleInfo, EventInfo, PairInfo
from gui.project_browser import ProjectBrowser, article_label, pair_label, pair_row_text


def _article(i, title, source, date="2025-03-14"):
    return ArticleInfo(i, title, source, "", date, "", "txt", f"/x/{i}.txt", 1000)


ARTICLES = [_article(1, "Fire on ferry", "Harbor Ledger"), _article(2, "Ferry fire", "Coastal Wire"),
            _article(3, "Budget passes", "Harbor Ledger"), _article(4, "Loose", "")]
EVENTS = [EventInfo(1, "Ferry fire", (1, 2)), EventInfo(2, "Budget", (3,))]
PAIRS = [PairInfo(7, 1, 2, 1, "suggested", True, 5, 3, 1),
         PairInfo(8, 2, 4, None, "user", False, 0, 0, 0)]


def _browser(qtbot):
    browser = ProjectBrowser()
    qtbot.addWidget(browser)
    browser.populate(EVENTS, ARTICLES, PAIRS)
    return browser


def test_tree_lists_events_articles_and_pairs_with_counts(qtbot):
    browser = _browser(qtbot)
    model = browser.model()
    assert [model.item(r, 0).text() for r in range(model.rowCount())] == [
        "Ferry fire", "Budget", "Not grouped"]
    fire = model.item(0, 0)
    texts = [fire.child(r, 0).text() for r in range(fire.rowCount())]
    assert texts == [article_label(ARTICLES[1]), article_label(ARTICLES[0]),
                     "Harbor Ledger · 14 Mar 2025 · Fire on ferry\n"
                     "↔ Coastal Wire · 14 Mar 2025 · Ferry fire"]
    assert fire.child(2, 1).text() == "3" and fire.child(2, 2).text() == "1"
    assert model.item(0, 1).text() == "3"
    assert browser.pair_ids() == [7, 8]


def test_selecting_a_pair_requests_it_once(qtbot):
    browser = _browser(qtbot)
    with qtbot.waitSignal(browser.pairOpenRequested, timeout=1000) as blocker:
        browser.select_pair(8)
    assert blocker.args == [8]
    seen = []
    browser.pairOpenRequested.connect(seen.append)
    browser.select_pair(7, emit=False)
    assert seen == [] and browser.current_pair_id() == 7


def test_two_selected_articles_request_a_pair(qtbot):
    browser = _browser(qtbot)
    model = browser.model()
    fire = model.item(0, 0)
    selection = browser.selectionModel()
    selection.select(fire.child(0, 0).index(), selection.SelectionFlag.Select)
    assert not browser.can_add_pair()
    selection.select(fire.child(1, 0).index(), selection.SelectionFlag.Select)
    assert browser.can_add_pair()
    with qtbot.waitSignal(browser.addPairRequested, timeout=1000) as blocker:
        browser.request_add_pair()
    assert sorted(blocker.args) == [1, 2]


def test_remove_request_names_the_selected_pair(qtbot):
    browser = _browser(qtbot)
    browser.select_pair(7, emit=False)
    with qtbot.waitSignal(browser.removePairRequested, timeout=1000) as blocker:
        browser.request_remove_pair()
    assert blocker.args == [7]


def test_update_pair_refreshes_counts_and_keeps_selection(qtbot):
    browser = _browser(qtbot)
    browser.select_pair(7, emit=False)
    browser.update_pair(PAIRS[0]._replace(n_open=1, n_confirmed=3))
    fire = browser.model().item(0, 0)
    assert (fire.child(2, 1).text(), fire.child(2, 2).text()) == ("1", "3")
    assert browser.model().item(0, 2).text() == "3"
    browser.populate(EVENTS, ARTICLES, PAIRS)
    assert browser.current_pair_id() == 7


def test_pair_label_falls_back_to_file_names_as_saved():
    loose = _article(4, "", "", "")._replace(path="/x/000_f33338e8c91f2417.txt")
    info = {4: loose, 1: ARTICLES[0]}
    pair = PAIRS[0]._replace(a_id=4, b_id=1)
    assert pair_label(pair, info) == "000_f33338e8c91f2417 ↔ Harbor Ledger · 14 Mar 2025"
    assert pair_row_text(pair, info) == (
        "000_f33338e8c91f2417\n↔ Harbor Ledger · 14 Mar 2025 · Fire on ferry")


def test_the_order_is_by_date_then_title_whatever_the_counts_or_ids(qtbot):
    articles = [_article(1, "Zebra escapes", "Z News", "2025-03-15"),
                _article(2, "Apple harvest", "A Post", "2025-03-15"),
                _article(3, "Early word", "E Daily", "2025-03-14"),
                _article(4, "Undated", "U Times", "")]
    events = [EventInfo(9, "Story", (1, 2, 3, 4))]
    pairs = [PairInfo(5, 1, 4, 9, "suggested", True, 9, 9, 0),
             PairInfo(6, 3, 1, 9, "suggested", False, 0, 0, 0),
             PairInfo(7, 2, 1, 9, "suggested", True, 1, 1, 0)]
    browser = ProjectBrowser()
    qtbot.addWidget(browser)
    browser.populate(events, articles, pairs)
    assert browser.pair_ids() == [6, 7, 5]
    again = [p._replace(compared=True, n_discrepancies=20 - p.id) for p in reversed(pairs)]
    browser.populate(events, list(reversed(articles)), again)
    assert browser.pair_ids() == [6, 7, 5]
    story = browser.model().item(0, 0)
    assert [story.child(r, 0).text().split(" · ")[0] for r in range(4)] == [
        "E Daily", "A Post", "Z News", "U Times"]


def test_big_projects_fill_groups_on_demand(qtbot):
    from gui import project_browser

    articles = [_article(i, f"Story {i}", f"Outlet {i % 4}") for i in range(1, 801)]
    events = [EventInfo(e, f"Event {e}", tuple(range(4 * e - 3, 4 * e + 1))) for e in range(1, 201)]
    pairs = [PairInfo(1000 + e, 4 * e - 3, 4 * e - 2, e, "suggested", True, 2, 2, 0)
             for e in range(1, 201)]
    browser = ProjectBrowser()
    qtbot.addWidget(browser)
    browser.populate(events, articles, pairs)
    model = browser.model()
    assert model.rowCount() == 200
    assert len(browser._pair_items) == 0  # nothing materialised yet
    assert len(browser.pair_ids()) == 200 > project_browser.EAGER_ROWS // 4
    assert model.item(57, 1).text() == "2"
    browser.select_pair(1150, emit=False)
    assert browser.current_pair_id() == 1150
    head = model.item(149, 0)
    assert browser.isExpanded(head.index()) and head.rowCount() == 5
    browser.expand(model.index(3, 0))
    assert model.item(3, 0).rowCount() == 5
    browser.update_pair(pairs[0]._replace(n_open=0, n_confirmed=2))
    assert (model.item(0, 1).text(), model.item(0, 2).text()) == ("", "2")
