"""The ``exportrow`` command line: tables, check, schema, report, extract.

Run ``exportrow --help`` or ``exportrow COMMAND --help``.

Every expected failure is an :class:`~exportrow.errors.ExportrowError`: its message is printed
(no traceback) and the command exits with its ``exit_code``. Any other exception is a bug: one
line says so and ``--debug`` shows the traceback. SIGTERM and SIGHUP are handled like Ctrl-C:
the command stops, removes what it had begun to write, and exits 143 (130 for Ctrl-C).
"""

from __future__ import annotations

import argparse
import contextlib
import os
import re
import signal
import sys
import threading
import traceback
from pathlib import Path

from exportrow import paths
from exportrow.errors import EXIT_DATA, EXIT_INTERRUPTED, EXIT_TERMINATED, ExportrowError

__all__ = ["main", "build_parser", "Terminated", "interrupts", "stopped"]

_EPILOG = """\
examples:
  exportrow tables                      write the tidy tables to data/processed/
  exportrow check                       check the bundled annotation file
  exportrow check my-article.yaml       check your own annotation file (or a context file)
  exportrow schema                      print the annotation files' JSON Schema
  exportrow report --out reports/latest run every notebook, write an HTML report
  exportrow extract my-article.txt      draft an annotation for a new article
  exportrow view --out article.html     the article with its annotated spans marked
  exportrow import page.html --out data/raw/my-article.txt   a saved web page as a capture
  exportrow worksheet my.yaml           a blank coding worksheet for a class
  exportrow agree a.csv b.csv           inter-coder agreement (Krippendorff's alpha)

exit codes:
  0    success
  1    bad data (article, annotation), a failed notebook, or an output that could not be written
  2    usage error: a bad option or parameter value, or a refused output folder (nothing was run)
  130  interrupted by Ctrl-C (SIGINT)
  143  stopped by SIGTERM or SIGHUP
  Unexpected errors (a bug in exportrow) print one line and exit 1; add --debug for the traceback.
"""


class Terminated(KeyboardInterrupt):
    """SIGTERM or SIGHUP, raised in the main thread and handled like Ctrl-C (exit code 143)."""

    def __init__(self, signum: int):
        super().__init__(signal.Signals(signum).name)
        self.signum = signum


@contextlib.contextmanager
def interrupts():
    """Turn SIGINT, SIGTERM and SIGHUP into exceptions in the main thread, once.

    The first signal raises (``KeyboardInterrupt`` or :class:`Terminated`), so that every
    ``finally`` runs: kernels are stopped and temporary folders removed. Later signals are noted
    but do not interrupt that clean-up. A signal the caller ignores (``nohup``) stays ignored.

    Example:
        >>> with interrupts():
        ...     try:
        ...         os.kill(os.getpid(), signal.SIGINT)  # Ctrl-C
        ...     except KeyboardInterrupt as exc:
        ...         print(repr(exc))  # then stopped(exc) says so in one line
        KeyboardInterrupt()
    """
    from exportrow import outdir

    if threading.current_thread() is not threading.main_thread():
        yield
        return
    raised = []

    def handler(signum, frame):
        if raised:
            print("still stopping: removing what this run began to write", file=sys.stderr)
            return
        raised.append(signum)
        exc = KeyboardInterrupt() if signum == signal.SIGINT else Terminated(signum)
        if not outdir.defer(exc):  # inside a folder swap: raised when the swap is complete
            raise exc

    previous = {}
    for sig in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP):
        if signal.getsignal(sig) is not signal.SIG_IGN:
            previous[sig] = signal.signal(sig, handler)
    try:
        yield
    finally:
        for sig, old in previous.items():
            signal.signal(sig, old)


def stopped(exc: KeyboardInterrupt) -> int:
    """Say in one line that the command was stopped (by ``exc``, raised in :func:`interrupts`); return the exit code.

    Example:
        >>> import contextlib, io
        >>> with contextlib.redirect_stderr(io.StringIO()) as err:
        ...     stopped(KeyboardInterrupt()), stopped(Terminated(signal.SIGTERM))
        (130, 143)
        >>> print(err.getvalue(), end="")
        interrupted by Ctrl-C: unfinished output removed, earlier output left as it was
        stopped by SIGTERM: unfinished output removed, earlier output left as it was
    """
    if isinstance(exc, Terminated):
        print(f"stopped by {exc}: unfinished output removed, earlier output left as it was", file=sys.stderr)
        return EXIT_TERMINATED
    print("interrupted by Ctrl-C: unfinished output removed, earlier output left as it was", file=sys.stderr)
    return EXIT_INTERRUPTED



