"""Every action has a unique shortcut, and every icon resolves to a picture."""

from __future__ import annotations

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QWidget

from gui import icons
from gui.actions import Actions


def _all_actions(actions: Actions):
    for value in vars(actions).values():
        for item in value if isinstance(value, list) else [value]:
            if isinstance(item, QAction):
                yield item


def test_no_two_actions_share_a_shortcut(qtbot):
    host = QWidget()
    qtbot.addWidget(host)
    seen: dict[str, str] = {}
    for action in _all_actions(Actions(host)):
        for key in action.shortcuts():
            text = key.toString(QKeySequence.SequenceFormat.PortableText)
            assert text not in seen, f"{text} used by {seen.get(text)} and {action.text()}"
            seen[text] = action.text()
    for expected in ("F8", "Shift+F8", "Ctrl+PgDown", "Ctrl+PgUp", "1", "4", "Ctrl+M", "F3",
                     "Ctrl+I"):
        assert expected in seen, expected


def test_tooltips_name_the_shortcut(qtbot):
    host = QWidget()
    qtbot.addWidget(host)
    actions = Actions(host)
    assert actions.next_discrepancy.toolTip().endswith("(F8)")


def test_every_icon_has_a_picture(qtbot):
    names = [name for name in dir(icons) if not name.startswith("_")
             and callable(getattr(icons, name)) and name not in {"resource", "lru_cache",
                                                                   "status", "QIcon",
                                                                   "QByteArray", "QRectF", "Qt",
                                                                   "QGuiApplication",
                                                                   "QPainter", "QPalette",
                                                                   "QPixmap", "QSvgRenderer"}]
    assert len(names) > 20
    for name in names:
        assert not getattr(icons, name)().isNull(), name
    for status in ("open", "confirmed", "dismissed", "follow-up"):
        assert not icons.status(status).pixmap(16, 16).isNull()
    assert not icons.app_icon().pixmap(64, 64).isNull()
