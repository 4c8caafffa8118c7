"""Review 7: codings read safely (no alias bomb), written safely (no formula cells), fast, and found with care."""

import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from conftest import FIXTURES

from exportrow import load_article
from exportrow.worksheet import WorksheetError, _parse, read_worksheet

NAME = "example-gazette-2021-03-03-freedonia-sylvania-fishing"
CODER_B = FIXTURES / f"{NAME}.coder-b.yaml"


def _with(tmp_path, name: str, text: str):
    shutil.copy(FIXTURES / f"{NAME}.txt", tmp_path)
    shutil.copy(FIXTURES / f"{NAME}.yaml", tmp_path)
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def _bomb(levels: int = 9) -> str:
    """coder-b's worksheet with a billion-laughs list and the first claim's cue aliased to it."""
    lines = ['x_lol0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    lines += [f"x_lol{k}: &a{k} [{','.join([f'*a{k - 1}'] * 9)}]" for k in range(1, levels)]
    text = CODER_B.read_text(encoding="utf-8")
    text = text.replace("exportrow_worksheet: 1\n", "exportrow_worksheet: 1\n" + "\n".join(lines) + "\n", 1)
    first_cue = text.index("    cue:")
    end = text.index("\n", first_cue)
    return text[:first_cue] + f"    cue: *a{levels - 1}" + text[end:]


def test_an_alias_bomb_worksheet_is_refused_under_a_memory_limit(tmp_path):
    bomb = _with(tmp_path, f"{NAME}.evil.yaml", _bomb())
    assert len(bomb.read_bytes()) < 6000  # a small file: 9**9 references once expanded
    script = textwrap.dedent(f"""
        import resource, sys
        resource.setrlimit(resource.RLIMIT_AS, (1_500_000_000, 1_500_000_000))
        from exportrow.cli import main
        sys.exit(main(["agree", {str(tmp_path / f"{NAME}.yaml")!r}, {str(bomb)!r}, "--out", {str(tmp_path / "ag")!r}]))
    """)
    proc = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120)
    assert proc.returncode == 1, proc.stderr[-2000:]
    assert proc.stderr.strip().splitlines() == [
        f"error: {bomb}: line 10: a YAML anchor (&a0) is not accepted; a worksheet never needs anchors or aliases: "
        "delete it and write values out"]
    assert not (tmp_path / "ag").exists()


def test_an_alias_in_a_worksheet_is_refused_with_the_file_and_line(tmp_path):
    text = CODER_B.read_text(encoding="utf-8").replace("    cue: ", "    cue: &c ", 1)
    text = text.replace("    cue: ", "    cue: *c #", 2).replace("    cue: *c #&c ", "    cue: &c ", 1)
    sheet = _with(tmp_path, "aliased.yaml", text)
    with pytest.raises(WorksheetError) as err:
        read_worksheet(sheet, load_article(tmp_path / f"{NAME}.txt"))
    line = next(k for k, t in enumerate(text.splitlines(), 1) if "&c" in t)
    assert str(err.value) == (f"{sheet}: line {line}: a YAML anchor (&c) is not accepted; a worksheet never needs "
                              "anchors or aliases: delete it and write values out")


def test_a_list_or_mapping_where_one_value_belongs_is_named_per_entry(tmp_path):
    text = CODER_B.read_text(encoding="utf-8").replace("coder:              #", "coder: [anna, ben] #", 1)
    first_cue = text.index("    cue:")
    end = text.index("\n", first_cue)
    text = text[:first_cue] + "    cue: [said, added]" + text[end:]
    first_frame = text.index("    frame:")
    end = text.index("\n", first_frame)
    text = text[:first_frame] + "    frame: {code: 5}" + text[end:]
    sheet = _with(tmp_path, "lists.yaml", text)
    with pytest.raises(WorksheetError) as err:
        read_worksheet(sheet, load_article(tmp_path / f"{NAME}.txt"))
    assert err.value.problems == [
        "coder: a list, not a single value; write one name, e.g. `coder: anna`",
        "claims[0] ('c01'): cue: a list, not a single value; write one value, e.g. `cue: said`",
        "claims[0] ('c01'): frame: a mapping, not a single value; write one value, e.g. `frame: 5`"]


# ---------------------------------------------------------------- F-g: matching in near-linear time, capped


