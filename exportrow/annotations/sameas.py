"""Warn when two events marked as the same happening (``same_as``) are dated so that both cannot be right.

Two phrases for one happening ("implemented last week", "took effect July 4") must agree: the more precise date
lies inside the vaguer one. Notebook 02 makes this check on the resolved dates (:func:`exportrow.timeline.
date_agreement`); ``exportrow check`` makes the same one while the annotator can still fix the entry.
"""

from __future__ import annotations

from exportrow.annotations.model import Annotation, Problem
from exportrow.dates import same_happening

__all__ = ["same_as_warnings"]


def same_as_warnings(ann: Annotation) -> list[Problem]:
    """A warning for each ``same_as`` pair whose resolved dates cannot both be right.

    Example:
        >>> import datetime as dt
        >>> from pathlib import Path
        >>> from exportrow.article import load_article
        >>> from exportrow.dates import ResolvedDate
        >>> day = ResolvedDate(dt.date(2026, 4, 14), dt.date(2026, 4, 15), "day", "2026-04-14", "last Tuesday")
        >>> year = ResolvedDate(dt.date(2025, 1, 1), dt.date(2026, 1, 1), "year", "2025", "a year")
        >>> ann = Annotation(Path("a.yaml"), load_article())
        >>> ann.events = [{"_label": "events[halted]", "id": "halted", "expression": "last Tuesday", "date": day},
        ...               {"_label": "events[again]", "id": "again", "expression": "2025", "date": year,
        ...                "same_as": "halted"}]
        >>> print(same_as_warnings(ann)[0])  # doctest: +NORMALIZE_WHITESPACE
        a.yaml: events[again].same_as: the same happening as events[halted], but dated 2025 ('2025': 1 Jan 2025 to
        31 Dec 2025), which does not contain 2026-04-14 ('last Tuesday': 14 Apr 2026)
            fix: check both dating phrases and their `tense:` (notebook 02's date-resolution table shows how each
            resolved); if they are two different happenings, remove `same_as:`
        >>> ann.events[1]["date"] = ResolvedDate(dt.date(2026, 4, 1), dt.date(2026, 5, 1), "month", "2026-04", "m")
        >>> same_as_warnings(ann)
        []
    """
    by_id = {e.get("id"): e for e in ann.events or []}
    out = []
    for e in ann.events or []:
        other = by_id.get(e.get("same_as"))
        if other is None or e.get("date") is None or other.get("date") is None:
            continue  # an unknown id is an error elsewhere; an undated event has nothing to compare
        a, b = e["date"], other["date"]
        if same_happening(a.start, a.end, b.start, b.end):
            continue
        what = "does not contain" if (a.end - a.start) > (b.end - b.start) else "does not lie inside"
        out.append(Problem(
            str(ann.path), e["_label"], "same_as",
            f"the same happening as {other['_label']}, but dated {a.timex} ({_words(e, a)}), which {what} "
            f"{b.timex} ({_words(other, b)})",
            "check both dating phrases and their `tense:` (notebook 02's date-resolution table shows how each "
            "resolved); if they are two different happenings, remove `same_as:`"))
    return out


def _words(event: dict, date) -> str:
    """'last Tuesday': 14 Apr 2026, or 'in 2025': 1 Jan 2025 to 31 Dec 2025 (the last day, not the day after)."""
    import datetime as dt

    last = date.end - dt.timedelta(days=1)
    span = f"{date.start.day} {date.start:%b %Y}" + ("" if last == date.start else f" to {last.day} {last:%b %Y}")
    return f"{str(event.get('expression'))!r}: {span}"
