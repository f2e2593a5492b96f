"""Every icon in one place: the desktop theme's icon when there is one,
otherwise our own line-art SVG tinted with the palette's text colour.

Tinting at load time (rather than shipping a light and a dark set) keeps the
icons readable in both light and dark themes. Icons are cached per colour so a
theme change simply yields new icons.
"""

from __future__ import annotations

from functools import lru_cache

from PySide6.QtCore import QByteArray, QRectF, Qt
from PySide6.QtGui import QGuiApplication, QIcon, QPainter, QPalette, QPixmap
from PySide6.QtSvg import QSvgRenderer

from core.resources_path import resource

_SIZES = (16, 20, 24, 32, 48)


def _text_colour() -> str:
    app = QGuiApplication.instance()
    if app is None:
        return "#333333"
    return QGuiApplication.palette().color(QPalette.ColorRole.WindowText).name()


@lru_cache(maxsize=256)
def _svg_icon(name: str, colour: str) -> QIcon:
    path = resource("icons", f"{name}.svg")
    try:
        svg = path.read_text(encoding="utf-8")
    except OSError:
        return QIcon()
    renderer = QSvgRenderer(QByteArray(svg.replace("currentColor", colour).encode("utf-8")))
    icon = QIcon()
    for size in _SIZES:
        pixmap = QPixmap(size, size)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        renderer.render(painter, QRectF(0, 0, size, size))
        painter.end()
        icon.addPixmap(pixmap)
    return icon


def _icon(theme: str, svg: str) -> QIcon:
    """The themed icon ``theme`` if the desktop has it, else our ``svg``."""
    if theme and QIcon.hasThemeIcon(theme):
        return QIcon.fromTheme(theme)
    return _svg_icon(svg, _text_colour())


def app_icon() -> QIcon:
    """The application icon: colourful, so never tinted or themed."""
    icon = QIcon(str(resource("icons", "factdiff.svg")))
    return icon


def new_project() -> QIcon:
    return _icon("document-new", "new-project")


def open_project() -> QIcon:
    return _icon("document-open", "open-project")


def import_files() -> QIcon:
    return _icon("document-import", "import")


def paste_article() -> QIcon:
    return _icon("edit-paste", "paste")


def fetch_url() -> QIcon:
    return _icon("internet-web-browser", "fetch-url")


def check_changes() -> QIcon:
    return _icon("view-refresh", "fetch-url")


def export_report() -> QIcon:
    return _icon("document-export", "export-report")


def close_project() -> QIcon:
    return _icon("document-close", "close")


def compare_all() -> QIcon:
    return _icon("", "compare-all")


def group_events() -> QIcon:
    return _icon("", "group-events")


def next_discrepancy() -> QIcon:
    return _icon("go-down", "next")


def previous_discrepancy() -> QIcon:
    return _icon("go-up", "previous")


def next_pair() -> QIcon:
    return _icon("go-last-view-page", "next-pair")


def previous_pair() -> QIcon:
    return _icon("go-first-view-page", "previous-pair")


def find() -> QIcon:
    return _icon("edit-find", "find")


def mark_discrepancy() -> QIcon:
    return _icon("", "mark")


def undo() -> QIcon:
    return _icon("edit-undo", "undo")


def redo() -> QIcon:
    return _icon("edit-redo", "redo")


def scroll_sync() -> QIcon:
    return _icon("", "scroll-sync")


def preferences() -> QIcon:
    return _icon("preferences-system", "preferences")


def about() -> QIcon:
    return _icon("help-about", "about")


def add_pair() -> QIcon:
    return _icon("", "add-pair")


def remove() -> QIcon:
    return _icon("edit-delete", "remove")


def event() -> QIcon:
    return _icon("", "event")


def fact_table() -> QIcon:
    return _icon("", "fact-table")


def article() -> QIcon:
    return _icon("", "article")


def revision() -> QIcon:
    return _icon("view-refresh", "fetch-url")


def pair() -> QIcon:
    return _icon("", "pair")


def status(name: str) -> QIcon:
    """One icon per annotation status ("open", "confirmed", "dismissed", "follow-up")."""
    return _icon("", f"status-{name}")


def close_icon() -> QIcon:
    return _icon("window-close", "close")
