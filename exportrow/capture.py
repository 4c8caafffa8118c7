"""Read the three capture forms of an article file, and recognise datelines.

A capture is UTF-8 text in one of three forms (``docs/annotating.md`` shows each):

``front matter`` (the documented form for new articles)
    A YAML block between two ``---`` lines with ``title``, ``outlet``, ``published`` (ISO 8601
    date, or date-time with its offset), optional ``timezone`` (IANA), ``url``, ``byline``,
    ``dateline``, ``language``; then the body, paragraphs separated by blank lines.
    ``exportrow import`` writes this form, with the saved page's own ``page_sha256``.
``header`` (the bundled Nikkei page)
    An optional ``print PRINT`` line, the title, bullet lines with the date, the outlet and
    time and a label, the body (one paragraph a line) and site navigation as bullet lines.
``body only``
    Paragraphs and nothing else; the publication date, outlet and zone then come from
    options, notebook parameters or the annotation's ``article:`` block.

A dateline (``SEOUL, July 12 (Yonhap) --``, ``TOKYO (Kyodo) -``, ``SEOUL/TOKYO —``) at the
start of the first paragraph is kept as metadata, outside the body. Every span is a pair of
character offsets into the decoded text (a byte-order mark is not part of it).
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field

from exportrow.clock import ClockError, header_published, parse_published
from exportrow.errors import SUGGEST_CUTOFF, ExportrowError

__all__ = ["ArticleFormatError", "Span", "Dateline", "Capture", "FRONT_MATTER_FIELDS", "find_dateline",
           "parse_capture", "yaml_loader"]

#: The fields of a front-matter capture, and what each holds.
FRONT_MATTER_FIELDS = {
    "title": "the headline",
    "outlet": "the outlet that published the article",
    "published": "ISO 8601 date (2019-07-12) or date-time with its offset (2019-07-12T07:30:00+09:00)",
    "timezone": "IANA time zone of the outlet's clock, e.g. Asia/Seoul (optional)",
    "url": "where the article was published",
    "byline": "the author(s) as the article names them",
    "dateline": "the dateline, e.g. 'SEOUL, July 12 (Yonhap)'",
    "language": "language code, e.g. en",
    "page_sha256": "sha256 of the saved web page it was imported from (written by exportrow import)",
    "imported_by": "the tool that wrote the capture (written by exportrow import)",
    "note": "anything a reader of the capture should know",
}

_MONTH_NAMES = ("January|February|March|April|May|June|July|August|September|October|November|December"
                "|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec")


class ArticleFormatError(ExportrowError, ValueError):
    """The article file is not in a capture form (says which file, which line and what is wrong)."""


@dataclass(frozen=True)
class Span:
    """A passage of the raw text: ``raw[start:end] == text``."""

    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Dateline:
    """A dateline: its words, city (or cities), date as written, and the credited source.

    Example:
        >>> find_dateline("SEOUL, July 12 (Yonhap) -- South Korea said ...")
        Dateline(text='SEOUL, July 12 (Yonhap)', city='SEOUL', date='July 12', source='Yonhap', end=27)
    """

    text: str
    city: str
    date: str
    source: str
    end: int  # where the body starts, after the dash and the space


@functools.cache
def _dateline_pattern() -> re.Pattern:
    caps = r"[A-Z][A-Z.'\u2019-]*(?: [A-Z][A-Z.'\u2019-]*){0,3}"
    mixed = r"[A-Z][a-z]+(?: [A-Z][a-z]+){0,2}"
    region = rf"(?:,\s*(?!(?:{_MONTH_NAMES})\b)[A-Z][A-Za-z.]*(?: [A-Z][A-Za-z.]*){{0,2}})?"
    date = rf"(?:,\s*(?P<date>(?:{_MONTH_NAMES})\.? \d{{1,2}}(?:, \d{{4}})?))?"
    source = r"(?:\s*\((?P<source>[A-Z][^()\n]{0,40})\))?"
    dash = r"\s*(?:--|[\u2014\u2013\u2015\u2012-])(?:\s+|$)"
    return re.compile(rf"(?P<caps>{caps}(?:\s*/\s*{caps})*)?(?P<mixed>{mixed})?{region}{date}{source}{dash}")


def find_dateline(text: str) -> Dateline | None:
    """The dateline at the start of ``text`` (a first paragraph), or None.

    A city in capitals may stand alone (``SEOUL/TOKYO —``); a city in mixed case needs a date
    or a credited source (``Tokyo (Kyodo) -``), so that an ordinary sentence is never taken
    for a dateline.

    Examples:
        >>> find_dateline("SEOUL/TOKYO \u2014 Seoul has pointed").city
        'SEOUL/TOKYO'
        >>> d = find_dateline("TAIPEI, Taiwan, July 12, 2019 (CNA) \u2013 The ministry")
        >>> d.city, d.date, d.source
        ('TAIPEI', 'July 12, 2019', 'CNA')
        >>> find_dateline("Tokyo (Kyodo) - Japan said").city
        'Tokyo'
        >>> find_dateline("Seoul has pointed - to its record") is None
        True
    """
    m = _dateline_pattern().match(text)
    if not m or not (m["caps"] or m["mixed"]) or (m["caps"] and m["mixed"]):
        return None
    if m["mixed"] and not (m["date"] or m["source"]):
        return None
    if m["caps"] and len(m["caps"].replace("/", "").replace(" ", "")) < 2:
        return None
    words = text[:m.end()].rstrip()
    words = re.sub(r"\s*(?:--|[\u2014\u2013\u2015\u2012-])$", "", words).rstrip()
    city = " ".join((m["caps"] or m["mixed"]).split()).replace(" /", "/").replace("/ ", "/")
    return Dateline(words, city, m["date"] or "", (m["source"] or "").strip(), m.end())


@dataclass
class Capture:
    """What a capture file says, before the metadata from other sources is weighed.

    ``layers`` holds the metadata each part of the file gives, by source name (``front matter``,
    ``capture header``, ``dateline``): ``published`` (:class:`~exportrow.clock.Published`),
    ``published_span``, ``outlet``, ``timezone``.
    """

    form: str
    title: str = ""
    label: str = ""
    byline: str = ""
    url: str = ""
    language: str = ""
    front_matter: dict = field(default_factory=dict)
    paragraphs: list[Span] = field(default_factory=list)
    navigation: list[str] = field(default_factory=list)
    dateline: Dateline | None = None
    dateline_span: Span | None = None
    layers: dict = field(default_factory=dict)
    body_start: int = 0
    notes: list[str] = field(default_factory=list)


def _lines(raw: str) -> list[tuple[int, str]]:
    out, pos = [], 0
    for line in raw.splitlines(keepends=True):
        out.append((pos, line.rstrip("\r\n")))
        pos += len(line)
    return out


def _line_no(raw: str, offset: int) -> int:
    return raw.count("\n", 0, offset) + 1


@functools.cache
def _header_patterns() -> dict[str, re.Pattern]:
    return {
        "bullet": re.compile(r"^\s*[\u2022\u00b7*]\s*(.*?)\s*$"),
        "date": re.compile(r"^[A-Z][a-z]+\.? \d{1,2}, \d{1,4}$"),
        "time": re.compile(r"^\d{1,2}:\d{2}(?:\s*[ap]\.?\s?m\.?)?$", re.I),
    }


def _is_header(nonblank: list[tuple[int, str]]) -> bool:
    """A title line followed by a bullet line: the bundled capture's header."""
    pat = _header_patterns()
    return len(nonblank) >= 2 and not pat["bullet"].match(nonblank[0][1]) and bool(pat["bullet"].match(nonblank[1][1]))


