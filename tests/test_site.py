"""The course site (`python3 dev.py book`): its pages, what students see, its links, and a real browser on it."""

import html
import json
import re
import subprocess
import sys
from html.parser import HTMLParser

import pytest
from conftest import NOTEBOOKS, ROOT
from docutils.nodes import make_id
from test_browser import ARTIFACTS, _browser

from exportrow.book import MARKER, build_site, read_glossary, term_uses
from exportrow.outdir import OutputFolderError

pytestmark = pytest.mark.slow  # builds the course site with Sphinx, opens it in Chromium: the full tier only

MAIN = sorted(p.stem for p in NOTEBOOKS.glob("[0-9][0-9]-*.ipynb"))
GUIDES = ["docs/teaching", "docs/annotating", "exportrow/coding-guide", "docs/glossary", "docs/references"]
#: The method terms the glossary must explain (issue 16), by their glossary heading.
REQUIRED_TERMS = ["Derived figure", "Stated figure", "Character span", "Precision", "TIMEX3", "ISO week", "Frame",
                  "Policy Frames Codebook", "Entman function", "Log-odds", "Z-score", "Informative Dirichlet prior",
                  "Krippendorff's alpha", "PLOVER", "Attribution", "Cue", "Relative date", "Date interval", "JSON-LD",
                  "Per month", "Verdict", "Context layer", "Annotation", "Parameters cell"]


@pytest.fixture(scope="session")
def site(tmp_path_factory):
    """The site as `python3 dev.py book` builds it, with no repository URL set: (folder, warnings)."""
    out = tmp_path_factory.mktemp("book") / "site"
    res = subprocess.run([sys.executable, "-m", "exportrow.book", "--out", str(out), "--repository-url", ""],
                         capture_output=True, text=True)
    assert res.returncode == 0, res.stderr
    warnings = [ln for ln in res.stderr.splitlines() if ln.startswith("warning:")]
    return out, warnings


def page(site_dir, name) -> str:
    return (site_dir / f"{name}.html").read_text(encoding="utf-8")


def article_of(page_html: str) -> str:
    """The page's own content (not the navigation), as HTML."""
    return page_html.split('<article class="bd-article">', 1)[1].split("</article>", 1)[0]


def test_builds_without_warnings(site):
    out, warnings = site
    assert warnings == []
    assert (out / MARKER).is_file() and (out / "searchindex.js").is_file() and (out / "search.html").is_file()


def test_a_page_per_notebook_and_guide_all_in_the_navigation(site):
    out, _ = site
    index = page(out, "index")
    for name in ["index", *GUIDES, *(f"notebooks/{n}" for n in MAIN)]:
        assert (out / f"{name}.html").is_file(), name
        if name != "index":
            assert f'href="{name}.html"' in index, f"{name} is not in the navigation"
    assert "exportrow" in re.search(r"<title>(.*?)</title>", index).group(1)


def test_notebook_pages_are_for_students(site):
    out, _ = site
    for name in MAIN:
        body = article_of(page(out, f"notebooks/{name}"))
        inputs = body.count('class="cell_input')
        hidden = len(re.findall(r'<details class="[^"]*hide above-input">\s*<summary', body))
        assert inputs >= 3 and hidden == inputs, f"{name}: {hidden} of {inputs} code cells collapsible"
        assert not re.search(r"sha256\W+[0-9a-f]{8}", body), f"{name}: a file hash on a student page"
        assert '"@context"' not in body and "&quot;@context&quot;" not in body, f"{name}: a JSON-LD dump"
        assert "injected-parameters" not in body and "Your code here" not in body
        assert "<style" not in body  # tables carry their look inline


def test_solution_is_in_a_closed_toggle_below_the_exercise(site):
    out, _ = site
    for name in MAIN:
        if not (NOTEBOOKS / "solutions" / f"{name}-solutions.ipynb").exists():
            continue
        body = article_of(page(out, f"notebooks/{name}"))
        toggles = re.findall(r"<details class=\"solution\"( open)?>(.*?)</details>", body, re.S)
        assert len(toggles) == 1 and toggles[0][0] == "", f"{name}: one closed solution toggle"
        assert body.index('id="exercise"') < body.index('<details class="solution"')
        inside = toggles[0][1]
        assert "highlight-python" in inside and "highlight-text" in inside  # its code and the code's output


