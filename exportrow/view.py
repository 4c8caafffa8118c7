"""See the article with what was taken from it marked up: every span highlighted in place, coding on hover.

:func:`show_article` draws the article's body paragraphs (capture noise left out) with each
annotated span marked at its exact raw offsets, coloured by side with the colours the charts use
(:mod:`exportrow.colours`). Where spans overlap or nest (a figure inside a claim, a period inside
the figure), the text is cut into segments, each a ``<mark>`` listing every entry that covers it;
each entry draws its own bar under the text, so a nested entry shows as a shorter bar below the
longer one. Hovering a mark shows each entry's coding (a ``title``, no script). Numbers the
annotation ignores are marked as such, and numbers it does not cover at all stand out, so a
reviewer sees coverage at a glance.

The result renders in JupyterLab and saves as a standalone page that works offline, runs no
script and passes a strict Content-Security-Policy (:data:`CSP`). Every text that comes from the
article or the annotation is escaped by :func:`escape`. For pages handed out when the article's
text is not yours (the bundled Nikkei article), ``excerpt="sentences"`` (or True) shows only the
sentences that hold a mark and ``excerpt="quotes"`` only the marked words themselves, with ``[…]``
for what was left out. This module needs neither matplotlib nor Jupyter.

Example:
    >>> view = show_article()
    >>> view.counts["claims"], view.counts["figures"], view.counts["not annotated"]
    (24, 5, 0)
    >>> "<mark" in view._repr_html_() and view.page().startswith("<!DOCTYPE html>")
    True
"""

from __future__ import annotations

import functools
import hashlib
import re
import shlex
import sys
import textwrap
from dataclasses import dataclass, field
from pathlib import Path

from exportrow import paths
from exportrow.article import Article, Span, load_article
from exportrow.colours import OKABE_ITO, side_colours
from exportrow.errors import ExportrowError, UsageError
from exportrow.escape import CONTENT_SECURITY_POLICY, html_text
from exportrow.numbers import fmt_percent

__all__ = ["ArticleView", "Mark", "ViewError", "show_article", "article_page", "article_text", "escape",
           "is_bundled", "is_view_page", "check_output", "register", "LAYERS", "DEFAULT_LAYERS", "EXCERPTS", "CSP",
           "GENERATOR"]

#: Layers that can be drawn; the first three are the default.
LAYERS = ("figures", "claims", "dates", "actors")
DEFAULT_LAYERS = ("figures", "claims", "dates")
#: What an excerpt keeps: everything, the sentences that hold a mark, or the marked words alone.
EXCERPTS = ("full", "sentences", "quotes")
#: The standalone page's Content-Security-Policy: nothing is fetched, no script runs.
CSP = CONTENT_SECURITY_POLICY  # the report's own: the article page is one of its pages
#: Written into every page as ``<meta name="generator">``; `exportrow view` overwrites only such files.
GENERATOR = "exportrow view"
_MARKER = f'<meta name="generator" content="{GENERATOR}">'
#: The second line of a page `exportrow view` writes to a file: the SHA-256 of every other line. While it matches,
#: nobody has changed the page, so `exportrow view` may write it again; a page changed since is never replaced.
_SUM = "<!-- sha256 of every other line, so that exportrow view never replaces a page someone changed: "
_SUM_END = " -->"

# Drawing: each entry is a bar under the text, one slot per overlapping entry.
_STEP = 7  # px from one slot to the next
_GAP = 2  # px between the text and the first bar
_HEIGHT = {"claim": 3, "figure": 5, "date": 4, "actor": 3, "ignored": 3}
_SLOTTED = tuple(_HEIGHT)
_LABELLED = ("claim", "figure")
_IGNORED_COLOUR = "#6E6E6E"


class ViewError(UsageError):
    """A bad argument to the view (unknown layer or side) or a refused output file (exit code 2)."""


def escape(text) -> str:
    """The one place where text from an article or an annotation becomes HTML (quotes included).

    Example:
        >>> escape('<img src=x onerror="alert(1)">')
        '&lt;img src=x onerror=&quot;alert(1)&quot;&gt;'
    """
    return html_text(text)


@dataclass(frozen=True)
class Mark:
    """One marked span: ``article.raw[start:end]`` is its text.

    Attributes:
        start, end: Raw offsets, end exclusive.
        kind: ``claim``, ``figure``, ``value`` (a figure's stated value), ``date`` (an event's date
            expression or a figure's period), ``actor``, ``ignored`` or ``uncovered`` (a number the
            annotation does not cover).
        ids: The entries it stands for (two when, say, a figure's period is also an event's date).
        side: The side of the entry's actor, or None.
        hover: The coding shown on hover, plain text (escaped when written).
    """

    start: int
    end: int
    kind: str
    ids: tuple[str, ...]
    side: str | None
    hover: str


@dataclass(repr=False)
class ArticleView:
    """An article with its marks: renders in JupyterLab, and :meth:`save` writes a standalone page.

    Attributes:
        article: The :class:`~exportrow.article.Article`.
        annotation: The :class:`~exportrow.annotations.Annotation`, or None (text only).
        marks: Every mark drawn, in text order; ``data-m`` in the HTML numbers them.
        layers, sides, excerpt, labels, computed: How it was drawn (``excerpt``: one of :data:`EXCERPTS`;
            ``computed``: whether what exportrow computes, derived figures and resolved dates, is shown).
        pieces: For each paragraph, the raw ranges drawn; None where text was left out.
        derived: Figures computed by exportrow from stated ones (``figures`` layer only).
        counts: How many entries of each kind are marked.
        notes: Remarks shown under the title (no annotation found, entries outside the body).
    """

    article: Article
    annotation: object
    marks: list[Mark]
    layers: tuple[str, ...]
    sides: tuple[str, ...] | None
    excerpt: str
    labels: bool
    colours: dict[str, str]
    computed: bool = True
    pieces: list[list[tuple[int, int] | None]] = field(default_factory=list)
    derived: list[dict] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)

    def html(self, inline: bool = False) -> str:
        """The view as an HTML fragment, no script: with its own scoped style, or (``inline``) its look in
        ``style`` attributes only, which JupyterLab's sanitizer keeps in an untrusted notebook (it removes
        ``<style>`` blocks, ``calc()`` and repeating gradients)."""
        return _fragment(self, inline)

    def _repr_html_(self) -> str:
        return self.html(inline=True)

    def _repr_mimebundle_(self, include=None, exclude=None):
        return {"text/html": self.html(inline=True), "text/plain": self.summary()}

    def __repr__(self) -> str:
        return f"<{self.summary()}>"

    def summary(self) -> str:
        """One line: which article, which layers, how many marks (the view's plain-text form)."""
        what = ", ".join(_count(k, n) for k, n in self.counts.items()) or "no annotation"
        mode = "full text" if self.excerpt == "full" else f"excerpt: {self.excerpt}"
        return f"Article view ({mode}) of {self.article.title!r}: {what}"

    def page(self) -> str:
        """The view as a standalone HTML page: offline, no script, with :data:`CSP`."""
        return _page(self)

    def save(self, path: str | Path, *, force: bool = False) -> Path:
        """Write :meth:`page` to ``path`` (an existing file is replaced only if `exportrow view` wrote it).

        Raises:
            OutputFolderError: ``path`` is a folder, a link, or a file exportrow did not write.
        """
        from exportrow.export import write_atomic

        path = Path(path)
        page = self.page()
        check_output(path, force=force, page=page)
        return write_atomic(path, page_with_checksum(page))


# ---------------------------------------------------------------------------------------------------------------
# Plain text of an article (Article's own notebook rendering)


