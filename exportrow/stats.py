"""Enforcement statistics: periods, rates, and checks of the article's own statements.

Functions take a DataFrame first and return a new one, so they chain with ``.pipe``::

    figures(article).pipe(case_periods, years=[2015, 2016, 2017], show_derived=True)
"""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd

from exportrow.annotations import CHECKS
from exportrow.article import Article
from exportrow.escape import markdown_text
from exportrow.numbers import find_numbers
from exportrow.tables import BASES, _cat, _int, _str, annotation

__all__ = ["statements", "check_statements", "case_periods", "caveats", "period_label", "main_quantity",
           "credit_line", "VERDICTS", "CHECKS"]

VERDICTS = ("supported", "approximate", "not_supported")
_FACTOR_WORDS = {"doubled": 2, "tripled": 3, "trebled": 3, "quadrupled": 4, "halved": 0.5}


def statements(article: Article | None = None, annotation_file: str | Path | None = None) -> pd.DataFrame:
    """The article's quantitative statements listed in the annotation (``statements:``).

    Columns: ``statement_id, check, figures, compare_with, quote, start, end``.

    Example:
        >>> statements().statement_id.tolist()
        ['more_than_doubled', 'counts_within_total', 'length_of_period', 'recent_surge']
    """
    ann = annotation(article, annotation_file)
    rows = ann.statements
    spans = [s["span"] for s in rows]
    return pd.DataFrame({
        "statement_id": _str([s["id"] for s in rows]),
        "check": _cat([s["check"] for s in rows], CHECKS),
        "figures": _str([";".join(s["figures"]) for s in rows]),
        "compare_with": _str([s.get("compare_with") for s in rows]),
        "quote": _str([sp.text for sp in spans]),
        "start": _int([sp.start for sp in spans]),
        "end": _int([sp.end for sp in spans]),
    })


def _months_words(text: str) -> int | None:
    m = re.search(r"(\S+)\s+(year|month)s?\b", text)
    if not m:
        return None
    found = find_numbers(m.group(1))
    if not found:
        return None
    n = found[0].value
    return int(n * 12) if m.group(2) == "year" else int(n)


def _fmt_months(n: int) -> str:
    years, months = divmod(int(n), 12)
    parts = [f"{years} year{'s' * (years != 1)}"] if years else []
    if months:
        parts.append(f"{months} month{'s' * (months != 1)}")
    return " and ".join(parts) or "0 months"


def _check_one(row, fig: pd.DataFrame) -> tuple[str, str, str]:
    ids = row.figures.split(";")
    missing = [i for i in ids if i not in fig.index]
    if missing:
        raise KeyError(f"statement {row.statement_id}: unknown figure id(s) {', '.join(missing)}")
    f = [fig.loc[i] for i in ids]
    if row.check == "growth_factor":
        new, old = int(f[0].value), int(f[1].value)
        quote = row.quote.lower()
        word = next((w for w in _FACTOR_WORDS if w in quote), None)
        if word is None:
            raise ValueError(f"statement {row.statement_id}: no growth word ({', '.join(_FACTOR_WORDS)}) in quote")
        factor = _FACTOR_WORDS[word]
        if old == 0:
            return f"{new} / {old}", VERDICTS[2], f"no growth factor from zero {f[1].unit}"
        ratio = new / old
        value = f"{new} / {old} = {ratio:.2f}x"
        if "more than" in quote:
            ok = ratio > factor
            return value, VERDICTS[0] if ok else VERDICTS[2], (
                f"'more than {word}' needs a factor above {factor:g}; {ids[1]} to "
                f"{ids[0]} is {ratio:.2f}x")
        ok = abs(ratio - factor) / factor <= 0.1
        return value, VERDICTS[0] if ok else VERDICTS[1], f"'{word}' means about {factor:g}x; it is {ratio:.2f}x"
    if row.check == "parts_within_total":
        total, parts = f[0], f[1:]
        s = sum(int(p.value) for p in parts)
        inside = all(total.period_start <= p.period_start and p.period_end <= total.period_end for p in parts)
        rest = int(total.value) - s
        names = " + ".join(str(int(p.value)) for p in parts)
        value = f"{names} = {s} of {int(total.value)}; {rest} left"
        if inside and rest >= 0:
            return value, VERDICTS[0], (f"the stated parts fit inside the total and leave {rest} {total.unit} "
                                        "for the months the article does not break down")
        return value, VERDICTS[2], "the stated parts exceed the total or fall outside its period"
    if row.check == "period_length":
        total = f[0]
        months = int(total.months)
        claimed = _months_words(row.compare_with or "")
        value = f"{months} months ({_fmt_months(months)})"
        if claimed is None:
            return value, VERDICTS[1], "nothing to compare with"
        if claimed == months:
            return value, VERDICTS[0], f"'{row.compare_with}' is exact"
        return value, VERDICTS[1], (f"'{row.compare_with}' is {_fmt_months(abs(months - claimed))} "
                                    f"{'short' if claimed < months else 'long'}: the period runs "
                                    f"{total.period_start:%B %Y} to {total.period_end - pd.Timedelta(days=1):%B %Y}")
    if row.check == "rate_increase":
        later, earlier = f[0], f[1]
        value = f"{later.per_month:.2f} vs {earlier.per_month:.2f} {later.unit} per month"
        derived = " (the later rate rests on a derived figure)" if "derived" in (later.basis, earlier.basis) else ""
        if later.per_month > earlier.per_month:
            rise = later.per_month / earlier.per_month - 1
            return value, VERDICTS[0], f"the monthly rate rose by {rise:.0%}{derived}"
        return value, VERDICTS[2], f"the monthly rate did not rise{derived}"
    raise ValueError(f"statement {row.statement_id}: unknown check {row.check!r}")


