"""``exportrow extract ARTICLE``: draft an annotation file for a new article.

The draft lists candidates, never final data. It has candidate figures (numbers in digits and
words, with their sentences), candidate dated expressions already resolved against the
publication date, and candidate reporting verbs with their sentences. Every field a person
must decide reads ``TODO``, and the file starts with ``draft: true``, which ``exportrow
check`` refuses until someone has reviewed the entries and deleted that line.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

from exportrow.article import Article, load_article
from exportrow.dates import DateResolutionError, find_date_expressions, resolve_date
from exportrow.numbers import find_numbers

__all__ = ["draft_annotation", "CUES", "register"]

#: Reporting verbs and phrases that usually introduce a claim.
CUES = ("according to", "said", "says", "say", "told", "argues", "argued", "argue", "insists", "insisted",
        "insist", "claims", "claimed", "cited", "cites", "warned", "warns", "noted", "added", "denied",
        "rejects", "rejected", "questioned", "question", "views", "sees", "expects", "is expected to",
        "reportedly", "widely seen as", "believes", "stressed", "charged", "accused")
_WEEKDAY = re.compile(r"^(?:on |last |this |next )?(monday|tuesday|wednesday|thursday|friday|saturday|sunday)$",
                      re.I)


def _q(text: str) -> str:
    """A YAML double-quoted string."""
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _sentence_text(span) -> str:
    return " ".join(span.text.replace("\u00a0", " ").split())


def draft_annotation(article: Article) -> str:
    """A draft annotation (YAML text) with candidates for a person to review.

    Example:
        >>> text = draft_annotation(load_article())
        >>> text.splitlines()[0]
        '# DRAFT annotation proposed by `exportrow extract`: candidates, not data. Review every entry.'
        >>> "value: 156" in text and "resolves to 2019-W27 (week)" in text and 'cue: "argues"' in text
        True
    """
    lines = [
        "# DRAFT annotation proposed by `exportrow extract`: candidates, not data. Review every entry.",
        "# Replace each TODO, delete what is not a real figure, event or claim, add what was missed,",
        "# shorten each quote to the words that state the thing, then delete `draft: true` and run",
        "# `exportrow check` on this file. Guide: docs/annotating.md; codes: exportrow/coding-guide.md.",
        "draft: true",
        "exportrow: 1",
        "article:",
        f"  file: {article.path.name}",
        f"  sha256: {article.sha256}",
        "# sides: [TODO, TODO]   # the sides of this dispute; outlet and other are always available",
        "",
        "actors:",
        "  - id: outlet",
        f"    name: {_q(article.outlet + ' (the outlet' + chr(39) + 's own voice)')}",
        "    side: outlet",
        "    kind: outlet",
        f"    quote: {_q(article.dateline or 'TODO')}",
        "  # - id: TODO            # one entry per person, body or country the article names",
        "  #   name: TODO",
        "  #   side: TODO",
        "  #   kind: TODO          # government, ministry, officials, person, anonymous_source, court, company",
        "  #   quote: TODO         # the words that name them",
        "",
    ]
    figures, ignored, events = [], [], []
    dates_in = []
    for para in article.paragraphs:
        for start, end, _ in find_date_expressions(para.text):
            dates_in.append((para.start + start, para.start + end))
    for sent in article.sentences:
        text = _sentence_text(sent)
        dates = find_date_expressions(sent.text)
        for m in find_numbers(sent.text, sent.start):
            if any(a <= m.start and m.end <= b for a, b in dates_in):
                continue
            if m.form == "ordinal" or (m.form == "words" and m.value == 1):
                ignored.append((m, text))
            else:
                # the date expression nearest after the number, else the nearest before it
                at = m.end - sent.start
                after = [d for d in dates if d[0] >= at]
                near = min(after or dates, key=lambda d: abs(d[0] - at), default=None)
                figures.append((m, text, near[2] if near else None))
        events += [(expr, text) for _, _, expr in dates]
    lines.append("figures:")
    if not figures:
        lines.append("  []")
    for i, (m, text, period) in enumerate(figures, 1):
        value = int(m.value) if float(m.value).is_integer() else m.value
        lines += [f"  - id: figure_{i}          # TODO: a meaningful id", "    quantity: TODO",
                  f"    value: {value}         # written {m.text!r} ({m.form})", "    unit: TODO",
                  "    actor: TODO"]
        if period:
            lines.append(f"    period: {_q(period)}     # TODO: keep only if it dates this number")
        lines.append(f"    quote: {_q(text)}")
    lines += ["", "ignored_numbers:"]
    if not ignored:
        lines.append("  []")
    for m, text in ignored:
        lines += [f"  - quote: {_q(text)}", f"    reason: TODO   # why {m.text!r} is not a figure"]
    lines += ["", "events:"]
    if not events:
        lines.append("  []")
    for i, (expr, text) in enumerate(events, 1):
        lines += [f"  - id: event_{i}          # TODO: a meaningful id", "    actor: TODO",
                  "    action: TODO          # PLOVER: CONSULT, ACCUSE, REJECT, SANCTION, ... or OTHER",
                  "    description: TODO"]
        lines.append(f"    expression: {_q(expr)}")
        if _WEEKDAY.match(expr.strip()):
            past = resolve_date(expr, article.published, tense="past").timex
            present = resolve_date(expr, article.published, tense="present").timex
            lines.append(f"    tense: TODO           # past resolves to {past}; present/future to {present}")
        else:
            try:
                r = resolve_date(expr, article.published)
                lines.append(f"    # resolves to {r.timex} ({r.precision}) against {article.published:%Y-%m-%d}")
            except DateResolutionError as exc:
                lines.append(f"    # does not resolve: {exc}")
        lines.append(f"    quote: {_q(text)}")
    lines += ["", "claims:"]
    found = 0
    for sent in article.sentences:
        text = _sentence_text(sent)
        low = text.lower()
        cue = next((c for c in CUES if re.search(rf"\b{re.escape(c)}\b", low)), None)
        if not cue:
            continue
        found += 1
        quoted = "\u201c" in sent.text or '"' in sent.text
        attribution = "direct_quote" if quoted else "unattributed" if cue == "widely seen as" else "indirect"
        lines += [f"  - id: claim_{found}          # TODO: a meaningful id", "    actor: TODO",
                  f"    attribution: {attribution}   # guessed: check (direct_quote, indirect, "
                  "anonymous_source, unattributed)",
                  f"    cue: {_q(cue)}", f"    quote: {_q(text)}   # TODO: only the claim's own words",
                  "    frame: TODO           # Policy Frames Codebook code 1-15", "    entman: []"]
    if not found:
        lines.append("  []")
    return "\n".join(lines) + "\n"


def _cmd_extract(args) -> int:
    from exportrow.export import write_atomic

    article = load_article(args.article)
    text = draft_annotation(article)
    if not args.out:
        sys.stdout.write(text)
        return 0
    out = Path(args.out)
    if out.exists() and not args.force:
        print(f"error: {out} exists; it may hold your reviewed annotation. Choose another --out, or add --force.",
              file=sys.stderr)
        return 1
    write_atomic(out, text)
    print(f"wrote a draft to {out}: review it, delete `draft: true`, then run `exportrow check {out}`")
    return 0


def register(sub) -> None:
    """Add the ``extract`` sub-command to the ``exportrow`` parser.

    Example:
        >>> import argparse
        >>> sub = argparse.ArgumentParser(prog="exportrow").add_subparsers()
        >>> register(sub)
        >>> sub.choices["extract"].parse_args(["a.txt", "--out", "a.yaml"]).out
        'a.yaml'
    """
    p = sub.add_parser("extract", help="draft an annotation file for a new article (candidates to review)",
                       description="Propose a draft annotation for ARTICLE: candidate figures (numbers in "
                                   "digits and words), dated expressions resolved against the publication "
                                   "date, and reporting verbs, each with its sentence. The draft is never "
                                   "final data: `exportrow check` refuses it until you review it.")
    p.add_argument("article", metavar="ARTICLE", help="article file in the capture format")
    p.add_argument("--out", metavar="FILE", help="write the draft here (default: print it)")
    p.add_argument("--force", action="store_true", help="overwrite FILE if it exists")
    p.set_defaults(func=_cmd_extract)
