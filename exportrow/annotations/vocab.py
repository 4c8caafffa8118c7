"""The closed vocabularies of the annotation format, read from its schema.

The schema (``exportrow/schema/annotation.schema.json``) declares them once; here they are
tuples for the checks and the table categories.
"""

from __future__ import annotations

import re

from exportrow.annotations.schema import schema_dict, vocabulary

__all__ = ["SIDES", "ALWAYS_SIDES", "ACTOR_KINDS", "ATTRIBUTIONS", "ACTIONS", "FRAMES", "ENTMAN", "TENSES",
           "CHECKS", "CHECK_PERIODS", "QUALIFIERS", "QUALIFIER_KINDS", "BOUNDS", "SECTIONS", "FIGURE_KINDS",
           "UNNAMED_RELAY_PHRASES", "UNNAMED_RELAY"]

#: Sides of the bundled article's dispute, as its annotation declares them (for its data dictionary). Every
#: annotation has its own sides (``sides:``, else those its actors name); ``outlet`` (the article's own voice)
#: and ``other`` are always available.
SIDES = ("seoul", "tokyo", "washington", "outlet", "other")
ALWAYS_SIDES = ("outlet", "other")
ACTOR_KINDS = vocabulary("actor_kind")
ATTRIBUTIONS = vocabulary("attribution")
#: PLOVER event categories (Open Event Data Alliance), plus OTHER for what none fits.
ACTIONS = vocabulary("action")
#: Policy Frames Codebook (Boydstun et al. 2014) dimensions, by code.
FRAMES = dict(zip(vocabulary("frame"), schema_dict()["$defs"]["frame"]["enumDescriptions"]))
#: Entman (1993): the four functions a frame can perform.
ENTMAN = vocabulary("entman")
TENSES = vocabulary("tense")
#: Kinds of quantitative statement that exportrow.stats.check_statements can check.
CHECKS = vocabulary("check")
#: What a check needs of each figure's period (see exportrow.dates.period_fault).
CHECK_PERIODS = {"parts_within_total": "period", "period_length": "whole months", "rate_change": "whole months",
                 "rate_increase": "whole months"}
#: The article's own hedges on a number ("over 150"): the words an annotation may write, and the kinds themselves.
QUALIFIERS = vocabulary("qualifier")
#: What each qualifier says of the true value: ``lower_bound`` (at least the number), ``upper_bound`` (at most
#: it) or ``approximate`` ("over 150" -> lower_bound, "nearly 12" -> upper_bound, "about 40" -> approximate).
QUALIFIER_KINDS = dict(zip(QUALIFIERS, schema_dict()["$defs"]["qualifier"]["enumDescriptions"]))
#: The kinds of qualifier, as the figures table's ``qualifier`` column holds them.
BOUNDS = ("lower_bound", "upper_bound", "approximate")
#: What kind of number a figure is (its optional ``kind:``, ``count`` when absent): ``count`` adds up over its
#: period (cases, euros of trade), ``level`` is a value at a time or an average or rate over its period (a
#: reservoir level, a price, per cent): never divided by months, never summed into a remainder.
FIGURE_KINDS = vocabulary("figure_kind")
#: The sections of entries, in the order they are checked (actors first: the others name them).
SECTIONS = ("actors", "figures", "statements", "ignored_numbers", "claims", "events")

#: The coding guide's unnamed relay: the phrasings in a cue that pass on someone's words without saying who the
#: article has them from, coded ``anonymous_source`` even when the speaker is named. Each is (as printed, pattern).
#: The one list (:data:`exportrow.framing.UNNAMED_RELAY_PHRASES` is this): :data:`UNNAMED_RELAY`, the draft's
#: attribution guess (:mod:`exportrow.extract`), ``exportrow check``'s warning about a relay coded otherwise
#: (:mod:`exportrow.annotations.quoting`), notebook 03's worksheet definitions and its answer sheet
#: (:mod:`exportrow.handout`) all read it, and a test checks that it matches every relay the coding guide names.
#: Here, not in :mod:`exportrow.framing`, so that ``exportrow check`` and ``extract`` read it without pandas.
UNNAMED_RELAY_PHRASES: tuple[tuple[str, str], ...] = (
    ("reportedly", r"reportedly"),
    ("allegedly", r"allegedly"),
    ("according to reports", r"according to (?:media |press |news )?reports"),
    ("is (or was) said to", r"(?:is|are|was|were) said to"),
    ("is (or was) reported to", r"(?:is|are|was|were) reported to"),
)
#: Any phrasing of :data:`UNNAMED_RELAY_PHRASES`, as a whole word or phrase, in any case.
UNNAMED_RELAY = re.compile(r"\b(?:" + "|".join(p for _, p in UNNAMED_RELAY_PHRASES) + r")\b", re.I)
