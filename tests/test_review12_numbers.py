"""Review 12, numbers: a fraction before a scale word is one scaled number ("half a million" is 500,000, never 0.5);
"first-half" is no fraction; "rose a third from" is one; a fraction as its exact per cent ("half" as 50); "80m
people" and "4.5pc" can be recorded."""

from exportrow.numbers import find_numbers

BODY = ("The ministry said half a million tonnes of grain left the port in 2024. Exports reached one and a half "
        "million tonnes in the first half of 2025, the ministry said. Some two and a half billion dollars and half a "
        "billion dollars went elsewhere, and a quarter of a million tonnes stayed.\n\n"
        "First-half profit at Delta Shipping fell, and the firm said second-half sales would recover.\n\n"
        "Halfway through the year, freight costs rose a third from a quarter earlier. Fees fell by a quarter, the "
        "port cut a fifth of its staff and half of its staff left in 2024; a tenth of the cranes were idle.\n\n"
        "The regulator said 80m people used mobile money in 2024, and growth was 4.5pc in 2024; US$ 80m was spent, "
        "on a 5m wall.\n")


def _load(tmp_path, figures: str):
    """The annotation (or its problems as (entry, field, message, fix)) of ``figures`` on the article ``BODY``."""
    from exportrow import load_article
    from exportrow.annotations import load_annotation
    from exportrow.annotations.model import AnnotationError

    txt = tmp_path / "harbour.txt"
    txt.write_text("---\ntitle: Harbour exporters report results\noutlet: Riverside Courier\npublished: 2025-08-20\n"
                   "---\n" + BODY, encoding="utf-8")
    art = load_article(txt)
    ann = tmp_path / "harbour.yaml"
    ann.write_text(f"exportrow: 1\narticle:\n  file: {txt.name}\n  sha256: {art.sha256}\nsides: [a, b]\n"
                   "actors:\n  - {id: min, name: The ministry, side: a, kind: ministry, quote: The ministry}\n"
                   "figures:\n" + figures, encoding="utf-8")
    try:
        return load_annotation(ann, art)
    except AnnotationError as err:
        return [(p.entry, p.field, p.message, p.fix) for p in err.problems]


def _figure(fid: str, value, quote: str, unit: str = "tonnes") -> str:
    return (f"  - {{id: {fid}, quantity: {fid}, kind: level, value: {value}, unit: {unit}, actor: min, "
            f"quote: \"{quote}\"}}\n")


# H1 ---------------------------------------------------------------------------------------------------------------

SCALED = {"half a million people": [("half a million", 500_000)],
          "a quarter of a million": [("a quarter of a million", 250_000)],
          "one and a half million": [("one and a half million", 1_500_000)],
          "two and a half billion": [("two and a half billion", 2_500_000_000)],
          "half a billion dollars": [("half a billion", 500_000_000)],
          "two-thirds of a billion": [("two-thirds of a billion", 666_666_667)],
          "a half-million, half-million, a half million": [
              ("a half-million", 500_000), ("half-million", 500_000), ("a half million", 500_000)],
          "2 and a half million; half a dozen": [("2 and a half million", 2_500_000), ("half a dozen", 6)],
          "the half a million refugees": [("half a million", 500_000)]}


def test_a_fraction_before_a_scale_word_is_one_scaled_number():
    assert {t: [(m.text, m.value) for m in find_numbers(t)] for t in SCALED} == SCALED
    assert [m.form for m in find_numbers("half a million and a third of a million")] == ["words", "words"]
    assert [m.value for m in find_numbers("half a million and a third of a million")] == [500_000, 333_333]


