"""Review 16d: claims matched by the largest overlap overall (3), bootstrap ends shown to their precision (4), an
``answers`` naming a row the coder left empty (5)."""

from pathlib import Path

import pandas as pd
from conftest import annotations_own_sheet

from exportrow import paths
from exportrow.agreement import Coding, agreement, match_units
from exportrow.worksheet import worksheet_yaml


def _coding(coder, rows):
    return Coding(Path(coder), coder, "worksheet", pd.DataFrame(rows))


# ---------------------------------------------------------------- 3: the largest overlap overall, not text order


def test_a_short_claim_earlier_in_the_text_does_not_take_the_unit_a_longer_one_matches_word_for_word():
    # the reviewer's spans (bundled article): a 30- and a 129-character claim, and a coder's extra claim that starts
    # with the first and runs 8 characters into the second; the coder's ids are its own, so ids match nothing
    one = _coding("annotation", [{"claim_id": "kr_japan_falls_short", "start": 3419, "end": 3449},
                                 {"claim_id": "kr_japan_less_transparent", "start": 3451, "end": 3580}])
    two = _coding("same", [{"claim_id": "p01", "start": 3419, "end": 3459},
                           {"claim_id": "c22", "start": 3419, "end": 3449},
                           {"claim_id": "c23", "start": 3451, "end": 3580}])
    units = match_units([one, two])
    assert units[["unit", "coder", "claim_id"]].values.tolist() == [
        ["kr_japan_falls_short", "annotation", "kr_japan_falls_short"], ["kr_japan_falls_short", "same", "c22"],
        ["p01", "same", "p01"],
        ["kr_japan_less_transparent", "annotation", "kr_japan_less_transparent"],
        ["kr_japan_less_transparent", "same", "c23"]]
    # the same wherever the extra claim is listed
    reordered = _coding("same", [two.claims.iloc[k].to_dict() for k in (1, 2, 0)])
    assert match_units([one, reordered]).values.tolist() == units.values.tolist()


def test_ties_in_overlap_go_to_the_closest_fit_then_the_claim_then_the_unit_that_comes_first():
    one = _coding("one", [{"claim_id": "a", "start": 0, "end": 10}, {"claim_id": "b", "start": 10, "end": 20}])
    # "m" overlaps a and b by 5 each; "n" overlaps b by 5 too, as closely: m, first in the text, takes a (the first
    # unit), n takes b
    two = _coding("two", [{"claim_id": "m", "start": 5, "end": 15}, {"claim_id": "n", "start": 15, "end": 25}])
    assert match_units([one, two])[["unit", "claim_id"]].values.tolist() == [
        ["a", "a"], ["a", "m"], ["b", "b"], ["b", "n"]]
    # "long" and "exact" both share all 10 characters of a: the exact copy, the closer fit, takes it
    three = _coding("three", [{"claim_id": "long", "start": 0, "end": 14},
                              {"claim_id": "exact", "start": 0, "end": 10}])
    assert match_units([one, three])[["unit", "claim_id"]].values.tolist() == [
        ["a", "a"], ["a", "exact"], ["b", "b"], ["b", "long"]]


def test_an_exact_copy_of_the_annotations_coding_plus_an_overlapping_extra_claim_agrees_on_every_field(tmp_path):
    ann, ws, _ = annotations_own_sheet()
    ws.claims.append({"id": "p01", "context": None, "quote": "Japan as the one falling short. Japan is",
                      "actor": "kr_gov", "attribution": "indirect", "cue": "sees", "frame": 14, "frame_secondary": None,
                      "entman": ["moral_evaluation"], "answers": None})
    p = tmp_path / "extra.yaml"
    p.write_text(worksheet_yaml(ws), encoding="utf-8")
    result = agreement([paths.default_annotation(), p], n_boot=100)
    partial = result.coverage[result.coverage.missing != ""]
    assert partial[["unit", "coders", "missing"]].values.tolist() == [["p01", result.coders[1], "annotation"]]
    assert result.disagreements.empty
    t = result.fields
    assert set(t.percent_agreement) == {100.0} and set(t.alpha.dropna()) == {1.0}


# ---------------------------------------------------------------- 4: interval ends shown to the precision they have


def test_interval_ends_are_stored_to_two_decimals_rounded_outward_and_the_legend_states_their_computed_error():
    import math

    import numpy as np

    from exportrow.agreement import (
        CI_DIGITS,
        N_BOOT,
        _bootstrap,
        _matrix,
        _resamples,
        _value_counts,
        find_codings,
        interval_legend,
        resampling_error,
    )

    result = agreement(find_codings(paths.default_annotation()))
    t = result.fields.dropna(subset=["ci_low"])
    assert len(t) >= 8 and CI_DIGITS == 2 and N_BOOT == 10_000
    assert all(round(v, 2) == v for v in [*t.ci_low, *t.ci_high])  # before: 0.799 to 1.000, 3 decimals
    side = t.set_index("field").loc["side"]
    assert (side.ci_low, side.ci_high) == (0.79, 1.0)
    # outward: the shown low end at or below the unrounded percentile, the high end at or above it
    counts = _value_counts(_matrix(result.values, result.coders, "frame")[1])
    defined, _ = _resamples(counts, "nominal", N_BOOT, result.seed)
    low, high = np.percentile(defined, [2.5, 97.5])
    shown = _bootstrap(counts, "nominal", N_BOOT, result.seed)
    assert shown[0] <= low < shown[0] + 0.01 and shown[1] - 0.01 < high <= shown[1]
    error = resampling_error(result)
    assert 0.005 < error < 0.05
    legend = interval_legend(result)
    assert f"about ±{math.ceil(error * 100 - 1e-9) / 100:.2f}" in legend and "10,000 resamples" in legend
    assert "The verdict judges alpha, not the interval." in legend
    assert legend in result.text().replace("\n", " ")


