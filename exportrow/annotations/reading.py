"""Read annotation and context files: regular files under a size cap, YAML without surprises.

An annotation never needs YAML's anchors and aliases (``&name``, ``*name``), merge keys, or
keys that are not plain words; they are refused with the line that holds them, before anything
is built. So a small file can never expand into a huge value (an "alias bomb"). Duplicate keys,
which YAML would silently resolve to the last one, are refused too, as are numbers too long to
read and nesting deeper than any annotation needs.
"""

from __future__ import annotations

import datetime as dt
import re
import stat
from pathlib import Path

from exportrow.annotations.checker import clip
from exportrow.annotations.model import AnnotationError, Problem
from exportrow.files import MAX_ANNOTATION_BYTES, InputFileError, excerpt, read_text

__all__ = ["YAMLRefused", "scan_yaml", "safe_yaml", "read_source", "parse_document", "read_yaml",
           "annotation_path_for", "article_path_for", "article_to_load", "MAX_DEPTH", "MAX_ITEMS", "MAX_VALUES"]

#: Deepest nesting accepted (an annotation needs 4: file, section, entry, list of ids).
MAX_DEPTH = 20
#: Most items in one list or mapping, and most values in a file (the seed has about 2,000).
MAX_ITEMS = 2_000
MAX_VALUES = 100_000
_MAX_DIGITS = 300
_LONG_NUMBER = re.compile(r"[-+]?[0-9_.,eE+-]+")


def _yaml():
    import yaml  # imported when a file is read: ``import exportrow`` stays light

    return yaml


def _loader():
    """The safe loader (libyaml's when available) that leaves dates as text (:func:`exportrow.capture.yaml_loader`)."""
    from exportrow.capture import yaml_loader

    return yaml_loader()


class YAMLRefused(ValueError):
    """YAML that exportrow does not read (anchors, aliases, duplicate keys...), with its line.

    Example:
        >>> str(YAMLRefused(3, "an alias (*a)", "write the value out"))
        'line 3: an alias (*a) is not accepted; write the value out'
    """

    def __init__(self, line: int, what: str, fix: str):
        self.line, self.what, self.fix = line, what, fix
        super().__init__(f"line {line}: {what} is not accepted; {fix}")


def _refuse_node(event) -> None:
    yaml = _yaml()
    line = event.start_mark.line + 1
    if isinstance(event, yaml.AliasEvent):
        raise YAMLRefused(line, f"a YAML alias (*{clip(event.anchor, 30)})",
                          "an annotation never needs anchors or aliases: write the value out")
    if getattr(event, "anchor", None):
        raise YAMLRefused(line, f"a YAML anchor (&{clip(event.anchor, 30)})",
                          "an annotation never needs anchors or aliases: delete it and write values out")
    if getattr(event, "tag", None):  # `!!python/object/apply:...`, `!!str`: the safe loader would run none of them
        tag = str(event.tag).replace("tag:yaml.org,2002:", "!!", 1)
        raise YAMLRefused(line, f"a YAML tag ({clip(tag, 60)})", "YAML tags are not accepted; write the value plainly")
    if isinstance(event, yaml.ScalarEvent) and not event.style and len(event.value) > _MAX_DIGITS \
            and _LONG_NUMBER.fullmatch(event.value):
        raise YAMLRefused(line, f"a number of {len(event.value):,} characters",
                          f"numbers of at most {_MAX_DIGITS} digits are read")


def scan_yaml(text: str) -> None:
    """Walk the YAML events once and refuse what an annotation never needs (see :class:`YAMLRefused`).

    Example:
        >>> scan_yaml("a: 1\\nb: [x, y]\\n")
        >>> scan_yaml("a: &big [x, x]\\nb: [*big, *big]\\n")
        Traceback (most recent call last):
        ...
        exportrow.annotations.reading.YAMLRefused: line 1: a YAML anchor (&big) is not accepted; ...
    """
    yaml = _yaml()
    frames: list[list] = []  # per open collection: [is_mapping, expecting_key, keys seen, items, line]
    values = 0
    for event in yaml.parse(text, Loader=_loader()):
        if isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
            frames.pop()
            continue
        if not isinstance(event, yaml.NodeEvent):
            continue
        _refuse_node(event)
        values += 1
        if values > MAX_VALUES:
            raise YAMLRefused(event.start_mark.line + 1, f"a file of more than {MAX_VALUES:,} values",
                              "one article's annotation has a few thousand: is this the right file?")
        if frames:
            _count(event, frames[-1])
        if isinstance(event, yaml.CollectionStartEvent):
            if len(frames) >= MAX_DEPTH:
                raise YAMLRefused(event.start_mark.line + 1, f"nesting deeper than {MAX_DEPTH} levels",
                                  "an annotation is a few levels deep: check the indentation")
            frames.append([isinstance(event, yaml.MappingStartEvent), True, set(), 0, event.start_mark.line + 1])


