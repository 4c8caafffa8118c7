"""Review 10, findings 1, 7, 8, 10, 11, 13: `period_since:` figures (periods from an event to the publication day,
not a run of whole months) in the tables and in notebook 01's chart and prose."""

import hashlib

import pandas as pd
from conftest import FIXTURES

import exportrow
from exportrow import stats

STRIKE = FIXTURES / "review9-strike"
SENTENCE = "lost 2.3 million euros in fares since the strike began on October 6"
QUOTE = f'    quote: "{SENTENCE}"\n'
TALKS = '    quote: "after talks with the city\'s transport company broke down on Monday"\n'


def _strike(tmp_path, *, article=lambda t: t, annotation=lambda t: t):
    """The strike fixture, `period_since: strike_began` on fares_lost, edited; returns (article, annotation path)."""
    text = article((STRIKE / "brennfeld-strike.txt").read_text(encoding="utf-8"))
    (tmp_path / "brennfeld-strike.txt").write_text(text, encoding="utf-8")
    yaml = (STRIKE / "brennfeld-strike.yaml").read_text(encoding="utf-8")
    assert QUOTE in yaml
    old_sha = hashlib.sha256((STRIKE / "brennfeld-strike.txt").read_bytes()).hexdigest()
    new_sha = hashlib.sha256((tmp_path / "brennfeld-strike.txt").read_bytes()).hexdigest()
    yaml = annotation(yaml.replace(QUOTE, "    period_since: strike_began\n" + QUOTE)).replace(old_sha, new_sha)
    (tmp_path / "brennfeld-strike.yaml").write_text(yaml, encoding="utf-8")
    return exportrow.load_article(tmp_path / "brennfeld-strike.txt"), tmp_path / "brennfeld-strike.yaml"


def _since_talks(tmp_path):
    """Finding 11's article: a `period_since:` total (since 6 October) with a `period_since:` part (since Monday)."""
    part = ('  - id: fares_since_talks\n    quantity: fares_lost\n    value: 400000\n    unit: euros\n'
            '    period_since: talks_broke_down\n    actor: company\n'
            '    quote: "400,000 euros since the talks broke down on Monday"\n')
    return _strike(
        tmp_path,
        article=lambda t: t.replace(SENTENCE + ".", SENTENCE + ", and 400,000 euros since the talks broke down on "
                                    "Monday."),
        annotation=lambda t: t.replace(QUOTE, QUOTE + part, 1).replace(
            TALKS, '    quote: "the talks broke down on Monday"\n'))


def test_a_remainder_of_period_since_figures_is_day_precise_and_its_caveat_gives_days(tmp_path):
    art, ann = _since_talks(tmp_path)
    table = exportrow.figures(art, ann)
    rest = table.set_index("figure_id").loc["fares_lost_remainder"]
    assert rest.value == 1900000 and rest.precision == "day" and pd.isna(rest.months)
    assert (str(rest.period_start.date()), str(rest.period_end.date())) == ("2025-10-06", "2025-11-10")
    assert ("The remaining **1,900,000** euros (6 Oct–9 Nov 2025, 35 days) are derived here; the article does not "
            "say how they split within that period"
            in stats.caveats(table)[0])


def test_a_period_since_an_event_dated_by_a_year_is_day_precise(tmp_path):
    """Finding 13: the period ends on the publication day, so it is not whole years though its event is a year."""
    art, ann = _strike(tmp_path, annotation=lambda t: t.replace(
        '    period: "2019"\n', "    period_since: last_strike\n    kind: count\n"))
    row = exportrow.figures(art, ann).set_index("figure_id").loc["strike_2019"]
    assert (str(row.period_start.date()), str(row.period_end.date()), row.precision) == (
        "2019-01-01", "2025-11-15", "day")
    assert pd.isna(row.months)


def _with_october(tmp_path):
    """Finding 8's article: fares lost since 6 October (40 days) beside fares lost in October (overlapping)."""
    oct_fig = ('  - id: fares_oct\n    quantity: fares_lost\n    value: 1500000\n    unit: euros\n    period: October\n'
               '    tense: past\n'
               '    actor: company\n    quote: "lost 1.5 million euros in October"\n')
    return _strike(tmp_path, article=lambda t: t.replace(SENTENCE + ".", SENTENCE + ". Of that, it lost 1.5 million "
                                                                                     "euros in October."),
                   annotation=lambda t: t.replace(QUOTE, QUOTE + oct_fig, 1))


