"""Text that cannot lie about itself: undecodable bytes and bidi controls made visible.

File names and command-line arguments arrive as ``str`` with lone surrogates
for bytes that are not UTF-8 (Python's ``surrogateescape``); such a string can
be neither printed nor stored, so :func:`displayable` turns each bad byte into
U+FFFD. Bidirectional formatting characters in untrusted text can make a
report read differently from what it says (an override reverses the letters
after it); :func:`visible_bidi` replaces each with a marker such as
``[U+202E]`` that a reader sees and no renderer obeys.
"""

from __future__ import annotations

import re

#: Embeddings, overrides, isolates and the three directional marks.
BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c")
_BIDI = re.compile("[" + "".join(sorted(BIDI_CONTROLS)) + "]")
_SURROGATE = re.compile("[\ud800-\udfff]")


def displayable(text: str) -> str:
    """``text`` with every undecodable byte (a lone surrogate) shown as U+FFFD."""
    if not _SURROGATE.search(text):
        return text
    raw = text.encode("utf-8", "surrogateescape") if _escaped_only(text) else None
    if raw is not None:
        return raw.decode("utf-8", "replace")
    return _SURROGATE.sub("\ufffd", text)


def _escaped_only(text: str) -> bool:
    """Whether every surrogate is one ``surrogateescape`` made (U+DC80–U+DCFF)."""
    return all("\udc80" <= ch <= "\udcff" for ch in _SURROGATE.findall(text))


def visible_bidi(text: str) -> str:
    """Each bidi control as ``[U+XXXX]``: shown to the reader, inert in every renderer."""
    return _BIDI.sub(lambda m: f"[U+{ord(m.group()):04X}]", text)
