"""``exportrow extract ARTICLE``: draft an annotation file for a new article.

The draft lists candidates, never final data: candidate figures (numbers in digits and words,
with the words that bound them, "more than 150", as a proposed qualifier), candidate dated
expressions already resolved against the publication date, candidate claims (sentences with a
reporting cue from :data:`CUES` or an unnamed relay, guessed ``anonymous_source`` as the coding guide codes it), and
candidate unnamed sources. A dateline is metadata, never
a candidate. Every field a person must decide reads ``TODO``, and the file starts with
``draft: true``, which ``exportrow check`` refuses until someone has reviewed the entries and
deleted that line.

:func:`propose` returns the candidates as data; ``benchmarks/bench_extract.py`` measures them
against the gold annotations of the fixture articles.
"""

from __future__ import annotations

import functools
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

from exportrow.annotations.vocab import BOUNDS, QUALIFIER_KINDS, UNNAMED_RELAY
from exportrow.article import Article, Span, load_article  # noqa: F401 - used by the doctests
from exportrow.dates import (
    DateOutOfRange,
    DateResolutionError,
    TenseNeeded,
    anaphoric_date,
    find_date_expressions,
    refused_wholes,
    resolve_date,
)
from exportrow.errors import ExportrowError
from exportrow.numbers import CHANGE_VERBS, NumberMention, find_numbers

__all__ = ["draft_annotation", "propose", "Proposals", "CUES", "CUE_SOURCES", "QUALIFIERS", "register",
           "unedited_draft"]

#: Where the cue lexicon comes from.
CUE_SOURCES = {
    "pareti2016": "Pareti, S. (2016). PARC 3.0: A Corpus of Attribution Relations. Proceedings of LREC 2016.",
    "krestel2008": "Krestel, R., Bergler, S. & Witte, R. (2008). Minding the Source: Automatic Tagging of "
                   "Reported Speech in Newspaper Articles. Proceedings of LREC 2008.",
    "caldas1994": "Caldas-Coulthard, C. R. (1994). On reporting reporting: the representation of speech in "
                  "factual and fictional narratives. In M. Coulthard (ed.), Advances in Written Text Analysis.",
    "ap": "The Associated Press Stylebook, entry 'said': the neutral verb of attribution; verbs such as "
          "claimed, admitted, insisted carry a judgement.",
    "reuters": "Reuters Handbook of Journalism, on attribution: 'said' is neutral; 'according to' for "
               "documents; loaded verbs signal doubt or emphasis.",
    "entman1993": "Entman, R. M. (1993). Framing: Toward Clarification of a Fractured Paradigm. Journal of "
                  "Communication 43(4): a frame suggests remedies (treatment recommendation).",
}

#: Reporting cues by kind, each with the sources that list it. Verbs appear in the forms news uses.
CUES: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    # neutral verbs and phrases of attribution
    "neutral": (("said", "says", "say", "told", "tells", "according to", "stated", "added", "noted", "reported",
                 "reports", "citing", "cited", "cites", "announced", "announces", "confirmed", "wrote",
                 "estimates", "estimated", "found", "finds"),
                ("pareti2016", "krestel2008", "ap", "reuters")),
    # verbs that carry a judgement of the speaker or of what is said
    "loaded": (("claims", "claimed", "claim", "insists", "insisted", "insist", "admitted", "admits",
                "conceded", "denied", "denies", "dismissed", "dismisses", "accused", "accusing", "accuses",
                "charged", "warned", "warns", "argues", "argued", "argue", "suggested", "suggests",
                "hinted", "rejected", "rejects", "questioned", "stressed", "urged", "vowed", "alleged",
                "acknowledged", "complained", "called", "believes", "expects", "views", "sees",
                "expressed concern", "expressed regret", "point to", "pointed to", "points to"),
               ("caldas1994", "krestel2008", "ap", "reuters", "pareti2016")),
    # the outlet's own voice: judgements no one is cited for, and prescriptions. An unnamed relay ("reportedly",
    # "allegedly", ...) is not here: the coding guide codes it anonymous_source, and the draft finds it by the one
    # list of relay phrasings (exportrow.annotations.vocab.UNNAMED_RELAY_PHRASES), see _claims
    "unattributed": (("widely seen as", "is expected to", "are expected to", "appear to",
                      "appears to", "should"),
                     ("pareti2016", "entman1993")),
}

#: Words that bound a number, by the qualifier they propose ("over 150" is a lower bound), as the annotation
#: format declares them (:data:`exportrow.annotations.QUALIFIER_KINDS`). A range "between 20,000 and 25,000"
#: proposes a lower bound for its first number and an upper bound for its second.
QUALIFIERS = {kind: tuple(w for w, k in QUALIFIER_KINDS.items() if k == kind and w not in BOUNDS
                          and not w.startswith("or ")) for kind in BOUNDS}
_AFTER = {w: k for w, k in QUALIFIER_KINDS.items() if w.startswith("or ")}
_TIME_UNITS = r"(?:days?|weeks?|months?|years?|hours?|decades?)"


@dataclass(frozen=True)
class FigureCandidate:
    """A number that may be a figure, with the whole date span near it and the words that bound it."""

    mention: NumberMention
    sentence: Span
    period: str | None = None
    period_note: str = ""  # why no period is proposed, or that the proposed one is a guess from another clause
    qualifier: str | None = None
    qualifier_words: str = ""
    next_words: str = ""
    tense_readings: str = ""  # both readings of a period whose date the tense decides ("" when it does not)


@dataclass(frozen=True)
class Candidate:
    """A span of the article proposed as a date, a claim sentence, an ignored number or a source."""

    start: int
    end: int
    text: str
    sentence: Span | None = None
    note: str = ""
    beyond: str = ""  # a date the tables cannot hold: why (drafted as a comment, never as an answer)
    part_of: str = ""  # a date that is only part of wider words the resolver refuses: why (drafted as a comment)
    whole: str = ""  # those wider words ("the first nine months of 2024")


@dataclass
class Proposals:
    """Everything :func:`propose` finds, as data."""

    figures: list[FigureCandidate] = field(default_factory=list)
    ignored: list[tuple[NumberMention, Span, str]] = field(default_factory=list)
    dates: list[Candidate] = field(default_factory=list)
    claims: list[tuple[Span, str, str]] = field(default_factory=list)  # sentence, cue, attribution
    anonymous: list[Candidate] = field(default_factory=list)


@functools.cache
def _cue_pattern() -> re.Pattern:
    cues = sorted({c for words, _ in CUES.values() for c in words}, key=len, reverse=True)
    return re.compile(r"\b(" + "|".join(re.escape(c) for c in cues) + r")\b", re.I)


@functools.cache
def _anonymous_pattern() -> re.Pattern:
    # the plural's "s" is optional and the word must end there: "two officials", not "two official"
    who = r"(?:sources?|officials?|diplomats?|aides?|person|people|insiders?)\b"
    return re.compile(
        rf"\b(?:[Aa]n?|[Tt]wo|[Ss]everal) (?:(?:senior|government|unnamed|[A-Z][a-z]+)\s+){{0,3}}{who}"
        rf"(?: (?:close to|familiar with|in|at|from) (?:the )?[A-Z]?[\w'’-]+(?: [A-Z][\w'’-]+)*"
        rf"(?: (?:government|ministry|administration|presidency|cabinet|military|party|talks|matter|plans?))?)?"
        rf"|\b(?:Diplomats|Officials|Sources|People) (?:close to|familiar with|in|at) (?:the )?[\w'’-]+"
        rf"(?:, who (?:asked not to be named|declined to be named|spoke on condition of anonymity))?"
        rf"|\bwho (?:asked not to be named|declined to be named|spoke on condition of anonymity)")


def _q(text: str) -> str:
    """A YAML double-quoted string."""
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _sentence_text(span) -> str:
    return " ".join(span.text.replace("\u00a0", " ").split())


#: A sentence longer than this (characters) is quoted in a draft by the words around its number or date, not whole.
_LONG_SENTENCE = 600
#: How far (characters) a long sentence's quote reaches either side of its number or date.
_AROUND = 150
_SPACE = re.compile(r"\s")