def test_downloads_hold_what_the_page_leaves_out(site):
    out, _ = site
    for name in MAIN:
        links = re.findall(r'href="\.\./(_downloads/[0-9a-f]+/([\w.-]+\.ipynb))"', page(out, f"notebooks/{name}"))
        files = {fname: out / path for path, fname in links}
        full, blank = files[f"{name}.ipynb"], files[f"{name}-blank.ipynb"]
        assert full.read_bytes() == (NOTEBOOKS / f"{name}.ipynb").read_bytes()
        cells = json.loads(blank.read_text(encoding="utf-8"))["cells"]
        assert all(c.get("outputs", []) == [] for c in cells)
        if (NOTEBOOKS / "solutions" / f"{name}-solutions.ipynb").exists():
            solution = json.loads(files[f"{name}-solutions.ipynb"].read_text(encoding="utf-8"))
            assert any(c.get("outputs") for c in solution["cells"])  # executed


def test_every_required_term_is_in_the_glossary():
    names = {t.name for t in read_glossary()}
    assert not set(REQUIRED_TERMS) - names, sorted(set(REQUIRED_TERMS) - names)


class _Prose(HTMLParser):
    """Collects a page's running text, leaving out whole elements: code, outputs, headings, existing links."""

    SKIP = {"pre", "code", "h1", "h2", "h3", "h4", "h5", "h6", "a", "summary", "script", "style"}
    VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack: list[bool] = []  # for each open element: is it (or an ancestor) left out?
        self.parts: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag in self.VOID:
            return
        skip = tag in self.SKIP or "cell_output" in (dict(attrs).get("class") or "").split()
        self.stack.append(skip or bool(self.stack and self.stack[-1]))

    def handle_endtag(self, tag):
        if tag not in self.VOID and self.stack:
            self.stack.pop()

    def handle_data(self, data):
        if not (self.stack and self.stack[-1]):
            self.parts.append(data)


def _prose_text(body: str) -> str:
    """The page's running text: no code, outputs (a cell's whole output block), headings or existing links."""
    parser = _Prose()
    parser.feed(body)
    return " ".join(parser.parts)


def test_each_term_is_linked_where_a_page_first_uses_it(site):
    out, _ = site
    terms = read_glossary()
    checked = 0
    for name in ["index", *GUIDES[:3], *(f"notebooks/{n}" for n in MAIN)]:
        body = article_of(page(out, name))
        links = set(re.findall(r'href="(?:[./]*docs/)?glossary\.html#([\w-]+)"', body))
        for term in terms:
            # Sphinx may write the heading's docutils id ("krippendorff-s-alpha") where the Markdown link names
            # its GitHub slug ("krippendorffs-alpha"); the glossary page carries both ids.
            linked = bool({term.anchor, make_id(term.name)} & links)
            # a term whose only uses are left unlinked on purpose (code, headings, outputs) is not required
            used = next(term_uses(_prose_text(body), term), None)  # not in the term's other senses
            if used and not linked:
                pytest.fail(f"{name}: '{used.group(0)}' is used but not linked to the glossary ({term.name})")
            checked += linked
    assert checked >= 40  # many terms, many pages


def test_glossary_links_keep_to_the_words_sense(site):
    """Review 16c #4: the first use of a word in another sense is not linked to the term (the phrases the review
    found), and the term is linked where it is meant."""
    out, _ = site

    def linked(name, words):
        text = re.sub(r"\s+", " ", html.unescape(re.sub(r"<(?!/?a\b)[^>]+>", "", article_of(page(out, name)))))
        return {m.group(1) for m in re.finditer(rf'<a [^>]*glossary\.html#([\w-]+)"[^>]*>{words}</a>', text)}

    assert "stated-figure" not in linked("notebooks/02-claim-timeline", "stated")
    assert not linked("notebooks/02-claim-timeline", "span") and not linked("docs/teaching", "spans")
    assert "stated-figure" not in linked("docs/teaching", "stated")
    assert not linked("notebooks/04-coding-reliability", "interval")
    assert not linked("exportrow/coding-guide", "frame") and not linked("docs/annotating", "frame")
    assert linked("notebooks/04-coding-reliability", "Verdicts") == {"verdict"}
    body = article_of(page(out, "notebooks/04-coding-reliability"))
    verdict = re.search(r'glossary\.html#verdict" title="([^"]+)"', body)
    assert "reliable" in verdict.group(1) and "too few units" in verdict.group(1)
    assert linked("notebooks/02-claim-timeline", "resolved intervals") == {"date-interval"}


def test_glossary_links_have_their_definition_as_title(site):
    out, _ = site
    body = article_of(page(out, "notebooks/03-framing-comparison"))
    link = re.search(r'<a class="reference internal" href="\.\./docs/glossary\.html#log-odds" title="([^"]+)"', body)
    assert link and link.group(1).startswith("For a word and one side")


