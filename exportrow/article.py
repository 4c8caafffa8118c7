"""Load a captured news article, settle when and where it was published, and point at its words.

An article file is a *capture* in one of three forms (see :mod:`exportrow.capture`): YAML front
matter then the body (the documented form for new articles), the header of the bundled Nikkei
page, or the body alone. Only the body is article text; a dateline at its start, the header
and the front matter are kept as metadata.

The publication date, the outlet and the time zone may each come from several places. The
first that gives one wins, in this order (documented in ``docs/annotating.md``):

1. command-line options (``--published``, ``--outlet``, ``--timezone``) and notebook parameters;
2. the capture's front matter;
3. the annotation's ``article:`` block (``published``, ``outlet``, ``timezone``);
4. the capture's header (the bundled form's date and outlet bullets);
5. for the date only, the dateline's date (when it has a year).

The time zone then falls back to the outlet table and the dateline's city
(:mod:`exportrow.clock`), else it is unknown and every output says so. A date without a time
stays a date: ``published_precision`` is ``"day"`` and no output prints a time for it.

Every span in this package is a pair of 0-based, end-exclusive character offsets into the
*raw* text (the decoded file, without a byte-order mark), so ``article.raw[start:end]`` is
always the passage itself.
"""

from __future__ import annotations

import bisect
import dataclasses
import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path

from exportrow import paths
from exportrow.capture import ArticleFormatError, Dateline, Span, parse_capture
from exportrow.clock import (
    ClockError,
    Published,
    check_timezone,
    city_zone,
    format_published,
    outlet_zone,
    parse_published,
)
from exportrow.errors import EXIT_USAGE

__all__ = ["Article", "ArticleFormatError", "MetadataError", "Span", "load_article", "normalize", "SOURCES"]

#: Where metadata may come from, strongest first.
SOURCES = ("options", "front matter", "annotation", "capture header", "dateline")
_FROM = {"options": "set by the user, overriding the capture",
         "front matter": "the capture's front matter",
         "annotation": "the annotation's article: block",
         "capture header": "the capture's date line",
         "dateline": "the dateline (nothing else dates the article)"}
#: Longest quote for which :meth:`Article.nearest` searches a near passage.
NEAREST_MAX_CHARS = 600

_QUOTES = {"\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'",
           "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u2033": '"'}
_DASHES = dict.fromkeys("\u2010\u2011\u2012\u2013\u2014\u2015\u2212", "-")
_FOLD = {**_QUOTES, **_DASHES}
_ABBREVIATIONS = {"u.s", "u.k", "u.n", "mr", "mrs", "ms", "dr", "a.m", "p.m", "jan", "feb",
                  "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "no",
                  "st", "inc", "corp", "co", "ltd", "gov", "sen", "rep", "vs", "gen", "lt"}


