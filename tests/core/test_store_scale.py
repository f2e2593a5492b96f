"""Large articles and many articles: the file copes with both."""

from __future__ import annotations

from test_store_helpers import article, install_fake_engine, new_project

from core.store import Project


def _title(i: int) -> str:
    """The first 2,000 articles come in pairs about one event each; the rest stand alone."""
    return f"E{i // 2} r{i}" if i < 2_000 else f"solo-{i}"


def test_ten_thousand_articles(tmp_path, monkeypatch):
    install_fake_engine(monkeypatch)
    with new_project(tmp_path) as p:
        batch = [
            article(f"Short report number {i}. Council met.", _title(i)) for i in range(10_000)
        ]
        results = p.add_articles(batch)
        assert len({r.article_id for r in results}) == 10_000
        assert not any(r.duplicate for r in results)
        assert p.add_article(batch[1234]).duplicate
        events = p.group_events()
        assert len(events) == 1_000
        assert p.compare_all() == 1_000
        path = p.path
    with Project.open(path) as p:
        infos = p.articles()
        assert len(infos) == 10_000 and infos[-1].title == "solo-9999"
        assert len(p.pairs()) == 1_000
        status = p.status()
        assert (status.articles, status.events, status.compared_pairs) == (10_000, 1_000, 1_000)
        assert p.article(infos[5000].id).text == batch[5000].text


def test_five_megabyte_article(tmp_path, monkeypatch):
    install_fake_engine(monkeypatch)
    paragraph = "The council voted on the harbour budget after a long debate. " * 16 + "\n\n"
    big = (paragraph * (5_000_000 // len(paragraph) + 1))[:5_000_000]
    raw = big.encode("utf-8")
    with new_project(tmp_path) as p:
        a = p.add_article(article(big + " 12 dead.", "Big", raw=raw)).article_id
        b = p.add_article(article(big + " 13 dead.", "Big too")).article_id
        pair = p.add_pair(a, b)
        assert [d.id for d in p.comparison(pair).discrepancies] == ["n-12"]
        path = p.path
    size = path.stat().st_size
    assert size < 2 * 5_000_000 + 2_000_000  # two texts, compressed original, little else
    with Project.open(path) as p:
        loaded = p.article(a)
        assert loaded.text == big + " 12 dead." and loaded.raw == raw
        assert p.comparison(pair).a.text == loaded.text
        assert p.articles()[0].n_chars == len(big) + 9
