"""Tidy tables: one row per actor, figure, claim or event, each traced to its words.

Every function takes the :class:`~exportrow.article.Article` (None means the bundled one)
and, optionally, the annotation file (None means the file paired with the article).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pandas as pd

from exportrow import paths
from exportrow.annotations import (
    ACTIONS,
    ACTOR_KINDS,
    ATTRIBUTIONS,
    BOUNDS,
    FIGURE_KINDS,
    FRAMES,
    QUALIFIER_KINDS,
    SIDES,
    Annotation,
    load_annotation,
)
from exportrow.annotations.context import context_date, load_context
from exportrow.article import Article, load_article
from exportrow.dates import PRECISIONS
from exportrow.numbers import stored_rate
from exportrow.quotation import quote_form

__all__ = ["actors", "figures", "claims", "events", "context_files", "context_events", "all_tables", "annotation",
           "heard_attribution"]

BASES = ("stated", "derived")
SOURCES = ("article", "context")


def annotation(article: Article | str | Path | None = None,
               annotation_file: str | Path | None = None) -> Annotation:
    """The checked annotation of ``article`` (an Article, a path, or None for the bundled one).

    Example:
        >>> annotation().article.outlet
        'Nikkei Asian Review'
    """
    if not isinstance(article, Article):
        article = load_article(article)
    return load_annotation(annotation_file, article)


def _cat(values, categories) -> pd.Categorical:
    return pd.Categorical(values, categories=list(categories))


def _int(values) -> pd.array:
    return pd.array(values, dtype="Int64")


def _str(values) -> pd.array:
    return pd.array([None if v is None else str(v) for v in values], dtype="string")


def _dates(values) -> pd.Series:
    """Dates as ``datetime64[us]``, the unit pandas gives a date of its own: a difference of two nanosecond dates
    stops at 292 years, and "since 1700" in a 2021 article is 321 years long (every date keeps to the years
    :data:`exportrow.dates.TABLE_YEARS`, which nanoseconds could hold too, so no later conversion fails).

    Example:
        >>> t = _dates([dt.date(1700, 1, 1), dt.date(2021, 3, 4), None])
        >>> str(t.dtype), (t[1] - t[0]).days
        ('datetime64[us]', 117305)
    """
    return pd.to_datetime(pd.Series(values, dtype="object")).astype("datetime64[us]")


def _span(entry: dict, key: str = "span"):
    s = entry.get(key)
    return (s.start, s.end, s.text) if s is not None else (None, None, None)


def actors(article: Article | None = None, annotation_file: str | Path | None = None) -> pd.DataFrame:
    """One row per actor: ``actor_id, name, side, kind, quote, start, end``.

    Example:
        >>> t = actors()
        >>> t.set_index("actor_id").loc["kr_motie", ["side", "kind"]].tolist()
        ['seoul', 'ministry']
    """
    ann = annotation(article, annotation_file)
    rows = ann.actors
    spans = [_span(a) for a in rows]
    return pd.DataFrame({
        "actor_id": _str([a["id"] for a in rows]),
        "name": _str([a["name"] for a in rows]),
        "side": _cat([a["side"] for a in rows], ann.sides),
        "kind": _cat([a["kind"] for a in rows], ACTOR_KINDS),
        "quote": _str([s[2] for s in spans]),
        "start": _int([s[0] for s in spans]),
        "end": _int([s[1] for s in spans]),
    })


def _months(start: dt.date | None, end: dt.date | None) -> int | None:
    if start is None or end is None or start.day != 1 or end.day != 1:
        return None
    return (end.year - start.year) * 12 + end.month - start.month


def is_forecast(figure: dict, published) -> bool:
    """Whether a checked figure (an annotation entry with its resolved ``date``) is a forecast: stated in the future
    tense (``tense: future``), or for a period that starts after the publication day (a ``datetime.date``), or for
    one that ends after it with no ``tense:`` to say it counts only the part so far (``exportrow check`` asks for
    that tense; a figure read without the check is never taken for what happened). A forecast says what someone
    expects, not what happened: no remainder is derived from it, and notebook 01 does not chart it among counts of
    what happened.

    Example:
        >>> import datetime as dt
        >>> from exportrow.dates import resolve_date
        >>> pub = dt.date(2024, 3, 15)
        >>> is_forecast({"tense": "future"}, pub), is_forecast({"date": resolve_date("June 2024", pub)}, pub)
        (True, True)
        >>> is_forecast({"date": resolve_date("2023", pub), "tense": "past"}, pub), is_forecast({}, pub)
        (False, False)
        >>> is_forecast({"date": resolve_date("2024", pub)}, pub), is_forecast({"date": resolve_date("2024", pub),
        ...                                                                     "tense": "past"}, pub)
        (True, False)
    """
    from exportrow.figure_tense import ends_after

    d = figure.get("date")
    return figure.get("tense") == "future" or (d is not None and (
        d.start > published or (not figure.get("tense") and ends_after(d, published))))


def _derive(stated: list[dict]) -> list[dict]:
    """Remainders: a total's value minus the parts stated inside its period, for the gap.

    Only counts add up over their periods: a level (``kind: level``: a reservoir level, a price, per cent) is
    never a total of parts, and a remainder of levels would mean nothing, so none is derived from one. Nor is a
    forecast (``forecast``: :func:`is_forecast`) a count of what happened: no remainder is derived from a total or a
    part that is one.

    Example:
        >>> import datetime as dt
        >>> def fig(i, v, a, b, kind=None):
        ...     return {"figure_id": i, "quantity": "q", "unit": "u", "value": v, "start": dt.date(a, 1, 1),
        ...             "end": dt.date(b, 1, 1), "actor": "x", "start_offset": 0, "end_offset": 1, "kind": kind}
        >>> [r["value"] for r in _derive([fig("t", 10, 2020, 2022), fig("p", 4, 2020, 2021)])]
        [6]
        >>> _derive([fig("t", 10, 2020, 2022, "level"), fig("p", 4, 2020, 2021, "level")])
        []
        >>> _derive([{**fig("t", 10, 2020, 2022), "forecast": True}, fig("p", 4, 2020, 2021)])
        []
        >>> since = {**fig("s", 10, 2020, 2022), "start": dt.date(2020, 1, 6)}
        >>> r = _derive([since, {**fig("p", 4, 2020, 2022), "start": dt.date(2021, 3, 10)}])[0]
        >>> str(r["start"]), str(r["end"]), r["precision"]
        ('2020-01-06', '2021-03-10', 'day')
    """
    out = []
    for total in stated:
        if total["start"] is None or _kind(total) == "level" or total.get("forecast"):
            continue
        parts = [f for f in stated if f is not total and f["quantity"] == total["quantity"]
                 and f["unit"] == total["unit"] and f["start"] is not None
                 and total["start"] <= f["start"] and f["end"] <= total["end"]
                 and (f["start"], f["end"]) != (total["start"], total["end"])]
        if not parts or any(_kind(p) == "level" or p.get("forecast") for p in parts):
            continue
        parts.sort(key=lambda f: f["start"])
        gaps, cursor = [], total["start"]
        for p in parts:
            if p["start"] < cursor:  # overlapping parts: no honest remainder
                gaps = []
                break
            if p["start"] > cursor:
                gaps.append((cursor, p["start"]))
            cursor = p["end"]
        if cursor < total["end"]:
            gaps.append((cursor, total["end"]))
        if len(gaps) != 1:
            continue
        start, end = gaps[0]
        qualifier = _remainder_qualifier(total, parts)
        if qualifier == "unbounded":  # e.g. "over 150" minus "at least 40": no number is left to state
            continue
        if total["value"] - sum(p["value"] for p in parts) < 0:  # a negative count: see overfull_totals
            continue
        ids = [total["figure_id"], *(p["figure_id"] for p in parts)]
        yearly = start.month == 1 and end.month == 1 and start.day == end.day == 1
        monthly = start.day == end.day == 1  # else its ends are days (a `period_since:` total, say)
        out.append({
            "figure_id": f"{total['figure_id']}_remainder",
            "quantity": total["quantity"],
            "value": total["value"] - sum(p["value"] for p in parts),
            "unit": total["unit"], "qualifier": qualifier, "kind": "count", "forecast": False,
            "start": start, "end": end,
            "precision": "year" if yearly else "month" if monthly else "day",
            "basis": "derived",
            "formula": " - ".join(ids),
            "inputs": ";".join(ids),
            "input_spans": ";".join(f"{f['start_offset']}:{f['end_offset']}" for f in [total, *parts]),
            "actor": None,  # no one states it: exportrow computes it (its inputs' actors are in inputs_actor)
            "inputs_actor": ";".join(dict.fromkeys(str(f["actor"]) for f in [total, *parts])),
            "quote": None, "start_offset": None, "end_offset": None,
        })
    return out


def _inputs_side(inputs_actor: str | None, side_of: dict) -> str | None:
    """The side of a derived figure's inputs: their actors' one side, ``other`` when they differ; None when stated.

    Example:
        >>> _inputs_side("a;b", {"a": "x", "b": "x"}), _inputs_side("a;b", {"a": "x", "b": "y"}), _inputs_side(None, {})
        ('x', 'other', None)
    """
    if inputs_actor is None:
        return None
    sides = set(side_of.get(a) for a in inputs_actor.split(";"))
    return sides.pop() if len(sides) == 1 else "other"


def overfull_totals(stated: list[dict]) -> list[tuple[dict, list[dict], float]]:
    """Totals whose stated parts (same quantity and unit, inside the total's period, not overlapping) add up to
    more than the total: ``(total, parts, sum of parts)``. No remainder is derived from them (it would be a
    negative count); ``exportrow check`` warns about each. A total given as a lower bound ("over 100") is never
    overfull, and a part given as an upper bound ("up to 60") counts as nothing.

    Example:
        >>> import datetime as dt
        >>> def fig(i, v, a, b, q=None):
        ...     return {"figure_id": i, "quantity": "q", "unit": "u", "value": v, "start": dt.date(a, 1, 1),
        ...             "end": dt.date(b, 1, 1), "qualifier": q}
        >>> [(t["figure_id"], [p["figure_id"] for p in ps], s) for t, ps, s in
        ...  overfull_totals([fig("t", 100, 2015, 2018), fig("a", 60, 2015, 2016), fig("b", 70, 2016, 2017)])]
        [('t', ['a', 'b'], 130)]
        >>> overfull_totals([fig("t", 100, 2015, 2018, "lower_bound"), fig("a", 60, 2015, 2016),
        ...                  fig("b", 70, 2016, 2017)])
        []
        >>> _derive([fig("t", 100, 2015, 2018), fig("a", 60, 2015, 2016), fig("b", 70, 2016, 2017)])
        []
    """
    out = []
    for total in stated:
        if total["start"] is None or _kind(total) == "level" or total.get("qualifier") == "lower_bound":
            continue
        parts = sorted((f for f in stated if f is not total and f["quantity"] == total["quantity"]
                        and f["unit"] == total["unit"] and f["start"] is not None and _kind(f) != "level"
                        and total["start"] <= f["start"] and f["end"] <= total["end"]
                        and (f["start"], f["end"]) != (total["start"], total["end"])), key=lambda f: f["start"])
        if not parts or any(a["end"] > b["start"] for a, b in zip(parts, parts[1:])):
            continue
        least = sum(0 if p.get("qualifier") == "upper_bound" else p["value"] for p in parts)
        if least > total["value"]:
            out.append((total, parts, least))
    return out


def _kind(figure: dict) -> str:
    """A figure's kind (its ``kind:``), ``count`` when the annotation gives none."""
    return figure.get("kind") or "count"


def _remainder_qualifier(total: dict, parts: list[dict]) -> str | None:
    """The qualifier of ``total - sum(parts)``, from its inputs' qualifiers (None: exact).

    The remainder can be larger than its value when the total is a lower bound or a part an upper
    bound, and smaller in the opposite cases; when both can happen it has no value to state
    (``unbounded``). Any approximate input makes it approximate.

    Example:
        >>> _remainder_qualifier({"qualifier": "lower_bound"}, [{}, {}])
        'lower_bound'
        >>> _remainder_qualifier({}, [{"qualifier": "lower_bound"}])
        'upper_bound'
        >>> _remainder_qualifier({"qualifier": "lower_bound"}, [{"qualifier": "lower_bound"}])
        'unbounded'
        >>> _remainder_qualifier({}, [{"qualifier": "approximate"}]), _remainder_qualifier({}, [{}]) is None
        ('approximate', True)
    """
    kinds = [total.get("qualifier"), *(p.get("qualifier") for p in parts)]
    higher = total.get("qualifier") == "lower_bound" or any(p.get("qualifier") == "upper_bound" for p in parts)
    lower = total.get("qualifier") == "upper_bound" or any(p.get("qualifier") == "lower_bound" for p in parts)
    if higher and lower:
        return "unbounded"
    if "approximate" in kinds:
        return "approximate"
    return "lower_bound" if higher else "upper_bound" if lower else None


def figures(article: Article | None = None, annotation_file: str | Path | None = None) -> pd.DataFrame:
    """One row per figure, stated or derived, with its period and a per-month rate.

    Stated figures come from the annotation. Derived figures are computed here: when a
    total's period holds stated parts that leave exactly one gap, the remainder is the
    total minus the parts, for that gap (``basis = derived``, the ``formula`` recorded,
    ``input_spans`` pointing at the inputs' words, and no quote of its own).

    ``kind`` says what the number is (the annotation's ``kind:``): ``count`` (the default) adds up over its
    period, so ``per_month`` is its value divided by the period's months; ``level`` is a value at a time or an
    average or rate over its period (a reservoir level, a price, per cent), so it has no ``per_month`` and no
    remainder is derived from it.

    ``qualifier`` keeps the article's hedge on the number as the kind of bound it sets:
    ``lower_bound`` ("over 150": at least the value), ``upper_bound`` ("nearly 12", "up to 30": at
    most the value) or ``approximate`` ("about 40"); empty when the number is exact. A remainder
    derived from bounded inputs is bounded too (see :func:`_remainder_qualifier`).

    ``forecast`` is true for a figure the article gives as expected, not as what happened (:func:`is_forecast`:
    ``tense: future`` in the annotation, or a period that starts after the publication day); no remainder is
    derived from a forecast. A figure in the past tense whose period runs past the publication day counts only the
    part so far: its period ends at publication (:func:`exportrow.figure_tense.so_far`), never divided by months that
    have not happened; the table keeps the publication day in ``attrs["published"]`` so notes can say so.

    ``actor`` and ``side`` say whom the article attributes a stated figure to; a derived figure is stated by no
    one, so both are empty for it, and ``inputs_actor`` (its inputs' actors, each once) and ``inputs_side`` (their
    side; ``other`` when they are of different sides) say whose figures it is computed from.

    Columns: ``figure_id, quantity, value, qualifier, unit, kind, period_start, period_end`` (exclusive),
    ``precision, months, per_month, basis, formula, inputs, actor, side, inputs_actor, inputs_side, quote, start,
    end, input_spans, forecast``.

    Example:
        >>> t = figures().set_index("figure_id")
        >>> int(t.loc["cases_total", "value"]), t.loc["cases_total", "basis"]
        (156, 'stated')
        >>> r = t.loc["cases_total_remainder"]
        >>> int(r.value), r.basis, str(r.period_start.date()), str(r.period_end.date()), int(r.months)
        (72, 'derived', '2018-01-01', '2019-04-01', 15)
        >>> pd.isna(r.actor), pd.isna(r.side), r.inputs_actor, r.inputs_side
        (True, True, 'kr_motie', 'seoul')
    """
    ann = annotation(article, annotation_file)
    published = ann.article.published.date()
    stated = []
    for f in ann.figures:
        d = f.get("date")
        start, end, text = _span(f)
        stated.append({
            "figure_id": f["id"], "quantity": f["quantity"], "value": f["value"],
            "unit": f["unit"], "qualifier": QUALIFIER_KINDS.get(f.get("qualifier")), "kind": _kind(f),
            "forecast": is_forecast(f, published),
            "start": d.start if d else None, "end": d.end if d else None,
            "precision": d.precision if d else None, "basis": "stated",
            "formula": None, "inputs": None, "input_spans": None, "actor": f["actor"], "inputs_actor": None,
            "quote": text, "start_offset": start, "end_offset": end,
        })
    rows = stated + _derive(stated)
    side = ann.side_of
    months = [_months(r["start"], r["end"]) for r in rows]
    values = [r["value"] for r in rows]
    integral = all(float(v).is_integer() for v in values)
    table = pd.DataFrame({
        "figure_id": _str([r["figure_id"] for r in rows]),
        "quantity": _str([r["quantity"] for r in rows]),
        "value": pd.array([int(v) for v in values] if integral else values,
                          dtype="Int64" if integral else "Float64"),
        "qualifier": _cat([r.get("qualifier") for r in rows], BOUNDS),
        "unit": _str([r["unit"] for r in rows]),
        "kind": _cat([r["kind"] for r in rows], FIGURE_KINDS),
        "period_start": _dates([r["start"] for r in rows]),
        "period_end": _dates([r["end"] for r in rows]),
        "precision": _cat([r["precision"] for r in rows], PRECISIONS),
        "months": _int(months),
        "per_month": pd.array([stored_rate(v / m) if m and r["kind"] == "count" else None
                               for v, m, r in zip(values, months, rows)],
                              dtype="Float64"),
        "basis": _cat([r["basis"] for r in rows], BASES),
        "formula": _str([r["formula"] for r in rows]),
        "inputs": _str([r["inputs"] for r in rows]),
        "actor": _str([r["actor"] for r in rows]),
        "side": _cat([side.get(r["actor"]) for r in rows], ann.sides),
        "inputs_actor": _str([r["inputs_actor"] for r in rows]),
        "inputs_side": _cat([_inputs_side(r["inputs_actor"], side) for r in rows], ann.sides),
        "quote": _str([r["quote"] for r in rows]),
        "start": _int([r["start_offset"] for r in rows]),
        "end": _int([r["end_offset"] for r in rows]),
        "input_spans": _str([r["input_spans"] for r in rows]),
        "forecast": pd.array([bool(r["forecast"]) for r in rows], dtype="boolean"),
    })
    table.attrs["published"] = published.isoformat()  # notes say which periods run to publication (a count so far)
    return table


def heard_attribution(attribution: str, actor_kind: str | None) -> str:
    """The attribution a reader hears, as the claims table shows it: a claim of an actor the article does not name
    (kind ``anonymous_source``) is ``anonymous_source``, even when the annotation codes its words ``direct_quote``
    or ``indirect`` (as the coding guide asks); an ``unattributed`` claim stays so. Otherwise it is the code as the
    annotator gave it, never corrected by the article's quotation marks (the claims table's ``quote_form`` reads
    those). ``exportrow agree`` compares this value too, and the article page shows it.

    Example:
        >>> heard_attribution("direct_quote", "anonymous_source"), heard_attribution("direct_quote", "person")
        ('anonymous_source', 'direct_quote')
        >>> heard_attribution("unattributed", "anonymous_source")
        'unattributed'
    """
    if actor_kind == "anonymous_source" and attribution != "unattributed":
        return "anonymous_source"
    return attribution


def claims(article: Article | None = None, annotation_file: str | Path | None = None) -> pd.DataFrame:
    """One row per claim: who says what, how the article attributes it, and its frames.

    Columns: ``claim_id, actor, side, attribution, quote_form, cue, quote, start, end, words, frame_code,
    frame, frame_secondary_code, frame_secondary, entman, answers``.

    ``attribution`` is the annotator's code, as :func:`heard_attribution` gives it (a claim of an unnamed actor is
    ``anonymous_source``): the same value the article page shows and ``exportrow agree`` compares. ``quote_form``
    is read from the article, not from the annotation (:func:`exportrow.quotation.quote_form`): ``direct_quote``
    when every word of the claim's quote stands inside quotation marks, else ``paraphrase``. The two may disagree
    (a paraphrase coded ``direct_quote``): ``exportrow check`` warns about it, and notebook 03 counts a named
    claimant's direct quotations and paraphrases by ``quote_form`` (:func:`exportrow.framing.summary`).

    Example:
        >>> t = claims().set_index("claim_id")
        >>> t.loc["jp_not_enough", ["side", "attribution", "quote_form", "cue"]].tolist()
        ['tokyo', 'anonymous_source', 'direct_quote', 'said']
        >>> t.loc["kr_no_basis", ["attribution", "quote_form"]].tolist()
        ['indirect', 'paraphrase']
    """
    ann = annotation(article, annotation_file)
    rows = ann.claims
    side = ann.side_of
    kind = {a["id"]: a["kind"] for a in ann.actors}
    spans = [_span(c) for c in rows]
    names = list(FRAMES.values())
    forms = [quote_form(ann.article, s[0], s[1]) for s in spans]
    heard = [heard_attribution(c["attribution"], kind.get(c["actor"])) for c in rows]  # as coded: check warns

    return pd.DataFrame({
        "claim_id": _str([c["id"] for c in rows]),
        "actor": _str([c["actor"] for c in rows]),
        "side": _cat([side[c["actor"]] for c in rows], ann.sides),
        "attribution": _cat(heard, ATTRIBUTIONS),
        "quote_form": _cat(forms, ("direct_quote", "paraphrase")),
        "cue": _str([c["cue"] for c in rows]),
        "quote": _str([s[2] for s in spans]),
        "start": _int([s[0] for s in spans]),
        "end": _int([s[1] for s in spans]),
        "words": _int([len(s[2].split()) for s in spans]),
        "frame_code": _int([c["frame"] for c in rows]),
        "frame": _cat([FRAMES[c["frame"]] for c in rows], names),
        "frame_secondary_code": _int([c.get("frame_secondary") for c in rows]),
        "frame_secondary": _cat([FRAMES.get(c.get("frame_secondary")) for c in rows], names),
        "entman": _str(["; ".join(c.get("entman") or []) or None for c in rows]),
        "answers": _str([c.get("answers") for c in rows]),
    })


_EVENT_COLUMNS = ("event_id", "source", "actor", "side", "action", "recipient", "description",
                  "expression", "tense", "date_start", "date_end", "precision", "timex", "mod", "duration", "rule",
                  "quote", "start", "end", "figure", "claim", "same_as", "reference")


def _event_frame(rows: list[dict], sides=SIDES) -> pd.DataFrame:
    col = {k: [r.get(k) for r in rows] for k in _EVENT_COLUMNS}
    sides = tuple(dict.fromkeys([*sides, *(s for s in col["side"] if s)]))
    return pd.DataFrame({
        "event_id": _str(col["event_id"]),
        "source": _cat(col["source"], SOURCES),
        "actor": _str(col["actor"]),
        "side": _cat(col["side"], sides),
        "action": _cat(col["action"], ACTIONS),
        "recipient": _str(col["recipient"]),
        "description": _str(col["description"]),
        "expression": _str(col["expression"]),
        "tense": _str(col["tense"]),
        "date_start": _dates(col["date_start"]),
        "date_end": _dates(col["date_end"]),
        "precision": _cat(col["precision"], PRECISIONS),
        "timex": _str(col["timex"]),
        "mod": _str(col["mod"]),
        "duration": _str(col["duration"]),
        "rule": _str(col["rule"]),
        "quote": _str(col["quote"]),
        "start": _int(col["start"]),
        "end": _int(col["end"]),
        "figure": _str(col["figure"]),
        "claim": _str(col["claim"]),
        "same_as": _str(col["same_as"]),
        "reference": _str(col["reference"]),
    })


def context_files(folder: str | Path | None = None, article: Article | None = None) -> list[tuple[Path, dict]]:
    """The context files (``data/context/*.yaml``) that :func:`context_events` reads, each checked, with its path:
    with ``article`` given, only those that name its sha256.

    Example:
        >>> [p.name for p, _ in context_files()]
        ['dispute-2018-2019.yaml']
    """
    folder = Path(folder) if folder else paths.context_dir()
    out = []
    for path in sorted(folder.glob("*.yaml")):
        doc = load_context(path)  # checked: AnnotationError names the file, the event and the field
        if article is None or doc.get("article_sha256") == article.sha256:
            out.append((path, doc))
    return out


def context_events(folder: str | Path | None = None, article: Article | None = None) -> pd.DataFrame:
    """Events from outside the article (``data/context/*.yaml``), each with its public source.

    They have ``source = context``, no quote and no span; ``reference`` names the source.
    Each context file names the article it belongs to (``article_sha256``); with ``article``
    given, only its files load, so one dispute's context never appears beside another's.

    Example:
        >>> t = context_events()
        >>> set(t.source), str(t.set_index("event_id").loc["ctx_white_list_in_force", "date_start"].date())
        ({'context'}, '2019-08-28')
    """
    rows = []
    for _, doc in context_files(folder, article):
        for e in doc.get("events", []):
            d = context_date(e["date"])
            rows.append({**e, "event_id": e["id"], "source": "context", "date_start": d.start,
                         "date_end": d.end, "precision": d.precision, "timex": d.timex, "mod": d.mod,
                         "duration": d.duration, "expression": str(e["date"]), "rule": "absolute date from the source"})
    return _event_frame(rows)


def events(article: Article | None = None, annotation_file: str | Path | None = None, *,
           context: bool = False) -> pd.DataFrame:
    """One row per event, with the words that date it and the resolved interval.

    An event the article does not date (no ``expression`` in the annotation) has empty date columns:
    notebook 02 lists such events apart, and no chart places them in time.

    ``date_end`` is exclusive; ``precision`` is day, week, month ... century; ``mod`` is the
    TIMEX3 modifier ("late July": END) and ``duration`` a span's length (``P4Y3M``); ``rule`` says
    how the date was resolved against the publication date. The publication itself is an
    event too. With ``context=True`` the context layer is added (``source = context``).

    Example:
        >>> t = events().set_index("event_id")
        >>> t.loc["kang_pompeo_call", ["timex", "precision"]].tolist()
        ['2019-07-10', 'day']
        >>> t.loc["curbs_implemented", "timex"], t.loc["shipment_uae", "timex"]
        ('2019-W27', '2019-01')
    """
    ann = annotation(article, annotation_file)
    art = ann.article
    side = ann.side_of
    rows = []
    for e in ann.events:
        d = e.get("date")  # None: the article does not date the event (no expression)
        start, end, text = _span(e)
        rows.append({**e, "event_id": e["id"], "source": "article", "side": side[e["actor"]],
                     "date_start": d and d.start, "date_end": d and d.end, "precision": d and d.precision,
                     "timex": d and d.timex, "mod": d and d.mod, "duration": d and d.duration, "rule": d and d.rule,
                     "quote": text, "start": start, "end": end})
    outlet = next((a["id"] for a in ann.actors if a["kind"] == "outlet"), None)
    day = art.published.date()
    said = art.date_span  # None when an option or the annotation gives the date: no words of the capture
    rows.append({"event_id": "publication", "source": "article", "actor": outlet,
                 "side": "outlet" if outlet else None, "action": "OTHER",
                 "description": (f"What-if: the article as if published by {art.outlet or 'the outlet'}"
                                 if art.what_if else f"{art.outlet or 'The outlet'} publishes the article"),
                 "expression": said.text if said else art.published_iso, "date_start": day,
                 "date_end": day + dt.timedelta(days=1), "precision": "day", "timex": day.isoformat(),
                 "rule": (f"what-if publication date (parameter published), {art.published_from}" if art.what_if
                          else f"publication date, {art.published_from}"),
                 "quote": said.text if said else None, "start": said.start if said else None,
                 "end": said.end if said else None})
    table = _event_frame(rows, ann.sides)
    if context:
        extra = context_events(article=art)
        sides = list(dict.fromkeys([*table.side.cat.categories, *extra.side.cat.categories]))
        table = pd.concat([table.assign(side=table.side.cat.set_categories(sides)),
                           extra.assign(side=extra.side.cat.set_categories(sides))], ignore_index=True)
    return table


def all_tables(article: Article | None = None, annotation_file: str | Path | None = None, *,
               context: bool = False) -> dict[str, pd.DataFrame]:
    """The four tables by name: actors, figures, claims, events.

    Example:
        >>> sorted(all_tables())
        ['actors', 'claims', 'events', 'figures']
    """
    ann = annotation(article, annotation_file)
    art = ann.article
    return {"actors": actors(art, ann.path), "figures": figures(art, ann.path),
            "claims": claims(art, ann.path), "events": events(art, ann.path, context=context)}
