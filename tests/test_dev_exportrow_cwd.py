"""Review 16b, finding 5: `python3 dev.py exportrow ...` ran in the project folder, so a relative path was read from
there, and the error ("relative paths start from the folder you run the command in, <project>") named a folder the
reader was not in. It now runs in the caller's folder, as the activated `exportrow` does."""

import importlib.util
import shutil
import sys
from pathlib import Path

import pytest
from conftest import FIXTURES, ROOT

STEEL = FIXTURES / "review16b" / "pacific-trade-wire-2025-03-13-steel-duties"


@pytest.fixture()
def dev(monkeypatch):
    """dev.py as a module, using the environment the tests run in (no set-up, no install)."""
    spec = importlib.util.spec_from_file_location("dev_under_test", ROOT / "dev.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    monkeypatch.setattr(module, "ensure_env", lambda: None)
    monkeypatch.setattr(module, "BIN", Path(sys.executable).parent)
    return module


def test_dev_py_exportrow_reads_relative_paths_from_the_callers_folder(dev, tmp_path, monkeypatch, capfd):
    for suffix in (".txt", ".yaml"):
        shutil.copyfile(STEEL.with_suffix(suffix), tmp_path / STEEL.with_suffix(suffix).name)
    monkeypatch.chdir(tmp_path)
    assert dev.main(["exportrow", "check", STEEL.with_suffix(".yaml").name]) == 0
    out, err = capfd.readouterr()
    assert f"OK {STEEL.with_suffix('.yaml').name}: 8 actors, 7 figures, 10 claims, 8 events" in out, out + err


def test_dev_py_exportrow_names_the_callers_folder_for_a_missing_file(dev, tmp_path, monkeypatch, capfd):
    monkeypatch.chdir(tmp_path)
    assert dev.main(["exportrow", "check", "missing.yaml"]) != 0
    _, err = capfd.readouterr()
    assert f"relative paths start from the folder you run the command in, {tmp_path.resolve()})" in err
    assert str(ROOT) not in err


def test_the_other_dev_py_commands_keep_the_project_folder(dev, tmp_path, monkeypatch):
    calls = []

    class Child:  # what dev.run starts: record the folder it runs in
        def __init__(self, cmd, cwd=None, **kw):
            calls.append(cwd)

        def wait(self):
            return 0
    monkeypatch.setattr(dev.subprocess, "Popen", Child)
    monkeypatch.chdir(tmp_path)
    assert dev.main(["report", "--help"]) == 0 and dev.main(["book", "--help"]) == 0
    assert dev.main(["exportrow", "--help"]) == 0
    assert calls == [dev.ROOT, dev.ROOT, str(tmp_path)]
