"""Random mutations of an annotation document, for the contract tests (tests/test_contract.py).

Each operation changes a parsed annotation in place the way a person editing it by hand might:
delete, retype, duplicate, rename or swap fields; a list where one value belongs; an unknown key;
another unit, quantity, value, id reference, code or date. Choices come from a ``Chooser``, so the
same operations serve hypothesis (which shrinks a failure to the smallest mutation) and a plain
seeded random generator (for the few mutants the notebooks run on).
"""

from __future__ import annotations

import copy
import random

from exportrow.annotations.vocab import ACTIONS, ACTOR_KINDS, ATTRIBUTIONS, CHECKS, ENTMAN, FRAMES, TENSES

SECTIONS = ("actors", "figures", "statements", "ignored_numbers", "claims", "events")
FIELDS = ("id", "name", "side", "kind", "quote", "prefix", "suffix", "note", "quantity", "value", "unit",
          "actor", "period", "check", "figures", "compare_with", "reason", "attribution", "cue", "frame",
          "frame_secondary", "entman", "answers", "action", "recipient", "description", "expression", "tense",
          "figure", "claim", "same_as", "qualifier")
TOP_LEVEL = ("exportrow", "article", "sides", "caveats", "draft", *SECTIONS)
REFERENCES = ("actor", "recipient", "answers", "figure", "claim", "same_as")
ENUMS = {"kind": ACTOR_KINDS, "attribution": ATTRIBUTIONS, "action": ACTIONS, "frame": tuple(FRAMES),
         "frame_secondary": tuple(FRAMES), "tense": TENSES, "check": CHECKS,
         "qualifier": ("over", "about", "nearly", "at least", "up to")}
UNITS = ("cases", "boats", "boxes", "materials", "per cent", "")
QUANTITIES = ("illegal_export_cases", "boat_seizures", "materials_under_curbs", "other_thing")
EXPRESSIONS = ("2015", "2016", "2017", "2018", "2019", "2020", "last week", "Wednesday", "on Friday", "this January",
               "December 2017", "from 2015 to this March", "from 2018 to this February", "last month", "July 4",
               "on Monday", "February 30", "27:99", "0000")
NUMBERS = (0, 1, 2, 3, 12, 14, 22, 30, 40, 48, 90, 156, 2.5, -1, 1e300, float("inf"), float("nan"), True)
ODD_VALUES = (None, True, 0, -3, 2.5, "", " ", "x", "TODO", "<b>x</b>", [], ["a"], [["a"]], {}, {"a": 1}, "é" * 5,
              "2019-07-04", "a" * 200)


class Chooser:
    """Where a mutation's choices come from: a seeded ``random.Random``."""

    def __init__(self, rng: random.Random):
        self.rng = rng

    def pick(self, seq):
        seq = list(seq)
        return seq[self.rng.randrange(len(seq))]

    def value(self):
        return copy.deepcopy(self.pick(ODD_VALUES))


class DataChooser(Chooser):
    """Choices drawn by hypothesis (``st.data()``), so a failing mutation shrinks."""

    def __init__(self, data, values_strategy):
        self.data, self.values = data, values_strategy

    def pick(self, seq):
        from hypothesis import strategies as st

        return self.data.draw(st.sampled_from(list(seq)))

    def value(self):
        return self.data.draw(self.values)


def _entries(doc: dict, sections=SECTIONS) -> list[tuple[str, int]]:
    return [(s, i) for s in sections if isinstance(doc.get(s), list) for i in range(len(doc[s]))]


def _entry(doc: dict, c: Chooser, sections=SECTIONS):
    places = _entries(doc, sections)
    if not places:
        return None, None, None
    s, i = c.pick(places)
    return s, i, doc[s][i]


def _ids(doc: dict, section: str | None = None) -> list:
    out = []
    for s in SECTIONS if section is None else (section,):
        for e in doc.get(s) or [] if isinstance(doc.get(s), list) else []:
            if isinstance(e, dict) and isinstance(e.get("id"), str):
                out.append(e["id"])
    return out


def delete_field(doc, c):
    _, _, e = _entry(doc, c)
    if isinstance(e, dict) and e:
        del e[c.pick(list(e))]


def retype_field(doc, c):
    _, _, e = _entry(doc, c)
    if isinstance(e, dict) and e:
        e[c.pick(list(e))] = c.value()


def list_for_scalar(doc, c):
    _, _, e = _entry(doc, c)
    if isinstance(e, dict) and e:
        key = c.pick(list(e))
        e[key] = [e[key]]


def duplicate_entry(doc, c):
    s, i, e = _entry(doc, c)
    if s is not None:
        doc[s].insert(c.pick(range(len(doc[s]) + 1)), copy.deepcopy(e))


def delete_entry(doc, c):
    s, i, _ = _entry(doc, c)
    if s is not None:
        del doc[s][i]


