"""Order-free sentence alignment: 1-1, reordered, split, partial, unrelated, and the seeds."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
import scipy.sparse as sp
from conftest import seed

import core.matchers.align as align_module
from core.matchers.align import _Scorer, _side, align
from core.matchers.features import cosine, sentence_features
from core.matchers.scoring import containment, containments, pair_score
from core.matchers.sparse import Csr
from core.model import Span
from core.text.segment import split_sentences


def lines(text: str) -> list[Span]:
    """One sentence per line: keeps these unit tests independent of the segmenter."""
    spans, pos = [], 0
    for line in text.split("\n"):
        if line.strip():
            spans.append((pos, pos + len(line)))
        pos += len(line) + 1
    return spans


def run(text_a: str, text_b: str):
    return align(text_a, lines(text_a), text_b, lines(text_b))


def pairs(text_a: str, text_b: str) -> list[tuple[list[str], list[str]]]:
    result = run(text_a, text_b)
    return [
        ([text_a[s:e] for s, e in al.a], [text_b[s:e] for s, e in al.b]) for al in result.alignments
    ]


A = """A fire broke out in the engine room of the ferry Northern Tern on Wednesday.
Rescue boats reached the ferry within 40 minutes after the alarm was raised.
Police said they had found no sign of arson on board the vessel.
The operator said ferry services to the mainland were suspended until Saturday."""

B = """The operator said ferry services to the mainland have been suspended until Saturday.
Police said they had found signs of arson on board the vessel.
A fire broke out in the engine room of the ferry Northern Tern on Thursday.
Rescue boats reached the ferry within 40 minutes after the alarm was raised."""


def test_reordered_sentences_align_one_to_one():
    got = pairs(A, B)
    assert len(got) == 4
    for a_side, b_side in got:
        assert len(a_side) == len(b_side) == 1
        assert a_side[0].split()[:3] == b_side[0].split()[:3]


def test_alignments_come_in_reading_order_of_a():
    result = run(A, B)
    starts = [al.a[0][0] for al in result.alignments]
    assert starts == sorted(starts)
    assert not result.unaligned_a and not result.unaligned_b


def test_scores_are_between_zero_and_one_and_identical_is_top():
    result = run(A, A)
    assert all(0.0 <= al.score <= 1.0 for al in result.alignments)
    assert all(al.score == pytest.approx(1.0) for al in result.alignments)


def test_one_sentence_split_in_two_aligns_one_to_many():
    a = (
        "The coast guard said a fire broke out in the engine room of the ferry on Wednesday, "
        "forcing the evacuation of 312 passengers and crew off the coast of Vessmark.\n"
        "Local fishermen later helped with the rescue."
    )
    b = (
        "Officials published the harbour timetable for the summer season.\n"
        "A fire broke out in the engine room of the ferry on Wednesday.\n"
        "About 312 passengers and crew were evacuated off the coast of Vessmark, the coast guard said.\n"
        "The weather was calm."
    )
    [link] = [al for al in run(a, b).alignments if len(al.b) > 1]
    assert len(link.a) == 1
    assert [b[s:e].split()[0] for s, e in link.b] == ["A", "About"]


def test_many_to_one_is_symmetric():
    a = (
        "A fire broke out in the engine room of the ferry on Wednesday.\n"
        "About 312 passengers and crew were evacuated off the coast of Vessmark, the coast guard said."
    )
    b = (
        "The coast guard said a fire broke out in the engine room of the ferry on Wednesday, "
        "forcing the evacuation of 312 passengers and crew off the coast of Vessmark."
    )
    [link] = run(a, b).alignments
    assert (len(link.a), len(link.b)) == (2, 1)


def test_a_short_sentence_restating_one_clause_of_a_long_one_aligns():
    a = (
        "“The security of one country cannot be at the expense of the security of other "
        "countries, and regional security cannot be guaranteed by strengthening or expanding "
        "military blocs,” the minister told reporters in the capital on Friday."
    )
    b = "He noted that regional security cannot be guaranteed by strengthening military blocs."
    assert len(run(a, b).alignments) == 1


def test_unrelated_sentences_stay_unaligned():
    a = "The ferry fire forced the evacuation of 312 passengers.\nThe council approved the budget."
    b = "Wheat prices fell sharply on the Chicago exchange.\nThe orchestra opens its season in May."
    result = run(a, b)
    assert result.alignments == ()
    assert len(result.unaligned_a) == 2 and len(result.unaligned_b) == 2


def test_short_sentence_does_not_match_everything_containing_its_words():
    """At most a faint possible counterpart, which no finder reads."""
    from core.discrepancies.find import READ_EVIDENCE

    a = "Police said.\nPolice said they had found no sign of arson on board the vessel."
    b = "Police said they had found signs of arson on board the vessel."
    result = run(a, b)
    read = [al for al in result.alignments if al.primary or al.score >= READ_EVIDENCE]
    assert [([a[s:e] for s, e in al.a], [b[s:e] for s, e in al.b]) for al in read] == [
        (["Police said they had found no sign of arson on board the vessel."], [b])
    ]
    assert len(result.alignments) <= 2
    assert [a[s:e] for s, e in result.unaligned_a] == ["Police said."]  # still one-sided


def test_every_sentence_is_either_aligned_or_unaligned_exactly_once():
    """(No link here is faint: a sentence only a faint link holds is both drawn and one-sided.)"""
    result = run(A, B + "\nA sentence about something else entirely, such as gardening tips.")
    used_a = [s for al in result.alignments for s in al.a] + list(result.unaligned_a)
    used_b = [s for al in result.alignments for s in al.b] + list(result.unaligned_b)
    assert sorted(used_a) == lines(A)
    assert sorted(used_b) == lines(
        B + "\nA sentence about something else entirely, such as gardening tips."
    )


def test_empty_inputs():
    assert align("", [], "", []) == ((), (), ())
    result = align("One sentence here.", [(0, 18)], "", [])
    assert result.alignments == () and result.unaligned_a == ((0, 18),)


def test_sentences_without_words_do_not_align():
    assert run("...\n—", "...\n—").alignments == ()


# --- the seed articles ---------------------------------------------------------------


def seed_alignment(prefix_a: str, prefix_b: str):
    text_a = seed(prefix_a).read_text(encoding="utf-8")
    text_b = seed(prefix_b).read_text(encoding="utf-8")
    spans_a = [(s.start, s.end) for s in split_sentences(text_a) if not s.boilerplate]
    spans_b = [(s.start, s.end) for s in split_sentences(text_b) if not s.boilerplate]
    return text_a, text_b, align(text_a, spans_a, text_b, spans_b)


def linked(text_a: str, text_b: str, result, needle_a: str, needle_b: str) -> bool:
    for al in result.alignments:
        if any(needle_a in text_a[s:e] for s, e in al.a) and any(
            needle_b in text_b[s:e] for s, e in al.b
        ):
            return True
    return False


@pytest.mark.parametrize(
    ("prefix_a", "prefix_b", "needle_a", "needle_b"),
    [
        pytest.param(
            "000", "003",
            "remain calm and refrain from doing things that stimulated tensions",
            "stay calm and refrain from doing things that agitate tensions",
            id="calm-quotes",
        ),
        pytest.param(
            "000", "002",
            "regional security cannot be guaranteed by strengthening or expanding military blocs",
            "strengthening or even expanding military blocs",
            id="military-blocs",
        ),
    ],
)  # fmt: skip
def test_seed_passages_reporting_one_thing_align(prefix_a, prefix_b, needle_a, needle_b):
    text_a, text_b, result = seed_alignment(prefix_a, prefix_b)
    assert linked(text_a, text_b, result, needle_a, needle_b)


@pytest.mark.parametrize(
    ("needle_a", "needle_b"),
    [
        ("remain calm and refrain", "Minsk Agreement"),
        ("no ceiling to China-Russia mutual trust", "Secretary Blinken underscored"),
        ("regional security cannot be guaranteed", "stay calm and refrain"),
        ("Chinese Communist Party leaders", "He noted that regional security"),
    ],
)
def test_seed_obvious_non_pairs_do_not_align(needle_a, needle_b):
    text_a, text_b, result = seed_alignment("000", "003")
    assert not linked(text_a, text_b, result, needle_a, needle_b)


def test_seed_spans_are_sentence_sized():
    text_a, text_b, result = seed_alignment("000", "002")
    assert result.alignments
    for al in result.alignments:
        assert 1 <= len(al.a) <= 3 and 1 <= len(al.b) <= 3
        assert sum(e - s for s, e in al.a) < len(text_a) / 3
        assert sum(e - s for s, e in al.b) < len(text_b) / 3


# --- the vectorised scoring agrees with the per-pair definition ------------------

RESTATED = [
    "A fire broke out in the engine room of the ferry Northern Tern on Wednesday.",
    "The fire on the Northern Tern started in its engine room, officials said on Wednesday.",
    "Rescue boats reached the ferry within 40 minutes after the alarm was raised.",
    "Within 45 minutes rescue boats were alongside.",
    "Police said they had found no sign of arson on board the vessel.",
    "Police found no sign of arson.",
    "Skerry Lines said the vessel would be towed to Vessmark, where 280 passengers landed.",
    "About 280 passengers were taken ashore at Vessmark by Skerry Lines.",
    "The operator said ferry services to the mainland were suspended until Saturday.",
    "Ferry services stay suspended until Saturday, the operator said.",
    "Two crew members were treated for smoke inhalation.",
    "It did not say what caused the fire.",
]


def _csr(matrix: sp.csr_matrix) -> Csr:
    return Csr(matrix.data, matrix.indices, matrix.indptr, matrix.shape)


def _scorer(text_a: str, text_b: str):
    return _Scorer(_side(text_a, lines(text_a)), _side(text_b, lines(text_b)))


def test_pair_scores_equal_pair_score_on_every_pair():
    text_a, text_b = "\n".join(RESTATED[0::2]), "\n".join(RESTATED[1::2] + RESTATED[:3])
    scorer = _scorer(text_a, text_b)
    n_a, n_b = len(scorer.a.spans), len(scorer.b.spans)
    ia, ib = np.repeat(np.arange(n_a), n_b), np.tile(np.arange(n_b), n_a)
    words = np.array(
        [
            cosine(scorer.words.passage([i]), scorer.words.passage([n_a + j]))
            for i, j in zip(ia.tolist(), ib.tolist(), strict=True)
        ]
    )
    batched = scorer.score_pairs(ia, ib, words)
    for k, (i, j) in enumerate(zip(ia.tolist(), ib.tolist(), strict=True)):
        chars = cosine(scorer.chars.passage([i]), scorer.chars.passage([n_a + j]))
        one = pair_score(scorer.a.features[i], scorer.b.features[j], words[k], chars, scorer.idf_of)
        assert batched[k] == pytest.approx(one, abs=1e-9), (i, j)


def test_pair_dots_match_scipy_and_do_not_depend_on_the_other_pairs():
    rng = np.random.default_rng(3)
    left = sp.random(40, 300, density=0.05, format="lil", random_state=rng)
    left[:5] = 0  # rows with no entries at all
    left = left.tocsr()
    left.eliminate_zeros()
    right = sp.random(40, 300, density=0.05, format="csr", random_state=rng)
    rows_l, rows_r = rng.integers(0, 40, 500), rng.integers(0, 40, 500)
    expected = np.asarray(left[rows_l].multiply(right[rows_r]).sum(axis=1)).ravel()
    left, right = _csr(left), _csr(right)
    together = align_module._pair_dots(left, right, rows_l, rows_r)
    assert together == pytest.approx(expected)
    for k in range(0, 500, 37):  # asked alone, a pair scores the same bits
        alone = align_module._pair_dots(left, right, rows_l[k : k + 1], rows_r[k : k + 1])
        assert alone[0] == together[k]
    empty = align_module._pair_dots(left, right, np.array([0, 4]), np.array([7, 9]))
    assert not empty.any()


def test_top_pairs_keep_each_rows_and_each_columns_best_however_chunked(monkeypatch):
    rng = np.random.default_rng(5)
    rows = sp.random(30, 50, density=0.3, format="csr", random_state=rng)
    others = sp.random(25, 50, density=0.3, format="csr", random_state=rng)
    full = (rows @ others.T).toarray()
    k = align_module.TOP_K
    expected = {(i, int(j)) for i in range(30) for j in np.argsort(-full[i])[:k]}
    expected |= {(int(i), j) for j in range(25) for i in np.argsort(-full[:, j])[:k]}
    expected = {(i, j) for i, j in expected if full[i, j] >= align_module.PREFILTER_MIN}
    for cells in (align_module.CHUNK_CELLS, 60):  # one block, then blocks of two rows
        monkeypatch.setattr(align_module, "CHUNK_CELLS", cells)
        ia, ib, values = align_module._top_pairs(_csr(rows), _csr(others))
        assert set(zip(ia.tolist(), ib.tolist(), strict=True)) == expected
        assert list(zip(ia, ib, strict=True)) == sorted(zip(ia, ib, strict=True))
        assert values == pytest.approx(full[ia, ib])


def test_every_pair_read_at_once_scores_as_pair_by_pair_to_the_last_bit():
    """All of A × B goes through one sparse product; a subset goes pair by pair."""
    text_a, text_b = seed("000").read_text(), seed("002").read_text()
    spans_a = [(s.start, s.end) for s in split_sentences(text_a)]
    spans_b = [(s.start, s.end) for s in split_sentences(text_b)]
    scorer = _Scorer(_side(text_a, spans_a), _side(text_b, spans_b), text_a, text_b)
    ia, ib = align_module.all_pairs(len(scorer.a.spans), len(scorer.b.spans))
    at_once = scorer.pair_table(ia, ib).features
    backwards = np.arange(len(ia))[::-1]
    one_by_one = scorer.pair_table(ia[backwards], ib[backwards]).features[backwards]
    assert np.array_equal(at_once, one_by_one)


def test_sentences_naming_one_meaning_class_in_other_words_share_it():
    """"Six deaths" and "eight people have died" both speak of the dead: a link measure."""
    from core.matchers.align import pair_table
    from core.matchers.links import FEATURES

    text_a = "Officials reported six deaths on Monday."
    text_b = "At least eight people have died, the ministry said. Schools reopened on Monday."
    spans_a = [(0, len(text_a))]
    spans_b = [(s.start, s.end) for s in split_sentences(text_b, ())]
    table = pair_table(text_a, spans_a, text_b, spans_b)
    shared = table.features[:, FEATURES.index("classes_shared")]
    assert shared.tolist() == [1.0, 0.0]


def test_containment_in_a_batch_equals_containment_pair_by_pair_to_the_last_bit():
    """The claim links measure containment in one batch; it must be ``containment`` exactly."""
    text = seed("000").read_text() + "\n" + "\n".join(RESTATED)
    feats = [sentence_features(text, (s.start, s.end)) for s in split_sentences(text)]
    feats.append(sentence_features("", (0, 0)))  # no words at all
    pairs = [(x, y) for x in feats[:25] for y in feats[-25:]]
    shorts = [x if len(x.words) <= len(y.words) else y for x, y in pairs]
    longs = [y if len(x.words) <= len(y.words) else x for x, y in pairs]
    batched = containments(shorts, longs).tolist()
    assert batched == [containment(s, lo) for s, lo in zip(shorts, longs, strict=True)]
    assert containments([], []).tolist() == []


def test_candidates_scored_in_the_claim_link_table_score_as_on_their_own_to_the_last_bit():
    """The aligner takes its candidates' scores from the table of every pair it reads for
    the claim links; they must be the scores it would compute for the candidates alone."""
    for first, second in (("000", "002"), ("004", "001")):
        text_a, text_b = seed(first).read_text(), seed(second).read_text()
        spans_a = [(s.start, s.end) for s in split_sentences(text_a)]
        spans_b = [(s.start, s.end) for s in split_sentences(text_b)]
        scorer = _Scorer(_side(text_a, spans_a), _side(text_b, spans_b), text_a, text_b)
        ia, ib, words = scorer.candidates()
        table = align_module._claim_table(scorer, (ia, ib))
        assert len(table.ia) == len(spans_a) * len(spans_b)
        looked_up = table.features[ia * len(spans_b) + ib, align_module._SCORE_COLUMN]
        fresh = _Scorer(_side(text_a, spans_a), _side(text_b, spans_b), text_a, text_b)
        assert np.array_equal(looked_up, fresh.score_pairs(ia, ib, words))


def test_a_figure_joined_to_its_noun_is_the_same_figure():
    from core.matchers.features import sentence_features

    joined = "Her 73rd-minute header won the cup for Vell."
    apart = "Vell won the cup with a header in the 73rd minute."
    fa = sentence_features(joined, (0, len(joined)))
    fb = sentence_features(apart, (0, len(apart)))
    assert fa.numbers == fb.numbers == {"73rd"}
    assert {"73rd", "minute"} <= set(fa.words) & set(fb.words)


def test_an_age_written_as_one_word_is_the_age_figure():
    joined = "The 64-year-old engineer was arrested in Tarrow."
    apart = "Police in Tarrow arrested Dana Ilves, 64, an engineer."
    fa = sentence_features(joined, (0, len(joined)))
    fb = sentence_features(apart, (0, len(apart)))
    assert "64" in fa.numbers & fb.numbers


def test_a_person_called_by_role_alone_is_named_in_the_alignment_features():
    text = (
        "Harbour Minister Oskar Vell opened the new quay on Monday. "
        "The harbour minister thanked the dock workers for their patience."
    )
    second = text.index("The harbour")
    features = sentence_features(text, (second, len(text)))
    assert {"oskar", "vell"} <= features.names
    assert "vell" in features.words


def test_character_gram_ids_are_the_same_in_every_process():
    """Two runs of one comparison must align it alike, whatever Python's hash seed."""
    code = "from core.matchers.features import _word_grams; print(list(_word_grams('harbour')))"
    root = Path(__file__).resolve().parents[2]
    printed = {
        subprocess.run(
            [sys.executable, "-c", code],
            env={**os.environ, "PYTHONHASHSEED": hash_seed},
            capture_output=True, text=True, cwd=root, check=True,
        ).stdout
        for hash_seed in ("1", "2")
    }
    assert len(printed) == 1