def _sentence_quote(sent, start: int | None = None, end: int | None = None) -> str:
    """The draft's quote for an entry of sentence ``sent``: the whole sentence, or for a sentence of more than
    600 characters (a pasted table, a text that lost its full stops) the whole words within about 150 characters
    of ``start:end`` (offsets in the article; without them, the sentence's first words). Still the article's own
    words, so ``check`` finds it; and a draft of a long unpunctuated text stays small (one quote of the whole
    sentence per number made a 100,000-character sentence's draft hundreds of megabytes).

    Example:
        >>> text = "word " * 200 + "there were 90 boats " + "word " * 196
        >>> q = _sentence_quote(Span(10, 10 + len(text), text), 10 + 1011, 10 + 1013)
        >>> q.startswith("word ") and q.endswith(" word") and "there were 90 boats" in q and len(q) < 320
        True
        >>> _sentence_quote(Span(0, 9, "Short  one"))
        'Short one'
    """
    text = sent.text
    if len(text) <= _LONG_SENTENCE:
        return _sentence_text(sent)
    a = start - sent.start if start is not None else 0
    b = end - sent.start if end is not None else a
    lo, hi = max(0, a - _AROUND), min(len(text), b + _AROUND)
    if lo > 0 and (m := _SPACE.search(text, lo, a)):  # begin at a whole word
        lo = m.end()
    if hi < len(text):  # end at a whole word
        cut = max((m.start() for m in _SPACE.finditer(text, b, hi)), default=None)
        hi = cut if cut is not None else hi
    return " ".join(text[lo:hi].replace("\u00a0", " ").split())


#: How far (characters) the draft looks before or after a number for the words that bound or explain it.
_NEAR = 200
_BETWEEN = re.compile(r"\bbetween\s+$", re.IGNORECASE)
_BETWEEN_AND = re.compile(r"\bbetween\s+[\d,.]+\s+(?:and|to)\s+$", re.IGNORECASE)


def _words_before(sentence: str, at: int) -> str:
    """The text before ``at`` that holds its last three words: the nearest 200 characters when they hold four words
    or more (so the first, perhaps cut, is not among the last three), else all of it. Looking at all of it before
    every number made a long sentence quadratic.

    Example:
        >>> len(_words_before("a b " * 100 + "up to 5", 406))
        200
        >>> _words_before("x" * 300 + " up to 5", 307) == "x" * 300 + " up to "
        True
    """
    near = sentence[max(0, at - _NEAR):at]
    return near if at <= _NEAR or len(near.split()) >= 4 else sentence[:at]


def _words_after(sentence: str, end: int) -> str:
    """The text after ``end`` that holds its first three words (as :func:`_words_before`, the other way)."""
    near = sentence[end:end + _NEAR]
    return near if end + _NEAR >= len(sentence) or len(near.split()) >= 4 else sentence[end:]


def _qualifier(sentence: str, at: int, end: int) -> tuple[str | None, str]:
    """The qualifier the words right before (or after) a number propose, and those words; no qualifier, and why,
    when "over" starts a span after a figure (:func:`_over_a_span`).

    Example:
        >>> _qualifier("over 200 nurses joined the strike", 5, 8)
        ('lower_bound', 'over')
        >>> _qualifier("Spending rose 8% over three years", 22, 27)[0] is None
        True
    """
    near = _words_before(sentence, at)
    before = " ".join(re.sub(r"[\"'\u201c\u201d\u2018\u2019(\[]", " ", near).lower().split()[-3:])
    for kind, words in QUALIFIERS.items():
        for w in sorted(words, key=len, reverse=True):
            if re.search(rf"(?:^|\s){re.escape(w)}$", before):
                span = _over_a_span(sentence, at, end) if w == "over" else ""
                return (None, span) if span else (kind, w)
    lo = max(0, at - _NEAR)
    if _BETWEEN.search(sentence, lo, at) and re.match(r"\s*(?:and|to)\s+\d", sentence[end:end + 12].lower()):
        return "lower_bound", "between ... and (the low end of a range)"
    if _BETWEEN_AND.search(sentence, lo, at):
        return "upper_bound", "between ... and (the high end of a range)"
    after = " ".join(_words_after(sentence, end).lower().split()[:3])
    for w, kind in _AFTER.items():
        if re.match(rf"(?:\w+\s+)?{re.escape(w)}\b", after):
            return kind, w
    return None, ""


#: "over" right before a number and a unit of time: "over five years" (a span, or "more than five years").
_OVER = re.compile(r"\bover[\s\u00a0]+\Z", re.IGNORECASE)
_OVER_UNIT = re.compile(rf"[\s\u00a0]+{_TIME_UNITS}\b", re.IGNORECASE)
_CHANGE_VERB = re.compile(rf"\b{CHANGE_VERBS}\b", re.IGNORECASE)
#: Words right before "over N years" that make it "more than N years" whatever precedes them ("paid $500 a month
#: for over five years", "the 14 projects took over five years", "rose to over five years").
_OVER_BOUND_AFTER = frozenset({"for", "to", "from", "of", "than", "in", "within", "after", "by", "at", "is", "was",
                               "are", "were", "be", "been", "being", "took", "take", "takes", "taking", "lasted",
                               "last", "lasts", "lasting", "spent", "spend", "spends", "spending", "waited", "wait",
                               "waits", "waiting", "served", "serve", "serves", "serving", "aged", "age"})


def _over_a_span(sentence: str, at: int, end: int) -> str:
    """Why "over" before the number at ``at``..``end`` is no bound, or "" when it is one: "over N years" after a
    figure or a verb of change in the same clause is the span the figure is spread across ("1.2 trillion yen over
    five years", "rose 8% over three years", "deaths rose over five years"), not "more than N years". "over 150
    cases" and "the works took over five years" stay bounds. Numbers of a date ("in 2016") are no figure here.

    Example:
        >>> t = "Osaka has set aside 1.2 trillion yen over five years"
        >>> print(_over_a_span(t, t.index("five"), t.index(" years")))
        'over five years' after a figure reads as 'across five years', not 'more than five years': add \
`qualifier: over` only if the article means 'more than'
        >>> t = "In 2016 the trial ran over five years"
        >>> _over_a_span(t, t.index("five"), t.index(" years")), _over_a_span("over 150 cases", 5, 8)
        ('', '')
    """
    over = _OVER.search(sentence, 0, at)
    if over is None or not _OVER_UNIT.match(sentence, end):
        return ""
    lo = clause_span(sentence, over.start())[0]
    head = sentence[lo:over.start()]
    words = re.findall(r"[\w']+", head.lower())
    if words and words[-1] in _OVER_BOUND_AFTER:
        return ""
    dated = [(a, b) for a, b, _ in find_date_expressions(head)]
    figure = any(not any(a <= m.start and m.end <= b for a, b in dated) for m in find_numbers(head))
    if not figure and not _CHANGE_VERB.search(head):
        return ""
    span = " ".join(sentence[at:_OVER_UNIT.match(sentence, end).end()].split())
    return (f"'over {span}' after {'a figure' if figure else 'a verb of change'} reads as 'across {span}', not "
            f"'more than {span}': add `qualifier: over` only if the article means 'more than'")


#: Where a clause of a sentence ends: a comma, semicolon or colon before a space, a dash between spaces, a bracket,
#: or the space before a second reported clause ("said steel made up 10% of the cost and that prices had risen").
_CLAUSE_END = re.compile(r"[,;:](?=\s)|\s[\u2013\u2014-]\s|[()]|\s(?=(?:and|but|or)\s+that\s)", re.I)
#: Words that, standing between a number and a date, part them: the date then belongs to what follows the word.
_PARTING = frozenset({"and", "but", "or", "while", "whereas", "than", "which", "that", "who", "as", "when", "after",
                      "before", "because", "although", "though", "if", "unless", "said", "says", "say"})
#: Words a date may stand with and still be no clause of its own ("In 2016, there were 22 cases").
_ADVERBIAL = frozenset({"in", "on", "at", "during", "over", "for", "throughout", "within", "by", "and", "but", "so",
                        "then", "the", "of", "since", "from", "until", "till", "to", "through"})


def _clause_of(text: str, pos: int) -> int:
    """Which clause of ``text`` (counted from 0, see :data:`_CLAUSE_END`) holds the character at ``pos``.

    Example:
        >>> t = "ridership fell to 61,000 in October, from 148,000 in September, and it lost 2.3 million"
        >>> [_clause_of(t, t.index(w)) for w in ("October", "September", "2.3")]
        [0, 1, 2]
        >>> t = "steel made up 10% of the cost and that prices had risen 8% since July"
        >>> [_clause_of(t, t.index(w)) for w in ("10%", "8%", "July")]
        [0, 1, 1]
    """
    return sum(1 for m in _CLAUSE_END.finditer(text) if m.end() <= pos)


def clause_span(text: str, pos: int) -> tuple[int, int]:
    """The start and end within ``text`` of the clause (as :func:`_clause_of` counts them) holding ``pos``.

    ``exportrow check`` reads a figure's or event's own clause with it, so check and extract split sentences alike.

    Example:
        >>> t = "Volumes fell 5% in September, the port authority said last month"
        >>> a, b = clause_span(t, t.index("5%")); t[a:b]
        'Volumes fell 5% in September,'
        >>> a, b = clause_span(t, t.index("last")); t[a:b]
        ' the port authority said last month'
    """
    start = end = None
    for m in _CLAUSE_END.finditer(text):
        if m.end() <= pos:
            start = m.end()
        elif end is None:
            end = m.end()
            break
    return start or 0, len(text) if end is None else end


