"""Checks of an article's quantitative statements: one function per kind, one table of thresholds.

A statement in the annotation names its kind (``check:``), the figures it rests on and the
words it uses. Each kind has one function here. Every threshold that turns words into a
verdict stands in one table, :data:`RULES`, which the documentation and the statements
output show as they are (:func:`rules_table`, :func:`rules_markdown`). No verdict is typed.

Verdicts:

- ``supported``: the figures meet the rule for the words.
- ``approximate``: close, but not what the words say exactly; or the verdict rests on a
  figure exportrow derived, which the article does not state (such a verdict is never
  more than ``approximate``).
- ``not_supported``: the figures do not meet the rule.
- ``cannot_check``: a value is missing, a rate would start from zero, no word of the
  table is in the statement, the word is negated ("did not fall") or modified by an
  intensifier or hedge with no stated threshold ("fallen sharply"; :data:`NEGATIONS`,
  :data:`MODIFIERS`), the statement is denied ("it is false that ...", :data:`DENIALS`) or makes the
  word a lower bound ("not only doubled", :data:`AT_LEAST`), or the two figures cannot be compared (different units, the
  earlier listed first, or a growth factor over periods of unequal length: see
  :mod:`exportrow.comparable`); the explanation says which.

A number the article gives only as a bound or an approximation (the figure's ``qualifier``:
"over 150", "nearly 12", "about 40") is honoured: the check runs over every value the words allow.
When the verdict is the same for all of them, it is at most ``approximate``; when the bound decides
it (some allowed values would support the words and others would not), it is ``cannot_check``.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

import pandas as pd

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
from exportrow.numbers import find_numbers, fmt_fixed, fmt_percent, fmt_value, round_half_up

__all__ = ["VERDICTS", "RULES", "Rule", "check_one", "rules_table", "rules_markdown", "fmt_number", "period_label",
           "FACTOR_TOLERANCE", "NEARLY_FROM", "PERIOD_TOLERANCE", "NEGATIONS", "FORECASTS", "MODIFIERS",
           "DENIALS", "DENIAL_WORDS", "DENIAL_REACH", "CLAUSE_NEGATIONS",
           "AT_LEAST", "unjudged_words", "threshold_clause", "unjudged_reason", "word_rules_markdown",
           "is_level"]

VERDICTS = ("supported", "approximate", "not_supported", "cannot_check")

#: A growth word within this share of its factor is ``supported``, within the second ``approximate``.
FACTOR_TOLERANCE = (0.10, 0.25)
#: "nearly doubled" / "almost doubled": at least this share of the factor, and below it.
NEARLY_FROM = 0.75
#: A period length within this share of the real length is ``approximate``; further off, ``not_supported``.
PERIOD_TOLERANCE = 0.10


@dataclass(frozen=True)
class Rule:
    """One row of the threshold table.

    Attributes:
        check: The kind of statement it applies to.
        words: The word and the inflections matched (whole words, no stemming).
        direction: ``up`` or ``down``.
        amount: For ``growth_factor``: the factor (2 for doubled and for halved). For
            ``rate_change``: the least relative change the word needs (0 means any change).
    """

    check: str
    words: tuple[str, ...]
    direction: str
    amount: float

    @property
    def rule(self) -> str:
        """The rule in words, as the docs and the statements table show it."""
        return self.rule_for()

    def rule_for(self, of: str = "the rate per month") -> str:
        """The rule in words, with what a rate word compares: ``the rate per month`` of two counts, or ``the value``
        of two levels (figures with ``kind: level``).

        Example:
            >>> next(r for r in RULES if r.words[0] == "surge").rule_for("the value")
            "'surge': a rise of at least 50% in the value"
        """
        w = self.words[0]
        if self.check == "growth_factor":
            f = fmt_number(self.amount)
            lo, hi = (fmt_number(round_half_up(self.amount * (1 - t), 2)) for t in FACTOR_TOLERANCE)
            up, hi2 = (fmt_number(round_half_up(self.amount * (1 + t), 2)) for t in FACTOR_TOLERANCE)
            near = fmt_number(round_half_up(self.amount * NEARLY_FROM, 2))
            what = "the later value" if self.direction == "up" else "the earlier value"
            other = "the earlier" if self.direction == "up" else "the later"
            return (f"'{w}': {what} is {f} times {other} (supported from {lo} to {up} times, approximate "
                    f"from {hi} to {hi2}); 'more than {w}': above {f} times; 'at least {w}': {f} times or more; "
                    f"'nearly/almost {w}': from {near} up to {f} times")
        if self.amount == 0:
            return f"'{w}': any {'rise' if self.direction == 'up' else 'fall'} in {of}"
        share = "a third" if abs(self.amount - 1 / 3) < 1e-9 else fmt_percent(self.amount)
        return (f"'{w}': a {'rise' if self.direction == 'up' else 'fall'} of at least {share} "
                f"in {of}")


#: The one table of thresholds. Growth words compare two values of the same unit; rate words
#: compare rates per month, so that periods of unequal length are comparable.
RULES = (
    Rule("growth_factor", ("doubled", "doubles", "double"), "up", 2),
    Rule("growth_factor", ("tripled", "triples", "trebled"), "up", 3),
    Rule("growth_factor", ("quadrupled", "quadruples"), "up", 4),
    Rule("growth_factor", ("halved", "halves"), "down", 2),
    Rule("rate_change", ("surge", "surged", "surges", "surging"), "up", 0.5),
    Rule("rate_change", ("soar", "soared", "soars", "soaring"), "up", 0.5),
    Rule("rate_change", ("jump", "jumped", "jumps", "jumping"), "up", 0.5),
    Rule("rate_change", ("rise", "rose", "risen", "rises", "rising"), "up", 0),
    Rule("rate_change", ("increase", "increased", "increases", "increasing"), "up", 0),
    Rule("rate_change", ("plunge", "plunged", "plunges", "plunging"), "down", 1 / 3),
    Rule("rate_change", ("slump", "slumped", "slumps", "slumping"), "down", 1 / 3),
    Rule("rate_change", ("fall", "fell", "fallen", "falls", "falling"), "down", 0),
    Rule("rate_change", ("decline", "declined", "declines", "declining"), "down", 0),
)

_OTHER_RULES = {
    "parts_within_total": "the stated parts lie inside the total's period and add up to no more than the total",
    "period_length": (f"a length in words equal to the period is supported; within {PERIOD_TOLERANCE:.0%} of it, "
                      "approximate; further off, not supported"),
}


def rules_table() -> pd.DataFrame:
    """The threshold table: one row per word, with the rule the checks apply.

    Example:
        >>> t = rules_table().set_index("word")
        >>> t.loc["surge", "rule"]
        "'surge': a rise of at least 50% in the rate per month"
        >>> t.loc["plunge", "rule"]
        "'plunge': a fall of at least a third in the rate per month"
        >>> t.loc["rise", "rule"]
        "'rise': any rise in the rate per month"
    """
    rows = [{"check": r.check, "word": r.words[0], "forms": ", ".join(r.words), "rule": r.rule} for r in RULES]
    rows += [{"check": k, "word": "", "forms": "", "rule": v} for k, v in _OTHER_RULES.items()]
    return pd.DataFrame(rows).astype("string")


def rules_markdown() -> str:
    """The threshold table as Markdown, for the docs (a test keeps docs/teaching.md in step).

    Example:
        >>> rules_markdown().splitlines()[0]
        '| check | words | rule |'
    """
    out = ["| check | words | rule |", "| --- | --- | --- |"]
    for r in rules_table().itertuples():
        out.append(f"| `{r.check}` | {r.forms or '-'} | {r.rule} |")
    return "\n".join(out) + "\n"


def fmt_number(v) -> str:
    """A number as the article would write it: no ``.0`` on whole numbers, no truncation, thousands separated as
    the notebooks, charts and worksheets write them (:func:`exportrow.numbers.fmt_value`).

    Example:
        >>> fmt_number(48), fmt_number(2.0), fmt_number(1.2), fmt_number(1500000)
        ('48', '2', '1.2', '1,500,000')
    """
    return fmt_value(v)


def period_label(figure) -> str:
    """A short label for a figure's period: ``2016``, ``Mar 2025``, or ``Jan 2018–Mar 2019`` for whole months;
    with days when the period is not a run of whole months: ``1–14 Mar 2025``, ``1 Jan–14 Mar 2025``.

    Example:
        >>> from exportrow import figures
        >>> [period_label(r) for r in figures().dropna(subset=["period_start"]).itertuples()][:2]
        ['Jan 2015–Mar 2019', '2015']
        >>> from types import SimpleNamespace as F
        >>> [period_label(F(period_start=pd.Timestamp(a), period_end=pd.Timestamp(b))) for a, b in [
        ...     ("2025-03-01", "2025-03-15"), ("2025-01-01", "2025-03-15"), ("2024-12-30", "2025-01-06"),
        ...     ("2025-03-14", "2025-03-15"), ("2025-03-01", "2025-04-01")]]
        ['1–14 Mar 2025', '1 Jan–14 Mar 2025', '30 Dec 2024–5 Jan 2025', '14 Mar 2025', 'Mar 2025']
    """
    start, end = figure.period_start, figure.period_end
    last = end - pd.Timedelta(days=1)
    if end == start + pd.DateOffset(years=1) and start.month == 1 and start.day == 1:
        return f"{start:%Y}"
    if start.day == 1 and end.day == 1:  # whole months
        return f"{start:%b %Y}" if end == start + pd.DateOffset(months=1) else f"{start:%b %Y}\u2013{last:%b %Y}"
    if last == start:
        return f"{start.day} {start:%b %Y}"
    if (start.year, start.month) == (last.year, last.month):
        return f"{start.day}\u2013{last.day} {last:%b %Y}"
    first = f"{start.day} {start:%b}" if start.year == last.year else f"{start.day} {start:%b %Y}"
    return f"{first}\u2013{last.day} {last:%b %Y}"


def _named(f) -> str:
    """A figure as a reader knows it: its period when it has one (``2017``), else its id."""
    if pd.notna(f.get("period_start")) and pd.notna(f.get("period_end")):
        return period_label(f)
    return str(f.name)


def _find_rule(text: str, check: str) -> tuple[Rule, str] | tuple[None, None]:
    found = _find_rule_at(text, check)
    return (found[0], found[1]) if found else (None, None)


def _find_rule_at(text: str, check: str) -> tuple[Rule, str, int] | None:
    """The first word of the threshold table in ``text`` (lower-cased): its rule, the word and where it starts."""
    lowered = text.lower()
    best = None
    for r in RULES:
        if r.check != check:
            continue
        for w in r.words:
            m = re.search(rf"\b{w}\b", lowered)
            if m and (best is None or m.start() < best[2]):
                best = (r, w, m.start())
    return best


#: Words that deny a threshold word when one stands up to :data:`NEGATION_WINDOW` words before it in the same
#: clause ("did not fall", "never halved", "failed to double", "no longer rising", "hardly rose", "less than
#: doubled", "have yet to double", "nobody expected it to fall"); any word ending in "n't" ("didn't rise") counts
#: too. A statement with one gets ``cannot_check``: the check judges only the bare word, and a negated word must
#: never get the bare word's verdict. "not only", "not just", "not surprisingly", "no wonder" and "no doubt" are
#: not negations ("not only doubled" is a lower bound, :data:`AT_LEAST`; a denial of the whole statement,
#: "It is false that ...", is in :data:`DENIALS`).
NEGATIONS = ("not", "never", "no", "no longer", "nor", "neither", "without", "cannot", "hardly", "scarcely",
             "fail to", "failed to", "fails to", "failing to", "less than", "fewer than", "at most", "short of",
             "far from", "yet to", "nobody", "none", "nothing")
#: Words that make the threshold word a forecast or a possibility ("are expected to double", "may double",
#: "would double under the plan") when one stands up to :data:`NEGATION_WINDOW` words before it in the same
#: clause. The figures are past values, so such a statement gets ``cannot_check``.
FORECASTS = ("expected to", "expect to", "expects to", "set to", "likely to", "unlikely to", "forecast to",
             "forecasts to", "projected to", "predicted to", "plan to", "plans to", "planned to", "could", "may",
             "might", "would", "will", "shall", "should")
#: How many words before the threshold word are searched for a negation or a forecast.
NEGATION_WINDOW = 4
#: Words that deny a whole statement, worded before its threshold word and outside its clause ("It is false that
#: crossings doubled", "it is not true that ...", "officials denied that ...", "did anything but double"). One
#: anywhere before the threshold word in the same sentence (up to a full stop, a semicolon, a question or
#: exclamation mark; commas do not end it) gives ``cannot_check``, as a negation does.
DENIALS = ("false that", "untrue that", "not true that", "not the case that", "denied that", "denies that",
           "deny that", "denying that", "a myth that", "wrong to say", "anything but")
#: Words that deny the "that" clause which follows them within :data:`DENIAL_REACH` words in the same sentence
#: ("dismissed claims that", "false claims that", "rejected reports that", "It is not true, Lind said, that",
#: "contrary to claims that"). "contrary to" reaches only up to a comma: "Contrary to forecasts, exports doubled"
#: is judged as "exports doubled".
DENIAL_WORDS = ("false", "untrue", "not true", "not the case", "contrary to", "denied", "denies", "deny", "denying",
                "dismissed", "dismisses", "dismiss", "dismissing", "rejected", "rejects", "reject", "rejecting",
                "disputed", "disputes", "dispute", "refuted", "refutes", "rebutted", "baseless", "unfounded",
                "a myth")
#: How many words (commas not counted) may stand between a word of :data:`DENIAL_WORDS` and its "that".
DENIAL_REACH = 4
#: Words that deny a threshold word anywhere before it in its clause ("Nobody can say that exports fell").
CLAUSE_NEGATIONS = ("nobody", "no one", "none", "nothing")
#: Words that make the threshold word a lower bound ("not only doubled", "more than just doubled": at least
#: doubled). The table has no threshold for "at least", so one anywhere before the threshold word in its clause
#: gives ``cannot_check`` ("Not only did exports double, ..." too: no verdict is safer than a wrong one).
AT_LEAST = ("not only", "not just", "not merely", "more than just", "more than merely", "more than simply")
#: Intensifiers and hedges that say how much without a stated threshold ("fallen sharply", "barely rose",
#: "a slight increase"). One standing up to :data:`MODIFIER_WINDOW` words before or after the threshold word
#: (in the same clause, with no number in between) gives ``cannot_check`` ("'sharply' has no stated
#: threshold"), unless it is part of a phrase of the table ("nearly doubled", "almost doubled"), qualifies a
#: number or a quantifier ("doubled to nearly 48", "rose by almost half", "fell nearly every month"), or
#: belongs to a phrase after a preposition (:data:`PHRASE_STARTS`: "rose despite a strong yen").
MODIFIERS = ("sharply", "sharp", "slightly", "slight", "barely", "steeply", "steep", "dramatically", "dramatic",
             "modestly", "modest", "significantly", "significant", "substantially", "substantial", "considerably",
             "considerable", "markedly", "marked", "greatly", "hugely", "huge", "massively", "massive", "enormously",
             "enormous", "strongly", "strong", "marginally", "marginal", "moderately", "moderate", "somewhat",
             "little", "mildly", "mild", "rapidly", "rapid", "quickly", "swiftly", "slowly", "gradually", "gradual",
             "steadily", "steady", "precipitously", "noticeably", "notably", "vastly", "nearly", "almost")
#: Words just before the threshold word that mean "about": the bare word already means about N times, so
#: "roughly doubled" gets the verdict of "doubled" (its explanation quotes the article's words).
ABOUT_WORDS = ("roughly", "approximately", "about", "around")
#: Conjunctions that end the clause of the threshold word (as a comma, a semicolon or a full stop does);
#: "yet", "before" and "after" only as conjunctions ("small, yet rising"), not as adverbs ("not yet", "yet to",
#: "had never before doubled").
CONJUNCTIONS = ("but", "though", "although", "while", "whereas", "despite", "after", "before", "yet")
#: Words after the threshold word that start another phrase: the search for a modifier stops there.
PHRASE_STARTS = ("despite", "after", "before", "in", "on", "at", "over", "across", "during", "since", "among",
                 "amid", "against", "under", "every", "each", "for", "from", "as", "because", "when", "with")
#: How many words on either side of the threshold word are searched for a modifier.
MODIFIER_WINDOW = 4
_NEGATION_TOKENS = {"didnt", "doesnt", "dont", "hasnt", "hadnt", "havent", "wasnt", "werent", "isnt", "arent", "wont",
                    "cant", "couldnt", "wouldnt"}
_NOT_NEGATIONS = {"not only", "not just", "not merely", "not surprisingly", "not least", "no wonder", "no doubt"}
_TABLE_PHRASE_WORDS = {"growth_factor": ("nearly", "almost")}  # "nearly doubled": the table has it
_NUMBER_WORDS = {"half", "halves", "third", "thirds", "quarter", "quarters", "fifth", "fifths", "tenth", "tenths",
                 "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
                 "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty",
                 "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety", "hundred", "hundreds",
                 "thousand", "thousands", "million", "millions", "billion", "dozen", "dozens", "every", "each", "all"}
_BREAKS = {".", "!", "?", ";", ",", ":"}
_AUXILIARIES = {"not", "never", "has", "have", "had", "is", "are", "was", "were", "be", "been"}
_MONTH_BEFORE = {"in", "since", "from", "of", "until", "by", "to", "through", "last", "this", "next", "early", "late",
                 "mid", "between", "and"}
_TOKEN = re.compile(r"[a-z]+(?:'[a-z]+)*|\d+(?:[.,]\d+)*|[.!?;,:]")


def _tokens(text: str) -> list[tuple[str, int]]:
    """The words of ``text`` (lower-cased, curly apostrophes straightened) and clause marks, with offsets."""
    lowered = text.lower().replace("\u2019", "'")
    return [(m.group(0), m.start()) for m in _TOKEN.finditer(lowered)]


def _ends_clause(tokens: list[tuple[str, int]], i: int) -> bool:
    """Whether token ``i`` ends a clause: a mark, or a conjunction ("yet" only when it is not an adverb)."""
    w = tokens[i][0]
    if w in _BREAKS:
        return True
    if w not in ("yet", "before", "after"):
        return w in CONJUNCTIONS
    before = tokens[i - 1][0] if i else ""
    after = tokens[i + 1][0] if i + 1 < len(tokens) else ""
    return not ((w == "yet" and after == "to") or before in _AUXILIARIES or before.endswith("n't")
                or before in _NEGATION_TOKENS)  # "not yet", "never before doubled": adverbs


def _numberish(words: list[str], i: int) -> bool:
    """Whether ``words[i:]`` starts with a number: digits, a number word ("half", "forty") or "a third"."""
    w = words[i] if i < len(words) else ""
    if w[:1].isdigit() or w in _NUMBER_WORDS:
        return True
    return w in ("a", "an") and i + 1 < len(words) and words[i + 1] in _NUMBER_WORDS


def _negation(words: list[str]) -> str | None:
    """The negation among ``words`` (the words before the threshold word, nearest last), as the text says it."""
    for i in range(len(words) - 1, -1, -1):
        w, nxt = words[i], words[i + 1] if i + 1 < len(words) else ""
        if f"{w} {nxt}" in _NOT_NEGATIONS:
            continue
        if f"{w} {nxt}" in NEGATIONS:
            return f"{w} {nxt}"
        if w in NEGATIONS or w.endswith("n't") or w in _NEGATION_TOKENS:
            return w
    return None


def _phrase_in(words: list[str], phrases: tuple[str, ...]) -> str | None:
    """The last of ``phrases`` (whole words) in ``words``, or None.

    Example:
        >>> _phrase_in(["it", "is", "false", "that", "exports"], DENIALS)
        'false that'
    """
    joined = f" {' '.join(words)} "
    found = [(joined.rfind(f" {p} "), p) for p in phrases if f" {p} " in joined]
    return max(found)[1] if found else None


def _denial(tokens: list[tuple[str, int]], at: int) -> str | None:
    """The denial before token ``at`` in its sentence, or None: a phrase of :data:`DENIALS`, or a word of
    :data:`DENIAL_WORDS` with its "that" (as the words say it, e.g. "dismissed claims that").

    Example:
        >>> _denial(_tokens("It is not true, Lind said, that exports doubled"), 9)
        'not true, lind said, that'
        >>> _denial(_tokens("Contrary to forecasts, officials said that exports doubled"), 8) is None
        True
    """
    first = next((i + 1 for i in range(at - 1, -1, -1) if tokens[i][0] in (".", "!", "?", ";")), 0)
    words = [w for w, _ in tokens[first:at]]
    if (phrase := _phrase_in(words, DENIALS)):
        return phrase
    for i in range(len(words)):
        head = next((h for h in DENIAL_WORDS if words[i:i + len(h.split())] == h.split()), None)
        if head is None:
            continue
        gap = 0
        for j in range(i + len(head.split()), len(words)):
            if words[j] == "that":
                return " ".join(words[i:j + 1]).replace(" ,", ",")
            if words[j] in _BREAKS and (head == "contrary to" or words[j] != ","):
                break  # "Contrary to forecasts, exports doubled": the denial's clause ends at the comma
            gap += words[j] not in _BREAKS
            if gap > DENIAL_REACH:
                break
    return None


def _clause_negation(tokens: list[tuple[str, int]], at: int) -> str | None:
    """The word of :data:`CLAUSE_NEGATIONS` anywhere before token ``at`` in its clause, or None."""
    first = next((i + 1 for i in range(at - 1, -1, -1) if _ends_clause(tokens, i)), 0)
    return _phrase_in([w for w, _ in tokens[first:at]], CLAUSE_NEGATIONS)


def _at_least(tokens: list[tuple[str, int]], at: int) -> str | None:
    """The lower-bound phrase (:data:`AT_LEAST`) before token ``at`` in its clause, or None."""
    first = next((i + 1 for i in range(at - 1, -1, -1) if _ends_clause(tokens, i)), 0)
    return _phrase_in([w for w, _ in tokens[first:at]], AT_LEAST)


def _forecast(tokens: list[tuple[str, int]], before: list[int], text: str) -> str | None:
    """The forecast or modal among the tokens at indices ``before`` (nearest last); "May" the month is not one."""
    for k in range(len(before) - 1, -1, -1):
        i = before[k]
        w, nxt = tokens[i][0], tokens[i + 1][0] if i + 1 < len(tokens) else ""
        if f"{w} {nxt}" in FORECASTS:
            return f"{w} {nxt}"
        if w not in FORECASTS:
            continue
        if w == "may":
            prev = tokens[i - 1][0] if i else ""
            capital = text[tokens[i][1]:tokens[i][1] + 1] == "M" and i and prev not in _BREAKS
            if capital or prev in _MONTH_BEFORE or nxt[:1].isdigit():
                continue
        return w
    return None


def _before_aside(tokens: list[tuple[str, int]], b: int) -> tuple[str, str] | None:
    """``(kind, word)`` when the comma at ``b`` closes an aside that follows a negation or a modal, else None.

    "Crossings did not, after all, double": the commas enclose an aside, and the word before it denies the
    threshold word (kind ``negated``); "will, officials say, double" makes it a forecast.
    """
    if b < 0 or tokens[b][0] != ",":
        return None
    c = next((i for i in range(b - 1, max(b - 7, -1), -1) if tokens[i][0] in _BREAKS), None)
    if c is None or c == 0 or tokens[c][0] != ",":
        return None
    w = tokens[c - 1][0]
    if w in NEGATIONS or w.endswith("n't") or w in _NEGATION_TOKENS:
        return "negated", w
    return ("forecast", w) if w in FORECASTS and w != "may" else None


def _word_at(text: str, check: str) -> tuple[str, list[tuple[str, int]], int] | None:
    """The threshold word of ``text``, its tokens and the token index of the word, or None."""
    if check == "rate_increase":
        check = "rate_change"
    found = _find_rule_at(text, check) if check in ("growth_factor", "rate_change") else None
    if not found:
        return None
    _, word, start = found
    tokens = _tokens(text)
    at = next((i for i, (_, s) in enumerate(tokens) if s == start), None)
    return None if at is None else (word, tokens, at)


def unjudged_words(text: str, check: str) -> tuple[str, str, str] | None:
    """What in ``text`` the threshold word's verdict would not cover: ``(kind, word, threshold word)`` or None.

    ``kind`` is ``negated`` (a word of :data:`NEGATIONS` before the threshold word), ``forecast`` (a word of
    :data:`FORECASTS` before it) or ``modified`` (a word of :data:`MODIFIERS` near it), all within the
    threshold word's clause. Only ``growth_factor`` and ``rate_change`` statements use the table's words.

    Example:
        >>> unjudged_words("Crossings did not fall", "rate_change")
        ('negated', 'not', 'fall')
        >>> unjudged_words("The number failed to double", "growth_factor")
        ('negated', 'failed to', 'double')
        >>> unjudged_words("Crossings less than doubled", "growth_factor")
        ('negated', 'less than', 'doubled')
        >>> unjudged_words("Crossings are expected to double", "growth_factor")
        ('forecast', 'expected to', 'double')
        >>> unjudged_words("crossings had fallen sharply", "rate_change")
        ('modified', 'sharply', 'fallen')
        >>> unjudged_words("Not surprisingly, crossings rose", "rate_change") is None  # another clause
        True
        >>> unjudged_words("Exports rose, but a strong yen hurt", "rate_change") is None  # 'strong': the yen's
        True
        >>> unjudged_words("Exports fell, a sharp drop", "rate_change")
        ('modified', 'sharp', 'fell')
        >>> unjudged_words("Crossings almost doubled", "growth_factor") is None  # a phrase of the table
        True
        >>> unjudged_words("The number more than doubled to nearly 48 in 2017", "growth_factor") is None
        True
        >>> unjudged_words("It is false that Japanese exports to Korea doubled", "growth_factor")
        ('negated', 'false that', 'doubled')
        >>> unjudged_words("Exports not only doubled but tripled", "growth_factor")
        ('modified', 'not only', 'doubled')
    """
    found = _word_at(text, check)
    if not found:
        return None
    word, tokens, at = found
    before = []
    for i in range(at - 1, -1, -1):
        if _ends_clause(tokens, i) or len(before) == NEGATION_WINDOW:
            break
        before.insert(0, i)
    words = [tokens[i][0] for i in before]
    if (neg := _negation(words) or _denial(tokens, at) or _clause_negation(tokens, at)):
        return "negated", neg, word
    if (cast := _forecast(tokens, before, text)):
        return "forecast", cast, word
    if (aside := _before_aside(tokens, (before[0] if before else at) - 1)):  # "did not, after all, double"
        return aside[0], aside[1], word
    if (least := _at_least(tokens, at)):  # "not only doubled": at least doubled, which the table has no rule for
        return "modified", least, word
    near = []
    for i, w in enumerate(reversed(words[-MODIFIER_WINDOW:])):
        if _numberish(words, len(words) - 1 - i):
            break
        if not (i == 0 and w in (*_TABLE_PHRASE_WORDS.get(check, ()), *ABOUT_WORDS)):
            near.append(w)
    after, stop = [], len(tokens)
    for i in range(at + 1, min(len(tokens), at + 1 + MODIFIER_WINDOW)):
        if _ends_clause(tokens, i) or tokens[i][0] in PHRASE_STARTS:
            stop = i
            break
        after.append(tokens[i][0])
    ahead = [w for w, _ in tokens[at + 1:]]
    for j, w in enumerate(after):
        if _numberish(after, j):
            break
        if not _numberish(ahead, j + 1):
            near.append(w)  # "doubled to nearly 48", "fell nearly every month": 'nearly' qualifies what follows
    mod = next((w for w in near if w in MODIFIERS), None)
    if mod:
        return "modified", mod, word
    # "rose, though not sharply": the next clause only qualifies the word
    rest = [w for w, _ in tokens[stop + 1:stop + 1 + MODIFIER_WINDOW]] if stop < len(tokens) and \
        tokens[stop][0] == "," else []
    contrast = bool(rest) and rest[0] in ("but", "though", "although", "yet", "while", "whereas")
    while rest and rest[0] in ("but", "though", "although", "yet", "and", "if", "even", "only", "just", "a", "an",
                               "the", "very"):
        rest.pop(0)
    if len(rest) > 1 and (rest[0] in NEGATIONS or rest[0].endswith("n't")) and rest[1] in MODIFIERS:
        return "modified", f"{rest[0]} {rest[1]}", word
    # "fell, a sharp drop" qualifies the word; after "but" only an adverb does ("rose, but only slightly"), an
    # adjective belongs to the next clause ("rose, but a strong yen hurt")
    if rest and rest[0] in MODIFIERS and not _numberish(rest, 1) and (not contrast or rest[0].endswith("ly")):
        return "modified", rest[0], word
    return None


def threshold_clause(text: str, check: str) -> str | None:
    """The clause of ``text`` that holds the threshold word (between marks and conjunctions), or None.

    Example:
        >>> threshold_clause("Crossings rose, though not sharply", "rate_change")
        'Crossings rose'
    """
    found = _word_at(text, check)
    if not found:
        return None
    _, tokens, at = found
    first = next((i + 1 for i in range(at - 1, -1, -1) if _ends_clause(tokens, i)), 0)
    last = next((i for i in range(at + 1, len(tokens)) if _ends_clause(tokens, i)), None)
    end = tokens[last][1] if last is not None else len(text)
    return text[tokens[first][1]:end].strip(" ,;:")


def unjudged_reason(text: str, check: str) -> str | None:
    """Why the check gives no verdict on ``text``'s threshold word (see :func:`unjudged_words`), or None.

    Example:
        >>> print(unjudged_reason("The number never halved", "growth_factor"))
        'never' negates 'halved' in 'The number never halved'; the check judges only the bare word 'halved', \
