"""Claims two articles word differently where the words change what is said.

Passage alignments get a token diff, and the passage finder types its
changes. Claim links (a clause of one sentence restated in another sentence)
get none: their wording differs by definition. So for each linked pair this
finds the clause of each sentence that restates the other best — they share
what the claim is about — and reports it when each side still has words of
its own there ("could not certify the accounts" / "refused to sign the
accounts"; "praised the crews for their speed" / "for their courage").
Inside a quotation that is a quote discrepancy: the same speaker, other words.

Figures, days and names are left to their own finders, and words a side has
anywhere in the other sentence are not counted as changed, so a clause that
merely moved is quiet. Wording is low severity with a light weight: the
budget keeps it only when the list has room; a quotation reworded is medium.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

from core.discrepancies.claims import clauses
from core.discrepancies.flag import Flag, flag
from core.discrepancies.side import Side, overlapping
from core.discrepancies.text import is_function_word, one_line, sense, words
from core.model import Alignment, Span

MIN_SHARED = 2  # content words the two clauses share: the same claim
MIN_LINK = 0.37  # claim links less likely are not read (the link model's "wording" evidence)
MAX_OWN = 3  # a clause with more words of its own is another claim, not a rewording
WEIGHT = 0.4
#: A speaker's words given otherwise is a misquote to check, ranked with a quotation
#: told in other words (:mod:`.quoted_claims`), above wording.
QUOTE_WEIGHT = 0.8


def rewordings(sa: Side, sb: Side, alignments: Sequence[Alignment]) -> list[Flag]:
    flags: list[Flag] = []
    used: set[tuple[int, Span]] = set()
    for index, link in enumerate(alignments):
        if link.primary or link.score < MIN_LINK:
            continue
        found = _reworded(sa, sb, link.a[0], link.b[0])
        if found is None:
            continue
        span_a, span_b, own_a, own_b = found
        if (0, span_a) in used or (1, span_b) in used:
            continue
        used.update({(0, span_a), (1, span_b)})
        quoted = _quoted(sa, span_a) or _quoted(sb, span_b)
        kind = "quote" if quoted else "wording"
        summary = f'{"quote: " if quoted else ""}"{one_line(own_a, 50)}" vs "{one_line(own_b, 50)}"'
        severity, weight = ("medium", QUOTE_WEIGHT) if quoted else ("low", WEIGHT)
        flags.append(flag(kind, summary, span_a, span_b, index, severity, weight))
    return flags


def _keys(side: Side, span: Span) -> tuple[tuple[str, str], ...]:
    """(stem, word) of the content words of a span that are not figures or names."""
    return _content_keys(side.text, side.sentence_span(span[0])[0], span)


@lru_cache(maxsize=32768)
def _content_keys(text: str, sentence_start: int, span: Span) -> tuple[tuple[str, str], ...]:
    """``_keys`` of one span, remembered: an article's clauses are read again in each of
    its pairs (a ``str`` caches its hash, so the key costs two tuple hashes)."""
    out = []
    for w, start, _ in words(text, *span):
        if w[:1].isdigit() or is_function_word(w):
            continue
        if w[:1].isupper() and start > sentence_start:
            continue  # a name: the entity and spelling finders read those
        out.append((sense(w), w))
    return tuple(out)


def forget_keys() -> None:
    """Drop remembered content words (benchmarks time reading, not lookups)."""
    _content_keys.cache_clear()


def _reworded(sa: Side, sb: Side, a: Span, b: Span) -> tuple[Span, Span, str, str] | None:
    """The best-matching clauses of two sentences and the words each has of its own."""
    all_a = {k for k, _ in _keys(sa, a)}
    all_b = {k for k, _ in _keys(sb, b)}
    clauses_b = [(cb, _keys(sb, cb)) for cb in clauses(sb, b)]
    stems_b = [{k for k, _ in keys_b} for _, keys_b in clauses_b]
    best = None
    for ca in clauses(sa, a):
        keys_a = _keys(sa, ca)
        stems_a = {k for k, _ in keys_a}
        for (cb, keys_b), stems in zip(clauses_b, stems_b, strict=True):
            shared = stems_a & stems
            if len(shared) < MIN_SHARED:
                continue
            own_a = [w for k, w in keys_a if k not in all_b]
            own_b = [w for k, w in keys_b if k not in all_a]
            if not own_a or not own_b or len(own_a) > MAX_OWN or len(own_b) > MAX_OWN:
                continue
            if best is None or len(shared) > best[0]:
                best = (len(shared), ca, cb, " ".join(own_a), " ".join(own_b))
    return None if best is None else (best[1], best[2], best[3], best[4])


def _quoted(side: Side, span: Span) -> bool:
    return bool(overlapping(side.facts.quotes, *span))
