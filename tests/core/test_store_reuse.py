"""Comparing a project reuses each article's work across its pairs, and the results stay the same.

The reference is every pair compared on its own, with everything the engine
remembers about articles forgotten before each one. Reusing work (one process
meeting an article in several pairs, batches sent to worker processes) must
give byte-identical stored results.
"""

from __future__ import annotations

from itertools import combinations

import pytest

from core.compare import clear_caches, compare
from core.ingest.load import load_article
from core.model import Article
from core.resources_path import resources_dir
from core.store import Project, pair_store
from core.store.comparing import batched, encode_result, run_comparisons


def _demo_articles() -> list[Article]:
    return [load_article(p) for p in sorted((resources_dir() / "demo").glob("*.txt"))]


def _each_alone(jobs) -> dict[int, bytes]:
    blobs = {}
    for pair_id, a, b in jobs:
        clear_caches()
        blobs[pair_id] = encode_result(compare(a, b)).blob
    return blobs


@pytest.fixture(scope="module")
def demo_jobs():
    articles = _demo_articles()
    jobs = [(i, a, b) for i, (a, b) in enumerate(combinations(articles, 2))]
    return jobs, _each_alone(jobs)


def test_reused_work_in_one_process_gives_the_same_results(demo_jobs):
    jobs, alone = demo_jobs
    clear_caches()
    warm = {pid: out.blob for pid, out in run_comparisons(iter(jobs + jobs[::-1]), 1)}
    assert warm == alone


def test_batches_in_worker_processes_give_the_same_results(demo_jobs):
    jobs, alone = demo_jobs
    pooled = {pid: out.blob for pid, out in run_comparisons(iter(jobs), 2, batch_size=2)}
    assert pooled == alone


def test_a_project_compared_in_batches_keeps_the_same_results(tmp_path, monkeypatch, demo_jobs):
    _, alone = demo_jobs
    articles = _demo_articles()
    monkeypatch.setattr(pair_store, "_PAIRS_PER_PROCESS", 1)  # six pairs still get two processes
    monkeypatch.setattr(pair_store, "_BATCHES_PER_PROCESS", 1)  # in batches of three
    with Project.create(tmp_path / "p.factdiff") as p:
        ids = [p.add_article(a).article_id for a in articles]
        pair_ids = [p.add_pair(x, y) for x, y in combinations(ids, 2)]
        assert p.compare_all(workers=2) == 6
        stored = {pid: encode_result(p.comparison(pid)).blob for pid in pair_ids}
    assert list(stored.values()) == [alone[i] for i in range(6)]


def _job(pair_id: int, a: str, b: str) -> tuple[int, Article, Article]:
    return pair_id, Article(a), Article(b)


def test_batches_keep_an_articles_pairs_together_and_ship_it_once():
    jobs = [_job(0, "x", "y"), _job(1, "x", "z"), _job(2, "y", "z"), _job(3, "p", "q")]
    batches = list(batched(iter(jobs), 2))
    assert [[j[0] for j in b] for b in batches] == [[0, 1, 2], [3]]
    first = batches[0]
    assert first[0][1] is first[1][1]  # equal articles became one object
    assert first[0][2] is first[2][1]


def test_a_batch_never_grows_past_twice_its_size():
    jobs = [_job(i, "hub", f"spoke {i}") for i in range(7)]
    assert [len(b) for b in batched(iter(jobs), 2)] == [4, 3]


def test_batches_of_one_take_a_second_pair_of_the_same_article():
    jobs = [_job(i, "same", "other") for i in range(3)]
    assert [len(b) for b in batched(iter(jobs), 1)] == [2, 1]


def test_each_article_is_read_once_for_all_its_pairs(demo_jobs, monkeypatch):
    import core.compare as compare_module
    import core.matchers.features as features_module

    jobs, _ = demo_jobs
    read: list[str] = []
    real = compare_module.extract_facts

    def counting(article, sentences):
        read.append(article.title)
        return real(article, sentences)

    monkeypatch.setattr(compare_module, "extract_facts", counting)
    clear_caches()
    list(run_comparisons(iter(jobs), 1))
    assert sorted(read) == sorted({a.title for _, a, b in jobs} | {b.title for _, a, b in jobs})
    assert features_module.sentence_features.cache_info().hits > 0
