import json
import re

import pandas as pd
import pytest
from conftest import outputs_text

import exportrow
from exportrow import framing, paths
from exportrow.annotations import FRAMES, load_annotation


@pytest.fixture(scope="module")
def claims():
    return exportrow.claims()


def test_every_claim_has_side_attribution_cue_frame(claims):
    assert len(claims) == 24
    assert claims[["side", "attribution", "cue", "frame"]].notna().all().all()
    outlet = claims[claims.side == "outlet"].set_index("claim_id")
    assert {"outlet_retaliation", "outlet_relations_low"} <= set(outlet.index)
    assert (outlet.attribution == "unattributed").all()
    assert outlet.loc["outlet_retaliation", "cue"] == "widely seen as"


def test_voice_share(claims):
    v = claims.pipe(framing.voice_share).set_index("side")
    assert v.loc["seoul", "claims"] == 12 and v.loc["tokyo", "claims"] == 4 and v.loc["washington", "claims"] == 1
    assert v.loc["seoul", "words"] == 171 and v.loc["tokyo", "words"] == 49
    assert abs(float(v.claim_share.sum()) - 1) < 0.01


def test_attribution_mix_keeps_attribution_and_quote_form(claims):
    m = claims.pipe(framing.attribution_mix, ["seoul", "tokyo"]).set_index(["side", "attribution", "quote_form"])
    n = m.claims
    assert n[("seoul", "indirect", "paraphrase")] == 12 and n[("tokyo", "indirect", "paraphrase")] == 3
    assert n[("tokyo", "anonymous_source", "direct_quote")] == 1  # the article's one direct quote stays visible
    assert n[("seoul", "direct_quote", "direct_quote")] == 0 and n.loc["seoul"].sum() == 12
    w = claims.pipe(framing.attribution_mix, ["washington"]).set_index(["attribution", "quote_form"]).claims
    assert w[("anonymous_source", "paraphrase")] == 1  # "reportedly": an unnamed relay


def test_frame_counts_primary_and_both(claims):
    p = claims.pipe(framing.frame_counts, ["seoul", "tokyo"]).set_index(["side", "frame_code"]).claims
    assert p[("seoul", 7)] == 4 and p[("tokyo", 6)] == 3
    b = claims.pipe(framing.frame_counts, ["seoul", "tokyo"], frame_column="both").set_index(["side", "frame_code"])
    assert b.claims[("tokyo", 2)] == 2 and p[("tokyo", 2)] == 0
    with pytest.raises(ValueError):
        claims.pipe(framing.frame_counts, frame_column="tertiary")


def test_claim_pairs_pair_charges_with_rebuttals(claims):
    p = claims.pipe(framing.claim_pairs, ["seoul", "tokyo"])
    answered = p[p.rebuttal_id.notna()]
    pairs = set(zip(answered.charge_id, answered.rebuttal_id))
    assert ("jp_no_monitoring", "kr_rejects_lax") in pairs
    assert ("kr_156_cases", "jp_not_enough") in pairs
    assert ("jp_breach_of_trust", "kr_no_basis") in pairs
    assert ("jp_breach_of_trust", "kr_few_companies") not in pairs  # no reply presented (coding guide, Answers)
    assert (answered.charge_side != answered.rebuttal_side).all()
    assert p.rebuttal_id.isna().iloc[-1]  # unanswered charges come last


def _listed(pairs: pd.DataFrame, sides: list[str]) -> list[str]:
    """Each listing of a claim of ``sides`` in the pairs table: once per pair it rebuts, and once as a charge."""
    charges = pairs.drop_duplicates("charge_id")
    return ([r for r, s in zip(pairs.rebuttal_id, pairs.rebuttal_side) if pd.notna(r) and s in sides]
            + [c for c, s in zip(charges.charge_id, charges.charge_side) if s in sides])


