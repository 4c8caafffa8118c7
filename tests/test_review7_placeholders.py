"""Review 7: a TODO left by `exportrow extract` in a free-text field is an error once the draft flag is gone, and a
draft's problems start with what a newcomer needs first, each long list of allowed values printed once."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from exportrow import cli
from exportrow.annotations import AnnotationError, load_annotation
from exportrow.article import load_article
from exportrow.extract import draft_annotation

FIXTURES = Path(__file__).parent / "fixtures"
NAME = "example-gazette-2021-03-03-freedonia-sylvania-fishing"


def _problems(path, article):
    with pytest.raises(AnnotationError) as info:
        load_annotation(path, article)
    return info.value


def test_todo_left_in_free_text_fields_is_an_error(article, seed_yaml, write_annotation):
    text = (seed_yaml.replace("    quantity: illegal_export_cases\n    value: 156\n    unit: cases\n",
                              "    quantity: TODO\n    value: 156\n    unit: TODO\n", 1)
            .replace("    name: South Korean government (Seoul)", "    name: TODO")
            .replace("    description: The export restrictions take effect", "    description: TODO"))
    err = _problems(write_annotation(text), article)
    got = {(p.entry, p.field): p for p in err.problems}
    placeholders = {k for k, p in got.items() if p.message.startswith("still a placeholder")}
    assert placeholders == {("figures[cases_total]", "quantity"), ("figures[cases_total]", "unit"),
                            ("actors[kr_gov]", "name"), ("events[curbs_take_effect]", "description")}
    assert got["figures[cases_total]", "quantity"].message == "still a placeholder ('TODO') from `exportrow extract`"
    assert got["figures[cases_total]", "quantity"].fix.startswith("replace it: What is counted, as a short name")
    assert "figures[cases_total].unit: still a placeholder ('TODO')" in str(err)


def test_a_numbered_placeholder_and_a_word_that_starts_with_todo(article, seed_yaml, write_annotation):
    text = seed_yaml.replace("    description: The export restrictions take effect", "    description: TODO_3")
    (p,) = _problems(write_annotation(text), article).problems
    assert (p.entry, p.field, p.message) == ("events[curbs_take_effect]", "description",
                                             "still a placeholder ('TODO_3') from `exportrow extract`")
    fine = seed_yaml.replace("    description: The export restrictions take effect",
                             "    description: TODO list of the ministry takes effect")
    assert load_annotation(write_annotation(fine, "fine.yaml"), article).events


@pytest.fixture
def draft(tmp_path) -> Path:
    shutil.copy(FIXTURES / f"{NAME}.txt", tmp_path / f"{NAME}.txt")
    path = tmp_path / "draft.yaml"
    path.write_text(draft_annotation(load_article(tmp_path / f"{NAME}.txt")), encoding="utf-8")
    return path


def test_a_draft_lists_the_draft_flag_and_the_sides_first(draft):
    err = _problems(draft, load_article(draft.parent / f"{NAME}.txt"))
    assert [p.entry for p in err.problems[:2]] == ["draft", "sides"]
    lines = str(err).splitlines()
    assert lines[1].endswith("draft: this is a draft from `exportrow extract`, not checked data yet")
    assert "sides: 2 sides are still a placeholder ('TODO_1', 'TODO_2')" in lines[3]


def test_a_draft_prints_each_long_list_of_allowed_values_once(draft, capsys):
    assert cli.main(["check", str(draft)]) == 1
    err = capsys.readouterr().err
    actions = "AGREE, CONSULT, SUPPORT, CONCEDE, COOPERATE, AID, RETREAT, REQUEST, ACCUSE, REJECT"
    frames = "1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15"
    assert err.count(actions) == 1 and err.count(frames) == 1
    assert err.count("events[") >= 3 and err.count("claims[") >= 2
    assert "fix: the same as for events[event_1].action above" in err
    assert "fix: see the allowed values above" in err
    assert "claims[claim_1].frame: still a placeholder ('TODO') from `exportrow extract`" in err
    assert "quantity: still a placeholder ('TODO')" in err


def test_review8_a_placeholder_actor_id_lists_this_annotations_actor_ids_once(article, seed_yaml, write_annotation):
    text = seed_yaml.replace("    actor: kr_motie\n", "    actor: TODO\n", 2)
    text = text.replace("    actor: nar\n", "    actor: TODO\n", 1)
    err = _problems(write_annotation(text), article)
    fixes = [p.fix for p in err.problems if p.field == "actor"]
    first = next(p for p in err.problems if p.field == "actor")
    assert len(fixes) == 3 and "fr_gov" not in str(err)
    assert fixes[0] == ("replace it with one of this annotation's actor ids: kr_gov, jp_gov, kr_motie, jp_source, "
                        "kang, pompeo, us_gov, kim_hyun_chong, seko, moon, kr_courts, jp_companies, kr_exporters, "
                        "export_officials, vietnam, uae, nar")
    where = f"{first.entry}.actor"
    assert fixes[1:] == [f"replace it with one of the actor ids listed at {where}"] * 2
