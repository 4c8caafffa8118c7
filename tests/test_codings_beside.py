"""Codings kept beside an annotation: found by the article's and the annotation's name; blank worksheets left out."""

import shutil

import pandas as pd
from conftest import FIXTURES, outputs_text

from exportrow import load_annotation, load_article
from exportrow.agreement import blank_codings, codings_sentence, codings_table, compare, find_codings, frame_warning
from exportrow.worksheet import make_worksheet, write_worksheet

NAME = "example-gazette-2021-03-03-freedonia-sylvania-fishing"


def _folder(tmp_path, annotation_name=f"{NAME}.yaml"):
    """The fixture article, its annotation under ``annotation_name``, coder-b's coding and a blank worksheet."""
    shutil.copy(FIXTURES / f"{NAME}.txt", tmp_path)
    shutil.copy(FIXTURES / f"{NAME}.yaml", tmp_path / annotation_name)
    shutil.copy(FIXTURES / f"{NAME}.coder-b.yaml", tmp_path)
    art = load_article(tmp_path / f"{NAME}.txt")
    blank = write_worksheet(make_worksheet(load_annotation(tmp_path / annotation_name, art)),
                            tmp_path / f"{NAME}.zed.yaml")
    return art, tmp_path / annotation_name, blank


def test_codings_named_after_the_article_are_found_beside_a_renamed_annotation(tmp_path):
    art, ann, _ = _folder(tmp_path, f"{NAME}-reviewed.yaml")
    shutil.copy(FIXTURES / f"{NAME}.coder-a.csv", tmp_path / f"{NAME}-reviewed.coder-a.csv")
    (tmp_path / f"{NAME}.yaml.bak").write_text("not a coding")
    names = [p.name for p in find_codings(ann, art)]
    assert names == [f"{NAME}-reviewed.yaml", f"{NAME}-reviewed.coder-a.csv", f"{NAME}.coder-b.yaml",
                     f"{NAME}.zed.yaml"]
    assert [p.name for p in find_codings(ann)] == names  # the article named in the annotation, without `article`


def test_the_article_and_annotation_names_alike_list_each_coding_once(tmp_path):
    art, ann, _ = _folder(tmp_path)
    assert [p.name for p in find_codings(ann, art)] == [f"{NAME}.yaml", f"{NAME}.coder-b.yaml", f"{NAME}.zed.yaml"]


def test_a_blank_worksheet_is_left_out_and_named(tmp_path):
    art, ann, blank = _folder(tmp_path)
    files = find_codings(ann, art)
    assert blank_codings(files) == [blank]
    result = compare(files, art, ["frame"])
    assert result.coders == ["annotation", "coder-b"]
    table = codings_table(result, files, art)
    assert table.to_dict("records")[-1] == {"coder": "zed", "kind": "blank worksheet (left out)",
                                            "file": f"{NAME}.zed.yaml", "claims": 0}
    sentence = codings_sentence(result, files)
    assert sentence.startswith("Comparing **2** codings (annotation, coder-b)")
    assert sentence.endswith("The worksheet example-gazette-2021-03-03-freedonia-sylvania-fishing.zed.yaml is left "
                             "out: nobody has filled it in yet (every coding field is empty).")
    assert "zed.yaml is left out" in frame_warning(pd.DataFrame(columns=["frame", "alpha", "verdict"]), None, files)


def test_with_only_a_blank_worksheet_beside_it_there_is_one_coding(tmp_path):
    art, ann, _ = _folder(tmp_path)
    (tmp_path / f"{NAME}.coder-b.yaml").unlink()
    files = find_codings(ann, art)
    assert len(files) == 2 and compare(files, art) is None
    assert codings_sentence(None, files).startswith(f"Only one coding of this article was found ({NAME}.yaml)")
    assert codings_table(None, files, art).kind.tolist() == ["annotation", "blank worksheet (left out)"]
    assert frame_warning(None, None, files).startswith("One coding of this article")
    assert "zed.yaml is left out" in frame_warning(None, None, files)


def test_notebooks_03_and_04_run_with_a_blank_worksheet_beside_the_annotation(tmp_path, run_notebook):
    art, ann, _ = _folder(tmp_path)
    (tmp_path / f"{NAME}.coder-b.yaml").unlink()
    params = {"article_path": str(art.path), "annotation_path": str(ann)}
    nb3, _ = run_notebook("03-framing-comparison", **params)
    assert "zed.yaml is left out: nobody has filled it in yet" in outputs_text(nb3)
    nb4, out4 = run_notebook("04-coding-reliability", **params)
    text = outputs_text(nb4)
    assert f"Only one coding of this article was found ({NAME}.yaml)" in text
    assert "zed.yaml is left out" in text and "blank worksheet (left out)" in text
