"""Notebook 03 counts relayed claims with unnamed sources and quotes a relayed outlet line as relayed (review 11a
#17); the exercise keeps a trailing attribution (review 11a #18)."""

import exportrow
from exportrow import framing
from exportrow.framing import _claim_context


def relayed_outlet_claims():
    c = exportrow.claims()
    c = c.assign(cue=c.cue.astype(object))
    c.loc[c.claim_id == "outlet_relations_low", "cue"] = "reportedly"  # unattributed, relayed: as in the column
    return c


def test_relayed_unattributed_claims_are_counted_with_unnamed_sources():
    questions = framing.reading_questions(relayed_outlet_claims())
    anonymous = next(q for q in questions if q.startswith("**Anonymous voices"))
    assert anonymous.endswith("Here 3 claims come from an unnamed source or a relay.")
    bundled = next(q for q in framing.reading_questions(exportrow.claims()) if q.startswith("**Anonymous voices"))
    assert bundled.endswith("Here 2 claims come from an unnamed source or a relay.")


def test_a_relayed_outlet_line_is_quoted_as_relayed_not_as_its_judgement():
    c = relayed_outlet_claims()
    quote = " ".join(c.loc[c.claim_id == "outlet_relations_low", "quote"].iloc[0].split())
    own = next(q for q in framing.reading_questions(c) if q.startswith("**The outlet speaks too"))
    head, relayed = own.split(" Relayed with no source named, not the outlet's own judgement: ")
    assert quote not in head
    assert relayed.startswith(f"\u201c{quote}\u201d") and relayed.endswith("(\u201creportedly\u201d).")


def test_exercise_keeps_a_short_trailing_attribution():
    art = exportrow.load_article()
    claim = "because South Korea caught some cases doesn\u2019t mean it\u2019s doing enough"
    at = art.raw.index(claim)
    text = _claim_context(art, at, at + len(claim))
    assert text.endswith("doing enough,\u201d a Japanese government source said.")
    assert "[\u2026]" not in text


def test_exercise_still_cuts_a_long_rest():
    art = exportrow.load_article()
    at = art.raw.index("an understanding")
    text = _claim_context(art, at, at + len("an understanding of South Korea\u2019s position"))
    assert text.endswith("which is to push [\u2026]")
