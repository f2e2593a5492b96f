"""How colours look to readers with colour-vision deficiencies, and how far apart they are.

Used to check the viewer's palette: every discrepancy kind must stay
distinguishable from every other (and from the status marks) for readers
with protanopia, deuteranopia or tritanopia, not only for trichromats.
Simulation follows Machado, Oliveira & Fernandes (2009) at full severity,
applied in linear RGB; distances are CIE76 ΔE in CIELAB (D65), where about
2.3 is just noticeable and 10 is plainly different side by side.
Pure Python on "#rrggbb" strings, so core-free and Qt-free.
"""

from __future__ import annotations

import math
from itertools import combinations

Matrix = tuple[tuple[float, float, float], ...]

SIMULATIONS: dict[str, Matrix] = {
    "protanopia": (
        (0.152286, 1.052583, -0.204868),
        (0.114503, 0.786281, 0.099216),
        (-0.003882, -0.048116, 1.051998),
    ),
    "deuteranopia": (
        (0.367322, 0.860646, -0.227968),
        (0.280085, 0.672501, 0.047413),
        (-0.011820, 0.042940, 0.968881),
    ),
    "tritanopia": (
        (1.255528, -0.076749, -0.178779),
        (-0.078411, 0.930809, 0.147602),
        (0.004733, 0.691367, 0.303900),
    ),
}
VISIONS = ("normal", *SIMULATIONS)


def _to_linear(channel: float) -> float:
    return channel / 12.92 if channel <= 0.04045 else ((channel + 0.055) / 1.055) ** 2.4


def _from_linear(channel: float) -> float:
    channel = max(0.0, min(1.0, channel))
    return channel * 12.92 if channel <= 0.0031308 else 1.055 * channel ** (1 / 2.4) - 0.055


def rgb(colour: str) -> tuple[float, float, float]:
    """'#rrggbb' → sRGB channels in 0..1."""
    text = colour.lstrip("#")
    return tuple(int(text[i : i + 2], 16) / 255 for i in (0, 2, 4))  # type: ignore[return-value]


def simulate(colour: str, vision: str) -> tuple[float, float, float]:
    """The sRGB colour a reader with ``vision`` sees for ``colour``."""
    channels = rgb(colour)
    if vision == "normal":
        return channels
    linear = [_to_linear(c) for c in channels]
    matrix = SIMULATIONS[vision]
    return tuple(
        _from_linear(sum(m * c for m, c in zip(row, linear, strict=True))) for row in matrix
    )  # type: ignore[return-value]


def lab(channels: tuple[float, float, float]) -> tuple[float, float, float]:
    """sRGB (0..1) → CIELAB under D65."""
    r, g, b = (_to_linear(c) for c in channels)
    x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047
    y = 0.2126 * r + 0.7152 * g + 0.0722 * b
    z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883

    def f(t: float) -> float:
        return t ** (1 / 3) if t > 0.008856 else 7.787 * t + 16 / 116

    fx, fy, fz = f(x), f(y), f(z)
    return 116 * fy - 16, 500 * (fx - fy), 200 * (fy - fz)


def distance(a: str, b: str, vision: str = "normal") -> float:
    """ΔE between two colours as seen with ``vision``."""
    return math.dist(lab(simulate(a, vision)), lab(simulate(b, vision)))


def closest_pair(colours: dict[str, str], vision: str = "normal") -> tuple[float, str, str]:
    """The two entries hardest to tell apart with ``vision``, and their ΔE."""
    return min(
        (distance(colours[x], colours[y], vision), x, y) for x, y in combinations(colours, 2)
    )
