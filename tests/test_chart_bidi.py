"""A bidirectional control in an annotation's text (review 9, finding 4) reaches no chart: a right-to-left override in
an event's description no longer reverses the date exportrow draws after it, and ``exportrow check`` warns about it,
naming the file, the entry and the field."""

from __future__ import annotations

import re
import subprocess
import sys

import matplotlib.pyplot as plt
import pandas as pd
from conftest import FIXTURES

import exportrow
from exportrow.escape import BIDI_CONTROLS
from exportrow.plot_agreement import alpha_chart
from exportrow.plots import bar_periods, diverging_frames, save_figure, show_figure, timeline
from exportrow.stats import case_periods

STEM = "example-gazette-2021-03-03-freedonia-sylvania-fishing"
RLO = "\u202e"


def texts(fig) -> list[str]:
    """Every text the drawn figure shows: titles, labels, tick labels, legends, annotations."""
    fig.canvas.draw()
    return [t.get_text() for t in fig.findobj(lambda a: hasattr(a, "get_text") and hasattr(a, "get_fontsize"))]


def test_a_timeline_label_keeps_its_date_in_order(tmp_path):
    ev = exportrow.events(exportrow.load_article(FIXTURES / f"{STEM}.txt"), FIXTURES / f"{STEM}.yaml")
    ev.loc[ev.event_id == "rules_tightened", "description"] = f"]]><script>alert(4)</script>{RLO} evil"
    fig, alt = timeline(ev)
    svg = save_figure(fig, tmp_path / "timeline", "svg").read_text(encoding="utf-8")
    labels = [t.get_text() for ax in fig.axes for t in ax.get_yticklabels() if "evil" in t.get_text()]
    assert len(labels) == 1
    assert not BIDI_CONTROLS.search(labels[0])
    assert re.fullmatch(r"\]\]><script>alert\(4\)</script> evil \(Feb\xa02021\)", labels[0]), labels
    assert [hex(ord(c)) for c in BIDI_CONTROLS.findall(svg)] == []
    shown = show_figure(fig, alt)._repr_mimebundle_()
    assert RLO not in shown["text/plain"] and "evil: Feb 2021" in shown["text/plain"].replace("\xa0", " ")


def test_titles_legends_and_tick_labels_of_every_chart_drop_the_controls(tmp_path):
    periods = exportrow.figures(exportrow.load_article(FIXTURES / f"{STEM}.txt"), FIXTURES / f"{STEM}.yaml")
    periods = periods.assign(quantity=periods.quantity.astype(str) + RLO + " x",
                             unit=periods.unit.astype(str) + "\u2067").pipe(case_periods)
    frames = pd.DataFrame({"side": ["a\u202e", "a\u202e", "b", "b"], "frame_code": [1, 2, 1, 2],
                           "frame": [f"Econ{RLO}omic", "Legal", f"Econ{RLO}omic", "Legal"], "claims": [2, 0, 1, 1]})
    fields = pd.DataFrame({"field": [f"frame{RLO} x"], "alpha": [0.7], "ci_low": [0.5], "ci_high": [0.9],
                           "verdict": ["tentative"]})
    charts = {"bar": bar_periods(periods)[0], "alpha": alpha_chart(fields, title=f"t{RLO}itle")[0],
              "frames": diverging_frames(frames, "a\u202e", "b")[0]}
    for name, fig in charts.items():
        before = [t for t in texts(fig) if BIDI_CONTROLS.search(t)]
        assert before, f"{name}: the test should put a control into the chart"
        svg = save_figure(fig, tmp_path / name, "svg").read_text(encoding="utf-8")
        assert [t for t in texts(fig) if BIDI_CONTROLS.search(t)] == [], name
        assert not BIDI_CONTROLS.search(svg), name
        plt.close(fig)


def test_check_warns_naming_the_file_the_entry_and_the_field(tmp_path):
    article = tmp_path / f"{STEM}.txt"
    article.write_bytes((FIXTURES / f"{STEM}.txt").read_bytes())
    doc = (FIXTURES / f"{STEM}.yaml").read_text(encoding="utf-8")
    doc = doc.replace("description: Sylvania tightens its fishing-permit rules",
                      'description: "Sylvania tightens\\u202e its rules"', 1)
    annotation = tmp_path / f"{STEM}.yaml"
    annotation.write_text(doc, encoding="utf-8")
    res = subprocess.run([sys.executable, "-m", "exportrow.cli", "check", str(annotation)], capture_output=True,
                         text=True)
    assert res.returncode == 0, res.stderr
    warning = [ln for ln in res.stderr.splitlines() if "RIGHT-TO-LEFT" in ln]
    assert warning == [f"warning: {annotation}: events[rules_tightened].description: holds an invisible U+202E "
                       "RIGHT-TO-LEFT OVERRIDE, which reverses the text shown after it (a chart would draw the date "
                       "beside it backwards)"]
    assert "fix: delete it (search the file for \\u202e" in res.stderr
    clean = subprocess.run([sys.executable, "-m", "exportrow.cli", "check", str(FIXTURES / f"{STEM}.yaml")],
                           capture_output=True, text=True)
    assert "RIGHT-TO-LEFT" not in clean.stderr
