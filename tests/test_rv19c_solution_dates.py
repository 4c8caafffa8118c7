"""rv19c #8: solution 02 reads the words that date the exercise's event, and their tense, from the events table;
it types no weekday, date or calendar constant, so it follows the annotation if the annotation changes."""

import contextlib
import io
import json
import re

import pandas as pd
from conftest import NOTEBOOKS

import exportrow

SOLUTION = NOTEBOOKS / "solutions" / "02-claim-timeline-solutions.ipynb"
DAYS = re.compile(r"monday|tuesday|wednesday|thursday|friday|saturday|sunday|\d{4}-\d\d-\d\d|\"past\"\s*\)", re.I)


def _code():
    nb = json.loads(SOLUTION.read_text(encoding="utf-8"))
    return [c["source"] for c in nb["cells"] if c["cell_type"] == "code"]


def test_no_weekday_date_or_tense_is_typed_into_the_solution_code():
    typed = [m.group(0) for src in _code() for m in DAYS.finditer(src)]
    assert typed == []
    by_hand = next(src for src in _code() if "by_hand" in src)
    assert "exportrow.events(art)" in by_hand and "call.expression" in by_hand and "call.tense" in by_hand


def test_the_worked_cell_follows_the_annotations_words(monkeypatch):
    """With the event dated by "Tuesday" (as if re-coded), the by-hand cell works on Tuesday, not on a typed day."""
    real = exportrow.events

    def recoded(*a, **kw):
        t = real(*a, **kw)
        at = t.index[t.event_id == "kang_pompeo_call"][0]
        t.loc[at, "expression"] = "Tuesday"
        t.loc[at, "date_start"] = pd.Timestamp("2019-07-09")
        return t

    monkeypatch.setattr(exportrow, "events", recoded)
    code = _code()
    cells = [code[0], code[1], next(src for src in code if "by_hand" in src)]
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        namespace = {}
        for src in cells:
            exec(compile(src, str(SOLUTION), "exec"), namespace)
    printed = out.getvalue()
    assert "kang_pompeo_call: 'Tuesday', past tense" in printed
    assert "by hand: Tuesday 2019-07-09; library: 2019-07-09" in printed


def test_the_committed_solution_prints_the_annotations_event_and_words():
    nb = json.loads(SOLUTION.read_text(encoding="utf-8"))
    printed = "".join(o.get("text", "") for c in nb["cells"] if c["cell_type"] == "code" for o in c.get("outputs", []))
    assert "kang_pompeo_call: 'Wednesday', past tense\nby hand: Wednesday 2019-07-10; library: 2019-07-10" in printed
