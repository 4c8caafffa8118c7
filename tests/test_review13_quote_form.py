"""Review 13a, finding 2: the claims table's ``quote_form`` is read from the article's quotation marks, not copied
from the annotation's attribution, and ``exportrow check`` warns when the coding and the marks disagree."""

from __future__ import annotations

import hashlib
from pathlib import Path

from exportrow import cli, framing
from exportrow.annotations import load_annotation
from exportrow.article import load_article
from exportrow.quotation import quote_form
from exportrow.tables import claims

ARTICLE = """---
title: Antwerp dockers strike for third day
outlet: Agence France-Presse
published: 2025-11-04
---
Dockworkers at the port of Antwerp-Bruges stayed off the job for a third day on Tuesday.

\u201cWe\u2019re not asking for privileges, we\u2019re asking them to keep their word,\u201d said Stijn De Backer, a \
spokesman for the union BTB.

The federal government said in a statement on Monday that it would not withdraw the reform, but that it was ready \
to discuss transition measures for physically demanding jobs.

Ann Verhulst of the employers' federation said: \u201cEvery day of this strike costs the port money. Some lines \
are already diverting cargo to Rotterdam.

\u201cThose ships will not wait for us forever,\u201d she said.

"We will strike again next week," De Backer said. The minister called the strike "irresponsible" and said talks \
would resume.
"""

CLAIMS = [
    ("union_word", "debacker", "direct_quote", "said", "we\u2019re asking them to keep their word"),
    ("gov_no_withdrawal", "gov", "direct_quote", "said", "it would not withdraw the reform"),
    ("gov_transition", "gov", "indirect", "said", "it was ready to discuss transition measures"),
    # the second sentence of a quotation opened in the sentence before and left open at the paragraph's end
    ("emp_diverting", "verhulst", "direct_quote", "said", "Some lines are already diverting cargo to Rotterdam."),
    # the paragraph after the quotation left open (news style reopens it with a mark)
    ("emp_ships", "verhulst", "indirect", "said", "Those ships will not wait for us forever"),
    ("union_again", "debacker", "direct_quote", "said", "We will strike again next week"),
    # a paraphrase that borrows one quoted word: indirect, as the coding guide asks
    ("gov_irresponsible", "minister", "indirect", "called", r'called the strike \"irresponsible\"'),
    ("gov_irresponsible_direct", "minister", "direct_quote", "said",
     r'the strike \"irresponsible\" and said talks would resume'),
]


def _write(tmp_path: Path) -> tuple[Path, Path]:
    art = tmp_path / "dock.txt"
    art.write_text(ARTICLE, encoding="utf-8")
    digest = hashlib.sha256(art.read_bytes()).hexdigest()
    claims_yaml = "".join(f"""  - id: {i}
    actor: {actor}
    attribution: {attribution}
    cue: {cue}
    quote: "{quote}"
    frame: 4
""" for i, actor, attribution, cue, quote in CLAIMS)
    ann = tmp_path / "dock.yaml"
    ann.write_text(f"""exportrow: 1
article:
  file: dock.txt
  sha256: {digest}
sides: [unions, government, employers]
actors:
  - {{id: outlet, name: AFP, side: outlet, kind: outlet}}
  - {{id: debacker, name: Stijn De Backer, side: unions, kind: person, quote: Stijn De Backer}}
  - {{id: gov, name: Federal government, side: government, kind: government, quote: The federal government}}
  - {{id: minister, name: The minister, side: government, kind: person, quote: The minister}}
  - {{id: verhulst, name: Ann Verhulst, side: employers, kind: person, quote: Ann Verhulst}}
claims:
{claims_yaml}""", encoding="utf-8")
    return art, ann


def test_quote_form_is_read_from_the_quotation_marks(tmp_path):
    art, ann = _write(tmp_path)
    article = load_article(art)
    c = claims(article, ann).set_index("claim_id")
    assert c.quote_form.to_dict() == {
        "union_word": "direct_quote", "gov_no_withdrawal": "paraphrase", "gov_transition": "paraphrase",
        "emp_diverting": "direct_quote", "emp_ships": "direct_quote", "union_again": "direct_quote",
        "gov_irresponsible": "paraphrase", "gov_irresponsible_direct": "paraphrase"}
    # attribution stays as coded (review 14, rv14a finding 3): the page and agree show the same value
    assert c.attribution.astype(str).to_dict() == {i: a for i, _, a, _, _ in CLAIMS}


