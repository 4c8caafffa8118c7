"""The report's HTML exporter: nbconvert's, without two passes that re-do work already done.

nbconvert's ``HTMLExporter`` renders the page with its Jinja template, then parses the whole page
again with BeautifulSoup (images with their base64 data, tables, the inline CSS) only to add an
``alt`` to images that have none and ``tabindex="0"`` to cell inputs and outputs, and serialises it
again. Its lab template also runs every highlighted code cell through bleach, although pygments
has already escaped the code. For a report notebook those two passes were about two thirds of
the export (benchmarks/README.md).

:class:`ReportExporter` makes the same two additions with a scan of the start tags, and leaves
the highlighted code as pygments wrote it. The page is the same document: parsing it with
BeautifulSoup gives exactly what nbconvert's exporter writes (tests/test_htmlexport.py checks
this on every report notebook). Only this module imports nbconvert; the report loads it lazily.
"""

from __future__ import annotations

import re
from pathlib import Path

from nbconvert import HTMLExporter
from nbconvert.exporters.templateexporter import TemplateExporter

__all__ = ["ReportExporter", "add_focus_and_alt", "MISSING_ALT"]

#: What nbconvert writes as the ``alt`` of an image that has none.
MISSING_ALT = "No description has been provided for this image"
TEMPLATES = Path(__file__).parent / "templates"

# A start tag of a div or img, its attributes quoted or not (a quoted value may hold ">").
_START = re.compile(r"<(div|img)((?:\s+[^\s\"'>/=]+(?:\s*=\s*(?:\"[^\"]*\"|'[^']*'|[^\s\"'=<>`]+))?)*)\s*(/?)>",
                    re.IGNORECASE)
_CLASS = re.compile(r"""\sclass\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+))""", re.IGNORECASE)
_HAS_ALT = re.compile(r"\salt(?:\s*=|\s|$)", re.IGNORECASE)
_HAS_TABINDEX = re.compile(r"\stabindex(?:\s*=|\s|$)", re.IGNORECASE)
_FOCUSABLE = ("jp-Cell-inputWrapper", "jp-OutputArea-output")
# Where a "<div" is text, not a tag: raw text elements and comments (skipped by the scan).
_RAW = re.compile(r"<(style|script|textarea|title)\b.*?</\1\s*>|<!--.*?-->", re.IGNORECASE | re.DOTALL)


def add_focus_and_alt(html: str) -> str:
    """What nbconvert's ``HTMLExporter`` adds after rendering, without parsing the page into a tree.

    Every ``img`` without an ``alt`` gets nbconvert's placeholder, and every ``div`` of class
    ``jp-Cell-inputWrapper`` or ``jp-OutputArea-output`` inside the notebook (``body.jp-Notebook``)
    gets ``tabindex="0"``, so a keyboard reaches it. Nothing inside ``style``, ``script`` or a
    comment is touched.

    Example:
        >>> page = ('<body class="jp-Notebook"><div class="jp-Cell-inputWrapper">x</div>'
        ...         '<div class="a jp-OutputArea-output b"><img src="p.png"></div><!-- <img> --></body>')
        >>> print(add_focus_and_alt(page))  # doctest: +NORMALIZE_WHITESPACE
        <body class="jp-Notebook"><div class="jp-Cell-inputWrapper" tabindex="0">x</div><div class="a
        jp-OutputArea-output b" tabindex="0"><img src="p.png" alt="No description has been provided for this
        image"></div><!-- <img> --></body>
    """
    start = _notebook_start(html)
    if start < 0:  # no notebook body: only images are mended (nbconvert's selector needs .jp-Notebook)
        start = len(html)
    out, pos = [], 0
    for raw in _RAW.finditer(html):
        out.append(_mend(html[pos:raw.start()], pos >= start, html, pos, start))
        out.append(raw.group(0))
        pos = raw.end()
    out.append(_mend(html[pos:], pos >= start, html, pos, start))
    return "".join(out)


def _notebook_start(html: str) -> int:
    """Where the first element of class ``jp-Notebook`` opens (its descendants are focusable), or -1."""
    for m in re.finditer(r"<[a-zA-Z][^>]*>", html):
        cls = _CLASS.search(m.group(0))
        if cls and "jp-Notebook" in (cls.group(1) or cls.group(2) or cls.group(3) or "").split():
            return m.end()
    return -1


def _mend(text: str, inside: bool, html: str, offset: int, start: int) -> str:
    def one(m: re.Match) -> str:
        tag, attrs, slash = m.group(1).lower(), m.group(2), m.group(3)
        add = ""
        if tag == "img" and not _HAS_ALT.search(attrs):
            add = f' alt="{MISSING_ALT}"'
        elif tag == "div" and offset + m.start() >= start and not _HAS_TABINDEX.search(attrs):
            cls = _CLASS.search(attrs)
            classes = (cls.group(1) or cls.group(2) or cls.group(3) or "").split() if cls else []
            if any(c in classes for c in _FOCUSABLE):
                add = ' tabindex="0"'
        if not add:
            return m.group(0)
        return f"<{m.group(1)}{attrs}{add}{' /' if slash else ''}>"

    return _START.sub(one, text)


class ReportExporter(HTMLExporter):
    """nbconvert's HTML exporter with :func:`add_focus_and_alt` for its BeautifulSoup pass and
    pygments' escaped code left as it is (see the module's docstring)."""

    def __init__(self, **kw):
        kw.setdefault("template_name", "exportrow_offline")
        kw.setdefault("extra_template_basedirs", [str(TEMPLATES)])
        super().__init__(**kw)

    def from_notebook_node(self, nb, resources=None, **kw):
        from nbconvert.filters.highlight import Highlight2HTML
        from nbconvert.filters.widgetsdatatypefilter import WidgetsDataTypeFilter

        langinfo = nb.metadata.get("language_info", {})
        lexer = langinfo.get("pygments_lexer", langinfo.get("name", None))
        highlight_code = self.filters.get("highlight_code", Highlight2HTML(pygments_lexer=lexer, parent=self))
        resources = self._init_resources(resources)
        filter_data_type = WidgetsDataTypeFilter(notebook_metadata=self._nb_metadata, parent=self,
                                                 resources=resources)
        self.register_filter("highlight_code", highlight_code)
        self.register_filter("filter_data_type", filter_data_type)
        html, resources = TemplateExporter.from_notebook_node(self, nb, resources, **kw)
        return add_focus_and_alt(html), resources
