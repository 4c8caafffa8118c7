"""JupyterLab in a real browser: notebook 01 as a fresh clone shows it (untrusted), then run from the top; and text
escaped by ``markdown_text`` as JupyterLab's own Markdown renderer shows it (as typed, and no link).

The test starts its own JupyterLab on a port the system gives it (port 0, read back from the server's file: no
other test can take it first), with no token and its own settings, workspace, runtime and data folders, on a copy
of the notebook (nothing in the project is touched), and stops it at the end.
Only the project's settings (`jupyter/exportrow.json`, installed by dev.py into .venv) come from outside.
"""

import contextlib
import json
import os
import shutil
import subprocess
import sys
import time
import urllib.error
import urllib.request

import pytest
from conftest import NOTEBOOKS, ROOT
from test_browser import ARTIFACTS, _browser

pytestmark = pytest.mark.slow  # starts JupyterLab and Chromium: the full tier only

NAME = "01-enforcement-statistics"

# Every code cell's prompt, every table cell's alignment, every image, and every output shown as an error.
STATE_JS = """
const prompts = [...document.querySelectorAll('.jp-Notebook .jp-CodeCell .jp-InputArea-prompt')]
  .map(p => p.textContent.trim());
const cells = [...document.querySelectorAll('.jp-OutputArea-output table td')];
return {
  prompts: prompts,
  tables: document.querySelectorAll('.jp-OutputArea-output table').length,
  aligned: cells.filter(td => getComputedStyle(td).textAlign === 'left').length,
  cells: cells.length,
  images: [...document.querySelectorAll('.jp-OutputArea-output img')]
    .map(i => ({width: i.naturalWidth, alt: i.getAttribute('alt') || ''})),
  errors: [...document.querySelectorAll('.jp-OutputArea-output[data-mime-type="application/vnd.jupyter.stderr"]')]
    .map(e => e.textContent.slice(0, 300)),
  markdown: document.querySelectorAll('.jp-OutputArea-output.jp-RenderedMarkdown').length,
  toasts: [...document.querySelectorAll('.Toastify__toast')].map(t => t.textContent),
  marks: [...document.querySelectorAll('.jp-OutputArea-output mark')]
    .map(m => ({bars: getComputedStyle(m).backgroundImage, title: m.getAttribute('title') || '',
                height: m.getBoundingClientRect().height})),
};
"""


def _server_port(runtime, proc) -> int | None:
    """The port the server was given by the system (it starts on port 0: no other test or program can take the
    port between choosing and binding it), read from the server file it writes into its own runtime folder."""
    for info in runtime.glob(f"jpserver-{proc.pid}.json"):
        try:
            return json.loads(info.read_text())["port"]
        except (ValueError, KeyError, OSError):  # being written
            return None
    return None


def _get(url: str):
    with urllib.request.urlopen(url, timeout=5) as r:  # noqa: S310 - a server this test started on 127.0.0.1
        return json.loads(r.read().decode("utf-8"))


@pytest.fixture
def lab(tmp_path):
    """A JupyterLab server on a copy of notebook 01: its base URL. Stopped (with its kernels) afterwards."""
    with _lab(tmp_path, NOTEBOOKS / f"{NAME}.ipynb") as base:
        yield base