class MetadataError(ArticleFormatError):
    """A publication date, outlet or time zone that cannot be used; says where it came from.

    Given as an option or a notebook parameter it is a usage error (exit code 2).
    """

    def __init__(self, message: str, *, field: str = "", source: str = "", fix: str = ""):
        super().__init__(message)
        self.field, self.source, self.fix = field, source, fix
        if source == "options":
            self.exit_code = EXIT_USAGE


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
        raw: The file's text, decoded (a byte-order mark dropped).
        sha256: Hex digest of the file's bytes.
        title, outlet, label, dateline: Metadata read from the capture (``dateline`` is its words,
            e.g. ``SEOUL, July 12 (Yonhap)``; ``dateline_city`` its city).
        published: Publication time as a ``pandas.Timestamp``: aware when the zone is known, naive
            when it is not, and midnight of the day when only the date is known (then
            ``published_precision`` is ``"day"``: use :attr:`published_text` or
            :attr:`published_iso` to print it, never a time). None until some source dates it.
        published_precision: ``"minute"`` (a time of day is known), ``"day"``, or ``""`` (no date).
        timezone: IANA zone (or ``UTC+09:00`` for an offset alone) of the outlet's clock, ``""`` if unknown.
        published_from, outlet_from, timezone_from: Which source gave each, in words.
        paragraphs, sentences: Body spans; the dateline and capture noise are not in them.
        navigation: Site navigation lines dropped after the body.
        date_span: Where the capture states the publication date, or None (an option, the annotation).
        form: ``front matter``, ``header`` or ``body only``.
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
    date_span: Span | None
    published_from: str = "the capture's date line"
    published_precision: str = "minute"
    timezone: str = ""
    timezone_from: str = ""
    outlet_from: str = ""
    form: str = "header"
    byline: str = ""
    url: str = ""
    language: str = ""
    front_matter: dict = field(default_factory=dict)
    dateline_city: str = ""
    dateline_source: str = ""
    dateline_date: str = ""
    dateline_span: Span | None = None
    _layers: dict = field(default_factory=dict, repr=False)
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

    @property
    def timezone_known(self) -> bool:
        """Whether the outlet's clock is known (a zone or a written UTC offset)."""
        return bool(self.timezone)

    @property
    def published_date(self) -> dt.date | None:
        """The publication date (in the outlet's zone when known), or None."""
        return None if self.published is None else self.published.date()

    @property
    def published_iso(self) -> str:
        """ISO 8601, as precise as known: a date, a local time without offset, or a time with its offset.

        Example:
            >>> art = load_article()
            >>> art.published_iso, art.with_published("2019-07-19").published_iso
            ('2019-07-12T07:30:00+09:00', '2019-07-19')
        """
        if self.published is None:
            return ""
        if self.published_precision == "day":
            return self.published.date().isoformat()
        return self.published.isoformat()

    @property
    def published_text(self) -> str:
        """The publication moment in words: ``12 July 2019, 07:30 (JST)``, ``... (date only)``,
        or ``... (time zone unknown)``.

        Example:
            >>> load_article().published_text
            '12 July 2019, 07:30 (JST)'
        """
        if self.published is None:
            return "publication date unknown"
        time = None if self.published_precision == "day" else self.published.time()
        label = (self.published.tzname() or self.timezone) if self.timezone and self.published.tzinfo else ""
        return format_published(self.published.date(), time, label)

    @property
    def own_published(self) -> Article:
        """The article as its own sources date it: a ``published`` given as an option or notebook parameter left out.

        Itself when no option gives the date, or when nothing else dates the article (then the option is its date).

        Example:
            >>> load_article().with_published("2019-07-19").own_published.published_text
            '12 July 2019, 07:30 (JST)'
        """
        opts = self._layers.get("options") or {}
        if opts.get("published") in (None, ""):
            return self
        rest = {k: v for k, v in opts.items() if k not in ("published", "published_span")}
        try:
            own = _settle(dataclasses.replace(self, _layers={**self._layers, "options": rest}))
        except MetadataError:
            return self
        return self if own.published is None else own

    @property
    def what_if(self) -> str:
        """The what-if publication day (``19 Jul 2019``) when ``published`` moves the article to another day than
        its own sources give; ``""`` otherwise (no override, the same day, or nothing else dates the article).

        Example:
            >>> load_article().what_if, load_article().with_published("2019-07-19").what_if
            ('', '19 Jul 2019')
            >>> load_article().with_published("2019-07-12").what_if
            ''
        """
        own = self.own_published
        if own is self or self.published is None or own.published_date == self.published_date:
            return ""
        p = self.published
        return f"{p.day} {p:%b %Y}"

    @property
    def what_if_note(self) -> str:
        """The mark every citation and source line adds for a what-if publication date, ``""`` for none.

        Plain text (no Markdown); :func:`exportrow.notebook.citation` prints the parameter's name as code.

        Example:
            >>> load_article().with_published("2019-07-19").what_if_note
            'What-if: dates resolved as if published 19 Jul 2019 (parameter published).'
        """
        return f"What-if: dates resolved as if published {self.what_if} (parameter published)." if self.what_if \
            else ""

    @property
    def clock_note(self) -> str:
        """When the article was published and on which clock, each with its source in brackets.

        Example:
            >>> print(load_article().clock_note)  # doctest: +NORMALIZE_WHITESPACE
            Publication: 12 July 2019, 07:30 (JST) [the capture's date line].
            Time zone: Asia/Tokyo [the outlet table (Nikkei Asian Review)].
        """
        if self.published is None:
            return "Publication: unknown. " + _missing_date_hint(self)
        return (f"Publication: {self.published_text} [{self.published_from}]. "
                f"Time zone: {self.timezone or 'unknown'} [{self.timezone_from}].")

    def with_metadata(self, source: str, *, published=None, outlet=None, timezone=None) -> Article:
        """A copy with the publication date, outlet or zone that ``source`` gives, weighed again.

        ``source`` is one of :data:`SOURCES`; a value given by a stronger source still wins.

        Raises:
            MetadataError: A date or time that does not exist, or an unknown time zone.

        Example:
            >>> art = load_article().with_metadata("options", timezone="Asia/Seoul")
            >>> str(art.published), art.timezone_from
            ('2019-07-12 07:30:00+09:00', 'set by the user, overriding the capture')
        """
        if source not in SOURCES:
            raise ValueError(f"source must be one of {SOURCES}, not {source!r}")
        layer = dict(self._layers.get(source) or {})
        where = "given as an option or notebook parameter" if source == "options" else f"in {_FROM[source]}"
        if published not in (None, ""):
            try:
                layer["published"] = parse_published(published)
            except ClockError as exc:
                raise MetadataError(f"published {where}: {exc}", field="published", source=source,
                                    fix="write an ISO date such as 2019-07-12") from None
            layer["published_span"] = None
        if outlet not in (None, ""):
            layer["outlet"] = " ".join(str(outlet).split())
        if timezone not in (None, ""):
            try:
                layer["timezone"] = check_timezone(timezone)
            except ClockError as exc:
                raise MetadataError(f"timezone {where}: {exc}", field="timezone", source=source,
                                    fix="write an IANA zone such as Asia/Seoul") from None
        return _settle(dataclasses.replace(self, _layers={**self._layers, source: layer}))

    def with_published(self, published) -> Article:
        """A copy whose publication date is ``published`` (relative dates then move with it).

        Example:
            >>> art = load_article().with_published("2019-07-19")
            >>> art.published_text, art.published_precision, art.timezone
            ('19 July 2019 (date only)', 'day', 'Asia/Tokyo')
        """
        return self.with_metadata("options", published=published)

    def with_annotation_block(self, block) -> Article:
        """A copy with the ``published``, ``outlet`` and ``timezone`` of an annotation's ``article:`` block.

        Raises:
            MetadataError: A bad value, or no source at all dates the article.

        Example:
            >>> art = load_article().with_annotation_block({"outlet": "Nikkei Asia"})
            >>> art.outlet, art.outlet_from, art.timezone
            ('Nikkei Asia', "the annotation's article: block", 'Asia/Tokyo')
        """
        from exportrow.files import excerpt

        block = block if isinstance(block, dict) else {}
        values = {}
        for key in ("published", "outlet", "timezone"):
            value = block.get(key)
            if isinstance(value, (dt.date, dt.datetime)):
                value = value.isoformat()
            if value is not None and (isinstance(value, bool) or not isinstance(value, (str, int, float))):
                raise MetadataError(f"must be text, not {excerpt(value)}", field=key, source="annotation",
                                    fix=f"write e.g. `{key}: {_EXAMPLES[key]}` under article:")
            values[key] = None if value is None else str(value)
        try:
            art = self.with_metadata("annotation", **values)
        except MetadataError as exc:
            exc.args = (str(exc).replace(f" in {_FROM['annotation']}", ""),)
            raise
        art.require_published()
        return art

    def require_published(self) -> None:
        """Raise :class:`MetadataError` when no source gives the publication date."""
        if self.published is None:
            raise MetadataError(f"{self.path.name}: no publication date. " + _missing_date_hint(self),
                                field="published", source="annotation",
                                fix="add `published: YYYY-MM-DD` under article: in the annotation, "
                                    "or to the capture's front matter, or pass --published")

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
            ok = (not pre or _ends_before(folded, i, pre.rstrip())) and (
                not suf or _starts_after(folded, j, suf.lstrip()))
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

    def _repr_mimebundle_(self, include=None, exclude=None):
        """In a notebook an article shows as its readable text (``exportrow.show_article`` marks it up)."""
        from exportrow.view import article_text

        return {"text/plain": article_text(self)}

    def sentence_at(self, offset: int) -> Span | None:
        """The body sentence holding raw offset ``offset``, or None.

        Example:
            >>> art = load_article()
            >>> art.sentence_at(art.find("156 cases")[0].start).text[:22]
            'There were 156 cases f'
        """
        sentences = self.sentences
        index = self.__dict__.get("_sentence_index")
        if index is None or index[0] is not sentences or len(index[1]) != len(sentences):
            index = (sentences, [s.start for s in sentences])
            self.__dict__["_sentence_index"] = index  # the starts, found once: a lookup is a bisect, not a scan
        k = bisect.bisect_right(index[1], offset) - 1
        if k >= 0 and offset < sentences[k].end:
            return sentences[k]
        return None