def _header_meta(path, raw: str, meta: list[tuple[int, str]], cap: Capture) -> None:
    pat = _header_patterns()
    date = time = None
    outlet = ""
    for p, t in meta:
        item = pat["bullet"].match(t).group(1)
        line = _line_no(raw, p)
        if pat["date"].match(item):
            off = p + t.index(item)
            date = (item, line, Span(off, off + len(item), item))
        elif item.startswith(","):
            for part in (x.strip() for x in item.split(",")):
                if pat["time"].match(part) or re.match(r"^\d{1,2}:\d{2}", part):
                    time = (part, line)
                elif part and not outlet:
                    outlet = part
        elif item:
            cap.label = item
    if date is None:
        near = next((pat["bullet"].match(t).group(1) for _, t in meta
                     if re.match(r"^\S+ \d{1,2}, \d{1,4}$", pat["bullet"].match(t).group(1))), "")
        why = f" ({near!r} is not an English month and day)" if near else ""
        raise ArticleFormatError(f"{path}: no date bullet like '  \u2022 July 12, 2019' after the title{why}. "
                                 "(A title followed by bullet lines is read as the bundled header form; "
                                 "for other articles use front matter, see docs/annotating.md.)")
    if not outlet:
        raise ArticleFormatError(f"{path}: no outlet bullet like '  \u2022 , Nikkei Asian Review , 7:30 a.m.'.")
    try:
        published = header_published(date[0])
    except ClockError as exc:
        raise ArticleFormatError(f"{path}, line {date[1]}: {exc}; fix the date bullet") from None
    if time:
        try:
            published = header_published(date[0], time[0])
        except ClockError as exc:
            raise ArticleFormatError(f"{path}, line {time[1]}: {exc}; fix the time in the outlet bullet") from None
    cap.layers["capture header"] = {"published": published, "published_span": date[2], "outlet": outlet}


