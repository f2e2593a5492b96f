"""Build an event's fact table from its articles with the engine's own fact matching.

Every pair of the event's articles is matched the way a comparison matches
facts — figures by what they count (``paired_figures``), days by the
happening they date (``paired_days``), quotations by their words
(``matched_quotes``) — and each match links two cells. Linked cells form a
row, one cell per article at most: a link that would give a row two facts of
one article is dropped (article A's toll matched to B's, B's to C's and C's to
a second figure of A). A row disagrees when two of its cells conflict by the
rule the comparison would flag them with. Credits ride on claims: a row of a
figure or a quotation reported by several articles gets a row of whom each
article credits it to, compared like ``attribution_conflicts`` compares them.
"""

from __future__ import annotations

import functools
import hashlib
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from itertools import combinations
from pathlib import Path
from typing import NamedTuple

from core.discrepancies.claims import clause_span
from core.discrepancies.date_conflicts import day_index, days_conflict, paired_days, stated_days
from core.discrepancies.date_matching import same_time
from core.discrepancies.find import read_links
from core.discrepancies.number_conflicts import paired_figures
from core.discrepancies.quantity_agreement import agree, telling, unit_key
from core.discrepancies.quote_conflicts import (
    QuoteWords,
    matched_quotes,
    quote_conflicts,
    quote_words,
)
from core.discrepancies.roles import role_of
from core.discrepancies.side import Side, build_side
from core.discrepancies.sources import Credits, conflicting_sources
from core.discrepancies.subject import ALIGNED_BONUS, aligned_sentences, context, match_pairs
from core.discrepancies.text import one_line
from core.events.fact_table.table_records import ROW_KINDS, Cell, Column, EventTable, Row
from core.facts import extract_facts
from core.facts.fact_records import Attribution, DateRef, Quantity, Quote
from core.model import Alignment, Article
from core.text.segment import article_sentences

Fact = Quantity | DateRef | Quote
#: Shared clause words (plus the aligned bonus) that make two clock times one moment.
TIME_MIN_SCORE = 2.0
LABEL_CHARS = 60
CELL_CHARS = 160


class _Node(NamedTuple):
    column: int
    kind: str
    fact: Fact


@functools.lru_cache(maxsize=64)
def _side(article: Article) -> Side:
    """An article as the finders see it, read once however many tables it is in."""
    sentences = article_sentences(article.text, article.boilerplate)
    return build_side(article, extract_facts(article, sentences))


def forget_articles() -> None:
    """Drop remembered articles, so a benchmark times reading them, not a lookup."""
    _side.cache_clear()


def column_label(article: Article, article_id: int) -> str:
    """ "Outlet · date": the outlet, else the file name without suffix, else the title."""
    name = article.source or Path(article.path).stem or one_line(article.title, 40)
    name = name or f"Article {article_id}"
    return f"{name} · {article.published}" if article.published else name


def build_event_table(
    articles: Sequence[Article],
    article_ids: Sequence[int] | None = None,
    *,
    alignments: Mapping[tuple[int, int], Sequence[Alignment]] | None = None,
    decisions: Mapping[str, str] | None = None,
    event_id: int | None = None,
    label: str = "",
) -> EventTable:
    """The fact table of one event.

    ``article_ids`` name the articles (their position when omitted);
    ``alignments`` may hold a cached comparison's alignments under
    ``(a_id, b_id)`` (A first), which let figures and days of aligned sentences
    meet as the comparison lets them; ``decisions`` maps a row key to
    ``accepted`` or ``split``. Columns are ordered by publication date.
    """
    ids = list(article_ids) if article_ids is not None else list(range(len(articles)))
    if len(ids) != len(articles):
        raise ValueError("one id per article")
    order = sorted(range(len(articles)), key=lambda k: _published_key(articles[k], ids[k]))
    arts = [articles[k] for k in order]
    ids = [ids[k] for k in order]
    sides = [_side(a) for a in arts]
    extras = [_Extra(side) for side in sides]
    columns = tuple(Column(i, column_label(a, i)) for a, i in zip(arts, ids, strict=True))
    groups = _Groups()
    for column, side in enumerate(sides):
        for node in _candidates(column, side):
            groups.add(node)
    for i, j in combinations(range(len(sides)), 2):
        aligned = _aligned(sides, ids, i, j, alignments or {})
        for kind, x, y in _links(extras[i], extras[j], aligned):
            groups.link(_Node(i, kind, x), _Node(j, kind, y))
    rows = []
    for members in groups.components():
        row = _row(members, sides, extras)
        rows.append(row)
        credit = _credit_row(row, members, sides, extras)
        if credit is not None:
            rows.append(credit)
    rows = _decided(rows, decisions or {})
    rows.sort(key=_rank)
    return EventTable(event_id, label, columns, tuple(rows))


