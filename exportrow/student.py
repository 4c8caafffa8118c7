"""``exportrow student-edition``: the notebooks for a class, without answers, and a printable worksheet each.

What it writes into ``--out DIR``::

    notebooks/NN-*.ipynb        each notebook with its outputs cleared and its solutions removed
    exportrow/coding-guide.md   documents the notebooks link to, so that their links work
    worksheets/NN-*.html        a hand-out page: the notebook's question, its exercise written for paper
                                (:mod:`exportrow.handout`) with the article's words it needs and space to
                                answer; no code, no answers
    worksheets/answers/NN-*.html   its answers, on a sheet of their own: under "Check your answer", what the
                                notebook computes and its charts (to hand out after the exercise)
    worksheets/**/NN-*.pdf      the same pages printed by headless Chromium (Debian's ``chromium``), dated the
                                article's publication day (or ``SOURCE_DATE_EPOCH``), never the clock, so that
                                two runs give byte-identical files
    data/                       for another article (``--article``/``--annotation``): a copy of the article, its
                                annotation and the codings kept beside it
    .exportrow.json             the marker that says exportrow wrote this folder (kind ``student-edition``)

The charts on the worksheets are the ones stored in the committed notebooks (the bundled article, default
parameters); an edition for another article (``--article``) prints none, and its notebooks' ``parameters`` cells
point at the copies in ``data/`` by paths relative to ``notebooks/`` (where JupyterLab runs a notebook), so the
folder works wherever it is copied. Every notebook writes its tables and figures into ``notebooks/outputs/NN-*/``
(its ``output_dir``), beside it, never into the exportrow installation.

``DIR`` follows exportrow's one rule for output folders (:mod:`exportrow.outdir`): a folder that is not empty is
replaced only if exportrow published it (it holds the marker), never a project folder or the home folder; the
edition is built beside ``DIR`` under a lock and swapped into place only when everything is written.

Nothing here imports Jupyter or matplotlib at module load; ``mistune`` (a dependency of nbconvert) renders the
notebooks' Markdown for the worksheets.
"""

from __future__ import annotations

import base64
import copy
import json
import re
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from exportrow import outdir, paths
from exportrow.errors import UsageError
from exportrow.escape import csp_meta, html_attribute, html_text
from exportrow.outdir import OutputFolderError

if TYPE_CHECKING:  # the hand-outs need pandas: loaded only when a worksheet is made
    from exportrow.handout import Handout

__all__ = ["MARKER", "OutputFolderError", "check_output_folder", "blank_notebook", "solution_free",
           "Worksheet", "worksheet", "worksheet_html", "find_chromium", "print_pdf", "pdf_stamp", "fix_pdf_dates",
           "write_student_edition",
           "register"]

NOTEBOOKS = paths.PROJECT_ROOT / "notebooks"
#: The marker of every folder exportrow publishes (see :mod:`exportrow.outdir`).
MARKER = outdir.MARKER
#: Cell tags that mark a solution (removed from the student edition).
SOLUTION_TAGS = ("solution", "solutions", "answer")
_SOLUTION_SENTENCE = re.compile(r"[^.?!\n]*\bsolutions?/[^\s`)]*\.ipynb[^.\n]*\."
                                r"(?:[ \t]*Try the exercise first\.)?[ \t]*")
_DATA_PNG = re.compile(r"data:image/png;base64,([A-Za-z0-9+/=\s]+)")
_HEADING = re.compile(r"^(#{1,6})\s+(.+?)\s*#*\s*$", re.M)
_ANSWER_LINES = 11
_PART_LINES = 5  # lines of the box after each part of a paper exercise
_LINE = '<div class="line"></div>'
_EXERCISE = re.compile(r"^(exercises?|activity|your turn)\b", re.I)


def check_output_folder(out: str | Path) -> Path:
    """Check that ``out`` may be (re)written as a student edition: exportrow's one rule for output folders.

    Example:
        >>> import tempfile
        >>> d = Path(tempfile.mkdtemp())
        >>> check_output_folder(d / "new") == (d / "new").resolve(), check_output_folder(d) == d.resolve()
        (True, True)
        >>> _ = (d / "notes.txt").write_text("mine")
        >>> check_output_folder(d)  # doctest: +ELLIPSIS
        Traceback (most recent call last):
        ...
        exportrow.outdir.OutputFolderError: --out ...: the folder holds files that exportrow did not write ...
    """
    return outdir.check_out(out, "student-edition")


def _tags(cell) -> list[str]:
    return list(cell.get("metadata", {}).get("tags", []))


def solution_free(nb: dict) -> dict:
    """A copy of notebook ``nb`` without solutions: no cell tagged as one, no sentence pointing to ``solutions/``,
    and no cell papermill injected.

    Example:
        >>> nb = {"cells": [{"cell_type": "markdown", "metadata": {}, "source": "Do it. A worked solution is in "
        ...                  "`solutions/01-x-solutions.ipynb`. Try the exercise first."},
        ...                 {"cell_type": "code", "metadata": {"tags": ["solution"]}, "source": "42", "outputs": []}]}
        >>> [c["source"] for c in solution_free(nb)["cells"]]
        ['Do it.']
    """
    nb = copy.deepcopy(nb)
    cells = []
    for cell in nb.get("cells", []):
        tags = _tags(cell)
        if any(t in SOLUTION_TAGS for t in tags) or "injected-parameters" in tags:
            continue
        if cell.get("cell_type") == "markdown":
            cell["source"] = _SOLUTION_SENTENCE.sub("", "".join(cell["source"])).rstrip()
        cells.append(cell)
    nb["cells"] = cells
    return nb


