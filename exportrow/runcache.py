"""Checked annotations shared by the processes of one report run (the report and its kernels).

Checking an annotation file against its article (schema, quotes, dates) takes most of a second,
and every notebook of a report loads the same file. The report checks it once, before the
kernels need it, and leaves the result in a folder of its own run; each kernel finds it there
instead of checking again. A kernel that checks a file the report did not (a second coding)
leaves its result there too. The result is the same object either way: the cache only skips
repeating work, keyed by the file's content, the article's content and the settings that
change the result.

The folder is named by ``EXPORTROW_RUN_CACHE``, which the report sets for its kernels only. It
is trusted only when it is a real folder (not a link) owned by this user and private to them
(mode 700), as the report creates it; anything else is ignored and every process checks for
itself. Nothing is cached outside a report run.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import pickle
import stat
import tempfile
from pathlib import Path

__all__ = ["ENV", "folder", "get", "put", "using"]

#: The environment variable that names the run's cache folder.
ENV = "EXPORTROW_RUN_CACHE"
_USING: list[Path] = []  # the report process's own folder (it sets ENV for its kernels only)


@contextlib.contextmanager
def using(where: Path):
    """Use ``where`` as this process's run cache inside the block (the report, for its own checks).

    Example:
        >>> d = Path(tempfile.mkdtemp()); os.chmod(d, 0o700)
        >>> with using(d):
        ...     folder() == d
        True
        >>> folder() is None
        True
    """
    _USING.append(Path(where))
    try:
        yield
    finally:
        _USING.pop()


def folder() -> Path | None:
    """The run's cache folder, or None outside a report run (or when the folder is not private to this user).

    Example:
        >>> import os
        >>> d = Path(tempfile.mkdtemp())
        >>> os.environ[ENV] = str(d)
        >>> folder() == d
        True
        >>> os.chmod(d, 0o755); folder() is None
        True
        >>> del os.environ[ENV]
    """
    name = str(_USING[-1]) if _USING else os.environ.get(ENV, "")
    if not name:
        return None
    try:
        st = os.lstat(name)
    except OSError:
        return None
    if not stat.S_ISDIR(st.st_mode) or st.st_uid != os.getuid() or stat.S_IMODE(st.st_mode) & 0o077:
        return None
    return Path(name)


def _file(key: tuple) -> Path | None:
    where = folder()
    if where is None:
        return None
    return where / (hashlib.sha256(repr(key).encode("utf-8")).hexdigest() + ".pickle")


def get(key: tuple):
    """The value stored under ``key`` in this run, or None.

    Example:
        >>> d = Path(tempfile.mkdtemp()); os.chmod(d, 0o700); os.environ[ENV] = str(d)
        >>> get(("a", 1)) is None
        True
        >>> put(("a", 1), {"x": [1, 2]}); get(("a", 1))
        {'x': [1, 2]}
        >>> del os.environ[ENV]; get(("a", 1)) is None
        True
    """
    path = _file(key)
    if path is None:
        return None
    try:
        with open(path, "rb") as fh:
            return pickle.load(fh)  # noqa: S301 - a private folder of this run, written by this run's processes
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError):
        return None


def put(key: tuple, value) -> None:
    """Store ``value`` under ``key`` for the other processes of this run (nothing outside a run).

    Written to a temporary file and renamed, so a reader never sees half a file; a failure
    (full disk) only means the others check for themselves.

    Example:
        >>> d = Path(tempfile.mkdtemp()); os.chmod(d, 0o700)
        >>> with using(d):
        ...     put(("b", 2), [3]); get(("b", 2))
        [3]
        >>> put(("b", 2), [4]) is None and get(("b", 2)) is None  # outside a run: nothing is stored
        True
    """
    path = _file(key)
    if path is None or path.exists():
        return
    try:
        fd, tmp = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
        with os.fdopen(fd, "wb") as fh:
            pickle.dump(value, fh, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)
    except (OSError, pickle.PicklingError, TypeError, AttributeError):
        try:
            os.unlink(tmp)
        except (OSError, UnboundLocalError):
            pass
