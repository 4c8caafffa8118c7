"""``exportrow report``: run every notebook headlessly with papermill and write an HTML report.

The notebooks run in parallel, each in its own kernel whose working folder is set when
the kernel starts (threads never change the process's working directory). Parameters are
injected by papermill; kernels are shut down immediately when a notebook ends. Everything is
written into a temporary folder beside ``--out`` and moved into place only when every
notebook succeeded, so a failed or interrupted run never replaces a good report.
"""

from __future__ import annotations

import concurrent.futures as cf
import html
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

__all__ = ["register", "run_report", "discover", "parse_parameters", "ReportError", "NotebookResult"]

NOTEBOOKS = paths.PROJECT_ROOT / "notebooks"
RESERVED = ("output_dir",)
_ACTIVE: set = set()  # notebook clients running now, so that an interrupt can stop their kernels
_ACTIVE_LOCK = threading.Lock()
_STOPPING = threading.Event()  # set on an interrupt: a notebook that starts or reaches a cell after it stops at once


class ReportError(UsageError):
    """Bad report options (unknown parameter, missing notebook): nothing was run."""


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
    import papermill

    return {nb.stem: papermill.inspect_notebook(str(nb)) for nb in notebooks}


def parse_parameters(pairs: list[tuple[str, str]], declared: dict[str, dict]) -> dict[str, object]:
    """Turn ``-p NAME VALUE`` pairs into typed values, checking each name is declared somewhere.

    Values are read as YAML (``true``, ``3``, ``[2016, 2017]``) except for parameters that
    the notebooks declare as ``str``, which stay text.

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
    """
    import yaml

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
        types = {str(p.get("inferred_type_name")) for p in owners.values()}
        if types == {"str"}:
            out[name] = raw
        else:
            try:
                out[name] = _plain(yaml.safe_load(raw))
            except yaml.YAMLError:
                out[name] = raw
    return out


def _plain(value):
    """YAML reads 2019-07-19 as a date; notebooks take dates as ISO text."""
    import datetime as dt

    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    return value


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


def _run_one(path: Path, folder: Path, params: dict, declared: dict, progress: _Progress,
             timeout: int) -> NotebookResult:
    import nbformat
    from nbclient import NotebookClient
    from nbclient.exceptions import CellExecutionError, CellTimeoutError
    from papermill.iorw import load_notebook_node
    from papermill.parameterize import parameterize_notebook

    from exportrow.export import write_atomic
    from exportrow.nbtools import clean_notebook

    name = path.stem
    res = NotebookResult(name)
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
    client = NotebookClient(
        nb, timeout=timeout, kernel_name="python3", shutdown_kernel="immediate",
        resources={"metadata": {"path": str(folder)}},
        on_cell_executed=lambda cell, cell_index, execute_reply: progress.cell(name, cell_index, count),
        on_cell_start=_stop_if_interrupted)
    progress.line(f"{name}: started")
    with _ACTIVE_LOCK:
        _ACTIVE.add(client)
    # The kernel's own log (not the notebook's output) goes to a file; a crash shows its tail.
    log = tempfile.TemporaryFile(mode="w+", prefix=f"{name}-kernel-")
    try:
        client.execute(stderr=log)
        res.ok = True
    except Exception as exc:  # a cell error, a timeout, a dead or unstartable kernel: this notebook only
        res.error = _error_text(exc)
        if not isinstance(exc, (CellExecutionError, CellTimeoutError)):
            log.seek(0)
            tail = [ln for ln in log.read().splitlines() if "without encryption" not in ln][-3:]
            res.error += "".join(f"\n    kernel: {ln}" for ln in tail)
    finally:
        log.close()
        with _ACTIVE_LOCK:
            _ACTIVE.discard(client)
        for i, cell in enumerate(nb.cells):
            if any(o.get("output_type") == "error" for o in cell.get("outputs", [])):
                res.cell, res.prompt = i, cell.get("execution_count")
                res.source = "".join(cell.source).strip().splitlines()[0][:80]
                break
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
        where = f"cell {res.cell} (In [{res.prompt}])" if res.cell is not None else "before any cell"
        progress.line(f"{name}: FAILED at {where} ({res.source}): {res.error}")
    return res


