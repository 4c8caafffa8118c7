"""Notebook 01 follows the figures' kind: an amount (metres, cubic metres) is never called a count, and numbers read
as a reader writes them (no '150.00 boats', '40,000,000' not '40000000.00')."""

import matplotlib.pyplot as plt
import pandas as pd

import exportrow
from exportrow.notebook import show
from exportrow.plots import bar_periods, fmt_count
from exportrow.stats import case_periods, credit_line, limits_note, value_kind


def _as_amounts(table):
    return table.assign(unit="cubic metres")


def test_units_decide_the_kind():
    assert [value_kind(u, [v]) for u, v in [("cases", 14), ("boats", 150), ("metres", 2), ("cubic metres", 4e7),
                                            ("US dollars", 5), ("%", 3), ("people", 2.5)]] == \
        ["count", "count", "amount", "amount", "amount", "amount", "amount"]


def test_a_chart_of_amounts_says_amount_not_count():
    periods = exportrow.figures().pipe(case_periods).pipe(_as_amounts)
    fig, alt = bar_periods(periods)
    ax = fig.axes[0]
    legend = [t.get_text() for t in ax.get_legend().get_texts()]
    assert legend == ["amount stated in the article", "hatched: amount derived by exportrow, not in the article"]
    assert ax.get_xlabel().endswith("area = amount") and "(computed: amount \u00f7 months)" in ax.get_ylabel()
    assert "count" not in alt.replace("measure", "")
    plt.close(fig)
    credit = credit_line(periods, exportrow.actors(), exportrow.figures())
    assert credit.startswith("Figures attributed to") and "hatched bar: amount derived by exportrow" in credit


def test_a_chart_of_counts_keeps_its_words():
    fig, alt = bar_periods(exportrow.figures().pipe(case_periods))
    assert "2016: 22 cases in 12 months, 1.83 a month (count stated in the article)" in alt
    plt.close(fig)


def test_the_closing_list_fits_the_kind():
    counts = limits_note(exportrow.figures())
    amounts = limits_note(_as_amounts(exportrow.figures()))
    assert "**A count says nothing about size.**" in counts and "measurement" not in counts
    assert "**A measurement depends on how it was taken.**" in amounts
    assert "counted" not in amounts and "count says" not in amounts


def test_numbers_in_tables_and_labels_read_as_written():
    html = show(pd.DataFrame({"value": [150.0, 40_000_000.0, 2.4], "per_month": [0.666, 1.17, 4.0]})).html
    cells = [c.split(">")[-1] for c in html.split("</td>")[:-1]]
    assert cells == ["150", "0.666", "40,000,000", "1.17", "2.4", "4"]
    assert (fmt_count(40_000_000.0), fmt_count(150.0), fmt_count(2.4)) == ("40,000,000", "150", "2.4")
