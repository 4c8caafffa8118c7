"""Load an annotation file: read it, check it against the schema, then against its article.

Results are cached per file content and article; every call hands out its own copy, so a caller
that changes the entries it got never changes what the next caller gets.
"""

from __future__ import annotations

import copy
import hashlib
from dataclasses import replace
from pathlib import Path

from exportrow.annotations import sections as sec
from exportrow.annotations.bidi import bidi_warnings
from exportrow.annotations.checker import Checker
from exportrow.annotations.crowding import check_crowding
from exportrow.annotations.event_tense import event_tense_warnings
from exportrow.annotations.formulas import formula_warnings
from exportrow.annotations.glyphs import glyph_warnings
from exportrow.annotations.kinds import check_quantity_kinds, kind_warnings, settle_duration_kinds
from exportrow.annotations.model import Annotation, AnnotationError, Problem
from exportrow.annotations.period_clause import period_clause_warnings
from exportrow.annotations.placeholders import check_placeholders, ordered
from exportrow.annotations.quoting import attribution_warnings
from exportrow.annotations.reading import annotation_path_for, parse_document, read_source
from exportrow.annotations.sameas import same_as_warnings
from exportrow.annotations.since import settle_period_since
from exportrow.annotations.validation import schema_problems
from exportrow.annotations.wording import wording_warnings
from exportrow.article import Article, load_article

__all__ = ["check_document", "load_annotation"]

_CACHE: dict[tuple, Annotation] = {}
#: The ``article:`` block of each file version read: (path, content hash) -> block.
_BLOCKS: dict[tuple, object] = {}
#: Fields of the ``article:`` block that date or place the article.
_METADATA = ("published", "outlet", "timezone")


def check_document(path: Path, article: Article, doc: dict) -> Annotation:
    """Check a parsed annotation against the schema and its article; the :class:`Annotation` or an error.

    Raises:
        AnnotationError: Every problem: the schema's first, then the domain checks' on the
            entries the schema found well formed.

    Example:
        >>> check_document(Path("x.yaml"), load_article(), {"figures": 3}).problems[:1]
        Traceback (most recent call last):
        ...
        exportrow.annotations.model.AnnotationError: 2 problems in the annotation file:
          - x.yaml: figures: must be a list, not the number 3
            fix: write each item on its own line starting with `- ` under `figures:`
          - x.yaml: article.sha256: missing the hash of the article it annotates
            fix: add `sha256: 8111112eceb8b945634297645461e6cce255c06678d69ea83588695b5b054f1e` under article:
    """
    chk = Checker(path, article)
    chk.problems, broken = schema_problems(doc, str(path))
    if ("*",) in broken:
        raise AnnotationError(chk.problems)
    ann = Annotation(path=path, article=article)
    sec.check_top_level(chk, doc, ann, broken)
    other = [p for p in chk.problems if (p.entry, p.field) == ("article", "sha256")
             and p.message.startswith(sec.OTHER_ARTICLE)]
    if other:  # made for another article: every quote would fail too; say this one thing alone
        raise AnnotationError(other)
    ids = sec.collect_ids(chk, doc)
    for name in sec.SECTIONS:
        setattr(ann, name, sec.entries(chk, doc, name, broken))
    sec.check_actors(chk, ann)
    sec.check_figures(chk, ann, ids)
    settle_duration_kinds(ann)  # "lasted nine days": a length of time is never divided by months
    sec.check_claims(chk, ann, ids)
    sec.check_events(chk, ann, ids)
    settle_period_since(chk, ann)  # a period from an event's date to publication: needs the events' dates
    sec.check_ignored_numbers(chk, ann)
    sec.check_statements(chk, ann, ids)
    check_crowding(chk, ann)  # a page draws every mark on each word it covers
    check_quantity_kinds(chk, ann)
    check_placeholders(chk, doc)
    if chk.problems:
        raise AnnotationError(ordered(_what_if_problems(path, article, doc, chk.problems)))
    ann.warnings = (chk.warnings + sec.coverage_warnings(chk, ann) + formula_warnings(ann) + wording_warnings(ann)
                    + sec.comparison_warnings(chk, ann) + kind_warnings(ann) + same_as_warnings(ann)
                    + sec.overfull_warnings(chk, ann) + bidi_warnings(ann) + glyph_warnings(ann)
                    + event_tense_warnings(chk, ann) + period_clause_warnings(chk, ann) + attribution_warnings(ann))
    return ann


