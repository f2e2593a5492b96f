"""The left-hand tree: events, their articles and their pairs.

It shows plain records handed to it by the window (``ArticleInfo``,
``EventInfo``, ``PairInfo``) and never talks to the project itself; what the
user asks for leaves as ``…Requested`` signals, so the window decides what
opening or removing a pair means.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QItemSelectionModel, QModelIndex, QPoint, Qt, Signal
from PySide6.QtGui import QAction, QFont, QPainter, QPaintEvent, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QMenu, QTreeView, QWidget

from core.events.fact_table import MIN_ARTICLES
from gui import icons

KIND_ROLE = Qt.ItemDataRole.UserRole + 1
ID_ROLE = Qt.ItemDataRole.UserRole + 2

FILLED_ROLE = Qt.ItemDataRole.UserRole + 3

EVENT, ARTICLE, PAIR, GROUP = "event", "article", "pair", "group"
UNGROUPED_LABEL = "Not grouped"
#: Up to this many rows, every group starts expanded; beyond, they fill on demand.
EAGER_ROWS = 400


@dataclass
class Group:
    """One top-level row: an event (or the not-grouped rest) and what belongs to it."""

    key: str
    label: str
    kind: str
    ident: int | None
    articles: list
    pairs: list


def _ordered(pairs: list, articles: dict) -> list:
    """Pairs by their articles' dates and titles: the same order after compare and reopening."""
    def key(pair) -> tuple:
        a, b = articles.get(pair.a_id), articles.get(pair.b_id)
        return (*article_order(a), *article_order(b), pair.id)

    return sorted(pairs, key=key)


def article_order(info) -> tuple:
    """Dated before undated, then by date, then by title (as a reader would file them)."""
    if info is None:
        return (True, "", "", 0)
    published = info.published or ""
    return (not published, published, (info.title or side_name(info)).casefold(), info.id)


def _totals(pairs: list) -> tuple[int, int]:
    """An event's counts: only of pairs whose counts are shown (stale results are not)."""
    shown = [p for p in pairs if p.compared]
    return sum(p.n_open for p in shown), sum(p.n_confirmed for p in shown)


def short_date(published: str) -> str:
    """ "2025-03-14" → "14 Mar 2025"; anything else as given."""
    try:
        day = dt.date.fromisoformat((published or "")[:10])
    except ValueError:
        return published or ""
    return f"{day.day} {day:%b %Y}"


def side_name(info) -> str:
    """The outlet, else the file's stem exactly as saved (never re-cased), else the id."""
    if info.source:
        return info.source
    stem = Path(info.path).stem if info.path else ""
    return stem or f"#{info.id}"


def article_label(info) -> str:
    """"Outlet · 14 Mar 2025 · Title", each part left out when unknown."""
    title = info.title if info.title and info.title != side_name(info) else ""
    parts = (side_name(info), short_date(info.published), title)
    return " · ".join(part for part in parts if part)


def short_name(info) -> str:
    """Outlet (or file stem) and date: short enough for "A ↔ B" in a message."""
    return " · ".join(p for p in (side_name(info), short_date(info.published)) if p)


def reading_order(info) -> tuple[bool, str, int]:
    """Sort key putting the earlier-published article first (undated last), then the earlier-imported.

    The same rule orients the pairs the engine suggests, so article A is the
    left pane's original report in every pair, suggested or made by hand.
    """
    published = info.published or ""
    return (not published, published, info.id)


def pair_label(pair, articles: dict) -> str:
    """Name a pair in one line by its two articles' outlets and dates, A ↔ B."""
    def side(article_id: int) -> str:
        info = articles.get(article_id)
        return short_name(info) if info is not None else f"#{article_id}"

    return f"{side(pair.a_id)} ↔ {side(pair.b_id)}"


def pair_row_text(pair, articles: dict) -> str:
    """The tree's two-line name of a pair: each article in full, so no two pairs look alike."""
    def side(article_id: int) -> str:
        info = articles.get(article_id)
        return article_label(info) if info is not None else f"#{article_id}"

    return f"{side(pair.a_id)}\n↔ {side(pair.b_id)}"


