"""Check fetched articles for later edits: fetch each again, keep a changed text as a revision.

A site may change an article after publishing it without saying so. Each
article fetched from a URL is downloaded again under the same rules as the
first time (core/web/fetch.py: verified certificates, public addresses only, one
deadline, a size cap, Cancel); when the article's text differs, the new
version is stored as a revision of the newest stored one (never over it) and
the engine compares the two.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import TYPE_CHECKING, NamedTuple

from core.errors import FactDiffError
from core.model import Article

if TYPE_CHECKING:
    from core.store import Project
    from core.store.records import ArticleInfo

Progress = Callable[[int, int, str], None]
_FILLED = ("title", "source", "author", "published")


class RefetchLine(NamedTuple):
    """What fetching one article again found."""

    article_id: int
    url: str
    outcome: str  # "unchanged", "changed" or "error"
    revision_id: int | None = None
    pair_id: int | None = None
    n_discrepancies: int = 0
    reason: str = ""

    def text(self) -> str:
        head = f"article {self.article_id} ({self.url})"
        if self.outcome == "unchanged":
            return f"{head}: unchanged"
        if self.outcome == "error":
            return f"{head}: error: {self.reason}"
        if self.pair_id is None:
            return f"{head}: changed: {self.reason}"
        n = self.n_discrepancies
        return (f"{head}: changed: {n} discrepanc{'y' if n == 1 else 'ies'} "
                f"(revision {self.revision_id}, pair {self.pair_id})")  # fmt: skip


class RefetchReport(NamedTuple):
    lines: list[RefetchLine]
    cancelled: bool = False

    @property
    def changed(self) -> list[RefetchLine]:
        return [line for line in self.lines if line.outcome == "changed"]

    @property
    def failed(self) -> list[RefetchLine]:
        return [line for line in self.lines if line.outcome == "error"]

    @property
    def all_failed(self) -> bool:
        return bool(self.lines) and len(self.failed) == len(self.lines)


def refetch(
    project: Project,
    article_id: int | None = None,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> RefetchReport:
    """Fetch every article that came from a URL (or only ``article_id``) again.

    Each changed text is committed with its comparison before the next
    download starts, so Cancel keeps every revision found so far.
    """
    from core.web.fetch import FetchCancelled

    targets = project.refetch_targets(article_id)
    stop = cancelled or (lambda: False)
    lines: list[RefetchLine] = []
    for done, (target, url) in enumerate(targets):
        if stop():
            return RefetchReport(lines, cancelled=True)
        if progress:
            progress(done, len(targets), url)
        try:
            lines.append(_check_one(project, target, url, stop))
        except FetchCancelled:
            return RefetchReport(lines, cancelled=True)
    if progress:
        progress(len(targets), len(targets), "")
    return RefetchReport(lines)


def _check_one(project: Project, article_id: int, url: str, cancelled) -> RefetchLine:
    from core.store.codec import content_hash
    from core.store.importer import MAX_ARTICLE_CHARS, too_large
    from core.web.fetch_article import fetch_article

    info = project.article_info(article_id)
    try:
        article, provenance = fetch_article(url, cancelled=cancelled)
    except FactDiffError as exc:
        return RefetchLine(article_id, url, "error", reason=_one_line(exc))
    if content_hash(article.text) == info.content_hash:
        return RefetchLine(article_id, url, "unchanged")
    if len(article.text) > MAX_ARTICLE_CHARS:
        return RefetchLine(article_id, url, "error", reason=too_large(len(article.text)))
    result, pair_id = project.add_revision(article_id, _with_details(article, info), provenance)
    if pair_id is None:
        reason = f"the page now has the text of article {result.article_id}"
        return RefetchLine(article_id, url, "changed", result.article_id, reason=reason)
    try:
        n = len(project.comparison(pair_id).discrepancies)
    except FactDiffError as exc:
        reason = f"stored as article {result.article_id}, not compared ({_one_line(exc)})"
        return RefetchLine(article_id, url, "changed", result.article_id, None, reason=reason)
    return RefetchLine(article_id, url, "changed", result.article_id, pair_id, n)


def _with_details(article: Article, previous: ArticleInfo) -> Article:
    """Details the page no longer states are the previous version's (as a reviewer left them)."""
    missing = {f: getattr(previous, f) for f in _FILLED if not getattr(article, f)}
    return replace(article, **missing) if missing else article


def _one_line(exc: Exception) -> str:
    text = str(exc).strip()
    return text.splitlines()[0] if text else type(exc).__name__