so it gives no verdict on a negated one
        >>> print(unjudged_reason("Traffic rose sharply", "rate_change"))
        'sharply' has no stated threshold; the check judges only the bare word 'rose' against the threshold \
table, so it gives no verdict on 'Traffic rose sharply' as a whole
        >>> print(unjudged_reason("Traffic may double", "growth_factor"))
        'may double' in 'Traffic may double' is a forecast or possibility: the figures are past values, so the \
check gives no verdict on it
    """
    found = unjudged_words(text, check)
    if found is None:
        return None
    kind, w, word = found
    if kind == "negated":
        return (f"'{w}' negates '{word}' in {text!r}; the check judges only the bare word '{word}', so it gives no "
                "verdict on a negated one")
    if kind == "forecast":
        return (f"'{w} {word}' in {text!r} is a forecast or possibility: the figures are past values, so the check "
                "gives no verdict on it")
    if w in AT_LEAST:
        return (f"'{w}' makes '{word}' a lower bound in {text!r} (at least '{word}'), which has no stated threshold; "
                f"the check judges only the bare word '{word}', so it gives no verdict on it")
    return (f"'{w}' has no stated threshold; the check judges only the bare word '{word}' against the threshold "
            f"table, so it gives no verdict on {text!r} as a whole")


def word_rules_markdown() -> str:
    """The rule for negations and modifiers, as the docs state it (a test keeps docs/teaching.md in step).

    Example:
        >>> word_rules_markdown().startswith("A negated threshold word")
        True
    """
    def quoted(words):
        return ", ".join(f'"{w}"' for w in words)

    return (f"A negated threshold word gets no verdict (`cannot_check`): the checks judge only the bare word. A "
            f"negation is one of {quoted(NEGATIONS)} or a word ending in \"n't\", up to {NEGATION_WINDOW} words "
            f"before the threshold word in the same clause (\"did not fall\", \"never halved\", \"less than "
            f"doubled\", \"have yet to double\"); {quoted(sorted(_NOT_NEGATIONS))} are not negations. A forecast "
            f"or possibility gets `cannot_check` too, because the figures are past values: one of "
            f"{quoted(FORECASTS)} up to {NEGATION_WINDOW} words before the threshold word in the same clause "
            f"(\"are expected to double\", \"may double\"; \"May\" the month is not one). A clause ends at a "
            f"comma, a semicolon, a colon, a full stop or a conjunction ({quoted(CONJUNCTIONS)}; \"yet\", \"before\" "
            f"and \"after\" only as conjunctions: \"never before doubled\" is negated): \"Not surprisingly, "
            f"crossings rose\" is judged as \"crossings rose\"; an aside between commas right after a negation or "
            f"a forecast does not end it (\"did not, after all, double\"). A denial of the whole statement gets "
            f"`cannot_check` too: one of {quoted(DENIALS)} anywhere before the threshold word in the same sentence "
            f"(\"It is false that crossings doubled\", \"did anything but double\"; commas do not end the "
            f"sentence), or one of {quoted(DENIAL_WORDS)} followed by \"that\" within {DENIAL_REACH} words "
            f"(\"dismissed claims that\", \"rejected reports that\", \"It is not true, officials said, that\"); "
            f"\"contrary to\" reaches only up to a comma (\"Contrary to claims that crossings doubled\" is "
            f"denied, \"Contrary to forecasts, crossings doubled\" is judged as \"crossings doubled\"). "
            f"{quoted(CLAUSE_NEGATIONS)} deny the threshold word anywhere before it in its clause (\"Nobody can "
            f"say that crossings fell\"). A lower bound has no threshold in the table: one of {quoted(AT_LEAST)} "
            f"before the threshold word in its clause (\"not only doubled\" means at least doubled; \"Not only "
            f"did crossings double, ...\" as well) gets `cannot_check`. An intensifier or hedge has no stated "
            f"threshold, so a statement with one up to {MODIFIER_WINDOW} words before or after the threshold word "
            f"in the same clause (\"fallen sharply\", \"barely rose\", \"rose, though not sharply\") gets "
            f"`cannot_check` too: {quoted(MODIFIERS)}. \"nearly\" and \"almost\" just before a growth word are "
            f"the table's own phrase (\"nearly doubled\"); {quoted(ABOUT_WORDS)} just before the word get the bare "
            "word's verdict, which already means \"about N times\" (the explanation quotes the article's words). "
            "A modifier just before a number, a number word or a quantifier qualifies that (\"doubled to nearly "
            "48\", \"rose by almost half\", \"fell nearly every month\"); a number ends the search, and so does a "
            f"word that starts another phrase after the threshold word ({quoted(PHRASE_STARTS)}: \"rose despite a "
            "strong yen\"). `exportrow check` warns about each such statement and suggests quoting fewer words "
            "when that removes the problem, else dropping the statement (a quote is the article's own words).\n")


def _missing(f, fields=("value",)) -> str | None:
    for fld in fields:
        v = f.get(fld)
        if v is None or pd.isna(v):
            return f"{f.name} has no {fld.replace('_', ' ')}"
    return None


#: How a qualifier is said in an explanation.
_BOUND_WORDS = {"lower_bound": "at least", "upper_bound": "at most", "approximate": "about"}


def _qualifier(f) -> str | None:
    """The figure's qualifier kind (``lower_bound``, ``upper_bound``, ``approximate``), or None when exact."""
    q = f.get("qualifier")
    return None if q is None or pd.isna(q) else str(q)


