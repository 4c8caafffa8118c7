"""``exportrow report``: run every notebook headlessly with papermill and write an HTML report.

Before any kernel starts, the output folder is checked (:mod:`exportrow.outdir`: only a new,
empty or exportrow-published folder is replaced) and every ``-p`` value is checked against the
notebooks' parameters cells (:mod:`exportrow.parameters`).

The notebooks run in parallel, each in its own kernel whose working folder is set when
the kernel starts (threads never change the process's working directory). Parameters are
injected by papermill; kernels are shut down immediately when a notebook ends. Each kernel runs
in its own process group and cannot outlive the report (:mod:`exportrow.kernels`). Everything is
written into a temporary folder beside ``--out``, under a lock on ``--out``, and moved into place
only when every notebook succeeded, so a failed or interrupted run never replaces a good report.
On an interrupt every kernel is stopped and every worker thread has ended before the temporary
folder is removed.
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

from exportrow import paths
from exportrow.errors import UsageError
from exportrow.escape import csp_meta, html_href, html_text

__all__ = ["register", "run_report", "discover", "parse_parameters", "ReportError", "NotebookResult"]

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

    Example:
        >>> [p.name for p in discover()]
        ['01-enforcement-statistics.ipynb', '02-claim-timeline.ipynb', '03-framing-comparison.ipynb',
         '04-coding-reliability.ipynb']
        >>> [p.name for p in discover(["02"])]
        ['02-claim-timeline.ipynb']
    """
    every = sorted(NOTEBOOKS.glob("[0-9][0-9]-*.ipynb"))
    if solutions:
        every += sorted((NOTEBOOKS / "solutions").glob("*.ipynb"))
    if not selected:
        return every
    out = []
    for want in selected:
        p = Path(want)
        if p.suffix == ".ipynb" and p.exists():
            out.append(p.resolve())
            continue
        hits = [nb for nb in every if nb.stem == want or nb.stem.startswith(f"{want}-") or nb.name == want]
        if len(hits) != 1:
            names = ", ".join(nb.stem for nb in every)
            raise ReportError(f"no single notebook matches {want!r}; choose from: {names}")
        out.append(hits[0])
    return out


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


def _html(nb) -> str:
    from nbconvert import HTMLExporter

    exporter = HTMLExporter(template_name="exportrow_offline",
                            extra_template_basedirs=[str(Path(__file__).parent / "templates")])
    body, _ = exporter.from_notebook_node(nb)
    return body


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
             sockets: Path | None = None) -> NotebookResult:
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
    t0 = time.perf_counter()
    folder.mkdir(parents=True, exist_ok=True)
    mine = {k: v for k, v in params.items() if k in declared}
    if "output_dir" in declared:
        mine["output_dir"] = "."  # the kernel runs in the notebook's report folder
    nb = load_notebook_node(str(path))  # papermill's loader: adds the metadata it expects
    nb = parameterize_notebook(nb, mine, kernel_name="python3", language="python")
    for cell in nb.cells:  # papermill gives the injected cell a random id; keep reports identical
        if "injected-parameters" in cell.metadata.get("tags", []):
            cell.id = "injected-parameters"
    count = len(nb.cells)
    res.question = _question(nb)
    current: dict = {"cell": None}

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
        on_cell_start=on_start, on_cell_executed=on_executed)
    progress.line(f"{name}: started")
    # The kernel's own log (not the notebook's output) goes to a file; a crash shows its tail.
    log = tempfile.TemporaryFile(mode="w+", prefix=f"{name}-kernel-")
    try:
        client.execute(stderr=log)
        res.ok = True
    except Exception as exc:  # a cell error, a timeout, a dead or unstartable kernel: this notebook only
        res.error = _failure(exc, current["cell"], timeout, log)
    finally:
        log.close()
        pause.reached.set()  # never leave a test pause waiting for a notebook that failed early
        _locate_failure(res, nb, current["cell"])
    if stop.is_set():  # the report is stopping: write nothing more into its temporary folder
        res.ok, res.error = False, "interrupted"
        return res
    res.seconds = time.perf_counter() - t0
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
        return _error_text(exc)
    if isinstance(exc, DeadKernelError):
        text = "the kernel died while running this cell" if cell is not None else "the kernel died before any cell"
    else:  # the kernel did not start, or lost its connection
        text = _error_text(exc)
    log.seek(0)
    tail = [ln for ln in log.read().splitlines() if "without encryption" not in ln][-3:]
    return text + "".join(f"\n    kernel: {ln}" for ln in tail)


