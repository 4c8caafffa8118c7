"""Review 14 (rv14a finding 4): a comparison base or a fronted date phrase is no "period from another clause"."""

import hashlib

import exportrow
from exportrow.annotations import load_annotation

PORT = """---
title: Port volumes
outlet: Riverside Courier
published: 2025-02-03
---
Last year, as Red Sea attacks diverted ships, container volumes rose 4.5% from 2023, while bulk cargo fell 7%. \
Container volumes at the Tata Steel port fell 5% in September, the port authority said last month. \
Exports were 4% higher than in 2023, the ministry said last month. \
The terminal has handled 12 ships since July, its operator said last month. \
Cargo reached 278 million tonnes in 2024, the harbour board said, up 2% on 2023.
"""


def _warnings(tmp_path, fid, value, period, quote):
    art = tmp_path / "a.txt"
    art.write_text(PORT, encoding="utf-8")
    sha = hashlib.sha256(art.read_bytes()).hexdigest()
    ann = tmp_path / "a.yaml"
    ann.write_text(f"exportrow: 1\narticle:\n  file: a.txt\n  sha256: {sha}\nsides: [port, other]\n"
                   "actors:\n  - {id: outlet, name: Riverside Courier, side: outlet, kind: outlet}\n"
                   "  - {id: port, name: port authority, side: port, kind: organisation, quote: the port authority}\n"
                   f"figures:\n  - {{id: {fid}, quantity: volume, value: {value}, unit: percent, period: \"{period}\", "
                   f"actor: port, tense: past, quote: \"{quote}\"}}\nclaims: []\nevents: []\nignored_numbers: []\n",
                   encoding="utf-8")
    a = load_annotation(ann, exportrow.load_article(art))
    return [(w.entry, w.message) for w in a.warnings if w.field == "period"]


def test_a_fronted_date_and_a_base_after_from_raise_no_warning(tmp_path):
    assert _warnings(tmp_path, "growth", 4.5, "Last year",
                     "Last year, as Red Sea attacks diverted ships, container volumes rose 4.5% from 2023") == []


def test_a_base_after_than_is_no_date_of_the_numbers_own(tmp_path):
    assert _warnings(tmp_path, "exports", 4, "last month",
                     "Exports were 4% higher than in 2023, the ministry said last month") == []


def test_a_date_of_the_numbers_own_clause_still_warns(tmp_path):  # rv13a finding 5 stays
    warned = _warnings(tmp_path, "fall", 5, "last month",
                       "Container volumes at the Tata Steel port fell 5% in September, the port authority said last "
                       "month")
    assert len(warned) == 1 and warned[0][0] == "figures[fall]"
    assert "own date words, 'September'; exportrow extract proposes `period: September`" in warned[0][1]


def test_since_without_a_change_starts_a_period_and_still_warns(tmp_path):
    warned = _warnings(tmp_path, "ships", 12, "last month",
                       "The terminal has handled 12 ships since July, its operator said last month")
    assert len(warned) == 1 and "own date words, 'since July'" in warned[0][1]


def test_a_base_after_on_over_or_above_a_year_is_no_date_of_the_numbers_own(tmp_path):
    """Review 15, finding 2: "up 2% on 2023" (wire style) was read as the 2% dated 2023."""
    assert _warnings(tmp_path, "cargo_change", 2, "2024",
                     "Cargo reached 278 million tonnes in 2024, the harbour board said, up 2% on 2023") == []
