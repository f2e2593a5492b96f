"""The words the report uses for codes, times and articles, shared by every format.

Keeping them in one place means the Markdown, CSV and PDF say "Follow-up",
"2026-11-20 14:02 UTC" and "Daily Planet — “Title”" identically.
"""

from __future__ import annotations

from datetime import UTC, datetime

from core.model import KIND_LABELS
from core.report.report_records import ArticleRef, Counts, PairSection, ReportFilters


def label(code: str) -> str:
    """``follow-up`` → ``Follow-up``: codes shown to readers."""
    return code[:1].upper() + code[1:] if code else code


def kind_label(kind: str) -> str:
    """``entity`` → ``Name``: the same words the window uses."""
    return KIND_LABELS.get(kind, label(kind))


def format_time(iso: str) -> str:
    """An ISO timestamp as ``YYYY-MM-DD HH:MM UTC``; anything unparsable is shown as given."""
    if not iso:
        return ""
    try:
        moment = datetime.fromisoformat(iso.replace("Z", "+00:00"))
    except ValueError:
        return iso
    if moment.tzinfo is None:
        return moment.strftime("%Y-%m-%d %H:%M")
    return moment.astimezone(UTC).strftime("%Y-%m-%d %H:%M UTC")


def article_name(article: ArticleRef) -> str:
    """Outlet first (what fact-checkers call articles by), then title."""
    title = article.title or f"Article {article.id}"
    return f"{article.source} — {title}" if article.source else title


SHORT_TITLE = 48


def outlet(article: ArticleRef) -> str:
    """A short name for column heads and pair titles: the outlet, else a shortened title."""
    if article.source:
        return article.source
    return _shorten(article.title, SHORT_TITLE) if article.title else f"Article {article.id}"


def _shorten(text: str, limit: int) -> str:
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text.rfind(" ", 0, limit)
    return text[: cut if cut > limit // 2 else limit].rstrip(" ,;:.") + "…"


def pair_title(pair: PairSection) -> str:
    return f"{outlet(pair.a)} vs {outlet(pair.b)}"


def tally(pairs: tuple[tuple[str, int], ...]) -> str:
    """``((high, 2), (low, 1))`` → ``high 2 · low 1``; ``none`` when empty."""
    return " · ".join(f"{name} {n}" for name, n in pairs) or "none"


def count_of(counts: Counts, field: str, code: str) -> int:
    return dict(getattr(counts, field)).get(code, 0)


def scope_text(filters: ReportFilters) -> str:
    if filters.scope == "project":
        return "whole project"
    return f"{filters.scope} {filters.scope_label}"


_SEVERITY_TEXT = {
    "low": "all severities",
    "medium": "medium severity and above",
    "high": "high severity only",
}
_ORDER_TEXT = {"severity": "most severe first", "reading": "in reading order"}


def filters_text(filters: ReportFilters, all_kinds: tuple[str, ...]) -> str:
    """The filters in one sentence, so a reader knows what the report leaves out."""
    kinds = "all kinds" if filters.kinds == all_kinds else "kinds " + ", ".join(filters.kinds)
    severity = _SEVERITY_TEXT.get(filters.min_severity, filters.min_severity)
    order = _ORDER_TEXT.get(filters.order, filters.order)
    return f"statuses {', '.join(filters.statuses)}; {kinds}; {severity}; {order}"
