"""Reading article files: formats, encodings, metadata and every kind of bad input."""

from __future__ import annotations

import codecs

import pytest
from conftest import seed

from core.errors import IngestError
from core.ingest import load as ingest
from core.ingest.load import article_from_html, article_from_text, load_article

BODY = "Café owners said the “new rules” would cost €5,000 — a blow, naïvely ignored.\n"

PAGE = """<!DOCTYPE html>
<html><head>
<meta charset="utf-8">
<title>Storm leaves 3,000 homes without power - Daily Planet</title>
<meta name="author" content="Jane Roe">
<meta property="og:site_name" content="Daily Planet">
<meta property="og:title" content="Storm leaves 3,000 homes without power">
<meta property="article:published_time" content="2022-01-27T17:02:00Z">
<script>var tracking = "TRACKER-SECRET";</script>
<style>body { color: red; }</style>
</head><body>
<nav><a href="/">Home</a> | <a href="/world">World</a></nav>
<article>
<h1>Storm leaves 3,000 homes without power</h1>
<p>A powerful storm swept through the town on Tuesday, leaving 3,000 homes without
power, officials said. Repair crews were working through the night.</p>
<script>document.write("INJECTED-SCRIPT-TEXT")</script>
<p>"We are doing everything we can," Mayor Ann Lee said. The storm was the worst
since 1998, according to the national weather service.</p>
<img src="x.png" onerror="alert('IMG-HANDLER')">
<p>Residents were urged to stay indoors until Thursday morning.</p>
</article>
<footer>Copyright 2022 Daily Planet</footer>
</body></html>
"""


def write(tmp_path, name: str, data: bytes | str):
    path = tmp_path / name
    if isinstance(data, str):
        path.write_text(data, encoding="utf-8")
    else:
        path.write_bytes(data)
    return path


# --- bad input ---------------------------------------------------------------


def assert_one_line_error(path, fragment: str):
    with pytest.raises(IngestError) as caught:
        load_article(path)
    message = str(caught.value)
    assert "\n" not in message
    assert str(path) in message
    assert fragment in message
    return message


def test_missing_file(tmp_path):
    assert_one_line_error(tmp_path / "nope.txt", "no such file")


def test_directory(tmp_path):
    assert_one_line_error(tmp_path, "is a directory")


@pytest.mark.parametrize("content", [b"", b"   \n\n\t  \r\n"])
def test_empty_file(tmp_path, content):
    assert_one_line_error(write(tmp_path, "empty.txt", content), "empty file")


def test_utf16_file_with_only_whitespace_is_empty(tmp_path):
    path = write(tmp_path, "blank.txt", "  \n  ".encode("utf-16"))
    assert_one_line_error(path, "empty file")


@pytest.mark.parametrize(
    "content",
    [
        bytes(range(256)) * 8,
        b"\x89PNG\r\n\x1a\n" + b"IHDR" * 50,
        b"%PDF-1.7\n" + b"stream data " * 40,
        b"Some text\x00with a NUL byte in it",
        b"\x01\x02\x03\x04 mostly controls \x05\x06\x07\x08\x0e\x0f\x10\x11",
    ],
)
def test_binary_file(tmp_path, content):
    assert_one_line_error(write(tmp_path, "thing.txt", content), "binary file, not an article")


def test_broken_utf8_is_reported_with_its_position(tmp_path):
    content = "Café “quotes” — fine.\nNaïve ".encode() + b"\xff\xfe broken"
    message = assert_one_line_error(write(tmp_path, "broken.txt", content), "undecodable bytes")
    assert "line 2" in message


def test_utf8_bom_with_invalid_bytes_is_undecodable(tmp_path):
    path = write(tmp_path, "bom.txt", codecs.BOM_UTF8 + b"Hello \xff there")
    assert_one_line_error(path, "undecodable bytes")


def test_bytes_outside_windows_1252_are_undecodable(tmp_path):
    # 0x81, 0x8D, 0x8F, 0x90, 0x9D are unassigned in Windows-1252 and control
    # codes in Latin-1: no text encoding we trust reads them.
    path = write(tmp_path, "odd.txt", b"Plain words \x81\x8d\x8f\x90\x9d and more words.")
    with pytest.raises(IngestError, match="undecodable|binary"):
        load_article(path)


