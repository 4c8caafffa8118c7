"""Enforcement statistics: periods, rates, and checks of the article's own statements.

Functions take a DataFrame first and return a new one, so they chain with ``.pipe``::

    figures(article).pipe(case_periods, years=[2015, 2016, 2017], show_derived=True)
"""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd

from exportrow.annotations import CHECKS
from exportrow.annotations.kinds import is_duration
from exportrow.annotations.vocab import FIGURE_KINDS
from exportrow.article import Article
from exportrow.checks import VERDICTS, check_one, period_label, rules_table
from exportrow.escape import markdown_text
from exportrow.numbers import fmt_rate, fmt_value, stored_rate
from exportrow.tables import BASES, _cat, _int, _str, annotation

__all__ = ["fmt_value", "statements", "check_statements", "case_periods", "caveats", "period_label", "main_quantity",
           "credit_line", "derived_left_out", "rules_table", "VERDICTS", "CHECKS", "MEASURES", "hedged",
           "figures_overview",
           "exercise_figures", "derived_overview", "chartable", "periods_note", "statements_note", "period_years",
           "check_years", "unknown_years", "years_allowed", "value_kind", "quantity_kinds", "limits_note",
           "levels_only", "chart_measure", "quantity_ranking", "quantities_allowed", "check_quantity",
           "chosen_quantity", "quantity_note"]

#: What a bar of :func:`exportrow.plots.bar_periods` shows: the rate per month (bars span their
#: periods, so a bar's area is its count) or the raw count (bars not comparable across lengths).
#: Levels (``kind: level``) are always drawn as their values, whichever is asked (:func:`chart_measure`).
MEASURES = ("per_month", "count")


def levels_only(table: pd.DataFrame) -> bool:
    """Whether every row of a figures or periods table is a level (``kind: level``); False for an empty table.

    Example:
        >>> from exportrow import figures
        >>> levels_only(figures()), levels_only(pd.DataFrame({"kind": ["level", "level"]}))
        (False, True)
    """
    return "kind" in table and len(table) > 0 and bool((table["kind"].astype("string") == "level").all())


def chart_measure(periods: pd.DataFrame, measure: str = "per_month") -> str:
    """What the chart of ``periods`` really draws: ``measure`` for counts, ``level`` for levels (their values, never
    divided by months, whatever ``measure`` asks).

    Example:
        >>> chart_measure(pd.DataFrame({"kind": ["level"]}), "per_month"), chart_measure(pd.DataFrame(), "count")
        ('level', 'count')
    """
    return "level" if levels_only(periods) else measure


def statements(article: Article | None = None, annotation_file: str | Path | None = None) -> pd.DataFrame:
    """The article's quantitative statements listed in the annotation (``statements:``).

    Each statement says where the wording it judges comes from: ``wording_source`` is
    ``article`` when the words are the article's own (``quote``, with its span), or names
    the source when they come from elsewhere (``wording`` is then the annotation's
    ``compare_with``, e.g. other outlets' "four years", which this article never uses).

    Columns: ``statement_id, check, figures, wording, wording_source, quote, start, end``.

    Example:
        >>> t = statements().set_index("statement_id")
        >>> t.index.tolist()
        ['more_than_doubled', 'counts_within_total', 'length_of_period', 'recent_surge', 'recent_surge_2017']
        >>> t.loc["length_of_period", ["wording", "quote"]].tolist()
        ['four years', 'from 2015 to this March']
        >>> t.loc["length_of_period", "wording_source"].startswith("other outlets")
        True
        >>> t.loc["recent_surge", "wording_source"]
        'article'
    """
    ann = annotation(article, annotation_file)
    rows = ann.statements
    spans = [s["span"] for s in rows]

    def source(s):
        return " ".join(str(s["wording_source"]).split()) if s.get("wording_source") else "article"

    return pd.DataFrame({
        "statement_id": _str([s["id"] for s in rows]),
        "check": _cat([s["check"] for s in rows], CHECKS),
        "figures": _str([";".join(s["figures"]) for s in rows]),
        "wording": _str([s.get("compare_with") or sp.text for s, sp in zip(rows, spans)]),
        "wording_source": _str([source(s) for s in rows]),
        "quote": _str([sp.text for sp in spans]),
        "start": _int([sp.start for sp in spans]),
        "end": _int([sp.end for sp in spans]),
    })


def check_statements(statements_table: pd.DataFrame, figures_table: pd.DataFrame) -> pd.DataFrame:
    """Check each statement against the figures; add ``value``, ``verdict``, ``threshold``, ``explanation``.

    One function per kind of statement does the checking (:mod:`exportrow.checks`), and every
    threshold comes from one table (:func:`exportrow.checks.rules_table`); ``threshold`` shows
    the rule applied. Verdicts are computed here, never typed: ``supported``,
    ``approximate``, ``not_supported`` or ``cannot_check``. A verdict that rests on a figure
    exportrow derived is at most ``approximate`` and says so.

    Example:
        >>> from exportrow import figures
        >>> t = statements().pipe(check_statements, figures()).set_index("statement_id")
        >>> t.loc["more_than_doubled", ["value", "verdict"]].tolist()
        ['48 / 22 = 2.18x', 'supported']
        >>> t.loc["length_of_period", "value"], t.loc["length_of_period", "verdict"]
        ('51 months (4 years and 3 months)', 'approximate')
        >>> t.loc["recent_surge", ["value", "verdict"]].tolist()
        ['4.80 vs 4.00 cases a month (+20%)', 'not_supported']
        >>> t.loc["recent_surge", "threshold"]
        "'surge': a rise of at least 50% in the rate per month"
    """
    fig = figures_table.set_index("figure_id")
    results = [check_one(row, fig) for _, row in statements_table.iterrows()]
    out = statements_table.copy()
    out["value"] = _str([r[0] for r in results])
    out["verdict"] = _cat([r[1] for r in results], VERDICTS)
    out["threshold"] = _str([r[2] or None for r in results])
    out["explanation"] = _str([r[3] for r in results])
    return out


def quantity_ranking(figures_table: pd.DataFrame, statements_table: pd.DataFrame | None = None) -> pd.DataFrame:
    """The quantities that have a stated figure with a period, best candidate for notebook 01's chart first.

    The rule, in order: the most periods stated (distinct periods of stated figures that a chart draws, whole months
    or any period of a level, :func:`drawn_periods`: a quantity the article breaks into two periods beats a one-off
    figure); then the most statements about it (``statements_table``, the output
    of :func:`statements`: a statement is about a quantity when it names one of its figures); then counts before
    levels (``kind: level``: a rate per month, which notebook 01 computes, is for counts); then the most months
    covered; then the annotation's order.

    Columns: ``quantity, periods, statements, kind, months``.

    Example:
        >>> from exportrow import figures
        >>> quantity_ranking(figures()).to_dict("records")
        [{'quantity': 'illegal_export_cases', 'periods': 4, 'statements': 0, 'kind': 'count', 'months': 87}]
    """
    dated = figures_table[figures_table.period_start.notna() & (figures_table.basis == "stated")
                          & ~_forecasts(figures_table)]
    about: dict[str, int] = {}
    if statements_table is not None and len(statements_table) and len(dated):
        of = dict(zip(figures_table.figure_id.astype(str), figures_table.quantity.astype(str)))
        for ids in statements_table.figures.dropna():
            for q in {of[i] for i in str(ids).split(";") if i in of}:
                about[q] = about.get(q, 0) + 1
    rows = []
    for q, g in dated.groupby("quantity", sort=False, observed=True):
        drawable = g[g.months.notna() | (g.kind.astype("string") == "level")]  # see drawn_periods
        rows.append({"quantity": str(q), "periods": len(set(zip(drawable.period_start, drawable.period_end))),
                     "statements": about.get(str(q), 0), "kind": "level" if levels_only(g) else "count",
                     "months": int(g.months.fillna(0).sum())})
    table = pd.DataFrame(rows, columns=["quantity", "periods", "statements", "kind", "months"])
    key = table.assign(level=table.kind == "level")
    order = key.sort_values(["periods", "statements", "level", "months"], ascending=[False, False, True, False],
                            kind="stable").index
    return table.loc[order].reset_index(drop=True)


