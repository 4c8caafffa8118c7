"""The course site: ``python3 dev.py book`` (or ``python -m exportrow.book``) builds it into ``build/site/``.

A static site made with Sphinx, MyST-NB (notebooks are read, never executed) and the book theme, all pure
Python and pinned in ``requirements/constraints.txt``. Its pages: the README (home), the teaching guide, a page
per numbered notebook, the annotation guide, the coding guide, the glossary and the references; navigation and
full-text search come with the theme.

The notebook pages are made from the **committed notebooks**, which carry their outputs. nbval checks in the test
suite that those outputs are what the code gives today, so no kernel has to run and the site builds in seconds.
Only the worked solutions, committed without outputs, are executed (in parallel) to show their results. Every
page is made for students:

- code cells are collapsed (a "Show code" toggle opens each), the exercise's worked solution sits in a closed
  toggle below the exercise, and empty "# Your code here" cells are left out;
- papermill's injected cell and machine details (the article file's sha256, the JSON-LD dump) are left out; the
  downloads keep them: each notebook page links its notebook with outputs, a blank copy for students (outputs
  cleared, solutions removed: :func:`exportrow.student.blank_notebook`) and the executed solution;
- each glossary term (``docs/glossary.md``) is linked where a page first uses it, with its short definition as
  the link's title; a code span naming a page of the site (`` `docs/teaching.md` ``) links to it;
- the article's text is never published: no page includes or links ``data/raw/``, and pages show only the quotes
  that the tables hold;
- each chart is a link to its PNG at full size (``_static/charts/``), and its cell is tagged ``full-width``, which
  the theme draws across the page's width, over the contents sidebar (:func:`link_charts`): on a 1280 px projector
  the charts are not shrunk to the text column.

Launch buttons (Binder, JupyterLab, from ``environment.yml``) and the repository button are made from one
setting, the repository URL (``Repository`` under ``[project.urls]`` in ``pyproject.toml``, or
``--repository-url``), and appear only when it is set.
"""

from __future__ import annotations

import argparse
import concurrent.futures as cf
import copy
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import tomllib
from dataclasses import dataclass
from pathlib import Path

from exportrow import paths
from exportrow.errors import ExportrowError

__all__ = ["SITE", "MARKER", "GUIDES", "Term", "read_glossary", "term_uses", "link_terms", "link_paths", "github_slug",
           "student_view", "link_charts", "solution_markdown", "repository_url", "check_repository", "RepositoryError",
           "stage",
           "build_site", "main"]

ROOT = paths.PROJECT_ROOT
SITE = ROOT / "build" / "site"
MARKER = ".exportrow.json"  # exportrow.outdir.MARKER, with the kind "site"
NOTEBOOKS = ROOT / "notebooks"
GLOSSARY = "docs/glossary.md"
REFERENCES = "docs/references.md"
#: Guides as (repository path, navigation caption), in the order of the navigation.
GUIDES = (("docs/teaching.md", "Course"), ("docs/annotating.md", "Guides"), ("exportrow/coding-guide.md", "Guides"),
          (GLOSSARY, "Reference"), (REFERENCES, "Reference"))
_HASH = re.compile(r"(?:,\s*)?\bsha256\b[:\s]*`?[0-9a-f]{8,}…?`?", re.I)
_FENCE = re.compile(r"^\s*(`{3,}|~{3,}|:{3,})")
# Spans of a Markdown line that must not be touched: code, links and images, roles, HTML tags, autolinks, URLs.
_LINK = r'!?\[[^\]]*\]\((?:[^()"\s]|\([^()]*\))*(?:\s+"[^"]*")?\)'
_PROTECTED = re.compile(r"(`+)[^`]*?\1|" + _LINK + r"|\{[\w:-]+\}`[^`]*`|<[^>\n]+>|https?://\S+")


class BookError(ExportrowError):
    """The site could not be built: a solution failed, Sphinx failed or warned, or the folder is not ours."""


@dataclass(frozen=True)
class Term:
    """A glossary entry: its heading, the words that name it in the text, its anchor and a one-line definition;
    ``other_senses``: phrases in which one of those words means something else, which are never linked to it."""

    name: str
    aliases: tuple[str, ...]
    anchor: str
    short: str
    other_senses: tuple[str, ...] = ()


def github_slug(title: str) -> str:
    """The anchor GitHub (and the site, ``myst_heading_slug_func = "github"``) gives a heading.

    Example:
        >>> github_slug("Krippendorff's alpha"), github_slug("Monroe, Colaresi & Quinn (2008)")
        ('krippendorffs-alpha', 'monroe-colaresi--quinn-2008')
    """
    return re.sub(r"[^\w\- ]", "", title.lower().replace(" ", "-"))


def _plain(markdown: str) -> str:
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", markdown)
    return " ".join(re.sub(r"\*+|`", "", text).split())


_ALSO = re.compile(r"^\*Also:\*\s*(.+)$", re.M)
_OTHER_SENSES = re.compile(r"^\*Other senses:\*\s*(.+)$", re.M)


def _listed(line: re.Match | None) -> list[str]:
    """The comma-separated items of an ``*Also:*`` or ``*Other senses:*`` line, quotes and final stop removed."""
    return [a.strip().strip('"\u201c\u201d') for a in line.group(1).rstrip(".").split(",")] if line else []


