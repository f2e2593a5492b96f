"""Any text at all: compare never crashes, spans stay inside the text and never overlap."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rapidfuzz.distance import Indel

from core.compare import compare, compared_spans
from core.discrepancies.find import READ_EVIDENCE
from core.errors import FactDiffError
from core.ingest.load import article_from_text
from core.matchers.align import _Scorer, _side, align
from core.matchers.features import sentence_features
from core.model import Article, Comparison, Span

WORDS = ["Blinken", "Wang", "said", "the", "U.S.", "100,000", "troops", "no", "not", "Wednesday",
         "“calm”", "de-escalation", "$10", "36.7%", "Mr.", "Jan.", "21", "colour", "color", "é", "中国"]  # fmt: skip
SEPARATORS = [" ", " ", " ", ". ", ", ", "! ", "? ", "\n", "\n\n", " — ", "\t", "…", ".\u2028"]

news_like = st.lists(
    st.tuples(st.sampled_from(WORDS), st.sampled_from(SEPARATORS)), max_size=80
).map(lambda parts: "".join(w + s for w, s in parts))
any_text = st.one_of(
    news_like,
    st.text(max_size=400),
    st.text(alphabet=st.characters(codec="utf-8"), max_size=200),
    st.builds(lambda c, n: c * n, st.text(min_size=1, max_size=3), st.integers(1, 3000)),
)


def check_side(spans: list[Span], text: str) -> None:
    spans = sorted(spans)
    for start, end in spans:
        assert 0 <= start < end <= len(text)
    for (_, end), (start, _) in zip(spans, spans[1:], strict=False):
        assert end <= start, "spans overlap"


def check(c: Comparison) -> None:
    assert 0.0 <= c.similarity <= 1.0
    primary = [al for al in c.alignments if al.primary]
    claims = [al for al in c.alignments if not al.primary]
    side_a = [s for al in primary for s in al.a] + list(c.unaligned_a)
    side_b = [s for al in primary for s in al.b] + list(c.unaligned_b)
    check_side(side_a, c.a.text)
    check_side(side_b, c.b.text)
    # every compared sentence is in one passage, in a claim link, or unaligned; one
    # that only faint links hold (below the finders' threshold) is unaligned too
    claimed_a = {s for al in claims for s in al.a}
    claimed_b = {s for al in claims for s in al.b}
    assert set(side_a) | claimed_a == set(compared_spans(c.a))
    assert set(side_b) | claimed_b == set(compared_spans(c.b))
    read = [al for al in claims if al.score >= READ_EVIDENCE]
    read_a = {s for al in read for s in al.a}
    read_b = {s for al in read for s in al.b}
    assert not read_a & set(c.unaligned_a) and not read_b & set(c.unaligned_b)
    inside = {(a, b) for al in primary for a in al.a for b in al.b}
    for al in claims:
        assert len(al.a) == len(al.b) == 1 and not al.changes
        assert (al.a[0], al.b[0]) not in inside, "a claim link repeats a passage"
    for al in c.alignments:
        assert 0.0 <= al.score <= 1.0
        assert al.a and al.b
        for ch in al.changes:
            assert al.a[0][0] <= ch.a_start <= ch.a_end <= al.a[-1][1]
            assert al.b[0][0] <= ch.b_start <= ch.b_end <= al.b[-1][1]
    for d in c.discrepancies:
        for span, text in ((d.a, c.a.text), (d.b, c.b.text)):
            assert span is None or 0 <= span[0] <= span[1] <= len(text)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(any_text, any_text)
def test_compare_never_crashes_on_raw_articles(text_a, text_b):
    check(compare(Article(text=text_a), Article(text=text_b)))


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(news_like, news_like)
def test_compare_never_crashes_on_ingested_text(text_a, text_b):
    try:
        a, b = article_from_text(text_a), article_from_text(text_b)
    except FactDiffError:
        return  # empty input is refused by ingest with a message; nothing to compare
    check(compare(a, b))


@settings(max_examples=60, deadline=None)
@given(news_like, st.randoms(use_true_random=False))
def test_an_article_against_a_shuffled_copy_of_itself(text, rnd):
    spans = compared_spans(Article(text=text))
    shuffled = spans[:]
    rnd.shuffle(shuffled)
    pieces = [text[s:e] for s, e in shuffled]
    text_b = "\n".join(pieces)
    spans_b, pos = [], 0
    for piece in pieces:
        spans_b.append((pos, pos + len(piece)))
        pos += len(piece) + 1
    result = align(text, spans, text_b, spans_b)
    primary = [al for al in result.alignments if al.primary]
    check_side([s for al in primary for s in al.a] + list(result.unaligned_a), text)
    check_side([s for al in primary for s in al.b] + list(result.unaligned_b), text_b)
    has_words = any(sentence_features(text, span).words for span in spans)
    assert bool(result.alignments) == has_words


@settings(max_examples=60, deadline=None)
@given(news_like, news_like)
def test_word_order_ratio_of_coded_sentences_is_the_ratio_of_their_words(text_a, text_b):
    # the scorer codes each distinct word as one character: only equality may count
    spans_a = compared_spans(Article(text=text_a))
    spans_b = compared_spans(Article(text=text_b))
    scorer = _Scorer(_side(text_a, spans_a), _side(text_b, spans_b), text_a, text_b)
    feats = scorer.a.features + scorer.b.features
    coded = scorer._coded
    assert len(coded) == len(feats)
    for x, fx in zip(coded, feats, strict=True):
        assert len(x) == len(fx.words)
        for y, fy in zip(coded, feats, strict=True):
            expected = Indel.normalized_similarity(fx.words, fy.words)
            assert Indel.normalized_similarity(x, y) == expected
            assert (x == y) == (fx.words == fy.words)