def _ends_before(text: str, i: int, words: str) -> bool:
    """Whether ``text[:i]``, spaces at its end left out, ends with ``words``; without copying ``text``.

    Example:
        >>> _ends_before("rebuttal from Tokyo", 14, "from"), _ends_before("rebuttal from Tokyo", 14, "to")
        (True, False)
    """
    while i > 0 and text[i - 1].isspace():
        i -= 1
    return text.endswith(words, 0, i)


def _starts_after(text: str, j: int, words: str) -> bool:
    """Whether ``text[j:]``, spaces at its start left out, starts with ``words``; without copying ``text``.

    Example:
        >>> _starts_after("Tokyo said no", 5, "said"), _starts_after("Tokyo said no", 5, "no")
        (True, False)
    """
    while j < len(text) and text[j].isspace():
        j += 1
    return text.startswith(words, j)


_SENTENCE_END = re.compile(r"[.!?][\"'\u201d\u2019]?(?=\s+[\"'\u201c\u2018]?[A-Z0-9])")
_SPACES = re.compile(r"\s*")
_WORD = re.compile(r"\S+")


def _split_sentences(raw: str, para: Span) -> list[Span]:
    """The sentences of paragraph ``para``, as raw spans; in time linear in the paragraph's length.

    A full stop after an abbreviation (``Mr.``, ``U.S.``) or a single letter (an initial) ends no sentence.

    Example:
        >>> text = "Mr. A. Smith said so. 90 boats were seized! Really?"
        >>> [s.text for s in _split_sentences(text, Span(0, len(text), text))]
        ['Mr. A. Smith said so.', '90 boats were seized!', 'Really?']
    """
    text = para.text
    word_starts = [w.start() for w in _WORD.finditer(text)]
    out = []
    begin = 0
    for m in _SENTENCE_END.finditer(text):
        token = _last_word(text, begin, m.start(), word_starts).lower().lstrip("\"'\u201c\u2018(")
        if token in _ABBREVIATIONS or re.fullmatch(r"[a-z]", token):
            continue
        end = m.end()
        out.append((begin, end))
        begin = _SPACES.match(text, end).end()
    if begin < len(text.rstrip()):
        out.append((begin, len(text.rstrip())))
    return [Span(para.start + a, para.start + b, raw[para.start + a:para.start + b]) for a, b in out]


