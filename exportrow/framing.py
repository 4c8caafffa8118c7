"""Framing comparison: how each side is heard, which frames it leans on, which words set it apart.

Every function takes the claims table (:func:`exportrow.claims`) first and returns a new
DataFrame, so they chain with ``.pipe``. The comparison stays descriptive: it says what the
article gives each side, not who is right.
"""

from __future__ import annotations

import math
import re
from collections import Counter

import pandas as pd

from exportrow.annotations import FRAMES
from exportrow.annotations.vocab import UNNAMED_RELAY, UNNAMED_RELAY_PHRASES  # noqa: F401 - the one list
from exportrow.escape import markdown_code, markdown_text
from exportrow.numbers import fmt_fixed, fmt_percent, round_half_up
from exportrow.sides import possessive

__all__ = ["voice_share", "attribution_mix", "frame_counts", "used_frames", "claim_pairs", "tokens", "fightin_words",
           "claims_jsonld", "summary", "STOPWORDS", "ATTRIBUTION_FORMS", "Z_CRITICAL", "word_totals", "words_finding",
           "side_name", "exercise_claim", "reading_questions", "claims_note", "claims_note_again",
           "PRIOR_STRENGTH_RANGE", "comparison_header", "one_sided", "both_heard", "words_comparable", "heard_as"]

#: |z| at or above this (two-sided 5%) is more than chance alone often gives.
Z_CRITICAL = 1.96

#: A small English stop-word list: function words that say nothing about framing.
STOPWORDS = frozenset("""
a about above after again against all also am an and any are as at be because been before being below
between both but by can cannot could did do does doesn doing don down during each few for from further had has
have having he her here hers him his how i if in into is it its itself just me more most my no nor not now of
off on once only or other our out over own same she should so some such than that the their them then there
these they this those through to too under until up very was we were what when where which while who whom
why will with would you your s t it's doesn't
""".split())


def _sides(claims: pd.DataFrame, sides) -> list[str]:
    known = [str(s) for s in claims.side.cat.categories]
    if not sides:
        return [s for s in known if (claims.side == s).any()]
    unknown = [s for s in sides if s not in known]
    if unknown:
        from exportrow.files import excerpt
        from exportrow.sides import SideError

        raise SideError(f"unknown side(s) {', '.join(excerpt(s, 60) for s in unknown)}; this annotation's sides are: "
                        f"{', '.join(known)}")
    return list(sides)


def _not_allowed(name: str, value, choices: tuple[str, ...], where: str = ""):
    """A :class:`~exportrow.parameters.ParameterError` (a ``ValueError`` too): ``value`` is not one of ``choices``.

    Example:
        >>> print(_not_allowed("frame_column", "tertiary", ("primary", "both")))
        frame_column must be 'primary' or 'both', not 'tertiary'; allowed: one of "primary", "both"
    """
    from exportrow.files import excerpt
    from exportrow.parameters import ParameterError

    words = ", ".join(map(repr, choices[:-1])) + f" or {choices[-1]!r}"
    return ParameterError(f"{name} must be {words}, not {excerpt(value, 60)}; allowed: one of "
                          + ", ".join(f'"{c}"' for c in choices) + where)


def voice_share(claims: pd.DataFrame, sides: list[str] | None = None) -> pd.DataFrame:
    """Claims and words per side, and each side's share of all claims and words.

    Example:
        >>> from exportrow import claims
        >>> v = claims().pipe(voice_share).set_index("side")
        >>> int(v.loc["seoul", "claims"]), int(v.loc["tokyo", "claims"])
        (12, 4)
    """
    sides = _sides(claims, sides)
    c = claims[claims.side.isin(sides)]
    g = c.groupby("side", observed=True).agg(claims=("claim_id", "size"), words=("words", "sum"))
    g = g.reindex(sides, fill_value=0)
    out = g.reset_index()
    out["claims"] = out["claims"].astype("Int64")
    out["words"] = out["words"].astype("Int64")
    # to three places, a tie away from zero as by hand (numbers.round_half_up); prose computes its per cent from the
    # counts, never from these rounded shares
    for col, of in (("claim_share", "claims"), ("word_share", "words")):
        total = max(int(out[of].sum()), 1)
        out[col] = pd.array([round_half_up(int(x) / total, 3) for x in out[of]], dtype="Float64")
    out["side"] = out.side.astype(str)
    return out


#: The pairs of attribution and quote form a claim can have: who is heard, and in whose words.
ATTRIBUTION_FORMS = (("direct_quote", "direct_quote"), ("indirect", "paraphrase"),
                     ("anonymous_source", "direct_quote"), ("anonymous_source", "paraphrase"),
                     ("unattributed", "paraphrase"))


def attribution_mix(claims: pd.DataFrame, sides: list[str] | None = None) -> pd.DataFrame:
    """How each side is heard: claims per attribution and quote form, and the share within the side.

    ``attribution`` says whose word the reader has (a named claimant, an anonymous source, no
    one); ``quote_form`` says whether the words are the claimant's own, in quotation marks, or
    a paraphrase. Both are kept, so a direct quote from an unnamed source stays visible. The pairs are
    :data:`ATTRIBUTION_FORMS`, then any other pair the claims hold (an unattributed claim in quotation marks), so
    every claim is counted.

    Example:
        >>> from exportrow import claims
        >>> m = claims().pipe(attribution_mix, ["tokyo"]).set_index(["attribution", "quote_form"])
        >>> n, share = m.loc[("anonymous_source", "direct_quote"), "claims"], m.loc[("indirect", "paraphrase"), "share"]
        >>> int(n), float(share)
        (1, 0.75)
    """
    sides = _sides(claims, sides)
    # quote_form is read from the article: an unattributed claim in quotation marks adds its own pair
    seen = zip(claims.attribution.astype(object), claims.quote_form.astype(object))
    pairs = list(dict.fromkeys([*ATTRIBUTION_FORMS, *((a, f) for a, f in seen if isinstance(a, str) and
                                                      isinstance(f, str))]))
    rows = []
    for side in sides:
        s = claims[claims.side == side]
        for kind, form in pairs:
            n = int(((s.attribution == kind) & (s.quote_form == form)).sum())
            rows.append({"side": side, "attribution": kind, "quote_form": form, "claims": n,
                         "share": round_half_up(n / len(s), 3) if len(s) else 0.0})
    out = pd.DataFrame(rows, columns=["side", "attribution", "quote_form", "claims", "share"])
    return out.astype({"claims": "Int64", "share": "Float64"})


