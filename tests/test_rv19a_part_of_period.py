"""rv19a findings 1-3: a date that is only part of wider date words ("2024" of "the first nine months of 2024", "2023"
of "the same period of 2023") is refused by `exportrow check` and never proposed by `exportrow extract`; and the
date of a saying ("said last month that it would raise the duty to 18% ... next year") is never proposed as the
period of the number it reports."""

import hashlib

import pytest

from exportrow.article import load_article
from exportrow.cli import main
from exportrow.extract import draft_annotation, propose

HEAD = "---\ntitle: Shrimp\noutlet: Andes Trade Monitor\npublished: {pub}\n---\n"
NINE = ("Ecuador shipped 41,000 tonnes of shrimp to Peru in the first nine months of 2024, according to Peru's "
        "customs agency. In 2023 it shipped 38,200 tonnes.\n")
THIS_YEAR = ("Ecuador shipped 41,000 tonnes of shrimp to Peru in the first nine months of this year, up 35% from the "
             "same period of 2023, according to figures from Peru's customs agency. In 2022 the volume was 19,500 "
             "tonnes, and in 2023 it reached 38,200 tonnes.\n")
SAID = "The ministry said last month that it would raise the duty to 18% from 6% next year.\n"


def _article(tmp_path, body, pub="2025-02-10"):
    path = tmp_path / "a.txt"
    path.write_text(HEAD.format(pub=pub) + body, encoding="utf-8")
    return path


def _check(tmp_path, capsys, body, figures="", events="", pub="2025-02-10", ignored="[]"):
    art = _article(tmp_path, body, pub)
    sha = hashlib.sha256(art.read_bytes()).hexdigest()
    ann = tmp_path / "a.yaml"
    ann.write_text(f"exportrow: 1\narticle:\n  file: a.txt\n  sha256: {sha}\nsides: [peru, ecuador]\n"
                   "actors:\n  - {id: outlet, name: Andes Trade Monitor, side: outlet, kind: outlet}\n"
                   "  - {id: customs, name: Peru's customs agency, side: peru, kind: government, "
                   "quote: Peru's customs agency}\n"
                   f"figures:\n{figures or '  []'}\nevents:\n{events or '  []'}\nclaims: []\n"
                   f"ignored_numbers: {ignored}\n", encoding="utf-8")
    code = main(["check", str(ann)])
    out = capsys.readouterr()
    return code, out.out + out.err


def _figure(fid, value, period, quote, tense="past"):
    return (f"  - {{id: {fid}, quantity: imports, value: {value}, unit: tonnes, period: \"{period}\", tense: {tense}, "
            f"actor: customs, quote: \"{quote}\"}}\n")


NINE_IGNORED = "[{quote: the first nine months, reason: part of the period words}]"


@pytest.mark.parametrize("words, period", [
    ("the first nine months of 2024", "2024"),
    ("the first three quarters of 2024", "2024"),
    ("the first 10 months of 2024", "2024"),
    ("the last three months of 2024", "2024"),
])
def test_check_refuses_a_year_cut_out_of_a_part_of_it(tmp_path, capsys, words, period):
    body = f"Ecuador shipped 41,000 tonnes of shrimp to Peru in {words}, according to Peru's customs agency.\n"
    code, out = _check(tmp_path, capsys, body, _figure("imports_part", 41000, period, f"41,000 tonnes of shrimp to "
                                                                                      f"Peru in {words}"),
                       ignored=f"[{{quote: \"{words}\", reason: part of the period words}}]")
    assert code == 1
    assert (f"a.yaml: figures[imports_part].period: '{period}' is only part of the date expression '{words}' in its "
            "sentence, which exportrow cannot resolve: it names only part of that period, and '2024' alone would date "
            "the number by more than that part") in out
    assert "fix: leave out `period:` and give the period in words in `note:`; or date it by words the resolver reads" \
        in out


def test_the_refusal_names_a_span_the_resolver_reads(tmp_path, capsys):
    code, out = _check(tmp_path, capsys, NINE, _figure("imports_9m", 41000, "2024", NINE.split(", according")[0]),
                       ignored=NINE_IGNORED)
    assert code == 1
    assert "such as 'from January to September 2024' or 'the nine months to September'" in out


def test_this_year_cut_out_of_the_first_nine_months_is_refused(tmp_path, capsys):
    quote = "Ecuador shipped 41,000 tonnes of shrimp to Peru in the first nine months of this year"
    code, out = _check(tmp_path, capsys, THIS_YEAR, _figure("imports_2024", 41000, "this year", quote),
                       pub="2024-11-14", ignored="[{quote: the first nine months, reason: period words}, "
                                                 "{quote: 'up 35% from the same period of 2023', reason: a change}, "
                                                 "{quote: 19500 tonnes, reason: x}]".replace("19500", "19,500"))
    assert ("figures[imports_2024].period: 'this year' is only part of the date expression 'the first nine months of "
            "this year' in its sentence, which exportrow cannot resolve") in out


