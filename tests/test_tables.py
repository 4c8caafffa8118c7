import json
import subprocess
import sys

import pandas as pd

import exportrow
from exportrow import paths


def test_figures_values_and_spans(article):
    t = exportrow.figures(article).set_index("figure_id")
    assert int(t.loc["cases_total", "value"]) == 156
    assert [int(t.loc[f"cases_{y}", "value"]) for y in (2015, 2016, 2017)] == [14, 22, 48]
    assert int(t.loc["curbed_materials", "value"]) == 3
    for row in t[t.basis == "stated"].itertuples():
        assert article.raw[row.start:row.end] == row.quote
    assert str(t.loc["cases_total", "period_start"].date()) == "2015-01-01"
    assert str(t.loc["cases_total", "period_end"].date()) == "2019-04-01"
    assert int(t.loc["cases_total", "months"]) == 51


def test_derived_remainder_is_computed_and_labelled(article):
    t = exportrow.figures(article).set_index("figure_id")
    r = t.loc["cases_total_remainder"]
    assert r.basis == "derived" and int(r.value) == 156 - 14 - 22 - 48 == 72
    assert r.formula == "cases_total - cases_2015 - cases_2016 - cases_2017"
    assert (str(r.period_start.date()), str(r.period_end.date())) == ("2018-01-01", "2019-04-01")
    assert int(r.months) == 15 and float(r.per_month) == 4.8
    assert pd.isna(r.quote) and pd.isna(r.start)
    spans = [tuple(map(int, s.split(":"))) for s in r.input_spans.split(";")]
    assert article.raw[spans[0][0]:spans[0][1]].startswith("There were 156 cases")
    assert [article.raw[a:b] for a, b in spans[1:]] == ["Fourteen cases were caught in 2015", "22 in 2016",
                                                        "The number more than doubled to 48 in 2017"]


def test_dtypes_are_tidy():
    tables = exportrow.all_tables()
    f, c, e, a = tables["figures"], tables["claims"], tables["events"], tables["actors"]
    assert str(f["value"].dtype) == "Int64" and str(f["start"].dtype) == "Int64"
    assert isinstance(f["basis"].dtype, pd.CategoricalDtype) and list(f.basis.cat.categories) == ["stated",
                                                                                                  "derived"]
    assert str(f["period_start"].dtype).startswith("datetime64")
    assert str(e["date_start"].dtype).startswith("datetime64")
    assert list(e.precision.cat.categories) == ["day", "week", "month", "quarter", "season", "half", "year", "decade",
                                                "century"]
    assert set(c.attribution.cat.categories) == {"direct_quote", "indirect", "anonymous_source", "unattributed"}
    assert isinstance(a["side"].dtype, pd.CategoricalDtype)
    for t in tables.values():
        assert all(col == col.lower() and " " not in col for col in t.columns)
    for col in ("actor_id", "name", "side", "kind"):
        assert col in a
    for col in ("claim_id", "actor", "side", "attribution", "cue", "quote", "start", "end"):
        assert col in c
    for col in ("event_id", "actor", "action", "recipient", "expression", "date_start", "date_end",
                "precision", "timex", "mod", "duration", "quote", "start", "end"):
        assert col in e


def test_every_quoted_row_points_at_its_words(article):
    for name, t in exportrow.all_tables(article).items():
        quoted = t.dropna(subset=["start"])
        assert len(quoted), name
        for row in quoted.itertuples():
            assert article.raw[row.start:row.end] == row.quote, (name, row)


def test_claims_attribution(article):
    c = exportrow.claims(article).set_index("claim_id")
    assert c.loc["jp_not_enough", "quote_form"] == "direct_quote"
    assert c.loc["jp_not_enough", "attribution"] == "anonymous_source"
    assert c.loc["outlet_retaliation", "attribution"] == "unattributed"
    assert c.loc["outlet_retaliation", "cue"] == "widely seen as"
    assert (c.quote_form == "direct_quote").sum() == 1


def test_tables_command_is_byte_identical(tmp_path):
    outs = []
    for k in (1, 2):
        out = tmp_path / f"run{k}"
        subprocess.run([sys.executable, "-m", "exportrow.cli", "tables", "--out", str(out)], check=True,
                       capture_output=True)
        outs.append({p.name: p.read_bytes() for p in sorted(out.iterdir())})
    assert outs[0] == outs[1]
    assert sorted(outs[0]) == [".exportrow.json", "actors.csv", "claims.csv", "datapackage.json", "events.csv",
                               "figures.csv"]
    dp = json.loads(outs[0]["datapackage.json"])
    fields = {f["name"]: f for r in dp["resources"] if r["name"] == "figures" for f in r["schema"]["fields"]}
    assert fields["value"]["type"] == "integer" and fields["period_start"]["type"] == "date"
    assert fields["basis"]["constraints"]["enum"] == ["stated", "derived"]
    assert all(f["description"] for r in dp["resources"] for f in r["schema"]["fields"])


def test_committed_tables_are_current(tmp_path):
    """data/processed/ is generated: regenerating it gives the same bytes."""
    subprocess.run([sys.executable, "-m", "exportrow.cli", "tables", "--out", str(tmp_path)], check=True,
                   capture_output=True)
    committed = paths.DATA / "processed"
    for p in sorted(tmp_path.iterdir()):
        assert (committed / p.name).read_bytes() == p.read_bytes(), f"run `exportrow tables`: {p.name} changed"
