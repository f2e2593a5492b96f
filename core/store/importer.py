"""Import files and folders: parse outside the lock, store each article as it comes.

Every article is committed on its own, so an import that is cancelled, fails
on one file or is killed keeps every article stored before that point; a bad
file is reported and the rest go on.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Protocol

from core.errors import FactDiffError
from core.ingest.load import ARTICLE_SUFFIXES
from core.model import Article
from core.safe_text import displayable
from core.store.records import AddResult, ImportReport

#: The engine's own limit (core.compare.MAX_CHARS, kept equal by a test): an
#: article it would refuse to compare is refused here, at import, instead.
MAX_ARTICLE_CHARS = 3_000_000


def too_large(chars: int) -> str:
    return (
        f"the article has {chars:,} characters; comparisons are limited to "
        f"{MAX_ARTICLE_CHARS:,} per article (is this really one article?)"
    )


class _Adds(Protocol):
    def add_article(self, article: Article) -> AddResult: ...


def expand_paths(
    paths: Iterable[str | os.PathLike[str]],
) -> tuple[list[Path], list[tuple[str, str]]]:
    """Files as given plus the articles inside folders (recursively, hidden ones skipped)."""
    if isinstance(paths, (str, os.PathLike)):
        paths = [paths]  # one path, not the characters of its name
    files: list[Path] = []
    errors: list[tuple[str, str]] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            files.extend(_articles_in(path))
        elif os.path.lexists(path):
            files.append(path)  # reading it says what is wrong with a pipe, device or loop
        else:
            errors.append((displayable(str(path)), "no such file or folder"))
    return _unique(files), errors


def _articles_in(folder: Path) -> list[Path]:
    found = []
    for root, dirs, names in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        found.extend(
            Path(root, name)
            for name in sorted(names)
            if not name.startswith(".") and name.lower().endswith(ARTICLE_SUFFIXES)
        )
    return found


def _unique(files: list[Path]) -> list[Path]:
    seen: set[Path] = set()
    unique = []
    for path in files:
        try:
            key = path.resolve()
        except (OSError, RuntimeError):  # a symlink loop: reading it reports the loop
            key = path.absolute()
        if key not in seen:
            seen.add(key)
            unique.append(path)
    return unique


def import_files(
    store: _Adds,
    paths: Iterable[str | os.PathLike[str]],
    progress: Callable[[int, int, str], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> ImportReport:
    from core.ingest.load import load_article  # the engine is only needed when importing

    files, errors = expand_paths(paths)
    report = ImportReport([], [], errors)
    for done, path in enumerate(files):
        if cancelled and cancelled():
            return report._replace(cancelled=True)
        if progress:
            progress(done, len(files), path.name)
        article = _load(load_article, path, report.errors)
        if article is None:
            continue
        # A failure to store (disk full, read-only) is not this file's fault: it stops the import.
        result = store.add_article(article)
        if result.duplicate:
            report.duplicates.append(displayable(str(path)))
        else:
            report.added.append(result.article_id)
    if progress:
        progress(len(files), len(files), "")
    return report


def _load(
    load_article: Callable[[Path], Article], path: Path, errors: list[tuple[str, str]]
) -> Article | None:
    """The file's article, or None after noting why it cannot be imported."""
    name = displayable(str(path))
    try:
        article = load_article(path)
    except FactDiffError as exc:
        errors.append((name, _without_path(str(exc), name)))
        return None
    except (OSError, UnicodeError, ValueError, RuntimeError) as exc:
        errors.append((name, _describe(exc)))
        return None
    if not article.text.strip():
        errors.append((name, "no text found"))
        return None
    if len(article.text) > MAX_ARTICLE_CHARS:
        errors.append((name, too_large(len(article.text))))
        return None
    return article


def _without_path(message: str, path: str) -> str:
    """The reason alone: the report already pairs it with the file."""
    prefix = f"{path}: "
    return message[len(prefix) :] if message.startswith(prefix) else message


def _describe(exc: Exception) -> str:
    if isinstance(exc, OSError):
        return exc.strerror or str(exc)
    return str(exc) or type(exc).__name__
