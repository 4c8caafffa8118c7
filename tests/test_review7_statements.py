"""Review 7, finding 11: a rate_change statement whose wording has no word of the threshold table is refused by
`exportrow check` (as a growth_factor without a growth word is), and the message says that "up from" is not judged."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from exportrow.annotations import AnnotationError, load_annotation
from exportrow.article import load_article

HERE = Path(__file__).parent / "fixtures" / "statements"


def _problems(tmp_path: Path, change=lambda t: t) -> list:
    shutil.copy(HERE / "t.txt", tmp_path / "t.txt")
    (tmp_path / "t.yaml").write_text(change((HERE / "t.yaml").read_text(encoding="utf-8")), encoding="utf-8")
    with pytest.raises(AnnotationError) as caught:
        load_annotation(tmp_path / "t.yaml", load_article(tmp_path / "t.txt"))
    return caught.value.problems


def test_rate_change_without_a_threshold_word_is_refused(tmp_path):
    found = {(p.entry, p.field): p for p in _problems(tmp_path)}
    p = found["statements[s4]", "quote"]  # "Traffic skyrocketed": not a word of the table
    assert p.message == ("a rate_change statement needs a word of the threshold table (surge, soar, jump, rise, "
                         "increase, plunge, slump, fall, decline) in its wording, which has none; 'up from' and "
                         "'down from' are not judged (they give two values, and the tables already compare those)")
    assert p.fix == "quote the words that carry the claim (e.g. 'rose', 'fell', 'surged'), or drop the statement"
    assert ("statements[s3]", "quote") not in found and ("statements[s8]", "quote") not in found  # rose: judged


def test_up_from_is_refused_and_compare_with_is_named_when_it_is_the_wording(tmp_path):
    up = "  - {id: s4, check: rate_change, figures: [f24, f23], quote: Traffic skyrocketed}\n"

    def change(text: str) -> str:
        assert up in text
        return text.replace(up, "  - {id: s4, check: rate_change, figures: [f24, f23], quote: Traffic skyrocketed, "
                                "compare_with: 190 lorries up from 100}\n")
    found = {(p.entry, p.field): p for p in _problems(tmp_path, change)}
    assert found["statements[s4]", "compare_with"].message.startswith("a rate_change statement needs a word of")
    assert ("statements[s4]", "quote") not in found


def test_the_older_name_rate_increase_is_refused_the_same_way(tmp_path):  # review 8, finding 10
    old = "  - {id: s4, check: rate_change, figures: [f24, f23], quote: Traffic skyrocketed}\n"

    def change(text: str) -> str:
        assert old in text
        return text.replace(old, old.replace("rate_change", "rate_increase"))
    found = {(p.entry, p.field): p for p in _problems(tmp_path, change)}
    p = found["statements[s4]", "quote"]
    assert p.message.startswith("a rate_increase statement needs a word of the threshold table (surge, soar, jump, ")
    assert p.fix == "quote the words that carry the claim (e.g. 'rose', 'fell', 'surged'), or drop the statement"


@pytest.mark.parametrize("word", ["rose", "fell", "surged"])
def test_the_suggested_words_get_a_verdict(word):
    from exportrow.checks import _word_at, unjudged_words

    assert _word_at(f"Traffic {word}", "rate_change")[0] == word
    assert unjudged_words(f"Traffic {word}", "rate_change") is None
