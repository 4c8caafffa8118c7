"""Review rv16b #2: notebook 03's frame warning ignored the frame field's own alpha.

Notebook 04 said "frame: alpha 0.486 (below 0.667) ... do not compare the sides on them" while notebook 03, under
the same chart, said "Too few claims to judge agreement per frame ... nothing here tells yet": it looked at the
frames one by one only, and in a short article every frame is given to fewer than 10 claims.
"""

import shutil
from pathlib import Path

import pandas as pd
from conftest import outputs_text

from exportrow import load_annotation, paths
from exportrow.agreement import (
    TENTATIVE,
    Coding,
    agreement,
    find_codings,
    frame_chart_note,
    frame_reliability,
    frame_warning,
    implications,
    unreliable_frame_field,
)
from exportrow.worksheet import make_worksheet, write_worksheet

#: 12 claims; the second coder moves 3 of them to another frame: alpha below 0.667, every frame on 4 claims.
ONE = [1, 1, 1, 2, 2, 2, 5, 5, 5, 6, 6, 6]
TWO = [1, 1, 2, 2, 2, 5, 5, 5, 6, 6, 1, 6]
FILES = [Path("river.yaml"), Path("river.anna.yaml")]


def _coding(coder: str, frames: list[int]) -> Coding:
    rows = [{"claim_id": f"c{i:02d}", "start": 100 * i, "end": 100 * i + 50, "quote": f"claim {i}", "frame": f}
            for i, f in enumerate(frames)]
    return Coding(Path(f"river.{coder}.yaml"), coder, "annotation", pd.DataFrame(rows))


def _compare(*frames):
    """The frames of one coder per list, on the same 12 claims, compared on the frame field."""
    return agreement([_coding(f"coder{k}", f) for k, f in enumerate(frames)], fields=["frame"], n_boot=200)


def test_an_unreliable_frame_field_is_warned_about_first_with_its_alpha_and_claims():
    result = _compare(ONE, TWO)
    row = result.fields.set_index("field").loc["frame"]
    assert row.verdict == "unreliable" and row.units == 12 and row.alpha < TENTATIVE
    per_frame = frame_reliability(result)
    assert set(per_frame.verdict) == {"too few units"}  # every frame on 4 claims: no verdict of its own
    text = frame_warning(per_frame, None, FILES, result)
    assert text.startswith("**Warning: low agreement between coders.** The frames here are one coder's reading, "
                           "which another coder did not reproduce: "
                           f"frame alpha {row.alpha:.3f} on 12 claims coded twice, below 0.667")
    assert "Do not compare the sides on them" in text
    assert "Too few claims" not in text and "nothing here tells yet" not in text
    assert text.index("frame alpha") < text.index("Per frame: Economic (4 claims)")  # per frame after, not before
    # notebook 04 gives the same alpha the same verdict
    assert f"**frame**: alpha {row.alpha:.3f} (below 0.667)" in implications(result, per_frame)[0]
    # without the field's result (the old call) the per-frame text stays as it was
    assert frame_warning(per_frame, None, FILES).startswith("**Too few claims to judge agreement per frame.**")


def test_the_chart_carries_the_same_warning():
    result = _compare(ONE, TWO)
    alpha = result.fields.alpha.iloc[0]
    assert frame_chart_note(result) == (f"Low agreement: another coder did not reproduce these frames (frame alpha "
                                        f"{alpha:.3f} on 12 claims coded twice, below 0.667); do not compare the "
                                        "sides on them.")
    assert frame_chart_note(_compare(ONE, ONE)) == "" and frame_chart_note(None) == ""


def test_weak_and_sound_frames_follow_the_field_warning():
    result = _compare(ONE, TWO)
    per_frame = pd.DataFrame({"frame": ["Economic", "Political", "Crime and punishment", "Policy prescription"],
                              "alpha": [1.0, 0.41, 0.9, 0.5], "units": [12] * 4, "claims": [1, 11, 10, 3],
                              "verdict": ["too few units", "unreliable", "reliable", "too few units"]})
    text = frame_warning(per_frame, None, FILES, result)
    assert text.startswith("**Warning: low agreement between coders.**")
    assert "Per frame: Political (alpha 0.410) stays below 0.667 too." in text
    assert "Per frame: Crime and punishment reaches alpha 0.667 or more on its own." in text
    assert "Per frame: Economic (1 claim); Policy prescription (3 claims) are given to fewer than 10 claims" in text


def test_a_sound_frame_field_keeps_the_per_frame_reading():
    result = _compare(ONE, ONE)
    assert unreliable_frame_field(result) is None
    per_frame = frame_reliability(result)
    # every frame on 4 claims: the per-frame reading, then (since rev16d #2) the field's own verdict
    assert frame_warning(per_frame, None, FILES, result) == frame_warning(per_frame, None, FILES) + (
        " Taken together, the frames reach alpha 1.000 on 12 claims coded twice (reliable, as notebook 04 says).")


def test_three_codings_say_two_or_more_coders():
    result = _compare(ONE, TWO, [1, 2, 1, 2, 5, 2, 5, 6, 5, 6, 6, 1])
    assert unreliable_frame_field(result) is not None
    text = frame_warning(frame_reliability(result), None, FILES + [Path("river.ben.yaml")], result)
    assert "on 12 claims coded by two or more coders, below 0.667" in text


def test_notebook_03_warns_with_notebook_04s_frame_alpha(tmp_path, run_notebook):
    """The bundled article, its annotation and a second coding that moves every third claim to another frame."""
    art_path = shutil.copy(paths.default_article(), tmp_path)
    ann_path = Path(shutil.copy(paths.default_annotation(), tmp_path))
    ann = load_annotation(ann_path)
    frames = {c["span"].start: int(c["frame"]) for c in ann.claims}
    ws = make_worksheet(ann)
    for k, c in enumerate(ws.claims):
        c["frame"] = frames[c["start"]] if k % 3 else (13 if frames[c["start"]] != 13 else 5)
    write_worksheet(ws, tmp_path / f"{ann_path.stem}.anna.yaml")
    files = find_codings(ann_path)
    assert len(files) == 2
    row = unreliable_frame_field(agreement(files, fields=["frame"]))
    assert row is not None  # the field as a whole: below 0.667 on every claim
    nb, _ = run_notebook("03-framing-comparison", article_path=str(art_path), annotation_path=str(ann_path))
    text = outputs_text(nb)
    assert (f"**Warning: low agreement between coders.** The frames here are one coder's reading, which another "
            f"coder did not reproduce: frame alpha {row.alpha:.3f} on {int(row.units)} claims coded twice") in text
