"""The claim timeline: choose events, explain how their dates were resolved, cross-check dates.

DataFrame in, DataFrame out, so the steps chain with ``.pipe``::

    events(article, context=True).pipe(select_events, sides=["seoul", "tokyo"]).pipe(explain_dates)
"""

from __future__ import annotations

import re

import pandas as pd

from exportrow.dates import same_happening
from exportrow.escape import markdown_code, markdown_text

__all__ = ["select_events", "selection_note", "explain_dates", "date_agreement", "weeks_before", "dated", "undated",
           "undated_note", "exercise_event", "exercise_event_row", "agreement_note", "timeline_note", "close_up_adds",
           "chosen_events", "chosen_note", "beyond_window"]

_WEEKDAY = re.compile(r"\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b", re.I)
_RELATIVE = re.compile(r"\b(?:yesterday|today|tomorrow|tonight|last|this|next|ago|earlier|later|past|coming)\b", re.I)
_MONTH = (r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|"
          r"oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?")
#: A month, or a month and day, without a year ("July 4", "4 July", "in July"): resolved by tense from the
#: publication date, so relative.
_DAY = r"\d{1,2}(?:st|nd|rd|th)?"
_MONTH_DAY = re.compile(rf"\b(?:{_MONTH}(?:\s+{_DAY})?|{_DAY}\s+(?:of\s+)?{_MONTH})(?![\w.]|,?\s*\d)", re.I)


def select_events(events_table: pd.DataFrame, *, window: list[str] | tuple | None = None,
                  sides: list[str] | None = None, actors: list[str] | None = None,
                  context: bool = True, annotation=None) -> pd.DataFrame:
    """Keep the events that overlap ``window`` and belong to ``sides`` / ``actors``; sort by date.

    A side or actor with no event (or none in the window) leaves an empty selection, never an error:
    :func:`selection_note` says why. A side or actor that is not the annotation's is refused.

    Args:
        events_table: The output of :func:`exportrow.events`.
        window: ``[start, end]`` ISO dates (end exclusive); events overlapping it are kept.
            Empty or None keeps every date.
        sides: Sides to keep (empty or None: all). The publication event is always kept.
        actors: Actor ids to keep (empty or None: all).
        context: Keep context events (``source = context``) when the table has them.
        annotation: The annotation the events come from, whose sides and actors are accepted (None: the
            sides the table's ``side`` column knows, the actors of any of its events).

    Raises:
        SideError, ActorError: A side or actor the annotation (or the table) does not know; the message lists
            those it knows.

    Example:
        >>> from exportrow import events
        >>> t = events().pipe(select_events, window=["2019-07-01", "2019-07-13"], sides=["seoul"])
        >>> t.event_id.tolist()
        ['kang_pompeo_call', 'kim_to_washington', 'publication']
        >>> events().pipe(select_events, window=["2019-07-01", "2019-07-13"], sides=["washington"]).event_id.tolist()
        ['publication']
    """
    from exportrow.sides import ActorError, SideError, check_actors, check_sides

    t = events_table
    if annotation is not None:
        check_sides(annotation, sides or [])
        check_actors(annotation, actors or [])
    else:  # known to the whole table, not only to the events left in the window
        side = t.side
        known_sides = [str(x) for x in (side.cat.categories if hasattr(side, "cat") else side.dropna().unique())]
        for kind, wanted, known, error in (("side", sides, known_sides, SideError),
                                           ("actor", actors, sorted(set(t.actor.dropna())), ActorError)):
            unknown = [x for x in dict.fromkeys(wanted or []) if x not in known]
            if unknown:
                raise error(f"unknown {kind}(s) {', '.join(map(repr, unknown))}; the events have: {', '.join(known)}")
    if window is not None and len(window):
        from exportrow.parameters import check_window

        start, end = (pd.Timestamp(w) for w in check_window("date_window", window))
        t = t[(t.date_end > start) & (t.date_start < end)]
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


