"""Review 8 findings 7 and 11 on level charts: a long unit's y label is wrapped to the axis; a long series' title
names its peak or trough when the two end bars would hide it."""

from __future__ import annotations

import matplotlib
import pandas as pd

matplotlib.use("Agg")

UNIT = "per cent of the working-age population registered as looking for work"
VALUES = [0.4, 0.2, 0.1, 0.8, 1.5, 2.2, 2.9, 3.4, 3.1, 2.6, 1.9, 1.2]


def _levels(values=VALUES, unit=UNIT):
    starts = pd.date_range("2025-01-01", periods=len(values), freq="MS")
    return pd.DataFrame({
        "figure_id": [f"m{i}" for i in range(len(values))], "quantity": "inflation", "unit": unit,
        "kind": "level", "count": values, "value": values, "months": 1, "period_start": starts,
        "period_end": starts + pd.offsets.MonthBegin(1),
        "label": [s.strftime("%b %Y") for s in starts], "basis": "stated", "source": "stated", "side": "other",
        "qualifier": None})


def test_a_level_charts_long_unit_is_wrapped_inside_the_axis():
    from exportrow.plots import bar_periods, plt

    fig, _ = bar_periods(_levels(), source="Source: Riverside Courier, 16 April 2026.")
    fig.canvas.draw()
    ax = fig.axes[0]
    ylabel, axes = ax.yaxis.label.get_window_extent(), ax.get_window_extent()
    assert axes.y0 - 1 <= ylabel.y0 and ylabel.y1 <= axes.y1 + 1, (ylabel, axes)
    lines = ax.get_ylabel().split("\n")
    assert len(lines) >= 3 and lines[-1] == "(value as reported)"
    assert " ".join(lines[:-1]) == UNIT.capitalize()
    plt.close(fig)


def test_a_short_unit_stays_on_one_line():
    from exportrow.plots import bar_periods, plt

    fig, _ = bar_periods(_levels(unit="per cent"), source="Source: x.")
    assert fig.axes[0].get_ylabel() == "Per cent\n(value as reported)"
    plt.close(fig)


def test_a_long_level_series_title_names_its_peak_not_a_rise():
    from exportrow.plots import bar_periods, plt

    fig, alt = bar_periods(_levels(unit="per cent"), source="Source: x.")
    title = fig._suptitle.get_text().replace("\n", " ").replace("\u00a0", " ")
    assert title == ("Inflation went from 0.4 in Jan 2025 to 1.2 per cent in Dec 2025 (peak 3.4 in Aug 2025, low 0.1 "
                     "in Mar 2025)")
    assert "rose" not in alt.split(".")[0]
    plt.close(fig)


def test_a_long_count_series_title_names_its_peak():
    from exportrow.plots import _rate_title

    title = _rate_title("Complaints", ["2015", "2016", "2017", "2019"], [10, 45, 8, 2], [False] * 4)
    assert title == "Complaints per month went from 10 in 2015 to 2 in 2019 (peak 45 in 2016)"


def test_two_bars_or_a_steady_climb_keep_their_verb():
    from exportrow.plots import _level_title, _rate_title

    assert _rate_title("Cases", ["2015", "2016", "2017"], [1, 2, 4], [False] * 3) == \
        "Cases per month rose from 1 in 2015 to 4 in 2017"
    assert _level_title("Reservoir level", "cubic metres", ["2025", "Mar 2026"], [520, 312], [None, None]) == \
        "Reservoir level fell from 520 in 2025 to 312 cubic metres in Mar 2026"