def test_the_article_is_only_quoted_never_published(site):
    from exportrow import load_article

    out, _ = site
    art = load_article()
    paragraphs = [" ".join(p.text.split()) for p in art.paragraphs if len(p.text) > 60]
    assert len(paragraphs) >= 10
    raw = art.raw.encode("utf-8")
    for f in out.rglob("*"):
        if not f.is_file():
            continue
        data = f.read_bytes()
        assert raw not in data, f"{f}: the article's text"
        text = " ".join(html.unescape(re.sub(r"<[^>]+>", " ", data.decode("utf-8", "ignore"))).split())
        text = text.replace("\\n", " ")
        whole = [p for p in paragraphs if p in text]
        if whole and "Excerpt (sentences)" in text:  # a notebook's opening excerpt: a few sentences, capped
            from exportrow.notebook import EXCERPT_SHARE

            body = sum(len(" ".join(p.text.split())) for p in art.paragraphs)
            assert sum(map(len, whole)) <= EXCERPT_SHARE * body, f"{f.relative_to(out)}: more than an excerpt"
            continue
        assert not whole, f"{f.relative_to(out)} holds whole paragraphs of the article: {whole[:1]}"
    assert "data/raw/nikkei" not in "".join(f.name for f in out.rglob("*"))


def test_launch_buttons_only_with_a_repository_url(site, tmp_path):
    out, _ = site
    assert not [f for f in out.rglob("*.html") if 'href="https://mybinder.org' in f.read_text(encoding="utf-8")]
    with_url, warnings = build_site(tmp_path / "site", url="https://github.com/example/exportrow", stream=sys.stdout)
    assert warnings == []
    for name in MAIN:
        body = page(with_url, f"notebooks/{name}")
        launch = re.findall(r'href="(https://mybinder\.org/[^"]+)"', body)
        assert launch == [f"https://mybinder.org/v2/gh/example/exportrow/main?urlpath=lab/tree/notebooks/{name}.ipynb"]
        assert 'href="https://github.com/example/exportrow"' in body  # the repository button
    assert 'href="https://mybinder.org' not in page(with_url, "docs/glossary")  # only notebooks launch


def test_refuses_a_folder_it_did_not_write(tmp_path):
    mine = tmp_path / "my-site"
    mine.mkdir()
    (mine / "index.html").write_text("my own page")
    with pytest.raises(OutputFolderError, match="files that exportrow did not write"):
        build_site(mine, url="")
    assert [p.name for p in mine.iterdir()] == ["index.html"]
    res = subprocess.run([sys.executable, "-m", "exportrow.book", "--out", str(mine)], capture_output=True, text=True)
    assert res.returncode == 2 and "Traceback" not in res.stderr


# --- in a real browser -----------------------------------------------------------------------------------------

IMAGES_JS = """
return Array.from(document.images).map(i => ({src: i.currentSrc.slice(0, 60), width: i.naturalWidth,
                                              complete: i.complete, alt: i.getAttribute('alt')}));
"""


CHARTS_JS = """
return Array.from(document.querySelectorAll('article img')).filter(i => i.currentSrc.includes('/_static/charts/'))
  .map(i => ({src: i.currentSrc, link: i.closest('a') ? i.closest('a').href : null, natural: i.naturalWidth,
              shown: Math.round(i.getBoundingClientRect().width), alt: i.getAttribute('alt')}));
"""

#: Each output table on a page: its width, the width of the box it scrolls in, and the columns whose header ends
#: beyond that box (review 16c #2: hidden off-screen at projector size).
TABLES_JS = """
return Array.from(document.querySelectorAll('div.cell_output table')).map(t => {
  const box = t.closest('div.output') || t.parentElement, right = box.getBoundingClientRect().right;
  return {width: t.scrollWidth, box: box.clientWidth,
          hidden: Array.from(t.querySelectorAll('thead th')).filter(th => th.getBoundingClientRect().right > right + 1)
                  .map(th => th.textContent.trim())};
});
"""