def test_the_stated_error_is_about_how_far_another_seed_moves_the_ends():
    from exportrow.agreement import find_codings, read_codings, resampling_error

    codings = read_codings(find_codings(paths.default_annotation()))
    runs = [agreement(codings, seed=s) for s in range(15, 23)]
    ends = pd.concat([r.fields.set_index("field")[["ci_low", "ci_high"]] for r in runs], axis=1).dropna()
    moved = max((ends.iloc[:, 0::2].max(axis=1) - ends.iloc[:, 0::2].min(axis=1)).max(),
                (ends.iloc[:, 1::2].max(axis=1) - ends.iloc[:, 1::2].min(axis=1)).max())
    errors = [resampling_error(r) for r in runs]
    # 8 seeds: the shown ends (2 decimals, rounded outward) move by no more than twice the stated error and a
    # rounding step; at 1,000 resamples they moved by up to 0.07 in the third decimal
    assert moved <= 2 * max(errors) + 0.01
    assert max(errors) < 0.04


def test_the_one_pass_bootstrap_gives_krippendorffs_alpha_for_every_resample():
    import krippendorff
    import numpy as np

    from exportrow.agreement import _nominal_alphas, _value_counts

    rng = np.random.default_rng(3)
    for _ in range(20):
        data = [[None if rng.random() < 0.2 else int(rng.integers(0, 4)) for _ in range(15)] for _ in range(3)]
        counts = _value_counts(data)
        if counts is None:
            continue
        weights = rng.multinomial(len(counts), [1 / len(counts)] * len(counts), size=30)
        fast = _nominal_alphas(counts, weights)
        for w, a in zip(weights, fast):
            drawn = np.repeat(counts, w, axis=0)
            if (drawn.sum(axis=0) > 0).sum() < 2:
                assert np.isnan(a)
            else:
                slow = krippendorff.alpha(value_counts=drawn[:, drawn.sum(axis=0) > 0].astype(float),
                                          level_of_measurement="nominal")
                assert abs(a - slow) < 1e-12


def test_implications_give_interval_ends_to_two_decimals():
    from exportrow.agreement import find_codings, implications

    said = implications(agreement(find_codings(paths.default_annotation())))
    assert any(s.endswith("though its interval reaches down to 0.55: more claims coded twice would make this surer.")
               for s in said)  # answers; before: 0.548
    assert "The widest interval, for entman.causal_interpretation, is 1.03 wide: with 24 claims, 5 of which carry " \
           "it, a few claims coded differently move alpha a lot." in said  # before: 1.022


# ---------------------------------------------------------------- 5: answers naming a row the coder left empty


def _skipped_sheet(tmp_path):
    """The annotation's own coding as a worksheet, with every field of the claim another claim answers left empty
    (the reviewer's skipped.yaml: c06 answers c04, and c04 is "not a claim" to this coder)."""
    ann, ws, sheet_id = annotations_own_sheet()
    answering = next(c for c in ws.claims if c["answers"])
    target = next(c for c in ws.claims if c["id"] == answering["answers"])
    target.update(actor=None, attribution=None, cue=None, frame=None, frame_secondary=None, entman=[], answers=None)
    p = tmp_path / "skipped.yaml"
    p.write_text(worksheet_yaml(ws), encoding="utf-8")
    return ann, p, answering["id"], target["id"], {v: k for k, v in sheet_id.items()}[target["id"]]


def test_an_answer_naming_a_row_left_empty_is_the_claim_at_its_words_and_the_coder_is_told(tmp_path):
    from exportrow.agreement import codings_sentence

    _, sheet, who, whom, claim = _skipped_sheet(tmp_path)
    assert who == "c01" and whom == "c02"  # the bundled sheet: c01, c15 and c22 answer c02
    result = agreement([paths.default_annotation(), sheet], fields=["answers"], n_boot=200)
    mine = result.values[result.values.coder == result.coders[1]].set_index("unit")
    assert claim in set(mine.answers)  # before: the bare sheet id, e.g. 'c04', against the annotation's claim id
    assert whom not in set(result.values.answers)
    assert result.disagreements.empty
    assert result.fields.iloc[0].alpha == 1.0
    line = ("skipped.yaml: c01, c15 and c22 answer c02, which you left empty; compared as answering the claim another "
            "coding has at its words, or as not coded where none has one")
    assert result.notes == [line] and line in result.text().splitlines()
    assert line in codings_sentence(result, [paths.default_annotation(), sheet])


def test_an_answer_naming_a_row_left_empty_that_no_coding_has_a_claim_at_is_missing():
    from exportrow.agreement import _values

    one = Coding(Path("1"), "one", "annotation", pd.DataFrame([
        {"claim_id": "a", "start": 0, "end": 10, "answers": None},
        {"claim_id": "b", "start": 20, "end": 30, "answers": "a"}]))
    two = Coding(Path("2"), "two", "worksheet", pd.DataFrame([
        {"claim_id": "c01", "start": 0, "end": 10, "answers": None},
        {"claim_id": "c02", "start": 20, "end": 30, "answers": "c05"},  # c05: empty, words nobody coded
        {"claim_id": "c03", "start": 40, "end": 50, "answers": "c04"}]),  # c04: empty, at claim a's words
        empty_rows={"c04": (2, 9), "c05": (60, 70)})
    values = _values(match_units([one, two]), [one, two]).set_index(["unit", "coder"])
    assert values.loc[("b", "one"), "answers"] == "a" and pd.isna(values.loc[("b", "two"), "answers"])
    assert values.loc[("c03", "two"), "answers"] == "a"
    assert values.loc[("a", "two"), "answers"] == "none"
