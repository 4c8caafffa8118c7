"""Every kind of bad annotation input gets a clear message naming file, entry, field and fix."""

import subprocess
import sys

import pytest

from exportrow.annotations import AnnotationError, load_annotation


def problems(path, article):
    with pytest.raises(AnnotationError) as info:
        load_annotation(path, article)
    return info.value.problems


def test_seed_annotation_is_valid_and_complete(article):
    ann = load_annotation(None, article)
    assert ann.warnings == []
    assert ann.uncovered_numbers() == []
    assert {a["id"] for a in ann.actors} >= {"kr_gov", "jp_gov", "kr_motie", "jp_source", "kang", "pompeo"}
    assert [f["id"] for f in ann.figures] == ["cases_total", "cases_2015", "cases_2016", "cases_2017",
                                              "curbed_materials"]


def test_every_number_word_and_digit_is_covered(article, seed_yaml, write_annotation):
    ann = load_annotation(None, article)
    covered_words = {f["value_span"].text for f in ann.figures}
    assert {"156", "Fourteen", "22", "48", "three"} <= covered_words
    # Dropping an ignored number makes the coverage check speak up.
    text = seed_yaml.replace("  - quote: second deputy chief\n", "  - quote: second deputy chief of\n")
    text = text.replace("  - quote: one of materials targeted\n    reason: '\"one of\" picks out etching gas; "
                        "it is not a count.'\n", "")
    ann2 = load_annotation(write_annotation(text), article)
    assert [t for _, _, t in ann2.uncovered_numbers()] == ["one"]
    assert "number 'one'" in str(ann2.warnings[0])


def test_quote_not_in_article_names_nearest_passage(article, seed_yaml, write_annotation):
    text = seed_yaml.replace("quote: Tokyo's charge of lax controls",
                             "quote: Tokyo's charge of weak controls")
    path = write_annotation(text)
    (p,) = problems(path, article)
    assert p.file == str(path) and p.entry == "claims[kr_rejects_lax]" and p.field == "quote"
    assert "not in the article" in p.message
    assert "Tokyo's charge of lax controls" in p.fix


def test_quote_twice_without_prefix(article, seed_yaml, write_annotation):
    text = seed_yaml.replace("    quote: Tokyo\n    prefix: an immediate rebuttal from\n", "    quote: Tokyo\n")
    (p,) = problems(write_annotation(text), article)
    assert p.entry == "actors[jp_gov]" and "stands 5 times" in p.message and "prefix" in p.fix


def test_unknown_actor_and_duplicate_id(article, seed_yaml, write_annotation):
    text = seed_yaml.replace("    actor: jp_source\n", "    actor: jp_sauce\n")
    text = text.replace("  - id: cases_2016\n", "  - id: cases_2015\n")
    ps = problems(write_annotation(text), article)
    by_field = {(p.entry, p.field): p for p in ps}
    assert "unknown actor id 'jp_sauce'" in by_field[("claims[jp_not_enough]", "actor")].message
    assert "'jp_source'" in by_field[("claims[jp_not_enough]", "actor")].fix
    assert "duplicate id" in by_field[("figures[cases_2015]", "id")].message


def test_missing_required_field(article, seed_yaml, write_annotation):
    text = seed_yaml.replace("    value: 48\n", "")
    (p,) = problems(write_annotation(text), article)
    assert (p.entry, p.field, p.message) == ("figures[cases_2017]", "value", "missing required field")
    assert "add `value:`" in p.fix


def test_value_not_in_quote(article, seed_yaml, write_annotation):
    text = seed_yaml.replace("    value: 14\n", "    value: 13\n")
    (p,) = problems(write_annotation(text), article)
    assert p.entry == "figures[cases_2015]" and p.field == "value"
    assert "13 does not appear in the quote as digits or words" in p.message
    assert "Fourteen" in p.message


def test_unparseable_date(article, seed_yaml, write_annotation):
    text = seed_yaml.replace("    expression: December 2017\n", "    expression: Decembre 2017\n")
    text = text.replace("was illegally shipped to Vietnam in December 2017",
                        "was illegally shipped to Vietnam in December 2017")
    ps = problems(write_annotation(text), article)
    assert any(p.entry == "events[shipment_vietnam]" and p.field == "expression" for p in ps)
    text2 = seed_yaml.replace("    expression: Wednesday\n    tense: past\n    quote: discussed",
                              "    expression: Wednesday\n    quote: discussed")
    (p,) = problems(write_annotation(text2), article)
    assert p.entry == "events[kang_pompeo_call]" and "date cannot be parsed" in p.message
    assert "tense" in p.message