def _article_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("--article", metavar="PATH", default=None,
                   help="article file in the capture format (default: the one --annotation names under article: "
                        "file:, else the bundled Nikkei article)")
    p.add_argument("--annotation", metavar="PATH", default=None,
                   help="annotation YAML (default: the one paired with the article)")
    metadata_args(p)


def metadata_args(p: argparse.ArgumentParser) -> None:
    """Add ``--published``, ``--outlet``, ``--timezone``: they override the capture and the annotation."""
    g = p.add_argument_group("article metadata (override the front matter, the annotation and the capture header)")
    g.add_argument("--published", metavar="DATE", default=None,
                   help="publication date (2019-07-12) or date-time with offset (2019-07-12T07:30:00+09:00)")
    g.add_argument("--outlet", metavar="NAME", default=None, help="the outlet that published the article")
    g.add_argument("--timezone", metavar="ZONE", default=None,
                   help="IANA time zone of the outlet's clock, e.g. Asia/Seoul")


def load_with_options(path, args):
    """The article at ``path`` with the metadata options in ``args`` applied.

    Raises:
        UsageError: ``path`` is an annotation file, not an article (the message gives the command that works).
    """
    from exportrow.article import load_article
    from exportrow.errors import UsageError
    from exportrow.view import _annotation_as_article, _is_annotation

    if path is not None and getattr(args, "command", None) in ("extract", "check", "tables") and _is_annotation(path):
        raise UsageError(_annotation_as_article(path, getattr(args, "annotation", None), command=args.command))
    return load_article(path, published=getattr(args, "published", None), outlet=getattr(args, "outlet", None),
                        timezone=getattr(args, "timezone", None))


def _cmd_tables(args) -> int:
    from exportrow.annotations import article_to_load
    from exportrow.annotations.formulas import context_warnings, formula_warnings
    from exportrow.export import write_tables
    from exportrow.files import shown_path
    from exportrow.outdir import check_out
    from exportrow.tables import all_tables, annotation, context_files

    args.out = _tables_out(args)
    check_out(args.out, "tables")  # refuse a bad folder before reading anything
    # --annotation alone: its own article (article: file:), as `exportrow check` finds it, never the bundled one
    ann = annotation(load_with_options(article_to_load(args.article, args.annotation), args), args.annotation)
    for w in formula_warnings(ann):  # as `exportrow check` warns: a spreadsheet may run these cells as formulas
        print(f"warning: {w}", file=sys.stderr)
    for path, doc in context_files(article=ann.article) if args.context else []:  # the context layer's texts too
        for w in context_warnings(path, doc):
            print(f"warning: {w}", file=sys.stderr)
    tables = all_tables(ann.article, ann.path, context=args.context)
    written = write_tables(tables, args.out, name=f"exportrow-{ann.article.name}")
    for p in written:
        n = len(tables[p.stem]) if p.stem in tables else None
        rows = "" if n is None else f" ({n} row{'' if n == 1 else 's'})"
        print(f"wrote {shown_path(p)}{rows}")
    return 0


