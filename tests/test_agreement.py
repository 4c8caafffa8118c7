"""exportrow agree: alpha against published and hand-computed values, matching, bad input, notebook 04."""

import csv
import io
import json
import math
import re
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest
from conftest import FIXTURES, outputs_text

from exportrow import load_article, paths
from exportrow.agreement import (
    PERCENT_DEFINITION,
    Coding,
    agreement,
    alpha,
    field_table,
    find_codings,
    frame_reliability,
    implications,
    match_units,
)
from exportrow.errors import ExportrowError, UsageError
from exportrow.files import InputFileError
from exportrow.worksheet import WorksheetError, make_worksheet, worksheet_csv

NAME = "example-gazette-2021-03-03-freedonia-sylvania-fishing"
ARTICLE = FIXTURES / f"{NAME}.txt"
ANNOTATION = FIXTURES / f"{NAME}.yaml"
CODER_A = FIXTURES / f"{NAME}.coder-a.csv"
CODER_B = FIXTURES / f"{NAME}.coder-b.yaml"
THREE = [ANNOTATION, CODER_A, CODER_B]
n = None


def exportrow_cli(*args):
    return subprocess.run([sys.executable, "-m", "exportrow.cli", *map(str, args)], capture_output=True, text=True)


# ---------------------------------------------------------------- alpha itself


def test_alpha_reproduces_krippendorffs_worked_example():
    # Krippendorff, K. (2011). "Computing Krippendorff's Alpha-Reliability", Annenberg School for Communication,
    # University of Pennsylvania, section C "Nominal data, any number of observers, missing values": 4 observers,
    # 12 units, 7 values missing; nominal alpha = 0.743.
    data = [[1, 2, 3, 3, 2, 1, 4, 1, 2, n, n, n],
            [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, n, 3],
            [n, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, n],
            [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, n]]
    assert round(alpha(data), 3) == 0.743
    # the values are categories: as text they give the same alpha
    assert alpha([[None if v is None else f"code {v}" for v in row] for row in data]) == alpha(data)


def test_perfect_agreement_is_one():
    assert alpha([["a", "b", "a", "c"], ["a", "b", "a", "c"]]) == 1.0


def test_systematic_disagreement_is_negative():
    # Coincidences: every unit pairs 1 with 2, so o(1,2) = o(2,1) = 4 and o(1,1) = o(2,2) = 0; n1 = n2 = 4, n = 8.
    # alpha = 1 - (n - 1) * sum of o(c,k) for c != k / sum of n(c) n(k) for c != k = 1 - 7 * 8 / 32 = -0.75
    assert alpha([[1, 2, 1, 2], [2, 1, 2, 1]]) == pytest.approx(-0.75)


def test_missing_values_are_left_out():
    # Unit 4 has one value only and is not pairable. Units 1-3: o(1,1) = 2, o(1,2) = o(2,1) = 1, o(2,2) = 2;
    # n1 = n2 = 3, n = 6. alpha = 1 - 5 * 2 / (3 * 3 + 3 * 3) = 1 - 10/18 = 4/9
    assert alpha([[1, 1, 2, n], [1, 2, 2, 2]]) == pytest.approx(4 / 9)
    assert alpha([[1, 1, 2, n, n], [1, 2, 2, 2, n], [n, n, n, n, 1]]) == pytest.approx(4 / 9)


def test_alpha_is_undefined_without_variation_or_pairs():
    assert math.isnan(alpha([["a", "a", "a"], ["a", "a", "a"]]))
    assert math.isnan(alpha([["a", n], [n, "b"]]))


# ---------------------------------------------------------------- codings of the fixture article


@pytest.fixture(scope="module")
def three():
    return agreement(THREE, n_boot=200)


def test_fields_against_hand_computed_values(three):
    t = three.fields.set_index("field")
    # attribution, as the claims table shows it (review 5, finding 5): 7 pairable claims; 5 coded "indirect" by all
    # three; sy_prove_nothing, a quote of an unnamed official, coded direct_quote by the annotation and coder-a (as
    # the coding guide asks) and anonymous_source by coder-b, is anonymous_source for all three; one (unattributed,
    # unattributed) by the two coders who found it. No disagreeing pair: alpha 1.
    assert t.loc["attribution", "alpha"] == 1.0 and t.loc["attribution", "percent_agreement"] == 100.0
    # frame: values 7 (7 times), 5, 6, 14 (3 each), 1 (2), 2 (2); one claim coded (2, 7, 2): 2 disagreeing pairs.
    # alpha = 1 - 19 * 2 / (400 - (49 + 9 + 9 + 9 + 4 + 4)) = 1 - 38/316 = 0.87975, cut to 0.879
    assert t.loc["frame", "alpha"] == 0.879 and t.loc["frame", "verdict"] == "too few units"  # 7 < 10 units
    assert (t.loc["frame", "units"], t.loc["frame", "coders"]) == (7, 3)
    assert t.loc["side", "alpha"] == 1.0 and t.loc["actor", "alpha"] == 1.0
    assert t.loc["cue", "level"] == "text" and math.isnan(t.loc["cue", "alpha"])
    # "published" against "has published" twice on one claim of 7 (one agreeing pair of three): (6 + 1/3) / 7
    assert t.loc["cue", "percent_agreement"] == 90.5
    assert t.loc["entman.moral_evaluation", "verdict"] == "too few units"  # review 5, finding 16
    assert t.loc["entman.treatment_recommendation", "verdict"] == "undefined"  # nobody used it
    for r in t.itertuples():
        if not math.isnan(r.alpha):
            assert r.ci_low <= r.alpha + 1e-9 and r.alpha <= r.ci_high + 1e-9 or r.alpha == 1.0


