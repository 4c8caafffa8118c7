"""A catalogue of bad annotation and context files: each gets its own clear message and exit code, never a traceback.

`CATALOGUE` is the table: per case an id, what is wrong, the file (its full content, or a change to the
bundled annotation or context file), the message fragment `exportrow check` must print, and its exit
code. Each row is a test that runs `exportrow check` in this process (exportrow.cli.main). A few rows
are files that look odd but are fine (a byte-order mark, Windows line ends, an unquoted ISO date):
they must pass. Input files the check only reads are never changed.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from exportrow import paths
from exportrow.cli import main

SEED = paths.default_annotation()
ARTICLE = paths.default_article()
CONTEXT = paths.context_dir() / "dispute-2018-2019.yaml"


def swap(old: str, new: str, count: int = 1) -> Callable[[str], str]:
    """A change to the bundled file: ``old`` (which must be there) replaced by ``new``."""

    def change(text: str) -> str:
        assert old in text, f"the catalogue's {old!r} is no longer in the file"
        return text.replace(old, new, count)

    return change


def bomb(text: str) -> str:
    lines = ["bombs:", "  - &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
    lines += [f"  - &a{i} [" + ", ".join([f"*a{i - 1}"] * 9) + "]" for i in range(1, 10)]
    return text.replace("    side: seoul\n", "    side: *a9\n", 1) + "\n".join(lines) + "\n"


@dataclass(frozen=True)
class Case:
    id: str
    wrong: str  # what is wrong with the file, in words
    file: str | bytes | Callable[[str], str] | None  # full content, or a change to the bundled file
    message: str  # a fragment `exportrow check` must print
    exit: int  # exit code of `exportrow check`
    kind: str = "annotation"  # or "context"; None file: the special path in `path`
    path: str = ""


CATALOGUE: list[Case] = [
    # -- the file itself
    Case("empty", "the file is empty", "", "the file is empty", 1),
    Case("whitespace-only", "only blank lines", "\n\n   \n", "the file is empty", 1),
    Case("not-utf8", "Latin-1 bytes", "actors: caf\xe9\n".encode("latin-1"),
         "is not UTF-8 (byte 11, line 1)\n    fix: re-save it as UTF-8", 1),
    Case("top-level-list", "a list, not a mapping", "- a\n- b\n", "the top level is not a mapping", 1),
    Case("top-level-scalar", "just a word", "hello\n", "the top level is not a mapping", 1),
    Case("bad-yaml", "an unclosed bracket", "actors: [\n", "not valid YAML at line 2", 1),
    Case("python-tag", "a tag that would run code", "actors: !!python/object/apply:os.system ['echo pwned']\n",
         "a YAML tag (!!python/object/apply:os.system) is not accepted\n    fix: YAML tags are not accepted; write "
         "the value plainly", 1),
    Case("two-documents", "two YAML documents in one file", "a: 1\n---\nb: 2\n", "not valid YAML", 1),
    Case("missing-file", "no such file", None, "no such annotation file", 1, path="missing"),
    Case("device", "a device, not a file", None, "not a regular file (a device)", 1, path="/dev/null"),
    Case("folder", "a folder, not a file", None, "not a regular file (a folder)", 1, path="folder"),
    Case("too-large", "more than 4 MB", "#\n" * 2_100_000, "more than the 4,000,000 accepted", 1),
    # -- YAML features an annotation never needs
    Case("alias-bomb", "an alias bomb (9**9 strings from a few hundred bytes)", bomb,
         "line 25: a YAML alias (*a9) is not accepted", 1),
    Case("alias", "an alias", swap("    side: seoul\n", "    side: *nowhere\n"),
         "line 25: a YAML alias (*nowhere) is not accepted", 1),
    Case("merge-key", "a merge key", swap("  - id: kr_gov\n", "  - <<: {note: x}\n    id: kr_gov\n"),
         "a YAML merge key (<<) is not accepted", 1),
    Case("duplicate-key", "a key twice in one entry", swap("    quote: Seoul\n", "    quote: Seoul\n    quote: x\n"),
         "a second 'quote' key in the same mapping is not accepted", 1),
    Case("complex-key", "a list as a key", "? [a, b]\n: c\n", "a key that is a list or a mapping is not accepted", 1),
    Case("deep", "nesting 25 levels deep", "x: " + "[" * 25 + "]" * 25 + "\n", "nesting deeper than 20 levels", 1),
    Case("huge-number", "a number of 100,000 digits", swap("value: 156", "value: " + "9" * 100_000),
         "a number of 100,000 characters is not accepted", 1),
    Case("too-many-entries", "3,000 ignored numbers",
         swap("ignored_numbers:\n", "ignored_numbers:\n" + "  - quote: q\n    reason: r\n" * 3_000),
         "a list of more than 2,000 items is not accepted", 1),
    # -- structure (the schema)
    Case("unknown-top-level", "a misspelt section", swap("figures:\n", "figurs:\n"),
         "figurs: unknown top-level key\n    fix: did you mean `figures`?", 1),
    Case("unknown-field", "a misspelt field", swap("    quote: Seoul\n", "    qoute: Seoul\n"),
         "actors[kr_gov].qoute: unknown field\n    fix: did you mean `quote`?", 1),
    Case("missing-field", "a required field left out", swap("    value: 48\n", ""),
         "figures[cases_2017].value: missing required field", 1),
    Case("empty-value", "a required field left empty", swap("    value: 48\n", "    value:\n"),
         "figures[cases_2017].value: missing required field", 1),
    Case("value-words", "the value in words", swap("    value: 14\n", "    value: fourteen\n"),
         "figures[cases_2015].value: must be a number, not the text 'fourteen'", 1),
    Case("value-nan", "YAML's not-a-number as a value", swap("    value: 14\n", "    value: .nan\n"),
         "figures[cases_2015].value: must be a finite number, not .nan\n    fix: write the number the article "
         "states, e.g. `value: 90`", 1),
    Case("answers-list", "`answers` as a list", swap("    answers: jp_breach_of_trust\n",
                                                     "    answers: [jp_breach_of_trust]\n"),
         "claims[kr_no_basis].answers: must be text, not a list", 1),
    Case("same-as-list", "`same_as` as a list", swap("same_as: curbs_implemented", "same_as: [curbs_implemented]"),
         "events[curbs_take_effect].same_as: must be text, not a list", 1),
    Case("figure-list", "an event's `figure` as a list", swap("figure: cases_total", "figure: [cases_total]"),
         "events[cases_period].figure: must be text, not a list", 1),
    Case("prefix-number", "`prefix: 12`", swap("prefix: an immediate rebuttal from", "prefix: 12"),
         'actors[jp_gov].prefix: must be text, not the number 12\n    fix: put it in quotes: `prefix: "12"`', 1),
    Case("sha256-number", "`sha256: 12345`", swap(
        "sha256: 8111112eceb8b945634297645461e6cce255c06678d69ea83588695b5b054f1e", "sha256: 12345"),
         "article.sha256: must be text, not the number 12345", 1),
    Case("sha256-not-hex", "a hash that is not one", swap("sha256: 8111112e", "sha256: TODO 8111112e"),
         "is not a SHA-256 hash (64 hex digits)", 1),
    Case("sha256-other-article", "the hash of another article", swap("sha256: 8111112e", "sha256: 0000000e"),
         "made for another article", 1),
    Case("blank-cue", "a blank reporting verb", swap("    cue: argues\n", "    cue: ' '\n"),
         "claims[kr_few_companies].cue: is blank", 1),
    Case("nested-figures", "a statement's figures nested", swap("figures: [cases_2017, cases_2016]",
                                                                "figures: [[cases_2017], cases_2016]"),
         "statements[more_than_doubled].figures[0]: must be text, not a list", 1),
    Case("actor-id-list", "an actor id given as a list", swap("  - id: uae\n", "  - id: [uae]\n"),
         "actors[15].id: must be text, not a list", 1),
    Case("bad-id", "an id with a space", swap("  - id: uae\n", "  - id: the uae\n"),
         "actors[the uae].id: 'the uae' is not an id", 1),
    Case("entman-scalar", "`entman` as one word",
         swap("    entman: [moral_evaluation]\n    answers: jp_no_monitoring",
              "    entman: moral_evaluation\n    answers: jp_no_monitoring"),
         "claims[kr_interceptions].entman: must be a list, not the text 'moral_evaluation'", 1),
    Case("unknown-action", "an action that is not PLOVER", swap("    action: SANCTION\n", "    action: SANCTIONS\n"),
         "events[curbs_implemented].action: unknown value 'SANCTIONS'\n    fix: did you mean 'SANCTION'?", 1),
    Case("far-action", "an action like no PLOVER code (no 'REJECT' for 'MEET')",
         swap("    action: SANCTION\n", "    action: MEET\n"),
         "events[curbs_implemented].action: unknown value 'MEET'\n    fix: one of: AGREE, CONSULT, SUPPORT, CONCEDE, "
         "COOPERATE, AID, RETREAT, REQUEST, ACCUSE, REJECT, THREATEN, PROTEST, SANCTION, MOBILIZE, COERCE, ASSAULT, "
         "OTHER\n", 1),
    Case("unknown-frame", "frame code 16", swap("    frame: 14\n", "    frame: 16\n"),
         "claims[outlet_relations_low].frame: unknown value 16", 1),
    Case("unknown-tense", "tense: yesterday", swap("    tense: past\n", "    tense: yesterday\n"),
         "events[curbs_take_effect].tense: unknown value 'yesterday'", 1),
    Case("exportrow-version", "a format version that does not exist", swap("exportrow: 1\n", "exportrow: 2\n"),
         "exportrow: unknown value 2\n    fix: one of: 1", 1),
    Case("sides-not-list", "`sides` as one word", swap("sides: [seoul, tokyo, washington]", "sides: seoul"),
         "sides: must be a list, not the text 'seoul'", 1),
    Case("blank-caveat", "a blank caveat", swap("caveats:\n", "caveats:\n  - ' '\n"),
         "caveats[0]: is blank", 1),
    Case("caveat-list", "a caveat that is a list", swap("caveats:\n", "caveats:\n  - [a, b]\n"),
         "caveats[0]: must be text, not a list", 1),
    Case("side-list-item", "a declared side that is a mapping",
         swap("sides: [seoul, tokyo, washington]", "sides: [{a: 1}, tokyo]"),
         "sides[0].id: missing required field", 1),
    Case("long-quote", "a quote of 20,000 characters",
         swap("    quote: Seoul\n", "    quote: " + "Seoul " * 4_000 + "\n"),
         "actors[kr_gov].quote: is 23,999 characters long; at most 10,000 are accepted", 1),
    Case("growth-one-figure", "growth_factor with one figure", swap("figures: [cases_2017, cases_2016]",
                                                                    "figures: [cases_2017]"),
         "statements[more_than_doubled].figures: needs at least 2 items, has 1", 1),
    # -- against the article and between entries (the domain checks)
    Case("quote-not-in-article", "a quote the article does not have",
         swap("quote: Tokyo's charge of lax controls", "quote: Tokyo's charge of weak controls"),
         "nearest passage in the article: \"Tokyo's charge of lax controls", 1),
    Case("quote-twice", "a quote that stands five times",
         swap("    quote: Tokyo\n    prefix: an immediate rebuttal from\n", "    quote: Tokyo\n"),
         "actors[jp_gov].quote: stands 5 times in the article", 1),
    Case("value-not-in-quote", "a value the quote does not state", swap("    value: 14\n", "    value: 13\n"),
         "13 does not appear in the quote as digits or words (numbers there: Fourteen, 2015)", 1),
    Case("period-not-in-quote", "a period outside the quote", swap('    period: "2016"\n', '    period: "2019"\n'),
         "figures[cases_2016].period: '2019' is not inside the quote '22 in 2016'", 1),
    Case("expression-not-in-quote", "dating words the quote does not hold",
         swap("    expression: December 2017\n", "    expression: Decembre 2017\n"),
         "events[shipment_vietnam].expression: 'Decembre 2017' is not inside the quote", 1),
    Case("bad-date", "dating words the resolver does not know",
         swap("    expression: December 2017\n", "    expression: Vietnam in December\n"),
         "events[shipment_vietnam].expression: date cannot be parsed", 1),
    Case("weekday-without-tense", "a bare weekday with no tense",
         swap("    expression: Wednesday\n    tense: past\n    quote: discussed",
              "    expression: Wednesday\n    quote: discussed"),
         "events[kang_pompeo_call].expression: date cannot be parsed", 1),
    Case("unknown-actor", "a claim by an actor not listed", swap("    actor: jp_source\n", "    actor: jp_sauce\n"),
         "claims[jp_not_enough].actor: unknown actor id 'jp_sauce'\n    fix: did you mean 'jp_source'?", 1),
    Case("unknown-side", "a side not declared", swap("    side: seoul\n", "    side: seul\n"),
         "actors[kr_gov].side: unknown side 'seul'\n    fix: did you mean 'seoul'?", 1),
    Case("duplicate-id", "two figures with one id", swap("  - id: cases_2016\n", "  - id: cases_2015\n"),
         "figures[cases_2015].id: duplicate id (also in figures)", 1),
    Case("unknown-answers", "a claim answering nothing",
         swap("    answers: jp_breach_of_trust\n", "    answers: jp_breach\n"),
         "claims[kr_no_basis].answers: unknown id 'jp_breach'", 1),
    Case("unknown-statement-figure", "a statement on a figure not listed", swap("figures: [cases_2017, cases_2016]",
                                                                                "figures: [cases_2017, cases_2099]"),
         "statements[more_than_doubled].figures: unknown figure id 'cases_2099'", 1),
    Case("remainder-not-derived", "a unit changed, so the remainder a statement names is not derived",
         swap("    value: 22\n    unit: cases\n", "    value: 22\n    unit: boxes\n"),
         "statements[recent_surge].figures: 'cases_total_remainder' is not derived", 1),
    Case("growth-without-word", "a growth_factor statement whose quote states no growth",
         swap("    figures: [cases_2017, cases_2016]\n    quote: The number more than doubled to 48 in 2017",
              "    figures: [cases_2017, cases_2016]\n    quote: 48 in 2017"),
         "statements[more_than_doubled].quote: a growth_factor statement needs a growth word", 1),
    Case("period-length-undated", "period_length on a figure with no period",
         swap("    figures: [cases_total]\n    compare_with", "    figures: [curbed_materials]\n    compare_with"),
         "check period_length needs whole months for figure 'curbed_materials', which has no period", 1),
    Case("cue-not-in-sentence", "a reporting verb the sentence does not have",
         swap("    cue: argues\n", "    cue: shouts\n"),
         "claims[kr_few_companies].cue: reporting verb 'shouts' is not in the claim's sentence", 1),
    Case("ignored-without-number", "an ignored-number quote with no number",
         swap("  - quote: second deputy chief\n", "  - quote: deputy chief\n"),
         "quote: holds no number to ignore", 1),
    Case("draft", "a draft from `exportrow extract`", lambda t: "draft: true\n" + t,
         "this is a draft from `exportrow extract`", 1),
    # -- odd but fine
    Case("bom", "a UTF-8 byte-order mark (Windows editors write one)", lambda t: "\ufeff" + t, "OK ", 0),
    Case("crlf", "Windows line ends", lambda t: t.replace("\n", "\r\n"), "OK ", 0),
    # -- context files
    Case("ctx-ok", "the bundled context file, copied", lambda t: t, "OK ", 0, kind="context"),
    Case("ctx-unquoted-date", "an ISO date without quotes (YAML reads it as a date)",
         swap('    date: "2018-10-30"\n', "    date: 2018-10-30\n"), "OK ", 0, kind="context"),
    Case("ctx-missing-date", "an event without its date", swap('    date: "2018-10-30"\n', ""),
         "events[ctx_court_ruling].date: missing required field", 1, kind="context"),
    Case("ctx-date-form", "a date in words", swap('    date: "2018-10-30"\n', "    date: 30 Oct 2018\n"),
         "events[ctx_court_ruling].date: '30 Oct 2018' is not in the expected form", 1, kind="context"),
    Case("ctx-impossible-date", "February 30", swap('    date: "2018-10-30"\n', '    date: "2019-02-30"\n'),
         "events[ctx_court_ruling].date: not a date", 1, kind="context"),
    Case("ctx-unknown-action", "an action that is not PLOVER", swap("    action: SANCTION\n", "    action: sanction\n"),
         "events[ctx_meti_announcement].action: unknown value 'sanction'\n    fix: did you mean 'SANCTION'?", 1,
         kind="context"),
    Case("ctx-unknown-field", "`source` for `reference`", swap("    reference: Yonhap, 30 Oct 2018\n",
                                                               "    source: Yonhap\n"),
         "events[ctx_court_ruling].source: unknown field", 1, kind="context"),
    Case("ctx-source-no-link", "a source without its link",
         swap("        url: http://www.koreatimesus.com/", "        link: http://www.koreatimesus.com/"),
         "events[ctx_court_ruling].sources[0]", 1, kind="context"),
    Case("ctx-no-hash", "no article_sha256", swap("article_sha256:", "article:"),
         "ctx-no-hash.yaml: article_sha256: missing required field\n    fix: add `article_sha256:` at the top", 1,
         kind="context"),
    Case("ctx-bad-hash", "a hash that is not one", swap("article_sha256: 8111112e", "article_sha256: X111112e"),
         "article_sha256: 'X111112e", 1, kind="context"),
    Case("ctx-duplicate-id", "two events with one id",
         swap("  - id: ctx_second_ruling\n", "  - id: ctx_court_ruling\n"),
         "events[ctx_court_ruling].id: duplicate id", 1, kind="context"),
    Case("ctx-events-not-list", "events as one word", "article_sha256: " + "0" * 64 + "\nevents: none\n",
         "events: must be a list, not the text 'none'", 1, kind="context"),
    Case("ctx-side-list", "a side given as a list", swap("    side: seoul\n", "    side: [seoul]\n"),
         "events[ctx_court_ruling].side: must be text, not a list", 1, kind="context"),
    Case("ctx-alias", "an alias", swap("    side: tokyo\n", "    side: *t\n"),
         "a YAML alias (*t) is not accepted", 1, kind="context"),
    Case("ctx-empty", "an empty context file", "", "the file is empty", 1, kind="context"),
]


def materialise(case: Case, tmp_path: Path) -> Path:
    """Write the case's file (in a `context/` folder for context files) and return its path."""
    if case.file is None:
        if case.path == "folder":
            (tmp_path / "folder.yaml").mkdir()
            return tmp_path / "folder.yaml"
        return tmp_path / "missing.yaml" if case.path == "missing" else Path(case.path)
    folder = tmp_path / "context" if case.kind == "context" else tmp_path
    folder.mkdir(exist_ok=True)
    target = folder / f"{case.id}.yaml"
    content = case.file
    if callable(content):
        source = CONTEXT if case.kind == "context" else SEED
        content = content(source.read_text(encoding="utf-8"))
    if isinstance(content, str):
        target.write_bytes(content.encode("utf-8"))
    else:
        target.write_bytes(content)
    return target


def test_the_catalogue_is_big_and_well_formed():
    ids = [c.id for c in CATALOGUE]
    assert len(ids) == len(set(ids)) and len(ids) >= 35
    assert {c.kind for c in CATALOGUE} == {"annotation", "context"}
    assert sum(c.kind == "context" for c in CATALOGUE) >= 10


@pytest.mark.parametrize("case", CATALOGUE, ids=[c.id for c in CATALOGUE])
def test_bad_input_file(case, tmp_path, capsys):
    path = materialise(case, tmp_path)
    before = hashlib.sha256(path.read_bytes()).hexdigest() if path.is_file() else None
    args = ["check", str(path)] + (["--article", str(ARTICLE)] if case.kind == "annotation" else [])
    code = main(args)
    out, err = capsys.readouterr()
    assert code == case.exit, err
    assert "Traceback" not in out + err
    assert case.message in (out if case.exit == 0 else err), err
    if case.exit:
        assert err.startswith("error: ") and "problem" in err
    if before is not None:
        assert hashlib.sha256(path.read_bytes()).hexdigest() == before  # check only reads
