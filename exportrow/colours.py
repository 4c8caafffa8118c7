"""Colours by side, shared by the charts and the article view (no matplotlib here).

One fixed colour per side, from the Okabe & Ito (2008) colour-blind-safe palette. The
bundled article's sides keep their own; any other article's declared sides take the unused
colours in the order the annotation declares them, so a side has the same colour in every
chart and in the article view.
"""

from __future__ import annotations

__all__ = ["OKABE_ITO", "SIDE_COLOURS", "side_colours"]

#: Okabe & Ito (2008) colour-blind-safe palette.
OKABE_ITO = {"orange": "#E69F00", "sky_blue": "#56B4E9", "green": "#009E73", "yellow": "#F0E442",
             "blue": "#0072B2", "vermillion": "#D55E00", "purple": "#CC79A7", "black": "#000000",
             "grey": "#999999"}
SIDE_COLOURS = {"seoul": OKABE_ITO["blue"], "tokyo": OKABE_ITO["vermillion"],
                "washington": OKABE_ITO["green"], "outlet": OKABE_ITO["grey"], "other": OKABE_ITO["purple"],
                "context": OKABE_ITO["black"]}


def side_colours(sides) -> dict[str, str]:
    """A colour for each side: the seed's fixed ones, then unused Okabe-Ito colours in order.

    Pass every side of the annotation, in its declared order, so that each side keeps its
    colour whichever subset a chart shows.

    Example:
        >>> side_colours(["seoul", "freedonia", "sylvania"])
        {'seoul': '#0072B2', 'freedonia': '#E69F00', 'sylvania': '#56B4E9'}
    """
    spare = [c for k, c in OKABE_ITO.items() if c not in SIDE_COLOURS.values() and k not in ("yellow", "black")]
    spare += [OKABE_ITO["yellow"]]
    out = {}
    for s in sides:
        out[s] = SIDE_COLOURS.get(s) or (spare.pop(0) if spare else OKABE_ITO["grey"])
    return out
