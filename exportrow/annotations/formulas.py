"""Warn about text that a spreadsheet would read as a formula when it opens the tables' CSV files.

The tables (``exportrow tables``, the report's CSV files) are the record: every cell holds the article's
or the annotation's words exactly as written, so exportrow does not alter them. A cell that starts with
``=``, ``+``, ``-``, ``@``, a tab or a carriage return may instead be run as a formula by a spreadsheet
that opens the file with a double-click ("CSV injection"). ``exportrow check`` therefore warns (it does not
refuse) about each such text, naming the entry, the field and the file it lands in; the README says how to
open the CSV files safely (import them with every column as text).
"""

from __future__ import annotations

from exportrow.annotations.checker import shown
from exportrow.annotations.model import Annotation, Problem
from exportrow.annotations.validation import entry_label

__all__ = ["FORMULA_SIGNS", "starts_formula", "formula_warnings", "outlet_warnings", "context_warnings"]

#: The first characters that make a spreadsheet read a cell as a formula (OWASP's list).
FORMULA_SIGNS = ("=", "+", "-", "@", "\t", "\r")
#: The table each section's text lands in.
_TABLE = {"actors": "actors.csv", "figures": "figures.csv", "claims": "claims.csv", "events": "events.csv"}
_NAMES = {"\t": "a tab", "\r": "a carriage return"}


def starts_formula(text) -> str:
    """The sign that would make a spreadsheet read ``text`` as a formula, or ``""``.

    Leading spaces do not help: the tables fold white space, so ``" =1"`` becomes ``"=1"``.

    Example:
        >>> starts_formula("=HYPERLINK(1)"), starts_formula("  @SUM(1)"), starts_formula("\\tx")
        ('=', '@', '\\t')
        >>> starts_formula("said"), starts_formula("150 boats"), starts_formula(3)
        ('', '', '')
    """
    if not isinstance(text, str):
        return ""
    if text[:1] in ("\t", "\r"):
        return text[0]
    head = text.lstrip()[:1]
    return head if head and head in FORMULA_SIGNS else ""


def _text_warnings(file: str, label: str, texts, where: str, seen: set, source: str = "the article"
                   ) -> list[Problem]:
    """A warning for each ``(field, text)`` of one entry that would start a formula cell in ``where``; ``seen``
    holds the ``(entry, field)`` pairs already warned about (one warning per field, however many items it lists)."""
    out = []
    for key, value in texts:
        for item in value if isinstance(value, list) else [value]:
            sign = starts_formula(item)
            if not sign or (label, key) in seen:
                continue
            seen.add((label, key))
            out.append(Problem(
                file, label, str(key),
                f"starts with {_NAMES.get(sign, repr(sign))}, so a spreadsheet that opens {where} may run "
                "it as a formula",
                "exportrow keeps the text as written (the tables are the record); open the CSV files as "
                "text (README: Data dictionary, \"Opening the CSV files in a spreadsheet\"), or remove the "
                f"sign if {source} does not have it"))
    return out


def formula_warnings(ann: Annotation) -> list[Problem]:
    """A warning for each text of the annotation (or quoted from the article) that would start a formula cell.

    Example:
        >>> from pathlib import Path
        >>> from exportrow.article import load_article
        >>> ann = Annotation(Path("a.yaml"), load_article())
        >>> ann.actors = [{"_label": "actors[bel]", "id": "bel", "name": "=HYPERLINK(1)", "quote": "Moon"}]
        >>> print(formula_warnings(ann)[0])
        a.yaml: actors[bel].name: starts with '=', so a spreadsheet that opens actors.csv may run it as a formula
            fix: exportrow keeps the text as written (the tables are the record); open the CSV files as text \
(README: Data dictionary, "Opening the CSV files in a spreadsheet"), or remove the sign if the article does not \
have it
        >>> ann.actors[0]["name"] = "Bellor"; formula_warnings(ann)
        []
    """
    out, seen = [], set()
    for section in ("actors", "figures", "statements", "ignored_numbers", "claims", "events"):
        where = _TABLE.get(section, "the report's CSV files")
        for entry in getattr(ann, section, []) or []:
            label = entry.get("_label", section)
            span = entry.get("span")
            texts = [(key, value) for key, value in entry.items() if not str(key).startswith("_")]
            if span is not None:
                texts.append(("quote", span.text))  # the article's own words, as the tables write them
            out += _text_warnings(str(ann.path), label, texts, where, seen)
    out += outlet_warnings(ann)
    for side in ann.sides if isinstance(ann.sides, (list, tuple)) else []:
        if starts_formula(side) and ("sides", side) not in seen:
            seen.add(("sides", side))
            out.append(Problem(str(ann.path), "sides", "", f"the side {shown(side)} starts with "
                               f"{_NAMES.get(starts_formula(side), repr(starts_formula(side)))}, so a spreadsheet "
                               "that opens the tables may run it as a formula",
                               "name the side with a word, e.g. `sides: [freedonia, sylvania]`"))
    return out