def blank_notebook(nb: dict) -> dict:
    """Notebook ``nb`` as students get it: outputs cleared, solutions removed, metadata clean.

    Example:
        >>> nb = {"metadata": {}, "cells": [{"cell_type": "code", "metadata": {"tags": ["parameters"]},
        ...       "execution_count": 3, "source": "x: int = 1  # a number", "outputs": [{"output_type": "stream",
        ...       "name": "stdout", "text": "1"}]}]}
        >>> cell = blank_notebook(nb)["cells"][0]
        >>> cell["outputs"], cell["execution_count"], cell["metadata"]
        ([], None, {'tags': ['parameters']})
    """
    from exportrow.nbtools import clean_notebook

    nb = clean_notebook(solution_free(nb))
    for cell in nb["cells"]:
        if cell.get("cell_type") == "code":
            cell["outputs"], cell["execution_count"] = [], None
    return nb


@dataclass
class Chart:
    """A chart stored in a notebook's output: PNG bytes, its alt text, and the heading of its section."""

    png: bytes
    alt: str
    heading: str


@dataclass
class Worksheet:
    """What a hand-out shows of one notebook."""

    name: str
    title: str
    question: str
    charts: list[Chart] = field(default_factory=list)
    exercises: list[str] = field(default_factory=list)
    #: the paper exercise (:mod:`exportrow.handout`); when set, it replaces the notebook's exercise text
    handout: Handout | None = None
    #: the article the sheet is about, one line (shown under the title)
    article: str = ""
    #: said where the charts would be, when there are none to print (e.g. they are of another article)
    charts_note: str = ""


def _source(cell) -> str:
    return "".join(cell.get("source", ""))


def _charts(cell, heading: str) -> list[Chart]:
    out = []
    for o in cell.get("outputs", []):
        data = o.get("data", {})
        html = "".join(data.get("text/html", ""))
        found = _DATA_PNG.search(html)
        b64 = "".join(data["image/png"]) if "image/png" in data else (found.group(1) if found else "")
        if not b64:
            continue
        alt = re.search(r'\balt="([^"]*)"', html)
        text = "".join(data.get("text/plain", ""))
        alt_text = (_unescape(alt.group(1)) if alt else text.removeprefix("[chart] ")).strip()
        out.append(Chart(base64.b64decode("".join(b64.split())), alt_text, heading))
    return out


def _unescape(text: str) -> str:
    import html

    return html.unescape(text)


def worksheet(nb: dict, name: str) -> Worksheet:
    """The parts of notebook ``nb`` that go on its hand-out.

    The title is the first heading, the question the paragraph that opens with ``**Question.**``, the charts
    every image among the outputs (with the heading of the section it is in), and the exercises every section
    whose heading starts with "Exercise" (or a cell tagged ``exercise``), without pointers to the solutions.

    Example:
        >>> nb = {"cells": [{"cell_type": "markdown", "source": "# 01 · Title\\n\\n**Question.** Why?\\n\\nMore."},
        ...                 {"cell_type": "markdown", "source": "## Exercise\\n\\nCount them. A worked solution "
        ...                  "is in `solutions/01-x.ipynb`."}]}
        >>> ws = worksheet(nb, "01-x")
        >>> ws.title, ws.question, ws.exercises
        ('01 · Title', 'Why?', ['Count them.'])
    """
    nb = solution_free(nb)
    title, question, heading = name, "", ""
    ws = Worksheet(name, title, question)
    in_exercise = 0  # heading level of the exercise section we are in, 0 when outside one
    for cell in nb.get("cells", []):
        text = _source(cell)
        if cell.get("cell_type") == "markdown":
            headings = _HEADING.findall(text)
            if headings and ws.title == name and headings[0][0] == "#":
                ws.title = headings[0][1]
            q = re.search(r"\*\*Question\.\*\*\s*(.+?)(?:\n\s*\n|$)", text, re.S)
            if q and not ws.question:
                ws.question = " ".join(q.group(1).split())
            for level, words in headings:
                if _EXERCISE.match(words.strip("*_ ")):
                    in_exercise = len(level)
                elif in_exercise and len(level) <= in_exercise:
                    in_exercise = 0
                heading = words
            if in_exercise or "exercise" in _tags(cell):
                body = _HEADING.sub("", text).strip() if in_exercise else text.strip()
                if body:
                    ws.exercises.append(body)
        elif cell.get("cell_type") == "code":
            ws.charts.extend(_charts(cell, heading))
    return ws


def _markdown(text: str) -> str:
    import mistune

    return mistune.create_markdown(escape=True, plugins=["table", "strikethrough"])(text)