def main_quantity(figures_table: pd.DataFrame, statements_table: pd.DataFrame | None = None) -> str | None:
    """The quantity that the article breaks into periods: the first of :func:`quantity_ranking` (the most periods
    stated, then the most statements about it, then counts before levels, then the most months).

    Example:
        >>> from exportrow import figures
        >>> main_quantity(figures())
        'illegal_export_cases'
    """
    ranking = quantity_ranking(figures_table, statements_table)
    return None if ranking.empty else str(ranking.quantity.iloc[0])


def quantities_allowed(figures_table: pd.DataFrame) -> str:
    """The stated quantities in words, for messages: each with its number of periods, in the annotation's order.

    Example:
        >>> from exportrow import figures
        >>> quantities_allowed(figures())
        'illegal_export_cases (4 periods), materials_under_curbs (no period)'
    """
    stated = figures_table[figures_table.basis == "stated"]
    parts = []
    for q, g in stated.groupby("quantity", sort=False, observed=True):
        n = len(set(zip(g.period_start.dropna(), g.period_end.dropna())))
        parts.append(f"{q} ({_plural(n, 'period') if n else 'no period'})")
    return ", ".join(parts) if parts else "none: the annotation records no figure"


def check_quantity(figures_table: pd.DataFrame, quantity) -> None:
    """Refuse a ``quantity`` parameter that is not text or names no quantity of the annotation's figures ("" is
    fine: exportrow chooses, :func:`main_quantity`). ``exportrow report`` calls this before any kernel starts.

    Raises:
        ParameterError: The name refused and the annotation's quantities.

    Example:
        >>> from exportrow import figures
        >>> check_quantity(figures(), ""), check_quantity(figures(), "materials_under_curbs")
        (None, None)
        >>> check_quantity(figures(), "cases")  # doctest: +NORMALIZE_WHITESPACE
        Traceback (most recent call last):
        ...
        exportrow.parameters.ParameterError: -p quantity 'cases': not a quantity of this annotation's figures;
        allowed: "" (exportrow chooses) or one of illegal_export_cases (4 periods), materials_under_curbs (no period)
    """
    from exportrow.files import excerpt
    from exportrow.parameters import ParameterError

    if quantity == "":
        return
    stated = figures_table[figures_table.basis == "stated"]
    if not isinstance(quantity, str) or quantity not in set(stated.quantity.astype(str)):
        why = "not text" if not isinstance(quantity, str) else "not a quantity of this annotation's figures"
        raise ParameterError(f"-p quantity {excerpt(quantity)}: {why}; allowed: \"\" (exportrow chooses) or one of "
                             + quantities_allowed(figures_table))


def chosen_quantity(figures_table: pd.DataFrame, quantity: str = "",
                    statements_table: pd.DataFrame | None = None) -> str | None:
    """Notebook 01's charted quantity: ``quantity`` (its parameter, checked by :func:`check_quantity`) or, when it
    is empty, :func:`main_quantity`.

    Example:
        >>> from exportrow import figures
        >>> chosen_quantity(figures()), chosen_quantity(figures(), "materials_under_curbs")
        ('illegal_export_cases', 'materials_under_curbs')
    """
    check_quantity(figures_table, quantity)
    return quantity or main_quantity(figures_table, statements_table)


def quantity_note(figures_table: pd.DataFrame, quantity: str = "",
                  statements_table: pd.DataFrame | None = None, *, drawn: bool = True) -> str:
    """Which quantity notebook 01 charts and why, in Markdown: chosen with the ``quantity`` parameter, or by the
    rule (:func:`quantity_ranking`) among several quantities with a period; "" when only one has a period.
    ``drawn``: whether the chart is drawn (:func:`chartable`); when it is not, the quantity is not called "charted",
    and nothing is said when exportrow chose it while no quantity has two periods to compare (:func:`periods_note`
    says so).

    Example:
        >>> from exportrow import figures
        >>> quantity_note(figures())
        ''
        >>> print(quantity_note(figures(), "materials_under_curbs"))  # doctest: +NORMALIZE_WHITESPACE
        Charted quantity: **materials under curbs**, chosen with the `quantity` parameter (empty lets exportrow
        choose).
        >>> quantity_note(figures(), "materials_under_curbs", drawn=False)[:49]
        'Quantity for the chart: **materials under curbs**'
    """
    label = "Charted quantity" if drawn else "Quantity for the chart"
    if quantity:
        return (f"{label}: **{markdown_text(quantity.replace('_', ' '))}**, chosen with the `quantity` "
                "parameter (empty lets exportrow choose).")
    ranking = quantity_ranking(figures_table, statements_table)
    if len(ranking) < 2 or (not drawn and ranking.periods.iloc[0] < 2):
        return ""
    first, second = ranking.iloc[0], ranking.iloc[1]
    if first.periods != second.periods:
        why = f"it has the most periods ({first.periods}; {_name(second.quantity)} has {second.periods})"
    elif first.statements != second.statements:
        why = (f"it ties with {_name(second.quantity)} on periods ({first.periods}) and more of the article's "
               f"statements are about it ({first.statements} against {second.statements})")
    elif first.kind != second.kind:
        why = (f"it ties with {_name(second.quantity)} on periods ({first.periods}) and statements "
               f"({first.statements}), and it is a count, which a rate per month is for ({_name(second.quantity)} "
               "is a level)")
    elif first.months != second.months:
        why = (f"it ties with {_name(second.quantity)} on periods, statements and kind, and its periods cover more "
               f"months ({first.months} against {second.months})")
    else:
        why = f"it ties with {_name(second.quantity)} on every rule and comes first in the annotation"
    return (f"{label}: **{_name(first.quantity)}**, chosen by exportrow: {why}. Set `quantity` in the "
            "parameters cell to chart another.")


def _name(quantity) -> str:
    """A quantity's name as prose reads it (underscores as spaces), escaped for Markdown."""
    return markdown_text(str(quantity).replace("_", " "))


def _forecasts(figures_table: pd.DataFrame) -> pd.Series:
    """Which rows are forecasts (the ``forecast`` column of :func:`exportrow.figures`; none in a table without it).

    Example:
        >>> _forecasts(pd.DataFrame({"forecast": pd.array([True, None], "boolean")})).tolist()
        [True, False]
    """
    if "forecast" not in figures_table:
        return pd.Series(False, index=figures_table.index)
    return figures_table.forecast.fillna(False).astype(bool)


def forecast_note(figures_table: pd.DataFrame, quantity: str | None = None) -> str:
    """Why the chart of periods leaves out the forecasts (of ``quantity``, or of every quantity when it is None), in
    Markdown; "" when there are none.

    Example:
        >>> t = pd.DataFrame({"figure_id": ["june"], "quantity": ["panel_sales"], "value": [4000],
        ...                   "unit": ["panels"], "forecast": pd.array([True], "boolean")})
        >>> print(forecast_note(t))  # doctest: +NORMALIZE_WHITESPACE
        Not charted: the forecast june (4,000 panels of panel sales): the article gives it as expected (`tense:
        future` in the annotation, or a period that starts after publication), not as what happened, so it is
        no bar among counts of what happened, and no remainder is derived from it; the tables above list it.
    """
    f = figures_table[_forecasts(figures_table)]
    if quantity is not None:
        f = f[f.quantity == quantity]
    if f.empty:
        return ""
    from exportrow.numbers import fmt_value

    listed = "; ".join(f"{markdown_text(str(r.figure_id))} ({fmt_value(r.value)} {markdown_text(str(r.unit))} of "
                       f"{_name(r.quantity)})" for r in f.itertuples())
    one = len(f) == 1
    return (f"Not charted: the forecast{'' if one else 's'} {listed}: the article gives {'it' if one else 'them'} "
            "as expected (`tense: future` in the annotation, or a period that starts after publication), not as "
            f"what happened, so {'it is no bar' if one else 'they are no bars'} among counts of what happened, and no "
            f"remainder is derived from {'it' if one else 'them'}; the tables above list {'it' if one else 'them'}.")


def _totals(f: pd.DataFrame) -> set[str]:
    """Ids of figures whose period holds another figure's (shorter) period: totals of their parts (never a level,
    which does not add up over its period)."""
    out = set()
    for r in f.itertuples():
        if str(getattr(r, "kind", "count")) == "level":
            continue
        for o in f.itertuples():
            if o.figure_id != r.figure_id and r.period_start <= o.period_start and o.period_end <= r.period_end \
                    and (o.period_start, o.period_end) != (r.period_start, r.period_end):
                out.add(r.figure_id)
    return out


