"""The paper version of each notebook's exercise, for the student edition's printed worksheets.

A printed worksheet has no cells to run and no "cell below": its exercise must carry the material it needs
(the article's own words) and keep the answers (derived values, resolved dates, the annotation's coding) for
a "Check your answer" part that comes after it. The exercise texts here are written for paper; the notebooks
keep their own. Each hand-out picks the same figure, event or claim as the notebook's exercise cell
(:func:`exportrow.stats.exercise_figures`, :func:`exportrow.timeline.exercise_event`,
:func:`exportrow.framing.exercise_claim`), so the sheet and the notebook work on the same thing.

Every piece of text from an article or annotation is escaped here (:func:`exportrow.escape.html_text`): the
fragments are HTML, ready for :func:`exportrow.student.worksheet_html`.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd

from exportrow.escape import html_text

__all__ = ["Exercise", "Handout", "handout", "HANDOUTS", "pick_rate_figure", "pick_event", "pick_claim",
           "CLAIMS_TO_CODE"]

#: How many claims the reliability sheet (04) asks a student to code by hand: a page, not the whole article.
CLAIMS_TO_CODE = 5


@dataclass
class Exercise:
    """One exercise on paper: its opening (HTML), the material it needs (HTML), and its parts (HTML, each
    followed by a box to answer in)."""

    intro: str
    material: str = ""
    parts: list[str | tuple[str, int]] = field(default_factory=list)  # (text, lines) for a box of other size


@dataclass
class Handout:
    """What a printed worksheet holds beyond the notebook's question: the exercises first, then the answers."""

    exercises: list[Exercise]
    check: str = ""  # HTML shown under "Check your answer", after every exercise


def _p(text: str) -> str:
    return f"<p>{text}</p>"


def _code(text) -> str:
    return f"<code>{html_text(text)}</code>"


def _and(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1] if items else ""


def _rounding(v: float, of) -> str:
    """How a computed rate is rounded for the answers (:func:`exportrow.numbers.rate_places`).

    Example:
        >>> _rounding(14 / 12, 14), _rounding(25100000 / 12, 25100000)
        ('at most two decimals', '3 significant digits, as precise as the count it divides')
        >>> _rounding(1 / 288, 1)
        '3 significant digits: two decimals would leave fewer than two'
    """
    from exportrow.numbers import RATE_DIGITS, rate_places, significant_digits

    places = rate_places(float(v), of)
    if places == 2:
        return "at most two decimals"
    if places > 2:
        return (f"{max(RATE_DIGITS, significant_digits(of))} significant digits: two decimals would leave fewer than "
                "two")
    return f"{max(RATE_DIGITS, significant_digits(of))} significant digits, as precise as the count it divides"


def _derived_length(d) -> str:
    """How long a derived figure's period is, and its rate a month when the period is whole months; a period that
    runs from an event to the publication day (``period_since:``) is given in days, with no rate a month."""
    from exportrow.numbers import fmt_rate

    if pd.notna(d.months):
        return f"{_plural(int(d.months), 'month')}, {fmt_rate(d.per_month, d.value)} a month"
    days = (pd.Timestamp(d.period_end) - pd.Timestamp(d.period_start)).days
    return f"{_plural(days, 'day')}, not whole months, so no rate a month"


def _plural(n: int, word: str) -> str:
    return f"{n} {word if n == 1 else word + 's'}"


def _table(header: list[str], rows: list[list[str]], cls: str = "") -> str:
    """An HTML table from cells that are already HTML."""
    head = "".join(f"<th>{h}</th>" for h in header)
    body = "".join("<tr>" + "".join(f"<td>{c}</td>" for c in r) + "</tr>" for r in rows)
    return f'<table{f" class={chr(34)}{cls}{chr(34)}" if cls else ""}><thead><tr>{head}</tr></thead>' \
           f"<tbody>{body}</tbody></table>"


def _quote(text: str, mark: str | None = None) -> str:
    """The article's words as a block quote, ``mark`` (if found in them) in bold."""
    text = " ".join(str(text).split())
    at = text.find(mark) if mark else -1
    if at < 0:
        return f"<blockquote>{html_text(text)}</blockquote>"
    return (f"<blockquote>{html_text(text[:at])}<strong>{html_text(mark)}</strong>"
            f"{html_text(text[at + len(mark):])}</blockquote>")


def _sentences(article, start: int, end: int) -> str:
    """The body sentences that hold raw offsets ``start`` to ``end``; the span's own words if none does.

    Example:
        >>> from exportrow import load_article
        >>> art = load_article()
        >>> at = art.raw.index("Fourteen cases")
        >>> _sentences(art, at, at + 14)[:40]
        'Fourteen cases were caught in 2015 and 2'
    """
    lo, hi = _sentence_bounds(article, start, end)
    return " ".join(article.raw[lo:hi].split())


