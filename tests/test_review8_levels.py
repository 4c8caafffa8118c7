"""Review 8 findings on the level/count split: rates stated per day or per year (1), mixed kinds in one quantity (3),
parts of levels (4), parts that exceed their total (6)."""

from __future__ import annotations

import hashlib

import pytest

import exportrow
from exportrow.annotations import AnnotationError, load_annotation
from exportrow.annotations.kinds import looks_like_level
from exportrow.stats import check_statements, statements

OIL = ("Highland's oil output fell to 1.5 million barrels a day in March 2026, from 2 million barrels a day in 2025, "
       "the energy ministry said.\n")


def _write(tmp_path, name: str, text: str, figures: str, statements_yaml: str = "statements: []\n"):
    """An article ``name``.txt and its annotation ``name``.yaml (one actor, the given figures and statements)."""
    art = tmp_path / f"{name}.txt"
    art.write_text("---\ntitle: \"T\"\noutlet: \"Riverside Courier\"\npublished: 2026-04-16\n---\n" + text)
    sha = hashlib.sha256(art.read_bytes()).hexdigest()
    ann = tmp_path / f"{name}.yaml"
    ann.write_text(f"exportrow: 1\narticle:\n  file: {name}.txt\n  sha256: {sha}\nsides: [lowland, highland]\n"
                   "actors:\n  - id: outlet\n    name: Riverside Courier\n    side: outlet\n    kind: outlet\n"
                   f"figures:\n{figures}{statements_yaml}claims: []\nevents: []\n")
    return exportrow.load_article(art), ann


def _fig(fid, quantity, value, unit, period, quote, kind=None):
    return (f"  - id: {fid}\n    quantity: {quantity}\n    value: {value}\n    unit: {unit}\n"
            + (f"    kind: {kind}\n" if kind else "") + f"    period: \"{period}\"\n    actor: outlet\n"
            f"    quote: \"{quote}\"\n")


def _oil(tmp_path, kind=None):
    figs = (_fig("oil_mar", "oil_output", 1500000, "barrels a day", "March 2026",
                 "fell to 1.5 million barrels a day in March 2026", kind)
            + _fig("oil_2025", "oil_output", 2000000, "barrels a day", "2025", "from 2 million barrels a day in 2025",
                   kind))
    st = ("statements:\n  - id: oil_fell\n    check: rate_change\n    figures: [oil_mar, oil_2025]\n"
          "    quote: Highland's oil output fell to 1.5 million barrels a day in March 2026\n")
    return _write(tmp_path, "o", OIL, figs, st)


@pytest.mark.parametrize("unit, word", [
    ("barrels a day", "a day"), ("barrels per day", "per day"), ("tonnes a year", "a year"),
    ("euros per capita", "per capita"), ("euros per head", "per head"), ("deaths per 100,000 people", "per 100,000"),
    ("degrees Celsius", "degrees"), ("°C", "°"), ("km/h", "km/h"), ("births per woman", "per woman"),
    ("cubic metres a second", "a second"), ("basis points", "basis points"), ("workers an hour", "an hour"),
    ("ratio", "ratio"), ("annual tonnes", "annual")])
def test_units_that_carry_a_rate_read_like_levels(unit, word):
    assert looks_like_level(unit) == word


@pytest.mark.parametrize("unit", ["barrels", "cases", "tonnes", "boats", "crossings", "euros", "complaints"])
def test_plain_count_units_do_not(unit):
    assert looks_like_level(unit) is None


def test_barrels_a_day_without_kind_is_warned_about(tmp_path):
    article, ann = _oil(tmp_path)
    warned = [w for w in load_annotation(ann, article).warnings if "level or a rate" in w.message]
    assert [(w.entry, w.field) for w in warned] == [("figures[oil_mar]", "unit"), ("figures[oil_2025]", "unit")]
    assert warned[0].message.startswith("'barrels a day' ('a day') reads like a level or a rate")


def test_barrels_a_day_as_a_level_fell_by_a_quarter(tmp_path):
    article, ann = _oil(tmp_path, "level")
    assert not [w for w in load_annotation(ann, article).warnings if "level or a rate" in w.message]
    r = statements(article, ann).pipe(check_statements, exportrow.figures(article, ann)).iloc[0]
    assert (r.verdict, r.value) == ("supported", "1,500,000 vs 2,000,000 barrels a day (-25%)")
    assert "a month" not in r.explanation


def test_the_bundled_annotation_still_gets_no_level_warning():
    assert not [w for w in load_annotation().warnings if "level or a rate" in w.message]


RES = ("The reservoir held an average of 520 million cubic metres in 2025. It held 312 million cubic metres in March "
       "2026.\n")


