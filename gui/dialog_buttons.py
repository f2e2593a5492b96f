"""The OK / Cancel row every FactDiff dialog ends with.

One place decides how the row is built and wired, so every dialog accepts
with Return, cancels with Escape and names its OK button after what it does.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QDialog, QDialogButtonBox

OK = QDialogButtonBox.StandardButton.Ok


def ok_cancel_buttons(
    dialog: QDialog,
    ok_text: str | None = None,
    on_ok: Callable[[], object] | None = None,
) -> QDialogButtonBox:
    """OK and Cancel for ``dialog``: OK runs ``on_ok`` (default: accept), Cancel rejects."""
    buttons = QDialogButtonBox(OK | QDialogButtonBox.StandardButton.Cancel, dialog)
    if ok_text is not None:
        buttons.button(OK).setText(ok_text)
    buttons.accepted.connect(on_ok or dialog.accept)
    buttons.rejected.connect(dialog.reject)
    return buttons