def _sentence_bounds(article, start: int, end: int) -> tuple[int, int]:
    """Raw offsets from the first to the last body sentence that holds ``start`` to ``end``; the span's own if none."""
    found = [s for s in article.sentences if s.start < end and start < s.end]
    return (found[0].start, found[-1].end) if found else (start, end)


def _sentences_marked(article, start: int, end: int) -> str:
    """As :func:`_sentences`, as HTML with the span's own words in bold (several claims can share a sentence).

    Example:
        >>> from exportrow import load_article
        >>> art = load_article()
        >>> at = art.raw.index("Fourteen cases")
        >>> _sentences_marked(art, at, at + 14)[:47]
        '<strong>Fourteen cases</strong> were caught in '
    """
    lo, hi = _sentence_bounds(article, start, end)

    def words(a: int, b: int) -> str:
        return html_text(" ".join(article.raw[a:b].split()))

    gap = " " if lo < start and article.raw[start - 1:start].isspace() else ""
    after_gap = " " if end < hi and article.raw[end:end + 1].isspace() else ""
    return (f"{words(lo, start)}{gap}<strong>{words(start, end)}</strong>{after_gap}"
            f"{words(end, hi)}").strip()


# ---------------------------------------------------------------------------------------------------- 01
def pick_rate_figure(figures_table: pd.DataFrame):
    """The stated figure part 1 of notebook 01's exercise works on (the first with whole months), or None.

    Example:
        >>> from exportrow import figures
        >>> pick_rate_figure(figures()).figure_id
        'cases_total'
    """
    stated = _counts(figures_table[figures_table.basis == "stated"])
    whole = stated[stated.months.notna() & (stated.months > 0)]
    return whole.iloc[0] if len(whole) else None


def _counts(figures_table: pd.DataFrame) -> pd.DataFrame:
    """The figures that add up over their periods: a level (``kind: level``) has no rate per month."""
    if "kind" not in figures_table:
        return figures_table
    return figures_table[figures_table["kind"].astype("string") != "level"]


def _figure_words(r, words: str | None = None, published: str = "") -> str:
    """A stated figure as the exercise names it: its value and unit, its period in the article's words, and the
    period exportrow resolves them to, said to be resolved (``published``: the publication day, as words).

    Example:
        >>> from exportrow import figures
        >>> t = figures().set_index("figure_id", drop=False)
        >>> print(_figure_words(t.loc["cases_total"], "from 2015 to this March", "12 July 2019").replace(", ", ",\\n"))
        156 cases “from 2015 to this March”,
        a period exportrow resolves against the publication date (12 July 2019) to Jan 2015–Mar 2019
        >>> _figure_words(t.loc["cases_2015"], "2015", "12 July 2019")
        '14 cases in 2015'
    """
    from exportrow.checks import period_label
    from exportrow.stats import hedged

    if pd.isna(r.period_start) or pd.isna(r.period_end):
        period = f" \u201c{words}\u201d (no period resolved)" if words else " (no period)"
    elif words is None or words == period_label(r):
        period = f" in {period_label(r)}"
    else:
        against = f" against the publication date ({published})" if published else ""
        period = f" \u201c{words}\u201d, a period exportrow resolves{against} to {period_label(r)}"
    return html_text(f"{hedged(r.value, r.qualifier)} {r.unit}{period}")


def _resolved_by(published: str) -> str:
    return ("resolved by exportrow against the publication date, " + published if published else
            "resolved by exportrow")


def _period_words(ann) -> dict[str, str]:
    """Each figure's period in the article's own words: its ``period:``, or for a ``period_since:`` figure the
    quote's words from "since" to the end of the words that date the event (its resolved period runs to
    publication).

    Example:
        >>> from exportrow.tables import annotation
        >>> _period_words(annotation())["cases_total"]
        'from 2015 to this March'
    """
    events = {e.get("id"): e for e in ann.events or [] if isinstance(e, dict)}
    raw = ann.article.raw
    out = {}
    for f in ann.figures:
        if f.get("period") is not None:
            out[f["id"]] = " ".join(str(f["period"]).split())
        elif f.get("period_since") is not None:
            when, quote = events.get(f["period_since"], {}).get("expression_span"), f.get("span")
            if when is None or quote is None:
                continue
            since = raw.lower().rfind("since", quote.start, when.start)
            words = raw[since if since >= 0 else when.start:when.end]
            out[f["id"]] = " ".join(words.split())
    return out


def _published_words(article) -> str:
    """The publication day as a sheet says it (``12 July 2019``), or empty when the article gives none."""
    day = article.published_date
    return f"{day.day} {day:%B %Y}" if day is not None else ""


