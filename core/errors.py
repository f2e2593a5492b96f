"""Errors the engine raises on purpose.

Every message is one line a user can act on; the CLI and the window show it
as-is, so they never need to print a traceback.
"""


class FactDiffError(Exception):
    """Base class: anything the user can fix or should be told about."""


class IngestError(FactDiffError):
    """A file could not be turned into an article (missing, binary, empty…)."""


class ProjectError(FactDiffError):
    """A project file could not be opened or written."""


class ProjectLockedError(ProjectError):
    """Another process holds the project open for writing."""
