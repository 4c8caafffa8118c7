"""Warn about text the charts cannot draw: characters the charts' font has no glyph for.

The charts are drawn in DejaVu Sans, the font matplotlib bundles (the same on every machine, so two runs give the
same images). It covers Latin, Greek and Cyrillic scripts and many symbols, but not Chinese, Japanese or Korean:
a side named "한성디스플레이" or an event "東海硝子 files notice" is drawn as empty boxes in every chart, while the
pages, the notebooks' text and the tables show it as written. ``exportrow check`` warns (it does not refuse) about
each field that the charts draw and that holds such characters, naming the file, the entry and the field. The font
is read without importing matplotlib (:mod:`fontTools`, a dependency of matplotlib).
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache
from importlib.util import find_spec
from pathlib import Path

from exportrow.annotations.model import Annotation, Problem

__all__ = ["undrawable", "glyph_warnings"]


@lru_cache(maxsize=1)
def _drawable() -> frozenset[int]:
    """The code points the charts' font (matplotlib's bundled DejaVu Sans) has a glyph for; empty if not found."""
    spec = find_spec("matplotlib")  # finds the package without importing it
    if spec is None or not spec.submodule_search_locations:
        return frozenset()
    font = Path(list(spec.submodule_search_locations)[0]) / "mpl-data" / "fonts" / "ttf" / "DejaVuSans.ttf"
    if not font.is_file():
        return frozenset()
    try:
        from fontTools.ttLib import TTFont  # installed with matplotlib, which reads fonts with it
    except ImportError:
        return frozenset()
    with TTFont(str(font), lazy=True) as f:
        return frozenset(f.getBestCmap())


def undrawable(text) -> str:
    """The characters of ``text`` the charts cannot draw (each once, in order); ``""`` when all can be drawn.

    Spaces and invisible controls do not count (they draw nothing); an empty result also when the font is missing.

    Example:
        >>> undrawable("東海硝子 Tokai"), undrawable("Ní Bhriain’s €2bn — Sø"), undrawable(3)
        ('東海硝子', '', '')
    """
    if not isinstance(text, str) or text.isascii():
        return ""
    cmap = _drawable()
    if not cmap:
        return ""
    return "".join(dict.fromkeys(c for c in text if ord(c) not in cmap
                                 and unicodedata.category(c)[0] not in ("Z", "C")))


def glyph_warnings(ann: Annotation) -> list[Problem]:
    """A warning for each field the charts draw (a side's id and name, an event's description, a figure's unit)
    whose text holds characters the charts cannot draw.

    Example:
        >>> from exportrow.article import load_article
        >>> from exportrow.annotations.model import Sides
        >>> ann = Annotation(Path("a.yaml"), load_article())
        >>> ann.sides = Sides(["hanseong", "outlet"], {"hanseong": "한성 Hanseong"}, {"hanseong": "한성 Hanseong"})
        >>> ann.events = [{"_label": "events[notice]", "description": "東海 files notice"}]
        >>> for w in glyph_warnings(ann):
        ...     print(w)  # doctest: +NORMALIZE_WHITESPACE
        a.yaml: sides[hanseong].name: uses characters the charts cannot draw (they show as boxes): '한성'; the
        pages and tables show them
            fix: to have the charts show it, write it in Latin letters (e.g. a romanised name), or keep it: only the
            charts are affected
        a.yaml: events[notice].description: uses characters the charts cannot draw (they show as boxes): '東海'; the
        pages and tables show them
            fix: to have the charts show it, write it in Latin letters (e.g. a romanised name), or keep it: only the
            charts are affected
        >>> ann.events[0]["description"] = "Tokai files notice"; len(glyph_warnings(ann))
        1
    """
    names = getattr(ann.sides, "names", {})
    fields = [(f"sides[{s}]", "", s) for s in (ann.sides or []) if s not in names]  # shown by its id
    fields += [(f"sides[{s}]", "name", name) for s, name in names.items()]
    fields += [(e.get("_label", "events"), "description", e.get("description")) for e in ann.events or []]
    fields += [(f.get("_label", "figures"), "unit", f.get("unit")) for f in ann.figures or []]
    out = []
    for entry, key, text in fields:
        missing = undrawable(text)
        if missing:
            out.append(Problem(str(ann.path), entry, key,
                               f"uses characters the charts cannot draw (they show as boxes): {missing[:20]!r}; "
                               "the pages and tables show them",
                               "to have the charts show it, write it in Latin letters (e.g. a romanised name), or "
                               "keep it: only the charts are affected"))
    return out
