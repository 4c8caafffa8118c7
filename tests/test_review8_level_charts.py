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
