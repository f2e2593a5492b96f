"""A web page fetched and read as an article, with its provenance.

Shared by the window's Fetch Article dialog and by re-fetching (checking
fetched articles for later edits), so both apply the same safety rules
(core/web/fetch.py) and extract the text the same way.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from core.errors import FactDiffError, IngestError
from core.model import Article
from core.store.records import Provenance
from core.web import fetch


def fetch_article(
    url: str,
    *,
    cancelled: Callable[[], bool] | None = None,
    deadline: float = fetch.DEADLINE_SECONDS,
    now: Callable[[], str] | None = None,
) -> tuple[Article, Provenance]:
    """The article at ``url`` and where it came from; ``IngestError`` (one line) when none.

    Raises ``core.web.fetch.FetchCancelled`` when ``cancelled()`` turns true. The
    page's bytes as served are the article's original, so the provenance's
    SHA-256 is theirs. ``fetch.fetch_page`` is looked up on each call, so a
    test can let a server on this machine through; the application never does.
    """
    from core.store.base import now_iso

    retrieved_at = (now or now_iso)()
    page = fetch.fetch_page(url, cancelled=cancelled, deadline=deadline)
    article = _extract(url, page)
    provenance = Provenance("url", url, retrieved_at, page.final_url, page.last_modified,
                            page.etag, charset=page.charset)  # fmt: skip
    return replace(article, raw=page.body), provenance


def _extract(url: str, page: fetch.FetchedPage) -> Article:
    from core.ingest.encodings import decode
    from core.ingest.load import article_from_html

    try:
        article = article_from_html(_page_text(page.body, page.charset, decode), url=page.final_url)
    except FactDiffError as exc:
        raise IngestError(f"No article found at {url} ({exc}).") from None
    except Exception as exc:  # noqa: BLE001 - a malformed page is the page's fault
        raise IngestError(f"No article found at {url}.") from exc
    if not article.text.strip():
        raise IngestError(f"No article found at {url}.")
    return article


def _page_text(body: bytes, charset: str, decode) -> str:
    """The page as text: the charset the server named, else detected like a saved page."""
    if charset:
        try:
            return body.decode(charset)
        except (LookupError, UnicodeDecodeError):
            pass
    return decode(body, html=True)
