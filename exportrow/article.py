"""Load a captured news article and point at its words.

The capture format is the one of the bundled Nikkei Asian Review page: an optional
``print PRINT`` line, the title, bullet lines with the date, the outlet and time and a
label, the body paragraphs (the first one opening with a dateline), and bullet lines of
site navigation after the last paragraph. Only the body is article text; the rest is
kept as metadata or dropped.

Every span in this package is a pair of 0-based, end-exclusive character offsets into
the *raw* text, so ``article.raw[start:end]`` is always the passage itself.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from dataclasses import dataclass, field
from pathlib import Path

from exportrow import paths
from exportrow.errors import ExportrowError

__all__ = ["Article", "ArticleFormatError", "Span", "load_article", "normalize"]

#: The capture prints a local time with no zone. It is read as the time at the outlet's home
#: newsroom, looked up here (Nikkei: Tokyo, UTC+9); an outlet not listed is read as UTC.
OUTLET_TIMEZONES = {"Nikkei Asian Review": "Asia/Tokyo", "Nikkei Asia": "Asia/Tokyo"}
DEFAULT_TIMEZONE = "UTC"
#: Longest quote for which :meth:`Article.nearest` searches a near passage.
NEAREST_MAX_CHARS = 600

_QUOTES = {"\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'",
           "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u2033": '"'}
_DASHES = dict.fromkeys("\u2010\u2011\u2012\u2013\u2014\u2015\u2212", "-")
_FOLD = {**_QUOTES, **_DASHES}
_MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august",
           "september", "october", "november", "december"]
_ABBREVIATIONS = {"u.s", "u.k", "u.n", "mr", "mrs", "ms", "dr", "a.m", "p.m", "jan", "feb",
                  "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "no",
                  "st", "inc", "corp", "co", "ltd", "gov", "sen", "rep", "vs", "gen", "lt"}


class ArticleFormatError(ExportrowError, ValueError):
    """The article file is not in the capture format (says which file and what is missing)."""


@dataclass(frozen=True)
class Span:
    """A passage of the raw text: ``raw[start:end] == text``."""

    start: int
    end: int
    text: str


def normalize(text: str) -> tuple[str, list[int]]:
    """Fold quotes, dashes and whitespace so that typed quotes match the raw text.

    Curly quotes become straight ones, every dash becomes ``-``, and each run of
    whitespace (no-break spaces included) becomes one space. The second value maps each
    character of the folded text back to its offset in ``text``.

    Args:
        text: Any string.

    Returns:
        The folded text and, for each of its characters, the offset it came from.

    Example:
        >>> folded, where = normalize("Japan\u2019s\u00a0 claim \u2014 no")
        >>> folded
        "Japan's claim - no"
        >>> where[7], where[8]
        (7, 9)
    """
    out: list[str] = []
    where: list[int] = []
    in_space = False
    for i, ch in enumerate(text):
        if ch.isspace():
            if not in_space:
                out.append(" ")
                where.append(i)
            in_space = True
            continue
        in_space = False
        out.append(_FOLD.get(ch, ch))
        where.append(i)
    return "".join(out), where


@dataclass
class Article:
    """One captured article: its raw text, metadata and body structure.

    Attributes:
        path: The file it was read from.
        raw: The file's text, unchanged.
        sha256: Hex digest of the file's bytes.
        title, outlet, label, dateline: Metadata read from the capture.
        published: Publication time, a timezone-aware ``pandas.Timestamp``.
        paragraphs, sentences: Body spans; the dateline and capture noise are not in them.
        navigation: Site navigation lines dropped after the body.
        date_span: Where the capture states the publication date.
    """

    path: Path
    raw: str
    sha256: str
    title: str
    outlet: str
    label: str
    dateline: str
    published: object
    paragraphs: list[Span]
    sentences: list[Span]
    navigation: list[str]
    date_span: Span
    published_from: str = "the capture's date line"
    _body_start: int = field(default=0, repr=False)
    _folded: str = field(default="", repr=False)
    _where: list[int] = field(default_factory=list, repr=False)

    @property
    def name(self) -> str:
        """The file name without its suffix."""
        return self.path.stem

    @property
    def body(self) -> str:
        """The body paragraphs joined by blank lines (for reading, not for offsets).

        Example:
            >>> load_article().body.count(chr(10) * 2) + 1
            18
        """
        return "\n\n".join(p.text for p in self.paragraphs)

    def with_published(self, published) -> Article:
        """A copy whose publication time is ``published`` (relative dates then move with it).

        Example:
            >>> str(load_article().with_published("2019-07-19").published)
            '2019-07-19 00:00:00+09:00'
        """
        import dataclasses

        import pandas as pd

        ts = pd.Timestamp(published)
        if ts.tzinfo is None:
            ts = ts.tz_localize(self.published.tzinfo)
        return dataclasses.replace(self, published=ts,
                                   published_from="set by the user, overriding the capture")

    def find(self, quote: str, prefix: str | None = None, suffix: str | None = None) -> list[Span]:
        """Every place in the body where ``quote`` stands, as raw spans.

        Matching folds quotes, dashes and whitespace (see :func:`normalize`). ``prefix``
        and ``suffix`` keep only the places right after or before those words.

        Example:
            >>> art = load_article()
            >>> [s.text for s in art.find("Japan's argument has no basis")]
            ['Japan’s argument has no basis']
            >>> len(art.find("Tokyo")), len(art.find("Tokyo", prefix="rebuttal from "))
            (5, 1)
        """
        q, _ = normalize(quote.strip())
        if not q:
            return []
        pre = normalize(prefix)[0] if prefix else ""
        suf = normalize(suffix)[0] if suffix else ""
        folded, where = self._folded, self._where
        spans = []
        i = folded.find(q)
        while i >= 0:
            j = i + len(q)
            ok = (not pre or folded[:i].rstrip().endswith(pre.rstrip())) and (
                not suf or folded[j:].lstrip().startswith(suf.lstrip()))
            if ok:
                start, end = where[i], where[j - 1] + 1
                spans.append(Span(start, end, self.raw[start:end]))
            i = folded.find(q, i + 1)
        return spans

    def nearest(self, quote: str) -> str:
        """The body passage most like ``quote``, for error messages; ``""`` for a quote too long to search.

        The search compares the quote with every passage of its length, so its cost grows with the
        square of the quote: quotes longer than ``NEAREST_MAX_CHARS`` are not searched.

        Example:
            >>> load_article().nearest("Seoul views the recent surge in arrests")
            'Seoul views the recent surge in busts'
            >>> load_article().nearest("word " * 1000)
            ''
        """
        import difflib

        if len(quote) > NEAREST_MAX_CHARS:
            return ""
        q = normalize(quote.strip())[0]
        words = q.split(" ")
        n = max(1, len(words))
        best, best_score = "", -1.0
        for sent in self.sentences:
            tokens = normalize(sent.text)[0].split(" ")
            for k in range(max(1, len(tokens) - n + 1)):
                cand = " ".join(tokens[k:k + n])
                m = difflib.SequenceMatcher(None, q, cand, autojunk=False)
                if m.real_quick_ratio() <= best_score or m.quick_ratio() <= best_score:
                    continue
                score = m.ratio()
                if score > best_score:
                    best, best_score = cand, score
        return best

    def sentence_at(self, offset: int) -> Span | None:
        """The body sentence holding raw offset ``offset``, or None.

        Example:
            >>> art = load_article()
            >>> art.sentence_at(art.find("156 cases")[0].start).text[:22]
            'There were 156 cases f'
        """
        for s in self.sentences:
            if s.start <= offset < s.end:
                return s
        return None


def _split_sentences(raw: str, para: Span) -> list[Span]:
    text = para.text
    out = []
    begin = 0
    for m in re.finditer(r"[.!?][\"'\u201d\u2019]?(?=\s+[\"'\u201c\u2018]?[A-Z0-9])", text):
        word = re.search(r"(\S+)$", text[begin:m.start()])
        token = (word.group(1) if word else "").lower().lstrip("\"'\u201c\u2018(")
        if token in _ABBREVIATIONS or re.fullmatch(r"[a-z]", token):
            continue
        end = m.end()
        out.append((begin, end))
        rest = text[end:]
        begin = end + (len(rest) - len(rest.lstrip()))
    if begin < len(text.rstrip()):
        out.append((begin, len(text.rstrip())))
    return [Span(para.start + a, para.start + b, raw[para.start + a:para.start + b]) for a, b in out]


@functools.cache
def _patterns() -> dict[str, re.Pattern]:
    months = "|".join(m.capitalize() for m in _MONTHS)
    return {
        "bullet": re.compile(r"^\s*[\u2022\u00b7*]\s*(.*?)\s*$"),
        "date": re.compile(r"^(" + months + r")\.? (\d{1,2}), (\d{4})$"),
        "time": re.compile(r"^(\d{1,2}):(\d{2})\s*([ap])\.?m\.?$", re.I),
        "dateline": re.compile(r"^([A-Z][A-Z./ ,'-]*[A-Z.])\s*[\u2014\u2013-]+\s+"),
    }


def load_article(path: str | Path | None = None, *, timezone: str | None = None) -> Article:
    """Read a captured article.

    Args:
        path: The article file; None (or ``""``) means the bundled Nikkei article.
        timezone: IANA zone of the outlet's newsroom. The capture gives a local time with
            no zone, which is read as this zone's time. None looks the outlet up in
            ``OUTLET_TIMEZONES`` (Nikkei Asian Review: Asia/Tokyo) and falls back to UTC.

    Returns:
        The :class:`Article`.

    Raises:
        ArticleFormatError: The file is missing, not UTF-8, or not in the capture format.

    Example:
        >>> art = load_article()
        >>> art.title
        'South Korea-Japan row rages on, this time over export details'
        >>> art.outlet, art.dateline, str(art.published)
        ('Nikkei Asian Review', 'SEOUL/TOKYO', '2019-07-12 07:30:00+09:00')
        >>> p = art.paragraphs[0]
        >>> art.raw[p.start:p.end] == p.text and p.text.startswith("Seoul has pointed")
        True
    """
    import hashlib

    import pandas as pd

    pat = _patterns()
    _BULLET, _DATE, _TIME, _DATELINE = pat["bullet"], pat["date"], pat["time"], pat["dateline"]
    path = Path(path) if path else paths.default_article()
    where = f"{path}"
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise ArticleFormatError(f"{where}: cannot read the article ({exc.strerror}).") from None
    try:
        raw = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise ArticleFormatError(
            f"{where}: not UTF-8 (byte {exc.start}); re-save the file as UTF-8.") from None
    lines = []
    pos = 0
    for line in raw.splitlines(keepends=True):
        lines.append((pos, line.rstrip("\r\n")))
        pos += len(line)
    nonblank = [(p, t) for p, t in lines if t.strip()]
    if nonblank and nonblank[0][1].strip().lower().startswith("print"):
        nonblank = nonblank[1:]
    if not nonblank or _BULLET.match(nonblank[0][1]):
        raise ArticleFormatError(f"{where}: no title line found before the bullet lines.")
    title = nonblank[0][1].strip()
    i = 1
    meta = []
    while i < len(nonblank) and _BULLET.match(nonblank[i][1]):
        meta.append(nonblank[i])
        i += 1
    body_lines = []
    while i < len(nonblank) and not _BULLET.match(nonblank[i][1]):
        body_lines.append(nonblank[i])
        i += 1
    navigation = [_BULLET.match(t).group(1) for _, t in nonblank[i:] if _BULLET.match(t)]
    date = time = None
    outlet = label = ""
    date_span = None
    for p, t in meta:
        item = _BULLET.match(t).group(1)
        if _DATE.match(item):
            date = _DATE.match(item)
            off = p + t.index(item)
            date_span = Span(off, off + len(item), item)
        elif item.startswith(","):
            parts = [x.strip() for x in item.split(",") if x.strip()]
            for part in parts:
                if _TIME.match(part):
                    time = _TIME.match(part)
                elif not outlet:
                    outlet = part
        elif item:
            label = item
    if date is None:
        raise ArticleFormatError(
            f"{where}: no date bullet like '  \u2022 July 12, 2019' after the title.")
    if not outlet:
        raise ArticleFormatError(
            f"{where}: no outlet bullet like '  \u2022 , Nikkei Asian Review , 7:30 a.m.'.")
    if not body_lines:
        raise ArticleFormatError(f"{where}: no body paragraphs after the bullet lines.")
    month = _MONTHS.index(date.group(1).lower()) + 1
    hour = minute = 0
    if time:
        hour, minute = int(time.group(1)) % 12, int(time.group(2))
        if time.group(3).lower() == "p":
            hour += 12
    published = pd.Timestamp(dt.datetime(int(date.group(3)), month, int(date.group(2)),
                                         hour, minute)).tz_localize(
        timezone or OUTLET_TIMEZONES.get(outlet, DEFAULT_TIMEZONE))
    paragraphs = []
    dateline = ""
    for k, (p, t) in enumerate(body_lines):
        lead = len(t) - len(t.lstrip())
        text = t.strip()
        start = p + lead
        if k == 0:
            m = _DATELINE.match(text)
            if m:
                dateline = m.group(1)
                start += m.end()
                text = text[m.end():]
        paragraphs.append(Span(start, start + len(text), text))
    sentences = [s for para in paragraphs for s in _split_sentences(raw, para)]
    body_start = body_lines[0][0]
    body_end = paragraphs[-1].end
    art = Article(path=path, raw=raw, sha256=hashlib.sha256(data).hexdigest(), title=title,
                  outlet=outlet, label=label, dateline=dateline, published=published,
                  paragraphs=paragraphs, sentences=sentences, navigation=navigation,
                  date_span=date_span, _body_start=body_start)
    # The searchable text is the body only, folded, with offsets into the raw text.
    folded, where_ = normalize(raw[body_start:body_end])
    art._folded = folded
    art._where = [body_start + w for w in where_]
    return art
