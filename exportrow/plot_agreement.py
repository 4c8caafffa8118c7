"""The chart of notebook 04: Krippendorff's alpha per field with its bootstrap interval and the thresholds.

Kept apart from :mod:`exportrow.plots` (same style and helpers) so that the agreement feature stays in its own files.
"""

from __future__ import annotations

import math

import matplotlib.pyplot as plt
import pandas as pd

from exportrow.agreement import CI_DIGITS, MIN_UNITS, RELIABLE, TENTATIVE, TOO_FEW
from exportrow.numbers import fmt_fixed
from exportrow.plots import SOURCE_PT, _wrap, classroom_style

__all__ = ["alpha_chart"]


def alpha_chart(fields: pd.DataFrame, *, title: str = "", source: str = ""):
    """Dots for alpha, bars for its 95% interval, one row per field; shaded zones for Krippendorff's thresholds.

    Fields with no alpha (free text, or no variation) are listed with the reason instead of a dot.

    Args:
        fields: The ``fields`` table of :func:`exportrow.agreement.agreement`.
        title, source: Title and the source line under the chart.

    Returns:
        ``(figure, alt_text)``.

    Example:
        >>> t = pd.DataFrame({"field": ["frame", "cue"], "alpha": [0.7, float("nan")], "ci_low": [0.5, float("nan")],
        ...                   "ci_high": [0.9, float("nan")], "verdict": ["tentative", "percentage only"]})
        >>> fig, alt = alpha_chart(t)
        >>> alt.split(". ")[1]
        'frame: alpha 0.700 (95% interval 0.50 to 0.90), tentative'
        >>> plt.close(fig)
    """
    title, source = (text.replace("$", r"\$") for text in (title, source))  # no mathtext from file names
    rows = list(fields.itertuples())[::-1]
    lows = [r.ci_low for r in rows if not math.isnan(r.ci_low)] + [r.alpha for r in rows if not math.isnan(r.alpha)]
    left = min([-0.2, *lows]) - 0.05
    with classroom_style():
        fig, ax = plt.subplots(figsize=(12, max(3.5, 0.55 * len(rows) + 2.2)), layout="constrained")
        ax.axvspan(left, TENTATIVE, color="#eeeeee", zorder=0)
        ax.axvspan(TENTATIVE, RELIABLE, color="#f7f7f7", zorder=0)
        for x in (TENTATIVE, RELIABLE):
            ax.axvline(x, color="#555555", lw=1, ls="--", zorder=1)
        ax.axvline(0, color="#999999", lw=0.8, zorder=1)
        for i, r in enumerate(rows):
            if math.isnan(r.alpha):
                why = "free text: percentage agreement only" if r.verdict == "percentage only" else \
                    "no alpha: every coder used one value" if r.verdict == "undefined" else \
                    "not comparable: the codings use different actor lists (read side)" \
                    if r.verdict == "not comparable" else str(r.verdict)
                ax.annotate(why, (left + 0.02, i), va="center", ha="left", fontsize=11, color="#444444",
                            style="italic")
                continue
            few = r.verdict == TOO_FEW  # shown, but judged on too few claims: grey, hollow, and said so
            if not math.isnan(r.ci_low):
                ax.plot([r.ci_low, r.ci_high], [i, i], color="#aaaaaa" if few else "#0072B2", lw=3,
                        solid_capstyle="butt", zorder=2)
            ax.plot([r.alpha], [i], "o", color="black", mfc="white" if few else "black", ms=8, zorder=3)
            # a long label ("too few units: ...") runs from its dot towards the middle, never out of the chart
            side = "center" if not few else "right" if r.alpha > (left + 1.05) / 2 else "left"
            ax.annotate(fmt_fixed(r.alpha, 3) + (f" ({TOO_FEW}: {_carried(r) or r.units})" if few else ""),
                        (r.alpha, i),
                        xytext=({"center": 0, "right": 8, "left": -8}[side], 9), textcoords="offset points",
                        ha=side, fontsize=12, zorder=4,
                        bbox={"facecolor": "white", "edgecolor": "none", "pad": 1})  # legible across a dashed line
        ax.set_yticks(range(len(rows)), [str(r.field) for r in rows], fontsize=13)
        ax.set_ylim(-0.7, len(rows) - 0.3 + 0.6)
        ax.set_xlim(left, 1.05)
        top = len(rows) - 0.1
        for x0, x1, label in ((left, TENTATIVE, "unreliable"), (TENTATIVE, RELIABLE, "tentative"),
                              (RELIABLE, 1.05, "reliable")):
            ax.annotate(label, ((x0 + x1) / 2, top), ha="center", va="bottom", fontsize=12, color="#333333")
        ax.set_xlabel(f"Krippendorff's alpha (dot) and 95% bootstrap interval (bar);\ndashed lines at {TENTATIVE:.3f} "
                      f"and {RELIABLE:.3f}")
        if title:
            ax.set_title(title, loc="left")
        if source:
            fig.supxlabel(_wrap(source, 126), x=0.01, ha="left", fontsize=SOURCE_PT)
    parts = []
    for r in rows[::-1]:
        if math.isnan(r.alpha):
            parts.append(f"{r.field}: no alpha ({r.verdict})")
        elif math.isnan(r.ci_low):
            parts.append(f"{r.field}: alpha {fmt_fixed(r.alpha, 3)}, {r.verdict}")
        else:
            parts.append(f"{r.field}: alpha {fmt_fixed(r.alpha, 3)} (95% interval {fmt_fixed(r.ci_low, CI_DIGITS)} to "
                         f"{fmt_fixed(r.ci_high, CI_DIGITS)}), {r.verdict}"
                         + (f": {_carried(r)}" if r.verdict == TOO_FEW and _carried(r) else ""))
    alt = (f"Dot chart of Krippendorff's alpha per coding field with bootstrap intervals, against the thresholds "
           f"{TENTATIVE:.3f} and {RELIABLE:.3f}. " + ". ".join(parts) + ".")
    return fig, alt


def _carried(r) -> str:
    """For a present/absent field (an Entman function) that fewer than :data:`~exportrow.agreement.MIN_UNITS`
    claims coded twice (by two or more coders) carry, how many do (what its :data:`TOO_FEW` is too few of); else
    ``""``.

    Example:
        >>> _carried(pd.Series({"units": 24, "claims": 1})), _carried(pd.Series({"units": 3, "claims": pd.NA}))
        ('1 claim coded twice carries it', '')
    """
    claims = getattr(r, "claims", pd.NA)
    if claims is pd.NA or claims >= MIN_UNITS:
        return ""
    return f"{claims} claim{'s' if claims != 1 else ''} coded twice {'carry' if claims != 1 else 'carries'} it"
