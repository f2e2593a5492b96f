"""Files dropped on the window: article files are imported, a project file is opened.

An event filter on the window, so the window itself overrides no drag events;
it only says what was dropped through its two ``…Requested`` signals.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, QMimeData, QObject, QTimer, Signal
from PySide6.QtWidgets import QWidget

from core.ingest.load import ARTICLE_SUFFIXES
from core.store import SUFFIX


def dropped_paths(mime: QMimeData) -> list[Path]:
    """The local article files, folders and projects among what is dragged."""
    if not mime.hasUrls():
        return []
    paths = [Path(url.toLocalFile()) for url in mime.urls() if url.isLocalFile()]
    wanted = (*ARTICLE_SUFFIXES, SUFFIX)
    return [p for p in paths if p.suffix.lower() in wanted or p.is_dir()]


class FileDrop(QObject):
    """Accepts drops of articles and projects on ``target``."""

    importRequested = Signal(list)  # list[Path]
    projectOpenRequested = Signal(object)  # Path

    def __init__(self, target: QWidget) -> None:
        super().__init__(target)
        target.setAcceptDrops(True)
        target.installEventFilter(self)

    def eventFilter(self, _watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        kind = event.type()
        if kind in (QEvent.Type.DragEnter, QEvent.Type.DragMove):
            if dropped_paths(event.mimeData()):
                event.acceptProposedAction()
            else:
                event.ignore()
            return True
        if kind == QEvent.Type.Drop:
            self._drop(event)
            return True
        return False

    def _drop(self, event) -> None:
        paths = dropped_paths(event.mimeData())
        if not paths:
            event.ignore()
            return
        event.acceptProposedAction()
        projects = [p for p in paths if p.suffix == SUFFIX]
        # Act after the drop returns: a modal message inside the drop blocks the source.
        if projects:
            QTimer.singleShot(0, lambda: self.projectOpenRequested.emit(projects[0]))
        else:
            QTimer.singleShot(0, lambda: self.importRequested.emit(paths))
