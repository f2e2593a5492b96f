"""Untrusted text (articles, notes, titles, URLs) cannot inject into the report.

Each attack string in ``ATTACKS`` is put into every untrusted field; the HTML
is then parsed with html.parser and must contain no script, image, iframe,
event-handler attribute or javascript: URL — only text. The Markdown must
not gain headings, list items, tables or links, and the CSV must neutralise
spreadsheet formulas.
"""

from __future__ import annotations

import csv
import io
from html.parser import HTMLParser

import markdown
import pytest
from test_report_samples import ATTACKS, hostile_report, sample_report

from core.report.csv_report import render_csv, safe_cell
from core.report.escaping import md_lines, md_text, md_url
from core.report.html_report import render_body, render_html
from core.report.markdown_report import render_markdown

ALLOWED_TAGS = {
    "html", "head", "meta", "title", "style", "body", "footer", "h1", "h2", "h3", "h4", "p",
    "ul", "li", "strong", "em", "br", "table", "thead", "tbody", "tr", "th", "td", "mark", "a", "code",
}  # fmt: skip


class _Collector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data):
        self.text.append(data)


def parse(html: str) -> _Collector:
    collector = _Collector()
    collector.feed(html)
    collector.close()
    return collector


def assert_inert(html: str) -> None:
    for tag, attrs in parse(html).tags:
        assert tag in ALLOWED_TAGS, f"unexpected <{tag}>"
        for name, value in attrs.items():
            assert not name.startswith("on"), f"event handler {name} on <{tag}>"
            assert "javascript:" not in (value or "").lower(), f"javascript URL in <{tag} {name}>"
        if tag == "a":
            assert attrs["href"].startswith("https://"), attrs


def test_hostile_report_renders_only_known_inert_tags():
    assert_inert(render_html(hostile_report()))


@pytest.mark.parametrize("attack", ATTACKS)
def test_each_attack_survives_as_visible_text(attack):
    visible = "".join(
        parse(markdown.markdown(md_text(attack), extensions=["tables", "attr_list"])).text
    )
    expected = " ".join(attack.replace("\x02", " ").replace("\x03", " ").split())
    assert visible == expected


def test_attacks_in_every_field_reach_the_reader_as_text():
    text = "".join(parse(render_html(hostile_report())).text)
    for attack in ("<script>alert('x')</script>", "<img src=x onerror=alert(1)>",
                   "[click me](javascript:alert(1))", "*emphasis* __strong__ `code`"):  # fmt: skip
        assert attack in text


def test_markdown_syntax_in_untrusted_text_does_not_restructure_the_report():
    hostile = parse(render_body(hostile_report())).tags
    sample = parse(render_body(sample_report())).tags
    count = lambda tags, name: sum(1 for t, _ in tags if t == name)  # noqa: E731
    # Same skeleton as the harmless report: overview, articles, one table per item, orphans.
    assert count(hostile, "h1") == count(sample, "h1") == 1
    assert count(hostile, "h2") == count(sample, "h2")
    assert count(hostile, "h4") == 1
    assert count(hostile, "table") == count(sample, "table") - 2
    assert count(hostile, "em") == 0 and count(hostile, "code") == 0
    assert count(hostile, "a") == 0
    cells = [len(row) for row in _table_rows(render_body(hostile_report()))]
    assert set(cells) <= {2, 6, 7, 8}, cells


def _table_rows(html: str) -> list[list[str]]:
    rows: list[list[str]] = []

    class Rows(HTMLParser):
        def handle_starttag(self, tag, attrs):
            if tag == "tr":
                rows.append([])
            elif tag in ("td", "th"):
                rows[-1].append(tag)

    Rows().feed(html)
    return rows


def test_markdown_escapes_html_and_block_markers():
    md = render_markdown(hostile_report())
    assert "<script>" not in md and "<img" not in md and "<iframe" not in md
    lines = md.splitlines()
    assert not any(line.startswith(("# Fake", "- fake", "1. fake", "| fake")) for line in lines)
    assert "\x02" not in md and "\x03" not in md
    # The only raw tag is the highlight the report writes itself.
    assert md.count("<mark>") == 1


def test_only_plain_web_addresses_become_links():
    assert (
        md_url("https://example.org/a_b?x=1")
        == "[https://example.org/a\\_b?x=1](https://example.org/a_b?x=1)"
    )
    for url in (
        "javascript:alert(1)",
        "data:text/html,<script>",
        "https://x.org/a) [b](javascript:1",
    ):
        assert "<a" not in markdown.markdown(md_url(url))


def test_csv_neutralises_formulas_in_every_cell():
    rows = list(csv.reader(io.StringIO(render_csv(hostile_report()))))
    for row in rows[1:]:
        for cell in row:
            assert not cell.startswith(("=", "+", "-", "@", "\t", "\r")), cell


@pytest.mark.parametrize(
    ("value", "expected"),
    [("=1+1", "'=1+1"), ("+1", "'+1"), ("-3", "'-3"), ("@SUM(A1)", "'@SUM(A1)"),
     ("\tx", "'\tx"), ("\rx", "'\rx"), ("12", "12"), ("a=b", "a=b"), ("", "")],
)  # fmt: skip
def test_safe_cell(value, expected):
    assert safe_cell(value) == expected


def test_note_lines_become_line_breaks_not_blocks():
    note = "Called the port.\n- not a list\n===\n# not a heading\n    not code\n> not a quote"
    html = markdown.markdown(f"**Note:** {md_lines(note)}", extensions=["tables", "attr_list"])
    tags = [t for t, _ in parse(html).tags]
    assert tags == ["p", "strong", "br", "br", "br", "br", "br"]
    assert "".join(parse(html).text).split("\n")[1:] == [
        "- not a list", "===", "# not a heading", "not code", "> not a quote",
    ]  # fmt: skip