_CSS = """
@page { size: A4; margin: 16mm 16mm 14mm; }
* { box-sizing: border-box; }
body { font-family: "DejaVu Sans", "Liberation Sans", Arial, sans-serif; font-size: 11pt; line-height: 1.45;
       color: #111; margin: 0; }
header { display: flex; justify-content: space-between; align-items: baseline; border-bottom: 2px solid #111;
         padding-bottom: 4pt; margin-bottom: 10pt; font-size: 9.5pt; color: #333; white-space: nowrap; }
h1 { font-size: 17pt; line-height: 1.2; margin: 0 0 8pt; }
h2 { font-size: 12.5pt; margin: 14pt 0 5pt; text-transform: uppercase; letter-spacing: .04em; color: #333; }
.question { border-left: 4px solid #0072B2; padding: 4pt 10pt; background: #f2f7fb; }
figure { margin: 8pt 0 12pt; break-inside: avoid; page-break-inside: avoid; text-align: center; }
figure img { max-width: 100%; max-height: 150mm; border: 1px solid #ccc; }
figcaption { font-size: 9.5pt; color: #333; text-align: left; margin-top: 3pt; }
.exercise { break-inside: avoid-page; }
code { font-family: "DejaVu Sans Mono", monospace; font-size: 9.5pt; background: #f3f3f3; padding: 0 2pt; }
.answer { margin: 6pt 0 12pt; border: 1px solid #888; border-radius: 3pt; padding: 2pt 8pt 0;
          break-inside: avoid; page-break-inside: avoid; }
.answer .label { font-size: 8.5pt; color: #666; }
.answer .line { height: 9mm; border-bottom: 1px solid #bbb; }
.answer .line:last-child { border-bottom: none; }
.note { font-size: 9pt; color: #444; margin: -4pt 0 8pt; }
.article { font-size: 9.5pt; color: #333; margin: -4pt 0 6pt; }
h3 { font-size: 11pt; margin: 12pt 0 4pt; break-after: avoid-page; page-break-after: avoid; }
.exercise.paper { break-inside: auto; }
.parts > li { margin-top: 6pt; break-inside: avoid; page-break-inside: avoid; }
.parts .answer .line { height: 8mm; }
blockquote { margin: 4pt 0 8pt; padding: 3pt 10pt; border-left: 3px solid #999; background: #f6f6f6; }
table { border-collapse: collapse; margin: 4pt 0 8pt; font-size: 9.5pt; width: 100%; }
th, td { border: 1px solid #bbb; padding: 2pt 5pt; text-align: left; vertical-align: top; }
th { background: #eee; }
tr { break-inside: avoid; page-break-inside: avoid; }
table.to-code td:nth-child(n+3) { width: 14%; }
.lists { font-size: 9.5pt; border: 1px dashed #999; padding: 2pt 8pt; margin: 6pt 0; }
.lists p { margin: 3pt 0; }
ol.frames { columns: 2; margin: 2pt 0 4pt; padding-left: 18pt; }
.check { break-before: page; page-break-before: always; }
"""


def _answer_box(lines: int) -> str:
    return f'<div class="answer"><div class="label">Your answer</div>{_LINE * lines}</div>'


def _paper_exercises(handout: Handout) -> str:
    """The hand-out's exercises as HTML (already escaped by :mod:`exportrow.handout`), a box after each part."""
    out = []
    for i, ex in enumerate(handout.exercises, 1):
        number = f" {i}" if len(handout.exercises) > 1 else ""
        parts = "".join(f"<li>{text}{_answer_box(lines) if lines else ''}</li>" for text, lines in
                        (p if isinstance(p, tuple) else (p, _PART_LINES) for p in ex.parts))
        body = f'<ol class="parts">{parts}</ol>' if parts else _answer_box(_ANSWER_LINES)
        out.append(f'<section class="exercise paper"><h2>Exercise{number}</h2>{ex.intro}'
                   f'<div class="material">{ex.material}</div>{body}</section>')
    return "".join(out)


