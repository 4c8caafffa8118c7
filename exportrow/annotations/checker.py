"""What every section's checker shares: collecting problems, finding quotes, naming near misses.

Every value a message shows passes through :func:`shown` (a short excerpt), and near-miss
suggestions (:func:`close_match`) are only looked for among short words, so a hostile value
costs no more than its own length.
"""

from __future__ import annotations

from pathlib import Path

from exportrow.annotations.model import Problem
from exportrow.article import Article, Span, normalize
from exportrow.dates import TABLE_YEARS, DateOutOfRange, DateResolutionError, ResolvedDate, TenseNeeded, resolve_date
from exportrow.errors import SUGGEST_CUTOFF
from exportrow.files import excerpt

__all__ = ["Checker", "shown", "clip", "close_match", "MAX_SUGGEST", "MAX_NEAREST"]

#: Words longer than this get no "did you mean" (difflib's cost grows with the length).
MAX_SUGGEST = 80
#: Quotes not found get a "nearest passage" search, for the first this many of them in a file.
MAX_NEAREST = 20


def shown(value, limit: int = 60) -> str:
    """A short excerpt of any value for a message (numbers with hundreds of digits are cut too).

    Example:
        >>> shown("x" * 100)[:8], shown(10 ** 200)[-12:]
        ("'xxxxxxx", '(201 digits)')
    """
    if isinstance(value, int) and not isinstance(value, bool) and abs(value) >= 10 ** limit:
        digits = len(str(abs(value)))
        return f"{str(value)[:limit - 2]}\u2026 ({digits} digits)"
    return excerpt(value, limit)