def frame_counts(claims: pd.DataFrame, sides: list[str] | None = None, *,
                 frame_column: str = "primary") -> pd.DataFrame:
    """Claims per side and Policy Frames Codebook dimension.

    Args:
        claims: The claims table.
        sides: Sides to count (None: every side present).
        frame_column: ``primary`` counts each claim's primary frame; ``both`` counts the claims
            that have the frame as primary or secondary frame (a claim counts once per frame, so
            a side's counts add up to its frame codings, more than its claims).

    The table's ``attrs`` keep ``frame_column`` and each side's number of claims (``side_claims``), so a
    chart says "6 of 12 claims" under ``both``, not "6 of 18".

    Example:
        >>> from exportrow import claims
        >>> f = claims().pipe(frame_counts, ["seoul", "tokyo"])
        >>> f[(f.side == "tokyo") & (f.claims > 0)].frame.tolist()
        ['Policy prescription and evaluation', 'Security and defense']
        >>> int(claims().pipe(frame_counts, ["tokyo"], frame_column="both").claims.sum())
        8
    """
    if frame_column not in ("primary", "both"):
        raise _not_allowed("frame_column", frame_column, ("primary", "both"))
    sides = _sides(claims, sides)
    c = claims[claims.side.isin(sides)]
    long = [(s, i, f) for s, i, f in zip(c.side, c.claim_id, c.frame)]
    if frame_column == "both":
        long += [(s, i, f) for s, i, f in zip(c.side, c.claim_id, c.frame_secondary) if pd.notna(f)]
    counts = Counter((s, f) for s, _, f in dict.fromkeys(long))  # a claim counts once per frame
    rows = [{"side": s, "frame_code": code, "frame": name, "claims": counts.get((s, name), 0)}
            for s in sides for code, name in FRAMES.items()]
    out = pd.DataFrame(rows).astype({"claims": "Int64", "frame_code": "Int64"})
    out.attrs = {"frame_column": frame_column, "side_claims": {s: int((c.side == s).sum()) for s in sides}}
    return out


def claim_pairs(claims: pd.DataFrame, sides: list[str] | None = None) -> pd.DataFrame:
    """Each charge side by side with the rebuttal the article gives, where it gives one; each with its cue.

    A rebuttal is a claim whose ``answers`` names a claim of another side. Every claim of the compared sides is
    in the table: as a charge, as a rebuttal, or as both when it answers a claim and is answered in turn. Rows come
    in three groups:

    1. a charge of one compared side with a rebuttal from the other;
    2. a pair with one side outside the comparison (the outlet, or a side not compared): a claim of a compared
       side that answers such a side's claim, or is answered by one. ``charge_side`` or ``rebuttal_side`` names
       that side, so that no claim of the compared sides is left out because what it answers, or what answers
       it, lies outside the comparison;
    3. the compared sides' charges that nobody answers, with an empty rebuttal.

    ``charge_cue`` and ``rebuttal_cue`` are the claims' reporting verbs (the ``cue`` column of ``claims``): a quote
    is given without its reporting frame, and the cue says what the claimant does with it ("rejects",
    "question").

    Example:
        >>> from exportrow import claims
        >>> p = claims().pipe(claim_pairs, ["seoul", "tokyo"])
        >>> p.iloc[0][["charge_id", "rebuttal_id"]].tolist()
        ['jp_no_monitoring', 'kr_interceptions']
        >>> p.set_index("rebuttal_id").loc["kr_rejects_lax", ["rebuttal_cue", "rebuttal"]].tolist()
        ['rejects', 'Tokyo’s charge of lax controls']
        >>> p.set_index("rebuttal_id").loc["kr_no_sarin", ["charge_id", "charge_side"]].tolist()
        ['outlet_sarin', 'outlet']
    """
    sides = _sides(claims, sides)
    by_id = claims.set_index("claim_id")
    compared = by_id.side.isin(sides)
    groups: tuple[list, list, list] = ([], [], [])
    for cid, c in by_id.iterrows():
        inside = c.side in sides
        answers = by_id[(by_id.answers == cid) & (by_id.side != c.side) & (compared | inside)]
        charge = {"charge_id": cid, "charge_side": c.side, "charge_cue": c.cue, "charge": c.quote}
        for rid, r in answers.iterrows():
            groups[0 if inside and r.side in sides else 1].append(
                {**charge, "rebuttal_id": rid, "rebuttal_side": r.side, "rebuttal_cue": r.cue, "rebuttal": r.quote})
        # a claim that answers another side's claim is listed as that claim's rebuttal (group 1 or 2), not again
        if inside and answers.empty and not (pd.notna(c.answers) and c.answers in by_id.index
                                             and by_id.loc[c.answers, "side"] != c.side):
            groups[2].append({**charge, "rebuttal_id": None, "rebuttal_side": None, "rebuttal_cue": None,
                              "rebuttal": None})
    cols = ["charge_id", "charge_side", "charge_cue", "charge", "rebuttal_id", "rebuttal_side", "rebuttal_cue",
            "rebuttal"]
    return pd.DataFrame([row for g in groups for row in g], columns=cols).astype("string")


def tokens(text: str) -> list[str]:
    """Lower-case words without stop words; no stemming.

    Curly apostrophes are folded. A word keeps its inner apostrophes and hyphens; a
    possessive ``'s`` at a word's end is split off (as in Penn Treebank tokenisation) and
    dropped. Quotation marks around a word are not part of it. Words are not stemmed:
    "sanction" and "sanctions" stay two words.

    Example:
        >>> tokens("Japan’s argument has no basis")
        ['japan', 'argument', 'basis']
        >>> tokens("the 'sanctions' and South Korea's position")
        ['sanctions', 'south', 'korea', 'position']
    """
    folded = text.lower().replace("\u2019", "'").replace("\u2018", "'")
    words = [re.sub(r"'s$", "", w) for w in re.findall(r"[a-z]+(?:['-][a-z]+)*", folded)]
    return [w for w in words if w not in STOPWORDS and len(w) > 1]


