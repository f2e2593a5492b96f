"""The report as Markdown: the document itself, and the source of the HTML and PDF.

Every untrusted string goes through :mod:`core.report.escaping`; the only raw
HTML written is ``<mark>`` around differing words. With ``html_hooks`` the
same document also carries attribute lists (``{: .high }``) that the HTML
stylesheet keys on — left out of the plain Markdown export because most
CMS and ticket renderers would print them literally.
"""

from __future__ import annotations

from core.model import KINDS, SEVERITIES
from core.report.escaping import md_cell, md_lines, md_marked, md_text, md_url
from core.report.fact_tables import fact_table_blocks
from core.report.labels import (
    article_name,
    count_of,
    filters_text,
    format_time,
    kind_label,
    label,
    outlet,
    pair_title,
    scope_text,
    tally,
)
from core.report.report_records import (
    ArticleRef,
    EventSection,
    Excerpt,
    OrphanNote,
    PairSection,
    ReportData,
    ReportItem,
)

NOT_IN = "*Not in this article.*"
ORPHANS_INTRO = (
    "These annotations belong to discrepancies that the latest comparison no "
    "longer finds — the articles or the engine changed since they were written. "
    "They are listed so that no reviewer's conclusion is lost."
)


def render_markdown(data: ReportData, *, html_hooks: bool = False) -> str:
    """The whole report as one Markdown string ending in a newline."""
    blocks = [
        *_header(data),
        *_overview(data),
        *_articles(data.articles),
    ]
    for event in data.events:
        blocks.extend(_event(event, html_hooks))
    if data.orphans:
        blocks.extend(_orphans(data.orphans))
    return "\n\n".join(blocks) + "\n"


def _hook(classes: str, html_hooks: bool) -> str:
    """An attribute list for a heading (same line)."""
    return f" {{: {classes} }}" if html_hooks else ""


def _block_hook(classes: str, html_hooks: bool) -> str:
    """An attribute list for a paragraph (its own last line)."""
    return f"\n{{: {classes} }}" if html_hooks else ""


def _header(data: ReportData) -> list[str]:
    f = data.filters
    shown = data.counts.total
    found = sum(p.found for _, p in data.pairs())
    lines = [
        f"- **Project:** {md_text(data.project_name)}",
        f"- **Generated:** {format_time(data.generated)}",
        f"- **Reviewers:** {md_text(', '.join(data.reviewers)) or 'no annotations yet'}",
        f"- **Scope:** {md_text(scope_text(f))}",
        f"- **Included:** {md_text(filters_text(f, KINDS))}",
        f"- **Discrepancies:** {shown} shown of {found} found",
    ]
    return [f"# Discrepancy report: {md_text(data.project_name)}", "\n".join(lines)]


def _overview(data: ReportData) -> list[str]:
    if not data.events:
        return ["## Overview", "No compared pairs in this scope."]
    severities = tuple(s for s in SEVERITIES if s in _kept_severities(data))
    statuses = data.filters.statuses
    head = ["Pair", "Shown", *map(label, severities), *map(label, statuses)]
    rows = [_row(head), _row(["---"] + ["--:"] * (len(head) - 1))]
    for _, pair in data.pairs():
        c = pair.counts
        if not pair.compared:
            rows.append(_row([md_cell(pair_title(pair)), "not compared", *[""] * (len(head) - 2)]))
            continue
        rows.append(
            _row(
                [
                    md_cell(pair_title(pair)),
                    f"{c.total} of {pair.found}",
                    *(str(count_of(c, "by_severity", s)) for s in severities),
                    *(str(count_of(c, "by_status", s)) for s in statuses),
                ]
            )
        )
    return ["## Overview", "\n".join(rows)]


def _kept_severities(data: ReportData) -> tuple[str, ...]:
    minimum = data.filters.min_severity
    return SEVERITIES[: SEVERITIES.index(minimum) + 1] if minimum in SEVERITIES else SEVERITIES


def _row(cells: list[str]) -> str:
    return "| " + " | ".join(cells) + " |"


def _articles(articles: tuple[ArticleRef, ...]) -> list[str]:
    head = ["ID", "Title", "Outlet", "Author", "Published", "URL"]
    rows = [_row(head), _row(["--:"] + ["---"] * (len(head) - 1))]
    for a in articles:
        url = md_url(a.url) if a.url else "—"
        cells = [str(a.id), md_cell(a.title), md_cell(a.source), md_cell(a.author)]
        rows.append(_row([*cells, md_cell(a.published), url]))
    return ["## Articles compared", "\n".join(rows), *_provenance(articles)]


