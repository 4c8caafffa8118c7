"""The statement checks: one function per kind, thresholds from one table, hard cases."""

import subprocess
import sys

import pandas as pd
import pytest

from exportrow import paths
from exportrow.checks import RULES, check_one, rules_markdown, rules_table, word_rules_markdown


def figs(**values):
    """A figures table: name=(value, months, basis), one period a year from 2010 (12 months each by default).

    The first named is the latest, as statements list them (``figures: [later, earlier]``).
    """
    rows = []
    for i, (name, spec) in enumerate(values.items()):
        value, months, basis = (spec + (12, "stated"))[:3] if isinstance(spec, tuple) else (spec, 12, "stated")
        start = pd.Timestamp(f"{2010 + len(values) - 1 - i}-01-01")
        end = start + pd.DateOffset(months=12 if pd.isna(months) else months)
        rows.append({"figure_id": name, "value": value, "unit": "cases", "months": months, "basis": basis,
                     "period_start": start, "period_end": end})
    return pd.DataFrame(rows).set_index("figure_id")


def check(kind, wording, table, ids="new;old", source="article"):
    st = pd.Series({"statement_id": "x", "check": kind, "figures": ids, "wording": wording,
                    "wording_source": source, "quote": wording})
    return check_one(st, table)


@pytest.mark.parametrize("new,old,words,verdict", [
    (10, 4, "more than doubled", "supported"),
    (8, 4, "more than doubled", "not_supported"),   # exactly doubled is not more than doubled
    (8, 4, "doubled", "supported"),
    (7, 4, "doubled", "approximate"),               # 1.75x: within 25% of 2
    (5, 4, "doubled", "not_supported"),
    (7, 4, "nearly doubled", "supported"),
    (12, 4, "tripled", "supported"),
    (3, 10, "more than halved", "supported"),       # 10 -> 3: the earlier is 3.3 times the later
    (8, 10, "more than halved", "not_supported"),   # 10 -> 8 is a fall of a fifth
    (5, 10, "halved", "supported"),
    (12, 10, "halved", "not_supported"),            # a rise is never halving
    (4, 8, "doubled", "not_supported"),             # a fall is never doubling
])
def test_growth_factors_up_and_down(new, old, words, verdict):
    assert check("growth_factor", f"the number {words}", figs(new=new, old=old))[1] == verdict


def test_non_whole_values_are_not_truncated():
    value, verdict, _, why = check("growth_factor", "more than doubled", figs(new=2.5, old=1.2))
    assert value == "2.5 / 1.2 = 2.08x" and verdict == "supported"  # int() would have read 2 / 1
    assert "2.08 times" in why


def test_zero_and_missing_values_cannot_be_checked():
    value, verdict, _, why = check("growth_factor", "doubled", figs(new=5, old=0))
    assert verdict == "cannot_check" and "undefined" in why and "inf" not in value
    _, verdict, _, why = check("growth_factor", "doubled", figs(new=5, old=pd.NA))
    assert verdict == "cannot_check" and "old has no value" in why
    _, verdict, _, why = check("rate_change", "a surge", figs(new=5, old=(0, 12)))
    assert verdict == "cannot_check" and "from zero has no percentage" in why
    _, verdict, _, _ = check("rate_change", "cases rose", figs(new=5, old=(0, 12)))
    assert verdict == "supported"  # any rise: from zero is a rise
    _, verdict, _, why = check("rate_change", "a surge", figs(new=(5, pd.NA), old=4))
    assert verdict == "cannot_check" and "no months" in why
    _, verdict, _, why = check("growth_factor", "doubled", figs(new=5), ids="new;gone")
    assert verdict == "cannot_check" and "gone" in why


@pytest.mark.parametrize("new,old,words,verdict", [
    (15, 10, "a surge", "supported"),         # +50%: the threshold itself
    (14, 10, "a surge", "not_supported"),     # +40%
    (11, 10, "cases soared", "not_supported"),
    (11, 10, "cases rose", "supported"),      # any rise
    (10, 10, "an increase", "not_supported"),
    (6, 9, "a plunge", "supported"),          # a fall of exactly a third
    (7, 9, "a slump", "not_supported"),       # a fall of 22%
    (12, 9, "a plunge", "not_supported"),     # a rise is no plunge
    (8, 9, "cases fell", "supported"),
])
def test_vague_words_get_verdicts_only_against_the_table(new, old, words, verdict):
    assert check("rate_change", words, figs(new=new, old=old))[1] == verdict