#: The allowed weights of the prior (notebook 03's ``prior_strength``), in the words of its parameter comment. A prior
#: is worth at most as many pseudo-words as a large background corpus: a million is a thousand times a long article,
#: and beyond it the prior drowns every count (every z is 0); near the float limit (1e308) the sums overflow. At
#: least 0.01: a prior of a hundredth of a word already leaves the counts to speak for themselves, and a weight near 0
#: (5e-324) fails in the logarithms or gives every word a z of 0.
PRIOR_STRENGTH_RANGE = "at least 0.01 and at most 1000000"


def fightin_words(claims: pd.DataFrame, side_a: str, side_b: str, *, background: str = "article",
                  article=None, prior_strength: float = 10.0, min_count: int = 2) -> pd.DataFrame:
    """Weighted log-odds with an informative Dirichlet prior (Monroe, Colaresi & Quinn 2008).

    For word w with counts y_a, y_b, totals n_a, n_b, prior a_w and a0 = sum of a_w::

        delta = log((y_a+a_w)/(n_a+a0-y_a-a_w)) - log((y_b+a_w)/(n_b+a0-y_b-a_w))
        var   = 1/(y_a+a_w) + 1/(y_b+a_w);   z = delta / sqrt(var)

    A positive z leans to ``side_a``. A word ``leans`` to a side only when |z| reaches
    :data:`Z_CRITICAL` (1.96); under it, chance alone often gives such a z, and ``leans`` is
    ``neither``. The prior is ``prior_strength`` pseudo-words spread over the vocabulary in
    proportion to a background: ``article`` (every body word of the article), ``claims`` (all
    claims of every side) or ``uniform``. One article gives each side few words
    (``total_a``, ``total_b``: the compared words after stop words), so the z-scores are small:
    read them as description, not evidence.

    Args:
        claims: The claims table.
        side_a, side_b: The two sides compared.
        background: ``article``, ``claims`` or ``uniform``.
        article: The Article (needed for ``background="article"``; None: the bundled one).
        prior_strength: a0, the total weight of the prior in pseudo-words (:data:`PRIOR_STRENGTH_RANGE`).
        min_count: Keep words used at least this often by the two sides together.

    Returns:
        Columns ``word, count_a, count_b, prior, delta, z, leans, total_a, total_b`` sorted by z
        (side_a first).

    Example:
        >>> from exportrow import claims
        >>> fw = claims().pipe(fightin_words, "seoul", "tokyo", background="uniform")
        >>> mirrored = claims().pipe(fightin_words, "tokyo", "seoul", background="uniform")
        >>> fw.set_index("word").z.round(6).equals(-mirrored.set_index("word").z.round(6).loc[fw.word])
        True
    """
    _sides(claims, [side_a, side_b])
    if background not in ("article", "claims", "uniform"):
        raise _not_allowed("background", background, ("article", "claims", "uniform"),
                           " (notebook 03: prior_background)")
    from exportrow.parameters import check_number

    prior_strength = check_number("prior_strength", prior_strength, PRIOR_STRENGTH_RANGE)
    ya = Counter(w for q in claims.loc[claims.side == side_a, "quote"] for w in tokens(q))
    yb = Counter(w for q in claims.loc[claims.side == side_b, "quote"] for w in tokens(q))
    if background == "article":
        if article is None:
            from exportrow.article import load_article

            article = load_article()
        bg = Counter(w for p in article.paragraphs for w in tokens(p.text))
    elif background == "claims":
        bg = Counter(w for q in claims.quote for w in tokens(q))
    else:
        bg = Counter(dict.fromkeys(set(ya) | set(yb), 1))
    for w in set(ya) | set(yb):  # every compared word needs prior mass
        bg.setdefault(w, 1)
    total_bg = sum(bg.values())
    a0 = float(prior_strength)
    na, nb = sum(ya.values()), sum(yb.values())
    rows = []
    for w in sorted(set(ya) | set(yb)):
        if ya[w] + yb[w] < min_count:
            continue
        aw = a0 * bg[w] / total_bg
        delta = (math.log((ya[w] + aw) / (na + a0 - ya[w] - aw))
                 - math.log((yb[w] + aw) / (nb + a0 - yb[w] - aw)))
        var = 1 / (ya[w] + aw) + 1 / (yb[w] + aw)
        z = delta / math.sqrt(var)
        rows.append({"word": w, "count_a": ya[w], "count_b": yb[w], "prior": round(aw, 6),
                     "delta": round(delta, 6), "z": round(z, 6),
                     "leans": side_a if z >= Z_CRITICAL else side_b if z <= -Z_CRITICAL else "neither",
                     "total_a": na, "total_b": nb})
    out = pd.DataFrame(rows, columns=["word", "count_a", "count_b", "prior", "delta", "z", "leans", "total_a",
                                      "total_b"])
    out = out.sort_values(["z", "word"], ascending=[False, True], kind="stable").reset_index(drop=True)
    return out.astype({"count_a": "Int64", "count_b": "Int64", "prior": "Float64", "delta": "Float64",
                       "z": "Float64", "word": "string", "leans": "string", "total_a": "Int64", "total_b": "Int64"})


def word_totals(claims: pd.DataFrame, sides: list[str] | None = None) -> pd.DataFrame:
    """Words per side: in the claims' quotes, and left for word statistics after stop words.

    The real counts behind every small-sample caveat.

    Example:
        >>> from exportrow import claims
        >>> word_totals(claims(), ["seoul", "tokyo"]).values.tolist()
        [['seoul', 171, 98], ['tokyo', 49, 31]]
    """
    sides = _sides(claims, sides)
    rows = [{"side": side, "words": int(claims.loc[claims.side == side, "words"].sum()),
             "compared_words": sum(len(tokens(q)) for q in claims.loc[claims.side == side, "quote"])}
            for side in sides]
    return pd.DataFrame(rows, columns=["side", "words", "compared_words"]).astype(
        {"words": "Int64", "compared_words": "Int64"})


