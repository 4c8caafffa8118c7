"""Review 19a, finding 5: the coding worksheet gives a claim whose sentence is all quotation the sentence before it,
which names the speaker. A sentence that only opens a quotation running on into the next sentence
(`"There is no subsidy.`) was not seen as all quotation, so the coder got no speaker at all."""

from __future__ import annotations

from exportrow import load_annotation, load_article
from exportrow.paths import PROJECT_ROOT
from exportrow.worksheet import make_worksheet

ARTICLE = """---
title: Peru and Ecuador trade blows over shrimp duties
outlet: Andes Trade Monitor
published: 2024-11-14
language: en
---
Peru's ministry said the duty was fair.

Ecuador's production minister, Jorge Salazar, rejected the charge on Tuesday. \
"There is no subsidy. Our farmers are simply more efficient, and Lima knows it," he told reporters in Guayaquil.
"""

ANNOTATION = """exportrow: 1
article:
  file: andes-2024-11-14-shrimp.txt
  sha256: {sha256}
sides: [{id: peru, name: Peru}, {id: ecuador, name: Ecuador}]
actors:
  - {id: pe_ministry, name: Peru's ministry, side: peru, kind: ministry, quote: Peru's ministry}
  - {id: salazar, name: "Jorge Salazar, Ecuador's production minister", side: ecuador, kind: person,
     quote: Jorge Salazar}
figures: []
ignored_numbers: []
events: []
claims:
  - id: no_subsidy
    actor: salazar
    attribution: direct_quote
    cue: told
    quote: There is no subsidy.
    frame: 2
    entman: [moral_evaluation]
  - id: more_efficient
    actor: salazar
    attribution: direct_quote
    cue: told
    quote: Our farmers are simply more efficient, and Lima knows it
    frame: 2
    entman: [moral_evaluation]
"""


def test_a_sentence_that_opens_a_quotation_gets_the_sentence_naming_the_speaker(tmp_path):
    (tmp_path / "andes-2024-11-14-shrimp.txt").write_text(ARTICLE, encoding="utf-8")
    art = load_article(tmp_path / "andes-2024-11-14-shrimp.txt")
    (tmp_path / "andes-2024-11-14-shrimp.yaml").write_text(ANNOTATION.replace("{sha256}", art.sha256),
                                                          encoding="utf-8")
    ws = make_worksheet(load_annotation(tmp_path / "andes-2024-11-14-shrimp.yaml", art))
    context = {c["quote"]: c["context"] for c in ws.claims}
    assert context["There is no subsidy."] == ("Ecuador's production minister, Jorge Salazar, rejected the charge on "
                                               "Tuesday. \"There is no subsidy.")
    # the sentence that closes the quotation names its speaker ("he told reporters"): it stands alone, as before
    assert context["Our farmers are simply more efficient, and Lima knows it"] == (
        "Our farmers are simply more efficient, and Lima knows it,\" he told reporters in Guayaquil.")


def test_the_fishing_union_quote_that_runs_on_gets_its_speaker():
    stem = PROJECT_ROOT / "tests" / "fixtures" / "review18" / "relay-2025-11-02-fishing-rules"
    ws = make_worksheet(load_annotation(stem.with_suffix(".yaml"), load_article(stem.with_suffix(".txt"))))
    (claim,) = [c for c in ws.claims if c["quote"].startswith("Our towns were built on fishing")]
    assert claim["context"].startswith('"They have written these rules in an office, without once asking the people '
                                       'who go out on the water," said Marta Lindqvist')
    assert claim["context"].endswith('"Our towns were built on fishing. Without it they will die."')