def test_rates_compare_periods_of_unequal_length():
    # 30 in 15 months (2 a month) against 12 in 12 months (1 a month): +100%
    value, verdict, threshold, _ = check("rate_change", "a jump", figs(new=(30, 15), old=(12, 12)))
    assert value == "2.00 vs 1.00 cases a month (+100%)" and verdict == "supported"
    assert threshold == "'jump': a rise of at least 50% in the rate per month"


def test_a_verdict_on_a_derived_figure_is_at_most_approximate():
    value, verdict, _, why = check("rate_change", "a surge", figs(new=(30, 12, "derived"), old=(10, 12)))
    assert verdict == "approximate" and "at most approximate" in why and "derived" in why


def test_a_word_outside_the_table_gets_no_verdict():
    _, verdict, _, why = check("rate_change", "a remarkable record", figs(new=20, old=10))
    assert verdict == "cannot_check" and "surge" in why


def test_period_length_and_wording_from_elsewhere():
    t = figs(total=(156, 51))
    value, verdict, _, why = check("period_length", "four years", t, ids="total", source="other outlets")
    assert value == "51 months (4 years and 3 months)" and verdict == "approximate"
    assert "wording from elsewhere" in why and "3 months short" in why
    assert check("period_length", "two years", t, ids="total")[1] == "not_supported"
    assert check("period_length", "4.25 years", t, ids="total")[1] == "supported"


def test_parts_within_a_total():
    t = figs(total=(100, 48), a=10, b=20)
    t.loc["total", ["period_start", "period_end"]] = [pd.Timestamp("2010-01-01"), pd.Timestamp("2014-01-01")]
    value, verdict, _, _ = check("parts_within_total", "x", t, ids="total;a;b")
    assert value == "10 + 20 = 30 of 100; 70 left" and verdict == "supported"
    t.loc["a", "value"] = 95
    assert check("parts_within_total", "x", t, ids="total;a;b")[1] == "not_supported"


def test_one_table_of_thresholds_shown_in_the_docs():
    t = rules_table().set_index("word")
    assert t.loc["surge", "rule"].endswith("at least 50% in the rate per month")
    assert t.loc["plunge", "rule"].endswith("at least a third in the rate per month")
    assert {r.words[0] for r in RULES} >= {"surge", "soar", "jump", "rise", "increase", "plunge", "slump"}
    teaching = (paths.PROJECT_ROOT / "docs" / "teaching.md").read_text(encoding="utf-8")
    assert rules_markdown() in teaching


def bounded(**values):
    """A figures table like :func:`figs`, with a qualifier per figure: name=(value, qualifier)."""
    table = figs(**{k: v[0] for k, v in values.items()})
    table["qualifier"] = [v[1] for v in values.values()]
    return table


@pytest.mark.parametrize("new,old,words,verdict", [
    ((10, "lower_bound"), (4, None), "more than doubled", "approximate"),  # at least 2.5x: holds for every value
    ((8, "lower_bound"), (4, None), "doubled", "cannot_check"),            # 2x or far more: the bound decides
    ((12, "upper_bound"), (4, None), "tripled", "cannot_check"),           # up to 3x, maybe far less
    ((5, "upper_bound"), (4, None), "doubled", "not_supported"),           # at most 1.25x: never doubling
    ((10, "approximate"), (4, None), "more than doubled", "approximate"),  # about 10: at most approximate
    ((8, None), (4, "lower_bound"), "doubled", "cannot_check"),            # the earlier could be larger
    ((9, None), (4, "upper_bound"), "more than doubled", "approximate"),   # the earlier at most 4: above 2.25x
])
def test_a_bounded_figure_gives_at_most_approximate_or_cannot_check(new, old, words, verdict):
    got = check("growth_factor", f"the number {words}", bounded(new=new, old=old))
    assert got[1] == verdict, got
    if verdict == "cannot_check":
        assert "the bound decides it" in got[3] and "only as a bound" in got[3]
    elif verdict == "approximate":
        assert "at most approximate" in got[3]


