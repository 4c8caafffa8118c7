"""``exportrow import PAGE.html --out data/raw/NAME.txt``: a saved news web page becomes a front-matter capture.

`trafilatura <https://trafilatura.readthedocs.io>`_ finds the page's main text and its metadata
(title, date, site name, author, canonical URL); exportrow writes them as a capture in the
documented front-matter form (:mod:`exportrow.capture`) and keeps the page's own sha256 in
``page_sha256``, so that anyone can tell which saved page the capture came from.

The page is hostile input: only its extracted text is kept (no markup, no script), it is read
only if it is a regular file under :data:`~exportrow.files.MAX_PAGE_BYTES`, and the capture is
parsed back before it is written. A URL argument is fetched once (with a time limit and the
same size cap) when the machine has a network; nothing else here touches the network.

Output files are never lost: an existing ``--out`` is refused unless ``--force`` is given, and
even then only a capture that ``exportrow import`` itself wrote (its front matter says
``imported_by: exportrow import``) and that nobody has edited since: the capture's second line, a
YAML comment, records the SHA-256 of every other line (:mod:`exportrow.checksum`), and a capture
whose text no longer matches it (say, a sentence corrected by hand), or one an older exportrow
wrote without that line, is left as it is, ``--force`` or not. A hand-made capture may be the
article an annotation's sha256 points at, so it is never overwritten.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import stat
import sys
from pathlib import Path

from exportrow.errors import ExportrowError, UsageError
from exportrow.files import MAX_PAGE_BYTES, InputFileError, shown_path

__all__ = ["ImportError_", "page_to_capture", "import_page", "register", "IMPORTED_BY"]

#: The mark an imported capture carries in its front matter; ``--force`` replaces only files with it.
IMPORTED_BY = "exportrow import"
#: The capture's second line (a YAML comment): the SHA-256 of every other line, so that an edit shows.
CHECKSUM_MARK = "# sha256 of every other line, so that `import --force` never replaces an edited capture: "


class ImportError_(ExportrowError, ValueError):
    """The page holds no article text trafilatura can find, or cannot be fetched."""


def read_page(path: str | Path) -> bytes:
    """The bytes of a saved page: a regular file of at most :data:`MAX_PAGE_BYTES`.

    Example:
        >>> read_page("/dev/zero")
        Traceback (most recent call last):
        ...
        exportrow.files.InputFileError: /dev/zero: the saved web page is not a regular file; name an .html file
    """
    path = Path(path)
    try:
        st = os.stat(path)
    except FileNotFoundError:
        raise InputFileError(f"{path}: no such saved web page; check the path") from None
    except OSError as exc:
        raise InputFileError(f"{path}: cannot read the saved web page ({exc.strerror})") from None
    if not stat.S_ISREG(st.st_mode):
        raise InputFileError(f"{path}: the saved web page is not a regular file; name an .html file")
    if st.st_size > MAX_PAGE_BYTES:
        raise InputFileError(f"{path}: the saved web page is {st.st_size:,} bytes, more than the "
                             f"{MAX_PAGE_BYTES:,} accepted")
    with open(path, "rb") as fh:
        data = fh.read(MAX_PAGE_BYTES + 1)
    if len(data) > MAX_PAGE_BYTES:
        raise InputFileError(f"{path}: the saved web page is more than the {MAX_PAGE_BYTES:,} bytes accepted")
    return data


def fetch_page(url: str, timeout: float = 30.0) -> bytes:
    """Download one page (for a URL argument; the tests never call this)."""
    import urllib.request

    req = urllib.request.Request(url, headers={"User-Agent": "exportrow-import"})
    try:
        with urllib.request.urlopen(req, timeout=timeout) as resp:  # noqa: S310 - http(s) only, checked by caller
            data = resp.read(MAX_PAGE_BYTES + 1)
    except OSError as exc:
        raise ImportError_(f"{url}: cannot fetch the page ({getattr(exc, 'reason', exc)}); save it from "
                           "your browser and import the saved file instead") from None
    if len(data) > MAX_PAGE_BYTES:
        raise ImportError_(f"{url}: the page is more than the {MAX_PAGE_BYTES:,} bytes accepted")
    return data


def _published_time(tree, day: str) -> str:
    """The page's own date-time with its offset, when it agrees with trafilatura's date; else ``day``."""
    values = tree.xpath('//meta[@property="article:published_time" or @name="article:published_time" '
                        'or @itemprop="datePublished"]/@content')
    for v in values:
        v = str(v).strip()
        if re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d(?::\d\d)?(?:\.\d+)?(?:Z|[+-]\d\d:?\d\d)", v) and v[:10] == day:
            return re.sub(r"\.\d+", "", v)
    return day


def _site_name(tree) -> str:
    """The page's ``og:site_name`` as written (trafilatura title-cases a name in lower case and drops a leading
    ``@``, changing the outlet's own words), or ``""``.

    Example:
        >>> import lxml.html
        >>> _site_name(lxml.html.fromstring("<html><head><meta property='og:site_name' content=' the  wire'></head>"
        ...                                 "<body><p>x</p></body></html>"))
        'the wire'
    """
    for value in tree.xpath('//head/meta[@property="og:site_name"]/@content'):
        value = " ".join(str(value).split())
        if value:
            return value
    return ""


def _language(tree) -> str:
    lang = tree.xpath("/html/@lang")
    return str(lang[0]).strip()[:12] if lang else ""


def page_to_capture(data: bytes, *, source: str = "", outlet: str = "", published: str = "",
                    timezone: str = "") -> str:
    """The front-matter capture (text) of a saved page's bytes.

    Args:
        data: The page as saved.
        source: Where it came from (a file name or URL), for messages.
        outlet, published, timezone: Override what the page says (the options of ``exportrow import``).

    Raises:
        ImportError_: trafilatura finds no article text.

    Example:
        >>> page = (b"<html lang='en'><head><title>T</title><meta property='og:site_name' content='Example Wire'>"
        ...         b"</head><body><article><h1>Ships wait</h1><p>FREEDON (Example Wire) -- Twelve ships "
        ...         b"waited at the border on Monday, officials said.</p><script>alert(1)</script>"
        ...         b"<p>The queue cleared by the evening.</p></article></body></html>")
        >>> print(page_to_capture(page, published="2024-05-14"))  # doctest: +ELLIPSIS
        ---
        title: "Ships wait"
        outlet: "Example Wire"
        published: "2024-05-14"
        dateline: "FREEDON (Example Wire)"
        language: "en"
        page_sha256: "..."
        imported_by: "exportrow import (trafilatura ...)"
        ---
        FREEDON (Example Wire) -- Twelve ships waited at the border on Monday, officials said.
        <BLANKLINE>
        The queue cleared by the evening.
        <BLANKLINE>
    """
    import lxml.html
    import trafilatura

    from exportrow.capture import find_dateline

    doc = trafilatura.bare_extraction(data, with_metadata=True, include_comments=False, include_tables=False,
                                      include_images=False, favor_precision=True)
    meta = doc.as_dict() if doc is not None and hasattr(doc, "as_dict") else (doc or {})
    text = (meta.get("text") or "").strip()
    if not text:
        raise ImportError_(f"{source or 'the page'}: trafilatura found no article text in it; is it the "
                           "article's own page (not a list of headlines or a login page)?")
    try:
        tree = lxml.html.fromstring(data)
    except (ValueError, lxml.etree.ParserError):
        tree = None
    title = " ".join((meta.get("title") or "").split())
    lines = [" ".join(ln.split()) for ln in text.splitlines()]
    paragraphs = [ln for ln in lines if ln]
    if paragraphs and title and paragraphs[0] == title:
        paragraphs = paragraphs[1:]
    if not paragraphs:
        raise ImportError_(f"{source or 'the page'}: the page holds a title but no article text")
    day = meta.get("date") or ""
    fields = {
        "title": title,
        "outlet": outlet or (_site_name(tree) if tree is not None else "") or meta.get("sitename") or "",
        "published": published or (_published_time(tree, day) if tree is not None and day else day),
        "timezone": timezone,
        "url": meta.get("url") or (source if re.match(r"https?://", source) else ""),
        "byline": meta.get("author") or "",
        "dateline": (find_dateline(paragraphs[0]).text if find_dateline(paragraphs[0]) else ""),
        "language": meta.get("language") or (_language(tree) if tree is not None else ""),
        "page_sha256": hashlib.sha256(data).hexdigest(),
        "imported_by": f"{IMPORTED_BY} (trafilatura {trafilatura.__version__})",
    }
    head = [f"{k}: {json.dumps(' '.join(str(v).split()), ensure_ascii=False)}" for k, v in fields.items() if v]
    return "\n".join(["---", *head, "---", "\n\n".join(paragraphs), ""])


def _check_out(out: Path, force: bool) -> None:
    """exportrow's one rule for output files (:func:`exportrow.outdir.check_out_file`): a new file, or with
    ``--force`` a capture `exportrow import` wrote that still matches its checksum line; never a capture someone
    has edited since, nor one without that line, nor any other file (the bundled article least of all)."""
    from exportrow import paths
    from exportrow.outdir import check_out_file

    if out.resolve() == paths.default_article().resolve():
        raise UsageError(f"{out} is the bundled article; it is never replaced. Choose another --out.")
    check_out_file(out, "a capture that exportrow import wrote", _imported, force=force, unchanged=_unedited,
                   changed=_why_kept)


def _imported(path: Path) -> bool:
    head = path.read_text(encoding="utf-8", errors="replace")[:4000]
    return re.search(rf"^imported_by: \"?{re.escape(IMPORTED_BY)}\b", head, re.M) is not None


def _unedited(path: Path) -> bool:
    """Whether the capture at ``path`` is exactly as `exportrow import` wrote it (its checksum line matches)."""
    from exportrow.checksum import matches_checksum

    return matches_checksum(path, CHECKSUM_MARK)


def _why_kept(out: Path) -> str:
    """Why an imported capture is not replaced, even with ``--force`` (see :func:`_check_out`)."""
    from exportrow.checksum import has_checksum

    try:
        recorded = out.is_file() and not out.is_symlink() and has_checksum(out, CHECKSUM_MARK)
    except OSError:
        recorded = False
    if recorded:
        return ("is a capture that exportrow import wrote and someone has edited since the import (its text no "
                "longer matches the checksum on its second line), perhaps a correction by hand")
    return ("is a capture that exportrow import wrote without a checksum line (an older exportrow), so exportrow "
            "cannot tell whether someone has edited it since the import")


def _check_size(page: str, text: str) -> None:
    """Refuse a capture larger than an article may be (:data:`exportrow.files.MAX_ARTICLE_BYTES`), naming the page:
    every other command would refuse the file, so it is never written.

    Example:
        >>> _check_size("big.html", "x" * 2_000_001)
        Traceback (most recent call last):
        ...
        exportrow.importer.ImportError_: big.html: the article text trafilatura found makes a capture of 2,000,001 \