def _count_cell(value: int | None, tip: str) -> QStandardItem:
    item = QStandardItem("" if value is None else str(value))
    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    item.setToolTip(tip)
    item.setEditable(False)
    return item


def _node(text: str, kind: str, ident: int | None, tip: str = "") -> QStandardItem:
    item = QStandardItem(text)
    item.setData(kind, KIND_ROLE)
    item.setData(ident, ID_ROLE)
    item.setEditable(False)
    item.setToolTip(tip or text)
    return item


class ProjectBrowser(QTreeView):
    """Events → articles and pairs; selecting a pair asks the window to open it."""

    pairOpenRequested = Signal(int)
    addPairRequested = Signal(int, int)
    removePairRequested = Signal(int)
    factTableRequested = Signal(int)
    selectionChangedTo = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._model = QStandardItemModel(self)
        self._set_headers()
        self.setModel(self._model)
        self.setObjectName("projectBrowser")
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setUniformRowHeights(False)  # pairs take two lines, one per article
        self.setAnimated(False)
        self.setAlternatingRowColors(False)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.customContextMenuRequested.connect(self._show_menu)
        header = self.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in (1, 2):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self._pair_items: dict[int, QStandardItem] = {}
        self._articles: dict[int, object] = {}
        self._revisions: dict[int, object] = {}  # revision's article id -> RevisionInfo
        self._menu_actions: list[QAction] = []
        self._quiet = False
        self._groups: list[Group] = []
        self._pair_order: list[int] = []
        self._group_of_pair: dict[int, int] = {}
        #: Said in the empty tree: what to do first (set by the window).
        self.empty_text = ""
        self.selectionModel().selectionChanged.connect(self._on_selection)
        self.activated.connect(self._on_activated)
        self.expanded.connect(self._on_expanded)

    def _set_headers(self) -> None:
        """Count columns get a status icon instead of a word, leaving room for names."""
        self._model.setHorizontalHeaderItem(0, QStandardItem("Events, articles and pairs"))
        for column, status, tip in ((1, "open", "Open discrepancies"),
                                    (2, "confirmed", "Confirmed discrepancies")):
            item = QStandardItem(icons.status(status), "")
            item.setToolTip(tip)
            self._model.setHorizontalHeaderItem(column, item)

    def set_empty_text(self, text: str) -> None:
        if text != self.empty_text:
            self.empty_text = text
            self.viewport().update()

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt override
        super().paintEvent(event)
        if self._model.rowCount() == 0 and self.empty_text:
            painter = QPainter(self.viewport())
            painter.setPen(self.palette().color(self.palette().ColorRole.PlaceholderText))
            painter.drawText(self.viewport().rect().adjusted(12, 16, -12, -12),
                             Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop
                             | Qt.TextFlag.TextWordWrap, self.empty_text)
            painter.end()

    # -- filling ----------------------------------------------------------
    def set_context_actions(self, actions: Sequence[QAction]) -> None:
        """The shared actions offered by the context menu (add/remove pair…)."""
        self._menu_actions = list(actions)

    def clear(self) -> None:
        self._quiet = True
        self._model.removeRows(0, self._model.rowCount())
        self._pair_items.clear()
        self._articles.clear()
        self._revisions.clear()
        self._groups.clear()
        self._pair_order.clear()
        self._group_of_pair.clear()
        self._quiet = False

    def populate(self, events: Iterable, articles: Iterable, pairs: Iterable,
                 revisions: Iterable = ()) -> None:
        """Rebuild the tree, keeping the current pair selected without re-opening it.

        ``revisions`` (``RevisionInfo``) are later versions of fetched articles:
        each shows under its original with a badge saying when it changed and
        how much.

        Only groups that are (or were) expanded get their rows now; the others
        fill in when opened, so a project of thousands of articles refreshes
        in a blink.
        """
        keep = self.current_pair_id()
        expanded = self._expanded_groups()
        self.clear()
        self._quiet = True
        self.setUpdatesEnabled(False)
        try:
            self._articles = {a.id: a for a in articles}
            self._revisions = {r.article_id: r for r in revisions}
            self._groups = self._grouped(list(events), list(pairs))
            open_all = not expanded and sum(len(g.articles) + len(g.pairs)
                                            for g in self._groups) <= EAGER_ROWS
            for index, group in enumerate(self._groups):
                self._pair_order.extend(p.id for p in group.pairs)
                self._group_of_pair.update((p.id, index) for p in group.pairs)
                head = self._group_row(group)
                if open_all or group.key in expanded:
                    self._fill(index)
                    self.setExpanded(head.index(), True)
            if keep is not None:
                self.select_pair(keep, emit=False)
        finally:
            self.setUpdatesEnabled(True)
            self._quiet = False

    def _grouped(self, events: list, pairs: list) -> list[Group]:
        """Events in order, then whatever belongs to none; pairs most-to-check first."""
        by_event: dict[int | None, list] = {}
        for pair in pairs:
            by_event.setdefault(pair.event_id, []).append(pair)
        member_of = {aid: event.id for event in events for aid in event.article_ids}
        loose_pairs = []
        for pair in by_event.pop(None, []):
            event_id = member_of.get(pair.a_id)
            if event_id is not None and member_of.get(pair.b_id) == event_id:
                by_event.setdefault(event_id, []).append(pair)
            else:
                loose_pairs.append(pair)
        groups = []
        for event in sorted(events, key=self._event_order):
            own = by_event.pop(event.id, [])
            groups.append(Group(
                f"{EVENT}:{event.id}", event.label or f"Event {event.id}", EVENT, event.id,
                sorted((self._articles[i] for i in event.article_ids if i in self._articles),
                       key=article_order),
                _ordered(own, self._articles)))
        loose_pairs += [p for rest in by_event.values() for p in rest]
        loose_articles = sorted((a for i, a in self._articles.items() if i not in member_of),
                                key=article_order)
        if loose_articles or loose_pairs:
            groups.append(Group(f"{GROUP}:", UNGROUPED_LABEL, GROUP, None, loose_articles,
                                _ordered(loose_pairs, self._articles)))
        return groups

    def _event_order(self, event) -> tuple:
        """Events by their earliest article, then in the order they were made."""
        members = [self._articles[i] for i in event.article_ids if i in self._articles]
        first = min((article_order(a) for a in members), default=(True, "", "", 0))
        return (*first[:2], event.id)

    def _group_row(self, group: Group) -> QStandardItem:
        head = _node(group.label, group.kind, group.ident,
                     f"{group.label}\n{len(group.articles)} articles, {len(group.pairs)} pairs")
        head.setIcon(icons.event())
        font = QFont(head.font())
        font.setBold(True)
        head.setFont(font)
        if group.articles or group.pairs:
            head.appendRow(QStandardItem())  # placeholder: shows the expand arrow
        n_open, n_conf = _totals(group.pairs)
        self._model.appendRow([head, _count_cell(n_open or None, "Open discrepancies"),
                               _count_cell(n_conf or None, "Confirmed discrepancies")])
        return head

    def _fill(self, index: int) -> QStandardItem:
        """Create a group's article and pair rows (once)."""
        head = self._model.item(index, 0)
        if head.data(FILLED_ROLE):
            return head
        group = self._groups[index]
        items = {info.id: self._article_item(info) for info in group.articles}
        nested = self._nest_revisions(items)
        rows = [[items[info.id], _count_cell(None, ""), _count_cell(None, "")]
                for info in group.articles if info.id not in nested]
        rows += [self._pair_row(pair) for pair in group.pairs]
        head.removeRows(0, head.rowCount())
        for row in rows:
            head.appendRow(row)
        for original_id in set(nested.values()):
            self.setExpanded(items[original_id].index(), True)
        head.setData(True, FILLED_ROLE)
        return head

    def _nest_revisions(self, items: dict[int, QStandardItem]) -> dict[int, int]:
        """Put each revision under its original (else its previous version) when that is here.

        Returns ``{revision id: id of the row it went under}``.
        """
        nested: dict[int, int] = {}
        for article_id, revision in sorted(self._revisions.items()):
            if article_id not in items:
                continue
            parent = next((i for i in (revision.original_id, revision.revision_of)
                           if i in items and i != article_id and i not in nested), None)
            if parent is not None:
                items[parent].appendRow(
                    [items[article_id], _count_cell(None, ""), _count_cell(None, "")])
                nested[article_id] = parent
        return nested

    def _on_expanded(self, index: QModelIndex) -> None:
        if index.isValid() and not index.parent().isValid():
            self._fill(index.row())

    def _article_item(self, info) -> QStandardItem:
        tip = "\n".join(part for part in (
            info.title, info.source, info.author, info.published, info.url,
            f"{info.n_chars:,} characters") if part)
        revision = self._revisions.get(info.id)
        if revision is None:
            item = _node(article_label(info), ARTICLE, info.id, tip)
            item.setIcon(icons.article())
            return item
        # The badge first: under its original, when and how much it changed is the news.
        text = f"{revision.badge()}\n{article_label(info)}"
        item = _node(text, ARTICLE, info.id, f"{tip}\nA later version of article {revision.revision_of}, "
                     f"fetched {revision.changed_at}: {revision.badge()}")
        item.setIcon(icons.revision())
        return item

    def _pair_row(self, pair) -> list[QStandardItem]:
        item = _node(pair_row_text(pair, self._articles), PAIR, pair.id, self._pair_tip(pair))
        item.setIcon(icons.pair())
        if not pair.compared:
            font = QFont(item.font())
            font.setItalic(True)
            item.setFont(font)
        self._pair_items[pair.id] = item
        return [item,
                _count_cell(pair.n_open if pair.compared else None, "Open discrepancies"),
                _count_cell(pair.n_confirmed if pair.compared else None,
                            "Confirmed discrepancies")]

    def _pair_tip(self, pair) -> str:
        a = self._articles.get(pair.a_id)
        b = self._articles.get(pair.b_id)
        lines = [f"A: {article_label(a) if a else pair.a_id}",
                 f"B: {article_label(b) if b else pair.b_id}"]
        if pair.compared:
            lines.append(f"{pair.n_discrepancies} discrepancies: {pair.n_open} open, "
                         f"{pair.n_confirmed} confirmed")
        elif getattr(pair, "stale", False):
            lines.append("Compared by an earlier version of FactDiff: "
                         "opening it compares the articles again")
        else:
            lines.append("Not compared yet: opening it compares the articles")
        return "\n".join(lines)

    def update_pair(self, pair) -> None:
        """Refresh one pair's counts in place (after an annotation edit)."""
        index = self._group_of_pair.get(pair.id)
        if index is None:
            return
        group = self._groups[index]
        group.pairs[:] = [pair if p.id == pair.id else p for p in group.pairs]
        n_open, n_conf = _totals(group.pairs)
        self._model.item(index, 1).setText(str(n_open) if n_open else "")
        self._model.item(index, 2).setText(str(n_conf) if n_conf else "")
        item = self._pair_items.get(pair.id)
        if item is None:
            return
        head = self._model.item(index, 0)
        row = item.row()
        item.setText(pair_row_text(pair, self._articles))
        item.setToolTip(self._pair_tip(pair))
        font = QFont(item.font())
        font.setItalic(not pair.compared)
        item.setFont(font)
        head.child(row, 1).setText(str(pair.n_open) if pair.compared else "")
        head.child(row, 2).setText(str(pair.n_confirmed) if pair.compared else "")

    # -- queries ------------------------------------------------------------
    def pair_ids(self) -> list[int]:
        """Pairs in the order shown, for next/previous pair."""
        return list(self._pair_order)

    def current_pair_id(self) -> int | None:
        index = self.currentIndex()
        if not index.isValid():
            return None
        item = self._model.itemFromIndex(index.siblingAtColumn(0))
        if item is not None and item.data(KIND_ROLE) == PAIR:
            return int(item.data(ID_ROLE))
        return None

    def selected_article_ids(self) -> list[int]:
        return self._selected(ARTICLE)

    def selected_pair_ids(self) -> list[int]:
        return self._selected(PAIR)

    def _selected(self, kind: str) -> list[int]:
        ids = []
        for index in self.selectionModel().selectedIndexes():
            if index.column() != 0:
                continue
            item = self._model.itemFromIndex(index)
            if item is not None and item.data(KIND_ROLE) == kind:
                ids.append(int(item.data(ID_ROLE)))
        return ids

    def current_event_id(self) -> int | None:
        """The event of the selected (else the current) row: the event itself, or the one
        its article or pair is in."""
        selected = [i for i in self.selectionModel().selectedIndexes() if i.column() == 0]
        index = selected[0] if selected else self.currentIndex()
        if not index.isValid():
            return None
        head = index.siblingAtColumn(0)
        while head.parent().isValid():
            head = head.parent()
        item = self._model.itemFromIndex(head)
        if item is None or item.data(KIND_ROLE) != EVENT:
            return None
        return int(item.data(ID_ROLE))

    def event_size(self, event_id: int | None) -> int:
        """How many articles the event has (0 for none or an unknown event)."""
        group = next((g for g in self._groups if g.kind == EVENT and g.ident == event_id), None)
        return len(group.articles) if group is not None else 0

    def can_show_fact_table(self) -> bool:
        return self.event_size(self.current_event_id()) >= MIN_ARTICLES

    def request_fact_table(self) -> None:
        """Ask for the current event's fact table (an event of three or more articles)."""
        event_id = self.current_event_id()
        if event_id is not None and self.event_size(event_id) >= MIN_ARTICLES:
            self.factTableRequested.emit(event_id)

    def _expanded_groups(self) -> set[str]:
        return {group.key for row, group in enumerate(self._groups)
                if self.isExpanded(self._model.index(row, 0))}

    # -- selecting -----------------------------------------------------------
    def select_pair(self, pair_id: int, *, emit: bool = True) -> bool:
        """Make ``pair_id`` current; with ``emit`` the window is asked to open it."""
        group = self._group_of_pair.get(pair_id)
        if group is None:
            return False
        quiet, self._quiet = self._quiet, not emit
        self.setExpanded(self._fill(group).index(), True)
        item = self._pair_items[pair_id]
        try:
            index = item.index()
            self.scrollTo(index)
            self.selectionModel().setCurrentIndex(
                index,
                QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows,
            )
        finally:
            self._quiet = quiet
        return True

    def request_add_pair(self) -> None:
        """Ask for a pair of the two selected articles, A first whatever the click order."""
        ids = self.selected_article_ids()
        if len(ids) == 2:
            infos = [self._articles.get(i) for i in ids]
            if all(info is not None for info in infos):
                ids = [info.id for info in sorted(infos, key=reading_order)]
            self.addPairRequested.emit(ids[0], ids[1])

    def request_remove_pair(self) -> None:
        for pair_id in self.selected_pair_ids():
            self.removePairRequested.emit(pair_id)

    def can_add_pair(self) -> bool:
        return len(self.selected_article_ids()) == 2

    def can_remove_pair(self) -> bool:
        return bool(self.selected_pair_ids())

    def _on_selection(self, *_args) -> None:
        self.selectionChangedTo.emit()
        if self._quiet:
            return
        pairs = self.selected_pair_ids()
        current = self.current_pair_id()
        if current is not None and pairs == [current]:
            self.pairOpenRequested.emit(current)

    def _on_activated(self, index: QModelIndex) -> None:
        item = self._model.itemFromIndex(index.siblingAtColumn(0))
        if item is not None and item.data(KIND_ROLE) == PAIR:
            self.pairOpenRequested.emit(int(item.data(ID_ROLE)))

    def _show_menu(self, pos: QPoint) -> None:
        if not self._menu_actions:
            return
        index = self.indexAt(pos)
        if index.isValid() and not self.selectionModel().isSelected(index):
            self.selectionModel().select(
                index, QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows)
        menu = QMenu(self)
        for action in self._menu_actions:
            menu.addAction(action)
        menu.exec(self.viewport().mapToGlobal(pos))
