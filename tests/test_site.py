"""The static course site (`make site`, publish/build_site.py), opened in Chromium with the network cut off.

Every page is loaded from file:// with every request to anything else aborted (and counted: a
page that tries to reach a CDN fails), then: the math is typeset (no raw ``$`` left), every
figure and every static slider is there, moving a static slider changes its frame and readout,
the student edition has no solution, the Chinese edition (zh/) has every page in Chinese with its
math and sliders, the PDF handouts are A4, the glossary table fits a laptop
screen and the printed page, and the pages stay within their weight. Screenshots of a static
slider at 1024×768 and 1920×1080 land in test-artifacts/site/.

`make test-site` builds the site and runs this file (with XENT_REQUIRE_SITE=1; CI runs it after
`make test`). Under a plain `make test` it skips: building the site takes minutes.
"""

import base64
import json
import os
import pathlib
import re
import sys
import urllib.parse

import pytest

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
import headless  # noqa: E402

ROOT = pathlib.Path(__file__).resolve().parent.parent
SITE = pathlib.Path(os.environ.get("XENT_SITE_DIR", ROOT / "build" / "site"))
ARTIFACTS = ROOT / "test-artifacts" / "site"
NOTEBOOKS = sorted(path.stem for path in (ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb"))
MAX_PAGE_BYTES = 3_000_000  # the heaviest page (08: two sliders of 21 frames, many figures) weighs about 1.5 MB
MAX_SITE_BYTES = 100_000_000  # about 75 MB: 15 notebooks in three editions (English, student, Chinese), frames at 2x, PDFs
A4_POINTS = (595.0, 842.0)
READY = """() => document.documentElement.dataset.mathjax === "done" &&
    [...document.querySelectorAll('script[type="application/vnd.jupyter.widget-view+json"]')]
        .every(script => script.parentElement.querySelector('.widget-box, .widget-image'))"""
# The text a reader sees in the markdown cells, without code and without typeset math.
PROSE = """() => [...document.querySelectorAll('.jp-RenderedMarkdown')].map(element => {
    const copy = element.cloneNode(true);
    copy.querySelectorAll('code, pre, script, .MathJax_CHTML, .MathJax_Preview, .MJX_Assistive_MathML').forEach(e => e.remove());
    return copy.textContent; }).join('\\n')"""
# What the visible frame of a static explorer shows: the selected image of its frames' Stack.
SHOWN = """element => {
    const images = [...element.querySelectorAll('.widget-image')].filter(image => image.offsetParent !== null);
    const readouts = [...element.querySelectorAll('.widget-html')].filter(html => html.offsetParent !== null);
    return {images: images.map(image => image.src), sizes: images.map(image => image.naturalWidth),
            readout: readouts.map(html => html.textContent).join(' | ')}; }"""


@pytest.fixture(scope="module")
def site():
    if os.environ.get("XENT_REQUIRE_SITE") != "1":
        pytest.skip("the site has its own target: `make test-site` builds it and runs these tests")
    if not (SITE / "index.html").exists():
        pytest.fail(f"no site in {SITE}: build it with `make site` (or run `make test-site`)")
    return SITE


@pytest.fixture(scope="module")
def browser(site):
    headless.require(strict=True)
    with headless.launched() as chromium:
        yield chromium


class Offline:
    """A page that may load file:// only: every other request is aborted and remembered."""

    def __init__(self, browser, **options):
        self.page = browser.new_page(**options)
        self.remote, self.failed, self.errors, self.loaded = [], [], [], set()
        self.page.route(re.compile(r"^(?!file:).*"), self._block)
        # A missing file fails; a load cut short by leaving the page (ERR_ABORTED) does not count.
        self.page.on("requestfailed", lambda request: request.url.startswith("file:")
                     and "ABORTED" not in (request.failure or "") and self.failed.append(request.url))
        self.page.on("pageerror", lambda error: self.errors.append(str(error)))
        self.page.on("request", lambda request: request.url.startswith("file:") and self.loaded.add(request.url))

    def loaded_bytes(self):
        """What the page loaded from the disk: the HTML and every script, style and font it asked for."""
        paths = {pathlib.Path(urllib.parse.unquote(urllib.parse.urlparse(url).path)) for url in self.loaded}
        return sum(path.stat().st_size for path in paths if path.is_file())

    def _block(self, route):
        self.remote.append(route.request.url)
        route.abort()

    def open(self, path):
        self.remote.clear(), self.failed.clear(), self.errors.clear(), self.loaded.clear()
        self.page.goto(path.resolve().as_uri())
        if path.name != "index.html":  # the index has neither math nor widgets
            self.page.wait_for_function(READY, timeout=60_000)
        assert not self.remote, f"{path.name} tried to reach the network: {self.remote}"
        assert not self.failed, f"{path.name} links to missing files: {self.failed}"
        assert not self.errors, f"{path.name}: {self.errors}"
        return self.page


@pytest.fixture(scope="module")
def weights():
    """Each page's weight as loaded (HTML, scripts, styles, fonts), written out when the module ends."""
    loaded = {}
    yield loaded
    if loaded:
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        (ARTIFACTS / "page-weights.json").write_text(json.dumps(loaded, indent=1) + "\n")


@pytest.fixture(scope="module")
def offline(browser):
    tab = Offline(browser, viewport={"width": 1280, "height": 900})
    yield tab
    tab.page.close()


def local_links(path):
    text = path.read_text()
    return [link for link in re.findall(r'(?:href|src)="([^"#]+)', text) if not re.match(r"[a-z]+:", link)]


def move_the_main_static_slider(page):
    """Press an arrow key on the page's main static slider: another frame and readout must show."""
    main = page.locator(".xent-static.xent-main")
    assert main.count() == 1
    before = main.evaluate(SHOWN)
    handle = main.locator(".noUi-handle").first
    at_end = handle.get_attribute("aria-valuenow") == handle.get_attribute("aria-valuemax")
    handle.focus()
    page.keyboard.press("ArrowLeft" if at_end else "ArrowRight")
    page.wait_for_function(f"element => ({SHOWN})(element).readout !== {json.dumps(before['readout'])}",
                           arg=main.element_handle(), timeout=5_000)
    after = main.evaluate(SHOWN)
    assert after["images"] != before["images"] and after["readout"] != before["readout"]
    assert after["sizes"][0] > 0

def test_every_notebook_has_a_page_in_both_editions_and_every_local_link_resolves(site):
    for edition in (site, site / "student"):
        pages = {path.stem for path in edition.glob("[0-9][0-9]_*.html")}
        assert pages == set(NOTEBOOKS)
        for path in [edition / "index.html", *sorted(edition.glob("[0-9][0-9]_*.html"))]:
            for link in local_links(path):
                assert (path.parent / link.split("?")[0]).exists(), f"{path.name}: broken link {link}"
            assert not re.search(r'<(?:script|link)[^>]+(?:src|href)="(?:https?:)?//', path.read_text()), \
                f"{path.name} loads something remote"
    index = (site / "index.html").read_text()
    assert all(f'href="{name}.html"' in index for name in NOTEBOOKS)


def test_the_chinese_edition_has_every_page_linked_from_its_index_and_navigation(site):
    zh = site / "zh"
    assert {path.stem for path in zh.glob("[0-9][0-9]_*.html")} == set(NOTEBOOKS)
    index = (zh / "index.html").read_text()
    assert '<html lang="zh-CN">' in index and "笔记本" in index
    assert all(f'href="{name}.html"' in index for name in NOTEBOOKS)
    for k, name in enumerate(NOTEBOOKS):
        path = zh / f"{name}.html"
        text = path.read_text()
        assert '<html lang="zh-CN">' in text, name
        for link in local_links(path):
            assert (zh / link.split("?")[0]).exists(), f"zh/{name}.html: broken link {link}"
        nav = re.search(r'<nav class="xent-nav">(.*?)</nav>', text, re.S)[1]
        assert '<a href="index.html">目录</a>' in nav and f'href="../{name}.html"' in nav
        if k > 0:
            assert re.search(rf'<a href="{NOTEBOOKS[k - 1]}\.html" rel="prev">← \d\d [^<]*[\u4e00-\u9fff]', nav), name
        if k + 1 < len(NOTEBOOKS):
            assert re.search(rf'<a href="{NOTEBOOKS[k + 1]}\.html" rel="next">\d\d [^<]*[\u4e00-\u9fff]', nav), name
        assert ("rel=\"prev\"" in nav) == (k > 0) and ("rel=\"next\"" in nav) == (k + 1 < len(NOTEBOOKS))


def test_a_chinese_page_is_in_chinese_with_its_math_typeset_and_its_slider_moving(site, offline):
    page = offline.open(site / "zh" / f"{NOTEBOOKS[7]}.html")
    assert page.evaluate("document.documentElement.lang") == "zh-CN"
    assert page.locator(".MathJax_CHTML").count() > 0
    assert page.locator(".MathJax_Error, .mjx-merror").count() == 0
    prose = page.evaluate(PROSE)
    assert not re.search(r"\$|\\\(|\\\[", prose), "math left as TeX source"
    assert "你学到了什么" in prose and page.locator("h2", has_text="你学到了什么").count() == 1
    assert page.locator("details.xent-solution summary", has_text="参考解答").count() >= 1
    move_the_main_static_slider(page)
    # For people: the Chinese page at a laptop's size, its main slider in view.
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    tab = Offline(offline.page.context.browser, viewport={"width": 1024, "height": 768})
    page = tab.open(site / "zh" / f"{NOTEBOOKS[7]}.html")
    page.evaluate("element => element.scrollIntoView({block: 'center'})", page.locator(".xent-static.xent-main").element_handle())
    page.screenshot(path=str(ARTIFACTS / "zh_static_slider_1024x768.png"))
    tab.page.close()


def test_navigation_goes_through_the_course_in_order(site, offline):
    page = offline.open(site / "index.html")
    page.click(f'a[href="{NOTEBOOKS[0]}.html"]')
    for name in NOTEBOOKS[1:]:
        page.click('nav.xent-nav >> nth=0 >> a[rel="next"]')
        page.wait_for_url(f"**/{name}.html")
    assert not page.locator('a[rel="next"]').count()
    page.click("nav.xent-nav >> nth=0 >> text=Contents")
    page.wait_for_url("**/index.html")
    assert not offline.remote and not offline.failed


@pytest.mark.parametrize("notebook", NOTEBOOKS)
def test_math_is_typeset_every_figure_shows_and_the_static_slider_moves_its_frame(site, offline, weights, notebook):
    page = offline.open(site / f"{notebook}.html")
    weights[notebook] = offline.loaded_bytes()
    assert weights[notebook] < MAX_PAGE_BYTES + 6_000_000  # plus the shared scripts (MathJax, widgets: about 5 MB)
    assert page.locator(".MathJax_CHTML").count() > 0
    assert page.locator(".MathJax_Error, .mjx-merror").count() == 0
    prose = page.evaluate(PROSE)
    assert not re.search(r"\$|\\\(|\\\[", prose), "math left as TeX source"
    # Every figure: each PNG output of the notebook is an image that decoded.
    outputs = sum(1 for cell in json.loads((ROOT / "notebooks" / f"{notebook}.ipynb").read_text())["cells"]
                  for output in cell.get("outputs", []) if "image/png" in output.get("data", {})
                  and "application/vnd.jupyter.widget-view+json" not in output.get("data", {}))
    figures = page.locator(".jp-RenderedImage img")
    assert figures.count() == outputs
    assert all(width > 0 for width in figures.evaluate_all("images => images.map(image => image.naturalWidth)"))
    # Every explorer is a static one, showing one decoded frame and its readout.
    explorers = page.locator(".xent-explorer")
    views = page.locator('script[type="application/vnd.jupyter.widget-view+json"]').count()
    assert explorers.count() == views == page.locator(".xent-static").count() >= 1
    for k in range(explorers.count()):
        shown = explorers.nth(k).evaluate(SHOWN)
        assert len(shown["images"]) == 1 and shown["sizes"][0] > 0 and shown["readout"]
    # The main slider, moved by the keyboard as a reader would, shows another frame and readout.
    move_the_main_static_slider(page)


@pytest.mark.parametrize("notebook", NOTEBOOKS)
def test_the_student_edition_has_no_solution(site, notebook):
    teacher = (site / f"{notebook}.html").read_text()
    student = (site / "student" / f"{notebook}.html").read_text()
    solution, why = '<span class="c1"># Solution</span>', '<span class="c1"># Why: '  # as a code cell shows them
    assert "xent-solution" in teacher and solution in teacher and why in teacher
    assert '<details class="xent-verdict">' not in teacher  # every verdict open inside its folded solution
    assert teacher.count('<details class="xent-verdict" open>') >= 2
    for mark in ("xent-solution", solution, why, "Correct:"):
        assert mark not in student, mark
    assert student.count("jp-CodeCell") < teacher.count("jp-CodeCell")


def test_the_student_edition_loads_offline(site, offline):
    page = offline.open(site / "student" / f"{NOTEBOOKS[4]}.html")
    assert page.locator(".xent-static.xent-main .noUi-handle").count() == 1
    assert page.locator(".xent-static.xent-main .widget-image").count() == 1  # the Stack draws only the frame shown
    assert page.locator("details.xent-solution").count() == 0


def test_the_glossary_fits_a_laptop_screen_and_an_a4_page(site, browser):
    for viewport, media in (({"width": 1024, "height": 768}, "screen"), ({"width": 718, "height": 1000}, "print")):
        tab = Offline(browser, viewport=viewport)
        tab.page.emulate_media(media=media)
        page = tab.open(site / "student" / f"{NOTEBOOKS[0]}.html")
        glossary = page.locator("table", has_text="中文")
        assert glossary.count() == 1
        width = glossary.evaluate("table => [table.scrollWidth, table.clientWidth, table.getBoundingClientRect().right]")
        assert width[0] <= width[1] + 1 and width[2] <= viewport["width"], (media, width)
        assert page.evaluate("document.documentElement.scrollWidth") <= viewport["width"]
        tab.page.close()


def test_every_notebook_has_an_a4_handout(site):
    for notebook in NOTEBOOKS:
        pdf = (site / "pdf" / f"{notebook}.pdf").read_bytes()
        boxes = re.findall(rb"/MediaBox \[0 0 ([\d.]+) ([\d.]+)\]", pdf)
        assert pdf.startswith(b"%PDF") and len(boxes) >= 2, notebook
        assert all(abs(float(w) - A4_POINTS[0]) < 1 and abs(float(h) - A4_POINTS[1]) < 1 for w, h in boxes), boxes[:2]


def test_page_weights_are_bounded_and_reported(site):
    report = json.loads((site / "build-report.json").read_text())
    for name in NOTEBOOKS:
        for path in (site / f"{name}.html", site / "student" / f"{name}.html"):
            assert path.stat().st_size < MAX_PAGE_BYTES, (path, path.stat().st_size)
        assert report["pages"][name]["static_sliders"] >= 1
        assert report["pages"][name]["frames"] <= 24 * report["pages"][name]["static_sliders"]  # n + 4 at most
    total = sum(path.stat().st_size for path in site.rglob("*") if path.is_file())
    assert total < MAX_SITE_BYTES
    # The frames are stored as 256-colour PNGs (IHDR colour type 3), a quarter of the kernel's RGBA ones.
    page = (site / f"{NOTEBOOKS[7]}.html").read_text()
    state = json.loads(re.search(r'<script type="application/vnd.jupyter.widget-state\+json">(.*?)</script>', page, re.S)[1])
    frames = [base64.b64decode(entry["buffers"][0]["data"]) for entry in state["state"].values() if entry["model_name"] == "ImageModel"]
    assert frames and all(frame[:8] == b"\x89PNG\r\n\x1a\n" and frame[25] == 3 for frame in frames)


def test_screenshots_of_a_static_slider(site, browser):
    """For people, not an assertion beyond what renders: the headline slider at two screen sizes."""
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    for width, height in ((1024, 768), (1920, 1080)):
        tab = Offline(browser, viewport={"width": width, "height": height})
        page = tab.open(site / "07_cross_entropy_for_classification.html")
        main = page.locator(".xent-static.xent-main")
        main.scroll_into_view_if_needed()
        page.evaluate("element => element.scrollIntoView({block: 'center'})", main.element_handle())
        page.screenshot(path=str(ARTIFACTS / f"static_slider_{width}x{height}.png"))
        tab.page.close()
