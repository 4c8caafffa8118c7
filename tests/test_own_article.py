"""Bring your own article: a fictional article in tests/fixtures/ runs through everything by parameters alone."""

import json
import shutil
import subprocess
import sys

import pandas as pd
import pytest
from conftest import FIXTURES, outputs_text, report

import exportrow
from exportrow.annotations import AnnotationError, load_annotation
from exportrow.stats import check_statements, statements

ARTICLE = FIXTURES / "example-gazette-2021-03-03-freedonia-sylvania-fishing.txt"
ANNOTATION = ARTICLE.with_suffix(".yaml")
PARAMS = {"article_path": str(ARTICLE), "annotation_path": str(ANNOTATION)}


@pytest.fixture(scope="module")
def art():
    return exportrow.load_article(ARTICLE)


def test_fixture_is_fictional_and_in_capture_format(art):
    assert art.outlet == "The Example Gazette" and art.dateline == "FREEDON/ZENDA"
    # an outlet and a dateline city in no table: the zone is unknown, never an invented UTC
    assert str(art.published) == "2021-03-03 09:15:00" and art.timezone == ""
    assert art.published_text == "3 March 2021, 09:15 (time zone unknown)"
    assert "invented" in art.paragraphs[0].text
    assert art.navigation == ["Weather", "Sports"]


def test_library_on_the_fixture(art):
    ann = load_annotation(None, art)
    assert ann.path == ANNOTATION and ann.uncovered_numbers() == []
    f = exportrow.figures(art).set_index("figure_id")
    r = f.loc["seizures_total_remainder"]
    assert int(r.value) == 90 - 12 - 30 - 40 == 8 and r.basis == "derived"
    assert (f"{r.period_start:%Y-%m-%d}", f"{r.period_end:%Y-%m-%d}", int(r.months)) == ("2021-01-01", "2021-03-01", 2)
    checked = statements(art).pipe(check_statements, exportrow.figures(art)).set_index("statement_id")
    assert checked.loc["more_than_doubled", "verdict"] == "not_supported"  # 30 to 40 is not doubling
    assert checked.loc["more_than_doubled", "value"] == "40 / 30 = 1.33x"
    ev = exportrow.events(art).set_index("event_id")
    assert ev.loc["official_statement", "timex"] == "2021-03-01"  # past Monday before a Wednesday
    assert ev.loc["ministers_meet", "timex"] == "2021-03-05"  # scheduled: first Friday on or after Wed 3 March
    assert ev.loc["rules_tightened", "timex"] == "2021-02"
    assert list(exportrow.claims(art).side.cat.categories) == ["freedonia", "sylvania", "outlet", "other"]
    # the seed's context layer never appears beside another article
    assert set(exportrow.events(art, context=True).source) == {"article"}


def test_notebook_01_on_the_fixture(run_notebook):
    nb, out = run_notebook("01-enforcement-statistics", **PARAMS)
    periods = pd.read_csv(out / "cases-by-period.csv", dtype={"label": str})
    assert periods.label.tolist() == ["2018", "2019", "2020", "Jan 2021–Feb 2021"]
    assert periods["count"].tolist() == [12, 30, 40, 8]
    assert periods.value.tolist() == periods.per_month.tolist() == [1.0, 2.5, 3.33, 4.0]  # 8 boats in 2 months
    text = outputs_text(nb)
    assert "Boat seizures" in text or "boats" in text
    assert "South Korea" not in text and "Nikkei" not in text


def test_notebook_02_on_the_fixture(run_notebook):
    nb, out = run_notebook("02-claim-timeline", **PARAMS, show_context=True)
    ev = pd.read_csv(out / "events.csv").set_index("event_id")
    assert ev.loc["official_statement", "timex"] == "2021-03-01" and set(ev.source) == {"article"}
    assert (out / "timeline.png").exists() and (out / "timeline-close-up.png").exists()


def test_notebook_03_on_the_fixture(run_notebook):
    nb, out = run_notebook("03-framing-comparison", **PARAMS, side_a="freedonia", side_b="sylvania", min_word_count=1)
    pairs = pd.read_csv(out / "claim-pairs.csv")
    assert ("sy_unlicensed_trawlers", "fr_seizure_record") in set(zip(pairs.charge_id, pairs.rebuttal_id))
    voice = pd.read_csv(out / "voice.csv").set_index("side")
    assert voice.loc["freedonia", "claims"] == 3 and voice.loc["sylvania", "claims"] == 3
    assert "The article gives **Freedonia**" in outputs_text(nb)


@pytest.mark.slow
def test_report_on_the_fixture(tmp_path):
    # the teacher's files and the report side by side in her folder (review 5, finding 17)
    article, annotation = (shutil.copy(p, tmp_path / p.name) for p in (ARTICLE, ANNOTATION))
    res = report(tmp_path / "r", "--article", str(article), "--annotation", str(annotation),
                 "-p", "side_a", "freedonia", "-p", "side_b", "sylvania")
    assert res.returncode == 0, res.stderr
    figs = pd.read_csv(tmp_path / "r" / "01-enforcement-statistics" / "figures.csv").set_index("figure_id")
    assert figs.loc["seizures_total", "value"] == 90
    # review 5, finding 17: the page handed to a class and run.json name the files, never the user's folders
    index = (tmp_path / "r" / "index.html").read_text(encoding="utf-8")
    run = json.loads((tmp_path / "r" / "run.json").read_text(encoding="utf-8"))
    assert (run["parameters"]["article_path"], run["parameters"]["annotation_path"]) == (ARTICLE.name, ANNOTATION.name)
    assert f"<code>article_path</code> = <code>&quot;{ARTICLE.name}&quot;</code>" in index
    assert str(tmp_path) not in index and str(tmp_path) not in json.dumps(run)
    # ... and neither do the executed notebooks and their pages: the kernels got paths relative to their folder
    for nb in sorted((tmp_path / "r").glob("0*/0*.ipynb")):
        injected = next(c for c in json.loads(nb.read_text(encoding="utf-8"))["cells"]
                        if "injected-parameters" in c["metadata"].get("tags", []))
        assert f'article_path = "../../{ARTICLE.name}"' in "".join(injected["source"]), nb.name
        for page in (nb, nb.with_suffix(".html")):
            assert str(tmp_path) not in page.read_text(encoding="utf-8"), page


