"""Whatever text or bytes come in, ingest and segmentation answer sanely.

Either a clean IngestError or an article whose spans all lie inside its text,
in order and without overlap.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from core.errors import IngestError
from core.ingest.boilerplate import find_boilerplate
from core.ingest.load import article_from_html, article_from_text, load_article, normalise_newlines
from core.text.segment import split_paragraphs, split_sentences

NEWSY_PIECES = (
    "a", "The", "word", "U.S.", "Mr.", "p.m.", "3", "10", "No.", "I", "e.g.", " ", " ", "  ",
    ",", ";", ":", "-", "—", '"', "'", "“", "”", "‘", "’", "(", ")", "[", "]", "...", "…",
    ". . .", "!", "?", ".", ". ", "\n", "\n\n", "\r\n", "\t", "•", "⁃", "1.", "a)",
    "\u2028", "é", "中", "Oops!", "Source link", "0:00", "via Getty Images",
)  # fmt: skip
NEWSY = st.lists(st.sampled_from(NEWSY_PIECES), max_size=120).map("".join)
ANY_TEXT = st.text(max_size=400)
PRINTABLE = st.text(
    alphabet=st.characters(blacklist_categories=("Cc", "Cs"), blacklist_characters="\ufeff")
    | st.sampled_from("\n\t"),
    max_size=300,
)
LONG_LINES = st.builds(
    lambda word, n, sep: (word * n) + sep + (word * n),
    st.sampled_from(["a", "word ", "U.S. ", "x.", "“q” ", "中文"]),
    st.integers(min_value=500, max_value=20_000),
    st.sampled_from(["", "\n", ". ", "\n\n"]),
)
SOME_TEXT = st.one_of(
    NEWSY, ANY_TEXT, LONG_LINES, st.sampled_from(["", " ", ".", "a", "\n", "…", "!?"])
)

FAST = settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)


def assert_spans_ok(text: str, spans: list[tuple[int, int]]) -> None:
    previous_end = 0
    for start, end in spans:
        assert 0 <= previous_end <= start < end <= len(text)
        previous_end = end


@FAST
@given(SOME_TEXT)
def test_segmentation_never_crashes_and_spans_are_sane(text):
    paragraphs = split_paragraphs(text)
    assert_spans_ok(text, paragraphs)
    for start, end in paragraphs:
        assert text[start:end] == text[start:end].strip()
    sentences = split_sentences(text, find_boilerplate(text))
    assert_spans_ok(text, [(s.start, s.end) for s in sentences])
    for sentence in sentences:
        piece = text[sentence.start : sentence.end]
        assert piece and piece == piece.strip()
        p_start, p_end = paragraphs[sentence.paragraph]
        assert p_start <= sentence.start and sentence.end <= p_end
    assert [s.paragraph for s in sentences] == sorted(s.paragraph for s in sentences)


@FAST
@given(SOME_TEXT)
def test_sentences_cover_every_word(text):
    covered = set()
    for s in split_sentences(text):
        covered.update(range(s.start, s.end))
    assert all(i in covered for i, char in enumerate(text) if not char.isspace())


@FAST
@given(SOME_TEXT)
def test_boilerplate_spans_are_whole_lines(text):
    spans = find_boilerplate(text)
    assert_spans_ok(text, list(spans))
    lines = set(split_paragraphs(text))
    assert all(span in lines for span in spans)


@FAST
@given(SOME_TEXT)
def test_article_from_text_always_gives_an_article(text):
    article = article_from_text(text)
    assert article.text == normalise_newlines(text)
    assert_spans_ok(article.text, list(article.boilerplate))
    assert "\n" not in article.title


@settings(max_examples=120, deadline=None)
@given(st.binary(max_size=2000))
def test_any_bytes_load_or_fail_cleanly(raw):
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "input.txt"
        path.write_bytes(raw)
        try:
            article = load_article(path)
        except IngestError as exc:
            assert "\n" not in str(exc)
            return
    assert article.raw == raw
    assert article.text.strip()
    assert_spans_ok(article.text, list(article.boilerplate))


@settings(max_examples=120, deadline=None)
@given(PRINTABLE, st.sampled_from(["utf-8", "utf-8-sig", "utf-16"]))
def test_unicode_text_round_trips_through_a_file(text, encoding):
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "input.txt"
        path.write_bytes(text.encode(encoding))
        try:
            article = load_article(path)
        except IngestError as exc:
            assert not text.strip(), str(exc)
            return
    assert article.text == normalise_newlines(text)


@settings(max_examples=40, deadline=None)
@given(st.one_of(NEWSY, st.builds(lambda body: f"<html><body><p>{body}</p></body></html>", NEWSY)))
def test_any_html_gives_article_or_clean_error(html):
    try:
        article = article_from_html(html)
    except IngestError as exc:
        assert "\n" not in str(exc)
        return
    assert article.text.strip()
    assert "<script" not in article.text
    assert_spans_ok(article.text, list(article.boilerplate))
