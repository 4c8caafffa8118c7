"""exportrow worksheet: a blank coding sheet from any annotation, read back from YAML or a spreadsheet's CSV."""

import csv
import io
import re
import subprocess
import sys

import pytest
import yaml
from conftest import FIXTURES

from exportrow import load_annotation, load_article, paths
from exportrow.errors import UsageError
from exportrow.worksheet import (
    CSV_COLUMNS,
    WorksheetError,
    _parse,
    is_worksheet,
    make_worksheet,
    read_worksheet,
    worksheet_csv,
    worksheet_yaml,
    write_worksheet,
)

NAME = "example-gazette-2021-03-03-freedonia-sylvania-fishing"
ARTICLE = FIXTURES / f"{NAME}.txt"
ANNOTATION = FIXTURES / f"{NAME}.yaml"
CODER_A = FIXTURES / f"{NAME}.coder-a.csv"
CODER_B = FIXTURES / f"{NAME}.coder-b.yaml"


@pytest.fixture(scope="module")
def art():
    return load_article(ARTICLE)


@pytest.fixture(scope="module")
def ann(art):
    return load_annotation(ANNOTATION, art)


def exportrow_cli(*args, cwd=None):
    return subprocess.run([sys.executable, "-m", "exportrow.cli", *map(str, args)], capture_output=True, text=True,
                          cwd=cwd)


def test_blank_worksheet_lists_claims_in_article_order_with_empty_coding(ann):
    ws = make_worksheet(ann)
    assert [c["id"] for c in ws.claims] == [f"c0{k}" for k in range(1, 8)]
    assert [c["start"] for c in ws.claims] == sorted(c["span"].start for c in ann.claims)
    first = ws.claims[0]
    assert first["quote"] == "its record of seized fishing boats"  # the claim's content, without its frame
    assert first["context"].endswith("that it lets unlicensed trawlers work the shared bay.")
    for c in ws.claims:
        assert (c["actor"], c["attribution"], c["cue"], c["frame"], c["frame_secondary"], c["entman"],
                c["answers"]) == (None, None, None, None, None, [], None)
    assert [a["id"] for a in ws.actors] == [a["id"] for a in ann.actors]
    assert ws.coded == []


def test_yaml_form_names_guide_article_and_allowed_values(ann, art):
    text = worksheet_yaml(make_worksheet(ann))
    doc = yaml.safe_load(text)
    assert doc["exportrow_worksheet"] == 1 and doc["coding_guide"] == "exportrow/coding-guide.md"
    assert (paths.PROJECT_ROOT / doc["coding_guide"]).exists()
    assert doc["article"] == {"file": ARTICLE.name, "sha256": art.sha256, "title": art.title}
    assert doc["allowed"]["attribution"] == ["direct_quote", "indirect", "anonymous_source", "unattributed"]
    assert doc["allowed"]["frame"][14] == "External regulation and reputation"
    assert {"id": "sy_official", "side": "sylvania", "name": "A Sylvanian official (unnamed)"} in doc["actors"]
    assert doc["claims"][3]["quote"] == "prove nothing about the boats that were never stopped."


def test_csv_form_opens_in_a_spreadsheet(ann):
    rows = list(csv.reader(io.StringIO(worksheet_csv(make_worksheet(ann)))))
    assert tuple(rows[0]) == CSV_COLUMNS
    assert [r[0] for r in rows[1:]] == ["#worksheet", "#article", "#allowed", *[f"c0{k}" for k in range(1, 8)]]
    assert all(len(r) == len(CSV_COLUMNS) for r in rows)
    allowed = dict(zip(rows[0], rows[3]))
    assert "sy_official: A Sylvanian official (unnamed) [sylvania]" in allowed["actor"].splitlines()
    assert "5 Legality, constitutionality and jurisprudence" in allowed["frame"].splitlines()
    assert "coding-guide.md" in rows[1][3]


