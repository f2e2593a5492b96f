"""Room for the articles: each column stays readable as the window narrows.

The main splitter holds browser | articles | list. When the articles would
get narrower than :data:`MIN_ARTICLE_CHARS` characters, the browser folds
away, then the list gives way down to :data:`SIDE_MIN_WIDTH`; the browser comes
back, at the width the user gave it, when the window grows again.
"""

from __future__ import annotations

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QSplitter, QWidget

from gui.comparison_view import ComparisonView

#: An article column never gets narrower than this many characters while space allows.
MIN_ARTICLE_CHARS = 45
ARTICLE_MARGINS = 48  # document margins, scroll bar and change marks of one pane
SIDE_MIN_WIDTH = 360  # the list and editor stay usable down to this
BROWSER_MIN_WIDTH = 220  # narrower than this, the browser is better folded away
BROWSER_WIDTH = 310  # a new window's browser


class ArticleRoom:
    """Folds and unfolds the browser of ``splitter`` (browser, centre, side)."""

    def __init__(self, splitter: QSplitter, browser: QWidget, view: ComparisonView,
                 show_browser: QAction) -> None:
        self._splitter = splitter
        self._browser = browser
        self._view = view
        self._show_browser = show_browser
        self.browser_width = BROWSER_WIDTH  # as the user last set it: what an unfolded one gets
        self._folded = False  # True while the browser gave its room to the articles

    def reset(self, window_width: int) -> None:
        """The default widths, ignoring anything remembered."""
        self.browser_width, self._folded = BROWSER_WIDTH, False
        self._splitter.setSizes([BROWSER_WIDTH, max(1, window_width - 730), 420])
        self.fit()

    def restore_browser_width(self, saved: bytes | None) -> None:
        if saved is not None and saved.isdigit():
            self.browser_width = max(BROWSER_MIN_WIDTH // 2, int(saved))

    def show_browser(self, on: bool) -> None:
        """Show (unfolding it if it gave way to the articles) or hide the browser."""
        self._browser.setVisible(on)
        sizes = self._splitter.sizes()
        if on and sizes[0] == 0:
            width = max(BROWSER_MIN_WIDTH, self.browser_width)
            take_side = min(width, max(0, sizes[2] - SIDE_MIN_WIDTH))
            self._splitter.setSizes([width, sizes[1] - (width - take_side),
                                     sizes[2] - take_side])
            self._folded = False

    def article_min_width(self) -> int:
        """Width of one article column at MIN_ARTICLE_CHARS characters of reading text."""
        metrics = self._view.pane_a.text.fontMetrics()
        return metrics.averageCharWidth() * MIN_ARTICLE_CHARS + ARTICLE_MARGINS

    def fit(self) -> None:
        """Keep each article at least ~45 characters wide: the browser, then the list, give way."""
        sizes = self._splitter.sizes()
        if sum(sizes) <= 0 or not self._splitter.isVisible():
            return
        need = 2 * self.article_min_width() + self._view.connector.width()
        browser, centre, side = sizes
        if centre < need and browser > 0:
            self._folded = True
            centre, browser = centre + browser, 0
        if centre < need:
            take = min(max(0, side - SIDE_MIN_WIDTH), need - centre)
            centre, side = centre + take, side - take
        elif browser == 0 and self._folded and centre - need >= BROWSER_MIN_WIDTH:
            browser = min(self.browser_width, centre - need)
            centre -= browser
            self._folded = False
        if [browser, centre, side] != sizes:
            self._splitter.setSizes([browser, centre, side])
            # A folded browser reads as hidden: Ctrl+B brings it back.
            action = self._show_browser
            action.blockSignals(True)
            action.setChecked(browser > 0 and self._browser.isVisibleTo(self._splitter.window()))
            action.blockSignals(False)

    def remember_browser_width(self, *_args) -> None:
        width = self._splitter.sizes()[0]
        if width > 0:
            self.browser_width = width
            self._folded = False