def _dates_a_figure(text: str, date: tuple[int, int, str], dates: list[tuple[int, int, str]]) -> bool:
    """Whether the clause of ``date`` holds a number that is not part of a date: the date then dates that number.

    Example:
        >>> t = "In 2016, there were 22 cases"
        >>> d = [(3, 7, "2016")]
        >>> _dates_a_figure(t, d[0], d), _dates_a_figure("22 cases in 2016", (12, 16, "2016"), [(12, 16, "2016")])
        (False, True)
    """
    return _sentence_facts(text, dates, None).dates_a_figure(date)


class _SentenceFacts:
    """What :func:`_period` needs of one sentence, found once per sentence rather than once per number and date.

    The numbers (start, end within ``text``) and the clause boundaries (:data:`_CLAUSE_END`) are found once; the
    clauses that hold a number outside every date, once. With ``published``, the dates that may be a period
    (``usable``) and the notes on the spans the resolver may not read are also found once.

    Example:
        >>> t = "ridership fell to 61,000 in October, from 148,000 in September"
        >>> f = _sentence_facts(t, find_date_expressions(t), "2025-11-14")
        >>> f.clause_of(t.index("October")), f.clause_of(t.index("September")), f.next_number(25) == t.index("148")
        (0, 1, True)
        >>> [d[2] for d in f.usable], f.dates_a_figure(f.usable[0])
        (['October', 'September'], True)
        >>> f.clause_extent(1) == clause_span(t, t.index("148")), t[slice(*f.clause_extent(0))]
        (True, 'ridership fell to 61,000 in October,')
    """

    def __init__(self, text: str, dates: list[tuple[int, int, str]], published,
                 numbers: list[tuple[int, int]] | None = None):
        import bisect
        import itertools

        self._bisect = bisect
        if numbers is None:
            numbers = [(m.start, m.end) for m in find_numbers(text)]
        self.starts = sorted(a for a, _ in numbers)
        self.bounds = [m.end() for m in _CLAUSE_END.finditer(text)]  # in order: _clause_of counts those <= pos
        self.length = len(text)
        self.usable, self.notes, self.held, self.saying = ([], [], {}, {}) if published is None else \
            _usable_dates(text, dates, published)
        # the numbers of words the resolver refuses ("nine" of "the first nine months of 2024") are no figures
        wholes = {(w[0], w[1]) for w in self.held.values()}
        spans = sorted({(a, b) for a, b, _ in dates} | wholes)
        starts, reach = [a for a, _ in spans], list(itertools.accumulate((b for _, b in spans), max))

        def inside_date(a: int, b: int) -> bool:  # as _within (not called, so its callers stay countable)
            k = bisect.bisect_right(starts, a) - 1
            return k >= 0 and reach[k] >= b
        self.figure_clauses = {self.clause_of(a) for a, b in numbers if not inside_date(a, b)}
        self._text = text
        self._figure_numbers = sorted((a, b) for a, b in numbers if not inside_date(a, b))
        self.free = [d for d in self.usable if not self.dates_a_figure(d)]
        self.taken = [d for d in self.usable if self.dates_a_figure(d)]
        self.own, self.otherwise = {}, {}  # by clause: the usable dates, and the other dates
        usable = set(self.usable)
        for d in dates:
            if d not in self.saying:  # the date of a saying is no date of the number it reports
                (self.own if d in usable else self.otherwise).setdefault(self.clause_of(d[0]), []).append(d)
        # a usable date that stands right after a number dates that number (found once per date)
        self.anchors = {d: self.anchor(d) for d in self.usable}
        self.loose, self.anchored, self.by_number = {}, {}, {}  # by clause; by number (start, end)
        for clause, ds in self.own.items():
            self.loose[clause] = [d for d in ds if self.anchors[d] is None]
            self.anchored[clause] = [d for d in ds if self.anchors[d] is not None]
            for d in self.anchored[clause]:
                self.by_number.setdefault(self.anchors[d], []).append(d)
        self.bare = [d for d in self.free if self.adverbial(d)]

    def clause_of(self, pos: int) -> int:
        """:func:`_clause_of` by bisection."""
        return self._bisect.bisect_right(self.bounds, pos)

    def clause_extent(self, clause: int) -> tuple[int, int]:
        """The start and end of ``clause`` (as :func:`clause_span` gives them, by the bounds found once)."""
        return (self.bounds[clause - 1] if clause > 0 else 0,
                self.bounds[clause] if clause < len(self.bounds) else self.length)

    def next_number(self, at: int) -> int | None:
        """The start of the first number that starts at or after ``at``."""
        k = self._bisect.bisect_left(self.starts, at)
        return self.starts[k] if k < len(self.starts) else None

    def dates_a_figure(self, date: tuple[int, int, str]) -> bool:
        """:func:`_dates_a_figure`."""
        return self.clause_of(date[0]) in self.figure_clauses

    def number_at(self, at: int) -> tuple[int, int] | None:
        """The number (start, end) that ends at ``at`` or holds it (``start < at <= end``), or None."""
        k = self._bisect.bisect_left(self._figure_numbers, (at, at)) - 1
        if k >= 0 and self._figure_numbers[k][1] >= at:
            return self._figure_numbers[k]
        return None

    def others(self, clause: int, at: int, number) -> tuple[int, int, str] | None:
        """The date of ``clause`` nearest ``at`` (as :func:`_nearest` picks) that stands right after a number other
        than ``number``; a number has one or two such dates, so this skips at most those."""
        pool = self.anchored.get(clause, [])
        k = self._bisect.bisect_left(pool, at, key=lambda d: d[0])
        for d in pool[k:]:
            if self.anchors[d] != number:
                return d
        for d in reversed(pool):
            if self.anchors[d] != number:
                return d
        return None

    def anchor(self, date: tuple[int, int, str]) -> tuple[int, int] | None:
        """The number (start, end) that ``date`` stands right after, in its clause, and so dates; or None.

        Right after: at most four words between them ("34.6 million tonnes this year", "278 million tonnes of cargo
        in 2024"), none of them a word that parts them (:data:`_PARTING`: "and", "while", "said", ...).

        Example:
            >>> t = "a quota of 18.3 million tonnes from 34.6 million tonnes this year and a 50% tariff"
            >>> f = _sentence_facts(t, find_date_expressions(t), "2025-10-13")
            >>> a, b = f.anchor(f.usable[0]); t[a:b]
            '34.6 million'
            >>> t = "sales were 5 million and in 2024 they were 6 million"
            >>> f = _sentence_facts(t, find_date_expressions(t), "2025-10-13")
            >>> f.anchor(f.usable[0]) is None
            True
        """
        k = self._bisect.bisect_right(self._figure_numbers, (date[0], date[0])) - 1
        while k >= 0 and self._figure_numbers[k][1] > date[0]:
            k -= 1
        if k < 0:
            return None
        a, b = self._figure_numbers[k]
        gap = self._text[b:date[0]].split()
        if len(gap) > 4 or self.clause_of(a) != self.clause_of(date[0]) or \
                any(w.strip(".,%$\u20ac\u00a3").lower() in _PARTING for w in gap):
            return None
        return a, b

    def adverbial(self, date: tuple[int, int, str]) -> bool:
        """Whether ``date``'s clause is the date alone, with a preposition at most ("In 2016,", "Last year,"): no
        clause of its own, so it dates the sentence.

        Example:
            >>> t = "In 2016, there were 22 cases, and the agency said costs had risen since July"
            >>> f = _sentence_facts(t, find_date_expressions(t), "2019-07-12")
            >>> [(d[2], f.adverbial(d)) for d in f.usable]
            [('2016', True), ('since July', False)]
        """
        k = self.clause_of(date[0])
        start = self.bounds[k - 1] if k else 0
        end = self.bounds[k] if k < len(self.bounds) else len(self._text)
        rest = (self._text[start:date[0]] + " " + self._text[date[1]:end]).split()
        return all(w.strip(".,;:()\u2013\u2014-").lower() in _ADVERBIAL for w in rest if w.strip(".,;:()-"))

    def by_clause(self, clause: int) -> tuple[list, list, list, list]:
        """The usable dates of ``clause``, its other dates, and the usable dates that date no figure and that do."""
        return self.own.get(clause, []), self.otherwise.get(clause, []), self.free, self.taken


