"""The package installs with the pip that ships with Python, and its command runs.

A wheel is built from a copy of the checkout and installed into a fresh
``python -m venv``, whose pip is left as Python ships it: older pips drop
dependencies that newer ones pick up (lxml's ``html_clean`` extra, which
trafilatura needs to read a web page), and a user's first install uses that pip.

Marked ``install``: it fetches the dependencies (from pip's cache once
``make test`` has set up .venv, else from the package index) and takes about half a
minute. `make test` runs it; ``-m "not install"`` leaves it out when offline.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT, seed

pytestmark = pytest.mark.install

INSTALL_TIMEOUT_S = 900  # a cold cache downloads Qt, NumPy and SciPy
RUN_TIMEOUT_S = 120
BIN = "Scripts" if sys.platform == "win32" else "bin"
NOT_SOURCE = (".git", ".venv", "build", "dist", "*.egg-info", "__pycache__", ".*_cache")

PAGE = """<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>Storm leaves {homes} homes without power</title></head>
<body><nav><a href="/">Home</a> | <a href="/world">World</a></nav>
<article><h1>Storm leaves {homes} homes without power</h1>
<p>A powerful storm swept through the town on Tuesday, leaving {homes} homes without power,
officials said. Repair crews were working through the night.</p>
<p>Residents were urged to stay indoors until Thursday morning.</p>
</article><footer>Copyright Daily Planet</footer></body></html>
"""


@pytest.fixture(scope="module")
def venv(tmp_path_factory) -> Path:
    """A fresh virtual environment with the built wheel installed by its own, stock, pip."""
    work = tmp_path_factory.mktemp("install")
    _ok([sys.executable, "-m", "venv", str(work / "venv")], cwd=work)
    python = str(work / "venv" / BIN / "python")
    # Built from a copy: pip builds in the source folder and would leave build/ behind.
    source = shutil.copytree(ROOT, work / "src", ignore=shutil.ignore_patterns(*NOT_SOURCE))
    _ok([python, "-m", "pip", "wheel", "-q", "--no-deps", str(source), "-w", str(work / "wheels")],
        cwd=work)  # fmt: skip
    (wheel,) = (work / "wheels").glob("factdiff-*.whl")
    _ok([python, "-m", "pip", "install", "-q", "--prefer-binary", str(wheel)], cwd=work)
    return work / "venv"


def _ok(cmd: list[str], cwd: Path, timeout: int = INSTALL_TIMEOUT_S) -> subprocess.CompletedProcess:
    """Run ``cmd`` away from the checkout, and explain any failure."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    env.pop("PYTHONPATH", None)  # only what the wheel installed may be imported
    try:
        proc = subprocess.run(cmd, cwd=cwd, env=env, capture_output=True, text=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        pytest.fail(f"`{' '.join(cmd)}` did not finish within {timeout} s")
    assert proc.returncode == 0, f"`{' '.join(cmd)}` exited {proc.returncode}:\n{proc.stderr[-4000:]}"
    return proc


def _compare(venv: Path, a: Path, b: Path, cwd: Path) -> dict:
    proc = _ok([str(venv / BIN / "factdiff"), "compare", str(a), str(b), "--format", "json"],
               cwd=cwd, timeout=RUN_TIMEOUT_S)  # fmt: skip
    return json.loads(proc.stdout)


def test_the_venv_keeps_the_pip_python_ships(venv, tmp_path):
    stock = _ok([sys.executable, "-c", "import ensurepip; print(ensurepip.version())"], tmp_path)
    ours = _ok([str(venv / BIN / "python"), "-m", "pip", "--version"], tmp_path)
    assert ours.stdout.split()[1] == stock.stdout.strip()


def test_the_installed_package_is_the_one_that_runs(venv, tmp_path):
    proc = _ok([str(venv / BIN / "python"), "-c", "import core; print(core.__file__)"], tmp_path)
    assert Path(proc.stdout.strip()).is_relative_to(venv)


def test_installed_command_compares_two_text_articles(venv, tmp_path):
    result = _compare(venv, seed("000"), seed("002"), cwd=tmp_path)
    assert result["format"] == "factdiff-comparison"
    assert result["a"]["format"] == result["b"]["format"] == "txt"
    assert result["discrepancies"]


def test_installed_command_reads_web_pages(venv, tmp_path):
    a, b = tmp_path / "page.html", tmp_path / "other.html"
    a.write_text(PAGE.format(homes="3,000"), encoding="utf-8")
    b.write_text(PAGE.format(homes="4,000"), encoding="utf-8")
    result = _compare(venv, a, b, cwd=tmp_path)
    assert result["a"]["format"] == result["b"]["format"] == "html"
    assert result["a"]["title"] == "Storm leaves 3,000 homes without power"
    assert "Home | World" not in result["a"]["text"], "the page's navigation is not article text"
    assert any("3,000" in d["summary"] and "4,000" in d["summary"] for d in result["discrepancies"])