def _locate_failure(res: NotebookResult, nb, running: int | None) -> None:
    """Set the failing cell: the first cell with an error output, else the cell that was running."""
    index = next((i for i, c in enumerate(nb.cells)
                  if any(o.get("output_type") == "error" for o in c.get("outputs", []))), None)
    if index is None and not res.ok:
        index = running
    if index is None:
        return
    cell = nb.cells[index]
    res.cell, res.prompt = index, cell.get("execution_count")
    lines = "".join(cell.source).strip().splitlines()
    res.source = lines[0][:80] if lines else ""


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


def _index(results: list[NotebookResult], params: dict, title: str, source: str = "", notes=()) -> str:
    """The report's front page; every text in it is escaped, and its policy allows no script.

    Example:
        >>> page = _index([NotebookResult("01-x", error="<script>x()</script>", files=["a:b.csv"])],
        ...               {"title": "<b>"}, "exportrow report", "Source: <i>The Daily</i>")
        >>> "<script>" in page or "<b>" in page or "<i>" in page, 'href="01-x/a%3Ab.csv"' in page
        (False, True)
    """
    from exportrow import __version__

    esc = html_text
    rows = []
    for r in results:
        links = " · ".join(f'<a href="{html_href(f"{r.name}/{f}")}">{esc(f)}</a>' for f in r.files
                           if f not in (f"{r.name}.html",))
        status = "ok" if r.ok else f"failed at {esc(r.where())}: {esc(r.error)}"
        rows.append(f'<tr><td><a href="{html_href(f"{r.name}/{r.name}.html")}">{esc(r.name)}</a></td>'
                    f"<td>{esc(r.question)}</td><td>{status}</td><td>{links}</td></tr>")
    plist = "".join(f"<li><code>{esc(k)}</code> = <code>{esc(json.dumps(v))}</code></li>"
                    for k, v in sorted(params.items())) or "<li>defaults only</li>"
    return f"""<!DOCTYPE html>
<html lang="en">
<head><meta charset="utf-8">{csp_meta()}<title>{esc(title)}</title>
<style>body{{font-family:sans-serif;max-width:60em;margin:2em auto;line-height:1.5}}
td,th{{padding:.3em .8em;text-align:left;vertical-align:top}}code{{background:#f3f3f3}}</style></head>
<body>
<h1>{esc(title)}</h1>
<p>{esc(source)}</p>
{"".join(f'<p class="note">{esc(n)}</p>' for n in notes)}
<p>exportrow {esc(__version__)}. Each notebook was executed headlessly with papermill. Open a notebook's page to
read it with its charts and tables; the files next to it are its outputs.</p>
<h2>Parameters</h2><ul>{plist}</ul>
<h2>Notebooks</h2>
<table><tr><th>notebook</th><th>question</th><th>status</th><th>files</th></tr>
{chr(10).join(rows)}
</table>
</body></html>
"""


def run_report(notebooks: list[Path], out: Path, params: dict, *, jobs: int | None = None,
               timeout: int = 600, stream=None, declared: dict | None = None,
               notes: list[str] | None = None) -> tuple[list[NotebookResult], Path]:
    """Run the notebooks and publish the report into ``out`` only if all of them succeed.

    Returns the results and the folder the report was written to: ``out`` on success, or
    ``<out>.failed`` (the previous ``out`` untouched) when a notebook failed. ``out`` must be new,
    empty or a report exportrow published (see :mod:`exportrow.outdir`); another run into the same
    ``out`` is refused while this one holds its lock. An interrupt (Ctrl-C, SIGTERM, SIGHUP, all
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
        jobs = max(1, min(jobs or os.cpu_count() or 1, len(notebooks)))
        progress.line(f"running {len(notebooks)} notebook(s), {jobs} at a time, into {pub.out}")
        results = _run_all(notebooks, pub.tmp, params, declared, progress, timeout, jobs)
        try:
            _write_index(results, notebooks, params, pub.tmp, notes or [])
            where = pub.publish(failed=not all(r.ok for r in results))
        except OSError as exc:
            raise pub.write_error(exc, "report") from None
    return results, where


def _run_all(notebooks: list[Path], tmp: Path, params: dict, declared: dict, progress: _Progress,
             timeout: int, jobs: int) -> list[NotebookResult]:
    """Run the notebooks in worker threads; on any interrupt stop every kernel and wait for every worker.

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
    pool = cf.ThreadPoolExecutor(max_workers=jobs, thread_name_prefix="exportrow-notebook")
    futures: list[cf.Future] = []
    try:
        for nb in notebooks:
            futures.append(pool.submit(_run_one, nb, tmp / nb.stem, params, declared[nb.stem], progress,
                                       timeout, stop, kernels_dir, pause,
                                       sockets / f"{len(futures):02d}" if sockets else None))
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