def _range(f) -> tuple[float, float]:
    """The values a figure's words allow: its value, or from it up (a lower bound) or down to 0 (an upper bound).

    Example:
        >>> _range(pd.Series({"value": 150, "qualifier": "lower_bound"})), _range(pd.Series({"value": 12}))
        ((150.0, inf), (12.0, 12.0))
    """
    v = float(f.value)
    q = _qualifier(f)
    if q == "lower_bound":
        return v, math.inf
    if q == "upper_bound":
        return min(0.0, v), v
    return v, v


def _stated(f) -> str:
    """A figure's value as the article hedges it: ``48``, ``at least 150``, ``about 40``."""
    q = _qualifier(f)
    return f"{_BOUND_WORDS[q]} {fmt_number(f.value)}" if q else fmt_number(f.value)


def _said(f) -> str:
    """A bounded figure as an explanation names it: ``2017 (at least 48)``."""
    return f"{_named(f)} ({_BOUND_WORDS[_qualifier(f)]} {fmt_number(f.value)})"


def _probe(verdict_of, lo: float, hi: float, breaks) -> set[str]:
    """Every verdict ``verdict_of`` gives over ``[lo, hi]``, a function constant between its ``breaks``.

    Example:
        >>> sorted(_probe(lambda x: "a" if x < 2 else "b", 1, math.inf, [2]))
        ['a', 'b']
        >>> _probe(lambda x: "a" if x < 2 else "b", 3, 5, [2])
        {'b'}
    """
    if lo > hi:
        lo, hi = hi, lo
    top = hi if math.isfinite(hi) else max([lo, *(b for b in breaks if math.isfinite(b))]) * 2 + 10
    points = sorted({lo, top, *(b for b in breaks if lo < b < top)})
    points += [(a + b) / 2 for a, b in zip(points, points[1:])]
    return {verdict_of(x) for x in points if not math.isnan(x)}


