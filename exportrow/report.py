"""``exportrow report``: run every notebook headlessly with papermill and write an HTML report.

Before any kernel starts, the output folder is checked (:mod:`exportrow.outdir`: only a new,
empty or exportrow-published folder is replaced) and every ``-p`` value is checked against the
notebooks' parameters cells (:mod:`exportrow.parameters`). The command line's wiring is in
:mod:`exportrow.cli`; :func:`plan` and :func:`run_report` are the steps it calls.

How a run spends its time (see benchmarks/README.md for a profile): one kernel per notebook is
started at once, each in its notebook's report folder, while this process checks the article's
annotation once (the kernels then load the checked result instead of checking again, see
:mod:`exportrow.runcache`), draws the article page and loads the HTML exporter. At most
``--jobs`` notebooks execute at a time; a notebook's HTML is exported from the executed notebook
in memory by one shared exporter. Parameters are injected by papermill; kernels are shut down
immediately when a notebook ends. Each kernel runs in its own process group and cannot outlive
the report (:mod:`exportrow.kernels`). Everything is written into a temporary folder beside
``--out``, under a lock on ``--out``, and moved into place only when every notebook succeeded, so
a failed or interrupted run never replaces a good report. On an interrupt every kernel is
stopped and every worker thread has ended before the temporary folder is removed.
"""

from __future__ import annotations

import concurrent.futures as cf
import json
import os
import shutil
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

from exportrow import paths, runcache
from exportrow.errors import ExportrowError, UsageError
from exportrow.escape import CONTENT_SECURITY_POLICY, html_href, html_text

__all__ = ["plan", "run_report", "discover", "parse_parameters", "article_page_html", "default_jobs",
           "ReportError", "NotebookResult", "ARTICLE_PAGE", "DEFAULT_JOBS"]

NOTEBOOKS = paths.PROJECT_ROOT / "notebooks"
RESERVED = ("output_dir",)


class ReportError(UsageError):
    """Bad report options (unknown parameter, missing notebook, ``--jobs 0``): nothing was run (exit 2)."""


@dataclass
class NotebookResult:
    """What happened to one notebook."""

    name: str
    ok: bool = False
    seconds: float = 0.0
    cell: int | None = None
    prompt: int | None = None
    error: str = ""
    source: str = ""
    files: list[str] = field(default_factory=list)
    question: str = ""

    def where(self) -> str:
        """The failing cell, for messages: ``cell 5 (In [3]) `x = 1```, or ``before any cell``."""
        if self.cell is None:
            return "before any cell"
        prompt = f" (In [{self.prompt}])" if self.prompt is not None else ""
        return f"cell {self.cell}{prompt}" + (f" `{self.source}`" if self.source else "")


def _fast_jupyter_imports() -> None:
    """Skip jsonschema's optional IRI checker: it builds a grammar at import (~0.8 s) and
    nbformat never validates the "iri" format. Only this process is affected."""
    sys.modules.setdefault("rfc3987_syntax", None)


def discover(selected: list[str] | None = None, *, solutions: bool = False) -> list[Path]:
    """The notebooks to run: all numbered notebooks, or those named (by name, stem or path).

    A number or a numbered notebook's name selects that notebook and, with ``solutions``, its worked solution
    too; a solution's own name selects the solution alone.

    Example:
        >>> [p.name for p in discover()]
        ['01-enforcement-statistics.ipynb', '02-claim-timeline.ipynb', '03-framing-comparison.ipynb',
         '04-coding-reliability.ipynb']
        >>> [p.name for p in discover(["02"])]
        ['02-claim-timeline.ipynb']
        >>> [p.name for p in discover(["01", "04"], solutions=True)]
        ['01-enforcement-statistics.ipynb', '01-enforcement-statistics-solutions.ipynb', '04-coding-reliability.ipynb']
        >>> [p.name for p in discover(["1"])]
        ['01-enforcement-statistics.ipynb']
    """
    numbered = sorted(NOTEBOOKS.glob("[0-9][0-9]-*.ipynb"))
    worked = sorted((NOTEBOOKS / "solutions").glob("*.ipynb")) if solutions else []
    every = numbered + worked
    if not selected:
        return every
    out = []
    for want in selected:
        p = Path(want)
        if p.suffix == ".ipynb" and p.exists():
            out.append(p.resolve())
            continue
        key = want.zfill(2) if want.isdigit() and want != "0" else want  # "1" is notebook 01
        hits = ([nb for nb in every if nb.stem == key or nb.name == key]
                or [nb for nb in every if nb.stem.startswith(f"{key}-")])
        main = [nb for nb in hits if nb in numbered]
        if len(main) == 1 and all(nb in main or nb.stem == f"{main[0].stem}-solutions" for nb in hits):
            hits = main  # a numbered notebook and its solution: the notebook (its solution is added below)
        if len(hits) != 1:
            names = ", ".join(nb.stem for nb in every)
            hidden = [] if solutions else sorted((NOTEBOOKS / "solutions").glob(f"{Path(want).stem}.ipynb"))
            hint = f" ({hidden[0].stem} is a worked solution: add --solutions to run it)" if hidden else ""
            raise ReportError(f"no single notebook matches {want!r}{hint}; choose from: {names}")
        out.append(hits[0])
        out += [nb for nb in worked if hits[0] in numbered and nb.stem == f"{hits[0].stem}-solutions"]
    return list(dict.fromkeys(out))


def _declared(notebooks: list[Path]) -> dict[str, dict]:
    """Each notebook's parameters, as papermill reads them from its ``parameters`` cell."""
    import papermill

    out = {}
    for nb in notebooks:
        try:
            out[nb.stem] = papermill.inspect_notebook(str(nb))
        except Exception as exc:  # not a notebook, no kernelspec, unreadable JSON
            raise ReportError(f"{nb}: cannot read the notebook's parameters ({_error_text(exc)})") from None
    return out


