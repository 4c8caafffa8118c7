"""Charts fit to project in a classroom: colour-blind-safe, labelled, sourced, with alt text.

matplotlib is imported here only, so ``import exportrow`` stays light. Every figure is
saved reproducibly: PNG without the software stamp, SVG with a fixed hash salt and no
date, PDF without a creation date.
"""

from __future__ import annotations

import base64
import html
import io
from contextlib import contextmanager
from pathlib import Path

import matplotlib.pyplot as plt
import pandas as pd

__all__ = ["OKABE_ITO", "SIDE_COLOURS", "classroom_style", "save_figure", "show_figure", "bar_periods",
           "source_line", "FORMATS"]

#: Okabe & Ito (2008) colour-blind-safe palette.
OKABE_ITO = {"orange": "#E69F00", "sky_blue": "#56B4E9", "green": "#009E73", "yellow": "#F0E442",
             "blue": "#0072B2", "vermillion": "#D55E00", "purple": "#CC79A7", "black": "#000000",
             "grey": "#999999"}
SIDE_COLOURS = {"seoul": OKABE_ITO["blue"], "tokyo": OKABE_ITO["vermillion"],
                "washington": OKABE_ITO["green"], "outlet": OKABE_ITO["grey"], "other": OKABE_ITO["purple"],
                "context": OKABE_ITO["black"]}
FORMATS = ("png", "svg", "pdf")
_METADATA = {"png": {"Software": None}, "svg": {"Date": None, "Creator": None},
             "pdf": {"CreationDate": None, "Producer": None, "Creator": None}}


@contextmanager
def classroom_style():
    """Large type and clean axes for projection; a fixed SVG hash salt for stable files.

    Example:
        >>> with classroom_style():
        ...     plt.rcParams["font.size"]
        14.0
    """
    with plt.rc_context({
        "font.size": 14, "axes.titlesize": 17, "axes.labelsize": 14, "xtick.labelsize": 13,
        "ytick.labelsize": 13, "legend.fontsize": 12, "axes.spines.top": False,
        "axes.spines.right": False, "figure.dpi": 100, "savefig.dpi": 100,
        "svg.hashsalt": "exportrow", "svg.fonttype": "path", "hatch.linewidth": 1.5,
        "figure.facecolor": "white", "axes.facecolor": "white",
    }):
        yield


def source_line(article, note: str = "") -> str:
    """The line printed under every chart: outlet, date, headline, and a note.

    Example:
        >>> from exportrow import load_article
        >>> source_line(load_article())[:60]
        'Source: Nikkei Asian Review, 12 July 2019, "South Korea-Japa'
    """
    date = f"{article.published.day} {article.published:%B %Y}"
    text = f'Source: {article.outlet}, {date}, "{article.title}".'
    return f"{text} {note}".strip()


def save_figure(fig, path: str | Path, fmt: str = "png") -> Path:
    """Save ``fig`` as ``path`` with suffix ``fmt``, byte for byte the same every run.

    The file is written atomically, so an interrupted run never leaves half a file.

    Example:
        >>> import tempfile
        >>> fig, ax = plt.subplots(); _ = ax.plot([1, 2])
        >>> a = save_figure(fig, Path(tempfile.mkdtemp()) / "x", "svg").read_bytes()
        >>> b = save_figure(fig, Path(tempfile.mkdtemp()) / "x", "svg").read_bytes()
        >>> a == b
        True
    """
    from exportrow.export import write_atomic

    if fmt not in FORMATS:
        raise ValueError(f"figure format must be one of {', '.join(FORMATS)}, not {fmt!r}")
    buf = io.BytesIO()
    with plt.rc_context({"svg.hashsalt": "exportrow"}):
        fig.savefig(buf, format=fmt, metadata=_METADATA[fmt], bbox_inches="tight")
    return write_atomic(Path(path).with_suffix(f".{fmt}"), buf.getvalue())


class _Shown:
    """A displayed chart: PNG and HTML (with alt text) for notebooks, alt text as plain text."""

    def __init__(self, png: bytes, alt: str, caption: str, path: Path | None):
        self.png, self.alt, self.caption, self.path = png, alt, caption, path

    def _repr_mimebundle_(self, include=None, exclude=None):
        b64 = base64.b64encode(self.png).decode("ascii")
        cap = f"<figcaption>{html.escape(self.caption)}</figcaption>" if self.caption else ""
        return {
            "text/html": (f'<figure><img src="data:image/png;base64,{b64}" alt="{html.escape(self.alt)}" '
                          f'style="max-width:100%">{cap}</figure>'),
            "image/png": b64,
            "text/plain": f"[chart] {self.alt}",
        }


