"""Review 5, finding 2: "the coming/next/past/recent + plural unit" with no number is refused, never read as one unit.

"in the coming weeks" used to resolve to the seven days from publication (P1W), "the coming decades" to ten
years: a made-up N of 1. They are refused like "the next few weeks", by `resolve_date`, by `exportrow check`,
and `exportrow extract` no longer proposes them as dated candidates.
"""


import pandas as pd
import pytest

from exportrow import load_article
from exportrow.dates import DateResolutionError, find_date_expressions, resolve_date
from exportrow.extract import draft_annotation, propose

PUB = "2025-03-14"
VAGUE = ["in the coming days", "in the coming weeks", "the coming months", "over the coming years",
         "the coming decades", "the past weeks", "over the past months", "in the past days", "the next weeks",
         "in coming weeks", "next months", "the last years", "over recent months", "the recent weeks"]


@pytest.mark.parametrize("expr", VAGUE)
@pytest.mark.parametrize("tense", [None, "past", "future"])
def test_a_plural_unit_without_a_number_is_refused(expr, tense):
    with pytest.raises(DateResolutionError, match="no honest calendar value") as info:
        resolve_date(expr, PUB, tense=tense)
    assert "would be a guess" in str(info.value) or "recent" in expr
    assert "leave out `expression:`" in info.value.fix


def test_the_message_names_the_unit():
    with pytest.raises(DateResolutionError) as info:
        resolve_date("in the coming weeks", PUB)
    assert str(info.value) == ("cannot resolve 'in the coming weeks': it has no honest calendar value (it gives no "
                               "number of weeks, and reading it as one week would be a guess)")


@pytest.mark.parametrize("expr, timex", [
    ("the coming week", "2025-03-14/2025-03-20"),  # singular: one week, as before
    ("the past year", "2024-03-15/2025-03-14"),
    ("the next two weeks", "2025-03-14/2025-03-27"),  # a number: as before
    ("over the past four months", "2024-11-15/2025-03-14"),
    ("the coming 3 days", "2025-03-14/2025-03-16"),
])
def test_a_singular_unit_or_a_number_still_resolves(expr, timex):
    assert resolve_date(expr, PUB).timex == timex


def test_the_finder_does_not_propose_a_plural_without_a_number():
    text = "Talks resume in the coming weeks; over the past months and the next two weeks; the past year."
    assert [t for _, _, t in find_date_expressions(text)] == ["the next two weeks", "the past year"]


HEAD = "---\ntitle: Toll talks\noutlet: Riverside Courier\npublished: 2025-03-14\n---\n"
BODY = "Valdmark's transport ministry said talks with Ostrel would resume in the coming weeks.\n"
YAML = """exportrow: 1
article:
  file: d.txt
  sha256: 9cf513962d59f5eb53ecb6e7c332dee40ed3d6304d3e99c453733a13e8673651
sides: [valdmark, ostrel]
actors:
  - {id: outlet, name: Riverside Courier, side: outlet, kind: outlet}
  - {id: vd, name: Valdmark's transport ministry, side: valdmark, kind: ministry, quote: Valdmark's transport ministry}
events:
  - {id: talks, actor: vd, action: CONSULT, description: Talks resume, EXPRESSION
     quote: talks with Ostrel would resume in the coming weeks}
"""


def _files(tmp_path, expression="expression: in the coming weeks,"):
    (tmp_path / "d.txt").write_text(HEAD + BODY, encoding="utf-8")
    (tmp_path / "d.yaml").write_text(YAML.replace("EXPRESSION", expression), encoding="utf-8")
    return tmp_path / "d.txt", tmp_path / "d.yaml"


def test_check_refuses_an_event_dated_by_the_coming_weeks(tmp_path):
    from exportrow.annotations import AnnotationError, load_annotation

    txt, yml = _files(tmp_path)
    with pytest.raises(AnnotationError) as info:
        load_annotation(yml, load_article(txt))
    [p] = [p for p in info.value.problems if (p.entry, p.field) == ("events[talks]", "expression")]
    assert "date cannot be parsed: cannot resolve 'in the coming weeks': it has no honest calendar value" in p.message
    assert "leave out `expression:`" in p.fix and "supported form" not in p.fix


def test_the_same_event_undated_is_accepted(tmp_path):
    from exportrow import events
    from exportrow.annotations import load_annotation

    txt, yml = _files(tmp_path, expression="")
    art = load_article(txt)
    load_annotation(yml, art)
    t = events(art, yml).set_index("event_id")
    assert t.loc["talks", "expression"] is None or pd.isna(t.loc["talks", "expression"])
    assert pd.isna(t.loc["talks", "date_start"]) and pd.isna(t.loc["talks", "date_end"])


def test_extract_proposes_no_resolved_date_for_the_coming_weeks(tmp_path):
    txt, _ = _files(tmp_path)
    art = load_article(txt)
    assert [d.text for d in propose(art).dates] == []
    draft = draft_annotation(art)
    assert "resolves to" not in draft and "2025-03-20" not in draft