def side_name(side: str, sides=None) -> str:
    """A side as prose names it: ``Seoul``, ``the outlet``; with the annotation's ``sides``, the ``name:`` a side
    gives there (plain text: escape it where it is shown).

    Example:
        >>> side_name("seoul"), side_name("outlet")
        ('Seoul', 'the outlet')
    """
    from exportrow.sides import side_words

    return "the outlet" if side == "outlet" else side_words(side, sides)


def words_comparable(words: pd.DataFrame) -> bool:
    """Whether :func:`fightin_words` found words and both sides' claims give words to compare (else the chart
    draws no bar: a z-score against a side with no word is the prior's, not the article's).

    Example:
        >>> from exportrow import claims
        >>> words_comparable(claims().pipe(fightin_words, "seoul", "tokyo"))
        True
        >>> seoul = claims().query("side == 'seoul'")
        >>> words_comparable(seoul.pipe(fightin_words, "seoul", "tokyo"))
        False
    """
    return bool(len(words)) and int(words.total_a.iloc[0]) > 0 and int(words.total_b.iloc[0]) > 0


def words_finding(words: pd.DataFrame, side_a: str, side_b: str, claims: pd.DataFrame | None = None,
                  sides=None) -> str:
    """Whether any word separates the two sides beyond chance, in one sentence (chart title and notebook text).

    With ``claims`` (the claims table), a side with no claim at all is named as the reason, not min_word_count.
    ``sides``: the annotation's sides, for the names they give (:func:`side_name`).

    Example:
        >>> from exportrow import claims
        >>> words_finding(claims().pipe(fightin_words, "seoul", "tokyo"), "seoul", "tokyo")
        'No word separates Seoul from Tokyo beyond chance (largest |z| 1.82, under 1.96)'
        >>> words_finding(claims().head(0).pipe(fightin_words, "seoul", "tokyo"), "seoul", "tokyo", claims().head(0))
        'No word to compare: the annotation records no claim of Seoul or Tokyo'
        >>> only_seoul = claims()[claims().side == "seoul"]
        >>> words_finding(only_seoul.pipe(fightin_words, "seoul", "tokyo"), "seoul", "tokyo", only_seoul)
        'No word can set the sides apart: the annotation records no claim of Tokyo'
    """
    a, b = side_name(side_a, sides), side_name(side_b, sides)
    if claims is not None:
        silent = [name for side, name in ((side_a, a), (side_b, b)) if not (claims.side == side).any()]
        if len(silent) == 2:
            return f"No word to compare: the annotation records no claim of {a} or {b}"
        if silent:
            return f"No word can set the sides apart: the annotation records no claim of {silent[0]}"
    totals = (int(words.total_a.iloc[0]), int(words.total_b.iloc[0])) if len(words) else (0, 0)
    if len(words) and 0 in totals:
        silent = a if totals[0] == 0 else b
        return f"No word can set the sides apart: {possessive(silent)} claims give no word to compare"
    if words.empty:
        return f"No word is used often enough in the claims of {a} and {b} to compare (see min_word_count)"
    strong = words[words.z.abs() >= Z_CRITICAL]
    if strong.empty:
        top = float(words.z.abs().max()) if len(words) else 0.0
        return f"No word separates {a} from {b} beyond chance (largest |z| {fmt_fixed(top, 2)}, under {Z_CRITICAL})"
    n = len(strong)
    return (f"{n} word{'s' * (n != 1)} set{'s' * (n == 1)} {a} and {b} apart beyond chance: "
            + ", ".join(f"{w} ({a if z > 0 else b})" for w, z in zip(strong.word, strong.z)))


_AUTHOR_TYPES = {"person": "Person", "anonymous_source": "Person", "outlet": "NewsMediaOrganization",
                 "government": "GovernmentOrganization", "ministry": "GovernmentOrganization",
                 "officials": "GovernmentOrganization", "court": "GovernmentOrganization",
                 "parliament": "GovernmentOrganization", "international_body": "Organization",
                 "media": "NewsMediaOrganization", "company": "Organization", "organisation": "Organization",
                 "country": "Country"}


def _claim_date(row) -> dict:
    """A claim's date as its event's words allow: a reduced-precision ISO date, or an interval.

    A day, month or year is ``datePublished`` at that precision (``2019-07-10``, ``2017-12``,
    ``2017``); a week or a longer span is ``temporalCoverage``, an ISO 8601 interval
    (``2019-07-01/2019-07-07``). No day is ever made up. An undated event (no ``expression``) gives no date.

    Example:
        >>> row = pd.Series({"precision": "week", "timex": "2019-W27", "date_start": pd.Timestamp("2019-07-01"),
        ...                  "date_end": pd.Timestamp("2019-07-08")})
        >>> _claim_date(row), _claim_date(pd.Series({"precision": None, "timex": None, "date_start": pd.NaT}))
        ({'temporalCoverage': '2019-07-01/2019-07-07'}, {})
    """
    if pd.isna(row.date_start):
        return {}
    if row.precision in ("day", "month", "year") and "/" not in str(row.timex):
        return {"datePublished": str(row.timex)}
    if row.precision == "week":
        last = row.date_end - pd.Timedelta(days=1)
        return {"temporalCoverage": f"{row.date_start:%Y-%m-%d}/{last:%Y-%m-%d}"}
    return {"temporalCoverage": str(row.timex)}


