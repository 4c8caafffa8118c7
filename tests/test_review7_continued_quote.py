"""Review 7, finding 12: a quotation that continues the previous sentence's speaker may take the reporting verb of
that sentence's attribution; a verb found nowhere gets a fix that explains this case."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from exportrow.annotations import AnnotationError, load_annotation
from exportrow.article import load_article

ARTICLE = """---
title: Water dispute
outlet: Riverside Courier
published: 2026-04-16
---
"We cannot give away water we do not have," said Lowland's water minister, Petra Lind. "Our own cities come first, \
and the law allows it."

Highland's minister, Tomas Brenner, said: "This breaks the treaty. We will take it to the commission."

Brenner spoke after the meeting. "Nothing was agreed."
"""


def _write(tmp_path: Path, quote: str, cue: str, actor: str = "lind", article: str | None = None) -> tuple[Path, Path]:
    art = tmp_path / "w.txt"
    art.write_text(article or ARTICLE, encoding="utf-8")
    digest = hashlib.sha256(art.read_bytes()).hexdigest()
    ann = tmp_path / "w.yaml"
    ann.write_text(f"""exportrow: 1
article:
  file: w.txt
  sha256: {digest}
sides: [lowland, highland]
actors:
  - {{id: outlet, name: Riverside Courier, side: outlet, kind: outlet}}
  - {{id: lind, name: Petra Lind, side: lowland, kind: person, quote: Petra Lind}}
  - {{id: brenner, name: Tomas Brenner, side: highland, kind: person, quote: Tomas Brenner}}
claims:
  - id: c1
    actor: {actor}
    attribution: direct_quote
    cue: {cue}
    quote: "{quote}"
    frame: 5
""", encoding="utf-8")
    return art, ann


@pytest.mark.parametrize("quote, cue, actor", [
    ("Our own cities come first, and the law allows it.", "said", "lind"),  # "...," said Lind. "More."
    ("We will take it to the commission.", "said", "brenner"),  # Brenner said: "First. More."
])
def test_the_verb_of_the_previous_sentence_serves_a_continued_quotation(tmp_path, quote, cue, actor):
    art, ann = _write(tmp_path, quote, cue, actor)
    (claim,) = load_annotation(ann, load_article(art)).claims
    assert claim["cue"] == cue and claim["span"].text == quote


def test_a_quotation_after_a_sentence_without_one_still_needs_its_own_verb(tmp_path):
    art, ann = _write(tmp_path, "Nothing was agreed.", "spoke", "brenner")
    with pytest.raises(AnnotationError) as info:
        load_annotation(ann, load_article(art))
    (p,) = info.value.problems
    assert (p.entry, p.field, p.message) == ("claims[c1]", "cue",
                                             "reporting verb 'spoke' is not in the claim's sentence")


def test_a_verb_found_nowhere_gets_a_fix_that_explains_continued_quotes(tmp_path):
    art, ann = _write(tmp_path, "Our own cities come first, and the law allows it.", "told")
    with pytest.raises(AnnotationError) as info:
        load_annotation(ann, load_article(art))
    (p,) = info.value.problems
    assert p.message == "reporting verb 'told' is not in the claim's sentence"
    assert p.fix == ("write the verb as the claim's sentence has it, e.g. 'argues', 'said'; 'told' is not in the "
                     "attribution of a quotation this sentence is inside either: for a sentence wholly inside a longer "
                     "quotation, the verb of that quotation's own attribution (\u201cA. B,\u201d said Lind.) counts, "
                     "before or after it or across a paragraph the quotation is carried into, not a verb of a sentence "
                     "outside the quotation")


OWN_SPEAKER = """---
title: Water dispute
outlet: Riverside Courier
published: 2026-04-16
---
"We cannot give away water we do not have," said Lowland's water minister, Petra Lind. "We will take this to \
court," Highland's minister Tomas Brenner replied.
"""


@pytest.mark.parametrize("cue", ["said", "water"])
def test_a_quotation_with_its_own_speaker_does_not_take_the_previous_verb(tmp_path, monkeypatch, cue):
    # review 8, finding 9: "said" is Lind's verb, Brenner's is "replied"; "water" is no verb at all
    monkeypatch.setitem(globals(), "ARTICLE", OWN_SPEAKER)
    art, ann = _write(tmp_path, "We will take this to court", cue, "brenner")
    with pytest.raises(AnnotationError) as info:
        load_annotation(ann, load_article(art))
    (p,) = info.value.problems
    assert (p.entry, p.field, p.message) == ("claims[c1]", "cue",
                                             f"reporting verb '{cue}' is not in the claim's sentence")


def test_the_own_verb_of_a_quotation_with_its_own_speaker_is_accepted(tmp_path, monkeypatch):
    monkeypatch.setitem(globals(), "ARTICLE", OWN_SPEAKER)
    art, ann = _write(tmp_path, "We will take this to court", "replied", "brenner")
    (claim,) = load_annotation(ann, load_article(art)).claims
    assert claim["cue"] == "replied"


def test_only_a_reporting_verb_of_the_previous_attribution_serves_a_continued_quotation(tmp_path):
    art, ann = _write(tmp_path, "Our own cities come first, and the law allows it.", "water")
    with pytest.raises(AnnotationError) as info:
        load_annotation(ann, load_article(art))
    (p,) = info.value.problems
    assert p.message == "reporting verb 'water' is not in the claim's sentence"
