"""A count of days, months or years beyond the calendar gets a plain message with the years a date may reach, never
Python's words for the overflow ("Python int too large to convert to C int", "year -999997978 is out of range")
(review 16a F3)."""

import hashlib

import pytest

from exportrow import extract
from exportrow.article import load_article
from exportrow.cli import main
from exportrow.dates import DateOutOfRange, resolve_date

PLAIN = "it falls outside the calendar; the tables hold dates in the years 1678 to 2261 only"


@pytest.mark.parametrize(("words", "refused"), [
    ("99999999999999999999 days ago", None),  # beyond a C int
    ("99999999999999999999 years ago", None),  # beyond a C long
    ("999999999 years ago", None),  # year -999997978
    ("9999999 months ago", None),  # year -831313, once said without the expression
    ("the next 99999 years", None),
    ("the 10000 years ending 2019", None),
    ("the 1st century", None),  # once "the 1st century is outside the supported calendar"
    ("since 9999999 days ago", "9999999 days ago"),  # the part that overflows is named
])
def test_an_overflowing_count_gets_the_years_a_date_may_reach(words, refused):
    with pytest.raises(DateOutOfRange) as caught:
        resolve_date(words, "2021-03-03", tense="past")
    assert str(caught.value) == f"cannot resolve {refused or words!r}: {PLAIN}"


def test_check_and_extract_say_it_plainly(tmp_path, capsys):
    art = tmp_path / "c.txt"
    art.write_text('---\ntitle: "T"\noutlet: "O"\npublished: "2021-03-03"\n---\n'
                   "Officials said the bay was fished 99999999999999999999 days ago.\n", encoding="utf-8")
    ann = tmp_path / "c.yaml"
    ann.write_text(f"exportrow: 1\narticle: {{file: c.txt, sha256: {hashlib.sha256(art.read_bytes()).hexdigest()}}}\n"
                   "sides: [a, b]\nactors:\n  - {id: o, name: Officials, side: a, kind: officials, quote: Officials}\n"
                   "events:\n  - {id: f, actor: o, action: OTHER, description: Fished, expression: "
                   '"99999999999999999999 days ago", tense: past, quote: "fished 99999999999999999999 days ago"}\n',
                   encoding="utf-8")
    assert main(["check", str(ann)]) == 1
    err = capsys.readouterr().err
    assert (f"c.yaml: events[f].expression: date out of range: cannot resolve '99999999999999999999 days ago': "
            f"{PLAIN}\n    fix: leave out `expression:`") in err
    draft = extract.draft_annotation(load_article(art))
    assert (f"    # expression: \"99999999999999999999 days ago\"   # left out: cannot resolve "
            f"'99999999999999999999 days ago': {PLAIN}") in draft
    for text in (err, draft):
        assert "Python" not in text and "C int" not in text and "is out of range" not in text
