"""exportrow report: parameters, failures, interrupts, reproducibility."""

import filecmp
import json
import os
import signal
import subprocess
import sys
import time

import pandas as pd
import pytest
from conftest import report

from exportrow.nbtools import metadata_problems


@pytest.fixture
def good(good_report, tmp_path):
    """A private copy of the session's good report (tests here may try to overwrite it)."""
    import shutil

    out, res = good_report
    mine = tmp_path / "latest"
    shutil.copytree(out, mine)
    return mine, res


def test_report_writes_every_notebook_with_html_and_outputs(good):
    out, res = good
    assert "report written to" in res.stdout and "done in" in res.stderr  # progress is shown
    names = ["01-enforcement-statistics", "02-claim-timeline", "03-framing-comparison"]
    for n in names:
        files = {p.name for p in (out / n).iterdir()}
        assert {f"{n}.ipynb", f"{n}.html"} <= files
        assert any(f.endswith(".png") for f in files) and any(f.endswith(".csv") for f in files)
        nb = json.loads((out / n / f"{n}.ipynb").read_text())
        assert metadata_problems(nb) == []
        assert not any("execution" in c.get("metadata", {}) for c in nb["cells"])
    index = (out / "index.html").read_text()
    for n in names:
        assert f'href="{n}/{n}.html"' in index
    assert "exportrow 0.1.0" in index and "defaults only" in index
    assert pd.read_csv(out / names[0] / "figures.csv").value.sum() > 0
    assert not [p for p in out.parent.iterdir() if p.name.endswith(".tmp")]


def test_two_reports_are_identical(good, tmp_path):
    out, _ = good
    again = tmp_path / "again-run"
    assert report(again).returncode == 0
    cmp = filecmp.dircmp(out, again)

    def diffs(c):
        return c.diff_files + c.left_only + c.right_only + [d for s in c.subdirs.values() for d in diffs(s)]

    assert diffs(cmp) == []


def test_parameters_reach_every_notebook_that_declares_them(tmp_path):
    out = tmp_path / "r"
    res = report(out, "-p", "figure_format", "svg", "-p", "years", "[2016, 2017]", "-p", "published", "2019-07-19",
                 "--notebooks", "01", "02")
    assert res.returncode == 0, res.stderr
    assert sorted(p.name for p in out.iterdir() if p.is_dir()) == ["01-enforcement-statistics", "02-claim-timeline"]
    periods = pd.read_csv(out / "01-enforcement-statistics" / "cases-by-period.csv", dtype={"label": str})
    assert periods.label.tolist() == ["2016", "2017"]
    assert (out / "02-claim-timeline" / "timeline.svg").exists()
    ev = pd.read_csv(out / "02-claim-timeline" / "events.csv").set_index("event_id")
    assert ev.loc["kang_pompeo_call", "timex"] == "2019-07-17"
    index = (out / "index.html").read_text()
    assert "<code>published</code> = <code>&quot;2019-07-19&quot;</code>" in index


def test_unknown_parameter_names_notebooks_and_their_parameters(tmp_path):
    res = report(tmp_path / "r", "-p", "colour", "red", "--notebooks", "01", "03")
    assert res.returncode == 2
    assert "parameter 'colour' is not declared by any selected notebook" in res.stderr
    assert "01-enforcement-statistics: article_path, annotation_path, published, outlet, timezone, years" in res.stderr
    assert "03-framing-comparison: article_path, annotation_path, published, outlet, timezone, side_a" in res.stderr
    assert "Traceback" not in res.stderr and not (tmp_path / "r").exists()


def test_a_failing_notebook_does_not_stop_the_others_or_replace_a_good_report(good):
    out, _ = good
    before = (out / "index.html").read_bytes()
    res = report(out, "-p", "measure", "percent")
    assert res.returncode == 1
    assert "01-enforcement-statistics, cell" in res.stderr
    assert "ValueError: measure must be 'count' or 'per_month', not 'percent'" in res.stderr
    assert "the previous report" in res.stderr
    assert (out / "index.html").read_bytes() == before  # good report untouched
    failed = out.with_name(out.name + ".failed")
    assert (failed / "02-claim-timeline" / "timeline.png").exists()  # the others finished
    assert (failed / "03-framing-comparison" / "frames.png").exists()
    assert "failed at cell" in (failed / "index.html").read_text()


def test_interrupt_leaves_the_good_report_alone(good):
    out, _ = good
    before = {p.relative_to(out): p.read_bytes() for p in out.rglob("*") if p.is_file()}
    proc = subprocess.Popen([sys.executable, "-m", "exportrow.cli", "report", "--out", str(out)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    deadline = time.time() + 60
    line = ""
    while "started" not in line and time.time() < deadline:
        line = proc.stderr.readline()
    os.kill(proc.pid, signal.SIGINT)
    proc.communicate(timeout=60)
    assert proc.returncode != 0
    after = {p.relative_to(out): p.read_bytes() for p in out.rglob("*") if p.is_file()}
    assert after == before
    assert not [p for p in out.parent.iterdir() if p.name.endswith(".tmp")]


def test_bad_inputs_are_checked_before_any_notebook_runs(tmp_path):
    from conftest import FIXTURES

    article = FIXTURES / "example-gazette-2021-03-03-freedonia-sylvania-fishing.txt"
    bad = tmp_path / "bad.yaml"
    bad.write_text(article.with_suffix(".yaml").read_text().replace("value: 90", "value: 91"))
    res = report(tmp_path / "r", "--article", str(article), "--annotation", str(bad))
    assert res.returncode == 1 and "Traceback" not in res.stderr
    assert "figures[seizures_total].value: 91 does not appear in the quote" in res.stderr
    assert "started" not in res.stderr and not (tmp_path / "r").exists()
