"""A blank coding worksheet made from an annotation, and filled worksheets read back.

A worksheet lists each claim of an annotation (its quote and the sentence around it) with the coding
fields empty: actor, attribution, cue, frame, secondary frame, Entman functions and answers. The
allowed values stand in the sheet and the coding guide is linked. It never carries the annotation's
own coding: the claims get neutral ids (``c01``, ``c02`` ... in article order), because an annotation's
ids often name the side (``kr_...``, ``jp_...``). A coder's side follows from the actor they choose,
and the quote form from the attribution, as in an annotation.

Two forms: YAML (``exportrow worksheet ANNOTATION --out sheet.yaml``) and CSV for a spreadsheet
(``--format csv``). Rows whose ``id`` starts with ``#`` carry the sheet's own data: the article it is
for, the actors, the allowed values. A CSV re-saved by a spreadsheet (byte-order mark, ``;``
separators, CRLF line ends) reads back the same. Cells that a spreadsheet would run as a formula
(``=``, ``+``, ``-``, ``@``) are written with a leading ``'``, which is dropped on reading.

:func:`read_worksheet` reads a filled worksheet back and checks every value; :mod:`exportrow.agreement`
compares codings.
"""

from __future__ import annotations

import csv
import io
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

from exportrow.annotations import ATTRIBUTIONS, ENTMAN, FRAMES
from exportrow.errors import SUGGEST_CUTOFF, ExportrowError, UsageError
from exportrow.files import excerpt, read_text, shown_path

__all__ = ["Worksheet", "WorksheetError", "make_worksheet", "worksheet_yaml", "worksheet_csv", "read_worksheet",
           "write_worksheet", "sheet_format", "worksheet_text", "is_worksheet", "register", "CODING_FIELDS",
           "CSV_COLUMNS", "GUIDE", "csv_rows"]

#: The fields a coder fills in, in the order of the sheet.
CODING_FIELDS = ("actor", "attribution", "cue", "frame", "frame_secondary", "entman", "answers")
#: The CSV form's columns: the four Entman functions get a column each (``x`` or empty).
CSV_COLUMNS = ("id", "start", "quote", "context", "actor", "attribution", "cue", "frame", "frame_secondary",
               *ENTMAN, "answers", "note")
#: Where the coding guide is, in the exportrow project and package.
GUIDE = "exportrow/coding-guide.md"
FORMAT_VERSION = 1
_YAML_MARK = "# exportrow coding worksheet"
_YES = ("x", "yes", "y", "1", "true", "\u2713", "\u2714")
_NO = ("", "no", "n", "0", "false", "-")
_FORMULA = ("=", "+", "-", "@", "\t", "\r")
MAX_WORKSHEET_BYTES = 4_000_000
#: Problems listed in a worksheet's error (the rest are counted): a sheet of wrong quotes would fill the screen.
SHOWN_PROBLEMS = 20


def csv_rows(text: str, **options) -> list[list[str]]:
    """The rows of CSV ``text`` (:func:`csv.reader` with ``options``), with no cell too long to read: the csv
    module's default field limit (131,072 characters) lies under the input cap (:data:`MAX_WORKSHEET_BYTES`), so a
    long note pasted into one cell would make an otherwise valid file unreadable. The limit is raised to the cap for
    this read only (the file was read under that cap, so no cell can be longer).

    Raises:
        csv.Error: The text is no CSV (a quote left open with ``strict=True``).

    Example:
        >>> rows = csv_rows("id;note\\nc01;" + "N" * 200_000 + "\\n", delimiter=";")
        >>> rows[1][0], len(rows[1][1]), csv.field_size_limit()
        ('c01', 200000, 131072)
    """
    old = csv.field_size_limit()
    csv.field_size_limit(max(old, MAX_WORKSHEET_BYTES))
    try:
        return list(csv.reader(io.StringIO(text, newline=""), **options))
    finally:
        csv.field_size_limit(old)


class WorksheetError(ExportrowError, ValueError):
    """A worksheet cannot be read or has bad values; ``.problems`` lists every one of them."""

    def __init__(self, path, problems: list[str]):
        self.problems = list(problems)
        n = len(self.problems)
        head = f"{path}: {n} problem{'s' if n != 1 else ''} in the coding worksheet:"
        more = [f"  ... and {n - SHOWN_PROBLEMS:,} more: fix these first, then run again"] if n > SHOWN_PROBLEMS else []
        super().__init__("\n".join([head, *(f"  - {p}" for p in self.problems[:SHOWN_PROBLEMS]), *more]) if n > 1
                         else f"{path}: {self.problems[0]}")


@dataclass
class Worksheet:
    """A coding worksheet: the article it is for, the actors to choose from, and one row per claim.

    Each claim is a dict with ``id``, ``start`` (offset of the quote in the article, or None for a
    claim a coder added), ``quote``, ``context`` and the coding fields (``entman`` a list; the
    others a value or None).
    """

    article_file: str
    article_sha256: str
    title: str
    actors: list[dict]
    sides: list[str]
    claims: list[dict] = field(default_factory=list)
    coder: str = ""
    path: Path | None = None
    notes: list[str] = field(default_factory=list)  # what reading it noticed and how it counted it (a row missing)

    @property
    def coded(self) -> list[dict]:
        """The claims with at least one coding field filled in (a blank row is a claim not coded)."""
        return [c for c in self.claims if any(c.get(f) not in (None, "", []) for f in CODING_FIELDS)]


def _context(article, span) -> str:
    """The sentence around a claim; for a sentence that is all quotation, the sentence before it too, which names
    the speaker (`"We cannot," said the minister. "Our cities come first."`): a coder codes the actor from it.

    Example:
        >>> from types import SimpleNamespace as S
        >>> sents = [S(start=0, end=39, text='"We cannot," said the minister, Petra.'),
        ...          S(start=40, end=66, text='"Our cities come first."')]
        >>> _context(S(sentences=sents), S(start=41, end=64, text="Our cities come first."))
        '"We cannot," said the minister, Petra. "Our cities come first."'
        >>> _context(S(sentences=sents), S(start=1, end=11, text="We cannot,"))
        '"We cannot," said the minister, Petra.'
    """
    sents = [s for s in article.sentences if s.start < span.end and span.start < s.end]
    if not sents:
        return span.text
    if _all_quotation(sents[0].text) and (before := [s for s in article.sentences if s.end <= sents[0].start]):
        sents.insert(0, before[-1])
    return " ".join(s.text for s in sents)


