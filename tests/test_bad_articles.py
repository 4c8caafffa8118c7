"""Bad article files: each case of the catalogue gets its own clear message and exit code, never a traceback.

Each case is run as ``exportrow check --article FILE`` (plus the case's extra arguments) in a
subprocess, with a minimal annotation beside the file, and asserts the message, the exit code,
and that no "Traceback" is printed.
"""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

HEADER = ("Title of the piece\n\n  \u2022 {date}\n  \u2022 , The Example Gazette , {time}\n  \u2022 Fiction Desk\n\n"
          "FREEDON \u2014 Body text.\n")
FRONT = "---\ntitle: A fictional piece\noutlet: Northgate Wire\n{extra}---\nFREEDON \u2014 Body text.\n"

#: Per case: id, what is wrong, the file content (text, bytes, or a special kind), the expected
#: message fragment, the exit code of ``exportrow check --article``; optional ``args`` and ``annotation``.
CATALOGUE = [
    {"id": "missing-file", "wrong": "the article file does not exist", "content": None,
     "message": "no such article; check the path", "exit_code": 1},
    {"id": "a-folder", "wrong": "the path names a folder", "content": "<folder>",
     "message": "the article is not a regular file (a folder)", "exit_code": 1},
    {"id": "a-fifo", "wrong": "the path names a FIFO (would hang a naive reader)", "content": "<fifo>",
     "message": "the article is not a regular file (a FIFO)", "exit_code": 1},
    {"id": "too-large", "wrong": "more than the 2 MB an article may have", "content": "<large>",
     "message": "more than the 2,000,000 accepted", "exit_code": 1},
    {"id": "not-utf8", "wrong": "Latin-1 bytes, not UTF-8", "content": "caf\xe9\n".encode("latin-1"),
     "message": "the article is not UTF-8 (byte 3, line 1)", "exit_code": 1},
    {"id": "empty", "wrong": "the file is empty", "content": "",
     "message": "the article is empty", "exit_code": 1},
    {"id": "header-february-30", "wrong": "the date bullet is February 30",
     "content": HEADER.format(date="February 30, 2021", time="9:15 a.m."),
     "message": "line 3: 'February 30, 2021': February 2021 has no day 30 (it has 28 days)", "exit_code": 1},
    {"id": "header-time-27-99", "wrong": "the time is 27:99 a.m.",
     "content": HEADER.format(date="March 3, 2021", time="27:99 a.m."),
     "message": "line 4: '27:99 a.m.': 27 is not an hour on a 12-hour clock", "exit_code": 1},
    {"id": "header-time-19-75", "wrong": "a 24-hour time with minute 75",
     "content": HEADER.format(date="March 3, 2021", time="19:75"),
     "message": "line 4: '19:75': 19:75 is not a time of day", "exit_code": 1},
    {"id": "header-year-0", "wrong": "the date bullet's year is 0",
     "content": HEADER.format(date="March 3, 0", time="9:15 a.m."),
     "message": "line 3: 'March 3, 0': year 0 is not a year of a news article", "exit_code": 1},
    {"id": "header-day-32", "wrong": "the date bullet is July 32",
     "content": HEADER.format(date="July 32, 2021", time="9:15 a.m."),
     "message": "line 3: 'July 32, 2021': July 2021 has no day 32 (it has 31 days)", "exit_code": 1},
    {"id": "header-month-misspelt", "wrong": "'Juli' is not an English month",
     "content": HEADER.format(date="Juli 12, 2021", time="9:15 a.m."),
     "message": "line 3: 'Juli 12, 2021': 'Juli' is not an English month name", "exit_code": 1},
    {"id": "header-no-outlet", "wrong": "no outlet bullet",
     "content": "Title\n\n  \u2022 March 3, 2021\n  \u2022 Fiction Desk\n\nBody.\n",
     "message": "no outlet bullet", "exit_code": 1},
    {"id": "header-no-body", "wrong": "bullets but no paragraphs",
     "content": "Title\n\n  \u2022 March 3, 2021\n  \u2022 , The Example Gazette , 9:15 a.m.\n",
     "message": "no body paragraphs after the bullet lines", "exit_code": 1},
    {"id": "front-matter-not-closed", "wrong": "the front matter has no closing ---",
     "content": "---\ntitle: A piece\npublished: 2024-05-14\nBody text.\n",
     "message": "the front matter opened on line 1 is never closed", "exit_code": 1},
    {"id": "front-matter-bad-yaml", "wrong": "a value holding ': ' unquoted",
     "content": "---\ntitle: A piece\noutlet: [Northgate\n---\nBody.\n",
     "message": "the front matter is not valid YAML", "exit_code": 1},
    {"id": "front-matter-february-30", "wrong": "published: 2019-02-30",
     "content": FRONT.format(extra="published: 2019-02-30\n"),
     "message": "line 4: published: '2019-02-30': February 2019 has no day 30", "exit_code": 1},
    {"id": "front-matter-time-27-99", "wrong": "published at 27:99",
     "content": FRONT.format(extra="published: 2019-07-12T27:99\n"),
     "message": "line 4: published: '2019-07-12T27:99': 27:99 is not a time of day", "exit_code": 1},
    {"id": "front-matter-year-0", "wrong": "published in year 0",
     "content": FRONT.format(extra="published: 0000-07-12\n"),
     "message": "line 4: published: '0000-07-12': year 0 is not a year of a news article", "exit_code": 1},
    {"id": "front-matter-year-9999", "wrong": "published in year 9999 (review 5: dates beyond the resolver's years)",
     "content": FRONT.format(extra="published: 9999-12-31\n"),
     "message": "line 4: published: '9999-12-31': year 9999 is not a year of a news article (years 1700 to 2199)",
     "exit_code": 1},
    {"id": "front-matter-not-iso", "wrong": "published as 'July 12, 2019', not ISO 8601",
     "content": FRONT.format(extra="published: July 12, 2019\n"),
     "message": "'July 12, 2019' is not an ISO 8601 date", "exit_code": 1},
    {"id": "front-matter-bad-offset", "wrong": "a UTC offset of +25:00",
     "content": FRONT.format(extra="published: 2019-07-12T07:30:00+25:00\n"),
     "message": "UTC offset +25:00 does not exist", "exit_code": 1},
    {"id": "front-matter-bad-zone", "wrong": "timezone misspelt",
     "content": FRONT.format(extra="published: 2019-07-12\ntimezone: Asia/Soeul\n"),
     "message": "line 5: timezone: time zone 'Asia/Soeul' is not an IANA zone name; did you mean 'Asia/Seoul'?",
     "exit_code": 1},
    {"id": "front-matter-unknown-field", "wrong": "'publised' for 'published'",
     "content": FRONT.format(extra="publised: 2019-07-12\n"),
     "message": "line 4: unknown front matter field 'publised'; did you mean 'published'?", "exit_code": 1},
    {"id": "front-matter-list-value", "wrong": "the title is a list",
     "content": "---\ntitle: [a, b]\npublished: 2019-07-12\n---\nBody.\n",
     "message": "line 2: title: must be text, not a list", "exit_code": 1},
    {"id": "front-matter-alias", "wrong": "a YAML anchor and alias",
     "content": "---\ntitle: &t A piece\noutlet: *t\npublished: 2019-07-12\n---\nBody.\n",
     "message": "YAML anchors and aliases (& and *) are not accepted in front matter", "exit_code": 1},
    {"id": "front-matter-no-body", "wrong": "front matter and nothing after it",
     "content": FRONT.format(extra="published: 2019-07-12\n").split("FREEDON")[0],
     "message": "no body paragraphs after the front matter", "exit_code": 1},
    {"id": "front-matter-clocks-forward", "wrong": "a local time that never happened (clocks jumped forward)",
     "content": FRONT.format(extra="published: 2019-03-10T02:30\ntimezone: America/New_York\n"),
     "message": "'2019-03-10T02:30' in America/New_York never happened there", "exit_code": 1},
    {"id": "body-only-no-date", "wrong": "a body-only capture that nothing dates",
     "content": "Freedonia said on Monday that the talks would go on.\n",
     "message": "no publication date", "exit_code": 1},
    {"id": "dateline-without-year", "wrong": "only the dateline dates it, and it has no year",
     "content": "FREEDON, July 12 (Example Wire) -- Freedonia said on Monday that talks would go on.\n",
     "message": "The dateline gives 'July 12' but no year", "exit_code": 1},
    {"id": "dateline-february-30", "wrong": "the dateline's date does not exist",
     "content": "FREEDON, Feb. 30, 2024 (Example Wire) -- Freedonia said talks would go on.\n",
     "message": "the dateline's date 'Feb. 30, 2024': February 2024 has no day 30", "exit_code": 1},
    {"id": "only-a-dateline", "wrong": "the body is only a dateline",
     "content": "FREEDON, March 3, 2024 (Example Wire) -- \n",
     "message": "the body holds only the dateline", "exit_code": 1},
    {"id": "annotation-published-february-30", "wrong": "the annotation's article: published is February 30",
     "content": "Freedonia said on Monday that the talks would go on.\n",
     "annotation": "exportrow: 1\narticle:\n  file: article.txt\n  published: 2019-02-30\n",
     "message": "article.published: published: '2019-02-30': February 2019 has no day 30", "exit_code": 1},
    {"id": "annotation-timezone-unknown", "wrong": "the annotation's article: timezone is not IANA",
     "content": "Freedonia said on Monday that the talks would go on.\n",
     "annotation": "exportrow: 1\narticle:\n  file: article.txt\n  published: 2019-07-12\n  timezone: Mars/Olympus\n",
     "message": "article.timezone: timezone: time zone 'Mars/Olympus' is not an IANA zone name", "exit_code": 1},
    {"id": "option-published-february-30", "wrong": "--published 2019-02-30",
     "content": FRONT.format(extra="published: 2019-07-12\n"), "args": ["--published", "2019-02-30"],
     "message": "published given as an option or notebook parameter: '2019-02-30': February 2019 has no day 30",
     "exit_code": 2},
    {"id": "option-timezone-unknown", "wrong": "--timezone Asia/Soeul",
     "content": FRONT.format(extra="published: 2019-07-12\n"), "args": ["--timezone", "Asia/Soeul"],
     "message": "did you mean 'Asia/Seoul'?", "exit_code": 2},
]


