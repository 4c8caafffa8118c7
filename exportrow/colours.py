"""Colours by side, shared by the charts and the article view (no matplotlib here).

One fixed colour per side, from the Okabe & Ito (2008) colour-blind-safe palette. The
bundled article's sides keep their own; any other article's declared sides take the unused
colours in the order the annotation declares them, so a side has the same colour in every
chart and in the article view.

The outlet's own voice is a dark grey and "other" a light tint of Okabe-Ito's reddish purple:
Okabe-Ito's mid grey and reddish purple look the same to red-green colour-blind readers and in a
black-and-white print (review 11b). :func:`simulate` and :func:`lightness` let the tests check that
every pair of side colours stays apart for them (Machado, Oliveira & Fernandes 2009).
"""

from __future__ import annotations

__all__ = ["OKABE_ITO", "SIDE_COLOURS", "side_colours", "simulate", "lightness", "difference"]

#: Okabe & Ito (2008) colour-blind-safe palette.
OKABE_ITO = {"orange": "#E69F00", "sky_blue": "#56B4E9", "green": "#009E73", "yellow": "#F0E442",
             "blue": "#0072B2", "vermillion": "#D55E00", "purple": "#CC79A7", "black": "#000000",
             "grey": "#999999"}
#: The outlet's dark grey (CIE L* 27) and other's light reddish purple (L* 74): apart in lightness from each
#: other and from the sides' mid-tone colours, so they stay apart in greyscale and for colour-blind readers.
OUTLET_GREY = "#404040"
OTHER_PINK = "#E69FCF"
SIDE_COLOURS = {"seoul": OKABE_ITO["blue"], "tokyo": OKABE_ITO["vermillion"],
                "washington": OKABE_ITO["green"], "outlet": OUTLET_GREY, "other": OTHER_PINK,
                "context": OKABE_ITO["black"]}
#: The order in which an article's own sides take colours: blue and vermillion first, the pair that stays
#: furthest apart for colour-blind readers (and apart from the outlet's grey and other's purple).
SPARE_ORDER = ("blue", "vermillion", "green", "orange", "sky_blue", "purple", "yellow")

# Machado, Oliveira & Fernandes (2009), severity 1.0, for linear RGB.
_CVD = {"deutan": ((0.367322, 0.860646, -0.227968), (0.280085, 0.672501, 0.047413), (-0.011820, 0.042940, 0.968881)),
        "protan": ((0.152286, 1.052583, -0.204868), (0.114503, 0.786281, 0.099216), (-0.003882, -0.048116, 1.051998))}


def side_colours(sides) -> dict[str, str]:
    """A colour for each side: the fixed ones, then unused Okabe-Ito colours in :data:`SPARE_ORDER`.

    Pass every side of the annotation, in its declared order, so that each side keeps its
    colour whichever subset a chart shows. The outlet's and other's colours are never given to a side.

    Example:
        >>> side_colours(["seoul", "freedonia", "sylvania", "outlet"])
        {'seoul': '#0072B2', 'freedonia': '#D55E00', 'sylvania': '#009E73', 'outlet': '#404040'}
    """
    sides = [str(s) for s in sides]
    fixed = {s: SIDE_COLOURS[s] for s in sides if s in SIDE_COLOURS}
    taken = set(fixed.values()) | {SIDE_COLOURS["outlet"], SIDE_COLOURS["other"], SIDE_COLOURS["context"]}
    spare = [OKABE_ITO[k] for k in SPARE_ORDER if OKABE_ITO[k] not in taken]
    return {s: fixed.get(s) or (spare.pop(0) if spare else OKABE_ITO["grey"]) for s in sides}


def _linear(colour: str) -> list[float]:
    h = colour.lstrip("#")
    out = []
    for i in (0, 2, 4):
        c = int(h[i:i + 2], 16) / 255
        out.append(c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4)
    return out


def _lab(rgb: list[float]) -> tuple[float, float, float]:
    x = (0.4124 * rgb[0] + 0.3576 * rgb[1] + 0.1805 * rgb[2]) / 0.95047
    y = 0.2126 * rgb[0] + 0.7152 * rgb[1] + 0.0722 * rgb[2]
    z = (0.0193 * rgb[0] + 0.1192 * rgb[1] + 0.9505 * rgb[2]) / 1.08883

    def f(t):
        return t ** (1 / 3) if t > 216 / 24389 else (24389 / 27 * t + 16) / 116

    return 116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))


def simulate(colour: str, kind: str) -> tuple[float, float, float]:
    """The CIELAB colour a reader with full deuteranopia (``deutan``) or protanopia (``protan``) sees.

    Machado et al. (2009) at severity 1.0, applied in linear sRGB; ``normal`` returns the colour's own CIELAB.

    Example:
        >>> [round(v) for v in simulate("#CC79A7", "deutan")], [round(v) for v in simulate("#999999", "deutan")]
        ([63, 1, -7], [63, 0, 0])
    """
    rgb = _linear(colour)
    if kind != "normal":
        m = _CVD[kind]
        rgb = [min(1.0, max(0.0, sum(m[i][j] * rgb[j] for j in range(3)))) for i in range(3)]
    return _lab(rgb)


def difference(a: str, b: str, kind: str = "normal") -> float:
    """CIE 1976 colour difference (ΔE*ab) of two colours as seen by ``kind`` (see :func:`simulate`).

    Example:
        >>> round(difference("#CC79A7", "#999999", "deutan")), round(difference(OTHER_PINK, OUTLET_GREY, "deutan"))
        (7, 49)
    """
    return sum((x - y) ** 2 for x, y in zip(simulate(a, kind), simulate(b, kind))) ** 0.5


def lightness(colour: str) -> float:
    """CIE L* (0 black to 100 white): how light the colour prints in greyscale.

    Example:
        >>> round(lightness(OUTLET_GREY)), round(lightness(OTHER_PINK))
        (27, 74)
    """
    return _lab(_linear(colour))[0]
