"""Word-level differences inside one aligned passage, cosmetic ones marked.

Tokens are matched by their cosmetic key, so "U.S." lines up with "US" and a
curly quote with a straight one instead of breaking the surrounding run of
equal words; a pair matched that way but spelled differently still comes out
as a change flagged ``cosmetic`` so the window can show or hide it.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from typing import NamedTuple

from rapidfuzz.distance import Indel

from core.model import Change, Span, Token
from core.text.tokens import cosmetic_key, fold_punctuation, span_tokens

STRAY_ANCHOR = 2  # equal runs up to this many tokens may be folded into the changes around them


def passage_tokens(text: str, spans: Sequence[Span]) -> list[Token]:
    """Tokens of a passage made of one or more sentence spans, in order."""
    return [token for start, end in spans for token in sentence_tokens(text, start, end)]


@lru_cache(maxsize=32768)
def sentence_tokens(text: str, start: int, end: int) -> tuple[Token, ...]:
    """``tokenize`` of one sentence, remembered: an article's aligned sentences are
    diffed again in every pair it is in (a ``str`` caches its hash: the key is cheap)."""
    return tuple(span_tokens(text, start, end))


@lru_cache(maxsize=65536)
def _identity(token_text: str) -> str:
    """What two tokens must share to be matched; punctuation matches only itself (folded).

    Cached: news repeats its words, and every aligned token passes through here.
    """
    return cosmetic_key(token_text) or fold_punctuation(token_text)


def _codes(tokens_a: list[Token], tokens_b: list[Token]) -> tuple[list[str], list[str]]:
    """The sequences the diff runs over: rapidfuzz hashes the identity strings itself."""
    return [_identity(t.text) for t in tokens_a], [_identity(t.text) for t in tokens_b]


def _edge(tokens: list[Token], lo: int, hi: int, fallback: int) -> Span:
    """Character span of tokens[lo:hi]; an empty run sits right after the token before it."""
    if hi > lo:
        return tokens[lo].start, tokens[hi - 1].end
    if lo > 0:
        return tokens[lo - 1].end, tokens[lo - 1].end
    position = tokens[0].start if tokens else fallback
    return position, position


def _keys(tokens: list[Token]) -> list[str]:
    return [k for k in (cosmetic_key(t.text) for t in tokens) if k]


def _change(
    tokens_a: list[Token], tokens_b: list[Token], run: list[int], fallback: tuple[int, int]
) -> Change:
    """One change for a run of non-equal tokens: ``run`` is [lo_a, hi_a, lo_b, hi_b]."""
    lo_a, hi_a, lo_b, hi_b = run
    tag = "replace" if hi_a > lo_a and hi_b > lo_b else ("delete" if hi_a > lo_a else "insert")
    a = _edge(tokens_a, lo_a, hi_a, fallback[0])
    b = _edge(tokens_b, lo_b, hi_b, fallback[1])
    # "river bank" / "riverbank": a compound written open or closed is one word
    cosmetic = "".join(_keys(tokens_a[lo_a:hi_a])) == "".join(_keys(tokens_b[lo_b:hi_b]))
    return Change(tag, a[0], a[1], b[0], b[1], cosmetic)


def _respelled(tokens_a: list[Token], tokens_b: list[Token], block: _Block) -> list[Change]:
    """Cosmetic changes inside a block matched by key: runs of tokens spelled differently."""
    changes: list[Change] = []
    if [t.text for t in tokens_a[block.lo_a : block.hi_a]] == [
        t.text for t in tokens_b[block.lo_b : block.hi_b]
    ]:
        return changes  # the usual case, settled without a Python step per token
    run_start = None
    length = block.hi_a - block.lo_a
    for k in range(length + 1):
        differs = k < length and tokens_a[block.lo_a + k].text != tokens_b[block.lo_b + k].text
        if differs and run_start is None:
            run_start = k
        elif not differs and run_start is not None:
            a0, b0 = block.lo_a, block.lo_b
            changes.append(
                Change(
                    "replace",
                    tokens_a[a0 + run_start].start,
                    tokens_a[a0 + k - 1].end,
                    tokens_b[b0 + run_start].start,
                    tokens_b[b0 + k - 1].end,
                    True,
                )
            )
            run_start = None
    return changes


class _Block(NamedTuple):
    equal: bool
    lo_a: int
    hi_a: int
    lo_b: int
    hi_b: int

    @property
    def size(self) -> int:
        return max(self.hi_a - self.lo_a, self.hi_b - self.lo_b)


def _blocks(code_a: list[str], code_b: list[str]) -> list[_Block]:
    """Equal runs and change runs; Indel has no substitution, so a rewritten word comes
    out as a delete next to an insert, and consecutive non-equal opcodes are merged."""
    blocks: list[_Block] = []
    for op in Indel.opcodes(code_a, code_b):
        equal = op.tag == "equal"
        if blocks and not equal and not blocks[-1].equal:
            blocks[-1] = blocks[-1]._replace(hi_a=op.src_end, hi_b=op.dest_end)
        else:
            blocks.append(_Block(equal, op.src_start, op.src_end, op.dest_start, op.dest_end))
    return blocks


def _absorb_stray_anchors(blocks: list[_Block]) -> list[_Block]:
    """Fold a short equal run squeezed between two larger changes into one change.

    The longest common subsequence happily anchors on a lone "the" or "call"
    inside two rewritten clauses, which shreds one rewrite into several
    changes. As in diff-match-patch's semantic cleanup, an equality no longer
    than the changes on both sides is treated as part of the change — but only
    runs of at most STRAY_ANCHOR tokens, so real shared phrases stay shared.
    """
    out: list[_Block] = []
    for block in blocks:
        if (
            not block.equal
            and len(out) >= 2
            and out[-1].equal
            and not out[-2].equal
            and out[-1].size <= STRAY_ANCHOR
            and out[-1].size <= min(out[-2].size, block.size)
            and max(out[-2].size, block.size) > 1
        ):
            first = out[-2]
            out[-2:] = [_Block(False, first.lo_a, block.hi_a, first.lo_b, block.hi_b)]
        else:
            out.append(block)
    return out


def diff_passage(
    text_a: str,
    spans_a: Sequence[Span],
    text_b: str,
    spans_b: Sequence[Span],
) -> tuple[Change, ...]:
    """Token changes between two aligned passages, in reading order.

    Every change run becomes one change (``replace`` when both sides have
    tokens), after stray one- or two-token anchors between rewrites are
    absorbed; tokens matched by key but spelled differently come out as
    cosmetic replaces.
    """
    if [text_a[s:e] for s, e in spans_a] == [text_b[s:e] for s, e in spans_b]:
        return ()  # word for word the same (syndicated copy): nothing to tokenise
    tokens_a, tokens_b = passage_tokens(text_a, spans_a), passage_tokens(text_b, spans_b)
    fallback = (spans_a[0][0] if spans_a else 0, spans_b[0][0] if spans_b else 0)
    changes: list[Change] = []
    for block in _absorb_stray_anchors(_blocks(*_codes(tokens_a, tokens_b))):
        if block.equal:
            changes.extend(_respelled(tokens_a, tokens_b, block))
        else:
            run = [block.lo_a, block.hi_a, block.lo_b, block.hi_b]
            changes.append(_change(tokens_a, tokens_b, run, fallback))
    return tuple(changes)
