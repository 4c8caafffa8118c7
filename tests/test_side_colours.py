"""Side colours stay apart for red-green colour-blind readers and in a black-and-white print (review 11b #4, #8)."""

import itertools

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import pytest  # noqa: E402

import exportrow  # noqa: E402
from exportrow.colours import OKABE_ITO, difference, lightness, side_colours  # noqa: E402
from exportrow.plots import timeline  # noqa: E402

BUNDLED = side_colours(["seoul", "tokyo", "washington", "outlet", "other"])
OWN = side_colours(["freedonia", "sylvania", "outlet", "other"])  # any other article with two declared sides
MIN_DE = 20.0  # CIE76 difference: well above what reads as "the same colour" at a chart's marker size
MIN_DL = 8.0  # CIE L*: two greys a print tells apart


@pytest.mark.parametrize("palette", [BUNDLED, OWN], ids=["bundled", "own-article"])
@pytest.mark.parametrize("kind", ["normal", "deutan", "protan"])
def test_every_pair_of_side_colours_stays_apart_after_simulation(palette, kind):
    close = {(a, b): round(difference(palette[a], palette[b], kind), 1)
             for a, b in itertools.combinations(palette, 2)
             if difference(palette[a], palette[b], kind) < MIN_DE}
    assert close == {}


@pytest.mark.parametrize("palette", [BUNDLED, OWN], ids=["bundled", "own-article"])
def test_outlet_and_other_print_apart_from_every_side_in_greyscale(palette):
    pairs = [(a, b) for a, b in itertools.combinations(palette, 2) if {"outlet", "other"} & {a, b}]
    pairs += [("seoul", "tokyo")] if "seoul" in palette else [("freedonia", "sylvania")]
    close = {(a, b): round(abs(lightness(palette[a]) - lightness(palette[b])), 1) for a, b in pairs
             if abs(lightness(palette[a]) - lightness(palette[b])) < MIN_DL}
    assert close == {}


def test_the_old_outlet_grey_and_other_purple_were_the_same_for_deutans():
    # What review 11b saw: Okabe-Ito's reddish purple and grey, 7 apart for a deutan and 2 L* apart in print.
    assert difference(OKABE_ITO["purple"], OKABE_ITO["grey"], "deutan") < 8
    assert abs(lightness(OKABE_ITO["purple"]) - lightness(OKABE_ITO["grey"])) < 3
    assert BUNDLED["outlet"] != OKABE_ITO["grey"] and BUNDLED["other"] != OKABE_ITO["purple"]


def test_an_articles_own_sides_never_take_the_outlets_or_others_colour():
    many = side_colours([f"s{i}" for i in range(9)] + ["outlet", "other"])
    assert many["outlet"] not in [many[f"s{i}"] for i in range(9)]
    assert many["other"] not in [many[f"s{i}"] for i in range(9)]
    assert [many["s0"], many["s1"]] == [OKABE_ITO["blue"], OKABE_ITO["vermillion"]]


def test_timeline_points_carry_the_side_in_their_shape_too():
    fig, _ = timeline(exportrow.events())
    ax = fig.subfigs[0].axes[0]
    shapes = {}
    for line in ax.lines:
        if len(line.get_xdata()) == 1 and line.get_marker() not in ("<", ">"):
            shapes.setdefault(line.get_color(), set()).add(line.get_marker())
    assert shapes == {BUNDLED["seoul"]: {"o"}, BUNDLED["tokyo"]: {"s"}, BUNDLED["other"]: {"v"},
                      BUNDLED["outlet"]: {"D"}}
    legend = {t.get_text(): getattr(h, "get_marker", str)() for t, h in zip(fig.subfigs[1].legends[0].get_texts(),
                                                          fig.subfigs[1].legends[0].legend_handles)}
    assert legend["Seoul"] == "o" and legend["Tokyo"] == "s" and legend["The outlet's own voice"] == "D"
    plt.close(fig)