def read_glossary(path: str | Path = ROOT / GLOSSARY) -> list[Term]:
    """The glossary's terms: each ``## Heading`` is a term; an ``*Also:*`` line lists other words for it, and an
    ``*Other senses:*`` line the phrases in which those words mean something else (never linked to the term).

    Example:
        >>> terms = {t.name: t for t in read_glossary()}
        >>> terms["Log-odds"].anchor, "weighted log-odds" in terms["Log-odds"].aliases
        ('log-odds', True)
        >>> terms["Character span"].short  # doctest: +ELLIPSIS
        'The exact stretch of the article ...'
        >>> terms["Frame"].other_senses
        ('reporting frame',)
    """
    text = Path(path).read_text(encoding="utf-8")
    terms = []
    for block in re.split(r"^## ", text, flags=re.M)[1:]:
        heading, _, body = block.partition("\n")
        name = heading.strip()
        aliases = [name] + _listed(_ALSO.search(body))
        others = _listed(_OTHER_SENSES.search(body))
        body = _OTHER_SENSES.sub("", _ALSO.sub("", body))
        paragraphs = [p for p in re.split(r"\n\s*\n", body) if p.strip()]
        first = _plain(paragraphs[0]) if paragraphs else ""
        short = re.split(r"(?<=[.!?])\s", first, maxsplit=1)[0]
        terms.append(Term(name, tuple(dict.fromkeys(a for a in aliases if a)), github_slug(name), short,
                          tuple(dict.fromkeys(o for o in others if o))))
    return terms


def _words_pattern(words) -> re.Pattern:
    """Any of ``words`` as whole words, case-insensitive, with an optional plural ``s``/``es``."""
    words = sorted(words, key=len, reverse=True)
    return re.compile(r"(?<![\w-])(" + "|".join(re.escape(w) for w in words) + r")(?:s|es)?(?![\w-])", re.I)


def _term_pattern(term: Term) -> re.Pattern:
    return _words_pattern(term.aliases)


def term_uses(text: str, term: Term):
    """The matches of ``term``'s words in ``text``, leaving out those inside one of its other senses.

    Example:
        >>> frame = Term("Frame", ("frame", "frames"), "frame", "The angle ...", ("reporting frame",))
        >>> [m.start() for m in term_uses("Quote not the reporting frame; the frames of a claim.", frame)]
        [35]
    """
    others = [m.span() for m in _words_pattern(term.other_senses).finditer(text)] if term.other_senses else []
    for m in _term_pattern(term).finditer(text):
        if not any(a <= m.start() and m.end() <= b for a, b in others):
            yield m


def _prose_lines(text: str):
    """Yield (index, is_prose) for each line: prose is outside code fences, directives, headings and comments."""
    fence, comment = None, False
    for i, line in enumerate(text.split("\n")):
        m = _FENCE.match(line)
        if fence:
            if m and m.group(1)[0] == fence[0] and len(m.group(1)) >= len(fence):
                fence = None
            yield i, False
        elif m:
            fence = m.group(1)
            yield i, False
        elif comment or line.lstrip().startswith("<!--"):
            comment = "-->" not in line
            yield i, False
        else:
            yield i, not re.match(r"\s*#{1,6}\s", line) and not line.startswith("    ")


def _protected(text: str) -> list[tuple[int, int]]:
    """Character ranges of ``text`` to leave alone: code blocks, headings, comments, code spans (even across lines),
    links, roles, HTML tags and URLs."""
    ranges, pos = [], 0
    for (_, prose), line in zip(_prose_lines(text), text.split("\n")):
        if not prose:
            ranges.append((pos, pos + len(line)))
        pos += len(line) + 1
    ranges += [m.span() for m in _PROTECTED.finditer(text)]
    return ranges


def _link_first(text: str, term: Term, make) -> tuple[str, bool]:
    """Replace the first use of ``term`` (:func:`term_uses`) outside the protected ranges of ``text`` by
    ``make(match)``."""
    ranges = _protected(text)
    for m in term_uses(text, term):
        if not any(a < m.end() and m.start() < b for a, b in ranges):
            return text[:m.start()] + make(m) + text[m.end():], True
    return text, False


def link_terms(texts: list[str], terms: list[Term], page: str, glossary: str = GLOSSARY) -> list[str]:
    """Link the first use of each term on a page (its Markdown ``texts``, in order) to its glossary entry.

    Code, links, headings and code blocks are left alone; the link's title is the term's short definition.

    Example:
        >>> t = Term("Z-score", ("z-score",), "z-score", 'How far a value lies from "zero".')
        >>> print(link_terms(["# A z-score", "`a\\nz-score` and z-scores; a z-score"], [t], "notebooks/03.ipynb")[1])
        `a
        z-score` and [z-scores](../docs/glossary.md#z-score "How far a value lies from 'zero'."); a z-score
    """
    out = list(texts)
    target = os.path.relpath(glossary, os.path.dirname(page) or ".").replace(os.sep, "/")
    for term in sorted(terms, key=lambda t: -max(len(a) for a in t.aliases)):
        title = term.short.replace('"', "'")

        def make(m, term=term, title=title):
            return f'[{m.group(0)}]({target}#{term.anchor} "{title}")'

        for k, text in enumerate(out):
            out[k], done = _link_first(text, term, make)
            if done:
                break
    return out


def link_paths(text: str, page: str, pages: dict[str, str]) -> str:
    """Turn code spans that name a page of the site (`` `docs/teaching.md` ``) into links to that page.

    ``pages`` maps repository paths to the pages' source paths on the site.

    Example:
        >>> print(link_paths("See `docs/teaching.md` and `data/raw/`.", "index.md",
        ...                  {"docs/teaching.md": "docs/teaching.md"}))
        See [`docs/teaching.md`](docs/teaching.md) and `data/raw/`.
    """
    def make(m):
        name = m.group(1)
        for candidate in (name, os.path.normpath(os.path.join(os.path.dirname(page), name))):
            if candidate in pages:
                rel = os.path.relpath(pages[candidate], os.path.dirname(page) or ".").replace(os.sep, "/")
                return f"[`{name}`]({rel})"
        return m.group(0)

    lines = text.split("\n")
    for i, prose in _prose_lines(text):
        if prose:
            pieces, pos = [], 0
            for link in re.finditer(_LINK, lines[i]):  # code spans inside links stay as they are
                pieces.append(re.sub(r"`([\w./-]+)`", make, lines[i][pos:link.start()]))
                pieces.append(link.group(0))
                pos = link.end()
            pieces.append(re.sub(r"`([\w./-]+)`", make, lines[i][pos:]))
            lines[i] = "".join(pieces)
    return "\n".join(lines)