def _what_if_problems(path: Path, article: Article, doc: dict, problems: list) -> list:
    """``problems`` with each one that exists only because of a what-if publication date (``-p published``) named as
    the what-if's doing, with no fix that edits the annotation (review 12 M9); unchanged without a what-if."""
    import copy

    from exportrow.annotations.model import AnnotationError as _Error

    if not article.what_if:
        return problems
    own = article.own_published
    try:
        check_document(path, own, copy.deepcopy(doc))
        own_keys: set = set()
    except _Error as exc:
        own_keys = {(p.entry, p.field) for p in exc.problems}
    return [p if (p.entry, p.field) in own_keys else replace(
        p, message=f"with published {article.what_if} (the what-if date) {p.message}",
        fix=f"the annotation is right for the article's own date ({own.published_text}): choose a later what-if "
            "date (`-p published`), or none") for p in problems]


def load_annotation(path: str | Path | None = None, article: Article | None = None) -> Annotation:
    """Read and check an annotation file against its article.

    Args:
        path: The YAML file; None means the file paired with ``article``
            (see :func:`~exportrow.annotations.annotation_path_for`), or the bundled one.
        article: The article it annotates; None means the bundled article.

    Returns:
        The checked :class:`Annotation`, a copy of its own for each call (results are cached
        per file content and article).

    Raises:
        AnnotationError: Lists every problem found, each with file, entry, field and fix.

    Example:
        >>> ann = load_annotation()
        >>> [f["id"] for f in ann.figures][:2]
        ['cases_total', 'cases_2015']
        >>> ann.figures[0]["span"].text[:20]
        'There were 156 cases'
        >>> ann.figures.clear(); len(load_annotation().figures)
        5
    """
    article = article or load_article()
    path = Path(path) if path else annotation_path_for(article)
    text, problems = read_source(path)
    if problems:
        raise AnnotationError(problems)
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
    doc = None
    if (str(path), digest) not in _BLOCKS:
        doc, problems = parse_document(str(path), text)
        if problems:
            raise AnnotationError(problems)
        _BLOCKS[(str(path), digest)] = doc.get("article")
    article = _with_article_block(path, article, _BLOCKS[(str(path), digest)])
    key = (str(path), digest, article.sha256, str(article.published), article.timezone)
    if key not in _CACHE:
        from exportrow import runcache  # a report's kernels share the check (see exportrow.runcache)

        shared = runcache.get(("annotation", *key))
        if shared is None:
            if doc is None:
                doc, _ = parse_document(str(path), text)
            shared = check_document(path, article, doc)
            runcache.put(("annotation", *key), shared)
        _CACHE[key] = shared
    else:  # checked before this run's cache was set (the report's checks before any kernel): share it now
        from exportrow import runcache

        runcache.put(("annotation", *key), _CACHE[key])
    return _copy(_CACHE[key], article)


def _with_article_block(path: Path, article: Article, block) -> Article:
    """The article with the ``published``, ``outlet`` and ``timezone`` of the ``article:`` block applied.

    Options and the capture's front matter still win over the block; the block wins over the
    capture's header (see :mod:`exportrow.article`). A block with none of them leaves the
    caller's article as it is (it must still be dated).

    Example:
        >>> art = load_article()
        >>> _with_article_block(Path("a.yaml"), art, {"file": "x.txt"}) is art
        True
        >>> _with_article_block(Path("a.yaml"), art, {"outlet": "Nikkei Asia"}).outlet
        'Nikkei Asia'
    """
    from exportrow.article import MetadataError

    try:
        if isinstance(block, dict) and any(block.get(k) not in (None, "") for k in _METADATA):
            return article.with_annotation_block(block)
        article.require_published()
        return article
    except MetadataError as exc:
        raise AnnotationError([Problem(str(path), "article", exc.field, str(exc), exc.fix)]) from None


def _copy(ann: Annotation, article: Article) -> Annotation:
    """A deep copy of ``ann`` that points at the caller's ``article`` (which is not copied)."""
    return copy.deepcopy(ann, memo={id(ann.article): article})
