"""`exportrow extract/check/tables` given an annotation where the article goes say so and give the command that
works, as `exportrow view` does (review 11, item 3)."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import FIXTURES

from exportrow.cli import main

STEM = "example-gazette-2021-03-03-freedonia-sylvania-fishing"
ARTICLE, ANNOTATION = FIXTURES / f"{STEM}.txt", FIXTURES / f"{STEM}.yaml"


@pytest.fixture
def pair(tmp_path, monkeypatch) -> Path:
    text = ANNOTATION.read_text(encoding="utf-8").replace(f"file: {STEM}.txt", "file: a.txt", 1)
    assert "file: a.txt" in text
    (tmp_path / "a.yaml").write_text(text, encoding="utf-8")
    (tmp_path / "a.txt").write_bytes(ARTICLE.read_bytes())
    monkeypatch.chdir(tmp_path)
    return tmp_path


START = "error: a.yaml is an annotation file (it has exportrow: and article: keys), not an article; "


@pytest.mark.parametrize("argv, fix", [
    (["extract", "a.yaml"], "a draft is made from the article: `exportrow extract a.txt`; to check this annotation: "
                            "`exportrow check a.yaml`"),
    (["extract", "a.yaml", "--out", "draft.yaml"], "a draft is made from the article: `exportrow extract a.txt`; to "
                                                   "check this annotation: `exportrow check a.yaml`"),
    (["check", "--article", "a.yaml"], "pass the annotation as the argument: `exportrow check a.yaml` (with "
                                       "`--article a.txt` when its article is elsewhere)"),
    (["tables", "--article", "a.yaml", "--out", "tables"], "pass it with --annotation: `exportrow tables "
                                                           "--annotation a.yaml --article a.txt`"),
])
def test_an_annotation_as_the_article_is_named_with_the_command_that_works(pair, capsys, argv, fix):
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert err.strip() == START + fix
    assert sorted(p.name for p in pair.iterdir()) == ["a.txt", "a.yaml"]  # nothing written


def test_the_commands_it_gives_work(pair, capsys):
    assert main(["extract", "a.txt", "--out", "draft.yaml"]) == 0
    assert main(["check", "a.yaml"]) == 0
    assert main(["tables", "--annotation", "a.yaml", "--article", "a.txt", "--out", "tables"]) == 0
    assert (pair / "tables" / "figures.csv").is_file()