def _provenance(articles: tuple[ArticleRef, ...]) -> list[str]:
    """Where each article's bytes came from and their SHA-256, so a reader can check them."""
    head = ["ID", "Read from", "Retrieved", "Final URL", "Last-Modified", "ETag", "SHA-256"]
    rows = [_row(head), _row(["--:"] + ["---"] * (len(head) - 1))]
    for a in articles:
        p = a.provenance
        if p is None:
            rows.append(_row([str(a.id), *["—"] * (len(head) - 1)]))
            continue
        location = md_url(p.location) if p.origin == "url" else md_cell(p.location or "pasted text")
        final = md_url(p.final_url) if p.final_url else "—"
        cells = [md_cell(format_time(p.retrieved_at)), final, md_cell(p.last_modified)]
        rows.append(_row([str(a.id), location or "—", *cells, md_cell(p.etag),
                          md_cell(p.sha256)]))  # fmt: skip
    return ["### Where the articles came from", "\n".join(rows)]


def _event(event: EventSection, html_hooks: bool) -> list[str]:
    title = (
        f"Event {event.id}: {md_text(event.label)}"
        if event.id is not None
        else "Pairs outside any event"
    )
    blocks = [f"## {title}{_hook('.event', html_hooks)}"]
    if event.table is not None:
        blocks.extend(fact_table_blocks(event.table, html_hooks))
    for pair in event.pairs:
        blocks.extend(_pair(pair, html_hooks))
    return blocks


def _pair(pair: PairSection, html_hooks: bool) -> list[str]:
    blocks = [
        f"### Pair {pair.id}: {md_text(pair_title(pair))}",
        f"- **A:** {_article_line(pair.a)}\n- **B:** {_article_line(pair.b)}",
    ]
    if not pair.compared:
        return [*blocks, "This pair has not been compared with the current engine yet."]
    c = pair.counts
    blocks.append(
        f"**{c.total} of {pair.found} discrepancies shown.** "
        f"By severity: {tally(c.by_severity)}. By kind: {tally(c.by_kind)}. "
        f"By status: {tally(c.by_status)}."
    )
    if not pair.items:
        return [*blocks, "No discrepancy of this pair matches the report's filters."]
    for item in pair.items:
        blocks.extend(_item(item, pair, html_hooks))
    return blocks


def _article_line(a: ArticleRef) -> str:
    details = [md_text(a.author) and f"by {md_text(a.author)}", md_text(a.published)]
    extra = ", ".join(d for d in details if d)
    return md_text(article_name(a)) + (f" ({extra})" if extra else "")


def _item(item: ReportItem, pair: PairSection, html_hooks: bool) -> list[str]:
    heading = f"#### {item.number}. {md_text(item.summary) or md_text(kind_label(item.kind))}"
    # Only known codes become CSS classes: an attribute list is markup.
    severity_class = f" .{item.severity}" if item.severity in SEVERITIES else ""
    return [
        heading + _hook(".item" + severity_class, html_hooks),
        _meta(item) + _block_hook(".meta", html_hooks),
        _excerpts(item, pair),
        *([f"**Note:** {md_lines(item.note)}"] if item.note.strip() else []),
    ]


def _meta(item: ReportItem) -> str:
    parts = [
        f"**{md_text(label(item.severity))}** severity",
        md_text(kind_label(item.kind)),
        f"**Status:** {md_text(label(item.status))}",
    ]
    if item.verdict:
        parts.append(f"**Verdict:** {md_text(label(item.verdict))}")
    if item.reviewer:
        parts.append(f"**Reviewer:** {md_text(item.reviewer)}")
    if item.updated:
        parts.append(f"**Updated:** {md_text(format_time(item.updated))}")
    origin = "added by a reviewer" if item.user_made else "found by comparison"
    parts.append(f"ID {md_text(item.discrepancy_id)} ({origin})")
    return " · ".join(parts)


def _excerpts(item: ReportItem, pair: PairSection) -> str:
    head = _row([f"A · {md_text(outlet(pair.a))}", f"B · {md_text(outlet(pair.b))}"])
    body = _row([_excerpt(item.a), _excerpt(item.b)])
    return "\n".join([head, _row(["---", "---"]), body])


def _excerpt(excerpt: Excerpt | None) -> str:
    if excerpt is None or not excerpt.text.strip():
        return NOT_IN
    return md_marked(excerpt)


def _orphans(orphans: tuple[OrphanNote, ...]) -> list[str]:
    head = ["Pair", "Discrepancy", "Status", "Verdict", "Reviewer", "Updated", "Note"]
    rows = [_row(head), _row(["---"] * len(head))]
    for o in orphans:
        cells = [
            md_cell(o.pair_label),
            md_cell(o.discrepancy_id),
            md_cell(label(o.status)),
            md_cell(label(o.verdict)),
            md_cell(o.reviewer),
            md_cell(format_time(o.updated)),
            md_cell(o.note),
        ]
        rows.append(_row(cells))
    return ["## Annotations without a current discrepancy", ORPHANS_INTRO, "\n".join(rows)]