def _published_key(article: Article, article_id: int) -> tuple[bool, str, int]:
    return (not article.published, article.published, article_id)


def _aligned(
    sides: Sequence[Side],
    ids: Sequence[int],
    i: int,
    j: int,
    alignments: Mapping[tuple[int, int], Sequence[Alignment]],
) -> set[tuple[int, int]]:
    if (ids[i], ids[j]) in alignments:
        return aligned_sentences(sides[i], sides[j], _read(alignments[(ids[i], ids[j])]))
    if (ids[j], ids[i]) in alignments:
        flipped = aligned_sentences(sides[j], sides[i], _read(alignments[(ids[j], ids[i])]))
        return {(a, b) for b, a in flipped}
    return set()


def _read(alignments: Sequence[Alignment]) -> list[Alignment]:
    """The links the comparison's finders read: a faint one ties no figures here either."""
    return [alignments[k] for k in read_links(alignments)]


# --- what can be a cell ------------------------------------------------------------


def _candidates(column: int, side: Side) -> list[_Node]:
    """Every fact of one article that may fill a cell (also the ones no other article has)."""
    nodes = [
        _Node(column, "figure", q)
        for q in side.facts.quantities
        if not _in_boilerplate(side, q.sentence) and telling(side.text, q)
    ]
    nodes += [_Node(column, "date", d) for d in stated_days(side)]
    nodes += [_Node(column, "time", d) for d in _times(side)]
    nodes += [_Node(column, "quote", q) for q in side.facts.quotes if not q.short]
    return nodes


def _in_boilerplate(side: Side, sentence: int) -> bool:
    return (
        bool(side.sentences) and side.sentences[min(sentence, len(side.sentences) - 1)].boilerplate
    )


def _times(side: Side) -> list[DateRef]:
    return [
        d for d in side.facts.dates if d.kind == "time" and not _in_boilerplate(side, d.sentence)
    ]


# --- links between two articles ----------------------------------------------------


def _links(ea: _Extra, eb: _Extra, aligned: set[tuple[int, int]]) -> list[tuple[str, Fact, Fact]]:
    sa, sb = ea.side, eb.side
    links: list[tuple[str, Fact, Fact]] = [
        ("figure", x, y) for x, y in paired_figures(sa, sb, aligned)
    ]
    days = paired_days(sa, sb, aligned, ea.day_index, eb.day_index)
    links += [("date", x, y) for x, y in days]
    links += [("time", x, y) for x, y in _paired_times(sa, sb, aligned)]
    links += [("quote", x.quote, y.quote) for x, y in matched_quotes(sa, sb)]
    return links


def _paired_times(
    sa: Side, sb: Side, aligned: set[tuple[int, int]]
) -> list[tuple[DateRef, DateRef]]:
    """Clock times told of one moment: the words of their clauses, or aligned sentences."""
    ta, tb = _times(sa), _times(sb)
    if not ta or not tb:
        return []
    ctx_a = {t: context(sa, t.start, t.end) for t in ta}
    ctx_b = {t: context(sb, t.start, t.end) for t in tb}

    def score(x: DateRef, y: DateRef) -> float:
        bonus = ALIGNED_BONUS if (x.sentence, y.sentence) in aligned else 0.0
        return len(ctx_a[x] & ctx_b[y]) + bonus

    return [(x, y) for x, y, _ in match_pairs(ta, tb, score, TIME_MIN_SCORE)]


class _Extra:
    """What the conflict rules ask of one article again and again, worked out once."""

    def __init__(self, side: Side) -> None:
        self.side = side
        self.day_index = day_index(side)
        self.days = [ref for ref, _ in self.day_index.dated]
        self.credits = Credits(side.facts.attributions)
        self._quote_words: dict[Quote, QuoteWords] = {}

    def quote_words(self, quote: Quote) -> QuoteWords:
        if quote not in self._quote_words:
            self._quote_words[quote] = quote_words(self.side, quote)
        return self._quote_words[quote]


