"""Review 13 (rv13a finding 1): a past-tense figure whose period runs past publication counts only the part so far."""

import hashlib

import pytest

import exportrow
from exportrow import stats
from exportrow.annotations import AnnotationError, load_annotation

HARBOUR = """---
title: Port traffic falls
outlet: Harbour Times
published: 2025-05-15
language: en
---
The port has handled 150,000 containers this year, the port authority said. It handled 30,000 containers in \
January. It handled 400,000 containers in 2024. Traffic has fallen, the authority said.
"""

YTD = "  - {id: ytd, quantity: containers, value: 150000, unit: containers, period: this year, tense: %s, " \
      "actor: authority, quote: \"The port has handled 150,000 containers this year\"}\n"
JAN = "  - {id: jan, quantity: containers, value: 30000, unit: containers, period: January, tense: past, " \
      "actor: authority, quote: \"It handled 30,000 containers in January\"}\n"
Y2024 = "  - {id: y2024, quantity: containers, value: 400000, unit: containers, period: \"2024\", actor: authority, " \
        "quote: \"It handled 400,000 containers in 2024\"}\n"
FALLEN = "statements:\n  - {id: fallen, check: rate_change, figures: [ytd, y2024], quote: Traffic has fallen}\n"


def _write(tmp_path, figures, statements=""):
    art = tmp_path / "harbour.txt"
    art.write_text(HARBOUR, encoding="utf-8")
    sha = hashlib.sha256(art.read_bytes()).hexdigest()
    ann = tmp_path / "harbour.yaml"
    ann.write_text(f"exportrow: 1\narticle:\n  file: harbour.txt\n  sha256: {sha}\nsides: [port, shippers]\n"
                   "actors:\n  - {id: outlet, name: Harbour Times, side: outlet, kind: outlet}\n"
                   "  - {id: authority, name: Port authority, side: port, kind: organisation, "
                   "quote: the port authority}\n"
                   f"figures:\n{figures}{statements}claims: []\nevents: []\n", encoding="utf-8")
    return exportrow.load_article(art), ann


def test_a_past_tense_count_this_year_ends_at_publication_and_has_no_rate_per_month(tmp_path):
    art, ann = _write(tmp_path, YTD % "past" + Y2024)
    t = exportrow.figures(art, ann).set_index("figure_id")
    ytd = t.loc["ytd"]
    assert (str(ytd.period_start.date()), str(ytd.period_end.date())) == ("2025-01-01", "2025-05-16")
    assert ytd.months is pd_na() and ytd.per_month is pd_na()  # was 12 months and 12,500 a month
    assert not ytd.forecast and t.loc["y2024", "per_month"] == 33333.33
    assert load_annotation(ann, art).figures[0]["date"].rule == (
        "'this year': the year of publication; in the past tense a count so far: to publication, 15 May 2025")


def test_a_forecast_for_this_year_keeps_its_whole_year(tmp_path):
    art, ann = _write(tmp_path, YTD % "future" + Y2024)
    ytd = exportrow.figures(art, ann).set_index("figure_id").loc["ytd"]
    assert (str(ytd.period_end.date()), int(ytd.months), ytd.per_month, bool(ytd.forecast)) == (
        "2026-01-01", 12, 12500.0, True)


def test_a_rate_change_on_a_count_so_far_is_kept_with_a_cannot_check_verdict_and_its_reason(tmp_path):
    # rv14a finding 7: it was refused, with a fix ("or explain the comparison under `caveats:`") that did not clear it
    art, ann = _write(tmp_path, YTD % "past" + Y2024, FALLEN)
    warnings = [w for w in load_annotation(ann, art).warnings if w.entry == "statements[fallen]"]
    assert [w.message for w in warnings] == [
        "check rate_change compares rates per month, but figure 'ytd' counts 'this year' only to publication, "
        "15 May 2025 (tense: past, a count so far): it has the period 2025-01-01 to 2025-05-15, which is not a run "
        "of whole months; a count so far has no rate per month to set against a whole period, so its verdict will "
        "be cannot_check"]
    assert "caveats" not in warnings[0].fix
    t = stats.statements(art, ann).pipe(stats.check_statements, exportrow.figures(art, ann))
    row = t.set_index("statement_id").loc["fallen"]
    assert (row.verdict, row.value) == ("cannot_check", "")
    assert row.explanation == ("ytd counts only to publication (1 Jan–15 May 2025, a count so far): it covers no run "
                               "of whole months, so it has no rate per month to set against 2024")


def test_a_period_length_on_a_count_so_far_is_refused_with_a_fix_that_works(tmp_path):
    art, ann = _write(tmp_path, YTD % "past" + Y2024, "statements:\n  - {id: span, check: period_length, "
                      "figures: [ytd], quote: Traffic has fallen, compare_with: five months}\n")
    with pytest.raises(AnnotationError) as info:
        load_annotation(ann, art)
    text = str(info.value)
    assert "check period_length needs whole months for figure 'ytd', which counts 'this year' only to " \
           "publication, 15 May 2025 (tense: past, a count so far)" in text
    assert "fix: a count so far has no run of whole months: drop the statement;" in text
    assert "caveats" not in text


def test_the_remainder_of_a_count_so_far_ends_at_publication(tmp_path):
    art, ann = _write(tmp_path, YTD % "past" + JAN + Y2024)
    r = exportrow.figures(art, ann).set_index("figure_id").loc["ytd_remainder"]
    assert (int(r.value), str(r.period_start.date()), str(r.period_end.date())) == (120000, "2025-02-01",
                                                                                      "2025-05-16")
    assert r.per_month is pd_na()  # was 120,000 over 11 months


def test_the_chart_note_says_the_period_runs_to_publication(tmp_path):
    art, ann = _write(tmp_path, YTD % "past" + Y2024)
    t = exportrow.figures(art, ann)
    note = stats.periods_note(t, t.pipe(stats.case_periods))
    assert "Left out of a chart of rates: 1 Jan–15 May 2025 (to publication, 15 May 2025: a count so far), whose " \
           "period is not a number of whole months, so it has no rate per month." in note
    assert "ytd" not in stats.exercise_figures(t)  # the exercise divides only whole months


def pd_na():
    import pandas as pd

    return pd.NA


def test_a_present_tense_count_running_past_publication_asks_past_or_future(tmp_path):
    art, ann = _write(tmp_path, YTD % "present" + Y2024)  # was divided by 12 months, as in the past tense
    with pytest.raises(AnnotationError) as info:
        load_annotation(ann, art)
    assert "figures[ytd].tense: present leaves open what the count covers: 'this year' (2025) runs to 31 Dec 2025, " \
           "after publication (15 May 2025)" in str(info.value)
    assert "write `tense: past` if the figure counts only the part so far" in str(info.value)