def test_claim_pairs_keep_a_claim_that_answers_the_outlet(claims):
    # rv19c finding 1: kr_no_sarin answers the outlet's sarin sentence; it was left out of the Seoul-Tokyo table
    p = claims.pipe(framing.claim_pairs, ["seoul", "tokyo"])
    row = p[p.rebuttal_id == "kr_no_sarin"]
    assert row[["charge_id", "charge_side", "rebuttal_side"]].values.tolist() == [["outlet_sarin", "outlet", "seoul"]]
    assert row.rebuttal.iloc[0].startswith("High-grade etching gas imported from Japan cannot be used for sarin")
    listed = _listed(p, ["seoul", "tokyo"])
    assert sorted(listed) == sorted(claims[claims.side.isin(["seoul", "tokyo"])].claim_id)  # each exactly once
    # the pairs between the two sides come first, the reply to the outlet next, the unanswered charges last
    assert p.rebuttal_side.isna().tolist() == [False] * 6 + [True] * 7
    assert p.charge_side.tolist()[:6] == ["tokyo"] * 4 + ["seoul", "outlet"]


def test_claim_pairs_keep_every_seoul_claim_when_seoul_meets_washington(claims):
    # the teaching guide's what-if: Seoul's rebuttals of Tokyo (outside the comparison) were dropped, 7 of 12 left
    p = claims.pipe(framing.claim_pairs, ["seoul", "washington"])
    seoul = claims[claims.side == "seoul"].claim_id
    assert len(seoul) == 12
    assert sorted(_listed(p, ["seoul"])) == sorted(seoul)
    assert _listed(p, ["washington"]) == ["us_understanding"]
    crossing = set(zip(p.charge_id, p.rebuttal_id))
    assert {("jp_no_monitoring", "kr_interceptions"), ("jp_no_monitoring", "kr_rejects_lax"),
            ("jp_no_monitoring", "kr_japan_falls_short"), ("jp_breach_of_trust", "kr_no_basis"),
            ("outlet_sarin", "kr_no_sarin"), ("kr_156_cases", "jp_not_enough")} <= crossing
    # every pair has a side outside the comparison: no rebuttal between Seoul and Washington
    answered = p[p.rebuttal_id.notna()]
    assert len(answered) == 6
    pair = ["seoul", "washington"]
    assert (~answered.charge_side.isin(pair) | ~answered.rebuttal_side.isin(pair)).all()
    assert framing.summary(claims, "seoul", "washington")[2:] == [
        "The article gives **Seoul** no rebuttal to Washington's claims.",
        "The article gives **Washington** no rebuttal to Seoul's claims."]


def test_claim_pairs_give_each_claims_cue(claims):
    # rv19c finding 2: "Tokyo's charge of lax controls" is what Seoul rejects; without its cue it read as Tokyo's claim
    p = claims.pipe(framing.claim_pairs, ["seoul", "tokyo"])
    assert p.columns.tolist() == ["charge_id", "charge_side", "charge_cue", "charge", "rebuttal_id", "rebuttal_side",
                                  "rebuttal_cue", "rebuttal"]
    by_rebuttal = p.set_index("rebuttal_id")
    assert by_rebuttal.loc["kr_rejects_lax", ["rebuttal_cue", "rebuttal"]].tolist() == [
        "rejects", "Tokyo\u2019s charge of lax controls"]
    assert by_rebuttal.loc["kr_rejects_lax", ["charge_cue", "charge"]].tolist() == [
        "claim", "South Korea lacks a proper monitoring regime"]
    assert by_rebuttal.loc["kr_japan_falls_short", "rebuttal_cue"] == "sees"
    assert by_rebuttal.loc["kr_no_sarin", ["charge_cue", "rebuttal_cue"]].tolist() == ["can also be used", "says"]
    unanswered = p[p.rebuttal_id.isna()].set_index("charge_id")
    assert unanswered.loc["jp_question_screening", "charge_cue"] == "question"
    assert unanswered.rebuttal_cue.isna().all()
    cue = claims.set_index("claim_id").cue  # every cue is the claim's own, on both sides of the table
    assert (p.charge_cue == cue.loc[p.charge_id].to_numpy()).all()
    answered = p[p.rebuttal_id.notna()]
    assert (answered.rebuttal_cue == cue.loc[answered.rebuttal_id].to_numpy()).all()


