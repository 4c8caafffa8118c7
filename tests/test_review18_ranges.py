"""Review rev18, finding 3: a range with no year and no `tense:` is refused, like a bare month, with both readings.

"Fishers will hold protests from June to August" (an article of Sunday 2 November 2025), annotated with
`expression: from June to August` and no `tense:`, passed `check` and was dated June to August 2025 (months
already over) with a rule that said "past tense", a tense nobody gave; a bare "June" in the same entry was refused
until a tense was given. The generic range path ("from June 2023 to August", "between Monday and Wednesday") read
its ends in the past tense silently as well.

Calendar facts used: 2 Nov 2025 is a Sunday, so the latest Monday and Wednesday on or before it are 27 and 29
October, the first ones after it 3 and 5 November; June to August is 1 June to 31 August (exclusive end 1 September);
15 July 2025 lies inside June-August 2025, so both tenses read that range alike; December-February around 2 Nov 2025
is December 2024 to February 2025 (the latest to start by then) or December 2025 to February 2026 (the first to end
after it).
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

import exportrow
from exportrow import cli
from exportrow.dates import TenseNeeded, resolve_date

PUB = "2025-11-02"  # a Sunday
FIXTURE = Path(__file__).parent / "fixtures" / "review18"
NAME = "notense-2025-11-02-fishing-rules"


@pytest.mark.parametrize("expr, past, future", [
    ("from June to August", "2025-06/2025-08", "2026-06/2026-08"),
    ("June to August", None, None),  # without "from" and a year it is no range: refused as before (below)
    ("from December to February", "2024-12/2025-02", "2025-12/2026-02"),
    ("between June and August", "2025-06/2025-08", "2026-06/2026-08"),
    ("from June 2023 to August", "2023-06/2025-08", "2023-06/2026-08"),  # the bare end needs the tense
    ("between Monday and Wednesday", "2025-10-27/2025-10-29", "2025-11-03/2025-11-05"),
])
def test_a_range_without_a_year_asks_for_the_tense_and_names_both_readings(expr, past, future):
    if past is None:
        with pytest.raises(exportrow.DateResolutionError, match="supported forms"):
            resolve_date(expr, PUB)
        return
    with pytest.raises(TenseNeeded) as caught:
        resolve_date(expr, PUB)
    said = str(caught.value)
    assert said.startswith(f"cannot resolve {expr!r} without a tense: in the past tense it is {past}")
    assert f"in the present or future tense {future}" in said
    assert said.endswith("give tense past, present or future")
    assert resolve_date(expr, PUB, tense="past").timex == past
    assert resolve_date(expr, PUB, tense="future").timex == future
    rule = resolve_date(expr, PUB, tense="future").rule
    assert re.search(r"future[- ]tense", rule) and not re.search(r"past[- ]tense", rule)


@pytest.mark.parametrize("expr, published, timex", [
    ("from June to August 2024", PUB, "2024-06/2024-08"),  # the year at the end fixes both ends
    ("from 2019 to 2021", PUB, "2019/2021"),
    ("from 2015 to this March", "2019-07-12", "2015/2019-03"),  # the bundled article's period
    ("from 2018 to this February", "2021-03-03", "2018/2021-02"),  # the example-gazette fixture's
])
def test_a_range_whose_years_are_fixed_needs_no_tense(expr, published, timex):
    assert resolve_date(expr, published).timex == timex


def _copy(tmp_path: Path, tense: str | None = None) -> Path:
    for suffix in (".txt", ".yaml"):
        shutil.copy(FIXTURE / f"{NAME}{suffix}", tmp_path / f"{NAME}{suffix}")
    ann = tmp_path / f"{NAME}.yaml"
    if tense:
        text = ann.read_text(encoding="utf-8")
        ann.write_text(text.replace("    expression: from June to August\n",
                                    f"    expression: from June to August\n    tense: {tense}\n"), encoding="utf-8")
    return ann


def test_check_refuses_the_yearless_range_without_tense_and_says_how_to_fix_it(tmp_path, capsys):
    ann = _copy(tmp_path)
    assert cli.main(["check", str(ann)]) == 1
    err = capsys.readouterr().err
    assert ("events[protests].expression: date cannot be parsed: cannot resolve 'from June to August' without a "
            "tense: in the past tense it is 2025-06/2025-08") in err
    assert "in the present or future tense 2026-06/2026-08" in err
    assert "fix: add `tense: past` (or present / future) to the entry" in err


def test_with_the_tense_given_the_protests_are_next_summer_and_the_rule_cites_it(tmp_path, capsys):
    ann = _copy(tmp_path, "future")
    assert cli.main(["check", str(ann)]) == 0
    events = exportrow.events(exportrow.load_article(tmp_path / f"{NAME}.txt"), ann).set_index("event_id")
    row = events.loc["protests"]
    # the end is exclusive: 1 September 2026 closes 31 August
    assert (str(row.date_start.date()), str(row.date_end.date()), row.timex) == ("2026-06-01", "2026-09-01",
                                                                                "2026-06/2026-08")
    assert "future tense" in row.rule and "past tense" not in row.rule


def test_a_range_the_publication_day_falls_in_needs_no_tense_in_check(tmp_path, capsys):
    """Published 15 July 2025, inside June-August: both tenses read 2025-06/2025-08, so check takes that one
    reading without a tense (as it does for "second-half" in August)."""
    from exportrow.figure_tense import same_either_way

    assert same_either_way("from June to August", "2025-07-15").timex == "2025-06/2025-08"
    assert same_either_way("from June to August", PUB) is None