def _all_quotation(sentence: str) -> bool:
    """Whether nothing but punctuation stands outside the sentence's double quotation marks (no speaker named). A
    quotation the sentence opens and leaves open runs on into the next sentence, so it is quotation to the end of
    this one (review 19a: `"There is no subsidy.` before `Our farmers ...," he told reporters.`).

    Example:
        >>> _all_quotation('"There is no subsidy.'), _all_quotation('\u201cThere is no subsidy.')
        (True, True)
        >>> _all_quotation('"Our cities come first."'), _all_quotation('"We cannot," said the minister.')
        (True, False)
        >>> _all_quotation('"We cannot," she said, "and we will not.'), _all_quotation("There is no subsidy.")
        (False, False)
    """
    outside = re.sub(r'["\u201c][^"\u201c\u201d]*(?:["\u201d]|$)', "", sentence)
    return sentence.lstrip()[:1] in ('"', "\u201c") and not re.search(r"\w", outside)


def make_worksheet(annotation) -> Worksheet:
    """A blank worksheet for the claims of a checked annotation (:func:`exportrow.load_annotation`).

    Example:
        >>> from exportrow import load_annotation
        >>> ws = make_worksheet(load_annotation())
        >>> c = ws.claims[0]
        >>> c["id"], c["actor"], c["frame"], c["entman"], c["quote"] in c["context"]
        ('c01', None, None, [], True)
        >>> len(ws.actors) == len(load_annotation().actors), len(ws.claims) == len(load_annotation().claims)
        (True, True)
    """
    art = annotation.article
    spans = sorted((c["span"] for c in annotation.claims), key=lambda s: (s.start, s.end))
    width = max(2, len(str(len(spans))))
    claims = [{"id": f"c{k:0{width}d}", "start": s.start, "quote": s.text, "context": _context(art, s),
               **{f: ([] if f == "entman" else None) for f in CODING_FIELDS}}
              for k, s in enumerate(spans, 1)]
    actors = [{"id": a["id"], "name": " ".join(str(a["name"]).split()), "side": a["side"]} for a in annotation.actors]
    return Worksheet(article_file=art.path.name, article_sha256=art.sha256, title=art.title, actors=actors,
                     sides=list(annotation.sides), claims=claims)


# ---------------------------------------------------------------- writing


def _scalar(value) -> str:
    """A YAML scalar that reads back as the same text: double-quoted when needed, never a tag.

    Example:
        >>> _scalar('He said: "no" # really'), _scalar("c01"), _scalar(None)
        ('"He said: \\\\"no\\\\" # really"', 'c01', '')
    """
    import yaml

    if value is None:
        return ""
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    text = str(value)
    if re.fullmatch(r"[a-z][a-z0-9_.-]*", text) and yaml.safe_load(text) == text:
        return text
    return yaml.safe_dump(text, default_style='"', allow_unicode=True, width=1_000_000).strip()


def _allowed_lines() -> list[str]:
    frames = ", ".join(f"{k}: {_scalar(v)}" for k, v in FRAMES.items())
    return [
        "allowed:            # the values each field takes (for reading; changing them changes nothing)",
        f"  attribution: [{', '.join(ATTRIBUTIONS)}]",
        "  cue: the reporting verb or hedge as the article has it (free text)",
        f"  frame: {{{frames}}}",
        "  frame_secondary: a frame code, only when the claim clearly works in two frames; else empty",
        f"  entman: [{', '.join(ENTMAN)}]   # any number of them, or []",
        "  answers: the id of the claim in this sheet that this claim answers, or empty",
    ]


def worksheet_yaml(ws: Worksheet) -> str:
    """The worksheet as YAML text, with instructions as comments.

    Example:
        >>> from exportrow import load_annotation
        >>> text = worksheet_yaml(make_worksheet(load_annotation()))
        >>> text.splitlines()[0]
        '# exportrow coding worksheet: code each claim of one article, then compare codings with `exportrow agree`.'
        >>> "\\n  - id: c01\\n    start: " in text and "    frame:\\n" in text
        True
    """
    lines = [
        f"{_YAML_MARK}: code each claim of one article, then compare codings with `exportrow agree`.",
        f"# Coding guide: {GUIDE} (in the exportrow project). Read the article first.",
        "# For each claim below, fill in actor, attribution, cue, frame, frame_secondary, entman and answers.",
        "# Your side follows from the actor you choose. Leave every field of a claim empty if you think it is not",
        "# a claim. Add a claim the sheet misses as a new entry with your own id and the exact words as quote.",
        "# Do not edit id, start, quote or context: they tie your coding to the article.",
        f"exportrow_worksheet: {FORMAT_VERSION}",
        f"coder: {_scalar(ws.coder) or '            '}  # your name or initials (empty: the file name is used)",
        "article:",
        f"  file: {_scalar(ws.article_file)}",
        f"  sha256: {ws.article_sha256}",
        f"  title: {_scalar(ws.title)}",
        f"coding_guide: {GUIDE}",
        f"sides: [{', '.join(_scalar(s) for s in ws.sides)}]",
        "actors:             # who can make a claim, and the side each is on; you may add one",
    ]
    for a in ws.actors:
        lines.append(f"  - {{id: {_scalar(a['id'])}, side: {_scalar(a['side'])}, name: {_scalar(a['name'])}}}")
    lines += _allowed_lines()
    lines.append("claims:")
    for c in ws.claims:
        lines += [f"  - id: {_scalar(c['id'])}", f"    start: {_scalar(c.get('start'))}",
                  f"    quote: {_scalar(c['quote'])}", f"    context: {_scalar(c['context'])}"]
        for f in CODING_FIELDS:
            value = c.get(f)
            if f == "entman":
                lines.append(f"    entman: [{', '.join(_scalar(v) for v in value or [])}]")
            else:
                lines.append(f"    {f}: {_scalar(value)}".rstrip())
    if not ws.claims:
        lines.append("  []")
    return "\n".join(lines) + "\n"


def _cell(value) -> str:
    """A CSV cell that no spreadsheet runs as a formula.

    Example:
        >>> _cell("=HYPERLINK(1)"), _cell("plain"), _cell(None)
        ("'=HYPERLINK(1)", 'plain', '')
    """
    if value is None:
        return ""
    text = str(value)
    return "'" + text if text.startswith(_FORMULA) else text


def _uncell(text: str) -> str:
    return text[1:] if text.startswith("'") and text[1:2] in _FORMULA and text[1:2] else text


