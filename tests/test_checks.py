"""The statement checks: one function per kind, thresholds from one table, hard cases."""

import pandas as pd
import pytest

from exportrow import paths
from exportrow.checks import RULES, check_one, rules_markdown, rules_table


def figs(**values):
    """A figures table: name=(value, months, basis), all periods in 2017-2018 (12 months each by default)."""
    rows = []
    for i, (name, spec) in enumerate(values.items()):
        value, months, basis = (spec + (12, "stated"))[:3] if isinstance(spec, tuple) else (spec, 12, "stated")
        start = pd.Timestamp(f"{2010 + i}-01-01")
        end = start + pd.DateOffset(months=12 if pd.isna(months) else months)
        rows.append({"figure_id": name, "value": value, "unit": "cases", "months": months, "basis": basis,
                     "period_start": start, "period_end": end})
    return pd.DataFrame(rows).set_index("figure_id")


def check(kind, wording, table, ids="new;old", source="article"):
    st = pd.Series({"statement_id": "x", "check": kind, "figures": ids, "wording": wording,
                    "wording_source": source, "quote": wording})
    return check_one(st, table)


@pytest.mark.parametrize("new,old,words,verdict", [
    (10, 4, "more than doubled", "supported"),
    (8, 4, "more than doubled", "not_supported"),   # exactly doubled is not more than doubled
    (8, 4, "doubled", "supported"),
    (7, 4, "doubled", "approximate"),               # 1.75x: within 25% of 2
    (5, 4, "doubled", "not_supported"),
    (7, 4, "nearly doubled", "supported"),
    (12, 4, "tripled", "supported"),
    (3, 10, "more than halved", "supported"),       # 10 -> 3: the earlier is 3.3 times the later
    (8, 10, "more than halved", "not_supported"),   # 10 -> 8 is a fall of a fifth
    (5, 10, "halved", "supported"),
    (12, 10, "halved", "not_supported"),            # a rise is never halving
    (4, 8, "doubled", "not_supported"),             # a fall is never doubling
])
def test_growth_factors_up_and_down(new, old, words, verdict):
    assert check("growth_factor", f"the number {words}", figs(new=new, old=old))[1] == verdict


def test_non_whole_values_are_not_truncated():
    value, verdict, _, why = check("growth_factor", "more than doubled", figs(new=2.5, old=1.2))
    assert value == "2.5 / 1.2 = 2.08x" and verdict == "supported"  # int() would have read 2 / 1
    assert "2.08 times" in why


def test_zero_and_missing_values_cannot_be_checked():
    value, verdict, _, why = check("growth_factor", "doubled", figs(new=5, old=0))
    assert verdict == "cannot_check" and "undefined" in why and "inf" not in value
    _, verdict, _, why = check("growth_factor", "doubled", figs(new=5, old=pd.NA))
    assert verdict == "cannot_check" and "old has no value" in why
    _, verdict, _, why = check("rate_change", "a surge", figs(new=5, old=(0, 12)))
    assert verdict == "cannot_check" and "from zero has no percentage" in why
    _, verdict, _, _ = check("rate_change", "cases rose", figs(new=5, old=(0, 12)))
    assert verdict == "supported"  # any rise: from zero is a rise
    _, verdict, _, why = check("rate_change", "a surge", figs(new=(5, pd.NA), old=4))
    assert verdict == "cannot_check" and "no months" in why
    _, verdict, _, why = check("growth_factor", "doubled", figs(new=5), ids="new;gone")
    assert verdict == "cannot_check" and "gone" in why


@pytest.mark.parametrize("new,old,words,verdict", [
    (15, 10, "a surge", "supported"),         # +50%: the threshold itself
    (14, 10, "a surge", "not_supported"),     # +40%
    (11, 10, "cases soared", "not_supported"),
    (11, 10, "cases rose", "supported"),      # any rise
    (10, 10, "an increase", "not_supported"),
    (6, 9, "a plunge", "supported"),          # a fall of exactly a third
    (7, 9, "a slump", "not_supported"),       # a fall of 22%
    (12, 9, "a plunge", "not_supported"),     # a rise is no plunge
    (8, 9, "cases fell", "supported"),
])
def test_vague_words_get_verdicts_only_against_the_table(new, old, words, verdict):
    assert check("rate_change", words, figs(new=new, old=old))[1] == verdict


def test_rates_compare_periods_of_unequal_length():
    # 30 in 15 months (2 a month) against 12 in 12 months (1 a month): +100%
    value, verdict, threshold, _ = check("rate_change", "a jump", figs(new=(30, 15), old=(12, 12)))
    assert value == "2.00 vs 1.00 cases a month (+100%)" and verdict == "supported"
    assert threshold == "'jump': a rise of at least 50% in the rate per month"


def test_a_verdict_on_a_derived_figure_is_at_most_approximate():
    value, verdict, _, why = check("rate_change", "a surge", figs(new=(30, 12, "derived"), old=(10, 12)))
    assert verdict == "approximate" and "at most approximate" in why and "derived" in why


def test_a_word_outside_the_table_gets_no_verdict():
    _, verdict, _, why = check("rate_change", "a remarkable record", figs(new=20, old=10))
    assert verdict == "cannot_check" and "surge" in why


def test_period_length_and_wording_from_elsewhere():
    t = figs(total=(156, 51))
    value, verdict, _, why = check("period_length", "four years", t, ids="total", source="other outlets")
    assert value == "51 months (4 years and 3 months)" and verdict == "approximate"
    assert "wording from elsewhere" in why and "3 months short" in why
    assert check("period_length", "two years", t, ids="total")[1] == "not_supported"
    assert check("period_length", "4.25 years", t, ids="total")[1] == "supported"


def test_parts_within_a_total():
    t = figs(total=(100, 48), a=10, b=20)
    t.loc["total", ["period_start", "period_end"]] = [pd.Timestamp("2010-01-01"), pd.Timestamp("2014-01-01")]
    value, verdict, _, _ = check("parts_within_total", "x", t, ids="total;a;b")
    assert value == "10 + 20 = 30 of 100; 70 left" and verdict == "supported"
    t.loc["a", "value"] = 95
    assert check("parts_within_total", "x", t, ids="total;a;b")[1] == "not_supported"


def test_one_table_of_thresholds_shown_in_the_docs():
    t = rules_table().set_index("word")
    assert t.loc["surge", "rule"].endswith("at least 50% in the rate per month")
    assert t.loc["plunge", "rule"].endswith("at least a third in the rate per month")
    assert {r.words[0] for r in RULES} >= {"surge", "soar", "jump", "rise", "increase", "plunge", "slump"}
    teaching = (paths.PROJECT_ROOT / "docs" / "teaching.md").read_text(encoding="utf-8")
    assert rules_markdown() in teaching
