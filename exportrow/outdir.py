"""Output folders that exportrow owns: refuse any other, publish as a whole, one writer at a time.

``exportrow report --out DIR``, ``exportrow tables --out DIR``, ``exportrow student-edition --out DIR``
and the course site (``python3 dev.py book --out DIR``) replace DIR as a whole: one rule for all four.
So that this can never delete a user's files, a folder is replaced only when exportrow published it
itself and holds nothing else: every published folder holds a small marker file, ``.exportrow.json``,
naming the tool, the kind of folder (see :data:`KINDS`), the version, every file and folder it wrote
(``files``) and each written file's size and SHA-256 (``checksums``). Before anything runs, :func:`check_out`
refuses an empty path, an existing file, a non-empty folder without the marker (or with the marker of the other
kind), a marked folder that holds anything the marker does not list (a teacher's notes, a student's notebook:
listed in the message, with the fix), a marked folder in which a file exportrow wrote has been changed since (a
student's answers in a notebook, an edited table: :func:`edited_files`; a marker of an earlier version without
checksums is checked by name only),
the project's own folders (root, ``notebooks/``, ``data/``, ...), the home folder, ``/`` and every folder
that contains one of those.

:class:`Publication` does the rest, in this order:

1. take a lock (``.<name>.lock`` beside DIR, ``fcntl.flock``): a second run into the same folder
   is refused with the process id of the first, instead of racing it (two swaps at once ended in
   "Directory not empty"). exportrow creates that file itself (never through a symbolic link, never
   over an existing file) and removes only its own: a file or link of that name that it did not
   create is refused and left as it is. A lock an older exportrow wrote (only a process id,
   :func:`read_old_lock`) is recovered when that process is gone and refused while it is alive;
2. remove what a dead run left beside DIR (``.<name>.<pid>-*.tmp`` folders whose process is gone,
   carrying that run's own temporary marker and nothing a run does not write: :func:`leftover_problem`;
   any other folder of such a name is left and named);
3. hand out a temporary folder beside DIR (same file system), marked with this run's process id;
4. on success, publish: rewrite the marker, set the folder's mode from the umask, and swap the
   folder into place (an atomic exchange where Linux offers one); a stale ``<DIR>.failed`` of an
   earlier run is removed. On any failure or interrupt the temporary folder is removed and DIR is
   left exactly as it was.

Commands that write one file (``extract``, ``import``, ``view``, ``worksheet``, ``agree``'s tables) follow the
same idea through :func:`check_out_file`: a file exportrow did not write is never replaced, not even with
``--force``; one it wrote that a person may have edited since only with ``--force``, and one that a person has
edited (the command can tell: a draft's checksum, a worksheet's coding) not even then.
"""

from __future__ import annotations

import contextlib
import ctypes
import errno
import fcntl
import hashlib
import json
import os
import re
import shutil
import stat
import sys
import tempfile
from pathlib import Path

from exportrow import paths
from exportrow.errors import ExportrowError, UsageError

__all__ = ["MARKER", "KINDS", "OutputFolderError", "OutputWriteError", "cannot_write_in", "writing_out", "check_out",
           "check_out_place", "check_out_file", "check_notebook_folder", "write_notebook_output", "marker_text",
           "read_marker", "listing", "foreign_files", "edited_files", "checksums", "Publication", "folder_mode",
           "file_mode", "failed_path", "critical", "defer", "lock_text", "read_lock", "read_old_lock",
           "temporary_marker",
           "leftover_problem"]

#: The marker file in every folder exportrow publishes.
MARKER = ".exportrow.json"
#: What a published folder holds, by kind.
KINDS = {"report": "an exportrow report", "tables": "exportrow tables",
         "student-edition": "an exportrow student edition", "site": "the exportrow course site",
         "notebook": "a notebook's outputs"}
#: Where each kind goes by example (in messages).
_EXAMPLES = {"report": "reports/mine", "tables": "tables/mine", "student-edition": "reports/class-edition",
             "site": "build/site", "notebook": "outputs/mine"}
#: What the marker tells a person who opens it, by kind.
_NOTES = {"notebook": "a notebook writes its tables and figures here and replaces only the files listed; "
                      "keep your own files elsewhere"}
#: The markers earlier versions wrote into a student edition and a course site: such a folder is still ours.
LEGACY_MARKERS = {"student-edition": ".exportrow-student-edition", "site": ".exportrow-site"}
#: Where a student edition's notebooks write (``notebooks/outputs/``; :data:`exportrow.student.EDITION_OUTPUTS`).
_EDITION_OUTPUTS = "outputs"
#: Project folders that are never an output folder (relative to the project root).
SOURCE_FOLDERS = (".", ".git", ".venv", "notebooks", "notebooks/solutions", "data", "data/raw", "data/annotations",
                  "data/context", "exportrow", "exportrow/templates", "tests", "tests/fixtures", "docs", "benchmarks",
                  "requirements", ".ci")


_CRITICAL = {"depth": 0, "pending": []}


@contextlib.contextmanager
def critical():
    """A section that an interrupt must not cut in half (swapping a folder into place).

    The command line's signal handler calls :func:`defer`: an interrupt that arrives inside
    is raised when the section ends.

    Example:
        >>> try:
        ...     with critical():
        ...         _ = defer(RuntimeError("an interrupt"))
        ...         print("the swap completes")
        ... except RuntimeError as exc:
        ...     print("then:", exc)
        the swap completes
        then: an interrupt
    """
    _CRITICAL["depth"] += 1
    try:
        yield
    finally:
        _CRITICAL["depth"] -= 1
        if not _CRITICAL["depth"] and _CRITICAL["pending"]:
            exc = _CRITICAL["pending"][0]
            _CRITICAL["pending"].clear()
            raise exc


def defer(exc: BaseException) -> bool:
    """Keep ``exc`` for the end of the current :func:`critical` section; False outside one.

    Example:
        >>> defer(RuntimeError("outside any section"))
        False
    """
    if _CRITICAL["depth"]:
        _CRITICAL["pending"].append(exc)
        return True
    return False


class OutputFolderError(UsageError):
    """An output folder that exportrow will not write into: nothing was run, written or removed (exit 2)."""


class OutputWriteError(ExportrowError):
    """Writing an output failed (full disk, permissions); the previous output was left as it was (exit 1)."""


def cannot_write_in(out: str | Path, exc: OSError, *, option: str = "--out",
                    folder: str | Path | None = None) -> OutputFolderError:
    """The refusal for an output (a folder or a file) whose folder cannot be written in: a read-only disk, no
    permission. It names the option, the output, its folder (``folder``, by default the output's parent) and the
    reason, never a temporary file's name.

    Example:
        >>> import errno
        >>> str(cannot_write_in("/ro/a.html", OSError(errno.EROFS, "Read-only file system", "/ro/.a.html.x.tmp")))
        '--out /ro/a.html: cannot write in /ro (Read-only file system); choose a folder you can write to'
    """
    where = Path(out).parent if folder is None else folder
    return OutputFolderError(f"{option} {out}: cannot write in {where} ({exc.strerror or exc}); "
                             "choose a folder you can write to")


