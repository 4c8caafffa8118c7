"""Review rev16d: the carrying-claims minimum counted claims only one coder coded (#2); the resamples left out of an
interval were not counted in its note (#1).

Codings are built in memory: 12 claims both coders code, plus claims only the first coder found.
"""

from pathlib import Path

import pandas as pd

from exportrow.agreement import Coding, agreement, field_table, frame_reliability, frame_warning, implications

#: Both coders: claim 0 in frame 1 (Economic), the 11 others in frame 2 (Capacity and resources).
SHARED = [1] + [2] * 11


def _coding(coder: str, frames: list[int], first: int = 0) -> Coding:
    rows = [{"claim_id": f"c{first + i:02d}", "start": 100 * (first + i), "end": 100 * (first + i) + 50,
             "quote": f"claim {first + i}", "frame": f} for i, f in enumerate(frames)]
    return Coding(Path(f"river.{coder}.yaml"), coder, "annotation", pd.DataFrame(rows))


def _extras(n: int = 10):
    """The first coder also codes ``n`` claims of frame 1 that the second coder did not find."""
    anna = _coding("anna", SHARED)
    anna.claims = pd.concat([anna.claims, _coding("anna", [1] * n, first=len(SHARED)).claims], ignore_index=True)
    return agreement([anna, _coding("ben", SHARED)], fields=["frame"], n_boot=500)


# ---------------------------------------------------------------- 2: claims only one coder coded do not count


def test_a_frame_one_coder_gave_to_claims_the_other_did_not_code_gets_no_verdict():
    """Before: Economic, carried by 11 claims of which only 1 was coded by both, was "reliable, 1.0 (1.00 to 1.00)"."""
    result = _extras()
    assert len(result.coverage) == 22 and (result.coverage.missing == "ben").sum() == 10
    fr = frame_reliability(result).set_index("frame")
    econ = fr.loc["Economic"]
    assert [econ.alpha, econ.ci_low, econ.ci_high, econ.units, econ.claims, econ.verdict] == [
        1.0, 1.0, 1.0, 12, 1, "too few units"]
    # the frame the coders both gave to 11 claims keeps its verdict
    assert fr.loc["Capacity and resources", ["claims", "verdict"]].tolist() == [11, "reliable"]
    text = " ".join(implications(result, fr.reset_index()))
    assert ("Per frame: Economic (1 claim) is given to fewer than 10 claims coded by two or more coders, so it gets "
            "no verdict") in text
    assert "The other frame (Capacity and resources) reaches alpha 0.667 or more." in text
    assert "Economic" not in text.split("The other frame")[1]
    warning = frame_warning(fr.reset_index())
    assert warning.startswith("Another coding of this article exists: every frame drawn here with enough claims to "
                              "judge (Capacity and resources) reaches alpha 0.667 or more")
    assert "Economic (1 claim) is given to fewer than 10 claims coded by two or more coders" in warning


def test_the_count_is_the_same_with_or_without_claims_one_coder_found():
    alone = frame_reliability(agreement([_coding("anna", SHARED), _coding("ben", SHARED)], fields=["frame"],
                                        n_boot=500))
    assert alone.equals(frame_reliability(_extras()))


def test_an_entman_function_counts_only_claims_coded_by_two_or_more_coders():
    """12 claims coded by both (one of them present for both), 10 more marked present by coder a alone."""
    fld = "entman.treatment_recommendation"
    shared = {"unit": [f"u{k}" for k in range(12)] * 2, "coder": ["a"] * 12 + ["b"] * 12,
              fld: (["present"] + ["absent"] * 11) * 2}
    alone = {"unit": [f"x{k}" for k in range(10)], "coder": ["a"] * 10, fld: ["present"] * 10}
    values = pd.concat([pd.DataFrame(shared), pd.DataFrame(alone)], ignore_index=True)
    r = field_table(values, ["a", "b"], [fld], n_boot=200).iloc[0]
    assert [r.alpha, r.units, r.claims, r.verdict] == [1.0, 12, 1, "too few units"]
    assert r.note.startswith("only 1 claim coded by two or more coders carries it")
    # three coders: a claim two of them coded counts, whichever marked it; one only the third coded does not
    three = pd.DataFrame({"unit": ["y0", "y0", "y1"], "coder": ["a", "c", "c"], fld: ["absent", "present", "present"]})
    assert field_table(pd.concat([values, three]), ["a", "b", "c"], [fld], n_boot=50).claims.iloc[0] == 2


