"""`exportrow extract` never writes a draft that `exportrow check` must refuse (rv13b finding 7): a 1.95 MB article
gave a 62 MB draft of 153,281 entries, refused by check as over 4,000,000 bytes. Now the candidates are counted
against check's limits (2,000 per list, 4,000,000 bytes) and extract stops with one message and writes nothing."""

import subprocess
import sys

import pytest

from exportrow import extract, files
from exportrow.article import load_article

HEADER = "---\ntitle: Big\noutlet: Northgate Wire\npublished: 2024-05-14T16:20:00+02:00\n---\n"
PARAGRAPH = ("Officials said on Monday that 12 boats were seized in 2018, 30 in 2019 and 40 last March, "
             "up 25% since 2015, a spokesman said. " * 8) + "\n\n"


def _extract(*args, cwd):
    return subprocess.run([sys.executable, "-m", "exportrow.cli", "extract", *args], capture_output=True, text=True,
                          cwd=cwd)


def test_more_candidates_than_a_list_may_hold_stop_extract_and_write_nothing(tmp_path):
    (tmp_path / "big.txt").write_text(HEADER + PARAGRAPH * 60)
    dates = len(extract._dates_in(load_article(tmp_path / "big.txt")))
    assert dates == 2_400  # five date expressions a sentence, 8 sentences, 60 paragraphs
    for args in (["--out", "big.yaml"], []):
        done = _extract("big.txt", *args, cwd=tmp_path)
        assert done.returncode == 1 and done.stdout == ""
        assert done.stderr == (
            "error: big.txt: 2,400 date expressions (events:), more than the 2,000 candidates a list of an annotation "
            "may hold, so exportrow check would refuse the draft; no draft written: cut the article to the "
            "paragraphs you mean to annotate (a news article gives a few dozen candidates) and run exportrow "
            "extract on that\n")
        assert not (tmp_path / "big.yaml").exists()
    (tmp_path / "cut.txt").write_text(HEADER + PARAGRAPH * 2)  # the advice works
    assert _extract("cut.txt", "--out", "cut.yaml", cwd=tmp_path).returncode == 0
    checked = subprocess.run([sys.executable, "-m", "exportrow.cli", "check", "cut.yaml"], capture_output=True,
                             text=True, cwd=tmp_path)  # refused as a draft to review, not unread as too large
    assert "cut.yaml: draft: this is a draft from `exportrow extract`, not checked data yet" in checked.stderr


def test_a_draft_over_checks_byte_limit_is_not_made(monkeypatch):
    article = load_article()
    size = len(extract.draft_annotation(article).encode())
    monkeypatch.setattr(files, "MAX_ANNOTATION_BYTES", size - 1)
    with pytest.raises(extract.DraftTooLargeError) as info:
        extract.draft_annotation(article)
    assert str(info.value).startswith(f"{article.path.name}: the draft would be {size:,} bytes (")
    assert f"more than the {size - 1:,} exportrow check accepts; no draft written: cut the article" in str(info.value)
