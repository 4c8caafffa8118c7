"""Review 11b, finding 12: a notebook run directly (papermill, JupyterLab) checks every parameter against its
parameters cell, with the function `exportrow report -p` uses, before it writes any output."""

from __future__ import annotations

import json
from pathlib import Path

import papermill
import pytest
from conftest import NOTEBOOKS

from exportrow.parameters import ParameterError, convert, declared_in

ALL = sorted(NOTEBOOKS.glob("*.ipynb")) + sorted((NOTEBOOKS / "solutions").glob("*.ipynb"))


@pytest.mark.parametrize("path", ALL, ids=lambda p: p.stem)
def test_the_notebook_reads_its_declarations_as_papermill_does(path):
    cell = next(c for c in json.loads(path.read_text(encoding="utf-8"))["cells"]
                if "parameters" in c["metadata"].get("tags", []))
    ours = declared_in("".join(cell["source"]))
    theirs = papermill.inspect_notebook(str(path))
    assert list(ours) == list(theirs)
    for name, info in theirs.items():
        assert (ours[name]["inferred_type_name"], ours[name]["help"]) == (info["inferred_type_name"], info["help"])


def test_a_declared_bound_stops_papermill_before_any_output(run_notebook, tmp_path):
    out = tmp_path / "02"
    with pytest.raises(papermill.PapermillExecutionError) as info:
        run_notebook("02-claim-timeline", close_up_weeks=99, output_dir=str(out))
    assert info.value.ename == "ParameterError"
    assert info.value.evalue == ("close_up_weeks 99: out of range; allowed: a whole number, at least 0 and at most 52 "
                                 "(declared by 02-claim-timeline)")
    assert not out.exists() or not any(out.iterdir())


def test_a_bad_choice_in_notebook_03_writes_nothing(run_notebook, tmp_path):
    out = tmp_path / "03"
    with pytest.raises(papermill.PapermillExecutionError) as info:
        run_notebook("03-framing-comparison", prior_background="corpus", output_dir=str(out))
    assert info.value.evalue.startswith("prior_background 'corpus': not an allowed value; allowed: one of ")
    assert not out.exists() or not any(out.iterdir())  # was: five files written before the refusal


# Review 13c, finding 1: a value typed with quotes in the parameters cell, or passed as text by papermill's
# `-r NAME VALUE`, passed the check and was then used as text ("False" is true in Python).

def test_the_check_gives_back_the_typed_value_as_report_p_converts_it():
    from exportrow.notebook import check_notebook_parameters

    cell = ('show_derived: bool = True  # also chart derived figures\n'
            'close_up_weeks: int = 2  # weeks, at least 0 and at most 52\n'
            'prior_strength: float = 10.0  # at least 0.01\n'
            'years: list = []  # calendar years to chart, whole numbers, e.g. [2016, 2017]\n'
            'output_dir: str = ""  # folder\n')
    ns = {"In": ["", cell], "show_derived": "False", "close_up_weeks": "0", "prior_strength": 10,
          "years": "[2016, 2017]", "output_dir": ""}
    check_notebook_parameters("nb", ns)
    assert ns["show_derived"] is False and ns["close_up_weeks"] == 0 and type(ns["close_up_weeks"]) is int
    assert ns["prior_strength"] == 10.0 and type(ns["prior_strength"]) is float
    assert ns["years"] == [2016, 2017]
    with pytest.raises(ParameterError) as info:
        check_notebook_parameters("nb", dict(ns, years=["2016", "2017"]))
    assert str(info.value) == ("years ['2016', '2017']: '2016', '2017' are not whole numbers (text in quotes: write "
                               "them without quotes); allowed: a list of whole numbers in YAML form, e.g. "
                               "[2016, 2017] (declared by nb)")


def test_report_p_refuses_quoted_years_with_the_same_rule():
    with pytest.raises(ParameterError, match=r"^-p years '\[\"2016\"\]': '2016' is not a whole number"):
        convert("years", '["2016"]', papermill.inspect_notebook(str(NOTEBOOKS / "01-enforcement-statistics.ipynb"))
                ["years"], "01-enforcement-statistics")


def _edited(tmp_path, name: str, old: str, new: str) -> Path:
    """A copy of a committed notebook with one line of its parameters cell edited, as a student edits it."""
    nb = json.loads((NOTEBOOKS / f"{name}.ipynb").read_text(encoding="utf-8"))
    cell = next(c for c in nb["cells"] if "parameters" in c["metadata"].get("tags", []))
    source = "".join(cell["source"])
    assert source.count(old) == 1
    cell["source"] = source.replace(old, new).splitlines(True)
    path = tmp_path / f"{name}-edited.ipynb"
    path.write_text(json.dumps(nb), encoding="utf-8")
    return path


def _run(path: Path, tmp_path, **params):
    from conftest import kernel_manager

    out = tmp_path / "out"
    nb = papermill.execute_notebook(str(path), str(tmp_path / "executed.ipynb"), cwd=str(NOTEBOOKS),
                                    parameters={"output_dir": str(out), **params}, progress_bar=False,
                                    kernel_name="python3", kernel_manager_class=kernel_manager())
    return nb, out


def _bases(out: Path) -> list[str]:
    import csv

    with open(out / "cases-by-period.csv", encoding="utf-8") as f:
        return [row["basis"] for row in csv.DictReader(f)]


@pytest.mark.slow
def test_show_derived_typed_as_text_in_the_parameters_cell_draws_no_derived_bar(tmp_path):
    path = _edited(tmp_path, "01-enforcement-statistics", "show_derived: bool = True", 'show_derived: bool = "False"')
    _, out = _run(path, tmp_path)
    assert _bases(out) == ["stated", "stated", "stated"]  # was: a fourth, derived row ("False" is true)


@pytest.mark.slow
def test_papermill_r_show_derived_false_draws_no_derived_bar(run_notebook):
    _, out = run_notebook("01-enforcement-statistics", show_derived="false")  # what `-r show_derived false` injects
    assert _bases(out) == ["stated", "stated", "stated"]


@pytest.mark.slow
def test_close_up_weeks_and_show_context_typed_as_text_run_as_numbers_and_booleans(tmp_path):
    path = _edited(tmp_path, "02-claim-timeline", "close_up_weeks: int = 2", 'close_up_weeks: int = "0"')
    nb, out = _run(path, tmp_path, show_context="false")  # was: TypeError: Invalid type <class 'str'>
    assert (out / "timeline.png").exists() and not (out / "timeline-close-up.png").exists()
    events = (out / "events.csv").read_text(encoding="utf-8")
    assert events.count(",context,") == 0  # was: 13 context events for "false"
    assert ",article," in events


@pytest.mark.slow
def test_years_typed_as_text_is_refused_before_any_output(tmp_path):
    path = _edited(tmp_path, "01-enforcement-statistics", "years: list = []", 'years: list = ["2016", "2017"]')
    with pytest.raises(papermill.PapermillExecutionError) as info:
        _run(path, tmp_path)
    assert info.value.ename == "ParameterError"
    assert info.value.evalue.startswith("years ['2016', '2017']: '2016', '2017' are not whole numbers (text in "
                                        "quotes: write them without quotes); allowed: a list of whole numbers")
    assert not (tmp_path / "out").exists() or not any((tmp_path / "out").iterdir())