def _text(value) -> str:
    return "".join(value) if isinstance(value, list) else str(value)


def _machine_detail(text: str) -> bool:
    """Whether an output is a machine-readable dump (JSON-LD) rather than something to read."""
    text = text.strip()
    if not text.startswith(("{", "[")):
        return False
    try:
        data = json.loads(text)
    except ValueError:
        return False
    return '"@context"' in text or '"@type"' in text or '"@id"' in text or isinstance(data, (dict, list)) and (
        len(text) > 2000)


def _is_blank_code(cell) -> bool:
    code = re.sub(r"#.*", "", _text(cell.get("source", "")))
    return cell.get("cell_type") == "code" and not code.strip()


def _is_exercise_heading(cell) -> bool:
    return cell.get("cell_type") == "markdown" and bool(
        re.search(r"^#{1,6}\s+(exercises?|activity|your turn)\b", _text(cell.get("source", "")), re.I | re.M))


#: A code cell whose output holds a table of more columns than this is drawn across the page, over the contents
#: sidebar (the book theme's ``full-width`` tag), so that a projector at 1280 pixels shows all of its columns.
WIDE_TABLE = 4


def _widest_table(outputs: list) -> int:
    """The most columns of any HTML table in ``outputs`` (the cells of its first row), 0 for none.

    Example:
        >>> _widest_table([{"data": {"text/html": "<table><thead><tr><th>a</th><th>b</th></tr></thead></table>"}}])
        2
    """
    widest = 0
    for out in outputs:
        html = _text(out.get("data", {}).get("text/html", ""))
        for row in re.finditer(r"<table\b.*?<tr\b[^>]*>(.*?)</tr>", html, re.S | re.I):
            widest = max(widest, len(re.findall(r"<t[hd]\b", row.group(1), re.I)))
    return widest


def student_view(nb: dict, solution: dict | None = None, downloads: str = "") -> dict:
    """Notebook ``nb`` as its page on the site shows it (a copy; ``nb`` is left as it was).

    Code cells get MyST-NB's ``hide-input`` tag (collapsed, with a toggle), and those whose output holds a table of
    more than :data:`WIDE_TABLE` columns the theme's ``full-width`` tag; papermill's injected cell, stderr,
    empty code cells, sha256 values and JSON-LD dumps are left out; a chart stored both as ``image/png`` and
    inside ``text/html`` keeps only the HTML (which carries its alt text). ``downloads`` (Markdown) is put
    under the opening cell, and the ``solution`` notebook, if given, in a closed toggle after the exercise.

    Example:
        >>> nb = {"cells": [
        ...     {"cell_type": "markdown", "metadata": {}, "source": "# Title"},
        ...     {"cell_type": "code", "metadata": {"tags": ["injected-parameters"]}, "source": "x = 1", "outputs": []},
        ...     {"cell_type": "code", "metadata": {}, "source": "cite()", "outputs": [{"output_type": "display_data",
        ...      "metadata": {}, "data": {"text/markdown": "File `a.txt`, sha256 `8111112eceb8…`."}}]},
        ...     {"cell_type": "code", "metadata": {}, "source": "dump()", "outputs": [{"output_type": "stream",
        ...      "name": "stdout", "text": '{"@context": "https://schema.org", "@type": "Claim"}'}]},
        ...     {"cell_type": "markdown", "metadata": {}, "source": "## Exercise\\n\\nDo it."},
        ...     {"cell_type": "code", "metadata": {}, "source": "# Your code here", "outputs": []}]}
        >>> view = student_view(nb, downloads="Downloads: ...")
        >>> [c["source"][:12] for c in view["cells"]]
        ['# Title', 'Downloads: .', 'cite()', 'dump()', '## Exercise\\n']
        >>> view["cells"][2]["outputs"][0]["data"]["text/markdown"], view["cells"][2]["metadata"]["tags"]
        ('File `a.txt`.', ['hide-input'])
        >>> "JSON-LD" in view["cells"][3]["outputs"][0]["data"]["text/markdown"]
        True
    """
    nb = copy.deepcopy(nb)
    cells = []
    for cell in nb.get("cells", []):
        tags = cell.setdefault("metadata", {}).get("tags", [])
        if "injected-parameters" in tags or _is_blank_code(cell):
            continue
        if cell.get("cell_type") == "code":
            cell["metadata"]["tags"] = [*tags, "hide-input"] if "hide-input" not in tags else tags
            cell["outputs"] = [_student_output(o) for o in cell.get("outputs", [])
                               if not (o.get("output_type") == "stream" and o.get("name") == "stderr")]
            if _widest_table(cell["outputs"]) > WIDE_TABLE and "full-width" not in cell["metadata"]["tags"]:
                cell["metadata"]["tags"].append("full-width")
        cells.append(cell)
    if downloads and cells:
        cells.insert(1, {"id": "downloads", "cell_type": "markdown", "metadata": {}, "source": downloads})
    if solution is not None:
        at = next((i for i, c in enumerate(cells) if _is_exercise_heading(c)), None)
        if at is not None:
            end = next((j for j in range(at + 1, len(cells))
                        if cells[j]["cell_type"] == "markdown" and _text(cells[j]["source"]).lstrip().startswith("#")),
                       len(cells))
            cells.insert(end, {"id": "worked-solution", "cell_type": "markdown", "metadata": {},
                               "source": solution_markdown(solution)})
    nb["cells"] = cells
    return nb