def _cubic_match(codings):
    """The matching rule without the span index (every claim against every unit), kept here as the reference: by id,
    then by the largest overlap overall, the closer fit first among equal overlaps (review 16d, finding 3)."""
    from exportrow.agreement import _fit, _overlap

    units, out = [], []
    for coding in codings:
        claims = coding.claims.to_dict("records")
        taken = {}
        for k, c in enumerate(claims):
            span = (c["start"], c["end"])
            for u, unit in enumerate(units):
                if u not in taken.values() and c["claim_id"] in unit["ids"] and _overlap(span, unit["span"]):
                    taken[k] = u
                    break
        pairs = sorted(_fit((c["start"], c["end"]), unit["span"]) + (k, u) for k, c in enumerate(claims)
                       for u, unit in enumerate(units) if _overlap((c["start"], c["end"]), unit["span"]))
        for _, _, k, u in pairs:
            if k not in taken and u not in taken.values():
                taken[k] = u
        for k, c in enumerate(claims):
            if k not in taken:
                units.append({"ids": set(), "span": (c["start"], c["end"]), "label": c["claim_id"]})
                taken[k] = len(units) - 1
        for k, u in taken.items():
            units[u]["ids"].add(claims[k]["claim_id"])
            out.append((coding.coder, claims[k]["claim_id"], u))
    return sorted(out)


def test_matching_gives_the_units_the_reference_matching_gives():
    import random

    import pandas as pd

    from exportrow import paths
    from exportrow.agreement import Coding, find_codings, match_units, read_codings

    bundled = read_codings(find_codings(paths.default_annotation()))
    fixture = read_codings([FIXTURES / f"{NAME}.yaml", FIXTURES / f"{NAME}.coder-a.csv", CODER_B])
    rng = random.Random(7)
    made = []
    for coder in ("p", "q", "r"):  # overlapping, nested and repeated spans, shared and clashing ids
        rows, ids = [], rng.sample(range(80), 60)
        for k in range(60):
            start = rng.randrange(0, 2000)
            rows.append({"claim_id": f"c{ids[k]}" if k % 3 else f"{coder}{k}", "start": start,
                         "end": start + rng.choice([5, 30, 200, 900])})
        made.append(Coding(Path(coder), coder, "worksheet", pd.DataFrame(rows).sort_values(["start", "end"])))
    for codings in (bundled, fixture, made):
        table = match_units(codings)
        labels = {}  # unit label -> the reference matching's unit number, through the first claim of each unit
        old = _cubic_match(codings)
        number = {(coder, cid): u for coder, cid, u in old}
        for unit, coder, cid in zip(table.unit, table.coder, table.claim_id):
            labels.setdefault(unit, set()).add(number[(coder, cid)])
        assert all(len(v) == 1 for v in labels.values())  # each new unit is exactly one reference unit, and back
        assert len(labels) == len({u for _, _, u in old}) == len({next(iter(v)) for v in labels.values()})
        assert len(table) == len(old) == sum(len(c.claims) for c in codings)
    assert len(labels) == 94  # the made codings (180 claims): many claims matched, many not


def test_the_bundled_agreement_table_is_unchanged():
    from exportrow import agreement as ag
    from exportrow import paths

    result = ag.compare(ag.find_codings(paths.default_annotation()))
    t = result.fields.set_index("field")
    assert t.alpha.round(3).dropna().to_dict() == {
        "side": 0.936, "attribution": 0.918, "frame": 0.745, "frame_secondary": 0.239,
        "entman.problem_definition": 0.816, "entman.causal_interpretation": 0.706, "entman.moral_evaluation": 0.825,
        "entman.treatment_recommendation": 1.0, "answers": 0.804}
    assert t.units.tolist() == [24] * 11
    assert len(result.coverage) == 35 and result.coverage.found_by.tolist().count(1) == 11


def test_a_coding_of_more_than_2000_claims_is_refused_in_one_line(tmp_path):
    import pandas as pd

    from exportrow.agreement import AgreementError, Coding, match_units

    rows = [{"claim_id": f"c{k}", "start": k, "end": k + 1} for k in range(2001)]
    big = Coding(Path("big.csv"), "big", "worksheet", pd.DataFrame(rows))
    with pytest.raises(AgreementError) as err:
        match_units([big, big])
    assert str(err.value) == ("big.csv: 2,001 claims, more than the 2,000 a coding may have (a long news article has "
                              "a few dozen); is this the right file?")
    sheet = (FIXTURES / f"{NAME}.coder-a.csv").read_text(encoding="utf-8-sig")
    row = next(line for line in sheet.splitlines() if line.startswith("c01;"))
    copies = "".join(row.replace("c01;", f"x{k};", 1) + "\n" for k in range(2001))
    csv_path = _with(tmp_path, "many.csv", sheet + copies)
    with pytest.raises(WorksheetError) as err:
        read_worksheet(csv_path, load_article(tmp_path / f"{NAME}.txt"))
    assert str(err.value).splitlines() == [
        f"{csv_path}: {2001 + len(_parse(FIXTURES / f'{NAME}.coder-a.csv').claims):,} claims, more than the 2,000 a "
        "coding may have (a long news article has a few dozen); is this the right file?"]