def _last_word(text: str, begin: int, end: int, word_starts: list[int]) -> str:
    """The word (run of non-spaces) that ends ``text[begin:end]``, or just before its final newline; else "".

    The same word as ``re.search(r"(\\S+)$", text[begin:end])`` finds, without copying the text or
    trying every start inside a long run: ``word_starts`` are the starts of ``text``'s runs, in order.

    Example:
        >>> text = "See Mr. Smith"
        >>> starts = [0, 4, 8]
        >>> _last_word(text, 0, 6, starts), _last_word(text, 5, 6, starts), _last_word(text, 0, 4, starts)
        ('Mr', 'r', '')
    """
    if end > begin and text[end - 1] == "\n":
        end -= 1
    if end <= begin or text[end - 1].isspace():
        return ""
    start = word_starts[bisect.bisect_right(word_starts, end - 1) - 1]
    return text[max(start, begin):end]


_EXAMPLES = {"published": "2019-07-12", "outlet": "Yonhap News Agency", "timezone": "Asia/Seoul"}


def _missing_date_hint(art: Article) -> str:
    date = (art._layers.get("dateline") or {}).get("date_text")
    if date:
        return (f"The dateline gives {date!r} but no year; give the date as --published, in the front "
                "matter (published: YYYY-MM-DD) or in the annotation's article: block.")
    return ("Give it as --published (or the notebook parameter `published`), in the front matter "
            "(published: YYYY-MM-DD) or in the annotation's article: block.")