def _reservoir(tmp_path, kinds, quantities=("water_stored", "water_stored")):
    figs = (_fig("res_2025", quantities[0], 520000000, "cubic metres", "2025",
                 "an average of 520 million cubic metres in 2025", kinds[0])
            + _fig("res_mar", quantities[1], 312000000, "cubic metres", "March 2026",
                   "312 million cubic metres in March 2026", kinds[1]))
    return _write(tmp_path, "res", RES, figs)


def test_one_quantity_with_a_level_and_a_count_is_refused_naming_both(tmp_path):
    article, ann = _reservoir(tmp_path, (None, "level"))
    with pytest.raises(AnnotationError) as err:
        load_annotation(ann, article)
    assert [(p.entry, p.field) for p in err.value.problems] == [("figures[res_mar]", "kind")]
    p = err.value.problems[0]
    assert p.message == ("figures of quantity 'water_stored' mix kinds: res_mar is a level, res_2025 a count "
                         "(no `kind:` gives a count)")
    assert p.fix.startswith("give every figure of 'water_stored' the same `kind:` (`kind: level` on res_2025")


@pytest.mark.parametrize("kinds, quantities", [
    (("level", "level"), ("water_stored", "water_stored")), ((None, "count"), ("water_stored", "water_stored")),
    ((None, "level"), ("water_inflow", "water_stored"))])
def test_one_kind_per_quantity_passes(tmp_path, kinds, quantities):
    article, ann = _reservoir(tmp_path, kinds, quantities)
    assert len(load_annotation(ann, article).figures) == 2


PARTS = ("The reservoir held an average of 520 million cubic metres in 2025, the ministry said. It held 300 million "
         "cubic metres in January 2025 and 310 million cubic metres in February 2025.\n")


def _parts(tmp_path, kinds):
    figs = (_fig("y2025", "reservoir_volume", 520000000, "cubic metres", "2025",
                 "held an average of 520 million cubic metres in 2025", kinds[0])
            + _fig("jan", "reservoir_volume", 300000000, "cubic metres", "January 2025",
                   "It held 300 million cubic metres in January 2025", kinds[1])
            + _fig("feb", "reservoir_volume", 310000000, "cubic metres", "February 2025",
                   "310 million cubic metres in February 2025", kinds[2]))
    st = ("statements:\n  - id: parts\n    check: parts_within_total\n    figures: [y2025, jan, feb]\n"
          "    quote: The reservoir held an average of 520 million cubic metres in 2025\n")
    return _write(tmp_path, "r", PARTS, figs, st)


def test_check_refuses_parts_within_total_over_levels(tmp_path):
    article, ann = _parts(tmp_path, ("level", "level", "level"))
    with pytest.raises(AnnotationError) as err:
        load_annotation(ann, article)
    [p] = err.value.problems
    assert (p.entry, p.field) == ("statements[parts]", "figures")
    assert p.message == ("parts_within_total adds up its figures, but y2025, jan, feb have `kind: level`: levels do "
                         "not add up (a part of a level is not a level of a part)")


def test_check_refuses_a_count_total_with_level_parts(tmp_path):
    article, ann = _parts(tmp_path, ("count", "level", "level"))
    with pytest.raises(AnnotationError) as err:
        load_annotation(ann, article)
    assert ("statements[parts]", "figures") in [(p.entry, p.field) for p in err.value.problems]
    assert "but jan, feb have `kind: level`: levels do not add up" in str(err.value)


def test_the_verdict_on_parts_of_levels_is_cannot_check_not_a_sum():
    import pandas as pd

    from exportrow.checks import check_one

    def fig(v, start, end):
        return {"value": v, "unit": "cubic metres", "kind": "level", "period_start": pd.Timestamp(start),
                "period_end": pd.Timestamp(end), "months": None, "basis": "stated"}

    figs = pd.DataFrame({"y2025": fig(520, "2025-01-01", "2026-01-01"), "jan": fig(300, "2025-01-01", "2025-02-01"),
                         "feb": fig(310, "2025-02-01", "2025-03-01")}).T
    st = pd.Series({"statement_id": "parts", "check": "parts_within_total", "figures": "y2025;jan;feb",
                    "wording": "held", "wording_source": "article", "quote": "held"})
    value, verdict, _, why = check_one(st, figs)
    assert (value, verdict) == ("", "cannot_check")
    assert why == ("y2025, jan, feb are levels (kind: level), and levels do not add up: a part of a level is not a "
                   "level of a part, so no sum of them is checked")