def worksheet_html(ws: Worksheet, part: str = "both") -> str:
    """The hand-out page for worksheet ``ws``: standalone HTML, A4, no script, images inline.

    The exercises come first, with the material they need; the answers (the hand-out's check and the
    notebook's charts, which show what the notebook computes) come after them, under "Check your answer",
    on a page of their own. ``part``: ``"both"`` (one page with both), ``"exercise"`` (the sheet to hand out,
    without the answers) or ``"answers"`` (the answers alone, to hand out after the exercise; "" when there are
    none). The student edition writes the last two as separate files, so that sharing the sheets never shares the
    answers.

    Example:
        >>> page = worksheet_html(Worksheet("01-x", "01 · <Title>", "Why?", [], ["Count **them**."]))
        >>> "<h1>01 · &lt;Title&gt;</h1>" in page, "<strong>them</strong>" in page, "<script" in page
        (True, True, False)
        >>> from exportrow.handout import Exercise, Handout
        >>> page = worksheet_html(Worksheet("01-x", "T", "Why?", handout=Handout([Exercise("<p>Do it.</p>",
        ...     "<p>material</p>", ["one", "two"])], "<p>42</p>")))
        >>> page.index("<h2>Exercise</h2>") < page.index("<h2>Check your answer") < page.index("<p>42</p>")
        True
        >>> sheet = worksheet_html(Worksheet("01-x", "T", "Why?", handout=Handout([Exercise("<p>Do it.</p>",
        ...     "<p>material</p>", ["one"])], "<p>42</p>")), "exercise")
        >>> "<p>42</p>" in sheet, "Check your answer" in sheet, "<h2>Exercise</h2>" in sheet
        (False, False, True)
    """
    if part not in ("both", "exercise", "answers"):
        raise UsageError(f"part must be 'both', 'exercise' or 'answers', not {part!r}")
    figures = "".join(
        f'<figure><img src="data:image/png;base64,{base64.b64encode(c.png).decode("ascii")}" '
        f'alt="{html_attribute(c.alt)}"><figcaption>Chart {i}'
        f'{f", from the section &ldquo;{html_text(c.heading)}&rdquo;" if c.heading else ""}'
        " of the notebook</figcaption></figure>"
        for i, c in enumerate(ws.charts, 1))
    if ws.handout is not None:
        exercises = _paper_exercises(ws.handout)
    else:
        exercises = "".join(
            f'<section class="exercise"><h2>Exercise{f" {i}" if len(ws.exercises) > 1 else ""}</h2>'
            f"{_markdown(text)}{_answer_box(_ANSWER_LINES)}</section>"
            for i, text in enumerate(ws.exercises, 1))
    if not exercises:
        exercises = ('<section class="exercise"><h2>Notes</h2><div class="answer"><div class="label">What do the '
                     f"charts show? What do they not show?</div>{_LINE * _ANSWER_LINES}</div>"
                     "</section>")
    check = ws.handout.check if ws.handout is not None else ""
    charts = (f"<h3>The notebook&rsquo;s charts</h3>{figures}" if figures and check else figures)
    note = f'<p class="note">{html_text(ws.charts_note)}</p>' if ws.charts_note else ""
    after, answers = "", False
    if check or figures or note:
        heading = "Check your answer" if check or ws.exercises or ws.handout is not None else "Charts"
        answers = heading == "Check your answer"  # charts with no exercise to answer stay on the sheet
        after = (f'<section class="check"><h2>{heading}</h2><p class="note">Only after you have written your '
                 f"answers: what the notebook computes from the article.</p>{check}{charts}{note}</section>")
    question = f'<h2>Question</h2><div class="question">{_markdown(ws.question)}</div>' if ws.question else ""
    article = f'<p class="article">{html_text(ws.article)}</p>' if ws.article else ""
    if part == "answers":
        return _answers_page(ws, article, after) if answers else ""
    turn = ("Turn to &ldquo;Check your answer&rdquo; only when you are done." if part == "both" or not answers else
            "The answers come on a separate sheet, after the exercise.")
    if part == "exercise" and answers:
        after = ""
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">{csp_meta()}
<title>Worksheet {html_text(ws.name)}</title><style>{_CSS}</style></head>
<body>
<header><span>Worksheet · exportrow</span>
<span>Name ________________________ &nbsp; Date ______________</span></header>
<h1>{html_text(ws.title)}</h1>
{article}<p class="note">Hand-out for the notebook {html_text(ws.name)}.ipynb. No code needed: work from
the question and the material printed here, and write your answers in the boxes. {turn}</p>
{question}
{exercises}
{after}
</body></html>
"""


def _answers_page(ws: Worksheet, article: str, check: str) -> str:
    """The answers of worksheet ``ws`` on a sheet of their own (:func:`worksheet_html`, ``part="answers"``)."""
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">{csp_meta()}
<title>Answers {html_text(ws.name)}</title><style>{_CSS} .check {{ break-before: auto; page-break-before: auto; }}
</style></head>
<body>
<header><span>Answers · exportrow</span><span>for the teacher, or after the exercise</span></header>
<h1>Answers · {html_text(ws.title)}</h1>
{article}<p class="note">The answers to the worksheet {html_text(ws.name)}: hand them out only after the
exercise.</p>
{check}
</body></html>
"""


def find_chromium() -> str | None:
    """Debian's headless-capable Chromium, if installed (``chromium`` or ``chromium-browser``); else None.

    Example:
        >>> found = find_chromium()
        >>> found is None or Path(found).name.startswith("chromium")
        True
    """
    return shutil.which("chromium") or shutil.which("chromium-browser")


class PrintError(UsageError):
    """The worksheet PDF could not be printed (no Chromium, or Chromium failed)."""


#: A PDF's dates, as Chromium (Skia) writes them in its information dictionary: ``/ModDate (D:20261202065943+00'00')``.
_PDF_DATE = re.compile(rb"(/(?:CreationDate|ModDate)\s*\(D:)(\d{14})([^)]{0,7})\)")


