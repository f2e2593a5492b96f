"""The discrepancy list: sorting, filters, J/K, neighbour_id and currentChanged."""

from __future__ import annotations

from types import SimpleNamespace

import pytest
from PySide6.QtCore import Qt

from core.model import Discrepancy
from gui.discrepancy_model import COLUMNS, ID_ROLE
from gui.discrepancy_panel import DiscrepancyPanel

DISCS = [
    Discrepancy("n1", "number", "medium", "280 vs 312 passengers", (1, 4), (1, 4), 0),
    Discrepancy("d1", "date", "high", "Thursday vs Wednesday", (5, 9), (5, 9), 1),
    Discrepancy("w1", "wording", "low", "to shore vs ashore", (10, 12), (10, 12), 2),
    Discrepancy("q1", "quote", "high", "quote differs: acted quickly", (13, 15), (13, 15), 3),
    Discrepancy("o1", "omission", "medium", "only in A: built in 2009", (16, 20), None, None),
    Discrepancy("u-1", "entity", "low", "Dahlberg vs Dalberg", (21, 25), (21, 25), None),
]


def note(status="open", verdict="", text=""):
    return SimpleNamespace(
        status=status, verdict=verdict, note=text, reviewer="mo", created="", updated=""
    )


@pytest.fixture
def panel(qtbot):
    widget = DiscrepancyPanel()
    qtbot.addWidget(widget)
    widget.resize(420, 400)
    widget.show()
    widget.set_discrepancies(
        DISCS, {"q1": note("confirmed", "inaccurate"), "w1": note("dismissed", text="style only")}
    )
    return widget


def test_rows_keep_the_engine_order_until_sorted(panel):
    assert panel.visible_ids() == ["n1", "d1", "w1", "q1", "o1", "u-1"]


def test_severity_sorts_high_before_medium_before_low(panel):
    panel.table.sortByColumn(COLUMNS.index("severity"), Qt.SortOrder.AscendingOrder)
    assert panel.visible_ids() == ["d1", "q1", "n1", "o1", "w1", "u-1"]
    panel.table.sortByColumn(COLUMNS.index("severity"), Qt.SortOrder.DescendingOrder)
    assert panel.visible_ids()[:2] == ["u-1", "w1"]


def test_status_sorts_open_work_first(panel):
    panel.table.sortByColumn(COLUMNS.index("status"), Qt.SortOrder.AscendingOrder)
    ids = panel.visible_ids()
    assert ids[-2:] == ["q1", "w1"], "confirmed, then dismissed, after all open ones"


def test_cells_show_labels_and_statuses(panel):
    model = panel.model
    row = model.row_of("q1")
    cells = [model.index(row, c).data() for c in range(len(COLUMNS))]
    assert cells == ["Quote", "High", "quote differs: acted quickly", "Confirmed", "inaccurate"]
    assert model.index(model.row_of("u-1"), 0).data() == "Name"
    assert model.index(model.row_of("n1"), COLUMNS.index("status")).data() == "Open"


def test_filters_by_kind_severity_status_and_text(panel):
    panel.set_filters(kinds={"number", "date", "quote"})
    assert panel.visible_ids() == ["n1", "d1", "q1"]
    panel.set_filters(severities={"high"})
    assert panel.visible_ids() == ["d1", "q1"]
    panel.set_filters(statuses={"open"})
    assert panel.visible_ids() == ["n1", "d1", "o1", "u-1"]
    panel.set_filters(text="WEDNESDAY")
    assert panel.visible_ids() == ["d1"]
    panel.set_filters(text="style only")  # matches the note
    assert panel.visible_ids() == ["w1"]
    panel.set_filters(kinds={"number"}, severities={"high"})
    assert panel.visible_ids() == []
    assert panel.count_label.text() == "0 of 6"
    panel.set_filters()
    assert len(panel.visible_ids()) == 6
    assert panel.count_label.text() == "6"


