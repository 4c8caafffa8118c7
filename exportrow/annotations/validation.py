"""Check a parsed file against its JSON Schema and say what is wrong in the file's own terms.

Every schema violation becomes a :class:`~exportrow.annotations.model.Problem` naming the
entry (by id where it has one), the field, what is wrong and the nearest fix: a close spelling,
the allowed values, or an example taken from the schema itself. Messages never repeat a long
value: they show a short excerpt.
"""

from __future__ import annotations

from exportrow.annotations.checker import close_match, shown
from exportrow.annotations.model import Problem
from exportrow.annotations.schema import inlined, schema_dict, validator

__all__ = ["schema_problems", "entry_label"]

_ID_PATTERN = schema_dict("annotation")["$defs"]["id"]["pattern"]
_TYPES = {"string": "text", "number": "a number", "integer": "a whole number", "array": "a list",
          "object": "a mapping (`key: value` lines)", "boolean": "true or false", "null": "empty"}


def entry_label(doc: dict, section: str, index: int) -> str:
    """How a message names an entry: ``section[id]`` when it has a short text id, else ``section[index]``.

    Example:
        >>> entry_label({"figures": [{"id": "a"}, {"id": ["b"]}]}, "figures", 1)
        'figures[1]'
    """
    items = doc.get(section)
    item = items[index] if isinstance(items, list) and index < len(items) else None
    ident = item.get("id") if isinstance(item, dict) else None
    if isinstance(ident, str) and 0 < len(ident) <= 100 and ident.strip() == ident and "\n" not in ident:
        return f"{section}[{ident}]"
    return f"{section}[{index}]"


def _where(doc: dict, path: list) -> tuple[str, str]:
    """(entry, field) of a place in the document."""
    if not path:
        return "file", ""
    head, rest = path[0], list(path[1:])
    if len(path) >= 2 and isinstance(path[1], int) and isinstance(doc.get(head), list):
        entry, rest = entry_label(doc, head, path[1]), list(path[2:])
    else:
        entry = str(head) if isinstance(head, str) and len(head) <= 100 else shown(head, 40)
    fld = ""
    for part in rest:
        fld += f"[{part}]" if isinstance(part, int) else (f".{part}" if fld else str(part))
    return entry, fld


def _kind(value) -> str:
    if value is None:
        return "empty"
    if isinstance(value, bool):
        return f"{str(value).lower()} (true/false)"
    if isinstance(value, (int, float)):
        return f"the number {shown(value)}"
    if isinstance(value, str):
        return f"the text {shown(value)}"
    return shown(value)


def _example(schema: dict, key: str) -> str:
    examples = schema.get("examples") or []
    if not examples:
        return ""
    ex = examples[0]
    value = "[" + ", ".join(map(str, ex)) + "]" if isinstance(ex, list) else str(ex).lower() \
        if isinstance(ex, bool) else str(ex)
    return f"write e.g. `{key}: {value}`" if key else f"e.g. {value}"


def _hint(schema: dict, key: str) -> str:
    """The rule's own description and example, as a fix."""
    parts = [schema.get("description", "").rstrip("."), _example(schema, key)]
    return "; ".join(p for p in parts if p)


def _as_number(text: str):
    """The number a short text in words or with a scale word states ("610 billion", "12bn"), or None.

    Example:
        >>> _as_number("610 billion"), _as_number("¥12bn"), _as_number("a lot") is None
        (610000000000, 12000000000, True)
    """
    from exportrow.numbers import parse_number

    return parse_number(text.strip()[:60].lstrip("$\u00a3\u20ac\u00a5\u20a9"))