@pytest.fixture
def served(site):
    """The site served over HTTP on a free port of this machine, as a host would serve it: its base URL."""
    import functools
    import threading
    from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer

    class Quiet(SimpleHTTPRequestHandler):
        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=str(site[0])))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def test_site_in_a_real_browser(site, served):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys
    from selenium.webdriver.support import expected_conditions as ec
    from selenium.webdriver.support.ui import WebDriverWait

    out, _ = site
    driver = _browser()
    ARTIFACTS.mkdir(exist_ok=True)
    wait = WebDriverWait(driver, 30)
    try:
        pages = sorted(p for p in out.rglob("*.html") if "_static" not in p.parts)
        assert len(pages) >= 3 + len(MAIN) + len(GUIDES)
        for p in pages:
            driver.get(f"{served}/{p.relative_to(out).as_posix()}")
            wait.until(lambda d: d.execute_script("return document.readyState") == "complete")
            errors = [e for e in driver.get_log("browser") if e["level"] in ("SEVERE", "ERROR")]
            assert errors == [], f"{p.relative_to(out)}: console errors {errors}"
            for img in driver.execute_script(IMAGES_JS):
                assert img["complete"] and img["width"] > 0, f"{p.relative_to(out)}: broken image {img['src']}"
        charts = 0
        driver.set_window_size(1280, 720)  # a classroom projector (review 11b, finding 5)
        for name in MAIN:
            driver.get(f"{served}/notebooks/{name}.html")
            shown = driver.execute_script(CHARTS_JS)
            assert all(len(i["alt"] or "") > 20 for i in shown), f"{name}: a chart without alt text"
            for chart in shown:  # a link to the PNG at full size, and drawn wider than the text column (672 px)
                assert chart["link"] == chart["src"] and chart["natural"] >= 1200, chart
                assert chart["shown"] >= 880, f"{name}: a chart drawn {chart['shown']} px wide at 1280x720"
            charts += len(shown)
            tables = driver.execute_script(TABLES_JS)
            assert tables and all(not t["hidden"] and t["width"] <= t["box"] for t in tables), f"{name}: {tables}"
        assert charts >= 3
        driver.set_window_size(1400, 1000)

        # the search: type a term into the search box, get the glossary among the results
        driver.get(f"{served}/index.html")
        driver.find_element(By.CSS_SELECTOR, "button.search-button-field").click()
        box = wait.until(ec.visibility_of_element_located((By.CSS_SELECTOR, "#pst-search-dialog input[name=q]")))
        box.send_keys("Dirichlet", Keys.ENTER)
        wait.until(lambda d: d.find_elements(By.CSS_SELECTOR, "#search-results ul.search li"))
        results = [a.get_attribute("href") for a in driver.find_elements(By.CSS_SELECTOR, "#search-results li a")]
        assert any("docs/glossary.html" in r for r in results), results
        assert driver.save_screenshot(str(ARTIFACTS / "site-search.png"))

        # a solution toggle: closed, and its code hidden, until it is opened
        driver.get(f"{served}/notebooks/{MAIN[0]}.html")
        toggle = driver.find_element(By.CSS_SELECTOR, "details.solution")
        code = toggle.find_element(By.CSS_SELECTOR, "div.highlight-python")
        assert toggle.get_attribute("open") is None and not code.is_displayed()
        summary = toggle.find_element(By.TAG_NAME, "summary")
        driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", summary)
        summary.click()
        assert toggle.get_attribute("open") == "true" and code.is_displayed()
        assert driver.save_screenshot(str(ARTIFACTS / "site-solution-open.png"))
        # a code cell: collapsed, and opened by its toggle
        cell = driver.find_element(By.CSS_SELECTOR, "details.hide.above-input")
        assert cell.get_attribute("open") is None
        summary = cell.find_element(By.TAG_NAME, "summary")
        driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", summary)
        summary.click()
        assert cell.get_attribute("open") == "true"
        errors = [e for e in driver.get_log("browser") if e["level"] in ("SEVERE", "ERROR")]
        assert errors == []
    finally:
        driver.quit()


def test_charts_link_to_their_png_and_search_fetches_no_page(site):
    """Review 11b, findings 5 and 10: each chart is a link to its PNG at full size, in a full-width cell; search
    lists pages by title and fetches no page for an excerpt (refused from file://, with an error per result)."""
    out, _ = site
    body = page(out, "notebooks/02-claim-timeline")
    assert body.count('<a class="chart-full-size" href="../_static/charts/02-claim-timeline-') == 2
    assert '<img src="../_static/charts/02-claim-timeline-1.png" alt="The article dates' in body
    assert "tag_full-width" in body and "data:image/png" not in article_of(body).split('class="solution"')[0]
    png = (out / "_static" / "charts" / "02-claim-timeline-1.png").read_bytes()
    assert png.startswith(b"\x89PNG") and int.from_bytes(png[16:20], "big") == 1500  # the chart at full size
    assert "SHOW_SEARCH_SUMMARY: false" in (out / "_static" / "documentation_options.js").read_text(encoding="utf-8")


def test_readme_is_the_home_page(site):
    out, _ = site
    readme_title = (ROOT / "README.md").read_text(encoding="utf-8").splitlines()[0].lstrip("# ").strip()
    assert f"<h1>{readme_title}" in page(out, "index")
