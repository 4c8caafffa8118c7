"""Inter-coder agreement: how far independent codings of one article's claims agree, field by field.

A *coding* is an annotation file or a filled worksheet (:mod:`exportrow.worksheet`), YAML or CSV.
Claims are matched across codings by id when their words overlap, else by the largest overlap of
their words in the article; claims that only some coders found are listed. For each field the
table gives Krippendorff's alpha (with the level of measurement declared per field in
:data:`FIELDS`), a bootstrap confidence interval, the percentage agreement (pairwise:
:data:`PERCENT_DEFINITION`), and the numbers of units and coders. Entman functions, of which a claim can have
several, get one alpha each (present or absent); the free-text cue gets percentage agreement only. An empty
field means none (or absent), as the worksheet says; a field of :data:`OPTIONAL` a worksheet's coder left empty on
every claim is named in a note (:func:`skipped_note`), with the ``--fields`` that leaves it out if it was skipped.

Alpha comes from the ``krippendorff`` package. The interval resamples claims (units) with
replacement, :data:`N_BOOT` times from a fixed seed, so two runs give byte-identical tables.
Verdicts use Krippendorff's own thresholds (Content Analysis, 2nd ed., 2004, p. 241): alpha >= 0.800
reliable; 0.667 <= alpha < 0.800 for tentative conclusions only; below 0.667 not reliable. Alpha is
shown and stored cut to three decimals, rounded down (0.6666 is 0.666, never 0.667), and the verdict
judges that value: as the thresholds have three decimals, it is the verdict of the unrounded alpha too,
and a filter ``alpha >= 0.667`` on agreement.csv agrees with it. The interval does not enter the verdict.
Its ends carry a resampling error (another seed moves them; :func:`resampling_error` estimates how far: up to
about 0.03 at :data:`N_BOOT` resamples on the bundled codings), so they are shown and stored to :data:`CI_DIGITS`
decimals, rounded outward, and the legend (:func:`interval_legend`) states the error computed for the codings
compared. A resample in which every coder used one value has no alpha and is left out of the interval; a field's
note says how many were when they are :data:`NOTED_SHARE` (1 %) of the resamples or more.

exportrow's own rule, :data:`MIN_UNITS`: a field gets a verdict only when at least 10 claims were coded by two or
more coders. Krippendorff asks for enough units that the smallest category can show up and that the interval is
narrow (2004, section 11.4.2, on sample sizes); on fewer units one claim coded otherwise moves alpha a lot, and a
bootstrap interval over 3 claims can look exact (1.00 to 1.00) when it is not. Below 10 units the verdict is
"too few units": alpha and its interval are still shown, flagged, and judge nothing. For a present/absent field,
an Entman function here or a frame frame by frame (:func:`frame_reliability`), the same minimum also counts the
claims that carry it (``claims``: of the claims coded by two or more coders, those that at least one of them marked
present; a claim only one coder coded never enters alpha, so it does not count): a function or frame on one such
claim has alpha 1.000 (1.00 to 1.00) or 0.000 as the coders agree on that one claim or not, and gets no verdict.

``import exportrow`` does not load this module; numpy and krippendorff load when it runs.
"""

from __future__ import annotations

import difflib
import functools
import json
import math
import sys
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from exportrow import paths
from exportrow.annotations import ENTMAN, FRAMES
from exportrow.coding_fields import FIELDS, N_BOOT, register  # noqa: F401 - register: agree's sub-command
from exportrow.errors import SUGGEST_CUTOFF, ExportrowError, UsageError
from exportrow.files import excerpt
from exportrow.numbers import fmt_fixed, round_half_up

__all__ = ["Coding", "Agreement", "AgreementError", "FIELDS", "N_BOOT", "SEED", "RELIABLE", "TENTATIVE",
           "read_coding", "read_codings", "find_article", "find_codings", "blank_codings", "unfilled_worksheets",
           "agreement", "compare",
           "codings_table", "codings_sentence", "implications", "alpha", "field_table", "match_units",
           "frame_reliability", "verdict", "register", "weak_frames", "frame_warning", "other_codings_reliability",
           "unreliable_frame_field", "frame_chart_note",
           "MIN_UNITS", "TOO_FEW", "left_out_files", "formula_warnings", "MAX_CLAIMS", "compared_codings",
           "percent_agreement", "PERCENT_DEFINITION", "OPTIONAL", "skipped_fields", "skipped_note", "CI_DIGITS",
           "resampling_error", "interval_legend"]

#: Krippendorff (2004, p. 241): rely on variables with alpha >= 0.800; draw tentative conclusions from >= 0.667.
RELIABLE = 0.800
TENTATIVE = 0.667
#: exportrow's rule: fewer claims coded by two or more coders than this get the verdict "too few units" (see above).
MIN_UNITS = 10
#: The verdict of an alpha on fewer than :data:`MIN_UNITS` units.
TOO_FEW = "too few units"
SEED = 15
_FIELD_COLUMNS = ["field", "level", "alpha", "ci_low", "ci_high", "percent_agreement", "units", "claims", "coders",
                  "verdict", "note"]
#: The value a claim carries in a present/absent field: an Entman function, or a frame in :func:`frame_reliability`.
PRESENT = "present"


class AgreementError(ExportrowError, ValueError):
    """Codings that cannot be compared: of different articles, or too few."""


@dataclass
class Coding:
    """One coder's coding of one article's claims.

    ``claims`` has one row per coded claim: ``claim_id, start, end, quote, actor, side, attribution,
    cue, frame, frame_secondary, entman`` (a tuple of functions) and ``answers``. ``skipped``: the fields of
    :data:`OPTIONAL` a worksheet's coder left empty on every claim (:func:`skipped_fields`), read as none.
    """

    path: Path
    coder: str
    kind: str
    claims: pd.DataFrame
    actors: tuple = ()
    kinds: dict = field(default_factory=dict)  # actor id -> kind (an annotation's; a worksheet has none)
    skipped: tuple = ()  # optional fields a worksheet's coder left empty on every claim: none, with a note
    notes: tuple = ()  # what reading a worksheet noticed (a listed row missing: counted as not found)
    empty_rows: dict = field(default_factory=dict)  # a worksheet's rows left empty: id -> (start, end), for answers


def _stem_label(path: Path, article_name: str) -> str:
    stem = path.stem
    if stem.startswith(article_name):
        rest = stem[len(article_name):].lstrip(".-_ ")
        return rest or "annotation"
    return stem


def _recorded_article(path: Path, parsed=None) -> tuple[str, str]:
    """(file name, sha256) that a coding file says it codes, read cheaply; ("", "") when unknown. ``parsed``: the
    worksheet as already read (:func:`_worksheets`), so that it is not read again."""
    from exportrow import worksheet

    try:
        if worksheet.is_worksheet(path):
            ws = parsed if parsed is not None else worksheet._parse(path)
            return ws.article_file, ws.article_sha256
        from exportrow.files import read_text

        doc = _safe_yaml(read_text(path, what="coding")[0])
        meta = doc.get("article") if isinstance(doc, dict) else None
        if isinstance(meta, dict):
            return str(meta.get("file") or ""), str(meta.get("sha256") or "")
    except Exception:  # any unreadable file: reading it for real reports it properly
        pass
    return "", ""


def _safe_yaml(text: str):
    """YAML read as an annotation is: anchors and aliases refused before anything is built (no alias bomb).

    Example:
        >>> _safe_yaml("a: &x [1]\\nb: *x\\n")
        Traceback (most recent call last):
        ...
        exportrow.annotations.reading.YAMLRefused: line 1: a YAML anchor (&x) is not accepted; ...
    """
    from exportrow.annotations.reading import safe_yaml

    return safe_yaml(text)


def find_article(coding_path: str | Path) -> Path | None:
    """The article a coding file codes: the file it names, looked for beside it, in ``../raw/`` and in ``data/raw/``.

    Example:
        >>> find_article(paths.default_annotation()) == paths.default_article()
        True
    """
    coding_path = Path(coding_path)
    name, _ = _recorded_article(coding_path)
    if not name or Path(name).name != name:
        return None
    for folder in (coding_path.parent, coding_path.parent.parent / "raw", paths.DATA / "raw"):
        if (folder / name).is_file():
            return folder / name
    return None


def find_codings(annotation_path: str | Path, article=None) -> list[Path]:
    """An annotation and the other codings of its article kept beside it.

    The naming convention: ``<article>.<coder>.yaml`` or ``<article>.<coder>.csv`` next to the
    annotation (for example ``data/annotations/<article>.coder-2.yaml``), each an annotation or a
    worksheet. ``<article>`` is the article file's name without its suffix (``article``, else the file
    the annotation names); codings named after the annotation file, ``<annotation>.<coder>.yaml``, are
    found too. A blank worksheet (nobody has filled it in yet) is listed: :func:`compare` leaves it
    out and :func:`blank_codings` names it.

    Example:
        >>> [p.name for p in find_codings(paths.default_annotation())][0] == paths.default_annotation().name
        True
    """
    annotation_path = Path(annotation_path)
    others = [p for p in _beside(annotation_path, article) if not _not_a_coding(p)]
    return [annotation_path, *others]


def left_out_files(annotation_path: str | Path, article=None) -> list[str]:
    """One line for each file beside the annotation named like a coding (``<article>.<something>.csv``) that
    :func:`find_codings` leaves out because it is not one: a researcher's notes, a link to a file outside the
    folder, a FIFO.

    Example:
        >>> import shutil, tempfile
        >>> d = Path(tempfile.mkdtemp())
        >>> ann = Path(shutil.copy(paths.default_annotation(), d))
        >>> _ = (d / f"{ann.stem}.notes.csv").write_text("date,note\\n2019-07-12,read it\\n")
        >>> left_out_files(ann)[0].endswith(".notes.csv is not a coding worksheet; left out")
        True
    """
    return [f"{p.name} {why}; left out" for p, why in _left_out(Path(annotation_path), article)]


def _left_out(annotation_path: Path, article=None) -> list[tuple[Path, str]]:
    """The files beside the annotation named like codings that are none, each with why (:func:`left_out_files`)."""
    return [(p, why) for p in _beside(annotation_path, article) if (why := _not_a_coding(p))]


def _beside(annotation_path: Path, article=None) -> list[Path]:
    """The files beside the annotation named like its codings (``<article>.<coder>.yaml|csv``), whatever they hold."""
    stems = [annotation_path.stem]
    if article is not None:
        stems.append(Path(article.path).stem)
    else:
        recorded, _ = _recorded_article(annotation_path)
        if recorded and Path(recorded).name == recorded:
            stems.append(Path(recorded).stem)
    prefixes = tuple(dict.fromkeys(stem + "." for stem in stems if stem))
    return sorted(p for p in annotation_path.parent.iterdir()
                  if p.stem.startswith(prefixes) and p.suffix.lower() in (".yaml", ".yml", ".csv")
                  and p != annotation_path)


def _not_a_coding(path: Path) -> str:
    """Why a file beside an annotation is not one of its codings ("" when it may be one), never opening a FIFO.

    A worksheet (its first line says so) or a YAML file with top-level ``article:`` or ``claims:`` (an
    annotation) may be one; a file that holds one with mistakes is still one, and reading it says what is wrong.

    Example:
        >>> _not_a_coding(paths.default_annotation()), _not_a_coding(Path("/dev/null"))
        ('', 'is not a regular file (a device or socket)')
    """
    import os
    import re
    import stat

    from exportrow.worksheet import is_worksheet

    folder = path.parent.resolve()
    try:
        target = path.resolve()
        if not target.is_relative_to(folder):
            return "is a link to a file outside its folder"
        mode = os.stat(path).st_mode
    except (OSError, RuntimeError):  # a broken link, a link loop
        return "cannot be read (a broken link?)"
    if not stat.S_ISREG(mode):
        kind = "a FIFO" if stat.S_ISFIFO(mode) else "a folder" if stat.S_ISDIR(mode) else "a device or socket"
        return f"is not a regular file ({kind})"
    if is_worksheet(path):
        return ""
    if path.suffix.lower() == ".csv":
        return "is not a coding worksheet"
    try:
        with open(path, "rb") as fh:
            head = fh.read(65536).decode("utf-8", errors="replace")
    except OSError:
        return "cannot be read"
    if re.search(r"^(article|claims)\s*:", head.removeprefix("\ufeff"), re.M):
        return ""
    return "is neither a coding worksheet nor an annotation"


def blank_codings(files) -> list[Path]:
    """The worksheets among ``files`` that nobody has filled in yet (every coding field empty).

    Example:
        >>> import tempfile
        >>> from exportrow.annotations import load_annotation
        >>> from exportrow.worksheet import make_worksheet, write_worksheet
        >>> sheet = write_worksheet(make_worksheet(load_annotation()), Path(tempfile.mkdtemp()) / "a.anna.yaml")
        >>> [p.name for p in blank_codings([paths.default_annotation(), sheet])]
        ['a.anna.yaml']
    """
    from exportrow.worksheet import _blank_worksheet

    return [Path(f) for f in files if _blank_worksheet(Path(f))]