def test_a_bounded_total_and_its_parts():
    def table(total, a, b):
        t = bounded(total=total, a=a, b=b)
        t["period_start"] = pd.to_datetime(["2010-01-01", "2010-01-01", "2011-01-01"])
        t["period_end"] = pd.to_datetime(["2013-01-01", "2011-01-01", "2012-01-01"])
        return t

    # "over 150" in all, 14 and 22 stated: at least 114 are left, whatever the total is
    got = check("parts_within_total", "x", table((150, "lower_bound"), (14, None), (22, None)), ids="total;a;b")
    assert got[1] == "approximate" and "at least 150" in got[3]
    # "up to 100" in all, with parts of 60 and 30: the total may be smaller than its parts
    got = check("parts_within_total", "x", table((100, "upper_bound"), (60, None), (30, None)), ids="total;a;b")
    assert got[1] == "cannot_check" and "the bound decides it" in got[3]


def test_a_bounded_rate():
    table = bounded(new=(30, "lower_bound"), old=(12, None))  # 2.5 a month or more, against 1 a month
    assert check("rate_change", "cases surged", table)[1] == "approximate"
    table = bounded(new=(14, "lower_bound"), old=(12, None))  # +17% or far more: a surge or not
    assert check("rate_change", "cases surged", table)[1] == "cannot_check"
    table = bounded(new=(6, "upper_bound"), old=(12, None))  # at most half the rate: a fall for sure
    assert check("rate_change", "cases rose", table)[1] == "not_supported"


# --- review 5, findings 1 and 4: negation and modifiers around the threshold word ---------------------------------

@pytest.mark.parametrize("kind,words,new,old,negation,word", [
    ("rate_change", "Crossings did not fall", 60, 100, "not", "fall"),          # old code: supported
    ("growth_factor", "The number never halved", 60, 100, "never", "halved"),   # old code: approximate
    ("growth_factor", "The number did not double", 190, 100, "not", "double"),  # old code: supported
    ("growth_factor", "Exports failed to double", 200, 100, "failed to", "double"),
    ("rate_change", "Prices are no longer rising", 20, 10, "no longer", "rising"),
    ("rate_change", "Crossings didn\u2019t rise", 20, 10, "didn't", "rise"),
    ("rate_change", "Crossings hardly rose", 19, 10, "hardly", "rose"),
    ("rate_change", "Crossings hardly declined", 60, 100, "hardly", "declined"),
    ("growth_factor", "The number has not yet doubled", 20, 10, "not", "doubled"),
])
def test_a_negated_threshold_word_never_gets_the_bare_words_verdict(kind, words, new, old, negation, word):
    value, verdict, _, why = check(kind, words, figs(new=new, old=old))
    assert verdict == "cannot_check"
    assert why == (f"'{negation}' negates '{word}' in {words!r}; the check judges only the bare word '{word}', so it "
                   "gives no verdict on a negated one")
    assert value  # the numbers are still shown


@pytest.mark.parametrize("kind,words,modifier,word", [
    ("rate_change", "crossings had fallen sharply", "sharply", "fallen"),
    ("rate_change", "Crossings rose slightly", "slightly", "rose"),
    ("rate_change", "Crossings barely rose", "barely", "rose"),
    ("rate_change", "Traffic rose sharply", "sharply", "rose"),
    ("rate_change", "a steep decline in crossings", "steep", "decline"),
    ("rate_change", "cases rose only modestly", "modestly", "rose"),
    ("growth_factor", "The number dramatically doubled", "dramatically", "doubled"),
    ("rate_change", "Seizures increased significantly", "significantly", "increased"),
    ("rate_change", "Crossings fell, a sharp drop", "sharp", "fell"),
    ("rate_change", "Crossings rose by only a little", "little", "rose"),
    ("rate_change", "Crossings rose, but only slightly", "slightly", "rose"),
])
def test_an_intensifier_or_hedge_without_a_threshold_gets_no_verdict(kind, words, modifier, word):
    new, old = (60, 100) if word in ("fallen", "decline", "fell") else (190, 100)
    _, verdict, _, why = check(kind, words, figs(new=new, old=old))
    assert verdict == "cannot_check"
    assert why.startswith(f"'{modifier}' has no stated threshold; the check judges only the bare word '{word}'")
    assert f"no verdict on {words!r} as a whole" in why


