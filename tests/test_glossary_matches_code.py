"""The glossary's definitions say what the library does (review 16c #5): they are also the site's hover text."""

import datetime as dt
import re

from exportrow import resolve_date
from exportrow.book import GLOSSARY, ROOT
from exportrow.checks import VERDICTS
from exportrow.dates import PRECISIONS


def entry(name: str) -> str:
    text = (ROOT / GLOSSARY).read_text(encoding="utf-8")
    body = re.split(r"^## ", text, flags=re.M)
    return " ".join(next(b for b in body if b.startswith(name + "\n")).split())


def test_the_verdict_entry_names_every_verdict_the_checks_give():
    codes = re.findall(r"`(\w+)`", entry("Verdict"))
    assert set(VERDICTS) <= set(codes), set(VERDICTS) - set(codes)
    assert "`cannot_check` (no verdict:" in entry("Verdict")


def test_the_precision_entry_names_every_precision_a_date_can_have():
    codes = re.findall(r"`(\w+)`", entry("Precision"))
    assert codes == list(PRECISIONS)


def test_a_scheduled_weekday_is_the_first_such_day_on_or_after_publication():
    text = entry("Relative date")
    assert "publication week" not in text
    assert ("a present- or future-tense one (a scheduled meeting) is the first such day on or after publication, so "
            "a Friday article's \"will meet Monday\" is the Monday after it") in text
    friday = dt.date(2019, 7, 12)
    monday = resolve_date("Monday", friday, tense="future")
    assert (friday.strftime("%A"), monday.timex) == ("Friday", "2019-07-15")  # ISO week 29, not the article's 28
    assert resolve_date("Friday", friday, tense="future").timex == "2019-07-12"  # on or after: that very day
    assert resolve_date("Monday", friday, tense="past").timex == "2019-07-08"
