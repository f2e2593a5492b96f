"""Correcting an article's details: stored with history, and a new date re-compares its pairs."""

from __future__ import annotations

import pytest
from test_store_helpers import new_project

from core.errors import ProjectError
from core.model import Article

A_TEXT = ("Harbour fire closes the quay\n\nA fire broke out at the harbour on Wednesday, "
          "the coast guard said. Forty people were evacuated from the quay.")
B_TEXT = ("Quay evacuated after harbour fire\n\nA fire broke out at the harbour on March 12, "
          "the coast guard said. Forty people were evacuated from the quay.")


def _dates(project, pair_id):
    return [d for d in project.discrepancies(pair_id) if d.kind == "date"]


def test_a_corrected_date_re_resolves_weekdays_at_the_next_compare(tmp_path, monkeypatch):
    from core.facts.extract import extract_facts
    from core.store import pair_store

    seen = []
    real = pair_store.compare_articles

    def engine(a, b):
        seen.append((a.published, b.published))
        return real(a, b)

    monkeypatch.setattr(pair_store, "compare_articles", engine)
    with new_project(tmp_path, "dates") as p:
        a = p.add_article(Article(A_TEXT, title="Harbour fire", published="2025-03-14")).article_id
        b = p.add_article(Article(B_TEXT, title="Quay", published="2025-03-14")).article_id
        pair = p.add_pair(a, b)
        assert p.compare_all() == 1
        assert extract_facts(p.article(a)).dates[0].value == "2025-03-12"
        p.edit_article(a, published="2025-03-21")
        assert not p.pair(pair).compared  # marked for re-comparison
        assert p.compare_all() == 1
        assert seen == [("2025-03-14", "2025-03-14"), ("2025-03-21", "2025-03-14")]
        assert p.comparison(pair).a.published == "2025-03-21"
        # "on Wednesday" now means the Wednesday before the corrected date
        assert extract_facts(p.article(a)).dates[0].value == "2025-03-19"
        assert p.compare_all() == 0  # and the new result is kept


def test_edits_are_kept_with_their_history_and_other_fields_keep_the_cache(tmp_path):
    with new_project(tmp_path, "meta") as p:
        a = p.add_article(Article(A_TEXT, title="Harbour fire")).article_id
        b = p.add_article(Article(B_TEXT, title="Quay")).article_id
        pair = p.add_pair(a, b)
        p.compare_all()
        p.reviewer = "Ana"
        info = p.edit_article(a, source="  Harbor   Ledger ", title="Harbour fire")
        assert info.source == "Harbor Ledger" and info.title == "Harbour fire"
        assert p.pair(pair).compared  # the outlet does not change what is compared
        p.edit_article(a, source="The Harbor Ledger", url="https://example.org/fire")
        history = p.article_history(a)
        assert [(h.field, h.old, h.new, h.reviewer) for h in history] == [
            ("source", "", "Harbor Ledger", "Ana"),
            ("source", "Harbor Ledger", "The Harbor Ledger", "Ana"),
            ("url", "", "https://example.org/fire", "Ana"),
        ]
        assert p.articles()[0].source == "The Harbor Ledger"


def test_bad_edits_are_one_line_errors_and_change_nothing(tmp_path):
    with new_project(tmp_path, "bad") as p:
        a = p.add_article(Article(A_TEXT, published="2025-03-14")).article_id
        with pytest.raises(ProjectError, match="not a date"):
            p.edit_article(a, published="next Thursday", source="X")
        with pytest.raises(ProjectError, match="not an article detail"):
            p.edit_article(a, text="new text")
        with pytest.raises(ProjectError, match="no article"):
            p.edit_article(999, title="x")
        assert p.article_info(a).source == "" and p.article_history(a) == []