def _bounded(verdict: str, verdicts: set[str], figs, why: str) -> tuple[str, str]:
    """The verdict once the figures' qualifiers are honoured, and the explanation with the reason.

    ``verdicts`` holds every verdict the bounds allow. One verdict: at most ``approximate``. More than
    one: the bound decides, and the statement ``cannot_check``. An approximate figure caps at ``approximate``.
    """
    bounds = [f for f in figs if _qualifier(f) in ("lower_bound", "upper_bound")]
    approx = [f for f in figs if _qualifier(f) == "approximate"]
    if bounds and len(verdicts) > 1:
        return "cannot_check", (f"{why}; but the article gives {', '.join(_said(f) for f in bounds)} only as a "
                                f"bound, and the values it allows give different verdicts "
                                f"({', '.join(v for v in VERDICTS if v in verdicts)}): the bound decides it")
    named = ", ".join(_said(f) for f in bounds + approx)
    if not (bounds or approx) or verdict not in ("supported", "approximate"):
        if bounds or approx:
            why += f"; the verdict is the same for every value that {named} allows"
        return verdict, why
    kind = "a bound or an approximation" if bounds and approx else "a bound" if bounds else "an approximation"
    return "approximate", (f"{why}; it rests on {named}, which the article gives only as {kind}, so the verdict "
                           "is at most approximate")