bytes, more than the 2,000,000 an article may have; save only the article's own page (not a page of many articles or \
of its comments), or import a shorter one
    """
    from exportrow.files import MAX_ARTICLE_BYTES

    size = len(text.encode("utf-8"))
    if size > MAX_ARTICLE_BYTES:
        raise ImportError_(f"{page}: the article text trafilatura found makes a capture of {size:,} bytes, more than "
                           f"the {MAX_ARTICLE_BYTES:,} an article may have; save only the article's own page (not a "
                           "page of many articles or of its comments), or import a shorter one")


def import_page(page: str, out: str | Path, *, force: bool = False, outlet: str = "", published: str = "",
                timezone: str = "") -> Path:
    """Import ``page`` (a saved file, or an http(s) URL) into the capture file ``out``.

    Raises:
        UsageError: ``out`` exists and may not be replaced (exit code 2).
        InputFileError, ImportError_: The page cannot be read, holds no article text, or more than an article may
            have (exit code 1); nothing is written.
        ArticleFormatError: The capture would not load (a bad ``--published`` or ``--timezone``).

    Example:
        >>> import tempfile
        >>> tmp = Path(tempfile.mkdtemp())
        >>> _ = (tmp / "page.html").write_text("<html><body><article><p>Twelve ships waited at the border "
        ...                                    "on Monday, officials said.</p></article></body></html>")
        >>> out = import_page(str(tmp / "page.html"), tmp / "a.txt", published="2024-05-14")
        >>> out.read_text().splitlines()[2]
        'published: "2024-05-14"'
        >>> import_page(str(tmp / "page.html"), tmp / "a.txt")
        Traceback (most recent call last):
        ...
        exportrow.outdir.OutputFolderError: --out ...: exists (a capture that exportrow import wrote, ...
    """
    from exportrow.article import load_article
    from exportrow.capture import parse_capture
    from exportrow.export import write_atomic
    from exportrow.outdir import writing_out

    out = Path(out)
    _check_out(out, force)
    data = fetch_page(page) if re.match(r"https?://", page) else read_page(page)
    from exportrow.checksum import with_checksum

    text = with_checksum(page_to_capture(data, source=page, outlet=outlet, published=published, timezone=timezone),
                         CHECKSUM_MARK)
    _check_size(page, text)
    parse_capture(out, text)  # what we write must load: fail before writing, not after
    with writing_out(out):  # a folder it cannot write in: --out, the folder and the fix, not the temporary file
        write_atomic(out, text)
    load_article(out)
    return out


def _cmd_import(args) -> int:
    out = import_page(args.page, args.out, force=args.force, outlet=args.outlet or "",
                      published=args.published or "", timezone=args.timezone or "")
    from exportrow.article import load_article

    art = load_article(out)
    print(f"wrote {shown_path(out)}: {len(art.paragraphs)} paragraphs from {shown_path(args.page)}. {art.clock_note}")
    if art.published is None:
        print("the page gives no publication date: add `published:` to the front matter, or pass --published",
              file=sys.stderr)
    from exportrow.annotations.formulas import starts_formula

    if starts_formula(art.outlet):  # as `exportrow check` warns: it starts events.csv's publication row
        print(f"warning: {out}: outlet: {art.outlet!r} starts with {starts_formula(art.outlet)!r}, so a spreadsheet "
              "that opens events.csv may run it as a formula; write the outlet's name without the sign in the "
              "front matter", file=sys.stderr)
    print(f"next: read it against the page, then `exportrow extract {out} --out NAME.yaml`")
    return 0


def register(sub) -> None:
    """Add the ``import`` sub-command to the ``exportrow`` parser.

    Example:
        >>> import argparse
        >>> sub = argparse.ArgumentParser(prog="exportrow").add_subparsers()
        >>> register(sub)
        >>> sub.choices["import"].parse_args(["page.html", "--out", "data/raw/a.txt"]).out
        'data/raw/a.txt'
    """
    p = sub.add_parser("import", help="turn a saved news web page into a front-matter capture",
                       description="Extract a saved news web page's main text and metadata (title, date, site "
                                   "name, author, URL) with trafilatura and write them as a capture with YAML "
                                   "front matter, keeping the page's own sha256. A URL is fetched once when you "
                                   "have a network. An existing --out is never replaced unless --force is given, "
                                   "and then only if exportrow import wrote it and nobody has edited it since.")
    p.add_argument("page", metavar="PAGE", help="saved web page (.html), or an http(s) URL")
    p.add_argument("--out", metavar="FILE", required=True, help="capture file to write, e.g. data/raw/NAME.txt")
    p.add_argument("--force", action="store_true",
                   help="replace FILE if exportrow import wrote it and nobody has edited it since")
    g = p.add_argument_group("metadata (override what the page says)")
    g.add_argument("--published", metavar="DATE", help="ISO date or date-time with offset")
    g.add_argument("--outlet", metavar="NAME", help="the outlet's name")
    g.add_argument("--timezone", metavar="ZONE", help="IANA time zone of the outlet's clock")
    p.set_defaults(func=_cmd_import)