def parse_parameters(pairs: list[tuple[str, str]], declared: dict[str, dict]) -> dict[str, object]:
    """Turn ``-p NAME VALUE`` pairs into typed values, checked against every notebook that declares NAME.

    Each value must fit the declared type and the allowed values or bounds stated in the
    parameter's comment (see :mod:`exportrow.parameters`); text parameters stay text, the others
    are read as YAML (``true``, ``3``, ``[2016, 2017]``). Nothing has run when this refuses.

    Example:
        >>> decl = {"01": {"years": {"inferred_type_name": "list"}, "measure": {"inferred_type_name": "str"}}}
        >>> parse_parameters([("years", "[2016, 2017]"), ("measure", "per_month")], decl)
        {'years': [2016, 2017], 'measure': 'per_month'}
        >>> parse_parameters([("window", "[2019-07-01, 2019-07-13]")], {"02": {"window": {}}})
        {'window': ['2019-07-01', '2019-07-13']}
        >>> parse_parameters([("colour", "red")], decl)
        Traceback (most recent call last):
        ...
        exportrow.report.ReportError: parameter 'colour' is not declared by any selected notebook. ...
          01: years, measure
        >>> parse_parameters([("years", "2016")], decl)
        Traceback (most recent call last):
        ...
        exportrow.parameters.ParameterError: -p years '2016': not a list; allowed: a list in YAML form, ...
    """
    from exportrow.parameters import convert

    out: dict[str, object] = {}
    for name, raw in pairs:
        owners = {nb: d[name] for nb, d in declared.items() if name in d}
        if name in RESERVED:
            raise ReportError(f"parameter {name!r} is set by the report for each notebook; use --out DIR")
        if not owners:
            lines = [f"  {nb}: {', '.join(n for n in d if n not in RESERVED) or '(none)'}"
                     for nb, d in declared.items()]
            raise ReportError(f"parameter {name!r} is not declared by any selected notebook. "
                              "Parameters each notebook accepts:\n" + "\n".join(lines))
        values = [convert(name, raw, info, nb) for nb, info in owners.items()]
        out[name] = values[0]
    return out


class _Progress:
    def __init__(self, total: int, stream=None):
        self.total, self.done = total, 0
        self.stream = stream or sys.stderr
        self.tty = self.stream.isatty()
        self.cells: dict[str, str] = {}
        self.lock = threading.Lock()
        self.start = time.perf_counter()

    def line(self, text: str) -> None:
        with self.lock:
            if self.tty:
                self.stream.write("\r\033[K")
            self.stream.write(f"[report] {text}\n")
            self.stream.flush()
            self._status()

    def cell(self, name: str, index: int, count: int) -> None:
        with self.lock:
            self.cells[name] = f"{name} cell {index + 1}/{count}"
            self._status()

    def finish(self, name: str) -> None:
        with self.lock:
            self.done += 1
            self.cells.pop(name, None)

    def _status(self) -> None:
        if self.tty:
            running = " · ".join(self.cells.values())
            self.stream.write(f"\r\033[K[report] {self.done}/{self.total} done"
                              f"{' · ' + running if running else ''}")
            self.stream.flush()


class _Exporter:
    """One HTML exporter for the whole run (:class:`exportrow.htmlexport.ReportExporter`): its template is
    compiled once, and it works on the executed notebook in memory. Exports take turns (they are pure
    Python, so they would anyway)."""

    def __init__(self):
        self._lock = threading.Lock()
        self._exporter = None

    def load(self) -> None:
        """Import nbconvert and compile the template now (called while the kernels start)."""
        with self._lock:
            if self._exporter is None:
                from exportrow.htmlexport import ReportExporter

                self._exporter = ReportExporter()

    def html(self, nb) -> str:
        self.load()
        with self._lock:
            body, _ = self._exporter.from_notebook_node(nb)
        return body


def _html(nb) -> str:
    """A notebook as the report's offline HTML page."""
    return _EXPORTER.html(nb)


_EXPORTER = _Exporter()


class _Stopped(Exception):
    """The report is being interrupted: stop this notebook before its next cell."""


class _TestPause:
    """A test hook for deterministic interrupts (``EXPORTROW_TEST_PAUSE=first-cell``).

    The first notebook to finish a cell holds its kernel there until the report stops, and the
    main thread, still submitting notebooks, prints a line and waits for a signal. A test then
    signals the report at a known point: a kernel running, jobs still being submitted.
    """

    def __init__(self):
        self.point = os.environ.get("EXPORTROW_TEST_PAUSE", "")
        self.reached = threading.Event()
        self.kernel: int | None = None
        self._lock = threading.Lock()
        self._paused = False

    def in_worker(self, client, stop: threading.Event) -> None:
        if self.point != "first-cell":
            return
        with self._lock:
            if self.reached.is_set():
                return
            self.kernel = client.kernel_pid
            self.reached.set()
        stop.wait()

    def in_main(self, progress: _Progress) -> None:
        if self.point != "first-cell" or self._paused:
            return
        self._paused = True
        self.reached.wait()
        progress.line(f"test pause: kernel {self.kernel} running, notebooks still being submitted; "
                      "waiting for a signal")
        import signal

        while True:
            signal.pause()


