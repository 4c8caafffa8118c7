"""Review 8, finding 13: a report's failure line quotes the line of the cell where the error was raised (from the
traceback), not the cell's first line, and gives a path as the user would give it, not relative to the kernel."""

from __future__ import annotations

import nbformat
import pytest

from exportrow.report import NotebookResult, _locate_failure, _user_paths

SOURCE = ("from IPython.display import Markdown\n"
          "\n"
          "result = agreement([annotation_path, *coding_paths])\n"
          "Markdown(result.text())\n")
TRACEBACK = ["\x1b[0;31m---------------------------------------------------------------------------\x1b[0m",
             "\x1b[0;31mWorksheetError\x1b[0m                            Traceback (most recent call last)",
             "Cell \x1b[0;32mIn[3], line 3\x1b[0m\n\x1b[1;32m      1\x1b[0m from IPython.display import Markdown\n"
             "\x1b[0;32m----> 3\x1b[0m result \x1b[38;5;241m=\x1b[39m agreement(...)",
             "File \x1b[0;32m/x/exportrow/agreement.py:120\x1b[0m, in \x1b[0;36magreement\x1b[0;34m(paths)\x1b[0m",
             "\x1b[0;31mWorksheetError\x1b[0m: ../../river.bomb.yaml: line 9: a YAML anchor (&a0) is not accepted"]


def _notebook(traceback):
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_markdown_cell("# Title"), nbformat.v4.new_code_cell("x = 1", execution_count=1),
                nbformat.v4.new_code_cell(SOURCE, execution_count=3)]
    nb.cells[2].outputs = [nbformat.v4.new_output("error", ename="WorksheetError", evalue="...",
                                                  traceback=traceback)]
    return nb


def test_the_failure_names_the_line_that_raised():
    res = NotebookResult("04-coding-reliability")
    _locate_failure(res, _notebook(TRACEBACK), None)
    assert res.where() == "cell 2 (In [3]) `result = agreement([annotation_path, *coding_paths])`"


def test_without_a_cell_line_in_the_traceback_the_first_line_is_quoted():
    res = NotebookResult("04-coding-reliability")
    _locate_failure(res, _notebook(["WorksheetError: bad"]), None)
    assert res.where() == "cell 2 (In [3]) `from IPython.display import Markdown`"


def test_a_kernel_relative_path_is_given_as_the_user_would(tmp_path):
    kernel = tmp_path / ".rep-tmp" / "04-coding-reliability"
    kernel.mkdir(parents=True)
    error = "WorksheetError: ../../river.bomb.yaml: line 9: a YAML anchor (&a0) is not accepted"
    assert _user_paths(error, kernel, tmp_path) == ("WorksheetError: river.bomb.yaml: line 9: a YAML anchor (&a0) "
                                                    "is not accepted")
    elsewhere = tmp_path / "other"
    elsewhere.mkdir()
    assert _user_paths(error, kernel, elsewhere) == (f"WorksheetError: {tmp_path / 'river.bomb.yaml'}: line 9: a "
                                                     "YAML anchor (&a0) is not accepted")
    assert _user_paths("NameError: x is not defined", kernel, tmp_path) == "NameError: x is not defined"


def test_an_exportrow_error_without_a_traceback_is_located_by_the_line_its_kernel_logged():
    import io

    from exportrow.errors import CELL_LINE_MARK
    from exportrow.report import _LINE_SEP, _logged_cell_line

    log = io.StringIO(f"kernel started\n{CELL_LINE_MARK}3\n")
    assert _logged_cell_line(log) == f"{_LINE_SEP}3"
    assert _logged_cell_line(io.StringIO("kernel started\n")) == ""
    res = NotebookResult("04-coding-reliability")
    _locate_failure(res, _notebook(["WorksheetError: ../../river.bomb.yaml: line 9: a YAML anchor"]), None, 3)
    assert res.where() == "cell 2 (In [3]) `result = agreement([annotation_path, *coding_paths])`"



def test_an_exportrow_error_names_the_cell_line_on_the_kernels_stderr(monkeypatch, capfd):
    from exportrow.errors import CELL_LINE_ENV, ExportrowError

    code = compile("x = 1\n\nraise ExportrowError('bad file')\n", "/tmp/ipykernel_12/345.py", "exec")
    try:
        exec(code, {"ExportrowError": ExportrowError})
    except ExportrowError as exc:
        monkeypatch.delenv(CELL_LINE_ENV, raising=False)
        assert exc._render_traceback_() == ["ExportrowError: bad file"]
        assert "exportrow-cell-line" not in capfd.readouterr().err  # only in a report's kernel
        monkeypatch.setenv(CELL_LINE_ENV, "1")
        assert exc._render_traceback_() == ["ExportrowError: bad file"]  # the notebook shows the message alone
        assert capfd.readouterr().err == "exportrow-cell-line: 3\n"


@pytest.mark.slow
def test_a_refused_coding_stops_the_report_before_notebook_04_runs(tmp_path):
    import shutil

    from conftest import FIXTURES, report

    stem = "example-gazette-2021-03-03-freedonia-sylvania-fishing"
    for suffix in (".txt", ".yaml"):
        shutil.copy(FIXTURES / f"{stem}{suffix}", tmp_path / f"{stem}{suffix}")
    bomb = ("exportrow_worksheet: 1\n"
            "x_lol0: &a0 [\"lol\", \"lol\"]\n"
            "x_lol1: [*a0, *a0]\n")
    (tmp_path / f"{stem}.bomb.yaml").write_text(bomb, encoding="utf-8")
    res = report("rep", "--article", f"{stem}.txt", "--annotation", f"{stem}.yaml", "--notebooks", "04",
                 cwd=tmp_path)
    assert res.returncode == 1, res.stderr
    assert "04-coding-reliability, cell" not in res.stderr and not (tmp_path / "rep").exists()  # notebook 04 never ran
    assert f"\nerror: {tmp_path / stem}.bomb.yaml: line 2: a YAML anchor (&a0) is not accepted" in res.stderr
    assert "notebook 04-coding-reliability compares this coding, so no report was written" in res.stderr
    assert "Traceback" not in res.stderr and "IPython" not in res.stderr