def test_percent_agreement_is_pairwise_with_three_coders(three):
    # review 11b, finding 2: frame, 7 claims coded by two or more coders; six agree, one is coded (2, 7, 2): one
    # agreeing pair of three. Pairwise: (6 + 1/3) / 7 = 90.5 %, not unanimity's 6 / 7 = 85.7 %.
    t = three.fields.set_index("field")
    assert t.loc["frame", "percent_agreement"] == 90.5
    assert t.loc["answers", "percent_agreement"] == 90.5  # (none, x, x) on one claim of 7
    # six coders; unit 1: four give "a" and two "b": 6 + 1 = 7 agreeing pairs of 15; unit 2: all six agree
    values = pd.DataFrame({"unit": ["u1"] * 6 + ["u2"] * 6, "coder": list("pqrstu") * 2,
                           "frame": ["a", "a", "a", "a", "b", "b"] + ["c"] * 6})
    six = field_table(values, list("pqrstu"), ["frame"], n_boot=100).iloc[0]
    assert six.percent_agreement == round(100 * (7 / 15 + 1) / 2, 1) == 73.3  # unanimity would say 50.0
    # two coders: the share of claims they agree on, as before
    two = field_table(values[values.coder.isin(["p", "u"])], ["p", "u"], ["frame"], n_boot=100).iloc[0]
    assert two.percent_agreement == 50.0


def test_agree_legend_defines_percent_agreement(three):
    text = " ".join(three.text().split())
    assert ("agree %: pairwise percentage agreement, for each claim, the share of pairs of coders who gave it the "
            "same value among the pairs who both coded it, averaged over the claims") in text
    # notebook 04, section 3, and the glossary say the same
    nb = (paths.PROJECT_ROOT / "notebooks" / "04-coding-reliability.ipynb").read_text(encoding="utf-8")
    section = " ".join(next(c for c in json.loads(nb)["cells"] if "".join(c["source"]).startswith(
        "## 3. Agreement"))["source"].split())
    assert PERCENT_DEFINITION in section and "**percentage agreement** next to it is pairwise" in section
    glossary = " ".join((paths.PROJECT_ROOT / "docs" / "glossary.md").read_text(encoding="utf-8").split())
    assert "## Percentage agreement" in glossary and "among the pairs who both coded it" in glossary


def test_claims_only_some_coders_found(three):
    cov = three.coverage.set_index("unit")
    assert len(cov) == 8
    assert cov.loc["a1", "coders"] == "coder-a" and cov.loc["a1", "missing"] == "annotation; coder-b"
    assert cov.loc["outlet_catch", "missing"] == "coder-a"
    assert (cov.found_by == 3).sum() == 6


def test_disagreements_name_claim_quote_and_each_coders_value(three):
    d = three.disagreements
    row = d[(d.unit == "fr_patrols_work") & (d.field == "frame")].iloc[0]
    assert (row.quote, row["annotation"], row["coder-a"], row["coder-b"]) == (
        "the seizures show its patrols work", "2", "7", "2")
    assert set(d.field) == {"cue", "entman.moral_evaluation", "frame", "frame_secondary", "answers"}
    # the annotation was re-coded without fr_patrols_work's `answers`; both coders still give one
    row = d[(d.unit == "fr_patrols_work") & (d.field == "answers")].iloc[0]
    assert (row["annotation"], row["coder-a"], row["coder-b"]) == ("none", "sy_repeated_violations",
                                                                   "sy_repeated_violations")


