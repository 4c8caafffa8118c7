"""Text in a context file (``data/context/*.yaml``) that a spreadsheet would run as a formula gets the warning that
annotation text gets, from ``check``, ``tables --context`` and the report with ``show_context`` (review rv19b,
finding 3); and ``check`` on a context file says which events have no ``sources:`` instead of claiming each has one.
"""

from __future__ import annotations

import shutil

import pytest

from exportrow import cli, paths, report

FIXTURES = paths.PROJECT_ROOT / "tests" / "fixtures"
STEM = "example-gazette-2021-03-03-freedonia-sylvania-fishing"
FIX = ("fix: exportrow keeps the text as written (the tables are the record); open the CSV files as text (README: "
       "Data dictionary, \"Opening the CSV files in a spreadsheet\"), or remove the sign if the source does not "
       "have it")


def context_text(sha: str) -> str:
    return f"""article_sha256: {sha}
events:
  - id: ctx_x
    actor: "=HYPERLINK(\\"http://evil\\",\\"x\\")"
    side: "-freedonia"
    action: OTHER
    description: "@SUM(1+1)*cmd|' /C calc'!A0"
    date: "2021-01-15"
    reference: "+Yonhap, 15 Jan 2021"
  - id: ctx_plain
    actor: Freedonia's fisheries ministry
    side: freedonia
    action: OTHER
    description: A quota is announced
    date: "2021-01-20"
    reference: Yonhap, 20 Jan 2021
    sources:
      - title: "=Quota announced"
        publisher: Yonhap
        date: "2021-01-20"
        url: https://example.org/quota
"""


@pytest.fixture
def context_layer(tmp_path, monkeypatch):
    """The fixture article and annotation in ``tmp_path``, and a context folder (standing in for data/context/)
    holding one file for that article, with formula text in its first event."""
    from exportrow.article import load_article

    for suffix in (".txt", ".yaml"):
        shutil.copy(FIXTURES / f"{STEM}{suffix}", tmp_path / f"{STEM}{suffix}")
    folder = tmp_path / "context"
    folder.mkdir()
    sha = load_article(tmp_path / f"{STEM}.txt").sha256
    (folder / "formula.yaml").write_text(context_text(sha), encoding="utf-8")
    monkeypatch.setattr(paths, "context_dir", lambda: folder)
    monkeypatch.chdir(tmp_path)
    return folder / "formula.yaml"


def expected(path) -> list[str]:
    where = "so a spreadsheet that opens events.csv may run it as a formula"
    return [f"warning: {path}: events[ctx_x].actor: starts with '=', {where}",
            f"    {FIX}",
            f"warning: {path}: events[ctx_x].side: starts with '-', {where}",
            f"    {FIX}",
            f"warning: {path}: events[ctx_x].description: starts with '@', {where}",
            f"    {FIX}",
            f"warning: {path}: events[ctx_x].reference: starts with '+', {where}",
            f"    {FIX}"]


def test_check_warns_about_context_formulas_and_names_events_without_sources(context_layer, capsys):
    assert cli.main(["check", str(context_layer)]) == 0
    out, err = capsys.readouterr()
    assert err.splitlines() == expected(context_layer)  # ctx_plain's sources[].title is in no table: no warning
    assert out.splitlines() == [
        f"OK {context_layer}: 2 context events, 1 with its sources; 1 with no `sources:` (ctx_x): add `sources:` "
        "to each, the public sources it rests on (title, publisher, date, url)"]


def test_check_of_the_bundled_context_file_is_unchanged(capsys):
    path = paths.context_dir() / "dispute-2018-2019.yaml"
    assert cli.main(["check", str(path)]) == 0
    out, err = capsys.readouterr()
    assert (out, err) == (f"OK {path}: 13 context events, each with its sources\n", "")


def test_tables_with_context_warns_and_keeps_the_text(context_layer, tmp_path, capsys):
    argv = ["tables", "--article", f"{STEM}.txt", "--annotation", f"{STEM}.yaml", "--out", "t"]
    assert cli.main([*argv, "--context"]) == 0
    err = capsys.readouterr().err
    assert [line for line in err.splitlines() if "ctx_x" in line or line.startswith("    fix")] == expected(
        context_layer)
    row = next(line for line in (tmp_path / "t" / "events.csv").read_text(encoding="utf-8").splitlines()
               if line.startswith("ctx_x,"))
    assert row.startswith('ctx_x,context,"=HYPERLINK(""http://evil"",""x"")",-freedonia,OTHER,,@SUM(1+1)')
    # without --context the context layer is not written, and not warned about
    assert cli.main([*argv, "--out", "t2"]) == 0
    assert "ctx_x" not in capsys.readouterr().err


def test_report_with_show_context_warns(context_layer):
    params = {"article_path": str(context_layer.parent.parent / f"{STEM}.txt"), "show_context": True}
    assert [w for w in report.formula_warnings(params) if "ctx_x" in w] == [
        w.removeprefix("warning: ") + "\n" + f for w, f in zip(*[iter(expected(context_layer))] * 2)]
    assert not [w for w in report.formula_warnings({**params, "show_context": False}) if "ctx_x" in w]