def article_text(article: Article, width: int = 88) -> str:
    """The article as plain, readable text: title, source line, the body paragraphs wrapped to ``width``.

    Example:
        >>> print(*article_text(load_article(), width=60).splitlines()[:4], sep=chr(10))
        South Korea-Japan row rages on, this time over export details
        Nikkei Asian Review, 12 July 2019, 07:30 (JST) · English Press
        <BLANKLINE>
        SEOUL/TOKYO — Seoul has pointed to its interceptions of
    """
    head = [article.title, _source_line(article) + (f" · {article.label}" if article.label else "")]
    paras = [article.raw[a:b] for a, b in _paragraph_ranges(article)]
    body = [textwrap.fill(" ".join(p.split()), width=width) for p in paras]
    return "\n".join(head) + "\n\n" + "\n\n".join(body) + "\n"


def _source_line(article: Article) -> str:
    """Outlet and publication, as precise as known: a date without a time gets no invented 00:00."""
    try:
        when = article.own_published.published_text
        if article.what_if:
            when += f" · {article.what_if_note.rstrip('.')}"
    except (AttributeError, ValueError, TypeError):
        when = str(article.published)
    return f"{article.outlet}, {when}"


def _paragraph_ranges(article: Article) -> list[tuple[int, int]]:
    """The body paragraphs as raw ranges; the first starts at its dateline, which is body text too."""
    ranges = [(p.start, p.end) for p in article.paragraphs]
    if ranges and article.dateline:
        first = ranges[0][0]
        line_start = article.raw.rfind("\n", 0, first) + 1
        at = article.raw.find(article.dateline, line_start, first)
        if at >= 0:
            ranges[0] = (at, ranges[0][1])
    return ranges


@functools.cache
def _bundled_sha256() -> str:
    return hashlib.sha256(paths.default_article().read_bytes()).hexdigest()


def is_bundled(article: Article) -> bool:
    """Whether ``article`` is the bundled Nikkei article, whose text pages handed out must only excerpt.

    Example:
        >>> is_bundled(load_article())
        True
    """
    try:
        return article.sha256 == _bundled_sha256()
    except OSError:
        return False


# ---------------------------------------------------------------------------------------------------------------
# Building the marks


def show_article(article: Article | str | Path | None = None, annotation=None, *,
                 layers=DEFAULT_LAYERS, sides=None, excerpt: bool | str = False, labels: bool = True,
                 coverage: bool = True, computed: bool = True, max_sentences: int | None = None,
                 max_share: float | None = None) -> ArticleView:
    """The article with its annotated spans marked, for JupyterLab or a standalone page.

    Args:
        article: An :class:`~exportrow.article.Article`, a path, or None for the bundled article.
        annotation: An :class:`~exportrow.annotations.Annotation`, a path to its YAML, or None for the
            file paired with the article (the text alone if there is none).
        layers: What to mark, from :data:`LAYERS`: ``figures`` (the span, its stated value boxed, and the
            figures exportrow derives from it listed below), ``claims``, ``dates`` (events' date
            expressions and figures' periods, with the resolved date on hover), ``actors``.
        sides: Mark only entries of these sides (None: every side).
        excerpt: False (or ``"full"``) shows every paragraph; True (or ``"sentences"``) only the sentences
            that hold a mark of ``layers``; ``"quotes"`` only the marked words themselves, the words the
            tables already carry. ``[…]`` stands where text was left out. Use an excerpt for pages handed
            out when the article's text is not yours (see :func:`is_bundled`).
        labels: Put each claim's and figure's id in a small tag where it starts.
        coverage: Mark numbers the annotation ignores, and those it does not cover at all.
        computed: Show what exportrow computes from the annotation: the derived figures and each date as
            resolved. False keeps only what the annotation states (a notebook's opening excerpt, before
            an exercise that asks for those values).
        max_sentences, max_share: For a sentence excerpt, keep at most this many sentences (the first that
            hold a mark), and at most this share of the body's characters (at least one sentence is kept).

    Returns:
        An :class:`ArticleView`.

    Raises:
        ViewError: An unknown layer or side (the message lists the known ones).

    Example:
        >>> view = show_article(layers=["figures"], sides=["seoul"], coverage=False)
        >>> sorted({m.kind for m in view.marks})
        ['figure', 'value']
        >>> [m.ids for m in view.marks if m.kind == "value"][:2]
        [('cases_total',), ('cases_2015',)]
        >>> short = show_article(layers=["figures"], excerpt=True, max_sentences=2, computed=False)
        >>> short.counts["figures"], short.derived, short.notes[0][:46]
        (3, [], "Excerpt (sentences): 8% of the body's characte")
    """
    from exportrow.annotations import Annotation, annotation_path_for, load_annotation

    if not isinstance(article, Article):
        article = load_article(article)
    notes: list[str] = []
    if annotation is None:
        paired = annotation_path_for(article)
        if paired.exists():
            annotation = load_annotation(paired, article)
        else:
            notes.append(f"No annotation file found for this article (looked for {paired.name}): the text alone.")
    elif not isinstance(annotation, Annotation):
        annotation = load_annotation(annotation, article)
    if layers is None:
        layers = DEFAULT_LAYERS
    if isinstance(layers, str):
        layers = (layers,)
    layers = tuple(dict.fromkeys(layers))
    unknown = [x for x in layers if x not in LAYERS]
    if unknown:
        raise ViewError(f"unknown layer {unknown[0]!r}; choose from: {', '.join(LAYERS)}")
    all_sides = tuple(annotation.sides) if annotation is not None else ()
    if isinstance(sides, str):
        sides = (sides,)
    if sides is not None:
        sides = tuple(sides)
        bad = [s for s in sides if s not in all_sides]
        if bad:
            raise ViewError(f"unknown side {bad[0]!r}; this annotation's sides are: {', '.join(all_sides)}")
    mode = {False: "full", None: "full", True: "sentences"}.get(excerpt, excerpt) \
        if isinstance(excerpt, (bool, str, type(None))) else excerpt
    if mode not in EXCERPTS:
        raise ViewError(f"unknown excerpt {excerpt!r}; choose from: {', '.join(EXCERPTS)} (or True, False)")
    marks, derived = ([], []) if annotation is None else _marks(annotation, layers, sides, coverage, computed)
    pieces, chosen = _pieces(article, marks, mode, max_sentences, max_share)
    shown = [p for para in pieces for p in para if p is not None]
    outside = [m for m in marks if not any(a <= m.start and m.end <= b for a, b in shown)]
    body = _paragraph_ranges(article)
    lost = sorted({i for m in outside if not any(a <= m.start and m.end <= b for a, b in body) for i in m.ids})
    if lost:
        notes.append("Not drawn, outside the body paragraphs: " + ", ".join(lost))
    if mode != "full":
        total = sum(b - a for a, b in body)
        kept = sum(b - a for a, b in shown)
        some = f" ({chosen[0]} of the {chosen[1]} sentences that hold a mark)" if chosen[0] < chosen[1] else ""
        notes.append(f"Excerpt ({mode}): {fmt_percent(kept / total)} of the body's characters are shown{some}; "
                     "[\u2026] marks text left out. The article's text belongs to its publisher.")
    hidden = set(outside)
    marks = [m for m in marks if m not in hidden]
    if sides is not None:
        derived = [d for d in derived if d["side"] in sides]
    counts = {}
    if annotation is not None:
        for name, kinds in (("claims", ("claim",)), ("figures", ("figure",)), ("dates", ("date",)),
                            ("actors", ("actor",)), ("ignored numbers", ("ignored",)),
                            ("not annotated", ("uncovered",))):
            if name in layers or (coverage and name in ("ignored numbers", "not annotated")):
                counts[name] = len({(m.start, m.end, i) for m in marks if m.kind in kinds for i in m.ids})
    colours = side_colours(all_sides)
    return ArticleView(article=article, annotation=annotation, marks=marks, layers=layers, sides=sides,
                       excerpt=mode, labels=labels, colours=colours, computed=computed, pieces=pieces,
                       derived=derived, counts=counts, notes=notes)


