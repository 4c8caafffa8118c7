"""Shared fixtures: the seed article and a way to write broken copies of its annotation."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from exportrow import paths
from exportrow.article import load_article

ROOT = paths.PROJECT_ROOT
FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture(autouse=True, scope="session")
def _outputs_to_tmp(tmp_path_factory):
    """Notebooks run by the tests write into a temporary folder, never into reports/."""
    old = os.environ.get("EXPORTROW_OUTPUT_ROOT")
    os.environ["EXPORTROW_OUTPUT_ROOT"] = str(tmp_path_factory.mktemp("outputs"))
    yield
    if old is None:
        os.environ.pop("EXPORTROW_OUTPUT_ROOT", None)
    else:
        os.environ["EXPORTROW_OUTPUT_ROOT"] = old


@pytest.fixture(scope="session")
def article():
    return load_article()


@pytest.fixture
def seed_yaml() -> str:
    return paths.default_annotation().read_text(encoding="utf-8")


@pytest.fixture
def write_annotation(tmp_path):
    """Write annotation text (str or bytes) to a temporary file and return its path."""

    def write(content, name="broken.yaml") -> Path:
        p = tmp_path / name
        if isinstance(content, bytes):
            p.write_bytes(content)
        else:
            p.write_text(content, encoding="utf-8")
        return p

    return write


NOTEBOOKS = ROOT / "notebooks"


@pytest.fixture
def run_notebook(tmp_path):
    """Execute a notebook with papermill and parameters; return (executed notebook, output folder)."""
    import papermill

    def run(name: str, **params):
        source = NOTEBOOKS / f"{name}.ipynb"
        out = Path(params.get("output_dir") or tmp_path / f"out-{name.replace('/', '-')}")
        if "output_dir" in papermill.inspect_notebook(str(source)):
            params.setdefault("output_dir", str(out))
        executed = tmp_path / f"{name.replace('/', '-')}.ipynb"
        nb = papermill.execute_notebook(str(source), str(executed), parameters=params,
                                        cwd=str(NOTEBOOKS), progress_bar=False, kernel_name="python3")
        return nb, out

    return run


def outputs_text(nb) -> str:
    """All text/plain and stream output of an executed notebook, joined."""
    parts = []
    for cell in nb["cells"]:
        for o in cell.get("outputs", []):
            if "text" in o:
                parts.append("".join(o["text"]))
            data = o.get("data", {})
            if "text/plain" in data:
                parts.append("".join(data["text/plain"]))
            if "text/markdown" in data:
                parts.append("".join(data["text/markdown"]))
    return "\n".join(parts)


def report(out, *args, **kw):
    """Run `exportrow report --out OUT ARGS...` in a subprocess."""
    cmd = [sys.executable, "-m", "exportrow.cli", "report", "--out", str(out), *args]
    return subprocess.run(cmd, capture_output=True, text=True, **kw)


@pytest.fixture(scope="session")
def good_report(tmp_path_factory):
    """One default report for the whole session: (folder, completed process)."""
    out = tmp_path_factory.mktemp("reports") / "latest"
    res = report(out)
    assert res.returncode == 0, res.stderr
    return out, res


HOSTILE_ARTICLE = FIXTURES / "hostile-gazette-2021-03-03-freedonia-sylvania-fishing.txt"
HOSTILE_ANNOTATION = HOSTILE_ARTICLE.with_suffix(".yaml")
HOSTILE_SIDE = "freedonia<svg/onload=window.__xside=true>"  # a side name of the hostile annotation


@pytest.fixture(scope="session")
def hostile_report(tmp_path_factory):
    """The report on the hostile fixture (a marker in every text field), by parameters alone: its folder."""
    out = tmp_path_factory.mktemp("hostile") / "report"
    res = report(out, "--article", str(HOSTILE_ARTICLE), "--annotation", str(HOSTILE_ANNOTATION),
                 "-p", "side_a", HOSTILE_SIDE, "-p", "side_b", "sylvania")
    assert res.returncode == 0, res.stderr
    return out
