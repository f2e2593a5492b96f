"""The same quotation worded differently, or credited to someone else.

Quotes are matched on their words (folded, in order): two quotes are one
when most of the shorter one's words recur in the longer in sequence. A
longer excerpt of the same remark is not an alteration — only differences
between the first and the last shared word are. When both speakers are named
people or organisations and differ, that is an attribution discrepancy
instead; a description ("a senior diplomat") never clashes with a name.
"""

from __future__ import annotations

from difflib import SequenceMatcher
from functools import lru_cache
from typing import NamedTuple

from rapidfuzz.distance import OSA, LCSseq

from core import lexicon
from core.discrepancies.flag import Flag, flag
from core.discrepancies.side import Side
from core.discrepancies.sources import PRONOUNS
from core.discrepancies.subject import best_first
from core.discrepancies.text import (
    contracted,
    is_function_word,
    key,
    marks_a_cut,
    one_line,
    words,
)
from core.facts.fact_records import Quote
from core.facts.names import name_variants_match
from core.text.tokens import cosmetic_key

MIN_SHARED_WORDS = 3  # a short remark ("The port is closed") is a quote too
MIN_SHARED_SHARE = 0.6  # of the shorter quote's words


class QuoteWords(NamedTuple):
    quote: Quote
    keys: tuple[str, ...]
    spans: tuple[tuple[int, int], ...]


class Hunk(NamedTuple):
    a: tuple[int, int]  # word index range in A
    b: tuple[int, int]


def quote_words(side: Side, q: Quote) -> QuoteWords:
    return quote_words_of(side.text, q)


def quote_words_of(text: str, q: Quote) -> QuoteWords:
    ws = words(text, q.start, q.end)
    return QuoteWords(q, tuple(key(w) for w, _, _ in ws), tuple((s, e) for _, s, e in ws))


def shared_share(x: QuoteWords, y: QuoteWords) -> float:
    if not x.keys or not y.keys or len(set(x.keys) & set(y.keys)) < MIN_SHARED_WORDS:
        return 0.0
    # Words in order: the longest common subsequence (rapidfuzz does it in C,
    # and this runs for every candidate pair of quotes).
    shared = LCSseq.similarity(x.keys, y.keys)
    if shared < MIN_SHARED_WORDS:
        return 0.0
    return shared / min(len(x.keys), len(y.keys))


def matched_quotes(sa: Side, sb: Side) -> list[tuple[QuoteWords, QuoteWords]]:
    qa, sets_a = _quote_list(sa.text, sa.facts.quotes)
    qb, sets_b = _quote_list(sb.text, sb.facts.quotes)
    scored = []
    for i, x in enumerate(qa):
        for j, y in enumerate(qb):
            # shared_share, with each quote's word set made once, not once per pair
            if len(sets_a[i] & sets_b[j]) < MIN_SHARED_WORDS:
                continue
            share = shared_share(x, y)
            if share >= MIN_SHARED_SHARE:
                scored.append((share, i, j))
    return [(x, y) for x, y, _ in best_first(qa, qb, scored)]


@lru_cache(maxsize=256)
def _quote_list(
    text: str, quotes: tuple[Quote, ...]
) -> tuple[tuple[QuoteWords, ...], tuple[frozenset[str], ...]]:
    """An article's quotes (not the short ones) as words, and each one's set of words:
    remembered, an article's quotes are set against those of each of its pairs."""
    found = tuple(quote_words_of(text, q) for q in quotes if not q.short)
    return found, tuple(frozenset(x.keys) for x in found)


def forget_quotes() -> None:
    """Drop remembered quotes (benchmarks time reading, not lookups)."""
    _quote_list.cache_clear()


