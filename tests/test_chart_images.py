"""Chart images, compared with a tolerance by matplotlib's own image comparison, not byte for byte.

nbval compares every notebook output except the chart pixels (tests/nbval-sanitize.cfg), and that includes each
chart's alt text, which lists every value it draws. The pixels are compared here, with matplotlib's
``compare_images`` and an RMS tolerance (0-255 scale) that absorbs how another build of the same matplotlib
minor version rasterises text (anti-aliasing, hinting: measured 3.11.1 against 3.11.2, the images are identical;
text drawn without any anti-aliasing, the largest rasteriser difference we could produce that keeps glyph widths,
is RMS 12.0 on the bar chart of the classroom layout, which has more text than the first one, RMS 10.4). Changes
in what a chart draws stay above it: a lost hatching is RMS 22.3, a bar in another colour 24.5. A FreeType
that draws glyphs at other widths (matplotlib 3.10 bundles FreeType 2.6.1: RMS 32 here) is not a patch-level
difference: requirements/constraints.txt pins matplotlib.
"""

import base64
import json
import re

import pytest
from conftest import NOTEBOOKS

MAIN = sorted(p.stem for p in NOTEBOOKS.glob("[0-9][0-9]-*.ipynb"))
TOL = 16.0  # RMS difference, 0-255 scale (matplotlib.testing.compare): above text rasterising, below a real change


def chart_pngs(path) -> list[bytes]:
    """Every chart stored in a notebook's outputs, in order (a PNG inside HTML, or an image/png output)."""
    found = []
    for cell in json.loads(path.read_text(encoding="utf-8"))["cells"]:
        for out in cell.get("outputs", []):
            data = out.get("data", {})
            html = "".join(data.get("text/html", ""))
            m = re.search(r"data:image/png;base64,([A-Za-z0-9+/=]+)", html)
            b64 = m.group(1) if m else "".join(data.get("image/png", ""))
            if b64:
                found.append(base64.b64decode(b64))
    return found


def compare(expected: bytes, actual: bytes, tmp_path, name: str):
    """matplotlib's image comparison: None when the two PNGs agree within TOL, else a dict saying how not."""
    from matplotlib.testing.compare import compare_images

    a, b = tmp_path / f"{name}-expected.png", tmp_path / f"{name}.png"
    a.write_bytes(expected)
    b.write_bytes(actual)
    return compare_images(str(a), str(b), tol=TOL, in_decorator=True)


def test_each_chart_is_stored_once_with_its_alt_text():
    for name in MAIN:
        for cell in json.loads((NOTEBOOKS / f"{name}.ipynb").read_text(encoding="utf-8"))["cells"]:
            for out in cell.get("outputs", []):
                data = out.get("data", {})
                html = "".join(data.get("text/html", ""))
                if "data:image/png" in html:
                    assert "image/png" not in data, f"{name}: a chart stored twice"
                    assert html.count("data:image/png") == 1
                    alt = re.search(r'<img [^>]*alt="([^"]{20,})"', html)
                    assert alt, f"{name}: a chart without alt text"
                    assert "".join(data["text/plain"]).startswith("[chart] ")


@pytest.mark.parametrize("name", MAIN)
def test_committed_charts_match_a_fresh_run(good_report, tmp_path, name):
    out, _ = good_report
    committed = chart_pngs(NOTEBOOKS / f"{name}.ipynb")
    fresh = chart_pngs(out / name / f"{name}.ipynb")
    assert len(committed) == len(fresh), f"{name}: {len(committed)} charts stored, {len(fresh)} drawn now"
    for i, (a, b) in enumerate(zip(committed, fresh)):
        failed = compare(a, b, tmp_path, f"{name}-{i}")
        assert failed is None, (f"{name}, chart {i + 1}: {failed}. If the change is intended, refresh the "
                                "notebooks: python3 dev.py notebooks")


def _bar_chart(**rc) -> bytes:
    import matplotlib.pyplot as plt

    from exportrow import figures
    from exportrow.plots import _render, bar_periods
    from exportrow.stats import case_periods

    with plt.rc_context(rc):
        fig, _ = bar_periods(figures().pipe(case_periods), source="Source: the bundled article.")
        png = _render(fig, "png")
    plt.close(fig)
    return png


def _changed(png: bytes, change) -> bytes:
    """``png`` redrawn with one visible change (as a regression would make it)."""
    import matplotlib.pyplot as plt

    from exportrow import figures
    from exportrow.plots import _render, bar_periods
    from exportrow.stats import case_periods

    fig, _ = bar_periods(figures().pipe(case_periods), source="Source: the bundled article.")
    change(fig.axes[0])
    out = _render(fig, "png")
    plt.close(fig)
    return out


def test_tolerance_absorbs_other_text_rendering_but_not_a_changed_chart(tmp_path):
    """A deliberate perturbation: the same chart with its text rasterised differently still passes; a chart that
    lost its hatching, or drew a stated bar in the derived colour, fails."""
    base = _bar_chart()
    other_text = _bar_chart(**{"text.antialiased": False})
    assert other_text != base  # the pixels do differ ...
    assert compare(base, other_text, tmp_path, "other-text") is None  # ... within the tolerance

    def unhatch(ax):
        for bar in ax.patches:
            bar.set_hatch(None)

    def recolour(ax):
        ax.patches[0].set_facecolor("#E69F00")

    for name, change in (("unhatched", unhatch), ("recoloured", recolour)):
        failed = compare(base, _changed(base, change), tmp_path, name)
        assert failed is not None and failed["rms"] > TOL, name
