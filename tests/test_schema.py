"""The annotation format declared once: the shipped JSON Schemas, `exportrow schema`, and what reads them."""

from __future__ import annotations

import json

import pytest
import yaml

import exportrow
from exportrow import paths
from exportrow.annotations import (
    ACTIONS,
    ACTOR_KINDS,
    CHECKS,
    FRAMES,
    TENSES,
    AnnotationError,
    load_annotation,
    load_context,
    safe_yaml,
    schema_path,
    schema_text,
)
from exportrow.annotations.schema import validator
from exportrow.annotations.validation import schema_problems
from exportrow.cli import main

ROOT = paths.PROJECT_ROOT
FIXTURE = ROOT / "tests" / "fixtures" / "example-gazette-2021-03-03-freedonia-sylvania-fishing.yaml"


@pytest.mark.parametrize("name", ["annotation", "context"])
def test_schema_command_prints_the_shipped_schema(name, capsys):
    assert main(["schema", name]) == 0
    printed = capsys.readouterr().out
    assert printed == schema_path(name).read_text(encoding="utf-8")
    doc = json.loads(printed)
    validator(name).check_schema(doc)  # a valid JSON Schema (draft 2020-12)
    assert doc["$schema"] == "https://json-schema.org/draft/2020-12/schema"


def test_schema_ships_with_the_package():
    import tomllib

    project = tomllib.loads((ROOT / "pyproject.toml").read_text())
    assert "schema/*.json" in project["tool"]["setuptools"]["package-data"]["exportrow"]
    assert "exportrow.annotations" in project["tool"]["setuptools"]["packages"]
    assert any(d.startswith("jsonschema") for d in project["project"]["dependencies"])


@pytest.mark.parametrize("path", [paths.default_annotation(), FIXTURE, ROOT / "docs" / "annotation-template.yaml"])
def test_bundled_files_fit_the_schema(path):
    doc = safe_yaml(path.read_text(encoding="utf-8"))
    assert schema_problems(doc, str(path)) == ([], set())


def test_context_file_fits_its_schema():
    path = paths.context_dir() / "dispute-2018-2019.yaml"
    assert schema_problems(safe_yaml(path.read_text()), str(path), "context") == ([], set())


def test_vocabularies_come_from_the_schema():
    defs = json.loads(schema_text())["$defs"]
    assert ACTIONS == tuple(defs["action"]["enum"]) and "SANCTION" in ACTIONS
    assert CHECKS == tuple(defs["check"]["enum"]) and TENSES == ("past", "present", "future")
    assert FRAMES[8] == "Security and defense" and list(FRAMES) == list(range(1, 16))
    assert defs["qualifier"]["enum"][:5] == ["over", "about", "nearly", "at least", "up to"]
    from exportrow.annotations import BOUNDS, QUALIFIER_KINDS

    assert [QUALIFIER_KINDS[w] for w in ("over", "about", "nearly", "at least", "up to")] == [
        "lower_bound", "approximate", "upper_bound", "lower_bound", "upper_bound"]
    assert set(QUALIFIER_KINDS.values()) == set(BOUNDS) and all(QUALIFIER_KINDS[k] == k for k in BOUNDS)
    assert ACTOR_KINDS[-3:] == ("international_body", "parliament", "media") and "company" in ACTOR_KINDS


def test_extract_proposes_the_qualifiers_of_the_format():
    from exportrow.annotations import QUALIFIER_KINDS
    from exportrow.extract import _AFTER, QUALIFIERS

    proposed = {w: k for k, words in QUALIFIERS.items() for w in words} | _AFTER
    assert proposed and all(QUALIFIER_KINDS[w] == k for w, k in proposed.items())


@pytest.mark.parametrize("doc", ["docs/annotation-template.yaml", "docs/annotating.md"])
def test_docs_point_editors_at_the_schema(doc):
    text = (ROOT / doc).read_text()
    line = next(ln for ln in text.splitlines() if "yaml-language-server: $schema=" in ln)
    relative = line.split("$schema=", 1)[1].strip()
    assert (ROOT / "docs" / relative).resolve() == schema_path("annotation")


