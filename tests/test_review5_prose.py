"""Review 5, low findings: prose that fits any article, empty tables explained by their true reason, one number
format, and a teaching guide that matches the notebooks."""

import json

import exportrow
from exportrow import framing
from exportrow import timeline as tl
from exportrow.notebook import citation
from exportrow.paths import PROJECT_ROOT

EMPTY = PROJECT_ROOT / "tests" / "fixtures" / "empty" / "quiet.txt"


def cells(name: str) -> list[str]:
    nb = json.loads((PROJECT_ROOT / "notebooks" / name).read_text(encoding="utf-8"))
    return ["".join(c["source"]) for c in nb["cells"]]


def test_teaching_guide_switches_measure_away_from_its_default_and_places_the_exercise():
    guide = (PROJECT_ROOT / "docs" / "teaching.md").read_text(encoding="utf-8")
    nb01 = cells("01-enforcement-statistics.ipynb")
    assert 'measure: str = "per_month"' in next(c for c in nb01 if c.startswith("article_path"))
    assert 'set `measure = "per_month"` and re-run' not in guide and "switch to `per_month`" not in guide
    assert 'set `measure = "count"` and re-run' in guide
    exercise = next(i for i, c in enumerate(nb01) if c.startswith("## Exercise"))
    assert exercise < len(nb01) - 5 and "last cell" not in guide


def test_notebook_04_exercise_names_your_annotation_not_the_bundled_folder():
    exercise = next(c for c in cells("04-coding-reliability.ipynb") if c.startswith("## Exercise"))
    assert "data/annotations" not in exercise
    assert "your annotation file, the one `annotation_path` names" in exercise