def _no_figures(ann) -> str:
    """Worksheet 01's one exercise when the annotation records no figure: about the numbers the article gives, or,
    when it gives none (every number a date or set aside), about what it rests its case on instead.

    Example:
        >>> from exportrow.tables import annotation
        >>> print(_no_figures(annotation()))  # doctest: +NORMALIZE_WHITESPACE
        The article states no figure: every number in it is a date or set aside in the annotation, so this
        worksheet has no figure to work on. What does the article rest its case on instead: whose words, which
        examples, which events?
    """
    if ann.uncovered_numbers():
        return ("The annotation of this article records no figure, so this worksheet has no figure to work on. Read "
                "the article: which numbers does it give, and what would you need to know to compare them?")
    return ("The article states no figure: every number in it is a date or set aside in the annotation, so this "
            "worksheet has no figure to work on. What does the article rest its case on instead: whose words, which "
            "examples, which events?")


def _enforcement(ann) -> Handout:
    """Notebook 01: a rate per month by hand, and what a total leaves beyond its stated parts.

    Example:
        >>> from exportrow.tables import annotation
        >>> h = _enforcement(annotation())
        >>> "Fourteen cases were caught in 2015" in h.exercises[0].material, "72" in h.exercises[0].material
        (True, False)
        >>> "72 cases" in h.check
        True
    """
    import exportrow
    from exportrow.checks import period_label
    from exportrow.numbers import fmt_rate
    from exportrow.stats import hedged

    table = exportrow.figures(ann.article, ann.path)
    stated = table[table.basis == "stated"]
    if stated.empty:
        return Handout([Exercise(_p(_no_figures(ann)))])
    words, published = _period_words(ann), _published_words(ann.article)
    rows = [[_code(r.figure_id), html_text(" ".join(str(r.quote).split())), html_text(hedged(r.value, r.qualifier)),
             html_text(r.unit), html_text(words.get(r.figure_id, "none given")),
             html_text(period_label(r)) if pd.notna(r.period_start) and pd.notna(r.period_end) else "no period"]
            for r in stated.itertuples()]
    material = (_p("<strong>The figures the article states</strong>, in its own words. The last column is not the "
                   "article's: it is the period exportrow resolves the article's words to, counting words such as "
                   "\u201cthis March\u201d from the publication date"
                   + (f", {html_text(published)}" if published else "") + ".")
                + _table(["figure", "the article's words", "value", "unit", "period, in the article's words",
                          "period, as exportrow resolves it"
                          + (f" (against {html_text(published)})" if published else "")], rows, "figures"))
    one = pick_rate_figure(table)
    if one is not None:
        part1 = (f"Take {_code(one.figure_id)}: {_figure_words(one, words.get(one.figure_id), published)}. Work "
                 "out its rate per month by hand: its "
                 "value divided by the number of months in its period. Why does a rate per month let you compare "
                 "periods of different lengths, and a raw count not?")
    elif len(stated[stated.months.notna() & (stated.months > 0)]):
        part1 = ("The figures here with a period are levels (a value at a time, or an average or rate over its "
                 "period): they do not add up over their months, so a rate per month of them means nothing. Why "
                 "not? Which kind of figure would a rate per month need?")
    else:
        part1 = ("No figure here has a period of whole months, so there is no rate per month to work out. Which "
                 "words would the article need to give for one?")
    derived = table[table.basis == "derived"]
    if len(derived):
        d = derived.iloc[0]
        total_id, *part_ids = str(d.inputs).split(";")
        total = stated.set_index("figure_id").loc[total_id]
        part2 = (f"The article gives a total, {_code(total_id)}: "
                 f"{_figure_words(total, words.get(total_id), published)}. It also gives some of its parts: "
                 f"{_and([_code(i) for i in part_ids])}. How much does the total leave for the months the parts do "
                 "not cover, and how many months is that? What would you have to assume to split that number "
                 "between the calendar years inside its period?")
    else:
        part2 = ("The article gives no total with stated parts that leave exactly one period uncovered. If it gave "
                 "a total and its parts, what could you work out from them, and what not?")
    check = []
    if one is not None:
        check.append(_p(f"<strong>Part 1.</strong> {_code(one.figure_id)}: {html_text(hedged(one.value))} "
                        f"{html_text(one.unit)} over {_plural(int(one.months), 'month')} = "
                        f"{fmt_rate(one.per_month, one.value)} a month (computed, rounded to "
                        f"{_rounding(one.per_month, one.value)})."))
    if len(derived):
        d = derived.iloc[0]
        formula = " \u2212 ".join(html_text(x) for x in str(d.formula).split(" - "))
        check.append(_p(f"<strong>Part 2.</strong> {formula} = {html_text(hedged(d.value))} {html_text(d.unit)}, "
                        f"for {html_text(period_label(d))} ({_derived_length(d)}). This figure is derived: the "
                        "article does not state it, and it says nothing about how the number is spread over those "
                        f"{'months' if pd.notna(d.months) else 'days'}. Its period "
                        "is computed by exportrow too: what the parts leave of the total's period"
                        + (html_text(f", \u201c{words[total_id]}\u201d as {_resolved_by(published)} "
                                     f"({period_label(total)})")
                           if words.get(total_id) not in (None, period_label(total)) else "")
                        + "."))
    timed = _counts(stated[stated.months.notna() & (stated.months > 0)])
    if len(timed):
        check.append(_p("Every stated figure with a period, as a rate per month (computed):")
                     + _table(["figure", "value", "months", "a month"],
                              [[_code(r.figure_id), html_text(hedged(r.value, r.qualifier)), str(int(r.months)),
                                fmt_rate(r.per_month, r.value)] for r in timed.itertuples()], "figures"))
    return Handout([Exercise(_p("Work from the figures below, in the article's own words; no computer needed."),
                             material, [part1, part2])], "".join(check))