def _run_one(path: Path, folder: Path, params: dict, declared: dict, progress: _Progress,
             timeout: int, stop: threading.Event, kernels_dir: Path, pause: _TestPause,
             sockets: Path | None = None, turns: threading.Semaphore | None = None,
             env: dict | None = None, gate: _Preparation | None = None) -> NotebookResult:
    """Start this notebook's kernel at once, wait for a turn (one of ``--jobs``), run it, save it.

    With a ``gate`` (notebook 04, which compares codings), wait for the gate's check of the codings before the
    first cell; a refused coding stops the whole report (``stop``), and :func:`run_report` raises the refusal."""
    import asyncio
    import atexit

    import nbformat
    from papermill.iorw import load_notebook_node
    from papermill.parameterize import parameterize_notebook

    from exportrow.export import write_atomic
    from exportrow.kernels import ReportClient
    from exportrow.nbtools import clean_notebook

    name = path.stem
    res = NotebookResult(name)
    if stop.is_set():  # the report is stopping: this notebook never starts
        res.error = "not run: the report was interrupted"
        return res
    folder.mkdir(parents=True, exist_ok=True)
    mine = _kernel_parameters(_notebook_parameters(params, _own_file_parameters(path, declared), declared), folder)
    if "output_dir" in declared:
        mine["output_dir"] = "."  # the kernel runs in the notebook's report folder
    nb = load_notebook_node(str(path))  # papermill's loader: adds the metadata it expects
    nb = parameterize_notebook(nb, mine, kernel_name="python3", language="python")
    for cell in nb.cells:  # papermill gives the injected cell a random id; keep reports identical
        if "injected-parameters" in cell.metadata.get("tags", []):
            cell.id = "injected-parameters"
    count = len(nb.cells)
    res.question = _question(nb)
    current: dict = {"cell": None, "turn": False, "t0": time.perf_counter()}

    async def stop_here():  # stop this kernel before its first cell (nbclient would not)
        await client._async_cleanup_kernel()
        atexit.unregister(client._cleanup_kernel)  # nbclient's own exit hook: nothing left for it
        raise _Stopped()

    async def on_kernel_ready(notebook):  # the kernel has started: wait for a turn to run the notebook
        while gate is not None and not gate.checked.is_set() and not stop.is_set():
            await asyncio.sleep(0.02)
        if gate is not None and gate.refused is not None:
            stop.set()  # a coding this notebook could not read: no notebook of this report goes on
        if stop.is_set():
            await stop_here()
        while turns is not None and not turns.acquire(blocking=False):
            if stop.is_set():  # interrupted while waiting
                await stop_here()
            await asyncio.sleep(0.02)
        current["turn"], current["t0"] = True, time.perf_counter()
        progress.line(f"{name}: started")

    def on_start(cell, cell_index):
        if stop.is_set():
            raise _Stopped()
        current["cell"] = cell_index

    def on_executed(cell, cell_index, execute_reply):
        progress.cell(name, cell_index, count)
        pause.in_worker(client, stop)

    client = ReportClient(
        nb, connection_file=kernels_dir / f"kernel-{name}.json", sockets=sockets,
        timeout=timeout, kernel_name="python3",
        shutdown_kernel="immediate", resources={"metadata": {"path": str(folder)}},
        on_notebook_start=on_kernel_ready, on_cell_start=on_start, on_cell_executed=on_executed)
    # The kernel's own log (not the notebook's output) goes to a file; a crash shows its tail.
    log = tempfile.TemporaryFile(mode="w+", prefix=f"{name}-kernel-")
    try:
        client.execute(stderr=log, **({"env": env} if env else {}))
        res.ok = True
    except Exception as exc:  # a cell error, a timeout, a dead or unstartable kernel: this notebook only
        res.error = _failure(exc, current["cell"], timeout, log)
        res.error, _, logged = res.error.partition(_LINE_SEP)
        current["line"] = int(logged) if logged.isdigit() else None
    finally:
        if current["turn"]:
            turns.release()
        log.close()
        pause.reached.set()  # never leave a test pause waiting for a notebook that failed early
        _locate_failure(res, nb, current["cell"], current.get("line"))
        res.error = _user_paths(res.error, folder)
    if stop.is_set():  # the report is stopping: write nothing more into its temporary folder
        res.ok, res.error = False, "interrupted"
        return res
    res.seconds = time.perf_counter() - current["t0"]
    try:
        cleaned = nbformat.from_dict(clean_notebook(nb))
        write_atomic(folder / f"{name}.ipynb", nbformat.writes(cleaned) + "\n")
        write_atomic(folder / f"{name}.html", _html(cleaned))
    except Exception as exc:  # the notebook ran; only saving or rendering it failed
        res.ok, res.error = False, f"saving the executed notebook failed: {_error_text(exc)}"
    res.files = sorted(p.name for p in folder.iterdir() if not p.name.startswith("."))
    progress.finish(name)
    if res.ok:
        progress.line(f"{name}: done in {res.seconds:.1f} s")
    else:
        progress.line(f"{name}: FAILED at {res.where()}: {res.error}")
    return res


def _failure(exc, cell: int | None, timeout: int, log) -> str:
    """What went wrong, in words: the cell's error, a timeout with its limit, or a dead kernel (with its log)."""
    from nbclient.exceptions import CellExecutionError, CellTimeoutError, DeadKernelError

    if isinstance(exc, CellTimeoutError):
        return (f"timed out: the cell ran longer than the limit of {timeout} s per cell "
                f"(raise it with --timeout SECONDS)")
    if isinstance(exc, _Stopped):
        return "interrupted"
    if isinstance(exc, CellExecutionError):
        return _error_text(exc) + _logged_cell_line(log)
    if isinstance(exc, DeadKernelError):
        text = "the kernel died while running this cell" if cell is not None else "the kernel died before any cell"
    else:  # the kernel did not start, or lost its connection
        text = _error_text(exc)
    log.seek(0)
    tail = [ln for ln in log.read().splitlines() if "without encryption" not in ln][-3:]
    return text + "".join(f"\n    kernel: {ln}" for ln in tail)


_LINE_SEP = "\x00line:"


def _logged_cell_line(log) -> str:
    """The cell line an exportrow error wrote to the kernel's log (:func:`exportrow.errors.note_cell_line`), as
    ``_LINE_SEP`` and the number, or ""."""
    from exportrow.errors import CELL_LINE_MARK

    log.seek(0)
    lines = [ln for ln in log.read().splitlines() if ln.startswith(CELL_LINE_MARK)]
    return f"{_LINE_SEP}{lines[-1][len(CELL_LINE_MARK):].strip()}" if lines else ""


def _locate_failure(res: NotebookResult, nb, running: int | None, logged: int | None = None) -> None:
    """Set the failing cell: the first cell with an error output, else the cell that was running; its line is the
    one the traceback names, else the one the kernel logged (``logged``), else the cell's first."""
    index = next((i for i, c in enumerate(nb.cells)
                  if any(o.get("output_type") == "error" for o in c.get("outputs", []))), None)
    if index is None and not res.ok:
        index = running
    if index is None:
        return
    cell = nb.cells[index]
    res.cell, res.prompt = index, cell.get("execution_count")
    lines = "".join(cell.source).splitlines()
    raised = _raising_line(cell) or logged
    shown = lines[raised - 1] if raised and raised <= len(lines) else next((ln for ln in lines if ln.strip()), "")
    res.source = shown.strip()[:80]


def _raising_line(cell) -> int | None:
    r"""The line of ``cell`` where its error was raised, from the traceback's ``Cell In[3], line 5``, or None.

    Example:
        >>> _raising_line({"outputs": [{"output_type": "error", "traceback": [
        ...     "\x1b[0;31mWorksheetError\x1b[0m", "Cell \x1b[0;32mIn[3], line 5\x1b[0m\n----> 5 x = f()"]}]})
        5
        >>> _raising_line({"outputs": []}) is None
        True
    """
    import re

    for out in cell.get("outputs", []):
        if out.get("output_type") != "error":
            continue
        text = re.sub(r"\x1b\[[0-9;]*m", "", "\n".join(out.get("traceback", [])))
        m = re.search(r"(?:Cell In ?\[\d*\]|Input In ?\[\d*\]|<ipython-input-[^>]*>), line (\d+)", text)
        if m:
            return int(m.group(1))
    return None


