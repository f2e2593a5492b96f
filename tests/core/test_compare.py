"""compare(): the whole pipeline in one call, on the demo pair and on edge cases."""

from __future__ import annotations

import pytest
from conftest import DEMO, seed

import core.compare as compare_module
import core.text.segment as segment_module
from core.compare import compare, compared_spans
from core.comparison_format import comparison_from_dict, comparison_to_dict
from core.errors import FactDiffError
from core.ingest.load import article_from_text, load_article
from core.model import SEVERITIES, Article, Comparison


def demo(name: str):
    return load_article(DEMO / f"{name}.txt")


def all_spans(c: Comparison):
    """Each side's sentences: in passages, only in claim links, or unaligned (once each)."""
    primary = [al for al in c.alignments if al.primary]
    side_a = [s for al in primary for s in al.a] + list(c.unaligned_a)
    side_b = [s for al in primary for s in al.b] + list(c.unaligned_b)
    claims = [al for al in c.alignments if not al.primary]
    side_a += sorted({s for al in claims for s in al.a} - set(side_a))
    side_b += sorted({s for al in claims for s in al.b} - set(side_b))
    return side_a, side_b


def test_demo_pair_aligns_reordered_and_split_passages():
    c = compare(demo("harbor-ledger"), demo("coastal-wire"))
    texts = [
        (" ".join(c.a.text[s:e] for s, e in al.a), " ".join(c.b.text[s:e] for s, e in al.b))
        for al in c.alignments
    ]
    assert any("Rescue boats" in a and "Rescue boats" in b for a, b in texts)
    assert any("Ferry services" in a and "Ferry services" in b for a, b in texts)
    split = [al for al in c.alignments if len(al.b) == 2]
    assert split, "the sentence Coastal Wire splits in two should align 1-2"
    assert 0.5 < c.similarity <= 1.0


def test_changed_number_and_weekday_show_as_real_changes():
    c = compare(demo("harbor-ledger"), demo("coastal-wire"))
    changed_a = [c.a.text[ch.a_start : ch.a_end] for al in c.alignments for ch in al.changes]
    changed_b = [c.b.text[ch.b_start : ch.b_end] for al in c.alignments for ch in al.changes]
    assert any("Wednesday" in x for x in changed_a)
    assert any("Thursday" in x for x in changed_b)
    assert any("no sign" in x for x in changed_a)


def test_every_sentence_is_used_once_and_spans_lie_inside_the_texts():
    c = compare(demo("harbor-ledger"), demo("coastal-wire"))
    side_a, side_b = all_spans(c)
    assert sorted(side_a) == compared_spans(c.a)
    assert sorted(side_b) == compared_spans(c.b)
    for al in c.alignments:
        for ch in al.changes:
            assert 0 <= ch.a_start <= ch.a_end <= len(c.a.text)
            assert 0 <= ch.b_start <= ch.b_end <= len(c.b.text)


def test_boilerplate_is_never_compared():
    c = compare(load_article(seed("002")), load_article(seed("003")))
    side_a, _ = all_spans(c)
    for start, end in side_a:
        assert "Leave a Reply" not in c.a.text[start:end]
        assert "Source link" not in c.a.text[start:end]


def test_discrepancies_are_sorted_by_severity_then_position():
    c = compare(demo("harbor-ledger"), demo("coastal-wire"))
    assert c.discrepancies
    ranks = [SEVERITIES.index(d.severity) for d in c.discrepancies]
    assert ranks == sorted(ranks)
    for d in c.discrepancies:
        assert d.alignment is None or 0 <= d.alignment < len(c.alignments)


def test_identical_articles():
    article = demo("coastal-wire")
    c = compare(article, article)
    assert not c.unaligned_a and not c.unaligned_b
    assert all(not ch for al in c.alignments for ch in al.changes)
    assert c.similarity > 0.99


def test_articles_with_nothing_in_common():
    a = article_from_text("The council approved the harbour budget for next year.")
    b = article_from_text("Wheat prices fell sharply on the Chicago exchange on Monday.")
    c = compare(a, b)
    assert c.alignments == ()
    assert c.similarity == 0.0


def test_round_trips_through_the_json_format():
    c = compare(demo("harbor-ledger"), demo("coastal-wire"))
    back = comparison_from_dict(comparison_to_dict(c))
    assert [(al.a, al.b, al.changes) for al in back.alignments] == [
        (al.a, al.b, al.changes) for al in c.alignments
    ]
    assert back.unaligned_a == c.unaligned_a and back.unaligned_b == c.unaligned_b
    assert [d.id for d in back.discrepancies] == [d.id for d in c.discrepancies]


