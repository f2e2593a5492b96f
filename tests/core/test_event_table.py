"""The event's fact table: rows by what the articles report, disagreements first."""

from __future__ import annotations

import pytest
from conftest import seed
from event_table_fixtures import ARTICLES, COURIER, HERALD, LEDGER

from core.events.fact_table import build_event_table
from core.events.fact_table.build import _Groups, _Node
from core.facts.fact_records import Quantity
from core.ingest.load import load_article


def _cells(row):
    return [c.text if c else None for c in row.cells]


def _row(table, kind, *texts):
    """The one row of ``kind`` whose cells include every text in ``texts``."""
    found = [
        r
        for r in table.rows
        if r.kind == kind and all(any(c and t in c.text for c in r.cells) for t in texts)
    ]
    assert len(found) == 1, [(_cells(r), r.kind) for r in table.rows]
    return found[0]


@pytest.fixture(scope="module")
def table():
    return build_event_table(ARTICLES, [11, 12, 13], event_id=7, label="Bridge")


def test_columns_are_articles_by_date_with_outlet_or_file_name():
    table = build_event_table([LEDGER, COURIER, HERALD], [13, 12, 11])
    assert [c.article_id for c in table.columns] == [11, 12, 13]
    assert [c.label for c in table.columns] == [
        "Dunmore Herald · 2031-03-05",
        "Courier · 2031-03-05",
        "ledger-page · 2031-03-06",
    ]


def test_the_toll_is_one_row_and_only_the_odd_figure_is_marked(table):
    row = _row(table, "figure", "14 people", "12 people")
    assert _cells(row) == ["14 people", "14 people", "12 people"]
    assert row.label == "dead · people"
    assert row.disagree and row.conflicts == {2}


def test_a_fact_one_article_omits_leaves_its_cell_empty(table):
    row = _row(table, "figure", "31")
    assert row.label == "hurt"
    assert _cells(row) == ["31", None, None]
    assert not row.disagree


def test_days_quotes_and_credits_each_get_their_row(table):
    day = _row(table, "date", "Tuesday", "Wednesday")
    assert day.disagree and day.conflicts == {2}
    quote = _row(table, "quote", "searching the river")
    assert quote.disagree and quote.label.startswith("fire chief Maren Holt:")
    credit = _row(table, "credit", "the police")
    assert _cells(credit) == [
        "the regional fire service",
        "the regional fire service",
        "the police",
    ]
    assert credit.conflicts == {2}
    same_speaker = _row(table, "credit", "fire chief Maren Holt")
    assert not same_speaker.disagree


def test_disagreeing_rows_come_first(table):
    flags = [r.disagree for r in table.rows]
    assert flags == sorted(flags, reverse=True)
    assert table.disagreeing == 4
    assert table.rows[0].kind == "figure"


def test_cells_point_at_the_article_text(table):
    for row in table.rows:
        for column, cell in zip(table.columns, row.cells, strict=True):
            if cell is not None and row.kind != "credit":
                article = {11: HERALD, 12: COURIER, 13: LEDGER}[column.article_id]
                assert article.text[cell.start : cell.end].startswith(cell.text[:20])


def test_keys_are_stable_and_do_not_depend_on_input_order(table):
    again = build_event_table(list(reversed(ARTICLES)), [13, 12, 11])
    assert {r.key for r in again.rows} == {r.key for r in table.rows}
    assert len({r.key for r in table.rows}) == len(table.rows)


def test_split_row_becomes_one_row_per_article_and_accepted_is_kept(table):
    toll = _row(table, "figure", "12 people")
    day = _row(table, "date", "Wednesday")
    decided = build_event_table(
        ARTICLES, [11, 12, 13], decisions={toll.key: "split", day.key: "accepted"}
    )
    parts = [r for r in decided.rows if r.group == toll.key]
    assert [_cells(p).count(None) for p in parts] == [2, 2, 2]
    assert all(p.decision == "split" and not p.disagree for p in parts)
    assert decided.row(toll.key) == parts[0]
    accepted = decided.row(day.key)
    assert accepted.decision == "accepted" and accepted.disagree


def test_a_row_never_holds_two_facts_of_one_article():
    def q(start: int) -> Quantity:
        return Quantity(start, start + 1, "1", 1, 1, True, True, "", "", None, 0)

    groups = _Groups()
    a1, b1, c1, a2 = (
        _Node(0, "figure", q(0)),
        _Node(1, "figure", q(0)),
        _Node(2, "figure", q(0)),
        _Node(0, "figure", q(5)),
    )
    groups.link(a1, b1)
    groups.link(b1, c1)
    groups.link(c1, a2)  # would put a1 and a2 in one row
    rows = sorted(groups.components(), key=len)
    assert [[n.column for n in r] for r in rows] == [[0], [0, 1, 2]]


def test_seed_troop_figures_are_one_disagreeing_row():
    articles = [load_article(seed(p)) for p in ("000", "002", "003")]
    table = build_event_table(articles)
    row = _row(table, "figure", "an estimated 100,000", "ens of thousands")
    assert row.disagree
    assert sum(c is not None for c in row.cells) == 2
    assert table.rows.index(row) < table.disagreeing