def scrambled_annotation(tmp_path):
    """The fixture annotation with every claim coded differently (ids too): a worksheet must not change."""
    doc = yaml.safe_load(ANNOTATION.read_text(encoding="utf-8"))
    for k, c in enumerate(doc["claims"]):
        c.update(id=f"other_{k}", actor="outlet", attribution="unattributed", cue="reportedly", frame=15,
                 frame_secondary=3, entman=["treatment_recommendation"])
        c.pop("answers", None)
    for e in doc["events"]:
        e.pop("claim", None)
    p = tmp_path / "scrambled.yaml"
    p.write_text(yaml.safe_dump(doc, allow_unicode=True), encoding="utf-8")
    return p


def test_worksheet_never_contains_the_reference_coding(ann, art, tmp_path):
    other = load_annotation(scrambled_annotation(tmp_path), art)
    assert [c["frame"] for c in other.claims] != [c["frame"] for c in ann.claims]
    for render in (worksheet_yaml, worksheet_csv):
        assert render(make_worksheet(ann)) == render(make_worksheet(other))
    # and the bundled annotation's own claim ids (which name the side: kr_..., jp_...) never appear
    seed = load_annotation()
    text = worksheet_yaml(make_worksheet(seed)) + worksheet_csv(make_worksheet(seed))
    assert [c["id"] for c in seed.claims if c["id"] in text] == []
    claims = yaml.safe_load(worksheet_yaml(make_worksheet(seed)))["claims"]
    assert all(c["frame"] is None and c["actor"] is None and c["entman"] == [] for c in claims)


def test_blank_worksheet_read_back_is_an_empty_worksheet(ann, art, tmp_path):
    for fmt in ("yaml", "csv"):
        p = write_worksheet(make_worksheet(ann), tmp_path / f"blank.{fmt}", fmt)
        assert is_worksheet(p)
        with pytest.raises(WorksheetError, match="no claim is coded in it"):
            read_worksheet(p, art)


def test_spreadsheet_resave_reads_back(art):
    raw = CODER_A.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf") and b";" in raw.split(b"\n")[0] and b"\r\n" in raw  # as Excel saves it
    ws = read_worksheet(CODER_A, art)
    assert ws.coder == f"{NAME}.coder-a"  # no coder: line in a CSV: the file name
    coded = {c["id"]: c for c in ws.coded}
    assert sorted(coded) == ["a1", "c01", "c02", "c03", "c04", "c05", "c06"]
    c05 = coded["c05"]
    assert (c05["actor"], c05["side"], c05["attribution"], c05["cue"], c05["frame"], c05["entman"],
            c05["answers"]) == ("fr_gov", "freedonia", "indirect", "argues", 7, ["moral_evaluation"], "c03")
    assert coded["a1"]["span"].text == "Sylvania\u2019s permit rules, tightened last month"  # a claim the coder added
    assert coded["a1"]["note"] == "=is a rule a claim? ask the class"  # the formula guard is dropped on reading


def test_yaml_worksheet_reads_back(art):
    ws = read_worksheet(CODER_B, art)
    coded = {c["id"]: c for c in ws.coded}
    assert len(coded) == 7
    assert coded["c06"]["frame_secondary"] == 6 and coded["c02"]["entman"] == ["problem_definition",
                                                                              "moral_evaluation"]


def test_formula_cells_are_guarded_and_restored(ann, art, tmp_path):
    ws = make_worksheet(ann)
    ws.claims[0]["note"] = "=HYPERLINK(\"http://x\")"
    ws.claims[0].update(actor="fr_gov", frame=7)
    text = worksheet_csv(ws)
    assert "'=HYPERLINK" in text and ",=HYPERLINK" not in text
    p = tmp_path / "f.csv"
    p.write_text(text, encoding="utf-8")
    assert read_worksheet(p, art).claims[0]["note"] == "=HYPERLINK(\"http://x\")"


