"""One claim dated to different years in linked sentences."""

from __future__ import annotations

from finder_sides import side

from core.discrepancies.year_conflicts import year_conflicts


def test_one_change_moved_by_a_year_is_a_date_conflict():
    a = side("Harbour news.\n\nSince 2009 the harbour board has charged a fee for moorings.")
    b = side("Harbour news.\n\nThe harbour board has charged a fee for moorings since 2012.")
    [f] = year_conflicts(a, b, {(1, 1)})
    assert (f.kind, f.severity) == ("date", "high")
    assert (a.text[f.a[0] : f.a[1]], b.text[f.b[0] : f.b[1]]) == ("2009", "2012")


def test_years_are_read_only_in_linked_sentences():
    a = side("Harbour news.\n\nSince 2009 the harbour board has charged a fee for moorings.")
    b = side("Harbour news.\n\nThe harbour board has charged a fee for moorings since 2012.")
    assert year_conflicts(a, b, set()) == []


def test_years_after_different_words_are_different_happenings():
    a = side("Harbour news.\n\nThe board, founded in 1990, charged a fee for moorings.")
    b = side("Harbour news.\n\nThe board has charged a fee for moorings since 2012.")
    assert year_conflicts(a, b, {(1, 1)}) == []


def test_a_year_the_other_article_also_writes_is_another_happening():
    a = side("Harbour news.\n\nSince 2009 the board has charged a fee. It rose in 2012.")
    b = side("Harbour news.\n\nThe board has charged a fee since 2012.")
    assert year_conflicts(a, b, {(1, 1)}) == []


def test_a_sentence_with_two_years_is_not_read():
    a = side("Harbour news.\n\nSince 2009 the board has charged a fee, raised in 2015.")
    b = side("Harbour news.\n\nThe board has charged a fee since 2012.")
    assert year_conflicts(a, b, {(1, 1)}) == []


def test_compare_reports_a_claim_moved_by_a_year():
    from core.compare import compare
    from core.model import Article

    a = Article("Harbour fees.\n\nSince 2009 the harbour board has charged a fee for moorings.")
    b = Article("Harbour fees.\n\nThe harbour board has charged a fee for moorings since 2012.")
    found = [d for d in compare(a, b).discrepancies if d.kind == "date"]
    assert [(d.severity, d.summary) for d in found] == [("high", "Since 2009 vs since 2012")]
