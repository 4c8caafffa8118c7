"""The sides a notebook works on: the annotation's own, checked before any work.

An annotation declares the sides of its dispute under ``sides:`` (``outlet``, the article's own
voice, and ``other`` are always there; an annotation that declares none has the sides its actors
name, in their order, and never another article's). Notebook 03 compares two of them: by default the first two the
annotation declares, so a report on any article needs ``side_a``/``side_b`` only to compare other
sides. A side name that the annotation does not declare is refused with a message that lists its
sides: in the notebook, and by ``exportrow report`` before any kernel starts
(:func:`check_side_parameters`).
"""

from __future__ import annotations

import re

from exportrow.annotations.vocab import ALWAYS_SIDES
from exportrow.errors import UsageError
from exportrow.files import excerpt

__all__ = ["SideError", "ActorError", "declared_sides", "compared_sides", "check_sides", "check_actors",
           "check_side_parameters", "side_words", "possessive", "SIDE_PARAMETERS"]

#: The notebook parameters that name sides: one side each, or a list of sides.
SIDE_PARAMETERS = ("side_a", "side_b", "sides")


class SideError(UsageError):
    """A side that the annotation does not declare, or the same side twice (exit code 2: nothing ran)."""


class ActorError(UsageError):
    """An actor id that the annotation does not declare (exit code 2: nothing ran)."""


def side_words(side: str, sides=None) -> str:
    """A side's id as people read it: underscores as spaces, each word capitalised but for small joining words
    after the first (``of``, ``and``, ``the`` ...). The id itself stays in tables and files.

    ``sides``: the annotation's sides (``annotation.sides``); a side that gives a ``name:`` there is shown by it
    (plain text: escape it where it is shown, as the words of an id).

        >>> from exportrow.annotations.model import Sides
        >>> side_words("us", Sides(["us"], {"us": "United States of America"})), side_words("us", ("us",))
        ('United States of America', 'US')

    Example:
        >>> side_words("united_states"), side_words("seoul"), side_words("north_korea")
        ('United States', 'Seoul', 'North Korea')
        >>> side_words("federal_republic_of_lowland_and_its_water_authorities")
        'Federal Republic of Lowland and Its Water Authorities'

    A word of two letters (not a small word after the first) is an abbreviation and is shown in capitals, as
    are initials with dots:

        >>> [side_words(s) for s in ("us", "eu", "uk", "un", "un_security_council", "republic_of_korea", "u.s.")]
        ['US', 'EU', 'UK', 'UN', 'UN Security Council', 'Republic of Korea', 'U.S.']
    """
    name = getattr(sides, "names", {}).get(side)
    if name:
        return name
    words = str(side).replace("_", " ").split()
    return " ".join(w if i and w in _SMALL_WORDS else _word_shown(w) for i, w in enumerate(words))


def possessive(name: str) -> str:
    """``name`` with the possessive ending charts and prose give a side: ``'s``, or a bare apostrophe after a
    word ending in a lower-case ``s`` ("United States' claims", never "United States's") and nothing after an
    apostrophe; an abbreviation in capitals keeps ``'s`` ("US's").

    Example:
        >>> [possessive(n) for n in ("Seoul", "United States", "Workers' Unions", "Drivers'", "US", "U.S.",
        ...                          "the outlet", "PHILIPPINES")]
        ["Seoul's", "United States'", "Workers' Unions'", "Drivers'", "US's", "U.S.'s", "the outlet's", "PHILIPPINES'"]
    """
    last = name.split()[-1] if name.split() else name
    if name.endswith(("'", "’")):
        return name
    if name.endswith("s") or name.endswith("S") and len(last) > 3 and last.isalpha():
        return name + "'"
    return name + "'s"


def _word_shown(word: str) -> str:
    """One word of a side id, capitalised; an abbreviation ("us", "u.s.") in capitals."""
    if len(word) == 2 and word.isalpha() or re.fullmatch(r"(?:[a-z]\.)+", word):
        return word.upper()
    return word[:1].upper() + word[1:]


_SMALL_WORDS = frozenset({"a", "an", "and", "at", "by", "for", "in", "of", "on", "or", "the", "to"})


def declared_sides(annotation) -> list[str]:
    """The sides of the dispute, in the annotation's order: its ``sides:`` without ``outlet`` and ``other``.

    Example:
        >>> from exportrow.annotations import load_annotation
        >>> declared_sides(load_annotation())
        ['seoul', 'tokyo', 'washington']
    """
    return [s for s in annotation.sides if s not in ALWAYS_SIDES]


def _listed(annotation) -> str:
    return ", ".join(annotation.sides)


def _refuse(annotation, name: str, value) -> SideError:
    where = getattr(annotation, "path", None)
    of = f" ({where.name})" if where is not None else ""
    return SideError(f"{name} {excerpt(value, 60)} is not a side of this annotation{of}; its sides are: "
                     f"{_listed(annotation)}")


