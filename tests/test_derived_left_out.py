"""Review 13c, finding 7: with `show_derived false`, notebook 01's chart (its source line), the sentence under it and
section 3 name the derived period that is left out (Jan 2018–Mar 2019, 72 cases, 4.8 a month) and the parameter that
leaves it out. Every value comes from the figures table."""

from __future__ import annotations

import json
from pathlib import Path

import exportrow
from exportrow.stats import case_periods, credit_line, derived_left_out, derived_overview, periods_note

NOTEBOOK = Path(__file__).parents[1] / "notebooks" / "01-enforcement-statistics.ipynb"


def _derived():
    f = exportrow.figures()
    row = f[f.basis == "derived"].iloc[0]
    return f, row


def test_the_source_line_names_the_derived_period_left_out():
    f, row = _derived()
    shown = f.pipe(case_periods, show_derived=False)
    text = credit_line(shown, exportrow.actors(), f, show_derived=False)
    per_month = exportrow.stats.fmt_value(row.value / row.months, 2)
    assert (row.value, row.months, per_month) == (72, 15, "4.8")
    assert text.endswith(f"Not drawn (show_derived false): {row.value:g} cases for Jan 2018–Mar 2019 ({per_month} a "
                         "month), derived by exportrow.")
    assert "show_derived" not in credit_line(f.pipe(case_periods), exportrow.actors(), f)
    count = credit_line(f.pipe(case_periods, show_derived=False, measure="count"), exportrow.actors(), f, "count",
                        show_derived=False)
    assert count.endswith("Not drawn (show_derived false): 72 cases for Jan 2018–Mar 2019, derived by exportrow.")


def test_the_sentence_under_the_chart_names_it_and_the_parameter():
    f, _ = _derived()
    note = periods_note(f, f.pipe(case_periods, show_derived=False), show_derived=False)
    assert "Left out by `show_derived = False`: 72 cases for Jan 2018–Mar 2019 (4.8 a month), derived by " \
           "`exportrow`" in note
    assert "Left out by" not in periods_note(f, f.pipe(case_periods))
    assert derived_overview(f, show_derived=False).endswith("(left out of the chart below by `show_derived = False`).")
    assert derived_overview(f).endswith("(hatched in the chart below).")


def test_a_period_the_years_leave_out_is_not_blamed_on_show_derived():
    f, _ = _derived()
    shown = f.pipe(case_periods, years=[2016, 2017], show_derived=False)
    assert derived_left_out(f, shown, years=[2016, 2017], show_derived=False).empty
    assert "show_derived" not in credit_line(shown, exportrow.actors(), f, show_derived=False, years=[2016, 2017])
    assert "show_derived" not in periods_note(f, shown, years=[2016, 2017], show_derived=False)


def test_notebook_01_passes_its_parameters_to_the_source_line():
    cells = ["".join(c["source"]) for c in json.loads(NOTEBOOK.read_text(encoding="utf-8"))["cells"]]
    call = next(c for c in cells if "credit_line(" in c)
    assert "show_derived=show_derived" in call.split("credit_line(")[1].split(")\n")[0]