def pdf_stamp(date=None, env=None) -> str:
    """The date a worksheet PDF records, as ``YYYYMMDDHHMMSS`` (UTC): ``SOURCE_DATE_EPOCH`` when it is set (the
    reproducible-builds convention), else ``date`` (the article's publication day) at midnight, else 1 Jan 1980.
    Never the clock: two runs give byte-identical PDFs. ``env``: the environment (default ``os.environ``).

    Example:
        >>> import datetime as dt
        >>> pdf_stamp(dt.date(2019, 7, 12), {}), pdf_stamp(None, {}), pdf_stamp(None, {"SOURCE_DATE_EPOCH": "86400"})
        ('20190712000000', '19800101000000', '19700102000000')
    """
    import datetime as dt
    import os

    epoch = str((os.environ if env is None else env).get("SOURCE_DATE_EPOCH", "")).strip()
    if epoch.isdigit() and len(epoch) <= 11:  # up to the year 5138; a longer one is no date
        return dt.datetime.fromtimestamp(int(epoch), dt.UTC).strftime("%Y%m%d%H%M%S")
    return f"{date:%Y%m%d}000000" if date is not None and date.year >= 1000 else "19800101000000"


def fix_pdf_dates(pdf: bytes, stamp: str) -> bytes:
    """``pdf`` with its ``/CreationDate`` and ``/ModDate`` set to ``stamp`` (:func:`pdf_stamp`) in UTC, byte for byte
    as long as before, so that the cross-reference offsets stay valid.

    Example:
        >>> old = b"<< /CreationDate (D:20261202065943+09'00') /ModDate (D:20261202065943Z) >>"
        >>> new = fix_pdf_dates(old, "20190712000000")
        >>> new
        b"<< /CreationDate (D:20190712000000+00'00') /ModDate (D:20190712000000Z) >>"
        >>> len(new) == len(old)
        True
    """
    def fixed(m: re.Match) -> bytes:
        zone = m.group(3)  # +09'00' becomes +00'00': the same length, in UTC
        utc = re.sub(rb"\d", b"0", zone).replace(b"-", b"+") if zone[:1] in (b"+", b"-") else zone
        return m.group(1) + stamp.encode() + utc + b")"

    if not re.fullmatch(r"\d{14}", stamp):
        return pdf
    out = _PDF_DATE.sub(fixed, pdf)
    return out if len(out) == len(pdf) else pdf


_NODE_ID = re.compile(rb"\(node(\d{8})\)")
_ID_LEAF = re.compile(rb"/Limits \[\(node\d{8}\) \(node\d{8}\)\]\n/Names \[((?:\(node\d{8}\) \d+ 0 R ?)+)\]")


def fix_pdf_ids(pdf: bytes) -> bytes:
    """``pdf`` with the ids of its tagged table headers (``(node00000029)``) numbered in the order they appear.

    Chromium names them after its own DOM node numbers, which differ from run to run when the machine is busy; the
    same page then prints to a different PDF. Renumbered ``node00000001``, ``node00000002``, ... in the order of
    the file, and with the id tree's one leaf sorted again, two prints are the same byte for byte, as long as before
    (so the cross-reference offsets stay valid). A PDF whose id tree is not one leaf is left as it is.

    Example:
        >>> leaf = b"/Limits [(node00000006) (node00000030)]\\n/Names [(node00000006) 45 0 R (node00000030) 43 0 R]"
        >>> pdf = b"43 0 obj <</ID (node00000030)>> 45 0 obj <</ID (node00000006)>> 99 0 obj <<" + leaf + b">>"
        >>> fix_pdf_ids(pdf).decode()[-94:]
        '/Limits [(node00000001) (node00000002)]\\n/Names [(node00000001) 43 0 R (node00000002) 45 0 R]>>'
        >>> len(fix_pdf_ids(pdf)) == len(pdf)
        True
    """
    leaves = _ID_LEAF.findall(pdf)
    if len(leaves) != 1:
        return pdf
    order: dict[bytes, bytes] = {}
    for m in _NODE_ID.finditer(pdf):
        order.setdefault(m.group(1), b"%08d" % (len(order) + 1))
    renamed = _NODE_ID.sub(lambda m: b"(node" + order[m.group(1)] + b")", pdf)

    def sorted_leaf(m: re.Match) -> bytes:
        pairs = sorted(re.findall(rb"\(node\d{8}\) \d+ 0 R", m.group(1)))
        keys = [p[:14] for p in pairs]
        return b"/Limits [" + keys[0] + b" " + keys[-1] + b"]\n/Names [" + b" ".join(pairs) + b"]"

    out = _ID_LEAF.sub(sorted_leaf, renamed)
    return out if len(out) == len(pdf) else pdf