def _type_problem(err, key: str, required: bool) -> tuple[str, str]:
    want = err.validator_value if isinstance(err.validator_value, list) else [err.validator_value]
    value = err.instance
    if value is None and required:
        return "missing required field", _example(err.schema, key) or f"add a value after `{key}:`"
    wanted = " or ".join(_TYPES.get(w, w) for w in want if w != "null")
    fix = _example(err.schema, key)
    if "string" in want and isinstance(value, (int, float)) and not isinstance(value, bool):
        fix = f'put it in quotes: `{key}: "{shown(value)}"`'
    elif "string" in want and isinstance(value, bool):  # YAML 1.1 reads yes/no/on/off unquoted as true/false
        fix = (f'put the word you wrote in quotes, e.g. `{key}: "off"`: without quotes YAML reads yes, no, on, '
               "off, true and false as true/false")
    elif isinstance(value, list) and "array" not in want:
        fix = "write one value, not a list" + (f"; {fix}" if fix else "")
    elif value is None:
        fix = f"write a value after `{key}:`, or delete the line"
    elif "number" in want and isinstance(value, str) and _as_number(value) is not None:
        n = _as_number(value)
        fix = f"write it without quotes: `{key}: {n}`" if str(n) == value.strip() else \
            f"write it in digits: `{key}: {n}` (a scale word is part of the number)"
    elif "array" in want and not fix:
        fix = f"write each item on its own line starting with `- ` under `{key}:`"
    return f"must be {wanted}, not {_kind(value)}", fix


def _enum_problem(err, key: str) -> tuple[str, str]:
    allowed = err.validator_value if err.validator == "enum" else [err.validator_value]
    near = close_match(err.instance, allowed) if isinstance(err.instance, str) else None
    if near is not None:
        near = next(a for a in allowed if str(a) == near)
    listed = ", ".join(map(str, allowed))
    if near is not None and near != err.instance:
        return f"unknown value {shown(err.instance)}", f"did you mean {near!r}? (one of: {listed})"
    return f"unknown value {shown(err.instance)}", f"one of: {listed}"


def _string_problem(err, key: str, required: bool = False) -> tuple[str, str]:
    value = err.instance
    if err.validator == "maxLength":
        return (f"is {len(value):,} characters long; at most {err.validator_value:,} are accepted",
                "quote the fewest words that state the thing" if key in ("quote", "prefix", "suffix")
                else "shorten it")
    if not value.strip():
        if not key:
            return "is blank", "write text"
        if required:  # deleting the line would only make it missing
            example = _example(err.schema, key)
            return "is blank", f"write {_TYPES['string']} after `{key}:`; the field is required" + \
                (f" ({example})" if example else "")
        return "is blank", f"write {_TYPES['string']} after `{key}:`, or delete the line"
    if err.validator == "pattern" and err.validator_value == _ID_PATTERN:
        return (f"{shown(value)} is not an id",
                "use letters, digits, _, - or ., starting with a letter or digit, e.g. `fr_gov`")
    return f"{shown(value)} is not in the expected form", _hint(err.schema, key)


def _number_problem(err, key: str) -> tuple[str, str]:
    """A number beyond the schema's bound (a figure's value: 2**53 either side of 0, what a float holds exactly)."""
    limit = abs(err.validator_value)
    return (f"{shown(err.instance)} is beyond the {limit:,} accepted either side of 0 (2**53, the largest whole "
            "number the tables and charts hold exactly)",
            f"check `{key}:`; if the article really states such a number, leave the figure out and list its "
            "words under ignored_numbers with a reason")


def _list_problem(err, key: str) -> tuple[str, str]:
    n = len(err.instance)
    fix = _hint(err.schema, key)
    if err.validator == "minItems":
        return f"needs at least {err.validator_value} item{'s' * (err.validator_value != 1)}, has {n}", fix
    if err.validator == "maxItems":
        return f"has {n} items; at most {err.validator_value} fit here", fix
    return "lists the same item twice", "keep each item once"