def worksheet_csv(ws: Worksheet) -> str:
    """The worksheet as CSV text for a spreadsheet: one row per claim, plus ``#`` rows that describe the sheet.

    Example:
        >>> from exportrow import load_annotation
        >>> rows = list(csv.reader(io.StringIO(worksheet_csv(make_worksheet(load_annotation())))))
        >>> ",".join(rows[0])
        'id,start,quote,context,actor,attribution,cue,frame,frame_secondary,problem_definition,causal_interpretation,\
moral_evaluation,treatment_recommendation,answers,note'
        >>> [row[0] for row in rows[1:5]]
        ['#worksheet', '#article', '#allowed', 'c01']
    """
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(CSV_COLUMNS)

    def row(**cells):
        w.writerow([_cell(cells.get(c)) for c in CSV_COLUMNS])

    row(id="#worksheet", start=f"format {FORMAT_VERSION}",
        quote="exportrow coding worksheet. Fill in the cells from actor to answers for each claim row, with the "
              "values in the #allowed row. For a row that is not a claim, leave its coding cells empty (keep id, "
              "start, quote); add a row with your own id and the exact words for a claim the sheet misses. Do not "
              "edit id, start, quote or context.",
        context=f"Coding guide: {GUIDE} (in the exportrow project). Your side follows from the actor you choose.",
        note="your notes")
    row(id="#article", start=ws.article_sha256, quote=ws.title, context=f"file: {ws.article_file}",
        note=_listed_note(ws))
    actors = "\n".join(f"{a['id']}: {a['name']} [{a['side']}]" for a in ws.actors)
    row(id="#allowed", start="do not edit", quote="the claim's words in the article", context="the sentence around it",
        actor=actors, attribution=" | ".join(ATTRIBUTIONS), cue="the reporting verb or hedge as the article has it",
        frame="\n".join(f"{k} {v}" for k, v in FRAMES.items()),
        frame_secondary="a frame code, only when the claim clearly works in two frames; else empty",
        answers="the id of the claim in this sheet that this claim answers, or empty", note="free text",
        **dict.fromkeys(ENTMAN, "x if the claim does this; else empty"))
    for c in ws.claims:
        row(**{k: v for k, v in c.items() if k != "entman"}, **{e: "x" for e in c.get("entman") or []})
    return buf.getvalue()


#: The ``#article`` row's note lists the sheet's claim rows after this, so that a reader can tell a row that is missing.
_LISTED = "claims: "


def _listed_note(ws: Worksheet) -> str:
    """The ``#article`` row's note: the ids of the sheet's claim rows (none if an id holds a space or is empty).

    Example:
        >>> _listed_note(Worksheet("a.txt", "", "", [], [], [{"id": "c01"}, {"id": "c02"}]))
        'claims: c01 c02'
    """
    ids = [str(c.get("id") or "") for c in ws.claims]
    if not ids or not all(re.fullmatch(r"[^\s,;]+", i) for i in ids):
        return ""
    return _LISTED + " ".join(ids)


def is_worksheet(path: str | Path) -> bool:
    """Whether a file is an exportrow worksheet (its first line says so), without reading all of it.

    Example:
        >>> is_worksheet(__file__)
        False
    """
    try:
        with open(path, "rb") as fh:
            head = fh.read(4096).decode("utf-8", errors="replace").lstrip("\ufeff")  # two, re-saved twice
    except OSError:
        return False
    first = head.split("\n", 1)[0].strip()
    if first.startswith(_YAML_MARK) or re.search(r"^exportrow_worksheet:", head, re.M):
        return True
    return bool(re.match(r"""^["']?id["']?\s*[,;\t]""", first)) and "#worksheet" in head


_SUFFIX_FORMATS = {".csv": "csv", ".yaml": "yaml", ".yml": "yaml"}


def sheet_format(out: str | Path | None, fmt: str | None = None) -> str:
    """The format of a worksheet written to ``out``: ``fmt``, else the one its suffix names, else yaml.

    A ``fmt`` that ``out``'s suffix contradicts is refused: `exportrow agree` could not read a CSV sheet named
    ``.yaml`` back (it reads such a file as YAML), and a spreadsheet cannot open a YAML sheet named ``.csv``.

    Raises:
        UsageError: ``fmt`` contradicts the suffix of ``out``, with both ways out.

    Example:
        >>> sheet_format("sheet.csv"), sheet_format("sheet.yml"), sheet_format("sheet.txt"), sheet_format(None, "csv")
        ('csv', 'yaml', 'yaml', 'csv')
        >>> sheet_format("sheet.yaml", "csv")
        Traceback (most recent call last):
        ...
        exportrow.errors.UsageError: --format csv does not match --out sheet.yaml: ...; use --out sheet.csv, ...
    """
    named = _SUFFIX_FORMATS.get(Path(out).suffix.lower()) if out else None
    if fmt and named and fmt != named:
        out = Path(out)
        why = (f"`exportrow agree` reads a {out.suffix} file as YAML, so it could not read this CSV sheet back"
               if named == "yaml" else
               f"a spreadsheet opens a {out.suffix} file as CSV, and this YAML sheet is not CSV")
        raise UsageError(f"--format {fmt} does not match --out {out}: {why}; use --out {out.with_suffix('.' + fmt)}, "
                         f"or --format {named}")
    return fmt or named or "yaml"


def write_worksheet(ws: Worksheet, out: str | Path, fmt: str | None = None, *, force: bool = False) -> Path:
    """Write ``ws`` to ``out`` as YAML or CSV, atomically, with a checksum line (:func:`worksheet_text`). Without
    ``fmt``, the suffix of ``out`` decides (``.csv``: CSV; otherwise YAML), as for ``exportrow worksheet``.

    exportrow's one rule for output files (:func:`exportrow.outdir.check_out_file`): an existing worksheet is replaced
    only while it is exactly as exportrow wrote it: byte for byte what it would write now, or matching the checksum on
    its second line. Anything else (a coder's name, comments, an added actor, claim, column or ``#`` row, coding or
    notes, a sheet re-saved by a spreadsheet, or any other file) is never replaced, ``force`` or not (``force`` is
    kept for older scripts and changes nothing).

    Raises:
        UsageError: Unknown format, or ``out`` may not be replaced (an ``OutputFolderError``).

    Example:
        >>> import tempfile
        >>> from exportrow import load_annotation
        >>> p = Path(tempfile.mkdtemp()) / "sheet.csv"
        >>> write_worksheet(make_worksheet(load_annotation()), p, "csv").name
        'sheet.csv'
        >>> write_worksheet(make_worksheet(load_annotation()), p, "csv").name  # as exportrow wrote it: replaced
        'sheet.csv'
        >>> _ = p.write_text(p.read_text(encoding="utf-8") + "#my notes,ask Mr Lind\\n", encoding="utf-8")
        >>> write_worksheet(make_worksheet(load_annotation()), p, "csv", force=True)  # doctest: +ELLIPSIS
        Traceback (most recent call last):
        ...
        exportrow.outdir.OutputFolderError: --out .../sheet.csv: exists and is a coding worksheet changed since ...
    """
    from exportrow.export import write_atomic

    if fmt not in (None, "yaml", "csv"):
        raise UsageError(f"--format must be yaml or csv, not {excerpt(fmt)}")
    out = Path(out)
    fmt = sheet_format(out, fmt)  # a format its suffix contradicts could not be read back
    if out.is_dir():
        raise UsageError(f"{out} is a folder; name the worksheet file, e.g. {out / ('worksheet.' + fmt)}")
    text = worksheet_text(ws, fmt, bom=fmt == "csv")  # the mark tells Excel the CSV is UTF-8
    from exportrow.outdir import check_out_file, writing_out

    # a new file too: its folder may be a file (``--out article.txt/w.csv``)
    check_out_file(out, "a coding worksheet that exportrow wrote", is_worksheet, force=True,
                   unchanged=lambda p: _unchanged(p, text), changed=lambda p: _filled(p, ws))
    with writing_out(out):  # a folder it cannot write in: --out, the folder and the fix, not the temporary file
        return write_atomic(out, text)


