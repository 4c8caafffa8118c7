"""A side may give the name readers see (`sides: [{id: freedonia, name: ...}]`): charts, prose and the article view
show it, escaped; tables keep the id; without `name:` nothing changes."""

import shutil

import matplotlib.pyplot as plt
import pytest
from conftest import FIXTURES

from exportrow import claims, events, framing, load_article
from exportrow.annotations import AnnotationError, load_annotation
from exportrow.plots import distinctive_words, diverging_frames
from exportrow.sides import side_words
from exportrow.timeline import selection_note
from exportrow.view import article_page

STEM = "example-gazette-2021-03-03-freedonia-sylvania-fishing"
HOSTILE = "Republic of <b>Freedonia</b> *x*"


def _named(tmp_path, name=f'"{HOSTILE}"'):
    shutil.copy(FIXTURES / f"{STEM}.txt", tmp_path)
    text = (FIXTURES / f"{STEM}.yaml").read_text(encoding="utf-8")
    assert "sides: [freedonia, sylvania]\n" in text
    ann = tmp_path / f"{STEM}.yaml"
    ann.write_text(text.replace("sides: [freedonia, sylvania]\n",
                                f"sides: [{{id: freedonia, name: {name}}}, sylvania]\n"), encoding="utf-8")
    return load_article(tmp_path / f"{STEM}.txt"), ann


def test_a_named_side_is_shown_by_its_name_escaped_and_tabled_by_its_id(tmp_path):
    art, path = _named(tmp_path)
    ann = load_annotation(path, art)
    assert ann.sides == ("freedonia", "sylvania", "outlet", "other") and ann.sides.names == {"freedonia": HOSTILE}
    table = claims(art, path)
    assert set(table.side.astype(str)) <= {"freedonia", "sylvania", "outlet", "other"}  # the id stays in tables
    assert side_words("freedonia", ann.sides) == HOSTILE and side_words("sylvania", ann.sides) == "Sylvania"
    lines = framing.summary(table, "freedonia", "sylvania", ann.sides)
    assert lines[0].startswith(r"**Republic of &lt;b&gt;Freedonia&lt;/b&gt; \*x\***: 3 claims")
    note = framing.claims_note(table[table.side == "sylvania"], ["freedonia"], ann.sides)
    assert note == (r"The annotation records no claim of Republic of &lt;b&gt;Freedonia&lt;/b&gt; \*x\*, so there is "
                    "nothing to compare between them.")
    fig, alt = diverging_frames(table.pipe(framing.frame_counts, ["freedonia", "sylvania"]), "freedonia", "sylvania",
                                sides=ann.sides)
    plt.close(fig)
    assert alt.startswith(f"{HOSTILE}'s 3 claims use 3 frames, one each; Sylvania's")
    words = table.pipe(framing.fightin_words, "freedonia", "sylvania", background="uniform")
    fig, alt = distinctive_words(words, "freedonia", "sylvania", sides=ann.sides)
    plt.close(fig)
    assert alt.startswith(f"No word separates {HOSTILE} from Sylvania beyond chance")
    page = article_page(art, ann)
    assert "Republic of &lt;b&gt;Freedonia&lt;/b&gt; *x*</span>" in page and "<b>Freedonia" not in page
    note = selection_note(events(art, path).head(0), sides=["freedonia"], annotation=ann)
    assert note == r"Republic of &lt;b&gt;Freedonia&lt;/b&gt; \*x\* has no event in this annotation; no row is shown."


def test_without_a_name_a_side_is_shown_as_before(tmp_path):
    ann = load_annotation()
    assert ann.sides.names == {}
    assert [side_words(s, ann.sides) for s in ann.sides] == [side_words(s) for s in ann.sides]
    assert framing.summary(claims(), "seoul", "tokyo", ann.sides) == framing.summary(claims(), "seoul", "tokyo")


@pytest.mark.parametrize("name, message", [
    ('"' + "x" * 61 + '"', "sides[freedonia].name: is 61 characters long; at most 60 are accepted"),
    ('"  "', "sides[freedonia].name: is blank"),
    ('"a\\nb"', "sides[freedonia].name: 'a\\nb' is not in the expected form"),
    ("{a: 1}", "sides[freedonia].name: must be text, not a mapping"),
])
def test_a_bad_name_is_refused_with_the_entry_and_the_fix(tmp_path, name, message):
    art, path = _named(tmp_path, name)
    with pytest.raises(AnnotationError) as info:
        load_annotation(path, art)
    assert message in str(info.value)


def test_controls_in_a_name_are_dropped_and_a_side_declared_twice_is_refused(tmp_path):
    art, path = _named(tmp_path, '"United\\u202e  States\\x07"')
    assert load_annotation(path, art).sides.names == {"freedonia": "United States"}
    text = path.read_text(encoding="utf-8").replace("sylvania]\n", "freedonia]\n", 1)
    path.write_text(text, encoding="utf-8")
    with pytest.raises(AnnotationError, match="sides: the side 'freedonia' is declared more than once"):
        load_annotation(path, art)