_CHART_IMG = re.compile(r'<img src="data:image/png;base64,([A-Za-z0-9+/=\s]+)"([^>]*)>')
#: Where the charts' PNGs go in the site, beside the theme's files.
CHARTS = "_static/charts"


def link_charts(nb: dict, folder: Path, prefix: str, href: str) -> dict:
    """Notebook ``nb`` (a page's :func:`student_view`) with each chart, a PNG inside an HTML output, written to
    ``folder`` as ``<prefix>-<n>.png`` and shown from there (``href``: that folder seen from the page), inside a link
    that opens it at full size; each code cell with a chart is tagged ``full-width``, which the book theme draws
    across the page, over the contents sidebar. A copy is returned; ``nb`` is left as it was.

    Example:
        >>> import base64, tempfile
        >>> png = base64.b64encode(b"\\x89PNG...").decode()
        >>> nb = {"cells": [{"cell_type": "code", "metadata": {}, "outputs": [{"output_type": "display_data",
        ...       "data": {"text/html": f'<figure><img src="data:image/png;base64,{png}" alt="A chart"></figure>'}}]}]}
        >>> d = Path(tempfile.mkdtemp())
        >>> cell = link_charts(nb, d, "01-x", "../_static/charts")["cells"][0]
        >>> print(cell["outputs"][0]["data"]["text/html"])  # doctest: +NORMALIZE_WHITESPACE
        <figure><a class="chart-full-size" href="../_static/charts/01-x-1.png" title="Open the chart at full
        size"><img src="../_static/charts/01-x-1.png" alt="A chart"></a></figure>
        >>> cell["metadata"]["tags"], (d / "01-x-1.png").read_bytes()
        (['full-width'], b'\\x89PNG...')
    """
    import base64

    nb = copy.deepcopy(nb)
    count = 0
    for cell in nb.get("cells", []):
        if cell.get("cell_type") != "code":
            continue
        charted = False
        for out in cell.get("outputs", []):
            data = out.get("data", {})
            if "text/html" not in data:
                continue

            def linked(m: re.Match) -> str:
                nonlocal count, charted
                count += 1
                charted = True
                name = f"{prefix}-{count}.png"
                folder.mkdir(parents=True, exist_ok=True)
                (folder / name).write_bytes(base64.b64decode("".join(m.group(1).split())))
                return (f'<a class="chart-full-size" href="{href}/{name}" title="Open the chart at full size">'
                        f'<img src="{href}/{name}"{m.group(2)}></a>')

            data["text/html"] = _CHART_IMG.sub(linked, _text(data["text/html"]))
        if charted:
            tags = cell.setdefault("metadata", {}).setdefault("tags", [])
            if "full-width" not in tags:
                tags.append("full-width")
    return nb


def _student_output(out: dict) -> dict:
    out = copy.deepcopy(out)
    note = ("*A machine-readable JSON-LD dump is left out of this page. It is in the notebook with outputs "
            "(see Downloads above) and in the report's files.*")
    if out.get("output_type") == "stream":
        text = _text(out.get("text", ""))
        if _machine_detail(text):
            return {"output_type": "display_data", "metadata": {}, "data": {"text/markdown": note}}
        out["text"] = _HASH.sub("", text)
        return out
    data = out.get("data", {})
    if any(_machine_detail(_text(data.get(k, ""))) for k in ("text/plain", "application/json", "application/ld+json")):
        return {"output_type": "display_data", "metadata": {}, "data": {"text/markdown": note}}
    for key in ("text/markdown", "text/plain"):
        if key in data:
            data[key] = _HASH.sub("", _text(data[key]))
    if "image/png" in data and "data:image/png;base64," in _text(data.get("text/html", "")):
        del data["image/png"]  # the HTML carries the same chart and its alt text
        out.get("metadata", {}).pop("image/png", None)
    if "exportrow-table" in _text(data.get("text/html", "")):
        data["text/html"] = _site_table(_text(data["text/html"]))
    return out


#: A cell :func:`exportrow.notebook.show` keeps on one line: its escaped text, when that has a space in it.
_NOWRAP_CELL = re.compile(r'(<td style="[^"]*white-space:)nowrap(">[^<]*?\s[^<]*</td>)')
_HEADER = re.compile(r"(<th\b[^>]*>)([^<]*)(</th>)")


def _site_table(html: str) -> str:
    """A table from :func:`exportrow.notebook.show` as the site shows it, so that every column fits the page: a
    short cell with spaces may wrap at them (one with none, an id or a date such as 2019-07-01, stays whole), and a
    column name may break after an underscore.

    Example:
        >>> print(_site_table('<th style="white-space:nowrap">percent_agreement</th>'
        ...                   '<td style="padding:4px;white-space:nowrap">48 / 22 = 2.18x</td>'
        ...                   '<td style="padding:4px;white-space:nowrap">2019-07-01</td>'))
        <th style="white-space:nowrap">percent_<wbr>agreement</th><td style="padding:4px;white-space:normal">48 / 22 \
= 2.18x</td><td style="padding:4px;white-space:nowrap">2019-07-01</td>
    """
    html = _HEADER.sub(lambda m: m.group(1) + m.group(2).replace("_", "_<wbr>") + m.group(3), html)
    return _NOWRAP_CELL.sub(r"\1normal\2", html)


def _fence(text: str, info: str = "") -> str:
    longest = max((len(m) for m in re.findall(r"`+", text)), default=0)
    ticks = "`" * max(3, longest + 1)
    return f"{ticks}{info}\n{text.rstrip()}\n{ticks}"


