"""Small text helpers shared by the finders: words, function words, summaries.

Summaries are read in a list, one per line, so every excerpt is collapsed to
one line and clipped; comparisons between articles use folded word keys so
typography never makes two texts look different.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from functools import lru_cache

from core import lexicon
from core.model import Span, Token
from core.text.tokens import cosmetic_key, token_index

#: Words that carry grammar, not facts: a change among these alone is trivial.
FUNCTION_WORDS = lexicon.words("function_words")

#: Words that say how much without a figure: "all passengers" is no count to check
#: against "about 280 passengers".
QUANTIFIERS = lexicon.words("quantifiers")

#: Words that flip what a clause asserts.
NEGATORS = lexicon.words("negators")

#: Full weekday names, month names and abbreviations ("may" is mostly a verb), relative days.
_DATE_WORDS = (
    frozenset(lexicon.full_names(lexicon.weekdays()))
    | (frozenset(lexicon.months()) - {"may"})
    | {"yesterday", "today", "tomorrow", "tonight"}
)
_SPACE_RE = re.compile(r"\s+")
_WORD_RE = re.compile(r"[^\W_]+")
#: One letter or digit: the pattern's class is exactly what ``str.isalnum`` accepts.
_ALNUM = re.compile(r"[^\W_]")
_FOLD = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "–": "-", "—": "-"})


@lru_cache(maxsize=32)
def _article_tokens(text: str) -> tuple[tuple[Token, ...], tuple[int, ...], tuple[int, ...]]:
    found = token_index(text)  # the aligner has usually tokenised the article already
    return tuple(found.tokens()), found.starts, found.ends


@lru_cache(maxsize=32)
def _article_words(
    text: str,
) -> tuple[tuple[tuple[str, int, int], ...], tuple[int, ...], tuple[int, ...]]:
    has_word = _ALNUM.search  # once per token of the article: a C search, not a Python loop
    found = tuple(
        (t.text, t.start, t.end)
        for t in _article_tokens(text)[0]
        if has_word(t.text) or t.text == "&"  # the word "and" in a post or a headline
    )
    return found, tuple(w[1] for w in found), tuple(w[2] for w in found)


def tokens(text: str, start: int, end: int) -> tuple[Token, ...]:
    """All tokens, punctuation included, lying within ``text[start:end]``."""
    found, starts, ends = _article_tokens(text)
    return found[bisect_left(starts, start) : bisect_right(ends, end)]


def words(text: str, start: int, end: int) -> tuple[tuple[str, int, int], ...]:
    """Word tokens (not punctuation) lying within ``text[start:end]``, with their offsets.

    The text is tokenised once and cached (a ``str`` caches its own hash, so
    the key costs nothing); every region after that is two bisections.
    """
    found, starts, ends = _article_words(text)
    return found[bisect_left(starts, start) : bisect_right(ends, end)]


def word_count(text: str, start: int, end: int) -> int:
    """``len(words(text, start, end))``, from the two bisections alone: the finders
    often ask only how many words a region holds, and need no tuple of them."""
    _, starts, ends = _article_words(text)
    return max(0, bisect_right(ends, end) - bisect_left(starts, start))


def key(word: str) -> str:
    """The folded form two articles share when they use the same word."""
    return (
        cosmetic_key(word).replace("'", "").removesuffix("s")
        if len(word) > 3
        else cosmetic_key(word)
    )


def is_date_word(word: str) -> bool:
    """Weekday, month or relative-day words: typed as dates even when no date fact covers them."""
    return word.casefold().removesuffix(".") in _DATE_WORDS


@lru_cache(maxsize=65536)
def is_function_word(word: str) -> bool:
    folded = cosmetic_key(word)
    return folded in FUNCTION_WORDS or folded.removesuffix("'s") in FUNCTION_WORDS


@lru_cache(maxsize=16384)
def content_keys(text: str, start: int = 0, end: int | None = None) -> frozenset[str]:
    """Folded content words of a region: what it is about, without grammar."""
    stop = len(text) if end is None else end
    return frozenset(
        stem(w)
        for w, _, _ in words(text, start, stop)
        if not w[0].isdigit() and not is_function_word(w)  # the cheap test first
    )


#: Words news writes for one another (lexicon/synonyms.txt): a swap is no rewording.
SYNONYMS = lexicon.groups("synonyms")


def sense(word: str) -> str:
    """A word's stem, or its group's when news writes it for another ("jail" / "prison")."""
    group = SYNONYMS.get(word.casefold())
    return stem(group) if group else stem(word)


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """A crude stem so "Russia"/"Russian", "killed"/"kills" meet; only used for overlap scores."""
    folded = cosmetic_key(word).removesuffix("'s")
    for suffix in ("ians", "ian", "ese", "ing", "ed", "es", "s", "a", "n", "e"):
        if folded.endswith(suffix) and len(folded) - len(suffix) >= 4:
            folded = folded[: -len(suffix)]
            break
    return folded[:6]


def one_line(text: str, limit: int = 80) -> str:
    """Collapse whitespace and clip with an ellipsis so a summary stays one readable line."""
    flat = _SPACE_RE.sub(" ", unicodedata.normalize("NFC", text)).strip()
    if len(flat) <= limit:
        return flat
    cut = flat[: limit - 1].rsplit(" ", 1)[0] if " " in flat[: limit - 1] else flat[: limit - 1]
    return cut.rstrip(" ,;:") + "…"


@lru_cache(maxsize=16384)
def normalise(text: str) -> str:
    """The form used in fingerprints: case, typography and spacing folded away.

    Remembered: omissions fold every sentence and the whole other article once
    per pair, and an article takes part in several pairs."""
    folded = unicodedata.normalize("NFKC", text).translate(_FOLD).casefold()
    return " ".join(_WORD_RE.findall(folded))


def excerpt(text: str, span: Span | None) -> str:
    return "" if span is None else text[span[0] : span[1]]


def widen(text: str, span: Span, before: int, after: int, bounds: Span | None = None) -> Span:
    """``span`` grown by up to ``before``/``after`` words, kept inside ``bounds`` (a sentence)."""
    lo, hi = bounds if bounds else (0, len(text))
    start, end = span
    if before:
        left = words(text, lo, start)[-before:]
        if left:
            start = left[0][1]
    if after:
        right = words(text, end, hi)[:after]
        if right:
            end = right[-1][2]
    return start, end


def trim(text: str, span: Span) -> Span:
    """``span`` without surrounding spaces and punctuation, so highlights hug the words."""
    start, end = span
    while start < end and not text[start].isalnum():
        start += 1
    while end > start and not text[end - 1].isalnum() and text[end - 1] not in "%":
        end -= 1
    return (start, end) if start < end else span


def capitals_only(words: Sequence[str]) -> bool:
    """Words written all in capitals: a dateline's place, an agency's or a body's initials.
    One set against another was never wanted on the annotated events (0 of 38 such
    name swaps): a dateline tells where a reporter filed, initials name another body
    in passing."""
    lettered = [w for w in words if any(ch.isalpha() for ch in w)]
    return bool(lettered) and all(w.isupper() for w in lettered)


def _contractions() -> dict[tuple[str, ...], str]:
    """Full forms ("i", "am") → the contraction written for them ("i'm")."""
    return {
        tuple(full.split()): members[0]
        for full, members in lexicon.group_members("contractions").items()
    }


_CONTRACTIONS = _contractions()


def contracted(words: Sequence[str]) -> tuple[str, ...]:
    """Words folded, every full form written as its contraction: "I am" and "I’m" read
    alike, as "cannot" and "can't" do."""
    folded = [w.casefold().replace("’", "'") for w in words]
    out: list[str] = []
    i = 0
    while i < len(folded):
        pair = tuple(folded[i : i + 2])
        if len(pair) == 2 and pair in _CONTRACTIONS:
            out.append(_CONTRACTIONS[pair])
            i += 2
            continue
        out.append(_CONTRACTIONS.get((folded[i],), folded[i]))
        i += 1
    return tuple(out)


#: An ellipsis, bare or bracketed: "…", "...", "(…)", "[...]".
_ELLIPSIS = re.compile(r"…|\.\s?\.\s?\.")


def marks_a_cut(text: str) -> bool:
    """Whether a stretch between two quoted words marks words left out ("groups (…)
    may"): an excerpt, which the other article may quote whole."""
    return _ELLIPSIS.search(text) is not None


def initials_of(short: list[str], long: list[str]) -> bool:
    """Whether a one-word name is the initials of the other's last words ("caac" /
    "civil aviation administration of china"), grammar words left out; lower case."""
    if len(short) != 1 or len(short[0]) < 3:
        return False
    return "".join(w[0] for w in long if not is_function_word(w)).endswith(short[0])
