"""Every colour and text style the viewer uses, derived from the widget palette.

Discrepancy kinds take Paul Tol's "light" colours (with a lavender in place
of his olive and grey, which sat too close to the pear and to the shading
of unmatched sentences): pale enough to read black text on, and chosen to
stay apart for readers with protanopia, deuteranopia and tritanopia —
``tests/gui/test_gui_palette.py`` checks every pair in a simulation of each.
On dark themes the same hues are blended half-way into the pane's base.
Colour is never the only cue: each kind also has its own line pattern under
the words (``KIND_PATTERNS``).

Status is shown by *marks*, never by a second hue, so kind and status read
at once: open is the plain tint, confirmed adds a ✓ badge, follow-up a ?
badge, dismissed strikes the words through and fades the tint.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtGui import QColor, QPalette, QTextCharFormat

from core.model import KIND_LABELS, KINDS, SEVERITIES

# Okabe & Ito (2008), "Color Universal Design": the bands and the flash use these.
OKABE_ITO = {
    "orange": "#E69F00",
    "sky_blue": "#56B4E9",
    "bluish_green": "#009E73",
    "yellow": "#F0E442",
    "blue": "#0072B2",
    "vermillion": "#D55E00",
    "reddish_purple": "#CC79A7",
    "grey": "#8C8C8C",
}

# Tol (2021), "Colour Schemes", the light qualitative scheme, plus a lavender.
KIND_HUES = {
    "number": "#EE8866",  # orange
    "date": "#77AADD",  # light blue
    "quote": "#FFAABB",  # pink
    "attribution": "#EEDD88",  # light yellow
    "negation": "#BBCC33",  # pear
    "entity": "#44BB99",  # mint
    "wording": "#99DDFF",  # light cyan
    "omission": "#AA99FF",  # lavender
}

#: The line drawn under a kind's words (see gui.span_marks): the second, colour-free cue.
KIND_PATTERNS = {
    "number": "solid",
    "date": "dash",
    "quote": "double",
    "attribution": "dash-dot",
    "negation": "wave",
    "entity": "long-dash",
    "wording": "dash-dot-dot",
    "omission": "sparse",
}

#: The badge at the end of a span for each status ("" for none; dismissed is struck through).
STATUS_BADGES = {"open": "", "confirmed": "✓", "follow-up": "?", "dismissed": ""}

SEVERITY_RANK = {severity: len(SEVERITIES) - i for i, severity in enumerate(SEVERITIES)}
"""high → 3, medium → 2, low → 1 (0 means "no discrepancy")."""

# Tint strengths (share of the kind hue mixed into the base colour): (light, dark).
_TINT = {"open": (1.0, 0.5), "dismissed": (0.3, 0.18)}
#: Around a few words whose partner is a whole sentence: the sentence, faintly.
_CONTEXT_TINT = (0.35, 0.22)


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
        """Hue for pattern lines and outlines: pulled towards the text so pale hues show."""
        return mix(self.kind_hue(kind), self.text, 0.25 if self.dark else 0.5)

    def kind_tint(self, kind: str, status: str = "open") -> QColor:
        """The fill behind a kind's words (a dismissed finding's fades)."""
        light, dark = _TINT["dismissed" if status == "dismissed" else "open"]
        return mix(self.base, self.kind_hue(kind), dark if self.dark else light)

    def context_tint(self, kind: str) -> QColor:
        """The faint fill over the sentence around a few emphasised words."""
        light, dark = _CONTEXT_TINT
        return mix(self.base, self.kind_hue(kind), dark if self.dark else light)

    def kind_pattern(self, kind: str) -> str:
        return KIND_PATTERNS.get(kind, "solid")

    def status_badge(self, status: str) -> str:
        return STATUS_BADGES.get(status, "")

    def badge_colours(self) -> tuple[QColor, QColor]:
        """(ink, paper) of the status badges: neutral, so they never read as a kind."""
        return mix(self.text, self.base, 0.1), mix(self.base, self.text, 0.06)

    def status_colours(self) -> dict[str, QColor]:
        """Every colour that says something about status (none of them a kind's)."""
        ink, paper = self.badge_colours()
        return {"badge ink": ink, "badge paper": paper, "dismissed text": self.dimmed_text()}

    # --- text formats -------------------------------------------------

    def span_format(
        self, kind: str, status: str = "open", current: bool = False
    ) -> QTextCharFormat:
        """The character format of a discrepancy's words (fills and lines are painted apart)."""
        key = ("span", status)
        cached = self._formats.get(key)
        if cached is not None:
            return cached
        fmt = QTextCharFormat()
        if status == "dismissed":
            fmt.setForeground(self.dimmed_text())
            fmt.setFontStrikeOut(True)
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
    "KIND_PATTERNS",
    "OKABE_ITO",
    "STATUS_BADGES",
    "SEVERITY_RANK",
    "Theme",
    "is_dark",
    "kind_label",
    "mix",
    "severity_rank",
    "with_alpha",
]
