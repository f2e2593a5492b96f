"""The day an article was published, which turns "on Wednesday" into a date.

Metadata wins; otherwise a lone date stamp near the top of the text
("March 14, 2025 9:41am", "Updated: …") is taken, as a reader would.
"""

from __future__ import annotations

import re
from datetime import date

from core.ingest.date_stamps import is_stamp_line, parse_date
from core.model import Article

_LINES_TO_SCAN = 15
_EARLIEST, _LATEST = date(1800, 1, 1), date(2200, 12, 31)


def publication_date(article: Article) -> date | None:
    for candidate in (article.published, _stamp_in_text(article.text)):
        parsed = _iso(candidate)
        if parsed is not None:
            return parsed
    return None


def _stamp_in_text(text: str) -> str:
    for number, line in enumerate(re.finditer(r"[^\n]+", text)):
        if number >= _LINES_TO_SCAN:
            break
        stripped = line.group().strip()
        if len(stripped) <= 80 and is_stamp_line(stripped):
            iso = parse_date(stripped)
            if iso:
                return iso
    return ""


def _iso(value: str) -> date | None:
    """A plausible news date, or None: far-off years would only break date arithmetic."""
    try:
        parsed = date.fromisoformat(value[:10]) if value else None
    except ValueError:
        return None
    return parsed if parsed and _EARLIEST <= parsed <= _LATEST else None
