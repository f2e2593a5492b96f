"""The comparison view as a whole: highlights, navigation, clicks, find, sizes."""

from __future__ import annotations

from types import SimpleNamespace

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QTextCharFormat, QTextCursor

from core.model import Alignment, Article, Change, Comparison, Discrepancy

A_TEXT = (
    "Skip to main content\n\n"
    "A fire broke out on the ferry Northern Tern on Thursday. About 280 passengers were evacuated.\n\n"
    "Rescue boats arrived within 40 minutes, the coast guard said.\n\n"
    "Police said they had found signs of arson."
)
B_TEXT = (
    "Police said they had found no sign of arson.\n\n"
    "A fire broke out on the ferry Northern Tern on Wednesday. About 312 passengers were evacuated 🚢.\n\n"
    "Local fishermen helped before the rescue boats arrived.\n\n"
    "Rescue boats arrived within 40 minutes, the coast guard said."
)


def _span(text: str, needle: str, start: int = 0) -> tuple[int, int]:
    at = text.index(needle, start)
    return at, at + len(needle)


def _sentence(text: str, first_words: str) -> tuple[int, int]:
    start = text.index(first_words)
    end = text.find("\n", start)
    return start, len(text) if end < 0 else end


@pytest.fixture
def comparison() -> Comparison:
    a_fire, b_fire = _sentence(A_TEXT, "A fire"), _sentence(B_TEXT, "A fire")
    a_boats, b_boats = _sentence(A_TEXT, "Rescue"), _sentence(B_TEXT, "Rescue")
    a_police, b_police = _sentence(A_TEXT, "Police"), _sentence(B_TEXT, "Police")
    day_a, day_b = _span(A_TEXT, "Thursday"), _span(B_TEXT, "Wednesday")
    n_a, n_b = _span(A_TEXT, "280"), _span(B_TEXT, "312")
    neg_a, neg_b = _span(A_TEXT, "signs"), _span(B_TEXT, "no sign")
    changes = (
        Change("replace", *day_a, *day_b),
        Change("replace", *n_a, *n_b),
        Change("replace", a_fire[1] - 1, a_fire[1], b_fire[1] - 1, b_fire[1], cosmetic=True),
    )
    alignments = (
        Alignment((a_fire,), (b_fire,), 0.8, changes),
        Alignment((a_boats,), (b_boats,), 1.0),
        Alignment((a_police,), (b_police,), 0.7, (Change("replace", *neg_a, *neg_b),)),
    )
    discrepancies = (
        Discrepancy("date1", "date", "high", "Thursday vs Wednesday", day_a, day_b, 0),
        Discrepancy("num1", "number", "high", "280 vs 312 passengers", n_a, n_b, 0),
        Discrepancy("neg1", "negation", "high", "signs vs no sign", neg_a, neg_b, 2),
        Discrepancy(
            "omit1", "omission", "medium", "only in B: fishermen", None, _sentence(B_TEXT, "Local")
        ),
    )
    a = Article(A_TEXT, title="Fire on ferry", source="Coastal Wire", boilerplate=((0, 20),))
    b = Article(B_TEXT, title="Ferry fire", source="Harbor Ledger", url="https://example.org/b")
    return Comparison(a, b, 0.7, alignments, (), (_sentence(B_TEXT, "Local"),), discrepancies)


@pytest.fixture
def view(qtbot, comparison):
    from gui.comparison_view import ComparisonView

    widget = ComparisonView()
    qtbot.addWidget(widget)
    widget.resize(1100, 600)
    widget.show()
    qtbot.waitExposed(widget)
    widget.set_comparison(comparison, comparison.discrepancies, {})
    return widget


def _highlighted(pane) -> set[str]:
    return {s.cursor.selectedText() for s in pane.text.extraSelections()}


def test_every_layer_is_highlighted_except_cosmetic_changes(view):
    a = _highlighted(view.pane_a)
    assert {"Skip to main content", "Thursday", "280", "signs"} <= a
    b = _highlighted(view.pane_b)
    assert {"Wednesday", "312", "no sign"} <= b
    shaded = {_words(view.pane_b, m) for m in view.pane_b.text.span_marks()}
    assert "Local fishermen helped before the rescue boats arrived." in shaded
    cosmetic = A_TEXT[_sentence(A_TEXT, "A fire")[1] - 1]
    assert cosmetic not in a, "the cosmetic change (a lone full stop) is not marked"


