"""Check ``-p NAME VALUE`` against what each notebook declares, before any kernel starts.

A notebook declares its parameters in the cell tagged ``parameters``, one typed literal with a
comment each (papermill reads the type and the comment; ``papermill --help-notebook`` shows them)::

    measure: str = "count"  # one of "count" (cases per period) or "per_month" (per month of the period)
    min_word_count: int = 2  # a word must occur this often to be compared; at least 1
    prior_strength: float = 10.0  # weight of the Dirichlet prior, in pseudo-words; at least 0.01 and at most 1000000
    published: str = ""  # ISO date overriding the publication date; empty keeps the article's

The type (``str``, ``int``, ``float``, ``bool``, ``list``) is checked for every value. The comment
may add, in plain words that stay readable:

- ``one of "a", "b" or "c"``: the allowed texts, each quoted, separated by commas or "or"; a short
  explanation in brackets may follow each value (``"count" (cases per period)``);
- ``at least N``, ``at most N``, ``more than N``, ``less than N``: bounds of a number;
- ``ISO date`` (``str``) or ``ISO dates`` (``list``): a calendar date ``YYYY-MM-DD`` in a year of a news
  article (:data:`exportrow.clock.NEWS_YEARS`), or empty; ``ISO date (or date-time)`` (``str``): also a date-time
  as the notebook's inputs read it (:func:`exportrow.clock.parse_published`, e.g. ``2025-03-14T10:00:00+01:00``);
- ``[start, end]`` with ``ISO dates`` (``list``): a window, empty or two dates, the end after the start.
- ``whole numbers`` (``list``): every item a whole number (``[2016, 2017]``; not ``["2016"]``, text in quotes).

Values that depend on the article (side names, actor ids) are checked against its annotation
(:func:`exportrow.sides.check_side_parameters`), by ``exportrow report`` before any kernel and by the notebook.
"""

from __future__ import annotations

import datetime as dt
import math
import operator
import re

from exportrow.errors import UsageError
from exportrow.files import excerpt

__all__ = ["ParameterError", "rules", "convert", "allowed", "check_number", "check_window", "MAX_VALUE_CHARS",
           "declared_in", "check_values"]

_VALUE = r'"[^"\n]*"(?:\s*\([^)"\n]*\))?'
_CHOICES = re.compile(rf"\bone of\s+({_VALUE}(?:(?:\s*,\s*or\s+|\s*,\s*|\s+or\s+){_VALUE})*)")
_BOUND = re.compile(r"\b(at least|at most|more than|less than)\s+(-?\d+(?:\.\d+)?)\b")
_EXAMPLE = re.compile(r"\be\.g\.\s*(\[[^\]]*\])")
#: Longest ``-p`` value accepted.
MAX_VALUE_CHARS = 10_000
_TRUE, _FALSE = {"true", "yes", "on"}, {"false", "no", "off"}


class ParameterError(UsageError):
    """A ``-p`` value the notebooks do not accept: nothing was run (exit 2). Also raised inside a notebook by the
    library's own checks of a parameter (one line in JupyterLab, no traceback)."""


def rules(info: dict) -> dict:
    """What a declared parameter accepts, read from papermill's inspection of the parameters cell.

    Example:
        >>> rules({"inferred_type_name": "str", "help": 'one of "png", "svg" or "pdf"'})["choices"]
        ['png', 'svg', 'pdf']
        >>> r = rules({"inferred_type_name": "int", "help": "weeks before, at least 0 and at most 52"})
        >>> r["type"], r["bounds"]
        ('int', [('at least', 0.0), ('at most', 52.0)])
        >>> rules({"inferred_type_name": "str", "help": 'one of "count" (per period) or "per_month" (fair)'})["choices"]
        ['count', 'per_month']
    """
    text = str(info.get("help") or "")
    m = _CHOICES.search(text)
    example = _EXAMPLE.search(text)
    return {
        "type": str(info.get("inferred_type_name") or "None"),
        "choices": re.findall(r'"([^"\n]*)"', re.sub(r"\([^)]*\)", "", m.group(1))) if m else [],
        "bounds": [(word, float(num)) for word, num in _BOUND.findall(text)],
        "dates": bool(re.search(r"\bISO dates?\b", text)),
        "datetime": bool(re.search(r"\bISO date \(or date-time\)", text)),
        "window": bool(re.search(r"\[start, end\]", text)) and bool(re.search(r"\bISO dates\b", text)),
        "whole": bool(re.search(r"\bwhole numbers\b", text)),
        "example": example.group(1) if example else "",
    }