def _tables_out(args) -> str:
    """Where ``exportrow tables`` writes: ``--out``, by default the project's ``data/processed/``. That folder holds
    the bundled article's tables as the project ships them (a test keeps them current), so only those tables go
    there: for any other article, annotation, metadata or the context layer, name ``--out``.

    Example:
        >>> _tables_out(build_parser().parse_args(["tables"])) == str(paths.DATA / "processed")
        True
        >>> _tables_out(build_parser().parse_args(["tables", "--article", "my.txt"]))
        Traceback (most recent call last):
        ...
        exportrow.errors.UsageError: tables: --out is not given, and the default, the project's data/processed/, \
holds the bundled article's tables as the project ships them; tables made with --article 'my.txt' go into a \
folder of their own: name it, e.g. --out tables/my
    """
    from exportrow.errors import UsageError
    from exportrow.files import excerpt

    shipped = paths.DATA / "processed"
    out = args.out if args.out is not None else str(shipped)
    try:
        there = Path(out).expanduser().resolve() == shipped.resolve()
    except (OSError, RuntimeError):
        return out  # check_out reports a path it cannot resolve
    if not there:
        return out

    def other(given, bundled):
        return given is not None and Path(given).expanduser().resolve() != bundled.resolve()

    why = [f"--article {excerpt(args.article, 200)}" if other(args.article, paths.default_article()) else "",
           f"--annotation {excerpt(args.annotation, 200)}" if other(args.annotation, paths.default_annotation())
           else "",
           "--context" if args.context else "",
           *(f"--{k}" for k in ("published", "outlet", "timezone") if getattr(args, k, None))]
    why = [w for w in why if w]
    if not why:
        return out
    stem = Path(args.article or args.annotation or "mine").stem or "mine"
    given = ("--out is not given, and the default, the project's data/processed/," if args.out is None
             else f"--out {excerpt(args.out, 200)} is the project's data/processed/, which")
    raise UsageError(f"tables: {given} holds the bundled article's tables as the project ships them; tables made "
                     f"with {' '.join(why)} go into a folder of their own: name it, e.g. --out tables/{stem}")


def _cmd_check(args) -> int:
    from exportrow.annotations import article_path_for, is_context_file, load_annotation

    target = Path(args.annotation_file) if args.annotation_file else None
    if target and is_context_file(target):
        return _check_context(target)
    article_path = args.article or (article_path_for(target) if target else None)
    if target and not args.article and article_path is None:
        print(f"{target}: cannot find the article it annotates; name it with --article PATH "
              "or set `article: file:` to a file beside the annotation or in ../raw/",
              file=sys.stderr)
        return 2
    article = load_with_options(article_path, args)
    ann = load_annotation(target, article)
    for w in ann.warnings:
        print(f"warning: {w}", file=sys.stderr)
    print(f"OK {ann.path}: {len(ann.actors)} actors, {len(ann.figures)} figures, "
          f"{len(ann.claims)} claims, {len(ann.events)} events, "
          f"{len(ann.ignored_numbers)} ignored numbers; every quote found in {article.path.name}")
    print(ann.article.clock_note)
    return 0


def _check_context(target: Path) -> int:
    from exportrow.annotations import load_context
    from exportrow.annotations.formulas import context_warnings

    doc = load_context(target)
    for w in context_warnings(target, doc):  # as for an annotation: these texts land in events.csv
        print(f"warning: {w}", file=sys.stderr)
    print(f"OK {target}: {_context_summary(doc['events'])}")
    return 0


def _context_summary(events: list[dict]) -> str:
    """How many context events a checked file has, and which do not name their public sources (``sources:`` is
    optional in the schema, so the line says so rather than claim every event has one).

    Example:
        >>> _context_summary([{"id": "a", "sources": [{}]}, {"id": "b", "sources": [{}]}])
        '2 context events, each with its sources'
        >>> _context_summary([{"id": "a", "sources": [{}]}, {"id": "ctx_b"}, {"id": "ctx_c"}])
        '3 context events, 1 with its sources; 2 with no `sources:` (ctx_b, ctx_c): add `sources:` to each, the \
public sources it rests on (title, publisher, date, url)'
        >>> _context_summary([{"id": "ctx_x"}])
        '1 context event, with no `sources:` (ctx_x): add `sources:`, the public sources it rests on (title, \
publisher, date, url)'
        >>> _context_summary([{"id": "ctx_x"}, {"id": "ctx_y"}])
        '2 context events, none with `sources:` (ctx_x, ctx_y): add `sources:` to each, the public sources it rests \
on (title, publisher, date, url)'
        >>> _context_summary([])
        '0 context events'
    """
    n = len(events)
    head = f"{n} context event{'' if n == 1 else 's'}"
    bare = [str(e.get("id")) for e in events if not e.get("sources")]
    if not n:
        return head
    if not bare:
        return f"{head}, {'each ' if n > 1 else ''}with its sources"
    named = ", ".join(bare[:10]) + (f" and {len(bare) - 10} more" if len(bare) > 10 else "")
    fix = "the public sources it rests on (title, publisher, date, url)"
    if n == 1:
        return f"{head}, with no `sources:` ({named}): add `sources:`, {fix}"
    some = "none with `sources:`" if len(bare) == n else f"{n - len(bare)} with its sources; {len(bare)} with no " \
        "`sources:`"
    return f"{head}, {some} ({named}): add `sources:` to each, {fix}"