def case_periods(figures_table: pd.DataFrame, *, quantity: str | None = None,
                 years: list[int] | None = None, show_derived: bool = True,
                 measure: str = "per_month") -> pd.DataFrame:
    """The periods a quantity is broken into, for a bar chart: one row per bar.

    A total is never a bar beside its own parts: a figure whose period holds another
    figure's period is left out (it would double count); :func:`credit_line` names it.

    Args:
        figures_table: The output of :func:`exportrow.figures`.
        quantity: Which quantity (None: :func:`main_quantity`).
        years: Keep only periods that start in these years (None: all). No period in them gives an empty
            table, which :func:`periods_note` explains; :func:`check_years` refuses such years up front.
        show_derived: Keep derived periods.
        measure: What ``value`` holds: ``per_month`` (the count divided by the period's months,
            computed by exportrow) or ``count`` (the figure's value).

    A level (``kind: level``: a reservoir level, a price, per cent) is never divided by months: its ``per_month``
    is empty and its ``value`` is the figure's value, whichever ``measure`` is asked.

    Returns:
        Columns ``label, quantity, period_start, period_end, months, count, qualifier, per_month, value,
        unit, kind, basis, figure_id, actor, side, inputs_actor, inputs_side, source``; ``qualifier`` is the count's
        hedge (``lower_bound`` for "over 150", ...); ``source`` says who states the count or how it was derived
        (``derived: 156 − 14 − …``). As in :func:`exportrow.figures`, ``actor`` and ``side`` are empty for a derived
        count (no one states it) and ``inputs_actor``, ``inputs_side`` say whose figures it is computed from.

    Example:
        >>> from exportrow import figures
        >>> t = figures().pipe(case_periods)
        >>> t.label.tolist(), t["count"].tolist()
        (['2015', '2016', '2017', 'Jan 2018–Mar 2019'], [14.0, 22.0, 48.0, 72.0])
        >>> t.per_month.tolist(), t.months.tolist()
        ([1.17, 1.83, 4.0, 4.8], [12, 12, 12, 15])
        >>> t.basis.tolist()
        ['stated', 'stated', 'stated', 'derived']
        >>> figures().pipe(case_periods, measure="count", show_derived=False).value.tolist()
        [14.0, 22.0, 48.0]
    """
    if measure not in MEASURES:
        from exportrow.parameters import ParameterError  # a ValueError, shown in one line

        raise ParameterError(f"measure must be 'count' or 'per_month', not {measure!r}")
    quantity = quantity or main_quantity(figures_table)
    f = figures_table[(figures_table.quantity == quantity) & figures_table.period_start.notna()
                      & ~_forecasts(figures_table)]
    f = f[~f.figure_id.isin(_totals(f))]
    if not show_derived:
        f = f[f.basis == "stated"]
    if years is not None:
        f = f[f.period_start.dt.year.isin([y for y in years if _whole(y)])]
    f = f.sort_values("period_start")

    values = figures_table.set_index("figure_id").value

    def source(r):
        if r.basis != "derived":
            return f"stated ({r.actor})"
        return "derived: " + " \u2212 ".join(str(values[i]) for i in r.inputs.split(";"))

    count = [float(v) for v in f.value]
    kinds = [str(k) if pd.notna(k) else "count" for k in f.get("kind", pd.Series([None] * len(f), dtype=object))]
    rate = [stored_rate(c / m) if pd.notna(m) and m and k == "count" else None
            for c, m, k in zip(count, f.months, kinds)]
    value = [r if measure == "per_month" and k == "count" else c for r, c, k in zip(rate, count, kinds)]
    sides = list(figures_table.side.cat.categories) if hasattr(figures_table.side, "cat") else None
    return pd.DataFrame({
        "label": _str([period_label(r) for r in f.itertuples()]),
        "quantity": _str(f.quantity.tolist()),
        "period_start": f.period_start.values,
        "period_end": f.period_end.values,
        "months": _int(f.months.tolist()),
        "count": pd.array(count, dtype="Float64"),
        "qualifier": _str([None if pd.isna(q) else str(q) for q in f.get("qualifier", pd.Series([None] * len(f)))]),
        "per_month": pd.array(rate, dtype="Float64"),
        "value": pd.array(value, dtype="Float64"),
        "unit": _str(f.unit.tolist()),
        "kind": _cat(kinds, FIGURE_KINDS),
        "basis": _cat(f.basis.tolist(), BASES),
        "figure_id": _str(f.figure_id.tolist()),
        "actor": _str(_column(f, "actor")),
        "side": _side_col(f.side, sides),
        "inputs_actor": _str(_column(f, "inputs_actor")),
        "inputs_side": _side_col(pd.Series(_column(f, "inputs_side"), dtype=object), sides),
        "source": _str([source(r) for r in f.itertuples()]),
    })


def _column(table: pd.DataFrame, name: str) -> list:
    """A column as a list, with None for a missing value or a column the table lacks (an older figures table)."""
    if name not in table:
        return [None] * len(table)
    return [None if pd.isna(x) else str(x) for x in table[name]]


def _side_col(values, sides):
    values = [None if pd.isna(x) else str(x) for x in values]
    return _cat(values, sides) if sides else _str(values)


#: How a figure's qualifier reads before its number.
HEDGES = {"lower_bound": "at least", "upper_bound": "at most", "approximate": "about"}


#: Units that measure an amount (a length, a volume, a mass, money, a share, a time) rather than count items.
_MEASURE_UNITS = re.compile(
    r"\b(?:(?:kilo|centi|milli)?met(?:re|er)s?|km|cm|mm|miles?|feet|foot|inch(?:es)?|cubic|square|hectares?|acres?|"
    r"(?:kilo|milli)?lit(?:re|er)s?|gallons?|barrels?|tonnes?|tons?|kg|kilograms?|grams?|pounds?|ounces?|"
    r"dollars?|yen|won|euros?|yuan|renminbi|rupees?|francs?|usd|eur|jpy|krw|percent|per cent|percentage points?|"
    r"degrees?|watts?|kwh|mwh|gwh|mw|gw|hours?|minutes?|seconds?|days?|weeks?|months?|years?)\b|[%$€£¥₩]", re.I)


def value_kind(unit, values=()) -> str:
    """What a quantity's figures are: ``count`` (items counted: cases, boats, people) or ``amount`` (a measure:
    metres, cubic metres, dollars, per cent; or any value that is not a whole number).

    Notebook 01's labels and sentences follow it: an amount is never called a count.

    Example:
        >>> value_kind("cases", [14, 22]), value_kind("metres", [2.4]), value_kind("cubic metres", [40000000])
        ('count', 'amount', 'amount')
        >>> value_kind("boats", [150]), value_kind("boats", [2.5]), value_kind(None, [3])
        ('count', 'amount', 'count')
    """
    if unit is not None and not pd.isna(unit) and _MEASURE_UNITS.search(str(unit)):
        return "amount"
    if any(not float(v).is_integer() for v in values if v is not None and not pd.isna(v)):
        return "amount"
    return "count"


def hedged(value, qualifier=None) -> str:
    """A number as the article hedges it: ``48``, ``at least 150``, ``about 40`` (never truncated).

    Example:
        >>> hedged(150, "lower_bound"), hedged(12.5), hedged(3, float("nan")), hedged(1400000, "approximate")
        ('at least 150', '12.5', '3', 'about 1,400,000')
        >>> hedged(9800), hedged(4100, "approximate")
        ('9,800', 'about 4,100')
    """
    q = None if qualifier is None or pd.isna(qualifier) else str(qualifier)
    number = fmt_value(value)
    return f"{HEDGES[q]} {number}" if q in HEDGES else number


def _plural(n: int, word: str, many: str | None = None) -> str:
    return f"{n} {word if n == 1 else many or word + 's'}"


def _ids(ids) -> str:
    """``a``, ``a and b``, ``a, b and c``, each as code (ids are the annotation's, escaped)."""
    from exportrow.escape import markdown_code

    items = [markdown_code(str(i)) for i in ids]
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1] if items else ""


