"""The ``exportrow`` command line: tables, check, report, extract.

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
  exportrow check my-article.yaml       check your own annotation file
  exportrow report --out reports/latest run every notebook, write an HTML report
  exportrow extract my-article.txt      draft an annotation for a new article
  exportrow import page.html --out data/raw/my-article.txt   a saved web page as a capture
"""


def _article_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("--article", metavar="PATH", default=None,
                   help="article file in the capture format (default: the bundled Nikkei article)")
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
    """The article at ``path`` with the metadata options in ``args`` applied."""
    from exportrow.article import load_article

    return load_article(path, published=getattr(args, "published", None), outlet=getattr(args, "outlet", None),
                        timezone=getattr(args, "timezone", None))


def _cmd_tables(args) -> int:
    from exportrow.export import write_tables
    from exportrow.tables import all_tables, annotation

    ann = annotation(load_with_options(args.article, args), args.annotation)
    tables = all_tables(ann.article, ann.path, context=args.context)
    written = write_tables(tables, args.out, name=f"exportrow-{ann.article.name}")
    for p in written:
        rows = f" ({len(tables[p.stem])} rows)" if p.stem in tables else ""
        print(f"wrote {p}{rows}")
    return 0


def _cmd_check(args) -> int:
    from exportrow.annotations import article_path_for, load_annotation

    target = Path(args.annotation_file) if args.annotation_file else None
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

    p = sub.add_parser("check", help="validate an annotation file against its article",
                       description="Check an annotation file against its article and the "
                                   "schema. Lists every problem with file, entry, field and "
                                   "fix, and exits 1 when there are any.")
    p.add_argument("annotation_file", nargs="?", metavar="ANNOTATION",
                   help="YAML file (default: the bundled annotation)")
    p.add_argument("--article", metavar="PATH", default=None,
                   help="the article it annotates (default: named in the file's article: file:)")
    metadata_args(p)
    p.set_defaults(func=_cmd_check)

    from exportrow import extract, importer, report  # each adds its own sub-command; none imports Jupyter at load

    report.register(sub)
    extract.register(sub)
    importer.register(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    """Entry point of the ``exportrow`` command.

    Example:
        >>> main(["check"])  # doctest: +ELLIPSIS
        OK ...: 18 actors, 5 figures, 24 claims, 15 events, 4 ignored numbers; every quote found in ...
        Publication: 12 July 2019, 07:30 (JST) [the capture's date line]. Time zone: Asia/Tokyo [...].
        0
    """
    from exportrow.annotations import AnnotationError
    from exportrow.article import ArticleFormatError
    from exportrow.dates import DateResolutionError
    from exportrow.errors import ExportrowError

    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help()
        return 0
    try:
        return args.func(args)
    except (AnnotationError, ArticleFormatError, DateResolutionError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return exc.exit_code
    except ExportrowError as exc:  # every other expected failure carries its own exit code
        print(f"error: {exc}", file=sys.stderr)
        return exc.exit_code
    except OSError as exc:  # a folder that cannot be written, a disk that is full
        print(f"error: {exc.filename or ''}: {exc.strerror or exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("interrupted; finished files were left as they were", file=sys.stderr)
        return 130


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
