"""rv19c #3: printed worksheet 01 gives each figure's period in the article's own words, and labels the period
exportrow resolves them to as resolved against the publication date (in the table, in the exercise sentences that
repeat it, and on the answer sheet)."""

import html
import re

from exportrow.handout import handout
from exportrow.tables import annotation


def _text(fragment: str) -> str:
    return " ".join(html.unescape(re.sub(r"<[^>]+>", "", fragment)).split())


def _rows(material: str) -> dict[str, list[str]]:
    rows = {}
    for tr in re.findall(r"<tr>(.*?)</tr>", material, flags=re.S):
        cells = [_text(c) for c in re.findall(r"<t[dh]>(.*?)</t[dh]>", tr, flags=re.S)]
        rows[cells[0]] = cells
    return rows


def test_the_table_gives_the_articles_words_and_names_the_resolved_period_as_exportrows():
    sheet = handout("01-enforcement-statistics", annotation())
    rows = _rows(sheet.exercises[0].material)
    assert rows["figure"] == ["figure", "the article's words", "value", "unit", "period, in the article's words",
                              "period, as exportrow resolves it (against 12 July 2019)"]
    assert rows["cases_total"] == ["cases_total", "There were 156 cases from 2015 to this March", "156", "cases",
                                   "from 2015 to this March", "Jan 2015–Mar 2019"]
    assert rows["cases_2015"][4:] == ["2015", "2015"]
    assert rows["curbed_materials"][4:] == ["none given", "no period"]
    assert "The last column is not the article's" in _text(sheet.exercises[0].material)


def test_the_exercise_sentences_say_the_period_is_resolved_by_exportrow():
    parts = [_text(p) for p in handout("01-enforcement-statistics", annotation()).exercises[0].parts]
    said = ("cases_total: 156 cases “from 2015 to this March”, a period exportrow resolves against the publication "
            "date (12 July 2019) to Jan 2015–Mar 2019.")
    assert parts[0].startswith("Take " + said)
    assert parts[1].startswith("The article gives a total, " + said)
    assert not any("156 cases in Jan 2015" in p for p in parts)  # the resolved period never as the article's


def test_the_answer_sheet_says_the_derived_period_is_computed_from_the_resolved_one():
    check = _text(handout("01-enforcement-statistics", annotation()).check)
    assert ("72 cases, for Jan 2018–Mar 2019 (15 months, 4.8 a month). This figure is derived" in check)
    assert ("Its period is computed by exportrow too: what the parts leave of the total's period, “from 2015 to this "
            "March” as resolved by exportrow against the publication date, 12 July 2019 (Jan 2015–Mar 2019).") in check


def test_another_publication_date_is_the_one_named():
    ann = annotation()
    moved = ann.article.with_published("2019-07-19")
    sheet = handout("01-enforcement-statistics", annotation(moved, ann.path))
    assert _rows(sheet.exercises[0].material)["figure"][-1] == "period, as exportrow resolves it (against 19 July 2019)"
    assert "against the publication date (19 July 2019) to Jan 2015–Mar 2019" in _text(sheet.exercises[0].parts[0])
