"""A notebook's output folder (its ``output_dir``): it writes its own tables and figures there and nothing else,
never over a file someone else put there or over one of its own that a person has edited since."""

import json
from pathlib import Path

import pandas as pd
import pytest
from conftest import NOTEBOOKS, kernel_manager

from exportrow import outdir, paths
from exportrow.notebook import write_table
from exportrow.outdir import MARKER, OutputFolderError, check_notebook_folder, write_notebook_output


def test_its_own_files_are_replaced_and_recorded(tmp_path):
    write_table(pd.DataFrame({"a": [1]}), tmp_path, "figures")
    write_table(pd.DataFrame({"a": [2]}), tmp_path, "figures")
    write_notebook_output(tmp_path / "chart.png", b"\x89PNG")
    assert (tmp_path / "figures.csv").read_text() == "a\n2\n"
    marker = json.loads((tmp_path / MARKER).read_text())
    assert marker["kind"] == "notebook" and marker["files"] == ["chart.png", "figures.csv"]
    assert marker["checksums"]["figures.csv"]["size"] == 4 and marker["checksums"]["chart.png"]["size"] == 4


def test_a_file_someone_else_put_there_is_never_replaced(tmp_path):
    (tmp_path / "figures.csv").write_text("my own figures\n")
    (tmp_path / "notes.md").write_text("mine\n")
    with pytest.raises(OutputFolderError, match=r"figures\.csv is there and exportrow did not write it"):
        write_table(pd.DataFrame({"a": [1]}), tmp_path, "figures")
    write_table(pd.DataFrame({"a": [1]}), tmp_path, "events")  # a new file beside someone's is fine
    assert (tmp_path / "figures.csv").read_text() == "my own figures\n"
    assert (tmp_path / "notes.md").read_text() == "mine\n"
    assert json.loads((tmp_path / MARKER).read_text())["files"] == ["events.csv"]


def test_an_output_edited_since_is_kept(tmp_path):
    write_table(pd.DataFrame({"a": [1]}), tmp_path, "figures")
    (tmp_path / "figures.csv").write_text("a\n9\n")  # same size, other content
    with pytest.raises(OutputFolderError, match="figures.csv has been changed since"):
        write_table(pd.DataFrame({"a": [1]}), tmp_path, "figures")
    with pytest.raises(OutputFolderError, match="have been changed since: figures.csv"):
        check_notebook_folder(tmp_path)  # and before the notebook does any work
    assert (tmp_path / "figures.csv").read_text() == "a\n9\n"


@pytest.mark.parametrize("kind", ["report", "tables", "student-edition"])
def test_a_folder_another_command_owns_is_refused(tmp_path, kind):
    (tmp_path / MARKER).write_text(outdir.marker_text(kind, files=[]))
    with pytest.raises(OutputFolderError, match=f"holds {outdir.KINDS[kind]}"):
        check_notebook_folder(tmp_path)
    with pytest.raises(OutputFolderError):
        write_table(pd.DataFrame({"a": [1]}), tmp_path, "figures")
    assert not (tmp_path / "figures.csv").exists()


@pytest.mark.parametrize("where", ["notebooks", "data", "."])
def test_a_project_folder_is_refused(where):
    before = sorted(p.name for p in (paths.PROJECT_ROOT / where).iterdir())
    with pytest.raises(OutputFolderError, match="folder of their own"):
        paths.output_dir(str(paths.PROJECT_ROOT / where), "01-enforcement-statistics")
    assert sorted(p.name for p in (paths.PROJECT_ROOT / where).iterdir()) == before


def test_two_runs_leave_identical_folders(tmp_path):
    for run in ("a", "b"):
        write_table(pd.DataFrame({"a": [1, 2]}), tmp_path / run, "figures")
        write_notebook_output(tmp_path / run / "chart.png", b"png")
    assert (tmp_path / "a" / MARKER).read_bytes() == (tmp_path / "b" / MARKER).read_bytes()


@pytest.mark.slow
def test_a_notebook_stops_with_one_sentence_and_leaves_the_file(tmp_path):
    """In a notebook, the refusal is one line (file and fix, no traceback), and the person's file is untouched."""
    import papermill

    mine = tmp_path / "thesis"
    mine.mkdir()
    (mine / "figures.csv").write_text("my own figures\n")
    executed = tmp_path / "run.ipynb"
    with pytest.raises(papermill.PapermillExecutionError):
        papermill.execute_notebook(str(NOTEBOOKS / "01-enforcement-statistics.ipynb"), str(executed),
                                   parameters={"output_dir": str(mine)}, cwd=str(NOTEBOOKS), progress_bar=False,
                                   kernel_name="python3", kernel_manager_class=kernel_manager())
    assert (mine / "figures.csv").read_text() == "my own figures\n"
    errors = [o for c in json.loads(executed.read_text())["cells"] if c["cell_type"] == "code"
              for o in c.get("outputs", []) if o["output_type"] == "error"]
    (error,) = errors
    assert error["ename"] == "OutputFolderError"
    assert error["traceback"] == [f"OutputFolderError: {error['evalue']}"]
    assert "figures.csv is there and exportrow did not write it" in error["evalue"]