def unfilled_worksheets(files) -> list[Path]:
    """The files among ``files`` that are still exactly a blank worksheet as ``exportrow worksheet`` wrote it: every
    coding field and note empty and, when the sheet carries its checksum line, that line still matching (for a CSV
    sheet re-saved by a spreadsheet: matching its cells, :func:`_resaved_blank`).

    ``exportrow agree class/*.csv`` leaves them out with a note: the teaching guide's blank sheet, or a pair's copy
    saved before anyone filled it in, is no coding. A sheet that was changed but codes no claim is not left out
    (reading it says what to fill in).

    Example:
        >>> import tempfile
        >>> from exportrow.annotations import load_annotation
        >>> from exportrow.worksheet import make_worksheet, write_worksheet
        >>> sheet = write_worksheet(make_worksheet(load_annotation()), Path(tempfile.mkdtemp()) / "blank.csv")
        >>> [p.name for p in unfilled_worksheets([paths.default_annotation(), sheet])]
        ['blank.csv']
        >>> _ = sheet.write_text(sheet.read_text(encoding="utf-8") + "x1,,,,,,,,,,,,,,\\n", encoding="utf-8")
        >>> unfilled_worksheets([sheet])
        []
    """
    from exportrow.checksum import has_checksum, matches_checksum
    from exportrow.worksheet import _CSV_SUM, _YAML_SUM, _blank_worksheet

    out = []
    for f in map(Path, files):
        if not _blank_worksheet(f, notes=True):
            continue
        marks = [m for m in (_CSV_SUM, _YAML_SUM) if has_checksum(f, m)]
        if marks and all(matches_checksum(f, m) for m in marks):
            out.append(f)
            continue
        cells = _resaved_blank(f, _CSV_SUM) if _CSV_SUM in marks or not marks else False
        if cells or cells is None and not marks:  # re-saved, cell for cell the blank sheet; or no checksum at all
            out.append(f)
    return out


def _resaved_blank(path: Path, mark: str) -> bool | None:
    """Whether a CSV sheet whose bytes no longer match its checksum line holds, cell for cell, what exportrow wrote:
    a spreadsheet that re-saves a blank sheet adds a byte order mark, ends lines with CR LF and quotes cells its own
    way, but the cells (claim ids, offsets, quotes: all of the blank sheet, and nothing else) are the same. The cells
    are written again as exportrow writes them and checked against the recorded checksum (None: no checksum row
    among the cells).

    Example:
        >>> import csv, io, tempfile
        >>> from exportrow.annotations import load_annotation
        >>> from exportrow.worksheet import _CSV_SUM, make_worksheet, write_worksheet
        >>> sheet = write_worksheet(make_worksheet(load_annotation()), Path(tempfile.mkdtemp()) / "blank.csv", "csv")
        >>> rows = list(csv.reader(io.StringIO(sheet.read_text(encoding="utf-8-sig"), newline="")))
        >>> buf = io.StringIO(); csv.writer(buf, lineterminator="\\r\\n", quoting=csv.QUOTE_ALL).writerows(rows[:1])
        >>> csv.writer(buf, lineterminator="\\r\\n").writerows(rows[1:])
        >>> _ = sheet.write_bytes(("\\ufeff\\ufeff" + buf.getvalue()).encode("utf-8"))  # as a spreadsheet saves it
        >>> _resaved_blank(sheet, _CSV_SUM)
        True
        >>> rows[-1][0] = "renamed"; buf = io.StringIO(); csv.writer(buf).writerows(rows)
        >>> _ = sheet.write_text(buf.getvalue(), encoding="utf-8"); _resaved_blank(sheet, _CSV_SUM)
        False
    """
    import csv
    import hashlib
    import io

    from exportrow.files import read_text
    from exportrow.worksheet import csv_rows

    try:
        text = read_text(path, what="coding worksheet")[0].lstrip("\ufeff")
    except ExportrowError:
        return False
    buf = io.StringIO()
    rows = [[cell.replace("\r\n", "\n").lstrip("\ufeff") for cell in row] for row in csv_rows(text)]
    csv.writer(buf, lineterminator="\n").writerows(rows)
    first, _, rest = buf.getvalue().partition("\n")
    line, _, rest = rest.partition("\n")
    if not line.startswith(mark):
        return None
    recorded = line.removeprefix(mark).strip()
    return any(hashlib.sha256(f"{bom}{first}\n{rest}".encode()).hexdigest() == recorded for bom in ("", "\ufeff"))
def _worksheets(files) -> dict:
    """Each worksheet among ``files`` read once (``worksheet._parse``), by path; the other files, and a sheet that
    cannot be read (reading it for real says why), are left out. A sheet of more than :data:`MAX_CLAIMS` claims is
    refused here, before anything else is read.

    Example:
        >>> _worksheets([paths.default_annotation()])
        {}
    """
    from exportrow import worksheet

    parsed = {}
    for f in map(Path, files):
        if not f.is_file() or f.suffix.lower() != ".csv" and not worksheet.is_worksheet(f):  # never open a FIFO
            continue
        try:
            parsed[f] = worksheet._parse(f)
        except ExportrowError:
            continue
        worksheet.check_claim_count(f, parsed[f])
    return parsed


def _blank(path: Path, parsed: dict) -> bool:
    """:func:`blank_codings` for one file, from the worksheets already read (:func:`_worksheets`)."""
    from exportrow.worksheet import _blank_worksheet

    ws = parsed.get(Path(path))
    return ws is not None and _blank_worksheet(Path(path), ws=ws)


def _blank_note(blank) -> str:
    """The sentence that names the blank worksheets left out; empty with none.

    Example:
        >>> print(_blank_note([Path("x/a.anna.yaml")]))
        The worksheet a.anna.yaml is left out: nobody has filled it in yet (every coding field is empty).
        >>> _blank_note([])
        ''
    """
    if not blank:
        return ""
    names = ", ".join(_md(Path(f).name) for f in blank)
    if len(blank) == 1:
        return f"The worksheet {names} is left out: nobody has filled it in yet (every coding field is empty)."
    return f"The worksheets {names} are left out: nobody has filled them in yet (every coding field is empty)."


def _annotation_coding(path: Path, article, label: str) -> Coding:
    """One coding kept as an annotation file; its problems are introduced as a coder's coding, not "the annotation
    file", so that a student opens the right file.

    Example:
        >>> import tempfile
        >>> from exportrow import load_article
        >>> art = load_article(); d = Path(tempfile.mkdtemp())
        >>> bad = d / f"{art.name}.anna.yaml"; _ = bad.write_text("claims: [{id: c1, frame: 99}]\\n")
        >>> _annotation_coding(bad, art, "anna")
        Traceback (most recent call last):
        ...
        exportrow.annotations.model.AnnotationError: 6 problems in the coding ....anna.yaml (coder anna): ...
    """
    from exportrow.annotations import AnnotationError, load_annotation
    from exportrow.tables import heard_attribution

    try:
        ann = load_annotation(path, article)
    except AnnotationError as exc:
        if label == "annotation":  # the annotation itself, compared as a coding
            raise
        refused = AnnotationError(exc.problems, what=f"coding {path.name} (coder {label})")
        refused.exit_code = exc.exit_code
        raise refused from None
    side = ann.side_of
    kind = {a["id"]: a.get("kind") for a in ann.actors}
    rows = [{"claim_id": c["id"], "start": c["span"].start, "end": c["span"].end, "quote": c["span"].text,
             "actor": c["actor"], "side": side.get(c["actor"]),
             "attribution": heard_attribution(c["attribution"], kind.get(c["actor"])),  # as the claims table shows it
             "cue": c["cue"], "frame": c["frame"], "frame_secondary": c.get("frame_secondary"),
             "entman": tuple(c.get("entman") or ()), "answers": c.get("answers")} for c in ann.claims]
    return Coding(path, label, "annotation", _claim_frame(rows), tuple(a["id"] for a in ann.actors), kind)


def _worksheet_coding(path: Path, article, label: str | None, parsed=None) -> Coding:
    from exportrow.worksheet import read_worksheet

    ws = read_worksheet(path, article, parsed=parsed)
    rows = [{"claim_id": c["id"], "start": c["span"].start, "end": c["span"].end, "quote": c["span"].text,
             "actor": c["actor"], "side": c.get("side"), "attribution": c["attribution"], "cue": c["cue"],
             "frame": c["frame"], "frame_secondary": c["frame_secondary"], "entman": tuple(c["entman"]),
             "answers": c["answers"]} for c in ws.coded]
    claims = _claim_frame(rows)
    coded = ws.coded
    empty = {c["id"]: (c["span"].start, c["span"].end) for c in ws.claims if c not in coded and c.get("span")}
    return Coding(path, ws.coder if ws.coder != path.stem else (label or ws.coder), "worksheet",
                  claims, tuple(a["id"] for a in ws.actors), skipped=skipped_fields(claims), notes=tuple(ws.notes),
                  empty_rows=empty)


#: The worksheet fields the teaching guide lets a pair skip ("secondary frame and answers if time allows"), and the
#: Entman functions: empty means none (the sheet's rule), but one left empty on every claim gets a note
#: (:func:`skipped_note`) saying how to leave it out should the coder have skipped it.
OPTIONAL = ("frame_secondary", "entman", "answers")


def skipped_fields(claims: pd.DataFrame) -> tuple:
    """The fields of :data:`OPTIONAL` empty on every claim of a worksheet's coded claims. They are read as the
    sheet says, "none" (or "absent") on every claim, like an annotation's empty fields; :func:`skipped_note` names
    them, as the coder may instead have skipped them. ``entman`` stands for the four functions.

    Example:
        >>> claims = pd.DataFrame({"frame_secondary": [None, None], "entman": [(), ()], "answers": [None, "c01"]})
        >>> skipped_fields(claims)
        ('frame_secondary', 'entman')
        >>> skipped_fields(claims.iloc[0:0])
        ()
    """
    if claims.empty:
        return ()

    def empty(v) -> bool:
        return v is None or v is pd.NA or (isinstance(v, float) and math.isnan(v)) or v == "" or (
            isinstance(v, (tuple, list)) and not v)

    return tuple(f for f in OPTIONAL if f in claims and all(empty(v) for v in claims[f]))


def _skipped_names(coding: Coding, fields) -> list[str]:
    """The fields among ``fields`` (names of :data:`FIELDS`) that ``coding`` left out, ``entman.*`` for the four."""
    names = []
    for f in coding.skipped:
        if f == "entman":
            if any(k.startswith("entman.") for k in fields):
                names.append("entman.*" if sum(k.startswith("entman.") for k in fields) > 1 else
                             next(k for k in fields if k.startswith("entman.")))
        elif f in fields:
            names.append(f)
    return names


def skipped_note(codings, fields=None) -> list[str]:
    """One line per worksheet coding that left optional fields empty on every claim (:func:`skipped_fields`): they
    are read as "none" (or "absent") on every claim, as the sheet says; if the coder skipped them instead, the line
    gives the ``--fields`` that leaves them out.

    Example:
        >>> c = Coding(Path("b.csv"), "blanks", "worksheet", pd.DataFrame(), skipped=("frame_secondary", "answers"))
        >>> skipped_note([c])  # doctest: +NORMALIZE_WHITESPACE
        ["blanks left frame_secondary, answers empty on every claim: read as 'none' everywhere (the sheet's rule); if
          the pair skipped these fields, leave them out with --fields actor side attribution cue frame entman"]
        >>> skipped_note([c], ["frame", "answers"])
        ["blanks left answers empty on every claim: read as 'none' everywhere (the sheet's rule); if the pair skipped \
this field, leave it out with --fields frame"]
    """
    chosen = _fields(fields)
    out = []
    for c in codings.codings if isinstance(codings, Agreement) else codings:
        names = _skipped_names(c, chosen)
        if not names:
            continue
        many = len(names) > 1 or names[0] == "entman.*"
        gone = {k for k in chosen if k in names or "entman.*" in names and k.startswith("entman.")}
        kept = [k for k in chosen if k not in gone]
        entman = [k for k in FIELDS if k.startswith("entman.")]
        if all(k in kept for k in entman):
            kept = [k for k in kept if not k.startswith("entman.")]
            kept.insert(next((i for i, k in enumerate(kept) if list(FIELDS).index(k) > list(FIELDS).index(entman[0])),
                             len(kept)), "entman")
        none = " and ".join(w for w, has in (("'none'", any(not n.startswith("entman") for n in names)),
                                             ("'absent'", any(n.startswith("entman") for n in names))) if has)
        these, them = ("these fields", "them") if many else ("this field", "it")
        how = (f"leave {them} out with --fields {' '.join(kept)}" if kept else f"compare other fields than {these}")
        out.append(f"{c.coder} left {', '.join(names)} empty on every claim: read as {none} everywhere (the sheet's "
                   f"rule); if the pair skipped {these}, {how}")
    return out


def _claim_frame(rows: list[dict]) -> pd.DataFrame:
    cols = ["claim_id", "start", "end", "quote", "actor", "side", "attribution", "cue", "frame", "frame_secondary",
            "entman", "answers"]
    return pd.DataFrame(rows, columns=cols).sort_values(["start", "end"], kind="stable").reset_index(drop=True)


