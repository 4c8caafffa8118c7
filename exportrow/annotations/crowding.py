"""Refuse an annotation whose entries pile up on the same words: more than :data:`MAX_OVERLAP` entries marking one
character.

The article page (``exportrow view``, the report's ``article.html``) and notebook 03's opening excerpt draw every
mark at each word it covers, with its coding on hover. A page therefore grows with the entries times how deeply they
overlap: 2,000 claims quoting 300 words of one sentence, each one word after the other, made a 351 MB page and a
report that needed 7.9 GB of memory (review 13, rv13b finding 2). ``exportrow check`` refuses such a file, so that it
never reaches a page.

What is counted is entries, each at most once per character: a figure's quote, its value and its period lie inside
one another and are one entry's mark (counting them apart refused an ordinary sentence, rv14a finding 1).

Why :data:`MAX_OVERLAP` is 20. Measured with the rv13b generator (``tests/test_crowded_marks.py``: 2,000 claims, each
quoting ``depth`` words, one word after the other), ``exportrow.view.article_page`` and the inline excerpt:

==========  ==========  ==============  =========================
depth       page        inline excerpt  peak memory (page+excerpt)
==========  ==========  ==============  =========================
12          14.9 MB     16.4 MB         226 MB
20          24.8 MB     26.7 MB         302 MB
24          29.7 MB     31.9 MB         348 MB
48          59.0 MB     62.6 MB         591 MB
300         351 MB      (rv13b)         7.9 GB for the report
==========  ==========  ==============  =========================

The page grows by about 1.2 MB per depth level for 2,000 entries (0.6 kB per entry per level), so within the limit
it stays linear in the entries, and a 2,000-entry file stays under 25 MB (and, scaling rv13b's 7.9 GB for 351 MB,
a report under about 0.6 GB). Real sentences need far less than 20 but more than the old 12 marks: the worked example
reaches 3 entries on one word; a wire sentence listing six countries' export growth "In 2024, exports to China rose
5%, to Taiwan 3%, ..." reaches 8 (six figures, each quoting from "In 2024" to its value, the claim and the event for
"2024"); 20 leaves room for a sentence that lists 17 figures with its claim, event and speaker.
"""

from __future__ import annotations

from exportrow.annotations.checker import Checker, clip
from exportrow.annotations.model import Annotation

__all__ = ["MAX_OVERLAP", "check_crowding", "crowded_point"]

#: Most entries (claims, figures with their values and periods, event dates, actors, ignored numbers) one character
#: of the article may carry, each entry counted once. The worked example reaches 3, a sentence listing six figures 8.
MAX_OVERLAP = 20


def _marked(ann: Annotation) -> list[tuple[str, int, int]]:
    """(entry label, start, end) of the words each entry marks on the article page (:func:`exportrow.view._marks`):
    an entry's own spans that overlap or touch (a figure's words, its value and its period inside them) are joined,
    so that each entry marks a character at most once.

    Example:
        >>> from exportrow.annotations import load_annotation
        >>> [m for m in _marked(load_annotation()) if m[0] == "figures[cases_total]"]
        [('figures[cases_total]', 876, 920)]
    """
    spans: dict[str, list[tuple[int, int]]] = {}

    def add(label, span):
        if span is not None and span.end > span.start:
            spans.setdefault(label, []).append((span.start, span.end))

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
    out = []
    for label, parts in spans.items():
        joined: list[list[int]] = []
        for s, e in sorted(parts):
            if joined and s <= joined[-1][1]:
                joined[-1][1] = max(joined[-1][1], e)
            else:
                joined.append([s, e])
        out += [(label, s, e) for s, e in joined]
    return out


def crowded_point(ann: Annotation, limit: int = MAX_OVERLAP) -> tuple[int, int, list[str]] | None:
    """The first character marked by more than ``limit`` entries, how many entries mark it, and those entries (in
    file order; a figure's words, value and period are one entry's mark); None when no character is.
    One pass over the sorted span ends: time grows with the entries, not their overlap.

    Example:
        >>> from exportrow.annotations import load_annotation
        >>> crowded_point(load_annotation()) is None
        True
        >>> crowded_point(load_annotation(), limit=2)
        (897, 3, ['claims[kr_156_cases]', 'figures[cases_total]', 'events[cases_period]'])
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
    """A problem when some words carry more than :data:`MAX_OVERLAP` entries (:func:`crowded_point`), naming the
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
    kinds = {k: [e for e in entries if e.startswith(k + "[")] for k in
             ("claims", "figures", "events", "actors", "ignored_numbers")}
    most = max(kinds, key=lambda k: len(kinds[k]))
    counted = ", ".join(f"{len(v)} {k[:-1] if len(v) == 1 else k}".replace("_", " ") for k, v in kinds.items() if v)
    fixes = []
    if len(kinds["claims"]) > 1:
        fixes.append("quote only the words each claim makes, and merge claims that repeat one passage into one")
    if kinds["figures"]:
        fixes.append("quote each figure from its date words to its value, not the whole sentence; if the sentence "
                     "lists more figures than fit, code those the analysis uses and put the other numbers under "
                     "`ignored_numbers:` (quoting each number alone) with a reason")
    if not fixes:
        fixes.append("quote only the words each entry needs, so that fewer entries cover the same words")
    chk.add(kinds[most][0], "expression" if most == "events" else "quote",
            f"{len(entries):,} entries ({counted}: {named}) mark the same words at character {pos:,}, in the "
            f"sentence \u201c{clip(text, 100)}\u201d: more than the {MAX_OVERLAP} entries one word may carry (the "
            "article page draws every entry's mark, with its coding, on each word it covers)",
            "; ".join(fixes))
