"""frame_column = "both" counts claims with the frame, out of the side's claims, not frame codings (review 11b #6)."""

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402

import exportrow  # noqa: E402
from exportrow import framing  # noqa: E402
from exportrow.plots import diverging_frames  # noqa: E402


def test_title_heads_and_axis_count_seouls_twelve_claims():
    frames = exportrow.claims().pipe(framing.frame_counts, ["seoul", "washington"], frame_column="both")
    assert frames.attrs["side_claims"] == {"seoul": 12, "washington": 1}
    fig, alt = diverging_frames(frames, "seoul", "washington")
    title = fig._suptitle.get_text().replace("\n", " ")
    assert title.startswith("Seoul's claims lean most on External regulation and reputation "
                            "(6 of 12 claims, as primary or secondary frame)")
    heads = [t.get_text() for t in fig.axes[0].texts if "\u2190" in t.get_text() or "\u2192" in t.get_text()]
    assert heads == ["\u2190 Seoul (12)", "Washington (1) \u2192"]
    assert fig.axes[0].get_xlabel() == "Claims with this frame as primary or secondary frame (count)"
    assert "(6 of 18)" not in alt
    plt.close(fig)


def test_a_claim_counts_once_per_frame_and_primary_is_unchanged():
    c = exportrow.claims()
    c = c.assign(frame_secondary=c.frame_secondary.astype(object))
    first = c.index[c.side == "tokyo"][0]
    c.loc[first, "frame_secondary"] = c.loc[first, "frame"]  # the same frame twice on one claim
    both = c.pipe(framing.frame_counts, ["tokyo"], frame_column="both").set_index("frame").claims
    assert int(both[c.loc[first, "frame"]]) <= 4
    primary = exportrow.claims().pipe(framing.frame_counts, ["tokyo"])
    assert int(primary.claims.sum()) == 4 and primary.attrs["frame_column"] == "primary"