def allowed(rule: dict) -> str:
    """What a parameter accepts, in words, for messages.

    Example:
        >>> allowed(rules({"inferred_type_name": "int", "help": "at least 1"}))
        'a whole number, at least 1'
        >>> allowed(rules({"inferred_type_name": "str", "help": 'one of "png", "svg" or "pdf"'}))
        'one of "png", "svg", "pdf"'
    """
    kind = rule["type"]
    if rule["choices"]:
        return "one of " + ", ".join(f'"{c}"' for c in rule["choices"])
    if kind == "bool":
        return "true or false"
    if kind in ("int", "float"):
        words = "a whole number" if kind == "int" else "a number"
        bounds = " and ".join(f"{w} {_num(v)}" for w, v in rule["bounds"])
        return words + (f", {bounds}" if bounds else "")
    if kind == "list":
        items = " of ISO dates (YYYY-MM-DD)" if rule["dates"] else " of whole numbers" if rule.get("whole") else ""
        if rule.get("window"):
            from exportrow.clock import NEWS_YEARS

            return (f"a list{items} in YAML form, [start, end] with the end (exclusive) after the start, in the years "
                    f"{NEWS_YEARS[0]} to {NEWS_YEARS[1]}, e.g. {rule['example'] or '[2019-07-01, 2019-07-13]'}; "
                    "or [] for every date")
        return f"a list{items} in YAML form, e.g. {rule['example'] or '[a, b]'}"
    if kind == "str" and rule.get("datetime"):
        return "an ISO date (YYYY-MM-DD) or date-time (e.g. 2025-03-14T10:00 or 2025-03-14T10:00:00+01:00), or empty"
    if kind == "str" and rule["dates"]:
        return "an ISO date (YYYY-MM-DD), or empty"
    return "text" if kind == "str" else "a YAML value"


def _num(v: float) -> str:
    return str(int(v)) if v == int(v) else str(v)


def convert(name: str, raw: str, info: dict, notebook: str = "") -> object:
    """The typed value of ``-p NAME RAW`` for a notebook that declares ``info``, or a clear refusal.

    Example:
        >>> convert("years", "[2016, 2017]", {"inferred_type_name": "list"})
        [2016, 2017]
        >>> convert("show_derived", "false", {"inferred_type_name": "bool"})
        False
        >>> convert("min_word_count", "-5", {"inferred_type_name": "int", "help": "at least 1"})
        Traceback (most recent call last):
        ...
        exportrow.parameters.ParameterError: -p min_word_count '-5': out of range; allowed: a whole number, at least 1
        >>> convert("min_word_count", "99999999999999999999999", {"inferred_type_name": "int", "help": "at least 1"})
        Traceback (most recent call last):
        ...
        exportrow.parameters.ParameterError: -p min_word_count '99999999999999999999999': too large (23 digits; a \
whole number here is between -999999999999999999 and 999999999999999999); allowed: a whole number, at least 1
        >>> convert("show_derived", "maybe", {"inferred_type_name": "bool"}, "01-enforcement-statistics")
        Traceback (most recent call last):
        ...
        exportrow.parameters.ParameterError: -p show_derived 'maybe': not true or false; allowed: true or false \
(declared by 01-enforcement-statistics)
    """
    rule = rules(info)
    if len(raw) > MAX_VALUE_CHARS:
        raise ParameterError(f"-p {name}: the value is {len(raw):,} characters, more than the "
                             f"{MAX_VALUE_CHARS:,} accepted")
    try:
        return _typed(raw, rule)
    except ValueError as exc:
        where = f" (declared by {notebook})" if notebook else ""
        raise ParameterError(f"-p {name} {excerpt(raw)}: {exc}; allowed: {allowed(rule)}{where}") from None


