"""Small helpers the notebooks share: open the inputs, write outputs, cite the article.

Kept here, not in the notebooks, so that no notebook repeats another's set-up code.
"""

from __future__ import annotations

import gc
import math
import sys
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from exportrow import paths
from exportrow.annotations import Annotation, load_annotation
from exportrow.article import Article, load_article
from exportrow.errors import ExportrowError
from exportrow.escape import html_text, markdown_code, markdown_text

__all__ = ["Inputs", "open_inputs", "check_notebook_parameters", "write_table", "write_output", "citation", "show",
           "markdown_list", "caveat_list",
           "opening_excerpt", "is_worked_example", "worked_example", "NotTheWorkedExample", "EXCERPT_SENTENCES",
           "EXCERPT_SHARE", "write_coded_table", "settle_kernel_heap"]

#: A notebook's opening excerpt shows at most this many sentences of the article ...
EXCERPT_SENTENCES = 4
#: ... and, for the bundled article (Nikkei's text, quoted for study), at most this share of its body.
EXCERPT_SHARE = 0.15


@dataclass
class Inputs:
    """What a notebook works on: the article, its checked annotation, the output folder."""

    article: Article
    annotation: Annotation
    out: Path

    @property
    def annotation_path(self) -> Path:
        return self.annotation.path


def open_inputs(article_path: str, annotation_path: str, output_dir: str, name: str,
                published: str = "", figure_format: str = "png", *, outlet: str = "", timezone: str = "") -> Inputs:
    """Load and check a notebook's inputs from its parameters.

    Args:
        article_path: Article file; ``""`` means the one ``annotation_path`` names (``article: file:``), or
            the bundled article when that is empty too.
        annotation_path: Annotation file; ``""`` means the one paired with the article.
        output_dir: Output folder; ``""`` means ``reports/<name>`` (see :func:`exportrow.paths.output_dir`).
        name: The notebook's name, for the default output folder.
        published: ISO date (or date-time) overriding the publication date; ``""`` keeps the article's.
        figure_format: Checked here, before any work, so a typo fails at once.
        outlet, timezone: The outlet's name and the IANA zone of its clock, overriding the capture
            and the annotation's ``article:`` block; ``""`` keeps the article's.

    Example:
        >>> import tempfile
        >>> inp = open_inputs("", "", tempfile.mkdtemp(), "demo")
        >>> inp.article.outlet, len(inp.annotation.figures)
        ('Nikkei Asian Review', 5)
    """
    from exportrow.export import FORMATS

    settle_kernel_heap()
    check_notebook_parameters(name)
    if figure_format not in FORMATS:
        from exportrow.parameters import ParameterError  # a ValueError, shown in one line

        raise ParameterError(f"figure_format must be one of {', '.join(FORMATS)}, not {figure_format!r}")
    from exportrow.annotations import article_to_load

    # only an annotation given: the article its `article: file:` names, as `exportrow check` finds it
    article = load_article(article_to_load(article_path, annotation_path), published=published, outlet=outlet,
                           timezone=timezone)
    annotation = load_annotation(annotation_path or None, article)
    # the annotation's article: block may date a body-only capture: use the article as the annotation settled it
    return Inputs(annotation.article, annotation, paths.output_dir(output_dir, name))


_SETTLED = False


def settle_kernel_heap(*, force: bool = False) -> bool:
    """Once per kernel, before a notebook's inputs are loaded: leave the objects that exist now out of the garbage
    collector's full collections (``gc.freeze()``). :func:`open_inputs` calls it.

    By the time a notebook opens its inputs, its kernel holds about 200,000 objects (IPython, pandas, matplotlib,
    exportrow's modules) that live as long as the kernel. Loading the inputs creates enough new ones to start a full
    collection, which walks all of them again to find no garbage: 0.12-0.18 s of processor time in every
    notebook (benchmarks/README.md). Frozen, they are left out of that walk; objects made later are collected as
    before. Only inside a Jupyter kernel (where ``ipykernel`` is loaded), and only the first time, so a cell run
    again does not freeze the garbage of its earlier runs. Returns whether it froze now.

    Example:
        >>> settle_kernel_heap()  # not in a kernel: nothing frozen
        False
    """
    global _SETTLED
    if _SETTLED or not (force or "ipykernel" in sys.modules):
        return False
    _SETTLED = True
    gc.freeze()
    return True


