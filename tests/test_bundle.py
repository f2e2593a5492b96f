"""The desktop bundle: build.spec builds, and the frozen app runs both faces.

Slow (a full PyInstaller build, a few minutes), so it is marked ``bundle``;
`make test` runs it so every change proves the spec still works. The bundle is
built once, into a temporary folder, and shared by every test here.

To check an existing bundle without rebuilding, point ``FACTDIFF_BUNDLE`` at
its folder (e.g. ``FACTDIFF_BUNDLE=dist/factdiff pytest -m bundle tests/test_bundle.py``).
"""

from __future__ import annotations

import json
import os
import struct
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest
from conftest import DEMO, ROOT

pytestmark = pytest.mark.bundle

BUILD_TIMEOUT_S = 1800  # two shared cores and a cold cache can take a while
RUN_TIMEOUT_S = 180
EXE_NAME = "factdiff.exe" if sys.platform == "win32" else "factdiff"
VERSION = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["version"]


@pytest.fixture(scope="module")
def bundle_dir(tmp_path_factory) -> Path:
    existing = os.environ.get("FACTDIFF_BUNDLE")
    if existing:
        folder = Path(existing).resolve()
        assert (folder / EXE_NAME).is_file(), f"FACTDIFF_BUNDLE={existing} holds no {EXE_NAME}"
        return folder
    pytest.importorskip("PyInstaller", reason="PyInstaller is not installed (pip install -e '.[dev]')")
    work = tmp_path_factory.mktemp("bundle")
    cmd = [
        sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN",
        "--distpath", str(work / "dist"), "--workpath", str(work / "build"),
        str(ROOT / "build.spec"),
    ]
    try:
        proc = subprocess.run(
            cmd, cwd=ROOT, capture_output=True, text=True, timeout=BUILD_TIMEOUT_S
        )
    except subprocess.TimeoutExpired as exc:
        pytest.fail(f"PyInstaller did not finish within {BUILD_TIMEOUT_S} s:\n{_tail(exc.stderr)}")
    assert proc.returncode == 0, f"PyInstaller failed ({proc.returncode}):\n{_tail(proc.stderr)}"
    folder = work / "dist" / "factdiff"
    assert (folder / EXE_NAME).is_file(), f"the build left no {EXE_NAME} in {folder}"
    return folder


def _tail(text: str | bytes | None, lines: int = 60) -> str:
    if isinstance(text, bytes):
        text = text.decode(errors="replace")
    return "\n".join((text or "").splitlines()[-lines:])


