"""What a check produces: problems, the error that lists them, and the checked annotation."""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from pathlib import Path

from exportrow.annotations.vocab import ALWAYS_SIDES
from exportrow.article import Article
from exportrow.errors import ExportrowError
from exportrow.numbers import find_numbers

__all__ = ["Problem", "AnnotationError", "Annotation", "MAX_LISTED"]

#: At most this many problems are printed; the rest are counted.
MAX_LISTED = 100


@dataclass(frozen=True)
class Problem:
    """One thing wrong in an annotation (or context) file: where, what, and the nearest fix.

    Example:
        >>> print(Problem("a.yaml", "figures[x]", "value", "missing required field", "add `value:`"))
        a.yaml: figures[x].value: missing required field
            fix: add `value:`
    """

    file: str
    entry: str
    field: str
    message: str
    fix: str

    def __str__(self) -> str:
        where = f"{self.file}: {self.entry}" + (f".{self.field}" if self.field else "")
        return f"{where}: {self.message}" + (f"\n    fix: {self.fix}" if self.fix else "")


class AnnotationError(ExportrowError, ValueError):
    """An annotation (or context) file has problems; ``.problems`` lists every one of them.

    Example:
        >>> err = AnnotationError([Problem("a.yaml", "file", "", "the file is empty", "")])
        >>> str(err).splitlines()[0], len(err.problems)
        ('1 problem in the annotation file:', 1)
    """

    def __init__(self, problems: list[Problem], what: str = "annotation file"):
        self.problems = list(problems)
        self.what = what
        n = len(self.problems)
        head = f"{n} problem{'s' if n != 1 else ''} in the {what}:"
        lines = [head, *(f"  - {p}" for p in _lists_once(self.problems[:MAX_LISTED]))]
        if n > MAX_LISTED:
            lines.append(f"  ... and {n - MAX_LISTED} more; fix these first")
        super().__init__("\n".join(lines))


#: A fix that ends with a list of allowed values ("one of: A, B, C", "allowed: a, b"), possibly in brackets.
_ALLOWED = re.compile(r"\b(?:one of|allowed): ([^()]+)$|\((?:one of|allowed): ([^()]+)\)$")
#: Lists longer than this are printed once; later problems with the same list point back to it.
_LONG_LIST = 40
#: A fix longer than this, given for several entries in the same words, is printed in full once.
_LONG_FIX = 80


def _kind_of(message: str) -> str:
    """A problem's message without the values it quotes (in quotation marks) or counts: problems of one kind share it.

    Example:
        >>> _kind_of("cannot resolve 'FY2023': a fiscal year") == _kind_of("cannot resolve 'FY24': a fiscal year")
        True
        >>> _kind_of("cannot resolve 'a year earlier': it is dated by another date") == _kind_of(
        ...     "cannot resolve 'FY2023': a fiscal year")
        False
    """
    return re.sub(r"'[^']*'|\"[^\"]*\"|\d+", "…", message)


def _lists_once(problems: list[Problem]) -> list[Problem]:
    """The problems with each long list of allowed values printed once: later fixes that end with the same list
    say "see the allowed values above" instead; a long fix given in the same words again points to the first.

    Example:
        >>> fix = "one of: AGREE, CONSULT, SUPPORT, CONCEDE, COOPERATE, AID, RETREAT, OTHER"
        >>> ps = [Problem("a", f"events[e{i}]", "action", "unknown value 'TODO'", fix) for i in (1, 2)]
        >>> ps.append(Problem("a", "events[e3]", "action", "unknown value 'AGRE'", f"did you mean 'AGREE'? ({fix})"))
        >>> [p.fix for p in _lists_once(ps)][1:]
        ['see the allowed values above', "did you mean 'AGREE'? (see the allowed values above)"]
        >>> _lists_once(ps)[0].fix == fix
        True
        >>> long = "replace it: What is counted, as a short name; write e.g. `quantity: bridge_crossings`"
        >>> [p.fix for p in _lists_once([Problem("a", f"figures[f{i}]", "quantity", "x", long) for i in (1, 2)])][1]
        'the same as for figures[f1].quantity above'
    """
    seen: set[str] = set()
    first: dict[tuple, str] = {}  # a long fix and its problem's kind -> where it was printed first
    out = []
    for p in problems:
        where = f"{p.entry}.{p.field}" if p.field else p.entry
        key = (p.fix, _kind_of(p.message))  # never "the same" fix for another kind of problem
        if len(p.fix) > _LONG_FIX and first.setdefault(key, where) != where:
            out.append(replace(p, fix=f"the same as for {first[key]} above"))
            continue
        m = _ALLOWED.search(p.fix)
        listed = m and (m.group(1) or m.group(2))
        if listed and len(listed) > _LONG_LIST:
            if listed in seen:
                short = "see the allowed values above"
                p = replace(p, fix=p.fix[:m.start()] + (f"({short})" if m.group(2) else short))
            seen.add(listed)
        out.append(p)
    return out


