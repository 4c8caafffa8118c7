"""Charts fit to project in a classroom: colour-blind-safe, labelled, sourced, with alt text.

matplotlib is imported here only, so ``import exportrow`` stays light. Every figure is
saved reproducibly: PNG without the software stamp, SVG with a fixed hash salt and no
date, PDF without a creation date.
"""

from __future__ import annotations

import base64
import io
from contextlib import contextmanager
from pathlib import Path

import matplotlib.pyplot as plt
import pandas as pd

from exportrow.colours import OKABE_ITO, SIDE_COLOURS, side_colours
from exportrow.escape import html_attribute, html_text
from exportrow.export import FORMATS

__all__ = ["OKABE_ITO", "SIDE_COLOURS", "FORMATS", "side_colours", "classroom_style", "save_figure", "show_figure",
           "source_line", "bar_periods", "timeline", "diverging_frames", "distinctive_words"]

_METADATA = {"png": {"Software": None}, "svg": {"Date": None, "Creator": None},
             "pdf": {"CreationDate": None, "Producer": None, "Creator": None}}


@contextmanager
def classroom_style():
    """Large type and clean axes for projection; a fixed SVG hash salt for stable files; no mathtext.

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
        "text.parse_math": False,  # text from input is drawn as typed: "$5 to $6" is not TeX
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

    return write_atomic(Path(path).with_suffix(f".{fmt}"), _render(fig, fmt))


def _render(fig, fmt: str) -> bytes:
    if fmt not in FORMATS:
        raise ValueError(f"figure format must be one of {', '.join(FORMATS)}, not {fmt!r}")
    buf = io.BytesIO()
    # Figures laid out by matplotlib's constrained layout already fit their canvas; a "tight" bounding
    # box would cost a second full draw.
    from matplotlib.layout_engine import ConstrainedLayoutEngine

    tight = None if isinstance(fig.get_layout_engine(), ConstrainedLayoutEngine) else "tight"
    with plt.rc_context({"svg.hashsalt": "exportrow"}):
        fig.savefig(buf, format=fmt, metadata=_METADATA[fmt], bbox_inches=tight)
    return buf.getvalue()


class _Shown:
    """A displayed chart, stored once: the PNG inside HTML (with its alt text), and the alt text as plain text."""

    def __init__(self, png: bytes, alt: str, caption: str, path: Path | None):
        self.png, self.alt, self.caption, self.path = png, alt, caption, path

    def _repr_mimebundle_(self, include=None, exclude=None):
        b64 = base64.b64encode(self.png).decode("ascii")
        cap = f"<figcaption>{html_text(self.caption)}</figcaption>" if self.caption else ""
        return {
            "text/html": (f'<figure><img src="data:image/png;base64,{b64}" alt="{html_attribute(self.alt)}" '
                          f'style="max-width:100%">{cap}</figure>'),
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
    png = _render(fig, "png")
    path = None
    if out_dir is not None:
        from exportrow.export import write_atomic

        data = png if fmt == "png" else _render(fig, fmt)  # a PNG file is the bytes shown
        path = write_atomic(Path(out_dir) / f"{name}.{fmt}", data)
    plt.close(fig)
    return _Shown(png, alt, caption, path)


def bar_periods(periods: pd.DataFrame, *, measure: str = "count", unit: str | None = None,
                title: str | None = None, source: str = ""):
    """Bar chart of a quantity per period; stated and derived bars look clearly different.

    Stated bars are solid blue; derived bars are hatched orange with an outline and a note
    that the article does not break them down. Each bar is labelled with its value and
    its basis, so the chart reads in black and white too.

    Args:
        periods: The output of :func:`exportrow.stats.case_periods`.
        measure: ``count`` or ``per_month`` (sets the axis label).
        unit: Unit of the values (None: the table's ``unit`` column, e.g. ``cases``).
        title: Chart title (None: "<Unit> per period, as reported in the article").
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
    if unit is None:
        units = periods.unit.dropna().unique().tolist() if "unit" in periods else []
        unit = units[0] if len(units) == 1 else "value"
    quantities = periods.quantity.dropna().unique().tolist() if "quantity" in periods else []
    what = quantities[0].replace("_", " ").capitalize() if len(quantities) == 1 else unit.capitalize()
    if title is None:
        title = f"{what}{' per month' if measure == 'per_month' else ''}, by period, as reported"
    with classroom_style():
        fig, ax = plt.subplots(figsize=(10, 6.4), layout="constrained")
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
        ax.set_ylabel(f"{what} ({ylabel})")
        ax.set_xlabel("Period (calendar years unless marked)")
        ax.set_ylim(0, max(values + [1]) * 1.25)
        handles, names = ax.get_legend_handles_labels()
        uniq = dict(zip(names, handles))
        ax.legend(uniq.values(), uniq.keys(), loc="upper left", frameon=False)
        if title:
            ax.set_title(title, loc="left")
        if source:
            fig.supxlabel(_wrap(source, 130), x=0.01, ha="left", fontsize=10)
    fmt = "{:.2f} {} per month" if measure == "per_month" else "{:.0f} {}"
    parts = [f"{lab}: {fmt.format(v, unit)} ({'derived, not broken down in the article' if d else 'stated'})"
             for lab, v, d in zip(labels, values, derived)]
    kind = "per month" if measure == "per_month" else "count"
    alt = f"Bar chart of {unit} by period ({kind}). " + ". ".join(parts) + "."
    return fig, alt


def _wrap(text: str, width: int = 46) -> str:
    import textwrap

    return "\n".join(textwrap.wrap(text, width)) or text


def timeline(events: pd.DataFrame, *, published=None, title: str = "", source: str = "",
             window: list[str] | None = None):
    """Timeline of events, each drawn as its interval, coloured by side.

    A day is a point, a week or a month a bar of that width, a year (or a longer range)
    a light band. Context events (from outside the article) are hollow and labelled
    ``[context]``. A dashed line marks the publication date.

    Args:
        events: Rows of :func:`exportrow.events`, e.g. after :func:`exportrow.timeline.select_events`.
        published: Publication date to mark (None: the ``publication`` event's date).
        title, source: Title and the source line under the chart.
        window: ``[start, end]`` ISO dates for the x axis (None: fit the events).

    Returns:
        ``(figure, alt_text)``.

    Example:
        >>> from exportrow import events
        >>> fig, alt = timeline(events())
        >>> alt.split(". ")[0]
        'Timeline of 16 events from the article, from 2015-01-01 to 2019-07-12'
        >>> plt.close(fig)
    """
    import matplotlib.dates as mdates
    from matplotlib.lines import Line2D
    from matplotlib.patches import Patch

    ev = events.reset_index(drop=True)
    if ev.empty:
        with classroom_style():
            fig, ax = plt.subplots(figsize=(13, 3), layout="constrained")
            ax.axis("off")
            ax.text(0.5, 0.5, "No events match the chosen dates, sides and actors.", ha="center", va="center")
            if title:
                ax.set_title(title, loc="left")
        return fig, "Timeline with no events: none match the chosen dates, sides and actors."
    if published is None:
        pub = ev.loc[ev.event_id == "publication", "date_start"]
        published = pub.iloc[0] if len(pub) else None
    n = len(ev)
    colours = side_colours([str(s) for s in (ev.side.cat.categories if hasattr(ev.side, "cat")
                                                else ev.side.dropna().unique())])
    with classroom_style():
        height = max(3.0, 0.6 * n + 1.5)
        fig, (ax, foot) = plt.subplots(2, 1, figsize=(13, height + 1.6), height_ratios=[height, 1.6],
                                       layout="constrained")
        foot.axis("off")
        for i, r in ev.iterrows():
            y = n - 1 - i
            colour = colours.get(r.side, OKABE_ITO["grey"])
            ctx = r.source == "context"
            width = (r.date_end - r.date_start).days
            if r.precision == "day" and width <= 1:
                ax.plot(r.date_start + pd.Timedelta(hours=12), y, "o", ms=11, color=colour,
                        mfc="white" if ctx else colour, mew=2.5, zorder=3)
            elif r.precision in ("week", "month") and width <= 31:
                ax.barh(y, width, left=r.date_start, height=0.55, color="white" if ctx else colour,
                        edgecolor=colour, linewidth=2, zorder=2)
            else:
                ax.barh(y, width, left=r.date_start, height=0.8, color=colour, alpha=0.22,
                        edgecolor=colour, linewidth=1.5, hatch="..." if ctx else None, zorder=1)
        labels = [_wrap(("[context] " if s == "context" else "") + f"{d} ({t})")
                  for d, s, t in zip(ev.description, ev.source, ev.timex)]
        ax.set_yticks(range(n - 1, -1, -1), labels, fontsize=11)
        for tick, side in zip(ax.get_yticklabels(), ev.side):
            tick.set_color(colours.get(side, OKABE_ITO["black"]) if side != "outlet" else "#555555")
        if published is not None:
            ax.axvline(pd.Timestamp(published) + pd.Timedelta(hours=12), color=OKABE_ITO["black"],
                       ls="--", lw=1.5, zorder=0)
            ax.annotate(f"published {pd.Timestamp(published):%d %b %Y}", (pd.Timestamp(published), n - 0.4),
                        xytext=(6, 0), textcoords="offset points", fontsize=11, va="bottom")
        if window:
            ax.set_xlim(pd.Timestamp(window[0]), pd.Timestamp(window[1]))
        loc = mdates.AutoDateLocator(minticks=4, maxticks=9)
        ax.xaxis.set_major_locator(loc)
        ax.xaxis.set_major_formatter(mdates.ConciseDateFormatter(loc))
        ax.set_xlabel("Date (resolved against the publication date)")
        ax.set_ylim(-0.8, n + 0.2)
        ax.grid(axis="x", color="#dddddd", zorder=0)
        sides = [s for s in colours if s in set(ev.side.dropna())]
        handles = [Patch(color=colours[s], label=_side_name(s)) for s in sides]
        handles += [Line2D([], [], marker="o", ls="", color="#444444", ms=9, label="day: a point"),
                    Patch(facecolor="#444444", label="week / month: a bar of that width"),
                    Patch(facecolor="#444444", alpha=0.22, edgecolor="#444444", label="year or longer: a band")]
        if (ev.source == "context").any():
            handles.append(Line2D([], [], marker="o", ls="", color="#444444", mfc="white", ms=9, mew=2,
                                  label="context: from outside the article"))
        foot.legend(handles=handles, loc="upper center", ncol=4, frameon=False, fontsize=11)
        if title:
            ax.set_title(title, loc="left")
        if source:
            foot.annotate(_wrap(source, 140), xy=(0.01, 0), xycoords=("figure fraction", "axes fraction"),
                          ha="left", va="bottom", fontsize=10)
    kinds = "events from the article" if (ev.source == "article").all() else "events (article and context)"
    start = ev.date_start.min()
    end = ev.date_start.max()
    parts = [f"{'[context] ' if s == 'context' else ''}{d}: {t} ({p})"
             for d, t, p, s in zip(ev.description, ev.timex, ev.precision, ev.source)]
    alt = (f"Timeline of {n} {kinds}, from {start:%Y-%m-%d} to {end:%Y-%m-%d}. "
           f"Dashed line: publication, {pd.Timestamp(published):%Y-%m-%d}. " if published is not None else
           f"Timeline of {n} {kinds}, from {start:%Y-%m-%d} to {end:%Y-%m-%d}. ") + ". ".join(parts) + "."
    return fig, alt


def _side_name(side: str) -> str:
    return "the outlet" if side == "outlet" else side.capitalize()


def diverging_frames(frames: pd.DataFrame, side_a: str, side_b: str, *, title: str = "", source: str = ""):
    """Diverging bars of frame dimensions: ``side_a`` to the left, ``side_b`` to the right.

    Only frames that either side uses are drawn. Swapping the sides mirrors the chart.

    Args:
        frames: The output of :func:`exportrow.framing.frame_counts`.
        side_a, side_b: The sides, left and right.
        title, source: Title and the source line under the chart.

    Returns:
        ``(figure, alt_text)``.

    Example:
        >>> from exportrow import claims
        >>> from exportrow.framing import frame_counts
        >>> fig, alt = diverging_frames(claims().pipe(frame_counts), "seoul", "tokyo")
        >>> alt.split(". ")[2]
        'Crime and punishment: Seoul 4, Tokyo 0'
        >>> plt.close(fig)
    """
    wide = frames.pivot_table(index="frame", columns="side", values="claims", aggfunc="sum",
                              observed=True).reindex(columns=[side_a, side_b]).fillna(0).astype(int)
    wide = wide[(wide[side_a] + wide[side_b]) > 0]
    order = frames.drop_duplicates("frame").set_index("frame").frame_code
    wide = wide.assign(_t=wide[side_a] + wide[side_b], _c=order.reindex(wide.index)).sort_values(
        ["_t", "_c"], ascending=[True, False]).drop(columns=["_t", "_c"])
    with classroom_style():
        fig, ax = plt.subplots(figsize=(12, max(3.5, 0.6 * len(wide) + 2)), layout="constrained")
        y = range(len(wide))
        ca, cb = side_colours([side_a, side_b]).values()
        ax.barh(y, -wide[side_a], color=ca, label=_side_name(side_a))
        ax.barh(y, wide[side_b], color=cb, hatch="//", edgecolor="white", label=_side_name(side_b))
        for i, (a, b) in enumerate(zip(wide[side_a], wide[side_b])):
            if a:
                ax.annotate(str(a), (-a, i), xytext=(-6, 0), textcoords="offset points", ha="right", va="center")
            if b:
                ax.annotate(str(b), (b, i), xytext=(6, 0), textcoords="offset points", ha="left", va="center")
        ax.set_yticks(list(y), [_wrap(f, 34) for f in wide.index], fontsize=12)
        m = max(1, int(wide.values.max()))
        ax.set_xlim(-m - 1, m + 1)
        ticks = list(range(-m, m + 1))
        ax.set_xticks(ticks, [str(abs(t)) for t in ticks])
        ax.axvline(0, color="black", lw=1)
        ax.set_xlabel(f"Claims (count): \u2190 {_side_name(side_a)}   |   {_side_name(side_b)} \u2192")
        ax.legend(loc="lower right", frameon=False)
        if title:
            ax.set_title(title, loc="left")
        if source:
            fig.supxlabel(_wrap(source, 150), x=0.01, ha="left", fontsize=10)
    rows = list(zip(wide.index, wide[side_a], wide[side_b]))[::-1]
    alt = (f"Diverging bar chart of claims per frame dimension, {_side_name(side_a)} to the left and "
           f"{_side_name(side_b)} to the right. " + ". ".join(
               f"{f}: {_side_name(side_a)} {a}, {_side_name(side_b)} {b}" for f, a, b in rows) + ".")
    return fig, alt


def distinctive_words(words: pd.DataFrame, side_a: str, side_b: str, *, top: int = 8, title: str = "",
                      source: str = ""):
    """The words that most set each side apart, as bars of their z-scores, with the caveat beside them.

    Args:
        words: The output of :func:`exportrow.framing.fightin_words`.
        side_a, side_b: The sides compared (positive z leans to ``side_a``).
        top: How many words to show per side.
        title, source: Title and the source line under the chart.

    Returns:
        ``(figure, alt_text)``.

    Example:
        >>> from exportrow import claims
        >>> from exportrow.framing import fightin_words
        >>> fw = claims().pipe(fightin_words, "seoul", "tokyo")
        >>> fig, alt = distinctive_words(fw, "seoul", "tokyo", top=3)
        >>> "Small counts" in alt
        True
        >>> plt.close(fig)
    """
    a = words[words.z > 0].head(top)
    b = words[words.z < 0].tail(top)
    shown = pd.concat([b, a]).sort_values("z", kind="stable").reset_index(drop=True)  # bottom to top
    strongest = float(words.z.abs().max()) if len(words) else 0.0
    caveat = (f"Small counts: one article gives only a few hundred words per side. The largest |z| here is "
              f"{strongest:.2f}; values under 1.96 are what chance alone often gives. Read these as a "
              "description of the wording, not as evidence of a difference.")
    with classroom_style():
        fig, ax = plt.subplots(figsize=(12, max(3.5, 0.45 * len(shown) + 2.5)), layout="constrained")
        ca, cb = side_colours([side_a, side_b]).values()
        colours = [ca if z > 0 else cb for z in shown.z]
        hatches = [None if z > 0 else "//" for z in shown.z]
        for i, (z, c, h) in enumerate(zip(shown.z, colours, hatches)):
            ax.barh(i, float(z), color=c, hatch=h, edgecolor="white")
        labels = [f"{w} ({int(x)} vs {int(y)})" for w, x, y in zip(shown.word, shown.count_a, shown.count_b)]
        ax.set_yticks(range(len(shown)), labels, fontsize=12)
        ax.axvline(0, color="black", lw=1)
        for z in (-1.96, 1.96):
            ax.axvline(z, color="#777777", ls=":", lw=1.2)
        ax.set_xlabel(f"z-score of weighted log-odds: \u2190 {_side_name(side_b)}   |   {_side_name(side_a)} \u2192"
                      f"\n(word counts in brackets: {_side_name(side_a)} vs {_side_name(side_b)})")
        if title:
            ax.set_title(title, loc="left")
        fig.supxlabel(_wrap(caveat + (" " + source if source else ""), 150), x=0.01, ha="left", fontsize=10)
    alt = (f"Bar chart of the words that most set {_side_name(side_a)} and {_side_name(side_b)} apart, by "
           "z-score, most distinctive first. " + ". ".join(
               f"{w}: z {float(z):+.2f}" for w, z in zip([*a.word, *b.word[::-1]], [*a.z, *b.z[::-1]]))
           + ". " + caveat)
    return fig, alt