# ---------------------------------------------------------------------------------------------------- 02
def pick_event(events_table: pd.DataFrame):
    """The event notebook 02's exercise works on: a past-tense weekday, else any weekday, else other words
    that depend on the publication date; None when every date has its year.

    Example:
        >>> from exportrow import events
        >>> pick_event(events()).event_id
        'kang_pompeo_call'
    """
    from exportrow.timeline import exercise_event_row

    return exercise_event_row(events_table)


_DATE_RULES = (
    "A weekday with no date (\u201con Wednesday\u201d) is the most recent such day on or before the publication "
    "date when the verb is in the past tense, and the first such day on or after it when the verb is in the "
    "present or future tense; \u201clast Friday\u201d is the most recent Friday before publication, \u201cnext "
    "Friday\u201d the first after it. \u201cYesterday\u201d is the day before publication. \u201cLast week\u201d, "
    "\u201clast month\u201d, \u201cnext year\u201d are the unit before or after the one of publication (a week "
    "runs Monday to Sunday). \u201cThis January\u201d is that month of the publication year, \u201clast "
    "March\u201d the most recent March before the publication month. A month and day without a year "
    "(\u201cMarch 5\u201d) follow the weekday rule.")


#: Why some dates move with the publication date and others stay put (the answer to part 2, for any article).
_SHIFT_RULE = html_text(
    "Words counted from the publication date move only when the shift crosses the unit they name: a weekday and "
    "\u201clast week\u201d move a week later; \u201cthis January\u201d moves only when the new date is in another "
    "year; a month and day without a year (\u201cMarch 5\u201d) follow the weekday rule, so in the past tense they "
    "move only when the new date falls before that day of the year. Only dates with their year (\u201cDecember "
    "2017\u201d, \u201c2016\u201d) never move.")


def _day(ts) -> str:
    return f"{ts:%A} {ts.day} {ts:%B %Y}"


def _interval(start, end, precision) -> str:
    """A resolved date as the answer sheet prints it: one day with its weekday only when the interval is one day
    long; a span of days ("by June 30", precision ``day``) from its first to its last day; a week, month or year
    span with its precision.

    Example:
        >>> day = pd.Timestamp
        >>> _interval(day("2025-03-13"), day("2025-03-14"), "day")
        'Thursday 13 March 2025'
        >>> _interval(day("2025-03-13"), day("2025-07-01"), "day")
        '13 March 2025 to 30 June 2025'
        >>> _interval(day("2025-03-17"), day("2025-03-24"), "week")
        '17 March 2025 to 23 March 2025 (week)'
    """
    last = end - pd.Timedelta(days=1)
    if start == last:
        return _day(start)
    span = f"{start.day} {start:%B %Y} to {last.day} {last:%B %Y}"
    return span if precision == "day" else f"{span} ({precision})"


def _write_as(pick) -> str:
    """How part 1 asks for the date: with its weekday only when the words name one day (\u201clast week\u201d
    names a week, which has no single weekday).

    Example:
        >>> from exportrow import events
        >>> _write_as(pick_event(events()))
        'Write it with its weekday.'
        >>> _write_as(pd.Series({"date_start": pd.Timestamp("2024-05-13"), "date_end": pd.Timestamp("2024-05-20"),
        ...                      "precision": "week"}))
        'Write the week it names, from its Monday to its Sunday.'
    """
    start, end = pick.date_start, pick.date_end
    if pd.notna(start) and pd.notna(end) and end - start == pd.Timedelta(days=1):
        return "Write it with its weekday."
    return {"week": "Write the week it names, from its Monday to its Sunday.",
            "month": "Write the month it names, with its year.",
            "year": "Write the year it names."}.get(pick.precision, "Write the first and last days it names.")