def _count(event, frame: list) -> None:
    """Count an item of the open collection ``frame``; check a mapping's keys."""
    if frame[0]:
        if frame[1]:
            _check_key(event, frame[2])
        frame[1] = not frame[1]
        if not frame[1]:
            return
    frame[3] += 1
    if frame[3] > MAX_ITEMS:
        raise YAMLRefused(frame[4], f"a {'mapping' if frame[0] else 'list'} of more than {MAX_ITEMS:,} items",
                          "one article needs far fewer: is this the right file?")


def _check_key(event, seen: set) -> None:
    yaml = _yaml()
    line = event.start_mark.line + 1
    if not isinstance(event, yaml.ScalarEvent):
        raise YAMLRefused(line, "a key that is a list or a mapping", "write keys as plain words, e.g. `quote:`")
    if event.value == "<<" and not event.style:
        raise YAMLRefused(line, "a YAML merge key (<<)", "write the fields out")
    if event.value in seen:
        raise YAMLRefused(line, f"a second {excerpt(event.value, 40)} key in the same mapping",
                          "keep one (YAML would silently keep only the last)")
    seen.add(event.value)


def _plain(value):
    """YAML dates and times become ISO text (the loader reads unquoted dates as text; this catches ``!!timestamp``)."""
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    return value


def safe_yaml(text: str):
    """Parse YAML with a safe loader only (libyaml's when available): no Python objects, no aliases.

    Dates stay text (``published: 2019-02-30`` then gets an accurate message where it is checked,
    not a ValueError from the YAML reader).

    Raises:
        yaml.YAMLError: Not YAML.
        YAMLRefused: YAML that exportrow refuses, with its line.

    Example:
        >>> safe_yaml("a: [1, two]\\nwhen: 2019-07-04")
        {'a': [1, 'two'], 'when': '2019-07-04'}
    """
    scan_yaml(text)
    return _plain(_yaml().load(text, Loader=_loader()))


def _problem(name: str, message: str, fix: str) -> list[Problem]:
    return [Problem(name, "file", "", message, fix)]


def _parse(name: str, text: str):
    yaml = _yaml()
    try:
        return safe_yaml(text), []
    except YAMLRefused as exc:
        return None, _problem(name, f"line {exc.line}: {exc.what} is not accepted", exc.fix)
    except yaml.reader.ReaderError as exc:  # a control character (a NUL): not a matter of indentation or quotes
        char = exc.character if isinstance(exc.character, int) else ord(str(exc.character)[:1] or "\0")
        line = text.count("\n", 0, exc.position) + 1
        caret = f"^{chr(char + 64)} or " if char < 32 else ""
        return None, _problem(name, f"line {line}: holds the control character U+{char:04X}, which is not text "
                              "(YAML does not accept it)",
                              f"delete it (an editor may show it as {caret}<0x{char:02x}>) and save the file as "
                              "plain UTF-8 text")
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" at line {mark.line + 1}, column {mark.column + 1}" if mark else ""
        what = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        return None, _problem(name, f"not valid YAML{where}: {clip(what, 120)}",
                              "check indentation and quote any text holding ': ' or '#'")
    except (ValueError, OverflowError, RecursionError) as exc:  # e.g. an int longer than Python reads
        return None, _problem(name, f"a value cannot be read ({clip(exc, 120)})",
                              "write numbers in digits of ordinary length")


def read_source(path: str | Path, what: str = "annotation file") -> tuple[str | None, list[Problem]]:
    """The text of a regular file of at most a few MB: ``(text, problems)``, one of them empty.

    Example:
        >>> read_source("/dev/null")[1][0].message
        'the annotation file is not a regular file (a device)'
    """
    name = str(path)
    try:
        text, _ = read_text(path, what=what, limit=MAX_ANNOTATION_BYTES)
    except InputFileError as exc:
        message, _, fix = str(exc).removeprefix(f"{name}: ").partition("; ")
        return None, _problem(name, message, fix or "check the path and the file's permissions")
    return text, []


def parse_document(name: str, text: str, template: str = "docs/annotation-template.yaml") -> tuple[object, list]:
    """Parse the text of an annotation or context file: ``(mapping, problems)``, one of them empty.

    Example:
        >>> parse_document("a.yaml", "- a list")[1][0].message
        'the top level is not a mapping'
    """
    if not text.strip():
        return None, _problem(name, "the file is empty", f"start from {template}")
    doc, problems = _parse(name, text)
    if problems:
        return None, problems
    if not isinstance(doc, dict):
        return None, _problem(name, "the top level is not a mapping",
                              "the file needs keys such as article:, actors:, figures:")
    return doc, []


def read_yaml(path: str | Path, what: str = "annotation file",
              template: str = "docs/annotation-template.yaml") -> tuple[object, list[Problem]]:
    """Read a YAML mapping from a regular file of at most a few MB: ``(document, problems)``.

    Exactly one of the two is empty: a document, or the problems (each with the file and the fix).

    Example:
        >>> import tempfile
        >>> p = Path(tempfile.mkdtemp()) / "a.yaml"
        >>> _ = p.write_text("a: &x 1\\nb: *x\\n")
        >>> doc, problems = read_yaml(p)
        >>> doc, problems[0].message
        (None, 'line 1: a YAML anchor (&x) is not accepted')
    """
    text, problems = read_source(path, what)
    if problems:
        return None, problems
    return parse_document(str(path), text, template)


