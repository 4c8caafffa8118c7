"""The ``TODO`` placeholders of an ``exportrow extract`` draft, and the order a draft's problems are listed in.

A draft marks every field a person must decide with ``TODO`` (``TODO_1`` under ``sides:``). The enumerated fields
(a side, an action, a frame) refuse it anyway, but a free-text field (a figure's ``quantity`` or ``unit``, an
event's ``description``, an actor's ``name``, an ignored number's ``reason``) would take it as a value and carry
it into the tables, the charts and the prose. So any value still equal to a placeholder is a problem, once
``draft: true`` is gone as well as before.
"""

from __future__ import annotations

import re
from dataclasses import replace

from exportrow.annotations.checker import Checker, shown
from exportrow.annotations.model import Problem
from exportrow.annotations.validation import _hint, _subschema, entry_label
from exportrow.annotations.vocab import SECTIONS

__all__ = ["is_extract_placeholder", "check_placeholders", "ordered"]

#: A value ``exportrow extract`` writes for a person to replace: ``TODO``, ``TODO_2``, and the outlet's name
#: when the capture gives none (``TODO (the outlet's own voice)``).
_PLACEHOLDER = re.compile(r"TODO(_\d+)?( \(the outlet's own voice\))?")
#: Fields whose value is the article's own words: looked for in the article, so never a placeholder to report.
_ARTICLE_WORDS = frozenset({"quote", "prefix", "suffix"})
#: Fields that hold the id of an entry of another section: their fix lists this annotation's ids, not the schema's
#: example (an id of some other article).
_ID_FIELDS = {"actor": ("actors", "actor"), "recipient": ("actors", "actor"), "figure": ("figures", "figure"),
              "claim": ("claims", "claim"), "same_as": ("events", "event")}
#: How many ids a fix lists before "..." (the rest are in the file).
_MAX_IDS = 20


def is_extract_placeholder(value) -> bool:
    """Whether ``value`` is still a placeholder that ``exportrow extract`` wrote.

    Example:
        >>> [is_extract_placeholder(v) for v in ("TODO", " TODO_3 ", "TODO (the outlet's own voice)")]
        [True, True, True]
        >>> [is_extract_placeholder(v) for v in ("TODO list of demands", "todo", 3, None)]
        [False, False, False, False]
    """
    return isinstance(value, str) and _PLACEHOLDER.fullmatch(value.strip()) is not None


def check_placeholders(chk: Checker, doc: dict) -> None:
    """A problem for each field of each entry whose value is still a placeholder (and has no problem yet).

    Entries the schema refused are looked at too, so that one round of fixes finds every placeholder. A field
    already reported as an unknown value (an action, a frame, an actor id) is said to be a placeholder instead,
    keeping the allowed values of its fix.

    Example:
        >>> from pathlib import Path
        >>> from exportrow.article import load_article
        >>> chk = Checker(Path("a.yaml"), load_article())
        >>> doc = {"figures": [{"id": "cut", "quantity": "TODO", "unit": "cases", "quote": "TODO"}],
        ...        "events": [{"id": "e", "description": "TODO", "action": "TODO"}]}
        >>> chk.add("events[e]", "action", "unknown value 'TODO'", "one of: AGREE, CONSULT")
        >>> check_placeholders(chk, doc)
        >>> print(chk.problems[0])
        a.yaml: events[e].action: still a placeholder ('TODO') from `exportrow extract`
            fix: one of: AGREE, CONSULT
        >>> for p in chk.problems[1:]: print(p)
        a.yaml: figures[cut].quantity: still a placeholder ('TODO') from `exportrow extract`
            fix: replace it: What is counted, as a short name (figures of one quantity and unit are compared and \
summed); write e.g. `quantity: bridge_crossings`
        a.yaml: events[e].description: still a placeholder ('TODO') from `exportrow extract`
            fix: replace it: Text (not blank); write e.g. `description: The two sides meet`
    """
    reported = {(p.entry, p.field): i for i, p in enumerate(chk.problems)}
    listed: dict[str, str] = {}  # section -> the field whose fix listed its ids
    for section in SECTIONS:
        items = doc.get(section)
        for k, item in enumerate(items if isinstance(items, list) else []):
            if not isinstance(item, dict):
                continue
            label = entry_label(doc, section, k)
            for key, value in item.items():
                values = value if isinstance(value, list) else [value]
                if not isinstance(key, str) or key in _ARTICLE_WORDS or \
                        not any(is_extract_placeholder(v) for v in values):
                    continue
                hint = _hint(_subschema("annotation", [section, 0, key]), key)
                fix = f"replace it: {hint}" if hint else "replace it with the value this entry needs"
                if key in _ID_FIELDS:
                    fix = _id_fix(doc, key, f"{label}.{key}", listed)
                problem = Problem(chk.file, label, key,
                                  f"still a placeholder ({shown(value)}) from `exportrow extract`", fix)
                i = reported.get((label, key))
                if i is None:
                    chk.problems.append(problem)
                elif chk.problems[i].message.startswith("unknown "):  # "unknown value 'TODO'": say what it is
                    old = chk.problems[i]
                    chk.problems[i] = replace(problem, fix=old.fix) if "one of:" in old.fix else problem


def _id_fix(doc: dict, key: str, where: str, listed: dict[str, str]) -> str:
    """The fix for an id field still a placeholder: this annotation's ids of that kind, listed at the first such field
    and pointed back to after.

    Example:
        >>> doc = {"actors": [{"id": "outlet"}, {"id": "lo_ministry"}, {"id": "TODO"}]}
        >>> listed = {}
        >>> _id_fix(doc, "actor", "claims[c1].actor", listed)
        "replace it with one of this annotation's actor ids: outlet, lo_ministry"
        >>> _id_fix(doc, "recipient", "events[e1].recipient", listed)
        'replace it with one of the actor ids listed at claims[c1].actor'
        >>> _id_fix({}, "figure", "events[e1].figure", {})
        'no figure has an id yet: add the figure under figures: and write its id here'
    """
    section, what = _ID_FIELDS[key]
    items = doc.get(section)
    ids = [str(i["id"]) for i in (items if isinstance(items, list) else [])
           if isinstance(i, dict) and isinstance(i.get("id"), (str, int)) and not is_extract_placeholder(i["id"])]
    if not ids:
        return f"no {what} has an id yet: add the {what} under {section}: and write its id here"
    if section in listed:
        return f"replace it with one of the {what} ids listed at {listed[section]}"
    listed[section] = where
    more = f", ... ({len(ids)} in all, under {section}:)" if len(ids) > _MAX_IDS else ""
    shown_ids = ", ".join(ids[:_MAX_IDS]) + more
    return f"replace it with one of this annotation's {what} ids: {shown_ids}"


def ordered(problems: list[Problem]) -> list[Problem]:
    """The problems with what a newcomer needs first in front: the draft flag, then the placeholder sides; the
    rest keep their order.

    Example:
        >>> ps = [Problem("a", "events[e]", "action", "x", ""), Problem("a", "sides", "", "y", ""),
        ...       Problem("a", "draft", "", "z", "")]
        >>> [p.entry for p in ordered(ps)]
        ['draft', 'sides', 'events[e]']
    """
    first = {"draft": 0, "sides": 1}
    return sorted(problems, key=lambda p: first.get(p.entry, 2))