def _cap(verdict: str, derived: list[str]) -> tuple[str, str]:
    """At most ``approximate`` when the verdict rests on a derived figure; says so."""
    if not derived:
        return verdict, ""
    note = (f"; it rests on {', '.join(derived)}, which exportrow derived (the article does not state it), so "
            "the verdict is at most approximate")
    return ("approximate" if verdict == "supported" else verdict), note


def _growth(st, figs) -> tuple[str, str, str, str]:
    new, old = figs
    text = st.wording
    rule, word = _find_rule(text, "growth_factor")
    if rule is None:
        words = ", ".join(r.words[0] for r in RULES if r.check == "growth_factor")
        return "", "cannot_check", "", f"no growth word of the threshold table ({words}) in {text!r}"
    for f in (new, old):
        if (msg := _missing(f)):
            return "", "cannot_check", rule.rule, msg
    a, b = float(new.value), float(old.value)
    value = f"{_stated(new)} / {_stated(old)}" + (f" = {fmt_fixed(a / b, 2)}x" if b else "")
    lowered = text.lower()
    m_more = re.search(rf"\b(?:more than|over|at least)\s+{word}\b", lowered)
    m_nearly = re.search(rf"\b(?:nearly|almost)\s+{word}\b", lowered)
    more, nearly = m_more is not None, m_nearly is not None
    least = more and m_more.group(0).startswith("at least")  # 'at least doubled': a factor of 2 is enough
    label = _label(m_more or m_nearly, word, "at least" if least else "more than" if more else "nearly")
    if not (more or nearly) and (m_about := re.search(rf"\b(?:{'|'.join(ABOUT_WORDS)})\s+{word}\b", lowered)):
        label = f"'{' '.join(m_about.group(0).split())}' (read as '{word}')"  # the bare word means about N times
    if rule.direction == "up":
        if b <= 0:
            return value, "cannot_check", rule.rule, f"a growth factor from {fmt_number(b)} {old.unit} is undefined"
        factor, how = a / b, f"{_named(new)} is {fmt_fixed(a / b, 2)} times {_named(old)}"
    else:
        if b <= 0:
            return value, "cannot_check", rule.rule, f"nothing can be {word} from {fmt_number(b)} {old.unit}"
        factor = math.inf if a <= 0 else b / a
        how = (f"{_named(old)} is {fmt_fixed(factor, 2)} times {_named(new)}" if a > 0 else
               f"{_named(new)} fell to {fmt_number(a)}")
    target = rule.amount
    f_txt, near_txt = fmt_number(target), fmt_number(NEARLY_FROM * target)
    lo, hi = (f"{fmt_number(round_half_up(target * (1 - t), 2))} to {fmt_number(round_half_up(target * (1 + t), 2))}"
              for t in FACTOR_TOLERANCE)
    threshold = (f"{label}: a factor of {f_txt} or more" if least else f"{label}: a factor above {f_txt}" if more else
                 f"{label}: a factor from {near_txt} up to {f_txt}" if nearly else
                 f"{label}: a factor of {f_txt} (supported from {lo}, approximate from {hi})")
    def verdict_of(x: float) -> str:
        if x <= 1:
            return "not_supported"
        if least:
            return "supported" if x >= target else "not_supported"
        if more:
            return "supported" if x > target else "not_supported"
        if nearly:
            return ("supported" if NEARLY_FROM * target <= x < target else
                    "approximate" if x >= target else "not_supported")
        off = abs(x / target - 1)
        return ("supported" if off <= FACTOR_TOLERANCE[0] else
                "approximate" if off <= FACTOR_TOLERANCE[1] else "not_supported")

    verdict = verdict_of(factor)
    if factor <= 1:
        why = f"{label} needs a {'rise' if rule.direction == 'up' else 'fall'}; there is none: {how}"
    elif least:
        why = f"{label} needs a factor of {fmt_number(target)} or more; {how}"
    elif more:
        why = f"{label} needs a factor above {fmt_number(target)}; {how}"
    elif nearly:
        why = f"{label} needs a factor from {fmt_number(NEARLY_FROM * target)} up to {fmt_number(target)}; {how}"
    else:
        why = f"{label} means about {fmt_number(target)} times; {how}"
    (a_lo, a_hi), (b_lo, b_hi) = _range(new), _range(old)
    lo, hi = (a_lo / b_hi, a_hi / b_lo if b_lo > 0 else math.inf) if rule.direction == "up" else \
        (b_lo / a_hi if a_hi > 0 else math.inf, b_hi / a_lo if a_lo > 0 else math.inf)
    breaks = [1, target, NEARLY_FROM * target, *(target * (1 + d * t) for t in FACTOR_TOLERANCE for d in (-1, 1))]
    verdict, why = _bounded(verdict, _probe(verdict_of, lo, hi, breaks), (new, old), why)
    return value, verdict, threshold, why


