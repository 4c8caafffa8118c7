"""Review 13a, finding 6: ``exportrow extract`` proposes date words from outside a number's own clause only with the
"a guess" comment docs/annotating.md promises: after "and that", after another number that the date follows, and
in a clause of its own after a comma."""

from __future__ import annotations

import re

from exportrow import cli

ARTICLE = """---
title: EU steelmakers cheer plan to halve import quotas
outlet: Reuters
published: 2025-10-13T15:42:00+02:00
---
The Commission unveiled the proposal last Tuesday. It would reduce the annual tariff-free quota to 18.3 million \
tonnes from 34.6 million tonnes this year and apply a 50% tariff to volumes above it, up from 25% under the current \
safeguard, which expires at the end of June 2026.

“This is the moment Europe decides,” said Katrin Vollmer. She said imports had surged to 30.4 million tonnes in \
2024 from 25.1 million tonnes in 2023, while mills were running at about 65% of capacity.

Carmakers fear higher costs. The European Automobile Manufacturers’ Association (ACEA) said steel made up about 10% \
of the cost of an average car and that prices for hot-rolled coil had already risen 8% since July.

In 2024, the port handled 278 million tonnes of cargo.
"""


def _periods(tmp_path) -> dict[str, tuple[str | None, str]]:
    """Each drafted figure's written number -> (proposed period, the comment after it)."""
    art = tmp_path / "steel.txt"
    art.write_text(ARTICLE, encoding="utf-8")
    assert cli.main(["extract", str(art), "--out", str(tmp_path / "draft.yaml")]) == 0
    out, written = {}, None
    for line in (tmp_path / "draft.yaml").read_text(encoding="utf-8").splitlines():
        m = re.match(r"    value: \S+\s+# written '([^']+)'", line)
        if m:
            written = m.group(1)
            out[written] = (None, "")
        m = re.match(r'    period: "([^"]+)"\s+# (.*)', line)
        if m and written:
            out[written] = (m.group(1), m.group(2))
    return out


def test_date_words_of_another_clause_or_number_come_only_as_a_guess(tmp_path):
    p = _periods(tmp_path)
    # "and that" opens another reported clause: 'since July' dates the 8%, not the 10%
    assert p["10"] == ("since July", "TODO: a guess: 'since July' dates another number in another clause of this "
                                     "sentence; keep it only if it dates this number too")
    assert p["8"] == ("since July", "TODO: keep only if it dates this number")
    # 'this year' follows 34.6 million tonnes: the 18.3 million and the 50% tariff get it only as a guess
    guess = ("TODO: a guess: 'this year' stands right after another number, '34.6 million', which it dates; keep it "
             "only if it dates this number too")
    assert p["18.3 million"] == ("this year", guess)
    assert p["50"] == ("this year", guess)
    assert p["34.6 million"] == ("this year", "TODO: keep only if it dates this number")
    # a clause after a comma that follows another number ("..., which expires at the end of June 2026")
    assert p["25"] == ("the end of June 2026", "TODO: a guess: 'the end of June 2026' stands in another clause of "
                                               "this sentence; keep it only if it dates this number too")
    assert p["65"][1].startswith("TODO: a guess: '2023' dates another number in another clause")
    # each number's own date stays a plain proposal
    assert p["30.4 million"] == ("2024", "TODO: keep only if it dates this number")
    assert p["25.1 million"] == ("2023", "TODO: keep only if it dates this number")
    # a date standing alone before the comma dates the whole sentence
    assert p["278 million"] == ("2024", "TODO: keep only if it dates this number")