def _stop_if_interrupted(**_) -> None:
    """A kernel that started after an interrupt killed the others (it was not running yet) stops at its next cell."""
    if _STOPPING.is_set():
        raise RuntimeError("interrupted")


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


def _index(results: list[NotebookResult], params: dict, title: str, source: str = "") -> str:
    from exportrow import __version__

    esc = html.escape
    rows = []
    for r in results:
        links = " · ".join(f'<a href="{esc(r.name)}/{esc(f)}">{esc(f)}</a>' for f in r.files
                           if f not in (f"{r.name}.html",))
        status = "ok" if r.ok else f"failed at cell {r.cell} (In [{r.prompt}]): {esc(r.error)}"
        rows.append(f'<tr><td><a href="{esc(r.name)}/{esc(r.name)}.html">{esc(r.name)}</a></td>'
                    f"<td>{esc(r.question)}</td><td>{status}</td><td>{links}</td></tr>")
    plist = "".join(f"<li><code>{esc(k)}</code> = <code>{esc(json.dumps(v))}</code></li>"
                    for k, v in sorted(params.items())) or "<li>defaults only</li>"
    return f"""<!DOCTYPE html>
<html lang="en">
<head><meta charset="utf-8"><title>{esc(title)}</title>
<style>body{{font-family:sans-serif;max-width:60em;margin:2em auto;line-height:1.5}}
td,th{{padding:.3em .8em;text-align:left;vertical-align:top}}code{{background:#f3f3f3}}</style></head>
<body>
<h1>{esc(title)}</h1>
<p>{esc(source)}</p>
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
               timeout: int = 600, stream=None, declared: dict | None = None) -> tuple[list[NotebookResult], Path]:
    """Run the notebooks and publish the report into ``out`` only if all of them succeed.

    Returns the results and the folder the report was written to: ``out`` on success, or
    ``<out>.failed`` (the previous ``out`` untouched) when a notebook failed.

    Example:
        >>> import io, nbformat
        >>> tmp = Path(tempfile.mkdtemp())
        >>> nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("print(6 * 7)")])
        >>> nbformat.write(nb, tmp / "00-tiny.ipynb")
        >>> results, where = run_report([tmp / "00-tiny.ipynb"], tmp / "report", {}, stream=io.StringIO())
        >>> results[0].ok, where.name, sorted(p.name for p in (where / "00-tiny").iterdir())
        (True, 'report', ['00-tiny.html', '00-tiny.ipynb'])
    """
    _fast_jupyter_imports()
    out = Path(out).resolve()
    out.parent.mkdir(parents=True, exist_ok=True)
    declared = declared or _declared(notebooks)
    tmp = Path(tempfile.mkdtemp(prefix=f".{out.name}.", suffix=".tmp", dir=out.parent))
    _STOPPING.clear()
    progress = _Progress(len(notebooks), stream)
    jobs = max(1, min(jobs or os.cpu_count() or 1, len(notebooks)))
    progress.line(f"running {len(notebooks)} notebook(s), {jobs} at a time, into {out}")
    pool = cf.ThreadPoolExecutor(max_workers=jobs)
    try:
        futures = [pool.submit(_run_one, nb, tmp / nb.stem, params, declared[nb.stem], progress, timeout)
                   for nb in notebooks]
        try:
            results = [f.result() for f in futures]
        except BaseException:
            pool.shutdown(wait=False, cancel_futures=True)
            _stop_kernels()
            raise
        finally:
            pool.shutdown(wait=True)
        from exportrow.article import load_article
        from exportrow.export import write_atomic

        try:
            art = load_article(params.get("article_path") or None)
            source = (f"Source: {art.outlet}, {art.published.day} {art.published:%B %Y}, "
                      f"\u201c{art.title}\u201d.")
        except Exception:  # a report of notebooks that take no article
            source = ""
        write_atomic(tmp / "index.html", _index(results, params, "exportrow report", source))
        _copy_linked_documents(notebooks, tmp)
        write_atomic(tmp / "run.json", json.dumps({
            "parameters": params, "notebooks": [r.name for r in results],
            "ok": all(r.ok for r in results)}, indent=2, sort_keys=True) + "\n")
        target = out if all(r.ok for r in results) else out.with_name(out.name + ".failed")
        _swap_into_place(tmp, target)
        return results, target
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise


def _stop_kernels() -> None:
    """Kill the running kernels (on Ctrl-C), so that their threads end at once."""
    import signal

    with _ACTIVE_LOCK:
        _STOPPING.set()
        clients = list(_ACTIVE)
    for client in clients:
        pid = getattr(getattr(client.km, "provisioner", None), "pid", None)
        if pid:
            try:
                os.kill(pid, signal.SIGKILL)
            except OSError:
                pass


def _swap_into_place(tmp: Path, target: Path) -> None:
    old = None
    if target.exists():
        old = target.with_name(f".{target.name}.old-{os.getpid()}")
        target.rename(old)
    tmp.rename(target)
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)


def _cmd_report(args) -> int:
    notebooks = discover(args.notebooks, solutions=args.solutions)
    _fast_jupyter_imports()
    declared = _declared(notebooks)
    params = parse_parameters(args.parameters or [], declared)
    for k, v in params.items():  # kernels run in notebooks/: paths typed by the user are from here
        if k.endswith("_path") and isinstance(v, str) and v and not Path(v).is_absolute():
            params[k] = str(Path(v).resolve())
        if k.endswith("_paths") and isinstance(v, list):  # e.g. coding_paths of notebook 04
            params[k] = [str(Path(x).resolve()) if isinstance(x, str) and x else x for x in v]
    if params.get("article_path") or params.get("annotation_path"):
        # Check the inputs once, up front: a bad file then gives one clear message, not a failure per notebook.
        from exportrow.annotations import load_annotation
        from exportrow.article import load_article

        article = load_article(params.get("article_path") or None)
        load_annotation(params.get("annotation_path") or None, article)
    t0 = time.perf_counter()
    results, where = run_report(notebooks, Path(args.out), params, jobs=args.jobs, timeout=args.timeout,
                                declared=declared)
    failed = [r for r in results if not r.ok]
    took = time.perf_counter() - t0
    if failed:
        print(f"{len(failed)} of {len(results)} notebook(s) failed; the previous report in {args.out} was left "
              f"as it was. Partial output: {where}", file=sys.stderr)
        for r in failed:
            print(f"  {r.name}, cell {r.cell} (In [{r.prompt}]) `{r.source}`: {r.error}", file=sys.stderr)
        return 1
    print(f"report written to {where / 'index.html'} ({len(results)} notebooks, {took:.1f} s)")
    return 0


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
                    "notebook succeeded; a failed run leaves its partial output in <out>.failed.",
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
    p.add_argument("--notebooks", nargs="+", metavar="NAME",
                   help="run only these notebooks (number, name or path; default: all numbered notebooks)")
    p.add_argument("--solutions", action="store_true", help="also run the exercise solutions notebooks")
    p.add_argument("--jobs", type=int, default=None, metavar="N",
                   help=f"notebooks run at once (default: the machine's cores, {os.cpu_count()})")
    p.add_argument("--timeout", type=int, default=600, metavar="SECONDS", help="time limit per cell (default 600)")
    p.set_defaults(func=_with_shortcuts)


def _with_shortcuts(args) -> int:
    args.parameters = list(args.parameters or [])
    if args.article:
        args.parameters.append(("article_path", str(Path(args.article).resolve())))
    if args.annotation:
        args.parameters.append(("annotation_path", str(Path(args.annotation).resolve())))
    try:
        return _cmd_report(args)
    except ReportError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
