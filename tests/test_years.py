"""The `years` parameter of notebook 01: whole numbers among the years of the annotation's periods."""

import pytest
from conftest import FIXTURES, outputs_text, report

import exportrow
from exportrow.parameters import ParameterError
from exportrow.stats import case_periods, check_years, period_years, periods_note, unknown_years

FIXTURE = "example-gazette-2021-03-03-freedonia-sylvania-fishing"
ALLOWED = "allowed: whole numbers among 2015, 2016, 2017, 2018 (the years in which a period of illegal export cases"


def test_the_allowed_years_come_from_the_periods():
    assert period_years(exportrow.figures()) == [2015, 2016, 2017, 2018]
    assert period_years(exportrow.figures(), show_derived=False) == [2015, 2016, 2017]
    assert unknown_years(exportrow.figures(), [2015, True, "2016", 2017.0, 1850]) == [True, "2016", 2017.0, 1850]


@pytest.mark.parametrize("years, refused", [([1850], "1850 is not a year"), ([2016, "x"], "'x' is not a year"),
                                            ([2016.5, 3000], "2016.5, 3000 are not years")])
def test_check_years_names_the_refused_items_and_the_allowed_years(years, refused):
    with pytest.raises(ParameterError) as info:
        check_years(exportrow.figures(), years)
    assert refused in str(info.value) and ALLOWED in str(info.value)


def test_a_year_with_only_a_derived_period_is_refused_without_derived_figures():
    check_years(exportrow.figures(), [2018])
    with pytest.raises(ParameterError, match="2018 is not a year"):
        check_years(exportrow.figures(), [2018], show_derived=False)


@pytest.mark.parametrize("value, refused", [("[1850]", "1850 is not a year"), ("[2016, x]", "'x' is not a year")])
def test_report_refuses_bad_years_before_any_kernel_starts(tmp_path, value, refused):
    res = report(tmp_path / "r", "--notebooks", "01", "-p", "years", value)
    assert res.returncode == 2
    assert "error: -p years" in res.stderr and refused in res.stderr and ALLOWED in res.stderr
    assert "[report]" not in res.stderr and not (tmp_path / "r").exists()


def test_report_lists_the_years_of_another_articles_periods(tmp_path):
    res = report(tmp_path / "r", "--notebooks", "01", "--article", FIXTURES / f"{FIXTURE}.txt",
                 "--annotation", FIXTURES / f"{FIXTURE}.yaml", "-p", "years", "[1850]")
    assert res.returncode == 2 and "1850 is not a year" in res.stderr
    assert "whole numbers among 2018, 2019, 2020, 2021 (the years in which a period of" in res.stderr


def test_periods_note_explains_an_unknown_year():
    f = exportrow.figures()
    note = periods_note(f, f.pipe(case_periods, years=[2016, "x"]), years=[2016, "x"])
    assert note.startswith("`years` names x, in which no period of illegal export cases starts: periods start in "
                           "2015, 2016, 2017 and 2018. **No chart**: only one period")
    assert f.pipe(case_periods, years=[1850]).empty


def test_notebook_01_explains_a_year_without_a_period(run_notebook):
    nb, out = run_notebook("01-enforcement-statistics", years=[1850])
    text = outputs_text(nb)
    assert ("`years` names 1850, in which no period of illegal export cases starts: periods start in 2015, 2016, "
            "2017 and 2018. **No chart**: no period") in text
    assert not (out / "cases-by-period.png").exists()
