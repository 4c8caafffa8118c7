"""Read an annotation file and check it against its article.

An annotation file is YAML, one per article. Each entry (actor, figure, claim, event,
ignored number) carries the exact words it comes from as ``quote``, plus an optional
``prefix`` or ``suffix`` when those words stand more than once. The library finds the span
itself; nobody types offsets. All problems in a file are collected and reported together,
each naming the file, the entry, the field and the nearest fix.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from exportrow.article import Article, Span, load_article, normalize
from exportrow.dates import (
    DateResolutionError,
    ResolvedDate,
    TenseNeeded,
    part_of_wider,
    period_fault,
    resolve_date,
)
from exportrow.errors import ExportrowError
from exportrow.numbers import find_numbers

__all__ = ["Annotation", "AnnotationError", "Problem", "load_annotation", "annotation_path_for",
           "article_path_for", "safe_yaml",
           "SIDES", "ACTOR_KINDS", "ATTRIBUTIONS", "ACTIONS", "FRAMES", "ENTMAN", "CHECKS"]

#: Sides of the seed article's dispute. Another article declares its own under ``sides:``;
#: ``outlet`` (the article's own voice) and ``other`` are always available.
SIDES = ("seoul", "tokyo", "washington", "outlet", "other")
ACTOR_KINDS = ("government", "ministry", "officials", "person", "anonymous_source", "court",
               "company", "country", "outlet")
ATTRIBUTIONS = ("direct_quote", "indirect", "anonymous_source", "unattributed")
#: PLOVER event categories (Open Event Data Alliance), plus OTHER for what none fits.
ACTIONS = ("AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
           "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE",
           "ASSAULT", "OTHER")
#: Policy Frames Codebook (Boydstun et al. 2014) dimensions, by code.
FRAMES = {1: "Economic", 2: "Capacity and resources", 3: "Morality",
          4: "Fairness and equality", 5: "Legality, constitutionality and jurisprudence",
          6: "Policy prescription and evaluation", 7: "Crime and punishment",
          8: "Security and defense", 9: "Health and safety", 10: "Quality of life",
          11: "Cultural identity", 12: "Public opinion", 13: "Political",
          14: "External regulation and reputation", 15: "Other"}
#: Entman (1993): the four functions a frame can perform.
ENTMAN = ("problem_definition", "causal_interpretation", "moral_evaluation",
          "treatment_recommendation")
TENSES = ("past", "present", "future")
#: Kinds of quantitative statement that exportrow.stats.check_statements can check.
CHECKS = ("growth_factor", "parts_within_total", "period_length", "rate_change", "rate_increase")
#: What a check needs of each figure's period (see exportrow.dates.period_fault).
CHECK_PERIODS = {"parts_within_total": "period", "period_length": "whole months", "rate_change": "whole months",
                 "rate_increase": "whole months"}

_SECTIONS = {
    "actors": {"required": ("id", "name", "side", "kind", "quote"),
               "optional": ("prefix", "suffix", "note")},
    "figures": {"required": ("id", "quantity", "value", "unit", "actor", "quote"),
                "optional": ("prefix", "suffix", "period", "note")},
    "claims": {"required": ("id", "actor", "attribution", "cue", "quote", "frame"),
               "optional": ("prefix", "suffix", "frame_secondary", "entman", "answers", "note")},
    "events": {"required": ("id", "actor", "action", "expression", "quote", "description"),
               "optional": ("prefix", "suffix", "recipient", "tense", "figure", "claim", "same_as", "note")},
    "statements": {"required": ("id", "check", "figures", "quote"),
                   "optional": ("prefix", "suffix", "compare_with", "wording_source", "note")},
    "ignored_numbers": {"required": ("quote", "reason"), "optional": ("prefix", "suffix")},
}


@dataclass(frozen=True)
class Problem:
    """One thing wrong in an annotation file."""

    file: str
    entry: str
    field: str
    message: str
    fix: str

    def __str__(self) -> str:
        where = f"{self.file}: {self.entry}" + (f".{self.field}" if self.field else "")
        return f"{where}: {self.message}" + (f"\n    fix: {self.fix}" if self.fix else "")


class AnnotationError(ExportrowError, ValueError):
    """An annotation file has problems; ``.problems`` lists every one of them."""

    def __init__(self, problems: list[Problem]):
        self.problems = list(problems)
        n = len(self.problems)
        head = f"{n} problem{'s' if n != 1 else ''} in the annotation file:"
        super().__init__("\n".join([head, *(f"  - {p}" for p in self.problems)]))


@dataclass
class Annotation:
    """A checked annotation: its entries with their spans and resolved dates.

    Each entry is the YAML mapping plus ``span`` (:class:`~exportrow.article.Span`); figures
    and events also get ``value_span`` / ``date`` (:class:`~exportrow.dates.ResolvedDate`).
    """

    path: Path
    article: Article
    actors: list[dict] = field(default_factory=list)
    figures: list[dict] = field(default_factory=list)
    claims: list[dict] = field(default_factory=list)
    events: list[dict] = field(default_factory=list)
    ignored_numbers: list[dict] = field(default_factory=list)
    statements: list[dict] = field(default_factory=list)
    sides: tuple = SIDES
    caveats: list[str] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)

    @property
    def side_of(self) -> dict[str, str]:
        """Each actor id's side.

        Example:
            >>> load_annotation().side_of["kr_motie"]
            'seoul'
        """
        return {a["id"]: a["side"] for a in self.actors}

    def uncovered_numbers(self) -> list[tuple[int, int, str]]:
        """Numbers in the body that are neither a figure's value nor a date nor ignored.

        A number counts as covered when it is the value of a figure, stands inside the
        dating words of a figure or an event (it is then a date, not a quantity), or stands
        inside an ``ignored_numbers`` quote.

        Example:
            >>> load_annotation().uncovered_numbers()
            []
        """
        covered: list[tuple[int, int]] = []
        for f in self.figures:
            covered.append((f["value_span"].start, f["value_span"].end))
            if f.get("period_span"):
                covered.append((f["period_span"].start, f["period_span"].end))
        for e in self.events:
            if e.get("expression_span"):
                covered.append((e["expression_span"].start, e["expression_span"].end))
        covered += [(i["span"].start, i["span"].end) for i in self.ignored_numbers]
        out = []
        for para in self.article.paragraphs:
            for m in find_numbers(para.text, para.start):
                if not any(a <= m.start and m.end <= b for a, b in covered):
                    out.append((m.start, m.end, m.text))
        return out


def annotation_path_for(article: Article) -> Path:
    """Where an article's annotation file is expected.

    ``data/raw/<name>.txt`` pairs with ``data/annotations/<name>.yaml``; an article
    elsewhere pairs with ``<name>.yaml`` beside it.

    Example:
        >>> from exportrow import paths
        >>> annotation_path_for(load_article()) == paths.default_annotation()
        True
    """
    sibling = article.path.parent.parent / "annotations" / f"{article.name}.yaml"
    if sibling.exists():
        return sibling
    return article.path.with_suffix(".yaml")


def safe_yaml(text: str):
    """Parse YAML with a safe loader only (libyaml's when available): no Python objects.

    Dates stay text (``published: 2019-02-30`` then gets an accurate message where it is checked,
    not a ValueError from the YAML reader).

    Example:
        >>> safe_yaml("a: [1, two]\\nd: 2019-07-12")
        {'a': [1, 'two'], 'd': '2019-07-12'}
    """
    import yaml

    from exportrow.capture import yaml_loader

    return yaml.load(text, Loader=yaml_loader())


def article_path_for(annotation_path: str | Path) -> Path | None:
    """The article an annotation file names under ``article: file:``, or None.

    The name is looked up beside the file, then in ``../raw/``.

    Example:
        >>> from exportrow import paths
        >>> article_path_for(paths.default_annotation()) == paths.default_article()
        True
    """
    annotation_path = Path(annotation_path)
    try:
        name = safe_yaml(annotation_path.read_text(encoding="utf-8"))["article"]["file"]
    except Exception:  # any unreadable file: the full check reports it properly
        return None
    for cand in (annotation_path.parent / name, annotation_path.parent.parent / "raw" / name):
        if cand.exists():
            return cand
    return None


def _read_yaml(path: Path) -> tuple[object, list[Problem]]:
    import yaml

    name = str(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        return None, [Problem(name, "file", "", f"cannot read it ({exc.strerror})",
                              "check the path; `exportrow check` with no argument checks "
                              "the bundled annotation")]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        return None, [Problem(name, "file", "", f"not UTF-8 (byte {exc.start})",
                              "re-save the file as UTF-8")]
    if not text.strip():
        return None, [Problem(name, "file", "", "the file is empty",
                              "start from docs/annotation-template.yaml")]
    try:
        doc = safe_yaml(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" at line {mark.line + 1}, column {mark.column + 1}" if mark else ""
        what = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        return None, [Problem(name, "file", "", f"not valid YAML{where}: {what}",
                              "check indentation and quote any text holding ': ' or '#'")]
    if not isinstance(doc, dict):
        return None, [Problem(name, "file", "", "the top level is not a mapping",
                              "the file needs keys such as article:, actors:, figures:")]
    return doc, []


class _Checker:
    def __init__(self, path: Path, article: Article):
        self.file = str(path)
        self.article = article
        self.problems: list[Problem] = []
        self.warnings: list[Problem] = []

    def add(self, entry: str, fld: str, message: str, fix: str = "") -> None:
        self.problems.append(Problem(self.file, entry, fld, message, fix))

    def locate(self, label: str, item: dict) -> Span | None:
        quote = item.get("quote")
        if isinstance(quote, (int, float)) and not isinstance(quote, bool):
            quote = str(quote)  # `quote: 2017` unquoted in YAML is a number
        if not isinstance(quote, str) or not quote.strip():
            self.add(label, "quote", "must be the exact words from the article",
                     "copy the passage from the article into `quote:`")
            return None
        found = self.article.find(quote, item.get("prefix"), item.get("suffix"))
        if len(found) == 1:
            return found[0]
        if not found:
            near = self.article.nearest(quote)
            self.add(label, "quote", f"not in the article: {quote!r}",
                     f"nearest passage in the article: {near!r}")
            return None
        raw = self.article.raw
        offsets = ", ".join(str(s.start) for s in found)
        first = found[0]
        before = raw[max(0, first.start - 20):first.start].split("\n")[-1].lstrip()
        self.add(label, "quote", f"stands {len(found)} times in the article (at offsets {offsets})",
                 f"add `prefix:` or `suffix:` to pick one, e.g. prefix: {before!r}")
        return None

    def within(self, label: str, fld: str, words: str, span: Span) -> Span | None:
        folded, where = normalize(span.text)
        target = normalize(words)[0]
        i = folded.lower().find(target.lower())
        if i < 0:
            self.add(label, fld, f"{words!r} is not inside the quote {span.text!r}",
                     f"widen the quote so it holds {words!r}, or fix `{fld}:`")
            return None
        a, b = span.start + where[i], span.start + where[i + len(target) - 1] + 1
        return Span(a, b, self.article.raw[a:b])

    def resolve(self, label: str, fld: str, expression: str, tense) -> ResolvedDate | None:
        try:
            return resolve_date(expression, self.article.published, tense=tense)
        except DateResolutionError as exc:
            self.add(label, fld, f"date cannot be parsed: {exc}",
                     "add `tense: past` (or present / future) to the entry" if isinstance(exc, TenseNeeded) else
                     "use a supported form, e.g. 'Wednesday' with tense: past, 'last week', "
                     "'this January', 'July 4' with tense: past, 'December 2017', '2016', 'since 2015'")
            return None


def _close(word: str, options: list[str], n: int = 1) -> list[str]:
    import difflib

    return difflib.get_close_matches(word, options, n=n)


def _entries(chk: _Checker, doc: dict, section: str, ids: dict) -> list[dict]:
    spec = _SECTIONS[section]
    items = doc.get(section) or []
    if not isinstance(items, list):
        chk.add(section, "", "must be a list of entries", f"write each entry as `- id: ...` under {section}:")
        return []
    out = []
    for k, item in enumerate(items):
        label = f"{section}[{k}]"
        if not isinstance(item, dict):
            chk.add(label, "", "is not a mapping", "write the entry as `key: value` lines")
            continue
        if "id" in spec["required"] and isinstance(item.get("id"), str):
            label = f"{section}[{item['id']}]"
            if item["id"] in ids:
                chk.add(label, "id", f"duplicate id (also in {ids[item['id']]})",
                        "give each entry its own id")
            ids[item["id"]] = section
        missing = [f for f in spec["required"] if item.get(f) in (None, "")]
        for f in missing:
            chk.add(label, f, "missing required field", f"add `{f}:` to the entry")
        unknown = set(item) - set(spec["required"]) - set(spec["optional"])
        for f in sorted(unknown):
            close = _close(f, [*spec["required"], *spec["optional"]], n=1)
            allowed = ", ".join(spec["required"] + spec["optional"])
            chk.add(label, f, "unknown field", f"did you mean `{close[0]}`?" if close else f"allowed: {allowed}")
        entry = dict(item, _label=label)
        entry["span"] = chk.locate(label, item) if "quote" not in missing else None
        out.append(entry)
    return out


def _closed(chk: _Checker, label: str, fld: str, value, allowed) -> None:
    if value is None:
        return
    if value not in allowed:
        close = _close(str(value), [str(a) for a in allowed], n=1)
        hint = f"did you mean {close[0]!r}?" if close else f"one of: {', '.join(map(str, allowed))}"
        chk.add(label, fld, f"unknown value {value!r}", hint)


_TOP_LEVEL = ("exportrow", "article", "sides", "draft", "caveats", *_SECTIONS)


def _check(path: Path, article: Article, doc: dict) -> Annotation:
    chk = _Checker(path, article)
    for key in sorted(set(doc) - set(_TOP_LEVEL), key=str):
        close = _close(str(key), list(_TOP_LEVEL))
        chk.add(str(key), "", "unknown top-level key",
                f"did you mean `{close[0]}`?" if close else f"allowed: {', '.join(_TOP_LEVEL)}")
    if doc.get("draft"):
        chk.add("draft", "", "this is a draft from `exportrow extract`, not checked data yet",
                "review every entry (replace each TODO), then delete the line `draft: true`")
    meta = doc.get("article") or {}
    recorded = meta.get("sha256") if isinstance(meta, dict) else None
    if not recorded:
        chk.add("article", "sha256", "missing the hash of the article it annotates",
                f"add `sha256: {article.sha256}` under article:")
    elif recorded != article.sha256:
        chk.add("article", "sha256",
                f"made for another article: recorded {recorded[:12]}…, but {article.path.name} "
                f"has {article.sha256[:12]}…",
                "point at the right article; if it really changed, check every quote and "
                f"record `sha256: {article.sha256}`")
    ids: dict[str, str] = {}
    ann = Annotation(path=path, article=article)
    declared = doc.get("sides")
    if declared is not None:
        if not isinstance(declared, list) or not all(isinstance(s, str) and s for s in declared):
            chk.add("sides", "", "must be a list of names", "write e.g. `sides: [freedonia, sylvania]`")
        else:
            ann.sides = tuple(dict.fromkeys([*declared, "outlet", "other"]))
    caveats = doc.get("caveats") or []
    if not isinstance(caveats, list) or not all(isinstance(c, str) and c.strip() for c in caveats):
        chk.add("caveats", "", "must be a list of sentences", "write each caveat as `- text of the caveat`")
    else:
        ann.caveats = [" ".join(c.split()) for c in caveats]
    ann.actors = _entries(chk, doc, "actors", ids)
    actor_ids = [a["id"] for a in ann.actors if isinstance(a.get("id"), str)]

    def actor_ref(label, fld, value):
        if value is not None and value not in actor_ids:
            close = _close(str(value), actor_ids, n=1)
            chk.add(label, fld, f"unknown actor id {value!r}",
                    f"did you mean {close[0]!r}?" if close else "add the actor under actors:")

    for a in ann.actors:
        _closed(chk, a["_label"], "side", a.get("side"), ann.sides)
        _closed(chk, a["_label"], "kind", a.get("kind"), ACTOR_KINDS)

    ann.figures = _entries(chk, doc, "figures", ids)
    for f in ann.figures:
        label = f["_label"]
        actor_ref(label, "actor", f.get("actor"))
        value = f.get("value")
        if value is not None and (isinstance(value, bool) or not isinstance(value, (int, float))):
            chk.add(label, "value", f"{value!r} is not a number", "write the number in digits, e.g. `value: 14`")
        elif value is not None and f["span"] is not None:
            hits = [m for m in find_numbers(f["span"].text, f["span"].start) if m.value == value]
            if not hits:
                seen = ", ".join(m.text for m in find_numbers(f["span"].text)) or "none"
                chk.add(label, "value", f"{value} does not appear in the quote as digits or words "
                        f"(numbers there: {seen})", "fix `value:` or quote the words that state it")
            else:
                f["value_span"] = Span(hits[0].start, hits[0].end, hits[0].text)
        if f.get("period") is not None and f["span"] is not None:
            f["period_span"] = chk.within(label, "period", str(f["period"]), f["span"])
            f["date"] = chk.resolve(label, "period", str(f["period"]), "past")
            if f["date"] is not None and (part := part_of_wider(article, f["period_span"], "past", "period")):
                chk.add(label, "period", *part)

    ann.claims = _entries(chk, doc, "claims", ids)
    ann.events = _entries(chk, doc, "events", ids)
    ann.ignored_numbers = _entries(chk, doc, "ignored_numbers", ids)
    ann.statements = _entries(chk, doc, "statements", ids)
    known_figures = {f.get("id") for f in ann.figures}
    known_figures |= {f"{i}_remainder" for i in set(known_figures)}
    for s in ann.statements:
        _closed(chk, s["_label"], "check", s.get("check"), CHECKS)
        figs = s.get("figures")
        if figs is not None and (not isinstance(figs, list) or not figs):
            chk.add(s["_label"], "figures", "must be a list of figure ids",
                    "write e.g. `figures: [cases_2017, cases_2016]`")
            continue
        for i in figs or []:
            if i not in known_figures:
                chk.add(s["_label"], "figures", f"unknown figure id {i!r}",
                        "name a figure id, or <total id>_remainder for a derived remainder")
            fig = next((f for f in ann.figures if f.get("id") == str(i).removesuffix("_remainder")), None)
            need = CHECK_PERIODS.get(s.get("check"))
            if need and fig and (fig.get("period") is None or fig.get("date")):
                if fault := period_fault(fig.get("date"), need):
                    chk.add(s["_label"], "figures", f"check {s['check']} needs {need} for figure {i!r}, which {fault}",
                            f"give {fig['id']} a `period:` of whole months from its quote, or choose another check")
    all_ids = set(ids)
    for c in ann.claims:
        label = c["_label"]
        actor_ref(label, "actor", c.get("actor"))
        _closed(chk, label, "attribution", c.get("attribution"), ATTRIBUTIONS)
        for fld in ("frame", "frame_secondary"):
            _closed(chk, label, fld, c.get(fld), list(FRAMES))
        entman = c.get("entman") or []
        if not isinstance(entman, list):
            chk.add(label, "entman", "must be a list", "write e.g. `entman: [problem_definition]`")
        else:
            for e in entman:
                _closed(chk, label, "entman", e, ENTMAN)
        if c.get("answers") is not None and c["answers"] not in all_ids:
            chk.add(label, "answers", f"unknown id {c['answers']!r}",
                    "name the id of the claim, figure or event this claim answers")
        if c.get("cue") and c["span"] is not None and c["attribution"] != "unattributed":
            sent = article.sentence_at(c["span"].start)
            cue = str(c["cue"]).split()[0]
            if sent and cue.lower() not in sent.text.lower():
                chk.add(label, "cue", f"reporting verb {c['cue']!r} is not in the claim's sentence",
                        "write the verb as the article has it, e.g. 'argues', 'said'")
    for e in ann.events:
        label = e["_label"]
        actor_ref(label, "actor", e.get("actor"))
        actor_ref(label, "recipient", e.get("recipient"))
        _closed(chk, label, "action", e.get("action"), ACTIONS)
        _closed(chk, label, "tense", e.get("tense"), TENSES)
        for fld, section in (("figure", ann.figures), ("claim", ann.claims), ("same_as", ann.events)):
            if e.get(fld) is not None and e[fld] not in {x.get("id") for x in section}:
                chk.add(label, fld, f"unknown {fld} id {e[fld]!r}", f"name an id from {fld}s:")
        if e.get("expression") and e["span"] is not None:
            e["expression_span"] = chk.within(label, "expression", str(e["expression"]), e["span"])
            if e.get("tense") in (None, *TENSES):
                e["date"] = chk.resolve(label, "expression", str(e["expression"]), e.get("tense"))
                if e["date"] is not None and (part := part_of_wider(article, e["expression_span"], e.get("tense"),
                                                                    "expression")):
                    chk.add(label, "expression", *part)
    for i in ann.ignored_numbers:
        if i["span"] is not None and not find_numbers(i["span"].text):
            chk.add(i["_label"], "quote", "holds no number to ignore",
                    "quote the words with the number, e.g. 'second deputy chief'")
    if chk.problems:
        raise AnnotationError(chk.problems)
    for start, _end, text in ann.uncovered_numbers():
        sent = article.sentence_at(start)
        chk.warnings.append(Problem(chk.file, "coverage", "", f"number {text!r} at offset {start} "
                                    "is neither a figure, a date nor ignored",
                                    f"add a figure or an ignored_numbers entry for: "
                                    f"{sent.text if sent else text!r}"))
    ann.warnings = chk.warnings
    return ann


def _with_article_block(path: Path, article: Article, doc: dict) -> Article:
    """The article with the ``published``, ``outlet`` and ``timezone`` of the ``article:`` block applied.

    Options and the capture's front matter still win over the block; the block wins over the
    capture's header (see :mod:`exportrow.article`).
    """
    from exportrow.article import MetadataError

    try:
        return article.with_annotation_block(doc.get("article"))
    except MetadataError as exc:
        raise AnnotationError([Problem(str(path), "article", exc.field, str(exc), exc.fix)]) from None


_CACHE: dict[tuple, Annotation] = {}


def load_annotation(path: str | Path | None = None, article: Article | None = None) -> Annotation:
    """Read and check an annotation file against its article.

    Args:
        path: The YAML file; None means the file paired with ``article``
            (see :func:`annotation_path_for`), or the bundled one.
        article: The article it annotates; None means the bundled article.

    Returns:
        The checked :class:`Annotation`. Results are cached per file version.

    Raises:
        AnnotationError: Lists every problem found, each with file, entry, field and fix.

    Example:
        >>> ann = load_annotation()
        >>> [f["id"] for f in ann.figures][:2]
        ['cases_total', 'cases_2015']
        >>> ann.figures[0]["span"].text[:20]
        'There were 156 cases'
    """
    article = article or load_article()
    path = Path(path) if path else annotation_path_for(article)
    try:
        stamp = path.stat().st_mtime_ns
    except OSError:
        stamp = None
    key = (str(path.resolve()), stamp, article.sha256, str(article.published))
    if stamp is not None and key in _CACHE:
        return _CACHE[key]
    doc, problems = _read_yaml(path)
    if problems:
        raise AnnotationError(problems)
    article = _with_article_block(path, article, doc)
    ann = _check(path, article, doc)
    _CACHE[key] = ann
    return ann