def annotation_path_for(article) -> Path:
    """Where an article's annotation file is expected.

    ``data/raw/<name>.txt`` pairs with ``data/annotations/<name>.yaml``; an article
    elsewhere pairs with ``<name>.yaml`` beside it.

    Example:
        >>> from exportrow import paths
        >>> from exportrow.article import load_article
        >>> annotation_path_for(load_article()) == paths.default_annotation()
        True
    """
    sibling = article.path.parent.parent / "annotations" / f"{article.name}.yaml"
    if sibling.exists():
        return sibling
    return article.path.with_suffix(".yaml")


def article_path_for(annotation_path: str | Path) -> Path | None:
    """The article an annotation file names under ``article: file:``, or None.

    The name is looked up beside the file, then in ``../raw/``.

    Raises:
        AnnotationError: The file cannot be read or is not YAML that exportrow reads.

    Example:
        >>> from exportrow import paths
        >>> article_path_for(paths.default_annotation()) == paths.default_article()
        True
    """
    annotation_path = Path(annotation_path)
    doc, problems = read_yaml(annotation_path)
    if problems:
        raise AnnotationError(problems)
    meta = doc.get("article")
    name = meta.get("file") if isinstance(meta, dict) else None
    if not isinstance(name, str) or not name.strip() or "\0" in name:
        return None
    odd = None
    for cand in (annotation_path.parent / name, annotation_path.parent.parent / "raw" / name):
        try:
            if cand.is_file():
                return cand
            if odd is None and cand.exists():
                odd = cand
        except OSError:  # a name too long for the file system
            continue
    if odd is not None:  # a FIFO, a device or a folder: never opened (a FIFO would wait for ever)
        mode = odd.stat().st_mode
        kind = ("a folder" if stat.S_ISDIR(mode) else "a FIFO" if stat.S_ISFIFO(mode)
                else "a device" if stat.S_ISCHR(mode) or stat.S_ISBLK(mode) else "not a file")
        raise AnnotationError([Problem(str(annotation_path), "article", "file",
                                       f"names {excerpt(name, 80)}: {odd} is not a regular file ({kind})",
                                       "name the article's text file under `article: file:`, or give it with "
                                       "--article PATH")])
    return None


def article_to_load(article_path, annotation_path) -> str | Path | None:
    """The article a command or a notebook loads for these paths: ``article_path`` when it is given; when only an
    annotation is given, the article its ``article: file:`` names (beside it or in ``../raw/``, as
    ``exportrow check`` finds it); None for the bundled article (nothing given, the annotation names no file, or
    names the bundled article's file).

    So ``exportrow tables --annotation mine.yaml``, ``exportrow report --annotation mine.yaml`` and a notebook run
    with only ``annotation_path`` set all check ``mine.yaml`` against its own article, never the bundled one.

    Raises:
        AnnotationError: The annotation cannot be read, or it names another article that is not where it is
            looked for: one problem saying to give the article.

    Example:
        >>> import tempfile
        >>> from exportrow import paths
        >>> article_to_load("a.txt", "b.yaml"), article_to_load("", ""), article_to_load(None, None)
        ('a.txt', None, None)
        >>> article_to_load("", paths.default_annotation()) is None  # names the bundled article's file
        True
        >>> d = Path(tempfile.mkdtemp())
        >>> _ = (d / "mine.txt").write_text("x"); _ = (d / "mine.yaml").write_text("article:\\n  file: mine.txt\\n")
        >>> article_to_load("", d / "mine.yaml") == d / "mine.txt"
        True
        >>> _ = (d / "lost.yaml").write_text("article:\\n  file: gone.txt\\n")
        >>> print(article_to_load("", d / "lost.yaml"))  # doctest: +ELLIPSIS
        Traceback (most recent call last):
        ...
        exportrow.annotations.model.AnnotationError: 1 problem in the annotation file:
          - .../lost.yaml: article.file: names 'gone.txt', which is neither beside this file nor in ../raw/
            fix: give the article it annotates: --article PATH (in a notebook: article_path)
    """
    from exportrow import paths

    if article_path or not annotation_path:
        return article_path or None
    found = article_path_for(annotation_path)
    bundled = paths.default_article()
    if found is not None:
        try:
            same = found.resolve() == bundled.resolve()
        except (OSError, RuntimeError):
            same = False
        return None if same else found
    doc, _ = read_yaml(annotation_path)  # read without problems by article_path_for
    meta = doc.get("article") if isinstance(doc, dict) else None
    name = meta.get("file") if isinstance(meta, dict) else None
    if not isinstance(name, str) or not name.strip() or name.strip() == bundled.name:
        return None  # no file named, or the bundled one's: the bundled article, whose hash is then checked
    raise AnnotationError([Problem(str(annotation_path), "article", "file",
                                   f"names {excerpt(name, 80)}, which is neither beside this file nor in ../raw/",
                                   "give the article it annotates: --article PATH (in a notebook: article_path)")])