def _first(layers: dict, key: str, sources=SOURCES) -> tuple[object, str]:
    for src in sources:
        value = (layers.get(src) or {}).get(key)
        if value not in (None, ""):
            return value, src
    return None, ""


def _tzinfo(zone: str):
    m = re.fullmatch(r"UTC([+-])(\d\d):(\d\d)", zone)
    if m:
        sign = 1 if m.group(1) == "+" else -1
        return dt.timezone(sign * dt.timedelta(hours=int(m.group(2)), minutes=int(m.group(3))))
    return zone


def _offset_label(offset: dt.timedelta) -> str:
    sign = "-" if offset < dt.timedelta(0) else "+"
    minutes = abs(int(offset.total_seconds())) // 60
    return f"UTC{sign}{minutes // 60:02d}:{minutes % 60:02d}"


def _table_zone(outlet: str, url: str, city: str, day: dt.date | None) -> tuple[str, str]:
    """The zone from the outlet table, else from the dateline's city; else ("", why not)."""
    import zoneinfo

    entry = outlet_zone(outlet, url)
    if entry and entry[1]:
        return entry[1], f"the outlet table ({entry[0]})"
    cities = [c.strip() for c in city.split("/") if c.strip()]
    zones = [city_zone(c) for c in cities]
    if cities and all(zones):
        when = dt.datetime.combine(day or dt.date.today(), dt.time(12))
        offsets = {zoneinfo.ZoneInfo(z).utcoffset(when) for z in zones}
        if len(offsets) == 1:
            why = f"the dateline's city {cities[0]}" if len(cities) == 1 else \
                f"the dateline's first city {cities[0]} (its cities share one clock)"
            return zones[0], why
        return "", f"the dateline's cities {city} are in different time zones"
    wire = f"{entry[0]} files from everywhere and " if entry else \
        (f"the outlet {outlet!r} is not in the outlet table and " if outlet else "no outlet is given and ")
    place = f"the dateline city {city!r} is not in the city table" if city else "there is no dateline city"
    return "", wire + place


def _zone(art: Article, pub: Published | None) -> tuple[str, str]:
    explicit, src = _first(art._layers, "timezone", ("options", "front matter", "annotation"))
    if explicit:
        return explicit, _FROM[src]
    zone, why = _table_zone(art.outlet, art.url, art.dateline_city, pub.date if pub else None)
    if pub is not None and pub.offset is not None:
        if zone:
            import zoneinfo

            local = dt.datetime.combine(pub.date, pub.time or dt.time(12), tzinfo=dt.timezone(pub.offset))
            if local.astimezone(zoneinfo.ZoneInfo(zone)).utcoffset() == pub.offset:
                return zone, why + ", agreeing with the offset written in the publication time"
        return _offset_label(pub.offset), "the UTC offset written in the publication time"
    return zone, why


