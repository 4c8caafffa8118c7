"""Review 11a, numbers and the extract draft: a deadline phrase ("by the end of June") no longer stops
`exportrow extract`; money with a scale abbreviation ("¥12bn", "US$80m") reads as a number; fractions and digit
ordinals; the fix for a scale word left out of `value:`; cues inside quotation marks; "as low as"/"as high as";
dating words that hang on another date listed in the draft."""

import datetime as dt

from conftest import FIXTURES

from exportrow.cli import main
from exportrow.extract import _resolution_line

MORVANE = FIXTURES / "review11-numbers" / "morvane-glass.txt"
PUB = dt.date(2024, 3, 15)


def test_a_deadline_phrase_gets_the_reading_that_resolves():
    assert _resolution_line("by the end of June", PUB).startswith(
        "    tense: TODO           # present/future resolves to 2024-03-15/2024-06; past does not resolve "
        "(cannot resolve 'by the end of June': ")
    assert _resolution_line("after Tuesday", PUB).startswith(
        "    tense: TODO           # past resolves to 2024-03-12/2024-03-15; present/future does not resolve "
        "(cannot resolve 'after Tuesday': in the present or future tense 'after' has no end")
    assert "present/future resolves to 2024-03-15/2024-12-20; past does not resolve" in _resolution_line(
        "by Dec. 20", PUB)
    assert "present/future resolves to 2024-03-15/2024-09; past does not" in _resolution_line("through September", PUB)
    assert "present/future resolves to 2024-03-15/2024-03-31; past does not" in _resolution_line("by March 31", PUB)


def test_extract_writes_the_draft_for_an_article_with_deadlines(tmp_path, capsys):
    out = tmp_path / "draft.yaml"
    assert main(["extract", str(MORVANE), "--out", str(out)]) == 0
    draft = out.read_text(encoding="utf-8")
    block = draft.split('expression: "by the end of June"\n', 1)[1].split("\n", 1)[0]
    assert block.startswith("    tense: TODO           # present/future resolves to 2024-03-15/2024-06; past does not "
                            "resolve (")
    assert 'expression: "by Dec. 20"' in draft and 'expression: "through September"' in draft
    assert 'expression: "after Tuesday"\n    tense: TODO           # past resolves to 2024-03-12/2024-03-15' in draft
