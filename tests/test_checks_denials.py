"""Statement wording: a denial of the whole statement ("It is false that exports doubled") and a lower bound
("not only doubled") get no verdict, never the bare word's."""

from __future__ import annotations

import pandas as pd
import pytest

from exportrow.annotations.wording import wording_warnings  # noqa: F401 - the same rule warns at check time
from exportrow.checks import check_one, word_rules_markdown

FIGS = pd.DataFrame({"figure_id": ["new", "old"], "value": [2.0, 1.0], "unit": ["t", "t"], "months": [12, 12],
                     "basis": ["stated", "stated"]}).set_index("figure_id")


def verdict(words: str, check: str = "growth_factor") -> tuple[str, str]:
    st = pd.Series({"statement_id": "s", "check": check, "figures": "new;old", "wording": words,
                    "wording_source": "article", "quote": words})
    _, v, _, why = check_one(st, FIGS)
    return v, why


def test_the_bare_word_is_supported():
    assert verdict("Japanese exports to South Korea doubled")[0] == "supported"


@pytest.mark.parametrize("words, denial", [
    ("It is false that exports doubled", "false that"),
    ("It is not true that Japanese exports to South Korea doubled", "not true that"),
    ("it's not true that Japanese exports of the three materials doubled", "not true that"),
    ("Contrary to claims that Japanese exports to South Korea doubled, they fell", "contrary to claims that"),
    ("Officials denied that exports doubled", "denied that"),
])
def test_a_denied_statement_gets_no_verdict(words, denial):
    v, why = verdict(words)
    assert v == "cannot_check"
    assert why == (f"'{denial}' negates 'doubled' in {words!r}; the check judges only the bare word 'doubled', so it "
                   "gives no verdict on a negated one")


def test_a_denial_in_another_sentence_does_not_count():
    assert verdict("Exports doubled. It is false that imports fell")[0] == "supported"


def test_a_denied_rate_word_gets_no_verdict():
    v, why = verdict("It is false that exports to South Korea rose", "rate_change")
    assert v == "cannot_check" and why.startswith("'false that' negates 'rose'")


@pytest.mark.parametrize("words, phrase", [
    ("Exports not only doubled but tripled", "not only"),
    ("Exports more than just doubled", "more than just"),
    ("Exports not merely doubled", "not merely"),
    ("Not only did exports double, imports fell", "not only"),  # no verdict is safer than a wrong one
])
def test_a_lower_bound_gets_no_verdict(words, phrase):
    v, why = verdict(words)
    word = "double" if "did" in words else "doubled"
    assert v == "cannot_check"
    assert why.startswith(f"'{phrase}' makes '{word}' a lower bound in {words!r} (at least '{word}'), which has no "
                          "stated threshold")


@pytest.mark.parametrize("words, expected", [
    ("Exports more than doubled", "not_supported"),  # the table's own phrase: above 2 times (2.0 is not)
    ("Not surprisingly, exports doubled", "supported"),
    ("Exports just doubled", "supported"),
])
def test_the_table_phrases_keep_their_verdicts(words, expected):
    assert verdict(words)[0] == expected


def test_the_docs_state_the_rule():
    text = word_rules_markdown()
    assert '"false that", "untrue that", "not true that"' in text and '"contrary to"' in text
    assert '"dismissed"' in text and '"anything but"' in text and '"nobody", "no one"' in text
    assert '"Contrary to forecasts, crossings doubled" is judged as "crossings doubled"' in text
    assert '"not only", "not just", "not merely", "more than just"' in text
    assert "is not detected" not in text


@pytest.mark.parametrize("words, denial", [  # review 8, finding 5
    ("The ministry dismissed claims that exports had doubled", "dismissed claims that"),
    ("Lind repeated false claims that exports doubled", "false claims that"),
    ("Brenner rejected reports that exports doubled", "rejected reports that"),
    ("Brenner denied reports that exports doubled", "denied reports that"),
    ("Brenner rejected media reports that exports doubled", "rejected media reports that"),
    ("It is not true, Lind said, that exports doubled", "not true, lind said, that"),
    ("Exports did anything but double, officials said", "anything but"),
])
def test_reported_and_split_denials_get_no_verdict(words, denial):
    v, why = verdict(words)
    word = "double" if "did" in words else "doubled"
    assert (v, why) == ("cannot_check", f"'{denial}' negates '{word}' in {words!r}; the check judges only the bare "
                        f"word '{word}', so it gives no verdict on a negated one")


def test_nobody_anywhere_before_the_word_in_its_clause_denies_it():
    v, why = verdict("Nobody can say that exports fell", "rate_change")
    assert v == "cannot_check" and why.startswith("'nobody' negates 'fell'")


@pytest.mark.parametrize("words", [
    "Contrary to forecasts, exports doubled",  # 'contrary to' + a noun phrase + a comma: the clause affirms
    "Contrary to claims in Tokyo, exports doubled",
    "Contrary to forecasts, officials said that exports doubled",
])
def test_contrary_to_a_noun_phrase_does_not_deny_the_next_clause(words):
    assert verdict(words) == ("supported", "'doubled' means about 2 times; new is 2.00 times old")


def test_check_does_not_warn_about_contrary_to_a_noun_phrase():
    from exportrow.checks import unjudged_words
    assert unjudged_words("Contrary to forecasts, exports doubled", "growth_factor") is None
    assert unjudged_words("The ministry dismissed claims that exports doubled", "growth_factor") == (
        "negated", "dismissed claims that", "doubled")