@contextlib.contextmanager
def writing_out(out: str | Path, *, option: str = "--out", folder: str | Path | None = None):
    """Around the writing of an output the user named (``view``'s page, ``worksheet``'s sheet, ``extract``'s draft,
    ``agree``'s tables): an ``OSError`` (no permission, a read-only disk, a full disk) becomes
    :func:`cannot_write_in`'s message, which names the option, the output, the folder and the fix, never the
    temporary file that :func:`exportrow.export.write_atomic` tried to make.

    Example:
        >>> import errno
        >>> with writing_out("/ro/w.csv"):  # doctest: +ELLIPSIS
        ...     raise PermissionError(errno.EACCES, "Permission denied", "/ro/.w.csv.hkd4ug3c.tmp")
        Traceback (most recent call last):
        ...
        exportrow.outdir.OutputFolderError: --out /ro/w.csv: cannot write in /ro (Permission denied); choose a \
folder you can write to
    """
    try:
        yield
    except OSError as exc:
        raise cannot_write_in(out, exc, option=option, folder=folder) from None


def marker_text(kind: str, *, pid: int | None = None, files: list[str] | None = None,
                sums: dict[str, dict] | None = None, folder: Path | None = None) -> str:
    """The marker file's content: deterministic, so that two runs publish identical folders.

    A folder being written carries the writer's process id, so that a later run can tell the
    leftovers of a dead run; with ``folder`` (see :func:`temporary_marker`) it also names that folder and its
    identity on disk (device and inode), so that the marker counts only in the very folder exportrow made.
    A published folder lists what exportrow wrote into it (``files``, see :func:`listing`): anything else
    found there later is someone's own, and the folder is not replaced.
    ``sums`` (see :func:`checksums`) records what each written file held, so that one a person has edited
    since is not replaced either.

    Example:
        >>> print(marker_text("tables", files=["a.csv", "figures/", "figures/b.png"]), end="")
        {
          "tool": "exportrow",
          "kind": "tables",
          "version": "0.1.0",
          "note": "exportrow replaces this folder as a whole; keep your own files elsewhere",
          "files": [
            "a.csv",
            "figures/",
            "figures/b.png"
          ]
        }
        >>> "checksums" in marker_text("tables", files=["a.csv"], sums={"a.csv": {"size": 1, "sha256": "ab"}})
        True
    """
    from exportrow import __version__

    data = {"tool": "exportrow", "kind": kind, "version": __version__,
            "note": _NOTES.get(kind, "exportrow replaces this folder as a whole; keep your own files elsewhere")}
    if pid is not None:
        data["pid"] = pid
    if folder is not None:
        st = os.lstat(folder)
        data["folder"] = Path(folder).name
        data["identity"] = f"{st.st_dev}:{st.st_ino}"
    if files is not None:
        data["files"] = sorted(files)
    if sums is not None:
        data["checksums"] = {name: {"size": sums[name]["size"], "sha256": sums[name]["sha256"]}
                             for name in sorted(sums)}
    return json.dumps(data, indent=2) + "\n"


def listing(folder: Path) -> list[str]:
    """Every file and folder under ``folder`` (folders end in ``/``), relative and sorted, without the marker.

    Symbolic links are listed as they are, never followed.

    Example:
        >>> d = Path(tempfile.mkdtemp())
        >>> (d / "sub").mkdir(); _ = (d / "sub" / "x.txt").write_text("x"); _ = (d / MARKER).write_text("{}")
        >>> listing(d)
        ['sub/', 'sub/x.txt']
    """
    folder = Path(folder)
    out = []
    for root, dirs, files in os.walk(folder, followlinks=False):
        rel = Path(root).relative_to(folder)
        for name in dirs:
            path = Path(root) / name
            out.append((rel / name).as_posix() + ("" if path.is_symlink() else "/"))
        out.extend((rel / name).as_posix() for name in files)
    return sorted(p for p in out if p != MARKER)


def foreign_files(folder: Path, marker: dict | None = None) -> list[str]:
    """What ``folder`` holds that its marker does not list: files exportrow did not write, sorted.

    A folder an earlier version published (a marker without ``files``) counts as holding none of its own.

    Example:
        >>> d = Path(tempfile.mkdtemp())
        >>> _ = (d / "a.csv").write_text("x"); _ = (d / MARKER).write_text(marker_text("tables", files=["a.csv"]))
        >>> foreign_files(d)
        []
        >>> (d / "mine").mkdir(); _ = (d / "mine" / "notes.md").write_text("grading")
        >>> foreign_files(d)
        ['mine/', 'mine/notes.md']
    """
    marker = read_marker(folder) if marker is None else marker
    ours = set((marker or {}).get("files") or [])
    return [p for p in listing(folder) if p not in ours]


def read_marker(folder: Path) -> dict | None:
    """The marker of ``folder`` if it has a valid one, else None.

    Example:
        >>> d = Path(tempfile.mkdtemp())
        >>> read_marker(d) is None
        True
        >>> _ = (d / MARKER).write_text(marker_text("report"))
        >>> read_marker(d)["kind"]
        'report'
    """
    path = Path(folder) / MARKER
    try:
        if not path.is_file() or path.stat().st_size > 5_000_000:
            return None
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(data, dict) or data.get("tool") != "exportrow" or data.get("kind") not in KINDS:
        return None
    files = data.get("files")
    if files is not None and not (isinstance(files, list) and all(isinstance(f, str) for f in files)):
        data["files"] = []  # a damaged list: nothing in the folder counts as exportrow's
    sums = data.get("checksums")
    if sums is not None and not (isinstance(sums, dict) and all(
            isinstance(v, dict) and isinstance(v.get("size"), int) and isinstance(v.get("sha256"), str)
            for v in sums.values())):
        data["files"] = []  # damaged checksums: likewise, nothing counts as exportrow's
    return data


def _sha256(path: Path) -> str:
    """The SHA-256 of a file, read in chunks (a report page may be megabytes)."""
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def checksums(folder: Path, files: list[str]) -> dict[str, dict]:
    """Size and SHA-256 of each regular file among ``files`` (relative to ``folder``; folders are skipped).

    Example:
        >>> d = Path(tempfile.mkdtemp())
        >>> _ = (d / "a.csv").write_text("x\\n")
        >>> checksums(d, ["a.csv", "figures/"])["a.csv"]["size"]
        2
    """
    out = {}
    for name in files:
        path = Path(folder) / name
        if name.endswith("/") or path.is_symlink() or not path.is_file():
            continue
        out[name] = {"size": path.stat().st_size, "sha256": _sha256(path)}
    return out


def edited_files(folder: Path, marker: dict | None = None) -> list[str]:
    """The files exportrow wrote into ``folder`` whose content has changed since (sorted): a person's edits.

    Only files the marker lists with a checksum are looked at, the size first, so that the hash is read only
    when needed. A file that is gone is not counted (nothing would be lost); one replaced by a link or
    something else is. A marker of an earlier version, without checksums, gives none: names only, as before.

    Example:
        >>> d = Path(tempfile.mkdtemp())
        >>> _ = (d / "a.csv").write_text("x\\n"); _ = (d / "b.csv").write_text("y\\n")
        >>> sums = checksums(d, ["a.csv", "b.csv"])
        >>> _ = (d / MARKER).write_text(marker_text("tables", files=["a.csv", "b.csv"], sums=sums))
        >>> edited_files(d)
        []
        >>> _ = (d / "b.csv").write_text("z\\n")  # same size, other content
        >>> edited_files(d)
        ['b.csv']
    """
    marker = read_marker(folder) if marker is None else marker
    sums = (marker or {}).get("checksums") or {}
    ours = set((marker or {}).get("files") or [])
    edited = []
    for name in listing(folder):  # only what is there: a name in the marker never leads outside the folder
        if name not in sums or name not in ours:
            continue
        path = Path(folder) / name
        try:
            st = os.lstat(path)
            same = (stat.S_ISREG(st.st_mode) and st.st_size == sums[name]["size"]
                    and _sha256(path) == sums[name]["sha256"])
        except OSError:
            same = False
        if not same:
            edited.append(name)
    return edited

