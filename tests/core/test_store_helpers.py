"""Shared helpers for the project-file tests: a tiny deterministic stand-in engine.

The store must work whatever the engine finds, so these tests swap
``core.compare.compare`` and ``core.events.grouping.group_events`` for a fake that
flags differing numbers and groups articles by the first word of their title.
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Sequence
from itertools import combinations
from pathlib import Path
from typing import NamedTuple

import pytest

from core.model import Article, Comparison, Discrepancy
from core.store import Project
from core.store.migrations import create_schema

_NUMBER = re.compile(r"\d+")


class FakeGrouping(NamedTuple):
    events: tuple[tuple[int, ...], ...]
    pairs: tuple[tuple[int, int], ...]
    reprints: tuple[tuple[int, int], ...] = ()


class FakeEngine:
    """Counts calls so tests can prove a cached comparison is not recomputed."""

    def __init__(self) -> None:
        self.compared = 0

    def compare(self, a: Article, b: Article) -> Comparison:
        self.compared += 1
        numbers_b = {m.group() for m in _NUMBER.finditer(b.text)}
        discrepancies = tuple(
            Discrepancy(
                f"n-{m.group()}", "number", "high", f"{m.group()} only in A", m.span(), None
            )
            for m in _NUMBER.finditer(a.text)
            if m.group() not in numbers_b
        )
        return Comparison(a, b, 0.5, (), (), (), discrepancies)

    @staticmethod
    def group_events(articles: Sequence[Article]) -> FakeGrouping:
        groups: dict[str, list[int]] = {}
        for i, article in enumerate(articles):
            groups.setdefault(article.title.split(" ")[0], []).append(i)
        events = tuple(tuple(members) for members in groups.values() if len(members) > 1)
        pairs = tuple(pair for members in events for pair in combinations(members, 2))
        return FakeGrouping(events, pairs)


def install_fake_engine(monkeypatch: pytest.MonkeyPatch) -> FakeEngine:
    """Swap the engine's two entry points for the fake (other modules stay real)."""
    engine = FakeEngine()
    monkeypatch.setattr("core.compare.compare", engine.compare)
    monkeypatch.setattr("core.events.grouping.group_events", engine.group_events)
    return engine


def article(text: str, title: str = "", **fields: object) -> Article:
    return Article(text=text, title=title, **fields)  # type: ignore[arg-type]


def new_project(tmp_path: Path, name: str = "test") -> Project:
    return Project.create(tmp_path / f"{name}.factdiff", name=name)


def project_with_pair(tmp_path: Path) -> tuple[Project, int]:
    """Two articles about one event that disagree on a number (12 vs 13)."""
    p = new_project(tmp_path)
    a = p.add_article(article("Storm hits coast. 12 people died on Monday.", "Storm A")).article_id
    b = p.add_article(article("Storm hits coast. 13 people died on Monday.", "Storm B")).article_id
    return p, p.add_pair(a, b)


def project_from_ddl(path: Path, ddl: str, version: int, name: str) -> Path:
    """A project file as an older release wrote it, built from that version's kept DDL."""
    conn = sqlite3.connect(path)
    with conn:
        create_schema(conn, ddl, version)
        conn.execute("INSERT INTO meta VALUES ('name', ?)", (name,))
    conn.close()
    return path


def file_state(path: Path) -> tuple[bytes, int]:
    """Bytes and mtime: what "never modifies the file" is checked against."""
    return path.read_bytes(), path.stat().st_mtime_ns
