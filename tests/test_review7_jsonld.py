"""Review 7, finding 15: claims.jsonld dates the article as precisely as the article does: a date-only article gets
a date, not a midnight time; a time keeps its offset when the time zone is known."""

from __future__ import annotations

from pathlib import Path

import pytest

import exportrow
from exportrow.framing import claims_jsonld

FIXTURES = Path(__file__).parent / "fixtures"


def _published(path: Path, **options) -> str:
    art = exportrow.load_article(path, **options)  # its annotation is the .yaml beside it
    doc = claims_jsonld(exportrow.claims(art), exportrow.actors(art), art, exportrow.events(art))
    return doc["@graph"][0]["datePublished"]


@pytest.mark.parametrize("path, options, expected", [
    (FIXTURES / "review5-teacher" / "harbour-bridge.txt", {"published": "2025-03-14"}, "2025-03-14"),
    (FIXTURES / "harbor-bridge" / "harbor-bridge.txt", {}, "2023-10-19T09:00:00+02:00"),
    (FIXTURES / "example-gazette-2021-03-03-freedonia-sylvania-fishing.txt", {}, "2021-03-03T09:15:00"),
])
def test_date_published_has_the_articles_precision(path, options, expected):
    assert _published(path, **options) == expected


def test_a_date_only_article_gets_no_midnight(tmp_path):
    art = exportrow.load_article().with_published("2026-04-16")
    doc = claims_jsonld(exportrow.claims(art), exportrow.actors(art), art)
    assert doc["@graph"][0]["datePublished"] == "2019-07-12T07:30:00+09:00"  # a what-if date keeps the article's own
    assert "T00:00:00" not in str(doc)