@pytest.mark.parametrize("kind,words,new,old,verdict", [
    ("growth_factor", "The number more than doubled to 48 in 2017", 48, 22, "supported"),
    ("growth_factor", "The number more than doubled to nearly 48 in 2017", 48, 22, "supported"),  # nearly 48: a number
    ("growth_factor", "Crossings nearly doubled", 190, 100, "supported"),
    ("rate_change", "the recent surge in busts", 48, 22, "supported"),
    ("rate_change", "Crossings rose by 90% in 2024", 190, 100, "supported"),
    ("rate_change", "Crossings rose roughly 90% in 2024", 190, 100, "supported"),  # 'roughly' qualifies the number
    ("rate_change", "Crossings fell; a sharp debate followed", 60, 100, "supported"),  # another sentence part
])
def test_table_phrases_and_far_words_keep_their_verdicts(kind, words, new, old, verdict):
    assert check(kind, words, figs(new=new, old=old))[1] == verdict


def test_an_explanation_quotes_the_articles_words_and_the_phrase_they_were_read_as():
    _, verdict, threshold, why = check("growth_factor", "Crossings almost doubled", figs(new=190, old=100))
    assert verdict == "supported"
    assert why.startswith("'almost doubled' (read as 'nearly doubled') needs a factor from 1.5 up to 2;")
    assert threshold.startswith("'almost doubled' (read as 'nearly doubled'): a factor from 1.5 up to 2")
    _, _, _, why = check("growth_factor", "Crossings nearly doubled", figs(new=190, old=100))
    assert why.startswith("'nearly doubled' needs")
    _, verdict, _, why = check("growth_factor", "it at least doubled", figs(new=210, old=100))
    assert verdict == "supported" and why.startswith("'at least doubled' needs a factor of 2 or more;")


def test_at_least_doubled_is_met_by_exactly_twice_as_many():
    """'at least doubled' was read as 'more than doubled' (a factor above 2): 100 to 200 got not_supported."""
    _, verdict, threshold, why = check("growth_factor", "Crossings at least doubled", figs(new=200, old=100))
    assert (verdict, threshold) == ("supported", "'at least doubled': a factor of 2 or more")
    assert check("growth_factor", "Crossings more than doubled", figs(new=200, old=100))[1] == "not_supported"
    assert check("growth_factor", "Crossings at least doubled", figs(new=199, old=100))[1] == "not_supported"


def test_the_rule_for_negations_and_modifiers_is_documented():
    teaching = (paths.PROJECT_ROOT / "docs" / "teaching.md").read_text(encoding="utf-8")
    assert word_rules_markdown() in teaching
    assert '"sharply"' in word_rules_markdown() and '"failed to"' in word_rules_markdown()