def check_notebook_parameters(name: str = "", namespace: dict | None = None) -> None:
    """Check every parameter of the running notebook against its ``parameters`` cell, as ``exportrow report -p``
    checks them before any kernel starts (:func:`exportrow.parameters.check_values`), so that a notebook run
    directly (papermill, JupyterLab) refuses a bad value before it writes anything. :func:`open_inputs` calls it
    first.

    A value the check accepts in another type than declared (typed with quotes, ``show_derived: bool = "False"``,
    or given as text by papermill's ``-r``) is put back into ``namespace`` converted as ``-p`` converts it
    (``False``, not the text ``"False"``, which Python reads as true).

    ``namespace``: the notebook's variables (default: the running IPython kernel's; outside a kernel nothing is
    checked). The declarations are read from the kernel's history of cells (``In``): the last cell that declares
    ``output_dir`` with a type, as every notebook's parameters cell does.

    Raises:
        ParameterError: A value its declaration refuses.

    Example:
        >>> cell = "close_up_weeks: int = 2  # at least 0 and at most 52\\noutput_dir: str = ''  # folder"
        >>> check_notebook_parameters("02", {"In": ["", cell, "close_up_weeks = 99\\n"], "close_up_weeks": 99})
        Traceback (most recent call last):
        ...
        exportrow.parameters.ParameterError: close_up_weeks 99: out of range; allowed: a whole number, at least 0 \
and at most 52 (declared by 02)
        >>> check_notebook_parameters("02", {"In": ["", cell], "close_up_weeks": 2})
        >>> ns = {"In": ["", cell], "close_up_weeks": "0"}
        >>> check_notebook_parameters("02", ns)
        >>> ns["close_up_weeks"]
        0
    """
    import sys

    from exportrow.parameters import check_values, declared_in

    if namespace is None:
        ipython = sys.modules.get("IPython")
        shell = ipython.get_ipython() if ipython is not None else None
        namespace = getattr(shell, "user_ns", None)
    if not namespace:
        return
    history = namespace.get("In") or []
    for source in reversed([c for c in history if isinstance(c, str) and "output_dir" in c]):
        declared = declared_in(source)
        if "output_dir" in declared:
            namespace.update(check_values(namespace, declared, name))
            return


def write_table(table: pd.DataFrame, out: Path, name: str) -> Path:
    """Write ``table`` as ``out/name.csv`` (atomic, byte-stable) and return the path.

    A file already there is replaced only when this notebook's earlier run wrote it and nobody has changed it
    since (:func:`exportrow.outdir.write_notebook_output`); anything else is left as it is, with an error.

    Example:
        >>> import tempfile
        >>> write_table(pd.DataFrame({"a": [1]}), Path(tempfile.mkdtemp()), "t").name
        't.csv'
    """
    from exportrow.export import table_to_csv
    from exportrow.outdir import write_notebook_output

    return write_notebook_output(Path(out) / f"{name}.csv", table_to_csv(table))


def write_coded_table(table: pd.DataFrame, out: Path, name: str) -> Path:
    """:func:`write_table` for a table made from coders' own files (notebook 04's): each text cell and column name
    that a spreadsheet would run as a formula gets a leading ``'`` (:func:`exportrow.export.formula_safe`).

    Example:
        >>> import tempfile
        >>> p = write_coded_table(pd.DataFrame({"coder": ["=1+1", "ann"], "alpha": [-0.5, 1.0]}),
        ...                       Path(tempfile.mkdtemp()), "t")
        >>> p.read_text(encoding="utf-8").splitlines()
        ['coder,alpha', "'=1+1,-0.5", 'ann,1.0']
    """
    from exportrow.export import formula_safe

    return write_table(formula_safe(table), out, name)


