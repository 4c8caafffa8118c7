"""A date the tables cannot hold is refused by `check` and never drafted by `extract`; a long span fits (review 16a F1).

Before, "since the 17th century" passed `check` and then `tables`, `view` and every notebook stopped with pandas'
OutOfBoundsDatetime (the tables held nanosecond timestamps, from September 1677 to April 2262), and "since 1700" in a
2021 article, 321 years long, overflowed the nanosecond difference that sorts the timeline.
"""

import datetime as dt
import hashlib

import pandas as pd
import pytest

from exportrow import extract, tables, timeline
from exportrow.article import load_article
from exportrow.cli import main
from exportrow.dates import TABLE_YEARS, DateOutOfRange, resolve_date

PUB = "2021-03-03"
HEAD = f'---\ntitle: "T"\noutlet: "O"\npublished: "{PUB}"\n---\n'


@pytest.mark.parametrize(("words", "why"), [
    ("since the 17th century", "reaches back to 1600, before 1678"),
    ("from 1650 to 1700", "reaches back to 1650, before 1678"),
    ("the past 400 years", "reaches back to 1621, before 1678"),
    ("the 1500s", "reaches back to 1500, before 1678"),
    ("the 16th century", "reaches back to 1500, before 1678"),
    ("the 1670s", "reaches back to 1670, before 1678"),
    ("the next 300 years", "reaches 2321, after 2261"),
    ("the next 241 years", "reaches 2262, after 2261"),
    ("the 23rd century", "reaches 2300, after 2261"),
])
def test_a_date_beyond_the_tables_is_refused(words, why):
    with pytest.raises(DateOutOfRange) as caught:
        resolve_date(words, PUB, tense="past")
    assert str(caught.value) == (f"cannot resolve {words!r}: it {why}; the tables hold dates in the years 1678 to "
                                 "2261 only")


@pytest.mark.parametrize(("words", "start", "end"), [
    ("since 1678", "1678-01-01", "2021-03-04"),
    ("the next 240 years", "2021-03-03", "2261-03-03"),
    ("after the 17th century", "1701-01-01", "2021-03-04"),  # its part is beyond, the whole is not
    ("the 22nd century", "2100-01-01", "2201-01-01"),
])
def test_a_date_at_the_edges_still_resolves(words, start, end):
    r = resolve_date(words, PUB, tense="past")
    assert (str(r.start), str(r.end)) == (start, end)


def test_the_range_fits_pandas_nanosecond_timestamps():
    """Every date of the range is also a nanosecond timestamp, so no later conversion can fail."""
    assert pd.Timestamp.min < pd.Timestamp(f"{TABLE_YEARS[0]}-01-01")
    assert pd.Timestamp(f"{TABLE_YEARS[1] + 1}-01-01") < pd.Timestamp.max


def _write(tmp_path, body, figures="", events=""):
    art = tmp_path / "hist.txt"
    art.write_text(HEAD + body, encoding="utf-8")
    digest = hashlib.sha256(art.read_bytes()).hexdigest()
    ann = tmp_path / "hist.yaml"
    ann.write_text(f"exportrow: 1\narticle: {{file: hist.txt, sha256: {digest}}}\nsides: [a, b]\nactors:\n"
                   "  - {id: o, name: Officials, side: a, kind: officials, quote: Officials, suffix: said the bay}\n"
                   f"figures:\n{figures or '  []'}\nevents:\n{events or '  []'}\n", encoding="utf-8")
    return art, ann


BODY = ("Officials said the bay has been fished since the 17th century.\n\n"
        "Officials said 400 boats were seized from 1650 to 1700.\n")
FIGURE = ("  - {id: seized, quantity: boat_seizures, value: 400, unit: boats, period: %s, actor: o, "
          "quote: 400 boats were seized from 1650 to 1700}")
EVENT = ("  - {id: fished, actor: o, action: OTHER, description: The bay is fished, expression: since the 17th "
         "century, tense: past, quote: fished since the 17th century}")


@pytest.mark.parametrize("command", ["check", "tables", "view"])
def test_check_tables_and_view_name_the_entry_and_the_fix(tmp_path, capsys, command):
    art, ann = _write(tmp_path, BODY, FIGURE % "from 1650 to 1700", EVENT)
    args = {"check": ["check", str(ann)],
            "tables": ["tables", "--annotation", str(ann), "--out", str(tmp_path / "t")],
            "view": ["view", str(art), "--annotation", str(ann), "--out", str(tmp_path / "v.html")]}[command]
    assert main(args) == 1
    err = capsys.readouterr().err
    assert "internal error" not in err and "OutOfBounds" not in err
    assert ("events[fished].expression: date out of range: cannot resolve 'since the 17th century': it reaches back "
            "to 1600, before 1678; the tables hold dates in the years 1678 to 2261 only") in err
    assert ("fix: leave out `expression:` (the event is then listed as undated), give the date in words in `note:` "
            "and list its numbers under `ignored_numbers:`") in err
    assert "figures[seized].period: date out of range: cannot resolve 'from 1650 to 1700'" in err
    assert "fix: leave out `period:` (the figure then has no period)" in err
    assert not (tmp_path / "t").exists() and not (tmp_path / "v.html").exists()