def print_pdf(html_path: Path, pdf_path: Path, *, chromium: str | None = None, timeout: int = 120,
              stamp: str | None = None) -> Path:
    """Print ``html_path`` to ``pdf_path`` with headless Chromium's print-to-PDF (no header or footer).

    Debian's Chromium is used as installed; nothing is downloaded. A failure raises :class:`PrintError`.
    Chromium records the time of printing as the PDF's dates; they are set to ``stamp`` (default
    :func:`pdf_stamp`), and its table headers' ids are renumbered (:func:`fix_pdf_ids`), so that two runs give
    byte-identical files.

    Example:
        >>> import tempfile
        >>> page = Path(tempfile.mkdtemp()) / "page.html"
        >>> _ = page.write_text("<p>A worksheet</p>")
        >>> pdf = print_pdf(page, page.with_suffix(".pdf")) if find_chromium() else None
        >>> pdf is None or pdf.read_bytes().startswith(b"%PDF")
        True
    """
    chromium = chromium or find_chromium()
    if not chromium:
        raise PrintError("printing the worksheets needs Debian's chromium (apt-get install chromium); "
                         "or run with --no-pdf to write the HTML worksheets only")
    with tempfile.TemporaryDirectory(prefix="exportrow-chromium-") as profile:
        cmd = [chromium, "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
               "--no-first-run", "--disable-background-networking", "--disable-component-update",
               "--disable-sync", f"--user-data-dir={profile}", "--no-pdf-header-footer",
               f"--print-to-pdf={pdf_path}", Path(html_path).resolve().as_uri()]
        try:
            res = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout, stdin=subprocess.DEVNULL)
        except subprocess.TimeoutExpired as exc:
            raise PrintError(f"chromium did not print {html_path.name} within {timeout} s") from exc
    if res.returncode != 0 or not pdf_path.is_file() or not pdf_path.read_bytes().startswith(b"%PDF"):
        tail = " ".join(res.stderr.strip().splitlines()[-2:])
        raise PrintError(f"chromium could not print {html_path.name} (exit {res.returncode}): {tail}")
    printed = pdf_path.read_bytes()
    fixed = fix_pdf_ids(fix_pdf_dates(printed, stamp or pdf_stamp()))
    if fixed != printed:
        pdf_path.write_bytes(fixed)
    return pdf_path


def _notebooks(selected: list[str] | None) -> list[Path]:
    every = sorted(NOTEBOOKS.glob("[0-9][0-9]-*.ipynb"))
    if not selected:
        return every
    out = []
    for want in selected:
        hits = [nb for nb in every if want in (nb.stem, nb.name) or nb.stem.startswith(f"{want}-")]
        if len(hits) != 1:
            raise UsageError(f"no single notebook matches {want!r}; choose from: {', '.join(p.stem for p in every)}")
        out.append(hits[0])
    return out


def _copy_linked_documents(nb: dict, source: Path, dest_root: Path) -> None:
    """Copy the project files a notebook links to as ``](../path)`` so that the links work in the edition."""
    root = source.parent.parent.resolve()
    for cell in nb.get("cells", []):
        if cell.get("cell_type") != "markdown":
            continue
        for target in re.findall(r"\]\(\.\./([^)#\s]+)", _source(cell)):
            src = (root / target).resolve()
            if src.is_file() and src.is_relative_to(root) and src.suffix in (".md", ".yaml", ".csv", ".txt"):
                if src.is_relative_to(paths.DATA / "raw"):
                    continue  # the article's text is not ours to hand out
                dest = dest_root / src.relative_to(root)
                dest.parent.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(src, dest)


_ARTICLE_PARAMETERS = ("article_path", "annotation_path", "published", "outlet", "timezone")


def with_parameters(nb: dict, values: dict[str, str]) -> dict:
    """A copy of notebook ``nb`` whose ``parameters`` cell gives the ``str`` parameters in ``values`` those values
    (each line keeps its type and its comment); other lines and cells are unchanged.

    Example:
        >>> nb = {"cells": [{"cell_type": "code", "metadata": {"tags": ["parameters"]},
        ...        "source": 'article_path: str = ""  # the article\\nyears: list = []  # years'}]}
        >>> print(with_parameters(nb, {"article_path": "/data/my article.txt"})["cells"][0]["source"])
        article_path: str = "/data/my article.txt"  # the article
        years: list = []  # years
    """
    nb = copy.deepcopy(nb)
    for cell in nb.get("cells", []):
        if cell.get("cell_type") == "code" and "parameters" in _tags(cell):
            lines = _source(cell).split("\n")
            for i, line in enumerate(lines):
                m = re.match(r"^(\w+): str = (?:\"[^\"]*\"|'[^']*')(.*)$", line)
                if m and m.group(1) in values:
                    lines[i] = f"{m.group(1)}: str = {json.dumps(str(values[m.group(1)]), ensure_ascii=False)}" \
                               f"{m.group(2)}"
            cell["source"] = "\n".join(lines)
    return nb


def _article_line(article) -> str:
    """The article a worksheet is about, in one line: title, outlet, date."""
    date = article.published_date
    parts = [f"\u201c{' '.join(str(article.title).split())}\u201d" if article.title else article.name,
             article.outlet or "", f"{date.day} {date:%B %Y}" if date else ""]
    return "Article: " + ", ".join(p for p in parts if p)


#: Where a student edition's notebooks write their tables and figures: a folder beside them (their ``output_dir``).
EDITION_OUTPUTS = "outputs"
#: The folder inside ``worksheets/`` that holds each worksheet's answers, apart from the sheet handed out.
ANSWERS = "answers"
#: Where a student edition keeps the article, annotation and codings it was made for (beside ``notebooks/``).
EDITION_DATA = "data"


