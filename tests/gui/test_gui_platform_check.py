"""On a Linux desktop without Qt's X11 libraries, `factdiff gui` says which to install."""

from __future__ import annotations

from pathlib import Path

import pytest

from gui import app, error_dialogs, platform_check


def test_every_listed_library_names_a_package():
    table = platform_check.library_packages()
    assert table["libxcb-icccm.so.4"] == "libxcb-icccm4"
    assert table["libxcb-keysyms.so.1"] == "libxcb-keysyms1"
    assert all(lib.startswith("lib") and ".so" in lib and pkg for lib, pkg in table.items())


@pytest.mark.parametrize(("environ", "expected"), [
    ({"DISPLAY": ":0"}, True),
    ({"DISPLAY": ":0", "QT_QPA_PLATFORM": "offscreen"}, False),
    ({"QT_QPA_PLATFORM": "xcb"}, True),
    ({"DISPLAY": ":0", "WAYLAND_DISPLAY": "wayland-0", "XDG_SESSION_TYPE": "wayland"}, False),
    ({}, False),
])
def test_only_an_x11_start_is_checked(monkeypatch, environ, expected):
    monkeypatch.setattr(platform_check.sys, "platform", "linux")
    assert platform_check.uses_xcb(environ) is expected


def test_a_missing_library_is_named_with_its_package(monkeypatch, tmp_path):
    plugin = tmp_path / "libqxcb.so"
    plugin.write_bytes(b"")

    def refuse(path, *args, **kwargs):
        raise OSError("libxcb-icccm.so.4: cannot open shared object file: No such file or directory")

    monkeypatch.setattr(platform_check.ctypes, "CDLL", refuse)
    monkeypatch.setattr(platform_check, "xcb_plugin", lambda: plugin)
    monkeypatch.setattr(platform_check.sys, "platform", "linux")
    hint = platform_check.platform_hint({"DISPLAY": ":0"})
    assert "libxcb-icccm.so.4 (package libxcb-icccm4)" in hint
    assert "apt-get install" in hint and "libxcb-keysyms1" in hint


def test_gui_prints_the_hint_logs_it_and_exits_before_qt_aborts(monkeypatch, capsys):
    monkeypatch.setattr(platform_check, "platform_hint", lambda environ=None: "needs libxcb-x")
    started = []
    monkeypatch.setattr(app, "create_application", lambda argv: started.append(argv))
    assert app.run() == 2
    assert started == []
    assert capsys.readouterr().err.strip() == "factdiff: error: needs libxcb-x"
    assert "needs libxcb-x" in Path(error_dialogs.error_log_path()).read_text(encoding="utf-8")


def test_the_real_plugin_is_checked_on_this_machine():
    plugin = platform_check.xcb_plugin()
    if plugin is None:
        pytest.skip("this Qt has no X11 plugin")
    missing = platform_check.missing_library(plugin)
    assert missing is None or ".so" in missing
