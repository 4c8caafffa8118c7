"""exportrow never deletes a file it did not write: a published folder that also holds someone's own files is
refused before any work (exit 2), the files are listed with the fix, and they stay exactly as they were."""

from __future__ import annotations

import io
import json
import subprocess
import sys

import nbformat
import pytest

from exportrow import cli
from exportrow.outdir import MARKER, Publication, check_out, failed_path, marker_text, read_marker


def run(*args):
    return subprocess.run([sys.executable, "-m", "exportrow.cli", *map(str, args)], capture_output=True, text=True)


def published(folder, kind, files):
    """A folder exportrow published earlier: its marker lists ``files``, which are there."""
    folder.mkdir(parents=True)
    for name in files:
        path = folder / name.rstrip("/")
        if name.endswith("/"):
            path.mkdir(parents=True, exist_ok=True)
        else:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text("written by exportrow\n")
    (folder / MARKER).write_text(marker_text(kind, files=files))
    return folder


def test_tables_rerun_keeps_a_users_notes_and_folder(tmp_path):
    out = tmp_path / "t1"
    assert run("tables", "--out", out).returncode == 0
    assert json.loads((out / MARKER).read_text())["files"] == ["actors.csv", "claims.csv", "datapackage.json",
                                                                 "events.csv", "figures.csv"]
    assert run("tables", "--out", out).returncode == 0  # its own folder: replaced as before
    (out / "notes.txt").write_text("my notes\n")
    (out / "sub").mkdir()
    (out / "sub" / "important.txt").write_text("x\n")
    before = (out / "figures.csv").read_bytes()
    res = run("tables", "--out", out)
    assert res.returncode == 2, res.stderr
    assert res.stderr.strip() == (
        f"error: --out {out}: the folder holds files that exportrow did not write: notes.txt, sub/. exportrow "
        "replaces this folder as a whole and would delete them, so nothing was run. Fix: move them out of "
        f"{out} (keep your own files elsewhere), or choose another folder, e.g. --out tables/mine")
    assert (out / "notes.txt").read_text() == "my notes\n" and (out / "sub" / "important.txt").read_text() == "x\n"
    assert (out / "figures.csv").read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["t1"]  # no temporary folder, no lock left
    (out / "notes.txt").unlink()
    (out / "sub" / "important.txt").unlink()
    (out / "sub").rmdir()
    assert run("tables", "--out", out).returncode == 0  # moved out: the next run goes ahead


def test_report_rerun_keeps_teacher_notes_before_any_kernel_starts(tmp_path, capsys):
    out = published(tmp_path / "r1", "report", ["index.html", "01-enforcement-statistics/",
                                                "01-enforcement-statistics/01-enforcement-statistics.html"])
    (out / "teacher-notes.md").write_text("grading\n")
    (out / "01-enforcement-statistics" / "my-copy.ipynb").write_text("{}")
    code = cli.main(["report", "--out", str(out), "--notebooks", "01"])
    err = capsys.readouterr().err
    assert code == 2
    assert "the folder holds files that exportrow did not write: 01-enforcement-statistics/my-copy.ipynb, " \
           "teacher-notes.md." in err
    assert f"Fix: move them out of {out}" in err and "e.g. --out reports/mine" in err
    assert "running" not in err and "started" not in err
    assert (out / "teacher-notes.md").read_text() == "grading\n"
    assert (out / "01-enforcement-statistics" / "my-copy.ipynb").read_text() == "{}"


def test_a_users_file_in_the_failed_folder_is_kept(tmp_path, capsys):
    out = tmp_path / "r"
    failed = published(failed_path(out), "report", ["index.html"])
    (failed / "draft.txt").write_text("mine\n")
    assert cli.main(["report", "--out", str(out), "--notebooks", "01"]) == 2
    assert "r.failed: the folder holds files that exportrow did not write: draft.txt." in capsys.readouterr().err
    assert (failed / "draft.txt").read_text() == "mine\n"


def test_a_later_success_keeps_a_failed_folder_that_holds_a_users_file(tmp_path):
    """Publishing removes a stale ``<out>.failed`` only when it holds nothing but exportrow's files."""
    out = tmp_path / "r"
    failed = published(failed_path(out), "report", ["index.html"])
    with Publication(out, "report") as pub:
        (failed / "notes.txt").write_text("added during the run\n")
        (pub.tmp / "index.html").write_text("new\n")
        pub.publish()
    assert (failed / "notes.txt").read_text() == "added during the run\n"
    assert read_marker(out)["files"] == ["index.html"]