def write_output(out: Path, name: str, text: str) -> Path:
    """Write a notebook's output other than a table or a chart (a JSON-LD record) as ``out/name``, by the same rule
    as :func:`write_table`.

    Example:
        >>> import tempfile
        >>> write_output(Path(tempfile.mkdtemp()), "claims.jsonld", "{}\\n").name
        'claims.jsonld'
    """
    from exportrow.outdir import write_notebook_output

    return write_notebook_output(Path(out) / name, text)


def citation(article: Article) -> str:
    """A Markdown citation of the article; its publication as precise as known and no more.

    A date without a time says "date only"; a time whose zone is unknown says "time zone unknown". A what-if
    publication date (the parameter ``published`` moving the article to another day) keeps the article's own date
    and says that dates are resolved as if it were published on the other (:attr:`Article.what_if`).
    The outlet, title, dateline and file name are escaped.

    Example:
        >>> citation(load_article())[:40]
        '*Nikkei Asian Review*, 12 July 2019, 07:'
        >>> import dataclasses
        >>> print(citation(dataclasses.replace(load_article(), outlet="<b>The *Daily*</b>"))[:40])
        *&lt;b&gt;The \\*Daily\\*&lt;/b&gt;*, 12 J
        >>> print(citation(load_article().with_published("2019-07-19"))[:195])  # doctest: +NORMALIZE_WHITESPACE
        *Nikkei Asian Review*, 12 July 2019, 07:30 (JST): “South Korea-Japan row rages on, this time over export
        details”. **What-if:** dates resolved as if published 19 Jul 2019 (parameter `published`).
        >>> print(citation(dataclasses.replace(load_article(), dateline=None))[98:162])
        export details”. The article has no dateline. File `nikkei-asian
    """
    what_if = (f"**What-if:** dates resolved as if published {article.what_if} (parameter `published`). "
               if article.what_if else "")
    return (f"*{markdown_text(article.outlet or 'outlet unknown')}*, {article.own_published.published_text}: "
            f"\u201c{markdown_text(article.title or 'untitled')}\u201d. " + what_if
            + (f"Dateline {markdown_text(article.dateline)}. " if article.dateline else "The article has no dateline. ")
            + f"File {markdown_code(article.path.name)}, sha256 `{article.sha256[:12]}…`.")


def markdown_list(items: list[str]) -> str:
    """A Markdown bullet list of ``items``, which are Markdown already (text from input escaped).

    Example:
        >>> print(markdown_list(["one **bold** point", markdown_text("<i>as typed</i>")]))
        - one **bold** point
        - &lt;i&gt;as typed&lt;/i&gt;
    """
    return "\n".join(f"- {item}" for item in items)


def caveat_list(figures_table: pd.DataFrame, annotation: Annotation) -> str:
    """What the figures leave open, as a Markdown list: the library's caveats on derived figures,
    then the annotator's own ``caveats:``, escaped so that they show as typed.

    Example:
        >>> from exportrow import figures
        >>> from exportrow.stats import caveats
        >>> ann = load_annotation()
        >>> lines = caveat_list(figures(), ann).splitlines()
        >>> len(lines) == len(caveats(figures())) + len(ann.caveats), lines[-1] == "- " + ann.caveats[-1]
        (True, True)
        >>> print(caveat_list(figures().head(0), Annotation(ann.path, ann.article, caveats=["5 * 3 <b>"])))
        - 5 \\* 3 &lt;b&gt;
        >>> print(caveat_list(figures().head(0), Annotation(ann.path, ann.article)))
        - No caveats: no figure here is derived, and the annotation records none.
    """
    from exportrow.stats import caveats

    items = [*caveats(figures_table), *(markdown_text(c) for c in annotation.caveats)]
    return markdown_list(items or ["No caveats: no figure here is derived, and the annotation records none."])