def solution_markdown(solution: dict) -> str:
    """A worked-solution notebook as one Markdown block in a closed ``<details>`` toggle.

    Its title cell is left out, headings inside become bold lines, code shows as code and each output under it
    (text as text, HTML tables as they are).

    Example:
        >>> sol = {"cells": [{"cell_type": "markdown", "source": "# Solutions · 01"},
        ...                  {"cell_type": "code", "metadata": {"tags": ["parameters"]}, "source": "x: str = ''",
        ...                   "outputs": []},
        ...                  {"cell_type": "code", "metadata": {}, "source": "print(6 * 7)",
        ...                   "outputs": [{"output_type": "stream", "name": "stdout", "text": "42\\n"}]}]}
        >>> print(solution_markdown(sol))  # doctest: +NORMALIZE_WHITESPACE
        <details class="solution">
        <summary>Worked solution (try the exercise first)</summary>
        <BLANKLINE>
        ```python
        print(6 * 7)
        ```
        <BLANKLINE>
        ```text
        42
        ```
        <BLANKLINE>
        </details>
    """
    parts = ['<details class="solution">\n<summary>Worked solution (try the exercise first)</summary>']
    for i, cell in enumerate(solution.get("cells", [])):
        src = _text(cell.get("source", "")).strip()
        tags = cell.get("metadata", {}).get("tags", [])
        if cell.get("cell_type") == "markdown":
            if i == 0 and src.startswith("# "):
                continue
            parts.append(re.sub(r"^#{1,6}\s+(.+)$", r"**\1**", src, flags=re.M))
        elif cell.get("cell_type") == "code" and "parameters" not in tags and "injected-parameters" not in tags:
            parts.append(_fence(src, "python"))
            for out in cell.get("outputs", []):
                if out.get("output_type") == "stream" and out.get("name") == "stdout":
                    parts.append(_fence(_HASH.sub("", _text(out["text"])), "text"))
                elif out.get("output_type") in ("display_data", "execute_result"):
                    data = out.get("data", {})
                    if "text/html" in data:
                        parts.append(_fence(_text(data["text/html"]), "{raw} html"))
                    elif "text/markdown" in data:
                        parts.append(_text(data["text/markdown"]))
                    elif "text/plain" in data:
                        parts.append(_fence(_text(data["text/plain"]), "text"))
    parts.append("</details>")
    return "\n\n".join(parts)


def repository_url(pyproject: str | Path = ROOT / "pyproject.toml") -> str:
    """The one setting launch buttons come from: ``Repository`` under ``[project.urls]`` ("" when unset).

    Example:
        >>> import tempfile
        >>> p = Path(tempfile.mkdtemp()) / "pyproject.toml"
        >>> _ = p.write_text('[project.urls]\\nRepository = "https://github.com/example/exportrow"\\n')
        >>> repository_url(p), repository_url(p.with_name("missing.toml"))
        ('https://github.com/example/exportrow', '')
    """
    try:
        project = tomllib.loads(Path(pyproject).read_text(encoding="utf-8")).get("project", {})
    except OSError:
        return ""
    urls = {k.lower(): v for k, v in project.get("urls", {}).items()}
    return str(urls.get("repository", "")).strip()


class RepositoryError(BookError):
    """The repository URL or branch for the launch buttons is not of the plain form the site accepts (exit 2)."""

    exit_code = 2


#: https://HOST[:PORT]/OWNER/REPO, or a GitLab project in subgroups (https://HOST/GROUP/SUBGROUP/.../REPO); the
#: scheme in any case, at most one trailing "/". HOST is a public name with a dot (not localhost, not an IP address).
_REPOSITORY = re.compile(r"(?i:https)://(?P<host>[A-Za-z0-9](?:[A-Za-z0-9.-]*[A-Za-z0-9])?)(?::[0-9]{1,5})?"
                         r"(?P<path>(?:/[A-Za-z0-9_.-]+){2,10})/?", re.ASCII)
_BRANCH = re.compile(r"[A-Za-z0-9_][A-Za-z0-9_./-]*", re.ASCII)


def _plain_repository(url: str) -> str | None:
    """``url`` as the links carry it (scheme in lower case, no trailing "/"), or None if it is not a plain address.

    Example:
        >>> _plain_repository("HTTPS://gitlab.com/group/subgroup/repo/")
        'https://gitlab.com/group/subgroup/repo'
        >>> [_plain_repository(u) for u in ("https://github.com/../..", "https://github.com/a/.",
        ...  "https://localhost/a/b", "https://127.0.0.1/a/b", "https://github.com/a/b/c", "https://github.com/a/b//")]
        [None, None, None, None, None, None]
    """
    m = _REPOSITORY.fullmatch(url)
    if m is None:
        return None
    host, segments = m["host"].lower(), m["path"].split("/")[1:]
    if "." not in host or re.fullmatch(r"[0-9.]+", host) or host.endswith((".localhost", ".local")):
        return None
    if any(seg in (".", "..") for seg in segments) or host == "github.com" and len(segments) != 2:
        return None
    return "https://" + url[len("https://"):].removesuffix("/")


def _plain_branch(branch: str) -> bool:
    """Whether ``branch`` is a branch name git accepts, of the plain characters the links carry.

    Example:
        >>> [_plain_branch(b) for b in ("main", "release/2.0", "x/", "x.lock", "a//b", "a/.b", "a..b", "x.")]
        [True, True, False, False, False, False, False, False]
    """
    parts = branch.split("/")
    return bool(_BRANCH.fullmatch(branch)) and ".." not in branch and len(branch) <= 200 and not branch.endswith(
        ".") and all(p and not p.startswith(".") and not p.endswith(".lock") for p in parts)


