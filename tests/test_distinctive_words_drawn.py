"""Distinctive words: no bar against a side with no word, no invisible bar, within chance never a side's colour
(review 11a #7, review 11b #16)."""

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402

import exportrow  # noqa: E402
from exportrow import framing  # noqa: E402
from exportrow.colours import difference, side_colours  # noqa: E402
from exportrow.plots import WITHIN_CHANCE, distinctive_words  # noqa: E402

SIDES = ["seoul", "tokyo", "washington", "outlet", "other"]


def drawn_words(fig):
    return [t.get_text() for ax in fig.axes for t in ax.get_yticklabels()]


def test_a_word_leaning_to_neither_side_is_named_not_drawn():
    words = exportrow.claims().pipe(framing.fightin_words, "seoul", "tokyo")
    assert abs(float(words.set_index("word").loc["materials", "z"])) < 0.05
    fig, alt = distinctive_words(words, "seoul", "tokyo", sides=SIDES)
    assert "materials (3 vs 1)" not in drawn_words(fig)
    assert "Leaning to neither side (|z| under 0.05), so not drawn: materials (3 vs 1)." in alt
    assert "shipments (2 vs 1)" in drawn_words(fig)
    plt.close(fig)


def test_no_bars_when_one_side_has_no_words():
    c = exportrow.claims()
    seoul = c[c.side.isin(["seoul"])]
    words = seoul.pipe(framing.fightin_words, "seoul", "outlet")
    assert len(words) and not framing.words_comparable(words)
    fig, alt = distinctive_words(words, "seoul", "outlet", sides=SIDES)
    assert not [p for ax in fig.axes for p in ax.patches if abs(p.get_width()) > 0 and p.get_height() < 1]
    assert not [w for w in drawn_words(fig) if " vs " in w]
    assert alt.startswith("No word can set the sides apart: the outlet's claims give no word to compare")
    plt.close(fig)


def test_within_chance_is_not_the_outlets_grey_or_any_sides_colour():
    for side, colour in side_colours(SIDES).items():
        assert difference(WITHIN_CHANCE, colour) >= 20, side