def selection_note(shown: pd.DataFrame, *, window: list[str] | tuple | None = None,
                   sides: list[str] | None = None, actors: list[str] | None = None, annotation=None) -> str:
    """One sentence naming each chosen side or actor that has no event in the selection (``""`` when all have).

    Example:
        >>> from exportrow import events
        >>> t = events().pipe(select_events, window=["2019-07-01", "2019-07-13"], sides=["washington", "seoul"])
        >>> selection_note(t, window=["2019-07-01", "2019-07-13"], sides=["washington", "seoul"])
        'Washington has no event between 1 and 12 Jul 2019.'
        >>> selection_note(t.head(0), sides=["washington"])
        'Washington has no event in this annotation; no row is shown.'
    """
    from exportrow.sides import side_words

    names = {}
    if annotation is not None:
        names = {str(a.get("id")): str(a.get("name") or a.get("id")) for a in annotation.actors}
    others = shown[shown.event_id != "publication"] if "event_id" in shown else shown
    named = getattr(annotation, "sides", None)  # the names sides give (`name:`)
    missing = [side_words(s, named) for s in dict.fromkeys(sides or []) if not (others.side == s).any()]
    missing += [f"{names.get(a, a)} ({a})" if a in names else a for a in dict.fromkeys(actors or [])
                if not (others.actor == a).any()]
    if not missing:
        return ""
    who = missing[0] if len(missing) == 1 else ", ".join(missing[:-1]) + " and " + missing[-1]
    has = "has" if len(missing) == 1 else "have"
    when = f"between {_days_between(window)}" if window is not None and len(window) else "in this annotation"
    rest = ("" if len(others) else "; the publication row is shown" if len(shown) else "; no row is shown")
    return f"{markdown_text(who)} {has} no event {when}{rest}."


def chosen_events(recorded: pd.DataFrame, *, window: list[str] | tuple | None = None, sides: list[str] | None = None,
                  actors: list[str] | None = None, annotation=None) -> tuple[int, str] | None:
    """For a ``sides`` or ``actors`` filter: how many events the article dates (in ``window``), and the filter in
    words, for the timeline's title (:func:`exportrow.plots.timeline`'s ``chosen``); None without a filter.

    ``recorded`` is every event (:func:`exportrow.events`), before the filter.

    Example:
        >>> from exportrow import events
        >>> chosen_events(events(), sides=["tokyo", "other"])
        (12, "Tokyo's or Other's (sides parameter)")
        >>> chosen_events(events(), sides=["seoul"], actors=["kang"], window=["2019-07-01", "2019-07-13"])
        (5, "Seoul's, by kang (sides and actors parameters)")
        >>> from exportrow import load_annotation
        >>> chosen_events(events(), actors=["kang", "pompeo"], annotation=load_annotation())[1]
        'by Kang Kyung-wha or Mike Pompeo (actors parameter)'
        >>> chosen_events(events()) is None
        True
    """
    from exportrow.sides import possessive, side_words

    if not sides and not actors:
        return None
    base = dated(_reported(select_events(recorded, window=window, context=False)))
    names = {str(a.get("id")): str(a.get("name") or a.get("id")) for a in getattr(annotation, "actors", [])}
    named = getattr(annotation, "sides", None)
    parts = []
    if sides:
        parts.append(" or ".join(possessive("the outlet" if s == "outlet" else side_words(s, named))
                                 for s in dict.fromkeys(sides)))
    if actors:
        parts.append("by " + " or ".join(names.get(a, a).split(", ")[0] for a in dict.fromkeys(actors)))
    which = "sides and actors parameters" if sides and actors else "sides parameter" if sides else "actors parameter"
    return len(base), f"{', '.join(parts)} ({which})"


def chosen_note(recorded: pd.DataFrame, shown: pd.DataFrame, *, window: list[str] | tuple | None = None,
                sides: list[str] | None = None, actors: list[str] | None = None, annotation=None) -> str:
    """One sentence above notebook 02's table when ``sides`` or ``actors`` leaves events out (``""`` without a
    filter), in Markdown.

    Example:
        >>> from exportrow import events
        >>> shown = events().pipe(select_events, sides=["tokyo", "other"])
        >>> print(chosen_note(events(), shown, sides=["tokyo", "other"]))
        Of the 12 events the article dates, 5 are Tokyo's or Other's (sides parameter): only those are shown.
    """
    chosen = chosen_events(recorded, window=window, sides=sides, actors=actors, annotation=annotation)
    if chosen is None:
        return ""
    n = len(dated(_reported(shown)))
    if not n:
        return f"Of the {chosen[0]} events the article dates, none is {markdown_text(chosen[1])}."
    return (f"Of the {chosen[0]} events the article dates, {n} {'is' if n == 1 else 'are'} "
            f"{markdown_text(chosen[1])}: only {'that one is' if n == 1 else 'those are'} shown.")