def test_a_worksheet_of_many_bad_quotes_lists_twenty_and_counts_the_rest(tmp_path):
    sheet = (FIXTURES / f"{NAME}.coder-a.csv").read_text(encoding="utf-8-sig")
    row = next(line for line in sheet.splitlines() if line.startswith("c01;"))
    quote = row.split(";")[2]
    bad = "".join(row.replace("c01;", f"x{k};", 1).replace(quote, f"words nobody wrote {k}") + "\n" for k in range(25))
    csv_path = _with(tmp_path, "bad.csv", sheet + bad)
    with pytest.raises(WorksheetError) as err:
        read_worksheet(csv_path, load_article(tmp_path / f"{NAME}.txt"))
    lines = str(err.value).splitlines()
    assert len(err.value.problems) == 25 and lines[0] == f"{csv_path}: 25 problems in the coding worksheet:"
    assert len(lines) == 22 and lines[-1] == "  ... and 5 more: fix these first, then run again"
    assert "nearest passage" in lines[1] and "nearest passage" not in err.value.problems[-1]


# ---------------------------------------------------------------- F-d: coders' text never a formula in agree's CSVs


FORMULA_CODER = '=HYPERLINK("http://e.vil","x")'


def _formula_sheet() -> str:
    """coder-b's worksheet with a coder's name and the first cue that a spreadsheet would run as formulas."""
    text = CODER_B.read_text(encoding="utf-8").replace(
        "coder:              #", 'coder: "=HYPERLINK(\\"http://e.vil\\",\\"x\\")" #', 1)
    first_cue = text.index("    cue:")
    end = text.index("\n", first_cue)
    return text[:first_cue] + '    cue: "=1+1"' + text[end:]


