"""exportrow never loses a person's edits to a file it wrote: its marker records each written file's size and
SHA-256, and a published folder in which one of them has changed since is refused before any work (exit 2), the
files are named with the fix, and the edits stay. A marker without checksums (an earlier version) is checked by
name only, as before."""

from __future__ import annotations

import io
import json
import subprocess
import sys

import nbformat
import pytest

from exportrow import cli
from exportrow.outdir import MARKER, Publication, check_out, edited_files, failed_path, marker_text, read_marker


def run(*args):
    return subprocess.run([sys.executable, "-m", "exportrow.cli", *map(str, args)], capture_output=True, text=True)


def test_an_edited_table_is_kept_and_named(tmp_path):
    out = tmp_path / "t1"
    assert run("tables", "--out", out).returncode == 0
    sums = json.loads((out / MARKER).read_text())["checksums"]
    assert sorted(sums) == ["actors.csv", "claims.csv", "datapackage.json", "events.csv", "figures.csv"]
    assert sums["actors.csv"]["size"] == (out / "actors.csv").stat().st_size
    assert run("tables", "--out", out).returncode == 0  # unedited: replaced as before
    with open(out / "actors.csv", "a") as fh:
        fh.write("edited\n")
    edited = (out / "actors.csv").read_text()
    res = run("tables", "--out", out)
    assert res.returncode == 2, res.stderr
    assert res.stderr.strip() == (
        f"error: --out {out}: files that exportrow wrote have been changed since: actors.csv. exportrow replaces "
        f"this folder as a whole and would overwrite the changes, so nothing was run. Fix: copy them out of {out} "
        "to keep the changes and delete them there (exportrow writes them again), or choose another folder, "
        "e.g. --out tables/mine")
    assert (out / "actors.csv").read_text() == edited
    assert sorted(p.name for p in tmp_path.iterdir()) == ["t1"]  # no temporary folder, no lock left
    (out / "actors.csv").unlink()  # the fix: the edited copy is elsewhere, exportrow writes the file again
    assert run("tables", "--out", out).returncode == 0
    assert not (out / "actors.csv").read_text().endswith("edited\n")


def test_same_size_edit_and_a_link_in_place_of_a_file_count_as_changed(tmp_path):
    out = tmp_path / "t"
    with Publication(out, "tables") as pub:
        (pub.tmp / "a.csv").write_text("x,1\n")
        (pub.tmp / "b.csv").write_text("y,2\n")
        pub.publish()
    assert edited_files(out) == []
    (out / "a.csv").write_text("x,9\n")  # same size, other content
    (out / "b.csv").unlink()
    (out / "b.csv").symlink_to(tmp_path / "elsewhere.csv")
    assert edited_files(out) == ["a.csv", "b.csv"]
    with pytest.raises(Exception, match=r"changed since: a.csv, b.csv\."):
        check_out(out, "tables")


def test_a_marker_without_checksums_is_checked_by_name_only(tmp_path):
    out = tmp_path / "older"
    out.mkdir()
    (out / "a.csv").write_text("edited by someone, but the marker cannot tell\n")
    (out / MARKER).write_text(marker_text("tables", files=["a.csv"]))
    assert check_out(out, "tables") == out.resolve()
    assert run("tables", "--out", out).returncode == 0
    assert "checksums" in read_marker(out)


def test_a_damaged_checksum_record_counts_nothing_as_exportrows(tmp_path):
    out = tmp_path / "t"
    out.mkdir()
    (out / "a.csv").write_text("x\n")
    (out / MARKER).write_text(json.dumps({"tool": "exportrow", "kind": "tables", "files": ["a.csv"],
                                          "checksums": {"a.csv": "not a record"}}))
    with pytest.raises(Exception, match=r"did not write: a.csv\."):
        check_out(out, "tables")
    assert (out / "a.csv").read_text() == "x\n"