def claims_jsonld(claims: pd.DataFrame, actors: pd.DataFrame, article, events: pd.DataFrame | None = None) -> dict:
    """The claims as schema.org ``Claim`` JSON-LD, for fact-checking tools.

    The graph holds one ``NewsArticle`` node, whose ``@id`` names the article by its sha256
    (``urn:sha256:…``), and one ``Claim`` per claim. Each Claim has its claimant (``author``),
    ``text``, ``appearance``/``firstAppearance`` pointing at the article node by ``@id``, and an
    ``identifier`` carrying its character span as an RFC 5147 fragment of the article
    (``urn:sha256:…#char=start,end``). A claim that the article dates (through an event that
    states it) keeps that date's precision: ``datePublished`` for a day, month or year, an
    ISO 8601 interval in ``temporalCoverage`` for a week or a longer span. A claim the
    article does not date has no date of its own; the article node has the article's own publication date, as
    precise as known (:attr:`~exportrow.article.Article.published_iso`): a date for a date-only
    article, else the date-time with its offset (without one when the time zone is unknown).

    Example:
        >>> import exportrow
        >>> art = exportrow.load_article()
        >>> doc = claims_jsonld(exportrow.claims(art), exportrow.actors(art), art, exportrow.events(art))
        >>> news, claim = doc["@graph"][0], doc["@graph"][1]
        >>> news["@type"], news["@id"] == "urn:sha256:" + art.sha256, claim["appearance"] == {"@id": news["@id"]}
        ('NewsArticle', True, True)
        >>> claim["@type"], claim["author"]["@type"], claim["identifier"].split("#")[1]
        ('Claim', 'NewsMediaOrganization', 'char=373,420')
        >>> [sorted(c) for c in doc["@graph"] if "datePublished" in c or "temporalCoverage" in c][1:]  # the article
        []
        >>> news["datePublished"]
        '2019-07-12T07:30:00+09:00'

    A what-if ``published`` (a notebook parameter) resolves the claims' relative dates, but the article keeps its
    own date; the article node's ``description`` says what-if:

        >>> what_if = art.with_published("2019-07-19")
        >>> node = claims_jsonld(exportrow.claims(what_if), exportrow.actors(what_if), what_if)["@graph"][0]
        >>> node["datePublished"], node["description"]
        ('2019-07-12T07:30:00+09:00', 'What-if: dates resolved as if published 19 Jul 2019 (parameter published).')
        >>> "description" in news
        False
    """
    names = actors.set_index("actor_id")
    article_id = f"urn:sha256:{article.sha256}"
    dated = {}
    if events is not None:
        for r in events[events.claim.notna()].itertuples():
            dated[r.claim] = _claim_date(r)
    own = article.own_published if getattr(article, "what_if", "") else article  # a what-if never dates the article
    graph = [{"@type": "NewsArticle", "@id": article_id, "headline": article.title,
              "datePublished": own.published_iso,  # as precise as known: a date-only article gets no time
              **({"description": article.what_if_note} if getattr(article, "what_if", "") else {}),
              "publisher": {"@type": "NewsMediaOrganization", "name": article.outlet}}]
    for r in claims.itertuples():
        actor = names.loc[r.actor]
        graph.append({
            "@type": "Claim", "@id": f"urn:exportrow:{article.name}:claim:{r.claim_id}",
            "identifier": f"{article_id}#char={r.start},{r.end}",
            "author": {"@type": _AUTHOR_TYPES.get(actor.kind, "Organization"), "name": actor["name"]},
            "text": r.quote, **dated.get(r.claim_id, {}),
            "appearance": {"@id": article_id}, "firstAppearance": {"@id": article_id},
            "keywords": [x for x in (r.frame, r.frame_secondary) if pd.notna(x)],
        })
    return {"@context": "https://schema.org", "@graph": graph}


def both_heard(claims: pd.DataFrame, compared) -> bool:
    """Whether each compared side has at least one claim (else a diverging chart would draw an empty half).

    Example:
        >>> from exportrow import claims
        >>> both_heard(claims(), ["seoul", "tokyo"]), both_heard(claims().query("side == 'seoul'"), ["seoul", "tokyo"])
        (True, False)
    """
    return all((claims.side == s).any() for s in compared)


def used_frames(frames: pd.DataFrame) -> pd.DataFrame:
    """The rows of :func:`frame_counts`' table that some claim is coded with (for a table of one side's frames).

    Example:
        >>> from exportrow import claims
        >>> frames = frame_counts(claims(), ["seoul", "tokyo"])  # a row per side and frame: 2 x 15
        >>> len(frames), len(frames.pipe(used_frames)), int(frames.pipe(used_frames).claims.sum())
        (30, 8, 16)
    """
    return frames[frames.claims > 0].copy()


def one_sided(claims: pd.DataFrame, side_a: str, side_b: str, declared, sides=None) -> str | None:
    """What to say when the comparison has one side only: the annotation declares fewer than two sides, or one
    compared side has no claim. None when two declared sides both have claims, or neither has any
    (:func:`claims_note` says that). Markdown; names escaped.

    ``declared``: the sides of the dispute the annotation declares (:func:`exportrow.sides.declared_sides`);
    ``sides``: the annotation's sides, for the names they give.

    Example:
        >>> from exportrow import claims
        >>> one_sided(claims(), "seoul", "tokyo", ["seoul", "tokyo", "washington"]) is None
        True
        >>> print(one_sided(claims().query("side == 'seoul'"), "seoul", "outlet", ["seoul"]))
        ... # doctest: +NORMALIZE_WHITESPACE
        The annotation declares one side, **Seoul**, and the article gives that side alone: 12 of the article's 12
        claims (100% of claim words) come from Seoul, and the outlet makes none of its own. There is nothing to
        compare Seoul with.
        >>> print(one_sided(claims().query("side in ['seoul', 'outlet']"), "seoul", "outlet", ["seoul"]))
        ... # doctest: +NORMALIZE_WHITESPACE
        The annotation declares one side, **Seoul**, so it is compared with the outlet's own voice: 12 of the
        article's 19 claims come from Seoul, 7 from the outlet.
    """
    heard = [s for s in (side_a, side_b) if (claims.side == s).any()]
    if not heard or (len(declared) >= 2 and len(heard) == 2):
        return None
    from exportrow.sides import side_words

    def name(s):
        return markdown_text(side_name(s, sides))

    voice = voice_share(claims).set_index("side")
    total = int(voice.claims.sum())
    start = ("The annotation declares no side of its own" if not declared else
             f"The annotation declares one side, **{markdown_text(side_words(declared[0], sides))}**"
             if len(declared) == 1 else "")
    if len(heard) == 2:
        a, b = heard
        na, nb = int(voice.loc[a, "claims"]), int(voice.loc[b, "claims"])
        rest = f", {total - na - nb} from other voices" if total > na + nb else ""
        return (f"{start}, so it is compared with the outlet's own voice: {na} of the article's {total} claims come "
                f"from {name(a)}, {nb} from {name(b)}{rest}.")
    s = heard[0]
    silent = side_b if s == side_a else side_a
    n, share = int(voice.loc[s, "claims"]), int(voice.loc[s, "words"]) / max(int(voice.words.sum()), 1)
    given = (f"{n} of the article's {total} claims ({fmt_percent(share)} of claim words) come from {name(s)}, and "
             + ("the outlet makes none of its own" if silent == "outlet" else f"{name(silent)} makes none"))
    if start:
        alone = ", and the article gives that side alone: " if n == total else ": "
        return f"{start}{alone}{given}. There is nothing to compare {name(s)} with."
    return f"The article gives one of the two sides only: {given}. There is nothing to compare {name(s)} with."