def test_agree_writes_coders_formula_text_with_a_leading_quote_and_warns(tmp_path):
    import csv

    sheet = _with(tmp_path, f"{NAME}.f.yaml", _formula_sheet())
    out = tmp_path / "ag"
    proc = subprocess.run([sys.executable, "-m", "exportrow.cli", "agree", str(tmp_path / f"{NAME}.yaml"), str(sheet),
                           "--out", str(out)], capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    coder = FORMULA_CODER
    with open(out / "disagreements.csv", encoding="utf-8", newline="") as fh:
        rows = list(csv.reader(fh))
    assert rows[0] == ["unit", "quote", "field", "annotation", "'" + coder]
    assert ["fr_seizure_record", "its record of seized fishing boats", "cue", "has published", "'=1+1"] in rows
    with open(out / "coverage.csv", encoding="utf-8", newline="") as fh:
        coverage = list(csv.DictReader(fh))
    assert {r["coders"] for r in coverage} >= {f"annotation; {coder}"}  # mid-cell: no formula, kept as written
    with open(out / "confusion.csv", encoding="utf-8", newline="") as fh:
        confusion = list(csv.DictReader(fh))
    assert {r["coder_b"] for r in confusion} == {"'" + coder}
    assert {"field": "cue", "coder_a": "annotation", "value_a": "has published", "coder_b": "'" + coder,
            "value_b": "'=1+1", "units": "1"} in confusion
    warnings = [line for line in proc.stderr.splitlines() if line.startswith("warning:")]
    assert warnings == [f"warning: {sheet} (coder '{coder}'): the coder's name, cue of c01 start with =, +, -, @, a "
                        "tab or a carriage return, which a spreadsheet may run as a formula; the CSV tables write "
                        "them with a leading ' so that it shows them as text"]


# ---------------------------------------------------------------- F-e: files beside the annotation that are no coding


def _beside_folder(tmp_path):
    import os

    for name in (f"{NAME}.txt", f"{NAME}.yaml", f"{NAME}.coder-b.yaml"):
        shutil.copy(FIXTURES / name, tmp_path)
    (tmp_path / f"{NAME}.notes.csv").write_text("date,note\n2021-03-03,read it twice\n", encoding="utf-8")
    (tmp_path / f"{NAME}.todo.yaml").write_text("- ask the teacher about claim 3\n", encoding="utf-8")
    outside = tmp_path.parent / f"{tmp_path.name}-secret.txt"
    outside.write_text("TOKEN=secret\n", encoding="utf-8")
    (tmp_path / f"{NAME}.env.yaml").symlink_to(outside)
    os.mkfifo(tmp_path / f"{NAME}.pipe.csv")
    return load_article(tmp_path / f"{NAME}.txt"), tmp_path / f"{NAME}.yaml"


def test_files_named_like_codings_that_are_none_are_left_out_and_named(tmp_path):
    from exportrow.agreement import codings_sentence, compare, find_codings, left_out_files

    art, ann = _beside_folder(tmp_path)
    files = find_codings(ann, art)
    assert [p.name for p in files] == [f"{NAME}.yaml", f"{NAME}.coder-b.yaml"]
    notes = left_out_files(ann, art)
    assert notes == [f"{NAME}.env.yaml is a link to a file outside its folder; left out",
                     f"{NAME}.notes.csv is not a coding worksheet; left out",
                     f"{NAME}.pipe.csv is not a regular file (a FIFO); left out",
                     f"{NAME}.todo.yaml is neither a coding worksheet nor an annotation; left out"]
    sentence = codings_sentence(compare(files, art, ["frame"]), files, notes)
    assert sentence.startswith("Comparing **2** codings (annotation, coder-b) of ")
    assert sentence.endswith(f"{NAME}.notes.csv is not a coding worksheet; left out. {NAME}.pipe.csv is not a "
                             f"regular file (a FIFO); left out. {NAME}.todo.yaml is neither a coding worksheet nor "
                             "an annotation; left out.")


def test_a_broken_coding_beside_the_annotation_is_still_reported(tmp_path):
    from exportrow.agreement import find_codings, left_out_files

    art, ann = _beside_folder(tmp_path)
    bad = tmp_path / f"{NAME}.anna.yaml"
    bad.write_text(CODER_B.read_text(encoding="utf-8").replace("    frame: 7", "    frame: 99", 1), encoding="utf-8")
    assert bad in find_codings(ann, art) and not any("anna" in line for line in left_out_files(ann, art))


@pytest.mark.slow
def test_notebook_04_runs_with_notes_a_link_and_a_fifo_beside_the_annotation(tmp_path, run_notebook):
    import csv

    from conftest import outputs_text

    folder = tmp_path / "class"
    folder.mkdir()
    art, ann = _beside_folder(folder)
    (folder / f"{NAME}.f.yaml").write_text(_formula_sheet(), encoding="utf-8")
    nb, out = run_notebook("04-coding-reliability", article_path=str(art.path), annotation_path=str(ann))
    text = outputs_text(nb)
    assert "Comparing **3** codings (annotation, coder-b, =HYPERLINK" in text
    assert "notes.csv is not a coding worksheet; left out" in text and "TOKEN" not in text
    with open(out / "disagreements.csv", encoding="utf-8", newline="") as fh:
        rows = list(csv.reader(fh))
    assert rows[0] == ["unit", "quote", "field", "annotation", "coder-b", "'" + FORMULA_CODER]
    assert ["fr_seizure_record", "its record of seized fishing boats", "cue", "has published", "published",
            "'=1+1"] in rows


def test_the_report_names_files_left_out_and_formula_text_on_the_terminal(tmp_path):
    from exportrow.report import coding_notes

    art, ann = _beside_folder(tmp_path)
    sheet = tmp_path / f"{NAME}.f.yaml"
    sheet.write_text(_formula_sheet(), encoding="utf-8")
    params = {"article_path": str(art.path), "annotation_path": str(ann)}
    lines = coding_notes(params, {"04-coding-reliability": {"coding_paths": []}})
    assert lines[:4] == [f"note: {NAME}.env.yaml is a link to a file outside its folder; left out",
                         f"note: {NAME}.notes.csv is not a coding worksheet; left out",
                         f"note: {NAME}.pipe.csv is not a regular file (a FIFO); left out",
                         f"note: {NAME}.todo.yaml is neither a coding worksheet nor an annotation; left out"]
    assert lines[4:] == [f"warning: {sheet} (coder '{FORMULA_CODER}'): the coder's name, cue of c01 start with =, "
                         "+, -, @, a tab or a carriage return, which a spreadsheet may run as a formula; the CSV "
                         "tables write them with a leading ' so that it shows them as text"]
    assert coding_notes(params, {"01-enforcement-statistics": {"years": []}}) == []
