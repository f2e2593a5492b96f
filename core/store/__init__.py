"""The ``.factdiff`` project file: articles, events, pairs, cached comparisons, annotations.

Everything a fact-checker does lives in one SQLite file (docs/project-file.md).
Use :class:`Project`; the records it returns are immutable and thread-safe.
"""

from core.store.project import SUFFIX, Project
from core.store.records import (
    STATUSES,
    VERDICTS,
    AddResult,
    Annotation,
    AnnotationEdit,
    ArticleInfo,
    EventInfo,
    ImportReport,
    PairInfo,
    ProjectStatus,
)
from core.store.schema import SCHEMA_VERSION

__all__ = [
    "SCHEMA_VERSION",
    "STATUSES",
    "SUFFIX",
    "VERDICTS",
    "AddResult",
    "Annotation",
    "AnnotationEdit",
    "ArticleInfo",
    "EventInfo",
    "ImportReport",
    "PairInfo",
    "Project",
    "ProjectStatus",
]
