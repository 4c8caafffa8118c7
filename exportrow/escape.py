"""Make text from an article or an annotation safe to show, as HTML or as Markdown.

Every text that comes from input (title, outlet, byline, quotes, names, descriptions, caveats,
notes, units, quantities, file names, parameters) is hostile until it passes through one of
these functions on its way into a page: it then shows literally, as the words it is, and never
as markup, a link or a script. Ordinary text looks the same after escaping: ``<Month> <year>``,
``AT&T``, ``5 * 3`` and ``_underscored_`` display as typed.

- :func:`html_text` for HTML element content, :func:`html_attribute` for a double-quoted
  attribute value, :func:`html_href` for a relative link to a file.
- :func:`markdown_text` for inline Markdown (Jupyter's Markdown outputs pass raw HTML through,
  and ``*``, ``_``, backticks, ``[``, ``$`` or a leading ``#`` change what is shown),
  :func:`markdown_code` for a code span.
- :data:`CONTENT_SECURITY_POLICY`, the second line of defence: the report's pages allow no
  script at all, only inline styles and ``data:`` images.

Every one of them also drops Unicode's invisible bidirectional controls (:data:`BIDI_CONTROLS`:
overrides, embeddings, isolates and direction marks): a right-to-left override in a title would
otherwise flip the page's own text that follows it (the closing quote and full stop after a title).
Letters keep their own direction, so right-to-left text still reads right to left.

No heavy imports: this module is used by the library, the notebooks and the report.
"""

from __future__ import annotations

import html
import re
from urllib.parse import quote

__all__ = ["html_text", "html_attribute", "html_href", "markdown_text", "markdown_code", "strip_bidi",
           "BIDI_CONTROLS", "CONTENT_SECURITY_POLICY", "csp_meta"]

#: Unicode's explicit bidirectional formatting characters: embeddings and overrides (U+202A-U+202E),
#: isolates (U+2066-U+2069) and the direction marks (U+200E, U+200F, U+061C). Invisible, and able to
#: reorder the text around them.
BIDI_CONTROLS = re.compile("[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")

#: What the report's pages may load: nothing but their own inline styles and ``data:`` images.
#: No script of any kind (inline, ``javascript:`` links, event handlers, files, network), no
#: fonts, frames, plug-ins or connections, no ``<base>`` that would redirect relative links and
#: no form submission. Only directives that a ``<meta>`` element may carry, so that the policy
#: itself causes no console message.
CONTENT_SECURITY_POLICY = ("default-src 'none'; style-src 'unsafe-inline'; img-src data:; "
                           "base-uri 'none'; form-action 'none'")

# Inline Markdown syntax, escaped by a backslash wherever it stands: escapes, code, emphasis,
# links and images, strikethrough, Jupyter's $math$, table cells, raw-HTML braces of some renderers.
_MD_INLINE = re.compile(r"([\\`*_\[\]~$|{}!])")
# Block syntax at the start of a line: headings, lists, quotes, setext rules, definition lists.
_MD_LEADING = re.compile(r"^([#+\-=:])")
_MD_ORDERED = re.compile(r"^(\d+)([.)])")
# Bare URLs that renderers turn into links (they would also swallow the escapes next to them): ``https://``,
# and GFM's other autolinks, which JupyterLab's renderer (marked) makes too: ``www.host/path`` and ``name@host``.
# A backslash before the ``:``, the ``.`` after ``www`` or the ``@`` breaks each pattern and shows nothing.
_MD_URL = re.compile(r":(?=//)|(?i:(?<=www))\.|@")


def strip_bidi(text) -> str:
    """``text`` without :data:`BIDI_CONTROLS`, so that it cannot reorder the text around it on a page.

    Example:
        >>> strip_bidi("Bellor\u202e rejected") == "Bellor rejected"
        True
        >>> strip_bidi("\u05e9\u05dc\u05d5\u05dd \u2067x\u2069") == "\u05e9\u05dc\u05d5\u05dd x"  # letters stay
        True
    """
    return BIDI_CONTROLS.sub("", str(text))


def html_text(text) -> str:
    """``text`` as HTML element content: it shows literally and is never markup.

    Quotes are escaped too, so the result is safe in a double-quoted attribute as well.

    Example:
        >>> html_text("<Month> <year>")
        '&lt;Month&gt; &lt;year&gt;'
        >>> html_text('<script>alert("x")</script> AT&T')
        '&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; AT&amp;T'
        >>> html_text(None), html_text(3.5)
        ('None', '3.5')
        >>> html_text("\u201cTitle\u202e\u201d.") == "\u201cTitle\u201d."  # no override flips the quote and stop
        True
    """
    return html.escape(strip_bidi(text), quote=True)


