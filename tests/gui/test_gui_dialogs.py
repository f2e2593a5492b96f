"""The small dialogs: paste, fetch, mark, preferences — each without blocking."""

from __future__ import annotations

from PySide6.QtWidgets import QDialogButtonBox

import core.web.fetch
from gui.import_dialogs import FetchUrlDialog, PasteArticleDialog
from gui.manual_discrepancy_dialog import ManualDiscrepancyDialog
from gui.preferences_dialog import PreferencesDialog
from gui.settings import Settings

OK = QDialogButtonBox.StandardButton.Ok


def test_paste_dialog_validates_and_builds_an_article(qtbot):
    dialog = PasteArticleDialog()
    qtbot.addWidget(dialog)
    ok = dialog.buttons.button(OK)
    assert not ok.isEnabled()
    dialog.text.setPlainText("Ferry fire\n\nA fire broke out on the ferry on Thursday.")
    assert ok.isEnabled()
    dialog.date.setText("14 March")
    assert not ok.isEnabled() and "YYYY-MM-DD" in dialog.error.text()
    dialog.date.setText("2025-03-14")
    dialog.url.setText("ftp://example.org")
    assert not ok.isEnabled()
    dialog.url.setText("https://example.org/fire")
    dialog.outlet.setText("North Sound Post")
    assert ok.isEnabled()
    article = dialog.article()
    assert (article.title, article.source, article.published, article.url) == (
        "Ferry fire", "North Sound Post", "2025-03-14", "https://example.org/fire")
    dialog.title.setText("Own title")
    assert dialog.article().title == "Own title"


def test_fetch_dialog_explains_an_offline_failure(qtbot, monkeypatch):
    def offline(url, **_kw):
        raise core.web.fetch.FetchError(f"Could not download {url}: you may be offline (no DNS)")

    monkeypatch.setattr(core.web.fetch, "fetch_page", offline)
    dialog = FetchUrlDialog()
    qtbot.addWidget(dialog)
    assert not dialog.fetch_button.isEnabled()
    dialog.url.setText("example.org/news/fire")
    assert dialog.fetch_button.isEnabled()
    dialog.fetch()
    assert not dialog.url.isEnabled()  # busy while downloading
    qtbot.waitUntil(lambda: dialog.url.isEnabled(), timeout=10000)
    assert "Could not download https://example.org/news/fire" in dialog.message.text()
    assert "offline" in dialog.message.text()
    assert dialog.result_article is None


def test_fetch_dialog_explains_a_page_without_an_article(qtbot, monkeypatch):
    monkeypatch.setattr(core.web.fetch, "fetch_page", lambda url, **kw: core.web.fetch.FetchedPage(
        url, b"<html><body><nav>Home</nav></body></html>", ""))
    dialog = FetchUrlDialog()
    qtbot.addWidget(dialog)
    dialog.url.setText("https://example.org/")
    dialog.fetch()
    qtbot.waitUntil(lambda: dialog.url.isEnabled(), timeout=10000)
    assert "No article found at https://example.org/" in dialog.message.text()


def test_fetch_dialog_returns_the_article(qtbot, monkeypatch):
    paragraph = ("The ferry Northern Tern caught fire in its engine room on Thursday, and "
                 "about 280 passengers and crew were taken off by rescue boats. ")
    page = (f"<html><head><title>Ferry fire</title></head><body><article><h1>Ferry fire</h1>"
            f"<p>{paragraph * 3}</p><p>{paragraph * 2}</p></article></body></html>")
    monkeypatch.setattr(core.web.fetch, "fetch_page", lambda url, **kw: core.web.fetch.FetchedPage(
        url + "?amp", page.encode(), "utf-8", "Thu, 03 Dec 2026 10:00:00 GMT", '"v7"'))
    dialog = FetchUrlDialog()
    qtbot.addWidget(dialog)
    dialog.url.setText("https://example.org/fire")
    with qtbot.waitSignal(dialog.accepted, timeout=10000):
        dialog.fetch()
    assert "Northern Tern" in dialog.result_article.text
    assert dialog.result_article.url == "https://example.org/fire?amp"
    assert dialog.result_article.raw == page.encode()  # the bytes as served
    provenance = dialog.result_provenance
    assert (provenance.origin, provenance.location, provenance.final_url) == (
        "url", "https://example.org/fire", "https://example.org/fire?amp")
    assert (provenance.last_modified, provenance.etag) == ("Thu, 03 Dec 2026 10:00:00 GMT", '"v7"')


def test_manual_dialog_suggests_a_summary_and_returns_choices(qtbot):
    dialog = ManualDiscrepancyDialog("on Thursday", "on Wednesday")
    qtbot.addWidget(dialog)
    assert "Thursday" in dialog.summary.text() and "Wednesday" in dialog.summary.text()
    dialog.kind.setCurrentIndex(dialog.kind.findData("date"))
    dialog.severity.setCurrentIndex(dialog.severity.findData("high"))
    dialog.summary.setText("  Weekday of the fire differs ")
    assert dialog.values() == ("date", "Weekday of the fire differs", "high")
    dialog.summary.clear()
    assert not dialog.buttons.button(OK).isEnabled()


def test_manual_dialog_for_a_one_sided_selection(qtbot):
    dialog = ManualDiscrepancyDialog("", "only in B")
    qtbot.addWidget(dialog)
    assert dialog.summary.text() == "Only B reports “only in B”"


def test_preferences_are_saved_only_on_save(qtbot):
    settings = Settings()
    dialog = PreferencesDialog(settings)
    qtbot.addWidget(dialog)
    dialog.reviewer.setText("Ada")
    dialog.scroll_sync.setChecked(False)
    assert Settings().reviewer == ""
    dialog.save()
    again = Settings()
    assert again.reviewer == "Ada" and again.scroll_sync is False
