"""Review rv16b #3: notebook 03's "heard through ... 1 anonymous source (1 in its own quoted words)".

The count of a side's direct quotations (its claims in its own quoted words) stood in brackets after the last item
heard, so it read as a count of that item: an anonymous source who is paraphrased read as quoted, and "3 paraphrases
(2 in its own quoted words)" read as quoted paraphrases. The count is now a clause of its own, out of all the side's
claims, and an anonymous source or an unattributed statement says in brackets whether its words are quoted.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from exportrow import framing
from exportrow.article import load_article
from exportrow.tables import claims

ARTICLE = """---
title: Ministry and dockers at odds over port rules
outlet: Harbour Wire
published: 2025-03-13
---
The port rules will change in April, the ministry said on Thursday.

\u201cThese rules protect every worker on the quay,\u201d said Mara Holt, the ministry's spokeswoman.

The ministry would not delay the rules, officials said.

The dockers' union said the rules would cost jobs.

\u201cNobody asked the men who do the work,\u201d a union organiser said.

A union official said the union would appeal.

The dispute is the sharpest in a decade.
"""

CLAIMS = [  # id, actor, attribution, cue, quote
    ("min_change", "ministry", "indirect", "said", "The port rules will change in April"),
    ("min_protect", "holt", "direct_quote", "said", "These rules protect every worker on the quay"),
    ("min_no_delay", "officials", "anonymous_source", "said", "The ministry would not delay the rules"),
    ("union_jobs", "union", "indirect", "said", "the rules would cost jobs"),
    ("union_nobody", "organiser", "anonymous_source", "said", "Nobody asked the men who do the work"),
    ("union_appeal", "union_official", "anonymous_source", "said", "the union would appeal"),
    ("outlet_sharpest", "outlet", "unattributed", "is", "The dispute is the sharpest in a decade"),
]


def _claims(tmp_path: Path):
    art = tmp_path / "port.txt"
    art.write_text(ARTICLE, encoding="utf-8")
    digest = hashlib.sha256(art.read_bytes()).hexdigest()
    claims_yaml = "".join(f"""  - id: {i}
    actor: {actor}
    attribution: {attribution}
    cue: {cue}
    quote: "{quote}"
    frame: 4
""" for i, actor, attribution, cue, quote in CLAIMS)
    ann = tmp_path / "port.yaml"
    ann.write_text(f"""exportrow: 1
article:
  file: port.txt
  sha256: {digest}
sides: [ministry, dockers]
actors:
  - {{id: outlet, name: Harbour Wire, side: outlet, kind: outlet}}
  - {{id: ministry, name: The ministry, side: ministry, kind: ministry, quote: the ministry, prefix: "April, "}}
  - {{id: holt, name: Mara Holt, side: ministry, kind: person, quote: Mara Holt}}
  - {{id: officials, name: Unnamed officials, side: ministry, kind: anonymous_source, quote: officials}}
  - {{id: union, name: The dockers' union, side: dockers, kind: organisation, quote: The dockers' union}}
  - {{id: organiser, name: A union organiser, side: dockers, kind: anonymous_source, quote: a union organiser}}
  - {{id: union_official, name: A union official, side: dockers, kind: anonymous_source, quote: A union official}}
claims:
{claims_yaml}""", encoding="utf-8")
    return claims(load_article(art), ann)


def _line(lines, name):
    return next(line for line in lines if line.startswith(f"**{name}**"))


def test_a_paraphrased_anonymous_source_never_reads_as_quoted(tmp_path):
    c = _claims(tmp_path)
    assert c.set_index("claim_id").quote_form.to_dict() == {
        "min_change": "paraphrase", "min_protect": "direct_quote", "min_no_delay": "paraphrase",
        "union_jobs": "paraphrase", "union_nobody": "direct_quote", "union_appeal": "paraphrase",
        "outlet_sharpest": "paraphrase"}
    lines = framing.summary(c, "ministry", "dockers")
    ministry = _line(lines, "Ministry")
    assert ("heard through 1 direct quotation, 1 paraphrase, 1 anonymous source (paraphrased); 1 of its 3 claims in "
            "its own quoted words; most used frame") in ministry
    assert "anonymous source (1 in its own quoted words)" not in ministry
    dockers = _line(lines, "Dockers")
    assert ("heard through 1 paraphrase, 2 anonymous sources (1 quoted, 1 paraphrased); 1 of its 3 claims in its own "
            "quoted words;") in dockers


def test_the_quoted_count_is_its_own_clause_after_paraphrases_too(tmp_path):
    c = _claims(tmp_path)
    c = c[c.claim_id != "min_no_delay"]  # the ministry: one direct quotation, one paraphrase
    ministry = _line(framing.summary(c, "ministry", "dockers"), "Ministry")
    assert "heard through 1 direct quotation, 1 paraphrase; 1 of its 2 claims in its own quoted words;" in ministry
    assert "paraphrase (1 in its own quoted words)" not in ministry


def test_the_outlet_and_a_one_claim_side(tmp_path):
    c = _claims(tmp_path)
    outlet = _line(framing.summary(c, "outlet", "ministry"), "The outlet")
    assert ("heard through 1 unattributed statement (not quoted); its one claim not in its own quoted words;"
            in outlet)
    none = c[c.claim_id != "min_protect"]
    ministry = _line(framing.summary(none, "ministry", "dockers"), "Ministry")
    assert "none of its 2 claims in its own quoted words" in ministry