def read_coding(path: str | Path, article, *, parsed=None) -> Coding:
    """Read one coding (annotation or filled worksheet, YAML or CSV) of ``article``.

    Example:
        >>> from exportrow import load_article
        >>> c = read_coding(paths.default_annotation(), load_article())
        >>> c.coder, c.kind, c.claims.columns[:4].tolist()
        ('annotation', 'annotation', ['claim_id', 'start', 'end', 'quote'])
    """
    from exportrow.worksheet import is_worksheet

    path = Path(path)
    label = _stem_label(path, article.name)
    if path.suffix.lower() == ".csv" or is_worksheet(path):
        return _worksheet_coding(path, article, label, parsed)
    return _annotation_coding(path, article, label)


def read_codings(paths_: list, article=None, *, metadata: dict | None = None, parsed: dict | None = None
                 ) -> list[Coding]:
    """Read codings of one article; the article is ``article`` or the one the first coding names.

    ``metadata`` (``published``, ``outlet``, ``timezone``) overrides the article's own, as the
    command-line options of the same names do (an :class:`~exportrow.article.Article` is used as it is).
    ``parsed``: the worksheets among them as already read (:func:`_worksheets`); each file is read once.

    Raises:
        AgreementError: Codings of different articles, or no article to be found.
        UsageError: Fewer than two codings, or the same file twice.

    Example:
        >>> read_codings([paths.default_annotation()])
        Traceback (most recent call last):
        ...
        exportrow.errors.UsageError: agreement needs at least two codings, got 1 (...); name two or more ...
    """
    files = [Path(p) for p in paths_]
    if len(files) < 2:
        raise UsageError(f"agreement needs at least two codings, got {len(files)}"
                         + (f" ({files[0]})" if files else "")
                         + "; name two or more annotation or worksheet files")
    return _read_checked(files, article, metadata=metadata, parsed=parsed)


def _read_checked(files: list[Path], article=None, *, metadata: dict | None = None, parsed: dict | None = None
                  ) -> list[Coding]:
    """:func:`read_codings` for any number of files, even one: each read and checked as a coding of one article.

    Example:
        >>> [c.coder for c in _read_checked([paths.default_annotation()])]
        ['annotation']
        >>> _read_checked([Path("no-such-file.yaml")])
        Traceback (most recent call last):
        ...
        exportrow.files.InputFileError: no-such-file.yaml: no such coding; check the path ...
    """
    from exportrow.article import Article, load_article
    from exportrow.files import read_text

    for p in files:  # a missing file gets its own one-line message before anything else
        read_text(p, what="coding", limit=4_000_000)
    resolved = [p.resolve() for p in files]
    twice = sorted({str(p) for p, r in zip(files, resolved) if resolved.count(r) > 1})
    if twice:
        raise UsageError(f"the same file is named twice: {', '.join(twice)}; name each coding once")
    parsed = _worksheets(files) if parsed is None else parsed  # and a sheet of too many claims refused
    recorded = [_recorded_article(p, parsed.get(p)) for p in files]
    known = [(p, r) for p, r in zip(files, recorded) if r[1]]
    if len({r[1] for _, r in known}) > 1:
        lines = [f"  {p}: {r[0] or 'unnamed'} (sha256 {r[1][:12]}…)" for p, r in known]
        raise AgreementError("the codings are of different articles:\n" + "\n".join(lines)
                             + "\ncompare codings of one article only")
    if isinstance(article, Article):
        art = article
    elif article:
        art = load_article(article, **(metadata or {}))
    else:
        found = next((a for a in map(find_article, files) if a), None)
        if found is None:
            raise UsageError(f"cannot find the article that {files[0]} codes ({recorded[0][0] or 'not named'}); "
                             "name it with --article PATH")
        art = load_article(found, **(metadata or {}))
    if known and known[0][1][1] != art.sha256:
        p, (name, sha) = known[0]
        raise AgreementError(f"{p} codes another article ({name or 'unnamed'}, sha256 {sha[:12]}…) than "
                             f"{art.path.name} (sha256 {art.sha256[:12]}…); name the right one with --article")
    codings = [read_coding(p, art, parsed=parsed.get(p)) for p in files]
    for c in codings:
        _check_size(c)
        c.coder = _printable(c.coder)
    seen: dict[str, int] = {}
    for c in codings:  # two files with the same name in different folders: tell the coders apart
        seen[c.coder] = seen.get(c.coder, 0) + 1
        if seen[c.coder] > 1:
            c.coder = f"{c.coder} ({seen[c.coder]})"
    return codings


# ---------------------------------------------------------------- matching claims into units


def _printable(text: str, limit: int = 40) -> str:
    """A coder's name fit for a terminal, a table header and a chart: no control characters, at most ``limit`` long.

    Example:
        >>> _printable("anna\x1b[2J  and ben" + "x" * 50)
        'anna[2J and benxxxxxxxxxxxxxxxxxxxxxxxx…'
    """
    import unicodedata

    text = "".join(ch for ch in str(text) if not unicodedata.category(ch).startswith("C"))
    text = " ".join(text.split()) or "coder"
    return text if len(text) <= limit else text[:limit - 1] + "\u2026"


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def _fit(a: tuple[int, int], b: tuple[int, int]) -> tuple[int, int]:
    """How well two spans match, best first when sorted: minus the characters they share, then those they do not.

    Example:
        >>> sorted([_fit((0, 14), (0, 10)), _fit((0, 10), (0, 10)), _fit((5, 15), (0, 10))])
        [(-10, 0), (-10, 4), (-5, 10)]
    """
    shared = _overlap(a, b)
    return -shared, (a[1] - a[0]) + (b[1] - b[0]) - 2 * shared


#: Most claims one coding may have: a long news article has a few dozen; beyond this, matching would take minutes.
MAX_CLAIMS = 2_000


def _check_size(coding: Coding) -> None:
    """Refuse a coding of more than :data:`MAX_CLAIMS` claims, in one line."""
    if len(coding.claims) > MAX_CLAIMS:
        raise AgreementError(f"{coding.path}: {len(coding.claims):,} claims, more than the {MAX_CLAIMS:,} a coding "
                             "may have (a long news article has a few dozen); is this the right file?")


class _SpanIndex:
    """Spans sorted by start, to find those that overlap a span without looking at every one.

    Example:
        >>> sorted(_SpanIndex([(0, 10), (20, 30), (5, 8), (40, 90)]).overlapping((7, 25)))
        [0, 1, 2]
    """

    def __init__(self, spans: list[tuple[int, int]]):
        order = sorted(range(len(spans)), key=lambda u: spans[u][0])
        self.starts = [spans[u][0] for u in order]
        self.order = order
        self.spans = spans
        self.longest = max((e - s for s, e in spans), default=0)

    def overlapping(self, span: tuple[int, int]):
        """The indexes of the spans that share at least one character with ``span``."""
        import bisect

        lo = bisect.bisect_right(self.starts, span[0] - self.longest)  # a span starting earlier ends before ours
        hi = bisect.bisect_left(self.starts, span[1])  # a span starting at our end or later does not overlap
        for u in self.order[lo:hi]:
            if _overlap(span, self.spans[u]):
                yield u


def match_units(codings: list[Coding]) -> pd.DataFrame:
    """Match the claims of several codings into units: one row per unit and coder that coded it.

    A claim joins the unit holding a claim with its id whose words overlap its own. The coding's other claims
    then go to units by the largest overlap of words overall, not in text order: the pair of claim and free unit that
    share the most characters is matched first, then the next largest, and so on (each unit takes one claim per
    coder; of equal overlaps, the closer fit first). A claim left without a unit starts one.
    Columns: ``unit, unit_start, unit_quote, coder`` and the coding's claim columns.

    Example:
        >>> rows = [{"claim_id": "a", "start": 0, "end": 10}, {"claim_id": "b", "start": 20, "end": 30}]
        >>> one = Coding(Path("1"), "one", "annotation", pd.DataFrame(rows))
        >>> two = Coding(Path("2"), "two", "worksheet", pd.DataFrame([{"claim_id": "c01", "start": 5, "end": 12}]))
        >>> match_units([one, two])[["unit", "coder", "claim_id"]].values.tolist()
        [['a', 'one', 'a'], ['a', 'two', 'c01'], ['b', 'one', 'b']]
    """
    units: list[dict] = []
    rows = []
    for coding in codings:
        _check_size(coding)
        claims = coding.claims.to_dict("records")
        taken: dict[int, int] = {}
        used: set[int] = set()  # the units this coding has taken (taken.values(), as a set)
        by_id: dict = {}  # claim id -> the units holding it, in order
        for u, unit in enumerate(units):
            for i in unit["ids"]:
                by_id.setdefault(i, []).append(u)
        for k, c in enumerate(claims):
            span = (c["start"], c["end"])
            for u in by_id.get(c["claim_id"], ()):
                if u not in used and _overlap(span, units[u]["span"]):
                    taken[k] = u
                    used.add(u)
                    break
        near = _SpanIndex([unit["span"] for unit in units])  # the units so far; those this coding starts are its own
        # the largest overlaps first, over all of this coding's claims at once, so that a claim earlier in the text
        # never takes the unit another matches better; ties: the closer fit (fewer characters not shared), then the
        # claim, then the unit, that comes first
        pairs = sorted(_fit((c["start"], c["end"]), units[u]["span"]) + (k, u)
                       for k, c in enumerate(claims) if k not in taken
                       for u in near.overlapping((c["start"], c["end"])) if u not in used)
        for _, _, k, u in pairs:
            if k not in taken and u not in used:
                taken[k] = u
                used.add(u)
        for k, c in enumerate(claims):
            if k not in taken:
                units.append({"ids": set(), "span": (c["start"], c["end"]), "label": c["claim_id"],
                              "quote": c.get("quote"), "first": coding.coder})
                taken[k] = len(units) - 1
        for k, u in taken.items():
            units[u]["ids"].add(claims[k]["claim_id"])
            rows.append({"_u": u, "coder": coding.coder, **claims[k]})
    seen_labels: set = set()
    for u in units:  # the same id for two different claims: the later one is told apart by its coder
        if u["label"] in seen_labels:
            u["label"] = f"{u['label']} ({u['first']})"
        seen_labels.add(u["label"])
    order = {c.coder: i for i, c in enumerate(codings)}
    table = pd.DataFrame(rows)
    if table.empty:
        return pd.DataFrame(columns=["unit", "unit_start", "unit_quote", "coder", "claim_id"])
    table.insert(0, "unit", [units[u]["label"] for u in table._u])
    table.insert(1, "unit_start", [units[u]["span"][0] for u in table._u])
    table.insert(2, "unit_quote", [units[u]["quote"] for u in table._u])
    table["_order"] = table.coder.map(order)
    return (table.sort_values(["unit_start", "_u", "_order"], kind="stable")
            .drop(columns=["_u", "_order"]).reset_index(drop=True))


def _answered_unit(units: pd.DataFrame, span: tuple[int, int]) -> str | None:
    """The unit whose claims share the most characters with ``span`` (the first of equal ones); None if none does.

    Example:
        >>> u = pd.DataFrame({"unit": ["a", "a", "b"], "start": [0, 2, 20], "end": [10, 12, 30]})
        >>> _answered_unit(u, (3, 12)), _answered_unit(u, (25, 40)), _answered_unit(u, (50, 60))
        ('a', 'b', None)
    """
    best, unit = 0, None
    for label, start, end in zip(units.unit, units.start, units.end):
        shared = _overlap(span, (start, end))
        if shared > best:
            best, unit = shared, label
    return unit


def _values(units: pd.DataFrame, codings: list[Coding]) -> pd.DataFrame:
    """One row per unit and coder, one column per field of :data:`FIELDS`, values as text (None: missing).

    ``answers`` is the unit of the claim answered: through the coder's own claim of that id, or, for a worksheet row
    the coder left empty, the unit at that row's words (missing if no coding has a claim there)."""
    by_coder = {c.coder: dict(zip(units[units.coder == c.coder].claim_id, units[units.coder == c.coder].unit))
                for c in codings}
    for c in codings:  # an answer naming a row left empty: the claim at its words, as the other codings have it
        named = set(c.claims.answers.dropna()) if c.empty_rows and "answers" in c.claims else ()
        for row_id in named:
            if row_id in c.empty_rows:
                by_coder[c.coder].setdefault(row_id, _answered_unit(units, c.empty_rows[row_id]))

    def text(v):
        if v is None or (isinstance(v, float) and math.isnan(v)) or v is pd.NA:
            return None
        if isinstance(v, float) and v.is_integer():
            v = int(v)
        return " ".join(str(v).split()) or None

    out = []
    for r in units.to_dict("records"):
        entman = r.get("entman") or ()
        row = {"unit": r["unit"], "unit_start": r["unit_start"], "unit_quote": r["unit_quote"], "coder": r["coder"],
               "actor": text(r.get("actor")), "side": text(r.get("side")), "attribution": text(r.get("attribution")),
               "cue": (text(r.get("cue")) or "").lower().replace("\u2019", "'") or None,
               "frame": text(r.get("frame")), "frame_secondary": text(r.get("frame_secondary")) or "none"}
        row.update({f"entman.{e}": PRESENT if e in entman else "absent" for e in ENTMAN})
        target = text(r.get("answers"))  # None from by_coder: a row left empty that no coding has a claim at
        row["answers"] = by_coder.get(r["coder"], {}).get(target, target) if target else "none"
        out.append(row)
    return pd.DataFrame(out, columns=["unit", "unit_start", "unit_quote", "coder", *FIELDS])


