"""`exportrow import` refuses, before writing, a page whose article text is more than an article may be (review 16a F2).

Before, it wrote the 2.36 MB capture and then failed on the file it had just made, with "is it the right file?": the
page limit is 20 MB, the article limit 2 MB, and only the written file was measured.
"""

import random

from exportrow.cli import main
from exportrow.importer import CHECKSUM_MARK

WORDS = ("the ministry said that boats were seized near the bay on monday after talks failed and officials "
         "argued").split()


def big_page(tmp_path, paragraphs=9000):
    """A saved page of about 2.4 MB whose article text is about 2.36 MB (the reviewer's make-page.py)."""
    rng = random.Random(1)
    ps = "".join("<p>" + " ".join(rng.choice(WORDS) for _ in range(45)) + ".</p>" for _ in range(paragraphs))
    page = tmp_path / "big.html"
    page.write_text(f"<html><head><title>Big</title></head><body><article><h1>Big</h1>{ps}</article></body></html>",
                    encoding="utf-8")
    return page


def test_a_page_with_too_much_text_is_refused_and_nothing_is_written(tmp_path, capsys):
    page = big_page(tmp_path)
    out = tmp_path / "big.txt"
    assert main(["import", str(page), "--out", str(out), "--published", "2024-01-01"]) == 1
    err = capsys.readouterr().err
    assert err.startswith(f"error: {page}: the article text trafilatura found makes a capture of 2,358,213 bytes, "
                          "more than the 2,000,000 an article may have; save only the article's own page")
    assert "is it the right file?" not in err and "big.txt" not in err
    assert not out.exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["big.html"]  # no temporary file left either


def test_force_keeps_the_earlier_capture_when_the_new_one_is_too_big(tmp_path, capsys):
    small = tmp_path / "small.html"
    small.write_text("<html><body><article><p>Twelve ships waited at the border on Monday, officials said.</p>"
                     "</article></body></html>", encoding="utf-8")
    out = tmp_path / "a.txt"
    assert main(["import", str(small), "--out", str(out), "--published", "2024-01-01"]) == 0
    before = out.read_bytes()
    assert CHECKSUM_MARK.encode() in before
    page = big_page(tmp_path)
    assert main(["import", str(page), "--out", str(out), "--published", "2024-01-01", "--force"]) == 1
    assert "more than the 2,000,000 an article may have" in capsys.readouterr().err
    assert out.read_bytes() == before
