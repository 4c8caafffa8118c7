"""What ``exportrow agree`` compares, and its sub-command, without pandas: building ``exportrow``'s parser (every
command, ``--help`` included) does not import :mod:`exportrow.agreement`, which needs pandas; the command imports it
when it runs.
"""

from __future__ import annotations

from exportrow import paths
from exportrow.annotations.vocab import ENTMAN

__all__ = ["FIELDS", "N_BOOT", "MIN_BOOT", "MAX_BOOT", "register"]

#: Fields compared, each with its level of measurement and what it is. ``text`` gets percentage agreement only.
FIELDS = {
    "actor": ("nominal", "who makes the claim (an actor id)"),
    "side": ("nominal", "the actor's side (follows from the actor)"),
    "attribution": ("nominal", "how the article attributes the claim"),
    "cue": ("text", "the reporting verb or hedge, as written (case and spacing ignored)"),
    "frame": ("nominal", "primary Policy Frames Codebook dimension"),
    "frame_secondary": ("nominal", "secondary dimension; 'none' when a coder gave none"),
    **{f"entman.{e}": ("nominal", f"Entman function {e.replace('_', ' ')}: present or absent")
       for e in ENTMAN},
    "answers": ("nominal", "the claim it answers; 'none' when it answers none"),
}
#: Bootstrap resamples for an alpha's confidence interval: at 1,000 the interval's ends moved by up to 0.07 with the
#: seed on the bundled codings; at 10,000 by up to about +-0.03 (agree's legend states the error it computes).
N_BOOT = 10_000
#: The resamples ``agree --bootstrap`` accepts: fewer give an interval whose ends move with the seed by more than
#: they mean; more take minutes for no visible change.
MIN_BOOT, MAX_BOOT = 100, 100_000


def _cmd_agree(args) -> int:
    from exportrow.agreement import _cmd_agree as run

    return run(args)


def register(sub) -> None:
    """Add the ``agree`` sub-command to the ``exportrow`` parser.

    Example:
        >>> import argparse
        >>> sub = argparse.ArgumentParser(prog="exportrow").add_subparsers()
        >>> register(sub)
        >>> sub.choices["agree"].parse_args(["a.csv", "b.csv", "--fields", "frame", "entman"]).fields
        ['frame', 'entman']
    """
    import argparse

    p = sub.add_parser("agree", help="inter-coder agreement between codings of one article (Krippendorff's alpha)",
                       description="Compare two or more codings of one article's claims (annotation files or\n"
                                   "filled worksheets, YAML or CSV): match the claims, then per field Krippendorff's\n"
                                   "alpha with a bootstrap interval, percentage agreement, units and coders; list\n"
                                   "the claims only some coders found and the disagreements. Prints a table and\n"
                                   "writes CSV tables into --out. Exit codes: 0 done, 1 bad coding, 2 bad usage.",
                       epilog="examples:\n  exportrow agree class/*.csv\n"
                              "  exportrow agree data/annotations/ARTICLE.yaml sheet-anna.yaml --fields frame entman",
                       formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("codings", nargs="+", metavar="CODING", help="two or more annotation or filled worksheet files")
    p.add_argument("--article", metavar="PATH", default=None,
                   help="the article coded (default: the one the first coding names)")
    from exportrow.cli import metadata_args

    metadata_args(p)
    p.add_argument("--fields", nargs="+", metavar="FIELD",
                   help=f"fields to compare (default: all): {', '.join(FIELDS)}; entman for all four functions")
    p.add_argument("--out", default=str(paths.PROJECT_ROOT / "reports" / "agreement"), metavar="DIR",
                   help="folder for the CSV tables (default: reports/agreement in the project)")
    p.add_argument("--bootstrap", type=int, default=N_BOOT, metavar="N",
                   help=f"bootstrap resamples for the confidence interval, {MIN_BOOT} to {MAX_BOOT} "
                        f"(default {N_BOOT})")
    p.add_argument("--force", action="store_true",
                   help="replace tables exportrow agree wrote even when someone has edited them since; files it "
                        "did not write are never replaced")
    p.set_defaults(func=_cmd_agree)