def outlet_warnings(ann: Annotation) -> list[Problem]:
    """A warning if the article's outlet (the capture's front matter, ``--outlet``, the annotation's ``article:``
    block, or the page ``exportrow import`` read) would start a formula cell: events.csv's ``publication`` row
    begins its description with it ("<outlet> publishes the article").

    Example:
        >>> from pathlib import Path
        >>> from exportrow.article import load_article
        >>> art = load_article().with_metadata("options", outlet="@Riverside")
        >>> print(outlet_warnings(Annotation(Path("a.yaml"), art))[0])  # doctest: +NORMALIZE_WHITESPACE
        a.yaml: article.outlet: the article's outlet (front matter / --outlet; here set by the user, overriding
        the capture) '@Riverside' starts with '@', so a spreadsheet that opens events.csv may run its publication
        row's description as a formula
            fix: write the outlet's name without the sign (`outlet: Riverside Courier` in the article's front
            matter, or --outlet "Riverside Courier"); or open the CSV files as text (README: Data dictionary,
            "Opening the CSV files in a spreadsheet")
        >>> outlet_warnings(Annotation(Path("a.yaml"), load_article()))
        []
    """
    art = getattr(ann, "article", None)
    outlet = getattr(art, "outlet", "") or ""
    sign = starts_formula(outlet)
    if not sign:
        return []
    return [Problem(
        str(ann.path), "article", "outlet",
        f"the article's outlet (front matter / --outlet; here {art.outlet_from}) {shown(outlet)} starts with "
        f"{_NAMES.get(sign, repr(sign))}, so a spreadsheet that opens events.csv may run its publication row's "
        "description as a formula",
        "write the outlet's name without the sign (`outlet: Riverside Courier` in the article's front matter, or "
        "--outlet \"Riverside Courier\"); or open the CSV files as text (README: Data dictionary, \"Opening the "
        "CSV files in a spreadsheet\")")]


def context_warnings(path, doc: dict) -> list[Problem]:
    """A warning for each text of a checked context file (``data/context/*.yaml``) that would start a formula cell:
    an event's ``actor``, ``side``, ``recipient``, ``description`` and ``reference`` land in events.csv
    (``exportrow tables --context``, notebook 02 with ``show_context``), as the annotation's texts do, so they get
    the same warning. Its ``sources`` are not written to any table.

    Example:
        >>> doc = {"events": [{"id": "ctx_x", "actor": "Yonhap", "side": "-a", "reference": "+Yonhap, 2021",
        ...                    "sources": [{"title": "=1"}]}]}
        >>> for w in context_warnings("c.yaml", doc): print(w)  # doctest: +NORMALIZE_WHITESPACE
        c.yaml: events[ctx_x].side: starts with '-', so a spreadsheet that opens events.csv may run it as a formula
            fix: exportrow keeps the text as written (the tables are the record); open the CSV files as text
            (README: Data dictionary, "Opening the CSV files in a spreadsheet"), or remove the sign if the source
            does not have it
        c.yaml: events[ctx_x].reference: starts with '+', so a spreadsheet that opens events.csv may run it as a
        formula
            fix: exportrow keeps the text as written (the tables are the record); open the CSV files as text
            (README: Data dictionary, "Opening the CSV files in a spreadsheet"), or remove the sign if the source
            does not have it
        >>> context_warnings("c.yaml", {"events": [{"id": "ctx_y", "actor": "Yonhap"}]})
        []
    """
    out: list[Problem] = []
    seen: set = set()
    for k, event in enumerate(doc.get("events") or []):
        texts = [(key, value) for key, value in event.items() if key != "sources" and isinstance(value, str)]
        out += _text_warnings(str(path), entry_label(doc, "events", k), texts, "events.csv", seen, "the source")
    return out
