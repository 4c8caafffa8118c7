"""Sides come from the annotation only: its `sides:`, else its actors'; a draft's TODO sides ask to be named."""

import subprocess
import sys

from conftest import FIXTURES

from exportrow import load_annotation, load_article
from exportrow.annotations import AnnotationError
from exportrow.sides import compared_sides, declared_sides

NAME = "example-gazette-2021-03-03-freedonia-sylvania-fishing"


def _without_sides(tmp_path):
    text = (FIXTURES / f"{NAME}.yaml").read_text(encoding="utf-8")
    assert "sides: [freedonia, sylvania]\n" in text
    path = tmp_path / f"{NAME}.yaml"
    path.write_text(text.replace("sides: [freedonia, sylvania]\n", ""), encoding="utf-8")
    return path


def test_an_annotation_without_sides_has_the_sides_its_actors_name(tmp_path):
    ann = load_annotation(_without_sides(tmp_path), load_article(FIXTURES / f"{NAME}.txt"))
    assert ann.sides == ("freedonia", "sylvania", "outlet", "other")
    assert compared_sides(ann) == ("freedonia", "sylvania")


def test_the_bundled_annotation_declares_its_own_sides():
    assert declared_sides(load_annotation()) == ["seoul", "tokyo", "washington"]


def test_a_draft_asks_for_its_sides_and_suggests_no_other_articles(tmp_path):
    draft = tmp_path / "draft.yaml"
    res = subprocess.run([sys.executable, "-m", "exportrow.cli", "extract", FIXTURES / f"{NAME}.txt", "--out", draft],
                         capture_output=True, text=True)
    assert res.returncode == 0, res.stderr
    assert "\nsides: [TODO_1, TODO_2]" in draft.read_text(encoding="utf-8")
    res = subprocess.run([sys.executable, "-m", "exportrow.cli", "check", draft, "--article",
                          FIXTURES / f"{NAME}.txt"], capture_output=True, text=True)
    assert res.returncode == 1
    assert "sides: 2 sides are still a placeholder ('TODO_1', 'TODO_2')" in res.stderr
    assert "side: still a placeholder ('TODO')" in res.stderr
    assert "write the side this actor speaks for: outlet, other, or a side you add under `sides:`" in res.stderr
    for bundled in ("seoul", "tokyo", "washington", "did you mean"):
        assert bundled not in res.stderr


def test_a_todo_side_is_a_placeholder_not_a_typo(tmp_path):
    text = _without_sides(tmp_path).read_text(encoding="utf-8")
    path = tmp_path / "todo.yaml"
    path.write_text("sides: [freedonia, sylvania]\n" + text.replace("side: sylvania", "side: TODO", 1),
                    encoding="utf-8")
    try:
        load_annotation(path, load_article(FIXTURES / f"{NAME}.txt"))
    except AnnotationError as exc:
        message = str(exc)
    assert "side: still a placeholder ('TODO')" in message
    assert "write the side this actor speaks for: freedonia, sylvania, outlet, other" in message
    assert "did you mean" not in message


def test_short_side_ids_are_shown_as_abbreviations_in_capitals():  # review 8, finding 8
    from exportrow.sides import side_words

    assert [side_words(s) for s in ("us", "eu", "uk", "un", "u.s.")] == ["US", "EU", "UK", "UN", "U.S."]
    assert side_words("un_security_council") == "UN Security Council"
    assert side_words("republic_of_korea") == "Republic of Korea"  # a small word after the first stays small
    assert side_words("nato") == "Nato" and side_words("seoul") == "Seoul"
