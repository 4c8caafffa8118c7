"""A notebook's output folder (its ``output_dir``): it writes its own tables and figures there and nothing else,
never over a file someone else put there or over one of its own that a person has edited since."""

import json

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
