"""The ``.factdiff`` project file: articles, events, pairs, cached comparisons, annotations.

Everything a fact-checker does lives in one SQLite file (docs/project-file.md).
Use :class:`Project`; the records it returns are immutable and thread-safe.

Names load on first use, so ``core.store.records`` (the CLI's option choices)
can be imported without sqlite-utils.

May import: core.ingest, core.compare, core.events and the shared modules.
"""

# ruff: noqa: F401 - the TYPE_CHECKING imports below are the re-exports, for static tools
from typing import TYPE_CHECKING

from core.lazy_exports import lazy_getattr

if TYPE_CHECKING:  # the same names, spelled out for editors and type checkers
    from core.store.project import SUFFIX, Project
    from core.store.records import (
        STATUSES,
        VERDICTS,
        AddResult,
        Annotation,
        AnnotationEdit,
        ArticleEdit,
        ArticleInfo,
        EventInfo,
        ImportReport,
        PairInfo,
        ProjectStatus,
        Provenance,
        RevisionInfo,
    )
    from core.store.schema import SCHEMA_VERSION

#: Each public name and the module it lives in; the single list of what ``core.store`` exports.
_EXPORTS = {
    "SUFFIX": "core.store.project",
    "Project": "core.store.project",
    "SCHEMA_VERSION": "core.store.schema",
    **dict.fromkeys(
        (
            "STATUSES",
            "VERDICTS",
            "AddResult",
            "Annotation",
            "AnnotationEdit",
            "ArticleEdit",
            "ArticleInfo",
            "EventInfo",
            "ImportReport",
            "PairInfo",
            "ProjectStatus",
            "Provenance",
            "RevisionInfo",
        ),
        "core.store.records",
    ),
}
__getattr__ = lazy_getattr(__name__, _EXPORTS)
__all__ = sorted(_EXPORTS)