def article_page(article: Article | str | Path | None = None, annotation=None, *, layers=DEFAULT_LAYERS,
                 sides=None, excerpt: bool | str | None = None, labels: bool = True, note: str = "") -> str:
    """The standalone HTML page of :func:`show_article`, for the report's article page.

    ``excerpt=None`` decides by the article: for the bundled Nikkei article, whose text is not ours
    to hand out, ``"quotes"`` when ``layers`` include claims (its claims, figures and dates mark
    every one of its sentences, so a sentence excerpt would be the whole text) and ``"sentences"``
    otherwise; the full text for any other article. ``note`` is shown with the page's other notes
    (the report says there how to get the full view locally).

    Example:
        >>> page = article_page()
        >>> "Content-Security-Policy" in page and "Excerpt (quotes)" in page
        True
        >>> "Excerpt (sentences)" in article_page(layers=["figures"])
        True
    """
    if not isinstance(article, Article):
        article = load_article(article)
    if excerpt is None:
        excerpt = "full" if not is_bundled(article) else "quotes" if "claims" in layers else "sentences"
    view = show_article(article, annotation, layers=layers, sides=sides, labels=labels, excerpt=excerpt)
    if note:
        view.notes.append(note)
    return view.page()


def _frame(code) -> str:
    from exportrow.annotations import FRAMES

    return f"{code} {FRAMES.get(code, '?')}" if code is not None else ""


def _attribution(ann, claim: dict) -> str:
    """A claim's attribution for its hover: the code as the claims table gives it, and, when the article's
    quotation marks say otherwise, what they say (the claims table's ``quote_form``).

    Example:
        >>> from exportrow.annotations import load_annotation
        >>> ann = load_annotation()
        >>> c = next(c for c in ann.claims if c["id"] == "kr_no_basis")
        >>> _attribution(ann, c)
        'indirect'
        >>> _attribution(ann, dict(c, attribution="direct_quote"))  # doctest: +NORMALIZE_WHITESPACE
        'direct_quote as coded; the article gives these words as a paraphrase, not wholly inside quotation marks
        (quote_form paraphrase)'
    """
    from exportrow.quotation import quote_form
    from exportrow.tables import heard_attribution

    kind = next((a.get("kind") for a in ann.actors if a.get("id") == claim.get("actor")), None)
    coded = heard_attribution(claim["attribution"], kind)
    span = claim.get("span")
    if coded not in ("direct_quote", "indirect") or span is None:
        return coded
    form = quote_form(ann.article, span.start, span.end)
    if (form == "direct_quote") == (coded == "direct_quote"):
        return coded
    said = "a direct quote, wholly inside quotation marks" if form == "direct_quote" else \
        "a paraphrase, not wholly inside quotation marks"
    return f"{coded} as coded; the article gives these words as {said} (quote_form {form})"


def _fmt_date(d) -> str:
    if d is None:
        return "not resolved"
    return (f"{d.timex} ({d.precision}; {d.start:%Y-%m-%d} to {d.end:%Y-%m-%d} exclusive), "
            f"resolved by exportrow: {d.rule}")


def _marks(ann, layers, sides, coverage, computed=True) -> tuple[list[Mark], list[dict]]:
    from exportrow.annotations import QUALIFIER_KINDS
    from exportrow.numbers import find_numbers

    side_of = ann.side_of
    names = {a["id"]: a.get("name", "") for a in ann.actors}
    keep = (lambda s: True) if sides is None else (lambda s: s in sides)
    raw: list[Mark] = []

    def add(span, kind, ident, side, hover):
        if span is None or (kind not in ("ignored", "uncovered") and not keep(side)):
            return
        raw.append(Mark(span.start, span.end, kind, (str(ident),), side, hover))

    def who(actor) -> str:
        return f"{actor} ({names.get(actor, '?')}), side {side_of.get(actor, '?')}"

    def dated(words, d) -> str:
        return f"\u201c{words}\u201d = {_fmt_date(d)}" if computed else f"\u201c{words}\u201d"

    derived = _derived(ann) if "figures" in layers and computed else []
    if "claims" in layers:
        for c in ann.claims:
            lines = [f"CLAIM {c['id']}", f"actor: {who(c['actor'])}", f"attribution: {_attribution(ann, c)}",
                     f"cue: \u201c{c['cue']}\u201d", f"frame: {_frame(c['frame'])}"]
            if c.get("frame_secondary") is not None:
                lines.append(f"secondary frame: {_frame(c['frame_secondary'])}")
            if c.get("entman"):
                lines.append(f"Entman: {', '.join(map(str, c['entman']))}")
            if c.get("answers"):
                lines.append(f"answers: {c['answers']}")
            add(c["span"], "claim", c["id"], side_of.get(c["actor"]), "\n".join(lines))
    if "figures" in layers:
        for f in ann.figures:
            side = side_of.get(f["actor"])
            feeds = [d for d in derived if f["id"] in d["inputs"]]
            hedge = f" ({f['qualifier']}: {QUALIFIER_KINDS[f['qualifier']].replace('_', ' ')})" \
                if f.get("qualifier") else ""
            lines = [f"FIGURE {f['id']} (stated)", f"value: {f['value']} {f['unit']}{hedge} (stated in the article)",
                     f"quantity: {f['quantity']}", f"actor: {who(f['actor'])}"]
            if f.get("period") is not None:
                lines.append(f"period: {dated(f['period'], f.get('date'))}")
            elif f.get("period_since") is not None:  # a period from an event's date to publication
                lines.append(f"period: since event {f['period_since']}"
                             + (f" = {_fmt_date(f['date'])}" if computed and f.get("date") else ""))
            lines += [f"input of derived figure {d['figure_id']} = {d['value']} {d['unit']} (computed by exportrow)"
                      for d in feeds]
            add(f["span"], "figure", f["id"], side, "\n".join(lines))
            add(f.get("value_span"), "value", f["id"], side,
                f"STATED VALUE of {f['id']}: {f['value']} {f['unit']}, in the article's own words")
    if "dates" in layers:
        for f in ann.figures:
            if f.get("period_span") is not None:
                add(f["period_span"], "date", f["id"], side_of.get(f["actor"]),
                    f"DATE: period of figure {f['id']}\n{dated(f['period'], f.get('date'))}")
        for e in ann.events:
            if e.get("expression_span") is not None:
                lines = [f"DATE of event {e['id']}: {e['action']}, {e['description']}", f"actor: {who(e['actor'])}",
                         dated(e["expression"], e.get("date"))]
                if e.get("tense"):
                    lines.append(f"tense: {e['tense']}")
                add(e["expression_span"], "date", e["id"], side_of.get(e["actor"]), "\n".join(lines))
    if "actors" in layers:
        for a in ann.actors:
            add(a["span"], "actor", a["id"], a.get("side"),
                f"ACTOR {a['id']}: {a.get('name', '')}\nside: {a.get('side')}, kind: {a.get('kind')}")
    if coverage:
        for k, i in enumerate(ann.ignored_numbers):
            numbers = ", ".join(m.text for m in find_numbers(i["span"].text)) if i["span"] is not None else ""
            add(i["span"], "ignored", f"ignored_numbers[{k}]", None,
                f"IGNORED NUMBER ({numbers}): not a figure\nreason: {i.get('reason', '')}")
        for start, end, text in ann.uncovered_numbers():
            add(Span(start, end, text), "uncovered", f"number@{start}", None,
                f"NUMBER NOT ANNOTATED: {text!r} is neither a figure's value, a date nor ignored\n"
                "fix: add a figure, or an ignored_numbers entry with a reason")
    return _merge(raw), derived