def _cmd_schema(args) -> int:
    from exportrow.annotations import schema_text

    sys.stdout.write(schema_text(args.which))
    return 0


def _cmd_report(args) -> int:
    import time

    from exportrow import outdir, report

    out = outdir.check_out(args.out, "report")  # refuse a bad folder before anything else
    outdir.check_out(outdir.failed_path(out), "report")
    notebooks, declared, params, notes = report.plan(args.notebooks, _report_parameters(args),
                                                     solutions=args.solutions)
    for note in notes:
        print(f"note: {note}", file=sys.stderr)
    for w in report.formula_warnings(params):  # as `exportrow check` warns: the report links its CSV files
        print(f"warning: {w}", file=sys.stderr)
    for line in report.coding_notes(params, declared):  # files beside the annotation that are no coding; formulas
        print(line, file=sys.stderr)
    t0 = time.perf_counter()
    had_report = out.is_dir() and any(out.iterdir())  # check_out let it through: a report exportrow wrote
    results, where = report.run_report(notebooks, out, params, jobs=args.jobs, timeout=args.timeout,
                                       declared=declared, notes=notes)
    failed = [r for r in results if not r.ok]
    took = time.perf_counter() - t0
    if failed:
        kept = (f"the previous report in {args.out} was left as it was" if had_report else
                f"no report was written to {args.out} (there was no previous report there)")
        print(f"{len(failed)} of {len(results)} notebook(s) failed; {kept}. Partial output: {where}", file=sys.stderr)
        for r in failed:
            print(f"  {r.name}, {r.where()}: {r.error}", file=sys.stderr)
        return 1
    count = f"{len(results)} notebook{'' if len(results) == 1 else 's'}"
    print(f"report written to {where / 'index.html'} ({count}, {took:.1f} s)")
    return 0


def _report_parameters(args) -> list[tuple[str, str]]:
    """The ``-p NAME VALUE`` pairs, with the shortcuts (``--article PATH`` is ``-p article_path PATH``) added.

    A shortcut and a ``-p`` that give one parameter different values are refused (the same value twice is fine).

    Example:
        >>> args = build_parser().parse_args(["report", "--outlet", "A", "-p", "outlet", "B"])
        >>> _report_parameters(args)
        Traceback (most recent call last):
        ...
        exportrow.errors.UsageError: --outlet 'A' and -p outlet 'B' give outlet two different values; give it once
    """
    from exportrow.errors import UsageError
    from exportrow.files import excerpt

    pairs = [tuple(p) for p in args.parameters or []]
    shortcuts = [("article_path", "--article", args.article), ("annotation_path", "--annotation", args.annotation)]
    shortcuts += [(name, f"--{name}", getattr(args, name, None)) for name in ("published", "outlet", "timezone")]
    for name, option, given in shortcuts:
        if not given:
            continue
        is_path = name.endswith("_path")
        value = str(Path(given).resolve()) if is_path else given
        for key, other in pairs:
            same = (bool(other) and str(Path(other).resolve()) == value) if is_path else other == value
            if key == name and not same:
                raise UsageError(f"{option} {excerpt(given, 200)} and -p {name} {excerpt(other, 200)} give {name} two "
                                 "different values; give it once")
        pairs.append((name, value))
    return pairs


def _whole_number(minimum: int, what: str):
    def parse(text: str) -> int:
        if not text.strip().lstrip("+").isdigit() or int(text) < minimum:
            raise argparse.ArgumentTypeError(f"must be a whole number{what}, not {text!r}")
        return int(text)
    return parse


