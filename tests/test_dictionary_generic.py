"""Review 11b, finding 7: the data dictionary describes `side` for any article (the schema's enum carries this
article's values), and says when months, per_month and precision are empty."""

from __future__ import annotations

from pathlib import Path

from exportrow import load_article
from exportrow.export import datapackage
from exportrow.tables import all_tables

FIXTURE = Path(__file__).parent / "fixtures" / "example-gazette-2021-03-03-freedonia-sylvania-fishing.yaml"


def _fields(package: dict, table: str) -> dict[str, dict]:
    res = next(r for r in package["resources"] if r["name"] == table)
    return {f["name"]: f for f in res["schema"]["fields"]}


def test_side_descriptions_name_no_bundled_side():
    art = load_article(FIXTURE.with_suffix(".txt"))
    package = datapackage(all_tables(art, FIXTURE))
    for table in ("actors", "figures", "claims", "events"):
        side = _fields(package, table)["side"]
        text = side["description"]
        assert "seoul" not in text and "tokyo" not in text and "washington" not in text
        assert "one of the annotation's `sides:` ids, or outlet (the outlet's own voice) or other" in text
    assert _fields(package, "actors")["side"]["constraints"]["enum"] == ["freedonia", "sylvania", "outlet", "other"]


def test_empty_value_rules():
    fields = _fields(datapackage(all_tables()), "figures")
    assert "empty for a figure without a period" in fields["precision"]["description"]
    assert "a period that is not a run of whole months (period_since:" in fields["months"]["description"]
    assert ("empty for a level, a length of time (a unit such as days or hours, taken as a duration) and wherever "
            "months is empty") in fields["per_month"]["description"]