def test_hash_mismatch(article, seed_yaml, write_annotation):
    text = seed_yaml.replace("sha256: 8111112e", "sha256: 0000000e")
    (p,) = problems(write_annotation(text), article)
    assert (p.entry, p.field) == ("article", "sha256") and "made for another article" in p.message


@pytest.mark.parametrize("content, message", [
    (b"actors: [\n", "not valid YAML at line"),
    (b"", "the file is empty"),
    ("actors: caf\xe9".encode("latin-1"), "not UTF-8"),
    (b"- just\n- a list\n", "not a mapping"),
])
def test_bad_files(article, write_annotation, content, message):
    (p,) = problems(write_annotation(content), article)
    assert message in p.message and p.entry == "file" and p.fix


def test_all_problems_reported_together(article, seed_yaml, write_annotation):
    text = seed_yaml.replace("    value: 14\n", "    value: 13\n").replace("    actor: jp_source\n", "    actor: x\n")
    text = text.replace("    value: 48\n", "")
    assert len(problems(write_annotation(text), article)) == 3


def test_yaml_is_read_safely(article, write_annotation):
    ps = problems(write_annotation("actors: !!python/object/apply:os.system ['echo pwned']\n"), article)
    assert ps[0].message == "line 1: a YAML tag (!!python/object/apply:os.system) is not accepted"
    assert ps[0].fix == "YAML tags are not accepted; write the value plainly"  # review 11c, F10: the nearest fix


def test_check_command_lists_problems_without_traceback(seed_yaml, write_annotation, tmp_path):
    text = seed_yaml.replace("    value: 14\n", "    value: 13\n").replace("    actor: jp_source\n", "    actor: x\n")
    bad = write_annotation(text)
    from exportrow import paths
    cmd = [sys.executable, "-m", "exportrow.cli", "check", str(bad), "--article", str(paths.default_article())]
    res = subprocess.run(cmd, capture_output=True, text=True)
    assert res.returncode == 1
    assert "2 problems" in res.stderr and "figures[cases_2015].value" in res.stderr
    assert "Traceback" not in res.stderr
    ok = subprocess.run([sys.executable, "-m", "exportrow.cli", "check"], capture_output=True, text=True)
    assert ok.returncode == 0 and "5 figures" in ok.stdout


def test_cache_hands_out_copies(article, write_annotation, seed_yaml):
    first = load_annotation(None, article)
    first.figures[0]["value"] = 999
    first.figures[0]["date"] = None
    first.figures.clear()
    first.actors[0]["side"] = "tokyo"
    again = load_annotation(None, article)
    assert [f["id"] for f in again.figures][:1] == ["cases_total"] and again.figures[0]["value"] == 156
    assert again.figures[0]["date"].timex == "2015/2019-03"
    assert again.actors[0]["side"] == "seoul"
    assert again.article is article  # the caller's article, not a copy of another one
    assert again is not load_annotation(None, article)


def test_cache_follows_the_content_not_the_clock(article, write_annotation, seed_yaml):
    path = write_annotation(seed_yaml)
    assert load_annotation(path, article).figures[1]["value"] == 14
    path.write_text(seed_yaml.replace("    value: 14\n", "    value: 13\n"))  # same size, maybe the same mtime
    with pytest.raises(AnnotationError, match="13 does not appear"):
        load_annotation(path, article)


def test_public_api_of_the_package():
    import exportrow.annotations as pkg

    for name in ["load_annotation", "AnnotationError", "Annotation", "Problem", "annotation_path_for",
                 "article_path_for", "safe_yaml", "SIDES", "ACTOR_KINDS", "ATTRIBUTIONS", "ACTIONS", "FRAMES",
                 "ENTMAN", "CHECKS", "load_context", "schema_text"]:
        assert name in pkg.__all__ and hasattr(pkg, name), name


def test_no_function_of_the_package_is_long():
    import ast
    from pathlib import Path

    import exportrow.annotations as pkg

    for module in Path(pkg.__file__).parent.glob("*.py"):
        for node in ast.walk(ast.parse(module.read_text())):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                assert node.end_lineno - node.lineno <= 60, f"{module.name}:{node.name}"
