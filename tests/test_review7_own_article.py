"""Review 7: an annotation given without its article is read against the article it names (not the bundled one),
and an annotation checked against another article gets that one problem alone, with a fix that fits."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from exportrow import cli, paths
from exportrow.annotations import AnnotationError, load_annotation
from exportrow.article import load_article

FIXTURES = Path(__file__).parent / "fixtures"
NAME = "example-gazette-2021-03-03-freedonia-sylvania-fishing"


@pytest.fixture
def own(tmp_path) -> Path:
    """The fictional article and its annotation, copied into a folder of their own; the annotation's path."""
    for ext in ("txt", "yaml"):
        shutil.copy(FIXTURES / f"{NAME}.{ext}", tmp_path / f"{NAME}.{ext}")
    return tmp_path / f"{NAME}.yaml"


def test_tables_with_only_an_annotation_use_the_article_it_names(own, capsys):
    out = own.parent / "tables"
    assert cli.main(["tables", "--annotation", str(own), "--out", str(out)]) == 0
    figures = (out / "figures.csv").read_text(encoding="utf-8")
    article = load_article(own.with_suffix(".txt"))
    quotes = [f["quote"] for f in load_annotation(own, article).figures]
    assert quotes and all(q in figures for q in quotes)
    assert "problem" not in capsys.readouterr().err


def test_a_named_article_that_is_not_there_is_one_line(own, capsys):
    lone = own.parent / "elsewhere"
    lone.mkdir()
    shutil.move(own, lone / own.name)
    assert cli.main(["tables", "--annotation", str(lone / own.name), "--out", str(own.parent / "t")]) == 1
    err = capsys.readouterr().err
    assert f"article.file: names '{NAME}.txt', which is neither beside this file nor in ../raw/" in err
    assert "give the article it annotates: --article PATH" in err
    assert "1 problem in the annotation file" in err and "not in the article" not in err


def test_another_article_is_reported_alone_without_recording_its_hash(own):
    with pytest.raises(AnnotationError) as info:
        load_annotation(own, load_article())  # the bundled article, not the one it names
    problems = info.value.problems
    assert len(problems) == 1, [str(p) for p in problems]
    (p,) = problems
    assert (p.entry, p.field) == ("article", "sha256")
    assert p.message.startswith("made for another article: recorded 2c3fd1aff400…, but nikkei-asian-review")
    assert p.fix.startswith(f"give the article it annotates, '{NAME}.txt' (its article: file:), e.g. --article "
                            f"'{NAME}.txt'")
    assert "sha256: 8111112e" not in p.fix and "record" not in p.fix


def test_a_changed_article_of_the_same_name_may_record_its_new_hash(own):
    art = own.with_suffix(".txt")
    art.write_text(art.read_text(encoding="utf-8") + "\nOne more sentence.\n", encoding="utf-8")
    with pytest.raises(AnnotationError) as info:
        load_annotation(own, load_article(art))
    (p,) = info.value.problems
    new = load_article(art).sha256
    assert p.fix.startswith(f"point at the right article; if {NAME}.txt really changed since this file was made, "
                            f"record `sha256: {new}` under article:")


def test_a_notebook_given_only_the_annotation_opens_its_article(own, tmp_path):
    from exportrow.notebook import open_inputs

    inputs = open_inputs("", str(own), str(tmp_path / "out"), "demo")
    assert inputs.article.path == own.with_suffix(".txt")
    assert inputs.article.outlet == "The Example Gazette"


def test_report_sets_article_path_from_the_annotation(own):
    from exportrow import report

    notebooks, declared, params, notes = report.plan(["01"], [("annotation_path", str(own))])
    assert params["article_path"] == str(own.with_suffix(".txt").resolve())
    assert params["annotation_path"] == str(own.resolve())


def test_report_with_the_bundled_annotation_keeps_the_bundled_article():
    from exportrow import report

    _, _, params, _ = report.plan(["01"], [("annotation_path", str(paths.default_annotation()))])
    assert "article_path" not in params


def test_a_student_edition_given_only_the_annotation_carries_its_article(own, tmp_path):
    out = tmp_path / "class"
    assert cli.main(["student-edition", "--no-pdf", "--notebooks", "01", "--annotation", str(own),
                     "--out", str(out)]) == 0
    assert sorted(p.name for p in (out / "data").iterdir()) == [f"{NAME}.txt", f"{NAME}.yaml"]
    nb = (out / "notebooks" / "01-enforcement-statistics.ipynb").read_text(encoding="utf-8")
    assert f'article_path: str = \\"../data/{NAME}.txt\\"' in nb
    page = (out / "worksheets" / "01-enforcement-statistics.html").read_text(encoding="utf-8")
    assert "The Example Gazette" in page and "Nikkei" not in page