def test_notebook_03_shows_the_cue_beside_each_rebuttal():
    from test_escape import cells_of

    nb = json.loads((paths.PROJECT_ROOT / "notebooks" / "03-framing-comparison.ipynb").read_text(encoding="utf-8"))
    cell = next(c for c in nb["cells"] if "framing.claim_pairs" in "".join(c["source"]))
    cells = cells_of("".join(cell["outputs"][0]["data"]["text/html"]))
    head = cells[:8]
    assert head == ["charge_id", "charge_side", "charge_cue", "charge", "rebuttal_id", "rebuttal_side",
                    "rebuttal_cue", "rebuttal"]
    rows = [cells[i:i + 8] for i in range(8, len(cells), 8)]
    row = next(r for r in rows if r[4] == "kr_rejects_lax")
    assert row[5:] == ["seoul", "rejects", "Tokyo\u2019s charge of lax controls"]
    assert row[:3] == ["jp_no_monitoring", "tokyo", "claim"]
    assert [r[:2] + r[4:6] for r in rows if r[4] == "kr_no_sarin"] == [["outlet_sarin", "outlet", "kr_no_sarin",
                                                                         "seoul"]]


def test_fightin_words_formula_by_hand(claims):
    fw = claims.pipe(framing.fightin_words, "seoul", "tokyo", background="uniform", prior_strength=10,
                     min_count=1).set_index("word")
    ya = sum(len(framing.tokens(q)) for q in claims[claims.side == "seoul"].quote)
    yb = sum(len(framing.tokens(q)) for q in claims[claims.side == "tokyo"].quote)
    vocab = len(fw)
    a_w = 10 / vocab
    row = fw.loc["korea"]
    import math
    delta = math.log((row.count_a + a_w) / (ya + 10 - row.count_a - a_w)) - math.log(
        (row.count_b + a_w) / (yb + 10 - row.count_b - a_w))
    z = delta / math.sqrt(1 / (row.count_a + a_w) + 1 / (row.count_b + a_w))
    assert float(row.z) == pytest.approx(z, abs=1e-5)


def test_swapping_sides_mirrors_results(claims):
    ab = claims.pipe(framing.fightin_words, "seoul", "tokyo").set_index("word")
    ba = claims.pipe(framing.fightin_words, "tokyo", "seoul").set_index("word").loc[ab.index]
    assert (ab.z == -ba.z).all() and (ab.count_a == ba.count_b).all()
    fa = claims.pipe(framing.frame_counts, ["seoul", "tokyo"]).set_index(["side", "frame"]).claims
    fb = claims.pipe(framing.frame_counts, ["tokyo", "seoul"]).set_index(["side", "frame"]).claims
    assert fa.sort_index().equals(fb.sort_index())
    s1, s2 = framing.summary(claims, "seoul", "tokyo"), framing.summary(claims, "tokyo", "seoul")
    assert s1[0] == s2[1] and s1[2] == s2[3]


def test_prior_is_a_parameter(claims):
    weak = claims.pipe(framing.fightin_words, "seoul", "tokyo", prior_strength=1).set_index("word").z
    strong = claims.pipe(framing.fightin_words, "seoul", "tokyo", prior_strength=100).set_index("word").z
    assert not weak.equals(strong)
    art_bg = claims.pipe(framing.fightin_words, "seoul", "tokyo", background="article").set_index("word").z
    uni_bg = claims.pipe(framing.fightin_words, "seoul", "tokyo", background="uniform").set_index("word").z
    assert not art_bg.equals(uni_bg)
    assert len(claims.pipe(framing.fightin_words, "seoul", "tokyo", min_count=3)) < len(
        claims.pipe(framing.fightin_words, "seoul", "tokyo", min_count=1))