def _parse_header(path, raw: str, nonblank: list[tuple[int, str]]) -> Capture:
    pat = _header_patterns()
    cap = Capture(form="header", title=nonblank[0][1].strip())
    i = 1
    meta = []
    while i < len(nonblank) and pat["bullet"].match(nonblank[i][1]):
        meta.append(nonblank[i])
        i += 1
    _header_meta(path, raw, meta, cap)
    body = []
    while i < len(nonblank) and not pat["bullet"].match(nonblank[i][1]):
        body.append(nonblank[i])
        i += 1
    if not body:
        raise ArticleFormatError(f"{path}: no body paragraphs after the bullet lines.")
    cap.navigation = [pat["bullet"].match(t).group(1) for _, t in nonblank[i:] if pat["bullet"].match(t)]
    cap.paragraphs = [Span(p + len(t) - len(t.lstrip()), p + len(t.rstrip()), t.strip()) for p, t in body]
    cap.body_start = body[0][0]
    return cap


def _paragraph_blocks(raw: str, lines: list[tuple[int, str]]) -> list[Span]:
    """Paragraphs separated by blank lines; a paragraph may run over several lines."""
    out, block = [], []
    for p, t in [*lines, (len(raw), "")]:
        if t.strip():
            block.append((p, t))
            continue
        if block:
            start = block[0][0] + len(block[0][1]) - len(block[0][1].lstrip())
            end = block[-1][0] + len(block[-1][1].rstrip())
            out.append(Span(start, end, raw[start:end]))
            block = []
    return out


@functools.cache
def yaml_loader():
    """A safe YAML loader (libyaml's when available) that leaves dates as text, checked later with a clear message."""
    import yaml

    base = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

    class Loader(base):
        pass

    Loader.yaml_implicit_resolvers = {
        k: [(tag, rx) for tag, rx in v if tag != "tag:yaml.org,2002:timestamp"]
        for k, v in base.yaml_implicit_resolvers.items()}
    return Loader


def _read_front_matter(path, raw: str, lines: list[tuple[int, str]]) -> tuple[dict, int, dict[str, int]]:
    """The front matter mapping, the index of the closing line, and each key's line number."""
    import yaml

    from exportrow.files import excerpt

    close = next((k for k in range(1, len(lines)) if lines[k][1].rstrip() in ("---", "...")), None)
    if close is None:
        raise ArticleFormatError(f"{path}: the front matter opened on line 1 is never closed; "
                                 "end it with a line '---' before the body")
    text = "\n".join(t for _, t in lines[1:close])
    loader = yaml_loader()
    try:
        for tok in yaml.scan(text, Loader=loader):
            if isinstance(tok, (yaml.AliasToken, yaml.AnchorToken)):
                raise ArticleFormatError(f"{path}, line {tok.start_mark.line + 2}: YAML anchors and aliases "
                                         "(& and *) are not accepted in front matter; write each value out")
        doc = yaml.load(text, Loader=loader) if text.strip() else {}
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f", line {mark.line + 2}" if mark else ""
        what = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise ArticleFormatError(f"{path}{where}: the front matter is not valid YAML ({what}); "
                                 "quote any value holding ': ' or '#'") from None
    if doc is None:
        doc = {}
    if not isinstance(doc, dict):
        raise ArticleFormatError(f"{path}, line 2: the front matter must be 'key: value' lines "
                                 f"such as 'title: ...', not {excerpt(doc)}")
    key_lines = {}
    for k in range(1, close):
        m = re.match(r"^([^\s:#][^:]*?)\s*:", lines[k][1])
        if m:
            key_lines.setdefault(m.group(1).strip("'\""), k + 1)
    return doc, close, key_lines


def _front_matter_value(path, key, value, line: int) -> str:
    from exportrow.files import excerpt

    if isinstance(value, bool) or not isinstance(value, (str, int, float)):
        if value is None:
            return ""
        raise ArticleFormatError(f"{path}, line {line}: {key}: must be text, not {excerpt(value)}")
    return " ".join(str(value).split())


def _value_span(raw: str, lines: list[tuple[int, str]], line: int, value: str) -> Span | None:
    p, t = lines[line - 1]
    i = t.find(value, t.index(":") + 1) if ":" in t else -1
    return Span(p + i, p + i + len(value), value) if i >= 0 else None


