"""Opening, creating, closing and re-reading projects: the window's project half.

A mixin of :class:`gui.main_window.MainWindow`, kept apart so the window's
module stays about reviewing; it uses the window's widgets and settings but
connects no signals of its own.
"""

from __future__ import annotations

import re
import sys
from datetime import datetime
from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QMessageBox

from core.errors import FactDiffError, ProjectLockedError
from core.store import SUFFIX
from gui import jobs

FILE_FILTER = "FactDiff projects (*.factdiff)"
_ISO_STAMP = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d(?::\d\d)?(?:\.\d+)?(?:[+-]\d\d:\d\d|Z)?")
_READ_ONLY_ADVICE = re.compile(r";\s*open it read-only to view it\s*", re.IGNORECASE)


def _local_time(stamp: str) -> str:
    """"2025-03-14T09:02:11+00:00" → "14 Mar 2025, 10:02" in the reader's time zone."""
    try:
        moment = datetime.fromisoformat(stamp.replace("Z", "+00:00"))
    except ValueError:
        return stamp
    if moment.tzinfo is not None:
        moment = moment.astimezone()
    return f"{moment.day} {moment:%b %Y, %H:%M}"


def in_use_text(message: str) -> str:
    """The lock's one-line message, for a person: a readable time, the question asked once."""
    text = _ISO_STAMP.sub(lambda m: _local_time(m.group()), message)
    text = _READ_ONLY_ADVICE.sub(" ", text).strip()
    text = text.replace("( ", "(").replace(" )", ")")
    if not text.endswith("."):
        text += "."
    return f"{text}\n\nOpen it read-only, to read and export but not change it?"


class ProjectsMixin:
    """Project lifecycle for the main window (needs its widgets and ``settings``)."""

    def open_demo(self) -> bool:
        """Open the demo project; building it (first start) happens in the background."""
        from gui import demo

        if self.interactive and not demo.is_current():
            self.message("Preparing the demo project: importing and comparing its articles…", 0)
            self.runner.start("demo", "Preparing the demo",
                              lambda _progress, _cancelled: demo.ensure_demo(),
                              self.open_project)
            return True
        try:
            path = demo.ensure_demo()
        except FactDiffError as exc:
            self.show_error(f"Cannot prepare the demo project: {exc}")
            return False
        return self.open_project(path)

    def open_project(self, path: str | Path, readonly: bool = False) -> bool:
        """Open ``path`` (asking to fall back to read-only if another process holds it)."""
        from core.store import Project

        path = Path(path)
        if self.project is not None and Path(self.project.path).resolve() == path.resolve():
            return True
        try:
            project = Project.open(path, readonly=readonly)
        except ProjectLockedError as exc:
            if not self.interactive:  # nobody to answer (--screenshot): read-only, and say so
                print(f"factdiff: {exc}; opening it read-only", file=sys.stderr)
                return self.open_project(path, readonly=True)
            answer = QMessageBox.question(
                self, "Project in use", in_use_text(str(exc)))
            if answer != QMessageBox.StandardButton.Yes:
                return False
            return self.open_project(path, readonly=True)
        except FactDiffError as exc:
            self.settings.remove_recent_project(path)
            self.show_error(f"Cannot open {path.name}: {exc}")
            return False
        self.set_project(project)
        return True

    def new_project_dialog(self) -> None:
        from core.store import Project

        name, _ = QFileDialog.getSaveFileName(self, "New Project", str(Path.home()), FILE_FILTER)
        if not name:
            return
        path = Path(name)
        if path.suffix != SUFFIX:
            path = path.with_suffix(SUFFIX)
        try:
            project = Project.create(path)
        except FactDiffError as exc:
            self.show_error(f"Cannot create {path.name}: {exc}")
            return
        self.set_project(project)
        self.message("New project created: import articles with Ctrl+I or drop files here.")

    def open_project_dialog(self) -> None:
        start = self.settings.recent_projects()[:1] or [str(Path.home())]
        name, _ = QFileDialog.getOpenFileName(self, "Open Project", start[0], FILE_FILTER)
        if name:
            self.open_project(name)

    def _fill_recent_menu(self) -> None:
        self.recent_menu.clear()
        recent = self.settings.recent_projects()
        for index, path in enumerate(recent, start=1):
            action = self.recent_menu.addAction(f"&{index % 10} {Path(path).name}")
            action.setToolTip(path)
            action.setStatusTip(path)
            action.triggered.connect(lambda _checked=False, p=path: self.open_project(p))
        if not recent:
            empty = self.recent_menu.addAction("No recent projects")
            empty.setEnabled(False)
        self.recent_menu.addSeparator()
        self.recent_menu.addAction(self.actions.clear_recent)
        self.actions.clear_recent.setEnabled(bool(recent))

    def set_project(self, project) -> None:
        """Make ``project`` current: everything shown is re-read from it."""
        self.close_project()
        self.project = project
        reviewer = self.settings.reviewer
        if reviewer and not project.readonly:
            try:
                project.reviewer = reviewer
            except FactDiffError as exc:
                self.message(str(exc))
        self.settings.add_recent_project(project.path)
        # A picture made for others (--screenshot) must not show this machine's login name.
        self.editor.set_reviewer_placeholder((reviewer or project.reviewer) if self.interactive
                                             else "")
        self._update_title()
        self.refresh_project()
        self.projectChanged.emit()
        if project.readonly:
            self.message(f"{Path(project.path).name} is read-only: "
                         f"{getattr(project, 'readonly_reason', '')}")
        pairs = self.browser.pair_ids()
        if pairs:
            self.browser.select_pair(pairs[0])
        elif not self._articles:
            self.message("This project is empty: import articles with Ctrl+I or drop files here.")

    def close_project(self) -> None:
        if self.project is None:
            return
        self.editor.flush()
        self.runner.cancel()
        self.runner.wait(10000)
        self.undo_stack.clear()
        self.close_fact_table()
        self._clear_pair()
        self.browser.clear()
        self._pairs.clear()
        self._articles.clear()
        try:
            self.project.close()
        except FactDiffError as exc:
            self.message(str(exc))
        self.project = None
        self._update_title()
        self._update_counts()
        self._update_actions()
        self.projectChanged.emit()

    def refresh_project(self, snap: jobs.Snapshot | None = None) -> None:
        """Show events, articles and pairs anew (after import, grouping or compare-all).

        Background jobs hand over a snapshot they read in their own thread, so
        the GUI thread only rebuilds the tree.
        """
        if self.project is None:
            return
        if snap is None:
            try:
                snap = jobs.snapshot(self.project)
            except FactDiffError as exc:
                self.show_error(str(exc))
                return
        events, articles, pairs, revisions = snap
        self._articles = {a.id: a for a in articles}
        self._pairs = {p.id: p for p in pairs}
        self.browser.populate(events, articles, pairs, revisions)
        if self.pair_id is not None and self.pair_id not in self._pairs:
            self._clear_pair()
        self._update_counts()
        self._update_actions()