def show_figure(fig, alt: str, out_dir: str | Path | None = None, name: str = "figure",
                fmt: str = "png", caption: str = ""):
    """Save the chart into ``out_dir`` (as ``name.fmt``) and return a displayable object.

    In a notebook the result shows the image with its alt text (HTML ``alt``), which the
    HTML report keeps; ``text/plain`` carries the alt text for screen readers and tests.

    Example:
        >>> fig, ax = plt.subplots(); _ = ax.bar(["a"], [1])
        >>> shown = show_figure(fig, alt="One bar of height 1.")
        >>> shown._repr_mimebundle_()["text/plain"]
        '[chart] One bar of height 1.'
    """
    path = save_figure(fig, Path(out_dir) / name, fmt) if out_dir is not None else None
    buf = io.BytesIO()
    fig.savefig(buf, format="png", metadata=_METADATA["png"], bbox_inches="tight")
    plt.close(fig)
    return _Shown(buf.getvalue(), alt, caption, path)


def bar_periods(periods: pd.DataFrame, *, measure: str = "count", unit: str = "cases",
                title: str = "", source: str = ""):
    """Bar chart of a quantity per period; stated and derived bars look clearly different.

    Stated bars are solid blue; derived bars are hatched orange with an outline and a note
    that the article does not break them down. Each bar is labelled with its value and
    its basis, so the chart reads in black and white too.

    Args:
        periods: The output of :func:`exportrow.stats.case_periods`.
        measure: ``count`` or ``per_month`` (sets the axis label).
        unit: Unit of the values, e.g. ``cases``.
        title: Chart title.
        source: Source line printed under the chart.

    Returns:
        ``(figure, alt_text)``.

    Example:
        >>> from exportrow import figures
        >>> from exportrow.stats import case_periods
        >>> fig, alt = bar_periods(figures().pipe(case_periods))
        >>> alt.split(". ")[1]
        '2015: 14 cases (stated)'
        >>> plt.close(fig)
    """
    with classroom_style():
        fig, ax = plt.subplots(figsize=(10, 6))
        labels = periods.label.tolist()
        values = [float(v) for v in periods.value]
        derived = [b == "derived" for b in periods.basis]
        for i, (v, d) in enumerate(zip(values, derived)):
            if d:
                ax.bar(i, v, color="white", edgecolor=OKABE_ITO["orange"], hatch="//", linewidth=2.5,
                       label="derived by exportrow: not broken down in the article")
            else:
                ax.bar(i, v, color=OKABE_ITO["blue"], label="stated in the article")
            shown = f"{v:.2f}".rstrip("0").rstrip(".") if measure == "per_month" else f"{v:.0f}"
            note = periods.source.iloc[i].replace(": ", ":\n", 1) if d else "stated"
            ax.annotate(f"{shown}\n{note}", (i, v), xytext=(0, 4),
                        textcoords="offset points", ha="center", va="bottom", fontsize=12)
        ax.set_xticks(range(len(labels)), labels)
        ylabel = f"{unit} per month" if measure == "per_month" else unit
        ax.set_ylabel(f"Illegal-export {ylabel}" if unit == "cases" else ylabel.capitalize())
        ax.set_xlabel("Period (calendar years unless marked)")
        ax.set_ylim(0, max(values + [1]) * 1.25)
        handles, names = ax.get_legend_handles_labels()
        uniq = dict(zip(names, handles))
        ax.legend(uniq.values(), uniq.keys(), loc="upper left", frameon=False)
        if title:
            ax.set_title(title, loc="left")
        if source:
            fig.text(0.01, -0.02, source, ha="left", va="top", fontsize=10, wrap=True)
        fig.tight_layout()
    fmt = "{:.2f} {} per month" if measure == "per_month" else "{:.0f} {}"
    parts = [f"{lab}: {fmt.format(v, unit)} ({'derived, not broken down in the article' if d else 'stated'})"
             for lab, v, d in zip(labels, values, derived)]
    kind = "per month" if measure == "per_month" else "count"
    alt = f"Bar chart of {unit} by period ({kind}). " + ". ".join(parts) + "."
    return fig, alt