#: The second line of a worksheet exportrow writes: the SHA-256 of every other line (see :func:`write_worksheet`).
_YAML_SUM = "# sha256 of every other line, so that `exportrow worksheet` never replaces a sheet someone changed: "
_CSV_SUM = "#checksum,sha256 of every other line so that `exportrow worksheet` never replaces a sheet someone changed: "


def worksheet_text(ws: Worksheet, fmt: str = "yaml", *, bom: bool = False) -> str:
    """The worksheet as exportrow writes it: YAML or CSV with a checksum line after the first line (a comment in
    YAML, a ``#checksum`` row in CSV, which readers skip like every ``#`` row).

    Example:
        >>> from exportrow import load_annotation
        >>> lines = worksheet_text(make_worksheet(load_annotation()), "csv").splitlines()
        >>> lines[1][:10], lines[2][:10]
        ('#checksum,', '#worksheet')
    """
    from exportrow.checksum import with_checksum

    if fmt == "yaml":
        return with_checksum(worksheet_yaml(ws), _YAML_SUM)
    return with_checksum(("\ufeff" if bom else "") + worksheet_csv(ws), _CSV_SUM)


def _unchanged(path: Path, fresh: str) -> bool:
    """Whether ``path`` is exactly as exportrow wrote it (``fresh`` byte for byte, or matching its checksum line) and
    blank: a sheet written through the API with coding or notes in it is someone's work too."""
    from exportrow.checksum import matches_checksum

    return (any(matches_checksum(path, mark, fresh) for mark in (_YAML_SUM, _CSV_SUM))
            and _blank_worksheet(path, notes=True))


def _blank_worksheet(path: Path, *, notes: bool = False, ws: Worksheet | None = None) -> bool:
    """Whether ``path`` is a worksheet nobody has filled in: every coding field empty (with ``notes``, every note
    too). A file that cannot be read as a worksheet is not blank: it may hold someone's coding. ``ws``: the sheet
    already read from ``path`` (it is not read again)."""
    if not path.is_file() or path.is_symlink() or not is_worksheet(path):
        return False
    try:
        ws = ws if ws is not None else _parse(path)
    except ExportrowError:
        return False
    return not ws.coded and not (notes and any(_text_of(c.get("note")) for c in ws.claims))


def _filled(path: Path, fresh: Worksheet | None = None) -> str:
    """Why a worksheet may not be replaced: what of a coder's work it holds (see :func:`write_worksheet`)."""
    try:
        ws = _parse(path)
    except ExportrowError:
        return ("is a coding worksheet that exportrow cannot read, so it cannot tell whether it holds someone's "
                "coding")
    coded = len(ws.coded)
    if coded:
        return (f"is a coding worksheet that someone has filled in ({coded} of {len(ws.claims)} claims coded"
                f"{', by ' + excerpt(ws.coder) if ws.coder else ''})")
    held = []
    if ws.coder:
        held.append(f"the coder's name {excerpt(ws.coder)}")
    if any(_text_of(c.get("note")) for c in ws.claims):
        held.append("notes")
    if fresh is not None:
        ids = {c["id"] for c in fresh.claims}
        added = [str(c["id"]) for c in ws.claims if c["id"] not in ids]
        if added:
            held.append(f"claims added ({excerpt(', '.join(added))})")
        actors = {a["id"] for a in fresh.actors}
        added = [str(a["id"]) for a in ws.actors if a.get("id") not in actors]
        if added:
            held.append(f"actors added ({excerpt(', '.join(added))})")
    if held:
        return f"is a coding worksheet with someone's work in it: {', '.join(held)}"
    return ("is a coding worksheet changed since exportrow wrote it (its checksum line does not match: comments, an "
            "added column or row, a re-save by a spreadsheet, or a sheet from an older exportrow)")


# ---------------------------------------------------------------- reading


def _text_of(value) -> str | None:
    if value is None:
        return None
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    text = " ".join(str(value).split())
    return text or None


def _parse(path: Path) -> Worksheet:
    """Read a worksheet's structure (no checks against vocabularies or the article)."""
    text, _ = read_text(path, what="coding worksheet", limit=MAX_WORKSHEET_BYTES)
    if not text.strip():
        raise WorksheetError(path, ["the file is empty; make a worksheet with `exportrow worksheet ANNOTATION`"])
    first = text.lstrip().split("\n", 1)[0]
    if first.startswith("#") or first.startswith("exportrow_worksheet") or path.suffix.lower() in (".yaml", ".yml"):
        return _parse_yaml(path, text)
    return _parse_csv(path, text)


def _load_yaml(path: Path, text: str):
    """A worksheet's YAML, read as an annotation is (:func:`exportrow.annotations.reading.safe_yaml`): anchors,
    aliases, merge keys, duplicate keys and deep nesting are refused before anything is built, so a small file
    never expands into a huge value (an "alias bomb").

    Raises:
        WorksheetError: Not YAML, or YAML that exportrow refuses, with the line and the fix.

    Example:
        >>> _load_yaml(Path("w.yaml"), "exportrow_worksheet: 1\\nx: &a [1, 2]\\ny: *a\\n")
        Traceback (most recent call last):
        ...
        exportrow.worksheet.WorksheetError: w.yaml: line 2: a YAML anchor (&a) is not accepted; a worksheet never \
needs anchors or aliases: delete it and write values out
    """
    import yaml

    from exportrow.annotations.reading import YAMLRefused, safe_yaml

    try:
        return safe_yaml(text)
    except YAMLRefused as exc:
        fix = exc.fix.replace("an annotation", "a worksheet").replace("annotation", "worksheet")
        raise WorksheetError(path, [f"line {exc.line}: {exc.what} is not accepted; {fix}"]) from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" at line {mark.line + 1}, column {mark.column + 1}" if mark else ""
        what = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise WorksheetError(path, [f"not valid YAML{where}: {excerpt(what, 120)}; check indentation, and put "
                                    "text holding ': ' or '#' in quotes"]) from None
    except (ValueError, OverflowError, RecursionError) as exc:  # e.g. an int longer than Python reads
        raise WorksheetError(path, [f"a value cannot be read ({excerpt(str(exc), 120)}); write numbers in digits "
                                    "of ordinary length"]) from None


