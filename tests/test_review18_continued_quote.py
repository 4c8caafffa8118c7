"""Review 18, finding 1: a sentence wholly inside a quotation takes the verb of that quotation's attribution wherever
it stands: after the quotation ("A. B. C," said Lindqvist.) as well as before it, and across a paragraph the
quotation is carried into (the paragraph ends inside it, the next opens with a mark). A verb of a sentence outside
the quotation still does not serve, and the fix no longer tells the user to write the verb just refused."""

from __future__ import annotations

import pytest
from test_review16b_continued_quote import _check

from exportrow.annotations import AnnotationError

AFTER = ('"They have written these rules in an office. Our towns were built on fishing. Without it they will die," '
         'said Petra Lind.')
CARRIED = ('"We cannot," said Petra Lind. "Our towns were built on fishing.\n\n'
           '"Without it they will die. We will go to court."')
CARRIED_AFTER = '"Our towns were built on fishing.\n\n"Without it they will die," said Petra Lind.'


@pytest.mark.parametrize("body, quote", [
    (AFTER, "They have written these rules in an office."),  # the reviewer's vb: first and second sentence
    (AFTER, "Our towns were built on fishing."),
    ('\u201cOur towns came first. Without it they will die,\u201d Petra Lind said.', "Our towns came first."),
    (CARRIED, "Without it they will die."),  # the reviewer's va: a quotation carried into a new paragraph
    (CARRIED, "We will go to court."),
    ('Petra Lind said: "Our towns were built on fishing.\n\n"Without it they will die."',
     "Without it they will die."),
    (CARRIED_AFTER, "Our towns were built on fishing."),  # the attribution after, in the next paragraph
])
def test_a_sentence_inside_a_quotation_takes_its_attributions_verb_wherever_it_stands(tmp_path, body, quote):
    (claim,) = _check(tmp_path, body, quote).claims
    assert claim["cue"] == "said" and claim["span"].text == quote


def _refused(tmp_path, body, quote, cue="said", actor="lind"):
    with pytest.raises(AnnotationError) as info:
        _check(tmp_path, body, quote, cue=cue, actor=actor)
    (p,) = info.value.problems
    assert (p.entry, p.field, p.message) == ("claims[c1]", "cue", f"reporting verb '{cue}' is not in the claim's "
                                                                  "sentence")
    return p


@pytest.mark.parametrize("body, quote, actor", [
    # the quotation closed before the attribution that follows: "said" belongs to the next quotation
    ('"Our towns came first." "Without it they will die," said Petra Lind.', "Our towns came first.", "lind"),
    # an unrelated sentence, then a quotation: the verb after a quotation that closed does not reach back
    ('Brenner left the room. "It is over," said Petra Lind.', "Brenner left the room.", "brenner"),
    # a quotation left open at a paragraph's end, but the next paragraph opens with no mark: no carried quotation
    ('"Our towns were built on fishing.\n\nBrenner left, Petra Lind said.', "Our towns were built on fishing.",
     "lind"),
    # a new paragraph opening with a mark after a paragraph whose quotation closed: a new quotation
    ('Petra Lind said so. "We cannot."\n\n"Without it they will die."', "Without it they will die.", "lind"),
])
def test_a_verb_of_a_sentence_outside_the_quotation_is_still_refused(tmp_path, body, quote, actor):
    _refused(tmp_path, body, quote, actor=actor)


def test_an_attribution_after_serves_only_its_own_verb(tmp_path):
    _refused(tmp_path, AFTER, "Our towns were built on fishing.", cue="told")


def test_the_fix_does_not_tell_the_user_to_write_the_verb_just_refused(tmp_path):
    p = _refused(tmp_path, 'Petra Lind said so. "Our cities come first. The law allows it."', "The law allows it.")
    assert "'said' is not in the attribution of a quotation this sentence is inside either" in p.fix
    assert "write the verb of that sentence's attribution" not in p.fix