class _Groups:
    """Union-find over facts that never puts two facts of one article in one row."""

    def __init__(self) -> None:
        self._parent: dict[_Node, _Node] = {}
        self._columns: dict[_Node, set[int]] = {}
        self._order: list[_Node] = []

    def add(self, node: _Node) -> None:
        if node not in self._parent:
            self._parent[node] = node
            self._columns[node] = {node.column}
            self._order.append(node)

    def _root(self, node: _Node) -> _Node:
        while self._parent[node] is not node:
            self._parent[node] = self._parent[self._parent[node]]
            node = self._parent[node]
        return node

    def link(self, x: _Node, y: _Node) -> None:
        self.add(x)
        self.add(y)
        rx, ry = self._root(x), self._root(y)
        if rx is ry or self._columns[rx] & self._columns[ry]:
            return
        self._parent[ry] = rx
        self._columns[rx] |= self._columns.pop(ry)

    def components(self) -> list[list[_Node]]:
        found: dict[_Node, list[_Node]] = {}
        for node in self._order:
            found.setdefault(self._root(node), []).append(node)
        return [sorted(members, key=lambda n: n.column) for members in found.values()]


# --- rows ----------------------------------------------------------------------------


def _row(members: list[_Node], sides: Sequence[Side], extras: Sequence[_Extra]) -> Row:
    kind = members[0].kind
    cells: list[Cell | None] = [None] * len(sides)
    for node in members:
        cells[node.column] = _cell(node, sides[node.column])
    conflicts = _conflicts(members, extras, _CONFLICT[kind])
    return Row(
        key=_key(kind, members, sides),
        kind=kind,
        label=_label(members, sides),
        cells=tuple(cells),
        disagree=bool(conflicts),
        conflicts=frozenset(conflicts),
    )


def _cell(node: _Node, side: Side) -> Cell:
    fact = node.fact
    detail = ""
    if isinstance(fact, Quote):
        detail = fact.speaker or ""
    return Cell(one_line(fact.text, CELL_CHARS), fact.start, fact.end, detail)


def _conflicts(
    members: list[_Node],
    extras: Sequence[_Extra],
    conflict: Callable[[_Extra, Fact, _Extra, Fact], bool],
) -> set[int]:
    """The columns that tell it otherwise: "275 · 275 · 238" marks only the 238.

    A cell is marked when it contradicts more cells of the row than it agrees
    with; when no cell does (two cells, or an even split), every cell in a
    contradiction is.
    """
    against: Counter[int] = Counter()
    along: Counter[int] = Counter()
    for x, y in combinations(members, 2):
        tally = against if conflict(extras[x.column], x.fact, extras[y.column], y.fact) else along
        tally[x.column] += 1
        tally[y.column] += 1
    odd = {c for c in against if against[c] > along[c]}
    return odd or set(against)


def _figures_conflict(ea: _Extra, x: Fact, eb: _Extra, y: Fact) -> bool:
    return not agree(x, y)  # type: ignore[arg-type]


def _days_conflict(ea: _Extra, x: Fact, eb: _Extra, y: Fact) -> bool:
    return days_conflict(x, y, ea.days, eb.days)  # type: ignore[arg-type]


def _times_conflict(ea: _Extra, x: Fact, eb: _Extra, y: Fact) -> bool:
    return same_time(x, y) is False  # type: ignore[arg-type]


def _quotes_conflict(ea: _Extra, x: Fact, eb: _Extra, y: Fact) -> bool:
    pair = (ea.quote_words(x), eb.quote_words(y))  # type: ignore[arg-type]
    return bool(quote_conflicts(ea.side, eb.side, [pair]))


_CONFLICT: dict[str, Callable[[_Extra, Fact, _Extra, Fact], bool]] = {
    "figure": _figures_conflict,
    "date": _days_conflict,
    "time": _times_conflict,
    "quote": _quotes_conflict,
}


def _key(kind: str, members: Sequence[_Node], sides: Sequence[Side], extra: str = "") -> str:
    """A fingerprint of the row's cells: the same facts give the same key next time."""
    parts = [kind, extra] + [
        f"{_article_key(sides[n.column])}:{n.fact.start}-{n.fact.end}" for n in members
    ]
    return hashlib.sha1("|".join(parts).encode("utf-8")).hexdigest()[:12]


def _article_key(side: Side) -> str:
    return _text_digest(side.article.text)


@functools.lru_cache(maxsize=256)
def _text_digest(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:10]