# ---------------------------------------------------------------- alpha


def alpha(data, level: str = "nominal") -> float:
    """Krippendorff's alpha of a coders-by-units table of values (None or NaN for missing), via ``krippendorff``.

    NaN when it is undefined: no unit coded by two coders, or a single value used throughout
    (no variation, so no disagreement to expect).

    Example (Krippendorff 2011, "Computing Krippendorff's Alpha-Reliability", nominal data with missing values):
        >>> n = None
        >>> round(alpha([[1, 2, 3, 3, 2, 1, 4, 1, 2, n, n, n], [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, n, 3],
        ...              [n, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, n], [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, n]]), 3)
        0.743
    """
    counts = _value_counts(data)
    if counts is None:
        return float("nan")
    return _alpha_counts(counts, level)


def _value_counts(data):
    """Units-by-values counts of the pairable units (coded by two or more coders), or None when alpha is undefined."""
    import numpy as np

    cells = [[None if v is None or (isinstance(v, float) and math.isnan(v)) else str(v) for v in row] for row in data]
    domain = sorted({v for row in cells for v in row if v is not None})
    index = {v: i for i, v in enumerate(domain)}
    n_units = max((len(r) for r in cells), default=0)
    counts = np.zeros((n_units, len(domain)), dtype=np.int64)
    for row in cells:
        for u, v in enumerate(row):
            if v is not None:
                counts[u, index[v]] += 1
    counts = counts[counts.sum(axis=1) >= 2]
    if len(counts) == 0 or (counts.sum(axis=0) > 0).sum() < 2:
        return None
    return counts


def _alpha_counts(counts, level: str = "nominal") -> float:
    import krippendorff
    import numpy as np

    used = counts[:, counts.sum(axis=0) > 0]
    if used.shape[1] < 2:
        return float("nan")
    return float(krippendorff.alpha(value_counts=used.astype(np.float64), level_of_measurement=level))


def _nominal_alphas(counts, weights):
    """Nominal alpha of many resamples of the units at once: ``counts`` is the units-by-values count matrix,
    ``weights`` (resamples by units) says how often each resample draws each unit.

    The same arithmetic as ``krippendorff.alpha`` (coincidences, expected coincidences, nominal distances), but
    each unit's share of it is worked out once: a unit adds its counts to the value totals and its matching pairs
    to the diagonal of the coincidence matrix, so a resample's totals are ``weights`` times the units' shares.
    NaN where a resample has fewer than two values (alpha undefined).

    Example:
        >>> import numpy as np, krippendorff
        >>> counts = np.array([[2, 0, 0], [1, 1, 0], [0, 2, 0], [0, 1, 1], [0, 0, 2]])
        >>> round(float(_nominal_alphas(counts, np.ones((1, 5)))[0]), 12) == round(_alpha_counts(counts), 12)
        True
        >>> twice = np.repeat(counts, [2, 1, 0, 3, 1], axis=0)  # a resample drawing units 0, 0, 1, 3, 3, 3, 4
        >>> a = _nominal_alphas(counts, np.array([[2, 1, 0, 3, 1]]))[0]
        >>> round(float(a), 12) == round(_alpha_counts(twice), 12)
        True
        >>> _nominal_alphas(np.array([[2, 0], [0, 2]]), np.array([[2, 0]])).tolist()
        [nan]
    """
    import numpy as np

    counts = np.asarray(counts, dtype=np.int64)
    weights = np.asarray(weights, dtype=np.int64)
    m = counts.sum(axis=1)  # coders per unit (two or more: only pairable units are resampled)
    matching = (counts * (counts - 1)).sum(axis=1) / (m - 1)  # the unit's share of the coincidence diagonal
    # whole numbers, multiplied without BLAS (exact, and no threads spinning for a matrix this small)
    n_v = (weights @ counts).astype(np.float64)  # each value's total in the coincidence matrix
    n = n_v.sum(axis=1)
    observed = n - np.einsum("bu,u->b", weights.astype(np.float64), matching)  # nominal distance: 1 off the diagonal
    with np.errstate(divide="ignore", invalid="ignore"):
        expected = (n ** 2 - (n_v ** 2).sum(axis=1)) / (n - 1)
        alphas = 1 - observed / expected
    alphas[(n_v > 0).sum(axis=1) < 2] = np.nan
    return alphas


#: Decimals of an interval's ends, shown and stored (rounded outward): their resampling error (:func:`resampling_error`)
#: is up to about +-0.03 at :data:`N_BOOT` resamples, so a third decimal would claim a precision the ends lack.
CI_DIGITS = 2


#: A field's note says how many resamples had no variation (alpha undefined, left out of the interval) when they are
#: at least this share of them: then the interval comes only from the resamples that drew the claims that vary.
NOTED_SHARE = 0.01


@functools.lru_cache(maxsize=64)
def _resampled(shape: tuple, data: bytes, level: str, n_boot: int, seed: int):
    """The alphas of ``n_boot`` resamples of the units (the ``shape`` int64 counts in ``data``), sorted, with those
    undefined (no variation) left out; and how many were left out. Kept, so that :func:`resampling_error` reads the
    resamples the interval came from without drawing them again."""
    import numpy as np

    counts = np.frombuffer(data, dtype=np.int64).reshape(shape)
    rng = np.random.default_rng(seed)
    picks = rng.integers(0, len(counts), size=(n_boot, len(counts)))
    if level == "nominal":
        drawn = (np.arange(n_boot)[:, None] * len(counts) + picks).ravel()
        weights = np.bincount(drawn, minlength=n_boot * len(counts)).reshape(n_boot, len(counts))
        values = _nominal_alphas(counts, weights)
    else:
        values = np.array([_alpha_counts(counts[p], level) for p in picks])
    defined = np.sort(values[~np.isnan(values)])
    defined.flags.writeable = False
    return defined, n_boot - len(defined)


def _resamples(counts, level: str, n_boot: int, seed: int):
    import numpy as np

    counts = np.ascontiguousarray(counts, dtype=np.int64)
    return _resampled(counts.shape, counts.tobytes(), level, n_boot, seed)


def _bootstrap(counts, level: str, n_boot: int, seed: int) -> tuple[float, float, int]:
    """Percentile interval (2.5 %, 97.5 %) of alpha over units resampled with replacement, its ends rounded outward
    to :data:`CI_DIGITS` decimals; and how many resamples had no variation (alpha undefined, left out)."""
    import numpy as np

    defined, undefined = _resamples(counts, level, n_boot, seed)
    if len(defined) == 0:
        return float("nan"), float("nan"), n_boot
    low, high = np.percentile(defined, [2.5, 97.5])
    return _down(low, CI_DIGITS), _up(high, CI_DIGITS), undefined


def _end_error(defined) -> float:
    """Resampling error of the two ends of a percentile interval, from the sorted resampled alphas themselves.

    A percentile of ``B`` resamples is one of them, picked by rank; another run of the bootstrap (another seed) would
    put that rank, in 95 % of runs, within ``1.96 * sqrt(B p (1 - p))`` ranks of it (the binomial count of resamples
    below the true percentile). Half the spread of the alphas between those ranks is the error, here the larger of
    the two ends'. It costs no further resampling; where the alphas jump (few claims), it can come out somewhat lower
    than the spread between seeds.

    Example:
        >>> import numpy as np
        >>> round(_end_error(np.linspace(0, 1, 1001)), 3), _end_error(np.ones(1000))
        (0.01, 0.0)
    """
    if len(defined) == 0:
        return float("nan")
    errors = []
    for p in (0.025, 0.975):
        rank, spread = p * (len(defined) - 1), 1.96 * math.sqrt(len(defined) * p * (1 - p))
        lo, hi = max(0, math.floor(rank - spread)), min(len(defined) - 1, math.ceil(rank + spread))
        errors.append((float(defined[hi]) - float(defined[lo])) / 2)
    return max(errors)


def resampling_error(result: Agreement) -> float:
    """The largest resampling error of an interval's end in ``result.fields``: how far the ends would move, in 95 %
    of runs, with another seed (:func:`_end_error`, from the same resamples); NaN when no field has an interval.

    Example:
        >>> r = agreement(find_codings(paths.default_annotation()))
        >>> 0.005 < resampling_error(r) < 0.05
        True
    """
    errors = []
    for row in result.fields.itertuples():
        if row.level == "text" or math.isnan(row.ci_low):
            continue
        counts = _value_counts(_matrix(result.values, result.coders, row.field)[1])
        if counts is not None:
            errors.append(_end_error(_resamples(counts, row.level, result.n_boot, result.seed)[0]))
    return max(errors) if errors else float("nan")


def interval_legend(result: Agreement) -> str:
    """What the interval of ``result.fields`` is and how precise its ends are, computed, in one sentence (the
    terminal legend of ``exportrow agree`` and notebook 04 say it so).

    Example:
        >>> legend = interval_legend(agreement(find_codings(paths.default_annotation())))
        >>> print(legend)  # doctest: +ELLIPSIS, +NORMALIZE_WHITESPACE
        95% CI: percentile bootstrap over 10,000 resamples of the claims (seed 15); at 10,000 resamples its ends carry
        a resampling error of about ±0.0... (estimated from the resamples: about how far another seed would move them),
        so they are shown to 2 decimals, rounded outward (the low end down, the high end up). Resamples in which every
        coder used one value (alpha undefined) are left out of the interval; a field's note says how many when they are
        1% or more of them. The verdict judges alpha, not the interval.
    """
    error = resampling_error(result)
    n = f"{result.n_boot:,}"
    if math.isnan(error):
        how = "no field has one"
    else:
        size = (f"less than ±{10 ** -CI_DIGITS:.{CI_DIGITS}f}" if error < 10 ** -CI_DIGITS else
                f"about ±{math.ceil(error * 10 ** CI_DIGITS - 1e-9) / 10 ** CI_DIGITS:.{CI_DIGITS}f}")
        how = (f"at {n} resamples its ends carry a resampling error of {size} (estimated from the resamples: about "
               f"how far another seed would move them), so they are shown to {CI_DIGITS} decimals, rounded outward "
               "(the low end down, the high end up)")
    return (f"95% CI: percentile bootstrap over {n} resamples of the claims (seed {result.seed}); {how}. Resamples in "
            "which every coder used one value (alpha undefined) are left out of the interval; a field's note says how "
            f"many when they are {NOTED_SHARE:.0%} or more of them. The verdict judges alpha, not the interval.")


def verdict(value: float) -> str:
    """Krippendorff's (2004) reading of an alpha, against the thresholds :data:`RELIABLE` and :data:`TENTATIVE`.

    Example:
        >>> verdict(0.85), verdict(0.7), verdict(0.2), verdict(float("nan"))
        ('reliable', 'tentative', 'unreliable', 'undefined')
    """
    if value is None or math.isnan(value):
        return "undefined"
    return "reliable" if value >= RELIABLE else "tentative" if value >= TENTATIVE else "unreliable"


def _matrix(values: pd.DataFrame, coders: list[str], fld: str) -> tuple[list[str], list[list]]:
    units = list(dict.fromkeys(values.unit))
    cell = {(u, c): (None if v is None or v is pd.NA or (isinstance(v, float) and math.isnan(v)) else v)
            for u, c, v in zip(values.unit, values.coder, values[fld])}
    return units, [[cell.get((u, c)) for u in units] for c in coders]


def _present_absent(fld: str) -> bool:
    """Whether a field of :data:`FIELDS` is present or absent on each claim (an Entman function)."""
    return fld.startswith("entman.")


