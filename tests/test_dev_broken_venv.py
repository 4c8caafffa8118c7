"""Review 19d, finding 2: a `.venv` left without pip (a first run stopped while making it; Debian without
python3-venv) or with a Python that has gone made every later `dev.py` command fail for good ("No module named pip",
or a raw CalledProcessError). dev.py now makes its own `.venv` again, and leaves a folder named by EXPORTROW_VENV
alone with what to do."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT


def _dev(tmp_path: Path, venv: Path):
    spec = importlib.util.spec_from_file_location("dev_broken_venv", ROOT / "dev.py")
    dev = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(dev)
    dev.ROOT, dev.VENV, dev.BIN = tmp_path, venv, venv / "bin"
    dev.PY, dev.STAMP = venv / "bin" / "python", venv / ".exportrow-installed"
    dev.LAB_SETTINGS = tmp_path / "lab.json"
    dev.LAB_SETTINGS.write_text("{}")
    dev.LAB_OVERRIDES = venv / "share" / "lab.json"
    dev.wanted = lambda: "pins"
    dev.calls = []

    def create():  # what _create leaves: an environment with a Python (pip itself is not wanted in a unit test)
        dev.calls.append("create")
        subprocess.check_call([sys.executable, "-m", "venv", "--without-pip", str(venv)])

    dev._create = create
    dev.run = lambda cmd, **kw: dev.calls.append(" ".join(map(str, cmd[1:4]))) or 0
    return dev


def test_a_venv_without_pip_is_made_again(tmp_path, capsys):
    venv = tmp_path / ".venv"
    subprocess.check_call([sys.executable, "-m", "venv", "--without-pip", str(venv)])
    (venv / "left-over").write_text("from the stopped run")
    dev = _dev(tmp_path, venv)
    dev.ensure_env()
    out = capsys.readouterr().out
    assert "the environment in .venv cannot be used: it has no pip" in out and "making it again" in out
    assert not (venv / "left-over").exists()  # removed, then made again
    assert dev.calls[0] == "create" and dev.calls[1] == "-m pip install"
    assert dev.STAMP.read_text() == "pins"


def test_a_venv_whose_python_has_gone_is_made_again(tmp_path, capsys):
    venv = tmp_path / ".venv"
    (venv / "bin").mkdir(parents=True)
    (venv / "bin" / "python").symlink_to(tmp_path / "no-such-python")
    dev = _dev(tmp_path, venv)
    dev.ensure_env()
    assert "cannot be used: its Python is missing or points nowhere" in capsys.readouterr().out
    assert dev.calls[0] == "create" and dev.PY.exists()


def test_a_stamped_working_venv_is_left_alone(tmp_path):
    venv = tmp_path / ".venv"
    subprocess.check_call([sys.executable, "-m", "venv", "--without-pip", str(venv)])
    dev = _dev(tmp_path, venv)
    dev.STAMP.write_text("pins")
    (venv / "mine").write_text("kept")
    dev.ensure_env()
    assert dev.calls == [] and (venv / "mine").read_text() == "kept"  # no pip check, nothing made again


def test_a_broken_venv_named_by_exportrow_venv_is_never_deleted(tmp_path):
    venv = tmp_path / "elsewhere" / "env"
    subprocess.check_call([sys.executable, "-m", "venv", "--without-pip", str(venv)])
    (venv / "mine").write_text("kept")
    dev = _dev(tmp_path, venv)
    with pytest.raises(SystemExit) as stop:
        dev.ensure_env()
    assert f"the environment in {venv} (EXPORTROW_VENV) cannot be used: it has no pip" in str(stop.value)
    assert "dev.py does not delete a folder it was pointed at" in str(stop.value)
    assert (venv / "mine").read_text() == "kept" and dev.calls == []