def check_repository(url: str, branch: str, *, url_from: str = "--repository-url",
                     branch_from: str = "--branch") -> tuple[str, str]:
    """``(url, branch)`` if both are of the plain form the site puts into its links, else :class:`RepositoryError`.

    The theme writes both values into every page's ``href`` attributes as they are, so only a plain
    ``https://host/owner/repo`` address and a branch name of letters, digits, ``_``, ``.``, ``/`` and ``-`` are
    accepted: no quote, angle bracket, space or other scheme (``javascript:``) can reach a page. ``url_from`` and
    ``branch_from`` name where the values came from, for the message. An empty ``url`` means no launch buttons.

    Example:
        >>> check_repository("https://github.com/example/exportrow", "main")
        ('https://github.com/example/exportrow', 'main')
        >>> check_repository("javascript:alert(1)//github.com/x/y", "main")  # doctest: +ELLIPSIS
        Traceback (most recent call last):
        ...
        exportrow.book.RepositoryError: --repository-url: 'javascript:alert(1)//github.com/x/y' is not a plain ...
    """
    from exportrow.files import excerpt

    plain = _plain_repository(url) if url else url
    if plain is None:
        raise RepositoryError(
            f"{url_from}: {excerpt(url)} is not a plain repository address; the launch buttons accept only "
            "https://HOST/OWNER/REPO or https://HOST/GROUP/SUBGROUP/REPO (a public host name; letters, digits, '_', "
            "'.' and '-' in OWNER and REPO, no '.' or '..' part; no query, fragment, quote or other scheme): "
            + ('write Repository = "https://github.com/OWNER/exportrow" there, or remove the line for no buttons'
               if url_from != "--repository-url" else
               'for example --repository-url https://github.com/OWNER/exportrow, or --repository-url "" for no '
               'buttons'))
    if url and not _plain_branch(branch):
        raise RepositoryError(
            f"{branch_from}: {excerpt(branch)} is not a plain branch name; the launch buttons accept only letters, "
            "digits, '_', '.', '/' and '-' (not starting with '.', '/' or '-', no '..', no part starting with '.' or "
            "ending in '.lock', not ending in '/' or '.'): for example --branch main")
    return plain, branch


def _execute(path: Path, timeout: int = 300) -> dict:
    """Run a solutions notebook in its own folder, with outputs written to a temporary folder."""
    import nbformat

    from exportrow.kernels import ReportClient, socket_dir

    nb = nbformat.read(path, as_version=4)
    with tempfile.TemporaryDirectory(prefix="exportrow-book-") as tmp:
        sockets = socket_dir()  # Unix sockets, as in the report: no TCP port another kernel can take first
        client = ReportClient(nb, connection_file=Path(tmp) / "kernel.json", sockets=sockets / "k" if sockets else None,
                              timeout=timeout, kernel_name="python3", shutdown_kernel="immediate",
                              resources={"metadata": {"path": str(path.parent)}})
        try:  # the kernel writes its outputs into a temporary folder, never into reports/; its log is dropped
            with open(os.devnull, "w") as log:
                client.execute(env={**os.environ, "EXPORTROW_OUTPUT_ROOT": tmp}, stderr=log)
        except Exception as exc:
            raise BookError(f"{path.relative_to(ROOT)}: the worked solution failed: "
                            f"{getattr(exc, 'ename', type(exc).__name__)}: {getattr(exc, 'evalue', exc)}") from None
        finally:
            if sockets:
                shutil.rmtree(sockets, ignore_errors=True)
    return nb


def _notebooks() -> list[Path]:
    return sorted(NOTEBOOKS.glob("[0-9][0-9]-*.ipynb"))


def _solution_for(path: Path) -> Path | None:
    found = NOTEBOOKS / "solutions" / f"{path.stem}-solutions.ipynb"
    return found if found.is_file() else None


def _conf(url: str, branch: str) -> str:
    options = {
        "home_page_in_toc": True,
        "show_navbar_depth": 1,
        "use_download_button": False,
        "use_fullscreen_button": False,
        "navigation_with_keys": False,
        "show_toc_level": 2,
        "article_header_start": ["toggle-primary-sidebar"],
    }
    if url:
        options.update({
            "repository_url": url, "repository_branch": branch, "path_to_docs": "",
            "use_repository_button": True,
            "launch_buttons": {"binderhub_url": "https://mybinder.org", "notebook_interface": "jupyterlab"},
        })
    settings = {
        "project": "exportrow",
        "author": "exportrow contributors",
        "copyright": "exportrow contributors. Code MIT, documentation CC BY 4.0; the article's text is Nikkei's",
        "extensions": ["myst_nb"],
        "html_theme": "sphinx_book_theme",
        "html_title": "exportrow: a news article, read as data",
        "html_theme_options": options,
        "html_context": {"default_mode": "light"},  # charts are drawn on white; readers can switch
        "html_static_path": ["_static"],
        "html_favicon": "_static/favicon.svg",
        "html_css_files": ["exportrow-book.css"],
        "html_copy_source": False,
        "html_show_sourcelink": False,
        "html_last_updated_fmt": None,
        # search lists the matching pages by title: excerpts would be fetched page by page, which a browser refuses
        # for a site opened from file:// (as the README suggests), with an error per result
        "html_show_search_summary": False,
        "nb_execution_mode": "off",
        "nb_output_stderr": "remove",
        "nb_merge_streams": True,
        "nb_render_markdown_format": "commonmark",
        "myst_heading_anchors": 3,
        "myst_heading_slug_func": "github",
        "exclude_patterns": ["downloads/**", "_build", "**.ipynb_checkpoints"],
        "suppress_warnings": ["myst.header"],
        "language": "en",
    }
    return "".join(f"{k} = {v!r}\n" for k, v in settings.items())