@contextlib.contextmanager
def _lab(tmp_path, notebook):
    """A JupyterLab server on a copy of ``notebook`` (in its notebooks/ folder): its base URL."""
    _browser().quit()  # skips here, before a server starts, when there is no browser
    root = tmp_path / "project"
    (root / "notebooks").mkdir(parents=True)
    shutil.copyfile(notebook, root / "notebooks" / notebook.name)
    dirs = {k: tmp_path / k.lower() for k in ("JUPYTER_CONFIG_DIR", "JUPYTER_RUNTIME_DIR", "JUPYTER_DATA_DIR",
                                              "JUPYTERLAB_SETTINGS_DIR", "JUPYTERLAB_WORKSPACES_DIR", "IPYTHONDIR")}
    for d in dirs.values():
        d.mkdir()
    docmanager = dirs["JUPYTERLAB_SETTINGS_DIR"] / "@jupyterlab" / "docmanager-extension"
    docmanager.mkdir(parents=True)
    (docmanager / "plugin.jupyterlab-settings").write_text('{"autosave": false}')  # never write the copy back
    env = dict(os.environ, **{k: str(v) for k, v in dirs.items()},
               EXPORTROW_OUTPUT_ROOT=str(tmp_path / "outputs"), JUPYTER_PLATFORM_DIRS="1")
    log = open(tmp_path / "lab.log", "w")  # noqa: SIM115 - closed below
    proc = subprocess.Popen(
        [sys.executable, "-m", "jupyter", "lab", "--no-browser", "--port=0", "--ServerApp.ip=127.0.0.1",
         "--IdentityProvider.token=", "--ServerApp.password=", f"--ServerApp.root_dir={root}",
         "--LabApp.expose_app_in_browser=True", "--ServerApp.port_retries=0", "--allow-root"],
        cwd=root, env=env, stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL)
    base = ""
    try:
        for _ in range(240):  # until the server answers, at most about two minutes
            if proc.poll() is not None:
                break
            port = _server_port(dirs["JUPYTER_RUNTIME_DIR"], proc)
            try:
                if port:
                    base = f"http://127.0.0.1:{port}"
                    _get(f"{base}/api/status")
                    break
            except (urllib.error.URLError, ConnectionError, TimeoutError):
                pass
            time.sleep(0.5)
        else:
            pytest.fail(f"JupyterLab did not answer within two minutes: {(tmp_path / 'lab.log').read_text()[-2000:]}")
        if proc.poll() is not None:
            pytest.fail(f"JupyterLab did not start: {(tmp_path / 'lab.log').read_text()[-2000:]}")
        yield base
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        log.close()


def _stored_tables(path) -> int:
    """How many HTML tables the notebook's stored outputs hold."""
    html = ("".join(o.get("data", {}).get("text/html", "")) for c in json.loads(path.read_text())["cells"]
            for o in c.get("outputs", []))
    return sum(h.count("<table") for h in html)


def test_project_settings_turn_off_the_news(lab):
    settings = _get(f"{lab}/lab/api/settings/@jupyterlab/apputils-extension:notification")
    defaults = {k: v.get("default") for k, v in settings["schema"]["properties"].items()}
    assert settings["raw"] == "{}"  # nothing from the user: the defaults below are the project's overrides
    assert defaults["fetchNews"] == "false" and defaults["checkForUpdates"] is False
    assert (ROOT / "jupyter" / "exportrow.json").is_file()


def test_notebook_01_renders_untrusted_then_runs_from_the_top(lab):
    from selenium.webdriver.support.ui import WebDriverWait

    driver = _browser()
    ARTIFACTS.mkdir(exist_ok=True)
    try:
        driver.get(f"{lab}/lab/tree/notebooks/{NAME}.ipynb")
        wait = WebDriverWait(driver, 180)
        # As a fresh clone opens it: stored outputs, untrusted, through JupyterLab's sanitizer. JupyterLab renders
        # the cells bit by bit: wait for every table the file holds, not just the first ones.
        want = _stored_tables(NOTEBOOKS / f"{NAME}.ipynb")
        assert want >= 2
        wait.until(lambda d: d.execute_script(STATE_JS)["tables"] >= want)
        stored = driver.execute_script(STATE_JS)
        assert stored["tables"] == want
        assert stored["cells"] > 10 and stored["aligned"] == stored["cells"], "tables lost their left alignment"
        assert stored["images"] and all(i["width"] > 0 and len(i["alt"]) > 20 for i in stored["images"])
        trusted = driver.execute_script(
            "return window.jupyterapp.shell.currentWidget.content.model.cells.get(2).trusted")
        assert trusted is False  # what was checked above is what an untrusted notebook shows
        # The opening excerpt of the article view keeps its marks: bars, hover text, no <style> needed.
        assert stored["marks"] and all("linear-gradient" in m["bars"] and "FIGURE" in m["title"] and m["height"] > 0
                                       for m in stored["marks"] if "FIGURE" in m["title"]), stored["marks"][:3]

        wait.until(lambda d: d.execute_script(
            "return window.jupyterapp.shell.currentWidget.sessionContext.session?.kernel?.status === 'idle'"))
        driver.execute_script("window.jupyterapp.commands.execute('notebook:run-all-cells')")
        wait.until(lambda d: (lambda s: s["prompts"] and all(p.strip("[]:").isdigit() for p in s["prompts"])
                              and len({p for p in s["prompts"]}) == len(s["prompts"])
                              and s["tables"] >= want)(d.execute_script(STATE_JS)))  # every output drawn
        ran = driver.execute_script(STATE_JS)
        assert ran["errors"] == [], ran["errors"]
        assert ran["tables"] == stored["tables"] and ran["aligned"] == ran["cells"] > 10
        assert ran["markdown"] >= 2  # the citation and the caveats
        assert ran["images"] and all(i["width"] > 0 and len(i["alt"]) > 20 for i in ran["images"])
        assert not [t for t in ran["toasts"] if "news" in t.lower()], ran["toasts"]
        driver.execute_script("document.querySelector('.jp-OutputArea-output table').scrollIntoView()")
        assert driver.save_screenshot(str(ARTIFACTS / "jupyterlab-01.png"))
    finally:
        driver.quit()


