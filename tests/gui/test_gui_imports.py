"""The gui package's modules import each other one way: no cycle, not even a lazy one.

A module imported inside a function still counts: a cycle through one (the
window reaching back into the start-up module for an error dialog) is the kind
this guards against. Imports only type checkers see are left out.
"""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

from conftest import ROOT

GUI = ROOT / "gui"


def _type_checking_nodes(tree: ast.AST) -> set[int]:
    return {
        id(sub)
        for node in ast.walk(tree)
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test)
        for sub in ast.walk(node)
    }


def gui_imports(path: Path, modules: set[str]) -> set[str]:
    """The gui modules ``path`` imports anywhere in its code, at run time."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    skip = _type_checking_nodes(tree)
    found: set[str] = set()
    for node in ast.walk(tree):
        if id(node) in skip:
            continue
        if isinstance(node, ast.ImportFrom) and node.module == "gui":
            found |= {alias.name for alias in node.names if alias.name in modules}
        elif isinstance(node, ast.ImportFrom) and (node.module or "").startswith("gui."):
            found.add(node.module.split(".")[1])
        elif isinstance(node, ast.Import):
            found |= {a.name.split(".")[1] for a in node.names if a.name.startswith("gui.")}
    return found - {path.stem}


def find_cycle(graph: dict[str, set[str]]) -> list[str] | None:
    """One import cycle as a path of module names, or None."""
    state: dict[str, str] = {}
    stack: list[str] = []

    def visit(name: str) -> list[str] | None:
        state[name] = "open"
        stack.append(name)
        for dep in sorted(graph.get(name, ())):
            if state.get(dep) == "open":
                return [*stack[stack.index(dep):], dep]
            if dep not in state and (cycle := visit(dep)):
                return cycle
        stack.pop()
        state[name] = "done"
        return None

    for name in sorted(graph):
        if name not in state and (cycle := visit(name)):
            return cycle
    return None


def test_the_cycle_finder_sees_a_lazy_cycle(tmp_path):
    (tmp_path / "app.py").write_text("def run():\n    from gui.main_window import MainWindow\n")
    (tmp_path / "main_window.py").write_text("from gui import app\n")
    (tmp_path / "helper.py").write_text(
        "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from gui import app\n")
    modules = {p.stem for p in tmp_path.glob("*.py")}
    graph = {p.stem: gui_imports(p, modules) for p in tmp_path.glob("*.py")}
    assert graph["helper"] == set()
    assert find_cycle(graph) in (["app", "main_window", "app"], ["main_window", "app", "main_window"])


def test_no_gui_module_imports_itself_back():
    modules = {p.stem for p in GUI.glob("*.py")}
    graph = {p.stem: gui_imports(p, modules) for p in GUI.glob("*.py")}
    assert "review_session" in graph["main_window"]
    assert find_cycle(graph) is None


def test_error_dialogs_load_without_qt():
    """``factdiff gui`` reaches the error dialogs before the QApplication exists."""
    code = "import sys, gui.error_dialogs; print('PySide6' in sys.modules)"
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True,
                            text=True, check=True)
    assert result.stdout.strip() == "False"