def _sentence_facts(text: str, dates: list[tuple[int, int, str]], published,
                    numbers: list[tuple[int, int]] | None = None) -> _SentenceFacts:
    """The :class:`_SentenceFacts` of ``text`` (``numbers``: the spans of its numbers, when already found)."""
    return _SentenceFacts(text, dates, published, numbers)


#: A verb of saying or deciding right before a date: the date is the saying's ("said last month that it would
#: raise the duty to 18% next year"), not the period of a number the saying reports.
#: Forms that are also nouns ("states", "notes", "reports", "forecast") are left out: "the states in 2023".
_SAYING = re.compile(r"\b(?:said|says|told|tells|announced|announces|stated|added|adds|reported|confirmed|confirms|"
                     r"wrote|writes|declared|declares|noted|explained|explains|revealed|disclosed|warned|warns|"
                     r"predicted|predicts|indicated|signalled|signaled|pledged|promised|vowed|decided|agreed|proposed|"
                     r"unveiled)"
                     r"(?:\s+\w+ly)?\s+(?P<prep>(?:on|in|at|during|earlier|early|late)\s+)?$", re.I)
#: A date that can stand right after a verb as its adverb ("said last month", "said yesterday"), not as a noun.
_DEICTIC = re.compile(r"(?:last|this|earlier|early|late|mid|the (?:past|last)|yesterday|today|on|in)\b", re.I)


def _saying_words(text: str, date: tuple[int, int, str]) -> str:
    """The words "said last month" when ``date`` stands right after a verb of saying (:data:`_SAYING`) and so dates
    the saying; "" otherwise.

    Example:
        >>> t = "The ministry said last month that it would raise the duty to 18% from 6% next year."
        >>> a, b = t.index("last month"), t.index("next year")
        >>> _saying_words(t, (a, a + 10, "last month")), _saying_words(t, (b, b + 9, "next year"))
        ('said last month', '')
        >>> t = "The agency said 2024 exports rose 5%"
        >>> _saying_words(t, (16, 20, "2024"))
        ''
    """
    a, b, expr = date
    m = _SAYING.search(text, max(0, a - 40), a)
    if m is None or not (m.group("prep") or _DEICTIC.match(expr)):
        return ""
    return " ".join(text[m.start():b].split())


def _usable_dates(text: str, dates: list[tuple[int, int, str]], published) -> tuple[list, list[str], dict, dict]:
    """The dates of a sentence that may be the period of a count (whole spans the resolver reads, never a day), and a
    note for each span it may not read; the dates that are only part of wider words the resolver refuses ("2024" in
    "the first nine months of 2024"), with those words as :func:`exportrow.dates.refused_wholes` gives them; and the
    dates of a saying ("said last month"), with its words."""
    usable, notes, held, saying = [], [], {}, {}
    wholes = refused_wholes(text, published)
    for a, b, expr in dates:
        whole = next((w for w in wholes if w[0] <= a and b <= w[1] and (w[0], w[1]) != (a, b)), None)
        if whole is not None:
            held[(a, b, expr)] = whole
            notes.append(_part_note(expr, whole[2], whole[3], "period"))
            continue
        lead = text[max(0, a - 60):a]
        conn = re.search(r"\b(?:ending|ended|through|until|till|to|since|from|before|after|by)\s+$", lead, re.I)
        if conn:
            head = lead[:conn.start()]
            preps = [m for m in re.finditer(r"\b(?:during|over|in|for|throughout|within)\b", head, re.I)
                     if len(head) - m.start() < 40]
            words = lead[preps[-1].start() if preps else conn.start():] + expr
            notes.append(f"{words!r} is a span the resolver may not read; date the figure in a note")
            continue
        try:
            if resolve_date(expr, published, tense="past").precision == "day":
                continue  # a day dates an event, not the period of a count
        except DateOutOfRange as exc:  # check would refuse it as a period
            notes.append(f"{' '.join(str(exc).split())}; give the period in words in `note:`")
            continue
        except DateResolutionError:
            continue
        said = _saying_words(text, (a, b, expr))
        if said:
            saying[(a, b, expr)] = said
            notes.append(f"{expr!r} dates the saying ({said!r}), not the number it reports; write `period: {expr}` "
                         "only if it dates this number too")
            continue
        usable.append((a, b, expr))
    return usable, notes, held, saying


def _part_note(part: str, whole: str, hangs: bool, field: str) -> str:
    """Why ``part`` of the words ``whole`` is not proposed as a date (``field``: ``period`` or ``expression``).

    Example:
        >>> print(_part_note("2024", "the first nine months of 2024", False, "period"))
        ... # doctest: +NORMALIZE_WHITESPACE
        '2024' is only part of 'the first nine months of 2024', which exportrow cannot resolve (it names only part of
        a period), and exportrow check refuses the part: leave out `period:` and give the period in words in `note:`,
        or quote words the resolver reads if the article gives them ('the nine months to September')
    """
    if hangs:
        return (f"{part!r} is only part of {whole!r}, which exportrow cannot resolve (it hangs on another date), and "
                f"exportrow check refuses the part: leave out `{field}:` and give the date in words in `note:`")
    return (f"{part!r} is only part of {whole!r}, which exportrow cannot resolve (it names only part of a period), "
            f"and exportrow check refuses the part: leave out `{field}:` and give the period in words in `note:`, or "
            "quote words the resolver reads if the article gives them ('the nine months to September')")


def _nearest(pool: list[tuple[int, int, str]], at: int):
    """The date of ``pool`` (sorted by start) nearest ``at``, the first after it if any: what
    ``min(after or pool, key=lambda d: abs(d[0] - at))`` chose, by bisection.

    Example:
        >>> pool = [(2, 4, "a"), (10, 12, "b"), (20, 22, "c")]
        >>> [_nearest(pool, at)[2] for at in (0, 3, 10, 11, 25)], _nearest([], 3)
        (['a', 'b', 'b', 'c', 'c'], None)
    """
    import bisect

    if not pool:
        return None
    k = bisect.bisect_left(pool, at, key=lambda d: d[0])
    return pool[k] if k < len(pool) else pool[-1]


def _nearer(at: int, *dates):
    """Of the dates given (None skipped), the one :func:`_nearest` would pick from them all: the first that starts at
    or after ``at``, else the last.

    Example:
        >>> _nearer(5, (2, 3, "a"), (8, 9, "b"), None), _nearer(10, (2, 3, "a"), (8, 9, "b")), _nearer(1, None)
        ((8, 9, 'b'), (8, 9, 'b'), None)
    """
    dates = [d for d in dates if d is not None]
    after = [d for d in dates if d[0] >= at]
    return min(after) if after else max(dates, default=None)


