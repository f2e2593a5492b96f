"""Whatever the text, the discrepancy engine answers with well-formed records and never raises."""

from __future__ import annotations

from typing import NamedTuple

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from core.compare import compare
from core.discrepancies.text import normalise, one_line, trim, widen
from core.ingest.load import article_from_text
from core.model import KINDS, SEVERITIES

# fmt: off
PIECES = st.sampled_from(
    [
        "the", "a", "not", "never", "denied", "confirmed", "killed", "people", "troops", "at least",
        "more than", "about", "an estimated", "13", "14", "100,000", "$10 billion", "tens of thousands of",
        "on Wednesday", "on Thursday", "Jan. 26", "12:12 p.m.", "17:12 GMT", "Wang", "Blinken",
        "said", "told reporters", "according to Reuters", "according to local media", "\u201c", "\u201d",
        '"', "'", ",", ".", "\n\n", "Ukraine", "2022 Winter Olympics", "de-escalation", "U.S.", "US",
    ]
)
# fmt: on
TEXTS = st.lists(PIECES, min_size=0, max_size=40).map(" ".join)
FAST = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@FAST
@given(TEXTS, TEXTS)
def test_any_pair_gives_well_formed_discrepancies(text_a, text_b):
    a = article_from_text(text_a or "Empty.")
    b = article_from_text(text_b or "Empty.")
    result = compare(a, b).discrepancies
    assert len({d.id for d in result}) == len(result)
    for d in result:
        assert d.kind in KINDS and d.severity in SEVERITIES
        assert d.summary and "\n" not in d.summary
        assert d.a is not None or d.b is not None
        for span, text in ((d.a, a.text), (d.b, b.text)):
            if span is not None:
                assert 0 <= span[0] <= span[1] <= len(text)


@example("12:12 p.m. \u201c the the 12:12 p.m.")
@example("denied according to local media , confirmed according to local media")
@example("according to local media the at least never \n\n according to local media never")
@FAST
@given(TEXTS)
def test_an_article_against_itself_has_nothing_to_flag(text):
    article = article_from_text(text or "Empty.")
    assert compare(article, article).discrepancies == ()


@given(st.text(max_size=300), st.integers(10, 120))
def test_one_line_is_one_clipped_line(text, limit):
    line = one_line(text, limit)
    assert "\n" not in line and len(line) <= limit


@given(st.text(max_size=200))
def test_normalise_is_idempotent(text):
    assert normalise(normalise(text)) == normalise(text)


@given(st.text(max_size=200), st.data())
def test_widen_and_trim_stay_inside_the_text(text, data):
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    w0, w1 = widen(text, (start, end), 2, 2)
    assert 0 <= w0 <= start <= end <= w1 <= len(text)
    t0, t1 = trim(text, (start, end))
    assert start <= t0 <= t1 <= end


class Span(NamedTuple):
    start: int
    end: int


SPANS = st.lists(
    st.tuples(st.integers(0, 60), st.integers(0, 30)).map(lambda t: Span(t[0], t[0] + t[1])),
    max_size=30,
)


@FAST
@given(SPANS, st.booleans(), st.integers(0, 95), st.integers(0, 10))
def test_overlapping_reads_only_what_can_reach_and_still_finds_every_record(
    spans, in_order, start, width
):
    """Records sorted by start are indexed; the answer must be a plain scan's, in order."""
    from core.discrepancies.side import overlapping

    records = tuple(sorted(spans) if in_order else spans)
    for lo, hi in ((start, start + width), (start, start)):
        if hi == lo:
            expected = [r for r in records if r.start < lo < r.end]
        else:
            expected = [r for r in records if r.start < hi and lo < r.end]
        assert overlapping(records, lo, hi) == expected
        assert overlapping(list(records), lo, hi) == expected
