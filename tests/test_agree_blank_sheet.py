"""The teaching guide's coding lesson (review 9, finding 7): ``exportrow agree class/*.csv`` leaves out a sheet that is
still exactly the blank worksheet, with a one-line note, instead of stopping in front of the class; a sheet someone
changed that codes nothing is still refused; and the guide no longer puts the blank sheet into class/."""

from __future__ import annotations

import glob
import re
import shutil
import subprocess
import sys

from conftest import FIXTURES

from exportrow import paths

NAME = "example-gazette-2021-03-03-freedonia-sylvania-fishing"


def cli(*args, cwd):
    return subprocess.run([sys.executable, "-m", "exportrow.cli", *map(str, args)], capture_output=True, text=True,
                          cwd=cwd)


def lesson(tmp_path):
    """The lesson's folder: the blank CSV worksheet in class/ (as the guide used to say) and two pairs' sheets."""
    res = cli("worksheet", FIXTURES / f"{NAME}.yaml", "--format", "csv", "--out", "class/worksheet.csv", cwd=tmp_path)
    assert res.returncode == 0, res.stderr
    shutil.copy(FIXTURES / f"{NAME}.coder-a.csv", tmp_path / "class" / "pair-a.csv")
    shutil.copy(FIXTURES / f"{NAME}.coder-b.yaml", tmp_path / "class" / "pair-b.yaml")
    return tmp_path / "class"


def test_agree_leaves_the_blank_worksheet_out_with_a_note(tmp_path):
    lesson(tmp_path)
    codings = sorted(glob.glob("class/*.csv", root_dir=tmp_path)) + ["class/pair-b.yaml"]
    assert codings == ["class/pair-a.csv", "class/worksheet.csv", "class/pair-b.yaml"]
    res = cli("agree", *codings, "--article", FIXTURES / f"{NAME}.txt", "--out", "ag", cwd=tmp_path)
    assert res.returncode == 0, res.stderr
    notes = [ln for ln in res.stderr.splitlines() if ln.startswith("note:")]
    assert notes == ["note: class/worksheet.csv is still the blank worksheet (nobody has filled it in); left out"]
    assert "Agreement of 2 codings (pair-a, pair-b) on 8 claims:" in res.stdout
    assert (tmp_path / "ag" / "agreement.csv").is_file()


def test_with_one_filled_sheet_left_the_message_still_says_two_are_needed(tmp_path):
    lesson(tmp_path)
    res = cli("agree", "class/worksheet.csv", "class/pair-a.csv", "--article", FIXTURES / f"{NAME}.txt",
              "--out", "ag", cwd=tmp_path)
    assert res.returncode == 2
    assert "note: class/worksheet.csv is still the blank worksheet" in res.stderr
    assert "error: agreement needs at least two codings, got 1 (class/pair-a.csv)" in res.stderr


def test_a_changed_sheet_that_codes_nothing_is_still_refused(tmp_path):
    folder = lesson(tmp_path)
    sheet = folder / "worksheet.csv"
    # changed (a note in the #worksheet row), not only re-saved; its rows are all still there and all empty
    sheet.write_text(sheet.read_text(encoding="utf-8").replace(",your notes", ",our class notes", 1), encoding="utf-8")
    res = cli("agree", "class/pair-a.csv", "class/worksheet.csv", "class/pair-b.yaml", "--article",
              FIXTURES / f"{NAME}.txt", "--out", "ag", cwd=tmp_path)
    assert res.returncode == 1, res.stderr
    assert "no claim is coded in it (every coding field is empty)" in res.stderr and "note:" not in res.stderr


def test_the_teaching_guide_keeps_the_blank_sheet_out_of_class():
    guide = (paths.PROJECT_ROOT / "docs" / "teaching.md").read_text(encoding="utf-8")
    outs = re.findall(r"exportrow worksheet [^`]*?--out (\S+)", guide)
    assert outs and all(not o.startswith("class/") for o in outs), outs
    assert "exportrow agree class/*.csv" in guide