def _figure_words(r) -> str:
    """A stated figure in words: ``22 cases in 2016``, ``at least 150 boats (no period)``."""
    period = f" in {period_label(r)}" if pd.notna(r.period_start) and pd.notna(r.period_end) else " (no period)"
    return f"{hedged(r.value, r.qualifier if hasattr(r, 'qualifier') else None)} {markdown_text(r.unit)}{period}"


def figures_overview(figures_table: pd.DataFrame) -> str:
    """What the article states in figures, in one Markdown paragraph computed from the table, for any shape.

    Example:
        >>> from exportrow import figures
        >>> print(figures_overview(figures()))  # doctest: +NORMALIZE_WHITESPACE
        The annotation records 5 figures the article states, of 2 quantities: illegal export cases (4),
        materials under curbs (1). 4 have a period and can be placed on a time line; 1 has none
        (`curbed_materials`).
        >>> t = figures().assign(forecast=lambda t: t.figure_id.isin(["cases_2017"]))
        >>> print(figures_overview(t).split("; 1 has none")[1])  # doctest: +NORMALIZE_WHITESPACE
         (`curbed_materials`). 1 is a forecast (`cases_2017`: `forecast` in the figures table): what someone expects,
         not what happened.
        >>> print(figures_overview(figures().head(0)))  # doctest: +NORMALIZE_WHITESPACE
        The annotation records no figure: the article states no number that the annotator took as a quantity.
        This notebook has nothing to count, chart or check for it.
    """
    stated = figures_table[figures_table.basis == "stated"]
    if stated.empty:
        return ("The annotation records no figure: the article states no number that the annotator took as a "
                "quantity. This notebook has nothing to count, chart or check for it.")
    quantities = stated.groupby("quantity", sort=False).size()
    kinds = ", ".join(f"{markdown_text(str(q).replace('_', ' '))} ({n})" for q, n in quantities.items())
    text = (f"The annotation records {_plural(len(stated), 'figure')} the article states, of "
            f"{_plural(len(quantities), 'quantity', 'quantities')}: {kinds}.")
    dated = stated[stated.period_start.notna()]
    undated = stated[stated.period_start.isna()]
    if dated.empty:
        text += " None has a period, so none can be placed on a time line."
    elif undated.empty:
        text += f" {'Each has' if len(dated) > 1 else 'It has'} a period."
    else:
        text += (f" {len(dated)} {'have' if len(dated) > 1 else 'has'} a period and can be placed on a time line; "
                 f"{len(undated)} {'have' if len(undated) > 1 else 'has'} none ({_ids(undated.figure_id)}).")
    if "qualifier" in stated:
        bounded = stated[stated.qualifier.notna()]
        if len(bounded):
            listed = ", ".join(f"{_ids([r.figure_id])} ({hedged(r.value, r.qualifier)})" for r in bounded.itertuples())
            text += (f" {len(bounded)} {'are' if len(bounded) > 1 else 'is'} hedged in the article, given only as a "
                     f"bound or an approximation: {listed}.")
    ahead = stated[_forecasts(stated)]
    if len(ahead):
        text += (f" {len(ahead)} {'are forecasts' if len(ahead) > 1 else 'is a forecast'} ({_ids(ahead.figure_id)}: "
                 "`forecast` in the figures table): what someone expects, not what happened.")
    return text


def exercise_figures(figures_table: pd.DataFrame) -> str:
    """What notebook 01's exercise can work on in this article, named from the table without its answers.

    Example:
        >>> from exportrow import figures
        >>> print(exercise_figures(figures()))  # doctest: +NORMALIZE_WHITESPACE
        **In this article.** For part 1: `cases_total`, 156 cases in Jan 2015–Mar 2019, over 51 months.
        For part 2: the total `cases_total` (156 cases in Jan 2015–Mar 2019) and its stated parts `cases_2015`,
        `cases_2016` and `cases_2017`.
        >>> print(exercise_figures(figures().head(0)))
        **In this article.** The annotation records no figure, so there is nothing to work on here.
    """
    stated = figures_table[figures_table.basis == "stated"]
    if stated.empty:
        return "**In this article.** The annotation records no figure, so there is nothing to work on here."
    whole = stated[stated.months.notna() & (stated.months > 0)]
    counted = whole[whole["kind"].astype("string") != "level"] if "kind" in whole else whole
    if len(counted):
        r = counted.iloc[0]
        one = f"For part 1: {_ids([r.figure_id])}, {_figure_words(r)}, over {_plural(int(r.months), 'month')}."
    elif len(whole):
        one = ("For part 1: the figures here with a period are levels (`kind: level`: a value at a time, or an "
               "average or rate over its period), which do not add up over their months, so a rate per month of "
               "them means nothing; say why, and which kind of figure a rate per month needs.")
    else:
        one = ("For part 1: no figure here has a period of whole months, so there is no rate per month to work "
               "out; say which words a rate would need.")
    derived = figures_table[figures_table.basis == "derived"]
    if len(derived):
        total_id, *part_ids = str(derived.iloc[0].inputs).split(";")
        total = stated.set_index("figure_id").loc[total_id]
        two = (f"For part 2: the total {_ids([total_id])} ({_figure_words(total)}) and its stated parts "
               f"{_ids(part_ids)}.")
    else:
        two = ("Part 2 does not apply here: the article gives no total with stated parts that leave exactly one "
               "period uncovered.")
    return f"**In this article.** {one} {two}"


def derived_overview(figures_table: pd.DataFrame, *, quantity: str = "", years=None, show_derived: bool = True,
                     measure: str = "per_month", statements_table: pd.DataFrame | None = None) -> str:
    """Whether exportrow derives any figure here, and from what, in one Markdown sentence.

    The keywords are notebook 01's chart parameters (:func:`chosen_quantity`, :func:`case_periods`): a derived
    figure is said to be "hatched in the chart below" only when that chart is drawn (:func:`chartable`) with it.

    Example:
        >>> from exportrow import figures
        >>> print(derived_overview(figures()))  # doctest: +NORMALIZE_WHITESPACE
        `exportrow` derives 1 figure: `cases_total_remainder` = `cases_total - cases_2015 - cases_2016 -
        cases_2017`, what the total leaves for the months its parts do not cover (hatched in the chart below).
        >>> print(derived_overview(figures().head(0)))
        Nothing to compute: the annotation records no figure.
        >>> derived_overview(figures(), quantity="materials_under_curbs").endswith("parts do not cover.")
        True
        >>> derived_overview(figures(), show_derived=False).endswith("(left out of the chart below by "
        ...                                                      "`show_derived = False`).")
        True
    """
    from exportrow.escape import markdown_code

    derived = figures_table[figures_table.basis == "derived"]
    if figures_table.empty:
        return "Nothing to compute: the annotation records no figure."
    over = _overfull_note(figures_table)
    if derived.empty:
        return over or ("No figure is derived: the article gives no total with stated parts that leave exactly one "
                        "period uncovered, so every value below is the article's own.")
    listed = "; ".join(f"{markdown_code(str(r.figure_id))} = {markdown_code(str(r.formula))}"
                       for r in derived.itertuples())
    charted = chosen_quantity(figures_table, quantity, statements_table)
    periods = figures_table.pipe(case_periods, quantity=charted, years=years, show_derived=show_derived,
                                 measure=measure) if charted else None
    drawn = set(drawn_periods(periods, measure).figure_id) if periods is not None and chartable(periods, measure) \
        else set()
    hatched = [i for i in derived.figure_id if i in drawn]
    where = ("" if not hatched else " (hatched in the chart below)" if len(hatched) == len(derived)
             else f" ({_ids(hatched)} hatched in the chart below)")
    if drawn and len(left := derived_left_out(figures_table, periods, years=years, show_derived=show_derived,
                                              measure=measure)):
        where = (f" ({'' if len(left) == len(derived) else _ids(left.figure_id) + ' '}left out of the chart below "
                 "by `show_derived = False`)")
    span = "months" if derived.months.notna().all() else "days" if derived.months.isna().all() else "periods"
    return (f"`exportrow` derives {_plural(len(derived), 'figure')}: {listed}, what the total leaves for the {span} "
            f"its parts do not cover{where}." + (f" {over}" if over else ""))


