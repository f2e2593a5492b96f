"""The application icon: the committed .ico/.icns/.png are well-formed and up to date.

The containers are parsed here independently of resources/icons/render_icons.py,
so a bug in the writer cannot hide behind the same bug in a reader.
"""

from __future__ import annotations

import configparser
import importlib.util
import struct
import sys
from types import ModuleType

import pytest
from conftest import ROOT

ICONS = ROOT / "resources" / "icons"
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"

#: Pixel size of every PNG-capable ICNS type FactDiff writes.
ICNS_PNG_SIZES = {
    b"icp4": 16, b"icp5": 32, b"icp6": 64, b"ic07": 128, b"ic08": 256, b"ic09": 512,
    b"ic10": 1024, b"ic11": 32, b"ic12": 64, b"ic13": 256, b"ic14": 512,
}


def png_size(data: bytes) -> tuple[int, int]:
    """Width and height from a PNG's IHDR chunk (which must come first)."""
    assert data[:8] == PNG_SIGNATURE, "not a PNG"
    length, kind = struct.unpack(">I4s", data[8:16])
    assert kind == b"IHDR" and length == 13, "PNG without a leading IHDR chunk"
    return struct.unpack(">II", data[16:24])


def parse_ico(data: bytes) -> list[tuple[int, bytes]]:
    """(size, PNG) per entry, after checking the ICONDIR and every ICONDIRENTRY."""
    reserved, kind, count = struct.unpack("<HHH", data[:6])
    assert (reserved, kind) == (0, 1), "not an icon (.ico) file"
    assert count > 0
    entries = []
    end_of_directory = 6 + 16 * count
    expected_offset = end_of_directory
    for i in range(count):
        width, height, colours, zero, planes, bits, size, offset = struct.unpack(
            "<BBBBHHII", data[6 + 16 * i: 22 + 16 * i]
        )
        assert (colours, zero, planes, bits) == (0, 0, 1, 32), f"entry {i}: bad fields"
        assert offset == expected_offset, f"entry {i}: images must follow each other"
        assert offset + size <= len(data), f"entry {i} runs past the end of the file"
        png = data[offset: offset + size]
        side = width or 256
        assert (width or 256) == (height or 256), f"entry {i} is not square"
        assert png_size(png) == (side, side), f"entry {i}: PNG size differs from the directory"
        entries.append((side, png))
        expected_offset = offset + size
    assert expected_offset == len(data), "trailing bytes after the last image"
    return entries


def parse_icns(data: bytes) -> list[tuple[bytes, bytes]]:
    """(type, PNG) per entry, after checking the header and every entry's length."""
    magic, total = struct.unpack(">4sI", data[:8])
    assert magic == b"icns", "not an .icns file"
    assert total == len(data), "the header's length is not the file's length"
    entries = []
    pos = 8
    while pos < len(data):
        kind, length = struct.unpack(">4sI", data[pos: pos + 8])
        assert length > 8 and pos + length <= len(data), f"{kind!r}: bad length"
        entries.append((kind, data[pos + 8: pos + length]))
        pos += length
    assert pos == len(data)
    return entries


