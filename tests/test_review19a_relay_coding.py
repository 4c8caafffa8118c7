"""Review 19a, finding 4: an unnamed relay ("reportedly", "allegedly", "according to reports", "was said to") is the
coding guide's ``anonymous_source``. extract guessed ``unattributed`` for "Ecuadorian exporters reportedly fear
losing ...", check was silent about such a coding, and notebook 03's answer sheet then gave, under "The annotation's
coding", ``anonymous_source`` where the annotation holds ``unattributed``."""

from __future__ import annotations

import shutil

from test_handout import page_for, split

import exportrow
from exportrow.annotations import load_annotation
from exportrow.article import load_article
from exportrow.extract import draft_annotation
from exportrow.paths import PROJECT_ROOT

RELAY = PROJECT_ROOT / "tests" / "fixtures" / "review18" / "relay-2025-11-02-fishing-rules"

ARTICLE = """---
title: Peru and Ecuador trade blows over shrimp duties
outlet: Andes Trade Monitor
published: 2024-11-14
language: en
---
Ecuadorian exporters reportedly fear losing as much as $90 million in sales next year.

The minister allegedly ordered the inspections himself.

The two governments were said to be close to a deal in October.

Peru's exporters said the duty was fair.

The duty is widely seen as a bargaining chip.
"""


def _claims(draft: str) -> list[tuple[str, str]]:
    """(attribution, cue) of each claim in a draft, in order."""
    part = draft[draft.index("\nclaims:"):]
    attributions = [line.split("attribution: ")[1].split()[0] for line in part.splitlines()
                    if line.strip().startswith("attribution: ")]
    cues = [line.split("cue: ")[1].split("  #")[0].strip('"') for line in part.splitlines()
            if line.strip().startswith("cue: ")]
    return list(zip(attributions, cues))


def test_extract_guesses_anonymous_source_for_every_unnamed_relay(tmp_path):
    art = tmp_path / "andes-2024-11-14-shrimp.txt"
    art.write_text(ARTICLE, encoding="utf-8")
    assert _claims(draft_annotation(load_article(art))) == [
        ("anonymous_source", "reportedly"), ("anonymous_source", "allegedly"), ("anonymous_source", "were said to"),
        ("indirect", "said"), ("unattributed", "widely seen as")]


def test_extract_reads_according_to_reports_as_a_relay_not_according_to():
    assert ("anonymous_source", "according to reports") in _claims(
        draft_annotation(load_article(RELAY.with_suffix(".txt"))))


def _relay_coded_unattributed(tmp_path):
    for suffix in (".txt", ".yaml"):
        shutil.copy(RELAY.with_suffix(suffix), tmp_path / RELAY.with_suffix(suffix).name)
    yaml = tmp_path / RELAY.with_suffix(".yaml").name
    text = yaml.read_text(encoding="utf-8")
    coded = "    attribution: anonymous_source\n    cue: according to reports\n"
    assert coded in text
    yaml.write_text(text.replace(coded, "    attribution: unattributed\n    cue: according to reports\n"),
                    encoding="utf-8")
    return load_annotation(yaml, load_article(tmp_path / RELAY.with_suffix(".txt").name))


def test_check_warns_about_a_relay_coded_unattributed(tmp_path):
    ann = _relay_coded_unattributed(tmp_path)
    relay = [str(w) for w in ann.warnings if "unnamed relay" in str(w)]
    assert len(relay) == 1
    assert relay[0].startswith(f"{ann.path}: claims[will_sue].attribution: coded unattributed, but its cue 'according "
                               "to reports' is an unnamed relay: ")
    assert "which the coding guide codes anonymous_source" in relay[0]
    assert "\n    fix: code it `attribution: anonymous_source`" in relay[0]


def test_check_is_silent_about_the_relay_coded_as_the_coding_guide_says():
    ann = load_annotation(RELAY.with_suffix(".yaml"), load_article(RELAY.with_suffix(".txt")))
    assert not [w for w in ann.warnings if "unnamed relay" in str(w)]


def test_the_answer_sheet_states_the_coding_the_annotation_holds_first(tmp_path):
    ann = _relay_coded_unattributed(tmp_path)
    claims = exportrow.claims(ann.article, ann.path)
    assert claims.set_index("claim_id").attribution["will_sue"] == "unattributed"
    _, after = split(page_for("03-framing-comparison", ann, charts=False))
    row = after[after.index("attribution type"):after.index("reporting verb or hedge")]
    assert row == ("attribution type unattributed; the worksheet’s definitions and the coding guide give "
                   "anonymous_source: “according to reports”: the article does not say who relayed these words to "
                   "it (the coding guide’s unnamed relay) (exportrow check warns about it) ")
