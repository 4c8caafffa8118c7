"""Entries piled on the same words (rv13b finding 2): the article page draws every mark, with its coding, on each
word it covers, so 2,000 claims overlapping 300 deep made a 351 MB page and a 7.9 GB report. `check` (and so `view`,
`report` and the notebooks) refuses more than MAX_OVERLAP entries on one word, naming the annotation, the entries and
the crowded sentence; within the limit a page grows with the entries, not with entries x overlap. Each entry counts
once per character (rv14a finding 1): a figure's quote, value and period are one mark, so a wire sentence listing six
countries' export growth, each figure quoted from "In 2024" to its value, passes."""

import hashlib
import pathlib
import subprocess
import sys

import pytest

from exportrow.annotations import AnnotationError, load_annotation
from exportrow.annotations.crowding import MAX_OVERLAP, crowded_point
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
        f"{path}: claims[c0].quote: 21 entries (21 claims: claims[c0], claims[c1], claims[c2], claims[c3], claims[c4], "
        "claims[c5] and 15 more) mark the same words at character 173, in the sentence \u201cKelmark officials said w0 "
        "w1 w2 w3 w4 w5 w6 w7 w8 w9 w10 w11 w12 w13 w14 w15 w16 w17 w18 w19 w20\u2026\u201d: more than the 20 entries "
        "one word may carry (the article page draws every entry's mark, with its coding, on each word it covers)\n"
        "    fix: quote only the words each claim makes, and merge claims that repeat one passage into one")
    done = subprocess.run([sys.executable, "-m", "exportrow.cli", "view", "--annotation", str(path), "--out",
                           str(tmp_path / "page.html")], capture_output=True, text=True)
    assert done.returncode == 1 and "21 entries (21 claims: claims[c0]" in done.stderr
    assert "Traceback" not in done.stderr and not (tmp_path / "page.html").exists()


def test_within_the_limit_the_page_grows_with_the_entries_not_their_overlap(tmp_path):
    assert MAX_OVERLAP == 20
    art = tmp_path / "quad-2024-05-01.txt"
    sizes = []
    for claims in (100, 400):
        ann = _pair(tmp_path, claims, MAX_OVERLAP)
        sizes.append(len(article_page(load_article(art), load_annotation(ann, load_article(art)))))
    small, big = sizes
    assert 3.5 < big / small < 4.5  # four times the entries: four times the page
    assert big < 6_000_000


_FIXTURES = pathlib.Path(__file__).parent / "fixtures" / "crowd"


@pytest.mark.parametrize("name, entries", [("exports.yaml", 7), ("draft-filled.yaml", 8)])
def test_a_sentence_listing_six_figures_with_its_claim_passes(name, entries):
    """rv14a's annotation (six figures quoted from "In 2024" to their values, period 2024, and the claim quoting the
    sentence) and extract's own draft of it with its TODOs filled in (plus the event for "2024") load: 7 and 8
    entries on "2024", each counted once, where the old count (quote and period apart) gave 13."""
    article = load_article(_FIXTURES / "reuters-2025-02-12-japan-exports.txt")
    ann = load_annotation(_FIXTURES / name, article)
    assert len(ann.figures) == 6 and [f["value"] for f in ann.figures] == [5, 3, 7, 2, 4, 9]
    pos, depth, marking = crowded_point(ann, limit=entries - 1)
    start = article.raw.index("In 2024")
    assert start <= pos < start + len("In 2024") and depth == entries == len(marking)
    assert sum(e.startswith("figures[") for e in marking) == 6
    assert crowded_point(ann) is None


_COUNTRIES = ["China", "Taiwan", "the United States", "India", "South Korea", "Vietnam", "Thailand", "Malaysia",
              "Singapore", "Indonesia", "the Philippines", "Australia", "Germany", "France", "Britain", "Mexico",
              "Canada", "Brazil", "Hong Kong", "the Netherlands", "Italy"]


def _listing(tmp_path, figures: int):
    """A wire sentence listing ``figures`` countries' 2024 export growth, each figure quoted from "In 2024"."""
    parts = [f"to {c} {'rose ' if k == 0 else ''}{k + 1}%" for k, c in enumerate(_COUNTRIES[:figures])]
    sentence = "In 2024, exports " + ", ".join(parts) + ", the ministry said."
    art = ("---\ntitle: Japan's exports rise\noutlet: Reuters\npublished: 2025-02-12\ndateline: TOKYO, Feb 12 (Reuters)"
           "\nlanguage: en\n---\nTOKYO, Feb 12 (Reuters) - Japan's exports grew, the finance ministry said.\n\n"
           f"{sentence}\n")
    (tmp_path / "list-2025-02-12.txt").write_text(art)
    sha = hashlib.sha256(art.encode()).hexdigest()
    lines = [f"exportrow: 1\narticle:\n  file: list-2025-02-12.txt\n  sha256: {sha}\nsides: [japan, other]\n"
             "actors:\n  - id: mof\n    name: Japan finance ministry\n    side: japan\n    kind: ministry\n"
             "    quote: the finance ministry\nfigures:"]
    for k in range(figures):
        quote = "In 2024, exports " + ", ".join(parts[:k + 1])
        lines.append(f"  - id: x{k + 1}\n    quantity: export_growth_{k + 1}\n    value: {k + 1}\n    unit: percent\n"
                     f"    kind: level\n    actor: mof\n    period: \"2024\"\n    tense: past\n    quote: \"{quote}\"")
    path = tmp_path / "list-2025-02-12.yaml"
    path.write_text("\n".join(lines) + "\n")
    return path, load_article(tmp_path / "list-2025-02-12.txt")


def test_twenty_figures_on_one_date_pass_and_twenty_one_are_refused_naming_the_figures(tmp_path):
    path, article = _listing(tmp_path, 20)
    assert len(load_annotation(path, article).figures) == 20
    path, article = _listing(tmp_path, 21)
    with pytest.raises(AnnotationError) as info:
        load_annotation(path, article)
    (problem,) = info.value.problems
    text = str(problem)
    assert text.startswith(f"{path}: figures[x1].quote: 21 entries (21 figures: figures[x1], figures[x2], ")
    assert "more than the 20 entries one word may carry" in text and "claim" not in text
    assert text.endswith("fix: quote each figure from its date words to its value, not the whole sentence; if the "
                         "sentence lists more figures than fit, code those the analysis uses and put the other numbers"
                         " under `ignored_numbers:` (quoting each number alone) with a reason")


def test_rv13b_two_thousand_claims_three_hundred_deep_stay_refused(tmp_path):
    path = _pair(tmp_path, 2000, 300)
    done = subprocess.run([sys.executable, "-m", "exportrow.cli", "check", str(path)], capture_output=True, text=True)
    assert done.returncode == 1 and "Traceback" not in done.stderr
    assert "21 entries (21 claims: claims[c0], claims[c1]" in done.stderr
