"""The domain checks, one per section: what the schema cannot say.

They run after the schema check, on entries the schema found well formed (an entry with a schema
problem is left alone, so its problem is reported once, not as a cascade). Each checker finds the
quotes in the article, follows id references, resolves dates, and checks that whatever it accepts
the tables and the notebooks can use.
"""

from __future__ import annotations

import re

from exportrow.annotations.checker import Checker, clip, shown
from exportrow.annotations.model import Annotation, Problem, Sides
from exportrow.annotations.validation import entry_label
from exportrow.annotations.vocab import ALWAYS_SIDES, CHECK_PERIODS, SECTIONS
from exportrow.article import Span
from exportrow.comparable import (
    LENGTH_CHECKS,
    LENGTH_TOLERANCE,
    ORDERED_CHECKS,
    length_text,
    lengths_differ,
    listed_earlier_first,
    one_contains_other,
    same_period,
    same_unit,
)
from exportrow.dates import FISCAL_NAMING, DateResolutionError, anaphoric_date, part_of_wider, period_fault
from exportrow.numbers import find_numbers, quote_numbers, scale_fix, states_value

__all__ = ["OTHER_ARTICLE", "collect_ids", "entries", "check_top_level", "check_actors", "check_figures",
           "check_statements", "check_claims", "check_events", "check_ignored_numbers", "coverage_warnings",
           "comparison_warnings", "check_side_names"]

_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.-]{0,99}")

#: Words of an amount set for a whole period, not counted so far: a past-tense figure with them that exportrow cuts at
#: publication gets a warning.
_AMOUNT_SET = re.compile(r"\b(?:quotas?|budgets?|caps?|ceilings?|allowances?|allocations?|limits?|allotments?)\b",
                         re.IGNORECASE)

#: The checks that compare rates per month: a count so far (to publication) gets cannot_check from them, not a refusal.
RATE_CHECKS = ("rate_change", "rate_increase")


def collect_ids(chk: Checker, doc: dict) -> dict[str, set]:
    """Every well-formed id by section (entries with other problems included), and duplicate-id problems.

    Example:
        >>> from pathlib import Path
        >>> from exportrow.article import load_article
        >>> chk = Checker(Path("a.yaml"), load_article())
        >>> collect_ids(chk, {"actors": [{"id": "a"}], "claims": [{"id": "a"}, {"id": ["b"]}]})["claims"]
        {'a'}
        >>> chk.problems[0].message
        'duplicate id (also in actors)'
    """
    seen: dict[str, str] = {}
    out: dict[str, set] = {s: set() for s in SECTIONS}
    for section in SECTIONS:
        items = doc.get(section)
        for k, item in enumerate(items if isinstance(items, list) else []):
            ident = item.get("id") if isinstance(item, dict) else None
            if not isinstance(ident, str) or not _ID.fullmatch(ident):
                continue
            if ident in seen:
                chk.add(entry_label(doc, section, k), "id", f"duplicate id (also in {seen[ident]})",
                        "give each entry its own id")
            seen[ident] = section
            out[section].add(ident)
    return out


def entries(chk: Checker, doc: dict, section: str, broken: set) -> list[dict]:
    """The section's well-formed entries, each with ``_label`` and the ``span`` of its quote (or None).

    Example:
        >>> chk, ann, ids = _demo()
        >>> [(e["_label"], e["span"].text) for e in entries(chk, {"actors": [MOON]}, "actors", set())]
        [('actors[moon]', 'Moon')]
    """
    if (section,) in broken:
        return []
    out = []
    for k, item in enumerate(doc.get(section) or []):
        if (section, k) in broken:
            continue
        label = entry_label(doc, section, k)
        out.append(dict(item, _label=label, span=chk.locate(label, item)))
    return out


def _display_name(name: str) -> str:
    """A side's ``name:`` as charts and prose show it: one line, single spaces, no control or bidirectional characters
    (it is still plain text to escape where it is shown).

    Example:
        >>> _display_name(" United\u202e  States\x07 ")
        'United States'
    """
    from exportrow.escape import BIDI_CONTROLS

    kept = "".join(" " if ch.isspace() else ch for ch in BIDI_CONTROLS.sub("", name)
                   if ch.isspace() or ch.isprintable())
    return " ".join(kept.split())


def check_top_level(chk: Checker, doc: dict, ann: Annotation, broken: set) -> None:
    """Draft flag, the article's hash, the declared sides and the caveats.

    Without ``sides:``, the sides are those the actors name, in their order (never another article's).
    A ``TODO`` placeholder under ``sides:`` (an ``exportrow extract`` draft) is a problem that says to
    name the sides.

    Example:
        >>> chk, ann, ids = _demo()
        >>> check_top_level(chk, {"draft": True, "sides": ["north"]}, ann, set())
        >>> [p.entry for p in chk.problems], ann.sides
        (['draft', 'article'], ('north', 'outlet', 'other'))
        >>> check_top_level(chk, {"actors": [{"side": "outlet"}, {"side": "south"}, {"side": "TODO"}]}, ann, set())
        >>> ann.sides
        ('south', 'outlet', 'other')

    A side may give the name readers see (``name:``); its id stays in tables and files:

        >>> check_top_level(chk, {"sides": [{"id": "us", "name": "United  States"}, "china"]}, ann, set())
        >>> ann.sides, ann.sides.names
        (('us', 'china', 'outlet', 'other'), {'us': 'United States'})
    """
    if doc.get("draft"):
        chk.add("draft", "", "this is a draft from `exportrow extract`, not checked data yet",
                "review every entry (replace each TODO), then delete the line `draft: true`")
    article = chk.article
    meta = doc.get("article") if _intact(broken, "article") else {}
    recorded = (meta or {}).get("sha256")
    if not recorded:
        chk.add("article", "sha256", "missing the hash of the article it annotates",
                f"add `sha256: {article.sha256}` under article:")
    elif not re.fullmatch(r"[0-9a-fA-F]{64}", recorded):
        chk.add("article", "sha256", f"{shown(recorded)} is not a SHA-256 hash (64 hex digits)",
                f"write `sha256: {article.sha256}` if this file annotates {article.path.name}")
    elif recorded.lower() != article.sha256:
        chk.add("article", "sha256", f"{OTHER_ARTICLE}: recorded {recorded[:12]}…, but {article.path.name} "
                f"has {article.sha256[:12]}…", _other_article_fix(meta, article, chk.file))
    _fiscal_year(chk, meta or {})
    if doc.get("sides") is not None and _intact(broken, "sides"):
        ids = [s["id"] if isinstance(s, dict) else s for s in doc["sides"]]
        written = {s["id"]: s["name"] for s in doc["sides"] if isinstance(s, dict)}
        names = {side: _display_name(name) for side, name in written.items()}
        ann.sides = Sides(dict.fromkeys([*ids, *ALWAYS_SIDES]), names, written)
        for side in [s for s in dict.fromkeys(ids) if ids.count(s) > 1]:
            chk.add("sides", "", f"the side {shown(side)} is declared more than once", "declare each side once")
        check_side_names(chk, ann.sides)
        todo = [s for s in ids if is_placeholder(s)]
        if todo:
            chk.add("sides", "", f"{len(todo)} side{'s are' if len(todo) > 1 else ' is'} still a placeholder "
                    f"({', '.join(map(shown, todo))})",
                    "name the sides of this dispute, e.g. `sides: [freedonia, sylvania]` (outlet and other are "
                    "always available), then give each actor one of them")
    else:  # no sides declared: those the actors name, never the bundled article's
        actors = doc.get("actors") if isinstance(doc.get("actors"), list) else []
        named = [a.get("side") for a in actors if isinstance(a, dict)]
        ann.sides = Sides(dict.fromkeys([*(s for s in named if isinstance(s, str) and s.strip()
                                           and not is_placeholder(s) and s not in ALWAYS_SIDES), *ALWAYS_SIDES]))
    if _intact(broken, "caveats"):
        ann.caveats = [" ".join(c.split()) for c in doc.get("caveats") or []]