def _days_between(window) -> str:
    """A window's first and last day (its end is exclusive): '1 and 12 Jul 2019', '4 Sep and 10 Oct 2023'."""
    a, b = pd.Timestamp(window[0]), pd.Timestamp(window[1]) - pd.Timedelta(days=1)
    if a.year != b.year:
        first = f"{a.day} {a:%b %Y}"
    else:
        first = f"{a.day}" if a.month == b.month else f"{a.day} {a:%b}"
    return f"{first} and {b.day} {b:%b %Y}"


def explain_dates(events_table: pd.DataFrame, published=None) -> pd.DataFrame:
    """How each dated event's date was worked out: expression, publication date, rule, result (an undated event,
    :func:`undated`, has none).

    Example:
        >>> from exportrow import events
        >>> row = events().pipe(explain_dates).set_index("event_id").loc["kang_pompeo_call"]
        >>> row.expression, row.published, row.result
        ('Wednesday', '2019-07-12', '2019-07-10 (day)')
    """
    t = dated(events_table)
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
        if r.same_as == eid:  # an event is not a second report of itself (check refuses it)
            continue
        o = t.loc[r.same_as]
        if pd.isna(r.date_start) or pd.isna(o.date_start):  # an undated event: no dates to compare
            agree = None
        else:
            agree = bool(same_happening(r.date_start, r.date_end, o.date_start, o.date_end))
        rows.append({"event": eid, "expression": r.expression, "timex": r.timex,
                     "other": r.same_as, "other_expression": o.expression, "other_timex": o.timex, "agree": agree})
    cols = ["event", "expression", "timex", "other", "other_expression", "other_timex", "agree"]
    return pd.DataFrame(rows, columns=cols).astype({"agree": "boolean"})


def dated(events_table: pd.DataFrame) -> pd.DataFrame:
    """The events that have a date (the article's words resolved, or a context source's date).

    Example:
        >>> from exportrow import events
        >>> len(dated(events())), len(events())
        (13, 14)
    """
    return events_table[events_table.date_start.notna()].reset_index(drop=True)


def undated(events_table: pd.DataFrame) -> pd.DataFrame:
    """The events the article reports without dating them (no ``expression`` in the annotation).

    Example:
        >>> from exportrow import events
        >>> undated(events()).event_id.tolist()  # "last week" in its sentence dates another verb, "implemented"
        ['curbs_cite_breach']
    """
    return events_table[events_table.date_start.isna()].reset_index(drop=True)


def _reported(events_table: pd.DataFrame) -> pd.DataFrame:
    """The events the article reports: its own rows, without the publication."""
    return events_table[(events_table.source == "article") & (events_table.event_id != "publication")]


def undated_note(events_table: pd.DataFrame, recorded: pd.DataFrame | None = None) -> str:
    """One sentence on the events the article does not date, for notebook 02.

    ``events_table`` is the events shown; ``recorded`` (optional) every event the annotation records, so that an
    empty view is blamed on the selection, not on the article.

    Example:
        >>> from exportrow import events
        >>> print(undated_note(events()))
        The article reports 1 event without dating it: it is listed here, apart, and no chart places it in time.
        >>> print(undated_note(dated(events())))
        The article dates every event the annotation records.
        >>> print(undated_note(events().head(0)))
        The annotation records no event in this article, only its publication: there is nothing to date.
        >>> print(undated_note(events().head(0), events()))
        No event from the article matches the chosen dates, sides and actors, so none is listed here.
    """
    if _reported(events_table).empty:
        if recorded is not None and len(_reported(recorded)):
            return "No event from the article matches the chosen dates, sides and actors, so none is listed here."
        return "The annotation records no event in this article, only its publication: there is nothing to date."
    n = len(undated(events_table))
    if not n:
        return "The article dates every event the annotation records."
    return (f"The article reports {n} event{'s' * (n != 1)} without dating {'them' if n != 1 else 'it'}: "
            f"{'they are' if n != 1 else 'it is'} listed here, apart, and no chart places "
            f"{'them' if n != 1 else 'it'} in time.")


def _published(events_table: pd.DataFrame):
    pub = events_table.loc[events_table.event_id == "publication", "date_start"]
    return pub.iloc[0] if len(pub) else None


