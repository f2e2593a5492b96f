"""The desktop bundle: build.spec builds, and the frozen app runs both faces.

Slow (a full PyInstaller build), so it is marked ``bundle``; `make test` runs
it so every change proves the spec still works.
"""

from __future__ import annotations

import json
import os
import struct
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import DEMO, ROOT

pytestmark = pytest.mark.bundle


@pytest.fixture(scope="module")
def bundle_dir(tmp_path_factory) -> Path:
    work = tmp_path_factory.mktemp("bundle")
    cmd = [
        sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN",
        "--distpath", str(work / "dist"), "--workpath", str(work / "build"),
        str(ROOT / "build.spec"),
    ]
    proc = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, timeout=1500)
    assert proc.returncode == 0, proc.stderr[-4000:]
    return work / "dist" / "factdiff"


def _run(exe: Path, *args: str, timeout: int = 120) -> subprocess.CompletedProcess:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    return subprocess.run(
        [str(exe), *args], capture_output=True, text=True, timeout=timeout, env=env
    )


def test_bundle_reports_its_version(bundle_dir):
    proc = _run(bundle_dir / "factdiff", "--version")
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip().startswith("factdiff ")


def test_bundle_compares_to_json(bundle_dir):
    proc = _run(
        bundle_dir / "factdiff", "compare",
        str(DEMO / "harbor-ledger.txt"), str(DEMO / "coastal-wire.txt"), "--format", "json",
    )
    assert proc.returncode == 0, proc.stderr
    doc = json.loads(proc.stdout)
    assert doc["format"] == "factdiff-comparison"
    assert doc["alignments"]
    assert {d["kind"] for d in doc["discrepancies"]} >= {"number", "date"}


def test_bundle_screenshots_the_window(bundle_dir, tmp_path):
    shot = tmp_path / "out.png"
    proc = _run(bundle_dir / "factdiff", "gui", "--demo", "--screenshot", str(shot), timeout=180)
    assert proc.returncode == 0, proc.stderr
    data = shot.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", data[16:24])
    assert (width, height) == (1400, 900)
    assert len(data) > 20_000  # a real picture of a window, not a blank frame