def _fiscal_year(chk: Checker, meta: dict) -> None:
    """The article's fiscal year (``fiscal_year_start`` and ``fiscal_year_named_by`` under ``article:``) for the
    checker's dates; a problem when one is given without the other (a fiscal year starting in January needs no name).

    Example:
        >>> chk, ann, ids = _demo()
        >>> _fiscal_year(chk, {"fiscal_year_start": 4, "fiscal_year_named_by": "start"}); chk.fiscal
        {'fiscal_year_start': 4, 'fiscal_year_named_by': 'start'}
        >>> _fiscal_year(chk, {"fiscal_year_start": 4}); chk.problems[0].fix[:80]
        'add under article: `fiscal_year_named_by: start` if its FY2023 starts in 2023 (a'
    """
    start, named = meta.get("fiscal_year_start"), meta.get("fiscal_year_named_by")
    if start is None and named is None:
        return
    if start is None or (named is None and start != 1):
        missing = "fiscal_year_named_by" if start is not None else "fiscal_year_start"
        chk.add("article", missing, "a fiscal year needs the month it starts and the calendar year that names it; "
                f"`{missing}` is missing",
                f"add under article: {FISCAL_NAMING}" if missing == "fiscal_year_named_by" else
                "add `fiscal_year_start: <month 1-12>` under article: (4 for an April-March year)")
        return
    chk.fiscal = {"fiscal_year_start": start, "fiscal_year_named_by": named or "start"}


def check_side_names(chk: Checker, sides: Sides) -> None:
    """Each side's ``name:`` shows something, and tells it apart from every other side: charts and prose show a side
    by its name, so two sides of one name (or a name that is another side's id, as readers see it) would be drawn and
    described as one side, or as the wrong one. Letter case and spacing do not tell names apart.

    Example:
        >>> chk, ann, ids = _demo()
        >>> check_side_names(chk, Sides(["union", "company", "outlet"], {"union": "Same", "company": "same"}))
        >>> print(chk.problems[-1])  # doctest: +NORMALIZE_WHITESPACE
        demo.yaml: sides[company].name: 'same' is also the name of the side union, so charts and prose could not
        tell the two sides apart
            fix: give each side a name of its own (or remove `name:` from one of them)
        >>> check_side_names(chk, Sides(["union", "company"], {"company": "UNION"}))
        >>> print(chk.problems[-1].message)  # doctest: +NORMALIZE_WHITESPACE
        'UNION' is the id of the side union (shown as 'Union'), so charts and prose would seem to speak of the side
        union where they mean company
        >>> check_side_names(chk, Sides(["union"], {"union": ""}, {"union": "\u202e\u202c"}))
        >>> print(chk.problems[-1].message)
        '\u202e\u202c' has nothing to show once invisible and control characters are left out
    """
    from exportrow.sides import side_words

    def key(text: str) -> str:
        return " ".join(str(text).replace("_", " ").split()).casefold()

    seen: dict[str, str] = {}
    for side in sides:
        name = sides.names.get(side)
        if name is None:
            continue
        label = f"sides[{side}]"
        if not name:
            chk.add(label, "name", f"{shown(sides.written.get(side, name))} has nothing to show once invisible and "
                    "control characters are left out", "write the name in visible letters, or remove `name:` to show "
                    f"the side as {shown(side_words(side))}")
            continue
        if key(name) in seen:
            chk.add(label, "name", f"{shown(name)} is also the name of the side {seen[key(name)]}, so charts and "
                    "prose could not tell the two sides apart",
                    "give each side a name of its own (or remove `name:` from one of them)")
            continue
        seen[key(name)] = side
        for other in sides:
            if other != side and key(name) in (key(other), key(side_words(other, ()))):
                chk.add(label, "name", f"{shown(name)} is the id of the side {other} (shown as "
                        f"{shown(side_words(other, sides))}), so charts and prose would seem to speak of the side "
                        f"{other} where they mean {side}", f"give the {side} a name that is not another side's, e.g. "
                        f"{shown(side_words(side, ()))}")
                break


#: How the problem of an annotation checked against another article begins (it is then reported alone).
OTHER_ARTICLE = "made for another article"


def _other_article_fix(meta, article, file: str) -> str:
    """The fix for an annotation whose recorded hash is not the article's: give the article it names; record the
    new hash only when this is that article, changed since.

    Example:
        >>> from exportrow.article import load_article
        >>> _other_article_fix({"file": "river.txt"}, load_article(), "mine.yaml")[:96]
        "give the article it annotates, 'river.txt' (its article: file:), e.g. --article 'river.txt' (in "
        >>> _other_article_fix({}, load_article(), "mine.yaml")[:72]
        'give the article it annotates with --article PATH (in a notebook: articl'
        >>> art = load_article()
        >>> _other_article_fix({"file": art.path.name}, art, "a.yaml").startswith(
        ...     f"point at the right article; if {art.path.name} really changed since this file was made, record")
        True
    """
    from exportrow import paths
    from exportrow.files import excerpt

    named = meta.get("file") if isinstance(meta, dict) else None
    named = named.strip() if isinstance(named, str) and named.strip() else None
    not_checked = "; its quotes were not looked for in this article: they would all fail"
    if named and named != article.path.name:
        return (f"give the article it annotates, {excerpt(named, 80)} (its article: file:), e.g. --article "
                f"{excerpt(named, 80)} (in a notebook: article_path){not_checked}")
    try:
        bundled = article.path.resolve() == paths.default_article().resolve()
    except (OSError, RuntimeError):
        bundled = False
    if bundled and not named:
        return f"give the article it annotates with --article PATH (in a notebook: article_path){not_checked}"
    return (f"point at the right article; if {article.path.name} really changed since this file was made, record "
            f"`sha256: {article.sha256}` under article: and run `exportrow check {excerpt(file, 80)}` again: it "
            "then looks for every quote in the new text")


def is_placeholder(value) -> bool:
    """Whether a value is a ``TODO`` left by ``exportrow extract`` (``TODO``, ``TODO_1`` ...).

    Example:
        >>> is_placeholder("TODO_1"), is_placeholder("todo list"), is_placeholder(3)
        (True, False, False)
    """
    return isinstance(value, str) and value.strip().startswith("TODO")


def _intact(broken: set, key: str) -> bool:
    """Whether the schema found nothing wrong anywhere under the top-level ``key``."""
    return not any(place[0] == key for place in broken)


def check_actors(chk: Checker, ann: Annotation) -> None:
    """Each actor's side is one of the declared sides.

    Example:
        >>> chk, ann, ids = _demo(actors=[{**MOON, "side": "seul"}])
        >>> check_actors(chk, ann); chk.problems[0].message, chk.problems[0].fix
        ("unknown side 'seul'", "did you mean 'seoul'?")
    """
    fix = f"one of the sides: {', '.join(ann.sides)} (declare others under `sides:`)"
    declared = [s for s in ann.sides if not is_placeholder(s)]
    for a in ann.actors:
        if is_placeholder(a["side"]):
            choose = f"{', '.join(declared)}, or a side you add under `sides:`" if declared else \
                "a side you name under `sides:`"
            chk.add(a["_label"], "side", f"still a placeholder ({shown(a['side'])})",
                    f"write the side this actor speaks for: {choose}")
            continue
        chk.known(a["_label"], "side", a["side"], ann.sides, "side", fix)


