"""The claim timeline: choose events, explain how their dates were resolved, cross-check dates.

DataFrame in, DataFrame out, so the steps chain with ``.pipe``::

    events(article, context=True).pipe(select_events, sides=["seoul", "tokyo"]).pipe(explain_dates)
"""

from __future__ import annotations

import pandas as pd

__all__ = ["select_events", "explain_dates", "date_agreement", "weeks_before"]


def select_events(events_table: pd.DataFrame, *, window: list[str] | tuple | None = None,
                  sides: list[str] | None = None, actors: list[str] | None = None,
                  context: bool = True) -> pd.DataFrame:
    """Keep the events that overlap ``window`` and belong to ``sides`` / ``actors``; sort by date.

    Args:
        events_table: The output of :func:`exportrow.events`.
        window: ``[start, end]`` ISO dates (end exclusive); events overlapping it are kept.
            Empty or None keeps every date.
        sides: Sides to keep (empty or None: all). The publication event is always kept.
        actors: Actor ids to keep (empty or None: all).
        context: Keep context events (``source = context``) when the table has them.

    Example:
        >>> from exportrow import events
        >>> t = events().pipe(select_events, window=["2019-07-01", "2019-07-13"], sides=["seoul"])
        >>> t.event_id.tolist()
        ['kang_pompeo_call', 'kim_to_washington', 'publication']
    """
    t = events_table
    if window:
        if len(window) != 2:
            raise ValueError(f"window must be [start, end] as ISO dates, not {window!r}")
        start, end = (pd.Timestamp(w) for w in window)
        if end <= start:
            raise ValueError(f"window ends ({end.date()}) before it starts ({start.date()})")
        t = t[(t.date_end > start) & (t.date_start < end)]
    for kind, wanted, known in (("side", sides, t.side.astype("string")), ("actor", actors, t.actor)):
        unknown = sorted(set(wanted or []) - set(known.dropna()))
        if unknown:
            raise ValueError(f"unknown {kind}(s) {', '.join(map(repr, unknown))}; the events have: "
                             f"{', '.join(sorted(set(known.dropna())))}")
    keep_pub = t.event_id == "publication"
    if sides:
        t = t[t.side.isin(list(sides)) | keep_pub]
        keep_pub = t.event_id == "publication"
    if actors:
        t = t[t.actor.isin(list(actors)) | keep_pub]
    if not context:
        t = t[t.source != "context"]
    order = t.assign(_d=t.date_end - t.date_start).sort_values(["date_start", "_d"], kind="stable")
    return order.drop(columns="_d").reset_index(drop=True)


def explain_dates(events_table: pd.DataFrame, published=None) -> pd.DataFrame:
    """How each event's date was worked out: expression, publication date, rule, result.

    Example:
        >>> from exportrow import events
        >>> row = events().pipe(explain_dates).set_index("event_id").loc["kang_pompeo_call"]
        >>> row.expression, row.published, row.result
        ('Wednesday', '2019-07-12', '2019-07-10 (day)')
    """
    t = events_table
    pub = t.loc[t.event_id == "publication", "date_start"]
    pub_date = pd.Timestamp(published) if published is not None else (pub.iloc[0] if len(pub) else pd.NaT)
    last = t.date_end - pd.Timedelta(days=1)
    interval = [f"{s:%Y-%m-%d}" if s == e else f"{s:%Y-%m-%d} to {e:%Y-%m-%d}"
                for s, e in zip(t.date_start, last)]
    return pd.DataFrame({
        "event_id": t.event_id.values,
        "expression": t.expression.values,
        "tense": t.tense.values,
        "published": pd.array([f"{pub_date:%Y-%m-%d}" if s == "article" else "" for s in t.source],
                              dtype="string"),
        "rule": t.rule.values,
        "result": pd.array([f"{x} ({p}{', ' + m if isinstance(m, str) else ''})"
                            for x, p, m in zip(t.timex, t.precision, t.get("mod", [None] * len(t)))], dtype="string"),
        "duration": t.get("duration", pd.Series([None] * len(t), dtype="string")).values,
        "interval": pd.array(interval, dtype="string"),
    })


def date_agreement(events_table: pd.DataFrame) -> pd.DataFrame:
    """Check every pair of events marked ``same_as``: the more precise date must lie inside the vaguer.

    Two expressions for one happening ("implemented last week", "took effect July 4")
    must agree. One row per pair, with ``agree`` computed from the intervals.

    Example:
        >>> from exportrow import events
        >>> t = events().pipe(date_agreement)
        >>> t[["event", "other", "agree"]].values.tolist()
        [['curbs_take_effect', 'curbs_implemented', True]]
    """
    t = events_table.set_index("event_id")
    rows = []
    for eid, r in t[t.same_as.notna()].iterrows():
        o = t.loc[r.same_as]
        inner, outer = (r, o) if (r.date_end - r.date_start) <= (o.date_end - o.date_start) else (o, r)
        rows.append({"event": eid, "expression": r.expression, "timex": r.timex,
                     "other": r.same_as, "other_expression": o.expression, "other_timex": o.timex,
                     "agree": bool(outer.date_start <= inner.date_start and inner.date_end <= outer.date_end)})
    cols = ["event", "expression", "timex", "other", "other_expression", "other_timex", "agree"]
    return pd.DataFrame(rows, columns=cols).astype({"agree": "boolean"})


def weeks_before(published, weeks: int) -> list[str]:
    """A close-up window: from the Monday ``weeks`` ISO weeks before publication to the end of its week.

    Example:
        >>> weeks_before("2019-07-12", 2)
        ['2019-06-24', '2019-07-15']
    """
    day = pd.Timestamp(published).tz_localize(None).normalize() if pd.Timestamp(published).tzinfo else \
        pd.Timestamp(published).normalize()
    monday = day - pd.Timedelta(days=day.weekday())
    return [f"{monday - pd.Timedelta(weeks=weeks):%Y-%m-%d}", f"{monday + pd.Timedelta(weeks=1):%Y-%m-%d}"]