def test_check_takes_half_a_million_as_500000_and_never_proposes_half(tmp_path):
    ann = _load(tmp_path, _figure("half", 500000, "half a million tonnes of grain left the port in 2024")
                + _figure("h1", 1500000, "one and a half million tonnes") + _figure(
                    "bn", 2500000000, "two and a half billion dollars", "US dollars")
                + _figure("hbn", 500000000, "half a billion dollars", "US dollars")
                + _figure("q", 250000, "a quarter of a million tonnes stayed"))
    assert [(f["id"], f["value_span"].text) for f in ann.figures] == [
        ("half", "half a million"), ("h1", "one and a half million"), ("bn", "two and a half billion"),
        ("hbn", "half a billion"), ("q", "a quarter of a million")]
    problems = _load(tmp_path, _figure("half", 0.5, "half a million tonnes of grain left the port in 2024")
                     + _figure("h1", 1.5, "one and a half million tonnes"))
    assert problems == [
        ("figures[half]", "value", "0.5 does not appear in the quote as digits or words (numbers there: half a "
         "million, 2024)", "the quote has 'half a million': write `value: 500000` (a scale word is part of the "
         "number, and so is a fraction before it)"),
        ("figures[h1]", "value", "1.5 does not appear in the quote as digits or words (numbers there: one and a "
         "half million)", "the quote has 'one and a half million': write `value: 1500000` (a scale word is part of "
         "the number, and so is a fraction before it)")]


def test_extract_proposes_the_scaled_values(tmp_path):
    from exportrow.article import load_article
    from exportrow.extract import propose

    txt = tmp_path / "harbour.txt"
    txt.write_text("---\ntitle: Harbour\npublished: 2025-08-20\n---\n" + BODY.split("\n\n")[0] + "\n",
                   encoding="utf-8")
    assert [(f.mention.text, f.mention.value) for f in propose(load_article(txt)).figures] == [
        ("half a million", 500_000), ("one and a half million", 1_500_000),
        ("two and a half billion", 2_500_000_000), ("half a billion", 500_000_000),
        ("a quarter of a million", 250_000)]


# M1 ---------------------------------------------------------------------------------------------------------------

def test_first_half_and_second_half_are_periods_not_fractions():
    text = "First-half profit fell, second-half sales, a third-quarter loss, first-quarter profit, half-time"
    assert [(m.text, m.value, m.form) for m in find_numbers(text)] == [
        ("First", 1, "ordinal"), ("second", 2, "ordinal"), ("third", 3, "ordinal"), ("first", 1, "ordinal")]
    assert [(m.text, m.value) for m in find_numbers("half of its staff; one-half; the second half of 2024")] == [
        ("half", 0.5), ("one-half", 0.5), ("second", 2), ("2024", 2024)]


def test_check_does_not_count_first_half_as_an_unannotated_half(tmp_path):
    ann = _load(tmp_path, _figure("half", 500000, "half a million tonnes of grain left the port in 2024"))
    uncovered = [t for _, _, t in ann.uncovered_numbers()]
    assert "half" in uncovered  # "half of its staff" in the third paragraph
    assert uncovered.count("half") == 1 and "First" in uncovered and "second" in uncovered


# M8 ---------------------------------------------------------------------------------------------------------------

def test_a_fraction_written_as_its_exact_per_cent_is_accepted(tmp_path):
    ann = _load(tmp_path, _figure("left", 50, "half of its staff left in 2024", "per cent")
                + _figure("cut", 20, "cut a fifth of its staff", "per cent")
                + _figure("idle", 10, "a tenth of the cranes were idle", "per cent")
                + _figure("fees", 25, "Fees fell by a quarter", "per cent")
                + _figure("freight", 33, "freight costs rose a third", "per cent"))
    assert [(f["id"], f["value_span"].text) for f in ann.figures] == [
        ("left", "half"), ("cut", "a fifth"), ("idle", "a tenth"), ("fees", "a quarter"), ("freight", "a third")]
    problems = _load(tmp_path, _figure("left", 5, "half of its staff left in 2024", "per cent")
                     + _figure("freight", 30, "freight costs rose a third", "per cent"))
    assert problems == [
        ("figures[left]", "value", "5 does not appear in the quote as digits or words (numbers there: half, 2024)",
         "the quote has 'half', a fraction: write `value: 0.5`, or `value: 50` with `unit: per cent`"),
        ("figures[freight]", "value", "30 does not appear in the quote as digits or words (numbers there: a third)",
         "the quote has 'a third', a fraction: write `value: 0.33`, or `value: 33.3` with `unit: per cent`")]


