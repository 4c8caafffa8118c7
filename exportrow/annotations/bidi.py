"""Warn about Unicode's invisible bidirectional controls in an annotation's text.

A right-to-left override (U+202E) or another bidirectional control (:data:`exportrow.escape.BIDI_CONTROLS`) in a
description, a name or a quantity is invisible in an editor, and reverses the text drawn after it: in a chart
label it would flip the date exportrow appends ("(10 Nov 2025)" drawn as "(5202 voN 01)"). The pages and the
charts drop these characters (:func:`exportrow.escape.strip_bidi`, :func:`exportrow.plots.strip_chart_bidi`);
the tables keep the text as written, so ``exportrow check`` warns (it does not refuse) about each field that
holds one, naming the file, the entry and the field.
"""

from __future__ import annotations

import unicodedata

from exportrow.annotations.model import Annotation, Problem
from exportrow.escape import BIDI_CONTROLS

__all__ = ["bidi_controls", "bidi_warnings"]

_SECTIONS = ("actors", "figures", "statements", "ignored_numbers", "claims", "events")


def bidi_controls(value) -> list[str]:
    """The bidirectional controls in ``value`` (a text, or a list or mapping of them), named, in order of first use.

    Example:
        >>> bidi_controls("talks\\u202e evil"), bidi_controls(["a\\u2067b\\u2069", {"x": "\\u200f"}])
        (['U+202E RIGHT-TO-LEFT OVERRIDE'], ['U+2067 RIGHT-TO-LEFT ISOLATE', 'U+2069 POP DIRECTIONAL ISOLATE', \
'U+200F RIGHT-TO-LEFT MARK'])
        >>> bidi_controls("plain"), bidi_controls(3)
        ([], [])
    """
    if isinstance(value, str):
        found = dict.fromkeys(BIDI_CONTROLS.findall(value))
        return [f"U+{ord(c):04X} {unicodedata.name(c, 'BIDIRECTIONAL CONTROL')}" for c in found]
    items = value.values() if isinstance(value, dict) else value if isinstance(value, (list, tuple)) else []
    return list(dict.fromkeys(name for item in items for name in bidi_controls(item)))


def bidi_warnings(ann: Annotation) -> list[Problem]:
    """A warning for each field of the annotation whose text holds a bidirectional control.

    Example:
        >>> from pathlib import Path
        >>> from exportrow.article import load_article
        >>> ann = Annotation(Path("a.yaml"), load_article())
        >>> ann.events = [{"_label": "events[talks]", "id": "talks", "description": "talks\\u202e evil"}]
        >>> print(bidi_warnings(ann)[0])  # doctest: +NORMALIZE_WHITESPACE
        a.yaml: events[talks].description: holds an invisible U+202E RIGHT-TO-LEFT OVERRIDE, which reverses the
        text shown after it (a chart would draw the date beside it backwards)
            fix: delete it (search the file for \\u202e, or retype the text); exportrow leaves it out of pages and
            charts, but the tables keep the text as written
        >>> ann.events[0]["description"] = "talks broke down"; bidi_warnings(ann)
        []

    A side's ``name:`` is checked as the file writes it (charts and pages show it without the control):

        >>> from exportrow.annotations.model import Sides
        >>> ann.sides = Sides(["us", "outlet"], {"us": "ynapmoc x"}, {"us": "\u202eynapmoc x"})
        >>> [(w.entry, w.field, w.message[:40]) for w in bidi_warnings(ann)]
        [('sides[us]', 'name', 'holds an invisible U+202E RIGHT-TO-LEFT ')]
    """
    out = []
    for section in _SECTIONS:
        for entry in getattr(ann, section, []) or []:
            label = entry.get("_label", section)
            for key, value in entry.items():
                if not str(key).startswith("_"):
                    out += _warn(ann, label, str(key), value)
    out += _warn(ann, "sides", "", list(ann.sides) if isinstance(ann.sides, (list, tuple)) else [])
    for side, name in getattr(ann.sides, "written", {}).items():  # the names as written (charts show them cleaned)
        out += _warn(ann, f"sides[{side}]", "name", name)
    out += _warn(ann, "caveats", "", list(ann.caveats or []))
    return out


def _warn(ann: Annotation, entry: str, key: str, value) -> list[Problem]:
    names = bidi_controls(value)
    if not names:
        return []
    escapes = ", ".join(f"\\u{n[2:6].lower()}" for n in names)
    what = " and ".join(names) if len(names) < 3 else ", ".join(names[:-1]) + " and " + names[-1]
    quote = " (in a quote it must stay if the article's text has it)" if key == "quote" else ""
    return [Problem(str(ann.path), entry, key,
                    f"holds an invisible {what}, which reverses the text shown after it (a chart would draw the "
                    "date beside it backwards)",
                    f"delete it (search the file for {escapes}, or retype the text){quote}; exportrow leaves it out "
                    "of pages and charts, but the tables keep the text as written")]