def _actor_ref(chk: Checker, ids: dict, label: str, fld: str, value) -> None:
    chk.known(label, fld, value, ids["actors"], "actor id", "add the actor under actors:")


def check_figures(chk: Checker, ann: Annotation, ids: dict) -> None:
    """Each figure's actor exists, its value stands in its quote, its period in its quote and resolves.

    Example:
        >>> fig = {"id": "f", "quantity": "q", "value": 23, "unit": "cases", "actor": "moon", "quote": "22 in 2016"}
        >>> chk, ann, ids = _demo(actors=[MOON], figures=[fig])
        >>> check_figures(chk, ann, ids); chk.problems[0].message
        '23 does not appear in the quote as digits or words (numbers there: 22, 2016)'
    """
    for f in ann.figures:
        label = f["_label"]
        _actor_ref(chk, ids, label, "actor", f["actor"])
        if f["span"] is None:
            continue
        value = f["value"]
        hits = [m for m in quote_numbers(f["span"].text, f["span"].start) if states_value(m, value, f.get("unit"))]
        if hits:
            f["value_span"] = Span(hits[0].start, hits[0].end, hits[0].text)
        else:
            found = quote_numbers(f["span"].text)
            seen = ", ".join(m.text for m in found[:10]) or "none"
            chk.add(label, "value", f"{shown(value)} does not appear in the quote as digits or words "
                    f"(numbers there: {seen})", _sign_fix(value, found))
        if f.get("period") is not None:
            f["period_span"] = chk.within(label, "period", f["period"], f["span"])
            before = len(chk.problems)
            if f["period_span"] is not None:
                f["date"] = _figure_date(chk, f)
            if f.get("date") is not None and (part := part_of_wider(chk.article, f["period_span"],
                                                                    f.get("tense") or "past", "period", **chk.fiscal)):
                # the tense asked of the part ("2025" of "fiscal 2025") would be the wrong question: drop it
                chk.problems[before:] = [p for p in chk.problems[before:] if p.field != "tense"]
                chk.add(label, "period", *part)


def _figure_date(chk: Checker, f: dict):
    """The resolved date of a checked figure's period, or None; a problem when its ``tense:`` must be given
    (:func:`exportrow.figure_tense.read_figure_period`: read as past unless its sentence is about what is expected,
    or its period ends after publication). A past-tense period that runs past publication ends at it
    (:func:`exportrow.figure_tense.so_far`: "this year" in a May article counts only the part so far)."""
    import datetime as dt

    from exportrow.figure_tense import LEVEL_FIX, ends_after, read_figure_period, so_far, tense_fix

    if f.get("tense"):
        r = chk.resolve(f["_label"], "period", f["period"], f["tense"])
        pub = chk.article.published.date()
        if r is not None and f["tense"] == "present" and f.get("kind") != "level" and r.start <= pub \
                and ends_after(r, pub):
            chk.add(f["_label"], "tense", f"present leaves open what the count covers: {f['period']!r} ({r.timex}) "
                    f"runs to {r.end - dt.timedelta(days=1):%-d %b %Y}, after publication ({pub:%-d %b %Y})",
                    "write `tense: past` if the figure counts only the part so far (its period then ends at "
                    "publication), `tense: future` if it is a forecast for the whole period, or add " + LEVEL_FIX)
        # only the past tense cuts a period at publication: a count so far, or a level so far ("has averaged 6.3%
        # this year"); an amount set for the whole period is `kind: level` with `tense: present`, never cut
        if r is None or f["tense"] != "past":
            return r
        cut = so_far(r, chk.article.published)
        if cut is not r and (word := _AMOUNT_SET.search(f"{f['quantity']} {getattr(f.get('span'), 'text', '')}"
                                                                .replace("_", " "))):
            chk.warnings.append(Problem(
                chk.file, f["_label"], "tense",
                f"read as a count so far: with `tense: past`, {f['period']!r} ({r.timex}) ends at publication "
                f"({pub:%-d %b %Y}), but {word.group(0)!r} reads like an amount set for the whole period",
                "if it is, write " + LEVEL_FIX.split(" if ")[0] + "; keep `tense: past` only if the article "
                "counts it so far"))
        return cut
    span, article = f["span"], chk.article
    sent = article.sentence_at(span.start)
    text = article.raw[min(sent.start, span.start):max(sent.end, span.end)] if sent is not None else span.text
    try:
        reading = read_figure_period(f["period"], article.published, text, **chk.fiscal)
    except (DateResolutionError, ValueError, OverflowError):
        return chk.resolve(f["_label"], "period", f["period"], None)
    if reading.question:
        chk.add(f["_label"], "tense", f"needed: {reading.question}", tense_fix(reading))
    return reading.date


def _sign_fix(value, found: list) -> str:
    """The fix for a figure's value not in its quote: the sign to write when the quote has the number with the other
    sign ("minus 0.4" for ``value: 0.4``), else the general fix.

    Example:
        >>> _sign_fix(0.4, find_numbers("changed by minus 0.4 per cent"))
        "the quote has 'minus 0.4', a negative number: write `value: -0.4`"
        >>> _sign_fix(-0.4, find_numbers("changed by 0.4 per cent"))
        "the quote has '0.4' with no minus sign: write `value: 0.4`, or widen the quote to hold the minus sign"
        >>> _sign_fix(5, find_numbers("4 cases"))
        'fix `value:` or quote the words that state it'

    A scale word or a fraction left out of the value gets the value to write (:func:`exportrow.numbers.scale_fix`):

        >>> _sign_fix(3.4, find_numbers("a net loss of 3.4 trillion won"))
        "the quote has '3.4 trillion': write `value: 3400000000000` (a scale word is part of the number)"
        >>> _sign_fix(3, find_numbers("a third of voters"))
        "the quote has 'a third', a fraction: write `value: 0.33`, or `value: 33.3` with `unit: per cent`"
    """
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        for m in found:
            if m.value == -value and value != 0:
                if m.value < 0:
                    return f"the quote has {shown(m.text)}, a negative number: write `value: {m.value}`"
                return (f"the quote has {shown(m.text)} with no minus sign: write `value: {m.value}`, or widen the "
                        "quote to hold the minus sign")
    return scale_fix(value, found) or "fix `value:` or quote the words that state it"


def _derivable(ann: Annotation) -> set[str]:
    """Ids of the remainders exportrow.tables derives from these (checked) figures."""
    return {r["figure_id"] for r in _derived_rows(ann)}


def _derived_rows(ann: Annotation) -> list[dict]:
    """The remainders exportrow.tables derives from these (checked) figures, with their periods and units."""
    from exportrow.tables import _derive

    return _derive(_stated_rows(ann))


def overfull_warnings(chk: Checker, ann: Annotation) -> list[Problem]:
    """A warning for each total whose stated parts add up to more than it (:func:`exportrow.tables.overfull_totals`):
    the article's numbers contradict each other, or the annotation is wrong; no remainder is derived from it."""
    from exportrow.numbers import fmt_value
    from exportrow.tables import overfull_totals

    out = []
    for total, parts, least in overfull_totals(_stated_rows(ann)):
        out.append(Problem(chk.file, f"figures[{total['figure_id']}]", "value",
                           f"its stated parts {' + '.join(p['figure_id'] for p in parts)} ({fmt_value(least)}) exceed "
                           f"their total {total['figure_id']} ({fmt_value(total['value'])}); no "
                           "remainder is derived from it (it would be a negative count)",
                           "check the values and periods of these figures against their quotes; if the article's "
                           "numbers really disagree, keep them and add a parts_within_total statement, whose "
                           "verdict says so"))
    return out