class Sides(tuple):
    """An annotation's side ids in order, with the ``names`` that some sides give (``sides: [{id: us, name: United
    States}]``): charts and prose show a side by its name, tables and files by its id.

    Example:
        >>> s = Sides(["us", "outlet"], {"us": "United States"})
        >>> s == ("us", "outlet"), s.names, Sides(("a",)).names
        (True, {'us': 'United States'}, {})
        >>> import pickle; pickle.loads(pickle.dumps(s)).names
        {'us': 'United States'}
    """

    names: dict
    #: The names as the file writes them (``check`` warns about invisible characters there), by side id.
    written: dict

    def __new__(cls, ids=(), names=None, written=None):
        obj = super().__new__(cls, ids)
        obj.names = dict(names or {})
        obj.written = dict(written or {})
        return obj

    def __reduce__(self):
        return (Sides, (tuple(self), self.names, self.written))


@dataclass
class Annotation:
    """A checked annotation: its entries with their spans and resolved dates.

    Each entry is the YAML mapping plus ``span`` (:class:`~exportrow.article.Span`); figures
    and events also get ``value_span`` / ``date`` (:class:`~exportrow.dates.ResolvedDate`).
    :func:`~exportrow.annotations.load_annotation` hands out a fresh copy on every call.
    """

    path: Path
    article: Article
    actors: list[dict] = field(default_factory=list)
    figures: list[dict] = field(default_factory=list)
    claims: list[dict] = field(default_factory=list)
    events: list[dict] = field(default_factory=list)
    ignored_numbers: list[dict] = field(default_factory=list)
    statements: list[dict] = field(default_factory=list)
    sides: tuple = ALWAYS_SIDES
    caveats: list[str] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)

    @property
    def side_of(self) -> dict[str, str]:
        """Each actor id's side.

        Example:
            >>> from exportrow.annotations import load_annotation
            >>> load_annotation().side_of["kr_motie"]
            'seoul'
        """
        return {a["id"]: a["side"] for a in self.actors}

    def uncovered_numbers(self) -> list[tuple[int, int, str]]:
        """Numbers in the body that are neither a figure's value nor a date nor ignored.

        A number counts as covered when it is the value of a figure, stands inside the
        dating words of a figure or an event (it is then a date, not a quantity), or stands
        inside an ``ignored_numbers`` quote.

        Example:
            >>> from exportrow.annotations import load_annotation
            >>> load_annotation().uncovered_numbers()
            []
        """
        covered: list[tuple[int, int]] = []
        for f in self.figures:
            covered.append((f["value_span"].start, f["value_span"].end))
            if f.get("period_span"):
                covered.append((f["period_span"].start, f["period_span"].end))
        for e in self.events:
            if e.get("expression_span"):
                covered.append((e["expression_span"].start, e["expression_span"].end))
        covered += [(i["span"].start, i["span"].end) for i in self.ignored_numbers]
        import bisect
        import itertools

        covered.sort()
        starts = [a for a, _ in covered]
        reach = list(itertools.accumulate((b for _, b in covered), max))  # the furthest end so far: one bisect a number
        out = []
        for para in self.article.paragraphs:
            for m in find_numbers(para.text, para.start):
                k = bisect.bisect_right(starts, m.start) - 1
                if k < 0 or reach[k] < m.end:
                    out.append((m.start, m.end, m.text))
        return out