def _write_index(results: list[NotebookResult], notebooks: list[Path], params: dict, tmp: Path,
                 notes: list[str] = ()) -> None:
    from exportrow.article import load_article
    from exportrow.export import write_atomic

    try:
        from exportrow.annotations import load_annotation

        art = load_article(params.get("article_path") or None, published=params.get("published"),
                           outlet=params.get("outlet"), timezone=params.get("timezone"))
        art = load_annotation(params.get("annotation_path") or None, art).article  # its article: block
        source = f"Source: {art.outlet or 'outlet unknown'}, {art.published_text}, \u201c{art.title}\u201d."
    except Exception:  # a report of notebooks that take no article
        source = ""
    write_atomic(tmp / "index.html", _index(results, params, "exportrow report", source, notes))
    _copy_linked_documents(notebooks, tmp)
    write_atomic(tmp / "run.json", json.dumps({
        "parameters": params, "notebooks": [r.name for r in results],
        "ok": all(r.ok for r in results), **({"notes": list(notes)} if notes else {})},
        indent=2, sort_keys=True) + "\n")


def _cmd_report(args) -> int:
    from exportrow import outdir

    out = outdir.check_out(args.out, "report")  # refuse a bad folder before anything else
    outdir.check_out(outdir.failed_path(out), "report")
    notebooks = discover(args.notebooks, solutions=args.solutions)
    _fast_jupyter_imports()
    declared = _declared(notebooks)
    params = parse_parameters(args.parameters or [], declared)
    for k, v in params.items():  # kernels run in notebooks/: paths typed by the user are from here
        if k.endswith("_path") and isinstance(v, str) and v and not Path(v).is_absolute():
            params[k] = str(Path(v).resolve())
        if k.endswith("_paths") and isinstance(v, list):  # e.g. coding_paths of notebook 04
            params[k] = [str(Path(x).resolve()) if isinstance(x, str) and x else x for x in v]
    if any(params.get(k) for k in ("article_path", "annotation_path", "published", "outlet", "timezone",
                                   "side_a", "side_b", "sides")):
        # Check the inputs once, up front: a bad file then gives one clear message, not a failure per notebook.
        from exportrow.annotations import load_annotation
        from exportrow.article import load_article
        from exportrow.sides import check_side_parameters

        article = load_article(params.get("article_path") or None, published=params.get("published"),
                               outlet=params.get("outlet"), timezone=params.get("timezone"))
        check_side_parameters(load_annotation(params.get("annotation_path") or None, article), params)
    notes = []
    solutions = [nb for nb in notebooks if nb.parent.name == "solutions"]
    if solutions:  # worked for the bundled article only: on another article they are skipped, and the index says so
        from exportrow.notebook import is_worked_example

        if not is_worked_example(params.get("article_path") or "", params.get("annotation_path") or ""):
            notebooks = [nb for nb in notebooks if nb not in solutions]
            notes.append(f"Solutions skipped ({', '.join(nb.stem for nb in solutions)}): they are worked for the "
                         "bundled article, and this report runs on another article.")
            print(f"note: {notes[-1]}", file=sys.stderr)
    t0 = time.perf_counter()
    results, where = run_report(notebooks, out, params, jobs=args.jobs, timeout=args.timeout,
                                declared=declared, notes=notes)
    failed = [r for r in results if not r.ok]
    took = time.perf_counter() - t0
    if failed:
        print(f"{len(failed)} of {len(results)} notebook(s) failed; the previous report in {args.out} was left "
              f"as it was. Partial output: {where}", file=sys.stderr)
        for r in failed:
            print(f"  {r.name}, {r.where()}: {r.error}", file=sys.stderr)
        return 1
    print(f"report written to {where / 'index.html'} ({len(results)} notebooks, {took:.1f} s)")
    return 0