def check_sides(annotation, sides, name: str = "sides") -> list[str]:
    """``sides`` as a list, each checked against the annotation's sides (an empty list: every side).

    Raises:
        SideError: A side the annotation does not declare; the message lists its sides.

    Example:
        >>> from exportrow.annotations import load_annotation
        >>> check_sides(load_annotation(), ["tokyo"])
        ['tokyo']
        >>> check_sides(load_annotation(), ["narnia"])
        Traceback (most recent call last):
        ...
        exportrow.sides.SideError: sides 'narnia' is not a side of this annotation (...); its sides are: seoul, ...
    """
    if isinstance(sides, str):
        sides = [sides]
    out = []
    for s in sides or []:
        if not isinstance(s, str) or s not in annotation.sides:
            raise _refuse(annotation, name, s)
        out.append(s)
    return out


def check_actors(annotation, actors, name: str = "actors") -> list[str]:
    """``actors`` as a list, each checked against the annotation's actor ids (an empty list: every actor).

    An actor the annotation declares is accepted even when it has no event: a timeline of it is empty, and
    says why.

    Raises:
        ActorError: An actor id the annotation does not declare; the message lists its actors.

    Example:
        >>> from exportrow.annotations import load_annotation
        >>> check_actors(load_annotation(), ["kang"])
        ['kang']
        >>> check_actors(load_annotation(), ["narnia"])
        Traceback (most recent call last):
        ...
        exportrow.sides.ActorError: actors 'narnia' is not an actor of this annotation (...); its actors are: ...
    """
    if isinstance(actors, str):
        actors = [actors]
    ids = [str(a.get("id")) for a in annotation.actors]
    out = []
    for a in actors or []:
        if not isinstance(a, str) or a not in ids:
            where = getattr(annotation, "path", None)
            of = f" ({where.name})" if where is not None else ""
            raise ActorError(f"{name} {excerpt(a, 60)} is not an actor of this annotation{of}; its actors are: "
                             f"{', '.join(ids)}")
        out.append(a)
    return out


def compared_sides(annotation, side_a: str = "", side_b: str = "") -> tuple[str, str]:
    """The two sides to compare: those given, else the annotation's first two declared sides.

    An empty ``side_a`` is the first side the annotation declares; an empty ``side_b`` the next one
    that is not ``side_a`` (the outlet's own voice when the annotation declares a single side).

    Raises:
        SideError: A side the annotation does not declare, or the same side twice.

    Example:
        >>> from exportrow.annotations import load_annotation
        >>> ann = load_annotation()
        >>> compared_sides(ann), compared_sides(ann, "washington"), compared_sides(ann, "", "seoul")
        (('seoul', 'tokyo'), ('washington', 'seoul'), ('tokyo', 'seoul'))
        >>> compared_sides(ann, "seoul", "seoul")
        Traceback (most recent call last):
        ...
        exportrow.sides.SideError: side_a and side_b are both 'seoul'; choose two different sides of: seoul, ...
    """
    for name, value in (("side_a", side_a), ("side_b", side_b)):
        if value:
            check_sides(annotation, [value], name)
    order = [*declared_sides(annotation), *(s for s in annotation.sides if s in ALWAYS_SIDES)]
    a = side_a or next((s for s in order if s != side_b), "")
    b = side_b or next((s for s in order if s != a), "")
    if a == b:
        raise SideError(f"side_a and side_b are both {excerpt(a, 60)}; choose two different sides of: "
                        f"{_listed(annotation)}")
    return a, b


def check_side_parameters(annotation, params: dict) -> None:
    """Refuse any side that ``params`` (``side_a``, ``side_b``, ``sides``) names and the annotation does not declare,
    and any actor id (``actors``) it does not declare.

    ``exportrow report`` calls this once, where it checks the article and the annotation up front, so a
    wrong side name stops the report before any kernel starts.

    Raises:
        SideError: The first side refused, with the annotation's sides.

    Example:
        >>> from exportrow.annotations import load_annotation
        >>> check_side_parameters(load_annotation(), {"side_a": "tokyo", "sides": ["seoul"], "years": [2016]})
        >>> check_side_parameters(load_annotation(), {"side_b": "narnia"})
        Traceback (most recent call last):
        ...
        exportrow.sides.SideError: side_b 'narnia' is not a side of this annotation (...); its sides are: ...
    """
    for name in SIDE_PARAMETERS:
        value = params.get(name)
        if value in (None, "", []):
            continue
        check_sides(annotation, value if isinstance(value, list) else [value], name)
    if params.get("actors") not in (None, "", []):
        check_actors(annotation, params["actors"])
    if params.get("side_a") or params.get("side_b"):
        compared_sides(annotation, params.get("side_a") or "", params.get("side_b") or "")
