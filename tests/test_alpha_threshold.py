"""An alpha just under a threshold is shown, stored and judged as under it: never rounded up across it."""

import pandas as pd

from exportrow.agreement import MIN_UNITS, TENTATIVE, alpha, field_table
from exportrow.plot_agreement import alpha_chart


def _two_thirds():
    # 10 units, exportrow's minimum for a verdict (MIN_UNITS); two disagree: (4, 3) and (1, 2). n = 20 values:
    # 2 (11), 4 (7), 1 and 3 (1 each); 4 disagreeing coincidences. alpha = 1 - 19 * 4 / (400 - (121 + 49 + 1 + 1))
    # = 1 - 76/228 = 2/3 exactly.
    a = ["2", "4", "2", "4", "4", "2", "1", "4", "2", "2"]
    b = ["2", "4", "2", "3", "4", "2", "2", "4", "2", "2"]
    values = pd.DataFrame({"unit": [f"u{i}" for i in range(10)] * 2, "coder": ["a"] * 10 + ["b"] * 10,
                           "frame": a + b})
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


def test_fewer_than_ten_units_get_no_verdict_but_keep_alpha_and_interval():
    """Review 5, finding 16: 3 claims coded alike are alpha 1.000, 1.000 to 1.000, and judge nothing."""
    values = pd.DataFrame({"unit": ["u1", "u2", "u3"] * 2, "coder": ["a"] * 3 + ["b"] * 3,
                           "frame": ["1", "2", "5", "1", "2", "5"]})
    row = field_table(values, ["a", "b"], ["frame"], n_boot=200).iloc[0]
    assert (row.alpha, row.ci_low, row.ci_high, row.units) == (1.0, 1.0, 1.0, 3)
    assert row.verdict == "too few units" and MIN_UNITS == 10
    assert row.note == ("only 3 claims coded by two or more coders; exportrow gives a verdict from 10: alpha and its "
                        "interval judge nothing yet; 17 of 200 resamples had no variation and were left out of the "
                        "interval")  # the 3 of 27 draws of one claim thrice (rev16d #1)
    fig, alt = alpha_chart(field_table(values, ["a", "b"], ["frame"], n_boot=200))
    assert "1.000 (too few units: 3)" in [t.get_text() for ax in fig.axes for t in ax.texts]
    assert "frame: alpha 1.000 (95% interval 1.00 to 1.00), too few units" in alt  # ends: 2 decimals (review 16d)
    _, _, ten = _two_thirds()
    assert field_table(ten, ["a", "b"], ["frame"], n_boot=200).iloc[0].verdict == "unreliable"  # 10: judged


def test_the_chart_labels_alpha_with_the_digits_it_is_judged_on():
    _, _, values = _two_thirds()
    table = field_table(values, ["a", "b"], ["frame"], n_boot=200)
    fig, alt = alpha_chart(table)
    labels = [t.get_text() for ax in fig.axes for t in ax.texts]
    assert "0.666" in labels and "0.67" not in labels
    assert "frame: alpha 0.666" in alt and "unreliable" in alt


def test_the_bundled_agreement_chart_keeps_every_text_inside_the_figure_and_legible():
    """Its axis label ran past the right edge ('... and 0.80'), and '0.816' was crossed by the dashed line at 0.800."""
    import matplotlib.pyplot as plt

    from exportrow import load_article, paths
    from exportrow.agreement import compare, find_codings
    from exportrow.plots import source_line

    art = load_article()
    result = compare(find_codings(paths.default_annotation(), art), art)
    fig, _ = alpha_chart(result.fields, title="How far the coders agree, field by field",
                         source=source_line(art, f"Codings compared: {', '.join(result.coders)}."))
    fig.canvas.draw()
    canvas = fig.bbox
    ax = fig.axes[0]
    lo, hi = ax.get_xlim()
    ticks = [t for t in ax.get_xticklabels() if lo <= t.get_position()[0] <= hi]  # those drawn
    texts = [ax.xaxis.label, ax.title, fig._supxlabel, *ax.texts, *ax.get_yticklabels(), *ticks]
    for t in texts:
        if t is not None and t.get_visible() and t.get_text():
            box = t.get_window_extent()
            assert canvas.x0 - 0.5 <= box.x0 and box.x1 <= canvas.x1 + 0.5, (t.get_text(), box, canvas)
    values = [t for t in ax.texts if t.get_text().startswith("0.816")]  # since rev16d #2: "(too few units: ...)"
    assert len(values) == 1 and values[0].get_bbox_patch() is not None  # drawn on white, over the dashed line
    plt.close(fig)
