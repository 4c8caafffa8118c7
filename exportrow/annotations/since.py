"""A figure's period that starts at an event: ``period_since: <event id>``.

"It had lost 2.3 million euros in fares since the strike began on October 6": the period runs from the strike's
start to the publication day, but the article never writes "since October 6" as one piece, so ``period:`` (words
inside the quote that date the figure by themselves) cannot hold it. ``period_since: strike_began`` names the event
whose date starts the period; the event's date words must stand inside the figure's quote, so the period stays
traced to the article's words. The period is then read as "since <the event's date>" would be: from the start of
the event's date to the publication day (``mod = ON_OR_AFTER``), with precision ``day`` whatever the event's (its end
is a day, so the period is no run of whole months or years).
"""

from __future__ import annotations

import datetime as dt

from exportrow.annotations.checker import shown
from exportrow.annotations.model import Annotation
from exportrow.dates import ResolvedDate, _duration

__all__ = ["settle_period_since"]


def settle_period_since(chk, ann: Annotation) -> None:
    """Date each figure with ``period_since:`` from its event (after the events are checked), or add a problem.

    Example:
        >>> from exportrow.annotations.sections import _demo
        >>> from exportrow.dates import resolve_date
        >>> from exportrow.article import Span
        >>> chk, ann, ids = _demo(figures=[{"id": "lost", "period_since": "began"}], events=[{"id": "began"}])
        >>> ann.figures[0]["span"] = Span(0, 20, "x" * 20)
        >>> ann.events[0].update(date=resolve_date("2019-07-01", "2019-07-12"), expression_span=Span(5, 9, "July"))
        >>> settle_period_since(chk, ann); d = ann.figures[0]["date"]
        >>> str(d.start), str(d.end), d.timex, d.mod, chk.problems
        ('2019-07-01', '2019-07-13', '2019-07-01/2019-07-12', 'ON_OR_AFTER', [])
        >>> ann.events[0]["date"] = resolve_date("2018", "2019-07-12"); settle_period_since(chk, ann)
        >>> d = ann.figures[0]["date"]; str(d.start), d.precision, d.timex
        ('2018-01-01', 'day', '2018/2019-07-12')
        >>> ann.figures[0]["period_since"] = "ended"; settle_period_since(chk, ann); chk.problems[0].message
        "'ended' is not the id of an event of this annotation (events: began)"
    """
    events = {e.get("id"): e for e in ann.events or [] if isinstance(e, dict)}
    pub = chk.article.published_date
    for f in ann.figures or []:
        ref = f.get("period_since")
        if ref is None:
            continue
        label = f.get("_label", f"figures[{f.get('id')}]")
        if f.get("period") is not None:
            chk.add(label, "period_since", "the figure has both `period:` and `period_since:`, which date it twice",
                    "keep `period:` when the quoted words date the figure by themselves, or `period_since:` when its "
                    "period starts at an event; delete the other")
            continue
        event = events.get(ref)
        if event is None:
            names = ", ".join(str(i) for i in events if i is not None)
            chk.add(label, "period_since", f"{shown(ref, 40)} is not the id of an event of this annotation "
                    f"({'events: ' + names if names else 'it has no events'})",
                    "name the event that starts the period, and record it under `events:` with its `expression:` "
                    "(the words that date it)")
            continue
        when, words, quote = event.get("date"), event.get("expression_span"), f.get("span")
        if when is None or words is None or quote is None or pub is None:
            continue  # the event's or the figure's own problem is reported where it is
        if not (quote.start <= words.start and words.end <= quote.end):
            chk.add(label, "period_since", f"the words that date event {shown(ref, 40)} ({shown(words.text, 40)}) "
                    "are not inside this figure's quote, so its period would not be traced to its own words",
                    "extend the figure's quote to the words that date the event, e.g. \"... since the strike began "
                    "on October 6\"")
            continue
        if when.start > pub:
            chk.add(label, "period_since", f"event {shown(ref, 40)} starts after publication ({when.timex}), so no "
                    "period can run from it to the publication day", "name an event that happened before publication")
            continue
        end = pub + dt.timedelta(days=1)
        # precision "day": the period ends on the publication day, so it is no run of whole years or months even
        # when the event is dated by a year ("since the 2019 strike"); the rule keeps the event's own timex
        f["date"] = ResolvedDate(when.start, end, "day", f"{when.timex}/{pub.isoformat()}",
                                 f"'period_since: {ref}': from the start of the event's date, {when.timex} "
                                 f"({when.rule}), to the publication day", "ON_OR_AFTER", _duration(when.start, end))