def test_an_oversized_article_is_refused_with_one_line(monkeypatch):
    monkeypatch.setattr(compare_module, "MAX_CHARS", 100)
    with pytest.raises(FactDiffError, match=r"article A has [\d,]+ characters") as exc:
        compare(demo("harbor-ledger"), demo("coastal-wire"))
    assert "\n" not in str(exc.value)


def test_too_many_sentences_is_refused(monkeypatch):
    monkeypatch.setattr(compare_module, "MAX_SENTENCES", 5)
    with pytest.raises(FactDiffError, match=r"article A has \d+ sentences"):
        compare(demo("harbor-ledger"), demo("coastal-wire"))


def test_each_article_is_segmented_once_and_facts_reuse_the_sentences(monkeypatch):
    """Alignment, facts and discrepancies all read one segmentation per article."""
    calls: list[str] = []
    real_split, real_facts = segment_module.split_sentences, compare_module.extract_facts
    segment_module.forget_sentences()

    def counting_split(text, boilerplate=()):
        calls.append(text)
        return real_split(text, boilerplate)

    def checking_facts(article, sentences=None):
        assert sentences is not None, "compare() must hand its sentences to extract_facts"
        return real_facts(article, sentences)

    monkeypatch.setattr(segment_module, "split_sentences", counting_split)
    monkeypatch.setattr(compare_module, "extract_facts", checking_facts)
    a, b = demo("harbor-ledger"), demo("coastal-wire")
    compare(a, b)
    assert calls == [a.text, b.text]


def test_align_articles_is_compare_without_the_facts():
    a, b = demo("harbor-ledger"), demo("coastal-wire")
    aligned, c = compare_module.align_articles(a, b), compare(a, b)
    assert aligned.alignments == c.alignments
    assert (aligned.unaligned_a, aligned.unaligned_b) == (c.unaligned_a, c.unaligned_b)
    assert aligned.similarity == c.similarity
    assert aligned.spans_a == compared_spans(a)


def test_bylines_are_not_compared():
    """ "By Ingrid Sollen, Harbor Ledger" and "Coastal Wire staff" are furniture, not content."""
    c = compare(demo("harbor-ledger"), demo("coastal-wire"))
    used_a, used_b = all_spans(c)
    assert not any("Sollen" in c.a.text[s:e] for s, e in used_a)
    assert not any("Wire staff" in c.b.text[s:e] for s, e in used_b)


# --- headlines -------------------------------------------------------------------

BODY_A = (
    "A fire broke out in the engine room of the ferry Northern Tern on Wednesday, "
    "the operator said.\n\nAll passengers were evacuated to the mainland within two hours.\n\n"
    "Two crew members were treated for smoke inhalation, police said.\n"
)
BODY_B = (
    "A fire broke out in the engine room of the Northern Tern ferry on Wednesday, "
    "its operator said.\n\nAbout 280 passengers were taken to the mainland within two hours.\n\n"
    "Two crew members were treated for smoke inhalation, according to police.\n"
)


def _headlines_linked(c: Comparison) -> bool:
    head_a, head_b = compared_spans(c.a)[0], compared_spans(c.b)[0]
    return any(head_a in al.a and head_b in al.b for al in c.alignments)


def test_headlines_of_one_story_align_though_they_share_few_words():
    a = article_from_text("Ferry fire: 300 passengers evacuated\n\n" + BODY_A)
    b = article_from_text("Engine-room fire on Vessmark ferry\n\n" + BODY_B)
    assert _headlines_linked(compare(a, b))


def test_similar_headlines_over_unrelated_bodies_stay_apart():
    a = article_from_text("Ferry fire: 300 passengers evacuated\n\n" + BODY_A)
    b = article_from_text(
        "Engine-room fire on Vessmark ferry\n\n"
        "The council approved the harbour budget after a long debate on Monday.\n\n"
        "Councillors voted 7 to 4 for the new quay.\n"
    )
    assert not _headlines_linked(compare(a, b))


def test_headline_is_the_first_compared_sentence_alone_on_its_line():
    text = "Skip to main content\nFerry fire off Vessmark\n\nA fire broke out. Boats came.\n"
    article = article_from_text(text)
    spans = compared_spans(article)
    assert compare_module.headline_index(article.text, spans) == 0
    assert article.text[slice(*spans[0])] == "Ferry fire off Vessmark"
    no_title = "A fire broke out on the ferry. Boats came within the hour.\n"
    assert (
        compare_module.headline_index(no_title, compared_spans(article_from_text(no_title))) is None
    )
    assert compare_module.headline_index("", []) is None


def test_a_date_stamp_before_the_title_on_its_line_leaves_it_the_headline():
    text = (
        " date 2024-05-02 Harbour ferry fire: 312 passengers evacuated\n"
        "A fire broke out in the engine room of the ferry on Thursday. Nobody was hurt.\n"
    )
    spans = compared_spans(article_from_text(text))
    assert compare_module.headline_index(text, spans) == 0
    assert text[slice(*spans[0])].startswith("Harbour ferry fire")


