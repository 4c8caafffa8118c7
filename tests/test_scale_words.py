"""Review 11a, finding 14: amounts of billions are written with scale words ("203.3 billion"), without false cents,
in chart titles, labels, ticks, tables and the worksheet's answer; small numbers stay as they were."""

from __future__ import annotations

from exportrow.notebook import _number
from exportrow.numbers import fmt_value
from exportrow.plots import _grouped_ticks, _rate, fmt_count
from exportrow.stats import hedged


def test_computed_rates_of_billions_get_a_scale_word_and_no_cents():
    assert _rate(610e9 / 3) == "203.3 billion"
    assert _rate(880e9 / 3) == "293.3 billion"
    assert fmt_value(3.4e12 / 12, 2) == "283.3 billion"
    assert fmt_value(25.1e12 / 12, 2) == "2.092 trillion"


def test_stated_values_keep_every_digit():
    assert fmt_count(12e9) == "12 billion" and hedged(2.3e12, "approximate") == "about 2.3 trillion"
    assert fmt_value(1234567890) == "1,234,567,890"  # no four digits say it exactly: in full


def test_small_numbers_unchanged():
    assert [fmt_value(v) for v in (40000000, 9800, 2.5)] == ["40,000,000", "9,800", "2.5"]
    assert _rate(2500000 / 15) == "166,666.67"


def test_ticks_and_tables():
    assert _grouped_ticks().format_ticks([0, 1e11, 2e11, 4e11]) == ["0", "100 billion", "200 billion", "400 billion"]
    assert _grouped_ticks().format_ticks([0, 250000, 500000]) == ["0", "250,000", "500,000"]
    assert _number(203333333333.33) == "203.3 billion"
