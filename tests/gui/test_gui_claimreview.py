"""File → Export ClaimReview… and the ClaimReview preferences, on the real window."""

from __future__ import annotations

import json

from gui_fixtures import *  # noqa: F403  (fixtures)
from PySide6.QtWidgets import QDialog

from core.report.claimreview_config import (
    ClaimReviewConfig,
    RatingRule,
    load_config,
    save_config,
    user_config_path,
)
from gui.preferences_dialog import PreferencesDialog
from gui.settings import Settings


def _confirm_current(window, verdict: str) -> str:
    disc_id = window.panel.current_id()
    window.session.project.annotate(window.session.pair_id, disc_id, status="confirmed", verdict=verdict)
    return disc_id


def _give_urls(window) -> None:
    for info in window.session.project.articles():
        if not info.url:
            window.session.project.edit_article(info.id, url=f"https://news{info.id}.example/story")


def test_export_writes_valid_reviews_from_the_preferences(window, dialogs, tmp_path):
    save_config(ClaimReviewConfig(organization="Desk", review_url="https://desk.example/r#{id}",
                                  ratings=(RatingRule("inaccurate", "False", 1),)))  # fmt: skip
    _give_urls(window)
    disc_id = _confirm_current(window, "inaccurate")
    dialogs.save_file = str(tmp_path / "out")
    window.actions.export_claimreview.trigger()
    (review,) = json.loads((tmp_path / "out.jsonld").read_text(encoding="utf-8"))
    assert review["@type"] == "ClaimReview" and review["author"]["name"] == "Desk"
    assert review["url"] == f"https://desk.example/r#{disc_id}"
    assert review["reviewRating"]["alternateName"] == "False"


def test_export_without_organisation_names_what_is_missing(window, dialogs, tmp_path):
    _confirm_current(window, "inaccurate")
    dialogs.save_file = str(tmp_path / "out.jsonld")
    window.actions.export_claimreview.trigger()
    (text,) = dialogs.texts("warning")
    assert "author.name (no fact-checking organisation" in text
    assert not (tmp_path / "out.jsonld").exists()


def test_export_with_nothing_confirmed_says_so(window, dialogs):
    window.actions.export_claimreview.trigger()
    assert dialogs.texts("warning") == [
        "No confirmed discrepancy has a verdict: nothing to publish yet."
    ]


def test_preferences_edit_the_file_the_cli_reads(qtbot):
    dialog = PreferencesDialog(Settings())
    qtbot.addWidget(dialog)
    page = dialog.claimreview
    assert page.table.rowCount() == len(load_config().ratings)
    page.organization.setText("Harbour Checks")
    page.add_row("half true", "Half True", 3)
    dialog.save()
    saved = load_config(user_config_path())
    assert saved.organization == "Harbour Checks"
    assert saved.rule("Half True") == saved.rule("half true") and saved.rule("half true").value == 3


def test_invalid_rating_table_keeps_the_dialog_open(qtbot, dialogs, monkeypatch):
    dialog = PreferencesDialog(Settings())
    qtbot.addWidget(dialog)
    dialog.claimreview.add_row("wild", "Wild", 99)
    results = []
    monkeypatch.setattr(QDialog, "accept", lambda self: results.append("accepted"))
    dialog._accept_if_valid()
    assert results == [] and "outside 1–5" in dialogs.texts("warning")[0]
    assert not user_config_path().exists()


def test_article_details_show_the_provenance(window, monkeypatch):
    from gui.article_details_dialog import ArticleDetailsDialog

    shown = []
    monkeypatch.setattr(ArticleDetailsDialog, "exec", lambda self: shown.append(self) or 0)
    article_id = window.session.project.articles()[0].id
    window.edit_article_details(article_id)
    label = shown[0].findChild(type(shown[0].date_note), "article-provenance")
    digest = window.session.project.provenance(article_id).sha256
    assert f"SHA-256 of the original: {digest}" in label.text()
