"""Charts fit to project in a classroom: colour-blind-safe, labelled, sourced, with alt text.

matplotlib is imported here only, so ``import exportrow`` stays light. Every figure is
saved reproducibly: PNG without the software stamp, SVG with a fixed hash salt and no
date, PDF without a creation date.
"""

from __future__ import annotations

import base64
import io
import re
from contextlib import contextmanager
from pathlib import Path

import matplotlib.pyplot as plt
import pandas as pd

from exportrow.colours import OKABE_ITO, SIDE_COLOURS, side_colours
from exportrow.escape import BIDI_CONTROLS, html_attribute, html_text, strip_bidi
from exportrow.export import FORMATS
from exportrow.numbers import fmt_fixed
from exportrow.sides import possessive

__all__ = ["OKABE_ITO", "SIDE_COLOURS", "FORMATS", "side_colours", "classroom_style", "save_figure", "show_figure",
           "source_line", "bar_periods", "timeline", "diverging_frames", "distinctive_words", "fmt_count",
           "strip_chart_bidi", "TITLE_PT", "LABEL_PT", "SOURCE_PT"]

#: Type sizes at the saved size (100 dpi), for a chart projected in a classroom.
TITLE_PT, LABEL_PT, SOURCE_PT = 18, 14, 12

_METADATA = {"png": {"Software": None}, "svg": {"Date": None, "Creator": None},
             "pdf": {"CreationDate": None, "Producer": None, "Creator": None}}


