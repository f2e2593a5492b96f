"""core/ must stay pure Python: importing every module loads no Qt."""

import subprocess
import sys

from conftest import ROOT

SCRIPT = r"""
import importlib, pkgutil, sys
import core
for mod in pkgutil.walk_packages(core.__path__, "core."):
    if mod.name == "core.__main__":
        continue
    importlib.import_module(mod.name)
bad = sorted(m for m in sys.modules if m.startswith(("PySide6", "shiboken6")))
print("\n".join(bad))
sys.exit(1 if bad else 0)
"""


def test_core_imports_no_qt():
    proc = subprocess.run(
        [sys.executable, "-c", SCRIPT], cwd=ROOT, capture_output=True, text=True, timeout=120
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
