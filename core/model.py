"""The engine's shared vocabulary: small immutable records.

Every offset is a Python ``str`` index into ``Article.text`` — the text the
user sees — so any stage, the store, the window and the report can point at
the same characters without re-deriving anything.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import NamedTuple

Span = tuple[int, int]


@dataclass(frozen=True)
class Article:
    """One news article as the user will read it."""

    text: str
    title: str = ""
    source: str = ""  # outlet / site name
    path: str = ""
    author: str = ""
    published: str = ""  # ISO 8601 date ("2022-01-27") or "" when unknown
    url: str = ""
    fmt: str = "txt"  # txt | md | html
    boilerplate: tuple[Span, ...] = ()
    raw: bytes | None = field(default=None, repr=False, compare=False)


class Sentence(NamedTuple):
    """A sentence's character span, its paragraph and whether it is site furniture."""

    start: int
    end: int
    paragraph: int
    boilerplate: bool = False


class Token(NamedTuple):
    text: str
    start: int
    end: int


class Change(NamedTuple):
    """A token-level difference inside one aligned passage (meld's DiffChunk in spirit).

    ``tag`` is ``replace``, ``delete`` (only in A) or ``insert`` (only in B);
    an empty side has ``start == end`` at the position where text would go.
    """

    tag: str
    a_start: int
    a_end: int
    b_start: int
    b_end: int
    cosmetic: bool = False


class Alignment(NamedTuple):
    """Passages of A and B that report the same thing (1-1, 1-n or n-1 sentences).

    Primary alignments read the two articles one to one: the bands, the
    scroll sync and the token diff follow them. The others (``primary`` off)
    are claim links, one sentence each side, where a sentence restates a
    clause of another that is already aligned elsewhere or shares too few
    words for a passage; their ``score`` is the link model's probability.
    """

    a: tuple[Span, ...]
    b: tuple[Span, ...]
    score: float
    changes: tuple[Change, ...] = ()
    primary: bool = True


KINDS = ("number", "date", "quote", "attribution", "negation", "entity", "wording", "omission")
SEVERITIES = ("high", "medium", "low")

#: What readers see for each kind, in the window and in the report alike.
KIND_LABELS = {
    "number": "Number",
    "date": "Date",
    "quote": "Quote",
    "attribution": "Attribution",
    "negation": "Negation",
    "entity": "Name",
    "wording": "Wording",
    "omission": "Omission",
}


class Discrepancy(NamedTuple):
    """A typed divergence a fact-checker should look at.

    ``id`` is a fingerprint of the kind and the normalised texts, not an index,
    so re-comparing finds the same id and annotations stay attached.
    """

    id: str
    kind: str
    severity: str
    summary: str
    a: Span | None
    b: Span | None
    alignment: int | None = None


@dataclass(frozen=True)
class Comparison:
    """Everything the engine says about one pair of articles."""

    a: Article
    b: Article
    similarity: float
    alignments: tuple[Alignment, ...]
    unaligned_a: tuple[Span, ...]
    unaligned_b: tuple[Span, ...]
    discrepancies: tuple[Discrepancy, ...] = ()