def _overfull_note(figures_table: pd.DataFrame) -> str:
    """Why no remainder is derived from a total whose stated parts exceed it, in Markdown, or ``""``.

    Example:
        >>> t = pd.DataFrame({"figure_id": ["tot", "c15", "c16"], "quantity": "complaints", "unit": "complaints",
        ...                   "value": [100, 60, 70], "basis": "stated", "kind": "count", "qualifier": None,
        ...                   "period_start": pd.to_datetime(["2015-01-01", "2015-01-01", "2016-01-01"]),
        ...                   "period_end": pd.to_datetime(["2018-01-01", "2016-01-01", "2017-01-01"])})
        >>> print(derived_overview(t))  # doctest: +NORMALIZE_WHITESPACE
        No remainder is derived from `tot` (100 complaints): its stated parts `c15` and `c16` add up to 130
        complaints, more than the total, so the article's numbers (or the annotation) disagree, and a remainder
        would be a negative count.
    """
    from exportrow.tables import overfull_totals

    stated = figures_table[figures_table.basis == "stated"] if "basis" in figures_table else figures_table.head(0)
    rows = [{"figure_id": r.figure_id, "quantity": r.quantity, "unit": r.unit, "value": r.value,
             "qualifier": None if pd.isna(getattr(r, "qualifier", None)) else r.qualifier,
             "kind": None if pd.isna(getattr(r, "kind", None)) else str(r.kind),
             "start": None if pd.isna(r.period_start) else r.period_start,
             "end": None if pd.isna(r.period_end) else r.period_end} for r in stated.itertuples()]
    notes = [f"No remainder is derived from {_ids([t['figure_id']])} ({fmt_value(t['value'])} "
             f"{markdown_text(str(t['unit']))}): its stated parts {_ids([p['figure_id'] for p in parts])} add up to "
             f"{fmt_value(least)} {markdown_text(str(t['unit']))}, more than the total, so the article's numbers (or "
             "the annotation) disagree, and a remainder would be a negative count."
             for t, parts, least in overfull_totals(rows)]
    return " ".join(notes)


def _whole(value) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def period_years(figures_table: pd.DataFrame, *, show_derived: bool = True, quantity: str | None = None) -> list[int]:
    """The calendar years in which a period of the charted quantity starts: the years ``years`` accepts.

    Example:
        >>> from exportrow import figures
        >>> period_years(figures()), period_years(figures(), show_derived=False)
        ([2015, 2016, 2017, 2018], [2015, 2016, 2017])
    """
    periods = case_periods(figures_table, show_derived=show_derived, quantity=quantity)
    return sorted({int(y) for y in periods.period_start.dt.year})


def unknown_years(figures_table: pd.DataFrame, years, *, show_derived: bool = True,
                  quantity: str | None = None) -> list:
    """The items of ``years`` that are not whole numbers, or in which no period of the charted quantity starts.

    Example:
        >>> from exportrow import figures
        >>> unknown_years(figures(), [2016, 1850, "x", 2016.0])
        [1850, 'x', 2016.0]
    """
    have = period_years(figures_table, show_derived=show_derived, quantity=quantity)
    return [y for y in (years or []) if not _whole(y) or y not in have]


def _total_starts(figures_table: pd.DataFrame, *, show_derived: bool = True,
                  quantity: str | None = None) -> dict[int, list[str]]:
    """Start years of totals (never a bar, see :func:`case_periods`) in which no charted period starts, with the
    totals' ids: years a reader would look for in the allowed years and not find.

    Example:
        >>> from exportrow import figures
        >>> _total_starts(figures())  # the total starts in 2015, as the 2015 bar does
        {}
    """
    quantity = quantity or main_quantity(figures_table)
    f = figures_table[(figures_table.quantity == quantity) & figures_table.period_start.notna()]
    totals = f[f.figure_id.isin(_totals(f))]
    if not show_derived:
        totals = totals[totals.basis == "stated"]
    have = period_years(figures_table, show_derived=show_derived, quantity=quantity)
    out: dict[int, list[str]] = {}
    for r in totals.sort_values("period_start").itertuples():
        if int(r.period_start.year) not in have:
            out.setdefault(int(r.period_start.year), []).append(str(r.figure_id))
    return out


def _totals_clause(starts: dict[int, list[str]]) -> str:
    """Why a total's start year is not among the years: '' when there is no such year."""
    if not starts:
        return ""
    years = " or ".join(map(str, starts))
    ids = ", ".join(i for ids in starts.values() for i in ids)
    it = "it is a total" if sum(map(len, starts.values())) == 1 else "they are totals"
    return f"; not {years}, when {ids} starts: {it} over other periods, and a total is never a bar"


def years_allowed(figures_table: pd.DataFrame, *, show_derived: bool = True, quantity: str | None = None) -> str:
    """The allowed years in words, for messages: the years in which a charted period starts.

    A total is never a bar beside its parts (:func:`case_periods`); a year in which only a total starts is named
    as such.

    Example:
        >>> from exportrow import figures
        >>> years_allowed(figures())
        'whole numbers among 2015, 2016, 2017, 2018 (the years in which a period of illegal export cases starts)'
    """
    quantity = quantity or main_quantity(figures_table)
    have = period_years(figures_table, show_derived=show_derived, quantity=quantity)
    starts = _total_starts(figures_table, show_derived=show_derived, quantity=quantity)
    if not have:
        if starts:
            return f"none: no period of {str(quantity).replace('_', ' ')} is charted{_totals_clause(starts)}"
        return "none: no figure of this article has a period, so leave years empty"
    name = str(quantity).replace("_", " ")
    if starts:
        return (f"whole numbers among {', '.join(map(str, have))} (the years in which a charted period of {name} "
                f"starts{_totals_clause(starts)})")
    return f"whole numbers among {', '.join(map(str, have))} (the years in which a period of {name} starts)"


def _as_typed(value) -> str:
    """An item of ``-p years`` as the user wrote it in YAML (``true``, not Python's ``True``).

    Example:
        >>> _as_typed(True), _as_typed(None), _as_typed("x"), _as_typed(1850)
        ('true', 'null', "'x'", '1850')
    """
    from exportrow.files import excerpt

    if isinstance(value, bool):
        return str(value).lower()
    return "null" if value is None else excerpt(value)


def check_years(figures_table: pd.DataFrame, years, *, show_derived: bool = True, quantity: str | None = None) -> None:
    """Refuse a ``years`` parameter with an item that is not a whole number or names no period's year.

    ``exportrow report`` calls this before any kernel starts.

    Raises:
        ParameterError: The items refused and the allowed years.

    Example:
        >>> from exportrow import figures
        >>> check_years(figures(), [2016, 2017])
        >>> check_years(figures(), [2016, "x"])
        Traceback (most recent call last):
        ...
        exportrow.parameters.ParameterError: -p years [2016, 'x']: 'x' is not a year of this article's periods; \
allowed: whole numbers among 2015, 2016, 2017, 2018 (the years in which a period of illegal export cases starts)
    """
    from exportrow.files import excerpt
    from exportrow.parameters import ParameterError

    quantity = quantity or main_quantity(figures_table)
    if not isinstance(years, list):
        raise ParameterError(f"-p years {excerpt(years)}: not a list; allowed: a list of "
                             + years_allowed(figures_table, show_derived=show_derived, quantity=quantity))
    bad = unknown_years(figures_table, years, show_derived=show_derived, quantity=quantity)
    if bad:
        listed = ", ".join(_as_typed(y) for y in bad)
        verb = "is not a year" if len(bad) == 1 else "are not years"
        shown = "[" + ", ".join(_as_typed(y) for y in years[:20]) + (", ...]" if len(years) > 20 else "]")
        charted = "charted " if _total_starts(figures_table, show_derived=show_derived, quantity=quantity) else ""
        raise ParameterError(f"-p years {shown}: {listed} {verb} of this article's {charted}periods; allowed: "
                             + years_allowed(figures_table, show_derived=show_derived, quantity=quantity))


def chartable(periods: pd.DataFrame, measure: str = "per_month") -> bool:
    """Whether the periods make a chart worth drawing: at least two bars (with a length, for rates).

    Example:
        >>> from exportrow import figures
        >>> chartable(figures().pipe(case_periods)), chartable(figures().pipe(case_periods, years=[2016]))
        (True, False)
    """
    measure = chart_measure(periods, measure)
    bars = drawn_periods(periods, measure)
    return len(bars) >= 2 and not (measure == "per_month" and _overlap(bars))