def _own_figures_fix(err, doc: dict) -> str:
    """The fix for a statement naming too few or too many figures, with the file's own figure ids.

    The schema's own example names the bundled article's figures; a user's file gets its ids instead.

    Example:
        >>> doc = {"figures": [{"id": "f24"}, {"id": "f23"}],
        ...        "statements": [{"id": "s", "check": "growth_factor", "figures": ["f24"], "quote": "q"}]}
        >>> err = next(e for e in validator("annotation").iter_errors(doc) if e.validator == "minItems")
        >>> _own_figures_fix(err, doc)
        'growth_factor compares two figures: the later, then the earlier; write e.g. `figures: [f24, f23]`'
    """
    import re

    n = err.validator_value
    valid = [i for i in err.instance if isinstance(i, str) and re.fullmatch(_ID_PATTERN, i) and len(i) <= 40]
    figures = doc.get("figures") if isinstance(doc.get("figures"), list) else []
    pool = [f.get("id") for f in figures if isinstance(f, dict)]
    ids = list(dict.fromkeys(valid))[:n]
    ids += [i for i in dict.fromkeys(pool) if isinstance(i, str) and re.fullmatch(_ID_PATTERN, i)
            and len(i) <= 40 and i not in ids][:n - len(ids)]
    fill = ["later_figure", "earlier_figure"] if n == 2 else [f"figure_{k + 1}" for k in range(n)]
    ids += fill[len(ids):n]
    what = err.schema.get("description", "").rstrip(".")
    return "; ".join(p for p in (what, f"write e.g. `figures: [{', '.join(ids)}]`") if p)


def _unknown_fields(err, entry: str, fld: str, top: bool) -> list[tuple[str, str, str, str]]:
    allowed = list(err.schema.get("properties", {}))
    out = []
    for key in err.instance:
        if key in allowed:
            continue
        near = close_match(key, allowed)
        name = key if isinstance(key, str) and len(key) <= 100 else shown(key, 40)
        fix = f"did you mean `{near}`?" if near else f"allowed: {', '.join(allowed)}"
        if top:
            out.append((str(name), "", "unknown top-level key", fix))
        else:
            out.append((entry, f"{fld}.{name}" if fld else str(name), "unknown field", fix))
    return out


def _describe(err, doc: dict, name: str) -> list[tuple[str, str, str, str]]:
    """(entry, field, message, fix) for one schema error."""
    path = list(err.absolute_path)
    entry, fld = _where(doc, path)
    key = str(path[-1]) if path and isinstance(path[-1], str) else ""
    parent_required = _required_here(name, path)
    if err.validator == "required":
        missing = [k for k in err.validator_value if k not in err.instance]
        props = err.schema.get("properties", {})
        out = []
        for k in missing:
            example = _example(props.get(k, {}), "")
            fix = (f"add `{k}:` to the entry" if path else f"add `{k}:` at the top of the file") + \
                (f" ({example})" if example else "")
            out.append((entry, f"{fld}.{k}" if fld else k, "missing required field", fix) if path else
                       (k, "", "missing required field", fix))
        return out
    if err.validator == "additionalProperties":
        return _unknown_fields(err, entry, fld, top=not path)
    if err.validator == "type":
        return [(entry, fld, *_type_problem(err, key, parent_required))]
    if err.validator in ("enum", "const"):
        return [(entry, fld, *_enum_problem(err, key))]
    if err.validator in ("pattern", "minLength", "maxLength") and isinstance(err.instance, str):
        return [(entry, fld, *_string_problem(err, key, parent_required))]
    if err.validator in ("minItems", "maxItems", "uniqueItems") and isinstance(err.instance, list):
        message, fix = _list_problem(err, key)
        if path[:1] == ["statements"] and key == "figures" and err.validator != "uniqueItems":
            fix = _own_figures_fix(err, doc)
        return [(entry, fld, message, fix)]
    if err.validator in ("minimum", "maximum") and isinstance(err.instance, (int, float)):
        return [(entry, fld, *_number_problem(err, key))]
    return [(entry, fld, f"does not fit the schema ({err.validator})", "see `exportrow schema`")]


def _subschema(name: str, path: list) -> dict:
    """The rule that governs ``path`` of a document."""
    node = inlined(name)
    for part in path:
        node = node.get("items", {}) if isinstance(part, int) else node.get("properties", {}).get(part, {})
    return node