COMPLAINTS = ("Between 2015 and 2017, 100 complaints were filed. In 2015, 60 complaints were filed. In 2016, 70 "
              "complaints were filed.\n")


def _complaints(tmp_path, statement: str = "statements: []\n"):
    figs = (_fig("tot", "complaints", 100, "complaints", "Between 2015 and 2017",
                 "Between 2015 and 2017, 100 complaints")
            + _fig("c15", "complaints", 60, "complaints", "2015", "In 2015, 60 complaints")
            + _fig("c16", "complaints", 70, "complaints", "2016", "In 2016, 70 complaints"))
    return _write(tmp_path, "n", COMPLAINTS, figs, statement)


def test_parts_exceeding_their_total_are_warned_about_and_derive_no_negative_remainder(tmp_path):
    from exportrow.stats import case_periods, derived_overview

    article, ann = _complaints(tmp_path)
    [w] = [w for w in load_annotation(ann, article).warnings if "exceed" in w.message]
    assert (w.entry, w.field) == ("figures[tot]", "value")
    assert w.message == ("its stated parts c15 + c16 (130) exceed their total tot (100); no remainder is derived "
                         "from it (it would be a negative count)")
    figs = exportrow.figures(article, ann)
    assert figs.figure_id.tolist() == ["tot", "c15", "c16"]
    assert (figs.basis == "stated").all()
    assert case_periods(figs).figure_id.tolist() == ["c15", "c16"]
    assert derived_overview(figs) == (
        "No remainder is derived from `tot` (100 complaints): its stated parts `c15` and `c16` add up to 130 "
        "complaints, more than the total, so the article's numbers (or the annotation) disagree, and a remainder "
        "would be a negative count.")


def test_a_statement_on_the_remainder_of_an_overfull_total_says_why_it_is_not_derived(tmp_path):
    st = ("statements:\n  - id: parts\n    check: parts_within_total\n    figures: [tot, c15, tot_remainder]\n"
          "    quote: Between 2015 and 2017, 100 complaints were filed\n")
    article, ann = _complaints(tmp_path, st)
    with pytest.raises(AnnotationError) as err:
        load_annotation(ann, article)
    [p] = err.value.problems
    assert p.message == ("'tot_remainder' is not derived: the stated parts of 'tot' add up to more than it, so its "
                         "remainder would be a negative count")


def test_the_parts_statement_of_an_overfull_total_is_not_supported(tmp_path):
    st = ("statements:\n  - id: parts\n    check: parts_within_total\n    figures: [tot, c15, c16]\n"
          "    quote: Between 2015 and 2017, 100 complaints were filed\n")
    article, ann = _complaints(tmp_path, st)
    r = statements(article, ann).pipe(check_statements, exportrow.figures(article, ann)).iloc[0]
    assert (r.verdict, r.value) == ("not_supported", "60 + 70 = 130 of 100; -30 left")
    assert r.explanation == "the stated parts exceed the total by 30 complaints"


def test_barrels_a_day_said_to_be_a_count_is_warned_about_once_a_figure(tmp_path):
    import subprocess
    import sys

    article, ann = _oil(tmp_path, "count")
    warned = [w for w in load_annotation(ann, article).warnings if "kind" in w.message]
    assert [(w.entry, w.field) for w in warned] == [("figures[oil_mar]", "kind"), ("figures[oil_2025]", "kind")]
    assert warned[0].message.startswith("`kind: count`, but the unit 'barrels a day' ('a day') reads like a rate: "
                                        "as a count, exportrow divides it by months again")
    assert warned[0].fix.startswith("write `kind: level` if it is a rate (a day, a year, per head)")
    done = subprocess.run([sys.executable, "-m", "exportrow.cli", "check", str(ann)], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr  # a warning, not an error: the annotator may mean it
    lines = [ln for ln in done.stderr.splitlines() if ln.startswith("warning:")]
    assert len([ln for ln in lines if "figures[oil_mar]" in ln]) == 1
    assert len([ln for ln in lines if "figures[oil_2025]" in ln]) == 1
    assert "`kind: count`, but the unit 'barrels a day'" in lines[0]
    assert "fix: write `kind: level`" in done.stderr


def test_a_plain_count_unit_said_to_be_a_count_is_not_warned_about(tmp_path):
    article, ann = _oil(tmp_path, "count")
    ann.write_text(ann.read_text().replace("unit: barrels a day", "unit: barrels"))
    assert not [w for w in load_annotation(ann, article).warnings if "kind" in w.message]
    ann.write_text(ann.read_text().replace("unit: barrels", "unit: shares"))  # reads like a level: count is the answer
    assert not [w for w in load_annotation(ann, article).warnings if "kind" in w.message]
