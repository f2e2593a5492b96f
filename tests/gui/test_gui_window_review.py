"""What a fact-checker notices in a working session: re-wrapping, stale results, pair sides."""

from __future__ import annotations

import socket
import sqlite3

from gui_fixtures import *  # noqa: F403  (fixtures)
from PySide6.QtCore import QItemSelectionModel, QPoint
from PySide6.QtGui import QAction, QFont, QFontMetrics

import core
from core.model import Article
from core.store import Project
from core.store.event_sync import plan_events
from gui import demo
from gui.discrepancy_model import COLUMNS
from gui.import_dialogs import FETCH_TIMEOUT, FetchUrlDialog
from gui.main_window import MainWindow
from gui.manual_discrepancy_dialog import ManualDiscrepancyDialog
from gui.project_browser import ARTICLE, ID_ROLE, KIND_ROLE


def _current_spans(window):
    disc = window.session.pair_data.discrepancy(window.panel.current_id())
    return ((window.view.pane_a, disc.a), (window.view.pane_b, disc.b))


def test_resizing_the_window_keeps_the_current_discrepancy_in_view(qtbot, window):
    # Narrower panes re-wrap the text: the current spans must not slide off screen.
    for pane, span in _current_spans(window):
        qtbot.waitUntil(lambda p=pane, s=span: p.is_span_visible(s, margin=0))
    window.resize(1024, 700)
    qtbot.wait(100)
    for pane, span in _current_spans(window):
        assert pane.is_span_visible(span, margin=0), pane.objectName()
    window.resize(1400, 900)
    qtbot.wait(100)
    for pane, span in _current_spans(window):
        assert pane.is_span_visible(span, margin=0), pane.objectName()


def test_a_flash_follows_its_words_when_the_text_re_wraps(qtbot, window):
    pane, span = _current_spans(window)[0]
    pane.flash_span(span)
    window.resize(1024, 700)
    qtbot.wait(50)
    assert pane.text.flash_active()
    assert pane.text._flash_rects == pane.text.span_rects(span)


def test_the_demo_is_rebuilt_for_a_new_engine(monkeypatch):
    path = demo.ensure_demo()
    built = path.stat().st_mtime_ns
    assert demo.is_current()
    monkeypatch.setattr(core, "ENGINE_VERSION", core.ENGINE_VERSION + "-next")
    assert not demo.is_current()
    demo.ensure_demo()
    assert path.stat().st_mtime_ns != built and demo.is_current()


def test_pairs_compared_by_an_older_engine_are_recompared_and_counted(qtbot, demo_copy):
    # An older engine found one more discrepancy in the pair that opens first.
    with sqlite3.connect(demo_copy) as conn:
        first = conn.execute("SELECT pair_id FROM discrepancies GROUP BY pair_id "
                             "ORDER BY count(*) DESC, pair_id LIMIT 1").fetchone()[0]
        conn.execute("INSERT INTO discrepancies (pair_id, disc_id, kind, severity, origin) "
                     "VALUES (?, 'd-old', 'number', 'low', 'engine')", (first,))
        conn.execute("UPDATE comparisons SET engine_version = 'old'")
    conn.close()
    win = MainWindow()
    qtbot.addWidget(win)
    win.resize(1400, 900)
    win.show()
    assert win.open_project(demo_copy)
    assert all(not p.compared for p in win.session.pairs.values())
    before = win.session.project.status().discrepancies
    qtbot.waitUntil(lambda: win.session.pair_data is not None, timeout=20000)
    assert win.session.pair_id == first
    pair = win.session.pairs[win.session.pair_id]
    assert pair.compared and not pair.stale
    item = win.browser._pair_items[win.session.pair_id]
    head = item.parent()
    assert head.child(item.row(), 1).text() == str(pair.n_open) != ""
    # The event's total adds up the rows shown: stale pairs' old counts are left out.
    assert head.index().siblingAtColumn(1).data() == str(pair.n_open)
    total = win.session.project.status().discrepancies
    assert total == before - 1
    assert f"{total} discrepancies" in win.counts.text()
    win.close()


def _article(title: str, published: str) -> Article:
    return Article(title=title, text=f"{title}. Some text.", published=published)


def test_suggested_pairs_put_the_earlier_article_on_the_left(monkeypatch):
    import core.events.grouping

    articles = [_article("late", "2025-03-15"), _article("undated", ""),
                _article("early", "2025-03-14"), _article("same day", "2025-03-14")]
    # The engine may name a pair's articles either way round.
    everything = tuple((i, j) for i in range(4) for j in range(4) if i != j)
    monkeypatch.setattr(core.events.grouping, "group_events", lambda _articles: core.events.grouping.EventGrouping(
        ((0, 1, 2, 3),), everything, ()))
    pairs = plan_events([10, 11, 12, 13], articles).pairs
    rank = {12: 0, 13: 1, 10: 2, 11: 3}  # earlier date, then import order; undated last
    assert len(pairs) == len(everything)
    assert all(rank[a] < rank[b] for a, b in pairs)


