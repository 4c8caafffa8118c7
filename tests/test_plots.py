"""Charts for a classroom: what each chart draws, measured on the figure itself."""

import matplotlib

matplotlib.use("Agg")

import matplotlib.dates as mdates  # noqa: E402
import matplotlib.pyplot as plt  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402
from conftest import FIXTURES  # noqa: E402

import exportrow  # noqa: E402
from exportrow import framing  # noqa: E402
from exportrow.annotations import load_annotation  # noqa: E402
from exportrow.colours import SIDE_COLOURS  # noqa: E402
from exportrow.plots import (  # noqa: E402
    LABEL_PT,
    SOURCE_PT,
    TITLE_PT,
    bar_periods,
    distinctive_words,
    diverging_frames,
    timeline,
)
from exportrow.stats import case_periods  # noqa: E402
from exportrow.timeline import weeks_before  # noqa: E402

FIXTURE = FIXTURES / "example-gazette-2021-03-03-freedonia-sylvania-fishing.txt"


def bars(fig):
    return [p for ax in fig.axes for p in ax.patches if p.get_width() and p.get_height()]


def hex_of(colour) -> str:
    return matplotlib.colors.to_hex(colour).upper()


def test_rate_bars_span_their_periods_and_their_area_is_the_count():
    periods = exportrow.figures().pipe(case_periods)
    fig, alt = bar_periods(periods)
    drawn = sorted(bars(fig), key=lambda p: p.get_x())
    assert len(drawn) == 4
    for p, r in zip(drawn, periods.itertuples()):
        days = (r.period_end - r.period_start).days
        assert p.get_width() == pytest.approx(days)  # the bar spans its period on the time axis
        assert mdates.num2date(p.get_x()).date() == r.period_start.date()
        assert p.get_height() == pytest.approx(r.count / r.months)  # height: the rate per month
    # area in case-months: 72 cases over 15 months is 4.8 a month, wider than a year, not taller
    assert drawn[-1].get_height() * 15 == pytest.approx(72)
    assert "15 months" in alt and "computed by exportrow" in alt
    plt.close(fig)


def test_count_bars_give_each_period_its_length_and_say_they_are_not_comparable():
    fig, alt = bar_periods(exportrow.figures().pipe(case_periods, measure="count"), measure="count")
    title = fig._suptitle.get_text().replace("\n", " ")
    assert "not comparable" in title and "12 to 15 months" in title
    labels = [t.get_text() for ax in fig.axes for t in ax.texts]
    assert any("72 cases\nin 15 months" in t for t in labels) and any("14 cases\nin 12 months" in t for t in labels)
    plt.close(fig)


def test_computed_values_are_never_labelled_stated():
    fig, alt = bar_periods(exportrow.figures().pipe(case_periods))
    texts = [t.get_text() for ax in fig.axes for t in ax.texts] + [fig.axes[0].get_ylabel()]
    assert "computed" in fig.axes[0].get_ylabel()
    assert not any("stated" in t for t in texts)  # the rates are computed; the legend says which counts are stated
    legend = [t.get_text() for t in fig.axes[0].get_legend().get_texts()]
    assert legend == ["count stated in the article", "hatched: count derived by exportrow, not in the article"]
    plt.close(fig)


def test_hatching_means_derived_and_nothing_else():
    fig, _ = bar_periods(exportrow.figures().pipe(case_periods))
    hatched = [p.get_hatch() for p in sorted(bars(fig), key=lambda p: p.get_x())]
    assert hatched == [None, None, None, "//"]
    plt.close(fig)
    c = exportrow.claims()
    for fig, _ in (diverging_frames(c.pipe(framing.frame_counts), "seoul", "tokyo"),
                   distinctive_words(c.pipe(framing.fightin_words, "seoul", "tokyo"), "seoul", "tokyo"),
                   timeline(exportrow.events(context=True))):
        assert not any(p.get_hatch() for ax in fig.axes for p in ax.patches)
        plt.close(fig)


def test_a_total_is_never_drawn_beside_its_parts():
    # a total whose parts leave two gaps has no remainder; it must still not be drawn beside them
    f = exportrow.figures()
    f = f[f.figure_id != "cases_2016"]
    f = f[f.basis == "stated"]
    periods = f.pipe(case_periods)
    assert periods.figure_id.tolist() == ["cases_2015", "cases_2017"]