def test_notebook_03_gives_the_frame_fields_verdict_when_no_frame_has_one_of_its_own():
    """The bundled pair: every frame is on fewer than 10 claims coded by both (before: two frames got "tentative" on
    7 and 6 such claims). Notebook 03 says so, and gives the frames' alpha as a whole, as notebook 04 reads it."""
    from exportrow import paths
    from exportrow.agreement import compare, find_codings

    files = find_codings(paths.default_annotation())
    result = compare(files, fields=["frame"])
    per_frame = frame_reliability(result)
    assert set(per_frame.verdict) == {"too few units"} and per_frame.claims.max() == 8
    text = frame_warning(per_frame, None, files, result)
    assert text.startswith("**Too few claims to judge agreement per frame.** Another coding of this article exists, "
                           "but every frame drawn here is given to fewer than 10 claims coded by two or more coders")
    assert text.endswith("notebook 04 shows where the coders differ. Taken together, the frames reach alpha 0.745 on "
                         "24 claims coded twice (tentative, as notebook 04 says).")
    said = implications(compare(files), per_frame)
    assert any(s.startswith("**frame**: alpha 0.745 (tentative") for s in said)


# ---------------------------------------------------------------- 1: the resamples left out of an interval, counted


def _one_present(n_units: int = 24):
    """``n_units`` claims coded by two coders, of which both mark one (the first) present: the resamples that do not
    draw it have no variation (about (1 - 1/n)^n of them, 36 % at 24 claims)."""
    fld = "entman.treatment_recommendation"
    return fld, pd.DataFrame({"unit": [f"u{k}" for k in range(n_units)] * 2, "coder": ["a"] * n_units + ["b"] * n_units,
                              fld: (["present"] + ["absent"] * (n_units - 1)) * 2})


def test_the_note_says_how_many_resamples_had_no_variation():
    import numpy as np

    from exportrow.agreement import _bootstrap, _matrix, _value_counts

    fld, values = _one_present()
    r = field_table(values, ["a", "b"], [fld], n_boot=1000, seed=15).iloc[0]
    # the count is _bootstrap's own, not typed: the same resamples
    left_out = _bootstrap(_value_counts(_matrix(values, ["a", "b"], fld)[1]), "nominal", 1000, 15)[2]
    assert 300 < left_out < 420  # about 36 % of them
    assert r.note.endswith(f"; {left_out} of 1,000 resamples had no variation and were left out of the interval")
    # the same count, computed independently: resamples (seed 15) that never draw the one claim marked present
    picks = np.random.default_rng(15).integers(0, 24, size=(1000, 24))
    assert left_out == int((picks != 0).all(axis=1).sum())
    # frames: the same note, from the same code
    result = agreement([_coding("anna", SHARED), _coding("ben", SHARED)], fields=["frame"], n_boot=1000)
    econ = frame_reliability(result).set_index("frame").loc["Economic"]
    assert "of 1,000 resamples had no variation and were left out of the interval" in econ.note
    assert "note" in frame_reliability(result).columns


def test_a_few_resamples_without_variation_are_not_noted_and_the_legend_says_the_rule():
    from exportrow import paths
    from exportrow.agreement import NOTED_SHARE, find_codings, interval_legend

    fld, values = _one_present(24)
    many = pd.DataFrame({"unit": [f"u{k}" for k in range(24)] * 2, "coder": ["a"] * 24 + ["b"] * 24,
                         fld: (["present"] * 12 + ["absent"] * 12) * 2})  # half of them vary: none left out
    assert field_table(many, ["a", "b"], [fld], n_boot=1000).note.iloc[0] == ""
    assert NOTED_SHARE == 0.01
    result = agreement(find_codings(paths.default_annotation()))
    t = result.fields.set_index("field")
    assert t.loc["entman.treatment_recommendation", "note"].endswith(
        "of 10,000 resamples had no variation and were left out of the interval")
    assert "resamples" not in t.loc["side", "note"]  # no resample of side lacks variation
    assert "a field's note says how many when they are 1% or more of them" in interval_legend(result)
    assert result.text().count("Resamples in which every coder used one value") == 1