def comparison_header(claims: pd.DataFrame, side_a: str, side_b: str, declared, sides=None) -> str:
    """Notebook 03's line under the citation: which two sides are compared, or plainly that the article gives one.

    Example:
        >>> from exportrow import claims
        >>> comparison_header(claims(), "seoul", "tokyo", ["seoul", "tokyo", "washington"])
        'Comparing **Seoul** with **Tokyo**.'
    """
    return one_sided(claims, side_a, side_b, declared, sides) or (
        f"Comparing **{markdown_text(side_name(side_a, sides))}** with **{markdown_text(side_name(side_b, sides))}**.")


#: The attribution a named claimant's words get from the article's quotation marks (the claims table's ``quote_form``).
QUOTE_FORM_ATTRIBUTION = {"direct_quote": "direct_quote", "paraphrase": "indirect"}


def heard_as(claims: pd.DataFrame) -> tuple[pd.Series, int, int]:
    """How each claim is heard, for notebook 03's sentences: a named claimant's direct quotation (``direct_quote``)
    or paraphrase (``indirect``) as the article's quotation marks show it (``quote_form``), whatever the code;
    ``anonymous_source`` and ``unattributed`` as coded. Also how many claims are a named claimant's, and how many
    of those the annotation codes otherwise (``exportrow check`` warns about each).

    The claims table's ``attribution`` stays the annotator's code, as the article page shows it and
    ``exportrow agree`` compares it; only these counts read the marks.

    Example:
        >>> from exportrow import claims
        >>> c = claims()
        >>> read, named, otherwise = heard_as(c)
        >>> read.value_counts().to_dict() == c.attribution.astype(str).value_counts().to_dict(), otherwise
        (True, 0)
        >>> c.loc[c.claim_id == "kr_no_basis", "attribution"] = "direct_quote"  # a paraphrase coded direct_quote
        >>> read, named, otherwise = heard_as(c)
        >>> read[c.claim_id == "kr_no_basis"].tolist(), otherwise
        (['indirect'], 1)
    """
    coded = claims.attribution.astype(object)
    named = coded.isin(["direct_quote", "indirect"])
    marks = claims.quote_form.astype(object).map(QUOTE_FORM_ATTRIBUTION)
    read = coded.where(~named, marks)
    return read, int(named.sum()), int((named & (read != coded)).sum())


#: How a claim is heard when the label alone does not say whether its words are quoted (:func:`summary` adds it),
#: with the word for words not wholly inside quotation marks: an unnamed source's are paraphrased, while an
#: unattributed statement (the outlet's own, say) paraphrases no one.
_FORM_NOT_IN_LABEL = {"anonymous_source": "paraphrased", "unattributed": "not quoted"}


def _quoted_or_not(forms: pd.Series, other: str = "paraphrased") -> str:
    """Whether the claims of one kind (an anonymous source's, say) are quoted, from their ``quote_form``s;
    ``other``: the word for the rest.

    Example:
        >>> _quoted_or_not(pd.Series(["paraphrase"])), _quoted_or_not(pd.Series(["direct_quote"] * 2))
        (' (paraphrased)', ' (all quoted)')
        >>> _quoted_or_not(pd.Series(["direct_quote", "paraphrase", "paraphrase"]))
        ' (1 quoted, 2 paraphrased)'
        >>> _quoted_or_not(pd.Series(["paraphrase"] * 3), "not quoted")
        ' (none quoted)'
    """
    n, quoted = len(forms), int((forms == "direct_quote").sum())
    if quoted == n:
        return " (all quoted)" if n > 1 else " (quoted)"
    if not quoted:
        return " (none quoted)" if other == "not quoted" and n > 1 else f" ({'all ' * (n > 1)}{other})"
    return f" ({quoted} quoted, {n - quoted} {other})"


