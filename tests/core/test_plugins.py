"""core reaches the window and PDF only through the ``factdiff.frontends`` entry point."""

from __future__ import annotations

import re
import subprocess
import sys

import pytest
from conftest import ROOT
from test_report_cli import project_file  # noqa: F401 - a fixture

from core import plugins
from core.cli import main
from core.errors import FactDiffError
from core.report import export

# An import of gui, or a dotted/entry-point reference to one of its modules
# ("gui.app", "gui.plugin:register") in code, strings or comments.
NAMES_GUI = re.compile(r"^\s*(?:from|import)\s+gui\b|\bgui[.:][A-Za-z_]", re.MULTILINE)


def test_no_module_under_core_names_gui():
    offenders = [
        f"{path.relative_to(ROOT)}: {match.group(0).strip()}"
        for path in sorted((ROOT / "core").rglob("*.py"))
        for match in NAMES_GUI.finditer(path.read_text(encoding="utf-8"))
    ]
    assert not offenders, offenders


def test_the_scan_catches_the_ways_core_could_name_gui():
    for line in ("from gui.app import run", "import gui", '    load("gui.report_pdf")',
                 'x = "gui.plugin:register"'):  # fmt: skip
        assert NAMES_GUI.search(line), line
    for line in ('add_parser("gui")', '"core.cli.gui_cmd"', "# the gui command"):
        assert not NAMES_GUI.search(line), line


def test_the_installed_front_end_registers_without_loading_qt():
    script = (
        "import sys\n"
        "from core import plugins\n"
        "from core.report import export\n"
        "assert 'pdf' not in export.EXPORTERS\n"
        "plugins.load_frontends()\n"
        "assert 'pdf' in export.EXPORTERS, 'no PDF exporter'\n"
        "assert plugins.window_runner().__module__ == 'gui.plugin'\n"
        "qt = sorted(m for m in sys.modules if m.startswith(('PySide6', 'shiboken6', 'gui.app')))\n"
        "assert not qt, qt\n"
    )
    done = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr


@pytest.fixture
def no_front_end(monkeypatch):
    """As if the gui distribution were not installed: no entry points, nothing registered."""
    monkeypatch.setattr(plugins, "entry_points", lambda group: [])
    monkeypatch.setattr(plugins, "_loaded", False)
    monkeypatch.setattr(plugins, "_window", None)
    monkeypatch.setattr(plugins, "_broken", [])
    monkeypatch.setattr(export, "EXPORTERS", {k: v for k, v in export.EXPORTERS.items() if k != "pdf"})


def test_gui_without_the_front_end_is_one_line_and_exit_2(no_front_end, capsys):
    assert main(["gui", "--demo"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith("factdiff: error: the window needs"), err


def test_pdf_without_the_front_end_is_one_line_and_exit_2(
    project_file, no_front_end, tmp_path, capsys  # noqa: F811 - the fixture imported above
):  # project_file first: it undoes the monkeypatches made before it
    out = tmp_path / "r.pdf"
    assert main(["report", str(project_file), "--format", "pdf", "-o", str(out)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith("factdiff: error: PDF export needs"), err
    assert not out.exists()


def test_a_front_end_that_fails_to_load_is_named_in_the_error(no_front_end, monkeypatch):
    class Broken:
        name = "gui"

        def load(self):
            raise ModuleNotFoundError("No module named 'gui'")

    monkeypatch.setattr(plugins, "entry_points", lambda group: [Broken()])
    with pytest.raises(FactDiffError, match=r"not installed \(gui: No module named 'gui'\)"):
        plugins.window_runner()


def test_text_formats_never_load_the_front_ends(no_front_end, monkeypatch, tmp_path):
    def looked(group):
        raise AssertionError("a text format looked for front ends")

    monkeypatch.setattr(plugins, "entry_points", looked)
    for fmt in export.TEXT_FORMATS:
        assert export.exporter_for(fmt) is export.EXPORTERS[fmt]
