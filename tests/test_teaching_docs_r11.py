"""Review 11b finding 14 and review 11a findings 4 and 17: the blank sheet is written outside class/, the teaching
guide names the index.html it means, the lxml warning is explained, versions of an annotation are kept elsewhere,
`exportrow view --article` works, and worksheet 01 for an article with no numbers asks something it can answer."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from types import SimpleNamespace

from conftest import FIXTURES

from exportrow.annotations import article_to_load, load_annotation
from exportrow.article import load_article
from exportrow.handout import _no_figures

ROOT = Path(__file__).resolve().parents[1]
EXE = [sys.executable, "-m", "exportrow.cli"]


def test_blank_sheet_goes_outside_the_class_folder():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "--format csv --out worksheet.csv\n" in readme and "--out class/worksheet.csv" not in readme
    helptext = subprocess.run([*EXE, "worksheet", "--help"], capture_output=True, text=True, check=True).stdout
    assert "--out worksheet.csv" in helptext and "class/worksheet.csv" not in helptext


def test_docs_say_what_a_first_time_user_meets():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "WARNING: lxml 6.1.3 does not provide the extra 'html_clean'`: it is expected and\n  harmless" in readme
    assert "keep older versions\n   of your annotation (`my-article.v2.yaml`" in readme
    annotating = (ROOT / "docs" / "annotating.md").read_text(encoding="utf-8")
    assert "Any other `<article>.<anything>.yaml` beside the article is read as a coding too" in annotating
    teaching = (ROOT / "docs" / "teaching.md").read_text(encoding="utf-8")
    assert "students open `index.html` in any browser. Open" not in teaching
    assert "the edition has no index page" in teaching


def test_view_takes_the_article_as_an_option_too(tmp_path):
    article = FIXTURES / "example-gazette-2021-03-03-freedonia-sylvania-fishing.txt"
    res = subprocess.run([*EXE, "view", "--article", str(article), "--out", str(tmp_path / "v.html")],
                         capture_output=True, text=True)
    assert res.returncode == 0, res.stderr
    assert "Freedonia" in (tmp_path / "v.html").read_text(encoding="utf-8")
    res = subprocess.run([*EXE, "view", str(article), "--article", "other.txt", "--out", str(tmp_path / "w.html")],
                         capture_output=True, text=True)
    assert res.returncode == 2
    assert "two articles given" in res.stderr and not (tmp_path / "w.html").exists()


def test_worksheet_01_for_an_article_without_numbers():
    path = FIXTURES / "articles" / "ostravian-mirror-2024-05-16-ambassador-recalled.yaml"
    ann = load_annotation(path, load_article(article_to_load("", path)))
    text = _no_figures(ann)
    assert "which numbers does it give" not in text
    assert text.startswith("The article states no figure: every number in it is a date or set aside")
    assert "rest its case on instead" in text
    numbers = SimpleNamespace(uncovered_numbers=lambda: [(0, 2, "12")])
    assert "which numbers does it give" in _no_figures(numbers)