def test_extract_drafts_candidates(art):
    from exportrow.extract import draft_annotation

    draft = draft_annotation(art)
    for value in ("value: 90", "value: 12         # written 'Twelve' (words)", "value: 30", "value: 40"):
        assert value in draft
    assert "# resolves to 2021-02 (month) against 2021-03-03" in draft  # last month
    assert "past resolves to 2021-03-01; present/future to 2021-03-08" in draft  # Monday; published Wednesday 3rd
    assert "past resolves to 2021-02-26; present/future to 2021-03-05" in draft  # Friday
    for cue in ('cue: "said"', 'cue: "argues"', 'cue: "cited"', 'cue: "widely seen as"'):
        assert cue in draft
    assert "reason: TODO   # why 'first' is not a figure" in draft


def test_check_refuses_a_draft_until_reviewed(tmp_path):
    out = tmp_path / "draft.yaml"
    cmd = [sys.executable, "-m", "exportrow.cli"]
    res = subprocess.run([*cmd, "extract", str(ARTICLE), "--out", str(out)], capture_output=True, text=True)
    assert res.returncode == 0 and out.exists()
    again = subprocess.run([*cmd, "extract", str(ARTICLE), "--out", str(out)], capture_output=True, text=True)
    assert again.returncode == 2 and "--force" in again.stderr  # never overwrites silently
    forced = subprocess.run([*cmd, "extract", str(ARTICLE), "--out", str(out), "--force"], capture_output=True,
                            text=True)
    assert forced.returncode == 0, forced.stderr  # still a draft it wrote: --force replaces it
    chk = subprocess.run([*cmd, "check", str(out), "--article", str(ARTICLE)], capture_output=True, text=True)
    assert chk.returncode == 1 and "this is a draft from `exportrow extract`" in chk.stderr
    assert "actor: still a placeholder ('TODO') from `exportrow extract`" in chk.stderr
    assert "Traceback" not in chk.stderr


def test_extract_force_never_replaces_an_edited_draft(tmp_path):
    """Review 5, finding 6: a draft a reviewer has edited, still `draft: true`, is their work: --force leaves it."""
    out = tmp_path / "draft.yaml"
    cmd = [sys.executable, "-m", "exportrow.cli", "extract", str(ARTICLE), "--out", str(out)]
    assert subprocess.run(cmd, capture_output=True).returncode == 0
    assert out.read_text(encoding="utf-8").splitlines()[1].startswith("# sha256 of every other line")
    edited = out.read_text(encoding="utf-8").replace("side: TODO", "side: freedonia", 1)
    out.write_text(edited, encoding="utf-8")
    res = subprocess.run([*cmd, "--force"], capture_output=True, text=True)
    assert res.returncode == 2, res.stderr
    assert (f"--out {out}: exists and is a draft that exportrow extract wrote and someone has edited since "
            "(perhaps a reviewer's work); it is left as it is, even with --force") in res.stderr
    assert "Fix: move or rename it" in res.stderr and out.read_text(encoding="utf-8") == edited
    out.write_text(edited.replace("side: freedonia", "side: TODO", 1), encoding="utf-8")  # the edit undone
    assert subprocess.run([*cmd, "--force"], capture_output=True).returncode == 0  # as extract wrote it: replaced
    lost = out.read_text(encoding="utf-8").split("\n", 2)
    out.write_text(lost[0] + "\n" + lost[2], encoding="utf-8")  # the checksum line deleted, nothing else changed
    assert subprocess.run([*cmd, "--force"], capture_output=True).returncode == 2  # cannot tell: kept


def test_draft_flag_is_rejected_in_the_library(art, tmp_path):
    bad = tmp_path / "x.yaml"
    bad.write_text(ANNOTATION.read_text().replace("exportrow: 1", "draft: true\nexportrow: 1"))
    with pytest.raises(AnnotationError, match="draft"):
        load_annotation(bad, art)


def test_extract_never_replaces_a_reviewed_annotation_or_a_file_it_did_not_write(tmp_path):
    """One rule for output files (exportrow.outdir.check_out_file): --force replaces only a draft still marked
    `draft: true`; a reviewed annotation and any other file are left as they are."""
    cmd = [sys.executable, "-m", "exportrow.cli", "extract", str(ARTICLE), "--force", "--out"]
    reviewed = tmp_path / "reviewed.yaml"
    assert subprocess.run([*cmd, str(reviewed)], capture_output=True).returncode == 0
    reviewed.write_text(reviewed.read_text(encoding="utf-8").replace("draft: true\n", ""), encoding="utf-8")
    mine = tmp_path / "notes.txt"
    mine.write_text("my notes\n", encoding="utf-8")
    for path in (reviewed, mine, tmp_path):
        before = path.read_bytes() if path.is_file() else None
        res = subprocess.run([*cmd, str(path)], capture_output=True, text=True)
        assert res.returncode == 2 and "Traceback" not in res.stderr, res.stderr
        assert ("exportrow did not write it" in res.stderr) if path.is_file() else ("is a folder" in res.stderr)
        assert before is None or path.read_bytes() == before
