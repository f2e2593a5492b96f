"""The whole engine in one call: two articles in, one Comparison out.

segment → align (boilerplate left out) → token diff per aligned passage →
similarity → facts → discrepancies. Each stage only sees the records the
previous one produced, so the window, the CLI and the project file all get
exactly the same answer for the same pair.

May import: core.text, core.matchers, core.facts, core.discrepancies and the shared
modules.
"""

from __future__ import annotations

import functools
import math
from collections.abc import Sequence
from typing import NamedTuple

from core.discrepancies import Candidates, candidate_flags, find_discrepancies
from core.errors import FactDiffError
from core.facts import extract_facts
from core.facts.fact_records import Facts
from core.matchers.align import align
from core.matchers.similarity import similarity
from core.matchers.tokendiff import diff_passage
from core.model import (
    SEVERITIES,
    Alignment,
    Article,
    Comparison,
    Discrepancy,
    Sentence,
    Span,
)
from core.text.headline import headline_index
from core.text.segment import article_sentences

# Far beyond any article (the 2,500-sentence benchmark is ~60,000 words), low
# enough that a pasted book or log file is refused in seconds, not aligned for hours.
MAX_CHARS = 3_000_000
MAX_SENTENCES = 20_000


def _check_size(article: Article, label: str) -> None:
    if len(article.text) > MAX_CHARS:
        raise FactDiffError(
            f"article {label} has {len(article.text):,} characters; comparisons are limited "
            f"to {MAX_CHARS:,} per article (is this really one article?)"
        )


def compared_spans(article: Article) -> list[Span]:
    """The article's sentences that take part in the comparison (not site furniture)."""
    return _compared(article_sentences(article.text, article.boilerplate))


def _compared(sentences: Sequence[Sentence]) -> list[Span]:
    return [(s.start, s.end) for s in sentences if not s.boilerplate and s.end > s.start]


def _rank(d: Discrepancy) -> tuple[int, float, float]:
    severity = SEVERITIES.index(d.severity) if d.severity in SEVERITIES else len(SEVERITIES)
    where_a = d.a[0] if d.a else math.inf
    where_b = d.b[0] if d.b else math.inf
    return severity, where_a, where_b


class AlignedArticles(NamedTuple):
    """The alignment engine's answer for one pair, before facts and discrepancies."""

    sentences_a: tuple[Sentence, ...]  # every sentence, boilerplate flagged
    sentences_b: tuple[Sentence, ...]
    spans_a: list[Span]  # the compared ones
    spans_b: list[Span]
    alignments: tuple[Alignment, ...]  # with their token changes
    unaligned_a: tuple[Span, ...]
    unaligned_b: tuple[Span, ...]
    similarity: float


def align_articles(a: Article, b: Article) -> AlignedArticles:
    """Segment, align, token-diff and score two articles: compare() without the facts.

    Each article is segmented once: the aligner, the token diff and (in
    compare) the fact extractors and the discrepancy finders read the same
    sentence records (``article_sentences`` remembers the last few texts).
    Sentences are not tokenised up front on purpose: the aligner only needs
    token texts (a regex ``findall``), and building offset-carrying tokens
    costs twice that, so only the sentences that end up aligned get them, in
    the token diff.
    Raises FactDiffError for an article too large to be one article.
    """
    _check_size(a, "A")
    _check_size(b, "B")
    sentences_a = article_sentences(a.text, a.boilerplate)  # cached: facts and
    sentences_b = article_sentences(b.text, b.boilerplate)  # discrepancies reuse them
    spans_a, spans_b = _compared(sentences_a), _compared(sentences_b)
    for label, spans in (("A", spans_a), ("B", spans_b)):
        if len(spans) > MAX_SENTENCES:
            raise FactDiffError(
                f"article {label} has {len(spans):,} sentences; comparisons are limited "
                f"to {MAX_SENTENCES:,} per article (is this really one article?)"
            )
    result = align(
        a.text,
        spans_a,
        b.text,
        spans_b,
        headlines=(headline_index(a.text, spans_a), headline_index(b.text, spans_b)),
    )
    alignments = tuple(
        al._replace(changes=diff_passage(a.text, al.a, b.text, al.b)) if al.primary else al
        for al in result.alignments
    )
    return AlignedArticles(
        sentences_a,
        sentences_b,
        spans_a,
        spans_b,
        alignments,
        result.unaligned_a,
        result.unaligned_b,
        similarity([al for al in alignments if al.primary], spans_a, spans_b),
    )


@functools.lru_cache(maxsize=64)
def _facts(article: Article, sentences: tuple[Sentence, ...]) -> Facts:
    """An article's facts, remembered: an article met in several pairs is read once
    (``Article`` is frozen and every fact record is an immutable tuple)."""
    return extract_facts(article, sentences)


def forget_facts() -> None:
    """Drop remembered facts, so a benchmark times reading an article, not a lookup."""
    _facts.cache_clear()


def clear_caches() -> None:
    """Forget everything remembered about articles seen before (benchmarks, tests)."""
    from core.discrepancies.claims import forget_clauses
    from core.discrepancies.described_people import _described_in
    from core.discrepancies.meaning_shifts import forget_readings
    from core.discrepancies.number_conflicts import forget_figures
    from core.discrepancies.omissions import forget_omission_words
    from core.discrepancies.quote_conflicts import forget_quotes
    from core.discrepancies.rewordings import forget_keys
    from core.discrepancies.roles import forget_roles
    from core.discrepancies.side import forget_articles
    from core.discrepancies.sources import forget_credit_words
    from core.discrepancies.text import normalise
    from core.facts.extract import clear_caches as clear_fact_caches
    from core.matchers.features import passage_words, sentence_features
    from core.matchers.links import clause_words
    from core.matchers.tokendiff import sentence_tokens
    from core.text.tokens import forget_token_index

    clear_fact_caches()
    forget_facts()
    forget_roles()
    forget_keys()
    forget_clauses()
    forget_readings()
    forget_figures()
    forget_omission_words()
    forget_quotes()
    forget_credit_words()
    normalise.cache_clear()
    _described_in.cache_clear()
    forget_articles()
    sentence_features.cache_clear()
    clause_words.cache_clear()
    passage_words.cache_clear()
    sentence_tokens.cache_clear()
    forget_token_index()


def candidates(a: Article, b: Article) -> Candidates:
    """Every discrepancy ``compare`` finds, as flags before ranking and the budget: what
    the ranking is tuned on (benchmarks/tune_priority.py)."""
    aligned = align_articles(a, b)
    return candidate_flags(
        a, b, aligned.alignments, _facts(a, aligned.sentences_a), _facts(b, aligned.sentences_b)
    )


def compare(a: Article, b: Article, *, capped: bool = True) -> Comparison:
    """Align, diff and score two articles; discrepancies are sorted high→low, then by position.

    ``capped`` off keeps every discrepancy found, before the reading budget.
    Raises FactDiffError for an article too large to be one article.
    """
    aligned = align_articles(a, b)
    discrepancies = find_discrepancies(
        a,
        b,
        aligned.alignments,
        _facts(a, aligned.sentences_a),
        _facts(b, aligned.sentences_b),
        capped=capped,
    )
    return Comparison(
        a=a,
        b=b,
        similarity=aligned.similarity,
        alignments=aligned.alignments,
        unaligned_a=aligned.unaligned_a,
        unaligned_b=aligned.unaligned_b,
        discrepancies=tuple(sorted(discrepancies, key=_rank)),
    )