_CSS = """\
details.solution { border: 1px solid var(--pst-color-border); border-left: 4px solid #009E73;
                   border-radius: 4px; padding: .3em 1em; margin: 1.2em 0; }
details.solution > summary { cursor: pointer; font-weight: 600; padding: .3em 0; }
details.solution[open] > summary { margin-bottom: .6em; }
div.cell_output table td, div.cell_output table th { white-space: normal; }
/* A cell tagged full-width (a chart, a wide table) runs over the contents sidebar, which the book theme folds while
   it is in view; output tables get smaller type and wrap, so that all their columns show at 1280 px (review 16c) */
div.cell.tag_full-width { position: relative; z-index: 2; }
@media (min-width: 992px) { div.cell.tag_full-width { width: 100%; max-width: 100%; } }
@media (min-width: 1200px) {
  div.cell.tag_full-width { width: calc(100% + var(--pst-sidebar-secondary)); max-width: none; } }
div.cell_output table.exportrow-table { font-size: .85em !important; }
div.cell_output table.exportrow-table td, div.cell_output table.exportrow-table th {
  min-width: 0 !important; max-width: 28em !important; padding: 3px 6px !important; }
div.cell_output figure img { max-width: 100%; height: auto; }
a.chart-full-size { cursor: zoom-in; }
.bd-sidebar-secondary.hide:not(:hover) .onthispage:after { font-family: "Font Awesome 7 Free", "Font Awesome 6 Free"; }
div.cell_output figcaption { font-size: .85em; color: var(--pst-color-text-muted); }
p.downloads { font-size: .92em; }
article.bd-article table.table td:first-child { white-space: nowrap; }
"""


_FAVICON = ('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 16 16"><rect width="16" height="16" rx="3" '
            'fill="#0072B2"/><path d="M3 5h10M3 8h7M3 11h10" stroke="#fff" stroke-width="1.6"/></svg>\n')


def stage(dest: Path, *, url: str = "", branch: str = "main", jobs: int | None = None,
          run_solutions: bool = True) -> list[str]:
    """Write the site's sources into ``dest`` (laid out as in the repository) and return the page names.

    The worked solutions run in parallel (``jobs`` at a time) unless ``run_solutions`` is False.

    Example:
        >>> import tempfile
        >>> pages = stage(Path(tempfile.mkdtemp()) / "src", run_solutions=False)
        >>> pages[:3], "notebooks/01-enforcement-statistics" in pages
        (['index', 'docs/teaching', 'docs/annotating'], True)
    """
    import nbformat

    from exportrow.student import blank_notebook

    terms = read_glossary()
    books = _notebooks()
    pages = {"README.md": "index.md", **{p: p for p, _ in GUIDES},
             **{f"notebooks/{p.name}": f"notebooks/{p.name}" for p in books}}
    (dest / "_static").mkdir(parents=True)
    (dest / "_static" / "exportrow-book.css").write_text(_CSS, encoding="utf-8")
    (dest / "_static" / "favicon.svg").write_text(_FAVICON, encoding="utf-8")
    (dest / "conf.py").write_text(_conf(url, branch), encoding="utf-8")

    def markdown_page(source: str, target: str, extra: str = "") -> None:
        text = (ROOT / source).read_text(encoding="utf-8")
        text = link_paths(text, target, pages)
        if source not in (GLOSSARY, REFERENCES):
            text = link_terms([text], terms, target)[0]
        out = dest / target
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(text.rstrip() + "\n" + extra, encoding="utf-8")

    nav = [("Course", ["docs/teaching"] + [f"notebooks/{p.stem}" for p in books])]
    for path, caption in GUIDES[1:]:
        if nav[-1][0] != caption:
            nav.append((caption, []))
        nav[-1][1].append(path.removesuffix(".md"))
    toctree = "".join(f"\n```{{toctree}}\n:hidden:\n:caption: {caption}\n\n" + "\n".join(entries) + "\n```\n"
                      for caption, entries in nav)
    markdown_page("README.md", "index.md", toctree)
    for path, _ in GUIDES:
        markdown_page(path, path)

    solutions = {p: _solution_for(p) for p in books} if run_solutions else {}
    with cf.ThreadPoolExecutor(max_workers=max(1, jobs or os.cpu_count() or 1)) as pool:
        futures = {p: pool.submit(_execute, s) for p, s in solutions.items() if s}
        try:
            executed = {p: f.result() for p, f in futures.items()}
        except BaseException:  # a failed solution, Ctrl-C: the others are not waited for; their kernels stop now
            from exportrow import kernels

            for f in futures.values():
                f.cancel()
            kernels.stop_all()
            raise
    downloads = dest / "downloads"
    downloads.mkdir()
    for path in books:
        nb = json.loads(path.read_text(encoding="utf-8"))
        shutil.copyfile(path, downloads / path.name)
        blank = downloads / f"{path.stem}-blank.ipynb"
        blank.write_text(nbformat.writes(nbformat.from_dict(blank_notebook(nb))) + "\n", encoding="utf-8")
        links = [f"{{download}}`notebook with outputs <../downloads/{path.name}>`",
                 f"{{download}}`blank notebook for students <../downloads/{blank.name}>`"]
        solution = executed.get(path)
        if solution is not None:
            from exportrow.nbtools import clean_notebook

            sol = downloads / solutions[path].name
            sol.write_text(nbformat.writes(nbformat.from_dict(clean_notebook(solution))) + "\n", encoding="utf-8")
            links.append(f"{{download}}`worked solution <../downloads/{sol.name}>`")
        note = ("**Downloads:** " + " · ".join(links) + ". The notebook with outputs also holds what this page "
                "leaves out for readability (the article file's hash, machine-readable dumps).")
        view = link_charts(student_view(nb, solution, downloads=note), dest / CHARTS, path.stem, f"../{CHARTS}")
        texts = [_text(c["source"]) for c in view["cells"] if c["cell_type"] == "markdown"]
        target = f"notebooks/{path.name}"
        texts = link_terms([link_paths(t, target, pages) for t in texts], terms, target)
        markdown = iter(texts)
        for cell in view["cells"]:
            if cell["cell_type"] == "markdown":
                cell["source"] = next(markdown)
        out = dest / target
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(nbformat.writes(nbformat.from_dict(view)) + "\n", encoding="utf-8")
    return ["index", *(p.removesuffix(".md") for p, _ in GUIDES), *(f"notebooks/{p.stem}" for p in books)]


