"""Undoable annotation edits.

Every change a fact-checker makes to a status, verdict or note is written to
the project at once (nothing to "save"), so undo has to write the previous
value back rather than discard a pending edit. One command = one field of one
discrepancy. The editor commits a note once per pause in typing, so each note
command is one such pause and undo steps back through them one at a time.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QUndoCommand

from core.errors import FactDiffError

FIELDS = ("status", "verdict", "note", "reviewer")
DEFAULTS = {"status": "open", "verdict": "", "note": "", "reviewer": ""}

Applied = Callable[[int, str, object], None]
Failed = Callable[[str], None]


def _describe(field: str, value: str) -> str:
    if field == "note":
        return "Edit note"
    if field == "reviewer":
        return f"Sign as {value or 'default reviewer'}"
    return f"Set {field} to {value or 'none'}"


class AnnotationCommand(QUndoCommand):
    """Set one annotation field; undo restores what it was before."""

    def __init__(self, project, pair_id: int, disc_id: str, field: str, value: str,
                 previous, reviewer: str, on_applied: Applied, on_failed: Failed) -> None:
        if field not in FIELDS:
            raise ValueError(f"not an annotation field: {field}")
        super().__init__(_describe(field, value))
        self._project = project
        self.pair_id = pair_id
        self.disc_id = disc_id
        self.field = field
        self.value = value
        self.old = getattr(previous, field) if previous is not None else DEFAULTS[field]
        self._reviewer = reviewer
        self._on_applied = on_applied
        self._on_failed = on_failed

    def _write(self, value: str) -> bool:
        if self.field == "reviewer":
            # Re-signing changes nothing else; an empty name falls back to the default.
            fields = {"reviewer": value or None}
        else:
            fields = {"reviewer": self._reviewer or None, self.field: value}
        try:
            ann = self._project.annotate(self.pair_id, self.disc_id, **fields)
        except FactDiffError as exc:
            self._on_failed(str(exc))
            return False
        self._on_applied(self.pair_id, self.disc_id, ann)
        return True

    def redo(self) -> None:  # Qt override
        if not self._write(self.value):
            # An edit that never reached the file must not sit on the stack.
            self.setObsolete(True)

    def undo(self) -> None:  # Qt override
        self._write(self.old)


class ArticleDetailsCommand(QUndoCommand):
    """Correct some details of one article; undo puts the earlier values back.

    Both directions are saved (and so appear in the article's history).
    """

    def __init__(self, project, article_id: int, new: dict[str, str], old: dict[str, str],
                 on_applied: Callable[[object, set[str]], None], on_failed: Failed) -> None:
        names = ", ".join(sorted(new))
        super().__init__(f"Edit article {names}")
        self._project = project
        self.article_id = article_id
        self.new = dict(new)
        self.old = {field: old.get(field, "") for field in new}
        self._on_applied = on_applied
        self._on_failed = on_failed

    def _write(self, values: dict[str, str]) -> bool:
        try:
            info = self._project.edit_article(self.article_id, **values)
        except FactDiffError as exc:
            self._on_failed(str(exc))
            return False
        self._on_applied(info, set(values))
        return True

    def redo(self) -> None:  # Qt override
        if not self._write(self.new):
            self.setObsolete(True)

    def undo(self) -> None:  # Qt override
        self._write(self.old)
