"""The demo project: built from ``resources/demo/*.txt`` on first use.

Shipping a binary ``.factdiff`` would go stale with every engine change, so the
demo is generated at run time into the app's data folder: import the bundled
articles, group them into events, compare every suggested pair. It is built
under a temporary name and renamed into place, so an interrupted build never
leaves a half-made demo behind. A stamp beside it records which demo
articles and which engine it was built with, so editing them, this module's
revision or a new engine (``core.ENGINE_VERSION``) rebuilds the demo on the
next start: a demo compared by an older engine would show outdated results.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

import core
from core.errors import FactDiffError
from core.resources_path import resource
from gui.settings import data_dir

#: Bump to rebuild every user's demo project (e.g. when the outlets below change).
DEMO_REVISION = "2"
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

    from core.ingest.load import load_article

    article = load_article(path)
    outlet = DEMO_OUTLETS.get(path.stem, "")
    return replace(article, source=article.source or outlet)


def demo_path() -> Path:
    from core.store import SUFFIX  # the store loads on first use, not at window start-up

    return data_dir() / f"demo{SUFFIX}"


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


def demo_stamp() -> str:
    """A fingerprint of the demo's inputs: file names, contents, our revision and the engine."""
    digest = hashlib.sha256(f"{DEMO_REVISION}\n{core.ENGINE_VERSION}".encode())
    for source in demo_sources():
        digest.update(source.name.encode())
        digest.update(source.read_bytes())
    return digest.hexdigest()


def _stamp_path(path: Path) -> Path:
    return path.with_name(path.name + ".stamp")


def is_current() -> bool:
    """Whether the demo project exists and was built from today's articles and engine."""
    path = demo_path()
    stamp_file = _stamp_path(path)
    if not (path.exists() and stamp_file.exists()):
        return False
    return stamp_file.read_text(encoding="utf-8").strip() == demo_stamp()


def ensure_demo() -> Path:
    """The demo project's path, (re)building it when missing or made from other inputs."""
    path = demo_path()
    stamp = demo_stamp()
    stamp_file = _stamp_path(path)
    current = stamp_file.read_text(encoding="utf-8").strip() if stamp_file.exists() else ""
    if path.exists() and current == stamp:
        return path
    try:
        build_demo(path)
        stamp_file.write_text(stamp + "\n", encoding="utf-8")
    except OSError as exc:
        raise FactDiffError(f"cannot write the demo project: {exc.strerror or exc}") from None
    return path