def _jobs(text: str) -> int:
    if not text.strip().lstrip("+").isdigit() or int(text) < 1:
        raise __import__("argparse").ArgumentTypeError(f"must be a whole number of at least 1, not {text!r}")
    return int(text)


def _timeout(text: str) -> int:
    if not text.strip().lstrip("+").isdigit() or int(text) < 1:
        raise __import__("argparse").ArgumentTypeError(
            f"must be a whole number of seconds, more than 0, not {text!r}")
    return int(text)


def register(sub) -> None:
    """Add the ``report`` sub-command to the ``exportrow`` parser.

    Example:
        >>> import argparse
        >>> sub = argparse.ArgumentParser(prog="exportrow").add_subparsers()
        >>> register(sub)
        >>> sub.choices["report"].parse_args(["-p", "measure", "per_month", "--jobs", "3"]).parameters
        [['measure', 'per_month']]
    """
    p = sub.add_parser(
        "report", help="run every notebook headlessly and write an HTML report",
        description="Execute the notebooks with papermill, in parallel, and write for each the executed\n"
                    "notebook, an HTML rendering (offline: no scripts from the network) and its figures\n"
                    "and tables, plus an index.html. A report replaces the one in --out only when every\n"
                    "notebook succeeded; a failed run leaves its partial output in <out>.failed.\n\n"
                    "--out must be a new or empty folder, or a report exportrow published (it carries a\n"
                    ".exportrow.json marker); anything else is refused before any notebook runs, and so\n"
                    "is a second report into the same folder while one is running. Every -p value is\n"
                    "checked against the type and the allowed values in each notebook's parameters cell\n"
                    "before any kernel starts. Ctrl-C, SIGTERM and SIGHUP stop every kernel and leave\n"
                    "--out as it was.",
        epilog="examples:\n  exportrow report\n  exportrow report -p measure per_month -p years '[2016, 2017]'\n"
               "  exportrow report --notebooks 02 -p published 2019-07-19 --out reports/what-if\n"
               "  exportrow report --article my.txt --annotation my.yaml --out reports/mine",
        formatter_class=__import__("argparse").RawDescriptionHelpFormatter)
    p.add_argument("--out", default=str(paths.PROJECT_ROOT / "reports" / "latest"), metavar="DIR",
                   help="report folder (default: reports/latest in the project)")
    p.add_argument("-p", "--parameter", dest="parameters", nargs=2, action="append", metavar=("NAME", "VALUE"),
                   help="set a parameter in every notebook that declares it; VALUE is read as YAML "
                        "(text for str parameters). Repeatable. List them: papermill --help-notebook NOTEBOOK")
    p.add_argument("--article", metavar="PATH", help="shortcut for -p article_path PATH")
    p.add_argument("--annotation", metavar="PATH", help="shortcut for -p annotation_path PATH")
    p.add_argument("--published", metavar="DATE", help="shortcut for -p published DATE (ISO date or date-time)")
    p.add_argument("--outlet", metavar="NAME", help="shortcut for -p outlet NAME")
    p.add_argument("--timezone", metavar="ZONE", help="shortcut for -p timezone ZONE (IANA, e.g. Asia/Seoul)")
    p.add_argument("--notebooks", nargs="+", metavar="NAME",
                   help="run only these notebooks (number, name or path; default: all numbered notebooks)")
    p.add_argument("--solutions", action="store_true", help="also run the exercise solutions notebooks")
    p.add_argument("--jobs", type=_jobs, default=None, metavar="N",
                   help=f"notebooks run at once, at least 1 (default: the machine's cores, {os.cpu_count()})")
    p.add_argument("--timeout", type=_timeout, default=600, metavar="SECONDS",
                   help="time limit per cell, more than 0 (default 600)")
    p.set_defaults(func=_with_shortcuts)


def _with_shortcuts(args) -> int:
    args.parameters = list(args.parameters or [])
    if args.article:
        args.parameters.append(("article_path", str(Path(args.article).resolve())))
    if args.annotation:
        args.parameters.append(("annotation_path", str(Path(args.annotation).resolve())))
    for name in ("published", "outlet", "timezone"):  # the article's metadata, as every notebook declares it
        if getattr(args, name, None):
            args.parameters.append((name, getattr(args, name)))
    return _cmd_report(args)