def test_check_warns_about_negated_and_modified_statements(tmp_path):
    src = tmp_path / "n.txt"
    src.write_text("---\ntitle: Numbers test\noutlet: Riverside Courier\npublished: 2025-03-14\n---\n"
                   "The ministry said 100 lorries crossed in 2023 and 60 in 2024.\n\n"
                   "Crossings did not fall, the ministry said. Crossings had fallen sharply, critics said. "
                   "Crossings fell, a mayor said.\n", encoding="utf-8")
    import hashlib

    sha = hashlib.sha256(src.read_bytes()).hexdigest()
    (tmp_path / "n.yaml").write_text(f"""exportrow: 1
article:
  file: n.txt
  sha256: {sha}
sides: [a, b]
actors:
  - {{id: outlet, name: Riverside Courier, side: outlet, kind: outlet}}
  - {{id: min, name: The ministry, side: a, kind: ministry, quote: The ministry}}
figures:
  - {{id: f23, quantity: lorries, value: 100, unit: lorries, period: "2023", actor: min,
      quote: 100 lorries crossed in 2023}}
  - {{id: f24, quantity: lorries, value: 60, unit: lorries, period: "2024", actor: min, quote: 60 in 2024}}
statements:
  - {{id: s1, check: rate_change, figures: [f24, f23], quote: Crossings did not fall}}
  - {{id: s2, check: rate_change, figures: [f24, f23], quote: Crossings had fallen sharply}}
  - {{id: s3, check: rate_change, figures: [f24, f23], quote: Crossings fell}}
ignored_numbers: []
""", encoding="utf-8")
    r = subprocess.run([sys.executable, "-m", "exportrow.cli", "check", str(tmp_path / "n.yaml")],
                       capture_output=True, text=True, cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    warnings = [ln for ln in r.stderr.splitlines() if ln.startswith("warning:")]
    assert warnings == [
        "warning: " + str(tmp_path / "n.yaml") + ": statements[s1].quote: 'not' negates 'fall' in 'Crossings did not "
        "fall': the check judges only the bare word 'fall', so this statement gets cannot_check",
        "warning: " + str(tmp_path / "n.yaml") + ": statements[s2].quote: 'sharply' has no stated threshold: the check "
        "judges only the bare word 'fallen', so this statement gets cannot_check",
    ]
    assert "fix: drop the statement: the quote is the article's own words, and a negated word" in r.stderr
    assert ("fix: to check 'fallen' alone, quote fewer words of the article, e.g. 'Crossings had fallen', and say in "
            "`note:` that 'sharply' is not judged; or drop the statement") in r.stderr
    assert "rephrase" not in r.stderr
    import exportrow
    from exportrow.stats import check_statements, statements

    a = exportrow.load_article(src)
    t = statements(a, tmp_path / "n.yaml").pipe(check_statements, exportrow.figures(a, tmp_path / "n.yaml"))
    assert t.set_index("statement_id")["verdict"].to_dict() == {
        "s1": "cannot_check", "s2": "cannot_check", "s3": "supported"}


# Review 6, finding 1: "less than", "yet to", "nobody" deny the word; a forecast is not a past value.
@pytest.mark.parametrize("kind,words,new,old,negation,word", [
    ("growth_factor", "Crossings less than doubled", 205, 100, "less than", "doubled"),  # old code: supported
    ("growth_factor", "Crossings have yet to double", 205, 100, "yet to", "double"),  # old code: supported
    ("growth_factor", "Crossings at most doubled", 205, 100, "at most", "doubled"),
    ("growth_factor", "Crossings far from doubled", 205, 100, "far from", "doubled"),
    ("growth_factor", "Lorries fewer than doubled", 205, 100, "fewer than", "doubled"),
    ("rate_change", "Nobody expected crossings to fall", 205, 100, "nobody", "fall"),  # old code: not_supported
    ("rate_change", "None of the crossings rose", 205, 100, "none", "rose"),
])
def test_less_than_and_yet_to_deny_the_word(kind, words, new, old, negation, word):
    _, verdict, _, why = check(kind, words, figs(new=new, old=old))
    assert verdict == "cannot_check"
    assert why.startswith(f"'{negation}' negates '{word}' in {words!r}")


@pytest.mark.parametrize("words,forecast", [
    ("Crossings are expected to double", "expected to double"),  # old code: supported
    ("Crossings are set to double", "set to double"),
    ("Crossings are likely to double", "likely to double"),
    ("Crossings would double under the plan", "would double"),
    ("Crossings may double", "may double"),
    ("Crossings might double", "might double"),
    ("Crossings could double", "could double"),
    ("Crossings will double", "will double"),
    ("Crossings are forecast to double", "forecast to double"),
    ("Crossings are projected to double", "projected to double"),
    ("Officials plan to double crossings", "plan to double"),
])
def test_a_forecast_gets_no_verdict(words, forecast):
    _, verdict, _, why = check("growth_factor", words, figs(new=205, old=100))
    assert verdict == "cannot_check"
    assert why == (f"'{forecast}' in {words!r} is a forecast or possibility: the figures are past values, so the "
                   "check gives no verdict on it")


def test_may_the_month_is_not_a_forecast():
    assert check("growth_factor", "In May crossings doubled", figs(new=205, old=100))[1] == "supported"
    assert check("growth_factor", "Crossings since May doubled", figs(new=205, old=100))[1] == "supported"


# Review 6, finding 2: the search stays in the word's clause; number words and other phrases are not the word's.
@pytest.mark.parametrize("kind,words,new,old,verdict", [
    ("rate_change", "Not surprisingly, crossings rose", 205, 100, "supported"),  # old code: cannot_check, 'not'
    ("rate_change", "Exports rose, but a strong yen hurt", 205, 100, "supported"),  # 'strong' is the yen's
    ("rate_change", "Officials did not comment, but crossings rose", 205, 100, "supported"),
    ("rate_change", "Though imports did not change, exports rose", 205, 100, "supported"),
    ("growth_factor", "Despite no new funding, crossings doubled", 205, 100, "supported"),
    ("rate_change", "No wonder exports fell", 60, 100, "supported"),
    ("growth_factor", "Exports not only doubled but tripled", 205, 100, "cannot_check"),  # at least doubled: no rule
    ("rate_change", "Crossings rose by almost half", 145, 100, "supported"),  # old code: 'almost' modified
    ("rate_change", "Crossings plunged by nearly a third", 66, 100, "supported"),
    ("rate_change", "Crossings rose nearly forty per cent", 139, 100, "supported"),
    ("rate_change", "Exports rose despite a strong yen", 205, 100, "supported"),
    ("rate_change", "Exports fell after a huge storm", 60, 100, "supported"),
    ("growth_factor", "Exports doubled in nearly every region", 205, 100, "supported"),
    ("rate_change", "Exports fell nearly every month", 60, 100, "supported"),
    ("growth_factor", "Crossings roughly doubled", 205, 100, "supported"),  # old code: cannot_check
    ("growth_factor", "Crossings approximately doubled", 205, 100, "supported"),
    ("growth_factor", "Crossings about doubled", 205, 100, "supported"),
    ("growth_factor", "Crossings around doubled", 300, 100, "not_supported"),
    ("growth_factor", "The number has not yet doubled", 205, 100, "cannot_check"),  # 'yet' here is no conjunction
])
def test_the_search_stays_in_the_words_clause(kind, words, new, old, verdict):
    _, got, _, why = check(kind, words, figs(new=new, old=old))
    assert got == verdict, why


def test_about_words_are_quoted_in_the_explanation():
    _, _, threshold, why = check("growth_factor", "Crossings roughly doubled", figs(new=205, old=100))
    assert threshold.startswith("'roughly doubled' (read as 'doubled'): a factor of 2")
    assert why.startswith("'roughly doubled' (read as 'doubled') means about 2 times; ")


def test_a_denied_modifier_is_not_reported_as_said():
    _, verdict, _, why = check("rate_change", "Crossings rose, though not sharply", figs(new=205, old=100))
    assert verdict == "cannot_check"
    assert why.startswith("'not sharply' has no stated threshold; the check judges only the bare word 'rose'")


def test_warnings_suggest_fewer_words_not_rewording(tmp_path):
    import exportrow
    from exportrow.annotations.model import Annotation
    from exportrow.annotations.wording import wording_warnings

    ann = Annotation(tmp_path / "a.yaml", exportrow.load_article())
    ann.statements = [{"_label": f"statements[s{i}]", "check": c, "span": None, "compare_with": t} for i, (c, t) in
                      enumerate([("rate_change", "Crossings rose, though not sharply"),
                                  ("growth_factor", "Crossings are expected to double"),
                                  ("growth_factor", "Crossings less than doubled"),
                                  ("rate_change", "Not surprisingly, crossings rose")])]
    found = [(p.message, p.fix) for p in wording_warnings(ann)]
    assert found == [
        ("'not sharply' has no stated threshold: the check judges only the bare word 'rose', so this statement gets "
         "cannot_check", "to check 'rose' alone, quote fewer words of the article, e.g. 'Crossings rose', and say in "
         "`note:` that 'not sharply' is not judged; or drop the statement"),
        ("'expected to double' in 'Crossings are expected to double' is a forecast or possibility: the figures are "
         "past values, so this statement gets cannot_check", "drop the statement: the quote is the article's own "
         "words, and a forecast has no threshold in the table (docs/teaching.md, \"Thresholds for vague words\")"),
        ("'less than' negates 'doubled' in 'Crossings less than doubled': the check judges only the bare word "
         "'doubled', so this statement gets cannot_check", "drop the statement: the quote is the article's own "
         "words, and a negated word has no threshold in the table (docs/teaching.md, \"Thresholds for vague words\")"),
    ]


@pytest.mark.parametrize("words,negation", [
    ("Exports had never before doubled", "never"),  # 'before' here is an adverb, not a clause's end
    ("Crossings have not yet doubled", "not"),
    ("Crossings did not, after all, double", "not"),  # an aside between commas does not end the clause
    ("Crossings will, officials say, double", "will"),
    ("Officials did not comment, but crossings doubled", None),
])
def test_adverbs_do_not_end_the_clause(words, negation):
    from exportrow.checks import unjudged_words

    found = unjudged_words(words, "growth_factor")
    assert (found[1] if found else None) == negation