def _user_paths(text: str, folder: Path, cwd: Path | None = None) -> str:
    """``text`` with each path relative to the kernel's ``folder`` (``../../river.bomb.yaml``) written as the user
    would give it: relative to the current folder (``cwd``) when inside it, else absolute; and a message that
    names the kernel's folder as the one relative paths start from names ``cwd`` instead (the kernel's folder is
    the report's temporary one, gone when the message is read).

    Example:
        >>> d = Path(tempfile.mkdtemp()).resolve(); (d / "rep" / "04").mkdir(parents=True)
        >>> _user_paths("WorksheetError: ../../river.bomb.yaml: line 9: an anchor", d / "rep" / "04", d)
        'WorksheetError: river.bomb.yaml: line 9: an anchor'
        >>> _user_paths(f"../../a.txt: no such article; check the path (relative paths start from the folder you "
        ...             f"run the command in, {d / 'rep' / '04'})", d / "rep" / "04", d) == (
        ...     f"a.txt: no such article; check the path (relative paths start from the folder you run the command "
        ...     f"in, {d})")
        True
    """
    import re

    from exportrow.files import RELATIVE_TO

    if not text:
        return text
    here, cwd = folder.resolve(), (cwd or Path.cwd()).resolve()
    text = text.replace(f"{RELATIVE_TO}{here})", f"{RELATIVE_TO}{cwd})")

    def mend(m) -> str:
        target = Path(os.path.normpath(here / m.group(0)))
        return str(target.relative_to(cwd)) if target.is_relative_to(cwd) else str(target)
    return re.sub(r"(?<![\w/.])(?:\.\./)+[^\s:'\"`,;()]+", mend, text)


def _question(nb) -> str:
    """The notebook's "**Question.**" paragraph, as plain text, for the index page."""
    import re

    for cell in nb.cells:
        if cell.cell_type == "markdown":
            m = re.search(r"\*\*Question\.\*\*\s*(.+?)(?:\n\s*\n|$)", "".join(cell.source), re.S)
            if m:
                return " ".join(m.group(1).replace("*", "").split())
    return ""


def _copy_linked_documents(notebooks: list[Path], tmp: Path) -> None:
    """Copy the project files that notebooks link to (``](../exportrow/coding-guide.md)``) into the report.

    A notebook's HTML sits one folder below the report root, as the notebook sits one below the project
    root, so a link of the form ``../path`` works in both places once ``path`` is copied.
    """
    import re

    import nbformat

    for path in notebooks:
        for cell in nbformat.read(path, as_version=4).cells:
            if cell.cell_type != "markdown":
                continue
            for target in re.findall(r"\]\(\.\./([^)#\s]+)\)", "".join(cell.source)):
                src = (path.parent.parent / target).resolve()
                if src.is_file() and src.is_relative_to(path.parent.parent.resolve()):
                    dest = tmp / target
                    dest.parent.mkdir(parents=True, exist_ok=True)
                    shutil.copyfile(src, dest)


def _error_text(exc) -> str:
    ename = getattr(exc, "ename", "") or type(exc).__name__
    evalue = getattr(exc, "evalue", "") or str(exc).strip().splitlines()[-1]
    return f"{ename}: {evalue}"


def _index(results: list[NotebookResult], params: dict, title: str, source: str = "", *, article: str = "",
           article_what: str = "", notes=()) -> str:
    """The report's front page (``templates/report-index.html.j2``); every text in it is escaped, and its
    policy allows no script. ``article`` is the article page's file name, linked first ("" for none);
    ``notes`` are sentences shown under the source (e.g. that the solutions were skipped).

    Example:
        >>> page = _index([NotebookResult("01-x", error="<script>x()</script>", files=["a:b.csv"])],
        ...               {"title": "<b>"}, "exportrow report", "Source: <i>The Daily</i>")
        >>> "<script>" in page or "<b>" in page or "<i>" in page, 'href="01-x/a%3Ab.csv"' in page
        (False, True)
    """
    from exportrow import __version__

    rows = [{"name": r.name, "page": f"{r.name}/{r.name}.html", "question": r.question, "ok": r.ok,
             "where": r.where(), "error": r.error,
             "files": [(f"{r.name}/{f}", f) for f in r.files if f != f"{r.name}.html"]} for r in results]
    parameters = [(k, json.dumps(v)) for k, v in sorted(params.items())]
    return _template("report-index.html.j2").render(
        title=title, source=source, version=__version__, rows=rows, parameters=parameters, article=article,
        article_what=article_what, notes=list(notes), csp=CONTENT_SECURITY_POLICY)


def _template(name: str):
    """A template of ``exportrow/templates``: autoescaped, with the :func:`~exportrow.escape.html_href` filter."""
    import jinja2
    from markupsafe import Markup

    # Every value is escaped by exportrow's own helper (html_text), the one the rest of the report uses;
    # autoescaping stays on as a second guard.
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(Path(__file__).parent / "templates"),
                             autoescape=True, undefined=jinja2.StrictUndefined, keep_trailing_newline=True,
                             finalize=lambda v: v if isinstance(v, Markup) else Markup(html_text(v)))
    env.filters["href"] = lambda path: Markup(html_href(path))
    return env.get_template(name)


#: Notebooks executed at once by default, measured on two cores (benchmarks/README.md): kernels start
#: together anyway, and a notebook waiting for a kernel's reply leaves the processor to another.
DEFAULT_JOBS = 4


def default_jobs() -> int:
    """How many notebooks run at once by default: :data:`DEFAULT_JOBS`, or more on a machine with more cores.

    Example:
        >>> default_jobs() >= DEFAULT_JOBS
        True
    """
    return max(DEFAULT_JOBS, os.cpu_count() or 1)


def run_report(notebooks: list[Path], out: Path, params: dict, *, jobs: int | None = None,
               timeout: int = 600, stream=None, declared: dict | None = None,
               notes: list[str] | None = None) -> tuple[list[NotebookResult], Path]:
    """Run the notebooks and publish the report into ``out`` only if all of them succeed.

    Returns the results and the folder the report was written to: ``out`` on success, or
    ``<out>.failed`` (the previous ``out`` untouched) when a notebook failed. ``out`` must be new,
    empty or a report exportrow published (see :mod:`exportrow.outdir`); another run into the same
    ``out`` is refused while this one holds its lock. ``notes`` go on the index page and into
    ``run.json``. An interrupt (Ctrl-C, SIGTERM, SIGHUP, all
    raised as ``KeyboardInterrupt`` by the command line) stops every kernel, waits for the worker
    threads, removes the temporary folder and re-raises.

    Raises:
        ReportError: ``jobs`` below 1 or ``timeout`` not positive.
        OutputFolderError: ``out`` is refused; nothing ran.
        OutputWriteError: the report could not be written (full disk); ``out`` was left as it was.

    Example:
        >>> import io, nbformat
        >>> tmp = Path(tempfile.mkdtemp())
        >>> nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("print(6 * 7)")])
        >>> nbformat.write(nb, tmp / "00-tiny.ipynb")
        >>> results, where = run_report([tmp / "00-tiny.ipynb"], tmp / "report", {}, stream=io.StringIO())
        >>> results[0].ok, where.name, sorted(p.name for p in (where / "00-tiny").iterdir())
        (True, 'report', ['00-tiny.html', '00-tiny.ipynb'])
        >>> sorted(p.name for p in tmp.iterdir())
        ['00-tiny.ipynb', 'report']
    """
    from exportrow import outdir

    _fast_jupyter_imports()
    if jobs is not None and jobs < 1:
        raise ReportError(f"--jobs must be at least 1, not {jobs}")
    if not timeout > 0:
        raise ReportError(f"--timeout must be more than 0 seconds, not {timeout}")
    declared = declared or _declared(notebooks)
    with outdir.Publication(out, "report") as pub:
        progress = _Progress(len(notebooks), stream)
        jobs = max(1, min(jobs or default_jobs(), len(notebooks)))
        progress.line(f"running {len(notebooks)} notebook(s), {jobs} at a time, into {pub.out}")
        cache = pub.tmp / ".cache"  # checked annotations shared with the kernels; removed before publishing
        cache.mkdir(mode=0o700)
        try:
            with _Preparation(params, cache, codings=any("coding_paths" in d for d in declared.values())) as prep:
                results = _run_all(notebooks, pub.tmp, params, declared, progress, timeout, jobs,
                                   env={runcache.ENV: str(cache)}, gate=prep)
                front = prep.result()
        finally:
            shutil.rmtree(cache, ignore_errors=True)
        if prep.refused is not None:  # a coding notebook 04 could not read: nothing is published
            raise prep.refused
        try:
            _write_index(results, notebooks, params, pub.tmp, front, notes or [])
            where = pub.publish(failed=not all(r.ok for r in results))
        except OSError as exc:
            raise pub.write_error(exc, "report") from None
    return results, where


