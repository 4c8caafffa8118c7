"""The checksum line exportrow writes into a file a person may go on to edit (a draft annotation, a coding
worksheet, an imported capture), so that ``--force`` replaces the file only while nobody has changed it.

The line goes after the file's first line: ``mark`` (a comment the file's readers skip) and the SHA-256 of every
other line. While the hash matches, the file is exactly as exportrow wrote it.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

__all__ = ["with_checksum", "matches_checksum", "has_checksum"]


def with_checksum(text: str, mark: str) -> str:
    """``text`` with a checksum line (``mark`` and the SHA-256 of ``text``) after its first line.

    Example:
        >>> print(with_checksum("---\\ntitle: T\\n", "# sha256: "))  # doctest: +ELLIPSIS
        ---
        # sha256: 6e1255c0...
        title: T
        <BLANKLINE>
    """
    first, rest = text.split("\n", 1)
    return f"{first}\n{mark}{hashlib.sha256(text.encode('utf-8')).hexdigest()}\n{rest}"


def has_checksum(path: str | Path, mark: str) -> bool:
    """Whether the file's second line is a checksum line with ``mark`` (matching or not).

    Example:
        >>> import tempfile
        >>> p = Path(tempfile.mkdtemp()) / "a.txt"
        >>> _ = p.write_text(with_checksum("---\\ntitle: T\\n", "# sha256: ") + "edited\\n", encoding="utf-8")
        >>> has_checksum(p, "# sha256: "), matches_checksum(p, "# sha256: ")
        (True, False)
        >>> _ = p.write_text("---\\ntitle: T\\n", encoding="utf-8")
        >>> has_checksum(p, "# sha256: ")
        False
    """
    with open(path, "rb") as fh:
        head = fh.read(64 * 1024).decode("utf-8", errors="replace")
    return head.partition("\n")[2].startswith(mark)


def matches_checksum(path: str | Path, mark: str, fresh: str = "") -> bool:
    """Whether the file at ``path`` is exactly as exportrow wrote it: byte for byte ``fresh`` (what it would write
    now), or matching the checksum on its second line (after ``mark``). A file without the line does not match.

    Example:
        >>> import tempfile
        >>> p = Path(tempfile.mkdtemp()) / "a.txt"
        >>> _ = p.write_text(with_checksum("---\\ntitle: T\\n", "# sha256: "), encoding="utf-8")
        >>> matches_checksum(p, "# sha256: ")
        True
        >>> _ = p.write_text(p.read_text().replace("T", "U"), encoding="utf-8")  # a person's edit
        >>> matches_checksum(p, "# sha256: ")
        False
    """
    data = Path(path).read_bytes()
    if fresh and data == fresh.encode("utf-8"):
        return True
    text = data.decode("utf-8", errors="replace")
    first, _, rest = text.partition("\n")
    line, _, rest = rest.partition("\n")
    if not line.startswith(mark):
        return False
    recorded = line.removeprefix(mark).strip()
    return hashlib.sha256(f"{first}\n{rest}".encode()).hexdigest() == recorded