def _change_rule(rises: bool, need: float):
    """A rate word's rule for a relative change: the verdict of a change ``x`` (0.5 = +50%) and the rule in words.

    Example:
        >>> verdict_of, kind = _change_rule(False, 1 / 3)
        >>> kind, verdict_of(-0.40), verdict_of(-0.20), verdict_of(0.10)
        ('a fall of at least a third', 'supported', 'not_supported', 'not_supported')
    """
    def verdict_of(x: float) -> str:
        ok = (x > 0 and x >= need) if rises else (x < 0 and -x >= need - 1e-12)
        return "supported" if ok else "not_supported"

    if rises:
        kind = "any rise" if need == 0 else f"a rise of at least {fmt_percent(need)}"
    else:
        kind = "any fall" if need == 0 else ("a fall of at least a third" if abs(need - 1 / 3) < 1e-9
                                             else f"a fall of at least {fmt_percent(need)}")
    return verdict_of, kind


def _label(m, word: str, canonical: str) -> str:
    """The article's own words for a growth phrase, and the table phrase they were read as when they differ.

    Example:
        >>> _label(re.search(r"almost doubled", "crossings almost doubled"), "doubled", "nearly")
        "'almost doubled' (read as 'nearly doubled')"
        >>> _label(None, "doubled", "nearly")
        "'doubled'"
    """
    if m is None:
        return f"'{word}'"
    said = " ".join(m.group(0).split())
    table = f"{canonical} {word}"
    return f"'{said}'" + ("" if said == table else f" (read as '{table}')")


def _parts(st, figs) -> tuple[str, str, str, str]:
    total, parts = figs[0], figs[1:]
    rule = _OTHER_RULES["parts_within_total"]
    for f in figs:
        if (msg := _missing(f, ("value", "period_start", "period_end"))):
            return "", "cannot_check", rule, msg
    if (levels := [str(f.name) for f in figs if is_level(f)]):
        return "", "cannot_check", rule, (f"{', '.join(levels)} {'is a level' if len(levels) == 1 else 'are levels'} "
                                          "(kind: level), and levels do not add up: a part of a level is not a level "
                                          "of a part, so no sum of them is checked")
    s = sum(float(p.value) for p in parts)
    rest = float(total.value) - s
    value = (f"{' + '.join(_stated(p) for p in parts)} = {fmt_number(s)} of {_stated(total)}; "
             f"{fmt_number(rest)} left")
    inside = all(total.period_start <= p.period_start and p.period_end <= total.period_end for p in parts)
    if not inside:
        return value, "not_supported", rule, "a stated part falls outside the total's period"
    if rest < 0:
        verdict, why = "not_supported", f"the stated parts exceed the total by {fmt_number(-rest)} {total.unit}"
    else:
        verdict, why = "supported", (f"the stated parts fit inside the total and leave {fmt_number(rest)} "
                                     f"{total.unit} for the months the article does not break down")
    t_lo, t_hi = _range(total)
    lo = t_lo - sum(_range(p)[1] for p in parts)
    hi = t_hi - sum(_range(p)[0] for p in parts)
    verdicts = _probe(lambda x: "not_supported" if x < 0 else "supported", lo, hi, [0])
    verdict, why = _bounded(verdict, verdicts, figs, why)
    return value, verdict, rule, why


def months_in_words(text: str) -> float | None:
    """The length a phrase gives, in months ("four years" is 48), or None.

    Example:
        >>> months_in_words("four years"), months_in_words("1.5 years"), months_in_words("18 months")
        (48, 18.0, 18)
        >>> months_in_words("a while") is None, months_in_words("1" + "0" * 400 + " years") is None
        (True, True)
    """
    m = re.search(r"(\S+(?:\s\S+)*?)\s+(year|month)s?\b", text or "")
    if not m:
        return None
    found = find_numbers(m.group(1))
    if not found or not -1e300 < found[-1].value < 1e300:  # beyond a float: nothing could compare with it
        return None
    n = found[-1].value
    return n * 12 if m.group(2) == "year" else n


def _fmt_months(n: float) -> str:
    years, months = divmod(float(n), 12)
    parts = [f"{int(years)} year{'s' * (years != 1)}"] if years else []
    if months:
        parts.append(f"{fmt_number(months)} month{'s' * (months != 1)}")
    return " and ".join(parts) or "0 months"


def _period(st, figs) -> tuple[str, str, str, str]:
    total = figs[0]
    rule = _OTHER_RULES["period_length"]
    if (msg := _missing(total, ("months",))):
        return "", "cannot_check", rule, msg
    months = float(total.months)
    value = f"{fmt_number(months)} month{'s' * (months != 1)} ({_fmt_months(months)})"
    claimed = months_in_words(st.wording)
    if claimed is None:
        return value, "cannot_check", rule, "no length in words to compare with (compare_with:)"
    words = f"'{st.wording}'"
    if st.wording_source != "article":
        words += " (wording from elsewhere, not this article)"
    span = f"the period runs {total.period_start:%B %Y} to {total.period_end - pd.Timedelta(days=1):%B %Y}"
    if claimed == months:
        return value, "supported", rule, f"{words} is exact: {span}"
    off = abs(months - claimed)
    verdict = "approximate" if off / months <= PERIOD_TOLERANCE else "not_supported"
    return value, verdict, rule, (f"{words} is {_fmt_months(off)} {'short' if claimed < months else 'long'}: "
                                  f"{span}")