def _timeline(ann) -> Handout:
    """Notebook 02: date an event by hand from the publication date, then imagine the article a week later.

    Example:
        >>> from exportrow.tables import annotation
        >>> h = _timeline(annotation())
        >>> ex = h.exercises[0]
        >>> "Friday 12 July 2019" in ex.material, "Wednesday" in ex.material, "10 July" in ex.material
        (True, True, False)
        >>> "Wednesday 10 July 2019" in h.check
        True
    """
    import exportrow

    art = ann.article
    table = exportrow.events(art, ann.path)
    dated = table[(table.source == "article") & (table.event_id != "publication") & table.expression.notna()]
    if art.published_date is None:
        return Handout([Exercise(_p("The article gives no publication date, so words such as \u201clast week\u201d "
                                    "or \u201con Wednesday\u201d cannot be dated from it. Find such words in the "
                                    "article: what would you need to know to date them?"))])
    published = pd.Timestamp(art.published_date)
    material = [_p(f"<strong>The article came out on {html_text(_day(published))}.</strong>"),
                _p(f"<strong>How such words are read.</strong> {html_text(_DATE_RULES)}")]
    pick = pick_event(table)
    if pick is not None:
        tense = f" (the verb is in the {html_text(pick.tense)} tense)" if pd.notna(pick.tense) else ""
        material.append(_p(f"<strong>The event:</strong> {html_text(pick.description)}. The article dates it with "
                           f"the words \u201c{html_text(pick.expression)}\u201d{tense}, in this sentence:")
                        + _quote(_sentences(art, int(pick.start), int(pick.end)), str(pick.expression)))
        part1 = ("Work out the date of this event by hand, from the publication date and the rules above alone. "
                 f"{_write_as(pick)} Which rule did you use?")
    else:
        part1 = ("The annotation dates every event here with its year (a year, a month of a year, a date with its "
                 "year). " if len(dated) else "The annotation records no event in this article. ")
        part1 += ("Resolve \u201cyesterday\u201d and \u201clast Wednesday\u201d against the publication "
                  "date yourself, with the rules above.")
    later = published + pd.Timedelta(days=7)
    part2 = (f"Suppose the article had come out one week later, on {html_text(_day(later))}. "
             + ("Which of the events listed below would get another date, and which would stay put? Why?" if len(dated)
                else "Which dates from part 1 would change, and which would stay put? Why?"))
    events_list = ""
    if len(dated):
        events_list = (_p("<strong>The events the article dates</strong> (the words it uses, without the dates "
                          "they give):")
                       + _table(["event", "dated by the words"],
                                [[html_text(r.description), f"\u201c{html_text(r.expression)}\u201d"]
                                 for r in dated.itertuples()], "events"))
    check = []
    if pick is not None:
        check.append(_p(f"<strong>Part 1.</strong> \u201c{html_text(pick.expression)}\u201d resolves to "
                        f"{html_text(_interval(pick.date_start, pick.date_end, pick.precision))}, by the rule: "
                        f"{html_text(pick.rule)}."))
    if len(dated):
        moved = _moved(ann, dated, later)
        stay = len(dated) - len(moved)
        if moved:
            check.append(_p(f"<strong>Part 2.</strong> Published on {html_text(_day(later))}, "
                            f"{_plural(len(moved), 'event')} would move and {stay} would stay put. {_SHIFT_RULE}")
                         + _table(["event", "words", "dated now", "a week later"], moved, "events"))
        else:
            check.append(_p(f"<strong>Part 2.</strong> Published on {html_text(_day(later))}, no event would move. "
                            f"{_SHIFT_RULE}"))
    return Handout([Exercise(_p("Work from the article's words below; no computer needed."),
                             "".join(material), [part1, part2 + events_list])], "".join(check))


def _moved(ann, dated: pd.DataFrame, later) -> list[list[str]]:
    """The rows (HTML cells) of the dated events whose dates move when the article comes out on ``later``."""
    import exportrow

    moved_art = ann.article.with_published(f"{later:%Y-%m-%d}")
    other = exportrow.events(moved_art, ann.path).set_index("event_id")
    rows = []
    for r in dated.itertuples():
        if r.event_id not in other.index:
            continue
        o = other.loc[r.event_id]
        if (o.date_start, o.date_end) != (r.date_start, r.date_end):
            rows.append([html_text(r.description), f"\u201c{html_text(r.expression)}\u201d",
                         html_text(_interval(r.date_start, r.date_end, r.precision)),
                         html_text(_interval(o.date_start, o.date_end, o.precision))])
    return rows