# M2 ---------------------------------------------------------------------------------------------------------------

CHANGES = {"rose a third from a quarter earlier": [("a third", 0.3333, "fraction")],
           "fell by a quarter in 2024": [("a quarter", 0.25, "fraction"), ("2024", 2024, "digits")],
           "the port cut a fifth last year": [("a fifth", 0.2, "fraction")],
           "a third from a year earlier": [("a third", 0.3333, "fraction")],
           "down a fifth since 2020": [("a fifth", 0.2, "fraction"), ("2020", 2020, "digits")],
           "sales rose a quarter from a year earlier": [("a quarter", 0.25, "fraction")],
           "up a tenth year-on-year": [("a tenth", 0.1, "fraction")],
           # a rank stays a rank
           "fell a third straight month": [("third", 3, "ordinal")],
           "rose a third time": [("third", 3, "ordinal")],
           "won a third in a row": [("third", 3, "ordinal")],
           "a third term": [("third", 3, "ordinal")],
           "profit in a quarter in which sales fell": []}


def test_a_verb_of_change_or_a_preposition_after_makes_a_fraction():
    assert {t: [(m.text, m.value, m.form) for m in find_numbers(t)] for t in CHANGES} == CHANGES


def test_check_takes_rose_a_third_as_a_third(tmp_path):
    ann = _load(tmp_path, _figure("fr", 0.3333, "freight costs rose a third from a quarter earlier", "share"))
    assert [(f["id"], f["value_span"].text) for f in ann.figures] == [("fr", "a third")]
    problems = _load(tmp_path, _figure("fr", 3, "freight costs rose a third from a quarter earlier", "share"))
    assert problems == [("figures[fr]", "value", "3 does not appear in the quote as digits or words (numbers there: "
                         "a third)", "the quote has 'a third', a fraction: write `value: 0.33`, or `value: 33.3` with "
                         "`unit: per cent`")]


# M5 ---------------------------------------------------------------------------------------------------------------

def test_pc_after_digits_and_a_spaced_currency_symbol_are_read():
    assert [(m.text, m.value) for m in find_numbers("growth was 4.5pc in 2024; 10pc; US$ 80m; £ 400m; 1.4bn people")] \
        == [("4.5pc", 4.5), ("2024", 2024), ("10pc", 10), ("80m", 80_000_000), ("400m", 400_000_000),
            ("1.4bn", 1_400_000_000)]
    assert find_numbers("80m people; a 5m wall") == []  # metres or million: still no number in the coverage count


def test_check_takes_80m_people_as_80_million_and_a_5m_wall_as_5_metres(tmp_path):
    ann = _load(tmp_path, _figure("users", 80000000, "80m people used mobile money in 2024", "people")
                + _figure("g", 4.5, "growth was 4.5pc in 2024", "per cent")
                + _figure("spent", 80000000, "US$ 80m was spent", "US dollars")
                + _figure("wall", 5, "a 5m wall", "metres"))
    assert [(f["id"], f["value"], f["value_span"].text) for f in ann.figures] == [
        ("users", 80_000_000, "80m"), ("g", 4.5, "4.5pc"), ("spent", 80_000_000, "80m"), ("wall", 5, "5m")]
    uncovered = [t for _, _, t in ann.uncovered_numbers()]
    assert "4.5pc" not in uncovered and "2024" in uncovered and not any(t.endswith("m") for t in uncovered)
    problems = _load(tmp_path, _figure("users", 8000000, "80m people used mobile money in 2024", "people"))
    assert problems == [
        ("figures[users]", "value", "8000000 does not appear in the quote as digits or words (numbers there: 80m, "
         "2024)", "the quote has '80m', which may be 80 million or 80 metres: write `value: 80000000` for million, "
         "or `value: 80` with `unit: metres`")]