def quote_conflicts(sa: Side, sb: Side, pairs: list[tuple[QuoteWords, QuoteWords]]) -> list[Flag]:
    flags = []
    named = {e.key for e in sa.facts.entities} | {e.key for e in sb.facts.entities}
    for x, y in pairs:
        ka, kb = x.quote.speaker_key, y.quote.speaker_key
        # "Varga" / "Vargas": one speaker spelt two ways is an entity flag, not a new source.
        # A "he" or "she" was resolved to the nearest name, a guess: only two quotes
        # credited by name can be credited to two people.
        if (
            ka in named
            and kb in named
            and ka != kb
            and not name_variants_match(ka, kb)
            and _by_name(x.quote)
            and _by_name(y.quote)
        ):
            flags.append(_speaker_flag(sa, sb, x, y))
            continue
        hunks = [
            h
            for h in _inner_hunks(x, y)
            if not _editors_gloss(sa.text, sb.text, x, y, h)
            and not _only_articles(x, y, h)
            and not _one_compound(sa.text, sb.text, x, y, h)
            and not _misspelt(x, y, h)
            and not _elided(sa.text, sb.text, x, y, h)
            and not _contraction(sa.text, sb.text, x, y, h)
        ]
        flags.extend(_altered_flag(sa, sb, x, y, group) for group in _stretches(hunks))
    return flags


#: Changes this many shared words apart inside one quotation are separate alterations
#: ("grit" for "resolve" in one sentence, "a fine addition" for "useful" two sentences
#: on): each is shown where it is, not as one span over the whole remark.
HUNK_GAP = 8


def _stretches(hunks: list[Hunk]) -> list[list[Hunk]]:
    groups: list[list[Hunk]] = []
    for h in hunks:
        if groups and h.a[0] - groups[-1][-1].a[1] < HUNK_GAP:
            groups[-1].append(h)
        else:
            groups.append([h])
    return groups


ARTICLES = lexicon.words("articles")


def _only_articles(x: QuoteWords, y: QuoteWords, h: Hunk) -> bool:
    """Whether a difference only adds or drops "a", "an" or "the": a transcript's or a
    translator's grammar, not the speaker's words."""
    return all(k in ARTICLES for k in (*x.keys[slice(*h.a)], *y.keys[slice(*h.b)]))


def _one_compound(text_a: str, text_b: str, x: QuoteWords, y: QuoteWords, h: Hunk) -> bool:
    """Whether a difference only writes a compound closed, open or hyphenated
    ("riverbank" / "river bank"): a house style, not the speaker's words.

    Read from the words as written: the word key drops a plural "s", which
    would split "hands-on" from "hands" + "on"."""
    left = "".join(cosmetic_key(text_a[s:e]) for s, e in x.spans[slice(*h.a)])
    right = "".join(cosmetic_key(text_b[s:e]) for s, e in y.spans[slice(*h.b)])
    return bool(left and right) and left == right


def _elided(text_a: str, text_b: str, x: QuoteWords, y: QuoteWords, h: Hunk) -> bool:
    """Whether words one quotation has stand where the other marks a cut with an
    ellipsis ("groups (…) may" for "groups, under the law, may"): an excerpt of the
    same words, not other words."""
    for text, own, span in ((text_a, x, h.a), (text_b, y, h.b)):
        if span[0] == span[1] and 0 < span[0] < len(own.spans):
            gap = text[own.spans[span[0] - 1][1] : own.spans[span[0]][0]]
            if marks_a_cut(gap):
                return True
    return False


def _contraction(text_a: str, text_b: str, x: QuoteWords, y: QuoteWords, h: Hunk) -> bool:
    """Whether a difference only writes a contraction out ("it'll" / "it will"): a
    transcript's or a translator's spelling, not the speaker's words."""
    left = [text_a[s:e] for s, e in x.spans[slice(*h.a)]]
    right = [text_b[s:e] for s, e in y.spans[slice(*h.b)]]
    return bool(left or right) and contracted(left) == contracted(right)


#: A word this long that one letter changes is a typing slip, not another word.
TYPO_LENGTH = 6


def _misspelt(x: QuoteWords, y: QuoteWords, h: Hunk) -> bool:
    """Whether a difference only misspells words ("chaacter" / "character"): each
    changed word is a long word one letter away from its counterpart."""
    left, right = x.keys[slice(*h.a)], y.keys[slice(*h.b)]
    return bool(left) and len(left) == len(right) and all(map(is_typo, left, right))


def is_typo(a: str, b: str) -> bool:
    """Two long words one slip apart: a letter added, dropped or changed, or two
    neighbours swapped ("chaarcter")."""
    return min(len(a), len(b)) >= TYPO_LENGTH and OSA.distance(a, b) <= 1