def _edition_inputs(ann, given: dict, tmp: Path, notes: list[str]) -> dict[str, str]:
    """Copy the article (when one was given) and its annotation with the codings beside it into the edition's
    ``data/`` folder, and return the notebooks' ``article_path``/``annotation_path`` pointing there, relative
    to the notebooks' folder: the edition works on any computer it is copied to. The bundled article is never
    copied (its text is not ours to hand out); it comes with exportrow.

    Only files that read as codings of the article (an annotation or a worksheet, blank or filled) go with the
    annotation; anything else beside it that happens to share its name (a file of grades) stays behind.
    ``notes`` gets one line saying what went into ``data/`` and what was left out."""
    from exportrow.agreement import _left_out, blank_codings, find_codings, read_coding
    from exportrow.errors import ExportrowError

    if not ({"article_path", "annotation_path"} & set(given)):
        return {}
    copies = {}
    if "article_path" in given:
        copies["article_path"] = [Path(ann.article.path)]
    codings, left_out = [Path(ann.path)], [p.name for p, _ in _left_out(Path(ann.path), ann.article)]
    for other in find_codings(ann.path, ann.article)[1:]:
        try:
            if not blank_codings([other]):
                read_coding(other, ann.article)
            codings.append(other)
        except (ExportrowError, OSError, ValueError):
            left_out.append(other.name)
    copies["annotation_path"] = codings  # the annotation first, then the other codings
    names: dict[str, Path] = {}
    for sources in copies.values():
        for src in sources:
            if src.name in names and names[src.name].resolve() != src.resolve():
                raise UsageError(f"{src} and {names[src.name]} have the same file name; the student edition keeps "
                                 "them side by side in one folder, so rename one of them")
            names[src.name] = src
    folder = tmp / EDITION_DATA
    folder.mkdir(parents=True, exist_ok=True)
    for name, src in names.items():
        shutil.copyfile(src, folder / name)
    notes.append(f"{EDITION_DATA}/: {', '.join(sorted(names))}" + (
        f" (left out, not codings of this article: {', '.join(sorted(left_out))})" if left_out else ""))
    return {key: f"../{EDITION_DATA}/{sources[0].name}" for key, sources in copies.items()}


def write_student_edition(out: str | Path, notebooks: list[str] | None = None, *, pdf: bool = True,
                          stream=None, article: str | Path | None = None, annotation: str | Path | None = None,
                          published: str | None = None, outlet: str | None = None,
                          timezone: str | None = None) -> Path:
    """Write the student edition into ``out`` (see the module docstring) and return the folder.

    ``article`` and ``annotation`` (default: the bundled article and its annotation) and the metadata
    overrides ``published``, ``outlet``, ``timezone`` choose the article the worksheets' exercises work on;
    the notebooks' ``parameters`` cells are set to them. The notebooks' stored charts are of the bundled
    article with its own metadata, so for any other choice the worksheets print no chart and say how to draw them.

    Example:
        >>> import io, tempfile
        >>> d = write_student_edition(Path(tempfile.mkdtemp()) / "class", ["03"], pdf=False, stream=io.StringIO())
        >>> for p in sorted(p.relative_to(d).as_posix() for p in d.rglob("*") if p.is_file()):
        ...     print(p)
        .exportrow.json
        exportrow/coding-guide.md
        notebooks/03-framing-comparison.ipynb
        worksheets/03-framing-comparison.html
        worksheets/answers/03-framing-comparison.html
    """
    import nbformat

    stream = stream or sys.stderr
    out = check_output_folder(out)  # refuse a bad folder before any work
    chosen = _notebooks(notebooks)
    chromium = find_chromium() if pdf else None
    if pdf and not chromium:
        raise PrintError("printing the worksheets needs Debian's chromium (apt-get install chromium); "
                         "or run with --no-pdf to write the HTML worksheets only")
    from exportrow.article import load_article
    from exportrow.handout import handout
    from exportrow.tables import annotation as checked_annotation

    given = {"article_path": article, "annotation_path": annotation, "published": published, "outlet": outlet,
             "timezone": timezone}
    given = {k: v for k, v in given.items() if v not in (None, "")}
    for key in ("article_path", "annotation_path"):
        if key in given:
            given[key] = str(Path(given[key]).expanduser().resolve())
    if "annotation_path" in given and "article_path" not in given:  # the article the annotation names, not ours
        from exportrow.annotations import article_to_load

        found = article_to_load("", given["annotation_path"])
        if found is not None:
            given["article_path"] = str(Path(found).resolve())
    ann = checked_annotation(load_article(given.get("article_path"), published=published, outlet=outlet,
                                          timezone=timezone), given.get("annotation_path"))
    charts_note = "" if not given else (
        "The notebook draws its charts for this article when it runs; they are not printed on this sheet.")
    def say(text: str) -> None:
        print(f"[student-edition] {text}", file=stream, flush=True)

    with outdir.Publication(out, "student-edition") as pub:
        tmp = pub.tmp
        notes: list[str] = []
        values = {**given, **_edition_inputs(ann, given, tmp, notes)}
        pages = []
        for path in chosen:
            nb = json.loads(path.read_text(encoding="utf-8"))
            # outputs go beside the edition's notebooks, never into the teacher's exportrow folder
            mine = {**values, "output_dir": f"{EDITION_OUTPUTS}/{path.stem}"}
            blank = nbformat.from_dict(blank_notebook(with_parameters(nb, mine)))
            target = tmp / "notebooks" / path.name
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(nbformat.writes(blank) + "\n", encoding="utf-8")
            _copy_linked_documents(blank, path, tmp)
            page = tmp / "worksheets" / f"{path.stem}.html"
            page.parent.mkdir(parents=True, exist_ok=True)
            ws = worksheet(nb, path.stem)
            ws.handout, ws.article, ws.charts_note = handout(path.stem, ann), _article_line(ann.article), charts_note
            if given:
                ws.charts = []
            page.write_text(worksheet_html(ws, "exercise"), encoding="utf-8")
            pages.append(page)
            answers = worksheet_html(ws, "answers")  # a file of its own: sharing the sheets never shares these
            if answers:
                key = tmp / "worksheets" / ANSWERS / f"{path.stem}.html"
                key.parent.mkdir(parents=True, exist_ok=True)
                key.write_text(answers, encoding="utf-8")
                pages.append(key)
            apart = f", answers apart in worksheets/{ANSWERS}/ (HTML)" if answers else ""
            say(f"{path.stem}: notebook, worksheet (HTML){apart}")  # as each is written, not at the end
        for note in notes:
            say(note)
        if pdf:  # one Chromium per page, two at a time: most of each run is Chromium starting up
            _print_pdfs(pages, tmp, chromium, pdf_stamp(ann.article.published_date), say)
        try:
            return pub.publish()
        except OSError as exc:
            raise pub.write_error(exc, "student edition") from None