def _write_case(case: dict, folder) -> str:
    path = folder / "article.txt"
    content = case["content"]
    if content is None:
        return str(folder / "missing.txt")
    if content == "<folder>":
        (folder / "a-folder").mkdir()
        return str(folder / "a-folder")
    if content == "<fifo>":
        os.mkfifo(folder / "a-fifo")
        return str(folder / "a-fifo")
    if content == "<large>":
        path.write_text("Body. " * 400_000, encoding="utf-8")
    elif isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    (folder / "article.yaml").write_text(case.get("annotation", "exportrow: 1\narticle:\n  file: article.txt\n"),
                                         encoding="utf-8")
    return str(path)


def test_the_catalogue_is_big_enough_and_well_formed():
    assert len(CATALOGUE) >= 15
    assert len({c["id"] for c in CATALOGUE}) == len(CATALOGUE)
    for case in CATALOGUE:
        assert {"id", "wrong", "content", "message", "exit_code"} <= set(case)
        assert case["exit_code"] in (1, 2)


@pytest.mark.parametrize("case", CATALOGUE, ids=[c["id"] for c in CATALOGUE])
def test_bad_article(case, tmp_path):
    article = _write_case(case, tmp_path)
    cmd = [sys.executable, "-m", "exportrow.cli", "check", "--article", article, *case.get("args", [])]
    if case.get("annotation"):
        cmd.insert(4, str(tmp_path / "article.yaml"))
    res = subprocess.run(cmd, capture_output=True, text=True, timeout=120)
    assert "Traceback" not in res.stderr + res.stdout
    assert case["message"] in res.stderr, res.stderr
    assert res.returncode == case["exit_code"], res.stderr