def _stated_rows(ann: Annotation) -> list[dict]:
    """The (checked) figures as exportrow.tables' rows for deriving remainders."""
    from exportrow.annotations.vocab import QUALIFIER_KINDS
    from exportrow.tables import is_forecast

    stated = []
    published = ann.article.published.date()
    for f in ann.figures:
        d, span = f.get("date"), f.get("span")
        stated.append({"figure_id": f["id"], "quantity": f["quantity"], "value": f["value"], "unit": f["unit"],
                       "qualifier": QUALIFIER_KINDS.get(f.get("qualifier")), "kind": f.get("kind"),
                       "forecast": is_forecast(f, published),
                       "start": d.start if d else None, "end": d.end if d else None, "actor": f["actor"],
                       "start_offset": span.start if span else None, "end_offset": span.end if span else None})
    return stated


def _growth_words(check: str = "growth_factor", first: bool = False) -> tuple[str, ...]:
    """The growth words of the threshold table (:data:`exportrow.checks.RULES`), e.g. doubled, halved; for
    ``check="rate_change"`` its change words (rose, fell...); with ``first``, each rule's first word only.

    Example:
        >>> _growth_words("rate_change", first=True)[:3]
        ('surge', 'soar', 'jump')
    """
    from exportrow.checks import RULES

    return tuple(w for r in RULES if r.check == check for w in (r.words[:1] if first else r.words))


def _has_growth_word(text: str, check: str = "growth_factor") -> bool:
    """Whether ``text`` holds a growth word of the threshold table as a whole word (as the check reads it); for
    ``check="rate_change"``, one of its change words.

    Example:
        >>> _has_growth_word("The number more than doubled"), _has_growth_word("a double-digit rise")
        (True, True)
        >>> _has_growth_word("redoubled efforts")
        False
        >>> _has_growth_word("4.2 billion, up from 3.1", "rate_change"), _has_growth_word("sales rose", "rate_change")
        (False, True)
    """
    lowered = text.lower()
    return any(re.search(rf"\b{w}\b", lowered) for w in _growth_words(check))


def _period_words_fix(chk: Checker, fig: dict, need: str) -> str:
    """The fix for a figure whose period lacks what a check needs (``period`` or ``whole months``): the words of its
    quote that would give it, or, when the quote has none exportrow reads, what to do instead. A period must be the
    quote's own words, so the fix never sends the annotator back to words that cannot serve (review rev17a).
    """
    from exportrow.dates import find_date_expressions, resolve_date

    fid, dated = fig["id"], []
    for _, _, words in find_date_expressions(fig["span"].text):
        if words == fig.get("period"):
            continue
        try:
            r = resolve_date(words, chk.article.published, tense=fig.get("tense") or "past", **chk.fiscal)
        except DateResolutionError as exc:
            why = str(exc).split(": ", 1)[-1].split(";")[0]
            dated.append(f"{words!r}, which exportrow does not read"
                         + ("" if why.startswith("not one of") else f" ({clip(why, 120)})"))
            continue
        if period_fault(r, need) is None:
            return f"give {fid} `period: {words}` (words of its quote), or choose another check"
        dated.append(f"{words!r}, which reads {r.timex}")
    what = "period" if need == "period" else "run of whole months"
    instead = "choose another check, or drop the statement and explain the comparison under `caveats:`"
    if dated:
        return (f"{fid}'s quote dates it only by {'; '.join(dated)}: no {what}; as `period:` must be the article's "
                f"own words, {instead}")
    return (f"{fid}'s quote has no words that date it: if its sentence gives a {what} for it, widen the quote to hold "
            f"those words and give them as `period:`; else {instead}")


def _period_problems(chk: Checker, ann: Annotation, s: dict) -> None:
    """A problem for each figure whose period lacks what the statement's check needs (see ``CHECK_PERIODS``).

    A remainder (``<total>_remainder``) is judged by its total's period; a figure whose period did not
    resolve already has its problem.
    """
    import datetime as dt

    from exportrow.figure_tense import SO_FAR

    need = CHECK_PERIODS.get(s["check"])
    if not need:
        return
    by_id = {f["id"]: f for f in ann.figures}
    for i in s["figures"]:
        fig = by_id.get(i.removesuffix("_remainder"))
        if fig is None or fig.get("span") is None or (fig.get("period") is not None and not fig.get("date")):
            continue
        if fig.get("kind") == "level" and need == "whole months":  # a level is compared as it is: no month count
            need = "period"
        if fault := period_fault(fig.get("date"), need):
            fix = _period_words_fix(chk, fig, need)
            if fig.get("tense") == "past" and fig.get("date") is not None and SO_FAR in fig["date"].rule:
                last = fig["date"].end - dt.timedelta(days=1)
                fault = (f"counts {fig['period']!r} only {SO_FAR}, {last:%-d %b %Y} (tense: past, a count so far): "
                         f"it {fault}")
                forecast = (f"if {fig['id']} is a forecast for the whole of {fig['period']!r}, write `tense: "
                            f"future`; if it is an amount set for the whole period (a quota, budget or cap), write "
                            f"`kind: level` and `tense: present`")
                if s["check"] in RATE_CHECKS:  # kept, as two overlapping periods are: the report says why
                    chk.warnings.append(Problem(
                        chk.file, s["_label"], "figures",
                        f"check {s['check']} compares rates per month, but figure {i!r} {fault}; a count so far "
                        "has no rate per month to set against a whole period, so its verdict will be cannot_check",
                        f"keep the statement to show the comparison cannot be checked, or drop it; {forecast}"))
                    continue
                fix = f"a count so far has no run of whole months: drop the statement; {forecast}"
            if fig.get("date") is None and (words := anaphoric_date(fig["span"].text)):
                fix = (f"{fig['id']}'s quote dates it by {words!r}, which hangs on another date: exportrow cannot "
                       f"resolve it, so do not give {fig['id']} another number's period; drop the statement, or "
                       "explain the comparison under `caveats:`")
            chk.add(s["_label"], "figures", f"check {s['check']} needs {need} for figure {i!r}, which {fault}",
                    fix)