#: Project folders with nothing of anyone's output anywhere inside them (the project folder and ``data/`` hold output
#: places: ``reports/``, ``data/processed/``); a new folder inside one is refused as the folder itself is.
_SOURCE_TREES = tuple(rel for rel in SOURCE_FOLDERS if rel not in (".", "data"))
#: ...except ``notebooks/outputs/``, where a notebook of a student edition writes (README).
_OPEN_OUTPUTS = f"notebooks/{_EDITION_OUTPUTS}"


def _protected() -> dict[Path, str]:
    """Folders that are never replaced, with what they are (for the message)."""
    root = paths.PROJECT_ROOT.resolve()
    out = {(root / rel).resolve(): ("the project folder" if rel == "." else f"the project's {rel}/ folder")
           for rel in SOURCE_FOLDERS}
    home = Path.home().resolve()
    out.setdefault(home, "your home folder")
    out[Path("/")] = "the root of the file system"
    return out


def failed_path(out: Path) -> Path:
    """Where a report with failed notebooks goes: ``<out>.failed`` beside ``out``.

    Example:
        >>> failed_path(Path("/r/latest")).as_posix()
        '/r/latest.failed'
    """
    return out.with_name(out.name + ".failed")


def check_out(out: str | Path, kind: str, *, option: str = "--out") -> Path:
    """The resolved output folder, or a refusal that names the folder, why, and what to do.

    A folder may be replaced when it does not exist, is empty, or carries exportrow's marker for
    ``kind``. Nothing is created or changed here.

    Raises:
        OutputFolderError: For an empty path, a file, a project or system folder, or a
            non-empty folder exportrow did not publish.

    Example:
        >>> d = Path(tempfile.mkdtemp())
        >>> check_out(d / "new", "report") == (d / "new").resolve()
        True
        >>> check_out("", "report")
        Traceback (most recent call last):
        ...
        exportrow.outdir.OutputFolderError: --out is empty; name a folder, e.g. --out reports/mine
        >>> _ = (d / "notes.txt").write_text("mine")
        >>> check_out(d, "tables")  # doctest: +ELLIPSIS
        Traceback (most recent call last):
        ...
        exportrow.outdir.OutputFolderError: --out ...: the folder holds files that exportrow did not write ...
    """
    given = str(out)
    what = KINDS[kind]
    path = check_out_place(out, _EXAMPLES[kind], option=option,
                           why="exportrow replaces its output folder as a whole, so choose a folder of its own")
    if path.exists() or path.is_symlink():
        _check_existing(path, given, kind, what, option)
        if os.path.ismount(path):
            raise OutputFolderError(f"{option} {given}: that folder is a mount point, which cannot be swapped for "
                                    f"a new one; name a folder inside it, e.g. {option} {Path(given) / kind}")
    return path


def check_out_place(out: str | Path, example: str, *, option: str = "--out",
                    why: str = "choose a folder of its own") -> Path:
    """The resolved output folder, unless it is empty, the home folder, ``/``, a project folder, or holds one of them.

    The first half of :func:`check_out`, and all of the rule for a command that writes its own files into a folder
    without replacing it (``exportrow agree``): nothing is created or changed here.

    Raises:
        OutputFolderError: Naming the folder, what it is, and an example (exit code 2).

    Example:
        >>> check_out_place("", "reports/agreement")
        Traceback (most recent call last):
        ...
        exportrow.outdir.OutputFolderError: --out is empty; name a folder, e.g. --out reports/agreement
        >>> check_out_place("~", "reports/agreement")
        Traceback (most recent call last):
        ...
        exportrow.outdir.OutputFolderError: --out ~: that is your home folder; choose a folder of its own, e.g. \
--out reports/agreement
    """
    if not str(out).strip():
        raise OutputFolderError(f"{option} is empty; name a folder, e.g. {option} {example}")
    given = str(out)
    try:
        path = Path(out).expanduser().resolve()
    except (OSError, RuntimeError) as exc:  # a symlink loop
        raise OutputFolderError(f"{option} {given}: cannot resolve the path ({exc})") from None
    eg = f"e.g. {option} {example}"
    protected = _protected()
    if path in protected:
        raise OutputFolderError(f"{option} {given}: that is {protected[path]}; {why}, {eg}")
    for folder, name in protected.items():
        if path in folder.parents:
            raise OutputFolderError(f"{option} {given}: that folder contains {name}; choose a folder of its own, {eg}")
    root = paths.PROJECT_ROOT.resolve()
    inside = [rel for rel in _SOURCE_TREES if (root / rel).resolve() in path.parents]
    if inside and (root / _OPEN_OUTPUTS).resolve() not in [path, *path.parents]:
        inner = max(inside, key=len)  # the innermost: tests/fixtures/, not tests/
        raise OutputFolderError(f"{option} {given}: that is inside the project's {inner}/ folder; {why}, {eg}")
    _check_folder_above(Path(out).expanduser(), given, option)
    return path


