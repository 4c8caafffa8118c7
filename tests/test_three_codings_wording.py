"""Notebook 03's warning names the other codings in the plural when there are two or more of them (the closing note
of the eighth session left it saying "Another coding of this article exists" with three codings)."""

import shutil

import pandas as pd

from exportrow import paths
from exportrow.agreement import find_codings, frame_warning


def _codings(tmp_path, extra: int):
    files = find_codings(paths.default_annotation())
    for k in range(extra):
        copy = tmp_path / f"coder-{k}.yaml"
        shutil.copyfile(files[1], copy)
        files.append(copy)
    return files


def test_three_codings_are_named_in_the_plural_in_every_branch(tmp_path):
    two, three = _codings(tmp_path, 0), _codings(tmp_path, 1)
    assert len(two) == 2 and len(three) == 3
    few_each = pd.DataFrame({"frame": ["Economic", "Political"], "alpha": [1.0, 0.0], "units": [24, 24],
                             "claims": [1, 2], "verdict": ["too few units"] * 2})
    assert "Another coding of this article exists, but every frame" in frame_warning(few_each, codings=two)
    assert "Other codings of this article exist, but every frame" in frame_warning(few_each, codings=three)
    weak = pd.DataFrame({"frame": ["Economic", "Political"], "alpha": [0.9, 0.41], "units": [24, 24],
                         "claims": [12, 12], "verdict": ["reliable", "unreliable"]})
    assert "Another coding of this article gives these claims other frames" in frame_warning(weak, codings=two)
    assert "Other codings of this article give these claims other frames" in frame_warning(weak, codings=three)
    fine = weak.assign(alpha=[0.9, 0.95], verdict=["reliable", "reliable"])
    assert frame_warning(fine, codings=two).startswith("Another coding of this article exists: every frame drawn")
    assert frame_warning(fine, codings=three).startswith("Other codings of this article exist: every frame drawn")
    few_coded = weak.assign(units=[8, 8], verdict=["too few units"] * 2)
    assert "Other codings of this article exist, but only 8 claims were coded by two or more coders" in \
        frame_warning(few_coded, codings=three)


def test_an_unreliable_frame_field_names_the_other_coders_in_the_plural():
    from exportrow.agreement import _unreliable_frames

    row = pd.Series({"alpha": 0.41, "units": 24})
    per_frame = pd.DataFrame({"frame": ["Political"], "alpha": [0.41], "units": [24], "claims": [12],
                              "verdict": ["unreliable"]})
    two, three = (_unreliable_frames(row, per_frame, None, n) for n in (2, 3))
    assert "one coder's reading, which another coder did not reproduce: frame alpha 0.410 on 24 claims coded " \
           "twice" in two
    assert "one coder's reading, which the other coders did not reproduce: frame alpha 0.410 on 24 claims coded " \
           "by two or more coders" in three