def test_attribution_is_compared_as_the_claims_table_shows_it(tmp_path):
    """Review 5, finding 5: the annotation codes a quoted unnamed official `direct_quote` (the coding guide), the
    claims table shows `anonymous_source`, and a second coder who follows the worksheet codes `anonymous_source`:
    they agree."""
    from exportrow import load_annotation
    from exportrow.tables import claims
    from exportrow.worksheet import worksheet_yaml

    art = load_article(ARTICLE)
    ann = load_annotation(ANNOTATION, art)
    raw = {c["id"]: c["attribution"] for c in ann.claims}
    assert raw["sy_prove_nothing"] == "direct_quote"
    assert claims(art, ANNOTATION).set_index("claim_id").loc["sy_prove_nothing", "attribution"] == "anonymous_source"
    for coded in ("anonymous_source", "direct_quote"):  # as the worksheet describes it, or as the coding guide asks
        ws = make_worksheet(ann)
        by_start = {c["span"].start: c for c in ann.claims}
        for c in ws.claims:
            ref = by_start[c["start"]]
            c.update(actor=ref["actor"], attribution=coded if ref["id"] == "sy_prove_nothing" else ref["attribution"],
                     frame=ref["frame"])
        sheet = tmp_path / f"{coded}.yaml"
        sheet.write_text(worksheet_yaml(ws), encoding="utf-8")
        result = agreement([ANNOTATION, sheet], fields=["attribution"], n_boot=100)
        assert result.disagreements.empty, result.disagreements
        t = result.fields.set_index("field")
        assert (t.loc["attribution", "alpha"], t.loc["attribution", "percent_agreement"]) == (1.0, 100.0)
        v = result.values.set_index(["unit", "coder"]).attribution
        assert v.loc[("sy_prove_nothing", "annotation")] == v.loc[("sy_prove_nothing", coded)] == "anonymous_source"
    other = tmp_path / "other.yaml"  # a real difference is still one: unattributed against anonymous_source
    other.write_text(worksheet_yaml(ws).replace("attribution: direct_quote", "attribution: unattributed"),
                     encoding="utf-8")
    d = agreement([ANNOTATION, other], fields=["attribution"], n_boot=100).disagreements
    assert d[["unit", "annotation", "other"]].values.tolist() == [["sy_prove_nothing", "anonymous_source",
                                                                   "unattributed"]]


def test_answers_are_compared_through_the_matched_claims(three):
    v = three.values.set_index(["unit", "coder"])
    assert v.loc[("sy_prove_nothing", "annotation"), "answers"] == "fr_seizure_record"
    assert v.loc[("sy_prove_nothing", "coder-a"), "answers"] == "fr_seizure_record"  # the sheet said c01
    # answers: 7 pairable claims, n = 20 values: none 9, sy_unlicensed_trawlers 3, fr_seizure_record 3,
    # sy_prove_nothing 3, sy_repeated_violations 2. One claim coded (none, sy_repeated_violations,
    # sy_repeated_violations): 4 disagreeing ordered pairs / (3 - 1) = 2 disagreeing coincidences.
    # alpha = 1 - 19 * 2 / (20**2 - (9**2 + 3**2 + 3**2 + 3**2 + 2**2)) = 1 - 38/288 = 0.868
    assert three.fields.set_index("field").loc["answers", "alpha"] == 0.868


def test_confusion_table_for_two_coders():
    two = agreement([ANNOTATION, CODER_B], n_boot=200)
    c = two.confusion
    sec = c[c.field == "frame_secondary"].set_index(["value_a", "value_b"]).units
    assert sec.to_dict() == {("none", "6"): 1, ("none", "none"): 6}
    assert set(c.coder_a) == {"annotation"} and set(c.coder_b) == {"coder-b"}
    assert agreement(THREE, n_boot=200).confusion.empty  # three coders: no confusion table


def test_frame_reliability_for_notebook_03(three):
    fr = frame_reliability(three).set_index("frame")
    assert fr.loc["Capacity and resources", "verdict"] == "too few units"
    assert fr.loc["Legality, constitutionality and jurisprudence", "alpha"] == 1.0
    assert fr.loc["Crime and punishment", "claims"] == 3
    text = " ".join(implications(three, frame_reliability(three)))
    # three codings: "coded by two or more coders", not "coded twice" (eighth session)
    assert "Per frame: 7 claims coded by two or more coders are fewer than 10, so no frame gets a verdict yet." in text
    assert "**attribution**: alpha 1.000 on only 7 claims coded by two or more coders, fewer than 10" in text
    assert "claims coded twice, fewer" not in text


def test_outputs_are_byte_identical(tmp_path):
    a = agreement(THREE, n_boot=300).write(tmp_path / "a")
    b = agreement(THREE, n_boot=300).write(tmp_path / "b")
    assert [p.name for p in a] == ["agreement.csv", "coverage.csv", "disagreements.csv"]
    assert [p.read_bytes() for p in a] == [p.read_bytes() for p in b]


def test_fields_can_be_chosen():
    t = agreement(THREE, fields=["frame", "entman"], n_boot=200).fields
    assert t.field.tolist() == ["frame", "entman.problem_definition", "entman.causal_interpretation",
                                "entman.moral_evaluation", "entman.treatment_recommendation"]
    with pytest.raises(UsageError, match="unknown field 'frames'; did you mean 'frame'"):
        agreement(THREE, fields=["frames"])


def coding(coder, rows):
    return Coding(Path(coder), coder, "worksheet", pd.DataFrame(rows))


def test_claims_match_by_id_else_by_overlap():
    one = coding("one", [{"claim_id": "x", "start": 0, "end": 40}, {"claim_id": "y", "start": 10, "end": 20}])
    # "y" overlaps both of one's claims: the same id wins; "z" overlaps "x" most; "w" overlaps nothing
    two = coding("two", [{"claim_id": "z", "start": 0, "end": 12}, {"claim_id": "y", "start": 5, "end": 15},
                         {"claim_id": "w", "start": 50, "end": 60}])
    units = match_units([one, two])
    assert units[["unit", "coder", "claim_id"]].values.tolist() == [
        ["x", "one", "x"], ["x", "two", "z"], ["y", "one", "y"], ["y", "two", "y"], ["w", "two", "w"]]
    # the same id with no words in common is another claim
    three = coding("three", [{"claim_id": "x", "start": 100, "end": 110}])
    assert match_units([one, three]).unit.tolist() == ["x", "y", "x (three)"]