def test_each_side_has_one_colour_and_one_place():
    c = exportrow.claims()
    sides = load_annotation().sides
    fig, _ = diverging_frames(c.pipe(framing.frame_counts, ["seoul", "tokyo"]), "seoul", "tokyo", sides=sides)
    left = {hex_of(p.get_facecolor()) for p in bars(fig) if p.get_width() < 0}
    right = {hex_of(p.get_facecolor()) for p in bars(fig) if p.get_width() > 0}
    assert left == {SIDE_COLOURS["seoul"]} and right == {SIDE_COLOURS["tokyo"]}  # side_a left, side_b right
    plt.close(fig)
    swapped, _ = diverging_frames(c.pipe(framing.frame_counts, ["tokyo", "seoul"]), "tokyo", "seoul", sides=sides)
    assert {hex_of(p.get_facecolor()) for p in bars(swapped) if p.get_width() < 0} == {SIDE_COLOURS["tokyo"]}
    plt.close(swapped)
    # in the words chart too, the first side is on the left
    words = pd.DataFrame({"word": ["alpha", "beta"], "count_a": [20, 0], "count_b": [0, 20], "prior": [0.1, 0.1],
                          "delta": [3.0, -3.0], "z": [3.0, -3.0], "leans": ["seoul", "tokyo"], "total_a": [40, 40],
                          "total_b": [40, 40]})
    fig, _ = distinctive_words(words, "seoul", "tokyo", sides=sides)
    by_colour = {hex_of(p.get_facecolor()): p.get_width() for p in bars(fig)}
    assert by_colour[SIDE_COLOURS["seoul"]] < 0 < by_colour[SIDE_COLOURS["tokyo"]]
    plt.close(fig)


def test_fixture_sides_keep_their_colours_whichever_pair_is_shown():
    art = exportrow.load_article(FIXTURE)
    sides = load_annotation(None, art).sides
    c = exportrow.claims(art)
    fig, _ = diverging_frames(c.pipe(framing.frame_counts, ["sylvania", "outlet"]), "sylvania", "outlet",
                              sides=sides)
    colours = {hex_of(p.get_facecolor()) for p in bars(fig) if p.get_width() < 0}
    assert colours == {exportrow.colours.side_colours(sides)["sylvania"]}
    plt.close(fig)


def test_no_word_beyond_chance_is_said_and_drawn_grey():
    words = exportrow.claims().pipe(framing.fightin_words, "seoul", "tokyo")
    fig, alt = distinctive_words(words, "seoul", "tokyo")
    assert fig._suptitle.get_text().startswith("No word separates Seoul from Tokyo beyond chance")
    assert {hex_of(p.get_facecolor()) for p in bars(fig) if p.get_y() > -1 and abs(p.get_width()) < 10} - {
        "#9A9A9A", "#EEEEEE"} == set()
    assert "Seoul's claims give 98 words" in alt and "Tokyo's 31" in alt
    plt.close(fig)


def test_the_same_count_from_fewer_words_is_drawn_by_its_z_not_hidden_as_equal_use():
    # korea 3 vs 3 from 98 and 31 words: z -1.32, the second-strongest lean to Tokyo; shipments 2 vs 1, z -0.29
    words = exportrow.claims().pipe(framing.fightin_words, "seoul", "tokyo")
    korea = words.set_index("word").loc["korea"]
    assert (korea.count_a, korea.count_b, round(float(korea.z), 2)) == (3, 3, -1.32)
    fig, alt = distinctive_words(words, "seoul", "tokyo")
    drawn = [t.get_text() for t in fig.axes[0].get_yticklabels()]
    assert drawn[:2] == ["south (3 vs 4)", "korea (3 vs 3)"]  # ranked by z, next to the strongest
    assert {"illegal (1 vs 1)", "cases (1 vs 1)", "shipped (1 vs 1)", "shipments (2 vs 1)"} <= set(drawn)
    assert "korea: z -1.32 (within chance)" in alt
    assert "equally often" not in alt and "each)" not in alt
    assert "korea (3 vs 3), cases (1 vs 1), shipped (1 vs 1), illegal (1 vs 1) are drawn toward Tokyo, whose " \
           "claims give fewer words" in alt
    assert "so not drawn: materials (3 vs 1)." in alt  # |z| 0.002: left out by its z alone
    plt.close(fig)
    # equal totals: the same count gives z 0, left out by the |z| rule, named in the note
    even = pd.DataFrame({"word": ["alpha", "beta", "gamma"], "count_a": [5, 2, 0], "count_b": [0, 2, 5],
                         "prior": [0.1] * 3, "delta": [2.0, 0.0, -2.0], "z": [2.5, 0.0, -2.5],
                         "leans": ["seoul", "neither", "tokyo"], "total_a": [40] * 3, "total_b": [40] * 3})
    fig, alt = distinctive_words(even, "seoul", "tokyo")
    assert [t.get_text() for t in fig.axes[0].get_yticklabels()] == ["gamma (0 vs 5)", "alpha (5 vs 0)"]
    assert "so not drawn: beta (2 vs 2)." in alt and "not equal use" not in alt
    plt.close(fig)


