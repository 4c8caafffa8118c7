"""Review 7, finding 18: `exportrow check` warns when two events marked as one happening are dated so that both
cannot be right (before, only notebook 02 noticed, and said '1 do NOT agree')."""

import dataclasses
import datetime as dt

import pandas as pd

from exportrow import load_annotation
from exportrow.annotations.sameas import same_as_warnings
from exportrow.timeline import agreement_note


def test_the_bundled_pair_agrees_and_a_moved_date_is_named():
    ann = load_annotation()
    assert not [w for w in ann.warnings if w.field == "same_as"]
    (e,) = [e for e in ann.events if e.get("same_as")]
    assert (e["id"], e["same_as"], e["date"].timex) == ("curbs_take_effect", "curbs_implemented", "2019-07-04")
    e["date"] = dataclasses.replace(e["date"], start=dt.date(2019, 7, 11), end=dt.date(2019, 7, 12),
                                    timex="2019-07-11")
    (w,) = same_as_warnings(ann)
    assert (w.entry, w.field) == ("events[curbs_take_effect]", "same_as")
    assert w.message.startswith("the same happening as events[curbs_implemented], but dated 2019-07-11 (")
    assert "does not lie inside 2019-W27" in w.message and "1 Jul 2019 to 7 Jul 2019" in w.message


def test_the_notebook_sentence_agrees_in_number():
    t = pd.DataFrame({"agree": pd.array([True, False, True, True], dtype="boolean")})
    assert agreement_note(t.iloc[:2]) == ("2 pairs of events report the same happening; 1 agrees, and 1 does NOT "
                                          "agree: a phrase, or its resolution, is wrong.")
    assert agreement_note(t).startswith("4 pairs of events report the same happening; 3 agree, and 1 does NOT")


def test_an_event_that_is_the_same_as_itself_is_refused(tmp_path):  # review 8, finding 10
    from pathlib import Path

    import pytest

    from exportrow.annotations import AnnotationError
    from exportrow.article import load_article

    src = Path(__file__).parents[1] / "data" / "annotations" / \
        "nikkei-asian-review-2019-07-12-south-korea-japan-row-export-details.yaml"
    text = src.read_text(encoding="utf-8")
    line = "    same_as: curbs_implemented\n"
    assert line in text
    (tmp_path / "a.yaml").write_text(text.replace(line, "    same_as: curbs_take_effect\n"), encoding="utf-8")
    with pytest.raises(AnnotationError) as caught:
        load_annotation(tmp_path / "a.yaml", load_article())
    (p,) = caught.value.problems
    assert (p.entry, p.field, p.message) == ("events[curbs_take_effect]", "same_as",
                                             "same_as names the event itself ('curbs_take_effect')")
    assert p.fix == "name another event that reports the same happening, or remove `same_as:`"


def test_notebook_02_does_not_count_an_event_paired_with_itself():
    from exportrow.timeline import date_agreement

    t = pd.DataFrame({"event_id": ["a", "b"], "same_as": ["a", None], "expression": ["x", "y"], "timex": ["1", "2"],
                      "date_start": [pd.Timestamp("2020-01-01")] * 2, "date_end": [pd.Timestamp("2020-01-02")] * 2})
    assert date_agreement(t).empty