def _timestamp(art: Article, pub: Published | None, zone: str):
    import pandas as pd

    if pub is None:
        return None, ""
    if pub.time is None:
        return pd.Timestamp(pub.date), "day"
    moment = dt.datetime.combine(pub.date, pub.time)
    if pub.offset is not None:
        ts = pd.Timestamp(moment.replace(tzinfo=dt.timezone(pub.offset)))
        return (ts.tz_convert(_tzinfo(zone)) if zone else ts), "minute"
    if not zone:
        return pd.Timestamp(moment), "minute"
    tz = _tzinfo(zone)
    if isinstance(tz, str):
        import zoneinfo

        local = [moment.replace(tzinfo=zoneinfo.ZoneInfo(zone), fold=f) for f in (0, 1)]
        back = [t.astimezone(dt.UTC).astimezone(zoneinfo.ZoneInfo(zone)).replace(tzinfo=None) for t in local]
        what = ("never happened there: the clocks jumped forward" if back[0] != moment
                else "happened twice there: the clocks went back" if local[0].utcoffset() != local[1].utcoffset()
                else "")
        if what:
            raise MetadataError(f"{art.path.name}: {pub.text!r} in {zone} {what}; write the time with its UTC "
                                "offset", field="published", source="",
                                fix="e.g. published: 2019-11-03T01:30:00-04:00")
    return pd.Timestamp(moment).tz_localize(tz), "minute"


def _settle(art: Article) -> Article:
    """Weigh the metadata of every source (strongest first) into the article's fields."""
    layers = art._layers
    pub, pub_src = _first(layers, "published")
    outlet, outlet_src = _first(layers, "outlet", SOURCES[:4])
    if outlet:
        outlet_from = _FROM[outlet_src]
    elif art.dateline_source:
        outlet, outlet_from = art.dateline_source, "the dateline's credit"
    else:
        outlet, outlet_from = "", "no source names the outlet"
    art = dataclasses.replace(art, outlet=outlet, outlet_from=outlet_from)
    zone, zone_from = _zone(art, pub)
    published, precision = _timestamp(art, pub, zone)
    span = (layers.get(pub_src) or {}).get("published_span") if pub_src else None
    return dataclasses.replace(art, published=published, published_precision=precision,
                               published_from=_FROM.get(pub_src, ""), date_span=span,
                               timezone=zone, timezone_from=zone_from)


def _options_layer(published, outlet, timezone) -> dict:
    layer = {}
    if published not in (None, ""):
        try:
            layer["published"] = parse_published(published)
        except ClockError as exc:
            raise MetadataError(f"published given as an option or notebook parameter: {exc}",
                                field="published", source="options") from None
    if outlet not in (None, ""):
        layer["outlet"] = " ".join(str(outlet).split())
    if timezone not in (None, ""):
        try:
            layer["timezone"] = check_timezone(timezone)
        except ClockError as exc:
            raise MetadataError(f"timezone given as an option or notebook parameter: {exc}",
                                field="timezone", source="options") from None
    return layer


#: C0 control characters other than tab, line feed and carriage return: not text (a NUL from a binary file,
#: a form feed from a PDF); they would end up in drafts, tables and pages.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")
_CONTROL_NAMES = {0x00: "NUL", 0x07: "BEL", 0x08: "backspace", 0x0B: "vertical tab", 0x0C: "form feed",
                  0x1B: "ESC"}