def html_attribute(text) -> str:
    """``text`` as the value of a double-quoted HTML attribute (``alt="..."``, ``title="..."``).

    Quotes, ``<``, ``>`` and ``&`` are escaped, so the value can neither close the attribute
    nor open a new one (no ``onerror=`` handler can be smuggled in). Write the result between
    double quotes.

    Example:
        >>> html_attribute('x" onerror="window.__x=1')
        'x&quot; onerror=&quot;window.__x=1'
        >>> print('<img alt="' + html_attribute("5 > 3 & it's so") + '">')
        <img alt="5 &gt; 3 &amp; it&#x27;s so">
    """
    return html.escape(strip_bidi(text), quote=True)


def html_href(path) -> str:
    """A relative path as a safe ``href`` value: percent-encoded, so never a ``javascript:`` URL.

    A colon, a quote, ``#`` or ``?`` in a file name stays part of the name.

    Example:
        >>> html_href("01-stats/figures.csv")
        '01-stats/figures.csv'
        >>> html_href("javascript:alert(1)")
        'javascript%3Aalert%281%29'
        >>> html_href('a b"<c>#d.csv')
        'a%20b%22%3Cc%3E%23d.csv'
    """
    return html.escape(quote(str(path), safe="/"), quote=True)


def markdown_text(text) -> str:
    """``text`` as inline Markdown that renders literally, as the words it is.

    Raw HTML becomes character references (Jupyter's Markdown passes HTML through); inline
    syntax (``*``, ``_``, backticks, ``[``, ``]``, ``~``, ``$``, ``|``, ``!``, backslash) gets a
    backslash; block syntax at the start (``#``, ``-``, ``+``, ``>``, ``1.``) is neutralised, and
    so is what renderers would turn into a link by itself: a bare URL (``https://``), a ``www.`` address or
    an e-mail address (GitHub Flavored Markdown's autolinks, which JupyterLab makes).
    Runs of white space, line breaks included, become one space: input text never starts a
    new Markdown block.

    Example:
        >>> markdown_text("<Month> <year>, AT&T, 5 * 3, _underscored_")
        '&lt;Month&gt; &lt;year&gt;, AT&amp;T, 5 \\\\* 3, \\\\_underscored\\\\_'
        >>> print(markdown_text("[x](javascript:alert(1)) ![i](x.png) `code` $x$"))
        \\[x\\](javascript:alert(1)) \\!\\[i\\](x.png) \\`code\\` \\$x\\$
        >>> print(markdown_text("# 1. not a heading"), markdown_text("12. May"), markdown_text("- no list"))
        \\# 1. not a heading 12\\. May \\- no list
        >>> print(markdown_text("see https://example.org/a_b"))
        see https\\://example.org/a\\_b
        >>> print(markdown_text("see www.example.org or press@example.org"))
        see www\\.example.org or press\\@example.org
        >>> print(markdown_text("two\\n\\n# lines"))
        two # lines
    """
    text = " ".join(strip_bidi(text).split())
    text = html.escape(text, quote=False)
    text = _MD_INLINE.sub(r"\\\1", text)
    text = _MD_LEADING.sub(r"\\\1", text)
    text = _MD_URL.sub(r"\\\g<0>", text)
    return _MD_ORDERED.sub(r"\1\\\2", text)


def markdown_code(text) -> str:
    """``text`` as a Markdown code span (backticks included) that shows it literally.

    A code span shows its content as typed, HTML included, so nothing is escaped inside;
    the fence is one backtick longer than any run of backticks in ``text``.

    Example:
        >>> markdown_code("article.txt")
        '`article.txt`'
        >>> markdown_code("a`b<i>.txt")
        '``a`b<i>.txt``'
        >>> markdown_code("`x`")
        '`` `x` ``'
    """
    text = " ".join(strip_bidi(text).split())
    fence = "`" * (max((len(run) for run in re.findall(r"`+", text)), default=0) + 1)
    pad = " " if text.startswith("`") or text.endswith("`") else ""
    return f"{fence}{pad}{text}{pad}{fence}"


def csp_meta() -> str:
    """The ``<meta>`` element that gives a page :data:`CONTENT_SECURITY_POLICY`; put it first in ``<head>``.

    Example:
        >>> csp_meta()[:60]
        '<meta http-equiv="Content-Security-Policy" content="default-'
    """
    return f'<meta http-equiv="Content-Security-Policy" content="{html_attribute(CONTENT_SECURITY_POLICY)}">'