@dataclass
class _FrontMatter:
    """What the index and the article page need from the article: made while the kernels start."""

    source: str = ""
    article_page: str = ""
    article_what: str = ""


class _Preparation:
    """Work this process does while the kernels start: check the codings when a notebook compares them (that
    notebook waits for :attr:`checked` before its first cell, and a coding it could not read stops the report:
    :attr:`refused`), check the annotation once (shared with the kernels through the run's cache), draw the
    article page, load the HTML exporter."""

    def __init__(self, params: dict, cache: Path, codings: bool = False):
        self.params, self.cache, self.codings = params, cache, codings
        self._front = _FrontMatter()
        self.refused: ExportrowError | None = None  # what :func:`check_codings` raised
        self.checked = threading.Event()  # set once the codings are checked (at once when there are none)
        if not codings:
            self.checked.set()
        self._thread = threading.Thread(target=self._run, name="exportrow-prepare", daemon=True)

    def __enter__(self) -> _Preparation:
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._thread.join()

    def result(self) -> _FrontMatter:
        self._thread.join()
        return self._front

    def _run(self) -> None:
        with runcache.using(self.cache):
            try:
                if self.codings:
                    check_codings(self.params)
            except ExportrowError as exc:
                self.refused = exc
            except Exception:  # noqa: S110 - not a coding's fault: notebook 04 reads them again and says what failed
                pass
            finally:
                self.checked.set()
            self._front = _front_matter(self.params)
        _EXPORTER.load()


def _article_of_annotation(params: dict, declared: dict[str, dict]) -> None:
    """An annotation given without an article: set ``article_path`` to the article the annotation names
    (``article: file:``), as ``exportrow check`` finds it, in every notebook that takes it, so that neither the
    checks here nor a notebook reads the annotation against the bundled article
    (:func:`exportrow.annotations.article_to_load`).

    Example:
        >>> from exportrow import paths
        >>> d = Path(tempfile.mkdtemp()); _ = (d / "my.txt").write_text("x")
        >>> _ = (d / "my.yaml").write_text("article:\\n  file: my.txt\\n")
        >>> params = {"annotation_path": str(d / "my.yaml")}
        >>> _article_of_annotation(params, {"01": {"article_path": {}}}); params["article_path"] == str(d / "my.txt")
        True
        >>> params = {"annotation_path": str(paths.default_annotation())}
        >>> _article_of_annotation(params, {"01": {"article_path": {}}}); "article_path" in params
        False
    """
    from exportrow.annotations import article_to_load

    if params.get("article_path") or not params.get("annotation_path"):
        return
    found = article_to_load("", params["annotation_path"])
    if found is not None and any("article_path" in d for d in declared.values()):
        params["article_path"] = str(Path(found).resolve())


def _absolute_from(folder: Path):
    """A change for :func:`_map_file_parameters`: a path read from ``folder``, made absolute (links resolved)."""
    return lambda path: str((folder / path).resolve())


def _cell_value(info: dict):
    """A parameter's value as its notebook's parameters cell writes it (papermill gives the literal's text), or
    None when it is not a plain literal."""
    import ast

    try:
        return ast.literal_eval(info.get("default") or "None")
    except (ValueError, TypeError, SyntaxError, MemoryError, RecursionError):
        return None


def _own_file_parameters(notebook: Path, declared: dict) -> dict:
    """The file parameters (``*_path``, ``*_paths``) that ``notebook``'s own parameters cell sets, made absolute:
    a relative one is read from the notebook's folder, where JupyterLab (and ``papermill --cwd``) runs it and where
    the student edition means it, not from the report's kernel folder. Empty ones (the defaults) are left out.

    Example:
        >>> d = Path(tempfile.mkdtemp()).resolve()
        >>> own = _own_file_parameters(d / "nb" / "01.ipynb", {"article_path": {"default": '"../data/a.txt"'},
        ...     "annotation_path": {"default": '""'}, "coding_paths": {"default": '["b.csv", "/c.yaml"]'},
        ...     "outlet": {"default": '"x/y"'}, "output_dir": {"default": '"out"'}})
        >>> own == {"article_path": str(d / "data" / "a.txt"), "coding_paths": [str(d / "nb" / "b.csv"), "/c.yaml"]}
        True
    """
    cell = {name: _cell_value(info) for name, info in declared.items() if name not in RESERVED}
    mapped = _map_file_parameters(cell, _absolute_from(notebook.parent.resolve()), relative=True)
    return {k: v for k, v in mapped.items() if k.endswith(("_path", "_paths")) and v and isinstance(v, (str, list))}


def _check_own_files(notebooks: list[Path], declared: dict[str, dict], params: dict) -> None:
    """Refuse, before any kernel starts, a file that a notebook's own parameters cell names and that does not exist
    (unless ``-p`` replaces it), naming the notebook and the folder the path is read from.

    Raises:
        ReportError: the notebook, the parameter, the path as the cell writes it and where it was looked for.
    """
    for nb in notebooks:
        for name, info in declared[nb.stem].items():
            if name in RESERVED or name in params or not name.endswith(("_path", "_paths")):
                continue
            value = _cell_value(info)
            for written in value if isinstance(value, list) else [value]:
                if not isinstance(written, str) or not written:
                    continue
                where = (nb.parent / written).resolve()
                if not where.exists():
                    read = "" if Path(written).is_absolute() else (
                        f" (a notebook's own relative paths start from its folder, {nb.parent.resolve()}, "
                        "as in JupyterLab)")
                    raise ReportError(f"{nb}: its parameters cell sets {name} {written!r}: no such file, "
                                      f"{where}{read}; correct the path in the notebook, or give -p {name} PATH")