def refuse_control_characters(path: Path, raw: str) -> None:
    """Refuse an article that holds a control character (other than tab and line breaks), naming its line.

    Raises:
        ArticleFormatError: The file, line and column of the first one, how many there are, and the fix.

    Example:
        >>> refuse_control_characters(Path("a.txt"), "Title\\n\\nBody\\ttext.\\r\\n")
        >>> refuse_control_characters(Path("a.txt"), "Title\\n\\nBo\\x00dy.")
        Traceback (most recent call last):
        ...
        exportrow.capture.ArticleFormatError: a.txt, line 3, column 3: the article holds the control character \
U+0000 (NUL), which is not text; fix: delete it (an editor may show it as ^@ or <0x00>) and save the file as \
plain UTF-8 text, e.g. tr -d '\\000-\\010\\013\\014\\016-\\037' < a.txt > a-clean.txt
    """
    m = _CONTROL.search(raw)
    if m is None:
        return
    line = raw.count("\n", 0, m.start()) + 1
    column = m.start() - (raw.rfind("\n", 0, m.start()) + 1) + 1
    code = ord(m.group())
    name = _CONTROL_NAMES.get(code, "a control character")
    more = len(_CONTROL.findall(raw)) - 1
    also = f" (and {more:,} more)" if more else ""
    caret = "^" + chr(code + 64)
    raise ArticleFormatError(
        f"{path}, line {line}, column {column}: the article holds the control character U+{code:04X} ({name}){also}, "
        f"which is not text; fix: delete it (an editor may show it as {caret} or <0x{code:02x}>) and save the file "
        f"as plain UTF-8 text, e.g. tr -d '\\000-\\010\\013\\014\\016-\\037' < {path.name} > "
        f"{path.stem}-clean{path.suffix}")


def load_article(path: str | Path | None = None, *, published: str | None = None, outlet: str | None = None,
                 timezone: str | None = None) -> Article:
    """Read a captured article in any of the three capture forms.

    Args:
        path: The article file; None (or ``""``) means the bundled Nikkei article.
        published: ISO date or date-time overriding every other source (the ``--published`` option).
        outlet: The outlet's name, overriding every other source (``--outlet``).
        timezone: IANA zone of the outlet's clock, overriding every other source (``--timezone``).

    Returns:
        The :class:`Article`. Its ``published`` is None when nothing in the file or the options
        dates it; the annotation's ``article:`` block may still do so (see :func:`Article.with_annotation_block`).

    Raises:
        ArticleFormatError: The file is missing, not a regular file, too large, not UTF-8, or not
            in a capture form; a date or time in it does not exist. The message names the line.
        MetadataError: An option's value cannot be used (exit code 2).

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

    from exportrow.files import MAX_ARTICLE_BYTES, InputFileError, read_text

    options = _options_layer(published, outlet, timezone)
    path = Path(path) if path else paths.default_article()
    try:
        raw, data = read_text(path, what="article", limit=MAX_ARTICLE_BYTES)
    except InputFileError as exc:
        raise ArticleFormatError(str(exc)) from None
    refuse_control_characters(path, raw)
    cap = parse_capture(path, raw)
    d: Dateline | None = cap.dateline
    sentences = [s for para in cap.paragraphs for s in _split_sentences(raw, para)]
    art = Article(path=path, raw=raw, sha256=hashlib.sha256(data).hexdigest(), title=cap.title, outlet="",
                  label=cap.label, dateline=d.text if d else "", published=None, paragraphs=cap.paragraphs,
                  sentences=sentences, navigation=cap.navigation, date_span=None, form=cap.form,
                  byline=cap.byline, url=cap.url, language=cap.language, front_matter=cap.front_matter,
                  dateline_city=d.city if d else "", dateline_source=d.source if d else "",
                  dateline_date=d.date if d else "", dateline_span=cap.dateline_span,
                  _layers={**cap.layers, "options": options}, _body_start=cap.body_start)
    try:
        art = _settle(art)
    except MetadataError as exc:
        raise ArticleFormatError(f"{path}: {exc}".replace(f"{path}: {path.name}: ", f"{path}: ")) from None
    # The searchable text is the body only (with the dateline), folded, with offsets into the raw text.
    body_end = cap.paragraphs[-1].end
    folded, where_ = normalize(raw[cap.body_start:body_end])
    art._folded = folded
    art._where = [cap.body_start + w for w in where_]
    return art
