"""Read an annotation file and check it against its article.

An annotation file is YAML, one per article. Each entry (actor, figure, claim, event,
ignored number) carries the exact words it comes from as ``quote``, plus an optional
``prefix`` or ``suffix`` when those words stand more than once. The library finds the span
itself; nobody types offsets. All problems in a file are collected and reported together,
each naming the file, the entry, the field and the nearest fix.

The file's structure is declared once, as a JSON Schema shipped in the package
(``exportrow/schema/annotation.schema.json``, printed by ``exportrow schema``). The modules:

- :mod:`~exportrow.annotations.schema`: the shipped schemas; :mod:`~exportrow.annotations.vocab`:
  the vocabularies read from them;
- :mod:`~exportrow.annotations.reading`: files and YAML, safely (no aliases, size caps);
- :mod:`~exportrow.annotations.validation`: schema problems in the file's own terms;
- :mod:`~exportrow.annotations.sections`: one domain checker per section;
- :mod:`~exportrow.annotations.load`: :func:`load_annotation` and its cache;
- :mod:`~exportrow.annotations.context`: the context files (``data/context/*.yaml``).
"""

from exportrow.annotations.context import is_context_file, load_context
from exportrow.annotations.load import _CACHE, check_document, load_annotation
from exportrow.annotations.model import Annotation, AnnotationError, Problem
from exportrow.annotations.reading import (
    YAMLRefused,
    annotation_path_for,
    article_path_for,
    article_to_load,
    read_yaml,
    safe_yaml,
)
from exportrow.annotations.schema import schema_path, schema_text
from exportrow.annotations.vocab import (
    ACTIONS,
    ACTOR_KINDS,
    ATTRIBUTIONS,
    BOUNDS,
    CHECK_PERIODS,
    CHECKS,
    ENTMAN,
    FIGURE_KINDS,
    FRAMES,
    QUALIFIER_KINDS,
    QUALIFIERS,
    SIDES,
    TENSES,
)

__all__ = ["Annotation", "AnnotationError", "Problem", "load_annotation", "check_document", "annotation_path_for",
           "article_path_for", "article_to_load", "safe_yaml", "read_yaml", "YAMLRefused", "load_context",
           "is_context_file",
           "schema_path", "schema_text",
           "SIDES", "ACTOR_KINDS", "ATTRIBUTIONS", "ACTIONS", "FRAMES", "ENTMAN", "TENSES", "CHECKS", "CHECK_PERIODS",
           "QUALIFIERS", "QUALIFIER_KINDS", "BOUNDS", "FIGURE_KINDS"]

_ = _CACHE  # kept importable: benchmarks/bench_tables.py clears it
