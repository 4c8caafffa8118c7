"""Review 9, finding 6: a period that starts at an event ("lost 2.3 million euros in fares since the strike began on
October 6") is annotated with `period_since: <event id>`: from the event's date to the publication day."""

import pandas as pd
import pytest
from conftest import FIXTURES

import exportrow
from exportrow.annotations import AnnotationError, load_annotation

STRIKE = FIXTURES / "review9-strike"
QUOTE = '    quote: "lost 2.3 million euros in fares since the strike began on October 6"\n'


def _copy(tmp_path, edit):
    (tmp_path / "brennfeld-strike.txt").write_bytes((STRIKE / "brennfeld-strike.txt").read_bytes())
    text = (STRIKE / "brennfeld-strike.yaml").read_text(encoding="utf-8")
    assert QUOTE in text
    (tmp_path / "brennfeld-strike.yaml").write_text(edit(text), encoding="utf-8")
    return exportrow.load_article(tmp_path / "brennfeld-strike.txt"), tmp_path / "brennfeld-strike.yaml"


def test_a_period_since_an_event_runs_from_its_date_to_publication(tmp_path):
    art, ann = _copy(tmp_path, lambda t: t.replace(QUOTE, "    period_since: strike_began\n" + QUOTE))
    fares = exportrow.figures(art, ann).set_index("figure_id").loc["fares_lost"]
    assert (str(fares.period_start.date()), str(fares.period_end.date())) == ("2025-10-06", "2025-11-15")
    assert fares.precision == "day" and pd.isna(fares.months) and pd.isna(fares.per_month)  # no whole months: no rate
    date = next(f for f in load_annotation(ann, art).figures if f["id"] == "fares_lost")["date"]
    assert date.timex == "2025-10-06/2025-11-14" and date.mod == "ON_OR_AFTER"


@pytest.mark.parametrize("extra, message", [
    ("    period_since: strike_begun\n", "figures[fares_lost].period_since: 'strike_begun' is not the id of an event "
                                        "of this annotation (events: strike_extended, talks_broke_down, strike_began"),
    ("    period_since: strike_began\n    period: October\n",
     "figures[fares_lost].period_since: the figure has both `period:` and `period_since:`"),
    ("    period_since: talks_broke_down\n", "figures[fares_lost].period_since: the words that date event "
                                            "'talks_broke_down' ('Monday') are not inside this figure's quote"),
])
def test_a_wrong_period_since_is_refused_with_the_fix(tmp_path, extra, message):
    art, ann = _copy(tmp_path, lambda t: t.replace(QUOTE, extra + QUOTE))
    with pytest.raises(AnnotationError) as info:
        load_annotation(ann, art)
    assert message in str(info.value)
