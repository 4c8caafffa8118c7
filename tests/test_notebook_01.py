"""Notebook 01 with non-default parameters: every parameter changes the output."""

import hashlib

import pandas as pd
from conftest import outputs_text


def test_defaults_write_tables_and_chart(run_notebook):
    nb, out = run_notebook("01-enforcement-statistics")
    periods = pd.read_csv(out / "cases-by-period.csv", dtype={"label": str})
    assert periods.label.tolist() == ["2015", "2016", "2017", "Jan 2018–Mar 2019"]
    assert periods["count"].tolist() == [14, 22, 48, 72]
    assert periods.value.tolist() == [1.17, 1.83, 4.0, 4.8]  # the default chart: rate per month, area = count
    assert periods.basis.tolist() == ["stated", "stated", "stated", "derived"]
    assert (out / "cases-by-period.png").read_bytes()[:4] == b"\x89PNG"
    checked = pd.read_csv(out / "statements.csv").set_index("statement_id")
    assert checked.loc["more_than_doubled", "verdict"] == "supported"
    assert checked.loc["length_of_period", "value"] == "51 months (4 years and 3 months)"
    figs = pd.read_csv(out / "figures.csv").set_index("figure_id")
    assert figs.loc["cases_total_remainder", "value"] == 72
    text = outputs_text(nb)
    assert "The remaining **72** cases" in text
    assert "Jan 2018–Mar 2019: 72 cases in 15 months, 4.8 a month (count derived by exportrow" in text
    assert checked.loc["recent_surge", "verdict"] == "not_supported"
    assert "'surge': a rise of at least 50% in the rate per month" in text


def test_non_default_parameters_change_the_output(run_notebook):
    nb, out = run_notebook("01-enforcement-statistics", years=[2016, 2017], show_derived=False,
                           measure="count", figure_format="svg")
    periods = pd.read_csv(out / "cases-by-period.csv", dtype={"label": str})
    assert periods.label.tolist() == ["2016", "2017"]
    assert periods.value.tolist() == [22, 48]
    assert "derived" not in set(periods.basis)
    svg = (out / "cases-by-period.svg").read_text()
    assert "<svg" in svg and "Date" not in svg.split("</metadata>")[0]
    assert not (out / "cases-by-period.png").exists()
    text = outputs_text(nb)
    assert "2016: 22 cases in 12 months, 1.83 a month (count stated in the article)" in text
    assert "Illegal export cases per period (12 months each)" in text  # equal lengths: counts compare


def test_derived_only_with_per_month(run_notebook):
    _, out = run_notebook("01-enforcement-statistics", years=[2017, 2018], measure="per_month")
    periods = pd.read_csv(out / "cases-by-period.csv", dtype={"label": str})
    assert periods.label.tolist() == ["2017", "Jan 2018–Mar 2019"]
    assert periods.value.tolist() == [4.0, 4.8]


def test_figures_are_byte_stable_across_runs(run_notebook, tmp_path):
    digests = []
    for k, fmt in enumerate(["png", "svg", "png", "svg"]):
        _, out = run_notebook("01-enforcement-statistics", figure_format=fmt, output_dir=str(tmp_path / f"r{k}"))
        digests.append(hashlib.sha256((out / f"cases-by-period.{fmt}").read_bytes()).hexdigest())
    assert digests[0] == digests[2] and digests[1] == digests[3]


def test_solution_agrees_with_the_library(run_notebook):
    nb, _ = run_notebook("solutions/01-enforcement-statistics-solutions")
    text = outputs_text(nb)
    assert "156 - 14 - 22 - 48 = 72 cases over 15 months" in text
    assert "they agree" in text
