from core.store import Project
from gui import demo
from gui.demo import demo_path, demo_sources, ensure_demo


def test_demo_is_built_once_with_events_and_compared_pairs():
    assert len(demo_sources()) >= 3
    path = ensure_demo()
    assert path == demo_path() and path.exists()
    stamp = path.stat().st_mtime_ns
    assert ensure_demo().stat().st_mtime_ns == stamp  # not rebuilt
    with Project.open(path, readonly=True) as project:
        assert len(project.articles()) == len(demo_sources())
        pairs = project.pairs()
        assert pairs and all(p.compared for p in pairs)
        assert sum(p.n_discrepancies for p in pairs) > 0
    assert not path.with_name(path.name + ".partial").exists()


def test_a_missing_demo_is_rebuilt():
    path = ensure_demo()
    path.unlink()
    assert ensure_demo().exists()


def test_a_demo_built_from_other_sources_is_rebuilt(monkeypatch):
    path = ensure_demo()
    stamp = path.stat().st_mtime_ns
    monkeypatch.setattr(demo, "DEMO_REVISION", "test-changed")
    ensure_demo()
    assert path.stat().st_mtime_ns != stamp


def test_demo_articles_are_named_by_outlet():
    with Project.open(ensure_demo(), readonly=True) as project:
        assert {a.source for a in project.articles()} >= {"Harbor Ledger", "Coastal Wire"}