def check_statements(chk: Checker, ann: Annotation, ids: dict) -> None:
    """Each statement names figures that exist (or a remainder exportrow derives) and that its check can use.

    A growth_factor statement needs a growth word of the threshold table in its wording (``compare_with``
    when given, else its quote); a check that needs periods (``CHECK_PERIODS``) refuses figures without them.

    Example:
        >>> st = {"id": "s", "check": "growth_factor", "figures": ["a", "b"], "quote": "22 in 2016"}
        >>> chk, ann, ids = _demo(statements=[st])
        >>> check_statements(chk, ann, ids); [p.message[:40] for p in chk.problems]
        ["unknown figure id 'a'", "unknown figure id 'b'", 'a growth_factor statement needs a growth']
    """
    from exportrow.tables import overfull_totals

    by_id = {f["id"]: f for f in ann.figures}
    clean = not chk.problems  # remainders are derived (and said not to be) only from figures without problems
    rows = _derived_rows(ann) if clean else []
    derived = {r["figure_id"] for r in rows}
    facts = _facts(ann, rows)
    over_ids = [t["figure_id"] for t, _, _ in overfull_totals(_stated_rows(ann))] if clean else []
    for s in ann.statements:
        label, check = s["_label"], s["check"]
        for i in s["figures"]:
            if i in by_id or i in derived:
                continue
            if i.endswith("_remainder") and i.removesuffix("_remainder") in ids["figures"]:
                over = [t for t in over_ids if f"{t}_remainder" == i] if clean else []
                forecasts = [r["figure_id"] for r in _stated_rows(ann) if r["forecast"] and r["quantity"] ==
                             (by_id.get(i.removesuffix("_remainder")) or {}).get("quantity")] if clean else []
                if over:
                    chk.add(label, "figures", f"{i!r} is not derived: the stated parts of {over[0]!r} add up to "
                            "more than it, so its remainder would be a negative count",
                            "check the values and periods of the total and its parts, or name stated figures")
                elif forecasts:
                    chk.add(label, "figures", f"{i!r} is not derived: {', '.join(forecasts)} "
                            f"{'is a forecast' if len(forecasts) == 1 else 'are forecasts'} (`tense: future`, or a "
                            "period after publication), and what someone expects is not a count that happened, so "
                            "nothing is left over", "name stated figures, or drop the statement")
                elif clean:
                    chk.add(label, "figures", f"{i!r} is not derived: the parts of "
                            f"{i.removesuffix('_remainder')!r} (same quantity and unit, inside its period) do "
                            "not leave exactly one gap", "name stated figures, or fix the parts' periods and units")
            elif i not in ids["figures"]:
                chk.add(label, "figures", f"unknown figure id {shown(i)}",
                        "name a figure id, or <total id>_remainder for a derived remainder")
        wording = s.get("compare_with") or (s["span"].text if s["span"] is not None else None)
        if check == "growth_factor" and wording is not None and not _has_growth_word(wording):
            chk.add(label, "compare_with" if s.get("compare_with") else "quote",
                    f"a growth_factor statement needs a growth word ({', '.join(_growth_words())}) "
                    "in its wording", "quote the words that state the growth, or choose another check")
        if check in ("rate_change", "rate_increase") and wording is not None and \
                not _has_growth_word(wording, "rate_change"):  # rate_increase: the older name of rate_change
            chk.add(label, "compare_with" if s.get("compare_with") else "quote",
                    f"a {check} statement needs a word of the threshold table "
                    f"({', '.join(_growth_words('rate_change', first=True))}) in its wording, which has none; "
                    "'up from' and 'down from' are not judged (they give two values, and the tables already "
                    "compare those)",
                    "quote the words that carry the claim (e.g. 'rose', 'fell', 'surged'), or drop the statement")
        _period_problems(chk, ann, s)
        _comparison_problems(chk, s, facts)
        _level_parts_problems(chk, s, by_id)


def _level_parts_problems(chk: Checker, s: dict, by_id: dict) -> None:
    """A problem when a parts_within_total statement names a level (``kind: level``): levels do not add up.

    Example:
        >>> chk, ann, ids = _demo()
        >>> _level_parts_problems(chk, {"_label": "statements[s]", "check": "parts_within_total",
        ...                             "figures": ["y", "jan"]}, {"y": {"id": "y"}, "jan": {"kind": "level"}})
        >>> chk.problems[0].message[:73]
        'parts_within_total adds up its figures, but jan has `kind: level`: levels'
    """
    if s["check"] != "parts_within_total":
        return
    levels = [i for i in s["figures"] if (by_id.get(i) or {}).get("kind") == "level"]
    if levels:
        chk.add(s["_label"], "figures",
                f"parts_within_total adds up its figures, but {', '.join(levels)} "
                f"{'has' if len(levels) == 1 else 'have'} `kind: level`: levels do not add up (a part of a level is "
                "not a level of a part)",
                "drop the statement, or, if the figures are counts that add up over their periods, give them "
                "`kind: count`")


def _facts(ann: Annotation, derived_rows: list[dict]) -> dict[str, dict]:
    """What a comparison needs of each figure, stated or derived: unit, quantity, period and its words."""
    out = {}
    for f in ann.figures:
        d = f.get("date")
        out[f["id"]] = {"id": f["id"], "unit": f["unit"], "quantity": f["quantity"], "value": f["value"],
                        "period": f.get("period"), "start": d.start if d else None, "end": d.end if d else None,
                        "kind": f.get("kind") or "count"}
    for r in derived_rows:
        out[r["figure_id"]] = {"id": r["figure_id"], "unit": r["unit"], "quantity": r["quantity"],
                               "value": r["value"], "period": None, "start": r["start"], "end": r["end"],
                               "kind": "count"}
    return out


def _fig_said(fact: dict) -> str:
    """A figure as a message names it: ``f23 ('2023')``, or its id alone."""
    words = fact.get("period")
    return f"{fact['id']} ({shown(words, 40)})" if isinstance(words, str) else fact["id"]


def _same_unit_example(check: str, first: dict, second: dict, facts: dict) -> str | None:
    """``figures: [a, b]`` of the user's own figures that ``check`` can compare, keeping one of the two; or None.

    The other figure has the same unit and quantity, a period that does not overlap the kept one's (a
    total is no example for its part), and for a growth factor a period of about the same length; both
    periods are what the check needs (``CHECK_PERIODS``: whole months for rate_change), so the pair
    passes every check it is suggested for.
    """
    need = CHECK_PERIODS.get(check)

    def has_period(f: dict) -> bool:  # what the check needs of the period (whole months for rate_change)
        if need is None:
            return True
        if f["start"] is None or f["end"] is None:
            return False
        return need != "whole months" or (f["start"].day == 1 and f["end"].day == 1)

    def fits(f: dict, keep: dict) -> bool:
        a, b = (f["start"], f["end"]), (keep["start"], keep["end"])
        return (f["id"] != keep["id"] and same_unit(f["unit"], keep["unit"]) and f["quantity"] == keep["quantity"]
                and (listed_earlier_first(a, b) or listed_earlier_first(b, a))
                and not (check in LENGTH_CHECKS and lengths_differ(a, b)) and has_period(f))

    for keep in (k for k in (second, first) if has_period(k)):
        for other in (f for f in facts.values() if fits(f, keep)):
            pair = [other, keep] if keep is second else [keep, other]
            if listed_earlier_first((pair[0]["start"], pair[0]["end"]), (pair[1]["start"], pair[1]["end"])):
                pair.reverse()
            return f"`figures: [{pair[0]['id']}, {pair[1]['id']}]`"
    return None