def _check_site_folder(out: Path) -> Path:
    """``out`` may be written as the site: exportrow's one rule for output folders (:mod:`exportrow.outdir`)."""
    from exportrow.outdir import check_out

    return check_out(out, "site")


def _sphinx_command(source: Path, out: Path, doctrees: Path, warnings: Path) -> list[str]:
    return [sys.executable, "-m", "sphinx", "-b", "html", "-q", "-E", "-d", str(doctrees), "-w", str(warnings),
            str(source), str(out)]


def _sphinx(cmd: list[str], cwd: Path) -> tuple[int, str]:
    """Run Sphinx and return its exit code and error output.

    When the build is interrupted (Ctrl-C, SIGTERM), Sphinx is stopped and waited for before the interrupt goes on:
    the folders it writes into are removed next, and no Sphinx may be left writing into them.
    """
    with subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=cwd) as proc:
        try:
            _, err = proc.communicate()
        except BaseException:
            proc.kill()
            proc.wait()
            raise
    return proc.returncode, err


def build_site(out: str | Path = SITE, *, url: str | None = None, branch: str = "main",
               stream=None) -> tuple[Path, list[str]]:
    """Build the site into ``out`` and return it with Sphinx's warnings (the build fails on none of them).

    ``url`` is the repository URL for the launch buttons (None: :func:`repository_url`; "": none). ``out``
    follows exportrow's one rule for output folders (:mod:`exportrow.outdir`): a non-empty folder that
    exportrow did not publish, or a project folder, is refused before any work; the site is built beside
    ``out`` under a lock and swapped into place when complete.

    Example:
        >>> import tempfile
        >>> mine = Path(tempfile.mkdtemp())
        >>> _ = (mine / "notes.txt").write_text("mine")
        >>> build_site(mine, url="")  # doctest: +ELLIPSIS
        Traceback (most recent call last):
        ...
        exportrow.outdir.OutputFolderError: --out ...: the folder holds files that exportrow did not write ...
    """
    from exportrow import outdir

    stream = stream or sys.stderr
    if url is None:
        url, branch = check_repository(repository_url(), branch,
                                       url_from=f"{ROOT / 'pyproject.toml'}: Repository under [project.urls]")
    else:
        url, branch = check_repository(url, branch)
    out = _check_site_folder(Path(out))
    with tempfile.TemporaryDirectory(prefix="exportrow-book-src-") as src, outdir.Publication(out, "site") as pub:
        src = Path(src)
        print(f"[book] staging the pages{' (launch buttons for ' + url + ')' if url else ''}", file=stream)
        stage(src / "site", url=url, branch=branch)
        print("[book] building with Sphinx", file=stream)
        warnings = src / "warnings.txt"
        marker = (pub.tmp / MARKER).read_bytes()  # Sphinx writes into the folder: keep the marker aside
        code, err = _sphinx(_sphinx_command(src / "site", pub.tmp, src / "doctrees", warnings), cwd=src)
        if code != 0:
            raise BookError(f"Sphinx failed (exit {code}): {err.strip()[-2000:]}")
        found = [ln for ln in warnings.read_text(encoding="utf-8").splitlines() if ln.strip()]
        found = [ln.replace(str(src / "site") + os.sep, "") for ln in found]
        shutil.rmtree(pub.tmp / ".doctrees", ignore_errors=True)
        (pub.tmp / MARKER).write_bytes(marker)
        try:
            out = pub.publish()
        except OSError as exc:
            raise pub.write_error(exc, "site") from None
    return out, found


def main(argv: list[str] | None = None) -> int:
    """``python -m exportrow.book [--out DIR] [--repository-url URL] [--branch NAME]``; returns the exit code.

    Example:
        >>> import tempfile
        >>> mine = Path(tempfile.mkdtemp())
        >>> _ = (mine / "notes.txt").write_text("mine")
        >>> main(["--out", str(mine)])  # refused: exit code 2, and the folder is left as it was
        2
        >>> [p.name for p in mine.iterdir()]
        ['notes.txt']
    """
    parser = argparse.ArgumentParser(prog="python3 dev.py book", description="Build the course site (HTML).")
    parser.add_argument("--out", default=str(SITE), metavar="DIR", help="site folder (default: build/site)")
    parser.add_argument("--repository-url", default=None, metavar="URL",
                        help="repository for the launch buttons (default: Repository in pyproject.toml's "
                             "[project.urls]; \"\" for none)")
    parser.add_argument("--branch", default="main", help="branch the launch buttons open (default: main)")
    args = parser.parse_args(argv)
    from exportrow.cli import interrupts, stopped

    with interrupts():  # Ctrl-C, SIGTERM, SIGHUP: Sphinx and the kernels stop, the temporary folders go, one line
        try:
            out, warnings = build_site(args.out, url=args.repository_url, branch=args.branch)
        except KeyboardInterrupt as exc:
            return stopped(exc)
        except ExportrowError as exc:
            print(f"error: {exc}", file=sys.stderr)
            return exc.exit_code
    for w in warnings:
        print(f"warning: {w}", file=sys.stderr)
    print(f"site written to {out / 'index.html'}" + (f" with {len(warnings)} warning(s)" if warnings else ""))
    return 1 if warnings else 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
