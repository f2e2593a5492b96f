"""Two ways in besides files: pasting an article's text, and fetching a URL.

Both dialogs only collect input and hand back an ``Article``-producing result;
the window adds it to the project. Fetching runs in a worker because a
download can take tens of seconds, and the dialog stays responsive (and
cancellable) meanwhile.
"""

from __future__ import annotations

import re
from urllib.parse import urlparse

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from gui.dialog_buttons import ok_cancel_buttons
from gui.workers import Cancelled_, TaskRunner, check

DATE_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
FETCH_TIMEOUT = 30  # seconds for the whole download: long enough for slow news sites


class PasteArticleDialog(QDialog):
    """Text plus the metadata a report needs (title, outlet, URL, date)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Paste Article")
        self.resize(640, 560)
        self.title = QLineEdit(self)
        self.outlet = QLineEdit(self)
        self.outlet.setPlaceholderText("e.g. Harbor Ledger")
        self.url = QLineEdit(self)
        self.url.setPlaceholderText("https://…")
        self.date = QLineEdit(self)
        self.date.setPlaceholderText("YYYY-MM-DD")
        self.text = QPlainTextEdit(self)
        self.text.setPlaceholderText("Paste the article's text here. "
                                     "Blank lines separate paragraphs.")
        self.error = QLabel(self)
        self.error.setObjectName("dialogError")
        self.error.setStyleSheet("color: palette(link);")
        form = QFormLayout()
        form.addRow("&Title:", self.title)
        form.addRow("&Outlet:", self.outlet)
        form.addRow("&URL:", self.url)
        form.addRow("&Date:", self.date)
        self.buttons = ok_cancel_buttons(self, "Add Article")
        self.text.textChanged.connect(self._validate)
        self.date.textChanged.connect(self._validate)
        self.url.textChanged.connect(self._validate)
        text_label = QLabel("Article &text:", self)
        text_label.setBuddy(self.text)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(text_label)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self._validate()

    def problem(self) -> str:
        """Why the input cannot be added yet ("" when it can)."""
        if not self.text.toPlainText().strip():
            return "The article text is empty."
        date = self.date.text().strip()
        if date and not DATE_RE.match(date):
            return "Write the date as YYYY-MM-DD, or leave it empty."
        url = self.url.text().strip()
        if url and urlparse(url).scheme not in ("http", "https"):
            return "The URL should start with http:// or https://."
        return ""

    def _validate(self) -> None:
        problem = self.problem()
        self.error.setText(problem if self.text.toPlainText().strip() else "")
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(not problem)

    def values(self) -> dict[str, str]:
        """Keyword arguments for ``core.ingest.load.article_from_text``."""
        return {
            "text": self.text.toPlainText(),
            "title": self.title.text().strip(),
            "source": self.outlet.text().strip(),
            "url": self.url.text().strip(),
            "published": self.date.text().strip(),
        }

    def article(self):
        from core.ingest.load import article_from_text

        values = self.values()
        text = values.pop("text")
        title = values.pop("title") or None  # None lets the engine take the first line
        return article_from_text(text, title=title, **values)


def _normalise_url(text: str) -> str:
    url = text.strip()
    if url and "://" not in url:
        url = "https://" + url
    return url


def download_article(url: str, progress, cancelled):
    """Worker job: fetch ``url`` and extract its article, or explain why not.

    The download verifies certificates, refuses local addresses, has one
    deadline and a size cap, and stops at once on Cancel (core/web/fetch.py).
    """
    from core.web.fetch import FetchCancelled
    from core.web.fetch_article import fetch_article

    progress(0, 1, "downloading")
    try:
        result = fetch_article(url, cancelled=cancelled, deadline=FETCH_TIMEOUT)
    except FetchCancelled:
        raise Cancelled_ from None
    check(cancelled)
    return result


class FetchUrlDialog(QDialog):
    """Ask for a URL, download it in the background, show what went wrong."""

    def __init__(self, parent: QWidget | None = None, runner: TaskRunner | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Fetch Article from URL")
        self.setMinimumWidth(560)
        self.result_article = None
        self.result_provenance = None
        self._runner = runner or TaskRunner(self)
        self.url = QLineEdit(self)
        self.url.setPlaceholderText("https://example.org/news/…")
        self.message = QLabel("FactDiff downloads the page and keeps only the article's text.",
                              self)
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.buttons = ok_cancel_buttons(self, "Fetch", on_ok=self.fetch)
        self.fetch_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.url.textChanged.connect(self._validate)
        self._runner.failed.connect(self._on_failed)
        form = QFormLayout()
        form.addRow("&URL:", self.url)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self._validate()

    def _validate(self) -> None:
        url = _normalise_url(self.url.text())
        ok = bool(urlparse(url).netloc) and not self._runner.is_busy("fetch")
        self.fetch_button.setEnabled(ok)

    def fetch(self) -> None:
        url = _normalise_url(self.url.text())
        self.message.setText(f"Downloading {url} …")
        self._runner.start("fetch", "Fetching", lambda p, c: download_article(url, p, c),
                           self._on_done)
        self.url.setEnabled(False)
        self._validate()

    def _on_done(self, result) -> None:
        self.result_article, self.result_provenance = result
        self.accept()

    def _on_failed(self, _channel: str, failure) -> None:
        self.url.setEnabled(True)
        self.message.setText(failure.message)
        self._validate()

    def reject(self) -> None:  # Qt override: Cancel also abandons a running download
        self._runner.cancel("fetch")
        super().reject()