def exercise_event_row(events_table: pd.DataFrame) -> pd.Series | None:
    """The row of the event notebook 02's exercise (and its printed worksheet) works on, or None.

    A past-tense weekday first, then any weekday, then other words that depend on the publication date ("last
    week", "this January", a month or a month and day without a year such as "July 4": it follows the tense rule).

    Example:
        >>> from exportrow import events
        >>> exercise_event_row(events()).event_id, exercise_event_row(events().head(0))
        ('kang_pompeo_call', None)
        >>> exercise_event_row(events()[events().event_id.isin(["cases_caught_2015", "curbs_take_effect"])]).expression
        'July 4'
        >>> [bool(_MONTH_DAY.search(w)) for w in ["July 4", "on 4 July", "in July", "June 1, 2024", "4 July 2019",
        ...                                       "December 2017", "2016"]]
        [True, True, True, False, False, False, False]
    """
    t = events_table[(events_table.source == "article") & (events_table.event_id != "publication")
                     & events_table.expression.notna()]
    weekday = t[t.expression.str.contains(_WEEKDAY)]
    past = weekday[weekday.tense == "past"]
    relative = t[t.expression.str.contains(_RELATIVE) | t.expression.str.contains(_MONTH_DAY)]
    pick = next((x for x in (past, weekday, relative) if len(x)), None)
    return None if pick is None else pick.iloc[0]


def exercise_event(events_table: pd.DataFrame) -> str:
    """The event notebook 02's exercise works on in this article, named without its resolved date.

    It prefers a past-tense weekday, then any weekday, then other words that depend on the publication date
    ("yesterday", "last month", "July 4"); an article that dates everything with its year gets a sentence saying so.

    Example:
        >>> from exportrow import events
        >>> print(exercise_event(events()))  # doctest: +NORMALIZE_WHITESPACE
        **In this article.** Take `kang_pompeo_call` (Kang and Pompeo discuss the situation by phone), dated
        by the words "Wednesday" (tense: past).
        >>> print(exercise_event(events().head(0)))  # doctest: +NORMALIZE_WHITESPACE
        **In this article.** The annotation records no event, so the article gives nothing to date: for part 1
        resolve words such as "yesterday" yourself, e.g. `exportrow.resolve_date("yesterday", art.published)`,
        and expect part 2 to move nothing.
        >>> print(exercise_event(events()[events().event_id == "cases_caught_2015"]))  # doctest: +NORMALIZE_WHITESPACE
        **In this article.** The annotation dates no event in words that depend on the publication date (a
        weekday, "yesterday", "last month", "March 5"): every date here has its year, so for part 1 resolve such
        words yourself, e.g. `exportrow.resolve_date("yesterday", art.published)`, and expect part 2 to move nothing.
    """
    if _reported(events_table).empty:
        return ("**In this article.** The annotation records no event, so the article gives nothing to date: for "
                "part 1 resolve words such as \"yesterday\" yourself, e.g. "
                "`exportrow.resolve_date(\"yesterday\", art.published)`, and expect part 2 to move nothing.")
    r = exercise_event_row(events_table)
    if r is None:
        return ("**In this article.** The annotation dates no event in words that depend on the publication date "
                "(a weekday, \"yesterday\", \"last month\", \"March 5\"): every date here has its year, so for part 1 "
                "resolve such words yourself, e.g. `exportrow.resolve_date(\"yesterday\", art.published)`, and expect "
                "part 2 to move nothing.")
    tense = f" (tense: {markdown_text(r.tense)})" if pd.notna(r.tense) else ""
    return (f"**In this article.** Take {markdown_code(str(r.event_id))} ({markdown_text(r.description)}), dated by "
            f"the words \"{markdown_text(r.expression)}\"{tense}.")