# Text escaped by markdown_text, as a notebook shows it in a Markdown output: an actor name, an outlet, a side. Each
# must read as typed and make no link: JupyterLab's renderer (marked, with GitHub Flavored Markdown) turns bare
# www. and e-mail addresses into links, which nbconvert's mistune (the report, test_escape.py) does not.
AUTOLINKS = ["Ministry spokesman (see www.evil.example/login or write to press@evil.example)",
             "WWW.Evil.example", "http://evil.example/a_b", "ftp://evil.example", "<https://evil.example>",
             "mailto:press@evil.example", "xmpp:press@evil.example", "Yonhap (www.yna.co.kr)", "a.b@c.d"]


@pytest.fixture
def escaped_lab(tmp_path):
    """JupyterLab on a notebook whose outputs are Markdown escaped by markdown_text: ordinary, hostile and
    link-like text (test_escape.py's and :data:`AUTOLINKS`), one output each."""
    import nbformat
    from test_escape import HOSTILE, ORDINARY

    from exportrow.escape import markdown_text

    # Not "$5 and $6": marked shows it as typed, but JupyterLab's MathJax then typesets the text between the two
    # dollar signs as math ("5and6"); markdown_text's backslash does not reach MathJax (left alone, reported).
    texts = [*AUTOLINKS, *(t for t in ORDINARY if "$" not in t), *HOSTILE]
    cell = nbformat.v4.new_code_cell("pass")
    cell.outputs = [nbformat.v4.new_output("display_data", data={"text/markdown": markdown_text(text),
                                                                  "text/plain": text}) for text in texts]
    nb = nbformat.v4.new_notebook(cells=[cell])
    path = tmp_path / "escaped.ipynb"
    nbformat.write(nb, path)
    with _lab(tmp_path / "lab", path) as base:
        yield base, texts


def test_escaped_text_reads_as_typed_and_makes_no_link(escaped_lab):
    from selenium.webdriver.support.ui import WebDriverWait

    base, texts = escaped_lab
    driver = _browser()
    try:
        driver.get(f"{base}/lab/tree/notebooks/escaped.ipynb")
        shown_js = """return [...document.querySelectorAll('.jp-OutputArea-output.jp-RenderedMarkdown')].map(o => ({
            text: o.textContent.trim(), links: [...o.querySelectorAll('a')].map(a => a.outerHTML),
            html: o.innerHTML}));"""
        # the output areas appear first and are filled as marked finishes each: wait until every one is drawn
        WebDriverWait(driver, 180).until(lambda d: (lambda s: len(s) == len(texts) and all(o["text"] for o in s))(
            d.execute_script(shown_js)))
        shown = driver.execute_script(shown_js)
        assert [s["links"] for s in shown] == [[]] * len(texts), [s["html"] for s in shown if s["links"]]
        assert [s["text"] for s in shown] == texts, [s["html"] for s, t in zip(shown, texts) if s["text"] != t]
    finally:
        driver.quit()
