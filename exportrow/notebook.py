"""Small helpers the notebooks share: open the inputs, write outputs, cite the article.

Kept here, not in the notebooks, so that no notebook repeats another's set-up code.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from exportrow import paths
from exportrow.annotations import Annotation, load_annotation
from exportrow.article import Article, load_article

__all__ = ["Inputs", "open_inputs", "write_table", "citation", "show"]


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
                published: str = "", figure_format: str = "png") -> Inputs:
    """Load and check a notebook's inputs from its parameters.

    Args:
        article_path: Article file; ``""`` means the bundled article.
        annotation_path: Annotation file; ``""`` means the one paired with the article.
        output_dir: Output folder; ``""`` means ``reports/<name>`` (see :func:`exportrow.paths.output_dir`).
        name: The notebook's name, for the default output folder.
        published: ISO date overriding the publication date; ``""`` keeps the article's.
        figure_format: Checked here, before any work, so a typo fails at once.

    Example:
        >>> import tempfile
        >>> inp = open_inputs("", "", tempfile.mkdtemp(), "demo")
        >>> inp.article.outlet, len(inp.annotation.figures)
        ('Nikkei Asian Review', 5)
    """
    from exportrow.export import FORMATS

    if figure_format not in FORMATS:
        raise ValueError(f"figure_format must be one of {', '.join(FORMATS)}, not {figure_format!r}")
    article = load_article(article_path or None)
    if published:
        article = article.with_published(published)
    annotation = load_annotation(annotation_path or None, article)
    return Inputs(article, annotation, paths.output_dir(output_dir, name))


def write_table(table: pd.DataFrame, out: Path, name: str) -> Path:
    """Write ``table`` as ``out/name.csv`` (atomic, byte-stable) and return the path.

    Example:
        >>> import tempfile
        >>> write_table(pd.DataFrame({"a": [1]}), Path(tempfile.mkdtemp()), "t").name
        't.csv'
    """
    from exportrow.export import table_to_csv, write_atomic

    return write_atomic(Path(out) / f"{name}.csv", table_to_csv(table))


def citation(article: Article) -> str:
    """A Markdown citation of the article.

    Example:
        >>> citation(load_article())[:40]
        '*Nikkei Asian Review*, 12 July 2019, 07:'
    """
    p = article.published
    return (f"*{article.outlet}*, {p.day} {p:%B %Y}, {p:%H:%M} ({p.tzname()}): "
            f"\u201c{article.title}\u201d. Dateline {article.dateline or 'none'}. "
            f"File `{article.path.name}`, sha256 `{article.sha256[:12]}…`.")


def show(table: pd.DataFrame, columns: list[str] | None = None):
    """A table for reading in a notebook or the report: full quotes, left-aligned, ISO dates, no index.

    The HTML comes from a pandas Styler with a fixed id, and the plain text from the table itself,
    so the output is the same on every run (a Styler's own repr carries a memory address).

    Example:
        >>> shown = show(pd.DataFrame({"quote": ["x" * 80], "d": pd.to_datetime(["2019-07-12"])}))
        >>> html = shown._repr_mimebundle_()["text/html"]
        >>> "x" * 80 in html and "2019-07-12" in html and "00:00:00" not in html
        True
        >>> html = show(pd.DataFrame({"<b>": ["<script>"], "n": [1.5]}))._repr_mimebundle_()["text/html"]
        >>> "<b>" in html or "<script>" in html, "&lt;script&gt;" in html and "1.50" in html
        (False, True)
    """
    t = table[list(columns)] if columns else table
    dates = {c: "{:%Y-%m-%d}" for c in t.columns if pd.api.types.is_datetime64_any_dtype(t[c])}
    floats = {c: "{:.2f}" for c in t.columns if pd.api.types.is_float_dtype(t[c])}
    styler = (t.style.hide(axis="index")
              .format({**floats, **dates}, na_rep="", escape="html")  # text from articles is hostile until escaped
              .format_index(escape="html", axis=1)
              .set_properties(**{"text-align": "left", "vertical-align": "top"})
              .set_table_styles([{"selector": "th", "props": [("text-align", "left")]}])
              .set_uuid("exportrow"))
    return _Table(styler.to_html(), t.to_string(index=False))


class _Table:
    def __init__(self, html: str, text: str):
        self.html, self.text = html, text

    def _repr_mimebundle_(self, include=None, exclude=None):
        return {"text/html": self.html, "text/plain": self.text}
