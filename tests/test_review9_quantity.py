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


# A length of time ("the last strike, in 2019, lasted nine days") is no count that adds up over its period.

def test_a_strike_length_gets_no_rate_per_month():
    fig, _ = _tables()
    strike = fig.set_index("figure_id").loc["strike_2019"]
    assert strike.kind == "level" and strike.months == 12 and pd.isna(strike.per_month)
    periods = fig.pipe(stats.case_periods, quantity="strike_length")
    assert periods.per_month.isna().all() and periods.value.tolist() == [9.0]
    assert stats.quantity_kinds(fig)["strike_length"] == "level"
    assert "**A length of time is not a total either.**" in stats.limits_note(fig)
    assert "length of time" not in stats.limits_note(exportrow.figures())


def test_the_worksheet_gives_no_rate_for_a_strike_length():
    from exportrow.handout import _enforcement
    from exportrow.tables import annotation

    check = _enforcement(annotation(exportrow.load_article(ARTICLE), ANNOTATION)).check
    rates = check.split("Every stated figure with a period, as a rate per month")[1]
    assert "complaints_sep" in rates and "strike_2019" not in rates and "0.75" not in check


def test_check_warns_that_a_dated_length_of_time_is_taken_as_a_duration():
    from exportrow.annotations import load_annotation

    ann = load_annotation(ANNOTATION, exportrow.load_article(ARTICLE))
    warned = [w for w in ann.warnings if w.entry == "figures[strike_2019]"]
    assert len(warned) == 1 and warned[0].field == "unit"
    assert str(warned[0]).split(": ", 1)[1].startswith("figures[strike_2019].unit: 'days' is a length of time")
    assert "`kind: count` if the time adds up over the period" in warned[0].fix


def test_kind_count_keeps_a_length_of_time_a_count(tmp_path):
    (tmp_path / ARTICLE.name).write_bytes(ARTICLE.read_bytes())
    text = ANNOTATION.read_text(encoding="utf-8")
    text = text.replace("    unit: days\n", "    unit: days\n    kind: count\n")
    (tmp_path / ANNOTATION.name).write_text(text, encoding="utf-8")
    fig = exportrow.figures(exportrow.load_article(tmp_path / ARTICLE.name), tmp_path / ANNOTATION.name)
    strike = fig.set_index("figure_id").loc["strike_2019"]
    assert strike.kind == "count" and strike.per_month == 0.75


def test_the_bundled_figures_keep_their_kinds():
    assert set(exportrow.figures().kind.astype(str)) == {"count"}
