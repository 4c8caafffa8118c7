"""A mistyped parameter fails early with a message that names the value and the choices."""

import papermill
import pytest
from conftest import report


@pytest.mark.parametrize("name, params, message", [
    # checked against the parameters cell's comments first, as `exportrow report -p` checks them (review 11b, #12)
    ("01-enforcement-statistics", {"figure_format": "gif"},
     "figure_format 'gif': not an allowed value; allowed: one of \"png\", \"svg\", \"pdf\""),
    ("01-enforcement-statistics", {"measure": "percent"},
     "measure 'percent': not an allowed value; allowed: one of \"per_month\", \"count\""),
    ("02-claim-timeline", {"sides": ["narnia"]}, "sides 'narnia' is not a side of this annotation"),
    ("02-claim-timeline", {"actors": ["kang", "moon_jae_in"]}, "actors 'moon_jae_in' is not an actor of this"),
    ("03-framing-comparison", {"side_a": "narnia"}, "side_a 'narnia' is not a side of this annotation"),
    ("03-framing-comparison", {"frame_column": "tertiary"}, "frame_column 'tertiary': not an allowed value"),
    ("03-framing-comparison", {"prior_background": "web"},
     "prior_background 'web': not an allowed value; allowed: one of \"article\", \"claims\", \"uniform\""),
])
def test_bad_parameter_is_named(run_notebook, name, params, message):
    with pytest.raises(papermill.PapermillExecutionError) as info:
        run_notebook(name, **params)
    assert message in str(info.value)


def test_empty_date_window_is_explained_in_a_sentence_not_an_empty_chart(run_notebook):
    nb, out = run_notebook("02-claim-timeline", date_window=["2030-01-01", "2031-01-01"])
    assert not (out / "timeline.png").exists()
    assert "**No timeline**: no dated event matches the chosen dates, sides and actors." in str(nb)


@pytest.mark.slow
def test_report_reads_dates_in_lists_as_text(tmp_path):
    res = report(tmp_path / "r", "--notebooks", "02", "-p", "date_window", "[2019-07-01, 2019-07-13]")
    assert res.returncode == 0, res.stderr
    assert "<code>date_window</code> = <code>[&quot;2019-07-01&quot;, &quot;2019-07-13&quot;]</code>" in (
        tmp_path / "r" / "index.html").read_text()


def test_a_bad_frame_column_in_notebook_03_is_one_exportrow_line(run_notebook):
    with pytest.raises(papermill.PapermillExecutionError) as info:
        run_notebook("03-framing-comparison", frame_column="tertiary")
    assert info.value.ename == "ParameterError"
    assert info.value.traceback == ["ParameterError: frame_column 'tertiary': not an allowed value; allowed: one of "
                                    '"primary", "both" (declared by 03-framing-comparison)']


@pytest.mark.parametrize("params", [{"figure_format": "gif"}, {"measure": "percent"}])
def test_a_bad_format_or_measure_in_notebook_01_is_one_exportrow_line(run_notebook, params):
    with pytest.raises(papermill.PapermillExecutionError) as info:
        run_notebook("01-enforcement-statistics", **params)
    assert info.value.ename == "ParameterError"  # was a bare ValueError, with a traceback in JupyterLab