def _shared_own_files(params: dict, own: dict[str, dict], declared: dict[str, dict]) -> None:
    """Add to ``params`` each file parameter that every notebook declaring it sets to the same file in its own cell
    (``-p`` not given): the files are then checked once, up front, and the index shows them. The article and its
    annotation go together: each only when every notebook names the same pair.

    Example:
        >>> params = {}
        >>> _shared_own_files(params, {"01": {"article_path": "/a.txt", "coding_paths": ["/c.csv"]},
        ...                            "02": {"article_path": "/a.txt"}},
        ...                   {"01": {"article_path": {}, "coding_paths": {}}, "02": {"article_path": {}}})
        >>> params
        {'article_path': '/a.txt', 'coding_paths': ['/c.csv']}
        >>> params = {}
        >>> _shared_own_files(params, {"01": {"article_path": "/a.txt"}, "02": {}},
        ...                   {"01": {"article_path": {}}, "02": {"article_path": {}}})
        >>> params
        {}
    """
    pair = ("article_path", "annotation_path")
    for name in sorted({n for o in own.values() for n in o} - set(params)):
        group = pair if name in pair else (name,)
        values = [tuple(own[stem].get(n) for n in group) for stem, d in declared.items() if any(n in d for n in group)]
        if values and all(v == values[0] for v in values):
            params[name] = next(own[stem][name] for stem in own if name in own[stem])


def _notebook_parameters(params: dict, own: dict, declared: dict) -> dict:
    """The parameters one notebook runs with: the report's (``-p``, and the files every notebook shares) over the
    files its own parameters cell names (:func:`_own_file_parameters`), only those it declares."""
    return {k: v for k, v in {**own, **params}.items() if k in declared}


def _check_inputs(params: dict) -> None:
    """Check the inputs once, up front: a bad file then gives one clear message, not a failure per notebook."""
    if any(params.get(k) for k in ("article_path", "annotation_path", "published", "outlet", "timezone",
                                   "side_a", "side_b", "sides", "actors")):
        from exportrow.annotations import load_annotation
        from exportrow.sides import check_side_parameters

        article = _article(params)
        check_side_parameters(load_annotation(params.get("annotation_path") or None, article), params)
    if params.get("years") not in (None, []) or params.get("quantity") not in (None, ""):
        _check_years(params)


def _article(params: dict):
    """The report's article as its parameters name it (``article_path``, ``published``, ``outlet``, ``timezone``)."""
    from exportrow.article import load_article

    return load_article(params.get("article_path") or None, published=params.get("published"),
                        outlet=params.get("outlet"), timezone=params.get("timezone"))


def formula_warnings(params: dict) -> list[str]:
    """The warnings ``exportrow check`` gives for texts that a spreadsheet would run as a formula (they start with
    ``=``, ``+``, ``-`` or ``@``), for the report's annotation: its CSV files are linked for download. None for the
    bundled annotation, which has no such text (unless the ``outlet`` parameter gives one: it starts events.csv's
    publication row). With ``show_context``, the texts of the article's context files too (notebook 02 writes them
    into its events.csv).

    Example:
        >>> formula_warnings({})
        []
        >>> [w.split(": ")[1] for w in formula_warnings({"outlet": "@Nikkei"})]
        ['article.outlet']
    """
    from exportrow.annotations.formulas import context_warnings

    out = []
    if params.get("article_path") or params.get("annotation_path") or params.get("outlet"):
        from exportrow.annotations import load_annotation
        from exportrow.annotations.formulas import formula_warnings as warnings_of

        out += [str(w) for w in warnings_of(load_annotation(params.get("annotation_path") or None, _article(params)))]
    if params.get("show_context"):  # notebook 02 writes the context layer's events into its events.csv
        from exportrow.tables import context_files

        out += [str(w) for path, doc in context_files(article=_article(params)) for w in context_warnings(path, doc)]
    return out


def coding_notes(params: dict, declared: dict) -> list[str]:
    """Lines for the terminal on the codings a notebook will compare (notebook 04): each file beside the annotation
    left out as no coding (:func:`exportrow.agreement.left_out_files`), and each coding with text that the CSV tables
    write with a leading ``'`` (:func:`exportrow.agreement.formula_warnings`). None for the bundled annotation, or
    when no notebook compares codings; a coding that cannot be read is left for the notebook to report.

    Example:
        >>> coding_notes({}, {"04-coding-reliability": {"coding_paths": []}})
        []
    """
    if not any("coding_paths" in d for d in declared.values()) or not (
            params.get("article_path") or params.get("annotation_path") or params.get("coding_paths")):
        return []
    from exportrow import agreement
    from exportrow.annotations import load_annotation

    lines: list[str] = []
    try:
        ann = load_annotation(params.get("annotation_path") or None, _article(params))
        if not params.get("coding_paths"):
            lines += [f"note: {line}" for line in agreement.left_out_files(ann.path, ann.article)]
        files = params.get("coding_paths") or agreement.find_codings(ann.path, ann.article)
        blank = set(agreement.blank_codings(files))
        codings = agreement.read_codings([f for f in files if Path(f) not in blank], ann.article)
    except Exception:  # noqa: BLE001 - the notebook reads them again and reports any problem itself
        return lines
    return lines + [f"warning: {w}" for w in agreement.formula_warnings(codings)]


def _check_years(params: dict) -> None:
    """Refuse ``-p years`` with an item that is no whole number or no year of the charted quantity's periods, and
    ``-p quantity`` naming no quantity of the annotation, before any kernel starts
    (:func:`exportrow.stats.check_years`, :func:`exportrow.stats.check_quantity`)."""
    from exportrow.stats import check_years, chosen_quantity, statements
    from exportrow.tables import figures

    article = _article(params)
    table = figures(article, params.get("annotation_path") or None)
    charted = chosen_quantity(table, params.get("quantity", ""),
                              statements(article, params.get("annotation_path") or None))
    if params.get("years") not in (None, []):
        check_years(table, params["years"], show_derived=params.get("show_derived", True) is not False,
                    quantity=charted)


class CodingError(ExportrowError):
    """A coding that notebook 04 would fail on, refused by ``exportrow report`` before notebook 04 runs."""