def agreement_note(agreement_table: pd.DataFrame, *, article=None, annotation_path=None) -> str:
    """One sentence for the same-happening check: none to make, or how many pairs agree.

    With a what-if publication date (``article.what_if``: the parameter ``published``), a pair that disagrees
    only because one phrase moved with that date (it agrees under the article's own date, checked again here
    from ``annotation_path``) is named as the what-if's doing, not as an error in the article.

    Example:
        >>> from exportrow import events, load_article
        >>> print(agreement_note(date_agreement(events())))
        1 pair of events reports the same happening; its dates agree.
        >>> art = load_article(published="2019-07-19")
        >>> print(agreement_note(date_agreement(events(art)), article=art))  # doctest: +NORMALIZE_WHITESPACE
        1 pair of events reports the same happening; its dates do NOT agree as if published 19 Jul 2019 (the
        what-if date, parameter `published`), but they agree under the article's own date: the phrase that
        depends on the publication date moved with the what-if, the other did not. The article is not wrong here.
    """
    if agreement_table.empty:
        return ("The annotation marks no two events as the same happening (`same_as`), so there are no dates to "
                "cross-check.")
    n, ok = len(agreement_table), int(agreement_table.agree.fillna(False).sum())
    unknown = int(agreement_table.agree.isna().sum())
    moved = _moved_by_what_if(agreement_table, article, annotation_path)
    if n == 1:
        if moved:
            return (f"1 pair of events reports the same happening; its dates do NOT agree as if published "
                    f"{article.what_if} (the what-if date, parameter `published`), but they agree under the "
                    "article's own date: the phrase that depends on the publication date moved with the what-if, "
                    "the other did not. The article is not wrong here.")
        what = ("its dates agree" if ok else "one of the two is undated, so nothing can be compared" if unknown
                else "its dates do NOT agree: one of the two phrases, or its resolution, is wrong")
        return f"1 pair of events reports the same happening; {what}."
    text = f"{n} pairs of events report the same happening; {ok} agree{'s' * (ok == 1)}"
    if unknown:
        text += f", {unknown} cannot be compared (an undated event)"
    if moved:
        text += (f", {moved} {'does' if moved == 1 else 'do'} NOT agree as if published {article.what_if} (the "
                 "what-if date, parameter `published`) but agree under the article's own date: a phrase that depends "
                 "on the publication date moved with the what-if, not an error in the article")
    if (bad := n - ok - unknown - moved):
        text += f", and {bad} {'does' if bad == 1 else 'do'} NOT agree: a phrase, or its resolution, is wrong"
    return text + "."


def _moved_by_what_if(agreement_table: pd.DataFrame, article, annotation_path) -> int:
    """How many pairs disagree under a what-if publication date but agree under the article's own (0: no what-if)."""
    if article is None or not getattr(article, "what_if", ""):
        return 0
    from exportrow.tables import events

    own = events(article.own_published, annotation_path).pipe(date_agreement).set_index(["event", "other"]).agree
    bad = agreement_table[agreement_table.agree.eq(False).fillna(False)]
    agreed = [own.get((e, o)) for e, o in zip(bad.event, bad.other)]
    return sum(1 for v in agreed if v is not None and not pd.isna(v) and bool(v))


def beyond_window(art: pd.DataFrame, window) -> str:
    """Which of the events drawn in ``window`` (``[start, end]``, end exclusive) run beyond it, in words; ``""`` when
    none does (or there is no window). The close-up's title and :func:`timeline_note` say it, so neither gives the
    window's events a range the panel does not show.

    Example:
        >>> art = pd.DataFrame({"date_start": pd.to_datetime(["2025-10-07", "2025-10-13", "2017-01-01"]),
        ...                     "date_end": pd.to_datetime(["2025-10-08", "2026-07-02", "2025-10-14"])})
        >>> beyond_window(art.head(2), ["2025-09-29", "2025-10-20"])
        '1 of them a span running on to 1 Jul 2026'
        >>> beyond_window(art, ["2025-09-29", "2025-10-20"])
        '2 of them spans reaching beyond it: one from 1 Jan 2017, one running on to 1 Jul 2026'
        >>> beyond_window(art.head(1), ["2025-09-29", "2025-10-20"]), beyond_window(art, None)
        ('', '')
    """
    if not window or not len(art):
        return ""
    w0, w1 = pd.Timestamp(window[0]), pd.Timestamp(window[1])
    out = art[(art.date_start < w0) | (art.date_end > w1)].sort_values("date_start")
    parts = []
    for r in out.itertuples():
        last = r.date_end - pd.Timedelta(days=1)
        first = f"{r.date_start.day} {r.date_start:%b %Y}"
        if r.date_start < w0 and r.date_end > w1:
            parts.append(f"from {first} to {last.day} {last:%b %Y}")
        elif r.date_start < w0:
            parts.append(f"from {first}")
        else:
            parts.append(f"running on to {last.day} {last:%b %Y}")
    if not parts:
        return ""
    if len(parts) == 1:
        return f"1 of them a span {parts[0]}"
    listed = "; ".join(parts[:3]) if len(parts) > 3 else ", ".join(f"one {p}" for p in parts)
    return f"{len(parts)} of them spans reaching beyond it" + (f": {listed}" if len(parts) <= 3 else "")


