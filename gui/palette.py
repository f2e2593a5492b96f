"""Every colour and text style the viewer uses, derived from the widget palette.

Discrepancy kinds take the Okabe–Ito colours because they stay distinct for
the common forms of colour blindness.  Highlights are those hues blended into
the pane's base colour rather than drawn with alpha, so overlapping layers stay
crisp and text keeps its contrast; the blend strength depends on whether the
theme is light or dark (judged from the window colour's lightness), which is
what keeps one set of hues readable in both.

Status is shown by *style*, never by a second hue, so kind and status can be
read at once: open is a plain tint, confirmed adds a solid underline and a
stronger tint, follow-up a wavy underline, dismissed fades almost away.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtGui import QColor, QPalette, QTextCharFormat

from core.model import KIND_LABELS, KINDS, SEVERITIES

# Okabe & Ito (2008), "Color Universal Design".
OKABE_ITO = {
    "orange": "#E69F00",
    "sky_blue": "#56B4E9",
    "bluish_green": "#009E73",
    "yellow": "#F0E442",
    "blue": "#0072B2",
    "vermillion": "#D55E00",
    "reddish_purple": "#CC79A7",
    "grey": "#8C8C8C",  # stands in for the scheme's black, which vanishes on dark themes
}

KIND_HUES = {
    "number": OKABE_ITO["vermillion"],
    "date": OKABE_ITO["blue"],
    "quote": OKABE_ITO["reddish_purple"],
    "attribution": OKABE_ITO["orange"],
    "negation": OKABE_ITO["yellow"],
    "entity": OKABE_ITO["bluish_green"],
    "wording": OKABE_ITO["sky_blue"],
    "omission": OKABE_ITO["grey"],
}


SEVERITY_RANK = {severity: len(SEVERITIES) - i for i, severity in enumerate(SEVERITIES)}
"""high → 3, medium → 2, low → 1 (0 means "no discrepancy")."""

# Tint strengths (share of the kind hue mixed into the base colour).
_TINT = {
    # status:      (light, dark)
    "open": (0.30, 0.38),
    "confirmed": (0.46, 0.55),
    "follow-up": (0.30, 0.38),
    "dismissed": (0.10, 0.14),
}
_CURRENT_BOOST = 0.16


def mix(a: QColor, b: QColor, amount: float) -> QColor:
    """``amount`` of ``b`` blended into ``a`` (0 → a, 1 → b), opaque."""
    t = max(0.0, min(1.0, amount))
    return QColor.fromRgbF(
        a.redF() + (b.redF() - a.redF()) * t,
        a.greenF() + (b.greenF() - a.greenF()) * t,
        a.blueF() + (b.blueF() - a.blueF()) * t,
    )


def with_alpha(colour: QColor, alpha: float) -> QColor:
    out = QColor(colour)
    out.setAlphaF(max(0.0, min(1.0, alpha)))
    return out


def is_dark(palette: QPalette) -> bool:
    return palette.color(QPalette.ColorRole.Window).lightness() < 128


@dataclass(eq=False)
class Theme:
    """The viewer's colours for one widget palette; rebuild it on palette change."""

    dark: bool
    base: QColor
    text: QColor
    window: QColor
    highlight: QColor
    _formats: dict[tuple, QTextCharFormat] = field(default_factory=dict, repr=False)
    _colours: dict[tuple, QColor] = field(default_factory=dict, repr=False)

    @classmethod
    def from_palette(cls, palette: QPalette) -> Theme:
        return cls(
            dark=is_dark(palette),
            base=QColor(palette.color(QPalette.ColorRole.Base)),
            text=QColor(palette.color(QPalette.ColorRole.Text)),
            window=QColor(palette.color(QPalette.ColorRole.Window)),
            highlight=QColor(palette.color(QPalette.ColorRole.Highlight)),
        )

    # --- kinds ---------------------------------------------------------

    def kind_hue(self, kind: str) -> QColor:
        return QColor(KIND_HUES.get(kind, OKABE_ITO["grey"]))

    def kind_line(self, kind: str) -> QColor:
        """Hue for lines and outlines: darkened on light themes (yellow would vanish)."""
        hue = self.kind_hue(kind)
        return hue.lighter(125) if self.dark else hue.darker(135)

    def kind_tint(self, kind: str, status: str = "open", current: bool = False) -> QColor:
        light, dark = _TINT.get(status, _TINT["open"])
        amount = (dark if self.dark else light) + (_CURRENT_BOOST if current else 0.0)
        return mix(self.base, self.kind_hue(kind), amount)

    # --- text formats -------------------------------------------------

    def span_format(
        self, kind: str, status: str = "open", current: bool = False
    ) -> QTextCharFormat:
        """How a discrepancy's span looks in an article pane."""
        key = ("span", kind, status, current)
        cached = self._formats.get(key)
        if cached is not None:
            return cached
        fmt = QTextCharFormat()
        fmt.setBackground(self.kind_tint(kind, status, current))
        if status == "confirmed":
            fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SingleUnderline)
            fmt.setUnderlineColor(self.kind_line(kind))
        elif status == "follow-up":
            fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.WaveUnderline)
            fmt.setUnderlineColor(self.kind_line(kind))
        elif status == "dismissed":
            fmt.setForeground(self.dimmed_text())
        self._formats[key] = fmt
        return fmt

    def dimmed_text(self) -> QColor:
        return mix(self.text, self.base, 0.45)

    def boilerplate_format(self) -> QTextCharFormat:
        """Site furniture: kept readable but visibly out of the comparison."""
        fmt = QTextCharFormat()
        fmt.setForeground(mix(self.text, self.base, 0.55))
        return fmt

    def unaligned_format(self) -> QTextCharFormat:
        """Sentences with no partner: a neutral shade, distinct from every kind hue."""
        fmt = QTextCharFormat()
        fmt.setBackground(self.unaligned_shade())
        return fmt

    def unaligned_shade(self) -> QColor:
        return mix(self.base, self.text, 0.09 if self.dark else 0.075)

    def change_format(self) -> QTextCharFormat:
        """Words that differ inside a matched passage (non-cosmetic changes only)."""
        fmt = QTextCharFormat()
        fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.DotLine)
        fmt.setUnderlineColor(mix(self.text, self.base, 0.35))
        return fmt

    # --- connector bands ---------------------------------------------

    def band_fill(self, severity_rank: int, current: bool = False) -> QColor:
        """Band colour: neutral when the passage agrees, warmer as its worst finding grows.

        Opaque (pre-mixed with the strip's background): blending translucent
        fills costs several times more per pixel, and the strip repaints on
        every scroll step.  Outlines keep crossing bands apart.
        """
        key = ("band", severity_rank, current)
        cached = self._colours.get(key)
        if cached is None:
            cached = self._colours[key] = self._band_fill(severity_rank, current)
        return cached

    def _band_fill(self, severity_rank: int, current: bool) -> QColor:
        if severity_rank <= 0:
            hue = QColor(OKABE_ITO["sky_blue"] if self.dark else OKABE_ITO["blue"])
            amount = 0.22 if self.dark else 0.16
        else:
            hue = QColor(OKABE_ITO["vermillion"])
            amount = {1: 0.22, 2: 0.36, 3: 0.55}.get(severity_rank, 0.55)
            if self.dark:
                amount += 0.06
        if current:
            amount = min(0.85, amount + 0.22)
        return mix(self.window, hue, amount)

    def band_outline(self, severity_rank: int, current: bool = False) -> QColor:
        key = ("outline", severity_rank, current)
        cached = self._colours.get(key)
        if cached is None:
            if current:
                cached = mix(self.window, self.text, 0.85)
            else:
                cached = mix(self.band_fill(severity_rank), self.text, 0.22)
            self._colours[key] = cached
        return cached

    def emphasis_outline(self, kind: str) -> QColor:
        """The frame around the current discrepancy's span."""
        return self.kind_line(kind)

    def flash_colour(self) -> QColor:
        return with_alpha(self.highlight, 0.45)


def severity_rank(severity: str | None) -> int:
    return SEVERITY_RANK.get(severity or "", 0)


def kind_label(kind: str) -> str:
    return KIND_LABELS.get(kind, kind.capitalize())


__all__ = [
    "KINDS",
    "KIND_HUES",
    "KIND_LABELS",
    "OKABE_ITO",
    "SEVERITY_RANK",
    "Theme",
    "is_dark",
    "kind_label",
    "mix",
    "severity_rank",
    "with_alpha",
]
