"""Review 16d: claims matched by the largest overlap overall (3), bootstrap ends shown to their precision (4), an
``answers`` naming a row the coder left empty (5)."""

from pathlib import Path

import pandas as pd

from exportrow import load_annotation, paths
from exportrow.agreement import Coding, agreement, match_units
from exportrow.worksheet import make_worksheet, worksheet_yaml


def _coding(coder, rows):
    return Coding(Path(coder), coder, "worksheet", pd.DataFrame(rows))


def _annotations_own_sheet():
    """A worksheet of the bundled article filled with the annotation's own coding, and its sheet ids by claim id."""
    ann = load_annotation()
    ws = make_worksheet(ann)
    by_start = {c["span"].start: c for c in ann.claims}
    sheet_id = {by_start[c["start"]]["id"]: c["id"] for c in ws.claims}
    for c in ws.claims:
        ref = by_start[c["start"]]
        c.update(actor=ref["actor"], attribution=ref["attribution"], cue=ref["cue"], frame=ref["frame"],
                 frame_secondary=ref.get("frame_secondary"), entman=list(ref.get("entman") or []),
                 answers=sheet_id.get(ref.get("answers")))
    return ann, ws, sheet_id


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
    ann, ws, _ = _annotations_own_sheet()
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