def check_out_file(out: str | Path, what: str, written_by, *, force: bool = False, edited: bool = True,
                   option: str = "--out", unchanged=None, changed="") -> Path:
    """The one rule for a single output file (`extract --out`, `import --out`, `view --out`): the path, or a refusal.

    A file that exportrow did not write (``written_by(path)`` is false) is never replaced, not even with
    ``--force``. A file it wrote that a person goes on to edit (``edited``: a draft annotation, a capture)
    is replaced only with ``--force``; a page it generates (``edited=False``) is simply written again.
    Given ``unchanged`` (a test of the file, e.g. its recorded checksum), ``--force`` replaces only a file that passes
    it: one that a person has changed since (``changed`` says how; a function of the path is called only then,
    so nothing reads the path before it is known to be a regular file) is refused even with ``--force``, since the
    changes would be lost.
    A folder, a symbolic link, anything that is not a regular file (a FIFO, a device: reading one could block
    forever) and an empty path are refused. (The project's own files, the bundled article and
    annotation, were not written by these commands, so they are never replaced.)

    Raises:
        OutputFolderError: With the reason and the nearest fix (exit code 2); nothing was written.

    Example:
        >>> d = Path(tempfile.mkdtemp())
        >>> mine, ours = d / "notes.yaml", d / "draft.yaml"
        >>> _ = mine.write_text("my notes"); _ = ours.write_text("# DRAFT")
        >>> is_draft = lambda p: p.read_text().startswith("# DRAFT")
        >>> what = "a draft annotation that exportrow extract wrote"
        >>> check_out_file(d / "new.yaml", what, is_draft).name
        'new.yaml'
        >>> check_out_file(ours, what, is_draft, force=True).name
        'draft.yaml'
        >>> check_out_file(ours, what, is_draft)  # doctest: +ELLIPSIS
        Traceback (most recent call last):
        ...
        exportrow.outdir.OutputFolderError: --out .../draft.yaml: exists (a draft annotation that exportrow extract ...
        >>> check_out_file(mine, what, is_draft, force=True)  # doctest: +ELLIPSIS
        Traceback (most recent call last):
        ...
        exportrow.outdir.OutputFolderError: --out .../notes.yaml: exists and exportrow did not write it (it is not ...
        >>> os.mkfifo(d / "pipe.yaml")
        >>> check_out_file(d / "pipe.yaml", what, is_draft)  # doctest: +ELLIPSIS
        Traceback (most recent call last):
        ...
        exportrow.outdir.OutputFolderError: --out .../pipe.yaml: is a FIFO (named pipe), not a file; exportrow ...
    """
    if not str(out).strip():
        raise OutputFolderError(f"{option} is empty; name the file to write")
    path = Path(out).expanduser()
    if path.is_symlink():
        raise OutputFolderError(f"{option} {out}: is a symbolic link; exportrow does not write through links, "
                                "so choose another file")
    if path.is_dir():
        raise OutputFolderError(f"{option} {out}: is a folder; name the file to write inside it")
    _check_folder_above(path, str(out), option)
    if not path.exists():
        return path
    special = _special_file(path)
    if special:
        raise OutputFolderError(f"{option} {out}: is {special}, not a file; exportrow writes only regular files "
                                "and leaves this as it is. Choose another file")
    try:
        ours = path.is_file() and written_by(path)
    except OSError:
        ours = False
    if not ours:
        raise OutputFolderError(f"{option} {out}: exists and exportrow did not write it (it is not {what}); it is "
                                "left as it is, even with --force. Choose another file")
    if edited and unchanged is not None:
        try:
            same = unchanged(path)
        except OSError:
            same = False
        if not same:
            changed = changed(path) if callable(changed) else changed
            raise OutputFolderError(
                f"{option} {out}: exists and {changed or f'is {what}, changed since'}; it is left as it is, even "
                "with --force, so that nothing in it is lost. Fix: move or rename it to keep it, then run the "
                "command again, or choose another file")
        if not force:
            raise OutputFolderError(f"{option} {out}: exists ({what}, unchanged since); choose another file, or "
                                    "add --force to replace it")
    if edited and not force:
        raise OutputFolderError(f"{option} {out}: exists ({what}, perhaps edited since); choose "
                                "another file, or add --force to replace it")
    return path


def _check_folder_above(path: Path, given: str, option: str) -> None:
    """Refuse ``path`` when the nearest of its folders that exists is not a folder (``--out notes.txt/page.html``).

    Example:
        >>> d = Path(tempfile.mkdtemp()); _ = (d / "article.txt").write_text("mine")
        >>> _check_folder_above(d / "article.txt" / "sub" / "p.html", "article.txt/sub/p.html", "--out")
        Traceback (most recent call last):
        ...
        exportrow.outdir.OutputFolderError: --out article.txt/sub/p.html: its folder .../article.txt is a file; \
choose another path
        >>> _check_folder_above(d / "new" / "p.html", "new/p.html", "--out")  # a folder still to be made: fine
    """
    for parent in path.parents:
        try:
            mode = os.stat(parent).st_mode
        except (FileNotFoundError, NotADirectoryError):
            continue  # not there (yet), or below a file: look further up
        except OSError:
            return  # cannot tell (permissions): writing will say what is wrong
        if stat.S_ISDIR(mode):
            return
        what = "a file" if stat.S_ISREG(mode) else "not a folder"
        raise OutputFolderError(f"{option} {given}: its folder {parent} is {what}; choose another path")


def _special_file(path: Path) -> str:
    """What ``path`` is when it exists and is neither a regular file nor a folder (for a refusal); else ``""``.

    Example:
        >>> _special_file(Path("/dev/null")), _special_file(Path(tempfile.gettempdir()))
        ('a device', '')
    """
    try:
        mode = os.stat(path).st_mode
    except OSError:
        return ""
    if stat.S_ISREG(mode) or stat.S_ISDIR(mode):
        return ""
    if stat.S_ISFIFO(mode):
        return "a FIFO (named pipe)"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    return "not a regular file"


def check_notebook_folder(folder: str | Path) -> Path:
    """A notebook's output folder (its ``output_dir``), checked before the notebook does any work.

    A notebook does not replace its folder as a whole: it writes its tables and figures one by one
    (:func:`write_notebook_output`), each over an earlier one only when exportrow wrote it there and nobody has
    changed it since. This check refuses at once what would be refused later: the project's own folders, the
    home folder and ``/``, a folder another exportrow command owns (a report, tables, a student edition), and
    files of this folder's outputs that have been edited since. Files the folder holds besides its outputs are
    left alone. The folder is created if new.

    Raises:
        OutputFolderError: With the folder, the reason and the fix.

    Example:
        >>> d = Path(tempfile.mkdtemp())
        >>> check_notebook_folder(d / "new") == d / "new"
        True
        >>> _ = (d / "t").mkdir(); _ = (d / "t" / MARKER).write_text(marker_text("tables", files=[]))
        >>> check_notebook_folder(d / "t")  # doctest: +ELLIPSIS
        Traceback (most recent call last):
        ...
        exportrow.outdir.OutputFolderError: output_dir .../t: the folder holds exportrow tables, ...
    """
    folder = Path(folder).expanduser()
    given = str(folder)
    if not given.strip():
        raise OutputFolderError(f"output_dir is empty; name a folder, e.g. output_dir = \"{_notebook_example()}\"")
    check_out_place(folder, f'= "{_notebook_example()}"', option="output_dir",
                    why="a notebook writes its tables and figures into a folder of their own")
    if folder.exists() and not folder.is_dir():
        raise OutputFolderError(f"output_dir {given}: that is a file, not a folder; name a new or empty folder")
    _check_notebook_place(folder)
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise OutputFolderError(f"output_dir {given}: cannot make the folder ({exc.strerror}); "
                                "name one you may write into") from None
    marker = _notebook_marker(folder)
    if marker is not None:
        edited = edited_files(folder, marker)
        if edited:
            raise OutputFolderError(
                f"output_dir {given}: outputs that a notebook wrote here have been changed since: {_few(edited)}. "
                f"A notebook run would overwrite the changes, so it stops here. Fix: copy them out of {given} to "
                f"keep the changes and delete them there, or choose another folder, e.g. output_dir = "
                f"\"{_notebook_example()}\"")
    return folder


def _notebook_example() -> str:
    """An ``output_dir`` that works from the folder the notebook runs in, for messages: a folder in the project's
    ``notebooks/outputs/`` (open to notebooks, README), written relative to the working folder; ``outputs/mine``
    outside the project.

    Example:
        >>> here = os.getcwd(); os.chdir(paths.PROJECT_ROOT / "notebooks")  # where JupyterLab runs the notebooks
        >>> _notebook_example()
        'outputs/mine'
        >>> os.chdir(paths.PROJECT_ROOT / "notebooks" / "solutions"); _notebook_example()
        '../outputs/mine'
        >>> os.chdir(paths.PROJECT_ROOT); _notebook_example()
        'notebooks/outputs/mine'
        >>> os.chdir(here)
    """
    root = paths.PROJECT_ROOT.resolve()
    try:
        cwd = Path.cwd().resolve()
    except OSError:  # the working folder was deleted
        return "outputs/mine"
    if cwd != root and root not in cwd.parents:
        return "outputs/mine"
    return Path(os.path.relpath(root / _OPEN_OUTPUTS / "mine", cwd)).as_posix()


