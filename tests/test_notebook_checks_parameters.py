"""Review 11b, finding 12: a notebook run directly (papermill, JupyterLab) checks every parameter against its
parameters cell, with the function `exportrow report -p` uses, before it writes any output."""

from __future__ import annotations

import json

import papermill
import pytest
from conftest import NOTEBOOKS

from exportrow.parameters import declared_in

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