def test_status_changes_the_span_style(view):
    def mark(pane, text):
        """The painted mark of the discrepancy over ``text``."""
        found = [m for m in pane.text.span_marks() if m.line is not None and _words(pane, m) == text]
        assert found, text
        return found[-1]

    def fmt(pane, text):
        found = [
            QTextCharFormat(s.format)
            for s in pane.text.extraSelections()
            if s.cursor.selectedText() == text
        ]
        return found[-1]

    opened = mark(view.pane_a, "Thursday")
    assert opened.badge == "" and opened.pattern == "dash"
    view.update_annotation("date1", SimpleNamespace(status="confirmed"))
    confirmed = mark(view.pane_a, "Thursday")
    assert confirmed.badge == "✓" and confirmed.fill == opened.fill
    view.update_annotation("date1", SimpleNamespace(status="follow-up"))
    assert mark(view.pane_a, "Thursday").badge == "?"
    view.update_annotation("date1", SimpleNamespace(status="dismissed"))
    dismissed = fmt(view.pane_a, "Thursday")
    assert dismissed.fontStrikeOut()
    assert dismissed.foreground().color() != view.palette().text().color()
    assert mark(view.pane_a, "Thursday").fill != opened.fill


def _words(pane, mark) -> str:
    return pane.text.toPlainText()[mark.span[0] : mark.span[1]]


def test_show_discrepancy_emphasises_and_flashes_both_spans(view, comparison):
    assert view.show_discrepancy("neg1")
    assert view.current_id() == "neg1"
    assert view.pane_a.text.emphasis() == _span(A_TEXT, "signs")
    assert view.pane_b.text.emphasis() == _span(B_TEXT, "no sign")
    assert view.pane_a.text.flash_active() and view.pane_b.text.flash_active()
    assert view.connector.current() == 2
    assert not view.show_discrepancy("no-such-id")
    assert view.pane_a.text.emphasis() is None and view.connector.current() is None


def test_show_discrepancy_scrolls_a_hidden_span_into_view(view):
    view.resize(1100, 260)
    view.set_scroll_sync(False)
    view.pane_b.set_scroll_y(10_000)
    view.show_discrepancy("neg1")
    assert view.pane_b.is_span_visible(_span(B_TEXT, "no sign"))
    assert view.pane_a.is_span_visible(_span(A_TEXT, "signs"))


def test_a_one_sided_discrepancy_frames_only_its_side(view):
    view.show_discrepancy("omit1")
    assert view.pane_a.text.emphasis() is None
    assert view.pane_b.text.emphasis() == _sentence(B_TEXT, "Local")


def test_clicking_a_highlighted_span_activates_its_discrepancy(view, qtbot):
    cursor = QTextCursor(view.pane_b.text.document())
    cursor.setPosition(view.pane_b.text.offsets.to_qt(_span(B_TEXT, "312")[0] + 1))
    point = view.pane_b.text.cursorRect(cursor).center()
    with qtbot.waitSignal(view.discrepancyActivated) as blocker:
        qtbot.mouseClick(view.pane_b.text.viewport(), Qt.MouseButton.LeftButton, pos=point)
    assert blocker.args == ["num1"]


def test_hovering_a_span_explains_it(view):
    offset = _span(A_TEXT, "Thursday")[0] + 2
    assert view._hover_text(0, offset) == "Date · high\nThursday vs Wednesday"
    assert view._hover_text(0, A_TEXT.index("Rescue")) == ""


def test_dismissed_findings_rank_last_under_the_mouse(view):
    overlap = Discrepancy("w1", "wording", "low", "fire wording", _sentence(A_TEXT, "A fire"), None)
    view.set_comparison(view.comparison(), (*view.comparison().discrepancies, overlap), {})
    offset = _span(A_TEXT, "Thursday")[0]
    assert view.discrepancies_at(0, offset) == ["date1", "w1"]
    view.update_annotation("date1", SimpleNamespace(status="dismissed"))
    assert view.discrepancies_at(0, offset) == ["w1", "date1"]


def test_find_searches_both_panes(view):
    assert view.find("rescue boats")
    assert view.pane_a.text.textCursor().selectedText().lower() == "rescue boats"
    assert view.pane_b.text.textCursor().selectedText().lower() == "rescue boats"
    assert view.find("fishermen"), "found in B only"
    assert not view.find("helicopter")


def test_selected_spans_reports_each_side(view):
    start, end = _span(B_TEXT, "312 passengers")
    cursor = QTextCursor(view.pane_b.text.document())
    cursor.setPosition(view.pane_b.text.offsets.to_qt(start))
    cursor.setPosition(view.pane_b.text.offsets.to_qt(end), QTextCursor.MoveMode.KeepAnchor)
    view.pane_b.text.setTextCursor(cursor)
    assert view.selected_spans() == (None, (start, end))


def test_text_size_changes_the_prose_but_not_the_header(view):
    header_size = view.pane_a.header.meta_label.font().pointSizeF()
    view.set_text_size(16)
    assert view.pane_a.text.font().pointSizeF() == 16
    assert view.pane_b.text.font().pointSizeF() == 16
    font = QFont(view.pane_a.font())
    font.setPointSize(13)
    view.pane_a.setFont(font)  # the window's preference path
    assert view.pane_a.text.font().pointSizeF() == 13
    assert view.pane_a.header.meta_label.font().pointSizeF() == header_size