def test_html_without_article_text(tmp_path):
    path = write(tmp_path, "nav.html", "<html><body><nav>Home</nav><div>Menu</div></body></html>")
    assert_one_line_error(path, "no article text")


def test_html_with_only_scripts(tmp_path):
    path = write(
        tmp_path, "js.html", "<html><head><script>var a = 1;</script></head><body></body></html>"
    )
    assert_one_line_error(path, "no article text")


def test_oversized_file_is_refused_with_the_limit(tmp_path, monkeypatch):
    monkeypatch.setattr(ingest, "MAX_BYTES", 1024)
    message = assert_one_line_error(write(tmp_path, "big.txt", "word " * 1000), "refused")
    assert "MB" in message


def test_default_limit_is_fifty_megabytes():
    assert ingest.MAX_BYTES == 50 * 1024 * 1024


def test_twenty_megabyte_file_loads(tmp_path):
    paragraph = "The ministry said on Tuesday that 3,000 troops had moved. Officials disagreed.\n\n"
    path = write(tmp_path, "huge.txt", paragraph * (20_000_000 // len(paragraph)))
    article = load_article(path)
    assert len(article.text) >= 19_000_000
    assert article.title.startswith("The ministry said")


# --- encodings ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("encoded", "label"),
    [
        (BODY.encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF8 + BODY.encode("utf-8"), "utf-8 bom"),
        (BODY.encode("utf-16"), "utf-16 bom (native)"),
        (codecs.BOM_UTF16_LE + BODY.encode("utf-16-le"), "utf-16-le bom"),
        (codecs.BOM_UTF16_BE + BODY.encode("utf-16-be"), "utf-16-be bom"),
        (BODY.encode("cp1252"), "cp1252"),
    ],
)
def test_encodings(tmp_path, encoded, label):
    article = load_article(write(tmp_path, "a.txt", encoded))
    assert article.text == BODY, label
    assert article.raw == encoded


def test_latin1(tmp_path):
    text = "Le ministre a déclaré que l'été serait difficile à Besançon.\n"
    assert load_article(write(tmp_path, "fr.txt", text.encode("latin-1"))).text == text


def test_cyrillic_code_page_is_detected(tmp_path):
    text = "Москва заявила в среду о новых санкциях против Украины. Это важное решение.\n"
    assert load_article(write(tmp_path, "ru.txt", text.encode("cp1251"))).text == text


def test_html_declared_charset_is_honoured(tmp_path):
    page = PAGE.replace('charset="utf-8"', 'charset="windows-1252"').replace(
        "Mayor Ann Lee", "Mayor Zoë Lee"
    )
    article = load_article(write(tmp_path, "page.html", page.encode("cp1252")))
    assert "Mayor Zoë Lee" in article.text


def test_newlines_are_normalised_and_nothing_else(tmp_path):
    article = load_article(
        write(tmp_path, "crlf.txt", b"Title line \r\n\r\nBody\ttext  here.\rEnd.")
    )
    assert article.text == "Title line \n\nBody\ttext  here.\nEnd."


# --- plain text and markdown -------------------------------------------------


def test_seed_metadata():
    article = load_article(seed("000"))
    assert article.fmt == "txt"
    assert article.title.startswith("Blinken calls out China for blaming U.S.")
    assert article.published == "2022-01-27"
    assert article.raw == seed("000").read_bytes()
    assert article.path == str(seed("000"))
    for start, end in article.boilerplate:
        assert 0 <= start < end <= len(article.text)


def test_seed_dateline_with_weekday():
    assert load_article(seed("002")).published == "2022-05-19"


def test_seed_without_dateline():
    assert load_article(seed("001")).published == ""


def test_date_in_body_text_is_not_a_dateline():
    text = "Headline\n\nThe treaty was signed on January 27, 2022 in Geneva, officials said."
    assert article_from_text(text).published == ""


def test_title_skips_furniture():
    text = "Skip to main content\n\nPolitics\n\nReal headline here\n\nBody."
    assert article_from_text(text).title == "Real headline here"


@pytest.mark.parametrize(
    ("text", "title"),
    [
        ("date 2024-11-21 Harbour fire kills three\n\nBody text.", "Harbour fire kills three"),
        ("Reuters\n\nHarbour fire kills three\n\nBody text.", "Harbour fire kills three"),
        ("Football\n\nCity win the cup final\n\nBody text.", "City win the cup final"),
        ("site logo\n\nHarbour fire kills three\n\nBody text.", "Harbour fire kills three"),
        ("KEY POINTS\n\nHarbour fire kills three\n\nBody text.", "Harbour fire kills three"),
        ("Earthquake strikes Morocco\n\nA strong quake hit the country.", "Earthquake strikes Morocco"),
        ("Page links\n\nLatest News\n\nHarbour fire kills three people\n\nBody.", "Harbour fire kills three people"),
    ],
)
def test_title_passes_over_labels_and_stamps(text, title):
    assert article_from_text(text).title == title


def test_markdown_title_loses_heading_marks(tmp_path):
    article = load_article(
        write(tmp_path, "story.md", "# Storm hits the coast #\n\nBody text here.")
    )
    assert article.fmt == "md"
    assert article.title == "Storm hits the coast"
    assert article.text.startswith("# Storm hits the coast")


def test_long_first_line_title_is_shortened():
    title = article_from_text("word " * 200).title
    assert len(title) <= 200
    assert title.endswith("…")


def test_explicit_metadata_wins():
    article = article_from_text(
        "Updated: May 2, 2021\n\nBody.", title="Given", source="Site", published="2020-01-01"
    )
    assert (article.title, article.source, article.published) == ("Given", "Site", "2020-01-01")


def test_article_from_blank_text_has_no_title_and_no_furniture():
    article = article_from_text(" \n ")
    assert (article.text, article.title, article.boilerplate) == (" \n ", "", ())


# --- html --------------------------------------------------------------------


def test_html_metadata_and_text(tmp_path):
    article = load_article(write(tmp_path, "page.html", PAGE))
    assert article.fmt == "html"
    assert article.title == "Storm leaves 3,000 homes without power"
    assert article.author == "Jane Roe"
    assert article.source == "Daily Planet"
    assert article.published == "2022-01-27"
    assert article.raw == PAGE.encode("utf-8")
    assert article.text.startswith("Storm leaves 3,000 homes without power\n\nA powerful storm")
    assert "Residents were urged to stay indoors until Thursday morning." in article.text


def test_html_paragraphs_are_separated_by_blank_lines():
    article = article_from_html(PAGE)
    paragraphs = article.text.split("\n\n")
    assert len(paragraphs) >= 4
    assert all(p.strip() == p and p for p in paragraphs)


def test_hostile_html_never_reaches_the_text():
    text = article_from_html(PAGE).text
    for leak in ("TRACKER-SECRET", "INJECTED-SCRIPT-TEXT", "IMG-HANDLER", "<script", "color: red"):
        assert leak not in text


def test_html_without_extension_is_sniffed(tmp_path):
    assert load_article(write(tmp_path, "saved_page", PAGE)).fmt == "html"


def test_htm_extension(tmp_path):
    assert load_article(write(tmp_path, "page.HTM", PAGE)).fmt == "html"


def test_html_name_with_plain_text_inside(tmp_path):
    article = load_article(
        write(tmp_path, "notes.html", "Plain headline\n\nJust text, 3 < 5 and no tags.")
    )
    assert article.fmt == "txt"
    assert article.title == "Plain headline"


def test_article_from_html_without_text_raises():
    with pytest.raises(IngestError, match="no article text"):
        article_from_html("<html><body></body></html>")


def test_a_labelled_stamp_opening_prose_is_the_publication_date_when_nothing_better_exists():
    glued = article_from_text(" date 2023-06-05 BALASORE: The toll was revised on Sunday.\n")
    assert glued.published == "2023-06-05"
    both = article_from_text(
        "Updated: June 7, 2023\n\n date 2023-06-05 BALASORE: The toll was revised on Sunday.\n"
    )
    assert both.published == "2023-06-07", "a lone stamp line is better evidence"


def test_a_stamp_that_dates_the_whole_site_is_not_the_articles_date():
    header = "Site last updated: Monday, November 4, 2024\n\nMENU\n\n"
    article = article_from_text(header + "Ferry sinks\n\nA ferry sank on Saturday, July 13.\n")
    assert article.published == ""
    dated = article_from_text(header + "Updated: July 14, 2024\n\nA ferry sank on Saturday.\n")
    assert dated.published == "2024-07-14"