def _rate(f) -> float:
    return float(f.value) / float(f.months)


def is_level(f) -> bool:
    """Whether a figure (a row of the figures table) is a level (``kind: level``): a value at a time, or an average
    or rate over its period, never divided by months.

    Example:
        >>> is_level(pd.Series({"kind": "level"})), is_level(pd.Series({"kind": "count"})), is_level(pd.Series({}))
        (True, False, False)
    """
    k = f.get("kind")
    return k is not None and not pd.isna(k) and str(k) == "level"


def _so_far_fault(f, other) -> str | None:
    """Why a count so far (a past-tense figure whose period was cut at publication, :func:`exportrow.figure_tense.
    so_far`) has no rate per month to compare with ``other``, or None for any other figure. The figures table keeps
    the publication day in ``attrs["published"]``, which its rows carry.

    Example:
        >>> t = pd.DataFrame({"period_start": [pd.Timestamp("2025-01-01"), pd.Timestamp("2024-01-01")],
        ...                   "period_end": [pd.Timestamp("2025-05-16"), pd.Timestamp("2025-01-01")],
        ...                   "months": [None, 12], "kind": ["count", "count"]}, index=["ytd", "y2024"])
        >>> t.attrs["published"] = "2025-05-15"
        >>> print(_so_far_fault(t.loc["ytd"], t.loc["y2024"]))  # doctest: +NORMALIZE_WHITESPACE
        ytd counts only to publication (1 Jan–15 May 2025, a count so far): it covers no run of whole months, so it
        has no rate per month to set against 2024
        >>> _so_far_fault(t.loc["y2024"], t.loc["ytd"]) is None
        True
    """
    published = f.attrs.get("published")
    start, end, months = f.get("period_start"), f.get("period_end"), f.get("months")
    if not published or is_level(f) or pd.isna(start) or pd.isna(end) or not pd.isna(months):
        return None
    pub = pd.Timestamp(published)
    if end - pd.Timedelta(days=1) != pub or start >= pub:
        return None
    return (f"{f.name} counts only to publication ({period_label(f)}, a count so far): it covers no run of whole "
            f"months, so it has no rate per month to set against {_named(other)}")


def _rate_change(st, figs) -> tuple[str, str, str, str]:
    later, earlier = figs
    rule, word = _find_rule(st.wording, "rate_change")
    if rule is None:
        words = ", ".join(r.words[0] for r in RULES if r.check == "rate_change")
        return "", "cannot_check", "", f"no word of the threshold table ({words}) in {st.wording!r}"
    if is_level(later) or is_level(earlier):
        return _level_change(rule, word, later, earlier)
    for f in (later, earlier):
        if (msg := _so_far_fault(f, later if f is earlier else earlier) or _missing(f, ("value", "months"))):
            return "", "cannot_check", rule.rule, msg
        if float(f.months) <= 0:
            return "", "cannot_check", rule.rule, f"{_named(f)} covers no whole month"
    new, old = _rate(later), _rate(earlier)
    unit = f"{later.unit} a month"
    a, b = float(later.value), float(earlier.value)  # each rate is shown as precisely as its own count
    value = f"{_two(new, a)} vs {_two(old, b)} {unit}"
    rises = rule.direction == "up"
    if old == 0 and any(_qualifier(f) for f in figs):
        return value, "cannot_check", rule.rule, (f"the rate starts from 0 {unit}, and the article gives "
                                                  "a count only as a bound or an approximation")
    if old == 0:
        if rises and new > 0 and rule.amount == 0:
            return value, "supported", rule.rule, f"the rate rose from 0 to {_two(new, a)} {unit}"
        if rises and new > 0:
            return value, "cannot_check", rule.rule, (f"the rate rose from 0 to {_two(new, a)} {unit}; a rise from "
                                                      "zero has no percentage, so the threshold cannot be applied")
        return value, "not_supported", rule.rule, f"the rate was 0 {unit} and did not {'rise' if rises else 'fall'}"
    change = new / old - 1
    value += f" ({fmt_percent(change, sign=True)})"
    need = rule.amount

    verdict_of, kind = _change_rule(rises, need)
    moved = "rose" if change > 0 else "fell" if change < 0 else "did not change"
    size = f" by {fmt_percent(abs(change))}" if change else ""
    why = (f"'{word}' needs {kind} in the rate per month; it {moved}{size}, from {_two(old, b)} in {_named(earlier)} "
           f"to {_two(new, a)} {unit} in {_named(later)}")
    (a_lo, a_hi), (b_lo, b_hi) = _range(later), _range(earlier)
    m_new, m_old = float(later.months), float(earlier.months)
    lo = (a_lo / m_new) / (b_hi / m_old) - 1
    hi = (a_hi / m_new) / (b_lo / m_old) - 1 if b_lo > 0 else math.inf
    verdict, why = _bounded(verdict_of(change), _probe(verdict_of, lo, hi, [0, need, -need]), (later, earlier), why)
    return value, verdict, rule.rule, why


_PER_CENT = re.compile(r"^\s*(?:%|per\s*cent|percent)\s*$", re.I)


def _level_change(rule: Rule, word: str, later, earlier) -> tuple[str, str, str, str]:
    """A rate word judged on two levels (``kind: level``): the values themselves are compared, never divided by
    months ("fell": any fall in the value; "surge": a rise of at least 50% in the value).

    Example:
        >>> def fig(name, value, year, unit="per cent"):
        ...     start = pd.Timestamp(f"{year}-01-01")
        ...     return pd.Series({"value": value, "unit": unit, "kind": "level", "period_start": start,
        ...                       "period_end": start + pd.DateOffset(years=1)}, name=name)
        >>> rule = next(r for r in RULES if r.words[0] == "fall")
        >>> value, verdict, threshold, why = _level_change(rule, "fell", fig("u26", 9, 2026), fig("u25", 6, 2025))
        >>> value, verdict, threshold
        ('9 vs 6 per cent (+50%)', 'not_supported', "'fall': any fall in the value")
        >>> why
        "'fell' needs any fall in the value; it rose by 3 percentage points (50%), from 6 per cent in 2025 to 9 per \
cent in 2026"
    """
    threshold = rule.rule_for("the value")
    if not (is_level(later) and is_level(earlier)):
        lev, cnt = (later, earlier) if is_level(later) else (earlier, later)
        return "", "cannot_check", threshold, (f"{lev.name} is a level (kind: level) and {cnt.name} a count; "
                                               "rate_change compares two levels or two counts")
    for f in (later, earlier):
        if (msg := _missing(f)):
            return "", "cannot_check", threshold, msg
    new, old = float(later.value), float(earlier.value)
    unit = str(later.unit) if pd.notna(later.get("unit")) else ""
    value = f"{_stated(later)} vs {_stated(earlier)} {unit}".rstrip()
    rises = rule.direction == "up"
    need = rule.amount
    if old <= 0 or new < 0:  # no percentage change from zero or across a sign: only a direction
        if need > 0 or any(_qualifier(f) for f in (later, earlier)):
            return value, "cannot_check", threshold, (f"the value goes from {fmt_number(old)} to {fmt_number(new)} "
                                                      f"{unit}; a change from zero or below has no percentage, so the "
                                                      "threshold cannot be applied").replace("  ", " ")
        ok = new > old if rises else new < old
        moved = "rose" if new > old else "fell" if new < old else "did not change"
        return value, "supported" if ok else "not_supported", threshold, (
            f"'{word}' needs any {'rise' if rises else 'fall'} in the value; it {moved}, from {fmt_number(old)} "
            f"{_when(earlier)} to {fmt_number(new)} {unit} {_when(later)}").replace("  ", " ")
    change = new / old - 1
    value += f" ({fmt_percent(change, sign=True)})"

    verdict_of, kind = _change_rule(rises, need)
    moved = "rose" if change > 0 else "fell" if change < 0 else "did not change"
    size = f" by {fmt_percent(abs(change))}" if change else ""
    if change and _PER_CENT.match(unit):  # per cent: the difference in points first, then the relative change
        size = f" by {fmt_number(round_half_up(abs(new - old), 2))} percentage point{'s' * (abs(new - old) != 1)} " \
               f"({fmt_percent(abs(change))})"
    why = (f"'{word}' needs {kind} in the value; it {moved}{size}, from {fmt_number(old)} {unit} {_when(earlier)} "
           f"to {fmt_number(new)} {unit} {_when(later)}").replace("  ", " ")
    (a_lo, a_hi), (b_lo, b_hi) = _range(later), _range(earlier)
    lo = a_lo / b_hi - 1
    hi = a_hi / b_lo - 1 if b_lo > 0 else math.inf
    verdict, why = _bounded(verdict_of(change), _probe(verdict_of, lo, hi, [0, need, -need]), (later, earlier), why)
    return value, verdict, threshold, why