def test_check_refuses_an_event_dated_by_the_year_of_the_same_period(tmp_path, capsys):
    event = ("  - {id: same_period_2023, actor: customs, action: OTHER, description: imports a year before, "
             "expression: \"2023\", quote: \"from the same period of 2023\"}\n")
    code, out = _check(tmp_path, capsys, THIS_YEAR, events=event, pub="2024-11-14")
    assert ("a.yaml: events[same_period_2023].expression: '2023' is only part of the date expression 'the same period "
            "of 2023' in its sentence, which exportrow cannot resolve: those words are dated by another date in the "
            "text, and exportrow does not chain dates") in out
    assert "fix: leave out `expression:` and give the date in words in `note:` (the event is then listed as undated)" \
        in out


def test_the_whole_of_a_readable_part_still_passes(tmp_path, capsys):
    body = "Ecuador shipped 41,000 tonnes of shrimp to Peru in the nine months to September, up from 30,000, " \
        "according to Peru's customs agency.\n"
    code, out = _check(tmp_path, capsys, body, _figure("imports_9m", 41000, "the nine months to September",
                                                       "41,000 tonnes of shrimp to Peru in the nine months to "
                                                       "September"), pub="2024-11-14",
                       ignored="[{quote: 'up from 30,000', reason: base}]")
    assert code == 0, out
    # and the first half of a year, which the resolver reads, still asks for the whole words
    body = "Ecuador shipped 41,000 tonnes of shrimp to Peru in the first half of 2024, Peru's customs agency said.\n"
    code, out = _check(tmp_path, capsys, body, _figure("imports_h1", 41000, "2024", "41,000 tonnes of shrimp to Peru "
                                                       "in the first half of 2024"), pub="2024-11-14")
    assert "fix: date it by the whole expression: `period: the first half of 2024`" in out


def _figures(path):
    return {f.mention.value: (f.period, f.period_note) for f in propose(load_article(path)).figures}


def test_extract_proposes_no_year_cut_out_of_a_part_of_it(tmp_path):
    props = propose(load_article(_article(tmp_path, NINE)))
    periods = {f.mention.value: (f.period, f.period_note) for f in props.figures}
    assert periods[41000][0] is None
    assert periods[41000][1].startswith("'2024' is only part of 'the first nine months of 2024', which exportrow "
                                        "cannot resolve (it names only part of a period)")
    assert periods[38200] == ("2023", "")
    assert 9 not in periods  # "nine" of the date words is no figure
    assert [(m.text, why) for m, _, why in props.ignored] == [
        (w, "part of the date words 'the first nine months of 2024', which exportrow cannot resolve (left out)")
        for w in ("first", "nine", "2024")]
    draft = draft_annotation(load_article(_article(tmp_path, NINE)))
    assert 'period: "2024"' not in draft and 'expression: "2024"\n' not in draft
    assert '    # expression: "2024"   # left out: \'2024\' is only part of \'the first nine months of 2024\'' in draft
    assert '    note: TODO            # the date in words, e.g. "the first nine months of 2024"' in draft


def test_extract_does_not_propose_the_year_of_the_same_period_as_an_event(tmp_path):
    art = load_article(_article(tmp_path, THIS_YEAR, "2024-11-14"))
    props = propose(art)
    dated = [(d.text, d.part_of) for d in props.dates]
    assert [t for t, _ in dated] == ["this year", "2023", "2022", "2023"]
    assert dated[0][1].startswith("'this year' is only part of 'the first nine months of this year', which exportrow "
                                  "cannot resolve (it names only part of a period)")
    assert dated[1][1].startswith("'2023' is only part of 'the same period of 2023', which exportrow cannot resolve "
                                  "(it hangs on another date)")
    assert dated[2][1] == dated[3][1] == ""
    periods = {f.mention.value: f.period for f in props.figures}
    assert periods == {41000: None, 35: None, 19500: "2022", 38200: "2023"}
    draft = draft_annotation(art)
    assert 'expression: "2023"\n    # resolves to 2023 (year)' in draft  # only "in 2023 it reached 38,200 tonnes"
    assert draft.count('expression: "2023"') == 2  # that one and the commented one of "the same period of 2023"
    assert '    # expression: "2023"   # left out: \'2023\' is only part of \'the same period of 2023\'' in draft


def test_extract_never_gives_the_date_of_the_saying_to_the_number_it_reports(tmp_path):
    body = SAID + "The ministry said last month that exports fell 5% this year.\n" \
        "The agency said last month that it had seized 120 tonnes.\n"
    periods = _figures(_article(tmp_path, body, "2024-11-14"))
    assert periods[18] == ("next year", "a guess: 'next year' stands right after another number, '6', which it dates")
    assert periods[6] == ("next year", "")
    assert periods[5] == ("this year", "")
    assert periods[120][0] is None
    assert periods[120][1] == ("'last month' dates the saying ('said last month'), not the number it reports; write "
                               "`period: last month` only if it dates this number too")
    draft = draft_annotation(load_article(_article(tmp_path, body, "2024-11-14")))
    assert 'period: "last month"' not in draft
    assert draft.count('expression: "last month"') == 3  # the saying itself stays an event


def test_a_noun_before_a_date_is_no_saying(tmp_path):
    body = "Reports in 2023 showed that exports fell 4%. The ministry said 2024 exports rose 7%.\n"
    periods = _figures(_article(tmp_path, body, "2024-11-14"))
    assert periods[4] == ("2023", "") and periods[7] == ("2024", "")