def timeline_note(events_table: pd.DataFrame, *, close_up: list[str] | None = None, close_up_weeks: int = 0) -> str:
    """What the timelines leave out, and why, in Markdown: the chart itself when nothing is left to draw.

    Example:
        >>> from exportrow import events
        >>> t = events()
        >>> close = weeks_before("2019-07-12", 2)
        >>> print(timeline_note(t, close_up=close, close_up_weeks=2))  # doctest: +NORMALIZE_WHITESPACE
        The close-up shows the 5 events the article dates between 2019-06-24 and 2019-07-14, and a row for its
        publication.
        >>> print(timeline_note(t.head(0)))  # doctest: +NORMALIZE_WHITESPACE
        **No timeline**: no dated event matches the chosen dates, sides and actors.
        >>> print(timeline_note(t[t.event_id == "publication"], close_up=close, close_up_weeks=2))
        No close-up: the timeline shows no event, only the article's publication, so there is none to show.
    """
    ev = dated(events_table)
    if ev.empty:
        return "**No timeline**: no dated event matches the chosen dates, sides and actors."
    if (ev.event_id == "publication").all():
        return "No close-up: the timeline shows no event, only the article's publication, so there is none to show."
    if not close_up_weeks:
        return "No close-up: `close_up_weeks` is 0."
    near = select_events(ev, window=close_up)
    last = pd.Timestamp(close_up[1]) - pd.Timedelta(days=1)
    if not len(near):
        return (f"No close-up: no event falls between {close_up[0]} and {last:%Y-%m-%d}, the {close_up_weeks} "
                "weeks before publication and its week.")
    if not close_up_adds(ev, close_up):
        if len(near) == len(ev):
            art = near[(near.source == "article") & (near.event_id != "publication")]
            falls = "is dated at least in part" if beyond_window(art, close_up) else "falls"
            return (f"No close-up: every event shown {falls} between {close_up[0]} and {last:%Y-%m-%d}, so the "
                    "timeline above is the close-up.")
        if not _narrower(ev, close_up):
            return (f"No close-up: the {close_up_weeks} weeks before publication and its week ({close_up[0]} to "
                    f"{last:%Y-%m-%d}) are not a close-up of the timeline above, which spans less than twice as "
                    "long: it shows every event at a larger scale already.")
        return (f"No close-up: only one event falls between {close_up[0]} and {last:%Y-%m-%d}, and the timeline "
                "above shows it.")
    # counted as the close-up's title counts them: the article's events, its publication's row, context events
    art = near[(near.source == "article") & (near.event_id != "publication")]
    n_ctx, n_pub = int((near.source == "context").sum()), int((near.event_id == "publication").sum())
    text = (f"The close-up shows the {len(art)} event{'s' * (len(art) != 1)} the article dates between "
            f"{close_up[0]} and {last:%Y-%m-%d}")
    if beyond := beyond_window(art, close_up):
        text += f" ({beyond})"
    if n_ctx:
        text += f", {n_ctx} from outside sources"
    return text + (", and a row for its publication." if n_pub else ".")


def _narrower(events_table: pd.DataFrame, close_up: list[str]) -> bool:
    """Whether the close-up window spans at most half the time the main timeline spans (a real zoom)."""
    ev = dated(events_table)
    whole = ev.date_end.max() - ev.date_start.min()
    return 2 * (pd.Timestamp(close_up[1]) - pd.Timestamp(close_up[0])) <= whole


def close_up_adds(events_table: pd.DataFrame, close_up: list[str]) -> bool:
    """Whether a close-up of ``close_up`` shows something the main timeline does not.

    It must zoom in (its window spans at most half the time of the main timeline, :func:`_narrower`), leave some
    event out (else the main timeline is the close-up) and hold two events or more (one event alone the main
    timeline shows as well).

    Example:
        >>> from exportrow import events
        >>> close_up_adds(events(), weeks_before("2019-07-12", 2)), close_up_adds(events().tail(1), ["2019-07-01",
        ...                                                                                          "2019-07-15"])
        (True, False)
    """
    ev = dated(events_table)
    if ev.empty:
        return False
    near = select_events(ev, window=close_up)
    return 2 <= len(near) < len(ev) and _narrower(ev, close_up)


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
