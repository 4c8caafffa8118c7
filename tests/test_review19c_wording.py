"""Review 19c, findings 5, 6(b), 7 and 9: the bundled annotation and the docs say no more than the article does.

Each test quotes the article's own words (found in the raw text), then checks what the annotation, the tables or the
docs make of them.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import exportrow

ROOT = Path(__file__).resolve().parents[1]


def flat(text: str) -> str:
    """Text with every run of white space as one space (Markdown and YAML wrap lines anywhere)."""
    return re.sub(r"\s+", " ", text)


@pytest.fixture(scope="module")
def art():
    return exportrow.load_article()


@pytest.fixture(scope="module")
def ann(art):
    return exportrow.load_annotation(None, art)


def test_surge_is_the_articles_paraphrase_of_seoul_not_seouls_word(art, ann):
    """Finding 5: 'surge' stands in the article's indirect speech, not in a quote of Seoul."""
    assert art.find("Seoul views the recent surge in busts as a sign of a successful crackdown")
    claim = exportrow.claims(art).set_index("claim_id").loc["kr_successful_crackdown"]
    assert (claim.actor, claim.attribution, claim.cue) == ("kr_gov", "indirect", "views")

    teaching = flat((ROOT / "docs" / "teaching.md").read_text(encoding="utf-8"))
    assert "Seoul speaks of" not in teaching
    assert ('4. The article reports Seoul\'s view in its own paraphrase: "Seoul views the recent surge in busts as a '
            'sign of a successful crackdown". Seoul is not quoted: whose word is "surge"?') in teaching

    readme = flat((ROOT / "README.md").read_text(encoding="utf-8"))
    assert 'Seoul\'s "recent surge"' not in readme
    assert '"recent surge" (the article\'s words, in its paraphrase of Seoul\'s view) is supported for 2016' in readme

    notes = {s["id"]: flat(s.get("note", "")) for s in ann.statements}
    assert "Seoul's word, as the article reports it" not in notes["recent_surge"]
    assert notes["recent_surge"].startswith("The article's own words, in its paraphrase of Seoul's view")
    assert 'Seoul is not quoted saying "surge"' in notes["recent_surge"]


def test_three_curbed_materials_are_the_outlets_count_like_its_paragraph(art, ann):
    """Finding 6(b): the sentence with 'three chipmaking materials' is in the outlet's voice and names no one."""
    assert art.find("The export restrictions that took effect July 4 put South Korea back on a contract-by-contract "
                    "basis for three chipmaking materials.")
    figs = exportrow.figures(art).set_index("figure_id")
    assert (int(figs.loc["curbed_materials", "value"]), figs.loc["curbed_materials", "actor"],
            figs.loc["curbed_materials", "side"]) == (3, "nar", "outlet")
    # the same paragraph's claim is the outlet's too
    claim = exportrow.claims(art).set_index("claim_id").loc["outlet_screening_rules"]
    assert (claim.actor, claim.side, claim.attribution) == ("nar", "outlet", "unattributed")
    (entry,) = [f for f in ann.figures if f["id"] == "curbed_materials"]
    assert "Re-coded from jp_gov (Tokyo)" in flat(entry["note"])
    committed = (ROOT / "data" / "processed" / "figures.csv").read_text(encoding="utf-8")
    assert "curbed_materials,materials_under_curbs,3,,materials,count,,,,,,stated,,,nar,outlet," in committed


def test_moon_and_the_tokyo_meeting_keep_to_the_articles_words(art):
    """Finding 7: 'as president', 'South Korea's president' and 'since the curbs' were the annotator's words."""
    assert art.find("The number more than doubled to 48 in 2017, the year Moon took office.")
    assert art.find("Export officials from both sides meet in Tokyo on Friday for their first sit-down since Japan "
                    "announced the export curbs.")
    assert "president" not in art.raw.lower()  # the article never names Moon's office
    actors = exportrow.actors(art).set_index("actor_id")
    events = exportrow.events(art).set_index("event_id")
    assert actors.loc["moon", "name"] == "Moon (the article gives only the surname)"
    assert events.loc["moon_takes_office", "description"] == "Moon takes office (the article gives the year only)"
    assert events.loc["tokyo_meeting", "description"] == (
        "Export officials of both sides meet in Tokyo, their first sit-down since Japan announced the export curbs")
    # the meeting counts from the announcement; the curbs taking effect is an event of its own, a different day
    assert (events.loc["curbs_take_effect", "timex"], events.loc["tokyo_meeting", "timex"]) == ("2019-07-04",
                                                                                                "2019-07-12")
    for table in ("actors.csv", "events.csv"):
        committed = (ROOT / "data" / "processed" / table).read_text(encoding="utf-8")
        assert "president" not in committed and "since the curbs" not in committed, table
    for name in ("02-claim-timeline", "03-framing-comparison"):
        nb = (ROOT / "notebooks" / f"{name}.ipynb").read_text(encoding="utf-8")
        assert "as president" not in nb and "South Korea's president" not in nb and "since the curbs" not in nb, name


def test_annotations_readme_names_the_projects_files_for_the_coders_names():
    """Finding 9: the coder's FORMAT.md, coding-guide.md and article.txt are not files of this project."""
    folder = ROOT / "data" / "annotations"
    text = (folder / "README.md").read_text(encoding="utf-8")
    coders_names = {"FORMAT.md", "coding-guide.md", "article.txt"}
    rows = {line.split(" | ")[0].strip("| `\""): line for line in text.splitlines() if line.startswith("| ")}
    assert {"FORMAT.md", "the FORMAT.md checker", "coding-guide.md", "article.txt"} <= set(rows)
    assert "`docs/annotating.md`" in rows["FORMAT.md"]
    assert "`exportrow check`" in rows["the FORMAT.md checker"]
    assert "`exportrow/coding-guide.md`" in rows["coding-guide.md"]
    raw = "data/raw/nikkei-asian-review-2019-07-12-south-korea-japan-row-export-details.txt"
    assert f"`{raw}`" in rows["article.txt"]
    # every other file the README names in backticks is a file of the project
    named = {n for n in re.findall(r"`([^`\s]+\.(?:md|txt|yaml|csv))`", text) if "<" not in n}
    for name in sorted(named - coders_names):
        assert (ROOT / name).exists() or (folder / name).exists(), name
    for name in coders_names:
        assert not (ROOT / name).exists() and not (folder / name).exists(), name
    # the coding's sha256 is the bundled article's
    coding = (folder / "nikkei-asian-review-2019-07-12-south-korea-japan-row-export-details.coder-b.yaml")
    assert exportrow.load_article(ROOT / raw).sha256 in coding.read_text(encoding="utf-8")
