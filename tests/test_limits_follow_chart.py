"""Review 11b finding 15 and review 11a finding 16: notebook 01's limits note follows what was charted, and the note
under the chart names the charted quantity's figures that have no period."""

from __future__ import annotations

import pandas as pd

from exportrow import figures
from exportrow.stats import case_periods, limits_note, periods_note


def test_nothing_charted_names_the_articles_counted_series_not_the_chosen_quantity():
    note = limits_note(figures(), "materials_under_curbs", drawn=False)
    assert "for materials under curbs" not in note
    assert ("(in this article, for illegal export cases: more of them in fact, or more of them noticed and "
            "recorded)") in note
    assert "Do not mix them into these figures." in note and "these bars" not in note
    # worked out without `drawn` too: materials under curbs has no period, so no chart
    assert limits_note(figures(), "materials_under_curbs") == note


def test_a_drawn_count_keeps_its_own_words():
    note = limits_note(figures(), "illegal_export_cases", drawn=True)
    assert "(here, for illegal export cases: more of them in fact, or more of them noticed and recorded)" in note
    assert "Do not mix them into these bars." in note


def test_no_counted_series_no_here_clause():
    t = figures()
    t = t[t.quantity == "materials_under_curbs"]  # one count without a period: no series at all
    note = limits_note(t, "materials_under_curbs", drawn=False)
    assert "noticed and recorded" not in note and "more and better counting, or both." in note


def test_not_charted_note_names_the_charted_quantitys_figures_without_a_period():
    t = figures()
    row = t[t.figure_id == "cases_2016"].assign(figure_id="cases_now", value=31, period_start=pd.NaT,
                                                period_end=pd.NaT, months=pd.NA)
    t = pd.concat([t, row], ignore_index=True)
    note = periods_note(t, t.pipe(case_periods))
    assert note.startswith("The chart shows illegal export cases. 1 figure of illegal export cases has no period "
                           "(31 cases), so it is not drawn. Not charted with them: materials under curbs")
    assert "has no period" not in periods_note(figures(), figures().pipe(case_periods))