def check_codings(params: dict) -> None:
    """Refuse, before notebook 04 runs, a coding that notebook 04 could not read: the codings it compares
    (``coding_paths``, or those kept beside the annotation), read by the notebook's own reader
    (:func:`exportrow.agreement.compared_codings`), so that this check and the notebook cannot disagree.

    Raises:
        CodingError: The reader's message (file, entry, what is wrong, the fix), and how to leave the file out
            (exit code: the reader's error's).

    Example:
        >>> d = Path(tempfile.mkdtemp()); ann = Path(shutil.copy(paths.default_annotation(), d))
        >>> _ = (d / f"{ann.stem}.anna.yaml").write_text("claims: [{id: c1, frame: 99}]\\n")
        >>> check_codings({"annotation_path": str(ann), "article_path": str(paths.default_article())})
        Traceback (most recent call last):
        ...
        exportrow.report.CodingError: 6 problems in the coding ....anna.yaml (coder anna): ...
    """
    from exportrow import agreement
    from exportrow.annotations import load_annotation

    fields = agreement._fields(params.get("fields") or None)  # an unknown field is a usage error of its own (exit 2)
    ann = load_annotation(params.get("annotation_path") or None, _article(params))
    given = params.get("coding_paths") or []
    files = given or agreement.find_codings(ann.path, ann.article)
    try:
        agreement.compared_codings(files, ann.article, fields)
    except ExportrowError as exc:
        how = ("fix it, or name other codings with -p coding_paths" if given else
               f"fix it, or move it out of {ann.path.parent} (every <article>.<coder>.yaml or .csv file beside the "
               "annotation is compared), or name the codings to compare with -p coding_paths")
        refused = CodingError(f"{exc}\nnotebook 04-coding-reliability compares this coding, so no report was "
                              f"written: {how}")
        refused.exit_code = exc.exit_code
        raise refused from None


def _front_matter(params: dict) -> _FrontMatter:
    """The source line and the article page of the report's article, or empty ones for notebooks that take none."""
    try:
        from exportrow.annotations import load_annotation

        art = _article(params)
        ann = load_annotation(params.get("annotation_path") or None, art)
        art = ann.article  # as its article: block settled it
    except Exception:  # a report of notebooks that take no article; the notebooks report a bad one themselves
        return _FrontMatter()
    source = (f"Source: {art.outlet or 'outlet unknown'}, {art.own_published.published_text}, \u201c{art.title}\u201d."
              + (f" {art.what_if_note}" if art.what_if else ""))
    from exportrow.view import is_bundled

    what = ("an excerpt: the sentences that hold a figure or a date, each marked in place (the text is its "
            "publisher's)" if is_bundled(art) else
            "the full text, with every figure, claim and date the annotation takes from it marked in place")
    try:
        page = article_page_html(art, ann)
    except Exception as exc:  # the page is a help, never a reason to lose the report
        page, what = _page_error(art, exc), "could not be drawn"
    return _FrontMatter(source, page, what)


#: The article page's file name in the report (linked first from the index).
ARTICLE_PAGE = "article.html"
_FULL_VIEW = ("The full view, with the claims and every paragraph, is for use on your own computer: "
              "run exportrow view --out article.html (or exportrow.show_article() in JupyterLab).")


def article_page_html(article, annotation) -> str:
    """The report's article page: the annotated spans marked in place (:func:`exportrow.view.article_page`).

    The bundled article's text is its publisher's, and a report is meant to be handed out: its page shows
    only the sentences that hold a figure or a date (about a third of the body) and says how to get the
    full view locally. Any other article is shown in full with every layer.

    Example:
        >>> from exportrow.annotations import load_annotation
        >>> ann = load_annotation()
        >>> page = article_page_html(ann.article, ann)
        >>> "Excerpt (sentences)" in page and "exportrow view --out article.html" in page
        True
    """
    from exportrow.view import article_page, is_bundled

    if is_bundled(article):
        return article_page(article, annotation, layers=("figures", "dates"), excerpt="sentences", note=_FULL_VIEW)
    return article_page(article, annotation, excerpt="full")


def _page_error(article, exc) -> str:
    from exportrow.escape import csp_meta

    return (f'<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">{csp_meta()}<title>Article</title></head>'
            f"<body><p>The article page could not be drawn ({html_text(_error_text(exc))}); open the notebooks "
            "from the index.</p></body></html>\n")


def _run_all(notebooks: list[Path], tmp: Path, params: dict, declared: dict, progress: _Progress,
             timeout: int, jobs: int, env: dict | None = None,
             gate: _Preparation | None = None) -> list[NotebookResult]:
    """Start every notebook's kernel at once and run at most ``jobs`` notebooks at a time, each in a worker thread;
    on any interrupt stop every kernel and wait for every worker. A notebook that compares codings waits for
    ``gate``'s check of them before its first cell (:func:`_run_one`).

    The temporary folder is removed by the caller only after this returns or raises, so no
    worker can write into it afterwards (the Ctrl-C race of earlier versions).
    """
    from exportrow import kernels

    stop = threading.Event()
    pause = _TestPause()
    kernels_dir = tmp / ".kernels"  # connection files: private to this run, removed with it
    kernels_dir.mkdir(mode=0o700)
    kernels.sweep_socket_dirs()
    sockets = kernels.socket_dir()  # the kernels' Unix sockets: private to this run, removed with it
    turns = threading.Semaphore(jobs)
    from exportrow.errors import CELL_LINE_ENV

    kernel_env = dict(os.environ, **(env or {}), **{CELL_LINE_ENV: "1"})
    # One thread per notebook: each starts its kernel now and lives until that kernel has ended.
    pool = cf.ThreadPoolExecutor(max_workers=len(notebooks), thread_name_prefix="exportrow-notebook")
    futures: list[cf.Future] = []
    try:
        for nb in notebooks:
            futures.append(pool.submit(_run_one, nb, tmp / nb.stem, params, declared[nb.stem], progress,
                                       timeout, stop, kernels_dir, pause,
                                       sockets / f"{len(futures):02d}" if sockets else None, turns, kernel_env,
                                       gate if "coding_paths" in declared[nb.stem] else None))
            pause.in_main(progress)
        return [f.result() for f in futures]
    except BaseException:
        stop.set()
        for f in futures:
            f.cancel()
        kernels.stop_all()
        raise
    finally:
        _wait_for_workers(pool, stop)
        shutil.rmtree(kernels_dir, ignore_errors=True)
        if sockets:
            shutil.rmtree(sockets, ignore_errors=True)


def _wait_for_workers(pool: cf.ThreadPoolExecutor, stop: threading.Event) -> None:
    """Shut the pool down, waiting for every worker even through further interrupts."""
    from exportrow import kernels

    while True:
        try:
            pool.shutdown(wait=True, cancel_futures=stop.is_set())
            return
        except KeyboardInterrupt:  # interrupted again while waiting: stop harder, keep waiting
            stop.set()
            kernels.stop_all()