def _check_notebook_place(folder: Path) -> None:
    """Refuse a notebook folder inside the project's source folders, or inside a folder another exportrow command
    owns and replaces as a whole (a report, tables, a student edition, the site), at any depth. Allowed there: a
    student edition's ``notebooks/outputs/`` (its notebooks write there), and a report's folder while that report
    runs this notebook (its temporary folder carries the pid of the report, which started this kernel). Allowed
    too: the project's own ``notebooks/outputs/`` (README), so that ``output_dir = "outputs/mine"`` works in a
    notebook that JupyterLab runs in ``notebooks/``."""
    given = str(folder)
    where = folder.resolve()
    root = paths.PROJECT_ROOT.resolve()
    open_outputs = (root / _OPEN_OUTPUTS).resolve()  # notebooks/outputs/: where notebooks run there may write
    for rel in SOURCE_FOLDERS:
        inner = (root / rel).resolve()
        if rel != "." and (where == inner or inner in where.parents) and open_outputs not in [where, *where.parents]:
            raise OutputFolderError(
                f"output_dir {given}: that is inside the project's {rel}/ folder; a notebook writes its tables and "
                f"figures into a folder of their own, e.g. output_dir = \"{_notebook_example()}\"")
    for above in [where, *where.parents]:
        marker = read_marker(above) if above != where or where.exists() else None
        if marker is None or marker["kind"] == "notebook":
            continue
        if marker.get("pid") in (os.getpid(), os.getppid()) and above != where:
            return  # the report that runs this notebook, writing into its own temporary folder
        if marker["kind"] == "student-edition" and (above / "notebooks" / "outputs") in [where, *where.parents]:
            return  # where a student edition's notebooks write
        inside = "the folder holds" if above == where else f"that folder is inside {above}, which holds"
        raise OutputFolderError(
            f"output_dir {given}: {inside} {KINDS[marker['kind']]}, which exportrow replaces as a whole; give the "
            f"notebook a folder of its own, e.g. output_dir = \"{_notebook_example()}\"")


def _notebook_marker(folder: Path) -> dict | None:
    """The marker of a notebook's folder (None in a folder without one); a ``.exportrow.json`` that exportrow
    cannot read as its marker is someone else's file, or damaged, and is never written over."""
    marker = read_marker(folder)
    if marker is None and ((folder / MARKER).exists() or (folder / MARKER).is_symlink()):
        raise OutputFolderError(
            f"output_dir {folder}: its {MARKER} is not a marker exportrow can read (someone else's file, or "
            f"damaged), so nothing is written there; it is left as it is. Fix: move it away, or choose another "
            f"folder, e.g. output_dir = \"{_notebook_example()}\"")
    if marker is not None and marker["kind"] != "notebook":
        raise OutputFolderError(f"output_dir {folder}: the folder holds {KINDS[marker['kind']]}, which exportrow "
                                f"replaces as a whole; give the notebook a folder of its own, e.g. output_dir = "
                                f"\"{_notebook_example()}\"")
    return marker


def write_notebook_output(path: str | Path, data: bytes | str) -> Path:
    """Write one of a notebook's outputs (a table, a chart) and record it in its folder's marker.

    A file already at ``path`` is replaced only when exportrow wrote it there (the marker lists it) and it is
    unchanged since (its checksum); anything else there is someone's own and is left as it is, with an error
    that says so. The marker (kind ``notebook``) records each file written with its size and SHA-256, sorted,
    so that two runs leave identical folders. Writers of one folder take turns (a lock on the folder).

    Raises:
        OutputFolderError: The file there is not one exportrow wrote, or it was edited since.

    Example:
        >>> d = Path(tempfile.mkdtemp())
        >>> write_notebook_output(d / "figures.csv", "a\\n1\\n").name
        'figures.csv'
        >>> write_notebook_output(d / "figures.csv", "a\\n2\\n").read_text()  # its own file: replaced
        'a\\n2\\n'
        >>> read_marker(d)["files"]
        ['figures.csv']
        >>> _ = (d / "notes.csv").write_text("mine")
        >>> write_notebook_output(d / "notes.csv", "a\\n")  # doctest: +ELLIPSIS
        Traceback (most recent call last):
        ...
        exportrow.outdir.OutputFolderError: output_dir ...: notes.csv is there and exportrow did not write it; ...
        >>> (d / "notes.csv").read_text()
        'mine'
    """
    from exportrow.export import write_atomic

    path = Path(path)
    folder, name = path.parent, path.name
    data = data.encode("utf-8") if isinstance(data, str) else data
    _check_notebook_place(folder)
    folder.mkdir(parents=True, exist_ok=True)
    with _folder_lock(folder):
        marker = _notebook_marker(folder)
        files = set((marker or {}).get("files") or [])
        sums = dict((marker or {}).get("checksums") or {})
        if path.exists() or path.is_symlink():
            if name not in files or name not in sums:
                raise OutputFolderError(
                    f"output_dir {folder}: {name} is there and exportrow did not write it; it is left as it is. "
                    f"Fix: move it out of the folder, or choose another folder for this notebook's outputs, "
                    f"e.g. output_dir = \"{_notebook_example()}\"")
            if name in edited_files(folder, {"files": [name], "checksums": {name: sums[name]}}):
                raise OutputFolderError(
                    f"output_dir {folder}: {name} has been changed since this notebook wrote it; it is left as it "
                    f"is. Fix: copy it elsewhere to keep the changes and delete it there, or choose another folder")
        write_atomic(path, data)
        files.add(name)
        sums[name] = {"size": len(data), "sha256": hashlib.sha256(data).hexdigest()}
        write_atomic(folder / MARKER, marker_text("notebook", files=sorted(files), sums=sums))
    return path


@contextlib.contextmanager
def _folder_lock(folder: Path):
    """Hold an exclusive lock on ``folder`` itself (``flock`` on the folder; no file of its own is made)."""
    fd = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)


def _example(kind: str) -> str:
    return f"--out {_EXAMPLES[kind]}"


def _check_existing(path: Path, given: str, kind: str, what: str, option: str) -> None:
    if not path.is_dir():
        kind_of = "a file" if path.is_file() else "not a folder"
        raise OutputFolderError(f"{option} {given}: that is {kind_of}; exportrow writes {what} into a folder of "
                                f"its own, so name a new or empty folder")
    try:
        entries = [p.name for p in path.iterdir()]
    except OSError as exc:
        raise OutputFolderError(f"{option} {given}: cannot read the folder ({exc.strerror})") from None
    if not entries:
        return
    marker = read_marker(path)
    if marker is None and kind in LEGACY_MARKERS and (path / LEGACY_MARKERS[kind]).is_file():
        _check_foreign(path, given, kind, [p for p in listing(path) if p != LEGACY_MARKERS[kind]], option,
                       older=True)
        return  # written by an earlier exportrow, before the one marker
    if marker is None:
        raise OutputFolderError(
            f"{option} {given}: the folder holds files that exportrow did not write ({_few(entries)}) and has "
            f"no {MARKER} marker, so exportrow will not replace it; name a new or empty folder (if an older "
            "exportrow wrote it, delete it yourself)")
    if marker.get("pid") is not None:
        raise OutputFolderError(f"{option} {given}: that is a temporary folder of an exportrow run in progress "
                                f"(process {marker['pid']}); name another folder")
    if marker["kind"] != kind:
        raise OutputFolderError(f"{option} {given}: the folder holds {KINDS[marker['kind']]}, not {what}; "
                                f"choose another folder, e.g. {_example(kind)}")
    _check_foreign(path, given, kind, foreign_files(path, marker), option, older=marker.get("files") is None)
    _check_edited(given, kind, edited_files(path, marker), option)


