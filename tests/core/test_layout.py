"""The layout of core/: pure Python, one package per stage, imports that follow the pipeline.

Each stage package's ``__init__`` says in a "May import:" paragraph which other
parts of core it may import; ``core/__init__.py`` names the shared modules every
package may import. These tests read those paragraphs and hold the code to them,
so docs/architecture.md, the docstrings and the imports cannot drift apart.
"""

from __future__ import annotations

import ast
import re
import subprocess
import sys
from collections import defaultdict
from pathlib import Path

from conftest import ROOT

CORE = ROOT / "core"
#: Packages outside core that core never imports: the front end and Qt.
FOREIGN = ("gui", "PySide6", "shiboken6")

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


def _paragraph(path: Path, label: str) -> str | None:
    """The docstring text of ``path`` from a line starting with ``label`` to a blank line."""
    doc = ast.get_docstring(ast.parse(path.read_text(encoding="utf-8"))) or ""
    match = re.search(rf"^{re.escape(label)}.*?(?=\n\s*\n|\Z)", doc, re.MULTILINE | re.DOTALL)
    return match.group(0) if match else None


def _core_names(text: str) -> set[str]:
    return set(re.findall(r"\bcore\.\w+", text))


def shared_modules() -> set[str]:
    paragraph = _paragraph(CORE / "__init__.py", "Shared modules")
    assert paragraph, "core/__init__.py names no shared modules"
    return _core_names(paragraph) | {"core"}


def unit_of(path: Path) -> str:
    """The part of core a file belongs to: core.<package> or core.<module>."""
    first = path.relative_to(CORE).parts[0]
    return "core" if first == "__init__.py" else "core." + first.removesuffix(".py")


def rule_file(unit: str) -> Path:
    package = CORE / unit.split(".")[1]
    return package / "__init__.py" if package.is_dir() else package.with_suffix(".py")


def allowed_imports(unit: str, shared: set[str]) -> set[str]:
    if unit in shared:
        return shared
    paragraph = _paragraph(rule_file(unit), "May import:")
    assert paragraph, f"{rule_file(unit).relative_to(ROOT)} does not say what it may import"
    if "every part of core" in paragraph:
        return {unit_of(p) for p in CORE.rglob("*.py")}
    return _core_names(paragraph) | shared | {unit}


def imported_units(path: Path) -> set[str]:
    """Every part of core (or foreign package) a file imports, lazily or not."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            if node.module == "core":
                names = [f"core.{alias.name}" for alias in node.names]
            else:
                names = [node.module]
        else:
            continue
        for name in names:
            parts = name.split(".")
            if parts[0] in FOREIGN:
                found.add(parts[0])
            elif parts[0] == "core":
                is_part = len(parts) > 1 and (
                    (CORE / parts[1]).is_dir() or (CORE / f"{parts[1]}.py").is_file()
                )
                found.add(".".join(parts[:2]) if is_part else "core")
    return found


def core_files() -> list[Path]:
    return sorted(p for p in CORE.rglob("*.py") if "__pycache__" not in p.parts)


def test_every_part_of_core_imports_only_what_its_docstring_allows():
    shared = shared_modules()
    offenders = []
    for path in core_files():
        unit = unit_of(path)
        allowed = allowed_imports(unit, shared)
        for target in sorted(imported_units(path) - allowed):
            offenders.append(f"{path.relative_to(ROOT)} ({unit}) imports {target}")
    assert not offenders, "\n".join(offenders)


def test_no_module_under_core_imports_gui_or_qt_even_lazily():
    offenders = [
        f"{path.relative_to(ROOT)} imports {target}"
        for path in core_files()
        for target in sorted(imported_units(path) & set(FOREIGN))
    ]
    assert not offenders, offenders


def test_the_import_scan_sees_lazy_and_aliased_imports(tmp_path):
    sample = tmp_path / "sample.py"
    sample.write_text(
        "from core import lexicon, compare\n"
        "import core.text.segment as segment\n"
        "def later():\n"
        "    from gui.app import run\n"
        "    import PySide6.QtCore\n"
        "    from core.store.records import STATUSES\n",
        encoding="utf-8",
    )
    assert imported_units(sample) == {
        "core.lexicon", "core.compare", "core.text", "gui", "PySide6", "core.store",
    }  # fmt: skip


def test_every_top_level_module_is_shared_or_says_what_it_may_import():
    shared = shared_modules()
    loose = [
        p.name
        for p in CORE.glob("*.py")
        if p.name != "__init__.py"
        and unit_of(p) not in shared
        and _paragraph(p, "May import:") is None
    ]
    assert not loose, (
        f"core/ top-level modules {loose} belong to no stage: move each into the package of "
        "its stage, or list it as shared in core/__init__.py"
    )


def test_shared_modules_exist():
    missing = [
        name for name in shared_modules() - {"core"}
        if not (CORE / name.split(".")[1]).is_dir()
        and not (CORE / f"{name.split('.')[1]}.py").is_file()
    ]  # fmt: skip
    assert not missing, missing


def test_no_two_modules_in_core_share_a_basename():
    by_name = defaultdict(list)
    for path in core_files():
        if path.name not in ("__init__.py", "__main__.py"):
            by_name[path.name].append(str(path.relative_to(ROOT)))
    assert not {name: paths for name, paths in by_name.items() if len(paths) > 1}


def test_every_package_of_core_says_what_it_owns():
    silent = [
        str(init.relative_to(ROOT))
        for init in CORE.rglob("__init__.py")
        if not ast.get_docstring(ast.parse(init.read_text(encoding="utf-8")))
    ]
    assert not silent, silent
