"""Context files (``data/context/*.yaml``): events from outside the article, checked like annotations.

A context file is read as safely as an annotation (a regular file under a size cap, no YAML
aliases), checked against its own schema (``exportrow/schema/context.schema.json``), then each
event's date is resolved. Every problem is reported at once, with file, entry, field and fix.
"""

from __future__ import annotations

from pathlib import Path

from exportrow.annotations.checker import clip
from exportrow.annotations.model import AnnotationError, Problem
from exportrow.annotations.reading import read_yaml
from exportrow.annotations.validation import entry_label, schema_problems
from exportrow.dates import DateOutOfRange, DateResolutionError, resolve_date

__all__ = ["load_context", "is_context_file", "context_date"]

WHAT = "context file"


def context_date(value: str):
    """The resolved date of a context event's ``date`` (``YYYY-MM-DD``, ``YYYY-MM`` or ``YYYY``).

    Example:
        >>> context_date("2018-11").timex
        '2018-11'
    """
    return resolve_date(value, value[:4] + "-01-01")


def is_context_file(path: str | Path) -> bool:
    """Whether ``path`` is a context file: in a folder named ``context``, or naming ``article_sha256:``.

    Example:
        >>> from exportrow import paths
        >>> is_context_file(paths.context_dir() / "dispute-2018-2019.yaml"), is_context_file(paths.default_annotation())
        (True, False)
    """
    path = Path(path)
    if path.parent.name == "context":
        return True
    doc, problems = read_yaml(path, WHAT)
    return not problems and "article_sha256" in doc


def _problems(path: Path, doc: dict) -> list[Problem]:
    problems, broken = schema_problems(doc, str(path), "context")
    if ("*",) in broken:
        return problems
    events = doc.get("events") if ("events",) not in broken else []
    seen: set[str] = set()
    for k, e in enumerate(events or []):
        if ("events", k) in broken:
            continue
        label = entry_label(doc, "events", k)
        if e["id"] in seen:
            problems.append(Problem(str(path), label, "id", "duplicate id", "give each event its own id"))
        seen.add(e["id"])
        try:
            context_date(e["date"])
        except DateOutOfRange as exc:
            problems.append(Problem(str(path), label, "date", f"date out of range: {clip(exc)}",
                                    "leave this event out of the context file: the tables cannot hold its date"))
        except (DateResolutionError, ValueError, OverflowError) as exc:
            problems.append(Problem(str(path), label, "date", f"not a date: {clip(exc)}",
                                    "write the date as the source gives it: YYYY-MM-DD, YYYY-MM or YYYY"))
    return problems


def load_context(path: str | Path) -> dict:
    """Read and check one context file; the document (``article_sha256``, ``events``).

    Raises:
        AnnotationError: Every problem of the file (its ``what`` is ``"context file"``).

    Example:
        >>> from exportrow import paths
        >>> doc = load_context(paths.context_dir() / "dispute-2018-2019.yaml")
        >>> doc["events"][0]["id"], doc["events"][0]["date"]
        ('ctx_court_ruling', '2018-10-30')
    """
    path = Path(path)
    doc, problems = read_yaml(path, WHAT, template="data/context/dispute-2018-2019.yaml")
    if not problems:
        problems = _problems(path, doc)
    if problems:
        raise AnnotationError(problems, what=WHAT)
    return doc