def show(table: pd.DataFrame, columns: list[str] | None = None):
    """A table for reading in a notebook or the report: full quotes, left-aligned, ISO dates, no index.

    The HTML carries its look in ``style`` attributes, which JupyterLab's sanitizer keeps in an untrusted
    notebook (it removes ``<style>`` blocks), so a fresh clone shows the same table as the report: left-aligned,
    top-aligned, long texts wrapped in a readable width. The output is the same on every run. Every cell and
    column name is escaped (:func:`exportrow.escape.html_text`): text shows as typed.

    Example:
        >>> shown = show(pd.DataFrame({"quote": ["x" * 80], "d": pd.to_datetime(["2019-07-12"])}))
        >>> html = shown._repr_mimebundle_()["text/html"]
        >>> "x" * 80 in html and "2019-07-12" in html and "00:00:00" not in html, "<style" in html
        (True, False)
        >>> html = show(pd.DataFrame({"<i>": ["<Month> <year>"]}))._repr_mimebundle_()["text/html"]
        >>> "&lt;Month&gt; &lt;year&gt;</td>" in html, "&lt;i&gt;</th>" in html, "<i>" in html
        (True, True, False)
    """
    t = table[list(columns)] if columns else table
    dates = {c: "{:%Y-%m-%d}" for c in t.columns if pd.api.types.is_datetime64_any_dtype(t[c])}
    floats = {c: _number for c in t.columns if pd.api.types.is_float_dtype(t[c])}
    formats = {**floats, **dates}
    cells = {c: [_cell(v, formats.get(c, "{}")) for v in t[c]] for c in t.columns}
    wide = {c for c, values in cells.items() if max((len(v) for v in values), default=0) > 40}
    head = "".join(f'<th style="{_TH}">{html_text(c)}</th>' for c in t.columns)
    rows = "".join("<tr>" + "".join(f'<td style="{_TD_WIDE if c in wide else _TD}">{html_text(cells[c][i])}</td>'
                                    for c in t.columns) + "</tr>\n" for i in range(len(t)))
    html = (f'<table class="exportrow-table mathjax_ignore" style="{_TABLE}">\n<thead><tr>{head}</tr></thead>\n'
            f"<tbody>\n{rows}</tbody>\n</table>\n")
    return _Table(html, t.to_string(index=False))


# Inline styles (JupyterLab keeps these on untrusted outputs): left- and top-aligned, no squeezing.
_TABLE = "border-collapse:collapse;table-layout:auto;margin-left:0;margin-right:auto;font-size:0.92em"
_TH = "text-align:left;vertical-align:bottom;padding:4px 8px;border-bottom:1px solid #888;white-space:nowrap"
_TD = "text-align:left;vertical-align:top;padding:4px 8px;border-bottom:1px solid #ddd;white-space:nowrap"
_TD_WIDE = ("text-align:left;vertical-align:top;padding:4px 8px;border-bottom:1px solid #ddd;white-space:normal;"
            "min-width:16em;max-width:36em")


def _cell(value, fmt) -> str:
    """One table cell as text: empty for a missing value, else ``value`` formatted with ``fmt`` (a format string,
    or a function)."""
    try:
        if pd.isna(value):
            return ""
    except (TypeError, ValueError):  # lists and other containers
        pass
    return fmt(value) if callable(fmt) else fmt.format(value)


def _number(value) -> str:
    """A float in a table as a reader writes it: a whole number without decimals (thousands separated from
    1,000, as in the notebooks' sentences: :func:`exportrow.stats.fmt_value`), any other with its own digits,
    never rounded across a threshold.

    Example:
        >>> _number(40000000.0), _number(150.0), _number(2.4), _number(0.666), _number(1.17), _number(9800.0)
        ('40,000,000', '150', '2.4', '0.666', '1.17', '9,800')
        >>> _number(203333333333.33), _number(12e9)
        ('203.3 billion', '12 billion')
    """
    from exportrow.stats import fmt_value

    v = float(value)
    if abs(v) >= 1e9 and math.isfinite(v):  # a scale word, never "2.033333333e+11"
        return fmt_value(v) if v.is_integer() else fmt_value(v, 2)
    return fmt_value(v) if v.is_integer() else f"{v:,.10g}"


class _Table:
    def __init__(self, html: str, text: str):
        self.html, self.text = html, text

    def _repr_mimebundle_(self, include=None, exclude=None):
        return {"text/html": self.html, "text/plain": self.text}


