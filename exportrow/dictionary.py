"""The data dictionary: what each column of each table means, its unit and its source.

One source of truth for the Frictionless ``datapackage.json`` written by
``exportrow tables`` and for the README's data dictionary (a test keeps them in step).
"""

from __future__ import annotations

__all__ = ["DICTIONARY", "TABLE_DESCRIPTIONS", "markdown"]

A = "annotation file"
L = "computed by exportrow"
ART = "article text"
#: The values a ``side`` column can take, for any article (each table's schema lists this article's).
SIDE_VALUES = ("one of the annotation's `sides:` ids, or outlet (the outlet's own voice) or other (neither side "
               "alone)")

TABLE_DESCRIPTIONS = {
    "actors": ("People, bodies and places the article names, with the side they speak for.",
               "exportrow.actors"),
    "figures": ("Quantities the article states, and those derived from them by code.",
                "exportrow.figures"),
    "claims": ("What each actor claims, how the article attributes it, and its frames.",
               "exportrow.claims"),
    "events": ("Events, with the words that date them and the resolved interval (empty for an event the article "
               "does not date).",
               "exportrow.events"),
}

# table -> column -> (meaning, unit, source)
DICTIONARY: dict[str, dict[str, tuple[str, str, str]]] = {
    "actors": {
        "actor_id": ("Identifier of the actor in the annotation file", "", A),
        "name": ("Name and role, as the annotator writes it", "", A),
        "side": ("Side the actor speaks for: " + SIDE_VALUES, "", A),
        "kind": ("What the actor is: government, ministry, person, anonymous_source, international_body, parliament, "
                 "media, ...", "", A),
        "quote": ("Words of the article that name the actor (may be empty for the outlet's own voice)", "", ART),
        "start": ("Offset of the quote in the raw article text (0-based)", "characters", L),
        "end": ("Offset just after the quote (exclusive)", "characters", L),
    },
    "figures": {
        "figure_id": ("Identifier of the figure", "", A),
        "quantity": ("What is counted, e.g. illegal_export_cases", "", A),
        "value": ("The number as stated, or as computed for a derived figure", "see unit", A),
        "qualifier": ("The article's hedge on the number: lower_bound (over, at least), upper_bound (up to, nearly), "
                      "approximate (about); empty when exact", "", A),
        "unit": ("Unit of value, e.g. cases, materials", "", A),
        "kind": ("count (adds up over its period: cases, euros of trade; the default) or level (a value at a time, "
                 "or an average or rate over its period: a reservoir level, a price, per cent)", "", A),
        "period_start": ("First day of the period the figure covers", "date", L),
        "period_end": ("First day after the period (exclusive)", "date", L),
        "precision": ("How exactly the period is known: day, week, month, quarter, season, half, year, decade, "
                      "century; empty for a figure without a period", "", L),
        "months": ("Length of the period in whole months; empty for a figure without a period, or a period that is "
                   "not a run of whole months (period_since:, from an event to the publication day)", "months", L),
        "per_month": ("value / months, to compare periods of unequal length; empty for a level, a length of time "
                      "(a unit such as days or hours, taken as a duration) and wherever months is empty",
                      "unit per month", L),
        "basis": ("stated (in the article) or derived (computed from stated figures)", "", L),
        "formula": ("For derived figures: how the value is computed from figure ids", "", L),
        "inputs": ("For derived figures: the figure ids it is computed from", "", L),
        "actor": ("Actor the article attributes the figure to; empty for a derived figure, which no one states "
                  "(exportrow computes it: see inputs_actor)", "", A),
        "side": ("Side of that actor: " + SIDE_VALUES + "; empty for a derived figure", "", A),
        "inputs_actor": ("For derived figures: the actors of the figures it is computed from (actor ids, "
                         "separated by ';', each once); they stated the inputs, not this value", "", f"{A}; {L}"),
        "inputs_side": ("For derived figures: the side of those actors, or other when they are of different sides; "
                        "notebook 01 draws the derived bar in this side's colour", "", L),
        "quote": ("Words of the article that state the figure (empty when derived)", "", ART),
        "start": ("Offset of the quote in the raw article text", "characters", L),
        "end": ("Offset just after the quote (exclusive)", "characters", L),
        "input_spans": ("For derived figures: start:end offsets of each input's quote", "characters", L),
        "forecast": ("True when the article gives the figure as expected, not as what happened: `tense: future` in "
                     "the annotation, or a period that starts after the publication day; no remainder is derived "
                     "from it and notebook 01 does not chart it", "", L),
    },
    "claims": {
        "claim_id": ("Identifier of the claim", "", A),
        "actor": ("Who makes the claim (actor id)", "", A),
        "side": ("Side of that actor: " + SIDE_VALUES, "", A),
        "attribution": ("Whose word the reader has: direct_quote, indirect, anonymous_source, unattributed. As the "
                        "annotator coded it, except that a claim of an actor of kind anonymous_source is "
                        "anonymous_source; never corrected by the quotation marks, so it may disagree with quote_form "
                        "(exportrow check warns then). The article page shows this value (and quote_form where they "
                        "differ), and exportrow agree compares it", "", f"{A}; {L}"),
        "quote_form": ("direct_quote when every word of the claim's quote stands inside quotation marks in the article "
                       "(double marks, straight or curly; guillemets; single marks that open before a word and close "
                       "after one); else paraphrase, also for a paraphrase that borrows a few quoted words. A "
                       "quotation runs across sentences to its closing mark, and one left open at a paragraph's end "
                       "runs to that end, as news style continues it in the next paragraph. Read from the article "
                       "text, not copied from the annotation's attribution; notebook 03 counts a named claimant's "
                       "direct quotations and paraphrases by it", "", L),
        "cue": ("The reporting verb or phrase (says, argues, cited, rejects, widely seen as). The quote leaves it "
                "out, so notebook 03's claim-pairs.csv gives it beside each charge and rebuttal (charge_cue, "
                "rebuttal_cue): after rejects, the quote is what the claimant denies", "", A),
        "quote": ("The claim's content in the article's words, without the reporting frame", "", ART),
        "start": ("Offset of the quote in the raw article text", "characters", L),
        "end": ("Offset just after the quote (exclusive)", "characters", L),
        "words": ("Number of words in the quote", "words", L),
        "frame_code": ("Primary Policy Frames Codebook dimension (1-15)", "", A),
        "frame": ("Name of the primary frame dimension", "", A),
        "frame_secondary_code": ("Secondary frame dimension, where one is needed", "", A),
        "frame_secondary": ("Name of the secondary frame dimension", "", A),
        "entman": ("Entman frame functions, separated by '; '", "", A),
        "answers": ("Id of the claim, figure or event this claim answers. Notebook 03's claim-pairs.csv pairs a "
                    "claim with the claim it answers, also when that claim's side (the outlet, say) is not "
                    "compared", "", A),
    },
    "events": {
        "event_id": ("Identifier of the event", "", A),
        "source": ("article (from the article) or context (outside source, see reference)", "", A),
        "actor": ("Who acts (actor id; a name for context events)", "", A),
        "side": ("Side of the actor: " + SIDE_VALUES + "; a context event's side as its context file gives it", "", A),
        "action": ("PLOVER event category, or OTHER", "", A),
        "recipient": ("Who the action is aimed at", "", A),
        "description": ("What happens, in a few words", "", A),
        "expression": ("The words that date the event; empty when the article does not date it", "", ART),
        "tense": ("Tense of the event's verb, where it decides the date (a weekday, a month or day without a "
                  "year, a bare quarter or season): past = the latest on or before publication, present/future = "
                  "the first on or after", "", A),
        "date_start": ("First day of the resolved interval", "date", L),
        "date_end": ("First day after the interval (exclusive)", "date", L),
        "precision": ("day, week, month, quarter, season, half, year, decade or century; a span is as precise as "
                      "its vaguer end", "", L),
        "timex": ("TIMEX3-style value: 2019-07-10, 2019-07-10TNI, 2019-W27, 2017-12, 2019-Q3, 2018-SU, 2019, 199 "
                  "(the 1990s); a span is start/end, e.g. 2015/2019-03", "", L),
        "mod": ("TIMEX3 modifier: START, MID, END (early, mid, late: the interval is still the whole unit), "
                "ON_OR_AFTER (since), ON_OR_BEFORE (by, until), BEFORE, AFTER, APPROX; empty when none", "", L),
        "duration": ("Length of a span as an ISO 8601 duration, e.g. P4Y3M; empty for a single calendar unit", "", L),
        "rule": ("The rule that resolved the expression against the publication date", "", L),
        "quote": ("Words of the article that report the event", "", ART),
        "start": ("Offset of the quote in the raw article text", "characters", L),
        "end": ("Offset just after the quote (exclusive)", "characters", L),
        "figure": ("Id of the figure the event counts, if any", "", A),
        "claim": ("Id of the claim the event states, if any", "", A),
        "same_as": ("Id of another event that reports the same happening (their dates must agree)", "", A),
        "reference": ("Short citation of a context event's public sources (titles and links in data/context)", "",
                      "data/context"),
    },
}


def markdown() -> str:
    """The data dictionary as Markdown tables (pasted into the README; a test checks it).

    Example:
        >>> markdown().splitlines()[0]
        '### `actors` — People, bodies and places the article names, with the side they speak for.'
    """
    out = []
    for table, columns in DICTIONARY.items():
        desc, func = TABLE_DESCRIPTIONS[table]
        out += [f"### `{table}` — {desc}", "",
                f"Produced by `{func}()`; written as `{table}.csv` by `exportrow tables`.", "",
                "| column | meaning | unit | source |", "| --- | --- | --- | --- |"]
        out += [f"| `{c}` | {m} | {u} | {s} |" for c, (m, u, s) in columns.items()]
        out.append("")
    return "\n".join(out).rstrip() + "\n"