def _merge(marks: list[Mark]) -> list[Mark]:
    """One mark per (kind, span): a period that is also an event's date is drawn once, listing both."""
    out: dict[tuple, Mark] = {}
    for m in marks:
        key = (m.kind, m.start, m.end)
        if key in out:
            old = out[key]
            out[key] = Mark(m.start, m.end, m.kind, old.ids + m.ids, old.side, old.hover + "\n\n" + m.hover)
        else:
            out[key] = m
    order = {"claim": 0, "figure": 1, "date": 2, "actor": 3, "ignored": 4, "value": 5, "uncovered": 6}
    return sorted(out.values(), key=lambda m: (m.start, -m.end, order[m.kind], m.ids))


def _derived(ann) -> list[dict]:
    import pandas as pd

    from exportrow.tables import figures

    table = figures(ann.article, ann.path)
    out = []
    for r in table[table.basis == "derived"].itertuples():
        inputs = str(r.inputs).split(";")
        values = {f["id"]: f["value"] for f in ann.figures}
        last = r.period_end - pd.Timedelta(days=1)
        fmt = "%Y" if r.precision == "year" else "%B %Y"
        out.append({"figure_id": r.figure_id, "value": r.value, "unit": r.unit, "inputs": inputs,
                    "side": None if pd.isna(r.inputs_side) else str(r.inputs_side),  # whose figures it is from
                    "period": f"{r.period_start:{fmt}} to {last:{fmt}}",
                    "formula": " \u2212 ".join(inputs),
                    "numbers": " \u2212 ".join(str(values.get(i, "?")) for i in inputs)})
    return out


# ---------------------------------------------------------------------------------------------------------------
# Drawing


def _rgba(hex_colour: str, alpha: float) -> str:
    h = hex_colour.lstrip("#")
    r, g, b = (int(h[i:i + 2], 16) for i in (0, 2, 4))
    return f"rgba({r},{g},{b},{alpha})"


def _darken(hex_colour: str, by: float = 0.3) -> str:
    """The colour mixed with black, for small text in a side's colour (grey and yellow are too light alone).

    Example:
        >>> _darken("#999999")
        '#6B6B6B'
    """
    h = hex_colour.lstrip("#")
    return "#" + "".join(f"{round(int(h[i:i + 2], 16) * (1 - by)):02X}" for i in (0, 2, 4))


def _colour(view: ArticleView, m: Mark) -> str:
    if m.kind in ("ignored", "uncovered"):
        return _IGNORED_COLOUR
    return view.colours.get(m.side, OKABE_ITO["grey"])


def _pattern(kind: str, c: str) -> str:
    if kind == "date":
        return f"repeating-linear-gradient(90deg,{c} 0 8px,transparent 8px 12px)"
    if kind in ("actor", "ignored"):
        return f"repeating-linear-gradient(90deg,{c} 0 3px,transparent 3px 6px)"
    return f"linear-gradient({c},{c})"


#: Dashed and dotted bars in inline styles: a dash this long, repeated every tile (no repeating gradients there).
_DASHES = {"date": (8, 12), "actor": (3, 6), "ignored": (3, 6)}


@dataclass(frozen=True)
class _Layer:
    """One background layer of a mark: a bar under the text, or a claim's tint."""

    image: str
    size: str
    position: str
    repeat: str = "no-repeat"
    clip: str = "border-box"


def _bar(kind: str, c: str, h: int, left: int, right: int, bottom: int, inline: bool) -> _Layer:
    """A mark's bar. In inline styles (a notebook) there is no ``calc()`` and no repeating gradient, so a
    dashed bar is a short tile repeated along the text, and a solid bar keeps only its left inset."""
    if not inline:
        return _Layer(_pattern(kind, c), f"calc(100% - {left + right}px) {h}px", f"left {left}px bottom {bottom}px")
    if kind in _DASHES:
        dash, tile = _DASHES[kind]
        return _Layer(f"linear-gradient(90deg,{c} {dash}px,transparent {dash}px)", f"{tile}px {h}px",
                      f"left {left}px bottom {bottom}px", "repeat-x")
    image = f"linear-gradient(90deg,transparent {left}px,{c} {left}px)" if left else f"linear-gradient({c},{c})"
    return _Layer(image, f"100% {h}px", f"left 0 bottom {bottom}px")


def _tint(c: str, pad: int, inline: bool) -> _Layer:
    """A claim's tint over the text, not over the bars below it (inline: clipped to the content box)."""
    image = f"linear-gradient({c},{c})"
    if inline:
        return _Layer(image, "100% 100%", "left 0 top 0", clip="content-box")
    return _Layer(image, f"100% calc(100% - {pad}px)", "left 0 top 0")


def _background(layers: list[_Layer], inline: bool) -> str:
    """The CSS declarations that draw ``layers``, first on top."""
    css = (f"background-image:{','.join(x.image for x in layers)};"
           f"background-size:{','.join(x.size for x in layers)};"
           f"background-position:{','.join(x.position for x in layers)}")
    if inline:
        css += (f";background-repeat:{','.join(x.repeat for x in layers)};"
                f"background-clip:{','.join(x.clip for x in layers)}")
    return css


def _slots(marks: list[Mark]) -> dict[int, int]:
    """Bar slot of each slotted mark (by index): overlapping marks get different slots, outer ones first."""
    slot: dict[int, int] = {}
    for i, m in enumerate(marks):
        if m.kind not in _SLOTTED:
            continue
        taken = {slot[j] for j in slot if marks[j].start < m.end and m.start < marks[j].end}
        slot[i] = next(k for k in range(len(marks) + 1) if k not in taken)
    return slot


def _render_range(view: ArticleView, a: int, b: int, index: dict[Mark, int], pad: int,
                  slot: dict[Mark, int], started: set, inline: bool = False) -> str:
    """The raw text ``[a, b)`` as HTML: plain text, and a ``<mark>`` per segment covered by marks."""
    raw = view.article.raw
    inside = [m for m in view.marks if m.start < b and a < m.end]
    cuts = sorted({a, b, *(max(a, min(b, x)) for m in inside for x in (m.start, m.end))})
    out = []
    for x, y in zip(cuts, cuts[1:]):
        text = escape(raw[x:y])
        cover = [m for m in inside if m.start <= x and y <= m.end]
        for m in cover:  # a tag with the id where a claim or figure starts
            if view.labels and m.kind in _LABELLED and m.start == x and m not in started:
                started.add(m)
                label = escape(" ".join(m.ids))
                if inline:  # no ::before in a style attribute: the id is the tag's own text
                    out.append(f'<span class="xr-tag" style="color:{_darken(_colour(view, m))};{_TAG}">{label}</span>')
                else:
                    out.append(f'<span class="xr-tag" style="color:{_darken(_colour(view, m))}" '
                               f'data-label="{label}"></span>')
        if not cover:
            out.append(text)
            continue
        value = [m for m in cover if m.kind == "value"]
        uncovered = [m for m in cover if m.kind == "uncovered"]
        if value:
            text = f'<b class="xr-value" style="box-shadow:0 0 0 2px {_colour(view, value[0])}">{text}</b>'
        if uncovered:
            text = f'<span class="xr-uncovered">{text}</span>'
        bars = sorted((m for m in cover if m in slot), key=lambda m: slot[m])
        layers = []
        for m in bars:
            h = _HEIGHT[m.kind]
            long = y - x >= 3
            left = 3 if m.start == x and long else 0
            right = 3 if m.end == y and long else 0
            layers.append(_bar(m.kind, _colour(view, m), h, left, right, pad - _GAP - slot[m] * _STEP - h, inline))
        layers += [_tint(_rgba(_colour(view, m), 0.2), pad, inline) for m in bars if m.kind == "claim"]
        style = f"padding-bottom:{pad}px;{_background(layers, inline)}" if layers else ""
        kinds = " ".join(sorted({f"xr-{m.kind}" for m in cover}))
        title = "\n\n".join(m.hover for m in cover)
        ids = " ".join(str(index[m]) for m in cover)
        out.append(f'<mark class="xr-seg {kinds}" data-m="{ids}" title="{escape(title)}"'
                   + (f' style="{style}"' if style else "") + f">{text}</mark>")
    return "".join(out)


