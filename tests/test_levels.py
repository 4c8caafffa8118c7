"""Levels and rates (a figure's ``kind: level``) are never divided by months (review 7, finding 2).

tests/fixtures/levels/ holds the reviewer's two-sentence article: a reservoir level that fell from an average of
520 million cubic metres in 2025 to 312 million in March 2026, and an unemployment rate that "fell" to 9 per cent
from 6 per cent. Read as counts, the reservoir "rose by 620%" (43 million a month against 312 million a month).
"""

from __future__ import annotations

import shutil

import matplotlib
import pandas as pd
import pytest

import exportrow
from exportrow.annotations import AnnotationError, load_annotation
from exportrow.checks import check_one
from exportrow.paths import PROJECT_ROOT
from exportrow.stats import case_periods, chartable, check_statements, credit_line, periods_note, statements

matplotlib.use("Agg")

LEVELS = PROJECT_ROOT / "tests" / "fixtures" / "levels"


@pytest.fixture(scope="module")
def article():
    return exportrow.load_article(LEVELS / "res.txt")


def _checked(article, annotation):
    figs = exportrow.figures(article, annotation)
    return statements(article, annotation).pipe(check_statements, figs).set_index("statement_id")


def _without_kind(tmp_path, keep=()):
    """The fixture's annotation with `kind: level` removed (except on the figures in ``keep``), beside its article."""
    shutil.copy(LEVELS / "res.txt", tmp_path / "res.txt")
    out, current = [], None
    for line in (LEVELS / "res.yaml").read_text().splitlines():
        if line.startswith("  - id: "):
            current = line.split(": ", 1)[1]
        if line.strip() == "kind: level" and current not in keep:
            continue
        out.append(line)
    path = tmp_path / "res.yaml"
    path.write_text("\n".join(out) + "\n")
    return path


def test_a_falling_reservoir_level_is_supported_as_a_fall_of_40_percent(article):
    r = _checked(article, LEVELS / "res.yaml").loc["res_fell"]
    assert r.verdict == "supported"
    assert r.value == "312,000,000 vs 520,000,000 cubic metres (-40%)"
    assert r.threshold == "'fall': any fall in the value"
    assert r.explanation == ("'fell' needs any fall in the value; it fell by 40%, from 520,000,000 cubic metres in "
                             "2025 to 312,000,000 cubic metres in Mar 2026")


def test_a_rising_unemployment_rate_said_to_fall_is_not_supported_in_per_cent(article):
    r = _checked(article, LEVELS / "res.yaml").loc["unemp_fell"]
    assert r.verdict == "not_supported"
    assert r.value == "9 vs 6 per cent (+50%)"
    assert r.explanation == ("'fell' needs any fall in the value; it rose by 3 percentage points (50%), from 6 per "
                             "cent in 2025 to 9 per cent in Mar 2026")
    assert "month" not in r.value + r.explanation + r.threshold


def test_without_kind_the_figures_stay_counts_and_check_warns(article, tmp_path):
    path = _without_kind(tmp_path)
    r = _checked(article, path).loc["res_fell"]
    assert (r.verdict, r.value) == ("not_supported", "312 million vs 43.3 million cubic metres a month (+620%)")
    warned = [(w.entry, w.field) for w in load_annotation(path, article).warnings if "level or a rate" in w.message]
    assert warned == [("figures[res_mar]", "quantity"), ("figures[res_2025]", "quantity"),
                      ("figures[unemp_mar]", "unit"), ("figures[unemp_2025]", "unit")]
    w = next(w for w in load_annotation(path, article).warnings if w.entry == "figures[unemp_mar]")
    assert w.message.startswith("'per cent' reads like a level or a rate") and "`kind: level`" in w.fix
    assert not [w for w in load_annotation(LEVELS / "res.yaml", article).warnings if "level or a rate" in w.message]


def test_the_warning_does_not_fire_on_the_bundled_annotation():
    assert not [w for w in load_annotation().warnings if "level or a rate" in w.message]