def _not_scalars(doc: dict, claims: list, actors: list) -> list[str]:
    """Per entry, each field that should hold one value (text or a number) but holds a list or a mapping.

    Example:
        >>> for p in _not_scalars({"coder": ["a"]}, [{"id": "c01", "cue": ["said"], "entman": [{"x": 1}]}], []):
        ...     print(p)
        coder: a list, not a single value; write one name, e.g. `coder: anna`
        claims[0] ('c01'): cue: a list, not a single value; write one value, e.g. `cue: said`
        claims[0] ('c01'): entman: holds a list or a mapping inside; list function names, e.g. [problem_definition]
    """
    def kind(value):
        return "a list" if isinstance(value, list) else "a mapping" if isinstance(value, dict) else ""

    out = []
    if kind(doc.get("coder")):
        out.append(f"coder: {kind(doc['coder'])}, not a single value; write one name, e.g. `coder: anna`")
    meta = doc.get("article") if isinstance(doc.get("article"), dict) else {}
    out += [f"article.{k}: {kind(meta[k])}, not a single value; leave it as the sheet gave it"
            for k in ("file", "sha256", "title") if kind(meta.get(k))]
    for k, a in enumerate(actors):
        label = f"actors[{k}]" + (f" ({excerpt(a.get('id'), 30)})" if not kind(a.get("id")) and a.get("id") else "")
        out += [f"{label}: {f}: {kind(a[f])}, not a single value; write one value, e.g. `{f}: x`"
                for f in ("id", "side", "name") if kind(a.get(f))]
    for k, c in enumerate(claims):
        label = f"claims[{k}]" + (f" ({excerpt(c.get('id'), 30)})" if not kind(c.get("id")) and c.get("id") else "")
        example = {"cue": "said", "frame": "5", "actor": "moon", "attribution": "direct_quote", "id": "mine_1"}
        out += [f"{label}: {f}: {kind(c[f])}, not a single value; write one value, e.g. `{f}: {example.get(f, '...')}`"
                for f in ("id", "start", "quote", "context", "note", *CODING_FIELDS)
                if f != "entman" and kind(c.get(f))]
        entman = c.get("entman")
        if isinstance(entman, dict) or (isinstance(entman, list) and any(kind(e) for e in entman)):
            inner = "a mapping" if isinstance(entman, dict) else "a list or a mapping inside"
            out.append(f"{label}: entman: holds {inner}; list function names, e.g. [problem_definition]")
    return out


def _parse_yaml(path: Path, text: str) -> Worksheet:
    doc = _load_yaml(path, text)
    if not isinstance(doc, dict) or "exportrow_worksheet" not in doc:
        raise WorksheetError(path, ["not an exportrow coding worksheet (no `exportrow_worksheet:` line); make one "
                                    "with `exportrow worksheet ANNOTATION`"])
    meta = doc.get("article") if isinstance(doc.get("article"), dict) else {}
    actors = doc.get("actors") or []
    claims = doc.get("claims") or []
    problems = []
    if not isinstance(actors, list) or not all(isinstance(a, dict) for a in actors):
        problems.append("actors: must be a list of entries like `- {id: x, side: y, name: z}`")
        actors = []
    if not isinstance(claims, list) or not all(isinstance(c, dict) for c in claims):
        problems.append("claims: must be a list of entries, each starting `- id: ...`")
        claims = []
    problems += _not_scalars(doc, claims, actors)
    if problems:
        raise WorksheetError(path, problems)
    sides = doc.get("sides") if isinstance(doc.get("sides"), list) else []
    rows = []
    for c in claims:
        entman = c.get("entman")
        row = {"id": _text_of(c.get("id")), "start": c.get("start"), "quote": c.get("quote"),
               "context": c.get("context"), "note": c.get("note"),
               **{f: _text_of(c.get(f)) for f in CODING_FIELDS if f != "entman"},
               "entman": entman if isinstance(entman, list) else ([] if entman in (None, "") else entman)}
        rows.append(row)
    return Worksheet(article_file=str(meta.get("file") or ""), article_sha256=str(meta.get("sha256") or ""),
                     title=str(meta.get("title") or ""),
                     actors=[{k: _text_of(a.get(k)) for k in ("id", "side", "name")} for a in actors],
                     sides=[str(s) for s in sides], claims=rows, coder=_text_of(doc.get("coder")) or "", path=path)


def _dialect(header: str) -> str:
    counts = {d: header.count(d) for d in (",", ";", "\t")}
    return max(counts, key=lambda d: (counts[d], d == ","))


def _check_control(path: Path, text: str) -> None:
    """Refuse a CSV worksheet holding a control character (a NUL, ...): it is not text, and a value such as
    ``fr\\x00gov`` would only be reported as an unknown actor. The message is the annotation reader's.

    Example:
        >>> _check_control(Path("w.csv"), "id;actor\\nc01;fr\\x00gov\\n")
        Traceback (most recent call last):
        ...
        exportrow.worksheet.WorksheetError: w.csv: line 2: holds the control character U+0000, which is not text; \
delete it (an editor may show it as ^@ or <0x00>) and save the file again as plain UTF-8 text
    """
    m = re.search(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]", text)
    if m is None:
        return
    char, line = ord(m.group()), text.count("\n", 0, m.start()) + 1
    caret = f"^{chr(char + 64)} or " if char < 32 else ""
    raise WorksheetError(path, [f"line {line}: holds the control character U+{char:04X}, which is not text; delete "
                                f"it (an editor may show it as {caret}<0x{char:02x}>) and save the file again as "
                                "plain UTF-8 text"])


