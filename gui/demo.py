"""The demo project: built from ``resources/demo/*.txt`` on first use.

Shipping a binary ``.factdiff`` would go stale with every engine change, so the
demo is generated at run time into the app's data folder: import the bundled
articles, group them into events, compare every suggested pair. It is built
under a temporary name and renamed into place, so an interrupted build never
leaves a half-made demo behind.
"""

from __future__ import annotations

import os
from pathlib import Path

from core.errors import FactDiffError
from core.resources_path import resource
from gui.settings import data_dir

DEMO_NAME = "demo.factdiff"
DEMO_TITLE = "Demo: the Vessmark ferry fire"
#: The outlet of each demo article (plain text files carry no machine-readable
#: outlet), so the browser and the report name them the way a reader would.
DEMO_OUTLETS = {
    "harbor-ledger": "Harbor Ledger",
    "coastal-wire": "Coastal Wire",
    "island-gazette": "Island Gazette",
    "vessmark-budget": "Harbor Ledger",
}


def demo_sources() -> list[Path]:
    return sorted(resource("demo").glob("*.txt"))


def _demo_article(path: Path):
    from dataclasses import replace

    from core.ingest import load_article

    article = load_article(path)
    outlet = DEMO_OUTLETS.get(path.stem, "")
    return replace(article, source=article.source or outlet)


def demo_path() -> Path:
    return data_dir() / DEMO_NAME


def build_demo(target: Path) -> Path:
    """Create the demo project at ``target`` (replacing any file there)."""
    from core.store import Project

    sources = demo_sources()
    if not sources:
        raise FactDiffError(f"The demo articles are missing from {resource('demo')}.")
    partial = target.with_name(target.name + ".partial")
    partial.unlink(missing_ok=True)
    project = Project.create(partial, name=DEMO_TITLE)
    try:
        project.add_articles(_demo_article(path) for path in sources)
        project.group_events()
        project.compare_all()
    finally:
        project.close()
    os.replace(partial, target)
    return target


def ensure_demo() -> Path:
    """The demo project's path, building it first when it does not exist yet."""
    path = demo_path()
    if not path.exists():
        build_demo(path)
    return path