def test_headers_are_level_and_show_the_url(view, qtbot):
    long_title = "A very long headline that keeps going " * 6
    view.pane_a.header.set_article(Article("x", title=long_title))
    view.resize(900, 600)
    qtbot.waitUntil(lambda: view.pane_a.header.height() == view.pane_b.header.height())
    title = view.pane_a.header.title_label
    assert title.text().endswith("…") and title.toolTip() == long_title
    assert view.pane_b.header.url() == "https://example.org/b"


def test_legend_counts_kinds_and_clear_empties_everything(view):
    assert view.legend._counts == {"date": 1, "number": 1, "negation": 1, "omission": 1}
    view.clear()
    assert view.comparison() is None
    assert view.pane_a.text.toPlainText() == ""
    assert view.connector.visible_bands() == []
    assert view.current_id() is None


def test_a_narrow_legend_keeps_kinds_and_bands_and_explains_the_rest_in_a_tooltip(view, qtbot):
    legend = view.legend
    assert legend.shown_groups(2000) == ("Kinds", "Status", "Text", "Bands")
    narrow = legend.shown_groups(560)
    assert "Kinds" in narrow and "Bands" in narrow and len(narrow) < 4
    legend.resize(560, legend.height())
    qtbot.waitUntil(lambda: "underline" in legend.toolTip() or "shading" in legend.toolTip())
    assert legend.heightForWidth(560) <= legend.heightForWidth(2000) * legend.MAX_ROWS


def test_a_discrepancy_shown_before_layout_is_revealed_once_the_panes_have_a_size(
    qtbot, comparison
):
    from gui.comparison_view import ComparisonView

    widget = ComparisonView()
    qtbot.addWidget(widget)
    # Not shown yet, so the panes have no real size: the reveal must wait.
    widget.set_comparison(comparison, comparison.discrepancies, {})
    assert widget.show_discrepancy("neg1")
    assert widget._pending_reveal == "neg1"
    widget.resize(1000, 260)
    widget.show()
    qtbot.waitUntil(lambda: widget._pending_reveal is None)
    assert widget.pane_a.is_span_visible(_span(A_TEXT, "signs"))
    assert widget.pane_b.is_span_visible(_span(B_TEXT, "no sign"))


def test_a_sentence_against_a_few_words_is_drawn_at_one_granularity(qtbot, comparison):
    """One side's span is its whole sentence, the other's two words: both show the sentence
    faintly and the differing words strongly."""
    from dataclasses import replace

    from gui.comparison_view import ComparisonView

    a_police, b_police = _sentence(A_TEXT, "Police"), _sentence(B_TEXT, "Police")
    wide = Discrepancy("neg2", "negation", "high", "whole vs words", a_police, _span(B_TEXT, "no sign"), 2)
    comparison = replace(comparison, discrepancies=(wide,))
    view = ComparisonView()
    qtbot.addWidget(view)
    view.resize(1100, 600)
    view.set_comparison(comparison, comparison.discrepancies, {})
    context = view.theme.context_tint("negation")
    strong = view.theme.kind_tint("negation")
    for pane, sentence, words in (
        (view.pane_a, a_police, "signs"),
        (view.pane_b, b_police, "no sign"),
    ):
        marks = pane.text.span_marks()
        assert [m.span for m in marks if m.fill == context] == [sentence]
        assert [_words(pane, m) for m in marks if m.fill == strong] == [words]


def test_kind_labels_are_one_word_everywhere(qtbot, comparison):
    """Legend, filter, list, Mark dialog and report all name a kind by core.model.KIND_LABELS."""
    from core.model import KIND_LABELS, KINDS
    from core.report.labels import kind_label as report_label
    from gui.comparison_view import ComparisonView
    from gui.discrepancy_panel import DiscrepancyPanel
    from gui.manual_discrepancy_dialog import ManualDiscrepancyDialog

    view = ComparisonView()
    qtbot.addWidget(view)
    legend = {key: label for group, key, label in view.legend.entries() if group == "Kinds"}
    assert legend == KIND_LABELS
    assert [report_label(k) for k in KINDS] == [KIND_LABELS[k] for k in KINDS]
    panel = DiscrepancyPanel()
    qtbot.addWidget(panel)
    filters = [action.text() for action in panel.kind_filter._actions.values()]
    assert filters == [KIND_LABELS[k] for k in KINDS]
    dialog = ManualDiscrepancyDialog("a few words", "")
    qtbot.addWidget(dialog)
    assert [dialog.kind.itemText(i) for i in range(dialog.kind.count())] == [
        KIND_LABELS[k] for k in KINDS
    ]
    assert KIND_LABELS["entity"] == "Name"
