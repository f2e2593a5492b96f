"""FactDiff's engine: pure Python, never imports Qt.

Data flows one way: ingest → segment → align → diff → facts → discrepancies →
store → view/report. Each stage lives in its own package and only consumes the
public results of the stages before it.

Shared modules, which every package may import (and which import only each other):
core.model, core.errors, core.lexicon, core.safe_text, core.atomic_file,
core.user_config, core.resources_path, core.lazy_exports, core.plugins,
core.comparison_format.
"""

__version__ = "0.1.0"

#: Bumped whenever the engine's output for the same input may change, so that
#: cached comparisons in project files are recomputed.
ENGINE_VERSION = "54"