@pytest.mark.parametrize("where", ["tests/fixtures/harbor-bridge", "exportrow/newsub", ".git/hooks", "docs/x"])
def test_a_folder_inside_a_project_folder_is_refused(where):
    target = paths.PROJECT_ROOT / where
    existed = target.exists()
    with pytest.raises(OutputFolderError, match="inside the project's"):
        paths.output_dir(str(target), "01-enforcement-statistics")
    assert target.exists() == existed and not (target / MARKER).exists()


def test_a_folder_inside_one_another_command_owns_is_refused(tmp_path):
    """A report's notebook folder or a student edition's data: that command replaces the whole folder, and a
    notebook writing in it would make its next run refuse the folder. A student edition's notebooks/outputs/ is
    where its notebooks write."""
    report = tmp_path / "r"
    (report / "01-enforcement-statistics").mkdir(parents=True)
    (report / MARKER).write_text(outdir.marker_text("report", files=["01-enforcement-statistics/"]))
    edition = tmp_path / "se"
    (edition / "data").mkdir(parents=True)
    (edition / MARKER).write_text(outdir.marker_text("student-edition", files=["data/"]))
    for folder in (report / "01-enforcement-statistics", report / "01-enforcement-statistics" / "new",
                   edition / "data", edition / "notebooks"):
        with pytest.raises(OutputFolderError, match="which exportrow replaces as a whole"):
            check_notebook_folder(folder)
        with pytest.raises(OutputFolderError):
            write_table(pd.DataFrame({"a": [1]}), folder, "figures")
        assert not (folder / "figures.csv").exists()
    mine = edition / "notebooks" / "outputs" / "01-enforcement-statistics"
    assert check_notebook_folder(mine) == mine
    write_table(pd.DataFrame({"a": [1]}), mine, "figures")


def test_a_marker_exportrow_cannot_read_is_never_written_over(tmp_path):
    (tmp_path / MARKER).write_text("my own notes, not json {")
    with pytest.raises(OutputFolderError, match="not a marker exportrow can read"):
        check_notebook_folder(tmp_path)
    with pytest.raises(OutputFolderError, match="not a marker exportrow can read"):
        write_table(pd.DataFrame({"a": [1]}), tmp_path, "figures")
    assert (tmp_path / MARKER).read_text() == "my own notes, not json {"
    assert not (tmp_path / "figures.csv").exists()


def test_notebooks_outputs_is_open_and_the_example_works_where_the_notebook_runs(monkeypatch):
    """rv13b finding 5: a notebook run in notebooks/ (as JupyterLab runs it) refused output_dir "outputs/mine", and the
    refusal suggested that same value. notebooks/outputs/ is open to notebooks (README), and each refusal's example
    is written from the folder the notebook runs in."""
    import shutil

    from exportrow.outdir import _notebook_example

    outputs = paths.PROJECT_ROOT / "notebooks" / "outputs"
    existed = outputs.exists()
    made = outputs / "rv13b-finding-5"
    try:
        monkeypatch.chdir(paths.PROJECT_ROOT / "notebooks")
        assert _notebook_example() == "outputs/mine"
        assert check_notebook_folder(Path("outputs/rv13b-finding-5")) == Path("outputs/rv13b-finding-5")
        assert made.is_dir()
        with pytest.raises(OutputFolderError) as info:
            check_notebook_folder(Path("mine"))  # notebooks/mine: still refused, with an example that works here
        assert str(info.value) == ("output_dir mine: that is inside the project's notebooks/ folder; a notebook "
                                   "writes its tables and figures into a folder of their own, e.g. output_dir = "
                                   "\"outputs/mine\"")
        monkeypatch.chdir(paths.PROJECT_ROOT / "notebooks" / "solutions")
        with pytest.raises(OutputFolderError, match=r'e\.g\. output_dir = "\.\./outputs/mine"$'):
            check_notebook_folder(Path("mine"))
        assert check_notebook_folder(Path("../outputs/rv13b-finding-5")).resolve() == made.resolve()
        monkeypatch.chdir(paths.PROJECT_ROOT)
        assert _notebook_example() == "notebooks/outputs/mine"
    finally:
        shutil.rmtree(made, ignore_errors=True)
        if not existed:
            shutil.rmtree(outputs, ignore_errors=True)
