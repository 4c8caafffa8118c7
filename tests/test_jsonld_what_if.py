"""Notebook 03's claims.jsonld under a what-if `published`: the article keeps its own date and says what-if; the
claims keep the dates the what-if resolves (review 11, item 2)."""

from __future__ import annotations

import exportrow
from exportrow.framing import claims_jsonld


def _doc(art):
    events = exportrow.events(art)
    # a claim dated by "last week" (the bundled annotation dates none since rev16c #6: its one claim-stating event,
    # the curbs citing a breach of trust, is undated), so that the what-if has a relative date to move
    events.loc[events.event_id == "curbs_implemented", "claim"] = "jp_not_enough"
    return claims_jsonld(exportrow.claims(art), exportrow.actors(art), art, events)


def test_a_what_if_date_is_not_the_articles_date_published():
    real, what_if = exportrow.load_article(), exportrow.load_article(published="2019-07-19")
    news, was = _doc(what_if)["@graph"][0], _doc(real)["@graph"][0]
    assert news["datePublished"] == was["datePublished"] == "2019-07-12T07:30:00+09:00"
    assert news["description"] == "What-if: dates resolved as if published 19 Jul 2019 (parameter published)."
    assert "description" not in was


def test_the_claims_keep_the_dates_the_what_if_resolves():
    def dates(art):
        return {c["@id"].rsplit(":", 1)[1]: c.get("datePublished") or c.get("temporalCoverage")
                for c in _doc(art)["@graph"][1:]}
    real, what_if = dates(exportrow.load_article()), dates(exportrow.load_article(published="2019-07-19"))
    assert real["jp_not_enough"] == "2019-07-01/2019-07-07"  # "last week" read from 12 July
    assert what_if["jp_not_enough"] == "2019-07-08/2019-07-14"  # read from the what-if 19 July


def test_the_same_day_is_no_what_if():
    news = _doc(exportrow.load_article(published="2019-07-12"))["@graph"][0]
    assert "description" not in news and news["datePublished"].startswith("2019-07-12")