def _comparison_problems(chk: Checker, s: dict, facts: dict) -> None:
    """A problem when a statement's two figures are in different units, or listed earlier first.

    See :mod:`exportrow.comparable` (periods that overlap or are unknown are taken as listed).

    Example:
        >>> import datetime as dt
        >>> y = {k: {"id": k, "unit": u, "quantity": "q", "value": 1, "period": k[1:],
        ...          "start": dt.date(int(k[1:]), 1, 1), "end": dt.date(int(k[1:]) + 1, 1, 1)}
        ...      for k, u in (("y2023", "lorries"), ("y2024", "lorries"), ("r2024", "crowns"))}
        >>> chk, ann, ids = _demo()
        >>> _comparison_problems(chk, {"_label": "statements[s]", "check": "growth_factor",
        ...                            "figures": ["y2023", "y2024"]}, y)
        >>> chk.problems[0].fix
        'write `figures: [y2024, y2023]` (the later figure first)'
    """
    check = s["check"]
    if check not in ORDERED_CHECKS or len(s["figures"]) != 2 or not all(i in facts for i in s["figures"]):
        return
    first, second = (facts[i] for i in s["figures"])
    if not same_unit(first["unit"], second["unit"]):
        example = _same_unit_example(check, first, second, facts)
        chk.add(s["_label"], "figures",
                f"compares figures in different units: {first['id']} is in {shown(first['unit'], 40)}, "
                f"{second['id']} in {shown(second['unit'], 40)}; {check} compares two values of the same unit",
                (f"name two figures in one unit, e.g. {example}" if example else "name two figures in one unit")
                + f"; if {first['id']} and {second['id']} are in one unit, write it the same way in both (`unit:`)")
    if first.get("kind", "count") != second.get("kind", "count"):
        lev, cnt = (first, second) if first.get("kind") == "level" else (second, first)
        chk.add(s["_label"], "figures",
                f"compares a level with a count: {lev['id']} has `kind: level`, {cnt['id']} is a count; {check} "
                "compares two levels (their values) or two counts (their rates per month)",
                f"give both figures the same `kind:` if they are the same kind of number, or compare {lev['id']} "
                "with another level")
    if same_unit(first["unit"], second["unit"]) and same_period((first["start"], first["end"]),
                                                                 (second["start"], second["end"])):
        chk.add(s["_label"], "figures",
                f"compares two figures of the same period: {_fig_said(first)} and {_fig_said(second)}; {check} "
                "reads `figures: [later, earlier]`, and neither is earlier",
                "give each figure the period its own words state; a figure dated only by words that hang on "
                "another date ('a year earlier', 'the previous month') cannot be dated by exportrow: leave out its "
                "`period:` and drop the statement, or explain the comparison under `caveats:`")
    if listed_earlier_first((first["start"], first["end"]), (second["start"], second["end"])):
        chk.add(s["_label"], "figures",
                f"lists the earlier figure first: {_fig_said(first)} ends before {_fig_said(second)} starts, "
                f"but {check} reads `figures: [later, earlier]`",
                f"write `figures: [{second['id']}, {first['id']}]` (the later figure first)")


def comparison_warnings(chk: Checker, ann: Annotation) -> list[Problem]:
    """A warning for each statement that compares two quantities, or (growth_factor) periods of unequal length.

    Neither is refused: two quantity names may be two spellings of one thing, and an article may really
    compare a week with a year. The verdict then says what it cannot judge (see :mod:`exportrow.comparable`).

    Example:
        >>> from exportrow.annotations import load_annotation
        >>> ann = load_annotation()
        >>> next(f for f in ann.figures if f["id"] == "cases_2016")["quantity"] = "seizures"
        >>> [(w.entry, w.message[:58]) for w in comparison_warnings(Checker(ann.path, ann.article), ann)][:1]
        [('statements[more_than_doubled]', "compares two quantities in one unit: cases_2017 counts 'il")]
    """
    facts = _facts(ann, _derived_rows(ann))
    out = []
    for s in ann.statements:
        if s["check"] not in ORDERED_CHECKS or len(s["figures"]) != 2 or not all(i in facts for i in s["figures"]):
            continue
        first, second = (facts[i] for i in s["figures"])
        if not same_unit(first["unit"], second["unit"]):
            continue
        where = (chk.file, s["_label"], "figures")
        if first["quantity"] != second["quantity"]:
            out.append(Problem(*where, f"compares two quantities in one unit: {first['id']} counts "
                               f"{shown(first['quantity'], 40)}, {second['id']} counts "
                               f"{shown(second['quantity'], 40)}; the verdict treats them as one series",
                               "if they measure the same thing, write the same `quantity:` in both; otherwise "
                               "compare two figures of one quantity"))
        spans = (first["start"], first["end"]), (second["start"], second["end"])
        if one_contains_other(*spans):
            out.append(Problem(*where, f"one period contains the other: {_fig_said(first)} and "
                               f"{_fig_said(second)}; a total and its part are not an earlier and a later period, "
                               "so its verdict will be cannot_check",
                               "compare two figures whose periods do not overlap (the later first), or, for a total "
                               "and its parts, use `check: parts_within_total`"))
            continue
        if s["check"] in LENGTH_CHECKS and first.get("kind") != "level" and lengths_differ(*spans):
            out.append(Problem(*where, f"{s['check']} compares the counts of periods of unequal length: "
                               f"{_fig_said(first)} covers {length_text(*spans[0])}, {_fig_said(second)} covers "
                               f"{length_text(*spans[1])}; its verdict will be cannot_check",
                               f"compare figures of periods of about the same length (within "
                               f"{LENGTH_TOLERANCE:.0%}), or, if both periods are whole months, use "
                               "`check: rate_change` to compare rates per month"))
    return out


def check_claims(chk: Checker, ann: Annotation, ids: dict) -> None:
    """Each claim's actor and answered id exist, and its reporting verb stands in its sentence.

    Example:
        >>> claim = {"id": "c", "actor": "moon", "attribution": "indirect", "cue": "shouts", "frame": 1,
        ...          "quote": "the shipments were made by a handful of domestic companies", "answers": "x"}
        >>> chk, ann, ids = _demo(actors=[MOON], claims=[claim])
        >>> check_claims(chk, ann, ids); [(p.field, p.message) for p in chk.problems]
        [('answers', "unknown id 'x'"), ('cue', "reporting verb 'shouts' is not in the claim's sentence")]
    """
    every = set().union(*ids.values())
    for c in ann.claims:
        label = c["_label"]
        _actor_ref(chk, ids, label, "actor", c["actor"])
        chk.known(label, "answers", c.get("answers"), every, "id",
                  "name the id of the claim, figure or event this claim answers")
        if c["span"] is not None and c["attribution"] != "unattributed":
            sent = chk.article.sentence_at(c["span"].start)
            cue = c["cue"].split()[0]
            if sent and cue.lower() not in sent.text.lower() and \
                    not _cue_of_continued_quote(chk.article.sentences, sent, cue,
                                                {p.start for p in chk.article.paragraphs}):
                chk.add(label, "cue", f"reporting verb {shown(c['cue'])} is not in the claim's sentence",
                        _cue_fix(cue))


def _cue_fix(cue: str) -> str:
    """The fix for a reporting verb not found: where the verb must stand, with examples other than ``cue``; for a
    reporting verb, that it was looked for in the attribution of a quotation the sentence is inside, too.

    Example:
        >>> _cue_fix("said")[:80]
        "write the verb as the claim's sentence has it, e.g. 'argues', 'told'; 'said' is "
        >>> _cue_fix("water")[-60:]
        ' attribution (\u201cA. B,\u201d said Lind.) counts, before or after it'
    """
    examples = ", ".join([repr(w) for w in ("argues", "said", "told") if w != cue.lower()][:2])
    where = ("for a sentence wholly inside a longer quotation, the verb of that quotation's own attribution "
             "(\u201cA. B,\u201d said Lind.) counts, before or after it")
    if _reporting_verb(cue):
        return (f"write the verb as the claim's sentence has it, e.g. {examples}; {shown(cue)} is not in the "
                f"attribution of a quotation this sentence is inside either: {where} or across a paragraph the "
                "quotation is carried into, not a verb of a sentence outside the quotation")
    return f"write the verb as the claim's sentence has it, e.g. {examples}; {where}"


_OPEN_QUOTES, _CLOSE_QUOTES = "\"\u201c", "\"\u201d"


