"""Two runs of a notebook write byte-identical tables and figures (PNG and SVG)."""

import hashlib

import pytest
from conftest import NOTEBOOKS

MAIN = sorted(p.stem for p in NOTEBOOKS.glob("[0-9][0-9]-*.ipynb"))


def digests(folder):
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.iterdir())}


@pytest.mark.parametrize("name", MAIN)
@pytest.mark.parametrize("fmt", ["png", "svg"])
def test_two_runs_write_identical_files(run_notebook, tmp_path, name, fmt):
    _, a = run_notebook(name, figure_format=fmt, output_dir=str(tmp_path / "a"))
    _, b = run_notebook(name, figure_format=fmt, output_dir=str(tmp_path / "b"))
    da, db = digests(a), digests(b)
    assert any(n.endswith(f".{fmt}") for n in da) and any(n.endswith(".csv") for n in da)
    assert da == db