# Properties schema.org defines for Claim (and the CreativeWork / Thing properties it inherits) and for
# NewsArticle / Organization / Person that the export uses. https://schema.org/Claim
CLAIM_PROPERTIES = {"@type", "@id", "appearance", "firstAppearance", "claimInterpreter", "author", "text",
                    "datePublished", "temporalCoverage", "identifier", "keywords", "about", "name", "url",
                    "description"}
ARTICLE_PROPERTIES = {"@type", "@id", "url", "headline", "datePublished", "publisher", "description"}
AGENT_PROPERTIES = {"@type", "name"}
AGENT_TYPES = {"Person", "Organization", "GovernmentOrganization", "NewsMediaOrganization", "Country"}


def test_jsonld_export_uses_schema_org_fields(article):
    doc = framing.claims_jsonld(exportrow.claims(article), exportrow.actors(article), article,
                                exportrow.events(article))
    assert doc["@context"] == "https://schema.org" and len(doc["@graph"]) == 1 + 24
    (news,) = [n for n in doc["@graph"] if n["@type"] == "NewsArticle"]  # one node for the article
    assert set(news) <= ARTICLE_PROPERTIES and news["@id"] == f"urn:sha256:{article.sha256}"
    claims = [c for c in doc["@graph"] if c["@type"] == "Claim"]
    for c in claims:
        assert set(c) <= CLAIM_PROPERTIES
        assert set(c["author"]) <= AGENT_PROPERTIES and c["author"]["@type"] in AGENT_TYPES
        assert c["appearance"] == c["firstAppearance"] == {"@id": news["@id"]}
        where, span = c["identifier"].split("#char=")
        start, end = map(int, span.split(","))
        assert where == news["@id"] and article.raw[start:end] == c["text"]
        if "datePublished" in c:  # a day, month or year, never a made-up day
            assert re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", c["datePublished"])
    by_id = {c["@id"].rsplit(":", 1)[1]: c for c in claims}
    assert by_id["jp_not_enough"]["author"] == {"@type": "Person", "name": "A Japanese government source"}
    breach = by_id["jp_breach_of_trust"]  # "implemented last week, cited a breach": its event, the citing, is undated
    assert "temporalCoverage" not in breach and "datePublished" not in breach
    assert "datePublished" not in by_id["kr_supply_chains"]  # the call's date stands in another sentence
    json.dumps(doc)


def test_jsonld_dates_keep_their_precision(article):
    events = exportrow.events(article)
    events.loc[events.event_id == "shipment_uae", "claim"] = "kr_no_sarin"  # a month
    events.loc[events.event_id == "cases_caught_2015", "claim"] = "kr_156_cases"  # a year
    events.loc[events.event_id == "kang_pompeo_call", "claim"] = "kr_supply_chains"  # a day
    events.loc[events.event_id == "cases_period", "claim"] = "kr_few_companies"  # a span of years and months
    events.loc[events.event_id == "curbs_implemented", "claim"] = "jp_not_enough"  # "last week": a week
    doc = framing.claims_jsonld(exportrow.claims(article), exportrow.actors(article), article, events)
    by_id = {c["@id"].rsplit(":", 1)[1]: c for c in doc["@graph"][1:]}
    assert by_id["kr_no_sarin"]["datePublished"] == "2019-01"
    assert by_id["kr_156_cases"]["datePublished"] == "2015"
    assert by_id["kr_supply_chains"]["datePublished"] == "2019-07-10"
    assert by_id["kr_few_companies"]["temporalCoverage"] == "2015/2019-03"
    assert by_id["jp_not_enough"]["temporalCoverage"] == "2019-07-01/2019-07-07" and "datePublished" not in by_id[
        "jp_not_enough"]
    assert not {"datePublished", "temporalCoverage"} & set(by_id["jp_breach_of_trust"])  # its event is undated


