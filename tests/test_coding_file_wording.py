"""A refused coding is introduced as the coder's coding, not "the annotation file" (review 10, finding 4)."""

import shutil

import pytest
from conftest import FIXTURES

from exportrow.report import CodingError, check_codings

STEM = "example-gazette-2021-03-03-freedonia-sylvania-fishing"


def test_a_refused_coding_names_the_coding_file_and_its_coder(tmp_path):
    shutil.copy(FIXTURES / f"{STEM}.txt", tmp_path)
    shutil.copy(FIXTURES / f"{STEM}.yaml", tmp_path)
    (tmp_path / f"{STEM}.anna.yaml").write_text("claims: [{id: c1, frame: 99}]\n", encoding="utf-8")
    with pytest.raises(CodingError) as info:
        check_codings({"annotation_path": str(tmp_path / f"{STEM}.yaml"),
                       "article_path": str(tmp_path / f"{STEM}.txt")})
    first = str(info.value).splitlines()[0]
    assert first == f"6 problems in the coding {STEM}.anna.yaml (coder anna):"
    assert "annotation file" not in str(info.value).split("notebook 04")[0]
