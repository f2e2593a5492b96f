"""What a plain-text comparison loads: nothing it does not need.

Start-up is most of a one-off ``factdiff compare``; HTML extraction
(trafilatura, lxml), SciPy (the aligner's sparse rows are plain numpy), the
encoding guesser (only for text that is neither UTF-8 nor Western), the
project file and report renderers, the entry-point lookup, worker processes, Qt
and the window's package (which core reaches only through an entry point, on
demand) must stay out of it.
"""

from __future__ import annotations

import subprocess
import sys

from conftest import seed

FORBIDDEN = (
    "trafilatura",
    "lxml",
    "scipy",
    "charset_normalizer",
    "sqlite_utils",
    "markdown",
    "importlib.metadata",
    "multiprocessing",
    "concurrent.futures",
    "PySide6",
    "shiboken6",
    "gui",
)


def test_plain_text_compare_imports_no_html_parser_no_qt_no_scipy(tmp_path):
    done = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "core", "compare",
         str(seed("000")), str(seed("002")), "--format", "json", "-o", str(tmp_path / "c.json")],
        capture_output=True, text=True, check=True,
    )  # fmt: skip
    imported = {line.split("|")[-1].strip() for line in done.stderr.splitlines() if "|" in line}
    assert imported, "importtime printed nothing"
    loaded = sorted(m for m in imported if m.split(".")[0] in {f.split(".")[0] for f in FORBIDDEN}
                    and any(m == f or m.startswith(f + ".") for f in FORBIDDEN))  # fmt: skip
    assert not loaded, loaded
    assert (tmp_path / "c.json").stat().st_size > 0
