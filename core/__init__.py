"""FactDiff's engine: pure Python, never imports Qt.

Data flows one way: ingest → segment → align → diff → facts → discrepancies →
store → view/report. Each stage lives in its own module and only consumes the
public results of the stages before it.
"""

__version__ = "0.1.0"

#: Bumped whenever the engine's output for the same input may change, so that
#: cached comparisons in project files are recomputed.
ENGINE_VERSION = "3"