def filled_csv(ann, tmp_path, **cells):
    rows = list(csv.reader(io.StringIO(worksheet_csv(make_worksheet(ann)))))
    row = rows[4]
    for k, v in {"actor": "fr_gov", "attribution": "indirect", "frame": "7", **cells}.items():
        row[rows[0].index(k)] = v
    p = tmp_path / "filled.csv"
    buf = io.StringIO()
    csv.writer(buf, lineterminator="\n").writerows(rows)
    p.write_text(buf.getvalue(), encoding="utf-8")
    return p


def test_unknown_values_are_named_with_the_fix(ann, art, tmp_path):
    p = filled_csv(ann, tmp_path, actor="fr_gv", attribution="quoted", frame="99", moral_evaluation="maybe",
                   answers="c99")
    with pytest.raises(WorksheetError) as info:
        read_worksheet(p, art)
    msg = str(info.value)
    assert "5 problems" in msg and "row 5 (c01): actor: unknown value 'fr_gv'; did you mean 'fr_gov'?" in msg
    assert "attribution: unknown value 'quoted'" in msg and "frame: unknown value '99'; write a frame code" in msg
    assert "moral_evaluation: unknown value 'maybe'; write x" in msg and "answers: unknown claim id 'c99'" in msg


def test_frame_written_with_its_name_is_accepted(ann, art, tmp_path):
    ws = read_worksheet(filled_csv(ann, tmp_path, frame="7 Crime and punishment", frame_secondary="Morality"), art)
    assert (ws.coded[0]["frame"], ws.coded[0]["frame_secondary"]) == (7, 3)


def test_edited_quote_is_refused_with_the_nearest_passage(ann, art, tmp_path):
    p = filled_csv(ann, tmp_path, quote="Freedonia has released its record")
    with pytest.raises(WorksheetError, match="quote: not in the article: 'Freedonia has released its record'; "
                                             "nearest passage: 'Freedonia has published its record'"):
        read_worksheet(p, art)


def test_worksheet_of_another_article_is_refused(ann, tmp_path):
    with pytest.raises(WorksheetError, match="made for another article"):
        read_worksheet(CODER_B, load_article())


def test_never_overwrites_what_exportrow_did_not_write(ann, tmp_path):
    ws = make_worksheet(ann)
    mine = tmp_path / "notes.csv"
    mine.write_text("my own notes", encoding="utf-8")
    for force in (False, True):  # one rule for output files: never a file exportrow did not write
        with pytest.raises(UsageError, match="exists and exportrow did not write it"):
            write_worksheet(ws, mine, "csv", force=force)
    assert mine.read_text() == "my own notes"
    filled = tmp_path / "filled.csv"
    filled.write_bytes(CODER_A.read_bytes())
    for force in (False, True):  # a coder's work: never replaced, not even with --force (review 5, finding 6)
        with pytest.raises(UsageError, match=r"filled.csv: exists and is a coding worksheet that someone has filled "
                                             r"in \(7 of 8 claims coded\); it is left as it is, even with --force.*"
                                             r"Fix: move or rename it"):
            write_worksheet(ws, filled, "csv", force=force)
    assert filled.read_bytes() == CODER_A.read_bytes()
    blank = write_worksheet(ws, tmp_path / "blank.csv", "csv")
    assert write_worksheet(ws, blank, "csv") == blank  # a blank sheet exportrow wrote may be replaced