def _add_report(sub) -> None:
    """The ``report`` sub-command (run by :func:`exportrow.report.plan` and :func:`exportrow.report.run_report`)."""
    from exportrow.report import DEFAULT_JOBS, default_jobs

    p = sub.add_parser(
        "report", help="run every notebook headlessly and write an HTML report",
        description="Execute the notebooks with papermill, in parallel, and write for each the executed\n"
                    "notebook, an HTML rendering (offline: no scripts from the network) and its figures\n"
                    "and tables, plus an index.html and the article's page (its annotated spans marked;\n"
                    "for the bundled article an excerpt). A report replaces the one in --out only when\n"
                    "every notebook succeeded; a failed run leaves its partial output in <out>.failed.\n\n"
                    "--out must be a new or empty folder, or a report exportrow published (it carries a\n"
                    ".exportrow.json marker); anything else is refused before any notebook runs, and so\n"
                    "is a second report into the same folder while one is running. Every -p value is\n"
                    "checked against the type and the allowed values in each notebook's parameters cell\n"
                    "before any kernel starts. Ctrl-C, SIGTERM and SIGHUP stop every kernel and leave\n"
                    "--out as it was.",
        epilog="examples:\n  exportrow report\n  exportrow report -p measure per_month -p years '[2016, 2017]'\n"
               "  exportrow report --notebooks 02 -p published 2019-07-19 --out reports/what-if\n"
               "  exportrow report --article my.txt --annotation my.yaml --out reports/mine",
        formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--out", default=str(paths.PROJECT_ROOT / "reports" / "latest"), metavar="DIR",
                   help="report folder (default: reports/latest in the project)")
    p.add_argument("-p", "--parameter", dest="parameters", nargs=2, action="append", metavar=("NAME", "VALUE"),
                   help="set a parameter in every notebook that declares it; VALUE is read as YAML "
                        "(text for str parameters). Repeatable. List them: papermill --help-notebook NOTEBOOK")
    p.add_argument("--article", metavar="PATH", help="shortcut for -p article_path PATH (default: the one "
                   "--annotation names under article: file:)")
    p.add_argument("--annotation", metavar="PATH", help="shortcut for -p annotation_path PATH")
    p.add_argument("--published", metavar="DATE", help="shortcut for -p published DATE (ISO date or date-time)")
    p.add_argument("--outlet", metavar="NAME", help="shortcut for -p outlet NAME")
    p.add_argument("--timezone", metavar="ZONE", help="shortcut for -p timezone ZONE (IANA, e.g. Asia/Seoul)")
    p.add_argument("--notebooks", nargs="+", metavar="NAME",
                   help="run only these notebooks (number, name or path; default: all numbered notebooks)")
    p.add_argument("--solutions", action="store_true", help="also run the exercise solutions notebooks")
    p.add_argument("--jobs", type=_whole_number(1, " of at least 1"), default=None, metavar="N",
                   help=f"notebooks executed at once, at least 1 (default: {DEFAULT_JOBS}, or the number of cores if "
                        f"more: {default_jobs()} on this machine; measured: every "
                        f"kernel starts at once and {DEFAULT_JOBS} at a time keep two cores busy)")
    p.add_argument("--timeout", type=_whole_number(1, " of seconds, more than 0"), default=600, metavar="SECONDS",
                   help="time limit per cell, more than 0 (default 600)")
    p.set_defaults(func=_cmd_report)


