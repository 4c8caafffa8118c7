"""One base exception for every expected failure, and the exit codes of the command line.

Anything the user can cause by a bad file, a bad option or a refused output folder raises a
subclass of :class:`ExportrowError`; the command line prints its message (no traceback) and
exits with its ``exit_code``. Any other exception is a bug.

Exit codes: 0 success; 1 bad data or a failed notebook; 2 usage error or refused output path;
130 interrupted (Ctrl-C, SIGINT); 143 terminated (SIGTERM; SIGHUP too).
"""

from __future__ import annotations

__all__ = ["ExportrowError", "UsageError", "EXIT_OK", "EXIT_DATA", "EXIT_USAGE", "EXIT_INTERRUPTED",
           "EXIT_TERMINATED", "SUGGEST_CUTOFF"]

EXIT_OK = 0
EXIT_DATA = 1
EXIT_USAGE = 2
EXIT_INTERRUPTED = 130
EXIT_TERMINATED = 143

#: How alike (difflib ratio) a wrong word and an allowed one must be for a "did you mean" (difflib's
#: default, 0.6, offers 'REJECT' for 'MEET'); below it a message lists the allowed values instead.
SUGGEST_CUTOFF = 0.75


class ExportrowError(Exception):
    """An expected failure: bad input data (exit code 1 unless a subclass says otherwise).

    Example:
        >>> str(ExportrowError("data/x.yaml: figures[a].value: not a number"))
        'data/x.yaml: figures[a].value: not a number'
        >>> ExportrowError("x").exit_code, UsageError("y").exit_code
        (1, 2)
    """

    exit_code = EXIT_DATA

    def _render_traceback_(self) -> list[str]:
        """In a notebook, the message alone (IPython shows this instead of a traceback): it names the file, the
        entry and the fix; the code that found the problem is exportrow's, not the reader's."""
        note_cell_line(self)
        return [f"{type(self).__name__}: {self}"]


#: Set in a kernel that ``exportrow report`` runs: an error shown without its traceback still tells the report,
#: on the kernel's own stderr (its log, not the notebook), which line of the cell raised it.
CELL_LINE_ENV = "EXPORTROW_CELL_LINE"
CELL_LINE_MARK = "exportrow-cell-line: "


def cell_line(exc: BaseException) -> int | None:
    r"""The line of the notebook cell (the deepest frame compiled from a cell) where ``exc`` was raised, or None.

    Example:
        >>> code = compile("x = 1\nraise ValueError('v')", "/tmp/ipykernel_7/123.py", "exec")
        >>> try:
        ...     exec(code, {})
        ... except ValueError as exc:
        ...     cell_line(exc)
        2
    """
    import re

    line, tb = None, exc.__traceback__
    while tb is not None:
        name = tb.tb_frame.f_code.co_filename
        if re.search(r"ipykernel_\d+[/\\]\d+\.py$", name) or name.startswith("<ipython-input-"):
            line = tb.tb_lineno
        tb = tb.tb_next
    return line


def note_cell_line(exc: BaseException) -> None:
    """In a kernel of ``exportrow report`` (:data:`CELL_LINE_ENV` set), write the cell line of ``exc`` to the
    process's stderr, which the report keeps as the kernel's log."""
    import os
    import sys

    if os.environ.get(CELL_LINE_ENV) and (line := cell_line(exc)) is not None and sys.__stderr__ is not None:
        print(f"{CELL_LINE_MARK}{line}", file=sys.__stderr__, flush=True)


class UsageError(ExportrowError, ValueError):
    """A bad option or a refused output path: nothing was run or written (exit code 2)."""

    exit_code = EXIT_USAGE