def _kernel_parameters(params: dict, folder: Path) -> dict:
    """The parameters a kernel running in ``folder`` gets: a file parameter (``*_path``, ``*_paths``) relative to
    that folder, so the executed notebook, and its page, never show the absolute path of the user's file (their
    home folder), and still open it from the report (the report's temporary folder and the report itself sit in
    the same folder, so the relative path holds in both). Both ends are resolved first, so a link on the way
    cannot send ``..`` somewhere else.

    Example:
        >>> d = Path(tempfile.mkdtemp()); (d / "class" / "r" / "01").mkdir(parents=True)
        >>> _ = (d / "class" / "my.txt").write_text("x")
        >>> _kernel_parameters({"article_path": str(d / "class" / "my.txt"), "coding_paths": [],
        ...                     "outlet": "/not/a/path"}, d / "class" / "r" / "01")
        {'article_path': '../../my.txt', 'coding_paths': [], 'outlet': '/not/a/path'}
    """
    here = folder.resolve()

    def relative(path: Path) -> str:
        return os.path.relpath(path.resolve(), here)
    return _map_file_parameters(params, relative)


def _map_file_parameters(params: dict, change, *, relative: bool = False) -> dict:
    """``params`` with ``change(Path)`` applied to each absolute path in a file parameter (``*_path``, ``*_paths``),
    and with ``relative`` to each relative one too (never to an empty one: it means the default).

    Example:
        >>> _map_file_parameters({"a_path": "/x/y.txt", "b_paths": ["/z.csv", ""], "c": "/w"}, lambda p: p.name)
        {'a_path': 'y.txt', 'b_paths': ['z.csv', ''], 'c': '/w'}
        >>> _map_file_parameters({"a_path": "y.txt", "b_path": ""}, lambda p: "/d" / p, relative=True)
        {'a_path': PosixPath('/d/y.txt'), 'b_path': ''}
    """
    def one(value):
        if not isinstance(value, str) or not value or not (relative or Path(value).is_absolute()):
            return value
        return change(Path(value))
    out = {}
    for k, v in params.items():
        if k.endswith("_path"):
            v = one(v)
        elif k.endswith("_paths") and isinstance(v, list):
            v = [one(x) for x in v]
        out[k] = v
    return out


def _shown_parameters(params: dict, base: Path) -> dict:
    """The parameters as the report shows them (``index.html``, ``run.json``): a file parameter (``*_path``,
    ``*_paths``) relative to ``base``, the folder that holds the report, when the file is inside it; else its file
    name only. The kernels got paths relative to their folders; nothing reads ``run.json`` back, and a rerun
    names its files itself, so no absolute path of the user's (their home folder) goes into a report handed to
    a class.

    Example:
        >>> _shown_parameters({"article_path": "/home/ann/class/my.txt", "coding_paths": ["/tmp/x/a.csv"],
        ...                    "outlet": "/not/a/path"}, Path("/home/ann/class"))
        {'article_path': 'my.txt', 'coding_paths': ['a.csv'], 'outlet': '/not/a/path'}
    """
    def shown(path: Path) -> str:
        try:
            return path.relative_to(base).as_posix()
        except ValueError:
            return path.name
    return _map_file_parameters(params, shown)


def _write_index(results: list[NotebookResult], notebooks: list[Path], params: dict, tmp: Path,
                 front: _FrontMatter | None = None, notes: list[str] = ()) -> None:
    from exportrow.export import write_atomic

    front = front or _FrontMatter()
    if front.article_page:
        write_atomic(tmp / ARTICLE_PAGE, front.article_page)
    shown = _shown_parameters(params, tmp.parent)  # never the teacher's home folder in a page handed out
    write_atomic(tmp / "index.html", _index(results, shown, "exportrow report", front.source,
                                            article=ARTICLE_PAGE if front.article_page else "",
                                            article_what=front.article_what, notes=notes))
    _copy_linked_documents(notebooks, tmp)
    write_atomic(tmp / "run.json", json.dumps({
        "parameters": shown, "notebooks": [r.name for r in results],
        "ok": all(r.ok for r in results), **({"notes": list(notes)} if notes else {})},
        indent=2, sort_keys=True) + "\n")


def plan(selected: list[str] | None, pairs: list[tuple[str, str]], *, solutions: bool = False
         ) -> tuple[list[Path], dict[str, dict], dict[str, object], list[str]]:
    """Everything ``exportrow report`` checks before any kernel starts: the notebooks, their declared
    parameters, the typed ``-p`` values (paths made absolute: kernels run in their own folders), and
    notes for the index (solutions are worked for the bundled article: on another one they are
    skipped, and a note says so).

    When the article or its annotation is set, both are loaded once here, so that a bad file gives
    one clear message instead of a failure in every notebook.

    Raises:
        ReportError, ParameterError: an unknown notebook or parameter, a value of the wrong type.
        ExportrowError: a bad article or annotation file, or a side name the annotation does not use.

    Example:
        >>> notebooks, declared, params, notes = plan(["02"], [("published", "2019-07-19")])
        >>> [p.name for p in notebooks], params, notes
        (['02-claim-timeline.ipynb'], {'published': '2019-07-19'}, [])
    """
    notebooks = discover(selected, solutions=solutions)
    _fast_jupyter_imports()
    declared = _declared(notebooks)
    # kernels run in folders of their own: paths typed by the user start from the folder the command runs in
    params = _map_file_parameters(parse_parameters(pairs or [], declared), _absolute_from(Path.cwd()), relative=True)
    own = {nb.stem: _own_file_parameters(nb, declared[nb.stem]) for nb in notebooks}
    _check_own_files(notebooks, declared, params)
    _shared_own_files(params, own, declared)
    _article_of_annotation(params, declared)
    _check_inputs(params)
    for nb in notebooks:  # a notebook whose own cell names other files than the others: check them too
        mine = _notebook_parameters(params, own[nb.stem], declared[nb.stem])
        if any(params.get(k) != v for k, v in mine.items()):
            _article_of_annotation(mine, declared)
            _check_inputs(mine)
    if params.get("fields") and any("fields" in d for d in declared.values()):
        from exportrow import agreement

        agreement._fields(params["fields"])  # an unknown field: a usage error (exit 2) before any kernel starts
    notes = []
    solutions = [nb for nb in notebooks if nb.parent.name == "solutions"]
    if solutions:  # worked for the bundled article only: on another article they are skipped, and the index says so
        from exportrow.notebook import is_worked_example

        if not is_worked_example(params.get("article_path") or "", params.get("annotation_path") or ""):
            notebooks = [nb for nb in notebooks if nb not in solutions]
            notes.append(f"Solutions skipped ({', '.join(nb.stem for nb in solutions)}): they are worked for the "
                         "bundled article, and this report runs on another article.")
    return notebooks, declared, params, notes