def test_levels_have_no_rate_per_month(article):
    t = exportrow.figures(article, LEVELS / "res.yaml").set_index("figure_id")
    assert t.kind.tolist() == ["level"] * 4
    assert t.per_month.isna().all()
    assert t.months.tolist() == [1, 12, 1, 12]  # the period's length is still a fact


def _figs(values, kinds, unit="per cent"):
    starts = pd.to_datetime(["2026-03-01", "2025-01-01"])
    return pd.DataFrame({"figure_id": ["new", "old"], "value": values, "unit": [unit] * 2, "kind": kinds,
                         "months": [1, 12], "period_start": starts,
                         "period_end": [starts[0] + pd.DateOffset(months=1), starts[1] + pd.DateOffset(years=1)],
                         "basis": ["stated"] * 2, "quantity": ["q"] * 2}).set_index("figure_id")


def _statement(words):
    return pd.Series({"statement_id": "s", "check": "rate_change", "figures": "new;old", "wording": words,
                      "wording_source": "article", "quote": words})


def test_surge_needs_a_rise_of_half_in_the_value_of_a_level():
    value, verdict, threshold, why = check_one(_statement("Prices surged"), _figs([9, 6], ["level", "level"]))
    assert (value, verdict, threshold) == ("9 vs 6 per cent (+50%)", "supported",
                                           "'surge': a rise of at least 50% in the value")
    assert check_one(_statement("Prices surged"), _figs([8, 6], ["level", "level"]))[1] == "not_supported"


def test_a_level_against_a_count_gets_no_verdict():
    value, verdict, _, why = check_one(_statement("Prices fell"), _figs([5, 6], ["level", "count"]))
    assert verdict == "cannot_check"
    assert why.startswith("new is a level (kind: level) and old a count")


def test_check_refuses_a_statement_comparing_a_level_with_a_count(article, tmp_path):
    path = _without_kind(tmp_path, keep=("res_mar",))
    with pytest.raises(AnnotationError) as err:
        load_annotation(path, article)
    assert "statements[res_fell].figures: compares a level with a count: res_mar has `kind: level`" in str(err.value)


def test_no_remainder_is_derived_from_levels():
    from exportrow.tables import _derive

    def fig(i, v, start, end, kind):
        return {"figure_id": i, "quantity": "price", "unit": "euros", "value": v, "start": pd.Timestamp(start),
                "end": pd.Timestamp(end), "actor": "a", "start_offset": 0, "end_offset": 1, "kind": kind}

    year, half = ("2025-01-01", "2026-01-01"), ("2025-01-01", "2025-07-01")
    assert [r["value"] for r in _derive([fig("y", 10, *year, "count"), fig("h", 4, *half, "count")])] == [6]
    assert _derive([fig("y", 10, *year, "level"), fig("h", 4, *half, "level")]) == []
    assert _derive([fig("y", 10, *year, "count"), fig("h", 4, *half, "level")]) == []


def test_the_chart_draws_levels_as_their_values(article):
    from exportrow.plots import bar_periods, plt

    figs = exportrow.figures(article, LEVELS / "res.yaml")
    periods = figs.pipe(case_periods, measure="per_month")  # the notebook's default: levels ignore it
    assert periods.label.tolist() == ["2025", "Mar 2026"]
    assert periods.value.tolist() == [520_000_000.0, 312_000_000.0] and periods.per_month.isna().all()
    assert chartable(periods, "per_month")
    fig, alt = bar_periods(periods, measure="per_month")
    plt.close(fig)
    assert alt.startswith("Reservoir level fell from 520,000,000 in 2025 to 312,000,000 cubic metres in Mar 2026. "
                          "Bars are the values the article gives for their periods (levels, not divided by months).")
    assert "month" not in alt.replace("not divided by months", "")
    credit = credit_line(periods, exportrow.actors(article, LEVELS / "res.yaml"), figs, "per_month")
    assert credit == "Values attributed to Water ministry."
    note = periods_note(figs, periods, "per_month")
    assert note.startswith("The chart shows reservoir level, a level (`kind: level` in the annotation)")


def test_one_month_is_one_month_in_labels(article, tmp_path):
    from exportrow.plots import bar_periods, plt

    figs = exportrow.figures(article, _without_kind(tmp_path))
    fig, alt = bar_periods(figs.pipe(case_periods, measure="count"), measure="count")
    plt.close(fig)
    assert "Mar 2026: 312,000,000 cubic metres in 1 month, " in alt and "1 months" not in alt