def test_the_demo_pairs_read_earlier_import_on_the_left(window):
    # The demo's reports share a date, so the earlier-imported article is A in every pair.
    for pair in window.session.pairs.values():
        assert pair.a_id < pair.b_id


def _article_items(browser) -> dict:
    model = browser.model()
    items = {}
    for group in range(model.rowCount()):
        head = browser._fill(group)
        for row in range(head.rowCount()):
            child = head.child(row, 0)
            if child is not None and child.data(KIND_ROLE) == ARTICLE:
                items[child.data(ID_ROLE)] = child
    return items


def test_pairing_two_articles_by_hand_puts_the_earlier_one_on_the_left(window):
    by_date = sorted(window.session.articles.values(), key=lambda a: (a.published, a.id))
    earlier, later = by_date[0], by_date[-1]  # the budget story is months later
    assert earlier.published < later.published
    items = _article_items(window.browser)
    selection = window.browser.selectionModel()
    selection.clearSelection()
    # Ctrl+click the later article first, then the earlier one.
    for article_id in (later.id, earlier.id):
        selection.select(items[article_id].index(), QItemSelectionModel.SelectionFlag.Select
                         | QItemSelectionModel.SelectionFlag.Rows)
    assert window.browser.selected_article_ids() == [later.id, earlier.id]
    emitted = []
    window.browser.addPairRequested.disconnect()
    window.browser.addPairRequested.connect(lambda a, b: emitted.append((a, b)))
    window.browser.request_add_pair()
    assert emitted == [(earlier.id, later.id)]


def test_list_columns_fit_their_words_at_a_large_font(window):
    # A larger system font must not clip the kind or status words; the summary takes the rest.
    font = QFont(window.panel.font())
    font.setPointSizeF(font.pointSizeF() * 1.8)
    window.panel.setFont(font)
    table = window.panel.table
    header = table.horizontalHeader()
    bold = QFont(table.font())
    bold.setBold(True)
    for name, word, metrics in (("kind", "Attribution", QFontMetrics(table.font())),
                                ("severity", "Medium", QFontMetrics(table.font())),
                                ("status", "Confirmed", QFontMetrics(bold))):
        assert header.sectionSize(COLUMNS.index(name)) > metrics.horizontalAdvance(word), name
    summary = header.sectionSize(COLUMNS.index("summary"))
    others = [header.sectionSize(COLUMNS.index(n)) for n in ("kind", "severity", "status")]
    assert summary >= table.viewport().width() - sum(others) - 2


def test_fetching_a_local_address_answers_with_a_message(qtbot):
    # The real download path against a local port: refused, no hang, a plain message.
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    dialog = FetchUrlDialog()
    qtbot.addWidget(dialog)
    dialog.url.setText(f"http://127.0.0.1:{port}/news/ferry-fire")
    dialog.fetch()
    qtbot.waitUntil(lambda: dialog.url.isEnabled(), timeout=FETCH_TIMEOUT * 1000)
    assert dialog.message.text().startswith(f"Could not download http://127.0.0.1:{port}/")
    assert "local or private address" in dialog.message.text()  # never fetched
    assert dialog.result_article is None and dialog.fetch_button.isEnabled()


def test_about_shows_the_versions_in_readable_text(window, monkeypatch):
    from PySide6.QtWidgets import QDialog, QLabel

    shown = []
    monkeypatch.setattr(QDialog, "exec", lambda self: shown.append(self) or 0)
    window.actions.about.trigger()
    texts = [label.text() for label in shown[0].findChildren(QLabel)]
    about = next(text for text in texts if "FactDiff" in text)
    assert f"FactDiff {core.__version__}" in about and f"Engine {core.ENGINE_VERSION}" in about
    assert "palette(mid)" not in about  # mid-grey on the window's grey is barely legible


def test_a_read_only_project_offers_no_marking_from_the_text_menu(qtbot, demo_copy, dialogs,
                                                                monkeypatch):
    holder = Project.open(demo_copy)  # another FactDiff has it open
    try:
        win = MainWindow()
        qtbot.addWidget(win)
        win.resize(1400, 900)
        win.show()
        assert win.open_project(demo_copy) and win.session.project.readonly
        qtbot.waitUntil(lambda: win.session.pair_data is not None, timeout=20000)
        text = win.view.pane_a.text
        text.selectAll()
        mark = text.build_context_menu(QPoint(5, 5)).findChild(QAction, "markDiscrepancyAction")
        assert mark is not None and not mark.isEnabled()
        asked = []
        monkeypatch.setattr(ManualDiscrepancyDialog, "exec", lambda self: asked.append(self) or 0)
        text.addDiscrepancyRequested.emit()  # the menu's signal, should it fire anyway
        assert not asked
        assert "read-only" in win.statusBar().currentMessage()
        win.close()
    finally:
        holder.close()