def _pieces(article: Article, marks: list[Mark], mode: str, max_sentences: int | None = None,
            max_share: float | None = None) -> tuple[list[list[tuple[int, int] | None]], tuple[int, int]]:
    """For each paragraph, the raw ranges to draw (None stands for text left out of an excerpt), and for a
    sentence excerpt how many of the sentences that hold a mark are kept, of how many."""
    ranges = _paragraph_ranges(article)
    if mode == "full":
        return [[r] for r in ranges], (0, 0)
    chosen = [m for m in marks if m.kind not in ("ignored", "uncovered")]
    per_paragraph = []
    for k, (a, b) in enumerate(ranges):
        if mode == "quotes":
            units = sorted((max(a, m.start), min(b, m.end)) for m in chosen if m.start < b and a < m.end)
        else:
            units = [(s.start, s.end) for s in article.sentences if a <= s.start and s.end <= b] or [(a, b)]
            if k == 0 and a < units[0][0]:
                units[0] = (a, units[0][1])  # the dateline goes with the first sentence
            units = [(s, e) for s, e in units if any(m.start < e and s < m.end for m in chosen)]
        per_paragraph.append(units)
    counted = (0, 0)
    if mode == "sentences":
        every = [u for units in per_paragraph for u in units]
        body = sum(b - a for a, b in ranges) or 1
        keep: set = set()
        for u in every:
            if keep and ((max_sentences is not None and len(keep) >= max_sentences) or (
                    max_share is not None and (sum(e - s for s, e in keep) + u[1] - u[0]) / body > max_share)):
                break
            keep.add(u)
        per_paragraph = [[u for u in units if u in keep] for units in per_paragraph]
        counted = (len(keep), len(every))
    out = []
    for (a, b), units in zip(ranges, per_paragraph):
        runs: list[tuple[int, int]] = []
        for s, e in units:  # join units that overlap or stand apart by spaces and punctuation only
            if runs and _punctuation(article.raw[runs[-1][1]:s]):
                runs[-1] = (runs[-1][0], max(runs[-1][1], e))
            else:
                runs.append((s, e))
        if runs and _punctuation(article.raw[runs[-1][1]:b]):
            runs[-1] = (runs[-1][0], b)  # a paragraph's closing full stop is no elided text
        pieces: list[tuple[int, int] | None] = []
        cursor = a
        for s, e in runs:
            if article.raw[cursor:s].strip():
                pieces.append(None)
            pieces.append((s, e))
            cursor = e
        if not runs or article.raw[cursor:b].strip():
            pieces.append(None)
        out.append(pieces)
    return out, counted


def _punctuation(text: str) -> bool:
    return not text.strip(" ,;:.!?\u00a0\"'\u201c\u201d\u2018\u2019")


_ELIDED = '<span class="xr-elided" title="text left out of this excerpt">[\u2026]</span>'


def _body(view: ArticleView, inline: bool = False) -> str:
    index = {m: i for i, m in enumerate(view.marks)}
    started: set = set()
    paras = []
    skipped = False
    for pieces in view.pieces:
        if all(p is None for p in pieces):
            if not skipped:
                paras.append(f'<p class="xr-gap">{_ELIDED}</p>')
            skipped = True
            continue
        skipped = pieces[-1] is None  # a paragraph that ends in [...] needs no gap of its own after it
        spans = [p for p in pieces if p is not None]
        a, b = spans[0][0], spans[-1][1]
        local = [m for m in view.marks if m.start < b and a < m.end]
        slot_of = _slots(local)
        slot = {local[i]: k for i, k in slot_of.items()}
        levels = max(slot.values(), default=-1) + 1
        pad = _GAP + levels * _STEP if levels else 0
        parts = []
        for p in pieces:
            if p is None:
                parts.append(_ELIDED)
            else:
                parts.append(_render_range(view, p[0], p[1], index, pad, slot, started, inline))
        style = f' style="line-height:calc(1.65em + {pad}px)"' if pad else ""
        paras.append(f"<p{style}>{' '.join(parts)}</p>")
    return "\n".join(paras)


def _count(name: str, n: int) -> str:
    """``24 claims``, ``1 ignored number``, ``0 numbers not annotated``.

    Example:
        >>> _count("ignored numbers", 1), _count("not annotated", 0), _count("dates", 2)
        ('1 ignored number', '0 numbers not annotated', '2 dates')
    """
    if name == "not annotated":
        return f"{n} number{'s' if n != 1 else ''} not annotated"
    return f"{n} {name if n != 1 else name.replace('numbers', 'number').rstrip('s')}"


def _side_name(side: str, sides=None) -> str:
    """A side in the legend: its ``name:`` in the annotation's ``sides``, else the words of its id (escape it)."""
    from exportrow.sides import side_words

    return "the outlet" if side == "outlet" else side_words(side, sides)


def _legend(view: ArticleView, inline: bool = False) -> str:
    shown_sides = [s for s in view.colours if any(m.side == s for m in view.marks)]
    shown_sides += [d["side"] for d in view.derived if d["side"] and d["side"] not in shown_sides]
    items = []
    for s in shown_sides:
        c = view.colours[s]
        items.append(f'<span class="xr-key"><span class="xr-swatch" style="background:{c}"></span>'
                     f"{escape(_side_name(s, getattr(view.annotation, 'sides', None)))}</span>")
    sides = f'<div class="xr-legend-row"><b>Sides</b> {"".join(items)}</div>' if items else ""
    grey = OKABE_ITO["grey"]
    kinds = []

    def sample(kind, text, label, tint=""):
        h = _HEIGHT[kind]
        pad = _GAP + h
        layers = [_bar(kind, grey, h, 0, 0, 0, inline)]
        if not inline:  # the sample bar spans the sample
            layers[0] = _Layer(_pattern(kind, grey), f"100% {h}px", "left 0 bottom 0")
        if tint:
            layers.append(_tint(tint, pad, inline))
        style = f"padding-bottom:{pad}px;{_background(layers, inline)}"
        kinds.append(f'<span class="xr-key"><span class="xr-sample" style="{style}">{text}</span> {label}</span>')

    if "claims" in view.layers:
        sample("claim", "claim", "tinted, with a thin bar", _rgba(grey, 0.25))
    if "figures" in view.layers:
        sample("figure", 'figure <b class="xr-value" style="box-shadow:0 0 0 2px #555">N</b>',
               "thick bar; N: the value as the article states it")
        if view.derived:
            kinds.append('<span class="xr-key"><span class="xr-derived-value">N</span> derived value, computed by '
                         "exportrow: not in the article (listed below the text)</span>")
    if "dates" in view.layers:
        sample("date", "date", "an event's date or a figure's period (dashed; the resolved date on hover)"
               if view.computed else "an event's date or a figure's period (dashed; its words on hover)")
    if "actors" in view.layers:
        sample("actor", "actor", "an actor named (dotted)")
    if "ignored numbers" in view.counts:
        sample("ignored", "number", "a number the annotation ignores, with its reason on hover")
    if "not annotated" in view.counts:
        kinds.append('<span class="xr-key"><span class="xr-uncovered">number</span> a number not annotated: '
                     "neither a figure, a date nor ignored</span>")
    rows = f'<div class="xr-legend-row"><b>Marks</b> {"".join(kinds)}</div>' if kinds else ""
    hint = ('<div class="xr-legend-row xr-hint">Hover over a mark for its coding. Where marks overlap, each entry '
            "draws its own bar under the text.</div>") if view.marks else ""
    return f'<div class="xr-legend">{sides}{rows}{hint}</div>' if (sides or rows) else ""


