"""Where an article's quotation marks open and close, and whether a claim's words stand inside them.

The claims table's ``quote_form`` and ``exportrow check``'s warnings about a claim's attribution read the
article through :func:`quote_form`: a claim is a direct quote when every word of its quote stands inside quotation
marks, however the annotation codes it.

Marks read: double quotation marks, straight (``"``) or curly (``\u201c \u201d``), guillemets
(``\u00ab \u00bb``), and single ones (``\u2018 \u2019``, straight ``'``) when they open before a word and close after
one, so that an apostrophe (``We\u2019re``, ``dockers\u2019 strike``) opens nothing. A quotation runs across
sentences until its closing mark; one left open at the end of a paragraph runs to the paragraph's end, as news style
continues a quotation into the next paragraph (which opens with a mark again); a closing mark with no opening one
before it in its paragraph closes a quotation that began with the paragraph.
"""

from __future__ import annotations

import bisect
import re

__all__ = ["quote_form", "quoted_regions", "split_by_quotes"]

_DOUBLE_OPEN, _DOUBLE_CLOSE = "\u201c\u00ab", "\u201d\u00bb"
_SINGLE_OPEN, _SINGLE_CLOSE = "\u2018", "\u2019"
#: What may stand right before an opening mark: the paragraph's start, a space, a bracket, a dash, a colon.
_BEFORE_OPEN = re.compile(r"[\s(\[\u2014\u2013\-:/]")


def _regions_in(text: str) -> list[tuple[int, int]]:
    """The parts of one paragraph inside quotation marks, marks included, as (start, end) offsets.

    Example:
        >>> t = '\u201cWe will not,\u201d she said. \u201cNever.\u201d He said it was \u2018final\u2019.'
        >>> [t[a:b] for a, b in _regions_in(t)]
        ['\u201cWe will not,\u201d', '\u201cNever.\u201d', '\u2018final\u2019']
        >>> t = 'Lind said: "First words. More words'
        >>> [t[a:b] for a, b in _regions_in(t)]
        ['"First words. More words']
        >>> t = "more words,\u201d said Lind. The dockers\u2019 union agreed."
        >>> [t[a:b] for a, b in _regions_in(t)]
        ['more words,\u201d']
    """
    out: list[tuple[int, int]] = []
    double: int | None = None  # where the open double quotation began
    single: int | None = None
    for i, ch in enumerate(text):
        before = text[i - 1] if i else " "
        after = text[i + 1] if i + 1 < len(text) else " "
        if ch == '"' and double is None and not before.isspace() and i and not after.isalnum():
            out.append((0, i + 1))  # '...so," he said': closes a quotation that began with the paragraph
            single = None
            continue
        if ch in _DOUBLE_OPEN or (ch == '"' and double is None):
            if double is None:
                double = i
            continue
        if ch in _DOUBLE_CLOSE or ch == '"':
            out.append((0 if double is None else double, i + 1))
            double, single = None, None
            continue
        if ch in (_SINGLE_OPEN, "'") and single is None and _BEFORE_OPEN.match(before) and after.isalpha():
            single = i
        elif ch in (_SINGLE_CLOSE, "'") and single is not None and not before.isspace() and not after.isalnum():
            out.append((single, i + 1))
            single = None
    for start in (double, single):
        if start is not None:
            out.append((start, len(text)))
    return sorted(out)


def quoted_regions(article) -> list[tuple[int, int]]:
    """The parts of ``article``'s body inside quotation marks, as raw (start, end) offsets, in order and apart
    (a quotation nested in another is part of it).

    Found once per article (kept on it).

    Example:
        >>> from exportrow.article import load_article
        >>> art = load_article()
        >>> [art.raw[a:b][:40] for a, b in quoted_regions(art)]
        ['\u201cimproper\u201d', '\u201cJust because South Korea caught some ca']
    """
    cached = article.__dict__.get("_quoted_regions")
    if cached is not None and cached[0] is article.paragraphs:
        return cached[1]
    found: list[tuple[int, int]] = []
    for p in article.paragraphs:
        for a, b in _regions_in(p.text):  # merged: a single quotation inside a double one adds nothing
            if found and p.start + a < found[-1][1]:
                found[-1] = (found[-1][0], max(found[-1][1], p.start + b))
            else:
                found.append((p.start + a, p.start + b))
    article.__dict__["_quoted_regions"] = (article.paragraphs, found)
    return found


def split_by_quotes(article, start: int, end: int) -> tuple[str, str]:
    """The words of ``article.raw[start:end]`` inside quotation marks and those outside, each joined by spaces.

    Quotation marks and punctuation are no words.

    Example:
        >>> from exportrow.article import load_article
        >>> art = load_article()
        >>> s = art.find("doesn't mean it's doing enough,\u201d a Japanese government source said")[0]
        >>> split_by_quotes(art, s.start, s.end)
        ('doesn\u2019t mean it\u2019s doing enough', 'a Japanese government source said')
    """
    found = quoted_regions(article)  # sorted and apart: those that overlap the span are found by bisection
    k = bisect.bisect_right(found, (start, start)) - 1
    regions = []
    for a, b in found[max(k, 0):]:
        if a >= end:
            break
        if b > start:
            regions.append((max(a, start), min(b, end)))
    inside, outside, at = [], [], start
    for a, b in regions:
        outside.append(article.raw[at:a])
        inside.append(article.raw[a:b])
        at = b
    outside.append(article.raw[at:end])

    def words(parts: list[str]) -> str:
        kept = (" ".join(p.split()).strip(" \"'\u201c\u201d\u2018\u2019\u00ab\u00bb,.;:") for p in parts)
        return " ".join(p for p in kept if re.search(r"\w", p))

    return words(inside), words(outside)


def quote_form(article, start: int | None, end: int | None) -> str:
    """``direct_quote`` when every word of ``article.raw[start:end]`` stands inside quotation marks, else
    ``paraphrase`` (words wholly outside them, or a paraphrase that borrows a few quoted words); ``paraphrase``
    for no span.

    Example:
        >>> from exportrow.article import load_article
        >>> art = load_article()
        >>> s = art.find("Just because South Korea caught some cases doesn't mean it's doing enough")[0]
        >>> quote_form(art, s.start, s.end)
        'direct_quote'
        >>> s = art.find("the shipments were made by a handful of domestic companies")[0]
        >>> quote_form(art, s.start, s.end)
        'paraphrase'
    """
    if start is None or end is None:
        return "paraphrase"
    inside, outside = split_by_quotes(article, start, end)
    return "direct_quote" if inside and not outside else "paraphrase"
