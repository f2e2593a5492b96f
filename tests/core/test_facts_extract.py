"""The public API: extract_facts and facts_to_dict."""

from __future__ import annotations

import json
import math

from conftest import seed
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from core.facts import Facts, extract_facts, facts_to_dict
from core.ingest.load import load_article
from core.model import Article

QUAKE = (
    "ANKARA, Feb 6 (Reuters) - A magnitude 7.8 earthquake struck southern Turkey early on Monday, "
    'killing more than 2,300 people. "We are going through very difficult days," President Tayyip '
    "Erdogan told reporters. Officials did not rule out a higher toll, according to the disaster agency AFAD."
)


def test_every_kind_is_extracted():
    facts = extract_facts(Article(text=QUAKE, published="2023-02-06"))
    assert isinstance(facts, Facts)
    assert {q.unit for q in facts.quantities} >= {"magnitude", "people"}
    assert any(d.value == "2023-02-06" for d in facts.dates)
    assert facts.quotes[0].speaker_key == "erdogan"
    assert any(a.source_key == "afad" for a in facts.attributions)
    assert any(e.key == "erdogan" and e.label == "person" for e in facts.entities)
    assert any(p.negated for p in facts.polarities)


def test_records_say_their_kind():
    facts = extract_facts(Article(text=QUAKE))
    assert {q.kind for q in facts.quantities} == {"number"}
    assert {q.kind for q in facts.quotes} == {"quote"}
    assert {a.kind for a in facts.attributions} == {"attribution"}
    assert {e.kind for e in facts.entities} == {"entity"}
    assert {p.kind for p in facts.polarities} == {"negation"}
    assert {d.kind for d in facts.dates} <= {"absolute", "weekday", "relative", "time"}


def test_records_are_in_text_order():
    facts = extract_facts(load_article(seed("004")))
    for records in facts:
        starts = [r.start for r in records]
        assert starts == sorted(starts)


def test_boilerplate_is_skipped():
    text = "Subscribe now for 50 percent off!\n\nThe quake killed 40 people."
    plain = extract_facts(Article(text=text))
    assert len(plain.quantities) == 2
    furnished = extract_facts(Article(text=text, boilerplate=((0, text.index("\n")),)))
    assert [q.text for q in furnished.quantities] == ["40 people"]


def test_facts_to_dict_is_json_ready():
    facts = extract_facts(load_article(seed("002")))
    data = facts_to_dict(facts)
    assert set(data) == {"quantities", "dates", "quotes", "attributions", "entities", "polarities"}
    text = json.dumps(data, allow_nan=False)
    reloaded = json.loads(text)
    lower_bound = next(q for q in reloaded["quantities"] if q["unit"] == "people")
    assert lower_bound["low"] == 13000 and lower_bound["high"] is None
    assert reloaded["quotes"][0].keys() >= {
        "start",
        "end",
        "text",
        "speaker",
        "speaker_key",
        "sentence",
        "short",
    }


def test_every_serialised_record_says_its_kind():
    data = facts_to_dict(extract_facts(Article(text=QUAKE, published="2023-02-06")))
    assert {r["kind"] for r in data["quantities"]} == {"number"}
    assert {r["kind"] for r in data["entities"]} == {"entity"}
    assert {r["kind"] for r in data["dates"]} <= {"absolute", "weekday", "relative", "time"}


def test_implausible_publication_dates_are_ignored():
    text = "The jury met yesterday, on Monday, Feb. 22 and last month."
    for published in ("0001-01-01", "9999-12-31", "2022-13-45"):
        dates = extract_facts(Article(text=text, published=published)).dates
        assert all(d.value is None or d.value.startswith("--") for d in dates)


def test_sentences_already_split_give_the_same_facts():
    from core.text.segment import split_sentences

    article = load_article(seed("000"))
    sentences = split_sentences(article.text, article.boilerplate)
    assert extract_facts(article, sentences) == extract_facts(article)


def test_empty_article():
    assert extract_facts(Article(text="")) == Facts()
    assert facts_to_dict(Facts()) == {k: [] for k in Facts._fields}


def test_all_seeds_spans_match_text():
    for prefix in ("000", "001", "002", "003", "004"):
        article = load_article(seed(prefix))
        for records in extract_facts(article):
            for record in records:
                assert article.text[record.start : record.end] == record.text


@given(
    st.text(max_size=500),
    st.sampled_from(["", "2022-01-27", "not a date", "0001-01-01", "9999-12-31"]),
)
@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_any_unicode_never_crashes_and_serialises(text, published):
    facts = extract_facts(Article(text=text, published=published))
    for records in facts:
        for record in records:
            assert 0 <= record.start <= record.end <= len(text)
            assert text[record.start : record.end] == record.text
    json.dumps(facts_to_dict(facts), allow_nan=False)
    for q in facts.quantities:
        assert not math.isnan(q.low) and not math.isnan(q.high)


_LARGE_PARAGRAPH = (
    "At least {n:,} people were killed and {m} were injured, according to the disaster agency. "
    '"We are doing all we can," Governor Maria Santos told reporters, adding that {k} buildings '
    "had collapsed. The ministry said in a statement that it did not expect the toll to rise."
)
_BACKGROUND = (
    "The region has long been prone to earthquakes because it sits on several fault lines, "
    "and engineers have warned for years that many older buildings were not built to modern "
    "standards. Aid agencies said access to the worst-hit areas remained difficult because of "
    "damaged roads, while the government promised to rebuild the affected towns quickly."
)


def test_a_megabyte_article_is_read_in_one_pass():
    # Every fact asks which sentence it is in and whether it is site furniture;
    # answered by scanning, a 1 MB page took minutes. The facts far down the
    # page must be the ones the same paragraph gives on its own.
    paragraphs = []
    size = 0
    n = 0
    while size < 1_000_000:
        n += 1
        paragraph = _LARGE_PARAGRAPH.format(n=1000 + n, m=n % 90 + 10, k=n % 40 + 2)
        paragraphs.append(paragraph)
        paragraphs.append("Share this article")  # furniture between paragraphs
        paragraphs.append(_BACKGROUND)
        size += len(paragraph) + len(_BACKGROUND) + 40
    text = "\n\n".join(paragraphs)
    big = extract_facts(load_article_from(text))
    last = paragraphs[-3]
    offset = text.rindex(last)
    alone = extract_facts(load_article_from(last))
    tail = [(q.start - offset, q.low, q.unit) for q in big.quantities if q.start >= offset]
    assert tail == [(q.start, q.low, q.unit) for q in alone.quantities]
    assert len(big.quantities) == n * len(alone.quantities)
    assert len(big.quotes) == n
    assert {q.speaker_key for q in big.quotes} == {"santos"}


def load_article_from(text: str) -> Article:
    """An article as ``load_article`` would make it, furniture recognised."""
    from core.ingest.load import article_from_text

    return article_from_text(text)


def test_the_digits_of_a_web_address_are_no_figure_or_date():
    text = (
        'Air hovered at <a href="https://news.example.com/asia/2024/11/13/smog/">New Delhi</a> '
        "about 480 on Monday. Details at www.example.org/2023/05/17 list 12 more sites."
    )
    facts = extract_facts(Article(text=text))
    assert [text[q.start : q.end] for q in facts.quantities] == ["about 480", "12"]
    assert [text[d.start : d.end] for d in facts.dates] == ["Monday"]