def _inner_hunks(x: QuoteWords, y: QuoteWords) -> list[Hunk]:
    """Differences between the first and the last word the two quotes share."""
    matcher = SequenceMatcher(None, x.keys, y.keys, autojunk=False)
    ops = matcher.get_opcodes()
    equal = [i for i, op in enumerate(ops) if op[0] == "equal"]
    # A lone "we" or "the" shared at an edge does not anchor the excerpt: "We
    # respect the jury, but we believe X" against "We believe X" is a longer
    # excerpt, not an altered quote.
    while len(equal) > 1 and _only_function_words(x, ops[equal[0]]):
        equal.pop(0)
    while len(equal) > 1 and _only_function_words(x, ops[equal[-1]]):
        equal.pop()
    if not equal:
        return []
    return [
        Hunk((i1, i2), (j1, j2))
        for tag, i1, i2, j1, j2 in ops[equal[0] + 1 : equal[-1]]
        if tag != "equal"
    ]


def _editors_gloss(text_a: str, text_b: str, x: QuoteWords, y: QuoteWords, h: Hunk) -> bool:
    """Words one side adds in brackets inside the quotation ("outside (the Democratic
    Republic of Congo) DRC", "all these guys [the supporters]"): an editor's gloss,
    not the speaker's words, so not an alteration."""
    if h.a[0] == h.a[1]:
        return _bracketed(text_b, y, *h.b)
    if h.b[0] == h.b[1]:
        return _bracketed(text_a, x, *h.a)
    return False


def _bracketed(text: str, qw: QuoteWords, first: int, stop: int) -> bool:
    start, end = qw.spans[first][0], qw.spans[stop - 1][1]
    before = text[max(0, start - 3) : start].rstrip()
    after = text[end : end + 3].lstrip()
    return before.endswith(("(", "[")) and after.startswith((")", "]"))


def _only_function_words(x: QuoteWords, op: tuple[str, int, int, int, int]) -> bool:
    return all(is_function_word(x.keys[i]) for i in range(op[1], op[2]))


def _altered_flag(sa: Side, sb: Side, x: QuoteWords, y: QuoteWords, hunks: list[Hunk]) -> Flag:
    a0, a1 = _word_range(x, hunks[0].a[0] - 1, hunks[-1].a[1] + 1)
    b0, b1 = _word_range(y, hunks[0].b[0] - 1, hunks[-1].b[1] + 1)
    ta, tb = sa.text[a0:a1], sb.text[b0:b1]
    changed = [x.keys[i] for h in hunks for i in range(*h.a)] + [
        y.keys[j] for h in hunks for j in range(*h.b)
    ]
    severity = "medium" if all(is_function_word(w) for w in changed) else "high"
    summary = f'quote: "{one_line(ta, 70)}" vs "{one_line(tb, 70)}"'
    weight = 1.0 + 0.1 * len(changed)
    return flag("quote", summary, (a0, a1), (b0, b1), severity=severity, weight=weight)


def _word_range(qw: QuoteWords, first: int, stop: int) -> tuple[int, int]:
    first = max(0, min(first, len(qw.spans) - 1))
    last = max(first, min(stop, len(qw.spans)) - 1)
    return qw.spans[first][0], qw.spans[last][1]


def _speaker_flag(sa: Side, sb: Side, x: QuoteWords, y: QuoteWords) -> Flag:
    who_a = x.quote.speaker or x.quote.speaker_key
    who_b = y.quote.speaker or y.quote.speaker_key
    words_ = one_line(x.quote.text, 40)
    summary = f'attribution: "{words_}" credited to {one_line(str(who_a), 30)} vs {one_line(str(who_b), 30)}'
    return flag(
        "attribution",
        summary,
        (x.quote.start, x.quote.end),
        (y.quote.start, y.quote.end),
        weight=1.2,
    )


def _by_name(quote: Quote) -> bool:
    """Whether the credit at the quotation names its speaker rather than a pronoun."""
    return (quote.speaker or "").casefold().strip() not in PRONOUNS