@contextmanager
def classroom_style():
    """Large type and clean axes for projection; a fixed SVG hash salt for stable files; no mathtext.

    Titles are 18 pt, labels and ticks 14 pt, source lines 12 pt, at the saved size.

    Example:
        >>> with classroom_style():
        ...     plt.rcParams["font.size"], plt.rcParams["axes.titlesize"]
        (14.0, 18.0)
    """
    with plt.rc_context({
        "font.size": 14, "axes.titlesize": TITLE_PT, "axes.labelsize": LABEL_PT, "xtick.labelsize": LABEL_PT,
        "ytick.labelsize": LABEL_PT, "legend.fontsize": SOURCE_PT + 1, "axes.spines.top": False,
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

        A what-if publication date (the parameter ``published``) keeps the article's own date and says so:

        >>> print(source_line(load_article().with_published("2019-07-19"))[108:])
        What-if: dates resolved as if published 19 Jul 2019 (parameter published).
    """
    own = getattr(article, "own_published", article).published
    date = f"{own.day} {own:%B %Y}"
    text = f'Source: {article.outlet}, {date}, "{article.title}".'
    if getattr(article, "what_if_note", ""):
        text += f" {article.what_if_note}"
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


def strip_chart_bidi(fig):
    """Drop Unicode's bidirectional controls (:data:`exportrow.escape.BIDI_CONTROLS`) from every text of ``fig``.

    Titles, axis labels, tick labels, legends and annotations are made from the annotation's words (descriptions,
    quantity names, side names); a right-to-left override among them would reverse what the chart draws after
    it, such as the date exportrow appends to an event's label. Every chart passes through here before it is
    drawn into a file or shown (:func:`save_figure`, :func:`show_figure`). Returns ``fig``.

    Example:
        >>> fig, ax = plt.subplots()
        >>> _ = ax.set_yticks([0], ["talks\u202e evil (10 Nov 2025)"]); _ = ax.set_title("a\u2067b")
        >>> _ = strip_chart_bidi(fig); fig.canvas.draw()
        >>> [t.get_text() for t in ax.get_yticklabels()], ax.get_title()
        (['talks evil (10 Nov 2025)'], 'ab')
        >>> plt.close(fig)
    """
    from matplotlib.text import Text
    from matplotlib.ticker import FixedFormatter, FuncFormatter

    for text in fig.findobj(Text):
        if BIDI_CONTROLS.search(text.get_text()):
            text.set_text(strip_bidi(text.get_text()))
    for ax in fig.findobj(lambda artist: hasattr(artist, "get_xaxis") and hasattr(artist, "get_yaxis")):
        for axis in (ax.get_xaxis(), ax.get_yaxis()):
            for formatter in (axis.get_major_formatter(), axis.get_minor_formatter()):
                # tick labels are made again from the formatter at each draw
                if isinstance(formatter, FixedFormatter):
                    formatter.seq = [strip_bidi(v) if isinstance(v, str) else v for v in formatter.seq]
                elif isinstance(formatter, FuncFormatter) and not isinstance(formatter.func, _NoBidi):
                    formatter.func = _NoBidi(formatter.func)  # what set_ticks(..., labels) makes
    return fig


class _NoBidi:
    """A tick-label function whose labels come out without bidirectional controls."""

    def __init__(self, func):
        self.func = func

    def __call__(self, x, pos=None):
        label = self.func(x, pos)
        return strip_bidi(label) if isinstance(label, str) else label


def _render(fig, fmt: str) -> bytes:
    if fmt not in FORMATS:
        from exportrow.parameters import ParameterError  # a ValueError, shown in one line

        raise ParameterError(f"figure format must be one of {', '.join(FORMATS)}, not {fmt!r}")
    strip_chart_bidi(fig)
    buf = io.BytesIO()
    # Figures laid out by matplotlib's constrained layout already fit their canvas; a "tight" bounding
    # box would cost a second full draw.
    from matplotlib.layout_engine import ConstrainedLayoutEngine

    engine = fig.get_layout_engine()
    laid_out = isinstance(engine, ConstrainedLayoutEngine)
    with plt.rc_context({"svg.hashsalt": "exportrow"}):
        if laid_out and fmt == "png":
            _laid_out_png(fig, engine, buf)
        else:
            fig.savefig(buf, format=fmt, metadata=_METADATA[fmt], bbox_inches=None if laid_out else "tight")
    return buf.getvalue()


def _laid_out_png(fig, engine, buf) -> None:
    """Save a constrained-layout figure as PNG with one draw instead of two, the same bytes.

    ``savefig`` first draws the whole figure with drawing switched off, only so that the layout runs,
    then draws it again for real with the layout switched off. Running the layout directly (on the
    canvas's renderer at the figure's resolution, as that first pass does) and then drawing the canvas
    once gives the same pixels without walking every artist once for nothing (tests/test_plots.py
    compares them with savefig's and counts the draws).
    """
    engine.execute(fig)
    fig.set_layout_engine("none")
    try:
        _png(fig, buf)
    finally:
        fig.set_layout_engine(engine)


# savefig settings under which drawing the Agg canvas gives exactly the pixels ``savefig`` would write
_PLAIN_SAVEFIG = {"savefig.dpi": "figure", "savefig.facecolor": "auto", "savefig.edgecolor": "auto",
                  "savefig.transparent": False, "savefig.bbox": None}


def _rgba(fig) -> tuple[bytes, float]:
    """The figure's pixels (RGBA, row by row) and its resolution, drawn once.

    ``savefig(format="raw")`` draws a figure that has a layout engine twice, the first time with drawing
    switched off (even when that engine is only the placeholder ``set_layout_engine("none")`` leaves);
    drawing the Agg canvas itself is that second draw alone. Any other canvas or savefig setting goes
    through ``savefig``.
    """
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    plain = all(plt.rcParams[key] == value for key, value in _PLAIN_SAVEFIG.items())
    if plain and type(fig.canvas) is FigureCanvasAgg:
        fig.canvas.draw()
        return bytes(fig.canvas.buffer_rgba()), fig.dpi
    raw = io.BytesIO()
    fig.savefig(raw, format="raw", bbox_inches=None)
    dpi = fig.dpi if plt.rcParams["savefig.dpi"] == "figure" else plt.rcParams["savefig.dpi"]
    return raw.getvalue(), dpi


def _png(fig, buf) -> None:
    """Draw ``fig`` as savefig would, then write the PNG with a fast compression, without an alpha channel
    when the chart is opaque (every exportrow chart has a white background): the same pixels as savefig's
    PNG in a smaller file, in about half the encoding time. No metadata, as in every exportrow figure."""
    from PIL import Image

    data, dpi = _rgba(fig)
    width = int(fig.get_figwidth() * dpi)
    if not width or len(data) % (4 * width):  # not the canvas size expected: let savefig write the PNG
        fig.savefig(buf, format="png", metadata=_METADATA["png"], bbox_inches=None)
        return
    image = Image.frombuffer("RGBA", (width, len(data) // (4 * width)), data, "raw", "RGBA", 0, 1)
    if image.getchannel("A").getextrema() == (255, 255):
        image = image.convert("RGB")
    image.save(buf, format="png", dpi=(dpi, dpi), compress_level=1)


class _Shown:
    """A displayed chart, stored once: the PNG inside HTML (with its alt text), and the alt text as plain text."""

    def __init__(self, png: bytes, alt: str, caption: str, path: Path | None):
        self.png, self.alt, self.caption, self.path = png, alt, caption, path

    def _repr_mimebundle_(self, include=None, exclude=None):
        b64 = base64.b64encode(self.png).decode("ascii")
        cap = f"<figcaption>{html_text(self.caption)}</figcaption>" if self.caption else ""
        return {
            "text/html": (f'<figure class="mathjax_ignore"><img src="data:image/png;base64,{b64}" '
                          f'alt="{html_attribute(self.alt)}" style="max-width:100%">{cap}</figure>'),
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
    alt, caption = strip_bidi(alt), strip_bidi(caption)  # the text/plain copy is not escaped as HTML is
    png = _render(fig, "png")
    path = None
    if out_dir is not None:
        from exportrow.outdir import write_notebook_output

        data = png if fmt == "png" else _render(fig, fmt)  # a PNG file is the bytes shown
        path = write_notebook_output(Path(out_dir) / f"{name}.{fmt}", data)
    plt.close(fig)
    return _Shown(png, alt, caption, path)


def _wrap(text: str, width: int = 46) -> str:
    import textwrap

    return "\n".join(textwrap.wrap(text, width, break_on_hyphens=False)) or text


def _text_inches(*texts: str) -> float:
    """Roughly how tall, in inches, the lines of a chart's title, labels and source line stand (a line of 18 pt
    type and its spacing is about a third of an inch), so a figure is made tall enough to leave its plot room.

    Example:
        >>> round(_text_inches("one line", "two\\nlines"), 2)
        0.99
    """
    return sum(0.33 * len(t.split("\n")) for t in texts if t)


def _source(fig, text: str, width_in: float) -> None:
    """The source line under a chart, 12 pt, wrapped to the figure's width."""
    if text:
        fig.supxlabel(_fit(_wrap(text, int(width_in * 10.5)), width_in, SOURCE_PT), x=0.01, ha="left",
                      fontsize=SOURCE_PT, color="#333333")


def _fit(text: str, width_in: float, size: float) -> str:
    """Wrapped ``text`` whose lines are each cut to fit across a figure ``width_in`` inches wide (less a margin) at
    ``size`` points: a line of wide letters ("WWWW...", a long name) that a wrap by characters left too long is broken
    where it reaches the edge; a line that fits is kept as it is.

    Example:
        >>> [len(line) for line in _fit("a " + "W" * 60, 5, 18).splitlines()]
        [19, 18, 18, 7]
        >>> _fit("fits", 5, 18)
        'fits'
    """
    pixels = width_in * 100 - 30
    out = []
    for line in text.split("\n"):
        while _text_px(line, size) > pixels:
            k = 1
            while k < len(line) and _text_px(line[:k + 1], size) <= pixels:
                k += 1
            if " " in line[k // 2:k]:  # at a space where there is one
                k = line.rindex(" ", 0, k) + 1
            out.append(line[:k])
            line = line[k:]
        out.append(line)
    return "\n".join(out)


def _title_chars(width_in: float) -> int:
    """How many characters of an 18 pt title fit across a figure this wide."""
    return int(width_in * 7.2)


def _side_name(side: str, sides=None) -> str:
    """A side's name in a chart: its ``name:`` in the annotation's ``sides`` (:func:`exportrow.sides.side_words`)."""
    from exportrow.sides import side_words

    return {"outlet": "the outlet", "other": "Other"}.get(side, side_words(side, sides))


#: A side's name in a chart's column heads, axis labels and legend is cut after this many characters, with an
#: ellipsis (the title, the source line and the alt text give it in full).
_CHART_NAME_CHARS = 30


def _short_name(side: str, sides=None) -> str:
    """A side's name for a chart's heads, axis labels and legend: at most :data:`_CHART_NAME_CHARS` characters,
    its start kept, cut at a space when one is near the end, with an ellipsis.

    Example:
        >>> from exportrow.annotations.model import Sides
        >>> s = Sides(["u", "w"], {"u": "Brennfeld Tram Drivers Union of Public Transport Workers Ltd", "w": "W" * 60})
        >>> _short_name("u", s), _short_name("w", s), _short_name("seoul")
        ('Brennfeld Tram Drivers Union…', 'WWWWWWWWWWWWWWWWWWWWWWWWWWWWW…', 'Seoul')
    """
    name = _side_name(side, sides)
    if len(name) <= _CHART_NAME_CHARS:
        return name
    cut = name[:_CHART_NAME_CHARS - 1]
    if " " in cut[_CHART_NAME_CHARS // 2:]:
        cut = cut[:cut.rindex(" ")]
    return cut.rstrip(" ,;:-") + "…"


def _side_label(side: str, sides=None) -> str:
    """A side's name in a legend; ``other`` says what it holds."""
    from exportrow.sides import side_words

    return {"outlet": "The outlet's own voice", "other": "Other (neither side alone)"}.get(
        side, _wrap_px(side_words(side, sides), _LEGEND_PX, SOURCE_PT + 1))


def _by_side(side: str, sides=None, short: bool = False) -> str:
    """Who a figure is attributed to, after a chart's words for its basis ("count stated in the article, by ..."):
    a side's name (cut as :func:`_short_name` cuts it when ``short``), ``others on neither side`` for ``other``.

    Example:
        >>> from exportrow.annotations.model import Sides
        >>> s = Sides(["council", "union"], {"union": "Nurses' union"})
        >>> _by_side("union", s), _by_side("council", s), _by_side("other", s), _by_side("outlet", s)
        ("by Nurses' union", 'by Council', 'by others on neither side', 'by the outlet itself')
    """
    if side in ("other", "outlet"):
        return {"other": "by others on neither side", "outlet": "by the outlet itself"}[side]
    return f"by {_short_name(side, sides) if short else _side_name(side, sides)}"


def _palette(sides, shown) -> dict[str, str]:
    """Colours for every side of the annotation (so each keeps its colour), falling back to those shown."""
    names = [str(s) for s in (sides if sides is not None and len(sides) else shown)]
    names += [str(s) for s in shown if str(s) not in names]
    return side_colours(names)


#: A point's shape by side, so a black-and-white print still tells the sides apart (the outlet a diamond).
_MARKERS = ("o", "s", "^", "v", "P", "X", "h")


def _markers(palette: dict[str, str]) -> dict[str, str]:
    """A marker shape for each side of the palette, in its order; the outlet's is a diamond.

    Example:
        >>> _markers({"seoul": "#0072B2", "tokyo": "#D55E00", "outlet": "#404040", "other": "#E69FCF"})
        {'seoul': 'o', 'tokyo': 's', 'outlet': 'D', 'other': '^'}
    """
    shapes = iter(_MARKERS * (len(palette) // len(_MARKERS) + 1))
    return {s: "D" if s == "outlet" else next(shapes) for s in palette}


def _rate(v: float, of=None) -> str:
    """A rate for a label or title, no more precise than the count ``of`` it is computed from
    (:func:`exportrow.numbers.fmt_rate`: three significant digits, or as many as the count states, at most two
    decimals unless a rate under 0.1 needs more to keep its digits, no trailing zeros; from a million on with a scale
    word). The tables store ``per_month`` to two decimals or three significant digits, whichever is finer.

    Example:
        >>> _rate(4.0), _rate(1.1667), _rate(5000.0), _rate(125000.0), _rate(2500000 / 15), _rate(41000 / 12)
        ('4', '1.17', '5,000', '125,000', '167,000', '3,420')
        >>> _rate(25100000 / 12, 25100000), _rate(2500000 / 15, 2500000), _rate(41234 / 12, 41234)
        ('2.09 million', '167,000', '3,436.2')
    """
    from exportrow.numbers import fmt_rate

    return fmt_rate(v, of)


def _grouped_ticks():
    """A tick formatter that writes values as the labels do: ``250,000`` where matplotlib would write ``250000``
    or ``2.5`` under a ``1e6``; small values as before (``0``, ``0.5``), every tick with the same decimals."""
    from matplotlib.ticker import Formatter

    class GroupedTicks(Formatter):
        def __call__(self, x, pos=None):
            return self.format_ticks([x])[0]

        def format_ticks(self, values):
            values = [float(v) for v in values]
            size, word = _tick_scale(values)
            values = [v / size for v in values]
            decimals = max((len(f"{v:.6f}".rstrip("0").split(".")[1]) for v in values), default=0)
            sep = "," if any(abs(v) >= 1_000 for v in values) else ""  # as fmt_value writes the labels
            return [f"{v:{sep}.{decimals}f}" + (f" {word}" if word and v else "") for v in values]

    return GroupedTicks()


def _tick_scale(values) -> tuple[float, str]:
    """The scale word ticks share, as :func:`exportrow.numbers.fmt_value` writes labels: ``(1e9, "billion")`` when
    the largest tick is a billion or more (a trillion: trillions), else ``(1, "")``.

    Example:
        >>> _tick_scale([0, 1e11, 4e11]), _tick_scale([0, 2e12]), _tick_scale([0, 250000])
        ((1000000000.0, 'billion'), (1000000000000.0, 'trillion'), (1, ''))
    """
    from exportrow.numbers import SCALE_WORDS

    top = max((abs(float(v)) for v in values), default=0.0)
    return next(((size, word) for size, word in SCALE_WORDS if top >= size), (1, ""))


def _empty(message: str, title: str = "", width: float = 12):
    with classroom_style():
        fig, ax = plt.subplots(figsize=(width, 3), layout="constrained")
        ax.axis("off")
        ax.text(0.5, 0.5, _wrap(message, 90), ha="center", va="center")
        if title:
            ax.set_title(title, loc="left")
    return fig


def _hedge(text: str, qualifier) -> str:
    """A number in a label, with the article's hedge: ``at least 4.8``."""
    from exportrow.stats import HEDGES

    q = None if qualifier is None or pd.isna(qualifier) else str(qualifier)
    return f"{HEDGES[q]} {text}" if q in HEDGES else text


def _rate_title(what: str, labels, rates, derived, qualifiers=None, word: str = "count", counts=None) -> str:
    """The title of a chart of rates per month; each rate is shown no more precisely than its count (``counts``,
    :func:`_rate`).

    Example:
        >>> _rate_title("Steel imports", ["2023", "2024"], [25100000 / 12, 30400000 / 12], [False, False],
        ...             counts=[25100000, 30400000])
        'Steel imports per month rose from 2.09 million in 2023 to 2.53 million in 2024'
    """
    from exportrow.numbers import significant_digits

    qualifiers = list(qualifiers) if qualifiers is not None else [None] * len(labels)
    of = dict(zip(labels, counts)) if counts is not None else {}

    def shown(v, lab=None):  # each rate as precise as its own count
        return _rate(v, of.get(lab))

    finest = max(of.values(), key=significant_digits) if of else None
    stated = [(lab, r) for lab, r, d in zip(labels, rates, derived) if not d]
    more = [(lab, r, q) for lab, r, d, q in zip(labels, rates, derived, qualifiers) if d]
    hedges = [q for q, d in zip(qualifiers, derived) if not d and q is not None and not pd.isna(q)]
    if len(stated) >= 2 and hedges:  # a bound gives no direction: name the two rates as the article hedges them
        kept = [q for q, d in zip(qualifiers, derived) if not d]
        (l0, r0), (l1, r1) = stated[0], stated[-1]
        how = ("approximately" if set(map(str, hedges)) == {"approximate"} else "as bounds or approximations"
               if "approximate" in set(map(str, hedges)) else "as bounds")
        text = (f"{what} per month: {_hedge(shown(r0, l0), kept[0])} in {l0}, {_hedge(shown(r1, l1), kept[-1])} in "
                f"{l1} (the article gives {'all these' if len(hedges) == len(stated) else 'some'} {word}s only {how})")
    elif len(stated) >= 2:
        (l0, r0), (l1, r1) = stated[0], stated[-1]
        verb = "rose" if r1 > r0 else "fell" if r1 < r0 else "stayed"
        text = f"{what} per month {verb} from {shown(r0, l0)} in {l0} to {shown(r1, l1)} in {l1}"
        if (inner := _inner_extremes([lab for lab, _ in stated], [r for _, r in stated],
                                     lambda v: _rate(v, finest))):
            text = f"{what} per month went from {shown(r0, l0)} in {l0} to {shown(r1, l1)} in {l1} ({inner})"
        elif verb == "stayed":
            text = f"{what} per month stayed at {shown(r0, l0)} from {l0} to {l1}"
    elif stated:
        text = f"{what}: {shown(stated[0][1], stated[0][0])} a month in {stated[0][0]}"
    else:
        text = f"{what} per month"
    if more:
        text += "; " + ", ".join(f"{_hedge(shown(r, lab), q)} in {lab} from a derived {word}" for lab, r, q in more)
    return text


def _months(m) -> str:
    """A period's length for a label: ``1 month``, ``12 months``, ``length unknown``.

    Example:
        >>> _months(1), _months(15), _months(None)
        ('1 month', '15 months', 'length unknown')
    """
    if m is None or pd.isna(m):
        return "length unknown"
    return f"{int(m)} month{'s' * (int(m) != 1)}"


def _level_title(what: str, unit: str, labels, values, qualifiers) -> str:
    """The title of a chart of levels: how the value moved from the first period to the last, never per month.

    Example:
        >>> _level_title("Reservoir level", "cubic metres", ["2025", "Mar 2026"], [520e6, 312e6], [None, None])
        'Reservoir level fell from 520,000,000 in 2025 to 312,000,000 cubic metres in Mar 2026'
        >>> print(_level_title("Reservoir level", "cubic metres", ["2025", "Mar 2026"], [520e6, 312e6],
        ...                    ["approximate", None]))  # doctest: +NORMALIZE_WHITESPACE
        Reservoir level: about 520,000,000 cubic metres in 2025, 312,000,000 in Mar 2026 (the article hedges some
        values)
    """
    (l0, v0, q0), (l1, v1, q1) = (labels[0], values[0], qualifiers[0]), (labels[-1], values[-1], qualifiers[-1])
    hedged = [q for q in qualifiers if q is not None and not pd.isna(q)]
    if hedged:  # a hedge gives no direction: name the two values as the article hedges them
        return (f"{what}: {_hedge(fmt_count(v0), q0)} {unit} in {l0}, {_hedge(fmt_count(v1), q1)} in {l1} "
                "(the article hedges some values)")
    if (inner := _inner_extremes(labels, values, fmt_count)):
        return f"{what} went from {fmt_count(v0)} in {l0} to {fmt_count(v1)} {unit} in {l1} ({inner})"
    if v1 == v0:
        return f"{what} stayed at {fmt_count(v0)} {unit} from {l0} to {l1}"
    verb = "rose" if v1 > v0 else "fell"
    return f"{what} {verb} from {fmt_count(v0)} in {l0} to {fmt_count(v1)} {unit} in {l1}"


def _inner_extremes(labels, values, fmt) -> str:
    """The peak and the low of a series of three or more bars when they lie between its two end bars (a title that
    names only the ends would hide them), e.g. ``peak 3.4 in Aug 2025``; ``""`` when both lie at an end.

    Example:
        >>> _inner_extremes(["Jan", "Aug", "Dec"], [0.4, 3.4, 1.2], fmt_count)
        'peak 3.4 in Aug'
        >>> _inner_extremes(["2015", "2016", "2017", "2018"], [5, 1, 9, 4], fmt_count)
        'peak 9 in 2017, low 1 in 2016'
        >>> _inner_extremes(["2015", "2016", "2017"], [1, 2, 3], fmt_count), _inner_extremes(["a", "b"], [1, 5], str)
        ('', '')
    """
    vals = [float(v) for v in values]
    if len(vals) < 3 or any(v != v for v in vals):
        return ""
    ends, out = (vals[0], vals[-1]), []
    hi, lo = max(range(len(vals)), key=vals.__getitem__), min(range(len(vals)), key=vals.__getitem__)
    if vals[hi] > max(ends):
        out.append(f"peak {fmt(vals[hi])} in {labels[hi]}")
    if vals[lo] < min(ends):
        out.append(f"low {fmt(vals[lo])} in {labels[lo]}")
    return ", ".join(out)


def bar_periods(periods: pd.DataFrame, *, measure: str = "per_month", unit: str | None = None,
                title: str | None = None, source: str = "", sides=None):
    """Bar chart of a quantity over periods of unequal length, drawn the way a histogram with unequal bins is.

    ``per_month`` (the default): on a time axis each bar spans its period and its height is
    the rate per month (computed by exportrow: count ÷ months), so its **area is its count**
    and periods of different lengths compare fairly. Each bar's label gives the count, the
    months and the rate when they fit over the bars, else the value alone (:func:`_place_bar_labels`;
    the alt text keeps the full text). ``count``: one bar per period with the raw count, each label giving
    the period's length, and a note that the bars are not comparable when lengths differ. Levels
    (``kind: level``: a reservoir level, a price, per cent) are drawn as their values, one bar per period,
    whichever ``measure`` is asked: a level is never divided by months.

    Bars take the colour of the side the figures are attributed to (a derived bar, attributed to no one, that of
    the side whose figures it is computed from: ``inputs_side``); when more than one side is shown, each
    legend entry and each bar's words in the alt text name the side ("count stated in the article, by ..."),
    as the timeline's legend does. Hatching means one thing
    in every exportrow chart: a value derived by exportrow, not stated in the article.

    Args:
        periods: The output of :func:`exportrow.stats.case_periods`.
        measure: ``per_month`` or ``count``.
        unit: Unit of the counts (None: the table's ``unit`` column, e.g. ``cases``).
        title: Chart title (None: the finding, computed from the bars).
        source: Source line printed under the chart.
        sides: Every side of the annotation, in order, so each side keeps its colour.

    Returns:
        ``(figure, alt_text)``.

    Example:
        >>> from exportrow import figures
        >>> from exportrow.stats import case_periods
        >>> fig, alt = bar_periods(figures().pipe(case_periods))
        >>> print(alt.split(". ")[0].replace("; ", ";\\n"))
        Illegal export cases per month rose from 1.17 in 2015 to 4 in 2017;
        4.8 in Jan 2018–Mar 2019 from a derived count
        >>> alt.split(". ")[2]
        '2015: 14 cases in 12 months, 1.17 a month (count stated in the article)'
        >>> plt.close(fig)
    """
    import matplotlib.dates as mdates
    from matplotlib.patches import Patch

    from exportrow.stats import MEASURES

    if measure not in MEASURES:
        from exportrow.parameters import ParameterError  # a ValueError, shown in one line

        raise ParameterError(f"measure must be 'count' or 'per_month', not {measure!r}")
    from exportrow.stats import chart_measure, drawn_periods, value_kind

    measure = chart_measure(periods, measure)  # levels: their values, never divided by months

    if unit is None:
        units = periods.unit.dropna().unique().tolist() if "unit" in periods else []
        unit = units[0] if len(units) == 1 else "value"
    word = "value" if measure == "level" else \
        value_kind(None if unit == "value" else unit, periods["count"] if "count" in periods else ())
    quantities = periods.quantity.dropna().unique().tolist() if "quantity" in periods else []
    what = quantities[0].replace("_", " ").capitalize() if len(quantities) == 1 else unit.capitalize()
    p = drawn_periods(periods, measure)  # whole months only, but for levels
    if p.empty:
        fig = _empty("No period to chart: none has a length in whole months." if len(periods) else
                     "No period to chart: the annotation states no dated figure for this quantity.", title or "")
        return fig, f"No chart of {what}: no period to draw."
    labels = p.label.tolist()
    quals = p["qualifier"].tolist() if "qualifier" in p else [None] * len(p)
    counts = [float(c) for c in p["count"]]
    months = [int(m) if pd.notna(m) else None for m in p.months]
    rates = [c / m if m else float("nan") for c, m in zip(counts, months)]
    derived = [b == "derived" for b in p.basis]
    # a derived bar is stated by no one: it takes the colour of the side whose figures it is computed from
    stated_side = p.get("side", pd.Series([None] * len(p), index=p.index))
    inputs_side = p.get("inputs_side", pd.Series([None] * len(p), index=p.index))
    shown_sides = [str(i) if d and pd.notna(i) else str(s) if pd.notna(s) else "other"
                   for d, s, i in zip(derived, stated_side, inputs_side)]
    palette = _palette(sides if sides is not None else
                       (p.side.cat.categories if hasattr(p.get("side"), "cat") else None), shown_sides)
    colours = [palette.get(s, OKABE_ITO["grey"]) for s in shown_sides]
    several = len(set(shown_sides)) > 1  # then the legend and the alt text say which side each colour is
    lengths = sorted({m for m in months if m})
    if title is None:
        if measure == "level":
            title = _level_title(what, unit, labels, counts, quals)
        elif measure == "per_month":
            title = _rate_title(what, labels, rates, derived, quals, word, counts)
        elif len(lengths) > 1:
            title = f"{what} per period: {word}s over {lengths[0]} to {lengths[-1]} months, not comparable"
        else:
            title = f"{what} per period ({_months(lengths[0]) if lengths else '? months'} each)"
    width = 12
    with classroom_style():
        fig, ax = plt.subplots(figsize=(width, 7.2), layout="constrained")
        bar_labels = []
        for i, (c, m, r, d, col) in enumerate(zip(counts, months, rates, derived, colours)):
            if measure == "per_month":
                x0, x1 = pd.Timestamp(p.period_start.iloc[i]), pd.Timestamp(p.period_end.iloc[i])
                left, span, height, mid = mdates.date2num(x0), mdates.date2num(x1) - mdates.date2num(x0), r, None
                mid = left + span / 2
            else:
                left, span, height, mid = i - 0.4, 0.8, c, i
            if d:
                ax.bar(left, height, width=span, align="edge", color="white", edgecolor=col, hatch="//",
                       linewidth=2.5, zorder=2)
            else:
                ax.bar(left, height, width=span, align="edge", color=col, edgecolor="white", linewidth=2, zorder=2)
            q = quals[i]
            # the unit once, in the axis label, when it is too long to repeat over every bar
            lines = [_hedge(fmt_count(c), q) + (f" {unit}" if len(unit) <= _LABEL_UNIT_CHARS else ""),
                     f"in {_months(m)}" if m else "length unknown"]
            if measure == "level":  # a value at its period: the period is the tick, the months add nothing
                lines = lines[:1]
            if measure == "per_month":
                lines.append(f"= {_hedge(_rate(r, c), q)} a month")
            if d:
                lines.append(p.source.iloc[i].replace("derived: ", "derived:\n"))
            value = _rate(r, c) if measure == "per_month" else fmt_count(c)
            bar_labels.append((mid, span / 2, height, lines, value, q))
        top = max(v for v in (rates if measure == "per_month" else counts) if v == v)
        low = min(0.0, *(v for v in (rates if measure == "per_month" else counts) if v == v))
        ax.yaxis.set_major_formatter(_grouped_ticks())
        if low < 0:  # a negative value (a level such as -0.4 per cent) hangs below a drawn zero line
            top = max(top, 0.0) or -low
            ax.axhline(0, color="black", linewidth=1, zorder=3)
        ax.set_ylim(low * 1.2, top * (1.75 if any(derived) else 1.45))
        if measure == "per_month":
            mids = [mdates.date2num(pd.Timestamp(s)) + (mdates.date2num(pd.Timestamp(e))
                                                        - mdates.date2num(pd.Timestamp(s))) / 2
                    for s, e in zip(p.period_start, p.period_end)]
            ax.set_xticks(mids, [lab.replace("\u2013", "\u2013\n") for lab in labels])
            edges = sorted({mdates.date2num(pd.Timestamp(x)) for x in [*p.period_start, *p.period_end]})
            ax.set_xticks(edges, minor=True)
            ax.tick_params(axis="x", which="minor", length=8)
            ax.tick_params(axis="x", which="major", length=0)
            pad = (edges[-1] - edges[0]) * 0.02
            ax.set_xlim(edges[0] - pad, edges[-1] + pad)
            ax.set_ylabel(_wrap_px(f"{unit.capitalize()} per month", _AXIS_PX) + "\n"
                          + _wrap_px(f"(computed: {word} \u00f7 months)", _AXIS_PX))
            ax.set_xlabel(f"Each bar spans its period on a time line: height = rate per month, area = {word}")
        elif measure == "level":
            ax.set_xticks(range(len(labels)), [lab.replace("\u2013", "\u2013\n") for lab in labels])
            ax.set_ylabel(_wrap_px(f"{unit.capitalize()}", _AXIS_PX) + "\n(value as reported)")
            ax.set_xlabel("Period: each bar is the value the article gives for it (a level, not divided by months)")
        else:
            ax.set_xticks(range(len(labels)), [lab.replace("\u2013", "\u2013\n") for lab in labels])
            ax.set_ylabel(_wrap_px(f"{unit.capitalize()}", _AXIS_PX) + "\n" + f"({word} as reported)")
            ax.set_xlabel("Period" + (f" (lengths differ: {lengths[0]} to {lengths[-1]} months, so the bars are "
                                      "not comparable)" if len(lengths) > 1 else ""))
        signs = _place_bar_labels(ax, bar_labels, width)
        _fit_ticks(ax, width)
        handles = []
        for s in dict.fromkeys(shown_sides):
            col = palette.get(s, OKABE_ITO["grey"])
            by = f", {_by_side(s, sides, short=True)}" if several else ""  # a colour names its side
            if any(not d for d, x in zip(derived, shown_sides) if x == s):
                handles.append(Patch(facecolor=col, edgecolor="white", label=f"{word} stated in the article{by}"))
            if any(d for d, x in zip(derived, shown_sides) if x == s):
                handles.append(Patch(facecolor="white", edgecolor=col, hatch="//", linewidth=2,
                                     label=f"hatched: {word} derived by exportrow, not in the article"
                                     + (f",\nfrom figures {_by_side(s, sides, short=True)}" if several else "")))
        if signs:  # a bound over a narrow bar is written as a sign: the legend says which
            handles.append(Patch(facecolor="none", edgecolor="none", label=", ".join(
                f"{sign} = {words}" for sign, words in signs.items()) + " (as the article hedges the figure)"))
        ax.legend(handles=handles, loc="upper left", frameon=False, fontsize=LABEL_PT - 1)
        fig.suptitle(_wrap(_keep_together(title, labels), _title_chars(width)), x=0.01, ha="left",
                     fontsize=TITLE_PT)
        _source(fig, source, width)
    parts = []
    for lab, c, m, r, d, q, s in zip(labels, counts, months, rates, derived, quals, shown_sides):
        basis = f"{word} derived by exportrow, not stated in the article" if d else f"{word} stated in the article"
        if several:  # the alt text names the side each bar's colour stands for, as the legend does
            basis += f", from figures {_by_side(s, sides)}" if d else f", {_by_side(s, sides)}"
        if measure == "level":
            parts.append(f"{lab}: {_hedge(fmt_count(c), q)} {unit} ({basis})")
            continue
        rate = f", {_hedge(_rate(r, c), q)} a month" if m else ""
        parts.append(f"{lab}: {_hedge(fmt_count(c), q)} {unit} in {_months(m)}{rate} ({basis})")
    kind = ("Bars are the values the article gives for their periods (levels, not divided by months)"
            if measure == "level" else
            f"Bars span their periods on a time line; height is the rate per month computed by exportrow, area the "
            f"{word}" if measure == "per_month" else f"Bars are {word}s per period; the periods differ in length, so "
            "they are not comparable" if len(lengths) > 1 else f"Bars are {word}s per period")
    alt = f"{title}. {kind}. " + ". ".join(parts) + "."
    return fig, alt


#: A unit longer than this is named once, in the axis label, not over every bar.
_LABEL_UNIT_CHARS = 24
#: The height (pixels at 100 dpi) a bar chart's y label is wrapped to: the axis of a 7.2-inch chart under a
#: three-line title, over a two-line source, is taller.
_AXIS_PX = 380
#: Short forms of the article's hedges, for a value over a narrow bar (the alt text keeps the words).
_HEDGE_SIGNS = {"lower_bound": "\u2265", "upper_bound": "\u2264", "approximate": "\u2248"}


#: Widths (pixels at 100 dpi) that long side names are wrapped to: a column head in frames.png (half its axes,
#: less a tenth for bold type), the x label of distinctive-words.png (centred under its axes, beside the legend),
#: a legend entry.
_HALF_HEAD_PX, _WORDS_AXIS_PX, _LEGEND_PX = 340, 700, 300


def _text_px(text: str, size: float) -> float:
    """The width in pixels (at 100 dpi, as every exportrow chart is saved) of the widest line of ``text``.

    Example:
        >>> _text_px("1,820", 13) < _text_px("at least 1,820", 13)
        True
    """
    from matplotlib.backends.backend_agg import RendererAgg
    from matplotlib.font_manager import FontProperties

    renderer = RendererAgg(10, 10, 100)
    prop = FontProperties(size=size)
    return max(renderer.get_text_width_height_descent(line or " ", prop, ismath=False)[0]
               for line in text.split("\n"))


def _wrap_px(text: str, pixels: float, size: float = LABEL_PT) -> str:
    """``text`` wrapped so that no line is wider than ``pixels`` at ``size`` points (a y label: the axis height).

    Example:
        >>> print(_wrap_px("Farm households applying for emergency water permits per month (computed: count "
        ...                "\u00f7 months)", 380))
        Farm households applying for emergency
        water permits per month (computed: count
        ÷ months)
    """
    if _text_px(text, size) <= pixels:
        return text  # as typed, spacing and all
    words, lines = text.split(), [""]
    for w in words:
        tried = f"{lines[-1]} {w}".strip()
        if lines[-1] and _text_px(tried, size) > pixels:
            lines.append(w)
        else:
            lines[-1] = tried
    return "\n".join(part for line in lines for part in _break_word(line, pixels, size))


def _break_word(line: str, pixels: float, size: float) -> list[str]:
    """``line`` as it is, or, if it is one word wider than ``pixels`` ("WWWW..."), in pieces that fit.

    Example:
        >>> [len(p) for p in _break_word("W" * 60, 300, 13)], _break_word("a b", 1, 13)
        ([16, 16, 16, 12], ['a b'])
    """
    if " " in line or _text_px(line, size) <= pixels:
        return [line]
    pieces = [""]
    for ch in line:
        if pieces[-1] and _text_px(pieces[-1] + ch, size) > pixels:
            pieces.append("")
        pieces[-1] += ch
    return pieces


def _axes_px(ax, fig_width: float) -> float:
    """The axes' width in pixels, estimated before the layout runs: the figure less room for the y label
    and its ticks on the left and a margin on the right."""
    return (fig_width - 1.7) * 100


def _place_bar_labels(ax, bar_labels, fig_width: float) -> dict[str, str]:
    """Label the bars with as much as fits: the full labels (value, months, rate), else the values with their
    hedges, else the values with each hedge as a sign (``≥1,820``), else those turned upright; the same kind
    for every bar, the first kind under which no two neighbouring labels touch and none runs past the axes.
    The alt text and the table always carry the full text. Returns the signs used, with their words.
    """
    from exportrow.stats import HEDGES

    lo, hi = ax.get_xlim()
    per_unit = _axes_px(ax, fig_width) / (hi - lo)
    size = LABEL_PT - 1
    bars = sorted(bar_labels, key=lambda b: b[0])
    kinds = []
    for _mid, _space, _height, lines, value, q in bars:
        q = None if q is None or pd.isna(q) else str(q)
        kinds.append(["\n".join(lines), _hedge(value, q), _HEDGE_SIGNS.get(q, "") + value])
    edge = (hi - lo) * per_unit

    def placed(k: int) -> list[tuple[float, float, str, float]]:
        """Each label's left and right edge in pixels, its alignment and its anchor: centred over its bar, or,
        where that runs past the axes, leaning inwards from the bar's edge."""
        out = []
        for (mid, half, *_), texts in zip(bars, kinds):
            m, w = (mid - lo) * per_unit, _text_px(texts[k], size)
            if m - w / 2 < 0 or m + w / 2 > edge:
                if m < edge / 2:
                    out.append((m - half * per_unit, m - half * per_unit + w, "left", mid - half))
                else:
                    out.append((m + half * per_unit - w, m + half * per_unit, "right", mid + half))
            else:
                out.append((m - w / 2, m + w / 2, "center", mid))
        return out

    def fits(k: int) -> bool:
        boxes = placed(k)
        inside = all(x0 >= 0 and x1 <= edge for x0, x1, *_ in boxes)
        apart = all(b[0] >= a[1] + 6 or a[0] >= b[1] + 6 for i, a in enumerate(boxes) for b in boxes[i + 1:])
        return inside and apart  # 6 pixels at least between two labels

    k = next((k for k in range(3) if fits(k)), None)
    signs = {} if k in (0, 1) else {_HEDGE_SIGNS[q]: HEDGES[q] for *_, q in bars
                                    if q is not None and not pd.isna(q) and str(q) in _HEDGE_SIGNS}
    for (mid, _half, height, *_), texts, (*_, ha, at) in zip(bars, kinds, placed(k if k is not None else 2)):
        if k is not None:
            ax.annotate(texts[k], (at, max(height, 0)), xytext=(0, 5), textcoords="offset points", ha=ha,
                        va="bottom", fontsize=size, linespacing=1.15)
        else:
            ax.annotate(texts[-1], (mid, max(height, 0)), xytext=(0, 5), textcoords="offset points", ha="center",
                        va="bottom", rotation=90, fontsize=size)
    return signs


_MONTH_LABEL = re.compile(r"^([A-Z][a-z]{2}) (\d{4})$")


def _fit_ticks(ax, fig_width: float) -> None:
    """Tick labels that fit their bars: as they are when each fits its space; months of one series as
    ``Jan``, with the year under the first month of each year; else turned 30°."""
    ticks = ax.get_xticks()
    labels = [t.get_text() for t in ax.get_xticklabels()]
    if len(ticks) < 2:
        return
    lo, hi = ax.get_xlim()
    per_unit = _axes_px(ax, fig_width) / (hi - lo)
    gaps = [b - a for a, b in zip(ticks, ticks[1:])]
    room = [min(gaps[max(i - 1, 0)], gaps[min(i, len(gaps) - 1)]) * per_unit * 0.92 for i in range(len(ticks))]
    if all(_text_px(lab, LABEL_PT) <= r for lab, r in zip(labels, room)):
        return
    months = [_MONTH_LABEL.match(lab) for lab in labels]
    if all(months):
        shown, year = [], None
        for m in months:
            shown.append(m.group(1) + (f"\n{m.group(2)}" if m.group(2) != year else ""))
            year = m.group(2)
        if all(_text_px(lab, LABEL_PT) <= r for lab, r in zip(shown, room)):
            ax.set_xticks(ticks, shown)
            return
    ax.set_xticks(ticks, [lab.replace("\u2013\n", "\u2013") for lab in labels], rotation=30, ha="right",
                  rotation_mode="anchor")


def _keep_together(text: str, phrases) -> str:
    """Join each phrase's words with no-break spaces, so that wrapping never splits 'Jan 2018–Mar 2019'."""
    for p in phrases:
        text = text.replace(p, p.replace(" ", "\u00a0"))
    return text


def fmt_count(v: float) -> str:
    """A value for a label as the notebooks' sentences write it, never truncated: ``14``, ``2.5``, ``40,000,000``.

    Example:
        >>> fmt_count(14.0), fmt_count(2.5), fmt_count(40000000.0), fmt_count(9800.0)
        ('14', '2.5', '40,000,000', '9,800')
    """
    from exportrow.stats import fmt_value

    return fmt_value(v)


def _keep_dates(words: str) -> str:
    """Join a date's day, month and year with no-break spaces, so that a wrapped label never ends a line on '(10'.

    Example:
        >>> _keep_dates("the week of Mon 1 to Sun 7 Jul 2019").replace("\u00a0", "_")
        'the week of Mon_1 to Sun_7_Jul_2019'
        >>> _keep_dates("Jan 2015 to Mar 2019").replace("\u00a0", "_")
        'Jan_2015 to Mar_2019'
    """
    return re.sub(r"(?:(?<=\d)|(?<=\b[A-Z][a-z]{2})) (?=\d|[A-Z][a-z]{2}\b)", "\u00a0", words)


def _date_words(start, end, precision) -> str:
    """An event's date in words, at its precision: '10 Jul 2019', 'the week of Mon 1 to Sun 7 Jul 2019'."""
    start, end = pd.Timestamp(start), pd.Timestamp(end)
    last = end - pd.Timedelta(days=1)
    days = (end - start).days
    if days <= 1:
        return f"{start.day} {start:%b %Y}"
    if precision == "week" and days == 7:
        first = f"{start.day} {start:%b}" if start.month != last.month else f"{start.day}"
        return f"the week of Mon {first} to Sun {last.day} {last:%b %Y}"
    if start.day == 1 and end.day == 1 and (end.year * 12 + end.month) - (start.year * 12 + start.month) == 1:
        return f"{start:%b %Y}"
    if start.month == 1 and start.day == 1 and end == start + pd.DateOffset(years=1):
        return f"{start:%Y}"
    return f"{start:%b %Y} to {last:%b %Y}" if start.day == 1 and end.day == 1 else \
        f"{start.day} {start:%b %Y} to {last.day} {last:%b %Y}"


def _panels(ev: pd.DataFrame, window, close_up) -> list[tuple[pd.Timestamp, pd.Timestamp]]:
    """The stretches of time drawn side by side: one, or (with a close-up) before | close-up | after.

    A break (``//``) says that time is left out, so panels never touch nor overlap: two whose stretches
    meet, or come within a day of each other (their drawn margins would overlap), are one panel.

    Example:
        >>> T = pd.to_datetime
        >>> ev = pd.DataFrame({"date_start": T(["2024-10-01", "2025-03-13", "2025-03-14", "2025-03-17"]),
        ...                    "date_end": T(["2025-03-15", "2025-03-14", "2025-03-15", "2025-03-18"])})
        >>> [(f"{a:%Y-%m-%d}", f"{b:%Y-%m-%d}") for a, b in _panels(ev, None, ["2025-02-24", "2025-03-17"])]
        [('2024-10-01', '2025-03-18')]
    """
    return _merge_panels(_split_panels(ev, window, close_up))


def _merge_panels(panels: list) -> list:
    """Join neighbouring panels less than a day and a half apart: a break must leave some time out."""
    out = [panels[0]]
    for a, b in panels[1:]:
        if a - out[-1][1] < pd.Timedelta(days=1.5):
            out[-1] = (out[-1][0], max(b, out[-1][1]))
        else:
            out.append((a, b))
    return out


def _split_panels(ev: pd.DataFrame, window, close_up) -> list[tuple[pd.Timestamp, pd.Timestamp]]:
    lo, hi = ev.date_start.min(), ev.date_end.max()
    if window:
        return [(pd.Timestamp(window[0]), pd.Timestamp(window[1]))]
    if close_up:
        c0, c1 = pd.Timestamp(close_up[0]), pd.Timestamp(close_up[1])
        inside = (ev.date_start >= c0) & (ev.date_end <= c1)
        if inside.sum() >= 2 and (~inside).any() and (hi - lo) > 4 * (c1 - c0):
            out = []
            before = ev[ev.date_start < c0]
            if len(before):
                out.append((lo, min(c0, before.date_end.max())))
            out.append((c0, c1))
            after = ev[ev.date_end > c1]
            if len(after):
                out.append((max(c1, after.date_start.min()), hi))
            return out
    return [(lo, hi)]


def _date_axis(ax, start, end, inches: float = 10.0) -> None:
    """Ticks a reader can name: years, months with their year, Mondays with the month, or days.

    Every tick sits at noon of its day, where that day's point is drawn and a span starting or ending on it
    starts or ends (:func:`_drawn_span`).
    ``inches`` is the panel's width: ticks are spaced so that their labels never overlap. A span of
    two weeks or less gets days (every day, or every few days, each label at noon under its day's
    point), so that even a few days' span has several labels, not one Monday.
    """
    import matplotlib.dates as mdates
    from matplotlib.ticker import FuncFormatter

    days = (end - start).days
    def room(label_inches: float) -> int:  # how many labels of this width fit without touching
        return max(1, int(inches / label_inches))

    if days > 3 * 366:
        ax.xaxis.set_major_locator(_at_noon(mdates.YearLocator(base=max(1, -(-days // 365 // room(0.6))))))
        ax.xaxis.set_major_formatter(mdates.DateFormatter("%Y"))
    elif days > 100:
        step = max(1, -(-days // 30 // room(0.65)))
        ax.xaxis.set_major_locator(_at_noon(mdates.MonthLocator(interval=step)))
        ax.xaxis.set_major_formatter(FuncFormatter(lambda x, _: f"{mdates.num2date(x):%b}\n{mdates.num2date(x):%Y}"))
    else:
        if days > 14:
            weeks = max(1, -(-days // 7 // room(0.85)))
            ax.xaxis.set_major_locator(_at_noon(mdates.WeekdayLocator(byweekday=mdates.MO, interval=weeks)))
        else:  # a few days or weeks: days, spaced to fit, each label at noon under the day's point
            from matplotlib.ticker import FixedLocator

            step = max(1, -(-(days + 3) // room(0.85)))  # the panel shows a day more on each side
            first = pd.Timestamp(start).normalize() - pd.Timedelta(days=1)
            noons = [first + pd.Timedelta(days=d, hours=12) for d in range(0, days + 3, step)]
            ax.xaxis.set_major_locator(FixedLocator(mdates.date2num(noons)))
        ax.xaxis.set_major_formatter(FuncFormatter(
            lambda x, _: f"{mdates.num2date(x).day} {mdates.num2date(x):%b}\n{mdates.num2date(x):%Y}"))
        if days <= 42:
            ax.xaxis.set_minor_locator(_at_noon(mdates.DayLocator()))


def _at_noon(locator):
    """``locator`` (midnights: years, months, Mondays, days) with every tick moved to noon of its day."""
    from matplotlib.ticker import Locator

    class AtNoon(Locator):
        def set_axis(self, axis):
            super().set_axis(axis)
            locator.set_axis(axis)

        def __call__(self):
            return [t + 0.5 for t in locator()]  # matplotlib's date numbers count days

    return AtNoon()


def _between(a, b) -> str:
    """Two days for "between X and Y": the month and year once when shared, both years when they differ.

    Example:
        >>> T = pd.Timestamp
        >>> _between(T("2023-10-04"), T("2023-10-10")), _between(T("2023-09-04"), T("2023-10-10"))
        ('4 and 10 Oct 2023', '4 Sep and 10 Oct 2023')
        >>> _between(T("2024-10-01"), T("2025-03-17"))
        '1 Oct 2024 and 17 Mar 2025'
    """
    if a.year != b.year:
        first = f"{a.day} {a:%b %Y}"
    else:
        first = f"{a.day}" if a.month == b.month else f"{a.day} {a:%b}"
    return f"{first} and {b.day} {b:%b %Y}"


def _timeline_title(ev: pd.DataFrame, published, close_up, chosen=None, window=None) -> str:
    """The finding, counting what is drawn: the article's events, its publication's row, the context events.

    Example:
        >>> ev = pd.DataFrame({"event_id": ["a", "publication", "b"], "source": "article",
        ...                    "date_start": pd.to_datetime(["2023-10-04", "2023-10-05", "2023-10-10"]),
        ...                    "date_end": pd.to_datetime(["2023-10-05", "2023-10-06", "2023-10-11"])})
        >>> _timeline_title(ev, pd.Timestamp("2023-10-05"), None)
        'The article dates 2 events between 4 and 10 Oct 2023; one more row marks its publication (5 Oct 2023)'
        >>> wide = ev.assign(date_start=pd.to_datetime(["2021-04-28", "2023-10-05", "2021-05-06"]),
        ...                  date_end=pd.to_datetime(["2021-05-03", "2023-10-06", "2023-01-01"]))
        >>> _timeline_title(wide, None, None)
        'The article dates 2 events, from 28 Apr 2021 to 31 Dec 2022; one more row marks its publication (5 Oct 2023)'
        >>> day = ev.assign(date_start=pd.to_datetime(["2021-04-28", "2023-10-05", "2023-10-04"]),
        ...                 date_end=pd.to_datetime(["2021-04-29", "2023-10-06", "2023-10-05"]))
        >>> _timeline_title(pd.concat([day, day.iloc[[2]].assign(event_id="c")]), pd.Timestamp("2023-10-05"),
        ...                 ["2023-09-01", "2023-10-06"]).split("; ")[1]  # the close-up's events share one day
        '2 of them on 4 Oct 2023'

    With ``window`` (``[start, end]`` ISO dates, end exclusive: the stretch of time the panel shows) the dates are the
    window's part of the events, and a span that runs beyond the window is named as such, so the title never gives
    a range the panel does not show:

        >>> near = ev.assign(date_end=pd.to_datetime(["2023-10-05", "2023-10-06", "2024-07-02"]))
        >>> _timeline_title(near, None, None, window=["2023-09-25", "2023-10-16"])  # doctest: +NORMALIZE_WHITESPACE
        'The article dates 2 events in this window, between 4 and 10 Oct 2023 (1 of them a span running on to 1 Jul
        2024); one more row marks its publication (5 Oct 2023)'
    """
    art = ev[(ev.source == "article") & (ev.event_id != "publication")]
    ctx = ev[ev.source == "context"]
    pub = ev[ev.event_id == "publication"]
    from exportrow.timeline import beyond_window

    beyond = beyond_window(art, window)
    if len(art) and beyond:
        w0, w1 = pd.Timestamp(window[0]), pd.Timestamp(window[1])
        # the window's days the events are dated to: a span that runs on past it counts by its first day
        a = max(art.date_start.min(), w0)
        b = max(e - pd.Timedelta(days=1) if e <= w1 else max(st, w0) for st, e in zip(art.date_start, art.date_end))
        n = f"{len(art)} event{'s' * (len(art) != 1)}"
        text = (f"The article dates {n} in this window, "
                + (f"on {a.day} {a:%b %Y}" if a == b else f"between {_between(a, b)}") + f" ({beyond})")
    elif len(art):
        a, b = art.date_start.min(), art.date_end.max() - pd.Timedelta(days=1)
        n = f"{len(art)} event{'s' * (len(art) != 1)}"
        if (b - a).days > 366:  # the first date as a year only when the earliest span starts with its year
            first = f"{a:%Y}" if (a.month, a.day) == (1, 1) else f"{a.day} {a:%b %Y}"
            text = f"The article dates {n}, from {first} to {b.day} {b:%b %Y}"
        elif a == b:
            text = f"The article dates {n}, on {a.day} {a:%b %Y}"
        else:
            text = f"The article dates {n} between {_between(a, b)}"
    else:
        text = "No event from the article in this view"
    if close_up and published is not None and len(art):
        c0, c1 = pd.Timestamp(close_up[0]), pd.Timestamp(close_up[1])
        near = art[(art.date_start >= c0) & (art.date_end <= c1)]
        if 1 < len(near) < len(art):
            a, b = near.date_start.min(), near.date_end.max() - pd.Timedelta(days=1)
            text += f"; {len(near)} of them " + (f"on {a.day} {a:%b %Y}" if a == b else f"between {_between(a, b)}")
    if len(pub):  # a row of its own, so the counts in the title add up to the rows drawn
        p = pub.date_start.iloc[0]
        when = f"as if on {p.day} {p:%b %Y}, a what-if date" if _what_if(ev) else f"{p.day} {p:%b %Y}"
        text += f"{'; one more row marks' if len(art) else ', only'} its publication ({when})"
    if len(ctx):
        text += f" (and {len(ctx)} from outside sources, marked [context])"
    return _of_chosen(text, len(art), chosen)


def _of_chosen(title: str, n: int, chosen) -> str:
    """The timeline's title under a ``sides`` or ``actors`` filter: of how many events the article dates these are.

    Example:
        >>> _of_chosen("The article dates 6 events, from 2017 to 19 Jul 2019", 6, (13, "Tokyo's (sides parameter)"))
        "Of the 13 events the article dates, 6 are Tokyo's (sides parameter), from 2017 to 19 Jul 2019"
    """
    head = f"The article dates {n} event{'s' * (n != 1)}"
    if not chosen or not n or not title.startswith(head):
        return title
    return f"Of the {chosen[0]} events the article dates, {n} {'is' if n == 1 else 'are'} {chosen[1]}" + \
        title[len(head):]


def _what_if(ev: pd.DataFrame) -> bool:
    """Whether the events' publication row is a what-if date (the parameter ``published``), not the article's own.

    Example:
        >>> from exportrow import events, load_article
        >>> _what_if(events()), _what_if(events(load_article(published="2019-07-19")))
        (False, True)
    """
    rule = ev.loc[ev.event_id == "publication", "rule"] if "rule" in ev else pd.Series(dtype=object)
    return bool(len(rule)) and str(rule.iloc[0]).startswith("what-if")


#: The timeline's legend for a bar (a span of up to a month) and a band (longer): a span an event is dated to,
#: which the event need not fill, and the alt text's sentence saying the same.
SPAN_BAR = ("a bar: dated only to a span of up to a month (a week, a month,\n'earlier this month'); "
            "some time in it, not necessarily all of it")
SPAN_BAND = ("a light band: dated only to a span longer than a month\n('since last October', '2017'); "
             "some time in it, not necessarily all of it")
SPAN_ALT = ("A bar or band is the span the article's words date an event to (a week, a month, 'earlier this "
            "month', a year), not how long it lasted: the event happened some time in it, not necessarily all of "
            "it. A bar or band is drawn from its first day to its last.")


def timeline(events: pd.DataFrame, *, published=None, title: str | None = None, source: str = "",
             window: list[str] | None = None, close_up: list[str] | None = None, sides=None, chosen=None):
    """Timeline of events, each drawn as its interval, coloured by side.

    A day is a point, a span of up to a month (a week, a month, "earlier this month") a bar over it, anything
    longer (a year, "since last October") a light band. Every day is drawn at its noon, where its tick sits: a
    span runs from its first day's point to its last day's, so one that runs to the publication day ends at
    the publication line, on its label's last day.
    A bar or band is the span the article's words date the event to, not how long it lasted ("earlier this
    month" dates a one-day opening to some day in it): the legend and the alt text say so.
    Context events (from outside the article) are hollow and labelled ``[context]``. A dashed line
    marks the publication date. Each row names its date in words at its precision ("the week of
    Mon 1 to Sun 7 Jul 2019", never a made-up day).

    When ``close_up`` is given and events crowd into it, the time axis is broken: the
    close-up window gets its own panel at a larger scale between what comes before and after
    it, so the events near publication do not pile up on one line.

    Args:
        events: Rows of :func:`exportrow.events`, e.g. after :func:`exportrow.timeline.select_events`. Undated
            events (:func:`exportrow.timeline.undated`) are left out: no chart places them in time.
        published: Publication date to mark (None: the ``publication`` event's date).
        title: Chart title (None: the finding, computed from the events).
        source: The source line under the chart.
        window: ``[start, end]`` ISO dates for the x axis (None: fit the events).
        close_up: ``[start, end]`` ISO dates to draw in a panel of their own (None: none).
        sides: Every side of the annotation, in order, so each side keeps its colour.
        chosen: Under a ``sides`` or ``actors`` filter, ``(events the article dates, the filter in words)``
            (:func:`exportrow.timeline.chosen_events`), so the title says of how many these are.

    Returns:
        ``(figure, alt_text)``.

    Example:
        >>> from exportrow import events
        >>> fig, alt = timeline(events())
        >>> alt.split(". ")[0]
        'The article dates 12 events, from 2015 to 12 Jul 2019; one more row marks its publication (12 Jul 2019)'
        >>> plt.close(fig)
    """
    from matplotlib.lines import Line2D
    from matplotlib.patches import Patch

    from exportrow.timeline import dated

    ev = dated(events)
    if ev.empty:
        fig = _empty("No events match the chosen dates, sides and actors.", title or "", width=13)
        return fig, "Timeline with no events: none match the chosen dates, sides and actors."
    if published is None:
        pub = ev.loc[ev.event_id == "publication", "date_start"]
        published = pub.iloc[0] if len(pub) else None
    pub_ts = pd.Timestamp(published) if published is not None else None
    if pub_ts is not None and pub_ts.tzinfo is not None:
        pub_ts = pub_ts.tz_localize(None)
    n = len(ev)
    shown = [str(s) for s in ev.side.dropna().unique()]
    palette = _palette(sides if sides is not None else
                       (ev.side.cat.categories if hasattr(ev.side, "cat") else None), shown)
    markers = _markers(palette)
    if title is None:
        title = _timeline_title(ev, pub_ts, close_up, chosen, window)
        if window:  # say that the chart shows a stretch of time only
            a, b = pd.Timestamp(window[0]), pd.Timestamp(window[1]) - pd.Timedelta(days=1)
            title = f"From {_between(a, b).replace(' and ', ' to ', 1)} only: {title[0].lower()}{title[1:]}"
    panels = _panels(ev, window, close_up)
    width = 15
    with classroom_style():
        labels = [_wrap(("[context] " if s == "context" else "") + f"{d} ({_keep_dates(_date_words(a, b, p))})", 50)
                  for d, s, a, b, p in zip(ev.description, ev.source, ev.date_start, ev.date_end, ev.precision)]
        rows, total = _row_positions(labels)
        height = max(3.0, 0.62 * total + 1.2)
        ratios = [1.0] if len(panels) == 1 else [1.25 if i == 0 else 1.0 for i in range(len(panels))]
        foot_h = 2.1
        fig = plt.figure(figsize=(width, height + foot_h), layout="constrained")
        top, bottom = fig.subfigures(2, 1, height_ratios=[height, foot_h])
        grid = top.add_gridspec(1, len(panels), width_ratios=ratios, wspace=0.04)
        axes = [top.add_subplot(grid[0, k]) for k in range(len(panels))]
        for ax in axes[1:]:
            ax.sharey(axes[0])
        clipped = False
        for k, (ax, (a, b)) in enumerate(zip(axes, panels)):
            span = b - a
            outer = max(span * 0.05, pd.Timedelta(days=1))
            inner = max(span * 0.005, pd.Timedelta(hours=12))  # at a break, the panel stops at its edge
            # ... and never reaches into its neighbour's time (a third of the time left out at most)
            lo = a - (outer if k == 0 else min(inner, (a - panels[k - 1][1]) / 3))
            hi = b + (outer if k == len(panels) - 1 else min(inner, (panels[k + 1][0] - b) / 3))
            if window:  # a chosen stretch of time: the axis shows no day outside it, whose events are left out
                lo, hi = a, b
            for i, r in ev.iterrows():
                if r.date_end <= a or r.date_start >= b:
                    continue  # drawn in another panel
                y = rows[i]
                colour = palette.get(str(r.side), OKABE_ITO["grey"])
                ctx = r.source == "context"
                days = (r.date_end - r.date_start).days
                start, end = _drawn_span(r.date_start, r.date_end)
                drawn = (end - start) / pd.Timedelta(days=1)
                if days <= 1:
                    ax.plot(start, y, markers.get(str(r.side), "o"), ms=12, color=colour,
                            mfc="white" if ctx else colour, mew=2.5, zorder=3, clip_on=False)
                elif days <= 31:
                    ax.barh(y, drawn, left=start, height=0.55, color="white" if ctx else colour,
                            edgecolor=colour, linewidth=2.5, zorder=2)
                else:
                    ax.barh(y, drawn, left=start, height=0.8, color="white" if ctx else colour,
                            alpha=1 if ctx else 0.3, edgecolor=colour, linewidth=2, ls="--" if ctx else "-",
                            zorder=1)
                if days > 1 and (start < lo or end > hi):  # runs on beyond the panel: say so
                    clipped = True
                    for edge, marker, out in ((lo, "<", start < lo), (hi, ">", end > hi)):
                        if out:
                            ax.plot(edge, y, marker, ms=11, color=_readable(colour), zorder=4, clip_on=False)
            ax.set_xlim(lo, hi)
            _date_axis(ax, a, b, (width - 5) * ratios[k] / sum(ratios))
            if window:  # no tick names a day the axis leaves out (the end is exclusive)
                _ticks_within(ax, a, b)
            ax.set_ylim(-0.8, total + 0.3)  # the band above the top row holds the publication's label
            ax.grid(axis="x", color="#dddddd", zorder=0)
            ax.grid(axis="y", color="#f2f2f2", zorder=0)
            if pub_ts is not None and a <= pub_ts < b:
                line = pub_ts + pd.Timedelta(hours=12)
                ax.axvline(line, color=OKABE_ITO["black"], ls="--", lw=1.5, zorder=0)
                right = (line - lo) / (hi - lo) > 0.6  # near the right edge: the label reads leftwards
                # in the band above the top row, where no event is drawn: never over a point
                ax.annotate(f"{'as if ' * _what_if(ev)}published {pub_ts.day} {pub_ts:%b %Y}", (line, total - 0.3),
                            xytext=(-5 if right else 5, 0), textcoords="offset points", ha="right" if right else "left",
                            va="bottom", fontsize=SOURCE_PT)
            if k:
                ax.tick_params(axis="y", left=False, labelleft=False)
                ax.spines["left"].set_visible(False)
            if len(panels) > 1:  # a break mark (/) where a panel meets the next, its size in points: on the
                # axis line, clear of the tick labels below it however tall the chart
                kw = {"transform": ax.transAxes, "color": "black", "clip_on": False, "ls": "", "mew": 1.5,
                      "marker": [(-0.35, -1), (0.35, 1)], "ms": BREAK_PT, "zorder": 5}
                for edge in ([1] if k < len(panels) - 1 else []) + ([0] if k else []):
                    ax.plot([edge], [0], **kw)
        axes[0].set_yticks(rows, labels, fontsize=LABEL_PT - 1)
        for tick, side in zip(axes[0].get_yticklabels(), ev.side):
            tick.set_color("#333333" if side in ("outlet", None) or pd.isna(side) else
                           _readable(palette.get(str(side), OKABE_ITO["black"])))
        handles = [Line2D([], [], marker=markers[s], ls="", color=palette[s], ms=11, label=_side_label(s, sides))
                   for s in palette if s in set(shown)]
        lengths = (ev.date_end - ev.date_start).dt.days
        if (lengths <= 1).any():
            handles.append(Line2D([], [], marker="o", ls="", color="#444444", ms=10,
                                  label="a day: a point, its shape the side's"))
        if ((lengths > 1) & (lengths <= 31)).any():
            handles.append(Patch(facecolor="#444444", label=SPAN_BAR))
        if (lengths > 31).any():
            handles.append(Patch(facecolor="#444444", alpha=0.3, edgecolor="#444444",
                                 label=SPAN_BAND))
        if (ev.source == "context").any():
            handles.append(Line2D([], [], marker="o", ls="", color="#444444", mfc="white", ms=10, mew=2,
                                  label="hollow: context, from outside the article"))
        if clipped:
            handles.append(Line2D([], [], marker="<", ls="", color="#444444", ms=10,
                                  label="< >: runs on beyond the edge of the panel"))
        legend = _fit_legend(fig, bottom, handles)
        notes = []
        if len(panels) > 1:
            notes.append("The time line is broken (//): the time between two panels is left out, and each panel "
                         "shows its own stretch of time at its own scale.")
        if window and (crowded := _crowded_note(ev, panels[0])):
            notes.append(crowded)
        if (ev.precision == "week").any():
            notes.append("A week runs Monday to Sunday (ISO weeks): 'last week' or 'next week' is the whole week "
                         "before or after the one the article was published in.")
        foot_text = " ".join(notes + ([source] if source else []))
        foot = bottom.text(0.01, 0.03, _wrap(foot_text, int(width * 10.5)), ha="left", va="bottom",
                           fontsize=SOURCE_PT, color="#333333") if foot_text else None
        _fit_foot(fig, bottom, legend, foot, height, foot_h)
        top.suptitle(_wrap(title, _title_chars(width)), x=0.01, ha="left", fontsize=TITLE_PT)
    n_pub = int((ev.event_id == "publication").sum())
    kinds = "events from the article" if (ev.source == "article").all() else "events (article and context)"
    kinds += " and its publication" if n_pub else ""
    parts = [f"{'[context] ' if s == 'context' else ''}{d}: {_date_words(a, b, p)}"
             for d, s, a, b, p in zip(ev.description, ev.source, ev.date_start, ev.date_end, ev.precision)]
    alt = (f"{title}. Timeline of {n - n_pub} {kinds}"
           + (f"; dashed line: {'what-if ' * _what_if(ev)}publication, {pub_ts:%Y-%m-%d}" if pub_ts is not None
              else "")
           + (f"; the time line is broken into {len(panels)} panels" if len(panels) > 1 else "")
           + ". " + ". ".join(parts) + "."
           + (f" {SPAN_ALT}" if ((ev.date_end - ev.date_start).dt.days > 1).any() else ""))
    return fig, alt


#: The height of a timeline's break mark (/), in points: within the tick marks' length and pad, so that it stays
#: on the axis line, clear of the tick labels under it.
BREAK_PT = 12


def _fit_legend(fig, foot, handles):
    """The timeline's legend, in the figure's foot, fitted to the figure's width.

    Three columns in the entries' order while they fit; else the entries that take two lines (the bar's and the
    band's) in a column of their own, beside the others in two columns, then in one; else every entry in one
    column. No legend text runs off the image (the show_context layer, a close-up of 16 weeks or more).

    Example:
        >>> from matplotlib.lines import Line2D
        >>> from matplotlib.patches import Patch
        >>> with classroom_style():
        ...     fig = plt.figure(figsize=(15, 4))
        ...     hs = [Line2D([], [], marker="o", ls="", label=name) for name in
        ...           ("Seoul", "Tokyo", "The outlet's own voice", "Other (neither side alone)", "a day: a point")]
        ...     hollow = Line2D([], [], marker="o", ls="", mfc="white", label="hollow: context")
        ...     leg = _fit_legend(fig, fig, hs + [Patch(label=SPAN_BAR), Patch(label=SPAN_BAND), hollow])
        >>> box = leg.get_window_extent(fig.canvas.get_renderer())
        >>> bool(box.x1 <= fig.bbox.width), [t.get_text()[:6] for t in leg.get_texts()]  # 3 columns, of 3 rows
        (True, ['Seoul', 'Tokyo', 'The ou', 'Other ', 'a day:', 'hollow', 'a bar:', 'a ligh', ' '])
        >>> plt.close(fig)
    """
    from matplotlib.lines import Line2D

    kw = {"loc": "upper left", "bbox_to_anchor": (0.005, 1.0), "frameon": False, "fontsize": SOURCE_PT + 1}
    renderer = fig.canvas.get_renderer()
    limit = fig.bbox.width - 0.1 * fig.dpi  # a tenth of an inch short of the image's right edge

    def placed(entries, ncol):
        legend = foot.legend(handles=entries, ncol=ncol, **kw)
        if legend.get_window_extent(renderer).x1 <= limit:
            return legend
        legend.remove()
        return None

    if legend := placed(handles, 3):
        return legend
    wrapped = [h for h in handles if "\n" in h.get_label()]
    single = [h for h in handles if "\n" not in h.get_label()]
    for k in (2, 1) if wrapped else ():
        rows = max(-(-len(single) // k), len(wrapped))
        columns = [single[i * rows:(i + 1) * rows] for i in range(k)] + [wrapped]
        entries = [h for column in columns
                   for h in column + [Line2D([], [], ls="", label=" ") for _ in range(rows - len(column))]]
        if legend := placed(entries, k + 1):
            return legend
    return foot.legend(handles=handles, ncol=1, **kw)


def _fit_foot(fig, foot, legend, text, height: float, foot_h: float) -> None:
    """Make the timeline's foot (legend above, notes and source line below) tall enough that the two do not meet:
    the figure grows by what is missing, the chart above keeps its height.

    Example:
        >>> from matplotlib.lines import Line2D
        >>> with classroom_style():
        ...     fig = plt.figure(figsize=(15, 5), layout="constrained")
        ...     top, bottom = fig.subfigures(2, 1, height_ratios=[3, 2])
        ...     legend = bottom.legend(handles=[Line2D([], [], ls="", label=f"row {i}") for i in range(9)])
        ...     text = bottom.text(0.01, 0.03, "Source: one line", va="bottom")
        ...     _fit_foot(fig, bottom, legend, text, 3, 2)
        >>> bool(fig.get_figheight() > 5)
        True
        >>> plt.close(fig)
    """
    renderer = fig.canvas.get_renderer()
    need = legend.get_window_extent(renderer).height + legend.borderaxespad * legend.prop.get_size_in_points() \
        * fig.dpi / 72
    if text is not None:
        need += text.get_window_extent(renderer).height + 0.15 * fig.dpi  # a line's gap between the two
    need = need / fig.dpi + 0.03 * foot_h  # the text sits 3% of the foot's height above its bottom
    if need <= foot_h:
        return
    foot._subplotspec.get_gridspec().set_height_ratios([height, need])
    fig.set_size_inches(fig.get_figwidth(), height + need)


def _row_positions(labels) -> tuple[list[float], float]:
    """Where each timeline row sits (the first at the top) and the rows' total height, in rows: a row whose label
    wraps to three lines or more gets room for them (0.4 of a row a line), so that no label runs into the next.
    Rows of one or two lines sit one apart, at n - 1, ..., 0.

    Example:
        >>> _row_positions(["a", "b" + chr(10) + "c", "d"])
        ([2.0, 1.0, 0.0], 3.0)
        >>> _row_positions(["a", chr(10).join("bcde"), "f"])
        ([2.6, 1.3, 0.0], 3.6)
    """
    slots = [max(1.0, 0.4 * (lab.count("\n") + 1)) for lab in labels]
    rows, below = [], sum(slots)
    for slot in slots:
        below -= slot
        rows.append(round(below + slot / 2 - 0.5, 6))
    return rows, round(sum(slots), 6)


def _crowded_note(ev: pd.DataFrame, window) -> str:
    """A note when a chosen window is so much wider than its events that they crowd onto one line.

    Example:
        >>> T = pd.to_datetime
        >>> ev = pd.DataFrame({"date_start": T(["2015-01-01", "2019-07-12"]),
        ...                    "date_end": T(["2016-01-01", "2019-07-13"])})
        >>> import textwrap
        >>> print(textwrap.fill(_crowded_note(ev, (pd.Timestamp("1700-01-01"), pd.Timestamp("2200-01-01"))), 100))
        The chosen date_window (1 Jan 1700 to 31 Dec 2199) is over 100 times as long as the time its events
        span (1 Jan 2015 to 12 Jul 2019): they crowd onto one line; a narrower date_window spreads them out.
        >>> _crowded_note(ev, (pd.Timestamp("2014-01-01"), pd.Timestamp("2020-01-01")))
        ''
    """
    a, b = window
    inside = ev[(ev.date_end > a) & (ev.date_start < b)]
    if inside.empty:
        return ""
    first, last = max(inside.date_start.min(), a), min(inside.date_end.max(), b)
    def days(x, y):  # in Python's datetime: a window of centuries overflows pandas' nanoseconds
        return (pd.Timestamp(y).to_pydatetime() - pd.Timestamp(x).to_pydatetime()).days

    ratio = days(a, b) / max(days(first, last), 1)
    if ratio < 20:
        return ""
    last_day, end_day = last - pd.Timedelta(days=1), b - pd.Timedelta(days=1)
    size = "over 100" if ratio > 100 else f"{int(ratio)}"
    return (f"The chosen date_window ({_day(a)} to {_day(end_day)}) is {size} times as long as the time its "
            f"events span ({_day(first)} to {_day(last_day)}): they crowd onto one line; a narrower date_window "
            "spreads them out.")


def _day(t) -> str:
    return f"{t.day} {t:%b %Y}"


def _drawn_span(start, end):
    """Where an event is drawn: every day at its noon, where its point and its tick sit, so a span runs from
    its first day's point to its last day's (the week of Mon 3 to Sun 9 Mar from the 3 Mar tick to the
    9 Mar tick). A span whose last day is the publication day ("since last October") thus ends at the
    publication line (noon of that day), where the article's knowledge stops, and its label's last day
    ("to 14 Mar") is where it ends. A day is a point: both ends at its noon.

    Example:
        >>> T = pd.Timestamp
        >>> _drawn_span(T("2025-03-03"), T("2025-03-10"))
        (Timestamp('2025-03-03 12:00:00'), Timestamp('2025-03-09 12:00:00'))
        >>> _drawn_span(T("2025-03-14"), T("2025-03-15"))
        (Timestamp('2025-03-14 12:00:00'), Timestamp('2025-03-14 12:00:00'))
    """
    noon = pd.Timedelta(hours=12)
    return start + noon, max(start + noon, end - noon)


def _ticks_within(ax, start, end) -> None:
    """Keep only the major ticks from ``start`` up to, not including, ``end``."""
    import matplotlib.dates as mdates
    from matplotlib.ticker import FixedLocator

    a, b = mdates.date2num(start), mdates.date2num(end)
    ticks = [t for t in ax.xaxis.get_major_locator()() if a <= t < b]  # the view is [start, end]
    ax.xaxis.set_major_locator(FixedLocator(ticks))


def _readable(colour: str) -> str:
    """A side colour dark enough for text on white (the yellow and sky blue get a darker tone)."""
    return {OKABE_ITO["yellow"]: "#8a7f00", OKABE_ITO["sky_blue"]: "#1f6f9e", OKABE_ITO["orange"]: "#a86f00",
            OKABE_ITO["grey"]: "#555555", SIDE_COLOURS["other"]: "#A0508A"}.get(colour, colour)


def _side_claims(frames: pd.DataFrame, side: str) -> int:
    """A side's number of claims: kept by frame_counts (under ``both`` its counts add up to frame codings)."""
    known = frames.attrs.get("side_claims", {})
    return int(known[side]) if side in known else int(frames.loc[frames.side == side, "claims"].sum())


def _lean_title(frames: pd.DataFrame, side_a: str, side_b: str, sides=None) -> str:
    parts = []
    both = frames.attrs.get("frame_column") == "both"
    for side in (side_a, side_b):
        f = frames[frames.side == side]
        total = _side_claims(frames, side)
        of_claims = f" claim{'s' * (total != 1)}, as primary or secondary frame" * both
        if not total:
            parts.append(f"{_side_name(side, sides)} has no claims")
            continue
        top = f[f.claims == f.claims.max()].sort_values("frame_code")
        names = [str(x) for x in top.frame]
        if len(top) == 1:
            parts.append(f"{possessive(_side_name(side, sides))} claims lean most on {names[0]} "
                         f"({int(top.claims.iloc[0])} of {total}{of_claims})")
        elif int(top.claims.iloc[0]) == 1:
            parts.append(f"{possessive(_side_name(side, sides))} {total} claims use {len(top)} frames, one each"
                         + " (primary or secondary)" * both)
        else:
            parts.append(f"{possessive(_side_name(side, sides))} claims lean equally on {'; '.join(names)} "
                         f"({int(top.claims.iloc[0])} each of {total}{of_claims})")
    return "; ".join(parts)


def diverging_frames(frames: pd.DataFrame, side_a: str, side_b: str, *, title: str | None = None,
                     source: str = "", sides=None, flagged: dict[str, str] | None = None):
    """Diverging bars of frame dimensions: ``side_a`` always to the left, ``side_b`` to the right.

    Only frames that either side uses are drawn. Swapping the sides mirrors the chart. Each
    side has its fixed colour (pass the annotation's ``sides``); nothing is hatched, since
    hatching means "derived" in every exportrow chart.

    Args:
        frames: The output of :func:`exportrow.framing.frame_counts`.
        side_a, side_b: The sides, left and right.
        title: Chart title (None: the finding, computed from the counts).
        source: The source line under the chart.
        sides: Every side of the annotation, in order, so each side keeps its colour.
        flagged: Frames the coders did not apply alike (name -> e.g. ``alpha 0.41``), marked under their label
            (:func:`exportrow.agreement.weak_frames`).

    Returns:
        ``(figure, alt_text)``.

    Example:
        >>> from exportrow import claims
        >>> from exportrow.framing import frame_counts
        >>> fig, alt = diverging_frames(claims().pipe(frame_counts), "seoul", "tokyo")
        >>> print(alt.split(". ")[0].replace("; ", ";\\n"))
        Seoul's claims lean most on Crime and punishment (4 of 12);
        Tokyo's claims lean most on Policy prescription and evaluation (3 of 4)
        >>> plt.close(fig)
    """
    wide = frames.pivot_table(index="frame", columns="side", values="claims", aggfunc="sum",
                              observed=True).reindex(columns=[side_a, side_b]).fillna(0).astype(int)
    wide = wide[(wide[side_a] + wide[side_b]) > 0]
    if title is None:
        title = _lean_title(frames, side_a, side_b, sides)
    if wide.empty:
        fig = _empty(f"Neither {_side_name(side_a, sides)} nor {_side_name(side_b, sides)} has a coded claim.",
                     title)
        return fig, f"{title}. No frames to draw."
    order = frames.drop_duplicates("frame").set_index("frame").frame_code
    wide = wide.assign(_t=wide[side_a] + wide[side_b], _c=order.reindex(wide.index)).sort_values(
        ["_t", "_c"], ascending=[True, False]).drop(columns=["_t", "_c"])
    palette = _palette(sides, [side_a, side_b])
    ca, cb = palette[side_a], palette[side_b]
    width = 12
    with classroom_style():
        heads = max((_wrap_px(f"\u2190 {_side_name(side_a, sides)} (00)", _HALF_HEAD_PX),
                     _wrap_px(f"{_side_name(side_b, sides)} (00) \u2192", _HALF_HEAD_PX)), key=lambda t: t.count("\n"))
        room = _text_inches(_fit(_wrap(title, _title_chars(width)), width, TITLE_PT), heads,
                            _fit(_wrap(source, int(width * 10.5)), width, SOURCE_PT) if source else "")
        # taller only for more text than a chart usually carries (six lines): long names, a long title
        fig, ax = plt.subplots(figsize=(width, max(4.0, 0.62 * len(wide) + 2.6) + max(0.0, room - 2.0)),
                               layout="constrained")
        y = range(len(wide))
        ax.barh(y, -wide[side_a], color=ca, label=_side_name(side_a, sides))
        ax.barh(y, wide[side_b], color=cb, label=_side_name(side_b, sides))
        for i, (a, b) in enumerate(zip(wide[side_a], wide[side_b])):
            if a:
                ax.annotate(str(a), (-a, i), xytext=(-6, 0), textcoords="offset points", ha="right", va="center")
            if b:
                ax.annotate(str(b), (b, i), xytext=(6, 0), textcoords="offset points", ha="left", va="center")
        flagged = flagged or {}
        ax.set_yticks(list(y), [_wrap(f, 34) + (f"\n[coders differ: {flagged[f]}]" if f in flagged else "")
                                for f in wide.index])
        m = max(1, int(wide.values.max()))
        ax.set_xlim(-m - 1, m + 1)
        step = 1 if m <= 8 else 2 if m <= 16 else 5
        ticks = [t for t in range(-m, m + 1) if t % step == 0]
        ax.set_xticks(ticks, [str(abs(t)) for t in ticks])
        ax.axvline(0, color="black", lw=1)
        totals = {s: _side_claims(frames, s) for s in (side_a, side_b)}
        both = frames.attrs.get("frame_column") == "both"
        # each head within its half of the axes (bold type is about a tenth wider than _text_px measures)
        half = _HALF_HEAD_PX
        ax.text(0.25, 1.0, _wrap_px(f"\u2190 {_side_name(side_a, sides)} ({totals[side_a]})", half),
                transform=ax.transAxes,
                ha="center", va="bottom", color=_readable(ca), fontsize=LABEL_PT, fontweight="bold")
        ax.text(0.75, 1.0, _wrap_px(f"{_side_name(side_b, sides)} ({totals[side_b]}) \u2192", half),
                transform=ax.transAxes,
                ha="center", va="bottom", color=_readable(cb), fontsize=LABEL_PT, fontweight="bold")
        ax.set_xlabel("Claims with this frame as primary or secondary frame (count)" if both else
                      "Claims coded with this frame (count)")
        fig.suptitle(_fit(_wrap(title, _title_chars(width)), width, TITLE_PT), x=0.01, ha="left", fontsize=TITLE_PT)
        _source(fig, source, width)
    rows = list(zip(wide.index, wide[side_a], wide[side_b]))[::-1]
    alt = (f"{title}. Diverging bar chart of claims per frame dimension, {_side_name(side_a, sides)} to the left "
           f"and {_side_name(side_b, sides)} to the right. " + ". ".join(
               f"{f}: {_side_name(side_a, sides)} {a}, {_side_name(side_b, sides)} {b}"
               + (f" (coders differ: {flagged[f]})" if f in flagged else "") for f, a, b in rows) + ".")
    return fig, alt


#: A word whose |z| is under this leans to neither side: its bar would be too short to see, so it is named, not drawn.
_FLAT_Z = 0.05
#: The bars of words within chance: a mid grey, apart from every side's colour (the outlet's is a dark grey).
WITHIN_CHANCE = "#9A9A9A"


def _words_caveat(words: pd.DataFrame, side_a: str, side_b: str, sides=None) -> str:
    na = int(words.total_a.iloc[0]) if len(words) and "total_a" in words else 0
    nb = int(words.total_b.iloc[0]) if len(words) and "total_b" in words else 0
    strongest = float(words.z.abs().max()) if len(words) else 0.0
    of_a, of_b = possessive(_side_name(side_a, sides)), possessive(_side_name(side_b, sides))
    return (f"Small counts: after stop words, {of_a} claims give {na} words to compare and "
            f"{of_b} {nb}. The largest |z| here is {fmt_fixed(strongest, 2)}; under 1.96 is what chance "
            "alone often gives. Read the chart as a description of the wording, not as evidence of a difference.")


def distinctive_words(words: pd.DataFrame, side_a: str, side_b: str, *, top: int = 8, title: str | None = None,
                      source: str = "", sides=None):
    """The words that set the sides apart, as bars of their z-scores, with the caveat beside them.

    ``side_a`` is always to the left and ``side_b`` to the right, as in every exportrow chart
    of two sides. Only a word with |z| ≥ 1.96 takes a side's colour; the rest are a mid grey (never a
    side's colour), inside a band marked "within chance". Words are left out only by their z: a word whose
    |z| is under 0.05 (a bar too short to see) leans to neither side, is not drawn, and the note names it.
    The same count on both sides is not equal use when the sides give different numbers of words: such a
    word's z points to the side with fewer words; it is ranked and drawn by its z like any other, and the note
    says why. When no word reaches 1.96 the title says that no word separates the sides beyond
    chance. When one side's claims give no word to compare, no bar is drawn: z-scores against an empty
    side are the prior's, not the article's.

    Args:
        words: The output of :func:`exportrow.framing.fightin_words`.
        side_a, side_b: The sides compared (positive z leans to ``side_a``).
        top: How many words to show per side.
        title: Chart title (None: the finding).
        source: The source line under the chart.
        sides: Every side of the annotation, in order, so each side keeps its colour.

    Returns:
        ``(figure, alt_text)``.

    Example:
        >>> from exportrow import claims
        >>> from exportrow.framing import fightin_words
        >>> fw = claims().pipe(fightin_words, "seoul", "tokyo")
        >>> fig, alt = distinctive_words(fw, "seoul", "tokyo", top=3)
        >>> alt.split(". ")[0]
        'No word separates Seoul from Tokyo beyond chance (largest |z| 1.82, under 1.96)'
        >>> plt.close(fig)
    """
    from matplotlib.patches import Patch

    from exportrow.framing import Z_CRITICAL, words_comparable, words_finding

    flat = words[words.z.abs() < _FLAT_Z]
    w = words[words.z.abs() >= _FLAT_Z]
    a = w[w.z > 0].head(top)
    b = w[w.z < 0].tail(top)
    shown = pd.concat([b, a]).sort_values("z", kind="stable").reset_index(drop=True)
    if title is None:
        title = words_finding(words, side_a, side_b, sides=sides)
    caveat = _words_caveat(words, side_a, side_b, sides)
    same = shown[shown.count_a == shown.count_b]
    if len(same):  # the same count from fewer words is a larger share: a lean, not equal use
        fewer = side_b if float(same.z.iloc[0]) < 0 else side_a
        named = ", ".join(f"{x} ({int(c)} vs {int(c)})" for x, c in zip(same.word, same.count_a))
        caveat += (" The same count on both sides is not equal use: the same count from fewer words is a larger "
                   f"share, so {named} {'is' if len(same) == 1 else 'are'} drawn toward "
                   f"{_side_name(fewer, sides)}, whose claims give fewer words.")
    if len(flat):
        caveat += (f" Leaning to neither side (|z| under {_FLAT_Z}), so not drawn: "
                   + ", ".join(f"{x} ({int(ca)} vs {int(cb)})" for x, ca, cb in
                               zip(flat.word, flat.count_a, flat.count_b)) + ".")
    if len(words) and not words_comparable(words):
        fig = _empty(title, "", width=12)
        return fig, f"{title}."
    if shown.empty:
        fig = _empty("No word is used by the two sides often enough to compare. " + caveat, title)
        return fig, f"{title}. {caveat}"
    palette = _palette(sides, [side_a, side_b])
    width = 12
    xlabel = (_wrap_px(f"z-score of weighted log-odds: \u2190 leans {_short_name(side_a, sides)}   |   "
                       f"leans {_short_name(side_b, sides)} \u2192", _WORDS_AXIS_PX) + "\n"
              + _wrap_px(f"(word counts in brackets: {_short_name(side_a, sides)} vs {_short_name(side_b, sides)})",
                         _WORDS_AXIS_PX))
    heading = _fit(_wrap(title, _title_chars(width)), width, TITLE_PT)
    note = _fit(_wrap(caveat + (" " + source if source else ""), int(width * 10.5)), width, SOURCE_PT)
    with classroom_style():
        # taller only for more text than the chart usually carries (nine lines): long names, a long caveat
        fig, ax = plt.subplots(figsize=(width, max(4.0, 0.5 * len(shown) + 3.2)
                                        + max(0.0, _text_inches(heading, xlabel, note) - 3.0)),
                               layout="constrained")
        ax.axvspan(-Z_CRITICAL, Z_CRITICAL, color="#eeeeee", zorder=0)
        for i, z in enumerate(shown.z):
            z = float(z)
            side = side_a if z > 0 else side_b
            ax.barh(i, -z, color=palette[side] if abs(z) >= Z_CRITICAL else WITHIN_CHANCE, zorder=2)
        labels = [f"{x} ({int(ca)} vs {int(cb)})" for x, ca, cb in zip(shown.word, shown.count_a, shown.count_b)]
        ax.set_yticks(range(len(shown)), labels)
        ax.axvline(0, color="black", lw=1)
        m = max(2.5, float(shown.z.abs().max()) + 0.3)
        ax.set_xlim(-m, m)
        ax.set_xticks([t for t in (-3, -2, -1, 0, 1, 2, 3) if abs(t) <= m],
                      [str(abs(t)) for t in (-3, -2, -1, 0, 1, 2, 3) if abs(t) <= m])
        ax.text(0.5, 1.0, f"within chance (|z| < {Z_CRITICAL})", transform=ax.transAxes, ha="center",
                va="bottom", fontsize=SOURCE_PT, color="#555555")
        ax.set_xlabel(xlabel)
        handles = [Patch(color=palette[s],
                         label=_wrap_px(f"{_short_name(s, sides)}, beyond chance", _LEGEND_PX, SOURCE_PT))
                   for s in (side_a, side_b)]
        handles.append(Patch(color=WITHIN_CHANCE, label="within chance: leans to neither side"))
        ax.legend(handles=handles, loc="upper left", bbox_to_anchor=(1.01, 1.0), frameon=False, fontsize=SOURCE_PT)
        fig.suptitle(heading, x=0.01, ha="left", fontsize=TITLE_PT)
        _source(fig, caveat + (" " + source if source else ""), width)
    alt = (f"{title}. Bar chart of the words that most set {_side_name(side_a, sides)} and "
           f"{_side_name(side_b, sides)} apart, "
           "by z-score. " + ". ".join(
               f"{x}: z {fmt_fixed(float(z), 2, sign=True)}{'' if abs(z) >= Z_CRITICAL else ' (within chance)'}"
               for x, z in zip([*a.word, *b.word[::-1]], [*a.z, *b.z[::-1]])) + ". " + caveat)
    return fig, alt
