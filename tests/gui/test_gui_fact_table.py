"""The event's fact table in the window: opened from the event, a cell opens its pair."""

from __future__ import annotations

from gui_fixtures import *  # noqa: F403  (fixtures)
from PySide6.QtCore import QItemSelectionModel, Qt

from gui import hotkeys
from gui.fact_table_dialog import LEAD_COLUMNS


def _select_event(win, event_id: int) -> None:
    model = win.browser.model()
    for row in range(model.rowCount()):
        item = model.item(row, 0)
        if item.data(Qt.ItemDataRole.UserRole + 2) == event_id:
            win.browser.selectionModel().setCurrentIndex(
                item.index(), QItemSelectionModel.SelectionFlag.ClearAndSelect)
            return
    raise AssertionError(f"no event {event_id} in the browser")


def _open_table(win, qtbot):
    _select_event(win, 1)
    assert win.actions.fact_table.isEnabled()
    assert win.actions.fact_table.shortcut().toString() == "Ctrl+T" == hotkeys.FACT_TABLE
    win.actions.fact_table.trigger()
    dialog = win.fact_tables.dialog
    qtbot.waitExposed(dialog)
    return dialog


def test_small_event_has_no_fact_table(window):
    _select_event(window, 2)  # one article
    assert not window.actions.fact_table.isEnabled()


def test_table_lists_disagreeing_rows_first_and_marks_them(window, qtbot):
    dialog = _open_table(window, qtbot)
    grid = dialog.grid
    headers = [grid.horizontalHeaderItem(c).text() for c in range(grid.columnCount())]
    assert headers == ["", "Fact", "Coastal Wire · 2025-03-14", "Harbor Ledger · 2025-03-14",
                       "Island Gazette · 2025-03-14"]
    table = dialog.table
    assert table.rows[0].disagree and grid.item(0, 0).text() == "≠"
    assert grid.item(0, 1).text() == "Figure: displaced · people"
    assert [grid.item(0, LEAD_COLUMNS + c).text() for c in range(3)] == [
        "About 280 passengers", "312 passengers", "About 280 passengers"]
    assert grid.item(0, LEAD_COLUMNS + 1).font().bold()
    assert not grid.item(0, LEAD_COLUMNS).font().bold()
    calm = next(r for r, row in enumerate(table.rows) if not row.disagree)
    assert grid.item(calm, 0).text() == "" and grid.item(0, 0).background() != grid.item(
        calm, 0).background()


def test_clicking_a_cell_opens_the_pair_with_the_fact_selected(window, qtbot):
    dialog = _open_table(window, qtbot)
    row = dialog.table.rows[0]
    rect = dialog.cell_rect(row.key, 1)  # Harbor Ledger's "312 passengers"
    qtbot.mouseClick(dialog.grid.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.waitUntil(lambda: window.session.pair_data is not None and window.session.pair_id == 3, timeout=20000)
    pair = window.session.project.pair(3)
    assert (pair.a_id, pair.b_id) == (1, 2)  # Coastal Wire beside Harbor Ledger
    ledger, wire = row.cells[1], row.cells[0]
    assert window.view.pane_b.selected_span() == (ledger.start, ledger.end)
    assert window.view.pane_a.selected_span() == (wire.start, wire.end)
    current = window.panel.current_id()
    disc = next(d for d in window.session.pair_data.discrepancies if d.id == current)
    assert disc.kind == "number" and disc.b[0] <= ledger.start < disc.b[1]


def test_split_and_accept_are_kept_in_the_project(window, qtbot):
    dialog = _open_table(window, qtbot)
    row = dialog.table.rows[0]
    dialog.select_row(row.key)
    assert dialog.split_button.isEnabled()
    dialog.split_button.click()
    assert window.session.project.fact_decisions() == {row.key: "split"}
    parts = [r for r in dialog.table.rows if r.group == row.key]
    assert len(parts) == 3 and not any(p.disagree for p in parts)
    assert dialog.current_row().group == row.key
    dialog.clear_button.click()
    assert window.session.project.fact_decisions() == {}
    dialog.select_row(row.key)
    dialog.accept_button.click()
    assert window.session.project.fact_decisions() == {row.key: "accepted"}
    assert "(accepted)" in dialog.grid.item(dialog.row_index(row.key), 1).text()
