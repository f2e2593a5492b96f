"""The article pane: header, highlights in str offsets, clicks, selection, find, flash."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtGui import QColor, QFontMetrics, QTextCharFormat, QTextCursor

from core.model import Article
from gui.article_pane import ArticlePane, fit_lines, format_date

TEXT = (
    "Ferry services were suspended until Saturday 🚢, Skerry Lines said.\n\n"
    "A fire broke out in the engine room on Thursday. About 280 passengers were evacuated "
    "off the coast, the regional coast guard said in a statement published the same evening.\n\n"
    "Police said they had found no sign of arson."
)


@pytest.fixture
def pane(qtbot):
    widget = ArticlePane()
    qtbot.addWidget(widget)
    widget.resize(420, 500)
    widget.show()
    qtbot.waitExposed(widget)
    widget.set_article(
        Article(
            text=TEXT,
            title="Passengers evacuated after engine-room fire",
            source="Coastal Wire",
            author="Ana Ruiz",
            published="2025-03-13",
            url="https://example.org/news/ferry-fire",
        )
    )
    return widget


def _span(word: str) -> tuple[int, int]:
    start = TEXT.index(word)
    return start, start + len(word)


def test_header_shows_title_outlet_author_weekday_and_link(pane, qtbot):
    assert pane.header.title_label.text() == "Passengers evacuated after engine-room fire"
    assert pane.header.meta_label.text() == "Coastal Wire  ·  by Ana Ruiz  ·  Thu 13 Mar 2025"
    assert "https://example.org/news/ferry-fire" in pane.header.url_label.text()
    with qtbot.waitSignal(pane.openUrlRequested) as blocker:
        pane.header.url_label.linkActivated.emit(pane.header.url())
    assert blocker.args == ["https://example.org/news/ferry-fire"]


def test_fit_lines_cuts_long_titles_at_a_word(qapp):
    metrics = QFontMetrics(qapp.font())
    assert fit_lines("Short title", metrics, 400, 2) == "Short title"
    long_title = "Blinken calls out China for blaming U.S. for Ukraine crisis " * 4
    fitted = fit_lines(long_title, metrics, 200, 2)
    assert fitted.endswith("…") and long_title.startswith(fitted[:-1])
    flags = int(Qt.TextFlag.TextWordWrap)
    height = metrics.boundingRect(QRect(0, 0, 200, 10_000), flags, fitted).height()
    assert height <= 2 * metrics.lineSpacing() + 1


def test_format_date_tolerates_unknown_forms():
    assert format_date("2022-01-27") == "Thu 27 Jan 2022"
    assert format_date("2022-01-27T17:02:00") == "Thu 27 Jan 2022"
    assert format_date("late January") == "late January"
    assert format_date("") == ""


def test_highlights_land_on_the_right_characters_after_an_emoji(pane):
    fmt = QTextCharFormat()
    fmt.setBackground(QColor("#E69F00"))
    pane.set_highlights([(_span("Thursday"), fmt), (_span("280"), fmt), ((5, 5), fmt)])
    selections = pane.text.extraSelections()
    assert [s.cursor.selectedText() for s in selections] == ["Thursday", "280"]


def test_span_rects_follow_wrapped_lines_and_touch(pane):
    sentence = _span("A fire broke out in the engine room on Thursday. About 280 passengers")
    rects = pane.text.span_rects(sentence)
    assert len(rects) >= 2, "the sentence should wrap at this width"
    for upper, lower in zip(rects, rects[1:], strict=False):
        assert lower.top() == pytest.approx(upper.bottom(), abs=0.5)
    top, bottom = pane.span_y_range(sentence)
    assert top < bottom
    assert pane.span_y_range(_span("Police"))[0] > bottom


def test_clicking_a_word_reports_its_offset(pane, qtbot):
    cursor = QTextCursor(pane.text.document())
    offset = TEXT.index("Thursday") + 3
    cursor.setPosition(pane.text.offsets.to_qt(offset))
    rect = pane.text.cursorRect(cursor)
    with qtbot.waitSignal(pane.sentenceClicked) as blocker:
        qtbot.mouseClick(pane.text.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert abs(blocker.args[0] - offset) <= 1


def test_clicking_blank_space_reports_nothing(pane, qtbot):
    bottom = QPoint(pane.text.viewport().width() // 2, pane.text.viewport().height() - 5)
    with qtbot.assertNotEmitted(pane.sentenceClicked):
        qtbot.mouseClick(pane.text.viewport(), Qt.MouseButton.LeftButton, pos=bottom)


def test_selected_span_is_in_str_offsets(pane):
    start, end = _span("Skerry Lines")
    cursor = QTextCursor(pane.text.document())
    cursor.setPosition(pane.text.offsets.to_qt(start))
    cursor.setPosition(pane.text.offsets.to_qt(end), QTextCursor.MoveMode.KeepAnchor)
    pane.text.setTextCursor(cursor)
    assert pane.selected_span() == (start, end)
    assert TEXT[start:end] == "Skerry Lines"


def test_context_menu_offers_mark_as_discrepancy_only_with_a_selection(pane, qtbot):
    menu = pane.text.build_context_menu(QPoint(5, 5))
    mark = menu.findChild(type(menu.actions()[0]), "markDiscrepancyAction")
    assert mark is not None and not mark.isEnabled()
    pane.text.selectAll()
    menu = pane.text.build_context_menu(QPoint(5, 5))
    mark = [a for a in menu.actions() if a.objectName() == "markDiscrepancyAction"][0]
    assert mark.isEnabled()
    assert menu.actions()[0] is mark
    with qtbot.waitSignal(pane.addDiscrepancyRequested):
        mark.trigger()


def test_find_wraps_around_and_reports_misses(pane):
    assert pane.find("said")
    first = pane.text.textCursor().selectionStart()
    assert pane.find("said")
    assert pane.text.textCursor().selectionStart() > first
    assert pane.find("said")
    assert pane.find("said"), "wraps to the top after the last match"
    assert pane.text.textCursor().selectionStart() == first
    assert pane.find("said", backward=True)
    assert not pane.find("helicopter")
    assert not pane.find("")


def test_flash_runs_and_fades(pane, qtbot):
    pane.flash_span(_span("no sign"))
    assert pane.text.flash_active()
    qtbot.waitUntil(lambda: not pane.text.flash_active(), timeout=3000)


def test_emphasis_and_scrolling_to_a_span(pane):
    pane.resize(420, 160)
    span = _span("Police said")
    pane.scroll_to_span(span)
    assert pane.is_span_visible(span)
    pane.set_emphasis(span, QColor("black"))
    assert pane.text.emphasis() == span
    pane.clear()
    assert pane.text.emphasis() is None
    assert pane.header.title_label.text() == ""
    assert pane.text.toPlainText() == ""


def test_highlights_skip_surrounding_blanks(pane):
    fmt = QTextCharFormat()
    fmt.setBackground(QColor("#cccccc"))
    first_paragraph_end = TEXT.index("\n\n") + 2
    pane.set_highlights([((0, first_paragraph_end), fmt)])
    [selection] = pane.text.extraSelections()
    assert selection.cursor.selectedText().endswith("said.")


def test_a_multi_line_fill_is_one_shape_and_skips_empty_lines(pane, qtbot):
    from gui.span_marks import SpanMark

    second = TEXT.index("A fire")
    long_span = (second, TEXT.index("\n\n", second))
    assert len(pane.text.span_rects(long_span)) >= 3, "the paragraph must wrap"
    assert len(pane.text.fill_path(long_span).toFillPolygons()) == 1

    fill = QColor("#ff00ff")
    whole = (0, len(TEXT))
    pane.set_span_marks([SpanMark(whole, fill)])
    # Two shapes, one per paragraph... plus the third: never a sliver on the blank lines.
    assert len(pane.text.fill_path(pane.text.span_marks()[0].span).toFillPolygons()) == 3
    qtbot.wait(10)
    image = pane.text.viewport().grab().toImage()
    scroll = pane.text.verticalScrollBar().value()
    blank = TEXT.index("\n\n") + 1  # the empty line between the first two paragraphs
    doc = pane.text.document()
    block = doc.findBlock(pane.text.offsets.span_to_qt((blank, blank + 1))[0])
    top = doc.documentLayout().blockBoundingRect(block).center().y() - scroll
    row = [image.pixelColor(x, int(top)) for x in range(image.width())]
    assert block.length() <= 1 and not any(c == fill for c in row)
    first_line = pane.text.span_rects((0, 10))[0].center().y() - scroll
    assert any(image.pixelColor(x, int(first_line)) == fill for x in range(image.width()))