def test_force_never_replaces_a_worksheet_with_any_coding(ann, tmp_path):
    """Review 5, finding 6: one coded cell, or one note, is someone's work; a damaged worksheet may be too."""
    ws = make_worksheet(ann)
    one = make_worksheet(ann)
    one.claims[2]["cue"] = "said"
    sheet = write_worksheet(one, tmp_path / "one.yaml")
    with_note = make_worksheet(ann)
    with_note.claims[0]["note"] = "ask the teacher"
    noted = write_worksheet(with_note, tmp_path / "noted.csv", "csv")
    damaged = write_worksheet(ws, tmp_path / "damaged.yaml")
    damaged.write_text(damaged.read_text(encoding="utf-8") + "  - id: [unclosed\n", encoding="utf-8")
    for path, why in ((sheet, r"someone has filled in \(1 of 7 claims coded\)"), (noted, "someone's work in it: notes"),
                      (damaged, "that exportrow cannot read, so it cannot tell whether it holds someone's coding")):
        before = path.read_bytes()
        res = exportrow_cli("worksheet", ANNOTATION, "--out", path, "--force")
        assert res.returncode == 2 and re.search(why, res.stderr), res.stderr
        assert "even with --force" in res.stderr and path.read_bytes() == before


def _edit(path, old, new):
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


@pytest.mark.parametrize("name, change, why", [
    ("coder.yaml", lambda p: _edit(p, 'coder: ""', 'coder: "Anna"'), "someone's work in it: the coder's name 'Anna'"),
    ("comment.yaml", lambda p: _edit(p, "    actor:\n", "    actor:   # Anna: vd_ministry or vd_official?\n"),
     "changed since exportrow wrote it"),
    ("claim.yaml", lambda p: p.write_text(p.read_text(encoding="utf-8") + "  - id: anna1\n    quote: \"x\"\n    "
                                          "actor:\n", encoding="utf-8"), r"claims added \('anna1'\)"),
    ("actor.yaml", lambda p: _edit(p, "\nallowed:", "\n  - {id: anna_guess, side: x, name: Someone}\nallowed:"),
     r"actors added \('anna_guess'\)"),
    ("column.csv", lambda p: _edit(p, ",answers,note\n", ",answers,note,my comments\n"),
     "changed since exportrow wrote it"),
    ("row.csv", lambda p: p.write_text(p.read_text(encoding="utf-8") + "#my notes,ask Mr Lind\n", encoding="utf-8"),
     "changed since exportrow wrote it"),
    ("respaced.csv", lambda p: p.write_bytes(p.read_bytes().replace(b"\n", b"\r\n")),
     "changed since exportrow wrote it"),
])
def test_a_blank_worksheet_someone_changed_is_never_replaced(name, change, why, tmp_path):
    """Review 6, finding 4: a 'blank' sheet with a coder's name, comments, an added claim, actor, column or `#` row
    is someone's work: refused with or without --force; only a sheet exactly as exportrow wrote it is replaced."""
    path = tmp_path / name
    for force in ((), ("--force",)):
        res = exportrow_cli("worksheet", ANNOTATION, "--out", path, *force)
        assert res.returncode == 0, res.stderr  # new, then again: exactly as exportrow wrote it, replaced
    change(path)
    before = path.read_bytes()
    for force in ((), ("--force",)):
        res = exportrow_cli("worksheet", ANNOTATION, "--out", path, *force)
        assert res.returncode == 2 and re.search(why, res.stderr), res.stderr
        assert "even with --force" in res.stderr and "move or rename it" in res.stderr
        assert path.read_bytes() == before


def test_checksum_line_is_not_a_claim_and_sheets_still_read_back(ann, art, tmp_path):
    ws = make_worksheet(ann)
    for fmt in ("yaml", "csv"):
        path = write_worksheet(ws, tmp_path / f"s.{fmt}", fmt)
        lines = path.read_text(encoding="utf-8-sig").splitlines()
        assert lines[1].startswith("#checksum,sha256 " if fmt == "csv" else "# sha256 of every other line")
        assert re.search(r": [0-9a-f]{64}$", lines[1])
        back = _parse(path)
        assert [c["id"] for c in back.claims] == [c["id"] for c in ws.claims]  # no '#checksum' claim