def _parse_csv(path: Path, text: str) -> Worksheet:
    _check_control(path, text)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    delimiter = _dialect(text.split("\n", 1)[0])
    try:
        rows = csv_rows(text, delimiter=delimiter)
    except csv.Error as exc:
        raise WorksheetError(path, [f"not readable as CSV ({exc})"]) from None
    header = [h.strip().strip("\ufeff").lower() for h in rows[0]] if rows else []
    missing = [c for c in ("id", "quote", *CODING_FIELDS[:-2], *ENTMAN, "answers") if c not in header]
    if missing:
        raise WorksheetError(path, [f"not an exportrow coding worksheet: no column {', '.join(missing)} in the first "
                                    "row; make one with `exportrow worksheet ANNOTATION --format csv`"])
    listed = _listed_ids(next((dict(zip(header, r)) for r in rows[1:] if r and r[0].strip() == "#article"), {}))
    _check_not_cut(path, text, rows, header, delimiter, listed)
    recs = []
    for line_no, cells in enumerate(rows[1:], 2):
        if not any(c.strip() for c in cells):
            continue
        cells = [_uncell(c) for c in cells] + [""] * (len(header) - len(cells))
        recs.append((line_no, dict(zip(header, cells))))
    meta = {r["id"].strip(): r for _, r in recs if r["id"].strip().startswith("#")}
    if "#worksheet" not in meta or "#article" not in meta:
        raise WorksheetError(path, ["the rows #worksheet and #article are missing; make a new worksheet with "
                                    "`exportrow worksheet ANNOTATION --format csv` and copy your coding into it"])
    notes = _check_listed(path, meta["#article"], [r["id"].strip() for _, r in recs])
    actors = []
    for line in (meta.get("#allowed", {}).get("actor") or "").split("\n"):
        m = re.match(r"^\s*([^:\s]+):\s*(.*?)\s*\[([^\]]+)\]\s*$", line)
        if m:
            actors.append({"id": m.group(1), "name": m.group(2), "side": m.group(3)})
    art = meta["#article"]
    file = re.sub(r"^file:\s*", "", (art.get("context") or "").strip())
    claims = []
    for line_no, r in recs:
        if r["id"].strip().startswith("#"):
            continue
        entman = [e for e in ENTMAN if (r.get(e) or "").strip().lower() not in _NO]
        bad = [f"{e}={r.get(e)!r}" for e in ENTMAN if (r.get(e) or "").strip().lower() not in (*_YES, *_NO)]
        claims.append({"id": _text_of(r["id"]), "start": _text_of(r.get("start")), "quote": r.get("quote"),
                       "context": r.get("context"), "note": r.get("note"), "_line": line_no,
                       **{f: _text_of(r.get(f)) for f in CODING_FIELDS if f != "entman"},
                       "entman": entman, "_entman_bad": bad})
    return Worksheet(article_file=file, article_sha256=(art.get("start") or "").strip(), title=art.get("quote") or "",
                     actors=actors, sides=sorted({a["side"] for a in actors}), claims=claims, coder="", path=path,
                     notes=notes)


def _ends_in_quotes(text: str, delimiter: str) -> bool:
    """Whether the CSV text ends inside a quoted cell (a quote opened and never closed: the file was cut there).

    Example:
        >>> _ends_in_quotes('id,quote\\nc01,"the boats', ","), _ends_in_quotes('id,quote\\nc01,"the boats"\\n', ",")
        (True, False)
    """
    try:
        csv_rows(text, delimiter=delimiter, strict=True)
    except csv.Error as exc:
        return "unexpected end of data" in str(exc)
    return False


def _check_not_cut(path: Path, text: str, rows: list[list[str]], header: list[str], delimiter: str,
                   listed: list[str] = ()) -> None:
    """Refuse a CSV worksheet only on strong evidence that it was cut short (saved half-way, copied partly), as
    reading it would count the rows it lost as claims the coder did not find:

    - it ends inside a quoted cell (a quote opened and never closed);
    - its last row ends before the cells the sheet fills on every row it makes (id, start, quote, context);
    - it has no final line break, its last row is short, and the rows the ``#article`` row lists (``listed``) are
      missing from that row on.

    Any other short row is read with its missing cells empty: Excel and other tools leave out the trailing empty
    cells of a row (a note, answers or Entman cell left empty, or every coding cell of a row that is not a claim).

    Example:
        >>> text = "id,start,quote,context,actor\\nc01,1,ab,ab.,x\\nc02,5"
        >>> _check_not_cut(Path("t.csv"), text, list(csv.reader(io.StringIO(text))), ["id", "start", "quote",
        ...                "context", "actor"], ",")
        Traceback (most recent call last):
        ...
        exportrow.worksheet.WorksheetError: t.csv: the file ends in the middle of row c02 (2 of 5 cells): it looks \
cut short; save it again from your spreadsheet
        >>> text = "id,start,quote,context,actor\\nc01,1,ab,ab.,x\\nc02,5,cd,cd.\\n"  # trailing empty cells left out
        >>> _check_not_cut(Path("t.csv"), text, list(csv.reader(io.StringIO(text))), ["id", "start", "quote",
        ...                "context", "actor"], ",")
    """
    body = [(k, r) for k, r in enumerate(rows[1:], 2) if any(c.strip() for c in r)]
    if not body:
        return
    line_no, last = body[-1]
    quoted = _ends_in_quotes(text, delimiter)
    name = " ".join(last[0].split())[:40] if last and last[0].strip() else f"{line_no}"
    comment = name.startswith("#") and name not in ("#worksheet", "#article", "#allowed")  # a line someone added
    width = 1 + max((k for k, h in enumerate(header) if h in CSV_COLUMNS), default=0)  # columns of its own added
    if not quoted and (len(last) >= width or comment):
        return
    fixed = 1 + max((header.index(c) for c in ("id", "start", "quote", "context") if c in header), default=0)
    after = listed[listed.index(name) + 1:] if name in listed else []
    lost = bool(after) and not set(after) & {r[0].strip() for _, r in body}  # the listed rows after it are all gone
    if not quoted and len(last) >= fixed and (text.endswith(("\n", "\r")) or not lost):
        return
    cells = (f"{min(len(last), width)} of {width} cells"
             + (", the last one a quoted text that is never closed" if quoted else ""))
    raise WorksheetError(path, [f"the file ends in the middle of row {name} ({cells}): it looks cut "
                                "short; save it again from your spreadsheet"])


#: The ids :func:`make_worksheet` gives the sheet's claim rows.
_SHEET_ID = re.compile(r"c\d+")


def _listed_ids(article_row: dict) -> list[str]:
    """The claim ids the ``#article`` row's note lists (:func:`_listed_note`): the tokens after ``claims:`` that look
    like the sheet's ids, up to the first that does not (a coder may write a note after the list).

    Example:
        >>> _listed_ids({"note": "claims: c01 c02 c03 - coder Ana, checked c04"})
        ['c01', 'c02', 'c03']
        >>> _listed_ids({"note": "coded by Ana"})
        []
    """
    note = (article_row.get("note") or "").strip()
    if not note.startswith(_LISTED.strip()):
        return []
    out = []
    for token in note[len(_LISTED.strip()):].split():
        if not _SHEET_ID.fullmatch(token):
            break
        out.append(token)
    return out


def _check_listed(path: Path, article_row: dict, ids: list[str]) -> list[str]:
    """Notes on the claim rows a CSV worksheet's ``#article`` row lists (:func:`_listed_ids`) but the sheet lacks: a
    coder may have cleared a row that is not a claim, so each counts as a claim this coder did not find, and is
    named. (A sheet cut short is refused before, by :func:`_check_not_cut`; a sheet from an older exportrow lists
    none.)

    Example:
        >>> _check_listed(Path("t.csv"), {"note": "claims: c01 c02 c03"}, ["#article", "c01", "c03"])
        ['t.csv: c02 is not in the sheet: counted as not found by this coder']
        >>> _check_listed(Path("t.csv"), {"note": "claims: c01 c02 c03"}, ["c01", "c02", "c03"])
        []
    """
    present = set(ids)
    missing = [i for i in _listed_ids(article_row) if i not in present]
    if not missing:
        return []
    shown = ", ".join(missing[:10]) + (f" and {len(missing) - 10:,} more" if len(missing) > 10 else "")
    return [f"{path.name}: {shown} {'are' if len(missing) > 1 else 'is'} not in the sheet: counted as not found by "
            "this coder"]