def field_table(values: pd.DataFrame, coders: list[str], fields=None, *, n_boot: int = N_BOOT,
                seed: int = SEED, present_absent: bool = False) -> pd.DataFrame:
    """Agreement per field from a unit-by-coder table of values (see :func:`agreement`).

    A present/absent field (an Entman function; every field with ``present_absent``, as :func:`frame_reliability`
    asks) also counts its ``claims``: of the units coded by two or more coders (those alpha reads), the ones that at
    least one of them marked :data:`PRESENT`; a unit only one coder coded, present or not, is not counted. Fewer than
    :data:`MIN_UNITS` of them (but at least one) give the verdict :data:`TOO_FEW`, however many claims were coded
    twice, with a note giving the count: whether the coders agree on those few claims decides alpha, and the
    bootstrap, which leaves out every resample without them, gives an interval that looks exact (1.00 to 1.00)
    when it is not. Other fields have no ``claims`` (``<NA>``).

    The interval leaves out the resamples in which every coder used one value (alpha undefined); when they are
    :data:`NOTED_SHARE` of the resamples or more, the note says how many (:func:`_left_out_note`).

    Example (two coders agree on one claim of two: alpha 0, no better than chance):
        >>> v = pd.DataFrame({"unit": ["u1", "u1", "u2", "u2"], "coder": ["a", "b", "a", "b"],
        ...                   "frame": ["1", "1", "2", "1"]})
        >>> t = field_table(v, ["a", "b"], ["frame"], n_boot=100)
        >>> t[["field", "alpha", "percent_agreement", "units"]].values.tolist()
        [['frame', 0.0, 50.0, 2]]

    Example (12 claims coded twice, one of which both coders mark present: that one claim decides alpha):
        >>> v = pd.DataFrame({"unit": [f"u{k}" for k in range(12)] * 2, "coder": ["a"] * 12 + ["b"] * 12,
        ...                   "entman.treatment_recommendation": (["present"] + ["absent"] * 11) * 2})
        >>> r = field_table(v, ["a", "b"], ["entman.treatment_recommendation"], n_boot=100).iloc[0]
        >>> print(r.alpha, r.ci_low, r.ci_high, r.units, r.claims, r.verdict)
        1.0 1.0 1.0 12 1 too few units
        >>> print(r.note)  # doctest: +NORMALIZE_WHITESPACE
        only 1 claim coded by two or more coders carries it (marked present by at least one of them); exportrow gives
        a verdict from 10: alpha and its interval judge nothing yet; 40 of 100 resamples had no variation and were
        left out of the interval
    """
    rows = []
    for fld in fields or FIELDS:
        level, _ = FIELDS[fld]
        _, matrix = _matrix(values, coders, fld)
        pairable = [[row[u] for row in matrix] for u in range(len(matrix[0]) if matrix else 0)]
        pairable = [[v for v in col if v is not None] for col in pairable]
        pairable = [col for col in pairable if len(col) >= 2]  # the units alpha reads: coded by two or more coders
        # of those, the ones a coder marked present: a claim only one coder coded says nothing about agreement
        carrying = (sum(PRESENT in col for col in pairable) if present_absent or _present_absent(fld) else pd.NA)
        agree = percent_agreement(pairable)
        coders_n = sum(any(v is not None for v in row) for row in matrix)
        note, a, low, high, left_out = "", float("nan"), float("nan"), float("nan"), 0
        if not pairable:
            note = "no claim coded by two coders"
        elif level == "text":
            note = "free text: percentage agreement only"
        else:
            counts = _value_counts(matrix)
            if counts is None:
                note = "undefined: every coder used one value throughout"
            else:
                a = _alpha_counts(counts)
                low, high, left_out = _bootstrap(counts, level, n_boot, seed)
        shown = _down(a)  # the verdict judges the alpha shown, which never rounds up across a threshold
        judged = "percentage only" if level == "text" else verdict(shown)
        if judged not in ("percentage only", "undefined") and len(pairable) < MIN_UNITS:
            judged = TOO_FEW
            note = (f"only {len(pairable)} claim{'s' if len(pairable) != 1 else ''} coded by two or more coders; "
                    f"exportrow gives a verdict from {MIN_UNITS}: alpha and its interval judge nothing yet")
        elif judged != "percentage only" and carrying is not pd.NA and 0 < carrying < MIN_UNITS:
            judged = TOO_FEW  # a function or frame on 1 claim: that claim decides alpha (none: alpha is undefined)
            note = (f"only {carrying} claim{'s' if carrying != 1 else ''} coded by two or more coders "
                    f"{'carry' if carrying != 1 else 'carries'} it (marked {PRESENT} by at least one of them); "
                    f"exportrow gives a verdict from {MIN_UNITS}: alpha and its interval judge nothing yet")
        if left_out and left_out >= NOTED_SHARE * n_boot:
            note = "; ".join(filter(None, [note, _left_out_note(left_out, n_boot)]))
        rows.append({"field": fld, "level": level, "alpha": shown, "ci_low": _down(low), "ci_high": _up(high),
                     "percent_agreement": _round(agree, 1), "units": len(pairable), "claims": carrying,
                     "coders": coders_n, "verdict": judged, "note": note})
    table = pd.DataFrame(rows, columns=_FIELD_COLUMNS)
    return table.astype({"units": "int64", "claims": "Int64", "coders": "int64"})


def _left_out_note(left_out: int, n_boot: int) -> str:
    """How many of ``n_boot`` resamples had no variation, as a field's note says it.

    Example:
        >>> _left_out_note(348, 10_000)
        '348 of 10,000 resamples had no variation and were left out of the interval'
        >>> _left_out_note(50, 50)
        'every one of the 50 resamples had no variation: no interval'
    """
    if left_out >= n_boot:
        return f"every one of the {n_boot:,} resamples had no variation: no interval"
    return f"{left_out:,} of {n_boot:,} resamples had no variation and were left out of the interval"


#: What ``percent_agreement`` (``agree %``) is, in the words the terminal legend and notebook 04 use.
PERCENT_DEFINITION = ("for each claim, the share of pairs of coders who gave it the same value among the pairs who "
                      "both coded it, averaged over the claims (with two coders: the share of claims they agree on)")


def percent_agreement(units) -> float:
    """Pairwise percentage agreement (:data:`PERCENT_DEFINITION`) of the values each unit got from the coders who
    coded it; units coded by fewer than two coders are left out; NaN with none.

    With two coders it is the share of units they agree on. With more, it is not the share of units on which every
    coder agrees (unanimity, which falls as coders are added): three coders giving a unit ``1, 1, 2`` agree in one
    pair of three.

    Example:
        >>> percent_agreement([["1", "1"], ["1", "2"]])
        50.0
        >>> round(percent_agreement([["1", "1", "2"], ["3", "3", "3"], ["4"]]), 3)
        66.667
    """
    from collections import Counter

    shares = []
    for col in units:
        present = [v for v in col if v is not None]
        n = len(present)
        if n < 2:
            continue
        agreeing = sum(k * (k - 1) for k in Counter(present).values())
        shares.append(agreeing / (n * (n - 1)))
    return 100 * sum(shares) / len(shares) if shares else float("nan")


def _round(x: float, digits: int = 3) -> float:
    return float("nan") if x is None or math.isnan(x) else round_half_up(float(x), digits)  # a tie as by hand


def _down(x: float, digits: int = 3) -> float:
    """``x`` cut to ``digits`` decimals, rounded down: an alpha shown, stored and judged never rises across a
    threshold (0.6666 is 0.666, below 0.667, as the unrounded value is). The 1e-9 absorbs float noise.

    Example:
        >>> _down(0.66666), _down(0.675), _down(-0.0714), _down(1.0)
        (0.666, 0.675, -0.072, 1.0)
    """
    if x is None or math.isnan(x):
        return float("nan")
    return math.floor(float(x) * 10 ** digits + 1e-9) / 10 ** digits + 0.0


def _up(x: float, digits: int = 3) -> float:
    """``x`` rounded up to ``digits`` decimals: the top of an interval, so that the interval shown holds the true one.

    Example:
        >>> _up(0.6661), _up(0.9)
        (0.667, 0.9)
    """
    if x is None or math.isnan(x):
        return float("nan")
    return math.ceil(float(x) * 10 ** digits - 1e-9) / 10 ** digits + 0.0


# ---------------------------------------------------------------- the result


@dataclass
class Agreement:
    """The agreement between codings of one article's claims.

    Attributes:
        codings: The codings compared, in the order given.
        values: One row per unit (matched claim) and coder: each field's value (None: not coded).
        fields: One row per field: alpha, its bootstrap interval, percentage agreement, units, coders, verdict.
        coverage: One row per unit: which coders found the claim and which did not.
        disagreements: One row per unit and field on which the coders who coded it differ, one column per coder.
        confusion: For two coders, one row per field and pair of values: how many units got them.
    """

    codings: list[Coding]
    values: pd.DataFrame
    fields: pd.DataFrame
    coverage: pd.DataFrame
    disagreements: pd.DataFrame
    confusion: pd.DataFrame
    n_boot: int = N_BOOT
    seed: int = SEED
    notes: list[str] = field(default_factory=list)

    @property
    def coders(self) -> list[str]:
        return [c.coder for c in self.codings]

    def text(self) -> str:
        """A readable summary for the terminal: the field table, then the claims only some coders found."""
        return _summary_text(self)

    def write(self, out: str | Path, *, force: bool = False) -> list[Path]:
        """Write ``agreement.csv``, ``coverage.csv``, ``disagreements.csv`` and (two coders) ``confusion.csv``.

        ``out`` follows exportrow's rule for output folders (:func:`exportrow.outdir.check_out_place`): not empty,
        not the home folder, ``/`` or a project folder."""
        from exportrow.outdir import check_out_place

        check_out_place(out, _OUT_EXAMPLE)
        return _write(self, Path(out).expanduser(), force=force)


def _coverage(values: pd.DataFrame, coders: list[str]) -> pd.DataFrame:
    rows = []
    for (unit, start, quote), g in values.groupby(["unit", "unit_start", "unit_quote"], sort=False):
        found = [c for c in coders if c in set(g.coder)]
        rows.append({"unit": unit, "start": start, "quote": quote, "found_by": len(found),
                     "coders": "; ".join(found), "missing": "; ".join(c for c in coders if c not in found)})
    table = pd.DataFrame(rows, columns=["unit", "start", "quote", "found_by", "coders", "missing"])
    return table.astype({"start": "int64", "found_by": "int64"})


def _absent(v) -> bool:
    """Whether a value of the unit-by-coder table is missing (None, NaN or NA: not coded)."""
    return v is None or v is pd.NA or (isinstance(v, float) and math.isnan(v))


def _disagreements(values: pd.DataFrame, coders: list[str], fields) -> pd.DataFrame:
    rows = []
    for (unit, quote), g in values.groupby(["unit", "unit_quote"], sort=False):
        by = dict(zip(g.coder, g.to_dict("records")))
        for fld in fields:
            vals = {c: None if _absent(by[c][fld]) else by[c][fld] for c in coders if c in by}
            present = [v for v in vals.values() if v is not None]
            if len(present) >= 2 and len(set(present)) > 1:
                rows.append({"unit": unit, "quote": quote, "field": fld, **{c: vals.get(c) for c in coders}})
    return pd.DataFrame(rows, columns=["unit", "quote", "field", *coders])


def _confusion(values: pd.DataFrame, coders: list[str], fields) -> pd.DataFrame:
    cols = ["field", "coder_a", "value_a", "coder_b", "value_b", "units"]
    if len(coders) != 2:
        return pd.DataFrame(columns=cols)
    a, b = coders
    wide = values.pivot(index="unit", columns="coder", values=list(fields)) if len(values) else None
    rows = []
    for fld in fields:
        if wide is None:
            break
        pairs = wide[fld].dropna(subset=[c for c in (a, b) if c in wide[fld]]) if {a, b} <= set(wide[fld]) else None
        if pairs is None:
            continue
        counts = pairs.groupby([a, b]).size()
        for (va, vb), n in counts.items():
            rows.append({"field": fld, "coder_a": a, "value_a": va, "coder_b": b, "value_b": vb, "units": int(n)})
    return pd.DataFrame(rows, columns=cols)


def agreement(codings, *, article=None, fields=None, n_boot: int = N_BOOT, seed: int = SEED,
              metadata: dict | None = None) -> Agreement:
    """Compare two or more codings of one article's claims, field by field.

    Args:
        codings: Paths of annotations or filled worksheets (YAML or CSV), or :class:`Coding` objects.
        article: The article (path or :class:`~exportrow.article.Article`); None means the one the first
            coding names.
        fields: Fields to compare (names of :data:`FIELDS`; ``"entman"`` stands for the four functions);
            None means all of them.
        n_boot: Bootstrap resamples for the confidence interval.
        seed: Seed of the bootstrap, so that two runs give the same interval.
        metadata: ``published``, ``outlet`` and ``timezone`` overriding the article's own (``--published``...).

    Returns:
        An :class:`Agreement`; ``exportrow agree`` prints its :meth:`~Agreement.text` and writes its tables.

    Raises:
        UsageError: Fewer than two codings, the same file twice, or an unknown field.
        AgreementError: Codings of different articles.
        exportrow.worksheet.WorksheetError, exportrow.annotations.AnnotationError: A coding has bad values.

    Example (a coder who gives every claim frame 6 does not agree with the annotation):
        >>> import tempfile
        >>> from exportrow import load_annotation
        >>> from exportrow.worksheet import make_worksheet, worksheet_yaml
        >>> ws = make_worksheet(load_annotation())
        >>> for c in ws.claims:
        ...     c["frame"] = 6
        >>> p = Path(tempfile.mkdtemp()) / "all-six.yaml"
        >>> _ = p.write_text(worksheet_yaml(ws), encoding="utf-8")
        >>> t = agreement([paths.default_annotation(), p], fields=["frame"], n_boot=100).fields
        >>> t.verdict.tolist(), int(t.units[0]) == len(load_annotation().claims), int(t.coders[0])
        (['unreliable'], True, 2)
    """
    chosen = _fields(fields)
    if codings and all(isinstance(c, Coding) for c in codings):
        if len(codings) < 2:
            raise UsageError(f"agreement needs at least two codings, got {len(codings)}")
        read = list(codings)
    else:
        read = read_codings(list(codings), article, metadata=metadata)
    read = _heard(read)
    coders = [c.coder for c in read]
    units = match_units(read)
    values = _values(units, read)
    table = field_table(values, coders, chosen, n_boot=n_boot, seed=seed)
    notes = [n for c in read for n in c.notes] + skipped_note(read, chosen)
    lists = [set(c.actors) for c in read if c.actors]
    common = set.intersection(*lists) if lists else set()
    if "actor" in chosen and lists and not set(values.actor.dropna()) <= common:  # an actor some lists lack
        notes.append("The codings use different actor lists, so actor ids may name the same actor differently; "
                     "compare side instead.")
        actor = table.field == "actor"  # an alpha over ids that name different things would mislead: none is given
        table.loc[actor, "note"] = "codings use different actor lists: compare side instead"
        table.loc[actor, ["alpha", "ci_low", "ci_high"]] = float("nan")
        table.loc[actor, "verdict"] = "not comparable"
    return Agreement(read, values, table, _coverage(values, coders), _disagreements(values, coders, chosen),
                     _confusion(values, coders, chosen), n_boot, seed, notes)