GUIDE = (paths.PROJECT_ROOT / "exportrow" / "coding-guide.md").read_text(encoding="utf-8")


def test_coding_guide_explains_every_code_used(article):
    ann = load_annotation(None, article)
    used_frames = {c["frame"] for c in ann.claims} | {c["frame_secondary"] for c in ann.claims
                                                        if c.get("frame_secondary")}
    for code in used_frames:
        assert f"### {code} {FRAMES[code]}" in GUIDE, code
    for kind in {c["attribution"] for c in ann.claims}:
        assert f"### {kind}" in GUIDE
    for fn in {e for c in ann.claims for e in c.get("entman", [])}:
        assert f"`{fn}`" in GUIDE
    for side in {a["side"] for a in ann.actors}:
        assert f"`{side}`" in GUIDE


def test_coding_guide_examples_are_in_the_article(article):
    quotes = re.findall(r"^> (.+)$", GUIDE, flags=re.M)
    assert len(quotes) >= 12
    for q in quotes:
        q = q.strip().strip('"').rstrip(",")
        assert article.find(q), q


def test_notebook_defaults(run_notebook):
    nb, out = run_notebook("03-framing-comparison")
    assert {"claim-pairs.csv", "voice.csv", "attribution.csv", "frames.csv", "distinctive-words.csv",
            "claims.jsonld", "frames.png", "distinctive-words.png"} <= {p.name for p in out.iterdir()}
    assert "Small counts" in outputs_text(nb)
    assert "The article gives **Seoul** 4 rebuttals to 2 of Tokyo's claims" in outputs_text(nb)
    assert "No word separates Seoul from Tokyo beyond chance" in outputs_text(nb)


def test_notebook_swapped_sides_mirror(run_notebook, tmp_path):
    _, a = run_notebook("03-framing-comparison", output_dir=str(tmp_path / "a"))
    _, b = run_notebook("03-framing-comparison", side_a="tokyo", side_b="seoul", output_dir=str(tmp_path / "b"))
    wa = pd.read_csv(a / "distinctive-words.csv").set_index("word")
    wb = pd.read_csv(b / "distinctive-words.csv").set_index("word").loc[wa.index]
    assert (wa.z == -wb.z).all()
    fa = pd.read_csv(a / "frames.csv").sort_values(["side", "frame_code"]).reset_index(drop=True)
    fb = pd.read_csv(b / "frames.csv").sort_values(["side", "frame_code"]).reset_index(drop=True)
    pd.testing.assert_frame_equal(fa, fb)


def test_notebook_parameters_change_the_output(run_notebook):
    nb, out = run_notebook("03-framing-comparison", side_b="outlet", frame_column="both", min_word_count=1,
                           prior_strength=50.0, prior_background="uniform", top_words=3, figure_format="svg")
    frames = pd.read_csv(out / "frames.csv")
    assert set(frames.side) == {"seoul", "outlet"}
    assert frames[frames.side == "seoul"].claims.sum() == 12 + 6  # secondary frames counted
    words = pd.read_csv(out / "distinctive-words.csv")
    assert words.count_a.add(words.count_b).min() == 1 and set(words.leans) <= {"seoul", "outlet", "neither"}
    assert (words[words.leans != "neither"].z.abs() >= 1.96).all()
    assert (out / "frames.svg").exists() and (out / "distinctive-words.svg").exists()
    text = outputs_text(nb)
    assert "Comparing **Seoul** with **the outlet**" in text
    # section 7 counts frames as the chart does (review rv13c #4): not Crime and punishment, Seoul's primary leader
    assert ("most used frame: External regulation and reputation (6 of 12 claims, as primary or secondary frame)"
            in text)
    chart_alt = next(line for line in text.splitlines() if "apart, by z-score" in line)
    assert chart_alt.count(": z ") == 6  # top_words=3 per side


