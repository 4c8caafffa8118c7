"""A relative file path saved in a notebook's own parameters cell (the student edition's ``../data/...``, or a path
edited in JupyterLab) is read from that notebook's folder, as JupyterLab and ``papermill --cwd`` read it; ``-p``
paths still start from the folder the command runs in (rev17b, finding 1: the report read the cell's path from its
temporary kernel folder, failed in every notebook, and its message named that folder)."""

from __future__ import annotations

import json
import re
import shutil

import pandas as pd
import pytest
from conftest import FIXTURES, report

from exportrow.report import NOTEBOOKS, ReportError, _notebook_parameters, _own_file_parameters, plan

ARTICLE = FIXTURES / "example-gazette-2021-03-03-freedonia-sylvania-fishing.txt"
ANNOTATION = ARTICLE.with_suffix(".yaml")
NB01 = "01-enforcement-statistics"


def _edition(root, **cell):
    """A folder laid out as the student edition: ``data/`` with the fixture, ``notebooks/01-...`` whose parameters
    cell sets ``cell`` (paths written relative to ``notebooks/``)."""
    (root / "data").mkdir(parents=True)
    (root / "notebooks").mkdir()
    for p in (ARTICLE, ANNOTATION):
        shutil.copy(p, root / "data" / p.name)
    nb = json.loads((NOTEBOOKS / f"{NB01}.ipynb").read_text(encoding="utf-8"))
    params = next(c for c in nb["cells"] if "parameters" in c["metadata"].get("tags", []))
    text = "".join(params["source"])
    for name, value in cell.items():
        text, n = re.subn(rf"^{name}: str = \"\"", f"{name}: str = {json.dumps(value)}", text, flags=re.M)
        assert n == 1, name
    params["source"] = text
    path = root / "notebooks" / f"{NB01}.ipynb"
    path.write_text(json.dumps(nb), encoding="utf-8")
    return path


def test_a_cells_relative_paths_are_read_from_the_notebooks_folder(tmp_path, monkeypatch):
    nb = _edition(tmp_path / "ed", article_path=f"../data/{ARTICLE.name}", annotation_path=f"../data/{ANNOTATION.name}")
    (tmp_path / "elsewhere").mkdir()
    monkeypatch.chdir(tmp_path / "elsewhere")
    notebooks, declared, params, _ = plan([str(nb)], [])
    data = (tmp_path / "ed" / "data").resolve()
    # checked up front, shown on the index, and given to the kernel as an explicit parameter
    assert params == {"article_path": str(data / ARTICLE.name), "annotation_path": str(data / ANNOTATION.name)}
    own = _own_file_parameters(nb, declared[NB01])
    assert _notebook_parameters({}, own, declared[NB01]) == params


def test_p_values_still_start_from_the_folder_the_command_runs_in(tmp_path, monkeypatch):
    nb = _edition(tmp_path / "ed", article_path=f"../data/{ARTICLE.name}")
    shutil.copy(ARTICLE, tmp_path / "mine.txt")
    shutil.copy(ANNOTATION, tmp_path / "mine.yaml")
    monkeypatch.chdir(tmp_path)
    *_, params, _ = plan([str(nb)], [("article_path", "mine.txt")])
    assert params["article_path"] == str((tmp_path / "mine.txt").resolve())


def test_a_missing_file_in_a_cell_is_refused_naming_the_notebook_and_its_folder(tmp_path, monkeypatch):
    nb = _edition(tmp_path / "ed", article_path="../data/gone.txt")
    monkeypatch.chdir(tmp_path)
    folder = (tmp_path / "ed" / "notebooks").resolve()
    with pytest.raises(ReportError) as err:
        plan([str(nb)], [])
    assert str(err.value) == (
        f"{nb}: its parameters cell sets article_path '../data/gone.txt': no such file, "
        f"{(tmp_path / 'ed' / 'data' / 'gone.txt').resolve()} (a notebook's own relative paths start from its "
        f"folder, {folder}, as in JupyterLab); correct the path in the notebook, or give -p article_path PATH")
    # -p replaces the cell's value: then the cell's missing file does not matter
    *_, params, _ = plan([str(nb)], [("article_path", str(ARTICLE))])
    assert params["article_path"] == str(ARTICLE.resolve())


def test_notebooks_that_name_different_files_each_keep_their_own(tmp_path, monkeypatch):
    nb = _edition(tmp_path / "ed", article_path=f"../data/{ARTICLE.name}", annotation_path=f"../data/{ANNOTATION.name}")
    monkeypatch.chdir(tmp_path)
    notebooks, declared, params, _ = plan([str(nb), "02"], [])
    assert params == {}  # notebook 02 reads the bundled article: nothing is shared
    own = _own_file_parameters(nb, declared[NB01])
    assert _notebook_parameters(params, own, declared[NB01])["article_path"] == str(
        (tmp_path / "ed" / "data" / ARTICLE.name).resolve())
    assert _own_file_parameters(notebooks[1], declared["02-claim-timeline"]) == {}


@pytest.mark.slow
def test_report_runs_a_notebook_whose_cell_names_its_files_relative_to_its_folder(tmp_path):
    nb = _edition(tmp_path / "ed", article_path=f"../data/{ARTICLE.name}", annotation_path=f"../data/{ANNOTATION.name}")
    res = report(tmp_path / "r", "--notebooks", nb.name, cwd=nb.parent)
    assert res.returncode == 0, res.stderr
    figs = pd.read_csv(tmp_path / "r" / NB01 / "figures.csv").set_index("figure_id")
    assert figs.loc["seizures_total", "value"] == 90  # the fixture's figure, not the bundled article's
    run = json.loads((tmp_path / "r" / "run.json").read_text(encoding="utf-8"))
    assert run["parameters"]["article_path"] == f"ed/data/{ARTICLE.name}"