def declared_in(source: str) -> dict[str, dict]:
    """The parameters a ``parameters`` cell's ``source`` declares, as ``papermill.inspect_notebook`` reads them for
    ``exportrow report`` (name, ``inferred_type_name``, ``default``, ``help``: the comment on the line), without
    importing papermill (a notebook checks its own parameters with it, :func:`check_values`). A test keeps the two
    readings the same for every notebook. ``{}`` for text that is not Python.

    Example:
        >>> d = declared_in('weeks: int = 2  # at least 0 and at most 52\\nx = 3\\nfmt: str = "png"  # one of "png"')
        >>> d["weeks"]["inferred_type_name"], d["weeks"]["help"], d["fmt"]["default"], "x" in d
        ('int', 'at least 0 and at most 52', "'png'", False)
    """
    import ast
    import io
    import tokenize

    try:
        tree = ast.parse(source)
        tokens = list(tokenize.generate_tokens(io.StringIO(source).readline))
    except (SyntaxError, ValueError, tokenize.TokenError):
        return {}
    comments = {t.start[0]: t.string.lstrip("#").strip() for t in tokens if t.type == tokenize.COMMENT}
    out = {}
    for node in tree.body:
        if isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
            out[node.target.id] = {"name": node.target.id, "inferred_type_name": ast.unparse(node.annotation),
                                   "default": ast.unparse(node.value) if node.value is not None else "",
                                   "help": comments.get(node.end_lineno, "")}
    return out


def check_values(values: dict, declared: dict[str, dict], notebook: str = "") -> dict:
    """Check a notebook's parameter values (as papermill or JupyterLab set them) against what its parameters cell
    declares, with :func:`convert`, the function ``exportrow report -p`` uses: each value is written back as the
    text ``-p`` would take, so a value refused by the report is refused here too.

    Returns the values that :func:`convert` gives another type than the notebook has, converted as ``-p`` converts
    them: a value typed with quotes (``show_derived: bool = "False"``, ``close_up_weeks: int = "0"``) or passed
    as text (papermill's ``-r NAME VALUE``). The notebook must use these, never the text (:func:`exportrow.notebook.
    check_notebook_parameters` puts them back into its variables).

    Raises:
        ParameterError: The first value that its declaration refuses (one line in JupyterLab, no traceback).

    Example:
        >>> decl = declared_in("close_up_weeks: int = 2  # weeks, at least 0 and at most 52")
        >>> check_values({"close_up_weeks": 3}, decl)
        {}
        >>> check_values({"close_up_weeks": "0"}, decl)
        {'close_up_weeks': 0}
        >>> check_values({"show": "False"}, declared_in("show: bool = True  # draw it"))
        {'show': False}
        >>> check_values({"years": ["2016"]}, declared_in("years: list = []  # whole numbers, e.g. [2016, 2017]"))
        Traceback (most recent call last):
        ...
        exportrow.parameters.ParameterError: years ['2016']: '2016' is not a whole number (text in quotes: write it \
without quotes); allowed: a list of whole numbers in YAML form, e.g. [2016, 2017]
        >>> check_values({"close_up_weeks": 99}, decl, "02-claim-timeline")
        Traceback (most recent call last):
        ...
        exportrow.parameters.ParameterError: close_up_weeks 99: out of range; allowed: a whole number, at least 0 \
and at most 52 (declared by 02-claim-timeline)
    """
    import json

    converted = {}
    for name, info in declared.items():
        if name not in values:
            continue
        value = values[name]
        if isinstance(value, bool):
            raw = "true" if value else "false"
        elif isinstance(value, str):
            raw = value
        elif value is None:
            raw = ""
        elif isinstance(value, (int, float)):
            raw = repr(value)
        else:
            try:
                raw = json.dumps(value, default=str)
            except (TypeError, ValueError):
                raw = str(value)
        try:
            typed = convert(name, raw, info, notebook)
        except ParameterError as exc:  # in a notebook the value was not given as -p: name it as the notebook has it
            head = f"-p {name} {excerpt(raw)}"
            shown = raw if isinstance(value, str) else \
                repr(value) if isinstance(value, list) and len(repr(value)) <= 80 else excerpt(value)
            text = str(exc)
            raise ParameterError(f"{name} {excerpt(shown) if isinstance(value, str) else shown}"
                                 f"{text[len(head):]}" if text.startswith(head) else text.removeprefix("-p ")) from None
        if type(typed) is not type(value):
            converted[name] = typed
    return converted