def _parse_front_matter(path, raw: str, lines: list[tuple[int, str]]) -> Capture:
    import difflib

    doc, close, key_lines = _read_front_matter(path, raw, lines)
    cap = Capture(form="front matter")
    values = {}
    for key, value in doc.items():
        line = key_lines.get(str(key), 2)
        if key not in FRONT_MATTER_FIELDS:
            near = difflib.get_close_matches(str(key), list(FRONT_MATTER_FIELDS), n=1, cutoff=SUGGEST_CUTOFF)
            hint = f"did you mean '{near[0]}'?" if near else f"the fields are: {', '.join(FRONT_MATTER_FIELDS)}"
            raise ArticleFormatError(f"{path}, line {line}: unknown front matter field {str(key)[:40]!r}; {hint}")
        values[key] = _front_matter_value(path, key, value, line)
    cap.front_matter = values
    cap.title, cap.byline = values.get("title", ""), values.get("byline", "")
    cap.url, cap.language = values.get("url", ""), values.get("language", "")
    layer = {"outlet": values.get("outlet", ""), "timezone": values.get("timezone", "")}
    if values.get("published"):
        line = key_lines.get("published", 2)
        try:
            layer["published"] = parse_published(values["published"])
        except ClockError as exc:
            raise ArticleFormatError(f"{path}, line {line}: published: {exc}") from None
        layer["published_span"] = _value_span(raw, lines, line, values["published"])
    if layer["timezone"]:
        from exportrow.clock import check_timezone

        try:
            check_timezone(layer["timezone"])
        except ClockError as exc:
            raise ArticleFormatError(f"{path}, line {key_lines.get('timezone', 2)}: timezone: {exc}") from None
    cap.layers["front matter"] = layer
    body = lines[close + 1:]
    cap.paragraphs = _paragraph_blocks(raw, body)
    if not cap.paragraphs:
        raise ArticleFormatError(f"{path}: no body paragraphs after the front matter (line {close + 1}).")
    cap.body_start = cap.paragraphs[0].start
    return cap


def _parse_body_only(path, raw: str, lines: list[tuple[int, str]]) -> Capture:
    cap = Capture(form="body only")
    cap.paragraphs = _paragraph_blocks(raw, lines)
    cap.body_start = cap.paragraphs[0].start
    return cap


def _take_dateline(path, raw: str, cap: Capture) -> None:
    """Move a dateline at the start of the first paragraph out of the body, into metadata."""
    first = cap.paragraphs[0]
    d = find_dateline(first.text)
    if d is None and cap.front_matter.get("dateline"):
        cap.dateline = find_dateline(cap.front_matter["dateline"] + " -- ") or Dateline(
            cap.front_matter["dateline"], "", "", "", 0)
        return
    if d is None:
        return
    cap.dateline = d
    cap.dateline_span = Span(first.start, first.start + len(d.text), d.text)
    rest = Span(first.start + d.end, first.end, first.text[d.end:])
    cap.paragraphs = ([rest] if rest.text.strip() else []) + cap.paragraphs[1:]
    if not cap.paragraphs:
        raise ArticleFormatError(f"{path}: the body holds only the dateline {d.text!r}; no paragraphs after it.")
    if d.date:
        m = re.fullmatch(r"(\w+)\.? (\d{1,2}), (\d{4})", d.date)
        layer = {"date_text": d.date}
        if m:
            try:
                layer["published"] = header_published(d.date)
                layer["published_span"] = Span(first.start + d.text.index(d.date),
                                               first.start + d.text.index(d.date) + len(d.date), d.date)
            except ClockError as exc:
                raise ArticleFormatError(f"{path}, line {_line_no(raw, first.start)}: the dateline's date "
                                         f"{exc}") from None
        cap.layers["dateline"] = layer


def parse_capture(path, raw: str) -> Capture:
    """Read any of the three capture forms from the decoded text ``raw`` of ``path``.

    Raises:
        ArticleFormatError: The message names the file, the line and the fix.

    Examples:
        >>> cap = parse_capture("a.txt", "---\\ntitle: T\\noutlet: Yonhap\\npublished: 2019-07-12\\n---\\n"
        ...                     "SEOUL, July 12 (Yonhap) -- Seoul said 3 things.\\n\\nMore.\\n")
        >>> cap.form, cap.dateline.city, [p.text for p in cap.paragraphs]
        ('front matter', 'SEOUL', ['Seoul said 3 things.', 'More.'])
        >>> parse_capture("b.txt", "Only a body.\\n").form
        'body only'
    """
    lines = _lines(raw)
    if not raw.strip():
        raise ArticleFormatError(f"{path}: the article is empty; save the article's text in it")
    if lines[0][1].rstrip() == "---":
        cap = _parse_front_matter(path, raw, lines)
    else:
        nonblank = [(p, t) for p, t in lines if t.strip()]
        if nonblank and nonblank[0][1].strip().lower().startswith("print"):
            nonblank = nonblank[1:]
        cap = _parse_header(path, raw, nonblank) if _is_header(nonblank) else _parse_body_only(path, raw, lines)
    _take_dateline(path, raw, cap)
    return cap
