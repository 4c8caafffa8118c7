"""YAML 1.1 reads yes, no, on and off without quotes as true/false: an id written `off` is refused with the fix
(quote it), and the fixes quote no id of the bundled article when another article is checked."""

from __future__ import annotations

import shutil

import pytest
from conftest import FIXTURES

from exportrow import load_annotation, load_article
from exportrow.annotations import AnnotationError

BUNDLED_IDS = ("kr_gov", "cases_2017", "cases_total_remainder", "illegal_export_cases", "seoul")


@pytest.fixture
def copied(tmp_path):
    for f in (FIXTURES / "harbor-bridge").glob("harbor-bridge.*"):
        shutil.copy(f, tmp_path / f.name)
    return tmp_path / "harbor-bridge.txt", tmp_path / "harbor-bridge.yaml"


def test_an_id_written_off_is_refused_with_the_quote_fix(copied):
    text, ann = copied
    yaml = ann.read_text(encoding="utf-8")
    ann.write_text(yaml.replace("  - id: vd_gov\n", "  - id: off\n", 1), encoding="utf-8")
    with pytest.raises(AnnotationError) as info:
        load_annotation(ann, load_article(text))
    message = str(info.value)
    assert "actors[1].id: must be text, not false (true/false)" in message
    assert ('fix: put the word you wrote in quotes, e.g. `id: "off"`: without quotes YAML reads yes, no, on, off, '
            "true and false as true/false") in message
    assert not [i for i in BUNDLED_IDS if i in message]


def test_the_quoted_word_is_an_id(copied):
    text, ann = copied
    yaml = ann.read_text(encoding="utf-8")
    assert yaml.count("vd_gov") == yaml.count(": vd_gov\n")  # every use is a whole value
    ann.write_text(yaml.replace(": vd_gov\n", ': "off"\n'), encoding="utf-8")
    assert "off" in {a["id"] for a in load_annotation(ann, load_article(text)).actors}