def _cue_of_continued_quote(sentences: list[Span], sent: Span, cue: str,
                            paragraph_starts: frozenset[int] | set[int] = frozenset()) -> bool:
    """Whether ``cue`` stands in the attribution of the quotation ``sent`` is wholly inside: the speaker is named
    once, before the quotation (``"...," said Lind. "More words."``, or ``Lind said: "First words. More words."``)
    or after it (``"First words. More words," said Lind.``). The sentences between are walked through only while
    each is wholly inside that same quotation (``"...," said Lind. "Second. Third."`` for a claim in the third).
    ``paragraph_starts`` (the offsets where the article's paragraphs start) lets the walk follow a quotation left
    open at a paragraph's end into the next paragraph that opens with a mark (:func:`_cue_after`, more examples).

    Example:
        >>> said = Span(0, 27, '"We cannot," said Lind.'); more = Span(28, 50, '"Our cities come first."')
        >>> _cue_of_continued_quote([said, more], more, "said"), _cue_of_continued_quote([said, more], more, "told")
        (True, False)
        >>> opened = Span(0, 24, 'Lind said: "First words.'); rest = Span(25, 37, 'More words."')
        >>> _cue_of_continued_quote([opened, rest], rest, "said")
        True
        >>> plain = Span(0, 14, "Lind said so."); quoted = Span(15, 30, '"Other words."')
        >>> _cue_of_continued_quote([plain, quoted], quoted, "said")  # no quotation before: not a continuation
        False

    The second and later sentences of a quotation that runs on take the verb of the sentence that names the
    speaker, but not the verb of a sentence before a quotation that was closed:

        >>> second = Span(28, 50, '"Our towns came first.'); third = Span(51, 66, 'They will die."')
        >>> _cue_of_continued_quote([said, second, third], third, "said")
        True
        >>> middle, last = Span(25, 36, 'More words.'), Span(37, 50, 'Last words."')
        >>> _cue_of_continued_quote([opened, middle, last], last, "said")
        True
        >>> left = Span(28, 36, 'He left.')
        >>> second, third = Span(37, 59, '"Our towns came first.'), Span(60, 75, 'They will die."')
        >>> _cue_of_continued_quote([said, left, second, third], third, "said")  # no longer Lind's quotation
        False
        >>> closed = Span(0, 19, 'Lind said: "First."'); after = Span(20, 32, 'Other words.')
        >>> _cue_of_continued_quote([closed, after, last], last, "said")  # Lind's quotation closed
        False

    Only a reporting verb counts, and only for a sentence that is all quotation (no speaker of its own):

        >>> own = Span(28, 70, '"We will go to court," Brenner replied.')
        >>> _cue_of_continued_quote([said, own], own, "said"), _cue_of_continued_quote([said, more], more, "Lind")
        (False, False)
    """
    if not _reporting_verb(cue):
        return False
    text, cue = sent.text.strip(), cue.lower()
    opened = text[:1] in _OPEN_QUOTES  # the quotation opens at the start of the sentence walked back from
    body = text[1:] if opened else text
    if not _all_quotation(body):
        return False
    before = [x for x in sentences if x.end <= sent.start]
    found, inside = _cue_before(before, sent, opened, cue, paragraph_starts)
    if found:
        return True
    if not inside or any(ch in _CLOSE_QUOTES for ch in body):
        return False  # the quotation is not known to be open at the sentence's end: nothing after belongs to it
    return _cue_after([x for x in sentences if x.start >= sent.end], cue, paragraph_starts)


def _cue_before(before: list[Span], cur: Span, opened: bool, cue: str, starts) -> tuple[bool, bool]:
    """Walking back from ``cur`` through ``before``: whether ``cue`` stands in the attribution of the quotation
    ``cur`` is in, and whether ``cur`` is known to be inside an open quotation."""
    inside = opened
    while before:
        crossing = cur.start in starts  # ``cur`` opens its paragraph
        prev = before.pop()
        if opened and crossing and _ends_open(before + [prev], starts):
            opened = False  # "...fishing. (new paragraph) "Without it...": the same quotation, carried on
        elif not opened and crossing:
            return False, inside  # a paragraph break with no mark after it: the quotation began at it
        if opened:  # "...," said Lind. "More words."
            closing = max(prev.text.rfind(q) for q in _CLOSE_QUOTES)
            return closing >= 0 and cue in _words(prev.text[closing + 1:]), inside
        opening = _opening_left_open(prev.text)
        if opening is None:
            if any(q in prev.text for q in _OPEN_QUOTES + _CLOSE_QUOTES):
                return False, False  # a quotation closed there: the claim's sentence is not inside it
            cur = prev
            continue  # wholly inside the quotation: walk back
        inside = True
        if _words(prev.text[:opening]):  # Lind said: "First words. More words."
            return cue in _words(prev.text[:opening]), inside
        opened, cur = True, prev  # the quotation opens at that sentence's start: walk back to its attribution
    return False, inside


def _ends_open(before: list[Span], starts) -> bool:
    """Whether the paragraph whose last sentence is ``before[-1]`` ends inside a quotation it leaves open."""
    for prev in reversed(before):
        if any(q in prev.text for q in _OPEN_QUOTES + _CLOSE_QUOTES):
            return _opening_left_open(prev.text) is not None
        if prev.start in starts:
            break
    return False


def _cue_after(after: list[Span], cue: str, starts) -> bool:
    """Walking forward through ``after`` from inside an open quotation: whether ``cue`` stands in the words that
    follow the mark that closes it (``More words," said Lind.``).

    Example: the speaker named after the quotation serves each of its sentences; a verb after a quotation that
    closed before does not:

        >>> a, b = Span(0, 9, '"A first.'), Span(10, 19, 'A second.')
        >>> c = Span(20, 43, 'A third," said Lind.')
        >>> [_cue_of_continued_quote([a, b, c], x, cue) for x, cue in ((a, "said"), (b, "said"), (a, "told"))]
        [True, True, False]
        >>> shut, then = Span(0, 10, '"A first."'), Span(11, 33, '"A second," said Lind.')
        >>> _cue_of_continued_quote([shut, then], shut, "said")
        False

    A quotation carried into a new paragraph (the paragraph ends inside it, the next opens with a mark):

        >>> end, new = Span(0, 22, 'Lind said: "A first.'), Span(24, 35, '"A second."')
        >>> _cue_of_continued_quote([end, new], new, "said", {0, 24})
        True
        >>> head, tail = Span(0, 10, '"A first.'), Span(12, 33, '"A second," said Lind.')
        >>> _cue_of_continued_quote([head, tail], head, "said", {0, 12})
        True
        >>> unquoted = Span(24, 35, 'A second."')  # the new paragraph opens with no mark: a new quotation
        >>> _cue_of_continued_quote([end, unquoted], unquoted, "said", {0, 24})
        False
    """
    for nxt in after:
        text = nxt.text.strip()
        if nxt.start in starts:  # a new paragraph carries the quotation on only if it opens with a mark
            if text[:1] not in _OPEN_QUOTES:
                return False
            text = text[1:]
        marks = [i for i, ch in enumerate(text) if ch in _OPEN_QUOTES + _CLOSE_QUOTES]
        if not marks:
            continue  # wholly inside the quotation: walk on
        i = marks[0]
        if text[i] not in _CLOSE_QUOTES or (text[i] == '"' and not re.match(r"[\w.,;:!?\u2014-]", text[i - 1:i])):
            return False  # a new quotation opens: the one walked through closed without an attribution
        return cue in _words(text[i + 1:marks[1] if len(marks) > 1 else len(text)])
    return False


