"""The declared structure of annotation and context files (JSON Schemas shipped in the package).

The schemas live in ``exportrow/schema/`` and are the one declaration of each file's structure:
types, required fields, allowed values and id formats. The vocabularies (``ACTIONS``, ``FRAMES``,
...) are read from them, so the schema, the checks and the table categories never drift apart.
To add a field, add it to the schema file; the check and the editors' completion follow.
"""

from __future__ import annotations

import functools
import json
from pathlib import Path

__all__ = ["SCHEMA_DIR", "SCHEMAS", "schema", "schema_dict", "inlined", "schema_path", "schema_text", "validator",
           "vocabulary"]

SCHEMA_DIR = Path(__file__).resolve().parent.parent / "schema"
#: The shipped schemas, by name: ``annotation`` and ``context``.
SCHEMAS = ("annotation", "context")


def schema_path(name: str = "annotation") -> Path:
    """The file of a shipped schema.

    Example:
        >>> schema_path("context").name
        'context.schema.json'
    """
    if name not in SCHEMAS:
        raise ValueError(f"no schema named {name!r}; there are: {', '.join(SCHEMAS)}")
    return SCHEMA_DIR / f"{name}.schema.json"


def schema_text(name: str = "annotation") -> str:
    """The schema as shipped (JSON text), for ``exportrow schema``.

    Example:
        >>> schema_text().startswith("{")
        True
    """
    return schema_path(name).read_text(encoding="utf-8")


@functools.cache
def schema_dict(name: str = "annotation") -> dict:
    """The schema as a dict shared by every caller (read only; :func:`schema` gives a copy).

    Example:
        >>> schema_dict() is schema_dict()
        True
    """
    return json.loads(schema_text(name))


def schema(name: str = "annotation") -> dict:
    """The schema as a fresh dict (safe to change).

    Example:
        >>> schema()["$defs"]["tense"]["enum"]
        ['past', 'present', 'future']
    """
    return json.loads(schema_text(name))


def vocabulary(name: str) -> tuple:
    """The allowed values of one of the annotation schema's closed vocabularies (``$defs/<name>``).

    Example:
        >>> vocabulary("attribution")
        ('direct_quote', 'indirect', 'anonymous_source', 'unattributed')
    """
    return tuple(schema_dict("annotation")["$defs"][name]["enum"])


def _import_jsonschema():
    """Import jsonschema without its optional IRI format checker, whose grammar takes seconds to build.

    The shipped schemas use no ``format`` keyword, so nothing is lost; the block is lifted at once,
    so any later ``import rfc3987_syntax`` works as usual.
    """
    import sys

    block = "rfc3987_syntax" not in sys.modules
    if block:
        sys.modules["rfc3987_syntax"] = None  # makes its import raise ImportError, which jsonschema skips
    try:
        import jsonschema
    finally:
        if block and sys.modules.get("rfc3987_syntax", 0) is None:
            del sys.modules["rfc3987_syntax"]
    return jsonschema


def _resolve(name: str, node: dict) -> dict:
    """``node`` with its ``$ref`` (local, or into another shipped schema) replaced by the target."""
    for _ in range(10):
        ref = node.get("$ref")
        if not ref:
            break
        file, _, pointer = ref.partition("#")
        target = schema_dict(file.removesuffix(".schema.json") if file else name)
        for part in [p for p in pointer.split("/") if p]:
            target = target[part]
        node = {**target, **{k: v for k, v in node.items() if k != "$ref"}}
    return node


_VALUES = ("enum", "const", "examples", "required", "enumDescriptions", "default")


def _inline(name: str, node):
    if isinstance(node, list):
        return [_inline(name, x) for x in node]
    if not isinstance(node, dict):
        return node
    node = _resolve(name, node)
    return {k: v if k in _VALUES else _inline(name, v) for k, v in node.items() if k != "$defs"}


@functools.cache
def inlined(name: str = "annotation") -> dict:
    """The schema with every ``$ref`` replaced by what it names (the schemas hold no cycles).

    Validation is then three times faster, and each error carries the full rule it broke, with the
    rule's description and examples for the message.

    Example:
        >>> inlined()["properties"]["figures"]["items"]["properties"]["value"]["type"]
        'number'
    """
    return _inline(name, schema_dict(name))


@functools.cache
def validator(name: str = "annotation"):
    """A ``jsonschema`` validator for a shipped schema (its references inlined, see :func:`inlined`).

    Imported lazily: ``import exportrow`` does not load jsonschema.

    Example:
        >>> validator().is_valid({"exportrow": 1})
        True
        >>> validator().is_valid({"exportrow": 2})
        False
    """
    jsonschema = _import_jsonschema()
    cls = jsonschema.validators.validator_for(schema_dict(name))
    return cls(inlined(name))
