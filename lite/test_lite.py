"""The in-browser edition: every notebook runs in JupyterLite in headless Chromium, offline.

``make test-lite`` builds the site (``make lite``) and runs this: the site is served on
127.0.0.1, every request to any other origin is blocked (and fails the test), each notebook is
opened, run top to bottom, checked for error outputs, its text outputs compared with the
committed (desktop) ones, and its main slider moved with an arrow key to see the plot change.
The differences from the desktop outputs are written to ``test-artifacts/lite/differences.md``;
each must be one that the README's "Run it in your browser" section explains (KNOWN_DIFFERENCES).
Start-up times land in ``test-artifacts/lite/timings.md``.
"""

import configparser
import contextlib
import functools
import http.server
import json
import pathlib
import re
import sys
import threading
import time

import pytest

ROOT = pathlib.Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
import headless  # noqa: E402

SITE = ROOT / "build" / "lite"
NOTEBOOKS = sorted((ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb"))
ARTIFACTS = ROOT / "test-artifacts" / "lite"
# (notebook stem, a line of the code cell) -> why its text output differs in Pyodide; the README's
# "Run it in your browser" section lists them for students.
KNOWN_DIFFERENCES = {
    ("09_cross_entropy_in_frameworks", "log_loss([0], logits, labels=labels)"):
        "Pyodide ships scikit-learn 1.6.1 (desktop 1.9.1): its warning says y_pred, not y_prob, and it "
        "renormalizes values above 1 with a warning instead of raising ValueError",
    ("11_debugging_cross_entropy", 'log_loss(["dog", "dog"]'):
        "scikit-learn 1.6.1 words the single-label error differently (\"Please provide the true labels\") and "
        "does not yet warn (1.7 does) when labels= is not in sorted order",
}


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def site():
    if not (SITE / "index.html").exists():
        pytest.fail("build/lite/ is missing: run `make lite` (make test-lite does)")
    headless.require(strict=True)
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(SITE)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()


@pytest.fixture(scope="module")
def context(site):
    outside = []

    def route(request_route):
        url = request_route.request.url
        if url.startswith(site + "/") or url.startswith("data:") or url.startswith("blob:"):
            request_route.continue_()
        else:
            outside.append(url)
            request_route.abort()

    with headless.launched() as browser:
        # One context for all notebooks: its HTTP cache is the "cached" case after the first.
        # Service workers are blocked so that every request, the kernel worker's too, meets the route.
        ctx = browser.new_context(viewport={"width": 1280, "height": 900}, service_workers="block")
        ctx.route("**/*", route)
        ctx.on("request", lambda request: None if request.url.startswith((site + "/", "data:", "blob:"))
               else outside.append(request.url))
        try:
            yield ctx, outside
        finally:
            ctx.close()


@pytest.fixture(scope="module")
def timings():
    rows = {}
    yield rows
    if rows:
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        lines = ["| notebook | kernel ready s | run all s | MB loaded (network or cache) |", "|---|---:|---:|---:|"]
        lines += [f"| {name} | {r[0]:.1f} | {r[1]:.1f} | {r[2]:.1f} |" for name, r in rows.items()]
        (ARTIFACTS / "timings.md").write_text("\n".join(lines) + "\n")


@pytest.fixture(scope="module")
def differences():
    found = []
    yield found
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    text = "\n\n".join(f"## {nb}, code cell {i}\n\ndesktop:\n```\n{a}\n```\nbrowser:\n```\n{b}\n```" for nb, i, a, b in found)
    (ARTIFACTS / "differences.md").write_text(text + "\n")


def _sanitizers():
    parser = configparser.ConfigParser()
    parser.read(ROOT / "tests" / "sanitize.cfg")
    return [(re.compile(parser[s]["regex"]), parser[s]["replace"]) for s in parser.sections()]


def _text(outputs, sanitizers):
    parts = []
    for output in outputs:
        if output["output_type"] == "stream":
            parts.append("".join(output["text"]))
        elif output["output_type"] in ("execute_result", "display_data"):
            data = output.get("data", {})
            if "application/vnd.jupyter.widget-view+json" not in data:
                parts.append("".join(data.get("text/plain", "")))
        elif output["output_type"] == "error":
            parts.append(f"{output['ename']}: {output['evalue']}")
    text = "".join(parts).strip()
    for regex, replace in sanitizers:
        text = regex.sub(replace, text)
    return text


KERNEL_READY = """() => {
    const panel = window.jupyterapp && window.jupyterapp.shell.currentWidget;
    const kernel = panel && panel.sessionContext && panel.sessionContext.session && panel.sessionContext.session.kernel;
    return !!kernel && kernel.status === 'idle';
}"""
OUTPUTS = """() => window.jupyterapp.shell.currentWidget.content.widgets
    .filter(cell => cell.model.type === 'code')
    .map(cell => cell.model.outputs.toJSON())"""


@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=[path.stem for path in NOTEBOOKS])
def test_notebook_runs_offline_in_the_browser(notebook, site, context, timings, differences):
    ctx, outside = context
    page = ctx.new_page()
    received = []
    page.on("response", lambda response: received.append(response))
    try:
        start = time.monotonic()
        page.goto(f"{site}/lab/index.html?path={notebook.name}")
        page.wait_for_function(KERNEL_READY, timeout=300_000, polling=100)  # generous: CI machines are shared
        ready = time.monotonic() - start
        page.evaluate(headless.RUN_ALL)
        page.wait_for_function(headless.FINISHED, timeout=300_000, polling=200)
        ran = time.monotonic() - start - ready
        assert page.evaluate(headless.ERRORS) == [], "a cell raised (Run All stops there)"
        outputs = page.evaluate(OUTPUTS)

        sanitizers = _sanitizers()
        committed = [c for c in json.loads(notebook.read_text())["cells"] if c["cell_type"] == "code"]
        assert len(committed) == len(outputs)
        unexplained = []
        for index, (cell, browser_outputs) in enumerate(zip(committed, outputs)):
            desktop, browser = _text(cell.get("outputs", []), sanitizers), _text(browser_outputs, sanitizers)
            if desktop != browser:
                differences.append((notebook.stem, index, desktop, browser))
                source = "".join(cell["source"])
                if not any(nb == notebook.stem and key in source for nb, key in KNOWN_DIFFERENCES):
                    unexplained.append((index, desktop, browser))
        assert "building the font cache" not in json.dumps(outputs)
        assert unexplained == [], f"text outputs differ from the desktop edition: {unexplained}"

        main = page.locator(".jp-NotebookPanel:not(.lm-mod-hidden) .xent-main")
        assert main.count() == 1, "exactly one main explorer per notebook"
        main.scroll_into_view_if_needed()
        image, readout = main.locator("img"), main.locator(".widget-html-content")
        page.wait_for_function("img => img.complete && img.naturalWidth > 0", arg=image.element_handle())
        before_src, before_text = image.get_attribute("src"), readout.inner_text()
        main.locator(".noUi-handle").first.focus()
        main.locator(".noUi-handle").first.press("ArrowRight")
        page.wait_for_function("([img, old]) => img.getAttribute('src') !== old", arg=[image.element_handle(), before_src],
                               timeout=20_000)
        page.wait_for_function("([el, old]) => el.innerText !== old", arg=[readout.element_handle(), before_text])
        assert outside == [], f"requests outside the site: {outside}"
        megabytes = sum(int(r.headers.get("content-length", 0)) for r in received if r.status == 200) / 1e6
        timings[notebook.stem] = (ready, ran, megabytes)
    except Exception:
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        with contextlib.suppress(Exception):
            page.screenshot(path=ARTIFACTS / f"FAILED-{notebook.stem}.png", full_page=True)
        raise
    finally:
        page.close()
