"""A coding beside the annotation that notebook 04 could not read stops `exportrow report` before notebook 04's first
cell (the report checks the codings while the kernels start), with the message the notebook's own reader gives, and
nothing is written; an oversized coding is refused after one reading of the file."""

import copy
import os
import shutil
from pathlib import Path

import pytest
from conftest import FIXTURES, report

from exportrow import agreement, load_annotation, load_article, worksheet
from exportrow.report import CodingError, check_codings
from exportrow.worksheet import make_worksheet, write_worksheet

NAME = "example-gazette-2021-03-03-freedonia-sylvania-fishing"


def _folder(tmp_path):
    """The fixture article and annotation, and a worksheet beside them whose third claim has a misspelt frame."""
    for suffix in (".txt", ".yaml"):
        shutil.copy(FIXTURES / f"{NAME}{suffix}", tmp_path)
    art = load_article(tmp_path / f"{NAME}.txt")
    ws = make_worksheet(load_annotation(tmp_path / f"{NAME}.yaml", art))
    for c in ws.claims:
        c.update(actor=ws.actors[0]["id"], frame=1)
    ws.claims[2]["frame"] = "Legalty"
    sheet = write_worksheet(ws, tmp_path / f"{NAME}.anna.csv", "csv")
    return art, tmp_path / f"{NAME}.yaml", sheet, ws.claims[2]["id"]


def test_report_refuses_a_broken_coding_beside_the_annotation_before_notebook_04_runs(tmp_path):
    art, ann, sheet, claim = _folder(tmp_path)
    done = report(tmp_path / "out", "--article", str(art.path), "--annotation", str(ann))
    assert done.returncode == 1
    assert f"{sheet}: row 8 ({claim}): frame: unknown value 'Legalty'; write a frame code 1-15" in done.stderr
    assert ("notebook 04-coding-reliability compares this coding, so no report was written: fix it, or move it "
            f"out of {tmp_path}") in done.stderr
    said = done.stderr + done.stdout
    assert "Traceback" not in said and "04-coding-reliability: started" not in said and "FAILED" not in said
    assert not (tmp_path / "out").exists() and not (tmp_path / "out.failed").exists()


def test_the_check_and_notebook_04_give_the_same_message(tmp_path):
    art, ann, sheet, _ = _folder(tmp_path)
    with pytest.raises(worksheet.WorksheetError) as notebook:
        agreement.compare(agreement.find_codings(ann, art), art)
    with pytest.raises(CodingError) as check:
        check_codings({"article_path": str(art.path), "annotation_path": str(ann)})
    assert str(check.value).splitlines()[0] == str(notebook.value) == (
        f"{sheet}: row 8 (c03): frame: unknown value 'Legalty'; write a frame code 1-15 (see the coding guide, "
        "exportrow/coding-guide.md)")
    assert check.value.exit_code == 1
    sheet.unlink()  # without it the check passes
    assert check_codings({"article_path": str(art.path), "annotation_path": str(ann)}) is None


def test_an_oversized_coding_is_refused_after_reading_it_once(tmp_path, monkeypatch):
    art, ann, sheet, _ = _folder(tmp_path)
    ws = make_worksheet(load_annotation(ann, art))
    ws.claims = [dict(copy.deepcopy(ws.claims[i % len(ws.claims)]), id=f"x{i}", actor=ws.actors[0]["id"], frame=1)
                 for i in range(agreement.MAX_CLAIMS + 100)]
    sheet.unlink()
    write_worksheet(ws, sheet, "csv")
    reads = []
    parse = worksheet._parse
    monkeypatch.setattr(worksheet, "_parse", lambda path: reads.append(path) or parse(path))
    for read in (lambda: agreement.compare([ann, sheet], art), lambda: agreement.agreement([ann, sheet], article=art)):
        reads.clear()
        with pytest.raises(worksheet.WorksheetError, match=f"{sheet}: 2,100 claims, more than the 2,000 a coding may"):
            read()
        assert reads == [sheet]


def test_an_unknown_field_is_a_usage_error_of_its_own():
    from exportrow.errors import UsageError

    with pytest.raises(UsageError) as info:
        check_codings({"fields": ["frames"]})
    assert not isinstance(info.value, CodingError) and info.value.exit_code == 2
    assert str(info.value) == "unknown field 'frames'; did you mean 'frame'?"


@pytest.mark.parametrize("named", ["no-such-file.yaml", "/etc/passwd", "hello.yaml", "article"])
def test_a_single_coding_paths_entry_is_read_and_checked(tmp_path, named):
    """Finding rv13b-4: one `-p coding_paths` entry was never read, so a missing file or /etc/passwd was called
    "a coding of this article" and the report exited 0."""
    art, ann, sheet, _ = _folder(tmp_path)
    sheet.unlink()
    (tmp_path / "hello.yaml").write_text("hello world\n")
    path = {"hello.yaml": str(tmp_path / "hello.yaml"), "article": str(art.path),
            "no-such-file.yaml": str(tmp_path / "no-such-file.yaml")}.get(named, named)
    with pytest.raises(CodingError) as check:
        check_codings({"article_path": str(art.path), "annotation_path": str(ann), "coding_paths": [path]})
    first = str(check.value).splitlines()[0]
    if named == "no-such-file.yaml":
        assert first == (f"{path}: no such coding; check the path (relative paths start from the folder you run the "
                         f"command in, {os.getcwd()})")
    elif named == "article":  # the article's own text: not YAML
        assert first == "1 problem in the annotation file:" and f"{path}: file: not valid YAML" in str(check.value)
    else:
        assert first == f"1 problem in the coding {Path(path).name} (coder {Path(path).stem}):"
    assert "no report was written: fix it, or name other codings with -p coding_paths" in str(check.value)
    with pytest.raises(Exception) as notebook:  # the notebook's own reader refuses it too, never "only one coding"
        agreement.compare([path], art)
    assert str(notebook.value).splitlines()[0] == first


def test_a_single_good_coding_still_gives_the_one_coding_sentence(tmp_path):
    art, ann, sheet, _ = _folder(tmp_path)
    sheet.unlink()
    params = {"article_path": str(art.path), "annotation_path": str(ann), "coding_paths": [str(ann)]}
    assert check_codings(params) is None
    assert agreement.compare([ann], art) is None
    said = agreement.codings_sentence(None, [ann])
    assert said.startswith(f"Only one coding of this article was found ({NAME}.yaml)")


def test_report_with_one_missing_coding_writes_nothing(tmp_path):
    art, ann, sheet, _ = _folder(tmp_path)
    done = report(tmp_path / "out", "--article", str(art.path), "--notebooks", "04",
                  "-p", "coding_paths", f'["{tmp_path}/no-such-file.yaml"]')
    assert done.returncode == 1
    assert f"error: {tmp_path}/no-such-file.yaml: no such coding; check the path" in done.stderr
    assert "Only one coding" not in done.stdout + done.stderr and "04-coding-reliability: started" not in done.stderr
    assert not (tmp_path / "out").exists()
