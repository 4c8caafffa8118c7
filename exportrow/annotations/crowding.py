"""Refuse an annotation whose entries pile up on the same words: more than :data:`MAX_OVERLAP` marks on one word.

The article page (``exportrow view``, the report's ``article.html``) and notebook 03's opening excerpt draw every
mark at each word it covers, with its coding on hover. A page therefore grows with the entries times how deeply they
overlap: 2,000 claims quoting 300 words of one sentence, each one word after the other, made a 351 MB page and a
report that needed 7.9 GB of memory (review 13, rv13b finding 2). Real annotations stay far below the limit: a claim
quoted inside another claim, with its figure, the figure's value and period and the speaker's name, is about six
marks deep. ``exportrow check`` refuses such a file, so that it never reaches a page.
"""

from __future__ import annotations

from exportrow.annotations.checker import Checker, clip
from exportrow.annotations.model import Annotation

__all__ = ["MAX_OVERLAP", "check_crowding", "crowded_point"]

#: Most marks (claims, figures and their values and periods, event dates, actors, ignored numbers) one character of
#: the article may carry. The worked examples reach six.
MAX_OVERLAP = 12


def _marked(ann: Annotation) -> list[tuple[str, int, int]]:
    """(entry label, start, end) of every span the article page marks, as :func:`exportrow.view._marks` draws them."""
    out = []

    def add(label, span):
        if span is not None and span.end > span.start:
            out.append((label, span.start, span.end))

    for c in ann.claims:
        add(f"claims[{c['id']}]", c.get("span"))
    for f in ann.figures:
        for key in ("span", "value_span", "period_span"):
            add(f"figures[{f['id']}]", f.get(key))
    for e in ann.events:
        add(f"events[{e['id']}]", e.get("expression_span"))
    for a in ann.actors:
        add(f"actors[{a['id']}]", a.get("span"))
    for k, i in enumerate(ann.ignored_numbers):
        add(f"ignored_numbers[{k}]", i.get("span"))
    return out


def crowded_point(ann: Annotation, limit: int = MAX_OVERLAP) -> tuple[int, int, list[str]] | None:
    """The first character marked more than ``limit`` times, how many marks it carries, and the entries marking it
    (in file order, each once: a figure marks its words, its value and its period); None when no character is.
    One pass over the sorted span ends: time grows with the entries, not their overlap.

    Example:
        >>> from exportrow.annotations import load_annotation
        >>> crowded_point(load_annotation()) is None
        True
        >>> crowded_point(load_annotation(), limit=2)
        (887, 3, ['claims[kr_156_cases]', 'figures[cases_total]'])
    """
    marked = _marked(ann)
    ends = sorted([(s, 1) for _, s, _ in marked] + [(e, -1) for _, _, e in marked])  # an end before a start
    depth = 0
    for pos, step in ends:
        depth += step
        if depth > limit:
            names = dict.fromkeys(label for label, s, e in marked if s <= pos < e)
            return pos, depth, list(names)
    return None


def check_crowding(chk: Checker, ann: Annotation) -> None:
    """A problem when some words carry more than :data:`MAX_OVERLAP` marks (:func:`crowded_point`), naming the
    sentence, its character offset and the entries that mark it.

    Example:
        >>> from pathlib import Path
        >>> from exportrow.annotations import load_annotation
        >>> ann = load_annotation()
        >>> chk = Checker(Path("a.yaml"), ann.article)
        >>> check_crowding(chk, ann)  # the worked example stays far below the limit
        >>> chk.problems
        []
    """
    found = crowded_point(ann)
    if found is None:
        return
    pos, depth, entries = found
    raw = ann.article.raw
    sentence = next((s for s in ann.article.sentences if s.start <= pos < s.end), None)
    a, b = (sentence.start, sentence.end) if sentence is not None else (max(0, pos - 40), pos + 40)
    text = " ".join(raw[a:b].split())
    named = ", ".join(entries[:6]) + (f" and {len(entries) - 6:,} more" if len(entries) > 6 else "")
    chk.add(entries[0], "quote",
            f"{len(entries):,} entries ({named}) put {depth} marks on the same words at character {pos:,}, in the "
            f"sentence \u201c{clip(text, 100)}\u201d: more than the {MAX_OVERLAP} one word may carry (the article "
            "page draws every mark, with its coding, on each word it covers)",
            "quote only the words each claim makes; claims that repeat one passage are one claim")