def _derived_list(view: ArticleView) -> str:
    if not view.derived:
        return ""
    items = []
    for d in view.derived:
        colour = view.colours.get(d["side"], OKABE_ITO["grey"])
        items.append(f'<li><span class="xr-derived-value" style="border-color:{colour}">{escape(d["value"])}</span> '
                     f'{escape(d["unit"])}, {escape(d["period"])}: <code>{escape(d["figure_id"])}</code> = '
                     f'<code>{escape(d["formula"])}</code> = {escape(d["numbers"])}</li>')
    return ('<div class="xr-derived"><h3>Derived by exportrow (not stated in the article)</h3>'
            f'<ul>{"".join(items)}</ul></div>')


_CSS = """
.xrv{background:#fff;color:#1a1a1a;font-family:"DejaVu Sans","Helvetica Neue",Arial,sans-serif;
 font-size:20px;line-height:1.65;max-width:46em;padding:.6em 1em;-webkit-print-color-adjust:exact;
 print-color-adjust:exact}
.xrv h2{font-size:1.45em;line-height:1.25;margin:.2em 0 .2em}
.xrv h3{font-size:1em;margin:1.2em 0 .3em}
.xrv .xr-source,.xrv .xr-note{color:#444;font-size:.8em;margin:.2em 0}
.xrv .xr-counts{font-size:.8em;color:#333;margin:.3em 0 .6em}
.xrv .xr-legend{border:1px solid #ccc;border-radius:6px;padding:.4em .7em;margin:.6em 0 1em;font-size:.78em;
 line-height:1.5;background:#fafafa}
.xrv .xr-legend-row{margin:.25em 0}
.xrv .xr-key{display:inline-block;margin:.25em 1.1em .25em 0;white-space:nowrap}
.xrv .xr-swatch{display:inline-block;width:1em;height:1em;border-radius:3px;vertical-align:-.15em;margin-right:.35em}
.xrv .xr-sample{background-repeat:no-repeat;padding-left:2px;padding-right:2px}
.xrv .xr-hint{color:#555}
.xrv .xr-text p{margin:0 0 .9em}
.xrv mark.xr-seg{background-color:transparent;color:inherit;background-repeat:no-repeat;padding-left:0;
 padding-right:0}
.xrv .xr-value{font-weight:700;border-radius:2px;padding:0 1px}
.xrv .xr-uncovered{background:#F0E442;outline:2px dashed #1a1a1a;outline-offset:1px;font-weight:700}
.xrv .xr-ignored{color:#555}
.xrv .xr-tag::before{content:attr(data-label);font-size:.55em;font-weight:700;vertical-align:.55em;
 margin:0 .15em 0 .1em;letter-spacing:.02em;opacity:.9}
.xrv .xr-elided{color:#666;font-weight:700}
.xrv .xr-gap{text-align:center;margin:0 0 .9em}
.xrv .xr-derived-value{display:inline-block;font-weight:700;border:2px dashed #555;border-radius:3px;
 padding:0 .2em;line-height:1.3}
.xrv .xr-derived ul{margin:.2em 0;padding-left:1.2em}
.xrv .xr-derived li{margin:.3em 0}
.xrv code{font-size:.85em;background:#f1f1f1;padding:0 .2em;border-radius:3px}
"""


#: An id tag's look, inline (the page draws it with ``.xr-tag::before``).
_TAG = "font-size:.55em;font-weight:700;vertical-align:.55em;margin:0 .15em 0 .1em;letter-spacing:.02em;opacity:.9"
#: The page's class rules as inline styles, for a notebook (JupyterLab keeps ``style`` attributes in untrusted
#: output and removes ``<style>`` blocks); the first entries are the tags' own look inside the view.
_INLINE = {
    "h2": "font-size:1.3em;line-height:1.25;margin:.2em 0 .2em", "h3": "font-size:1em;margin:1.2em 0 .3em",
    "p": "margin:0 0 .9em", "ul": "margin:.2em 0;padding-left:1.2em", "li": "margin:.3em 0",
    "code": "font-size:.85em;background:#f1f1f1;padding:0 .2em;border-radius:3px",
    "xrv": ("background:#fff;color:#1a1a1a;font-family:DejaVu Sans,Helvetica Neue,Arial,sans-serif;"
            "font-size:16px;line-height:1.65;max-width:46em;padding:.6em 1em;text-align:left"),
    "xr-source": "color:#444;font-size:.8em;margin:.2em 0", "xr-note": "color:#444;font-size:.8em;margin:.2em 0",
    "xr-counts": "font-size:.8em;color:#333;margin:.3em 0 .6em",
    "xr-legend": ("border:1px solid #ccc;border-radius:6px;padding:.4em .7em;margin:.6em 0 1em;font-size:.78em;"
                  "line-height:1.5;background:#fafafa"),
    "xr-legend-row": "margin:.25em 0", "xr-key": "display:inline-block;margin:.25em 1.1em .25em 0;white-space:nowrap",
    "xr-swatch": "display:inline-block;width:1em;height:1em;border-radius:3px;vertical-align:-.15em;margin-right:.35em",
    "xr-sample": "background-repeat:no-repeat;padding-left:2px;padding-right:2px", "xr-hint": "color:#555",
    "xr-seg": "background-color:transparent;color:#1a1a1a;background-repeat:no-repeat;padding-left:0;padding-right:0",
    "xr-value": "font-weight:700;border-radius:2px;padding:0 1px",
    "xr-uncovered": "background:#F0E442;outline:2px dashed #1a1a1a;font-weight:700", "xr-ignored": "color:#555",
    "xr-elided": "color:#666;font-weight:700", "xr-gap": "text-align:center;margin:0 0 .9em",
    "xr-derived-value": ("display:inline-block;font-weight:700;border:2px dashed #555;border-radius:3px;"
                         "padding:0 .2em;line-height:1.3"),
}
_START_TAG = re.compile(r'<([a-z][a-z0-9]*)((?:\s+[a-z-]+="[^"<>]*")*)(\s*/?)>')


