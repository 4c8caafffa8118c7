"""The ``exportrow`` command line: tables, check, schema, report, extract.

Run ``exportrow --help`` or ``exportrow COMMAND --help``.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from exportrow import paths

__all__ = ["main"]

_EPILOG = """\
examples:
  exportrow tables                      write the tidy tables to data/processed/
  exportrow check                       check the bundled annotation file
  exportrow check my-article.yaml       check your own annotation file (or a context file)
  exportrow schema                      print the annotation files' JSON Schema
  exportrow report --out reports/latest run every notebook, write an HTML report
  exportrow extract my-article.txt      draft an annotation for a new article
"""


def _article_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("--article", metavar="PATH", default=None,
                   help="article file in the capture format (default: the bundled Nikkei article)")
    p.add_argument("--annotation", metavar="PATH", default=None,
                   help="annotation YAML (default: the one paired with the article)")


def _cmd_tables(args) -> int:
    from exportrow.export import write_tables
    from exportrow.tables import all_tables, annotation

    ann = annotation(args.article, args.annotation)
    tables = all_tables(ann.article, ann.path, context=args.context)
    written = write_tables(tables, args.out, name=f"exportrow-{ann.article.name}")
    for p in written:
        rows = f" ({len(tables[p.stem])} rows)" if p.stem in tables else ""
        print(f"wrote {p}{rows}")
    return 0


def _cmd_check(args) -> int:
    from exportrow.annotations import article_path_for, is_context_file, load_annotation
    from exportrow.article import load_article

    target = Path(args.annotation_file) if args.annotation_file else None
    if target and is_context_file(target):
        return _check_context(target)
    article_path = args.article or (article_path_for(target) if target else None)
    if target and not args.article and article_path is None:
        print(f"{target}: cannot find the article it annotates; name it with --article PATH "
              "or set `article: file:` to a file beside the annotation or in ../raw/",
              file=sys.stderr)
        return 2
    article = load_article(article_path)
    ann = load_annotation(target, article)
    for w in ann.warnings:
        print(f"warning: {w}", file=sys.stderr)
    print(f"OK {ann.path}: {len(ann.actors)} actors, {len(ann.figures)} figures, "
          f"{len(ann.claims)} claims, {len(ann.events)} events, "
          f"{len(ann.ignored_numbers)} ignored numbers; every quote found in {article.path.name}")
    return 0


def _check_context(target: Path) -> int:
    from exportrow.annotations import load_context

    doc = load_context(target)
    print(f"OK {target}: {len(doc['events'])} context events, each with its source")
    return 0


def _cmd_schema(args) -> int:
    from exportrow.annotations import schema_text

    sys.stdout.write(schema_text(args.which))
    return 0


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
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    p = sub.add_parser("tables", help="write every table as CSV plus a datapackage.json",
                       description="Write actors, figures, claims and events as CSV, with a "
                                   "Frictionless datapackage.json data dictionary. Two runs "
                                   "write byte-identical files.")
    p.add_argument("--out", default=str(paths.DATA / "processed"), metavar="DIR",
                   help="output folder (default: data/processed in the project)")
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
    p.set_defaults(func=_cmd_check)

    p = sub.add_parser("schema", help="print the JSON Schema of annotation (or context) files",
                       description="Print the JSON Schema that `exportrow check` validates against first. "
                                   "Editors with YAML support validate and complete with it: put "
                                   "`# yaml-language-server: $schema=PATH` on the file's first line.")
    p.add_argument("which", nargs="?", choices=("annotation", "context"), default="annotation",
                   help="which file's schema (default: annotation)")
    p.set_defaults(func=_cmd_schema)

    from exportrow import extract, report  # each adds its own sub-command; neither imports Jupyter at load

    report.register(sub)
    extract.register(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    """Entry point of the ``exportrow`` command.

    Example:
        >>> main(["check"])  # doctest: +ELLIPSIS
        OK ...: 18 actors, 5 figures, 24 claims, 15 events, 4 ignored numbers; every quote found in ...
        0
    """
    from exportrow.annotations import AnnotationError
    from exportrow.article import ArticleFormatError
    from exportrow.dates import DateResolutionError

    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help()
        return 0
    try:
        return args.func(args)
    except (AnnotationError, ArticleFormatError, DateResolutionError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    except OSError as exc:  # a folder that cannot be written, a disk that is full
        print(f"error: {exc.filename or ''}: {exc.strerror or exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("interrupted; finished files were left as they were", file=sys.stderr)
        return 130


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