def test_a_period_since_figure_is_never_a_bar_beside_whole_months(tmp_path):
    import matplotlib.pyplot as plt

    from exportrow.plots import bar_periods

    art, ann = _with_october(tmp_path)
    table = exportrow.figures(art, ann)
    periods = table.pipe(stats.case_periods, quantity="fares_lost", measure="count")
    assert periods.label.tolist() == ["Oct 2025", "6 Oct–14 Nov 2025"]  # the table keeps both
    assert stats.drawn_periods(periods, "count").label.tolist() == ["Oct 2025"]
    assert not stats.chartable(periods, "count")  # one bar left: no chart of overlapping periods side by side
    note = stats.periods_note(table, periods, "count", quantity="fares_lost")
    assert note.startswith("**No chart**: only one period of fares lost is left to draw (Oct 2025, 1,500,000 euros)")
    assert ("Left out of the chart: 6 Oct–14 Nov 2025 (to publication, 14 Nov 2025: a count so far), whose "
            "period is not a number of whole months, so its bar "
            "could not be compared with the others") in note
    fig, alt = bar_periods(periods, measure="count")
    plt.close(fig)
    assert "length unknown" not in alt and "6 Oct" not in alt and "Oct 2025: 1,500,000 euros in 1 month" in alt


def test_no_chart_of_a_period_since_figure_alone_names_its_period_not_the_parameters(tmp_path):
    """Finding 1: the one period is not whole months; `years` and `show_derived` removed nothing."""
    art, ann = _strike(tmp_path)
    table = exportrow.figures(art, ann)
    for measure in ("per_month", "count"):
        periods = table.pipe(stats.case_periods, quantity="fares_lost", measure=measure)
        note = stats.periods_note(table, periods, measure, quantity="fares_lost")
        assert note.startswith("**No chart**: no period of fares lost is a number of whole months (6 Oct–14 Nov "
                               "2025: a count so far, to the publication day)")
        assert "`years`" not in note and "Left out" not in note


def test_the_remainder_is_hatched_below_only_when_the_chart_draws_it(tmp_path):
    """Finding 10: no "(hatched in the chart below)" when the chart is of another quantity, or not drawn."""
    table = exportrow.figures()
    assert derived_text(table).endswith("parts do not cover (hatched in the chart below).")
    other = derived_text(table, quantity="materials_under_curbs")
    assert other.endswith("what the total leaves for the months its parts do not cover.") and "hatched" not in other
    one_year = derived_text(table, years=[2016])  # one bar: no chart
    assert "hatched" not in one_year
    art, ann = _since_talks(tmp_path)  # a day-precise remainder is never a bar
    since = derived_text(exportrow.figures(art, ann), quantity="fares_lost")
    assert since.endswith("what the total leaves for the days its parts do not cover.")


def derived_text(table, **chart):
    return stats.derived_overview(table, **chart)


def test_no_charted_quantity_is_announced_when_no_quantity_has_two_periods(tmp_path):
    """Finding 7: every quantity has one period, so exportrow charts none and names no "charted quantity"."""
    art, ann = _strike(tmp_path)
    table = exportrow.figures(art, ann)
    table = table[~table.figure_id.isin(["complaints_sep", "ridership_sep"])]  # one period each is left
    assert stats.quantity_ranking(table).periods.max() == 1
    charted = stats.chosen_quantity(table, "")
    periods = table.pipe(stats.case_periods, quantity=charted)
    assert not stats.chartable(periods)
    assert stats.quantity_note(table, "", drawn=False) == ""
    assert stats.quantity_note(table, "", drawn=True).startswith("Charted quantity: ")
    assert stats.periods_note(table, periods, quantity=charted) == (
        "**No chart**: no quantity of this article is broken into periods (each has at most one period a chart can "
        "draw), so a chart would compare nothing; the tables above give every figure.")
    asked = stats.quantity_note(table, "hotline_complaints", drawn=False)
    assert asked.startswith("Quantity for the chart: **hotline complaints**, chosen with the `quantity` parameter")


def test_overlapping_whole_month_counts_side_by_side_are_flagged():
    """Finding 8: an overlap that is not strict nesting (Jan–Jun and Apr–Sep) is drawn as counts, and said so."""
    t = pd.DataFrame({"figure_id": ["h1", "mid"], "quantity": "visits", "unit": "visits", "value": [10, 12],
                      "basis": "stated", "kind": "count", "qualifier": None, "actor": "x", "side": "x",
                      "period_start": pd.to_datetime(["2024-01-01", "2024-04-01"]),
                      "period_end": pd.to_datetime(["2024-07-01", "2024-10-01"]), "months": [6, 6]})
    periods = t.pipe(stats.case_periods, quantity="visits", measure="count")
    assert stats.chartable(periods, "count") and not stats.chartable(periods, "per_month")
    assert stats.periods_note(t, periods, "count", quantity="visits") == (
        "The chart shows visits. Some of its periods overlap (Jan 2024–Jun 2024, Apr 2024–Sep 2024), so bars side "
        "by side are not consecutive periods: do not add them up or read a change from one to the next.")


def test_the_answer_sheet_gives_a_day_precise_remainder_in_days(tmp_path):
    """Found while fixing review 19c (f19d): answer sheet 01 stopped with int(NaN) on a remainder of `period_since:`
    figures, which has no whole months."""
    from exportrow.annotations import load_annotation
    from exportrow.handout import handout

    art, ann = _since_talks(tmp_path)
    sheet = handout("01-enforcement-statistics", load_annotation(ann, art))
    assert "6 Oct–9 Nov 2025 (35 days, not whole months, so no rate a month)" in sheet.check
