"""Word-level differences inside one aligned passage, cosmetic ones marked.

Tokens are matched by their cosmetic key, so "U.S." lines up with "US" and a
curly quote with a straight one instead of breaking the surrounding run of
equal words; a pair matched that way but spelled differently still comes out
as a change flagged ``cosmetic`` so the window can show or hide it.
"""

from __future__ import annotations

from collections.abc import Sequence

from rapidfuzz.distance import Indel, Opcode

from core.model import Change, Span, Token
from core.tokens import cosmetic_key, fold_punctuation, tokenize


def passage_tokens(text: str, spans: Sequence[Span]) -> list[Token]:
    """Tokens of a passage made of one or more sentence spans, in order."""
    return [token for start, end in spans for token in tokenize(text, start, end)]


def _identity(token: Token) -> str:
    """What two tokens must share to be matched; punctuation matches only itself (folded)."""
    return cosmetic_key(token.text) or fold_punctuation(token.text)


def _codes(tokens_a: list[Token], tokens_b: list[Token]) -> tuple[list[int], list[int]]:
    ids: dict[str, int] = {}
    code_a = [ids.setdefault(_identity(t), len(ids)) for t in tokens_a]
    code_b = [ids.setdefault(_identity(t), len(ids)) for t in tokens_b]
    return code_a, code_b


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
    cosmetic = _keys(tokens_a[lo_a:hi_a]) == _keys(tokens_b[lo_b:hi_b])
    return Change(tag, a[0], a[1], b[0], b[1], cosmetic)


def _respelled(tokens_a: list[Token], tokens_b: list[Token], opcode: Opcode) -> list[Change]:
    """Cosmetic changes inside a block matched by key: runs of tokens spelled differently."""
    changes: list[Change] = []
    run_start = None
    length = opcode.src_end - opcode.src_start
    for k in range(length + 1):
        differs = k < length and (
            tokens_a[opcode.src_start + k].text != tokens_b[opcode.dest_start + k].text
        )
        if differs and run_start is None:
            run_start = k
        elif not differs and run_start is not None:
            a0, b0 = opcode.src_start, opcode.dest_start
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


def diff_passage(
    text_a: str, spans_a: Sequence[Span], text_b: str, spans_b: Sequence[Span]
) -> tuple[Change, ...]:
    """Token changes between two aligned passages, in reading order.

    Indel has no substitution, so a rewritten word comes out as a delete next
    to an insert; every run of consecutive non-equal opcodes becomes one
    change (``replace`` when both sides have tokens).
    """
    tokens_a, tokens_b = passage_tokens(text_a, spans_a), passage_tokens(text_b, spans_b)
    fallback = (spans_a[0][0] if spans_a else 0, spans_b[0][0] if spans_b else 0)
    code_a, code_b = _codes(tokens_a, tokens_b)
    changes: list[Change] = []
    pending: list[int] | None = None  # [lo_a, hi_a, lo_b, hi_b] of the run being merged
    for op in Indel.opcodes(code_a, code_b):
        if op.tag == "equal":
            if pending:
                changes.append(_change(tokens_a, tokens_b, pending, fallback))
                pending = None
            changes.extend(_respelled(tokens_a, tokens_b, op))
            continue
        if pending is None:
            pending = [op.src_start, op.src_end, op.dest_start, op.dest_end]
        else:
            pending[1], pending[3] = op.src_end, op.dest_end
    if pending:
        changes.append(_change(tokens_a, tokens_b, pending, fallback))
    return tuple(changes)
