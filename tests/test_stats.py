import pandas as pd
import pytest

import exportrow
from exportrow.annotations import AnnotationError, load_annotation
from exportrow.stats import case_periods, caveats, check_statements, statements


@pytest.fixture(scope="module")
def checked():
    return statements().pipe(check_statements, exportrow.figures()).set_index("statement_id")


def test_more_than_doubled(checked):
    row = checked.loc["more_than_doubled"]
    assert row.value == "48 / 22 = 2.18x" and row.verdict == "supported"
    assert row.quote == "The number more than doubled to 48 in 2017"


def test_yearly_counts_fit_the_total(checked):
    row = checked.loc["counts_within_total"]
    assert row.value == "14 + 22 + 48 = 84 of 156; 72 left" and row.verdict == "supported"


def test_four_years_is_really_four_years_and_three_months(checked):
    row = checked.loc["length_of_period"]
    assert row.value == "51 months (4 years and 3 months)"
    assert row.verdict == "approximate"
    assert "3 months short" in row.explanation and "January 2015 to March 2019" in row.explanation


def test_surge_needs_a_rise_of_half_and_names_the_derived_rate(checked):
    row = checked.loc["recent_surge"]  # Jan 2018-Mar 2019 (derived) against 2017: +20%
    assert row.value == "4.80 vs 4.00 cases a month (+20%)" and row.verdict == "not_supported"
    assert row.threshold == "'surge': a rise of at least 50% in the rate per month"
    assert "derived" in row.explanation
    row = checked.loc["recent_surge_2017"]  # 2017 against 2016, both stated: +118%
    assert row.value == "4.00 vs 1.83 cases a month (+118%)" and row.verdict == "supported"


def test_wording_from_elsewhere_is_named(checked):
    row = checked.loc["length_of_period"]
    assert row.wording == "four years" and row.quote == "from 2015 to this March"
    assert row.wording_source.startswith("other outlets, not this article")
    assert (checked.drop(index="length_of_period").wording_source == "article").all()


def test_verdicts_are_computed_not_typed(checked, seed_yaml):
    assert "verdict:" not in seed_yaml and "supported" not in seed_yaml
    # Change the figures and the verdict follows.
    figs = exportrow.figures().copy()
    figs.loc[figs.figure_id == "cases_2017", "value"] = 40
    again = statements().pipe(check_statements, figs).set_index("statement_id")
    assert again.loc["more_than_doubled", "verdict"] == "not_supported"


def test_growth_without_more_than_is_judged_against_the_factor():
    table = pd.DataFrame({"statement_id": ["x"], "check": ["growth_factor"], "figures": ["cases_2016;cases_2015"],
                          "compare_with": [None], "quote": ["cases doubled"], "start": [0], "end": [1]})
    row = check_statements(table, exportrow.figures()).iloc[0]
    assert row.value == "22 / 14 = 1.57x" and row.verdict == "approximate"


def test_per_month_rates_make_unequal_periods_comparable():
    p = exportrow.figures().pipe(case_periods, measure="per_month").set_index("label")
    assert p.loc["2017", "value"] == 4.0 and p.loc["Jan 2018–Mar 2019", "value"] == 4.8
    assert p.loc["Jan 2018–Mar 2019", "months"] == 15
    assert p.loc["Jan 2018–Mar 2019", "source"] == "derived: 156 \u2212 14 \u2212 22 \u2212 48"


def test_case_periods_filters():
    f = exportrow.figures()
    assert f.pipe(case_periods, years=[2015]).label.tolist() == ["2015"]
    assert f.pipe(case_periods, show_derived=False).basis.unique().tolist() == ["stated"]
    with pytest.raises(ValueError, match="measure"):
        f.pipe(case_periods, measure="percent")


def test_caveats_name_the_unknown_split():
    (text,) = caveats(exportrow.figures())
    assert "**72**" in text and "does not say how they split" in text


def test_bad_statement_entry(article, seed_yaml, write_annotation):
    text = seed_yaml.replace("figures: [cases_2017, cases_2016]", "figures: [cases_2017, cases_2061]")
    text = text.replace("check: period_length", "check: period_lenght")
    with pytest.raises(AnnotationError) as info:
        load_annotation(write_annotation(text), article)
    msgs = {(p.entry, p.field): p for p in info.value.problems}
    assert "unknown figure id 'cases_2061'" in msgs[("statements[more_than_doubled]", "figures")].message
    assert "'period_length'" in msgs[("statements[length_of_period]", "check")].fix
