"""The report as one self-contained HTML file, rendered from the Markdown report.

Writing the HTML through the Markdown keeps the two formats the same document;
the escaping in :mod:`core.report.escaping` makes every untrusted string plain
text before Markdown sees it, and a Content-Security-Policy forbids scripts and
remote loads in case a future change ever lets something slip.
"""

from __future__ import annotations

from html import escape

import markdown

from core.report.escaping import plain
from core.report.labels import format_time
from core.report.markdown_report import render_markdown
from core.report.report_records import ReportData
from core.report.stylesheet import STYLESHEET

EXTENSIONS = ("tables", "attr_list")
CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src 'none'; form-action 'none'"


def render_body(data: ReportData) -> str:
    """The report's HTML body (no ``<html>`` wrapper), also used by the Qt preview and PDF."""
    source = render_markdown(data, html_hooks=True)
    return markdown.markdown(source, extensions=list(EXTENSIONS), output_format="html")


def footer_text(data: ReportData) -> str:
    """One plain line naming the report, for the HTML footer and the PDF page footers."""
    name = plain(data.project_name)
    return f"FactDiff discrepancy report · {name} · generated {format_time(data.generated)}"


def render_html(data: ReportData) -> str:
    """A complete HTML5 document with the embedded screen and print stylesheet."""
    title = escape(f"Discrepancy report: {plain(data.project_name)}")
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        f'<meta http-equiv="Content-Security-Policy" content="{CSP}">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        '<meta name="generator" content="FactDiff">\n'
        f"<title>{title}</title>\n<style>{STYLESHEET}</style>\n</head>\n<body>\n"
        f"{render_body(data)}\n"
        f"<footer>{escape(footer_text(data))}</footer>\n"
        "</body>\n</html>\n"
    )