def _period(sentence: Span, dates: list[tuple[int, int, str]], at: int, published,
            facts: _SentenceFacts | None = None) -> tuple[str | None, str]:
    """The date expression that may date a number: whole spans only, never a day, never the end of a span.

    A date in the number's own clause comes first (after the number, then the nearest). When the number's clause has
    a date of its own that cannot be its period (a day: "since the strike began on October 6"), no date of another
    clause is borrowed: the note says why. A date from another clause that holds another number (which it dates)
    is proposed only as a guess, and the note says so; a clause with no other number ("In 2016, there were 22 cases")
    lends its date freely.

    Returns:
        The proposed period (or None) and a note for the draft's comment ("" when the proposal is plain).

    Example:
        >>> s = Span(0, 100, "ridership fell to 61,000 in October, from 148,000 in September, and it lost 2.3 million "
        ...                  "euros since the strike began on October 6")
        >>> d = find_date_expressions(s.text)
        >>> _period(s, d, s.text.index(" in Oct"), "2025-11-14"), _period(s, d, s.text.index(" in Sep"), "2025-11-14")
        (('October', ''), ('September', ''))
        >>> print(_period(s, d, s.text.index(" euros"), "2025-11-14")[1])  # doctest: +NORMALIZE_WHITESPACE
        its own clause has its own date, 'October 6' (a day or a span), and 'October', 'September' stand in other
        clauses of this sentence: no period proposed; write the period yourself if the article gives one (from an
        event's date: `period_since: <event id>`)
        >>> t = Span(0, 80, "214 ships used the ports last year, paying fees of 3.2 million crowns")
        >>> print(_period(t, find_date_expressions(t.text), t.text.index(" crowns"), "2024-05-14"))
        ... # doctest: +NORMALIZE_WHITESPACE
        ('last year', "a guess: 'last year' dates another number in another clause of this sentence")
        >>> t = Span(0, 28, "In 2016, there were 22 cases")
        >>> _period(t, find_date_expressions(t.text), t.text.index(" cases"), "2019-07-12")
        ('2016', '')

    A number followed by its own dating words that hang on another date ("from 25.1 trillion won a year earlier")
    gets no period, never the other number's:

        >>> t = Span(0, 80, "Revenue fell to 21.7 trillion won in 2023 from 25.1 trillion won a year earlier.")
        >>> d = find_date_expressions(t.text)
        >>> _period(t, d, t.text.index(" trillion won in"), "2024-03-15")
        ('2023', '')
        >>> print(_period(t, d, t.text.index(" trillion won a"), "2024-03-15")[1])  # doctest: +NORMALIZE_WHITESPACE
        dated by 'a year earlier', which exportrow cannot resolve (it hangs on another date); leave the period out,
        and do not compare this number by its period
    """
    text = sentence.text
    facts = facts or _sentence_facts(text, dates, published)
    later = facts.next_number(at)
    own_words = anaphoric_date(text[at:min(at + 60, at + 60 if later is None else later)])
    if own_words:
        return None, (f"dated by {own_words!r}, which exportrow cannot resolve (it hangs on another date); leave the "
                      "period out, and do not compare this number by its period")
    usable, notes = facts.usable, list(facts.notes)
    clause = facts.clause_of(at)
    _, dated_otherwise, free, taken = facts.by_clause(clause)
    number = facts.number_at(at)
    # the own clause's dates that follow no number, and those that follow this one
    near = _nearer(at, _nearest(facts.loose.get(clause, []), at), _nearest(facts.by_number.get(number, []), at))
    if near is not None:
        return near[2], ""
    bare = facts.bare if not dated_otherwise else []
    if bare:  # "In 2016, there were 22 cases": a date standing alone before a comma dates the sentence
        return _nearest(bare, at)[2], ""
    near = facts.others(clause, at, number)  # "from 34.6 million tonnes this year and apply a 50% tariff"
    if near is not None:
        a, b = facts.anchors[near]
        return near[2], f"a guess: {near[2]!r} stands right after another number, {text[a:b]!r}, which it dates"
    if dated_otherwise:
        if usable:
            names = ", ".join(repr(d[2]) for d in usable)
            verb = "stands" if len(usable) == 1 else "stand"
            first = dated_otherwise[0]
            what = f"{facts.held[first][2]!r} (words exportrow cannot resolve)" if first in facts.held else \
                f"{first[2]!r} (a day or a span)"
            notes.insert(0, f"its own clause has its own date, {what}, and "
                            f"{names} {verb} in other clauses of this sentence: no period proposed; write the "
                            "period yourself if the article gives one (from an event's date: "
                            "`period_since: <event id>`)")
        return None, "; ".join(notes)
    for pool, why in ((free, "stands in another clause of this sentence"),
                      (taken, "dates another number in another clause of this sentence")):
        near = _nearest(pool, at)
        if near is not None:
            return near[2], f"a guess: {near[2]!r} {why}"
    return None, "; ".join(notes)


def _too_large(m: NumberMention) -> str | None:
    """Why a number beyond the range of a float (about 1.8e308) is no figure: nothing could compute with it.

    Example:
        >>> _too_large(find_numbers("1" + "0" * 309 + " boats")[0])
        'a number of 310 digits is too large to be a figure'
        >>> _too_large(find_numbers("9" * 300)[0]) is None
        True
    """
    if -sys.float_info.max <= m.value <= sys.float_info.max:  # an int is compared exactly, not made a float
        return None
    return f"a number of {sum(c.isdigit() for c in m.text):,} digits is too large to be a figure"


def _ignore_reason(m: NumberMention, sentence: str, at: int) -> str | None:
    """Why a number is probably not a figure, or None when it may be one."""
    before = sentence[max(0, at - _NEAR):at]  # the patterns below look at its last words only
    if m.form == "ordinal":
        return f"why {m.text!r} is not a figure"
    if m.form == "words" and m.value == 1:
        return f"why {m.text!r} is not a figure"
    if m.form == "words" and re.search(r"\bthe\s+$", before, re.I) and not re.search(
            rf"^{re.escape(m.text)}\s+of\b", sentence[at:at + len(m.text) + _NEAR], re.I):
        return f"'the {m.text}' names a known set, not a count"
    if re.search(r"\d:$", before) or re.match(r":\d", sentence[at + len(m.text):at + len(m.text) + 2]):
        return f"{m.text!r} is part of a time of day"
    return None


#: Dating words that hang on another date in the text ("a year earlier", "the previous month", "the 5th"): the
#: resolver refuses them, and the draft lists them so that the annotator knows those events have no date of their own.
_HANGING = re.compile(
    r"\b(?:(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|\d{1,2}) (?:day|week|month|quarter|year)s? "
    r"(?:earlier|later|before|afterwards?)"
    r"|the (?:previous|preceding|following|prior|same|subsequent) (?:day|week|weekend|month|quarter|year|morning|"
    r"evening|night)|the next (?:day|morning|afternoon|evening|night)|the day (?:before|after)"
    r"|that (?:day|week|weekend|month|year|morning|evening|night)"
    r"|the (?:[12]?\d|3[01])(?:st|nd|rd|th)(?=[.,;:!?)]|\s+(?:of|and|when|at|in|to|until|before|after)\b|\s*$))\b",
    re.IGNORECASE)


def _hanging_dates(text: str, taken: list[tuple[int, int, str]], published) -> list[tuple[int, int, str]]:
    """The dating words in ``text`` that hang on another date (:data:`_HANGING`), outside the spans ``taken``, and
    that the resolver refuses.

    Example:
        >>> t = "Revenue fell from 25.1 trillion won a year earlier; by the close on the 5th, the 3rd largest fell"
        >>> [d[2] for d in _hanging_dates(t, [], "2024-03-15")]
        ['a year earlier', 'the 5th']
    """
    out = []
    for m in _HANGING.finditer(text):
        if any(a < m.end() and m.start() < b for a, b, _ in taken):
            continue
        try:
            resolve_date(m.group(0), published, tense="past")
        except DateResolutionError:
            out.append((m.start(), m.end(), m.group(0)))
    return out


def _beyond_tables(expression: str, published) -> str:
    """Why ``expression`` is no date to draft: the resolver's refusal when it reaches outside the years the tables hold
    (:data:`exportrow.dates.TABLE_YEARS`) and no tense reads it inside them; "" otherwise (or with no publication
    date). ``exportrow check`` would refuse such a date, so the draft never proposes it as an answer.

    Example:
        >>> print(_beyond_tables("since the 17th century", "2021-03-03"))  # doctest: +NORMALIZE_WHITESPACE
        cannot resolve 'since the 17th century': it reaches back to 1600, before 1678; the tables hold dates in the
        years 1678 to 2261 only
        >>> _beyond_tables("since 2015", "2021-03-03"), _beyond_tables("in June", "2021-03-03")
        ('', '')
    """
    if not published:
        return ""
    refused = ""
    for tense in (None, "past", "future"):
        try:
            resolve_date(expression, published, tense=tense)
            return ""
        except DateOutOfRange as exc:
            refused = refused or " ".join(str(exc).split())
        except DateResolutionError:
            continue
    return refused


def _dates_in(article: Article) -> list[Candidate]:
    out = []
    for para in article.paragraphs:
        found = find_date_expressions(para.text)
        wholes = refused_wholes(para.text, article.published_date) if found else []
        for a, b, expr in found:
            whole = next((w for w in wholes if w[0] <= a and b <= w[1] and (w[0], w[1]) != (a, b)), None)
            out.append(Candidate(para.start + a, para.start + b, expr, article.sentence_at(para.start + a),
                                 beyond=_beyond_tables(expr, article.published_date),
                                 part_of=_part_note(expr, whole[2], whole[3], "expression") if whole else "",
                                 whole=whole[2] if whole else ""))
        for a, b, expr in _hanging_dates(para.text, found, article.published_date or "2100-01-01"):
            out.append(Candidate(para.start + a, para.start + b, expr, article.sentence_at(para.start + a),
                                 note=f"{expr!r} hangs on another date in the text, and exportrow does not chain "
                                      "dates: date the event by words that name its own date, or leave out "
                                      "`expression:` (the event is then listed as undated)"))
    return sorted(out, key=lambda c: c.start)


_WORD = re.compile(r"\S+")


def _within(spans: list[tuple[int, int]]):
    """A test of whether ``start, end`` lies inside one of ``spans`` (sorted by start), in log time.

    Example:
        >>> inside = _within([(0, 4), (2, 9), (20, 25)])
        >>> inside(3, 8), inside(5, 10), inside(21, 25), inside(12, 13)
        (True, False, True, False)
    """
    import bisect
    import itertools

    starts = [a for a, _ in spans]
    reach = list(itertools.accumulate((b for _, b in spans), max))  # the furthest end of the spans so far

    def inside(start: int, end: int) -> bool:
        k = bisect.bisect_right(starts, start) - 1
        return k >= 0 and reach[k] >= end
    return inside


