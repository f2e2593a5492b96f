"""Correct an article's details: title, outlet, author, publication date, URL.

Import reads them as well as a machine can; the reviewer knows better. The
date field takes an ISO date or a date as people write it ("20 May 2022",
"May 20, 2022") and shows how it was read, because the engine resolves "on
Wednesday" against it. The history of earlier corrections is listed below.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from core.ingest.date_stamps import parse_date
from core.store.records import ARTICLE_FIELDS
from gui.dialog_buttons import ok_cancel_buttons

FIELD_LABELS = {"title": "&Title:", "source": "&Outlet:", "author": "&Author:",
                "published": "Publication &date:", "url": "&URL:"}
#: How a field is named in the history list.
FIELD_NAMES = {"title": "title", "source": "outlet", "author": "author",
               "published": "date", "url": "URL"}


def read_date(text: str) -> str | None:
    """ISO date from what the user typed; "" for an empty field, None if unreadable."""
    text = text.strip()
    if not text:
        return ""
    try:
        return dt.date.fromisoformat(text).isoformat()
    except ValueError:
        return parse_date(text) or None


class ArticleDetailsDialog(QDialog):
    """The five details of one article, with what was changed before."""

    def __init__(self, info, history=(), parent: QWidget | None = None,
                 provenance=None) -> None:  # fmt: skip
        super().__init__(parent)
        self.setWindowTitle("Article Details")
        self.setMinimumWidth(560)
        self._info = info
        self.fields: dict[str, QLineEdit] = {}
        form = QFormLayout()
        for field in ARTICLE_FIELDS:
            edit = QLineEdit(getattr(info, field) or "", self)
            edit.setObjectName(f"detail-{field}")
            self.fields[field] = edit
            form.addRow(FIELD_LABELS[field], edit)
        self.fields["published"].setPlaceholderText("e.g. 2022-05-20 or 20 May 2022; empty if unknown")
        self.fields["source"].setPlaceholderText("The outlet that published it")
        self.date_note = QLabel(self)
        form.addRow("", self.date_note)
        self.fields["published"].textChanged.connect(self._validate)
        source = QLabel(provenance_text(provenance) if provenance is not None
                        else f"Imported from {info.path}" if info.path else "", self)  # fmt: skip
        source.setObjectName("article-provenance")
        source.setWordWrap(True)
        source.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.buttons = ok_cancel_buttons(self, "Save")
        layout = QVBoxLayout(self)
        layout.addWidget(source)
        layout.addLayout(form)
        layout.addWidget(self._history(history))
        layout.addWidget(self.buttons)
        self._validate()

    def _history(self, history) -> QLabel:
        lines = [f"{h.at.replace('T', ' ')[:16]} · {h.reviewer or 'someone'}: "
                 f"{FIELD_NAMES.get(h.field, h.field)} “{h.old or '—'}” → “{h.new or '—'}”"
                 for h in history]
        label = QLabel("Earlier corrections:\n" + "\n".join(lines) if lines
                       else "Not corrected before: these are the details read at import.", self)
        label.setWordWrap(True)
        label.setEnabled(bool(lines))
        return label

    def _validate(self) -> None:
        iso = read_date(self.fields["published"].text())
        ok = iso is not None
        if iso:
            day = dt.date.fromisoformat(iso)
            note = f"Read as {day:%A} {day.day} {day:%B %Y}: relative dates are resolved from it."
        elif iso == "":
            note = "Unknown: relative dates (“on Wednesday”) stay unresolved."
        else:
            note = "Not a date FactDiff can read; try 2022-05-20."
        self.date_note.setText(note)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(ok)

    def values(self) -> dict[str, str]:
        """The changed details only, ready for ``Project.edit_article``."""
        wanted = {field: " ".join(edit.text().split()) for field, edit in self.fields.items()}
        wanted["published"] = read_date(self.fields["published"].text()) or ""
        return {f: v for f, v in wanted.items() if v != (getattr(self._info, f) or "")}


def provenance_text(p) -> str:
    """Where the article came from, in the words the report uses (read-only, never edited)."""
    origin = {"file": "Imported from", "url": "Fetched from", "text": "Pasted"}.get(p.origin, "From")
    lines = [f"{origin} {p.location}".rstrip() + f" on {p.retrieved_at.replace('T', ' ')[:16]} UTC"]
    if p.final_url and p.final_url != p.location:
        lines.append(f"Final URL: {p.final_url}")
    if p.last_modified or p.etag:
        lines.append(f"Last-Modified: {p.last_modified or '—'} · ETag: {p.etag or '—'}")
    lines.append(f"SHA-256 of the original: {p.sha256}")
    return "\n".join(lines)
