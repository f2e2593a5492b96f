"""`factdiff gui`: argument checks before any window, screenshots without a display."""

import os
import subprocess
import sys

from conftest import ROOT
from PySide6.QtGui import QImage

from core.cli import main as cli_main


def test_gui_command_does_not_import_qt_at_load():
    code = ("import sys, core.cli.gui_cmd; "
            "sys.exit(any(m.startswith('PySide6') for m in sys.modules))")
    assert subprocess.run([sys.executable, "-c", code], cwd=ROOT).returncode == 0


def test_missing_project_is_one_line_and_nonzero(tmp_path, capsys):
    assert cli_main(["gui", str(tmp_path / "nope.factdiff")]) == 2
    err = capsys.readouterr().err.strip()
    assert err.startswith("factdiff: error:") and "\n" not in err


def test_a_file_that_is_not_a_project_is_refused(tmp_path, capsys):
    bogus = tmp_path / "bogus.factdiff"
    bogus.write_text("not a database", encoding="utf-8")
    assert cli_main(["gui", str(bogus)]) == 2
    assert "factdiff: error:" in capsys.readouterr().err


def test_screenshot_must_be_png(tmp_path, capsys):
    assert cli_main(["gui", "--demo", "--screenshot", str(tmp_path / "x.jpg")]) == 2
    assert ".png" in capsys.readouterr().err


def test_screenshot_of_the_demo_is_a_real_picture(tmp_path):
    target = tmp_path / "shot.png"
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    proc = subprocess.run(
        [sys.executable, "-m", "core", "gui", "--demo", "--screenshot", str(target)],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    image = QImage(str(target))
    assert (image.width(), image.height()) == (1400, 900)
    # A real window has many colours; a blank grab has one.
    colours = {image.pixel(x, y) for x in range(0, 1400, 37) for y in range(0, 900, 23)}
    assert len(colours) > 20