def _figures(article: Article, props: Proposals) -> None:
    inside_date = _within(sorted((d.start, d.end) for d in props.dates if not d.beyond and not d.part_of))
    # the numbers of a date the tables cannot hold are no figures: proposed as ignored, since the date is left out;
    # so are those of words the resolver refuses ("nine" and "2024" of "the first nine months of 2024")
    far = {(d.start, d.end): d.text for d in props.dates if d.beyond}
    refused = {}
    for sent in article.sentences if any(d.part_of for d in props.dates) else ():
        refused.update({(sent.start + a, sent.start + b): words
                        for a, b, words, _ in refused_wholes(sent.text, article.published_date)})
    inside_refused = _within(sorted(refused)) if refused else None
    inside_far = _within(sorted(far)) if far else None
    for sent in article.sentences:
        dates = find_date_expressions(sent.text)
        mentions = find_numbers(sent.text, sent.start)
        facts = _sentence_facts(sent.text, dates, article.published_date or "2100-01-01",
                                [(m.start - sent.start, m.end - sent.start) for m in mentions])
        for m in mentions:
            if inside_date(m.start, m.end):
                continue
            at = m.start - sent.start
            if inside_far and inside_far(m.start, m.end):
                words = next(t for (a, b), t in far.items() if a <= m.start and m.end <= b)
                props.ignored.append((m, sent, f"part of {words!r}, a date the tables cannot hold (left out)"))
                continue
            if inside_refused and inside_refused(m.start, m.end):
                words = next(t for (a, b), t in refused.items() if a <= m.start and m.end <= b)
                props.ignored.append((m, sent, f"part of the date words {words!r}, which exportrow cannot resolve "
                                               "(left out)"))
                continue
            reason = _too_large(m) or _ignore_reason(m, sent.text, at)
            if reason:
                props.ignored.append((m, sent, reason))
                continue
            period, note = _period(sent, dates, m.end - sent.start, article.published_date or "2100-01-01", facts)
            qualifier, words = _qualifier(sent.text, at, m.end - sent.start)
            nxt = " ".join(w.group() for w, _ in zip(_WORD.finditer(sent.text, m.end - sent.start), range(3)))
            readings = _tense_readings(period, article.published_date, sent.text) \
                if period and article.published_date else ""
            props.figures.append(FigureCandidate(m, sent, period, note, qualifier, words, nxt, readings))


def _tense_readings(period: str, pub, sentence: str = "") -> str:
    """The comment of the draft's ``tense: TODO`` line for a proposed figure period where ``exportrow check`` will ask
    for the tense (:func:`exportrow.figure_tense.read_figure_period`): its sentence has a future or modal word and the
    tense decides the date, or the period ends after publication; "" otherwise (read as past, no line).

    A reading that does not resolve ("by June" read as past has no start) is said so, never raised.

    Example:
        >>> _tense_readings("June", "2024-03-15", "It expects to sell 4,000 panels in June")
        'past resolves to 2023-06; present/future to 2024-06 (future: a forecast)'
        >>> _tense_readings("June", "2024-03-15", "In June, sales fell"), _tense_readings("2023", "2024-03-15")
        ('', '')
        >>> _tense_readings("by June", "2024-03-15")
        'past does not resolve; present/future to 2024-03-15/2024-06 (future: a forecast)'
        >>> print(_tense_readings("2025", "2025-08-20", "Exports are expected to reach 2,000 tonnes in 2025"))
        ... # doctest: +NORMALIZE_WHITESPACE
        2025 runs past publication: past = so far this period; future = a forecast; present with kind: level = an
        amount set for the whole period (a quota, a budget)
    """
    from exportrow.figure_tense import read_figure_period

    try:
        reading = read_figure_period(period, pub, sentence)
    except DateResolutionError:
        return ""
    if not reading.question:
        return ""
    if reading.date is not None:
        return (f"{reading.date.timex} runs past publication: past = so far this period; future = a forecast; "
                "present with kind: level = an amount set for the whole period (a quota, a budget)")
    read = {}
    for tense in ("past", "future"):
        try:
            read[tense] = f"resolves to {resolve_date(period, pub, tense=tense).timex}"
        except DateResolutionError:
            read[tense] = "does not resolve"
    return f"past {read['past']}; present/future {read['future'].removeprefix('resolves ')} (future: a forecast)"


def _claims(article: Article, props: Proposals) -> None:
    anonymous = [(c.start, c.end) for c in props.anonymous]
    answers = {p.start for p in article.paragraphs if re.match(r"A\s*:", p.text)}
    answer_para = [p for p in article.paragraphs if p.start in answers]
    for sent in article.sentences:
        found = list(_cue_pattern().finditer(sent.text))
        inside = _quoted_spans(sent.text)
        m = next((c for c in found if not any(a <= c.start() < b for a, b in inside)), None)
        # an unnamed relay outside quotation marks ("Exporters reportedly fear ...", "according to reports"): the
        # coding guide's anonymous_source, even with the speaker named
        relay = next((r for r in UNNAMED_RELAY.finditer(sent.text) if not any(a <= r.start() < b for a, b in inside)),
                     None)
        in_answer = any(p.start <= sent.start < p.end for p in answer_para)
        if not found and not in_answer and relay is None:
            continue
        # a verb inside quotation marks is the quoted speaker's word ("families told us"), never the article's cue
        cue = relay.group(0) if relay else m.group(1) if m else "A:" if in_answer else "TODO"
        kind = next((k for k, (words, _) in CUES.items() if cue.lower() in words), "neutral")
        quoted = "\u201c" in sent.text or '"' in sent.text or in_answer
        if relay or any(sent.start <= a < sent.end for a, _ in anonymous):
            attribution = "anonymous_source"
        elif quoted:
            attribution = "direct_quote"
        elif kind == "unattributed":
            attribution = "unattributed"
        else:
            attribution = "indirect"
        props.claims.append((sent, cue, attribution))


#: Quotation marks: curly opening and closing, and the straight one that does both.
_OPEN, _CLOSE, _STRAIGHT = "\u201c", "\u201d", '"'


def _quoted_spans(text: str) -> list[tuple[int, int]]:
    """The parts of a sentence inside quotation marks, as (start, end); a quote left open runs to the end of the
    sentence, and one closed without being opened in the sentence (a quotation of several sentences) from its start.

    Example:
        >>> t = '"We listened, and families told us so," he said.'
        >>> [t[a:b] for a, b in _quoted_spans(t)]
        ['"We listened, and families told us so,"']
        >>> t = "Families told us so,\u201d he said, \u201cand we agreed."
        >>> [t[a:b] for a, b in _quoted_spans(t)]
        ['Families told us so,\u201d', '\u201cand we agreed.']
    """
    marks = [(i, c) for i, c in enumerate(text) if c in (_OPEN, _CLOSE, _STRAIGHT)]
    straight = [i for i, c in marks if c == _STRAIGHT]
    # an odd count of straight marks whose first closes a quote ('...so," he said') starts inside a quote
    lead_closes = bool(straight) and len(straight) % 2 == 1 and straight[0] > 0 and not text[straight[0] - 1].isspace()
    out, start = [], 0 if lead_closes or (marks and marks[0][1] == _CLOSE) else None
    for i, c in marks:
        if start is None:
            start = i if c != _CLOSE else None
        elif c != _OPEN:
            out.append((start, i + 1))
            start = None
    if start is not None:
        out.append((start, len(text)))
    return out


def _anonymous(article: Article, props: Proposals) -> None:
    """Unnamed sources; a bare "who asked not to be named" is one only when no source stands before it in its
    sentence ("An official in Kestral, who asked not to be named" is one source, not two)."""
    for para in article.paragraphs:
        for m in _anonymous_pattern().finditer(para.text):
            start = para.start + m.start()
            sentence = article.sentence_at(start)
            if m.group(0).startswith("who ") and any(c.sentence == sentence for c in props.anonymous):
                continue
            props.anonymous.append(Candidate(start, para.start + m.end(), m.group(0), sentence))


def propose(article: Article) -> Proposals:
    """Every candidate figure, ignored number, date expression, claim sentence and unnamed source.

    Example:
        >>> p = propose(load_article())
        >>> [(f.mention.text, f.period) for f in p.figures][:2]
        [('156', 'from 2015 to this March'), ('Fourteen', '2015')]
        >>> [c.text for c in p.anonymous]
        ['a Japanese government source']
    """
    props = Proposals(dates=_dates_in(article))
    _check_room(article, props)  # before the slower steps: a draft that check would refuse is never made
    _anonymous(article, props)
    _figures(article, props)
    _check_room(article, props)
    _claims(article, props)
    _check_room(article, props)
    return props