def test_a_screenshot_does_not_show_the_login_name(qtbot, demo_copy):
    win = MainWindow()
    qtbot.addWidget(win)
    win.interactive = False  # as `factdiff gui --screenshot` runs it
    assert win.open_project(demo_copy)
    login = win.session.project.reviewer
    assert login and win.editor.reviewer.placeholderText() == "Your name"
    win.interactive = True
    win.session.close_project()
    assert win.open_project(demo_copy)
    assert win.editor.reviewer.placeholderText() == login
    win.close()


def test_a_pasted_article_joins_the_project_and_its_event(qtbot, window, monkeypatch):
    from conftest import DEMO

    from gui.import_dialogs import PasteArticleDialog

    retold = (DEMO / "harbor-ledger.txt").read_text(encoding="utf-8").replace("312", "321")

    def fill(dialog):
        dialog.title.setText("Ferry fire: 321 passengers evacuated")
        dialog.outlet.setText("Fjord Post")
        dialog.date.setText("2025-03-15")
        dialog.text.setPlainText(retold)
        return PasteArticleDialog.DialogCode.Accepted

    monkeypatch.setattr(PasteArticleDialog, "exec", fill)
    before = len(window.session.articles)
    window.actions.paste_article.trigger()
    qtbot.waitUntil(lambda: len(window.session.articles) == before + 1, timeout=20000)
    added = next(a for a in window.session.articles.values() if a.source == "Fjord Post")
    assert f"{before + 1} articles" in window.counts.text()
    # Grouped with the ferry reports, and paired with the earlier ones as article B.
    paired = [p for p in window.session.pairs.values() if added.id in (p.a_id, p.b_id)]
    assert paired and all(p.b_id == added.id for p in paired)


def test_fetching_from_the_window_offline_adds_nothing(qtbot, window, monkeypatch):
    from gui.import_dialogs import FetchUrlDialog as Dialog

    outcome = []

    def try_once(dialog):
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            port = probe.getsockname()[1]
        dialog.url.setText(f"127.0.0.1:{port}/story")
        dialog.fetch()
        qtbot.waitUntil(lambda: dialog.url.isEnabled(), timeout=FETCH_TIMEOUT * 1000)
        outcome.append(dialog.message.text())
        return Dialog.DialogCode.Rejected

    monkeypatch.setattr(Dialog, "exec", try_once)
    before = len(window.session.articles)
    window.actions.fetch_url.trigger()
    assert outcome and "Could not download" in outcome[0]
    assert len(window.session.articles) == before


def test_a_taller_window_gives_the_list_the_room_not_the_editor(qtbot, window):
    window.reset_layout()
    qtbot.wait(20)
    editor, table = window.editor.height(), window.panel.table.height()
    window.resize(1400, 1150)
    qtbot.waitUntil(lambda: window.height() == 1150)
    qtbot.wait(20)
    assert window.editor.height() == editor
    assert window.panel.table.height() >= table + 200


def test_a_new_text_size_keeps_the_current_discrepancy_in_view(qtbot, window):
    window.resize(1024, 700)
    qtbot.wait(50)
    for pane, span in _current_spans(window):
        assert pane.is_span_visible(span, margin=0)
    window.view.set_text_size(20)
    qtbot.wait(50)
    for pane, span in _current_spans(window):
        assert pane.is_span_visible(span, margin=0), pane.objectName()


def test_a_filter_hiding_the_current_discrepancy_unframes_it(qtbot, window):
    current = window.panel.current_id()
    disc = window.session.pair_data.discrepancy(current)
    assert window.view.pane_a.text.emphasis() == disc.a
    hidden_kind = disc.kind
    others = [d for d in window.session.pair_data.discrepancies if d.kind != hidden_kind]
    assert others
    window.panel.text_filter.setText(others[0].summary)
    qtbot.waitUntil(lambda: window.panel.current_id() is None)
    assert window.editor.target_id() is None
    assert window.view.current_id() is None
    assert window.view.pane_a.text.emphasis() is None and window.view.pane_b.text.emphasis() is None
    window.panel.text_filter.clear()
    window.go_discrepancy(1)
    assert window.view.current_id() == window.panel.current_id() is not None


def test_status_bar_counts_say_less_instead_of_being_cut(qtbot, window):
    window.resize(1024, 700)
    window.progress.begin("Comparing pairs")
    window.progress.update_progress(3, 10, "Coastal Wire ↔ Harbor Ledger")
    qtbot.wait(50)
    for label in (window.pair_status, window.counts):
        assert label.text()
        assert label.fontMetrics().horizontalAdvance(label.text()) <= label.width(), label.text()
    assert "open" in window.counts.text()
    assert window.counts.toolTip().startswith(f"{len(window.session.articles)} articles")
    window.progress.end()
    window.resize(1400, 900)
    qtbot.waitUntil(lambda: "articles" in window.counts.text())
    assert "discrepancy 1 of" in window.pair_status.text()
