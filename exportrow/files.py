"""Read input files safely: regular files only, a size cap, UTF-8 with an optional byte-order mark.

Every reader of user files (articles, annotations, context files, worksheets) goes through
:func:`read_text`, so a device, a FIFO, a folder or a huge file gets one clear message
instead of a hang, a traceback or an exhausted memory.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from exportrow.errors import ExportrowError

__all__ = ["InputFileError", "read_text", "excerpt", "MAX_ARTICLE_BYTES", "MAX_ANNOTATION_BYTES",
           "MAX_PAGE_BYTES"]

#: Size caps, generous for the text of one news article and its annotation.
MAX_ARTICLE_BYTES = 2_000_000
MAX_ANNOTATION_BYTES = 4_000_000
#: A saved web page for ``exportrow import`` carries scripts and styles, so it may be larger.
MAX_PAGE_BYTES = 20_000_000
#: Where a relative path is read from, as a message about a missing file says it (the folder follows).
RELATIVE_TO = "relative paths start from the folder you run the command in, "


class InputFileError(ExportrowError, ValueError):
    """An input file cannot be read: missing, not a regular file, too large, or not UTF-8."""


def read_text(path: str | Path, *, what: str = "file", limit: int = MAX_ANNOTATION_BYTES) -> tuple[str, bytes]:
    """The decoded text and the raw bytes of a regular file of at most ``limit`` bytes.

    A UTF-8 byte-order mark (which editors on Windows write) is dropped from the text, so
    offsets count characters of the text itself; the bytes stay as they are (for hashes).

    Args:
        path: The file.
        what: What the file is, for messages ("article", "annotation file").
        limit: Largest size accepted, in bytes.

    Raises:
        InputFileError: The message names the file and the nearest fix.

    Example:
        >>> import tempfile
        >>> p = Path(tempfile.mkdtemp()) / "a.txt"
        >>> _ = p.write_bytes(b"\\xef\\xbb\\xbfhello")
        >>> read_text(p)[0]
        'hello'
        >>> read_text("/dev/zero", what="article")
        Traceback (most recent call last):
        ...
        exportrow.files.InputFileError: /dev/zero: the article is not a regular file (a device); ...
    """
    path = Path(path)
    try:
        st = os.stat(path)
    except FileNotFoundError:
        raise InputFileError(f"{path}: no such {what}; check the path ({RELATIVE_TO}{Path.cwd()})") from None
    except OSError as exc:
        raise InputFileError(f"{path}: cannot read the {what} ({exc.strerror})") from None
    if not stat.S_ISREG(st.st_mode):
        kind = ("a folder" if stat.S_ISDIR(st.st_mode) else "a FIFO" if stat.S_ISFIFO(st.st_mode)
                else "a device" if stat.S_ISCHR(st.st_mode) or stat.S_ISBLK(st.st_mode)
                else "a socket" if stat.S_ISSOCK(st.st_mode) else "not a file")
        raise InputFileError(f"{path}: the {what} is not a regular file ({kind}); name a text file")
    if st.st_size > limit:
        raise InputFileError(f"{path}: the {what} is {st.st_size:,} bytes, more than the {limit:,} accepted; "
                             "is it the right file?")
    try:
        with open(path, "rb") as fh:
            data = fh.read(limit + 1)
    except OSError as exc:
        raise InputFileError(f"{path}: cannot read the {what} ({exc.strerror})") from None
    if len(data) > limit:  # it grew while we read it
        raise InputFileError(f"{path}: the {what} is more than the {limit:,} bytes accepted")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[:exc.start].count(b"\n") + 1
        raise InputFileError(f"{path}: the {what} is not UTF-8 (byte {exc.start}, line {line}); "
                             "re-save it as UTF-8") from None
    return text.removeprefix("\ufeff"), data


def excerpt(value, limit: int = 60) -> str:
    """A short, printable excerpt of any value for an error message (never the whole of a huge one).

    Example:
        >>> excerpt("x" * 100)
        "'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx…' (100 characters)"
        >>> excerpt([1, 2])
        'a list'
    """
    if isinstance(value, str):
        if len(value) <= limit:
            return repr(value)
        return repr(value[:limit - 2] + "\u2026") + f" ({len(value)} characters)"
    if isinstance(value, bool) or value is None or isinstance(value, (int, float)):
        return repr(value)
    return {dict: "a mapping", list: "a list"}.get(type(value), f"a {type(value).__name__}")


def shown_path(path) -> str:
    """A path for a message on one line: as it is, unless it holds a line break or another control character,
    which are shown escaped (``\\n``) so that the line is not split.

    Example:
        >>> shown_path("tables/actors.csv"), shown_path("new\\nline ü/actors.csv")
        ('tables/actors.csv', 'new\\\\nline ü/actors.csv')
    """
    def control(c: str) -> bool:
        return ord(c) < 32 or 0x7f <= ord(c) < 0xa0 or c in "\u2028\u2029"

    return "".join(repr(c)[1:-1] if control(c) else c for c in str(path))