def _heard(codings: list[Coding]) -> list[Coding]:
    """The codings with every attribution as the claims table shows it (:func:`exportrow.tables.heard_attribution`).

    An annotation is read so already. A worksheet's actors have no kind: an actor id that an annotation in the
    comparison declares (the worksheet was made from it) takes that kind, so that a coder who codes a quoted unnamed
    source ``direct_quote`` (as the coding guide asks) and one who codes it ``anonymous_source`` (as the worksheet
    describes it) agree, as both mean what the claims table shows.

    Example:
        >>> ann = Coding(Path("a"), "a", "annotation", pd.DataFrame(), ("src",), {"src": "anonymous_source"})
        >>> ws = Coding(Path("w"), "w", "worksheet", pd.DataFrame({"actor": ["src"], "attribution": ["direct_quote"]}))
        >>> _heard([ann, ws])[1].claims.attribution.tolist()
        ['anonymous_source']
    """
    import dataclasses

    from exportrow.tables import heard_attribution

    kinds: dict = {}
    for c in codings:
        for actor, kind in c.kinds.items():
            kinds.setdefault(actor, kind)
    out = []
    for c in codings:
        if c.kind == "worksheet" and kinds and len(c.claims) and "attribution" in c.claims:
            heard = [heard_attribution(a, kinds.get(actor)) if isinstance(a, str) else a
                     for a, actor in zip(c.claims.attribution, c.claims.actor)]
            c = dataclasses.replace(c, claims=c.claims.assign(attribution=heard))
        out.append(c)
    return out


def _fields(fields) -> list[str]:
    if not fields:
        return list(FIELDS)
    if isinstance(fields, str):
        fields = [fields]
    out = []
    for f in fields:
        if f == "entman":
            out += [k for k in FIELDS if k.startswith("entman.")]
        elif f in FIELDS:
            out.append(f)
        elif f"entman.{f}" in FIELDS:
            out.append(f"entman.{f}")
        else:
            close = difflib.get_close_matches(str(f), [*FIELDS, "entman"], n=1, cutoff=SUGGEST_CUTOFF)
            raise UsageError(f"unknown field {excerpt(f)}; " + (f"did you mean {close[0]!r}?" if close else
                             f"choose from: {', '.join([*FIELDS, 'entman'])}"))
    return list(dict.fromkeys(out))


def compare(files, article=None, fields=None) -> Agreement | None:
    """:func:`agreement` for a notebook: None, not an error, when there are fewer than two codings.

    A blank worksheet (:func:`blank_codings`) is left out: a coder who has not filled in a sheet yet
    does not stop the notebook.

    Example:
        >>> compare([paths.default_annotation()]) is None
        True
    """
    codings = compared_codings(files, article, fields)
    return None if codings is None else agreement(codings, fields=fields)


def compared_codings(files, article=None, fields=None) -> list[Coding] | None:
    """The codings :func:`compare` compares, read and checked (None for fewer than two), each file read once.

    A single coding is read and checked too, though there is nothing to compare it with: a missing file, or one that
    is no coding of this article, is refused here and never named "a coding of this article".

    ``exportrow report`` calls it before any kernel starts, so a coding that notebook 04 could not read stops
    the report with the same message the notebook would give.

    Raises:
        UsageError: An unknown field, or the same file twice.
        exportrow.worksheet.WorksheetError, exportrow.annotations.AnnotationError, AgreementError: A coding
            that cannot be read or compared (bad values, another article, too many claims).

    Example:
        >>> [c.coder for c in compared_codings(find_codings(paths.default_annotation()))]
        ['annotation', 'coder-b']
    """
    fields = _fields(fields)  # a mistyped field fails even with a single coding
    files = [Path(f) for f in files]
    parsed = _worksheets(files)
    files = [f for f in files if not _blank(f, parsed)]
    if len(files) < 2:  # a single coding is still read: the notebook names it as a coding of this article
        if files:
            _read_checked(files, article, parsed=parsed)
        return None
    return read_codings(files, article, parsed=parsed)


def _md(text: str) -> str:
    """Text from a file name or a worksheet, safe in Markdown: HTML escaped, Markdown punctuation made literal.

    Example:
        >>> print(_md("<img src=x> *a*_b"))
        &lt;img src=x&gt; \\*a\\*\\_b
    """
    import html
    import re

    return re.sub(r"([\\`*_\[\]])", r"\\\1", html.escape(str(text), quote=False))


def codings_sentence(result: Agreement | None, files=(), left_out=()) -> str:
    """One sentence on what is compared; with a single coding, that there is nothing to compare and how to get more.

    ``left_out``: the lines of :func:`left_out_files`, added as they are.

    Example:
        >>> print(codings_sentence(None, [paths.default_annotation()]))  # doctest: +ELLIPSIS
        Only one coding of this article was found (nikkei-...yaml), and agreement needs two or more, ...
    """
    blank = blank_codings(files)
    note = (" " + _blank_note(blank)) if blank else ""
    note += "".join(f" {_md(line)}." for line in left_out)
    if result is None:
        names = ", ".join(_md(Path(f).name) for f in files if Path(f) not in blank) or "none"
        return (f"Only one coding of this article was found ({names}), and agreement needs two or more, so the "
                "agreement sections below stay empty: make a worksheet with `exportrow worksheet`, have a second "
                "coder fill it in, and save it beside the annotation as `<article>.<coder>.csv` or `.yaml`."
                + note)
    lines = [n for c in result.codings for n in c.notes] + skipped_note(result, list(result.fields.field))
    skipped = "".join(f" {_md(line)}." for line in lines)  # what reading the worksheets noticed, as agree says it
    return (f"Comparing **{len(result.codings)}** codings ({', '.join(map(_md, result.coders))}) of "
            f"**{len(result.coverage)}** claims." + skipped + note)


def implications(result: Agreement | None, frames: pd.DataFrame | None = None) -> list[str]:
    """Sentences on what the agreement means for notebook 03's framing comparison, each computed from the tables.

    Example:
        >>> implications(None)[0][:60]
        "With one coding, notebook 03's counts rest on one coder's re"
    """
    if result is None:
        return ["With one coding, notebook 03's counts rest on one coder's reading, and nothing here measures how "
                "far another coder would agree with it."]
    t = result.fields.set_index("field")
    uses = {"frame": "its frame counts and the diverging frames chart",
            "side": "its voice shares (claims and words per side)",
            "attribution": "its attribution mix (how each side is heard)",
            "answers": "its pairs of charges and rebuttals"}
    out = []
    for fld, use in uses.items():
        if fld not in t.index:
            continue
        r = t.loc[fld]
        alpha = fmt_fixed(r.alpha, 3)  # a tie away from zero, as by hand
        if r.verdict == "reliable":
            surer = (f", though its interval reaches down to {fmt_fixed(r.ci_low, CI_DIGITS)}: more claims coded "
                     "twice would make this surer") if r.ci_low < TENTATIVE else ""
            out.append(f"**{fld}**: alpha {alpha} (reliable, at least {RELIABLE:.3f}): {use} in notebook 03 "
                       f"can be read as they stand{surer}.")
        elif r.verdict == "tentative":
            out.append(f"**{fld}**: alpha {alpha} (tentative, {TENTATIVE:.3f} to {RELIABLE:.3f}): read {use} "
                       "in notebook 03 as tentative; a small difference between the sides may be the coders'.")
        elif r.verdict == "unreliable":
            out.append(f"**{fld}**: alpha {alpha} (below {TENTATIVE:.3f}): {use} in notebook 03 are one "
                       f"coder's reading, which {_other_coders(len(result.codings))} did not reproduce; do not "
                       "compare the sides on them.")
        elif r.verdict == TOO_FEW:
            twice = "by two or more coders" if len(result.codings) > 2 else "twice"
            out.append(f"**{fld}**: alpha {alpha} on only {int(r.units)} claims coded {twice}, fewer than "
                       f"{MIN_UNITS} (exportrow's minimum for a verdict): nothing here tells yet how far {use} in "
                       "notebook 03 would hold for another coder; have more claims coded twice.")
        else:
            out.append(f"**{fld}**: no alpha ({r.note or r.verdict}), so nothing here tells how far {use} in "
                       "notebook 03 would hold for another coder.")
    if frames is not None and len(frames):
        weak = frames[frames.verdict.isin(["unreliable", "undefined"])]
        few = frames[frames.verdict == TOO_FEW]
        coded_twice = few[few.units < MIN_UNITS]
        if len(coded_twice):
            by = "by two or more coders" if len(result.codings) > 2 else "twice"
            out.append(f"Per frame: {int(coded_twice.units.max())} claims coded {by} are fewer than {MIN_UNITS}, "
                       "so no frame gets a verdict yet.")
        elif len(few):
            out.append("Per frame: " + _few_frames(few) + ".")
        if len(weak):
            listed = "; ".join(f"{r.frame} ({'alpha ' + format(r.alpha, '.3f') if r.alpha == r.alpha else 'no alpha'})"
                               for r in weak.itertuples())
            out.append(f"Frames the coders did not apply alike (alpha below {TENTATIVE:.3f} or undefined): {listed}. "
                       "A difference between the sides in these frames may come from the coding, not the article.")
        elif not len(few):
            out.append(f"Every frame the coders used reaches alpha {TENTATIVE:.3f} or more.")
        elif not len(coded_twice) and len(few) < len(frames):
            rest = [str(f) for f in frames.frame[frames.verdict != TOO_FEW]]
            out.append(f"The other frame{'s' * (len(rest) != 1)} ({'; '.join(rest)}) reach"
                       f"{'es' * (len(rest) == 1)} alpha {TENTATIVE:.3f} or more.")
    partial = result.coverage[result.coverage.missing != ""]
    if len(partial):
        out.append(f"{len(partial)} of {len(result.coverage)} claims were found by only some coders: what counts as "
                   "a claim is itself a coding decision, and notebook 03 counts the annotation's claims only.")
    widths = (t.ci_high - t.ci_low).dropna()
    if len(widths) and widths.max() >= 0.2:
        wide = widths.idxmax()
        carried = t.loc[wide, "claims"]
        carried = "" if carried is pd.NA else f", {int(carried)} of which carry it"
        out.append(f"The widest interval, for {wide}, is {fmt_fixed(widths.max(), CI_DIGITS)} wide: with "
                   f"{int(t.loc[wide, 'units'])} claims{carried}, a few claims coded differently move alpha a lot.")
    return out


def _few_frames(few: pd.DataFrame, md: bool = False) -> str:
    """The frames too few claims coded twice carry, named with their claims, as one clause (no verdict for them).

    Example:
        >>> t = pd.DataFrame({"frame": ["Economic", "Legality, constitutionality and jurisprudence"],
        ...                   "claims": [1, 2]})
        >>> print(_few_frames(t).replace(" are ", " are\\n").replace(": ", ":\\n"))
        Economic (1 claim); Legality, constitutionality and jurisprudence (2 claims) are
        given to fewer than 10 claims coded by two or more coders, so they get no verdict:
        on so few claims one claim coded otherwise moves alpha a lot
    """
    name = _md if md else str
    listed = "; ".join(f"{name(str(r.frame))} ({int(r.claims)} claim{'s' * (int(r.claims) != 1)})"
                       for r in few.itertuples())
    one = len(few) == 1
    return (f"{listed} {'is' if one else 'are'} given to fewer than {MIN_UNITS} claims coded by two or more coders, so "
            f"{'it gets' if one else 'they get'} no verdict: on so few claims one claim coded otherwise moves alpha "
            "a lot")