def test_the_bundled_article_is_unchanged():
    figs = exportrow.figures().set_index("figure_id")
    assert set(figs.kind) == {"count"}
    assert int(figs.loc["cases_total", "value"]) == 156 and int(figs.loc["cases_total_remainder", "value"]) == 72
    assert figs.per_month.dropna().tolist() == [3.06, 1.17, 1.83, 4.0, 4.8]
    t = statements().pipe(check_statements, exportrow.figures())
    assert t.verdict.tolist() == ["supported", "supported", "approximate", "not_supported", "supported"]
    assert t.value.tolist()[3:] == ["4.80 vs 4.00 cases a month (+20%)", "4.00 vs 1.83 cases a month (+118%)"]


def test_growth_words_compare_two_levels_over_unequal_periods():
    st = pd.Series({"statement_id": "s", "check": "growth_factor", "figures": "new;old", "wording": "Prices doubled",
                    "wording_source": "article", "quote": "Prices doubled"})
    assert check_one(st, _figs([12, 6], ["level", "level"]))[:2] == ("12 / 6 = 2.00x", "supported")
    value, verdict, _, why = check_one(st, _figs([12, 6], ["count", "count"]))  # counts: a month against a year
    assert verdict == "cannot_check" and "their periods differ in length" in why


BREAD = """---
title: "Bread dearer"
outlet: "Riverside Courier"
published: 2026-04-16
---
The price of a loaf rose to 3.10 euros on 14 April 2026, from 2.50 euros on 1 April 2026, the bakers said.
"""


def _bread(tmp_path, kind: str) -> tuple:
    (tmp_path / "bread.txt").write_text(BREAD)
    art = exportrow.load_article(tmp_path / "bread.txt")
    figures = "".join(f"""
  - id: {i}
    quantity: loaf_price
    value: {v}
    unit: euros{kind}
    period: {p}
    actor: bakers
    quote: {q}""" for i, v, p, q in (("loaf_now", 3.10, "14 April 2026", "rose to 3.10 euros on 14 April 2026"),
                                    ("loaf_then", 2.50, "1 April 2026", "from 2.50 euros on 1 April 2026")))
    (tmp_path / "bread.yaml").write_text(f"""exportrow: 1
article:
  file: bread.txt
  sha256: {art.sha256}
sides: [bakers, other]
actors:
  - id: bakers
    name: The bakers
    side: bakers
    kind: company
    quote: the bakers
figures:{figures}
statements:
  - id: loaf_rose
    check: rate_change
    figures: [loaf_now, loaf_then]
    quote: The price of a loaf rose to 3.10 euros
""")
    return art, tmp_path / "bread.yaml"


def test_a_level_on_a_day_can_be_compared_a_count_cannot(tmp_path):
    art, path = _bread(tmp_path, "\n    kind: level")
    r = _checked(art, path).loc["loaf_rose"]
    assert (r.verdict, r.value) == ("supported", "3.1 vs 2.5 euros (+24%)")
    assert r.explanation == ("'rose' needs any rise in the value; it rose by 24%, from 2.5 euros on 1 Apr 2026 to "
                             "3.1 euros on 14 Apr 2026")
    art, path = _bread(tmp_path, "")
    with pytest.raises(AnnotationError, match="check rate_change needs whole months for figure 'loaf_now'"):
        load_annotation(path, art)


def test_an_approximate_count_is_not_called_a_bound_in_the_title(article, tmp_path):
    from exportrow.plots import bar_periods, plt

    path = _without_kind(tmp_path)
    hedged = '    qualifier: approximate\n    period: "2025"\n'
    path.write_text(path.read_text().replace('    period: "2025"\n', hedged, 1))
    fig, alt = bar_periods(exportrow.figures(article, path).pipe(case_periods))
    plt.close(fig)
    assert alt.startswith("Reservoir level per month: about 43.3 million in 2025, 312 million in Mar 2026 (the "
                          "article gives some amounts only approximately).")
