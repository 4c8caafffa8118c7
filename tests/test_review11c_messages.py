"""Review 11c, F10: careless-user input gets a message that names the real problem and the nearest fix."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import FIXTURES

STEM = "example-gazette-2021-03-03-freedonia-sylvania-fishing"
ARTICLE, ANNOTATION = FIXTURES / f"{STEM}.txt", FIXTURES / f"{STEM}.yaml"


def run(*args, cwd=None):
    return subprocess.run([sys.executable, "-m", "exportrow.cli", *map(str, args)], capture_output=True, text=True,
                          cwd=cwd, timeout=120)


def _annotation_naming(tmp_path: Path, name: str) -> Path:
    text = ANNOTATION.read_text(encoding="utf-8").replace(f"file: {STEM}.txt", f"file: {name}", 1)
    assert f"file: {name}" in text
    path = tmp_path / "a.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_an_annotation_given_as_the_article_is_named_with_the_command_that_works(tmp_path):
    (tmp_path / "a.txt").write_bytes(ARTICLE.read_bytes())
    annotation = _annotation_naming(tmp_path, "a.txt")
    res = run("view", "a.yaml", "--out", "view.html", cwd=tmp_path)
    assert res.returncode == 2
    assert res.stderr.strip() == (
        "error: a.yaml is an annotation file (it has exportrow: and article: keys), not an article; pass the article "
        "first and the annotation with --annotation, e.g. `exportrow view a.txt --annotation a.yaml --out view.html`, "
        "or the annotation alone: `exportrow view --annotation a.yaml --out view.html`")
    assert not (tmp_path / "view.html").exists()
    assert run("view", "a.txt", "--annotation", annotation.name, "--out", "view.html", cwd=tmp_path).returncode == 0


@pytest.mark.parametrize("kind", ["a FIFO", "a folder", "a device"])
def test_an_article_file_that_is_not_a_regular_file_is_named_so(tmp_path, kind):
    if kind == "a FIFO":
        os.mkfifo(tmp_path / "odd.txt")
        name = "odd.txt"
    elif kind == "a folder":
        (tmp_path / "odd.txt").mkdir()
        name = "odd.txt"
    else:
        name = "/dev/zero"
    annotation = _annotation_naming(tmp_path, name)
    for command in (["check", annotation], ["tables", "--annotation", annotation, "--out", tmp_path / "t"]):
        res = run(*command)
        assert res.returncode == 1, res.stderr
        where = name if name.startswith("/") else tmp_path / name
        assert (f"a.yaml: article.file: names '{name}': {where} is not a regular file ({kind})\n    fix: name the "
                "article's text file under `article: file:`, or give it with --article PATH") in res.stderr
        assert "cannot find" not in res.stderr
    assert not (tmp_path / "t").exists()


def test_a_nul_in_a_csv_worksheet_is_named_as_a_control_character(tmp_path):
    text = (FIXTURES / f"{STEM}.coder-a.csv").read_bytes().decode("utf-8-sig")
    sheet = tmp_path / "nul.csv"
    sheet.write_text(text.replace("fr_gov: Freedonian", "fr\x00gov: Freedonian", 1), encoding="utf-8")
    res = run("agree", sheet, FIXTURES / f"{STEM}.coder-b.yaml", "--article", ARTICLE, "--out", tmp_path / "ag")
    assert res.returncode != 0
    assert res.stderr.strip() == (
        f"error: {sheet}: line 5: holds the control character U+0000, which is not text; delete it (an editor may "
        "show it as ^@ or <0x00>) and save the file again as plain UTF-8 text")
    assert "did you mean" not in res.stderr and not (tmp_path / "ag").exists()


def test_a_path_with_a_line_break_is_printed_on_one_line(tmp_path):
    out = tmp_path / "new\nline ü"
    res = run("tables", "--annotation", ANNOTATION, "--out", out)
    assert res.returncode == 0, res.stderr
    wrote = [ln for ln in res.stdout.splitlines() if ln.startswith("wrote")]
    assert wrote[0] == f"wrote {tmp_path}/new\\nline ü/actors.csv (6 rows)"
    assert len(res.stdout.splitlines()) == len(wrote) and (out / "actors.csv").is_file()


@pytest.mark.parametrize("rel, inner", [("data/raw/sub", "data/raw"), ("exportrow/sub", "exportrow"),
                                        ("tests/fixtures/sub", "tests/fixtures"), ("docs/sub", "docs"),
                                        ("notebooks/sub", "notebooks"),
                                        ("notebooks/solutions/sub", "notebooks/solutions")])
def test_out_inside_the_projects_source_folders_is_refused(rel, inner):
    # review 11c, F11: the folders themselves were refused, a new folder inside them was not
    from conftest import ROOT

    res = run("tables", "--out", rel, cwd=ROOT)
    assert res.returncode == 2
    assert res.stderr.strip() == (f"error: --out {rel}: that is inside the project's {inner}/ folder; exportrow "
                                  "replaces its output folder as a whole, so choose a folder of its own, e.g. --out "
                                  "tables/mine")
    assert not (ROOT / rel).exists()


def test_the_documented_output_places_stay_open(tmp_path):
    from conftest import ROOT

    from exportrow.outdir import check_out, check_out_place

    for rel in ("reports/mine", "tables/mine", "my-tables", "notebooks/outputs/01-enforcement-statistics",
                "build/site"):
        assert check_out_place(ROOT / rel, "tables/mine") == (ROOT / rel).resolve()  # nothing is made here
    assert check_out(tmp_path / "t", "tables") == (tmp_path / "t").resolve()