# ---------------------------------------------------------------- bad input


def test_fewer_than_two_codings():
    with pytest.raises(UsageError, match=r"agreement needs at least two codings, got 1 \(.*coder-a.csv\)"):
        agreement([CODER_A])


def test_missing_file():
    with pytest.raises(InputFileError, match="nope.csv: no such coding"):
        agreement([ANNOTATION, FIXTURES / "nope.csv"])


def test_same_file_twice():
    with pytest.raises(UsageError, match="the same file is named twice"):
        agreement([CODER_A, CODER_A])


def test_codings_of_different_articles():
    with pytest.raises(ExportrowError, match="the codings are of different articles") as info:
        agreement([paths.default_annotation(), CODER_A])
    assert info.value.exit_code == 1 and "sha256 2c3fd1aff400" in str(info.value)


def test_unknown_value_in_a_coding(tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text(CODER_B.read_text(encoding="utf-8").replace("frame: 2\n", "frame: 20\n"), encoding="utf-8")
    with pytest.raises(WorksheetError, match=r"claims\[4\] \(c05\): frame: unknown value '20'"):
        agreement([ANNOTATION, bad], article=ARTICLE)


def test_empty_worksheet(tmp_path):
    blank = tmp_path / "blank.csv"
    blank.write_text(worksheet_csv(make_worksheet(__import__("exportrow").load_annotation(ANNOTATION,
                                                                                          load_article(ARTICLE)))))
    with pytest.raises(WorksheetError, match="no claim is coded in it"):
        agreement([ANNOTATION, blank])
    empty = tmp_path / "empty.csv"
    empty.write_text("")
    with pytest.raises(WorksheetError, match="empty.csv: the file is empty"):
        agreement([ANNOTATION, empty])


def test_cli_prints_a_table_writes_csv_and_never_overwrites_foreign_files(tmp_path):
    out = tmp_path / "agree"
    res = exportrow_cli("agree", *THREE, "--out", out, "--bootstrap", 200)
    assert res.returncode == 0, res.stderr
    assert "Agreement of 3 codings (annotation, coder-a, coder-b) on 8 claims:" in res.stdout
    assert next(ln for ln in res.stdout.splitlines() if ln.startswith("frame ")).split()[1] == "0.879"
    assert "a1: 'Sylvania’s permit rules, tightened last month' found by coder-a" in res.stdout
    assert pd.read_csv(out / "agreement.csv").set_index("field").loc["attribution", "alpha"] == 1.0  # finding 5
    assert exportrow_cli("agree", *THREE, "--out", out, "--bootstrap", 200).returncode == 0  # our own files
    (out / "coverage.csv").write_text("someone's table\n")
    for force in ([], ["--force"]):  # one rule for output files: never a file exportrow did not write
        res = exportrow_cli("agree", *THREE, "--out", out, *force)
        assert res.returncode == 2 and "coverage.csv: exists and exportrow did not write it" in res.stderr
        assert (out / "coverage.csv").read_text() == "someone's table\n"


@pytest.mark.parametrize("args, code, message", [
    ([CODER_A], 2, "error: agreement needs at least two codings, got 1"),
    ([ANNOTATION, FIXTURES / "nope.csv"], 1, "nope.csv: no such coding"),
    ([paths.default_annotation(), CODER_B], 1, "error: the codings are of different articles"),
    ([ANNOTATION, CODER_B, "--fields", "colour"], 2, "error: unknown field 'colour'"),
])
def test_cli_bad_input_gets_one_clear_message(args, code, message, tmp_path):
    res = exportrow_cli("agree", *args, "--out", tmp_path / "o")
    assert res.returncode == code and message in res.stderr and "Traceback" not in res.stderr


# ---------------------------------------------------------------- end to end and notebook 04


def test_worksheet_to_filled_sheets_to_agree_to_notebook_04(tmp_path, run_notebook):
    assert exportrow_cli("worksheet", ANNOTATION, "--format", "csv", "--out", tmp_path / "blank.csv").returncode == 0
    rows = list(csv.reader(io.StringIO((tmp_path / "blank.csv").read_text(encoding="utf-8-sig"))))
    head = rows[0]
    codes = {"anna": ["7", "5", "7", "6", "2", "14", "1"], "ben": ["7", "5", "7", "6", "6", "14", "13"]}
    for coder, frames in codes.items():  # two students fill in actor, attribution and frame; a spreadsheet saves
        filled = [list(r) for r in rows]
        for r, frame in zip([r for r in filled[1:] if not r[0].startswith("#")], frames):
            r[head.index("actor")], r[head.index("attribution")], r[head.index("frame")] = "fr_gov", "indirect", frame
        buf = io.StringIO()
        csv.writer(buf, delimiter=";", lineterminator="\r\n").writerows(filled)
        (tmp_path / f"{coder}.csv").write_bytes(b"\xef\xbb\xbf" + buf.getvalue().encode())
    sheets = [tmp_path / "anna.csv", tmp_path / "ben.csv"]
    res = exportrow_cli("agree", *sheets, "--article", ARTICLE, "--out", tmp_path / "agree", "--fields", "frame")
    assert res.returncode == 0, res.stderr
    t = pd.read_csv(tmp_path / "agree" / "agreement.csv")
    # 7 claims, 2 disagree: values 7 (4), 5 (2), 6 (3), 14 (2), 2, 1, 13 (1 each); n = 14, 4 disagreeing pairs.
    # alpha = 1 - 13 * 4 / (14**2 - (16 + 4 + 9 + 4 + 1 + 1 + 1)) = 1 - 52/160 = 0.675
    assert t.alpha.tolist() == [0.675] and t.verdict.tolist() == ["too few units"]  # 7 claims: no verdict
    nb, out = run_notebook("04-coding-reliability", article_path=str(ARTICLE), annotation_path=str(ANNOTATION),
                           coding_paths=[str(p) for p in sheets])
    assert pd.read_csv(out / "agreement.csv").set_index("field").loc["frame", "alpha"] == 0.675
    confusion = pd.read_csv(out / "confusion.csv")
    assert set(confusion.coder_a) == {"anna"} and (out / "agreement.png").exists()
    assert "Comparing **2** codings (anna, ben) of **7** claims." in outputs_text(nb)


def test_notebook_04_on_the_fixture_finds_the_codings_beside_the_annotation(run_notebook):
    assert [p.name for p in find_codings(ANNOTATION)] == [ANNOTATION.name, CODER_A.name, CODER_B.name]
    nb, out = run_notebook("04-coding-reliability", article_path=str(ARTICLE), annotation_path=str(ANNOTATION))
    text = outputs_text(nb)
    assert "Comparing **3** codings (annotation, coder-a, coder-b) of **8** claims." in text
    assert "Per frame: 7 claims coded by two or more coders are fewer than 10, so no frame gets a verdict yet." in text
    assert sorted(p.name for p in out.iterdir()) == [".exportrow.json", "agreement.csv", "agreement.png",
                                                     "coverage.csv", "disagreements.csv", "frame-reliability.csv"]
    assert "South Korea" not in text and "Nikkei" not in text


def test_notebook_04_with_a_single_coding_says_so_and_succeeds(run_notebook):
    from exportrow import paths

    nb, out = run_notebook("04-coding-reliability", coding_paths=[str(paths.default_annotation())])
    text = outputs_text(nb)
    assert "Only one coding of this article was found" in text and "agreement needs two or more" in text
    assert list(out.iterdir()) == []


def test_notebook_04_bad_field_is_named(run_notebook):
    import papermill

    with pytest.raises(papermill.PapermillExecutionError, match="unknown field 'frames'; did you mean 'frame'"):
        run_notebook("04-coding-reliability", fields=["frames"])


def test_frame_reliability_from_files_and_with_one_coding():
    fr = frame_reliability(THREE)
    assert fr.set_index("frame_code").loc[2, "verdict"] == "too few units"
    assert frame_reliability([ANNOTATION]).empty and frame_reliability(None).empty


def test_a_worksheet_filled_with_the_annotations_own_coding_agrees_perfectly(tmp_path):
    # the bundled article: 24 claims matched by their words (the sheet's ids are c01 ...), answers translated
    from conftest import annotations_own_sheet

    from exportrow.worksheet import worksheet_yaml

    ann, ws, _ = annotations_own_sheet()
    p = tmp_path / "copy.yaml"
    p.write_text(worksheet_yaml(ws), encoding="utf-8")
    result = agreement([paths.default_annotation(), p], n_boot=100)
    assert len(result.coverage) == len(ann.claims) and (result.coverage.found_by == 2).all()
    t = result.fields
    assert set(t.percent_agreement) == {100.0} and set(t.alpha.dropna()) == {1.0}
    assert result.disagreements.empty


def test_hostile_coder_names_and_cues_are_escaped(tmp_path, monkeypatch):
    from exportrow.agreement import codings_sentence
    from exportrow.notebook import show

    text = CODER_B.read_text(encoding="utf-8").replace("coder:   ", 'coder: "<img src=x onerror=alert(1)>\\e[2J" #')
    text = text.replace("cue: published", 'cue: "<b>published</b>"')
    p = tmp_path / "evil.yaml"
    p.write_text(text, encoding="utf-8")
    result = agreement([ANNOTATION, p], n_boot=100)
    assert result.coders[1] == "<img src=x onerror=alert(1)>[2J"  # no control characters
    assert "<img" not in codings_sentence(result) and "&lt;img" in codings_sentence(result)
    html = show(result.disagreements)._repr_mimebundle_()["text/html"]
    assert "<img" not in html and "<b>" not in html and "&lt;b&gt;published" in html


def test_actor_lists_that_differ_are_flagged(tmp_path):
    text = CODER_B.read_text(encoding="utf-8").replace("  - {id: fr_gov,", "  - {id: freedonia,")
    p = tmp_path / "renamed.yaml"
    p.write_text(text.replace("actor: fr_gov", "actor: freedonia"), encoding="utf-8")
    result = agreement([ANNOTATION, p], n_boot=100)
    t = result.fields.set_index("field")
    assert t.loc["actor", "note"] == "codings use different actor lists: compare side instead"
    assert t.loc["side", "alpha"] == 1.0 and math.isnan(t.loc["actor", "alpha"])  # ids that differ: no alpha
    assert t.loc["actor", "verdict"] == "not comparable"
    assert agreement(THREE, n_boot=100).fields.set_index("field").loc["actor", "verdict"] == "too few units"


def test_the_summary_lists_at_most_20_partly_found_claims_and_counts_the_rest():  # review 8, finding 14
    import dataclasses

    from exportrow.agreement import PARTIAL_SHOWN

    res = agreement(THREE, n_boot=50)
    one = res.coverage[res.coverage.missing != ""].iloc[:1]
    many = pd.concat([one.assign(unit=f"a{i:04d}") for i in range(1992)], ignore_index=True)
    lines = dataclasses.replace(res, coverage=many).text().splitlines()
    listed = [ln for ln in lines if ln.startswith("  a") and " found by " in ln]
    assert PARTIAL_SHOWN == 20 and len(listed) == 20 and listed[0].startswith("  a0000: ")
    assert "1992 claim(s) only some coders found:" in lines
    assert "  ... and 1972 more: see coverage.csv" in lines
    assert len(lines) < 60
    assert not any("more: see coverage.csv" in ln for ln in res.text().splitlines())  # a short list is all there


def _sheet_as_annotation(tmp_path, name, optional: bool):
    """A CSV worksheet of the fixture filled as the annotation codes it; ``optional``: also frame_secondary, entman
    and answers, else those left empty on every row (a pair that skipped them)."""
    from exportrow import load_annotation

    ann = load_annotation(ANNOTATION, load_article(ARTICLE))
    ws = make_worksheet(ann)
    by_start = {c["span"].start: c for c in ann.claims}
    ids = {by_start[w["start"]]["id"]: w["id"] for w in ws.claims}
    for c in ws.claims:
        ref = by_start[c["start"]]
        c.update(actor=ref["actor"], attribution=ref["attribution"], cue=ref["cue"], frame=ref["frame"])
        if optional:
            c.update(frame_secondary=ref.get("frame_secondary"), entman=list(ref.get("entman") or []),
                     answers=ids.get(ref.get("answers")))
    sheet = tmp_path / f"{name}.csv"
    sheet.write_text(worksheet_csv(ws), encoding="utf-8")
    return sheet


def test_a_field_left_empty_on_every_claim_reads_as_none_with_a_note(tmp_path):
    # review 12, M3 (was review 11b, finding 3): empty means none, as the sheet says; a coder left out of a field
    # left empty on every claim hid real disagreement. A note now names the field and the --fields that leaves it out.
    from exportrow.agreement import codings_sentence

    full = _sheet_as_annotation(tmp_path, "full", optional=True)
    blanks = _sheet_as_annotation(tmp_path, "blanks", optional=False)
    result = agreement([ANNOTATION, full, blanks], n_boot=100)
    t = result.fields.set_index("field")
    for fld in ["entman.problem_definition", "entman.moral_evaluation", "answers", "frame_secondary"]:
        assert t.loc[fld, "coders"] == 3, fld  # blanks counts, as "none" / "absent"
    assert t.loc["frame_secondary", "percent_agreement"] == 100.0  # nobody gives the fixture a secondary frame
    assert t.loc["frame", "coders"] == 3 and t.loc["frame", "percent_agreement"] == 100.0
    v = result.values.set_index(["unit", "coder"])
    unit = "fr_seizure_record"
    assert v.loc[(unit, "blanks"), "answers"] == "none" and v.loc[(unit, "full"), "answers"] == "sy_unlicensed_trawlers"
    assert v.loc[(unit, "blanks"), "frame_secondary"] == "none"
    assert set(result.disagreements.field) >= {"answers"}  # the disagreement the old rule hid
    assert v.loc[(unit, "blanks"), "frame"] == v.loc[(unit, "annotation"), "frame"]
    line = ("blanks left frame_secondary, entman.*, answers empty on every claim: read as 'none' and 'absent' "
            "everywhere (the sheet's rule); if the pair skipped these fields, leave them out with --fields actor side "
            "attribution cue frame")
    assert result.notes == ["full left frame_secondary empty on every claim: read as 'none' everywhere (the sheet's "
                            "rule); if the pair skipped this field, leave it out with --fields actor side attribution "
                            "cue frame entman answers", line]
    assert line in result.text()
    assert ("blanks left frame\\_secondary, entman.\\*, answers empty on every claim: read as 'none' and 'absent' "
            "everywhere") in codings_sentence(result)
    assert [c.skipped for c in result.codings] == [(), ("frame_secondary",), ("frame_secondary", "entman", "answers")]
    only = agreement([ANNOTATION, full, blanks], fields=["frame", "answers"], n_boot=100)
    assert only.notes == ["blanks left answers empty on every claim: read as 'none' everywhere (the sheet's rule); "
                          "if the pair skipped this field, leave it out with --fields frame"]
    again = agreement([ANNOTATION, full, blanks], fields=["actor", "side", "attribution", "cue", "frame"], n_boot=100)
    assert again.notes == [] and list(again.fields.field) == ["actor", "side", "attribution", "cue", "frame"]


def test_cli_names_the_fields_a_coder_left_empty(tmp_path):
    blanks = _sheet_as_annotation(tmp_path, "blanks", optional=False)
    run = exportrow_cli("agree", ANNOTATION, blanks, "--out", tmp_path / "out", "--bootstrap", 100)
    assert run.returncode == 0, run.stderr
    assert ("blanks left frame_secondary, entman.*, answers empty on every claim: read as 'none' and 'absent' "
            "everywhere (the sheet's rule); if the pair skipped these fields, leave them out with --fields actor side "
            "attribution cue frame") in run.stdout
    rows = {r["field"]: r for r in csv.DictReader(io.StringIO((tmp_path / "out" / "agreement.csv").read_text()))}
    assert rows["answers"]["coders"] == "2" and rows["answers"]["units"] != "0"
    assert rows["answers"]["verdict"] != "undefined" or rows["answers"]["note"] != "no claim coded by two coders"


def test_teaching_tells_pairs_who_skipped_optional_fields_to_leave_them_out_with_fields():
    # review 12, M3: empty now means none, so a class that skipped the optional fields must pass --fields
    text = (Path(__file__).parents[1] / "docs" / "teaching.md").read_text(encoding="utf-8")
    row = next(ln for ln in text.splitlines() if "if time allows" in ln)
    command = re.search(r"`(exportrow agree class/\*\.csv --fields [^`]+)`", row).group(1)
    fields = command.split("--fields ")[1].split()
    assert fields == ["actor", "side", "attribution", "cue", "frame", "entman"]
    from exportrow.agreement import _fields

    assert "frame_secondary" not in _fields(fields) and "answers" not in _fields(fields)
    assert '"not coded"' not in row and "means none" in row


def test_a_frame_on_fewer_than_10_claims_gets_no_verdict_however_many_claims_were_coded_twice():
    """Review rv13c #6: on the bundled article (24 claims coded twice), Economic, given to 1 claim, was "reliable,
    1.000 (1.000 to 1.000)" and Capacity and resources, 1 claim, "unreliable, 0.000" and flagged in notebook 03."""
    from exportrow import claims, framing, paths
    from exportrow.agreement import frame_warning, weak_frames

    files = find_codings(paths.default_annotation())
    fr = frame_reliability(files).set_index("frame")
    assert fr.loc["Economic", ["alpha", "ci_low", "ci_high", "units", "claims"]].tolist() == [1.0, 1.0, 1.0, 24, 1]
    assert fr.loc["Economic", "verdict"] == fr.loc["Capacity and resources", "verdict"] == "too few units"
    assert fr.loc["Legality, constitutionality and jurisprudence", "verdict"] == "too few units"  # 2 claims
    # claims coded by both coders only (rev16d #2): 8, 6 and 7 of the 9, 10 and 12 claims any coder gave the frame
    assert (fr.loc["Policy prescription and evaluation", "claims"], fr.loc["Policy prescription and evaluation",
                                                                           "verdict"]) == (8, "too few units")
    assert fr.loc["External regulation and reputation", ["alpha", "claims", "verdict"]].tolist() == [
        0.752, 6, "too few units"]  # was "tentative" on 10 claims, 4 of them coded by one coder only
    assert fr.loc["Crime and punishment", ["alpha", "claims", "verdict"]].tolist() == [0.782, 7, "too few units"]
    assert set(fr[fr.claims < 10].verdict) == {"too few units"} and (fr.claims < 10).all()
    # notebook 03: no "coders differ" flag on a frame that one claim decides; the frames too few claims carry named
    frames = claims().pipe(framing.frame_counts, ["seoul", "tokyo"])
    assert weak_frames(fr.reset_index(), frames) == {}
    warning = frame_warning(fr.reset_index(), frames, files)
    assert warning.startswith("**Too few claims to judge agreement per frame.** Another coding of this article exists, "
                              "but every frame drawn here is given to fewer than 10 claims coded by two or more coders")
    assert "0.000" not in warning and "reaches alpha" not in warning
    # notebook 04, section 7
    text = " ".join(implications(agreement(files), fr.reset_index()))
    assert "Per frame: Economic (1 claim); Capacity and resources (1 claim); Legality, constitutionality and " \
           "jurisprudence (1 claim);" in text
    assert "are given to fewer than 10 claims coded by two or more coders, so they get no verdict" in text
    assert "Frames the coders did not apply alike" not in text  # Capacity and resources 0.000, Political 0.651
    assert "The other frames" not in text and "reach alpha 0.667" not in text


def test_frame_warning_when_no_drawn_frame_has_enough_claims():
    from exportrow.agreement import frame_warning

    per_frame = pd.DataFrame({"frame": ["Economic", "Political"], "alpha": [1.0, 0.0], "units": [24, 24],
                              "claims": [1, 2], "verdict": ["too few units"] * 2})
    text = frame_warning(per_frame)
    assert text.startswith("**Too few claims to judge agreement per frame.** Another coding of this article exists, "
                           "but every frame drawn here is given to fewer than 10 claims coded by two or more coders")
    mixed = per_frame.assign(claims=[1, 12], alpha=[1.0, 0.41], verdict=["too few units", "unreliable"])
    text = frame_warning(mixed)
    assert "Political (alpha 0.410) stays below 0.667" in text
    assert text.endswith("Economic (1 claim) is given to fewer than 10 claims coded by two or more coders, so it gets "
                         "no verdict: on so few claims one claim coded otherwise moves alpha a lot (notebook 04, "
                         "section 6).")


def test_an_entman_function_on_fewer_than_10_claims_gets_no_verdict_however_many_claims_were_coded_twice():
    """Review rev16c #3: notebook 04 rated entman.treatment_recommendation "reliable, 1.000 (1.000 to 1.000)" on the
    bundled article, where each coding gives it to one claim, the same one: that claim decided alpha. The minimum
    frames have (claims that carry the value) holds for the Entman functions, with a note giving the count."""
    from exportrow.plot_agreement import alpha_chart

    result = agreement(find_codings(paths.default_annotation()))
    t = result.fields.set_index("field")
    tr = t.loc["entman.treatment_recommendation"]
    assert [tr.alpha, tr.ci_low, tr.ci_high, tr.units, tr.claims, tr.verdict] == [1.0, 1.0, 1.0, 24, 1,
                                                                                  "too few units"]
    assert tr.note.startswith("only 1 claim coded by two or more coders carries it (marked present by at least one "
                              "of them); exportrow gives a verdict from 10: alpha and its interval judge nothing yet")
    ci = t.loc["entman.causal_interpretation"]
    assert [ci.claims, ci.verdict] == [5, "too few units"]
    assert ci.note.startswith("only 5 claims coded by two or more coders carry it")
    assert t.loc["entman.moral_evaluation", ["claims", "verdict"]].tolist() == [10, "reliable"]  # 10: judged
    # 11 claims any coder marked, 9 of them coded by both (rev16d #2): no verdict
    assert t.loc["entman.problem_definition", ["claims", "verdict"]].tolist() == [9, "too few units"]
    assert t.claims[~t.index.str.startswith("entman.")].isna().all()  # not a present/absent field: no count
    fig, alt = alpha_chart(result.fields)
    labels = [x.get_text() for ax in fig.axes for x in ax.texts]
    assert "1.000 (too few units: 1 claim coded twice carries it)" in labels
    assert "0.706 (too few units: 5 claims coded twice carry it)" in labels
    assert ("entman.treatment_recommendation: alpha 1.000 (95% interval 1.00 to 1.00), too few units: 1 claim "
            "coded twice carries it") in alt
    assert "5 of which carry it" in implications(result)[-1]  # the widest interval, causal_interpretation's
    # frames keep the same rule, from the same code: field_table with present_absent
    fr = frame_reliability(result).set_index("frame")
    assert fr.loc["Economic", ["claims", "verdict"]].tolist() == [1, "too few units"]


def test_an_entman_function_nobody_marks_stays_undefined_and_agree_reads_its_older_table(tmp_path):
    """No claim carries it: alpha is undefined (every coder used 'absent'), not 'too few units'; and an
    agreement.csv written before the claims column is still recognised as agree's own table."""
    from exportrow.agreement import _ours

    values = pd.DataFrame({"unit": [f"u{k}" for k in range(12)] * 2, "coder": ["a"] * 12 + ["b"] * 12,
                           "entman.moral_evaluation": ["absent"] * 24})
    r = field_table(values, ["a", "b"], ["entman.moral_evaluation"], n_boot=50).iloc[0]
    assert (r.claims, r.verdict) == (0, "undefined")
    old = tmp_path / "agreement.csv"
    old.write_text("field,level,alpha,ci_low,ci_high,percent_agreement,units,coders,verdict,note\n", encoding="utf-8")
    assert _ours(old)


def test_agree_help_states_the_bootstrap_range_it_enforces(tmp_path, capsys):
    # rev17b, finding 6: the help gave only the default, and --bootstrap 1 was then refused with the range
    from exportrow.cli import build_parser, main
    from exportrow.coding_fields import MAX_BOOT, MIN_BOOT, N_BOOT

    agree = build_parser()._subparsers._group_actions[0].choices["agree"]
    option = next(a for a in agree._actions if "--bootstrap" in a.option_strings)
    assert option.help == (f"bootstrap resamples for the confidence interval, {MIN_BOOT} to {MAX_BOOT} "
                           f"(default {N_BOOT})")
    assert (MIN_BOOT, MAX_BOOT, N_BOOT) == (100, 100_000, 10_000)
    for n in (MIN_BOOT - 1, MAX_BOOT + 1):  # just outside the range the help states: refused with that range
        assert main(["agree", *map(str, THREE), "--out", str(tmp_path / "ag"), "--bootstrap", str(n)]) == 2
        assert capsys.readouterr().err == f"error: --bootstrap must be between 100 and 100000, not {n}\n"
    assert not (tmp_path / "ag").exists()