def summary(claims: pd.DataFrame, side_a: str, side_b: str, sides=None, declared=None, *,
            frame_column: str = "primary") -> list[str]:
    """What the article gives each side, in Markdown sentences computed from the claims.

    When one compared side has no claim, the rebuttal sentences give way to :func:`one_sided`'s (``declared``: the
    annotation's declared sides, :func:`exportrow.sides.declared_sides`).

    The most used frame is counted as the frames chart counts it (``frame_column``, as in :func:`frame_counts`):
    under ``both``, the claims that have the frame as primary or secondary frame, and the sentence says so.

    How each side is heard is counted as :func:`heard_as` reads it. A direct quotation or a paraphrase says itself
    whether its words are quoted; an anonymous source or an unattributed statement says it in brackets, from the
    claims' ``quote_form``. The side's claims in its own quoted words (every ``direct_quote``) are a clause of
    their own, out of all its claims, so that the count never reads as a count of the item before it.

    Side names (with the annotation's ``sides``, the ``name:`` a side gives) and frame labels are escaped
    (:func:`exportrow.escape.markdown_text`).

    Example:
        >>> from exportrow import claims
        >>> print(summary(claims(), "seoul", "tokyo")[1])
        **Tokyo**: 4 claims, 49 words (15% of all claim words); heard through 3 paraphrases,
        1 anonymous source (quoted); 1 of its 4 claims in its own quoted words; most used frame: Policy prescription
        and evaluation (3 of 4).
        >>> print(summary(claims(), "seoul", "tokyo", frame_column="both")[0].split("; ")[-1])
        most used frame: External regulation and reputation (6 of 12 claims, as primary or secondary frame).
    """
    voice = voice_share(claims).set_index("side")
    frames = frame_counts(claims, [side_a, side_b], frame_column=frame_column)
    both = frame_column == "both"
    frames["frame"] = frames.frame.astype(str).map(markdown_text)
    from exportrow.sides import side_words

    name = {side: markdown_text("The outlet" if side == "outlet" else side_words(side, sides))
            for side in (side_a, side_b)}
    labels = {"direct_quote": "direct quotation", "indirect": "paraphrase",
              "anonymous_source": "anonymous source", "unattributed": "unattributed statement"}
    out = []
    for side in (side_a, side_b):
        if side not in voice.index or not voice.loc[side, "claims"]:
            out.append(f"**{name[side]}**: no claim {'of its own ' * (side == 'outlet')}in the article.")
            continue
        v = voice.loc[side]
        n_claims, n_words = int(v.claims), int(v.words)
        word_share = fmt_percent(n_words / max(int(voice.words.sum()), 1))  # from the counts: never rounded twice
        mine = claims[claims.side == side]
        direct = int((mine.quote_form == "direct_quote").sum())
        read, named, coded_otherwise = heard_as(mine)
        counts = read.value_counts()
        heard = ", ".join(f"{int(counts[k])} {labels[k]}{'s' if counts[k] != 1 else ''}"
                          + (_quoted_or_not(mine.quote_form[read == k], _FORM_NOT_IN_LABEL[k])
                             if k in _FORM_NOT_IN_LABEL else "")
                          for k in labels if counts.get(k, 0))
        if coded_otherwise:
            heard += (f", as the article's quotation marks show them (the annotation codes {coded_otherwise} of "
                      f"its {named} named claim{'s' * (named != 1)} otherwise; exportrow check names "
                      f"{'them' if coded_otherwise != 1 else 'it'})")
        quoted = (f"{direct or 'none'} of its {n_claims} claims in its own quoted words" if n_claims != 1 else
                  f"its one claim {'in' if direct else 'not in'} its own quoted words")
        f = frames[frames.side == side]
        top = f[f.claims == f.claims.max()].sort_values("frame_code")
        of_claims = f" claim{'s' * (n_claims != 1)}, as primary or secondary frame" * both
        if len(top) == 1:
            most = f"most used frame: {top.frame.iloc[0]} ({top.claims.iloc[0]} of {n_claims}{of_claims})"
        else:  # frame names hold commas and "and": a tie lists them with semicolons
            most = (f"most used frames, tied at {top.claims.iloc[0]} each of {n_claims}{of_claims}: "
                    f"{'; '.join(top.frame)}")
        out.append(f"**{name[side]}**: {n_claims} claim{'s' * (n_claims != 1)}, {n_words} "
                   f"word{'s' * (n_words != 1)} ({word_share} of all claim words); heard through "
                   f"{heard}; {quoted}; {most}.")
    if not both_heard(claims, [side_a, side_b]):  # nobody to answer or be answered: no rebuttal sentences
        if both_heard(claims, [side_a]) or both_heard(claims, [side_b]):
            if declared is None:
                declared = [s for s in (side_a, side_b) if s not in ("outlet", "other")]
            out.append(one_sided(claims, side_a, side_b, declared, sides))
        return out
    pairs = claim_pairs(claims, [side_a, side_b])
    answered = pairs[pairs.rebuttal_id.notna()]
    for side, other in ((side_a, side_b), (side_b, side_a)):
        mine = answered[(answered.rebuttal_side == side) & (answered.charge_side == other)]  # not its answers to others
        n, charges = len(mine), mine.charge_id.nunique()
        if not (claims.side == other).any():
            out.append(f"**{name[other]}** makes no claim for **{name[side]}** to answer.")
        elif not n:
            out.append(f"The article gives **{name[side]}** no rebuttal to {possessive(name[other])} claims.")
        else:
            out.append(f"The article gives **{name[side]}** {n} rebuttal{'s' * (n != 1)} to {charges} "
                       f"of {possessive(name[other])} claims.")
    return out


#: The coding guide's unnamed relay (:data:`exportrow.annotations.vocab.UNNAMED_RELAY_PHRASES`, the one list, read
#: here too): the phrasings in a cue that pass on someone's words without saying who the article has them from.
_UNNAMED_RELAY = UNNAMED_RELAY
#: Words in a cue that say the article relays what someone else reports (the hardest claims to code). "reported"
#: is here too, though with a named subject ("the Harbour Times reported") it names who relays the words.
_RELAYED = re.compile(rf"{_UNNAMED_RELAY.pattern}|\breported\b", re.I)


def claims_note(claims: pd.DataFrame, sides: list[str], annotation_sides=None) -> str | None:
    """A sentence that stands in for the comparison when the compared sides have no claim; else None.
    ``annotation_sides``: the annotation's sides, for the names they give (:func:`side_name`).

    Example:
        >>> from exportrow import claims
        >>> claims_note(claims(), ["seoul", "tokyo"]) is None
        True
        >>> print(claims_note(claims().head(0), ["seoul", "tokyo"]))
        The annotation records no claim at all, so there is nothing to compare: no voice, no frames, no words.
    """
    if claims.empty:
        return "The annotation records no claim at all, so there is nothing to compare: no voice, no frames, no words."
    if not claims.side.isin(list(sides)).any():
        names = " and ".join(markdown_text(side_name(s, annotation_sides)) for s in sides)
        return f"The annotation records no claim of {names}, so there is nothing to compare between them."
    return None


def claims_note_again(note: str | None, what: str) -> str | None:
    """The short line a later section gives once :func:`claims_note` has said, in full, why there is nothing
    to compare (said once, not in every section); None when there is something to compare.

    Example:
        >>> from exportrow import claims
        >>> print(claims_note_again(claims_note(claims().head(0), ["seoul", "tokyo"]), "frames"))
        No frames to compare: no claim (see above).
        >>> tokyo_only = claims().query("side == 'tokyo'")
        >>> print(claims_note_again(claims_note(tokyo_only, ["seoul", "outlet"]), "frames"))
        No frames to compare: no claim of either side (see above).
        >>> claims_note_again(claims_note(claims(), ["seoul", "tokyo"]), "frames") is None
        True
    """
    if not note:
        return None
    whose = "" if "no claim at all" in note else " of either side"
    return f"No {what} to compare: no claim{whose} (see above)."