def drawn_periods(periods: pd.DataFrame, measure: str = "per_month") -> pd.DataFrame:
    """The periods a chart of counts or rates draws as bars: those of whole months. A period that is not a run of
    whole months (one from an event to the publication day, ``period_since:``) has no rate per month, and as a raw
    count its bar could not be compared with the others nor placed on a time line of months; the tables keep it.
    Levels (``kind: level``) are drawn whatever their periods: a level is never divided by months.

    Example:
        >>> t = pd.DataFrame({"label": ["Oct 2025", "6 Oct–14 Nov 2025"], "months": pd.array([1, None], "Int64"),
        ...                   "kind": ["count", "count"]})
        >>> drawn_periods(t, "count").label.tolist(), drawn_periods(t, "per_month").label.tolist()
        (['Oct 2025'], ['Oct 2025'])
    """
    return periods if chart_measure(periods, measure) == "level" else periods[periods.months.notna()]


def _overlap(periods: pd.DataFrame) -> bool:
    """Whether two of the periods overlap (the two ends of a range, say): on a time line their bars would hide
    each other."""
    spans = sorted(zip(periods.period_start, periods.period_end))
    return any(b[0] < a[1] for a, b in zip(spans, spans[1:]))


def to_publication(period, published=None) -> str:
    """A period's label (a row with ``label``, ``period_start`` and ``period_end``), saying "to publication" when it
    ends on the publication day ``published`` (ISO; the figures table keeps it in ``attrs["published"]``): a past-tense
    figure of "this year" in a May article counts only the part so far (:func:`exportrow.figure_tense.so_far`).

    Example:
        >>> r = pd.Series({"label": "1 Jan–15 May 2025", "period_start": pd.Timestamp("2025-01-01"),
        ...                "period_end": pd.Timestamp("2025-05-16")})
        >>> to_publication(r, "2025-05-15"), to_publication(r)
        ('1 Jan–15 May 2025 (to publication, 15 May 2025: a count so far)', '1 Jan–15 May 2025')
        >>> to_publication(pd.concat([r, pd.Series({"kind": "level"})]), "2025-05-15")
        '1 Jan–15 May 2025 (to publication, 15 May 2025)'
    """
    label = str(period["label"])
    if not published or pd.isna(period.get("period_end")):
        return label
    pub = pd.Timestamp(published)
    if period["period_end"] - pd.Timedelta(days=1) == pub and period["period_start"] < pub:
        level = str(period.get("kind")) == "level"  # a level (a quota, a price) is never a count so far
        return f"{label} (to publication, {pub.day} {pub:%b %Y}{'' if level else ': a count so far'})"
    return label


def _so_far_reason(periods: pd.DataFrame, published) -> str:
    """Why periods are not whole months: they run to publication (a count so far), or, generally, an example.

    Example:
        >>> t = pd.DataFrame({"label": ["1 Jan–15 May 2025"], "period_start": [pd.Timestamp("2025-01-01")],
        ...                   "period_end": [pd.Timestamp("2025-05-16")]})
        >>> _so_far_reason(t, "2025-05-15"), _so_far_reason(t, None)[:30]
        ('a count so far, to the publication day', 'a period that runs from an eve')
    """
    if published and len(periods) and all(to_publication(r, published).endswith("a count so far)")
                                          for _, r in periods.iterrows()):
        return "a count so far, to the publication day"
    return "a period that runs from an event to the publication day, say"


def periods_note(figures_table: pd.DataFrame, periods: pd.DataFrame, measure: str = "per_month", *,
                 years=None, show_derived: bool = True, quantity: str | None = None) -> str:
    """What the chart of periods leaves out, and why, in Markdown: the chart itself when it is missing.

    With ``years`` (the notebook's parameter), items that name no period's year are named first, with the
    years that do.

    Example:
        >>> from exportrow import figures
        >>> print(periods_note(figures(), figures().pipe(case_periods)))  # doctest: +NORMALIZE_WHITESPACE
        The chart shows illegal export cases. Not charted with them: materials under curbs (1 figure, no period);
        it is another quantity.
        >>> print(periods_note(figures(), figures().pipe(case_periods, show_derived=False), show_derived=False))
        ... # doctest: +NORMALIZE_WHITESPACE
        The chart shows illegal export cases. Left out by `show_derived = False`: 72 cases for Jan 2018–Mar 2019
        (4.8 a month), derived by `exportrow` (what the total leaves for the months its parts do not cover), not
        stated in the article; the tables above give it. Not charted with them: materials under curbs (1 figure,
        no period); it is another quantity.
        >>> print(periods_note(figures(), figures().pipe(case_periods, years=[2016])))  # doctest: +NORMALIZE_WHITESPACE
        **No chart**: only one period of illegal export cases is left to draw (2016, 22 cases), and one bar
        compares nothing; the tables above give it. Not charted with them: materials under curbs (1 figure, no
        period); it is another quantity.
        >>> t = figures().pipe(case_periods, years=[1850])
        >>> print(periods_note(figures(), t, years=[1850]).split(" **No chart**")[0])  # doctest: +NORMALIZE_WHITESPACE
        `years` names 1850, in which no period of illegal export cases starts: periods start in 2015, 2016, 2017
        and 2018.
    """
    stated = figures_table[figures_table.basis == "stated"]
    quantity = quantity or main_quantity(figures_table)
    measure = chart_measure(periods, measure)
    if quantity is None:
        why = "no figure" if stated.empty else "none of the figures has a period"
        if (stated.period_start.notna() & _forecasts(stated)).any():
            why = "every figure with a period is a forecast"
        return " ".join(filter(None, [f"**No chart**: {why}, so nothing can be placed on a time line.",
                                      forecast_note(figures_table)]))
    name = markdown_text(quantity.replace("_", " "))
    prefix = ""
    bad = unknown_years(figures_table, years, show_derived=show_derived, quantity=quantity) if years else []
    if bad:
        have = [str(y) for y in period_years(figures_table, show_derived=show_derived, quantity=quantity)]
        listed = markdown_text(", ".join(str(y) for y in bad))
        starts = (", ".join(have[:-1]) + " and " + have[-1]) if len(have) > 1 else "".join(have)
        totals = _total_starts(figures_table, show_derived=show_derived, quantity=quantity)
        charted = "charted " if totals else ""
        prefix = (f"`years` names {listed}, in which no {charted}period of {name} starts: {charted}periods start in "
                  f"{starts or 'no year'}{markdown_text(_totals_clause(totals))}. ")
    bars = drawn_periods(periods, measure)
    unmeasured = periods[~periods.index.isin(bars.index)]
    published = figures_table.attrs.get("published")
    if len(bars) >= 2 and measure == "per_month" and _overlap(bars):
        text = (f"**No chart**: periods of {name} overlap ({', '.join(dict.fromkeys(bars.label))}; the two ends of "
                "a range, say), so their bars would hide each other on a time line; the tables above give them. "
                "With `measure = \"count\"` they are drawn side by side.")
    elif len(bars) >= 2 and measure == "level":
        text = (f"The chart shows {name}, a level (`kind: level` in the annotation): each bar is the value the "
                "article gives for its period, never divided by months, so `measure` does not change it.")
    elif len(bars) >= 2:
        text = f"The chart shows {name}."
        if _overlap(bars):  # counts side by side (measure = "count"): their periods are not consecutive
            text += (f" Some of its periods overlap ({', '.join(dict.fromkeys(bars.label))}), so bars side by side "
                     "are not consecutive periods: do not add them up or read a change from one to the next.")
    elif stated[(stated.quantity == quantity) & stated.period_start.notna()].empty:
        text = (f"**No chart**: no figure of {name} has a period, so nothing can be placed on a time line; the "
                "tables above give its figures.")
    elif stated[(stated.quantity == quantity) & stated.period_start.notna() & ~_forecasts(stated)].empty:
        text = f"**No chart**: every figure of {name} with a period is a forecast."
    elif bars.empty and len(unmeasured):
        text = (f"**No chart**: no period of {name} is a number of whole months "
                f"({', '.join(dict.fromkeys(unmeasured.label))}: {_so_far_reason(unmeasured, published)}), so "
                "there is no rate per month to "
                "compare, nor a bar to place beside others; the tables above give its figures with their real start "
                "and end.")
        unmeasured = unmeasured.head(0)  # said once
    elif len(bars) == 1 and len(ranked := quantity_ranking(figures_table)) > 1 and ranked.periods.max() < 2:
        text = ("**No chart**: no quantity of this article is broken into periods (each has at most one period a "
                "chart can draw), so a chart would compare nothing; the tables above give every figure.")
        stated = stated[stated.quantity == quantity]  # no "not charted with them": nothing is charted
    elif len(bars) == 1:
        r = bars.iloc[0]
        text = (f"**No chart**: only one period of {name} is left to draw ({r.label}, "
                f"{hedged(r['count'], r.qualifier)} {markdown_text(r.unit)}), and one bar compares nothing; the "
                "tables above give it.")
    else:
        text = (f"**No chart**: no period of {name} is left to draw with these parameters (`years`, "
                "`show_derived`); the tables above give every figure.")
    left = ", ".join(to_publication(r, published) for _, r in unmeasured.iterrows())
    if len(unmeasured) and measure == "per_month":
        text += (f" Left out of a chart of rates: {left}, whose period is not a number of "
                 "whole months, so it has no rate per month.")
    elif len(unmeasured):
        text += (f" Left out of the chart: {left}, whose period is not a number of whole "
                 "months, so its bar could not be compared with the others (the periods may even overlap); the "
                 "tables above give it with its real start and end.")
    if forecast := forecast_note(figures_table, quantity):
        text += " " + forecast
    if len(bars) >= 2 and not text.startswith("**No chart**"):
        left = derived_left_out(figures_table, periods, years=years or None, show_derived=show_derived,
                                measure=measure)
        if len(left):
            text += (" Left out by `show_derived = False`: "
                     + "; ".join(_left_out_words(r, measure, markdown_text(r.unit)) for _, r in left.iterrows())
                     + f", {'derived' if len(left) == 1 else 'each derived'} by `exportrow` (what the total leaves "
                     "for the months its parts do not cover), not stated in the article; the tables above give it.")
        text += _undated_note(stated[stated.quantity == quantity], name)
    others = stated[stated.quantity != quantity]
    if len(others):
        parts = []
        for q, g in others.groupby("quantity", sort=False):
            n_dated = int(g.period_start.notna().sum())
            parts.append(f"{markdown_text(str(q).replace('_', ' '))} ({_plural(len(g), 'figure')}"
                         + (", no period" if not n_dated else f", {n_dated} with a period") + ")")
        text += (f" Not charted with them: {'; '.join(parts)}; "
                 f"{'they are other quantities' if len(parts) > 1 else 'it is another quantity'}.")
    return prefix + text