def test_notebook_03_sentence_follows_the_computed_form(tmp_path):
    art, ann = _write(tmp_path)
    c = claims(load_article(art), ann)
    lines = framing.summary(c, "unions", "government")
    gov = next(line for line in lines if line.startswith("**Government**"))
    assert "heard through 4 paraphrases, as the article's quotation marks show them" in gov
    assert "; none of its 4 claims in its own quoted words;" in gov
    unions = next(line for line in lines if line.startswith("**Unions**"))
    assert "heard through 2 direct quotations; 2 of its 2 claims in its own quoted words" in unions
    mix = c.pipe(framing.attribution_mix, ["government"])
    assert int(mix.claims.sum()) == 4  # every claim counted, none lost to an unlisted pair


def test_check_warns_about_a_coding_the_marks_contradict(tmp_path, capsys):
    art, ann = _write(tmp_path)
    warnings = load_annotation(ann, load_article(art)).warnings
    by_entry = {w.entry: w for w in warnings if w.field == "attribution"}
    assert sorted(by_entry) == ["claims[emp_ships]", "claims[gov_irresponsible_direct]", "claims[gov_no_withdrawal]"]
    w = by_entry["claims[gov_no_withdrawal]"]
    assert w.message == ("coded direct_quote, but its quote 'it would not withdraw the reform' stands outside "
                         "quotation marks in the article, so the claims table reads it as a paraphrase (quote_form "
                         "paraphrase beside attribution direct_quote as coded) and notebook 03 counts it as one")
    assert w.fix.startswith("code it `attribution: indirect`")
    w = by_entry["claims[emp_ships]"]
    assert w.message.startswith("coded indirect, but its quote 'Those ships will not wait for us forever' stands "
                                "wholly inside quotation marks")
    assert w.fix.startswith("code it `attribution: direct_quote`")
    w = by_entry["claims[gov_irresponsible_direct]"]
    assert w.message.startswith("coded direct_quote, but the words 'the strike and said talks would resume' of its "
                                "quote stand outside quotation marks")
    assert w.fix.startswith("quote only the words inside the quotation marks ('irresponsible')")
    # a warning, not a refusal
    assert cli.main(["check", str(ann)]) == 0
    err = capsys.readouterr().err
    assert "warning: " in err and "claims[gov_no_withdrawal].attribution: coded direct_quote" in err


def test_the_bundled_article_keeps_its_forms():
    c = claims().set_index("claim_id")
    assert c.index[c.quote_form == "direct_quote"].tolist() == ["jp_not_enough"]
    assert c.loc["jp_breach_of_trust", ["attribution", "quote_form"]].tolist() == ["indirect", "paraphrase"]
    assert not [w for w in load_annotation().warnings if w.field == "attribution"]


NESTED = """---
title: Quotes of every kind
outlet: Riverside Courier
published: 2026-04-16
---
\u201cHe told us \u2018never\u2019 and we believed him. The dockers\u2019 union will hold out until spring,\u201d \
said Lind.

\u2018We will not move,\u2019 the minister said, in the British style.

we cannot wait," said Brenner, whose quotation began in a paragraph the capture lost.
"""


def test_nested_british_and_continued_quotations(tmp_path):
    art = tmp_path / "n.txt"
    art.write_text(NESTED, encoding="utf-8")
    a = load_article(art)

    def form(words):
        (s,) = a.find(words)
        return quote_form(a, s.start, s.end)

    # after a nested single quotation and an apostrophe, the double quotation still runs on
    assert form("The dockers\u2019 union will hold out until spring") == "direct_quote"
    assert form("We will not move") == "direct_quote"  # single marks, as British outlets quote
    assert form("the minister said, in the British style") == "paraphrase"
    assert form("we cannot wait") == "direct_quote"  # closed, never opened in its paragraph
    assert form("said Brenner") == "paraphrase"
