"""Bytes of a saved article to text, or a clear reason why not.

Order matters and follows what is most certain first: a byte-order mark, then
strict UTF-8 (random bytes almost never pass it), then a charset the HTML page
declares, then Windows-1252 — what most non-UTF-8 Western news files are.
charset-normalizer is only asked when Windows-1252 reads as gibberish (a
Cyrillic or Greek code page, say), because on short Western texts it tends to
guess a neighbouring code page and garble a few letters.
"""

from __future__ import annotations

import codecs
import re

from core.errors import IngestError

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_META_CHARSET = re.compile(
    rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]{2,40})""", re.I
)
_BINARY_MAGIC = (
    b"%PDF",
    b"PK\x03\x04",
    b"\x89PNG",
    b"GIF8",
    b"\xff\xd8\xff",
    b"\x1f\x8b",
    b"\x7fELF",
)  # Windows programs ("MZ") hold NUL bytes near the start; text may begin "MZ Ventures"
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f\ufffe\uffff]")
_SAMPLE = 64 * 1024
_MAX_CHAOS = 0.2
_MAX_CONTROL_RATIO = 0.002
_WESTERN = ("cp1252", "windows-1252", "latin_1", "iso8859_1", "iso8859_15", "ascii", "utf_8")


class BinaryContent(IngestError):
    """The bytes are not text at all (an image, a PDF, an executable…)."""


class Undecodable(IngestError):
    """The bytes look like text but in no encoding we can read reliably."""


def decode(raw: bytes, *, html: bool = False) -> str:
    """Text of ``raw`` with the encoding detected; raises the two errors above."""
    text = _decode_bom(raw)
    if text is None:
        if _looks_binary(raw):
            raise BinaryContent("binary file, not an article")
        text = _decode_without_bom(raw, html=html)
    _check_controls(text)
    return text.removeprefix("\ufeff")


def _decode_bom(raw: bytes) -> str | None:
    for bom, encoding in _BOMS:
        if raw.startswith(bom):
            try:
                return raw[len(bom) :].decode(encoding)
            except UnicodeDecodeError as exc:
                raise Undecodable(
                    f"undecodable bytes: declared {encoding.upper()} by its byte-order mark but invalid at byte {exc.start + len(bom)}"
                ) from None
    return None


def _decode_without_bom(raw: bytes, *, html: bool) -> str:
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        _refuse_broken_utf8(raw, exc)
    declared = _declared_charset(raw) if html else None
    if declared:
        try:
            return raw.decode(declared)
        except UnicodeDecodeError:
            pass
    return _decode_legacy(raw)


def _decode_legacy(raw: bytes) -> str:
    try:
        western = raw.decode("cp1252")
    except UnicodeDecodeError:
        western = None
    if western is not None and _plausibly_western(western):
        return western
    import charset_normalizer  # ~13 ms: only for text that is neither UTF-8 nor Western

    guess = charset_normalizer.from_bytes(raw[: 4 * _SAMPLE]).best()
    if guess is not None and guess.encoding not in _WESTERN and guess.chaos <= _MAX_CHAOS:
        try:
            decoded = raw.decode(guess.encoding)
        except (UnicodeDecodeError, LookupError):
            decoded = ""
        if decoded and not _plausibly_western(decoded):
            return decoded
    if western is not None:
        return western
    raise Undecodable("undecodable bytes: not UTF-8, UTF-16 (with BOM) or Windows-1252 text")


def _refuse_broken_utf8(raw: bytes, error: UnicodeDecodeError) -> None:
    """UTF-8 with a few corrupt bytes must not be read as Windows-1252 mojibake.

    Guessing would silently change characters a fact-checker compares, so the
    user is told where the damage is instead.
    """
    sample = raw[: 4 * _SAMPLE].decode("utf-8", errors="replace")
    valid_multibyte = sum(1 for c in sample if ord(c) > 0x7F and c != "\ufffd")
    broken = sample.count("\ufffd")
    if valid_multibyte >= 3 and valid_multibyte >= broken:
        line = raw.count(b"\n", 0, error.start) + 1
        raise Undecodable(
            f"undecodable bytes: UTF-8 text with invalid bytes at byte {error.start} "
            f"(line {line}); re-save the file as UTF-8"
        )


def _declared_charset(raw: bytes) -> str | None:
    found = _META_CHARSET.search(raw[:_SAMPLE])
    if not found:
        return None
    try:
        return codecs.lookup(found.group(1).decode("ascii")).name
    except LookupError:
        return None


def _plausibly_western(text: str) -> bool:
    """Western text is mostly ASCII letters with a sprinkling of accents.

    The converse tells a real Cyrillic or Greek page (nearly all letters
    non-ASCII) from stray bytes a detector can always map to some code page.
    """
    sample = text[:_SAMPLE]
    letters = sum(1 for c in sample if c.isalpha())
    if not letters:
        return True
    accented = sum(1 for c in sample if c.isalpha() and ord(c) > 0x7F)
    return accented / letters < 0.3


def _looks_binary(raw: bytes) -> bool:
    head = raw[:_SAMPLE]
    if head.startswith(_BINARY_MAGIC) or b"\x00" in head:
        return True
    controls = sum(head.count(bytes([b])) for b in (*range(0, 9), *range(14, 32)))
    return controls > max(2, len(head) * _MAX_CONTROL_RATIO)


def _check_controls(text: str) -> None:
    sample = text[:_SAMPLE]
    controls = len(_CONTROL.findall(sample))
    if controls > max(2, len(sample) * _MAX_CONTROL_RATIO):
        if "\x00" in sample:
            raise BinaryContent("binary file, not an article")
        raise Undecodable("undecodable bytes: not UTF-8, UTF-16 (with BOM) or Windows-1252 text")
