"""The PDF report: renders headless, paginates with page numbers, paper sizes, inert text."""

from __future__ import annotations

import re
import sys
import unicodedata
from pathlib import Path

import pytest
from pypdf import PdfReader

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "core"))
from test_report_samples import hostile_report, sample_items, sample_report  # noqa: E402

from gui.report_pdf import qt_html, render_pdf  # noqa: E402

A4_POINTS = (595, 842)
LETTER_POINTS = (612, 792)


def _text(path: Path) -> str:
    """The PDF's text, ligatures (ﬁ) folded back and whitespace collapsed."""
    raw = " ".join(page.extract_text() for page in PdfReader(path).pages)
    return " ".join(unicodedata.normalize("NFKC", raw).split())


def test_pdf_renders_with_every_discrepancy(tmp_path, qapp):
    out = tmp_path / "report.pdf"
    data = sample_report()
    pages = render_pdf(data, out)
    reader = PdfReader(out)
    assert pages == len(reader.pages) > 0
    text = _text(out)
    assert "Discrepancy report: Harbour fire" in text
    for item in data.items():
        assert item.summary in text
    assert "Date checked against the court record." in text
    assert f"Page 1 of {pages}" in text and f"Page {pages} of {pages}" in text


@pytest.mark.parametrize(("size", "points"), [("a4", A4_POINTS), ("letter", LETTER_POINTS)])
def test_paper_sizes(tmp_path, qapp, size, points):
    out = tmp_path / f"{size}.pdf"
    render_pdf(sample_report(), out, page_size=size)
    box = PdfReader(out).pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == points


def test_hostile_text_is_printed_not_interpreted(tmp_path, qapp):
    out = tmp_path / "hostile.pdf"
    render_pdf(hostile_report(), out)
    text = _text(out)
    assert "<script>alert('x')</script>" in text
    assert "<img src=x onerror=alert(1)>" in text
    reader = PdfReader(out)
    for page in reader.pages:
        for annot in page.get("/Annots") or []:
            uri = str(annot.get_object().get("/A", {}).get("/URI", ""))
            assert uri.startswith("https://"), uri
    images = [img for page in reader.pages for img in page.images]
    assert images == []


def test_qt_html_marks_without_mark_tags():
    html = qt_html(sample_report())
    assert "<mark>" not in html and html.count('<span class="mark">') == 4


def test_pdf_from_the_cli(tmp_path, qapp):
    from test_report_project import make_project

    from core.cli import main

    monkeypatch = pytest.MonkeyPatch()
    try:
        project = make_project(tmp_path / "harbour.factdiff", monkeypatch)
    finally:
        monkeypatch.undo()
    out = tmp_path / "report.pdf"
    assert (
        main(["report", str(project), "--format", "pdf", "--page-size", "letter", "-o", str(out)])
        == 0
    )
    assert "Death toll: 12 vs 15" in _text(out)
    assert round(float(PdfReader(out).pages[0].mediabox.width)) == LETTER_POINTS[0]


def _long_report():
    """Forty discrepancies of uneven length: some heading is bound to fall near a page end."""
    from dataclasses import replace

    base = sample_report()
    template = sample_items()[0]
    items = []
    for n in range(1, 41):
        filler = " and the harbour crews" * (n % 7)
        a_text = f"Item{n}left: the fire killed 12 people{filler}, the fire service said."
        b_text = f"Item{n}right: the fire killed 15 people{filler}, the mayor said."
        items.append(
            replace(
                template,
                number=n,
                discrepancy_id=f"num-{n:04d}",
                summary=f"Heading{n} death toll differs",
                a=replace(template.a, text=a_text, marks=()),
                b=replace(template.b, text=b_text, marks=()),
            )
        )
    pair = replace(base.events[0].pairs[0], items=tuple(items))
    return replace(base, events=(replace(base.events[0], pairs=(pair,)),), orphans=())


def _split_headings(path: Path) -> list[int]:
    """Numbers of the items whose heading is on another page than its first excerpt row."""
    pages = [" ".join(page.extract_text().split()) for page in PdfReader(path).pages]

    def page_of(word: str) -> int:
        return next(i for i, text in enumerate(pages) if re.search(rf"{word}\b", text))

    return [n for n in range(1, 41) if page_of(f"Heading{n}") != page_of(f"Item{n}left")]


def test_a_heading_stays_on_the_page_of_its_table(tmp_path, qapp, monkeypatch):
    import gui.report_pdf as report_pdf

    data = _long_report()
    loose = tmp_path / "loose.pdf"
    with monkeypatch.context() as patch:
        patch.setattr(report_pdf, "keep_headings_with_tables", lambda doc, height: 0)
        render_pdf(data, loose)
    assert _split_headings(loose), "the sample must split a heading from its table"

    kept = tmp_path / "kept.pdf"
    render_pdf(data, kept)
    assert _split_headings(kept) == []
    text = _text(kept)
    assert all(f"Heading{n} death toll differs" in text for n in range(1, 41))


def test_pdf_has_the_event_fact_table(tmp_path, qapp):
    from event_table_fixtures import make_bridge_project

    from core.cli import main

    monkeypatch = pytest.MonkeyPatch()
    project = make_bridge_project(tmp_path / "bridge.factdiff", monkeypatch)
    out = tmp_path / "bridge.pdf"
    assert main(["report", str(project), "--format", "pdf", "-o", str(out)]) == 0
    text = _text(out)
    assert "Fact table of event 1" in text
    assert "dead · people" in text and "12 people" in text
