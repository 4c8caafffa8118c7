"""Review 9, finding 2: notebook 01 charts the quantity the article breaks into periods, not a one-off figure that
covers more months; the `quantity` parameter chooses another, and an unknown name is refused with the list.

The fixture is the review's fictional tram strike: hotline complaints 800 in September and 1,950 in October (the
article's "more than doubled"), ridership 148,000 and 61,000 trips a day (a level), and "the last strike, in 2019,
lasted nine days" (one figure over twelve months)."""

import pandas as pd
import pytest
from conftest import FIXTURES, outputs_text, report

import exportrow
from exportrow import stats
from exportrow.parameters import ParameterError

STRIKE = FIXTURES / "review9-strike"
ARTICLE, ANNOTATION = STRIKE / "brennfeld-strike.txt", STRIKE / "brennfeld-strike.yaml"


def _tables():
    art = exportrow.load_article(ARTICLE)
    return exportrow.figures(art, ANNOTATION), stats.statements(art, ANNOTATION)


def test_the_quantity_broken_into_periods_wins_over_a_long_one_off_figure():
    fig, listed = _tables()
    ranking = stats.quantity_ranking(fig, listed)
    assert ranking.quantity.tolist() == ["hotline_complaints", "ridership", "strike_length"]
    assert ranking.periods.tolist() == [2, 2, 1] and ranking.months.tolist() == [2, 2, 12]
    assert stats.main_quantity(fig, listed) == "hotline_complaints"
    assert stats.main_quantity(fig) == "hotline_complaints"  # a count before a level, without statements too
    periods = fig.pipe(stats.case_periods, quantity=stats.chosen_quantity(fig, "", listed))
    assert periods.label.tolist() == ["Sep 2025", "Oct 2025"] and periods["count"].tolist() == [800, 1950]


def test_the_bundled_article_keeps_its_quantity():
    assert stats.main_quantity(exportrow.figures(), stats.statements()) == "illegal_export_cases"


def test_a_statement_breaks_a_tie_between_two_series():
    fig, listed = _tables()
    fig = fig.assign(kind=fig.kind.astype("string").replace("level", "count"))  # two series of counts
    assert stats.main_quantity(fig, listed.head(0)) == "ridership"  # annotation order
    assert stats.main_quantity(fig, listed[listed.statement_id == "complaints_doubled"]) == "hotline_complaints"


def test_an_unknown_quantity_is_refused_with_the_annotations_quantities():
    fig, _ = _tables()
    with pytest.raises(ParameterError) as info:
        stats.check_quantity(fig, "complaints")
    text = str(info.value)
    assert text.startswith("-p quantity 'complaints': not a quantity of this annotation's figures; allowed: ")
    assert "ridership (2 periods)" in text and "hotline_complaints (2 periods)" in text
    assert "strike_length (1 period)" in text and "fares_lost (no period)" in text


def test_notebook_01_charts_the_complaints_and_says_why(run_notebook):
    nb, out = run_notebook("01-enforcement-statistics", article_path=str(ARTICLE), annotation_path=str(ANNOTATION))
    periods = pd.read_csv(out / "cases-by-period.csv")
    assert periods.quantity.tolist() == ["hotline_complaints"] * 2 and periods["count"].tolist() == [800, 1950]
    assert (out / "cases-by-period.png").read_bytes()[:4] == b"\x89PNG"
    text = outputs_text(nb)
    assert "Charted quantity: **hotline complaints**, chosen by exportrow: it ties with ridership" in text
    assert "The chart shows hotline complaints." in text


def test_the_quantity_parameter_switches_the_chart(run_notebook):
    nb, out = run_notebook("01-enforcement-statistics", article_path=str(ARTICLE), annotation_path=str(ANNOTATION),
                           quantity="ridership")
    periods = pd.read_csv(out / "cases-by-period.csv")
    assert periods.quantity.tolist() == ["ridership"] * 2 and periods.value.tolist() == [148000, 61000]
    text = outputs_text(nb)
    assert "Charted quantity: **ridership**, chosen with the `quantity` parameter" in text
    assert "The chart shows ridership, a level" in text


def test_report_refuses_an_unknown_quantity_before_any_kernel_starts(tmp_path):
    res = report(tmp_path / "r", "--notebooks", "01", "--article", ARTICLE, "--annotation", ANNOTATION,
                 "-p", "quantity", "complaints")
    assert res.returncode == 2
    assert "error: -p quantity 'complaints': not a quantity of this annotation's figures" in res.stderr
    assert "hotline_complaints (2 periods)" in res.stderr
    assert "[report]" not in res.stderr and not (tmp_path / "r").exists()