def codings_table(result: Agreement | None, files=(), article=None) -> pd.DataFrame:
    """One row per coding compared: ``coder, kind, file, claims`` (claims it coded).

    With no result (a single coding), each file is read for its count of claims (``<NA>`` only when it cannot
    be read, or no article is given or found). A blank worksheet among ``files`` gets a row of its own,
    ``blank worksheet (left out)``.

    Example:
        >>> codings_table(None, [paths.default_annotation()])[["coder", "kind", "claims"]].to_dict("records")
        [{'coder': 'annotation', 'kind': 'annotation', 'claims': 24}]
    """
    cols = ["coder", "kind", "file", "claims"]
    name = article.name if article is not None else Path(files[0]).stem if files else ""
    blank = blank_codings(files)
    left_out = [{"coder": _stem_label(Path(f), name), "kind": "blank worksheet (left out)", "file": Path(f).name,
                 "claims": 0} for f in blank]
    if result is None:
        from exportrow.worksheet import is_worksheet

        rows = [{"coder": _stem_label(Path(f), name), "kind": "worksheet" if is_worksheet(f) or str(f).endswith(".csv")
                 else "annotation", "file": Path(f).name, "claims": _claim_count(f, article)}
                for f in files if Path(f) not in blank]
        return pd.DataFrame(rows + left_out, columns=cols).astype({"claims": "Int64"})
    rows = [{"coder": c.coder, "kind": c.kind, "file": c.path.name, "claims": len(c.claims)} for c in result.codings]
    return pd.DataFrame(rows + left_out, columns=cols).astype({"claims": "Int64"})


def _claim_count(path, article) -> int | None:
    """How many claims one coding codes; None when it cannot be read (the notebook has said why already)."""
    from exportrow.article import load_article

    try:
        if article is None:
            found = find_article(path)
            if found is None:
                return None
            article = load_article(found)
        return len(read_coding(path, article).claims)
    except ExportrowError:
        return None


def frame_reliability(result, column: str = "frame", article=None) -> pd.DataFrame:
    """Alpha per frame: for each frame any coder used, whether a claim has it or not (present or absent).

    Notebook 03 can show frames whose alpha is below :data:`TENTATIVE` with a warning.
    Columns: ``frame_code, frame, alpha, ci_low, ci_high, percent_agreement, units, claims, verdict, note``
    (``claims``: of the units coded by two or more coders, the ones that at least one of them gave this frame; a
    claim only one coder coded is not counted, as it never enters alpha). A frame that fewer than :data:`MIN_UNITS`
    such claims carry gets the verdict :data:`TOO_FEW`, however many claims were coded twice: whether the coders
    agree on its one or two claims decides its alpha, and the bootstrap, which leaves out every resample
    without them, gives an interval that looks exact (1.00 to 1.00) when it is not. ``note`` is
    :func:`field_table`'s: it says so, with the count, and how many resamples had no variation and were left out
    of the interval, when they are :data:`NOTED_SHARE` of them or more.

    Args:
        result: An :class:`Agreement`; or coding files (an empty table when there are fewer than two);
            or None (an empty table).
        column: ``"frame"`` (primary frames) or ``"frame_secondary"``.
        article: With coding files: the article they code (default: the one the first names).

    Example:
        >>> frame_reliability(find_codings(paths.default_annotation())[:1]).columns.tolist()[:3]
        ['frame_code', 'frame', 'alpha']
        >>> fr = frame_reliability(find_codings(paths.default_annotation())).set_index("frame")
        >>> print(*fr.loc["Economic", ["alpha", "ci_low", "ci_high", "units", "claims", "verdict"]])
        1.0 1.0 1.0 24 1 too few units
        >>> print(fr.loc["Economic", "note"].split("; ")[-1])  # the resamples without its one claim: no variation
        3,620 of 10,000 resamples had no variation and were left out of the interval
        >>> print(*fr.loc["Crime and punishment", ["alpha", "claims", "verdict"]])  # 12 claims, 5 coded once
        0.782 7 too few units
    """
    if column not in ("frame", "frame_secondary"):
        raise UsageError(f"column must be 'frame' or 'frame_secondary', not {excerpt(column)}")
    cols = ["frame_code", "frame", "alpha", "ci_low", "ci_high", "percent_agreement", "units", "claims", "verdict",
            "note"]
    if not isinstance(result, Agreement):
        result = compare(list(result or []), article, [column])
        if result is None:
            return pd.DataFrame(columns=cols)
    values, coders = result.values, result.coders
    codes = sorted({int(v) for v in values[column].dropna() if str(v).isdigit()})
    rows = []
    for code in codes:
        flag = values.assign(frame=[None if v is None else (PRESENT if v == str(code) else "absent")
                                    for v in values[column]])
        t = field_table(flag, coders, ["frame"], n_boot=result.n_boot, seed=result.seed, present_absent=True).iloc[0]
        rows.append({"frame_code": code, "frame": FRAMES[code], "alpha": t.alpha, "ci_low": t.ci_low,
                     "ci_high": t.ci_high, "percent_agreement": t.percent_agreement, "units": int(t.units),
                     "claims": int(t.claims), "verdict": t.verdict, "note": t.note})
    return pd.DataFrame(rows, columns=cols)


def other_codings_reliability(annotation_path, article=None) -> pd.DataFrame | None:
    """:func:`frame_reliability` of the annotation and the other codings kept beside it; None with one coding.

    Blank worksheets are left out (:func:`compare`); :func:`frame_warning` names them.

    Notebook 03 uses it to warn about frames that coders did not apply alike.

    Example:
        >>> per_frame = other_codings_reliability(paths.default_annotation())
        >>> per_frame is not None and {"frame", "alpha", "verdict"} <= set(per_frame.columns)
        True
    """
    files = find_codings(annotation_path, article)
    blank = blank_codings(files)
    if len(files) - len(blank) < 2:
        return None
    return frame_reliability(files, article=article)


def weak_frames(per_frame: pd.DataFrame | None, frames: pd.DataFrame | None = None) -> dict[str, str]:
    """Frames the coders did not apply alike (alpha below :data:`TENTATIVE`, or none), by name, with their alpha.

    With ``frames`` (notebook 03's counts), only the frames some compared claim has.

    Example:
        >>> t = pd.DataFrame({"frame": ["Economic", "Political"], "alpha": [0.9, 0.41],
        ...                   "verdict": ["reliable", "unreliable"]})
        >>> weak_frames(t)
        {'Political': 'alpha 0.410'}
    """
    if per_frame is None or per_frame.empty:
        return {}
    weak = per_frame[per_frame.verdict.isin(["unreliable", "undefined"])]  # "too few units": see frame_warning
    if frames is not None:
        used = set(frames.loc[frames.claims > 0, "frame"].astype(str))
        weak = weak[weak.frame.isin(used)]
    return {str(r.frame): (f"alpha {fmt_fixed(r.alpha, 3)}" if r.alpha == r.alpha else "no alpha")
            for r in weak.itertuples()}


def unreliable_frame_field(result: Agreement | None) -> pd.Series | None:
    """The ``frame`` row of ``result``'s field table when its verdict is ``unreliable`` (alpha below
    :data:`TENTATIVE` on at least :data:`MIN_UNITS` claims coded twice); else None.

    Notebook 04 (:func:`implications`) tells the reader not to compare the sides on frames then, and notebook 03
    (:func:`frame_warning`, :func:`frame_chart_note`) warns with the same alpha.

    Example:
        >>> unreliable_frame_field(None) is None
        True
        >>> unreliable_frame_field(compare(find_codings(paths.default_annotation()), fields=["frame"])) is None
        True
    """
    if result is None or "frame" not in set(result.fields.field):
        return None
    row = result.fields.set_index("field").loc["frame"]
    return row if row.verdict == "unreliable" else None


def _other_coders(codings: int) -> str:
    """Who did not reproduce one coder's frames: "another coder" beside one other coding, else "the other coders"."""
    return "the other coders" if codings > 2 else "another coder"


def _frame_field_words(row: pd.Series, codings: int) -> str:
    by = "coded by two or more coders" if codings > 2 else "coded twice"
    return f"frame alpha {fmt_fixed(row.alpha, 3)} on {int(row.units)} claims {by}, below {TENTATIVE:.3f}"


def frame_chart_note(result: Agreement | None) -> str:
    """The sentence a frames chart carries under it when the coders did not reproduce the frames as a whole
    (:func:`unreliable_frame_field`); empty otherwise.

    Example:
        >>> frame_chart_note(None)
        ''
    """
    row = unreliable_frame_field(result)
    if row is None:
        return ""
    words = _frame_field_words(row, len(result.codings))
    return (f"Low agreement: {_other_coders(len(result.codings))} did not reproduce these frames ({words}); do not "
            "compare the sides on them.")


def frame_warning(per_frame: pd.DataFrame | None, frames: pd.DataFrame | None = None, codings=(),
                  result: Agreement | None = None) -> str:
    """Notebook 03's sentence on how far its frame counts would hold for another coder.

    ``codings``: the coding files found (:func:`find_codings`); a blank worksheet among them is named as
    left out. ``result``: their comparison (:func:`compare`, with the ``frame`` field): when the frame field as a
    whole is unreliable (:func:`unreliable_frame_field`), the warning gives its alpha first, as notebook 04 does,
    whatever the frames one by one say (in a short article every frame is given to too few claims for a verdict
    of its own).

    Example:
        >>> print(frame_warning(None))  # doctest: +NORMALIZE_WHITESPACE
        One coding of this article: nothing measures yet how far another coder would give these claims the
        same frames (notebook 04 compares codings).
        >>> t = pd.DataFrame({"frame": ["Economic", "Political"], "alpha": [0.9, 0.41],
        ...                   "verdict": ["reliable", "unreliable"]})
        >>> print(frame_warning(t))  # doctest: +NORMALIZE_WHITESPACE
        **Warning: low agreement between coders.** Another coding of this article gives these claims other
        frames: Political (alpha 0.410) stays below 0.667, Krippendorff's lowest threshold. A difference between
        the sides in these frames may come from the coding, not the article; notebook 04 shows where the coders
        differ.
    """
    blank = blank_codings(codings)
    note = (" " + _blank_note(blank)) if blank else ""
    if per_frame is None:
        return ("One coding of this article: nothing measures yet how far another coder would give these claims "
                "the same frames (notebook 04 compares codings)." + note)
    field_row = unreliable_frame_field(result)
    if field_row is not None:
        return _unreliable_frames(field_row, per_frame, frames, len(result.codings)) + note
    few = per_frame[per_frame.verdict == TOO_FEW] if "units" in per_frame else per_frame.iloc[0:0]
    if "units" in few and "claims" in few:  # a frame on too few claims; or too few claims coded twice (every frame)
        few_claims, few = few[few.units >= MIN_UNITS], few[few.units < MIN_UNITS]
    else:
        few_claims = few.iloc[0:0]
    many = len(codings) - len(blank) > 2  # the annotation and two or more other codings
    exist = "Other codings of this article exist" if many else "Another coding of this article exists"
    if len(few):
        by = "two or more coders" if many else "both"
        return (f"**Too few claims to judge agreement.** {exist}, but only "
                f"{int(few.units.max())} claims were coded by {by}, fewer than {MIN_UNITS} (exportrow's minimum for a "
                "verdict): nothing here tells yet whether another coder would give these claims the same frames; "
                "notebook 04 shows where the coders differ." + note)
    weak = weak_frames(per_frame, frames)
    drawn = (set(frames.loc[frames.claims > 0, "frame"].astype(str)) if frames is not None
             else set(per_frame.frame.astype(str)))
    few_claims = few_claims[few_claims.frame.astype(str).isin(drawn)]
    judged = [str(f) for f in per_frame.loc[per_frame.verdict != TOO_FEW, "frame"] if str(f) in drawn]
    few_note = f" {_few_frames(few_claims, md=True)} (notebook 04, section 6)." if len(few_claims) else ""
    if not weak and not judged and len(few_claims):
        return (f"**Too few claims to judge agreement per frame.** {exist}, but every "
                f"frame drawn here is given to fewer than {MIN_UNITS} claims coded by two or more coders: nothing "
                "here tells yet whether another coder would apply these frames alike; notebook 04 shows where the "
                "coders differ." + _frames_together(result) + note)
    if not weak:
        enough = (f" with enough claims to judge ({'; '.join(_md(f) for f in judged)})" if len(few_claims)
                  else "")
        return (f"{exist}: every frame drawn here{enough} reaches alpha "
                f"{TENTATIVE:.3f} or more between the coders (notebook 04 has the details)." + few_note + note)
    listed = "; ".join(f"{_md(name)} ({a})" for name, a in weak.items())
    verb = "stays" if len(weak) == 1 else "stay"
    gives = "Other codings of this article give" if many else "Another coding of this article gives"
    return (f"**Warning: low agreement between coders.** {gives} these claims other "
            f"frames: {listed} {verb} below {TENTATIVE:.3f}, Krippendorff's lowest threshold. A difference "
            "between the sides in these frames may come from the coding, not the article; notebook 04 shows where "
            "the coders differ." + few_note + note)


