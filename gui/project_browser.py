"""The left-hand tree: events, their articles and their pairs.

It shows plain records handed to it by the window (``ArticleInfo``,
``EventInfo``, ``PairInfo``) and never talks to the project itself; what the
user asks for leaves as ``…Requested`` signals, so the window decides what
opening or removing a pair means.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path

from PySide6.QtCore import QItemSelectionModel, QModelIndex, QPoint, Qt, Signal
from PySide6.QtGui import QAction, QFont, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QMenu, QTreeView, QWidget

from gui import icons

KIND_ROLE = Qt.ItemDataRole.UserRole + 1
ID_ROLE = Qt.ItemDataRole.UserRole + 2

EVENT, ARTICLE, PAIR, GROUP = "event", "article", "pair", "group"
UNGROUPED_LABEL = "Not grouped"


def article_label(info) -> str:
    """"Outlet · date — Title": articles of one event share a headline, not an outlet."""
    title = info.title or "(untitled)"
    extras = " · ".join(part for part in (info.source, info.published) if part)
    return f"{extras} — {title}" if extras else title


def short_name(info) -> str:
    """The outlet, else the file's name, else the title: short enough for "A ↔ B"."""
    if info.source:
        return info.source
    stem = Path(info.path).stem if info.path else ""
    return stem.replace("-", " ").replace("_", " ").title() if stem else info.title or f"#{info.id}"