def build_parser() -> argparse.ArgumentParser:
    """The argument parser (documented by ``exportrow --help``).

    Example:
        >>> build_parser().parse_args(["tables", "--out", "x"]).out
        'x'
    """
    parser = argparse.ArgumentParser(
        prog="exportrow",
        description="Turn a news article's figures, claims and dated events into tidy tables, "
                    "every row traced to the article's own words, and run the notebooks "
                    "headlessly as a report.",
        epilog=_EPILOG, formatter_class=argparse.RawDescriptionHelpFormatter)
    from exportrow import __version__

    parser.add_argument("--version", action="version", version=f"exportrow {__version__}")
    parser.add_argument("--debug", action="store_true",
                        help="show the full traceback of any error (for bug reports)")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    p = sub.add_parser("tables", help="write every table as CSV plus a datapackage.json",
                       description="Write actors, figures, claims and events as CSV, with a "
                                   "Frictionless datapackage.json data dictionary. Two runs "
                                   "write byte-identical files. The set replaces --out as a whole, "
                                   "so --out must be new, empty or a tables folder exportrow wrote "
                                   "(it carries a .exportrow.json marker); a failed write leaves the "
                                   "previous set intact. The default, data/processed in the project, is "
                                   "for the bundled article's tables only: for your own article, name --out.")
    p.add_argument("--out", default=None, metavar="DIR",
                   help="output folder (default: data/processed in the project, which holds the bundled "
                        "article's tables as shipped: with --article, --annotation, --context, --published, "
                        "--outlet or --timezone, name a folder of your own)")
    p.add_argument("--context", action="store_true",
                   help="add the context layer (events from outside the article) to events.csv")
    _article_args(p)
    p.set_defaults(func=_cmd_tables)

    p = sub.add_parser("check", help="validate an annotation file against its article (or a context file)",
                       description="Check an annotation file against its article and the "
                                   "schema. Lists every problem with file, entry, field and "
                                   "fix, and exits 1 when there are any.")
    p.add_argument("annotation_file", nargs="?", metavar="ANNOTATION",
                   help="YAML file (default: the bundled annotation)")
    p.add_argument("--article", metavar="PATH", default=None,
                   help="the article it annotates (default: named in the file's article: file:)")
    metadata_args(p)
    p.set_defaults(func=_cmd_check)

    p = sub.add_parser("schema", help="print the JSON Schema of annotation (or context) files",
                       description="Print the JSON Schema that `exportrow check` validates against first. "
                                   "Editors with YAML support validate and complete with it: put "
                                   "`# yaml-language-server: $schema=PATH` on the file's first line.")
    p.add_argument("which", nargs="?", choices=("annotation", "context"), default="annotation",
                   help="which file's schema (default: annotation)")
    p.set_defaults(func=_cmd_schema)

    from exportrow import extract, importer, student  # each adds its own sub-command; none imports Jupyter

    _add_report(sub)
    extract.register(sub)
    student.register(sub)
    from exportrow import coding_fields, view, worksheet  # coding_fields, not agreement: no pandas for the parser

    view.register(sub)
    importer.register(sub)
    worksheet.register(sub)  # coding worksheets and inter-coder agreement
    coding_fields.register(sub)
    for command in sub.choices.values():  # --debug also after the command name
        command.add_argument("--debug", action="store_true", default=argparse.SUPPRESS,
                             help="show the full traceback of any error (for bug reports)")
    return parser


def main(argv: list[str] | None = None) -> int:
    """Entry point of the ``exportrow`` command; returns the exit code (see ``exportrow --help``).

    Example:
        >>> main(["check"])  # doctest: +ELLIPSIS
        OK ...: 17 actors, 5 figures, 24 claims, 13 events, 4 ignored numbers; every quote found in ...
        Publication: 12 July 2019, 07:30 (JST) [the capture's date line]. Time zone: Asia/Tokyo [...].
        0
    """
    args = None
    with interrupts():  # from the start: building the parser imports pandas, long enough to be signalled in
        try:
            _test_pause()
            parser = build_parser()
            args = parser.parse_args(argv)
            refuse_not_utf8(parser, args)
            if not getattr(args, "func", None):
                parser.print_help()
                return 0
            return args.func(args)
        except KeyboardInterrupt as exc:  # Ctrl-C, or SIGTERM/SIGHUP (Terminated)
            return stopped(exc)
        except ExportrowError as exc:
            _debug(args)
            print(f"error: {exc}", file=sys.stderr)
            return exc.exit_code
        except OSError as exc:  # a folder that cannot be written, a disk that is full
            _debug(args)
            print(f"error: {exc.filename or ''}: {exc.strerror or exc}", file=sys.stderr)
            return EXIT_DATA
        except Exception as exc:
            _debug(args)
            first = (str(exc).strip().splitlines() or [""])[0][:200]
            print(f"internal error (a bug in exportrow): {type(exc).__name__}: {first}; "
                  "run the command again with --debug to see the traceback, and please report it", file=sys.stderr)
            return EXIT_DATA


#: A lone surrogate: how Python holds, in a str, a byte of a file name or argument that is not valid UTF-8
#: (``os.fsdecode`` turns the Latin-1 name ``caf\xe9.txt`` into ``'caf\udce9.txt'``). Nothing can write it as UTF-8.
_SURROGATE = re.compile(r"[\ud800-\udfff]")