def check_number(name: str, value, help: str) -> float:
    """A number parameter checked inside a notebook against the bounds its comment states (``help``), as ``-p``
    checks it before any kernel starts; a refusal is a :class:`ParameterError` (one line, no traceback).

    Example:
        >>> check_number("prior_strength", 10, "at least 0.01 and at most 1000000")
        10.0
        >>> check_number("prior_strength", 1e308, "at least 0.01 and at most 1000000")
        Traceback (most recent call last):
        ...
        exportrow.parameters.ParameterError: prior_strength 1e+308: out of range; allowed: a number, at least 0.01 \
and at most 1000000
    """
    rule = rules({"inferred_type_name": "float", "help": help})
    try:
        number = float(value)
        if not math.isfinite(number):
            raise ValueError("not a finite number")
        return _bounded(number, rule)
    except (TypeError, ValueError) as exc:
        why = str(exc) if isinstance(exc, ValueError) and "could not convert" not in str(exc) else "not a number"
        raise ParameterError(f"{name} {excerpt(value)}: {why}; allowed: {allowed(rule)}") from None


def check_window(name: str, value) -> list[str]:
    """A ``[start, end]`` window of ISO dates (end exclusive) checked inside a notebook as ``-p`` checks it: two
    calendar dates in years of a news article, the end after the start. Returns the two dates as ISO text.

    Example:
        >>> check_window("date_window", ["2025-03-01", "2025-03-20"])
        ['2025-03-01', '2025-03-20']
        >>> check_window("date_window", ["2025-03-20", "2025-03-01"])
        Traceback (most recent call last):
        ...
        exportrow.parameters.ParameterError: date_window ['2025-03-20', '2025-03-01']: the window ends (2025-03-01) \
before it starts (2025-03-20); write the earlier date first, and the end (exclusive) after the start; \
allowed: [start, end], two ISO dates (YYYY-MM-DD) in the years 1700 to 2199, ...
    """
    try:
        if isinstance(value, (str, bytes)) or not hasattr(value, "__len__"):
            raise ValueError("not a list")
        items = [w.isoformat()[:10] if hasattr(w, "isoformat") else w for w in value]
        for item in items:
            _date(item)
        _window(items)
    except ValueError as exc:
        shown = repr(list(value)) if isinstance(value, (list, tuple)) and len(repr(list(value))) <= 80 else None
        from exportrow.clock import NEWS_YEARS

        raise ParameterError(f"{name} {shown or excerpt(value)}: {exc}; allowed: [start, end], two ISO dates "
                             f"(YYYY-MM-DD) in the years {NEWS_YEARS[0]} to {NEWS_YEARS[1]}, the end (exclusive) "
                             "after the start, or an empty list") from None
    return items


#: The largest whole number ``-p`` accepts (18 digits: it fits a 64-bit integer with room to spare).
_INT_LIMIT = 10 ** 18 - 1


def _typed(raw: str, rule: dict) -> object:
    kind = rule["type"]
    if kind == "str":
        return _text(raw, rule)
    if kind == "bool":
        word = raw.strip().lower()
        if word in _TRUE | _FALSE:
            return word in _TRUE
        raise ValueError("not true or false")
    if kind == "int":
        if re.fullmatch(r"\s*[+-]?\d{19,}\s*", raw):
            size = "too small" if raw.strip().startswith("-") else "too large"
            raise ValueError(f"{size} ({len(raw.strip().lstrip('+-')):,} digits; a whole number here is "
                             f"between -{_INT_LIMIT} and {_INT_LIMIT})")
        if not re.fullmatch(r"\s*[+-]?\d{1,18}\s*", raw):
            raise ValueError("not a whole number")
        return _bounded(int(raw), rule)
    if kind == "float":
        try:
            value = float(raw)
        except ValueError:
            raise ValueError("not a number") from None
        if not math.isfinite(value):
            raise ValueError("not a finite number")
        return _bounded(value, rule)
    if kind != "list":  # an untyped parameter: YAML if it reads as YAML, else text
        try:
            return _yaml(raw)
        except ValueError:
            return raw
    value = _yaml(raw)
    if kind == "list":
        if not isinstance(value, list):
            raise ValueError("not a list")
        if rule["dates"]:
            for item in value:
                _date(item)
        if rule.get("whole"):
            _whole_numbers(value)
        if rule.get("window") and value:
            _window(value)
    return value