def _check_edited(given: str, kind: str, edited: list[str], option: str) -> None:
    """Refuse a folder in which a file exportrow wrote has been edited since (the edits would be lost)."""
    if not edited:
        return
    shown = ", ".join(edited[:8]) + (f" and {len(edited) - 8} more" if len(edited) > 8 else "")
    raise OutputFolderError(
        f"{option} {given}: files that exportrow wrote have been changed since: {shown}. exportrow replaces this "
        f"folder as a whole and would overwrite the changes, so nothing was run. Fix: copy them out of {given} "
        f"to keep the changes and delete them there (exportrow writes them again), or choose another folder, "
        f"e.g. {_example(kind)}")


def _check_foreign(path: Path, given: str, kind: str, foreign: list[str], option: str, *, older: bool) -> None:
    """Refuse a folder exportrow published that now also holds files it did not write (they would be deleted)."""
    if not foreign:
        return
    dirs = {p for p in foreign if p.endswith("/")}
    tops = [p for p in foreign if not any(p != d and p.startswith(d) for d in dirs)]  # a folder, not its files
    shown = ", ".join(tops[:8]) + (f" and {len(tops) - 8} more" if len(tops) > 8 else "")
    if older:
        raise OutputFolderError(
            f"{option} {given}: an earlier exportrow published this folder without recording which files it wrote, "
            f"so it cannot tell them from yours ({shown}) and will not replace it; nothing was run. Fix: move your "
            f"own files out and delete the folder yourself, or choose another folder, e.g. {_example(kind)}")
    ran = f"notebooks/{_EDITION_OUTPUTS}/"
    if kind == "student-edition" and all(p.startswith(ran) for p in tops):  # the edition's own notebooks wrote them
        raise OutputFolderError(
            f"{option} {given}: the folder holds outputs that the edition's notebooks wrote when someone ran them "
            f"(perhaps a student's work): {shown}. exportrow replaces this folder as a whole and would delete them, "
            f"so nothing was run. Fix: copy {ran} out of {given} to keep them and delete it there, or write the new "
            f"edition into another folder, e.g. {_example(kind)}")
    raise OutputFolderError(
        f"{option} {given}: the folder holds files that exportrow did not write: {shown}. exportrow replaces "
        f"this folder as a whole and would delete them, so nothing was run. Fix: move them out of {given} "
        f"(keep your own files elsewhere), or choose another folder, e.g. {_example(kind)}")


def _few(names: list[str]) -> str:
    names = sorted(names)
    shown = ", ".join(names[:3])
    return shown + (f" and {len(names) - 3} more" if len(names) > 3 else "")


_UMASK: int | None = None


def _umask() -> int:
    """The process's umask, read without changing it (other threads may be creating files)."""
    global _UMASK
    if _UMASK is None:
        try:
            text = Path("/proc/self/status").read_text()
            _UMASK = int(re.search(r"^Umask:\s*([0-7]+)", text, re.M).group(1), 8)
        except (OSError, AttributeError):
            _UMASK = os.umask(0o022)
            os.umask(_UMASK)
    return _UMASK


def folder_mode() -> int:
    """The mode a new folder gets under the current umask (``0o755`` for umask 022).

    Example:
        >>> folder_mode() == 0o777 & ~_umask()
        True
    """
    return 0o777 & ~_umask()


def file_mode() -> int:
    """The mode a new file gets under the current umask (``0o644`` for umask 022).

    Example:
        >>> file_mode() == 0o666 & ~_umask()
        True
    """
    return 0o666 & ~_umask()


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _exchange(a: Path, b: Path) -> bool:
    """Swap two paths atomically (Linux ``renameat2(RENAME_EXCHANGE)``); False where unsupported."""
    try:
        fn = ctypes.CDLL(None, use_errno=True).renameat2
    except (OSError, AttributeError):
        return False
    fn.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_uint]
    at_fdcwd, rename_exchange = -100, 2
    if fn(at_fdcwd, os.fsencode(a), at_fdcwd, os.fsencode(b), rename_exchange) == 0:
        return True
    err = ctypes.get_errno()
    if err in (errno.EINVAL, errno.ENOSYS, errno.EOPNOTSUPP):
        return False
    raise OSError(err, os.strerror(err), str(b))


def temporary_marker(folder: Path, kind: str, pid: int | None = None) -> None:
    """Mark ``folder`` as the temporary folder of a run (this process, or ``pid``): kind, pid, name and identity.

    Example:
        >>> d = Path(tempfile.mkdtemp(prefix=".out.42-", suffix=".tmp"))
        >>> temporary_marker(d, "tables", pid=42)
        >>> m = read_marker(d); (m["kind"], m["pid"], m["folder"] == d.name)
        ('tables', 42, True)
    """
    (Path(folder) / MARKER).write_text(marker_text(kind, pid=os.getpid() if pid is None else pid, folder=folder),
                                       encoding="utf-8")


def leftover_problem(folder: Path, kind: str, pid: int) -> str | None:
    """Why ``folder``, named like a temporary folder of run ``pid`` of ``kind``, is not its own; None if it is.

    It is that run's own when its marker is the temporary marker of that run (the kind, the process id in the
    folder's name, the folder's name and its identity on disk: a copied marker does not count) and it holds
    nothing but what such a run writes (files and folders of the folder's owner, no links or other things). A
    folder a run was publishing when it died (its marker lists its files) counts when it holds exactly those.

    Example:
        >>> d = Path(tempfile.mkdtemp(prefix=".out.42-", suffix=".tmp"))
        >>> temporary_marker(d, "tables", pid=42); _ = (d / "a.csv").write_text("x")
        >>> leftover_problem(d, "tables", 42) is None
        True
        >>> leftover_problem(d, "report", 42)
        'its marker is not that of a temporary report folder of process 42'
        >>> _ = (d / MARKER).write_text(marker_text("tables", files=["b.csv"]))  # a published folder's marker
        >>> leftover_problem(d, "tables", 42)
        'it holds files that its marker does not list (a.csv)'
    """
    marker = read_marker(folder)
    if marker is None:
        return f"it has no {MARKER} marker"
    if marker.get("pid") is None:  # a folder that was being swapped into (or out of) place: listed and summed
        if marker["kind"] != kind or marker.get("files") is None:
            return f"its marker is not that of {KINDS[kind]}"
        foreign = foreign_files(folder, marker)
        if foreign:
            return f"it holds files that its marker does not list ({_few(foreign)})"
        edited = edited_files(folder, marker)
        if edited:
            return f"files in it have been changed since exportrow wrote them ({_few(edited)})"
        return None
    try:
        st = os.lstat(folder)
    except OSError as exc:
        return f"it cannot be read ({exc.strerror})"
    if (marker["kind"] != kind or marker.get("pid") != pid or marker.get("folder") != Path(folder).name
            or marker.get("identity") != f"{st.st_dev}:{st.st_ino}"):
        return f"its marker is not that of a temporary {kind} folder of process {pid}"
    odd = []
    for root, dirs, files in os.walk(folder, followlinks=False):
        for name in dirs + files:
            path = Path(root) / name
            try:
                sub = os.lstat(path)
            except OSError:
                continue
            if not (stat.S_ISREG(sub.st_mode) or stat.S_ISDIR(sub.st_mode)) or sub.st_uid != st.st_uid:
                odd.append(path.relative_to(folder).as_posix())
    if odd:
        return f"it holds things that such a run does not write ({_few(odd)})"
    return None