def test_cli_writes_both_forms_and_refuses_with_exit_2(tmp_path):
    res = exportrow_cli("worksheet", ANNOTATION, "--out", tmp_path / "s.csv")
    assert res.returncode == 0, res.stderr
    assert "wrote a blank CSV worksheet with 7 claims" in res.stdout
    res = exportrow_cli("worksheet", ANNOTATION, "--format", "yaml", "--out", tmp_path / "s.yaml")
    assert res.returncode == 0 and yaml.safe_load((tmp_path / "s.yaml").read_text())["exportrow_worksheet"] == 1
    (tmp_path / "x.csv").write_text("data", encoding="utf-8")
    res = exportrow_cli("worksheet", ANNOTATION, "--out", tmp_path / "x.csv")
    assert res.returncode == 2 and "Traceback" not in res.stderr
    assert res.stderr.startswith(f"error: --out {tmp_path / 'x.csv'}: exists and exportrow did not write it")
    res = exportrow_cli("worksheet", tmp_path / "missing.yaml")
    assert res.returncode == 1 and "missing.yaml: no such annotation file" in res.stderr
    assert "Traceback" not in res.stderr


def test_a_csv_worksheet_cut_short_is_refused_not_read_as_claims_not_found(art, tmp_path):
    # review 11c, F9: a sheet saved half-way or copied partly; its lost rows were counted as claims "not found"
    text = CODER_A.read_bytes().decode("utf-8-sig")
    cut = tmp_path / "t3.csv"
    cut.write_text(text[:text.index("prove nothing about the boats") + 50] + "\n", encoding="utf-8")
    with pytest.raises(WorksheetError) as err:
        _parse(cut)
    assert str(err.value) == (f"{cut}: the file ends in the middle of row c04 (3 of 15 cells): it looks cut short; "
                              "save it again from your spreadsheet")
    inside = tmp_path / "trunc.csv"  # cut inside the #allowed row's quoted list of frames
    inside.write_text(text[:text.index("10 Quality of life")], encoding="utf-8")
    with pytest.raises(WorksheetError, match=r"trunc.csv: the file ends in the middle of row #allowed \(8 of 15 "
                                             r"cells, the last one a quoted text that is never closed\)"):
        _parse(inside)
    res = exportrow_cli("agree", cut, CODER_B, "--article", ARTICLE, "--out", tmp_path / "ag")
    assert res.returncode != 0 and "the file ends in the middle of row c04 (3 of 15 cells)" in res.stderr
    assert not (tmp_path / "ag").exists()
    noted = tmp_path / "noted.csv"  # a short comment row a person added at the end is no cut
    noted.write_text(text.rstrip("\r\n") + "\r\n#asked the class;yes\r\n", encoding="utf-8")
    assert sorted(c["id"] for c in read_worksheet(noted, art).coded) == ["a1", "c01", "c02", "c03", "c04", "c05",
                                                                        "c06"]


def test_rows_the_csv_worksheet_lists_but_lacks_are_named_and_counted_as_not_found(ann, art, tmp_path):
    # review 12, M10: a row the coder cleared (the sheet said "leave a row empty if it is not a claim") was refused
    ws = make_worksheet(ann)
    ws.claims[0].update(actor=ws.actors[0]["id"], frame=1)
    sheet = write_worksheet(ws, tmp_path / "sheet.csv", "csv")
    rows = list(csv.reader(io.StringIO(sheet.read_text(encoding="utf-8"))))
    article_row = dict(zip(CSV_COLUMNS, next(r for r in rows if r[0] == "#article")))
    assert article_row["note"] == "claims: c01 c02 c03 c04 c05 c06 c07"
    assert "For a row that is not a claim, leave its coding cells empty (keep id, start, quote)" in next(
        r for r in rows if r[0] == "#worksheet")[2]
    assert [c["id"] for c in read_worksheet(sheet, art).coded] == ["c01"]
    lines = sheet.read_text(encoding="utf-8").splitlines(keepends=True)
    kept = [ln if not ln.startswith("c03,") else "," * (len(CSV_COLUMNS) - 1) + "\n" for ln in lines]
    kept = [ln for ln in kept if not ln.startswith(("c06,", "c07,"))]
    short = tmp_path / "short.csv"
    short.write_text("".join(kept), encoding="utf-8")
    read = read_worksheet(short, art)
    assert [c["id"] for c in read.claims] == ["c01", "c02", "c04", "c05"]
    assert read.notes == ["short.csv: c03, c06, c07 are not in the sheet: counted as not found by this coder"]
    res = exportrow_cli("agree", short, sheet, "--article", art.path, "--out", tmp_path / "ag")
    assert res.returncode == 0, res.stderr
    assert "short.csv: c03, c06, c07 are not in the sheet: counted as not found by this coder" in res.stdout


