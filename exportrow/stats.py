"""Enforcement statistics: periods, rates, and checks of the article's own statements.

Functions take a DataFrame first and return a new one, so they chain with ``.pipe``::

    figures(article).pipe(case_periods, years=[2015, 2016, 2017], show_derived=True)
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from exportrow.annotations import CHECKS
from exportrow.article import Article
from exportrow.checks import VERDICTS, check_one, period_label, rules_table
from exportrow.escape import markdown_text
from exportrow.tables import BASES, _cat, _int, _str, annotation

__all__ = ["statements", "check_statements", "case_periods", "caveats", "period_label", "main_quantity",
           "credit_line", "rules_table", "VERDICTS", "CHECKS", "MEASURES"]

#: What a bar of :func:`exportrow.plots.bar_periods` shows: the rate per month (bars span their
#: periods, so a bar's area is its count) or the raw count (bars not comparable across lengths).
MEASURES = ("per_month", "count")


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


def main_quantity(figures_table: pd.DataFrame) -> str | None:
    """The quantity that the article breaks into periods: the one whose dated figures cover most months.

    Example:
        >>> from exportrow import figures
        >>> main_quantity(figures())
        'illegal_export_cases'
    """
    dated = figures_table[figures_table.period_start.notna() & (figures_table.basis == "stated")]
    if dated.empty:
        return None
    return str(dated.groupby("quantity").months.sum().sort_values(ascending=False, kind="stable").index[0])


def _totals(f: pd.DataFrame) -> set[str]:
    """Ids of figures whose period holds another figure's (shorter) period: totals of their parts."""
    out = set()
    for r in f.itertuples():
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
        years: Keep only periods that start in these years (None: all).
        show_derived: Keep derived periods.
        measure: What ``value`` holds: ``per_month`` (the count divided by the period's months,
            computed by exportrow) or ``count`` (the figure's value).

    Returns:
        Columns ``label, quantity, period_start, period_end, months, count, per_month, value,
        unit, basis, figure_id, actor, side, source``; ``source`` says who states the count or
        how it was derived (``derived: 156 − 14 − …``).

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
        raise ValueError(f"measure must be 'count' or 'per_month', not {measure!r}")
    quantity = quantity or main_quantity(figures_table)
    f = figures_table[(figures_table.quantity == quantity) & figures_table.period_start.notna()]
    f = f[~f.figure_id.isin(_totals(f))]
    if not show_derived:
        f = f[f.basis == "stated"]
    if years is not None:
        have = sorted(set(f.period_start.dt.year))
        f = f[f.period_start.dt.year.isin(list(years))]
        if f.empty:
            raise ValueError(f"no period of {quantity} starts in {list(years)}; periods start in {have}")
    f = f.sort_values("period_start")

    values = figures_table.set_index("figure_id").value

    def source(r):
        if r.basis != "derived":
            return f"stated ({r.actor})"
        return "derived: " + " \u2212 ".join(str(values[i]) for i in r.inputs.split(";"))

    count = [float(v) for v in f.value]
    rate = [round(c / m, 2) if pd.notna(m) and m else None for c, m in zip(count, f.months)]
    sides = list(figures_table.side.cat.categories) if hasattr(figures_table.side, "cat") else None
    return pd.DataFrame({
        "label": _str([period_label(r) for r in f.itertuples()]),
        "quantity": _str(f.quantity.tolist()),
        "period_start": f.period_start.values,
        "period_end": f.period_end.values,
        "months": _int(f.months.tolist()),
        "count": pd.array(count, dtype="Float64"),
        "per_month": pd.array(rate, dtype="Float64"),
        "value": pd.array(rate if measure == "per_month" else count, dtype="Float64"),
        "unit": _str(f.unit.tolist()),
        "basis": _cat(f.basis.tolist(), BASES),
        "figure_id": _str(f.figure_id.tolist()),
        "actor": _str(f.actor.tolist()),
        "side": _cat([None if pd.isna(x) else str(x) for x in f.side], sides) if sides else _str(f.side.tolist()),
        "source": _str([source(r) for r in f.itertuples()]),
    })


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
        out.append(
            f"The article states {total.value} {total.unit} for {period_label(total)} but breaks down only "
            f"{parts}. The remaining **{r.value}** {r.unit} ({period_label(r)}, {r.months} months) are "
            "derived here; the article does not say how they split between the calendar years inside "
            "that period, so no chart should split them.")
    return out


def credit_line(periods: pd.DataFrame, actors_table: pd.DataFrame,
                figures_table: pd.DataFrame | None = None, measure: str = "per_month") -> str:
    """Who the charted figures come from, and what is computed or left out, for the line under the chart.

    With ``figures_table``, a total left out of the chart (its parts are drawn) is named.

    Example:
        >>> from exportrow import actors, figures
        >>> text = credit_line(figures().pipe(case_periods), actors(), figures())
        >>> print(text.replace(". ", ".\\n"))
        Counts attributed to South Korea's Ministry of Trade, Industry and Energy.
        Rates per month computed by exportrow; hatched bar: count derived by exportrow, not stated in the article.
        Not drawn beside its parts: the total of 156 cases for Jan 2015–Mar 2019.
    """
    names = actors_table.set_index("actor_id").name
    who = list(dict.fromkeys(names.get(a, a) for a in periods.actor.dropna()))
    text = f"Counts attributed to {' and '.join(who)}." if who else "Counts from the article."
    computed = ["Rates per month computed by exportrow"] if measure == "per_month" else []
    if (periods.basis == "derived").any():
        n = int((periods.basis == "derived").sum())
        computed.append(f"hatched bar{'s' * (n > 1)}: count{'s' * (n > 1)} derived by exportrow, "
                        "not stated in the article")
    if computed:
        text += " " + "; ".join(computed)[0].upper() + "; ".join(computed)[1:] + "."
    if figures_table is not None and len(periods):
        q = periods.quantity.iloc[0]
        f = figures_table[(figures_table.quantity == q) & figures_table.period_start.notna()]
        left = f[f.figure_id.isin(_totals(f)) & ~f.figure_id.isin(periods.figure_id)]
        for r in left.itertuples():
            text += f" Not drawn beside its parts: the total of {r.value} {r.unit} for {period_label(r)}."
    return text