def _label(members: Sequence[_Node], sides: Sequence[Side]) -> str:
    kind = members[0].kind
    first = members[0]
    side = sides[first.column]
    if kind == "figure":
        return _figure_label(members, sides)
    if kind == "quote":
        speakers = Counter(n.fact.speaker for n in members if n.fact.speaker)  # type: ignore[union-attr]
        who = speakers.most_common(1)[0][0] if speakers else "unattributed"
        return one_line(f"{who}: “{first.fact.text}”", LABEL_CHARS)
    start, end = clause_span(side, (first.fact.start, first.fact.end))
    return one_line(side.text[start:end], LABEL_CHARS)


def _figure_label(members: Sequence[_Node], sides: Sequence[Side]) -> str:
    """What the figures count: their role and unit ("dead · people"), else their clause."""
    roles = Counter(r for n in members if (r := role_of(sides[n.column], n.fact)))  # type: ignore[arg-type]
    units = Counter(u for n in members if (u := unit_key(n.fact)))  # type: ignore[arg-type]
    role = roles.most_common(1)[0][0] if roles else ""
    unit = units.most_common(1)[0][0] if units else ""
    if role:
        return f"{role} · {unit}" if unit and unit != role else role
    first = members[0]
    side = sides[first.column]
    start, end = clause_span(side, (first.fact.start, first.fact.end))
    clause = one_line(side.text[start:end], LABEL_CHARS)
    return f"{unit}: {clause}" if unit else clause


# --- credits -------------------------------------------------------------------------


def _credit_row(
    row: Row, members: list[_Node], sides: Sequence[Side], extras: Sequence[_Extra]
) -> Row | None:
    """Whom each article credits the row's claim to, when several articles report it."""
    if row.kind not in ("figure", "quote") or len(members) < 2:
        return None
    credited = {
        n.column: [
            f
            for f in sides[n.column].facts.attributions
            if f.sentence == n.fact.sentence and f.source_key
        ]
        for n in members
    }
    if not any(credited.values()):
        return None
    cells: list[Cell | None] = [None] * len(sides)
    for column, found in credited.items():
        if found:
            cells[column] = Cell(
                one_line("; ".join(dict.fromkeys(f.source for f in found)), CELL_CHARS),
                found[0].start,
                found[-1].end,
                ", ".join(dict.fromkeys(f.cue for f in found if f.cue)),
            )
    conflicts = _credit_conflicts(credited, extras)
    return Row(
        key=_key("credit", members, sides, row.key),
        kind="credit",
        label=one_line(f"{row.label}", LABEL_CHARS),
        cells=tuple(cells),
        disagree=bool(conflicts),
        conflicts=frozenset(conflicts),
    )


def _credit_conflicts(credited: dict[int, list[Attribution]], extras: Sequence[_Extra]) -> set[int]:
    against: Counter[int] = Counter()
    along: Counter[int] = Counter()
    for i, j in combinations(sorted(c for c in credited if credited[c]), 2):
        credits = (extras[i].credits, extras[j].credits)
        differ = conflicting_sources(credited[i], credited[j], credits) is not None
        tally = against if differ else along
        tally[i] += 1
        tally[j] += 1
    odd = {c for c in against if against[c] > along[c]}
    return odd or set(against)


# --- decisions and order -------------------------------------------------------------


def _decided(rows: list[Row], decisions: Mapping[str, str]) -> list[Row]:
    """Apply reviewers' decisions: an accepted row says so, a split row becomes one
    row per article (none of them disagreeing: they are no longer one fact)."""
    out: list[Row] = []
    for row in rows:
        decision = decisions.get(row.key, "")
        if decision == "split" and row.reported_by > 1:
            for column, cell in enumerate(row.cells):
                if cell is None:
                    continue
                cells = tuple(c if k == column else None for k, c in enumerate(row.cells))
                out.append(
                    row._replace(
                        key=f"{row.key}.{column}",
                        cells=cells,
                        disagree=False,
                        conflicts=frozenset(),
                        decision="split",
                        group=row.key,
                    )
                )
        elif decision == "accepted":
            out.append(row._replace(decision="accepted"))
        else:
            out.append(row)
    return out


def _rank(row: Row) -> tuple:
    first = row.first_cell()
    start = row.cells[first].start if first is not None else 0  # type: ignore[union-attr]
    return (not row.disagree, -row.reported_by, ROW_KINDS.index(row.kind), first or 0, start)