# ---------------------------------------------------------------------------------------------------- 03, 04
def pick_claim(claims: pd.DataFrame):
    """The claim notebook 03's exercise asks to code: relayed ("reportedly"), else from an unnamed source,
    else a paraphrase, else any; None when there is none.

    Example:
        >>> from exportrow import claims
        >>> pick_claim(claims()).claim_id
        'us_understanding'
    """
    from exportrow.framing import _RELAYED, heard_as

    if claims.empty:
        return None
    relayed = claims[claims.cue.str.contains(_RELAYED, na=False)]
    unnamed = claims[claims.attribution == "anonymous_source"]
    paraphrase = claims[heard_as(claims)[0] == "indirect"]  # as notebook 03's exercise_claim picks it
    return next(x for x in (relayed, unnamed, paraphrase, claims) if len(x)).iloc[0]


def _relay_words(last: str) -> str:
    """The coding guide's unnamed-relay phrasings (:data:`exportrow.framing.UNNAMED_RELAY_PHRASES`), quoted, the
    last joined by ``last``.

    Example:
        >>> print(_relay_words("or"))
        “reportedly”, “allegedly”, “according to reports”, “is (or was) said to” or “is (or was) reported to”
    """
    from exportrow.framing import UNNAMED_RELAY_PHRASES

    shown = [f"\u201c{words}\u201d" for words, _ in UNNAMED_RELAY_PHRASES]
    return f"{', '.join(shown[:-1])} {last} {shown[-1]}"


def _attribution_words() -> dict[str, str]:
    """The attribution types as the worksheet prints them. They follow the coding guide, every unnamed relay
    included (one list, :func:`_relay_words`), so that a student who codes by them gets the answer sheet's answer
    (:func:`_attribution_answer`).

    Example:
        >>> print(_attribution_words()["indirect"][:64])
        a named source, paraphrased, and not passed on with \u201creportedly\u201d
    """
    return {"direct_quote": "a named source, in quotation marks",
            "indirect": f"a named source, paraphrased, and not passed on with {_relay_words('or')}",
            "anonymous_source": f"a source the article does not name, or words it passes on with "
                                f"{_relay_words('or')} without saying who it has them from, even when it names "
                                "the speaker",
            "unattributed": "nobody named: the article's own voice"}


def _coding_lists(ann) -> str:
    """The choices a coder picks from, printed: sides, attribution types, frames, Entman functions."""
    from exportrow.annotations import ATTRIBUTIONS, ENTMAN, FRAMES
    from exportrow.framing import side_name

    sides = _and([f"{_code(s)} ({html_text(side_name(s, ann.sides))})" for s in ann.sides])
    words = _attribution_words()
    attributions = _and([f"{_code(a)} ({html_text(words.get(a, a))})" for a in ATTRIBUTIONS])
    frames = "".join(f"<li>{html_text(name)}</li>" for _, name in sorted(FRAMES.items()))
    return (f'<div class="lists"><p><strong>Sides:</strong> {sides}.</p>'
            f"<p><strong>Attribution types:</strong> {attributions}.</p>"
            f"<p><strong>Entman functions</strong> (any number): {_and([_code(e) for e in ENTMAN])}.</p>"
            f'<p><strong>Frames</strong> (by number; the coding guide defines each):</p><ol class="frames">{frames}'
            "</ol></div>")


def _entman(value) -> str:
    if value is None or (not isinstance(value, (list, tuple)) and pd.isna(value)):
        return "none"
    items = value if isinstance(value, (list, tuple)) else str(value).split(";")
    return ", ".join(str(i).strip() for i in items if str(i).strip()) or "none"


def _frame(code, name) -> str:
    return "none" if pd.isna(code) else f"{int(code)} {name}"


def _actor_name(ann, actor_id) -> str:
    """The actor as a student should read it: its name from the annotation (escaped), its id only without one.

    Example:
        >>> from exportrow.tables import annotation
        >>> _actor_name(annotation(), "pompeo"), _actor_name(annotation(), "nobody")
        ('Mike Pompeo, U.S. Secretary of State', '<code>nobody</code>')
    """
    name = next((a.get("name") for a in ann.actors if a.get("id") == actor_id), None)
    return html_text(" ".join(name.split())) if isinstance(name, str) and name.strip() else _code(actor_id)


def _actor_kind(ann, actor_id) -> str | None:
    """The ``kind`` the annotation gives the actor, or None."""
    return next((a.get("kind") for a in ann.actors if a.get("id") == actor_id), None)


