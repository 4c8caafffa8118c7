"""A blank CSV worksheet re-saved by a spreadsheet (byte order mark, CR LF, its own quoting) is still left out as
blank, but only while its cells are those of the blank sheet (review 10, finding 12)."""

import csv
import io
import shutil

import pytest
from conftest import FIXTURES

from exportrow import load_article
from exportrow.agreement import unfilled_worksheets
from exportrow.annotations import load_annotation
from exportrow.worksheet import make_worksheet, write_worksheet

STEM = "example-gazette-2021-03-03-freedonia-sylvania-fishing"


def _blank_rows(tmp_path):
    shutil.copy(FIXTURES / f"{STEM}.txt", tmp_path)
    art = load_article(tmp_path / f"{STEM}.txt")
    sheet = write_worksheet(make_worksheet(load_annotation(FIXTURES / f"{STEM}.yaml", art)),
                            tmp_path / f"{STEM}.blank.csv", "csv")
    assert unfilled_worksheets([sheet]) == [sheet]
    return sheet, list(csv.reader(io.StringIO(sheet.read_text(encoding="utf-8-sig"), newline="")))


def _resave(sheet, rows, quoting=csv.QUOTE_MINIMAL):
    buf = io.StringIO()
    csv.writer(buf, lineterminator="\r\n", quoting=quoting).writerows(rows)
    sheet.write_bytes(buf.getvalue().encode("utf-8-sig"))


@pytest.mark.parametrize("quoting", [csv.QUOTE_MINIMAL, csv.QUOTE_ALL])
def test_a_resaved_blank_sheet_is_still_blank(tmp_path, quoting):
    sheet, rows = _blank_rows(tmp_path)
    _resave(sheet, rows, quoting)
    assert sheet.read_bytes().startswith(b"\xef\xbb\xbf") and b"\r\n" in sheet.read_bytes()
    assert unfilled_worksheets([sheet]) == [sheet]


def test_a_resaved_sheet_with_other_claim_ids_or_a_note_is_not_blank(tmp_path):
    sheet, rows = _blank_rows(tmp_path)
    claim_rows = [k for k, r in enumerate(rows) if r and not r[0].startswith("#") and r[0] != "id"]
    renamed = [list(r) for r in rows]
    renamed[claim_rows[0]][0] = "my_claim"
    _resave(sheet, renamed)
    assert unfilled_worksheets([sheet]) == []
    noted = [list(r) for r in rows]
    noted[claim_rows[0]][-1] = "not sure this is a claim"
    _resave(sheet, noted)
    assert unfilled_worksheets([sheet]) == []