def _run(folder: Path, *args: str, timeout: int = RUN_TIMEOUT_S) -> subprocess.CompletedProcess:
    """Run the frozen app headless, from a neutral folder, and explain any failure."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    env.pop("PYTHONPATH", None)  # the bundle must not lean on the checkout
    proc = subprocess.run(
        [str(folder / EXE_NAME), *args],
        capture_output=True, text=True, timeout=timeout, env=env, cwd=folder.parent,
    )
    assert proc.returncode == 0, (
        f"`factdiff {' '.join(args)}` exited {proc.returncode}:\n{_tail(proc.stderr)}"
    )
    return proc


def test_bundle_reports_its_version(bundle_dir):
    proc = _run(bundle_dir, "--version")
    assert proc.stdout.strip() == f"factdiff {VERSION}"


def test_bundle_compares_to_json(bundle_dir):
    """The frozen engine finds exactly what the engine finds when run from source."""
    args = ["compare", str(DEMO / "harbor-ledger.txt"), str(DEMO / "coastal-wire.txt"),
            "--format", "json"]
    doc = json.loads(_run(bundle_dir, *args).stdout)
    assert doc["format"] == "factdiff-comparison"
    assert doc["alignments"]
    assert doc["discrepancies"], "the demo articles disagree; the bundle found nothing"
    source = subprocess.run(
        [sys.executable, "-m", "core", *args],
        capture_output=True, text=True, timeout=RUN_TIMEOUT_S, cwd=ROOT,
    )
    assert source.returncode == 0, _tail(source.stderr)
    expected = json.loads(source.stdout)
    hint = "the frozen engine disagrees with the source (was core/ edited after the build?)"
    assert doc["discrepancies"] == expected["discrepancies"], hint
    assert doc["alignments"] == expected["alignments"], hint


def test_bundle_extracts_articles_from_html(bundle_dir, tmp_path):
    """trafilatura, courlan, tld and htmldate find their data files when frozen."""
    page = tmp_path / "ferry.html"
    paragraphs = "".join(
        f"<p>{line}</p>"
        for line in (DEMO / "harbor-ledger.txt").read_text(encoding="utf-8").splitlines()[2:]
        if line.strip()
    )
    page.write_text(
        "<!doctype html><html lang='en'><head><title>Ferry fire | Harbor Ledger</title>"
        "<link rel='canonical' href='https://news.example.co.uk/2025/03/14/ferry-fire'>"
        "<meta property='article:published_time' content='2025-03-14T08:00:00Z'></head>"
        "<body><nav><a href='/'>Home</a> · <a href='/news'>News</a></nav><article>"
        f"<h1>Ferry fire forces evacuation</h1>{paragraphs}</article>"
        "<footer>Subscribe to our newsletter</footer></body></html>",
        encoding="utf-8",
    )
    proc = _run(bundle_dir, "compare", str(page), str(DEMO / "coastal-wire.txt"), "--format", "json")
    article = json.loads(proc.stdout)["a"]
    assert article["format"] == "html"
    assert article["title"] == "Ferry fire forces evacuation"
    assert article["published"] == "2025-03-14"
    assert "Subscribe" not in article["text"]


def test_bundle_screenshots_the_window(bundle_dir, tmp_path):
    shot = tmp_path / "out.png"
    _run(bundle_dir, "gui", "--demo", "--screenshot", str(shot))
    assert shot.is_file(), "the app exited 0 but wrote no screenshot"
    data = shot.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", data[16:24])
    assert (width, height) == (1400, 900)
    assert len(data) > 20_000  # a real picture of a window, not a blank frame


def test_bundle_exports_a_pdf_report(bundle_dir, tmp_path):
    """PDF comes from the window's front end, found through the bundled entry point metadata."""
    project = tmp_path / "demo.factdiff"
    _run(bundle_dir, "project", "new", str(project))
    _run(bundle_dir, "project", "add", str(project),
         str(DEMO / "harbor-ledger.txt"), str(DEMO / "coastal-wire.txt"))  # fmt: skip
    _run(bundle_dir, "project", "compare", str(project))
    pdf = tmp_path / "report.pdf"
    _run(bundle_dir, "report", str(project), "--format", "pdf", "-o", str(pdf))
    data = pdf.read_bytes()
    assert data.startswith(b"%PDF-") and len(data) > 10_000


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the trimming is measured on Linux")
def test_bundle_leaves_out_what_the_app_never_loads(bundle_dir):
    internal = bundle_dir / "_internal"
    names = {p.relative_to(internal).as_posix() for p in internal.rglob("*")}
    unwanted = [
        n for n in names
        if any(part in n for part in ("libQt6Quick", "libQt6Qml", "libQt6Network", "libQt6Pdf",
                                      "libgtk-3", "Qt/translations", "tkinter",
                                      "numpy/random", "numpy/fft"))
    ]
    # SciPy's folders; NumPy's own OpenBLAS is called libscipy_openblas64_ and stays
    unwanted += [n for n in names if n.split("/")[0] in ("scipy", "scipy.libs")]
    assert not unwanted, f"left-overs the spec should drop: {sorted(unwanted)[:10]}"
    dangling = [p for p in internal.rglob("*") if p.is_symlink() and not p.exists()]
    assert not dangling, f"symlinks to dropped files: {dangling[:5]}"
    for needed in ("resources/demo/harbor-ledger.txt", "resources/icons/factdiff.svg",
                   "PySide6/Qt/plugins/platforms/libqoffscreen.so",
                   "PySide6/Qt/plugins/platforms/libqxcb.so",
                   "PySide6/Qt/plugins/iconengines/libqsvgicon.so",
                   "core/lexicon/months.txt", "core/matchers/link_model.json"):
        assert needed in names, f"{needed} is missing from the bundle"
    size = sum(p.lstat().st_size for p in bundle_dir.rglob("*") if p.is_file())
    assert size <= 200 * 10**6, f"the bundle grew to {size / 10**6:.1f} MB (target 200 MB)"


def test_bundle_comes_with_a_download_under_90_mb(bundle_dir):
    """build.spec packs the folder into one archive beside it, links kept as links."""
    import tarfile
    import zipfile

    archives = [
        p for p in bundle_dir.parent.glob(f"{bundle_dir.name}-{VERSION}-*")
        if p.name.endswith((".tar.gz", ".zip"))
    ]
    assert len(archives) == 1, f"expected one archive beside the bundle, found {archives}"
    archive = archives[0]
    assert archive.stat().st_size <= 90 * 10**6, f"{archive.name} is {archive.stat().st_size:,} bytes"
    if archive.name.endswith(".zip"):
        names = zipfile.ZipFile(archive).namelist()
    else:
        with tarfile.open(archive) as tar:
            names = tar.getnames()
    assert f"{bundle_dir.name}/{EXE_NAME}" in names