def _attribution_answer(c, actor_kind: str | None = None) -> str:
    """The attribution type the answer sheet gives under "The annotation's coding": always the code the annotation
    holds first (``attribution`` of the claims table), never one it does not hold (review 19). Where the worksheet's
    definitions (a named source in quotation marks, or paraphrased, or words passed on with "reportedly"), read from
    the article's quotation marks (``quote_form``) and the cue, give another type, the sheet adds it and why, so it
    never marks wrong a student who followed the definitions (reviews 15, 16 and 18). An unnamed relay coded
    ``anonymous_source`` says why, though the speaker is named; a named speaker's claim (``actor_kind`` not
    ``anonymous_source``) coded ``anonymous_source`` with none of the relay words gets both answers.

    Example:
        >>> import pandas as pd
        >>> _attribution_answer(pd.Series({"attribution": "indirect", "quote_form": "paraphrase", "cue": "says"}))
        '<code>indirect</code>'
        >>> print(_attribution_answer(pd.Series({"attribution": "direct_quote", "quote_form": "paraphrase"})))
        <code>direct_quote</code>; the worksheet’s definitions give <code>indirect</code>: the article gives these \
words as a paraphrase, not wholly inside quotation marks (exportrow check warns about it)
        >>> print(_attribution_answer(pd.Series({"attribution": "anonymous_source", "cue": "reportedly expressed"})))
        <code>anonymous_source</code>: \u201creportedly\u201d: the article does not say who relayed these words to \
it (the coding guide\u2019s unnamed relay), so the words are not a named source\u2019s paraphrase \
(<code>indirect</code>)
        >>> print(_attribution_answer(pd.Series({"attribution": "unattributed", "cue": "reportedly"})))
        <code>unattributed</code>; the worksheet’s definitions and the coding guide give \
<code>anonymous_source</code>: \u201creportedly\u201d: the article does not say who relayed these words to it \
(the coding guide\u2019s unnamed relay) (exportrow check warns about it)
        >>> print(_attribution_answer(pd.Series({"attribution": "anonymous_source", "quote_form": "paraphrase",
        ...                                      "cue": "told"}), actor_kind="person"))  # doctest: +ELLIPSIS
        <code>anonymous_source</code>; the worksheet’s definitions give <code>indirect</code>: the article names \
the speaker, gives these words as a paraphrase and passes them on with none of the words of an unnamed relay (...)
    """
    from exportrow.framing import _RELAYED, _UNNAMED_RELAY, QUOTE_FORM_ATTRIBUTION

    coded = str(c.attribution)
    cue = c.get("cue")
    cue = cue if isinstance(cue, str) else ""
    relay = _UNNAMED_RELAY.search(cue) or (coded == "anonymous_source" and _RELAYED.search(cue))
    if relay:
        why = (f"\u201c{html_text(relay.group(0).lower())}\u201d: the article does not say who relayed these words "
               "to it (the coding guide\u2019s unnamed relay)")
        if coded == "anonymous_source":
            return f"{_code(coded)}: {why}, so the words are not a named source\u2019s paraphrase ({_code('indirect')})"
        # exportrow check warns about every unnamed relay coded otherwise (exportrow.annotations.quoting)
        return (f"{_code(coded)}; the worksheet\u2019s definitions and the coding guide give "
                f"{_code('anonymous_source')}: {why} (exportrow check warns about it)")
    if coded == "anonymous_source" and actor_kind not in (None, "anonymous_source") and \
            str(c.get("quote_form")) in QUOTE_FORM_ATTRIBUTION:
        read = QUOTE_FORM_ATTRIBUTION[str(c.get("quote_form"))]
        words = "inside quotation marks" if read == "direct_quote" else "as a paraphrase"
        return (f"{_code(coded)}; the worksheet\u2019s definitions give {_code(read)}: the article names the speaker, "
                f"gives these words {words} and passes them on with none of the words of an unnamed relay "
                f"({html_text(_relay_words('or'))})")
    read = QUOTE_FORM_ATTRIBUTION.get(str(c.get("quote_form")), coded) if coded in ("direct_quote", "indirect") \
        else coded
    if read == coded:
        return _code(coded)
    words = "inside quotation marks" if read == "direct_quote" else "as a paraphrase, not wholly inside quotation marks"
    return (f"{_code(coded)}; the worksheet\u2019s definitions give {_code(read)}: the article gives these words "
            f"{words} (exportrow check warns about it)")


def _coding_rows(c, ann) -> list[list[str]]:
    return [["the claim's words (its content)", f"\u201c{html_text(' '.join(str(c.quote).split()))}\u201d"],
            ["side", f"{_code(c.side)} (said by {_actor_name(ann, c.actor)})"],
            ["attribution type", _attribution_answer(c, _actor_kind(ann, c.actor))],
            ["reporting verb or hedge (cue)", html_text(c.cue) if pd.notna(c.cue) else "none"],
            ["primary frame", html_text(_frame(c.frame_code, c.frame))],
            ["secondary frame", html_text(_frame(c.frame_secondary_code, c.frame_secondary))],
            ["Entman functions", html_text(_entman(c.entman))]]


