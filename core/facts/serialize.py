"""Facts as plain JSON-ready data, for the CLI and the comparison format."""

from __future__ import annotations

import math
from typing import Any

from core.facts.fact_records import Facts


def facts_to_dict(facts: Facts) -> dict[str, list[dict[str, Any]]]:
    """One list per fact type, each record a dict of its fields plus its ``kind``.

    Infinite bounds become ``null`` because JSON has no infinity.
    """
    return {name: [_record(r) for r in records] for name, records in facts._asdict().items()}


def _record(record: Any) -> dict[str, Any]:
    data = record._asdict()
    data.setdefault("kind", record.kind)
    for key, value in data.items():
        if isinstance(value, float) and not math.isfinite(value):
            data[key] = None
        elif isinstance(value, float) and value.is_integer() and abs(value) < 2**53:
            data[key] = int(value)
    return data
