"""Stable discrepancy ids: what was flagged, not where or in which order.

The id hashes the kind and the normalised text of both sides, so re-running a
comparison (even after the alignment or ranking changed) finds the same id
and a fact-checker's annotation stays attached. Two flags with identical
texts get a deterministic suffix in the order they are listed.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence

from core.discrepancies.flag import Flag
from core.discrepancies.text import excerpt, normalise

ID_LENGTH = 12


def fingerprint(kind: str, text_a: str, text_b: str, salt: int = 0) -> str:
    material = "\x1f".join((kind, normalise(text_a), normalise(text_b)))
    if salt:
        material += f"\x1f{salt}"
    return hashlib.sha1(material.encode("utf-8")).hexdigest()[:ID_LENGTH]


def assign_ids(flags: Sequence[Flag], text_a: str, text_b: str) -> list[str]:
    ids: list[str] = []
    seen: set[str] = set()
    for f in flags:
        base_a, base_b = excerpt(text_a, f.a), excerpt(text_b, f.b)
        salt = 0
        ident = fingerprint(f.kind, base_a, base_b)
        while ident in seen:
            salt += 1
            ident = fingerprint(f.kind, base_a, base_b, salt)
        seen.add(ident)
        ids.append(ident)
    return ids