def _framing(ann) -> Handout:
    """Notebook 03: code one claim by hand from its sentence, then compare with the annotation's coding.

    Example:
        >>> from exportrow.tables import annotation
        >>> h = _framing(annotation())
        >>> "Pompeo reportedly expressed an understanding" in h.exercises[0].material
        True
        >>> "washington" in h.check, "moral_evaluation" in h.exercises[0].material
        (True, True)
    """
    import exportrow

    claims = exportrow.claims(ann.article, ann.path)
    c = pick_claim(claims)
    if c is None:
        return Handout([Exercise(_p("The annotation of this article records no claim, so there is no claim to "
                                    "code here. Read the article: who is quoted or paraphrased, and how?"))])
    material = (_p("<strong>The sentence</strong> that holds the claim, as the article prints it:")
                + _quote(_sentences(ann.article, int(c.start), int(c.end))) + _coding_lists(ann))
    parts = [("Underline, in the sentence above, the words that are the claim's content: what is claimed, "
              "without the reporting frame around it (who says it, and the verb that says so).", 0),
             "Its side, its attribution type, and its reporting verb or hedge (the cue), as the article has it.",
             "Its primary frame (and a secondary one, if any), and its Entman functions.",
             "Now compare your coding with the annotation's, on the answer sheet (\u201cCheck your answer\u201d). "
             "Where do you disagree, and why? Which of you does the coding guide support?"]
    check = (_p(f"<strong>The annotation's coding</strong> of this claim (its id: {_code(c.claim_id)}):")
             + _table(["field", "coded as"], _coding_rows(c, ann), "coding"))
    return Handout([Exercise(_p("Code one claim yourself, before you look at how the annotation codes it. Use "
                                "the lists below and the coding guide."), material, parts)], check)


def _reliability(ann) -> Handout:
    """Notebook 04: code a few claims by hand, then compare with the annotator.

    Example:
        >>> from exportrow.tables import annotation
        >>> h = _reliability(annotation())
        >>> h.exercises[0].material.count("<tr>") - 1, "<code>problem_definition</code>" in h.check
        (5, True)
    """
    import exportrow

    claims = exportrow.claims(ann.article, ann.path).sort_values("start", kind="stable")
    if claims.empty:
        return Handout([Exercise(_p("The annotation of this article records no claim, so there is nothing to "
                                    "code and compare here."))])
    chosen = claims.head(CLAIMS_TO_CODE)
    blank = '<span class="blank"></span>'
    rows = [[str(i), _sentences_marked(ann.article, int(c.start), int(c.end)), blank, blank, blank, blank]
            for i, c in enumerate(chosen.itertuples(), 1)]
    some = ("" if len(claims) <= CLAIMS_TO_CODE else
            f" (the first {len(chosen)} of the {len(claims)} claims the annotation records)")
    material = (_p(f"<strong>The claims to code</strong>, each in bold in its sentence{html_text(some)}:")
                + _table(["#", "the sentence", "side", "attribution", "frame", "Entman"], rows, "to-code")
                + _coding_lists(ann))
    parts = [("Fill in the table above: for each claim, its side, attribution type, primary frame (its number) "
              "and Entman functions. Work alone, with the coding guide at hand.", 0),
             "Compare your coding with the annotator's, on the answer sheet (\u201cCheck your answer\u201d). On "
             "which claims and "
             "which fields do you disagree? Which of you does the coding guide support?",
             "With the class: on which field do most of you disagree with each other? Why might that field be the "
             "hardest to code the same way?"]
    coded = [[str(i), _code(c.side), _code(c.attribution), html_text(_frame(c.frame_code, c.frame)),
              _and([_code(e) for e in _entman(c.entman).split(", ")])]
             for i, c in enumerate(chosen.itertuples(), 1)]
    check = (_p("<strong>The annotator's coding</strong> of the same claims:")
             + _table(["#", "side", "attribution", "frame", "Entman"], coded, "coding"))
    return Handout([Exercise(_p("Code the claims yourself before you look at the annotation."), material, parts)],
                   check)


#: The paper exercise of each notebook, by its number.
HANDOUTS = {"01": _enforcement, "02": _timeline, "03": _framing, "04": _reliability}


def handout(name: str, ann) -> Handout | None:
    """The paper exercise of notebook ``name`` (``01-...``) for the checked annotation ``ann``; None for a
    notebook without one (its worksheet then uses the notebook's own exercise text).

    Example:
        >>> from exportrow.tables import annotation
        >>> handout("03-framing-comparison", annotation()).exercises[0].parts[1][:9]
        'Its side,'
        >>> handout("07-something-else", annotation()) is None
        True
    """
    make = HANDOUTS.get(name[:2])
    return make(ann) if make else None