def clip(text: str, limit: int = 200) -> str:
    """``text`` cut to ``limit`` characters, for messages built from other messages.

    Example:
        >>> clip("abc" * 100, 10), clip("give tense past, present or future", 14)
        ('abcabcabc…', 'give tense…')
    """
    text = str(text)
    if len(text) <= limit:
        return text
    cut = text[:limit - 1]
    word = cut.rsplit(" ", 1)[0] if " " in cut[limit // 2:] else cut  # never mid-word where a space is near
    return word.rstrip(" ,;:") + "\u2026"


def _without(fld: str) -> str:
    """What an entry is without its date field ``fld``."""
    return {"expression": "the event is then listed as undated",
            "period": "the figure then has no period"}.get(fld, "the entry then has no date")


def _unread_fix(fld: str) -> str:
    """The fix for date words exportrow does not read: ``fld`` must be the article's own words, so the fix is never
    "use another form" alone (review rev17a).

    Example:
        >>> print(_unread_fix("period"))  # doctest: +NORMALIZE_WHITESPACE
        `period:` must be the article's own words, so do not reword them: if other words of the quote date it in a
        form exportrow reads ('last week', 'December 2017', '2016', 'since 2015', 'from June to August 2024'; a
        weekday or a day without a year with `tense:`), give those; else leave out `period:` (the figure then has no
        period) and give the date in words in `note:`
    """
    return (f"`{fld}:` must be the article's own words, so do not reword them: if other words of the quote date it in "
            "a form exportrow reads ('last week', 'December 2017', '2016', 'since 2015', 'from June to August 2024'; "
            f"a weekday or a day without a year with `tense:`), give those; else leave out `{fld}:` ({_without(fld)}) "
            "and give the date in words in `note:`")


def close_match(word, options) -> str | None:
    """The option nearest to ``word``, or None (none near enough, or ``word`` is not a short string).

    Example:
        >>> close_match("jp_sauce", ["jp_source", "kr_gov"]), close_match("sanction", ["SANCTION"])
        ('jp_source', 'SANCTION')
        >>> close_match("MEET", ["REJECT", "AGREE"]) is None  # alike only by chance letters
        True
        >>> close_match(["a"], ["a"]), close_match("x" * 1000, ["x"])
        (None, None)
    """
    import difflib

    if isinstance(word, bool) or not isinstance(word, (str, int, float)) or len(str(word)) > MAX_SUGGEST:
        return None
    by_folded = {str(o).casefold(): str(o) for o in options}
    found = difflib.get_close_matches(str(word).casefold(), list(by_folded), n=1, cutoff=SUGGEST_CUTOFF)
    return by_folded[found[0]] if found else None


class Checker:
    """Collects the problems of one file while the section checkers run.

    Example:
        >>> from exportrow.article import load_article
        >>> chk = Checker(Path("a.yaml"), load_article())
        >>> chk.locate("actors[x]", {"quote": "Seoul views"}).text
        'Seoul views'
        >>> chk.locate("actors[y]", {"quote": "Seoul viewed the recent"}), chk.problems[0].fix
        (None, "nearest passage in the article: 'Seoul views the recent'")
    """

    def __init__(self, path: Path, article: Article):
        self.file = str(path)
        self.article = article
        self.problems: list[Problem] = []
        self.warnings: list[Problem] = []
        self.searches_left = MAX_NEAREST
        self.fiscal: dict = {}  # fiscal_year_start and fiscal_year_named_by from the `article:` block

    def add(self, entry: str, fld: str, message: str, fix: str = "") -> None:
        self.problems.append(Problem(self.file, entry, fld, message, fix))

    def known(self, label: str, fld: str, value, options, what: str, fix: str) -> bool:
        """Whether ``value`` is one of ``options``; if not, a problem naming the nearest option."""
        if value is None or value in options:
            return True
        near = close_match(value, options)
        self.add(label, fld, f"unknown {what} {shown(value)}", f"did you mean {near!r}?" if near else fix)
        return False

    def locate(self, label: str, item: dict) -> Span | None:
        """The one span of the entry's ``quote`` (with its prefix/suffix), or None and a problem.

        An entry the schema lets go without a quote (the outlet's own voice) has no span and no problem.
        """
        quote = item.get("quote")
        if quote is None:
            return None
        found = self.article.find(quote, item.get("prefix"), item.get("suffix"))
        if len(found) == 1:
            return found[0]
        if not found:
            near = self.article.nearest(quote) if self.searches_left > 0 else ""
            self.searches_left -= 1
            self.add(label, "quote", f"not in the article: {shown(quote)}",
                     f"nearest passage in the article: {shown(near, 200)}" if near else
                     "copy the words from the article's body (not its title or bullet lines)")
            return None
        raw = self.article.raw
        offsets = ", ".join(str(s.start) for s in found[:5]) + (", ..." if len(found) > 5 else "")
        before = raw[max(0, found[0].start - 20):found[0].start].split("\n")[-1].lstrip()
        self.add(label, "quote", f"stands {len(found)} times in the article (at offsets {offsets})",
                 f"add `prefix:` or `suffix:` to pick one, e.g. prefix: {before!r}")
        return None

    def within(self, label: str, fld: str, words: str, span: Span) -> Span | None:
        """The span of ``words`` inside ``span``, or None and a problem."""
        folded, where = normalize(span.text)
        target = normalize(words)[0]
        i = folded.lower().find(target.lower()) if target.strip() else -1
        if i < 0:
            self.add(label, fld, f"{shown(words)} is not inside the quote {shown(span.text)}",
                     f"widen the quote so it holds {shown(words)}, or fix `{fld}:`")
            return None
        a, b = span.start + where[i], span.start + where[i + len(target) - 1] + 1
        return Span(a, b, self.article.raw[a:b])

    def resolve(self, label: str, fld: str, expression: str, tense) -> ResolvedDate | None:
        """The resolved date of ``expression`` against the publication date, or None and a problem."""
        try:
            return resolve_date(expression, self.article.published, tense=tense, **self.fiscal)
        except TenseNeeded as exc:
            from exportrow.figure_tense import same_either_way

            if (same := same_either_way(expression, self.article.published, **self.fiscal)) is not None:
                return same  # both tenses read it alike ("second-half" in August): no tense to ask for
            self.add(label, fld, f"date cannot be parsed: {clip(exc, 320)}",  # room for both readings
                     "add `tense: past` (or present / future) to the entry")
        except DateOutOfRange as exc:  # the tables could not hold it: the entry stays undated
            self.add(label, fld, f"date out of range: {clip(exc)}",
                     f"leave out `{fld}:` ({_without(fld)}), give the date in words in `note:` and list its numbers "
                     f"under `ignored_numbers:`; or date it by words that stay within the years {TABLE_YEARS[0]} to "
                     f"{TABLE_YEARS[1]}")
        except (DateResolutionError, ValueError, OverflowError) as exc:
            self.add(label, fld, f"date cannot be parsed: {clip(exc)}", getattr(exc, "fix", None) or _unread_fix(fld))
        return None
