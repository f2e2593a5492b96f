"""What the engine remembers about an article never changes a comparison's answer.

An article compared in several pairs is read once: its sentences, features,
facts, content words, folded sentences, clauses, quotes and credits' words are remembered. The answer for a pair
must be the same whether its articles were met before or not.
"""

from __future__ import annotations

from conftest import DEMO, seed

from core.compare import clear_caches, compare
from core.discrepancies.claims import _clauses
from core.discrepancies.meaning_shifts import _read
from core.discrepancies.number_conflicts import _CONTEXTS
from core.discrepancies.quote_conflicts import _quote_list
from core.discrepancies.rewordings import _content_keys
from core.discrepancies.sources import _words
from core.discrepancies.text import normalise
from core.ingest.load import load_article


def test_a_pair_compares_the_same_cold_and_after_its_articles_met_others():
    a, b, c = (load_article(seed(n)) for n in ("000", "002", "004"))
    clear_caches()
    cold = compare(a, b)
    compare(a, c)
    compare(c, b)
    warm = compare(a, b)
    assert warm == cold
    remembered = (_content_keys, normalise, _clauses, _read, _quote_list, _words)
    assert all(cache.cache_info().currsize for cache in remembered)
    assert _CONTEXTS
    clear_caches()
    assert not any(cache.cache_info().currsize for cache in remembered)
    assert not _CONTEXTS
    assert compare(a, b) == cold


def test_a_per_article_reading_is_done_once_per_article_and_again_after_forget():
    from core.compare import _facts
    from core.discrepancies.side import build_side, forget_articles, per_article
    from core.text.segment import article_sentences

    calls = []

    @per_article
    def reading(side):
        calls.append(side.article.title)
        return len(side.text)

    a, b = (load_article(seed(n)) for n in ("000", "002"))

    def side(article):
        return build_side(
            article, _facts(article, article_sentences(article.text, article.boilerplate))
        )

    assert [reading(side(a)), reading(side(a)), reading(side(b)), reading(side(a))] == [
        len(a.text),
        len(a.text),
        len(b.text),
        len(a.text),
    ]
    assert calls == [a.title, b.title]  # a side rebuilt for another pair is the same article
    forget_articles()
    reading(side(a))
    assert calls == [a.title, b.title, a.title]


def test_a_per_article_reading_never_answers_for_another_side_built_in_its_place():
    from core.compare import _facts
    from core.discrepancies.side import build_side, forget_articles, per_article
    from core.text.segment import article_sentences

    @per_article
    def reading(side):
        return side.text

    a, b, c = (
        load_article(DEMO / f"{name}.txt")
        for name in ("harbor-ledger", "coastal-wire", "island-gazette")
    )

    def side(article):
        return build_side(
            article, _facts(article, article_sentences(article.text, article.boilerplate))
        )

    forget_articles()
    # sides built and dropped one after another may take the freed object's place:
    # each must still be answered for its own article
    for article in (a, b, c, a, c, b, b, a) * 3:
        assert reading(side(article)) == article.text
    kept = side(a)
    assert reading(kept) == reading(kept) == a.text
    assert reading(side(b)) == b.text


def test_every_pair_lists_are_shared_read_only_and_still_recognised_when_copied():
    import numpy as np
    import pytest

    from core.matchers.align import _every_pair, all_pairs

    ia, ib = all_pairs(3, 4)
    assert all_pairs(3, 4)[0] is ia
    with pytest.raises(ValueError):
        ia[0] = 7
    assert _every_pair(ia, ib, 3, 4)
    assert _every_pair(ia.copy(), ib.copy(), 3, 4)
    assert not _every_pair(ia[::-1].copy(), ib, 3, 4)
    assert not _every_pair(np.zeros(12, dtype=np.int64), ib, 3, 4)