_LAYER_WORDS = {"figures": "figure", "claims": "claim", "dates": "date", "actors": "actor"}


def opening_excerpt(inputs: Inputs, layers):
    """A notebook's opening: a short excerpt of the article view, marked for the ``layers`` it works on.

    It keeps the first sentences that hold a mark (at most :data:`EXCERPT_SENTENCES`; for the bundled
    article, whose text is Nikkei's, at most :data:`EXCERPT_SHARE` of its body too) and shows what the
    annotation states, not what exportrow computes from it, so it gives no exercise away. The HTML keeps
    its look in ``style`` attributes (it renders in an untrusted notebook) and runs no script. When the
    annotation marks nothing of these layers, a sentence says so instead.

    Example:
        >>> import tempfile
        >>> view = opening_excerpt(open_inputs("", "", tempfile.mkdtemp(), "demo"), ["figures"])
        >>> view.excerpt, view.derived, view.counts
        ('sentences', [], {'figures': 5})
        >>> "<style" in view._repr_html_(), view.notes[0].split(";")[0]
        (False, "Excerpt (sentences): 13% of the body's characters are shown")
    """
    from IPython.display import Markdown

    from exportrow.view import is_bundled, show_article

    layers = list(layers)
    art = inputs.article
    view = show_article(art, inputs.annotation, layers=layers, excerpt="sentences", coverage=False, computed=False,
                        max_sentences=EXCERPT_SENTENCES, max_share=EXCERPT_SHARE if is_bundled(art) else None)
    if not view.marks:
        what = " or ".join(f"{_LAYER_WORDS.get(x, x)}" for x in layers)
        return Markdown(f"*No excerpt: the annotation marks no {what} in this article.*")
    return view


class NotTheWorkedExample(ExportrowError):
    """A worked solution run on another article: the notebook stops in its first cell with this one sentence.

    In a notebook the message shows alone, without a traceback (IPython calls ``_render_traceback_``),
    and execution stops there, as papermill and ``exportrow report`` see it.
    """

    def _render_traceback_(self) -> list[str]:
        return [str(self)]  # the sentence says what it is


def _digest(path: Path) -> str:
    import hashlib

    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def is_worked_example(article_path: str = "", annotation_path: str = "") -> bool:
    """Whether these parameters point at the bundled article and its annotation (by content, not by name).

    The worked solutions are written for them; ``exportrow report --solutions`` runs them only then.

    Example:
        >>> from exportrow import paths
        >>> is_worked_example(), is_worked_example(str(paths.default_article()))
        (True, True)
        >>> is_worked_example(str(paths.PROJECT_ROOT / "tests" / "fixtures" / "pages" / "latin1.html"))
        False
    """
    from exportrow.annotations import annotation_path_for

    try:
        article = Path(article_path) if article_path else paths.default_article()
        if _digest(article) != _digest(paths.default_article()):
            return False
        annotation = Path(annotation_path) if annotation_path else annotation_path_for(load_article(article))
        return _digest(annotation) == _digest(paths.default_annotation())
    except (OSError, ExportrowError):
        return False


def worked_example(article_path: str = "", annotation_path: str = "") -> Article:
    """The bundled article, for a worked solution's first cell; any other article stops the notebook there.

    Raises:
        NotTheWorkedExample: The parameters name another article or annotation: one sentence, no traceback.

    Example:
        >>> worked_example().outlet
        'Nikkei Asian Review'
        >>> worked_example("elsewhere.txt")
        Traceback (most recent call last):
        ...
        exportrow.notebook.NotTheWorkedExample: This worked solution is written for the bundled article ...
    """
    if not is_worked_example(article_path, annotation_path):
        given = Path(article_path or annotation_path).name
        raise NotTheWorkedExample(
            f"This worked solution is written for the bundled article (Nikkei Asian Review, 12 July 2019) and its "
            f"annotation, not for {given}, so it stops here: do the exercise in the notebook itself on your "
            "article, whose exercise cell names what to work on.")
    return load_article(article_path or None)