class DraftTooLargeError(ExportrowError):
    """The draft for an article would hold more candidates, or more bytes, than ``exportrow check`` accepts."""


_CUT = ("no draft written: cut the article to the paragraphs you mean to annotate (a news article gives a few dozen "
        "candidates) and run exportrow extract on that")


def _check_room(article: Article, props: Proposals) -> None:
    """Refuse, in one line, a draft with a list of more candidates than an annotation's list may hold
    (:data:`exportrow.annotations.reading.MAX_ITEMS`): ``exportrow check`` would refuse it unread.

    Example:
        >>> props = Proposals(dates=[Candidate(0, 1, "x", None)] * 2_001)
        >>> _check_room(load_article(), props)  # doctest: +ELLIPSIS
        Traceback (most recent call last):
        ...
        exportrow.extract.DraftTooLargeError: nikkei-...txt: 2,001 date expressions (events:), more than the 2,000 ...
    """
    from exportrow.annotations.reading import MAX_ITEMS

    lists = [(len(props.dates), "date expressions", "events"), (len(props.figures), "figures", "figures"),
             (len(props.ignored), "numbers to ignore", "ignored_numbers"),
             (len(props.claims), "claim sentences", "claims"), (1 + len(props.anonymous), "actors", "actors")]
    over = [(n, what, key) for n, what, key in lists if n > MAX_ITEMS]
    if over:
        found = ", ".join(f"{n:,} {what} ({key}:)" for n, what, key in over)
        raise DraftTooLargeError(f"{article.path.name}: {found}, more than the {MAX_ITEMS:,} candidates a list of an "
                                 f"annotation may hold, so exportrow check would refuse the draft; {_CUT}")


def _header(article: Article) -> list[str]:
    meta = [f"  file: {article.path.name}", f"  sha256: {article.sha256}"]
    given = {"published": article.published_iso if article.published_from.startswith("set by the user") else "",
             "outlet": article.outlet if article.outlet_from.startswith("set by the user") else "",
             "timezone": article.timezone if article.timezone_from.startswith("set by the user") else ""}
    meta += [f"  {k}: {_q(v)}   # given as an option" for k, v in given.items() if v]
    if article.published is None:
        meta.append("  published: TODO   # the capture gives no date: YYYY-MM-DD")
    return [
        "# DRAFT annotation proposed by `exportrow extract`: candidates, not data. Review every entry.",
        "# Replace each TODO, delete what is not a real figure, event or claim, add what was missed,",
        "# shorten each quote to the words that state the thing, then delete `draft: true` and run",
        "# `exportrow check` on this file. Guide: docs/annotating.md; codes: exportrow/coding-guide.md.",
        f"# {article.clock_note}",
        "draft: true",
        "exportrow: 1",
        "article:",
        *meta,
        "sides: [TODO_1, TODO_2]   # the sides of this dispute, e.g. [freedonia, sylvania]; outlet and other are "
        "always there",
        "",
    ]


def _actor_lines(article: Article, props: Proposals) -> list[str]:
    named = article.dateline_source or article.dateline
    lines = ["actors:", "  - id: outlet",
             f"    name: {_q((article.outlet or 'TODO') + ' (the outlet' + chr(39) + 's own voice)')}",
             "    side: outlet", "    kind: outlet",
             f"    quote: {_q(named)}" if named else "    # quote: not needed for the outlet's own voice"]
    for i, c in enumerate(props.anonymous, 1):
        lines += [f"  - id: unnamed_source_{i}          # TODO: a meaningful id",
                  f"    name: TODO          # who they are, as the article describes them: {c.text!r}",
                  "    side: TODO", "    kind: anonymous_source   # proposed: the article does not name them",
                  f"    quote: {_q(' '.join(c.text.split()))}"]
    lines += ["  # - id: TODO            # one entry per person, body or country the article names",
              "  #   name: TODO", "  #   side: TODO",
              "  #   kind: TODO          # government, ministry, officials, person, anonymous_source, court, company,",
              "  #                       # organisation, country, international_body, parliament, media",
              "  #   quote: TODO         # the words that name them", ""]
    return lines


def _figure_lines(props: Proposals) -> list[str]:
    lines = ["figures:"] + (["  []"] if not props.figures else [])
    for i, f in enumerate(props.figures, 1):
        m = f.mention
        value = int(m.value) if isinstance(m.value, int) or float(m.value).is_integer() else m.value
        lines += [f"  - id: figure_{i}          # TODO: a meaningful id", "    quantity: TODO",
                  f"    value: {value}         # written {m.text!r} ({m.form})",
                  f"    unit: TODO          # the words after it: {f.next_words!r}", "    actor: TODO"]
        if f.period:
            why = f"{f.period_note}; keep it only if it dates this number too" if f.period_note else \
                "keep only if it dates this number"
            lines.append(f"    period: {_q(f.period)}     # TODO: {why}")
            if f.tense_readings:
                lines.append(f"    tense: TODO           # {f.tense_readings}")
        elif f.period_note:
            lines.append(f"    # period: none proposed: {f.period_note}")
        if f.qualifier:
            lines.append(_qualifier_line(f))
        elif f.qualifier_words:  # why a bounding word proposes no qualifier here ("over five years": a span)
            lines.append(f"    # qualifier: none proposed: {f.qualifier_words}")
        lines.append(f"    quote: {_q(_sentence_quote(f.sentence, m.start, m.end))}")
    lines += ["", "ignored_numbers:"] + (["  []"] if not props.ignored else [])
    for _m, sent, reason in props.ignored:
        lines += [f"  - quote: {_q(_sentence_quote(sent, _m.start, _m.end))}", f"    reason: TODO   # {reason}"]
    return lines + [""]


def _qualifier_line(f: FigureCandidate) -> str:
    """The draft's proposed qualifier: the article's words when the format has them, else the kind of bound.

    Example:
        >>> f = FigureCandidate(find_numbers("over 150")[0], None, qualifier="lower_bound", qualifier_words="over")
        >>> _qualifier_line(f).strip()
        "qualifier: over   # proposed: 'over' bounds this number (lower bound)"
        >>> f = FigureCandidate(find_numbers("25,000")[0], None, qualifier="upper_bound",
        ...                     qualifier_words="between ... and (the high end of a range)")
        >>> _qualifier_line(f).strip()
        "qualifier: upper_bound   # proposed: 'between ... and (the high end of a range)' bounds this number"
    """
    words, kind = f.qualifier_words.lower(), f.qualifier.replace("_", " ")
    if words in QUALIFIER_KINDS:
        return f"    qualifier: {words}   # proposed: {words!r} bounds this number ({kind})"
    return f"    qualifier: {f.qualifier}   # proposed: {f.qualifier_words!r} bounds this number"


def _event_lines(article: Article, props: Proposals) -> list[str]:
    lines = ["events:"] + (["  []"] if not props.dates else [])
    pub = article.published
    for i, d in enumerate(props.dates, 1):
        expr = d.text
        lines += [f"  - id: event_{i}          # TODO: a meaningful id", "    actor: TODO",
                  "    action: TODO          # PLOVER: CONSULT, ACCUSE, REJECT, SANCTION, ... or OTHER",
                  "    description: TODO"]
        if d.beyond:  # check would refuse it: the event stays undated, its date said in words
            lines += [f"    # expression: {_q(expr)}   # left out: {d.beyond}",
                      "    note: TODO            # the date in words, e.g. " + _q(expr)]
        elif d.part_of:  # "2023" of "the same period of 2023": check would refuse it
            lines += [f"    # expression: {_q(expr)}   # left out: {d.part_of}",
                      "    note: TODO            # the date in words, e.g. " + _q(d.whole)]
        elif d.note:
            lines += [f"    expression: {_q(expr)}", f"    # does not resolve: {d.note}"]
        elif pub is None:
            lines += [f"    expression: {_q(expr)}",
                      "    # not resolved: no publication date yet (give --published or article: published:)"]
        else:
            lines += [f"    expression: {_q(expr)}", _resolution_line(expr, pub)]
        lines.append(f"    quote: {_q(_sentence_quote(d.sentence, d.start, d.end) if d.sentence else expr)}")
    return lines + [""]