def _close(word: str, options) -> str:
    import difflib

    options = [str(o) for o in options]
    close = difflib.get_close_matches(str(word), options, n=1, cutoff=SUGGEST_CUTOFF)
    listed = f"one of: {', '.join(options)}"
    return f"did you mean {close[0]!r}? ({listed})" if close else listed


def _frame_code(value: str):
    """A frame code from ``5``, ``5.0``, ``"5 Legality ..."`` or a frame's name; None when it is none of them."""
    m = re.fullmatch(r"(\d+)(?:\.0+)?(?:\s+(.*))?", value.strip())
    if m and int(m.group(1)) in FRAMES and (not m.group(2) or m.group(2).lower() == FRAMES[int(m.group(1))].lower()):
        return int(m.group(1))
    by_name = {v.lower(): k for k, v in FRAMES.items()}
    return by_name.get(value.strip().lower())


def read_worksheet(path: str | Path, article, *, parsed: Worksheet | None = None) -> Worksheet:
    """Read a filled worksheet (YAML or CSV) and check it against its article and the allowed values.

    Every claim's quote must stand in the article (``start`` picks one place when it stands more than
    once); every value must be an allowed one. All problems are reported together.

    Args:
        path: The worksheet file.
        article: The :class:`~exportrow.article.Article` it codes (its sha256 must match the sheet's).
        parsed: The sheet as :func:`_parse` read it, when the caller has read it already (it is completed in place);
            None reads the file.

    Returns:
        The :class:`Worksheet`, with ``frame`` codes as ints, each claim's ``span`` located in the
        article and its ``side`` from the actor. ``coder`` is the sheet's ``coder:`` or the file name.

    Raises:
        WorksheetError: Lists every problem, each with the claim, the field, the value and a fix.

    Example:
        >>> import tempfile
        >>> from exportrow import load_annotation
        >>> ws = make_worksheet(load_annotation())
        >>> ws.claims[0].update(actor=ws.actors[0]["id"], frame=1)
        >>> p = write_worksheet(ws, Path(tempfile.mkdtemp()) / "sheet.csv", "csv")
        >>> c = read_worksheet(p, load_annotation().article).coded[0]
        >>> c["id"], c["side"] == ws.actors[0]["side"], c["frame"], c["span"].text == c["quote"]
        ('c01', True, 1, True)
    """
    path = Path(path)
    ws = parsed if parsed is not None else _parse(path)
    check_claim_count(path, ws)
    where = "claims[{}]" if path.suffix.lower() in (".yaml", ".yml") else "row {}"
    problems = []
    if ws.article_sha256 and ws.article_sha256 != article.sha256:
        raise WorksheetError(path, [f"made for another article ({ws.article_file or 'unnamed'}, sha256 "
                                    f"{ws.article_sha256[:12]}…), not {article.path.name} (sha256 "
                                    f"{article.sha256[:12]}…); compare codings of one article"])
    if not ws.article_sha256:
        problems.append("the article's sha256 is missing; make a new worksheet with `exportrow worksheet`")
    actor_side = {}
    for a in ws.actors:
        if not a.get("id") or not a.get("side"):
            problems.append(f"actors: an entry needs id and side, found {excerpt(a)}")
            continue
        actor_side[a["id"]] = a["side"]
    seen: dict[str, int] = {}
    for k, c in enumerate(ws.claims):
        label = where.format(c.get("_line", k) if "row" in where else k)
        if c["id"]:
            label += f" ({c['id']})"
            if c["id"] in seen:
                problems.append(f"{label}: id: duplicate id; give each claim its own id")
            seen[c["id"]] = k
        else:
            problems.append(f"{label}: id: missing; give the claim an id of your own, e.g. mine_1")
        c["_label"] = label
    ids = set(seen)
    for c in ws.claims:
        label = c["_label"]
        c["span"] = _locate(article, c, label, problems)
        if not any(c.get(f) not in (None, "", []) for f in CODING_FIELDS):
            continue
        for fld, allowed in (("actor", list(actor_side)), ("attribution", ATTRIBUTIONS)):
            if c[fld] is not None and c[fld] not in allowed:
                problems.append(f"{label}: {fld}: unknown value {excerpt(c[fld])}; {_close(c[fld], allowed)}")
        c["side"] = actor_side.get(c["actor"]) if c["actor"] else None
        for fld in ("frame", "frame_secondary"):
            if c[fld] is None:
                continue
            code = _frame_code(c[fld])
            if code is None:
                problems.append(f"{label}: {fld}: unknown value {excerpt(c[fld])}; write a frame code 1-15 "
                                f"(see the coding guide, {GUIDE})")
            c[fld] = code
        entman = c.get("entman")
        if not isinstance(entman, list):
            problems.append(f"{label}: entman: must be a list, e.g. [problem_definition]")
            c["entman"] = []
        else:
            for e in entman:
                if e not in ENTMAN:
                    problems.append(f"{label}: entman: unknown value {excerpt(e)}; {_close(e, ENTMAN)}")
        for bad in c.get("_entman_bad") or []:
            problems.append(f"{label}: {bad.split('=')[0]}: unknown value {bad.split('=', 1)[1]}; write x, or "
                            "leave the cell empty")
        if c["answers"] is not None and c["answers"] not in ids:
            problems.append(f"{label}: answers: unknown claim id {excerpt(c['answers'])}; name a claim id of this "
                            "sheet, or leave it empty")
    if not problems and not ws.coded:
        problems.append("no claim is coded in it (every coding field is empty): fill in actor, attribution, cue, "
                        "frame ... for the claims, or leave this file out")
    if problems:
        raise WorksheetError(path, problems)
    ws.coder = ws.coder or path.stem
    note = _answers_left_empty(path, ws)
    if note and note not in ws.notes:  # a sheet read twice (``parsed``) says it once
        ws.notes.append(note)
    return ws