def test_schema_problems_are_all_reported_at_once(seed_yaml, write_annotation, article):
    text = (seed_yaml.replace("    value: 14\n", "    value: [14]\n")
            .replace("    action: SANCTION\n", "    action: SANKTION\n", 1)
            .replace("    cue: argues\n", "    cue: 7\n", 1)
            .replace("    kind: ministry\n", "    kind: ministry\n    colour: red\n"))
    with pytest.raises(AnnotationError) as info:
        load_annotation(write_annotation(text), article)
    found = {(p.entry, p.field): p for p in info.value.problems}
    assert set(found) == {("actors[kr_motie]", "colour"), ("figures[cases_2015]", "value"),
                          ("claims[kr_few_companies]", "cue"), ("events[curbs_implemented]", "action")}
    assert found[("events[curbs_implemented]", "action")].fix == \
        f"did you mean 'SANCTION'? (one of: {', '.join(ACTIONS)})"
    # document order: actors come first in the file, events last
    assert [p.entry for p in info.value.problems][0] == "actors[kr_motie]"
    assert [p.entry for p in info.value.problems][-1] == "events[curbs_implemented]"


def test_an_entry_with_a_schema_problem_causes_no_cascade(seed_yaml, write_annotation, article):
    # the actor's kind is wrong, but its id is fine: the claims and events naming it are not blamed
    text = seed_yaml.replace("    kind: anonymous_source\n", "    kind: anonymous\n")
    with pytest.raises(AnnotationError) as info:
        load_annotation(write_annotation(text), article)
    (p,) = info.value.problems
    assert (p.entry, p.field, p.message) == ("actors[jp_source]", "kind", "unknown value 'anonymous'")


def test_yaml_dates_are_read_as_text():
    assert safe_yaml("date: 2019-07-04\nwhen: [2018-11-01]") == {"date": "2019-07-04", "when": ["2018-11-01"]}


def test_context_problems_name_file_event_and_field(tmp_path):
    folder = tmp_path / "context"
    folder.mkdir()
    text = (paths.context_dir() / "dispute-2018-2019.yaml").read_text()
    bad = folder / "bad.yaml"
    bad.write_text(text.replace('    date: "2018-11-29"\n    reference', "    reference", 1))
    with pytest.raises(AnnotationError) as info:
        exportrow.context_events(folder)
    (p,) = info.value.problems
    assert (p.file, p.entry, p.field, p.message) == (str(bad), "events[ctx_second_ruling]", "date",
                                                     "missing required field")
    assert str(info.value).startswith("1 problem in the context file:")


def test_context_layer_loads_checked_events():
    doc = load_context(paths.context_dir() / "dispute-2018-2019.yaml")
    assert len(doc["events"]) == 13 and all(isinstance(e["date"], str) for e in doc["events"])
    assert exportrow.context_events().event_id.tolist()[0] == "ctx_court_ruling"


def test_duplicate_yaml_keys_are_refused(write_annotation, article):
    with pytest.raises(AnnotationError, match="line 2: a second 'a' key in the same mapping"):
        load_annotation(write_annotation("a: 1\na: 2\n"), article)


def test_schema_round_trip_of_the_seed():
    """The schema speaks of the same fields the seed uses: every field of every entry is declared."""
    doc = yaml.safe_load(paths.default_annotation().read_text())
    defs = json.loads(schema_text())["$defs"]
    for section, name in [("actors", "actor"), ("figures", "figure"), ("claims", "claim"), ("events", "event"),
                          ("statements", "statement"), ("ignored_numbers", "ignored_number")]:
        used = {k for e in doc[section] for k in e}
        assert used <= set(defs[name]["properties"]), section
        assert set(defs[name]["required"]) <= used, section


def test_an_action_like_no_code_gets_the_allowed_values_not_a_guess(tmp_path, capsys):
    """'MEET' is as alike to 'REJECT' as difflib's default cutoff asks (0.6): no such guess, the list instead."""
    (tmp_path / "example-gazette-2021-03-03-freedonia-sylvania-fishing.txt").write_bytes(
        FIXTURE.with_suffix(".txt").read_bytes())
    text = FIXTURE.read_text(encoding="utf-8")
    assert "    action: SANCTION\n" in text
    path = tmp_path / FIXTURE.name
    path.write_text(text.replace("    action: SANCTION\n", "    action: MEET\n", 1), encoding="utf-8")
    assert main(["check", str(path)]) == 1
    err = capsys.readouterr().err
    assert f"events[rules_tightened].action: unknown value 'MEET'\n    fix: one of: {', '.join(ACTIONS)}\n" in err
    assert "did you mean" not in err