def _resolution_line(expr: str, pub) -> str:
    """The draft's line on how ``expr`` resolves: its date, or both readings where the tense decides.

    Example:
        >>> import datetime as dt
        >>> _resolution_line("June 1", dt.date(2024, 5, 14)).strip()
        'tense: TODO           # past resolves to 2023-06-01; present/future to 2024-06-01'
        >>> _resolution_line("last week", dt.date(2024, 5, 14)).strip()
        '# resolves to 2024-W19 (week) against 2024-05-14'
        >>> _resolution_line("second-half", dt.date(2025, 8, 20)).strip()
        '# resolves to 2025-H2 in every tense, against 2025-08-20'
        >>> _resolution_line("by June", dt.date(2024, 5, 14)).strip()[:92]
        'tense: TODO           # present/future resolves to 2024-05-14/2024-06; past does not resolve'
    """
    try:
        r = resolve_date(expr, pub)
    except TenseNeeded:  # a weekday, a month and day, a bare month...: the tense decides
        readings = {}
        for tense in ("past", "present"):
            try:
                readings[tense] = resolve_date(expr, pub, tense=tense).timex
            except DateResolutionError as exc:  # "by June" has no start in the past, "after Tuesday" no end ahead
                readings[tense] = exc
        past, present = readings["past"], readings["present"]
        if isinstance(past, str) and past == present:  # "second-half" in August: 2025-H2 either way, no tense to ask
            return f"    # resolves to {past} in every tense, against {pub:%Y-%m-%d}"
        if isinstance(past, str) and isinstance(present, str):
            return f"    tense: TODO           # past resolves to {past}; present/future to {present}"
        if isinstance(past, str) or isinstance(present, str):
            good, bad = ("past", "present/future") if isinstance(past, str) else ("present/future", "past")
            why = present if good == "past" else past
            return (f"    tense: TODO           # {good} resolves to {past if good == 'past' else present}; "
                    f"{bad} does not resolve ({_one_line(why)})")
        return (f"    # does not resolve in the past ({_one_line(past)}) nor in the present/future "
                f"({_one_line(present)})")
    except DateResolutionError as exc:
        return f"    # does not resolve: {_one_line(exc)}"
    return f"    # resolves to {r.timex} ({r.precision}) against {pub:%Y-%m-%d}"


def _one_line(exc) -> str:
    """An error's message on one line, for a comment in the draft."""
    return " ".join(str(exc).split())


def _claim_lines(props: Proposals) -> list[str]:
    lines = ["claims:"] + (["  []"] if not props.claims else [])
    for i, (sent, cue, attribution) in enumerate(props.claims, 1):
        lines += [f"  - id: claim_{i}          # TODO: a meaningful id", "    actor: TODO",
                  f"    attribution: {attribution}   # guessed: check (direct_quote, indirect, "
                  "anonymous_source, unattributed)",
                  f"    cue: {_q(cue)}" if cue != "TODO" else "    cue: TODO          # its reporting words stand only "
                  "inside the quotation marks (the quoted speaker's): write the words that report this quote",
                  f"    quote: {_q(_sentence_quote(sent))}   # TODO: only the claim's own words",
                  "    frame: TODO           # Policy Frames Codebook code 1-15", "    entman: []"]
    return lines


def draft_annotation(article: Article) -> str:
    """A draft annotation (YAML text) with candidates for a person to review.

    Example:
        >>> text = draft_annotation(load_article())
        >>> text.splitlines()[0]
        '# DRAFT annotation proposed by `exportrow extract`: candidates, not data. Review every entry.'
        >>> "value: 156" in text and "resolves to 2019-W27 (week)" in text and 'cue: "argues"' in text
        True
    """
    from exportrow.files import MAX_ANNOTATION_BYTES

    props = propose(article)
    lines = [*_header(article), *_actor_lines(article, props), *_figure_lines(props), *_event_lines(article, props),
             *_claim_lines(props)]
    text = _with_checksum("\n".join(lines) + "\n")
    size = len(text.encode("utf-8"))
    if size > MAX_ANNOTATION_BYTES:
        counts = (f"{len(props.figures):,} figures, {len(props.ignored):,} numbers to ignore, {len(props.dates):,} "
                  f"date expressions, {len(props.claims):,} claim sentences")
        raise DraftTooLargeError(f"{article.path.name}: the draft would be {size:,} bytes ({counts}), more than the "
                                 f"{MAX_ANNOTATION_BYTES:,} exportrow check accepts; {_CUT}")
    return text


_DRAFT_HEADER = "# DRAFT annotation proposed by `exportrow extract`"
#: The draft's second line records the SHA-256 of every other line: while it matches, nobody has edited the draft.
_CHECKSUM = "# sha256 of every other line, so that `extract --force` never replaces an edited draft: "


def _with_checksum(text: str, mark: str = _CHECKSUM) -> str:
    """``text`` with a checksum line after its first line (:func:`exportrow.checksum.with_checksum`)."""
    from exportrow.checksum import with_checksum

    return with_checksum(text, mark)


def unedited_draft(path: str | Path, fresh: str = "", mark: str = _CHECKSUM) -> bool:
    """Whether the draft at ``path`` is exactly as `exportrow extract` wrote it: byte for byte ``fresh`` (the draft
    it would write now), or matching the checksum it carries (on its second line, after ``mark``). A draft a person
    has edited, even one that still says ``draft: true``, is not: ``extract --force`` leaves it alone.

    Example:
        >>> import tempfile
        >>> p = Path(tempfile.mkdtemp()) / "a.yaml"
        >>> _ = p.write_text(draft_annotation(load_article()), encoding="utf-8")
        >>> unedited_draft(p)
        True
        >>> _ = p.write_text(p.read_text().replace("value: 156", "value: 157"), encoding="utf-8")  # a reviewer's edit
        >>> is_draft(p), unedited_draft(p)
        (True, False)
    """
    from exportrow.checksum import matches_checksum

    return matches_checksum(path, mark, fresh)


def is_draft(path: str | Path) -> bool:
    """Whether ``path`` is a draft that `exportrow extract` wrote and nobody has marked as reviewed yet
    (its first line is the draft's header and it still says ``draft: true``): only such a file may be
    replaced by ``extract --out FILE --force``, and only while nobody has edited it (:func:`unedited_draft`).

    Example:
        >>> import tempfile
        >>> p = Path(tempfile.mkdtemp()) / "a.yaml"
        >>> _ = p.write_text(draft_annotation(load_article()))
        >>> is_draft(p)
        True
        >>> _ = p.write_text(p.read_text().replace("draft: true\\n", ""))  # reviewed: the annotator's file now
        >>> is_draft(p)
        False
    """
    with open(path, encoding="utf-8", errors="replace") as fh:
        head = fh.read(20_000)
    return head.startswith(_DRAFT_HEADER) and re.search(r"^draft: true\s*$", head, re.M) is not None


def _cmd_extract(args) -> int:
    from exportrow.cli import load_with_options
    from exportrow.export import write_atomic
    from exportrow.outdir import check_out_file, writing_out

    article = load_with_options(args.article, args)
    text = draft_annotation(article)
    if not args.out:
        sys.stdout.write(text)
        return 0
    out = check_out_file(args.out, "a draft annotation that exportrow extract wrote, still marked `draft: true`",
                         is_draft, force=args.force, unchanged=lambda p: unedited_draft(p, text),
                         changed="is a draft that exportrow extract wrote and someone has edited since (perhaps a "
                         "reviewer's work)")
    with writing_out(args.out):  # a folder it cannot write in: --out, the folder and the fix, not the temporary file
        write_atomic(out, text)
    print(f"wrote a draft to {out}: review it, delete `draft: true`, then run `exportrow check {out}`")
    return 0


def register(sub) -> None:
    """Add the ``extract`` sub-command to the ``exportrow`` parser.

    Example:
        >>> import argparse
        >>> sub = argparse.ArgumentParser(prog="exportrow").add_subparsers()
        >>> register(sub)
        >>> sub.choices["extract"].parse_args(["a.txt", "--out", "a.yaml", "--published", "2024-05-10"]).published
        '2024-05-10'
    """
    from exportrow.cli import metadata_args

    p = sub.add_parser("extract", help="draft an annotation file for a new article (candidates to review)",
                       description="Propose a draft annotation for ARTICLE: candidate figures (numbers in "
                                   "digits and words, with proposed qualifiers), dated expressions resolved "
                                   "against the publication date, reporting cues and unnamed sources, each "
                                   "with its sentence. The draft is never final data: `exportrow check` "
                                   "refuses it until you review it.")
    p.add_argument("article", metavar="ARTICLE", help="article file in a capture form (see docs/annotating.md)")
    p.add_argument("--out", metavar="FILE", help="write the draft here (default: print it)")
    p.add_argument("--force", action="store_true",
                   help="replace FILE if it is a draft extract wrote that nobody has edited since (never an "
                        "edited draft, a reviewed annotation or any other file: move or rename those first)")
    metadata_args(p)
    p.set_defaults(func=_cmd_extract)
