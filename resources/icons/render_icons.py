"""Render the application icon (factdiff.svg) into the formats each platform wants.

Run from the repository root after editing the SVG, and commit the results::

    python resources/icons/render_icons.py

Sizes up to 32 px come from ``factdiff-small.svg``, the same drawing
simplified onto a 16 px grid so it stays sharp. Writes, next to this script:

* ``factdiff.ico``: Windows icon, PNG-compressed entries of 16, 24, 32, 48, 64,
  128 and 256 px (the format Windows Vista and later read);
* ``factdiff.icns``: macOS icon family, PNG entries from 16 to 1024 px,
  including the Retina (@2x) types;
* ``factdiff-256.png`` and ``factdiff-48.png``: for the Linux ``.desktop``
  entry and icon themes.

Both containers are written by hand with :mod:`struct`; the only dependency is
PySide6 (QtSvg renders the vector source). Rendering needs no display: without
one, Qt's offscreen platform is used.
"""

from __future__ import annotations

import argparse
import os
import struct
import sys
from collections.abc import Iterable, Sequence
from pathlib import Path

HERE = Path(__file__).resolve().parent
SOURCE = HERE / "factdiff.svg"
#: The same design drawn on a 16 px grid, used up to SMALL_MAX px so the
#: smallest icons stay sharp instead of blurring the full drawing.
SMALL_SOURCE = HERE / "factdiff-small.svg"
SMALL_MAX = 32

#: Sizes embedded in the Windows .ico (256 is stored as 0 in the directory).
ICO_SIZES: tuple[int, ...] = (16, 24, 32, 48, 64, 128, 256)

#: The macOS icon family: (type code, pixel size). All of these types may hold
#: PNG data; the ic11…ic14 types are the @2x variants of the point sizes.
ICNS_TYPES: tuple[tuple[bytes, int], ...] = (
    (b"icp4", 16),
    (b"ic11", 32),
    (b"icp5", 32),
    (b"ic12", 64),
    (b"ic07", 128),
    (b"ic13", 256),
    (b"ic08", 256),
    (b"ic14", 512),
    (b"ic09", 512),
    (b"ic10", 1024),
)

#: Stand-alone PNGs for Linux (file name, size).
PNG_OUTPUTS: tuple[tuple[str, int], ...] = (("factdiff-256.png", 256), ("factdiff-48.png", 48))

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"

_app: object | None = None  # the headless QGuiApplication, once started here


def _ensure_gui_application() -> None:
    """QPainter needs a QGuiApplication; start a headless one if none is running."""
    from PySide6.QtGui import QGuiApplication

    global _app
    if QGuiApplication.instance() is not None:
        return
    if sys.platform.startswith("linux") and not (
        os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")
    ):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    _app = QGuiApplication([sys.argv[0] if sys.argv else "render_icons"])


def render_png(svg: bytes, size: int) -> bytes:
    """The SVG drawn into a transparent ``size``×``size`` image, as PNG bytes."""
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRectF
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    _ensure_gui_application()
    renderer = QSvgRenderer(QByteArray(svg))
    if not renderer.isValid():
        raise ValueError("the icon source is not a valid SVG")
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(0)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    renderer.render(painter, QRectF(0, 0, size, size))
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    if not image.convertToFormat(QImage.Format.Format_ARGB32).save(buffer, "PNG"):
        raise RuntimeError(f"could not encode the {size} px icon as PNG")
    buffer.close()
    return bytes(data.data())


def render_sizes(svg: bytes, sizes: Iterable[int], small_svg: bytes | None = None) -> dict[int, bytes]:
    """One PNG per distinct size; ``small_svg``, if given, draws sizes up to SMALL_MAX."""
    return {
        size: render_png(small_svg if small_svg and size <= SMALL_MAX else svg, size)
        for size in sorted(set(sizes))
    }


def build_ico(pngs: dict[int, bytes], sizes: Sequence[int] = ICO_SIZES) -> bytes:
    """A Windows .ico: ICONDIR, one ICONDIRENTRY per size, then the PNG images."""
    header = struct.pack("<HHH", 0, 1, len(sizes))
    offset = len(header) + 16 * len(sizes)
    directory = b""
    images = b""
    for size in sizes:
        png = pngs[size]
        if not 1 <= size <= 256:
            raise ValueError(f"an .ico entry must be 1–256 px, not {size}")
        dim = 0 if size == 256 else size  # 0 means 256 in the one-byte fields
        directory += struct.pack("<BBBBHHII", dim, dim, 0, 0, 1, 32, len(png), offset)
        images += png
        offset += len(png)
    return header + directory + images


def build_icns(pngs: dict[int, bytes], types: Sequence[tuple[bytes, int]] = ICNS_TYPES) -> bytes:
    """A macOS .icns: the 'icns' header, then (type, length, PNG) per entry."""
    body = b""
    for code, size in types:
        png = pngs[size]
        body += code + struct.pack(">I", 8 + len(png)) + png
    return b"icns" + struct.pack(">I", 8 + len(body)) + body


def build_all(svg: bytes, small_svg: bytes | None = None) -> dict[str, bytes]:
    """Every output file's name and contents, rendered from ``svg`` (and ``small_svg``)."""
    sizes = {*ICO_SIZES, *(size for _, size in ICNS_TYPES), *(size for _, size in PNG_OUTPUTS)}
    pngs = render_sizes(svg, sizes, small_svg)
    outputs = {"factdiff.ico": build_ico(pngs), "factdiff.icns": build_icns(pngs)}
    for name, size in PNG_OUTPUTS:
        outputs[name] = pngs[size]
    return outputs


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--source", type=Path, default=SOURCE, help="the SVG to render")
    parser.add_argument("--small-source", type=Path, default=SMALL_SOURCE,
                        help=f"the SVG for sizes up to {SMALL_MAX} px")
    parser.add_argument("--out", type=Path, default=HERE, help="folder for the outputs")
    args = parser.parse_args(argv)
    try:
        svg = args.source.read_bytes()
        small_svg = args.small_source.read_bytes()
    except OSError as exc:
        print(f"render_icons: cannot read {exc.filename}: {exc.strerror}", file=sys.stderr)
        return 2
    args.out.mkdir(parents=True, exist_ok=True)
    for name, data in build_all(svg, small_svg).items():
        (args.out / name).write_bytes(data)
        print(f"{name}: {len(data):,} bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
