"""Time-zone abbreviations news wires use, as ISO 8601 offsets.

Only zones with one common meaning in English-language news are listed;
"local time" has no offset, so such a time is kept without one and the
discrepancy engine knows it cannot compare it to a GMT time for certain.
"""

from __future__ import annotations

import re

OFFSETS = {
    "gmt": "+00:00", "utc": "+00:00", "z": "+00:00", "wet": "+00:00", "bst": "+01:00",
    "cet": "+01:00", "cest": "+02:00", "eet": "+02:00", "eest": "+03:00", "msk": "+03:00",
    "ist": "+05:30", "hkt": "+08:00", "sgt": "+08:00", "jst": "+09:00", "kst": "+09:00",
    "aest": "+10:00", "aedt": "+11:00", "est": "-05:00", "edt": "-04:00", "cst": "-06:00",
    "cdt": "-05:00", "mst": "-07:00", "mdt": "-06:00", "pst": "-08:00", "pdt": "-07:00",
    "akst": "-09:00", "hst": "-10:00",
}  # fmt: skip

_EXPLICIT = re.compile(r"(?:gmt|utc)\s?([+\-−])\s?([0-9]{1,2})(?::?([0-9]{2}))?$", re.I)


def zone_offset(zone: str) -> str | None:
    """``"GMT"`` → ``"+00:00"``, ``"UTC-5"`` → ``"-05:00"``; None for "local time"."""
    key = re.sub(r"\s+", " ", zone.strip().lower())
    if key in OFFSETS:
        return OFFSETS[key]
    explicit = _EXPLICIT.match(key)
    if explicit is None:
        return None
    sign = "-" if explicit.group(1) in "-−" else "+"
    hours = int(explicit.group(2))
    if hours > 14:
        return None
    return f"{sign}{hours:02d}:{explicit.group(3) or '00'}"