def _when(f) -> str:
    """When a level was read, for an explanation: ``on 14 Apr 2026`` for a day, ``in 2025`` for a longer period."""
    start, end = _span(f)
    one_day = pd.notna(start) and pd.notna(end) and (end - start) == pd.Timedelta(days=1)
    return f"{'on' if one_day else 'in'} {_named(f)}"


def _two(v: float, of=None) -> str:
    """A rate per month in a verdict, no more precise than the count ``of`` it is computed from
    (:func:`exportrow.numbers.fmt_rate`): three significant digits, or as many as the count states, at most two
    decimals kept ("4.00", "1.83") unless a rate under 0.1 needs more ("0.00347", never "0.00"), from a million on
    with a scale word, as the charts write it.

    Example:
        >>> _two(3.0), _two(22 / 12, 22), _two(3416.6667), _two(125000.0), _two(2091666666666.67)
        ('3.00', '1.83', '3,420', '125,000', '2.09 trillion')
        >>> _two(25100000 / 12, 25100000), _two(400000 / 12, 400000), _two(1 / 288, 1)
        ('2.09 million', '33,300', '0.00347')
    """
    from exportrow.numbers import fmt_rate

    return fmt_rate(v, of, fixed=True)


def _span(f) -> tuple:
    return f.get("period_start"), f.get("period_end")


def _comparison_fault(check: str, figs) -> str | None:
    """Why two figures cannot be compared by ``check`` (see :mod:`exportrow.comparable`), or None.

    Different units; the earlier figure listed first; or, for a growth factor (raw values), periods of
    unequal length. ``exportrow check`` refuses the first two; this is the same rule at verdict time.

    Example:
        >>> def fig(name, unit, year):
        ...     start = pd.Timestamp(f"{year}-01-01")
        ...     return pd.Series({"unit": unit, "period_start": start, "period_end": start + pd.DateOffset(years=1)},
        ...                      name=name)
        >>> a, b = fig("rev", "crowns", 2024), fig("f23", "lorries", 2023)
        >>> _comparison_fault("growth_factor", [a, b])[:70]
        'the figures are in different units: rev is in crowns, f23 in lorries; '
        >>> _comparison_fault("rate_change", [fig("f23", "lorries", 2023), fig("f24", "lorries", 2024)])[:60]
        'the figures are listed earlier first: f23 (2023) ends before'
        >>> _comparison_fault("growth_factor", [fig("f24", "lorries", 2024), b]) is None
        True
    """
    if check not in ORDERED_CHECKS or len(figs) != 2:
        return None
    first, second = figs
    if not same_unit(first.get("unit"), second.get("unit")):
        return (f"the figures are in different units: {first.name} is in {first.get('unit')}, {second.name} in "
                f"{second.get('unit')}; {check} compares two values of the same unit")
    if listed_earlier_first(_span(first), _span(second)):
        return (f"the figures are listed earlier first: {first.name} ({period_label(first)}) ends before "
                f"{second.name} ({period_label(second)}) starts; {check} reads them as [later, earlier]")
    if same_period(_span(first), _span(second)):
        return (f"both figures have the same period: {first.name} and {second.name} ({period_label(first)}); "
                f"{check} compares an earlier and a later figure, and here neither is earlier")
    if one_contains_other(_span(first), _span(second)):
        return (f"one period contains the other: {first.name} ({period_label(first)}) and {second.name} "
                f"({period_label(second)}); a total and its part are not an earlier and a later period, so "
                f"{check} cannot compare them")
    if is_level(first) != is_level(second):
        lev, cnt = (first, second) if is_level(first) else (second, first)
        return (f"{lev.name} is a level (kind: level) and {cnt.name} a count; {check} compares two levels or two "
                "counts")
    if check in LENGTH_CHECKS and not is_level(first) and lengths_differ(_span(first), _span(second)):
        return (f"{check} compares the two values, but their periods differ in length: {first.name} "
                f"({period_label(first)}) covers {length_text(*_span(first))}, {second.name} "
                f"({period_label(second)}) covers {length_text(*_span(second))}; counts of periods of unequal "
                f"length (more than {LENGTH_TOLERANCE:.0%} apart) are not comparable, and exportrow does not guess "
                "whether the words mean the counts or the rates (rate_change compares rates per month)")
    return None


def _quantities_note(check: str, figs) -> str:
    """A note when the two figures compared count different quantities (in one unit), else ``""``."""
    if check not in ORDERED_CHECKS or len(figs) != 2:
        return ""
    q = [f.get("quantity") for f in figs]
    if any(v is None or pd.isna(v) for v in q) or q[0] == q[1]:
        return ""
    return f"; note: it compares two quantities, {q[0]} ({figs[0].name}) and {q[1]} ({figs[1].name})"


_CHECKS = {"growth_factor": _growth, "parts_within_total": _parts, "period_length": _period,
           "rate_change": _rate_change, "rate_increase": _rate_change}


def check_one(statement, figures_by_id: pd.DataFrame) -> tuple[str, str, str, str]:
    """Check one statement: ``(value, verdict, threshold, explanation)``.

    Args:
        statement: A row of :func:`exportrow.stats.statements` (``check``, ``figures``,
            ``wording``, ``wording_source``, ``quote``).
        figures_by_id: The figures table indexed by ``figure_id``.

    Example:
        >>> import pandas as pd
        >>> figs = pd.DataFrame({"figure_id": ["a", "b"], "value": [2.5, 1.2], "unit": ["t", "t"],
        ...                      "months": [12, 12], "basis": ["stated", "stated"]}).set_index("figure_id")
        >>> st = pd.Series({"statement_id": "x", "check": "growth_factor", "figures": "a;b",
        ...                 "wording": "more than doubled", "wording_source": "article", "quote": "more than doubled"})
        >>> check_one(st, figs)[:2]
        ('2.5 / 1.2 = 2.08x', 'supported')
    """
    statement = pd.Series(statement)
    if pd.isna(statement.get("wording")):
        statement["wording"] = statement.get("compare_with") if pd.notna(statement.get("compare_with")) else \
            statement.get("quote")
    if pd.isna(statement.get("wording_source")):
        statement["wording_source"] = "article"
    ids = str(statement.figures).split(";")
    missing = [i for i in ids if i not in figures_by_id.index]
    check = _CHECKS.get(statement.check)
    if check is None:
        return "", "cannot_check", "", f"unknown check {statement.check!r}; known: {', '.join(_CHECKS)}"
    if missing:
        return "", "cannot_check", "", f"figure(s) {', '.join(missing)} not in the figures table"
    figs = [figures_by_id.loc[i] for i in ids]
    value, verdict, threshold, why = check(statement, figs)
    if (fault := _comparison_fault(statement.check, figs)):
        return "", "cannot_check", threshold, fault
    if (unjudged := unjudged_reason(str(statement.wording), str(statement.check))):
        return value, "cannot_check", threshold, unjudged
    why += _quantities_note(statement.check, figs) if verdict != "cannot_check" else ""
    derived = [f"the figure for {_named(f)}" for f in figs if str(f.get("basis")) == "derived"]
    if verdict in ("supported", "approximate", "not_supported"):
        verdict, note = _cap(verdict, derived)
        why += note if note and verdict != "not_supported" else (
            f"; it rests on {', '.join(derived)}, which exportrow derived (the article does not state it)"
            if derived else "")
    return value, verdict, threshold, why
