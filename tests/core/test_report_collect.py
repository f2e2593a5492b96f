"""Reading a project into report data: scope, filters, order, excerpts, orphans."""

from __future__ import annotations

import pytest
from test_report_project import TEXT_A, sample_project_file, span

from core.errors import FactDiffError
from core.model import Sentence
from core.report.collect import build_report
from core.report.excerpts import ELLIPSIS, build_excerpt
from core.report.options import ReportOptions
from core.store import Project


@pytest.fixture(scope="module")
def project(tmp_path_factory):
    path = sample_project_file(tmp_path_factory.mktemp("collect") / "harbour.factdiff")
    with Project.open(path, readonly=True) as p:
        yield p


def ids(data):
    return [i.discrepancy_id for i in data.items()]


def test_default_leaves_out_dismissed_and_orders_by_severity(project):
    data = build_report(project, ReportOptions())
    assert "quo-77aa" not in ids(data)
    assert [i.severity for i in data.items()] == ["high", "medium", "low", "low"]
    assert [i.number for i in data.items()] == [1, 2, 3, 4]


def test_unannotated_discrepancies_count_as_open(project):
    data = build_report(project, ReportOptions(statuses=("open",)))
    assert ids(data) == ["att-21b0", "omi-3c9d"]
    assert all(i.reviewer == "" and i.updated == "" for i in data.items())


def test_reading_order_follows_article_a(project):
    data = build_report(project, ReportOptions(order="reading", statuses=("open", "dismissed")))
    positions = [i.a.start for i in data.items()]
    assert positions == sorted(positions)


def test_kind_and_severity_filters(project):
    assert ids(build_report(project, ReportOptions(kinds=("number", "entity")))) == [
        "num-5f1c",
        project.user_discrepancies(1)[0].id,
    ]
    assert ids(build_report(project, ReportOptions(min_severity="medium"))) == [
        "num-5f1c",
        "att-21b0",
    ]


def test_user_made_discrepancies_are_included_and_marked(project):
    (item,) = [i for i in build_report(project, ReportOptions()).items() if i.user_made]
    assert item.kind == "entity" and item.status == "follow-up" and item.reviewer == "Ben Ode"


def test_excerpts_are_sentences_with_the_changed_words_marked(project):
    first = build_report(project, ReportOptions()).items()[0]
    assert first.a.text.startswith("A fire at a harbour warehouse") and first.a.text.endswith(
        "said."
    )
    assert first.a.marked_words() == ("12",) and first.b.marked_words() == ("15",)


def test_omissions_have_one_side_and_no_useless_highlight(project):
    (item,) = [i for i in build_report(project, ReportOptions()).items() if i.kind == "omission"]
    assert item.b is None
    assert item.a.text == "The warehouse failed a safety inspection in 2019."
    assert item.a.marks == ()


def test_counts_and_found(project):
    data = build_report(project, ReportOptions())
    pair = data.events[0].pairs[0]
    assert pair.found == 5 and pair.counts.total == 4
    assert dict(pair.counts.by_status) == {"open": 2, "confirmed": 1, "follow-up": 1}
    assert data.counts == pair.counts


def test_uncompared_pairs_are_reported_as_such(project):
    data = build_report(project, ReportOptions())
    assert data.events[-1].id is None
    (pair,) = data.events[-1].pairs
    assert not pair.compared and pair.items == ()


def test_orphaned_annotations_are_listed_apart(project):
    data = build_report(project, ReportOptions())
    (orphan,) = data.orphans
    assert orphan.discrepancy_id == "dat-9e02" and orphan.note.startswith("Sunday checked")
    assert "dat-9e02" not in ids(data)


def test_scope_event_and_pair(project):
    event = build_report(project, ReportOptions(event_id=1))
    assert [p.id for _, p in event.pairs()] == [1]
    assert event.filters.scope_label == "1: Harbour warehouse fire"
    pair = build_report(project, ReportOptions(pair_id=2))
    assert [p.id for _, p in pair.pairs()] == [2] and pair.orphans == ()
    assert [a.id for a in pair.articles] == [1, 3]


@pytest.mark.parametrize(
    ("options", "message"),
    [({"pair_id": 99}, "no pair 99"), ({"event_id": 99}, "no event 99")],
)
def test_unknown_scope_is_one_clear_error(project, options, message):
    with pytest.raises(FactDiffError, match=message):
        build_report(project, ReportOptions(**options))


@pytest.mark.parametrize(
    "options",
    [{"statuses": ()}, {"statuses": ("closed",)}, {"kinds": ("rumour",)},
     {"min_severity": "huge"}, {"order": "random"}, {"event_id": 1, "pair_id": 1}],
)  # fmt: skip
def test_bad_options_are_rejected(options):
    with pytest.raises(FactDiffError):
        ReportOptions(**options)


def test_long_sentences_are_cut_around_the_span():
    text = "word " * 300 + "TARGET " + "word " * 300
    start = text.index("TARGET")
    excerpt = build_excerpt(text, (start, start + 6), [Sentence(0, len(text) - 1, 0)])
    assert excerpt.text.startswith(ELLIPSIS) and excerpt.text.endswith(ELLIPSIS)
    assert len(excerpt.text) < 400
    assert excerpt.marked_words() == ("TARGET",)


def test_changes_inside_the_span_are_marked_and_merged_across_spaces():
    sentence = [Sentence(0, len(TEXT_A), 0)]
    s, e = span(TEXT_A, "killed 12 people on Sunday")
    changes = [span(TEXT_A, "12"), span(TEXT_A, "people"), span(TEXT_A, "Sunday")]
    excerpt = build_excerpt(TEXT_A, (s, e), sentence, changes)
    assert excerpt.marked_words() == ("12 people", "Sunday")
