"""The HTML report in a real headless browser (Debian's chromium, driven by selenium).

In CI (CI=true) this test must run; `python3 dev.py test` installs the browser there. On a machine
without chromium and chromedriver it is skipped, and says why.
"""

import os
import shutil

import pytest

from exportrow import paths

ARTIFACTS = paths.PROJECT_ROOT / "test-artifacts"


def _browser():
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    driver = shutil.which("chromedriver")
    if not (chromium and driver):
        why = ("Debian's chromium and chromium-driver are not installed "
               "(apt-get install chromium chromium-driver); the HTML report was not checked in a browser")
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(f"CI must run the browser test: {why}")
        pytest.skip(why)
    from selenium import webdriver

    opts = webdriver.ChromeOptions()
    opts.binary_location = chromium
    for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic",
                "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--window-size=1400,1000"):
        opts.add_argument(arg)
    opts.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    return webdriver.Chrome(options=opts, service=webdriver.ChromeService(executable_path=driver))


IMAGES_JS = """
return Array.from(document.images).map(i => ({src: i.src.slice(0, 40), alt: i.getAttribute('alt'),
                                              width: i.naturalWidth, complete: i.complete}));
"""


def test_report_in_a_real_browser(good_report):
    out, _ = good_report
    driver = _browser()
    ARTIFACTS.mkdir(exist_ok=True)
    try:
        pages = [out / "index.html", *sorted(out.glob("*/*.html"))]
        assert len(pages) == 5
        for page in pages:
            driver.get(page.as_uri())
            driver.execute_script("return document.readyState")
            errors = [e for e in driver.get_log("browser") if e["level"] in ("SEVERE", "ERROR")]
            assert errors == [], f"{page.name}: console errors {errors}"
            images = driver.execute_script(IMAGES_JS)
            if page.name not in ("index.html", "04-coding-reliability.html"):  # 04: one coding, so no chart yet
                assert images, f"{page.name}: no images"
            for img in images:
                assert img["complete"] and img["width"] > 0, f"{page.name}: broken image {img['src']}"
                assert img["alt"] and len(img["alt"]) > 20, f"{page.name}: image without alt text"
        driver.get((out / "03-framing-comparison" / "03-framing-comparison.html").as_uri())
        guide = driver.find_element("link text", "coding guide").get_attribute("href")
        driver.get(guide)
        assert "Coding guide" in driver.page_source  # the linked document travels with the report
        driver.get((out / "01-enforcement-statistics" / "01-enforcement-statistics.html").as_uri())
        driver.execute_script("document.querySelector('figure').scrollIntoView()")
        assert driver.save_screenshot(str(ARTIFACTS / "report-01-enforcement-statistics.png"))
        driver.get((out / "index.html").as_uri())
        assert "exportrow report" in driver.title
        assert driver.save_screenshot(str(ARTIFACTS / "report-index.png"))
    finally:
        driver.quit()