def test_an_edited_report_page_is_kept(tmp_path, capsys):
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("print(6 * 7)")])
    nbformat.write(nb, tmp_path / "00-tiny.ipynb")
    from exportrow.report import run_report

    out = tmp_path / "report"
    for _ in range(2):  # an unedited re-run replaces the folder
        results, where = run_report([tmp_path / "00-tiny.ipynb"], out, {}, stream=io.StringIO())
        assert results[0].ok and where == out
    page = out / "00-tiny" / "00-tiny.html"
    page.write_text(page.read_text() + "<p>teacher's note</p>")
    code = cli.main(["report", "--out", str(out), "--notebooks", "01"])
    err = capsys.readouterr().err
    assert code == 2
    assert "files that exportrow wrote have been changed since: 00-tiny/00-tiny.html." in err
    assert "e.g. --out reports/mine" in err and "running" not in err
    assert page.read_text().endswith("<p>teacher's note</p>")


def test_a_failed_folder_with_an_edited_page_is_kept_after_a_success(tmp_path):
    out = tmp_path / "r"
    with Publication(out, "report") as pub:
        (pub.tmp / "index.html").write_text("failed run\n")
        pub.publish(failed=True)
    failed = failed_path(out)
    (failed / "index.html").write_text("failed run, annotated by hand\n")
    with pytest.raises(Exception, match=r"r.failed: files that exportrow wrote have been changed since: index.html"):
        check_out(failed, "report")
    (failed / "index.html").write_text("failed run\n")  # back as written: a success removes it as before
    with Publication(out, "report") as pub:
        (pub.tmp / "index.html").write_text("ok\n")
        (failed / "index.html").write_text("edited during the run\n")
        pub.publish()
    assert (failed / "index.html").read_text() == "edited during the run\n"


@pytest.mark.slow
def test_a_students_answers_in_a_published_notebook_are_kept(tmp_path):
    out = tmp_path / "se"
    assert run("student-edition", "--out", out, "--no-pdf", "--notebooks", "01").returncode == 0
    assert run("student-edition", "--out", out, "--no-pdf", "--notebooks", "01").returncode == 0  # unedited
    path = next((out / "notebooks").glob("01-*.ipynb"))
    nb = nbformat.read(path, as_version=4)
    nb.cells.append(nbformat.v4.new_markdown_cell("MY ANSWER: 42"))
    nbformat.write(nb, path)
    res = run("student-edition", "--out", out, "--no-pdf", "--notebooks", "01")
    assert res.returncode == 2, res.stderr
    assert f"changed since: notebooks/{path.name}." in res.stderr and "Traceback" not in res.stderr
    assert "MY ANSWER: 42" in path.read_text()


def test_agree_keeps_an_edited_coverage_table_unless_forced(tmp_path):
    from conftest import FIXTURES

    name = "example-gazette-2021-03-03-freedonia-sylvania-fishing"
    codings = [FIXTURES / f"{name}.yaml", FIXTURES / f"{name}.coder-a.csv", FIXTURES / f"{name}.coder-b.yaml"]
    out = tmp_path / "agree"
    agree = ("agree", *codings, "--out", out, "--bootstrap", 200)
    assert run(*agree).returncode == 0
    assert run(*agree).returncode == 0  # unedited: written again
    with open(out / "coverage.csv", "a") as fh:
        fh.write("a note,,,,,\n")
    edited = (out / "coverage.csv").read_text()
    before = (out / "agreement.csv").read_bytes()
    res = run(*agree)
    assert res.returncode == 2, res.stderr
    assert "tables that exportrow agree wrote have been changed since: coverage.csv;" in res.stderr
    assert "add --force to replace them" in res.stderr
    assert (out / "coverage.csv").read_text() == edited and (out / "agreement.csv").read_bytes() == before
    assert run(*agree, "--force").returncode == 0
    assert "a note" not in (out / "coverage.csv").read_text()
