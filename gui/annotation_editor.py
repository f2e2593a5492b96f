"""The fact-checker's judgement on the current discrepancy: status, verdict, note, reviewer.

Every user change leaves as one ``annotationEditRequested(disc_id, field,
value)``; the window turns it into an undoable command and writes it to the
project.  Loading a target never emits (a guard flag), and a value equal to
the one already stored is not re-sent, so undo/redo round-trips stay quiet.

The note is committed when it loses focus or after a short pause in typing —
often enough that nothing is lost, rarely enough that undo steps are whole
thoughts rather than single keystrokes. The note keeps no undo history of its
own: Ctrl+Z and Ctrl+Shift+Z inside it reach the window's one undo stack
(text still being typed is committed first), so undo means the same thing
wherever the focus is.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QFont, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from core.model import Discrepancy
from gui.discrepancy_model import STATUSES, VERDICTS, status_label, status_of
from gui.palette import Theme, kind_label, mix

NOTE_IDLE_MS = 900
FIELDS = ("status", "verdict", "note", "reviewer")


def _value(annotation: Any | None, field: str) -> str:
    if field == "status":
        return status_of(annotation)
    value = getattr(annotation, field, "") if annotation is not None else ""
    return value or ""


_UNDO_REDO_KEYS = (QKeySequence.StandardKey.Undo, QKeySequence.StandardKey.Redo)
_EXTRA_REDO = ("Ctrl+Shift+Z", "Ctrl+Y")


def _is_undo_or_redo(event: QKeyEvent) -> bool:
    if any(event.matches(key) for key in _UNDO_REDO_KEYS):
        return True
    pressed = QKeySequence(event.keyCombination())
    return any(pressed.matches(QKeySequence(key)) == QKeySequence.SequenceMatch.ExactMatch
               for key in _EXTRA_REDO)


class AnnotationEditor(QWidget):
    """Edits one discrepancy's annotation; disabled while there is no target."""

    annotationEditRequested = Signal(str, str, object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._target: Discrepancy | None = None
        self._values: dict[str, str] = {}
        self._loading = False
        self._theme = Theme.from_palette(self.palette())

        self.title = QLabel()
        self.title.setWordWrap(True)
        self.title.setTextFormat(Qt.TextFormat.RichText)
        self.title.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)

        self.status_buttons = QButtonGroup(self)
        self.status_buttons.setExclusive(True)
        status_row = QHBoxLayout()
        status_row.setSpacing(2)
        for number, status in enumerate(STATUSES, start=1):
            button = QToolButton()
            button.setText(status_label(status))
            button.setCheckable(True)
            button.setAutoRaise(False)
            button.setToolTip(f"{status_label(status)} ({number})")
            button.setObjectName(f"status-{status}")
            button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
            self.status_buttons.addButton(button, number - 1)
            status_row.addWidget(button)
        self.status_buttons.idClicked.connect(self._on_status_clicked)

        self.verdict = QComboBox()
        self.verdict.setEditable(True)
        self.verdict.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.verdict.addItems(["", *VERDICTS])
        self.verdict.lineEdit().setPlaceholderText("No verdict yet")
        self.verdict.activated.connect(
            lambda _i: self._commit("verdict", self.verdict.currentText())
        )
        self.verdict.lineEdit().editingFinished.connect(
            lambda: self._commit("verdict", self.verdict.currentText())
        )

        self.note = QPlainTextEdit()
        self.note.setPlaceholderText("What did you check? Sources, calls, reasoning…")
        self.note.setTabChangesFocus(True)
        self.note.setMinimumHeight(70)
        self.note.setUndoRedoEnabled(False)
        self.note.textChanged.connect(self._on_note_typed)
        self.note.installEventFilter(self)
        self._note_timer = QTimer(self)
        self._note_timer.setSingleShot(True)
        self._note_timer.setInterval(NOTE_IDLE_MS)
        self._note_timer.timeout.connect(self.flush)

        self.reviewer = QLineEdit()
        self.reviewer.setPlaceholderText("Your name")
        self.reviewer.editingFinished.connect(
            lambda: self._commit("reviewer", self.reviewer.text().strip())
        )

        self.stamp = QLabel()
        small = QFont(self.stamp.font())
        small.setPointSizeF(max(7.5, small.pointSizeF() - 1))
        self.stamp.setFont(small)

        form = QFormLayout()
        form.setContentsMargins(0, 0, 0, 0)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        form.addRow("Status", status_row)
        form.addRow("Verdict", self.verdict)
        form.addRow("Note", self.note)
        form.addRow("Reviewer", self.reviewer)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.setSpacing(6)
        layout.addWidget(self.title)
        layout.addLayout(form, 1)
        layout.addWidget(self.stamp)
        self.set_target(None, None)

    # --- public API ----------------------------------------------------

    def set_target(self, discrepancy: Discrepancy | None, annotation: Any | None) -> None:
        """Show ``discrepancy``'s annotation (None → open, blank); never emits for the load.

        Switching to another discrepancy first commits text still being typed
        for the previous one.  Re-setting the same discrepancy (after an undo,
        say) refreshes every field except one the user is in the middle of.
        """
        same = (
            discrepancy is not None
            and self._target is not None
            and discrepancy.id == self._target.id
        )
        if not same:
            self.flush()
        typing = self._fields_being_typed() if same else set()
        self._target = discrepancy
        self._values = {field: _value(annotation, field) for field in FIELDS}
        self._loading = True
        try:
            self._load(discrepancy, annotation, keep=typing)
        finally:
            self._loading = False

    def target_id(self) -> str | None:
        return self._target.id if self._target else None

    def flush(self) -> None:
        """Commit text still being typed (note, verdict, reviewer) before the target changes.

        F8 and the status keys do not move the focus, so "editing finished" may
        never come for a field the user was typing in.
        """
        self._note_timer.stop()
        if self._target is None or self._loading:
            return
        if self._note_dirty():
            self._commit("note", self.note.toPlainText())
        self._commit("verdict", self.verdict.currentText())
        self._commit("reviewer", self.reviewer.text().strip())

    def set_reviewer_placeholder(self, name: str) -> None:
        """Shown greyed when the annotation names no reviewer (the window's default name)."""
        self.reviewer.setPlaceholderText(name or "Your name")

    # --- internals -----------------------------------------------------

    def _fields_being_typed(self) -> set[str]:
        """Text fields with focus and unsaved text: a refresh must not wipe them."""
        typing = set()
        if self.note.hasFocus() and self._note_dirty():
            typing.add("note")
        if self.verdict.hasFocus() and self.verdict.currentText() != self._values.get("verdict"):
            typing.add("verdict")
        if self.reviewer.hasFocus() and self.reviewer.text().strip() != self._values.get(
            "reviewer"
        ):
            typing.add("reviewer")
        return typing

    def _load(self, disc: Discrepancy | None, annotation: Any | None, keep: set[str]) -> None:
        enabled = disc is not None
        for widget in (self.verdict, self.note, self.reviewer):
            widget.setEnabled(enabled)
        for button in self.status_buttons.buttons():
            button.setEnabled(enabled)
        status = self._values["status"]
        button = self.status_buttons.button(STATUSES.index(status)) if enabled else None
        if button is not None:
            button.setChecked(True)
        else:
            self.status_buttons.setExclusive(False)
            for b in self.status_buttons.buttons():
                b.setChecked(False)
            self.status_buttons.setExclusive(True)
        if "verdict" not in keep:
            self.verdict.setCurrentText(self._values["verdict"])
        if "note" not in keep and self.note.toPlainText() != self._values["note"]:
            # Only when it differs: re-setting the same text would throw the cursor
            # to the start just as an auto-save lands under the user's typing.
            self.note.setPlainText(self._values["note"])
        if "reviewer" not in keep:
            self.reviewer.setText(self._values["reviewer"])
        self.title.setText(self._title_html(disc))
        self._set_stamp(annotation)

    def _title_html(self, disc: Discrepancy | None) -> str:
        if disc is None:
            muted = mix(self._theme.text, self._theme.window, 0.45).name()
            return f'<span style="color:{muted}">Select a discrepancy to annotate it.</span>'
        colour = self._theme.kind_line(disc.kind).name()
        summary = disc.summary.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
        origin = " · added by hand" if disc.id.startswith("u-") else ""
        return (
            f'<span style="color:{colour}; font-weight:600">■ {kind_label(disc.kind)}</span>'
            f" · {disc.severity}{origin}<br>{summary}"
        )

    def _set_stamp(self, annotation: Any | None) -> None:
        updated = getattr(annotation, "updated", "") if annotation is not None else ""
        who = getattr(annotation, "reviewer", "") if annotation is not None else ""
        if updated:
            when = updated.replace("T", " ")[:16]
            self.stamp.setText(f"Last changed {when}" + (f" by {who}" if who else ""))
        else:
            self.stamp.setText("Not reviewed yet" if self._target is not None else "")
        muted = mix(self._theme.text, self._theme.window, 0.45)
        palette = self.stamp.palette()
        palette.setColor(self.stamp.foregroundRole(), muted)
        self.stamp.setPalette(palette)

    def _note_dirty(self) -> bool:
        return self.note.toPlainText() != self._values.get("note", "")

    def _commit(self, field: str, value: str) -> None:
        if self._loading or self._target is None:
            return
        if value == self._values.get(field):
            return
        self._values[field] = value
        self.annotationEditRequested.emit(self._target.id, field, value)

    def _on_status_clicked(self, button_id: int) -> None:
        if 0 <= button_id < len(STATUSES):
            self._commit("status", STATUSES[button_id])

    def _on_note_typed(self) -> None:
        if not self._loading:
            self._note_timer.start()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if watched is self.note and event.type() == QEvent.Type.FocusOut:
            self.flush()
        if (watched is self.note and event.type() == QEvent.Type.ShortcutOverride
                and _is_undo_or_redo(event)):
            # Not claimed by the text box: the window's Undo/Redo shortcut takes it.
            event.ignore()
            return True
        return super().eventFilter(watched, event)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:
            self._theme = Theme.from_palette(self.palette())
