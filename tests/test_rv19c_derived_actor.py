"""rv19c #6(a): a derived figure is stated by no one. Its actor and side are empty in figures.csv and
cases-by-period.csv; inputs_actor and inputs_side say whose figures it is computed from, and notebook 01's chart
still draws it in that side's colour."""

import datetime as dt
import io

import matplotlib.pyplot as plt
import pandas as pd
from matplotlib.colors import to_hex

from exportrow import actors, dictionary, figures
from exportrow.colours import side_colours
from exportrow.export import table_to_csv
from exportrow.paths import PROJECT_ROOT
from exportrow.plots import bar_periods
from exportrow.stats import case_periods, credit_line
from exportrow.tables import _derive, annotation


def test_the_derived_row_has_no_actor_and_names_its_inputs_actor():
    t = figures().set_index("figure_id")
    r = t.loc["cases_total_remainder"]
    assert int(r.value) == 72 and r.basis == "derived"
    assert pd.isna(r.actor) and pd.isna(r.side)
    assert (r.inputs_actor, r.inputs_side) == ("kr_motie", "seoul")
    stated = t[t.basis == "stated"]
    # curbed_materials is the outlet's (review 19c, finding 6b)
    assert stated.actor.tolist() == ["kr_motie", "kr_motie", "kr_motie", "kr_motie", "nar"]
    assert stated.inputs_actor.isna().all() and stated.inputs_side.isna().all()


def test_the_committed_figures_csv_leaves_the_derived_actor_empty():
    csv = pd.read_csv(PROJECT_ROOT / "data" / "processed" / "figures.csv", dtype=str, keep_default_na=False)
    r = csv.set_index("figure_id").loc["cases_total_remainder"]
    assert (r.value, r.actor, r.side, r.inputs_actor, r.inputs_side) == ("72", "", "", "kr_motie", "seoul")
    assert csv[csv.actor == "kr_motie"].figure_id.tolist() == ["cases_total", "cases_2015", "cases_2016",
                                                              "cases_2017"]


def test_cases_by_period_csv_leaves_the_derived_actor_empty():
    periods = figures().pipe(case_periods)
    r = periods.set_index("figure_id").loc["cases_total_remainder"]
    assert pd.isna(r.actor) and pd.isna(r.side) and (r.inputs_actor, r.inputs_side) == ("kr_motie", "seoul")
    csv = pd.read_csv(io.StringIO(table_to_csv(periods)), dtype=str, keep_default_na=False)  # as notebook 01 writes it
    row = csv.set_index("figure_id").loc["cases_total_remainder"]
    assert (row.actor, row.side, row.inputs_actor, row.inputs_side) == ("", "", "kr_motie", "seoul")
    assert csv[csv.basis == "stated"].actor.tolist() == ["kr_motie"] * 3


def test_the_chart_draws_the_derived_bar_in_its_inputs_colour_with_the_plain_legend():
    periods = figures().pipe(case_periods)
    ann = annotation()
    fig, alt = bar_periods(periods, sides=ann.sides)
    ax = fig.axes[0]
    legend = [t.get_text() for t in ax.get_legend().get_texts()]
    hatched = [p for p in ax.patches if p.get_hatch()]
    colour = to_hex(hatched[0].get_edgecolor())
    plt.close(fig)
    assert legend == ["count stated in the article", "hatched: count derived by exportrow, not in the article"]
    assert len(hatched) == 1 and colour == side_colours([str(s) for s in ann.sides])["seoul"].lower()
    assert "Other" not in alt and "neither side" not in alt
    credit = credit_line(periods, actors(), figures())
    assert credit.startswith("Counts attributed to South Korea's Ministry of Trade, Industry and Energy. ")


def test_inputs_of_two_sides_are_other():
    from exportrow.tables import _inputs_side

    def fig(i, v, a, b, actor):
        return {"figure_id": i, "quantity": "q", "unit": "u", "value": v, "start": dt.date(a, 1, 1),
                "end": dt.date(b, 1, 1), "actor": actor, "start_offset": 0, "end_offset": 1, "kind": None}

    r = _derive([fig("t", 10, 2020, 2022, "ministry"), fig("p", 4, 2020, 2021, "lawmakers")])[0]
    assert (r["value"], r["actor"], r["inputs_actor"]) == (6, None, "ministry;lawmakers")
    assert _inputs_side(r["inputs_actor"], {"ministry": "seoul", "lawmakers": "seoul"}) == "seoul"
    assert _inputs_side(r["inputs_actor"], {"ministry": "seoul", "lawmakers": "tokyo"}) == "other"


def test_the_dictionary_says_what_actor_and_side_mean_for_a_derived_row():
    cols = dictionary.DICTIONARY["figures"]
    assert "empty for a derived figure" in cols["actor"][0] and "empty for a derived figure" in cols["side"][0]
    assert "they stated the inputs, not this value" in cols["inputs_actor"][0]
    readme = (PROJECT_ROOT / "README.md").read_text(encoding="utf-8")
    assert "| `inputs_actor` | For derived figures: the actors of the figures it is computed from" in readme