def test_solution(run_notebook):
    nb, _ = run_notebook("solutions/03-framing-comparison-solutions")
    text = outputs_text(nb)  # the solution compares field by field; it does not require agreeing with the annotator
    assert text.count(" mine: ") == 6 and "agreement with the annotation: " in text  # the quote is compared too


def test_an_organisation_is_its_own_kind_and_an_organization_in_json_ld(article):
    """Review 7, finding k: a union, an NGO or a think tank had no kind; the nearest ('officials') made it a
    GovernmentOrganization in claims.jsonld."""
    import json

    from exportrow.annotations.schema import schema

    kinds = json.dumps(schema())
    assert '"organisation"' in kinds
    actors = exportrow.actors(article)
    speaker = exportrow.claims(article).actor.iloc[0]
    actors.loc[actors.actor_id == speaker, "kind"] = "organisation"
    doc = framing.claims_jsonld(exportrow.claims(article), actors, article, exportrow.events(article))
    authors = [c["author"] for c in doc["@graph"] if c["@type"] == "Claim" and c["author"].get("name") ==
               actors.set_index("actor_id").loc[speaker, "name"]]
    assert authors and {a["@type"] for a in authors} == {"Organization"}


def test_bad_choices_and_sides_raise_exportrow_errors_with_the_fix(claims):
    from exportrow.errors import ExportrowError, UsageError
    from exportrow.parameters import ParameterError
    from exportrow.sides import SideError

    with pytest.raises(ParameterError) as frames:
        claims.pipe(framing.frame_counts, frame_column="tertiary")
    assert str(frames.value) == ("frame_column must be 'primary' or 'both', not 'tertiary'; "
                                 'allowed: one of "primary", "both"')
    with pytest.raises(ParameterError) as words:
        claims.pipe(framing.fightin_words, "seoul", "tokyo", background="web")
    assert str(words.value) == ("background must be 'article', 'claims' or 'uniform', not 'web'; "
                                "allowed: one of \"article\", \"claims\", \"uniform\" (notebook 03: prior_background)")
    with pytest.raises(SideError) as side:
        claims.pipe(framing.voice_share, ["seoul", "narnia"])
    assert str(side.value) == ("unknown side(s) 'narnia'; this annotation's sides are: "
                               "seoul, tokyo, washington, outlet, other")
    for info in (frames, words, side):
        assert isinstance(info.value, UsageError) and isinstance(info.value, ExportrowError)
        assert info.value._render_traceback_() == [f"{type(info.value).__name__}: {info.value}"]


def test_summary_names_the_frame_the_chart_names_under_frame_column_both(claims):
    from matplotlib import pyplot as plt

    from exportrow.plots import diverging_frames

    both = framing.summary(claims, "seoul", "tokyo", frame_column="both")
    assert both[0].endswith("most used frame: External regulation and reputation (6 of 12 claims, as primary or "
                            "secondary frame).")
    assert both[1].endswith("most used frame: Policy prescription and evaluation (3 of 4 claims, as primary or "
                            "secondary frame).")
    fig, alt = diverging_frames(claims.pipe(framing.frame_counts, ["seoul", "tokyo"], frame_column="both"),
                                "seoul", "tokyo")
    plt.close(fig)
    assert alt.startswith("Seoul's claims lean most on External regulation and reputation (6 of 12 claims, as "
                          "primary or secondary frame)")
    primary = framing.summary(claims, "seoul", "tokyo")  # the default still counts primary frames only
    assert primary[0].endswith("most used frame: Crime and punishment (4 of 12).")
    with pytest.raises(ValueError, match="frame_column"):
        framing.summary(claims, "seoul", "tokyo", frame_column="secondary")