def pair_label(pair, articles: dict) -> str:
    """Name a pair by its two outlets (falling back to file names), A ↔ B."""
    def side(article_id: int) -> str:
        info = articles.get(article_id)
        return short_name(info) if info is not None else f"#{article_id}"

    return f"{side(pair.a_id)} ↔ {side(pair.b_id)}"


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
    selectionChangedTo = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._model = QStandardItemModel(self)
        self._set_headers()
        self.setModel(self._model)
        self.setObjectName("projectBrowser")
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setUniformRowHeights(True)
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
        self._menu_actions: list[QAction] = []
        self._quiet = False
        self.selectionModel().selectionChanged.connect(self._on_selection)
        self.activated.connect(self._on_activated)

    def _set_headers(self) -> None:
        """Count columns get a status icon instead of a word, leaving room for names."""
        self._model.setHorizontalHeaderItem(0, QStandardItem("Events, articles and pairs"))
        for column, status, tip in ((1, "open", "Open discrepancies"),
                                    (2, "confirmed", "Confirmed discrepancies")):
            item = QStandardItem(icons.status(status), "")
            item.setToolTip(tip)
            self._model.setHorizontalHeaderItem(column, item)

    # -- filling ----------------------------------------------------------
    def set_context_actions(self, actions: Sequence[QAction]) -> None:
        """The shared actions offered by the context menu (add/remove pair…)."""
        self._menu_actions = list(actions)

    def clear(self) -> None:
        self._quiet = True
        self._model.removeRows(0, self._model.rowCount())
        self._pair_items.clear()
        self._articles.clear()
        self._quiet = False

    def populate(self, events: Iterable, articles: Iterable, pairs: Iterable) -> None:
        """Rebuild the tree, keeping the current pair selected without re-opening it."""
        keep = self.current_pair_id()
        expanded = self._expanded_events()
        self.clear()
        self._quiet = True
        try:
            self._articles = {a.id: a for a in articles}
            pairs = list(pairs)
            placed: set[int] = set()
            for event in events:
                self._add_event(event, pairs, placed, expanded)
            self._add_ungrouped(pairs, placed)
            if keep is not None:
                self.select_pair(keep, emit=False)
        finally:
            self._quiet = False

    def _add_event(self, event, pairs: list, placed: set[int], expanded: set[str]) -> None:
        members = set(event.article_ids)
        own = [p for p in pairs if p.event_id == event.id
               or (p.event_id is None and {p.a_id, p.b_id} <= members)]
        # Most to check first; the count only changes when someone adds a discrepancy,
        # so the order stays put while annotating.
        own.sort(key=lambda p: (not p.compared, -p.n_discrepancies, p.id))
        row = self._group_row(event.label or f"Event {event.id}", EVENT, event.id,
                              [self._articles[i] for i in event.article_ids if i in self._articles],
                              own)
        placed.update(event.article_ids)
        placed.update(-p.id for p in own)
        key = f"{EVENT}:{event.id}"
        self.setExpanded(row.index(), not expanded or key in expanded)

    def _add_ungrouped(self, pairs: list, placed: set[int]) -> None:
        articles = [a for i, a in self._articles.items() if i not in placed]
        loose = [p for p in pairs if -p.id not in placed]
        if articles or loose:
            row = self._group_row(UNGROUPED_LABEL, GROUP, None, articles, loose)
            self.setExpanded(row.index(), True)

    def _group_row(self, label: str, kind: str, ident: int | None, articles: list,
                   pairs: list) -> QStandardItem:
        n_open = sum(p.n_open for p in pairs)
        n_conf = sum(p.n_confirmed for p in pairs)
        head = _node(label, kind, ident,
                     f"{label}\n{len(articles)} articles, {len(pairs)} pairs")
        head.setIcon(icons.event())
        font = QFont(head.font())
        font.setBold(True)
        head.setFont(font)
        for info in articles:
            head.appendRow([self._article_item(info), _count_cell(None, ""),
                            _count_cell(None, "")])
        for pair in pairs:
            head.appendRow(self._pair_row(pair))
        self._model.appendRow([head, _count_cell(n_open or None, "Open discrepancies"),
                               _count_cell(n_conf or None, "Confirmed discrepancies")])
        return head

    def _article_item(self, info) -> QStandardItem:
        tip = "\n".join(part for part in (
            info.title, info.source, info.author, info.published, info.url,
            f"{info.n_chars:,} characters") if part)
        item = _node(article_label(info), ARTICLE, info.id, tip)
        item.setIcon(icons.article())
        return item

    def _pair_row(self, pair) -> list[QStandardItem]:
        item = _node(pair_label(pair, self._articles), PAIR, pair.id, self._pair_tip(pair))
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
        else:
            lines.append("Not compared yet: opening it compares the articles")
        return "\n".join(lines)

    def update_pair(self, pair) -> None:
        """Refresh one pair's counts in place (after an annotation edit)."""
        item = self._pair_items.get(pair.id)
        if item is None:
            return
        parent = item.parent() or self._model.invisibleRootItem()
        row = item.row()
        item.setText(pair_label(pair, self._articles))
        item.setToolTip(self._pair_tip(pair))
        font = QFont(item.font())
        font.setItalic(not pair.compared)
        item.setFont(font)
        parent.child(row, 1).setText(str(pair.n_open) if pair.compared else "")
        parent.child(row, 2).setText(str(pair.n_confirmed) if pair.compared else "")
        self._refresh_group_counts(parent)

    def _refresh_group_counts(self, head: QStandardItem) -> None:
        if head is self._model.invisibleRootItem():
            return
        n_open = n_conf = 0
        for row in range(head.rowCount()):
            if head.child(row, 0).data(KIND_ROLE) == PAIR:
                n_open += int(head.child(row, 1).text() or 0)
                n_conf += int(head.child(row, 2).text() or 0)
        self._model.item(head.row(), 1).setText(str(n_open) if n_open else "")
        self._model.item(head.row(), 2).setText(str(n_conf) if n_conf else "")

    # -- queries ------------------------------------------------------------
    def pair_ids(self) -> list[int]:
        """Pairs in the order shown, for next/previous pair."""
        return list(self._pair_items)

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

    def _expanded_events(self) -> set[str]:
        keys = set()
        for row in range(self._model.rowCount()):
            item = self._model.item(row, 0)
            if self.isExpanded(item.index()):
                keys.add(f"{item.data(KIND_ROLE)}:{item.data(ID_ROLE)}")
        return keys

    # -- selecting -----------------------------------------------------------
    def select_pair(self, pair_id: int, *, emit: bool = True) -> bool:
        """Make ``pair_id`` current; with ``emit`` the window is asked to open it."""
        item = self._pair_items.get(pair_id)
        if item is None:
            return False
        quiet, self._quiet = self._quiet, not emit
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
        ids = self.selected_article_ids()
        if len(ids) == 2:
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
