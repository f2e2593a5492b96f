"""Confirmed discrepancies with a verdict as schema.org ``ClaimReview`` objects (JSON-LD).

One object per discrepancy whose status is ``confirmed`` and which has a
verdict (docs/claimreview.md). The claim is the passage of the pair's first
article, or of the second when only it has the passage; the verdict becomes a
rating through the user's rating table (core.report.claimreview_config).

An item lacking something search engines require — a web address for the
article, the organisation's name, the address the review will be published
at, a rating for its verdict — is never written half-filled: it is left out
and named, one line per item, so the file holds only valid objects.
"""

from __future__ import annotations

import json
from datetime import UTC, date, datetime
from typing import Any, NamedTuple
from urllib.parse import urlsplit

from core.errors import FactDiffError
from core.report.claimreview_config import ClaimReviewConfig
from core.report.report_records import ArticleRef, Excerpt, PairSection, ReportData, ReportItem
from core.safe_text import visible_bidi

CONTEXT = "https://schema.org"
#: Characters that could end a ``<script>`` element or a line in JavaScript
#: when the file is pasted into a page: written as JSON escapes (same values).
_SCRIPT_SAFE = {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028",
                "\u2029": "\\u2029"}  # fmt: skip


class ClaimReviewExport(NamedTuple):
    """The valid objects, and one line per candidate left out saying what it lacks."""

    reviews: tuple[dict[str, Any], ...]
    problems: tuple[str, ...]
    candidates: int


class NothingValidError(FactDiffError):
    """No ClaimReview could be written; ``problems`` says why, item by item."""

    def __init__(self, message: str, problems: tuple[str, ...] = ()) -> None:
        super().__init__(message)
        self.problems = problems


def build_claimreviews(
    data: ReportData, config: ClaimReviewConfig, *, today: date | None = None
) -> ClaimReviewExport:
    day = (today or datetime.now(UTC).date()).isoformat()
    reviews, problems, candidates = [], [], 0
    for _event, pair in data.pairs():
        for item in pair.items:
            if item.status != "confirmed" or not item.verdict.strip():
                continue
            candidates += 1
            missing = _missing(item, pair, config)
            if missing:
                problems.append(f"#{item.number} {item.discrepancy_id} (pair {pair.id}): "
                                f"missing {'; '.join(missing)}")  # fmt: skip
            else:
                reviews.append(_review(item, pair, config, day))
    return ClaimReviewExport(tuple(reviews), tuple(problems), candidates)


def render_claimreview(export: ClaimReviewExport) -> str:
    """A JSON array of self-contained ClaimReview objects; refuses to write none."""
    if not export.reviews:
        if not export.candidates:
            raise NothingValidError(
                "nothing to export: no confirmed discrepancy has a verdict in this report"
            )
        raise NothingValidError(
            f"no valid ClaimReview: all {export.candidates} confirmed discrepancies "
            "with a verdict lack required fields",
            export.problems,
        )
    text = json.dumps(list(export.reviews), indent=2, ensure_ascii=False)
    for char, escape in _SCRIPT_SAFE.items():
        text = text.replace(char, escape)
    return text + "\n"


# -- one item ------------------------------------------------------------------


def claim_side(item: ReportItem, pair: PairSection) -> tuple[Excerpt | None, ArticleRef]:
    """The passage reviewed and its article: A's, or B's when only B has it."""
    if item.a is None and item.b is not None:
        return item.b, pair.b
    return item.a, pair.a


def review_url(config: ClaimReviewConfig, item: ReportItem) -> str:
    """The publication address; ``{id}`` in it becomes the discrepancy's id."""
    return config.review_url.replace("{id}", item.discrepancy_id)


def _missing(item: ReportItem, pair: PairSection, config: ClaimReviewConfig) -> list[str]:
    excerpt, article = claim_side(item, pair)
    missing = []
    if excerpt is None or not _clean(excerpt.text):
        missing.append("claimReviewed (the discrepancy has no passage in either article)")
    if config.rule(item.verdict) is None:
        missing.append(
            f"reviewRating (no rating for the verdict {_clean(item.verdict)!r} in the rating table)"
        )
    if not is_web_address(review_url(config, item)):
        missing.append("url (no web address to publish the review at: "
                       "set one in the preferences or with --review-url)")  # fmt: skip
    if not _clean(config.organization):
        missing.append("author.name (no fact-checking organisation: "
                       "set one in the preferences or with --organization)")  # fmt: skip
    if not is_web_address(article_url(article)):
        missing.append(f"itemReviewed.appearance.url (article {article.id} has no web address)")
    return missing


def article_url(article: ArticleRef) -> str:
    return article.url or article.final_url


def _review(
    item: ReportItem, pair: PairSection, config: ClaimReviewConfig, day: str
) -> dict[str, Any]:
    excerpt, article = claim_side(item, pair)
    assert excerpt is not None  # checked by _missing
    rule = config.rule(item.verdict)
    assert rule is not None
    author: dict[str, Any] = {"@type": "Organization", "name": _clean(config.organization)}
    if is_web_address(config.organization_url):
        author["url"] = config.organization_url
    return {
        "@context": CONTEXT,
        "@type": "ClaimReview",
        "url": review_url(config, item),
        "claimReviewed": _clean(excerpt.text),
        "datePublished": day,
        "author": author,
        "reviewRating": {
            "@type": "Rating",
            "alternateName": rule.rating,
            "name": rule.rating,
            "ratingValue": rule.value,
            "bestRating": config.best_rating,
            "worstRating": config.worst_rating,
        },
        "itemReviewed": _claim(article),
    }


def _claim(article: ArticleRef) -> dict[str, Any]:
    claim: dict[str, Any] = {"@type": "Claim"}
    outlet = _organization(article.source)
    if outlet:
        claim["author"] = outlet
    if _clean(article.published):
        claim["datePublished"] = _clean(article.published)
    claim["appearance"] = _creative_work(article)
    return claim


def _creative_work(article: ArticleRef) -> dict[str, Any]:
    work: dict[str, Any] = {"@type": "CreativeWork", "url": article_url(article)}
    if _clean(article.title):
        work["headline"] = _clean(article.title)
    if _clean(article.published):
        work["datePublished"] = _clean(article.published)
    outlet = _organization(article.source)
    if _clean(article.author):
        work["author"] = {"@type": "Person", "name": _clean(article.author)}
    elif outlet:
        work["author"] = outlet
    if outlet:
        work["publisher"] = outlet
    return work


def _organization(name: str) -> dict[str, Any] | None:
    name = _clean(name)
    return {"@type": "Organization", "name": name} if name else None


def _clean(text: str) -> str:
    """One line, bidi controls made visible: the same text every report format shows."""
    return " ".join(visible_bidi(text).split())


def is_web_address(url: str) -> bool:
    """An absolute http(s) address with a host and no spaces or control characters."""
    if not url or any(c.isspace() or ord(c) < 32 or c == "\x7f" for c in url):
        return False
    try:
        parts = urlsplit(url)
    except ValueError:
        return False
    return parts.scheme in ("http", "https") and bool(parts.hostname)