def _inline_styles(html: str) -> str:
    """``html`` with each element's class rules (:data:`_INLINE`) written into its ``style`` attribute.

    The element's own ``style`` comes last, so it wins. Only exportrow's own markup has attributes here:
    every text from the article or the annotation is escaped, so it holds no ``<`` or ``"``.

    Example:
        >>> _inline_styles('<p class="xr-note" style="color:red">a &lt;b&gt;</p>')
        '<p class="xr-note" style="color:#444;font-size:.8em;margin:.2em 0;color:red">a &lt;b&gt;</p>'
    """
    def one(m: re.Match) -> str:
        tag, attrs, end = m.group(1), m.group(2), m.group(3)
        found = dict(re.findall(r'\s+([a-z-]+)="([^"]*)"', attrs))
        classes = found.get("class", "").split()
        rules = [_INLINE[c] for c in classes if c in _INLINE]
        if tag in _INLINE and not (tag == "p" and classes):
            rules.insert(0, _INLINE[tag])
        if not rules:
            return m.group(0)
        found["style"] = ";".join([*rules, *([found["style"]] if found.get("style") else [])])
        return f"<{tag}" + "".join(f' {k}="{v}"' for k, v in found.items()) + f"{end}>"

    return _START_TAG.sub(one, html)


def _fragment(view: ArticleView, inline: bool = False) -> str:
    art = view.article
    title = f"<h2>{escape(art.title)}</h2>"
    label = f" · {escape(art.label)}" if art.label else ""
    dateline = f" · dateline {escape(art.dateline)}" if art.dateline else ""
    source = f'<p class="xr-source">{escape(_source_line(art))}{label}{dateline}</p>'
    files = f"Article file: {escape(art.path.name)}"
    if view.annotation is not None:
        files += f"; annotation: {escape(Path(view.annotation.path).name)}"
    source += f'<p class="xr-note xr-files">{files}</p>'
    notes = "".join(f'<p class="xr-note">{escape(n)}</p>' for n in view.notes)
    counts = ""
    if view.counts:
        shown = "In this excerpt: " if view.excerpt != "full" else ""
        counts = f'<p class="xr-counts">{shown}' + " · ".join(escape(_count(k, n)) for k, n in view.counts.items())
        if view.sides:
            counts += " (sides: " + ", ".join(escape(s) for s in view.sides) + ")"
        counts += "</p>"
    if inline:
        return _inline_styles(f'<div class="xrv mathjax_ignore">{title}{source}{notes}{counts}{_legend(view, True)}'
                              f'<div class="xr-text">\n{_body(view, True)}\n</div>{_derived_list(view)}</div>')
    return (f'<div class="xrv mathjax_ignore"><style>{_CSS}</style>{title}{source}{notes}{counts}{_legend(view)}'
            f'<div class="xr-text">\n{_body(view)}\n</div>{_derived_list(view)}</div>')


