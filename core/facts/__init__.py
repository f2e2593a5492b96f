"""The facts one article states: quantities, dates, quotes, attributions, names, negations.

Facts are extracted per article, independently of any alignment, so two
articles can be checked against each other even where their sentences did not
pair up. Public API: :func:`extract_facts`, :func:`facts_to_dict` and the
records of :mod:`core.facts.fact_records`.

May import: core.ingest, core.text and the shared modules.
"""

from __future__ import annotations

from core.facts.extract import extract_facts
from core.facts.fact_records import Attribution, DateRef, Entity, Facts, Polarity, Quantity, Quote
from core.facts.serialize import facts_to_dict

__all__ = [
    "Attribution",
    "DateRef",
    "Entity",
    "Facts",
    "Polarity",
    "Quantity",
    "Quote",
    "extract_facts",
    "facts_to_dict",
]