def test_csv_worksheet_rows_without_trailing_empty_cells_are_read_not_called_cut(art, tmp_path):
    # review 12, H2: Excel leaves out a row's trailing empty cells; a complete sheet was refused as "cut short"
    text = CODER_A.read_bytes().decode("utf-8-sig").replace("\r\n", "\n")
    lines = text.splitlines()
    trimmed = tmp_path / "trimmed.csv"
    trimmed.write_text("\n".join(ln.rstrip(";") for ln in lines) + "\n", encoding="utf-8")
    full = read_worksheet(CODER_A, art)
    got = read_worksheet(trimmed, art)
    assert [(c["id"], c["actor"], c["frame"], c["entman"]) for c in got.coded] == [
        (c["id"], c["actor"], c["frame"], c["entman"]) for c in full.coded]
    last = tmp_path / "last.csv"  # no final line break either: the last row is a listed one, nothing after it lost
    last.write_text("\n".join(ln.rstrip(";") for ln in lines), encoding="utf-8")
    assert len(read_worksheet(last, art).coded) == len(full.coded)


def test_csv_worksheet_cut_without_line_break_before_listed_rows_is_refused(ann, art, tmp_path):
    ws = make_worksheet(ann)
    ws.claims[0].update(actor=ws.actors[0]["id"], frame=1)
    text = worksheet_csv(ws)
    rows = list(csv.reader(io.StringIO(text)))
    k = next(k for k, r in enumerate(rows) if r[0] == "c05")
    buf = io.StringIO()
    csv.writer(buf, lineterminator="\n").writerows([*rows[:k], rows[k][:5]])
    cut = tmp_path / "cut.csv"  # cut inside the coding cells of c05: c06, c07 gone, no final line break
    cut.write_text(buf.getvalue().rstrip("\n"), encoding="utf-8")
    with pytest.raises(WorksheetError, match=r"the file ends in the middle of row c05 \(5 of 15 cells\): it looks "
                                             "cut short"):
        read_worksheet(cut, art)
    ended = tmp_path / "ended.csv"  # the same with a line break: a sheet whose last rows were cleared
    ended.write_text(cut.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    assert read_worksheet(ended, art).notes == ["ended.csv: c06, c07 are not in the sheet: counted as not found by "
                                                "this coder"]


def test_a_note_after_the_claim_list_is_not_read_as_row_ids(ann, art, tmp_path):
    # review 12, M4: "claims: c01 ... c07 - coder Ana, checked twice" named "-, coder, Ana," as missing rows
    ws = make_worksheet(ann)
    ws.claims[0].update(actor=ws.actors[0]["id"], frame=1)
    text = worksheet_csv(ws).replace("claims: c01 c02 c03 c04 c05 c06 c07",
                                     "claims: c01 c02 c03 c04 c05 c06 c07 - coder Ana c9, checked twice")
    sheet = tmp_path / "noted.csv"
    sheet.write_text(text, encoding="utf-8")
    read = read_worksheet(sheet, art)
    assert read.notes == [] and [c["id"] for c in read.coded] == ["c01"]