def refuse_not_utf8(parser: argparse.ArgumentParser, args: argparse.Namespace) -> None:
    r"""Refuse, before any work, an argument that is not valid UTF-8: a file name from a Latin-1 zip, a value typed
    in a terminal that is not set to UTF-8.

    Every command writes the article's file name and the metadata options into UTF-8 files (tables, pages,
    notebooks, JSON-LD), which cannot hold those bytes, so one check here, for every command (``check``
    included, so that it does not pass what ``tables`` would refuse), names the argument and the fix.

    Example:
        >>> parser = build_parser()
        >>> refuse_not_utf8(parser, parser.parse_args(["check", "--outlet", "Caf\u00e9 Gazette"]))  # UTF-8: fine
        >>> refuse_not_utf8(parser, parser.parse_args(["check", "--outlet", "Caf\udce9 Gazette"]))  # doctest: +ELLIPSIS
        Traceback (most recent call last):
        exportrow.errors.UsageError: --outlet 'Caf\xe9 Gazette': not valid UTF-8 (the byte \xe9); ... terminal to UTF-8)
    """
    from exportrow.errors import UsageError
    from exportrow.files import shown_path

    command = next((a.choices.get(getattr(args, "command", None)) for a in parser._actions
                    if isinstance(a, argparse._SubParsersAction)), None)
    for action in (command or parser)._actions:
        value = getattr(args, action.dest, None)
        if action.dest == "parameters" and value:  # -p NAME VALUE pairs
            found = [(f"-p {_as_typed(name)}" if i else "-p NAME", text) for name, val in value
                     for i, text in enumerate((name, val))]
        else:
            found = [(action.option_strings[-1] if action.option_strings else action.metavar or action.dest, text)
                     for text in (value if isinstance(value, (list, tuple)) else [value])]
        for what, text in found:
            if isinstance(text, str) and _SURROGATE.search(text):
                raise UsageError(f"{what} '{shown_path(_as_typed(text))}': not valid UTF-8 (the byte "
                                 f"{_as_typed(_SURROGATE.search(text).group())}); exportrow writes names and "
                                 f"values into UTF-8 files and pages, which cannot hold it. {_utf8_fix(text)}")


def _as_typed(text: str) -> str:
    r"""``text`` with each byte that is not UTF-8 shown as ``\xNN``, as the user's file manager or shell shows it.

    Example:
        >>> print(_as_typed("caf\udce9.txt"), _as_typed("caf\u00e9.txt"))
        caf\xe9.txt café.txt
    """
    try:
        return text.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
    except UnicodeEncodeError:  # a surrogate that no byte gives (U+D800 to U+DC7F): shown as \udXXX
        return text.encode("utf-8", "backslashreplace").decode("utf-8")


def _utf8_fix(text: str) -> str:
    """The nearest fix for a value that is not UTF-8: rename the file or folder that exists under that name (the
    first one along the path that is not UTF-8), else type the value again."""
    parts = Path(text).parts
    for i, part in enumerate(parts):
        if _SURROGATE.search(part):
            there = Path(*parts[:i + 1])
            if os.path.lexists(there):
                kind = "folder" if there.is_dir() else "file"
                return (f"Rename the {kind} '{_as_typed(str(there))}' to a UTF-8 name (e.g. `convmv -f latin1 -t "
                        f"utf8 --notest NAME`) or copy it under a plain name")
            break
    return "Type the value again in UTF-8 (set the terminal to UTF-8)"


def _test_pause() -> None:
    """A test hook (``EXPORTROW_TEST_PAUSE=start``): wait for a signal once the handlers are in place, before the
    parser's imports load pandas, so that a test can signal a command at the very start, at a known point."""
    if os.environ.get("EXPORTROW_TEST_PAUSE") != "start":
        return
    print(f"test pause: pandas {'loaded' if 'pandas' in sys.modules else 'not loaded yet'}; waiting for a signal",
          file=sys.stderr, flush=True)
    import time

    while True:  # not signal.pause(): a signal that lands after the print but before pause() was entered has had
        time.sleep(0.05)  # its handler deferred by Python, and pause() then waited for another one for ever


def _debug(args) -> None:
    if getattr(args, "debug", False):
        traceback.print_exc()


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