def rename_field(doc, c):
    _, _, e = _entry(doc, c)
    if isinstance(e, dict) and e:
        old = c.pick(list(e))
        new = c.pick([*FIELDS, old + "s", old.upper(), "quote ", "x-" + old])
        e[new] = e.pop(old)


def swap_fields(doc, c):
    _, _, e = _entry(doc, c)
    if isinstance(e, dict) and len(e) >= 2:
        a, b = c.pick(list(e)), c.pick(list(e))
        e[a], e[b] = e[b], e[a]


def swap_across(doc, c):
    s, _, e = _entry(doc, c)
    if not isinstance(e, dict) or not e:
        return
    _, _, other = _entry(doc, c, (s,))
    key = c.pick(list(e))
    if isinstance(other, dict) and key in other:
        e[key], other[key] = other[key], e[key]


def unknown_key(doc, c):
    _, _, e = _entry(doc, c)
    target = e if isinstance(e, dict) and c.pick([True, False]) else doc
    target[c.pick(["colour", "quotes", "Value", "id2", "sides_", "notes", 7])] = c.value()


def unit_or_quantity(doc, c):
    _, _, f = _entry(doc, c, ("figures",))
    if isinstance(f, dict):
        key = c.pick(["unit", "quantity"])
        f[key] = c.pick(UNITS if key == "unit" else QUANTITIES)


def figure_value(doc, c):
    _, _, f = _entry(doc, c, ("figures",))
    if isinstance(f, dict):
        f["value"] = c.pick(NUMBERS)


def reference(doc, c):
    _, _, e = _entry(doc, c, ("figures", "claims", "events", "statements"))
    if not isinstance(e, dict):
        return
    if "figures" in e and isinstance(e["figures"], list) and c.pick([True, False]):
        pool = [*_ids(doc, "figures"), *(i + "_remainder" for i in _ids(doc, "figures")), "nothing"]
        e["figures"] = [c.pick(pool) for _ in range(c.pick([1, 2, 3]))]
        return
    key = c.pick(REFERENCES)
    e[key] = c.pick([*_ids(doc), *_ids(doc, "actors"), "nobody"])


def enum_value(doc, c):
    _, _, e = _entry(doc, c)
    if not isinstance(e, dict):
        return
    key = c.pick([*ENUMS, "side", "entman"])
    if key == "side":
        sides = doc.get("sides") if isinstance(doc.get("sides"), list) else ["seoul", "tokyo", "washington"]
        e[key] = c.pick([*sides, "outlet", "other", "nowhere"])
    elif key == "entman":
        e[key] = [c.pick(ENTMAN) for _ in range(c.pick([0, 1, 2]))]
    else:
        e[key] = c.pick(ENUMS[key])


def dates(doc, c):
    _, _, e = _entry(doc, c, ("figures", "events"))
    if not isinstance(e, dict):
        return
    key = c.pick(["period", "expression", "tense", "quote"])
    if key == "tense":
        e[key] = c.pick([*TENSES, None])
        if e[key] is None:
            del e[key]
    elif key == "quote" and isinstance(e.get("quote"), str):
        e[key] = e["quote"][: max(1, len(e["quote"]) // 2)]  # a shorter quote may lose the date or the value
    else:
        e[key] = c.pick(EXPRESSIONS)


def retype_item(doc, c):
    """An item of a list (a side, a caveat, an Entman function, a statement's figure id) of another type."""
    places = [(doc, k) for k in ("sides", "caveats") if isinstance(doc.get(k), list) and doc[k]]
    for s, i in _entries(doc, ("claims", "statements")):
        e = doc[s][i]
        places += [(e, k) for k in ("entman", "figures") if isinstance(e, dict) and isinstance(e.get(k), list) and e[k]]
    if places:
        holder, key = c.pick(places)
        holder[key][c.pick(range(len(holder[key])))] = c.value()


def top_level(doc, c):
    key = c.pick(TOP_LEVEL)
    op = c.pick(["delete", "retype", "empty"])
    if op == "delete":
        doc.pop(key, None)
    elif op == "retype":
        doc[key] = c.value()
    else:
        doc[key] = None if key in SECTIONS or key == "caveats" else []


OPERATIONS = (delete_field, retype_field, list_for_scalar, duplicate_entry, delete_entry, rename_field, swap_fields,
              swap_across, unknown_key, unit_or_quantity, figure_value, reference, enum_value, dates, retype_item,
              top_level)
#: Mutations that keep the document well formed more often, so that more mutants reach the tables.
GENTLE = (unit_or_quantity, figure_value, reference, enum_value, dates, swap_across, delete_entry, duplicate_entry)


def mutate(doc: dict, c: Chooser, n: int, operations=OPERATIONS) -> list[str]:
    """Apply ``n`` operations to ``doc`` in place; their names, in order."""
    names = []
    for _ in range(n):
        op = c.pick(operations)
        op(doc, c)
        names.append(op.__name__)
    return names