def _undated_note(figures: pd.DataFrame, name: str) -> str:
    """The charted quantity's figures that have no period, so no bar: ``" 1 figure of trust in news has no period
    (31 per cent), so it is not drawn."``; ``""`` when every figure has one.

    Example:
        >>> t = pd.DataFrame({"value": [31.0, 40.0], "unit": ["per cent", "per cent"],
        ...                   "qualifier": [None, "approximate"], "period_start": [pd.NaT, pd.NaT]})
        >>> _undated_note(t, "trust in news")
        ' 2 figures of trust in news have no period (31 per cent; about 40 per cent), so they are not drawn.'
    """
    loose = figures[figures.period_start.isna()]
    if loose.empty:
        return ""
    words = [f"{hedged(r.value, r.qualifier)} {markdown_text(str(r.unit))}" if pd.notna(r.unit) else
             hedged(r.value, r.qualifier) for r in loose.head(3).itertuples()]
    more = f"; {len(loose) - 3} more" if len(loose) > 3 else ""
    one = len(loose) == 1
    return (f" {_plural(len(loose), 'figure')} of {name} {'has' if one else 'have'} no period ({'; '.join(words)}"
            f"{more}), so {'it is' if one else 'they are'} not drawn.")


def quantity_kinds(figures_table: pd.DataFrame) -> dict[str, str]:
    """Each stated quantity's kind, ``count`` or ``amount`` (:func:`value_kind`), or ``level`` when all its figures
    are levels (``kind: level``), in the table's order.

    Example:
        >>> from exportrow import figures
        >>> quantity_kinds(figures())
        {'illegal_export_cases': 'count', 'materials_under_curbs': 'count'}
    """
    stated = figures_table[figures_table.basis == "stated"]
    out = {}
    for q, g in stated.groupby("quantity", sort=False, observed=True):
        units = g.unit.dropna().unique().tolist()
        out[str(q)] = "level" if levels_only(g) else value_kind(units[0] if len(units) == 1 else None, g.value)
    return out


def limits_note(figures_table: pd.DataFrame, quantity: str | None = None, *, drawn: bool | None = None) -> str:
    """Notebook 01's closing list of what no table can show, in Markdown, fitting the kind of the article's figures:
    counts of items (cases, boats), amounts measured (metres, cubic metres, dollars), or both.

    It follows what was charted: ``quantity`` (the charted one; None: :func:`main_quantity`) and ``drawn`` (whether
    a chart of it was drawn; None: worked out from its periods). A counted series drawn as bars is named as what may
    rise by more counting; with no chart, or a chart of a level or an amount, the article's counted series (one with
    at least two periods), if any, is named instead, and "these bars" become "these figures".

    Example:
        >>> from exportrow import figures
        >>> print(limits_note(figures()).splitlines()[3][:60])
        - **A rise in what is counted is not a rise in what happens.
        >>> print(limits_note(figures()).splitlines()[3][173:275])
        (here, for illegal export cases: more of them in fact, or more of them noticed and recorded), or both.
        >>> print(limits_note(figures().head(0)))
        The annotation records no figure of the article, so there is no table or chart here to read with care.

        Nothing charted (a quantity with no period): the article's counted series is named, not the chosen one.

        >>> note = limits_note(figures(), "materials_under_curbs", drawn=False)
        >>> "for materials under curbs" in note, "in this article, for illegal export cases: more" in note
        (False, True)
        >>> "Do not mix them into these figures." in note
        True
    """
    by_kind = quantity_kinds(figures_table)
    if not by_kind:  # no figure: no table or chart whose limits to list
        return "The annotation records no figure of the article, so there is no table or chart here to read with care."
    kinds = set(by_kind.values())
    main = quantity or main_quantity(figures_table)
    if drawn is None:
        drawn = main is not None and chartable(case_periods(figures_table, quantity=main))
    series = quantity_ranking(figures_table)
    series = series[(series.periods >= 2) & series.quantity.map(lambda q: by_kind.get(q) == "count")].quantity
    if drawn and main is not None and by_kind.get(main) == "count":
        here = f" (here, for {markdown_text(main.replace('_', ' '))}: more of them in fact, or more of them noticed " \
            "and recorded)"
    elif len(series):
        here = f" (in this article, for {markdown_text(series.iloc[0].replace('_', ' '))}: more of them in fact, " \
            "or more of them noticed and recorded)"
    else:
        here = ""
    items = ["**Other series measure other things.** Other bodies often publish their own figures, with other "
             f"definitions and periods. Do not mix them into {'these bars' if drawn else 'these figures'}. Compare "
             "only series that share a definition."]
    if "count" in kinds:
        items += ["**A rise in what is counted is not a rise in what happens.** A count is what someone recorded: "
                  f"more counted can mean more of the thing itself, or more and better counting{here}, or both. "
                  "The counts alone cannot tell these apart.",
                  "**A count says nothing about size.** One item counted can be large or small, and the article may "
                  "not say which."]
    if "amount" in kinds:
        items += ["**A measurement depends on how it was taken.** Where, when and by whom an amount was measured "
                  "decides what it means, and the article may not say. Compare only amounts measured the same way.",
                  "**A total over a period says nothing about when within it.** A rate per month spreads the "
                  "period's amount evenly over its months; the article does not say that it came evenly."]
    if "level" in kinds:
        items += ["**A level is a reading, not a total.** A reservoir level, a price or a rate is a value at a time "
                  "or an average over its period; the article may not say which, nor how it was measured. Compare "
                  "only values read the same way (two averages, or two end-of-month readings)."]
        if any(is_duration(u) for u in figures_table[figures_table.kind.astype("string") == "level"].unit.dropna()):
            items += ["**A length of time is not a total either.** How long something lasted (a strike of nine days) "
                      "describes one thing in its period; it is never divided by months, and one length says nothing "
                      "about how often such things happen."]
    return "Some things no table can show:\n\n" + "\n".join(f"- {item}" for item in items)