def test_type_is_large_enough_to_project():
    fig, _ = bar_periods(exportrow.figures().pipe(case_periods), source="Source: x")
    assert fig._suptitle.get_fontsize() == TITLE_PT == 18
    ax = fig.axes[0]
    assert ax.yaxis.label.get_fontsize() >= LABEL_PT == 14
    assert min(t.get_fontsize() for t in ax.get_xticklabels()) >= LABEL_PT
    assert fig._supxlabel.get_fontsize() == SOURCE_PT == 12
    plt.close(fig)


def test_timeline_breaks_its_axis_around_the_crowded_weeks():
    art = exportrow.load_article()
    ev = exportrow.events(art)
    close = weeks_before(art.published, 2)
    fig, alt = timeline(ev, published=art.published.date(), close_up=close)
    panels = [ax for ax in fig.axes if ax.get_yticks().size]
    assert len(panels) == 2 and "broken into 2 panels" in alt
    lo, hi = (mdates.num2date(x).date().isoformat() for x in panels[1].get_xlim())
    assert lo <= "2019-06-24" and hi >= "2019-07-14"
    fig.canvas.draw()
    ticks = [t.get_text() for t in panels[1].get_xticklabels() if t.get_text()]
    assert "1 Jul\n2019" in ticks and all(any(m in t for m in ("Jun", "Jul")) for t in ticks)  # month names
    wrapped = [t.get_text() for t in panels[0].get_yticklabels()]
    labels = [t.replace("\n", " ").replace("\u00a0", " ") for t in wrapped]
    assert any("the week of Mon 1 to Sun 7 Jul 2019" in t for t in labels)  # an ISO week, in words
    # a wrapped label never splits a date: 'by phone (10' above 'Jul 2019)' is how it was drawn before
    assert any("by phone\n(10\u00a0Jul\u00a02019)" in t for t in wrapped), wrapped
    assert not any(line.endswith(("(10", "Mon", "Jul")) for t in wrapped for line in t.split("\n"))
    assert not any("W27" in t for t in labels)
    plt.close(fig)


def test_timeline_without_crowding_keeps_one_axis():
    art = exportrow.load_article()
    ev = exportrow.events(art)
    fig, _ = timeline(ev[ev.date_start < "2019-06-01"], published=art.published.date(),
                      close_up=weeks_before(art.published, 2))
    assert len([ax for ax in fig.axes if ax.get_yticks().size]) == 1
    plt.close(fig)


def test_a_laid_out_chart_is_saved_with_the_pixels_savefig_gives():
    """_render lays a constrained-layout figure out once, draws it once (savefig: twice) and writes an opaque chart
    without an alpha channel: the same pixels as savefig's PNG of the same new figure, a smaller file, and the
    figure keeps its layout engine."""
    import io

    import numpy as np
    from PIL import Image

    from exportrow.plots import _METADATA, _render

    ev = exportrow.events()
    charts = (lambda: bar_periods(exportrow.figures().pipe(case_periods)),
              lambda: timeline(ev, published=ev.date_start.max(), close_up=weeks_before(pd.Timestamp("2019-07-12"), 2)))
    for chart in charts:
        fig, _alt = chart()
        buf = io.BytesIO()
        fig.savefig(buf, format="png", metadata=_METADATA["png"], bbox_inches=None)
        plt.close(fig)
        fig, _alt = chart()
        engine = fig.get_layout_engine()
        draws = []
        fig.draw = lambda renderer, _draw=fig.draw, _draws=draws: _draws.append(renderer) or _draw(renderer)
        ours = _render(fig, "png")
        assert fig.get_layout_engine() is engine
        assert len(draws) == 1  # savefig draws a laid-out figure twice, the first time with drawing switched off
        plt.close(fig)
        theirs, mine = Image.open(io.BytesIO(buf.getvalue())), Image.open(io.BytesIO(ours))
        assert (theirs.mode, mine.mode) == ("RGBA", "RGB") and theirs.size == mine.size
        assert np.array_equal(np.asarray(theirs.convert("RGB")), np.asarray(mine))
        assert np.asarray(theirs)[..., 3].min() == 255  # the alpha channel dropped held nothing
        assert mine.info.get("dpi") == theirs.info.get("dpi") and len(ours) < len(buf.getvalue())