def test_a_long_first_line_closed_by_a_full_stop_is_a_lede_not_a_headline():
    lede = (
        "HARBOURTON – A fire broke out in the engine room of the ferry Northern Tern late on "
        "Thursday, forcing the crew to evacuate all 312 passengers onto lifeboats."
    )
    text = lede + "\nThe coast guard said nobody was hurt.\n"
    assert compare_module.headline_index(text, compared_spans(article_from_text(text))) is None
    title = "Ferry fire forces evacuation of 312 passengers off Harbourton coast\n\n"
    with_title = title + text
    spans = compared_spans(article_from_text(with_title))
    assert compare_module.headline_index(with_title, spans) == 0


# --- headlines, found by position whatever the title field holds -----------------

_HEADLINE_BODY = (
    "A fire broke out in the engine room of the ferry Northern Tern on Thursday. "
    "Passengers and crew were evacuated off the coast, the coast guard said.\n\n"
    "Rescue boats reached the ferry within 40 minutes.\n"
)


@pytest.mark.parametrize("title", ["", "Ferry fire: 300 evacuated | Harbor Ledger"])
def test_a_headline_figure_is_never_an_omission(title):
    """The headline restates the lede: recognised by position, not by the title field."""
    a = Article(f"Ferry fire: 300 passengers evacuated\n\n{_HEADLINE_BODY}", title=title)
    b = Article(_HEADLINE_BODY)  # no headline at all
    c = compare(a, b)
    # a claim link may point at the body sentence it restates; a passage never pairs it
    assert not [al for al in c.alignments if al.primary and (0, 36) in al.a]
    assert not [d for d in c.discrepancies if d.kind == "omission"]


def test_a_headline_figure_is_not_set_against_a_body_figure():
    a = Article(f"Ferry fire: 300 passengers evacuated\n\n{_HEADLINE_BODY}")
    b = Article(
        "More than a dozen boats joined the rescue on Thursday.\n\n"
        + _HEADLINE_BODY.replace("Passengers and crew were", "In all, 312 passengers were")
    )
    c = compare(a, b)
    headline = (0, len("Ferry fire: 300 passengers evacuated"))
    assert not [d for d in c.discrepancies if d.a and d.a[0] < headline[1] and d.kind == "number"]


def test_headline_figures_of_both_articles_still_meet():
    a = Article(f"Ferry fire: 300 passengers evacuated\n\n{_HEADLINE_BODY}")
    b = Article(f"Ferry fire: 312 passengers evacuated\n\n{_HEADLINE_BODY}")
    found = [(d.kind, d.summary) for d in compare(a, b).discrepancies]
    assert found == [("number", "300 passengers vs 312 passengers")]


def test_a_comparison_does_not_depend_on_the_process_hash_seed():
    """Two partners tied in exact arithmetic must not swap places between runs: sums
    taken over sets come out a last bit apart under another PYTHONHASHSEED."""
    import os
    import subprocess
    import sys
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    code = (
        "import hashlib, json, sys\n"
        f"sys.path[:0] = [{str(root)!r}, {str(root / 'benchmarks')!r}]\n"
        "from synthetic_news import generate\n"
        "from core.compare import compare\n"
        "from core.comparison_format import comparison_to_dict\n"
        "from core.ingest.load import article_from_text\n"
        "s = generate(events=51)\n"
        "a, b = (article_from_text(s[k].text) for k in (200, 203))\n"
        "d = comparison_to_dict(compare(a, b, capped=False))\n"
        "print(hashlib.sha1(json.dumps(d, sort_keys=True).encode()).hexdigest())\n"
    )
    digests = {
        subprocess.run(
            [sys.executable, "-c", code],
            env={**os.environ, "PYTHONHASHSEED": hash_seed},
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        for hash_seed in ("0", "4")
    }
    assert len(digests) == 1


def test_two_headlines_each_taken_by_the_other_lede_still_link():
    """A headline restating the other article's lede may be paired with that lede
    first; the two headlines, nearly one line, must still be shown together."""
    a = article_from_text(
        "Death toll in Vessmark harbour blast rises to 9\n\n"
        "The death toll in the Vessmark harbour blast rose to nine on Friday after "
        "rescuers searched the rubble of two warehouses through the night.\n\n"
        "Officials have not named all of the victims.\n"
    )
    b = article_from_text(
        "Vessmark harbour blast death toll rises to 9\n"
        "Rescuers pulled three bodies from two warehouses yesterday, raising the "
        "death toll from the harbour blast to nine.\n"
        "The blast on Thursday also injured more than 40 people.\n"
    )
    assert _headlines_linked(compare(a, b))
