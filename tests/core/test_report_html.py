"""The HTML report: one self-contained, parseable document holding every included discrepancy."""

from __future__ import annotations

import re
from html.parser import HTMLParser

from test_report_safety import parse
from test_report_samples import sample_report

from core.report.html_report import render_html


def test_html_holds_every_included_discrepancy():
    data = sample_report()
    html = render_html(data)
    text = " ".join("".join(parse(html).text).split())
    for item in data.items():
        assert f"{item.number}. {item.summary}" in text
        assert item.discrepancy_id in text
        for excerpt in (item.a, item.b):
            if excerpt is not None:
                assert excerpt.text in text
    assert "Date checked against the court record." in text  # the orphaned note


def test_differing_words_are_marked():
    html = render_html(sample_report())
    assert re.findall(r"<mark>(.*?)</mark>", html) == ["12", "15", "under control", "contained"]


def test_html_is_self_contained_with_a_print_stylesheet():
    html = render_html(sample_report())
    tags = parse(html).tags
    assert not [t for t, a in tags if t in ("link", "script", "img", "iframe")]
    assert "@import" not in html and "url(" not in html and "@font-face" not in html
    assert "@page" in html and "@media print" in html and "break-before: page" in html
    assert any(t == "meta" and a.get("http-equiv") == "Content-Security-Policy" for t, a in tags)


def test_html_is_well_formed():
    stack: list[str] = []
    void = {"meta", "br", "hr", "img", "link"}

    class Checker(HTMLParser):
        def handle_starttag(self, tag, attrs):
            if tag not in void:
                stack.append(tag)

        def handle_endtag(self, tag):
            assert stack and stack.pop() == tag, f"unbalanced </{tag}>"

    Checker().feed(render_html(sample_report()))
    assert stack == []