def statements_note(checked: pd.DataFrame) -> str:
    """A sentence that stands in for an empty table of statements, or tallies the verdicts.

    Example:
        >>> from exportrow import figures
        >>> print(statements_note(statements().pipe(check_statements, figures())))
        5 statements checked: 3 supported, 1 approximate, 1 not supported.
        >>> print(statements_note(statements().head(0)))  # doctest: +NORMALIZE_WHITESPACE
        The annotation lists no quantitative statement of the article to check (`statements:`), so there is no
        verdict here.
    """
    if checked.empty:
        return ("The annotation lists no quantitative statement of the article to check (`statements:`), so there "
                "is no verdict here.")
    words = {"supported": "supported", "approximate": "approximate", "not_supported": "not supported",
             "cannot_check": "cannot be checked"}
    counts = checked.verdict.value_counts()
    tally = ", ".join(f"{int(counts[v])} {words[v]}" for v in VERDICTS if counts.get(v, 0))
    return f"{_plural(len(checked), 'statement')} checked: {tally}."


def caveats(figures_table: pd.DataFrame) -> list[str]:
    """What the figures leave open, one Markdown sentence per derived figure (units escaped).

    Example:
        >>> from exportrow import figures
        >>> print(caveats(figures())[0])  # doctest: +ELLIPSIS
        The article states 156 cases for Jan 2015–Mar 2019 but breaks down only 2015, 2016, 2017.
        The remaining **72** cases (Jan 2018–Mar 2019, 15 months) are derived here; ...
    """
    out = []
    figures_table = figures_table.assign(unit=figures_table.unit.map(markdown_text))  # units are input text
    fig = figures_table.set_index("figure_id")
    for r in figures_table[figures_table.basis == "derived"].itertuples():
        total_id, *part_ids = r.inputs.split(";")
        total = fig.loc[total_id]
        parts = ", ".join(period_label(fig.loc[i]) for i in part_ids)
        left, number = hedged(r.value, getattr(r, "qualifier", None)), fmt_value(r.value)
        left = left[: len(left) - len(number)] + f"**{number}**"  # the hedge words, then the number in bold
        out.append(
            f"The article states {hedged(total.value, total.get('qualifier'))} {total.unit} for {period_label(total)} "
            f"but breaks down only {parts}. The remaining {left} {r.unit} ({period_label(r)}, "
            f"{_length(r)}) are derived here; the article does not say how they split "
            + ("between the calendar years inside that period" if pd.notna(r.months) else "within that period")
            + ", so no chart should split them.")
    return out


def _length(r) -> str:
    """A period's length in words: its whole months, else its days (a period that is not a run of whole months).

    Example:
        >>> from types import SimpleNamespace as F
        >>> _length(F(months=15, period_start=None, period_end=None))
        '15 months'
        >>> _length(F(months=pd.NA, period_start=pd.Timestamp("2025-10-06"), period_end=pd.Timestamp("2025-11-10")))
        '35 days'
    """
    if pd.notna(r.months):
        return _plural(int(r.months), "month")
    return _plural((r.period_end - r.period_start).days, "day")


def derived_left_out(figures_table: pd.DataFrame | None, periods: pd.DataFrame, *, years=None,
                     show_derived: bool = True, measure: str = "per_month") -> pd.DataFrame:
    """The derived periods of the charted quantity that ``show_derived = False`` leaves out of the chart: rows of
    :func:`case_periods` (with the same ``years`` and ``measure``), empty when ``show_derived`` is True.

    :func:`credit_line` and :func:`periods_note` name them, so a chart without them does not look like the whole
    series.

    Example:
        >>> from exportrow import figures
        >>> shown = figures().pipe(case_periods, show_derived=False)
        >>> t = derived_left_out(figures(), shown, show_derived=False)
        >>> t.label.tolist(), t["count"].tolist(), t.per_month.tolist()
        (['Jan 2018–Mar 2019'], [72.0], [4.8])
        >>> len(derived_left_out(figures(), shown)), len(derived_left_out(figures(), shown, years=[2016, 2017],
        ...                                                               show_derived=False))
        (0, 0)
    """
    if show_derived or figures_table is None or periods.empty:
        return periods.head(0)
    every = drawn_periods(case_periods(figures_table, quantity=periods.quantity.iloc[0], years=years,
                                       show_derived=True, measure=measure), measure)
    return every[(every.basis == "derived") & ~every.figure_id.isin(periods.figure_id)]


def _left_out_words(r, measure: str, unit: str) -> str:
    """A derived period left out of the chart, in words: ``72 cases for Jan 2018–Mar 2019 (4.8 a month)``."""
    rate = (f" ({fmt_rate(r.per_month, r['count'])} a month)" if measure == "per_month" and pd.notna(r.per_month)
            else "")
    return f"{hedged(r['count'], r.qualifier)} {unit} for {r.label}{rate}"


def credit_line(periods: pd.DataFrame, actors_table: pd.DataFrame,
                figures_table: pd.DataFrame | None = None, measure: str = "per_month", *, show_derived: bool = True,
                years=None) -> str:
    """Who the charted figures come from, and what is computed or left out, for the line under the chart.

    With ``figures_table``, a total left out of the chart (its parts are drawn) is named, and so is a derived
    period ``show_derived = False`` leaves out (:func:`derived_left_out`; ``years`` as the chart's).

    Example:
        >>> from exportrow import actors, figures
        >>> text = credit_line(figures().pipe(case_periods), actors(), figures())
        >>> print(text.replace(". ", ".\\n"))
        Counts attributed to South Korea's Ministry of Trade, Industry and Energy.
        Rates per month computed by exportrow; hatched bar: count derived by exportrow, not stated in the article.
        Not drawn beside its parts: the total of 156 cases for Jan 2015–Mar 2019.
        >>> print(credit_line(figures().pipe(case_periods, show_derived=False), actors(), figures(),
        ...                   show_derived=False).split(". ")[-1])
        Not drawn (show_derived false): 72 cases for Jan 2018–Mar 2019 (4.8 a month), derived by exportrow.
    """
    asked = measure
    periods = drawn_periods(periods, measure)  # what the chart draws
    names = actors_table.set_index("actor_id").name
    # a derived count is attributed to no one: the line names whose figures it is computed from
    inputs = [a for x in periods.get("inputs_actor", pd.Series(dtype=object)).dropna() for a in str(x).split(";")]
    who = list(dict.fromkeys(names.get(a, a) for a in [*periods.actor.dropna(), *inputs]))
    units = periods.unit.dropna().unique().tolist() if "unit" in periods else []
    word = value_kind(units[0] if len(units) == 1 else None, periods.get("count", ()))
    measure = chart_measure(periods, measure)
    noun = "Values" if measure == "level" else "Counts" if word == "count" else "Figures"
    text = f"{noun} attributed to {' and '.join(who)}." if who else f"{noun} from the article."
    computed = ["Rates per month computed by exportrow"] if measure == "per_month" else []
    if (periods.basis == "derived").any():
        n = int((periods.basis == "derived").sum())
        computed.append(f"hatched bar{'s' * (n > 1)}: {word}{'s' * (n > 1)} derived by exportrow, "
                        "not stated in the article")
    if computed:
        text += " " + "; ".join(computed)[0].upper() + "; ".join(computed)[1:] + "."
    if figures_table is not None and len(periods):
        q = periods.quantity.iloc[0]
        f = figures_table[(figures_table.quantity == q) & figures_table.period_start.notna()]
        left = f[f.figure_id.isin(_totals(f)) & ~f.figure_id.isin(periods.figure_id)]
        for r in left.itertuples():
            text += (f" Not drawn beside its parts: the total of {hedged(r.value, getattr(r, 'qualifier', None))} "
                     f"{r.unit} for {period_label(r)}.")
        left = derived_left_out(figures_table, periods, years=years, show_derived=show_derived, measure=asked)
        if len(left):
            text += (" Not drawn (show_derived false): "
                     + "; ".join(_left_out_words(r, measure, r.unit) for _, r in left.iterrows())
                     + ", derived by exportrow.")
    return text