def check_statements(statements_table: pd.DataFrame, figures_table: pd.DataFrame) -> pd.DataFrame:
    """Check each statement against the figures; add ``value``, ``verdict``, ``explanation``.

    Verdicts are computed here, never typed: ``supported``, ``approximate`` or
    ``not_supported``.

    Example:
        >>> from exportrow import figures
        >>> t = statements().pipe(check_statements, figures()).set_index("statement_id")
        >>> t.loc["more_than_doubled", ["value", "verdict"]].tolist()
        ['48 / 22 = 2.18x', 'supported']
        >>> t.loc["length_of_period", "value"], t.loc["length_of_period", "verdict"]
        ('51 months (4 years and 3 months)', 'approximate')
    """
    fig = figures_table.set_index("figure_id")
    results = [_check_one(row, fig) for row in statements_table.itertuples()]
    out = statements_table.copy()
    out["value"] = _str([r[0] for r in results])
    out["verdict"] = _cat([r[1] for r in results], VERDICTS)
    out["explanation"] = _str([r[2] for r in results])
    return out


def period_label(figure) -> str:
    """A short label for a figure's period: ``2016``, or ``Jan 2018–Mar 2019``.

    Example:
        >>> from exportrow import figures
        >>> [period_label(r) for r in figures().dropna(subset=["period_start"]).itertuples()][:2]
        ['Jan 2015–Mar 2019', '2015']
    """
    start, end = figure.period_start, figure.period_end
    if end == start + pd.DateOffset(years=1) and start.month == 1 and start.day == 1:
        return f"{start:%Y}"
    return f"{start:%b %Y}\u2013{end - pd.Timedelta(days=1):%b %Y}"


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


def case_periods(figures_table: pd.DataFrame, *, quantity: str | None = None,
                 years: list[int] | None = None, show_derived: bool = True,
                 measure: str = "count") -> pd.DataFrame:
    """The periods a quantity is broken into, for a bar chart: one row per bar.

    Totals that other rows break down are left out (they would double count).

    Args:
        figures_table: The output of :func:`exportrow.figures`.
        quantity: Which quantity (None: :func:`main_quantity`).
        years: Keep only periods that start in these years (None: all).
        show_derived: Keep derived periods.
        measure: ``count`` (the figure's value) or ``per_month`` (value per month).

    Returns:
        Columns ``label, quantity, period_start, period_end, months, value, unit, basis, figure_id, actor,
        source``;
        ``source`` says who states the value or how it was derived (``derived: 156 − 14 − …``).

    Example:
        >>> from exportrow import figures
        >>> t = figures().pipe(case_periods)
        >>> t.label.tolist(), t.value.tolist()
        (['2015', '2016', '2017', 'Jan 2018–Mar 2019'], [14.0, 22.0, 48.0, 72.0])
        >>> t.basis.tolist()
        ['stated', 'stated', 'stated', 'derived']
        >>> figures().pipe(case_periods, measure="per_month", show_derived=False).value.tolist()
        [1.17, 1.83, 4.0]
    """
    if measure not in ("count", "per_month"):
        raise ValueError(f"measure must be 'count' or 'per_month', not {measure!r}")
    quantity = quantity or main_quantity(figures_table)
    f = figures_table[(figures_table.quantity == quantity) & figures_table.period_start.notna()]
    used = {i for s in f.inputs.dropna() for i in s.split(";")[:1]}  # totals broken down elsewhere
    f = f[~f.figure_id.isin(used)]
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

    value = f.value.astype("Float64") if measure == "count" else f.per_month
    return pd.DataFrame({
        "label": _str([period_label(r) for r in f.itertuples()]),
        "quantity": _str(f.quantity.tolist()),
        "period_start": f.period_start.values,
        "period_end": f.period_end.values,
        "months": _int(f.months.tolist()),
        "value": pd.array(value.tolist(), dtype="Float64"),
        "unit": _str(f.unit.tolist()),
        "basis": _cat(f.basis.tolist(), BASES),
        "figure_id": _str(f.figure_id.tolist()),
        "actor": _str(f.actor.tolist()),
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


def credit_line(periods: pd.DataFrame, actors_table: pd.DataFrame) -> str:
    """Who the charted figures come from, for the line under the chart.

    Example:
        >>> from exportrow import actors, figures
        >>> credit_line(figures().pipe(case_periods), actors())
        "Figures attributed to South Korea's Ministry of Trade, Industry and Energy; hatched bars derived by exportrow."
    """
    names = actors_table.set_index("actor_id").name
    who = list(dict.fromkeys(names.get(a, a) for a in periods.actor.dropna()))
    text = f"Figures attributed to {' and '.join(who)}" if who else "Figures from the article"
    if (periods.basis == "derived").any():
        text += "; hatched bars derived by exportrow"
    return text + "."
