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


@pytest.mark.parametrize("value, refused", [("[1850]", "1850 is not a year")])
def test_report_refuses_bad_years_before_any_kernel_starts(tmp_path, value, refused):
    res = report(tmp_path / "r", "--notebooks", "01", "-p", "years", value)
    assert res.returncode == 2
    assert "error: -p years" in res.stderr and refused in res.stderr and ALLOWED in res.stderr
    assert "[report]" not in res.stderr and not (tmp_path / "r").exists()


@pytest.mark.parametrize("value, refused", [("[2016, x]", "-p years '[2016, x]': 'x' is not a whole number"),
                                            ("[true]", "-p years '[true]': true is not a whole number"),
                                            ('["2016"]', "-p years '[\"2016\"]': '2016' is not a whole number (text in "
                                                         "quotes: write it without quotes)")])
def test_report_refuses_items_that_are_no_whole_numbers_by_the_declaration(tmp_path, value, refused):
    """Notebook 01 declares `years` as whole numbers: the report and the notebook itself refuse other items alike
    (review 13c, finding 1: `years: list = ["2016"]` ran on and contradicted itself)."""
    res = report(tmp_path / "r", "--notebooks", "01", "-p", "years", value)
    assert res.returncode == 2
    assert res.stderr.strip() == (f"error: {refused}; allowed: a list of whole numbers in YAML form, e.g. [2016, 2017] "
                                  "(declared by 01-enforcement-statistics)")
    assert not (tmp_path / "r").exists()


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


def test_a_bool_is_no_year_and_is_shown_as_written():
    """bool is an int in Python; True must not pass as the year 1, and the message says `true`, as typed in -p."""
    f = exportrow.figures()
    assert f.pipe(case_periods, years=[True, 2016]).label.tolist() == ["2016"]
    with pytest.raises(ParameterError) as info:
        check_years(f, [2016, True, None])
    assert str(info.value).startswith("-p years [2016, true, null]: true, null are not years of this article's periods")


STATIONS = """---
title: Charging stations spread
outlet: KBN Radio News
published: 2023-10-03
---
Kelmark has opened 90 charging stations since 2020, the energy ministry said. It opened 30 stations in 2021 and 40 \
in 2022.
"""


def _stations(tmp_path):
    """A total "since 2020" with parts for 2021 and 2022 only: the total starts in a year no bar starts in."""
    import hashlib

    article = tmp_path / "kbn-test-2023-10-03-stations.txt"
    article.write_text(STATIONS, encoding="utf-8")
    sha = hashlib.sha256(article.read_bytes()).hexdigest()
    figure = "  - id: {}\n    quantity: stations_opened\n    value: {}\n    unit: stations\n    period: {}\n" \
             "    actor: kl_ministry\n    quote: {}\n"
    (tmp_path / "kbn-test-2023-10-03-stations.yaml").write_text(
        f"exportrow: 1\narticle:\n  file: {article.name}\n  sha256: {sha}\nsides: [kelmark, ostravia]\n"
        "actors:\n  - id: kl_ministry\n    name: Kelmark's energy ministry\n    side: kelmark\n    kind: ministry\n"
        "    quote: the energy ministry\nfigures:\n"
        + figure.format("stations_total", 90, "since 2020", "opened 90 charging stations since 2020")
        + figure.format("stations_2021", 30, '"2021"', "opened 30 stations in 2021")
        + figure.format("stations_2022", 40, '"2022"', "40 in 2022"), encoding="utf-8")
    from exportrow.article import load_article

    return exportrow.figures(load_article(article), tmp_path / "kbn-test-2023-10-03-stations.yaml")


def test_a_year_only_a_total_starts_in_is_named_with_the_total(tmp_path):
    f = _stations(tmp_path)
    assert f.set_index("figure_id").period_start.dt.year.to_dict() == \
        {"stations_total": 2020, "stations_2021": 2021, "stations_2022": 2022}
    assert period_years(f) == [2021, 2022]
    why = "not 2020, when stations_total starts: it is a total over other periods, and a total is never a bar"
    with pytest.raises(ParameterError) as info:
        check_years(f, [2020])
    assert str(info.value) == ("-p years [2020]: 2020 is not a year of this article's charted periods; allowed: "
                               "whole numbers among 2021, 2022 (the years in which a charted period of stations "
                               f"opened starts; {why})")
    note = periods_note(f, f.pipe(case_periods, years=[2020]), years=[2020])
    assert note.startswith("`years` names 2020, in which no charted period of stations opened starts: charted periods "
                           "start in 2021 and 2022; " + why.replace("_", "\\_") + ". **No chart**")