def test_a_run_replaces_its_own_files_and_records_them(tmp_path):
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("print(6 * 7)")])
    nbformat.write(nb, tmp_path / "00-tiny.ipynb")
    from exportrow.report import run_report

    for _ in range(2):  # the second run replaces the first's folder: every file in it is listed in the marker
        results, where = run_report([tmp_path / "00-tiny.ipynb"], tmp_path / "report", {}, stream=io.StringIO())
        assert results[0].ok and where == tmp_path / "report"
    files = read_marker(where)["files"]
    assert "00-tiny/" in files and "00-tiny/00-tiny.ipynb" in files and "index.html" in files
    assert not any(f.startswith(".cache") for f in files)


@pytest.mark.slow
def test_student_edition_rerun_keeps_a_students_notebook(tmp_path):
    out = tmp_path / "se"
    assert run("student-edition", "--out", out, "--no-pdf", "--notebooks", "01").returncode == 0
    (out / "notebooks" / "alice.ipynb").write_text("answers\n")
    res = run("student-edition", "--out", out, "--no-pdf", "--notebooks", "01")
    assert res.returncode == 2
    assert "the folder holds files that exportrow did not write: notebooks/alice.ipynb." in res.stderr
    assert "Traceback" not in res.stderr
    assert (out / "notebooks" / "alice.ipynb").read_text() == "answers\n"


def test_an_edition_whose_notebooks_were_run_is_refused_saying_what_the_outputs_are(tmp_path):
    """Review 5, finding 15: outputs the edition's own notebooks wrote (a student ran one) are named as such."""
    from exportrow.errors import UsageError
    from exportrow.outdir import write_notebook_output

    out = tmp_path / "se"
    (out / "notebooks").mkdir(parents=True)
    (out / "notebooks" / "01-enforcement-statistics.ipynb").write_text("{}")
    (out / MARKER).write_text(marker_text("student-edition", files=["notebooks/",
                                                                    "notebooks/01-enforcement-statistics.ipynb"]))
    write_notebook_output(out / "notebooks" / "outputs" / "01-enforcement-statistics" / "figures.csv", "a\n1\n")
    with pytest.raises(UsageError) as err:
        check_out(out, "student-edition")
    assert str(err.value) == (
        f"--out {out}: the folder holds outputs that the edition's notebooks wrote when someone ran them (perhaps a "
        "student's work): notebooks/outputs/. exportrow replaces this folder as a whole and would delete them, so "
        f"nothing was run. Fix: copy notebooks/outputs/ out of {out} to keep them and delete it there, or write the "
        "new edition into another folder, e.g. --out reports/class-edition")
    (out / "notebooks" / "alice.ipynb").write_text("answers\n")  # and a file of a student's own: said as before
    with pytest.raises(UsageError, match="the folder holds files that exportrow did not write: notebooks/alice.ipynb, "
                                         "notebooks/outputs/"):
        check_out(out, "student-edition")


def test_a_folder_an_earlier_version_published_is_not_replaced(tmp_path):
    """Its marker does not list the files, so exportrow cannot tell them from the user's: refused, with the fix."""
    out = tmp_path / "old"
    out.mkdir()
    (out / MARKER).write_text(marker_text("tables"))  # no list of files
    (out / "figures.csv").write_text("x\n")
    (out / "notes.txt").write_text("mine\n")
    res = run("tables", "--out", out)
    assert res.returncode == 2
    assert "an earlier exportrow published this folder without recording which files it wrote" in res.stderr
    assert "(figures.csv, notes.txt)" in res.stderr and "delete the folder yourself" in res.stderr
    assert (out / "notes.txt").read_text() == "mine\n" and (out / "figures.csv").read_text() == "x\n"


def test_an_older_student_edition_marker_alone_is_still_replaced(tmp_path):
    out = tmp_path / "older"
    out.mkdir()
    (out / ".exportrow-student-edition").write_text("Written by `exportrow student-edition`\n")
    assert check_out(out, "student-edition") == out.resolve()
    (out / "grades.csv").write_text("alice,A\n")
    with pytest.raises(Exception, match=r"cannot tell them from yours \(grades.csv\)"):
        check_out(out, "student-edition")


def test_the_course_site_keeps_a_users_page(tmp_path):
    out = published(tmp_path / "site", "site", ["index.html", "_static/", "_static/a.css"])
    (out / "_static" / "mine.css").write_text("body{}")
    with pytest.raises(Exception, match=r"did not write: _static/mine.css\. .*--out build/site"):
        check_out(out, "site")
    assert (out / "_static" / "mine.css").read_text() == "body{}"