def load_renderer() -> ModuleType:
    spec = importlib.util.spec_from_file_location("render_icons", ICONS / "render_icons.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("render_icons", module)
    spec.loader.exec_module(module)
    return module


def test_ico_is_well_formed():
    entries = parse_ico((ICONS / "factdiff.ico").read_bytes())
    assert [size for size, _ in entries] == [16, 24, 32, 48, 64, 128, 256]


def test_icns_is_well_formed():
    entries = parse_icns((ICONS / "factdiff.icns").read_bytes())
    kinds = [kind for kind, _ in entries]
    assert len(kinds) == len(set(kinds)), "a type appears twice"
    assert {b"ic07", b"ic08", b"ic09", b"ic10"} <= set(kinds)
    for kind, png in entries:
        assert kind in ICNS_PNG_SIZES, f"unexpected type {kind!r}"
        side = ICNS_PNG_SIZES[kind]
        assert png_size(png) == (side, side), f"{kind!r} holds the wrong size"


@pytest.mark.parametrize(("name", "side"), [("factdiff-256.png", 256), ("factdiff-48.png", 48)])
def test_linux_pngs(name, side):
    assert png_size((ICONS / name).read_bytes()) == (side, side)


def test_desktop_entry_names_the_icon_and_the_window():
    entry = configparser.ConfigParser(interpolation=None)
    entry.optionxform = str  # keys are case-sensitive
    entry.read(ROOT / "resources" / "factdiff.desktop", encoding="utf-8")
    desktop = entry["Desktop Entry"]
    assert desktop["Type"] == "Application"
    assert desktop["Icon"] == "factdiff"
    assert desktop["Exec"].split()[:2] == ["factdiff", "gui"]
    assert desktop["Categories"].endswith(";")


def _mean_difference(a: bytes, b: bytes) -> float:
    """Mean absolute difference per channel (0–255) of two same-sized PNGs."""
    from PySide6.QtGui import QImage

    first = QImage.fromData(a).convertToFormat(QImage.Format.Format_RGBA8888)
    second = QImage.fromData(b).convertToFormat(QImage.Format.Format_RGBA8888)
    assert first.size() == second.size()
    pa = bytes(first.constBits())
    pb = bytes(second.constBits())
    return sum(abs(x - y) for x, y in zip(pa, pb, strict=True)) / len(pa)


def test_committed_icons_match_the_svg(qapp):
    """render_icons.py reproduces the committed files (so nobody forgot to re-run it).

    Different Qt versions may anti-alias a little differently: entries must
    have the same layout, and pixels may differ only slightly.
    """
    renderer = load_renderer()
    outputs = renderer.build_all(
        renderer.SOURCE.read_bytes(), renderer.SMALL_SOURCE.read_bytes()
    )
    assert set(outputs) == {"factdiff.ico", "factdiff.icns", "factdiff-256.png", "factdiff-48.png"}

    fresh_ico = parse_ico(outputs["factdiff.ico"])
    committed_ico = parse_ico((ICONS / "factdiff.ico").read_bytes())
    assert [s for s, _ in fresh_ico] == [s for s, _ in committed_ico]
    for (side, fresh), (_, committed) in zip(fresh_ico, committed_ico, strict=True):
        assert _mean_difference(fresh, committed) < 2.0, f"{side} px icon is out of date"

    fresh_icns = parse_icns(outputs["factdiff.icns"])
    committed_icns = parse_icns((ICONS / "factdiff.icns").read_bytes())
    assert [k for k, _ in fresh_icns] == [k for k, _ in committed_icns]
    big = dict(fresh_icns)[b"ic10"], dict(committed_icns)[b"ic10"]
    assert _mean_difference(*big) < 2.0, "the 1024 px icon is out of date"

    committed_png = (ICONS / "factdiff-256.png").read_bytes()
    assert _mean_difference(outputs["factdiff-256.png"], committed_png) < 2.0


def test_render_icons_writes_every_file(qapp, tmp_path):
    renderer = load_renderer()
    assert renderer.main(["--out", str(tmp_path)]) == 0
    written = sorted(p.name for p in tmp_path.iterdir())
    assert written == ["factdiff-256.png", "factdiff-48.png", "factdiff.icns", "factdiff.ico"]
    parse_ico((tmp_path / "factdiff.ico").read_bytes())
    parse_icns((tmp_path / "factdiff.icns").read_bytes())


def test_render_icons_reports_a_missing_source(qapp, tmp_path, capsys):
    renderer = load_renderer()
    assert renderer.main(["--source", str(tmp_path / "missing.svg"), "--out", str(tmp_path)]) == 2
    assert "cannot read" in capsys.readouterr().err
