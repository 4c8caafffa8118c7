"""Every notebook parameter whose comment lists its allowed texts says "one of", so that ``exportrow report`` checks a
``-p`` value against them before any kernel starts (review 9, finding 1: notebook 04's figure_format was checked only
by the notebook, after its kernel had started); and a failed report into a new folder does not speak of a previous
report."""

from __future__ import annotations

import re

import pytest
from conftest import report
from test_report import tiny_notebooks

from exportrow.export import FORMATS
from exportrow.parameters import rules
from exportrow.report import NOTEBOOKS, _declared

BOOKS = sorted(NOTEBOOKS.glob("[0-9][0-9]-*.ipynb")) + sorted((NOTEBOOKS / "solutions").glob("*.ipynb"))
# Two or more quoted texts joined by "or" (a list of allowed values), outside an "e.g." example.
LISTED = re.compile(r'"[^"\n]*"(?:\s*\([^)"\n]*\))?(?:\s*,\s*"[^"\n]*"(?:\s*\([^)"\n]*\))?)*\s*,?\s+or\s+"')


@pytest.mark.parametrize("book", BOOKS, ids=lambda p: p.stem)
def test_listed_values_parse_as_choices(book):
    declared = _declared([book])[book.stem]
    for name, info in declared.items():
        help_text = re.sub(r"\be\.g\.[^;]*", "", info.get("help", ""))  # examples are not allowed values
        if LISTED.search(help_text):
            assert rules(info).get("choices"), f"{book.stem}: {name}: {info['help']!r} lists values without 'one of'"
    if "figure_format" in declared:
        assert rules(declared["figure_format"])["choices"] == list(FORMATS), book.stem


def test_notebook_04_figure_format_is_refused_before_any_kernel(tmp_path):
    out = tmp_path / "r04"
    res = report(out, "--notebooks", "04", "-p", "figure_format", "gif")
    assert res.returncode == 2, res.stderr
    assert "figure_format" in res.stderr and '"png", "svg", "pdf"' in res.stderr and "Traceback" not in res.stderr
    assert not out.exists() and not out.with_name("r04.failed").exists() and "started" not in res.stderr


@pytest.mark.slow
def test_a_failed_report_into_a_new_folder_says_there_was_no_previous_report(tmp_path):
    tiny = tiny_notebooks(tmp_path)["00-tiny"]
    out = tmp_path / "new"
    res = report(out, "--notebooks", str(tiny), "-p", "fail", "true")
    assert res.returncode == 1, res.stderr
    said = f"1 of 1 notebook(s) failed; no report was written to {out} (there was no previous report there)"
    assert said in res.stderr
    assert "the previous report" not in res.stderr and not out.exists()
