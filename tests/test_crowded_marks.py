"""Entries piled on the same words (rv13b finding 2): the article page draws every mark, with its coding, on each
word it covers, so 2,000 claims overlapping 300 deep made a 351 MB page and a 7.9 GB report. `check` (and so `view`,
`report` and the notebooks) refuses more than MAX_OVERLAP marks on one word, naming the annotation, the entries and
the crowded sentence; within the limit a page grows with the entries, not with entries x overlap."""

import hashlib
import subprocess
import sys

import pytest

from exportrow.annotations import AnnotationError, load_annotation
from exportrow.annotations.crowding import MAX_OVERLAP
from exportrow.article import load_article
from exportrow.view import article_page


def _pair(tmp_path, claims: int, words: int):
    """An article of one long sentence, and ``claims`` claims quoting ``words`` words each, one word apart."""
    body = " ".join(f"w{i}" for i in range(claims + words))
    art = (f"---\ntitle: Quad\noutlet: Northgate Wire\npublished: 2024-05-01T10:00:00+02:00\n---\n"
           f"Kelmark officials said {body}.\n")
    (tmp_path / "quad-2024-05-01.txt").write_text(art)
    sha = hashlib.sha256(art.encode()).hexdigest()
    lines = [f"exportrow: 1\narticle:\n  file: quad-2024-05-01.txt\n  sha256: {sha}"
             "\nsides: [kelmark, ostravia]\nactors:\n  - id: kel\n    name: Kelmark\n    side: kelmark\n"
             "    kind: government\n    quote: Kelmark officials\nclaims:"]
    for i in range(claims):
        quote = " ".join(f"w{j}" for j in range(i, i + words))
        lines.append(f"  - id: c{i}\n    actor: kel\n    attribution: indirect\n    cue: said\n    quote: {quote}\n"
                     "    frame: 5")
    path = tmp_path / "quad-2024-05-01.yaml"
    path.write_text("\n".join(lines) + "\n")
    return path


def test_more_marks_on_one_word_than_the_limit_are_refused_with_the_sentence(tmp_path):
    path = _pair(tmp_path, 40, 30)
    with pytest.raises(AnnotationError) as info:
        load_annotation(path, load_article(tmp_path / "quad-2024-05-01.txt"))
    assert len(info.value.problems) == 1
    assert str(info.value.problems[0]) == (
        f"{path}: claims[c0].quote: 13 entries (claims[c0], claims[c1], claims[c2], claims[c3], claims[c4], claims[c5]"
        " and 7 more) put 13 marks on the same words at character 141, in the sentence \u201cKelmark officials said w0 "
        "w1 w2 w3 w4 w5 w6 w7 w8 w9 w10 w11 w12 w13 w14 w15 w16 w17 w18 w19 w20\u2026\u201d: more than the 12 one word "
        "may carry (the article page draws every mark, with its coding, on each word it covers)\n"
        "    fix: quote only the words each claim makes; claims that repeat one passage are one claim")
    done = subprocess.run([sys.executable, "-m", "exportrow.cli", "view", "--annotation", str(path), "--out",
                           str(tmp_path / "page.html")], capture_output=True, text=True)
    assert done.returncode == 1 and "put 13 marks on the same words at character 141" in done.stderr
    assert "Traceback" not in done.stderr and not (tmp_path / "page.html").exists()


def test_within_the_limit_the_page_grows_with_the_entries_not_their_overlap(tmp_path):
    assert MAX_OVERLAP == 12
    art = tmp_path / "quad-2024-05-01.txt"
    sizes = []
    for claims in (100, 400):
        ann = _pair(tmp_path, claims, MAX_OVERLAP)
        sizes.append(len(article_page(load_article(art), load_annotation(ann, load_article(art)))))
    small, big = sizes
    assert 3.5 < big / small < 4.5  # four times the entries: four times the page
    assert big < 4_000_000