def _answers_left_empty(path: Path, ws: Worksheet) -> str:
    """One line on the claims whose ``answers`` names a row of the sheet the coder left empty (not a claim, to them):
    :mod:`exportrow.agreement` compares such an answer by the words of that row (the claim another coding has there),
    or counts it as missing.

    Example:
        >>> rows = [{"id": "c04", "answers": None}, {"id": "c06", "frame": 7, "answers": "c04"}]
        >>> print(_answers_left_empty(Path("ana.yaml"), Worksheet("a.txt", "", "", [], [], rows)))
        ana.yaml: c06 answers c04, which you left empty; compared as answering the claim another coding has at its \
words, or as not coded where none has one
        >>> rows += [{"id": "c07", "frame": 7, "answers": "c04"}, {"id": "c08", "answers": None},
        ...          {"id": "c09", "cue": "says", "answers": "c08"}]
        >>> print(_answers_left_empty(Path("ana.yaml"), Worksheet("a.txt", "", "", [], [], rows)).split(";")[0])
        ana.yaml: c06 and c07 answer c04, c09 answers c08, rows you left empty
    """
    coded = ws.coded
    empty = {c["id"] for c in ws.claims if c not in coded}
    by_target: dict[str, list[str]] = {}
    for c in coded:
        if c.get("answers") in empty:
            by_target.setdefault(c["answers"], []).append(c["id"])
    if not by_target:
        return ""

    def who(ids: list[str]) -> str:
        return ids[0] if len(ids) == 1 else f"{', '.join(ids[:-1])} and {ids[-1]}"

    listed = ", ".join(f"{who(ids)} answer{'s' * (len(ids) == 1)} {whom}" for whom, ids in by_target.items())
    which, its = (("which you left empty", "its words") if len(by_target) == 1 else
                  ("rows you left empty", "their words"))
    return (f"{path.name}: {listed}, {which}; compared as answering the claim another coding has at {its}, or as not "
            "coded where none has one")


def check_claim_count(path: Path, ws: Worksheet) -> None:
    """Refuse a worksheet of more claims than a coding may have (:data:`exportrow.agreement.MAX_CLAIMS`), in one line.

    Example:
        >>> check_claim_count(Path("big.csv"), Worksheet("a.txt", "", "", [], [], [{}] * 2_001))
        Traceback (most recent call last):
        ...
        exportrow.worksheet.WorksheetError: big.csv: 2,001 claims, more than the 2,000 a coding may have (a long ...
    """
    from exportrow.agreement import MAX_CLAIMS

    if len(ws.claims) > MAX_CLAIMS:
        raise WorksheetError(path, [f"{len(ws.claims):,} claims, more than the {MAX_CLAIMS:,} a coding may have (a "
                                    "long news article has a few dozen); is this the right file?"])


def _locate(article, c: dict, label: str, problems: list[str]):
    quote = c.get("quote")
    if not isinstance(quote, str) or not quote.strip():
        problems.append(f"{label}: quote: missing; copy the claim's exact words from the article")
        return None
    found = article.find(quote)
    start = c.get("start")
    try:
        start = int(float(start)) if start not in (None, "") else None
    except (TypeError, ValueError):
        problems.append(f"{label}: start: {excerpt(start)} is not a number; leave the start the sheet gave, or "
                        "empty for a claim you added")
        return None
    if start is not None:
        at = [s for s in found if s.start == start]
        found = at or found
    if len(found) == 1:
        return found[0]
    if not found and len(problems) >= SHOWN_PROBLEMS:  # not listed (WorksheetError): no search for a nearest passage
        problems.append(f"{label}: quote: not in the article: {excerpt(quote)}")
    elif not found:
        problems.append(f"{label}: quote: not in the article: {excerpt(quote)}; nearest passage: "
                        f"{excerpt(article.nearest(quote))}")
    else:
        problems.append(f"{label}: quote: stands {len(found)} times in the article (at offsets "
                        f"{', '.join(str(s.start) for s in found)}); write the offset you mean under start")
    return None


# ---------------------------------------------------------------- command line


def _cmd_worksheet(args) -> int:
    try:
        return _worksheet(args)
    except ExportrowError as exc:  # one clear message and the error's exit code, never a traceback
        print(f"error: {exc}", file=sys.stderr)
        return exc.exit_code


def _worksheet(args) -> int:
    from exportrow.agreement import find_article
    from exportrow.annotations import AnnotationError, load_annotation, read_yaml
    from exportrow.cli import load_with_options
    from exportrow.files import read_text

    fmt = sheet_format(args.out, args.format)  # a bad --format/--out pair: refused before any reading
    ann_path = Path(args.annotation_file)
    read_text(ann_path, what="annotation file")  # a missing file: one line, before anything else
    article_path = args.article or find_article(ann_path)
    if article_path is None:
        _, problems = read_yaml(ann_path)  # a file that is no YAML names no article: its error (line, column) first
        if problems:
            raise AnnotationError(problems)
        raise UsageError(f"{ann_path}: cannot find the article it annotates; name it with --article PATH")
    article = load_with_options(article_path, args)
    ann = load_annotation(ann_path, article)
    ws = make_worksheet(ann)
    if not args.out:
        print(worksheet_text(ws, fmt), end="")
        return 0
    out = write_worksheet(ws, args.out, fmt, force=args.force)
    print(f"wrote a blank {fmt.upper()} worksheet with {len(ws.claims)} claims to {shown_path(out)}; hand it out, "
          "collect the filled copies, then run `exportrow agree FILE FILE ...`")
    return 0


def register(sub) -> None:
    """Add the ``worksheet`` sub-command to the ``exportrow`` parser.

    Example:
        >>> import argparse
        >>> sub = argparse.ArgumentParser(prog="exportrow").add_subparsers()
        >>> register(sub)
        >>> sub.choices["worksheet"].parse_args(["a.yaml", "--format", "csv", "--out", "s.csv"]).format
        'csv'
    """
    p = sub.add_parser("worksheet", help="make a blank coding worksheet (YAML or CSV) from an annotation",
                       description="Make a blank coding worksheet from ANNOTATION: each claim's quote and sentence,\n"
                                   "the coding fields empty, the allowed values listed and the coding guide linked.\n"
                                   "It never shows the annotation's own coding. Coders fill it in (the CSV form in a\n"
                                   "spreadsheet), then `exportrow agree` compares the filled copies.",
                       epilog="examples:\n  exportrow worksheet data/annotations/ARTICLE.yaml --format csv "
                              "--out worksheet.csv\n  exportrow worksheet my-article.yaml --out sheet.yaml",
                       formatter_class=__import__("argparse").RawDescriptionHelpFormatter)
    from exportrow.cli import metadata_args

    p.add_argument("annotation_file", metavar="ANNOTATION", help="annotation YAML whose claims are to be coded")
    p.add_argument("--format", choices=("yaml", "csv"), default=None,
                   help="yaml, or csv for a spreadsheet (default: from --out's suffix, else yaml; a .csv, .yaml "
                        "or .yml suffix must match it)")
    p.add_argument("--out", metavar="PATH", help="write the worksheet here (default: print it)")
    p.add_argument("--article", metavar="PATH", default=None,
                   help="the article it annotates (default: named in the file's article: file:)")
    metadata_args(p)
    p.add_argument("--force", action="store_true",
                   help="kept for older scripts; changes nothing: a worksheet is replaced only while it is exactly "
                        "as exportrow wrote it (its checksum line matches), and one anybody changed (a name, a "
                        "comment, an added claim, coding, notes), or any other file, never (move or rename it first)")
    p.set_defaults(func=_cmd_worksheet)
