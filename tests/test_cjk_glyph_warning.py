"""check warns about side names and event text the charts cannot draw (CJK in DejaVu Sans) (review 11a #19)."""

import subprocess
import sys

from conftest import FIXTURES

from exportrow.annotations import load_annotation
from exportrow.article import load_article

STEM = "example-gazette-2021-03-03-freedonia-sylvania-fishing"


def annotation_with(tmp_path, sides_line: str, description: str):
    text = (FIXTURES / f"{STEM}.yaml").read_text(encoding="utf-8")
    text = text.replace("sides: [freedonia, sylvania]", sides_line, 1)
    text = text.replace("description: Sylvania tightens its fishing-permit rules", f"description: {description}", 1)
    path = tmp_path / f"{STEM}.yaml"
    path.write_text(text, encoding="utf-8")
    (tmp_path / f"{STEM}.txt").write_bytes((FIXTURES / f"{STEM}.txt").read_bytes())
    return path


def glyph_lines(ann):
    return [str(w) for w in ann.warnings if "charts cannot draw" in w.message]


def test_cjk_name_and_description_are_warned_with_file_entry_field(tmp_path):
    path = annotation_with(tmp_path, 'sides: [{id: freedonia, name: "한성 Freedonia"}, sylvania]',
                           "東海硝子 tightens its fishing-permit rules")
    ann = load_annotation(path, load_article(path.with_suffix(".txt")))
    lines = glyph_lines(ann)
    assert len(lines) == 2
    assert lines[0].startswith(f"{path}: sides[freedonia].name: uses characters the charts cannot draw (they show "
                               "as boxes): '한성'; the pages and tables show them")
    assert ".description: uses characters the charts cannot draw (they show as boxes): '東海硝子'" in lines[1]


def test_latin_greek_cyrillic_and_typography_are_not_warned(tmp_path):
    path = annotation_with(tmp_path, 'sides: [{id: freedonia, name: "Ní Bhriain’s Σύνδεσμος — Москва"}, sylvania]',
                           "Sylvania tightens its fishing-permit rules (€2bn, 5 °C)")
    ann = load_annotation(path, load_article(path.with_suffix(".txt")))
    assert glyph_lines(ann) == []


def test_checking_does_not_import_matplotlib(tmp_path):
    path = annotation_with(tmp_path, 'sides: [{id: freedonia, name: "한성"}, sylvania]', "x")
    code = ("import sys; from exportrow.annotations import load_annotation; from exportrow.article import load_article;"
            f"a = load_annotation({str(path)!r}, load_article({str(path.with_suffix('.txt'))!r}));"
            "assert any('charts cannot draw' in w.message for w in a.warnings); print('matplotlib' in sys.modules)")
    res = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert res.stdout.strip() == "False"