def _print_pdfs(pages: list[Path], folder: Path, chromium: str, stamp: str, say) -> None:
    """Print each page beside it as PDF, two at a time, saying so when printing starts and as each PDF is done.

    ``stamp`` is the PDFs' date (never the clock: a rebuilt edition is the same); ``say`` prints a progress line.
    """
    import concurrent.futures as cf
    import threading

    say(f"printing {len(pages)} page(s) as PDF with Chromium, 2 at a time")
    done, lock = [0], threading.Lock()

    def one(page: Path) -> None:
        pdf = print_pdf(page, page.with_suffix(".pdf"), chromium=chromium, stamp=stamp)
        with lock:  # in the worker, before it takes the next page: the line comes as the PDF is done
            done[0] += 1
            say(f"PDF {done[0]}/{len(pages)}: {pdf.relative_to(folder).as_posix()}")

    with cf.ThreadPoolExecutor(max_workers=2) as pool:
        list(pool.map(one, pages))


def _cmd(args) -> int:
    try:
        where = write_student_edition(args.out, args.notebooks, pdf=not args.no_pdf, article=args.article,
                                      annotation=args.annotation, published=args.published, outlet=args.outlet,
                                      timezone=args.timezone)
    except UsageError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return exc.exit_code
    print(f"student edition written to {where}")
    return 0


def register(sub) -> None:
    """Add the ``student-edition`` sub-command to the ``exportrow`` parser.

    Example:
        >>> import argparse
        >>> sub = argparse.ArgumentParser(prog="exportrow").add_subparsers()
        >>> register(sub)
        >>> sub.choices["student-edition"].parse_args(["--out", "class", "--no-pdf"]).no_pdf
        True
    """
    import argparse

    p = sub.add_parser(
        "student-edition", help="the notebooks without outputs or solutions, and a printable worksheet each",
        description="Write the notebooks with their outputs cleared and their solutions removed, and for each\n"
                    "a printable worksheet (its question, its exercise written for paper with the article's\n"
                    "words it needs and space to answer; no code) and, apart in worksheets/answers/, its\n"
                    "answers (what the notebook computes and its charts), each as HTML and as a PDF printed\n"
                    "by headless Chromium.\n"
                    "--article makes the worksheets for that article and points the notebooks at it.\n"
                    "A folder that is not empty is replaced only if exportrow published it (it holds\n"
                    f"{MARKER}); project folders are refused.",
        epilog="examples:\n  exportrow student-edition --out reports/student-edition\n"
               "  exportrow student-edition --out class-01 --notebooks 01\n"
               "  exportrow student-edition --out my-class --article my.txt --annotation my.yaml\n",
        formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--out", default=str(paths.PROJECT_ROOT / "reports" / "student-edition"), metavar="DIR",
                   help="output folder (default: reports/student-edition in the project)")
    p.add_argument("--notebooks", nargs="+", metavar="NAME",
                   help="only these notebooks (number or name; default: all numbered notebooks)")
    p.add_argument("--no-pdf", action="store_true",
                   help="write the worksheets as HTML only (no Chromium needed)")
    p.add_argument("--article", metavar="PATH", default=None,
                   help="the article the worksheets and notebooks work on (default: the bundled Nikkei article)")
    p.add_argument("--annotation", metavar="PATH", default=None,
                   help="its annotation YAML (default: the one paired with the article)")
    from exportrow.cli import metadata_args

    metadata_args(p)
    p.set_defaults(func=_cmd)