def exercise_claim(claims: pd.DataFrame, article) -> str:
    """The claim notebook 03's exercise asks to code in this article, named by its sentence, not its coding.

    It prefers a claim the article relays ("reportedly"), then one from an unnamed source, then a
    paraphrase, then any claim: the harder the attribution, the more there is to discuss.

    Example:
        >>> from exportrow import claims, load_article
        >>> print(exercise_claim(claims(), load_article()))  # doctest: +NORMALIZE_WHITESPACE
        **In this article.** Code the claim in these words: "Pompeo reportedly expressed an understanding of
        South Korea’s position, which is to push \\[…\\]" Its id, to find its row in `claims` afterwards:
        `us_understanding`.
        >>> print(exercise_claim(claims().head(0), load_article()))
        **In this article.** The annotation records no claim, so there is nothing to code here.
    """
    if claims.empty:
        return "**In this article.** The annotation records no claim, so there is nothing to code here."
    relayed = claims[claims.cue.str.contains(_RELAYED, na=False)]
    unnamed = claims[claims.attribution == "anonymous_source"]
    paraphrase = claims[heard_as(claims)[0] == "indirect"]  # as the quotation marks show it
    pick = next(x for x in (relayed, unnamed, paraphrase, claims) if len(x)).iloc[0]
    words = _claim_context(article, int(pick.start), int(pick.end))
    return (f"**In this article.** Code the claim in these words: \"{markdown_text(words)}\" Its id, to find its "
            f"row in `claims` afterwards: {markdown_code(str(pick.claim_id))}.")


def _claim_context(article, start: int, end: int, after: int = 4, whole: int = 40) -> str:
    """The claim's sentence from its start to a few words past the claim, ``[…]`` for the rest.

    Enough to see the reporting frame and where the claim might end, without handing out a whole paragraph.
    When no more than ``whole`` characters of the sentence follow the claim, the sentence is kept to its end:
    in news copy the attribution often follows the claim ("..., people familiar with the matter said.").

    Example:
        >>> from exportrow import load_article
        >>> art = load_article()
        >>> at = art.raw.index("an understanding")
        >>> _claim_context(art, at, at + len("an understanding of South Korea’s position"))
        'Pompeo reportedly expressed an understanding of South Korea’s position, which is to push […]'
    """
    sentence = article.sentence_at(start)
    if sentence is None:
        return " ".join(article.raw[start:end].split())
    tail = article.raw[end:sentence.end]
    if len(" ".join(tail.split())) <= whole:
        return " ".join(article.raw[sentence.start:sentence.end].split())
    more = re.match(rf"(?:\W*\w+){{0,{after}}}", tail).group(0)
    text = article.raw[sentence.start:end] + more
    rest = tail[len(more):]
    return " ".join(text.split()) + (" [\u2026]" if rest.strip(" .!?\"'\u201d") else rest.strip())


def _quoted(texts, limit: int = 4) -> str:
    items = [f"\u201c{markdown_text(' '.join(str(t).split()))}\u201d" for t in dict.fromkeys(texts)]
    more = len(items) - limit
    return ", ".join(items[:limit]) + (f" and {more} more" if more > 0 else "")


def reading_questions(claims: pd.DataFrame) -> list[str]:
    """Questions for reading notebook 03's tables, not verdicts; each example is this article's own.

    Example:
        >>> from exportrow import claims
        >>> for line in reading_questions(claims()):
        ...     print(line[:72])
        **Volume is not endorsement.** A side with more claims may simply be the
        **Paraphrase is the article's wording.** When a side is heard mostly thr
        **Anonymous voices weigh differently.** An unnamed source's direct quote
        **The outlet speaks too.** Judgements no one is cited for frame the whol
        >>> print(reading_questions(claims().head(0))[0])  # doctest: +NORMALIZE_WHITESPACE
        The annotation records no claim in this article, so there is nothing to read these questions against: how
        many claims each side gets, whose wording a paraphrase is, who an unnamed source is, where the outlet speaks.
    """
    if claims.empty:
        return ["The annotation records no claim in this article, so there is nothing to read these questions "
                "against: how many claims each side gets, whose wording a paraphrase is, who an unnamed source is, "
                "where the outlet speaks."]
    out = ["**Volume is not endorsement.** A side with more claims may simply be the side that published material "
           "that week. Ask who supplied the material."]
    para = claims[heard_as(claims)[0] == "indirect"]  # a named claimant's words outside quotation marks
    here = f" Here the paraphrases use {_quoted(para.cue)}." if len(para) else " This article has no paraphrase."
    out.append("**Paraphrase is the article's wording.** When a side is heard mostly through indirect speech, the "
               f"verbs and nouns are the outlet's choices.{here}")
    relayed = claims.cue.str.contains(_RELAYED, na=False)  # the cues exercise_claim counts as a relay too
    unnamed = claims[(claims.attribution == "anonymous_source") | relayed]
    here = (f" Here {len(unnamed)} claim{'s come' if len(unnamed) != 1 else ' comes'} from an unnamed source or a "
            "relay." if len(unnamed) else " The annotation records no claim from an unnamed source or a relay.")
    out.append("**Anonymous voices weigh differently.** An unnamed source's direct quote is vivid, but the reader "
               "cannot check who said it. The same holds for words relayed with \"reportedly\": the article does not "
               f"say who relays them.{here}")
    own = claims[(claims.attribution == "unattributed") & ~relayed]
    passed_on = claims[(claims.attribution == "unattributed") & relayed]
    here = (f" Here: {_quoted(own.quote, limit=2)}." if len(own) else
            " The annotation records no such judgement in this article.")
    if len(passed_on):  # "reportedly" with no source: the outlet relays it, it does not judge
        here += (f" Relayed with no source named, not the outlet's own judgement: "
                 f"{_quoted(passed_on.quote, limit=2)} ({_quoted(passed_on.cue, limit=2)}).")
    out.append("**The outlet speaks too.** Judgements no one is cited for frame the whole dispute, and the reader "
               f"cannot ask anyone about them.{here}")
    return out