def _opening_left_open(text: str) -> int | None:
    """The index of the quotation mark that opens a quotation ``text`` leaves open at its end, or None: its last
    quotation mark, when that mark opens (a curly \u201c, or a straight one before a word).

    Example:
        >>> _opening_left_open('Lind said: "First words.'), _opening_left_open('"First words.')
        (11, 0)
        >>> [_opening_left_open(t) for t in ('Lind said: "First."', '"A," said Lind.', "Lind.")]
        [None, None, None]
    """
    marks = [i for i, ch in enumerate(text) if ch in _OPEN_QUOTES + _CLOSE_QUOTES]
    if not marks:
        return None
    i = marks[-1]
    if text[i] != '"':
        return i if text[i] in _OPEN_QUOTES else None
    after, before = text[i + 1:i + 2], text[i - 1:i] if i else ""
    return i if re.match(r"\w", after) and not re.match(r"\w|[.,;!?]", before) else None


def _words(text: str) -> set[str]:
    """The lower-cased words of ``text``."""
    return set(re.findall(r"[a-z]+", text.lower()))


def _all_quotation(rest: str) -> bool:
    """Whether ``rest`` (a sentence after its opening quotation mark, if any) is quotation to its end: no closing
    mark, or one followed by nothing but punctuation."""
    marks = [i for i, ch in enumerate(rest) if ch in _OPEN_QUOTES + _CLOSE_QUOTES]
    if not marks:
        return True
    return len(marks) == 1 and rest[marks[0]] in _CLOSE_QUOTES and not re.search(r"\w", rest[marks[0] + 1:])


def _reporting_verb(cue: str) -> bool:
    """Whether ``cue`` is a reporting verb: one of the draft's cues (:data:`exportrow.extract.CUES`) or a word in
    -ed ("replied", "explained")."""
    from exportrow.extract import CUES

    word = cue.lower()
    return word.endswith("ed") or any(word == w.split()[0] for words, _ in CUES.values() for w in words)


def check_events(chk: Checker, ann: Annotation, ids: dict) -> None:
    """Each event's actors and linked ids exist, and its dating words stand in its quote and resolve.

    Example:
        >>> ev = {"id": "e", "actor": "moon", "action": "OTHER", "description": "d", "expression": "2017",
        ...       "quote": "2017, the year Moon took office"}
        >>> chk, ann, ids = _demo(actors=[MOON], events=[ev])
        >>> check_events(chk, ann, ids); chk.problems, ann.events[0]["date"].timex
        ([], '2017')
    """
    for e in ann.events:
        label = e["_label"]
        _actor_ref(chk, ids, label, "actor", e["actor"])
        _actor_ref(chk, ids, label, "recipient", e.get("recipient"))
        for fld, section in (("figure", "figures"), ("claim", "claims"), ("same_as", "events")):
            chk.known(label, fld, e.get(fld), ids[section], f"{fld} id", f"name an id from {section}:")
        if e.get("same_as") is not None and e.get("same_as") == e.get("id"):
            chk.add(label, "same_as", f"same_as names the event itself ({shown(e['same_as'])})",
                    "name another event that reports the same happening, or remove `same_as:`")
        if e["span"] is None or e.get("expression") is None:  # undated events: the schema decides if allowed
            continue
        e["expression_span"] = chk.within(label, "expression", e["expression"], e["span"])
        if e["expression_span"] is not None:
            e["date"] = chk.resolve(label, "expression", e["expression"], e.get("tense"))
        if e.get("date") is not None and (part := part_of_wider(chk.article, e["expression_span"], e.get("tense"),
                                                                "expression", **chk.fiscal)):
            chk.add(label, "expression", *part)


def check_ignored_numbers(chk: Checker, ann: Annotation) -> None:
    """Each ignored-number quote holds a number.

    Example:
        >>> chk, ann, ids = _demo(ignored_numbers=[{"quote": "deputy chief", "reason": "r"}])
        >>> check_ignored_numbers(chk, ann); chk.problems[0].message
        'holds no number to ignore'
    """
    for i in ann.ignored_numbers:
        if i["span"] is not None and not find_numbers(i["span"].text):
            chk.add(i["_label"], "quote", "holds no number to ignore",
                    "quote the words with the number, e.g. 'second deputy chief'")


#: How many numbers ``exportrow check`` lists one by one before it sums up the rest.
COVERAGE_WARNINGS_SHOWN = 20


def coverage_warnings(chk: Checker, ann: Annotation) -> list[Problem]:
    """A warning for each number in the body that no entry accounts for (the first 20; then one for the rest).

    Each names the number and quotes its sentence, or about 100 characters around it in a long sentence.

    Example:
        >>> chk, ann, ids = _demo()
        >>> len(coverage_warnings(chk, ann)), coverage_warnings(chk, ann)[0].message
        (15, "number '156' at offset 887 is neither a figure, a date nor ignored")
    """
    out = []
    uncovered = ann.uncovered_numbers()
    for start, end, text in uncovered[:COVERAGE_WARNINGS_SHOWN]:
        sent = chk.article.sentence_at(start)
        where = _around(sent.text, start - sent.start, end - sent.start) if sent else shown(text)
        out.append(Problem(chk.file, "coverage", "", f"number {shown(text)} at offset {start} "
                           "is neither a figure, a date nor ignored",
                           f"add a figure or an ignored_numbers entry for: {where}"))
    if len(uncovered) > COVERAGE_WARNINGS_SHOWN:
        import shlex

        more = len(uncovered) - COVERAGE_WARNINGS_SHOWN
        out.append(Problem(chk.file, "coverage", "", f"and {more:,} more numbers are neither a figure, a date nor "
                           f"ignored (only the first {COVERAGE_WARNINGS_SHOWN} are listed)",
                           f"see them all marked in the article: exportrow view {shlex.quote(str(chk.article.path))} "
                           f"--annotation {shlex.quote(chk.file)} --out coverage.html"))
    return out


def _around(text: str, start: int, end: int, width: int = 50) -> str:
    """``text`` quoted whole if short (up to ``4 * width``), else the words within ``width`` characters of the number.

    Example:
        >>> _around("There were 156 cases.", 11, 14)
        "'There were 156 cases.'"
        >>> long = "word " * 40 + "and 156 cases " + "more " * 40
        >>> _around(long, 204, 207, width=20)
        "'word word word and 156 cases more more' (in a sentence of 414 characters)"
    """
    if len(text) <= 4 * width:
        return repr(text)
    if end - start > width:
        return shown(text[start:end])
    left, right = max(0, start - width), min(len(text), end + width)
    if left > 0 and (cut := text.find(" ", left, start)) >= 0:
        left = cut + 1
    if right < len(text) and (cut := text.rfind(" ", end, right)) >= 0:
        right = cut
    return f"{text[left:right].strip()!r} (in a sentence of {len(text):,} characters)"


#: An actor for the examples.
MOON = {"id": "moon", "name": "Moon", "side": "seoul", "kind": "person", "quote": "Moon"}


def _demo(**sections) -> tuple[Checker, Annotation, dict]:
    """A checker, an annotation of the bundled article with these entries, and their ids (for the examples)."""
    from pathlib import Path

    from exportrow.article import load_article

    chk = Checker(Path("demo.yaml"), load_article())
    ann = Annotation(Path("demo.yaml"), chk.article, sides=("seoul", "tokyo", "washington", "outlet", "other"))
    ids = collect_ids(chk, sections)
    for name in SECTIONS:
        setattr(ann, name, entries(chk, sections, name, set()))
    return chk, ann, ids