_LOCK_NOTE = "exportrow holds this lock while it writes the folder beside it, and removes it when done"


def lock_text(name: str, pid: int | None = None) -> str:
    """The content of the lock file beside an output folder ``name``: exportrow's, with the writer's process id.

    Example:
        >>> lock_text("latest", pid=4242)[:72]
        '{"tool": "exportrow", "kind": "lock", "folder": "latest", "pid": 4242, "'
        >>> read_lock(lock_text("latest", pid=4242).encode())
        4242
    """
    return json.dumps({"tool": "exportrow", "kind": "lock", "folder": name,
                       "pid": os.getpid() if pid is None else pid, "note": _LOCK_NOTE}) + "\n"


def read_lock(data: bytes) -> int | None:
    """The process id in a lock file exportrow wrote (see :func:`lock_text`); None for anything else.

    Example:
        >>> read_lock(b"my notes") is None, read_lock(b"5140") is None
        (True, True)
    """
    try:
        got = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        return None
    if (not isinstance(got, dict) or got.get("tool") != "exportrow" or got.get("kind") != "lock"
            or type(got.get("pid")) is not int):
        return None
    return got["pid"]


_OLD_LOCK = re.compile(rb"[1-9][0-9]{0,6}\n?")


def read_old_lock(data: bytes, st: os.stat_result) -> int | None:
    """The process id in a lock file of the format exportrow wrote before :func:`lock_text` (before commit
    7f98fbf: the pid and a newline, nothing else), which a killed run of an older install leaves; None otherwise.

    Only a regular file of the user's own, of at most 8 bytes, whose whole content is a decimal process id
    (1 to 4194304, Linux's largest) and an optional newline, counts: a file of any other content is not
    exportrow's and is never removed.

    Example:
        >>> with tempfile.NamedTemporaryFile() as f:
        ...     st = os.stat(f.name)
        >>> read_old_lock(b"5140\\n", st), read_old_lock(b"5140", st)
        (5140, 5140)
        >>> [read_old_lock(d, st) for d in (b"my notes", b"5140\\n\\n", b" 5140", b"0\\n", b"", b"99999999")]
        [None, None, None, None, None, None]
    """
    if not stat.S_ISREG(st.st_mode) or st.st_uid != os.geteuid() or st.st_size > 8 or len(data) > 8:
        return None
    if _OLD_LOCK.fullmatch(data) is None or int(data) > 4_194_304:
        return None
    return int(data)