def _page(view: ArticleView) -> str:
    art = view.article
    what = "article" if view.excerpt == "full" else "excerpt"
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="{CSP}">
{_MARKER}
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{escape(art.title)} ({what}, marked up by exportrow)</title>
<style>body{{margin:1.5em auto;max-width:50em;background:#fff}}</style>
</head>
<body>
{view.html()}
</body>
</html>
"""


# ---------------------------------------------------------------------------------------------------------------
# Output files and the command line


def is_view_page(path: str | Path) -> bool:
    """Whether ``path`` is a page that `exportrow view` wrote (so it may be replaced).

    Example:
        >>> import tempfile
        >>> p = Path(tempfile.mkdtemp()) / "a.html"
        >>> _ = p.write_text(article_page(), encoding="utf-8")
        >>> is_view_page(p), is_view_page(paths.default_article())
        (True, False)
    """
    try:
        with open(path, "rb") as fh:
            head = fh.read(4096)
    except OSError:
        return False
    return _MARKER.encode() in head


def page_with_checksum(page: str) -> str:
    """``page`` with the checksum line after its first line, as `exportrow view` writes it to a file.

    Example:
        >>> page_with_checksum("<!DOCTYPE html>\\n<p>x</p>\\n").splitlines()[1]  # doctest: +ELLIPSIS
        '<!-- sha256 of every other line, so that exportrow view never replaces a page someone changed: ... -->'
    """
    first, rest = page.split("\n", 1)
    return f"{first}\n{_SUM}{hashlib.sha256(page.encode('utf-8')).hexdigest()}{_SUM_END}\n{rest}"


def _checksum_line(path: str | Path) -> str | None:
    """The checksum line of the page at ``path`` (its second line), or None if it has none."""
    with open(path, "rb") as fh:
        head = fh.read(64 * 1024).decode("utf-8", errors="replace")
    line = head.partition("\n")[2].partition("\n")[0]
    return line if line.startswith(_SUM) else None


def unchanged_page(path: str | Path, page: str | None = None) -> bool:
    """Whether the page at ``path`` is as `exportrow view` wrote it: its checksum line matches the rest.

    A page of an older exportrow view carries no checksum, so nothing shows that nobody has changed it: it counts as
    unchanged only while it is byte for byte ``page`` (the page written now, without the line). ``page=None``: not
    known yet (the check before any work), so such a page passes for now and is judged again before writing.

    Example:
        >>> import tempfile
        >>> p = Path(tempfile.mkdtemp()) / "a.html"
        >>> _ = p.write_text(page_with_checksum(article_page()), encoding="utf-8")
        >>> unchanged_page(p)
        True
        >>> with open(p, "a", encoding="utf-8") as fh:
        ...     _ = fh.write("<!-- my notes for the class -->\\n")  # a teacher's addition
        >>> unchanged_page(p)
        False
        >>> _ = p.write_text(article_page(), encoding="utf-8")  # an older exportrow view's page: no checksum
        >>> unchanged_page(p, article_page()), unchanged_page(p, article_page(excerpt="full"))
        (True, False)
    """
    data = Path(path).read_bytes()
    text = data.decode("utf-8", errors="replace")
    first, _, rest = text.partition("\n")
    line, _, rest = rest.partition("\n")
    if line.startswith(_SUM):
        recorded = line.removeprefix(_SUM).removesuffix(_SUM_END).strip()
        return hashlib.sha256(f"{first}\n{rest}".encode()).hexdigest() == recorded
    return page is None or data == page.encode("utf-8")


def _changed(path: Path) -> str:
    """How a page `exportrow view` wrote is no longer known to be as it wrote it, for the refusal."""
    try:
        line = _checksum_line(path)
    except OSError:
        line = None
    if line is not None:
        return ("is a page that exportrow view wrote and someone has changed since (its checksum line no longer "
                "matches: notes, highlights or other edits would be lost)")
    return ("is a page that an older exportrow view wrote without a checksum, so exportrow cannot tell whether "
            "someone has changed it since")


def check_output(path: Path, *, force: bool = False, page: str | None = None) -> None:
    """Refuse to write over a folder, a link, a file exportrow did not write, or a page someone changed (exportrow's
    one rule for output files, :func:`exportrow.outdir.check_out_file`): a page `exportrow view` wrote and nobody
    changed since (:func:`unchanged_page`) is replaced, any other file never, ``force`` or not.

    Raises:
        OutputFolderError: With the reason and the nearest fix (a :class:`~exportrow.errors.UsageError`, exit 2).

    Example:
        >>> check_output(paths.default_article(), force=True)
        Traceback (most recent call last):
        ...
        exportrow.outdir.OutputFolderError: --out ...: exists and exportrow did not write it (it is not a page ...
    """
    from exportrow.outdir import check_out_file

    del force  # no effect: what may be replaced is replaced anyway, the rest never
    check_out_file(path, "a page written by exportrow view", is_view_page, force=True, edited=True,
                   unchanged=lambda p: unchanged_page(p, page), changed=_changed)


def _is_annotation(path) -> bool:
    """Whether ``path`` is an annotation file (YAML with top-level ``exportrow:`` and ``article:`` keys), not an
    article: a regular file only, and only its head is read."""
    try:
        if not Path(path).is_file():
            return False
        with open(path, "rb") as fh:
            head = fh.read(64 * 1024).decode("utf-8", errors="replace").lstrip("\ufeff")
    except OSError:
        return False
    return bool(re.search(r"^exportrow:", head, re.M) and re.search(r"^article:", head, re.M))


def _annotation_as_article(path, annotation, out: str = "PAGE.html", command: str = "view") -> str:
    """The message for an annotation given where the article goes, with the command that works (``command``: the
    exportrow command that was run: view, extract, check or tables).

    Example:
        >>> print(_annotation_as_article("hb.yaml", None))  # no hb.txt beside it here
        hb.yaml is an annotation file (it has exportrow: and article: keys), not an article; pass the article \
first and the annotation with --annotation, e.g. `exportrow view ARTICLE.txt --annotation hb.yaml --out PAGE.html`, \
or the annotation alone: `exportrow view --annotation hb.yaml --out PAGE.html`
    """
    from exportrow.annotations import article_path_for
    from exportrow.errors import ExportrowError

    try:
        article = article_path_for(path) if annotation is None else None
    except ExportrowError:
        article = None
    shown = shlex.quote(str(article)) if article is not None else "ARTICLE.txt"
    ann = shlex.quote(str(path))
    fix = {"extract": f"a draft is made from the article: `exportrow extract {shown}`; to check this annotation: "
                      f"`exportrow check {ann}`",
           "check": f"pass the annotation as the argument: `exportrow check {ann}` (with `--article {shown}` "
                    "when its article is elsewhere)",
           "tables": f"pass it with --annotation: `exportrow tables --annotation {ann} --article {shown}`"}
    if command in fix:
        return f"{path} is an annotation file (it has exportrow: and article: keys), not an article; {fix[command]}"
    out = shlex.quote(str(out or "PAGE.html"))
    alone = f", or the annotation alone: `exportrow view --annotation {shlex.quote(str(path))} --out {out}`"
    return (f"{path} is an annotation file (it has exportrow: and article: keys), not an article; pass the article "
            f"first and the annotation with --annotation, e.g. `exportrow view {shown} --annotation "
            f"{shlex.quote(str(path))} --out {out}`" + (alone if annotation is None else ""))


def _article_argument(args) -> str | None:
    """The article ``view`` works on: the positional ARTICLE or ``--article`` (one name, two spellings).

    Raises:
        UsageError: Both are given and name different files.

    Example:
        >>> import argparse
        >>> _article_argument(argparse.Namespace(article=None, article_option="a.txt"))
        'a.txt'
    """
    from exportrow.errors import UsageError

    given, option = getattr(args, "article", None), getattr(args, "article_option", None)
    if given and option and Path(given) != Path(option):
        raise UsageError(f"two articles given: {given} (ARTICLE) and {option} (--article); name one")
    return given or option


def _cmd_view(args) -> int:
    from exportrow.annotations import article_path_for
    from exportrow.files import shown_path

    try:
        article_path = _article_argument(args)
        if article_path and _is_annotation(article_path):
            raise ViewError(_annotation_as_article(article_path, args.annotation, args.out))
        if args.annotation and not Path(args.annotation).is_file():
            raise ViewError(f"{args.annotation}: no such annotation file; check the path")
        if not article_path and args.annotation:
            article_path = article_path_for(args.annotation)
            if article_path is None:
                raise ViewError(f"{args.annotation}: cannot find the article it annotates; name the ARTICLE too")
        if any(getattr(args, k, None) for k in ("published", "outlet", "timezone")):
            from exportrow.cli import load_with_options

            article_path = load_with_options(article_path, args)  # the options override the article's own
        check_output(args.out, force=args.force)  # as given: an empty --out is named as such, not as "."
        out = Path(args.out)
        layers = [x.strip() for x in args.layers.split(",") if x.strip()]
        sides = [x.strip() for x in args.sides.split(",") if x.strip()] if args.sides else None
        view = show_article(article_path, args.annotation, layers=layers, sides=sides, excerpt=args.excerpt or False,
                            labels=not args.no_labels, coverage=not args.no_coverage)
        from exportrow.outdir import writing_out

        with writing_out(out):  # a read-only folder, no permission, a full disk: name the folder, not the temp file
            view.save(out, force=args.force)
    except ExportrowError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return exc.exit_code
    for note in view.notes:
        print(f"note: {note}", file=sys.stderr)
    what = ", ".join(_count(k, n) for k, n in view.counts.items()) or "text only"
    print(f"wrote {shown_path(out)} ({'full text' if view.excerpt == 'full' else 'excerpt: ' + view.excerpt}: {what})")
    return 0


def register(sub) -> None:
    """Add the ``view`` sub-command to the ``exportrow`` parser.

    Example:
        >>> import argparse
        >>> sub = argparse.ArgumentParser(prog="exportrow").add_subparsers()
        >>> register(sub)
        >>> sub.choices["view"].parse_args(["a.txt", "--out", "a.html"]).layers
        'figures,claims,dates'
    """
    import argparse

    p = sub.add_parser(
        "view", help="write the article as a web page with its annotated spans marked",
        description="Write ARTICLE as a standalone web page (offline, no script) with every annotated span\n"
                    "marked in place, coloured by side, its coding on hover; numbers the annotation does\n"
                    "not cover stand out. For reviewing an annotation without a notebook. The full text is\n"
                    "for local use: --excerpt keeps only the annotated sentences (or quotes), for pages\n"
                    "handed out.",
        epilog="examples:\n  exportrow view --out article.html\n"
               "  exportrow view my-article.txt --annotation my-article.yaml --out review.html\n"
               "  exportrow view --layers figures,dates --excerpt sentences --out handout.html\n"
               "  exportrow view --sides seoul,tokyo --excerpt quotes --out claims-handout.html",
        formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("article", nargs="?", metavar="ARTICLE",
                   help="article file in the capture format (default: the bundled Nikkei article, or the one "
                        "--annotation names)")
    p.add_argument("--article", dest="article_option", metavar="PATH", default=None,
                   help="the same as ARTICLE, as report, tables and student-edition name it")
    p.add_argument("--annotation", metavar="PATH", default=None,
                   help="annotation YAML (default: the one paired with the article)")
    p.add_argument("--out", required=True, metavar="PAGE.html", help="the page to write")
    from exportrow.cli import metadata_args

    metadata_args(p)
    p.add_argument("--layers", default=",".join(DEFAULT_LAYERS), metavar="LIST",
                   help=f"comma-separated, from {', '.join(LAYERS)} (default: {','.join(DEFAULT_LAYERS)})")
    p.add_argument("--sides", default=None, metavar="LIST", help="mark only these sides (comma-separated)")
    p.add_argument("--excerpt", choices=EXCERPTS[1:], default=None,
                   help="sentences: only the sentences holding a mark; quotes: only the marked words; "
                        "[\u2026] stands for the rest (default: the full text)")
    p.add_argument("--no-labels", action="store_true", help="no id tags where claims and figures start")
    p.add_argument("--no-coverage", action="store_true", help="do not mark ignored and unannotated numbers")
    p.add_argument("--force", action="store_true",
                   help="no effect, kept for old scripts: a page exportrow view wrote is replaced anyway while "
                        "nobody has changed it (its checksum line matches); a page changed since, or any other "
                        "file, never is")
    p.set_defaults(func=_cmd_view)
