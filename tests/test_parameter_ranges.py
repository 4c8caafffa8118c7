"""Review 5, finding 8: a reversed or far-off `date_window` and an extreme `prior_strength` are refused clearly.

`exportrow report` refuses them before any kernel starts (exit 2; tests/test_bad_options.py holds those cases).
Here: inside a notebook (JupyterLab, no report), the library's own checks raise a ParameterError, an ExportrowError
shown in one line, instead of a bare ValueError or a ZeroDivisionError deep in notebook 03.
"""

import re

import papermill
import pytest

from exportrow import claims, events
from exportrow.errors import ExportrowError
from exportrow.framing import PRIOR_STRENGTH_RANGE, fightin_words
from exportrow.parameters import ParameterError, check_number, check_window, convert
from exportrow.timeline import select_events


def test_a_reversed_window_is_a_parameter_error():
    with pytest.raises(ParameterError) as info:
        select_events(events(), window=["2019-07-13", "2019-07-01"])
    assert isinstance(info.value, ExportrowError) and info.value.exit_code == 2
    assert str(info.value).startswith("date_window ['2019-07-13', '2019-07-01']: the window ends (2019-07-01) before "
                                      "it starts (2019-07-13); write the earlier date first")
    assert info.value._render_traceback_() == [f"ParameterError: {info.value}"]


@pytest.mark.parametrize("window, why", [
    (["0001-01-01", "9999-12-31"], "year 1 is not a year of a news article (years 1700 to 2199)"),
    (["1500-01-01", "2019-07-01"], "year 1500 is not a year of a news article (years 1700 to 2199)"),  # before pandas
    (["2019-07-01", "9999-12-31"], "year 9999 is not a year of a news article (years 1700 to 2199)"),
    (["2019-07-01"], "a window is [start, end], two ISO dates, not 1 item"),
    (["2019-07-01", "2019-07-01"], "the window ends (2019-07-01) on the day it starts: the end is exclusive, so it "
                                   "holds no day; end it at least one day after the start"),
    (["2019-07-01", "soon"], "'soon' is not an ISO date"),
])
def test_a_window_outside_news_years_or_malformed_is_refused(window, why):
    with pytest.raises(ParameterError) as info:
        select_events(events(), window=window)
    assert str(info.value).startswith(f"date_window {window!r}: {why}; allowed: [start, end], two ISO dates")


def test_a_good_window_and_no_window_still_select():
    assert select_events(events(), window=["2019-07-01", "2019-07-13"]).event_id.tolist() == [
        "curbs_implemented", "curbs_take_effect", "kang_pompeo_call", "kim_to_washington", "tokyo_meeting",
        "publication"]  # curbs_cite_breach is undated: a window leaves it out
    assert len(select_events(events(), window=[])) == len(select_events(events(), window=None)) == len(events())
    assert check_window("date_window", ("2019-07-01", "2019-07-13")) == ["2019-07-01", "2019-07-13"]


@pytest.mark.parametrize("prior, why", [(1e308, "out of range"), (float("inf"), "not a finite number"),
                                        (float("nan"), "not a finite number"), (0, "out of range"),
                                        (-1, "out of range"), (1_000_001, "out of range"),
                                        (5e-324, "out of range"), (1e-320, "out of range"), (0.009, "out of range")])
def test_an_extreme_prior_is_a_parameter_error(prior, why):
    with pytest.raises(ParameterError) as info:
        claims().pipe(fightin_words, "seoul", "tokyo", prior_strength=prior)
    assert str(info.value) == (f"prior_strength {prior!r}: {why}; allowed: a number, at least 0.01 and at most 1000000")


def test_the_smallest_allowed_prior_still_gives_real_scores():
    """Review 6, finding 5: 1e-320 passed and gave z 0.0 for every word; the lower bound 0.01 still gives scores."""
    words = claims().pipe(fightin_words, "seoul", "tokyo", prior_strength=0.01)
    assert len(words) and words.z.notna().all() and words.z.abs().max() > 0.5


