from gui_fixtures import *  # noqa: F403  (fixtures)
from PySide6.QtGui import QUndoStack

from core.store import Project
from gui.undo import AnnotationCommand


def _first_discrepancy(project):
    """The first pair that has a discrepancy (a wire reprint may have none)."""
    for pair in project.pairs():
        found = project.discrepancies(pair.id)
        if found:
            return pair, found[0]
    raise AssertionError("the demo project has no discrepancy at all")


def test_undo_restores_previous_values_in_the_file(demo_copy):
    project = Project.open(demo_copy)
    try:
        pair, disc = _first_discrepancy(project)
        stack = QUndoStack()
        applied, failed = [], []

        def push(field, value):
            previous = project.annotation(pair.id, disc.id)
            stack.push(AnnotationCommand(project, pair.id, disc.id, field, value, previous,
                                         "Tester", lambda *a: applied.append(a), failed.append))

        push("status", "confirmed")
        push("note", "first")
        push("note", "first draft")  # a second pause in typing: its own step
        assert stack.count() == 3
        ann = project.annotation(pair.id, disc.id)
        assert (ann.status, ann.note, ann.reviewer) == ("confirmed", "first draft", "Tester")
        stack.undo()
        assert project.annotation(pair.id, disc.id).note == "first"
        stack.undo()
        assert project.annotation(pair.id, disc.id).note == ""
        stack.undo()
        assert project.annotation(pair.id, disc.id).status == "open"
        stack.redo()
        assert project.annotation(pair.id, disc.id).status == "confirmed"
        assert failed == [] and len(applied) == 7
    finally:
        project.close()


def test_a_failed_write_is_reported_and_not_kept(demo_copy):
    project = Project.open(demo_copy, readonly=True)
    try:
        pair, disc = _first_discrepancy(project)
        stack = QUndoStack()
        failed = []
        stack.push(AnnotationCommand(project, pair.id, disc.id, "status", "dismissed", None,
                                     "", lambda *a: None, failed.append))
        assert stack.count() == 0
        assert failed and "read-only" in failed[0]
    finally:
        project.close()