def test_the_end_of_a_span_beyond_the_tables_is_no_period(tmp_path, capsys):
    """'1700' alone would date the 400 boats by the wrong year: it is only part of a span the tables cannot hold."""
    _, ann = _write(tmp_path, BODY, FIGURE % '"1700"')
    assert main(["check", str(ann)]) == 1
    err = capsys.readouterr().err
    assert ("figures[seized].period: '1700' is only part of the date expression 'from 1650 to 1700' in its sentence, "
            "which reaches back to 1650, before 1678; the tables hold dates in the years 1678 to 2261 only") in err
    assert "fix: leave out `period:` and give the date in words in `note:`" in err


def test_the_draft_proposes_no_date_that_check_refuses(tmp_path):
    art, _ = _write(tmp_path, BODY)
    draft = extract.draft_annotation(load_article(art))
    assert "\n    expression:" not in draft and "\n    period:" not in draft
    assert ('    # expression: "since the 17th century"   # left out: cannot resolve \'since the 17th century\': it '
            "reaches back to 1600, before 1678; the tables hold dates in the years 1678 to 2261 only") in draft
    assert "    # period: none proposed: cannot resolve 'from 1650 to 1700': it reaches back to 1650" in draft
    assert draft.count("reason: TODO   # part of 'from 1650 to 1700', a date the tables cannot hold") == 2
    assert draft.count("reason: TODO   # part of 'since the 17th century', a date the tables cannot hold") == 1
    assert draft.count('    note: TODO            # the date in words, e.g. "') == 2


def test_the_draft_filled_in_passes_check(tmp_path, capsys):
    art, ann = _write(tmp_path, BODY)
    draft = extract.draft_annotation(load_article(art))
    filled = (draft.replace("draft: true\n", "").replace("[TODO_1, TODO_2]", "[a, b]")
              .replace("  # - id: TODO ", "  - {id: o, name: Officials, side: a, kind: officials, quote: Officials, "
                       "suffix: said the bay}\n  # - id: TODO ", 1)
              .replace("quantity: TODO", "quantity: boats").replace("unit: TODO ", "unit: boats ")
              .replace("actor: TODO", "actor: o").replace("action: TODO ", "action: OTHER ")
              .replace("description: TODO", "description: x").replace("reason: TODO", "reason: a date in words")
              .replace("note: TODO ", "note: in words "))
    ann.write_text(filled[:filled.index("claims:")], encoding="utf-8")
    assert main(["check", str(ann)]) == 0, capsys.readouterr().err


def test_a_context_date_beyond_the_tables_is_refused(tmp_path, capsys):
    ctx = tmp_path / "context" / "c.yaml"
    ctx.parent.mkdir()
    ctx.write_text("article_sha256: " + "0" * 64 + "\nevents:\n  - {id: old, actor: A, side: a, action: OTHER, "
                   "description: D, date: '1650', reference: R}\n", encoding="utf-8")
    assert main(["check", str(ctx)]) == 1
    err = capsys.readouterr().err
    assert "events[old].date: date out of range: cannot resolve '1650': it reaches back to 1650, before 1678" in err
    assert "internal error" not in err


def test_a_span_of_centuries_fills_the_tables_and_the_timeline(tmp_path):
    """Nanosecond differences stop at 292 years; 1678 to 2261 is 583."""
    import matplotlib.pyplot as plt

    from exportrow.plots import timeline as draw

    body = ("Officials said the bay has been fished since 1678.\n\n"
            "Officials said the harbour will stay open for the next 240 years.\n")
    events = ("  - {id: fished, actor: o, action: OTHER, description: Fished, expression: since 1678, tense: past, "
              "quote: fished since 1678}\n"
              "  - {id: open, actor: o, action: OTHER, description: Open, expression: the next 240 years, "
              "tense: future, quote: stay open for the next 240 years}")
    art, ann = _write(tmp_path, body, events=events)
    t = tables.events(load_article(art), ann).pipe(timeline.select_events)
    assert t.event_id.tolist() == ["fished", "publication", "open"]
    days = [(dt.date(2021, 3, 4) - dt.date(1678, 1, 1)).days, 1, (dt.date(2261, 3, 3) - dt.date(2021, 3, 3)).days]
    assert [(e - s).days for s, e in zip(t.date_start, t.date_end)] == days
    fig, alt = draw(t, published=PUB)
    plt.close(fig)
    assert "1678" in alt and "2261" in alt