def test_the_largest_allowed_prior_still_gives_finite_scores():
    words = claims().pipe(fightin_words, "seoul", "tokyo", prior_strength=1_000_000)
    assert len(words) and words.z.notna().all() and words.z.abs().max() < 1.96


def test_the_bound_is_the_one_the_notebook_declares():
    import json

    from exportrow import paths

    nb = json.loads((paths.PROJECT_ROOT / "notebooks" / "03-framing-comparison.ipynb").read_text())
    cell = next(c for c in nb["cells"] if "parameters" in c["metadata"].get("tags", []))
    line = next(x for x in "".join(cell["source"]).splitlines() if x.startswith("prior_strength"))
    assert line.endswith(f"pseudo-words; {PRIOR_STRENGTH_RANGE}")
    assert check_number("prior_strength", "10", PRIOR_STRENGTH_RANGE) == 10.0
    info = {"inferred_type_name": "float", "help": line.split("#", 1)[1]}
    with pytest.raises(ParameterError, match="-p prior_strength '1e308': out of range; allowed: a number, at least "
                                             "0.01 and at most 1000000"):
        convert("prior_strength", "1e308", info)


def test_published_far_future_is_blamed_on_the_parameter():
    info = {"inferred_type_name": "str", "help": "ISO date overriding the publication date; empty keeps the article's"}
    with pytest.raises(ParameterError, match="^-p published '9999-12-31': year 9999 is not a year of a news article"):
        convert("published", "9999-12-31", info)
    assert convert("published", "2199-12-31", info) == "2199-12-31"


@pytest.mark.parametrize("name", ["01-enforcement-statistics", "02-claim-timeline", "03-framing-comparison",
                                  "04-coding-reliability"])
def test_published_takes_what_the_notebook_reads(name):
    """Review 6, finding 6: every notebook's open_inputs reads a date-time (exportrow.clock.parse_published); so
    does `-p published`, with the same refusals."""
    import json

    from exportrow import paths

    nb = json.loads((paths.PROJECT_ROOT / "notebooks" / f"{name}.ipynb").read_text())
    cell = next(c for c in nb["cells"] if "parameters" in c["metadata"].get("tags", []))
    line = next(x for x in "".join(cell["source"]).splitlines() if x.startswith("published"))
    info = {"inferred_type_name": "str", "help": line.split("#", 1)[1]}
    for value in ("2025-03-14T10:00:00+01:00", "2025-03-14T10:00", "2025-03-14T10:00Z", "2025-03-14", ""):
        assert convert("published", value, info) == value
    for value, why in (("2025-02-29T10:00", "February 2025 has no day 29"),
                       ("2025-03-14T10:00+15:00", "UTC offset +15:00 does not exist"),
                       ("9999-01-01T10:00", "year 9999 is not a year of a news article"),
                       ("next Friday", "is not an ISO 8601 date")):
        pattern = f"^-p published '{re.escape(value)}': .*{re.escape(why)}.*; allowed: an ISO date \\(YYYY-MM-DD\\) or "
        with pytest.raises(ParameterError, match=pattern + "date-time"):
            convert("published", value, info)


@pytest.mark.parametrize("name, params, message", [
    ("02-claim-timeline", {"date_window": ["2025-03-20", "2025-03-01"]},
     "date_window ['2025-03-20', '2025-03-01']: the window ends (2025-03-01) before it starts (2025-03-20)"),
    ("03-framing-comparison", {"prior_strength": 1e308},
     "prior_strength 1e+308: out of range; allowed: a number, at least 0.01 and at most 1000000"),
    ("03-framing-comparison", {"prior_strength": 5e-324},
     "prior_strength 5e-324: out of range; allowed: a number, at least 0.01 and at most 1000000"),
])
def test_inside_a_notebook_the_bad_value_is_one_exportrow_error(run_notebook, name, params, message):
    with pytest.raises(papermill.PapermillExecutionError) as info:
        run_notebook(name, **params)
    assert info.value.ename == "ParameterError"
    assert message in info.value.evalue
