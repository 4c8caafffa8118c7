"""Review 18, finding 2: worksheet 03's printed attribution definitions and the answer sheet cover every unnamed relay
the coding guide lists ("according to reports", "was said to", ...), read from one list
(:data:`exportrow.framing.UNNAMED_RELAY_PHRASES`); a named speaker's claim coded anonymous_source with no relay the
sheet can name gets both answers."""

from __future__ import annotations

import re

import pandas as pd
import pytest
from test_handout import page_for, split

import exportrow
from exportrow.framing import _UNNAMED_RELAY, UNNAMED_RELAY_PHRASES
from exportrow.handout import _attribution_answer, pick_claim
from exportrow.paths import PROJECT_ROOT
from exportrow.tables import annotation

RELAY = PROJECT_ROOT / "tests" / "fixtures" / "review18" / "relay-2025-11-02-fishing-rules"


def _guide_relays() -> list[str]:
    """The relay phrasings the coding guide's anonymous_source section names, as written."""
    guide = " ".join((PROJECT_ROOT / "exportrow" / "coding-guide.md").read_text(encoding="utf-8").split())
    sentence = guide[guide.index("**unnamed relay**."):guide.index("tell the reader that the article has the words")]
    return re.findall(r'"([^"]+)"', sentence)


def test_every_relay_the_coding_guide_lists_is_matched():
    forms = _guide_relays()
    assert {"Reportedly", "according to reports", "is said to have", "was said to"} <= set(forms)
    for form in forms:
        assert _UNNAMED_RELAY.search(f"{form} expressed"), form
    # and every phrasing of the one list is one the coding guide names
    named = " ".join(forms).lower()
    for shown, _ in UNNAMED_RELAY_PHRASES:
        assert shown.replace(" (or was)", "") in named, shown


@pytest.mark.parametrize("cue", ["according to reports", "according to media reports", "was said to have expressed",
                                 "were said to", "is reported to have told", "allegedly told"])
def test_the_answer_sheet_says_why_each_relay_is_anonymous_source(cue):
    answer = _attribution_answer(pd.Series({"attribution": "anonymous_source", "quote_form": "paraphrase",
                                            "cue": cue}), actor_kind="person")
    assert answer.startswith("<code>anonymous_source</code>: \u201c") and "unnamed relay" in answer


def test_the_worksheet_definitions_and_answer_cover_according_to_reports():
    ann = annotation(exportrow.load_article(RELAY.with_suffix(".txt")), RELAY.with_suffix(".yaml"))
    claim = pick_claim(exportrow.claims(ann.article, ann.path))
    assert (claim.claim_id, claim.cue, claim.attribution) == ("will_sue", "according to reports", "anonymous_source")
    before, after = split(page_for("03-framing-comparison", ann, charts=False))
    lists = before[before.index("Attribution types:"):before.index("Entman functions")]
    indirect = lists[lists.index("indirect ("):lists.index("anonymous_source (")]
    anonymous = lists[lists.index("anonymous_source ("):lists.index("unattributed (")]
    for shown, _ in UNNAMED_RELAY_PHRASES:
        assert f"\u201c{shown}\u201d" in indirect and f"\u201c{shown}\u201d" in anonymous, shown
    row = after[after.index("attribution type"):after.index("reporting verb or hedge")]
    assert row.startswith("attribution type anonymous_source: \u201caccording to reports\u201d: the article does not "
                          "say who relayed")


def test_a_named_speakers_claim_coded_anonymous_without_a_relay_gets_both_answers():
    c = pd.Series({"attribution": "anonymous_source", "quote_form": "paraphrase", "cue": "told"})
    answer = _attribution_answer(c, actor_kind="person")
    # the annotation's code first (the sheet's column is "coded as"), then the definitions' answer
    assert answer.startswith("<code>anonymous_source</code>; the worksheet’s definitions give <code>indirect</code>: "
                             "the article names the speaker")
    # an actor the article does not name: anonymous_source is the answer the definitions give
    assert _attribution_answer(c, actor_kind="anonymous_source") == "<code>anonymous_source</code>"
