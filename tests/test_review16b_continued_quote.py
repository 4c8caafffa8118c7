"""Review 16b, finding 4: a claim in the second or a later sentence of a quotation that runs on after its attribution
("...," said Lindqvist. "Our towns were built on fishing. Without it they will die.") takes the verb of that
attribution; `check` looked only at the sentence just before, which opens the quotation and names no speaker. A
verb of an earlier sentence outside the quotation still does not serve."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import FIXTURES
from test_review7_continued_quote import _write

from exportrow.annotations import AnnotationError, load_annotation
from exportrow.article import load_article

FISH = FIXTURES / "review16b" / "coastal-herald-2025-11-02-fishing-rules"
WHOLE = "    quote: Our towns were built on fishing. Without it they will die.\n"


@pytest.mark.parametrize("quote", ["Without it they will die.", "Our towns were built on fishing."])
def test_each_sentence_of_the_reviewers_run_on_quotation_takes_its_attribution(tmp_path, quote):
    text = FISH.with_suffix(".yaml").read_text(encoding="utf-8")
    assert WHOLE in text
    (tmp_path / FISH.with_suffix(".txt").name).write_bytes(FISH.with_suffix(".txt").read_bytes())
    ann = tmp_path / FISH.with_suffix(".yaml").name
    ann.write_text(text.replace(WHOLE, f"    quote: {quote}\n"), encoding="utf-8")
    claim = next(c for c in load_annotation(ann, load_article(ann.with_suffix(".txt"))).claims
                 if c["id"] == "towns_will_die")
    assert claim["cue"] == "said" and claim["span"].text == quote


HEAD = """---
title: Water dispute
outlet: Riverside Courier
published: 2026-04-16
---
"""


def _check(tmp_path: Path, body: str, quote: str, cue: str = "said", actor: str = "lind"):
    """The claim checked in an article of ``body`` (Brenner, an actor, is named after it)."""
    art, ann = _write(tmp_path, quote, cue, actor, HEAD + body + "\n\nTomas Brenner did not comment.\n")
    return load_annotation(ann, load_article(art))


@pytest.mark.parametrize("body, quote", [
    ('"We cannot," said Petra Lind. "Our cities come first. The law allows it. We will not move."',
     "We will not move."),  # the fourth sentence: two sentences wholly inside the quotation between
    ('"We cannot," said Petra Lind. "Our cities come first. The law allows it."', "The law allows it."),
    ('Petra Lind said: "Our cities come first. The law allows it. We will not move."', "We will not move."),
    ('\u201cWe cannot,\u201d said Petra Lind. \u201cOur cities come first. The law allows it.\u201d',
     "The law allows it."),
])
def test_a_later_sentence_of_a_run_on_quotation_takes_the_verb_of_its_attribution(tmp_path, body, quote):
    (claim,) = _check(tmp_path, body, quote).claims
    assert claim["cue"] == "said" and claim["span"].text == quote


@pytest.mark.parametrize("body, quote, actor", [
    # an unrelated sentence between the attribution and the quotation: the quotation is not Lind's "said"
    ('"We cannot," said Petra Lind. Brenner left the room. "It is over. We will go to court."',
     "We will go to court.", "brenner"),
    # Lind's quotation closed before: the unquoted sentences after it are not inside it
    ('Petra Lind said: "We cannot." Brenner left. He will go to court.', "He will go to court.", "brenner"),
    # a verb from a sentence before a quotation that closed, then a new quotation with no attribution
    ('Petra Lind said so. "Our cities come first. The law allows it."', "The law allows it.", "lind"),
])
def test_a_verb_of_an_earlier_sentence_outside_the_quotation_is_refused(tmp_path, body, quote, actor):
    with pytest.raises(AnnotationError) as info:
        _check(tmp_path, body, quote, actor=actor)
    (p,) = info.value.problems
    assert (p.entry, p.field, p.message) == ("claims[c1]", "cue", "reporting verb 'said' is not in the claim's "
                                                                  "sentence")


def test_a_run_on_quotation_takes_only_its_own_attributions_verb(tmp_path):
    with pytest.raises(AnnotationError) as info:
        _check(tmp_path, '"We cannot," said Petra Lind. "Our cities come first. The law allows it."',
               "The law allows it.", cue="told")
    (p,) = info.value.problems
    assert p.message == "reporting verb 'told' is not in the claim's sentence"