def _whole_numbers(value: list) -> None:
    """Every item of a list declared ``whole numbers`` must be one: not text (``"2016"`` typed with quotes), not a
    fraction, not ``true``."""
    bad = [v for v in value if not isinstance(v, int) or isinstance(v, bool)]
    if not bad:
        return
    shown = ", ".join("true" if v is True else "false" if v is False else "null" if v is None else excerpt(v)
                      for v in bad[:10]) + (", ..." if len(bad) > 10 else "")
    verb = "is not a whole number" if len(bad) == 1 else "are not whole numbers"
    quoted = [v for v in bad if isinstance(v, str) and re.fullmatch(r"\s*[+-]?\d+\s*", v)]
    hint = f" (text in quotes: write {'it' if len(quoted) == 1 else 'them'} without quotes)" if quoted else ""
    raise ValueError(f"{shown} {verb}{hint}")


def _window(value: list) -> None:
    """A ``[start, end]`` window (end exclusive) must hold two dates, the end after the start."""
    if len(value) != 2:
        raise ValueError(f"a window is [start, end], two ISO dates, not {len(value)} item{'s' * (len(value) != 1)}")
    start, end = value
    if end < start:
        raise ValueError(f"the window ends ({end}) before it starts ({start}); write the earlier date first, and the "
                         "end (exclusive) after the start")
    if end == start:
        raise ValueError(f"the window ends ({end}) on the day it starts: the end is exclusive, so it holds no day; "
                         "end it at least one day after the start")


def _text(raw: str, rule: dict) -> str:
    if rule["choices"] and raw not in rule["choices"]:
        raise ValueError("not an allowed value")
    if rule.get("datetime") and raw:
        from exportrow.clock import ClockError, parse_published

        try:
            parse_published(raw)  # what the notebook's open_inputs reads: a date, or a date-time with its offset
        except ClockError as exc:
            raise ValueError(str(exc).removeprefix(f"{raw.strip()!r}: ")) from None
    elif rule["dates"] and raw:
        _date(raw)
    return raw


def _date(value) -> None:
    if not isinstance(value, str) or not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        raise ValueError(f"{excerpt(value)} is not an ISO date")
    try:
        day = dt.date.fromisoformat(value)
    except ValueError:
        raise ValueError(f"{value!r} is not a calendar date") from None
    from exportrow.clock import NEWS_YEARS

    if not NEWS_YEARS[0] <= day.year <= NEWS_YEARS[1]:
        raise ValueError(f"year {day.year} is not a year of a news article (years {NEWS_YEARS[0]} to {NEWS_YEARS[1]})")


def _bounded(value, rule: dict):
    tests = {"at least": operator.ge, "at most": operator.le, "more than": operator.gt, "less than": operator.lt}
    for word, limit in rule["bounds"]:
        if not tests[word](value, limit):
            raise ValueError("out of range")
    return value


def _yaml(raw: str):
    """YAML without aliases (no alias bombs), with dates read back as ISO text (notebooks take dates as text)."""
    import yaml

    class _NoAliases(yaml.SafeLoader):
        def compose_node(self, parent, index):
            if self.check_event(yaml.AliasEvent):
                raise yaml.YAMLError("YAML aliases are not accepted")
            return super().compose_node(parent, index)

    try:
        return _plain(yaml.load(raw, Loader=_NoAliases))  # noqa: S506 - a SafeLoader
    except yaml.YAMLError:
        raise ValueError("not valid YAML (a list is written [a, b])") from None


def _plain(value):
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    return value