def test_filter_buttons_drive_the_proxy(panel):
    action = panel.kind_filter._actions["number"]
    action.setChecked(False)
    assert "n1" not in panel.visible_ids()
    assert panel.kind_filter.text() == "Kind: 7 of 8"


def test_neighbour_id_walks_the_shown_order_and_stops_at_the_ends(panel):
    assert panel.current_id() is None
    assert panel.neighbour_id(1) == "n1"
    assert panel.neighbour_id(-1) == "u-1"
    panel.select("w1")
    assert panel.neighbour_id(1) == "q1"
    assert panel.neighbour_id(-2) == "n1"
    assert panel.neighbour_id(-3) is None
    panel.select("u-1")
    assert panel.neighbour_id(1) is None
    panel.table.sortByColumn(COLUMNS.index("severity"), Qt.SortOrder.AscendingOrder)
    panel.select("q1")
    assert panel.neighbour_id(1) == "n1", "follows the sorted order"


def test_current_changed_fires_once_per_real_change(panel, qtbot):
    seen = []
    panel.currentChanged.connect(seen.append)
    panel.select("d1")
    panel.select("d1")
    panel.select("q1")
    panel.select(None)
    assert seen == ["d1", "q1", None]


def test_selecting_a_filtered_out_item_clears_the_filters(panel):
    panel.set_filters(kinds={"number"})
    assert panel.select("q1")
    assert panel.current_id() == "q1"
    assert panel.kind_filter.selected() is None


def test_filtering_away_the_current_item_reports_none(panel):
    panel.select("d1")
    seen = []
    panel.currentChanged.connect(seen.append)
    panel.set_filters(kinds={"number"})
    assert panel.current_id() is None
    assert seen == [None]


def test_j_and_k_move_within_the_list(panel, qtbot):
    panel.table.setFocus()
    panel.select("n1")
    qtbot.keyClick(panel.table, Qt.Key.Key_J)
    assert panel.current_id() == "d1"
    qtbot.keyClick(panel.table, Qt.Key.Key_J)
    qtbot.keyClick(panel.table, Qt.Key.Key_K)
    assert panel.current_id() == "d1"


def test_update_annotation_refreshes_row_and_status_filter(panel):
    panel.set_filters(statuses={"open"})
    panel.select("d1")
    panel.update_annotation("d1", note("confirmed"))
    assert "d1" not in panel.visible_ids()
    panel.set_filters()
    row = panel.model.row_of("d1")
    assert panel.model.index(row, COLUMNS.index("status")).data() == "Confirmed"


def test_after_the_current_item_is_filtered_away_stepping_continues_from_its_place(panel):
    panel.set_filters(statuses={"open"})
    assert panel.visible_ids() == ["n1", "d1", "o1", "u-1"]
    panel.select("d1")
    panel.update_annotation("d1", note("confirmed"))
    assert panel.current_id() is None
    assert panel.neighbour_id(1) == "o1"
    assert panel.neighbour_id(-1) == "n1"


def test_reloading_keeps_the_current_item_when_its_id_survives(panel):
    panel.select("q1")
    seen = []
    panel.currentChanged.connect(seen.append)
    panel.set_discrepancies(list(reversed(DISCS)), {})
    assert panel.current_id() == "q1"
    assert seen == []
    panel.set_discrepancies(DISCS[:2], {})
    assert panel.current_id() is None
    assert seen == [None]


def test_ids_are_exposed_through_the_id_role(panel):
    index = panel.proxy.index(0, COLUMNS.index("summary"))
    assert index.data(ID_ROLE) == "n1"


def test_column_menu_toggles_the_verdict_column(panel):
    header = panel.table.horizontalHeader()
    verdict = COLUMNS.index("verdict")
    assert header.isSectionHidden(verdict)
    menu = panel.column_menu()
    action = [a for a in menu.actions() if a.text() == "Verdict"][0]
    action.setChecked(True)
    assert not header.isSectionHidden(verdict)
