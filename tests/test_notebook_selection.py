"""``--notebooks 01`` with ``--solutions`` runs notebook 01 and its worked solution (review 9, finding 5: it was
refused as ambiguous, since "01" also starts the solution's name); unknown or really ambiguous names are still
refused with the list to choose from."""

from __future__ import annotations

import pytest
from conftest import report

from exportrow.report import ReportError, discover, plan

SOLUTION = "01-enforcement-statistics-solutions"


@pytest.mark.parametrize("want", ["01", "01-enforcement-statistics", "01-enforcement-statistics.ipynb"])
def test_a_number_or_name_selects_the_notebook_and_with_solutions_its_solution(want):
    assert [p.stem for p in discover([want])] == ["01-enforcement-statistics"]
    assert [p.stem for p in discover([want], solutions=True)] == ["01-enforcement-statistics", SOLUTION]


def test_several_numbers_with_solutions_keep_their_order_and_add_only_existing_solutions():
    found = discover(["03", "04", "01", "03"], solutions=True)
    assert [(p.parent.name, p.stem) for p in found] == [
        ("notebooks", "03-framing-comparison"), ("solutions", "03-framing-comparison-solutions"),
        ("notebooks", "04-coding-reliability"),  # notebook 04 has no worked solution
        ("notebooks", "01-enforcement-statistics"), ("solutions", SOLUTION)]


def test_a_solution_named_in_full_is_selected_alone():
    assert [p.stem for p in discover([SOLUTION], solutions=True)] == [SOLUTION]


@pytest.mark.parametrize("want", ["0", "05", "enforcement", "01-"])
def test_unknown_or_ambiguous_names_are_still_refused(want):
    with pytest.raises(ReportError, match=f"no single notebook matches '{want}'; choose from: 01-enforcement-stat"):
        discover([want], solutions=True)


def test_plan_accepts_the_teachers_run(tmp_path):
    notebooks, _, _, notes = plan(["01"], [], solutions=True)
    assert [p.stem for p in notebooks] == ["01-enforcement-statistics", SOLUTION] and notes == []
    res = report(tmp_path / "r", "--solutions", "--notebooks", "01", "-p", "figure_format", "gif")
    assert res.returncode == 2 and "no single notebook" not in res.stderr  # got past the selection to -p
    assert '"png", "svg", "pdf"' in res.stderr and not (tmp_path / "r").exists()


def test_a_number_without_its_zero_selects_the_notebook():  # review 10, finding 17: a student types "1"
    assert [p.stem for p in discover(["1", "4"], solutions=True)] == [
        "01-enforcement-statistics", SOLUTION, "04-coding-reliability"]


def test_a_solution_named_without_solutions_says_to_add_it():  # review 10, finding 17
    with pytest.raises(ReportError, match=f"no single notebook matches '{SOLUTION}' \\({SOLUTION} is a worked "
                       "solution: add --solutions to run it\\); choose from: 01-enforcement-statistics, "):
        discover([SOLUTION])
