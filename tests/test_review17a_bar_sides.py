"""rev17a #3: a bar chart whose figures come from more than one side names the side of each colour, in the legend
and in the alt text; a chart of one side keeps its plain legend."""

import matplotlib.pyplot as plt
import pytest

from exportrow import figures
from exportrow.annotations.model import Sides
from exportrow.plots import bar_periods
from exportrow.stats import case_periods

SIDES = Sides(["seoul", "tokyo"], {"tokyo": "Tokyo nurses' union"})


def _chart(periods, **kw):
    fig, alt = bar_periods(periods, **kw)
    legend = [t.get_text() for t in fig.axes[0].get_legend().get_texts()]
    plt.close(fig)
    return legend, alt


@pytest.fixture()
def periods():
    return figures().pipe(case_periods)  # 2015, 2016, 2017 stated and Jan 2018 - Mar 2019 derived, all Seoul's


def test_two_sides_get_two_legend_entries_that_name_them(periods):
    p = periods.assign(side=periods.side.astype(str))
    p.loc[1, "side"] = "other"  # 2016 from neither side, as rev17a's health department
    legend, alt = _chart(p, sides=SIDES)
    assert legend == ["count stated in the article, by Seoul",
                      "hatched: count derived by exportrow, not in the article,\nfrom figures by Seoul",
                      "count stated in the article, by others on neither side"]
    assert "2015: 14 cases in 12 months, 1.17 a month (count stated in the article, by Seoul)" in alt
    assert "2016: 22 cases in 12 months, 1.83 a month (count stated in the article, by others on neither side)" in alt
    assert ("72 cases in 15 months, 4.8 a month (count derived by exportrow, not stated in the article, from figures "
            "by Seoul)") in alt


def test_the_side_of_a_derived_bar_is_named_by_its_annotation_name(periods):
    p = periods.assign(side=periods.side.astype(object), inputs_side=periods.inputs_side.astype(object))
    p.loc[1, "side"] = "tokyo"
    p.loc[3, "inputs_side"] = "tokyo"  # a derived bar takes the side of its inputs (its own side is empty)
    legend, alt = _chart(p, sides=SIDES)
    union = "by Tokyo nurses' union"
    assert legend[1:] == [f"count stated in the article, {union}",
                          f"hatched: count derived by exportrow, not in the article,\nfrom figures {union}"]
    assert "(count derived by exportrow, not stated in the article, from figures by Tokyo nurses' union)" in alt


def test_one_side_keeps_the_plain_legend_and_alt_text(periods):
    legend, alt = _chart(periods, sides=SIDES)
    assert legend == ["count stated in the article", "hatched: count derived by exportrow, not in the article"]
    assert "by Seoul" not in alt
    assert alt.endswith("4.8 a month (count derived by exportrow, not stated in the article).")
