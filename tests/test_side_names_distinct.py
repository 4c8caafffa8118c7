"""Side names tell the sides apart (review 10, finding 2) and `check` warns about invisible controls in them
(finding 14)."""

import shutil

import pytest
from conftest import FIXTURES

from exportrow import load_article
from exportrow.annotations import AnnotationError, load_annotation

STEM = "example-gazette-2021-03-03-freedonia-sylvania-fishing"


def _sides(tmp_path, sides):
    shutil.copy(FIXTURES / f"{STEM}.txt", tmp_path)
    text = (FIXTURES / f"{STEM}.yaml").read_text(encoding="utf-8")
    assert "sides: [freedonia, sylvania]\n" in text
    path = tmp_path / f"{STEM}.yaml"
    path.write_text(text.replace("sides: [freedonia, sylvania]\n", f"sides: {sides}\n"), encoding="utf-8")
    return load_article(tmp_path / f"{STEM}.txt"), path


def _problems(tmp_path, sides):
    art, path = _sides(tmp_path, sides)
    with pytest.raises(AnnotationError) as info:
        load_annotation(path, art)
    return [(p.entry, p.field, p.message, p.fix) for p in info.value.problems]


def test_two_sides_of_one_name_are_refused_naming_both(tmp_path):
    got = _problems(tmp_path, '[{id: freedonia, name: "The Coast"}, {id: sylvania, name: "the  coast"}]')
    assert got == [("sides[sylvania]", "name", "'the coast' is also the name of the side freedonia, so charts and "
                    "prose could not tell the two sides apart",
                    "give each side a name of its own (or remove `name:` from one of them)")]


def test_a_name_that_is_another_sides_id_is_refused(tmp_path):
    got = _problems(tmp_path, '[freedonia, {id: sylvania, name: "Freedonia"}]')
    assert got == [("sides[sylvania]", "name", "'Freedonia' is the id of the side freedonia (shown as 'Freedonia'), "
                    "so charts and prose would seem to speak of the side freedonia where they mean sylvania",
                    "give the sylvania a name that is not another side's, e.g. 'Sylvania'")]


def test_a_name_of_nothing_but_controls_is_refused(tmp_path):
    got = _problems(tmp_path, '[{id: freedonia, name: "\\u202e\\u202c"}, sylvania]')
    assert got == [("sides[freedonia]", "name", "'\\u202e\\u202c' has nothing to show once invisible and control "
                    "characters are left out",
                    "write the name in visible letters, or remove `name:` to show the side as 'Freedonia'")]


def test_distinct_names_and_a_name_equal_to_its_own_id_load(tmp_path):
    art, path = _sides(tmp_path, '[{id: freedonia, name: "FREEDONIA"}, {id: sylvania, name: Kingdom of Sylvania}]')
    assert load_annotation(path, art).sides.names == {"freedonia": "FREEDONIA", "sylvania": "Kingdom of Sylvania"}


def test_check_warns_about_a_bidi_control_in_a_side_name(tmp_path):
    art, path = _sides(tmp_path, '[{id: freedonia, name: "\\u202eynapmoc \\u2066x"}, sylvania]')
    ann = load_annotation(path, art)
    assert ann.sides.names == {"freedonia": "ynapmoc x"}
    got = [(w.entry, w.field, w.message) for w in ann.warnings if "U+202E" in w.message]
    assert got == [("sides[freedonia]", "name", "holds an invisible U+202E RIGHT-TO-LEFT OVERRIDE and U+2066 "
                    "LEFT-TO-RIGHT ISOLATE, which reverses the text shown after it (a chart would draw the date "
                    "beside it backwards)")]


def test_a_name_ending_in_s_takes_a_bare_apostrophe_in_charts_and_prose(tmp_path):
    import matplotlib.pyplot as plt

    from exportrow import claims, framing
    from exportrow.plots import diverging_frames

    art, path = _sides(tmp_path, '[{id: freedonia, name: United States}, {id: sylvania, name: Philippines}]')
    ann = load_annotation(path, art)
    table = claims(art, path)
    fig, alt = diverging_frames(table.pipe(framing.frame_counts, ["freedonia", "sylvania"]), "freedonia", "sylvania",
                                sides=ann.sides)
    title = fig.axes[0].get_title()
    plt.close(fig)
    assert alt.startswith("United States' 3 claims use 3 frames, one each; Philippines' ")
    assert "'s" not in alt and "'s" not in title
    lines = framing.summary(table, "freedonia", "sylvania", ann.sides)
    rebuttals = [line for line in lines if "rebuttal" in line]
    assert rebuttals and all("United States' claims" in line or "Philippines' claims" in line for line in rebuttals)


def _overflowing_texts(fig):
    from matplotlib.text import Text

    fig.canvas.draw()
    renderer = fig.canvas.get_renderer()
    width = fig.bbox.width
    return [t.get_text() for t in fig.findobj(Text) if t.get_text().strip() and t.get_visible()
            and (t.get_window_extent(renderer).x1 > width + 1 or t.get_window_extent(renderer).x0 < -1)]


def test_long_side_names_fit_in_notebook_03s_charts_and_stay_whole_in_the_alt_text(tmp_path):
    import matplotlib.pyplot as plt

    from exportrow import claims, framing
    from exportrow.plots import distinctive_words, diverging_frames

    long_a, long_b = "W" * 60, "Brennfeld Municipal Transport Company (Stadtwerke Verkehr)"
    art, path = _sides(tmp_path, f'[{{id: freedonia, name: "{long_a}"}}, {{id: sylvania, name: "{long_b}"}}]')
    ann = load_annotation(path, art)
    table = claims(art, path)
    fig, alt = diverging_frames(table.pipe(framing.frame_counts, ["freedonia", "sylvania"]), "freedonia", "sylvania",
                                sides=ann.sides)
    heads = [t.get_text() for t in fig.axes[0].texts if "\u2190" in t.get_text() or "\u2192" in t.get_text()]
    assert ["".join(h.split()) for h in heads] == ["\u2190" + long_a + "(3)", "".join(long_b.split()) + "(3)\u2192"]
    assert _overflowing_texts(fig) == [] and long_a in alt and long_b in alt
    plt.close(fig)
    words = table.pipe(framing.fightin_words, "freedonia", "sylvania", background="uniform")
    fig, alt = distinctive_words(words, "freedonia", "sylvania", sides=ann.sides)
    assert _overflowing_texts(fig) == [] and long_a in alt and long_b in alt
    assert long_a not in fig.axes[0].get_xlabel().replace("\n", "")
    plt.close(fig)