class Publication:
    """Write into a temporary folder beside ``out`` and publish it as a whole, holding a lock on ``out``.

    Use as a context manager; call :meth:`publish` on success. Leaving the block without
    publishing (an error, Ctrl-C, SIGTERM) removes the temporary folder and leaves ``out`` as it was.

    Example:
        >>> base = Path(tempfile.mkdtemp())
        >>> with Publication(base / "out", "tables") as pub:
        ...     _ = (pub.tmp / "a.csv").write_text("x\\n")
        ...     where = pub.publish()
        >>> sorted(p.name for p in where.iterdir()), sorted(p.name for p in base.iterdir())
        (['.exportrow.json', 'a.csv'], ['out'])
    """

    def __init__(self, out: str | Path, kind: str, *, option: str = "--out"):
        self.kind, self.option = kind, option
        self.out = check_out(out, kind, option=option)
        self.tmp: Path | None = None
        self._lock_fd: int | None = None
        self._lock_path = self.out.with_name(f".{self.out.name}.lock")

    def __enter__(self) -> Publication:
        try:
            self.out.parent.mkdir(parents=True, exist_ok=True)
            self._lock()
        except OSError as exc:
            raise cannot_write_in(self.out, exc, option=self.option) from None
        try:
            self.out = check_out(self.out, self.kind, option=self.option)  # again, now that we hold the lock
            if self.kind == "report":
                check_out(failed_path(self.out), self.kind, option=self.option)
            self.remove_leftovers()
            self.tmp = Path(tempfile.mkdtemp(prefix=f".{self.out.name}.{os.getpid()}-", suffix=".tmp",
                                             dir=self.out.parent))
            temporary_marker(self.tmp, self.kind)
        except BaseException:
            self._unlock()
            raise
        return self

    def __exit__(self, *exc) -> None:
        try:
            if self.tmp is not None and self.tmp.exists():
                shutil.rmtree(self.tmp, ignore_errors=True)
        finally:
            self._unlock()

    def _lock(self) -> None:
        """Hold the lock beside ``out``: a file exportrow creates itself, never one that was there before.

        The lock file is written and locked under a temporary name first and then hard-linked to
        ``.<name>.lock``; a link never replaces anything and never follows a symbolic link, so a user's
        file or link of that name is left exactly as it was (:func:`_existing_lock` refuses it). One that
        exportrow made (see :func:`lock_text`, or :func:`read_old_lock` for an older install's) is either
        held by a live run (refused with its process id) or left by a dead one, which is removed (while
        holding it) and made anew. An older install's lock whose process is still alive is refused even
        when not held: its bare pid is all there is to tell it by.
        """
        while True:
            self._existing_lock()  # first, so that a refused run writes nothing at all, not even a temporary file
            fd = self._new_lock()
            if fd is not None:
                break
        self._lock_fd = fd

    def _new_lock(self) -> int | None:
        """Create the lock file as our own, locked and filled; None when something of that name exists."""
        fd, tmp = tempfile.mkstemp(prefix=f"{self._lock_path.name}.{os.getpid()}-", suffix=".new",
                                   dir=self._lock_path.parent)
        try:
            os.set_inheritable(fd, False)
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)  # a new file: nobody else can hold it
            os.write(fd, lock_text(self.out.name).encode())
            os.fchmod(fd, file_mode())
            try:
                os.link(tmp, self._lock_path, follow_symlinks=False)
            except FileExistsError:
                os.close(fd)
                return None
            except OSError as exc:  # a file system without hard links: create it in place, never following a link
                if exc.errno not in (errno.EPERM, errno.EOPNOTSUPP, errno.ENOTSUP, errno.EMLINK, errno.ENOSYS):
                    raise
                os.close(fd)
                return self._new_lock_in_place()
            return fd
        except BaseException:
            with contextlib.suppress(OSError):
                os.close(fd)
            raise
        finally:
            with contextlib.suppress(OSError):
                os.unlink(tmp)

    def _new_lock_in_place(self) -> int | None:
        """Where hard links are not supported: ``O_CREAT | O_EXCL | O_NOFOLLOW`` (a run starting at the same
        instant may see the file before its text is written and be refused; nothing is lost)."""
        try:
            fd = os.open(self._lock_path, os.O_RDWR | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW | os.O_CLOEXEC,
                         file_mode())
        except FileExistsError:
            return None
        fcntl.flock(fd, fcntl.LOCK_EX)
        os.write(fd, lock_text(self.out.name).encode())
        return fd

    def _existing_lock(self) -> None:
        """Remove the lock file at the path if a dead exportrow run left it; refuse anything else.

        Returns None to try again (the stale lock is gone, or the file changed meanwhile); raises a refusal for
        a live run's lock or for anything exportrow did not make, which is left untouched.
        """
        path = self._lock_path
        try:
            st = os.lstat(path)
        except FileNotFoundError:
            return None
        if not stat.S_ISREG(st.st_mode):
            what = ("a symbolic link" if stat.S_ISLNK(st.st_mode) else "a folder" if stat.S_ISDIR(st.st_mode)
                    else "not a regular file")
            raise self._foreign_lock(what)
        try:
            fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK | os.O_CLOEXEC)
        except FileNotFoundError:
            return None
        except OSError as exc:
            if exc.errno == errno.ELOOP:  # replaced by a link since the lstat
                raise self._foreign_lock("a symbolic link") from None
            raise
        try:
            if not os.path.samestat(os.fstat(fd), st):
                return None  # replaced meanwhile: look again
            data = os.pread(fd, 4096, 0)
            holder, older = read_lock(data), None
            if holder is None:
                older = read_old_lock(data, st)
                if older is None:
                    raise self._foreign_lock("a file that exportrow did not write")
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                raise self._live_lock(holder if older is None else older) from None
            if older is not None and _alive(older):  # the old format says nothing else: a live pid may be its run
                raise self._live_lock(older, old_format=True)
            try:  # the file we locked must still be the one at the path (a finishing run unlinks it)
                same = os.path.samestat(os.fstat(fd), os.lstat(path))
            except FileNotFoundError:
                same = False
            if same:  # a dead run's lock (its process released it by ending; we hold it now): make our own
                os.unlink(path)
            return None
        finally:
            os.close(fd)

    def _live_lock(self, pid: int, *, old_format: bool = False) -> OutputFolderError:
        hint = (f"; if process {pid} is not an exportrow run (`ps -p {pid}`; an older exportrow's lock whose "
                f"process id was reused), delete {self._lock_path}") if old_format else ""
        return OutputFolderError(
            f"{self.option} {self.out}: another exportrow run (process {pid}) is writing into this folder; "
            f"wait for it to finish or choose another folder{hint}")

    def _foreign_lock(self, what: str) -> OutputFolderError:
        return OutputFolderError(
            f"{self.option} {self.out}: {self._lock_path} is {what}, where exportrow keeps its lock for this "
            f"folder; it was left as it is and nothing was run. Fix: move or rename {self._lock_path.name} "
            f"(it is not exportrow's), or choose another folder, e.g. {_example(self.kind)}")

    def _unlock(self) -> None:
        if self._lock_fd is None:
            return
        try:  # while still holding it: no other run holds this file; only the file we made, never a newcomer
            if os.path.samestat(os.fstat(self._lock_fd), os.lstat(self._lock_path)):
                self._lock_path.unlink()
        except OSError:
            pass
        finally:
            os.close(self._lock_fd)
            self._lock_fd = None

    def remove_leftovers(self) -> list[Path]:
        """Remove the temporary folders that dead runs into the same ``out`` left beside it.

        Only a folder whose process is gone and that :func:`leftover_problem` finds to be that run's own is
        removed; any other folder of such a name is left as it is and named on stderr in one line.

        Example:
            >>> base = Path(tempfile.mkdtemp())
            >>> dead = base / ".out.999999999-abc.tmp"
            >>> dead.mkdir()
            >>> temporary_marker(dead, "report", pid=999999999)
            >>> with Publication(base / "out", "report") as pub:
            ...     pass
            >>> dead.exists()
            False
        """
        removed = []
        pattern = re.compile(rf"^\.{re.escape(self.out.name)}\.(\d+)-[^/]*\.(tmp|old)$")
        for p in sorted(self.out.parent.iterdir()):
            m = pattern.match(p.name)
            if not m or not p.is_dir() or p.is_symlink():
                continue
            pid = int(m.group(1))
            if pid == os.getpid() or _alive(pid):
                continue
            problem = leftover_problem(p, self.kind, pid)
            if problem is not None:
                print(f"note: {p}: named like what a dead exportrow run left, but {problem}; it was left as it is "
                      f"(delete it yourself if it is not yours)", file=sys.stderr)
                continue
            shutil.rmtree(p, ignore_errors=True)
            removed.append(p)
        return removed

    def write_error(self, exc: OSError, what: str) -> OutputWriteError:
        """An :class:`OutputWriteError` for ``exc`` that names the file as it would be published, and the reason.

        Example:
            >>> import errno
            >>> with Publication(Path(tempfile.mkdtemp()) / "out", "tables") as pub:
            ...     err = pub.write_error(OSError(errno.ENOSPC, "No space left on device", str(pub.tmp / "a.csv")),
            ...                           "tables")
            >>> str(err)  # doctest: +ELLIPSIS
            '/.../out/a.csv: cannot write (No space left on device); the previous tables in /.../out were left ...'

        """
        name = Path(exc.filename) if exc.filename else None
        if name is not None and self.tmp is not None and name.is_relative_to(self.tmp):
            name = self.out / name.relative_to(self.tmp)
        reason = exc.strerror or str(exc)
        left = "were left as they were" if what.endswith("s") else "was left as it was"
        return OutputWriteError(f"{name or self.out}: cannot write ({reason}); the previous {what} in {self.out} "
                                f"{left}")

    def publish(self, *, failed: bool = False) -> Path:
        """Move the temporary folder into place: ``out``, or ``<out>.failed`` when ``failed``.

        The previous folder there is replaced (it carries the marker: checked again now); after a
        success, a stale ``<out>.failed`` is removed.
        """
        assert self.tmp is not None, "publish() inside the with block"
        target = failed_path(self.out) if failed else self.out
        check_out(target, self.kind, option=self.option)
        files = listing(self.tmp)
        (self.tmp / MARKER).write_text(marker_text(self.kind, files=files, sums=checksums(self.tmp, files)),
                                       encoding="utf-8")
        os.chmod(self.tmp, folder_mode())
        with critical():
            if target.exists():
                if _exchange(self.tmp, target):
                    shutil.rmtree(self.tmp, ignore_errors=True)  # the old folder, now at the temporary path
                else:
                    old = target.with_name(f".{self.out.name}.{os.getpid()}-old.old")
                    target.rename(old)
                    self.tmp.rename(target)
                    shutil.rmtree(old, ignore_errors=True)
            else:
                self.tmp.rename(target)
            self.tmp = None
        stale = failed_path(self.out)
        marker = read_marker(stale) if not failed and stale.is_dir() else None
        if (marker is not None and marker.get("pid") is None and not foreign_files(stale, marker)
                and not edited_files(stale, marker)):
            shutil.rmtree(stale, ignore_errors=True)
        return target