def _frames_together(result: Agreement | None) -> str:
    """The frame field's own verdict, as a sentence for :func:`frame_warning`, when it has one that is not
    ``unreliable`` (that one comes first, from :func:`_unreliable_frames`): notebook 04 reads the frame counts by it
    even when no frame, one by one, has enough claims for a verdict of its own; else ``""``.

    Example:
        >>> r = compare(find_codings(paths.default_annotation()), fields=["frame"])
        >>> _frames_together(r)
        ' Taken together, the frames reach alpha 0.745 on 24 claims coded twice (tentative, as notebook 04 says).'
    """
    if result is None or "frame" not in set(result.fields.field):
        return ""
    row = result.fields.set_index("field").loc["frame"]
    if row.verdict not in ("reliable", "tentative"):
        return ""
    by = "coded by two or more coders" if len(result.codings) > 2 else "coded twice"
    return (f" Taken together, the frames reach alpha {fmt_fixed(row.alpha, 3)} on {int(row.units)} claims {by} "
            f"({row.verdict}, as notebook 04 says).")


def _unreliable_frames(row: pd.Series, per_frame: pd.DataFrame, frames: pd.DataFrame | None, codings: int) -> str:
    """:func:`frame_warning` when the frame field as a whole is unreliable: its alpha first, then what the frames
    one by one add (the weak ones, the ones that reach :data:`TENTATIVE`, the ones too few claims carry)."""
    drawn = (set(frames.loc[frames.claims > 0, "frame"].astype(str)) if frames is not None
             else set(per_frame.frame.astype(str)))
    mine = per_frame[per_frame.frame.astype(str).isin(drawn)]
    weak = weak_frames(mine, frames)
    fine = [_md(f) for f, v in zip(mine.frame.astype(str), mine.verdict)
            if v not in (TOO_FEW, "unreliable", "undefined")]
    few = mine[mine.verdict == TOO_FEW] if "claims" in mine else mine.iloc[0:0]
    text = ("**Warning: low agreement between coders.** The frames here are one coder's reading, which "
            f"{_other_coders(codings)} did not reproduce: {_frame_field_words(row, codings)}, Krippendorff's lowest "
            "threshold. Do not compare the sides on them; notebook 04 shows where the coders differ.")
    if weak:
        listed = "; ".join(f"{_md(name)} ({a})" for name, a in weak.items())
        text += f" Per frame: {listed} {'stays' if len(weak) == 1 else 'stay'} below {TENTATIVE:.3f} too."
    if fine:
        one = len(fine) == 1
        text += (f" Per frame: {'; '.join(fine)} {'reaches' if one else 'reach'} alpha {TENTATIVE:.3f} or more on "
                 f"{'its' if one else 'their'} own.")
    if len(few):
        text += f" Per frame: {_few_frames(few, md=True)} (notebook 04, section 6)."
    return text


# ---------------------------------------------------------------- output


def _fmt(x, digits=3) -> str:
    return "" if x is None or (isinstance(x, float) and math.isnan(x)) else f"{x:.{digits}f}"


#: How many claims only some coders found the terminal summary lists (coverage.csv has them all).
PARTIAL_SHOWN = 20


def _summary_text(result: Agreement) -> str:
    t = result.fields
    lines = [f"Agreement of {len(result.codings)} codings ({', '.join(result.coders)}) on "
             f"{result.coverage.shape[0]} claims:", ""]
    head = ("field", "alpha", "95% CI", "agree %", "units", "coders", "verdict")
    rows = [(r.field, _fmt(r.alpha), f"{_fmt(r.ci_low, CI_DIGITS)} to {_fmt(r.ci_high, CI_DIGITS)}"
             if not math.isnan(r.ci_low) else "",
             _fmt(r.percent_agreement, 1), str(r.units), str(r.coders), r.verdict) for r in t.itertuples()]
    widths = [max(len(x[i]) for x in [head, *rows]) for i in range(len(head))]
    for row in [head, tuple("-" * w for w in widths), *rows]:
        lines.append("  ".join(c.ljust(w) if i in (0, 6) else c.rjust(w) for i, (c, w) in
                               enumerate(zip(row, widths))).rstrip())
    lines += ["", f"agree %: pairwise percentage agreement, {PERCENT_DEFINITION}.",
              f"alpha: Krippendorff's, nominal; verdict: reliable >= {RELIABLE:.3f}, tentative >= {TENTATIVE:.3f} "
              "(Krippendorff 2004), judged on alpha as shown, cut to 3 decimals (rounded down, so never up across a "
              f"threshold); on fewer than {MIN_UNITS} claims coded twice, or an Entman function carried by fewer "
              f"than {MIN_UNITS} of the claims coded twice, '{TOO_FEW}' (exportrow's rule: no verdict).",
              interval_legend(result)]
    notes: dict[str, list[str]] = {}
    for r in t.itertuples():
        if r.note:
            notes.setdefault(r.note, []).append(r.field)
    for note, flds in notes.items():
        lines.append(f"note on {'every field' if len(flds) == len(t) > 1 else ', '.join(flds)}: {note}")
    lines += result.notes
    partial = result.coverage[result.coverage.missing != ""]
    if len(partial):
        lines += ["", f"{len(partial)} claim(s) only some coders found:"]
        for r in partial.head(PARTIAL_SHOWN).itertuples():
            lines.append(f"  {r.unit}: {excerpt(r.quote, 70)} found by {r.coders}; not by {r.missing}")
        if len(partial) > PARTIAL_SHOWN:
            lines.append(f"  ... and {len(partial) - PARTIAL_SHOWN} more: see coverage.csv")
    elif len(result.coverage):
        lines += ["", "Every coder found every claim."]
    lines.append(f"{len(result.disagreements)} disagreement(s) on single claims and fields: see disagreements.csv.")
    return "\n".join(lines)


_HEADERS = {"agreement.csv": (",".join(_FIELD_COLUMNS),  # and as exportrow wrote it before it had "claims"
                               ",".join(c for c in _FIELD_COLUMNS if c != "claims")),
            "coverage.csv": "unit,start,quote,found_by,coders,missing",
            "disagreements.csv": "unit,quote,field", "confusion.csv": "field,coder_a,value_a,coder_b,value_b,units"}


def _ours(path: Path) -> bool:
    """Whether an existing output file is one this command wrote (its first line is our header)."""
    try:
        with open(path, encoding="utf-8") as fh:
            first = fh.readline().rstrip("\n")
    except (OSError, UnicodeDecodeError):
        return False
    return first.startswith(_HEADERS[path.name])


#: What ``agree`` records beside its tables: each one's size and SHA-256, so that a table edited since is noticed.
_RECORD = ".exportrow-agree.json"


def _recorded(out: Path) -> dict:
    """The checksums ``agree`` recorded in ``out`` on its last run (``{}`` if none, or damaged: names only)."""
    try:
        data = json.loads((out / _RECORD).read_text(encoding="utf-8"))
        sums = data["checksums"]
        return {k: v for k, v in sums.items() if k in _HEADERS and isinstance(v, dict)}
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return {}


def _edited_tables(out: str | Path) -> list[str]:
    """The tables ``agree`` wrote in ``out`` that someone has changed since (by the checksums it recorded there).

    Example:
        >>> import tempfile
        >>> _edited_tables(Path(tempfile.mkdtemp()))
        []
    """
    from exportrow.outdir import edited_files

    out = Path(out).expanduser()
    record = _recorded(out)
    # the record is a marker of agree's own tables: outdir's check of edited files reads it as it reads a folder's
    return [name for name in edited_files(out, {"files": list(record), "checksums": record}) if name in _HEADERS]


def _write(result: Agreement, out: Path, *, force: bool = False) -> list[Path]:
    from exportrow.export import formula_safe, table_to_csv, write_atomic
    from exportrow.outdir import OutputFolderError, checksums, writing_out

    def write_table(table: pd.DataFrame, folder: Path, name: str) -> Path:  # checked above, by agree's own rule
        return write_atomic(folder / f"{name}.csv", table_to_csv(formula_safe(table)))  # see formula_warnings

    targets = ["agreement.csv", "coverage.csv", "disagreements.csv", "confusion.csv"]
    if out.exists() and not out.is_dir():
        raise UsageError(f"{out} is a file; --out names a folder for the CSV tables")
    from exportrow.outdir import check_out_file

    for name in targets:  # exportrow's one rule for output files: its own tables are replaced, nothing else ever
        check_out_file(out / name, "a table that exportrow agree wrote", _ours, force=force, edited=False)
    edited = _edited_tables(out)
    if edited and not force:
        raise OutputFolderError(
            f"--out {out}: tables that exportrow agree wrote have been changed since: {', '.join(edited)}; they "
            "were left as they are and nothing was written. Fix: copy them elsewhere to keep the changes, choose "
            "another folder (--out), or add --force to replace them")
    with writing_out(out):  # a folder it cannot make or write in: --out, the folder and the fix
        out.mkdir(parents=True, exist_ok=True)
    with writing_out(out, folder=out):
        written = [write_table(result.fields, out, "agreement"), write_table(result.coverage, out, "coverage"),
                   write_table(result.disagreements, out, "disagreements")]
        if len(result.codings) == 2:
            written.append(write_table(result.confusion, out, "confusion"))
        elif (out / "confusion.csv").exists() and _ours(out / "confusion.csv"):
            (out / "confusion.csv").unlink()  # our own, from an earlier run with two coders: it would mislead
        names = [p.name for p in written]
        write_atomic(out / _RECORD, json.dumps({"tool": "exportrow", "command": "agree", "checksums": checksums(
            out, names)}, indent=2, sort_keys=True) + "\n")
    return written


def formula_warnings(result) -> list[str]:
    """One line per coding with text that a spreadsheet would run as a formula: the CSV tables write it with a
    leading ``'`` (:func:`exportrow.export.formula_safe`), and the terminal says whose text it was.

    ``result``: an :class:`Agreement`, or a list of :class:`Coding`.

    Example:
        >>> ws = Coding(Path("x/river.f.yaml"), "=HYPERLINK(1)", "worksheet",
        ...             pd.DataFrame([{"claim_id": "c01", "cue": "=1+1", "frame": 5}]))
        >>> print(formula_warnings(Agreement([ws], *[pd.DataFrame()] * 5)))  # doctest: +NORMALIZE_WHITESPACE
        ["x/river.f.yaml (coder '=HYPERLINK(1)'): the coder's name, cue of c01 start with =, +, -, @, a tab or a
        carriage return, which a spreadsheet may run as a formula; the CSV tables write them with a leading '
        so that it shows them as text"]
    """
    from exportrow.annotations.formulas import starts_formula

    out = []
    for c in result.codings if isinstance(result, Agreement) else result:
        hits = ["the coder's name"] if starts_formula(c.coder) else []
        hits += [f"actor id {_printable(a, 30)}" for a in c.actors if starts_formula(a)]
        for row in c.claims.to_dict("records"):
            hits += [f"{col} of {_printable(row.get('claim_id'), 30)}" for col, value in row.items()
                     if starts_formula(value)]
        if hits:
            listed = ", ".join(hits[:5]) + (f" and {len(hits) - 5} more" if len(hits) > 5 else "")
            out.append(f"{c.path} (coder {excerpt(c.coder, 40)}): {listed} start with =, +, -, @, a tab or a carriage "
                       "return, which a spreadsheet may run as a formula; the CSV tables write them with a leading ' "
                       "so that it shows them as text")
    return out


#: Where ``agree`` writes by example (in messages).
_OUT_EXAMPLE = "reports/agreement"


def _cmd_agree(args) -> int:
    from exportrow.coding_fields import MAX_BOOT, MIN_BOOT
    from exportrow.outdir import check_out_place

    try:
        check_out_place(args.out, _OUT_EXAMPLE)  # before any work: the same rule as every command's --out
        if not MIN_BOOT <= args.bootstrap <= MAX_BOOT:
            raise UsageError(f"--bootstrap must be between {MIN_BOOT} and {MAX_BOOT}, not {args.bootstrap}")
        blank = unfilled_worksheets(args.codings)
        for f in blank:  # the blank sheet handed out, or a copy nobody has filled in yet: no coding
            print(f"note: {f} is still the blank worksheet (nobody has filled it in); left out", file=sys.stderr)
        codings = [c for c in args.codings if Path(c) not in blank]
        result = agreement(codings, article=args.article, fields=args.fields or None, n_boot=args.bootstrap,
                           metadata=_metadata(args))
        edited = _edited_tables(args.out) if args.force else []
        written = result.write(args.out, force=args.force)
    except ExportrowError as exc:  # one clear message and the error's exit code, never a traceback
        print(f"error: {exc}", file=sys.stderr)
        return exc.exit_code
    print(result.text())
    print(f"wrote {', '.join(p.name for p in written)} to {Path(args.out)}", file=sys.stderr)
    for w in formula_warnings(result):
        print(f"warning: {w}", file=sys.stderr)
    if edited:
        print(f"--force: replaced tables edited since exportrow agree wrote them, as asked: {', '.join(edited)}",
              file=sys.stderr)
    return 0


def _metadata(args) -> dict:
    """The ``--published``, ``--outlet`` and ``--timezone`` options given, as keyword arguments of ``load_article``."""
    return {k: getattr(args, k) for k in ("published", "outlet", "timezone") if getattr(args, k, None)}
