"""An alpha just under a threshold is shown, stored and judged as under it: never rounded up across it."""

import pandas as pd

from exportrow.agreement import TENTATIVE, alpha, field_table
from exportrow.plot_agreement import alpha_chart


def _two_thirds():
    a, b = ["1", "1", "2", "3"], ["1", "2", "2", "3"]
    values = pd.DataFrame({"unit": [f"u{i}" for i in range(4)] * 2, "coder": ["a"] * 4 + ["b"] * 4, "frame": a + b})
    return a, b, values


def test_two_thirds_is_shown_as_0_666_and_judged_unreliable():
    a, b, values = _two_thirds()
    assert abs(alpha([a, b]) - 2 / 3) < 1e-12  # 0.6667 when rounded, below Krippendorff's 0.667
    row = field_table(values, ["a", "b"], ["frame"], n_boot=200).iloc[0]
    assert row.alpha == 0.666 and row.verdict == "unreliable"
    assert (row.alpha >= TENTATIVE) == (row.verdict != "unreliable")  # a filter on the stored value agrees


def test_the_interval_is_rounded_outward():
    _, _, values = _two_thirds()
    row = field_table(values, ["a", "b"], ["frame"], n_boot=200).iloc[0]
    assert row.ci_low <= row.alpha <= row.ci_high
    assert round(row.ci_low, 3) == row.ci_low and round(row.ci_high, 3) == row.ci_high


def test_the_chart_labels_alpha_with_the_digits_it_is_judged_on():
    _, _, values = _two_thirds()
    table = field_table(values, ["a", "b"], ["frame"], n_boot=200)
    fig, alt = alpha_chart(table)
    labels = [t.get_text() for ax in fig.axes for t in ax.texts]
    assert "0.666" in labels and "0.67" not in labels
    assert "frame: alpha 0.666" in alt and "unreliable" in alt