def _required_here(name: str, path: list) -> bool:
    """Whether the value at ``path`` is a required field of its entry (``value:`` left empty)."""
    return bool(path) and path[-1] in _subschema(name, path[:-1]).get("required", [])


def schema_problems(doc: dict, file: str, name: str = "annotation") -> tuple[list[Problem], set]:
    """Every schema problem of a parsed file, and the places they make unusable.

    Returns:
        The problems in document order, and the set of broken places: ``(section, index)`` for an
        entry, or ``(key,)`` for a top-level key, which the domain checks then leave alone; ``("*",)``
        when the file holds far too many entries to check any further.

    Example:
        >>> ps, broken = schema_problems({"figures": [{"id": "a", "value": [1]}]}, "x.yaml")
        >>> [(p.entry, p.field, p.message) for p in ps][:2]
        [('figures[a]', 'quantity', 'missing required field'), ('figures[a]', 'unit', 'missing required field')]
        >>> [(p.field, p.message) for p in ps if p.field == "value"]
        [('value', 'must be a number, not a list')]
        >>> sorted(broken)
        [('figures', 0)]
    """
    crowded = _too_many(doc, file, name)
    if crowded:  # checking each of a huge number of entries would take long: say so first
        return crowded, {("*",)}
    errors = sorted(validator(name).iter_errors(doc), key=lambda e: _order(doc, list(e.absolute_path)))
    problems, broken, seen = _nan_problems(doc, file), set(), set()
    for p in _nan_paths(doc):
        broken.add(tuple(p[:2]) if len(p) >= 2 and isinstance(p[1], int) else (p[0],))
    for err in errors:
        path = list(err.absolute_path)
        if path:
            broken.add(tuple(path[:2]) if len(path) >= 2 and isinstance(path[1], int) else (path[0],))
        for entry, fld, message, fix in _describe(err, doc, name):
            if (entry, fld, message) not in seen:
                seen.add((entry, fld, message))
                problems.append(Problem(file, entry, fld, message, fix))
    return problems, broken


def _nan_paths(node, path=(), depth: int = 0) -> list[list]:
    """The places of YAML's ``.nan`` (a float that is not a number), which no schema bound catches."""
    if isinstance(node, float) and node != node:
        return [list(path)]
    if depth > 8:
        return []
    items = node.items() if isinstance(node, dict) else enumerate(node) if isinstance(node, list) else ()
    return [p for key, value in items for p in _nan_paths(value, (*path, key), depth + 1)]


def _nan_problems(doc: dict, file: str) -> list[Problem]:
    """A problem for each ``.nan`` in the file: a value must be a finite number.

    Example:
        >>> [(p.entry, p.field, p.message) for p in _nan_problems({"figures": [{"id": "a", "value": float("nan")}]},
        ...                                                           "x.yaml")]
        [('figures[a]', 'value', 'must be a finite number, not .nan')]
    """
    out = []
    for path in _nan_paths(doc):
        entry, fld = _where(doc, path)
        key = str(path[-1]) if path and isinstance(path[-1], str) else "value"
        out.append(Problem(file, entry, fld, "must be a finite number, not .nan",
                           f"write the number the article states, e.g. `{key}: 90`"))
    return out


def _too_many(doc: dict, file: str, name: str) -> list[Problem]:
    """A problem for each top-level list longer than the schema allows (checked before anything else)."""
    props = inlined(name).get("properties", {})
    out = []
    for key, value in doc.items():
        limit = props.get(key, {}).get("maxItems") if isinstance(key, str) else None
        if isinstance(value, list) and limit is not None and len(value) > limit:
            out.append(Problem(file, key, "", f"has {len(value):,} entries; at most {limit:,} are accepted",
                               "one article needs far fewer: is this the right file?"))
    return out


def _order(doc: dict, path: list) -> tuple:
    keys = list(doc)
    top = keys.index(path[0]) if path and path[0] in keys else -1
    rest = tuple((0, p, "") if isinstance(p, int) else (1, 0, str(p)) for p in path[1:])
    return (top, *rest)
